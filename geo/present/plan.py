"""The mobile-unit plan for people: headline figures, the solver's status, the schedule, the site
table to edit, coverage after the plan, actual figures, and the itinerary as Markdown or XLSX.

Every function returns text or frames of text (``itinerary_xlsx``: bytes) in Bahasa Indonesia or
English; the figures come from ``geo.plan``.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from geo import fmt, workdays
from geo.columns import (ACTUAL, ALAT_ID, DAY, EXPECTED, JAM_AKSES, JAM_TEMPUH, JARAK, JENIS, KECAMATAN, NAMA_LOKASI, SEJAK,
                         SELISIH, STATUS, UNIT, URUTAN)
from geo.plan import Plan, actual_totals, visit_reasons
from geo.present.common import zone_label
from geo.present.plan_explain import (base_name, island_rest_days, objective_label, objective_sentence, reason_text,
                                     travel_note)
from geo.schema import Col
from geo.text import tr


# --- the solver's result and the headline figures ------------------------------------------------
def status_text(plan: Plan, lang: str = "id") -> str:
    """The plan's status in words: ``optimal (terbukti)``, ``diubah manual``…"""
    return tr(f"rencana_status_{plan.status}", lang)


def status_line(plan: Plan, lang: str = "id") -> str:
    """``optimal (terbukti) · celah 0,00%`` — what the solver proved."""
    gap = "" if plan.gap is None else " · " + tr("rencana_celah", lang, gap=fmt.percent(plan.gap, 2, lang))
    return status_text(plan, lang) + gap


def status_short(plan: Plan, lang: str = "id") -> str:
    """One or two words for a headline figure: ``optimal``, ``diubah``…"""
    return tr(f"rencana_status_singkat_{plan.status}", lang)


def status_detail(plan: Plan, lang: str = "id") -> str | None:
    """What stands under :func:`status_short`: ``terbukti · celah 0,00%`` (None when nothing)."""
    parts = [tr("rencana_terbukti", lang)] if plan.status == "optimal" else []
    if plan.gap is not None:
        parts.append(tr("rencana_celah", lang, gap=fmt.percent(plan.gap, 2, lang)))
    return " · ".join(parts) or None


def plan_metrics(plan: Plan, lang: str = "id") -> list[tuple[str, str, str | None, bool]]:
    """(label, value, delta, arrow) for the headline figures: the score on the plan's objective, areas
    changing zone (kecamatan · desa) and people expected, each against the better baseline (by that
    objective; both are in ``plan_explain.headline``), and what the solver proved. ``arrow`` is False
    where the delta is no change or not a change at all."""
    t = lambda k, **p: tr(k, lang, **p)  # noqa: E731
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    best = max(plan.baselines.values(), key=lambda b: b["objective"], default=None)
    gain = plan.objective - best["objective"] if best else 0.0
    other = t("rencana_pembanding_singkat")
    return [
        (t("rencana_m_skor", tujuan=objective_label(plan.params.get("objective", "terbanyak"), lang)),
         fmt.number(plan.objective, 1, lang), f"{fmt.signed(gain, 1, lang)} {t('rencana_vs_pembanding')}",
         round(gain, 1) != 0),
        (t("rencana_m_zona"), f"{num(plan.zones.get('kecamatan', 0))} · {num(plan.zones.get('desa', 0))}",
         f"{other} {num(best['kecamatan'])} · {num(best['desa'])}" if best else None, False),
        (t("rencana_m_total"), num(plan.total), f"{other} {num(best['total'])}" if best else None, False),
        (t("rencana_m_status"), status_short(plan, lang), status_detail(plan, lang), False),
    ]


METRIC_HELP = ("rencana_m_skor_bantuan", "rencana_m_zona_bantuan", "rencana_m_total_bantuan", "rencana_m_status_bantuan")


def metric_help(lang: str = "id") -> list[str]:
    """What each of ``plan_metrics``'s figures means, in its order: a planner's words for the optimiser's."""
    return [tr(k, lang) for k in METRIC_HELP]


def method_note(plan: Plan, lang: str = "id") -> str:
    """One paragraph: solver, status and time, the travel model used, and the holidays of the period
    the plan leaves out. The objective's own sentence stands by its choice (``objective_sentence``)."""
    return " ".join([
        tr("rencana_cara", lang, pemecah=plan.solver, status=status_line(plan, lang),
           detik=fmt.number(plan.solve_seconds, 2, lang)),
        travel_note(plan, lang), holiday_note(plan, lang)])


def holiday_note(plan: Plan, lang: str = "id") -> str:
    """The national holidays and joint leave days within the plan's period, which get no visit."""
    first, last = (date.fromisoformat(d) for d in (plan.dates[0], plan.dates[-1]))
    off = workdays.holidays_between(first, last, lang, plan.params["weekends"])
    if not off:
        return tr("rencana_libur_tidak_ada", lang)
    return tr("rencana_libur", lang, hari="; ".join(f"{fmt.weekdays([d], lang)}, {fmt.long_date(d, lang)} ({name})"
                                                     for d, name in off))


# --- the schedule and the sites ------------------------------------------------------------------
def schedule_grid(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """Text grid for people: one row per day (Hari ke, Tanggal), one column per unit: 'Site (n)'."""
    head = {DAY: tr("rencana_kol_hari", lang), Col.TANGGAL: tr("rencana_kol_tanggal", lang)}
    out = pd.DataFrame({head[DAY]: range(1, plan.params["days"] + 1),
                        head[Col.TANGGAL]: [fmt.long_date(d, lang) for d in plan.dates]})
    for unit in range(1, plan.params["units"] + 1):
        mine = plan.visits[plan.visits[UNIT] == unit]
        days = {d: " → ".join(f"{r[Col.NAMA]} ({fmt.number(r[EXPECTED], lang=lang)})" for r in rows.to_dict("records"))
                for d, rows in mine.sort_values(URUTAN).groupby(DAY)}
        out[tr("rencana_unit_n", lang, n=unit)] = [days.get(d, "–") for d in range(1, plan.params["days"] + 1)]
    return out


def site_table(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """Candidate sites for an editor, planned sites first: pilih (bool: in the plan), Col.KODE, and as
    text Col.NAMA, jenis, kecamatan, jarak_km, Col.BELUM, kunjungan, expected (from ``plan``),
    jam_tempuh (from the base) and jam_ke_lokasi (to the nearest working fixed site).
    Headers are the raw names; ``site_table_labels`` gives the words for them."""
    got = plan.visits.groupby(Col.KODE).agg(kunjungan=(EXPECTED, "size"), expected=(EXPECTED, "sum"))
    out = plan.sites[[Col.KODE, Col.NAMA, JENIS, KECAMATAN, JARAK, Col.BELUM, JAM_TEMPUH, JAM_AKSES]].merge(
        got, left_on=Col.KODE, right_index=True, how="left", validate="one_to_one")
    out[["kunjungan", EXPECTED]] = out[["kunjungan", EXPECTED]].fillna(0).astype(int)
    out.insert(0, "pilih", out["kunjungan"] > 0)
    out = out.sort_values(["pilih", EXPECTED, Col.BELUM, Col.KODE], ascending=[False, False, False, True],
                          ignore_index=True)
    out[JENIS] = [tr(f"jenis_{j}", lang) for j in out[JENIS]]
    out[JARAK] = [fmt.number(v, 1, lang) for v in out[JARAK]]
    for col in (JAM_TEMPUH, JAM_AKSES):
        out[col] = [fmt.number(v, 1, lang) if pd.notna(v) and v != float("inf") else "–" for v in out[col]]
    for col in (Col.BELUM, "kunjungan", EXPECTED):
        out[col] = [fmt.number(v, lang=lang) for v in out[col]]
    return out[["pilih", Col.KODE, Col.NAMA, JENIS, KECAMATAN, JARAK, Col.BELUM, "kunjungan", EXPECTED, JAM_TEMPUH,
                JAM_AKSES]]


# The editor's columns on screen (1366 px): the code, distances and hours stay in the table's data.
SITE_TABLE_SHOWN = ("pilih", Col.NAMA, JENIS, KECAMATAN, Col.BELUM, "kunjungan", EXPECTED)


def site_table_labels(lang: str = "id") -> dict[str, str]:
    """Column words for ``site_table``."""
    keys = {"pilih": "pilih", Col.KODE: "kode", Col.NAMA: "nama", JENIS: "jenis", KECAMATAN: "kecamatan",
            JARAK: "jarak", Col.BELUM: "belum", "kunjungan": "kunjungan", EXPECTED: "perkiraan",
            JAM_TEMPUH: "jam_tempuh", JAM_AKSES: "jam_akses"}
    return {c: tr(f"rencana_kol_{k}", lang) for c, k in keys.items()}


def coverage_after_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``geo.plan.coverage_after`` as text for people: name, coverage (percent) and zone now, added,
    coverage and zone after."""
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kol_nama"): table[Col.NAMA].to_numpy(),
        t("rencana_kol_cakupan_awal"): [fmt.percent(v, 2, lang) for v in table[Col.CAKUPAN]],
        t("rencana_kol_zona_awal"): [zone_label(z, lang) for z in table[Col.ZONA]],
        t("rencana_kol_tambahan"): [fmt.number(v, lang=lang) for v in table["tambahan"]],
        t("rencana_kol_cakupan_akhir"): [fmt.percent(v, 2, lang) for v in table["cakupan_setelah"]],
        t("rencana_kol_zona_akhir"): [zone_label(z, lang) for z in table["zona_setelah"]],
    })


# --- actual figures ------------------------------------------------------------------------------
def actual_metrics(table: pd.DataFrame, lang: str = "id") -> list[tuple[str, str, str | None]]:
    """(label, value, delta) for a ``planned_vs_actual`` table: planned for the reported visits, actual
    (with the difference), and how many visits were reported."""
    sums = actual_totals(table)
    t = lambda k, **p: tr(k, lang, **p)  # noqa: E731
    return [
        (t("rencana_m_rencana"), fmt.number(sums["expected_reported"], lang=lang), None),
        (t("rencana_m_aktual"), fmt.number(sums["actual"], lang=lang), fmt.signed(sums[SELISIH], lang=lang)),
        (t("rencana_m_terlapor"), t("rencana_dari", a=fmt.number(sums["reported"], lang=lang),
                                     b=fmt.number(sums["visits"], lang=lang)), None),
    ]


def actuals_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A planned-vs-actual table for an editor, with localised headers: everything is text except the
    actual figure (a nullable integer, the one column to edit)."""
    cols = {UNIT: "unit", DAY: "hari", Col.TANGGAL: "tanggal", Col.NAMA: "nama", EXPECTED: "perkiraan",
            ACTUAL: "aktual", SELISIH: "selisih"}
    out = table[list(cols)].copy()
    out[Col.TANGGAL] = [fmt.long_date(d, lang) for d in out[Col.TANGGAL]]
    out[EXPECTED] = [fmt.number(v, lang=lang) for v in out[EXPECTED]]
    out[SELISIH] = [fmt.signed(v, lang=lang) for v in out[SELISIH]]
    return out.rename(columns={c: tr(f"rencana_kol_{k}", lang) for c, k in cols.items()})


def actuals_from_view(view: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The unit, day, actual frame ``geo.plan.record_actuals`` takes, from an edited ``actuals_view``."""
    names = {tr(f"rencana_kol_{k}", lang): c for c, k in ((UNIT, "unit"), (DAY, "hari"), (ACTUAL, "aktual"))}
    return view[list(names)].rename(columns=names)


# --- the itinerary -------------------------------------------------------------------------------
def _unit_sheet(plan: Plan, unit: int, lang: str, reasons: list[str]) -> pd.DataFrame:
    """A unit's stops: day, date, code, site, kind, kecamatan, km, stop number, why, expected."""
    mine = plan.visits.assign(alasan=reasons)[plan.visits[UNIT] == unit]
    cols = {DAY: "hari", Col.TANGGAL: "tanggal", Col.KODE: "kode", Col.NAMA: "nama", JENIS: "jenis",
            KECAMATAN: "kecamatan", JARAK: "jarak", URUTAN: "urutan", "alasan": "alasan", EXPECTED: "perkiraan"}
    out = mine[list(cols)].copy()
    out[JENIS] = [tr(f"jenis_{j}", lang) for j in out[JENIS]]
    return out.rename(columns={c: tr(f"rencana_kol_{k}", lang) for c, k in cols.items()})


def _reasons(plan: Plan, lang: str) -> list[str]:
    return [reason_text(r, lang) for r in visit_reasons(plan)]


def itinerary_xlsx(plan: Plan, lang: str = "id") -> bytes:
    """The itinerary as XLSX bytes: one sheet per unit ('Unit 1' …), numbers as numbers, neutralised."""
    from geo.export import to_xlsx_bytes

    reasons = _reasons(plan, lang)
    return to_xlsx_bytes({tr("rencana_unit_n", lang, n=u): _unit_sheet(plan, u, lang, reasons)
                          for u in range(1, plan.params["units"] + 1)})


def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def itinerary_markdown(plan: Plan, lang: str = "id") -> str:
    """A printable itinerary: title, parameters and total, then one table per unit with its total."""
    p = plan.params
    lines = [f"### {tr('rencana_judul_cetak', lang)}" + (f": {_md_cell(plan.name)}" if plan.name else ""),
             tr("rencana_ringkas_cetak", lang, unit=p["units"], hari=p["days"], kapasitas=p["capacity"],
                respons=fmt.percent(100 * p["response"], 0, lang), total=fmt.number(plan.total, lang=lang)),
             objective_sentence(p.get("objective", "terbanyak"), lang, p.get("red_factor"))]
    if plan.base:
        lines.append(tr("rencana_basis", lang, nama=_md_cell(base_name(plan.base, lang))))
    totals = plan.totals.set_index(UNIT)
    reasons = _reasons(plan, lang)
    for unit in range(1, p["units"] + 1):
        sheet = _unit_sheet(plan, unit, lang, reasons)
        lines += ["", f"**{tr('rencana_unit_n', lang, n=unit)}**", "",
                  "| " + " | ".join(sheet.columns) + " |", "|" + "---|" * len(sheet.columns)]
        for row in sheet.itertuples(index=False):
            hari, tanggal, kode, nama, jenis, kec, jarak, urutan, alasan, perkiraan = row
            cells = [hari, fmt.long_date(tanggal, lang), kode, nama, jenis, kec, fmt.number(jarak, 1, lang), urutan,
                     alasan, fmt.number(perkiraan, lang=lang)]
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        lines += ["", tr("rencana_total_unit", lang, n=unit, jumlah=fmt.number(totals.at[unit, EXPECTED], lang=lang))]
    rest = island_rest_days(plan, lang)  # an island stay over a weekend, said on the crew's sheet too
    return "\n".join(lines + (["", *(f"- {_md_cell(line)}" for line in rest)] if rest else []))


def crew_sets(mobiles: pd.DataFrame) -> list[str]:
    """The working mobile sets of the inventory (``geo.capacity.mobile_units`` rows), in its order, as a
    crew's sheet names them: ``Unit Perekaman Keliling 1 (LP15-A1)``. The plan's unit 1 takes the first."""
    working = mobiles[mobiles[STATUS] == "aktif"] if len(mobiles) else mobiles
    return [f"{r[NAMA_LOKASI]} ({r[ALAT_ID]})" for r in working.to_dict("records")]


def units_note(mobiles: pd.DataFrame, units: int, lang: str = "id") -> tuple[str, str] | None:
    """What the inventory says of the plan's ``units`` (``geo.capacity.mobile_units`` rows): ("caption",
    the working mobile sets by name and the ones down) when the plan uses no more than work, ("warning", …)
    when it uses more (a unit under repair planned as if it would go out); None without mobile sets."""
    if mobiles.empty:
        return None
    sets = crew_sets(mobiles)
    names = ", ".join(sets) or "–"
    down = [tr("rencana_unit_mati", lang, nama=r[NAMA_LOKASI], alat=r[ALAT_ID], sejak=fmt.long_date(r[SEJAK], lang),
               status=tr(f"kap_status_{r[STATUS]}", lang)) for r in mobiles[mobiles[STATUS] != "aktif"].to_dict("records")]
    words = dict(n=len(sets), daftar=names, unit=units,
                 mati=tr("rencana_unit_mati_daftar", lang, daftar="; ".join(down)) if down else "")
    if units > len(sets):
        return "warning", tr("rencana_unit_lebih", lang, **words)
    return "caption", tr("rencana_unit_inventaris", lang, **words)

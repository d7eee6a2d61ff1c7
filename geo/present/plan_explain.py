"""Why the plan is what it is, in words: the objective in one sentence, the travel model used, each
visit's reason, the plan against its two baselines, and the zones before and after.

``first_week`` answers the planner's first question at the top of the page: where the units go in the
plan's first week, and why there. Every function returns text or frames of text in Bahasa Indonesia or
English; the figures come from ``geo.plan``.
"""
from __future__ import annotations

import math

import pandas as pd

from geo import config, fmt
from geo.coverage import people_to_reach
from geo.columns import DARATAN, DAY, EXPECTED, JENIS, KECAMATAN, KODE_KEC, UNIT, URUTAN
from geo.plan import BASELINES, CENTRE, Plan, Travel, red_not_visited, visit_reasons
from geo.present.common import zone_label
from geo.schema import Col, Zone
from geo.text import tr


def objective_sentence(objective: str, lang: str = "id", red_factor: float | None = None) -> str:
    """What the office wants, in one sentence (``geo.plan.objective`` says it exactly); ``red_factor``
    (leaving merah against a step into hijau) defaults to ``config.PLAN_RED_FACTOR``."""
    factor = config.PLAN_RED_FACTOR if red_factor is None else red_factor
    return tr(f"rencana_tujuan_{objective.replace('-', '_')}_kalimat", lang, faktor=fmt.number(factor, 0, lang))


def base_name(base: dict | None, lang: str = "id") -> str:
    """Where a plan's units set out from, for people: the office's name, or for a kecamatan's centre
    standing in while no office is listed "titik tengah Kec. X (perkiraan)"; "–" without a base."""
    if not base:
        return "–"
    if base.get(JENIS) == CENTRE:
        return tr("rencana_basis_tengah", lang, nama=base[Col.NAMA])
    return str(base[Col.NAMA])


def provisional_base_note(base: dict | None, area_name: str, lang: str = "id") -> str | None:
    """The warning a plan from a kecamatan's centre carries (what is estimated, how to give the real
    office); None for a plan from a listed office."""
    if not base or base.get(JENIS) != CENTRE:
        return None
    return tr("rencana_basis_perkiraan", lang, wilayah=area_name, basis=base_name(base, lang))


def objective_label(objective: str, lang: str = "id") -> str:
    return tr(f"rencana_tujuan_{objective.replace('-', '_')}", lang)


def baseline_label(name: str, lang: str = "id") -> str:
    return tr(f"rencana_pembanding_{name}", lang)


def _hours(value, lang: str) -> str:
    """Hours in words: '25 menit' under an hour, else '1,4 jam'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return tr("tidak_ada_data", lang)
    if value < 1:
        return tr("rencana_menit", lang, n=fmt.number(round(value * 60), lang=lang))
    return tr("rencana_jam", lang, n=fmt.number(value, 1, lang))


def travel_note(plan: Plan, lang: str = "id") -> str:
    """The travel model the plan used, in one sentence (which one: road network or straight line)."""
    t = Travel.from_dict(plan.params.get("travel"))
    num = lambda v, d=1: fmt.number(v, d, lang)  # noqa: E731
    road = plan.params.get("jalan")
    way = (tr("rencana_jalan_jaringan", lang, nama=road) if road else
           tr("rencana_jalan_garis", lang, faktor=num(t.road_factor, 2)))
    return tr("rencana_perjalanan", lang, jalan=way, kecepatan=num(t.road_kmh, 0), perahu=num(t.boat_kmh, 0),
              tunggu=_hours(t.crossing_wait_h, lang), hari=num(t.day_h), layanan=num(t.service_h),
              mudah=_hours(t.easy_reach_h, lang), jauh=_hours(t.far_h, lang))


def reason_text(reason: dict, lang: str = "id") -> str:
    """A visit's reason (``geo.plan.visit_reasons``) in a few words, the most telling first: the zone
    steps it makes ("desa X → kuning": this visit completes the step), or helps make ("… → kuning
    bersama kunjungan berikutnya (17 Desember 2026)": the plan's later visits complete it, that day)."""
    steps = [tr(f"rencana_alasan_langkah_{level}", lang, nama=name, zona=zone_label(to, lang),
                bersama=_together(on, lang)) for level, name, to, on in reason["langkah"]]
    zone = zone_label(reason["zona"], lang)
    people = tr("rencana_alasan_orang", lang, zona=zone, cakupan=_coverage(reason, lang),
                belum=fmt.number(reason["belum"], lang=lang))
    return "; ".join([*steps, *_circumstances(reason, lang), people])


def _together(on: str | None, lang: str) -> str:
    """'' for a step the visit completes; " bersama kunjungan berikutnya (date)" for one completed later."""
    return "" if on is None else tr("rencana_alasan_bersama", lang, tanggal=fmt.long_date(on, lang))


def _coverage(reason: dict, lang: str) -> str:
    return "" if reason["cakupan"] is None else " " + fmt.percent(reason["cakupan"], 1, lang)


def _circumstances(reason: dict, lang: str) -> list[str]:
    """What besides the zones makes the visit: promised, an island, a broken device, how far the nearest
    working recording site is, a school, a stop on the day's route."""
    parts = []
    if reason["tetap"]:
        parts.append(tr("rencana_alasan_tetap", lang))
    if reason["pulau"]:
        parts.append(tr("rencana_alasan_pulau", lang, jam=_hours(reason["jam_tempuh"], lang)))
    if reason["alat"] == "rusak":
        parts.append(tr("rencana_alasan_rusak", lang, sejak=fmt.long_date(reason["rusak_sejak"], lang)))
    hours = reason["jam_akses"]
    if hours is not None and not math.isfinite(hours):
        parts.append(tr("rencana_alasan_tanpa_lokasi", lang))
    elif hours is not None:
        key = "rencana_alasan_dekat" if reason["mudah"] else "rencana_alasan_akses"
        parts.append(tr(key, lang, jam=_hours(hours, lang), lokasi=reason["lokasi"] or "–"))
    if reason["sekolah"]:
        parts.append(tr("rencana_alasan_sekolah", lang))
    if reason["singgah"]:
        parts.append(tr("rencana_alasan_singgah", lang))
    return parts


def _place_steps(reasons: list[dict]) -> dict[str, tuple[str, str | None]]:
    """The zone step of each level (desa, kecamatan) that a place's visits of the week make together:
    the highest one they complete (completed on: None), else the one the first of them helps make
    with the plan's later visits (completed on: that date)."""
    rank = [z.value for z in Zone].index
    out: dict[str, tuple[str, str | None]] = {}
    for level, _, to, on in (step for r in reasons for step in r["langkah"]):
        held = out.get(level)
        if held is None or (on is None and (held[1] is not None or rank(to) > rank(held[0]))):
            out[level] = (to, on)
    return out


def _place_reason(reasons: list[dict], lang: str) -> str:
    """Why a place is in the first week, from the reasons of its visits that week, its own state first:
    "merah 78,6% → kuning, 205 belum rekam" (or "→ kuning bersama kunjungan berikutnya (date)" when the
    step is completed only after these visits), then its kecamatan's step and the circumstances of its
    first visit (a stop on a route is the day's, not the place's)."""
    reason, steps = reasons[0], _place_steps(reasons)
    step = (f" → {zone_label(steps['desa'][0], lang)}{_together(steps['desa'][1], lang)}" if "desa" in steps else "")
    head = tr("rencana_minggu_orang", lang, zona=zone_label(reason["zona"], lang), cakupan=_coverage(reason, lang),
              ke=step, belum=fmt.number(reason["belum"], lang=lang))
    kecamatan = ([tr("rencana_minggu_kec", lang, zona=zone_label(steps["kecamatan"][0], lang),
                     bersama=_together(steps["kecamatan"][1], lang))] if "kecamatan" in steps else [])
    return "; ".join([head, *kecamatan, *_circumstances({**reason, "singgah": False}, lang)])


def visits_view(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """Every visit for people: unit, day, date, site, kecamatan, expected and why (reason_text)."""
    t = lambda k: tr(k, lang)  # noqa: E731
    reasons = visit_reasons(plan)
    v = plan.visits
    return pd.DataFrame({
        t("rencana_kol_unit"): v[UNIT].astype(str).to_numpy(), t("rencana_kol_hari"): v[DAY].astype(str).to_numpy(),
        t("rencana_kol_tanggal"): [fmt.long_date(d, lang) for d in v[Col.TANGGAL]],
        t("rencana_kol_nama"): v[Col.NAMA].to_numpy(), t("rencana_kol_kecamatan"): v[KECAMATAN].to_numpy(),
        t("rencana_kol_perkiraan"): [fmt.number(e, lang=lang) for e in v[EXPECTED]],
        t("rencana_kol_alasan"): [reason_text(r, lang) for r in reasons],
    })


def reason_lines(plan: Plan, lang: str = "id") -> list[tuple[str, str, str]]:
    """Why each visit, as (when, site, why) words in the plan's order: the days a unit stays at one site
    for one reason are one line (``Unit 1, hari 1–2 (7–8 Desember 2026)``; ``hari 5–6 (11 dan 14
    Desember 2026)`` over a weekend), not a line a day saying the same. Names as plain text, for the
    caller to escape."""
    v = plan.visits.assign(_why=[reason_text(r, lang) for r in visit_reasons(plan)])
    groups: list[dict] = []
    for unit, day, when, kode, name, why in zip(v[UNIT], v[DAY], v[Col.TANGGAL], v[Col.KODE], v[Col.NAMA], v["_why"]):
        last = groups[-1] if groups else None
        if last and (last["unit"], last["kode"], last["why"], last["day"][1] + 1) == (unit, kode, why, day):
            last["day"] = (last["day"][0], day)
            last["when"].append(when)
        else:
            groups.append({"unit": unit, "kode": kode, "name": name, "why": why, "day": (day, day), "when": [when]})
    return [(tr("rencana_alasan_kapan", lang, unit=g["unit"],
                hari=str(g["day"][0]) if g["day"][0] == g["day"][1] else f"{g['day'][0]}–{g['day'][1]}",
                tanggal=fmt.day_list(g["when"], lang)), g["name"], g["why"]) for g in groups]


def island_rest_days(plan: Plan, lang: str = "id", unit: int | None = None) -> list[str]:
    """A line per island stay that spans days off (a weekend, a holiday between two of its working days):
    the unit's crew stays on the island those days, or goes back and crosses again; the schedule counts
    working days only, so it says so (the stay's days read as one run: 11 then 14 December). ``unit``:
    that unit's stays only."""
    v = plan.visits if unit is None else plan.visits[plan.visits[UNIT] == unit]
    v = v.merge(plan.sites[[Col.KODE, DARATAN]], on=Col.KODE, how="left", validate="many_to_one")
    v = v.drop_duplicates([UNIT, DAY]).sort_values([UNIT, DAY])
    out = []
    for unit, rows in v.groupby(UNIT, sort=True):
        rows = rows.to_dict("records")
        for before, after in zip(rows, rows[1:]):
            first, last = (pd.Timestamp(str(r[Col.TANGGAL])[:10]) for r in (before, after))
            same_island = before[DARATAN] == after[DARATAN] and before[DARATAN] > 0 and after[DAY] == before[DAY] + 1
            if same_island and (last - first).days > 1:
                off = [d.date().isoformat() for d in pd.date_range(first + pd.Timedelta(days=1), last - pd.Timedelta(days=1))]
                out.append(tr("rencana_pulau_libur", lang, unit=unit, kecamatan=after[KECAMATAN],
                              libur=fmt.day_list(off, lang), dari=before[Col.NAMA], ke=after[Col.NAMA]))
    return out


def baselines_view(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """The plan and its two baselines on the plan's objective: cara, skor, people, kecamatan and
    desa changing zone, desa reaching hijau (text)."""
    t = lambda k: tr(k, lang)  # noqa: E731
    rows = [(t("rencana_cara_rencana"), {"objective": plan.objective, "total": plan.total, **plan.zones})]
    rows += [(baseline_label(n, lang), plan.baselines[n]) for n in BASELINES if n in plan.baselines]
    return pd.DataFrame({
        t("rencana_kol_cara"): [name for name, _ in rows],
        t("rencana_kol_skor"): [fmt.number(r["objective"], 1, lang) for _, r in rows],
        t("rencana_kol_perkiraan"): [fmt.number(r["total"], lang=lang) for _, r in rows],
        t("rencana_kol_kec_berubah"): [fmt.number(r["kecamatan"], lang=lang) for _, r in rows],
        t("rencana_kol_desa_berubah"): [fmt.number(r["desa"], lang=lang) for _, r in rows],
        t("rencana_kol_desa_hijau"): [fmt.number(r["hijau"], lang=lang) for _, r in rows],
    })


def headline(plan: Plan, lang: str = "id") -> str:
    """One sentence: what the plan does to the zones and how many it records, against the two baselines, on
    its objective (a plan recording fewer than a baseline says so: the trade its objective makes)."""
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    others = "; ".join(tr("rencana_headline_pembanding", lang, cara=baseline_label(n, lang),
                          skor=fmt.number(b["objective"], 1, lang), total=num(b["total"]), kec=num(b["kecamatan"]),
                          desa=num(b["desa"]))
                       for n, b in plan.baselines.items())
    return tr("rencana_headline", lang, tujuan=objective_label(plan.params.get("objective", "terbanyak"), lang),
              skor=fmt.number(plan.objective, 1, lang), total=num(plan.total), kec=num(plan.zones.get("kecamatan", 0)),
              desa=num(plan.zones.get("desa", 0)), pembanding=others)


def zones_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``geo.plan.zones_before_after`` for people: level, zone, now, after the plan."""
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("rencana_kol_tingkat"): [t(f"rencana_tingkat_{v}") for v in table["tingkat"]],
        t("kol_zona"): [zone_label(z, lang) for z in table[Col.ZONA]],
        t("rencana_kol_sekarang"): [fmt.number(v, lang=lang) for v in table["sekarang"]],
        t("rencana_kol_setelah"): [fmt.number(v, lang=lang) for v in table["setelah"]],
    })


def red_notes(plan: Plan, lang: str = "id") -> list[str]:
    """A sentence for each merah kecamatan among the sites that the plan does not visit, saying why; one
    left for visits worth more elsewhere says how far its unrecorded people live from a working site
    (the reason it weighs little, except on the objective that counts every recording alike)."""
    out = []
    for r in red_not_visited(plan):
        access = ""
        if r["alasan"] == "tidak_dipilih" and r["jam_akses"] is not None and plan.params.get("objective") != "terbanyak":
            access = " " + tr("rencana_merah_akses", lang, waktu=_hours(r["jam_akses"], lang), lokasi=r["lokasi"])
        out.append(tr(f"rencana_merah_{r['alasan']}", lang, nama=r["nama"], akses=access))
    return out


def first_week(plan: Plan, lang: str = "id", days: int = 7, shown: int = 5) -> tuple[str, list[tuple[str, str]]] | None:
    """Where the units go in the plan's first ``days`` days, and why there: a title (the dates, how many
    units and places) and, for each place in the order of its first visit, (its name, the rest: its
    kecamatan, which units on which weekdays, the recordings expected, ``_place_reason``) — names as
    plain text, for the caller to escape; the first ``shown`` places (the title says where the rest
    are). None without visits."""
    visits = plan.visits.assign(_why=visit_reasons(plan)).sort_values([Col.TANGGAL, UNIT, URUTAN], kind="stable")
    if visits.empty:
        return None
    day = pd.to_datetime(visits[Col.TANGGAL])
    week = visits[(day < day.min() + pd.Timedelta(days=days)).to_numpy()]
    places = []
    for _, stops in week.groupby(Col.KODE, sort=False):
        first = stops.iloc[0]
        units = ", ".join(str(u) for u in sorted(set(stops[UNIT].astype(int))))
        places.append((str(first[Col.NAMA]), tr("rencana_minggu_tempat", lang, kecamatan=first[KECAMATAN], unit=units,
                                                 hari=fmt.weekdays(stops[Col.TANGGAL], lang),
                                                 orang=fmt.number(stops[EXPECTED].sum(), lang=lang),
                                                 alasan=_place_reason(list(stops["_why"]), lang))))
    span = fmt.date_span(week[Col.TANGGAL].min(), week[Col.TANGGAL].max(), lang)
    title = tr("rencana_minggu_judul", lang, tanggal=span,
               unit=fmt.number(week[UNIT].nunique(), lang=lang), tempat=fmt.number(len(places), lang=lang))
    if len(places) > shown:
        title += tr("rencana_minggu_lainnya", lang, n=fmt.number(shown, lang=lang))
    return title, places[:shown]


def late_data_notes(plan: Plan, offline: set[str], lang: str = "id") -> list[str]:
    """A sentence for each kecamatan the plan visits whose recording sites work offline (``offline``:
    their codes): its figures arrive late, so units may be sent to people already recorded — ask first."""
    visits = plan.visits.merge(plan.sites[[Col.KODE, KODE_KEC]].drop_duplicates(Col.KODE), on=Col.KODE)
    visits = visits[visits[KODE_KEC].isin(offline)]
    return [tr("rencana_data_terlambat", lang, nama=rows[KECAMATAN].iloc[0],
               n=fmt.number(len(rows[[UNIT, DAY]].drop_duplicates()), lang=lang))
            for _, rows in visits.groupby(KODE_KEC, sort=True)]


THIN_MARGIN = 0.05  # a zone change resting on fewer people than this share of the plan's recordings there


def thin_margins(after: pd.DataFrame, zones, response: float, lang: str = "id") -> list[str]:
    """A line per area the plan lifts a zone (``geo.plan.after_plan`` rows) by a hair: fewer people above the
    new zone's threshold than ``THIN_MARGIN`` of what the plan records there (at least one). Such a change
    is claimed on the expected turnout (``response``); a few less who come and the zone stays."""
    out = []
    for row in after.to_dict("records"):
        before, now = row[Col.ZONA], row["zona_setelah"]
        if not isinstance(before, str) or not isinstance(now, str) or before == now or not row["tambahan"]:
            continue
        threshold = zones.hijau if now == "hijau" else zones.kuning
        margin = int(row["tambahan"]) - people_to_reach(row[Col.WAJIB], row[Col.SUDAH], threshold)  # people to spare
        if margin < max(1, THIN_MARGIN * row["tambahan"]):
            out.append(tr("rencana_tipis", lang, nama=row[Col.NAMA], zona=zone_label(now, lang),
                          selisih=fmt.number(margin + 1, lang=lang), ambang=fmt.percent(threshold, 0, lang),
                          respons=fmt.percent(100 * response, 0, lang), zona_awal=zone_label(before, lang)))
    return out

"""The crews' sheets of a jemput bola plan: one A4 page per unit (more when its visits run over), to
print and hand to the crew before it sets out.

Each page says whose days they are and from where the unit sets out, then a line per visit: day,
date, site (its kind and code under it), kecamatan, the people expected, an empty box for what the
crew really records (entered afterwards on Rencana's "Simpan & realisasi"), and under it why the
site was chosen. The unit's island stays over days off are said at the foot, with the source.
"""
from __future__ import annotations

from datetime import date

from geo import fmt
from geo.columns import DARATAN, DAY, EXPECTED, JENIS, KECAMATAN, KODE_DESA, UNIT, URUTAN
from geo.config import DEFAULTS, Settings
from geo.plan import Plan, plan_trips, visit_reasons
from geo.present.plan_explain import base_name, island_rest_days, reason_text
from geo.render.pdf_page import PdfPage, fit_text, pages_pdf, rule, wrap_words
from geo.render.style import INK, MUTED, is_demo, source_text
from geo.schema import Col
from geo.text import tr

# columns: (text key, left, right inches, alignment)
COLUMNS = [("kru_kol_hari", 0.5, 0.8, "right"), ("rencana_kol_tanggal", 0.92, 2.2, "left"),
           ("kru_kol_lokasi", 2.3, 4.5, "left"), ("rencana_kol_kecamatan", 4.6, 5.8, "left"),
           ("kru_kol_perkiraan", 5.85, 6.6, "right"), ("kru_kol_direkam", 6.75, 7.77, "left")]
REASON_LEFT = 2.3  # why the site was chosen: under its first day, to the right edge
REASON_PT, REASON_LINES = 7.5, 3
FOOT_ROOM = 1.35  # inches kept at the foot for the notes and the source


def crew_sheets(plan: Plan, **options) -> bytes:
    """PDF bytes of ``crew_pages(plan, **options)``."""
    return pages_pdf(crew_pages(plan, **options))


def crew_pages(plan: Plan, *, area_name: str, data_date=None, lang: str = "id", settings: Settings = DEFAULTS,
               today: date | None = None, sets: list[str] = ()) -> list[PdfPage]:
    """The pages of every unit of ``plan`` (1 … params["units"]), in unit order. ``sets``: the working
    mobile sets of the inventory (``geo.present.plan.crew_sets``): unit k's sheet names the k-th (a crew
    must not take the set under repair); a unit beyond them says none is listed for it."""
    reasons = [reason_text(r, lang) for r in visit_reasons(plan)]
    visits = plan.visits.assign(_why=reasons)
    source = source_text(settings, data_date, lang, demo=is_demo(plan.visits.get(KODE_DESA, [])))
    made = tr("kru_dibuat", lang, tanggal=fmt.long_date(today or date.today(), lang))
    pages: list[PdfPage] = []
    for unit in range(1, int(plan.params["units"]) + 1):
        mine = visits[visits[UNIT] == unit].sort_values([DAY, URUTAN])
        kit = sets[unit - 1] if unit <= len(sets) else (tr("kru_set_tidak_ada", lang) if sets else None)
        notes = island_rest_days(plan, lang, unit)
        pages += _unit_pages(plan, unit, mine, area_name, kit, notes, f"{source} · {made}", lang)
    return pages


def _unit_pages(plan: Plan, unit: int, mine, area_name: str, kit: str | None, notes: list[str], source: str,
                lang: str) -> list[PdfPage]:
    days = sorted(set(mine[Col.TANGGAL]))
    span = fmt.date_span(days[0], days[-1], lang) if days else "–"
    page, top = _new_page(plan, unit, span, mine, area_name, kit, lang, first=True)
    pages, y = [page], _header(page, top)
    if mine.empty:
        page.text(page.MARGIN, y + 0.1, tr("kru_unit_kosong", lang), 10)
    stays = {t["hari_awal"]: t for t in plan_trips(plan).to_dict("records")
             if t[UNIT] == unit and t[DARATAN] > 0 and t["hari_akhir"] > t["hari_awal"]}
    before = None
    for i, row in enumerate(mine.to_dict("records")):
        # why: once per stay at a site (its first day); the next days of the same stay say nothing more; an
        # island stay says first that the crew sleeps on the island, and on which days it crosses
        stay = stays.get(row[DAY]) if before != row[Col.KODE] else None
        lead = tr("kru_pulau", lang, awal=stay["hari_awal"], akhir=stay["hari_akhir"]) + " " if stay else ""
        text = lead + row["_why"]
        why = [] if before == row[Col.KODE] else wrap_words(page, text, page.w - page.MARGIN - REASON_LEFT, REASON_PT)
        before = row[Col.KODE]
        if len(why) > REASON_LINES:
            why = why[:REASON_LINES - 1] + [why[REASON_LINES - 1] + " …"]
        height = 0.36 + 0.135 * len(why) + (0.1 if why else 0.02)
        if y + height > page.h - FOOT_ROOM:
            _foot(page, [], source, lang)
            page, top = _new_page(plan, unit, span, mine, area_name, kit, lang, first=False)
            pages.append(page)
            y = _header(page, top)
        _visit(page, row, why, y, height, shaded=i % 2 == 1, lang=lang)
        y += height
    _foot(page, notes, source, lang)
    return pages


def _new_page(plan: Plan, unit: int, span: str, mine, area_name: str, kit: str | None, lang: str,
              first: bool) -> tuple[PdfPage, float]:
    """A page with the unit's title and what its days are (area, base, days, people); and the y under them."""
    page = PdfPage(lang)
    m = page.MARGIN
    title = tr("kru_judul", lang, n=unit, tanggal=span) if first else tr("kru_judul_lanjut", lang, n=unit)
    fit_text(page, m, page.w - m, m, title, 15, "left", fontweight="bold")
    sub = tr("kru_sub", lang, wilayah=area_name, basis=base_name(plan.base, lang), hari=mine[DAY].nunique(),
             jumlah=fmt.number(int(mine[EXPECTED].sum()), lang=lang))
    lines = wrap_words(page, sub, page.w - 2 * m, 9)
    if kit:  # which set this crew takes out
        lines.insert(0, tr("kru_set", lang, nama=kit))
    if plan.name:
        lines.append(tr("kru_rencana", lang, nama=plan.name))
    for k, line in enumerate(lines[:4]):
        page.text(m, m + 0.36 + 0.18 * k, line, 9, color=INK if kit and k == 0 else MUTED,
                  fontweight="bold" if kit and k == 0 else "normal")
    return page, m + 0.42 + 0.18 * min(len(lines), 4) + 0.12


def _header(page: PdfPage, top: float) -> float:
    """The columns' titles at ``top`` and a rule under them; returns the y of the first row."""
    for key, left, right, align in COLUMNS:
        fit_text(page, left, right, top, tr(key, page.lang), 8, align, fontweight="bold", color=MUTED)
    y = top + 0.2
    page.fig.add_artist(rule(page, page.MARGIN, y - 0.04, page.w - page.MARGIN))
    return y + 0.02


def _visit(page: PdfPage, row: dict, why: list[str], y: float, height: float, shaded: bool, lang: str) -> None:
    m = page.MARGIN
    if shaded:
        page.box(m, y - 0.04, page.w - 2 * m, height, facecolor="#f4f4f4", edgecolor="none")
    cells = {"kru_kol_hari": str(row[DAY]),
             "rencana_kol_tanggal": fmt.long_date(row[Col.TANGGAL], lang),
             "kru_kol_lokasi": str(row[Col.NAMA]), "rencana_kol_kecamatan": str(row[KECAMATAN]),
             "kru_kol_perkiraan": fmt.number(row[EXPECTED], lang=lang)}
    for key, left, right, align in COLUMNS:
        if key == "kru_kol_direkam":  # the crew writes what it recorded
            page.box(left, y - 0.02, right - left, 0.26, facecolor="white", edgecolor="#777777", linewidth=0.7)
            continue
        fit_text(page, left, right, y, cells[key], 9.5, align,
                 fontweight="bold" if key == "kru_kol_lokasi" else "normal")
    fit_text(page, COLUMNS[1][1], COLUMNS[1][2], y + 0.19, fmt.weekdays([row[Col.TANGGAL]], lang), 7.5, "left",
             color=MUTED)  # the day's name under its date
    kind = f"{tr(f'jenis_{row[JENIS]}', lang)} · {row[Col.KODE]}"
    fit_text(page, REASON_LEFT, COLUMNS[2][2], y + 0.19, kind, 7.5, "left", color=MUTED)
    for k, line in enumerate(why):
        page.text(REASON_LEFT, y + 0.38 + 0.135 * k, line, REASON_PT, color=INK)


def _foot(page: PdfPage, notes: list[str], source: str, lang: str) -> None:
    m = page.MARGIN
    lines = [w for note in notes for w in wrap_words(page, note, page.w - 2 * m, 8)]
    lines += wrap_words(page, tr("kru_isi", lang), page.w - 2 * m, 8)
    source_lines = wrap_words(page, source, page.w - 2 * m, 7.5)
    y = page.h - m - 0.14 * len(source_lines) - 0.15 * len(lines) - 0.1
    for line in lines:
        page.text(m, y, line, 8)
        y += 0.15
    y += 0.1
    for line in source_lines:
        page.text(m, y, line, 7.5, color=MUTED)
        y += 0.14

"""The bupati's one-page briefing (PDF), read from the store.

``briefing_pdf`` lays out one A4 portrait page: the KPIs with their change since the
previous snapshot, what it takes to reach the hijau zone, the zone map of the desa
(the ten biggest pockets numbered), the coverage trend and the table of those ten
pockets, with the date and source of the data. All text is real PDF text (TrueType
fonts), so numbers can be searched and copied.
"""
from __future__ import annotations

from datetime import date as date_type

import pandas as pd
from matplotlib.ticker import MaxNLocator

from geo import fmt
from geo.alerts import compute_alerts
from geo.config import DEFAULTS, Settings
from geo.coverage import SUMBER_BEDA, area_totals, change, coverage_table, data_reach, lagging, people_to_reach, previous_date
from geo.columns import TARGET_PERSEN
from geo.pockets import top_belum
from geo.present.common import first_named, reach_note
from geo.present.pockets import TOP_POCKETS
from geo.present.targets import behind
from geo.present.trend import not_newest, stale_advice, stale_warning, threshold_text, verdict
from geo.render import static_map
from geo.render.charts import coverage_range
from geo.render.briefing_ranking import draw_ranking, ranked_children, table_height
from geo.render.media import context, pockets_table
from geo.render.pdf_page import PDF_FONT, PdfPage, fit_legend, zebra_table
from geo.render.axes import month_ticks
from geo.render.style import (
    INK, LINE_COLOUR, MUTED, level_words, source_text, text_lines, text_width, tint, wrap_text, zone_word, zones_of,
)
from geo.schema import ZONE_COLOURS, Col, Level, Zone
from geo.targets import area_projection, vs_target
from geo.text import tr
from geo.timeline import coverage_over_time

ROW_IN = 0.165  # height of a table row on the page, inches
MAX_NAMED = 6  # areas named on one line of findings; the rest counted
HEADLINE_PT = 12.5  # the finding under the area's name


def briefing_pdf(store, within: str, *, date: str | None = None, lang: str = "id",
                 settings: Settings = DEFAULTS, today: date_type | None = None) -> bytes:
    """One A4 portrait page (PDF bytes) for the head of ``within`` (the country, a provinsi, kabupaten/kota or
    kecamatan).

    Shows, at ``date`` (default: the newest data): wajib KTP, sudah rekam, belum rekam
    and cakupan with its zone, each with its change since the previous snapshot; the
    recordings needed to reach hijau; the zone of each area one level down; the desa
    zone map; the coverage trend; the ten desa with the most belum rekam. The headline under the
    area's name answers "will we make the deadline?" against the target in force (``geo.targets``;
    data aged against ``today``; data older than ``settings.stale_days`` is said in the findings,
    with its date and age), and the areas one level down behind their targets are named. For a
    provinsi (``context``'s ``wide``) the headline is how many kabupaten/kota are still red, maps
    its kabupaten/kota and ranks them (``briefing_ranking``) instead of the desa map and pockets; the
    whole country (``COUNTRY``) leads with its red provinsi and kabupaten/kota, ranks its provinsi and
    maps its kabupaten/kota (``context``'s ``map_level``). Raises RekamError for an unknown area, a desa,
    or no data.
    """
    ctx = context(store, within, date, settings, lang)
    now = ctx["totals"]
    before_date = previous_date(store, within, now[Col.TANGGAL])
    before = area_totals(store, within, date=before_date, zones=settings.zones) if before_date else {}
    delta = change(now, before) if before else {}
    wide = ctx["wide"]  # a provinsi: its kabupaten/kota mapped and ranked, not its thousands of desa
    children = coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones,
                              geometry=wide or ctx["child"] is not Level.DESA)
    mapped = children if ctx["map_level"] is ctx["child"] else coverage_table(  # the country: its kabupaten/kota
        store, ctx["map_level"], within=within, date=date, zones=settings.zones, geometry=True)
    desa, parents = pockets_table(store, within, date, settings, ctx, geometry=not wide)
    series = coverage_over_time(store, within, end=date, settings=settings)
    page = PdfPage(lang)
    goals = _goal_lines(store, within, date, today, ctx, settings, lang)
    headline = red_finding(ctx, children, mapped, settings, lang) if wide else goals[0]
    older, age = _age_lines(store, within, today, ctx, settings, lang)
    y = _header(page, ctx, before_date, headline, lang, older)
    y = _kpis(page, y, now, delta, before_date, settings, lang)
    findings = ([goals[0]] if wide else []) + ([age] if age else [])
    later = goals[1:] + _obstacles(store, within, today, ctx, settings, lang)
    y = _findings(page, y + 0.22, ctx, now, series, children, desa, settings, lang, findings, later, mapped)
    # bottom-up: footer, the table; the map (left) and legend + trend (right) share what is left
    footer_top = page.h - 0.62
    if wide:
        ranked = ranked_children(store, within, ctx["child"], date, ctx["data_date"], settings, lang, today)
        table_top = footer_top - (0.5 + table_height(ranked))
        shapes, outline, numbers, level = mapped, None, {}, ctx["map_level"]
    else:
        pockets = top_belum(desa.drop(columns="geometry"), TOP_POCKETS, settings.zones).reset_index(drop=True)
        table_top = footer_top - (0.5 + 0.2 + TOP_POCKETS * ROW_IN)
        shapes, outline, level = desa, children if ctx["child"] is not Level.DESA else None, Level.DESA
        numbers = {k: i + 1 for i, k in enumerate(pockets[Col.KODE])}
    section_top, section_bottom = y + 0.5, table_top - 0.05
    right_x, notes_end = _map(page, section_top, section_bottom, shapes, outline, numbers, level, settings, lang)
    trend_top = max(section_bottom - 1.95, notes_end + 0.45)  # its title clear of the map's notes
    _trend(page, right_x, trend_top, section_bottom - 0.35, series, settings, lang)
    if wide:
        draw_ranking(page, table_top + 0.35, ranked, ctx["child"], settings, lang)
    else:
        _pockets(page, table_top + 0.35, pockets, desa, parents, settings, lang)
    _footer(page, ctx, settings, lang)
    return page.pdf()


def _header(page: PdfPage, ctx: dict, before_date: str | None, headline: str, lang: str,
            older: str | None = None) -> float:
    """The kind of briefing, the area's name, the finding as a headline under it (wrapped), then the
    date of the data, and ``older`` (these are not the newest figures) in bold under it, where the
    headline is read; returns the y below them."""
    m = page.MARGIN
    head = {Level.KABUPATEN: "rb_kepala", Level.PROVINSI: "rb_kepala_provinsi", None: "rb_kepala_negara"}.get(
        ctx["level"], "rb_kepala_kecamatan")
    page.text(m, 0.45, tr(head, lang), 8.5, color=MUTED, fontweight="bold")
    page.text(m, 0.66, ctx["name"], 20, fontweight="bold")
    y = 1.04
    for part in text_lines(wrap_text(headline, HEADLINE_PT, (page.w - 2 * m) * 72, bold=True)):
        page.text(m, y, part, HEADLINE_PT, fontweight="bold", gid="headline")
        y += 0.22
    line = tr("rb_tanggal", lang, tanggal=fmt.long_date(ctx["data_date"], lang))
    if before_date:
        line += " · " + tr("rb_banding", lang, tanggal=fmt.long_date(before_date, lang))
    if ctx["demo"]:
        line += " · " + tr("gambar_contoh", lang).upper()
    page.text(m, y + 0.06, line, 10, color=MUTED)
    if older:  # a headline on past figures is never read as today's
        page.text(m, y + 0.27, older, 10, color=INK, fontweight="bold", gid="not-newest")
        y += 0.25
    return y + 0.26


def _kpis(page: PdfPage, top: float, now: dict, delta: dict, before_date: str | None, settings: Settings,
          lang: str) -> float:
    """Four cards from ``top``: label, value, change, "since …"; the coverage card shows its zone (swatch + word)."""
    m, h = page.MARGIN, 1.0
    gap = 0.12
    w_last = 2.1  # the coverage card also holds its zone
    w = (page.w - 2 * m - 3 * gap - w_last) / 3
    since = tr("rb_sejak", lang, tanggal=_short_date(before_date, lang)) if before_date else ""
    zone = settings.zones.zone(now[Col.CAKUPAN])
    cards = [
        ("rb_wajib", fmt.number(now[Col.WAJIB], lang=lang), _change_text(delta.get(Col.WAJIB), 0, "", lang)),
        ("rb_sudah", fmt.number(now[Col.SUDAH], lang=lang), _change_text(delta.get(Col.SUDAH), 0, "", lang)),
        ("rb_belum", fmt.number(now[Col.BELUM], lang=lang), _change_text(delta.get(Col.BELUM), 0, "", lang)),
        ("rb_cakupan", fmt.percent(now[Col.CAKUPAN], 2, lang), _change_text(delta.get(Col.CAKUPAN), 2, "poin", lang)),
    ]
    for i, (key, value, moved) in enumerate(cards):
        x = m + i * (w + gap)
        w = w_last if key == "rb_cakupan" else w
        page.box(x, top, w, h, facecolor="#f4f4f4", edgecolor="#d0d0d0", linewidth=0.6)
        page.text(x + 0.12, top + 0.1, tr(key, lang), 9, color=MUTED, fontweight="bold")
        if key == "rb_cakupan":  # the zone, right-aligned on the label's line: colour, hatch and word
            word = tr("rb_zona", lang, zona=zone_word(zone, lang))
            page.text(x + w - 0.1, top + 0.1, word, 9, fontweight="bold", ha="right")
            page.swatch(x + w - 0.16 - text_width(word, 9, bold=True) / 72 - 0.22, top + 0.1, zone, 0.22, 0.13)
        page.text(x + 0.12, top + 0.3, value, 18, fontweight="bold")
        if delta.get(SUMBER_BEDA):  # then and now sum different desa: no change to read
            moved = tr("rb_tidak_dibandingkan", lang)
        page.text(x + 0.12, top + 0.64, moved if before_date else tr("rb_tanpa_banding", lang), 9)
        page.text(x + 0.12, top + 0.81, since, 7.5, color=MUTED)
    return top + h


def _change_text(value, decimals: int, unit: str, lang: str) -> str:
    if value is None:
        return tr("rb_tanpa_banding", lang)
    text = fmt.signed(value, decimals, lang)
    return tr("rb_poin", lang, nilai=text) if unit == "poin" else text


def _short_date(value, lang: str) -> str:
    return fmt.long_date(value, lang) if value else "–"


def _goal_lines(store, within: str, date: str | None, today: date_type | None, ctx: dict, settings: Settings,
                lang: str) -> list[str]:
    """The verdict on the target in force, then the areas one level down behind theirs (furthest first)."""
    head = verdict(area_projection(store, within, date_=date, today=today, settings=settings),
                   settings.zones.hijau, lang)["title"]
    behind_rows = behind(vs_target(store, within, ctx["child"], date_=date, today=today, settings=settings,
                                   include_within=False))
    if behind_rows.empty:
        return [head]
    shown = [f"{n} ({fmt.percent(c, 2, lang)} / {threshold_text(t, lang)})" for n, c, t in
             zip(behind_rows[Col.NAMA], behind_rows[Col.CAKUPAN], behind_rows[TARGET_PERSEN])]
    return [head, tr("rb_tertinggal_target", lang, tingkat=level_words(ctx["child"], lang, n=len(shown)), n=len(shown),
                     daftar=first_named(shown, MAX_NAMED, lang))]


def _age_lines(store, within: str, today: date_type | None, ctx: dict, settings: Settings,
               lang: str) -> tuple[str | None, str | None]:
    """(not newest, old data): a PDF made at a past date says so with the newest data's date (for the
    header, under the headline); data older than ``settings.stale_days`` on ``today`` is said once, as
    the dashboard does (``ui.headline.verdict_and_age``): its date and age ("Data terakhir 16 November
    2026 — sudah 20 hari. …"), or only what to do when the page's verdict already names the age."""
    if today is None:
        return None, None
    newest = area_projection(store, within, today=today, settings=settings)
    advice = stale_advice(newest, settings.stale_days, lang) if newest.get(Col.TANGGAL) == ctx["data_date"] else None
    older = not_newest(ctx["data_date"], newest.get(Col.TANGGAL), lang)
    return older, advice or stale_warning(newest, settings.stale_days, lang)


def _obstacles(store, within: str, today: date_type | None, ctx: dict, settings: Settings, lang: str) -> list[str]:
    """What stands in the way of the deadline, from Beranda's alerts, one short line per kind: the sites that
    cannot record (the longest down named), blank cards running out; for a kabupaten/kota or kecamatan on its
    newest data (the alerts are the newest data's; a provinsi's page ranks its kabupaten/kota instead)."""
    dates = store.snapshot_dates(within)
    if ctx["wide"] or not dates or dates[-1] != ctx["data_date"]:
        return []
    found = compute_alerts(store, within, today=today, settings=settings)
    down = [a for a in found if a.kind == "lokasi_lumpuh"]
    cards = [a for a in found if a.kind == "blangko_habis"]
    lines = []
    if down:
        worst = max(down, key=lambda a: a.figures["hari"])
        lines.append(tr("rb_hambatan_lumpuh", lang, n=len(down), lokasi=worst.figures["lokasi"], hari=worst.figures["hari"],
                        sejak=fmt.long_date(worst.figures["sejak"], lang),
                        lain=tr("rb_lainnya", lang, n=len(down) - 1) if len(down) > 1 else ""))
    if cards:
        f = cards[0].figures
        lines.append(tr("rb_hambatan_blangko", lang, stok=fmt.number(f["stok"], lang=lang),
                        habis=fmt.long_date(f["tanggal_habis"], lang), prr=fmt.number(f["prr"], lang=lang)))
    return lines


def _findings(page: PdfPage, y: float, ctx: dict, now: dict, series: pd.DataFrame, children: pd.DataFrame,
              desa: pd.DataFrame, settings: Settings, lang: str, first: list[str], behind_target: list[str],
              mapped: pd.DataFrame) -> float:
    """What the numbers mean, one bullet each: ``first`` (the verdict when the headline is another
    finding; the data's age), the numbers, the zones, ``behind_target``; returns the y below them."""
    m = page.MARGIN
    hijau = threshold_text(settings.zones.hijau, lang)
    needed = people_to_reach(now[Col.WAJIB], now[Col.SUDAH], settings.zones.hijau)
    zones = zones_of(children[Col.CAKUPAN], settings)
    reach = reach_note(data_reach(desa, children), ctx["name"], lang)  # figures of some desa only: said next
    lines = [*first, *([reach] if reach else []),
             tr("rb_perlu_hijau", lang, n=fmt.number(needed, lang=lang), wilayah=ctx["name"], ambang=hijau)
             if needed else tr("rb_sudah_hijau", lang, wilayah=ctx["name"], ambang=hijau)]
    if len(series) >= 5:  # the recent pace, over the last four intervals (about a month of weekly data)
        start, end = series.iloc[-5], series.iloc[-1]
        days = (date_type.fromisoformat(end[Col.TANGGAL]) - date_type.fromisoformat(start[Col.TANGGAL])).days
        gained = int(end[Col.SUDAH]) - int(start[Col.SUDAH])
        if days > 0:
            lines.append(tr("rb_laju", lang, tanggal=fmt.long_date(start[Col.TANGGAL], lang),
                                       n=fmt.number(gained, lang=lang),
                                       per_minggu=fmt.number(gained * 7 / days, lang=lang)))
    missing = sum(z is None for z in zones)
    red = [(n, c) for n, c, z in zip(children[Col.NAMA], children[Col.CAKUPAN], zones) if z is Zone.MERAH]
    named = tr("rb_merah", lang, daftar=", ".join(  # the red ones on the zones' own line, lowest first
        f"{n} ({fmt.percent(c, 2, lang)})" for n, c in sorted(red, key=lambda nc: nc[1]))) if red else ""
    lines.append(tr(
        "rb_zona_anak", lang, tingkat=level_words(ctx["child"], lang).capitalize(),
        hijau=sum(z is Zone.HIJAU for z in zones), kuning=sum(z is Zone.KUNING for z in zones),
        merah=sum(z is Zone.MERAH for z in zones),
        tanpa=tr("rb_zona_anak_tanpa", lang, n=missing) if missing else "", daftar=named))
    lines += behind_target
    late = lagging(mapped, ctx["data_date"], settings.stale_days) if ctx["wide"] else mapped.iloc[:0]
    if len(late):  # kabupaten/kota whose office stopped reporting: their figures are older than the page's
        lines.append(tr("rb_data_lama", lang, n=len(late), batas=settings.stale_days,
                        tanggal=fmt.long_date(ctx["data_date"], lang), daftar=first_named(
                            [f"{n} ({fmt.long_date(d, lang)})" for n, d in zip(late[Col.NAMA], late[Col.TANGGAL])],
                            MAX_NAMED, lang)))
    over = desa[desa[Col.DI_ATAS_100]]
    if len(over):
        lines.append(tr("rb_di_atas_100", lang, n=len(over), daftar=first_named(
            [f"{n} ({fmt.percent(c, 2, lang)})" for n, c in zip(over[Col.NAMA], over[Col.CAKUPAN])], MAX_NAMED,
            lang)))
    for line in lines:
        for i, part in enumerate(text_lines(wrap_text(line, 9.5, (page.w - 2 * m - 0.2) * 72))):
            if i == 0:
                page.text(m, y, "•", 9.5)
            page.text(m + 0.16, y, part, 9.5)
            y += 0.19
    return y


def red_finding(ctx: dict, children: pd.DataFrame, mapped: pd.DataFrame, settings: Settings, lang: str) -> str:
    """The page's lead for an area of kabupaten/kota: how many of the areas one level down are still
    red ("3 dari 8 kabupaten/kota Banten masih merah."); for the country its provinsi and its
    kabupaten/kota ("1 dari 3 provinsi dan 4 dari 10 kabupaten/kota masih merah.")."""
    red = [sum(z is Zone.MERAH for z in zones_of(t[Col.CAKUPAN], settings)) for t in (children, mapped)]
    if ctx["level"] is None:
        return tr("rb_merah_dari_negara", lang, merah=red[0], total=len(children), merah_kab=red[1],
                  total_kab=len(mapped))
    return tr("rb_merah_dari", lang, merah=red[0], total=len(children), tingkat=level_words(ctx["child"], lang),
              wilayah=ctx["name"])


def _map(page: PdfPage, top: float, bottom: float, shapes, outline, numbers: dict, level: Level, settings: Settings,
         lang: str) -> tuple[float, float]:
    """The zone map of ``shapes`` (areas at ``level``: desa, or a provinsi's kabupaten/kota) on the
    left, its legend and notes on the right; returns the right column's x and the y below the notes."""
    m, h = page.MARGIN, bottom - top
    title = tr("rb_peta", lang) if level is Level.DESA else tr("rb_peta_anak", lang, tingkat=level_words(level, lang))
    page.text(m, top - 0.3, title, 11, fontweight="bold")
    map_w = 4.35
    if not static_map.has_boundaries(shapes):  # figures without boundary files: said where the map would be
        words = tr("map_tanpa_batas_semua", lang, tingkat=level_words(level, lang))
        y = top + 0.1
        for part in text_lines(wrap_text(words, 9, map_w * 72)):
            page.text(m, y, part, 9, color=MUTED)
            y += 0.18
        return m + map_w + 0.2, y
    ax = page.axes(m, top, map_w, h)
    drawn = static_map.draw_zone_map(ax, shapes, settings=settings, lang=lang, outline=outline, label_px=7.5 / 0.72,
                                     numbers=numbers, ring_over_100=True)
    handles = static_map.legend_handles(settings, lang, drawn["counts"], level, over_100=drawn["over_100"])
    x = m + map_w + 0.2
    legend_end = fit_legend(  # each entry wraps within the right margin (English words run longer)
        page, page.w - m, handles=handles, loc="upper left", bbox_to_anchor=page.xy(x - 0.08, top - 0.05),
        frameon=False, prop={"family": PDF_FONT, "size": 8.5}, handlelength=2.4, handleheight=1.5, labelspacing=0.8,
        title=tr("peta_gambar_legenda", lang), title_fontproperties={"family": PDF_FONT, "size": 9, "weight": "bold"},
        alignment="left")
    notes = [tr("rb_peta_nomor", lang, n=len(numbers))] if numbers else []
    if drawn["rings"]:  # a desa above 100% too small for its dashed border: circled, and named here
        ringed = shapes[shapes[Col.KODE].isin(drawn["rings"])]
        notes.append(tr("rb_peta_lingkaran", lang, daftar=first_named(
            [f"{n} ({fmt.percent(c, 2, lang)})" for n, c in zip(ringed[Col.NAMA], ringed[Col.CAKUPAN])], MAX_NAMED,
            lang)))
    if outline is not None:
        notes.append(tr("rb_peta_garis", lang))
    y = max(top + 1.3, legend_end + 0.12)  # the notes below the legend, however many lines it took
    for note in notes:
        for part in text_lines(wrap_text(note, 8.5, (page.w - m - x) * 72)):
            page.text(x, y, part, 8.5, color=MUTED)
            y += 0.16
        y += 0.06
    return x, y


def _trend(page: PdfPage, x: float, top: float, bottom: float, series: pd.DataFrame, settings: Settings,
           lang: str) -> None:
    """Coverage over time in the right column, zone bands hatched like the map (its legend is above)."""
    page.text(x, top - 0.3, tr("rb_tren", lang), 11, fontweight="bold")
    ax = page.axes(x + 0.42, top, page.w - page.MARGIN - x - 0.42, bottom - top)
    if series.empty:
        ax.set_axis_off()
        return
    days = pd.to_datetime(series[Col.TANGGAL])
    values = series[Col.CAKUPAN].astype(float)
    lo, hi = coverage_range(list(values), settings)
    zones = settings.zones
    for zone, low, high in ((Zone.HIJAU, zones.hijau, hi), (Zone.KUNING, zones.kuning, zones.hijau),
                            (Zone.MERAH, lo, zones.kuning)):
        low, high = max(low, lo), min(high, hi)
        if high > low:
            ax.axhspan(low, high, facecolor=tint(ZONE_COLOURS[zone], 0.22), hatch=static_map.MPL_HATCHES[zone],
                       edgecolor=tint(ZONE_COLOURS[zone], 0.5), linewidth=0, zorder=0)
    ax.plot(days, values, color=LINE_COLOUR, linewidth=1.8, zorder=3)
    for i in sorted({0, len(values) - 1}):  # first value below-right of its point, last above-left
        last = i == len(values) - 1 and i > 0
        ax.plot(days.iloc[i], values.iloc[i], "o", color=LINE_COLOUR, markersize=4, zorder=4, clip_on=False)
        ax.annotate(fmt.percent(values.iloc[i], 2, lang), (days.iloc[i], values.iloc[i]),
                    xytext=(-4 if last else 4, 5 if last else -5), textcoords="offset points",
                    ha="right" if last else "left", va="bottom" if last else "top", fontsize=8,
                    fontweight="bold", fontfamily=PDF_FONT,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    ax.set_ylim(lo, hi)
    ax.set_xlim(days.iloc[0], days.iloc[-1])
    tickvals, ticktext = month_ticks(series[Col.TANGGAL].iloc[0], series[Col.TANGGAL].iloc[-1], lang, 4)
    ax.set_xticks(pd.to_datetime(tickvals), [t.replace("<br>", "\n") for t in ticktext])
    # whole percents only, as many as the chart's height holds apart (a tick label is ~0.17 in tall):
    nbins = max(2, min(5, int((bottom - top) / 0.17)))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 5, 10], integer=True))
    ax.yaxis.set_major_formatter(lambda v, _pos: fmt.percent(v, 0, lang))  # a 92,5 tick printed "92%" misled
    ax.tick_params(labelsize=7.5)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(PDF_FONT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#ffffff", linewidth=0.6, zorder=1)


def _pockets(page: PdfPage, top: float, pockets: pd.DataFrame, desa: pd.DataFrame, parents: dict, settings: Settings,
             lang: str) -> None:
    m = page.MARGIN
    page.text(m, top - 0.3, tr("rb_kantong", lang, n=len(pockets)), 11, fontweight="bold")
    total = pd.to_numeric(desa[Col.BELUM], errors="coerce").sum()
    together = pd.to_numeric(pockets[Col.BELUM], errors="coerce").sum()
    if total > 0:
        page.text(page.w - m, top - 0.28, tr(
            "rb_kantong_bagian", lang, jumlah=fmt.number(together, lang=lang), total=fmt.number(total, lang=lang),
            persen=fmt.percent(100 * together / total, 1, lang)), 8.5, ha="right", color=MUTED)
    # (key, left, right inches, alignment); a longer cell shrinks to fit (``zebra_table``)
    cols = [("rb_kol_no", m + 0.05, m + 0.35, "left"), ("rb_kol_desa", m + 0.4, m + 2.4, "left"),
            ("rb_kol_kecamatan", m + 2.45, m + 4.2, "left"), ("rb_kol_belum", m + 4.25, m + 5.05, "right"),
            ("rb_kol_cakupan", m + 5.1, m + 6.0, "right"), ("rb_kol_zona", m + 6.25, page.w - m, "left")]
    if not parents:
        cols = [c for c in cols if c[0] != "rb_kol_kecamatan"]
    rows = [{"rb_kol_no": str(i + 1), "rb_kol_desa": row[Col.NAMA],
             "rb_kol_kecamatan": parents.get(row.get(Col.KODE_INDUK), ""),
             "rb_kol_belum": fmt.number(row[Col.BELUM], lang=lang),
             "rb_kol_cakupan": fmt.percent(row[Col.CAKUPAN], 2, lang)}
            for i, row in enumerate(pockets.to_dict("records"))]
    zebra_table(page, cols, rows, zones_of(pockets[Col.CAKUPAN], settings), top=top, row_h=ROW_IN,
                bold="rb_kol_belum")


def _footer(page: PdfPage, ctx: dict, settings: Settings, lang: str) -> None:
    m = page.MARGIN
    source = source_text(settings, ctx["data_date"], lang, demo=ctx["demo"])
    page.text(m, page.h - 0.42, source, 8, color=MUTED, va="bottom")
    page.text(m, page.h - 0.27, tr("rb_dibuat", lang), 7, color=MUTED, va="bottom")

"""The bupati's one-page briefing (PDF) and the media-pack images, read from the store.

``briefing_pdf`` lays out one A4 portrait page: the KPIs with their change since the
previous snapshot, what it takes to reach the hijau zone, the zone map of the desa
(the ten biggest pockets numbered), the coverage trend and the table of those ten
pockets, with the date and source of the data. All text is real PDF text (TrueType
fonts), so numbers can be searched and copied.

``chart_figure``/``chart_image`` build the media-pack images (``CHART_KINDS``) for an
area and a date: the same functions serve the CLI (``python -m geo chart …``) and the
dashboard's download buttons. Besides coverage (``zona-bar``, ``tren``, ``kantong``,
``peta``) they draw the card pipeline of the capacity page: ``kartu`` (recorded →
print-ready → printed), ``kartu-riwayat`` (print-ready waiting and cards printed per
week) and ``blangko`` (blank-card stock and when it runs out).
"""
from __future__ import annotations

import io
import math
from datetime import date as date_type

import pandas as pd
import plotly.graph_objects as go
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from geo import cards, fmt
from geo.coverage import aggregate, add_coverage, area_totals, change, coverage_table, previous_date, top_belum
from geo.render import charts, images, static_map
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, RekamError, Zone
from geo.config import Settings, load_settings
from geo.text import tr


CHART_KINDS = ("zona-bar", "tren", "kantong", "peta", "kartu", "kartu-riwayat", "blangko")
PLOTLY_KINDS = tuple(k for k in CHART_KINDS if k != "peta")
A4_PORTRAIT_IN = (8.27, 11.69)
TOP_POCKETS = 10
ROW_IN = 0.165  # height of a table row on the page, inches
PDF_FONT = ["Liberation Sans", "DejaVu Sans"]


# --- reading the store ------------------------------------------------------------------------
def area_name(store, kode: str) -> str:
    """The area's name; raises RekamError('gambar_wilayah_tidak_ada') when the code is not stored."""
    areas = store.areas(within=kode)
    match = areas[areas[Col.KODE] == kode]
    if match.empty:
        raise RekamError("gambar_wilayah_tidak_ada", kode=kode)
    return str(match[Col.NAMA].iloc[0])


def coverage_over_time(store, kode: str, *, end: str | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """Coverage of area ``kode`` on each of its snapshot dates (up to ``end``).

    The value on a date is what ``coverage.area_totals(store, kode, date=…)`` gives: per
    stored area the newest row on or before that date, summed up the hierarchy (a desa
    that did not report that week is carried forward). Returns Col.KODE, Col.TANGGAL,
    Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN (percent), Col.ZONA, one row per date.
    """
    settings = settings or load_settings()
    rows = store.enrollment(within=kode, end=end)  # sorted by code, then date
    columns = [Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN, Col.ZONA]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    days = sorted(rows[Col.TANGGAL].unique())
    # For every (day, stored area): the date of its newest row on or before that day.
    source = rows.pivot(index=Col.TANGGAL, columns=Col.KODE, values=Col.TANGGAL).reindex(days).ffill()
    as_of = source.stack().dropna().rename("_src").rename_axis(["_day", Col.KODE]).reset_index()
    as_of = as_of.merge(rows, left_on=[Col.KODE, "_src"], right_on=[Col.KODE, Col.TANGGAL], how="left",
                        validate="many_to_one")
    # One aggregate() call for all days: the day's index tags the first code segment (99 → 99@7),
    # so every day sums separately under the same hierarchy rules as area_totals.
    day_index = {d: i for i, d in enumerate(days)}
    head, _, rest = kode.partition(".")
    tags = as_of["_day"].map(day_index).astype(str)
    as_of[Col.KODE] = [k.replace(head, f"{head}@{t}", 1) for k, t in zip(as_of[Col.KODE], tags)]
    summed = aggregate(as_of.drop(columns=["_day", "_src"]), Level.of_code(kode))
    tagged = summed[Col.KODE].str.partition(".")[0]
    summed = summed[(summed[Col.KODE].str.partition(".")[2] == rest) & tagged.str.startswith(head + "@")].copy()
    summed[Col.TANGGAL] = [days[int(t.split("@")[1])] for t in summed[Col.KODE].str.partition(".")[0]]
    summed[Col.KODE] = kode
    out = add_coverage(summed.sort_values(Col.TANGGAL, ignore_index=True), settings.zones)
    return out[columns]


def _context(store, within: str, date: str | None, settings: Settings) -> dict:
    """Name, child level, totals (checked to exist) for ``within`` at ``date``."""
    name = area_name(store, within)
    level = Level.of_code(within)
    if level.child is None:
        raise RekamError("gambar_wilayah_terkecil", kode=within)
    totals = area_totals(store, within, date=date, zones=settings.zones)
    if totals.get(Col.WAJIB) is None:
        if date:
            raise RekamError("gambar_tanpa_data_tanggal", wilayah=name, kode=within, tanggal=date)
        raise RekamError("gambar_tanpa_data", wilayah=name, kode=within)
    return {"name": name, "level": level, "child": level.child, "totals": totals,
            "data_date": totals[Col.TANGGAL], "demo": charts.is_demo([within])}


def _pockets_table(store, within: str, date: str | None, settings: Settings, ctx: dict,
                   geometry: bool = False) -> tuple[pd.DataFrame, dict]:
    """Desa coverage of ``within`` and {kecamatan kode: nama} (empty when within is a kecamatan)."""
    desa = coverage_table(store, Level.DESA, within=within, date=date, zones=settings.zones, geometry=geometry)
    parents = {}
    if ctx["child"] is not Level.DESA:
        areas = store.areas(within=within, level=Level.KECAMATAN)
        parents = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    return desa, parents


# --- media-pack images --------------------------------------------------------------------------
def check_kind(kind: str) -> str:
    if kind not in CHART_KINDS:
        raise RekamError("gambar_jenis_salah", nilai=kind, pilihan=", ".join(CHART_KINDS))
    return kind


def chart_figure(store, within: str, kind: str, *, date: str | None = None, lang: str = "id",
                 settings: Settings | None = None) -> go.Figure:
    """The plotly figure of ``kind`` (PLOTLY_KINDS: every kind but "peta") for ``within`` at ``date``.

    zona-bar: the areas one level down; kantong: the 10 desa with the most belum rekam;
    tren: the area's coverage over time up to ``date``; kartu: recorded → print-ready →
    printed (``cards.card_totals``); kartu-riwayat: print-ready waiting and cards
    printed per week up to ``date`` (``cards.card_history``); blangko: the blank-card
    stock and its projected run-out (``cards.blank_projection``). Raises RekamError for
    an unknown kind or area, a desa (nothing below it), no data, no PRR/printed counts
    (kartu, kartu-riwayat) or no blank-card entries (blangko).
    """
    settings = settings or load_settings()
    check_kind(kind)
    if kind not in PLOTLY_KINDS:
        raise RekamError("gambar_jenis_salah", nilai=kind, pilihan=", ".join(PLOTLY_KINDS))
    ctx = _context(store, within, date, settings)
    name = ctx["name"]
    if kind == "zona-bar":
        table = coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones)
        return charts.zona_bar(table, area_name=name, data_date=ctx["data_date"], settings=settings, lang=lang)
    if kind == "kantong":
        desa, parents = _pockets_table(store, within, date, settings, ctx)
        return charts.kantong_bar(desa, area_name=name, data_date=ctx["data_date"], settings=settings,
                                  lang=lang, n=TOP_POCKETS, parent_names=parents or None)
    if kind in ("kartu", "kartu-riwayat") and (ctx["totals"].get(Col.PRR) is None
                                               or ctx["totals"].get(Col.CETAK) is None):
        raise RekamError("gambar_kartu_tanpa_data", wilayah=name, kode=within)
    if kind == "kartu":  # area_totals' counts are card_totals' counts
        return charts.kartu_bar(ctx["totals"], area_name=name, settings=settings, lang=lang, kode=within)
    if kind == "kartu-riwayat":
        history = cards.card_history(store, within, end=date)
        return charts.kartu_riwayat_line(history, area_name=name, settings=settings, lang=lang, kode=within)
    if kind == "blangko":
        ledger = cards.blank_ledger(store, within=within, date=date)
        if ledger.empty:
            raise RekamError("blangko_tidak_ada")
        projection = cards.blank_projection(store, within, date=date)
        return charts.blangko_line(ledger, projection, area_name=name, settings=settings, lang=lang, kode=within)
    series = coverage_over_time(store, within, end=date, settings=settings)
    return charts.tren_line(series, area_name=name, settings=settings, lang=lang, kode=within)


def chart_image(store, within: str, kind: str, *, fmt_name: str = "png", size="1200x675", date: str | None = None,
                lang: str = "id", settings: Settings | None = None) -> bytes:
    """PNG/SVG bytes of the media-pack image ``kind`` (CHART_KINDS) at ``size`` (e.g. "1080x1080").

    "peta" is the zone map of the areas one level down (matplotlib, ``static_map``); the
    others are plotly figures rendered by kaleido (``images.to_image``). Raises RekamError
    for a bad kind, size, format, area or date.
    """
    settings = settings or load_settings()
    check_kind(kind)
    width_height = images.parse_size(size)
    fmt_name = images.parse_format(fmt_name)
    if kind == "peta":
        ctx = _context(store, within, date, settings)
        table = coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones, geometry=True)
        return static_map.zone_map(table, area_name=ctx["name"], data_date=ctx["data_date"], settings=settings,
                                   lang=lang, size=width_height, fmt_name=fmt_name)
    figure = chart_figure(store, within, kind, date=date, lang=lang, settings=settings)
    return images.to_image(figure, fmt_name, width_height)


def download_name(within: str, kind: str, *, data_date: str | None = None, size=None, fmt_name: str = "png") -> str:
    """A file name that says what the file holds: ``peta-rekam_zona-bar_99.01_2026-11-16_1080x1080.png``.

    ``kind`` is one of CHART_KINDS, "rencana" (the planner's map, ``plan.plan_image``) or
    "ringkasan" (the briefing PDF, no size).
    """
    parts = ["peta-rekam", kind, within, data_date or "terbaru"]
    if size is not None:
        width, height = images.parse_size(size)
        parts.append(f"{width}x{height}")
    return "_".join(parts) + "." + fmt_name


# --- the briefing -------------------------------------------------------------------------------
def briefing_pdf(store, within: str, *, date: str | None = None, lang: str = "id",
                 settings: Settings | None = None) -> bytes:
    """One A4 portrait page (PDF bytes) for the head of ``within`` (a kabupaten/kota or kecamatan).

    Shows, at ``date`` (default: the newest data): wajib KTP, sudah rekam, belum rekam
    and cakupan with its zone, each with its change since the previous snapshot; the
    recordings needed to reach hijau; the zone of each area one level down; the desa
    zone map; the coverage trend; the ten desa with the most belum rekam. Raises
    RekamError for an unknown area, a desa, or no data.
    """
    settings = settings or load_settings()
    ctx = _context(store, within, date, settings)
    now = ctx["totals"]
    before_date = previous_date(store, within, now[Col.TANGGAL])
    before = area_totals(store, within, date=before_date, zones=settings.zones) if before_date else {}
    delta = change(now, before) if before else {}
    children = coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones)
    desa, parents = _pockets_table(store, within, date, settings, ctx, geometry=True)
    outline = (coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones, geometry=True)
               if ctx["child"] is not Level.DESA else None)
    series = coverage_over_time(store, within, end=date, settings=settings)
    pockets = top_belum(desa.drop(columns="geometry"), TOP_POCKETS).reset_index(drop=True)
    numbers = {k: i + 1 for i, k in enumerate(pockets[Col.KODE])}
    page = _Page(lang)
    _header(page, ctx, before_date, lang)
    y = _kpis(page, now, delta, before_date, settings, lang)
    y = _findings(page, y + 0.22, ctx, now, series, children, desa, settings, lang)
    # bottom-up: footer, pockets table, trend; the map takes the height left between
    # bottom-up: footer, pockets table; the map (left) and legend + trend (right) share what is left
    footer_top = page.h - 0.62
    table_top = footer_top - (0.5 + 0.2 + TOP_POCKETS * ROW_IN)
    section_top, section_bottom = y + 0.5, table_top - 0.05
    right_x = _map(page, section_top, section_bottom, desa, outline, numbers, settings, lang)
    _trend(page, right_x, section_bottom - 1.95, section_bottom - 0.35, series, settings, lang)
    _pockets(page, table_top + 0.35, pockets, desa, parents, settings, lang)
    _footer(page, ctx, settings, lang)
    return page.pdf()


class _Page:
    """An A4 figure addressed in inches from the top-left corner."""

    MARGIN = 0.5

    def __init__(self, lang: str):
        self.lang = lang
        self.w, self.h = A4_PORTRAIT_IN
        self.fig = Figure(figsize=A4_PORTRAIT_IN)
        self.fig.patch.set_facecolor("white")

    def xy(self, x_in: float, y_in: float) -> tuple[float, float]:
        return x_in / self.w, 1 - y_in / self.h

    def text(self, x_in: float, y_in: float, text: str, size: float = 9, **kw):
        kw.setdefault("va", "top")
        kw.setdefault("color", charts.INK)
        return self.fig.text(*self.xy(x_in, y_in), text, fontsize=size, fontfamily=PDF_FONT, **kw)

    def axes(self, x_in: float, y_in: float, w_in: float, h_in: float):
        left, top = self.xy(x_in, y_in)
        return self.fig.add_axes([left, top - h_in / self.h, w_in / self.w, h_in / self.h])

    def box(self, x_in: float, y_in: float, w_in: float, h_in: float, **kw) -> None:
        left, top = self.xy(x_in, y_in)
        self.fig.add_artist(FancyBboxPatch((left, top - h_in / self.h), w_in / self.w, h_in / self.h,
                                           boxstyle="round,pad=0,rounding_size=0.008", transform=self.fig.transFigure,
                                           **kw))

    def swatch(self, x_in: float, y_in: float, zone: Zone | None, w_in: float = 0.22, h_in: float = 0.13) -> None:
        left, top = self.xy(x_in, y_in)
        self.fig.add_artist(Rectangle((left, top - h_in / self.h), w_in / self.w, h_in / self.h,
                                      transform=self.fig.transFigure,
                                      facecolor=ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR,
                                      hatch=static_map.MPL_HATCHES[zone], hatchcolor=charts.PATTERN_INK[zone],
                                      edgecolor="#666666", linewidth=0.5))

    def pdf(self) -> bytes:
        buffer = io.BytesIO()
        # TrueType fonts (42) keep the text extractable; fixed metadata keeps the bytes reproducible.
        with rc_context({"pdf.fonttype": 42, "hatch.linewidth": 0.6}):
            self.fig.savefig(buffer, format="pdf", metadata={"CreationDate": None, "ModDate": None,
                                                               "Producer": None, "Creator": "Peta Rekam e-KTP"})
        return buffer.getvalue()


def _header(page: _Page, ctx: dict, before_date: str | None, lang: str) -> None:
    m = page.MARGIN
    head = "rb_kepala" if ctx["level"] is Level.KABUPATEN else "rb_kepala_kecamatan"
    page.text(m, 0.45, tr(head, lang), 8.5, color=charts.MUTED, fontweight="bold")
    page.text(m, 0.66, ctx["name"], 20, fontweight="bold")
    line = tr("rb_tanggal", lang, tanggal=fmt.long_date(ctx["data_date"], lang))
    if before_date:
        line += " · " + tr("rb_banding", lang, tanggal=fmt.long_date(before_date, lang))
    if ctx["demo"]:
        line += " · " + tr("gambar_contoh", lang).upper()
    page.text(m, 1.08, line, 10, color=charts.MUTED)


def _kpis(page: _Page, now: dict, delta: dict, before_date: str | None, settings: Settings, lang: str) -> float:
    """Four cards: label, value, change, "since …"; the coverage card shows its zone (swatch + word)."""
    m, top, h = page.MARGIN, 1.42, 1.0
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
        page.text(x + 0.12, top + 0.1, tr(key, lang), 9, color=charts.MUTED, fontweight="bold")
        if key == "rb_cakupan":  # the zone, right-aligned on the label's line: colour, hatch and word
            word = tr("rb_zona", lang, zona=charts.zone_word(zone, lang))
            page.text(x + w - 0.1, top + 0.1, word, 9, fontweight="bold", ha="right")
            page.swatch(x + w - 0.16 - charts.text_width(word, 9, bold=True) / 72 - 0.22, top + 0.1, zone, 0.22, 0.13)
        page.text(x + 0.12, top + 0.3, value, 18, fontweight="bold")
        page.text(x + 0.12, top + 0.64, moved if before_date else tr("rb_tanpa_banding", lang), 9)
        page.text(x + 0.12, top + 0.81, since, 7.5, color=charts.MUTED)
    return top + h


def _change_text(value, decimals: int, unit: str, lang: str) -> str:
    if value is None:
        return tr("rb_tanpa_banding", lang)
    text = fmt.signed(value, decimals, lang)
    return tr("rb_poin", lang, nilai=text) if unit == "poin" else text


def _short_date(value, lang: str) -> str:
    return fmt.long_date(value, lang) if value else "–"


def people_to_green(wajib, sudah, hijau: float) -> int:
    """Recordings still needed for cakupan ≥ ``hijau`` percent (0 when already there)."""
    needed = math.ceil(round(hijau * float(wajib) / 100, 6))
    return max(0, needed - int(sudah))


def _findings(page: _Page, y: float, ctx: dict, now: dict, series: pd.DataFrame, children: pd.DataFrame,
              desa: pd.DataFrame, settings: Settings, lang: str) -> float:
    """What the numbers mean, one bullet each; returns the y below them."""
    m = page.MARGIN
    hijau = charts.threshold_text(settings.zones.hijau, lang)
    needed = people_to_green(now[Col.WAJIB], now[Col.SUDAH], settings.zones.hijau)
    lines = [tr("rb_perlu_hijau", lang, n=fmt.number(needed, lang=lang), wilayah=ctx["name"], ambang=hijau)
             if needed else tr("rb_sudah_hijau", lang, wilayah=ctx["name"], ambang=hijau)]
    if len(series) >= 5:  # the recent pace, over the last four intervals (about a month of weekly data)
        start, end = series.iloc[-5], series.iloc[-1]
        days = (date_type.fromisoformat(end[Col.TANGGAL]) - date_type.fromisoformat(start[Col.TANGGAL])).days
        gained = int(end[Col.SUDAH]) - int(start[Col.SUDAH])
        if days > 0:
            lines.append(tr("rb_laju", lang, tanggal=fmt.long_date(start[Col.TANGGAL], lang),
                                       n=fmt.number(gained, lang=lang),
                                       per_minggu=fmt.number(gained * 7 / days, lang=lang)))
    zones = charts.zones_of(children[Col.CAKUPAN], settings)
    missing = sum(z is None for z in zones)
    lines.append(tr(
        "rb_zona_anak", lang, tingkat=charts.level_words(ctx["child"], lang).capitalize(),
        hijau=sum(z is Zone.HIJAU for z in zones), kuning=sum(z is Zone.KUNING for z in zones),
        merah=sum(z is Zone.MERAH for z in zones),
        tanpa=tr("rb_zona_anak_tanpa", lang, n=missing) if missing else ""))
    red = [(n, c) for n, c, z in zip(children[Col.NAMA], children[Col.CAKUPAN], zones) if z is Zone.MERAH]
    if red:
        lines.append(tr("rb_merah", lang, daftar=", ".join(
            f"{n} ({fmt.percent(c, 2, lang)})" for n, c in sorted(red, key=lambda nc: nc[1]))))
    over = desa[desa[Col.DI_ATAS_100]]
    if len(over):
        listed = ", ".join(f"{n} ({fmt.percent(c, 2, lang)})" for n, c in zip(over[Col.NAMA], over[Col.CAKUPAN]))
        lines.append(tr("rb_di_atas_100", lang, n=len(over), daftar=listed))
    for line in lines:
        for i, part in enumerate(charts.text_lines(charts.wrap_text(line, 9.5, (page.w - 2 * m - 0.2) * 72))):
            if i == 0:
                page.text(m, y, "•", 9.5)
            page.text(m + 0.16, y, part, 9.5)
            y += 0.19
    return y


def _map(page: _Page, top: float, bottom: float, desa, outline, numbers: dict, settings: Settings,
         lang: str) -> float:
    """The desa zone map on the left, its legend and notes on the right; returns the right column's x."""
    m, h = page.MARGIN, bottom - top
    page.text(m, top - 0.3, tr("rb_peta", lang), 11, fontweight="bold")
    map_w = 4.35
    ax = page.axes(m, top, map_w, h)
    drawn = static_map.draw_zone_map(ax, desa, settings=settings, lang=lang, outline=outline, label_px=7.5 / 0.72,
                                     numbers=numbers)
    handles = static_map.legend_handles(settings, lang, drawn["counts"], Level.DESA)
    x = m + map_w + 0.2
    page.fig.legend(handles=handles, loc="upper left", bbox_to_anchor=page.xy(x - 0.08, top - 0.05), frameon=False,
                    prop={"family": PDF_FONT, "size": 8.5}, handlelength=2.4, handleheight=1.5, labelspacing=0.8,
                    title=tr("peta_gambar_legenda", lang),
                    title_fontproperties={"family": PDF_FONT, "size": 9, "weight": "bold"}, alignment="left")
    notes = [tr("rb_peta_nomor", lang, n=len(numbers))] if numbers else []
    if outline is not None:
        notes.append(tr("rb_peta_garis", lang))
    y = top + 1.3
    for note in notes:
        for part in charts.text_lines(charts.wrap_text(note, 8.5, (page.w - m - x) * 72)):
            page.text(x, y, part, 8.5, color=charts.MUTED)
            y += 0.16
        y += 0.06
    return x


def _trend(page: _Page, x: float, top: float, bottom: float, series: pd.DataFrame, settings: Settings,
           lang: str) -> None:
    """Coverage over time in the right column, zone bands hatched like the map (its legend is above)."""
    page.text(x, top - 0.3, tr("rb_tren", lang), 11, fontweight="bold")
    ax = page.axes(x + 0.42, top, page.w - page.MARGIN - x - 0.42, bottom - top)
    if series.empty:
        ax.set_axis_off()
        return
    days = pd.to_datetime(series[Col.TANGGAL])
    values = series[Col.CAKUPAN].astype(float)
    lo, hi = charts.coverage_range(list(values), settings)
    zones = settings.zones
    for zone, low, high in ((Zone.HIJAU, zones.hijau, hi), (Zone.KUNING, zones.kuning, zones.hijau),
                            (Zone.MERAH, lo, zones.kuning)):
        low, high = max(low, lo), min(high, hi)
        if high > low:
            ax.axhspan(low, high, facecolor=charts.tint(ZONE_COLOURS[zone], 0.22), hatch=static_map.MPL_HATCHES[zone],
                       edgecolor=charts.tint(ZONE_COLOURS[zone], 0.5), linewidth=0, zorder=0)
    ax.plot(days, values, color=charts.LINE_COLOUR, linewidth=1.8, zorder=3)
    for i in sorted({0, len(values) - 1}):  # first value below-right of its point, last above-left
        last = i == len(values) - 1 and i > 0
        ax.plot(days.iloc[i], values.iloc[i], "o", color=charts.LINE_COLOUR, markersize=4, zorder=4, clip_on=False)
        ax.annotate(fmt.percent(values.iloc[i], 2, lang), (days.iloc[i], values.iloc[i]),
                    xytext=(-4 if last else 4, 5 if last else -5), textcoords="offset points",
                    ha="right" if last else "left", va="bottom" if last else "top", fontsize=8,
                    fontweight="bold", fontfamily=PDF_FONT,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    ax.set_ylim(lo, hi)
    ax.set_xlim(days.iloc[0], days.iloc[-1])
    tickvals, ticktext = charts.month_ticks(series[Col.TANGGAL].iloc[0], series[Col.TANGGAL].iloc[-1], lang, 4)
    ax.set_xticks(pd.to_datetime(tickvals), [t.replace("<br>", "\n") for t in ticktext])
    ax.yaxis.set_major_formatter(lambda v, _pos: fmt.percent(v, 0, lang))
    ax.tick_params(labelsize=7.5)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(PDF_FONT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#ffffff", linewidth=0.6, zorder=1)


def _pockets(page: _Page, top: float, pockets: pd.DataFrame, desa: pd.DataFrame, parents: dict, settings: Settings,
             lang: str) -> None:
    m = page.MARGIN
    page.text(m, top - 0.3, tr("rb_kantong", lang, n=len(pockets)), 11, fontweight="bold")
    total = pd.to_numeric(desa[Col.BELUM], errors="coerce").sum()
    together = pd.to_numeric(pockets[Col.BELUM], errors="coerce").sum()
    if total > 0:
        page.text(page.w - m, top - 0.28, tr(
            "rb_kantong_bagian", lang, jumlah=fmt.number(together, lang=lang), total=fmt.number(total, lang=lang),
            persen=fmt.percent(100 * together / total, 1, lang)), 8.5, ha="right", color=charts.MUTED)
    # column x positions (inches) and alignment
    cols = [("rb_kol_no", m + 0.05, "left"), ("rb_kol_desa", m + 0.4, "left"), ("rb_kol_kecamatan", m + 2.45, "left"),
            ("rb_kol_belum", m + 5.05, "right"), ("rb_kol_cakupan", m + 6.0, "right"),
            ("rb_kol_zona", m + 6.25, "left")]
    if not parents:
        cols = [c for c in cols if c[0] != "rb_kol_kecamatan"]
    row_h = ROW_IN
    for key, x, align in cols:
        page.text(x, top, tr(key, lang), 8, fontweight="bold", ha=align, color=charts.MUTED)
    y = top + 0.2
    page.fig.add_artist(_rule(page, m, y - 0.03, page.w - m))
    zones = charts.zones_of(pockets[Col.CAKUPAN], settings)
    for i, (row, zone) in enumerate(zip(pockets.to_dict("records"), zones)):
        if i % 2:
            page.box(m, y - 0.02, page.w - 2 * m, row_h, facecolor="#f4f4f4", edgecolor="none")
        values = {"rb_kol_no": str(i + 1), "rb_kol_desa": row[Col.NAMA],
                  "rb_kol_kecamatan": parents.get(row.get(Col.KODE_INDUK), ""),
                  "rb_kol_belum": fmt.number(row[Col.BELUM], lang=lang),
                  "rb_kol_cakupan": fmt.percent(row[Col.CAKUPAN], 2, lang)}
        for key, x, align in cols:
            if key == "rb_kol_zona":
                page.swatch(x, y + 0.005, zone, 0.2, 0.11)
                page.text(x + 0.27, y, charts.zone_word(zone, lang), 8.5)
            else:
                page.text(x, y, values[key], 8.5, ha=align, fontweight="bold" if key == "rb_kol_belum" else "normal")
        y += row_h


def _rule(page: _Page, x0: float, y: float, x1: float):
    from matplotlib.lines import Line2D

    (a, b), (c, _) = page.xy(x0, y), page.xy(x1, y)
    return Line2D([a, c], [b, b], transform=page.fig.transFigure, color="#999999", linewidth=0.6)


def _footer(page: _Page, ctx: dict, settings: Settings, lang: str) -> None:
    m = page.MARGIN
    source = charts.source_text(settings, ctx["data_date"], lang, demo=ctx["demo"])
    page.text(m, page.h - 0.42, source, 8, color=charts.MUTED, va="bottom")
    page.text(m, page.h - 0.27, tr("rb_dibuat", lang), 7, color=charts.MUTED, va="bottom")

"""Plotly figures of coverage for the media pack: images that explain themselves. Pure builders.

``zone_bar`` (coverage of each child area, by zone), ``pockets_bar`` (the areas with the most
belum rekam) and ``trend_line`` (one area over time) return figures sized for a screen, framed
by ``style.frame_figure`` (title, subtitle, legend, source line). Zones are never told by
colour alone: each has a fill pattern (it survives greyscale printing and colour-blind eyes)
and its word in the legend and on every bar. The card pipeline's figures are in
``capacity_charts``; the shared look (and what ``static_map`` and the planner's image take
from here) is in ``style``.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from geo import fmt
from geo.config import Settings
from geo.columns import (NAMA_KAB, PROYEKSI_LEWAT, TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AKHIR, TANGGAL_PROYEKSI_AWAL,
                         TARGET, TENGGAT)
from geo.pockets import top_belum
from geo.present.common import short_name, zone_title
from geo.present.pockets import kabupaten_most
from geo.present.trend import image_title
from geo.render.axes import month_ticks
from geo.render.style import (
    END_ROLE, EXPORT_BASE_PX, GRID, INK, LABEL_COLUMN_ROLE, LINE_COLOUR, MUTED, PATTERN_INK, SCREEN_ROW_PX, SEPARATORS,
    TEXT_BAR_ROLE, ZONE_ORDER, ZONE_PATTERNS, as_text, frame_figure, is_demo, level_words, names_as_text,
    short_level_words, source_text, style_for_export, text_lines, threshold_text, tint, wrap_text, zone_legend,
    zone_word, zones_of,
)
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, Zone
from geo.text import tr

# The builders, and the look that static_map and the planner's image take from here (style's).
__all__ = ["EXPORT_BASE_PX", "INK", "MUTED", "PATTERN_INK", "SEPARATORS", "ZONE_ORDER", "coverage_range", "is_demo",
           "pockets_bar", "level_words", "source_text", "style_for_export", "text_lines", "tint",
           "trend_line", "wrap_text", "zone_bar", "zone_legend", "zones_of"]


def zone_bar(table: pd.DataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
             demo: bool | None = None, limit: int | None = None) -> go.Figure:
    """Coverage of each child area as horizontal bars, best on top, filled by zone.

    Takes a ``coverage.coverage_table`` frame (Col.KODE, Col.NAMA, Col.LEVEL, Col.WAJIB,
    Col.SUDAH, Col.BELUM, Col.CAKUPAN in percent). Zones are computed here from
    ``settings`` (one bar trace per zone, its colour, pattern and legend words; a trace's
    ``meta = {"zona": …, "role": "batang"}``). Each bar's value and zone word,
    ``92,28% (hijau)``, stand in one column right of the bars (a text trace, role
    LABEL_COLUMN_ROLE); the zone thresholds are dashed lines labelled ``Hijau ≥ 92%``. Areas without data are
    listed last, labelled ``tidak ada data``. ``demo`` (default: codes under provinsi 99)
    adds ``data contoh sintetis`` to the source line. ``limit``: at most that many bars, the lowest
    (an image's height holds so many rows: 38 provinsi in 675 px were written over each other); the
    title still counts them all and the subtitle says how many of how many are shown.
    """
    rows, area_name = names_as_text(table, Col.NAMA), as_text(area_name)  # names are data, never markup
    rows["_sort"] = pd.to_numeric(rows[Col.CAKUPAN], errors="coerce").fillna(-math.inf)
    rows = rows.sort_values(["_sort", Col.NAMA], ascending=[False, True], ignore_index=True)
    cakupan, n_all = list(rows[Col.CAKUPAN]), len(rows)  # every area counts in the title, shown or not
    if limit and len(rows) > limit:
        rows = rows.tail(limit).reset_index(drop=True)  # best first: the lowest are the last
    zones = zones_of(rows[Col.CAKUPAN], settings)  # a list: pandas 3 would turn Zone (a str) into text
    order = list(rows[Col.KODE])
    level = Level(rows[Col.LEVEL].iloc[0]) if len(rows) else Level.KECAMATAN
    fig = go.Figure()
    for zone in (*ZONE_ORDER, None):
        part = rows[[z is zone for z in zones]]
        if part.empty and zone is None:
            continue
        fig.add_trace(go.Bar(
            orientation="h",
            x=[0.0 if pd.isna(v) else float(v) for v in part[Col.CAKUPAN]],
            y=list(part[Col.KODE]),
            name=zone_legend(zone, settings, lang),
            marker=_zone_marker(zone),
            customdata=[[r[Col.NAMA], _hover(r, zone, lang)] for r in part.to_dict("records")],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"zona": zone.value if zone else None, "role": "batang"},
        ))
    _keep_in_legend(fig)
    # Values in one column right of the bars (and of 100%): threshold lines never cross them.
    values = pd.to_numeric(rows[Col.CAKUPAN], errors="coerce")
    column_x = max([100.0, *values.dropna()]) + 2.0
    fig.add_trace(go.Scatter(
        x=[column_x] * len(rows), y=order, mode="text", textposition="middle right",
        text=[_coverage_label(r, z, lang) for r, z in zip(rows.to_dict("records"), zones)],
        showlegend=False, hoverinfo="skip", cliponaxis=False, meta={"role": LABEL_COLUMN_ROLE},
    ))
    names = dict(zip(rows[Col.KODE], rows[Col.NAMA]))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1],
                     tickvals=order, ticktext=[names[k] for k in order],
                     range=[-0.6, len(order) - 0.4 + 0.8])  # headroom on top for the threshold labels
    ticks = list(range(0, int(column_x) - 1, 20))
    fig.update_xaxes(range=[0, column_x * 1.3], tickvals=ticks, ticksuffix="%",
                     title_text=tr("gambar_sumbu_cakupan", lang),
                     showgrid=True, gridcolor=GRID, zeroline=True, zerolinecolor="#999999")
    _threshold_lines(fig, settings, lang)
    title = zone_title(cakupan, level, area_name, settings.zones, lang)  # the page's and the map image's finding
    subtitle = tr("gambar_zona_sub", lang, tingkat=short_level_words(level, lang),
                             tanggal=fmt.long_date(data_date, lang))
    if len(rows) < n_all:
        subtitle += "<br>" + tr("gambar_zona_terendah", lang, n=len(rows), total=n_all,
                                tingkat=level_words(level, lang))
    demo = is_demo(order) if demo is None else demo
    fig.update_layout(bargap=0.28)
    frame_figure(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo),
                 lang=lang, kind="zone_bar", plot_height=SCREEN_ROW_PX * (len(order) + 0.8))
    return fig


def pockets_bar(table: pd.DataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
                n: int = 10, parent_names: dict | None = None, demo: bool | None = None,
                reach: dict | None = None) -> go.Figure:
    """The ``n`` areas with the most belum rekam (``pockets.top_belum``), largest on top.

    Takes a ``coverage.coverage_table`` frame (usually desa of a kabupaten). Bars are
    belum rekam counts, filled by the area's zone (computed from ``settings``) and
    labelled ``4.056 · cakupan 82,74% (merah)``. ``parent_names`` (kode → nama) adds the
    kecamatan under each desa's name: desa names repeat across kecamatan. The subtitle
    says what share of all belum rekam of ``table`` these areas hold; with NAMA_KAB (a provinsi's or
    the country's desa) the title says which kabupaten/kota holds most of them
    (``geo.present.pockets.kabupaten_most``); ``reach`` (``geo.render.media.figures_reach``): the
    subtitle says the area's figures come from some desa only.
    """
    top = names_as_text(top_belum(table, n, settings.zones).reset_index(drop=True), Col.NAMA, NAMA_KAB)
    area_name = as_text(area_name)  # names are data, never markup
    parent_names = {k: as_text(v) for k, v in (parent_names or {}).items()}
    zones = zones_of(top[Col.CAKUPAN], settings)
    order = list(top[Col.KODE])
    level = Level(top[Col.LEVEL].iloc[0]) if len(top) else Level.DESA
    fig = go.Figure()
    for zone in (*ZONE_ORDER, None):
        part = top[[z is zone for z in zones]]
        if part.empty and zone is None:
            continue
        fig.add_trace(go.Bar(
            orientation="h",
            x=[float(v) for v in part[Col.BELUM]],
            y=list(part[Col.KODE]),
            name=zone_legend(zone, settings, lang),
            marker=_zone_marker(zone),
            text=[tr("gambar_label_kantong", lang, belum=fmt.number(r[Col.BELUM], lang=lang),
                                cakupan=fmt.percent(r[Col.CAKUPAN], 2, lang), zona=zone_word(zone, lang))
                  for r in part.to_dict("records")],
            textposition="outside",
            cliponaxis=False,
            customdata=[[r[Col.NAMA], _hover(r, zone, lang)] for r in part.to_dict("records")],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"zona": zone.value if zone else None, "role": TEXT_BAR_ROLE},
        ))
    _keep_in_legend(fig)
    most = kabupaten_most(top)  # across a provinsi or the country: the finding is where they gather
    # the kabupaten/kota the title names as holding them all is not repeated under every bar
    said = f", {short_name(most[1])}" if most and most[0] == len(top) else None
    parents = parent_names or {}
    ticks = []
    for r in top.to_dict("records"):
        parent = parents.get(r.get(Col.KODE_INDUK))
        parent = parent.removesuffix(said) if parent and said else parent
        ticks.append(f"{r[Col.NAMA]} <span style='color:{MUTED}'>({parent})</span>" if parent else r[Col.NAMA])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1], tickvals=order,
                     ticktext=ticks, range=[-0.6, len(order) - 0.4])
    biggest = float(top[Col.BELUM].max()) if len(top) else 1.0
    fig.update_xaxes(range=[0, biggest * 1.9], title_text=tr("gambar_sumbu_belum", lang),
                     showgrid=True, gridcolor=GRID, tickformat=",d", zeroline=True, zerolinecolor="#999999")
    total = pd.to_numeric(table[Col.BELUM], errors="coerce").sum()
    together = float(top[Col.BELUM].sum())
    words = level_words(level, lang)
    key = "gambar_kantong_judul" if not most else (
        "gambar_kantong_judul_kab_semua" if most[0] == len(top) else "gambar_kantong_judul_kab")
    title = tr(key, lang, wilayah=area_name, n=len(top), tingkat=words, k=most and most[0],
               kabupaten=most and short_name(most[1]).replace(" ", "\u00a0"))  # one name, one line
    subtitle = tr("gambar_kantong_sub", lang, tanggal=fmt.long_date(data_date, lang))
    if total > 0:
        subtitle += "<br>" + tr(
            "gambar_kantong_bagian", lang, jumlah=fmt.number(together, lang=lang), total=fmt.number(total, lang=lang),
            wilayah=area_name, persen=fmt.percent(100 * together / total, 1, lang))
    if reach:
        subtitle += "<br>" + _reach_line(reach, area_name, lang)
    demo = is_demo(table[Col.KODE]) if demo is None else demo
    fig.update_layout(bargap=0.3)
    frame_figure(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo),
                 lang=lang, kind="pockets_bar", plot_height=SCREEN_ROW_PX * max(len(order), 3))
    return fig


def trend_line(series: pd.DataFrame, *, area_name: str, settings: Settings, lang: str = "id",
              kode: str | None = None, demo: bool | None = None, projection: dict | None = None,
              reach: dict | None = None) -> go.Figure:
    """Coverage of one area over time, zone bands behind (patterned, with their words).

    Takes one area's rows over time: Col.TANGGAL (ISO), Col.CAKUPAN (percent), Col.SUDAH,
    Col.WAJIB (as from ``timeline.coverage_over_time``). The first and the last value are
    written on the chart; the title says whether coverage rose or fell. ``kode`` (or the
    frame's Col.KODE) decides ``demo`` when not given. ``projection`` (``trend.projection``,
    made with ``today``) adds the story a journalist posts: the target line, the deadline,
    the projection from the last point with its band, and the verdict as the title. ``reach``
    (``geo.render.media.figures_reach``: the figures of some desa only): no verdict, the title says
    from how many the coverage comes, the subtitle that the whole area's is not known.
    """
    rows, area_name = series.sort_values(Col.TANGGAL, ignore_index=True), as_text(area_name)  # never markup
    rows = rows[pd.to_numeric(rows[Col.CAKUPAN], errors="coerce").notna()].reset_index(drop=True)
    x = [str(t)[:10] for t in rows[Col.TANGGAL]]
    y = [float(v) for v in rows[Col.CAKUPAN]]
    lo, hi = coverage_range(y, settings)
    fig = go.Figure()
    end = max([x[-1], *projected_days(projection)]) if x and projection else (x[-1] if x else None)
    if x and projection:  # room above the target for the last value's label
        lo, hi = coverage_range(y + [projection[TARGET] + 1.5], settings)
    if x:
        _zone_bands(fig, settings, lang, x[0], end, lo, hi)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines", name=tr("gambar_tren_garis", lang, wilayah=area_name),
            line={"color": LINE_COLOUR, "width": 3.5},
            customdata=[[fmt.long_date(d, lang), _hover(r, settings.zones.zone(r[Col.CAKUPAN]), lang)]
                        for d, r in zip(x, rows.to_dict("records"))],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"role": "tren"},
        ))
        ends = [0, len(x) - 1] if len(x) > 1 else [0]
        fig.add_trace(go.Scatter(
            x=[x[i] for i in ends], y=[y[i] for i in ends], mode="markers", marker={"color": LINE_COLOUR, "size": 11},
            showlegend=False, hoverinfo="skip", cliponaxis=False, meta={"role": END_ROLE},
        ))
        for i in ends:  # the first value below-right of its point, the last above-left: both inside the plot
            last = i == len(x) - 1 and i > 0
            fig.add_annotation(x=x[i], y=y[i], text=f"<b>{fmt.percent(y[i], 2, lang)}</b>", showarrow=False,
                               xanchor="right" if last else "left", yanchor="bottom" if last else "top",
                               yshift=10 if last else -10, bgcolor="rgba(255,255,255,0.85)", borderpad=2,
                               font={"color": INK}, name=END_ROLE)
        if projection:
            add_projection(fig, projection, lang, x[-1], y[-1], span=(x[0], end))
        tickvals, ticktext = month_ticks(x[0], end, lang)
        fig.update_xaxes(type="date", tickvals=tickvals, ticktext=ticktext, range=[x[0], end],
                         showgrid=False, ticks="outside")
    fig.update_yaxes(range=[lo, hi], ticksuffix="%", title_text=tr("gambar_sumbu_cakupan", lang),
                     showgrid=True, gridcolor=GRID)
    if len(y) >= 2 and round(y[-1], 2) != round(y[0], 2):
        key = "gambar_tren_naik" if y[-1] > y[0] else "gambar_tren_turun"
    else:
        key = "gambar_tren_tetap"
    title = tr(key, lang, wilayah=area_name, awal=fmt.percent(y[0], 2, lang) if y else "–",
                          akhir=fmt.percent(y[-1], 2, lang) if y else "–")
    if projection and y:  # the verdict is the finding: "Banten: terlambat 57 hari — …"
        title = image_title(area_name, projection, settings.zones.hijau, lang)
    if reach and y:  # a sum over some desa: never a verdict on the whole area
        title = tr("gambar_tren_sebagian", lang, wilayah=area_name, cakupan=fmt.percent(y[-1], 2, lang),
                   ada=fmt.number(reach["ada"], lang=lang), semua=fmt.number(reach["semua"], lang=lang),
                   satuan=tr(f"tingkat_jamak_{reach['satuan']}", lang))
    subtitle = tr("gambar_tren_sub", lang, mulai=fmt.long_date(x[0] if x else None, lang),
                             akhir=fmt.long_date(x[-1] if x else None, lang))
    if len(set(x)) == 1:  # one date: not a range from it to itself
        subtitle = tr("gambar_tren_sub_satu", lang, tanggal=fmt.long_date(x[0], lang))
    if reach:
        subtitle += "<br>" + _reach_line(reach, area_name, lang)
    codes = [kode] if kode else (list(series[Col.KODE]) if Col.KODE in series else [])
    demo = is_demo(codes) if demo is None else demo
    source = source_text(settings, x[-1] if x else None, lang, demo=demo)
    frame_figure(fig, title=title, subtitle=subtitle, source=source, lang=lang, kind="trend_line", plot_height=340)
    return fig


def _reach_line(reach: dict, area_name: str, lang: str) -> str:
    """The subtitle's line for figures of some desa only (``geo.render.media.figures_reach``)."""
    return tr("gambar_sebagian_sub", lang, wilayah=area_name, satuan=tr(f"tingkat_jamak_{reach['satuan']}", lang),
              kosong=fmt.number(reach["semua"] - reach["ada"], lang=lang))


# --- the projection on a media image --------------------------------------------------------------
def projected_days(projection: dict) -> list[str]:
    """Dates the projection puts on the time axis: the deadline, the projected date and its band."""
    keys = (TENGGAT, TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AWAL, TANGGAL_PROYEKSI_AKHIR)
    return [str(projection[k])[:10] for k in keys if projection.get(k)]


def add_projection(fig: go.Figure, projection: dict, lang: str, last_day: str, last_value: float,
                   span: tuple | None = None) -> None:
    """The target (dotted, named in the legend: a label on the plot would meet the first value's when
    the two are close), the deadline (dashed, labelled at the foot of its line, on the side with more
    room in ``span``, the time axis's (first, last) day: on the left it ran over the first value's label
    when the deadline sat early on a long axis) and, when a date is projected, a dashed line from the
    last point to it with the band of dates shaded (rate ± one standard error)."""
    target = projection.get(TARGET)
    line = {"color": INK, "dash": "dot", "width": 1.5}
    fig.add_hline(y=target, line=line)
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line=line, hoverinfo="skip",
                             name=tr("grafik_target", lang, target=threshold_text(target, lang)),
                             meta={"role": "target"}))
    deadline = projection.get(TENGGAT)
    if deadline:
        fig.add_vline(x=deadline, line={"color": INK, "dash": "dash", "width": 1.5})
        first, last = (pd.Timestamp(str(d)[:10]) for d in span) if span else (None, None)
        early = first is not None and last > first and \
            (pd.Timestamp(str(deadline)[:10]) - first) / (last - first) < 0.5
        fig.add_annotation(x=deadline, y=0, yref="paper", showarrow=False, xanchor="left" if early else "right",
                           yanchor="bottom",
                           text=tr("grafik_tenggat", lang, tanggal=fmt.long_date(deadline, lang)),
                           bgcolor="rgba(255,255,255,0.85)", font={"color": INK}, name=END_ROLE)
    when = projection.get(TANGGAL_PROYEKSI)
    if not when or projection.get(PROYEKSI_LEWAT):
        return
    early, late = projection.get(TANGGAL_PROYEKSI_AWAL), projection.get(TANGGAL_PROYEKSI_AKHIR)
    if early and late:
        fig.add_trace(go.Scatter(x=[last_day, early, late, last_day], y=[last_value, target, target, last_value],
                                 mode="lines", fill="toself", fillcolor="rgba(17,17,17,0.10)", line={"width": 0},
                                 hoverinfo="skip", showlegend=False, meta={"role": "rentang"}))
    fig.add_trace(go.Scatter(x=[last_day, when], y=[last_value, target], mode="lines+markers",
                             line={"color": LINE_COLOUR, "dash": "dash", "width": 2.5}, marker={"size": [0, 9]},
                             name=tr("grafik_proyeksi", lang), hoverinfo="skip", meta={"role": "proyeksi"}))


# --- pieces ---------------------------------------------------------------------------------
def _keep_in_legend(fig: go.Figure) -> None:
    """An empty zone still explains itself in the legend: plotly leaves out traces without
    points, so an empty bar trace gets one null point (drawn nowhere, no category)."""
    for trace in fig.data:
        if trace.type == "bar" and not len(trace.x or ()):
            trace.update(x=[None], y=[None], customdata=None, text=None)


def _zone_marker(zone: Zone | None) -> dict:
    colour = ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR
    return {"color": colour, "line": {"color": "#ffffff", "width": 0.5},
            "pattern": {"shape": ZONE_PATTERNS[zone], "fgcolor": PATTERN_INK[zone], "bgcolor": colour,
                        "fillmode": "replace", "size": 9, "solidity": 0.22}}


def _coverage_label(row: dict, zone: Zone | None, lang: str) -> str:
    if zone is None:
        return tr("gambar_tidak_ada_data", lang)
    text = f"{fmt.percent(row[Col.CAKUPAN], 2, lang)} ({zone_word(zone, lang)})"
    return text + (" " + tr("gambar_di_atas_100", lang) if row[Col.CAKUPAN] > 100 else "")


def _hover(row: dict, zone: Zone | None, lang: str) -> str:
    if zone is None:
        return tr("gambar_tidak_ada_data", lang)
    return tr("gambar_hover_cakupan", lang, cakupan=fmt.percent(row[Col.CAKUPAN], 2, lang),
                         zona=zone_word(zone, lang), sudah=fmt.number(row[Col.SUDAH], lang=lang),
                         wajib=fmt.number(row[Col.WAJIB], lang=lang),
                         belum=fmt.number(row.get(Col.BELUM, row[Col.WAJIB] - row[Col.SUDAH]), lang=lang))


def _threshold_lines(fig: go.Figure, settings: Settings, lang: str) -> None:
    """Dashed lines at the thresholds, labelled in the headroom above the bars: the hijau
    label to the right of its line, the kuning label to the left of its, so they never meet."""
    zones = settings.zones
    for zone, value, anchor in ((Zone.HIJAU, zones.hijau, "left"), (Zone.KUNING, zones.kuning, "right")):
        fig.add_shape(type="line", x0=value, x1=value, xref="x", y0=0, y1=1, yref="paper",
                      line={"color": "#333333", "width": 1.5, "dash": "dash"}, layer="above",
                      name=f"ambang_{zone.value}")
        fig.add_annotation(
            x=value, xref="x", y=1, yref="paper", yanchor="top", xanchor=anchor, xshift=6 if anchor == "left" else -6,
            text=tr(f"gambar_garis_{zone.value}", lang, ambang=threshold_text(value, lang)),
            showarrow=False, font={"color": "#333333"}, name=f"ambang_{zone.value}",
        )


def _zone_bands(fig: go.Figure, settings: Settings, lang: str, x0: str, x1: str, lo: float, hi: float) -> None:
    """Zone bands as filled, patterned traces (so the legend shows their pattern and words)."""
    zones = settings.zones
    spans = {Zone.HIJAU: (zones.hijau, hi), Zone.KUNING: (zones.kuning, zones.hijau), Zone.MERAH: (lo, zones.kuning)}
    for zone in ZONE_ORDER:
        low, high = max(spans[zone][0], lo), min(spans[zone][1], hi)
        if high <= low:
            continue
        colour = ZONE_COLOURS[zone]
        fig.add_trace(go.Scatter(
            x=[x0, x1, x1, x0, x0], y=[low, low, high, high, low], mode="lines", fill="toself",
            line={"width": 0}, fillcolor=tint(colour, 0.22), hoverinfo="skip",
            fillpattern={"shape": ZONE_PATTERNS[zone], "fgcolor": tint(colour, 0.55), "bgcolor": tint(colour, 0.22),
                         "size": 10, "solidity": 0.15, "fillmode": "replace"},
            name=zone_legend(zone, settings, lang), meta={"zona": zone.value, "role": "pita"},
        ))


def coverage_range(values: list[float], settings: Settings) -> tuple[float, float]:
    """Y range showing every value and both thresholds (not necessarily 100%), with room."""
    points = [*values, settings.zones.kuning, settings.zones.hijau]
    low, high = min(points), max(points)
    return max(0.0, math.floor(low) - 3.0), min(max(high + 3.0, 100.0), math.ceil(high) + 4.0)

"""Zone map as a static image (PNG, SVG) or drawn into a matplotlib axes: no tiles, no network.

Polygons are filled with the fixed ZONE_COLOURS and hatched per zone (hijau plain,
kuning ``//``, merah ``xx``, no data grey ``..``), the same patterns as the plotly bars,
so the map reads in greyscale and for colour-blind eyes. The legend states the
thresholds in words and how many areas each zone holds. Drawn with matplotlib's
object API (no pyplot): safe to call from Streamlit's threads.
"""
from __future__ import annotations

import io
import math
import re

import geopandas as gpd
import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyArrow, Patch
from matplotlib.transforms import Bbox
from shapely.geometry import box

from geo import fmt
from geo.config import Settings
from geo.present.common import zone_title
from geo.render import charts
from geo.render.images import parse_format, parse_size
from geo.render.maps.layers import OVER_100
from geo.render.mpl import Figure
from geo.render.static_map_labels import place_labels
from geo.render.static_map_marks import DPI, FONT_FAMILY, _numbers, _pt, _renderer, _rings, _segment
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, Zone
from geo.text import tr


MPL_HATCHES = {Zone.HIJAU: "", Zone.KUNING: "//", Zone.MERAH: "xx", None: ".."}
BORDER_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#222222"
_FIGURE_FONT = {"family": FONT_FAMILY}
LABEL_FONT = {"color": charts.INK, "fontfamily": FONT_FAMILY, "fontweight": "bold", "linespacing": 1.05}


def has_boundaries(table: gpd.GeoDataFrame) -> bool:
    """Whether any area of ``table`` has a boundary to draw (a store may hold figures for areas
    whose boundary files were never imported: the country's bench, a new province)."""
    geometry = table.geometry if isinstance(table, gpd.GeoDataFrame) and table.geometry.name in table else None
    return geometry is not None and bool((geometry.notna() & ~geometry.is_empty).any())


def draw_zone_map(ax, table: gpd.GeoDataFrame, *, settings: Settings, lang: str = "id",
                  outline: gpd.GeoDataFrame | None = None, label: str = "auto", label_px: float = 14,
                  numbers: dict[str, int] | None = None, north_arrow: bool = True, scale_bar: bool = True,
                  fade: float | None = None, extent: tuple[float, float, float, float] | None = None,
                  ring_over_100: bool = False) -> dict:
    """Draw the zone choropleth of ``table`` into ``ax`` (a matplotlib Axes).

    Takes a ``coverage_table(..., geometry=True)`` GeoDataFrame (Col.KODE, Col.NAMA,
    Col.CAKUPAN in percent, geometry in EPSG:4326). Zones are computed from ``settings``.
    ``outline`` (e.g. the kecamatan of a desa map) is drawn as thick borders and carries
    the labels (names only) instead of ``table``. ``label`` "none" draws no names; "auto"
    names every area it can (``static_map_labels.place_labels``: inside the area, smaller if
    need be, else beside it with a leader line; never two names on top of each other) and
    adds their coverage when the map has no outline and at most 15 areas. ``numbers`` (kode → n) puts numbered markers on areas
    (the briefing's top-10 list): never on another marker, a name or a leader line, a crowded
    marker steps aside with a leader line of its own. ``ring_over_100`` circles the areas above
    100% too small to see their dashed border (a desa among hundreds), before names and markers,
    which keep off the ring. The map
    is drawn in the area's UTM zone with a north arrow and a km scale bar. ``fade`` (0–1)
    mixes the zone colours with white, for a background under other marks (``map_image``'s
    ``overlay``). ``extent`` (min lon, min lat, max lon, max lat) shows only that part (grown
    to the axes' shape); names then go to the areas in view. Areas above 100% get a dashed
    border of their own. Returns ``{"zones": [zone per row], "counts": {zone: n}, "crs":
    projected CRS, "over_100": areas above 100%, "labels": [PlacedLabel], "markers": {kode: marker
    artist} (gid ``number-<n>``, leader ``number-leader-<n>``), "rings": [kode circled]}``.
    """
    crs = table.estimate_utm_crs() if len(table) else "EPSG:3857"
    shapes = table.to_crs(crs)
    zones = charts.zones_of(shapes[Col.CAKUPAN], settings)
    counts = {z: 0 for z in (*charts.ZONE_ORDER, None)}
    for zone in counts:
        mask = [z is zone for z in zones]
        counts[zone] = sum(mask)
        if not any(mask):
            continue
        colour, ink = _zone_inks(zone, fade)
        shapes[mask].plot(ax=ax, facecolor=colour, edgecolor=BORDER_COLOUR, linewidth=0.6,
                          hatch=MPL_HATCHES[zone], hatchcolor=ink)
    over = shapes[pd.to_numeric(shapes[Col.CAKUPAN], errors="coerce") > 100]
    if len(over):  # above 100%: its own dashed border, never just a green area
        over.boundary.plot(ax=ax, color=OVER_100, linewidth=1.6, linestyle=(0, (4, 2)))
    labelled = shapes
    if outline is not None and len(outline):
        labelled = outline.to_crs(crs)
        labelled.boundary.plot(ax=ax, color=OUTLINE_COLOUR, linewidth=1.4)
    ax.set_axis_off()
    ax.set_aspect("equal")
    if extent is not None:  # grow the view to the axes' shape, so that the axes keep their box
        x0, y0, x1, y1 = gpd.GeoSeries([box(*extent)], crs="EPSG:4326").to_crs(crs).total_bounds
        frame = ax.get_position(original=True)  # the box given, before any aspect shrank it
        half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
        shape = (frame.width * ax.figure.get_figwidth()) / (frame.height * ax.figure.get_figheight())
        half_w, half_h = max(half_w, half_h * shape), max(half_h, half_w / shape)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        ax.set_xlim(cx - half_w, cx + half_w)
        ax.set_ylim(cy - half_h, cy + half_h)
        labelled = labelled.clip(box(cx - half_w, cy - half_h, cx + half_w, cy + half_h))
        labelled = labelled[~labelled.geometry.is_empty]
    ax.apply_aspect()  # final data-to-pixel transform: labels are measured against it
    renderer = _renderer(ax)
    taken: list = []  # display boxes in use: arrow and scale bar, then names, then numbers (which can step aside)
    if north_arrow:
        taken.append(_north_arrow(ax, label_px, lang).get_window_extent(renderer))
    if scale_bar:
        taken += [artist.get_window_extent(renderer) for artist in _scale_bar(ax, label_px, lang)]
    # a zoomed map keeps its names inside the map; a whole one may use all the room it was given
    frame = ax.bbox if extent is not None else _given_box(ax)
    rings = _rings(ax, over, label_px, taken) if ring_over_100 and len(over) else []
    labels = []
    if label != "none" and len(labelled):
        labels = place_labels(ax, labelled, label_px=label_px, lang=lang,
                              with_value=len(labelled) <= 15 and outline is None, taken=taken, frame=frame,
                              font=LABEL_FONT, pt=_pt)
    markers = {}
    if numbers:
        leaders = [_segment(ax, placed.leader) for placed in labels if placed.leader is not None]
        markers = _numbers(ax, shapes, numbers, label_px, taken, leaders, frame)
    return {"zones": zones, "counts": counts, "crs": crs, "over_100": len(over), "labels": labels,
            "markers": markers, "rings": rings}


def _zone_inks(zone: Zone | None, fade: float | None) -> tuple[str, str]:
    """Fill colour and hatch colour of a zone, mixed with white by ``fade`` when given."""
    colour, ink = ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR, charts.PATTERN_INK[zone]
    return (charts.tint(colour, fade), charts.tint(ink, fade)) if fade is not None else (colour, ink)


def legend_handles(settings: Settings, lang: str, counts: dict | None = None, level: Level | str | None = None,
                   fade: float | None = None, over_100: int = 0):
    """Legend patches (colour + hatch + words with thresholds, and counts when given); the dashed
    border of the ``over_100`` areas above 100% when there are any."""
    handles = []
    for zone in (*charts.ZONE_ORDER, None):
        n = (counts or {}).get(zone)
        if zone is None and not n:
            continue
        label = charts.zone_legend(zone, settings, lang)
        if counts is not None and level is not None:
            label = tr("peta_gambar_jumlah", lang, label=label, n=n or 0,
                                  tingkat=charts.short_level_words(level, lang, n or 0))
        colour, ink = _zone_inks(zone, fade)
        handles.append(Patch(facecolor=colour, edgecolor="#666666", hatch=MPL_HATCHES[zone], hatchcolor=ink,
                             linewidth=0.6, label=label))
    if over_100:
        handles.append(Patch(facecolor="none", edgecolor=OVER_100, linestyle=(0, (4, 2)), linewidth=1.6,
                             label=tr("map_di_atas_100_jumlah", lang, jumlah=over_100)))
    return handles


def zone_map(table: gpd.GeoDataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
             size=(1200, 675), fmt_name: str = "png", outline: gpd.GeoDataFrame | None = None,
             demo: bool | None = None) -> bytes:
    """PNG/SVG bytes of ``zone_figure``: the zone map image of exactly ``size`` pixels. Raises
    RekamError for a bad size or format."""
    fmt_name = parse_format(fmt_name)
    return _save(zone_figure(table, area_name=area_name, data_date=data_date, settings=settings, lang=lang, size=size,
                             outline=outline, demo=demo), fmt_name)


def zone_figure(table: gpd.GeoDataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
                size=(1200, 675), outline: gpd.GeoDataFrame | None = None, demo: bool | None = None) -> Figure:
    """The zone map figure, ``size`` pixels: title, subtitle, map, legend, source.

    Takes the same frame as ``draw_zone_map``. The title says how many areas are in the
    hijau zone; the source line names ``settings.source_name`` and the date of the data
    (``data contoh sintetis`` added for the demo). Its names carry the gid ``label-<kode>``,
    their leader lines ``leader-<kode>``. Raises RekamError for a bad size (``images.parse_size``).
    """
    level = Level(table[Col.LEVEL].iloc[0]) if len(table) else Level.KECAMATAN
    title = zone_title(table[Col.CAKUPAN], level, area_name, settings.zones, lang)
    subtitle = tr("peta_gambar_sub", lang, tingkat=charts.short_level_words(level, lang),
                  tanggal=fmt.long_date(data_date, lang))
    demo = charts.is_demo(table[Col.KODE]) if demo is None else demo
    source = charts.source_text(settings, data_date, lang, demo=demo)
    return map_figure(table, title=title, subtitle=subtitle, source=source, settings=settings, lang=lang, size=size,
                      outline=outline)


def map_image(table: gpd.GeoDataFrame, *, fmt_name: str = "png", **options) -> bytes:
    """PNG/SVG bytes of ``map_figure(table, **options)``. Raises RekamError for a bad size or format."""
    fmt_name = parse_format(fmt_name)
    return _save(map_figure(table, **options), fmt_name)


def map_figure(table: gpd.GeoDataFrame, *, title: str, subtitle: str, source: str, settings: Settings,
               lang: str = "id", size=(1200, 675), outline: gpd.GeoDataFrame | None = None,
               fade: float | None = None, overlay=None, overlay_legend: tuple[str, list] | None = None,
               extent: tuple[float, float, float, float] | None = None) -> Figure:
    """A map figure of exactly ``size`` pixels: title, subtitle, the zone map, legends, source line.

    The frame every static map shares (``zone_map``, ``plan.plan_image``). The zone map is
    ``draw_zone_map(table, outline=…, fade=…)``; its legend counts the areas per zone.
    ``overlay(ax, crs, marker_px)`` then draws other marks on the same axes (coordinates in
    ``crs``, the map's projected CRS), and ``overlay_legend`` = (title, matplotlib handles)
    explains them in a second legend: in the right-hand column of a landscape image, or
    beside the zone legend under the map of a square or portrait one; legend words wrap to
    the room they have. ``extent`` (lon/lat bounds) zooms the map. Text scales with the
    width (18 px at 1080 px), as in the plotly images. Raises RekamError for a bad size.
    """
    width, height = parse_size(size)
    base = charts.EXPORT_BASE_PX * width / 1080
    pad = 0.04 * width
    level = Level(table[Col.LEVEL].iloc[0]) if len(table) else Level.KECAMATAN
    zones = charts.zones_of(table[Col.CAKUPAN], settings)
    counts = {zone: sum(z is zone for z in zones) for zone in (*charts.ZONE_ORDER, None)}
    over_100 = int((pd.to_numeric(table[Col.CAKUPAN], errors="coerce") > 100).sum())
    legends = [(tr("peta_gambar_legenda", lang), legend_handles(settings, lang, counts, level, fade, over_100))]
    if overlay_legend:
        legends.append(overlay_legend)

    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    title_lines = charts.text_lines(charts.wrap_text(title, base * 1.5, width - 2 * pad, bold=True))
    sub_lines = charts.text_lines(charts.wrap_text(subtitle, base, width - 2 * pad))
    y = pad
    y = _text_block(fig, title_lines, pad, y, base * 1.5, width, height, bold=True)
    y = _text_block(fig, sub_lines, pad, y + base * 0.25, base, width, height, colour=charts.MUTED)
    top = y + base * 0.8
    bottom = pad + base * 2.0  # the source line
    landscape = width / height > 1.2
    strip_h = legend_w = legend_h = 0.0
    places = []  # (legend, number of columns, top-left corner in pixels from the top-left)
    if landscape and len(legends) > 1:  # the zones in one row above the map, the overlay's legend on the right
        zone_handles = legends[0][1]
        strip_h = _legend_height(zone_handles, len(zone_handles), base)
        places.append((legends[0], len(zone_handles), (pad, top)))
        column_w, most = min(0.36 * width, 20 * base), 0.6 * (width - 2 * pad)
        ncol = _fit_legend(legends[1][1], column_w, height - top - strip_h - bottom, base, most)
        legend_w = min(column_w * ncol, most)
        places.append((legends[1], ncol, (width - pad - legend_w, top + strip_h)))
    elif landscape:  # the zones in the right-hand column
        legend_w = min(0.36 * width, 20 * base)
        places.append((legends[0], _fit_legend(legends[0][1], legend_w, height, base), (width - pad - legend_w, top)))
    else:  # side by side under the map
        room = (width - 2 * pad) / len(legends)
        for _, handles in legends:
            _fit_legend(handles, room, height, base)
        legend_h = max(_legend_height(handles, 1, base) for _, handles in legends) + base * 0.5
        places += [(legend, 1, (pad + i * room, height - bottom - legend_h)) for i, legend in enumerate(legends)]
    map_top = top + strip_h
    map_box = [pad / width, (bottom + legend_h) / height, (width - 2 * pad - legend_w) / width,
               (height - map_top - bottom - legend_h) / height]
    ax = fig.add_axes(map_box)
    drawn = draw_zone_map(ax, table, settings=settings, lang=lang, outline=outline, label_px=base * 0.9, fade=fade,
                          extent=extent)
    if overlay is not None:
        limits = ax.get_xlim(), ax.get_ylim()
        overlay(ax, drawn["crs"], base * 0.9)
        ax.set_xlim(limits[0])
        ax.set_ylim(limits[1])
    font = {"family": FONT_FAMILY, "size": _pt(base * 0.95)}
    title_font = {**font, "weight": "bold"}
    for (legend_title, handles), ncol, (x, y) in places:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(x / width, 1 - y / height), frameon=False,
                   prop=font, title=legend_title, title_fontproperties=title_font, ncol=ncol, handlelength=2.2,
                   handleheight=1.4, labelspacing=0.7, columnspacing=1.2, alignment="left")
    fig.text(pad / width, pad / height, source, ha="left", va="bottom", fontsize=_pt(base * 0.85),
             color=charts.MUTED, fontfamily=FONT_FAMILY)
    return fig


def _fit_legend(handles: list, column_w: float, max_h: float, base: float, max_w: float | None = None) -> int:
    """Wrap the handles' labels to columns of ``column_w`` pixels (all columns together at
    most ``max_w``); returns the number of columns (1–3) that keeps the legend within
    ``max_h`` pixels, its title included."""
    for ncol in (1, 2, 3):
        width = min(column_w, (max_w or column_w * ncol) / ncol)
        for handle in handles:  # words wrap within the column (handle and gaps: 3.4 em)
            text = " ".join(handle.get_label().split("\n"))
            handle.set_label("\n".join(charts.text_lines(charts.wrap_text(text, base * 0.95,
                                                                           max(width - base * 3.4, base * 6)))))
        if _legend_height(handles, ncol, base) <= max_h:
            break
    return ncol


def _legend_height(handles: list, ncol: int, base: float) -> float:
    """Pixels a legend takes: its title, then per entry the handle (1.4 em) or its lines
    of text, whichever is taller, and 0.7 em between entries (1 em = 0.95 × base)."""
    em = 0.95 * base
    entries = [max(1.4, 1.17 * (h.get_label().count("\n") + 1)) + 0.7 for h in handles]
    per_column = math.ceil(len(entries) / ncol)
    tallest = max((sum(entries[i:i + per_column]) for i in range(0, len(entries), per_column)), default=0)
    return (1.9 + tallest + 0.8) * em


# --- pieces ---------------------------------------------------------------------------------
def _text_block(fig: Figure, lines: list[str], x_px: float, y_px: float, size_px: float, width: int, height: int,
                bold: bool = False, colour: str = charts.INK) -> float:
    """Lines of text from the top-left corner (pixels from the top); returns the next free y."""
    for line in lines:
        fig.text(x_px / width, 1 - y_px / height, line, ha="left", va="top",
                 fontsize=_pt(size_px), fontweight="bold" if bold else "normal", color=colour, fontfamily=FONT_FAMILY)
        y_px += size_px * 1.25
    return y_px


def _given_box(ax):
    """The display box the axes were given (before the map's aspect shrank them), within the figure."""
    given = ax.get_position(original=True).transformed(ax.figure.transFigure)
    return Bbox.intersection(given, ax.figure.bbox) or ax.figure.bbox


def _north_arrow(ax, label_px: float, lang: str):
    return ax.annotate(tr("peta_gambar_utara", lang), xy=(0.97, 0.98), xytext=(0.97, 0.86),
                xycoords="axes fraction", ha="center", va="center", fontsize=_pt(label_px), fontweight="bold",
                fontfamily=FONT_FAMILY, color=charts.INK,
                arrowprops={"arrowstyle": "-|>", "color": charts.INK, "linewidth": 1.5})


def _scale_bar(ax, label_px: float, lang: str) -> list:
    """A bar of a round number of km, at most a quarter of the map's width, bottom left; returns
    the bar and its words."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    span_km = (x1 - x0) / 1000
    nice = max((n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if n <= span_km / 4), default=1)
    length = nice * 1000
    left, base_y = x0 + (x1 - x0) * 0.02, y0 + (y1 - y0) * 0.03
    bar = ax.add_patch(FancyArrow(left, base_y, length, 0, width=(y1 - y0) * 0.006, head_width=0,
                                  head_length=0, color=charts.INK, length_includes_head=True))
    words = ax.text(left + length / 2, base_y + (y1 - y0) * 0.015, tr("peta_gambar_km", lang, n=nice),
            ha="center", va="bottom", fontsize=_pt(label_px * 0.9), fontfamily=FONT_FAMILY, color=charts.INK)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return [bar, words]


def _save(fig: Figure, fmt_name: str) -> bytes:
    """PNG/SVG bytes at the figure's exact size (no tight bounding box: the size is the contract)."""
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt_name == "png" else {"Date": None}
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "peta-rekam"}):  # SVG text stays searchable text
        fig.savefig(buffer, format=fmt_name, dpi=DPI, facecolor="white", metadata=metadata)
    data = buffer.getvalue()
    if fmt_name == "svg":  # matplotlib sizes SVG in points (72 per inch); say the pixel size, like plotly does
        width, height = (round(v * DPI) for v in fig.get_size_inches())
        data = re.sub(rb'width="[0-9.]+pt" height="[0-9.]+pt"', f'width="{width}" height="{height}"'.encode(), data,
                      count=1)
    return data

"""Zone map as a static image (PNG, SVG) or drawn into a matplotlib axes: no tiles, no network.

Polygons are filled with the fixed ZONE_COLOURS and hatched per zone (hijau plain,
kuning ``//``, merah ``xx``, no data grey ``..``), the same patterns as the plotly bars,
so the map reads in greyscale and for colour-blind eyes. The legend states the
thresholds in words and how many areas each zone holds. Drawn with matplotlib's
object API (no pyplot): safe to call from Streamlit's threads.
"""
from __future__ import annotations

import io
import re

import geopandas as gpd
import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrow, Patch
from matplotlib.patheffects import withStroke

from geo import fmt, messages
from geo.render import charts
from geo.render.images import parse_format, parse_size
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, Settings, Zone

messages.register(
    {
        "peta_gambar_sub": ("Zona cakupan perekaman KTP-el per {tingkat}, data per {tanggal}",
                            "e-KTP recording coverage zones by {tingkat}, data as of {tanggal}"),
        "peta_gambar_legenda": ("Zona cakupan", "Coverage zone"),
        "peta_gambar_jumlah": ("{label} · {n} {tingkat}", "{label} · {n} {tingkat}"),
        "peta_gambar_utara": ("U", "N"),
        "peta_gambar_km": ("{n} km", "{n} km"),
    }
)

MPL_HATCHES = {Zone.HIJAU: "", Zone.KUNING: "//", Zone.MERAH: "xx", None: ".."}
BORDER_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#222222"
FONT_FAMILY = ["Liberation Sans", "DejaVu Sans"]  # DejaVu has every glyph (≥, –) if Liberation lacks one
DPI = 100  # pixels = inches × DPI: a 1200×675 image is a 12 × 6.75 in figure
_FIGURE_FONT = {"family": FONT_FAMILY}


def draw_zone_map(ax, table: gpd.GeoDataFrame, *, settings: Settings, lang: str = "id",
                  outline: gpd.GeoDataFrame | None = None, label: str = "auto", label_px: float = 14,
                  numbers: dict[str, int] | None = None, north_arrow: bool = True, scale_bar: bool = True) -> dict:
    """Draw the zone choropleth of ``table`` into ``ax`` (a matplotlib Axes).

    Takes a ``coverage_table(..., geometry=True)`` GeoDataFrame (Col.KODE, Col.NAMA,
    Col.CAKUPAN in percent, geometry in EPSG:4326). Zones are computed from ``settings``.
    ``outline`` (e.g. the kecamatan of a desa map) is drawn as thick borders and carries
    the labels (names only) instead of ``table``. ``label`` "none" draws no names; "auto"
    names the largest areas (up to 15) and adds their coverage when the map has no outline,
    never letting two labels overlap. ``numbers`` (kode → n) puts numbered markers on areas
    (the briefing's top-10 list; a crowded marker steps aside with a leader line). The map
    is drawn in the area's UTM zone with a north arrow and a km scale bar. Returns
    ``{"zones": [zone per row], "counts": {zone: n}, "crs": projected CRS}``.
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
        colour = ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR
        shapes[mask].plot(ax=ax, facecolor=colour, edgecolor=BORDER_COLOUR, linewidth=0.6,
                          hatch=MPL_HATCHES[zone], hatchcolor=charts.PATTERN_INK[zone])
    labelled = shapes
    if outline is not None and len(outline):
        labelled = outline.to_crs(crs)
        labelled.boundary.plot(ax=ax, color=OUTLINE_COLOUR, linewidth=1.4)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.apply_aspect()  # final data-to-pixel transform: labels are measured against it
    taken: list = []  # display boxes in use: names first, then numbers (which can step aside with a leader)
    if label != "none" and len(labelled):
        _labels(ax, labelled, label_px, lang, with_value=len(labelled) <= 15 and outline is None, taken=taken)
    if numbers:
        _numbers(ax, shapes, numbers, label_px, taken)
    if north_arrow:
        _north_arrow(ax, label_px, lang)
    if scale_bar:
        _scale_bar(ax, label_px, lang)
    return {"zones": zones, "counts": counts, "crs": crs}


def legend_handles(settings: Settings, lang: str, counts: dict | None = None, level: Level | str | None = None):
    """Legend patches (colour + hatch + words with thresholds, and counts when given)."""
    handles = []
    for zone in (*charts.ZONE_ORDER, None):
        n = (counts or {}).get(zone)
        if zone is None and not n:
            continue
        label = charts.zone_legend(zone, settings, lang)
        if counts is not None and level is not None:
            label = messages.text("peta_gambar_jumlah", lang, label=label, n=n or 0,
                                  tingkat=charts.level_words(level, lang).split("/")[0])
        handles.append(Patch(facecolor=ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR, edgecolor="#666666",
                             hatch=MPL_HATCHES[zone], hatchcolor=charts.PATTERN_INK[zone], linewidth=0.6,
                             label=label))
    return handles


def zone_map(table: gpd.GeoDataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
             size=(1200, 675), fmt_name: str = "png", outline: gpd.GeoDataFrame | None = None,
             demo: bool | None = None) -> bytes:
    """A zone map image of exactly ``size`` pixels: title, subtitle, map, legend, source.

    Takes the same frame as ``draw_zone_map``. The title says how many areas are in the
    hijau zone; the source line names ``settings.source_name`` and the date of the data
    (``data contoh sintetis`` added for the demo). Raises RekamError for a bad size or
    format (``images.parse_size``/``parse_format``).
    """
    width, height = parse_size(size)
    fmt_name = parse_format(fmt_name)
    base = charts.EXPORT_BASE_PX * width / 1080
    pad = 0.04 * width
    level = Level(table[Col.LEVEL].iloc[0]) if len(table) else Level.KECAMATAN
    words = charts.level_words(level, lang)
    zones = charts.zones_of(table[Col.CAKUPAN], settings)
    title = messages.text("gambar_zona_judul", lang, wilayah=area_name, n=sum(z is Zone.HIJAU for z in zones),
                          total=len(table), tingkat=words)
    subtitle = messages.text("peta_gambar_sub", lang, tingkat=words.split("/")[0],
                             tanggal=fmt.long_date(data_date, lang))
    demo = charts.is_demo(table[Col.KODE]) if demo is None else demo
    source = charts.source_text(settings, data_date, lang, demo=demo)

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
    legend_w = min(0.36 * width, 20 * base) if landscape else 0
    n_entries = 3 + any(z is None for z in zones)  # the three zones, and "no data" when there is any
    legend_h = 0 if landscape else base * 2.0 * (n_entries + 1) + base * 0.5
    map_box = [pad / width, (bottom + legend_h) / height, (width - 2 * pad - legend_w) / width,
               (height - top - bottom - legend_h) / height]
    ax = fig.add_axes(map_box)
    drawn = draw_zone_map(ax, table, settings=settings, lang=lang, outline=outline, label_px=base * 0.9)
    handles = legend_handles(settings, lang, drawn["counts"], level)
    legend_font = {"family": FONT_FAMILY, "size": _pt(base * 0.95)}
    if landscape:
        anchor, loc = ((width - pad - legend_w) / width, 1 - top / height), "upper left"
    else:
        anchor, loc = (pad / width, (bottom + legend_h) / height), "upper left"
    fig.legend(handles=handles, loc=loc, bbox_to_anchor=anchor, frameon=False, prop=legend_font,
               title=messages.text("peta_gambar_legenda", lang),
               title_fontproperties={"family": FONT_FAMILY, "size": _pt(base * 0.95), "weight": "bold"},
               handlelength=2.2, handleheight=1.4, labelspacing=0.7, alignment="left")
    fig.text(pad / width, pad / height, source, ha="left", va="bottom", fontsize=_pt(base * 0.85),
             color=charts.MUTED, fontfamily=FONT_FAMILY)
    return _save(fig, fmt_name)


# --- pieces ---------------------------------------------------------------------------------
def _pt(px: float) -> float:
    return px * 72 / DPI


def _text_block(fig: Figure, lines: list[str], x_px: float, y_px: float, size_px: float, width: int, height: int,
                bold: bool = False, colour: str = charts.INK) -> float:
    """Lines of text from the top-left corner (pixels from the top); returns the next free y."""
    for line in lines:
        fig.text(x_px / width, 1 - y_px / height, line, ha="left", va="top",
                 fontsize=_pt(size_px), fontweight="bold" if bold else "normal", color=colour, fontfamily=FONT_FAMILY)
        y_px += size_px * 1.25
    return y_px


def _labels(ax, areas: gpd.GeoDataFrame, label_px: float, lang: str, with_value: bool, taken: list,
            limit: int = 15) -> None:
    """Names (and coverage) of the largest areas, on a white halo, never on top of each other.

    Largest first; each label tries its area's inner point, then just above, below, right
    and left of it, each at full then 0.8 size; then the name alone; an area whose label fits
    nowhere stays unlabelled (its value is in the bar chart and the tables). ``taken`` receives the labels' boxes.
    """
    renderer = _renderer(ax)
    by_size = areas.assign(_area=areas.geometry.area).sort_values("_area", ascending=False).head(limit)
    for row in by_size.itertuples():
        point = row.geometry.representative_point()
        name = str(getattr(row, Col.NAMA))
        value = getattr(row, Col.CAKUPAN, None)
        texts = [name]
        if with_value and value is not None and not pd.isna(value):
            texts.insert(0, name + "\n" + fmt.percent(value, 2, lang))
        tries = [(text, px) for text in texts for px in (label_px, label_px * 0.8)]
        for text, px in tries:
            artist = _label(ax, text, point, (0, 0), px)
            box = artist.get_window_extent(renderer)
            w, h = box.width, box.height
            for dx, dy in ((0, 0), (0, h * 0.75), (0, -h * 0.75), (w * 0.55, 0), (-w * 0.55, 0)):
                artist.set_position((dx, dy))
                box = artist.get_window_extent(renderer).expanded(1.04, 1.08)
                if not any(box.overlaps(other) for other in taken) and _inside(ax, box):
                    taken.append(box)
                    break
            else:
                artist.remove()
                continue
            break


def _label(ax, text: str, point, offset: tuple[float, float], label_px: float):
    return ax.annotate(text, (point.x, point.y), xytext=offset, textcoords="offset pixels", ha="center",
                       va="center", fontsize=_pt(label_px), color=charts.INK, fontfamily=FONT_FAMILY,
                       fontweight="bold", linespacing=1.05, path_effects=[withStroke(linewidth=3, foreground="white")],
                       zorder=5)


def _inside(ax, box) -> bool:
    frame = ax.figure.bbox
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def _renderer(ax):
    """A renderer to measure text with (the figure gets an Agg canvas if it has none)."""
    figure = ax.figure
    if not hasattr(figure.canvas, "get_renderer"):
        FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()


def _numbers(ax, shapes: gpd.GeoDataFrame, numbers: dict[str, int], label_px: float, taken: list) -> None:
    """Numbered markers on areas, in order; a marker that would cover an earlier one moves
    beside its area with a short leader line."""
    renderer = _renderer(ax)
    rows = shapes[shapes[Col.KODE].isin(list(numbers))]
    for row in sorted(rows.itertuples(), key=lambda r: numbers[getattr(r, Col.KODE)]):
        point = row.geometry.representative_point()
        artist = ax.annotate(str(numbers[getattr(row, Col.KODE)]), (point.x, point.y), xytext=(0, 0),
                             textcoords="offset pixels", ha="center", va="center", fontsize=_pt(label_px * 0.85),
                             color="white", fontweight="bold", fontfamily=FONT_FAMILY, zorder=6,
                             bbox={"boxstyle": "circle,pad=0.25", "facecolor": "#111111", "edgecolor": "white",
                                   "linewidth": 1})
        size = artist.get_window_extent(renderer).width * 1.6  # the circle is wider than the digits
        steps = [(0, 0)] + [(dx * size * k, dy * size * k) for k in (1.1, 2.0)
                            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7),
                                           (-0.7, -0.7))]
        for dx, dy in steps:
            artist.set_position((dx, dy))
            box = artist.get_window_extent(renderer).expanded(1.8, 1.5)
            if not any(box.overlaps(other) for other in taken):
                break
        if (dx, dy) != (0, 0):
            artist.arrow_patch = None
            ax.annotate("", (point.x, point.y), xytext=(dx, dy), textcoords="offset pixels", zorder=5,
                        arrowprops={"arrowstyle": "-", "color": "#111111", "linewidth": 0.8, "shrinkA": 0,
                                    "shrinkB": 0})
        taken.append(artist.get_window_extent(renderer).expanded(1.8, 1.5))


def _north_arrow(ax, label_px: float, lang: str) -> None:
    ax.annotate(messages.text("peta_gambar_utara", lang), xy=(0.97, 0.98), xytext=(0.97, 0.86),
                xycoords="axes fraction", ha="center", va="center", fontsize=_pt(label_px), fontweight="bold",
                fontfamily=FONT_FAMILY, color=charts.INK,
                arrowprops={"arrowstyle": "-|>", "color": charts.INK, "linewidth": 1.5})


def _scale_bar(ax, label_px: float, lang: str) -> None:
    """A bar of a round number of km, at most a quarter of the map's width, bottom left."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    span_km = (x1 - x0) / 1000
    nice = max((n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if n <= span_km / 4), default=1)
    length = nice * 1000
    left, base_y = x0 + (x1 - x0) * 0.02, y0 + (y1 - y0) * 0.03
    ax.add_patch(FancyArrow(left, base_y, length, 0, width=(y1 - y0) * 0.006, head_width=0,
                            head_length=0, color=charts.INK, length_includes_head=True))
    ax.text(left + length / 2, base_y + (y1 - y0) * 0.015, messages.text("peta_gambar_km", lang, n=nice),
            ha="center", va="bottom", fontsize=_pt(label_px * 0.9), fontfamily=FONT_FAMILY, color=charts.INK)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


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

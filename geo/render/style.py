"""The shared look of every plotly figure: fonts and colours, zone patterns and words, number
separators for Indonesian and English, the source line, and the layout of a
figure for a screen or for an image of an exact size. Used by ``charts`` (coverage),
``capacity_charts`` (the card pipeline) and ``trend_charts`` (the Tren page).

Every media-pack figure carries what a reader needs when it travels alone (a post, a slide,
a WhatsApp forward): a title that names the area and says the finding, a subtitle with what
is measured and the date of the data, a legend, and a source line at the bottom
(``Sumber: …, data per …``, plus ``data contoh sintetis`` for the demo). ``frame_figure``
lays these out for a screen; ``style_for_export`` returns a copy laid out for one image size
(fonts, margins, label room), which ``geo.render.images.to_image`` applies before rendering.
"""
from __future__ import annotations

import html
import math
import re
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from geo import fmt
from geo.config import Settings
from geo.present import zone_label
from geo.present.trend import threshold_text
from geo.schema import Level, Zone, is_demo_code
from geo.text import tr

FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"
INK = "#1f1f1f"
MUTED = "#555555"
GRID = "#e3e3e3"
LINE_COLOUR = "#111111"  # the trend line: never a zone colour
SEPARATORS = {"id": ",.", "en": ".,"}  # plotly: decimal mark, then thousands separator

# Zone fills: the colour is fixed (ZONE_COLOURS) and each zone has its own pattern, so that
# hijau and merah (the same grey in greyscale) stay apart. None = no data.
ZONE_ORDER = (Zone.HIJAU, Zone.KUNING, Zone.MERAH)
ZONE_PATTERNS = {Zone.HIJAU: "", Zone.KUNING: "/", Zone.MERAH: "x", None: "."}
PATTERN_INK = {Zone.HIJAU: "#ffffff", Zone.KUNING: "#6b5900", Zone.MERAH: "#ffffff", None: "#555555"}

# meta roles of traces and annotations: style_for_export sizes each kind for the image
TEXT_BAR_ROLE = "nilai"  # bar traces with value labels outside the bar end
LABEL_COLUMN_ROLE = "kolom_nilai"  # a text trace: one column of values right of the bars
END_ROLE = "ujung"  # first and last value of a trend line
LINE_ROLE = "garis"  # a data line other than the coverage trend
STEPS_ROLE = "tangga"  # a stock drawn as steps with a marker on each entry
_SOURCE_ROLE = "sumber"

SCREEN_BASE_PX = 15  # base font on screen (Streamlit column width)
SCREEN_WRAP_PX = 760  # on screen the width follows the page: titles wrap as for a column this wide
LEGEND_WRAP_PX = 210  # a page's legend (``compact``) wraps each item as for a phone's plot …
PHONE_CHART_PX = 358  # … a chart on a 390 px phone: the legend starts at the plot's left edge and ends before this
LEGEND_ITEM_PX = 48  # a horizontal legend item's symbol and gaps beside its text (plotly's layout)
LEGEND_ITEM_GAP_PX = 3  # below each item of a legend listed item by item (plotly's layout)
LEGEND_PAD_PX = 10  # what such a legend's box adds to its items
LEGEND_FLOW_ITEM_PX = 45  # a flowing legend's item: symbol (30), gaps (2 × 5) and the gap after it (plotly's layout)
LEGEND_FLOW_SLACK_PX = 4  # text measured here and in the browser differ by a pixel or two: rows counted narrower
SCREEN_ROW_PX = 30  # on screen, pixels per bar
EXPORT_BASE_PX = 18  # base font at 1080 px wide; scales with the width
LINE_HEIGHT = 1.3  # plotly's line spacing for multi-line text, in em


# --- words shared by the builders (and by static_map, briefing) --------------------------------
def zone_legend(zone: Zone | None, settings: Settings, lang: str = "id") -> str:
    """Legend words of a zone with its thresholds: ``Hijau ≥ 92%``, ``Kuning 85% – < 92%``."""
    zones = settings.zones
    if zone is Zone.HIJAU:
        return tr("gambar_zona_hijau", lang, ambang=threshold_text(zones.hijau, lang))
    if zone is Zone.KUNING:
        return tr("gambar_zona_kuning", lang, bawah=threshold_text(zones.kuning, lang),
                             atas=threshold_text(zones.hijau, lang))
    if zone is Zone.MERAH:
        return tr("gambar_zona_merah", lang, ambang=threshold_text(zones.kuning, lang))
    return tr("gambar_zona_none", lang)


def is_demo(codes) -> bool:
    """True when the area codes are the synthetic example's (provinsi 99)."""
    return any(is_demo_code(k) for k in codes)


def as_text(value) -> str:
    """A name or note from a file as plotly draws text: its own characters (plotly reads ``<b>``, ``<i>``,
    ``<br>`` and entities in titles, ticks, legends and hovers; a name is data, never markup)."""
    return html.escape(str(value), quote=False)


def names_as_text(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``table`` with the text of ``columns`` (those it has) as plotly must be given it (``as_text``)."""
    return table.assign(**{c: [v if pd.isna(v) else as_text(v) for v in table[c]] for c in columns if c in table})


def source_text(settings: Settings, data_date, lang: str = "id", *, demo: bool = False) -> str:
    """``Sumber: <settings.source_name>, data per 16 November 2026`` (+ ``· data contoh sintetis``)."""
    text = tr("gambar_sumber", lang, sumber=settings.source_name, tanggal=fmt.long_date(data_date, lang))
    return text + (" · " + tr("gambar_contoh", lang) if demo else "")


def level_words(level: Level | str, lang: str = "id", n: int | None = None) -> str:
    """The words for areas of a level: ``kecamatan``, ``desa/kelurahan`` (English: plural, or
    singular when ``n`` is one)."""
    key = f"gambar_tingkat_{Level(level).value}"
    return tr(key + "_satu" if n == 1 else key, lang)


def short_level_words(level: Level | str, lang: str = "id", n: int | None = None) -> str:
    """``level_words`` where room is short (a legend, a subtitle): ``desa`` for desa/kelurahan;
    ``kabupaten/kota`` whole (a provinsi's areas are both)."""
    words = level_words(level, lang, n=n)
    return words.split("/")[0] if Level(level) is Level.DESA else words


def zones_of(values, settings: Settings) -> list[Zone | None]:
    """The zone of each cakupan (percent) under ``settings``; None where there is no value."""
    return [settings.zones.zone(None if pd.isna(v) else float(v)) for v in values]


def zone_word(zone: Zone | None, lang: str) -> str:
    """The zone's word (``hijau``…), or the words for no data."""
    return zone_label(zone.value if zone else None, lang)


# --- layout for a screen and for an image ------------------------------------------------------
def style_for_export(fig: go.Figure, size: tuple[int, int]) -> go.Figure:
    """A copy of ``fig`` laid out for an image of ``size`` = (width, height) pixels.

    The base font is 18 px at 1080 px wide and scales with the width (20 px at 1200);
    the title is 1.5×, the source line 0.85×; title and subtitle wrap to the width.
    Margins come from the text they hold (title and subtitle lines, legend row, longest
    category label, source line), so title, legend and source line share one left edge
    at every size, bar value labels get room, and bars stay about 2.4 lines thick.
    """
    width, height = int(size[0]), int(size[1])
    out = go.Figure(fig)
    base = EXPORT_BASE_PX * width / 1080
    frame = _place(out, base=base, width=width, height=height)
    for trace in out.data:
        role = trace.meta.get("role") if isinstance(trace.meta, dict) else None
        if role in (TEXT_BAR_ROLE, LABEL_COLUMN_ROLE):
            trace.update(textfont={"size": round(base * 0.9)})
        elif role == END_ROLE:
            trace.update(marker={"size": round(base * 0.6)})
        elif role in ("tren", LINE_ROLE):
            trace.update(line={"width": max(3.0, base / 5)})
        elif role == STEPS_ROLE:
            trace.update(line={"width": max(2.5, base / 6)}, marker={"size": round(base * 0.45)})
    _room_for_bar_labels(out, frame["plot_w"], base * 0.9)
    n_bars = len(out.layout.yaxis.tickvals or ())
    if n_bars and any(t.type == "bar" and t.orientation == "h" for t in out.data):
        slot = frame["plot_h"] / (n_bars + 0.8)
        out.update_layout(bargap=min(0.7, max(0.25, 1 - base * 2.4 / slot)))
    return out


def frame_figure(fig: go.Figure, *, title: str, subtitle: str, source: str, lang: str, kind: str,
           plot_height: float, flow_legend: bool = False) -> None:
    """What every figure carries: title, subtitle, source line, legend, separators, fonts.

    The texts are kept in ``layout.meta`` (``judul``, ``subjudul``, ``sumber``) and drawn as
    annotations by ``_place``, here for a screen (the width follows the page; the height is
    fixed so that the legend's place is known) and again by ``style_for_export``.
    ``flow_legend``: the legend's items set side by side as wide as their words, a row
    wrapping when the next does not fit (as text wraps), rather than in columns as wide as
    the widest item: short items share a row on a phone (``meta.legenda_alir``).
    """
    fig.update_layout(
        template="plotly_white",
        separators=SEPARATORS.get(lang, SEPARATORS["id"]),
        font={"family": FONT_FAMILY, "size": SCREEN_BASE_PX, "color": INK},
        hovermode="closest",
        meta={"gambar": kind, "judul": title, "subjudul": subtitle, "sumber": source, "tinggi_plot": plot_height,
              "legenda_alir": flow_legend},
    )
    _place(fig, base=SCREEN_BASE_PX, width=None, plot_height=plot_height)


def compact(fig: go.Figure) -> go.Figure:
    """A copy of a framed figure for a page that shows its own heading and source line.

    Title, subtitle and source line are not drawn (the page's subheader and caption say
    them); they stay in ``layout.meta``, so ``style_for_export`` still puts them on the
    image. Margins still come from the labels, so no label is cut. A page's width is not
    known here: the browser sets the legend in as many rows as the width needs, above the
    plot, and pushes the plot down by that much (plotly's automatic top margin). The figure
    is as tall as a phone needs for its plot below a legend of one item per row, so a wide
    screen gives the plot the room a phone spends on legend rows.
    """
    out = go.Figure(fig)
    meta = out.layout.meta if isinstance(out.layout.meta, dict) else {}
    _place(out, base=SCREEN_BASE_PX, width=None, plot_height=meta.get("tinggi_plot", 300), texts=False,
           legend_rows=True)
    return out


def _place(fig: go.Figure, *, base: float, width: int | None, height: int | None = None,
           plot_height: float | None = None, texts: bool = True, legend_rows: bool = False) -> dict:
    """Lay out title, subtitle, legend, source line and margins in pixels, in place.

    Title, subtitle and source are annotations anchored to the plot's corners and shifted
    in pixels, so they stay put whatever the plot's size; ``width`` None (a screen) wraps
    text at SCREEN_WRAP_PX and lets the width follow the page. Either ``height`` or
    ``plot_height`` is given. ``texts`` False leaves title, subtitle and source out (and
    their room). ``legend_rows``: a screen's legend, set in rows by the browser (room reserved
    for one item per row); else the rows counted here for ``width``. Returns the plot area's
    size in pixels (on a screen with ``legend_rows``, at its smallest).
    """
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    flow = bool(meta.get("legenda_alir"))
    if not texts:
        meta = {}
    layout = fig.layout
    base = round(base)
    title_px, sub_px, small_px = round(base * 1.5), base, round(base * 0.85)
    pad = round(0.04 * width) if width else 12
    text_w = (width or SCREEN_WRAP_PX) - 2 * pad
    title = meta.get("judul") or ""
    subtitle = meta.get("subjudul") or ""
    title_lines = text_lines(wrap_text(title, title_px, text_w, bold=True)) if title else []
    sub_lines = text_lines(wrap_text(subtitle, sub_px, text_w)) if subtitle else []
    # horizontal budget: the widest tick label (names left of horizontal bars, or numbers such as
    # "12.000" set as tick texts; else "100%"), and the rotated axis title left of them
    labels = list(layout.yaxis.ticktext or [])
    y_title = base * 1.6 if layout.yaxis.title.text else 0
    if labels:
        left = pad + max(max(text_width(line, base) for t in labels for line in text_lines(t)) + base * 0.9,
                         base * 3) + y_title
    else:
        left = pad + text_width("100%", base) + base * 0.6 + y_title
    # traces, and shapes with their own legend item (zone bands)
    in_legend = [t for t in fig.data if t.showlegend is not False and t.name]
    in_legend += [s for s in layout.shapes if s.showlegend and s.name]
    if flow:  # plotly.js flows legend groups side by side: each item a group of its own
        for i, item in enumerate(in_legend):
            if not item.legendgroup:
                item.legendgroup = f"legenda_{i}"
    if legend_rows:  # each item on its own lines, wrapped to what a phone's chart has room for
        room = min(LEGEND_WRAP_PX, max(PHONE_CHART_PX - left - pad - LEGEND_ITEM_PX, 100))  # right of long labels
        for item in in_legend:
            item.name = wrap_text(item.name, base, room)
        # the rows on a phone: one item per row, or as they flow in a phone's plot width; plotly sets
        # each row its tallest item's lines and LEGEND_ITEM_GAP_PX, the box LEGEND_PAD_PX more
        rows = (_legend_flow_rows([item.name for item in in_legend], base, PHONE_CHART_PX - left - pad) if flow
                else [[item.name] for item in in_legend])
        legend_h = (sum(max(len(text_lines(name)) for name in row) * LINE_HEIGHT * base + LEGEND_ITEM_GAP_PX
                        for row in rows) + LEGEND_PAD_PX if rows else 0)
    else:
        # plotly.js sets a horizontal legend's rows in the plot's width, not the figure's
        names, plot_w = [item.name for item in in_legend], (width or SCREEN_WRAP_PX) - left - pad
        rows = len(_legend_flow_rows(names, base, plot_w)) if flow else _legend_row_count(names, base, plot_w)
        legend_h = base * (1.9 + LINE_HEIGHT * (rows - 1)) if rows else 0
    # vertical budget, pixels from the top
    sub_top = pad + len(title_lines) * title_px * LINE_HEIGHT + (base * 0.35 if title_lines else 0)
    legend_top = sub_top + len(sub_lines) * sub_px * LINE_HEIGHT + base * 0.6
    top = legend_top + legend_h + base * 0.5
    x_tick_lines = (max((len(text_lines(t)) for t in (layout.xaxis.ticktext or ["0"])), default=1)
                    if layout.xaxis.showticklabels is not False else 0)
    bottom = (base * LINE_HEIGHT * x_tick_lines + base * 0.6 + (base * 1.7 if layout.xaxis.title.text else 0)
              + (small_px * 2.2 if meta.get("sumber") else base * 0.3) + pad)
    height = height or round(top + bottom + plot_height)
    plot_h = max(height - top - bottom, 1.0)
    plot_w = max(width - left - pad, 1.0) if width else None

    legend = {"font": {"size": base}, "orientation": "h", "xanchor": "left", "itemwidth": 30, "tracegroupgap": 0,
              "traceorder": "grouped" if flow else "normal", "maxheight": 1}  # its room is reserved: never capped and scrolled
    if legend_rows and in_legend:
        # above the plot, in paper coordinates: the only ones in which plotly.js pushes the plot's top
        # down by the legend's height, whatever rows the browser's width gives it
        legend.update(xref="paper", x=0, yref="paper", y=1, yanchor="bottom")
        margin = {"t": legend_top, "autoexpand": True}  # the axes' automargin stays off: only the legend pushes
    else:
        # in container coordinates: with yref "paper" above the plot, plotly.js moved the y-axis title
        # into the plot in PNG exports
        legend.update(xref="container" if width else "paper", x=pad / width if width else 0, yref="container",
                      y=1 - legend_top / height, yanchor="top")
        margin = {"t": top, "autoexpand": False}
    fig.update_layout(
        height=height, font={"size": base}, title={"text": ""},
        margin={"l": left, "r": pad, "b": bottom, "pad": 0, **margin}, legend=legend,
        uniformtext={"mode": "show", "minsize": base * 0.85},
    )
    if width:
        fig.update_layout(width=width, autosize=False)
    fig.update_xaxes(automargin=False, tickfont={"size": base}, title_font={"size": base}, title_standoff=base * 0.5)
    fig.update_yaxes(automargin=False, tickfont={"size": base}, title_font={"size": base}, title_standoff=base * 0.4)
    if labels:
        fig.update_yaxes(ticklabelstandoff=round(base * 0.4))
    frame_names = ("judul", "subjudul", _SOURCE_ROLE)
    fig.layout.annotations = [a for a in fig.layout.annotations if a.name not in frame_names]
    for annotation in fig.layout.annotations:
        annotation.update(font={"size": round(base * (1.05 if annotation.name == END_ROLE else 0.9))})
    corner = {"xref": "paper", "x": 0, "xshift": pad - left, "xanchor": "left", "align": "left", "showarrow": False}
    if title_lines:  # pixel shifts from the plot's top-left corner: independent of the plot's size
        fig.add_annotation(name="judul", text="<br>".join(f"<b>{line}</b>" for line in title_lines), yref="paper",
                           y=1, yshift=top - pad, yanchor="top", font={"size": title_px, "color": INK}, **corner)
    if sub_lines:
        fig.add_annotation(name="subjudul", text="<br>".join(sub_lines), yref="paper", y=1, yshift=top - sub_top,
                           yanchor="top", font={"size": sub_px, "color": MUTED}, **corner)
    if meta.get("sumber"):
        fig.add_annotation(name=_SOURCE_ROLE, text=meta["sumber"], yref="paper", y=0, yshift=pad - bottom,
                           yanchor="bottom", font={"size": small_px, "color": MUTED}, **corner)
    return {"plot_w": plot_w, "plot_h": plot_h, "left": left, "top": top, "bottom": bottom}


def _room_for_bar_labels(fig: go.Figure, plot_w: float, text_px: float) -> None:
    """Widen the value axis so that each horizontal bar's outside label ends inside the plot."""
    need = 0.0
    for trace in fig.data:
        role = trace.meta.get("role") if isinstance(trace.meta, dict) else None
        if role not in (TEXT_BAR_ROLE, LABEL_COLUMN_ROLE):
            continue
        for value, text in zip(trace.x or (), trace.text or ()):
            free = plot_w - text_width(text, text_px) - text_px * 1.2
            if free > plot_w * 0.2:
                need = max(need, float(value) * plot_w / free)
    if need:
        fig.update_xaxes(range=[0, need])


# --- colours and text measures -------------------------------------------------------------------
def tint(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed with white: ``amount`` 1 is the colour, 0 is white."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


_TAG = re.compile(r"<[^>]+>")


def count_ticks(high: float, lang: str = "id", n: int = 5, low: float = 0.0) -> tuple[list[float], list[str]]:
    """Round ticks from 0 (or down to ``low`` below it) to at least ``high``, about ``n`` steps of
    1, 2, 2.5 or 5 × 10^k, written as people write counts: ``12.000`` (id), ``12,000`` (en) — never
    ``12k``; ``-500`` for a correction below zero."""
    high, low = max(float(high), 1.0), min(float(low), 0.0)
    raw = (high - low) / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = max(next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), 1)  # counts: whole steps
    if not float(step).is_integer():  # 25 → 2.5 × 10: keep whole numbers
        step = math.ceil(step)
    values = [step * i for i in range(math.floor(round(low / step, 9)), math.ceil(round(high / step, 9)) + 1)]
    return values, [fmt.number(v, lang=lang) for v in values]


def _legend_row_count(names: list[str], base: float, width: float) -> int:
    """The rows a horizontal plotly legend of ``names`` takes in ``width`` pixels at font ``base``: one
    while every item fits side by side; else plotly sets them in columns as wide as the widest item."""
    if not names:
        return 0
    widths = [max(text_width(line, base) for line in text_lines(name)) + LEGEND_ITEM_PX for name in names]
    if sum(widths) <= width:
        return 1
    return math.ceil(len(names) / max(1, int(width // max(widths))))


def _legend_flow_rows(names: list[str], base: float, width: float) -> list[list[str]]:
    """The rows of a flowing legend (``frame_figure(flow_legend=True)``) in ``width`` pixels at font
    ``base``: each item as wide as its widest line, set beside the one before while it fits."""
    rows: list[list[str]] = []
    used = 0.0
    for name in names:
        item = max(text_width(line, base) for line in text_lines(name)) + LEGEND_FLOW_ITEM_PX
        if rows and used + item <= width - LEGEND_FLOW_SLACK_PX:
            rows[-1].append(name)
            used += item
        else:
            rows.append([name])
            used = item
    return rows


def text_lines(text: str) -> list[str]:
    """The lines of plotly-style text (split at ``<br>``), tags removed."""
    return [_TAG.sub("", part) for part in re.split(r"<br\s*/?>", str(text))]


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False):
    from matplotlib import font_manager
    from PIL import ImageFont

    props = font_manager.FontProperties(family="Liberation Sans", weight="bold" if bold else "normal")
    return ImageFont.truetype(font_manager.findfont(props, fallback_to_default=True), size)


def text_width(text: str, px: float, bold: bool = False) -> float:
    """Rendered width in pixels of one line of ``text`` (HTML tags removed) at ``px``."""
    plain = _TAG.sub("", str(text))
    try:
        return float(_font(max(1, round(px)), bold).getlength(plain))
    except OSError:  # no font file: an average Latin glyph is about 0.55 em
        return 0.55 * px * len(plain) * (1.08 if bold else 1.0)


def wrap_text(text: str, px: float, max_width: float, bold: bool = False) -> str:
    """``text`` with ``<br>`` inserted between words so that no line is wider than ``max_width``.

    Keeps existing ``<br>`` and a ``<b>…</b>`` around the whole text; other tags are dropped.
    """
    text = str(text)
    wrapped_bold = text.startswith("<b>") and text.endswith("</b>")
    lines = []
    for line in text_lines(text):
        current = ""
        for word in line.split(" "):
            trial = f"{current} {word}" if current else word
            if current and text_width(trial, px, bold) > max_width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    joined = "<br>".join(lines)
    return f"<b>{joined}</b>" if wrapped_bold else joined

"""An A4 PDF page addressed in inches from the top-left corner (the briefing's canvas).

Text is real PDF text (TrueType fonts, ``pdf.fonttype`` 42), so numbers can be searched and copied;
fixed metadata keeps the bytes reproducible.
"""
from __future__ import annotations

import io

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle

from geo.render import static_map
from geo.render.mpl import Figure
from geo.render.style import INK, MUTED, PATTERN_INK, zone_word
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Zone
from geo.text import tr

A4_PORTRAIT_IN = (8.27, 11.69)
PDF_FONT = ["Liberation Sans", "DejaVu Sans"]


class PdfPage:
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
        kw.setdefault("color", INK)
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
                                      hatch=static_map.MPL_HATCHES[zone], hatchcolor=PATTERN_INK[zone],
                                      edgecolor="#666666", linewidth=0.5))

    def pdf(self) -> bytes:
        buffer = io.BytesIO()
        # TrueType fonts (42) keep the text extractable; fixed metadata keeps the bytes reproducible.
        with rc_context({"pdf.fonttype": 42, "hatch.linewidth": 0.6}):
            self.fig.savefig(buffer, format="pdf", metadata={"CreationDate": None, "ModDate": None,
                                                               "Producer": None, "Creator": "Peta Rekam e-KTP"})
        return buffer.getvalue()


def pages_pdf(pages: list[PdfPage]) -> bytes:
    """Several pages as one PDF (as ``PdfPage.pdf``: real text, reproducible bytes)."""
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with rc_context({"pdf.fonttype": 42, "hatch.linewidth": 0.6}), \
            PdfPages(buffer, metadata={"CreationDate": None, "ModDate": None, "Producer": None,
                                       "Creator": "Peta Rekam e-KTP"}) as pdf:
        for page in pages:
            pdf.savefig(page.fig)
    return buffer.getvalue()


def wrap_words(page: PdfPage, text: str, width_in: float, size: float) -> list[str]:
    """``text`` broken between words into lines no wider than ``width_in`` inches at ``size`` points,
    measured with the figure's renderer (a word wider than the line stands alone on its line)."""
    artist = page.text(0, 0, "", size)
    lines, current = [], ""
    for word in str(text).split():
        trial = f"{current} {word}" if current else word
        artist.set_text(trial)
        if current and _width(page, artist) > width_in * page.fig.dpi:
            lines.append(current)
            current = word
        else:
            current = trial
    artist.remove()
    return lines + [current] if current else lines


def rule(page: PdfPage, x0: float, y: float, x1: float) -> Line2D:
    """A thin horizontal rule from ``x0`` to ``x1`` inches at ``y``."""
    (a, b), (c, _) = page.xy(x0, y), page.xy(x1, y)
    return Line2D([a, c], [b, b], transform=page.fig.transFigure, color="#999999", linewidth=0.6)


MIN_CELL_PT = 6.5  # a cell's text shrinks to fit its column down to this size, then is shortened with "…"


def zebra_table(page: PdfPage, cols: list[tuple[str, float, float, str]], rows: list[dict], zones, *, top: float,
                row_h: float, bold: str) -> float:
    """A table of the briefing: headers (text keys of ``cols``: (key, left, right inches, alignment))
    at ``top``, a rule, then one striped line per row of ``rows`` ({key: text}); the column
    ``rb_kol_zona`` shows each row's zone of ``zones`` as a swatch and its word; ``bold`` names the
    column set in bold. Every text stays within its column (``fit_text``). Returns the y (inches)
    below the last row."""
    m = page.MARGIN
    for key, left, right, align in cols:
        fit_text(page, left, right, top, tr(key, page.lang), 8, align, fontweight="bold", color=MUTED)
    y = top + 0.2
    page.fig.add_artist(rule(page, m, y - 0.03, page.w - m))
    for i, (values, zone) in enumerate(zip(rows, zones)):
        if i % 2:
            page.box(m, y - 0.02, page.w - 2 * m, row_h, facecolor="#f4f4f4", edgecolor="none")
        for key, left, right, align in cols:
            if key == "rb_kol_zona":
                page.swatch(left, y + 0.005, zone, 0.2, 0.11)
                fit_text(page, left + 0.27, right, y, zone_word(zone, page.lang), 8.5, "left")
            else:
                fit_text(page, left, right, y, values[key], 8.5, align,
                         fontweight="bold" if key == bold else "normal")
        y += row_h
    return y


def fit_text(page: PdfPage, left: float, right: float, y: float, text: str, size: float, align: str, **kw):
    """``text`` at ``y`` between ``left`` and ``right`` inches (aligned to one of them), measured with
    the figure's renderer: at ``size`` when it fits, else smaller down to MIN_CELL_PT, else
    shortened with "…". Returns the text artist."""
    artist = page.text(left if align == "left" else right, y, text, size, ha=align, **kw)
    room = (right - left) * page.fig.dpi
    while _width(page, artist) > room and artist.get_fontsize() > MIN_CELL_PT:
        artist.set_fontsize(max(MIN_CELL_PT, artist.get_fontsize() - 0.25))
    words = str(text)
    while _width(page, artist) > room and len(words) > 1:
        words = words[:-1].rstrip()
        artist.set_text(words + "…")
    return artist


def fit_legend(page: PdfPage, right: float, **kw) -> float:
    """``page.fig.legend(**kw)`` with its title and each entry broken between words so that no line
    passes ``right`` inches: every text is measured with the figure's renderer where the legend places
    it; a word too long for the room alone shrinks its text, down to MIN_CELL_PT. Returns the y
    (inches) below the legend."""
    legend = page.fig.legend(**kw)
    renderer = _renderer(page)
    legend.draw(renderer)  # places the texts; the PDF is drawn again when saved
    limit = right * page.fig.dpi
    for artist in (legend.get_title(), *legend.get_texts()):
        room = limit - artist.get_window_extent(renderer).x0
        words = artist.get_text().split()
        while words and _width(page, artist) > room:
            lines = [words[0]]
            for word in words[1:]:
                artist.set_text(f"{lines[-1]} {word}")
                if _width(page, artist) > room:
                    lines.append(word)
                else:
                    lines[-1] += f" {word}"
            artist.set_text("\n".join(lines))
            if _width(page, artist) <= room or artist.get_fontsize() <= MIN_CELL_PT:
                break
            artist.set_fontsize(max(MIN_CELL_PT, artist.get_fontsize() - 0.25))
    return page.h - legend.get_window_extent(renderer).y0 / page.fig.dpi


def _renderer(page: PdfPage):
    if not hasattr(page.fig.canvas, "get_renderer"):
        FigureCanvasAgg(page.fig)
    return page.fig.canvas.get_renderer()


def _width(page: PdfPage, artist) -> float:
    """Width in pixels (at the figure's dpi) of a text artist as the renderer draws it."""
    return artist.get_window_extent(_renderer(page)).width

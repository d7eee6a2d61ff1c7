"""Tables that fit a laptop's width (1366 px): a grid whose columns run past its right edge hides
them, so a screen view leaves out what it has no room for (the downloads keep every column), and
free text is shown under the table, whole, instead of cut off at its edge.

``tests/e2e/test_no_cut_text.py`` checks that every table's columns fit, in both languages.
"""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ui.context import Context

MISSING = "–"  # a missing number on screen, as ``geo.fmt`` writes it
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def plain(text) -> str:
    """Text from a file, shown as written: markdown's own characters escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def chart_heading(title: str, note: str | None = None) -> None:
    """A chart's title (and a line saying how to read it) as text above the chart: it wraps on a narrow
    screen. Names in it are data: shown as written."""
    st.markdown(f"**{plain(title)}**")
    if note:
        st.caption(plain(note))


def table_height(rows: int, most: int = 460) -> int:
    """A grid's height in pixels: its header and ``rows`` rows (35 px each) without an empty row under
    them, at most ``most`` (it scrolls beyond)."""
    return min(38 + 35 * max(rows, 1), most)


# The advance widths (px) of the tables' 14 px Source Sans for the characters 32–126, rounded up to a
# tenth, as Chromium draws them (tests/e2e/test_national_map.py checks them against the grid); any other
# character counts as the widest. And a cell's margins.
_ASCII_PX = (
    2.8, 4.1, 6, 7, 7, 11.6, 8.6, 3.5, 4.3, 4.3, 5.9, 7, 3.5, 4.4, 3.5, 4.9, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3.5,
    3.5, 7, 7, 7, 6, 11.9, 7.6, 8.3, 8, 8.7, 7.4, 7, 8.7, 9.2, 3.7, 6.8, 8.2, 6.8, 10.2, 9.1, 9.3, 8, 9.3, 8,
    7.5, 7.5, 9.1, 7.3, 11, 7.2, 6.7, 7.6, 4.3, 4.9, 4.3, 7, 7, 7.6, 7.1, 7.8, 6.4, 7.8, 7, 4.1, 7.1, 7.7, 3.5,
    3.5, 7, 3.6, 11.7, 7.7, 7.6, 7.8, 7.8, 4.9, 5.9, 4.8, 7.7, 6.6, 10.1, 6.3, 6.6, 6, 4.3, 3.4, 4.3, 7,
)
_OTHER_PX = 12.0
CELL_PADDING_PX = 20


def text_px(text: str) -> float:
    """How wide ``text`` is drawn in a table's cell (the sum of its characters' widths), never less
    than the browser draws it."""
    return sum(_ASCII_PX[ord(c) - 32] if 32 <= ord(c) < 127 else _OTHER_PX for c in str(text))


def text_fit(view: pd.DataFrame, header: str, **options) -> dict:
    """A column config giving the text column ``header`` of ``view`` the width of its longest
    cell, so a long value (a date marked "lewat", a provinsi further down than the rows the grid
    sizes its columns from) is not cut when the table is wider than the page and the grid stops
    stretching its columns. ``options``: the column's other settings (``alignment``)."""
    widest = max([text_px(v) for v in view[header]] + [text_px(header)])
    return {header: st.column_config.TextColumn(width=int(widest + CELL_PADDING_PX), **options)}


def columns_fit(view: pd.DataFrame, headers, **options) -> dict:
    """``text_fit`` of each of the columns ``headers`` that ``view`` has, in one column config."""
    config = {}
    for header in headers:
        if header in view:
            config |= text_fit(view, header, **options)
    return config


def styled_fit(view, headers: list[str], **options) -> dict:
    """``text_fit`` of the columns ``headers`` of a Styler (``geo.present.sortable_table``) by the text it
    shows (numbers and days held as values, read as words: "1 Desember 2026 (lewat)"), for each column
    present. ``options``: the columns' other settings."""
    rows = [line.split("\x1f") for line in view.to_string(delimiter="\x1f").splitlines()]
    skip = len(rows[0]) - len(view.data.columns)  # the index's cell first, unless the Styler hides it
    shown = pd.DataFrame([row[skip:] for row in rows[1:]], columns=rows[0][skip:])
    return columns_fit(shown, headers, **options)


ROW_PX = 35  # a grid row (and its header) as Streamlit draws it
WHOLE_ROWS = 15  # a table of at most this many rows is shown whole: no inner scroll, no row cut in a screenshot


def whole_height(n_rows: int) -> int | str:
    """The height that shows a grid of ``n_rows`` whole (the header, the rows, the borders); "auto" (about
    ten rows and a scroll bar) for a longer one."""
    return ROW_PX * (n_rows + 1) + 3 if n_rows <= WHOLE_ROWS else "auto"


def grid(view, **kwargs) -> None:
    """``st.dataframe`` of ``view`` (a frame or a Styler) without its index, a short table shown whole
    (``whole_height``). ``kwargs``: st.dataframe's, over these defaults."""
    rows = len(view.data) if hasattr(view, "data") else len(view)  # a Styler holds its frame as .data
    st.dataframe(view, **{"hide_index": True, "height": whole_height(rows), **kwargs})


def sorted_grid(view, **kwargs) -> None:
    """A ``geo.present.sortable_table`` Styler as a grid whose reader sorts it by a click on a title: a
    missing number reads "–" (the grid draws an empty cell as "None", whatever the Styler says) and
    sorts before the others; the grid's own CSV download leaves it empty. ``kwargs``: st.dataframe's."""
    grid(view, **{"width": "stretch", "placeholder": MISSING, **kwargs})


def fitted_table(ctx: Context, view: pd.DataFrame, *, hide: tuple[str, ...] = (), note: str | None = None,
                 note_by: tuple[str, ...] = (), column_config: dict | None = None) -> None:
    """``view`` (headers in ``ctx.lang``) as a table without the columns ``hide`` (text keys of their
    headers). ``note`` (a text key): that free-text column shown under the table instead, one line
    per row that has one, led by the ``note_by`` columns (e.g. the device and its site)."""
    headers = [ctx.t(k) for k in hide] + ([ctx.t(note)] if note else [])
    grid(view.drop(columns=headers), width="stretch", column_config=column_config)
    if note:
        lines = [f"- **{plain(' — '.join(str(row[ctx.t(k)]) for k in note_by))}**: {plain(row[ctx.t(note)])}"
                 for row in view.to_dict("records") if str(row[ctx.t(note)] or "").strip()]
        if lines:
            st.markdown("\n".join(lines))

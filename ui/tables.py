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

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def plain(text) -> str:
    """Text from a file, shown as written: markdown's own characters escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def table_height(rows: int, most: int = 460) -> int:
    """A grid's height in pixels: its header and ``rows`` rows (35 px each) without an empty row under
    them, at most ``most`` (it scrolls beyond)."""
    return min(38 + 35 * max(rows, 1), most)


# The tables' 14 px font: an average character of a date (digits are wide) and of a name (mostly
# lower case), and a cell's margins.
PX_PER_CHAR, PX_PER_NAME_CHAR, CELL_PADDING_PX = 7.5, 6.8, 24


def text_fit(view: pd.DataFrame, header: str, *, per_char: float = PX_PER_CHAR, **options) -> dict:
    """A column config giving the text column ``header`` of ``view`` the width of its longest
    cell, so a long value (a date marked "sudah lewat", a provinsi further down than the rows the
    grid sizes its columns from) is not cut when the table is wider than the page and the grid stops
    stretching its columns. ``options``: the column's other settings (``alignment``)."""
    longest = max([len(str(v)) for v in view[header]] + [len(header)])
    return {header: st.column_config.TextColumn(width=int(longest * per_char + CELL_PADDING_PX), **options)}


def fitted_table(ctx: Context, view: pd.DataFrame, *, hide: tuple[str, ...] = (), note: str | None = None,
                 note_by: tuple[str, ...] = (), column_config: dict | None = None) -> None:
    """``view`` (headers in ``ctx.lang``) as a table without the columns ``hide`` (text keys of their
    headers). ``note`` (a text key): that free-text column shown under the table instead, one line
    per row that has one, led by the ``note_by`` columns (e.g. the device and its site)."""
    headers = [ctx.t(k) for k in hide] + ([ctx.t(note)] if note else [])
    st.dataframe(view.drop(columns=headers), hide_index=True, width="stretch", column_config=column_config)
    if note:
        lines = [f"- **{plain(' — '.join(str(row[ctx.t(k)]) for k in note_by))}**: {plain(row[ctx.t(note)])}"
                 for row in view.to_dict("records") if str(row[ctx.t(note)] or "").strip()]
        if lines:
            st.markdown("\n".join(lines))

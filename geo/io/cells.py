"""Whole columns of sheet cells at once: which cells are text, and pattern tests on them.

The readers' rules are written for one cell (``geo.io.numbers.parse_count``,
``geo.io.privacy.nik_like``, a header word). On a national file (84,000 rows of 7 columns)
calling them cell by cell is most of an import's time, so the column versions of those rules
decide the ordinary cells here in bulk — pyarrow's string kernels (RE2 patterns) and numpy —
and give every other cell to the one-cell rule: the result is the same, cell for cell.

Patterns passed here are RE2. Use them to pick cells, with character classes that mean the
same in RE2 and Python's ``re`` (``[0-9]``, ``[^\\x00-\\x7f]``, ASCII letters).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import infer_dtype


def text_array(values: Sequence) -> pa.Array:
    """The cells of a column as a pyarrow string array, null where a cell is not ``str``
    (None, a number, a date)."""
    if infer_dtype(values, skipna=True) in ("string", "empty"):
        try:
            return pa.array(values, type=pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a float NaN among the texts
            pass
    return pa.array([v if isinstance(v, str) else None for v in values], type=pa.string())


def as_numpy(mask: pa.Array) -> np.ndarray:
    """A pyarrow boolean array as numpy, null read as False."""
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False)


def found(texts: pa.Array, pattern: str) -> np.ndarray:
    """True where the cell is text and the RE2 ``pattern`` is found in it."""
    return as_numpy(pc.match_substring_regex(texts, pattern))


def is_text(texts: pa.Array) -> np.ndarray:
    """True where the cell is text (``text_array`` keeps only those)."""
    return texts.is_valid().to_numpy(zero_copy_only=False)


def is_none(values: Sequence) -> np.ndarray:
    """True where the cell is None (an empty cell; a NaN is not None)."""
    return np.equal(as_cells(values), None)


def as_cells(values: Sequence) -> np.ndarray:
    """A column as a one-dimensional object array (cells kept as they are)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def of_type(cells: np.ndarray, kind: type, where: np.ndarray) -> np.ndarray:
    """True where ``where`` is and the cell's type is exactly ``kind``: a bool is no int here,
    nor numpy's float64 a float, so that such cells go to the one-cell rule, which knows them."""
    out = np.zeros(len(cells), dtype=bool)
    if where.any():
        out[where] = np.fromiter((type(v) is kind for v in cells[where]), dtype=bool, count=int(where.sum()))
    return out

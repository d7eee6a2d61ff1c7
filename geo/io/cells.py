"""Whole columns of sheet cells at once: which cells are text or empty, and pattern tests on them.

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
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


class Cells:
    """One column of cells (``values``: any sequence) with the views the column rules use, each
    built once: ``objects`` (a 1-d object array), ``texts`` (pyarrow strings, null where a cell
    is not ``str``), ``none`` and ``text`` (boolean masks)."""

    def __init__(self, values: Sequence):
        self.values = values

    def __len__(self) -> int:
        return len(self.values)

    @cached_property
    def objects(self) -> np.ndarray:
        return np.fromiter(self.values, dtype=object, count=len(self.values))

    @cached_property
    def texts(self) -> pa.Array:
        try:  # a column of texts and empty cells (every CSV) converts whole
            return pa.array(self.values, type=pa.large_string())
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a number, a date or a NaN among them
            return pa.array([v if isinstance(v, str) else None for v in self.values], type=pa.large_string())

    @cached_property
    def none(self) -> np.ndarray:
        return np.equal(self.objects, None)

    @cached_property
    def text(self) -> np.ndarray:
        return self.texts.is_valid().to_numpy(zero_copy_only=False)

    def tail(self, start: int) -> "Cells":
        """The cells from ``start`` on, with the views built so far sliced rather than built again."""
        out = Cells(self.values[start:])
        for view in ("objects", "texts", "none", "text"):
            if view in self.__dict__:
                out.__dict__[view] = self.__dict__[view][start:]
        return out

    def found(self, pattern: str) -> np.ndarray:
        """True where the cell is text and the RE2 ``pattern`` is found in it."""
        return as_numpy(pc.match_substring_regex(self.texts, pattern))

    def of_type(self, kind: type, where: np.ndarray) -> np.ndarray:
        """True where ``where`` is and the cell's type is exactly ``kind``: a bool is no int here,
        nor numpy's float64 a float, so that such cells go to the one-cell rule, which knows them."""
        out = np.zeros(len(self), dtype=bool)
        if where.any():
            out[where] = np.fromiter((type(v) is kind for v in self.objects[where]), dtype=bool,
                                     count=int(where.sum()))
        return out


def cells_of(values: Sequence | Cells) -> Cells:
    """``values`` as ``Cells`` (a ``Cells`` as it is, with the views it has already built)."""
    return values if isinstance(values, Cells) else Cells(values)


def as_numpy(mask: pa.Array) -> np.ndarray:
    """A pyarrow boolean array as numpy, null read as False."""
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False)

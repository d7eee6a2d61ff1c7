"""Rows whose code and name leave nothing to decide, matched for the whole table at once.

``RowMatcher`` (``geo.join.rows``) decides each row by itself; on a national file that is
84,000 decisions in Python. Most rows of an office's file carry a Kemendagri code of a known
area (``36.74.01.1001``, or ``3674011001``) and either no name or the area's own name in
another case (``CIATER`` for Ciater); ``RowMatcher`` would match such a row by its code with
score 100 (or no score without a name) and nothing to say. Those rows are found here column
by column; every other row goes to ``RowMatcher`` as before.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geo.io.cells import Cells, as_numpy
from geo.join.scope import Scope, as_text
from geo.schema import Col

# Written exactly as ``normalize_code`` writes it (2, 4, 6 or 10 digits in segments) …
_DOTTED = r"^[1-9][0-9](?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[12][0-9]{3})?)?)?$"
_ZERO_SEGMENT = r"\.00(?:\.|$)"  # … where a segment of zeros makes it no code
# Ten digits with a 7th of 1 or 2 (a Kemendagri desa, BPS writes 0 there) and no kecamatan or
# kabupaten segment of zeros: ``normalize_code`` dots them 2.2.2.4.
_UNDOTTED_DESA = r"^[1-9][0-9]{5}[12][0-9]{3}$"
_UNDOTTED_ZERO = r"^[0-9]{2}(?:00|[0-9]{2}00)"
# Text that needs no stripping (printable ASCII at both ends) and holds a letter or digit.
_TIDY_NAME = r"(?s)^[\x21-\x7e](?:.*[\x21-\x7e])?$"
_HAS_WORD = r"[A-Za-z0-9]"


@dataclass
class CodedRows:
    """The rows matched here: ``rows`` (positions in the table), their dotted ``kode``, the area's
    ``nama`` (``scope.names``) and ``skor`` (100.0 where the row names its area, None where it has
    no name)."""

    rows: np.ndarray
    kode: np.ndarray
    nama: np.ndarray
    skor: np.ndarray

    @classmethod
    def none(cls) -> "CodedRows":
        return cls(np.zeros(0, dtype=int), *(np.zeros(0, dtype=object) for _ in range(3)))


def match_by_code(table: pd.DataFrame, scope: Scope, decided_elsewhere: np.ndarray) -> CodedRows:
    """The rows of ``table`` (Col.KODE, optional Col.NAMA) that ``RowMatcher.match`` would match
    by code at score 100, or by code alone without a name, with no problem to report.

    ``decided_elsewhere``: rows to leave to ``RowMatcher`` whatever they hold (a manual choice).
    """
    n = len(table)
    if Col.KODE not in table.columns or n == 0:
        return CodedRows.none()
    codes = Cells(table[Col.KODE].to_numpy(dtype=object, na_value=None))
    dotted = codes.found(_DOTTED) & ~codes.found(_ZERO_SEGMENT)
    undotted = codes.found(_UNDOTTED_DESA) & ~codes.found(_UNDOTTED_ZERO)
    texts = codes.texts
    parts = [pc.utf8_slice_codeunits(texts, a, b) for a, b in ((0, 2), (2, 4), (4, 6), (6, 10))]
    dot = pa.scalar(".", pa.large_string())
    kode = pc.if_else(pa.array(undotted), pc.binary_join_element_wise(*parts, dot), texts)
    at = pc.index_in(kode, value_set=pa.array(list(scope.names), type=pa.large_string()))
    stored = Cells(list(scope.names.values()))  # the areas' names as the store holds them
    area = Cells(stored.texts.take(at))
    candidate = (dotted | undotted) & as_numpy(pc.is_valid(at)) & ~decided_elsewhere

    names = Cells(table[Col.NAMA].to_numpy(dtype=object, na_value=None) if Col.NAMA in table.columns
                  else np.full(n, None, dtype=object))
    same_name = (names.found(_TIDY_NAME) & names.found(_HAS_WORD) & area.found(_TIDY_NAME)
                 & as_numpy(pc.equal(pc.ascii_upper(names.texts), pc.ascii_upper(area.texts)))
                 & as_numpy(pc.string_is_ascii(names.texts)) & as_numpy(pc.string_is_ascii(area.texts)))
    nameless = names.none & dotted  # an undotted code without a name is only probably Kemendagri: a warning
    rows = np.flatnonzero(candidate & (same_name | nameless))
    skor = np.where(same_name[rows], 100.0, None).astype(object)
    kode_of_rows = kode.take(pa.array(rows)).to_numpy(zero_copy_only=False).astype(object)
    return CodedRows(rows, kode_of_rows, stored.objects[at.take(pa.array(rows)).to_numpy()], skor)


def texts_as_written(values: np.ndarray) -> np.ndarray:
    """``scope.as_text`` of every cell at once (an object array, equal cell for cell)."""
    cells = Cells(values)
    out = np.full(len(values), None, dtype=object)
    tidy = cells.found(_TIDY_NAME)
    out[tidy] = cells.objects[tidy]
    rest = np.flatnonzero(~tidy & ~cells.none)
    out[rest] = [as_text(v) for v in cells.objects[rest]]
    return out

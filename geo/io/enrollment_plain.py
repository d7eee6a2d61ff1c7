"""The ordinary rows under an enrollment header, found and read for whole columns at once.

The row reader (``geo.io.enrollment_rows``) decides each row by itself: on a national file that
is 84,000 decisions in Python. Most rows are ordinary data rows — a name or a code, figures
that are plain counts (``760.097``), no word that could make them a total, a repeated header,
a units row or a section title, not a row of column numbers, in a CSV as many fields as the
header — and such a row reads the same whatever the rows around it. Those are found and read
here column by column; the row reader still decides every other row, in order, and takes the
ordinary ones in between (their parent name is the one thing that depends on the rows above).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geo.fmt import Count, Measure
from geo.io.enrollment_header import REQUIRED_COUNTS, Column, Mapping
from geo.io.grids import Sheet
from geo.io.numbers import as_texts, parse_counts, parse_percents, show
from geo.schema import Col, Problem

# A cell that could make its row a row of column numbers ('1', '(2)'): the row reader decides those rows.
_NUMBERING = r"^[() ]*[0-9]+[() ]*$"
# A label cell that could be 'JUMLAH', 'TOTAL', 'SUB TOTAL'… once normalised (or is not ASCII):
# the row reader decides those rows.
_TOTAL_WORDS = r"(?i)JUMLAH|JML|TOTAL|[^\x00-\x7f]"
_NUMBER_LIKE = ("angka_negatif", "bukan_bilangan_bulat")  # what ``count_like`` counts besides counts


@dataclass
class Body:
    """The rows under the header (``start`` is the grid index of the first), one array entry per row.

    ``blank``: no cell; ``shifted``: a CSV row with another number of fields than the header;
    ``plain``: an ordinary data row (see the module), read here: ``kode``, ``nama``, ``induk``
    (the parent column as written, None where there is none), ``counts[role]`` (int64) and
    ``missing[role]`` (the role's figure is absent). ``cakupan``: the written percentage
    (``parse_percent``) or None. ``end``: the grid index of the last data row (rows below are a
    footer)."""

    start: int
    blank: np.ndarray
    shifted: np.ndarray
    plain: np.ndarray
    kode: np.ndarray
    nama: np.ndarray
    induk: np.ndarray
    counts: dict[str, np.ndarray]
    missing: dict[str, np.ndarray]
    cakupan: np.ndarray
    end: int


def read_body(sheet: Sheet, mapping: Mapping, start: int, total_label) -> Body:
    """Classify the rows of ``sheet`` from grid index ``start`` and read the ordinary ones.

    ``total_label(row)``: the reader's own test for a total row's label (asked only of rows
    whose label cells hold a word like JUMLAH or TOTAL).
    """
    rows = sheet.grid[start:]
    n = len(rows)
    columns = [column.tail(start) for column in sheet.columns()] if rows else []
    filled = np.zeros(n, dtype=int)
    texty = np.zeros(n, dtype=bool)  # a text cell that is no column number: not a row of column numbers
    for column in columns:
        filled += ~column.none
        texty |= column.text & ~column.found(_NUMBERING)
    blank = filled == 0
    labels = np.zeros(n, dtype=bool)
    for j in sorted(mapping.label_indices):
        if j < len(columns):
            labels |= columns[j].found(_TOTAL_WORDS)
    parsed = {c.index: parse_counts(columns[c.index]) if n else (np.empty(0, object),) * 2
              for cols in mapping.counts.values() for c in cols}
    end = _last_data_index(rows, start, parsed, labels, total_label)
    counts, missing, plain_counts = _count_values(mapping, parsed, n)

    def texts_of(column) -> np.ndarray:
        return as_texts(columns[column.index]) if column is not None and n else np.full(n, None, dtype=object)

    kode, nama = texts_of(mapping.code), texts_of(mapping.name)
    shifted = _shifted(sheet, mapping, start, filled)
    within = np.arange(start, start + n) <= end
    labelled = np.not_equal(kode, None) | np.not_equal(nama, None)  # a row with neither may be a total
    plain = within & ~blank & ~shifted & texty & ~labels & plain_counts & labelled
    cakupan = (parse_percents(columns[mapping.cakupan.index]) if mapping.cakupan is not None and n
               else np.full(n, None, dtype=object))
    return Body(start, blank, shifted, plain, kode, nama, texts_of(mapping.parent), counts, missing, cakupan, end)


def _last_data_index(rows: list[list], start: int, parsed: dict, labels: np.ndarray, total_label) -> int:
    """The grid index of the last row with a count-like figure or a total label; rows after it
    are a footer (place, date, signature). With none anywhere, the last row (errors then show)."""
    data = np.zeros(len(rows), dtype=bool)
    for counts, errors in parsed.values():
        data |= np.isin(errors, _NUMBER_LIKE) | (np.equal(errors, None) & np.not_equal(counts, None))
    for i in np.flatnonzero(labels & ~data):
        data[i] = total_label(rows[i]) is not None
    hits = np.flatnonzero(data)
    return start + int(hits[-1]) if len(hits) else start + len(rows) - 1


def _count_values(mapping: Mapping, parsed: dict, n: int):
    """(values, missing, ordinary): per role the row's figure (the sum of its columns) and
    whether it is absent; per row, whether every count cell is a plain count or empty, with the
    required ones present."""
    values, missing = {}, {}
    ordinary = np.ones(n, dtype=bool)
    for role, cols in mapping.counts.items():
        total = np.zeros(n, dtype=np.int64)
        absent = np.zeros(n, dtype=bool)
        for col in cols:
            counts, errors = parsed[col.index]
            empty = np.equal(counts, None)
            ordinary &= np.equal(errors, None) & (~empty if role in REQUIRED_COUNTS else True)
            absent |= empty
            total += np.where(empty | ~np.equal(errors, None), 0, counts).astype(np.int64)
        values[role], missing[role] = total, absent
    return values, missing, ordinary


def _shifted(sheet: Sheet, mapping: Mapping, start: int, filled: np.ndarray) -> np.ndarray:
    """Rows a CSV wrote with another number of fields than its header (the row reader names them)."""
    if sheet.widths is None:
        return np.zeros(len(filled), dtype=bool)
    widths = np.asarray(sheet.widths[start:start + len(filled)])
    expected = sheet.widths[mapping.header.rows[-1]]
    other = widths != expected
    # more fields than the header, all empty beyond it: the same row
    longer = np.flatnonzero(other & (widths > expected))
    for i in longer:
        other[i] = any(v is not None for v in sheet.grid[start + i][expected:])
    return other & (filled >= 2)


# --- warnings about one data row (the row reader's and the column reader's alike) ------------------
def texts(cols: list[Column]) -> str:
    return " + ".join(c.text for c in cols)


def over_wajib(baris: int, m: Mapping, sudah: int, wajib: int) -> Problem:
    return Problem("melebihi_wajib", row=baris, column=texts(m.counts[Col.SUDAH]), severity="warning",
                   params={"sudah": Count(sudah), "wajib": Count(wajib),
                           "cakupan": round(100 * sudah / wajib, 2) if wajib else None})


def belum_differs(baris: int, m: Mapping, belum: int, wajib: int, sudah: int, expected: int) -> Problem:
    return Problem("belum_tidak_sesuai", row=baris, column=texts(m.counts[Col.BELUM]), severity="warning",
                   params={"belum": Count(belum), "wajib": Count(wajib), "sudah": Count(sudah), "selisih": Count(expected)})


def cakupan_differs(baris: int, m: Mapping, written, computed: float) -> Problem:
    return Problem("cakupan_tidak_sesuai", row=baris, column=m.cakupan.text, severity="warning",
                   params={"tertulis": show(written), "dihitung": Measure(round(computed, 2), 2)})


def plain_warnings(body: Body, m: Mapping, grid: list[list]) -> list[Problem]:
    """``RowReader._row_warnings`` of every ordinary row at once, in row order (a row's own in the
    order that method gives them). Ordinary rows have wajib and sudah; the arithmetic is exact
    in float64 (figures below 10^9), as in Python."""
    rows = np.flatnonzero(body.plain)
    wajib, sudah = body.counts[Col.WAJIB][rows], body.counts[Col.SUDAH][rows]
    found: list[tuple[int, int, Problem]] = []
    for k in np.flatnonzero(sudah > wajib):
        found.append((rows[k], 0, over_wajib(int(body.start + rows[k] + 1), m, int(sudah[k]), int(wajib[k]))))
    if Col.BELUM in body.counts:
        belum, expected = body.counts[Col.BELUM][rows], np.maximum(wajib - sudah, 0)
        for k in np.flatnonzero(~body.missing[Col.BELUM][rows] & (belum != expected)):
            found.append((rows[k], 1, belum_differs(int(body.start + rows[k] + 1), m, int(belum[k]), int(wajib[k]),
                                                    int(sudah[k]), int(expected[k]))))
    if m.cakupan is not None:
        written = body.cakupan[rows]
        has = (wajib > 0) & np.not_equal(written, None)
        computed = 100 * sudah[has].astype(np.float64) / wajib[has]
        pct = written[has].astype(np.float64)
        far = np.minimum(np.abs(pct - computed), np.abs(100 * pct - computed)) > 0.5
        for k, c in zip(np.flatnonzero(has)[far], computed[far]):
            i = body.start + rows[k]
            found.append((rows[k], 2, cakupan_differs(int(i + 1), m, grid[i][m.cakupan.index], float(c))))
    return [problem for _, _, problem in sorted(found, key=lambda f: f[:2])]

"""The enrollment reader reads ordinary rows for whole columns at once; the result must be what
deciding every row alone gives. ``RowByRow`` below is that reference: the reader's walk as it
was, every row through ``_read_row``, the footer found cell by cell with ``count_like``, a total
compared with sums taken over the rows' figures."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from geo.io.enrollment_header import count_like, find_header, map_columns
from geo.io.enrollment_rows import START, RowReader, Rows
from geo.io.grids import Sheet
from geo.schema import ValidationFailed

PROPERTY = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class SummedRows(Rows):
    def sum_since(self, mark, role):
        values = self.counts[role][mark.n:]
        return sum(values) if values and all(v is not None for v in values) else None


class RowByRow(RowReader):
    """Every row decided alone, in order (the reference)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = SummedRows()

    def read(self):
        start = self.mapping.header.rows[-1] + 1
        end = self._last_data_index_row_by_row(start)
        for i in range(start, len(self.grid)):
            row = self.grid[i]
            if not any(v is not None for v in row):
                self.skipped["blank"].append(i + 1)
            elif i > end:
                if not self._shifted(i, row):
                    self.skipped["footer"].append(i + 1)
            else:
                self._read_row(i, row)
        for entry, row in self.pending_totals:
            self._compare_total(entry, row, [START])
        self.errors.sort(key=lambda p: p.row or 0)
        self.warnings.sort(key=lambda p: p.row or 0)
        return self.rows

    def _last_data_index_row_by_row(self, start: int) -> int:
        count_indices = [c.index for cols in self.mapping.counts.values() for c in cols]
        last = None
        for i in range(start, len(self.grid)):
            row = self.grid[i]
            if any(count_like(row[j]) for j in count_indices) or self._total_label(row) is not None:
                last = i
        return last if last is not None else len(self.grid) - 1


def outcome(reader_class, sheet: Sheet, sheet_parent=None):
    mapping = map_columns(find_header(sheet.grid))
    reader = reader_class(sheet, mapping, sheet_parent=sheet_parent)
    rows = reader.read()
    return (rows.frame().to_dict("list"), [dataclasses.asdict(p) for p in reader.errors],
            [dataclasses.asdict(p) for p in reader.warnings], reader.report())


def assert_same(sheet: Sheet, sheet_parent=None) -> None:
    try:
        want = outcome(RowByRow, sheet, sheet_parent)
    except ValidationFailed:
        assume(False)
    assert outcome(RowReader, sheet, sheet_parent) == want


HEADERS = [
    ["NO", "KODE", "DESA/KELURAHAN", "KECAMATAN", "WAJIB KTP", "SUDAH REKAM", "BELUM REKAM", "CAKUPAN"],
    ["NO", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"],
    ["KODE WILAYAH", "WAJIB KTP", "SUDAH REKAM", "BELUM REKAM", "PEMULA"],
    ["DESA", "KODE DESA", "KECAMATAN", "SUDAH REKAM", "WAJIB KTP", "%"],
]
count_cell = st.one_of(
    st.integers(0, 5000), st.integers(0, 5000).map(str),
    st.integers(1000, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),
    st.sampled_from([None, "-", "", "-5", "12,5", "1.234,00", "abc", "1000000001", "'0012", " 12 ", "\u2013", 12.0,
                     -3, 2.5, True, "3.67401E+15"]),
)
name_cell = st.one_of(
    st.sampled_from(["Serpong", "KEL. PONDOK BENDA", "Ciater ", "Ñusa", None, "JUMLAH", "Sub Total", "KECAMATAN SETU",
                     "12", "(1)", "jiwa", "WAJIB KTP", "36.74.01.1001", "3674011001", "Kota Baru", "Total Desa"]),
    st.text(max_size=6),
)
code_cell = st.sampled_from([None, "36.74.01.1001", "3674011001", "36.74.01.2002", 3674011001, "x", "JML", "1"])
other_cell = st.one_of(st.none(), st.integers(1, 9),
                       st.sampled_from(["92,28%", "90.5", "0,93", "(jiwa)", "%", "1", "2"]))


def body_row(header: list[str]):
    cells = []
    for word in header:
        if word in ("WAJIB KTP", "SUDAH REKAM", "BELUM REKAM", "PEMULA"):
            cells.append(count_cell)
        elif word in ("DESA/KELURAHAN", "KELURAHAN", "DESA", "KECAMATAN"):
            cells.append(name_cell)
        elif word.startswith("KODE"):
            cells.append(code_cell)
        else:
            cells.append(other_cell)
    return st.tuples(*cells).map(list)


@st.composite
def sheets(draw, csv: bool):
    header = draw(st.sampled_from(HEADERS))
    width = len(header)
    special = st.sampled_from([
        [None] * width, ["JUMLAH"] + [None] * (width - 1), [str(i + 1) for i in range(width)],
        ["(jiwa)"] * width, list(header), ["KECAMATAN SERPONG"] + [None] * (width - 1),
        ["Tangerang, 30 Juni 2026"] + [None] * (width - 1), ["CATATAN"] + [None] * (width - 1),
    ])
    body = draw(st.lists(st.one_of(body_row(header), body_row(header), body_row(header), special),
                         min_size=1, max_size=25))
    titles = draw(st.sampled_from([[], [["REKAP KECAMATAN SETU"] + [None] * (width - 1)]]))
    grid = titles + [list(header)] + body
    widths = None
    if csv:
        widths = [width] * len(grid)
        for i in draw(st.lists(st.integers(0, len(grid) - 1), max_size=3)):
            widths[i] = draw(st.sampled_from([width - 1, width + 1, width + 2]))
    return Sheet("CSV" if csv else "Lembar1", grid, widths=widths, delimiter=";" if csv else None)


@given(sheets(csv=True))
@PROPERTY
def test_csv_sheets_read_as_row_by_row(sheet):
    assert_same(sheet)


@given(sheets(csv=False), st.sampled_from([None, "KECAMATAN SETU", "Rekap"]))
@PROPERTY
def test_workbook_sheets_read_as_row_by_row(sheet, sheet_parent):
    assert_same(sheet, sheet_parent)


@pytest.mark.parametrize("rows", [
    # sections, fill-down parents, subtotals (right and wrong), an unlabelled total, a footer
    [["1", "36.74.01.1001", "CIATER", "SERPONG", "1.000", "900", "100", "90%"],
     ["2", "36.74.01.1002", "RAWA BUNTU", None, "2.000", "1.900", "50", "95"],
     [None, None, "JUMLAH", None, "3.000", "2.800", "150", None],
     ["KECAMATAN SETU", None, None, None, None, None, None, None],
     ["3", "36.74.02.1001", "SETU", None, "500", "600", "0", "1,2"],
     ["4", "36.74.02.1002", "BABAKAN", "SETU", "400", "-", "400", "0"],
     [None, None, None, None, "900", "600", None, None],
     [None, None, "TOTAL", None, "3.900", "3.401", None, None],
     [None, None, None, None, None, None, None, None],
     ["Tangerang Selatan, 30 Juni 2026", None, None, None, None, None, None, None],
     [None, None, "Kepala Dinas", None, None, None, None, None]],
    # a grand total above the data (SIAK exports), then data with errors
    [[None, None, "JUMLAH", None, "1.500", "1.000", None, None],
     ["1", "36.74.01.1001", "CIATER", "SERPONG", "1.000", "600", "400", None],
     ["2", None, None, None, "500", "400", "100", None],
     ["3", "36.74.01.1003", "X", None, "-5", "12,5", "abc", None]],
])
def test_office_layouts_read_as_row_by_row(rows):
    header = HEADERS[0]
    sheet = Sheet("CSV", [list(header), *rows], widths=[len(header)] * (len(rows) + 1), delimiter=";")
    assert_same(sheet)
    frame, errors, warnings, report = outcome(RowReader, sheet)
    assert frame["baris"] and (warnings or errors)

"""Property tests for geo/io/enrollment.py: whatever a file holds, the reader either returns a
clean table or raises one of the product's own errors — never anything else — and clean
tables written in any office layout read back to exactly the numbers written."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from geo.io.enrollment import EnrollmentRead, read_enrollment
from geo.io.enrollment_header import CHILD_SYNONYMS, HEADER_SYNONYMS, SUB_LABELS
from geo.io.numbers import MAX_COUNT
from geo.schema import COUNT_COLUMNS, Col, RekamError

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TABLE_COLUMNS = [Col.LEMBAR, Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK, *COUNT_COLUMNS]

HEADER_WORDS = sorted({s for syns in (*HEADER_SYNONYMS.values(), *CHILD_SYNONYMS.values()) for s in syns}
                      | set(SUB_LABELS) | {"JUMLAH", "TOTAL", "NIK", "REKAPITULASI", "KECAMATAN SERPONG", "-"})
junk = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
number_text = st.builds(
    lambda n, style: {"plain": str(n), "dots": f"{n:,}".replace(",", "."), "commas": f"{n:,}",
                      "spaces": f"{n:,}".replace(",", "\u00a0")}[style],
    st.integers(-10**6, 10**10), st.sampled_from(["plain", "dots", "commas", "spaces"]))
cell = st.one_of(
    st.none(), number_text, junk, st.sampled_from(HEADER_WORDS),
    st.integers(-10**17, 10**17), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)),
    st.sampled_from(["-", "92,28%", "1.234,5", "3.67401E+15", "JUMLAH", "KEC. SETU", "(1)", "'0012"]),
)
numeric = st.one_of(st.integers(0, 10**6), st.integers(0, 10**7).map(lambda n: f"{n:,}".replace(",", ".")))
any_header = st.lists(st.one_of(st.sampled_from(HEADER_WORDS), junk, st.none()), min_size=1, max_size=7)
# the three required headers in random order among random others, so that some tables read
plausible_header = st.builds(
    lambda required, extra, at: extra[:at] + required + extra[at:],
    st.permutations([HEADER_SYNONYMS["nama_desa"][0], HEADER_SYNONYMS[Col.WAJIB][0], HEADER_SYNONYMS[Col.SUDAH][0]]),
    st.lists(st.one_of(st.sampled_from(HEADER_WORDS), junk, st.none()), max_size=3), st.integers(0, 3))
header_rows = st.lists(st.one_of(plausible_header, any_header), min_size=1, max_size=2)


@st.composite
def tables(draw) -> list[list]:
    """Header rows over a body that is either all numbers (so that some tables read) or anything."""
    head = draw(header_rows)
    width = max(len(r) for r in head)
    body_cell = numeric if draw(st.booleans()) else st.one_of(numeric, cell)
    ragged = draw(st.booleans())
    body = draw(st.lists(st.lists(body_cell, min_size=1 if ragged else width, max_size=7 if ragged else width),
                         min_size=1, max_size=9))
    return head + body


def to_csv(rows: list[list], delimiter: str, encoding: str) -> bytes:
    """Every cell as text, as Excel exports it."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if v is None else str(v) for v in row] for row in rows])
    return buf.getvalue().encode(encoding, errors="replace")


def to_xlsx(rows: list[list], merges: list[tuple[int, int, int, int]] = ()) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            ws.cell(r, c, ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    for r1, c1, h, w in merges:
        if h or w:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r1 + h, end_column=c1 + w)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def check_result(read: EnrollmentRead) -> None:
    table = read.table
    assert list(table.columns) == TABLE_COLUMNS
    assert len(table) == read.report["n_rows"] > 0
    rows = table[Col.BARIS].tolist()
    assert rows == sorted(set(rows)) and rows[0] >= 1
    for c in COUNT_COLUMNS:
        values = table[c].dropna()
        assert ((values >= 0) & (values <= MAX_COUNT)).all()
    assert table[Col.WAJIB].notna().all() and table[Col.SUDAH].notna().all()
    assert all(p.severity == "warning" for p in read.problems)
    json.dumps(read.report)


@PROPERTY
@given(rows=tables(), fmt=st.sampled_from(["csv", "xlsx"]),
       delimiter=st.sampled_from([";", ",", "\t", "|"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       merges=st.lists(st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(0, 2), st.integers(0, 2)),
                       max_size=2))
def test_any_table_reads_or_raises_a_rekam_error(rows, fmt, delimiter, encoding, merges):
    if fmt == "csv":
        data, name = to_csv(rows, delimiter, encoding), "x.csv"
    else:
        data, name = to_xlsx(rows, merges), "x.xlsx"
    try:
        read = read_enrollment(data, file_name=name)
    except RekamError as exc:
        event(f"refused: {exc.key}")
        return
    event("read")
    check_result(read)


@PROPERTY
@given(data=st.binary(max_size=600), name=st.sampled_from(["x.csv", "x.xlsx", "x.xls", "x.txt", None]))
def test_any_bytes_read_or_raise_a_rekam_error(data, name):
    try:
        read = read_enrollment(data, file_name=name)
    except RekamError:
        return
    check_result(read)


NAMES = ["Ciater", "Rawa Buntu", "Pondok Benda", "KEL. PD. CABE UDIK", "DESA TG. BURUNG", "Kmp Melayu Tim",
         "Lengkong Wetan, Kel.", "Setu"]
TITLES = ["REKAPITULASI PEREKAMAN KTP-EL", "KABUPATEN TANGERANG", "Keadaan s.d. 31 Agustus 2017"]
STYLES = {"plain": str, "dots": lambda n: f"{n:,}".replace(",", "."), "commas": lambda n: f"{n:,}",
          "int": lambda n: n}


@settings(PROPERTY, max_examples=100)
@given(
    records=st.lists(st.tuples(st.sampled_from(NAMES), st.integers(0, 10**6), st.integers(0, 10**6)),
                     min_size=1, max_size=6),
    titles=st.integers(0, 3), blank_after_titles=st.booleans(), total=st.booleans(),
    name_header=st.sampled_from(HEADER_SYNONYMS["nama_desa"]),
    wajib_header=st.sampled_from(HEADER_SYNONYMS[Col.WAJIB]),
    sudah_header=st.sampled_from(HEADER_SYNONYMS[Col.SUDAH]),
    case=st.sampled_from([str.upper, str.lower, str.title]),
    style=st.sampled_from(sorted(STYLES)), fmt=st.sampled_from(["csv", "xlsx"]),
    delimiter=st.sampled_from([";", ",", "\t", "|"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_clean_tables_in_any_office_layout_read_back_exactly(records, titles, blank_after_titles, total, name_header,
                                                              wajib_header, sudah_header, case, style, fmt,
                                                              delimiter, encoding):
    rows: list[list] = [[t] for t in TITLES[:titles]]
    if blank_after_titles and titles:
        rows.append([None])
    rows.append(["NO", case(name_header), case(wajib_header), case(sudah_header)])
    first_data = len(rows) + 1
    write = STYLES[style] if fmt == "xlsx" or style != "int" else str
    rows += [[i, name, write(w), write(s)] for i, (name, w, s) in enumerate(records, start=1)]
    if total:
        rows.append(["JUMLAH", None, write(sum(r[1] for r in records)), write(sum(r[2] for r in records))])
    data = to_csv(rows, delimiter, encoding) if fmt == "csv" else to_xlsx(rows)

    read = read_enrollment(data, file_name=f"x.{fmt}")

    assert read.table[Col.BARIS].tolist() == list(range(first_data, first_data + len(records)))
    assert read.table[Col.NAMA].tolist() == [r[0] for r in records]
    assert read.table[Col.WAJIB].tolist() == [r[1] for r in records]
    assert read.table[Col.SUDAH].tolist() == [r[2] for r in records]
    assert read.table[Col.BELUM].isna().all()
    assert read.report["total_row_found"] is total
    assert [p.key for p in read.problems if p.key != "melebihi_wajib"] == []
    assert [p.row for p in read.problems] == [first_data + i for i, r in enumerate(records) if r[2] > r[1]]
    if fmt == "csv":
        assert read.report["delimiter"] == delimiter
    assert isinstance(read.table, pd.DataFrame)

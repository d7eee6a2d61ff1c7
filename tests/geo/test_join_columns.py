"""The join matches rows with a known code and their area's own name for the whole table at once;
the result must be what deciding every row with ``RowMatcher`` gives (the reference: the same
join with that step turned off)."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from geo.join import enrollment as join_module
from geo.join import join_enrollment
from geo.join.coded import CodedRows
from geo.schema import Col

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

AREAS = pd.DataFrame([
    ("36", "Banten"), ("36.03", "Kabupaten Tangerang"), ("36.71", "Kota Tangerang"), ("36.74", "Kota Tangerang Selatan"),
    ("36.74.01", "Serpong"), ("36.74.02", "Setu"), ("36.03.12", "Kosambi"),
    ("36.74.01.1001", "Ciater"), ("36.74.01.1002", "Rawa Buntu"), ("36.74.01.1003", "Rawamekar Jaya"),
    ("36.74.02.1001", "Setu"), ("36.74.02.1002", "Babakan"), ("36.74.02.2003", "Kademangan"),
    ("36.03.12.2001", "Kosambi Timur"), ("36.03.12.2002", "Salembaran Jaya"), ("36.03.12.1003", "Dadap"),
    ("36.03.12.2004", "Cengkareng Ñ"), ("36.03.12.2005", " Belimbing "), ("36.03.12.2006", "Pondok Kelor"),
    ("11", "Aceh"), ("11.01", "Kabupaten Aceh Selatan"), ("11.01.01", "Bakongan"), ("11.01.01.2001", "Keude Bakongan"),
], columns=[Col.KODE, Col.NAMA])
DESA = AREAS[AREAS[Col.KODE].str.count(r"\.") == 3]

code_cell = st.one_of(
    st.sampled_from(DESA[Col.KODE].tolist()),
    st.sampled_from(DESA[Col.KODE].str.replace(".", "").tolist()),
    st.sampled_from([None, "", " ", "36.74.01.1099", "36.74.1.1001", " 36.74.01.1001", "'3674011001", "3674010001",
                     "3674011", "36.74.00.1001", "3600011001", "36.74.01", "99.99.99.9999", "abc", "11.01.01.2001",
                     "36.03.12.3001", "3674011001.0", 3674011001, 3674011001.0, float("nan")]),
)
name_cell = st.one_of(
    st.sampled_from(DESA[Col.NAMA].tolist()),
    st.sampled_from(DESA[Col.NAMA].str.upper().tolist()),
    st.sampled_from(["KEL. CIATER", "Desa Setu", "ciater", "Rawabuntu", "Pondok Benda", "-", "", " ", None, "CIATER ",
                     "Setu", "SETU", "Kosambi", "CENGKARENG Ñ", "BELIMBING", "Dadap\x1c", "12", float("nan")]),
)
row = st.tuples(code_cell, name_cell, st.sampled_from([None, "SERPONG", "KECAMATAN SETU", "Kosambi"]))


def reference(monkeypatch, *args, **kwargs):
    """The join with every row decided by RowMatcher."""
    with monkeypatch.context() as m:
        m.setattr(join_module, "match_by_code", lambda table, scope, _: CodedRows.none())
        return join_enrollment(*args, **kwargs)


def assert_same_join(monkeypatch, table, **kwargs):
    want = reference(monkeypatch, table, AREAS, level="desa", **kwargs)
    got = join_enrollment(table, AREAS, level="desa", **kwargs)
    assert_frame_equal(got.report, want.report)
    assert_frame_equal(got.matched, want.matched)
    assert [dataclasses.asdict(p) for p in got.problems] == [dataclasses.asdict(p) for p in want.problems]


def table_of(rows, sheets=None) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.NAMA_INDUK], dtype=object)
    table.insert(0, Col.BARIS, range(3, 3 + len(table)))
    if sheets is not None:
        table.insert(0, Col.LEMBAR, [sheets[i % len(sheets)] for i in range(len(table))])
        table[Col.BARIS] = range(3, 3 + len(table))
    table[Col.WAJIB] = pd.array([1000 + i for i in range(len(table))], dtype="Int64")
    table[Col.SUDAH] = pd.array([900 if i % 3 else None for i in range(len(table))], dtype="Int64")
    return table


@given(st.lists(row, max_size=25), st.sampled_from([None, "36", "36.74", "36.03"]))
@PROPERTY
def test_join_equals_row_by_row(monkeypatch, rows, within):
    assert_same_join(monkeypatch, table_of(rows), within=within)


@given(st.lists(row, max_size=12), st.dictionaries(st.integers(3, 14), st.sampled_from(DESA[Col.KODE].tolist()
                                                                                       + ["36.74.09.9999"]), max_size=3))
@PROPERTY
def test_join_with_manual_choices_equals_row_by_row(monkeypatch, rows, overrides):
    assert_same_join(monkeypatch, table_of(rows), overrides=overrides)


@given(st.lists(row, min_size=1, max_size=12))
@PROPERTY
def test_join_of_sheets_read_together_equals_row_by_row(monkeypatch, rows):
    table = table_of(rows, sheets=["SERPONG", "SETU"])
    table[Col.BARIS] = [3 + i // 2 for i in range(len(table))]  # the same row number on both sheets
    assert_same_join(monkeypatch, table, overrides={"SETU!3": "36.74.02.1001"})


@pytest.mark.parametrize("rows", [
    [],
    [("36.74.01.1001", "CIATER", None), ("3674011002", "Rawa Buntu", None), ("36.74.01.1001", None, None)],
    [("36.03.12.2004", "CENGKARENG Ñ", None), ("36.03.12.2005", "BELIMBING", None), ("3603122006", None, None)],
])
def test_hand_picked_tables_equal_row_by_row(monkeypatch, rows):
    assert_same_join(monkeypatch, table_of(rows))


def test_a_national_sized_table_is_matched_by_code_and_duplicates_still_named():
    codes = [f"11.01.01.2{i:03d}" for i in range(1, 1000)]
    areas = pd.DataFrame({Col.KODE: ["11", "11.01", "11.01.01", *codes], Col.NAMA: ["Aceh", "Kab", "Kec"] +
                          [f"Desa {i}" for i in range(1, 1000)]})
    table = pd.DataFrame({Col.BARIS: range(2, 1002), Col.KODE: codes + ["11.01.01.2001"],
                          Col.NAMA: [f"DESA {i}" for i in range(1, 1000)] + ["Desa 1"], Col.WAJIB: 10, Col.SUDAH: 9})
    result = join_enrollment(table, areas, level="desa")
    assert (result.report["cara"] == "kode").all() and (result.report["skor"] == 100.0).all()
    (problem,) = [p for p in result.problems if p.key == "wilayah_ganda"]
    assert (problem.baris, problem.params["baris_semua"]) == (2, "2, 1001")
    assert list(result.report.loc[result.report["alasan"].notna(), "baris"]) == [2, 1001]


def test_an_area_stored_without_a_name_joins_as_row_by_row(monkeypatch):
    areas = pd.concat([AREAS, pd.DataFrame({Col.KODE: ["36.74.02.2004"], Col.NAMA: [None]})], ignore_index=True)
    table = table_of([("36.74.02.2004", None, None), ("36.74.02.2004", "X", None), ("36.74.02.1002", "BABAKAN", None)])
    want = reference(monkeypatch, table, areas, level="desa")
    got = join_enrollment(table, areas, level="desa")
    assert_frame_equal(got.report, want.report)
    assert [dataclasses.asdict(p) for p in got.problems] == [dataclasses.asdict(p) for p in want.problems]

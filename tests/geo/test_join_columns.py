"""The join matches rows with a known code and their area's own name for the whole table at once;
the result must be what deciding every row with ``RowMatcher`` gives. ``row_by_row`` below is
that reference: ``join_enrollment`` as it was, one report dict per row."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from geo.join import REPORT_COLUMNS, JoinResult, join_enrollment, row_key
from geo.join.enrollment import _MATCHED_VALUES, _as_key, _check_inputs, _unused_overrides
from geo.join.rows import RowMatcher
from geo.join.scope import AreaName, Scope, as_text
from geo.names import normalize_code
from geo.schema import COUNT_COLUMNS, Col, Level, Problem

PROPERTY = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

AREAS = pd.DataFrame([
    ("36", "Banten"), ("36.03", "Kabupaten Tangerang"), ("36.71", "Kota Tangerang"),
    ("36.74", "Kota Tangerang Selatan"),
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


def row_by_row(table, areas, *, level, within=None, overrides=None) -> JoinResult:
    """The join with every row decided by RowMatcher, the report built from one dict per row."""
    level = Level(level)
    _check_inputs(table, areas, level, within)
    within = normalize_code(within) if within is not None else None
    scope = Scope.build(areas, level, within)
    overrides = {_as_key(b): k for b, k in (overrides or {}).items()}
    matcher = RowMatcher(scope, overrides)
    cols = [c for c in (Col.LEMBAR, Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK) if c in table.columns]
    rows = []
    for rec in table[cols].astype(object).to_dict("records"):
        row = {**rec, Col.BARIS: int(rec[Col.BARIS])}
        name = AreaName.of(row.get(Col.NAMA), level)
        parent = AreaName.of(row.get(Col.NAMA_INDUK), level.parent) if level.parent else None
        matcher.sheet = row.get(Col.LEMBAR)
        outcome = matcher.match(row[Col.BARIS], row.get(Col.KODE), name, parent,
                                key=row_key(row.get(Col.LEMBAR), row[Col.BARIS]))
        rows.append({"lembar": row.get(Col.LEMBAR), "baris": row[Col.BARIS], "kode_file": as_text(row.get(Col.KODE)),
                     "nama_file": as_text(row.get(Col.NAMA)), "cara": outcome.matched_by.value, "kode": outcome.kode,
                     "nama": scope.names.get(outcome.kode) if outcome.kode else None, "skor": outcome.skor,
                     "alasan": outcome.alasan, "kandidat": outcome.candidates})
    report = pd.DataFrame(rows, columns=list(REPORT_COLUMNS))
    problems = matcher.problems
    problems += _unused_overrides(overrides, {row_key(s, b) for s, b in zip(report["lembar"], report["baris"])})
    matched = report[report["cara"].isin(_MATCHED_VALUES)]
    for kode, group in matched.groupby("kode", sort=True):
        if len(group) < 2:
            continue
        report.loc[group.index, "alasan"] = "wilayah_ganda"
        first = group.iloc[0]
        problems.append(Problem("wilayah_ganda", row=int(first["baris"]), column=Col.KODE, sheet=first["lembar"],
                                params={"kode": kode, "nama": scope.names[kode], "baris_semua": ", ".join(
                                    str(row_key(s, b)) for s, b in zip(group["lembar"], group["baris"]))}))
    order = {s: i for i, s in enumerate(dict.fromkeys(report["lembar"]))}
    problems.sort(key=lambda p: (order.get(p.sheet, 0), p.row is None, p.row or 0))
    hits = report[report["cara"].isin(_MATCHED_VALUES)]
    out = pd.DataFrame({Col.BARIS: hits["baris"].astype("int64").to_numpy(), Col.KODE: hits["kode"].to_numpy(),
                        Col.NAMA: hits["nama"].to_numpy()})
    if hits["lembar"].notna().any():
        out.insert(0, Col.LEMBAR, hits["lembar"].to_numpy())
    sheets = table[Col.LEMBAR] if Col.LEMBAR in table.columns else [None] * len(table)
    counts = table.set_index(pd.Index([row_key(s, b) for s, b in zip(sheets, table[Col.BARIS])]))
    wanted = [row_key(s, b) for s, b in zip(hits["lembar"], hits["baris"])]
    for col in COUNT_COLUMNS:
        values = counts[col].reindex(wanted).to_numpy() if col in counts.columns else [pd.NA] * len(out)
        out[col] = pd.array(values, dtype="Int64")
    return JoinResult(matched=out, report=report, problems=problems)


def assert_same_join(table, **kwargs):
    want = row_by_row(table, AREAS, level="desa", **kwargs)
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
def test_join_equals_row_by_row(rows, within):
    assert_same_join(table_of(rows), within=within)


@given(st.lists(row, max_size=12),
       st.dictionaries(st.integers(3, 14), st.sampled_from([*DESA[Col.KODE], "36.74.09.9999"]), max_size=3))
@PROPERTY
def test_join_with_manual_choices_equals_row_by_row(rows, overrides):
    assert_same_join(table_of(rows), overrides=overrides)


@given(st.lists(row, min_size=1, max_size=12))
@PROPERTY
def test_join_of_sheets_read_together_equals_row_by_row(rows):
    table = table_of(rows, sheets=["SERPONG", "SETU"])
    table[Col.BARIS] = [3 + i // 2 for i in range(len(table))]  # the same row number on both sheets
    assert_same_join(table, overrides={"SETU!3": "36.74.02.1001"})


@pytest.mark.parametrize("rows", [
    [],
    [("36.74.01.1001", "CIATER", None), ("3674011002", "Rawa Buntu", None), ("36.74.01.1001", None, None)],
    [("36.03.12.2004", "CENGKARENG Ñ", None), ("36.03.12.2005", "BELIMBING", None), ("3603122006", None, None)],
])
def test_hand_picked_tables_equal_row_by_row(rows):
    assert_same_join(table_of(rows))


def test_a_national_sized_table_is_matched_by_code_and_duplicates_still_named():
    codes = [f"11.01.01.2{i:03d}" for i in range(1, 1000)]
    areas = pd.DataFrame({Col.KODE: ["11", "11.01", "11.01.01", *codes], Col.NAMA: ["Aceh", "Kab", "Kec"] +
                          [f"Desa {i}" for i in range(1, 1000)]})
    table = pd.DataFrame({Col.BARIS: range(2, 1002), Col.KODE: codes + ["11.01.01.2001"],
                          Col.NAMA: [f"DESA {i}" for i in range(1, 1000)] + ["Desa 1"], Col.WAJIB: 10, Col.SUDAH: 9})
    result = join_enrollment(table, areas, level="desa")
    assert (result.report["cara"] == "kode").all() and (result.report["skor"] == 100.0).all()
    (problem,) = [p for p in result.problems if p.key == "wilayah_ganda"]
    assert (problem.row, problem.params["baris_semua"]) == (2, "2, 1001")
    assert list(result.report.loc[result.report["alasan"].notna(), "baris"]) == [2, 1001]


def test_an_area_stored_without_a_name_joins_as_row_by_row():
    areas = pd.concat([AREAS, pd.DataFrame({Col.KODE: ["36.74.02.2004"], Col.NAMA: [None]})], ignore_index=True)
    table = table_of([("36.74.02.2004", None, None), ("36.74.02.2004", "X", None), ("36.74.02.1002", "BABAKAN", None)])
    want = row_by_row(table, areas, level="desa")
    got = join_enrollment(table, areas, level="desa")
    assert_frame_equal(got.report, want.report)
    assert [dataclasses.asdict(p) for p in got.problems] == [dataclasses.asdict(p) for p in want.problems]


@given(st.lists(row, max_size=15))
@PROPERTY
def test_the_stored_report_rows_are_the_reports_records(rows):
    """The version's report keeps one record per row, as ``to_dict("records")`` gives them."""
    from geo.ingest.enrollment import _records

    report = join_enrollment(table_of(rows), AREAS, level="desa").report.drop(columns=["kandidat"])
    got, want = _records(report), report.to_dict("records")
    assert [list(r) for r in got] == [list(r) for r in want]
    assert all(type(a) is type(b) and (a == b or a != a and b != b)
               for r, w in zip(got, want) for a, b in zip(r.values(), w.values()))

"""The column versions of the one-cell rules (numbers, NIK) give, cell for cell, what the
one-cell rules give: on tricky hand-picked cells and on generated ones."""
from __future__ import annotations

import csv
import io
import math
import re
from datetime import datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geo.io.grids import Sheet, _parse_csv, clean_cell
from geo.io.numbers import (MAX_COUNT, as_text, as_texts, parse_count, parse_counts, parse_percent,
                             parse_percents)
from geo.io.privacy import (_HEADER_WORDS, PERSONAL_HEADERS, _personal_header, nik_flags, nik_like,
                             refuse_personal_data)
from geo.schema import FileRefused

PROPERTY = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TRICKY = [
    None, "", " ", "0", "000", "7", "760097", "760.097", "1.234.567", "999.999.999", "1.000.000.000", "1,234",
    "1,234,567", "1.234,567", "12.34", "1.2345", "12,5", "1.234,00", "1.234,50", "-", "--", "\u2013", "\u2014",
    "\u2212", "-5", "\u22125", "+5", "-1.234", "'0012", "'760.097", "760 097", "760\u00a0097", " 12 ", "12%",
    "1e3", "3.67401E+15", "1,5e2", "12a", "abc", "KEL. SERPONG", "NaN", "inf", "1_000", "１２", "²", "٣",
    "999999999", "1000000000", "1000000001", "12345678901234567890123456789012", "0.123", "00.123",
    0, 7, -3, 10**9, 10**9 + 1, 10**20, True, False, 12.0, -0.0, 12.5, float("nan"), float("inf"), -4.0,
    1e9, 1e9 + 1, 3674011001123456.0, np.float64(12.0), np.int64(5), datetime(2026, 8, 31),
]
number_text = st.builds(
    lambda n, style: {"plain": str(n), "dots": f"{n:,}".replace(",", "."), "commas": f"{n:,}",
                      "spaces": f"{n:,}".replace(",", " "), "quote": f"'{n}", "fraction": f"{n},5",
                      "zeros": f"{n:,}".replace(",", ".") + ",00"}[style],
    st.integers(-10**6, 10**12), st.sampled_from(["plain", "dots", "commas", "spaces", "quote", "fraction", "zeros"]))
cell = st.one_of(
    st.none(), number_text, st.text(st.sampled_from("0123456789.,-'% eE+\u2212\u00a0"), max_size=14),
    st.text(max_size=8), st.integers(-10**12, 10**12), st.floats(), st.booleans(), st.sampled_from(TRICKY),
)


def same(a, b) -> bool:
    """Equal, counting NaN as equal to NaN."""
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def test_counts_of_tricky_cells_equal_the_one_cell_rule():
    counts, errors = parse_counts(TRICKY)
    assert list(zip(counts, errors)) == [parse_count(v) for v in TRICKY]
    # what an office writes, read as the people it counts
    got = dict(zip(TRICKY, counts))
    assert got["760.097"] == 760097 and got["1,234,567"] == 1234567 and got["-"] == 0 and got["1.234,00"] == 1234
    assert dict(zip(TRICKY, errors))["1.000.000.000"] is None and parse_count("1000000001")[1] == "angka_terlalu_besar"
    assert all(type(c) is int for c in counts if c is not None)  # Python ints, as the one-cell rule gives


@given(st.lists(cell, max_size=40))
@PROPERTY
def test_counts_equal_the_one_cell_rule(values):
    counts, errors = parse_counts(values)
    assert list(zip(counts, errors)) == [parse_count(v) for v in values]


@given(st.lists(st.one_of(number_text, st.none()), max_size=40))
@PROPERTY
def test_a_text_only_column_equals_the_one_cell_rule(values):
    """The column of a CSV (text and empty cells only): the path every big file takes."""
    counts, errors = parse_counts(values)
    assert list(zip(counts, errors)) == [parse_count(v) for v in values]


percent_text = st.builds(lambda n, d, sep, pct: f"{n}{sep}{d}{pct}" if d is not None else f"{n}{pct}",
                         st.integers(0, 1500), st.one_of(st.none(), st.integers(0, 10**7).map(str)),
                         st.sampled_from([",", "."]), st.sampled_from(["", "%", "%%", " %"]))


@given(st.lists(st.one_of(percent_text, cell), max_size=40))
@PROPERTY
def test_percents_equal_the_one_cell_rule(values):
    got = parse_percents(values)
    want = [parse_percent(v) for v in values]
    assert all(same(a, b) for a, b in zip(got, want)), list(zip(values, got, want))


def test_percents_of_tricky_cells_equal_the_one_cell_rule():
    values = TRICKY + ["92,28%", "92.28", "0,9228", "100%", "1.234,5", "92,28 %", "99.999999"]
    got = parse_percents(values)
    assert all(same(a, b) for a, b in zip(got, [parse_percent(v) for v in values]))
    assert got[len(TRICKY)] == 92.28


def test_max_count_is_still_the_line():
    counts, errors = parse_counts([str(MAX_COUNT), str(MAX_COUNT + 1), MAX_COUNT, float(MAX_COUNT + 1)])
    assert list(errors) == [None, "angka_terlalu_besar", None, "angka_terlalu_besar"]
    assert list(counts) == [MAX_COUNT, MAX_COUNT + 1, MAX_COUNT, MAX_COUNT + 1]


NIK_CELLS = [
    None, "", "3674012345678901", "'3674012345678901", "3674 0123 4567 8901", "3674.0123.4567.8901",
    "3674-0123-4567-8901", "367401234567890", "36740123456789012", "3.67401E+15", "3,67401e15", "3.67401 E+15",
    "3.67401E+14", "NIK", "KEL. SERPONG", "1" * 16 + "x", "1\n" * 16, "１" * 16, "x" * 50 + "1" * 16,
    3674012345678901, -3674012345678901, 10**15, 10**16, 10**15 - 1, True, 3674012345678901.0, 1e15, 1e16,
    9999999999999998.0, 1.5e15 + 0.5, float("nan"), float("inf"), np.float64(3674012345678901.0),
    np.int64(3674012345678901), datetime(2026, 1, 1),
]
nik_cell = st.one_of(
    cell, st.sampled_from(NIK_CELLS), st.integers(10**15 - 10, 10**16 + 10), st.integers(-10**16 - 10, -10**15 + 10),
    st.floats(1e14, 1e17), st.text(st.sampled_from("0123456789 .-'eE+,"), min_size=14, max_size=24),
)


def test_nik_flags_of_tricky_cells_equal_the_one_cell_rule():
    assert list(nik_flags(NIK_CELLS)) == [nik_like(v) for v in NIK_CELLS]
    assert nik_flags(["3674 0123 4567 8901", "3.67401E+15", 3674012345678901.0]).all()


@given(st.lists(nik_cell, max_size=40))
@PROPERTY
def test_nik_flags_equal_the_one_cell_rule(values):
    assert list(nik_flags(values)) == [nik_like(v) for v in values]


header_words = sorted({w for h in PERSONAL_HEADERS for w in h.split()} | {"PERSEN", "%", "DESA", "K", "T", "P"})
header_like = st.builds(
    lambda words, seps, upper: "".join(w + s for w, s in zip(words, seps)).upper() if upper else
    "".join(w + s for w, s in zip(words, seps)).lower(),
    st.lists(st.sampled_from(header_words), min_size=1, max_size=4),
    st.lists(st.sampled_from([" ", ".", "/", "_", "-", "", ". ", "\u00a0"]), min_size=4, max_size=4), st.booleans())


@given(st.one_of(header_like, st.text(max_size=12)))
@PROPERTY
def test_every_personal_header_holds_a_word_the_column_search_looks_for(text):
    """The column check looks at a text only when it holds one of these words (or non-ASCII)."""
    if _personal_header(text):
        assert re.search(_HEADER_WORDS.removeprefix("(?i)"), text, re.IGNORECASE), text


def test_the_listed_personal_headers_are_looked_at():
    for header in [*PERSONAL_HEADERS, "NIK IBU", "nama lengkap", "No. KTP", "Tgl.Lahir"]:
        assert _personal_header(header) and re.search(_HEADER_WORDS.removeprefix("(?i)"), header, re.IGNORECASE)


@pytest.mark.parametrize("header", ["NIK", "Nama Lengkap", "tgl. lahir", "NIK Kepala Keluarga", "ＮＩＫ", "No. KK"])
def test_a_personal_header_anywhere_in_a_long_column_is_found(header):
    column = [f"DESA {i}" for i in range(3000)]
    column[2217] = header
    with pytest.raises(FileRefused) as err:
        refuse_personal_data(Sheet("S", [[v, "1.234"] for v in column]))
    assert err.value.params["kolom"] == header and err.value.params["huruf"] == "A"


TEXT_CELLS = [None, "", " ", "Serpong", " Serpong ", "KEL. PONDOK BENDA", "36.74.01.1001", "\u00a0Ciater",
              "Ciater\u3000",
              "\x1cX\x1f", "x\n", "Ñ", "a b", 12.0, 12.5, 3674011001, float("nan"), True, datetime(2026, 1, 1)]


@given(st.lists(st.one_of(st.sampled_from(TEXT_CELLS), st.text(max_size=6), cell), max_size=40))
@PROPERTY
def test_texts_equal_the_one_cell_rule(values):
    got, want = as_texts(values), [as_text(v) for v in values]
    assert all(same(a, b) for a, b in zip(got, want)), list(zip(values, got, want))


CSV_CELL = st.tuples(st.sampled_from(["", "", "", "", " ", "  "]),
                     st.sampled_from(["", "a", "KEL. PONDOK BENDA", "12.345", "Ñusa"]),
                     st.sampled_from(["", "", "", "", " "])).map("".join)
CSV_LINE = st.tuples(st.lists(CSV_CELL, max_size=4), st.sampled_from(["\n", "\r\n", "\r", ""]))


@given(st.lists(CSV_LINE, max_size=12), st.sampled_from([";", ","]),
       st.sampled_from(["", "", "", '"', "\t", "x\x1cy", "\r", "\u00a0", "\u3000"]), st.integers(0, 400))
@example([(["a "], "\r\n"), (["b"], "\r\n")], ";", "", 0)  # a cell's space before a Windows line end
@example([(["a", "b "], "")], ";", "", 0)  # the file's last character a space
@PROPERTY
def test_csv_cells_equal_the_one_cell_rule(lines, delimiter, extra, at):
    """The CSV split strips only the rows that need it (a plain file's spaces found by one search):
    every cell is what ``clean_cell`` makes of the csv module's cell; also with a character that
    makes the file not plain put anywhere."""
    text = "".join(delimiter.join(cells) + end for cells, end in lines)
    text = text[:at] + extra + text[at:]
    try:
        want = [[clean_cell(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error:
        return
    try:
        got, widths = _parse_csv(text, delimiter, "x.csv")
    except FileRefused:  # a quoted cell holding a line break and the delimiter
        return
    assert got == want
    assert widths == [len(row) for row in want]

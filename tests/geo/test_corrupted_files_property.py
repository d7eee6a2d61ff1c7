"""Property: an office file corrupted the ways hands and exports corrupt them (a stray quote, a
separator inside a name, a cell lost or added, a name swapped for another) is either refused —
by the reader, or by the join before anything is stored — or every figure that would be stored
equals the source row's figure for that code, and no source row is lost.

"A wrong figure that looks right is the worst outcome this product can have."
"""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geo.io.enrollment import read_enrollment
from geo.join import join_enrollment
from geo.schema import Col, RekamError

NAMES = ["Ciater", "Rawa Buntu", "Rawa Mekar Jaya", "Lengkong Gudang", "Lengkong Wetan", "Buaran", "Cilenggang",
         "Serpong", "Pakulonan", "Pakualam", "Pakujaya", "Pondok Jagung", "Jelupang", "Lengkong Karya",
         "Pamulang Barat", "Benda Baru", "Pondok Benda", "Kedaung", "Bambu Apus", "Pamulang Timur"]
CODES = [f"36.74.0{1 + i // 10}.{1001 + i % 10}" for i in range(len(NAMES))]


def _areas() -> gpd.GeoDataFrame:
    rows = [("36.74", "Kota Tangerang Selatan", "kabupaten", "36", box(0, 0, 2, 1)),
            ("36.74.01", "Serpong", "kecamatan", "36.74", box(0, 0, 1, 1)),
            ("36.74.02", "Pamulang", "kecamatan", "36.74", box(1, 0, 2, 1))]
    rows += [(k, n, "desa", k[:8], box(i * 0.1, 0, i * 0.1 + 0.1, 1)) for i, (k, n) in enumerate(zip(CODES, NAMES))]
    frame = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, "geometry"])
    frame[Col.TIPE] = ["kabupaten", "kecamatan", "kecamatan"] + ["kelurahan"] * len(NAMES)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


AREAS = _areas()
PROPERTY = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def office_files(draw):
    """(file bytes, {code: (wajib, sudah)} as meant) — then corrupted by one to three hands."""
    picked = draw(st.lists(st.integers(0, len(NAMES) - 1), min_size=3, max_size=12, unique=True))
    delimiter = draw(st.sampled_from([";", ","]))
    thousands = draw(st.booleans()) and delimiter == ";"
    truth, lines = {}, [delimiter.join(["KODE", "DESA/KELURAHAN", "WAJIB KTP", "SUDAH REKAM"])]
    for i in picked:
        wajib = draw(st.integers(500, 40_000))
        sudah = draw(st.integers(0, wajib))
        truth[CODES[i]] = (wajib, sudah)
        fmt = (lambda n: f"{n:,}".replace(",", ".")) if thousands else str
        lines.append(delimiter.join([CODES[i], "KEL. " + NAMES[i].upper(), fmt(wajib), fmt(sudah)]))
    # One to three hands, each on a row of its own: two mistakes stacked on one row can make a
    # well-formed row that claims other figures, which no reader can tell from an office's typing.
    codes = [None] + [CODES[i] for i in picked]  # the code each line was written for (None: the header)
    rows = draw(st.lists(st.integers(1, len(lines) - 1), min_size=1, max_size=3, unique=True))
    for row in rows:
        cells = lines[row].split(delimiter)
        how = draw(st.sampled_from(["quote", "separator_in_name", "lose_cell", "extra_cell", "other_name",
                                    "swap_figures_with_next"]))
        if how == "quote":
            j = draw(st.integers(0, len(cells) - 1))
            at = draw(st.integers(0, len(cells[j])))
            cells[j] = cells[j][:at] + '"' + cells[j][at:]
        elif how == "separator_in_name":
            at = draw(st.integers(1, max(1, len(cells[1]) - 1)))
            cells[1] = cells[1][:at] + delimiter + cells[1][at:]
        elif how == "lose_cell":
            del cells[draw(st.integers(0, len(cells) - 1))]
        elif how == "extra_cell":
            cells.insert(draw(st.integers(0, len(cells))), str(draw(st.integers(0, 999))))
        elif how == "other_name":
            cells[1] = "KEL. " + draw(st.sampled_from(NAMES)).upper()
        elif row + 1 < len(lines) and row + 1 not in rows:  # two desa's figures exchanged, codes and names true
            nxt = lines[row + 1].split(delimiter)
            cells[2:], nxt[2:] = nxt[2:], cells[2:]
            lines[row + 1] = delimiter.join(nxt)
            a, b = codes[row], codes[row + 1]
            truth[a], truth[b] = truth[b], truth[a]  # what the file now says is the office's claim
        lines[row] = delimiter.join(cells)
    return ("\r\n".join(lines) + "\r\n").encode("utf-8"), truth


@PROPERTY
@given(office_files())
def test_a_corrupted_file_is_refused_or_stored_exactly(case):
    data, truth = case
    try:
        read = read_enrollment(data, file_name="rekap.csv")
    except RekamError:
        return  # refused by the reader, with its reason
    joined = join_enrollment(read.table, AREAS, level="desa", within="36.74")
    unmatched = joined.report[~joined.report["cara"].isin(["kode", "nama", "nama_mirip", "manual"])]
    blocking = [p for p in joined.problems if p.severity == "error"]
    if blocking or len(unmatched):
        return  # the import refuses (unmatched rows need the picker or --skip-unmatched)
    stored = {r[Col.KODE]: (int(r[Col.WAJIB]), int(r[Col.SUDAH])) for r in joined.matched.to_dict("records")}
    assert set(stored) == set(truth), "a source row was lost or another area was filled"
    assert stored == truth, "a figure stored under a code is not the source row's figure for that code"

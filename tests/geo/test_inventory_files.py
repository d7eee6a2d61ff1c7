"""Inventory and blank-stock files: read through the one tabular reader (its refusals, the same as
for an enrollment file), every bad row reported, imports as versions, templates that round-trip."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo import capacity as cap
from geo import columns as cols
from geo import ingest
from geo.io.enrollment import read_enrollment
from geo.io.inventory import read_blank_stock, read_inventory
from geo.schema import Col, FileRefused, RekamError, ValidationFailed
from geo.store import Store
from geo.text import describe
from tests.geo.tiny_kabupaten import INVENTORY, area_row, tiny_store, write_file


@pytest.fixture
def store(store_url):
    s = tiny_store(store_url)
    yield s
    s.close()


@pytest.fixture
def stocked(store, tmp_path):
    """The tiny store with INVENTORY imported (version id in ``store.inventory_version``)."""
    path = write_file(tmp_path, "perangkat.csv", INVENTORY)
    store.inventory_version = ingest.import_inventory(store, path, "uji").version_id
    return store


def test_same_file_is_refused_unless_forced(stocked, tmp_path):
    path = tmp_path / "perangkat.csv"
    with pytest.raises(RekamError, match="berkas_sudah_diimpor"):
        ingest.import_inventory(stocked, path, "uji")
    assert ingest.import_inventory(stocked, path, "uji", force=True).summary == {
        "alat": 6, "lokasi": 4, "baris_alat": 7, "baris_lokasi": 4}


# --- reading files --------------------------------------------------------------------------
def test_semicolon_csv_with_bom_indonesian_dates_and_aliases(store, tmp_path):
    text = ("\ufeffID Lokasi;ID Alat;Jenis Alat;Tanggal;Kondisi;Jumlah Operator;Koneksi;Catatan\n"
            "S2;;;01/01/2025;;2;Tidak Stabil;\n"
            "S2;S2-A1;Static;01/01/2020;Baik;;;\n")
    path = tmp_path / "kantor.csv"
    path.write_bytes(text.encode("utf-8"))
    inv = read_inventory(path, known_sites={"S2"})
    assert inv.alat.to_dict("records") == [{cols.ALAT_ID: "S2-A1", cols.TANGGAL_MULAI: "2020-01-01", cols.LOKASI_ID: "S2",
                                            cols.JENIS: "statis", cols.STATUS: "aktif", cols.KETERANGAN: None}]
    assert (inv.lokasi.iloc[0][cols.OPERATOR], inv.lokasi.iloc[0][cols.KONEKSI]) == (2, "tidak_stabil")


def test_xlsx_with_real_dates(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["lokasi_id", "alat_id", "jenis", "tanggal_mulai", "status", "operator", "koneksi", "keterangan"])
    ws.append(["S3", None, None, pd.Timestamp("2025-01-01").to_pydatetime(), None, 2, "offline", None])
    ws.append(["S3", "S3-A1", "statis", pd.Timestamp("2020-01-01").to_pydatetime(), "aktif", None, None, None])
    ws.append(["S3", "S3-A2", "mobile", pd.Timestamp("2025-06-01").to_pydatetime(), "aktif", None, None, None])
    path = tmp_path / "perangkat.xlsx"
    wb.save(path)
    ingest.import_inventory(store, path, "uji")
    c = area_row(cap.capacity_table(store, "99.01", date="2026-01-05"), "99.01.03")
    assert (c[cols.ALAT_AKTIF], c[cols.ALAT_EFEKTIF]) == (2, 2)
    assert c[cols.HARI_BACKLOG] == pytest.approx(105 / 70)


def test_every_bad_row_is_reported(store, tmp_path):
    bad = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S9,X-1,statis,2025-01-01,aktif,,,
S1,S1-A1,robot,2025-01-01,aktif,,,
S1,S1-A2,statis,31/02/2025,aktif,,,
S1,S1-A3,statis,2025-01-01,hilang,,,
S1,,,2025-01-01,,dua,online,
S1,S1-A4,statis,2025-01-01,aktif,,,
S1,S1-A4,,2025-01-01,rusak,,,
S1,,,2025-02-01,,,,
"""
    with pytest.raises(ValidationFailed) as err:
        ingest.import_inventory(store, write_file(tmp_path, "salah.csv", bad), "uji")
    found = [(p.row, p.column, p.key) for p in err.value.problems]
    assert found == [(2, "lokasi_id", "inv_lokasi_tidak_dikenal"), (3, "jenis", "inv_pilihan_salah"),
                     (4, "tanggal_mulai", "inv_tanggal_salah"), (5, "status", "inv_pilihan_salah"),
                     (6, "operator", "inv_bukan_jumlah"), (8, "tanggal_mulai", "inv_baris_ganda"),
                     (9, None, "inv_baris_kosong")]
    text = describe(err.value)
    assert "Baris 2, kolom 'lokasi_id': Lokasi 'S9' tidak ada di daftar lokasi perekaman" in text
    assert "Pilih salah satu: statis, mobile, cetak" in text
    assert cap.capacity_table(store, "99.01")[cols.DATA_ALAT].sum() == 0  # nothing stored


def test_device_without_kind_and_refused_files(store, tmp_path):
    no_kind = "lokasi_id,alat_id,jenis,tanggal_mulai,status\nS1,S1-A1,,2025-01-01,aktif\n"
    with pytest.raises(ValidationFailed) as err:
        read_inventory(write_file(tmp_path, "a.csv", no_kind))
    assert [(p.row, p.key) for p in err.value.problems] == [(2, "inv_jenis_kosong")]
    with pytest.raises(FileRefused, match="inv_kolom_hilang") as err:
        read_inventory(write_file(tmp_path, "b.csv", "lokasi,tanggal\nS1,2025-01-01\n"))
    assert describe(err.value).startswith("Kolom 'alat_id' tidak ada. Berkas inventaris perlu kolom: lokasi_id, "
                                          "alat_id, tanggal_mulai.")
    with pytest.raises(FileRefused, match="berkas_kosong") as err:
        read_inventory(write_file(tmp_path, "c.csv", "lokasi_id,alat_id,tanggal_mulai\n"))
    assert describe(err.value).startswith("Berkas 'c.csv' tidak berisi baris data.")  # a CSV has no sheets to name
    nik = ("lokasi_id,alat_id,tanggal_mulai,status,jenis,nik_operator\n"
           "S1,S1-A1,2025-01-01,aktif,statis,3674012345678901\n")
    with pytest.raises(FileRefused, match="berisi_nik") as err:
        read_inventory(write_file(tmp_path, "d.csv", nik))
    assert "kolom F 'nik_operator' tampak berisi NIK" in describe(err.value)
    with pytest.raises(FileRefused, match="bukan_format") as err:
        read_inventory(write_file(tmp_path, "e.xlsx", "lokasi_id,alat_id,tanggal_mulai\nS1,S1-A1,2025-01-01\n"))
    assert describe(err.value).startswith("Berkas 'e.xlsx' bernama .xlsx tetapi isinya tampak seperti")


NIK = "3674012345678901"
# The same NIK column (same header, same letter) in an inventory, a blank-stock and an enrollment file.
NIK_FILES = {
    "by header": {
        read_inventory: f"lokasi_id,nik,alat_id,tanggal_mulai,status,jenis\nS1,{NIK},S1-A1,2025-01-01,aktif,statis\n",
        read_blank_stock: f"tanggal,nik,kode,diterima,dipakai\n2026-01-05,{NIK},99.01,10,0\n",
        read_enrollment: f"kecamatan,nik,desa,wajib_ktp,sudah_rekam\nKec A,{NIK},Desa A1,100,50\n",
    },
    "by value": {
        read_inventory: f"lokasi_id,alat_id,tanggal_mulai,status,keterangan\nS1,S1-A1,2025-01-01,aktif,{NIK}\n",
        read_blank_stock: f"tanggal,kode,diterima,dipakai,keterangan\n2026-01-05,99.01,10,0,{NIK}\n",
        read_enrollment: f"kecamatan,desa,wajib_ktp,sudah_rekam,keterangan\nKec A,Desa A1,100,50,{NIK}\n",
    },
}


@pytest.mark.parametrize("case", NIK_FILES)
def test_nik_is_refused_with_the_enrollment_message(tmp_path, case):
    messages = {}
    for reader, text in NIK_FILES[case].items():
        with pytest.raises(FileRefused) as err:
            reader(write_file(tmp_path, f"{reader.__name__}.csv", text))
        assert err.value.key == "berisi_nik"
        messages[reader.__name__] = describe(err.value)
    assert messages["read_inventory"] == messages["read_blank_stock"] == messages["read_enrollment"]
    column = "kolom B 'nik'" if case == "by header" else "kolom E 'keterangan'"
    assert messages["read_inventory"].startswith(
        f"Berkas ditolak untuk melindungi data pribadi: {column} tampak berisi NIK")


def test_nik_file_is_not_imported(store, tmp_path):
    path = write_file(tmp_path, "perangkat.csv", INVENTORY.replace("Printer kartu", NIK))
    with pytest.raises(FileRefused, match="berisi_nik"):
        ingest.import_inventory(store, path, "uji")
    assert not store.history()["kind"].isin(["inventaris", "blangko"]).any()


def test_oversize_file_is_refused_before_reading(store, tmp_path, monkeypatch):
    big = tmp_path / "perangkat.xlsx"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3 * 512 * 1024))  # a photo: judged by its size, unread
    opened = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self.name))
    for reader in (read_inventory, read_blank_stock):
        with pytest.raises(FileRefused) as err:
            reader(big, max_bytes=1024 * 1024)
        assert err.value.key == "berkas_terlalu_besar"
        assert describe(err.value).startswith("Berkas terlalu besar (1,5 MB; batas 1,0 MB).")
    for importer in (ingest.import_inventory, ingest.import_blank_stock):
        with pytest.raises(FileRefused, match="berkas_terlalu_besar"):
            importer(store, big, "uji", max_bytes=1024 * 1024)
    assert opened == []
    assert not store.history()["kind"].isin(["inventaris", "blangko"]).any()


def test_import_needs_recording_sites(store_url, tmp_path):
    empty = Store.open(store_url)
    with pytest.raises(FileRefused, match="inv_belum_ada_lokasi"):
        ingest.import_inventory(empty, write_file(tmp_path, "p.csv", INVENTORY), "uji")


def test_template_round_trips(stocked, tmp_path):
    template = ingest.inventory_template(stocked, within="99.01")
    assert list(template.columns) == [*cols.INVENTORY_COLUMNS, cols.NAMA_LOKASI, Col.KODE]
    assert len(template) == 11
    path = tmp_path / "templat.csv"
    template.to_csv(path, index=False)
    before = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    ingest.import_inventory(stocked, path, "uji")
    pd.testing.assert_frame_equal(cap.capacity_table(stocked, "99.01", date="2026-01-05"), before)


def test_template_for_sites_not_in_the_inventory(store):
    template = ingest.inventory_template(store, within="99.01.03")
    shown = template[[cols.LOKASI_ID, cols.ALAT_ID, cols.JENIS, cols.STATUS, cols.KONEKSI]]
    assert [[None if pd.isna(v) else v for v in row] for row in shown.values.tolist()] == [
        ["S3", None, None, None, "offline"], ["S3", "S3-A1", "statis", "aktif", None]]
    assert template[cols.TANGGAL_MULAI].isna().all()


def test_bad_blank_rows(store, tmp_path):
    bad = "tanggal,kode,diterima,dipakai\n2026-13-01,99.01,10,0\n2026-01-05,abc,1.5,\n2026-01-06,99.01,,\n"
    with pytest.raises(ValidationFailed) as err:
        ingest.import_blank_stock(store, write_file(tmp_path, "b.csv", bad), "uji")
    assert [(p.row, p.key) for p in err.value.problems] == [
        (2, "inv_tanggal_salah"), (3, "blangko_kode_salah"), (3, "inv_bukan_jumlah"), (4, "blangko_kosong")]


"""Point files (recording sites, schools): read through the one tabular reader, stored as versions,
labelled for the map."""
from __future__ import annotations

import pandas as pd
import pytest

from geo.config import Settings
from geo.ingest import import_points
from geo.io.numbers import parse_decimal
from geo.io.points import read_points
from geo.present import points as present_points
from geo.schema import Col, FileRefused, ValidationFailed, ZoneConfig
from geo.store import Store
from geo.text import describe

SITES = ("id;nama;jenis;kode_wilayah;lat;lon;alat_total;alat_aktif;status;rusak_sejak\n"
         "LP01;Kantor Kecamatan A;kecamatan;99.01.01.2001;-9,21034;121,05512;2;0;rusak;2026-09-28\n"
         "LP02;Balai Desa B;mobile;9901012002;-9.22;121.06;1;1;aktif;\n")


@pytest.mark.parametrize(("text", "expected"), [("-9,21034", -9.21034), ("121.05512", 121.05512),
                                                ("\u22129,5", -9.5), (" 3 ", 3.0), (7, 7.0)])
def test_parse_decimal_takes_a_comma_or_a_point(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["", "1.234,5", "sembilan", "nan", None, True])
def test_parse_decimal_refuses_what_is_no_number(text):
    assert parse_decimal(text) is None


def test_sites_from_bytes_with_decimal_commas():
    frame = read_points(SITES.encode("utf-8"), "lokasi", file_name="lokasi.csv")
    assert frame["id"].tolist() == ["LP01", "LP02"]
    assert frame[Col.KODE].tolist() == ["99.01.01.2001", "99.01.01.2002"]  # undotted code normalised
    assert frame["lat"].tolist() == [-9.21034, -9.22] and frame["lon"].tolist() == [121.05512, 121.06]
    assert frame["atribut"][0] == {"jenis": "kecamatan", "alat_total": "2", "alat_aktif": "0", "status": "rusak",
                                   "rusak_sejak": "2026-09-28"}
    assert "rusak_sejak" not in frame["atribut"][1]  # an empty cell is no attribute


def test_schools_from_an_xlsx_path(tmp_path):
    path = tmp_path / "sekolah.xlsx"
    pd.DataFrame({"NPSN": ["69900001"], "Nama": ["SMA Negeri 1"], "Jenjang": ["SMA"], "Kode Desa": ["99.01.01.2001"],
                  "lat": [-9.2], "lon": [121.1], "belum_rekam": [40]}).to_excel(path, index=False)
    frame = read_points(path, "sekolah")
    assert frame.iloc[0][["id", Col.NAMA, Col.KODE, "lat", "lon"]].tolist() == [
        "69900001", "SMA Negeri 1", "99.01.01.2001", -9.2, 121.1]
    assert frame["atribut"][0] == {"jenjang": "SMA", "belum_rekam": "40"}


def test_a_schools_file_with_nik_is_refused_like_any_upload():
    text = ("npsn,nama,jenjang,kode_desa,lat,lon,nik_kepala\n"
            "69900001,SMA 1,SMA,99.01.01.2001,-9.2,121.1,3674012345678901\n")
    with pytest.raises(FileRefused) as refused:
        read_points(text.encode(), "sekolah", file_name="sekolah.csv")
    assert refused.value.key == "berisi_nik"
    assert "'nik_kepala'" in describe(refused.value, "id")


def test_the_size_limit_is_checked_before_reading():
    with pytest.raises(FileRefused, match="berkas_terlalu_besar"):
        read_points(SITES.encode(), "lokasi", file_name="lokasi.csv", max_bytes=100)


def test_bad_rows_are_named_by_their_row_in_the_file():
    text = SITES + ("\nLP03;Tanpa Koordinat;mobile;99.01.01.2001;;121;1;1;aktif;\n"  # row 4 is blank
                    "LP04;Kode Salah;mobile;desa-x;-9;121;1;1;aktif;\n")
    with pytest.raises(ValidationFailed) as failed:
        read_points(text.encode(), "lokasi", file_name="lokasi.csv")
    assert [(p.key, p.row) for p in failed.value.problems] == [("titik_koordinat_salah", 5),
                                                                  ("titik_kode_salah", 6)]


@pytest.mark.parametrize(("kind", "text", "key"), [
    ("taman", SITES, "titik_jenis_tidak_dikenal"),
    ("sekolah", SITES, "titik_kolom_hilang"),  # a sites file is no schools file: no npsn
])
def test_unknown_kind_and_missing_column_are_refused(kind, text, key):
    with pytest.raises(FileRefused, match=key):
        read_points(text.encode(), kind, file_name="titik.csv")


def test_import_points_stores_uploaded_bytes_and_labels_them(store_url):
    store = Store.open(store_url)
    version, count = import_points(store, SITES.encode(), kind="lokasi", file_name="lokasi.csv", user="uji")
    assert count == 2
    stored = store.points("lokasi").set_index("id")
    assert stored.loc["LP01", "lat"] == -9.21034 and stored.loc["LP01", "atribut"]["status"] == "rusak"
    assert store.history().set_index("id").loc[version, "file_name"] == "lokasi.csv"
    layer = present_points.layer(store, "lokasi", lang="en")
    assert layer["status"].tolist() == ["rusak", "aktif"]
    assert layer["colour"].tolist() == [present_points.STATUS_COLOURS["rusak"], present_points.STATUS_COLOURS["aktif"]]
    assert "28 September 2026" in layer["label"][0]
    store.close()


def test_import_points_refuses_a_file_over_the_configured_limit(store_url):
    store = Store.open(store_url)
    small = Settings(zones=ZoneConfig(), max_upload_mb=0.0001)
    with pytest.raises(FileRefused, match="berkas_terlalu_besar"):
        import_points(store, SITES.encode(), kind="lokasi", file_name="l.csv", settings=small)
    assert store.history().empty
    store.close()

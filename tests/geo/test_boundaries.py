"""Boundary loader: real public files (../shared/real) and tiny hand-built fixtures."""
from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import box, mapping
from geo.io.boundaries import load_boundaries
from geo.schema import Col, FileRefused, Level, RekamError, ValidationFailed
from geo.text import describe, tr

BOUNDARY_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "boundaries"
CAHYADSN = "cahyadsn_wilayah_boundaries"
BIG_TANGSEL = "big_rbi_desa_tangsel/tangerang_selatan_desa_kelurahan_RBI10K_2023.geojson"


def write_geojson(path, rows, crs_member: dict | None = None):
    """A FeatureCollection from (properties, shapely geometry or None) pairs, written as given."""
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": mapping(geom) if geom is not None else None}
        for props, geom in rows
    ]}
    if crs_member:
        doc["crs"] = crs_member
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def square(x: float, y: float, size: float = 0.01):
    return box(x, y, x + size, y + size)


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """tempfile's directory redirected, so a test can see what the loader leaves behind."""
    directory = tmp_path / "systmp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


# --- real files -------------------------------------------------------------------
@pytest.fixture(scope="module")
def kemendagri_2025(real_dir) -> pd.DataFrame:
    return pd.read_csv(real_dir / "kemendagri_kode_wilayah/kode_wilayah_kepmendagri_2025_targets.csv", dtype=str)


# file → (levels, dissolved, n_repaired) per the README table
REAL_FILES = {
    "kabkota_36_banten_18.09_19.03.geojson": ({"kabupaten": 10}, {}, 3),
    "kecamatan_36_banten_18.09_19.03.geojson": ({"kecamatan": 174}, {}, 7),
    "desa_kelurahan_36_banten_all.geojson": ({"kabupaten": 8, "kecamatan": 155, "desa": 1552},
                                             {"kecamatan": 155, "kabupaten": 8}, 0),
    "desa_kelurahan_36.74_kota_tangerang_selatan.geojson": ({"kabupaten": 1, "kecamatan": 7, "desa": 54},
                                                            {"kecamatan": 7, "kabupaten": 1}, 0),
    "desa_kelurahan_36.03_kab_tangerang.geojson": ({"kabupaten": 1, "kecamatan": 29, "desa": 274},
                                                   {"kecamatan": 29, "kabupaten": 1}, 0),
    "desa_kelurahan_36.73_kota_serang.geojson": ({"kabupaten": 1, "kecamatan": 6, "desa": 67},
                                                 {"kecamatan": 6, "kabupaten": 1}, 0),
    "desa_kelurahan_18.09_pesawaran.geojson": ({"kabupaten": 1, "kecamatan": 11, "desa": 144},
                                               {"kecamatan": 11, "kabupaten": 1}, 0),
    "desa_kelurahan_19.03_bangka_selatan.geojson": ({"kabupaten": 1, "kecamatan": 8, "desa": 53},
                                                    {"kecamatan": 8, "kabupaten": 1}, 0),
}


def test_every_real_file_is_covered(real_dir):
    found = {p.name for p in real_dir.glob("*/*.geojson")}
    assert found == set(REAL_FILES) | {BIG_TANGSEL.split("/")[1]}


@pytest.mark.parametrize("name", sorted(REAL_FILES))
def test_real_cahyadsn_files_load_with_readme_counts(real_dir, kemendagri_2025, name):
    levels, dissolved, n_repaired = REAL_FILES[name]
    loaded = load_boundaries(real_dir / CAHYADSN / name)
    areas, report = loaded.areas, loaded.report
    assert report["levels"] == levels
    assert report["dissolved"] == dissolved
    assert report["n_repaired"] == n_repaired
    assert (report["code_field"], report["name_field"]) == ("kode", "nama")
    assert (report["source_crs"], report["reprojected"], report["crs_assumed"]) == ("EPSG:4326", False, False)
    assert report["dropped_empty"] == 0 and report["merged_duplicates"] == 0
    json.dumps(report)  # plain JSON
    assert areas.crs.to_epsg() == 4326
    assert areas[Col.KODE].is_unique
    assert shapely.is_valid(areas.geometry.values).all()
    assert list(areas.columns) == [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    # Every code read from the file is in the Kepmendagri 2025 table, with the same name and tipe.
    from_file = areas[~areas[Col.LEVEL].isin(list(dissolved))].merge(
        kemendagri_2025, on=Col.KODE, how="left", suffixes=("", "_tabel"), validate="one_to_one")
    assert from_file["nama_tabel"].notna().all()
    assert (from_file[Col.NAMA] == from_file["nama_tabel"]).all()
    assert (from_file[Col.TIPE] == from_file["tipe_tabel"]).all()
    assert (from_file[Col.KODE_INDUK].fillna("") == from_file["kode_induk_tabel"].fillna("")).all()


def test_real_kabupaten_file_repairs_the_three_nested_shells(real_dir):
    report = load_boundaries(real_dir / CAHYADSN / "kabkota_36_banten_18.09_19.03.geojson").report
    assert sorted(report["repaired_kode"]) == ["18.09", "19.03", "36.02"]
    assert report["tipe"] == {"kabupaten": 6, "kota": 4}


def test_real_kecamatan_file_repairs_the_seven_nested_shells(real_dir):
    report = load_boundaries(real_dir / CAHYADSN / "kecamatan_36_banten_18.09_19.03.geojson").report
    assert sorted(report["repaired_kode"]) == [
        "18.09.05", "18.09.06", "18.09.10", "19.03.01", "19.03.02", "19.03.06", "36.02.20"]


def test_real_banten_desa_dissolves_kecamatan_and_kabupaten(real_dir, kemendagri_2025):
    # How fast it loads is measured in bench/read_bench.py.
    areas = load_boundaries(real_dir / CAHYADSN / "desa_kelurahan_36_banten_all.geojson").areas
    assert areas[Col.TIPE].value_counts().to_dict() == {
        "desa": 1238, "kelurahan": 314, "kecamatan": 155, "kabupaten": 4, "kota": 4}
    kec = areas[areas[Col.LEVEL] == Level.KECAMATAN.value]
    table_kec = kemendagri_2025[(kemendagri_2025["level"] == "3") & kemendagri_2025[Col.KODE].str.startswith("36.")]
    assert sorted(kec[Col.KODE]) == sorted(table_kec[Col.KODE])
    assert (kec[Col.NAMA] == kec[Col.KODE]).all()  # no kecamatan name field in this file
    kab = areas[areas[Col.LEVEL] == Level.KABUPATEN.value].set_index(Col.KODE)
    assert kab[Col.TIPE].to_dict() == {"36.01": "kabupaten", "36.02": "kabupaten", "36.03": "kabupaten",
                                       "36.04": "kabupaten", "36.71": "kota", "36.72": "kota",
                                       "36.73": "kota", "36.74": "kota"}
    assert set(kab[Col.KODE_INDUK]) == {"36"}
    # Dissolving keeps the area (only sub-hectare gaps between desa are closed).
    def area(level):  # square degrees; only compared with each other
        return shapely.area(areas.loc[areas[Col.LEVEL] == level].geometry.values).sum()

    assert area("kecamatan") == pytest.approx(area("desa"), rel=1e-3)
    assert area("kabupaten") == pytest.approx(area("desa"), rel=1e-3)
    # Kecamatan 36.74.01 Serpong is its desa put together, plus the closed slivers between them.
    serpong = kec.set_index(Col.KODE).geometry["36.74.01"]
    its_desa = shapely.union_all(areas[areas[Col.KODE_INDUK] == "36.74.01"].geometry.values)
    assert its_desa.difference(serpong).area < 1e-12
    assert 0 < serpong.difference(its_desa).area < 1e-4 * serpong.area


def test_real_big_rbi_tangsel(real_dir, kemendagri_2025):
    loaded = load_boundaries(real_dir / BIG_TANGSEL)
    areas, report = loaded.areas.set_index(Col.KODE), loaded.report
    assert (report["code_field"], report["name_field"]) == ("KDEPUM", "WADMKD")
    assert report["levels"] == {"kabupaten": 1, "kecamatan": 7, "desa": 54}
    assert report["dissolved"] == {"kecamatan": 7, "kabupaten": 1}
    assert report["tipe"] == {"kecamatan": 7, "kelurahan": 54, "kota": 1}
    assert areas.loc["36.74.06.1007", Col.NAMA] == "Bambu Apus"
    assert areas.loc["36.74", [Col.NAMA, Col.TIPE, Col.KODE_INDUK]].tolist() == ["Kota Tangerang Selatan", "kota", "36"]
    kec = areas[areas[Col.LEVEL] == "kecamatan"][Col.NAMA].to_dict()
    assert kec == {"36.74.01": "Serpong", "36.74.02": "Serpong Utara", "36.74.03": "Pondok Aren",
                   "36.74.04": "Ciputat", "36.74.05": "Ciputat Timur", "36.74.06": "Pamulang",
                   "36.74.07": "Setu"}
    table = kemendagri_2025.set_index(Col.KODE)[Col.NAMA]
    assert all(table[k] == v for k, v in kec.items())


def test_real_big_rbi_as_kecamatan_merges_desa_by_kdcpum(real_dir):
    loaded = load_boundaries(real_dir / BIG_TANGSEL, level="kecamatan")
    assert (loaded.report["code_field"], loaded.report["name_field"]) == ("KDCPUM", "WADMKC")
    assert loaded.report["levels"] == {"kecamatan": 7}
    assert loaded.report["merged_duplicates"] == 54 - 7
    assert loaded.areas.set_index(Col.KODE).loc["36.74.07", Col.NAMA] == "Setu"


# --- formats and CRS --------------------------------------------------------------
TANGSEL_SQUARE = square(106.70, -6.30, 0.02)


def test_projected_geopackage_is_reprojected(tmp_path):
    frame = gpd.GeoDataFrame({"kode": ["36.74.01"], "nama": ["Serpong"]}, geometry=[TANGSEL_SQUARE], crs=4326)
    path = tmp_path / "utm.gpkg"
    frame.to_crs(32748).to_file(path, layer="kecamatan")
    loaded = load_boundaries(path)
    assert loaded.report["source_crs"] == "EPSG:32748"
    assert loaded.report["reprojected"] is True and loaded.report["layer"] == "kecamatan"
    minx, miny, maxx, maxy = loaded.areas.total_bounds
    assert minx == pytest.approx(106.70, abs=1e-6) and miny == pytest.approx(-6.30, abs=1e-6)
    assert maxx == pytest.approx(106.72, abs=1e-6) and maxy == pytest.approx(-6.28, abs=1e-6)
    from_bytes = load_boundaries(path.read_bytes(), file_name="upload.gpkg")
    assert from_bytes.areas.geometry.iloc[0].equals_exact(loaded.areas.geometry.iloc[0], 1e-9)


def test_geopackage_with_two_polygon_layers_is_refused(tmp_path):
    path = tmp_path / "dua.gpkg"
    for layer in ("kecamatan", "desa"):
        gpd.GeoDataFrame({"kode": ["36.74.01"]}, geometry=[TANGSEL_SQUARE], crs=4326).to_file(path, layer=layer)
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert (e.value.key, e.value.params["lapisan"]) == ("batas_banyak_lapisan", "kecamatan, desa")


def test_geojson_in_metres_without_crs_is_refused(tmp_path):
    path = write_geojson(tmp_path / "meter.geojson",
                         [({"kode": "36.74.01", "nama": "Serpong"}, box(680000, 9300000, 682000, 9302000))])
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert e.value.key == "batas_tanpa_crs"
    assert e.value.params["contoh"] == "x=680000, y=9300000"
    assert ".prj" in describe(e.value)


def test_geojson_with_old_style_crs_member_is_reprojected(tmp_path):
    utm = gpd.GeoSeries([TANGSEL_SQUARE], crs=4326).to_crs(32748).iloc[0]
    path = write_geojson(tmp_path / "utm.geojson", [({"kode": "36.74.01", "nama": "Serpong"}, utm)],
                         crs_member={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32748"}})
    loaded = load_boundaries(path)
    assert loaded.report["reprojected"] is True
    assert loaded.areas.total_bounds[0] == pytest.approx(106.70, abs=1e-6)


def _shapefile_zip(tmp_path, frame, folder="batas/", with_prj=True):
    frame.to_file(tmp_path / "desa.shp")
    path = tmp_path / "desa.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for ext in ("shp", "shx", "dbf", "cpg") + (("prj",) if with_prj else ()):
            zf.write(tmp_path / f"desa.{ext}", f"{folder}desa.{ext}")
    return path


def test_zipped_shapefile_from_bytes_leaves_no_temp_files(tmp_path, private_tmp):
    frame = gpd.GeoDataFrame({"KODE": ["3674011001", "3674011002"], "NAMA": [" Serpong ", "Ciater"]},
                             geometry=[square(106.66, -6.32), square(106.67, -6.32)], crs=4326)
    data = _shapefile_zip(tmp_path, frame.to_crs(32748)).read_bytes()
    loaded = load_boundaries(data, file_name="desa.zip", dissolve_parents=False)
    assert loaded.report["format"] == "ESRI Shapefile (zip)" and loaded.report["reprojected"] is True
    assert loaded.areas[[Col.KODE, Col.NAMA, Col.TIPE]].values.tolist() == [
        ["36.74.01.1001", "Serpong", "kelurahan"], ["36.74.01.1002", "Ciater", "kelurahan"]]
    assert list(private_tmp.iterdir()) == []


def test_shapefile_without_prj_in_degrees_is_assumed_wgs84(tmp_path):
    frame = gpd.GeoDataFrame({"kode": ["36.74.01.1001"], "nama": ["Serpong"]},
                             geometry=[square(106.66, -6.32)], crs=4326)
    loaded = load_boundaries(_shapefile_zip(tmp_path, frame, folder="", with_prj=False))
    assert (loaded.report["source_crs"], loaded.report["crs_assumed"]) == (None, True)
    assert loaded.report["levels"] == {"kabupaten": 1, "kecamatan": 1, "desa": 1}


@pytest.mark.parametrize("member", ["../evil.shp", "/etc/evil.shp", "ok/../../evil.shp", "C:\\evil.shp"])
def test_zip_with_escaping_member_is_refused(tmp_path, private_tmp, member):
    data_path = tmp_path / "evil.zip"
    with zipfile.ZipFile(data_path, "w") as zf:
        zf.writestr(member, b"not really a shapefile")
    with pytest.raises(FileRefused) as e:
        load_boundaries(data_path.read_bytes(), file_name="evil.zip")
    assert e.value.key == "batas_zip_tidak_aman" and e.value.params["anggota"] == member
    assert not (tmp_path.parent / "evil.shp").exists()
    assert list(private_tmp.iterdir()) == []


def test_zip_without_shapefile_is_refused(tmp_path):
    path = tmp_path / "data.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "kosong")
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert e.value.key == "batas_zip_tanpa_data" and e.value.params["isi"] == "readme.txt"


def test_empty_feature_collection_is_refused(tmp_path):
    with pytest.raises(FileRefused) as e:
        load_boundaries(write_geojson(tmp_path / "kosong.geojson", []))
    assert e.value.key == "batas_kosong"


def test_points_are_refused(tmp_path):
    path = write_geojson(tmp_path / "titik.geojson", [({"kode": "36.74.01", "nama": "Serpong"},
                                                      shapely.Point(106.7, -6.3))])
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert (e.value.key, e.value.params["jenis"]) == ("batas_bukan_poligon", "Point")


@pytest.mark.parametrize("name,key", [("batas.csv", "batas_format"), ("batas.geojson", "batas_tidak_terbaca")])
def test_unsupported_or_broken_files_are_refused(name, key):
    with pytest.raises(FileRefused) as e:
        load_boundaries(b"kode;nama\n36;Banten\n", file_name=name)
    assert e.value.key == key


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(FileRefused) as e:
        load_boundaries(tmp_path / "tidak_ada.geojson")
    assert e.value.key == "batas_tidak_terbaca"


def test_geojson_bytes_without_name_are_sniffed(tmp_path):
    path = write_geojson(tmp_path / "x.geojson", [({"kode": "36.74", "nama": "Kota Tangerang Selatan"},
                                                   TANGSEL_SQUARE)])
    loaded = load_boundaries(path.read_bytes())
    assert loaded.areas[[Col.KODE, Col.TIPE]].values.tolist() == [["36.74", "kota"]]


# --- geometry repair ---------------------------------------------------------------
def test_bowtie_is_repaired_null_and_point_geometries_dropped(tmp_path):
    bowtie = shapely.Polygon([(106.60, -6.30), (106.62, -6.28), (106.62, -6.30), (106.60, -6.28)])
    assert not bowtie.is_valid
    path = write_geojson(tmp_path / "rusak.geojson", [
        ({"kode": "36.74.01", "nama": "Serpong"}, bowtie),
        ({"kode": "36.74.02", "nama": "Serpong Utara"}, square(106.62, -6.30, 0.02)),
        ({"kode": "36.74.03", "nama": "Ciputat"}, None),
        ({"kode": "36.74.04", "nama": "Ciputat Timur"}, shapely.Point(106.7, -6.3)),
    ])
    loaded = load_boundaries(path)
    report, areas = loaded.report, loaded.areas.set_index(Col.KODE)
    assert (report["n_repaired"], report["repaired_kode"]) == (1, ["36.74.01"])
    assert (report["dropped_empty"], report["dropped_not_polygon"]) == (1, 1)
    assert report["dropped_kode"] == ["36.74.03", "36.74.04"]
    assert report["levels"] == {"kecamatan": 2}
    repaired = areas.geometry["36.74.01"]
    assert repaired.is_valid and repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(2 * 0.01 * 0.02 / 2)  # two triangles of 0.01 × 0.02 / 2 each


def test_geometry_collection_keeps_only_polygons(tmp_path):
    mixed = shapely.GeometryCollection([square(106.6, -6.3), shapely.LineString([(106.0, -6.0), (106.1, -6.1)])])
    path = write_geojson(tmp_path / "gc.geojson", [({"kode": "36.74.01", "nama": "Serpong"}, mixed)])
    geom = load_boundaries(path).areas.geometry.iloc[0]
    assert geom.geom_type == "Polygon" and geom.area == pytest.approx(0.0001)


# --- fields and codes -----------------------------------------------------------------
def test_code_and_name_override(tmp_path):
    path = write_geojson(tmp_path / "lain.geojson", [
        ({"id_desa": 3674011001, "desa": "Serpong", "keterangan": "x"}, square(106.66, -6.32)),
        ({"id_desa": 3674022001, "desa": "Lengkong  Gudang", "keterangan": "y"}, square(106.67, -6.32)),
    ])
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert e.value.key == "batas_tanpa_kode" and e.value.params["tersedia"] == "id_desa, desa, keterangan"
    loaded = load_boundaries(path, code_field="id_desa", name_field="DESA", dissolve_parents=False)
    assert (loaded.report["code_field"], loaded.report["name_field"]) == ("id_desa", "desa")
    assert loaded.areas[[Col.KODE, Col.NAMA, Col.KODE_INDUK, Col.TIPE]].values.tolist() == [
        ["36.74.01.1001", "Serpong", "36.74.01", "kelurahan"],
        ["36.74.02.2001", "Lengkong Gudang", "36.74.02", "desa"]]


def test_unknown_override_field_names_the_available_ones(tmp_path):
    path = write_geojson(tmp_path / "a.geojson", [({"kode": "36.74", "nama": "Tangsel"}, TANGSEL_SQUARE)])
    with pytest.raises(FileRefused) as e:
        load_boundaries(path, name_field="NAMOBJ")
    assert e.value.key == "batas_kolom_tidak_ada"
    assert e.value.params == {"kolom": "NAMOBJ", "tersedia": "kode, nama"}


def test_gadm_file_is_refused_without_a_kemendagri_code_field():
    path = BOUNDARY_FIXTURES / "gadm_like.geojson"
    with pytest.raises(FileRefused) as e:
        load_boundaries(path)
    assert (e.value.key, e.value.params["skema"]) == ("batas_kode_bukan_kemendagri", "GADM")
    assert "GID_3=IDN.11.6.4_1" in e.value.params["contoh"]
    # GADM's CC_3 holds BPS codes: refused row by row.
    with pytest.raises(ValidationFailed) as v:
        load_boundaries(path, code_field="CC_3")
    assert [(p.key, p.row, p.params["kode"]) for p in v.value.problems] == [
        ("batas_kode_bps", 1, "3674020"), ("batas_kode_bps", 2, "3674010")]
    loaded = load_boundaries(path, code_field="kemendagri")
    assert loaded.report["name_field"] == "NAME_3"
    assert loaded.areas[[Col.KODE, Col.NAMA, Col.LEVEL]].values.tolist() == [
        ["36.74.01", "Serpong", "kecamatan"], ["36.74.07", "Setu", "kecamatan"]]


def test_geoboundaries_file_is_refused_without_a_code_field():
    with pytest.raises(FileRefused) as e:
        load_boundaries(BOUNDARY_FIXTURES / "geoboundaries_like.geojson")
    assert (e.value.key, e.value.params["skema"]) == ("batas_kode_bukan_kemendagri", "geoBoundaries")


def test_bps_and_malformed_codes_are_refused_per_row(tmp_path):
    path = write_geojson(tmp_path / "bps.geojson", [
        ({"kode": "3674010001", "nama": "Muncul"}, square(106.60, -6.3)),
        ({"kode": "3674011001", "nama": "Serpong"}, square(106.61, -6.3)),
        ({"kode": "36.74.01.1002", "nama": "Ciater"}, square(106.62, -6.3)),
        ({"kode": "36-74", "nama": "?"}, square(106.63, -6.3)),
        ({"kode": None, "nama": "??"}, square(106.64, -6.3)),
    ])
    with pytest.raises(ValidationFailed) as e:
        load_boundaries(path)
    assert [(p.key, p.row) for p in e.value.problems] == [
        ("batas_kode_bps", 1), ("batas_kode_tidak_sah", 4), ("batas_kode_kosong", 5)]
    assert "BPS" in describe(e.value)


def test_mixed_levels_are_kept_by_depth_and_not_dissolved(tmp_path):
    path = write_geojson(tmp_path / "campur.geojson", [
        ({"kode": "36.74", "nama": "Kota Tangerang Selatan"}, square(106.6, -6.4, 0.2)),
        ({"kode": "36.74.1", "nama": "Serpong"}, square(106.6, -6.4, 0.1)),
        ({"kode": "36.74.01.1001", "nama": "Serpong"}, square(106.6, -6.4, 0.05)),
    ])
    loaded = load_boundaries(path)
    assert loaded.report["levels"] == {"kabupaten": 1, "kecamatan": 1, "desa": 1}
    assert loaded.report["dissolved"] == {}
    assert loaded.areas[[Col.KODE, Col.LEVEL, Col.KODE_INDUK]].values.tolist() == [
        ["36.74", "kabupaten", "36"], ["36.74.01", "kecamatan", "36.74"],
        ["36.74.01.1001", "desa", "36.74.01"]]
    with pytest.raises(ValidationFailed) as e:
        load_boundaries(path, level=Level.DESA)
    assert [(p.key, p.row, p.params["tingkat_kode"]) for p in e.value.problems] == [
        ("batas_kode_tingkat_lain", 1, "kabupaten"), ("batas_kode_tingkat_lain", 2, "kecamatan")]


def test_unknown_level_is_refused(tmp_path):
    with pytest.raises(RekamError) as e:
        load_boundaries(tmp_path / "x.geojson", level="kelurahan")
    assert e.value.key == "batas_level_salah"


def test_duplicate_codes_same_name_are_unioned_different_names_refused(tmp_path):
    rows = [({"kode": "19.03.07", "nama": "Pulau Besar"}, square(106.0, -3.0)),
            ({"kode": "19.03.07", "nama": "PULAU BESAR"}, square(106.5, -3.0)),
            ({"kode": "19.03.01", "nama": "Toboali"}, square(106.2, -3.0))]
    loaded = load_boundaries(write_geojson(tmp_path / "pulau.geojson", rows))
    assert (loaded.report["merged_duplicates"], loaded.report["merged_kode"]) == (1, ["19.03.07"])
    merged = loaded.areas.set_index(Col.KODE).loc["19.03.07"]
    assert merged[Col.NAMA] == "Pulau Besar"
    assert merged.geometry.geom_type == "MultiPolygon" and merged.geometry.area == pytest.approx(0.0002)
    rows[1] = ({"kode": "19.03.07", "nama": "Lepar"}, square(106.5, -3.0))
    with pytest.raises(FileRefused) as e:
        load_boundaries(write_geojson(tmp_path / "ganda.geojson", rows))
    assert e.value.key == "batas_kode_ganda" and e.value.params == {"jumlah": 1, "kode": "19.03.07"}


def test_dissolved_parents_named_from_parent_name_columns(tmp_path):
    rows = [({"KDEPUM": f"18.09.0{k}.200{d}", "WADMKD": f"Desa {k}{d}", "WADMKC": kec,
              "WADMKK": "Kabupaten Pesawaran"}, square(105.0 + k * 0.1 + d * 0.01, -5.4))
            for k, kec in ((1, "Gedong Tataan"), (2, "Negeri Katon")) for d in (1, 2)]
    loaded = load_boundaries(write_geojson(tmp_path / "big.geojson", rows))
    areas = loaded.areas.set_index(Col.KODE)
    assert areas.loc["18.09.01", [Col.NAMA, Col.TIPE]].tolist() == ["Gedong Tataan", "kecamatan"]
    assert areas.loc["18.09", [Col.NAMA, Col.TIPE]].tolist() == ["Kabupaten Pesawaran", "kabupaten"]
    assert areas.geometry["18.09.02"].area == pytest.approx(2 * 0.0001)
    assert load_boundaries(write_geojson(tmp_path / "big.geojson", rows),
                           dissolve_parents=False).report["levels"] == {"desa": 4}


def test_every_refusal_has_indonesian_and_english_text():
    keys = ["batas_format", "batas_tidak_terbaca", "batas_zip_tidak_aman", "batas_zip_tanpa_data",
            "batas_banyak_lapisan", "batas_kosong", "batas_bukan_poligon", "batas_tanpa_crs",
            "batas_kolom_tidak_ada", "batas_tanpa_kode", "batas_kode_bukan_kemendagri", "batas_kode_ganda",
            "batas_kode_bps", "batas_kode_tidak_sah", "batas_kode_kosong", "batas_kode_tingkat_lain",
            "batas_level_salah"]
    for key in keys:
        indonesian, english = tr(key, "id"), tr(key, "en")
        assert indonesian != key and english != key and indonesian != english


def test_a_provinsi_outline_comes_once_its_last_kabupaten_is_imported(tmp_path, store_url):
    """Bangka Belitung's 7 kabupaten/kota (the official code table's) imported by two offices: after
    the first file (4 of 7) no provinsi outline; the second (the other 3) completes it: the outline is
    dissolved from the 4 stored and the 3 in the file, named as the table names it, and stored in the
    second version (rolling it back takes the outline away with its kabupaten/kota)."""
    from geo.ingest import import_boundaries
    from geo.store import Store

    codes = ["19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"]
    tiles = {k: square(105.0 + 0.125 * i, -2.0, 0.125) for i, k in enumerate(codes)}  # side by side: one strip
    store = Store.open(store_url)
    first = import_boundaries(store, write_geojson(tmp_path / "a.geojson", [({"kode": k, "nama": k}, tiles[k])
                                                                           for k in codes[:4]]))
    assert store.areas(level="provinsi").empty and "provinsi_digabung" not in first.loaded.report
    second = import_boundaries(store, write_geojson(tmp_path / "b.geojson", [({"kode": k, "nama": k}, tiles[k])
                                                                            for k in codes[4:]]))
    assert second.loaded.report["provinsi_digabung"] == ["19"]
    provinsi = store.areas(level="provinsi", geometry=True)
    assert list(provinsi[Col.KODE]) == ["19"] and list(provinsi[Col.NAMA]) == ["Kepulauan Bangka Belitung"]
    assert provinsi.geometry.iloc[0].equals(shapely.box(105.0, -2.0, 105.875, -1.875))
    assert list(provinsi[Col.TIPE]) == ["provinsi"]
    store.rollback(second.version_id)
    assert store.areas(level="provinsi").empty
    # a kabupaten/kota not in the code table's list (a fictional 99) never makes an outline
    third = import_boundaries(store, write_geojson(tmp_path / "c.geojson", [({"kode": "99.01", "nama": "X"},
                                                                            square(100.0, 0.0, 0.1))]))
    assert "provinsi_digabung" not in third.loaded.report and store.areas(level="provinsi").empty


def test_the_last_office_of_a_provinsi_imports_and_rolls_back_its_own_file(tmp_path, store_url):
    """Each office's editor writes only its own kabupaten/kota; the outline its file completes (or draws
    again) is the kabupaten/kota's, not a write above its area: the import and its rollback are the
    editor's. A replaced kabupaten/kota moves the provinsi's edge; rolling back brings the old one back."""
    from geo.ingest import import_boundaries
    from geo.ingest.rights import OutsideArea, rollback
    from geo.store import Store

    codes = ["19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"]
    tiles = {k: square(105.0 + 0.125 * i, -2.0, 0.125) for i, k in enumerate(codes)}
    store = Store.open(store_url)
    files = lambda name, shapes: write_geojson(tmp_path / name, [({"kode": k, "nama": k}, g)  # noqa: E731
                                                                 for k, g in shapes.items()])
    import_boundaries(store, files("a.geojson", {k: tiles[k] for k in codes[:6]}))
    last = import_boundaries(store, files("b.geojson", {"19.71": tiles["19.71"]}), writer_area="19.71")
    assert last.loaded.report["provinsi_digabung"] == ["19"]  # stored: refused "outside 19.71" before
    outline = lambda: store.areas(level="provinsi", geometry=True).geometry.iloc[0]  # noqa: E731
    assert outline().equals(shapely.box(105.0, -2.0, 105.875, -1.875))
    with pytest.raises(OutsideArea):  # the rule still holds for what the file itself holds
        import_boundaries(store, files("c.geojson", {"19.01": tiles["19.01"]}), writer_area="19.71")
    # 19.71's boundary corrected: its east edge 0.05° in; the provinsi's edge follows
    fixed = import_boundaries(store, files("d.geojson", {"19.71": shapely.box(105.75, -2.0, 105.825, -1.875)}),
                              writer_area="19.71")
    assert fixed.loaded.report["provinsi_digabung"] == ["19"]
    assert outline().equals(shapely.box(105.0, -2.0, 105.825, -1.875))
    rollback(store, fixed.version_id, writer_area="19.71")
    assert outline().equals(shapely.box(105.0, -2.0, 105.875, -1.875))
    rollback(store, last.version_id, writer_area="19.71")  # the editor's own import, outline and all
    assert store.areas(level="provinsi").empty

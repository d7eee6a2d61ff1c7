"""Boundary files without Kemendagri codes (GADM, geoBoundaries, OpenStreetMap, BIG without PUM codes,
name columns): every feature matched to the official code table by name within its parent, reported,
and stored only when nothing is left unmatched (or unmatched features are skipped on purpose).
Kota Tangerang Selatan (36.74) from ``tests/geo/tangsel_named.py``; SQLite and PostgreSQL."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from shapely.geometry import box

from geo.codes import official_areas, province_name
from geo.columns import INDUK_BARIS, NAMA_KAB, NAMA_KEC, NAMA_PROV
from geo.ingest import commit_boundaries, import_boundaries, prepare_boundaries
from geo.io.boundaries.load import feature_columns, open_boundaries
from geo.io.boundaries.named import read_named
from geo.join.boundaries import BOUNDARY_REPORT_COLUMNS, join_boundaries
from geo.schema import Col, FileRefused, RekamError, ValidationFailed
from geo.store import Store
from geo.text import describe
from tests.geo import tangsel_named as tn


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


def codes_by_feature(prepared) -> list:
    report = prepared.join.report
    return [k if isinstance(k, str) else None for k in report["kode"]]


# --- reading the names ----------------------------------------------------------------------------
def test_gadm_rows_carry_their_whole_hierarchy(tmp_path):
    rows, _ = tn.gadm_desa()
    frame, _ = open_boundaries(tn.write(tmp_path / "gadm41_IDN_4.geojson", rows))
    named = read_named(frame, feature_columns(frame))
    first = named.table.iloc[0]
    assert named.schema == "GADM"
    assert (first[Col.LEVEL], first[Col.NAMA], first[NAMA_PROV], first[NAMA_KAB], first[NAMA_KEC]) == (
        "desa", "Ciater", "Banten", "Kota Tangerang Selatan", "Serpong")  # TYPE_2 'Kota' makes the kind explicit
    assert named.table[INDUK_BARIS].isna().all()
    assert named.fields == {"provinsi": "NAME_1", "kabupaten": "NAME_2", "kecamatan": "NAME_3", "desa": "NAME_4"}


def test_osm_levels_and_the_feature_each_lies_in(tmp_path):
    rows, _ = tn.osm()
    frame, _ = open_boundaries(tn.write(tmp_path / "osm.geojson", rows))
    named = read_named(frame, feature_columns(frame))
    assert named.schema == "OSM"
    assert named.table[Col.LEVEL].tolist()[:3] == ["kabupaten", "kecamatan", "desa"]
    assert named.table[Col.LEVEL].iloc[-1] is None  # admin_level 9 (an RW): no level the product knows
    parents = [None if pd.isna(v) else int(v) for v in named.table[INDUK_BARIS]]
    assert parents[:4] == [None, 1, 2, 2]  # kelurahan in the kecamatan, it in the kota
    assert parents[-1] is None and named.table[Col.NAMA].iloc[-1] == "RW 05"


def test_a_file_that_names_nothing_or_no_level_is_refused(tmp_path):
    frame, _ = open_boundaries(tn.write(tmp_path / "a.geojson", [({"id": 1, "luas": 3.2}, box(106.6, -6.3, 106.7, -6.2))]))
    with pytest.raises(FileRefused) as err:
        read_named(frame, feature_columns(frame))
    assert err.value.key == "batas_tanpa_nama" and "id, luas" in describe(err.value)
    frame, _ = open_boundaries(tn.write(tmp_path / "b.geojson", [({"nama": "Serpong"}, box(106.6, -6.3, 106.7, -6.2))]))
    with pytest.raises(FileRefused) as err:
        read_named(frame, feature_columns(frame))
    assert err.value.key == "batas_tingkat_perlu" and "--level" in describe(err.value)
    with pytest.raises(ValidationFailed) as err:
        read_named(*_opened(tmp_path, tn.gadm_desa(stranger=False)[0]), level="kecamatan")
    assert {p.key for p in err.value.problems} == {"batas_tingkat_lain"} and len(err.value.problems) == 54


def _opened(tmp_path, rows):
    frame, _ = open_boundaries(tn.write(tmp_path / "f.geojson", rows))
    return frame, feature_columns(frame)


# --- matching -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name_2, type_2", [("Tangerang Selatan", "Kota"), ("Kota Tangerang Selatan", None),
                                            ("Tangerang Selatan", None), ("Kota Tangerang Selatan", "Kota")])
def test_gadm_desa_match_top_down_whatever_gadm_calls_the_kota(store, tmp_path, name_2, type_2):
    rows, expected = tn.gadm_desa(name_2=name_2, type_2=type_2)
    prepared = prepare_boundaries(store, tn.write(tmp_path / "gadm.geojson", rows))
    assert codes_by_feature(prepared) == expected
    report = prepared.join.report
    assert list(report.columns) == list(BOUNDARY_REPORT_COLUMNS)
    assert report["cara"].value_counts().to_dict() == {"nama": 53, "nama_mirip": 1, "tidak_cocok": 1}
    similar = report[report["cara"] == "nama_mirip"].iloc[0]
    assert (similar["nama_file"], similar["nama"], similar["nama_induk_file"]) == ("Cirendeu", "Cireundeu", "Ciputattimur")
    lost = prepared.unmatched.iloc[0]
    assert (lost["baris"], lost["nama_file"], lost["alasan"]) == (55, tn.STRANGER, "tidak_cocok")
    assert [c["nama"] for c in lost["kandidat"]] == ["Cireundeu", "Rengas", "Pisangan"]  # 3 closest in its kecamatan


def test_unmatched_features_refuse_the_import_until_skipped_or_picked(store, tmp_path):
    rows, expected = tn.gadm_desa()
    missing = expected.index("36.74.05.1001")  # the file lacks Cempaka Putih…
    del rows[missing], expected[missing]
    path = tn.write(tmp_path / "gadm.geojson", rows)
    prepared = prepare_boundaries(store, path)
    with pytest.raises(RekamError) as err:
        commit_boundaries(store, prepared)
    assert err.value.key == "batas_ada_fitur_tak_cocok" and "fitur 54" in describe(err.value)
    assert store.history().empty and store.areas().empty  # nothing stored, nothing dropped silently
    # …and the officer knows the feature it calls "Situ Gintung" is Cempaka Putih: picked by hand.
    picked = prepare_boundaries(store, path, overrides={54: "36.74.05.1001"})
    assert picked.join.report.set_index("baris").loc[54, "cara"] == "manual" and picked.unmatched.empty
    # A pick onto an area another feature already is: two names on one area, refused as in a recording file.
    twice = prepare_boundaries(store, path, overrides={54: "36.74.05.1004"})
    assert [p.key for p in twice.blocking] == ["wilayah_ganda"]
    version = commit_boundaries(store, picked)
    stored = store.areas()
    assert stored.groupby(Col.LEVEL).size().to_dict() == {"desa": 54, "kabupaten": 1, "kecamatan": 7}
    names = dict(zip(stored[Col.KODE], stored[Col.NAMA]))
    assert (names["36.74"], names["36.74.03"], names["36.74.03.1005"], names["36.74.05"]) == (
        "Kota Tangerang Selatan", "Pondok Aren", "Pondok Aren", "Ciputat Timur")  # official names, not "Pd. Aren"
    report = store.history().set_index("id").loc[version, "report"]
    assert report["skema"] == "GADM" and report["tidak_cocok"] == 0 and len(report["cocok"]) == 54
    assert json.dumps(report)  # kept with the version, for the Data page


def test_skip_unmatched_stores_the_rest_and_says_so(store, tmp_path):
    done = import_boundaries(store, tn.write(tmp_path / "gadm.geojson", tn.gadm_desa()[0]), skip_unmatched=True)
    assert done.loaded.report["tidak_cocok"] == 1 and len(store.areas(level="desa")) == 54
    assert done.join.report.set_index("baris").loc[55, "cara"] == "tidak_cocok"


def test_geoboundaries_needs_the_parent_area(store, tmp_path):
    rows, expected = tn.geoboundaries("ADM4")
    path = tn.write(tmp_path / "geoBoundaries-IDN-ADM4.geojson", rows)
    with pytest.raises(RekamError) as err:
        prepare_boundaries(store, path)
    assert err.value.key == "batas_perlu_wilayah" and "--within" in describe(err.value)
    prepared = prepare_boundaries(store, path, within="3674")  # undotted, as people type it
    assert codes_by_feature(prepared) == expected and prepared.unmatched.empty
    kec_rows, kec_codes = tn.geoboundaries("ADM3")
    kec = prepare_boundaries(store, tn.write(tmp_path / "adm3.geojson", kec_rows), within="36.74")
    assert codes_by_feature(kec) == kec_codes  # 'Ciputattimur' is Ciputat Timur
    assert kec.loaded.report["skema"] == "geoBoundaries"


def test_geoboundaries_with_parent_name_columns_needs_no_within(store, tmp_path):
    kec = tn.kecamatan()
    rows = [(dict(props, kecamatan=kec[k.rsplit(".", 1)[0]]), geom)
            for (props, geom), k in zip(*tn.geoboundaries("ADM4"))]
    # A kecamatan name alone is searched nationwide: "Setu" is also a kecamatan of Kabupaten Bekasi.
    with pytest.raises(RekamError) as err:
        prepare_boundaries(store, tn.write(tmp_path / "adm4.geojson", rows))
    assert err.value.params["baris"] == "49, 50, 51, 52, 53, 54"  # Setu's six kelurahan
    rows = [(dict(props, kabupaten="Kota Tangerang Selatan"), geom) for props, geom in rows]
    prepared = prepare_boundaries(store, tn.write(tmp_path / "adm4_kab.geojson", rows))
    assert codes_by_feature(prepared) == list(tn.kelurahan())
    assert prepared.join.report["nama_induk_file"].iloc[0] == "Serpong"
    assert not [p for p in prepared.join.problems if p.key.startswith("batas_induk")]


def test_osm_export_of_several_levels_matches_each_inside_the_one_above(store, tmp_path):
    rows, expected = tn.osm("36.74.03")
    prepared = prepare_boundaries(store, tn.write(tmp_path / "osm.geojson", rows))
    assert codes_by_feature(prepared) == expected  # no --within: the kota is found in Banten, then inward
    lost = prepared.unmatched.iloc[0]
    assert (lost["nama_file"], lost["alasan"]) == ("RW 05", "batas_tingkat_tidak_dikenal")
    version = commit_boundaries(store, prepared, skip_unmatched=True)
    assert version == 1 and store.areas().groupby(Col.LEVEL).size().to_dict() == {
        "desa": 11, "kabupaten": 1, "kecamatan": 1}


def test_big_file_without_its_codes_is_matched_by_its_names(store, tmp_path):
    rows, expected = tn.big_without_codes()
    prepared = prepare_boundaries(store, tn.write(tmp_path / "big.geojson", rows))
    assert prepared.loaded.report["skema"] == "BIG" and codes_by_feature(prepared) == expected


def test_name_columns_with_a_parent_column(store, tmp_path):
    kec = tn.kecamatan()
    rows = [({"nama": tn.written(n), "kecamatan": f"KEC. {kec[k.rsplit('.', 1)[0]].upper()}"}, tn.square(k))
            for k, n in tn.kelurahan().items()]
    prepared = prepare_boundaries(store, tn.write(tmp_path / "desa.geojson", rows), level="desa", within="36.74")
    assert codes_by_feature(prepared) == list(tn.kelurahan())


def test_kota_and_kabupaten_of_the_same_name_are_kept_apart(tmp_path):
    # GADM level 3: Panongan lies in Kabupaten Tangerang, Cipondoh in Kota Tangerang; both write "Tangerang".
    rows = [({"NAME_1": "Banten", "NAME_2": "Tangerang", "TYPE_2": t, "NAME_3": n}, box(106.5 + i / 10, -6.2, 106.55 + i / 10, -6.15))
            for i, (t, n) in enumerate([("Kabupaten", "Panongan"), ("Kota", "Cipondoh"), ("Kota", "Panongan")])]
    frame, columns = _opened(tmp_path, rows)
    result = join_boundaries(read_named(frame, columns).table, official_areas())
    assert result.report["kode"].tolist()[:2] == ["36.03.19", "36.71.05"]
    assert result.report["cara"].tolist()[2] == "tidak_cocok"  # no Panongan in Kota Tangerang


def test_province_names_other_schemas_use():
    assert province_name("Jakarta Raya") == "Daerah Khusus Ibukota Jakarta"
    assert province_name("West Java") == "Jawa Barat" and province_name("Banten") is None


def test_two_features_with_different_names_on_one_area_block(store, tmp_path):
    rows = [({"shapeName": "Pondok Aren", "shapeType": "ADM4"}, tn.square("36.74.03.1005")),
            ({"shapeName": "Pd. Aren", "shapeType": "ADM4"}, tn.square("36.74.03.1006")),
            ({"shapeName": "Pondok Aren", "shapeType": "ADM4"}, tn.square("36.74.03.1005").buffer(0.001))]
    prepared = prepare_boundaries(store, tn.write(tmp_path / "dua.geojson", rows), within="36.74.03")
    assert [p.key for p in prepared.blocking] == ["wilayah_ganda"]  # features 1 and 3 are one area in two parts
    assert prepared.blocking[0].params["baris_semua"] == "1, 2"
    with pytest.raises(ValidationFailed):
        commit_boundaries(store, prepared, skip_unmatched=True)


def test_a_bad_within_is_said_plainly(store, tmp_path):
    with pytest.raises(RekamError) as err:
        prepare_boundaries(store, tn.write(tmp_path / "a.geojson", tn.geoboundaries()[0]), within="Tangsel")
    assert err.value.key == "batas_wilayah_salah"


# --- real geometry --------------------------------------------------------------------------------
def test_real_tangsel_polygons_written_as_gadm(real_dir, store, tmp_path):
    """The 54 real kelurahan polygons with GADM attributes (and GADM's spellings): each gets the code
    the polygon really has; kecamatan and the kota are dissolved from them."""
    source = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    real = json.loads(source.read_text(encoding="utf-8"))["features"]
    from shapely.geometry import shape

    geometry = {f["properties"]["kode"]: shape(f["geometry"]) for f in real}
    rows, expected = tn.gadm_desa(geometry, stranger=False)
    done = import_boundaries(store, tn.write(tmp_path / "gadm41_IDN_4_tangsel.geojson", rows))
    assert codes_by_feature(done) == expected == sorted(geometry)
    areas = store.areas(geometry=True).set_index(Col.KODE)
    assert areas.geometry["36.74.03.1005"].equals_exact(geometry["36.74.03.1005"], 1e-9)
    assert done.loaded.report["dissolved"] == {"kecamatan": 7, "kabupaten": 1}

"""The shipped Kemendagri code table, and areas named from it when a file leaves them unnamed."""
from __future__ import annotations

import csv

import pytest

from geo.codes import official_name, official_names
from geo.ingest import import_boundaries
from geo.schema import Col, Level
from geo.store import Store


def test_the_shipped_table_is_the_official_one(real_dir):
    source = real_dir / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
    with source.open(encoding="utf-8", newline="") as fh:
        rows = {r["kode"].strip(): " ".join(r["nama"].split()) for r in csv.DictReader(fh)}
    assert official_names() == rows
    assert len(rows) == 91_599
    levels = [Level.of_code(k) for k in rows]
    assert [levels.count(lvl) for lvl in Level] == [38, 514, 7_285, 83_762]


def test_names_by_code():
    assert official_name("19.03") == "Kabupaten Bangka Selatan"
    assert official_name("36.74") == "Kota Tangerang Selatan"
    assert official_name("99.01") is None  # the synthetic demo's fictional provinsi


@pytest.mark.parametrize("kabupaten", ["18.09", "19.03"])
def test_a_desa_only_file_names_its_kecamatan_and_kabupaten(real_dir, store_url, kabupaten):
    """The common case: an office has a desa boundary file only; its parents are dissolved
    from the desa and must be shown by name, never as '18.09.05'."""
    name = {"18.09": "desa_kelurahan_18.09_pesawaran.geojson",
            "19.03": "desa_kelurahan_19.03_bangka_selatan.geojson"}[kabupaten]
    store = Store.open(store_url)
    result = import_boundaries(store, real_dir / "cahyadsn_wilayah_boundaries" / name, level="desa")
    areas = store.areas(within=kabupaten)
    parents = areas[areas[Col.LEVEL] != Level.DESA.value]
    assert len(parents) > 5
    assert (parents[Col.NAMA] != parents[Col.KODE]).all()
    assert dict(zip(parents[Col.KODE], parents[Col.NAMA])) == {k: official_name(k) for k in parents[Col.KODE]}
    assert "tanpa_nama" not in result.loaded.report
    store.close()

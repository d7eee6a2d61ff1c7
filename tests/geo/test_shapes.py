"""Map shapes are simplified at import, kept in the store and found again by every later map."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity

from geo import shapes
from geo.coverage import coverage_table
from geo.ingest import import_boundaries
from geo.render import maps
from geo.schema import DATA_DIR, LEVELS, Col, Level
from geo.shapes import ShapeCache, view_key
from geo.simplify import simplify_for_level
from geo.store import Store

DEMO_DESA = DATA_DIR / "demo" / "wilayah_desa.geojson"


@pytest.fixture
def imported(store_url):
    store = Store.open(store_url)
    done = import_boundaries(store, DEMO_DESA, level="desa")
    yield store, done, store_url
    store.close()


def _expected_views(store: Store) -> list[tuple[str, str]]:
    """Every (area, level) a map can show, listed from the stored areas themselves."""
    desa = store.areas(level=Level.DESA)[Col.KODE]
    province = {k.split(".")[0] for k in desa}
    parents = sorted(province | set(store.areas(level=Level.KABUPATEN)[Col.KODE])
                     | set(store.areas(level=Level.KECAMATAN)[Col.KODE]))
    return [(p, lvl.value) for p in parents for lvl in LEVELS[Level.of_code(p).depth:]]


def _view(store: Store, area: str, level: str):
    frame = store.areas(within=area, level=level, geometry=True)
    return frame[Col.KODE], frame.geometry.values


def test_import_prepares_every_view_of_the_file(imported):
    store, done, url = imported
    expected = _expected_views(store)
    n_kecamatan = len(store.areas(level=Level.KECAMATAN))
    assert len(expected) == 3 + 2 + n_kecamatan  # provinsi: 3 levels, kabupaten: 2, each kecamatan: 1
    # views showing the same areas (a province of one kabupaten shows that kabupaten's
    # kecamatan and desa) share their shapes: each distinct one is simplified once
    distinct = {view_key(*_view(store, area, level), level) for area, level in expected}
    assert len(distinct) == len(expected) - 2
    assert done.loaded.report["tampilan_peta_disiapkan"] == len(distinct)
    assert [(a, lvl.value) for a, lvl in shapes.views(store.areas()[Col.KODE])] == expected

    later = ShapeCache(Store.open(url))
    for area, level in expected:  # a new process (server restart) finds each one in the store
        assert later.has(*_view(store, area, level), level), (area, level)
    assert later.simplified_views == 0


def test_stored_shapes_are_the_simplification_of_the_view(imported):
    store, _, _ = imported
    frame = store.areas(within="99.01.04", level=Level.DESA, geometry=True)
    fresh = simplify_for_level(frame, Level.DESA).geometry.values
    got = ShapeCache(store).simplified(frame[Col.KODE], frame.geometry.values, Level.DESA)
    assert list(shapely.to_wkb(got)) == list(shapely.to_wkb(np.asarray(fresh, dtype=object)))
    # and they are simplified: fewer vertices than the stored boundaries
    assert shapely.get_num_coordinates(got).sum() < shapely.get_num_coordinates(frame.geometry.values).sum()


def test_a_map_after_import_simplifies_nothing(imported):
    store, _, _ = imported
    cache = ShapeCache(store)
    for area, level in (("99.01", Level.KECAMATAN), ("99.01", Level.DESA), ("99.01.04", Level.DESA)):
        m = maps.coverage_map(coverage_table(store, level, within=area, geometry=True), shapes=cache)
        assert m.get_root().render().count('"kode":"99.01.') == len(store.areas(within=area, level=level))
    assert cache.simplified_views == 0


def test_key_ignores_row_order_and_follows_geometry_and_level():
    codes = ["99.01.01.2001", "99.01.01.2002"]
    geometry = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], dtype=object)
    key = view_key(codes, geometry, Level.DESA)
    assert view_key(codes[::-1], geometry[::-1], Level.DESA) == key
    assert view_key(codes, geometry, Level.KECAMATAN) != key
    moved = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1.5)], dtype=object)
    assert view_key(codes, moved, Level.DESA) != key
    assert view_key(["99.01.01.2001", "99.01.01.2003"], geometry, Level.DESA) != key


def test_new_boundaries_get_new_shapes_and_a_rollback_finds_the_old_ones(imported, tmp_path):
    store, _, _ = imported
    kecamatan = "99.01.04"
    before = _view(store, kecamatan, "desa")
    # The office redraws one desa: the file holds that desa only (its parents stay as stored).
    source = json.loads(DEMO_DESA.read_text())
    feature = next(f for f in source["features"] if f["properties"]["kode"] == f"{kecamatan}.2001")
    ring = np.array(feature["geometry"]["coordinates"][0][0] if feature["geometry"]["type"] == "MultiPolygon"
                    else feature["geometry"]["coordinates"][0])
    smaller = shapely.affinity.scale(shapely.Polygon(ring), 0.9, 0.9)
    feature["geometry"] = json.loads(shapely.to_geojson(smaller))
    path = tmp_path / "satu_desa.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    redone = import_boundaries(store, path, level="desa")
    # Only the desa views that hold it are new: the kabupaten's (the same areas as the
    # province's in the demo) and its kecamatan's. The file's parents are kept as stored,
    # so the kecamatan and kabupaten views are unchanged and already prepared.
    assert redone.loaded.report["tampilan_peta_disiapkan"] == 2
    after = _view(store, kecamatan, "desa")
    assert view_key(*after, "desa") != view_key(*before, "desa")
    assert ShapeCache(store).has(*after, "desa")

    store.rollback(redone.version_id)
    restored = _view(store, kecamatan, "desa")
    assert view_key(*restored, "desa") == view_key(*before, "desa")
    cache = ShapeCache(store)
    cache.simplified(*restored, "desa")
    assert cache.simplified_views == 0


def test_without_a_store_the_cache_lives_in_memory():
    codes = pd.Series(["99.01.01.2001", "99.01.01.2002"])
    geometry = np.array([shapely.box(106.0, -6.0, 106.1, -5.9), shapely.box(106.1, -6.0, 106.2, -5.9)],
                        dtype=object)
    cache = ShapeCache()
    first = cache.simplified(codes, geometry, Level.DESA)
    again = cache.simplified(codes[::-1], geometry[::-1], Level.DESA)
    assert cache.simplified_views == 1
    assert [g.wkb for g in again] == [g.wkb for g in first[::-1]]

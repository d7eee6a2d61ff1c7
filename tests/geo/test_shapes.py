"""Map shapes are simplified at import, kept in the store and found again by every later map."""
from __future__ import annotations

import json
import sys
import types

import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity

from geo import shapes
from geo.coverage import coverage_table
from geo.ingest import import_boundaries
from geo.render import maps
from geo.schema import DATA_DIR, Col, Level
from geo.shapes import COUNTRY_VIEW, ShapeCache, view_key
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
    """Every (area, level) an import prepares, listed from the stored areas themselves: the
    country's provinsi and kabupaten, each provinsi's kabupaten and kecamatan, each kabupaten's
    kecamatan and desa, each kecamatan's desa."""
    desa = store.areas(level=Level.DESA)[Col.KODE]
    kabupaten = store.areas(level=Level.KABUPATEN)[Col.KODE]
    kecamatan = store.areas(level=Level.KECAMATAN)[Col.KODE]
    views = [(COUNTRY_VIEW, "provinsi"), (COUNTRY_VIEW, "kabupaten")]
    views += [(p, lvl) for p in sorted({k.split(".")[0] for k in desa}) for lvl in ("kabupaten", "kecamatan")]
    views += [(k, lvl) for k in kabupaten for lvl in ("kecamatan", "desa")]
    views += [(k, "desa") for k in kecamatan]
    return sorted(views, key=lambda v: (v[0], Level(v[1]).depth))


def _view(store: Store, area: str, level: str):
    frame = store.areas(within=area or None, level=level, geometry=True)
    return frame[Col.KODE], frame.geometry.values


def test_import_prepares_the_views_one_step_away(imported):
    store, done, url = imported
    expected = _expected_views(store)
    n_kecamatan = len(store.areas(level=Level.KECAMATAN))
    assert len(expected) == 2 + 2 + 2 + n_kecamatan
    assert [(a, lvl.value) for a, lvl in shapes.views(store.areas()[Col.KODE])] == expected
    # the demo stores no provinsi outline: the country's provinsi view has nothing to draw
    drawn = [(area, level) for area, level in expected if len(_view(store, area, level)[0])]
    assert drawn == [v for v in expected if v != (COUNTRY_VIEW, "provinsi")]
    # views showing the same areas (the country, the province and the kabupaten of the demo's one
    # kabupaten) share their shapes: each distinct one is simplified once
    distinct = {view_key(*_view(store, area, level), level) for area, level in drawn}
    assert len(distinct) == len(drawn) - 2
    assert done.loaded.report["tampilan_peta_disiapkan"] == len(distinct)

    later = ShapeCache(Store.open(url))
    for area, level in drawn:  # a new process (server restart) finds each one in the store
        assert later.has(*_view(store, area, level), level), (area, level)
    assert later.simplified_views == 0


def test_a_province_desa_view_is_prepared_once_when_first_asked_for(imported):
    store, _, url = imported
    desa = _view(store, "99", "desa")
    kabupaten_desa = _view(store, "99.01", "desa")
    # the demo's province holds one kabupaten: its desa view is the kabupaten's, prepared at import
    assert view_key(*desa, "desa") == view_key(*kabupaten_desa, "desa")
    one_kecamatan = store.areas(within="99.01", level=Level.KECAMATAN)[Col.KODE].iloc[0]
    frame = store.areas(within="99.01", level=Level.DESA, geometry=True)
    frame = frame[~frame[Col.KODE].str.startswith(one_kecamatan + ".")]  # a view no import prepares
    cache = ShapeCache(store)
    assert not cache.has(frame[Col.KODE], frame.geometry.values, Level.DESA)
    future = cache.prepare(frame[Col.KODE], frame.geometry.values, Level.DESA)
    again = cache.prepare(frame[Col.KODE], frame.geometry.values, Level.DESA)  # a second session, meanwhile
    assert [g.wkb for g in future.result()] == [g.wkb for g in again.result()]
    assert cache.simplified_views == 1
    later = ShapeCache(Store.open(url))
    assert later.has(frame[Col.KODE], frame.geometry.values, Level.DESA)
    codes, geometry = shapes.view_shapes(store, "99.01", Level.KECAMATAN, later)
    assert len(codes) == len(geometry) == len(store.areas(within="99.01", level=Level.KECAMATAN))
    assert later.simplified_views == 0


def test_many_views_in_worker_processes_give_the_same_shapes(store_url, tmp_path, monkeypatch):
    serial = Store.open(store_url)
    import_boundaries(serial, DEMO_DESA, level="desa")
    pooled = Store.open(f"sqlite:///{tmp_path / 'pooled.sqlite'}")
    monkeypatch.setattr(shapes, "WORKERS", 1)  # the import itself: nothing prepared yet
    monkeypatch.setattr(shapes, "views", lambda codes: [])
    import_boundaries(pooled, DEMO_DESA, level="desa")
    monkeypatch.undo()
    monkeypatch.setattr(shapes, "POOL_MIN_VERTICES", 0)
    # In the dashboard, Streamlit puts the running page in sys.modules["__main__"]: spawned
    # workers must not run it again.
    page = tmp_path / "page.py"
    page.write_text("raise SystemExit('a page ran in a worker')\n")
    monkeypatch.setitem(sys.modules, "__main__", types.SimpleNamespace(__file__=str(page), __spec__=None))
    codes = pooled.areas()[Col.KODE]
    assert shapes.warm(pooled, codes, workers=2) == len({view_key(*_view(pooled, a, lvl), lvl)
                                                         for a, lvl in shapes.views(codes)
                                                         if len(_view(pooled, a, lvl)[0])})
    from_pool, from_serial = ShapeCache(pooled), ShapeCache(serial)
    for area, level in _expected_views(serial)[1:]:
        view = _view(serial, area, level)
        assert [g.wkb for g in from_pool.simplified(*view, level)] == \
            [g.wkb for g in from_serial.simplified(*view, level)], (area, level)
    assert from_pool.simplified_views == from_serial.simplified_views == 0


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


def test_views_one_step_away_and_not_a_province_desa():
    got = shapes.views(["36.01.02.2003", "36.01", "36.01.02", "32.04.05.1001"])
    assert got == [
        (COUNTRY_VIEW, Level.PROVINSI), (COUNTRY_VIEW, Level.KABUPATEN),
        ("32", Level.KABUPATEN), ("32", Level.KECAMATAN),
        ("32.04", Level.KECAMATAN), ("32.04", Level.DESA), ("32.04.05", Level.DESA),
        ("36", Level.KABUPATEN), ("36", Level.KECAMATAN),
        ("36.01", Level.KECAMATAN), ("36.01", Level.DESA), ("36.01.02", Level.DESA),
    ]
    # a file of kabupaten only: the country's and the provinsi's kabupaten views
    assert shapes.views(["36.01"]) == [(COUNTRY_VIEW, Level.PROVINSI), (COUNTRY_VIEW, Level.KABUPATEN),
                                       ("36", Level.KABUPATEN)]

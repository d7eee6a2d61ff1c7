"""Store: versions, current-state queries, rollback and atomic imports, on SQLite and PostgreSQL."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.coverage import aggregate, area_totals, coverage_table, previous_date
from geo.schema import Col, StoreError
from geo.store import Store


def _areas():
    rows = [
        ("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 3, 1)),
        ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(0, 0, 2, 1)),
        ("99.01.02", "Kec B", "kecamatan", "99.01", "kecamatan", box(2, 0, 3, 1)),
        ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", box(0, 0, 1, 1)),
        ("99.01.01.1002", "Kel A2", "desa", "99.01.01", "kelurahan", box(1, 0, 2, 1)),
        ("99.01.02.2001", "Desa B1", "desa", "99.01.02", "desa", box(2, 0, 3, 1)),
    ]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


def _snapshot(wajib, sudah, kodes=("99.01.01.2001", "99.01.01.1002", "99.01.02.2001")):
    return pd.DataFrame({Col.KODE: list(kodes), Col.WAJIB: wajib, Col.SUDAH: sudah})


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


def test_areas_round_trip_with_geometry(store):
    store.add_areas(_areas(), file_name="batas.geojson", user="tester")
    got = store.areas(within="99.01.01", geometry=True)
    assert list(got[Col.KODE]) == ["99.01.01", "99.01.01.1002", "99.01.01.2001"]
    assert got.crs.to_epsg() == 4326
    assert got.set_index(Col.KODE).geometry["99.01.01.1002"].equals(box(1, 0, 2, 1))
    assert list(store.areas(level="desa")[Col.KODE]) == ["99.01.01.1002", "99.01.01.2001", "99.01.02.2001"]


def test_coverage_sums_counts_and_takes_latest_snapshot(store):
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([1000, 500, 250], [900, 470, 200]), tanggal="2026-01-05")
    store.add_enrollment(_snapshot([1000, 500, 250], [925, 480, 230]), tanggal="2026-01-12")
    kec = coverage_table(store, "kecamatan", within="99.01").set_index(Col.KODE)
    # Kec A = (925 + 480) / (1000 + 500) = 93.666…% → hijau; never the mean of 92.5 and 96.
    assert kec.loc["99.01.01", Col.SUDAH] == 1405
    assert kec.loc["99.01.01", Col.CAKUPAN] == pytest.approx(100 * 1405 / 1500)
    assert kec.loc["99.01.01", Col.ZONA] == "hijau"
    assert kec.loc["99.01.02", Col.CAKUPAN] == pytest.approx(92.0)
    assert kec.loc["99.01.02", Col.ZONA] == "hijau"  # on the threshold: the better zone
    earlier = coverage_table(store, "desa", within="99.01", date="2026-01-10").set_index(Col.KODE)
    assert earlier.loc["99.01.02.2001", Col.SUDAH] == 200
    assert earlier.loc["99.01.02.2001", Col.ZONA] == "merah"  # 80%
    total = area_totals(store, "99.01")
    assert (total[Col.WAJIB], total[Col.SUDAH], total[Col.BELUM]) == (1750, 1635, 115)
    assert previous_date(store, "99.01") == "2026-01-05"


def test_area_without_data_is_kept_with_no_zone(store):
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([100], [95], kodes=["99.01.01.2001"]), tanggal="2026-01-05")
    desa = coverage_table(store, "desa", within="99.01").set_index(Col.KODE)
    assert len(desa) == 3
    assert pd.isna(desa.loc["99.01.02.2001", Col.CAKUPAN])
    assert pd.isna(desa.loc["99.01.02.2001", Col.ZONA])


def test_rollback_restores_previous_state_exactly(store):
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([100, 100, 100], [90, 91, 92]), tanggal="2026-01-05")
    before = store.enrollment()
    bad = store.add_enrollment(_snapshot([100, 100, 100], [1, 2, 3]), tanggal="2026-01-05")
    assert list(store.enrollment()[Col.SUDAH]) == [2, 1, 3]
    store.rollback(bad, user="editor")
    pd.testing.assert_frame_equal(store.enrollment(), before)
    hist = store.history().set_index("id")
    assert not hist.loc[bad, "active"] and hist.loc[bad, "rolled_back_by"] == "editor"
    with pytest.raises(StoreError) as err:
        store.rollback(bad)
    assert err.value.key == "versi_sudah_dibatalkan"
    with pytest.raises(StoreError):
        store.rollback(999)


def test_failed_import_writes_nothing(store):
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([100, 100, 100], [90, 91, 92]), tanggal="2026-01-05")
    n_versions = len(store.history())
    dup = pd.concat([_snapshot([1, 1, 1], [1, 1, 1])] * 2)  # primary key violation mid-import
    with pytest.raises(StoreError) as err:
        store.add_enrollment(dup, tanggal="2026-01-05")
    assert err.value.key == "db_gagal_menulis"
    assert len(store.history()) == n_versions
    assert list(store.enrollment()[Col.SUDAH]) == [91, 90, 92]


def test_above_100_is_flagged_not_clipped(store):
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([1000], [1067], kodes=["99.01.01.2001"]), tanggal="2026-01-05")
    row = coverage_table(store, "desa").set_index(Col.KODE).loc["99.01.01.2001"]
    assert row[Col.CAKUPAN] == pytest.approx(106.7)
    assert bool(row[Col.DI_ATAS_100])
    assert (row[Col.BELUM], row[Col.KELEBIHAN], row[Col.N_DI_ATAS_100]) == (0, 67, 1)  # never a negative belum


def test_aggregate_prefers_finest_level():
    rows = pd.DataFrame({
        Col.KODE: ["99.01.01", "99.01.01.2001", "99.01.02"],
        Col.TANGGAL: ["2026-01-01", "2026-01-08", "2026-01-01"],
        Col.WAJIB: pd.array([999, 100, 300], dtype="Int64"),
        Col.SUDAH: pd.array([1, 90, 150], dtype="Int64"),
    })
    for c in (Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA):
        rows[c] = pd.array([None] * 3, dtype="Int64")
    out = aggregate(rows, "kecamatan").set_index(Col.KODE)
    assert out.loc["99.01.01", Col.WAJIB] == 100  # desa data wins over the stale kecamatan row
    assert out.loc["99.01.02", Col.WAJIB] == 300
    assert aggregate(rows, "kabupaten").set_index(Col.KODE).loc["99.01", Col.WAJIB] == 400


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StoreError) as err:
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert err.value.key == "db_tidak_bisa_dibuka"


def test_change_since_a_date_in_points(store):
    from geo.coverage import coverage_change

    store.add_areas(_areas())
    store.add_enrollment(_snapshot([1000, 500, 250], [900, 470, 200]), tanggal="2026-01-05")
    store.add_enrollment(_snapshot([1000, 500, 250], [925, 480, 230]), tanggal="2026-01-12")
    desa = coverage_change(store, "desa", since="2026-01-05").set_index(Col.KODE)
    assert desa.loc["99.01.01.2001", Col.PERUBAHAN] == pytest.approx(2.5)
    assert desa.loc["99.01.02.2001", Col.PERUBAHAN] == pytest.approx(12.0)


def test_a_partial_desa_file_keeps_the_stored_parents(store, tmp_path):
    import json

    from geo.ingest import import_boundaries

    store.add_areas(_areas())
    part = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"kode": "99.01.01.2001", "nama": "Desa A1 Baru"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [0.9, 0], [0.9, 1], [0, 1], [0, 0]]]}}]}
    path = tmp_path / "sebagian.geojson"
    path.write_text(json.dumps(part))
    done = import_boundaries(store, path, level="desa")
    assert done.loaded.report["induk_dipertahankan"] == ["99.01", "99.01.01"]
    got = store.areas(geometry=True).set_index(Col.KODE)
    assert got.loc["99.01.01", Col.NAMA] == "Kec A" and got.geometry["99.01.01"].equals(box(0, 0, 2, 1))
    assert got.loc["99.01.01.2001", Col.NAMA] == "Desa A1 Baru"


def test_the_same_file_twice_is_refused_inside_the_write(store):
    """The check that runs before a file is read cannot stop two identical uploads that pass it
    at the same moment; the write itself checks again, in its transaction."""
    from geo.schema import RekamError

    first = store.add_areas(_areas(), file_name="batas.geojson", file_hash="abc123")
    before = (store.history()["id"].tolist(), len(store.areas()))
    with pytest.raises(RekamError) as refused:
        store.add_areas(_areas(), file_name="batas (salinan).geojson", file_hash="abc123")
    assert refused.value.key == "berkas_sudah_diimpor" and refused.value.params["versi"] == first
    assert (store.history()["id"].tolist(), len(store.areas())) == before
    again = store.add_areas(_areas(), file_name="batas.geojson", file_hash="abc123", force=True)  # on purpose
    store.rollback(again)
    store.rollback(first)  # once no active version holds the file, it may come in again
    assert store.add_areas(_areas(), file_name="batas.geojson", file_hash="abc123") > again


def test_a_store_from_an_older_version_gets_the_new_columns_and_keeps_its_rows(store_url):
    """An upgrade adds columns (a new count, say); the office's store is opened, not rebuilt.
    An older store is made here by dropping a column the product has."""
    from sqlalchemy import inspect, text

    store = Store.open(store_url)
    store.add_areas(_areas())
    store.add_enrollment(_snapshot([1000], [900], kodes=["99.01.01.2001"]), tanggal="2026-01-05")
    with store.engine.begin() as conn:
        conn.execute(text(f'ALTER TABLE enrollment DROP COLUMN "{Col.PEMULA}"'))
    store.close()
    reopened = Store.open(store_url)
    with reopened.engine.connect() as conn:
        assert Col.PEMULA in {c["name"] for c in inspect(conn).get_columns("enrollment")}
    assert list(reopened.enrollment()[Col.SUDAH]) == [900]
    reopened.close()


def _opened_by_four_at_once(url: str) -> list[bool]:
    """Four threads open the store at ``url`` at the same moment; whether each found it empty."""
    from concurrent.futures import ThreadPoolExecutor

    from geo.store import Store

    def open_and_count(_):
        s = Store.open(url)
        try:
            return s.is_empty()
        finally:
            s.close()

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(open_and_count, range(4)))


def test_replicas_opening_one_empty_database_at_once_all_succeed(store_url):
    """Four processes' worth of first opens at the same moment: the set-up takes turns, none fails."""
    assert _opened_by_four_at_once(store_url) == [True] * 4


def test_sqlite_files_opened_new_by_four_at_once_never_report_locked(tmp_path):
    """Switching a new SQLite file to WAL fails at once (no busy wait) while another opener holds it:
    seen as 'database is locked' in about one round of four openers in fifteen before openers retried
    the switch. Forty new files, four openers each: every open succeeds."""
    for round_ in range(40):
        assert _opened_by_four_at_once(f"sqlite:///{tmp_path / f'baru_{round_}.sqlite'}") == [True] * 4, round_


def test_current_rows_are_those_the_window_ranking_gives(store):
    """``areas`` and ``enrollment`` read the current rows by an anti-join; the reference is the
    window ranking of ``Store.current_query`` (newest active version, then the later date),
    over versions that overlap, a rollback, a date bound and an area filter."""
    from geo.store.tables import areas_table as a
    from geo.store.tables import enrollment_table as e

    store.add_areas(_areas())
    renamed = _areas()
    renamed[Col.NAMA] = renamed[Col.NAMA] + " Baru"
    store.add_areas(renamed.iloc[2:])  # a later boundary file for part of the areas
    store.rollback(store.add_areas(renamed.iloc[:1].assign(**{Col.NAMA: "Salah"})))
    store.add_enrollment(_snapshot([100, 100, 100], [90, 91, 92]), tanggal="2026-01-05")
    store.add_enrollment(_snapshot([100, 100], [95, 96], kodes=["99.01.01.2001", "99.01.02.2001"]),
                         tanggal="2026-01-12")
    store.add_enrollment(_snapshot([100], [97], kodes=["99.01.01.2001"]), tanggal="2026-01-05")  # a correction
    store.rollback(store.add_enrollment(_snapshot([100], [1], kodes=["99.01.02.2001"]), tanggal="2026-01-19"))

    def window(query) -> pd.DataFrame:
        with store.engine.connect() as conn:
            return pd.read_sql(query, conn)

    names = window(store.current_query(a, [a.c[Col.KODE]], columns=[a.c[Col.KODE], a.c[Col.NAMA]]))
    assert dict(zip(store.areas()[Col.KODE], store.areas()[Col.NAMA])) == dict(zip(names[Col.KODE], names[Col.NAMA]))
    assert store.areas()[Col.NAMA].tolist() == ["Kabupaten Uji", "Kec A", "Kel A2 Baru", "Desa A1 Baru", "Kec B Baru",
                                                 "Desa B1 Baru"]  # by code
    for latest in (False, True):
        for end, within in ((None, None), ("2026-01-10", None), (None, "99.01.02"), ("2026-01-10", "99.01.01")):
            got = store.enrollment(latest=latest, end=end, within=within)
            where = e.c[Col.KODE].like((within or "99") + ".%")
            where = where & (e.c[Col.TANGGAL] <= end) if end else where
            keys = [e.c[Col.KODE]] if latest else [e.c[Col.KODE], e.c[Col.TANGGAL]]
            expected = window(store.current_query(e, keys, where, order_extra=(e.c[Col.TANGGAL].desc(),)))
            expected = expected.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)
            assert got[[Col.KODE, Col.TANGGAL, Col.SUDAH, "version_id"]].astype(object).values.tolist() == \
                expected[[Col.KODE, Col.TANGGAL, Col.SUDAH, "version_id"]].astype(object).values.tolist()
    assert store.enrollment(latest=True)[Col.SUDAH].tolist() == [91, 95, 96]  # 1002, 2001 (12 Jan), B1 (12 Jan)


def test_a_store_without_the_areas_code_index_gets_it_on_open(store_url):
    """The index the current areas are looked up by came after stores existed: opening adds it."""
    from sqlalchemy import inspect, text

    store = Store.open(store_url)
    store.add_areas(_areas())
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX areas_kode"))
    store.close()
    reopened = Store.open(store_url)
    with reopened.engine.connect() as conn:
        assert "areas_kode" in {i["name"] for i in inspect(conn).get_indexes("areas")}
    assert len(reopened.areas()) == 6
    reopened.close()


def test_spatial_index_on_postgis_only_and_sqlite_never_loads_the_postgresql_dialect(store, tmp_path):
    from sqlalchemy import inspect

    indexes = {i["name"] for i in inspect(store.engine).get_indexes("areas")}
    assert ("areas_geom_gist" in indexes) == (store.engine.dialect.name == "postgresql")
    if store.engine.dialect.name == "postgresql":
        return
    import subprocess
    import sys

    probe = ("import sys; from geo.store import Store; s = Store.open(sys.argv[1]); s.history(); s.enrollment(); "
             "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))")
    done = subprocess.run([sys.executable, "-c", probe, f"sqlite:///{tmp_path / 'probe.sqlite'}"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

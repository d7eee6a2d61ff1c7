"""A province's deployment: two dashboard replicas (two ``streamlit run dashboard.py`` processes) on
one PostgreSQL/PostGIS behave as one site, in a real, offline Chromium (docs/deployment.md).

A viewer has replica B open (its caches warm with the old figures); an office's editor signs in
on replica A and imports the week's figures of one kecamatan; B then shows the new kabupaten
total. The same editor, limited to kabupaten 99.01, is refused a file holding a row of the
neighbouring kabupaten 99.02 on the page, and the store is unchanged.
"""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import auth, fmt
from geo.coverage import area_totals
from geo.schema import Col, Level
from geo.store import Store
from tests.e2e.steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

expect = pytest.importorskip("playwright.sync_api").expect

KABUPATEN, KECAMATAN, NEIGHBOUR_DESA = "99.01", "99.01.04", "99.02.01.2001"
EDITOR, PASSWORD = "kantor.contoh", "rahasia-sekali-123"


def _neighbour(store: Store) -> None:
    """Kabupaten 99.02 beside the demo's, imported by the province (one desa)."""
    rows = [("99.02", "Kabupaten Tetangga", "kabupaten", "99", "kabupaten", box(122, -10, 123, -9)),
            ("99.02.01", "Kec Tetangga", "kecamatan", "99.02", "kecamatan", box(122, -10, 123, -9)),
            (NEIGHBOUR_DESA, "Desa Tetangga", "desa", "99.02.01", "desa", box(122, -10, 123, -9))]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326"),
                    user="provinsi")


def _settled(page):
    """``page`` once its script run has finished (no elements of the previous run left)."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    return page


def _recorded_on_home(page) -> str:
    """The home page's 'Sudah rekam' figure, once the run that drew it has finished."""
    _settled(page)
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("Sudah rekam", exact=True))
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


def _upload(page, name: str, body: str) -> None:
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Unggah rekap perekaman")
    uploader.locator('input[type="file"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": body.encode("utf-8")})


def test_two_replicas_on_one_postgresql_are_one_site(demo_store, launch_app, offline, artifacts, monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", "uji-" + "0" * 60)  # as docs/deployment.md: one per site
    db_url = demo_store("postgresql")
    store = Store.open(db_url)
    _neighbour(store)
    auth.add_user(store, EDITOR, PASSWORD, "editor", wilayah=KABUPATEN)
    desa = store.areas(within=KECAMATAN, level=Level.DESA)
    week = "REKAP PEREKAMAN KTP-EL KEADAAN 23 NOVEMBER 2026\nkode,nama,wajib_ktp,sudah_rekam\n" + "".join(
        f"{kode},{nama},{2000 + i},{1990 + i}\n" for i, (kode, nama) in enumerate(zip(desa[Col.KODE], desa[Col.NAMA])))
    before = fmt.number(area_totals(store, KABUPATEN)[Col.SUDAH])
    replica_a, replica_b = launch_app(db_url), launch_app(db_url)

    # B: a viewer reads the kabupaten's figure (B's caches now hold it)
    viewer = offline.new()
    viewer.page.goto(replica_b.url)
    assert _recorded_on_home(viewer.page) == before

    # A: the office's editor signs in on the Data page and imports the week's figures
    office = offline.new()
    page = office.page
    page.goto(f"{replica_a.url}/data")
    log_in(page, EDITOR, PASSWORD, "editor")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Wilayah Anda: Kabupaten Contoh Sejahtera (99.01)")).to_be_visible()
    _upload(page, "rekap_lembah_rindang.csv", week)
    store_button = page.get_by_role("button", name="Simpan sebagai versi baru")
    expect(store_button).to_be_enabled(timeout=60_000)
    store_button.click()
    expect(page.get_by_test_id("stAlertContentSuccess").filter(has_text="Tersimpan sebagai versi")).to_be_visible(
        timeout=60_000)
    after = fmt.number(area_totals(store, KABUPATEN)[Col.SUDAH])
    assert after != before

    # B: the next page view shows the new figure (B's caches key on the store's stamp)
    viewer.page.reload()
    assert _recorded_on_home(viewer.page) == after
    _settled(page).screenshot(path=artifacts / "replicas_1_stored_on_a.png", full_page=True)
    viewer.page.screenshot(path=artifacts / "replicas_2_seen_on_b.png", full_page=True)

    # A: a row of the neighbouring kabupaten is refused, in Indonesian, and nothing is stored
    stamp = store.stamp()
    _upload(page, "rekap_tetangga.csv", f"kode,nama,wajib_ktp,sudah_rekam\n{NEIGHBOUR_DESA},Desa Tetangga,900,450\n")
    refusal = page.get_by_test_id("stAlertContentError")
    expect(refusal).to_contain_text(
        "Ditolak: Anda hanya boleh mengubah data wilayah Kabupaten Contoh Sejahtera (99.01)", timeout=60_000)
    expect(refusal).to_contain_text(NEIGHBOUR_DESA)
    expect(refusal).to_contain_text("Tidak ada yang disimpan")
    expect(page.get_by_role("button", name="Simpan sebagai versi baru")).to_have_count(0)
    _settled(page).screenshot(path=artifacts / "replicas_3_refused_on_a.png", full_page=True)
    assert store.stamp() == stamp
    assert store.enrollment(within="99.02").empty
    assert office.outside == [] and viewer.outside == []
    store.close()

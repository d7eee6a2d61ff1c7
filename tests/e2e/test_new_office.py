"""A new office's first day, in a real browser: an empty store, one admin account made on the command line.
The dashboard says what to upload and opens the Data page; the admin logs in, uploads the real Kota
Tangerang Selatan boundaries, then its recording figures (baik.csv, a date picked since the file names
none), and Beranda shows the kota with the figures summed from the file. Every page opens without an
error on the way (the Data page's targets tab crashed on a store without areas)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo import auth, fmt
from geo.store import Store
from tests.e2e.steps import log_in, set_date, settled

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "tests" / "fixtures" / "bad" / "baik.csv"
ADMIN, PASSWORD = "admin1", "rahasia-sekali-123"
DAY = "2026-12-01"


def _no_error(page) -> None:
    settled(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_new_office_goes_from_an_empty_store_to_its_beranda(real_dir, tmp_path, launch_app, offline, artifacts):
    boundaries = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    if not boundaries.exists():
        pytest.skip(f"real boundary file not found: {boundaries}")
    db_url = f"sqlite:///{tmp_path / 'kantor_baru.sqlite'}"
    store = Store.open(db_url)
    auth.add_user(store, ADMIN, PASSWORD, "admin")
    app = launch_app(db_url)
    page = offline.new().page

    # The empty dashboard says what to upload, and opens the Data page.
    page.goto(app.url)
    _no_error(page)
    expect(page.get_by_text("Belum ada data. Petugas data mengunggah batas wilayah")).to_be_visible()
    page.get_by_role("button", name="Buka halaman Data").click()
    page.wait_for_url(f"{app.url}/data")
    log_in(page, ADMIN, PASSWORD, "admin")
    _no_error(page)

    # Boundaries first …
    page.get_by_role("tab", name="Batas wilayah").click()
    page.get_by_test_id("stFileUploader").filter(has_text="Unggah batas wilayah").locator(
        'input[type="file"]').set_input_files(str(boundaries))
    expect(page.get_by_text("Akan disimpan: 54 Desa/kelurahan, 7 Kecamatan, 1 Kabupaten/kota.")).to_be_visible(
        timeout=90_000)
    page.get_by_role("button", name="Simpan sebagai versi baru").first.click()
    _no_error(page)
    assert len(store.areas(level="desa")) == 54

    # … then the figures, as of a day picked (the file names none).
    page.get_by_role("tab", name="Data perekaman").click()
    page.get_by_test_id("stFileUploader").filter(has_text="Unggah rekap perekaman").locator(
        'input[type="file"]').set_input_files(str(FIGURES))
    expect(page.get_by_text("Berkas tidak menyebut tanggal datanya")).to_be_visible(timeout=90_000)
    set_date(page, "Data per tanggal", DAY)
    page.get_by_role("button", name="Simpan sebagai versi baru").click()
    stored = page.get_by_test_id("stAlertContentSuccess").filter(has_text="Tersimpan sebagai versi")
    expect(stored).to_contain_text(f"(data per {fmt.long_date(DAY)})", timeout=90_000)

    # Beranda: the kota, with the file's figures summed.
    rows = pd.read_csv(FIGURES, sep=";", skiprows=2, dtype={"KODE": str})
    page.goto(app.url)
    _no_error(page)
    expect(page.get_by_role("heading", name="Cakupan perekaman KTP-el — Kota Tangerang Selatan")).to_be_visible()
    for label, column in (("Sudah rekam", "SUDAH REKAM"), ("Wajib KTP", "WAJIB KTP")):
        metric = page.get_by_test_id("stMetric").filter(has=page.get_by_test_id("stMetricLabel").get_by_text(
            label, exact=True))
        expect(metric.get_by_test_id("stMetricValue")).to_have_text(fmt.number(rows[column].sum()))
    page.screenshot(path=artifacts / "kantor_baru_beranda.png", full_page=True)
    for name in ("peta", "tren", "kantong", "rencana", "kapasitas", "data"):
        page.goto(f"{app.url}/{name}")
        _no_error(page)

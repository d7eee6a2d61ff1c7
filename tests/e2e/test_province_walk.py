"""Issue #19's "done when", walked as a provincial officer does it, in a real offline Chromium on an
empty store: on the Data page, import Banten's 1,552 real desa/kelurahan boundaries and ONE
recording spreadsheet for the whole province (two weeks, rows from the real code table, figures
seeded: ``tests/banten.py``); open Banten on Beranda (figures summed over its 8 kabupaten/kota,
ranked) and on Peta; drill down to a desa; download the province briefing (PDF) and read its numbers.
"""
from __future__ import annotations

import io
import re

import pytest

from geo import auth, fmt
from geo.schema import Level
from geo.store import Store
from tests.banten import DATES, DESA_FILE, PROVINCE, desa_rows, kabupaten_totals, write_sheet
from tests.e2e.test_browser_flows import (
    XLSX_TYPE, _assert_offline, _click_area, _expect_areas_drawn, _map, _metric_value, _pick, _query, _shot,
)

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

OFFICER, PASSWORD = "dukcapil_banten", "rahasia-sekali-123"
WEEKS = (DATES[-2], DATES[-1])  # the two sheets the officer imports


def _upload(page, label: str, name: str, data: bytes, mime: str) -> None:
    uploader = page.get_by_test_id("stFileUploader").filter(has_text=label)
    uploader.locator('input[type="file"]').set_input_files({"name": name, "mimeType": mime, "buffer": data})


def _stored(page, timeout: int = 180_000):
    done = page.get_by_test_id("stAlertContentSuccess").filter(has_text="Tersimpan sebagai versi").last
    expect(done).to_be_visible(timeout=timeout)
    return done


def test_a_provincial_officer_sets_up_banten_and_briefs_the_governor(real_dir, launch_app, offline, artifacts,
                                                                      tmp_path):
    url = f"sqlite:///{tmp_path / 'kosong.sqlite'}"
    store = Store.open(url)
    auth.add_user(store, OFFICER, PASSWORD, "admin")
    app = launch_app(url)
    tab = offline.new()
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})

    # 1. The boundaries: the province's desa/kelurahan file, its codes read as they are.
    page.goto(f"{app.url}/data")
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_label("Nama pengguna").fill(OFFICER)
    sidebar.get_by_label("Kata sandi").fill(PASSWORD)
    sidebar.get_by_role("button", name="Masuk").click()
    page.get_by_role("tab", name="Batas wilayah").click()
    boundaries = real_dir.joinpath(*DESA_FILE).read_bytes()
    _upload(page, "batas", DESA_FILE[1], boundaries, "application/geo+json")
    save = page.get_by_role("button", name="Simpan sebagai versi baru")
    expect(save).to_be_enabled(timeout=120_000)
    _shot(page, artifacts / "provinsi_walk_1_batas.png")
    save.click()
    _stored(page)
    assert len(store.areas(level=Level.DESA)) == 1552
    assert len(store.areas(level=Level.KABUPATEN)) == 8

    # 2. Banten is in the picker now; its recording figures, one sheet for the whole province per week.
    _pick(page, "Provinsi atau kabupaten/kota", "Banten (36)")
    expect(sidebar.get_by_role("combobox", name="Provinsi atau kabupaten/kota")).to_have_value("Banten (36)")
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
    page.get_by_role("tab", name="Data perekaman").click()
    rows = desa_rows(real_dir)
    for day in WEEKS:
        sheet = write_sheet(rows, day, tmp_path / f"rekap_banten_{day}.xlsx").read_bytes()
        _upload(page, "Unggah rekap perekaman", f"rekap_banten_{day}.xlsx", sheet, XLSX_TYPE)
        expect(page.get_by_text("Laporan pencocokan wilayah")).to_be_visible(timeout=120_000)
        save = page.get_by_role("button", name="Simpan sebagai versi baru")
        expect(save).to_be_enabled()
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
        save.click()
        expect(page.get_by_test_id("stAlertContentSuccess").filter(
            has_text=f"(data per {fmt.long_date(day)})")).to_be_visible(timeout=180_000)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
    _shot(page, artifacts / "provinsi_walk_2_rekam.png")
    assert store.snapshot_dates(PROVINCE) == list(WEEKS)

    # 3. Beranda: the province's figures are the sums of the sheet's rows; its 8 kabupaten/kota ranked.
    kab = kabupaten_totals(rows)
    page.goto(f"{app.url}/?area={PROVINCE}")
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    assert _metric_value(page, "Wajib KTP") == fmt.number(kab["wajib"].sum())
    assert _metric_value(page, "Sudah rekam") == fmt.number(kab["sudah"].sum())
    assert _metric_value(page, "Cakupan") == fmt.percent(100 * kab["sudah"].sum() / kab["wajib"].sum())
    ranking = page.get_by_test_id("stDataFrame").last
    ranking.scroll_into_view_if_needed()
    expect(ranking.locator("th[role=columnheader]").first).to_be_attached(timeout=60_000)
    assert ranking.locator("table[role=grid]").get_attribute("aria-rowcount") == "9"  # header + 8 kabupaten/kota
    _shot(page, artifacts / "provinsi_walk_3_beranda.png")

    # 4. The province briefing, as the governor's office gets it.
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name="Ringkasan provinsi (PDF)").click()
    assert download.value.suggested_filename == f"peta-rekam_ringkasan_36_{WEEKS[-1]}.pdf"
    pdf = download.value.path().read_bytes()
    from pypdf import PdfReader

    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    red = int((100 * kab["sudah"] / kab["wajib"] < 85).sum())
    assert f"{red} dari 8 kabupaten/kota Banten masih merah." in text
    assert fmt.number(kab["wajib"].sum()) in text and fmt.number(kab["sudah"].sum()) in text

    # 5. Peta: the 8 kabupaten/kota, then Lebak's kecamatan, then one kecamatan's desa, then a desa.
    page.goto(f"{app.url}/peta?area={PROVINCE}")
    _expect_areas_drawn(page, 8)
    lebak, kecamatan = "36.02", "36.02.01"
    _click_area(page, store, lebak)
    page.wait_for_url(lambda u: _query(u).get("area") == [lebak], timeout=60_000)
    _expect_areas_drawn(page, len(store.areas(within=lebak, level=Level.KECAMATAN)))
    _click_area(page, store, kecamatan)
    page.wait_for_url(lambda u: _query(u).get("area") == [kecamatan], timeout=60_000)
    desa = store.areas(within=kecamatan, level=Level.DESA)
    _expect_areas_drawn(page, len(desa))
    _click_area(page, store, desa["kode"].iloc[0])  # a desa is the bottom: the map names it, the page stays
    expect(_map(page).content_frame.get_by_text(desa["nama"].iloc[0]).first).to_be_visible(timeout=60_000)
    _shot(page, artifacts / "provinsi_walk_4_desa.png")
    crumbs = page.get_by_test_id("stMain").get_by_role("button", name="Banten", exact=True)
    expect(crumbs).to_be_enabled()
    _assert_offline(tab)

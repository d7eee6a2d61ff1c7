"""Screenshot mode in a real, offline Chromium: no sidebar or Streamlit chrome, a readable width."""
from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _png_size(path) -> tuple[int, int]:
    with open(path, "rb") as fh:
        head = fh.read(24)
    return struct.unpack(">II", head[16:24])


def test_screenshot_mode_from_a_link(demo_app, offline, artifacts):
    tab = offline.new()
    page = tab.page
    page.goto(demo_app.url + "/?mode=tangkapan")
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
    map_frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(map_frame.locator("[data-areas-drawn]")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    expect(page.get_by_text("Unduh gambar")).to_have_count(0)
    title = page.locator("h1").first.inner_text()
    assert title.startswith("Cakupan perekaman KTP-el") and "Kabupaten Contoh Sejahtera" in title
    expect(page.get_by_text("Data contoh sintetis").first).to_be_visible()
    body = page.locator('[data-testid="stMainBlockContainer"]')
    assert body.bounding_box()["width"] <= 1200 + 1
    shot = artifacts / "screenshot_mode.png"
    page.screenshot(path=shot)
    assert _png_size(shot) == (1440, 1000)
    assert tab.outside == []

    page.get_by_role("button", name="Keluar dari mode tangkapan layar").click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Unduh gambar")).to_be_visible()
    assert tab.outside == []

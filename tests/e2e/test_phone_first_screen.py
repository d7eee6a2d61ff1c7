"""Beranda on a phone, in a real offline Chromium: the four figures two by two (stacked, they took a whole
screen), so that the red kecamatan are named on the first screen (they came ~1.000 px down)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect


def test_the_figures_sit_two_by_two_and_the_red_areas_are_on_the_first_screen(demo_store, launch_app, offline):
    app = launch_app(demo_store("sqlite"))
    page = offline.new().page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app.url)
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=90_000)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.first).to_be_visible()
    boxes = [metrics.nth(i).bounding_box() for i in range(4)]
    assert boxes[0]["y"] == pytest.approx(boxes[1]["y"], abs=2) and boxes[2]["y"] == pytest.approx(boxes[3]["y"], abs=2)
    assert boxes[2]["y"] > boxes[0]["y"] + 40 and boxes[1]["x"] > boxes[0]["x"] + 100  # two rows of two
    assert all(b["x"] + b["width"] <= 390 for b in boxes)
    red = page.get_by_text("kecamatan masih merah").first
    assert red.bounding_box()["y"] + red.bounding_box()["height"] <= 844

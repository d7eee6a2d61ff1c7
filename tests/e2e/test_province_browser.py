"""The province view in a real, offline Chromium, on Banten's real 1,552 desa boundaries and one
seeded spreadsheet for the whole province (``tests/banten.py``, imported with the CLI).

A provincial officer picks Banten: Beranda answers first (the verdict, the figures summed over the
8 kabupaten/kota), maps and ranks them; Peta shows the 8 and drills into one; Tren ranks them by
pace. Each at 1366×768, 1920×1080 and a phone (390×844), in Indonesian and English, with no cut
text; the first screens are kept as ``tests/_artifacts/provinsi_<page>_<width>x<height>_<lang>.png``.
"""
from __future__ import annotations

import pytest

from geo import fmt
from geo.coverage import area_totals
from geo.present.common import short_name
from geo.schema import Col, Level
from geo.store import Store
from tests.banten import PROVINCE, banten_store
from tests.e2e.conftest import served
from tests.e2e.test_browser_flows import (
    _assert_offline, _click_area, _expect_areas_drawn, _map, _map_labels, _metric_value, _overlapping, _query,
)
from tests.e2e.test_no_cut_text import _problems, _settle

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

SIZES = [(1366, 768), (1920, 1080), (390, 844)]
WORDS = {"id": {"wajib": "Wajib KTP", "ranking": "Kabupaten/kota, cakupan terendah dulu",
                "pace": "Kabupaten/kota: yang paling lambat dulu"},
         "en": {"wajib": "Must hold e-KTP", "ranking": "Regencies and cities, lowest coverage first",
                "pace": "Regencies/cities: slowest first"}}


@pytest.fixture(scope="module")
def banten_app(real_dir, tmp_path_factory, artifacts):
    url, _ = banten_store(real_dir, tmp_path_factory.mktemp("banten-e2e"))
    with served(url, artifacts / "streamlit-test_province_browser.log") as app:
        yield app


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_province_view(banten_app, offline, artifacts, size, lang):
    width, height = size
    store = Store.open(banten_app.db_url)
    now = area_totals(store, PROVINCE)
    kabupaten = store.areas(within=PROVINCE, level=Level.KABUPATEN)
    assert len(kabupaten) == 8
    tab = offline.new()
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    tables, problems, words = width >= 1366, [], WORDS[lang]

    page.goto(f"{banten_app.url}/?area={PROVINCE}&lang={lang}")
    _settle(page)
    assert "Banten" in page.locator("h1").first.inner_text()
    assert _metric_value(page, words["wajib"]) == fmt.number(now[Col.WAJIB], lang=lang)  # the 8 summed
    alert = page.get_by_test_id("stAlert").first  # the verdict: on the first screen
    assert alert.bounding_box()["y"] < height
    page.screenshot(path=artifacts / f"provinsi_beranda_{width}x{height}_{lang}.png")
    problems += _problems(page, "beranda", tables)[0]
    ranking = page.get_by_text(words["ranking"], exact=True)
    ranking.scroll_into_view_if_needed()
    expect(page.get_by_test_id("stDataFrame").last).to_be_visible()
    page.screenshot(path=artifacts / f"provinsi_peringkat_{width}x{height}_{lang}.png")

    page.goto(f"{banten_app.url}/peta?area={PROVINCE}&lang={lang}")
    _settle(page)
    _expect_areas_drawn(page, 8)
    labels = _map_labels(page)  # the cities among the kabupaten named too (none of the four kota was)
    assert not _overlapping(labels)
    if width >= 1366:
        assert sorted(n for n, _ in labels) == sorted(short_name(n) for n in kabupaten[Col.NAMA])
    page.screenshot(path=artifacts / f"provinsi_peta_{width}x{height}_{lang}.png")
    problems += _problems(page, "peta", tables)[0]
    if width == 1366:  # the whole map, then a click on Kabupaten Lebak opens its kecamatan
        _map(page).screenshot(path=artifacts / f"provinsi_peta_kabupaten_{lang}.png")
        lebak = "36.02"
        _click_area(page, store, lebak)
        page.wait_for_url(lambda u: _query(u).get("area") == [lebak], timeout=60_000)
        _expect_areas_drawn(page, len(store.areas(within=lebak, level=Level.KECAMATAN)))
        page.screenshot(path=artifacts / f"provinsi_peta_lebak_{width}x{height}_{lang}.png")

    page.goto(f"{banten_app.url}/tren?area={PROVINCE}&lang={lang}")
    _settle(page)
    expect(page.get_by_text(words["pace"], exact=True)).to_be_visible()
    page.screenshot(path=artifacts / f"provinsi_tren_{width}x{height}_{lang}.png")
    problems += _problems(page, "tren", tables)[0]
    assert not problems, "\n".join(problems)
    _assert_offline(tab)

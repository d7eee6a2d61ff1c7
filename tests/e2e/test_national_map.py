"""The whole country in a real, offline Chromium (three real provinsi, tests/national_store.py):
Beranda and Peta open on "Seluruh Indonesia", the map draws the kabupaten/kota, and zoomed in on
Tangerang the desa inside the viewport appear — only those. Seconds from click to drawn and bytes
received are printed (speed is not asserted: bench/view_bench.py compares them with the targets).
Screenshots at 1366×768, 1920×1080 and a phone's 390 px, in Indonesian and English."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from playwright.sync_api import expect

from tests.e2e.conftest import served
from tests.e2e.viewmeter import ByteMeter, map_bounds, map_codes, measure, report, wait_drawn, zoom_to
from tests.national_store import BOUNDARIES, FILES, build
from ui.viewport import MARGIN

pytestmark = pytest.mark.browser
KABUPATEN = 10
TANGERANG = (-6.25, 106.62)  # Kabupaten and Kota Tangerang meet here
SIZES = {"laptop": (1366, 768), "desktop": (1920, 1080), "phone": (390, 844)}
# Streamlit scrolls its main block, not the page (a full-page screenshot would hold one screen).
_SCROLL = """(by) => { const m = document.querySelector('[data-testid=stMain]');
  (m.scrollHeight > m.clientHeight ? m : document.scrollingElement).scrollBy(0, by); }"""


@pytest.fixture(scope="module")
def country_app(real_dir, tmp_path_factory, artifacts):
    url, _ = build(real_dir, tmp_path_factory.mktemp("e2e-country"))
    with served(url, artifacts / "streamlit-national.log") as app:
        yield app


def _desa(real_dir) -> gpd.GeoDataFrame:
    files = [real_dir / FILES / name for name, level in BOUNDARIES if level.value == "desa"]
    return pd.concat([gpd.read_file(f) for f in files], ignore_index=True)


def test_the_country_map_loads_the_desa_of_its_viewport(country_app, offline, artifacts, real_dir):
    tab = offline.new()
    page = tab.page
    meter = ByteMeter(page)
    page.goto(f"{country_app.url}/?area=ID")
    expect(page.locator("h1").first).to_have_text("Cakupan perekaman KTP-el — Seluruh Indonesia", timeout=60_000)
    wait_drawn(page, KABUPATEN)

    nav = page.get_by_test_id("stSidebarNav").get_by_role("link", name="Peta Cakupan", exact=True)
    national = measure(page, meter, "Peta, Seluruh Indonesia (kabupaten/kota)", nav.click,
                       lambda: wait_drawn(page, KABUPATEN))
    print("\n" + report(national))
    assert sorted(map_codes(page)) == ["18.09", "19.03", "36.01", "36.02", "36.03", "36.04", "36.71", "36.72",
                                       "36.73", "36.74"]
    page.screenshot(path=artifacts / "national_peta.png")

    on_screen = page.get_by_text("Di layar:")
    zoomed = measure(page, meter, "Peta, zoomed in to 11 on Tangerang (desa)",
                     lambda: zoom_to(page, *TANGERANG, 11),
                     lambda: (expect(on_screen).to_be_visible(timeout=60_000), wait_drawn(page))[1])
    print(report(zoomed))
    codes = set(map_codes(page))
    w, s, e, n = map_bounds(page)
    dx, dy = (e - w) * MARGIN, (n - s) * MARGIN
    desa = _desa(real_dir)
    meeting = set(desa.loc[desa.geometry.intersects(shapely.box(w - dx, s - dy, e + dx, n + dy)), "kode"])
    assert codes == meeting  # the desa in the viewport (and its margin), no other
    assert 0 < len(codes) < len(desa) and {c[:2] for c in codes} == {"36"}  # Banten only
    assert zoomed.areas == len(codes)
    page.screenshot(path=artifacts / "national_peta_desa.png")
    assert tab.outside == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_country_screenshots(country_app, chromium, artifacts, size, lang):
    """Beranda and Peta of the whole country at each size (looked at by people, not compared)."""
    width, height = SIZES[size]
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    page = context.new_page()
    try:
        suffix = "" if lang == "id" else "&lang=en"
        for name, path in (("beranda", "/"), ("peta", "/peta")):
            page.goto(f"{country_app.url}{path}?area=ID{suffix}")
            wait_drawn(page, KABUPATEN)
            for screen in range(3):  # the first screen, then one screen further down each time
                page.screenshot(path=artifacts / f"national_{name}_{size}_{lang}_{screen}.png")
                page.evaluate(_SCROLL, height - 100)
            if name == "beranda":  # the kabupaten/kota ranking, its long marked dates included
                page.get_by_test_id("stMainBlockContainer").get_by_role("tab").nth(1).click()
                grid = page.get_by_test_id("stDataFrame").filter(visible=True).last
                grid.scroll_into_view_if_needed()
                page.screenshot(path=artifacts / f"national_beranda_kabupaten_{size}_{lang}.png")
                if size == "laptop":
                    _assert_fitted(grid, lang)
    finally:
        context.close()


_TEXT_WIDTHS = """async (e, texts) => { const font = '14px ' + getComputedStyle(e).fontFamily;
  await document.fonts.load(font); const c = document.createElement('canvas').getContext('2d');
  c.font = font; return [document.fonts.check(font), texts.map(t => c.measureText(t).width)]; }"""


def _assert_fitted(grid, lang: str) -> None:
    """The ranking fits a laptop without scrolling sideways, and the widths its columns are given
    (``ui.tables.text_px``) are never narrower than the browser draws their text: every name and header
    in the grid, and the widest date a ranking can mark as past."""
    from geo import fmt
    from geo.present.trend import projected_day
    from ui.tables import text_px

    wide = grid.evaluate("e => { const s = e.querySelector('.dvn-scroller'); return [s.scrollWidth, s.clientWidth] }")
    assert wide[0] <= wide[1] + 1, wide
    grid.locator("td").nth(20).wait_for(state="attached", timeout=30_000)  # the grid's cells, for screen readers
    cells = grid.evaluate("e => Array.from(e.querySelectorAll('th, td')).map(x => x.textContent)")
    texts = sorted({t for t in cells if t and not t.replace(".", "").replace("-", "").isdigit()})
    texts += [projected_day("2026-09-30", True, lang), fmt.long_date("2026-09-28", lang), "Kep. Bangka Belitung"]
    loaded, drawn = grid.evaluate(_TEXT_WIDTHS, texts)
    assert loaded  # measured in the font the grid draws with
    assert len(texts) > 20 and {t: round(w, 1) for t, w in zip(texts, drawn) if text_px(t) < w} == {}

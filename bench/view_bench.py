"""National and provincial views in the browser: seconds from click to drawn, bytes per view.

    .venv/bin/python bench/view_bench.py [--repeat 3]

Builds the small country of ``tests/national_store.py`` (Banten, Pesawaran and Bangka Selatan from
the real public boundaries, ../shared/real read in place; 10 kabupaten/kota, 174 kecamatan, 1,749
desa) in a temporary folder, starts the dashboard on it (``streamlit run dashboard.py``, as a user
does) and, in headless Chromium (/usr/bin/chromium, every request outside localhost aborted),
measures each view from the click (or the zoom) that asks for it to its map painted
(``data-areas-drawn``) and the bytes the tab received meanwhile (WebSocket frames and HTTP
bodies, ``tests/e2e/viewmeter.py``):

* Beranda → Peta of the whole country (its kabupaten/kota);
* the picker → Banten (a provinsi: its kabupaten/kota on Peta);
* zooms on those maps: the kecamatan (zoom 8; Banten's map opens at 9: 10), then the desa (zoom 11)
  of the viewport, and a pan to Serang at zoom 11;
* Beranda of the whole country (roll-up, map, rankings) from Peta.

Each line says "met"/"not met" against the targets of issue #19: ≤ 2 s from click to drawn and
≤ 3 MB per national or provincial view. Median and fastest of ``--repeat`` fresh tabs (the first
of each after a server start pays for reading the store; the others find Streamlit's caches warm).
Not a test: the machine's load moves the seconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_ARGS, start_app, stop_app  # noqa: E402
from tests.e2e.viewmeter import ByteMeter, View, measure, report, wait_drawn, zoom_to  # noqa: E402
from tests.national_store import build  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
TANGERANG = (-6.25, 106.62)
SERANG = (-6.12, 106.15)


def _local_only(route) -> None:
    host = route.request.url.split("/")[2] if "://" in route.request.url else ""
    (route.continue_ if host.startswith(("localhost", "127.0.0.1")) or "://" not in route.request.url
     else route.abort)()


def one_round(browser, url: str) -> list[View]:
    """Every view once, in a fresh tab, in the order a reader meets them."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    context.route("**/*", _local_only)
    page = context.new_page()
    meter = ByteMeter(page)
    views = []
    try:
        page.goto(f"{url}/?area=ID")
        wait_drawn(page, 10)
        nav = page.get_by_test_id("stSidebarNav")
        views.append(measure(page, meter, "Peta: Seluruh Indonesia (kabupaten/kota)",
                             nav.get_by_role("link", name="Peta Cakupan", exact=True).click,
                             lambda: wait_drawn(page, 10)))
        for (lat, lon), zoom, name in ((TANGERANG, 8, "zoomed to 8: kecamatan"), (TANGERANG, 11, "zoomed to 11: desa"),
                                       (SERANG, 11, "panned at 11: desa")):
            views.append(measure(page, meter, f"Peta: Indonesia {name} on screen",
                                 lambda a=lat, b=lon, z=zoom: zoom_to(page, a, b, z), lambda: wait_drawn(page)))
        picker = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
            has_text="Wilayah").get_by_role("combobox")
        views.append(measure(page, meter, "Peta: Banten (kabupaten/kota)",
                             lambda: _pick(page, picker, "Banten (36)"), lambda: wait_drawn(page, 8)))
        for zoom, name in ((10, "kecamatan"), (11, "desa")):
            views.append(measure(page, meter, f"Peta: Banten zoomed to {zoom}: {name} on screen",
                                 lambda z=zoom: zoom_to(page, *TANGERANG, z), lambda: wait_drawn(page)))
        views.append(measure(page, meter, "Beranda: Seluruh Indonesia",
                             lambda: (_pick(page, picker, "Seluruh Indonesia"),
                                      nav.get_by_role("link", name="Beranda", exact=True).click()),
                             lambda: wait_drawn(page, 10)))
    finally:
        context.close()
    return views


def _pick(page, picker, option: str) -> None:
    """Choose ``option`` as people do: open the picker, type to filter, click it."""
    picker.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not REAL.is_dir():
        sys.exit(f"the real public files are not at {REAL}")
    with tempfile.TemporaryDirectory() as folder:
        url, _ = build(REAL, Path(folder))
        app = start_app(url, Path(folder) / "streamlit.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                rounds = [one_round(browser, app.url) for _ in range(args.repeat)]
                browser.close()
        finally:
            stop_app(app)
    print(f"{len(rounds)} rounds, 1366×768; median (fastest) of each view")
    for views in zip(*rounds):
        median = View(views[0].name, statistics.median(v.seconds for v in views),
                      int(statistics.median(v.bytes for v in views)), views[0].areas)
        print(report(median) + f"   fastest {min(v.seconds for v in views):.2f} s")


if __name__ == "__main__":
    main()

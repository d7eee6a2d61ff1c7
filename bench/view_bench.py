"""National and provincial views in the browser: seconds from click to drawn, bytes per view.

    .venv/bin/python bench/view_bench.py [--repeat 3]
    .venv/bin/python bench/view_bench.py --national [--size 1.0] [--keep DIR]

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
* Beranda of the whole country (roll-up, map, rankings), the country picked on Peta.

``--national``: the whole country instead, at full geometry — the synthetic national desa
boundaries of ``bench/boundary_bench.py`` (every desa of the real Kemendagri code table, ~130
vertices each; ``--size F`` keeps every (1/F)-th kabupaten), imported as ``python -m geo
import-boundaries FILE --level desa`` does (the kecamatan and kabupaten/kota dissolved from them;
the provinsi named from the code table), and a seeded enrollment per desa from the real population (``bench/national_bench.py``'s
``enrollment_rows``) on two dates. Building takes minutes (the import alone ~130 s at size 1):
``--keep DIR`` keeps the file and the store there and reuses them on the next run. The views are
the same, the places those of the synthetic country (Banten's kabupaten/kota lie where the
bisection put them, not where Banten is: the zooms go to its first kabupaten/kota, the pan to its
second).

Each line says "met"/"not met" against the targets of issue #19: ≤ 2 s from click to drawn and
≤ 3 MB per national or provincial view. Median and fastest of ``--repeat`` fresh tabs, and every
round's seconds (the first after a server start pays for reading the store and, for a zoom, for its
parents' shapes; the others find Streamlit's caches warm, as a move back to a place seen does).
Not a test: the machine's load moves the seconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.ingest import import_boundaries  # noqa: E402
from geo.schema import Col, Level  # noqa: E402
from geo.store import Store  # noqa: E402
from tests.e2e.conftest import CHROMIUM_ARGS, start_app, stop_app  # noqa: E402
from tests.e2e.viewmeter import ByteMeter, View, measure, report, wait_drawn, zoom_to  # noqa: E402
from tests.national_store import build  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
TANGERANG = (-6.25, 106.62)
SERANG = (-6.12, 106.15)


@dataclass
class Places:
    """Where the views look: the provinsi picked, two points in it (lat, lon) to zoom to and pan to,
    and how many kabupaten/kota the country and that provinsi hold."""

    provinsi: str
    label: str
    first: tuple[float, float]
    second: tuple[float, float]
    country_count: int
    provinsi_count: int


SMALL = Places("36", "Banten (36)", TANGERANG, SERANG, 10, 8)


def national(size: float, folder: Path) -> tuple[str, Places]:
    """(store URL, places) of the synthetic whole country in ``folder``, built when not there yet."""
    from bench.boundary_bench import national_boundaries
    from bench.national_bench import DATE, code_table, enrollment_rows

    store_path = folder / f"rekam_{size:g}.sqlite"
    url = f"sqlite:///{store_path}"
    if not store_path.exists():
        source = folder / f"nasional_{size:g}.gpkg"
        if not source.exists():
            national_boundaries(size).to_file(source, driver="GPKG")
        building = folder / f"building_{size:g}.sqlite"
        building.unlink(missing_ok=True)
        store = Store.open(f"sqlite:///{building}")
        import_boundaries(store, source, level=Level.DESA)
        desa = set(store.areas(level=Level.DESA)[Col.KODE])
        rows = enrollment_rows(code_table())
        rows = rows[rows["kode"].isin(desa)].rename(columns={"kode": Col.KODE, "wajib": Col.WAJIB, "sudah": Col.SUDAH})
        earlier = rows.assign(**{Col.SUDAH: (rows[Col.SUDAH] * 0.98).astype(int)})
        store.add_enrollment(earlier[[Col.KODE, Col.WAJIB, Col.SUDAH]], tanggal="2026-06-23")
        store.add_enrollment(rows[[Col.KODE, Col.WAJIB, Col.SUDAH]], tanggal=DATE)
        store.close()
        building.rename(store_path)
    return url, _places(url)


def _places(url: str) -> Places:
    """Banten when the store holds it (else the first provinsi), and the centres of its first two
    kabupaten/kota."""
    from geo.coverage import provinsi_areas

    store = Store.open(url)
    try:
        names = dict(zip(*provinsi_areas(store)[[Col.KODE, Col.NAMA]].T.values))
        code = "36" if "36" in names else min(names)
        kabupaten = store.areas(level=Level.KABUPATEN, within=code, geometry=True).sort_values(Col.KODE)
        centres = [(p.y, p.x) for p in kabupaten.geometry.head(2).representative_point()]
        country = len(store.areas(level=Level.KABUPATEN))
    finally:
        store.close()
    return Places(code, f"{names[code]} ({code})", centres[0], centres[-1], country, len(kabupaten))


def _local_only(route) -> None:
    host = route.request.url.split("/")[2] if "://" in route.request.url else ""
    (route.continue_ if host.startswith(("localhost", "127.0.0.1")) or "://" not in route.request.url
     else route.abort)()


def one_round(browser, url: str, places: Places) -> list[View]:
    """Every view once, in a fresh tab, in the order a reader meets them."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    context.route("**/*", _local_only)
    page = context.new_page()
    meter = ByteMeter(page)
    views = []
    try:
        page.goto(f"{url}/?area=ID")
        wait_drawn(page, places.country_count)
        nav = page.get_by_test_id("stSidebarNav")
        views.append(measure(page, meter, "Peta: Seluruh Indonesia (kabupaten/kota)",
                             nav.get_by_role("link", name="Peta Cakupan", exact=True).click,
                             lambda: wait_drawn(page, places.country_count)))
        for (lat, lon), zoom, name in ((places.first, 8, "zoomed to 8: kecamatan"),
                                       (places.first, 11, "zoomed to 11: desa"), (places.second, 11, "panned at 11: desa")):
            views.append(measure(page, meter, f"Peta: Indonesia {name} on screen",
                                 lambda a=lat, b=lon, z=zoom: zoom_to(page, a, b, z), lambda: wait_drawn(page)))
        picker = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(
            has_text="Wilayah").get_by_role("combobox")
        views.append(measure(page, meter, f"Peta: {places.label} (kabupaten/kota)",
                             lambda: _pick(page, picker, places.label), lambda: wait_drawn(page, places.provinsi_count)))
        for zoom, name in ((10, "kecamatan"), (11, "desa")):
            views.append(measure(page, meter, f"Peta: {places.provinsi} zoomed to {zoom}: {name} on screen",
                                 lambda z=zoom: zoom_to(page, *places.first, z), lambda: wait_drawn(page)))
        _pick(page, picker, "Seluruh Indonesia")  # the country picked (Peta stays on the provinsi): not measured
        wait_drawn(page)
        views.append(measure(page, meter, "Beranda: Seluruh Indonesia",
                             nav.get_by_role("link", name="Beranda", exact=True).click,
                             lambda: wait_drawn(page, places.country_count)))
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
    parser.add_argument("--national", action="store_true", help="the whole country at full geometry (synthetic)")
    parser.add_argument("--size", type=float, default=1.0, help="with --national: share of the kabupaten kept")
    parser.add_argument("--keep", type=Path, help="with --national: build into this folder, reuse what is there")
    args = parser.parse_args()
    if not REAL.is_dir():
        sys.exit(f"the real public files are not at {REAL}")
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        if args.national:
            folder = args.keep or Path(scratch)
            folder.mkdir(parents=True, exist_ok=True)
            url, places = national(args.size, folder)
        else:
            (url, _), places = build(REAL, Path(scratch)), SMALL
        print(f"(store ready in {time.perf_counter() - started:.0f} s)", flush=True)
        log = Path(scratch) / "streamlit.log"
        app = start_app(url, log)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                rounds = [one_round(browser, app.url, places) for _ in range(args.repeat)]
                browser.close()
        finally:
            stop_app(app)
        warned = [line for line in log.read_text(errors="replace").splitlines() if "WARNING" in line or "ERROR" in line]
        print(f"(server log: {len(warned)} warning/error lines)" + "".join(f"\n  {line}" for line in warned[:5]))
    print(f"{len(rounds)} rounds, 1366×768; median (fastest; every round) of each view")
    for views in zip(*rounds):
        median = View(views[0].name, statistics.median(v.seconds for v in views),
                      int(statistics.median(v.bytes for v in views)), views[0].areas)
        print(report(median) + f"   fastest {min(v.seconds for v in views):.2f} s; "
              + " ".join(f"{v.seconds:.2f}" for v in views))


if __name__ == "__main__":
    main()

"""Coverage map benchmark: this product's map against a naive ``folium.Choropleth``.

    .venv/bin/python bench/map_bench.py          (or: make bench)

Two frames of desa polygons with seeded coverage numbers:
* ``banten``: the real Banten desa file (1,552 polygons, ../shared/real, read in place);
* ``synthetic``: a seeded province of 8,000 desa — Voronoi cells around clustered "towns",
  densified to ~130 vertices each and warped by a smooth multi-octave field (every copy of a
  coordinate moves the same way, so neighbours stay edge-matched; the warp's slope is < 1,
  so borders never cross), rounded to 6 decimals like the real files.

Each frame is imported into a fresh SQLite store with ``import_boundaries`` (as
``python -m geo import-boundaries`` does; that is when the product simplifies the map views
one step away, see geo.shapes — the import's seconds are printed), and both maps draw the
stored desa of the whole province (a view prepared when first opened: its seconds are printed). For each frame and map it prints the HTML bytes
(Leaflet linked from the same local server for both, not inlined), seconds to build the map
to HTML (the product's map as a rerun builds it — shapes in memory — and as the first view
after a server start builds it: shapes read from the store), seconds until headless
Chromium has drawn every polygon
(from navigation start: the naive map's SVG ``path.leaflet-interactive`` count reaching the
feature count; the product's canvas marking its map ``data-areas-drawn`` — set in the
animation frame after the canvas painted — with the feature count), served from
localhost with every other request aborted; median and fastest of 7 fresh contexts, the two
maps interleaved so both see the same machine load), and the simplification's max error in
pixels at the frame's fitting zoom (against the file as given, and against the repaired
coverage the simplification starts from). The naive map gets local Leaflet too so it can
draw at all, and loses its branca legend (it needs d3, which no local copy provides); its
jQuery/Bootstrap/Font Awesome requests are aborted. Not a test. Needs /usr/bin/chromium.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import shapely
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.ingest import import_boundaries  # noqa: E402
from geo.render import assets, maps  # noqa: E402
from geo.schema import Col, Level  # noqa: E402
from geo.shapes import ShapeCache  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.simplify import max_error_px, repair_coverage, simplify_for_level  # noqa: E402

BANTEN = ROOT.parent / "shared/real/cahyadsn_wilayah_boundaries/desa_kelurahan_36_banten_all.geojson"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_RUNS = 7
SEED = 7


# --- data -------------------------------------------------------------------------------
def synthetic_province(n: int = 8000, seed: int = SEED) -> gpd.GeoDataFrame:
    """``n`` edge-matched desa polygons over a Jawa-Tengah-sized extent (3.4° × 1.6°)."""
    rng = np.random.default_rng(seed)
    x0, y0, width, height = 108.8, -8.2, 3.4, 1.6
    frame = shapely.box(x0, y0, x0 + width, y0 + height)
    towns = rng.uniform([x0, y0], [x0 + width, y0 + height], (40, 2))
    near_town = towns[rng.integers(0, 40, n)] + rng.normal(0, 0.12, (n, 2))
    anywhere = rng.uniform([x0, y0], [x0 + width, y0 + height], (n, 2))
    seeds = np.where(rng.random((n, 1)) < 0.5, near_town, anywhere)
    seeds[:, 0] = np.clip(seeds[:, 0], x0 + 1e-3, x0 + width - 1e-3)
    seeds[:, 1] = np.clip(seeds[:, 1], y0 + 1e-3, y0 + height - 1e-3)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame))
    cells = shapely.intersection(cells, frame)
    cells = densify(cells, 0.0008)  # ≈ 130 vertices per desa, as in the real files
    cells = shapely.transform(cells, smooth_warp(rng))
    # Codes by place: 20 kabupaten in a 5 × 4 grid, each cut into 20 kecamatan of 20 desa
    # (blocks of consecutive cells in west-east order inside bands of its own).
    centre = shapely.centroid(cells)
    x, y = shapely.get_x(centre), shapely.get_y(centre)
    kab = (np.minimum(4, ((x - x0) / width * 5).astype(int)) * 4
           + np.minimum(3, ((y0 + height - y) / height * 4).astype(int)))
    codes = np.empty(len(cells), dtype=object)
    for k in range(20):
        members = np.flatnonzero(kab == k)
        band = np.argsort(-y[members], kind="stable") // max(1, -(-len(members) // 5))  # five bands
        members = members[np.lexsort((x[members], band))]
        codes[members] = [f"99.{k + 1:02d}.{i // 20 + 1:02d}.{2001 + i % 20}" for i in range(len(members))]
    order = np.argsort(codes.astype(str))
    cells, codes = cells[order], codes[order]
    return gpd.GeoDataFrame({Col.KODE: codes, Col.NAMA: [f"Desa {i + 1}" for i in range(len(cells))]},
                            geometry=cells, crs="EPSG:4326")


WARP_OCTAVES = [(0.002, 0.06), (0.0006, 0.02), (0.00012, 0.005)]  # (amplitude°, wavelength°): slope < 0.5


def smooth_warp(rng: np.random.Generator, scale: float = 1.0):
    """A smooth multi-octave displacement of lon/lat points (``WARP_OCTAVES`` times ``scale``), rounded
    to 6 decimals: every copy of a coordinate moves alike, so edge-matched neighbours stay matched."""
    octaves = [(amp * scale, wave * scale) for amp, wave in WARP_OCTAVES]
    phases = rng.uniform(0, 2 * np.pi, (len(octaves), 4))
    angles = rng.uniform(0, np.pi, (len(octaves), 2))

    def warp(xy: np.ndarray) -> np.ndarray:
        out = xy.copy()
        for (amp, wave), ph, an in zip(octaves, phases, angles):
            k = 2 * np.pi / wave
            u = xy[:, 0] * np.cos(an[0]) + xy[:, 1] * np.sin(an[0])
            v = xy[:, 0] * np.cos(an[1]) + xy[:, 1] * np.sin(an[1])
            out[:, 0] += amp / 2 * (np.sin(k * u + ph[0]) + np.sin(k * v + ph[1]))
            out[:, 1] += amp / 2 * (np.sin(k * v + ph[2]) + np.sin(k * u + ph[3]))
        return np.round(out, 6)

    return warp


def densify(polygons: np.ndarray, step: float) -> np.ndarray:
    """Extra vertices every ``step`` degrees along each edge, computed from the edge's
    lexicographically smaller end so both neighbours get bit-identical points
    (``shapely.segmentize`` does not: the copies of a shared edge would no longer match)."""
    _, coords, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(polygons)
    last = np.zeros(len(coords), bool)
    last[ring_offsets[1:] - 1] = True
    start = np.flatnonzero(~last)  # every edge: coords[i] → coords[i + 1]
    a, b = coords[start], coords[start + 1]
    pieces = np.maximum(1, np.ceil(np.hypot(*(b - a).T) / step)).astype(int)
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    low, high = np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)
    edge = np.repeat(np.arange(len(start)), pieces)
    k = np.arange(len(edge)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    j = np.where(swap[edge], pieces[edge] - k, k)
    points = low[edge] + (high[edge] - low[edge]) * (j / pieces[edge])[:, None]
    ring_of_edge = np.searchsorted(ring_offsets, start, side="right") - 1
    per_ring = np.bincount(ring_of_edge, weights=pieces, minlength=len(ring_offsets) - 1).astype(int)
    new_offsets = np.concatenate([[0], np.cumsum(per_ring)])
    return shapely.from_ragged_array(shapely.GeometryType.POLYGON, points, (new_offsets, polygon_offsets))


def with_coverage(areas: gpd.GeoDataFrame, seed: int = SEED) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    out = areas[[Col.KODE, Col.NAMA, "geometry"]].copy()
    wajib = rng.integers(800, 12000, len(out))
    sudah = np.minimum((wajib * rng.normal(0.9, 0.06, len(out))).round(), wajib * 1.08).astype(int)
    out[Col.WAJIB], out[Col.SUDAH], out[Col.BELUM] = wajib, sudah, wajib - sudah
    out[Col.CAKUPAN] = 100 * sudah / wajib
    out.loc[rng.random(len(out)) < 0.03, [Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN]] = np.nan
    out[Col.DI_ATAS_100] = out[Col.CAKUPAN] > 100
    out[Col.LEVEL], out[Col.TANGGAL] = Level.DESA.value, "2017-08-31"
    return out


# --- the two maps -----------------------------------------------------------------------
def product_html(gdf: gpd.GeoDataFrame, shapes: ShapeCache) -> str:
    m = maps.coverage_map(gdf, metric="zona", shapes=shapes)
    assets.use_local_assets(m, "/vendor/")
    return m.get_root().render()


def naive_html(gdf: gpd.GeoDataFrame) -> str:
    minx, miny, maxx, maxy = gdf.total_bounds
    m = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=9)
    choropleth = folium.Choropleth(gdf, data=gdf, columns=[Col.KODE, Col.CAKUPAN],
                                   key_on=f"feature.properties.{Col.KODE}", fill_color="YlGn", nan_fill_color="grey")
    choropleth._children.pop(choropleth.color_scale.get_name())  # its legend needs d3 from a CDN
    choropleth.color_scale = None
    choropleth.add_to(m)
    html = m.get_root().render()
    for name, url in folium.Map.default_js + folium.Map.default_css:
        if name.startswith("leaflet"):
            html = html.replace(url, "/vendor/" + url.rsplit("/", 1)[1])
    return html


def timed(build, *args) -> tuple[str, float]:
    start = time.perf_counter()
    html = build(*args)
    return html, time.perf_counter() - start


# --- the browser ------------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # a context closed mid-response
            pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# The naive map draws one SVG path per polygon; the product paints them on a canvas and marks
# its map element once the canvas has painted them (geo.render.maps.AreaLayer).
DRAWN = {
    "naive": "n => document.querySelectorAll('path.leaflet-interactive').length >= n",
    "product": "n => Number(document.querySelector('[data-areas-drawn]')?.dataset.areasDrawn) >= n",
}


def draw_once(browser, url: str, drawn: str, features: int, blocked: set) -> float:
    """Seconds from navigation start until ``features`` polygons are drawn (fresh context)."""
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else (blocked.add(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function(drawn, arg=features, polling="raf", timeout=120_000)
    seconds = page.evaluate("performance.now()") / 1000
    context.close()
    return seconds


# --- run ----------------------------------------------------------------------------------
def imported(source: Path, folder: Path) -> tuple[Store, float, int]:
    """A fresh SQLite store holding ``source``'s desa (``import_boundaries``, as ``python -m geo
    import-boundaries`` does), the seconds that took and the map views it prepared."""
    store = Store.open(f"sqlite:///{folder / 'bench.sqlite'}")
    start = time.perf_counter()
    done = import_boundaries(store, source, level=Level.DESA)
    return store, time.perf_counter() - start, done.loaded.report["tampilan_peta_disiapkan"]


def measure(name: str, source: Path, browser, site: Path, base: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        store, prepare, views = imported(source, Path(folder))
        gdf = with_coverage(store.areas(level=Level.DESA, geometry=True))  # both maps: the stored geometry
        features = len(gdf)
        # A province's desa view is not prepared at import (geo.shapes.PREPARED_AT_IMPORT): its
        # first opening simplifies it once (ui.prepare), timed here; every later one reads it.
        first_open = ShapeCache(store)
        _, prepare_view = timed(first_open.simplified, gdf[Col.KODE], gdf.geometry.values, Level.DESA)
        ours, cold = timed(product_html, gdf, ShapeCache(store))  # a fresh server: nothing in memory yet
        warm_cache = ShapeCache(store)
        product_html(gdf, warm_cache)
        ours, warm = timed(product_html, gdf, warm_cache)
        cold_hits = ShapeCache(store).has(gdf[Col.KODE], gdf.geometry.values, Level.DESA)
        store.close()
    naive, naive_build = timed(naive_html, gdf)
    simplified = simplify_for_level(gdf, Level.DESA)  # what the import kept, measured here
    info = simplified.attrs["simplify"]
    repaired = repair_coverage(gdf.geometry, info["zoom"])
    urls, times, blocked = {}, {"product": [], "naive": []}, {"product": set(), "naive": set()}
    for variant, html in (("product", ours), ("naive", naive)):
        path = site / f"{name}_{variant}.html"
        path.write_text(html, encoding="utf-8")
        urls[variant] = f"{base}/{path.name}"
    for _ in range(BROWSER_RUNS):  # interleaved, so both see the same machine load
        for variant in times:
            times[variant].append(draw_once(browser, urls[variant], DRAWN[variant], features, blocked[variant]))
    rows = []
    for variant, html in (("product", ours), ("naive", naive)):
        rows.append({"frame": name, "variant": variant, "polygons": features, "bytes": len(html.encode()),
                     "build": naive_build if variant == "naive" else warm,
                     "cold": cold if variant == "product" else None,
                     "browser": statistics.median(times[variant]), "fastest": min(times[variant]),
                     "blocked": len(blocked[variant]),
                     "vertices": info["vertices_after"] if variant == "product" else info["vertices_before"]})
    rows[0].update(zoom=info["zoom"], error=info["max_error_px"], prepare=prepare, prepare_view=prepare_view,
                   views=views, prepared=cold_hits,
                   error_repaired=max_error_px(repaired, simplified.geometry, info["zoom"]))
    return rows


def main() -> None:
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp)
        frames = []
        if BANTEN.exists():
            frames.append(("banten", BANTEN))
        else:
            print(f"(skipping banten: {BANTEN} not found)")
        synthetic = site / "synthetic_desa.geojson"
        synthetic_province().to_file(synthetic, driver="GeoJSON")
        frames.append(("synthetic", synthetic))
        shutil.copytree(assets.LEAFLET_DIR, site / "vendor", ignore=shutil.ignore_patterns("*-src*", "*.map"))
        server, base = serve(site)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, source in frames:
                rows += measure(name, source, browser, site, base)
        finally:
            browser.close()
            server.shutdown()
    print_table(rows)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


def print_table(rows: list[dict]) -> None:
    print("| frame | map | polygons | vertices | HTML | build to HTML | browser draw | max error |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        build = f"{r['build']:.2f} s" + (f" (first view {r['cold']:.2f} s)" if r["cold"] is not None else "")
        error = (f"{r['error']:.2f} px at z{r['zoom']:g} ({r['error_repaired']:.2f} px vs repaired)"
                 if "error" in r else "–")
        blocked = f", {r['blocked']} outside requests aborted" if r["blocked"] else ""
        print(f"| {r['frame']} | {r['variant']} | {r['polygons']:,} | {r['vertices']:,} | {r['bytes'] / 1e6:.2f} MB "
              f"| {build} | {r['browser']:.2f} s (fastest {r['fastest']:.2f} s){blocked} | {error} |")
    print("\nRatios product / naive (targets: payload ≤ 0.20, browser ≤ 0.50, build ≤ 0.50, error < 1 px):")
    for ours, naive in zip(rows[::2], rows[1::2]):
        print(f"- {ours['frame']}: payload {ours['bytes'] / naive['bytes']:.2f}, "
              f"browser {ours['browser'] / naive['browser']:.2f} "
              f"(fastest runs {ours['fastest'] / naive['fastest']:.2f}), "
              f"build {ours['build'] / naive['build']:.2f} warm / {ours['cold'] / naive['build']:.2f} first view "
              f"(the import took {ours['prepare']:.1f} s for {ours['views']} views, once per boundary file; this "
              f"province-wide view was prepared on first opening, {ours['prepare_view']:.1f} s, once, and "
              f"{'is' if ours['prepared'] else 'is NOT'} found in the store since), "
              f"max error {ours['error']:.2f} px ({ours['error_repaired']:.2f} px from the repaired coverage)")


if __name__ == "__main__":
    main()

"""Measuring a view in the browser: seconds from a click to the map drawn, bytes received meanwhile.

Bytes are what reached the tab: every WebSocket frame (Streamlit sends each script run's elements
over its socket, the map's HTML among them) and every HTTP response body (the map's iframe and
its Leaflet files). Shared by ``tests/e2e/test_national_map.py`` and ``bench/view_bench.py``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from playwright.sync_api import expect

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# The map's own Leaflet object inside its iframe (folium names it; the page keeps no other).
MAP = "Object.values(window).find(v => v instanceof L.Map)"


class ByteMeter:
    """Counts the bytes a tab receives from now on (``reset`` to start again)."""

    def __init__(self, page):
        self.received = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("requestfinished", self._response)

    def _frame(self, payload) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)

    def _response(self, request) -> None:
        try:
            self.received += max(0, request.sizes()["responseBodySize"])
        except Exception:  # a request the browser dropped has no sizes: nothing was received
            pass

    def reset(self) -> None:
        self.received = 0


@dataclass
class View:
    name: str
    seconds: float
    bytes: int
    areas: int


def map_frame(page):
    return page.locator(MAP_IFRAME).last.content_frame


def wait_drawn(page, count: int | None = None, timeout_ms: int = 60_000) -> int:
    """Wait until the script run has finished and the (last) map — not one ``mark_map`` marked — has
    painted its areas (``count`` of them when given); returns how many it painted."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout_ms)
    drawn = map_frame(page).locator("body:not([data-old]) [data-areas-drawn]")
    if count is None:
        expect(drawn).to_have_count(1, timeout=timeout_ms)
    else:
        expect(drawn).to_have_attribute("data-areas-drawn", str(count), timeout=timeout_ms)
    return int(drawn.get_attribute("data-areas-drawn"))


def measure(page, meter: ByteMeter, name: str, action, wait) -> View:
    """Run ``action`` (a click, a zoom), then ``wait`` until the view is drawn: seconds and bytes between."""
    mark_map(page)
    meter.reset()
    start = time.perf_counter()
    action()
    areas = wait()
    return View(name, time.perf_counter() - start, meter.received, areas)


def mark_map(page) -> None:
    """Mark the map shown now, so that ``wait_new_map`` waits for another one (a new viewport's)."""
    map_frame(page).locator("body").evaluate("() => { document.body.dataset.old = '1'; }")


def wait_new_map(page, timeout_ms: int = 60_000) -> int:
    """Wait for a map other than the one ``mark_map`` marked to paint its areas; returns how many."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout_ms)
    drawn = map_frame(page).locator("body:not([data-old]) [data-areas-drawn]")
    expect(drawn).to_have_count(1, timeout=timeout_ms)
    return int(drawn.get_attribute("data-areas-drawn"))


def map_codes(page) -> list[str]:
    """The codes of the areas the map holds, in the browser."""
    return map_frame(page).locator("body").evaluate(
        f"""() => {{ const map = {MAP}, out = [];
        map.eachLayer(l => {{ if (l.feature && l.feature.properties.kode !== undefined) out.push(l.feature.properties.kode); }});
        return out; }}""")


def zoom_to(page, lat: float, lon: float, zoom: int) -> None:
    """Move the map as a reader zooming in does (Leaflet's own setView: moveend, then st_folium answers)."""
    map_frame(page).locator("body").evaluate(f"() => {{ {MAP}.setView([{lat}, {lon}], {zoom}); }}")


def map_bounds(page) -> tuple[float, float, float, float]:
    """(west, south, east, north) the map shows."""
    return tuple(map_frame(page).locator("body").evaluate(
        f"() => {{ const b = {MAP}.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }}"))


def report(view: View) -> str:
    """One line with "met"/"not met" against the targets: ≤ 2 s from click to drawn, ≤ 3 MB sent."""
    time_ok = "met" if view.seconds <= 2.0 else "not met"
    size_ok = "met" if view.bytes <= 3_000_000 else "not met"
    return (f"{view.name:<44} {view.seconds:6.2f} s ({time_ok:>7} ≤ 2 s)  {view.bytes / 1e6:6.2f} MB "
            f"({size_ok:>7} ≤ 3 MB)  {view.areas:>5} areas")

"""`python -m geo map --out peta.html`: the file a colleague gets opens and draws with no network."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from geo.cli import main
from geo.coverage import coverage_table
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Zone
from geo.simplify import VIEW_PX, ZOOM_SNAP, fit_zoom
from geo.store import Store

pytestmark = pytest.mark.browser

KABUPATEN = "99.01"  # its 12 kecamatan span all three zones in the demo


def test_standalone_map_draws_offline(demo_store, offline, artifacts, tmp_path, capsys):
    db_url = demo_store("sqlite")
    out = tmp_path / "peta.html"
    assert main(["map", "--level", "kecamatan", "--within", KABUPATEN, "--out", str(out), "--db", db_url]) == 0, \
        capsys.readouterr().err
    table = coverage_table(Store.open(db_url), "kecamatan", within=KABUPATEN)
    tab = offline.new()
    tab.page.set_content(out.read_text(encoding="utf-8"))  # no server at all, every outside request aborted
    expect(tab.page.locator("[data-areas-drawn]")).to_have_attribute("data-areas-drawn", str(len(table)),
                                                                     timeout=30_000)
    legend = tab.page.locator(".peta-rekam-legend")
    expect(legend).to_contain_text("Kecamatan — Kabupaten Contoh Sejahtera")  # the file names its area
    expect(legend).to_contain_text("Zona perekaman KTP-el")
    assert tab.page.locator("[data-areas-drawn]").bounding_box()["height"] == 1000  # fills the window
    for count in table[Col.ZONA].value_counts():  # the legend counts what the store holds
        expect(legend).to_contain_text(f"({count})")
    # The painted canvas carries the zone colours of the table (fill drawn at 0.85 opacity).
    painted = tab.page.evaluate("""() => {
        const c = document.querySelector("canvas.leaflet-zoom-animated");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, seen = {};
        for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 200) {
                const hex = "#" + [d[i], d[i + 1], d[i + 2]].map(v => v.toString(16).padStart(2, "0")).join("");
                seen[hex] = (seen[hex] || 0) + 1;
            }
        }
        return seen;
    }""")
    assert table[Col.ZONA].nunique() == 3
    for zona in table[Col.ZONA].dropna().unique():
        assert painted.get(ZONE_COLOURS[Zone(zona)], 0) > 500, (zona, sorted(painted.items(), key=lambda kv: -kv[1])[:5])
    if table[Col.ZONA].isna().any():
        assert painted.get(NO_DATA_COLOUR, 0) > 0
    tab.page.screenshot(path=artifacts / "peta_mandiri.png")
    assert tab.outside == []


def test_fitting_zoom_is_the_one_leaflet_picks(demo_store, offline, tmp_path):
    """geo.simplify simplifies each view for the zoom Leaflet will fit it at (800-px map, the
    maps' zoom snap): asked of the real Leaflet, for extents from a desa to a province."""
    db_url = demo_store("sqlite")
    out = tmp_path / "peta.html"
    assert main(["map", "--level", "kecamatan", "--within", KABUPATEN, "--out", str(out), "--db", db_url]) == 0
    tab = offline.new()
    tab.page.set_content(out.read_text(encoding="utf-8"))
    extents = [(106.0, -6.0, 106.0 + w, -6.0 + w * ratio) for w in (0.02, 0.07, 0.3, 0.9, 1.7, 3.4)
               for ratio in (0.3, 1.0, 2.2)]
    leaflet = tab.page.evaluate("""([extents, snap, px]) => {
        const div = document.createElement("div");
        div.style.cssText = `position:absolute;left:0;top:0;width:${px}px;height:${px}px`;
        document.body.appendChild(div);
        const map = L.map(div, {zoomSnap: snap, center: [0, 0], zoom: 5});
        return extents.map(([x0, y0, x1, y1]) => map.getBoundsZoom([[y0, x0], [y1, x1]]));
    }""", [extents, ZOOM_SNAP, VIEW_PX])
    assert leaflet == [fit_zoom(e) for e in extents]

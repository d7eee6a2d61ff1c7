"""Screenshot mode (``?mode=tangkapan``): the maps the pages send have no +/− zoom buttons and no
"Leaflet" attribution; in the normal mode they keep their zoom buttons."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def _app(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _map_options(at: AppTest) -> dict:
    """The options of the page's Leaflet map, as the script st_folium was sent passes them to L.map."""
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    start = script.index("...{", script.index("L.map(")) + 3
    return json.loads(re.sub(r",\s*}", "}", script[start:script.index("}", start) + 1]))


@pytest.mark.parametrize("page", ["peta.py", "beranda.py"])
def test_screenshot_mode_draws_maps_without_zoom_buttons_or_attribution(demo_env, page):
    shot = _app(page, mode="tangkapan")
    assert not shot.exception
    options = _map_options(shot)
    assert options["zoomControl"] is False and options["attributionControl"] is False
    assert not {"dragging", "scrollWheelZoom", "touchZoom"} & set(options)  # still framed by hand
    script = json.loads(shot.get("component_instance")[0].proto.json_args)["script"]
    assert "Sumber: Dinas Kependudukan dan Pencatatan Sipil" in script  # the source, in the map's legend

    normal = _app(page)
    assert not normal.exception
    options = _map_options(normal)
    assert options["zoomControl"] is True and options.get("attributionControl", True) is True


"""Helpers of the province and country AppTests: run a page with query parameters, read its map."""
from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def run_page(page: str, **params) -> AppTest:
    """``pages/<page>.py`` run once with ``params`` as its query parameters."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def map_codes(at: AppTest) -> set[str]:
    """The area codes the page's (first) map draws, read from its GeoJSON."""
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    data, _ = json.JSONDecoder().raw_decode(script[script.index('{"type":"FeatureCollection"'):])
    return {f["properties"]["kode"] for f in data["features"]}

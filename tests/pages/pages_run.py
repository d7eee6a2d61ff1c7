"""Helpers of the province and country AppTests: run a page with query parameters, read its map and
the cells of a styled table as shown."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
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


def shown_text(element) -> pd.DataFrame:
    """A styled dataframe's cells as the reader sees them (the Styler's display values), under its headers."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    shown = convert_arrow_bytes_to_pandas_df(element.proto.arrow_data.styler.display_values)
    return shown.set_axis(element.value.columns, axis=1)


def styled_text(styler) -> pd.DataFrame:
    """A Styler's cells as the reader sees them (its display values), under its headers: for a table
    made before it reaches a page (``geo.present.sortable_table``)."""
    rows = [line.split("\x1f") for line in styler.hide(axis="index").to_string(delimiter="\x1f").splitlines()]
    return pd.DataFrame(rows[1:], columns=rows[0])


def boxes_saying(at: AppTest, text: str) -> tuple[list[str], list[str]]:
    """(the message boxes whose text holds ``text``, the first box of each kind: where the verdict stands),
    as the reader sees them (markdown escapes removed)."""
    kinds = (at.success, at.info, at.warning, at.error)
    firsts = [kind[0].value.replace("\\", "") for kind in kinds if kind]
    said = [box.value.replace("\\", "") for kind in kinds for box in kind if text in box.value]
    return said, firsts

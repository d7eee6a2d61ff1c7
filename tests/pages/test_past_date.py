"""A date picked from the past is said on every page that shows figures of a date: "Bukan data terbaru:
ini data …; sudah ada data …" (Kapasitas, Kantong, Peta and Rencana read as today's: a blank-card
run-out and a broken device's days counted from the old date, with nothing saying so)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.schema import Col
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("page", ["kapasitas", "kantong", "peta", "rencana"])
def test_a_past_date_is_said_not_the_newest(demo_env, page):
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    dates = store.snapshot_dates(kab)
    older, newest = dates[-3], dates[-1]
    said = f"Bukan data terbaru: ini data {fmt.long_date(older)}; sudah ada data {fmt.long_date(newest)}."
    now = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120).run()
    assert not now.exception and not any("Bukan data terbaru" in w.value for w in now.warning)
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
    at.query_params["date"] = older  # a link to that date, or the date picked in the sidebar
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning].count(said) == 1, [w.value for w in at.warning]

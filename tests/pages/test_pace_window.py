"""The days a ranking's paces were measured over, said as they are wherever the ranking is shown:
Banten's four weekly reports span 21 days, shorter than the usual 28-day window, and Beranda, Tren
and the province's PDF say 21 (Tren and the PDF used to say the setting, 28)."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.config import DEFAULT_RATE_WINDOW_DAYS, load_settings
from geo.render import briefing
from geo.store import Store
from tests.banten import DATES, PROVINCE
from tests.geo.test_briefing import _text

ROOT = Path(__file__).resolve().parents[2]
SPAN = (date.fromisoformat(DATES[-1]) - date.fromisoformat(DATES[0])).days  # from the dates of the files


def test_tren_and_the_province_pdf_say_the_days_the_paces_span(banten_url, monkeypatch, tmp_path):
    assert SPAN == 21 < DEFAULT_RATE_WINDOW_DAYS
    monkeypatch.setenv("REKAM_DB_URL", banten_url)  # the shared store: only read
    at = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=200)
    at.query_params["area"] = PROVINCE
    at.run()
    assert not at.exception
    notes = [c.value for c in at.caption if c.value.startswith("Naik per minggu:")]
    assert notes and all(f"selama {SPAN} hari terakhir" in n for n in notes), notes
    assert not any(f"selama {DEFAULT_RATE_WINDOW_DAYS} hari terakhir" in n for n in notes)

    store = Store.open(banten_url)
    pdf = briefing.briefing_pdf(store, PROVINCE, today=date.fromisoformat(DATES[-1]) + timedelta(days=3),
                                settings=load_settings())
    store.close()
    flat = " ".join(_text(pdf, tmp_path).split())
    assert f"poin cakupan per minggu selama {SPAN} hari terakhir" in flat

"""A shared link with values the page cannot use: each falls back to its default with a note
(Indonesian or English), never a traceback, on every page."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.coverage import area_totals
from geo.schema import Col
from geo.store import Store
from tests.pages.pages_run import map_codes, run_page

ROOT = Path(__file__).resolve().parents[2]
KAB, KAB_NAME = "99.01", "Kabupaten Contoh Sejahtera"
PAGES = ["beranda", "peta", "tren", "kantong", "rencana", "kapasitas", "data"]
BAD = {"area": "99.01.99.9999.1", "date": "2026-13-45", "level": "provinsi", "metric": "warna", "lang": "jp",
       "since": "kemarin", "mode": "cetak"}


def _notes(at: AppTest) -> list[str]:
    return [i.value for i in at.info if "dari tautan" in i.value or "from the link" in i.value]


def test_a_code_deeper_than_a_desa_opens_the_kabupaten_with_a_note(demo_env):
    at = run_page("peta", area="99.01.99.9999.1")
    assert not at.exception
    assert _notes(at) == [f"Wilayah `99.01.99.9999.1` dari tautan tidak ada di data; ditampilkan {KAB_NAME}."]
    kecamatan = Store.open(demo_env).areas(within=KAB, level="kecamatan")[Col.KODE]
    assert map_codes(at) == set(kecamatan)
    assert at.query_params["area"] == KAB and at.query_params["level"] == "kecamatan"


@pytest.mark.parametrize("area", ["99.01.77", "99.01.04.9999", "12.34", "99", "abc", "99.01.04.2003.x"])
def test_an_unknown_area_falls_back_with_a_note(demo_env, area):
    at = run_page("peta", area=area)
    assert not at.exception
    assert _notes(at) == [f"Wilayah `{area}` dari tautan tidak ada di data; ditampilkan {KAB_NAME}."]
    assert at.query_params["area"] == KAB


def test_a_bad_date_shows_the_latest_figures_with_a_note(demo_env):
    store = Store.open(demo_env)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["date"] = "2026-13-45"
    at.run()
    assert not at.exception
    assert _notes(at) == ["Tanggal `2026-13-45` dari tautan tidak ada di data; ditampilkan data terbaru."]
    latest = store.snapshot_dates(KAB)[-1]
    assert at.sidebar.selectbox[1].value == latest
    shown = {m.label: m.value for m in at.metric}
    assert shown["Wajib KTP"] == fmt.number(area_totals(store, KAB, date=latest)[Col.WAJIB])


def test_a_date_without_a_snapshot_and_a_good_date(demo_env):
    dates = Store.open(demo_env).snapshot_dates(KAB)
    assert _notes(run_page("peta", date="2026-11-17")) == [
        "Tanggal `2026-11-17` dari tautan tidak ada di data; ditampilkan data terbaru."]
    good = run_page("peta", date=dates[0])
    assert _notes(good) == [] and good.query_params["date"] == dates[0]


def test_a_bad_level_and_metric_keep_the_default_view(demo_env):
    at = run_page("peta", level="provinsi", metric="warna")
    assert not at.exception
    assert _notes(at) == ["Ukuran peta `warna` dari tautan tidak dikenal; peta diwarnai menurut zona.",
                          "Tingkat `provinsi` dari tautan tidak bisa dipakai di sini; peta memakai tingkat bawaan."]
    assert (at.radio(key="peta_level").value, at.radio(key="peta_metric").value) == ("kecamatan", "zona")


def test_a_level_above_the_area_shown_is_refused(demo_env):
    at = run_page("peta", area="99.01.04", level="kecamatan")
    assert _notes(at) == ["Tingkat `kecamatan` dari tautan tidak bisa dipakai di sini; peta memakai tingkat bawaan."]
    assert at.radio(key="peta_level").value == "desa"


def test_a_bad_language_stays_indonesian_and_english_notes_are_english(demo_env):
    at = run_page("peta", lang="jp")
    assert _notes(at) == ["Bahasa `jp` dari tautan tidak dikenal; dipakai Bahasa Indonesia."]
    assert at.header[0].value == "Peta Cakupan"
    en = run_page("peta", lang="en", metric="warna")
    assert _notes(en) == ["Map measure `warna` from the link is unknown; the map is coloured by zone."]
    assert en.header[0].value == "Coverage Map"


def test_a_value_is_shown_back_harmless_and_short(demo_env):
    at = run_page("peta", metric="[klik](http://contoh.invalid) `x`\n" + "z" * 80)
    shown = "[klik](http://contoh.invalid) x " + "z" * 8  # no backtick or line break, 40 characters
    assert _notes(at) == [f"Ukuran peta `{shown}` dari tautan tidak dikenal; peta diwarnai menurut zona."]


def test_the_note_is_shown_once(demo_env):
    at = run_page("peta", metric="warna")
    assert len(_notes(at)) == 1
    at.run()
    assert _notes(at) == []


@pytest.mark.parametrize("page", PAGES)
def test_every_page_survives_a_bad_link(demo_env, page):
    at = run_page(page, **BAD)
    assert not at.exception
    if page != "data":  # the Data page shows its notes after an editor logs in
        assert len(_notes(at)) == len(BAD)

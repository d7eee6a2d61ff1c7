"""Home page (pages/beranda.py, opened through dashboard.py's navigation as a visitor does): the KPI
figures on screen equal the store's, in Indonesian format."""
from __future__ import annotations

import json
from pathlib import Path

from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.coverage import area_totals, coverage_table, previous_date, top_belum
from geo.schema import Col
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()


def test_kpis_equal_the_store(demo_env):
    at = _app()
    assert not at.exception
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    now = area_totals(store, kab)
    before = area_totals(store, kab, date=previous_date(store, kab))
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(now[Col.WAJIB])
    assert values["Sudah rekam"] == fmt.number(now[Col.SUDAH])
    assert values["Belum rekam"] == fmt.number(now[Col.BELUM])
    assert values["Cakupan"] == fmt.percent(now[Col.CAKUPAN])
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas["Sudah rekam"].startswith(fmt.signed(now[Col.SUDAH] - before[Col.SUDAH]))
    assert "Data contoh sintetis" in " ".join(i.value for i in at.info)
    assert any(f"Zona {now[Col.ZONA]}" in m.value for m in at.markdown)


def test_kpi_arrows_follow_the_sign_of_the_change(demo_env):
    """Up for a rise, down for a fall, no arrow for no change (a "±0" with an up arrow misleads)."""
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    now = area_totals(store, kab)
    before = area_totals(store, kab, date=previous_date(store, kab))
    labels = {"Wajib KTP": Col.WAJIB, "Sudah rekam": Col.SUDAH, "Belum rekam": Col.BELUM, "Cakupan": Col.CAKUPAN}
    for metric in at.metric:
        if metric.label in labels:
            change = now[labels[metric.label]] - before[labels[metric.label]]
            expected = "UP" if change > 0 else ("DOWN" if change < 0 else "NONE")
            assert Metric.MetricDirection.Name(metric.proto.direction) == expected, (metric.label, change)


def test_top_ten_desa_and_map(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    expected = top_belum(coverage_table(store, "desa", within=kab), 10)
    shown = at.dataframe[0].value
    assert list(shown["Kode"]) == list(expected[Col.KODE])
    assert list(shown["Belum rekam"]) == [fmt.number(v) for v in expected[Col.BELUM]]
    # The map is drawn with every kecamatan of the kabupaten, coloured by zone.
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    script = args["script"]
    n_kec = len(store.areas(within=kab, level="kecamatan"))
    assert script.count('"kode"') >= n_kec


def test_english_switch(demo_env):
    at = _app()
    at.sidebar.radio[0].set_value("en").run()
    labels = [m.label for m in at.metric]
    assert labels == ["Must hold e-KTP", "Recorded", "Not yet recorded", "Coverage"]
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    assert at.metric[0].value == fmt.number(area_totals(store, kab)[Col.WAJIB], lang="en")


def test_date_picker_changes_the_figures(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    first = store.snapshot_dates(kab)[0]
    at.sidebar.selectbox[1].set_value(first).run()
    assert at.metric[1].value == fmt.number(area_totals(store, kab, date=first)[Col.SUDAH])


def test_media_downloads_are_offered(demo_env):
    at = _app()
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh" in labels and "Ringkasan untuk bupati (PDF)" in labels
    popover_boxes = [s.label for s in at.selectbox]
    assert "Gambar" in popover_boxes


def test_screenshot_mode_hides_the_chrome_and_downloads(demo_env):
    at = _app()
    at.sidebar.toggle[0].set_value(True).run()
    assert not at.exception
    css = " ".join(m.value for m in at.markdown)
    assert 'data-testid="stSidebar"' in css and "display: none" in css
    assert not [b for b in at.get("download_button")]
    assert [b.label for b in at.button] == ["Keluar dari mode tangkapan layar"]
    at.button[0].click().run()
    assert at.sidebar.toggle[0].value is False

"""The whole country as a picked area, on three real provinsi (tests/national_store.py): the picker
offers "Seluruh Indonesia", Beranda sums the source file and ranks provinsi and kabupaten/kota
worst first, Peta draws the kabupaten/kota and, zoomed in, only the desa inside the viewport;
Kantong and Tren open on it."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.present import short_name
from geo.schema import COUNTRY, Col, ZoneConfig
from geo.store import Store
from geo.store.tables import map_shapes_table
from tests.national_store import BOUNDARIES, FILES, build, copy_sqlite
from ui.tables import CELL_PADDING_PX, text_px
from ui.viewport import Viewport, answered
from tests.pages.pages_run import boxes_saying, map_codes, run_page, shown_text as _shown_text

ROOT = Path(__file__).resolve().parents[2]
PROVINSI_NAMES = {"18": "Lampung", "19": "Kepulauan Bangka Belitung", "36": "Banten"}
SHORT_NAMES = {"19": "Kep. Bangka Belitung"}  # as a table of the country's kabupaten/kota writes it (downloads: whole)
# What st_folium answers once the reader has zoomed in on Tangerang Selatan and Kota Tangerang.
ZOOMED = {"bounds": {"_southWest": {"lat": -6.35, "lng": 106.6}, "_northEast": {"lat": -6.2, "lng": 106.8}},
          "zoom": 11, "center": {"lat": -6.275, "lng": 106.7}}


@pytest.fixture(scope="module")
def country(real_dir, tmp_path_factory):
    """(store URL, the source file's rows) of the small country, built once for the module."""
    url, source = build(real_dir, tmp_path_factory.mktemp("country"))
    return url, pd.read_csv(source, dtype={Col.KODE: str})


@pytest.fixture
def country_env(country, monkeypatch):
    monkeypatch.setenv("REKAM_DB_URL", country[0])
    return country


def _latest(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows[Col.TANGGAL] == rows[Col.TANGGAL].max()]


def _coverage_by(rows: pd.DataFrame, width: int) -> pd.Series:
    """Coverage (percent) of each area whose code is the first ``width`` characters of the desa codes."""
    summed = rows.groupby(rows[Col.KODE].str[:width])[[Col.WAJIB, Col.SUDAH]].sum()
    return 100 * summed[Col.SUDAH] / summed[Col.WAJIB]


def test_the_picker_offers_the_whole_country_first(country_env):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    picker = next(s for s in at.selectbox if s.key == "area")
    assert picker.label == "Wilayah (negara, provinsi atau kabupaten/kota)"
    assert picker.options[:2] == ["Seluruh Indonesia", "Kab. Pesawaran (18.09)"]
    assert "Banten (36)" in picker.options  # the one provinsi holding two or more kabupaten/kota
    assert picker.value == COUNTRY  # the widest view is the default: the national officer's ranking
    assert at.title[0].value == "Cakupan perekaman KTP-el — Seluruh Indonesia"
    at.radio(key="lang").set_value("en").run()
    assert next(s for s in at.selectbox if s.key == "area").options[0] == "All of Indonesia"
    assert at.title[0].value == "e-KTP recording coverage — All of Indonesia"


def test_beranda_of_the_country_sums_the_source_file(country_env):
    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    now = _latest(country_env[1])
    wajib, sudah = int(now[Col.WAJIB].sum()), int(now[Col.SUDAH].sum())
    belum = int((now[Col.WAJIB] - now[Col.SUDAH]).clip(lower=0).sum())
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(wajib)
    assert values["Sudah rekam"] == fmt.number(sudah)
    assert values["Belum rekam"] == fmt.number(belum)
    assert values["Cakupan"] == fmt.percent(100 * sudah / wajib)
    assert len(map_codes(at)) == 10  # every kabupaten/kota of the three provinsi
    # under the verdict: how many kabupaten/kota are not green, the lowest three named (from the source file)
    kab = _coverage_by(now, 5).sort_values()
    behind = kab[kab < 92]
    assert len(behind) and len(behind) < len(kab)  # the seeded country has both
    store = Store.open(country_env[0])
    names = dict(zip(*[store.areas(level="kabupaten")[c] for c in (Col.KODE, Col.NAMA)]))
    lowest = ", ".join(f"{short_name(names[k])} ({fmt.percent(c)})" for k, c in behind[:3].items())
    said = (f"**{len(behind)} dari {len(kab)} kabupaten/kota belum di zona hijau** ({int((kab < 85).sum())} merah, "
            f"{int(((kab >= 85) & (kab < 92)).sum())} kuning); terendah: {lowest}.")
    assert any(said in m.value.replace("\\", "") for m in at.markdown), said


def _default_tab(at) -> int | None:
    """The index of the tab a page's (first) tab container opens on."""
    stack = [at._tree]
    while stack:
        node = stack.pop(0)
        proto = getattr(node, "proto", None)
        if proto is not None and "tab_container" in {f.name for f, _ in proto.ListFields()}:
            return proto.tab_container.default_tab_index
        children = getattr(node, "children", None) or {}
        stack.extend(children.values() if isinstance(children, dict) else children)
    return None


def test_the_ranking_opens_on_the_kabupaten_when_every_provinsi_is_green(country_env, monkeypatch):
    """A country whose provinsi are all green can still hold kabupaten/kota that are not: the ranking that
    shows them is opened first (with the default thresholds, some provinsi are not green: provinsi first)."""
    now = _latest(country_env[1])
    provinsi, kab = _coverage_by(now, 2), _coverage_by(now, 5)
    assert provinsi.min() < 92 and _default_tab(run_page("beranda", area=COUNTRY)) == 0
    hijau = int(provinsi.min())  # every provinsi green at this threshold, not every kabupaten/kota
    assert (kab < hijau).any()
    monkeypatch.setenv("REKAM_HIJAU", str(hijau))
    monkeypatch.setenv("REKAM_KUNING", str(hijau - 5))
    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    assert [t.label for t in at.tabs][:2] == ["Provinsi", "Kabupaten/kota"] and _default_tab(at) == 1


def test_the_country_verdict_names_the_provinsi_that_sent_nothing(country, monkeypatch, tmp_path):
    """A fourth provinsi's kabupaten/kota are known (boundaries, code table) but sent no figures yet: the
    country's sum is that of the others, and its verdict says so, counted in kabupaten/kota (the offices
    that report), with the provinsi that sent nothing named."""
    from shapely.geometry import box

    url = copy_sqlite(country[0], tmp_path / "rekam.sqlite")
    store = Store.open(url)
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame([
        ("51", "Bali", "provinsi", None, "provinsi", box(114.4, -8.9, 115.7, -8.0)),
        ("51.01", "Kabupaten Jembrana", "kabupaten", "51", "kabupaten", box(114.4, -8.5, 114.9, -8.1)),
        ("51.02", "Kabupaten Tabanan", "kabupaten", "51", "kabupaten", box(114.9, -8.6, 115.2, -8.2)),
    ], columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]), geometry="geometry",
        crs="EPSG:4326"))
    store.close()
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    reported = country[1][Col.KODE].str[:5].nunique()
    said, firsts = boxes_saying(at, "Angka ini hanya dari")
    assert len(said) == 1 and said[0] in firsts and said[0].startswith("**")  # once, in the verdict
    assert said[0].endswith(
        f"Angka ini hanya dari {reported} dari {reported + 2} kabupaten/kota Indonesia: 2 belum ada datanya; "
        "tanpa data sama sekali: Bali. Cakupan seluruh Indonesia belum diketahui — minta data yang belum masuk.")
    assert not at.success  # a sum without Bali is never "done"


def _hijau_day(rows: pd.DataFrame, width: int) -> pd.Series:
    """Per area: the day it reaches hijau (92 %) at its pace between the two dates (wajib unchanged), as
    the sortable key the ranking keeps (the day as YYYYMMDD; 0: already there), from the source file alone."""
    first, last = (rows[rows[Col.TANGGAL] == d].groupby(rows[Col.KODE].str[:width])[[Col.WAJIB, Col.SUDAH]].sum()
                   for d in (rows[Col.TANGGAL].min(), rows[Col.TANGGAL].max()))
    days = (pd.Timestamp(rows[Col.TANGGAL].max()) - pd.Timestamp(rows[Col.TANGGAL].min())).days
    rate = (last[Col.SUDAH] - first[Col.SUDAH]) / days
    wait = np.ceil((0.92 * last[Col.WAJIB] - last[Col.SUDAH]) / rate)
    last_day = pd.Timestamp(rows[Col.TANGGAL].max())
    day = [int((last_day + pd.Timedelta(days=int(w))).strftime("%Y%m%d")) for w in wait]
    return pd.Series(np.where(wait > 0, day, 0), index=last.index, dtype=float)


def test_beranda_ranks_provinsi_and_kabupaten_lowest_coverage_first(country_env):
    at = run_page("beranda", area=COUNTRY)
    rows = country_env[1]
    now, before = _coverage_by(_latest(rows), 2), _coverage_by(rows[rows[Col.TANGGAL] == rows[Col.TANGGAL].min()], 2)
    provinsi, kabupaten = at.dataframe[0].value, at.dataframe[1].value
    assert list(provinsi.columns) == ["Peringkat", "Nama wilayah", "Cakupan", "Belum rekam", "Zona", "Naik per minggu",
                                      "Perkiraan tercapai"]
    order = now.sort_values().index
    assert list(provinsi["Nama wilayah"]) == [PROVINSI_NAMES[k] for k in order]
    assert provinsi["Cakupan"].tolist() == pytest.approx(now[order].tolist())
    assert provinsi["Naik per minggu"].tolist() == pytest.approx((now - before)[order].tolist())  # a week apart
    assert provinsi["Perkiraan tercapai"].tolist() == _hijau_day(rows, 2)[order].tolist()
    by_kabupaten = _coverage_by(_latest(rows), 5).sort_values()
    # the answer in the first columns (a phone shows those only): coverage and zone before the provinsi
    assert list(kabupaten.columns)[:6] == ["Peringkat", "Nama wilayah", "Cakupan", "Belum rekam", "Zona", "Provinsi"]
    assert list(kabupaten["Peringkat"]) == list(range(1, 11))
    assert kabupaten["Cakupan"].tolist() == pytest.approx(by_kabupaten.tolist())
    assert list(kabupaten["Provinsi"]) == [SHORT_NAMES.get(k[:2], PROVINSI_NAMES[k[:2]]) for k in by_kabupaten.index]
    days = _hijau_day(rows, 5)[by_kabupaten.index]
    assert kabupaten["Perkiraan tercapai"].tolist() == days.tolist()
    # as the reader sees them: a day (all before 5 December 2026 here: marked as past), or already there
    today = int(date.today().strftime("%Y%m%d"))
    words = [("sudah tercapai" if d == 0 else fmt.long_date(pd.Timestamp(str(int(d))).date())
              + (" (lewat)" if d < today else "")) for d in days]
    assert _shown_text(at.dataframe[1])["Perkiraan tercapai"].tolist() == words
    assert 0 < (days == 0).sum() < len(days)  # both kinds are there
    # the day and the provinsi as wide as their longest, whichever row holds it (the grid sizes from its first rows)
    widths = {name: config.get("width") for name, config in json.loads(at.dataframe[1].proto.columns).items()}
    assert widths["Perkiraan tercapai"] == int(max(map(text_px, words)) + CELL_PADDING_PX)
    assert widths["Provinsi"] == int(text_px("Kep. Bangka Belitung") + CELL_PADDING_PX)
    names = Store.open(country_env[0]).areas(level="kabupaten").set_index(Col.KODE)[Col.NAMA]
    assert list(kabupaten["Nama wilayah"]) == [short_name(names[k]) for k in by_kabupaten.index]  # "Kab. Lebak"
    widest = max(text_px(short_name(n)) for n in names[by_kabupaten.index])  # "Kota Tangerang Selatan"
    assert widths["Nama wilayah"] == int(widest + CELL_PADDING_PX) < int(
        max(map(text_px, names[by_kabupaten.index])) + CELL_PADDING_PX)


def test_the_kabupaten_ranking_is_searched_by_name(country_env):
    at = run_page("beranda", area=COUNTRY)
    at.text_input(key="home_cari_kabupaten").set_value("serang").run()
    assert not at.exception
    assert set(at.dataframe[1].value["Nama wilayah"]) == {"Kab. Serang", "Kota Serang"}  # searched whole, shown short
    at.text_input(key="home_cari_kabupaten").set_value("LAMPUNG").run()  # the provinsi's name, any case
    assert list(at.dataframe[1].value["Nama wilayah"]) == ["Kab. Pesawaran"]


def test_peta_of_the_country_draws_its_kabupaten(country_env):
    at = run_page("peta", area=COUNTRY)
    assert not at.exception
    assert map_codes(at) == {"18.09", "19.03", "36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74"}
    assert at.radio(key="peta_level").options == ["Provinsi", "Kabupaten/kota"]  # Banten's outline, from its 8
    assert at.radio(key="peta_level").value == "kabupaten"
    assert at.query_params["area"] == COUNTRY and at.query_params["level"] == "kabupaten"
    assert not [b for b in at.button if (b.key or "").startswith("crumb_")]  # the top: the title names it


def _desa_meeting(real_dir: Path, box) -> set[str]:
    """Desa of the boundary files whose polygon meets ``box`` (west, south, east, north)."""
    files = [real_dir / FILES / name for name, level in BOUNDARIES if level.value == "desa"]
    desa = pd.concat([gpd.read_file(f) for f in files], ignore_index=True)
    return set(desa.loc[desa.geometry.intersects(shapely.box(*box)), "kode"])


def test_zoomed_in_the_map_loads_only_the_desa_in_its_viewport(country_env, real_dir):
    at = run_page("peta", area=COUNTRY)
    viewport = answered((COUNTRY, "kabupaten"), ZOOMED, None)
    assert viewport.level == "desa" and viewport.zoom == 11
    w, s, e, n = viewport.box  # what was seen and a tenth of it on each side
    assert (w, s, e, n) == pytest.approx((106.58, -6.365, 106.82, -6.185))
    at.session_state["peta_viewport"] = viewport  # what the page keeps after that answer
    at.run()
    assert not at.exception
    codes = map_codes(at)
    assert codes == _desa_meeting(real_dir, viewport.box)
    assert {c[:5] for c in codes} == {"36.03", "36.71", "36.74"}  # Kab. Tangerang's east, Kota Tangerang, Tangsel
    assert f"Di layar: {fmt.number(len(codes))} desa/kelurahan" in at.info[-1].value
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert "center: [-6.275, 106.7]" in script and '"zoom": 11.0' in script  # where the reader was, at his zoom
    at.session_state["peta_viewport"] = answered((COUNTRY, "kabupaten"), {**ZOOMED, "zoom": 8}, None)
    at.run()
    kecamatan = map_codes(at)  # zoomed out to 8: the kecamatan meeting the box, from Banten's own view
    assert kecamatan and all(k.count(".") == 2 and k.startswith("36.") for k in kecamatan)
    assert {k[:5] for k in kecamatan} == {"36.03", "36.71", "36.74"}


def test_the_areas_loaded_for_a_viewport_are_drawn_as_prepared(country_env):
    """Each desa comes from its kabupaten/kota's prepared view, each kecamatan from its provinsi's: no
    progress bar, and the store keeps no new view for a viewport (every new box would otherwise be
    simplified again)."""
    store = Store.open(country_env[0])
    views = {level: _stored_views(store, level) for level in ("desa", "kecamatan")}
    at = run_page("peta", area=COUNTRY)
    at.session_state["peta_viewport"] = answered((COUNTRY, "kabupaten"), ZOOMED, None)
    at.run()
    assert not at.exception and map_codes(at)
    assert not at.get("progress")
    westward = {"_southWest": {"lat": -6.3, "lng": 106.0}, "_northEast": {"lat": -6.0, "lng": 106.7}}  # other kabupaten/kota
    at.session_state["peta_viewport"] = answered((COUNTRY, "kabupaten"), {**ZOOMED, "bounds": westward, "zoom": 8}, None)
    at.run()
    assert not at.exception and {k.count(".") for k in map_codes(at)} == {2}  # kecamatan
    assert not at.get("progress")
    assert {level: _stored_views(store, level) for level in views} == views


def _stored_views(store: Store, level: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(map_shapes_table)
                            .where(map_shapes_table.c.level == level)).scalar_one()


def test_the_viewport_follows_the_readers_zoom(country_env):
    base = (COUNTRY, "kabupaten")
    desa = answered(base, ZOOMED, None)
    wider = {**ZOOMED, "zoom": 8}
    assert answered(base, wider, desa).level == "kecamatan"
    assert answered(base, {**ZOOMED, "zoom": 7}, desa) is None  # back to the kabupaten/kota
    moved = {**ZOOMED, "bounds": {"_southWest": {"lat": -6.34, "lng": 106.62}, "_northEast": {"lat": -6.21, "lng": 106.8}}}
    assert answered(base, moved, desa) is desa  # inside the loaded box: nothing new to load
    default = {k: v for k, v in ZOOMED.items() if k != "center"}  # st_folium's default, not the reader's view
    assert answered(base, default, None) is None
    assert answered(("36.03", "desa"), ZOOMED, None) is None  # a kabupaten's map: one plain view
    # A provinsi's map that opened at zoom 9 (past the kecamatan's threshold) shows its kabupaten/kota first.
    assert answered(("36", "kabupaten"), {**ZOOMED, "zoom": 9}, None, opened_at=9) is None
    assert answered(("36", "kabupaten"), {**ZOOMED, "zoom": 10}, None, opened_at=9).level == "kecamatan"


def test_a_kabupaten_stays_one_plain_view(country_env):
    at = run_page("peta", area="36.03", level="desa")
    assert not at.exception
    at.session_state["peta_viewport"] = Viewport((COUNTRY, "kabupaten"), "desa", (106.55, -6.39, 106.85, -6.16),
                                                 (-6.275, 106.7), 11.0)  # left from the country's map
    at.run()
    assert len(map_codes(at)) == 274 and all(c.startswith("36.03.") for c in map_codes(at))
    assert not any("Di layar" in i.value for i in at.info)


def test_the_country_is_opened_by_a_link_and_drills_down(country_env):
    at = run_page("peta", area=COUNTRY, level="kabupaten")
    at.session_state["peta_pending"] = "36.74"  # what a click on Tangsel does
    at.run()
    assert not at.exception
    assert {c[:5] for c in map_codes(at)} == {"36.74"} and len(map_codes(at)) == 7  # its kecamatan
    crumbs = [b.label for b in at.button if b.key and b.key.startswith("crumb_")]
    assert crumbs == ["Seluruh Indonesia", "Banten"] and "**Kota Tangerang Selatan**" in [m.value for m in at.markdown]
    next(b for b in at.button if b.key == "crumb_36").click().run()  # back up to the provinsi
    assert at.query_params["area"] == "36" and {c[:2] for c in map_codes(at)} == {"36"}


def test_kantong_and_tren_open_on_the_country(country_env):
    at = run_page("kantong", area=COUNTRY)
    assert not at.exception
    assert at.radio(key="kantong_level").options == ["Kecamatan", "Kabupaten/kota"]
    assert at.radio(key="kantong_level").value == "kabupaten"
    assert len(at.dataframe[0].value) == 10
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert "Kantong pemula" not in script and "siswa akan 17" not in script  # no school stored: no empty layer
    at = run_page("tren", area=COUNTRY)
    assert not at.exception
    assert at.selectbox(key="tren_area").options == ["Seluruh Indonesia", "Lampung (18)",
                                                     "Kepulauan Bangka Belitung (19)", "Banten (36)"]
    assert at.header[0].value == "Tren dan proyeksi — Seluruh Indonesia"
    lines = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert lines[0]["name"] == "Indonesia"  # the country by its name in the legend, not "Indonesia (ID)"
    bars = json.loads(at.get("plotly_chart")[1].proto.spec)["layout"]
    ticks = bars["yaxis"]["ticktext"]  # as counts are written: 50.000 a week, never 50k
    assert ticks == [fmt.number(v) for v in bars["yaxis"]["tickvals"]] and not any(t.endswith("k") for t in ticks)


def test_beranda_of_the_country_gives_its_verdict_and_its_media_pack(country_env, downloads):
    from datetime import date

    from geo.config import load_settings
    from geo.present.trend import stale_advice, stale_warning, verdict
    from geo.store import Store
    from geo.targets import area_projection

    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    settings = load_settings()
    store = Store.open(country_env[0])
    projection = area_projection(store, COUNTRY, today=date.today(), settings=settings)
    store.close()
    said = " ".join(b.value for b in [*at.success, *at.info, *at.warning, *at.error])
    assert verdict(projection, settings.zones.hijau)["title"] in said  # no target set: hijau by the deadline
    stale = stale_warning(projection, settings.stale_days, "id")
    advice = stale_advice(projection, settings.stale_days, "id")  # old data, said once
    assert (advice in said and stale not in said) if advice else (stale is None or stale in said)
    buttons = {b.label: b for b in at.get("download_button")}
    assert "Unduh" in buttons and "Ringkasan nasional (PDF)" in buttons
    pdf = downloads[buttons["Ringkasan nasional (PDF)"].proto.deferred_file_id]
    assert pdf["file_name"] == "peta-rekam_ringkasan_ID_2026-11-16.pdf"
    assert pdf["data"]()[:5] == b"%PDF-"


def test_tren_of_the_country_ranks_its_provinsi_by_pace(country_env):
    at = run_page("tren", area=COUNTRY)
    assert not at.exception
    rows = country_env[1]
    now = _latest(rows)
    assert at.metric[0].value == fmt.percent(100 * now[Col.SUDAH].sum() / now[Col.WAJIB].sum())
    assert at.subheader[0].value == "Provinsi: yang paling lambat dulu"
    ranked = at.dataframe[0].value
    assert set(ranked.iloc[:, 0]) == set(PROVINSI_NAMES.values())


def test_the_country_is_read_from_the_store_not_held_in_memory(country_env):
    """``HeldArea`` holds one area's rows (its own code and the codes under it): the country, every
    row of the store, is answered by the store itself."""
    from geo.store.held import HeldArea
    from ui import queries

    url = country_env[0]
    stamp = queries.store(url).stamp()
    assert not isinstance(queries.held(url, stamp, COUNTRY), HeldArea)
    assert isinstance(queries.held(url, stamp, "36"), HeldArea)
    summary = queries.area_summary(url, stamp, COUNTRY, None, ZoneConfig())
    now = _latest(country_env[1])
    assert summary["now"][Col.SUDAH] == int(now[Col.SUDAH].sum()) and summary["previous_date"] == "2026-11-09"


def test_the_first_zoom_finds_its_kecamatan_read_ahead(country_env, monkeypatch):
    """Once the country's map is shown, every provinsi's kecamatan (coverage table and prepared view)
    and kabupaten/kota borders are read in the background: the first zoom to kecamatan reads
    nothing from the store (counted on the coverage reader and the prepared shapes' read)."""
    import threading

    from geo import coverage
    from geo.shapes import ShapeCache
    from ui.prepare import THREAD_PREFIX

    at = run_page("peta", area=COUNTRY)
    assert not at.exception
    for thread in [t for t in threading.enumerate() if t.name == THREAD_PREFIX]:  # started by the country's map
        thread.join(timeout=300)
        assert not thread.is_alive()
    reads = []
    coverage_table, stored = coverage.coverage_table, ShapeCache._stored
    monkeypatch.setattr(coverage, "coverage_table", lambda *a, **k: reads.append(a[1:2]) or coverage_table(*a, **k))
    monkeypatch.setattr(ShapeCache, "_stored", lambda self, key: reads.append(key) or stored(self, key))
    wide = {"_southWest": {"lat": -6.9, "lng": 104.5}, "_northEast": {"lat": -1.5, "lng": 107.0}}  # three provinsi
    at.session_state["peta_viewport"] = answered((COUNTRY, "kabupaten"), {**ZOOMED, "bounds": wide, "zoom": 8}, None)
    at.run()
    assert not at.exception
    assert {k[:2] for k in map_codes(at)} == set(PROVINSI_NAMES)  # kecamatan of each provinsi
    assert {k.count(".") for k in map_codes(at)} == {2}
    assert reads == []


def test_a_kabupaten_that_stopped_reporting_is_named_above_the_rankings(country, tmp_path, monkeypatch):
    """Every office but Kota Serang's sends a file dated 1 December: the country's and Banten's rankings
    say Kota Serang's figures are those of 16 November, not of 1 December (more than 14 days older)."""
    url, rows = country
    copy = copy_sqlite(url, tmp_path / "rekam.sqlite")
    store = Store.open(copy)
    newer = _latest(rows)
    newer = newer[~newer[Col.KODE].str.startswith("36.73.")].drop(columns=Col.TANGGAL)
    store.add_enrollment(newer.assign(**{Col.SUDAH: newer[Col.SUDAH] + 5}), tanggal="2026-12-01")
    store.close()
    monkeypatch.setenv("REKAM_DB_URL", copy)
    warning = ("Data 1 kabupaten/kota lebih dari 14 hari lebih tua dari 1 Desember 2026: Kota Serang "
               "(16 November 2026). Angka mereka di halaman ini bukan keadaan 1 Desember 2026; minta data terbaru.")
    country_page = run_page("beranda", area=COUNTRY)
    assert not country_page.exception
    assert [w.value for w in country_page.warning if "halaman ini" in w.value] == [warning]  # the kabupaten tab
    banten = run_page("beranda", area="36")
    assert not banten.exception
    assert [w.value for w in banten.warning if "halaman ini" in w.value] == [warning]
    # the provinsi: Banten's newest data (1 December) is fresh; no provinsi lags
    at_16 = run_page("beranda", area=COUNTRY, date="2026-11-16")  # before the newer files: none lags
    assert not [w for w in at_16.warning if "halaman ini" in w.value]


def test_the_rankings_download_as_spreadsheets_with_numbers_as_numbers(country_env, files):
    """CSV (Indonesian Excel's ";" and ",") and XLSX of each ranking as shown: the kabupaten/kota worst
    first with code, provinsi, coverage from the source file, pace, projected day and date of the data."""
    import io

    import openpyxl

    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    rows = country_env[1]
    day = rows[Col.TANGGAL].max()
    by_kabupaten = _coverage_by(_latest(rows), 5).sort_values()
    shown = pd.read_csv(io.BytesIO(files[f"peringkat_kabupaten_ID_{day}.csv"]), sep=";", decimal=",",
                        encoding="utf-8-sig", dtype={"Kode": str})
    assert list(shown.columns) == ["Peringkat", "Nama wilayah", "Kode", "Provinsi", "Cakupan", "Belum rekam", "Zona",
                                   "Naik per minggu", "Perkiraan tercapai", "Data per"]
    assert shown["Kode"].tolist() == by_kabupaten.index.tolist()
    assert shown["Cakupan"].tolist() == pytest.approx(by_kabupaten.round(2).tolist())
    assert shown["Provinsi"].tolist() == [PROVINSI_NAMES[k[:2]] for k in by_kabupaten.index]
    assert shown["Perkiraan tercapai"].tolist() == _shown_text(at.dataframe[1])["Perkiraan tercapai"].tolist()
    assert set(shown["Data per"]) == {day}
    book = openpyxl.load_workbook(io.BytesIO(files[f"peringkat_provinsi_ID_{day}.xlsx"]))
    assert book.sheetnames == ["Peringkat"]
    sheet = list(book["Peringkat"].iter_rows(values_only=True))
    now = _coverage_by(_latest(rows), 2).sort_values()
    assert [r[2] for r in sheet[1:]] == now.index.tolist()
    assert sheet[0][3] == "Cakupan" and [r[3] for r in sheet[1:]] == pytest.approx(now.round(2).tolist())  # numbers


@pytest.mark.parametrize("page", ["rencana", "kapasitas"])
def test_pages_of_one_office_offer_the_countrys_kabupaten_most_unrecorded_first(country_env, page):
    """Mobile-unit plans and devices belong to a kabupaten/kota office: opened for the whole country the
    page says so and offers every kabupaten/kota, the most not yet recorded (from the source file) first;
    a pick opens that office's page (named, not coded)."""
    at = run_page(page, area=COUNTRY)
    assert not at.exception
    rows = _latest(country_env[1])
    belum = (rows[Col.WAJIB] - rows[Col.SUDAH]).clip(lower=0).groupby(rows[Col.KODE].str[:5]).sum()
    belum = belum.sort_values(ascending=False, kind="stable")
    names = Store.open(country_env[0]).areas(level="kabupaten").set_index(Col.KODE)[Col.NAMA]
    picker = at.selectbox(key="buka_kabupaten")
    assert picker.options == [f"{names[k]} — {fmt.number(n)} belum rekam" for k, n in belum.items()]
    assert "Seluruh Indonesia" in at.info[0].value
    picker.set_value(belum.index[0]).run()
    assert not at.exception and at.session_state["area"] == belum.index[0] == "36.03"
    assert not [s for s in at.selectbox if s.key == "buka_kabupaten"]
    if page == "rencana":  # the test country has no recording sites: a plan from a kecamatan's centre, said so
        assert any(w.value.startswith("Belum ada kantor Disdukcapil atau kantor kecamatan di daftar lokasi "
                                      "perekaman Kabupaten Tangerang: rencana ini berangkat dari titik tengah Kec. ")
                   for w in at.warning)
        assert at.metric and at.dataframe  # the plan itself, not a dead end
    else:
        assert any(i.value.startswith("Belum ada inventaris alat dan operator") for i in at.info)


def test_the_countrys_capacity_offers_the_provinsi_of_the_pickers_too(country_env):
    """Devices per kecamatan can be listed for a provinsi: the country's Kapasitas offers the provinsi the
    sidebar offers (two or more kabupaten/kota held: Banten), with its figure from the source file, in
    the page itself (on a phone the sidebar is folded away)."""
    at = run_page("kapasitas", area=COUNTRY)
    rows = _latest(country_env[1])
    belum = (rows[Col.WAJIB] - rows[Col.SUDAH]).clip(lower=0).groupby(rows[Col.KODE].str[:2]).sum()
    picker = at.selectbox(key="buka_provinsi")
    assert picker.options == [f"Banten — {fmt.number(belum['36'])} belum rekam"]
    assert "sebelah kiri" not in at.info[0].value
    picker.set_value("36").run()
    assert not at.exception and at.session_state["area"] == "36"
    assert not [s for s in at.selectbox if s.key in ("buka_provinsi", "buka_kabupaten")]  # its kecamatan listed
    assert not [s for s in run_page("rencana", area=COUNTRY).selectbox if s.key == "buka_provinsi"]  # plans: kabupaten


def test_a_provinsi_plans_per_kabupaten_but_lists_its_kecamatan_capacity(country_env):
    at = run_page("rencana", area="36")
    assert [o.split(" — ")[0] for o in at.selectbox(key="buka_kabupaten").options][:2] == ["Kabupaten Tangerang",
                                                                                         "Kabupaten Serang"]
    assert len(at.selectbox(key="buka_kabupaten").options) == 8
    at = run_page("kapasitas", area="36")
    assert not at.exception and not [s for s in at.selectbox if s.key == "buka_kabupaten"]


def test_a_provinsi_whose_kabupaten_are_all_held_gets_its_outline(country_env, real_dir):
    """No provinsi file was imported: Banten's outline is dissolved from its 8 kabupaten/kota (all the
    code table lists) as the store holds them last, named as the table names it; Lampung and Bangka Belitung, of which one
    kabupaten each is held, get none (a part would pass for the whole). The country's map draws it
    at its provinsi level."""
    store = Store.open(country_env[0])
    provinsi = store.areas(level="provinsi", geometry=True)
    assert list(provinsi[Col.KODE]) == ["36"] and list(provinsi[Col.NAMA]) == ["Banten"]
    # as the store holds its kabupaten/kota now: the desa file, imported last, redrew them and the outline
    kabupaten = store.areas(within="36", level="kabupaten", geometry=True)
    banten = shapely.union_all(kabupaten.geometry.values)
    outline = provinsi.geometry.iloc[0]
    in_file = gpd.read_file(real_dir / FILES / BOUNDARIES[0][0])
    assert len(kabupaten) == 8 and not banten.equals(shapely.union_all(
        in_file[in_file["kode"].str.startswith("36.")].geometry.values))
    assert banten.difference(outline).area < 1e-6 * banten.area  # every kabupaten/kota inside it
    assert 0 <= outline.area - banten.area < 0.002 * banten.area  # only the slivers between them closed
    at = run_page("peta", area=COUNTRY, level="provinsi")
    assert not at.exception and map_codes(at) == {"36"}
    assert at.caption[-1].value.split(" · ")[-1].startswith("Klik provinsi untuk melihat kabupaten/kotanya.")
    at.session_state["peta_pending"] = "36"  # what a click on Banten does: its kabupaten/kota
    at.run()
    assert {c[:2] for c in map_codes(at)} == {"36"} and len(map_codes(at)) == 8
    assert "Kembali ke atas lewat tombol di atas peta." in at.caption[-1].value


def test_a_country_without_boundaries_says_so_instead_of_an_empty_map(monkeypatch, tmp_path):
    """A national store holding codes and figures but no boundary (areas from the code table): Beranda's
    map says what is missing and where to upload it; the figures and the rankings stay."""
    areas = pd.DataFrame([("36", "Banten", "provinsi", None), ("36.01", "Kabupaten Pandeglang", "kabupaten", "36"),
                          ("36.01.01", "Sumur", "kecamatan", "36.01"), ("36.01.01.2001", "Kertajaya", "desa", "36.01.01"),
                          ("51", "Bali", "provinsi", None), ("51.01", "Kabupaten Jembrana", "kabupaten", "51"),
                          ("51.01.01", "Negara", "kecamatan", "51.01"), ("51.01.01.2001", "Baler Bale Agung", "desa", "51.01.01")],
                         columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK])
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    store = Store.open(url)
    store.add_areas(gpd.GeoDataFrame(areas.assign(**{Col.TIPE: None}), geometry=[None] * len(areas), crs="EPSG:4326"))
    store.add_enrollment(pd.DataFrame({Col.KODE: ["36.01.01.2001", "51.01.01.2001"], Col.WAJIB: [1000, 2000],
                                       Col.SUDAH: [900, 1500]}), tanggal="2026-11-16")
    store.close()
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    assert not at.get("component_instance")  # no map drawn
    assert ("Peta kabupaten/kota belum dapat digambar: basis data belum menyimpan batas wilayahnya. Unggah berkas "
            "batas wilayah di halaman Data, tab Batas wilayah; angka dan peringkat di halaman ini tetap berlaku."
            in [i.value for i in at.info])
    assert {m.label: m.value for m in at.metric}["Cakupan"] == fmt.percent(100 * 2400 / 3000)
    assert {"Banten", "Bali"} <= set(_shown_text(at.dataframe[0])["Nama wilayah"])


@pytest.fixture
def country_with_demo(country, monkeypatch, tmp_path):
    """The small country after someone also loaded the demo (``python -m geo demo --load``): its
    fictional provinsi 99 beside the three real ones."""
    from geo.cli.main import main

    url = copy_sqlite(country[0], tmp_path / "rekam.sqlite")
    assert main(["demo", "--load", "--db", url]) == 0
    monkeypatch.setenv("REKAM_DB_URL", url)
    return url, country[1]


def test_the_country_never_sums_the_demo(country_with_demo, capsys):
    """Seluruh Indonesia is the real provinsi only: its figures, map, rankings, series and Tren's areas
    equal those of the source file, whatever the demo's synthetic figures add to the store."""
    capsys.readouterr()
    now = _latest(country_with_demo[1])
    wajib, sudah = int(now[Col.WAJIB].sum()), int(now[Col.SUDAH].sum())
    at = run_page("beranda", area=COUNTRY)
    assert not at.exception
    values = {m.label: m.value for m in at.metric}
    assert (values["Wajib KTP"], values["Sudah rekam"]) == (fmt.number(wajib), fmt.number(sudah))
    assert len(map_codes(at)) == 10 and not any(k.startswith("99") for k in map_codes(at))
    provinsi = _shown_text(at.dataframe[0])["Nama wilayah"]
    assert set(provinsi) == set(PROVINSI_NAMES.values())
    kabupaten = at.dataframe[1].value
    assert len(kabupaten) == 10 and "Contoh Sejahtera" not in " ".join(map(str, kabupaten.iloc[:, 1]))
    tren = run_page("tren", area=COUNTRY)
    assert not tren.exception
    assert tren.metric[0].value == fmt.percent(100 * sudah / wajib)
    assert "Kab. Contoh Sejahtera (99.01)" not in tren.selectbox(key="tren_area").options
    from geo.store import Store
    from geo.timeline import area_over_time

    store = Store.open(country_with_demo[0])
    over_time = area_over_time(store, COUNTRY)
    store.close()
    by_date = country_with_demo[1].groupby(Col.TANGGAL)[[Col.WAJIB, Col.SUDAH]].sum()
    assert list(over_time[Col.TANGGAL]) == list(by_date.index)  # no demo date among the country's
    assert over_time[Col.SUDAH].astype(int).tolist() == by_date[Col.SUDAH].astype(int).tolist()

"""Peta Cakupan: level and metric switches, URL state, drill-down state, search, point layers."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.coverage import coverage_table
from geo.schema import ZONE_COLOURS, Col, Zone
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]
KAB = "99.01"


def _app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "peta.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _features(at: AppTest) -> dict[str, dict]:
    """kode → properties of the polygons in the folium map the page sent."""
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    data, _ = json.JSONDecoder().raw_decode(script[script.index('{"type":"FeatureCollection"'):])
    return {f["properties"]["kode"]: f["properties"] for f in data["features"]}


def test_default_view_is_the_kecamatan_of_the_kabupaten(demo_env):
    at = _app()
    assert not at.exception
    store = Store.open(demo_env)
    expected = coverage_table(store, "kecamatan", within=KAB)
    assert set(_features(at)) == set(expected[Col.KODE])
    assert dict(at.query_params) == {"area": KAB, "level": "kecamatan", "metric": "zona",
                                     "date": store.snapshot_dates(KAB)[-1]}


def test_level_switch_draws_every_desa_with_their_figures(demo_env):
    at = _app()
    at.radio(key="peta_level").set_value("desa").run()
    store = Store.open(demo_env)
    expected = coverage_table(store, "desa", within=KAB).set_index(Col.KODE)
    features = _features(at)
    assert set(features) == set(expected.index)
    top = expected[Col.BELUM].idxmax()
    tip = json.dumps(features[top], ensure_ascii=False)
    assert fmt.number(expected.loc[top, Col.BELUM]) in tip and fmt.percent(expected.loc[top, Col.CAKUPAN]) in tip
    assert at.query_params["level"] == "desa"


def test_metric_switch_and_url(demo_env):
    at = _app()
    at.radio(key="peta_metric").set_value("belum_rekam").run()
    assert at.query_params["metric"] == "belum_rekam"
    at.radio(key="peta_metric").set_value("perubahan").run()
    assert at.query_params["metric"] == "perubahan" and "since" in at.query_params
    assert not at.exception


def test_shared_url_opens_the_same_view(demo_env):
    at = _app(area="99.01.04", level="desa", metric="cakupan")
    assert not at.exception
    store = Store.open(demo_env)
    desa = store.areas(within="99.01.04", level="desa")[Col.KODE]
    assert set(_features(at)) == set(desa)
    assert at.radio(key="peta_metric").value == "cakupan"
    crumbs = [b.label for b in at.button if b.key and b.key.startswith("crumb_")]
    assert crumbs == ["Kabupaten Contoh Sejahtera"]  # the way back up; the area shown is named, not a button
    assert "**Lembah Rindang**" in [m.value for m in at.markdown]


def test_breadcrumb_goes_back_up(demo_env):
    at = _app(area="99.01.04", level="desa")
    at.button(key="crumb_99.01").click().run()
    assert at.query_params["area"] == KAB
    assert len(_features(at)) == 12
    assert not [b for b in at.button if (b.key or "").startswith("crumb_")]  # at the top: no way further up
    assert "**Kabupaten Contoh Sejahtera**" in [m.value for m in at.markdown]  # but the area shown is named


def test_search_focuses_a_desa_inside_its_kecamatan(demo_env):
    at = _app()
    search = at.selectbox(key="peta_search")
    assert search.value is None and search.placeholder == "Ketik nama wilayah"  # empty, no "—" to clear
    at.selectbox(key="peta_search").set_value("99.01.06.2002").run()
    assert at.query_params["area"] == "99.01.06"
    assert "99.01.06.2002" in _features(at)


def test_point_layers_show_sites_with_device_status(demo_env):
    at = _app()
    at.multiselect(key="peta_layers").set_value(["lokasi"]).run()
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert "rusak sejak 28 September 2026" in script


def test_a_one_colour_zone_map_offers_coverage_colours(demo_env):
    """The desa of a kecamatan often share one zone: the page says so and switches to cakupan %."""
    store = Store.open(demo_env)
    desa = coverage_table(store, "desa", within="99.01.04")
    assert desa[Col.ZONA].nunique() == 1  # Lembah Rindang's 15 desa are all kuning in the demo
    at = _app(area="99.01.04", level="desa", metric="zona")
    notes = [i.value for i in at.info if "jadi warnanya sama" in i.value]
    assert notes == [f"Semua {len(desa)} wilayah di peta ini ada di zona kuning, jadi warnanya sama. "
                     "Warnai menurut cakupan % untuk melihat mana yang tertinggal."]
    at.button(key="peta_ke_cakupan").click().run()
    assert at.query_params["metric"] == "cakupan"
    assert not [i for i in at.info if "jadi warnanya sama" in i.value]
    fills = {p["fill"] for p in _features(at).values()}
    assert len(fills) > 5  # coverage colours tell the desa apart

    mixed = _app(area=KAB, level="kecamatan", metric="zona")  # 12 kecamatan in three zones: no note
    assert not [i for i in mixed.info if "jadi warnanya sama" in i.value]


def _script(at: AppTest) -> str:
    return json.loads(at.get("component_instance")[0].proto.json_args)["script"]


def test_names_on_few_areas_and_kecamatan_borders_over_desa(demo_env):
    at = _app()
    assert at.toggle(key=f"peta_nama_{KAB}_kecamatan").value is True  # 12 kecamatan: named by default
    assert "peta-rekam-label" in _script(at) and "Lembah Rindang" in _script(at)
    assert "#263238" not in _script(at)  # no parent borders over a map of kecamatan
    assert "Klik kecamatan untuk melihat desanya" in at.caption[-1].value
    assert "Kembali ke atas" not in at.caption[-1].value  # at the top: no way further up

    at.radio(key="peta_level").set_value("desa").run()
    assert at.toggle(key=f"peta_nama_{KAB}_desa").value is False  # 150 desa: names on request
    script = _script(at)
    assert "peta-rekam-label" not in script
    assert '"#263238"' in script and script.count("LineString") >= 12  # every kecamatan's border drawn
    caption = at.caption[-1].value
    assert "Klik kecamatan" not in caption and "Arahkan penunjuk ke desa/kelurahan" in caption
    at.toggle(key=f"peta_nama_{KAB}_desa").set_value(True).run()
    assert "peta-rekam-label" in _script(at)

    inside = _app(area="99.01.04", level="desa")  # one kecamatan's desa: its own border, names on
    assert inside.toggle(key="peta_nama_99.01.04_desa").value is True
    assert "Kembali ke atas lewat tombol di atas peta." in inside.caption[-1].value


def test_screenshot_mode_shows_the_story_only(demo_env):
    at = _app(mode="tangkapan", area="99.01.04", level="desa", metric="cakupan")
    assert not at.exception
    assert not at.radio and not at.selectbox and not at.multiselect and not at.toggle  # no Tingkat, Warnai, Cari,
    assert not at.button and not at.get("download_button")  # Lapisan, names, breadcrumb or downloads
    assert at.header[0].value == "Peta Cakupan — Lembah Rindang · data per 16 November 2026"
    store = Store.open(demo_env)
    assert set(_features(at)) == set(store.areas(within="99.01.04", level="desa")[Col.KODE])
    assert '"#263238"' in _script(at)  # the kecamatan's border, the legend and the source stay
    assert at.caption[-1].value == "Sumber: Dinas Kependudukan dan Pencatatan Sipil, data per 16 November 2026"
    assert at.query_params["metric"] == "cakupan" and at.query_params["mode"] == "tangkapan"
    at.run()  # a second run (the pickers were not drawn) keeps the view
    assert set(_features(at)) == set(store.areas(within="99.01.04", level="desa")[Col.KODE])
    assert (at.query_params["level"], at.query_params["metric"]) == ("desa", "cakupan")


def test_the_map_comes_before_its_layers_and_labels(demo_env):
    """On a phone the pickers stack: the map (with its source line) is drawn above the point layers and
    the names switch, so that it comes a screen sooner."""
    at = AppTest.from_file(str(ROOT / "pages" / "peta.py"), default_timeout=120).run()
    assert not at.exception
    blocks = list(at.main.children.values())

    def first(found) -> int:
        return next(i for i, b in enumerate(blocks) if hasattr(b, "children") and found(b))

    the_map = first(lambda b: any(c.value.startswith("Sumber:") for c in b.get("caption")))
    layers = first(lambda b: any(m.key == "peta_layers" for m in b.get("multiselect")))
    level = first(lambda b: any(r.key == "peta_level" for r in b.get("radio")))
    assert level < the_map < layers


def test_configured_zone_thresholds_colour_every_view(demo_env, monkeypatch):
    """An office that sets its own thresholds (REKAM_HIJAU / REKAM_KUNING, or [zona] in config.toml) sees
    them on Beranda's badge and on the map's colours, as the alerts and the PDF already use them: computed
    here from the demo's source file with those thresholds, not read from the product."""
    monkeypatch.setenv("REKAM_HIJAU", "99")
    monkeypatch.setenv("REKAM_KUNING", "92,5")
    rows = pd.read_csv(ROOT / "data" / "demo" / "rekam_mingguan.csv", dtype={Col.KODE: str})
    rows = rows[rows[Col.TANGGAL] == rows[Col.TANGGAL].max()]
    kec = rows.groupby(rows[Col.KODE].str[:8])[[Col.WAJIB, Col.SUDAH]].sum()
    kec_cov = 100 * kec[Col.SUDAH] / kec[Col.WAJIB]
    zone = lambda c: "hijau" if c >= 99 else "kuning" if c >= 92.5 else "merah"  # noqa: E731
    expected = {k: ZONE_COLOURS[Zone(zone(c))] for k, c in kec_cov.items()}
    at = _app(area=KAB, level="kecamatan", metric="zona")
    assert not at.exception
    assert {k: p["fill"] for k, p in _features(at).items()} == expected
    assert set(expected.values()) == {ZONE_COLOURS[Zone.KUNING], ZONE_COLOURS[Zone.MERAH]}  # thresholds matter here
    home = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not home.exception
    overall = 100 * rows[Col.SUDAH].sum() / rows[Col.WAJIB].sum()
    assert 85 <= overall < 92.5  # kuning by default, merah by these thresholds
    badges = [m.value for m in home.markdown if "border-radius:10px" in m.value]
    assert badges and f"Zona {zone(overall)}<" in badges[0]


def test_the_map_says_which_areas_are_red_before_it_is_read(demo_env):
    """Above the map: how many of the kabupaten's kecamatan are still merah and the lowest of them by
    name with their coverage (from the store), as the map image's title says it; in screenshot mode too."""
    store = Store.open(demo_env)
    kec = coverage_table(store, "kecamatan", within=KAB)
    red = kec[kec[Col.ZONA] == Zone.MERAH.value].sort_values(Col.CAKUPAN)
    assert len(red) == 2  # the demo's two red kecamatan
    names = ", ".join(f"{n} {fmt.percent(c, 2)}" for n, c in zip(red[Col.NAMA], red[Col.CAKUPAN]))
    said = f"**Kabupaten Contoh Sejahtera: {len(red)} dari {len(kec)} kecamatan masih merah**: {names}"
    at = _app()
    assert not at.exception
    assert said in [m.value for m in at.markdown]
    kinds = [type(e).__name__ for e in at.main]
    assert [m.value for m in at.markdown].index(said) >= 0 and kinds.index("Markdown") < len(kinds)
    shot = _app(mode="tangkapan")
    assert said in [m.value for m in shot.markdown]


def test_the_level_and_colouring_picked_stay_after_a_visit_to_another_page(demo_env):
    """Streamlit forgets a widget's value once a page without it has run: the planner who drilled to
    desa and coloured by coverage, then looked at Beranda, came back to kecamatan and zones."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.switch_page("pages/peta.py").run()
    assert (at.radio(key="peta_level").value, at.radio(key="peta_metric").value) == ("kecamatan", "zona")
    at.radio(key="peta_level").set_value("desa").run()
    at.radio(key="peta_metric").set_value("cakupan").run()
    at.switch_page("pages/beranda.py").run()
    assert not at.exception
    at.switch_page("pages/peta.py").run()
    assert not at.exception
    assert (at.radio(key="peta_level").value, at.radio(key="peta_metric").value) == ("desa", "cakupan")
    store = Store.open(demo_env)
    assert set(_features(at)) == set(store.areas(within=KAB, level="desa")[Col.KODE])


def test_peta_says_whether_the_area_makes_its_target_in_time(demo_env):
    """A bupati who opens only Peta gets the deadline's answer too: the verdict's title (Beranda's, from
    the same projection) under the map's finding; a screenshot keeps to the map."""
    from datetime import date

    from geo.config import load_settings
    from geo.present.trend import verdict
    from geo.targets import area_projection

    store = Store.open(demo_env)
    said = verdict(area_projection(store, KAB, today=date.today(), settings=load_settings()), 92.0)["title"]
    at = _app()
    assert not at.exception
    shown = [m.value for m in at.markdown]
    finding = next(i for i, m in enumerate(shown) if "masih merah" in m)
    assert shown[finding + 1] == said
    shot = _app(mode="tangkapan")
    assert said not in [m.value for m in shot.markdown]


def test_the_finding_is_the_same_on_the_page_the_map_image_and_the_bar_image(demo_env):
    """Peta said "2 dari 12 kecamatan masih merah", its downloaded image "6 dari 12 kecamatan di zona hijau":
    a post would lead with the good news the page does not. One finding, read the same everywhere."""
    import re

    from geo.config import load_settings
    from geo.render import media

    at = _app()
    assert not at.exception
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    kec = coverage_table(store, "kecamatan", within=kab)
    red = int((kec[Col.CAKUPAN] < 85).sum())
    assert red
    title = f"Kabupaten Contoh Sejahtera: {red} dari {len(kec)} kecamatan masih merah"
    assert any(m.value.startswith(f"**{title}**") for m in at.markdown)
    bar = media.chart_figure(store, kab, "zona-bar", settings=load_settings())
    assert bar.layout.meta["judul"] == title
    svg = media.chart_image(store, kab, "peta", fmt_name="svg", settings=load_settings()).decode("utf-8")
    assert title in re.sub(r"<[^>]+>", "", svg)

"""The coverage map, tested on the Leaflet JSON/HTML it returns (the browser test proves it draws)."""
from __future__ import annotations

import filecmp
import json
import re
from concurrent.futures import ThreadPoolExecutor

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geo.render import assets
from geo.render.maps import RAMPS, Legend, MapInputError, coverage_map
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Zone, ZoneConfig
from geo.config import Settings

DEFAULT = Settings(zones=ZoneConfig(hijau=92, kuning=85), source_name="Disdukcapil Contoh")
STRICT = Settings(zones=ZoneConfig(hijau=95, kuning=88), source_name="Disdukcapil Contoh")

# wajib, sudah → cakupan: 701.418 of 760.097 is 92,28% (a city's figures, rounded).
ROWS = [
    # kode, nama, wajib, sudah, cakupan
    ("36.74.01", "Serpong", 760097, 701418, 100 * 701418 / 760097),
    ("36.74.02", "Serpong Utara", 1000, 920, 92.00),  # exactly on the threshold: hijau
    ("36.74.03", "Ciputat", 10000, 9199, 91.99),
    ("36.74.04", "Ciputat Timur", 2000, 1700, 85.00),
    ("36.74.05", "Pamulang", 10000, 8499, 84.99),
    ("36.74.06", "Pondok Aren", None, None, np.nan),  # no data
    ("36.74.07", "Setu", 1000, 1067, 106.70),  # stale denominator
]


def frame(rows=ROWS, **extra) -> gpd.GeoDataFrame:
    data = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.CAKUPAN])
    data[Col.WAJIB] = data[Col.WAJIB].astype("Int64")
    data[Col.SUDAH] = data[Col.SUDAH].astype("Int64")
    data[Col.BELUM] = data[Col.WAJIB] - data[Col.SUDAH]
    data[Col.LEVEL] = "kecamatan"
    data[Col.DI_ATAS_100] = data[Col.CAKUPAN] > 100
    data[Col.TANGGAL] = "2017-08-31"
    for key, value in extra.items():
        data[key] = value
    squares = [box(106.60 + 0.02 * i, -6.35, 106.62 + 0.02 * i, -6.30) for i in range(len(data))]
    return gpd.GeoDataFrame(data, geometry=squares, crs="EPSG:4326")


def areas(m: folium.Map) -> folium.GeoJson:
    layers = [c for c in m._children.values() if isinstance(c, folium.GeoJson) and not _is_points(c)]
    assert len(layers) == 1, "one GeoJSON layer of areas"
    return layers[0]


def _is_points(layer: folium.GeoJson) -> bool:
    return any(f["geometry"]["type"] == "Point" for f in layer.data["features"])


def by_code(m: folium.Map) -> dict[str, dict]:
    return {f["properties"][Col.KODE]: f["properties"] for f in areas(m).data["features"]}


def legend(m: folium.Map) -> str:
    (element,) = [c for c in m._children.values() if isinstance(c, Legend)]
    return element.html


# --- colours -------------------------------------------------------------------------
def test_every_area_is_drawn_with_its_zone_colour():
    props = by_code(coverage_map(frame(), settings=DEFAULT))
    assert len(props) == len(ROWS)
    expected = {"36.74.01": Zone.HIJAU, "36.74.02": Zone.HIJAU, "36.74.03": Zone.KUNING, "36.74.04": Zone.KUNING,
                "36.74.05": Zone.MERAH, "36.74.07": Zone.HIJAU}
    for kode, zone in expected.items():
        assert props[kode]["fill"] == ZONE_COLOURS[zone], kode
        assert props[kode][Col.ZONA] == zone.value
    assert props["36.74.06"]["fill"] == NO_DATA_COLOUR
    assert props["36.74.06"][Col.ZONA] is None
    assert "tidak ada data" in props["36.74.06"]["tip"]


def test_zones_follow_the_configured_thresholds():
    props = by_code(coverage_map(frame(), settings=STRICT))
    assert props["36.74.02"]["fill"] == ZONE_COLOURS[Zone.KUNING]  # 92.00 < 95
    assert props["36.74.04"]["fill"] == ZONE_COLOURS[Zone.MERAH]  # 85.00 < 88
    assert props["36.74.07"]["fill"] == ZONE_COLOURS[Zone.HIJAU]


@pytest.mark.parametrize("metric, column", [("cakupan", Col.CAKUPAN), ("belum_rekam", Col.BELUM),
                                            ("perubahan", Col.PERUBAHAN)])
def test_continuous_metrics_use_their_ramp_and_grey_for_no_data(metric, column):
    change = [1.5, -2.0, 0.0, 0.4, -0.1, np.nan, 3.0]
    props = by_code(coverage_map(frame(**{Col.PERUBAHAN: change}), metric=metric, settings=DEFAULT))
    assert props["36.74.06"]["fill"] == NO_DATA_COLOUR
    drawn = [p["fill"] for k, p in props.items() if k != "36.74.06"]
    assert NO_DATA_COLOUR not in drawn and len(set(drawn)) > 2
    assert column in props["36.74.01"]
    if metric == "perubahan":  # diverging: the largest fall and rise take the two ends
        assert props["36.74.07"]["fill"] == RAMPS[metric][-1]
        assert props["36.74.05"]["fill"] != props["36.74.01"]["fill"]
    if metric == "belum_rekam":  # most people not yet recorded: the darkest colour
        assert props["36.74.01"]["fill"] == RAMPS[metric][-1]


def test_only_the_needed_properties_are_sent():
    for metric, value in [("zona", Col.ZONA), ("cakupan", Col.CAKUPAN)]:
        features = areas(coverage_map(frame(), metric=metric, settings=DEFAULT)).data["features"]
        assert all(set(f["properties"]) == {Col.KODE, Col.NAMA, "fill", "tip", value} for f in features)
        assert all("id" not in f for f in features)


# --- tooltips ---------------------------------------------------------------------------
def test_tooltip_is_preformatted_in_indonesian():
    tip = by_code(coverage_map(frame(), settings=DEFAULT))["36.74.01"]["tip"]
    assert tip.splitlines()[0] == "Serpong"
    for text in ("36.74.01", "760.097", "701.418", "58.679", "92,28%", "zona hijau", "31 Agustus 2017"):
        assert text in tip


def test_tooltip_flags_coverage_above_100_percent():
    m = coverage_map(frame(), settings=DEFAULT)
    assert "106,70%" in by_code(m)["36.74.07"]["tip"]
    assert "di atas 100% (periksa data wajib KTP)" in by_code(m)["36.74.07"]["tip"]
    assert "di atas 100%" not in by_code(m)["36.74.01"]["tip"]
    assert "1 wilayah di atas 100%" in legend(m)


def test_english_tooltip_and_legend():
    m = coverage_map(frame(), settings=DEFAULT, lang="en")
    tip = by_code(m)["36.74.01"]["tip"]
    assert "760,097" in tip and "92.28%" in tip and "31 August 2017" in tip
    for text in ("Green ≥ 92%", "Yellow 85–&lt;92%", "Red &lt; 85%", "No data"):
        assert text in legend(m)


# --- legend ------------------------------------------------------------------------------
def test_legend_names_the_configured_thresholds_in_words():
    html = legend(coverage_map(frame(), settings=DEFAULT))
    for text in ("Hijau ≥ 92%", "Kuning 85–&lt;92%", "Merah &lt; 85%", "Tidak ada data", "Data per 31 Agustus 2017",
                 "Sumber: Disdukcapil Contoh"):
        assert text in html
    strict = legend(coverage_map(frame(), settings=STRICT))
    for text in ("Hijau ≥ 95%", "Kuning 88–&lt;95%", "Merah &lt; 88%"):
        assert text in strict
    assert "92%" not in strict


def test_cakupan_legend_marks_the_thresholds():
    html = legend(coverage_map(frame(), metric="cakupan", settings=STRICT))
    assert "88% batas kuning" in html and "95% batas hijau" in html and "Tidak ada data" in html
    assert "d3" not in html


def test_areas_without_boundary_are_counted_not_hidden():
    data = frame()
    data.loc[2, "geometry"] = None
    m = coverage_map(data, settings=DEFAULT)
    assert len(areas(m).data["features"]) == len(ROWS) - 1
    assert "1 wilayah tanpa batas peta" in legend(m)


# --- map set-up ------------------------------------------------------------------------
def test_map_fits_the_data_and_has_no_tiles_by_default():
    m = coverage_map(frame(), settings=DEFAULT)
    html = m.get_root().render()
    assert "fitBounds" in html and "tileLayer" not in html
    assert [[-6.35, 106.6], [-6.3, 106.74]] == [[round(v, 2) for v in pair] for pair in m.get_bounds()]
    with_tiles = coverage_map(frame(), settings=DEFAULT, basemap=True).get_root().render()
    assert "tile.openstreetmap.org" in with_tiles


def test_map_loads_leaflet_only_from_the_local_static_route():
    m = coverage_map(frame(), settings=DEFAULT)
    assert m.default_js == [("leaflet", assets.STREAMLIT_BASE_URL + "leaflet.js")]
    assert m.default_css == [("leaflet_css", assets.STREAMLIT_BASE_URL + "leaflet.css")]
    assert folium.Map.default_js[0][1].startswith("https://")  # folium's own defaults untouched
    html = m.get_root().render()
    assert not re.search(r"https?://", html)


def test_point_layers_are_drawn_and_named_in_the_legend():
    points = {"Lokasi perekaman": pd.DataFrame({"lat": [-6.32, -6.31, None], "lon": [106.61, 106.65, 106.7],
                                                "label": ["Kec. Serpong", "Mal", "?"],
                                                "status": ["aktif", "rusak", "aktif"]})}
    m = coverage_map(frame(), settings=DEFAULT, points=points)
    (layer,) = [c for c in m._children.values() if isinstance(c, folium.GeoJson) and _is_points(c)]
    assert [f["properties"]["tip"] for f in layer.data["features"]] == ["Kec. Serpong\naktif", "Mal\nrusak"]
    html = legend(m)
    assert "Lokasi perekaman" in html and "aktif" in html and "rusak" in html
    assert "1 titik tanpa koordinat" in html


def test_bad_input_raises_typed_errors():
    with pytest.raises(MapInputError) as err:
        coverage_map(frame(), metric="warna", settings=DEFAULT)
    assert err.value.key == "map_metrik_tidak_dikenal"
    with pytest.raises(MapInputError) as err:
        coverage_map(frame(), metric="perubahan", settings=DEFAULT)
    assert err.value.params == {"kolom": Col.PERUBAHAN}


# --- offline ------------------------------------------------------------------------------
OUTSIDE_REF = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)


def test_standalone_html_needs_no_outside_url():
    html = assets.standalone_html(coverage_map(frame(), metric="cakupan", settings=DEFAULT))
    assert "<script src" not in html and "<link" not in html
    assert not OUTSIDE_REF.search(html)
    # Outside the inlined library (whose code and comments still name the SVG namespace and
    # a few web pages, none of them fetched) there is no address at all.
    ours = re.sub(r"<(script|style)>/\* Leaflet .*?</\1>", "", html, flags=re.S)
    assert not re.search(r"https?://", ours)
    assert f"Leaflet {assets.LEAFLET_VERSION}" in html and "data:image/png;base64," in html


def test_standalone_html_refuses_maps_that_need_the_internet():
    m = coverage_map(frame(), settings=DEFAULT)
    m.add_js_link("plugin", "https://cdn.example.org/plugin.js")
    with pytest.raises(ValueError, match="not available offline"):
        assets.standalone_html(m)


def test_ensure_static_assets_copies_leaflet_once(tmp_path):
    target = assets.ensure_static_assets(tmp_path)
    assert target == tmp_path / "static" / "vendor" / f"leaflet-{assets.LEAFLET_VERSION}"
    for name in ("leaflet.js", "leaflet.css", "images/layers.png", "images/marker-icon.png"):
        assert filecmp.cmp(target / name, assets.LEAFLET_DIR / name, shallow=False)
    assert (tmp_path / "static" / "vendor" / ".gitignore").read_text().strip().endswith("*")
    stamp = (target / "leaflet.js").stat().st_mtime_ns
    assets.ensure_static_assets(tmp_path)
    assert (target / "leaflet.js").stat().st_mtime_ns == stamp


def test_first_starts_at_the_same_moment_all_get_whole_files(tmp_path):
    """Two processes starting at once copy Leaflet side by side: each through a name of its own."""
    with ThreadPoolExecutor(4) as pool:
        targets = list(pool.map(lambda _: assets.ensure_static_assets(tmp_path), range(8)))
    assert set(targets) == {tmp_path / "static" / "vendor" / f"leaflet-{assets.LEAFLET_VERSION}"}
    assert filecmp.cmp(targets[0] / "leaflet.js", assets.LEAFLET_DIR / "leaflet.js", shallow=False)
    assert not list(targets[0].rglob("*.tmp"))


def test_names_stay_text_not_markup_or_template():
    rows = [("36.74.01", "Desa {{ 7 * 7 }} </script><b>x</b>", 1000, 950, 95.0)]
    m = coverage_map(frame(rows), settings=DEFAULT)
    assert by_code(m)["36.74.01"]["tip"].startswith("Desa {{ 7 * 7 }} </script><b>x</b>")
    html = m.get_root().render()
    assert "Desa {{ 7 * 7 }} \\u003c/script>\\u003cb>x\\u003c/b>" in html
    assert "49" not in html.split("Desa ")[1][:20]


def test_names_cannot_end_the_template_literal_the_areas_are_parsed_from():
    """The areas travel as ``JSON.parse(String.raw`…`)``: a backtick or ``${`` in a name stays
    inside its JSON string (escaped), and the text between the backticks is the areas' JSON."""
    rows = [("36.74.01", "Desa `x` ${alert(1)}", 1000, 950, 95.0)]
    html = coverage_map(frame(rows), settings=DEFAULT).get_root().render()
    inside = html.split("JSON.parse(String.raw`", 1)[1].split("`)", 1)[0]
    assert "`" not in inside and "$" not in inside
    assert json.loads(inside)["features"][0]["properties"]["nama"] == "Desa `x` ${alert(1)}"


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def test_the_scale_is_metric_only():
    html = _html(coverage_map(frame()))
    assert "L.control.scale({metric: true, imperial: false})" in html and "control_scale" not in html


def test_names_on_the_areas_as_text_only_when_asked():
    rows = [(k, "<b>Desa</b> & \"Satu\"" if i == 0 else n, *rest) for i, (k, n, *rest) in enumerate(ROWS)]
    m = coverage_map(frame(rows), labels=True)
    html = _html(m)
    assert "peta-rekam-label" in html and "textContent" in html and "<b>Desa</b>" not in html
    labels = next(c for c in m._children.values() if type(c).__name__ == "Labels")
    assert [item[0] for item in labels.items] == [r[1] for r in rows]
    for (_, lat_lon, south, west, north, east, size), area in zip(labels.items, frame(rows).geometry):
        assert south <= lat_lon[0] <= north and west <= lat_lon[1] <= east  # the name stands inside its area
        assert size == pytest.approx(area.area)  # the order in which names are placed: the largest first
    assert "peta-rekam-label" not in _html(coverage_map(frame()))


def test_names_on_the_map_shortened_as_tables_write_them():
    """A provinsi's map names its kabupaten/kota as the tables and the picker do ("Kab. Tangerang"): the
    shorter name fits more of them (a label shows only where it fits)."""
    names = ["Kabupaten Tangerang", "Kota Serang", "Kabupaten Kepulauan Seribu"]
    rows = [(k, names[i % 3], *rest) for i, (k, n, *rest) in enumerate(ROWS)]
    labels = next(c for c in coverage_map(frame(rows), labels=True)._children.values() if type(c).__name__ == "Labels")
    assert [item[0] for item in labels.items][:3] == ["Kab. Tangerang", "Kota Serang", "Kab. Kep. Seribu"]


def test_parent_borders_are_drawn_over_the_areas():
    parents = gpd.GeoDataFrame({Col.KODE: ["99.01.01"]}, geometry=[box(0, 0, 3, 1)], crs="EPSG:4326")
    m = coverage_map(frame(), outline=parents)
    outline = next(c for c in m._children.values() if type(c).__name__ == "Outline")
    assert outline.json_text.count('"type":"Feature"') == 1 and "LineString" in outline.json_text
    names = list(m._children)
    assert names.index(outline.get_name()) > names.index(areas(m).get_name())  # drawn after (over) the areas


def test_an_area_above_100_percent_has_its_own_marker_not_just_green():
    m = coverage_map(frame())
    layer = areas(m)
    assert layer.over == ["36.74.07"]  # Setu, 106,70%: drawn with the dashed border
    assert 'dashArray: "5 3"' in _html(m)
    assert "1 wilayah di atas 100% — periksa data wajib KTP" in legend(m) and "dashed" in legend(m)
    assert coverage_map(frame(ROWS[:6])).get_root().render().count("periksa data wajib KTP") == 0


def test_target_metric_colours_the_gap_and_names_the_target():
    """Coverage against each area's own target: behind in red, ahead in blue, the target in the tooltip."""
    from geo.columns import SELISIH_TARGET, TARGET_PERSEN

    goals = [95.0, 90.0, 92.0, 85.0, 90.0, 95.0, 95.0]
    gdf = frame(**{TARGET_PERSEN: goals})
    gdf[SELISIH_TARGET] = gdf[Col.CAKUPAN] - gdf[TARGET_PERSEN]
    m = coverage_map(gdf, metric="target", settings=DEFAULT)
    props = by_code(m)
    assert props["36.74.07"]["fill"] == RAMPS["target"][-1]  # 106,70% of 95%: furthest ahead, the scale's end
    red, blue = int(props["36.74.05"]["fill"][1:3], 16), int(props["36.74.05"]["fill"][5:7], 16)
    assert red > blue  # 84,99% of a 90% target: on the red side
    assert props["36.74.06"]["fill"] == NO_DATA_COLOUR
    assert props["36.74.02"][SELISIH_TARGET] == 2.0
    assert "Target: 90% · selisih -5,01 poin" in props["36.74.05"]["tip"]
    assert "Cakupan dibanding target" in legend(m) and "di bawah target" in legend(m)
    with pytest.raises(MapInputError):
        coverage_map(frame(), metric="target", settings=DEFAULT)  # no gap column: refused, not drawn blank


# --- screenshot mode ------------------------------------------------------------------
def _map_options(m: folium.Map) -> dict:
    """The options the page's Leaflet map is made with, as the rendered script passes them to L.map."""
    script = m.get_root().render()
    start = script.index("...{", script.index("L.map(")) + 3
    return json.loads(re.sub(r",\s*}", "}", script[start:script.index("}", start) + 1]))


def test_a_screenshot_map_has_no_zoom_buttons_or_attribution_but_still_moves():
    from geo.render.maps import for_screenshot

    normal = coverage_map(frame(), settings=DEFAULT)
    assert _map_options(normal)["zoomControl"] is True  # the reader's +/− buttons
    assert "attributionControl" not in _map_options(normal)  # Leaflet's own, on by default
    shot = for_screenshot(coverage_map(frame(), settings=DEFAULT))
    options = _map_options(shot)
    assert options["zoomControl"] is False and options["attributionControl"] is False
    # dragging, wheel, double-click and pinch zoom are left on: the picture can still be framed
    assert not {"dragging", "scrollWheelZoom", "doubleClickZoom", "touchZoom"} & set(options)
    assert "Sumber: Disdukcapil Contoh" in legend(shot)  # the source stays in the legend, in the picture


def test_a_screenshot_map_refuses_what_is_not_a_map():
    from geo.render.maps import for_screenshot

    with pytest.raises(TypeError, match="'m' should be a folium.Map, got dict"):
        for_screenshot({})

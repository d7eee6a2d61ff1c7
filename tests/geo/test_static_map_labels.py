"""Names on the static zone map (the media pack's "peta" image): every area it colours is named
at the media sizes, inside the area when it fits, else beside it with a leader line; no two
names overlap, and none runs over the legend, the title or the image's edge. Text boxes are
measured here with the figure's own renderer, on the figure ``zone_map`` saves."""
from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from geo import fmt
from geo.config import load_settings
from geo.coverage import coverage_table
from geo.render import media, static_map
from geo.schema import Col
from geo.store import Store

SETTINGS = load_settings()
SIZES = [(1200, 675), (1080, 1080)]


def _map(store, within: str, size, lang: str = "id") -> tuple:
    """The figure of the media pack's zone map of ``within`` and the table it maps."""
    ctx = media.context(store, within, None, SETTINGS, lang)
    table = coverage_table(store, ctx["map_level"], within=within, zones=SETTINGS.zones, geometry=True)
    fig = static_map.zone_figure(table, area_name=ctx["name"], data_date=ctx["data_date"], settings=SETTINGS,
                                 size=size, lang=lang)
    return fig, table


def _named(fig, table) -> dict:
    """Area name → the text artist naming it (gid ``label-<kode>``, its text starting with the name)."""
    names = dict(zip(table[Col.KODE].astype(str), table[Col.NAMA]))
    return {names[kode]: t for t in fig.axes[0].texts
            if (kode := (t.get_gid() or "").removeprefix("label-")) in names and t.get_text().startswith(names[kode])}


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _check_every_area_named_apart(fig, table) -> None:
    renderer = fig.canvas.get_renderer()
    named = _named(fig, table)
    assert sorted(named) == sorted(table[Col.NAMA])  # every area, at this size
    boxes = {name: artist.get_window_extent(renderer) for name, artist in named.items()}
    items = list(boxes.items())
    for i, (name, extent) in enumerate(items):
        assert fig.bbox.x0 <= extent.x0 and extent.x1 <= fig.bbox.x1, name  # inside the image
        assert fig.bbox.y0 <= extent.y0 and extent.y1 <= fig.bbox.y1, name
        for other, other_extent in items[i + 1:]:
            assert not _overlap(extent, other_extent), (name, other)
        for legend in fig.legends:
            assert not _overlap(extent, legend.get_window_extent(renderer)), name
        for text in fig.texts:  # title, subtitle, source line
            assert not _overlap(extent, text.get_window_extent(renderer)), (name, text.get_text())


def _check_names_belong_to_their_areas(fig, table) -> None:
    """A name without a leader stands inside its area; a leader runs from inside the area to its name."""
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    shapes = table.to_crs(table.estimate_utm_crs()).set_index(Col.KODE)
    leaders = {line.get_gid().removeprefix("leader-"): line for line in ax.lines
               if (line.get_gid() or "").startswith("leader-")}
    for kode, row in shapes.iterrows():
        artist = next(t for t in ax.texts if t.get_gid() == f"label-{kode}")
        if kode in leaders:
            xs, ys = leaders[kode].get_data()
            assert row.geometry.buffer(1).contains(Point(xs[0], ys[0])), row[Col.NAMA]
            end = ax.transData.transform((xs[1], ys[1]))
            extent = artist.get_window_extent(renderer).expanded(1, 1)
            assert extent.x0 - 1 <= end[0] <= extent.x1 + 1 and extent.y0 - 1 <= end[1] <= extent.y1 + 1
        else:
            assert row.geometry.contains(Point(*artist.get_position())), row[Col.NAMA]


def _areas(boxes: dict) -> gpd.GeoDataFrame:
    rows = [{Col.KODE: f"99.01.0{i}", Col.NAMA: name, Col.LEVEL: "kecamatan", Col.CAKUPAN: value, "geometry": shape}
            for i, (name, (shape, value)) in enumerate(boxes.items(), start=1)]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_a_tiny_area_is_named_beside_it_with_a_leader_and_a_large_one_inside():
    """A kecamatan far too small for its name gets it outside, joined by a line from inside it."""
    areas = _areas({"Besar": (box(120.0, -8.5, 120.4, -8.2), 95.0),
                    "Pulau Kecil Sekali": (box(120.42, -8.36, 120.424, -8.356), 80.0)})
    fig = static_map.zone_figure(areas, area_name="Kabupaten Uji", data_date="2026-11-16", settings=SETTINGS)
    named = _named(fig, areas)
    assert named["Besar"].get_text() == "Besar\n95,00%" and named["Pulau Kecil Sekali"].get_text().startswith(
        "Pulau Kecil Sekali")
    leaders = [line.get_gid() for line in fig.axes[0].lines if (line.get_gid() or "").startswith("leader-")]
    assert leaders == ["leader-99.01.02"]  # the large area's name needs none
    _check_every_area_named_apart(fig, areas)
    _check_names_belong_to_their_areas(fig, areas)


@pytest.fixture(scope="module")
def demo_store(demo_sqlite):
    store = Store.open(f"sqlite:///{demo_sqlite}")
    yield store
    store.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_demo_map_names_every_kecamatan_without_overlaps(demo_store, size):
    """The demo's 12 kecamatan, Kota Sejahtera and Rawa Bening (left out at 1200×675) included."""
    fig, table = _map(demo_store, "99.01", size)
    assert len(table) == 12
    _check_every_area_named_apart(fig, table)
    _check_names_belong_to_their_areas(fig, table)


@pytest.fixture(scope="module")
def banten(banten_url):
    store = Store.open(banten_url)  # the shared store, read only
    yield store
    store.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_banten_map_names_every_kabupaten_and_kota_without_overlaps(banten, size):
    """Banten's 8 kabupaten/kota: the small cities (Kota Tangerang, Cilegon, Serang, Tangerang
    Selatan) named too."""
    fig, table = _map(banten, "36", size)
    assert len(table) == 8
    _check_every_area_named_apart(fig, table)
    _check_names_belong_to_their_areas(fig, table)


def _check_every_name_carries_its_coverage(fig, table, lang: str) -> None:
    """Every area named also shows its coverage (``fmt.percent``, two decimals) in its label: under
    the name or on its line, never the name alone."""
    named = _named(fig, table)
    assert sorted(named) == sorted(table[Col.NAMA])
    for name, value in zip(table[Col.NAMA], table[Col.CAKUPAN]):
        text = named[name].get_text()
        assert text in (f"{name}\n{fmt.percent(value, 2, lang)}", f"{name} {fmt.percent(value, 2, lang)}"), text


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_every_named_area_shows_its_coverage_on_the_demo_and_banten_maps(demo_store, banten, size, lang):
    """The demo's kecamatan (Bukit Sarimulya fitted its name but not "90,00%" under it) and Banten's
    kabupaten/kota (Kabupaten Serang without "85,63%"): a name never goes out without its value."""
    for store, within in ((demo_store, "99.01"), (banten, "36")):
        fig, table = _map(store, within, size, lang)
        _check_every_name_carries_its_coverage(fig, table, lang)

"""The planner's map as a static image: exact sizes, and the words a reader needs, in both languages.

Rendered for real (matplotlib, no tiles, no network) from a plan on the demo kabupaten; the
SVG's text is read back, so what is checked is what a newspaper reader would see.
"""
from __future__ import annotations

import html
import re
import struct
from datetime import date

import pytest

from geo import fmt
from geo import columns as C
from geo import plan as planner
from geo.render.plan_map import plan_image
from geo.coverage import coverage_table
from geo.schema import Col
from geo.config import load_settings
from geo.store import Store

KAB, NAME = "99.01", "Kabupaten Contoh Sejahtera"


@pytest.fixture(scope="module")
def drawn(demo_sqlite):
    """A plan as the page makes it (3 units × 10 days from 23 November 2026), one visit moved to a school."""
    store = Store.open(f"sqlite:///{demo_sqlite}")
    day = store.snapshot_dates(KAB)[-1]
    sites = planner.candidate_sites(store, KAB, date=day)
    plan = planner.plan_visits(sites, units=3, capacity=40, days=10, response=0.5, start=date(2026, 11, 23),
                               base=planner.base_point(store, KAB))
    school = sites[sites[C.JENIS] == planner.SCHOOL][Col.KODE].iloc[0]
    last = plan.visits[plan.visits[Col.KODE] == plan.visits[Col.KODE].iloc[-1]]
    plan = planner.apply_edits(planner.apply_edits(plan, remove=[last[Col.KODE].iloc[0]]), add=[school])
    areas = {level: coverage_table(store, level, within=KAB, date=day, geometry=True)
             for level in ("desa", "kecamatan")}
    store.close()
    return {"plan": plan, "day": day, **areas}


def _image(drawn, **options) -> bytes:
    return plan_image(drawn["plan"], drawn["desa"], outline=drawn["kecamatan"], area_name=NAME,
                      data_date=drawn["day"], **options)


def _svg_text(svg: bytes) -> str:
    """The words of an SVG as one line (text elements joined; wrapped lines join with a space)."""
    parts = re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), flags=re.S)
    return " ".join(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in parts).split())


@pytest.mark.parametrize("size", [(1200, 675), (1080, 1080), (1080, 1350)])
def test_png_is_the_size_asked(drawn, size):
    png = _image(drawn, size=size, fmt_name="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == size


def test_svg_says_what_where_when_and_from_whom(drawn):
    plan = drawn["plan"]
    svg = _image(drawn, size="1080x1350", fmt_name="svg")
    assert b'width="1080" height="1350"' in svg
    text = _svg_text(svg)
    assert f"Rencana jemput bola {NAME}: perkiraan {fmt.number(plan.total)} orang direkam dalam 10 hari kerja" in text
    assert "23 November 2026 – 4 Desember 2026" in text  # the plan's ten working days
    assert f"data per {fmt.long_date(drawn['day'])}" in text
    assert f"Sumber: {load_settings().source_name}, data per {fmt.long_date(drawn['day'])}" in text
    assert "data contoh sintetis" in text
    # the legends: zones with their thresholds, the base, each unit with its own figures, the school's triangle
    assert "Hijau ≥ 92%" in text and "Merah < 85%" in text
    assert f"Berangkat dari: {plan.base[Col.NAMA]}" in text
    for unit, visits, people in plan.totals[[C.UNIT, "kunjungan", C.EXPECTED]].itertuples(index=False):
        assert f"Unit {unit}: {visits} kunjungan, {fmt.number(people)} orang" in text
    assert f"Rencana: {len(plan.visits)} kunjungan" in text
    assert "sekolah (SMA/SMK/MA, pesantren)" in text


def test_english_image_is_english(drawn):
    plan = drawn["plan"]
    text = _svg_text(_image(drawn, size="1200x675", fmt_name="svg", lang="en"))
    assert f"Mobile-unit plan for {NAME}: {fmt.number(plan.total, lang='en')} people expected to record" in text
    assert f"data as of {fmt.long_date(drawn['day'], 'en')}" in text and "Source:" in text
    assert "Green ≥ 92%" in text and "Unit 1:" in text and "visits" in text and "school" in text
    for word in ("Sumber", "kunjungan", "orang", "Hijau", "Rencana jemput bola", "sekolah"):
        assert word not in text, word


def test_every_visited_area_is_in_view_islands_too(drawn):
    """The default plan goes to the island kecamatan: its desa are inside the image's map, and named."""
    from geo.render.plan_map import plan_extent

    plan, desa = drawn["plan"], drawn["desa"]
    visited = desa[desa[Col.KODE].isin(set(plan.visits[C.KODE_DESA]))]
    assert (visited[Col.KODE].str.startswith("99.01.12")).any()  # Kepulauan Teduh
    x0, y0, x1, y1 = plan_extent(plan, desa)
    bx0, by0, bx1, by1 = visited.total_bounds
    assert x0 <= bx0 and y0 <= by0 and bx1 <= x1 and by1 <= y1
    text = _svg_text(_image(drawn, size="1200x675", fmt_name="svg"))
    assert "Kepulauan Teduh" in text and "Golo Sejuk" in text
    assert "putus-putus: menginap di pulau, naik perahu" in text
    assert f"{plan.zones['kecamatan']} kecamatan dan {plan.zones['desa']} desa berubah zona" in text


def test_the_live_plan_map_fits_every_visited_desa_whole(drawn):
    """The page's plan map fits what the image frames: every visited desa whole, the island's too (only
    the stops were fitted, and on a phone the island's shore lay under the legend)."""
    from geo.render.maps.legend import Legend
    from geo.render.plan_map import plan_map

    plan, desa = drawn["plan"], drawn["desa"]
    live = plan_map(plan, areas=desa)
    legend = next(c for c in live._children.values() if isinstance(c, Legend))
    html = live.get_root().render()  # its scale in km only, as the coverage maps' ("10 mi" in Bahasa)
    assert "L.control.scale({metric: true, imperial: false})" in html and "imperial: true" not in html
    (south, west), (north, east) = legend.bounds
    visited = desa[desa[Col.KODE].isin(set(plan.visits[C.KODE_DESA]))]
    x0, y0, x1, y1 = visited.total_bounds
    assert west <= x0 and south <= y0 and x1 <= east and y1 <= north
    island = visited[visited[Col.KODE].str.startswith("99.01.12")]
    assert len(island) and south <= island.total_bounds[1]


def test_the_map_takes_most_of_the_image(drawn, monkeypatch):
    """The map takes the full height under the titles of a landscape image (the legends beside it)
    and most of a portrait one (the legends under it)."""
    from matplotlib.figure import Figure

    boxes = []
    original = Figure.add_axes

    def spy(self, rect, *args, **kwargs):
        boxes.append(rect)
        return original(self, rect, *args, **kwargs)

    monkeypatch.setattr(Figure, "add_axes", spy)
    _image(drawn, size="1200x675")
    _image(drawn, size="1080x1350")
    (_, _, _, tall), (_, _, wide, high) = boxes[:2]
    assert tall > 0.6 and wide * high > 0.45, boxes


def test_each_kecamatan_name_is_drawn_once_over_a_white_halo(drawn):
    """A name is its text once, on a halo that is white only: the halo drew the name a second time in
    ink (as a path, whose width differs from the text's at small sizes), and in a PNG every kecamatan
    name looked smudged."""
    svg = _image(drawn, size="1080x1080", fmt_name="svg").decode("utf-8")
    names = [n for n in drawn["kecamatan"][Col.NAMA] if f">{n}</text>" in svg]
    assert len(names) >= 6
    assert all(svg.count(f">{n}</text>") == 1 for n in names)
    halos = re.findall(r'style="(fill: [^";]+; stroke: #ffffff; stroke-width: 3)"', svg)
    assert len(halos) == len(names) and set(halos) == {"fill: #ffffff; stroke: #ffffff; stroke-width: 3"}

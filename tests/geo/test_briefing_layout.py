"""The briefing page as drawn: what a reader must be able to read without anything on top of it.

Layout is checked on the drawn figure itself (the renderer's text and patch extents), the words
against the store's own numbers: the headline under the area's name is the page's finding, old
data says its date and age, no table cell runs past its column or the page, every line of the PDF
(the map's legend too) stays on the page, and the map's numbered markers sit on no other marker,
name or leader line.
"""
from __future__ import annotations

import io
import itertools
import shutil
from datetime import date, timedelta

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle
from matplotlib.text import Annotation
from shapely.geometry import LineString, Point, box

from geo import fmt
from geo.config import load_settings
from geo.coverage import coverage_table
from geo.pockets import top_belum
from geo.present.pockets import TOP_POCKETS
from geo.present.trend import verdict
from geo.render import briefing, static_map
from geo.render.briefing_ranking import draw_ranking
from geo.render.pdf_page import PdfPage
from geo.schema import Col, Level, Zone
from geo.store import Store
from geo.targets import area_projection
from geo.text import tr
from tests.geo.test_briefing import _text

KAB = "99.01"
SETTINGS = load_settings()


@pytest.fixture(scope="module")
def store(demo_sqlite, tmp_path_factory):
    copy = tmp_path_factory.mktemp("layout") / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    s = Store.open(f"sqlite:///{copy}")
    yield s
    s.close()


def _flat(pdf: bytes, tmp_path) -> str:
    return " ".join(_text(pdf, tmp_path).split())


# --- the headline and the data's age --------------------------------------------------------------
def test_the_headline_under_the_name_is_the_verdict(store, tmp_path):
    """The page's finding stands between the area's name and the date line, not only in the bullets."""
    newest = store.snapshot_dates(KAB)[-1]
    today = date.fromisoformat(newest) + timedelta(days=3)
    flat = _flat(briefing.briefing_pdf(store, KAB, today=today), tmp_path)
    head = verdict(area_projection(store, KAB, today=today), SETTINGS.zones.hijau)["title"]
    name = "Kabupaten Contoh Sejahtera"
    assert flat.index(name) < flat.index(head) < flat.index(f"Data per {fmt.long_date(newest)}")
    assert flat.count(head) == 1  # said once: the bullets do not repeat it


def test_old_data_says_its_date_and_age_once(store, tmp_path):
    """Data older than basi_hari on the day the page is made: its date and age are on the page, the
    age once — here the verdict (the headline) names it, so the findings add the date and what to do."""
    newest = store.snapshot_dates(KAB)[-1]
    age = SETTINGS.stale_days + 6
    today = date.fromisoformat(newest) + timedelta(days=age)
    flat = _flat(briefing.briefing_pdf(store, KAB, today=today, settings=SETTINGS), tmp_path)
    assert f"Data sudah {age} hari" in flat  # the headline
    assert f"Data terakhir {fmt.long_date(newest)}: angka dan proyeksi di sini mungkin tidak lagi sesuai" in flat
    fresh = _flat(briefing.briefing_pdf(store, KAB, today=date.fromisoformat(newest) + timedelta(days=2),
                                        settings=SETTINGS), tmp_path)
    assert "Data terakhir" not in fresh  # fresh data: nothing to warn of


@pytest.fixture(scope="module")
def banten(banten_url):
    s = Store.open(banten_url)  # the shared store, read only
    yield s
    s.close()


def test_the_province_page_heads_with_its_red_count_and_says_the_datas_age(banten, tmp_path):
    """Banten, data of 16 November read on 6 December: the headline counts the red kabupaten/kota (from
    the store's zones), and the findings say "Data terakhir 16 November 2026 — sudah 20 hari"."""
    from tests.banten import DATES, PROVINCE

    newest = DATES[-1]
    today = date.fromisoformat(newest) + timedelta(days=20)
    kab = coverage_table(banten, Level.KABUPATEN, within=PROVINCE)
    red = sum(SETTINGS.zones.zone(c) is Zone.MERAH for c in kab[Col.CAKUPAN])
    flat = _flat(briefing.briefing_pdf(banten, PROVINCE, today=today, settings=SETTINGS), tmp_path)
    head = f"{red} dari {len(kab)} kabupaten/kota Banten masih merah."
    assert flat.index("Banten") < flat.index(head) < flat.index(f"Data per {fmt.long_date(newest)}")
    assert flat.count(head) == 1
    assert f"Data terakhir {fmt.long_date(newest)} — sudah 20 hari." in flat
    english = _flat(briefing.briefing_pdf(banten, PROVINCE, today=today, settings=SETTINGS, lang="en"), tmp_path)
    assert f"The latest data is of {fmt.long_date(newest, 'en')} — 20 days ago." in english


# --- tables: every cell within its column -----------------------------------------------------------
def _renderer(page: PdfPage):
    if not hasattr(page.fig.canvas, "get_renderer"):
        FigureCanvasAgg(page.fig)
    return page.fig.canvas.get_renderer()


def _assert_rows_fit(page: PdfPage, first_y_in: float) -> int:
    """Every text of the page from ``first_y_in`` inches down lies within the margins and overlaps
    no other text of its line; returns how many lines were checked."""
    renderer = _renderer(page)
    dpi = page.fig.dpi
    left, right = page.MARGIN * dpi, (page.w - page.MARGIN) * dpi
    rows: dict[float, list] = {}
    for text in page.fig.texts:
        x, y = text.get_position()
        if (1 - y) * page.h >= first_y_in - 1e-6 and text.get_text():
            rows.setdefault(round(y, 4), []).append(text.get_window_extent(renderer))
    for boxes in rows.values():
        for extent in boxes:
            assert left - 0.5 <= extent.x0 and extent.x1 <= right + 0.5, (extent, right)
        for a, b in itertools.combinations(boxes, 2):
            assert a.x1 <= b.x0 or b.x1 <= a.x0, (a, b)
    return len(rows)


def test_every_cell_of_the_ranking_fits_its_column():
    """A date marked past ("22 November 2026 (lewat)") and a long kabupaten name stay in their columns."""
    ranked = pd.DataFrame({
        Col.KODE: ["71.09", "36.04", "36.73"],
        Col.NAMA: ["Kabupaten Kepulauan Siau Tagulandang Biaro", "Kabupaten Serang", "Kota Serang"],
        Col.CAKUPAN: [78.52, 85.63, 91.23], Col.BELUM: [1_384_878, 251_156, 33_641],
        "pace": ["+0,20 poin", "+0,60 poin", "+1,00 poin"],
        "when": ["13 Desember 2026 (lewat)", "30 Januari 2027", "22 November 2026 (lewat)"]})
    page = PdfPage("id")
    draw_ranking(page, 8.0, ranked, Level.KABUPATEN, SETTINGS, "id")
    assert _assert_rows_fit(page, 8.0) == 5  # the header, three rows, the note


def test_every_cell_of_the_pockets_table_fits_its_column():
    pockets = pd.DataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.2002"], Col.KODE_INDUK: ["99.01.01", "99.01.01"],
                            Col.NAMA: ["Sukamaju Tanjung Harapan Baru Sejahtera Makmur", "Batu Raya"],
                            Col.BELUM: [12_345, 613], Col.CAKUPAN: [82.25, 92.77]})
    parents = {"99.01.01": "Kecamatan Pulau Panggung Sejahtera Raya Timur Laut"}
    page = PdfPage("id")
    briefing._pockets(page, 8.0, pockets, pockets, parents, SETTINGS, "id")
    assert _assert_rows_fit(page, 8.0) == 3


# --- every line of the PDF on the page: the map's legend wraps, it is not cut --------------------------
def _pdf_lines(pdf: bytes) -> tuple[float, list[tuple[str, float, float]]]:
    """The page width (points) and each line of text of the PDF as drawn (one text object: its
    pieces joined): (words, left, right) in points, the right end measured with the embedded font's
    own metrics (the font file matplotlib set it in)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    measure = TextToPath()
    pieces: dict[tuple[float, float], list] = {}  # a line's origin (cm) -> its pieces, in order

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip():
            pieces.setdefault((cm[4], cm[5]), []).append((text, tm[4], str(font.get("/BaseFont", "")), size))

    page.extract_text(visitor_text=visit)
    lines = []
    for (x, _), parts in pieces.items():
        text, offset, name, size = parts[-1]
        prop = FontProperties(family="Liberation Sans", weight="bold" if "Bold" in name else "normal", size=size)
        last = text.strip() if len(parts) == 1 else text.rstrip()  # pypdf may put a space before a line
        width = measure.get_text_width_height_descent(last, prop, ismath=False)[0]
        lines.append(("".join(p[0] for p in parts), x + parts[0][1], x + offset + width))
    return float(page.mediabox.width), lines


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_line_of_the_page_and_the_whole_legend_stay_on_the_page(store, lang):
    """The map legend's "1 area above 100% — check the number who must hold an e-KTP" ran past the
    right edge of the English page ("… who must ho"): each legend entry wraps within the page, in
    both languages, and says all its words."""
    pdf = briefing.briefing_pdf(store, KAB, lang=lang)
    width, lines = _pdf_lines(pdf)
    flat = " ".join(" ".join(words for words, _, _ in lines).split())
    over = int(pd.to_numeric(coverage_table(store, Level.DESA, within=KAB)[Col.CAKUPAN]).gt(100).sum())
    assert over and tr("map_di_atas_100_jumlah", lang, jumlah=over) in flat
    for words, left, right in lines:
        assert 0 <= left and right <= width, (words, left, right, width)


# --- the map: numbered markers clear of each other, of names and of leader lines --------------------
@pytest.fixture(scope="module")
def demo_map(store):
    """The demo kabupaten's desa map drawn as on the briefing (its size, its label size, its markers)."""
    desa = coverage_table(store, Level.DESA, within=KAB, geometry=True)
    kecamatan = coverage_table(store, Level.KECAMATAN, within=KAB, geometry=True)
    pockets = top_belum(desa.drop(columns="geometry"), TOP_POCKETS, SETTINGS.zones).reset_index(drop=True)
    numbers = {k: i + 1 for i, k in enumerate(pockets[Col.KODE])}
    fig = Figure(figsize=(8.27, 11.69))
    FigureCanvasAgg(fig)
    ax = fig.add_axes([0.5 / 8.27, 1 - 8.9 / 11.69, 4.35 / 8.27, 3.9 / 11.69])
    drawn = static_map.draw_zone_map(ax, desa, settings=SETTINGS, outline=kecamatan, label_px=7.5 / 0.72,
                                     numbers=numbers, ring_over_100=True)
    fig.canvas.draw()
    return fig, ax, drawn, desa, numbers


def test_numbered_markers_overlap_no_marker_name_or_leader(demo_map):
    fig, ax, drawn, _, numbers = demo_map
    renderer = fig.canvas.get_renderer()
    markers = {t.get_text(): t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts
               if isinstance(t, Annotation) and t.get_text().isdigit() and t.get_bbox_patch() is not None}
    assert sorted(markers, key=int) == [str(n) for n in sorted(numbers.values())]
    discs = {n: Point((e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2).buffer(e.width / 2) for n, e in markers.items()}
    names = [placed.artist.get_window_extent(renderer) for placed in drawn["labels"]]
    assert names
    leaders = {line.get_gid(): LineString(ax.transData.transform(line.get_xydata())) for line in ax.lines
               if (line.get_gid() or "").startswith(("leader-", "number-leader-"))}
    for (a, disc_a), (b, disc_b) in itertools.combinations(discs.items(), 2):
        assert not disc_a.intersects(disc_b), (a, b)
    for n, disc in discs.items():
        for name in names:
            assert not disc.intersects(box(name.x0, name.y0, name.x1, name.y1)), (n, name)
        for gid, line in leaders.items():
            if gid != f"number-leader-{n}":
                assert not disc.intersects(line), (n, gid)


def test_a_tiny_area_above_100_percent_is_circled_where_it_can_be_seen(demo_map):
    """Air Raya (106,73%) is a desa a few pixels wide: its dashed border alone is a dash nobody finds."""
    fig, ax, drawn, desa, _ = demo_map
    over = desa[pd.to_numeric(desa[Col.CAKUPAN]) > 100]
    assert len(over) and drawn["rings"] == list(over[Col.KODE])
    rings = [p for p in ax.patches if isinstance(p, Circle) and (p.get_gid() or "").startswith("over-100-")]
    assert [r.get_gid() for r in rings] == [f"over-100-{k}" for k in over[Col.KODE]]
    extent = rings[0].get_window_extent(fig.canvas.get_renderer())
    assert extent.width >= 0.2 * fig.dpi  # at least a fifth of an inch across on the page

"""The mobile-unit planner (Rencana Jemput Bola) as a new planner uses it, in a real, offline Chromium.

The issue's "Done when": a planner asks for 3 units for 10 days, gets a plan, moves one visit by
hand, exports the itinerary, and enters actual figures. Every figure the page shows is checked
against geo.plan run in the test on the same store with the page's inputs, and what the page saved
against the store. Screenshots land in tests/_artifacts/planner*.png.
"""
from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from geo import auth, fmt
from geo import columns as C
from geo import plan as planner
from geo.config import DEFAULT_THROUGHPUT
from geo.present import plan as plan_view
from geo.render.plan_map import unit_colour
from geo.schema import Col, Level
from geo.store import Store
from tests.e2e.steps import log_in

pytestmark = pytest.mark.browser

expect = pytest.importorskip("playwright.sync_api").expect

KAB = "99.01"  # Kabupaten Contoh Sejahtera, the demo's only kabupaten
EDITOR, PASSWORD = "perencana1", "rahasia-sekali-123"
PLAN_NAME = "Jemput bola akhir November"
ACTUAL = 37  # what unit 1 recorded on day 1
# Streamlit's data grid (glide-data-grid) draws on a canvas: a header row and rows of 35 px.
GRID_HEADER_PX, GRID_ROW_PX = 35, 35


# --- helpers -------------------------------------------------------------------------------
def _idle(page) -> None:
    """Wait until the script run an action started has finished."""
    page.wait_for_timeout(250)
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)


def _open_tab(page, name: str) -> None:
    """Open a tab of the page and wait until it is the one shown."""
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def _metric(page, label: str):
    return page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))


def _expect_metric(page, label: str, value: str, delta: str | None = None) -> None:
    metric = _metric(page, label)
    expect(metric.get_by_test_id("stMetricValue")).to_have_text(value, timeout=60_000)
    if delta is not None:
        expect(metric.get_by_test_id("stMetricDelta")).to_have_text(delta)


def _number(text: str) -> int:
    """An Indonesian-formatted whole number on screen ('1.200') as an int."""
    return int(text.replace(".", ""))


def _set_number(page, label: str, value: int) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(str(value))
    box.press("Enter")
    _idle(page)


def _page_start_date(page) -> date:
    """The start date the page's date field holds (the server's today), read off the field."""
    def part(name: str) -> int:
        return int(page.get_by_role("spinbutton", name=f"{name}, Mulai tanggal").get_attribute("aria-valuenow"))

    return date(part("year"), part("month"), part("day"))


def _visible_grid(page):
    """The one data grid (st.dataframe / st.data_editor) of the open tab."""
    grid = page.get_by_test_id("stDataFrame").filter(visible=True)
    expect(grid).to_have_count(1)
    return grid


def _grid_text(grid, col: int, row: int) -> str:
    """A cell's text from the grid's accessible table (the data it was drawn from, not later edits)."""
    return grid.get_by_test_id(f"glide-cell-{col}-{row}").inner_text()


def _select_cell(page, grid, col: int, row: int) -> None:
    """Select a cell as a person does: click the row's first cell near its left edge (away from a
    checkbox, which a click would toggle), then arrow right; checked on the grid's accessible table."""
    canvas = grid.get_by_test_id("data-grid-canvas")
    canvas.evaluate("c => c.scrollIntoView({block: 'center'})")
    box = canvas.bounding_box()
    y = box["y"] + GRID_HEADER_PX + row * GRID_ROW_PX + GRID_ROW_PX / 2
    assert y < box["y"] + box["height"] - 10, f"row {row} is not on the grid's first screen"
    page.mouse.click(box["x"] + 6, y)
    expect(grid.get_by_test_id(f"glide-cell-0-{row}")).to_have_attribute("aria-selected", "true")
    for _ in range(col):
        page.keyboard.press("ArrowRight")
    expect(grid.get_by_test_id(f"glide-cell-{col}-{row}")).to_have_attribute("aria-selected", "true")


def _toggle_checkbox(page, grid, row: int) -> None:
    _select_cell(page, grid, 0, row)
    page.keyboard.press("Space")


def _shot(page, path, height: int = 2000) -> None:
    """The whole page: the app scrolls inside its own container, so make the window tall enough."""
    _idle(page)
    page.set_viewport_size({"width": 1440, "height": height})
    page.wait_for_timeout(500)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1440, "height": 1000})


def _page_plan(store: Store, start: date, *, units: int, days: int) -> planner.Plan:
    """What pages/rencana.py computes with its defaults: the kabupaten, the newest data date, the first
    office, no distance limit, schools in, a device's day (35), half of the unrecorded come, weekdays, objective
    menuju-hijau, default travel, no controls."""
    data_date = store.snapshot_dates(KAB)[-1]
    base_id = planner.bases(store, KAB)["id"].iloc[0]
    sites = planner.candidate_sites(store, KAB, date=data_date, base_id=base_id, max_km=None, include_schools=True)
    return planner.plan_visits(sites, units=units, capacity=int(DEFAULT_THROUGHPUT), days=days, response=0.5, start=start.isoformat(),
                               weekends=False, objective="menuju-hijau", base=planner.base_point(store, KAB, base_id))


def _expect_metrics(page, plan: planner.Plan) -> None:
    for label, value, delta, _ in plan_view.plan_metrics(plan):
        _expect_metric(page, label, value, delta)


def _sheet_rows(ws) -> list[tuple]:
    rows = list(ws.iter_rows(values_only=True))
    return rows[1:]  # under the header


# --- the story -----------------------------------------------------------------------------
def test_planner_plans_edits_exports_and_records_actuals(demo_store, launch_app, offline, artifacts):
    db_url = demo_store("sqlite")
    store = Store.open(db_url)
    assert store.areas(level=Level.KABUPATEN)[Col.KODE].tolist() == [KAB]
    auth.add_user(store, EDITOR, PASSWORD, "editor")
    app = launch_app(db_url)
    tab = offline.new()
    page = tab.page

    # 1. A new planner opens Rencana Jemput Bola from the menu and asks for 3 units for 10 days
    #    (first trying 5 days, to see the figures follow the inputs).
    page.goto(app.url)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Rencana Jemput Bola", exact=True).click()
    page.wait_for_url(f"{app.url}/rencana")
    expect(_metric(page, "Perkiraan direkam")).to_be_visible(timeout=60_000)
    _idle(page)
    start = _page_start_date(page)
    _set_number(page, "Jumlah unit keliling", 3)
    _set_number(page, "Jumlah hari kerja", 5)
    short = _page_plan(store, start, units=3, days=5)
    _expect_metric(page, "Perkiraan direkam", fmt.number(short.total))
    _set_number(page, "Jumlah hari kerja", 10)
    plan = _page_plan(store, start, units=3, days=10)
    assert plan.total != short.total
    _expect_metrics(page, plan)
    _expect_metric(page, "Hasil pemecah", plan_view.status_short(plan), plan_view.status_detail(plan))
    shown = _number(_metric(page, "Perkiraan direkam").get_by_test_id("stMetricValue").inner_text())
    assert shown == plan.total
    assert all(plan.objective > b["objective"] for b in plan.baselines.values())  # beats both baselines
    assert plan.unit_days == 3 * 10  # every unit busy every day
    expect(page.get_by_text(" · ".join(f"Unit {u}: {fmt.number(e)} orang" for u, e in
                                      zip(plan.totals[C.UNIT], plan.totals[C.EXPECTED])))).to_be_visible()
    _shot(page, artifacts / "planner_1_plan.png")

    # 1b. The map draws on its first opening (no resize) and fits the plan: every stop is in view.
    _open_tab(page, "Peta")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    expect(frame.locator(".leaflet-interactive").first).to_be_attached(timeout=60_000)
    page.wait_for_timeout(1000)
    stops = plan.visits[[C.UNIT, Col.KODE]].drop_duplicates()
    in_view = frame.locator("path.leaflet-interactive").evaluate_all(
        """(paths, colours) => paths
             .filter(p => p.getAttribute('fill') !== 'none' && colours.includes(p.getAttribute('stroke')))
             .map(p => { const r = p.getBoundingClientRect();
                         return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth
                                && r.bottom <= innerHeight; })""", [unit_colour(u) for u in (1, 2, 3)])
    assert len(in_view) == len(stops) and all(in_view), in_view
    page.locator('iframe[title="streamlit_folium.st_folium"]').screenshot(path=artifacts / "planner_map.png")
    _open_tab(page, "Jadwal")

    # 2. Move one visit by hand: untick a site visited once (alone that day), tick one the plan left out.
    table = plan_view.site_table(plan)
    alone = plan.visits.groupby([C.UNIT, C.DAY])[Col.KODE].transform("size") == 1
    single = set(plan.visits.loc[alone, Col.KODE])
    once = table[table["pilih"] & (table["kunjungan"] == "1") & table[Col.KODE].isin(single)].index[0]
    left_out = table[~table["pilih"]].index[0]
    dropped, added = table.at[once, Col.KODE], table.at[left_out, Col.KODE]
    _open_tab(page, "Ubah")
    grid = _visible_grid(page)
    for row in (once, left_out):  # the grid shows the same table, in the same order (codes kept off screen)
        assert _grid_text(grid, 1, row) == table.at[row, Col.NAMA]
        assert _grid_text(grid, 3, row) == table.at[row, C.KECAMATAN]

    _toggle_checkbox(page, grid, once)
    fewer = planner.apply_edits(plan, remove=[dropped])
    assert fewer.total < plan.total
    _expect_metrics(page, fewer)
    _expect_metric(page, "Hasil pemecah", "diubah")
    _idle(page)

    _toggle_checkbox(page, grid, left_out)
    edited = planner.apply_edits(plan, add=[added], remove=[dropped])
    _expect_metrics(page, edited)
    _idle(page)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    # The added site took the dropped site's day: one visit moved, nothing else changed.
    old_slot = plan.visits.loc[plan.visits[Col.KODE] == dropped, [C.UNIT, C.DAY]]
    new_slot = edited.visits.loc[edited.visits[Col.KODE] == added, [C.UNIT, C.DAY]]
    assert len(old_slot) == len(new_slot) == 1
    assert old_slot.to_numpy().tolist() == new_slot.to_numpy().tolist()
    unit, day = (int(v) for v in new_slot.iloc[0])
    keep = ~plan.visits[Col.KODE].eq(dropped)
    assert (edited.visits[~edited.visits[Col.KODE].eq(added)][[C.UNIT, C.DAY, Col.KODE]]
            .reset_index(drop=True).equals(plan.visits[keep][[C.UNIT, C.DAY, Col.KODE]]
                                           .reset_index(drop=True)))
    _shot(page, artifacts / "planner_2_edited.png")

    # 3. Export the itinerary: the printable schedule shows the move; the XLSX has a sheet per unit.
    _open_tab(page, "Cetak & unduh")
    page.get_by_text("Jadwal per unit sebagai teks", exact=True).click()  # the text view, folded under the files
    printed = page.get_by_test_id("stMarkdown").filter(visible=True).filter(has_text="Rencana jemput bola")
    expect(printed.get_by_role("row").filter(has_text=added)).to_have_count(1)
    expect(printed.get_by_role("row").filter(has_text=added).get_by_role("cell").first).to_have_text(str(day))
    expect(printed.get_by_role("row").filter(has_text=dropped)).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh jadwal (XLSX, satu lembar per unit)").click()
    assert download.value.suggested_filename == "rencana_jemput_bola.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert book.sheetnames == ["Unit 1", "Unit 2", "Unit 3"]
    header = next(book["Unit 1"].iter_rows(values_only=True))
    assert header[:4] == ("Hari ke", "Tanggal", "Kode / NPSN", "Lokasi") and header[-1] == "Perkiraan direkam"
    for u in (1, 2, 3):
        mine = edited.visits[edited.visits[C.UNIT] == u]
        want = [(int(d), t, k, int(e)) for d, t, k, e in
                zip(mine[C.DAY], mine[Col.TANGGAL], mine[Col.KODE], mine[C.EXPECTED])]
        got = [(r[0], r[1], r[2], r[-1]) for r in _sheet_rows(book[f"Unit {u}"])]
        assert got == want, f"sheet Unit {u}"
    assert sum(len(_sheet_rows(ws)) for ws in book.worksheets) == len(edited.visits)
    assert (day, added) in [(r[0], r[2]) for r in _sheet_rows(book[f"Unit {unit}"])]

    # 4. Log in as an editor, save the plan under a name, enter what unit 1 recorded on day 1.
    _open_tab(page, "Simpan & realisasi")
    expect(page.get_by_text("Masuk sebagai petugas data di panel samping")).to_be_visible()
    log_in(page, EDITOR, PASSWORD, "editor")
    _idle(page)
    _expect_metric(page, "Perkiraan direkam", fmt.number(edited.total))  # the edits survived the log-in
    _expect_metric(page, "Hasil pemecah", "diubah")
    _open_tab(page, "Simpan & realisasi")  # (stays open; a no-op if so)
    name_box = page.get_by_label("Nama rencana", exact=True)
    name_box.fill(PLAN_NAME)
    name_box.press("Enter")
    _idle(page)
    page.get_by_role("button", name="Simpan rencana", exact=True).click()
    expect(page.get_by_test_id("stAlertContentSuccess").filter(has_text=f"Rencana '{PLAN_NAME}' tersimpan.")) \
        .to_be_visible(timeout=60_000)
    _idle(page)
    saved = planner.planned_vs_actual(store, PLAN_NAME)
    cols = [C.UNIT, C.DAY, Col.TANGGAL, Col.KODE, C.EXPECTED]
    assert saved[cols].reset_index(drop=True).equals(planner.unit_days(edited.visits)[cols].reset_index(drop=True))
    assert saved[C.ACTUAL].isna().all()
    expect(page.get_by_role("combobox", name="Rencana tersimpan")).to_have_value(PLAN_NAME)
    _expect_metric(page, "Kunjungan terlapor", f"0 dari {edited.unit_days}")

    actuals = _visible_grid(page)
    assert [_grid_text(actuals, c, 0) for c in (0, 1, 3)] == ["1", "1", saved.at[0, Col.NAMA]]
    _select_cell(page, actuals, 5, 0)  # Realisasi, unit 1 day 1
    page.keyboard.press("Enter")  # open the cell's editor first: a key typed on a closed cell opens it and is lost
    editor = page.locator("input.gdg-input")
    expect(editor).to_be_focused()
    editor.fill(str(ACTUAL))
    editor.press("Enter")
    _idle(page)
    page.get_by_role("button", name="Simpan realisasi", exact=True).click()
    expect(page.get_by_test_id("stAlertContentSuccess").filter(has_text="1 angka realisasi tersimpan.")) \
        .to_be_visible(timeout=60_000)
    _idle(page)

    result = planner.planned_vs_actual(store, PLAN_NAME)
    first = result[(result[C.UNIT] == 1) & (result[C.DAY] == 1)].iloc[0]
    assert int(first[C.ACTUAL]) == ACTUAL and int(first[C.SELISIH]) == ACTUAL - int(first[C.EXPECTED])
    assert result[C.ACTUAL].notna().sum() == 1
    for label, value, delta in plan_view.actual_metrics(result):
        _expect_metric(page, label, value, delta)
    _expect_metric(page, "Realisasi", fmt.number(ACTUAL))
    _expect_metric(page, "Kunjungan terlapor", f"1 dari {edited.unit_days}")

    # 5. Nothing was asked of the internet; the page as the planner last saw it.
    _shot(page, artifacts / "planner.png")
    assert tab.outside == [], f"the page tried to reach outside: {tab.outside}"

"""Mobile-unit planner on a store: candidate sites with travel and device status, coverage and zones
after the plan, files and the map, plans on both backends, the CLI, and the demo as a planner sees it."""
from __future__ import annotations

import io
import json
import math

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import box

from geo import cli
from geo import columns as C
from geo import plan as P
from geo.ingest import import_inventory
from geo.present import plan as plan_view
from geo.present import plan_explain
from geo.render.plan_map import plan_map
from geo.schema import Col
from geo.store import Store
from geo.text import tr

START = "2026-11-23"  # a Monday
FAST_BOAT = P.Travel(crossing_wait_h=0, boat_kmh=1000)  # B1 lies across 11 km of sea


# --- a tiny store: candidates, coverage after, files, plans on both backends --------------------
def _tiny_store(url: str) -> Store:
    store = Store.open(url)
    a1, a2, b1 = box(121.0, -9.05, 121.1, -8.95), box(121.0, -9.15, 121.1, -9.05), box(121.0, -9.35, 121.1, -9.25)
    rows = [("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(121.0, -9.35, 121.1, -8.95)),
            ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(121.0, -9.15, 121.1, -8.95)),
            ("99.01.02", "Kec B", "kecamatan", "99.01", "kecamatan", b1),
            ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", a1),
            ("99.01.01.1002", "Kel A2", "desa", "99.01.01", "kelurahan", a2),
            ("99.01.02.2001", "Desa B1", "desa", "99.01.02", "desa", b1)]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326"))
    # A1 90% kuning (20 to green), A2 102% (nobody left), B1 75% merah (68 to green)
    store.add_enrollment(pd.DataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.1002", "99.01.02.2001"],
                                       Col.WAJIB: [1000, 500, 400], Col.SUDAH: [900, 510, 300]}), tanggal="2026-11-16")
    lokasi = pd.DataFrame([
        {"id": "LP01", Col.NAMA: "Kantor Disdukcapil", Col.KODE: "99.01.01.2001", "lat": -9.0, "lon": 121.05,
         "atribut": {"jenis": "disdukcapil"}},
        {"id": "LP02", Col.NAMA: "Kantor Kecamatan B", Col.KODE: "99.01.02.2001", "lat": -9.3, "lon": 121.05,
         "atribut": {"jenis": "kecamatan"}},
        {"id": "LP03", Col.NAMA: "Mal Pelayanan Publik", Col.KODE: "99.01.01.2001", "lat": -9.01, "lon": 121.05,
         "atribut": {"jenis": "mpp"}}])
    store.add_points(lokasi, kind="lokasi")
    sekolah = pd.DataFrame([{"id": "99900001", Col.NAMA: "SMA Uji", Col.KODE: "99.01.01.1002", "lat": -9.12,
                             "lon": 121.05, "atribut": {"jenjang": "SMA", "belum_rekam": "50"}}])
    store.add_points(sekolah, kind="sekolah")
    return store


@pytest.fixture
def tiny(store_url):
    store = _tiny_store(store_url)
    yield store
    store.close()


KM_PER_DEGREE = 6371.0088 * math.pi / 180  # along a meridian


def _tiny_plan(store: Store, **options) -> P.Plan:
    """A plan on the tiny store that crosses to B1 by a fast boat (so a day there holds a full day)."""
    sites = P.candidate_sites(store, "99.01", travel=FAST_BOAT)
    args = dict(units=1, days=2, start=START, base=P.base_point(store, "99.01"), objective="terbanyak",
                travel=FAST_BOAT, max_stops=1)
    return P.plan_visits(sites, **{**args, **options})


def test_candidate_sites_from_the_store(tiny):
    sites = P.candidate_sites(tiny, "99.01").set_index(Col.KODE)
    assert list(sites.index) == ["99.01.01.1002", "99.01.01.2001", "99.01.02.2001", "99900001"]
    assert list(sites[Col.BELUM]) == [0, 100, 100, 50]  # A2 at 102% floored at 0; school from its attribute
    assert list(sites[C.JENIS]) == ["kelurahan", "desa", "desa", "sekolah"]
    assert list(sites[C.JARAK]) == pytest.approx([0.1 * KM_PER_DEGREE, 0, 0.3 * KM_PER_DEGREE, 0.12 * KM_PER_DEGREE],
                                                 abs=0.01)
    assert list(sites[C.PERLU_HIJAU]) == [0, 20, 68, 0]  # 920 of 1000 and 368 of 400 are hijau (92%)
    assert sites.loc["99900001", C.KODE_DESA] == "99.01.01.1002" and sites.loc["99900001", Col.ZONA] == "hijau"
    assert list(sites[C.KECAMATAN]) == ["Kec A", "Kec A", "Kec B", "Kec A"]
    near = P.candidate_sites(tiny, "99.01", max_km=20, include_schools=False)
    assert list(near[Col.KODE]) == ["99.01.01.1002", "99.01.01.2001"]
    from_b = P.candidate_sites(tiny, "99.01", base_id="LP02").set_index(Col.KODE)
    assert from_b.loc["99.01.02.2001", C.JARAK] == 0
    assert list(P.bases(tiny, "99.01")["id"]) == ["LP01", "LP02"]  # the MPP is not a base
    with pytest.raises(P.PlanError, match="rencana_basis_tidak_ada"):
        P.candidate_sites(tiny, "99.01", base_id="LP03")
    # B1 is an island (11 km of sea from A2); from B's office, A is the island
    assert list(sites[C.DARATAN]) == [0, 0, 1, 0] and list(from_b[C.DARATAN]) == [1, 1, 0, 1]
    assert sites.loc["99.01.02.2001", C.JAM_TEMPUH] > 1.0  # the crossing's wait alone is an hour
    assert list(sites[C.KODE_KEC]) == ["99.01.01", "99.01.01", "99.01.02", "99.01.01"]
    assert list(sites[C.WAJIB_KEC]) == [1500, 1500, 400, 1500] and list(sites[C.ZONA_KEC]) == ["hijau", "hijau",
                                                                                             "merah", "hijau"]
    assert sites.loc["99900001", C.WAJIB_DESA] == 500  # a school counts in its desa
    # no inventory: every fixed site works; each desa is next to one
    assert list(sites[C.ALAT_KEC]) == ["aktif"] * 4
    assert sites.loc["99.01.01.2001", C.LOKASI_TERDEKAT] in ("Kantor Disdukcapil", "Mal Pelayanan Publik")
    assert sites.loc["99.01.02.2001", C.LOKASI_TERDEKAT] == "Kantor Kecamatan B"


def test_a_broken_device_makes_the_island_hard_to_reach(tiny, tmp_path):
    inventory = tmp_path / "perangkat.csv"
    inventory.write_text("lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan\n"
                         "LP01,LP01-A1,statis,2020-01-06,aktif,,,\n"
                         "LP02,LP02-A1,statis,2020-01-06,aktif,,,\n"
                         "LP02,LP02-A1,,2026-10-05,rusak,,,Pemindai rusak\n", encoding="utf-8")
    import_inventory(tiny, inventory, "uji")
    sites = P.candidate_sites(tiny, "99.01", date="2026-11-16").set_index(Col.KODE)
    b1 = sites.loc["99.01.02.2001"]
    assert (b1[C.ALAT_KEC], b1[C.RUSAK_SEJAK]) == ("rusak", "2026-10-05")
    assert b1[C.LOKASI_TERDEKAT] in ("Kantor Disdukcapil", "Mal Pelayanan Publik")  # across the sea
    assert b1[C.JAM_AKSES] > 1.0 and P.access_weight([b1[C.JAM_AKSES]])[0] == 1.0
    assert P.fixed_sites(tiny, "99.01", "2026-09-28").set_index("id").at["LP02", "berfungsi"]  # it worked then
    assert P.fixed_sites(tiny, "99.01", "2026-11-16").set_index("id")["berfungsi"].to_dict() == {
        "LP01": True, "LP02": False, "LP03": True}
    plan = P.plan_visits(sites.reset_index(), units=1, days=1, start=START, objective="sulit-dijangkau",
                         base=P.base_point(tiny, "99.01"), travel=FAST_BOAT)
    text = plan_explain.reason_text(P.visit_reasons(plan)[0])
    assert "rusak sejak 5 Oktober 2026" in text and "pulau" in text


def test_coverage_after_the_plan(tiny):
    plan = _tiny_plan(tiny)
    # the only 40-yield slots: the first visit to A1 and to B1
    assert sorted(plan.visits[Col.KODE]) == ["99.01.01.2001", "99.01.02.2001"] and plan.total == 80
    after = P.coverage_after(tiny, "99.01", plan).set_index(Col.KODE)
    assert list(after["tambahan"]) == [40, 40]
    assert after.loc["99.01.01", "cakupan_setelah"] == pytest.approx(100 * 1450 / 1500)
    # Kec B: 300 + 40 of 400 = 85.00% → kuning (on the threshold: the better zone)
    assert (after.loc["99.01.02", Col.ZONA], after.loc["99.01.02", "zona_setelah"]) == ("merah", "kuning")
    desa = P.coverage_after(tiny, "99.01", plan, level="desa").set_index(Col.KODE)
    assert desa.loc["99.01.01.2001", "zona_setelah"] == "hijau"  # 940 of 1000
    view = plan_view.coverage_after_view(after.reset_index())
    assert list(view["Zona setelah rencana"]) == ["hijau", "kuning"] and list(view["Tambahan direkam"]) == ["40", "40"]
    zones = P.zones_before_after(tiny, "99.01", plan).set_index(["tingkat", Col.ZONA])
    assert (zones.loc[("kecamatan", "merah"), "sekarang"], zones.loc[("kecamatan", "merah"), "setelah"]) == (1, 0)
    assert (zones.loc[("desa", "hijau"), "sekarang"], zones.loc[("desa", "hijau"), "setelah"]) == (1, 2)
    assert plan.zones == {"desa": 2, "kecamatan": 1, "hijau": 1}  # A1 → hijau, B1 → kuning; Kec B → kuning
    shown = plan_explain.zones_view(zones.reset_index())
    assert list(shown.columns) == ["Tingkat", "Zona", "Sekarang", "Setelah rencana"]


def test_files_and_map(tiny):
    plan = _tiny_plan(tiny, units=2, max_stops=3)
    book = openpyxl.load_workbook(io.BytesIO(plan_view.itinerary_xlsx(plan)))
    assert book.sheetnames == ["Unit 1", "Unit 2"]
    rows = [r for name in book.sheetnames for r in book[name].iter_rows(min_row=2, values_only=True)]
    assert sorted(r[-1] for r in rows) == sorted(plan.visits[C.EXPECTED])  # numbers stay numbers
    assert book["Unit 1"]["A1"].value == "Hari ke"
    header = [c.value for c in book["Unit 1"][1]]
    assert header[-3:] == ["Urutan", "Alasan", "Perkiraan direkam"]
    assert all(r[-2] for r in rows)  # every visit says why
    text = plan_view.itinerary_markdown(plan)
    assert "**Unit 1**" in text and "Perkiraan direkam: **" + str(plan.total) + "**" in text
    m = plan_map(plan)
    html = m.get_root().render()
    assert html.count("L.polyline(") == len(P.plan_trips(plan))  # one route per trip, not a spoke per site
    assert "ResizeObserver" in html and "fitBounds" in html  # fits the plan when first shown
    assert "tileLayer" not in html  # offline: no basemap tiles
    # the legend says what the colours and lines are, as the plan image does: each unit with its visits
    totals = plan.totals.set_index(C.UNIT)
    for unit in (1, 2):
        said = tr("rencana_gambar_unit", "id", n=unit, kunjungan=str(totals.at[unit, "kunjungan"]),
                  jumlah=str(totals.at[unit, C.EXPECTED]))
        assert json.dumps(said)[1:-1] in html
    assert json.dumps(tr("rencana_gambar_legenda", "id", n=str(len(plan.visits))))[1:-1] in html
    grid = plan_view.schedule_grid(plan)
    assert list(grid.columns) == ["Hari ke", "Tanggal", "Unit 1", "Unit 2"]
    assert grid["Tanggal"][0] == "23 November 2026"


def test_names_from_files_stay_text_on_the_plan_map(tiny):
    """Folium writes tooltips into the page as HTML: a desa, office or area name holding markup is shown
    as its characters, never run."""
    import dataclasses

    nasty = '<img src=x onerror="alert(1)"><b>Tebal</b>'
    plan = _tiny_plan(tiny, units=2, max_stops=3)
    plan = dataclasses.replace(plan, visits=plan.visits.assign(**{Col.NAMA: nasty}),
                               base={**plan.base, Col.NAMA: nasty})
    areas = tiny.areas(level="desa", geometry=True).assign(**{Col.NAMA: nasty, Col.ZONA: "merah"})
    html = plan_map(plan, areas=areas).get_root().render()
    assert "<b>Tebal</b>" not in html and "<img src=x" not in html
    stops = len(plan.visits.drop_duplicates([C.UNIT, Col.KODE]))
    assert html.count("&lt;b&gt;Tebal&lt;/b&gt;") == stops + 1  # each stop's tooltip and the base's
    # each area's, inside the layer's JSON, and the base's in the legend (its HTML written as JSON too)
    assert html.count(r"\u0026lt;b\u0026gt;Tebal") == len(areas) + 1


def test_plans_in_the_store(tiny):
    plan = P.plan_visits(P.candidate_sites(tiny, "99.01"), units=2, days=2, start=START,
                         base=P.base_point(tiny, "99.01"))
    P.save_plan(tiny, plan, "Rencana Desember", within="99.01", data_date="2026-11-16", user="uji")
    with pytest.raises(P.PlanError, match="rencana_nama_dipakai"):
        P.save_plan(tiny, plan, "Rencana Desember", within="99.01")
    loaded = P.load_plan(tiny, "Rencana Desember")
    pd.testing.assert_frame_equal(loaded.visits, plan.visits, check_dtype=False)
    assert (loaded.total, loaded.status, loaded.params, loaded.name) == (plan.total, plan.status, plan.params,
                                                                           "Rencana Desember")
    assert P.apply_edits(loaded, remove=[(1, 1)]).total == P.apply_edits(plan, remove=[(1, 1)]).total
    assert list(P.list_plans(tiny, "99.01")["name"]) == ["Rencana Desember"]

    first = plan.visits.iloc[0]
    n = P.record_actuals(tiny, "Rencana Desember",
                         pd.DataFrame({C.UNIT: [first[C.UNIT]], C.DAY: [first[C.DAY]], C.ACTUAL: [33]}), user="uji")
    assert n == 1
    table = P.planned_vs_actual(tiny, "Rencana Desember")
    assert table[C.ACTUAL].notna().sum() == 1 and table[C.ACTUAL].iloc[0] == 33
    assert table[C.SELISIH].iloc[0] == 33 - first[C.EXPECTED]
    assert P.actual_totals(table) == {"expected": plan.total, "visits": len(plan.visits), "reported": 1,
                                      "expected_reported": int(first[C.EXPECTED]), "actual": 33,
                                      "selisih": 33 - int(first[C.EXPECTED])}
    # a bad figure changes nothing; an unknown visit is refused; a plan with actuals is not overwritten
    with pytest.raises(P.PlanError, match="rencana_aktual_salah"):
        P.record_actuals(tiny, "Rencana Desember", pd.DataFrame({C.UNIT: [1], C.DAY: [1], C.ACTUAL: [-3]}))
    with pytest.raises(P.PlanError, match="rencana_kunjungan_tidak_ada"):
        P.record_actuals(tiny, "Rencana Desember", pd.DataFrame({C.UNIT: [9], C.DAY: [1], C.ACTUAL: [3]}))
    assert P.planned_vs_actual(tiny, "Rencana Desember")[C.ACTUAL].iloc[0] == 33
    with pytest.raises(P.PlanError, match="rencana_ada_realisasi"):
        P.save_plan(tiny, plan, "Rencana Desember", overwrite=True)
    # clearing a figure (empty actual) and overwriting a plan without actuals
    P.record_actuals(tiny, "Rencana Desember",
                     pd.DataFrame({C.UNIT: [first[C.UNIT]], C.DAY: [first[C.DAY]], C.ACTUAL: [None]}))
    assert P.planned_vs_actual(tiny, "Rencana Desember")[C.ACTUAL].isna().all()
    smaller = P.apply_edits(plan, remove=[(1, 1)])
    P.save_plan(tiny, smaller, "Rencana Desember", overwrite=True)
    assert P.load_plan(tiny, "Rencana Desember").total == smaller.total
    with pytest.raises(P.PlanError, match="rencana_tidak_ada"):
        P.planned_vs_actual(tiny, "Tidak Ada")
    with pytest.raises(P.PlanError, match="rencana_nama_kosong"):
        P.save_plan(tiny, plan, "  ")


def test_a_plan_with_days_of_several_stops_comes_back_the_same(tiny):
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["Desa A", "Desa B"], Col.BELUM: [100, 30]})
    plan = P.plan_visits(sites, units=1, days=2, start=START, fixed=[(1, 1, "A")])
    assert plan.visits.duplicated([C.UNIT, C.DAY]).any()  # day 2: A, then B on the way
    P.save_plan(tiny, plan, "Dua singgah")
    loaded = P.load_plan(tiny, "Dua singgah")
    pd.testing.assert_frame_equal(loaded.visits, plan.visits, check_dtype=False)
    assert (loaded.params, loaded.baselines, loaded.objective) == (plan.params, plan.baselines, plan.objective)
    table = P.planned_vs_actual(tiny, "Dua singgah")
    assert list(table[Col.KODE]) == ["A", "A + B"] and list(table[C.EXPECTED]) == [40, 40]
    P.record_actuals(tiny, "Dua singgah", pd.DataFrame({C.UNIT: [1], C.DAY: [2], C.ACTUAL: [38]}))
    assert P.planned_vs_actual(tiny, "Dua singgah")[C.SELISIH].tolist()[1] == -2


def test_a_plan_keeps_its_calendar_and_one_saved_before_holidays_keeps_its_days(tiny):
    sites = pd.DataFrame({Col.KODE: ["A"], Col.NAMA: ["Desa A"], Col.BELUM: [500]})
    plan = P.plan_visits(sites, units=1, days=4, start="2026-12-22")  # Tuesday; 24–25 December off
    assert plan.dates == ["2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29"]
    P.save_plan(tiny, plan, "Natal")
    assert P.load_plan(tiny, "Natal").dates == plan.dates
    # a plan saved before the product knew holidays: its parameters have no dates; it worked 24 and 25 December
    from sqlalchemy import update

    from geo.store.tables import plans_table
    params = {k: v for k, v in json.loads(json.dumps(plan.params)).items() if k != "dates"}
    with tiny.transaction() as conn:
        row = conn.execute(plans_table.select().where(plans_table.c.name == "Natal")).mappings().one()
        saved = {**json.loads(row["params"]), **params}
        saved.pop("dates")
        conn.execute(update(plans_table).where(plans_table.c.name == "Natal").values(params=json.dumps(saved)))
    old = P.load_plan(tiny, "Natal")
    assert old.dates == ["2026-12-22", "2026-12-23", "2026-12-24", "2026-12-25"]
    assert sorted(set(old.visits[Col.TANGGAL])) == sorted(set(old.dates) & set(old.visits[Col.TANGGAL]))
    assert "2026-12-24" in set(old.visits[Col.TANGGAL])


# --- CLI ------------------------------------------------------------------------------------
def test_cli_plan_json(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    store = _tiny_store(url)
    code = cli.main(["plan", "--within", "99.01", "--units", "1", "--capacity", "40", "--days", "2",
                     "--response", "0.5", "--start", START, "--format", "json", "--db", url, "--save", "cli-uji",
                     "--objective", "terbanyak", "--max-stops", "1", "--crossing-wait", "0", "--boat-kmh", "1000"])
    out, err = capsys.readouterr()
    assert code == 0
    visits = json.loads(out)
    assert [set(v) for v in visits] == [{"unit", "day", "kode", "nama", "expected", "reason"}] * 2
    expected = _tiny_plan(store)
    assert [(v["unit"], v["day"], v["kode"], v["expected"]) for v in visits] == list(
        expected.visits[[C.UNIT, C.DAY, Col.KODE, C.EXPECTED]].itertuples(index=False, name=None))
    assert [v["reason"] for v in visits] == [plan_explain.reason_text(r) for r in P.visit_reasons(expected)]
    assert "Perkiraan direkam: 80 orang dalam 2 kunjungan" in err and "optimal" in err
    assert "tujuan perekaman terbanyak" in err and "terdekat dulu: skor" in err
    assert P.load_plan(store, "cli-uji").total == 80
    code = cli.main(["plan", "--within", "99.01", "--units", "0", "--days", "2", "--db", url])
    assert code == 1 and "units harus ≥ 1" in capsys.readouterr().err
    code = cli.main(["plan", "--within", "99.01", "--units", "1", "--days", "2", "--db", url, "--format", "json",
                     "--fixed", "1:2:99900001", "--start", START])
    out, err = capsys.readouterr()
    assert code == 0 and [(v["day"], v["kode"]) for v in json.loads(out) if v["kode"] == "99900001"] == [
        (2, "99900001")]
    assert "menuju hijau" in err  # the default objective
    with pytest.raises(SystemExit):
        cli.main(["plan", "--within", "99.01", "--units", "1", "--days", "2", "--objective", "tercepat"])


def _without_lokasi(store: Store) -> None:
    """The recording-site list rolled back, as an editor undoes a wrong upload (schools stay)."""
    history = store.history()
    store.rollback(int(history.loc[history["kind"] == "points:lokasi", "id"].iloc[0]))


def test_without_an_office_units_set_out_from_a_kecamatan_centre(tiny):
    office = P.base_point(tiny, "99.01")
    assert plan_explain.provisional_base_note(office, "Kabupaten Uji") is None  # a listed office: nothing to say
    _without_lokasi(tiny)
    centres = P.bases(tiny, "99.01")
    assert list(centres["id"]) == ["tengah:99.01.01", "tengah:99.01.02"]  # equally central: by code
    assert list(centres[Col.NAMA]) == ["Kec A", "Kec B"] and set(centres[C.JENIS]) == {P.CENTRE}
    kec = tiny.areas(level="kecamatan", geometry=True).set_index(Col.KODE)
    desa = tiny.areas(level="desa", geometry=True).set_index(Col.KODE)
    for row in centres.to_dict("records"):
        point = gpd.points_from_xy([row[C.LON]], [row[C.LAT]])[0]
        assert kec.geometry[row["id"].removeprefix("tengah:")].contains(point)
        assert row[Col.KODE] not in desa.index or desa.geometry[row[Col.KODE]].covers(point)
    assert centres[Col.KODE].iloc[1] == "99.01.02.2001"  # B's centre stands in its one desa
    sites = P.candidate_sites(tiny, "99.01", include_schools=False)
    # no site list: how far residents live from a recording site is unknown, not "none works"
    assert sites[C.JAM_AKSES].isna().all() and sites[C.LOKASI_TERDEKAT].isna().all()
    base = P.base_point(tiny, "99.01")
    assert base["id"] == "tengah:99.01.01"
    plan = P.plan_visits(sites, units=1, capacity=40, days=2, response=0.5, start=START, base=base,
                         objective="sulit-dijangkau", travel=FAST_BOAT, max_stops=1)
    reasons = P.visit_reasons(plan)
    assert len(reasons) == 2 and all(r["jam_akses"] is None for r in reasons)
    said = " ".join(plan_explain.reason_text(r) for r in reasons)
    assert tr("rencana_alasan_tanpa_lokasi", "id") not in said
    note = plan_explain.provisional_base_note(plan.base, "Kabupaten Uji")
    assert "titik tengah Kec. Kec A (perkiraan)" in note and "Kabupaten Uji" in note
    assert "Berangkat dari: titik tengah Kec. Kec A (perkiraan)" in plan_view.itinerary_markdown(plan)
    html = plan_map(plan, lang="en").get_root().render()
    assert "Starting from: the centre of Kec A district (estimate)" in html


def test_codes_without_boundaries_give_no_centre_to_start_from(store_url):
    """A store holding the code table only (no boundary: nothing to place a centre or a desa on) keeps the
    message that names the missing site list, never an error about NaN coordinates."""
    store = Store.open(store_url)
    rows = [("99.01", "Kabupaten Uji", "kabupaten", "99"), ("99.01.01", "Kec A", "kecamatan", "99.01"),
            ("99.01.01.2001", "Desa A1", "desa", "99.01.01")]
    areas = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK]).assign(**{Col.TIPE: None})
    store.add_areas(gpd.GeoDataFrame(areas, geometry=[None] * len(areas)))
    assert P.bases(store, "99.01").empty
    with pytest.raises(P.PlanError, match="rencana_tanpa_basis"):
        P.base_point(store, "99.01")
    store.close()


def test_cli_plan_without_an_office_says_where_it_starts(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    _without_lokasi(_tiny_store(url))
    code = cli.main(["plan", "--within", "99.01", "--units", "1", "--days", "2", "--start", START, "--db", url,
                     "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and len(json.loads(out)) == 2
    assert ("Kabupaten Uji: rencana ini berangkat dari titik tengah Kec. Kec A (perkiraan)" in err
            and "import-points BERKAS --kind lokasi" in err)
    code = cli.main(["plan", "--within", "99.01", "--units", "1", "--days", "2", "--db", url, "--base", "tengah:99.01.02",
                     "--format", "json", "--start", START])
    out, err = capsys.readouterr()
    assert code == 0 and "titik tengah Kec. Kec B (perkiraan)" in err


# --- the demo, as a new user with the page's defaults --------------------------------------------
RED_KECAMATAN = {"99.01.06": "Golo Sejuk", "99.01.12": "Kepulauan Teduh"}


@pytest.fixture(scope="module")
def demo_sites(demo_store):
    return P.candidate_sites(demo_store, "99.01")


def _demo_plan(demo_store, demo_sites, **options) -> P.Plan:
    args = dict(units=3, capacity=40, days=10, response=0.5, start=START, base=P.base_point(demo_store, "99.01"))
    return P.plan_visits(demo_sites, **{**args, **options})


@pytest.mark.parametrize("objective", P.OBJECTIVES)
def test_demo_plan_is_optimal_and_never_below_a_baseline(demo_store, demo_sites, objective):
    # (its speed is measured in bench/, not asserted here)
    assert len(demo_sites) == 175 and (demo_sites[C.JENIS] == "sekolah").sum() == 25
    plan = _demo_plan(demo_store, demo_sites, objective=objective)
    assert plan.status == "optimal"
    for name in P.BASELINES:
        assert plan.objective >= plan.baselines[name]["objective"]
    assert plan.unit_days == 30  # every unit busy every day
    v = plan.visits
    assert not v.duplicated([C.UNIT, C.DAY, C.URUTAN]).any() and not v.duplicated([Col.KODE, C.DAY]).any()
    assert (v.groupby([C.UNIT, C.DAY])[C.EXPECTED].sum() <= 40).all()
    if objective == "terbanyak":
        assert plan.total == 1200  # today's objective: every unit-day at capacity, next to the office


def test_demo_default_plan_goes_where_people_do_not_come_by_themselves(demo_store, demo_sites):
    plan = _demo_plan(demo_store, demo_sites)
    assert plan.params["objective"] == "menuju-hijau"
    visits = plan.visits.merge(demo_sites[[Col.KODE, C.KODE_KEC, Col.ZONA, C.JAM_AKSES]], on=Col.KODE)
    near_green = visits[(visits[Col.ZONA] == "hijau") & (visits[C.JAM_AKSES] <= P.Travel().easy_reach_h)]
    assert len(near_green[[C.UNIT, C.DAY]].drop_duplicates()) <= 30 / 5
    assert set(RED_KECAMATAN) <= set(visits[C.KODE_KEC])  # both red kecamatan, the island too
    for name in P.BASELINES:
        baseline = plan.baselines[name]
        assert plan.zones["desa"] > baseline["desa"] and plan.zones["kecamatan"] > baseline["kecamatan"]
    after = P.coverage_after(demo_store, "99.01", plan).set_index(Col.KODE)
    assert [after.loc[k, "zona_setelah"] for k in RED_KECAMATAN] == ["kuning", "kuning"]
    reasons = P.visit_reasons(plan)
    assert all(r["langkah"] or r["jam_akses"] is not None for r in reasons)
    island = [r for r in reasons if r["pulau"]]
    assert island and all("pulau: perahu" in plan_explain.reason_text(r) for r in island)
    # the old objective sends every unit-day to the seat, green and next to the Dinas office
    most = _demo_plan(demo_store, demo_sites, objective="terbanyak")
    assert set(most.visits[C.KECAMATAN]) == {"Kota Sejahtera"}


def test_a_kecamatan_that_cannot_record_is_visited_first(demo_store, demo_sites):
    """Its office's devices broken (49 days in the demo): its people can record nowhere near, so its
    visits take the first free days, before the sweep by bearing (it came on the last day, day 10)."""
    plan = _demo_plan(demo_store, demo_sites, units=2, capacity=35)
    broken = set(demo_sites.loc[demo_sites[C.ALAT_KEC] == "rusak", Col.KODE])
    mine = plan.visits[plan.visits[Col.KODE].isin(broken)]
    assert len(mine)
    islands = set(demo_sites.loc[demo_sites[C.DARATAN] > 0, Col.KODE])
    for unit, rows in plan.visits.groupby(C.UNIT):
        mainland = rows[~rows[Col.KODE].isin(islands)].sort_values(C.DAY)
        flags = list(mainland[Col.KODE].isin(broken))
        assert flags == sorted(flags, reverse=True), (unit, list(mainland[Col.NAMA]))  # theirs before the rest
    assert mine[C.DAY].min() == 1


def test_the_cli_plans_with_the_pages_defaults(demo_store, capsys):
    """``plan`` without --units sends the inventory's working mobile sets (the demo's third is in repair)
    and a unit's day holds Kapasitas's 35 (it took 40, the page 35): the CLI and the page plan alike,
    and the inventory is named on stderr as under the page's inputs."""
    from geo.capacity import mobile_units
    from geo.columns import STATUS
    from geo.config import DEFAULT_THROUGHPUT
    from geo.present.plan import units_note

    mobiles = mobile_units(demo_store, "99.01")
    working = int((mobiles[STATUS] == "aktif").sum())
    assert 0 < working < len(mobiles)
    code = cli.main(["plan", "--within", "99.01", "--days", "3", "--start", START, "--format", "json",
                     "--db", demo_store.engine.url.render_as_string(hide_password=False), "--time-limit", "5"])
    out, err = capsys.readouterr()
    assert code == 0
    visits = pd.DataFrame(json.loads(out))
    assert set(visits["unit"]) == set(range(1, working + 1))
    assert visits.groupby(["unit", "day"])["expected"].sum().max() == DEFAULT_THROUGHPUT == 35
    assert units_note(mobiles, working, "id")[1] in err
    code = cli.main(["plan", "--within", "99.01", "--days", "2", "--units", str(working + 1), "--start", START,
                     "--format", "json", "--db", demo_store.engine.url.render_as_string(hide_password=False), "--time-limit", "5"])
    assert code == 0 and units_note(mobiles, working + 1, "id")[1] in capsys.readouterr().err  # the warning


def test_demo_controls(demo_store, demo_sites):
    school = demo_sites[(demo_sites[C.JENIS] == "sekolah") & (demo_sites[C.KODE_KEC] == "99.01.03")][Col.KODE].iloc[0]
    sites = P.filter_sites(demo_sites, focus=["99.01.06", "99.01.08"], keep=[school])
    plan = _demo_plan(demo_store, sites, fixed=[(2, 3, school)])
    assert set(plan.visits[C.KECAMATAN]) <= {"Golo Sejuk", "Sungai Jernih Raya", "Tanjung Sentosa"}
    promised = plan.visits[plan.visits[Col.KODE] == school]
    assert promised[[C.UNIT, C.DAY]].values.tolist()[0] == [2, 3]
    only = P.filter_sites(demo_sites, only_zones=("merah", "kuning"))
    assert set(_demo_plan(demo_store, only, objective="terbanyak").visits.merge(
        only[[Col.KODE, Col.ZONA]], on=Col.KODE)[Col.ZONA]) <= {"merah", "kuning"}


def test_a_red_kecamatan_left_out_says_why(demo_store, demo_sites):
    most = _demo_plan(demo_store, demo_sites, objective="terbanyak")
    assert {r["kode"]: r["alasan"] for r in P.red_not_visited(most)} == {"99.01.06": "tidak_dipilih",
                                                                         "99.01.12": "tidak_dipilih"}
    one_day = _demo_plan(demo_store, demo_sites, days=1)  # the island needs a stay of two days at least
    why = {r["kode"]: r["alasan"] for r in P.red_not_visited(one_day)}
    # Golo Sejuk's desa lie 5–35 minutes from its working office: for one day the three units go where the
    # office's device is broken (Sungai Jernih Raya, 99.01.08) instead
    assert why == {"99.01.12": "jauh", "99.01.06": "tidak_dipilih"}
    assert set(one_day.visits[Col.KODE].str[:8]) == {"99.01.08"}
    assert any(note.startswith("Kecamatan Kepulauan Teduh (merah) tidak dikunjungi: dengan pengaturan ini")
               for note in plan_explain.red_notes(one_day))
    # why not Golo Sejuk: how far its unrecorded people live from a working site, averaged over them
    golo = demo_sites[(demo_sites[C.KODE_KEC] == "99.01.06") & (demo_sites[C.JENIS] != "sekolah")]
    minutes = round(60 * (golo[C.JAM_AKSES] * golo[Col.BELUM]).sum() / golo[Col.BELUM].sum())
    by_site = golo.groupby(C.LOKASI_TERDEKAT)[Col.BELUM].sum()
    assert 15 < minutes < 35 and by_site.idxmax() == "Kantor Kecamatan Golo Sejuk"
    assert (f"Kecamatan Golo Sejuk (merah) tidak dikunjungi: menurut tujuan ini kunjungan di tempat lain bernilai "
            f"lebih tinggi. Warganya yang belum rekam tinggal rata-rata {minutes} menit dari lokasi rekam yang "
            f"berfungsi (terutama Kantor Kecamatan Golo Sejuk); unit keliling didahulukan ke warga yang lebih sulit "
            f"dijangkau. Tambahkan kunjungan tetap di sana, atau pilih kecamatan itu saja.") in plan_explain.red_notes(one_day)
    assert all("rata-rata" not in note for note in plan_explain.red_notes(most))  # every recording counts alike
    assert P.red_not_visited(_demo_plan(demo_store, demo_sites)) == []  # the default plan visits both


def test_an_island_stay_over_a_weekend_says_the_crew_stays_or_crosses_again(demo_store, demo_sites):
    """The schedule counts working days: a unit on the island on Friday and again on Monday reads as one
    stay, the crew's Saturday and Sunday unsaid. The plan says it, on the page and on the crew's sheet."""
    from datetime import date

    plan = _demo_plan(demo_store, demo_sites)
    v = plan.visits.merge(demo_sites[[Col.KODE, C.DARATAN]], on=Col.KODE).drop_duplicates([C.UNIT, C.DAY])
    expected = []
    for unit, rows in v.sort_values([C.UNIT, C.DAY]).groupby(C.UNIT):
        for (_, a), (_, b) in zip(rows.iterrows(), list(rows.iterrows())[1:]):
            gap = (date.fromisoformat(b[Col.TANGGAL][:10]) - date.fromisoformat(a[Col.TANGGAL][:10])).days
            if a[C.DARATAN] == b[C.DARATAN] > 0 and gap > 1:
                expected.append((unit, a[Col.NAMA], b[Col.NAMA], gap - 1))
    assert expected, "the demo plan keeps a unit on the island over a weekend"
    lines = plan_explain.island_rest_days(plan)
    assert len(lines) == len(expected)
    for line, (unit, before, after, off) in zip(lines, expected):
        assert line.startswith(f"Unit {unit} tetap di pulau (Kec. Kepulauan Teduh) pada ")
        assert f"antara {before} dan {after}: hari itu bukan hari kerja" in line and off == 2  # Saturday, Sunday
    assert all(line in plan_view.itinerary_markdown(plan) for line in lines)
    short = _demo_plan(demo_store, demo_sites, days=5)  # Monday to Friday: no days off inside a stay
    assert plan_explain.island_rest_days(short) == []

"""Mobile-unit planner: the yield model by hand, constraints, brute-force optimum on small cases,
never below the greedy, edits, coverage after the plan, files, CLI, and plans in the store."""
from __future__ import annotations

import io
import itertools
import json
import math
import random

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import box

from geo import cli
from geo import columns as C
from geo import plan as P
from geo.present import plan as plan_view
from geo.render.plan_map import plan_map
from geo.schema import Col
from geo.store import Store

START = "2026-11-23"  # a Monday


# --- an independent scorer (not the module's code) --------------------------------------------
def _score(sites: pd.DataFrame, visits: list[tuple[int, int, int]], capacity: int, response: float,
           weighted: bool) -> tuple[int, float, dict]:
    """(people, objective, per-visit yields) of visits (unit, day, site index), yields in day order."""
    left = dict(enumerate(sites[Col.BELUM]))
    got, per_site = {}, [0] * len(sites)
    for unit, day, i in sorted(visits, key=lambda v: (v[1], v[0])):
        y = min(capacity, math.floor(response * left[i]))
        y = max(y, 0)
        left[i] -= y
        got[(unit, day)] = y
        per_site[i] += y
    objective = float(sum(per_site))
    if weighted:
        weights = {"merah": 1.5, "kuning": 1.25}
        objective = sum(weights.get(z, 1.0) * n for z, n in zip(sites[Col.ZONA], per_site))
        desa_need = {}
        for d, need in zip(sites[C.KODE_DESA], sites[C.PERLU_HIJAU]):
            if not pd.isna(need) and need > 0:
                desa_need[d] = int(need)
        for d, need in desa_need.items():
            if sum(n for dd, n in zip(sites[C.KODE_DESA], per_site) if dd == d) >= need:
                objective += capacity
    return sum(per_site), objective, got


def _brute(sites, units, days, capacity, response, weighted) -> float:
    slots = [(u, d) for u in range(1, units + 1) for d in range(1, days + 1)]
    best = 0.0
    for choice in itertools.product([None, *range(len(sites))], repeat=len(slots)):
        chosen = [(u, d, c) for (u, d), c in zip(slots, choice) if c is not None]
        per_day = [(d, c) for _, d, c in chosen]
        if len(set(per_day)) < len(per_day):  # two units at one site on one day
            continue
        best = max(best, _score(sites, chosen, capacity, response, weighted)[1])
    return best


def _random_sites(rng: random.Random, n: int, schools: int = 0) -> pd.DataFrame:
    rows = []
    for i in range(n):
        zona = rng.choice(["merah", "kuning", "hijau"])
        rows.append({Col.KODE: f"99.01.01.{2001 + i}", Col.NAMA: f"Desa {i}", C.JENIS: "desa",
                     Col.BELUM: rng.randint(0, 160), Col.ZONA: zona,
                     C.PERLU_HIJAU: 0 if zona == "hijau" else rng.randint(1, 120)})
    for j in range(schools):
        desa = rows[rng.randrange(n)]
        rows.append({Col.KODE: f"9990{j:04d}", Col.NAMA: f"Sekolah {j}", C.JENIS: "sekolah",
                     C.KODE_DESA: desa[Col.KODE], Col.BELUM: rng.randint(0, 90), Col.ZONA: desa[Col.ZONA],
                     C.PERLU_HIJAU: desa[C.PERLU_HIJAU]})
    frame = pd.DataFrame(rows)
    frame[C.KODE_DESA] = frame.get(C.KODE_DESA, pd.Series(dtype=object)).fillna(frame[Col.KODE])
    return frame


def _check_constraints(plan: P.Plan) -> None:
    v, p = plan.visits, plan.params
    assert v[C.UNIT].between(1, p["units"]).all() and v[C.DAY].between(1, p["days"]).all()
    assert not v.duplicated([C.UNIT, C.DAY]).any()  # one site per unit per day
    assert not v.duplicated([Col.KODE, C.DAY]).any()  # at most one unit per site per day
    assert (v[C.EXPECTED] >= 0).all() and (v[C.EXPECTED] <= p["capacity"]).all()
    belum = plan.sites.set_index(Col.KODE)[Col.BELUM]
    for kode, group in v.sort_values(C.DAY).groupby(Col.KODE):
        expected = P.visit_yields(belum[kode], p["capacity"], p["response"], len(group))
        assert list(group[C.EXPECTED]) == expected + [0] * (len(group) - len(expected))
        assert belum[kode] - group[C.EXPECTED].sum() >= 0  # remaining never negative
    assert plan.total == v[C.EXPECTED].sum()
    assert list(plan.dates[d - 1] for d in v[C.DAY]) == list(v[Col.TANGGAL])


# --- the model by hand ------------------------------------------------------------------------
def test_yields_by_hand():
    assert P.visit_yields(100, 40, 0.5, 3) == [40, 30, 15]
    assert P.visit_yields(100, 40, 0.5, 10) == [40, 30, 15, 7, 4, 2, 1]  # stops when nobody would come
    assert P.visit_yields(61, 40, 0.5, 2) == [30, 15]  # floor(30.5) = 30, then floor(15.5) = 15
    assert P.visit_yields(-12, 40, 0.5, 3) == [] and P.visit_yields(1, 40, 0.5, 3) == []


def test_working_days_skip_weekends_unless_allowed():
    friday = pd.Timestamp("2026-11-27").date()
    assert [d.isoformat() for d in P.working_days(friday, 3)] == ["2026-11-27", "2026-11-30", "2026-12-01"]
    assert [d.isoformat() for d in P.working_days(friday, 3, weekends=True)] == ["2026-11-27", "2026-11-28",
                                                                                 "2026-11-29"]


def test_three_visits_to_one_site_yield_40_30_15():
    sites = pd.DataFrame({Col.KODE: ["99.01.01.2001"], Col.NAMA: ["Desa A"], Col.BELUM: [100]})
    plan = P.plan_visits(sites, units=2, days=3, start=START)
    # one unit per site per day: 3 visits at most, on days 1, 2, 3 (the second unit has nowhere to go)
    assert sorted(plan.visits[C.DAY]) == [1, 2, 3]
    assert list(plan.visits.sort_values(C.DAY)[C.EXPECTED]) == [40, 30, 15]
    assert plan.total == 85 and plan.greedy_total == 85 and plan.status == "optimal" and plan.gap == 0


def test_greedy_baseline_by_hand():
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["A", "B"], Col.BELUM: [100, 90]})
    plan = P.plan_visits(sites, units=1, days=2, start=START)
    # day 1: A (100 left) → 40; day 2: B (90 left, yields 40) beats A (60 left, yields 30)
    assert plan.greedy_total == 80 and plan.total == 80
    assert sorted(plan.visits[Col.KODE]) == ["A", "B"]


def test_weighting_turns_a_desa_green_where_greedy_does_not():
    sites = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.01.2002"], Col.NAMA: ["Hijau", "Kuning"], Col.BELUM: [200, 60],
        Col.ZONA: ["hijau", "kuning"], C.PERLU_HIJAU: [0, 30]})
    plain = P.plan_visits(sites, units=1, days=1, start=START)
    assert plain.total == 40 and list(plain.visits[Col.NAMA]) == ["Hijau"]
    plan = P.plan_visits(sites, units=1, days=1, start=START, weighted=True)
    # Kuning: 30 people × 1.25 + a bonus of one unit-day (40) for reaching hijau = 77.5 > Hijau's 40
    assert list(plan.visits[Col.NAMA]) == ["Kuning"]
    assert (plan.total, plan.objective, plan.turned_green) == (30, 77.5, 1)
    assert (plan.greedy_total, plan.greedy_objective) == (40, 40.0)
    assert plan.status == "optimal" and plan.gap == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("seed,units,days,n", [(1, 2, 2, 4), (2, 2, 2, 4), (3, 2, 2, 4), (4, 1, 3, 4),
                                               (5, 3, 2, 4), (6, 2, 2, 4)])
def test_brute_force_optimum_on_small_cases(seed, units, days, n, weighted):
    rng = random.Random(seed)
    sites = _random_sites(rng, n - 1, schools=1)
    capacity, response = rng.choice([20, 40]), rng.choice([0.3, 0.5, 0.8])
    plan = P.plan_visits(sites, units=units, days=days, capacity=capacity, response=response, start=START,
                         weighted=weighted)
    best = _brute(sites, units, days, capacity, response, weighted)
    assert plan.objective == pytest.approx(best)
    index = {k: i for i, k in enumerate(sites[Col.KODE])}
    visits = [(u, d, index[k]) for u, d, k in zip(plan.visits[C.UNIT], plan.visits[C.DAY], plan.visits[Col.KODE])]
    people, objective, _ = _score(sites, visits, capacity, response, weighted)
    assert (people, objective) == (plan.total, pytest.approx(plan.objective))
    _check_constraints(plan)


@pytest.mark.parametrize("seed", range(25))
def test_never_worse_than_greedy_on_random_cases(seed):
    rng = random.Random(1000 + seed)
    sites = _random_sites(rng, rng.randint(3, 40), schools=rng.randint(0, 5))
    units, days = rng.randint(1, 4), rng.randint(1, 8)
    capacity, response = rng.choice([10, 30, 40]), rng.choice([0.2, 0.5, 1.0])
    for weighted in (False, True):
        plan = P.plan_visits(sites, units=units, days=days, capacity=capacity, response=response, start=START,
                             weighted=weighted, time_limit=5)
        _check_constraints(plan)
        assert plan.objective >= plan.greedy_objective - 1e-9
        assert plan.status == "optimal"
    # unweighted optimum = the best units × days slot yields with ≤ days visits per site
    slots = sorted((y for b in sites[Col.BELUM] for y in P.visit_yields(b, capacity, response, days)), reverse=True)
    plain = P.plan_visits(sites, units=units, days=days, capacity=capacity, response=response, start=START)
    assert plain.total == sum(slots[: units * days]) == plain.greedy_total  # unweighted, the greedy is optimal too


def test_bad_input_is_refused_with_a_reason():
    sites = pd.DataFrame({Col.KODE: ["A"], Col.NAMA: ["A"], Col.BELUM: [10]})
    with pytest.raises(P.PlanError, match="rencana_angka_salah") as err:
        P.plan_visits(sites, units=0, days=3)
    assert err.value.params["nama"] == "units"
    with pytest.raises(P.PlanError, match="rencana_angka_salah"):
        P.plan_visits(sites, units=1, days=3, response=1.5)
    with pytest.raises(P.PlanError, match="rencana_kolom_hilang"):
        P.plan_visits(sites.drop(columns=Col.BELUM), units=1, days=1)


def test_empty_site_list_gives_an_empty_plan():
    sites = pd.DataFrame({Col.KODE: ["A"], Col.NAMA: ["A"], Col.BELUM: [0]})
    plan = P.plan_visits(sites, units=2, days=2, start=START)
    assert plan.visits.empty and plan.total == 0 and plan.status == "optimal"
    assert list(plan.totals[C.EXPECTED]) == [0, 0]


# --- edits --------------------------------------------------------------------------------------
def _two_site_plan():
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["Desa A", "Desa B"], Col.BELUM: [100, 30]})
    return P.plan_visits(sites, units=1, days=2, start=START)  # A twice: 40 + 30 (B yields 15)


def test_apply_edits_recomputes_yields_and_totals():
    plan = _two_site_plan()
    assert plan.total == 70 and list(plan.visits[Col.KODE]) == ["A", "A"]
    edited = P.apply_edits(plan, remove=[(1, 1)])
    assert list(edited.visits[C.EXPECTED]) == [40] and edited.total == 40  # day 2 is now the first visit
    assert edited.status == "edited" and edited.gap is None and edited.greedy_total == 70
    edited = P.apply_edits(plan, remove=[(1, 1)], add=[(1, 1, "B")])
    assert list(edited.visits[Col.KODE]) == ["B", "A"] and edited.total == 15 + 40
    assert P.apply_edits(plan, remove=["A"]).visits.empty
    assert P.apply_edits(plan, remove=["A"], add=["B"]).visits[[C.DAY, C.EXPECTED]].values.tolist() == [[1, 15]]
    assert P.apply_edits(plan) is plan
    _check_constraints(P.apply_edits(plan, remove=[(1, 2)], add=[(1, 2, "B")]))


def test_apply_edits_refuses_impossible_visits():
    plan = _two_site_plan()
    with pytest.raises(P.PlanError, match="rencana_slot_terisi"):
        P.apply_edits(plan, add=[(1, 1, "B")])
    with pytest.raises(P.PlanError, match="rencana_slot_salah"):
        P.apply_edits(plan, add=[(2, 1, "B")])
    with pytest.raises(P.PlanError, match="rencana_situs_tidak_ada"):
        P.apply_edits(plan, remove=[(1, 1)], add=[(1, 1, "Z")])
    with pytest.raises(P.PlanError, match="rencana_penuh"):
        P.apply_edits(plan, add=["B"])
    two_units = P.plan_visits(plan.sites, units=2, days=1, start=START)  # A by unit 1, B by unit 2
    with pytest.raises(P.PlanError, match="rencana_situs_ganda"):
        P.apply_edits(two_units, remove=[(2, 1)], add=[(2, 1, "A")])


def test_site_table_checkboxes_become_edits():
    plan = _two_site_plan()
    table = plan_view.site_table(plan)
    assert list(table["pilih"]) == [True, False] and list(table[C.EXPECTED]) == ["70", "0"]
    assert list(table["kunjungan"]) == ["2", "0"]
    table["pilih"] = [False, True]
    edits = P.edits_from_table(plan, table)
    assert edits == {"add": ["B"], "remove": ["A"]}
    assert P.apply_edits(plan, **edits).total == 15


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


def test_coverage_after_the_plan(tiny):
    sites = P.candidate_sites(tiny, "99.01")
    plan = P.plan_visits(sites, units=1, days=2, start=START, base=P.base_point(tiny, "99.01"))
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


def test_files_and_map(tiny):
    base = P.base_point(tiny, "99.01")
    plan = P.plan_visits(P.candidate_sites(tiny, "99.01"), units=2, days=2, start=START, base=base)
    book = openpyxl.load_workbook(io.BytesIO(plan_view.itinerary_xlsx(plan)))
    assert book.sheetnames == ["Unit 1", "Unit 2"]
    rows = [r for name in book.sheetnames for r in book[name].iter_rows(min_row=2, values_only=True)]
    assert sorted(r[-1] for r in rows) == sorted(plan.visits[C.EXPECTED])  # numbers stay numbers
    assert book["Unit 1"]["A1"].value == "Hari ke"
    text = plan_view.itinerary_markdown(plan)
    assert "**Unit 1**" in text and "Perkiraan direkam: **" + str(plan.total) + "**" in text
    m = plan_map(plan)
    html = m.get_root().render()
    pairs = plan.visits[[C.UNIT, Col.KODE]].drop_duplicates()
    assert html.count("L.polyline(") == len(pairs)
    assert "tileLayer" not in html  # offline: no basemap tiles
    grid = plan_view.schedule_grid(plan)
    assert list(grid.columns) == ["Hari ke", "Tanggal", "Unit 1", "Unit 2"]
    assert grid["Tanggal"][0] == "23 November 2026"


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


# --- CLI ------------------------------------------------------------------------------------
def test_cli_plan_json(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    store = _tiny_store(url)
    code = cli.main(["plan", "--within", "99.01", "--units", "1", "--capacity", "40", "--days", "2",
                     "--response", "0.5", "--start", START, "--format", "json", "--db", url, "--save", "cli-uji"])
    out, err = capsys.readouterr()
    assert code == 0
    visits = json.loads(out)
    assert [set(v) for v in visits] == [{"unit", "day", "kode", "nama", "expected"}] * 2
    expected = P.plan_visits(P.candidate_sites(store, "99.01"), units=1, days=2, start=START,
                             base=P.base_point(store, "99.01"))
    assert [(v["unit"], v["day"], v["kode"], v["expected"]) for v in visits] == list(
        expected.visits[[C.UNIT, C.DAY, Col.KODE, C.EXPECTED]].itertuples(index=False, name=None))
    assert "Perkiraan direkam: 80 orang dalam 2 kunjungan" in err and "optimal" in err
    assert P.load_plan(store, "cli-uji").total == 80
    code = cli.main(["plan", "--within", "99.01", "--units", "0", "--days", "2", "--db", url])
    assert code == 1 and "units harus ≥ 1" in capsys.readouterr().err


# --- the demo: 3 units × 10 days within 5 s ---------------------------------------------------
@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from geo.ingest.demo import load_demo

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('plan') / 'demo.sqlite'}")
    load_demo(store)
    yield store
    store.close()


@pytest.mark.parametrize("weighted", [False, True])
def test_demo_plan_is_fast_and_beats_or_equals_greedy(demo_store, weighted):
    sites = P.candidate_sites(demo_store, "99.01")
    assert len(sites) == 175 and (sites[C.JENIS] == "sekolah").sum() == 25
    plan = P.plan_visits(sites, units=3, days=10, start=START, weighted=weighted,
                         base=P.base_point(demo_store, "99.01"))
    assert plan.solve_seconds < 5
    assert plan.status == "optimal" and plan.objective >= plan.greedy_objective
    _check_constraints(plan)
    assert len(plan.visits) == 30 and plan.total == 1200  # every unit-day at capacity
    if weighted:
        assert plan.objective > plan.greedy_objective and plan.turned_green > 0

"""Mobile-unit planner, the model: the yield rule by hand, constraints, the brute-force optimum of
each objective on small cases, never below either baseline, fixed visits, and edits.

Travel, islands and routes are in test_plan_travel.py; the store, files, the CLI and the demo in
test_plan_store.py.
"""
from __future__ import annotations

import itertools
import math
import random

import pandas as pd
import pytest

from geo import columns as C
from geo import plan as P
from geo.coverage import people_to_reach
from geo.present import plan as plan_view
from geo.schema import Col

START = "2026-11-23"  # a Monday


# --- an independent scorer (not the module's code) --------------------------------------------
def _cap(hours: float, capacity: int = 40) -> int:
    """What a day trip of ``hours`` one way holds with the default travel (9 h day, 0.5 h set-up, 5 h
    for a full day's capacity)."""
    return max(0, min(capacity, math.floor(capacity * (9 - 2 * hours - 0.5) / 5 + 1e-9)))


def _weight(sites: pd.DataFrame, objective: str) -> list[float]:
    if objective == "terbanyak":
        return [1.0] * len(sites)
    out = []
    for hours, jenis in zip(sites.get(C.JAM_AKSES, [float("nan")] * len(sites)), sites[C.JENIS]):
        w = 1.0 if pd.isna(hours) else 0.1 + 0.9 * min(1.0, max(0.0, (hours - 0.25) / 0.75))
        out.append(max(w, 0.5) if jenis == "sekolah" else w)
    return out


def _score(sites: pd.DataFrame, visits: list[tuple[int, int, int]], capacity: int, response: float,
           objective: str) -> tuple[int, float, dict]:
    """(people, objective, per-visit yields) of single-stop day trips (unit, day, site index)."""
    left = dict(enumerate(sites[Col.BELUM]))
    hours = sites.get(C.JAM_TEMPUH, pd.Series([0.0] * len(sites)))
    got, per_site = {}, [0] * len(sites)
    for unit, day, i in sorted(visits, key=lambda v: (v[1], v[0])):
        y = max(0, min(_cap(hours[i], capacity), math.floor(response * left[i])))
        left[i] -= y
        got[(unit, day)] = y
        per_site[i] += y
    weights = _weight(sites, objective)
    value = sum(w * n for w, n in zip(weights, per_site))
    if objective == "menuju-hijau":
        for code, wajib, sudah in (("kode_desa", "wajib_desa", "sudah_desa"), (C.KODE_KEC, C.WAJIB_KEC, C.SUDAH_KEC)):
            for area, rows in sites.groupby(code):
                done = sum(per_site[i] for i in rows.index)
                w, s = int(rows[wajib].iloc[0]), int(rows[sudah].iloc[0])
                # a step counts as much as its people's access: the area's sites' weights, by unrecorded people
                belum = [sites[Col.BELUM][i] for i in rows.index]
                access = (sum(weights[i] * b for i, b in zip(rows.index, belum)) / sum(belum)) if sum(belum) else 1.0
                for pct, factor in ((85, 4), (92, 1)):
                    need = people_to_reach(w, s, pct)
                    if 0 < need <= done:
                        value += 40 * factor * w / 1000 * access
    return sum(per_site), value, got


def _brute(sites, units, days, capacity, response, objective) -> float:
    slots = [(u, d) for u in range(1, units + 1) for d in range(1, days + 1)]
    best = 0.0
    for choice in itertools.product([None, *range(len(sites))], repeat=len(slots)):
        chosen = [(u, d, c) for (u, d), c in zip(slots, choice) if c is not None]
        per_day = [(d, c) for _, d, c in chosen]
        if len(set(per_day)) < len(per_day):  # two units at one site on one day
            continue
        best = max(best, _score(sites, chosen, capacity, response, objective)[1])
    return best


def _random_sites(rng: random.Random, n: int, schools: int = 0) -> pd.DataFrame:
    """Desa in two kecamatan (with their own totals), optional schools, travel and access hours."""
    rows = []
    kec = {k: (rng.randint(3000, 9000), 0.0) for k in ("99.01.01", "99.01.02")}
    kec = {k: (w, rng.uniform(0.8, 0.95) * w) for k, (w, _) in kec.items()}
    for i in range(n):
        wajib = rng.randint(200, 1500)
        sudah = int(wajib * rng.uniform(0.78, 0.97))
        k = rng.choice(list(kec))
        rows.append({Col.KODE: f"{k}.{2001 + i}", Col.NAMA: f"Desa {i}", C.JENIS: "desa",
                     Col.BELUM: rng.randint(0, 160), Col.WAJIB: wajib, Col.SUDAH: sudah, C.KODE_KEC: k,
                     C.WAJIB_KEC: kec[k][0], C.SUDAH_KEC: int(kec[k][1]), C.JAM_TEMPUH: rng.choice([0.2, 1.0, 2.0, 2.6]),
                     C.JAM_AKSES: rng.choice([0.1, 0.5, 1.2, float("inf")])})
    for j in range(schools):
        desa = rows[rng.randrange(n)]
        rows.append({**desa, Col.KODE: f"9990{j:04d}", Col.NAMA: f"Sekolah {j}", C.JENIS: "sekolah",
                     C.KODE_DESA: desa[Col.KODE], Col.BELUM: rng.randint(0, 90), Col.WAJIB: None, Col.SUDAH: None,
                     C.WAJIB_DESA: desa[Col.WAJIB], C.SUDAH_DESA: desa[Col.SUDAH]})
    frame = pd.DataFrame(rows)
    frame[C.KODE_DESA] = frame.get(C.KODE_DESA, pd.Series(dtype=object)).fillna(frame[Col.KODE])
    for col, own in ((C.WAJIB_DESA, Col.WAJIB), (C.SUDAH_DESA, Col.SUDAH)):
        frame[col] = frame.get(col, pd.Series(dtype=float)).fillna(frame[own])
    return frame


def _check_constraints(plan: P.Plan) -> None:
    v, p = plan.visits, plan.params
    assert v[C.UNIT].between(1, p["units"]).all() and v[C.DAY].between(1, p["days"]).all()
    assert not v.duplicated([C.UNIT, C.DAY, C.URUTAN]).any()  # one stop number per unit-day
    assert not v.duplicated([Col.KODE, C.DAY]).any()  # at most one unit per site per day
    assert (v.groupby([C.UNIT, C.DAY])[C.URUTAN].max() <= p["max_stops"]).all()
    assert (v[C.EXPECTED] >= 0).all() and (v.groupby([C.UNIT, C.DAY])[C.EXPECTED].sum() <= p["capacity"]).all()
    belum = plan.sites.set_index(Col.KODE)[Col.BELUM]
    for kode, group in v.groupby(Col.KODE):
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
    plan = P.plan_visits(sites, units=1, days=2, start=START, max_stops=1)
    # day 1: A (100 left) → 40; day 2: B (90 left, yields 40) beats A (60 left, yields 30)
    assert plan.greedy_total == 80 and plan.total == 80
    assert sorted(plan.visits[Col.KODE]) == ["A", "B"]
    assert plan.baselines["terbesar"]["total"] == 80


def test_nearest_first_baseline_by_hand():
    sites = pd.DataFrame({Col.KODE: ["A", "B", "C"], Col.NAMA: ["A", "B", "C"], Col.BELUM: [100, 90, 20],
                          C.JAM_TEMPUH: [2.0, 0.5, 0.1]})
    plan = P.plan_visits(sites, units=1, days=2, start=START, objective="terbanyak", max_stops=1)
    # a day trip to A (2 h each way) holds 36. Nearest whose next visit fills its day trip: B (40), then
    # A (36; B's second visit records 25 < 40); C, the nearest, never fills one (10 would come)
    assert plan.baselines["terdekat"]["total"] == 76
    assert plan.total == 76


def test_weighting_turns_a_desa_green_where_greedy_does_not():
    sites = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.01.2002"], Col.NAMA: ["Hijau", "Kuning"], Col.BELUM: [200, 60],
        Col.WAJIB: [2000, 1000], Col.SUDAH: [1900, 890], Col.ZONA: ["hijau", "kuning"], C.PERLU_HIJAU: [0, 30]})
    plain = P.plan_visits(sites, units=1, days=1, start=START, objective="terbanyak")
    assert plain.total == 40 and list(plain.visits[Col.NAMA]) == ["Hijau"]
    plan = P.plan_visits(sites, units=1, days=1, start=START, max_stops=1)
    # Kuning: 30 people (access unknown: each counts 1) + reaching hijau (1,000 wajib × 40 per 1,000) = 70 > 40
    assert list(plan.visits[Col.NAMA]) == ["Kuning"]
    assert (plan.total, plan.objective, plan.turned_green) == (30, 70.0, 1)
    assert (plan.greedy_total, plan.greedy_objective) == (40, 40.0)
    assert plan.status == "optimal" and plan.gap == pytest.approx(0, abs=1e-6)
    assert plan.zones == {"desa": 1, "kecamatan": 0, "hijau": 1}


def test_leaving_red_counts_four_times_a_step_into_green():
    sites = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.02.2001"], Col.NAMA: ["Merah", "Kuning"], Col.BELUM: [300, 300],
        Col.WAJIB: [1000, 1000], Col.SUDAH: [840, 910], C.JAM_AKSES: [1.2, 1.2]})
    plan = P.plan_visits(sites, units=1, days=1, start=START, max_stops=1)
    assert list(plan.visits[Col.NAMA]) == ["Merah"]  # 85% needs 10: 4 × 40 + 40 beats 40 + 40
    assert plan.objective == pytest.approx(160 + 40)
    assert [(s.kode, s.to) for s in plan.reached] == [("99.01.01.2001", "kuning")]


def test_a_zone_step_counts_as_much_as_its_peoples_access():
    """Jemput bola is for people who do not reach a working recording site by themselves: two red desa
    alike but for the way to a working site (5 minutes, 1,2 hours): the unit goes to the far one, and the
    near one's step out of red counts a tenth (its people's access weight), as their recordings do."""
    sites = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.02.2001"], Col.NAMA: ["Dekat", "Jauh"], Col.BELUM: [300, 300],
        Col.WAJIB: [1000, 1000], Col.SUDAH: [840, 840], C.JAM_AKSES: [5 / 60, 1.2]})
    plan = P.plan_visits(sites, units=1, days=1, start=START, max_stops=1)
    assert list(plan.visits[Col.NAMA]) == ["Jauh"] and plan.objective == pytest.approx(160 + 40)
    near = P.plan_visits(sites.iloc[:1], units=1, days=1, start=START, max_stops=1)
    assert list(near.visits[Col.NAMA]) == ["Dekat"] and near.objective == pytest.approx(0.1 * (160 + 40))
    # a kecamatan's step: its desa's weights averaged over their unrecorded people (100 near, 300 far)
    kec = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.01.2002"], Col.NAMA: ["Dekat", "Jauh"], Col.BELUM: [100, 300],
        Col.WAJIB: [1000, 1000], Col.SUDAH: [900, 700], C.JAM_AKSES: [5 / 60, 1.2], C.KODE_KEC: ["99.01.01"] * 2,
        C.WAJIB_KEC: [2000, 2000], C.SUDAH_KEC: [1690, 1690]})
    from geo.plan.objective import value_model
    from geo.plan.setup import prepare_sites

    steps = {(s.level, s.kode, s.to): s.bonus for s in value_model(
        prepare_sites(kec), objective="menuju-hijau", capacity=40, response=0.5, days=1).steps}
    assert steps[("kecamatan", "99.01.01", "kuning")] == pytest.approx(4 * 40 * 2 * (100 * 0.1 + 300 * 1) / 400)


@pytest.mark.parametrize("objective", P.OBJECTIVES)
@pytest.mark.parametrize("seed,units,days,n", [(1, 2, 2, 4), (2, 2, 2, 4), (3, 2, 2, 4), (4, 1, 3, 4),
                                               (5, 3, 1, 4), (6, 2, 2, 4)])
def test_brute_force_optimum_on_small_cases(seed, units, days, n, objective):
    rng = random.Random(seed)
    sites = _random_sites(rng, n - 1, schools=1)
    capacity, response = rng.choice([20, 40]), rng.choice([0.3, 0.5, 0.8])
    plan = P.plan_visits(sites, units=units, days=days, capacity=capacity, response=response, start=START,
                         objective=objective, max_stops=1)
    best = _brute(sites, units, days, capacity, response, objective)
    assert plan.objective == pytest.approx(best)
    index = {k: i for i, k in enumerate(sites[Col.KODE])}
    visits = [(u, d, index[k]) for u, d, k in zip(plan.visits[C.UNIT], plan.visits[C.DAY], plan.visits[Col.KODE])]
    people, value, _ = _score(sites, visits, capacity, response, objective)
    assert (people, value) == (plan.total, pytest.approx(plan.objective))
    _check_constraints(plan)


@pytest.mark.parametrize("seed", range(20))
def test_never_worse_than_either_baseline_on_random_cases(seed):
    rng = random.Random(1000 + seed)
    sites = _random_sites(rng, rng.randint(3, 30), schools=rng.randint(0, 5))
    sites[C.LAT] = [-9.0 - rng.random() * 0.3 for _ in range(len(sites))]
    sites[C.LON] = [121.0 + rng.random() * 0.3 for _ in range(len(sites))]
    units, days = rng.randint(1, 4), rng.randint(1, 8)
    capacity, response = rng.choice([10, 30, 40]), rng.choice([0.2, 0.5, 1.0])
    for objective in P.OBJECTIVES:
        plan = P.plan_visits(sites, units=units, days=days, capacity=capacity, response=response, start=START,
                             objective=objective, time_limit=5)
        _check_constraints(plan)
        for name in P.BASELINES:
            assert plan.objective >= plan.baselines[name]["objective"] - 1e-6, (objective, name)
    # most recordings, one stop a day, no travel: the optimum is the best units × days slot yields
    bare = sites[[Col.KODE, Col.NAMA, Col.BELUM]]
    slots = sorted((y for b in bare[Col.BELUM] for y in P.visit_yields(b, capacity, response, days)), reverse=True)
    plain = P.plan_visits(bare, units=units, days=days, capacity=capacity, response=response, start=START,
                          objective="terbanyak", max_stops=1)
    assert plain.total == sum(slots[: units * days]) == plain.greedy_total  # the greedy is optimal too
    assert plain.status == "optimal"


def test_bad_input_is_refused_with_a_reason():
    sites = pd.DataFrame({Col.KODE: ["A"], Col.NAMA: ["A"], Col.BELUM: [10]})
    with pytest.raises(P.PlanError, match="rencana_angka_salah") as err:
        P.plan_visits(sites, units=0, days=3)
    assert err.value.params["nama"] == "units"
    with pytest.raises(P.PlanError, match="rencana_angka_salah"):
        P.plan_visits(sites, units=1, days=3, response=1.5)
    with pytest.raises(P.PlanError, match="rencana_kolom_hilang"):
        P.plan_visits(sites.drop(columns=Col.BELUM), units=1, days=1)
    with pytest.raises(P.PlanError, match="rencana_tujuan_salah"):
        P.plan_visits(sites, units=1, days=1, objective="tercepat")
    with pytest.raises(P.PlanError, match="rencana_angka_salah") as err:
        P.plan_visits(sites, units=1, days=1, travel=P.Travel(road_factor=0.5))
    assert err.value.params["nama"] == "road_factor"


def test_empty_site_list_gives_an_empty_plan():
    sites = pd.DataFrame({Col.KODE: ["A"], Col.NAMA: ["A"], Col.BELUM: [0]})
    plan = P.plan_visits(sites, units=2, days=2, start=START)
    assert plan.visits.empty and plan.total == 0 and plan.status == "optimal"
    assert list(plan.totals[C.EXPECTED]) == [0, 0]


def test_fixed_visits_stay_where_they_were_promised():
    sites = pd.DataFrame({Col.KODE: ["A", "S"], Col.NAMA: ["Desa A", "SMA"], C.JENIS: ["desa", "sekolah"],
                          Col.BELUM: [400, 30]})
    free = P.plan_visits(sites, units=1, days=3, start=START, objective="terbanyak", max_stops=1)
    assert list(free.visits[Col.KODE]) == ["A", "A", "A"]
    plan = P.plan_visits(sites, units=1, days=3, start=START, objective="terbanyak", max_stops=1,
                         fixed=[(1, 2, "S")])
    assert plan.visits[[C.DAY, Col.KODE]].values.tolist() == [[1, "A"], [2, "S"], [3, "A"]]
    assert plan.params["fixed"] == [[1, 2, "S"]]
    reasons = P.visit_reasons(plan)
    assert [r["tetap"] for r in reasons] == [False, True, False] and reasons[1]["sekolah"]
    with pytest.raises(P.PlanError, match="rencana_slot_salah"):
        P.plan_visits(sites, units=1, days=3, fixed=[(2, 1, "S")])
    with pytest.raises(P.PlanError, match="rencana_situs_tidak_ada"):
        P.plan_visits(sites, units=1, days=3, fixed=[(1, 1, "Z")])


def test_controls_pick_the_sites():
    sites = _random_sites(random.Random(7), 8)
    sites[Col.ZONA] = ["merah", "kuning", "hijau", "merah", "hijau", "kuning", "hijau", "merah"]
    kec = sites[C.KODE_KEC].iloc[0]
    assert set(P.filter_sites(sites, focus=[kec])[C.KODE_KEC]) == {kec}
    assert set(P.filter_sites(sites, only_zones=("merah", "kuning"))[Col.ZONA]) == {"merah", "kuning"}
    first = sites[Col.KODE].iloc[0]
    assert first not in set(P.filter_sites(sites, exclude=[first])[Col.KODE])
    assert P.filter_sites(sites, exclude=[kec]).pipe(lambda f: (f[C.KODE_KEC] != kec).all())
    kept = P.filter_sites(sites, exclude=[kec], keep=[first])
    assert first in set(kept[Col.KODE])


# --- edits --------------------------------------------------------------------------------------
def _two_site_plan():
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["Desa A", "Desa B"], Col.BELUM: [100, 30]})
    return P.plan_visits(sites, units=1, days=2, start=START, max_stops=1)  # A twice: 40 + 30 (B yields 15)


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


def test_a_day_of_two_stops_records_both():
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["Desa A", "Desa B"], Col.BELUM: [100, 30]})
    plan = P.plan_visits(sites, units=1, days=2, start=START)
    # day 2 at A records 30 and leaves room for 10 more: B (15 would come) is added on the way
    assert plan.visits[[C.DAY, C.URUTAN, Col.KODE, C.EXPECTED]].values.tolist() == [
        [1, 1, "A", 40], [2, 1, "A", 30], [2, 2, "B", 10]]
    assert plan.total == 80 and plan.unit_days == 2
    assert [r["singgah"] for r in P.visit_reasons(plan)] == [False, False, True]
    _check_constraints(plan)
    assert P.unit_days(plan.visits)[[Col.KODE, C.EXPECTED]].values.tolist() == [["A", 40], ["A + B", 40]]


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
    two_units = P.plan_visits(plan.sites, units=2, days=1, start=START, max_stops=1)  # A by unit 1, B by unit 2
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

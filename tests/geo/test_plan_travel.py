"""Mobile-unit planner, travel: what a day holds, access weights, land groups and the sea on tiny
polygons, a road network, the order of a day's stops against brute force, island stays, stops added
on the way, and trips for the map."""
from __future__ import annotations

import itertools
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, box

from geo import columns as C
from geo import plan as P
from geo.plan.access import add_travel
from geo.plan.objective import value_model
from geo.plan.routes import Legs
from geo.plan.setup import prepare_sites
from geo.plan.travel import Sea, crossing_hours, land_groups
from geo.schema import Col

START = "2026-11-23"
KM_PER_DEGREE = 6371.0088 * math.pi / 180


def test_a_day_holds_what_travel_leaves():
    t = P.Travel()
    assert t.day_capacity(40, 0.0, 1) == 40  # 8.5 h left, 5 h record a full day
    assert t.day_capacity(40, 4.0, 1) == 36  # 9 − 4 − 0.5 = 4.5 h → 40 × 4.5 / 5
    assert t.day_capacity(40, 9.0, 1) == 0 and t.day_capacity(40, 3.0, 3) == 36  # 9 − 3 − 1.5 = 4.5 h
    assert t.day_capacity(40, 3.5, 3) == 32
    assert t.road_hours(30) == pytest.approx(30 * 1.4 / 30)
    assert P.Travel(road_factor=1.0, road_kmh=60).road_hours(30) == pytest.approx(0.5)


def test_access_weight_by_hand():
    weights = P.access_weight([0.0, 0.25, 0.625, 1.0, 3.0, float("inf"), float("nan")])
    assert list(np.round(weights, 3)) == [0.1, 0.1, 0.55, 1.0, 1.0, 1.0, 1.0]
    assert P.access_weight([0.5], P.Travel(easy_reach_h=0.5, far_h=1.5, near_weight=0.0))[0] == 0.0


def test_bad_travel_is_refused():
    for bad in ({"road_kmh": 0}, {"day_h": -1}, {"near_weight": 1.5}, {"far_h": 0.1}):
        with pytest.raises(P.PlanError, match="rencana_angka_salah"):
            P.Travel(**bad)
    assert P.Travel.from_dict(P.Travel(road_factor=1.2).as_dict()) == P.Travel(road_factor=1.2)


def _boxes(*shapes) -> gpd.GeoSeries:
    return gpd.GeoSeries(list(shapes), crs="EPSG:4326")


def test_land_groups_are_touching_polygons():
    mainland = [box(121.0, -9.1, 121.1, -9.0), box(121.1, -9.1, 121.2, -9.0)]  # sharing a border
    near_gap = box(121.2003, -9.1, 121.3, -9.0)  # 30 m of digitising gap: still land
    island = box(121.0, -9.3, 121.1, -9.2)  # 11 km of sea
    assert list(land_groups(_boxes(*mainland, near_gap, island))) == [0, 0, 0, 1]
    assert list(land_groups(_boxes(island, *mainland))) == [0, 1, 1]


def test_the_sea_is_the_part_of_the_line_off_land():
    sea = Sea(_boxes(box(121.0, -9.1, 121.1, -9.0), box(121.0, -9.3, 121.1, -9.2)))
    share = sea.water_share([121.05], [-9.05], [121.05], [-9.25])[0]
    assert share == pytest.approx(0.5, abs=0.01)  # 0.05° land, 0.1° sea, 0.05° land
    hours = crossing_hours(22.24, share, P.Travel())
    assert hours == pytest.approx(1.0 + 11.12 / 15 + 11.12 * 1.4 / 30, abs=0.01)


def test_road_network_distances():
    # an L-shaped road: 0.1° east, then 0.1° south
    roads = P.RoadNetwork(gpd.GeoSeries([LineString([(121.0, -9.0), (121.1, -9.0), (121.1, -9.1)])], crs=4326))
    km = roads.km([121.0], [-9.0], [121.1, 121.0], [-9.1, -9.5], road_factor=1.4)
    along = P.haversine_km(-9.0, 121.0, -9.0, 121.1) + P.haversine_km(-9.0, 121.1, -9.1, 121.1)
    assert km[0, 0] == pytest.approx(along, rel=1e-6)
    assert np.isnan(km[0, 1])  # 50 km from the road: not served, the caller falls back to the straight line
    with pytest.raises(P.PlanError, match="rencana_jalan_kosong"):
        P.RoadNetwork(gpd.GeoSeries([], crs=4326))


def _islands_and_fixed():
    polygons = gpd.GeoDataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.2002", "99.01.02.2001"]},
                                geometry=[box(121.0, -9.1, 121.1, -9.0), box(121.1, -9.1, 121.2, -9.0),
                                          box(121.0, -9.3, 121.1, -9.2)], crs="EPSG:4326")
    sites = pd.DataFrame({Col.KODE: list(polygons[Col.KODE]), C.KODE_DESA: list(polygons[Col.KODE]),
                          C.KODE_KEC: ["99.01.01", "99.01.01", "99.01.02"], C.LAT: [-9.05, -9.05, -9.25],
                          C.LON: [121.05, 121.15, 121.05]})
    sites[C.JARAK] = P.haversine_km(-9.05, 121.05, sites[C.LAT], sites[C.LON])
    fixed = pd.DataFrame({"id": ["LP01", "LP02"], Col.NAMA: ["Dinas", "Kantor Kec B"], C.JENIS: ["disdukcapil", "kecamatan"],
                          Col.KODE: ["99.01.01.2001", "99.01.02.2001"], C.KODE_KEC: ["99.01.01", "99.01.02"],
                          C.LAT: [-9.05, -9.25], C.LON: [121.05, 121.05], "berfungsi": [True, False],
                          C.RUSAK_SEJAK: [None, "2026-09-28"]})
    return sites, polygons, fixed


def test_travel_columns_islands_and_broken_devices():
    sites, polygons, fixed = _islands_and_fixed()
    base = {Col.KODE: "99.01.01.2001", C.LAT: -9.05, C.LON: 121.05}
    out = add_travel(sites, base, polygons, fixed).set_index(Col.KODE)
    assert list(out[C.DARATAN]) == [0, 0, 1]
    east = P.haversine_km(-9.05, 121.05, -9.05, 121.15)
    assert out.loc["99.01.01.2002", C.JAM_TEMPUH] == pytest.approx(east * 1.4 / 30, abs=1e-3)
    south = P.haversine_km(-9.05, 121.05, -9.25, 121.05)
    assert out.loc["99.01.02.2001", C.JAM_TEMPUH] == pytest.approx(1.0 + south / 2 / 15 + south / 2 * 1.4 / 30,
                                                                   abs=0.01)
    # Kantor Kec B's device is broken: the island's nearest working site is the Dinas, across the sea
    assert out.loc["99.01.02.2001", C.LOKASI_TERDEKAT] == "Dinas"
    assert out.loc["99.01.02.2001", C.JAM_AKSES] == pytest.approx(out.loc["99.01.02.2001", C.JAM_TEMPUH], abs=1e-3)
    assert (out.loc["99.01.02.2001", C.ALAT_KEC], out.loc["99.01.02.2001", C.RUSAK_SEJAK]) == ("rusak", "2026-09-28")
    assert out.loc["99.01.01.2001", C.JAM_AKSES] == 0 and out.loc["99.01.01.2001", C.ALAT_KEC] == "aktif"
    # with a road along the mainland, its km set the road factor there
    roads = P.RoadNetwork(gpd.GeoSeries([LineString([(121.05, -9.05), (121.05, -9.0), (121.15, -9.0),
                                                     (121.15, -9.05)])], crs=4326))
    by_road = add_travel(sites, base, polygons, fixed, roads=roads).set_index(Col.KODE)
    assert by_road.loc["99.01.01.2002", C.FAKTOR_JALAN] > 1.4
    nothing = add_travel(sites, base, polygons, fixed.assign(berfungsi=False))
    assert np.isinf(nothing[C.JAM_AKSES]).all() and nothing[C.LOKASI_TERDEKAT].isna().all()


def test_a_days_stops_go_in_the_order_of_least_travel():
    rng = np.random.default_rng(3)
    sites = pd.DataFrame({Col.KODE: list("ABCDE"), Col.NAMA: list("ABCDE"), Col.BELUM: [50] * 5,
                          C.LAT: -9 - rng.random(5) * 0.3, C.LON: 121 + rng.random(5) * 0.3})
    sites[C.JAM_TEMPUH] = P.Travel().road_hours(P.haversine_km(-9.0, 121.0, sites[C.LAT], sites[C.LON]))
    prepared = prepare_sites(sites)
    model = value_model(prepared, objective="terbanyak", capacity=40, response=0.5, days=2)
    legs = Legs(prepared, model, P.Travel())
    for stops in itertools.combinations(range(5), 3):
        best = min(itertools.permutations(stops), key=lambda p: legs.hours(list(p), True, True))
        assert legs.hours(legs.order(stops, True, True), True, True) == pytest.approx(legs.hours(list(best), True, True))


def test_an_island_is_worked_in_a_stay_with_crossings_on_its_first_and_last_day():
    sites = pd.DataFrame({Col.KODE: ["P1", "P2", "M"], Col.NAMA: ["Pulau 1", "Pulau 2", "Darat"],
                          Col.BELUM: [400, 400, 20], C.DARATAN: [1, 1, 0], C.JAM_TEMPUH: [4.0, 4.1, 0.2],
                          C.LAT: [-9.7, -9.71, -9.1], C.LON: [121.4, 121.4, 121.1]})
    plan = P.plan_visits(sites, units=1, days=4, start=START, objective="terbanyak", max_stops=1)
    island = plan.visits[plan.visits[Col.KODE] != "M"]
    assert list(island[C.DAY]) == [1, 2, 3, 4] and set(island[C.UNIT]) == {1}  # one stay, consecutive days
    # day 1: 4 h over → 36; days 2–3 on the island (at most a short hop): 40; day 4: back over → 36 or less
    assert list(island[C.EXPECTED])[:3] == [36, 40, 40] and list(island[C.EXPECTED])[3] <= 36
    assert P.visit_reasons(plan)[0]["pulau"]
    trips = P.plan_trips(plan)
    assert len(trips) == 1 and (trips.at[0, "hari_awal"], trips.at[0, "hari_akhir"]) == (1, 4)
    assert trips.at[0, C.DARATAN] == 1
    # a one-day trip cannot hold both crossings and a visit: the island is left for the mainland
    short = P.plan_visits(sites.assign(**{C.JAM_TEMPUH: [4.5, 4.5, 0.2]}), units=1, days=1, start=START,
                          objective="terbanyak")
    assert list(short.visits[Col.KODE]) == ["M"]


def _mainland_legs(n: int) -> tuple[Legs, np.ndarray]:
    sites = pd.DataFrame({Col.KODE: [f"S{k}" for k in range(n)], Col.NAMA: [f"S{k}" for k in range(n)],
                          Col.BELUM: [300] * n, C.JAM_TEMPUH: [0.3] * n,
                          C.LAT: [-9.0 - 0.01 * k for k in range(n)], C.LON: [121.0] * n})
    prepared = prepare_sites(sites)
    model = value_model(prepared, objective="terbanyak", capacity=35, response=0.5, days=10)
    return Legs(prepared, model, P.Travel()), np.arange(n, dtype=float)


def test_a_village_is_worked_by_one_crew_on_consecutive_days():
    """A site's visits go to one unit's consecutive days: the sweep by bearing put Sungai Jaya's
    third visit on unit 2's first day and its other two on unit 1's last days, a week apart. When no
    run holds a site's visits and keeping them whole would leave visits out, the sweep's split stays."""
    from geo.plan.calendar import lay_out

    legs, bearings = _mainland_legs(4)
    schedule = lay_out([2, 2, 3, 3], legs, bearings, units=2, days=5)  # the sweep split the third site
    by_site: dict[int, list[tuple[int, int]]] = {}
    for (unit, day), route in sorted(schedule.items()):
        for i in route:
            by_site.setdefault(i, []).append((unit, day))
    assert sum(len(v) for v in by_site.values()) == 10  # every visit placed
    for i, slots in by_site.items():
        assert len({u for u, _ in slots}) == 1, (i, slots)  # one crew
        assert [d for _, d in slots] == list(range(slots[0][1], slots[0][1] + len(slots)))  # in one go
    assert by_site[0][0][1] == by_site[1][0][1] == 1  # the sweep's first sites on the first days
    # an island stay holding unit 1's first days: the others fill around it, still whole
    island = lay_out([3, 2, 2, 3], legs, bearings, units=2, days=5, fixed=[(1, 1, 0), (1, 2, 0), (1, 3, 0)])
    assert sum(len(r) for r in island.values()) == 10
    # 3 + 3 + 3 visits on 2 units × 5 days: one site cannot be whole; every visit is still placed,
    # never two units at one site on one day
    tight = lay_out([3, 3, 4], *_mainland_legs(3), units=2, days=5)
    placed = [(d, i) for (u, d), r in tight.items() for i in r]
    assert len(placed) == 10 and len(set(placed)) == 10


def test_a_desa_beyond_a_days_trip_gets_no_visit():
    sites = pd.DataFrame({Col.KODE: ["Jauh", "Dekat"], Col.NAMA: ["Jauh", "Dekat"], Col.BELUM: [900, 30],
                          C.JAM_TEMPUH: [4.3, 0.1]})
    plan = P.plan_visits(sites, units=1, days=2, start=START, objective="terbanyak")
    assert "Jauh" not in set(plan.visits[Col.KODE])  # 9 − 8.6 − 0.5 h leaves no time to record


def test_trips_start_and_end_at_the_base():
    sites = pd.DataFrame({Col.KODE: ["A", "B"], Col.NAMA: ["A", "B"], Col.BELUM: [100, 30],
                          C.LAT: [-9.1, -9.11], C.LON: [121.1, 121.11]})
    base = {Col.NAMA: "Dinas", C.LAT: -9.0, C.LON: 121.0}
    plan = P.plan_visits(sites, units=1, days=2, start=START, base=base, objective="terbanyak")
    trips = P.plan_trips(plan)
    assert len(trips) == 2 and list(trips["hari_awal"]) == [1, 2]
    second = trips.iloc[1]
    assert second["kode"] == ["A", "B"] and len(second[C.LAT]) == 4  # base, A, B, base
    assert (second[C.LAT][0], second[C.LAT][-1]) == (-9.0, -9.0)

"""The plan (*jemput bola*): which sites the recording units visit, on which days, and how it is made.

Jemput bola is for people who do not come to a working recording site by themselves: far
villages, islands, kecamatan whose device is broken, schools (first-time recorders), the sick
and the elderly. People next to a working office can come to the office.

The model
---------
- A unit works one day at a time from the base office. A site is a desa/kelurahan (the unit sets
  up at the balai desa) or a school (SMA/SMK/MA, pesantren). At most one unit per site per day.
- A visit records ``min(what the day still holds, floor(response × still unrecorded there))``:
  for a desa its Col.BELUM at the data date (floored at 0), for a school its ``belum_rekam``.
  What a day holds depends on its travel (``geo.plan.travel``: road factor or road network,
  boat crossings, day length, time to set up, hours to record a full day's capacity).
- Islands (desa not connected by land to the base) are worked in stays of consecutive days by one
  unit, crossing on the first and the last day only (``geo.plan.routes``).
- A day may hold several nearby sites when the first leaves room (few people left to come), in
  the order of least travel: drawn on the map as the route of that day.
- Sites farther than ``max_km`` from the base (straight line) are left out by ``candidate_sites``.
- Working days run from the start date; Saturdays and Sundays count only when allowed. Public
  holidays are not known: remove those days by hand (``apply_edits``).
- A school's recordings count in the desa it stands in (the regional server counts them there).

The objective is one of ``OBJECTIVES`` (``geo.plan.objective`` says each one exactly; default
menuju-hijau). Two honest baselines run through the same calendar and travel: terbesar (largest
belum first) and terdekat (nearest first).

How the plan is made
--------------------
1. **Which sites, how often** — exact: the visit MILP (``geo.plan.milp``) on HiGHS, started from
   the better baseline; every site's yields are non-increasing, so visits are counts; zone steps
   are binaries; islands are stays whose crossings cost a share of a unit-day.
2. **When and by whom** — ``geo.plan.calendar``: fixed visits first, island stays on consecutive
   free days, the rest swept round the base by bearing (a kecamatan that cannot record first).
3. **Routes** — ``geo.plan.routes``: every day's stops in the order of least travel (all orders
   tried), stops added on the way where a day has room, empty days filled, each only when the
   objective rises.
4. **Never worse than a baseline** — the plan is scored by playing its calendar; should a baseline
   score higher (the crossings are approximated in step 1), that baseline, with stops added, is
   the plan (status "greedy"). The status "optimal" says step 1 was proven optimal.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from geo import config
from geo.columns import DAY, EXPECTED, UNIT
from geo.plan.calendar import lay_out, sweep_order
from geo.plan.common import PlanError
from geo.workdays import working_days
from geo.plan.milp import solve, stays
from geo.plan.objective import (
    BASELINES, Score, best_slots_counts, check_objective, largest_first, nearest_first, zone_changes,
)
from geo.plan.routes import add_stops, evaluate
from geo.plan.setup import Setting, prepare_sites, setting, visits_frame
from geo.plan.travel import Travel
from geo.schema import Level, Zone, ZoneConfig


@dataclass
class Plan:
    """A schedule of visits and what it is expected to record.

    ``visits``: VISIT_COLUMNS, one row per stop, unit, day and stop numbered from 1, Col.TANGGAL ISO.
    ``sites``: the candidate sites it was made from (SITE_COLUMNS). ``objective``: the plan's score on
    its objective (``params["objective"]``); ``gap``: the solver's relative MIP gap in percent (0 when
    proven optimal; None once edited or greedy). ``baselines``: per baseline name (terbesar,
    terdekat): total, objective, desa and kecamatan (areas changing zone), hijau (desa reaching hijau).
    ``greedy_total``/``greedy_objective``: the terbesar baseline's. ``zones``: the areas changing zone
    (desa, kecamatan, and desa reaching hijau). ``reached``: the zone steps the plan makes.
    """

    visits: pd.DataFrame
    sites: pd.DataFrame
    params: dict
    total: int
    objective: float
    turned_green: int  # desa below hijau now that reach it with the plan
    status: str
    gap: float | None
    greedy_total: int
    greedy_objective: float
    solve_seconds: float
    base: dict | None = None
    name: str | None = None
    solver: str = field(default="HiGHS")
    baselines: dict = field(default_factory=dict)
    zones: dict = field(default_factory=dict)
    reached: tuple = ()

    @property
    def gain_over_greedy(self) -> int:
        """People recorded beyond the terbesar baseline."""
        return self.total - self.greedy_total

    @property
    def dates(self) -> list[str]:
        """The plan's working days, ISO, fixed when it was made (``plan_dates``)."""
        return self.params["dates"]

    @property
    def unit_days(self) -> int:
        """(unit, day) pairs with at least one visit."""
        return len(self.visits[[UNIT, DAY]].drop_duplicates())

    @property
    def totals(self) -> pd.DataFrame:
        """Per unit: unit, kunjungan (visits), expected."""
        units = pd.DataFrame({UNIT: range(1, self.params["units"] + 1)})
        got = self.visits.groupby(UNIT).agg(kunjungan=(EXPECTED, "size"), expected=(EXPECTED, "sum")).reset_index()
        out = units.merge(got, on=UNIT, how="left", validate="one_to_one").fillna(0)
        return out.astype(int)


def summary(result: Score) -> dict:
    """total, objective, desa and kecamatan changing zone, hijau (desa reaching hijau) of a Score."""
    return {"total": result.total, "objective": round(result.value, 6),
            "desa": zone_changes(result.reached, Level.DESA), "kecamatan": zone_changes(result.reached, Level.KECAMATAN),
            "hijau": sum(1 for s in result.reached if s.level == Level.DESA.value and s.to == Zone.HIJAU.value)}


def finish(schedule: dict, setup: Setting, params: dict, *, status: str, gap, seconds: float, base: dict | None,
           baselines: dict, name: str | None = None) -> Plan:
    """A Plan of a schedule: its visits played in calendar order and its score."""
    result = evaluate(schedule, setup.legs, setup.model, setup.travel, setup.response)
    made = summary(result)
    first = baselines.get(BASELINES[0], {"total": 0, "objective": 0.0})
    return Plan(visits_frame(schedule, setup, params), setup.sites, params, result.total, result.value, made["hijau"],
                status, gap, int(first["total"]), float(first["objective"]), seconds, base=base, name=name,
                baselines=baselines, zones={k: made[k] for k in ("desa", "kecamatan", "hijau")},
                reached=result.reached)


def _check_number(name: str, value, ok: bool, rule: str) -> None:
    if not ok:
        raise PlanError("rencana_angka_salah", nama=name, syarat=rule, nilai=value)


def _check_input(units, capacity, days, response, time_limit, max_stops) -> None:
    whole = (int, np.integer)
    _check_number("units", units, isinstance(units, whole) and units >= 1, "≥ 1")
    _check_number("days", days, isinstance(days, whole) and days >= 1, "≥ 1")
    _check_number("capacity", capacity, isinstance(capacity, whole) and capacity >= 1, "≥ 1")
    _check_number("response", response, isinstance(response, (int, float)) and 0 < response <= 1, "0 < r ≤ 1")
    _check_number("time_limit", time_limit, time_limit > 0, "> 0")
    _check_number("max_stops", max_stops, isinstance(max_stops, whole) and 1 <= max_stops <= 5, "1–5")


def _fixed(fixed, index: dict[str, int], units: int, days: int) -> list[tuple[int, int, int]]:
    """Fixed visits (unit, day, kode) as (unit, day, site index); refused outside the plan or unknown."""
    out, seen = [], set()
    for unit, day, kode in fixed:
        unit, day, kode = int(unit), int(day), str(kode)
        if not (1 <= unit <= units and 1 <= day <= days):
            raise PlanError("rencana_slot_salah", unit=unit, hari=day, unit_maks=units, hari_maks=days)
        if kode not in index:
            raise PlanError("rencana_situs_tidak_ada", kode=kode)
        if (kode, day) in seen:
            raise PlanError("rencana_situs_ganda", nama=kode, hari=day)
        seen.add((kode, day))
        out.append((unit, day, index[kode]))
    return out


def plan_dates(start: date, days: int, weekends: bool, holidays: bool = True) -> list[str]:
    """The ``days`` working days of a plan from ``start``, ISO (``geo.workdays``); kept in its parameters,
    so that a saved plan keeps its calendar when the table of holidays changes."""
    return [d.isoformat() for d in working_days(start, int(days), bool(weekends), holidays)]


def plan_visits(sites_df: pd.DataFrame, *, units: int, capacity: int = 40, days: int, response: float = 0.5,
                start: date | str | None = None, weekends: bool = False, objective: str = "menuju-hijau",
                time_limit: float = 10, base: dict | None = None, travel: Travel = Travel(),
                zones: ZoneConfig = ZoneConfig(), fixed=(), max_stops: int = config.PLAN_MAX_STOPS,
                school_weight: float = config.PLAN_SCHOOL_WEIGHT,
                step_per_1000: float = config.PLAN_STEP_PER_1000, red_factor: float = config.PLAN_RED_FACTOR,
                road_network: str | None = None) -> Plan:
    """The best schedule of ``units`` mobile units over ``days`` working days on ``objective``.

    ``sites_df`` needs Col.KODE, Col.NAMA, Col.BELUM (remaining unrecorded, floored at 0); the other
    SITE_COLUMNS are used when present (zones and counts for the zone steps, lat/lon and the travel
    columns for routes; without them every site is a day trip of its straight-line distance, 0 when
    unknown). ``response`` is the share (0–1] of those remaining who come on a visit day; ``start``
    defaults to today; ``fixed``: (unit, day, kode) visits kept where they are; ``road_network``: the
    name of the road network the sites' travel hours came from (None: straight line × road factor),
    kept in the parameters so that the plan can say which was used. See the module
    docstring for the model. Returns a Plan never below either baseline on its objective. Raises
    PlanError on bad input.
    """
    check_objective(objective)
    _check_input(units, capacity, days, response, time_limit, max_stops)
    start = date.fromisoformat(start) if isinstance(start, str) else (start or date.today())
    params = {"units": int(units), "capacity": int(capacity), "days": int(days), "response": float(response),
              "start": start.isoformat(), "weekends": bool(weekends), "objective": objective,
              "dates": plan_dates(start, days, weekends),
              "travel": travel.as_dict(), "zones": {"hijau": zones.hijau, "kuning": zones.kuning},
              "fixed": [[int(u), int(d), str(k)] for u, d, k in fixed], "max_stops": int(max_stops),
              "school_weight": float(school_weight), "step_per_1000": float(step_per_1000),
              "red_factor": float(red_factor), "jalan": road_network}
    setup = setting(prepare_sites(sites_df), params)
    model, legs = setup.model, setup.legs
    pinned = _fixed(fixed, setup.index(), units, days)
    clock = time.perf_counter()
    island_stays = stays(model, setup.travel)
    order = sweep_order(base, setup.sites)  # a kecamatan that cannot record first, then by bearing

    def calendar(counts):
        return lay_out(counts, legs, order, units=units, days=days, fixed=pinned, island_stays=island_stays)

    rules = {BASELINES[0]: largest_first(model, units, days), BASELINES[1]: nearest_first(model, units, days)}
    schedules = {name: calendar(counts) for name, counts in rules.items()}
    scores = {name: evaluate(s, legs, model, setup.travel, setup.response) for name, s in schedules.items()}
    warm = max([best_slots_counts(model, units * days), *rules.values()],
               key=lambda c: evaluate(calendar(c), legs, model, setup.travel, setup.response).value)
    fixed_counts: dict[int, int] = {}
    for _, _, i in pinned:
        fixed_counts[i] = fixed_counts.get(i, 0) + 1
    counts, status, gap = solve(model, units, days, warm, time_limit, island_stays=island_stays, fixed=fixed_counts)
    locked = frozenset((u, d) for u, d, _ in pinned)
    grow = lambda s: add_stops(s, legs, model, setup.travel, setup.response, units=units, days=days,  # noqa: E731
                               max_stops=max_stops, locked=locked)
    schedule = grow(calendar(counts if counts is not None else warm))
    value = evaluate(schedule, legs, model, setup.travel, setup.response).value
    best = max(scores, key=lambda n: scores[n].value)
    if counts is None or value < scores[best].value - 1e-9:
        schedule, status, gap = grow(schedules[best]), "greedy", None
    return finish(schedule, setup, params, status=status, gap=gap, seconds=time.perf_counter() - clock, base=base,
                  baselines={name: summary(s) for name, s in scores.items()})

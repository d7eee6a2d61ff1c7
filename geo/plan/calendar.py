"""Visit counts on the calendar: which unit goes where on which day.

1. Fixed visits (a promised school day) keep their unit and day.
2. Each island's visits become stays: one unit's consecutive free days, the island's sites in the
   order of a nearest-neighbour walk from the landing (the site nearest the base), repeated visits
   to a site on consecutive days. The longest free run of days of any unit takes the next stay;
   a stay never leaves a remainder shorter than the island's shortest stay when it can avoid it.
3. The other visits, those of a kecamatan whose office cannot record first (``sweep_order``), then
   the rest round the base by compass bearing, take the free days site by site: a site's visits go
   to one unit's consecutive days, on the unit free earliest whose run holds them (one crew works a
   village in one go; it is not left on a Friday and taken up by another crew a week later), else
   the first run anywhere that holds them, else split day by day; a site never gets two units on one
   day. When keeping sites whole would leave out visits that the plain sweep (unit by unit, day by
   day) places, the plain sweep is kept.
Visits that find no slot are left out (the budget of the solver makes this rare: fixed visits and
stays can fragment the calendar); the plan then says so through its figures.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geo.columns import ALAT_KEC, LAT, LON
from geo.plan.milp import Stay
from geo.plan.routes import Legs, Schedule


def sweep_order(base: dict | None, sites: pd.DataFrame) -> np.ndarray:
    """The order the mainland visits take the free days in (smaller first): the sites of a kecamatan
    whose office cannot record (its devices broken: its people can record nowhere near) first, then
    the rest; each group round the base by compass bearing."""
    broken = (sites[ALAT_KEC] == "rusak").to_numpy() if ALAT_KEC in sites else np.zeros(len(sites), bool)
    return bearing(base, sites) + 360.0 * ~broken


def bearing(base: dict | None, sites: pd.DataFrame) -> np.ndarray:
    """Compass bearing of each site from the base (so units sweep sectors); site order without one."""
    if not base or sites[LAT].isna().any():
        return np.arange(len(sites), dtype=float)
    lat0, lon0 = math.radians(base[LAT]), math.radians(base[LON])
    lat, lon = np.radians(sites[LAT].to_numpy(float)), np.radians(sites[LON].to_numpy(float))
    y = np.sin(lon - lon0) * np.cos(lat)
    x = math.cos(lat0) * np.sin(lat) - math.sin(lat0) * np.cos(lat) * np.cos(lon - lon0)
    return np.degrees(np.arctan2(y, x)) % 360


def _walk(sites: list[int], legs: Legs) -> list[int]:
    """Island sites from the landing (nearest the base) on, each time to the nearest not yet visited."""
    left = sorted(sites, key=lambda i: (legs.base[i], i))
    order = [left.pop(0)]
    while left:
        nxt = min(left, key=lambda j: (legs.between[order[-1], j], j))
        left.remove(nxt)
        order.append(nxt)
    return order


def _free_runs(schedule: Schedule, units: int, days: int) -> list[tuple[int, int, int]]:
    """(length, unit, first day) of every run of consecutive free days, longest first."""
    runs = []
    for unit in range(1, units + 1):
        day = 1
        while day <= days:
            if (unit, day) in schedule:
                day += 1
                continue
            start = day
            while day <= days and (unit, day) not in schedule:
                day += 1
            runs.append((day - start, unit, start))
    return sorted(runs, key=lambda r: (-r[0], r[1], r[2]))


def _stays(schedule: Schedule, visits: list[int], shortest: int, units: int, days: int) -> None:
    while visits:
        runs = _free_runs(schedule, units, days)
        if not runs:
            return
        length, unit, start = runs[0]
        take = min(length, len(visits))
        rest = len(visits) - take
        if 0 < rest < shortest and take - (shortest - rest) >= shortest:
            take -= shortest - rest
        for k in range(take):
            schedule[(unit, start + k)] = [visits[k]]
        del visits[:take]


def lay_out(counts: list[int], legs: Legs, order: np.ndarray, *, units: int, days: int,
            fixed: list[tuple[int, int, int]] = (), island_stays: dict[int, Stay] | None = None) -> Schedule:
    """The schedule {(unit, day): [site index]} for visit counts (see the module docstring).
    ``fixed``: (unit, day, site index) visits that keep their place."""
    schedule: Schedule = {}
    left = list(counts)
    for unit, day, i in fixed:
        schedule.setdefault((unit, day), []).append(i)
        left[i] = max(0, left[i] - 1)
    for g in sorted({int(legs.group[i]) for i, n in enumerate(left) if n > 0 and legs.group[i] > 0}):
        walk = _walk([i for i, n in enumerate(left) if n > 0 and legs.group[i] == g], legs)
        shortest = (island_stays or {}).get(g, Stay(0.0, 1)).min_days
        _stays(schedule, [i for i in walk for _ in range(left[i])], shortest, units, days)
    busy = {(i, d) for (_, d), route in schedule.items() for i in route}
    free = [(u, d) for u in range(1, units + 1) for d in range(1, days + 1) if (u, d) not in schedule]
    mainland = sorted((i for i, n in enumerate(left) if n > 0 and legs.group[i] == 0),
                      key=lambda i: (order[i], i))
    blocks, sweep = _placed(mainland, left, free, busy, whole=True), _placed(mainland, left, free, busy, whole=False)
    schedule.update(blocks if len(blocks) >= len(sweep) else sweep)
    return schedule


def _placed(sites: list[int], counts: list[int], free: list[tuple[int, int]], busy: set,
            whole: bool) -> Schedule:
    """Each site's visits, in the order of ``sites``, on the free (unit, day) slots, never two units at
    one site on one day. Plain sweep: unit by unit, day by day. ``whole``: a site's visits on one
    unit's consecutive days — the unit free earliest whose run from there holds them all (a village
    is worked by one crew in one go), else the first run anywhere that holds them, else split over
    the first free slots, day by day."""
    free, busy, out = list(free), set(busy), {}
    for i in sites:
        n = counts[i]
        open_slots = [s for s in free if (i, s[1]) not in busy]
        take = (_first_run(open_slots, n, earliest=True) or _first_run(open_slots, n, earliest=False)
                or _distinct_days(sorted(open_slots, key=lambda s: (s[1], s[0])), n)) if whole \
            else _distinct_days(open_slots, n)
        for slot in take:
            free.remove(slot)
            out[slot] = [i]
            busy.add((i, slot[1]))
    return out


def _first_run(slots: list[tuple[int, int]], n: int, earliest: bool) -> list[tuple[int, int]] | None:
    """``n`` consecutive days of one unit among ``slots`` (unit, day), the earliest-starting first;
    ``earliest``: only runs starting at a unit's first free day (a unit's days fill from the front)."""
    have = set(slots)
    starts = sorted(slots, key=lambda s: (s[1], s[0]))
    if earliest:
        firsts = {}
        for u, d in slots:
            firsts[u] = min(d, firsts.get(u, d))
        starts = [s for s in starts if firsts[s[0]] == s[1]]
    return next(([(u, d + j) for j in range(n)] for u, d in starts
                 if all((u, d + j) in have for j in range(n))), None)


def _distinct_days(slots: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The first ``n`` of ``slots`` on days not yet taken among them (one site, one unit a day)."""
    days, out = set(), []
    for slot in slots:
        if len(out) < n and slot[1] not in days:
            out.append(slot)
            days.add(slot[1])
    return out

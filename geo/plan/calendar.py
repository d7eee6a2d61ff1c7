"""Visit counts on the calendar: which unit goes where on which day.

1. Fixed visits (a promised school day) keep their unit and day.
2. Each island's visits become stays: one unit's consecutive free days, the island's sites in the
   order of a nearest-neighbour walk from the landing (the site nearest the base), repeated visits
   to a site on consecutive days. The longest free run of days of any unit takes the next stay;
   a stay never leaves a remainder shorter than the island's shortest stay when it can avoid it.
3. The other visits sweep round the base by compass bearing and fill the free (unit, day) slots unit
   by unit, day by day, so that each unit works one sector and its days move on to neighbouring
   sites; a site never gets two units on one day (a visit skips to the next free slot where its
   site is not busy).
Visits that find no slot are left out (the budget of the solver makes this rare: fixed visits and
stays can fragment the calendar); the plan then says so through its figures.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geo.columns import LAT, LON
from geo.plan.milp import Stay
from geo.plan.routes import Legs, Schedule


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


def lay_out(counts: list[int], legs: Legs, bearings: np.ndarray, *, units: int, days: int,
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
                      key=lambda i: (bearings[i], i))
    for i in (i for i in mainland for _ in range(left[i])):
        slot = next((s for s in free if (i, s[1]) not in busy), None)
        if slot is None:
            continue
        free.remove(slot)
        schedule[slot] = [i]
        busy.add((i, slot[1]))
    return schedule

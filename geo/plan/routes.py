"""A unit's day on the road: the legs, the order of its stops, what each stop records, and the
stops added on the way.

A schedule maps (unit, day) to the sites of that day in visiting order. A day on the base's land
starts and ends at the base office. An island day starts at the base (crossing over) unless the
same unit spent the previous day on that island, and ends at the base unless it stays on for the
next day (it then lodges at its last stop): consecutive island days of one unit are one stay, with
a crossing on its first and its last day only.

**Order.** The stops of a day (at most ``max_stops``, 3 by default) are put in the order of least
travel by trying every order (3! = 6): exact, not a heuristic.

**Yields.** Days are played in calendar order (unit by unit within a day); a day with ``t`` hours
of travel and ``n`` stops holds ``Travel.day_capacity(capacity, t, n)`` recordings, and each stop,
in route order, records ``min(floor(response × still unrecorded there), what the day still holds)``.

**Stops on the way** (:func:`add_stops`). A day whose stops leave room (unrecorded people run out
before the day's capacity does) takes one more stop of the same land group within
``HOP_H`` hours of one of its stops, recording at least ``PLAN_MIN_STOP`` people, where the
objective gains most (every candidate is scored on the whole schedule); repeated until no day
gains. An empty day gets the day trip that gains most. Both only ever raise the objective.
"""
from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from geo import config
from geo.columns import FAKTOR_JALAN, LAT, LON
from geo.plan.objective import Score, ValueModel, score
from geo.plan.travel import Travel, haversine_km

HOP_H = 1.0  # a stop added on the way lies within this many hours of one of the day's stops

Schedule = dict  # (unit, day) -> list of site indices, in visiting order


class Legs:
    """Travel hours between the base and the sites and among the sites."""

    def __init__(self, sites: pd.DataFrame, model: ValueModel, travel: Travel):
        lat, lon = sites[LAT].to_numpy(float), sites[LON].to_numpy(float)
        factor = pd.to_numeric(sites[FAKTOR_JALAN], errors="coerce").fillna(travel.road_factor).to_numpy(float)
        km = haversine_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :]) if len(lat) else np.zeros((0, 0))
        self.between = np.nan_to_num(travel.road_hours(km, (factor[:, None] + factor[None, :]) / 2))
        self.base = model.hours
        self.group = model.group

    def hours(self, route, from_base: bool, to_base: bool) -> float:
        """Travel hours of a day visiting ``route`` in order, from/to the base or the lodging at its ends."""
        t = self.base[route[0]] if from_base else 0.0
        t += sum(self.between[a, b] for a, b in zip(route, route[1:]))
        return t + (self.base[route[-1]] if to_base else 0.0)

    def order(self, stops, from_base: bool, to_base: bool, first=None) -> list[int]:
        """The stops in the order of least travel (every order tried); ``first`` stays first (the lodging)."""
        rest = [s for s in stops if s != first] if first is not None else list(stops)
        best = min(itertools.permutations(rest),
                   key=lambda p: (self.hours(([first] if first is not None else []) + list(p), from_base, to_base), p))
        return ([first] if first is not None else []) + list(best)


def _stay_ends(schedule: Schedule, legs: Legs, unit: int, day: int) -> tuple[bool, bool]:
    """(starts at the base, ends at the base) for a unit's day: an island day next to another day on
    the same island by the same unit is part of one stay."""
    route = schedule[(unit, day)]
    group = legs.group[route[0]]
    if group == 0:
        return True, True
    before, after = schedule.get((unit, day - 1)), schedule.get((unit, day + 1))
    return (not before or legs.group[before[-1]] != group), (not after or legs.group[after[0]] != group)


def play(schedule: Schedule, legs: Legs, model: ValueModel, travel: Travel, response: float):
    """Play the schedule in calendar order: ([(unit, day, stop number, site, recorded, day's travel hours)],
    recordings per site)."""
    left = np.array(model.remaining, dtype=float)
    recorded = np.zeros(len(left))
    rows = []
    for unit, day in sorted(schedule, key=lambda k: (k[1], k[0])):
        route = schedule[(unit, day)]
        if not route:
            continue
        from_base, to_base = _stay_ends(schedule, legs, unit, day)
        hours = legs.hours(route, from_base, to_base)
        room = travel.day_capacity(model.capacity, hours, len(route))
        for k, i in enumerate(route, start=1):
            got = int(max(0, min(room, math.floor(response * left[i] + 1e-9))))
            room -= got
            left[i] -= got
            recorded[i] += got
            rows.append((unit, day, k, i, got, hours))
    return rows, recorded


def evaluate(schedule: Schedule, legs: Legs, model: ValueModel, travel: Travel, response: float) -> Score:
    return score(model, play(schedule, legs, model, travel, response)[1])


def reorder(schedule: Schedule, legs: Legs) -> Schedule:
    """Every day's stops in the order of least travel (an island day keeps its lodging first)."""
    out = {}
    for (unit, day), route in schedule.items():
        if len(route) < 2:
            out[(unit, day)] = list(route)
            continue
        from_base, to_base = _stay_ends(schedule, legs, unit, day)
        out[(unit, day)] = legs.order(route, from_base, to_base, first=None if from_base else route[0])
    return out


def _candidates(schedule: Schedule, legs: Legs, model: ValueModel, unit: int, day: int) -> list[int]:
    """Sites that could join (unit, day): same land group, near a stop, not visited that day, still yielding."""
    route = schedule[(unit, day)]
    busy = {i for (u, d), r in schedule.items() if d == day for i in r}
    near = (legs.between[route].min(axis=0) <= HOP_H) & (legs.group == legs.group[route[0]])
    return [j for j in np.nonzero(near)[0] if j not in busy and model.slots[j]]


def _best_change(schedule, key, options, legs, model, travel, response, current: float, min_stop: int):
    """The best schedule with ``schedule[key]`` replaced by one of ``options`` (each new stop recording
    at least ``min_stop`` people), when it beats ``current``; (None, current) otherwise."""
    best, best_value = None, current + 1e-9
    for option in options:
        trial = dict(schedule)
        trial[key] = option
        if len(option) > 1:
            from_base, to_base = _stay_ends(trial, legs, *key)
            trial[key] = legs.order(option, from_base, to_base, first=None if from_base else option[0])
        rows, recorded = play(trial, legs, model, travel, response)
        added = [got for u, d, _, i, got, _ in rows if (u, d) == key and i == option[-1]]
        if not added or added[0] < min_stop:
            continue
        value = score(model, recorded).value
        if value > best_value:
            best, best_value = trial, value
    return best, best_value


def add_stops(schedule: Schedule, legs: Legs, model: ValueModel, travel: Travel, response: float, *,
              units: int, days: int, max_stops: int = config.PLAN_MAX_STOPS, locked=frozenset(),
              min_stop: int = config.PLAN_MIN_STOP) -> Schedule:
    """The schedule with stops added on the way and empty days filled, as long as the objective
    rises (see the module docstring); a stop added must record at least ``min_stop`` people (a
    set-up for fewer is not worth the hour); days in ``locked`` (unit, day) are left as they are."""
    schedule = reorder(schedule, legs)
    current = evaluate(schedule, legs, model, travel, response).value
    day_trips = [j for j in range(len(model.slots)) if model.group[j] == 0 and model.slots[j]]
    for _ in range(units * days * max_stops):  # each round adds one stop or ends
        rows, _ = play(schedule, legs, model, travel, response)
        room = {}
        for unit, day, _, i, got, hours in rows:
            room.setdefault((unit, day), [travel.day_capacity(model.capacity, hours, len(schedule[(unit, day)]))])
            room[(unit, day)][0] -= got
        best, best_value = None, current + 1e-9
        for unit in range(1, units + 1):
            for day in range(1, days + 1):
                key = (unit, day)
                if key in locked:
                    continue
                route = schedule.get(key, [])
                if not route:
                    busy = {i for (u, d), r in schedule.items() if d == day for i in r}
                    options = [[j] for j in day_trips if j not in busy]
                elif len(route) < max_stops and room.get(key, [0])[0] > 0:
                    options = [route + [j] for j in _candidates(schedule, legs, model, unit, day)]
                else:
                    continue
                trial, value = _best_change(schedule, key, options, legs, model, travel, response, best_value,
                                            min_stop if route else 1)
                if trial is not None:
                    best, best_value = trial, value
        if best is None:
            break
        schedule, current = best, best_value
    return schedule

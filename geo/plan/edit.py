"""Changing a plan by hand: visits removed and added, yields and totals recomputed."""
from __future__ import annotations

import pandas as pd

from geo.plan.common import PlanError
from geo.plan.model import Plan, finish
from geo.plan.routes import reorder
from geo.plan.setup import schedule_of, setting
from geo.schema import Col


def _recount(plan: Plan, taken: dict[tuple[int, int], list[str]]) -> Plan:
    setup = setting(plan.sites, plan.params)
    index = setup.index()
    schedule = {slot: [index[k] for k in kodes] for slot, kodes in taken.items() if kodes}
    return finish(reorder(schedule, setup.legs), setup, plan.params, status="edited", gap=None,
                  seconds=plan.solve_seconds, base=plan.base, baselines=plan.baselines, name=plan.name)


def _add_anywhere(taken: dict[tuple[int, int], list[str]], kode: str, names: dict, units: int, days: int) -> None:
    """One visit to ``kode`` in the first free slot (day by day, unit by unit) on a day it has none."""
    if kode not in names:
        raise PlanError("rencana_situs_tidak_ada", kode=kode)
    busy_days = {d for (_, d), k in taken.items() if kode in k}
    free = [(u, d) for d in range(1, days + 1) for u in range(1, units + 1)
            if (u, d) not in taken and d not in busy_days]
    if not free:
        raise PlanError("rencana_penuh", nama=names[kode])
    taken[free[0]] = [kode]


def _add_at(taken: dict[tuple[int, int], list[str]], item, names: dict, units: int, days: int) -> None:
    """A visit at (unit, day, kode), refused outside the plan, on a taken slot or as a second unit."""
    unit, day, kode = int(item[0]), int(item[1]), str(item[2])
    if not (1 <= unit <= units and 1 <= day <= days):
        raise PlanError("rencana_slot_salah", unit=unit, hari=day, unit_maks=units, hari_maks=days)
    if kode not in names:
        raise PlanError("rencana_situs_tidak_ada", kode=kode)
    if (unit, day) in taken:
        raise PlanError("rencana_slot_terisi", unit=unit, hari=day)
    if any(d == day and kode in k for (_, d), k in taken.items()):
        raise PlanError("rencana_situs_ganda", nama=names[kode], hari=day)
    taken[(unit, day)] = [kode]


def apply_edits(plan: Plan, add=(), remove=()) -> Plan:
    """A copy of ``plan`` with visits removed, then added, yields and totals recomputed.

    ``remove`` items: ``(unit, day)`` drops that day's visits; a site code drops all visits to that
    site. ``add`` items: ``(unit, day, kode)`` puts a visit on a free day; a site code adds one visit
    in the first free slot (day by day, unit by unit) where that site has no visit that day. A day's
    stops are then put in the order of least travel and every yield is recomputed. Raises PlanError
    for a slot outside the plan, a taken slot, a second unit at a site on one day, an unknown site,
    or no free slot. Without edits the plan is returned unchanged.
    """
    if not add and not remove:
        return plan
    units, days = plan.params["units"], plan.params["days"]
    names = dict(zip(plan.sites[Col.KODE], plan.sites[Col.NAMA]))
    codes = list(plan.sites[Col.KODE])
    taken = {slot: [codes[i] for i in route] for slot, route in
             schedule_of(plan.visits, {k: i for i, k in enumerate(codes)}).items()}
    for item in remove:
        if isinstance(item, str):
            taken = {slot: [k for k in kodes if k != item] for slot, kodes in taken.items()}
            taken = {slot: kodes for slot, kodes in taken.items() if kodes}
        else:
            taken.pop((int(item[0]), int(item[1])), None)
    for item in add:
        if isinstance(item, str):
            _add_anywhere(taken, item, names, units, days)
        else:
            _add_at(taken, item, names, units, days)
    return _recount(plan, taken)


def edits_from_table(plan: Plan, edited: pd.DataFrame) -> dict:
    """``apply_edits`` arguments from an edited site table (Col.KODE and the bool column ``pilih``, as
    ``geo.present.plan.site_table`` makes it): ticked sites not in the plan are added (one visit),
    unticked sites in it are removed."""
    planned = set(plan.visits[Col.KODE])
    ticked = dict(zip(edited[Col.KODE], edited["pilih"].astype(bool)))
    return {"add": [k for k, on in ticked.items() if on and k not in planned],
            "remove": [k for k, on in ticked.items() if not on and k in planned]}

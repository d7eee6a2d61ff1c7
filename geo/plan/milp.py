"""The visit MILP, solved by HiGHS (highspy): how many times to visit each site.

- One integer variable per run of equal yields of a site (0 … run length) counts the visits taken
  from that run; no ordering constraint is needed, because replacing any choice of a site's visit
  slots by the first ones (as many) never records less, so the counts are read as prefixes.
- One row caps the unit-days: Σ visits ≤ units × days.
- Islands (land group g ≠ 0) are worked in stays: an integer ``stays_g`` (≤ units), with
  Σ visits on g ≤ days × stays_g (a stay is one unit's consecutive days) and ≥ min_stay_g ×
  stays_g (2 when one day cannot hold both crossings and a visit). A visit on an island counts a
  full day's yield; each stay then loses ``loss_g`` recordings, what its first and last day lose
  to the boat (``Travel.day_capacity`` at the nearest landing): ``loss_g × stays_g`` is taken off
  the objective (at the island's mean weight) and off the zone steps of every area the island lies
  in entirely. This is the one approximation of the model (which sites lose is known only on the
  calendar, ``geo.plan.calendar``); the plan's figures are the calendar's.
- In menuju-hijau, one binary per zone step (``objective.Step``) earns its bonus when
  Σ min(yield, need) over the visits counting in the area (minus the crossings' loss) ≥ need.
- Fixed visits: a row per fixed site, Σ its visits ≥ the fixed number.
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass

import numpy as np

from geo.plan.objective import ValueModel
from geo.plan.travel import Travel

REL_GAP = 1e-6  # "optimal (proven)": within a millionth of the bound

_BANNER_DONE = False


def _new_highs():
    """A silent highspy.Highs (HiGHS prints a banner to the C stdout on first use: keep it off the CLI's)."""
    import ctypes

    import highspy

    global _BANNER_DONE
    if _BANNER_DONE:
        h = highspy.Highs()
    else:
        sys.stdout.flush()
        saved, null = os.dup(1), os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
            h = highspy.Highs()
            ctypes.CDLL(None).fflush(None)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)
        _BANNER_DONE = True
    h.setOptionValue("output_flag", False)
    return h


def runs(yields: list[int]) -> list[tuple[int, int]]:
    """Consecutive equal yields as (yield, how many): [40, 40, 40, 30, 15] → [(40, 3), (30, 1), (15, 1)]."""
    out: list[tuple[int, int]] = []
    for y in yields:
        if out and out[-1][0] == y:
            out[-1] = (y, out[-1][1] + 1)
        else:
            out.append((y, 1))
    return out


@dataclass(frozen=True)
class Stay:
    """What the crossings of a stay on an island cost (recordings) and its fewest days."""

    loss: float
    min_days: int


def stays(model: ValueModel, travel: Travel) -> dict[int, Stay]:
    """Per island (land group ≠ 0 with a site to visit): the crossings' cost and the shortest stay."""
    out = {}
    for g in sorted(set(model.group[model.group > 0])):
        members = [i for i in np.nonzero(model.group == g)[0] if model.slots[i]]
        if not members:
            continue
        landing = float(min(model.hours[i] for i in members))
        crossing_day = travel.day_capacity(model.capacity, landing, 1)
        one_day = travel.day_capacity(model.capacity, 2 * landing, 1)
        out[int(g)] = Stay(float(2 * (model.capacity - crossing_day)), 1 if one_day > 0 else 2)
    return out


@dataclass(frozen=True)
class _Problem:
    """The MILP in rows: run columns (site, yield, run length), a binary per step, an integer per island."""

    cols: list[tuple[int, int, int]]
    steps: list[int]  # indices into model.steps with a binary, in column order after the run columns
    islands: list[int]  # land groups with a stay column, after the step columns
    upper: list[float]
    cost: list[float]
    rows: list[tuple[float, float, list[int], list[float]]]  # (lower, upper, column indices, values)


def _problem(model: ValueModel, units: int, days: int, island_stays: dict[int, Stay], fixed: dict[int, int],
             infinity: float) -> _Problem:
    cols = [(i, y, m) for i, s in enumerate(model.slots) for y, m in runs(s)]
    site_cols: dict[int, list[int]] = {}
    for j, (i, _, _) in enumerate(cols):
        site_cols.setdefault(i, []).append(j)
    steps = [k for k, st in enumerate(model.steps)
             if st.bonus > 0 and sum(sum(model.slots[i]) for i in st.members) >= st.need]
    islands = [g for g in island_stays if any(model.group[i] == g for i in site_cols)]
    n_run, n_step = len(cols), len(steps)
    members = {g: set(np.nonzero(model.group == g)[0]) for g in islands}
    cost = [model.weights[i] * y for i, y, _ in cols] + [model.steps[k].bonus for k in steps]
    cost += [-island_stays[g].loss * float(np.mean(model.weights[list(members[g])])) for g in islands]
    upper = [float(m) for _, _, m in cols] + [1.0] * n_step + [float(units)] * len(islands)
    rows = [(-infinity, float(units * days), list(range(n_run)), [1.0] * n_run)]
    for b, k in enumerate(steps):  # recorded in the area ≥ need × binary (a visit counts at most need)
        step = model.steps[k]
        idx = [j for i in step.members for j in site_cols.get(i, [])]
        lost = [(n_run + n_step + q, -island_stays[g].loss) for q, g in enumerate(islands)
                if members[g] <= set(step.members)]
        rows.append((0.0, infinity, idx + [n_run + b] + [c for c, _ in lost],
                     [float(min(cols[j][1], step.need)) for j in idx] + [-float(step.need)] + [v for _, v in lost]))
    for k, g in enumerate(islands):
        idx = [j for j, (i, _, _) in enumerate(cols) if model.group[i] == g]
        stay_col = n_run + n_step + k
        rows.append((-infinity, 0.0, idx + [stay_col], [1.0] * len(idx) + [-float(days)]))
        rows.append((0.0, infinity, idx + [stay_col], [1.0] * len(idx) + [-float(island_stays[g].min_days)]))
    for i, n in fixed.items():
        idx = site_cols.get(i, [])
        rows.append((float(min(n, sum(m for _, _, m in (cols[j] for j in idx)))), infinity, idx, [1.0] * len(idx)))
    return _Problem(cols, steps, islands, upper, cost, rows)


def _highs_lp(problem: _Problem):
    import highspy

    cost, rows = problem.cost, problem.rows
    n = len(cost)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows)
    lp.col_cost_ = np.array(cost, dtype=float)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.array(problem.upper, dtype=float)
    lp.row_lower_ = np.array([r[0] for r in rows], dtype=float)
    lp.row_upper_ = np.array([r[1] for r in rows], dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.cumsum([0] + [len(r[2]) for r in rows]).astype(np.int32)
    lp.a_matrix_.index_ = np.array([j for r in rows for j in r[2]], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([v for r in rows for v in r[3]], dtype=float)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    return lp


def _warm_start(model: ValueModel, problem: _Problem, warm: list[int], days: int) -> list[float]:
    """Column values of the visit counts ``warm``, poured into each site's runs in order."""
    start, left = [], list(warm)
    for i, _, m in problem.cols:
        take = min(m, left[i])
        start.append(float(take))
        left[i] -= take
    per_site = np.array([sum(model.slots[i][:warm[i]]) for i in range(len(warm))])
    for k in problem.steps:
        step = model.steps[k]
        start.append(1.0 if per_site[list(step.members)].sum() >= step.need else 0.0)
    for g in problem.islands:
        start.append(float(math.ceil(sum(w for i, w in enumerate(warm) if model.group[i] == g) / days)))
    return start


def solve(model: ValueModel, units: int, days: int, warm: list[int], time_limit: float, *,
          island_stays: dict[int, Stay] | None = None,
          fixed: dict[int, int] | None = None) -> tuple[list[int] | None, str, float | None]:
    """Solve the visit MILP with HiGHS, started from the visit counts ``warm``: (visit counts or None,
    status "optimal", "time_limit" or "greedy" (no feasible solution), gap in percent)."""
    import highspy

    problem = _problem(model, units, days, island_stays or {}, fixed or {}, highspy.kHighsInf)
    if not problem.cols:
        return [0] * len(model.slots), "optimal", 0.0
    h = _new_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", REL_GAP)
    h.setOptionValue("threads", 1)
    h.passModel(_highs_lp(problem))
    solution = highspy.HighsSolution()
    solution.col_value = _warm_start(model, problem, warm, days)
    h.setSolution(solution)
    h.run()
    info = h.getInfo()
    if info.primal_solution_status != 2:  # no feasible solution
        return None, "greedy", None
    x = h.getSolution().col_value
    counts = [0] * len(model.slots)
    for j, (i, _, _) in enumerate(problem.cols):
        counts[i] += int(round(x[j]))
    gap = info.mip_gap * 100 if math.isfinite(info.mip_gap) else None
    if h.getModelStatus() == highspy.HighsModelStatus.kOptimal:
        return counts, "optimal", 0.0
    return counts, "time_limit", gap

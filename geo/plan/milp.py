"""The slot MILP, solved by HiGHS (highspy).

One integer variable per run of equal yields of a site (0 … run length) counts the visits taken
from that run; no ordering constraint is needed, because replacing any choice of a site's visit
slots by the first ones (as many) never records less, so the counts are read as prefixes. One row
caps the visits at the budget (units × days); in weighted mode a binary per desa that can still
reach hijau earns the bonus when Σ min(yield, need) over the visits counting there ≥ need.
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass

import numpy as np

from geo.plan.objective import SlotModel

# The objective is a multiple of 0.25 (zone weights 1, 1.25, 1.5 times whole people, whole bonuses):
# a solution within 0.2 of the bound is optimal.
ABS_GAP = 0.2

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
class _Problem:
    """The MILP in rows: run columns (site, yield, run length), then one green binary per desa."""

    cols: list[tuple[int, int, int]]
    green: list[str]  # desa codes with a green binary, in column order after the run columns
    cost: list[float]
    rows: list[tuple[float, float, list[int], list[float]]]  # (lower, upper, column indices, values)


def _problem(model: SlotModel, budget: int, infinity: float) -> _Problem:
    cols = [(i, y, m) for i, s in enumerate(model.slots) for y, m in runs(s)]
    cost = [model.weights[i] * y for i, y, _ in cols]
    green = [d for d, (need, members) in model.groups.items()
             if model.bonus > 0 and sum(sum(model.slots[i]) for i in members) >= need]
    cost += [model.bonus] * len(green)
    site_cols: dict[int, list[int]] = {}
    for j, (i, _, _) in enumerate(cols):
        site_cols.setdefault(i, []).append(j)
    rows = [(-infinity, float(budget), list(range(len(cols))), [1.0] * len(cols))]
    for g, desa in enumerate(green):  # recorded in the desa ≥ need × g (a visit counts at most need)
        need, members = model.groups[desa]
        idx = [j for i in members for j in site_cols.get(i, [])]
        rows.append((0.0, infinity, idx + [len(cols) + g],
                     [float(min(cols[j][1], need)) for j in idx] + [-float(need)]))
    return _Problem(cols, green, cost, rows)


def _highs_lp(problem: _Problem):
    import highspy

    cost, rows = problem.cost, problem.rows
    n = len(cost)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows)
    lp.col_cost_ = np.array(cost, dtype=float)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.array([m for _, _, m in problem.cols] + [1] * len(problem.green), dtype=float)
    lp.row_lower_ = np.array([r[0] for r in rows], dtype=float)
    lp.row_upper_ = np.array([r[1] for r in rows], dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.cumsum([0] + [len(r[2]) for r in rows]).astype(np.int32)
    lp.a_matrix_.index_ = np.array([j for r in rows for j in r[2]], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([v for r in rows for v in r[3]], dtype=float)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    return lp


def _warm_start(model: SlotModel, problem: _Problem, warm: list[int]) -> list[float]:
    """Column values of the visit counts ``warm``, poured into each site's runs in order."""
    start, left = [], list(warm)
    for i, _, m in problem.cols:
        take = min(m, left[i])
        start.append(float(take))
        left[i] -= take
    per_site = np.array([sum(model.slots[i][:warm[i]]) for i in range(len(warm))])
    start += [1.0 if per_site[model.groups[d][1]].sum() >= model.groups[d][0] else 0.0 for d in problem.green]
    return start


def solve(model: SlotModel, budget: int, warm: list[int],
          time_limit: float) -> tuple[list[int] | None, str, float | None]:
    """Solve the slot MILP with HiGHS, started from the visit counts ``warm``: (visit counts or None,
    status "optimal", "time_limit" or "greedy" (no feasible solution), gap in percent)."""
    import highspy

    problem = _problem(model, budget, highspy.kHighsInf)
    if not problem.cols:
        return [0] * len(model.slots), "optimal", 0.0
    h = _new_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_abs_gap", ABS_GAP)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    h.passModel(_highs_lp(problem))
    solution = highspy.HighsSolution()
    solution.col_value = _warm_start(model, problem, warm)
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

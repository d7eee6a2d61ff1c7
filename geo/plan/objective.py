"""What a choice of visits is worth, and the two simple ways to choose: the greedy baseline and the
most valuable visit slots. A choice is a list of visit counts, one per site (indexed like ``sites``)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.columns import JARAK, KODE_DESA, PERLU_HIJAU
from geo.plan.common import ZONE_WEIGHTS, visit_yields
from geo.schema import Col


@dataclass(frozen=True)
class SlotModel:
    """Everything the objective needs, indexed like ``sites``."""

    remaining: list[int]  # per site, before any visit
    slots: list[list[int]]  # per site: yields of its 1st, 2nd … visit (positive only, ≤ days)
    weights: np.ndarray  # per site
    distance: np.ndarray  # per site, km (0 when unknown)
    groups: dict[str, tuple[int, list[int]]]  # desa code -> (people to green, site indices counting there)
    bonus: float  # per desa turned green (0 when unweighted)


def slot_model(sites: pd.DataFrame, capacity: int, response: float, days: int, weighted: bool) -> SlotModel:
    """The SlotModel of ``sites`` (SITE_COLUMNS): zone weights and the green bonus only when ``weighted``."""
    slots = [visit_yields(r, capacity, response, days) for r in sites[Col.BELUM]]
    weights = np.array([ZONE_WEIGHTS.get(z, 1.0) if weighted else 1.0 for z in sites[Col.ZONA]])
    groups: dict[str, tuple[int, list[int]]] = {}
    for i, (desa, need) in enumerate(zip(sites[KODE_DESA], sites[PERLU_HIJAU])):
        if pd.isna(need) or int(need) <= 0:
            continue
        need_i, members = groups.get(desa, (int(need), []))
        groups[desa] = (need_i, members + [i])
    distance = np.nan_to_num(pd.to_numeric(sites[JARAK], errors="coerce").to_numpy(float))
    return SlotModel(list(sites[Col.BELUM]), slots, weights, distance, groups, float(capacity) if weighted else 0.0)


def evaluate(model: SlotModel, counts: list[int]) -> tuple[int, float, int]:
    """(people recorded, objective, desa turned green) of visiting site i counts[i] times."""
    per_site = [sum(model.slots[i][:n]) for i, n in enumerate(counts)]
    green = sum(1 for need, members in model.groups.values() if sum(per_site[i] for i in members) >= need)
    objective = float(np.dot(model.weights, per_site)) + model.bonus * green if per_site else 0.0
    return int(sum(per_site)), objective, green


def greedy_counts(model: SlotModel, units: int, days: int) -> list[int]:
    """The baseline: day by day, each unit takes the site with the most still unrecorded (ties: the
    site listed first) among those where a visit still records someone."""
    counts = [0] * len(model.slots)
    for _ in range(days):
        left = {i: model.remaining[i] - sum(s[:counts[i]]) for i, s in enumerate(model.slots) if counts[i] < len(s)}
        for i in sorted(left, key=lambda i: (-left[i], i))[:units]:
            counts[i] += 1
    return counts


def best_slots_counts(model: SlotModel, budget: int) -> list[int]:
    """The ``budget`` most valuable visit slots, nearer sites first among equals (optimal without the
    green bonus, since a site's slots lose value visit by visit); a start for the solver."""
    ranked = sorted(((-model.weights[i] * y, model.distance[i], i, k) for i, s in enumerate(model.slots)
                     for k, y in enumerate(s)))[:budget]
    counts = [0] * len(model.slots)
    for _, _, i, _ in ranked:
        counts[i] += 1
    return counts

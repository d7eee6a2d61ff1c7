"""What recordings are worth under each objective, the zone steps they make, and the two honest
baselines. A choice of visits is a list of visit counts, one per site (indexed like ``sites``).

The objectives (``OBJECTIVES``, default first), in one sentence each on the page:

- **menuju-hijau** (towards green): zone improvements first. Every desa and every kecamatan can make
  up to two zone steps, merah→kuning (at ``zones.kuning``) and kuning→hijau (at ``zones.hijau``,
  the target); a merah area that reaches hijau makes both. A step is worth
  ``step_per_1000 × wajib / 1000`` full recordings (weighted by people: a kecamatan of 23,000
  outweighs a desa of 1,000) times its people's access (the access weights of the area's sites,
  averaged over their unrecorded people: an area next to a working site reaches its zone without a
  mobile unit), earned once the recordings counting in the area reach
  ``geo.coverage.people_to_reach``; on top, every recording counts its access weight.
- **sulit-dijangkau** (hard to reach): every recording counts its access weight
  (``geo.plan.travel.access_weight`` of the hours to the nearest working fixed recording site:
  ``near_weight`` within easy reach … 1 far away, across the water from any working site, or with
  no working site at all); a school's recording (first-time recorders) counts at least
  ``school_weight``.
- **terbanyak** (most recordings, today's objective, for comparison): every recording counts 1.

Zone steps are counted for every objective (the page compares them); only menuju-hijau is paid for them.

The baselines, as a dinas would plan by hand: **terbesar** (day by day each unit takes the site with
the most still unrecorded) and **terdekat** (day by day each unit takes the nearest site whose next
visit still fills the day trip, else the nearest where it records anyone).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import config
from geo.columns import DARATAN, JAM_AKSES, JAM_TEMPUH, JENIS, KODE_DESA, KODE_KEC, SUDAH_DESA, SUDAH_KEC, \
    WAJIB_DESA, WAJIB_KEC
from geo.coverage import people_to_reach
from geo.plan.common import OBJECTIVES, SCHOOL, PlanError, visit_yields
from geo.plan.travel import Travel, access_weight
from geo.schema import Col, Level, ZoneConfig, Zone

BASELINES = ("terbesar", "terdekat")


@dataclass(frozen=True)
class Step:
    """A zone step an area can make: ``need`` more recordings counting in it lift it to zone ``to``."""

    level: str  # "desa" or "kecamatan"
    kode: str
    to: str  # the zone reached
    need: int
    people: int  # the area's wajib KTP
    members: tuple[int, ...]  # site indices whose recordings count in the area
    bonus: float  # what reaching it is worth (0 unless menuju-hijau)


@dataclass(frozen=True)
class ValueModel:
    """Everything the objective needs, indexed like ``sites``."""

    objective: str
    capacity: int
    remaining: list[int]  # per site, before any visit
    caps: np.ndarray  # per site: recordings one visit can hold (a day trip, or a day of a stay on an island)
    slots: list[list[int]]  # per site: yields of its 1st, 2nd … visit (positive only, ≤ days)
    weights: np.ndarray  # per site: what one recording counts
    steps: list[Step]
    hours: np.ndarray  # per site: travel hours from the base, one way
    group: np.ndarray  # per site: land group (0 = the base's)
    members: object = None  # steps × sites 0/1 matrix (scipy sparse), for scoring many schedules fast

    def __post_init__(self):
        from scipy.sparse import csr_matrix

        rows = [k for k, s in enumerate(self.steps) for _ in s.members]
        cols = [i for s in self.steps for i in s.members]
        matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(self.steps), len(self.remaining)))
        object.__setattr__(self, "members", matrix)
        object.__setattr__(self, "_needs", np.array([s.need for s in self.steps], dtype=float))
        object.__setattr__(self, "_bonus", np.array([s.bonus for s in self.steps], dtype=float))


@dataclass(frozen=True)
class Score:
    total: int  # people recorded
    value: float  # the objective
    reached: tuple[Step, ...]  # zone steps made


def check_objective(objective: str) -> str:
    if objective not in OBJECTIVES:
        raise PlanError("rencana_tujuan_salah", tujuan=objective, pilihan=", ".join(OBJECTIVES))
    return objective


def _steps(sites: pd.DataFrame, zones: ZoneConfig, value_per_person: float, red_factor: float,
           weights: np.ndarray) -> list[Step]:
    """Zone steps of every desa and kecamatan with known counts (the next zones up, at most two).

    A step's bonus is scaled by the access of the people it takes: the access weights of the area's
    sites, averaged over their unrecorded people. An area whose people live within easy reach of a
    working fixed site can reach its zone without a mobile unit, and its step counts little."""
    belum = sites[Col.BELUM].to_numpy(float)
    out = []
    for level, code_col, wajib_col, sudah_col in (("desa", KODE_DESA, WAJIB_DESA, SUDAH_DESA),
                                                  ("kecamatan", KODE_KEC, WAJIB_KEC, SUDAH_KEC)):
        for kode, rows in sites.groupby(code_col, sort=True):
            wajib, sudah = rows[wajib_col].iloc[0], rows[sudah_col].iloc[0]
            if pd.isna(wajib) or pd.isna(sudah) or int(wajib) <= 0:
                continue
            people = belum[rows.index]
            access = float(np.average(weights[rows.index], weights=people)) if people.sum() > 0 else 1.0
            for to, pct in ((Zone.KUNING.value, zones.kuning), (Zone.HIJAU.value, zones.hijau)):
                need = people_to_reach(int(wajib), int(sudah), pct)
                if need > 0:
                    factor = red_factor if to == Zone.KUNING.value else 1.0
                    out.append(Step(level, str(kode), to, int(need), int(wajib), tuple(rows.index),
                                    value_per_person * factor * int(wajib) * access))
    return out


def value_model(sites: pd.DataFrame, *, objective: str, capacity: int, response: float, days: int,
                travel: Travel = Travel(), zones: ZoneConfig = ZoneConfig(),
                school_weight: float = config.PLAN_SCHOOL_WEIGHT,
                step_per_1000: float = config.PLAN_STEP_PER_1000,
                red_factor: float = config.PLAN_RED_FACTOR) -> ValueModel:
    """The ValueModel of ``sites`` (SITE_COLUMNS, as ``model.prepare_sites`` makes them, index 0…n−1).

    A visit to a site on the base's land holds the day's capacity left after the round trip from the
    base (``Travel.day_capacity``); a visit to an island site holds a full day of a stay there (the
    crossings are charged to the stay, see ``geo.plan.milp``).
    """
    check_objective(objective)
    hours = pd.to_numeric(sites[JAM_TEMPUH], errors="coerce").fillna(0).to_numpy(float)
    group = sites[DARATAN].to_numpy(int)
    caps = np.array([travel.day_capacity(capacity, 0.0 if g else 2 * h, 1) for h, g in zip(hours, group)], dtype=int)
    slots = [visit_yields(r, c, response, days) for r, c in zip(sites[Col.BELUM], caps)]
    if objective == "terbanyak":
        weights = np.ones(len(sites))
    else:
        weights = access_weight(pd.to_numeric(sites[JAM_AKSES], errors="coerce"), travel)
        weights = np.where(sites[JENIS].to_numpy() == SCHOOL, np.maximum(weights, school_weight), weights)
    per_person = step_per_1000 / 1000 if objective == "menuju-hijau" else 0.0
    return ValueModel(objective, int(capacity), [int(b) for b in sites[Col.BELUM]], caps, slots,
                      np.asarray(weights, dtype=float), _steps(sites, zones, per_person, red_factor, weights), hours,
                      group)


def score(model: ValueModel, recorded) -> Score:
    """People recorded, the objective and the zone steps made, for recordings per site."""
    recorded = np.asarray(recorded, dtype=float)
    if not len(recorded):
        return Score(0, 0.0, ())
    made = model.members @ recorded >= model._needs if model.steps else np.zeros(0, dtype=bool)
    value = float(np.dot(model.weights, recorded) + model._bonus[made].sum())
    return Score(int(recorded.sum()), value, tuple(s for s, m in zip(model.steps, made) if m))


def counts_recorded(model: ValueModel, counts) -> np.ndarray:
    """Recordings per site of ``counts[i]`` visits to site i (each visit a full day trip or stay day)."""
    return np.array([sum(model.slots[i][:n]) for i, n in enumerate(counts)], dtype=float)


def zone_changes(reached, level: Level | str) -> int:
    """Areas of ``level`` whose zone changes (a merah area reaching hijau counts once)."""
    level = Level(level).value
    return len({s.kode for s in reached if s.level == level})


def _day_by_day(model: ValueModel, units: int, days: int, key) -> list[int]:
    counts = [0] * len(model.slots)
    for _ in range(days):
        free = [i for i, s in enumerate(model.slots) if counts[i] < len(s)]
        for i in sorted(free, key=lambda i: key(i, counts))[:units]:
            counts[i] += 1
    return counts


def largest_first(model: ValueModel, units: int, days: int) -> list[int]:
    """Baseline 'terbesar': day by day, each unit takes the site with the most still unrecorded
    (ties: the site listed first) among those where a visit still records someone."""
    def left(i, counts):
        return -(model.remaining[i] - sum(model.slots[i][:counts[i]])), i

    return _day_by_day(model, units, days, left)


def nearest_first(model: ValueModel, units: int, days: int) -> list[int]:
    """Baseline 'terdekat': day by day, each unit takes the nearest site (travel hours from the base)
    whose next visit still records all a day trip there holds, else the nearest where it records anyone."""
    def near(i, counts):
        return model.slots[i][counts[i]] < model.caps[i], model.hours[i], i

    return _day_by_day(model, units, days, near)


def best_slots_counts(model: ValueModel, budget: int) -> list[int]:
    """The ``budget`` most valuable visit slots without zone steps, nearer sites first among equals
    (optimal for sulit-dijangkau and terbanyak on the base's land); a start for the solver."""
    ranked = sorted((-model.weights[i] * y, model.hours[i], i, k) for i, s in enumerate(model.slots)
                    for k, y in enumerate(s))[:budget]
    counts = [0] * len(model.slots)
    for _, _, i, _ in ranked:
        counts[i] += 1
    return counts

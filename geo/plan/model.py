"""The plan (*jemput bola*): which sites the recording units visit, on which days, and how it is optimised.

The model
---------
- A unit spends one working day at one site. A site is a desa/kelurahan (the unit sets up at the
  balai desa) or a school (SMA/SMK/MA, pesantren).
- A visit records ``min(capacity, floor(response × remaining))`` people, where ``remaining`` is
  the site's still-unrecorded count before that visit: for a desa its Col.BELUM at the data date
  (floored at 0: a desa above 100% has nobody left to find), for a school its ``belum_rekam``
  attribute. Remaining drops by what was recorded, so the k-th visit to a site yields a known,
  non-increasing amount (capacity 40, response 0.5, remaining 100 → 40, 30, 15, …).
- At most one unit per site per day (two units at one balai desa would share the same queue);
  one site per unit per day. Several units may visit a site on different days.
- Sites farther than ``max_km`` from the base (straight-line haversine distance, *jarak garis
  lurus*) are left out. Road distance needs a road network, which this product does not hold:
  out of scope. Travel time within a day is not modelled.
- Working days run from the start date; Saturdays and Sundays count only when allowed.
  Public holidays are not known: remove those days by hand (apply_edits).
- A school's recordings count in the desa the school stands in (the regional server counts them
  there) for the coverage after the plan; the school's students are a separate pool from the
  desa's remaining adults.

The objective
-------------
Unweighted: the most people recorded. Weighted (to turn red and yellow desa green): each recording
counts ``ZONE_WEIGHTS[zone]`` (merah 1.5, kuning 1.25, else 1) by the zone of the desa it is
counted in, plus a bonus of one full unit-day (``capacity``) for each desa that reaches hijau.

The optimiser
-------------
Because every site's yields are non-increasing, "site s gets n visits" is a concave knapsack over
visit slots (the k-th visit to s, k ≤ days): Σ slots ≤ units × days. Equal consecutive yields are one
integer variable (0 … run length); no "k-th after (k−1)-th" constraint is needed, because swapping
any chosen slots of a site for its first ones never records less, so the solution is read as counts.
In weighted mode a binary g[d] per desa below hijau adds the bonus when Σ min(yield, need_d) over the
visits counting in d ≥ need_d·g[d]. Any visit counts n_s ≤ days with Σ n_s ≤ units × days can be put
on the calendar with one site per unit per day and at most one unit per site per day (each site's
visits fill a run of consecutive (unit, day) slots, unit by unit, so its ≤ days visits fall on
distinct days), so days are assigned after solving, sweeping round the base by compass bearing.
The MILP is solved by HiGHS (highspy), started from the better of the greedy baseline ("largest
belum rekam first, day by day") and the most valuable slots (nearer sites first among equals), so the
plan is never worse than the greedy; if the solver fails, the greedy plan is returned with status
"greedy"; at the time limit, the best plan found with its MIP gap ("time_limit"). For the unweighted
objective the greedy is already optimal in this model (the solver proves it); the solver earns its
keep with the weighting, whose green bonus is not concave.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from geo.columns import DAY, EXPECTED, JARAK, JENIS, KECAMATAN, KODE_DESA, LAT, LON, PERLU_HIJAU, UNIT
from geo.plan.common import SITE_COLUMNS, VISIT_COLUMNS, PlanError, visit_yields, working_days
from geo.plan.milp import solve
from geo.plan.objective import best_slots_counts, evaluate, greedy_counts, slot_model
from geo.schema import Col


@dataclass
class Plan:
    """A schedule of visits and what it is expected to record.

    ``visits``: VISIT_COLUMNS, one row per (unit, day) with a visit, unit and day numbered from 1,
    Col.TANGGAL ISO. ``sites``: the candidate sites it was made from (SITE_COLUMNS). ``gap`` is the
    solver's relative MIP gap in percent (0 when proven optimal; None once edited or greedy).
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

    @property
    def gain_over_greedy(self) -> int:
        """People recorded beyond the greedy baseline (may be < 0 only after edits)."""
        return self.total - self.greedy_total

    @property
    def dates(self) -> list[str]:
        return [d.isoformat() for d in working_days(date.fromisoformat(self.params["start"]), self.params["days"],
                                                    self.params["weekends"])]

    @property
    def totals(self) -> pd.DataFrame:
        """Per unit: unit, kunjungan (visits), expected."""
        units = pd.DataFrame({UNIT: range(1, self.params["units"] + 1)})
        got = self.visits.groupby(UNIT).agg(kunjungan=(EXPECTED, "size"), expected=(EXPECTED, "sum")).reset_index()
        out = units.merge(got, on=UNIT, how="left", validate="one_to_one").fillna(0)
        return out.astype(int)


def prepare_sites(sites: pd.DataFrame) -> pd.DataFrame:
    """``sites`` as SITE_COLUMNS: missing optional columns filled, kode_desa defaulting to Col.KODE,
    Col.BELUM a whole number ≥ 0. Raises PlanError when Col.KODE, Col.NAMA or Col.BELUM is missing."""
    required = [Col.KODE, Col.NAMA, Col.BELUM]
    for col in required:
        if col not in sites:
            raise PlanError("rencana_kolom_hilang", kolom=col, wajib=", ".join(required))
    out = sites.copy().reset_index(drop=True)
    defaults = {JENIS: "desa", KODE_DESA: None, KECAMATAN: "", LAT: np.nan, LON: np.nan, JARAK: np.nan,
                Col.WAJIB: pd.NA, Col.SUDAH: pd.NA, Col.ZONA: None, PERLU_HIJAU: pd.NA}
    for col, value in defaults.items():
        if col not in out:
            out[col] = value
    out[KODE_DESA] = out[KODE_DESA].where(out[KODE_DESA].notna(), out[Col.KODE])
    out[Col.BELUM] = pd.to_numeric(out[Col.BELUM], errors="coerce").fillna(0).clip(lower=0).astype(int)
    out[Col.KODE] = out[Col.KODE].astype(str)
    return out[SITE_COLUMNS]


def _bearing(base: dict | None, sites: pd.DataFrame) -> np.ndarray:
    """Compass bearing of each site from the base (so units sweep sectors); site order without one."""
    if not base or sites[LAT].isna().any():
        return np.arange(len(sites), dtype=float)
    lat0, lon0 = math.radians(base[LAT]), math.radians(base[LON])
    lat, lon = np.radians(sites[LAT].to_numpy(float)), np.radians(sites[LON].to_numpy(float))
    y = np.sin(lon - lon0) * np.cos(lat)
    x = math.cos(lat0) * np.sin(lat) - math.sin(lat0) * np.cos(lat) * np.cos(lon - lon0)
    return np.degrees(np.arctan2(y, x)) % 360


def _layout(counts: list[int], sites: pd.DataFrame, units: int, days: int,
            base: dict | None) -> list[tuple[int, int, int]]:
    """(unit, day, site index) for visit counts: each site's visits fill consecutive slots unit by unit.

    A site with n ≤ days visits occupies n consecutive slots of the sequence (unit 1 day 1 … day D,
    unit 2 day 1 …), so its visits fall on distinct days, and every unit has one site per day.
    """
    bearing = _bearing(base, sites)
    order = sorted((i for i, n in enumerate(counts) if n > 0), key=lambda i: (bearing[i], i))
    flat = [i for i in order for _ in range(counts[i])]  # ≤ units × days (the budget row)
    return [(pos // days + 1, pos % days + 1, i) for pos, i in enumerate(flat)]


def visits_frame(slots: list[tuple[int, int, int]], sites: pd.DataFrame, params: dict) -> pd.DataFrame:
    """VISIT_COLUMNS rows for (unit, day, site index) slots, sorted by unit and day, with chronological
    yields (a site's k-th visit in time records its k-th yield)."""
    dates = working_days(date.fromisoformat(params["start"]), params["days"], params["weekends"])
    by_site: dict[int, list[tuple[int, int]]] = {}
    for unit, day, i in slots:
        by_site.setdefault(i, []).append((day, unit))
    rows = []
    for i, visits in by_site.items():
        site = sites.iloc[i]
        yields = visit_yields(site[Col.BELUM], params["capacity"], params["response"], len(visits))
        for k, (day, unit) in enumerate(sorted(visits)):
            rows.append({UNIT: unit, DAY: day, Col.TANGGAL: dates[day - 1].isoformat(), Col.KODE: site[Col.KODE],
                         Col.NAMA: site[Col.NAMA], JENIS: site[JENIS], KODE_DESA: site[KODE_DESA],
                         KECAMATAN: site[KECAMATAN], JARAK: site[JARAK],
                         EXPECTED: yields[k] if k < len(yields) else 0})
    frame = pd.DataFrame(rows, columns=VISIT_COLUMNS)
    frame[[UNIT, DAY, EXPECTED]] = frame[[UNIT, DAY, EXPECTED]].astype(int)
    return frame.sort_values([UNIT, DAY], ignore_index=True)


def _check_number(name: str, value, ok: bool, rule: str) -> None:
    if not ok:
        raise PlanError("rencana_angka_salah", nama=name, syarat=rule, nilai=value)


def _check_input(units, capacity, days, response, time_limit) -> None:
    _check_number("units", units, isinstance(units, (int, np.integer)) and units >= 1, "≥ 1")
    _check_number("days", days, isinstance(days, (int, np.integer)) and days >= 1, "≥ 1")
    _check_number("capacity", capacity, isinstance(capacity, (int, np.integer)) and capacity >= 1, "≥ 1")
    _check_number("response", response, isinstance(response, (int, float)) and 0 < response <= 1, "0 < r ≤ 1")
    _check_number("time_limit", time_limit, time_limit > 0, "> 0")


def plan_visits(sites_df: pd.DataFrame, *, units: int, capacity: int = 40, days: int, response: float = 0.5,
                start: date | str | None = None, weekends: bool = False, weighted: bool = False,
                time_limit: float = 10, base: dict | None = None) -> Plan:
    """The best schedule of ``units`` mobile units over ``days`` working days.

    ``sites_df`` needs Col.KODE, Col.NAMA, Col.BELUM (remaining unrecorded, floored at 0); the other
    SITE_COLUMNS are used when present (Col.ZONA and perlu_hijau for ``weighted``, lat/lon for the
    layout). ``response`` is the share (0–1] of those remaining who come on a visit day; ``start``
    defaults to today. See the module docstring for the model and objective. Returns a Plan whose
    objective is never below the greedy baseline's (unweighted: people recorded; status "optimal",
    "time_limit" or "greedy"). Raises PlanError on bad input.
    """
    _check_input(units, capacity, days, response, time_limit)
    sites = prepare_sites(sites_df)
    start = date.fromisoformat(start) if isinstance(start, str) else (start or date.today())
    params = {"units": int(units), "capacity": int(capacity), "days": int(days), "response": float(response),
              "start": start.isoformat(), "weekends": bool(weekends), "weighted": bool(weighted)}
    model = slot_model(sites, params["capacity"], params["response"], params["days"], params["weighted"])
    clock = time.perf_counter()
    budget = params["units"] * params["days"]
    greedy = greedy_counts(model, params["units"], params["days"])
    greedy_total, greedy_objective, _ = evaluate(model, greedy)
    start_counts = max([best_slots_counts(model, budget), greedy], key=lambda c: evaluate(model, c)[1])
    counts, status, gap = solve(model, budget, start_counts, time_limit)
    if counts is None or evaluate(model, counts)[1] < greedy_objective - 1e-6:
        counts, status, gap = greedy, "greedy", None
    elif evaluate(model, counts)[1] <= evaluate(model, start_counts)[1] + 1e-9:
        counts = start_counts  # no better than the start: keep its nearer sites
    seconds = time.perf_counter() - clock
    visits = visits_frame(_layout(counts, sites, params["units"], params["days"], base), sites, params)
    total, objective, green = evaluate(model, counts)
    return Plan(visits, sites, params, total, objective, green, status, gap, greedy_total, greedy_objective,
                seconds, base=base)

"""Mobile-unit planner (*jemput bola*): which sites the recording units visit, on which days.

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

import json
import math
import os
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import delete, insert, select

from geo.columns import (
    ACTUAL, DAY, EXPECTED, JARAK, JENIS, KECAMATAN, KODE_DESA, LAT, LON, PERLU_HIJAU, SELISIH, UNIT,
)
from geo import fmt
from geo.coverage import add_coverage, coverage_table
from geo.render.assets import use_local_assets
from geo.schema import Col, Level, RekamError, Zone, ZoneConfig, ancestor_code, desa_tipe
from geo.config import load_settings
from geo.store import Store, now
from geo.store.tables import actuals_table, plans_table, visits_table
from geo.text import tr


class PlanError(RekamError):
    """Bad planner input or a plan that cannot be edited, saved or found as asked."""


# Column names of the planner's frames (data columns stay Indonesian, as everywhere).
SITE_COLUMNS = [Col.KODE, Col.NAMA, JENIS, KODE_DESA, KECAMATAN, LAT, LON, JARAK, Col.BELUM, Col.WAJIB, Col.SUDAH,
                Col.ZONA, PERLU_HIJAU]
VISIT_COLUMNS = [UNIT, DAY, Col.TANGGAL, Col.KODE, Col.NAMA, JENIS, KODE_DESA, KECAMATAN, JARAK, EXPECTED]

ZONE_WEIGHTS = {Zone.MERAH.value: 1.5, Zone.KUNING.value: 1.25}  # any other zone (or none) weighs 1
BASE_KINDS = ("disdukcapil", "kecamatan")  # offices a unit may start from, preferred first
SCHOOL = "sekolah"
STATUSES = ("optimal", "time_limit", "greedy", "edited")
# Unit colours avoid the zone colours (green, yellow, red): a unit is never read as a zone.
UNIT_COLOURS = ["#1f77b4", "#ff7f0e", "#7b3294", "#8c564b", "#e377c2", "#17becf", "#393b79", "#636363"]



# --- small pieces ------------------------------------------------------------------------------
def visit_yields(remaining: int, capacity: int, response: float, n: int) -> list[int]:
    """Recordings of the 1st … n-th visit to a site with ``remaining`` unrecorded people.

    Each visit records ``min(capacity, floor(response × remaining))`` and lowers ``remaining``
    by as much; the list stops early at the first visit that would record nobody.
    """
    out, left = [], max(0, int(remaining))
    for _ in range(n):
        got = min(int(capacity), math.floor(response * left + 1e-9))
        if got <= 0:
            break
        out.append(got)
        left -= got
    return out


def working_days(start: date, days: int, weekends: bool = False) -> list[date]:
    """The first ``days`` working days from ``start`` (included); Saturday/Sunday only if ``weekends``."""
    out, d = [], start
    while len(out) < days:
        if weekends or d.weekday() < 5:
            out.append(d)
        d += timedelta(days=1)
    return out


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle (straight-line) distance in km; works on numbers or numpy arrays."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


def people_to_green(wajib, sudah, zones: ZoneConfig) -> int | None:
    """Fewest extra recordings that put an area in the hijau zone (0 if it is; None without data)."""
    if wajib is None or sudah is None or pd.isna(wajib) or pd.isna(sudah) or wajib <= 0:
        return None
    wajib, sudah = int(wajib), int(sudah)

    def green(n: int) -> bool:  # the same arithmetic as geo.coverage.add_coverage
        return zones.zone(100.0 * (sudah + n) / wajib) == Zone.HIJAU

    n = max(0, math.ceil(zones.hijau * wajib / 100 - sudah))
    while n > 0 and green(n - 1):
        n -= 1
    while not green(n):
        n += 1
    return n


def _check_number(name: str, value, ok: bool, rule: str) -> None:
    if not ok:
        raise PlanError("rencana_angka_salah", nama=name, syarat=rule, nilai=value)


# --- candidate sites ---------------------------------------------------------------------------
def bases(store: Store, within: str) -> pd.DataFrame:
    """Offices a unit may start from: id, Col.NAMA, jenis, Col.KODE, lat, lon.

    The Disdukcapil office first, then the kantor kecamatan, from the stored 'lokasi' points of
    the kabupaten/kota containing ``within``.
    """
    kab = ancestor_code(within, Level.KABUPATEN) if Level.of_code(within).depth >= 2 else within
    pts = store.points("lokasi", within=kab)
    cols = ["id", Col.NAMA, JENIS, Col.KODE, LAT, LON]
    if pts.empty:
        return pd.DataFrame(columns=cols)
    pts[JENIS] = [a.get(JENIS) for a in pts["atribut"]]
    pts = pts[pts[JENIS].isin(BASE_KINDS)].copy()
    pts["_order"] = pts[JENIS].map(BASE_KINDS.index)
    return pts.sort_values(["_order", "id"], ignore_index=True)[cols]


def base_point(store: Store, within: str, base_id: str | None = None) -> dict:
    """The base office as a dict (id, nama, jenis, kode, lat, lon). Raises PlanError."""
    offices = bases(store, within)
    if offices.empty:
        raise PlanError("rencana_tanpa_basis", wilayah=within)
    if base_id is None:
        return offices.iloc[0].to_dict()
    found = offices[offices["id"] == base_id]
    if found.empty:
        raise PlanError("rencana_basis_tidak_ada", basis=base_id, wilayah=within)
    return found.iloc[0].to_dict()


def candidate_sites(store: Store, within: str, *, date: str | None = None, base_id: str | None = None,
                    max_km: float | None = None, include_schools: bool = True,
                    zones: ZoneConfig | None = None) -> pd.DataFrame:
    """Sites a unit can visit, with what is left to record there.

    Desa/kelurahan of ``within`` with data at ``date`` (Col.BELUM floored at 0) and, when asked,
    the stored schools (Col.BELUM = their ``belum_rekam`` attribute, 0 when missing). Returns
    SITE_COLUMNS: Col.KODE (desa code or school id), Col.NAMA, jenis (desa/kelurahan/sekolah),
    kode_desa (the desa the site counts in), kecamatan (name), lat, lon (a desa's representative
    point), jarak_km (straight-line km from the base), Col.BELUM, Col.WAJIB, Col.SUDAH (desa only),
    Col.ZONA and perlu_hijau (of the site's desa). Sites beyond ``max_km`` are left out. Raises
    PlanError when there is no base office.
    """
    zones = zones or load_settings().zones
    base = base_point(store, within, base_id)
    desa = coverage_table(store, Level.DESA, within=within, date=date, zones=zones, geometry=True)
    desa = desa[desa[Col.WAJIB].notna() & desa[Col.SUDAH].notna()].reset_index(drop=True)
    kab = ancestor_code(within, Level.KABUPATEN) if Level.of_code(within).depth >= 2 else within
    kec = store.areas(within=kab, level=Level.KECAMATAN)
    kec_names = dict(zip(kec[Col.KODE], kec[Col.NAMA]))
    points = desa.geometry.representative_point()
    need = [people_to_green(w, s, zones) for w, s in zip(desa[Col.WAJIB], desa[Col.SUDAH])]
    sites = pd.DataFrame({
        Col.KODE: desa[Col.KODE],
        Col.NAMA: desa[Col.NAMA],
        JENIS: [t if t in ("desa", "kelurahan") else desa_tipe(k) for k, t in zip(desa[Col.KODE], desa[Col.TIPE])],
        KODE_DESA: desa[Col.KODE],
        KECAMATAN: [kec_names.get(ancestor_code(k, Level.KECAMATAN), "") for k in desa[Col.KODE]],
        LAT: points.y.to_numpy(), LON: points.x.to_numpy(),
        Col.BELUM: desa[Col.BELUM].fillna(0).clip(lower=0).astype(int),
        Col.WAJIB: desa[Col.WAJIB].astype("Int64"), Col.SUDAH: desa[Col.SUDAH].astype("Int64"),
        Col.ZONA: desa[Col.ZONA], PERLU_HIJAU: pd.array(need, dtype="Int64"),
    })
    if include_schools:
        schools = store.points(SCHOOL, within=within)
        by_desa = sites.set_index(Col.KODE)
        rows = []
        for p in schools.to_dict("records"):
            belum = pd.to_numeric(p["atribut"].get(Col.BELUM), errors="coerce")
            known = p[Col.KODE] in by_desa.index
            rows.append({
                Col.KODE: str(p["id"]), Col.NAMA: p[Col.NAMA], JENIS: SCHOOL, KODE_DESA: p[Col.KODE],
                KECAMATAN: kec_names.get(ancestor_code(p[Col.KODE], Level.KECAMATAN), ""),
                LAT: float(p[LAT]), LON: float(p[LON]), Col.BELUM: 0 if pd.isna(belum) else max(0, int(belum)),
                Col.WAJIB: pd.NA, Col.SUDAH: pd.NA,
                Col.ZONA: by_desa.at[p[Col.KODE], Col.ZONA] if known else None,
                PERLU_HIJAU: by_desa.at[p[Col.KODE], PERLU_HIJAU] if known else pd.NA,
            })
        if rows:
            extra = pd.DataFrame(rows).astype({Col.WAJIB: "Int64", Col.SUDAH: "Int64", PERLU_HIJAU: "Int64"})
            sites = pd.concat([sites, extra], ignore_index=True)
    sites[JARAK] = np.round(haversine_km(base[LAT], base[LON], sites[LAT].to_numpy(float),
                                         sites[LON].to_numpy(float)), 2) if len(sites) else []
    if max_km is not None:
        sites = sites[sites[JARAK] <= max_km]
    return sites[SITE_COLUMNS].sort_values(Col.KODE, ignore_index=True)


# --- the plan ----------------------------------------------------------------------------------
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


def _prepare_sites(sites: pd.DataFrame) -> pd.DataFrame:
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


@dataclass(frozen=True)
class _Model:
    """Everything the objective needs, indexed like ``sites``."""

    remaining: list[int]  # per site, before any visit
    slots: list[list[int]]  # per site: yields of its 1st, 2nd … visit (positive only, ≤ days)
    weights: np.ndarray  # per site
    distance: np.ndarray  # per site, km (0 when unknown)
    groups: dict[str, tuple[int, list[int]]]  # desa code -> (people to green, site indices counting there)
    bonus: float  # per desa turned green (0 when unweighted)


def _model(sites: pd.DataFrame, capacity: int, response: float, days: int, weighted: bool) -> _Model:
    slots = [visit_yields(r, capacity, response, days) for r in sites[Col.BELUM]]
    weights = np.array([ZONE_WEIGHTS.get(z, 1.0) if weighted else 1.0 for z in sites[Col.ZONA]])
    groups: dict[str, tuple[int, list[int]]] = {}
    for i, (desa, need) in enumerate(zip(sites[KODE_DESA], sites[PERLU_HIJAU])):
        if pd.isna(need) or int(need) <= 0:
            continue
        need_i, members = groups.get(desa, (int(need), []))
        groups[desa] = (need_i, members + [i])
    distance = np.nan_to_num(pd.to_numeric(sites[JARAK], errors="coerce").to_numpy(float))
    return _Model(list(sites[Col.BELUM]), slots, weights, distance, groups, float(capacity) if weighted else 0.0)


def _evaluate(model: _Model, counts: list[int]) -> tuple[int, float, int]:
    """(people recorded, objective, desa turned green) of visiting site i counts[i] times."""
    per_site = [sum(model.slots[i][:n]) for i, n in enumerate(counts)]
    green = sum(1 for need, members in model.groups.values() if sum(per_site[i] for i in members) >= need)
    objective = float(np.dot(model.weights, per_site)) + model.bonus * green if per_site else 0.0
    return int(sum(per_site)), objective, green


def _greedy_counts(model: _Model, units: int, days: int) -> list[int]:
    """The baseline: day by day, each unit takes the site with the most still unrecorded (ties: the
    site listed first) among those where a visit still records someone."""
    counts = [0] * len(model.slots)
    for _ in range(days):
        left = {i: model.remaining[i] - sum(s[:counts[i]]) for i, s in enumerate(model.slots) if counts[i] < len(s)}
        for i in sorted(left, key=lambda i: (-left[i], i))[:units]:
            counts[i] += 1
    return counts


def _best_slots_counts(model: _Model, budget: int) -> list[int]:
    """The ``budget`` most valuable visit slots, nearer sites first among equals (optimal without the
    green bonus, since a site's slots lose value visit by visit); a start for the solver."""
    ranked = sorted(((-model.weights[i] * y, model.distance[i], i, k) for i, s in enumerate(model.slots)
                     for k, y in enumerate(s)))[:budget]
    counts = [0] * len(model.slots)
    for _, _, i, _ in ranked:
        counts[i] += 1
    return counts


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


_BANNER_DONE = False


def _runs(yields: list[int]) -> list[tuple[int, int]]:
    """Consecutive equal yields as (yield, how many): [40, 40, 40, 30, 15] → [(40, 3), (30, 1), (15, 1)]."""
    out: list[tuple[int, int]] = []
    for y in yields:
        if out and out[-1][0] == y:
            out[-1] = (y, out[-1][1] + 1)
        else:
            out.append((y, 1))
    return out


# The objective is a multiple of 0.25 (zone weights 1, 1.25, 1.5 times whole people, whole bonuses):
# a solution within 0.2 of the bound is optimal.
ABS_GAP = 0.2


def _solve(model: _Model, budget: int, warm: list[int],
           time_limit: float) -> tuple[list[int] | None, str, float | None]:
    """Solve the slot MILP with HiGHS: (visit counts or None, status, gap in percent).

    One integer variable per run of equal yields of a site (0 … run length) counts the visits taken
    from that run; no ordering constraint is needed, because replacing any choice of a site's visit
    slots by the first ones (as many) never records less, so the counts are read as prefixes.
    """
    import highspy

    cols = [(i, y, m) for i, s in enumerate(model.slots) for y, m in _runs(s)]  # (site, yield, run length)
    if not cols:
        return [0] * len(model.slots), "optimal", 0.0
    cost = [model.weights[i] * y for i, y, _ in cols]
    green = [d for d, (need, members) in model.groups.items()
             if model.bonus > 0 and sum(sum(model.slots[i]) for i in members) >= need]
    cost += [model.bonus] * len(green)
    site_cols: dict[int, list[int]] = {}
    for j, (i, _, _) in enumerate(cols):
        site_cols.setdefault(i, []).append(j)
    rows = [(-highspy.kHighsInf, float(budget), list(range(len(cols))), [1.0] * len(cols))]
    for g, desa in enumerate(green):  # recorded in the desa ≥ need × g (a visit counts at most need)
        need, members = model.groups[desa]
        idx = [j for i in members for j in site_cols.get(i, [])]
        rows.append((0.0, highspy.kHighsInf, idx + [len(cols) + g],
                     [float(min(cols[j][1], need)) for j in idx] + [-float(need)]))
    n = len(cost)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(rows)
    lp.col_cost_ = np.array(cost, dtype=float)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.array([m for _, _, m in cols] + [1] * len(green), dtype=float)
    lp.row_lower_ = np.array([r[0] for r in rows], dtype=float)
    lp.row_upper_ = np.array([r[1] for r in rows], dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.cumsum([0] + [len(r[2]) for r in rows]).astype(np.int32)
    lp.a_matrix_.index_ = np.array([j for r in rows for j in r[2]], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([v for r in rows for v in r[3]], dtype=float)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h = _new_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_abs_gap", ABS_GAP)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    h.passModel(lp)
    start, left = [], list(warm)  # the greedy counts, poured into the runs in order
    for i, _, m in cols:
        take = min(m, left[i])
        start.append(float(take))
        left[i] -= take
    per_site = np.array([sum(model.slots[i][:warm[i]]) for i in range(len(warm))])
    start += [1.0 if per_site[model.groups[d][1]].sum() >= model.groups[d][0] else 0.0 for d in green]
    solution = highspy.HighsSolution()
    solution.col_value = start
    h.setSolution(solution)
    h.run()
    info = h.getInfo()
    if info.primal_solution_status != 2:  # no feasible solution
        return None, "greedy", None
    x = h.getSolution().col_value
    counts = [0] * len(model.slots)
    for j, (i, _, _) in enumerate(cols):
        counts[i] += int(round(x[j]))
    gap = info.mip_gap * 100 if math.isfinite(info.mip_gap) else None
    if h.getModelStatus() == highspy.HighsModelStatus.kOptimal:
        return counts, "optimal", 0.0
    return counts, "time_limit", gap


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


def _visits_frame(slots: list[tuple[int, int, int]], sites: pd.DataFrame, params: dict) -> pd.DataFrame:
    """Visit rows with chronological yields (a site's k-th visit in time records its k-th yield)."""
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
    _check_number("units", units, isinstance(units, (int, np.integer)) and units >= 1, "≥ 1")
    _check_number("days", days, isinstance(days, (int, np.integer)) and days >= 1, "≥ 1")
    _check_number("capacity", capacity, isinstance(capacity, (int, np.integer)) and capacity >= 1, "≥ 1")
    _check_number("response", response, isinstance(response, (int, float)) and 0 < response <= 1, "0 < r ≤ 1")
    _check_number("time_limit", time_limit, time_limit > 0, "> 0")
    sites = _prepare_sites(sites_df)
    start = date.fromisoformat(start) if isinstance(start, str) else (start or date.today())
    params = {"units": int(units), "capacity": int(capacity), "days": int(days), "response": float(response),
              "start": start.isoformat(), "weekends": bool(weekends), "weighted": bool(weighted)}
    model = _model(sites, params["capacity"], params["response"], params["days"], params["weighted"])
    clock = time.perf_counter()
    budget = params["units"] * params["days"]
    greedy = _greedy_counts(model, params["units"], params["days"])
    greedy_total, greedy_objective, _ = _evaluate(model, greedy)
    start_counts = max([_best_slots_counts(model, budget), greedy], key=lambda c: _evaluate(model, c)[1])
    counts, status, gap = _solve(model, budget, start_counts, time_limit)
    if counts is None or _evaluate(model, counts)[1] < greedy_objective - 1e-6:
        counts, status, gap = greedy, "greedy", None
    elif _evaluate(model, counts)[1] <= _evaluate(model, start_counts)[1] + 1e-9:
        counts = start_counts  # no better than the start: keep its nearer sites
    seconds = time.perf_counter() - clock
    visits = _visits_frame(_layout(counts, sites, params["units"], params["days"], base), sites, params)
    total, objective, green = _evaluate(model, counts)
    return Plan(visits, sites, params, total, objective, green, status, gap, greedy_total, greedy_objective,
                seconds, base=base)


# --- editing -----------------------------------------------------------------------------------
def _recount(plan: Plan, visits: pd.DataFrame) -> Plan:
    sites = plan.sites
    index = {k: i for i, k in enumerate(sites[Col.KODE])}
    slots = [(int(u), int(d), index[k]) for u, d, k in zip(visits[UNIT], visits[DAY], visits[Col.KODE])]
    new_visits = _visits_frame(slots, sites, plan.params)
    model = _model(sites, plan.params["capacity"], plan.params["response"], plan.params["days"],
                   plan.params["weighted"])
    counts = [0] * len(sites)
    for _, _, i in slots:
        counts[i] += 1
    total, objective, green = _evaluate(model, counts)
    return replace(plan, visits=new_visits, total=total, objective=objective, turned_green=green, status="edited",
                   gap=None)


def apply_edits(plan: Plan, add=(), remove=()) -> Plan:
    """A copy of ``plan`` with visits removed, then added, yields and totals recomputed.

    ``remove`` items: ``(unit, day)`` drops that visit; a site code drops all visits to that site.
    ``add`` items: ``(unit, day, kode)`` puts a visit there; a site code adds one visit in the first
    free slot (day by day, unit by unit) where that site has no visit that day. Raises PlanError for
    a slot outside the plan, a taken slot, a second unit at a site on one day, an unknown site, or no
    free slot. Without edits the plan is returned unchanged.
    """
    if not add and not remove:
        return plan
    units, days = plan.params["units"], plan.params["days"]
    names = dict(zip(plan.sites[Col.KODE], plan.sites[Col.NAMA]))
    taken: dict[tuple[int, int], str] = {(int(u), int(d)): k for u, d, k in
                                         zip(plan.visits[UNIT], plan.visits[DAY], plan.visits[Col.KODE])}
    for item in remove:
        if isinstance(item, str):
            taken = {slot: k for slot, k in taken.items() if k != item}
        else:
            taken.pop((int(item[0]), int(item[1])), None)
    for item in add:
        if isinstance(item, str):
            if item not in names:
                raise PlanError("rencana_situs_tidak_ada", kode=item)
            busy_days = {d for (_, d), k in taken.items() if k == item}
            free = [(u, d) for d in range(1, days + 1) for u in range(1, units + 1)
                    if (u, d) not in taken and d not in busy_days]
            if not free:
                raise PlanError("rencana_penuh", nama=names[item])
            taken[free[0]] = item
            continue
        unit, day, kode = int(item[0]), int(item[1]), str(item[2])
        if not (1 <= unit <= units and 1 <= day <= days):
            raise PlanError("rencana_slot_salah", unit=unit, hari=day, unit_maks=units, hari_maks=days)
        if kode not in names:
            raise PlanError("rencana_situs_tidak_ada", kode=kode)
        if (unit, day) in taken:
            raise PlanError("rencana_slot_terisi", unit=unit, hari=day)
        if any(d == day and k == kode for (_, d), k in taken.items()):
            raise PlanError("rencana_situs_ganda", nama=names[kode], hari=day)
        taken[(unit, day)] = kode
    visits = pd.DataFrame([(u, d, k) for (u, d), k in taken.items()], columns=[UNIT, DAY, Col.KODE])
    return _recount(plan, visits)


def site_table(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """Candidate sites for an editor, planned sites first: pilih (bool: in the plan), Col.KODE, and as
    text Col.NAMA, jenis, kecamatan, jarak_km, Col.BELUM, kunjungan, expected (from ``plan``).
    Headers are the raw names; ``site_table_labels`` gives the words for them."""
    got = plan.visits.groupby(Col.KODE).agg(kunjungan=(EXPECTED, "size"), expected=(EXPECTED, "sum"))
    out = plan.sites[[Col.KODE, Col.NAMA, JENIS, KECAMATAN, JARAK, Col.BELUM]].merge(
        got, left_on=Col.KODE, right_index=True, how="left", validate="one_to_one")
    out[["kunjungan", EXPECTED]] = out[["kunjungan", EXPECTED]].fillna(0).astype(int)
    out.insert(0, "pilih", out["kunjungan"] > 0)
    out = out.sort_values(["pilih", EXPECTED, Col.BELUM, Col.KODE], ascending=[False, False, False, True],
                          ignore_index=True)
    out[JENIS] = [tr(f"jenis_{j}", lang) for j in out[JENIS]]
    out[JARAK] = [fmt.number(v, 1, lang) for v in out[JARAK]]
    for col in (Col.BELUM, "kunjungan", EXPECTED):
        out[col] = [fmt.number(v, lang=lang) for v in out[col]]
    return out


def site_table_labels(lang: str = "id") -> dict[str, str]:
    """Column words for ``site_table``."""
    keys = {"pilih": "pilih", Col.KODE: "kode", Col.NAMA: "nama", JENIS: "jenis", KECAMATAN: "kecamatan",
            JARAK: "jarak", Col.BELUM: "belum", "kunjungan": "kunjungan", EXPECTED: "perkiraan"}
    return {c: tr(f"rencana_kol_{k}", lang) for c, k in keys.items()}


def edits_from_table(plan: Plan, edited: pd.DataFrame) -> dict:
    """``apply_edits`` arguments from an edited ``site_table(plan)``: ticked sites not in the plan
    are added (one visit), unticked sites in it are removed."""
    planned = set(plan.visits[Col.KODE])
    ticked = dict(zip(edited[Col.KODE], edited["pilih"].astype(bool)))
    return {"add": [k for k, on in ticked.items() if on and k not in planned],
            "remove": [k for k, on in ticked.items() if not on and k in planned]}


# --- views and files ---------------------------------------------------------------------------
def status_text(plan: Plan, lang: str) -> str:
    return tr(f"rencana_status_{plan.status}", lang)


def status_line(plan: Plan, lang: str = "id") -> str:
    """``optimal (terbukti) · gap 0,00%`` — what the solver proved."""
    gap = "" if plan.gap is None else f" · gap {fmt.percent(plan.gap, 2, lang)}"
    return status_text(plan, lang) + gap


def status_short(plan: Plan, lang: str = "id") -> str:
    """One or two words for a headline figure: ``optimal``, ``diubah``…"""
    return tr(f"rencana_status_singkat_{plan.status}", lang)


def status_detail(plan: Plan, lang: str = "id") -> str | None:
    """What stands under :func:`status_short`: ``terbukti · gap 0,00%`` (None when nothing)."""
    parts = [tr("rencana_terbukti", lang)] if plan.status == "optimal" else []
    if plan.gap is not None:
        parts.append(f"gap {fmt.percent(plan.gap, 2, lang)}")
    return " · ".join(parts) or None


def plan_metrics(plan: Plan, lang: str = "id") -> list[tuple[str, str, str | None, bool]]:
    """(label, value, delta, arrow) for the headline figures: people expected (vs the greedy),
    the greedy baseline, desa turning green, and what the solver proved. ``arrow`` is False
    where the delta is no change or not a change at all."""
    t = lambda k, **p: tr(k, lang, **p)  # noqa: E731
    return [
        (t("rencana_m_total"), fmt.number(plan.total, lang=lang),
         f"{fmt.signed(plan.gain_over_greedy, lang=lang)} {t('rencana_vs_rakus')}", plan.gain_over_greedy != 0),
        (t("rencana_m_rakus"), fmt.number(plan.greedy_total, lang=lang), None, False),
        (t("rencana_m_hijau"), fmt.number(plan.turned_green, lang=lang), None, False),
        (t("rencana_m_status"), status_short(plan, lang), status_detail(plan, lang), False),
    ]


def method_note(plan: Plan, lang: str = "id") -> str:
    """One paragraph: solver, status and time, the (weighted) score against the greedy's, and the limits
    of the model (straight-line distance, no holidays)."""
    return tr(
        "rencana_cara", lang, pemecah=plan.solver, status=status_line(plan, lang),
        detik=fmt.number(plan.solve_seconds, 2, lang),
        bobot=tr("rencana_bobot", lang) if plan.params["weighted"] else "",
        skor=fmt.number(plan.objective, 2, lang), skor_rakus=fmt.number(plan.greedy_objective, 2, lang))


def schedule_grid(plan: Plan, lang: str = "id") -> pd.DataFrame:
    """Text grid for people: one row per day (Hari ke, Tanggal), one column per unit: 'Site (n)'."""
    head = {DAY: tr("rencana_kol_hari", lang), Col.TANGGAL: tr("rencana_kol_tanggal", lang)}
    out = pd.DataFrame({head[DAY]: range(1, plan.params["days"] + 1),
                        head[Col.TANGGAL]: [fmt.long_date(d, lang) for d in plan.dates]})
    for unit in range(1, plan.params["units"] + 1):
        mine = plan.visits[plan.visits[UNIT] == unit].set_index(DAY)
        out[tr("rencana_unit_n", lang, n=unit)] = [
            f"{mine.at[d, Col.NAMA]} ({fmt.number(mine.at[d, EXPECTED], lang=lang)})" if d in mine.index else "–"
            for d in range(1, plan.params["days"] + 1)]
    return out


def _unit_sheet(plan: Plan, unit: int, lang: str) -> pd.DataFrame:
    mine = plan.visits[plan.visits[UNIT] == unit]
    cols = {DAY: "hari", Col.TANGGAL: "tanggal", Col.KODE: "kode", Col.NAMA: "nama", JENIS: "jenis",
            KECAMATAN: "kecamatan", JARAK: "jarak", EXPECTED: "perkiraan"}
    out = mine[list(cols)].copy()
    out[JENIS] = [tr(f"jenis_{j}", lang) for j in out[JENIS]]
    return out.rename(columns={c: tr(f"rencana_kol_{k}", lang) for c, k in cols.items()})


def itinerary_xlsx(plan: Plan, lang: str = "id") -> bytes:
    """The itinerary as XLSX bytes: one sheet per unit ('Unit 1' …), numbers as numbers, neutralised."""
    from geo.export import to_xlsx_bytes

    return to_xlsx_bytes({tr("rencana_unit_n", lang, n=u): _unit_sheet(plan, u, lang)
                          for u in range(1, plan.params["units"] + 1)})


def _md_cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def itinerary_markdown(plan: Plan, lang: str = "id") -> str:
    """A printable itinerary: title, parameters and total, then one table per unit with its total."""
    p = plan.params
    lines = [f"### {tr('rencana_judul_cetak', lang)}" + (f": {_md_cell(plan.name)}" if plan.name else ""),
             tr("rencana_ringkas_cetak", lang, unit=p["units"], hari=p["days"], kapasitas=p["capacity"],
                           respons=fmt.percent(100 * p["response"], 0, lang), total=fmt.number(plan.total, lang=lang))]
    if plan.base:
        lines.append(tr("rencana_basis", lang, nama=_md_cell(plan.base[Col.NAMA])))
    totals = plan.totals.set_index(UNIT)
    for unit in range(1, p["units"] + 1):
        sheet = _unit_sheet(plan, unit, lang)
        lines += ["", f"**{tr('rencana_unit_n', lang, n=unit)}**", "",
                  "| " + " | ".join(sheet.columns) + " |", "|" + "---|" * len(sheet.columns)]
        for row in sheet.itertuples(index=False):
            hari, tanggal, kode, nama, jenis, kec, jarak, perkiraan = row
            cells = [hari, fmt.long_date(tanggal, lang), kode, nama, jenis, kec, fmt.number(jarak, 1, lang),
                     fmt.number(perkiraan, lang=lang)]
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        lines += ["", tr("rencana_total_unit", lang, n=unit,
                                    jumlah=fmt.number(totals.at[unit, EXPECTED], lang=lang))]
    return "\n".join(lines)


def coverage_after(store: Store, within: str, plan: Plan, date: str | None = None, *,
                   level: Level | str = Level.KECAMATAN, zones: ZoneConfig | None = None) -> pd.DataFrame:
    """Coverage per area of ``level`` now and expected after the plan.

    Each visit's expected recordings are added to Col.SUDAH of the desa it counts in (kode_desa),
    then summed up to ``level``; Col.WAJIB is unchanged. Returns Col.KODE, Col.NAMA, Col.WAJIB,
    Col.SUDAH, Col.CAKUPAN, Col.ZONA (now), tambahan, sudah_setelah, cakupan_setelah (percent) and
    zona_setelah.
    """
    zones = zones or load_settings().zones
    level = Level(level)
    now = coverage_table(store, level, within=within, date=date, zones=zones)
    keys = [ancestor_code(k, level) for k in plan.visits[KODE_DESA]]
    added = plan.visits.groupby(keys)[EXPECTED].sum() if len(plan.visits) else pd.Series(dtype=int)
    out = now[[Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.CAKUPAN, Col.ZONA]].copy()
    out["tambahan"] = out[Col.KODE].map(added).fillna(0).astype(int)
    after = add_coverage(pd.DataFrame({Col.WAJIB: out[Col.WAJIB], Col.SUDAH: out[Col.SUDAH] + out["tambahan"]}),
                         zones)
    out["sudah_setelah"] = after[Col.SUDAH].astype("Int64")
    out["cakupan_setelah"] = after[Col.CAKUPAN]
    out["zona_setelah"] = after[Col.ZONA]
    return out


def coverage_after_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``coverage_after`` as text for people: name, coverage and zone now, added, coverage and zone after."""
    from geo.present import zone_label

    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kol_nama"): table[Col.NAMA].to_numpy(),
        t("rencana_kol_cakupan_awal"): [fmt.percent(v, 2, lang) for v in table[Col.CAKUPAN]],
        t("rencana_kol_zona_awal"): [zone_label(z, lang) for z in table[Col.ZONA]],
        t("rencana_kol_tambahan"): [fmt.number(v, lang=lang) for v in table["tambahan"]],
        t("rencana_kol_cakupan_akhir"): [fmt.percent(v, 2, lang) for v in table["cakupan_setelah"]],
        t("rencana_kol_zona_akhir"): [zone_label(z, lang) for z in table["zona_setelah"]],
    })


def plan_map(plan: Plan, *, areas=None, lang: str = "id"):
    """A folium map (no tiles: works offline) of the base, the planned sites and a straight line from
    the base to each site per unit (colour by unit). ``areas``: an optional GeoDataFrame with
    Col.NAMA and Col.ZONA drawn underneath in zone colours."""
    import folium

    from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS

    centre = [plan.base[LAT], plan.base[LON]] if plan.base else (
        [plan.sites[LAT].mean(), plan.sites[LON].mean()] if len(plan.sites) else [0, 0])
    m = folium.Map(location=centre, zoom_start=10, tiles=None, control_scale=True)
    if areas is not None and len(areas):
        from geo.present import zone_label

        colours = {z.value: c for z, c in ZONE_COLOURS.items()}
        layer = areas[[Col.NAMA, Col.ZONA, "geometry"]].assign(zona_kata=[zone_label(z, lang) for z in areas[Col.ZONA]])
        folium.GeoJson(
            layer.to_json(), name="zona",
            style_function=lambda f: {"fillColor": colours.get(f["properties"].get(Col.ZONA), NO_DATA_COLOUR),
                                      "color": "#555", "weight": 1, "fillOpacity": 0.35},
            tooltip=folium.GeoJsonTooltip(fields=[Col.NAMA, "zona_kata"],
                                          aliases=[tr("kol_nama", lang), tr("kol_zona", lang)]),
        ).add_to(m)
    visits = plan.visits.merge(plan.sites[[Col.KODE, LAT, LON]], on=Col.KODE, how="left", validate="many_to_one")
    for (unit, kode), group in visits.groupby([UNIT, Col.KODE], sort=True):
        colour = UNIT_COLOURS[(int(unit) - 1) % len(UNIT_COLOURS)]
        first = group.iloc[0]
        label = tr("rencana_garis", lang, unit=unit, nama=first[Col.NAMA],
                              hari=", ".join(str(d) for d in group[DAY]),
                              jumlah=fmt.number(group[EXPECTED].sum(), lang=lang))
        if plan.base:
            folium.PolyLine([centre, [first[LAT], first[LON]]], color=colour, weight=2, opacity=0.8,
                            tooltip=label).add_to(m)
        folium.CircleMarker([first[LAT], first[LON]], radius=6, color=colour, fill=True, fill_opacity=0.9,
                            tooltip=label).add_to(m)
    if plan.base:
        folium.CircleMarker(centre, radius=9, color="#000", fill=True, fill_color="#fff", fill_opacity=1,
                            tooltip=tr("rencana_basis", lang, nama=plan.base[Col.NAMA])).add_to(m)
    if len(visits):
        m.fit_bounds([[visits[LAT].min(), visits[LON].min()], [visits[LAT].max(), visits[LON].max()]])
    use_local_assets(m)  # Leaflet from the installed package: draws offline
    return m


PLAN_MARKERS = {"desa": "o", "kelurahan": "o", SCHOOL: "^"}  # matplotlib markers by site kind
BASE_MARKER = "*"


def plan_image(plan: Plan, areas, *, outline=None, area_name: str, data_date=None, settings=None, lang: str = "id",
               size=(1200, 675), fmt_name: str = "png", demo: bool | None = None) -> bytes:
    """The plan as a PNG/SVG image of exactly ``size`` pixels that explains itself, offline.

    ``areas``: a ``coverage_table(…, geometry=True)`` GeoDataFrame (usually the desa of the
    kabupaten/kota), drawn by ``static_map`` in faded zone colours; ``outline`` (e.g. its
    kecamatan) adds thick borders and their names. On top: the base office (a star), a
    straight line from it to each planned site and the site (circle: a desa's balai desa,
    triangle: a school), coloured by unit. The title gives the people expected and the
    days, the subtitle units, dates, capacity and the data date; the second legend names
    each unit with its visits and people. Raises RekamError for a bad size or format.
    """
    import geopandas as gpd
    from matplotlib.lines import Line2D

    from geo.render import charts, static_map

    settings = settings or load_settings()
    p = plan.params
    dates = plan.dates
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    title = tr("rencana_gambar_judul", lang, wilayah=area_name, total=num(plan.total), hari=p["days"])
    if plan.turned_green:
        title += tr("rencana_gambar_hijau", lang, n=num(plan.turned_green))
    subtitle = tr("rencana_gambar_sub", lang, unit=p["units"], kapasitas=p["capacity"],
                             mulai=fmt.long_date(dates[0] if dates else None, lang),
                             akhir=fmt.long_date(dates[-1] if dates else None, lang),
                             tanggal=fmt.long_date(data_date, lang))
    if demo is None:
        demo = charts.is_demo(list(areas[Col.KODE]) if areas is not None and len(areas) else [])
    source = charts.source_text(settings, data_date, lang, demo=demo)

    visits = plan.visits.merge(plan.sites[[Col.KODE, LAT, LON]], on=Col.KODE, how="left", validate="many_to_one")
    stops = visits.groupby([UNIT, Col.KODE], sort=True).agg(jenis=(JENIS, "first"), lat=(LAT, "first"),
                                                            lon=(LON, "first")).reset_index()
    colour = {u: UNIT_COLOURS[(int(u) - 1) % len(UNIT_COLOURS)] for u in range(1, p["units"] + 1)}
    extent = _plan_extent(stops, plan.base)

    def overlay(ax, crs, marker_px: float) -> None:
        size_pt = marker_px * 0.6  # a marker of 0.83 × the label size; px → points at the image's 100 dpi
        where = gpd.GeoSeries(gpd.points_from_xy(stops[LON], stops[LAT]), crs="EPSG:4326").to_crs(crs)
        home = None
        if plan.base:
            home = gpd.GeoSeries(gpd.points_from_xy([plan.base[LON]], [plan.base[LAT]]), crs="EPSG:4326").to_crs(crs)[0]
        for stop, point in zip(stops.itertuples(), where):
            if home is not None:
                ax.plot([home.x, point.x], [home.y, point.y], color=colour[stop.unit], linewidth=1.4, alpha=0.75,
                        zorder=4, solid_capstyle="round")
        for stop, point in zip(stops.itertuples(), where):
            ax.scatter([point.x], [point.y], s=size_pt ** 2, marker=PLAN_MARKERS.get(stop.jenis, "o"),
                       c=colour[stop.unit], edgecolors="white", linewidths=1.2, zorder=7)
        if home is not None:
            ax.scatter([home.x], [home.y], s=(size_pt * 2.0) ** 2, marker=BASE_MARKER, c="#111111",
                       edgecolors="white", linewidths=1.2, zorder=8)

    def handle(marker: str, face: str, label: str, scale: float = 1.0):
        return Line2D([], [], linestyle="none", marker=marker, markersize=11 * scale, markerfacecolor=face,
                      markeredgecolor="white" if face != "#ffffff" else "#111111", label=label)

    handles = []
    if plan.base:
        handles.append(handle(BASE_MARKER, "#111111", tr("rencana_gambar_basis", lang,
                                                                    nama=plan.base[Col.NAMA]), 1.6))
    totals = plan.totals.set_index(UNIT)
    for unit in range(1, p["units"] + 1):
        handles.append(Line2D([], [], color=colour[unit], linewidth=2, marker="o", markersize=11,
                              markeredgecolor="white", label=tr(
                                  "rencana_gambar_unit", lang, n=unit, kunjungan=num(totals.at[unit, "kunjungan"]),
                                  jumlah=num(totals.at[unit, EXPECTED]))))
    if (stops[JENIS] == SCHOOL).any():  # a site is a circle (as in the unit entries); a school, a triangle
        handles.append(handle(PLAN_MARKERS[SCHOOL], "#777777", tr("rencana_gambar_jenis_sekolah", lang)))
    legend = (tr("rencana_gambar_legenda", lang, n=num(len(plan.visits))), handles)
    return static_map.map_image(areas, title=title, subtitle=subtitle, source=source, settings=settings, lang=lang,
                                size=size, fmt_name=fmt_name, outline=outline, fade=0.45, overlay=overlay,
                                overlay_legend=legend, extent=extent)


def _plan_extent(stops: pd.DataFrame, base: dict | None, margin: float = 0.2,
                 min_span_deg: float = 0.12) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds around the base and the planned sites (as the interactive map fits them),
    with a margin and at least ``min_span_deg`` (about 13 km) across; None without points."""
    lon = [*stops[LON].dropna(), *([base[LON]] if base else [])]
    lat = [*stops[LAT].dropna(), *([base[LAT]] if base else [])]
    if not lon:
        return None
    centre_x, centre_y = (min(lon) + max(lon)) / 2, (min(lat) + max(lat)) / 2
    half = max(max(lon) - min(lon), max(lat) - min(lat), min_span_deg) * (1 + 2 * margin) / 2
    return centre_x - half, centre_y - half, centre_x + half, centre_y + half


# --- the store: plans, their visits, actual figures ----------------------------------------------
def _plan_row(conn, name: str):
    row = conn.execute(select(plans_table).where(plans_table.c.name == name)).mappings().first()
    if row is None:
        raise PlanError("rencana_tidak_ada", nama=name)
    return row


def save_plan(store: Store, plan: Plan, name: str, *, within: str | None = None, data_date: str | None = None,
              user: str = "cli", overwrite: bool = False) -> int:
    """Store ``plan`` under ``name`` in one transaction; returns its id.

    An existing plan of that name is replaced only with ``overwrite`` and only while it has no
    actual figures. Raises PlanError (empty or taken name) or StoreError.
    """
    name = (name or "").strip()
    if not name:
        raise PlanError("rencana_nama_kosong")
    sites = json.loads(plan.sites.to_json(orient="records", force_ascii=False))
    with store.transaction() as conn:
        old = conn.execute(select(plans_table.c.id).where(plans_table.c.name == name)).scalar()
        if old is not None:
            if not overwrite:
                raise PlanError("rencana_nama_dipakai", nama=name)
            if conn.execute(select(actuals_table.c.plan_id).where(actuals_table.c.plan_id == old)).first():
                raise PlanError("rencana_ada_realisasi", nama=name)
            conn.execute(delete(visits_table).where(visits_table.c.plan_id == old))
            conn.execute(delete(plans_table).where(plans_table.c.id == old))
        plan_id = conn.execute(insert(plans_table).values(
            name=name, within=within, data_date=data_date, created_at=now(), user=user,
            params=json.dumps(plan.params), base=json.dumps(plan.base, default=str) if plan.base else None,
            sites=json.dumps(sites, ensure_ascii=False), total=int(plan.total), objective=float(plan.objective),
            turned_green=int(plan.turned_green), status=plan.status, gap=plan.gap,
            greedy_total=int(plan.greedy_total), greedy_objective=float(plan.greedy_objective),
            solve_seconds=float(plan.solve_seconds),
        )).inserted_primary_key[0]
        rows = [{"plan_id": plan_id, UNIT: int(v[UNIT]), DAY: int(v[DAY]), Col.TANGGAL: v[Col.TANGGAL],
                 Col.KODE: v[Col.KODE], EXPECTED: int(v[EXPECTED])} for v in plan.visits.to_dict("records")]
        if rows:
            conn.execute(insert(visits_table), rows)
    return int(plan_id)


def list_plans(store: Store, within: str | None = None) -> pd.DataFrame:
    """Saved plans, newest first: name, within, data_date, created_at, user, total, status."""
    cols = [plans_table.c[c] for c in ("name", "within", "data_date", "created_at", "user", "total", "status")]
    q = select(*cols).order_by(plans_table.c.id.desc())
    if within:
        q = q.where((plans_table.c.within == within) | plans_table.c.within.like(within + ".%"))
    with store.engine.connect() as conn:
        return pd.DataFrame(conn.execute(q).mappings().all(), columns=[c.name for c in cols])


def load_plan(store: Store, name: str) -> Plan:
    """The plan saved as ``name``. Raises PlanError when there is none."""
    with store.engine.connect() as conn:
        row = _plan_row(conn, name)
        query = select(visits_table).where(visits_table.c.plan_id == row["id"])
        stored = pd.DataFrame(conn.execute(query).mappings().all(), columns=[c.name for c in visits_table.c])
    sites = _prepare_sites(pd.DataFrame(json.loads(row["sites"]), columns=SITE_COLUMNS))
    for col in (Col.WAJIB, Col.SUDAH, PERLU_HIJAU):
        sites[col] = sites[col].astype("Int64")
    params = json.loads(row["params"])
    visits = _visits_frame([], sites, params)
    if len(stored):
        index = {k: i for i, k in enumerate(sites[Col.KODE])}
        visits = _visits_frame([(int(u), int(d), index[k]) for u, d, k in
                                zip(stored[UNIT], stored[DAY], stored[Col.KODE])], sites, params)
    return Plan(visits, sites, params, int(row["total"]), float(row["objective"]), int(row["turned_green"]),
                row["status"], row["gap"], int(row["greedy_total"]), float(row["greedy_objective"]),
                float(row["solve_seconds"]), base=json.loads(row["base"]) if row["base"] else None, name=name)


def record_actuals(store: Store, plan_name: str, actuals_df: pd.DataFrame, *, user: str = "cli") -> int:
    """Store the people actually recorded per visit (columns unit, day, actual) in one transaction.

    A row with an empty ``actual`` clears that visit's figure. Returns the number of figures stored.
    Raises PlanError for an unknown plan or visit, or a figure that is not a whole number ≥ 0.
    """
    for col in (UNIT, DAY, ACTUAL):
        if col not in actuals_df:
            raise PlanError("rencana_kolom_hilang", kolom=col, wajib=", ".join((UNIT, DAY, ACTUAL)))
    rows, clear = [], []
    for r in actuals_df[[UNIT, DAY, ACTUAL]].to_dict("records"):
        unit, day, raw = int(r[UNIT]), int(r[DAY]), r[ACTUAL]
        if raw is None or pd.isna(raw):
            clear.append((unit, day))
            continue
        value = pd.to_numeric(raw, errors="coerce")
        if pd.isna(value) or value < 0 or value != int(value):
            raise PlanError("rencana_aktual_salah", unit=unit, hari=day, nilai=raw)
        rows.append({UNIT: unit, DAY: day, ACTUAL: int(value)})
    with store.transaction() as conn:
        plan_id = _plan_row(conn, plan_name)["id"]
        planned = {(u, d) for u, d in conn.execute(
            select(visits_table.c[UNIT], visits_table.c[DAY]).where(visits_table.c.plan_id == plan_id))}
        for unit, day in clear + [(r[UNIT], r[DAY]) for r in rows]:
            if (unit, day) not in planned:
                raise PlanError("rencana_kunjungan_tidak_ada", nama=plan_name, unit=unit, hari=day)
            conn.execute(delete(actuals_table).where((actuals_table.c.plan_id == plan_id)
                                                     & (actuals_table.c[UNIT] == unit)
                                                     & (actuals_table.c[DAY] == day)))
        if rows:
            stamp = now()
            conn.execute(insert(actuals_table), [{**r, "plan_id": plan_id, "recorded_at": stamp, "user": user}
                                                 for r in rows])
    return len(rows)


def planned_vs_actual(store: Store, plan_name: str) -> pd.DataFrame:
    """The saved plan's visits with what was actually recorded: VISIT_COLUMNS + actual and selisih
    (actual − expected), both <NA> where no figure was entered yet. Raises PlanError."""
    plan = load_plan(store, plan_name)
    with store.engine.connect() as conn:
        plan_id = _plan_row(conn, plan_name)["id"]
        got = pd.DataFrame(conn.execute(select(actuals_table.c[UNIT], actuals_table.c[DAY], actuals_table.c[ACTUAL])
                                        .where(actuals_table.c.plan_id == plan_id)).mappings().all(),
                           columns=[UNIT, DAY, ACTUAL])
    out = plan.visits.merge(got.astype(int), on=[UNIT, DAY], how="left", validate="one_to_one")
    out[ACTUAL] = out[ACTUAL].astype("Int64")
    out[SELISIH] = (out[ACTUAL] - out[EXPECTED]).astype("Int64")
    return out


def actual_totals(table: pd.DataFrame) -> dict:
    """Sums of a ``planned_vs_actual`` table: expected (all visits), visits, reported (visits with a
    figure), expected_reported and actual (over reported visits), selisih (actual − expected_reported)."""
    reported = table[table[ACTUAL].notna()]
    actual = int(reported[ACTUAL].sum())
    expected_reported = int(reported[EXPECTED].sum())
    return {"expected": int(table[EXPECTED].sum()), "visits": len(table), "reported": len(reported),
            "expected_reported": expected_reported, "actual": actual, SELISIH: actual - expected_reported}


def actual_metrics(table: pd.DataFrame, lang: str = "id") -> list[tuple[str, str, str | None]]:
    """(label, value, delta) for a ``planned_vs_actual`` table: planned for the reported visits, actual
    (with the difference), and how many visits were reported."""
    sums = actual_totals(table)
    t = lambda k, **p: tr(k, lang, **p)  # noqa: E731
    return [
        (t("rencana_m_rencana"), fmt.number(sums["expected_reported"], lang=lang), None),
        (t("rencana_m_aktual"), fmt.number(sums["actual"], lang=lang), fmt.signed(sums[SELISIH], lang=lang)),
        (t("rencana_m_terlapor"), t("rencana_dari", a=fmt.number(sums["reported"], lang=lang),
                                     b=fmt.number(sums["visits"], lang=lang)), None),
    ]


def actuals_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A planned-vs-actual table for an editor, with localised headers: everything is text except the
    actual figure (a nullable integer, the one column to edit)."""
    cols = {UNIT: "unit", DAY: "hari", Col.TANGGAL: "tanggal", Col.NAMA: "nama", EXPECTED: "perkiraan",
            ACTUAL: "aktual", SELISIH: "selisih"}
    out = table[list(cols)].copy()
    out[Col.TANGGAL] = [fmt.long_date(d, lang) for d in out[Col.TANGGAL]]
    out[EXPECTED] = [fmt.number(v, lang=lang) for v in out[EXPECTED]]
    out[SELISIH] = [fmt.signed(v, lang=lang) for v in out[SELISIH]]
    return out.rename(columns={c: tr(f"rencana_kol_{k}", lang) for c, k in cols.items()})


def actuals_from_view(view: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The unit, day, actual frame ``record_actuals`` takes, from an edited ``actuals_view``."""
    names = {tr(f"rencana_kol_{k}", lang): c for c, k in ((UNIT, "unit"), (DAY, "hari"), (ACTUAL, "aktual"))}
    return view[list(names)].rename(columns=names)

"""Why each visit of a plan was chosen: a short structured reason per visit, put in words by
``geo.present.plan_explain.reason_text``."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from geo.columns import (
    ALAT_KEC, DARATAN, DAY, JAM_AKSES, JAM_TEMPUH, JENIS, KECAMATAN, KODE_DESA, KODE_KEC, LOKASI_TERDEKAT, RUSAK_SEJAK,
    SUDAH_DESA, UNIT, URUTAN, WAJIB_DESA, ZONA_KEC,
)
from geo.plan.after import step_visits
from geo.plan.common import SCHOOL
from geo.plan.model import Plan
from geo.plan.travel import Travel
from geo.schema import Col, Zone


_ZONES = [z.value for z in Zone]  # lowest first


def _number(value) -> float | None:
    value = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(value) else float(value)


def _names(plan: Plan) -> dict[tuple[str, str], str]:
    """(level, code) → name of the desa and kecamatan of the plan's sites."""
    sites = plan.sites
    names = {("kecamatan", k): n for k, n in zip(sites[KODE_KEC], sites[KECAMATAN])}
    names.update({("desa", k): n for k, n, j in zip(sites[KODE_DESA], sites[Col.NAMA], sites[JENIS]) if j != SCHOOL})
    return names


def _visit_steps(plan: Plan) -> list[dict[tuple[str, str], tuple[str, str | None]]]:
    """Per row of ``plan.visits``: {(level, kode): (zone, completed on)} of the zone step each of its
    areas makes with this visit: the highest step this visit completes (completed on: None), else the
    next step that the plan's later visits complete (completed on: that visit's ISO date). An area
    whose steps were all completed before this visit has none (``geo.plan.after.step_visits``)."""
    done = step_visits(plan)
    visits = plan.visits.reset_index(drop=True)
    order = {row: rank for rank, row in enumerate(visits.sort_values([Col.TANGGAL, UNIT, URUTAN],
                                                                     kind="stable").index)}
    by_area: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for step, row in done.items():
        by_area.setdefault((step.level, step.kode), []).append((order[row], step.to))
    dates = visits[Col.TANGGAL].to_numpy()
    by_rank = {rank: row for row, rank in order.items()}
    sites = plan.sites.set_index(Col.KODE)
    out = []
    for row, kode in enumerate(visits[Col.KODE]):
        site, rank, mine = sites.loc[kode], order[row], {}
        for area in (("desa", str(site[KODE_DESA])), ("kecamatan", str(site[KODE_KEC]))):
            steps = by_area.get(area, [])
            now = [to for r, to in steps if r == rank]
            later = sorted((r, _ZONES.index(to), to) for r, to in steps if r > rank)
            if now:
                mine[area] = (max(now, key=_ZONES.index), None)
            elif later:
                mine[area] = (later[0][2], str(dates[by_rank[later[0][0]]]))
        out.append(mine)
    return out


def visit_reasons(plan: Plan) -> list[dict]:
    """One reason per row of ``plan.visits``, as a dict:

    ``langkah``: the zone steps of the visit's desa and kecamatan that this visit helps make, each
    (tingkat, nama, zona reached, bersama): bersama None when this visit completes the step (with
    the plan's visits before it, in the order of date, unit and stop), else the ISO date of the later
    visit that completes it (``geo.plan.after.step_visits``); an area whose steps were completed
    before this visit is not there. ``zona``, ``cakupan`` (percent) and ``belum`` of the site's desa
    (belum: of the site), as the data has them before the plan; ``zona_kec`` and ``kecamatan``;
    ``jam_akses`` (hours to the nearest working fixed recording site; inf when none works, None when
    unknown), ``lokasi`` (its name) and ``mudah`` (within easy reach); ``alat`` and ``rusak_sejak``
    (the kecamatan office's devices); ``pulau`` (an island, reached by boat) with ``jam_tempuh``
    (hours from the base); ``sekolah``; ``tetap`` (a fixed visit kept by the optimiser); ``singgah``
    (a stop after the day's first).
    """
    travel = Travel.from_dict(plan.params.get("travel"))
    sites = plan.sites.set_index(Col.KODE)
    names = _names(plan)
    fixed = {(int(u), int(d), str(k)) for u, d, k in plan.params.get("fixed", [])}
    out = []
    for visit, steps in zip(plan.visits.to_dict("records"), _visit_steps(plan)):
        site = sites.loc[visit[Col.KODE]]
        made = [(level, names.get((level, kode), kode), to, on) for (level, kode), (to, on) in steps.items()]
        wajib, sudah = _number(site[WAJIB_DESA]), _number(site[SUDAH_DESA])
        hours = _number(site[JAM_AKSES])
        out.append({
            "langkah": made, "zona": site[Col.ZONA], "cakupan": 100 * sudah / wajib if wajib and sudah is not None
            else None, "belum": int(site[Col.BELUM]), "zona_kec": site[ZONA_KEC], "kecamatan": site[KECAMATAN],
            "jam_akses": hours, "lokasi": site[LOKASI_TERDEKAT],
            "mudah": hours is not None and math.isfinite(hours) and hours <= travel.easy_reach_h,
            "alat": site[ALAT_KEC], "rusak_sejak": site[RUSAK_SEJAK], "pulau": int(site[DARATAN]) > 0,
            "jam_tempuh": _number(site[JAM_TEMPUH]), "sekolah": site[JENIS] == SCHOOL,
            "tetap": (int(visit[UNIT]), int(visit[DAY]), visit[Col.KODE]) in fixed,
            "singgah": int(visit[URUTAN]) > 1,
        })
    return out


def red_not_visited(plan: Plan) -> list[dict]:
    """Merah kecamatan among the plan's sites that it does not visit, each with why: kode, nama and
    alasan: ``jauh`` (with these settings no site there can be visited: beyond a day's trip, or an
    island whose shortest stay does not fit in the plan's days) or ``tidak_dipilih`` (the visits
    made elsewhere are worth more on the plan's objective); ``jam_akses``: how far its unrecorded
    people live from a working fixed recording site (hours, the desa's averaged over their
    unrecorded people; None when not known for every desa) and ``lokasi``: the site nearest to
    most of them."""
    from geo.plan.milp import stays
    from geo.plan.setup import setting

    setup = setting(plan.sites, plan.params)
    shortest = {g: s.min_days for g, s in stays(setup.model, setup.travel).items()}
    sites, visited = setup.sites, set(plan.visits[Col.KODE])
    out = []
    for kode, rows in sites[sites[ZONA_KEC] == "merah"].groupby(KODE_KEC, sort=True):
        if visited & set(rows[Col.KODE]):
            continue
        reachable = [i for i in rows.index if setup.model.slots[i]
                     and shortest.get(int(setup.model.group[i]), 1) <= plan.params["days"]]
        out.append({"kode": kode, "nama": rows[KECAMATAN].iloc[0], "alasan": "tidak_dipilih" if reachable else "jauh",
                    **_access(rows[rows[JENIS] != SCHOOL])})
    return out


def _access(desa: pd.DataFrame) -> dict:
    """``jam_akses`` and ``lokasi`` of ``red_not_visited`` for a kecamatan's desa sites."""
    hours = pd.to_numeric(desa[JAM_AKSES], errors="coerce").to_numpy(float)
    people = desa[Col.BELUM].to_numpy(float)
    if not len(desa) or not np.isfinite(hours).all() or people.sum() <= 0:
        return {"jam_akses": None, "lokasi": None}
    nearest = pd.Series(people, index=desa[LOKASI_TERDEKAT].to_numpy()).groupby(level=0, sort=False).sum()
    return {"jam_akses": float(np.average(hours, weights=people)), "lokasi": str(nearest.idxmax())}

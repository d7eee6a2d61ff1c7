"""Plans in the store: saved under a name with their visits, and the people actually recorded per visit."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
from sqlalchemy import delete, insert, select

from geo.columns import ACTUAL, DAY, EXPECTED, SELISIH, UNIT, URUTAN
from geo.ingest.rights import refuse_outside
from geo.plan.common import SITE_COLUMNS, VISIT_COLUMNS, PlanError
from geo.plan.model import Plan, finish, plan_dates
from geo.plan.setup import prepare_sites, schedule_of, setting
from geo.schema import Col
from geo.store import Store, now
from geo.store.tables import actuals_table, plans_table, visits_table


_STOPS, _BASELINES = "_kunjungan", "_pembanding"  # saved with the parameters, taken off again on loading


def unit_days(visits: pd.DataFrame) -> pd.DataFrame:
    """A plan's visits with one row per unit-day (VISIT_COLUMNS): a day of several stops lists its
    codes and names joined with " + " and the sum of what they record."""
    if not visits.duplicated([UNIT, DAY]).any():
        return visits.reset_index(drop=True)
    how = {c: (c, "first") for c in VISIT_COLUMNS if c not in (UNIT, DAY)}
    how.update({c: (c, lambda v: " + ".join(map(str, v))) for c in (Col.KODE, Col.NAMA)})
    how[EXPECTED] = (EXPECTED, "sum")
    days = visits.sort_values([UNIT, DAY, URUTAN]).groupby([UNIT, DAY], sort=True).agg(**how)
    return days.reset_index()[VISIT_COLUMNS]


def _plan_row(conn, name: str):
    row = conn.execute(select(plans_table).where(plans_table.c.name == name)).mappings().first()
    if row is None:
        raise PlanError("rencana_tidak_ada", nama=name)
    return row


def _clear_name(conn, name: str, overwrite: bool) -> None:
    """Delete the plan saved as ``name`` and its visits, if any: refused without ``overwrite`` and while it
    has actual figures."""
    old = conn.execute(select(plans_table.c.id).where(plans_table.c.name == name)).scalar()
    if old is None:
        return
    if not overwrite:
        raise PlanError("rencana_nama_dipakai", nama=name)
    if conn.execute(select(actuals_table.c.plan_id).where(actuals_table.c.plan_id == old)).first():
        raise PlanError("rencana_ada_realisasi", nama=name)
    conn.execute(delete(visits_table).where(visits_table.c.plan_id == old))
    conn.execute(delete(plans_table).where(plans_table.c.id == old))


def _saved_area(store: Store, name: str) -> list[str | None]:
    """The area of the plan saved as ``name`` (a list of one), or an empty list when there is none."""
    with store.engine.connect() as conn:
        return list(conn.execute(select(plans_table.c.within).where(plans_table.c.name == name)).scalars())


def save_plan(store: Store, plan: Plan, name: str, *, within: str | None = None, data_date: str | None = None,
              user: str = "cli", overwrite: bool = False, writer_area: str | None = None) -> int:
    """Store ``plan`` under ``name`` in one transaction; returns its id.

    The store keeps one row per unit-day (its first stop, the day's expected recordings); every
    stop of the plan and the baselines' figures go into the saved parameters, so that ``load_plan``
    gives the same plan back. An existing plan of that name is replaced only with ``overwrite`` and
    only while it has no actual figures. Raises PlanError (empty or taken name, actuals), OutsideArea
    when ``within`` or the area of the plan it would replace lies outside ``writer_area`` (None:
    everywhere), or StoreError.
    """
    name = (name or "").strip()
    if not name:
        raise PlanError("rencana_nama_kosong")
    if writer_area is not None:
        refuse_outside(store, writer_area, [within, *(_saved_area(store, name) if overwrite else [])])
    sites = json.loads(plan.sites.to_json(orient="records", force_ascii=False))
    stops = [[int(u), int(d), int(k), str(c)] for u, d, k, c in
             plan.visits[[UNIT, DAY, URUTAN, Col.KODE]].itertuples(index=False, name=None)]
    params = {**plan.params, _STOPS: stops, _BASELINES: plan.baselines}
    with store.transaction() as conn:
        _clear_name(conn, name, overwrite)
        plan_id = conn.execute(insert(plans_table).values(
            name=name, within=within, data_date=data_date, created_at=now(), user=user,
            params=json.dumps(params), base=json.dumps(plan.base, default=str) if plan.base else None,
            sites=json.dumps(sites, ensure_ascii=False), total=int(plan.total), objective=float(plan.objective),
            turned_green=int(plan.turned_green), status=plan.status, gap=plan.gap,
            greedy_total=int(plan.greedy_total), greedy_objective=float(plan.greedy_objective),
            solve_seconds=float(plan.solve_seconds),
        )).inserted_primary_key[0]
        days = plan.visits.groupby([UNIT, DAY], sort=True).agg(
            tanggal=(Col.TANGGAL, "first"), kode=(Col.KODE, "first"), expected=(EXPECTED, "sum")).reset_index()
        rows = [{"plan_id": plan_id, UNIT: int(v[UNIT]), DAY: int(v[DAY]), Col.TANGGAL: v["tanggal"],
                 Col.KODE: v["kode"], EXPECTED: int(v["expected"])} for v in days.to_dict("records")]
        if rows:
            conn.execute(insert(visits_table), rows)
    return int(plan_id)


def list_plans(store: Store, within: str | None = None) -> pd.DataFrame:
    """Saved plans of ``within`` (and its sub-areas), newest first: name, within, data_date, created_at,
    user, total, status."""
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
    records = pd.DataFrame(json.loads(row["sites"]))
    sites = prepare_sites(records.reindex(columns=[c for c in SITE_COLUMNS if c in records]))
    params = json.loads(row["params"])
    stops, baselines = params.pop(_STOPS, None), params.pop(_BASELINES, {})
    if "dates" not in params:  # saved before holidays were known: Monday–Friday (or every day) as then
        params["dates"] = plan_dates(date.fromisoformat(params["start"]), params["days"], params["weekends"],
                                     holidays=False)
    if stops is None:  # saved before days had several stops: one visit per stored unit-day
        stops = [[int(u), int(d), 1, k] for u, d, k in zip(stored[UNIT], stored[DAY], stored[Col.KODE])]
    setup = setting(sites, params)
    schedule = schedule_of(pd.DataFrame(stops, columns=[UNIT, DAY, URUTAN, Col.KODE]), setup.index())
    plan = finish(schedule, setup, params, status=row["status"], gap=row["gap"], seconds=float(row["solve_seconds"]),
                  base=json.loads(row["base"]) if row["base"] else None, baselines=baselines, name=name)
    plan.greedy_total, plan.greedy_objective = int(row["greedy_total"]), float(row["greedy_objective"])
    return plan


def _actual_rows(actuals_df: pd.DataFrame) -> tuple[list[dict], list[tuple[int, int]]]:
    """(figures to store as unit/day/actual rows, (unit, day) of figures to clear) from ``actuals_df``."""
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
    return rows, clear


def record_actuals(store: Store, plan_name: str, actuals_df: pd.DataFrame, *, user: str = "cli",
                   writer_area: str | None = None) -> int:
    """Store the people actually recorded per visit (columns unit, day, actual) in one transaction.

    A row with an empty ``actual`` clears that visit's figure. Returns the number of figures stored.
    Raises PlanError for an unknown plan or visit, or a figure that is not a whole number ≥ 0;
    OutsideArea when the plan's area lies outside ``writer_area`` (None: everywhere).
    """
    rows, clear = _actual_rows(actuals_df)
    if writer_area is not None:
        refuse_outside(store, writer_area, _saved_area(store, plan_name))
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
    visits = unit_days(plan.visits)
    with store.engine.connect() as conn:
        plan_id = _plan_row(conn, plan_name)["id"]
        got = pd.DataFrame(conn.execute(select(actuals_table.c[UNIT], actuals_table.c[DAY], actuals_table.c[ACTUAL])
                                        .where(actuals_table.c.plan_id == plan_id)).mappings().all(),
                           columns=[UNIT, DAY, ACTUAL])
    out = visits.merge(got.astype(int), on=[UNIT, DAY], how="left", validate="one_to_one")
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

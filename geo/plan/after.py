"""Coverage now and expected after a plan, per area, and the visit at which each zone step is made."""
from __future__ import annotations

import pandas as pd

from geo.columns import EXPECTED, KODE_DESA, UNIT, URUTAN
from geo.coverage import add_coverage, coverage_table
from geo.plan.model import Plan
from geo.plan.objective import Step
from geo.schema import Col, Level, Zone, ZoneConfig, ancestor_code
from geo.store import Store


def coverage_after(store: Store, within: str, plan: Plan, date: str | None = None, *,
                   level: Level | str = Level.KECAMATAN, zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """Coverage per area of ``level`` now and expected after the plan: ``after_plan`` of the store's
    ``coverage_table``."""
    level = Level(level)
    return after_plan(coverage_table(store, level, within=within, date=date, zones=zones), plan, level, zones)


def after_plan(now: pd.DataFrame, plan: Plan, level: Level | str, zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """``now`` (a ``coverage_table`` of ``level``) with what the plan adds.

    Each visit's expected recordings are added to Col.SUDAH of the desa it counts in (kode_desa),
    then summed up to ``level``; Col.WAJIB is unchanged. Returns Col.KODE, Col.NAMA, Col.WAJIB,
    Col.SUDAH, Col.CAKUPAN, Col.ZONA (now), tambahan, sudah_setelah, cakupan_setelah (percent) and
    zona_setelah (zones by ``zones``).
    """
    level = Level(level)
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


def zones_before_after(store: Store, within: str, plan: Plan, date: str | None = None, *,
                       zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """How many kecamatan and desa are in each zone now and after the plan (``zone_changes`` of the
    kecamatan's and the desa's ``coverage_after``)."""
    return zone_changes({level: coverage_after(store, within, plan, date, level=level, zones=zones)
                         for level in (Level.KECAMATAN, Level.DESA)})


def zone_changes(after: dict[Level, pd.DataFrame]) -> pd.DataFrame:
    """From ``after_plan`` tables by level: tingkat (kecamatan, desa), Col.ZONA (merah, kuning,
    hijau), sekarang, setelah, and berubah (areas of that level whose zone changes, on every row of
    the level). Areas without data are left out."""
    rows = []
    for level, table in after.items():
        table = table[table[Col.ZONA].notna()]
        changed = int((table[Col.ZONA] != table["zona_setelah"]).sum())
        for zone in (Zone.MERAH, Zone.KUNING, Zone.HIJAU):
            rows.append({"tingkat": Level(level).value, Col.ZONA: zone.value,
                         "sekarang": int((table[Col.ZONA] == zone.value).sum()),
                         "setelah": int((table["zona_setelah"] == zone.value).sum()), "berubah": changed})
    return pd.DataFrame(rows)


def step_visits(plan: Plan) -> dict[Step, int]:
    """The visit that completes each zone step of the plan (``plan.reached``): its row position in
    ``plan.visits``.

    As in ``after_plan``, each visit adds its expected recordings (EXPECTED) to the sudah of the area
    it counts in; here they are added one visit at a time in the plan's order (Col.TANGGAL, then
    UNIT, then URUTAN, the order the plan was played in), and a step is completed by the first visit
    at which the visits so far to its sites (``Step.members``) reach ``Step.need``, i.e. the area's
    sudah reaches the step's zone threshold (the plan's ``params["zones"]``, percent) of its wajib.
    A step that the visits do not reach (none, as the plan was played from them) is left out.
    """
    visits = plan.visits.reset_index(drop=True)
    if visits.empty or not plan.reached:
        return {}
    visits = visits.sort_values([Col.TANGGAL, UNIT, URUTAN], kind="stable")
    codes = plan.sites[Col.KODE].to_numpy()
    out = {}
    for step in plan.reached:
        mine = visits[visits[Col.KODE].isin(set(codes[list(step.members)]))]
        done = mine.index[(mine[EXPECTED].cumsum() >= step.need).to_numpy()]
        if len(done):
            out[step] = int(done[0])
    return out

"""From sites and a plan's parameters to what the planner works with (the value model, the legs,
the travel parameters), and from a schedule back to a frame of visits."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import config
from geo.columns import (
    ALAT_KEC, DARATAN, DAY, EXPECTED, FAKTOR_JALAN, JAM_AKSES, JAM_TEMPUH, JARAK, JENIS, KECAMATAN, KODE_DESA,
    KODE_KEC, LAT, LOKASI_TERDEKAT, LON, PERLU_HIJAU, RUSAK_SEJAK, SUDAH_DESA, SUDAH_KEC, UNIT, URUTAN, WAJIB_DESA,
    WAJIB_KEC, ZONA_KEC,
)
from geo.plan.common import SITE_COLUMNS, VISIT_COLUMNS, PlanError
from geo.plan.objective import ValueModel, value_model
from geo.plan.routes import Legs, Schedule, play
from geo.plan.travel import Travel
from geo.schema import Col, Level, ZoneConfig, ancestor_code

_DEFAULTS = {JENIS: "desa", KODE_DESA: None, KECAMATAN: "", LAT: np.nan, LON: np.nan, JARAK: np.nan,
             Col.WAJIB: pd.NA, Col.SUDAH: pd.NA, Col.ZONA: None, PERLU_HIJAU: pd.NA, KODE_KEC: None, ZONA_KEC: None,
             WAJIB_DESA: pd.NA, SUDAH_DESA: pd.NA, WAJIB_KEC: pd.NA, SUDAH_KEC: pd.NA, DARATAN: 0,
             JAM_TEMPUH: np.nan, FAKTOR_JALAN: np.nan, JAM_AKSES: np.nan, LOKASI_TERDEKAT: None, ALAT_KEC: None,
             RUSAK_SEJAK: None}


def _kecamatan_of(kode) -> str | None:
    kode = str(kode)
    return ancestor_code(kode, Level.KECAMATAN) if kode.count(".") >= 3 else None


def prepare_sites(sites: pd.DataFrame) -> pd.DataFrame:
    """``sites`` as SITE_COLUMNS: missing optional columns filled (kode_desa defaults to Col.KODE, the
    desa counts to Col.WAJIB/Col.SUDAH, the kecamatan code to the desa's, land group 0), Col.BELUM a
    whole number ≥ 0. Raises PlanError when Col.KODE, Col.NAMA or Col.BELUM is missing."""
    required = [Col.KODE, Col.NAMA, Col.BELUM]
    for col in required:
        if col not in sites:
            raise PlanError("rencana_kolom_hilang", kolom=col, wajib=", ".join(required))
    out = sites.copy().reset_index(drop=True)
    for col, value in _DEFAULTS.items():
        if col not in out:
            out[col] = value
    out[Col.KODE] = out[Col.KODE].astype(str)
    out[KODE_DESA] = out[KODE_DESA].where(out[KODE_DESA].notna(), out[Col.KODE])
    out[KODE_KEC] = out[KODE_KEC].where(out[KODE_KEC].notna(), out[KODE_DESA].map(_kecamatan_of))
    for counts, own in ((WAJIB_DESA, Col.WAJIB), (SUDAH_DESA, Col.SUDAH)):
        out[counts] = pd.array(out[counts].where(out[counts].notna(), out[own]), dtype="Int64")
    for col in (Col.WAJIB, Col.SUDAH, PERLU_HIJAU, WAJIB_KEC, SUDAH_KEC):
        out[col] = pd.array(pd.to_numeric(out[col], errors="coerce"), dtype="Int64")
    out[Col.BELUM] = pd.to_numeric(out[Col.BELUM], errors="coerce").fillna(0).clip(lower=0).astype(int)
    out[DARATAN] = pd.to_numeric(out[DARATAN], errors="coerce").fillna(0).astype(int)
    for col in (JARAK, JAM_TEMPUH, FAKTOR_JALAN, JAM_AKSES, LAT, LON):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    return out[SITE_COLUMNS]


@dataclass(frozen=True)
class Setting:
    """A plan's working parts: its sites, value model, legs and travel parameters."""

    sites: pd.DataFrame
    model: ValueModel
    legs: Legs
    travel: Travel
    response: float

    def index(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.sites[Col.KODE])}


def setting(sites: pd.DataFrame, params: dict) -> Setting:
    """The Setting of prepared ``sites`` under a plan's ``params`` (see ``plan_visits``). A site
    without travel hours from the base gets its straight-line distance by road (0 when unknown)."""
    travel = Travel.from_dict(params.get("travel"))
    sites = sites.copy()
    missing = sites[JAM_TEMPUH].isna()
    sites.loc[missing, JAM_TEMPUH] = np.nan_to_num(travel.road_hours(sites.loc[missing, JARAK].to_numpy(float)))
    zones = ZoneConfig(**params["zones"]) if params.get("zones") else ZoneConfig()
    model = value_model(sites, objective=params.get("objective", "terbanyak"), capacity=params["capacity"],
                        response=params["response"], days=params["days"], travel=travel, zones=zones,
                        school_weight=params.get("school_weight", config.PLAN_SCHOOL_WEIGHT),
                        step_per_1000=params.get("step_per_1000", config.PLAN_STEP_PER_1000),
                        red_factor=params.get("red_factor", config.PLAN_RED_FACTOR))
    return Setting(sites, model, Legs(sites, model, travel), travel, params["response"])


def visits_frame(schedule: Schedule, setup: Setting, params: dict) -> pd.DataFrame:
    """VISIT_COLUMNS rows of a schedule {(unit, day): [site index, …]}, sorted by unit, day and stop,
    each with what it records when the schedule is played in calendar order (``routes.play``)."""
    dates = params["dates"]
    rows = []
    sites = setup.sites
    for unit, day, stop, i, got, _ in play(schedule, setup.legs, setup.model, setup.travel, setup.response)[0]:
        site = sites.iloc[i]
        rows.append({UNIT: unit, DAY: day, URUTAN: stop, Col.TANGGAL: dates[day - 1],
                     Col.KODE: site[Col.KODE], Col.NAMA: site[Col.NAMA], JENIS: site[JENIS],
                     KODE_DESA: site[KODE_DESA], KECAMATAN: site[KECAMATAN], JARAK: site[JARAK], EXPECTED: got})
    frame = pd.DataFrame(rows, columns=VISIT_COLUMNS)
    frame[[UNIT, DAY, URUTAN, EXPECTED]] = frame[[UNIT, DAY, URUTAN, EXPECTED]].astype(int)
    return frame.sort_values([UNIT, DAY, URUTAN], ignore_index=True)


def schedule_of(visits: pd.DataFrame, index: dict[str, int]) -> Schedule:
    """The schedule {(unit, day): [site index, …]} of a visits frame (stops in URUTAN order)."""
    out: Schedule = {}
    ordered = visits.sort_values([UNIT, DAY, URUTAN]) if URUTAN in visits else visits
    for unit, day, kode in zip(ordered[UNIT], ordered[DAY], ordered[Col.KODE]):
        out.setdefault((int(unit), int(day)), []).append(index[kode])
    return out

"""What every part of the planner shares: its error, the columns of its frames and the yield rule
(its working days are ``geo.workdays``)."""
from __future__ import annotations

import math

from geo.columns import (
    ALAT_KEC, DARATAN, DAY, EXPECTED, FAKTOR_JALAN, JAM_AKSES, JAM_TEMPUH, JARAK, JENIS, KECAMATAN, KODE_DESA,
    KODE_KEC, LAT, LOKASI_TERDEKAT, LON, PERLU_HIJAU, RUSAK_SEJAK, SUDAH_DESA, SUDAH_KEC, UNIT, URUTAN, WAJIB_DESA,
    WAJIB_KEC, ZONA_KEC,
)
from geo.config import PLAN_OBJECTIVES
from geo.schema import Col, RekamError


class PlanError(RekamError):
    """Bad planner input or a plan that cannot be edited, saved or found as asked."""


# Column names of the planner's frames (data columns stay Indonesian, as everywhere).
SITE_COLUMNS = [Col.KODE, Col.NAMA, JENIS, KODE_DESA, KECAMATAN, LAT, LON, JARAK, Col.BELUM, Col.WAJIB, Col.SUDAH,
                Col.ZONA, PERLU_HIJAU, KODE_KEC, ZONA_KEC, WAJIB_DESA, SUDAH_DESA, WAJIB_KEC, SUDAH_KEC, DARATAN,
                JAM_TEMPUH, FAKTOR_JALAN, JAM_AKSES, LOKASI_TERDEKAT, ALAT_KEC, RUSAK_SEJAK]
VISIT_COLUMNS = [UNIT, DAY, URUTAN, Col.TANGGAL, Col.KODE, Col.NAMA, JENIS, KODE_DESA, KECAMATAN, JARAK, EXPECTED]

SCHOOL = "sekolah"
# What the office wants, default first (geo.plan.objective says each one exactly).
OBJECTIVES = PLAN_OBJECTIVES
# The plan's own optimum, the time limit's best, a baseline kept because it scored higher, edited by hand.
STATUSES = ("optimal", "time_limit", "greedy", "edited")


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

"""Recording capacity: devices, operators and backlog days per kecamatan, and where new devices go.

Where is recording stuck, and where should the next devices (or operators) go?

**Capacity of a kecamatan at a date.** A recording device counts when it is a recording device
(``statis`` or ``mobile``; a ``cetak`` printer prints cards, it does not record) and its status
on that date is ``aktif``. A device whose status turns ``rusak`` on day d drops out of capacity
from d itself. A device runs only with someone to run it, so the devices that work are
``alat_efektif = min(alat_aktif, operator)`` (``alat_aktif`` when operators are unknown). At
``laju_per_alat`` recordings per device per service day (default 35: "one site records 30–40
people a day"), ``hari_backlog = belum_rekam / (laju_per_alat × alat_efektif)`` service days;
infinite when the kecamatan has devices but none works (the backlog never clears), <NA> when the
inventory knows no site in it or it has no figures. A site counts for the kecamatan its point
(``store.points("lokasi")``) lies in, including a mobile unit where it stands now, and a
kecamatan's operators can run any of its devices.

**Allocation.** ``allocate_devices`` gives new devices (or operators) one at a time to the
kecamatan with the longest backlog. For minimising the longest backlog this greedy rule is
optimal whenever an area's backlog days never rise when it gets one more unit (proof in its
docstring; ``tests/geo/test_capacity.py`` checks it against brute force).

The inventory is read by ``geo.io.inventory`` and stored by ``geo.ingest.capacity``; the card
pipeline and the blank-card stock are ``geo.cards``; words for people are ``geo.present.capacity``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date as date_type

import numpy as np
import pandas as pd

from geo.columns import (
    ALAT_AKTIF, ALAT_EFEKTIF, ALAT_ID, ALAT_MOBILE_AKTIF, ALAT_TOTAL, BATAS_HARI, BELUM_PER_ALAT, CAPACITY_COLUMNS,
    DATA_ALAT, HARI, HARI_BACKLOG, HARI_HIJAU, HARI_SEBELUM, HARI_SESUDAH, HARI_SETELAH_PINJAM, HARI_TANPA_ALAT,
    JENIS, KAPASITAS, KETERANGAN, KODE_KEC, KONEKSI, LAJU_PER_ALAT, LOKASI_ID, LOKASI_LUMPUH, MAKS_SEBELUM,
    MAKS_SESUDAH, NAMA_KEC, NAMA_LOKASI, OPERATOR, OPERATOR_BARU, SEJAK, STATUS, TAMBAHAN, TANGGAL_MULAI,
    TANPA_ALAT_SEJAK, TUJUAN_HARI_SESUDAH, TUJUAN_KODE, TUJUAN_NAMA, URUTAN,
)
from geo.config import DEFAULT_THROUGHPUT
from geo.coverage import coverage_table, people_to_reach
from geo.io.inventory import KONEKSI_VALUES, read_choice
from geo.names import normalize_code
from geo.schema import ALLOCATION_UNITS, Col, Level, RekamError, Zone, ZoneConfig, ancestor_code
from geo.store import Store
from geo.store.tables import alat_table, lokasi_table
from geo.workdays import count_working_days

RECORDING_KINDS = ("statis", "mobile")  # a ``cetak`` printer prints cards, it does not record
KONEKSI_RANK = {"online": 0, "tidak_stabil": 1, "offline": 2}  # worse is higher
DOWN = ("rusak", "perbaikan")


# --- input checks ----------------------------------------------------------------------------
def check_code(kode) -> str:
    """A dotted Kemendagri code; raises RekamError('kap_kode_salah')."""
    code = normalize_code(kode)
    if code is None:
        raise RekamError("kap_kode_salah", kode=kode)
    return code


def check_throughput(value) -> float:
    """Recordings per device per day, > 0; raises RekamError('kap_laju_salah')."""
    try:
        rate = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        raise RekamError("kap_laju_salah", nilai=value) from None
    if not math.isfinite(rate) or rate <= 0:
        raise RekamError("kap_laju_salah", nilai=value)
    return rate


# --- state at a date -------------------------------------------------------------------------
def _as_of(date: str | None, store: Store, within: str | None) -> str:
    """The reference day: ``date``, else the newest snapshot, else today."""
    if date:
        return date
    dates = store.snapshot_dates(within)
    return dates[-1] if dates else date_type.today().isoformat()


def _sites(store: Store, within: str | None) -> pd.DataFrame:
    points = store.points("lokasi", within=within)
    return pd.DataFrame({
        LOKASI_ID: points["id"].astype(str).to_numpy(),
        NAMA_LOKASI: points[Col.NAMA].to_numpy(),
        Col.KODE: points[Col.KODE].to_numpy(),
        KODE_KEC: [ancestor_code(k, Level.KECAMATAN) if k.count(".") >= 2 else None for k in points[Col.KODE]],
        "_koneksi_titik": [read_choice(a.get(KONEKSI), KONEKSI_VALUES) for a in points["atribut"]],
    })


def device_status(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Every device's state at ``date`` (default: the newest snapshot), at sites in ``within``.

    Returns ALAT_ID, LOKASI_ID, NAMA_LOKASI, Col.KODE (the site's area), KODE_KEC, JENIS,
    STATUS, SEJAK (first day of the current working or not-working spell: ``rusak`` then
    ``perbaikan`` is one spell), HARI (days from SEJAK to ``date``), KETERANGAN (of the
    newest row). Devices not yet in service on ``date`` or written off are left out.
    """
    day = _as_of(date, store, within)
    rows = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    rows = rows[rows[TANGGAL_MULAI] <= day].sort_values([ALAT_ID, TANGGAL_MULAI], ignore_index=True)
    cols = [ALAT_ID, LOKASI_ID, NAMA_LOKASI, Col.KODE, KODE_KEC, JENIS, STATUS, SEJAK, HARI, KETERANGAN]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows[JENIS] = rows.groupby(ALAT_ID)[JENIS].ffill()
    working = rows[STATUS].eq("aktif")
    spell = (working != working.groupby(rows[ALAT_ID]).shift()).astype(int).groupby(rows[ALAT_ID]).cumsum()
    rows["_spell"] = spell
    last = rows.groupby(ALAT_ID).tail(1).set_index(ALAT_ID)
    starts = rows.groupby([ALAT_ID, "_spell"])[TANGGAL_MULAI].min()
    last[SEJAK] = [starts[(a, s)] for a, s in zip(last.index, last["_spell"])]
    last[HARI] = [(date_type.fromisoformat(day) - date_type.fromisoformat(s)).days for s in last[SEJAK]]
    out = last.reset_index().merge(_sites(store, within), on=LOKASI_ID, how="inner", validate="many_to_one")
    out = out[out[STATUS] != "dihapus"]
    return out[cols].sort_values([LOKASI_ID, ALAT_ID], ignore_index=True)


def mobile_units(store: Store, within: str, *, date: str | None = None) -> pd.DataFrame:
    """The mobile recording sets (``jenis`` mobile) of ``within``'s inventory and their state at ``date``
    (``device_status`` rows, working ones first): a jemput bola plan can send out the working ones."""
    devices = device_status(store, within=check_code(within), date=date)
    mobile = devices[devices[JENIS] == "mobile"]
    return mobile.sort_values([STATUS, ALAT_ID], key=lambda c: c.ne("aktif") if c.name == STATUS else c,
                              ignore_index=True)


def worst_connection(sites: pd.DataFrame) -> pd.Series:
    """The worst connection (``KONEKSI_RANK``) among each kecamatan's sites (``site_status``), by KODE_KEC."""
    worst = sites.dropna(subset=[KONEKSI]).assign(_r=lambda f: f[KONEKSI].map(KONEKSI_RANK))
    return worst.sort_values("_r").groupby(KODE_KEC)[KONEKSI].last()


def offline_kecamatan(store: Store, within: str, *, date: str | None = None) -> set[str]:
    """Codes of the kecamatan in ``within`` whose sites record offline: their figures arrive late, so
    their not-yet-recorded may read higher than it is (the same rule as Kapasitas's KONEKSI)."""
    worst = worst_connection(site_status(store, within=within, date=date))
    return set(worst[worst == "offline"].index)


def site_status(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Every recording site in ``within`` at ``date``: LOKASI_ID, NAMA_LOKASI, Col.KODE, KODE_KEC,
    OPERATOR (Int64; <NA> when the inventory has no row for it yet) and KONEKSI (the sites
    layer's value when the inventory has none)."""
    day = _as_of(date, store, within)
    sites = _sites(store, within)
    rows = store.read_current(lokasi_table, [LOKASI_ID, TANGGAL_MULAI])
    rows = rows[rows[TANGGAL_MULAI] <= day].sort_values([LOKASI_ID, TANGGAL_MULAI])
    rows[[OPERATOR, KONEKSI]] = rows.groupby(LOKASI_ID)[[OPERATOR, KONEKSI]].ffill()
    last = rows.groupby(LOKASI_ID).tail(1).set_index(LOKASI_ID)
    out = sites.copy()
    out[OPERATOR] = out[LOKASI_ID].map(last[OPERATOR]).astype("Int64")
    stated = last[KONEKSI].dropna().to_dict()
    out[KONEKSI] = pd.Series([stated.get(i, t) for i, t in zip(out[LOKASI_ID], out["_koneksi_titik"])],
                             index=out.index, dtype=object)
    out["_di_inventaris"] = out[LOKASI_ID].isin(last.index)
    return out.drop(columns="_koneksi_titik")


# --- capacity --------------------------------------------------------------------------------
def _days(belum, effective, rate) -> float:
    """Service days to record ``belum`` with ``effective`` devices at ``rate`` each (inf without device)."""
    if belum is None or pd.isna(belum):
        return math.nan
    if belum <= 0:
        return 0.0
    return math.inf if effective <= 0 else float(belum) / (rate * effective)


def _effective(aktif: int, operator) -> int:
    return int(aktif) if operator is None or pd.isna(operator) else int(min(aktif, operator))


def capacity_table(store: Store, within: str, *, date: str | None = None,
                   throughput: float = DEFAULT_THROUGHPUT, zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """Recording capacity of every kecamatan in ``within`` at ``date`` (default: the newest snapshot).

    Returns CAPACITY_COLUMNS, one row per kecamatan (by code): device counts (recording
    devices only), OPERATOR (Int64, <NA> unknown), ALAT_EFEKTIF, KONEKSI (the worst of its
    sites), Col.BELUM (Int64, from the newest enrollment on or before ``date``),
    BELUM_PER_ALAT (belum per working device; inf with none), LAJU_PER_ALAT (= throughput),
    KAPASITAS (recordings per day), HARI_BACKLOG (service days; inf with no working device,
    NaN without figures or inventory), HARI_HIJAU (the same to the ``zones.hijau`` threshold),
    TANPA_ALAT_SEJAK / HARI_TANPA_ALAT (since when and for how many days every device has been down),
    DATA_ALAT, Col.ZONA (by ``zones``), Col.TANGGAL (of the figures).
    Raises RekamError for a bad code or throughput.
    """
    within = check_code(within)
    rate = check_throughput(throughput)
    day = _as_of(date, store, within)
    cov = coverage_table(store, Level.KECAMATAN, within=within, date=day, zones=zones)
    out = cov[[Col.KODE, Col.NAMA, Col.BELUM, Col.ZONA, Col.TANGGAL]].copy()
    to_green = [None if pd.isna(w) or pd.isna(s) else people_to_reach(w, s, zones.hijau)  # the target, not 100%
                for w, s in zip(cov[Col.WAJIB], cov[Col.SUDAH])]
    devices = device_status(store, within=within, date=day)
    devices = devices[devices[JENIS].isin(RECORDING_KINDS)]
    sites = site_status(store, within=within, date=day)
    known = set(sites.loc[sites["_di_inventaris"], KODE_KEC]) | set(devices[KODE_KEC])
    by_kec = devices.assign(_aktif=devices[STATUS].eq("aktif"),
                            _mobile=devices[STATUS].eq("aktif") & devices[JENIS].eq("mobile")).groupby(KODE_KEC)
    out[ALAT_TOTAL] = out[Col.KODE].map(by_kec.size()).fillna(0).astype(int)
    out[ALAT_AKTIF] = out[Col.KODE].map(by_kec["_aktif"].sum()).fillna(0).astype(int)
    out[ALAT_MOBILE_AKTIF] = out[Col.KODE].map(by_kec["_mobile"].sum()).fillna(0).astype(int)
    operators = sites.groupby(KODE_KEC)[OPERATOR].sum(min_count=1)
    out[OPERATOR] = out[Col.KODE].map(operators).astype("Int64")
    out[KONEKSI] = out[Col.KODE].map(worst_connection(sites))
    out[DATA_ALAT] = out[Col.KODE].isin(known)
    out[ALAT_EFEKTIF] = [_effective(a, o) for a, o in zip(out[ALAT_AKTIF], out[OPERATOR])]
    out[LAJU_PER_ALAT] = rate
    out[KAPASITAS] = rate * out[ALAT_EFEKTIF]
    belum = [None if pd.isna(b) else int(b) for b in out[Col.BELUM]]
    known_rows = out[DATA_ALAT].tolist()
    out[BELUM_PER_ALAT] = [_days(b, a, 1.0) if k else math.nan for b, a, k in zip(belum, out[ALAT_AKTIF], known_rows)]
    out[HARI_BACKLOG] = [_days(b, e, rate) if k else math.nan for b, e, k in zip(belum, out[ALAT_EFEKTIF], known_rows)]
    out[HARI_HIJAU] = [_days(g, e, rate) if k else math.nan for g, e, k in zip(to_green, out[ALAT_EFEKTIF], known_rows)]
    down_since = devices[devices[STATUS] != "aktif"].groupby(KODE_KEC)[SEJAK].max()
    none_working = (out[ALAT_TOTAL] > 0) & (out[ALAT_AKTIF] == 0)
    out[TANPA_ALAT_SEJAK] = pd.Series([down_since.get(k) if nw else None for k, nw in zip(out[Col.KODE], none_working)],
                                      index=out.index, dtype=object)
    out[HARI_TANPA_ALAT] = pd.array(
        [(date_type.fromisoformat(day) - date_type.fromisoformat(s)).days if isinstance(s, str) else None
         for s in out[TANPA_ALAT_SEJAK]], dtype="Int64")
    return out[CAPACITY_COLUMNS].sort_values(Col.KODE, ignore_index=True)


def sites_down(store: Store, within: str, *, date: str | None = None) -> pd.DataFrame:
    """Devices not working at ``date`` (``rusak`` or ``perbaikan``), the longest-down first.

    Returns ALAT_ID, LOKASI_ID, NAMA_LOKASI, KODE_KEC, NAMA_KEC, JENIS, STATUS, SEJAK,
    HARI (days down), KETERANGAN, LOKASI_LUMPUH (the site has no working recording device).
    """
    within = check_code(within)
    devices = device_status(store, within=within, date=date)
    names = store.areas(within=within, level=Level.KECAMATAN)
    recording = devices[devices[JENIS].isin(RECORDING_KINDS)]
    working_sites = set(recording.loc[recording[STATUS] == "aktif", LOKASI_ID])
    down = devices[devices[STATUS].isin(DOWN)].copy()
    down[NAMA_KEC] = down[KODE_KEC].map(dict(zip(names[Col.KODE], names[Col.NAMA])))
    down[LOKASI_LUMPUH] = ~down[LOKASI_ID].isin(working_sites)
    cols = [ALAT_ID, LOKASI_ID, NAMA_LOKASI, KODE_KEC, NAMA_KEC, JENIS, STATUS, SEJAK, HARI, KETERANGAN, LOKASI_LUMPUH]
    return down[cols].sort_values([HARI, ALAT_ID], ascending=[False, True], ignore_index=True)


def overall_backlog_days(table: pd.DataFrame) -> float:
    """Backlog days of all kecamatan together: summed belum / (rate × summed working devices).

    Counts are summed first (never an average of the areas' days); only kecamatan with
    figures and inventory count. inf when none of them has a working device; NaN when none counts.
    """
    have = table[table[DATA_ALAT] & table[Col.BELUM].notna()]
    if have.empty:
        return math.nan
    return _days(int(have[Col.BELUM].sum()), int(have[ALAT_EFEKTIF].sum()), float(have[LAJU_PER_ALAT].iloc[0]))


def capacity_summary(table: pd.DataFrame) -> dict:
    """Totals of ``capacity_table`` over its kecamatan: ALAT_TOTAL, ALAT_AKTIF, OPERATOR (None when
    unknown everywhere), Col.BELUM, HARI_BACKLOG (``overall_backlog_days``) and the longest backlog
    (``maks_hari``, with ``maks_kode`` / ``maks_nama``)."""
    have = table[table[DATA_ALAT] & table[HARI_BACKLOG].notna()]
    top = have.sort_values([HARI_BACKLOG, Col.BELUM], ascending=False).head(1)
    operators = table[OPERATOR].sum(min_count=1)
    return {ALAT_TOTAL: int(table[ALAT_TOTAL].sum()), ALAT_AKTIF: int(table[ALAT_AKTIF].sum()),
            OPERATOR: None if pd.isna(operators) else int(operators),
            Col.BELUM: int(table[Col.BELUM].sum()) if table[Col.BELUM].notna().any() else None,
            HARI_BACKLOG: overall_backlog_days(table),
            "maks_hari": float(top[HARI_BACKLOG].iloc[0]) if len(top) else math.nan,
            "maks_kode": top[Col.KODE].iloc[0] if len(top) else None,
            "maks_nama": top[Col.NAMA].iloc[0] if len(top) else None}



def working_days_left(start: str, deadline: str) -> int:
    """Working days from ``start`` through ``deadline``, both included (Monday–Friday without
    national holidays and joint leave days, ``geo.workdays``); 0 when the deadline is before ``start``."""
    return count_working_days(date_type.fromisoformat(start), date_type.fromisoformat(deadline))


def deadline_check(table: pd.DataFrame, days_left: float) -> dict:
    """Which kecamatan cannot clear their backlog within ``days_left`` service days.

    Takes ``capacity_table``'s frame; only kecamatan with inventory and figures are judged.
    Returns ``dinilai`` (how many were judged), ``melebihi`` (how many have HARI_BACKLOG above
    ``days_left``, those that cannot record at all included), ``hijau_lewat`` ((Col.KODE, Col.NAMA) of
    those whose devices cannot lift them to the hijau threshold within ``days_left``: HARI_HIJAU,
    the target the other pages judge by), ``melebihi_hijau`` (how many of
    those are already hijau: behind on recording everyone, not on the target), ``tanpa_alat`` (list of
    (Col.KODE, Col.NAMA) whose backlog is infinite: people wait and nothing records, by code),
    ``terlama_kode`` / ``terlama_nama`` / ``terlama_hari`` (the longest finite backlog, service
    days; None / NaN when there is none) and ``hari_tersedia`` (= ``days_left``).
    """
    have = table[table[DATA_ALAT] & table[HARI_BACKLOG].notna()].sort_values(Col.KODE)
    days = have[HARI_BACKLOG].astype(float)
    stuck = have[np.isinf(days)]
    finite = have[np.isfinite(days)].sort_values([HARI_BACKLOG, Col.BELUM], ascending=False).head(1)
    late = have.assign(_d=have[HARI_HIJAU].astype(float))  # to the hijau threshold, longest first
    late = late[late["_d"] > days_left].sort_values(["_d", Col.KODE], ascending=[False, True])
    return {"dinilai": int(len(have)), "melebihi": int((days > days_left).sum()),
            "hijau_lewat": list(zip(late[Col.KODE], late[Col.NAMA])),
            "melebihi_hijau": int(((days > days_left) & (have[Col.ZONA] == Zone.HIJAU.value)).sum()),
            "tanpa_alat": list(zip(stuck[Col.KODE], stuck[Col.NAMA])),
            "terlama_kode": finite[Col.KODE].iloc[0] if len(finite) else None,
            "terlama_nama": finite[Col.NAMA].iloc[0] if len(finite) else None,
            "terlama_hari": float(finite[HARI_BACKLOG].iloc[0]) if len(finite) else math.nan,
            "hari_tersedia": days_left}

@dataclass
class Allocation:
    """Where new units go. ``steps``: one row per unit (``urutan``, Col.KODE, Col.NAMA,
    ``hari_sebelum``, ``hari_sesudah`` of that kecamatan, ``operator_baru`` (1 when the new
    device also needs a new operator, 0 when an idle operator takes it, <NA> unknown),
    ``maks_sebelum``, ``maks_sesudah`` (the longest backlog of all before/after the unit)).
    ``areas``: the capacity table with ``tambahan`` (units received) and ``hari_sesudah``."""

    steps: pd.DataFrame
    areas: pd.DataFrame
    max_before: float
    max_after: float
    unused: int
    unit: str


def allocate_devices(table: pd.DataFrame, n: int, *, unit: str = "alat") -> Allocation:
    """Place ``n`` new devices (``unit='alat'``) or operators so that the longest backlog is smallest.

    Takes ``capacity_table``'s frame. Only kecamatan with inventory and figures take part.
    A new device raises a kecamatan's working devices by one (an idle operator runs it,
    else it comes with a new operator: ``operator_baru``). A new operator helps only where
    working devices stand idle for want of one; where no unit helps, it is not placed (``unused``).

    Rule: give each unit, in turn, to the kecamatan with the longest backlog that the unit
    shortens (ties: more belum rekam, then code). Why this is optimal for the longest
    backlog: let M* be the best achievable maximum with n units and r_i the fewest units
    that bring area i to M* or below (Σ r_i ≤ n, since the optimum does it). An area's days
    never rise with more units, and once a unit stops helping it no later one helps. While
    some area that units still help is above M*, the area chosen is above M*, so it has
    had fewer than r_i units; each such step uses one of the Σ r_i ≤ n, so within n
    steps every such area is at most M*; areas no unit helps are at their floor, which the
    optimum cannot beat either. Hence the greedy maximum is at most M*.
    """
    if unit not in ALLOCATION_UNITS:
        raise RekamError("kap_unit_salah", unit=unit)
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0:
        raise RekamError("kap_jumlah_salah", nilai=n)
    areas = table.copy().reset_index(drop=True)
    take = (areas[DATA_ALAT] & areas[Col.BELUM].notna()).to_numpy()
    belum = [int(b) if t else 0 for b, t in zip(areas[Col.BELUM].fillna(0), take)]
    aktif = [int(a) for a in areas[ALAT_AKTIF]]
    ops = [None if pd.isna(o) else int(o) for o in areas[OPERATOR]]
    rates = [float(r) for r in areas[LAJU_PER_ALAT]]
    added = [0] * len(areas)
    new_ops: list[int | None] = [0 if o is not None else None for o in ops]

    def days(i: int) -> float:
        return _days(belum[i], _effective(aktif[i], ops[i]), rates[i])

    def helps(i: int) -> bool:
        if not take[i] or belum[i] <= 0:
            return False
        return unit == "alat" or (ops[i] is not None and aktif[i] > ops[i])

    def longest() -> float:
        values = [days(i) for i in range(len(areas)) if take[i]]
        return max(values) if values else math.nan

    max_before = longest()
    steps = []
    for k in range(int(n)):
        candidates = [i for i in range(len(areas)) if helps(i)]
        if not candidates:
            break
        i = max(candidates, key=lambda j: (days(j), belum[j], [-ord(c) for c in areas.at[j, Col.KODE]]))
        before, top_before = days(i), longest()
        extra_operator = None
        if unit == "alat":
            if ops[i] is not None:
                extra_operator = 0 if ops[i] > aktif[i] else 1
                ops[i] += extra_operator
                new_ops[i] += extra_operator
            aktif[i] += 1
        else:
            ops[i] += 1
        added[i] += 1
        steps.append({URUTAN: k + 1, Col.KODE: areas.at[i, Col.KODE], Col.NAMA: areas.at[i, Col.NAMA],
                      HARI_SEBELUM: before, HARI_SESUDAH: days(i), OPERATOR_BARU: extra_operator,
                      MAKS_SEBELUM: top_before, MAKS_SESUDAH: longest()})
    step_cols = [URUTAN, Col.KODE, Col.NAMA, HARI_SEBELUM, HARI_SESUDAH, OPERATOR_BARU, MAKS_SEBELUM,
                 MAKS_SESUDAH]
    steps_frame = pd.DataFrame(steps, columns=step_cols)
    steps_frame[OPERATOR_BARU] = steps_frame[OPERATOR_BARU].astype("Int64")
    areas[TAMBAHAN] = added
    areas[OPERATOR_BARU] = pd.array(new_ops if unit == "alat" else [0] * len(areas), dtype="Int64")
    areas[HARI_SESUDAH] = [days(i) if take[i] else math.nan for i in range(len(areas))]
    return Allocation(steps_frame, areas, max_before, longest(), int(n) - len(steps), unit)


def lenders(table: pd.DataFrame) -> pd.DataFrame:
    """Kecamatan that can lend a working mobile set (device with its operator) for a while.

    A kecamatan can lend when it has a working mobile device, keeps at least one working
    device, and its backlog after lending stays at or below the kabupaten's overall
    backlog days (``overall_backlog_days``). The suggested borrower is the kecamatan with
    the longest backlog (other than the lender). Returns Col.KODE, Col.NAMA,
    ALAT_MOBILE_AKTIF, HARI_BACKLOG, ``hari_setelah_pinjam``, ``batas_hari``,
    ``tujuan_kode``, ``tujuan_nama``, ``tujuan_hari_sesudah``; lowest after-days first.
    """
    limit = overall_backlog_days(table)
    cols = [Col.KODE, Col.NAMA, ALAT_MOBILE_AKTIF, HARI_BACKLOG, HARI_SETELAH_PINJAM, BATAS_HARI, TUJUAN_KODE,
            TUJUAN_NAMA, TUJUAN_HARI_SESUDAH]
    rows = []
    for i, r in table.reset_index(drop=True).iterrows():
        if not (r[DATA_ALAT] and pd.notna(r[Col.BELUM]) and r[ALAT_MOBILE_AKTIF] >= 1):
            continue
        op = None if pd.isna(r[OPERATOR]) else max(int(r[OPERATOR]) - 1, 0)
        left = _effective(int(r[ALAT_AKTIF]) - 1, op)
        after = _days(int(r[Col.BELUM]), left, float(r[LAJU_PER_ALAT]))
        if left < 1 or not after <= limit:
            continue
        others = table.drop(index=table.index[i])
        plan = allocate_devices(others, 1)
        target = plan.steps.iloc[0] if len(plan.steps) else None
        rows.append({Col.KODE: r[Col.KODE], Col.NAMA: r[Col.NAMA], ALAT_MOBILE_AKTIF: int(r[ALAT_MOBILE_AKTIF]),
                     HARI_BACKLOG: r[HARI_BACKLOG], HARI_SETELAH_PINJAM: after, BATAS_HARI: limit,
                     TUJUAN_KODE: None if target is None else target[Col.KODE],
                     TUJUAN_NAMA: None if target is None else target[Col.NAMA],
                     TUJUAN_HARI_SESUDAH: math.nan if target is None else target[HARI_SESUDAH]})
    return pd.DataFrame(rows, columns=cols).sort_values(HARI_SETELAH_PINJAM, ignore_index=True)



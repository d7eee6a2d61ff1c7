"""Coverage (cakupan) and zones of areas summed up the hierarchy (the sums: ``geo.rollup``).

Counts are summed upward; percentages are always computed from the summed counts,
never averaged. ``cakupan`` is in percent and is never clipped: above 100 means a
stale denominator and is flagged in ``di_atas_100``.

Belum rekam is never negative: it is ``max(wajib − sudah, 0)`` in each finest area that has
data, and those are summed, so a desa recorded beyond its (stale) wajib KTP cannot hide the
backlog of its neighbours. What is recorded beyond wajib is summed apart (``kelebihan_rekam``),
with the number of such areas (``n_di_atas_100``).
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd

from geo.codes import official_name
from geo.columns import N_SUMBER, PER_TANGGAL, PROVINSI_NAMA
from geo.rollup import (SUMMED_EACH_DATE, aggregate, aggregate_each_date, country_sum, country_sums_at,
                        row_backlog)
from geo.schema import COUNT_COLUMNS, COUNTRY, Col, Level, ZoneConfig, ancestor_code, is_country, is_demo_code
from geo.store import Store
from geo.store.held import HeldArea, HeldLatest

def add_coverage(frame: pd.DataFrame, zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """Add Col.CAKUPAN (percent), Col.ZONA, Col.DI_ATAS_100 and, unless ``aggregate`` summed
    them already, Col.BELUM / Col.KELEBIHAN / Col.N_DI_ATAS_100 of each row (see the module).

    Takes Col.WAJIB and Col.SUDAH (nullable integers); rows without them get NaN
    coverage and no zone. A wajib of 0 gives no coverage (nothing to divide by).
    """
    out = frame.copy() if Col.KELEBIHAN in frame else row_backlog(frame)
    wajib = pd.to_numeric(out[Col.WAJIB], errors="coerce").astype("Float64")
    sudah = pd.to_numeric(out[Col.SUDAH], errors="coerce").astype("Float64")
    cakupan = (100.0 * sudah / wajib.where(wajib > 0)).astype("float64")
    out[Col.CAKUPAN] = cakupan
    out[Col.ZONA] = [z.value if z else None for z in map(zones.zone, cakupan.tolist())]
    out[Col.DI_ATAS_100] = (cakupan > 100).fillna(False).astype(bool)
    return out


def held_sums(store, level: Level | str, within: str | None, date: str | None) -> pd.DataFrame | None:
    """``aggregate`` of the newest rows on or before ``date`` (None: the newest) at ``level`` inside
    ``within``, sliced from the history of a store holding ``within`` (``geo.store.held.HeldArea``):
    that history (``aggregate_each_date`` of every held row) is made once per level, so another
    date is a slice, not a new sum. None when the store does not hold ``within``, ``level`` is above
    it, the held rows are at several levels, or nothing is dated on or before ``date``.

    The whole country held (``HeldLatest``): its provinsi or kabupaten/kota at ``date`` cut from every
    kabupaten/kota's dates summed once (``geo.rollup.country_sums_at``), no row read."""
    level = Level(level)
    if isinstance(store, HeldLatest) and is_country(within):
        summed = country_sums_at(store, level, date)
        return None if summed is None else summed[[Col.KODE, Col.TANGGAL, *SUMMED_EACH_DATE, N_SUMBER]]
    if not (isinstance(store, HeldArea) and store.holds(within)) or Level.of_code(within).depth > level.depth:
        return None
    history = store.derived(("aggregate_each_date", level.value), lambda: _by_date(store.rows, level))
    if history is None:
        return None
    frame, days, bounds = history
    at = len(days) if date is None else int(np.searchsorted(days, date[:10], side="right"))
    if at == 0:
        return None
    summed = frame.iloc[bounds[at - 1]:bounds[at]]
    if within != store.area:
        codes = summed[Col.KODE]
        summed = summed[((codes == within) | codes.str.startswith(within + ".")).to_numpy()]
    return summed.reset_index(drop=True)


def _by_date(rows: pd.DataFrame, level: Level):
    """(``aggregate_each_date`` of ``rows`` as ``aggregate`` gives it, by date then code; its dates;
    where each date's rows start, and the end) or None (``aggregate_each_date`` gives none)."""
    history = aggregate_each_date(rows, level)
    if history is None:
        return None
    history = history.sort_values([PER_TANGGAL, Col.KODE], ignore_index=True)
    days = history[PER_TANGGAL].unique()
    bounds = np.searchsorted(history[PER_TANGGAL].to_numpy(), days, side="left").tolist() + [len(history)]
    columns = [Col.KODE, Col.TANGGAL, *SUMMED_EACH_DATE, N_SUMBER]
    return history[columns], np.asarray(days, dtype=str), bounds


def provinsi_areas(store: Store) -> pd.DataFrame:
    """Col.KODE, Col.NAMA, Col.LEVEL of every provinsi of the country (never the demo's) holding one of
    the store's kabupaten/kota or stored itself, by code: named as the store names it, else as the
    official code table does, else "Provinsi <kode>" (boundary files often start at the kabupaten/kota:
    a provinsi is stored from a provinsi file, or dissolved once every kabupaten/kota of it is held,
    ``geo.ingest.boundaries``)."""
    stored = store.areas(level=Level.PROVINSI)
    names = dict(zip(stored[Col.KODE], stored[Col.NAMA]))
    held = {ancestor_code(k, Level.PROVINSI) for k in store.areas(level=Level.KABUPATEN)[Col.KODE]} | set(names)
    codes = sorted(k for k in held if not is_demo_code(k))  # the country's: never the demo's provinsi
    return pd.DataFrame({Col.KODE: codes, Col.NAMA: [names.get(k) or official_name(k) or f"Provinsi {k}" for k in codes],
                         Col.LEVEL: Level.PROVINSI.value})


def coverage_table(store: Store, level: Level | str, *, within: str | None = None,
                   date: str | None = None, zones: ZoneConfig = ZoneConfig(),
                   geometry: bool = False):
    """Coverage of every area at ``level`` (inside ``within``; ``COUNTRY``: all) at ``date``.

    Uses, per area, the newest snapshot on or before ``date``. Areas with no data are
    kept (counts <NA>, no zone). Returns Col.KODE, NAMA, LEVEL, KODE_INDUK, TIPE,
    counts, BELUM, CAKUPAN, ZONA, DI_ATAS_100, TANGGAL (+ geometry when asked). The
    provinsi of the country are those of ``provinsi_areas`` (a provinsi not stored has no geometry).
    """
    level = Level(level)
    areas = store.areas(within=within, level=level, geometry=geometry)
    if level == Level.PROVINSI and is_country(within):
        missing = provinsi_areas(store)
        missing = missing[~missing[Col.KODE].isin(areas[Col.KODE])]
        areas = pd.concat([areas, missing], ignore_index=True).sort_values(Col.KODE, ignore_index=True)
    summed = held_sums(store, level, within, date)
    if summed is None:
        summed = aggregate(store.enrollment(within=within, end=date, latest=True), level)
    merged = areas.merge(summed, on=Col.KODE, how="left", validate="one_to_one")
    return add_coverage(merged, zones)


def area_totals(store: Store, kode: str, *, date: str | None = None,
                zones: ZoneConfig = ZoneConfig()) -> dict:
    """Counts and coverage of one area (summed from its finest data; ``COUNTRY``: from every row) at
    ``date``.

    Returns a dict with the count columns, Col.BELUM, Col.CAKUPAN, Col.ZONA,
    Col.DI_ATAS_100 and Col.TANGGAL; counts are None when the area has no data.
    Col.PEMULA_BELUM: of the belum rekam, the first-timers (as ``aggregate`` sums them);
    None when no figure of the area gives them.
    """
    summed = held_sums(store, Level.PROVINSI if is_country(kode) else Level.of_code(kode), kode, date)
    if summed is not None:
        summed = country_sum(summed) if is_country(kode) else summed[summed[Col.KODE] == kode]
    elif is_country(kode):
        rows = store.enrollment(within=kode, end=date, latest=True)
        summed = country_sum(aggregate(rows, Level.PROVINSI)) if len(rows) else rows.iloc[:0]
    else:
        summed = aggregate(store.enrollment(within=kode, end=date, latest=True), Level.of_code(kode))
        summed = summed[summed[Col.KODE] == kode]
    if summed.empty:
        summed = pd.DataFrame([{Col.KODE: kode, **dict.fromkeys(COUNT_COLUMNS, pd.NA), Col.TANGGAL: None}])
    record = add_coverage(summed, zones).iloc[0].to_dict()
    return {k: (None if _isna(v) else v) for k, v in record.items()}


def data_reach(units: pd.DataFrame, parents: pd.DataFrame) -> dict:
    """How much of an area its figures cover: ``units`` and ``parents`` are ``coverage_table``s of
    the area's desa (the country's kabupaten/kota) and of the level below the area (its kecamatan; a
    provinsi's kabupaten/kota; the country's provinsi). Returns {"ada": units with data, "semua":
    units, "induk_kosong": names of the parents without any data, in code order}. A sum over some
    desa is not the area's coverage: the page says so."""
    has = units[Col.WAJIB].notna()
    empty = parents[parents[Col.WAJIB].isna()].sort_values(Col.KODE)
    return {"ada": int(has.sum()), "semua": len(units), "induk_kosong": list(empty[Col.NAMA])}


def previous_date(store: Store, kode: str, date: str | None = None) -> str | None:
    """The snapshot date before the newest one on or before ``date`` (None if there is none)."""
    dates = [d for d in store.snapshot_dates(kode) if date is None or d <= date]
    return dates[-2] if len(dates) >= 2 else None


SUMBER_BEDA = "sumber_beda"  # in ``change``: (rows summed before, rows summed now) when they differ


def change(now: dict, before: dict) -> dict:
    """Differences between two ``area_totals`` results (None where either is missing).

    Col.CAKUPAN's change is in percentage points. When the two sum different numbers of stored rows
    (N_SUMBER: desa that had sent no figures yet, a country filling up province by province), their
    difference is of what was counted, not of the area: every change is None and SUMBER_BEDA holds
    (rows before, rows now).
    """
    keys = (Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN)
    counted = now.get(N_SUMBER), before.get(N_SUMBER)
    if None not in counted and counted[0] != counted[1]:
        return {**dict.fromkeys(keys), SUMBER_BEDA: (int(counted[1]), int(counted[0]))}
    return {k: (None if now.get(k) is None or before.get(k) is None else now[k] - before[k]) for k in keys}


def _isna(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def worst_first(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (Col.KODE, Col.CAKUPAN, Col.BELUM) from the lowest coverage up, ties by more
    belum rekam, then code; areas without coverage last. The index is renumbered."""
    order = table.assign(_c=table[Col.CAKUPAN].fillna(np.inf), _b=table[Col.BELUM].astype("Float64").fillna(-1))
    return order.sort_values(["_c", "_b", Col.KODE], ascending=[True, False, True], ignore_index=True).drop(
        columns=["_c", "_b"])


def lagging(table: pd.DataFrame, as_of: str, days: int) -> pd.DataFrame:
    """The rows of ``table`` (Col.TANGGAL: each area's newest date summed, ISO) whose newest data is
    more than ``days`` days older than ``as_of``, the oldest first (then by code): their figures stand
    beside fresher ones in a ranking but are not as recent. Areas without data are not among them."""
    dated = table[table[Col.TANGGAL].notna()]
    age = (pd.Timestamp(as_of) - pd.to_datetime(dated[Col.TANGGAL])).dt.days
    return dated[age > days].sort_values([Col.TANGGAL, Col.KODE], ignore_index=True)


def ranking(store: Store, level: Level | str, *, within: str, date: str | None = None,
            zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """The areas at ``level`` inside ``within`` worst first (``worst_first``), with the change
    since the snapshot before ``date`` (``previous_date`` of ``within``).

    Returns ``coverage_table``'s columns plus Col.PERUBAHAN (percentage points; <NA> where there
    is no earlier snapshot or the area has none).
    """
    now = coverage_table(store, level, within=within, date=date, zones=zones)
    since = previous_date(store, within, date)
    if since is None:
        return worst_first(now.assign(**{Col.PERUBAHAN: np.nan}))
    return worst_first(coverage_change(store, level, within=within, date=date, since=since, zones=zones))


def country_ranking(store: Store, level: Level | str, *, date: str | None = None,
                    zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """``ranking`` of the provinsi or the kabupaten/kota of the whole country, plus PROVINSI_NAMA: the
    name of each area's provinsi (``provinsi_areas``)."""
    table = ranking(store, level, within=COUNTRY, date=date, zones=zones)
    provinsi = provinsi_areas(store)
    names = dict(zip(provinsi[Col.KODE], provinsi[Col.NAMA]))
    table[PROVINSI_NAMA] = [names.get(ancestor_code(k, Level.PROVINSI), "") for k in table[Col.KODE]]
    return table


def shared_zone(table: pd.DataFrame) -> tuple[str, int] | None:
    """(zone, number of areas) when two or more areas have data and all are in that one zone —
    a zone map then shows one colour and tells the reader little; else None."""
    zones = table[Col.ZONA].dropna()
    if len(zones) >= 2 and zones.nunique() == 1:
        return str(zones.iloc[0]), len(zones)
    return None


def coverage_change(store: Store, level: Level | str, *, within: str | None = None, date: str | None = None,
                    since: str, zones: ZoneConfig = ZoneConfig(), geometry: bool = False):
    """``coverage_table`` at ``date`` plus Col.PERUBAHAN: cakupan now minus cakupan at ``since``.

    In percentage points; <NA> where either date has no data for the area.
    """
    now = coverage_table(store, level, within=within, date=date, zones=zones, geometry=geometry)
    before = coverage_table(store, level, within=within, date=since, zones=zones)
    then = before.set_index(Col.KODE)[Col.CAKUPAN]
    now[Col.PERUBAHAN] = now[Col.CAKUPAN] - now[Col.KODE].map(then)
    return now


def people_to_reach(wajib: int, sudah: int, pct) -> int:
    """Recordings still needed so that ``100 × sudah / wajib ≥ pct``: ``max(0, ⌈pct·wajib/100⌉ − sudah)``.

    Exact: ``pct`` (percent, e.g. 92 or 92.5, as int, float, Decimal, Fraction or text) is
    read as the decimal it is written as, so 92.5 % of 1001 is 925.925 → 926, never a float
    rounding away from it. Raises ValueError for a negative ``wajib``/``sudah`` or a ``pct``
    outside 0–100.
    """
    wajib, sudah = int(wajib), int(sudah)
    share = Fraction(str(pct))
    if wajib < 0 or sudah < 0:
        raise ValueError(f"counts must not be negative: wajib={wajib}, sudah={sudah}")
    if not 0 <= share <= 100:
        raise ValueError(f"pct must be a percentage between 0 and 100, got {pct}")
    return max(0, math.ceil(share * wajib / 100) - sudah)

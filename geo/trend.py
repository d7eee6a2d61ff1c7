"""Trends and projections: how fast is recording going, and will an area reach its target?

Everything is computed from counts (``sudah_rekam``, ``wajib_ktp``), never from
percentages, because the denominator changes between snapshots (new 17-year-olds,
people moving in). Dates are ISO text (``2026-01-05``), as in the store.

Decisions, each tested in ``tests/geo/test_trend.py``:

* **Values over time** come from ``geo.timeline.series``: each desa's newest row carried
  forward to every date, an area's points on its own report dates.
* **Recent rate** = (sudah at the end of the window − sudah at its start) / days
  between them: the number actually recorded in the window per day. It does not
  depend on how the window is split into intervals (irregular reports do not bias
  it) and it equals the duration-weighted mean of the interval rates, whose spread
  gives the uncertainty band. The wajib growth per day is computed the same way.
"""
from __future__ import annotations

import bisect
import math
from datetime import date, timedelta
from enum import Enum

import numpy as np
import pandas as pd
from geo.columns import (
    HARI_KE_TARGET, HUBUNGAN, JENDELA_AWAL, JENDELA_HARI, LAJU, LAJU_DIBUTUHKAN, LAJU_GALAT, MULAI, N_INTERVAL,
    N_KOREKSI, PERTUMBUHAN_WAJIB, POIN_PER_MINGGU, SELESAI, STATUS,
    TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AKHIR, TANGGAL_PROYEKSI_AWAL,
    TARGET, TENGGAT, TENGGAT_LEWAT, TEPAT_WAKTU, TERLAMBAT_HARI, PROYEKSI_LEWAT, UMUR_DATA,
)
from geo.config import DEFAULTS, Settings
from geo.coverage import provinsi_areas
from geo.dates import parse_day
from geo.schema import Col, Level, RekamError, ZoneConfig, is_country
from geo.timeline import check_area, check_levels, series


class Status(str, Enum):
    SUDAH_TERCAPAI = "sudah_tercapai"  # the last snapshot is at or above the target
    TERCAPAI = "tercapai"  # reached at the recent rate by the deadline: a date is given
    TERLAMBAT = "terlambat"  # reached at the recent rate, but after the deadline: a date is given
    TIDAK_TERCAPAI = "tidak_tercapai_pada_laju_ini"  # rate ≤ the target's own growth: never
    SATU_SNAPSHOT = "satu_snapshot"  # one snapshot only: no trend
    DATA_KURANG = "data_kurang"  # no usable snapshot (no data, missing counts, wajib 0)


# Order of projection tables: dated ones first (soonest first), then never, then no trend,
# then no data, and areas already at the target last (nothing to do there).
_STATUS_ORDER = {Status.TERCAPAI: 0, Status.TERLAMBAT: 0, Status.TIDAK_TERCAPAI: 1, Status.SATU_SNAPSHOT: 2,
                 Status.DATA_KURANG: 3, Status.SUDAH_TERCAPAI: 4}
_EPS = 1e-9  # float slack before ceil(): 15.000000000002 days is 15 days


# --- checking input at the edge (codes: ``geo.io.events.check_code``; levels: ``timeline.check_levels``) ---
def parse_target(value) -> float:
    """Target in percent from ``92``, ``"92,5"`` or ``"92%"``; must be in (0, 100].

    Raises RekamError('tren_target_salah').
    """
    try:
        number = float(str(value).strip().rstrip("%").strip().replace(",", "."))
    except (TypeError, ValueError):
        raise RekamError("tren_target_salah", nilai=value) from None
    if not (0 < number <= 100):  # also rejects NaN
        raise RekamError("tren_target_salah", nilai=value)
    return number


def parse_window(value) -> int:
    """Window length in whole days, at least 1; raises RekamError('tren_jendela_salah')."""
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        raise RekamError("tren_jendela_salah", nilai=value) from None
    if not number.is_integer() or number < 1:
        raise RekamError("tren_jendela_salah", nilai=value)
    return int(number)


# --- projection -----------------------------------------------------------------------------------
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _days_to_target(gap: float, closing: float) -> int | None:
    """Whole days until ``gap`` is closed at ``closing`` per day; None if it never closes."""
    if closing <= 0:
        return None
    return max(0, math.ceil(gap / closing - _EPS))


def projection(series_for_one_area: pd.DataFrame, *, target_pct, deadline, window_days=28,
               as_of=None, today: date | None = None) -> dict:
    """Will one area reach ``target_pct`` by ``deadline`` at its recent rate?

    Takes the ``series`` rows of one area (Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH).
    Only snapshots on or before ``as_of`` (default: all) are used; the projection starts
    at the newest of them (t = 0). The window is every snapshot from ``window_days``
    before it; when that holds only the newest one (a reporting gap longer than the
    window), the snapshot before the gap is taken too, and JENDELA_HARI says how long
    the window really was.

    Rate r = Δsudah / days over the window (module docstring) and wajib growth g likewise;
    POIN_PER_MINGGU = (cakupan at the end − cakupan at the start of the window) / days × 7, each
    cakupan from its own counts (percentage points per week; comparable across areas of any size).
    The target p is met when sudah0 + r·t ≥ p·(wajib0 + g·t), i.e. after
    t = (p·wajib0 − sudah0) / (r − p·g) days, rounded up to a whole day; r ≤ p·g means never.
    The band uses r ± one standard error of the interval rates (weighted by interval
    length; needs two intervals or more, else no band). LAJU_DIBUTUHKAN =
    ceil((p·wajib0 − sudah0) / days_left + p·g), at least 0: recordings per day needed
    by the deadline, keeping up with new wajib too, days counted from the newest snapshot as the
    rate and the projection are (so the rate is enough exactly when the projection is on time);
    None when the deadline is not after ``today`` (or the snapshot): TENGGAT_LEWAT.

    Returns a dict with Col.KODE, STATUS (a ``Status`` value), Col.TANGGAL (snapshot used),
    Col.WAJIB, Col.SUDAH, Col.CAKUPAN (percent), LAJU, LAJU_GALAT, PERTUMBUHAN_WAJIB, POIN_PER_MINGGU,
    JENDELA_AWAL, JENDELA_HARI, N_INTERVAL, N_KOREKSI, HARI_KE_TARGET, TANGGAL_PROYEKSI
    (+ _AWAL, _AKHIR; ISO text or None), LAJU_DIBUTUHKAN, TEPAT_WAKTU, TENGGAT_LEWAT,
    TARGET, TENGGAT, TERLAMBAT_HARI (days after the deadline), and with ``today``: UMUR_DATA (days
    since the snapshot used) and PROYEKSI_LEWAT (the projected date is already past: never to
    be shown as the future). Status order of checks: no usable data → DATA_KURANG; at or above
    the target → SUDAH_TERCAPAI (even from one snapshot); one snapshot → SATU_SNAPSHOT;
    then TERCAPAI (by the deadline), TERLAMBAT (after it) or TIDAK_TERCAPAI. Raises RekamError for a bad target, date or window,
    ValueError when the frame holds more than one area.
    """
    target = parse_target(target_pct)
    tenggat = parse_day(deadline, field="tenggat")
    window = parse_window(window_days)
    cutoff = parse_day(as_of, field="as_of") if as_of is not None else None
    kodes = series_for_one_area[Col.KODE].dropna().unique() if Col.KODE in series_for_one_area else []
    if len(kodes) > 1:
        raise ValueError(f"projection() takes one area, got {len(kodes)}: {list(kodes)[:5]}")
    result = _no_projection(kodes[0] if len(kodes) else None, target, tenggat)
    days, wajib, sudah = _usable_points(series_for_one_area, cutoff)
    if not days:
        return result

    t0, sudah0, wajib0 = days[-1], sudah[-1], wajib[-1]
    gap = target * wajib0 / 100 - sudah0  # recordings still missing today (≤ 0: reached)
    result.update({Col.TANGGAL: t0.isoformat(), Col.WAJIB: int(wajib0), Col.SUDAH: int(sudah0),
                   Col.CAKUPAN: float(100 * sudah0 / wajib0), UMUR_DATA: (today - t0).days if today else None})

    if len(days) >= 2:
        result.update(_recent_rate(days, wajib, sudah, window))
    growth = result[PERTUMBUHAN_WAJIB] or 0.0

    # Counted from the data's own day, as the rate and the projection are: "on time" and "the rate is
    # enough" are then one answer. Counted from a later today, the days since the data would count as
    # days without recording while the projection counts them at the rate (a kabupaten "on time" whose
    # rate fell short of what it "needed"); the data's age is said apart (UMUR_DATA).
    days_left = (tenggat - t0).days
    result[TENGGAT_LEWAT] = (tenggat - max(t0, today or t0)).days <= 0  # the deadline has passed by today
    if not result[TENGGAT_LEWAT]:
        needed = gap / days_left + target * growth / 100
        result[LAJU_DIBUTUHKAN] = max(0, math.ceil(needed - _EPS))

    if gap <= 0:
        result.update({STATUS: Status.SUDAH_TERCAPAI.value, HARI_KE_TARGET: 0, TEPAT_WAKTU: True,
                       TERLAMBAT_HARI: 0})
        return result
    if len(days) < 2:
        result[STATUS] = Status.SATU_SNAPSHOT.value
        return result

    own_growth = target * growth / 100  # the target itself moves as wajib grows
    n_days = _days_to_target(gap, result[LAJU] - own_growth)
    if n_days is None:
        result.update({STATUS: Status.TIDAK_TERCAPAI.value, TEPAT_WAKTU: False})
        return result
    reached = t0 + timedelta(days=n_days)
    late = max(0, (reached - tenggat).days)
    result.update({STATUS: (Status.TERLAMBAT if late else Status.TERCAPAI).value, HARI_KE_TARGET: n_days,
                   TANGGAL_PROYEKSI: reached.isoformat(), TEPAT_WAKTU: not late, TERLAMBAT_HARI: late,
                   PROYEKSI_LEWAT: bool(today and reached < today)})
    if result[LAJU_GALAT] is not None:
        result.update(_band(t0, gap, result[LAJU], result[LAJU_GALAT], own_growth))
    return result


def _no_projection(kode: str | None, target: float, tenggat: date) -> dict:
    """``projection``'s answer before any data is read: DATA_KURANG, every figure None."""
    return {
        Col.KODE: kode, STATUS: Status.DATA_KURANG.value, Col.TANGGAL: None,
        Col.WAJIB: None, Col.SUDAH: None, Col.CAKUPAN: None, LAJU: None, LAJU_GALAT: None,
        PERTUMBUHAN_WAJIB: None, POIN_PER_MINGGU: None, JENDELA_AWAL: None, JENDELA_HARI: None, N_INTERVAL: 0,
        N_KOREKSI: 0,
        HARI_KE_TARGET: None, TANGGAL_PROYEKSI: None, TANGGAL_PROYEKSI_AWAL: None, TANGGAL_PROYEKSI_AKHIR: None,
        LAJU_DIBUTUHKAN: None, TEPAT_WAKTU: None, TENGGAT_LEWAT: None, TARGET: target, TENGGAT: tenggat.isoformat(),
        TERLAMBAT_HARI: None, UMUR_DATA: None, PROYEKSI_LEWAT: False,
    }


def _band(t0: date, gap: float, rate: float, se: float, own_growth: float) -> dict:
    """TANGGAL_PROYEKSI_AWAL/_AKHIR: the projected date at the rate ± one standard error (the late
    end None when the slower rate never closes the gap)."""
    early = _days_to_target(gap, rate + se - own_growth)
    late = _days_to_target(gap, rate - se - own_growth)
    return {TANGGAL_PROYEKSI_AWAL: _iso(t0 + timedelta(days=early)),
            TANGGAL_PROYEKSI_AKHIR: _iso(t0 + timedelta(days=late)) if late is not None else None}


def _recent_rate(days: list[date], wajib: np.ndarray, sudah: np.ndarray, window: int) -> dict:
    """LAJU, LAJU_GALAT, PERTUMBUHAN_WAJIB, POIN_PER_MINGGU, JENDELA_AWAL, JENDELA_HARI, N_INTERVAL, N_KOREKSI
    over the snapshots from ``window`` days before the newest (at least two snapshots: a gap longer
    than the window takes the snapshot before it)."""
    first = bisect.bisect_left(days, days[-1] - timedelta(days=window))
    first = min(first, len(days) - 2)
    elapsed = np.array([(d - days[first]).days for d in days[first:]], dtype=float)
    span = elapsed[-1]
    step_days = np.diff(elapsed)
    step_rates = np.diff(sudah[first:]) / step_days
    points = 100 * (sudah[-1] / wajib[-1] - sudah[first] / wajib[first])
    return {LAJU: float((sudah[-1] - sudah[first]) / span), LAJU_GALAT: _rate_standard_error(step_rates, step_days),
            PERTUMBUHAN_WAJIB: float((wajib[-1] - wajib[first]) / span), POIN_PER_MINGGU: float(7 * points / span),
            JENDELA_AWAL: days[first].isoformat(),
            JENDELA_HARI: int(span), N_INTERVAL: len(step_days), N_KOREKSI: int((np.diff(sudah[first:]) < 0).sum())}


def _usable_points(frame: pd.DataFrame, cutoff: date | None) -> tuple[list[date], np.ndarray, np.ndarray]:
    """(dates, wajib, sudah) of snapshots with both counts and wajib > 0, by date; one per
    date (the last row wins), none after ``cutoff``."""
    if frame.empty:
        return [], np.array([]), np.array([])
    wajib = pd.to_numeric(frame[Col.WAJIB], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    sudah = pd.to_numeric(frame[Col.SUDAH], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    by_day: dict[date, tuple[float, float]] = {}
    for tanggal, w, s in zip(frame[Col.TANGGAL], wajib, sudah):
        day = parse_day(tanggal, field=Col.TANGGAL)
        if w > 0 and s == s and (cutoff is None or day <= cutoff):  # s == s: not NaN
            by_day[day] = (w, s)
    days = sorted(by_day)
    return days, np.array([by_day[d][0] for d in days]), np.array([by_day[d][1] for d in days])


def _rate_standard_error(rates: np.ndarray, weights: np.ndarray) -> float | None:
    """Standard error of the duration-weighted mean of interval rates (None below 2 intervals).

    With equal intervals this is the textbook s/√n; with unequal ones, n is Kish's
    effective sample size (Σw)²/Σw², so a short odd interval counts for less.
    """
    if len(rates) < 2:
        return None
    w = weights / weights.sum()
    mean = float((w * rates).sum())
    n_eff = 1.0 / float((w**2).sum())
    variance = float((w * (rates - mean) ** 2).sum()) * n_eff / (n_eff - 1)
    return math.sqrt(variance / n_eff)


# --- projection tables --------------------------------------------------------------------------
TABLE_COLUMNS = [Col.KODE, Col.NAMA, Col.CAKUPAN, LAJU, POIN_PER_MINGGU, JENDELA_HARI, TANGGAL_PROYEKSI,
                 TANGGAL_PROYEKSI_AWAL, TANGGAL_PROYEKSI_AKHIR, STATUS, LAJU_DIBUTUHKAN, HARI_KE_TARGET, TEPAT_WAKTU,
                 Col.TANGGAL, PROYEKSI_LEWAT]


def projections(series: pd.DataFrame, *, target_pct, deadline, window_days=28, as_of=None,
                kodes: list[str] | None = None, names: pd.Series | None = None,
                today: date | None = None) -> pd.DataFrame:
    """``projection`` for every area of ``series`` (or for ``kodes``: those without rows get
    DATA_KURANG), as TABLE_COLUMNS; with ``today``, PROYEKSI_LEWAT marks projected dates already past.

    Sorted: TERCAPAI by projected date, soonest first (a date, not HARI_KE_TARGET, because
    areas may have last reported on different days), then TIDAK_TERCAPAI, SATU_SNAPSHOT,
    DATA_KURANG, and SUDAH_TERCAPAI last (nothing left to do there); ties and the other
    groups by lower Col.CAKUPAN first, then Col.KODE. ``names`` maps Col.KODE → Col.NAMA
    (default: Col.NAMA of ``series``).
    """
    target = parse_target(target_pct)
    if kodes is None:
        kodes = list(dict.fromkeys(series[Col.KODE])) if len(series) else []
    if names is None:
        names = series.drop_duplicates(Col.KODE).set_index(Col.KODE)[Col.NAMA] if len(series) else {}
    groups = {k: g for k, g in series.groupby(Col.KODE, sort=False)} if len(series) else {}
    records = []
    for kode in kodes:
        rows = groups.get(kode, pd.DataFrame(columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH]))
        record = projection(rows, target_pct=target, deadline=deadline, window_days=window_days, as_of=as_of,
                            today=today)
        record[Col.KODE] = kode
        record[Col.NAMA] = names.get(kode)
        records.append(record)
    table = pd.DataFrame(records, columns=TABLE_COLUMNS)
    if table.empty:
        return table
    table[LAJU_DIBUTUHKAN] = table[LAJU_DIBUTUHKAN].astype("Int64")
    table[HARI_KE_TARGET] = table[HARI_KE_TARGET].astype("Int64")
    table[Col.CAKUPAN] = table[Col.CAKUPAN].astype(float)
    table[LAJU] = table[LAJU].astype(float)
    table[POIN_PER_MINGGU] = table[POIN_PER_MINGGU].astype(float)
    order = pd.DataFrame({
        "_group": table[STATUS].map(lambda s: _STATUS_ORDER[Status(s)]),
        "_when": table[TANGGAL_PROYEKSI].fillna("9999-12-31"),
        "_cov": table[Col.CAKUPAN].fillna(np.inf),
        "_kode": table[Col.KODE],
    })
    ranked = order.sort_values(["_group", "_when", "_cov", "_kode"], kind="stable").index
    return table.loc[ranked].reset_index(drop=True)


def projection_table(store, within: str, level: Level | str | None = None, *, target_pct=None, deadline,
                     window_days=28, as_of=None, settings: Settings = DEFAULTS,
                     frame: pd.DataFrame | None = None, today: date | None = None) -> pd.DataFrame:
    """Projection of every area at ``level`` (default: next level down) inside ``within``.

    Every stored area at that level is listed, those without data as DATA_KURANG.
    ``target_pct`` defaults to the hijau threshold of the settings. ``within`` itself is
    not a row: call ``projection(series(...)[kode == within], ...)`` for the headline.
    Returns TABLE_COLUMNS sorted as ``projections`` explains. Raises RekamError for a
    bad code, level, target, date or window (checked before the store is read). ``frame``:
    the ``series(store, within, level, end=as_of)`` already computed by the caller, if any; ``today``:
    as for ``projections`` (a projected date already past is flagged, never shown as the future).
    """
    within = check_area(within)
    _, level = check_levels(within, level)
    target = parse_target(target_pct if target_pct is not None else settings.zones.hijau)
    parse_day(deadline, field="tenggat")
    parse_window(window_days)
    end = parse_day(as_of, field="as_of").isoformat() if as_of is not None else None
    if frame is None:
        frame = series(store, within, level, end=end)
    children = frame[frame[Col.KODE] != within]
    areas = provinsi_areas(store) if is_country(within) and level == Level.PROVINSI else store.areas(
        within=within, level=level)
    kodes = sorted(set(areas[Col.KODE]) | set(children[Col.KODE]))
    names = pd.concat([areas.set_index(Col.KODE)[Col.NAMA],
                       children.drop_duplicates(Col.KODE).set_index(Col.KODE)[Col.NAMA]])
    names = names[~names.index.duplicated()]
    return projections(children, target_pct=target, deadline=deadline, window_days=window_days, as_of=end,
                       kodes=kodes, names=names, today=today)


# Slowest first: never at this rate, then the latest projected date, then those without a trend (one
# snapshot, no data: nothing tells they will make it), and those already at the target last.
_SLOWEST = {Status.TIDAK_TERCAPAI: 0, Status.TERLAMBAT: 1, Status.TERCAPAI: 1, Status.SATU_SNAPSHOT: 2,
            Status.DATA_KURANG: 2, Status.SUDAH_TERCAPAI: 3}


def slowest_first(table: pd.DataFrame) -> pd.DataFrame:
    """A ``projections`` / ``projection_table`` frame re-ordered for ranking areas by their trend:
    those that never reach the target at their rate first (the fewest points per week first), then
    the latest projected date first, then those without a trend, those already reached last;
    remaining ties by lower Col.CAKUPAN, then Col.KODE. The index is renumbered."""
    if table.empty:
        return table.reset_index(drop=True)
    order = pd.DataFrame({
        "_group": table[STATUS].map(lambda s: _SLOWEST[Status(s)]),
        "_when": table[TANGGAL_PROYEKSI].fillna(""),
        "_pace": pd.to_numeric(table[POIN_PER_MINGGU], errors="coerce").fillna(np.inf),
        "_cov": pd.to_numeric(table[Col.CAKUPAN], errors="coerce").fillna(np.inf),
        "_kode": table[Col.KODE],
    })
    ranked = order.sort_values(["_group", "_when", "_pace", "_cov", "_kode"],
                               ascending=[True, False, True, True, True], kind="stable").index
    return table.loc[ranked].reset_index(drop=True)


def needs_attention(table: pd.DataFrame, zones: ZoneConfig = ZoneConfig(), n: int = 5) -> list[str]:
    """Codes of the areas a bupati should look at first, most pressing first, at most ``n``: not
    reached at this rate or stalled (no recordings), late for the deadline (latest first), then red.

    Takes a ``projections`` / ``projection_table`` frame (Col.KODE, STATUS, LAJU, TANGGAL_PROYEKSI,
    Col.CAKUPAN)."""
    if table.empty:
        return []
    rate = pd.to_numeric(table[LAJU], errors="coerce")
    cover = pd.to_numeric(table[Col.CAKUPAN], errors="coerce")
    rank = pd.Series(np.inf, index=table.index)
    rank[cover < zones.kuning] = 3.0
    rank[table[STATUS] == Status.TERLAMBAT.value] = 2.0
    rank[(table[STATUS] == Status.TIDAK_TERCAPAI.value) | (rate <= 0)] = 1.0
    rank[table[STATUS] == Status.SUDAH_TERCAPAI.value] = np.inf
    picked = pd.DataFrame({"rank": rank, "when": table[TANGGAL_PROYEKSI].fillna("9999-12-31"), "cov": cover,
                           "kode": table[Col.KODE]})
    picked = picked[np.isfinite(picked["rank"])]
    picked = picked.sort_values(["rank", "when", "cov"], ascending=[True, False, True])
    return list(picked["kode"].head(n))


# --- events ---------------------------------------------------------------------------------------
def events_for(events: pd.DataFrame, kode: str) -> pd.DataFrame:
    """Events of area ``kode``, of its ancestors (a kabupaten-wide network cut) and of its
    descendants (a broken device in one of its desa).

    Takes EVENT_COLUMNS. Returns the matching rows sorted by MULAI then Col.KODE, with
    SELESAI filled with MULAI where empty (one-day events) and HUBUNGAN = 'wilayah_ini',
    'wilayah_induk' or 'bagian_wilayah'. Pure: the caller loads the events (``events.events``,
    ``geo.io.events.read_events``). ``COUNTRY``: every event, each of a part of it. Raises
    RekamError('tren_kode_salah') for a bad code.
    """
    kode = check_area(kode)
    codes = events[Col.KODE].astype(str).str.strip()
    own = codes == kode
    ancestor = pd.Series([kode.startswith(c + ".") for c in codes], index=events.index, dtype=bool)
    descendant = codes.str.len().gt(0) if is_country(kode) else codes.str.startswith(kode + ".")
    out = events[own | ancestor | descendant].copy()
    out[Col.KODE] = codes[out.index]
    out[HUBUNGAN] = np.select([own[out.index], ancestor[out.index]], ["wilayah_ini", "wilayah_induk"],
                              "bagian_wilayah")
    end = out[SELESAI].where(out[SELESAI].notna() & (out[SELESAI].astype(str).str.strip() != ""), out[MULAI])
    out[SELESAI] = end
    return out.sort_values([MULAI, Col.KODE], kind="stable", ignore_index=True)

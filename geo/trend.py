"""Trends and projections: how fast is recording going, and will an area reach its target?

Everything is computed from counts (``sudah_rekam``, ``wajib_ktp``), never from
percentages, because the denominator changes between snapshots (new 17-year-olds,
people moving in). Dates are ISO text (``2026-01-05``), as in the store.

Decisions, each tested in ``tests/geo/test_trend.py``:

* **Carry forward.** An area's value on a date is the sum of each of its desa's
  newest row *on or before* that date (the same "data as of" rule as
  ``coverage.coverage_table(date=…)``). A desa that has not reported on that date
  is carried forward from its last report, and ``n_dibawa`` counts such rows, so a
  late island never shows up as a fake drop in the total. A desa that has never
  reported yet contributes nothing (``n_sumber`` then grows when it first arrives,
  flagged as ``sumber_berubah`` by ``weekly_recordings``).
* **An area's dates are its own report dates**: the dates on which at least one of
  its desa (or the area itself) reported. A kecamatan whose desa all report on
  Mondays has Monday points only, even when an island elsewhere reports on Thursdays.
* **Recent rate** = (sudah at the end of the window − sudah at its start) / days
  between them: the number actually recorded in the window per day. It does not
  depend on how the window is split into intervals (irregular reports do not bias
  it) and it equals the duration-weighted mean of the interval rates, whose spread
  gives the uncertainty band. The wajib growth per day is computed the same way.
"""
from __future__ import annotations

import bisect
import math
import re
from datetime import date, timedelta
from enum import Enum
from pathlib import Path

import numpy as np
import pandas as pd
from geo.columns import (
    HARI, HARI_KE_TARGET, HUBUNGAN, JENDELA_AWAL, JENDELA_HARI, JENIS, KETERANGAN, KOREKSI, LAJU,
    LAJU_DIBUTUHKAN, LAJU_GALAT, MULAI, N_DIBAWA, N_INTERVAL, N_KOREKSI, N_SUMBER, PERTUMBUHAN_WAJIB,
    REKAM_BARU, REKAM_PER_HARI, REKAM_PER_MINGGU, SELESAI, STATUS, SUMBER_BERUBAH, TANGGAL_AWAL,
    TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AKHIR, TANGGAL_PROYEKSI_AWAL, TARGET, TENGGAT, TENGGAT_LEWAT,
    TEPAT_WAKTU, WAJIB_BARU,
)
from geo.coverage import add_coverage, aggregate
from geo.schema import COUNT_COLUMNS, Col, Level, RekamError, ZoneConfig
from geo.config import load_settings
from geo.dates import parse_day
from geo.text import tr

# --- columns of the frames this module returns ---------------------------------------
EVENT_COLUMNS = (MULAI, SELESAI, Col.KODE, JENIS, KETERANGAN)
EVENT_KINDS = ("alat_rusak", "jaringan_putus", "blangko_habis", "kampanye_sekolah", "layanan_akhir_pekan",
               "jemput_bola", "koreksi_data")
WEEKEND_SERVICE = "layanan_akhir_pekan"


class Status(str, Enum):
    SUDAH_TERCAPAI = "sudah_tercapai"  # the last snapshot is at or above the target
    TERCAPAI = "tercapai"  # reached at the recent rate: a date is given
    TIDAK_TERCAPAI = "tidak_tercapai_pada_laju_ini"  # rate ≤ the target's own growth: never
    SATU_SNAPSHOT = "satu_snapshot"  # one snapshot only: no trend
    DATA_KURANG = "data_kurang"  # no usable snapshot (no data, missing counts, wajib 0)


# Order of projection tables: dated ones first (soonest first), then never, then no trend,
# then no data, and areas already at the target last (nothing to do there).
_STATUS_ORDER = {Status.TERCAPAI: 0, Status.TIDAK_TERCAPAI: 1, Status.SATU_SNAPSHOT: 2,
                 Status.DATA_KURANG: 3, Status.SUDAH_TERCAPAI: 4}
_EPS = 1e-9  # float slack before ceil(): 15.000000000002 days is 15 days



def status_label(status: str, lang: str = "id") -> str:
    """A status code (``Status`` value) as words for a person."""
    return tr(f"tren_status_{status}", lang)


def event_label(jenis: str, lang: str = "id") -> str:
    """An event kind (``alat_rusak`` …) as words; an unknown kind is shown as written."""
    key = f"peristiwa_{jenis}"
    label = tr(key, lang)
    return str(jenis) if label == key else label


# --- checking input at the edge ------------------------------------------------------------
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_UNDOTTED = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}


def check_code(kode) -> str:
    """A dotted Kemendagri code from ``36.74.01`` or ``367401``; raises RekamError('tren_kode_salah')."""
    text = str(kode).strip()
    if text.isdigit() and len(text) in _UNDOTTED:
        parts, i = [], 0
        for n in _UNDOTTED[len(text)]:
            parts.append(text[i : i + n])
            i += n
        text = ".".join(parts)
    if not _CODE.match(text):
        raise RekamError("tren_kode_salah", nilai=kode)
    return text


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


def check_levels(within: str, level) -> tuple[Level, Level]:
    top = Level.of_code(within)
    level = Level(level) if level is not None else top.child
    if level is None or level.depth <= top.depth:
        raise RekamError("tren_tingkat_salah", level=getattr(level, "value", level), kode=within)
    return top, level


# --- series ----------------------------------------------------------------------------------
SERIES_COLUMNS = [Col.KODE, Col.NAMA, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN, N_SUMBER, N_DIBAWA]


def series(store, within: str, level: Level | str | None = None, *, start: str | None = None,
           end: str | None = None) -> pd.DataFrame:
    """Coverage over time of ``within`` and of its areas at ``level`` (default: the next level down).

    Reads every stored row up to ``end`` (earlier rows are needed to carry values
    forward) and keeps dates from ``start``. See ``series_from_rows`` for the rules
    and the columns. Raises RekamError for a bad code or a level not below ``within``.
    """
    within = check_code(within)
    check_levels(within, level)
    rows = store.enrollment(within=within, end=end)
    names = store.areas(within=within)
    return series_from_rows(rows, within, level, start=start, names=names)


def series_from_rows(rows: pd.DataFrame, within: str, level: Level | str | None = None, *,
                     start: str | None = None, names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per area, per report date: summed counts and coverage (pure; ``series`` reads the store).

    Takes stored rows (Col.KODE, Col.TANGGAL, count columns; any level). For each date
    D, every row's newest version on or before D is taken and summed up the hierarchy
    with ``coverage.aggregate``; an area gets a point on D only when one of its rows
    is dated D (its own report dates). Returns SERIES_COLUMNS sorted by Col.KODE then
    Col.TANGGAL (``within`` first): counts as Int64, Col.CAKUPAN in percent (NaN when
    wajib is 0), N_SUMBER rows summed, N_DIBAWA of them carried forward from before D.
    ``names`` (Col.KODE, Col.NAMA) gives Col.NAMA.
    """
    within = check_code(within)
    top, level = check_levels(within, level)
    if rows.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    rows = rows[[Col.KODE, Col.TANGGAL, *COUNT_COLUMNS]].copy()
    rows[Col.TANGGAL] = rows[Col.TANGGAL].astype(str).str[:10]
    rows = rows[(rows[Col.KODE] == within) | rows[Col.KODE].str.startswith(within + ".")]
    rows = rows.drop_duplicates([Col.KODE, Col.TANGGAL], keep="last")
    rows = rows.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)
    days = sorted(rows[Col.TANGGAL].unique())
    if not any(not start or d >= start for d in days):
        return pd.DataFrame(columns=SERIES_COLUMNS)
    asof = _as_of_every_date(rows, days)
    if start:
        asof = asof[asof["_day"] >= start]
    # The same rows counting 1 for each one carried from an earlier date: aggregate()'s own rule
    # decides which rows are summed, so summing this "count" gives n_dibawa for exactly those.
    carried = asof.assign(**{Col.WAJIB: (asof[Col.TANGGAL] < asof["_day"]).astype("Int64")})
    # aggregate() sums by code prefix, so tagging the first code segment with the date index
    # (36 → 36@5) sums every date, and the carried counts (36@c5), in one call per level.
    stacked = pd.concat([_tag(asof, asof["_i"].astype(str)), _tag(carried, "c" + carried["_i"].astype(str))],
                        ignore_index=True)
    parts = []
    for lvl, keep in ((top, lambda k: k == within), (level, lambda k: k.str.startswith(within + "."))):
        summed = _untag(aggregate(stacked, lvl))
        counts = summed[~summed["_carried"]].drop(columns="_carried")
        n_carried = summed[summed["_carried"]].set_index([Col.KODE, "_i"])[Col.WAJIB]
        counts = counts[keep(counts[Col.KODE]) & (counts[Col.TANGGAL] == counts["_i"].map(days.__getitem__))]
        index = pd.MultiIndex.from_frame(counts[[Col.KODE, "_i"]])
        counts[N_DIBAWA] = n_carried.reindex(index).fillna(0).astype(int).to_numpy()
        parts.append(counts.drop(columns="_i"))
    out = pd.concat(parts, ignore_index=True)
    out = add_coverage(out, ZoneConfig())  # zones are not used here; this avoids reading settings
    if names is not None and len(names):
        nama = names.drop_duplicates(Col.KODE).set_index(Col.KODE)[Col.NAMA]
        out[Col.NAMA] = out[Col.KODE].map(nama)
    else:
        out[Col.NAMA] = None
    out = out.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)
    return out[SERIES_COLUMNS]


def _as_of_every_date(rows: pd.DataFrame, days: list[str]) -> pd.DataFrame:
    """For each date of ``days`` (index ``_i``, text ``_day``), every code's newest row on or
    before it. ``rows`` is sorted by code then date: a row stands for its code from its own
    date until the code's next row, so it is repeated once per date in that span."""
    position = rows[Col.TANGGAL].map({d: i for i, d in enumerate(days)}).to_numpy()
    following = pd.Series(position).groupby(rows[Col.KODE].to_numpy()).shift(-1).fillna(len(days))
    span = following.to_numpy().astype(int) - position
    starts = np.repeat(np.cumsum(span) - span, span)
    index = np.repeat(position, span) + (np.arange(span.sum()) - starts)
    asof = rows.loc[rows.index.repeat(span)].reset_index(drop=True)
    asof["_i"] = index
    asof["_day"] = np.array(days, dtype=object)[index]
    return asof


def _tag(rows: pd.DataFrame, tag: pd.Series | str) -> pd.DataFrame:
    head, dot, rest = (rows[Col.KODE].str.partition(".")[n] for n in range(3))
    return rows.assign(**{Col.KODE: head + "@" + tag + dot + rest})[[Col.KODE, Col.TANGGAL, *COUNT_COLUMNS]]


def _untag(summed: pd.DataFrame) -> pd.DataFrame:
    head, tagged = (summed[Col.KODE].str.partition("@")[n] for n in (0, 2))
    tag, dot, rest = (tagged.str.partition(".")[n] for n in range(3))
    return summed.assign(**{Col.KODE: head + dot + rest, "_carried": tag.str.startswith("c"),
                            "_i": tag.str.lstrip("c").astype(int)})


# --- recordings per interval ------------------------------------------------------------------
WEEKLY_COLUMNS = [Col.KODE, Col.NAMA, TANGGAL_AWAL, Col.TANGGAL, HARI, REKAM_BARU, WAJIB_BARU, REKAM_PER_HARI,
                  REKAM_PER_MINGGU, KOREKSI, SUMBER_BERUBAH]


def weekly_recordings(series: pd.DataFrame) -> pd.DataFrame:
    """Recordings between consecutive snapshots of each area, normalised per day and per week.

    Takes a ``series`` frame (Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH; Col.NAMA and
    N_SUMBER when present). Returns WEEKLY_COLUMNS, one row per interval (an area's first
    snapshot starts the first interval and has no row of its own): HARI days,
    REKAM_BARU = change of sudah_rekam, REKAM_PER_HARI = REKAM_BARU / HARI,
    REKAM_PER_MINGGU = 7 × REKAM_PER_HARI (so a 10-day interval is not mistaken for a
    busy week), KOREKSI where sudah_rekam went down (kept, with its negative value),
    SUMBER_BERUBAH where the number of summed rows changed (e.g. a desa reported for
    the first time, so the jump is not a week's work).
    """
    if series.empty:
        return pd.DataFrame(columns=WEEKLY_COLUMNS)
    frame = series.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True).copy()
    frame[Col.TANGGAL] = frame[Col.TANGGAL].astype(str).str[:10]
    if Col.NAMA not in frame:
        frame[Col.NAMA] = None
    by_area = frame.groupby(Col.KODE, sort=False)
    when = pd.to_datetime(frame[Col.TANGGAL])
    frame[TANGGAL_AWAL] = by_area[Col.TANGGAL].shift(1)
    frame[HARI] = (when - when.groupby(frame[Col.KODE]).shift(1)).dt.days
    sudah = pd.to_numeric(frame[Col.SUDAH], errors="coerce").astype("Float64")
    wajib = pd.to_numeric(frame[Col.WAJIB], errors="coerce").astype("Float64")
    frame[REKAM_BARU] = (sudah - sudah.groupby(frame[Col.KODE]).shift(1)).astype("Int64")
    frame[WAJIB_BARU] = (wajib - wajib.groupby(frame[Col.KODE]).shift(1)).astype("Int64")
    if N_SUMBER in frame:
        sumber = frame[N_SUMBER]
        frame[SUMBER_BERUBAH] = (sumber != sumber.groupby(frame[Col.KODE]).shift(1)).astype(bool)
    else:
        frame[SUMBER_BERUBAH] = False
    frame = frame[frame[TANGGAL_AWAL].notna()].copy()
    frame[HARI] = frame[HARI].astype(int)
    frame[REKAM_PER_HARI] = (frame[REKAM_BARU].astype("Float64") / frame[HARI]).astype("float64")
    frame[REKAM_PER_MINGGU] = frame[REKAM_PER_HARI] * 7
    frame[KOREKSI] = (frame[REKAM_BARU] < 0).fillna(False).astype(bool)
    return frame[WEEKLY_COLUMNS].reset_index(drop=True)


# --- projection -----------------------------------------------------------------------------------
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _days_to_target(gap: float, closing: float) -> int | None:
    """Whole days until ``gap`` is closed at ``closing`` per day; None if it never closes."""
    if closing <= 0:
        return None
    return max(0, math.ceil(gap / closing - _EPS))


def projection(series_for_one_area: pd.DataFrame, *, target_pct, deadline, window_days=28,
               as_of=None) -> dict:
    """Will one area reach ``target_pct`` by ``deadline`` at its recent rate?

    Takes the ``series`` rows of one area (Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH).
    Only snapshots on or before ``as_of`` (default: all) are used; the projection starts
    at the newest of them (t = 0). The window is every snapshot from ``window_days``
    before it; when that holds only the newest one (a reporting gap longer than the
    window), the snapshot before the gap is taken too, and JENDELA_HARI says how long
    the window really was.

    Rate r = Δsudah / days over the window (module docstring) and wajib growth g likewise.
    The target p is met when sudah0 + r·t ≥ p·(wajib0 + g·t), i.e. after
    t = (p·wajib0 − sudah0) / (r − p·g) days, rounded up to a whole day; r ≤ p·g means never.
    The band uses r ± one standard error of the interval rates (weighted by interval
    length; needs two intervals or more, else no band). LAJU_DIBUTUHKAN =
    ceil((p·wajib0 − sudah0) / days_left + p·g), at least 0: recordings per day needed
    by the deadline, keeping up with new wajib too (None when the deadline is not
    after the newest snapshot).

    Returns a dict with Col.KODE, STATUS (a ``Status`` value), Col.TANGGAL (snapshot used),
    Col.WAJIB, Col.SUDAH, Col.CAKUPAN (percent), LAJU, LAJU_GALAT, PERTUMBUHAN_WAJIB,
    JENDELA_AWAL, JENDELA_HARI, N_INTERVAL, N_KOREKSI, HARI_KE_TARGET, TANGGAL_PROYEKSI
    (+ _AWAL, _AKHIR; ISO text or None), LAJU_DIBUTUHKAN, TEPAT_WAKTU, TENGGAT_LEWAT,
    TARGET, TENGGAT. Status order of checks: no usable data → DATA_KURANG; at or above
    the target → SUDAH_TERCAPAI (even from one snapshot); one snapshot → SATU_SNAPSHOT;
    then TERCAPAI or TIDAK_TERCAPAI. Raises RekamError for a bad target, date or window,
    ValueError when the frame holds more than one area.
    """
    target = parse_target(target_pct)
    tenggat = parse_day(deadline, field="tenggat")
    window = parse_window(window_days)
    cutoff = parse_day(as_of, field="as_of") if as_of is not None else None
    kodes = series_for_one_area[Col.KODE].dropna().unique() if Col.KODE in series_for_one_area else []
    if len(kodes) > 1:
        raise ValueError(f"projection() takes one area, got {len(kodes)}: {list(kodes)[:5]}")
    result = {
        Col.KODE: kodes[0] if len(kodes) else None, STATUS: Status.DATA_KURANG.value, Col.TANGGAL: None,
        Col.WAJIB: None, Col.SUDAH: None, Col.CAKUPAN: None, LAJU: None, LAJU_GALAT: None,
        PERTUMBUHAN_WAJIB: None, JENDELA_AWAL: None, JENDELA_HARI: None, N_INTERVAL: 0, N_KOREKSI: 0,
        HARI_KE_TARGET: None, TANGGAL_PROYEKSI: None, TANGGAL_PROYEKSI_AWAL: None, TANGGAL_PROYEKSI_AKHIR: None,
        LAJU_DIBUTUHKAN: None, TEPAT_WAKTU: None, TENGGAT_LEWAT: None, TARGET: target, TENGGAT: tenggat.isoformat(),
    }
    days, wajib, sudah = _usable_points(series_for_one_area, cutoff)
    if not days:
        return result

    t0, sudah0, wajib0 = days[-1], sudah[-1], wajib[-1]
    gap = target * wajib0 / 100 - sudah0  # recordings still missing today (≤ 0: reached)
    result.update({Col.TANGGAL: t0.isoformat(), Col.WAJIB: int(wajib0), Col.SUDAH: int(sudah0),
                   Col.CAKUPAN: float(100 * sudah0 / wajib0)})

    growth = 0.0
    if len(days) >= 2:
        first = bisect.bisect_left(days, t0 - timedelta(days=window))
        first = min(first, len(days) - 2)  # a gap longer than the window: use the snapshot before it
        elapsed = np.array([(d - days[first]).days for d in days[first:]], dtype=float)
        span = elapsed[-1]
        rate = float((sudah[-1] - sudah[first]) / span)
        growth = float((wajib[-1] - wajib[first]) / span)
        step_days = np.diff(elapsed)
        step_rates = np.diff(sudah[first:]) / step_days
        result.update({LAJU: rate, LAJU_GALAT: _rate_standard_error(step_rates, step_days),
                       PERTUMBUHAN_WAJIB: growth, JENDELA_AWAL: days[first].isoformat(), JENDELA_HARI: int(span),
                       N_INTERVAL: len(step_days), N_KOREKSI: int((np.diff(sudah[first:]) < 0).sum())})

    days_left = (tenggat - t0).days
    result[TENGGAT_LEWAT] = days_left <= 0
    if days_left > 0:
        needed = gap / days_left + target * growth / 100
        result[LAJU_DIBUTUHKAN] = max(0, math.ceil(needed - _EPS))

    if gap <= 0:
        result.update({STATUS: Status.SUDAH_TERCAPAI.value, HARI_KE_TARGET: 0, TEPAT_WAKTU: True})
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
    result.update({STATUS: Status.TERCAPAI.value, HARI_KE_TARGET: n_days, TANGGAL_PROYEKSI: reached.isoformat(),
                   TEPAT_WAKTU: reached <= tenggat})
    se = result[LAJU_GALAT]
    if se is not None:
        early = _days_to_target(gap, result[LAJU] + se - own_growth)
        late = _days_to_target(gap, result[LAJU] - se - own_growth)
        result[TANGGAL_PROYEKSI_AWAL] = _iso(t0 + timedelta(days=early))
        result[TANGGAL_PROYEKSI_AKHIR] = _iso(t0 + timedelta(days=late)) if late is not None else None
    return result


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
TABLE_COLUMNS = [Col.KODE, Col.NAMA, Col.CAKUPAN, LAJU, TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AWAL,
                 TANGGAL_PROYEKSI_AKHIR, STATUS, LAJU_DIBUTUHKAN, HARI_KE_TARGET, TEPAT_WAKTU, Col.TANGGAL]


def projections(series: pd.DataFrame, *, target_pct, deadline, window_days=28, as_of=None,
                kodes: list[str] | None = None, names: pd.Series | None = None) -> pd.DataFrame:
    """``projection`` for every area of ``series`` (or for ``kodes``: those without rows get
    DATA_KURANG), as TABLE_COLUMNS.

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
        record = projection(rows, target_pct=target, deadline=deadline, window_days=window_days, as_of=as_of)
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
    order = pd.DataFrame({
        "_group": table[STATUS].map(lambda s: _STATUS_ORDER[Status(s)]),
        "_when": table[TANGGAL_PROYEKSI].fillna("9999-12-31"),
        "_cov": table[Col.CAKUPAN].fillna(np.inf),
        "_kode": table[Col.KODE],
    })
    ranked = order.sort_values(["_group", "_when", "_cov", "_kode"], kind="stable").index
    return table.loc[ranked].reset_index(drop=True)


def projection_table(store, within: str, level: Level | str | None = None, *, target_pct=None, deadline,
                     window_days=28, as_of=None, settings=None, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Projection of every area at ``level`` (default: next level down) inside ``within``.

    Every stored area at that level is listed, those without data as DATA_KURANG.
    ``target_pct`` defaults to the hijau threshold of the settings. ``within`` itself is
    not a row: call ``projection(series(...)[kode == within], ...)`` for the headline.
    Returns TABLE_COLUMNS sorted as ``projections`` explains. Raises RekamError for a
    bad code, level, target, date or window (checked before the store is read). ``frame``:
    the ``series(store, within, level, end=as_of)`` already computed by the caller, if any.
    """
    within = check_code(within)
    _, level = check_levels(within, level)
    target = parse_target(target_pct if target_pct is not None else (settings or load_settings()).zones.hijau)
    parse_day(deadline, field="tenggat")
    parse_window(window_days)
    end = parse_day(as_of, field="as_of").isoformat() if as_of is not None else None
    if frame is None:
        frame = series(store, within, level, end=end)
    children = frame[frame[Col.KODE] != within]
    areas = store.areas(within=within, level=level)
    kodes = sorted(set(areas[Col.KODE]) | set(children[Col.KODE]))
    names = pd.concat([areas.set_index(Col.KODE)[Col.NAMA],
                       children.drop_duplicates(Col.KODE).set_index(Col.KODE)[Col.NAMA]])
    names = names[~names.index.duplicated()]
    return projections(children, target_pct=target, deadline=deadline, window_days=window_days, as_of=end,
                       kodes=kodes, names=names)


# --- events -------------------------------------------------------------------------------------
def read_events(path: str | Path) -> pd.DataFrame:
    """Events from a CSV (EVENT_COLUMNS; e.g. data/demo/peristiwa.csv), codes and dates as text.

    Raises RekamError('peristiwa_tidak_terbaca' / 'peristiwa_kolom_kurang').
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise RekamError("peristiwa_tidak_terbaca", path=str(path), detail=str(exc)[:200]) from None
    missing = [c for c in EVENT_COLUMNS if c not in frame]
    if missing:
        raise RekamError("peristiwa_kolom_kurang", path=str(path), kolom=", ".join(missing),
                         perlu=", ".join(EVENT_COLUMNS))
    return frame[list(EVENT_COLUMNS)]


def events_for(events: pd.DataFrame, kode: str) -> pd.DataFrame:
    """Events of area ``kode``, of its ancestors (a kabupaten-wide network cut) and of its
    descendants (a broken device in one of its desa).

    Takes EVENT_COLUMNS. Returns the matching rows sorted by MULAI then Col.KODE, with
    SELESAI filled with MULAI where empty (one-day events) and HUBUNGAN = 'wilayah_ini',
    'wilayah_induk' or 'bagian_wilayah'. Pure: the caller loads the events.
    """
    kode = check_code(kode)
    codes = events[Col.KODE].astype(str).str.strip()
    own = codes == kode
    ancestor = pd.Series([kode.startswith(c + ".") for c in codes], index=events.index, dtype=bool)
    descendant = codes.str.startswith(kode + ".")
    out = events[own | ancestor | descendant].copy()
    out[Col.KODE] = codes[out.index]
    out[HUBUNGAN] = np.select([own[out.index], ancestor[out.index]], ["wilayah_ini", "wilayah_induk"],
                              "bagian_wilayah")
    end = out[SELESAI].where(out[SELESAI].notna() & (out[SELESAI].astype(str).str.strip() != ""), out[MULAI])
    out[SELESAI] = end
    return out.sort_values([MULAI, Col.KODE], kind="stable", ignore_index=True)

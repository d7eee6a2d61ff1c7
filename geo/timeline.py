"""Values over time: coverage of areas on each report date, and the change between dates.

Everything is summed from counts (``sudah_rekam``, ``wajib_ktp``), never from percentages,
because the denominator changes between snapshots. Dates are ISO text (``2026-01-05``), as
in the store. Decisions, each tested in ``tests/geo/test_trend.py`` and
``tests/geo/test_timeline.py``:

* **Carry forward** (the one rule, ``as_of_every_date``). An area's value on a date D is
  the sum of each of its stored rows' newest version *on or before* D (the same "data as
  of" rule as ``coverage.coverage_table(date=…)``). A desa that has not reported on D is
  carried forward from its last report, and ``n_dibawa`` counts such rows, so a late
  island never shows up as a fake drop in the total. A desa that has never reported yet
  contributes nothing (``n_sumber`` then grows when it first arrives, flagged as
  ``sumber_berubah`` by ``weekly_recordings``).
* **An area's dates are its own report dates** (``series``): the dates on which at least
  one of its desa (or the area itself) reported. A kecamatan whose desa all report on
  Mondays has Monday points only, even when an island elsewhere reports on Thursdays.

``geo.trend`` projects from ``series``; the media pack and the briefing draw
``coverage_over_time``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo.columns import (
    HARI, KOREKSI, N_DIBAWA, N_SUMBER, PER_TANGGAL, REKAM_BARU, REKAM_PER_HARI, REKAM_PER_MINGGU, SUMBER_BERUBAH,
    TANGGAL_AWAL, WAJIB_BARU,
)
from geo.config import DEFAULTS, Settings
from geo.coverage import add_coverage, provinsi_areas
from geo.io.events import check_code
from geo.rollup import SUM_COLUMNS, aggregate, aggregate_each_date, country_sum, country_sums, rolled_up
from geo.schema import (
    COUNT_COLUMNS, COUNTRY, COUNTRY_NAME, Col, Level, RekamError, ZoneConfig, in_country, is_country,
)
from geo.store.held import HeldArea

OVER_TIME_COLUMNS = [Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN, Col.ZONA]


# --- the carry-forward rule -----------------------------------------------------------------
def as_of_every_date(rows: pd.DataFrame) -> pd.DataFrame:
    """For each report date D of ``rows``, every code's newest row on or before D.

    Takes stored rows (Col.KODE, Col.TANGGAL as ISO text or dates, any other columns); of two
    rows with the same code and date the later one wins. Returns those columns (Col.TANGGAL
    as ISO text: the row's own report date) with each row repeated once for every date it
    stands for, from its own date until its code's next report, and PER_TANGGAL = D (ISO
    text). A code has no row for the dates before its first report. Sorted by Col.KODE,
    then PER_TANGGAL.
    """
    rows = rows.assign(**{Col.TANGGAL: rows[Col.TANGGAL].astype(str).str[:10]})
    rows = rows.drop_duplicates([Col.KODE, Col.TANGGAL], keep="last")
    rows = rows.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)
    days = sorted(rows[Col.TANGGAL].unique())
    # A row stands for its code from its own date until the code's next row: repeat it once per date.
    position = rows[Col.TANGGAL].map({d: i for i, d in enumerate(days)}).to_numpy(dtype=int)
    following = pd.Series(position).groupby(rows[Col.KODE].to_numpy()).shift(-1).fillna(len(days))
    span = following.to_numpy().astype(int) - position
    starts = np.repeat(np.cumsum(span) - span, span)
    index = np.repeat(position, span) + (np.arange(span.sum()) - starts)
    asof = rows.loc[rows.index.repeat(span)].reset_index(drop=True)
    asof[PER_TANGGAL] = np.array(days, dtype=object)[index] if len(days) else []
    return asof


def sum_each_date(asof: pd.DataFrame, level: Level | str) -> pd.DataFrame:
    """``rollup.aggregate`` of ``asof`` up to ``level``, separately for each PER_TANGGAL.

    Takes ``as_of_every_date`` rows (Col.KODE, Col.TANGGAL, count columns, PER_TANGGAL).
    Returns SUM_COLUMNS: one row per area at ``level`` and date, with ``aggregate``'s
    Col.TANGGAL (newest report summed) and N_SUMBER (rows summed), and N_DIBAWA: how many
    of those rows were carried forward from a report before PER_TANGGAL.
    """
    if asof.empty:
        return pd.DataFrame(columns=SUM_COLUMNS)
    number, dates = pd.factorize(asof[PER_TANGGAL])
    tag = pd.Series(number, index=asof.index).astype(str)
    # The same rows counting 1 for each one carried from an earlier date: aggregate()'s own rule
    # decides which rows are summed, so summing this "count" gives n_dibawa for exactly those.
    carried = asof.assign(**{Col.WAJIB: (asof[Col.TANGGAL] < asof[PER_TANGGAL]).astype("Int64")})
    # aggregate() sums by code prefix, so tagging the first code segment with the date's number
    # (36 → 36@5, carried counts 36@c5) sums every date, and the carried counts, in one call.
    parts = asof[Col.KODE].str.partition(".")
    head, tail = parts[0] + "@", parts[1] + parts[2]
    stacked = pd.concat([asof.assign(**{Col.KODE: head + tag + tail}),
                         carried.assign(**{Col.KODE: head + "c" + tag + tail})], ignore_index=True)
    summed = aggregate(stacked[[Col.KODE, Col.TANGGAL, *COUNT_COLUMNS]], level)
    code = summed[Col.KODE].str.partition("@")
    tagged = code[2].str.partition(".")
    is_carried = tagged[0].str.startswith("c").to_numpy()
    summed = summed.assign(**{Col.KODE: code[0] + tagged[1] + tagged[2],
                              "_i": tagged[0].str.lstrip("c").astype(int)})
    counts = summed[~is_carried].copy()
    n_carried = summed[is_carried].set_index([Col.KODE, "_i"])[Col.WAJIB]
    index = pd.MultiIndex.from_frame(counts[[Col.KODE, "_i"]])
    counts[N_DIBAWA] = n_carried.reindex(index).fillna(0).astype(int).to_numpy()
    counts[PER_TANGGAL] = np.asarray(dates, dtype=object)[counts["_i"].to_numpy()]
    return counts[SUM_COLUMNS].reset_index(drop=True)


def sums_each_date(rows: pd.DataFrame, level: Level | str) -> pd.DataFrame:
    """``sum_each_date(as_of_every_date(rows), level)`` from stored rows (Col.KODE, Col.TANGGAL,
    count columns): SUM_COLUMNS, sorted by Col.KODE then PER_TANGGAL. Rows all at one level are
    summed once per area and date (``rollup.aggregate_each_date``), not repeated for every date."""
    summed = aggregate_each_date(rows, level)
    if summed is not None:
        return summed[SUM_COLUMNS]
    return sum_each_date(as_of_every_date(rows), level).sort_values([Col.KODE, PER_TANGGAL], ignore_index=True)


def sum_area_each_date(rows: pd.DataFrame, kode: str, per_provinsi: pd.DataFrame | None = None) -> pd.DataFrame:
    """``sums_each_date``'s rows of area ``kode`` alone, from stored rows (``COUNTRY``: its provinsi
    summed, per date; ``per_provinsi``: their ``sums_each_date`` when already made)."""
    if not is_country(kode):
        summed = sums_each_date(rows, Level.of_code(kode))
        return summed[summed[Col.KODE] == kode]
    return _country_each_date(sums_each_date(rows, Level.PROVINSI) if per_provinsi is None else per_provinsi)


def _country_each_date(per_provinsi: pd.DataFrame) -> pd.DataFrame:
    if per_provinsi.empty:
        return per_provinsi
    return country_sum(per_provinsi, by=[PER_TANGGAL])[SUM_COLUMNS]


# --- one area over time ---------------------------------------------------------------------
def area_over_time(store, kode: str, *, end: str | None = None) -> pd.DataFrame:
    """Summed counts of area ``kode`` (``COUNTRY``: every row) on each of its report dates (up to
    ``end``, ISO text).

    The value on a date is what ``coverage.area_totals(store, kode, date=…)`` gives: per
    stored area the newest row on or before that date, summed up the hierarchy. Returns
    Col.KODE, Col.TANGGAL (the date), the count columns (Int64), N_SUMBER and N_DIBAWA
    (``sum_each_date``), one row per date, by date.
    """
    held = _whole_history(store, kode, ("area_over_time", kode),
                          lambda: _over_time(store.enrollment(within=kode), kode), end)
    if held is not None:
        return held
    per_provinsi = country_sums(store, Level.PROVINSI, end) if is_country(kode) else None
    if per_provinsi is not None:
        return _by_date(_country_each_date(per_provinsi))
    return _over_time(store.enrollment(within=kode, end=end), kode)


def _over_time(rows: pd.DataFrame, kode: str) -> pd.DataFrame:
    return _by_date(sum_area_each_date(rows, kode))


def _by_date(summed: pd.DataFrame) -> pd.DataFrame:
    summed = summed.assign(**{Col.TANGGAL: summed[PER_TANGGAL]}).drop(columns=PER_TANGGAL)
    return summed.sort_values(Col.TANGGAL, ignore_index=True)


def _whole_history(store, within: str, key: tuple, compute, end: str | None) -> pd.DataFrame | None:
    """From a store holding ``within``'s rows (``geo.store.held.HeldArea``): the whole history,
    computed once (``compute()``: one row per area and report date, by Col.TANGGAL within each
    area), cut at ``end``. Each date's figures come from rows on or before it only, so the cut is
    what computing up to ``end`` gives. None for another store, or when nothing is left before
    ``end`` (the caller then computes the empty answer itself)."""
    if not (isinstance(store, HeldArea) and store.holds(within)):
        return None
    whole = store.derived(key, compute)
    if end is None:
        return whole.copy()
    cut = whole[(whole[Col.TANGGAL] <= end).to_numpy()]
    return cut.reset_index(drop=True) if len(cut) else None


def coverage_over_time(store, kode: str, *, end: str | None = None, settings: Settings = DEFAULTS) -> pd.DataFrame:
    """Coverage of area ``kode`` on each of its report dates (up to ``end``), as ``area_over_time``.

    Returns OVER_TIME_COLUMNS: Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.BELUM,
    Col.CAKUPAN (percent; NaN when wajib is 0), Col.ZONA (under ``settings.zones``), one row
    per date.
    """
    summed = area_over_time(store, kode, end=end)
    if summed.empty:
        return pd.DataFrame(columns=OVER_TIME_COLUMNS)
    return add_coverage(summed, settings.zones)[OVER_TIME_COLUMNS]


# --- series ----------------------------------------------------------------------------------
SERIES_COLUMNS = [Col.KODE, Col.NAMA, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN, N_SUMBER, N_DIBAWA]


def check_area(within) -> str:
    """``COUNTRY`` as it is, else the dotted code of ``within`` (``check_code``: raises RekamError)."""
    return within if is_country(within) else check_code(within)


def check_levels(within: str, level) -> tuple[Level | None, Level]:
    """(level of ``within``, None for ``COUNTRY``; ``level`` or the next one down); raises
    RekamError('tren_tingkat_salah') when ``level`` is not below ``within``."""
    top = None if is_country(within) else Level.of_code(within)
    level = Level(level) if level is not None else top.child if top else Level.PROVINSI
    if level is None or (top is not None and level.depth <= top.depth):
        raise RekamError("tren_tingkat_salah", level=getattr(level, "value", level), kode=within)
    return top, level


def series(store, within: str, level: Level | str | None = None, *, start: str | None = None,
           end: str | None = None) -> pd.DataFrame:
    """Coverage over time of ``within`` (``COUNTRY``: the whole country) and of its areas at ``level``
    (default: the next level down; the provinsi for the country).

    Reads every stored row up to ``end`` (earlier rows are needed to carry values
    forward) and keeps dates from ``start``. See ``series_from_rows`` for the rules
    and the columns. Raises RekamError for a bad code or a level not below ``within``.
    """
    within = check_area(within)
    check_levels(within, level)
    held = _whole_history(store, within, ("series", within, level and Level(level).value, start),
                          lambda: series_from_rows(store.enrollment(within=within), within, level, start=start,
                                                   names=_names(store, within, level)), end)
    if held is not None:
        return held
    if is_country(within):  # every stored row: summed by the database where it can
        _, level = check_levels(within, level)
        below = country_sums(store, level, end)
        per_provinsi = below if level == Level.PROVINSI or below is None else rolled_up(below, Level.PROVINSI)
        if below is not None:
            return _from_sums(_country_each_date(per_provinsi), below, within, start, _names(store, within, level))
    rows = store.enrollment(within=within, end=end)
    return series_from_rows(rows, within, level, start=start, names=_names(store, within, level))


def _names(store, within: str, level: Level | str | None = None) -> pd.DataFrame:
    """Col.KODE, Col.NAMA of the areas inside ``within``; for the country those at ``level`` only
    (not the 90,000 of every level) with every provinsi named (``coverage.provinsi_areas``: a
    provinsi is seldom stored)."""
    if not is_country(within):
        return store.areas(within=within)
    country = pd.DataFrame({Col.KODE: [COUNTRY], Col.NAMA: [COUNTRY_NAME]})
    _, level = check_levels(within, level)
    areas = store.areas(level=level) if level != Level.PROVINSI else None
    return pd.concat([country, areas, provinsi_areas(store)], ignore_index=True)


def series_from_rows(rows: pd.DataFrame, within: str, level: Level | str | None = None, *,
                     start: str | None = None, names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per area, per report date: summed counts and coverage (pure; ``series`` reads the store).

    Takes stored rows (Col.KODE, Col.TANGGAL, count columns; any level; every row counts for
    ``COUNTRY``, whose dates are every report date). For each date
    D, every row's newest version on or before D is taken and summed up the hierarchy
    with ``rollup.aggregate``; an area gets a point on D only when one of its rows
    is dated D (its own report dates). Returns SERIES_COLUMNS sorted by Col.KODE then
    Col.TANGGAL (``within`` first): counts as Int64, Col.CAKUPAN in percent (NaN when
    wajib is 0), N_SUMBER rows summed, N_DIBAWA of them carried forward from before D.
    ``names`` (Col.KODE, Col.NAMA) gives Col.NAMA.
    """
    within = check_area(within)
    _, level = check_levels(within, level)
    if rows.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    rows = rows[[Col.KODE, Col.TANGGAL, *COUNT_COLUMNS]]
    if not is_country(within):
        rows = rows[(rows[Col.KODE] == within) | rows[Col.KODE].str.startswith(within + ".")]
    below = sums_each_date(rows, level)
    return _from_sums(sum_area_each_date(rows, within, below if level == Level.PROVINSI else None), below, within,
                      start, names)


def _from_sums(top: pd.DataFrame, below: pd.DataFrame, within: str, start: str | None,
               names: pd.DataFrame | None) -> pd.DataFrame:
    """``series_from_rows``'s frame from the sums of each date of ``within`` and of its areas."""
    inside = in_country if is_country(within) else (lambda k: k.str.startswith(within + "."))
    parts = []
    for summed, keep in ((top, None), (below, inside)):
        if start:
            summed = summed[summed[PER_TANGGAL] >= start]
        own_date = summed[Col.TANGGAL] == summed[PER_TANGGAL]
        parts.append(summed[own_date & (keep(summed[Col.KODE]) if keep else True)].drop(columns=PER_TANGGAL))
    if all(part.empty for part in parts):
        return pd.DataFrame(columns=SERIES_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out = add_coverage(out, ZoneConfig())  # zones are not used here
    if names is not None and len(names):
        nama = names.drop_duplicates(Col.KODE).set_index(Col.KODE)[Col.NAMA]
        out[Col.NAMA] = out[Col.KODE].map(nama)
    else:
        out[Col.NAMA] = None
    out = out.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)
    return out[SERIES_COLUMNS]


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

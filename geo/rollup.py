"""Counts summed up the hierarchy and over report dates: the arithmetic ``geo.coverage`` and
``geo.timeline`` share (see ``geo.coverage`` for what is summed and why belum rekam is summed per
finest area).

``aggregate`` sums rows up to a level; ``aggregate_each_date`` does it on every report date with
each row carried forward; ``stored_sums_each_date`` gives the same for the whole country with the
database doing most of the sum (``geo.store.sums``); ``country_sums`` keeps every kabupaten/kota's
dates summed once in a held country (``geo.store.held.HeldLatest``), from which any date's
provinsi and kabupaten/kota are a cut (``country_sums_at``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo.columns import N_DIBAWA, N_SUMBER, PER_TANGGAL
from geo.schema import COUNT_COLUMNS, COUNTRY, LEVELS, Col, Level, ancestor_code, in_country
from geo.store import sums as stored

NULLABLE_SUMS = [*COUNT_COLUMNS, Col.KELEBIHAN]  # <NA> where no row summed has the figure
TALLIES = [Col.N_DI_ATAS_100, N_SUMBER, N_DIBAWA]  # rows counted: never missing
SUM_COLUMNS = [Col.KODE, Col.TANGGAL, *NULLABLE_SUMS, *TALLIES, PER_TANGGAL]  # per area and date


def _counts(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    if values.dtype == "Int64":  # as the store gives them: nothing to convert
        return values
    return pd.to_numeric(values, errors="coerce").astype("Int64")


def row_backlog(frame: pd.DataFrame) -> pd.DataFrame:
    """Col.BELUM = max(wajib − sudah, 0), Col.KELEBIHAN = max(sudah − wajib, 0) and
    Col.N_DI_ATAS_100 (1 where sudah > wajib) of each row on its own; <NA> without both counts.
    Col.PEMULA_BELUM as given, else max(pemula − pemula_sudah_rekam, 0) where both are given."""
    out = frame.copy()
    diff = _counts(out, Col.WAJIB) - _counts(out, Col.SUDAH)
    out[Col.BELUM] = diff.clip(lower=0).astype("Int64")
    out[Col.KELEBIHAN] = (-diff).clip(lower=0).astype("Int64")
    out[Col.N_DI_ATAS_100] = (diff < 0).fillna(False).astype(int)
    if {Col.PEMULA, Col.PEMULA_SUDAH, Col.PEMULA_BELUM} <= set(out.columns):
        # A file giving pemula and recorded pemula tells the not-recorded ones without a column for them.
        derived = (_counts(out, Col.PEMULA) - _counts(out, Col.PEMULA_SUDAH)).clip(lower=0)
        out[Col.PEMULA_BELUM] = _counts(out, Col.PEMULA_BELUM).fillna(derived).astype("Int64")
    return out


def aggregate(rows: pd.DataFrame, level: Level | str) -> pd.DataFrame:
    """Sum enrollment rows up to ``level``, bottom-up.

    Takes Col.KODE, Col.TANGGAL and count columns at any level. Going up one level at
    a time, an area's value is the sum of its children's; a row stored for the area
    itself is used only where none of its children has data (a kecamatan-level row
    fills in for a kecamatan whose desa were never imported). Returns one row per
    Col.KODE at ``level`` with summed counts (Col.BELUM, Col.KELEBIHAN and Col.N_DI_ATAS_100
    of each stored row summed, see ``geo.coverage``; Col.PEMULA_BELUM as given or, per stored row,
    pemula − pemula_sudah_rekam), Col.TANGGAL = newest date summed and
    ``n_sumber`` = how many stored rows were summed.
    """
    level = Level(level)
    summed = [*COUNT_COLUMNS, Col.KELEBIHAN, Col.N_DI_ATAS_100, "n_sumber"]
    cols = [Col.KODE, Col.TANGGAL, *summed]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    missing = [c for c in COUNT_COLUMNS if c not in rows]  # a frame made before a count was added
    rows = rows.assign(**{c: pd.array([pd.NA] * len(rows), dtype="Int64") for c in missing})
    rows = row_backlog(rows).assign(n_sumber=1, _depth=rows[Col.KODE].str.count(r"\.") + 1)
    current = rows[rows["_depth"] == len(LEVELS)]
    # With no stored row between ``level`` and the finest, summing level by level is one sum.
    steps = ([level.depth] if not rows["_depth"].between(level.depth, len(LEVELS) - 1).any()
             else range(len(LEVELS) - 1, level.depth - 1, -1))
    for depth in steps if level.depth < len(LEVELS) else ():
        keys = current[Col.KODE].str.replace(rf"^((?:[^.]*\.){{{depth - 1}}}[^.]*)\..*$", r"\1", regex=True)
        grouped = current.groupby(keys.rename(Col.KODE), sort=True)
        up = grouped[summed].sum(min_count=1)
        up[Col.TANGGAL] = grouped[Col.TANGGAL].max()
        up = up.reset_index()
        direct = rows[(rows["_depth"] == depth) & ~rows[Col.KODE].isin(up[Col.KODE])]
        current = pd.concat([up, direct[up.columns]], ignore_index=True)
    out = current.sort_values(Col.KODE, ignore_index=True)
    for c in (*COUNT_COLUMNS, Col.KELEBIHAN):
        out[c] = out[c].astype("Int64")
    out[Col.N_DI_ATAS_100] = out[Col.N_DI_ATAS_100].fillna(0).astype(int)
    out["n_sumber"] = out["n_sumber"].astype(int)
    return out[cols]


SUMMED_EACH_DATE = [*COUNT_COLUMNS, Col.KELEBIHAN, Col.N_DI_ATAS_100]


def aggregate_each_date(rows: pd.DataFrame, level: Level | str, dates=None) -> pd.DataFrame | None:
    """``aggregate`` on each report date D of ``rows`` of every code's newest row on or before D
    (the carry-forward rule of ``geo.timeline``), without repeating a row for every date.

    Takes stored rows (Col.KODE, Col.TANGGAL as ISO text, count columns) all at one level, at
    ``level`` or below it; of two rows with the same code and date the later one wins. An area's
    sums on D are those of the date before, changed by the rows dated D (each minus its code's
    previous row): one sum per area and date, not one per row and date. Returns ``aggregate``'s
    columns plus N_DIBAWA (of the rows summed, those reported before D) and PER_TANGGAL (D), one
    row per area and date from the area's first row on, sorted by Col.KODE then PER_TANGGAL.
    None when the rows are at several levels (an area's own row then stands in for its children
    only on the dates none of them has one: ``geo.timeline.sum_each_date``) or above ``level``.
    ``dates`` (ascending ISO text, holding every date of ``rows``): the report dates to sum on
    instead of those of ``rows`` (the rows carried forward to dates only other rows have).
    """
    level = Level(level)
    if rows.empty:
        return pd.DataFrame(columns=[Col.KODE, Col.TANGGAL, *SUMMED_EACH_DATE, N_SUMBER, N_DIBAWA, PER_TANGGAL])
    rows = rows.assign(**{Col.TANGGAL: rows[Col.TANGGAL].astype(str).str[:10]})
    rows = rows.drop_duplicates([Col.KODE, Col.TANGGAL], keep="last").sort_values([Col.KODE, Col.TANGGAL],
                                                                                  ignore_index=True)
    code_id, codes = pd.factorize(rows[Col.KODE], sort=True)
    depths = set(codes.str.count(r"\.") + 1)
    if len(depths) > 1 or min(depths) < level.depth:
        return None
    up = min(depths) - level.depth
    area_of_code, areas = pd.factorize(codes.str.rsplit(".", n=up).str[0] if up else codes, sort=True)
    if dates is None:
        day_id, days = pd.factorize(rows[Col.TANGGAL], sort=True)
    else:
        days = pd.Index(dates)
        day_id = pd.Categorical(rows[Col.TANGGAL], categories=days).codes.astype(np.int64)
    missing = [c for c in COUNT_COLUMNS if c not in rows]  # a frame made before a count was added
    rows = row_backlog(rows.assign(**{c: pd.array([pd.NA] * len(rows), dtype="Int64") for c in missing}))
    first = np.r_[True, code_id[1:] != code_id[:-1]]  # a code's first row adds itself, a later one its change
    shape = (len(areas), len(days))
    cell = area_of_code[code_id] * shape[1] + day_id

    def running(values: np.ndarray) -> np.ndarray:
        change = values.astype(np.float64)  # exact: counts stay far below 2**53
        change[1:] -= values[:-1]
        change[first] = values[first]
        return np.bincount(cell, weights=change, minlength=shape[0] * shape[1]).reshape(shape).cumsum(axis=1)

    summed = running(np.ones(len(rows)))
    reported = np.bincount(cell, minlength=shape[0] * shape[1]).reshape(shape)
    newest = np.maximum.accumulate(np.where(reported > 0, np.arange(shape[1]), -1), axis=1)
    keep = (summed > 0.5).ravel()
    area_index, day_index = np.divmod(np.flatnonzero(keep), shape[1])
    out = pd.DataFrame({Col.KODE: np.asarray(areas, dtype=object)[area_index],
                        Col.TANGGAL: np.asarray(days, dtype=object)[newest.ravel()[keep]]})
    for c in SUMMED_EACH_DATE:
        values = rows[c]
        known = values.notna().to_numpy()
        total = np.rint(running(values.fillna(0).to_numpy(dtype=np.int64))).astype(np.int64).ravel()[keep]
        if c == Col.N_DI_ATAS_100:
            out[c] = total
        else:
            out[c] = pd.array(total, dtype="Int64")
            out.loc[(running(known) < 0.5).ravel()[keep], c] = pd.NA  # no summed row has this figure
    out[N_SUMBER] = np.rint(summed.ravel()[keep]).astype(int)
    out[N_DIBAWA] = out[N_SUMBER].to_numpy() - reported.ravel()[keep]
    out[PER_TANGGAL] = np.asarray(days, dtype=object)[day_index]
    return out


def country_sum(per_provinsi: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """The country's counts: ``aggregate``'s rows at provinsi level (Col.KODE, Col.TANGGAL, summed
    columns) summed into one row with Col.KODE = ``COUNTRY`` (one per value of ``by``), Col.TANGGAL
    the newest summed; counts <NA> where no provinsi has them."""
    per_provinsi = per_provinsi[in_country(per_provinsi[Col.KODE]).to_numpy()]  # never the demo's figures
    counts = [c for c in per_provinsi.columns if c not in (Col.KODE, Col.TANGGAL, *(by or []))]
    if by:
        grouped = per_provinsi.groupby(by, sort=True)
        out = grouped[counts].sum(min_count=1).join(grouped[Col.TANGGAL].max()).reset_index()
    else:
        out = per_provinsi[counts].sum(min_count=1).to_frame().T
        out[Col.TANGGAL] = per_provinsi[Col.TANGGAL].max() if len(per_provinsi) else None
    out[Col.KODE] = COUNTRY
    ints = [c for c in counts if c not in COUNT_COLUMNS and c != Col.KELEBIHAN]
    return out.astype({**{c: "Int64" for c in counts}, **{c: int for c in ints}})


def stored_sums_each_date(store, level: Level | str, *, end: str | None = None) -> pd.DataFrame | None:
    """``sums_each_date`` of every stored row on or before ``end`` (the whole country's), without
    reading every row (``geo.store.sums``): the desa that report on every date their kabupaten/kota
    reports on are summed per kabupaten/kota and date by the database, and those sums carried to
    the dates between; the other desa are read and carried forward one by one
    (``aggregate_each_date``). None when that cannot be done (no rows, rows at several
    levels or above ``level``, codes of uneven widths, too many desa to read one by one): the
    caller then sums every row read."""
    level = Level(level)
    profile = stored.rows_profile(store, end)
    codes = profile[Col.KODE]
    depths = set(codes.str.count(r"\.") + 1)
    if len(depths) != 1 or min(depths) < level.depth:
        return None
    group = Level.KABUPATEN if level.depth < Level.KABUPATEN.depth <= min(depths) else level
    up = min(depths) - group.depth
    groups = codes.str.rsplit(".", n=up).str[0] if up else codes
    width = int(groups.str.len().max())
    if not (codes.str[:width] == groups).all():
        return None
    dates = np.array([d for d in store.snapshot_dates() if end is None or d <= end], dtype=object)
    own = stored.area_dates(store, width, end=end)  # each kabupaten/kota's own report dates
    own_since = own.assign(_n=1).groupby(Col.KODE)["_n"].cumsum()  # k-th date of its area
    total = own.groupby(Col.KODE).size()
    position = pd.Series(own_since.to_numpy(), index=pd.MultiIndex.from_frame(own))
    first_at = position.reindex(pd.MultiIndex.from_arrays([groups, profile["pertama"]])).to_numpy()
    later = groups.map(total).to_numpy() - first_at + 1  # the area's dates from the code's first on
    regular = (profile["n_baris"] == profile["n_tanggal"]).to_numpy() & (profile["n_tanggal"].to_numpy() == later)
    others = codes[~regular].tolist()
    if len(others) > stored.MAX_LISTED_CODES:
        return None
    reported = stored.reported_sums(store, width, end=end, leave_out=others)
    summed = stored.carried_sums(reported, dates)[SUM_COLUMNS]
    if others:
        rows = stored.current_rows(store, others, end=end)
        summed = _added(summed, aggregate_each_date(rows, group, dates=dates)[SUM_COLUMNS])
    if group != level:
        summed = rolled_up(summed, level)
    return summed.sort_values([Col.KODE, PER_TANGGAL], ignore_index=True)


def rolled_up(summed: pd.DataFrame, level: Level) -> pd.DataFrame:
    """SUM_COLUMNS of smaller areas summed into their areas at ``level``, per date."""
    keys = [summed[Col.KODE].map(lambda k: ancestor_code(k, level)).rename(Col.KODE), summed[PER_TANGGAL]]
    grouped = summed.groupby(keys, sort=True)
    out = grouped[NULLABLE_SUMS].sum(min_count=1).join(grouped[TALLIES].sum())
    out = out.join(grouped[Col.TANGGAL].max()).reset_index()
    return out.astype({**{c: "Int64" for c in NULLABLE_SUMS}, **{c: int for c in TALLIES}})[SUM_COLUMNS]


def _added(one: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Two SUM_COLUMNS frames added per area and date (a count <NA> only where both lack it)."""
    both = one.merge(other, on=[Col.KODE, PER_TANGGAL], how="outer", suffixes=("", "_b"), validate="one_to_one")
    for c in NULLABLE_SUMS:
        both[c] = both[c].add(both[c + "_b"], fill_value=0)
    for c in TALLIES:
        both[c] = both[c].fillna(0).astype(int) + both[c + "_b"].fillna(0).astype(int)
    newest = both[Col.TANGGAL].fillna(""), both[Col.TANGGAL + "_b"].fillna("")
    both[Col.TANGGAL] = np.where(newest[0] >= newest[1], newest[0], newest[1])
    return both[SUM_COLUMNS]


def _kept_kabupaten(store, level: Level) -> pd.DataFrame | None:
    """Every kabupaten/kota's dates summed (``stored_sums_each_date``), once for a store keeping what is
    derived from its snapshot (``geo.store.held.HeldLatest``); None for another store, for ``level``
    below kabupaten/kota, or when the sums cannot be made."""
    keep = getattr(store, "derived", None)
    if keep is None or level.depth > Level.KABUPATEN.depth:
        return None
    return keep(("country_sums", Level.KABUPATEN.value), lambda: stored_sums_each_date(store, Level.KABUPATEN))


def country_sums(store, level: Level, end: str | None) -> pd.DataFrame | None:
    """``stored_sums_each_date`` at ``level`` up to ``end``. A held country sums every kabupaten/kota's
    dates once (``_kept_kabupaten``): the provinsi are rolled up from them, and another ``end`` is a cut
    (each date's sums come from rows on or before it)."""
    kabupaten = _kept_kabupaten(store, level)
    if kabupaten is None:
        return stored_sums_each_date(store, level, end=end)
    if end is not None:
        kabupaten = kabupaten[(kabupaten[PER_TANGGAL] <= end).to_numpy()].reset_index(drop=True)
    return kabupaten if level == Level.KABUPATEN else rolled_up(kabupaten, level)


def country_sums_at(store, level: Level | str, date: str | None) -> pd.DataFrame | None:
    """``aggregate`` of the country's newest rows on or before ``date`` (None: the newest) at ``level``
    (provinsi or kabupaten/kota), as SUM_COLUMNS: the day's cut of the held country's kabupaten/kota
    sums (``country_sums``), rolled up to provinsi. None when the store keeps no such sums, ``level``
    is below kabupaten/kota, they cannot be made or nothing is dated on or before ``date``."""
    level = Level(level)
    kabupaten = _kept_kabupaten(store, level)
    if kabupaten is None:
        return None
    days = kabupaten[PER_TANGGAL]
    day = days.max() if date is None else days[(days <= date[:10]).to_numpy()].max()
    if not isinstance(day, str):  # nothing on or before ``date``
        return None
    summed = kabupaten[(days == day).to_numpy()].reset_index(drop=True)
    return summed if level == Level.KABUPATEN else rolled_up(summed, level)

"""Recording figures summed by the database, for a series of the whole country that must not read
every row.

The country's series (``geo.timeline``) sums every desa's newest figures on each report date: a
year of weekly national data is millions of stored rows, too many to read on every view. Most
desa report on every date their kabupaten/kota reports on, from their first report on
("regular"): on such a date their figure is that date's row, so the database sums them per area
and date (one GROUP BY). Only the other desa (a missed week, a date held by two active versions)
are read row by row, to be carried forward. ``rows_profile`` and ``area_dates`` tell which are
which, ``reported_sums`` sums the regular ones (``carried_sums`` carries them to the dates between),
``current_rows`` reads the others; the same queries run on SQLite and PostgreSQL.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import case, distinct, func, select

from geo.columns import N_DIBAWA, N_SUMBER, PER_TANGGAL
from geo.schema import COUNT_COLUMNS, Col
from geo.store.core import Store
from geo.store.tables import enrollment_table, versions_table

SUMMED = [*COUNT_COLUMNS, Col.KELEBIHAN, Col.N_DI_ATAS_100]  # what each row adds to its area's sums
MAX_LISTED_CODES = 20_000  # desa read row by row at most (each is a bound value of the query)
CHUNK = 2_000  # codes per query when reading rows by code


def _active(query, end: str | None):
    """``query`` on the enrollment rows of active versions dated on or before ``end``."""
    e, v = enrollment_table, versions_table
    query = query.join(v, (v.c.id == e.c.version_id) & v.c.active.is_(True))
    return query.where(e.c[Col.TANGGAL] <= end) if end else query


def rows_profile(store: Store, end: str | None = None) -> pd.DataFrame:
    """Per stored code (rows of active versions on or before ``end``): Col.KODE, ``n_baris`` (rows),
    ``n_tanggal`` (distinct dates; fewer than rows when two active versions hold one date) and
    ``pertama`` (the first date, ISO text), by code."""
    e = enrollment_table
    query = _active(select(e.c[Col.KODE], func.count().label("n_baris"),
                           func.count(distinct(e.c[Col.TANGGAL])).label("n_tanggal"),
                           func.min(e.c[Col.TANGGAL]).label("pertama")).select_from(e), end)
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query.group_by(e.c[Col.KODE]))]
    frame = pd.DataFrame(rows, columns=[Col.KODE, "n_baris", "n_tanggal", "pertama"])
    return frame.sort_values(Col.KODE, ignore_index=True)


def area_dates(store: Store, prefix: int, *, end: str | None = None) -> pd.DataFrame:
    """Col.KODE (an area: a code's first ``prefix`` characters) and Col.TANGGAL: each date on which
    one of the area's codes has a row of an active version (on or before ``end``), by area and date."""
    e = enrollment_table
    area = func.substr(e.c[Col.KODE], 1, prefix).label(Col.KODE)
    query = _active(select(area, e.c[Col.TANGGAL]).select_from(e), end).group_by(area, e.c[Col.TANGGAL])
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query)]
    return pd.DataFrame(rows, columns=[Col.KODE, Col.TANGGAL]).sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)


def reported_sums(store: Store, prefix: int, *, end: str | None = None, leave_out: list[str] = ()) -> pd.DataFrame:
    """The rows of active versions on or before ``end`` (but those of the codes ``leave_out``, at most
    MAX_LISTED_CODES) summed per area and date, the area being a code's first ``prefix`` characters.

    Each row counts as ``geo.rollup.aggregate`` counts it: belum rekam = max(wajib − sudah, 0)
    (none without both), pemula belum rekam as stored, else max(pemula − pemula sudah, 0), recorded
    beyond wajib (Col.KELEBIHAN) = max(sudah − wajib, 0) and Col.N_DI_ATAS_100 the rows whose sudah
    exceeds wajib. Returns Col.KODE (the area), Col.TANGGAL, the count columns and Col.KELEBIHAN
    (Int64, <NA> where no row has the figure), Col.N_DI_ATAS_100 and ``n_baris`` (rows summed), by area
    and date. Raises ValueError for a longer ``leave_out``.
    """
    if len(leave_out) > MAX_LISTED_CODES:
        raise ValueError(f"at most {MAX_LISTED_CODES} codes may be left out, got {len(leave_out)}")
    e = enrollment_table
    c = e.c
    values = {k: c[k] for k in COUNT_COLUMNS}
    values[Col.BELUM] = _not_below_zero(c[Col.WAJIB], c[Col.SUDAH])
    values[Col.PEMULA_BELUM] = func.coalesce(c[Col.PEMULA_BELUM], _not_below_zero(c[Col.PEMULA], c[Col.PEMULA_SUDAH]))
    values[Col.KELEBIHAN] = _not_below_zero(c[Col.SUDAH], c[Col.WAJIB])
    values[Col.N_DI_ATAS_100] = case((c[Col.SUDAH] > c[Col.WAJIB], 1), else_=0)  # NULL compares false
    area = func.substr(c[Col.KODE], 1, prefix).label(Col.KODE)
    query = select(area, c[Col.TANGGAL], *[func.sum(values[k]).label(k) for k in SUMMED],
                   func.count().label("n_baris")).select_from(e)
    query = _active(query, end)
    if len(leave_out):
        query = query.where(c[Col.KODE].not_in(list(leave_out)))
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(query.group_by(area, c[Col.TANGGAL]))]
    frame = pd.DataFrame(rows, columns=[Col.KODE, Col.TANGGAL, *SUMMED, "n_baris"])
    for k in SUMMED[:-1]:
        frame[k] = pd.array([None if pd.isna(v) else int(v) for v in frame[k]], dtype="Int64")
    frame[[Col.N_DI_ATAS_100, "n_baris"]] = frame[[Col.N_DI_ATAS_100, "n_baris"]].astype(np.int64)
    return frame.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)


def carried_sums(reported: pd.DataFrame, dates: np.ndarray) -> pd.DataFrame:
    """``reported_sums`` (each area's regular desa summed on the area's own report dates) on every
    date of ``dates`` (ascending ISO text, holding each of theirs) from the area's first on: a date
    between two of the area's own holds the sums of the one before, every row carried forward.
    Returns Col.KODE, Col.TANGGAL (the date summed), the count columns (Int64), N_SUMBER (rows
    summed), N_DIBAWA (of them carried forward) and PER_TANGGAL (the date stood for), with Col.KELEBIHAN and
    Col.N_DI_ATAS_100 after the counts."""
    index = {d: i for i, d in enumerate(dates)}
    right = reported.assign(_at=reported[Col.TANGGAL].map(index).astype(np.int64)).sort_values("_at")
    areas = reported[Col.KODE].unique()
    grid = pd.DataFrame({Col.KODE: np.repeat(areas, len(dates)),
                         "_at": np.tile(np.arange(len(dates), dtype=np.int64), len(areas))})
    out = pd.merge_asof(grid.sort_values("_at"), right, on="_at", by=Col.KODE, direction="backward")
    out = out[out["n_baris"].notna()].copy()
    out[PER_TANGGAL] = dates[out["_at"].to_numpy()]
    out[N_SUMBER] = out["n_baris"].astype(int)
    out[N_DIBAWA] = np.where(out[Col.TANGGAL] == out[PER_TANGGAL], 0, out[N_SUMBER])
    out = out.astype({**{c: "Int64" for c in SUMMED[:-1]}, Col.N_DI_ATAS_100: int})
    return out[[Col.KODE, Col.TANGGAL, *SUMMED, N_SUMBER, N_DIBAWA, PER_TANGGAL]].reset_index(drop=True)


def _not_below_zero(total, done):
    """max(total − done, 0) of one row; NULL without both."""
    return case((total.is_(None) | done.is_(None), None), (total > done, total - done), else_=0)


def current_rows(store: Store, codes: list[str], *, end: str | None = None) -> pd.DataFrame:
    """``Store.enrollment``'s rows (Col.KODE, Col.TANGGAL, count columns) of the codes ``codes`` alone,
    on or before ``end``, read a few thousand codes at a time; by code then date."""
    e = enrollment_table
    parts = []
    for start in range(0, len(codes), CHUNK):
        where = e.c[Col.KODE].in_(list(codes[start:start + CHUNK]))
        if end:
            where = where & (e.c[Col.TANGGAL] <= end)
        query = store.current_query(e, [e.c[Col.KODE], e.c[Col.TANGGAL]], where)
        with store.engine.connect() as conn:
            parts.append(pd.read_sql(query, conn))
    columns = [Col.KODE, Col.TANGGAL, *COUNT_COLUMNS]
    frame = pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
    frame = frame.astype({k: "Int64" for k in COUNT_COLUMNS})
    return frame.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)

"""Rows written in bulk: one prepared INSERT per batch, run by the driver over every row.

SQLAlchemy's own executemany builds a parameter set per row in Python — most of an import's write
on a national file. Here the statement is still SQLAlchemy's, compiled for the backend (SQLite or
PostgreSQL, with PostGIS's geometry binding), the column types' own conversions are applied to
whole columns, and the driver's ``executemany`` gets plain tuples (or dicts, for a named
paramstyle).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Table, insert

BATCH_ROWS = 2000  # rows per INSERT statement (the fault tests hold a writer between two batches)


def row_count(rows: list[dict] | dict[str, list]) -> int:
    return len(next(iter(rows.values()), ())) if isinstance(rows, dict) else len(rows)


def whole_numbers(values: pd.Series) -> list:
    """``values`` as Python ints (cut to whole numbers), None where missing: what the driver binds."""
    missing = values.isna().to_numpy()
    numeric = pd.to_numeric(values.where(~missing, 0))
    numbers = (numeric.to_numpy(dtype="int64") if pd.api.types.is_integer_dtype(numeric.dtype)
               else np.trunc(numeric.to_numpy(dtype="float64")).astype(np.int64))
    out = numbers.tolist()
    for i in np.flatnonzero(missing):
        out[i] = None
    return out


def insert_rows(conn, table: Table, rows: list[dict] | dict[str, list], version_id: int) -> None:
    """Insert ``rows`` (see ``Store.add_version``) tagged ``version_id``, ``BATCH_ROWS`` per statement,
    inside the caller's transaction ``conn``."""
    if isinstance(rows, dict):
        columns = dict(rows)
    else:
        if not rows:
            return
        columns = {key: [row[key] for row in rows] for key in rows[0]}
    n = row_count(columns)
    if not n:
        return
    # A column with no value in any row is left to the database, which stores NULL there: fewer
    # values to bind (a national file gives 3 of the 8 count columns).
    columns = {key: values for key, values in columns.items() if not _left_out(table.c[key], values)}
    columns["version_id"] = [version_id] * n
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    for key, values in columns.items():
        convert = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            columns[key] = [None if v is None else convert(v) for v in values]
    fixed = {k: v for k, v in compiled.params.items() if k not in columns}  # binds the SQL adds (PostGIS's SRID)
    if compiled.positional:
        params = list(zip(*(columns[k] if k in columns else [fixed[k]] * n for k in compiled.positiontup)))
    else:
        escaped = compiled.escaped_bind_names or {}
        names = [escaped.get(key, key) for key in columns]
        fixed = {escaped.get(k, k): v for k, v in fixed.items()}
        params = [{**fixed, **dict(zip(names, values))} for values in zip(*columns.values())]
    for start in range(0, n, BATCH_ROWS):
        conn.exec_driver_sql(compiled.string, params[start:start + BATCH_ROWS])


def _left_out(column, values) -> bool:
    """True for a nullable column without a default whose every value is None."""
    if not column.nullable or column.default is not None or column.server_default is not None:
        return False
    return values.count(None) == len(values) if isinstance(values, list) else all(v is None for v in values)

"""The current rows of the big versioned tables (areas, enrollment), read fast on both backends.

``Store.current_query`` ranks every row with a window function (``row_number() OVER (PARTITION
BY key …)``): the database sorts the whole table, wide rows and all, before keeping the first of
each key; on a national store that sort is most of a read. Here a row is current when no other
active row of the same key outranks it (a later date, then a newer version): an anti-join that
looks each key up in an index on the key columns, with the same result. Rows come back as the
driver's own tuples, turned into columns at once (SQLAlchemy's row objects and ``pd.read_sql``
build an object per row and per value).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Table, and_, exists, false, or_, select
from sqlalchemy.sql.util import ClauseAdapter

from geo.store.tables import versions_table


def newest_query(table: Table, keys: list, where=None, later=(), columns: list | None = None):
    """The rows of a versioned ``table`` that no other active row with the same ``keys`` (columns
    of ``table``) outranks: by ``later`` (columns of ``table``, a greater value outranks, in
    order), then by a greater ``version_id``. ``where`` filters both sides, as before the choice.
    ``columns`` (default: every column) is what the query returns.

    The table needs an index that starts with ``keys``: each row looks its key up once.
    """
    v = versions_table
    other, other_version = table.alias("newer"), v.alias("newer_version")
    adapt = ClauseAdapter(other).traverse
    ranks = [*later, table.c.version_id]
    outranks = false()
    for i, column in enumerate(reversed(ranks)):  # built inside out: (a > a') or (a = a' and (b > b' …))
        mine, theirs = column, adapt(column)
        outranks = theirs > mine if i == 0 else or_(theirs > mine, and_(theirs == mine, outranks))
    newer = (select(other.c.version_id)
             .join(other_version, (other_version.c.id == other.c.version_id) & other_version.c.active.is_(True))
             .where(*(adapt(k) == k for k in keys), outranks))
    if where is not None:
        newer = newer.where(adapt(where))
    query = select(*(columns if columns is not None else [table])).join(
        v, (v.c.id == table.c.version_id) & v.c.active.is_(True)).where(~exists(newer))
    return query.where(where) if where is not None else query


def read_columns(conn, query) -> dict[str, np.ndarray]:
    """``query``'s result as {column name: object array of its values}, from the driver's tuples.
    For columns the driver gives as the product uses them (text, integers, bytes): no type's
    result processing is applied."""
    result = conn.execute(query)
    names = list(result.keys())
    rows = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    table = np.empty((len(rows), len(names)), dtype=object)
    if rows:
        table[:] = rows  # numpy copies the tuples in C; a Python transposition costs more than the query
    return {name: table[:, j] for j, name in enumerate(names)}


def key_order(*keys: np.ndarray) -> np.ndarray | None:
    """The order that sorts rows by ``keys`` (text columns as the driver gives them, first key
    first, by code point as SQLite and a "C" collation sort), or None when they already are.
    Sorted as fixed-width numpy text: pandas sorts Arrow-backed text by factorizing it first,
    a quarter of a second for a country's desa."""
    if not len(keys[0]):
        return None
    texts = [np.asarray(k).astype(str) for k in keys]
    order = np.lexsort(texts[::-1])
    return None if (order[1:] > order[:-1]).all() else order


def nullable_ints(cells: np.ndarray) -> pd.arrays.IntegerArray:
    """Whole numbers or None (an object array, as a driver gives a BIGINT column) as pandas' Int64."""
    missing = np.equal(cells, None)
    numbers = np.zeros(len(cells), dtype=np.int64)
    if not missing.all():
        numbers[~missing] = cells[~missing].astype(np.int64)
    return pd.arrays.IntegerArray(numbers, missing)

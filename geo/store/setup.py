"""Creating the store's tables, and bringing a store made by an older version up to date."""
from __future__ import annotations

import warnings

from sqlalchemy import Column, Index, inspect, text
from sqlalchemy.engine import Engine

from geo.store.tables import LATER_INDEXES, METADATA

PG_LOCK = 74201  # the advisory lock every PostgreSQL writer takes, and the store's set-up


def set_up(engine: Engine) -> None:
    """Create the tables and add new columns, one opener at a time (SQLite's write lock; on
    PostgreSQL an advisory lock, so replicas starting together on an empty database take turns)."""
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            # Replicas starting together on an empty (or older) database would race to
            # create the same tables and columns: they take turns (the writers' lock).
            conn.execute(text(f"SELECT pg_advisory_xact_lock({PG_LOCK})"))
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        METADATA.create_all(conn)
        _add_new_columns(conn)


def missing_parts(conn) -> list[tuple[str, Column | Index | None]]:
    """(table, column) pairs this version defines that the store lacks: a whole table when it
    does not exist yet, otherwise its new (nullable) columns and ``LATER_INDEXES``."""
    inspector = inspect(conn)
    existing = set(inspector.get_table_names())
    missing = []
    for table in METADATA.sorted_tables:
        if table.name not in existing:
            missing.append((table.name, None))
            continue
        with warnings.catch_warnings():  # PostGIS's geometry is a type SQLAlchemy does not know by name
            warnings.filterwarnings("ignore", message="Did not recognize type")
            have = {c["name"] for c in inspector.get_columns(table.name)}
        missing += [(table.name, c) for c in table.columns if c.name not in have and c.nullable]
    for index in LATER_INDEXES:
        if index.table.name in existing and index.name not in {i["name"] for i in inspector.get_indexes(index.table.name)}:
            missing.append((index.table.name, index))
    return missing


def _add_new_columns(conn) -> None:
    """A store made by an older version gets the columns (all nullable) and indexes added since, so
    that an upgrade never needs a new store and never loses data."""
    for table, column in missing_parts(conn):
        if isinstance(column, Index):
            column.create(conn, checkfirst=True)
        elif column is not None:
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f'ALTER TABLE "{table}" ADD COLUMN "{column.name}" {kind}'))



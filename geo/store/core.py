"""The store: SQLite by default, PostgreSQL/PostGIS when the URL says so. One code path.

Every import is a numbered *version*. Rows are never updated in place: an import adds
rows tagged with its version, and the current state of an area (or of an area on a
date) is the row of the newest *active* version. Rolling a version back marks it
inactive, which restores exactly the state before it. Each import runs in one
transaction, so a failure or a killed process leaves the previous state intact.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from sqlalchemy import Table, create_engine, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from geo.io.grids import clean_text, clean_texts
from geo.schema import COUNT_COLUMNS, COUNTRY, DEMO_PROVINSI, Col, Level, RekamError, StoreError
from geo.store.setup import PG_LOCK, missing_parts, set_up
from geo.store.tables import (areas_table, enrollment_table, points_table,
                              versions_table)
from geo.store.bulk import insert_rows, row_count, whole_numbers
from geo.store.current import key_order, newest_query, nullable_ints, read_columns
from geo.store.connect import (
    check_intact, check_sqlite_folder, resolve_url, safe_url, short_error, sqlite_path, sqlite_setup,
)


if TYPE_CHECKING:  # geopandas and shapely load only where geometry is read or written
    import geopandas as gpd


class StoreConflict(StoreError):
    """A write broke a uniqueness rule (e.g. two accounts with one name): the caller names it."""


def now() -> str:
    """The current UTC time as ISO text (seconds), as every table stores it."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _within_clause(col, within: str | None):
    """The rows of ``within`` and of every area inside it; the country (``COUNTRY``) holds them all but
    the demo's fictional provinsi (``geo.schema.in_country``)."""
    if within == COUNTRY:
        return ~((col == DEMO_PROVINSI) | col.like(DEMO_PROVINSI + ".%"))
    return (col == within) | col.like(within + ".%") if within else None


@dataclass
class Store:
    engine: Engine

    @classmethod
    def open(cls, url: str | None = None) -> "Store":
        """Open (and create on first use) the store at ``url``. Raises StoreError."""
        url = resolve_url(url)
        try:
            if url.startswith("sqlite"):
                path = sqlite_path(url)
                if path is not None:
                    check_sqlite_folder(path)
                engine = create_engine(url, connect_args={"timeout": 60})
                sqlite_setup(engine)
            else:
                engine = create_engine(url, pool_pre_ping=True)
            with engine.connect() as conn:
                ready = not missing_parts(conn)
                conn.rollback()
            if not ready:
                set_up(engine)
        except SQLAlchemyError as exc:
            raise StoreError("db_tidak_bisa_dibuka", url=safe_url(url), detail=short_error(exc)) from None
        return cls(engine)

    @property
    def url(self) -> str:
        return safe_url(self.engine.url.render_as_string(hide_password=True))

    def check(self) -> None:
        """Check a SQLite file whole now (``check_intact``), not only before its first write: for a
        long-lived reader such as the dashboard, which then never meets damage halfway through a page."""
        with self.engine.connect() as conn:
            check_intact(conn)
            conn.rollback()

    def close(self) -> None:
        self.engine.dispose()

    # --- writing ---------------------------------------------------------
    def add_version(self, kind: str, parts: list[tuple[Table, list[dict] | dict[str, list]]], *, user: str | None = None,
                    file_name: str | None = None, file_hash: str | None = None, tanggal: str | None = None,
                    report: dict | None = None, force: bool = False) -> int:
        """One numbered version and its rows — in this store's tables or another module's
        (``ensure_tables`` first) — in one transaction; returns the version id. The rows of a
        table are a list of dicts (one per row, the same keys each) or a dict of columns
        (column name → list of values, all of one length).

        Unless ``force``, a file whose ``file_hash`` an active version already holds is refused
        inside that same transaction (RekamError 'berkas_sudah_diimpor'), so two identical
        uploads at the same moment cannot both land. Raises StoreError when the write fails;
        either way nothing is left behind.
        """
        versions = versions_table
        with self.transaction() as conn:
            self.refuse_same_file(file_hash, force=force, conn=conn)
            version_id = conn.execute(
                insert(versions).values(
                    kind=kind,
                    created_at=now(),
                    user=user or "cli",
                    file_name=file_name,
                    file_hash=file_hash,
                    row_count=sum(row_count(rows) for _, rows in parts),
                    tanggal=tanggal,
                    report=json.dumps(report or {}, ensure_ascii=False, default=str),
                    active=True,
                )
            ).inserted_primary_key[0]
            for table, rows in parts:
                insert_rows(conn, table, rows, version_id)
        return int(version_id)

    def refuse_same_file(self, file_hash: str | None, *, force: bool = False, conn=None) -> None:
        """RekamError 'berkas_sudah_diimpor' (naming the version) when an active version holds
        a file with ``file_hash``; nothing when ``force`` or no hash. Inside a write, pass its
        ``conn``; before reading a big file, call it alone to fail early."""
        if force or not file_hash:
            return
        previous = self.find_active_by_hash(file_hash, conn=conn)
        if previous:
            raise RekamError("berkas_sudah_diimpor", versi=previous["id"], file_name=previous["file_name"],
                             waktu=previous["created_at"])

    @contextmanager
    def transaction(self):
        """A write transaction on any of the store's tables.

        Writers are serialised (SQLite BEGIN IMMEDIATE, PostgreSQL advisory lock); on any
        database error everything is rolled back and StoreError is raised (StoreConflict
        when a uniqueness rule was broken). The product's own errors raised inside pass
        through unchanged, after the rollback.
        """
        try:
            with self._writer() as conn:
                self._lock(conn)
                yield conn
        except IntegrityError as exc:
            raise StoreConflict("db_gagal_menulis", detail=short_error(exc)) from None
        except SQLAlchemyError as exc:
            raise StoreError("db_gagal_menulis", detail=short_error(exc)) from None

    def _writer(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite)."""
        return self.engine.execution_options(write=True).begin()

    def _lock(self, conn) -> None:
        """Serialise writers: PostgreSQL advisory lock; SQLite already holds BEGIN IMMEDIATE."""
        if self.engine.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({PG_LOCK})"))

    def add_areas(self, areas: gpd.GeoDataFrame, **meta) -> int:
        """Store boundaries (Col.KODE, NAMA, LEVEL, KODE_INDUK, TIPE, geometry) as a new version."""
        import shapely

        # Columns, not a dict per row: a national file has ~90,000 areas.
        columns = {
            Col.KODE: areas[Col.KODE].tolist(),
            Col.NAMA: areas[Col.NAMA].tolist(),
            Col.LEVEL: [str(v) for v in areas[Col.LEVEL]],
            Col.KODE_INDUK: [k if isinstance(k, str) else None for k in areas[Col.KODE_INDUK]],
            Col.TIPE: areas[Col.TIPE].tolist() if Col.TIPE in areas else [None] * len(areas),
            "geom": list(shapely.to_wkb(areas.geometry.values, output_dimension=2)),
        }
        return self.add_version("boundaries", [(areas_table, columns)], **meta)

    def add_enrollment(self, rows: pd.DataFrame, *, tanggal: str, **meta) -> int:
        """Store one dated snapshot (Col.KODE plus count columns) as a new version.

        ``rows`` may also carry its own Col.TANGGAL per row (e.g. the demo history);
        otherwise every row gets ``tanggal``. A count column ``rows`` lacks is stored empty.
        """
        n = len(rows)
        dates = ([str(v)[:10] for v in rows[Col.TANGGAL].tolist()] if Col.TANGGAL in rows
                 else [str(tanggal)[:10]] * n)
        columns = {Col.KODE: rows[Col.KODE].tolist(), Col.TANGGAL: dates}
        for c in COUNT_COLUMNS:
            columns[c] = whole_numbers(rows[c]) if c in rows else [None] * n
        return self.add_version("enrollment", [(enrollment_table, columns)], tanggal=tanggal, **meta)

    def add_points(self, frame: pd.DataFrame, *, kind: str, **meta) -> int:
        """Store point features (id, Col.NAMA, Col.KODE, lat, lon, atribut dict) as a new version."""
        rows = [
            {"kind": kind, "id": str(r["id"]), Col.NAMA: r[Col.NAMA], Col.KODE: r[Col.KODE],
             "lat": float(r["lat"]), "lon": float(r["lon"]),
             "atribut": json.dumps(r.get("atribut") or {}, ensure_ascii=False, default=str)}
            for r in frame.to_dict("records")
        ]
        return self.add_version(f"points:{kind}", [(points_table, rows)], **meta)

    def points(self, kind: str, *, within: str | None = None) -> pd.DataFrame:
        """Current points of ``kind``: id, Col.NAMA, Col.KODE, lat, lon, atribut (dict)."""
        t = points_table
        where = t.c.kind == kind
        if within:
            where = where & _within_clause(t.c[Col.KODE], within)
        q = self.current_query(t, [t.c.kind, t.c.id], where)
        with self.engine.connect() as conn:
            frame = pd.read_sql(q, conn)
        frame["atribut"] = frame["atribut"].map(lambda s: json.loads(s) if s else {})
        frame[Col.NAMA] = [clean_text(n) if isinstance(n, str) else n for n in frame[Col.NAMA]]
        return frame.drop(columns=["version_id", "kind"]).sort_values("id", ignore_index=True)

    def rollback(self, version_id: int, user: str = "cli") -> dict:
        """Mark ``version_id`` inactive: the state is as if it had never been imported."""
        versions = versions_table
        try:
            with self._writer() as conn:
                self._lock(conn)
                row = conn.execute(select(versions).where(versions.c.id == version_id)).mappings().first()
                if row is None:
                    raise StoreError("versi_tidak_ada", versi=version_id)
                if not row["active"]:
                    raise StoreError("versi_sudah_dibatalkan", versi=version_id)
                conn.execute(
                    update(versions)
                    .where(versions.c.id == version_id)
                    .values(active=False, rolled_back_at=now(), rolled_back_by=user)
                )
        except SQLAlchemyError as exc:
            raise StoreError("db_gagal_menulis", detail=short_error(exc)) from None
        return dict(row)

    # --- reading ---------------------------------------------------------
    def history(self) -> pd.DataFrame:
        """All versions, newest first (report parsed from JSON)."""
        v = versions_table
        with self.engine.connect() as conn:
            frame = pd.read_sql(select(v).order_by(v.c.id.desc()), conn)
        frame["report"] = frame["report"].map(lambda s: json.loads(s) if s else {})
        return frame

    def find_active_by_hash(self, file_hash: str, conn=None) -> dict | None:
        v = versions_table
        query = select(v).where(v.c.file_hash == file_hash, v.c.active.is_(True)).order_by(v.c.id.desc())
        if conn is not None:
            row = conn.execute(query).mappings().first()
        else:
            with self.engine.connect() as own:
                row = own.execute(query).mappings().first()
        return dict(row) if row else None

    def current_query(self, table: Table, keys: list, where=None, order_extra=(), columns: list | None = None):
        """A query of the rows of a versioned ``table`` whose version is the newest active one for
        their ``keys`` (columns of ``table``); ``where`` filters before that choice. ``columns``
        (columns of ``table``) limits what is read; by default every column."""
        v = versions_table
        rank = func.row_number().over(
            partition_by=keys, order_by=[*order_extra, table.c.version_id.desc()]
        ).label("_rank")
        inner = select(*(columns if columns is not None else [table]), rank).join(
            v, (v.c.id == table.c.version_id) & v.c.active.is_(True))
        if where is not None:
            inner = inner.where(where)
        sub = inner.subquery()
        return select(*[c for c in sub.c if c.name != "_rank"]).where(sub.c._rank == 1)

    def read_current(self, table: Table, keys: list[str], where=None) -> pd.DataFrame:
        """The current rows of a versioned ``table`` (newest active version per ``keys``, names of
        its columns), without ``version_id``."""
        query = self.current_query(table, [table.c[k] for k in keys], where)
        with self.engine.connect() as conn:
            frame = pd.read_sql(query, conn)
        return frame.drop(columns=["version_id"])

    def areas(self, *, within: str | None = None, level: Level | str | None = None,
              geometry: bool = False) -> pd.DataFrame | gpd.GeoDataFrame:
        """Current areas: Col.KODE, NAMA, LEVEL, KODE_INDUK, TIPE (+ geometry, EPSG:4326), by code.

        Without ``geometry`` the shapes are not read at all (a national table is codes and names)."""
        a = areas_table
        conds = []
        if within:
            conds.append(_within_clause(a.c[Col.KODE], within))
        if level:
            conds.append(a.c[Col.LEVEL] == str(Level(level).value))
        where = None
        for c in conds:
            where = c if where is None else (where & c)
        cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE]
        q = newest_query(a, [a.c[Col.KODE]], where, columns=[a.c[c] for c in cols + ["geom"] * geometry])
        with self.engine.connect() as conn:
            frame = pd.DataFrame(read_columns(conn, q), columns=cols + ["geom"] * geometry, dtype=object)
        # Names are data shown everywhere (tables, charts, SVG, PDF): never a control character,
        # even in a store written before imports cleaned them.
        frame[Col.NAMA] = clean_texts(frame[Col.NAMA].tolist())
        if not frame[Col.KODE].is_monotonic_increasing:  # most stores give them in code order already
            frame = frame.sort_values(Col.KODE, ignore_index=True)
        if not geometry:
            return frame
        import geopandas as gpd
        import shapely

        wkb = frame.pop("geom").tolist()
        geoms = shapely.from_wkb([bytes(b) if b is not None else None for b in wkb]) if wkb else []
        return gpd.GeoDataFrame(frame, geometry=list(geoms), crs="EPSG:4326")

    def enrollment(self, *, within: str | None = None, start: str | None = None,
                   end: str | None = None, latest: bool = False) -> pd.DataFrame:
        """Current enrollment rows: Col.KODE, Col.TANGGAL, count columns, version_id.

        ``latest=True`` keeps, per area, only the newest snapshot on or before ``end``.
        """
        e = enrollment_table
        conds = []
        if within:
            conds.append(_within_clause(e.c[Col.KODE], within))
        if start:
            conds.append(e.c[Col.TANGGAL] >= start)
        if end:
            conds.append(e.c[Col.TANGGAL] <= end)
        where = None
        for c in conds:
            where = c if where is None else (where & c)
        if latest:
            q = newest_query(e, [e.c[Col.KODE]], where, later=(e.c[Col.TANGGAL],))
        else:
            q = newest_query(e, [e.c[Col.KODE], e.c[Col.TANGGAL]], where)
        with self.engine.connect() as conn:
            columns = read_columns(conn, q)
        order = key_order(columns[Col.KODE], columns[Col.TANGGAL])
        if order is not None:
            columns = {name: values[order] for name, values in columns.items()}
        frame = pd.DataFrame({"version_id": columns["version_id"].astype(np.int64),
                              **{c: pd.array(columns[c], dtype="str") for c in (Col.KODE, Col.TANGGAL)},
                              **{c: nullable_ints(columns[c]) for c in COUNT_COLUMNS}})
        return frame

    def snapshot_dates(self, within: str | None = None) -> list[str]:
        """Distinct snapshot dates with current data, ascending."""
        e, v = enrollment_table, versions_table
        q = select(e.c[Col.TANGGAL]).distinct().join(v, (v.c.id == e.c.version_id) & v.c.active.is_(True))
        if within:
            q = q.where(_within_clause(e.c[Col.KODE], within))
        with self.engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(q))

    def stamp(self) -> tuple[int, int]:
        """(newest version id, number of active versions): changes whenever data changes."""
        v = versions_table
        with self.engine.connect() as conn:
            row = conn.execute(select(func.max(v.c.id), func.count().filter(v.c.active.is_(True)))).one()
        return int(row[0] or 0), int(row[1] or 0)

    def is_empty(self) -> bool:
        v = versions_table
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(v)).scalar_one() == 0

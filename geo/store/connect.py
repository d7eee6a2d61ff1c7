"""Opening a store: which database a URL names, checks before touching a SQLite file, and the
SQLite settings that let readers run beside one writer."""
from __future__ import annotations

import os
import sqlite3
import time
import weakref
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from geo.schema import DATA_DIR, StoreError

DEFAULT_SQLITE = DATA_DIR / "rekam.sqlite"
ENV_URL = "REKAM_DB_URL"

SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")  # what the product is built and tested on
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
BUSY_SECONDS = 60  # how long an opener waits for another's lock


def resolve_url(url: str | None = None) -> str:
    """``--db`` > ``REKAM_DB_URL`` > ``sqlite:///data/rekam.sqlite``; a bare path means SQLite.

    Raises StoreError for a scheme the product does not speak ('db_skema_tidak_didukung') and for
    a bare value that is not a SQLite file name ('db_url_tidak_dikenal': ``--db "not a url"``
    must not quietly create a file of that name).
    """
    url = (url or os.environ.get(ENV_URL) or f"sqlite:///{DEFAULT_SQLITE}").strip()
    if "://" not in url:
        path = Path(url)
        if path.suffix.lower() not in SQLITE_SUFFIXES and not path.is_file():
            raise StoreError("db_url_tidak_dikenal", nilai=url[:200])
        return f"sqlite:///{path.resolve()}"
    scheme = url.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise StoreError("db_skema_tidak_didukung", skema=scheme[:40], url=safe_url(url)[:200])
    return url


def sqlite_path(url: str) -> Path | None:
    path = url.split(":///", 1)[-1]
    return Path(path) if path and path != ":memory:" else None


def check_sqlite_folder(path: Path) -> None:
    """The folder must exist (only the default ``data/`` is made)."""
    if not path.parent.is_dir():
        if path.parent.resolve() != DATA_DIR.resolve():
            raise StoreError("db_folder_tidak_ada", folder=str(path.parent))
        path.parent.mkdir(parents=True, exist_ok=True)


DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)  # primary result codes of a damaged file


def damaged(exc: BaseException, path: str) -> StoreError | None:
    """StoreError 'db_rusak' when SQLite reports the file damaged or not a database at all."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in DAMAGED:
        return StoreError("db_rusak", path=path, detail=str(exc)[:200])
    return None


_INTACT: weakref.WeakSet = weakref.WeakSet()  # connection pools whose file passed the check in this process


def check_intact(conn) -> None:
    """``PRAGMA quick_check`` of a SQLite file, once per pool and process; StoreError 'db_rusak'
    when it finds damage. Its cost grows with the file (~6 ms per MB), so it runs before a first
    write (a damaged file is never written into) and once when the dashboard opens its store,
    not on every open of a command that only reads."""
    pool = conn.engine.pool
    if conn.engine.dialect.name != "sqlite" or pool in _INTACT:
        return
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise StoreError("db_rusak", path=conn.engine.url.database, detail="; ".join(map(str, result[:3]))[:200])
    _INTACT.add(pool)


def sqlite_setup(engine: Engine) -> None:
    """WAL for concurrent readers; BEGIN IMMEDIATE so two writers queue instead of deadlocking;
    the file checked before the first write (``check_intact``); every error SQLite reports as
    damage, on any read or write, StoreError 'db_rusak'."""
    path = engine.url.database or ":memory:"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN itself
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            _use_wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise damaged(exc, path) or exc
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Readers take a deferred transaction (WAL lets them run beside a writer).
        write = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if write:
            check_intact(conn)

    @event.listens_for(engine, "handle_error")
    def _on_error(context):
        return damaged(context.original_exception, path)


def _use_wal(cur) -> None:
    """Switch the file to WAL (kept in the file: a no-op after the first opener). The switch fails at
    once, without SQLite's busy wait, while another opener holds the file (replicas starting together
    on a new store): it is tried again until it takes or BUSY_SECONDS have passed."""
    deadline, pause = time.monotonic() + BUSY_SECONDS, 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':')[0]}:***@{host}" if ":" in creds else url
    return url


def short_error(exc: Exception) -> str:
    """The first line of a database error, for a message (no traceback, at most 300 characters)."""
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0][:300]

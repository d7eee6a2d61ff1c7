"""Shared test fixtures: paths to the real public files beside the checkout."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_REAL = ROOT.parent / "shared" / "real"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """``../shared/real``; tests that need it are skipped, with the reason, when it is absent."""
    if not SHARED_REAL.is_dir():
        pytest.skip(f"real public files not found at {SHARED_REAL} (they live in ../shared/real beside the checkout)")
    return SHARED_REAL


@pytest.fixture(scope="session")
def banten_url(real_dir, tmp_path_factory) -> str:
    """Banten's real store (``tests.banten.banten_store``: 1,552 desa boundaries and the province's sheet at
    four dates), built once per test process for the tests that only read it (building takes ≈ 20 s)."""
    from tests.banten import banten_store

    url, _ = banten_store(real_dir, tmp_path_factory.mktemp("banten_shared"))
    return url


# --- stores: every store test runs on SQLite and on a throwaway PostgreSQL/PostGIS ----------
import itertools
import os
import shutil
import subprocess
import tempfile

PG_BIN = Path("/usr/lib/postgresql/15/bin")
_db_counter = itertools.count(1)


def _as_postgres(cmd: list[str]) -> list[str]:
    return (["runuser", "-u", "postgres", "--"] + cmd) if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL 15 + PostGIS cluster on loopback; yields a URL prefix.

    ``make test`` installs Debian's postgresql-15-postgis-3 when missing. Skipped, with
    the reason, when the binaries are absent (e.g. running pytest by hand without it).
    """
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15 not installed (make test installs postgresql-15-postgis-3)")
    data = Path(tempfile.mkdtemp(prefix="rekam-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    port = 55432 + os.getpid() % 1000
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                 "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-w", "start",
                                 "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"]),
                   check=True, capture_output=True)
    base = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE DATABASE rekam_template"))
    tmpl = create_engine(f"{base}/rekam_template")
    with tmpl.begin() as conn:
        conn.execute(text("CREATE EXTENSION postgis"))
    tmpl.dispose()
    yield base, engine
    engine.dispose()
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                   capture_output=True)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty store URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    base, engine = request.getfixturevalue("pg_server")
    from sqlalchemy import text

    name = f"t{os.getpid()}_{next(_db_counter)}"
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE rekam_template"))
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def demo_sqlite(tmp_path_factory) -> Path:
    """A SQLite store holding the committed demo, loaded once per test session through the
    normal importers. Tests that write use a copy of the file."""
    from geo.ingest.demo import load_demo
    from geo.store import Store

    path = tmp_path_factory.mktemp("demo") / "rekam.sqlite"
    store = Store.open(f"sqlite:///{path}")
    load_demo(store)
    store.close()
    return path

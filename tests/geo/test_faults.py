"""Faults: imports racing each other, a process killed mid-import, readers during an import.

Real OS processes do the writing, through the product's own code: ``python -m geo
import-enrollment`` (the CLI) or ``Store.add_enrollment``. A small driver script, written
here, runs them with SQLAlchemy event hooks that only *observe and hold* the write
transaction: they note in a log when a process asks for the write lock, gets it, inserts a
batch of rows and commits, and can stop the process at one of those steps (transaction
open) until the test releases it. So the races below happen at chosen moments, not by luck
of timing, and no test sleeps longer than a poll. Nothing in ``geo/`` knows about this.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from sqlalchemy import func, select, text

from geo import fmt
from geo.cli import main
from geo.coverage import coverage_table
from geo.schema import Col
from geo.store import Store
from geo.store.tables import enrollment_table, versions_table

ROOT = Path(__file__).resolve().parents[2]
OLD_DATE, DATE, NEXT_DATE = "2026-07-31", "2026-08-31", "2026-09-30"

DRIVER = '''
"""Runs `cli ARGS...` (as python -m geo) or `bulk URL SPEC.json` (one Store.add_enrollment).

Hooks note each step of the write transaction in $FAULT_LOG as "<step> <unix time>":
asks_lock, locked, rows (one per INSERT batch of enrollment rows), commits; bulk adds done.
$FAULT_HOLD lists steps to stop at ("rows1" is the first batch, "commits" the moment before
COMMIT): there the process notes "holding <step>", waits until the file $FAULT_GO/<pid>-<step>
exists, and notes "released <step>". The transaction stays open meanwhile.
"""
import json, os, runpy, sys, time
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

LOG = open(os.environ["FAULT_LOG"], "a", buffering=1)
HOLD = set(os.environ.get("FAULT_HOLD", "").split())
GO = os.environ.get("FAULT_GO", ".")
SEEN = {}


def note(*words):
    LOG.write(" ".join(words) + f" {time.time():.6f}\\n")


def step(name):
    note(name)
    SEEN[name] = SEEN.get(name, 0) + 1
    label = f"{name}{SEEN[name]}" if name == "rows" else name
    if label in HOLD:
        note("holding", label)
        go, deadline = Path(GO, f"{os.getpid()}-{label}"), time.time() + 120
        while not go.exists() and time.time() < deadline:
            time.sleep(0.005)
        note("released", label)


def takes_write_lock(statement):
    s = statement.lstrip().upper()
    return s.startswith("BEGIN IMMEDIATE") or "PG_ADVISORY_XACT_LOCK" in s


@event.listens_for(Engine, "before_cursor_execute")
def before(conn, cursor, statement, parameters, context, executemany):
    if takes_write_lock(statement):
        step("asks_lock")


@event.listens_for(Engine, "after_cursor_execute")
def after(conn, cursor, statement, parameters, context, executemany):
    if takes_write_lock(statement):
        step("locked")
    elif statement.lstrip().upper().startswith("INSERT INTO ENROLLMENT"):
        step("rows")


@event.listens_for(Engine, "commit")
def commit(conn):
    if conn.get_execution_options().get("write"):
        step("commits")


if sys.argv[1] == "cli":
    sys.argv = ["python -m geo", *sys.argv[2:]]
    runpy.run_module("geo", run_name="__main__", alter_sys=True)
else:
    import pandas as pd
    from geo.store import Store

    url, spec = sys.argv[2], json.loads(Path(sys.argv[3]).read_text())
    n = spec["filler"]
    filler = pd.DataFrame({  # areas that exist nowhere: bulk, never shown
        "kode": [f"98.{i // 100000:02d}.{i // 1000 % 100:02d}.{i % 1000 + 1000}" for i in range(n)],
        "wajib_ktp": 1000, "sudah_rekam": 900,
    })
    rows = pd.concat([pd.DataFrame(spec["head"]), filler, pd.DataFrame(spec["tail"])], ignore_index=True)
    Store.open(url).add_enrollment(rows, tanggal=spec["tanggal"], file_name="besar.csv")
    step("done")
'''


# --- helpers -----------------------------------------------------------------------------------
def grid_areas(n_desa: int, per_kecamatan: int = 900) -> gpd.GeoDataFrame:
    """Kabupaten 99.01 with kecamatan of up to ``per_kecamatan`` desa, as tiny squares."""
    rows = [("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 10, 10))]
    for i in range(n_desa):
        kec = f"99.01.{i // per_kecamatan + 1:02d}"
        if i % per_kecamatan == 0:
            rows.append((kec, f"Kecamatan {kec}", "kecamatan", "99.01", "kecamatan", box(0, 0, 10, 10)))
        x, y = (i % 100) * 0.01, (i // 100) * 0.01
        rows.append((f"{kec}.{2001 + i % per_kecamatan}", f"Desa {i + 1:04d}", "desa", kec, "desa",
                     box(x, y, x + 0.01, y + 0.01)))
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


def desa_codes(areas: gpd.GeoDataFrame) -> list[str]:
    return areas.loc[areas[Col.LEVEL] == "desa", Col.KODE].tolist()


def write_csv(path: Path, figures: dict[str, tuple[int, int]]) -> Path:
    lines = ["KODE;WAJIB KTP;SUDAH REKAM"] + [f"{k};{w};{s}" for k, (w, s) in figures.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Child:
    """A driver process and what its log says it did."""

    tag: str
    proc: subprocess.Popen
    log: Path
    go: Path

    def steps(self) -> list[tuple[str, float]]:
        if not self.log.exists():
            return []
        lines = [line.rsplit(" ", 1) for line in self.log.read_text().splitlines() if line.count(" ")]
        return [(what, float(t)) for what, t in lines]

    def at(self, what: str) -> float:
        """When ``what`` first happened (inf if it has not)."""
        return next((t for s, t in self.steps() if s == what), float("inf"))

    def count(self, what: str) -> int:
        return sum(s == what for s, _ in self.steps())

    def holding(self, label: str) -> bool:
        return self.at(f"holding {label}") < float("inf") and self.at(f"released {label}") == float("inf")

    def release(self, label: str) -> None:
        (self.go / f"{self.proc.pid}-{label}").touch()

    def output(self) -> str:
        return self.log.with_suffix(".out").read_text(errors="replace")


@pytest.fixture
def spawn(tmp_path):
    """Start driver processes; any still running at the end of the test is killed."""
    driver, go = tmp_path / "driver.py", tmp_path / "go"
    driver.write_text(DRIVER)
    go.mkdir()
    children: list[Child] = []

    def start(tag: str, *args: str, hold: str = "") -> Child:
        log = tmp_path / f"{tag}.log"
        with log.with_suffix(".out").open("w") as sink:
            proc = subprocess.Popen(
                [sys.executable, str(driver), *args], cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "FAULT_LOG": str(log), "FAULT_HOLD": hold,
                     "FAULT_GO": str(go)},
            )
        children.append(Child(tag, proc, log, go))
        return children[-1]

    yield start
    for child in children:
        if child.proc.poll() is None:
            child.proc.kill()
            child.proc.wait()


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def snapshot(url: str) -> dict:
    """History, current enrollment and areas, and every row of every store table."""
    store = Store.open(url)
    try:
        out = {"history": store.history(), "enrollment": store.enrollment(), "areas": store.areas()}
        with store.engine.connect() as conn:
            for name in ("versions", "areas", "enrollment", "points"):
                out[f"table {name}"] = sorted(map(repr, conn.execute(text(f'SELECT * FROM "{name}"')).all()))
    finally:
        store.close()
    return out


def assert_same(before: dict, after: dict) -> None:
    for key, value in before.items():
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(after[key], value, obj=key)
        else:
            assert after[key] == value, key


def version_rows(store: Store) -> list[tuple[int, int, int]]:
    """(version id, row_count, rows visible) of every enrollment version, read in one statement."""
    v, e = versions_table, enrollment_table
    visible = select(func.count()).where(e.c.version_id == v.c.id).scalar_subquery()
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(v.c.id, v.c.row_count, visible).where(v.c.kind == "enrollment").order_by(v.c.id))]


def advisory_lock_holders(store: Store) -> int:
    """Other sessions holding the store's writer lock (PostgreSQL)."""
    with store.engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 74201 AND granted "
            "AND pid <> pg_backend_pid()")).scalar_one()


# --- (a) two imports at once ----------------------------------------------------------------------
N_DESA = 2100  # two INSERT batches: 2,000 rows, then 100
READS_PER_HOLD = 3


def test_two_cli_imports_at_once_never_interleave(store_url, tmp_path, spawn):
    areas = grid_areas(N_DESA)
    store = Store.open(store_url)
    store.add_areas(areas)
    store.close()
    codes = desa_codes(areas)
    figures = {
        "a": {k: (1000 + i % 97, 900 + i % 89) for i, k in enumerate(codes)},
        "b": {k: (2000 + i % 83, 1500 + i % 79) for i, k in enumerate(codes)},
    }
    # Both for the same date; each stops after its first batch of rows, transaction open.
    children = [spawn(tag, "cli", "import-enrollment", str(write_csv(tmp_path / f"{tag}.csv", figures[tag])),
                      "--date", DATE, "--db", store_url, hold="rows1") for tag in figures]

    # A reader polls all along: every version it sees has all its rows, never part of them. A writer
    # holding after its first batch is released once the other process waits for the lock and the
    # reader has looked a few times.
    reader = Store.open(store_url)
    reads = []
    deadline = time.monotonic() + 120
    while any(c.proc.poll() is None for c in children):
        assert time.monotonic() < deadline, "imports did not finish"
        for version, row_count, visible in version_rows(reader):
            assert (row_count, visible) == (N_DESA, N_DESA), f"version {version} seen with {visible} rows"
        reads.append(time.time())
        for child in children:
            other = next(c for c in children if c is not child)
            asked = other.at("asks_lock") < float("inf") or other.proc.poll() is not None
            if child.holding("rows1") and asked and sum(t > child.at("holding rows1") for t in reads) >= 3:
                child.release("rows1")
        writing = any(c.at("asks_lock") < float("inf") for c in children)
        time.sleep(0.01 if writing else 0.1)  # the CPU is the importers' while they start up
    for child in children:
        assert child.proc.returncode == 0, child.output()
        assert f"{fmt.number(N_DESA)} wilayah, data per {fmt.long_date(DATE)}." in child.output()

    # The write transactions did not overlap: the second asked for the lock before the first committed
    # (the first was held half written until it had) and got it only after.
    first, second = sorted(children, key=lambda c: c.at("locked"))
    assert [s for s, _ in first.steps()] == ["asks_lock", "locked", "rows", "holding rows1", "released rows1",
                                             "rows", "commits"]
    assert second.at("asks_lock") < first.at("commits") < second.at("locked")
    for child in (first, second):  # the reader looked while each was half written
        assert sum(child.at("holding rows1") < t < child.at("released rows1") for t in reads) >= READS_PER_HOLD

    # Each version holds exactly its own file's rows; the newer one is the whole current state.
    history = reader.history().query("kind == 'enrollment'").sort_values("id")
    assert history["file_name"].tolist() == [f"{first.tag}.csv", f"{second.tag}.csv"]
    assert history["row_count"].tolist() == [N_DESA, N_DESA]
    with reader.engine.connect() as conn:
        stored = pd.read_sql(select(enrollment_table), conn)
    for version, child in zip(history["id"], (first, second)):
        mine = stored[stored["version_id"] == version]
        assert dict(zip(mine[Col.KODE], zip(mine[Col.WAJIB], mine[Col.SUDAH]))) == figures[child.tag]
        assert set(mine[Col.TANGGAL]) == {DATE}
    current = reader.enrollment()
    reader.close()
    assert set(current["version_id"]) == {history["id"].max()}
    assert dict(zip(current[Col.KODE], zip(current[Col.WAJIB], current[Col.SUDAH]))) == figures[second.tag]


# --- (b) killed in the middle of an import ----------------------------------------------------------
def test_import_killed_mid_write_leaves_the_previous_state_and_the_next_import_works(store_url, tmp_path,
                                                                                     spawn, capsys):
    areas = grid_areas(6)
    store = Store.open(store_url)
    store.add_areas(areas)
    store.add_enrollment(pd.DataFrame({Col.KODE: desa_codes(areas), Col.WAJIB: 1000, Col.SUDAH: 900}),
                         tanggal=OLD_DATE)
    store.close()
    before = snapshot(store_url)
    spec = tmp_path / "spec.json"  # 50,000 rows; killed after 40,000 of them went in
    spec.write_text(json.dumps({"filler": 50_000, "head": [], "tail": [], "tanggal": DATE}))

    child = spawn("bulk", "bulk", store_url, str(spec), hold="rows20")
    wait_for(lambda: child.holding("rows20") or child.proc.poll() is not None, 90, "20 batches written")
    assert child.proc.poll() is None, child.output()
    watcher = Store.open(store_url)
    if store_url.startswith("sqlite"):  # uncommitted pages already spilled into the WAL on disk
        assert Path(store_url.split(":///", 1)[1] + "-wal").stat().st_size > 1_000_000
    else:
        assert advisory_lock_holders(watcher) == 1
    child.proc.send_signal(signal.SIGKILL)
    assert child.proc.wait(30) == -signal.SIGKILL
    assert child.count("commits") == 0 and child.count("done") == 0

    if not store_url.startswith("sqlite"):  # the server sees the dead client and drops its lock
        wait_for(lambda: advisory_lock_holders(watcher) == 0, 15, "the advisory lock to be released")
    watcher.close()
    assert_same(before, snapshot(store_url))
    if store_url.startswith("sqlite"):
        store = Store.open(store_url)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        store.close()

    figures = {k: (1000, 950) for k in desa_codes(areas)}
    code = main(["import-enrollment", str(write_csv(tmp_path / "berikut.csv", figures)), "--date", NEXT_DATE,
                 "--db", store_url])
    assert code == 0, capsys.readouterr().err
    store = Store.open(store_url)
    history, current = store.history(), store.enrollment(latest=True)
    store.close()
    assert history["kind"].tolist() == ["enrollment", "enrollment", "boundaries"]
    assert set(current[Col.TANGGAL]) == {NEXT_DATE} and set(current[Col.SUDAH]) == {950}


# --- (c) SQLite readers during an import --------------------------------------------------------------
def test_sqlite_readers_see_the_old_or_the_new_state_never_half_during_an_import(tmp_path, spawn):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    areas = grid_areas(4, per_kecamatan=2)
    codes = desa_codes(areas)
    store = Store.open(url)
    store.add_areas(areas)
    store.add_enrollment(pd.DataFrame({Col.KODE: codes, Col.WAJIB: 1000, Col.SUDAH: 900}), tanggal=OLD_DATE)
    store.close()
    new = [{"kode": k, "wajib_ktp": 1000, "sudah_rekam": 950 + i} for i, k in enumerate(codes)]
    spec = tmp_path / "spec.json"  # two of the areas in the first batch, two in the second
    spec.write_text(json.dumps({"filler": 3000, "head": new[:2], "tail": new[2:], "tanggal": DATE}))

    def view(table: pd.DataFrame) -> tuple:
        return tuple(zip(table[Col.KODE], table[Col.SUDAH].astype(int), table[Col.TANGGAL], table[Col.ZONA]))

    reader = Store.open(url)
    old = view(coverage_table(reader, "desa", within="99.01"))
    assert old == tuple((k, 900, OLD_DATE, "kuning") for k in codes)
    expected_new = tuple((k, 950 + i, DATE, "hijau") for i, k in enumerate(codes))

    # The writer stops after its first batch and again just before COMMIT; the reader reads on.
    child = spawn("bulk", "bulk", url, str(spec), hold="rows1 commits")
    reads = []  # (started, ended, state seen)
    deadline = time.monotonic() + 90
    while child.proc.poll() is None:
        assert time.monotonic() < deadline, "import did not finish"
        started = time.time()
        seen = view(coverage_table(reader, "desa", within="99.01"))
        reads.append((started, time.time(), seen))
        assert seen in (old, expected_new), seen
        for label in ("rows1", "commits"):
            if child.holding(label) and sum(s > child.at(f"holding {label}") for s, _, _ in reads) >= 3:
                child.release(label)
        time.sleep(0.01 if child.at("asks_lock") < float("inf") else 0.1)
    last = view(coverage_table(reader, "desa", within="99.01"))
    reader.close()
    assert child.proc.returncode == 0, child.output()
    assert last == expected_new

    during = [seen for start, end, seen in reads if child.at("locked") < start and end < child.at("released commits")]
    assert len(during) >= 6 and set(during) == {old}  # half written, then all written but not committed
    after = [seen for start, _, seen in reads if start > child.at("done")]
    assert set(after) <= {expected_new}

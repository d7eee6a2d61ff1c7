"""The country's time series at national size: ``geo.timeline.series(store, COUNTRY)`` against naive pandas.

    .venv/bin/python bench/series_bench.py [--weeks 8]          (or: make bench)

Builds, in a temporary directory, a SQLite store of weekly recording figures for every desa of the
real Kemendagri code table (83,762 desa, ../shared/real/kemendagri_kode_wilayah, read in place),
with ``bench/national_bench.py``'s own builders (``code_table``, ``enrollment_rows``: wajib KTP
from the real population per kabupaten): ``--weeks`` weeks of versions, sudah rekam growing each
week; a seeded 10 % of the kabupaten/kota report on Thursdays, the others on Mondays; in every
week after the first 3 % of the kabupaten/kota skip the week and 0.5 % of the desa are missing from
their office's file (each carried forward from its last report, as the product's rule says).

Times, in one process, fastest of ``--repeat``:

* the product: ``series(store, COUNTRY)`` — the desa that report on every date of their
  kabupaten/kota summed by the database per kabupaten/kota and date, the others read and carried
  forward, counts summed per provinsi and for the country, then coverage (Beranda/Tren at
  ``?area=ID``);
* the naive baseline: every row read (``Store.enrollment``), ``groupby`` provinsi and date, sum,
  coverage = sudah / wajib (no carry forward: a desa that did not report is simply missing);
* the product reading every row instead (``series_from_rows(store.enrollment())``), as it did
  before; the arithmetic alone on rows already read against that ``groupby``; and the carry-forward
  spelt out row by row (``as_of_every_date`` + ``sum_each_date``: every row repeated for each date
  it stands for), which the product's arithmetic was before.

Prints seconds (CPU and wall) and the ratios product / naive (below 1: the product is faster).

Then the country's Beranda (``ui.national.country_home``) as its data calls, Streamlit's caches left
out: the totals at the date and the one before, the verdict, the kabupaten/kota's coverage for the map,
the provinsi and kabupaten/kota ranked with their series and pace — with the country held as the
pages hold it (``geo.store.held.HeldLatest``: every kabupaten/kota's dates summed once, each date's
provinsi and kabupaten/kota a cut of those sums, no desa row read) against the same calls on the store
itself (as before it). "First load" starts
from a new ``HeldLatest``; "another date" asks for the previous week on the same one.
Numbers printed, nothing asserted: speed is not a test.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.national_bench import CODE_TABLE, SEED, code_table, enrollment_rows  # noqa: E402
from geo import coverage, targets, trend  # noqa: E402
from geo.schema import COUNTRY, Col, Level  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.store.held import HeldLatest  # noqa: E402
from geo.timeline import as_of_every_date, series, series_from_rows, sum_each_date  # noqa: E402

FIRST_WEEK = date(2026, 1, 5)
THURSDAY = 0.1  # share of kabupaten/kota reporting on Thursdays (the others on Mondays)
SKIP = 0.03  # share of kabupaten/kota skipping a week after the first
MISSING = 0.005  # share of desa missing from their office's file in a week after the first


def build(folder: Path, weeks: int) -> Store:
    """A store holding ``weeks`` weekly versions of every desa's figures (see the module)."""
    desa = enrollment_rows(code_table())
    store = Store.open(f"sqlite:///{folder / 'series.sqlite'}")
    rng = np.random.default_rng(SEED)
    wajib = desa["wajib"].to_numpy()
    sudah = np.floor(desa["sudah"].to_numpy() * 0.9).astype(np.int64)
    kabupaten = desa["kode"].str[:5]
    thursday = kabupaten.isin(set(rng.choice(kabupaten.unique(), int(THURSDAY * kabupaten.nunique()), replace=False)))
    for week in range(weeks):
        sudah = np.minimum(wajib, sudah + rng.integers(0, 4, len(desa)))
        skipping = set(rng.choice(kabupaten.unique(), int(SKIP * kabupaten.nunique()), replace=False))
        reports = np.ones(len(desa), bool) if week == 0 else (
            (rng.random(len(desa)) >= MISSING) & ~kabupaten.isin(skipping).to_numpy())
        monday = FIRST_WEEK + timedelta(weeks=week)
        for day, offices in ((monday, ~thursday), (monday + timedelta(days=3), thursday)):
            rows = pd.DataFrame({Col.KODE: desa["kode"], Col.WAJIB: wajib, Col.SUDAH: sudah})[reports & offices]
            store.add_enrollment(rows, tanggal=day.isoformat(), file_name=f"rekam_{day}.csv", user="bench")
    return store


def naive(rows: pd.DataFrame) -> pd.DataFrame:
    """Coverage per provinsi and date by one groupby of the rows as read (no carry forward)."""
    summed = rows.groupby([rows[Col.KODE].str[:2], Col.TANGGAL])[[Col.WAJIB, Col.SUDAH]].sum()
    return summed.assign(cakupan=100 * summed[Col.SUDAH] / summed[Col.WAJIB])


def country_home(store, day: str) -> None:
    """The data calls of the country's Beranda at ``day`` (see the module)."""
    coverage.area_totals(store, COUNTRY, date=day)
    before = coverage.previous_date(store, COUNTRY, day)
    coverage.area_totals(store, COUNTRY, date=before)
    targets.area_projection(store, COUNTRY, date_=day, today=date.fromisoformat(day))
    coverage.coverage_table(store, Level.KABUPATEN, within=COUNTRY, date=day)
    for level in (Level.PROVINSI, Level.KABUPATEN):
        coverage.country_ranking(store, level, date=day)
        frame = series(store, COUNTRY, level, end=day)
        trend.projection_table(store, COUNTRY, level, target_pct=92, deadline=date(2026, 12, 31), as_of=day,
                               frame=frame)


def clock(action, repeat: int, before=None) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``action()``, the fastest of ``repeat`` runs each (``before()``
    runs untimed ahead of each)."""
    cpu, wall = [], []
    for _ in range(repeat):
        if before:
            before()
        start, started = time.process_time(), time.perf_counter()
        action()
        cpu.append(time.process_time() - start)
        wall.append(time.perf_counter() - started)
    return min(cpu), min(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=8, help="weekly versions of every desa (default 8)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the fastest counts (default 2)")
    args = parser.parse_args()
    if not CODE_TABLE.exists():
        sys.exit(f"the real code table is missing: {CODE_TABLE}")
    folder = Path(tempfile.mkdtemp(prefix="series_bench_"))
    try:
        started = time.perf_counter()
        store = build(folder, args.weeks)
        rows = store.enrollment()
        print(f"{len(rows):,} stored rows ({rows[Col.KODE].nunique():,} desa, {args.weeks} weeks, "
              f"{rows[Col.TANGGAL].nunique()} report dates); built in {time.perf_counter() - started:.0f} s\n")
        cases = [
            ("country series (database sums)", lambda: series(store, COUNTRY), lambda: naive(store.enrollment())),
            ("  every row read, summed in pandas", lambda: series_from_rows(store.enrollment(), COUNTRY),
             lambda: naive(store.enrollment())),
            ("  arithmetic alone, rows already read", lambda: series_from_rows(rows, COUNTRY), lambda: naive(rows)),
            ("  before: each row repeated per date", lambda: sum_each_date(as_of_every_date(rows), Level.PROVINSI),
             lambda: naive(rows)),
        ]
        print("| case | product CPU | wall | naive groupby CPU | wall | ratio CPU | ratio wall |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, product, baseline in cases:
            (p_cpu, p_wall), (n_cpu, n_wall) = clock(product, args.repeat), clock(baseline, args.repeat)
            print(f"| {name} | {p_cpu:.2f} s | {p_wall:.2f} s | {n_cpu:.2f} s | {n_wall:.2f} s "
                  f"| {p_cpu / n_cpu:.1f}× | {p_wall / n_wall:.1f}× |", flush=True)
        dates = store.snapshot_dates(COUNTRY)
        newest, week_before = dates[-1], dates[-3]
        held = {}

        def fresh(loaded: bool = False) -> None:
            held["country"] = HeldLatest(store)
            if loaded:
                country_home(held["country"], newest)

        print("\nThe country's Beranda (its data calls):\n")
        print("| case | held CPU | wall | store itself CPU | wall | ratio CPU | ratio wall |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, day, before in (("first load", newest, fresh),
                                  ("another date (a week before)", week_before, lambda: fresh(loaded=True))):
            (p_cpu, p_wall) = clock(lambda: country_home(held["country"], day), args.repeat, before)
            (n_cpu, n_wall) = clock(lambda: country_home(store, day), args.repeat)
            print(f"| {name} | {p_cpu:.2f} s | {p_wall:.2f} s | {n_cpu:.2f} s | {n_wall:.2f} s "
                  f"| {p_cpu / n_cpu:.2f}× | {p_wall / n_wall:.2f}× |", flush=True)
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

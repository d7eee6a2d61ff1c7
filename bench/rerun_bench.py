"""Beranda rerun benchmark: server-side time of a rerun after each widget change.

    .venv/bin/python bench/rerun_bench.py          (or: make bench)

Issue #19's target: a Beranda rerun after any widget change takes at most 200 ms server-side on a
300-desa kabupaten with 104 weekly versions. Builds, in a temporary directory, a store from the
committed demo (data contoh sintetis, through the normal importers): its boundaries, its 150 desa
and as many again (a copy of each desa in its own kecamatan, code + 5000, figures 3 % lower),
and 104 weekly snapshots of the 300 desa, each imported as its own version. Then runs the app
(``dashboard.py``, home page) with Streamlit's AppTest, in this process, as a visitor:

* the first run (every cache cold) and a rerun with nothing changed (the cached baseline);
* a rerun after each widget change: the date picker to dates not yet viewed, back to a date
  already viewed, the language, the screenshot mode;
* then Tren, Kantong, Rencana and Kapasitas on the same store: their first run and a rerun with
  nothing changed, against Beranda's cached rerun.

Prints milliseconds per rerun (fastest of ``--repeat`` for the cached baseline, each change timed
once: a change is new only the first time), wall and CPU (this process's, which other work on a
shared machine disturbs less), the ratios to the cached rerun, and "met"/"not met" against 200 ms
wall. ``--profile FILE`` saves a cProfile of the first new date's rerun (the script's thread).
Numbers printed, nothing asserted: speed is not a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.schema import COUNT_COLUMNS, Col  # noqa: E402
from geo.store import Store  # noqa: E402

TARGET_MS = 200
WEEKS = 104
COPY_OFFSET = 5000  # 99.01.01.1001 → 99.01.01.6001


def build(folder: Path) -> str:
    """The store URL: the demo's boundaries and points, its desa doubled, 104 weekly versions."""
    from geo.ingest.demo import load_demo

    url = f"sqlite:///{folder / 'rerun.sqlite'}"
    store = Store.open(url)
    versions = load_demo(store)
    store.rollback(versions[1], user="bench")  # the demo's history: one version of 105 weeks
    areas = store.areas(level="desa", geometry=True)
    copies = areas.copy()
    copies[Col.KODE] = [_copy_code(k) for k in areas[Col.KODE]]
    copies[Col.NAMA] = areas[Col.NAMA] + " Baru"
    store.add_areas(copies, file_name="desa_salinan", user="bench")
    history = pd.read_csv(ROOT / "data" / "demo" / "rekam_mingguan.csv", dtype={Col.KODE: str, Col.TANGGAL: str})
    counts = [c for c in COUNT_COLUMNS if c in history]
    copied = history.assign(**{Col.KODE: history[Col.KODE].map(_copy_code)},
                            **{c: np.floor(history[c] * 0.97).astype("int64") for c in counts})
    both = pd.concat([history, copied], ignore_index=True)
    for day in sorted(both[Col.TANGGAL].unique())[-WEEKS:]:
        week = both[both[Col.TANGGAL] == day]
        store.add_enrollment(week[[Col.KODE, *counts]], tanggal=day, file_name=f"rekam_{day}.csv", user="bench")
    store.close()
    return url


def _copy_code(kode: str) -> str:
    head, _, desa = kode.rpartition(".")
    return f"{head}.{int(desa) + COPY_OFFSET}"


CPU_MS: list[float] = []  # the CPU milliseconds of each ``timed`` call, in order


def timed(action) -> float:
    """Wall milliseconds of ``action()`` (one AppTest run); its CPU milliseconds (every thread of
    this process: the page runs in AppTest's script thread) are appended to CPU_MS."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    CPU_MS.append(1000 * (time.process_time() - cpu))
    return 1000 * (time.perf_counter() - start)


def profiled(at, path: str) -> float:
    """``timed(at.run)`` with a cProfile of the script's own thread (where the page runs) saved to ``path``."""
    import cProfile

    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    profiler, run_script = cProfile.Profile(), ScriptRunner._run_script

    def run_profiled(self, rerun_data):
        profiler.enable()
        try:
            run_script(self, rerun_data)
        finally:
            profiler.disable()

    ScriptRunner._run_script = run_profiled
    try:
        ms = timed(at.run)
    finally:
        ScriptRunner._run_script = run_script
    profiler.dump_stats(path)
    return ms


OTHER_PAGES = ("tren", "kantong", "rencana", "kapasitas")


def other_pages(repeat: int, home_ms: float) -> None:
    """The other pages' reruns with nothing changed: what a reader pays for any widget that changes
    nothing the page computes (a checkbox, an expander's picker), against Beranda's cached rerun."""
    from streamlit.testing.v1 import AppTest

    print(f"\nOther pages, same store: first run and a rerun with nothing changed (fastest of {repeat}), "
          f"against Beranda's cached rerun ({home_ms:.0f} ms)\n")
    print("| page | first run | rerun, nothing changed | / Beranda's |")
    print("|---|---:|---:|---:|")
    for page in OTHER_PAGES:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=300)
        first = timed(at.run)
        if at.exception:
            sys.exit(f"{page}: the page failed: {at.exception[0].message}")
        rerun = min(timed(at.run) for _ in range(repeat))
        print(f"| {page} | {first:.0f} ms | {rerun:.0f} ms | {rerun / home_ms:.1f}× |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="cached reruns; the fastest counts (default 5)")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the first new-date rerun to FILE")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rerun_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rerun.sqlite").unlink(missing_ok=True)
    try:
        url = build(folder)
        os.environ["REKAM_DB_URL"] = url
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        first = timed(at.run)
        if at.exception:
            sys.exit(f"the page failed: {at.exception[0].message}")
        cached = min(timed(at.run) for _ in range(args.repeat))
        cached_cpu = min(CPU_MS[-args.repeat:])
        dates = list(at.sidebar.selectbox(key="date").options)  # newest first, as shown
        changes = [(f"date → {dates[k]} (not yet viewed)", "date", dates[k]) for k in (1, 10, 52)]
        changes += [(f"date → {dates[0]} (viewed before)", "date", dates[0]),
                    ("language → English", "lang", "en"), ("language → Indonesian (viewed before)", "lang", "id"),
                    ("screenshot mode on", "screenshot", True), ("screenshot mode off", "screenshot", False)]
        print(f"Beranda (dashboard.py home), 300-desa kabupaten, {WEEKS} weekly versions; AppTest, server-side:\n")
        print(f"first run (every cache cold): {first:.0f} ms; rerun with nothing changed (cached): {cached:.0f} ms "
              f"wall, {cached_cpu:.0f} ms CPU\n")
        print(f"| widget change | rerun (wall) | / cached rerun | CPU | / cached CPU | target ≤ {TARGET_MS} ms wall |")
        print("|---|---:|---:|---:|---:|---|")
        for i, (name, key, value) in enumerate(changes):
            widget = next(w for w in at.sidebar if getattr(w, "key", None) == key)
            widget.set_value(value)
            ms = timed(at.run) if not (args.profile and i == 0) else profiled(at, args.profile)
            if at.exception:
                sys.exit(f"{name}: the page failed: {at.exception[0].message}")
            cpu = CPU_MS[-1]
            print(f"| {name} | {ms:.0f} ms | {ms / cached:.1f}× | {cpu:.0f} ms | {cpu / cached_cpu:.1f}× "
                  f"| {'met' if ms <= TARGET_MS else 'not met'} |", flush=True)
        other_pages(args.repeat, cached)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

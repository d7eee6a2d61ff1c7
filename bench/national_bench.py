"""National-size benchmark: ``python -m geo import-enrollment`` + ``coverage`` against naive pandas.

    .venv/bin/python bench/national_bench.py          (or: make bench)

Builds, in a temporary directory, from the real Kemendagri code table (Kepmendagri 2025, 83,762
desa; ../shared/real/kemendagri_kode_wilayah, read in place) and the real population per
kabupaten (penduduk_kabupaten_indonesia.csv):

* a SQLite store holding every provinsi, kabupaten, kecamatan and desa of the table (no
  geometry: the join and the coverage table need codes and names only);
* an enrollment CSV as an office writes one: ``;``-separated, title row, KODE WILAYAH,
  DESA/KELURAHAN, KECAMATAN, WAJIB KTP, SUDAH REKAM, BELUM REKAM with Indonesian thousands dots
  (``12.345``); each kabupaten's wajib KTP is 73 % of its population, split over its desa by
  seeded weights, sudah rekam 85–100 % of it;
* the same for Banten alone (1,552 desa, imported ``--within 36``).

Times, in one run and interleaved so both see the same machine load (fastest of ``--repeat``),
each as a fresh process (interpreter start and imports included, as a user meets them):

* ``import-enrollment`` (into a fresh copy of the store) then ``coverage --level kabupaten``,
  against a naive pandas script: ``read_csv`` (thousands='.') of the file and of the code
  table, one ``merge`` on the code, ``groupby`` kabupaten, coverage = sudah / wajib;
* ``python -m geo --help`` against a script that imports pandas and builds an argparse parser;
* the start-up floor of the national case: two processes importing every module the two
  commands load (as recorded from a run of each), doing nothing else. Its ratio to the naive
  script is the part of the first ratio that no work on reading, joining or writing can remove;
* the bare floor of the two-command shape: two scripts with the product's libraries (pandas and
  SQLAlchemy on the same store) that do only what the two commands must: read the file, merge it
  with the store's desa, insert the rows in one transaction; then sum per kabupaten in SQL and
  print. No header finding, no checks (personal data, numbers, names, duplicates), no version,
  no report. What it costs against the naive one-process script is what a CLI of two commands
  over a database costs before it checks anything.

Prints seconds and the ratio product / naive (below 1: the product is faster): wall-clock, and the
CPU seconds of the processes (user + system), which a machine shared with other work disturbs
less; then issue #19's targets, each with its figure and "met" or "not met": every call at most
3× its naive baseline (wall and CPU), and the national import + coverage within 5 s wall.
Numbers printed, nothing asserted: speed is not a test. ``--keep DIR`` writes the files to DIR and keeps them
(to profile: ``python -m cProfile -s cumtime -m geo import-enrollment DIR/nasional.csv …``).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.schema import Col  # noqa: E402
from geo.store import Store  # noqa: E402

REAL = ROOT.parent / "shared" / "real" / "kemendagri_kode_wilayah"
CODE_TABLE = REAL / "kode_wilayah_kepmendagri_2025_indonesia.csv"
POPULATION = REAL / "penduduk_kabupaten_indonesia.csv"
DATE = "2026-06-30"
TARGET_RATIO = 3.0  # issue #19: at most 3× the naive baseline
TARGET_WALL = 5.0  # issue #19: the national import + coverage within 5 s on the 2-core machine
SEED = 2026

NAIVE_COVERAGE = """
import sys
import pandas as pd
rows = pd.read_csv(sys.argv[1], sep=";", skiprows=2, thousands=".", dtype={"KODE WILAYAH": str})
areas = pd.read_csv(sys.argv[2], dtype=str)
desa = areas[areas["level"] == "desa"]
joined = rows.merge(desa, left_on="KODE WILAYAH", right_on="kode", how="left", validate="one_to_one")
joined["kabupaten"] = joined["kode"].str[:5]
kab = joined.groupby("kabupaten")[["WAJIB KTP", "SUDAH REKAM"]].sum()
kab["cakupan"] = 100 * kab["SUDAH REKAM"] / kab["WAJIB KTP"]
print(kab.to_string())
"""
NAIVE_HELP = """
import argparse
import pandas
parser = argparse.ArgumentParser(prog="naive")
sub = parser.add_subparsers()
for name in ("import-enrollment", "coverage", "history", "rollback"):
    sub.add_parser(name).add_argument("--db")
parser.parse_args(["--help"])
"""


BARE_IMPORT = """
import sys
import pandas as pd
import sqlalchemy as sa
rows = pd.read_csv(sys.argv[1], sep=";", skiprows=2, thousands=".", dtype={"KODE WILAYAH": str})
with sa.create_engine(sys.argv[2]).begin() as db:
    desa = pd.read_sql("SELECT kode, nama FROM areas WHERE level = 'desa'", db)
    joined = rows.merge(desa, left_on="KODE WILAYAH", right_on="kode", how="left", validate="one_to_one")
    db.exec_driver_sql("CREATE TABLE bare (kode TEXT, wajib INTEGER, sudah INTEGER)")
    db.exec_driver_sql("INSERT INTO bare VALUES (?, ?, ?)", list(zip(
        joined["kode"], joined["WAJIB KTP"].tolist(), joined["SUDAH REKAM"].tolist())))
"""
BARE_COVERAGE = """
import sys
import pandas as pd
import sqlalchemy as sa
with sa.create_engine(sys.argv[1]).connect() as db:
    kab = pd.read_sql("SELECT substr(kode, 1, 5) AS kabupaten, SUM(wajib) AS wajib, SUM(sudah) AS sudah "
                      "FROM bare GROUP BY 1", db)
kab["cakupan"] = 100 * kab["sudah"] / kab["wajib"]
print(kab.to_string())
"""
RECORD_MODULES = """
import atexit, runpy, sys
out, sys.argv = sys.argv[1], ["geo", *sys.argv[2:]]
atexit.register(lambda: open(out, "w").write("\\n".join(sorted(sys.modules))))
runpy.run_module("geo", run_name="__main__", alter_sys=True)
"""
IMPORT_MODULES = """
import importlib, sys
for name in open(sys.argv[1]).read().split():
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""


def code_table() -> pd.DataFrame:
    """Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK of every area of the real table."""
    table = pd.read_csv(CODE_TABLE, dtype=str, keep_default_na=False)
    parent = table["kode"].str.rsplit(".", n=1).str[0]
    return pd.DataFrame({Col.KODE: table["kode"], Col.NAMA: table["nama"], Col.LEVEL: table["level"],
                         Col.KODE_INDUK: parent.where(table["kode"].str.contains(".", regex=False))})


def enrollment_rows(areas: pd.DataFrame) -> pd.DataFrame:
    """One row per desa: kode, desa and kecamatan names (upper case, as offices type them),
    wajib and sudah rekam from the kabupaten's real population."""
    people = pd.read_csv(POPULATION, dtype={"kode": str})
    population = dict(zip(people["kode"], people["total"]))
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    desa = areas[areas[Col.LEVEL] == "desa"].reset_index(drop=True)
    rng = np.random.default_rng(SEED)
    weights = rng.gamma(4.0, 1.0, len(desa))
    kabupaten = desa[Col.KODE].str[:5]
    share = weights / pd.Series(weights).groupby(kabupaten).transform("sum").to_numpy()
    fallback = np.median(list(population.values())) if population else 100_000
    wajib_kab = kabupaten.map(population).fillna(fallback).to_numpy() * 0.73
    wajib = np.maximum(np.round(wajib_kab * share), 1).astype(np.int64)
    sudah = np.floor(wajib * rng.uniform(0.85, 1.0, len(desa))).astype(np.int64)
    return pd.DataFrame({"kode": desa[Col.KODE], "desa": desa[Col.NAMA].str.upper(),
                         "kecamatan": [names.get(k, "").upper() for k in desa[Col.KODE_INDUK]],
                         "wajib": wajib, "sudah": sudah})


def dotted(numbers: pd.Series) -> pd.Series:
    """760097 → '760.097'."""
    return numbers.map(lambda n: f"{n:,}".replace(",", "."))


def write_office_csv(rows: pd.DataFrame, path: Path) -> None:
    lines = ["REKAPITULASI PEREKAMAN KTP-EL;;;;;;", ";;;;;;",
             "NO;KODE WILAYAH;DESA/KELURAHAN;KECAMATAN;WAJIB KTP;SUDAH REKAM;BELUM REKAM"]
    body = pd.DataFrame({"no": range(1, len(rows) + 1), "kode": rows["kode"].to_numpy(),
                         "desa": rows["desa"].to_numpy(), "kec": rows["kecamatan"].to_numpy(),
                         "wajib": dotted(rows["wajib"]).to_numpy(), "sudah": dotted(rows["sudah"]).to_numpy(),
                         "belum": dotted(rows["wajib"] - rows["sudah"]).to_numpy()})
    text = body.to_csv(sep=";", header=False, index=False, lineterminator="\n")
    path.write_text("\n".join(lines) + "\n" + text, encoding="utf-8")


def build(folder: Path) -> dict[str, Path]:
    """The store with every area and the national and Banten files, written into ``folder``."""
    areas = code_table()
    store_path = folder / "areas.sqlite"
    store_path.unlink(missing_ok=True)  # a kept folder's store from an earlier run would hold every area twice
    store = Store.open(f"sqlite:///{store_path}")
    import geopandas as gpd

    store.add_areas(gpd.GeoDataFrame(areas.assign(**{Col.TIPE: None}), geometry=[None] * len(areas)),
                    file_name="kode_wilayah_2025", user="bench")
    store.close()
    rows = enrollment_rows(areas)
    write_office_csv(rows, folder / "nasional.csv")
    write_office_csv(rows[rows["kode"].str.startswith("36.")], folder / "banten.csv")
    return {"store": store_path, "nasional": folder / "nasional.csv", "banten": folder / "banten.csv"}


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(commands: list[list[str]], before=None) -> tuple[float, float]:
    """(wall, CPU) seconds to run ``commands`` one after the other (``before`` runs first, untimed)."""
    if before:
        before()
    start, cpu = time.perf_counter(), cpu_of_children()
    for command in commands:
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start, cpu_of_children() - cpu


def cases(files: dict[str, Path], folder: Path) -> list[tuple]:
    py = sys.executable
    run_store = folder / "run.sqlite"
    db = f"sqlite:///{run_store}"

    def fresh_store() -> None:
        shutil.copyfile(files["store"], run_store)

    def product(file: Path, within: list[str]) -> list[list[str]]:
        return [[py, "-m", "geo", "import-enrollment", str(file), "--date", DATE, "--db", db, *within],
                [py, "-m", "geo", "coverage", "--level", "kabupaten", "--db", db, *within]]

    def naive(file: Path) -> list[list[str]]:
        return [[py, "-c", NAIVE_COVERAGE, str(file), str(CODE_TABLE)]]

    def start_up(commands: list[list[str]]) -> list[list[str]]:
        """Per command, a process importing the modules it loads (recorded once, here)."""
        fresh_store()
        out = []
        for i, command in enumerate(commands):
            record = folder / f"modules_{i}.txt"
            subprocess.run([py, "-c", RECORD_MODULES, str(record), *command[3:]], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
            names = [m for m in record.read_text().split() if m != "__main__" and not m.endswith(".__main__")]
            record.write_text("\n".join(names))
            out.append([py, "-c", IMPORT_MODULES, str(record)])
        return out

    n_nasional = sum(1 for _ in files["nasional"].open(encoding="utf-8")) - 3
    n_banten = sum(1 for _ in files["banten"].open(encoding="utf-8")) - 3
    return [
        (f"import-enrollment + coverage, {n_nasional:,} desa (Indonesia)", "read_csv, merge, groupby",
         product(files["nasional"], []), naive(files["nasional"]), fresh_store),
        (f"import-enrollment + coverage, {n_banten:,} desa (Banten, --within 36)", "read_csv, merge, groupby",
         product(files["banten"], ["--within", "36"]), naive(files["banten"]), fresh_store),
        ("python -m geo --help", "import pandas + argparse", [[py, "-m", "geo", "--help"]],
         [[py, "-c", NAIVE_HELP]], None),
        ("start-up floor of the national case: its two commands' imports only", "read_csv, merge, groupby",
         start_up(product(files["nasional"], [])), naive(files["nasional"]), None),
        ("bare floor of the national case: read, merge, insert; then SQL sum (no checks)",
         "read_csv, merge, groupby",
         [[py, "-c", BARE_IMPORT, str(files["nasional"]), db], [py, "-c", BARE_COVERAGE, db]],
         naive(files["nasional"]), fresh_store),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the fastest counts (default 3)")
    parser.add_argument("--keep", type=Path, help="write the data into this folder and keep it")
    args = parser.parse_args()
    if not CODE_TABLE.exists() or not POPULATION.exists():
        sys.exit(f"real public files not found under {REAL}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="national_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = build(folder)
        print(f"Fastest of {args.repeat} runs each (fresh processes), product and baseline interleaved:\n")
        print("| call | naive baseline | product | naive | product / naive | CPU product | CPU naive "
              "| CPU product / naive |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        targets = []
        for i, (name, baseline, product, naive, before) in enumerate(cases(files, folder)):
            ours, theirs = [], []
            for _ in range(args.repeat):
                ours.append(timed(product, before))
                theirs.append(timed(naive))
            (wall, cpu), (naive_wall, naive_cpu) = (min(t[0] for t in ours), min(t[1] for t in ours)), \
                (min(t[0] for t in theirs), min(t[1] for t in theirs))
            print(f"| {name} | {baseline} | {wall:.2f} s | {naive_wall:.2f} s | {wall / naive_wall:.1f}× "
                  f"| {cpu:.2f} s | {naive_cpu:.2f} s | {cpu / naive_cpu:.1f}× |", flush=True)
            if "floor" in name:
                continue  # a floor, not a target
            targets += [(f"{name}: wall ≤ {TARGET_RATIO:g}× naive", f"{wall / naive_wall:.1f}×",
                         wall / naive_wall <= TARGET_RATIO),
                        (f"{name}: CPU ≤ {TARGET_RATIO:g}× naive", f"{cpu / naive_cpu:.1f}×",
                         cpu / naive_cpu <= TARGET_RATIO)]
            if i == 0:
                targets.append((f"{name}: wall ≤ {TARGET_WALL:g} s", f"{wall:.2f} s", wall <= TARGET_WALL))
        print("\nIssue #19 targets:\n")
        print("| target | measured | |")
        print("|---|---:|---|")
        for target, measured, met in targets:
            print(f"| {target} | {measured} | {'met' if met else 'not met'} |")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

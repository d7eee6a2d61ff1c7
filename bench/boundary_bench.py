"""Boundary-import benchmark: ``python -m geo import-boundaries`` against ``gpd.read_file`` → GPKG.

    .venv/bin/python bench/boundary_bench.py            (or: make bench)
    .venv/bin/python bench/boundary_bench.py --size 0.1 (a tenth of the kabupaten, to try things quickly)

Two files of desa polygons with a KODE field:

* ``nasional``: synthetic, built from the real Kemendagri code table (Kepmendagri 2025, 83,762 desa;
  ../shared/real/kemendagri_kode_wilayah, read in place). Seeds for every desa over an
  Indonesia-sized extent (95–141° E, 11° S–6° N; half clustered round "towns", half anywhere),
  one Voronoi diagram of them (so neighbours are edge-matched, as a clean national file is), then
  nested regions cut by recursive bisection with the table's own counts: 38 provinsi, each cut into
  its kabupaten, each into its kecamatan, each into its desa — every area compact and contiguous.
  Edges densified to ~130 vertices per desa and warped by a smooth field (every copy of a coordinate
  moves alike, so borders stay shared; see bench/map_bench.py), rounded to 6 decimals. ``--size F``
  keeps every (1/F)-th kabupaten (the whole extent, fewer and larger desa, same vertices per desa).
  Written as one GeoJSON (as the real files come; ``--format gpkg`` for a GeoPackage, which
  ``gpd.read_file`` reads about four times faster, so the ratio is higher).
* ``banten``: the real Banten desa file (1,552 desa, ../shared/real, read in place; its neighbours
  are digitised apart, so the import repairs the coverage of every view).

For each, as fresh processes (interpreter start and imports included, as a user meets them):
the product (``python -m geo import-boundaries FILE --level desa --db sqlite:///…``, a fresh store:
read, check, dissolve the parents, store, prepare the map views) and the naive baseline
(``gpd.read_file(FILE).to_file(OUT, driver="GPKG")``, a new file). Prints seconds, the ratio
product / naive, the CPU seconds of each (user + system, workers included: a machine busy with
other work disturbs them less than the wall clock), the peak RSS (``ru_maxrss`` of the largest
process: the import, or one of its workers) and the peak of the sum over the import's process
tree (sampled every 50 ms), and "met"/"not met" against the targets: ratio ≤ 10, peak RSS ≤ 1.5 GB
of the import's process and of its tree (the import and its workers: what the machine must hold).
Not a test: numbers printed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.map_bench import densify, smooth_warp  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
CODE_TABLE = REAL / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
BANTEN = REAL / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36_banten_all.geojson"
EXTENT = (95.0, -11.0, 141.0, 6.0)
VERTICES_PER_DESA = 130
TARGET_RATIO, TARGET_RSS_GB = 10.0, 1.5
SEED = 19

NAIVE = "import sys, geopandas as gpd; gpd.read_file(sys.argv[1]).to_file(sys.argv[2], driver='GPKG')"
# Runs a command and reports the largest ru_maxrss among it and the processes it waited for.
MAXRSS = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
          "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(u.ru_maxrss, u.ru_utime + u.ru_stime); "
          "sys.exit(done.returncode)")


# --- the national file ---------------------------------------------------------------------------
def desa_codes(size: float) -> pd.DataFrame:
    """kode, nama of the table's desa; with ``size`` < 1 those of every (1/size)-th kabupaten."""
    table = pd.read_csv(CODE_TABLE, dtype=str, keep_default_na=False)
    desa = table[table["level"] == "desa"].reset_index(drop=True)
    if size < 1:
        kabupaten = desa["kode"].str[:5]
        ranks = pd.Series(pd.factorize(kabupaten)[0])
        desa = desa[(ranks % max(1, round(1 / size)) == 0).to_numpy()].reset_index(drop=True)
    return desa[["kode", "nama"]]


def bisect(points: np.ndarray, index: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    """``index`` (rows of ``points``) cut into groups of ``sizes`` by recursive bisection along
    the longer side: compact, contiguous groups."""
    if len(sizes) == 1:
        return [index]
    half = len(sizes) // 2
    left = sum(sizes[:half])
    xy = points[index]
    axis = int(np.ptp(xy[:, 1]) > np.ptp(xy[:, 0]))
    order = index[np.argsort(xy[:, axis], kind="stable")]
    return bisect(points, order[:left], sizes[:half]) + bisect(points, order[left:], sizes[half:])


def nested_order(points: np.ndarray, codes: pd.Series) -> np.ndarray:
    """For each code (sorted), the row of ``points`` it gets: provinsi, kabupaten, kecamatan and
    desa are cut in turn from their parent by :func:`bisect` with the table's counts."""
    parts = codes.str.split(".", expand=True)
    keys = [parts[0], parts[0] + "." + parts[1], parts[0] + "." + parts[1] + "." + parts[2]]
    out = np.empty(len(codes), dtype=np.int64)

    def cut(rows: np.ndarray, index: np.ndarray, depth: int) -> None:
        if depth == len(keys):
            out[rows] = index
            return
        groups = keys[depth].iloc[rows]
        names = list(dict.fromkeys(groups))
        members = [rows[(groups == g).to_numpy()] for g in names]
        for member, piece in zip(members, bisect(points, index, [len(m) for m in members])):
            cut(member, piece, depth + 1)

    cut(np.arange(len(codes)), np.arange(len(points)), 0)
    return out


def national_boundaries(size: float = 1.0, seed: int = SEED) -> gpd.GeoDataFrame:
    """KODE, NAMA and polygon of every desa kept by :func:`desa_codes` (see the module doc)."""
    desa = desa_codes(size)
    n = len(desa)
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = EXTENT
    towns = rng.uniform([x0, y0], [x1, y1], (400, 2))
    near_town = towns[rng.integers(0, len(towns), n)] + rng.normal(0, 0.6, (n, 2))
    anywhere = rng.uniform([x0, y0], [x1, y1], (n, 2))
    seeds = np.where(rng.random((n, 1)) < 0.5, near_town, anywhere)
    seeds = np.clip(seeds, [x0 + 1e-3, y0 + 1e-3], [x1 - 1e-3, y1 - 1e-3])
    seeds = np.unique(np.round(seeds, 6), axis=0)
    while len(seeds) < n:  # the rare repeat after rounding: draw again
        more = rng.uniform([x0, y0], [x1, y1], (n - len(seeds), 2))
        seeds = np.unique(np.concatenate([seeds, np.round(more, 6)]), axis=0)
    frame = shapely.box(*EXTENT)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame, ordered=True))
    cells = shapely.intersection(cells, frame)
    side = np.sqrt((x1 - x0) * (y1 - y0) / n)  # a typical desa's side, degrees
    cells = densify(cells, 4 * side / VERTICES_PER_DESA)
    scale = side / 0.026  # bench/map_bench.py's desa are ~0.026° wide
    cells = shapely.transform(cells, smooth_warp(rng, scale))
    rows = nested_order(seeds, desa["kode"])
    return gpd.GeoDataFrame({"KODE": desa["kode"], "NAMA": desa["nama"]}, geometry=cells[rows], crs="EPSG:4326")


# --- timing ----------------------------------------------------------------------------------------
def _tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and every process below it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run(command: list[str]) -> tuple[float, float, float, float]:
    """(seconds, ru_maxrss GB of the largest process, sampled peak GB of the process tree, CPU
    seconds of the whole tree: user + system, less disturbed by other work on the machine)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", MAXRSS, *command], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    maxrss, cpu = out.split()[-2:]
    return seconds, int(maxrss) / 1e6, peak[0] / 1e9, float(cpu)


def compare(name: str, source: Path, folder: Path) -> None:
    py = sys.executable
    written, db = folder / f"{source.name}_naive.gpkg", folder / f"{source.name}.sqlite"
    written.unlink(missing_ok=True)
    db.unlink(missing_ok=True)
    naive = run([py, "-c", NAIVE, str(source), str(written)])
    product = run([py, "-m", "geo", "import-boundaries", str(source), "--level", "desa", "--db", f"sqlite:///{db}"])
    ratio = product[0] / naive[0]
    print(f"| {name} | {product[0]:.1f} s | {naive[0]:.1f} s | {ratio:.1f}× ({'met' if ratio <= TARGET_RATIO else 'not met'}) "
          f"| {product[3]:.0f} s / {naive[3]:.0f} s = {product[3] / naive[3]:.1f}× "
          f"| {product[1]:.2f} GB ({'met' if product[1] <= TARGET_RSS_GB else 'not met'}) "
          f"/ {product[2]:.2f} GB ({'met' if product[2] <= TARGET_RSS_GB else 'not met'}) "
          f"| {naive[1]:.2f} GB |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="share of the kabupaten kept (default 1: all)")
    parser.add_argument("--format", choices=["geojson", "gpkg"], default="geojson", help="the national file's format")
    parser.add_argument("--keep", type=Path, help="write the files into this folder and keep them")
    parser.add_argument("--skip-banten", action="store_true")
    args = parser.parse_args()
    if not CODE_TABLE.exists():
        sys.exit(f"real code table not found: {CODE_TABLE}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="boundary_bench_"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        national = folder / f"nasional_{args.size:g}.{args.format}"
        if not national.exists():
            frame = national_boundaries(args.size)
            frame.to_file(national, driver={"geojson": "GeoJSON", "gpkg": "GPKG"}[args.format])
            vertices = int(shapely.get_num_coordinates(frame.geometry.values).sum())
            print(f"(built {len(frame):,} desa, {vertices:,} vertices in {time.perf_counter() - started:.0f} s)")
            del frame
        print(f"\nTargets: import ≤ {TARGET_RATIO:g}× the naive read+write, peak RSS ≤ {TARGET_RSS_GB:g} GB.\n")
        print("| file | import-boundaries | gpd.read_file → GPKG | ratio | CPU product / naive "
              "| peak RSS: largest process / process tree | naive RSS |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        compare(f"nasional (size {args.size:g}, {args.format})", national, folder)
        if BANTEN.exists() and not args.skip_banten:
            compare("banten", BANTEN, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Reading benchmark: the boundary loader and the enrollment join against naive baselines.

    .venv/bin/python bench/read_bench.py          (or: make bench)

Times, in one run and interleaved so both see the same machine load (fastest of ``--repeat``):

* ``load_boundaries`` on the real Banten desa file (1,552 polygons, ../shared/real, read in
  place), against the textbook geopandas route: ``read_file`` → ``make_valid`` →
  ``dissolve`` by kecamatan and by kabupaten code; and without dissolving, against
  ``read_file`` → ``make_valid``;
* ``join_enrollment`` of every Banten desa by name and kecamatan name, against one
  ``rapidfuzz.process.extractOne`` per row over every desa name of the province;
* ``join_enrollment`` of every Banten desa by undotted code and name, against a loop that
  normalises each code, looks it up and compares the names.

Prints seconds and the ratio naive / product (above 1: the product is faster), and for the
joins how many rows each put on the right desa. Numbers printed, nothing asserted: speed is
not a test (the tests check what the calls return).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.io.boundaries import load_boundaries  # noqa: E402
from geo.join import join_enrollment  # noqa: E402
from geo.names import normalize_code  # noqa: E402
from geo.schema import LEVELS, Col  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
BANTEN = REAL / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36_banten_all.geojson"
KEMENDAGRI_2025 = REAL / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_targets.csv"


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def naive_load(path: Path, dissolve: bool) -> None:
    frame = gpd.read_file(path).to_crs("EPSG:4326")
    frame["geometry"] = frame.geometry.make_valid()
    if dissolve:
        codes = frame["kode"].astype(str)
        kec = frame.assign(parent=codes.str.rsplit(".", n=1).str[0]).dissolve(by="parent")
        kec.reset_index().assign(parent=lambda f: f["parent"].str.rsplit(".", n=1).str[0]).dissolve(by="parent")


def naive_join_by_name(table: pd.DataFrame, desa: pd.DataFrame) -> list[str | None]:
    names, codes = desa[Col.NAMA].str.upper().tolist(), desa[Col.KODE].tolist()
    hits = [process.extractOne(name, names, scorer=fuzz.token_sort_ratio) for name in table[Col.NAMA]]
    return [codes[hit[2]] if hit and hit[1] >= 90 else None for hit in hits]


def naive_join_by_code(table: pd.DataFrame, desa: pd.DataFrame) -> list[str | None]:
    name_of = dict(zip(desa[Col.KODE], desa[Col.NAMA].str.upper()))
    out = []
    for raw, name in zip(table[Col.KODE], table[Col.NAMA]):
        kode = normalize_code(raw)
        out.append(kode if kode in name_of and fuzz.token_sort_ratio(name, name_of[kode]) >= 85 else None)
    return out


def areas_2025() -> pd.DataFrame:
    table = pd.read_csv(KEMENDAGRI_2025, dtype=str, keep_default_na=False)
    table[Col.LEVEL] = [LEVELS[int(n) - 1].value for n in table["level"]]
    table[Col.KODE_INDUK] = table["kode_induk"].replace("", None)
    return table[[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK]]


def join_tables(areas: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(Banten's desa, a table of them by name and kecamatan name, one by undotted code and name)."""
    desa = areas[(areas[Col.LEVEL] == "desa") & areas[Col.KODE].str.startswith("36.")].reset_index(drop=True)
    name_of = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    rows = range(2, 2 + len(desa))
    by_name = pd.DataFrame({Col.BARIS: rows, Col.KODE: None, Col.NAMA: desa[Col.NAMA].str.upper(),
                            Col.NAMA_INDUK: ["KEC. " + name_of[k].upper() for k in desa[Col.KODE_INDUK]]})
    by_code = pd.DataFrame({Col.BARIS: rows, Col.KODE: desa[Col.KODE].str.replace(".", ""),
                            Col.NAMA: desa[Col.NAMA].str.upper()})
    return desa, by_name, by_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each call; the fastest counts (default 3)")
    args = parser.parse_args()
    if not BANTEN.exists() or not KEMENDAGRI_2025.exists():
        sys.exit(f"real public files not found under {REAL}")
    areas = areas_2025()
    desa, by_name, by_code = join_tables(areas)
    right = desa[Col.KODE].tolist()

    def count_right(codes) -> int:
        return sum(a == b for a, b in zip(codes, right))

    product_name = join_enrollment(by_name, areas, level="desa", within="36").report["kode"].tolist()
    product_code = join_enrollment(by_code, areas, level="desa", within="36").report["kode"].tolist()
    cases = [
        ("load_boundaries, Banten desa + dissolved parents", "read_file, make_valid, dissolve ×2",
         lambda: load_boundaries(BANTEN), lambda: naive_load(BANTEN, dissolve=True), ""),
        ("load_boundaries, Banten desa, no dissolving", "read_file, make_valid",
         lambda: load_boundaries(BANTEN, dissolve_parents=False), lambda: naive_load(BANTEN, dissolve=False), ""),
        ("join_enrollment, 1,552 desa by name + kecamatan", "extractOne per row",
         lambda: join_enrollment(by_name, areas, level="desa", within="36"),
         lambda: naive_join_by_name(by_name, desa),
         f"{count_right(product_name)} / {count_right(naive_join_by_name(by_name, desa))}"),
        ("join_enrollment, 1,552 desa by undotted code + name", "normalise, look up, compare per row",
         lambda: join_enrollment(by_code, areas, level="desa", within="36"),
         lambda: naive_join_by_code(by_code, desa),
         f"{count_right(product_code)} / {count_right(naive_join_by_code(by_code, desa))}"),
    ]
    print(f"Fastest of {args.repeat} runs each, product and baseline interleaved:\n")
    print("| call | naive baseline | product | naive | naive / product | right desa (product / naive) |")
    print("|---|---|---:|---:|---:|---|")
    for name, baseline, product, naive, correct in cases:
        ours, theirs = [], []
        for _ in range(args.repeat):
            ours.append(seconds(product))
            theirs.append(seconds(naive))
        ours_s, theirs_s = min(ours), min(theirs)
        print(f"| {name} | {baseline} | {ours_s:.2f} s | {theirs_s:.2f} s | {theirs_s / ours_s:.2f} | {correct or '–'} |")


if __name__ == "__main__":
    main()

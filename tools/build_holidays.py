"""Build the product's table of Indonesia's national holidays and joint leave days (cuti bersama).

Reads them from the ``holidays`` library (MIT; a development requirement only: importing it
loads every country's calendar, about a second, which the dashboard's pages and the CLI should
not pay) and writes ``data/libur/libur_nasional.csv`` with ``tanggal,jenis,nama,name``: ``jenis``
``libur`` (a public holiday) or ``cuti_bersama`` (joint leave of civil servants, so an office is
closed too), the name in Bahasa Indonesia and in English. Dates of Islamic holidays after the
current year are the library's estimates (it marks them "perkiraan"); the government's decree
can still move them, so rebuild after a new decree or edit the file. Deterministic.

    python tools/build_holidays.py [FIRST_YEAR LAST_YEAR]
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import holidays

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "data" / "libur"
OUT = OUT_DIR / "libur_nasional.csv"
YEARS = (2024, 2030)
LICENCE = """# Libur nasional dan cuti bersama (Indonesia, {first}–{last})

`libur_nasional.csv`: {n} dates on which a Disdukcapil office is closed besides Saturday and
Sunday, with their names in Bahasa Indonesia and English; `jenis` is `libur` (public holiday)
or `cuti_bersama` (joint leave of civil servants). Built by `tools/build_holidays.py` from the
`holidays` library {version} (https://github.com/vacanza/holidays, MIT licence), categories
PUBLIC and GOVERNMENT of Indonesia. Islamic holidays of later years are the library's
estimates: rebuild, or correct the file by hand, when a new joint ministerial decree (SKB)
sets the year's dates. The planner and Kapasitas count working days with it.
"""


def rows(first: int, last: int) -> list[tuple[str, str, str, str]]:
    years = range(first, last + 1)
    every = (holidays.PUBLIC, holidays.GOVERNMENT)
    names = {lang: holidays.country_holidays("ID", years=years, categories=every, language=lang)
             for lang in ("id", "en_US")}
    public = holidays.country_holidays("ID", years=years, categories=(holidays.PUBLIC,))
    return [(day.isoformat(), "libur" if day in public else "cuti_bersama", names["id"][day], names["en_US"][day])
            for day in sorted(names["id"])]


def build(first: int = YEARS[0], last: int = YEARS[1]) -> int:
    table = rows(first, last)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["tanggal", "jenis", "nama", "name"])
        writer.writerows(table)
    (OUT_DIR / "LICENSE.md").write_text(
        LICENCE.format(first=first, last=last, n=len(table), version=holidays.__version__), encoding="utf-8")
    return len(table)


if __name__ == "__main__":
    span = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else YEARS
    n = build(*span)
    print(f"{OUT.relative_to(ROOT)}: {n} days")

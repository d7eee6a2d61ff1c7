"""Banten as a provincial officer sets it up: the 1,552 real desa/kelurahan boundaries of the
whole province (``../shared/real``; kecamatan and kabupaten/kota dissolved from them) and ONE
enrollment spreadsheet for the whole province per date, its rows taken from the real Kemendagri
code table and its figures invented (seeded). Used by the page tests and the browser walk.

Each kabupaten/kota gets its own level and pace, so the ranking has a clear order: Kabupaten
Lebak and Pandeglang stay red and slow, the cities green.
"""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from geo import fmt
from geo.cli import main

PROVINCE, PROVINCE_NAME = "36", "Banten"
DESA_FILE = ("cahyadsn_wilayah_boundaries", "desa_kelurahan_36_banten_all.geojson")
CODE_TABLE = ("kemendagri_kode_wilayah", "kode_wilayah_kepmendagri_2025_targets.csv")
DATES = ("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16")
# kabupaten/kota → (coverage at the first date, percent; points gained per week)
LEVELS = {"36.01": (78.0, 0.2), "36.02": (80.0, 0.4), "36.03": (86.0, 0.9), "36.04": (84.0, 0.6),
          "36.71": (93.0, 0.3), "36.72": (90.5, 0.5), "36.73": (88.0, 1.0), "36.74": (95.0, 0.2)}


def desa_rows(real_dir: Path) -> pd.DataFrame:
    """The province's desa/kelurahan from the code table (kode, nama, kecamatan name) with seeded
    wajib KTP and sudah rekam at every date in DATES, as columns ``wajib_<date>``, ``sudah_<date>``."""
    table = pd.read_csv(real_dir.joinpath(*CODE_TABLE), dtype=str)
    names = dict(zip(table["kode"], table["nama"]))
    desa = table[table["kode"].str.startswith(PROVINCE + ".") & (table["level"] == "4")]
    rng = random.Random(36)
    rows = []
    for kode, nama in zip(desa["kode"], desa["nama"]):
        start, pace = LEVELS[kode[:5]]
        wajib = rng.randint(1500, 9000)
        share = start + rng.uniform(-3, 3)
        row = {"kode": kode, "kecamatan": names[kode.rsplit(".", 1)[0]], "nama": nama}
        for week, day in enumerate(DATES):
            row[f"wajib_{day}"] = wajib
            row[f"sudah_{day}"] = min(wajib, int(wajib * (share + week * pace * rng.uniform(0.8, 1.2)) / 100))
        rows.append(row)
    return pd.DataFrame(rows)


def write_sheet(rows: pd.DataFrame, day: str, path: Path) -> Path:
    """The spreadsheet an office sends: title rows, then KODE / KECAMATAN / DESA / WAJIB KTP / SUDAH REKAM."""
    frame = pd.DataFrame({"KODE WILAYAH": rows["kode"], "KECAMATAN": rows["kecamatan"],
                          "DESA/KELURAHAN": rows["nama"], "WAJIB KTP": rows[f"wajib_{day}"],
                          "SUDAH REKAM": rows[f"sudah_{day}"]})
    with pd.ExcelWriter(path) as book:
        frame.to_excel(book, sheet_name="REKAP", index=False, startrow=2)
        book.sheets["REKAP"]["A1"] = "REKAPITULASI PEREKAMAN KTP-EL PROVINSI BANTEN"
        book.sheets["REKAP"]["A2"] = f"Keadaan s.d. {fmt.long_date(day)}"  # the date an office writes in its title
    return path


def banten_store(real_dir: Path, folder: Path) -> tuple[str, pd.DataFrame]:
    """A store holding Banten's desa boundaries and the province's sheet at every date in DATES,
    imported with the CLI as an officer does; returns its URL and ``desa_rows``."""
    url = f"sqlite:///{folder / 'banten.sqlite'}"
    assert main(["import-boundaries", str(real_dir.joinpath(*DESA_FILE)), "--level", "desa", "--db", url]) == 0
    rows = desa_rows(real_dir)
    for day in DATES:
        sheet = write_sheet(rows, day, folder / f"rekap_banten_{day}.xlsx")
        assert main(["import-enrollment", str(sheet), "--date", day, "--within", PROVINCE, "--db", url]) == 0
    return url, rows


def kabupaten_totals(rows: pd.DataFrame, day: str = DATES[-1]) -> pd.DataFrame:
    """Wajib and sudah summed per kabupaten/kota from the sheet's rows (the figures a test expects)."""
    summed = rows.assign(kab=rows["kode"].str[:5]).groupby("kab")[[f"wajib_{day}", f"sudah_{day}"]].sum()
    return summed.set_axis(["wajib", "sudah"], axis=1)

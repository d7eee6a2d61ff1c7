"""A small country for tests and the view benchmark: three provinsi from the real public boundaries.

Banten (36: 8 kabupaten/kota, 1,552 desa), Lampung's Pesawaran (18.09) and Bangka Belitung's
Bangka Selatan (19.03), each at kabupaten, kecamatan and desa level (../shared/real, read in
place), imported as ``python -m geo import-boundaries`` does; and a source file of figures per
desa on two dates (``enrollment.csv``: kode, tanggal, wajib_ktp, sudah_rekam), seeded, imported
as it is. Tests compare what pages show with sums of that file.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geo.ingest import import_boundaries
from geo.schema import Col, Level
from geo.store import Store

FILES = "cahyadsn_wilayah_boundaries"
BOUNDARIES = (
    ("kabkota_36_banten_18.09_19.03.geojson", Level.KABUPATEN),
    ("kecamatan_36_banten_18.09_19.03.geojson", Level.KECAMATAN),
    ("desa_kelurahan_36_banten_all.geojson", Level.DESA),
    ("desa_kelurahan_18.09_pesawaran.geojson", Level.DESA),
    ("desa_kelurahan_19.03_bangka_selatan.geojson", Level.DESA),
)
DATES = ("2026-11-09", "2026-11-16")
PROVINSI = ("18", "19", "36")


def source_rows(codes: list[str]) -> pd.DataFrame:
    """The seeded source file: per desa and date, wajib KTP 800–4,800 and a coverage around its
    kabupaten/kota's own level (78–97 %), one point higher in the second week."""
    rng = np.random.default_rng(19)
    wajib = rng.integers(800, 4800, len(codes))
    kabupaten = sorted({k[:5] for k in codes})
    level = dict(zip(kabupaten, rng.uniform(0.78, 0.97, len(kabupaten))))
    share = np.clip([level[k[:5]] for k in codes] + rng.normal(0, 0.04, len(codes)), 0.5, 0.99)
    frames = [pd.DataFrame({Col.KODE: codes, Col.TANGGAL: day, Col.WAJIB: wajib,
                            Col.SUDAH: np.minimum(wajib, np.round(wajib * (share + 0.01 * i))).astype(int)})
              for i, day in enumerate(DATES)]
    return pd.concat(frames, ignore_index=True)


def build(real_dir: Path, folder: Path) -> tuple[str, Path]:
    """(store URL, path of the source file) of the small country, written into ``folder``."""
    url = f"sqlite:///{folder / 'rekam.sqlite'}"
    store = Store.open(url)
    for name, level in BOUNDARIES:
        import_boundaries(store, real_dir / FILES / name, level=level)
    desa = store.areas(level=Level.DESA)
    rows = source_rows(sorted(desa[Col.KODE]))
    source = folder / "enrollment.csv"
    rows.to_csv(source, index=False)
    for day, part in pd.read_csv(source, dtype={Col.KODE: str}).groupby(Col.TANGGAL):
        store.add_enrollment(part.drop(columns=Col.TANGGAL), tanggal=day)
    store.close()
    return url, source


def copy_sqlite(url: str, path: Path) -> str:
    """A copy of the SQLite store at ``url`` written to ``path`` (SQLite's backup: what is still in the
    write-ahead log of an open store is copied too); its URL."""
    import sqlite3

    source, target = sqlite3.connect(url.removeprefix("sqlite:///")), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return f"sqlite:///{path}"

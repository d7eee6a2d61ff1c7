"""Load the committed demo (data contoh sintetis) into a store through the normal import path:
the same importers as an office's files (boundaries, points, inventory, blank stock, events)."""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from geo.ingest.boundaries import import_boundaries
from geo.ingest.capacity import load_demo_inventory
from geo.ingest.events import import_events
from geo.ingest.points import import_points
from geo.schema import COUNT_COLUMNS, DEMO_DIR, Col
from geo.store import Store

DEMO_USER = "demo"


def load_demo(store: Store, demo_dir=DEMO_DIR, *, today: date | None = None) -> list[int]:
    """Import the demo boundaries and its weekly history; returns the version ids.

    The boundaries go through the same loader as any office file; the history (one
    row per desa per week, Col.TANGGAL included) is stored as one version.

    ``today``: every date of the demo moved by whole weeks (weekdays kept) so that its newest
    snapshot is the Monday of ``today``'s week: a demo loaded months after it was written is not
    announced as old data on every page, nor past its deadline. Counts are those of the files.
    """
    demo_dir = Path(demo_dir)
    if today is not None:
        with tempfile.TemporaryDirectory(prefix="demo_") as folder:
            return load_demo(store, moved_to(demo_dir, Path(folder), today))
    versions = [import_boundaries(store, demo_dir / "wilayah_desa.geojson", level="desa", user=DEMO_USER,
                                  force=True).version_id]
    history_path = demo_dir / "rekam_mingguan.csv"
    history = pd.read_csv(history_path, dtype={Col.KODE: str, Col.TANGGAL: str})
    rows = history[[Col.KODE, Col.TANGGAL, *[c for c in COUNT_COLUMNS if c in history]]]
    versions.append(store.add_enrollment(
        rows, tanggal=rows[Col.TANGGAL].max(), file_name=history_path.name, user=DEMO_USER,
        file_hash=hashlib.sha256(history_path.read_bytes()).hexdigest(),
        report={"catatan": "data contoh sintetis: riwayat mingguan", "baris": len(rows)}, force=True,
    ))
    for kind, file_name in (("lokasi", "lokasi_perekaman.csv"), ("sekolah", "sekolah.csv")):
        versions.append(import_points(store, demo_dir / file_name, kind=kind, user=DEMO_USER, force=True)[0])
    versions.extend(load_demo_inventory(store, demo_dir, user=DEMO_USER))
    versions.append(import_events(store, demo_dir / "peristiwa.csv", user=DEMO_USER, force=True))
    return versions


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def moved_to(demo_dir: Path, folder: Path, today: date) -> Path:
    """A copy of the demo in ``folder`` with every date (a CSV column whose filled cells are all ISO
    days) moved by the whole weeks that bring its newest snapshot to the Monday of ``today``'s week
    (never backwards); other files as they are. Returns ``folder``."""
    newest = date.fromisoformat(pd.read_csv(demo_dir / "rekam_mingguan.csv", usecols=[Col.TANGGAL])[Col.TANGGAL].max())
    weeks = max(0, (today - newest).days // 7)
    for path in demo_dir.iterdir():
        if path.suffix != ".csv":
            shutil.copyfile(path, folder / path.name)
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            filled = frame[column][frame[column] != ""]
            if len(filled) and filled.str.fullmatch(_ISO_DAY).all():
                days = pd.to_datetime(filled) + timedelta(weeks=weeks)
                frame.loc[filled.index, column] = days.dt.strftime("%Y-%m-%d")
        frame.to_csv(folder / path.name, index=False)
    return folder

"""The inventory of devices and sites and the blank-card stock into the store, and out as templates.

Each import is a store version (kind ``inventaris`` or ``blangko``) written in the same
transaction as its rows, so ``store.rollback(v)`` undoes it. Current state = each key's row
from the newest active version: a device history row is keyed by (``alat_id``,
``tanggal_mulai``), a site row by (``lokasi_id``, ``tanggal_mulai``), a stock entry by (``kode``,
``tanggal``). A newer import's row with the same key replaces the older one; rows of other keys
stay, so an update file only needs the new rows. To delete a row, roll its import back. The file
formats are in ``geo.io.inventory``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from geo.columns import (
    ALAT_ID, ALAT_TOTAL, BLANK_COLUMNS, DIPAKAI, DITERIMA, INVENTORY_COLUMNS, JENIS, KONEKSI, LOKASI_ID, NAMA_LOKASI,
    OPERATOR, STATUS, TANGGAL_MULAI,
)
from geo.config import DEFAULTS
from geo.ingest.rights import refuse_outside, site_areas
from geo.ingest.source import read_source
from geo.io.inventory import KONEKSI_VALUES, read_blank_stock, read_choice, read_count, read_inventory
from geo.names import normalize_code
from geo.schema import DEMO_DIR, Col, FileRefused, RekamError
from geo.store import Store
from geo.store.tables import alat_table, blangko_table, lokasi_table


@dataclass
class Imported:
    version_id: int
    rows: int
    summary: dict = field(default_factory=dict)  # e.g. {"alat": 32, "lokasi": 16}


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else
                 (int(v) if isinstance(v, (np.integer,)) else v)) for k, v in r.items()}
            for r in frame.astype(object).to_dict("records")]


# --- imports (versioned) ---------------------------------------------------------------------
def import_inventory(store: Store, source, user: str = "cli", *, file_name: str | None = None,
                     force: bool = False, max_bytes: int | None = DEFAULTS.max_upload_bytes,
                     writer_area: str | None = None) -> Imported:
    """Read an inventory file and store it as one version (kind 'inventaris').

    ``source``: a path or the file's bytes; ``max_bytes``: the upload limit (the edge passes
    ``settings.max_upload_bytes``), checked before the file is read. Refuses (nothing
    written) a store without recording sites (FileRefused 'inv_belum_ada_lokasi'), a file the
    reader refuses (FileRefused, ValidationFailed: see ``read_inventory``) and a file already
    imported and active unless ``force`` (RekamError 'berkas_sudah_diimpor'), and (OutsideArea)
    rows of a site outside ``writer_area`` (None: everywhere) or of a device whose stored history
    stands at such a site (one id, one device: another office's device is not theirs to change). Returns the version id and counts of devices and sites.
    """
    sites = set(store.points("lokasi")["id"].astype(str))
    if not sites:
        raise FileRefused("inv_belum_ada_lokasi")
    stored = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    # Read (size checked first) before hashing: a file over the limit is refused unread.
    inv = read_inventory(source, file_name=file_name, max_bytes=max_bytes, known_sites=sites,
                         known_devices=set(stored.loc[stored[JENIS].notna(), ALAT_ID]))
    if writer_area is not None:
        before = stored.loc[stored[ALAT_ID].isin(inv.alat[ALAT_ID]), LOKASI_ID]
        refuse_outside(store, writer_area, site_areas(store, {*inv.alat[LOKASI_ID], *inv.lokasi[LOKASI_ID], *before}))
    _, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    summary = {"alat": int(inv.alat[ALAT_ID].nunique()), "lokasi": int(inv.lokasi[LOKASI_ID].nunique()),
               "baris_alat": len(inv.alat), "baris_lokasi": len(inv.lokasi)}
    dates = pd.concat([inv.alat[TANGGAL_MULAI], inv.lokasi[TANGGAL_MULAI]])
    version = store.add_version(
        "inventaris", [(alat_table, _records(inv.alat)), (lokasi_table, _records(inv.lokasi))], user=user,
        file_name=name, file_hash=digest, tanggal=dates.max() if len(dates) else None, report=summary, force=force)
    return Imported(version, len(inv.alat) + len(inv.lokasi), summary)


def import_blank_stock(store: Store, source, user: str = "cli", *, file_name: str | None = None,
                       force: bool = False, max_bytes: int | None = DEFAULTS.max_upload_bytes,
                       writer_area: str | None = None) -> Imported:
    """Read a blank-card stock file and store it as one version (kind 'blangko').

    Raises as ``import_inventory`` (the reader's refusals: see ``read_blank_stock``; OutsideArea
    for an entry of an area outside ``writer_area``).
    """
    entries = read_blank_stock(source, file_name=file_name, max_bytes=max_bytes)
    refuse_outside(store, writer_area, entries[Col.KODE])
    _, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    summary = {"entri": len(entries), "diterima": int(entries[DITERIMA].sum()), "dipakai": int(entries[DIPAKAI].sum())}
    version = store.add_version("blangko", [(blangko_table, _records(entries))], user=user, file_name=name,
                                file_hash=digest, tanggal=entries[Col.TANGGAL].max(), report=summary, force=force)
    return Imported(version, len(entries), summary)


def load_demo_inventory(store: Store, demo_dir: Path = DEMO_DIR, user: str = "demo") -> list[int]:
    """Import the demo's ``perangkat.csv`` and ``blangko.csv`` (after its sites); returns the version ids."""
    return [import_inventory(store, Path(demo_dir) / "perangkat.csv", user=user, force=True).version_id,
            import_blank_stock(store, Path(demo_dir) / "blangko.csv", user=user, force=True).version_id]


# --- stored rows -----------------------------------------------------------------------------
def stored_blank_stock(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """The current blank-stock entries of the areas in ``within`` up to ``date`` (ISO), by date then code.

    Returns BLANK_COLUMNS, DITERIMA and DIPAKAI as Int64 cards (0 when empty). Raises
    RekamError('kap_kode_salah') for a ``within`` that is no Kemendagri code.
    """
    rows = store.read_current(blangko_table, [Col.KODE, Col.TANGGAL])
    if within:
        code = normalize_code(within)
        if code is None:
            raise RekamError("kap_kode_salah", kode=within)
        rows = rows[(rows[Col.KODE] == code) | rows[Col.KODE].str.startswith(code + ".")]
    if date:
        rows = rows[rows[Col.TANGGAL] <= date]
    rows = rows.sort_values([Col.TANGGAL, Col.KODE], ignore_index=True)
    for c in (DITERIMA, DIPAKAI):
        rows[c] = rows[c].fillna(0).astype("Int64")
    return rows[BLANK_COLUMNS]


# --- templates -------------------------------------------------------------------------------
def inventory_template(store: Store, *, within: str | None = None) -> pd.DataFrame:
    """The inventory as a file to edit: INVENTORY_COLUMNS plus NAMA_LOKASI and Col.KODE as help.

    Holds every current row (site rows first, then each device's history) of the sites
    in ``within``; append a dated row to record a change. Sites the inventory does not
    know yet get a site row with the sites layer's ``koneksi`` and one device row per
    ``alat_total`` (ids ``<site>-A1`` …), with ``tanggal_mulai`` left for you to fill in.
    """
    points = store.points("lokasi", within=within)
    names, codes = dict(zip(points["id"], points[Col.NAMA])), dict(zip(points["id"], points[Col.KODE]))
    alat = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    lokasi = store.read_current(lokasi_table, [LOKASI_ID, TANGGAL_MULAI])
    rows = []
    for p in points.to_dict("records"):
        site, atribut = str(p["id"]), p["atribut"]
        site_rows = lokasi[lokasi[LOKASI_ID] == site].sort_values(TANGGAL_MULAI)
        device_rows = alat[alat[LOKASI_ID] == site].sort_values([ALAT_ID, TANGGAL_MULAI])
        if len(site_rows) == 0 and len(device_rows) == 0:
            kind = "mobile" if atribut.get("jenis") == "mobile" else "statis"
            total = read_count(atribut.get(ALAT_TOTAL)) or 0
            rows.append({LOKASI_ID: site, KONEKSI: read_choice(atribut.get(KONEKSI), KONEKSI_VALUES)})
            rows += [{LOKASI_ID: site, ALAT_ID: f"{site}-A{i + 1}", JENIS: kind, STATUS: "aktif"} for i in range(total)]
            continue
        rows += [{LOKASI_ID: site, **r} for r in site_rows.drop(columns=LOKASI_ID).to_dict("records")]
        rows += [{LOKASI_ID: site, **r} for r in device_rows.drop(columns=LOKASI_ID).to_dict("records")]
    out = pd.DataFrame(rows, columns=INVENTORY_COLUMNS)
    out[OPERATOR] = out[OPERATOR].astype("Int64")
    out[NAMA_LOKASI] = out[LOKASI_ID].map(names)
    out[Col.KODE] = out[LOKASI_ID].map(codes)
    return out


def blank_stock_template(store: Store | None = None, *, within: str | None = None) -> pd.DataFrame:
    """BLANK_COLUMNS: the current entries within ``within`` (empty without a store), to append to."""
    if store is None:
        return pd.DataFrame(columns=BLANK_COLUMNS)
    return stored_blank_stock(store, within=within)

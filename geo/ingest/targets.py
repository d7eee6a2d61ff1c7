"""Targets into the store: a target file, or the rows an editor changed on the Data page, as one
version (rolled back like any import)."""
from __future__ import annotations

import pandas as pd

from geo.config import DEFAULTS, Settings
from geo.ingest.rights import refuse_outside
from geo.ingest.source import read_source
from geo.io.targets import COLUMNS, ROW, read_targets, targets_from_table
from geo.schema import Col, RekamError
from geo.store import Store
from geo.store.tables import targets_table

KIND = "target"


def _records(frame: pd.DataFrame) -> list[dict]:
    out = []
    for r in frame.to_dict("records"):
        out.append({Col.KODE: r[Col.KODE], "tahun": int(r["tahun"]), "bulan": int(r["bulan"] or 0),
                    "target_persen": None if pd.isna(r["target_persen"]) else float(r["target_persen"]),
                    "target_rekam": None if pd.isna(r["target_rekam"]) else int(r["target_rekam"]),
                    "keterangan": None if pd.isna(r.get("keterangan")) else r.get("keterangan")})
    return out


def _known(store: Store, frame: pd.DataFrame) -> None:
    """RekamError('target_wilayah_tidak_ada') naming codes the store does not hold."""
    known = set(store.areas()[Col.KODE])
    missing = sorted(set(frame[Col.KODE]) - known)
    if missing:
        raise RekamError("target_wilayah_tidak_ada", kode=", ".join(missing[:10]), jumlah=len(missing))


def import_targets(store: Store, source, *, user: str = "cli", file_name: str | None = None, force: bool = False,
                   settings: Settings = DEFAULTS, writer_area: str | None = None) -> tuple[int, int]:
    """Store a target file as one version; returns (version id, rows). Raises what ``read_targets``
    raises, RekamError for codes the store does not know, OutsideArea for codes outside
    ``writer_area`` (None: everywhere), and 'berkas_sudah_diimpor'."""
    frame = read_targets(source, file_name=file_name, max_bytes=settings.max_upload_bytes)
    _, name, digest = read_source(source, file_name)
    _known(store, frame)
    refuse_outside(store, writer_area, frame[Col.KODE])
    version = store.add_version(KIND, [(targets_table, _records(frame))], user=user, file_name=name,
                                file_hash=digest, report={"target": len(frame)}, force=force)
    return version, len(frame)


def save_targets(store: Store, frame: pd.DataFrame, *, user: str, writer_area: str | None = None) -> int:
    """Store targets an editor set (COLUMNS) as one version; returns its id. A row whose targets
    are both empty clears that area's target for that period (stored as no target). Raises as
    ``import_targets``."""
    frame = frame.reindex(columns=COLUMNS)
    _known(store, frame)
    refuse_outside(store, writer_area, frame[Col.KODE])
    return store.add_version(KIND, [(targets_table, _records(frame))], user=user, file_name=None,
                             report={"target": len(frame), "diubah_di": "halaman Data"}, force=True)


def save_edited_targets(store: Store, before: pd.DataFrame, edited: pd.DataFrame, *, user: str,
                        writer_area: str | None = None) -> int | None:
    """The Data page's target table after an editor's changes, stored as one version; returns its id,
    or None when nothing changed. ``before``: the rows shown (COLUMNS); ``edited``: the table as
    left, cells as typed (``92,5``, ``12.345``, a month's name), checked by the rules of a target
    file (``geo.io.targets.targets_from_table``: ValidationFailed naming the row). A row removed
    clears that area's target for that period. Raises as ``save_targets``."""
    typed = edited.reindex(columns=COLUMNS).copy()
    typed = typed[typed.astype(object).map(lambda v: str(v).strip() not in ("", "nan", "None", "<NA>")).any(axis=1)]
    typed[ROW] = [int(i) + 1 for i in range(len(typed))]
    frame = targets_from_table(typed) if len(typed) else pd.DataFrame(columns=COLUMNS)
    key = [Col.KODE, "tahun", "bulan"]
    kept = set(map(tuple, frame[key].astype(str).values))
    gone = before[[tuple(r) not in kept for r in before[key].astype(str).values]]
    cleared = gone[key].assign(target_persen=None, target_rekam=None, keterangan=None)
    merged = before.reindex(columns=COLUMNS).merge(frame, on=key, how="right", suffixes=("_lama", ""))
    changed = frame[[_differs(r) for r in merged.to_dict("records")]]
    out = pd.concat([changed, cleared], ignore_index=True) if len(cleared) else changed
    if out.empty:
        return None
    return save_targets(store, out, user=user, writer_area=writer_area)


def _differs(row: dict) -> bool:
    """A row of the editor that is new or holds another target than before."""
    for c in ("target_persen", "target_rekam", "keterangan"):
        old, new = row.get(f"{c}_lama"), row.get(c)
        if pd.isna(old) and pd.isna(new):
            continue
        if pd.isna(old) or pd.isna(new) or str(old) != str(new) and not _same_number(old, new):
            return True
    return False


def _same_number(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False

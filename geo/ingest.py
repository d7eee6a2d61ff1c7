"""Imports: file → load → join → store, the one pipeline used by the CLI and the Data page.

An import is prepared first (read, validated, joined; nothing written) and then
committed as one version in one transaction. A refused file leaves the store as it was.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo import shapes
from geo.boundaries import BoundaryLoad, load_boundaries
from geo.enrollment import EnrollmentRead, read_enrollment
from geo.join import ROW_ERRORS, JoinResult, join_enrollment
from geo.schema import COUNT_COLUMNS, Col, Level, Problem, RekamError, ValidationFailed
from geo.config import load_settings
from geo.dates import iso_day
from geo.store import Store



def file_bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_source(source, file_name: str | None) -> tuple[bytes | Path, str, str]:
    """(source for the loaders, file name, sha256) without writing anything anywhere."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        return data, file_name or "unggahan", file_bytes_hash(data)
    path = Path(source)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise RekamError("berkas_tidak_terbaca", path=str(path), detail=exc.strerror or str(exc)) from None
    return path, file_name or path.name, digest.hexdigest()




# --- boundaries ----------------------------------------------------------------
@dataclass
class BoundaryImport:
    version_id: int
    loaded: BoundaryLoad


def import_boundaries(store: Store, source, *, level: Level | str | None = None, code_field: str | None = None,
                      name_field: str | None = None, file_name: str | None = None, user: str = "cli",
                      force: bool = False) -> BoundaryImport:
    """Load a boundary file and store it as one version. Raises RekamError subclasses."""
    src, name, digest = _read_source(source, file_name)
    store.refuse_same_file(digest, force=force)  # early: before reading a large file
    loaded = load_boundaries(src, level=level, code_field=code_field, name_field=name_field, file_name=name)
    _keep_known_names(store, loaded.areas)
    loaded.areas = _without_partial_parents(store, loaded.areas, loaded.report)
    version = store.add_areas(loaded.areas, file_name=name, file_hash=digest, user=user, report=loaded.report,
                              force=force)
    # Every map view these boundaries appear in is simplified now, once, not when first opened.
    loaded.report["tampilan_peta_disiapkan"] = shapes.warm(store, loaded.areas[Col.KODE])
    return BoundaryImport(version, loaded)


def _without_partial_parents(store: Store, areas, report: dict):
    """Drop parents dissolved from a file that holds only some of their known children.

    A file of three desa would otherwise replace their kecamatan (and kabupaten) by the
    union of those three. The stored parent is kept instead; the report says which.
    """
    depth = areas[Col.KODE].str.count(r"\.") + 1
    deepest = int(depth.max()) if len(areas) else 0
    in_file = set(areas.loc[depth == deepest, Col.KODE])
    known = store.areas()
    known_deep = [k for k in known[Col.KODE] if k.count(".") + 1 == deepest and k not in in_file]
    if not known_deep:
        return areas
    partial = [p for p in areas.loc[depth < deepest, Col.KODE]
               if any(k.startswith(p + ".") for k in known_deep)]
    if partial:
        report["induk_dipertahankan"] = sorted(partial)
    return areas[~areas[Col.KODE].isin(partial)].reset_index(drop=True)


def _keep_known_names(store: Store, areas) -> None:
    """Parents dissolved from a file that names only its own level carry their code as a name;
    where the store already knows the area's name, keep that name instead."""
    unnamed = areas[Col.NAMA] == areas[Col.KODE]
    if not unnamed.any():
        return
    known = store.areas()
    names = dict(zip(known[Col.KODE], known[Col.NAMA]))
    areas.loc[unnamed, Col.NAMA] = [names.get(k, k) for k in areas.loc[unnamed, Col.KODE]]


# --- enrollment ----------------------------------------------------------------
@dataclass
class PreparedEnrollment:
    """A read and joined enrollment file, not yet stored."""

    file_name: str
    file_hash: str
    level: Level
    within: str | None
    read: EnrollmentRead
    join: JoinResult
    warnings: list[Problem] = field(default_factory=list)

    @property
    def unmatched(self) -> pd.DataFrame:
        return self.join.report[~self.join.report["cara"].isin(["kode", "nama", "nama_mirip", "manual"])]

    @property
    def blocking(self) -> list[Problem]:
        """Errors other than unmatched/refused rows (duplicates): these always block."""
        return [p for p in self.join.problems if p.severity == "error" and p.key not in ROW_ERRORS]




def prepare_enrollment(store: Store, source, *, level: Level | str = Level.DESA, within: str | None = None,
                       sheet: str | None = None, file_name: str | None = None,
                       overrides: dict[int, str] | None = None) -> PreparedEnrollment:
    """Read, validate and join an enrollment file against the stored areas. Writes nothing.

    Raises FileRefused / ValidationFailed from the reader and RekamError('belum_ada_batas')
    when the store has no areas of ``level``.
    """
    level = Level(level)
    settings = load_settings()
    # Read (size checked first) before hashing: a file over the limit is refused unread.
    read = read_enrollment(source, file_name=file_name, sheet=sheet,
                           max_bytes=int(settings.max_upload_mb * 1024 * 1024))
    _, name, digest = _read_source(source, file_name)
    areas = store.areas(within=within)
    if not (areas[Col.LEVEL] == level.value).any():
        raise RekamError("belum_ada_batas", level=level.value)
    joined = join_enrollment(read.table, areas, level=level, within=within, overrides=overrides)
    headers = read.report.get("columns", {})  # name the column as the file does ('DESA/KELURAHAN', not 'nama')
    for problem in joined.problems:
        problem.kolom = headers.get(problem.kolom, problem.kolom)
    warnings = list(read.problems) + [p for p in joined.problems if p.severity != "error"]
    return PreparedEnrollment(name, digest, level, within, read, joined, warnings)


def commit_enrollment(store: Store, prepared: PreparedEnrollment, *, tanggal: str, user: str = "cli",
                      skip_unmatched: bool = False, force: bool = False) -> int:
    """Store a prepared file as one dated snapshot; returns the version id.

    Refuses (nothing written) when the join has blocking errors, or unmatched rows
    unless ``skip_unmatched``, or the same file is already active unless ``force``.
    """
    tanggal = iso_day(tanggal, field="data")
    if prepared.blocking:
        raise ValidationFailed(prepared.blocking)
    n_unmatched = len(prepared.unmatched)
    if n_unmatched and not skip_unmatched:
        raise RekamError("ada_baris_tak_cocok", jumlah=n_unmatched)
    store.refuse_same_file(prepared.file_hash, force=force)
    rows = prepared.join.matched[[Col.KODE, *[c for c in COUNT_COLUMNS if c in prepared.join.matched]]]
    report = {
        "baca": prepared.read.report,
        "cocok": prepared.join.report.drop(columns=["kandidat"], errors="ignore").to_dict("records"),
        "tidak_cocok": n_unmatched,
        "tingkat": prepared.level.value,
        "dalam": prepared.within,
    }
    return store.add_enrollment(
        rows, tanggal=tanggal, file_name=prepared.file_name, file_hash=prepared.file_hash, user=user,
        report=report, force=force,
    )


# --- points (recording sites, schools) -------------------------------------------
def import_points(store: Store, source, *, kind: str, user: str = "cli", file_name: str | None = None,
                  force: bool = False) -> tuple[int, int]:
    """Read a points file and store it as one version; returns (version id, number of points)."""
    from geo.points import read_points

    src, name, digest = _read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    frame = read_points(src, kind)
    version = store.add_points(frame, kind=kind, file_name=name, file_hash=digest, user=user,
                               report={"titik": len(frame)}, force=force)
    return version, len(frame)


# --- templates ----------------------------------------------------------------------
TEMPLATE_COLUMNS = [Col.KODE, Col.NAMA, "kecamatan", Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK,
                    Col.PEMULA]


def template(store: Store, *, within: str, level: Level | str = Level.DESA) -> pd.DataFrame:
    """An empty enrollment table with the codes and names of ``within``'s areas at ``level`` filled in.

    Columns: TEMPLATE_COLUMNS (``kecamatan`` holds the parent's name, to help the person typing).
    """
    level = Level(level)
    areas = store.areas(within=within)
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    rows = areas[areas[Col.LEVEL] == level.value]
    out = pd.DataFrame({
        Col.KODE: rows[Col.KODE].to_numpy(),
        Col.NAMA: rows[Col.NAMA].to_numpy(),
        "kecamatan": [names.get(k, "") for k in rows[Col.KODE_INDUK]],
    })
    for col in TEMPLATE_COLUMNS[3:]:
        out[col] = pd.array([None] * len(out), dtype="Int64")
    return out[TEMPLATE_COLUMNS]

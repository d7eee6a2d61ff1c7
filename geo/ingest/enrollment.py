"""Recording figures into the store: prepared first (read, validated, joined; nothing written),
then committed as one dated version in one transaction. A refused file leaves the store as it was."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import pandas as pd

from geo.config import DEFAULTS, Settings
from geo.dates import check_snapshot_day, iso_day
from geo.fmt import Count
from geo.ingest.rights import may_write, refuse_outside
from geo.ingest.source import read_source
from geo.io.enrollment import EnrollmentRead, read_enrollment
from geo.join import ROW_ERRORS, JoinResult, join_enrollment
from geo.names import normalize_code
from geo.schema import COUNT_COLUMNS, Col, Level, Problem, RekamError, ValidationFailed
from geo.store import Store


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
        return self.join.report[~self.join.report["cara"].isin(MATCHED_BY)]

    @property
    def blocking(self) -> list[Problem]:
        """Errors other than unmatched/refused rows (duplicates): these always block."""
        return [p for p in self.join.problems if p.severity == "error" and p.key not in ROW_ERRORS]


def prepare_enrollment(store: Store, source, *, level: Level | str = Level.DESA, within: str | None = None,
                       sheet: str | None = None, file_name: str | None = None,
                       overrides: dict[int, str] | None = None, settings: Settings = DEFAULTS,
                       writer_area: str | None = None) -> PreparedEnrollment:
    """Read, validate and join an enrollment file against the stored areas. Writes nothing.

    Raises FileRefused / ValidationFailed from the reader, RekamError('belum_ada_batas')
    when the store has no areas of ``level``, and OutsideArea ('di_luar_wilayah_pengguna')
    when a row joins an area outside ``writer_area`` (the editor's own; None: everywhere) or
    names the code of a stored area outside both ``within`` and ``writer_area``.
    """
    level = Level(level)
    # Read (size checked first) before hashing: a file over the limit is refused unread.
    read = read_enrollment(source, file_name=file_name, sheet=sheet, max_bytes=settings.max_upload_bytes)
    _, name, digest = read_source(source, file_name)
    if read.report.get("sheet") and sheet is not None:  # one sheet of a workbook: "already imported" is per sheet
        digest = hashlib.sha256(f"{digest}\0{read.report['sheet']}".encode()).hexdigest()
    areas = store.areas(within=within)
    if not (areas[Col.LEVEL] == level.value).any():
        raise RekamError("belum_ada_batas", level=level.value)
    joined = join_enrollment(read.table, areas, level=level, within=within, overrides=overrides)
    refuse_outside(store, writer_area, chain(joined.matched[Col.KODE], _codes_elsewhere(store, joined, writer_area)))
    headers = read.report.get("columns", {})  # name the column as the file does ('DESA/KELURAHAN', not 'nama')
    for problem in joined.problems:
        problem.column = headers.get(problem.column, problem.column)
    warnings = list(read.problems) + [p for p in joined.problems if p.severity != "error"]
    return PreparedEnrollment(name, digest, level, within, read, joined, warnings)


MATCHED_BY = ("kode", "nama", "nama_mirip", "manual")  # join report ``cara`` of a row that will be stored


def _codes_elsewhere(store: Store, joined: JoinResult, writer_area: str | None) -> list[str]:
    """Codes of stored areas outside ``writer_area`` that rows the join left out are written with
    (a neighbour's rows in the file): named in the refusal rather than offered for a hand fix."""
    if writer_area is None:
        return []
    left_out = joined.report.loc[~joined.report["cara"].isin(MATCHED_BY), "kode_file"]
    codes = {normalize_code(k) for k in left_out if isinstance(k, str)} - {None}
    if not codes:
        return []
    stored = set(store.areas()[Col.KODE])
    return [k for k in codes if k in stored and not may_write(writer_area, k)]


def commit_enrollment(store: Store, prepared: PreparedEnrollment, *, tanggal: str, user: str = "cli",
                      skip_unmatched: bool = False, force: bool = False, allow_date: bool = False,
                      writer_area: str | None = None) -> int:
    """Store a prepared file as one dated snapshot; returns the version id.

    Refuses (nothing written) a date in the future or before 2011 unless ``allow_date``, rows of
    areas outside ``writer_area`` (OutsideArea; None: everywhere), a join with blocking errors,
    unmatched rows unless ``skip_unmatched``, and the same file already active unless ``force``.
    The version's report holds ``baca`` (the reader's report), ``cara`` ({how matched: rows}),
    ``cocok`` (the rows matched other than by code, each with its file row and names),
    ``tidak_cocok``, ``tingkat`` and ``dalam``.
    """
    tanggal = iso_day(tanggal, field="data")
    check_snapshot_day(tanggal, allow=allow_date)
    refuse_outside(store, writer_area, prepared.join.matched[Col.KODE])
    if prepared.blocking:
        raise ValidationFailed(prepared.blocking)
    n_unmatched = len(prepared.unmatched)
    if n_unmatched and not skip_unmatched:
        raise RekamError("ada_baris_tak_cocok", jumlah=Count(n_unmatched))
    store.refuse_same_file(prepared.file_hash, force=force)
    rows = prepared.join.matched[[Col.KODE, *[c for c in COUNT_COLUMNS if c in prepared.join.matched]]]
    report = {
        "baca": prepared.read.report,
        # Counts of every way a row was matched, and the rows matched other than by their code (the
        # ones worth a second look): a national file's 83,000 rows matched by code would make a
        # report of megabytes read back by every history view. ``--report FILE`` writes them all.
        "cara": {str(k): int(n) for k, n in prepared.join.report["cara"].value_counts().items()},
        "cocok": _records(prepared.join.report.loc[prepared.join.report["cara"] != "kode"]
                          .drop(columns=["kandidat"], errors="ignore")),
        "tidak_cocok": n_unmatched,
        "tingkat": prepared.level.value,
        "dalam": prepared.within,
    }
    return store.add_enrollment(
        rows, tanggal=tanggal, file_name=prepared.file_name, file_hash=prepared.file_hash, user=user,
        report=report, force=force,
    )


def _records(frame: pd.DataFrame) -> list[dict]:
    """``frame.astype(object).to_dict("records")``, built from whole columns: pandas boxes each
    value on its own, most of the time an import of a national file spends on its report."""
    keys = list(frame.columns)
    return [dict(zip(keys, values)) for values in zip(*(_column_values(frame[c]) for c in keys))]


_PLAIN = (str, int, float, bool, type(None))


def _column_values(column: pd.Series) -> list:
    """The values ``to_dict`` gives for ``column``: Python's own (int, float, str, None, NaN)."""
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iufb":  # tolist: Python numbers, NaN kept
        return column.tolist()
    values = column.astype(object).tolist()
    if set(map(type, values)) <= set(_PLAIN):
        return values
    return [row[column.name] for row in column.astype(object).to_frame().to_dict("records")]


# --- templates ----------------------------------------------------------------------
TEMPLATE_COLUMNS = [Col.KODE, Col.NAMA, "kecamatan", Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK,
                    Col.PEMULA, Col.PEMULA_BELUM]


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

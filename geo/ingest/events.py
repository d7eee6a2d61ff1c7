"""Events (peristiwa) into the store: a whole file as one version, or rows already checked.

Each import, and each event typed in on the Tren page (``geo.events.add_event``), is one
version of kind ``peristiwa`` in the store's ``versions`` table, so rolling that version
back (``Store.rollback``) removes exactly its events.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.columns import JENIS, KETERANGAN, MULAI, SELESAI
from geo.config import DEFAULTS, Settings
from geo.ingest.rights import refuse_outside
from geo.ingest.source import read_source
from geo.io.events import EVENT_COLUMNS, EVENT_IDENTITY, check_event, read_events
from geo.schema import Col, Problem, RekamError, ValidationFailed
from geo.store import Store
from geo.store.tables import events_table

KIND = "peristiwa"  # versions.kind of event versions


def store_events(store: Store, rows: list[dict], *, user: str, file_name=None, file_hash=None, report=None,
                 force: bool = False) -> int:
    """One 'peristiwa' version holding ``rows`` (``check_event`` results), in one transaction.

    Returns the version id; raises StoreError when the write fails.
    """
    return store.add_version(KIND, [(events_table, [{**row, "id": i} for i, row in enumerate(rows, 1)])],
                             user=user, file_name=file_name, file_hash=file_hash, report=report, force=force)


def known_codes(store: Store, within: str | None = None) -> set[str]:
    """Codes of the stored areas (inside ``within``): the areas an event may name."""
    return set(store.areas(within=within)[Col.KODE])


def import_events(store: Store, source, user: str = "cli", *, file_name: str | None = None, force: bool = False,
                  settings: Settings = DEFAULTS, writer_area: str | None = None) -> int:
    """Store every event of a peristiwa file (CSV or XLSX: a path, or its bytes) as one version.

    Columns: EVENT_COLUMNS (tanggal_mulai, tanggal_selesai, kode, jenis, keterangan, or the
    headers offices write for them: ``geo.io.events.HEADER_SYNONYMS``; kinds as codes or words,
    ``KIND_WORDS``); an empty or absent tanggal_selesai means still going on. The version's
    report holds ``peristiwa`` (events), ``jenis`` ({kind: events}) and ``kolom`` ({column:
    the file's header}). The file is read by
    ``geo.io.events.read_events`` (size limit ``settings.max_upload_bytes``, the NIK rule:
    FileRefused 'berisi_nik' and the other refusals of every upload; RekamError
    'peristiwa_tidak_terbaca', 'peristiwa_kolom_kurang', 'peristiwa_kosong'). Every row is
    checked by ``check_event`` and nothing is stored unless all pass: raises
    ValidationFailed listing each problem with its row in the file, 'peristiwa_ganda' for
    the same (kode, jenis, tanggal_mulai) twice. Raises 'berkas_sudah_diimpor' when the same
    bytes are in an active version (unless ``force``), OutsideArea for an event of an area
    outside ``writer_area`` (None: everywhere). Returns the version id.
    """
    name = file_name or ("peristiwa.csv" if isinstance(source, (bytes, bytearray)) else Path(source).name)
    frame = read_events(source, file_name=name, max_bytes=settings.max_upload_bytes)
    _, _, digest = read_source(source, name)
    store.refuse_same_file(digest, force=force)  # the same refusal as every other import
    rows = _checked_rows(frame, known_codes(store))
    refuse_outside(store, writer_area, [row[Col.KODE] for row in rows])
    kinds = pd.Series([row[JENIS] for row in rows], dtype=object).value_counts().sort_index()
    report = {"peristiwa": len(rows), "jenis": {str(k): int(n) for k, n in kinds.items()},
              "kolom": frame.attrs.get("kolom", {})}
    return store_events(store, rows, user=user, file_name=name, file_hash=digest, report=report, force=force)


def _checked_rows(frame, known: set[str]) -> list[dict]:
    """Every row of ``read_events`` checked; raises ValidationFailed listing each bad row."""
    rows, problems, seen = [], [], {}
    for baris, record in zip(frame.index, frame[list(EVENT_COLUMNS)].to_dict("records")):
        try:
            row = check_event(record[Col.KODE], record[JENIS], record[MULAI], record[SELESAI], record[KETERANGAN],
                              known)
        except RekamError as err:
            problems.append(Problem(err.key, row=int(baris), params=err.params))
            continue
        identity = tuple(row[c] for c in EVENT_IDENTITY)
        if identity in seen:
            problems.append(Problem("peristiwa_ganda", row=int(baris), params={
                "jenis": row[JENIS], "kode": row[Col.KODE], "mulai": row[MULAI], "baris_lain": seen[identity]}))
            continue
        seen[identity] = int(baris)
        rows.append(row)
    if problems:
        raise ValidationFailed(problems)
    return rows

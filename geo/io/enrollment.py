"""Enrollment (recording) spreadsheets as offices produce them → one clean, typed table.

Built on the one tabular reader (``geo.io.tabular``: size limit, content sniffing, CSV/XLSX,
the NIK rule), the header finder (``geo.io.enrollment_header``) and the row reader
(``geo.io.enrollment_rows``), which skips blank rows, column-number rows, repeated headers,
section rows (``KECAMATAN SERPONG``) and signature footers, drops total rows (``JUMLAH``,
``TOTAL``…) after checking them against the rows above, and parses Indonesian numbers
(``760.097``).

No joining to areas happens here: codes and names are returned exactly as written.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.io.enrollment_header import find_header, map_columns
from geo.io.enrollment_rows import RowReader
from geo.io.enrollment_sheets import pick_sheets, stated_date
from geo.io.grids import Sheet
from geo.io.tabular import read_workbook
from geo.schema import COUNT_COLUMNS, Col, FileRefused, Problem, ValidationFailed

# --- public API ----------------------------------------------------------------------
@dataclass
class EnrollmentRead:
    """What ``read_enrollment`` returns.

    ``table``: one row per data row with Col.LEMBAR (the sheet when several were read, else
    None), Col.BARIS (row number as the user sees it on that sheet),
    Col.KODE (text as written, or None), Col.NAMA (stripped), Col.NAMA_INDUK, and the
    count columns Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA, Col.PEMULA_SUDAH,
    Col.PEMULA_BELUM (Int64).
    ``problems``: warnings only. ``report``: JSON-serialisable account of how it was read.
    """

    table: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def read_enrollment(source, *, file_name: str | None = None, sheet: str | None = None,
                    max_bytes: int | None = None) -> EnrollmentRead:
    """Read an enrollment spreadsheet into a clean table (see ``EnrollmentRead``).

    ``source`` is a path, or the bytes of an upload with ``file_name`` giving its type.
    ``sheet`` picks an XLSX sheet (ignored for a CSV); by default every visible sheet with a
    recognisable header is read (rows then carry Col.LEMBAR; a sheet named after a kecamatan
    gives its rows that parent), and sheets of different periods are refused
    (``geo.io.enrollment_sheets``). The report lists the sheets read and those left out, and why.
    Columns in: headers matched by ``HEADER_SYNONYMS`` (a name or code column, WAJIB KTP
    and SUDAH REKAM required; BELUM REKAM, PRR, SUDAH CETAK, PEMULA, SUDAH/BELUM REKAM PEMULA
    optional; CAKUPAN only
    cross-checked). Columns out: Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK and the
    count columns as Int64 (``<NA>`` where the file has no such column or cell).

    Raises FileRefused ('berkas_terlalu_besar' — checked before reading, 'berkas_kosong',
    'bukan_format', 'xlsx_rusak', 'xls_tidak_didukung', 'csv_rusak', 'format_tidak_dikenal',
    'sheet_tidak_ada', 'berisi_nik', 'berkas_tidak_bisa_dibuka') and ValidationFailed
    listing every error ('kolom_hilang', 'bukan_angka', 'angka_negatif',
    'bukan_bilangan_bulat', 'angka_kosong', 'tanpa_nama').
    """
    book = read_workbook(source, file_name=file_name, max_bytes=max_bytes,
                         header_score=lambda grid: find_header(grid).score)
    name, fmt, sheets = book.file_name, book.format, book.sheets
    headers = [find_header(s.grid) for s in sheets]
    picked, skipped = pick_sheets(sheets, headers, sheet if fmt == "xlsx" else None, name)
    many = len(picked) > 1
    parts, errors, warnings_ = [], [], []
    for chosen, header in picked:
        try:
            table, reader, mapping = _read_sheet(chosen, header, name, many)
        except ValidationFailed as err:
            errors += _on_sheet(err.problems, chosen.name if many else None)
            continue
        parts.append((chosen, table, reader, mapping))
        errors += _on_sheet(reader.errors, chosen.name if many else None)
        warnings_ += _on_sheet(reader.warnings, chosen.name if many else None)
    if errors:
        raise ValidationFailed(errors)
    table = pd.concat([t for _, t, _, _ in parts], ignore_index=True)
    report = _report(book, parts, headers, skipped, many)
    report["n_rows"] = len(table)
    report["sums"] = {c: int(table[c].sum()) for c in COUNT_COLUMNS if table[c].notna().any()}
    return EnrollmentRead(table=table, problems=warnings_, report=report)


def _empty(sheet: Sheet, file_name: str) -> FileRefused:
    """'berkas_kosong' for a sheet with no data row; a workbook's names the sheet, a CSV has none."""
    return FileRefused("berkas_kosong" if sheet.is_csv else "berkas_kosong_lembar", file_name=file_name,
                       lembar=sheet.name)


def _read_sheet(sheet: Sheet, header, file_name: str, many: bool):
    """(table, reader, mapping) of one sheet; a sheet of many gets its name as Col.LEMBAR and, when
    nothing else names the kecamatan of its rows, as their parent name (a sheet per kecamatan)."""
    if not any(any(v is not None for v in row) for row in sheet.grid):
        raise _empty(sheet, file_name)
    mapping = map_columns(header)
    reader = RowReader(sheet, mapping, sheet_parent=sheet.name if many else None)
    rows = reader.read()
    if not len(rows) and not reader.errors:
        raise _empty(sheet, file_name)
    table = rows.frame()
    table.insert(0, Col.LEMBAR, pd.Series([sheet.name if many else None] * len(table), dtype=object))
    return table, reader, mapping


def _on_sheet(problems: list[Problem], lembar: str | None) -> list[Problem]:
    for problem in problems:
        problem.sheet = lembar
    return problems


def _report(book, parts, headers, skipped: list[dict], many: bool) -> dict:
    """How the file was read: format, sheets read (rows each) and left out (why), columns found."""
    first_sheet, _, first_reader, first_mapping = parts[0]
    report: dict = {"file_name": book.file_name, "format": book.format, "encoding": book.encoding,
                    "delimiter": book.delimiter, "sheet": None if many or book.format != "xlsx" else first_sheet.name,
                    "sheets": [s.name for s in book.sheets] if book.format == "xlsx" else [],
                    "sheets_recognised": [s.name for s, h in zip(book.sheets, headers) if h.recognisable]
                    if book.format == "xlsx" else [],
                    "sheets_read": [{"lembar": s.name, "baris": len(t)} for s, t, _, _ in parts],
                    "sheets_skipped": skipped if book.format == "xlsx" else []}
    report.update(first_mapping.report())
    report.update(first_reader.report())
    if many:
        report["per_lembar"] = {s.name: {**m.report(), **r.report()} for s, _, r, m in parts}
    report.update(stated_date([(s, m.header) for s, _, _, m in parts]))
    return report

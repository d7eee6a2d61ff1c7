"""The one reader of tables in files: every upload kind goes through here first.

For a path, bytes or an upload: the size limit (checked before reading) and what the content
really is (``geo.io.files``), the sheets as grids (``geo.io.grids``: CSV decoding and delimiter,
XLSX with merged cells filled, row limits), and the one rule on personal data
(``geo.io.privacy``): everything in memory; nothing from a file is written anywhere.

``read_workbook`` gives every sheet as a grid for readers that find their own header
(enrollment); ``read_table`` gives the first sheet as a frame of text under a one-row header,
for the simple files (points, inventory, blank stock, events, targets).
"""
from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field

import pandas as pd

from geo.io.files import format_of, load_bytes, short_text
from geo.io.grids import MAX_ROWS, Sheet, check_xlsx_container, csv_sheets, letter, xlsx_sheets
from geo.io.privacy import refuse_personal_data
from geo.schema import FileRefused, Problem, ValidationFailed

__all__ = ["MAX_ROWS", "Sheet", "Workbook", "list_sheets", "load_bytes", "read_table", "read_workbook"]


def list_sheets(source, file_name: str | None = None) -> list[str]:
    """Sheet names of an XLSX file, in workbook order; ``[]`` for a CSV.

    Raises FileRefused like ``read_enrollment`` for files that are not what they claim.
    """
    data, name = load_bytes(source, file_name, None)
    if format_of(name, data) == "csv":
        return []
    check_xlsx_container(data, name)
    import openpyxl  # here: a CSV never loads the XLSX library

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
            names = list(wb.sheetnames)
            wb.close()
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise FileRefused("xlsx_rusak", file_name=name, detail=short_text(exc)) from None
    return names




# --- whole files --------------------------------------------------------------------------------
@dataclass
class Workbook:
    """A file read as sheets of cell grids; ``format`` is 'csv' or 'xlsx'."""

    file_name: str
    format: str
    sheets: list[Sheet]
    encoding: str | None = None
    delimiter: str | None = None
    data: bytes = field(default=b"", repr=False)


def read_workbook(source, *, file_name: str | None = None, max_bytes: int | None = None,
                  header_score=None) -> Workbook:
    """Every sheet of a CSV or XLSX as a grid, after the size limit, the content check and the
    NIK rule (on every sheet, visible or hidden: nothing is kept from a file carrying NIKs).

    ``source``: a path, bytes or an upload object (``file_name`` gives the type of bytes).
    Raises FileRefused: 'berkas_terlalu_besar' (before reading), 'berkas_tidak_bisa_dibuka',
    'format_tidak_dikenal', 'bukan_format', 'xls_tidak_didukung', 'xlsx_rusak', 'csv_rusak',
    'berkas_kosong', 'berisi_nik'.
    """
    data, name = load_bytes(source, file_name, max_bytes)
    kind = format_of(name, data)
    if kind == "csv":
        sheets, encoding, delimiter = csv_sheets(data, name, header_score)
        book = Workbook(name, kind, sheets, encoding, delimiter, data)
    else:
        book = Workbook(name, kind, xlsx_sheets(data, name), data=data)
    for sheet in book.sheets:
        refuse_personal_data(sheet)
    return book


def header_key(text) -> str:
    """A header as a column name: ``Lokasi ID`` → ``lokasi_id``, ``tanggal-mulai`` → ``tanggal_mulai``."""
    return re.sub(r"[\s-]+", "_", str(text).strip().lower())


def read_table(source, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """The first non-empty sheet as text under its first row (the header).

    Columns are named by ``header_key``; every cell is stripped text (``""`` when empty;
    whole numbers without a spurious ``.0``); ``_baris`` holds each row's number as the user
    sees it in the file. Blank rows are dropped. Raises FileRefused as ``read_workbook``,
    and 'berkas_kosong' when no row stands under the header.
    """
    book = read_workbook(source, file_name=file_name, max_bytes=max_bytes)
    sheet = next((s for s in book.sheets if s.grid), None)
    rows = [(i + 1, row) for i, row in enumerate(sheet.grid) if any(v is not None for v in row)] if sheet else []
    if len(rows) < 2:
        raise FileRefused("berkas_kosong_lembar" if sheet and not sheet.is_csv else "berkas_kosong",
                          file_name=book.file_name, lembar=sheet.name if sheet else "-")
    (_, header), body = rows[0], rows[1:]
    columns = [header_key(v) if v is not None else f"kolom_{letter(j)}" for j, v in enumerate(header)]
    _check_shape(sheet, rows, columns)
    frame = pd.DataFrame([[cell_text(v) for v in row] for _, row in body], columns=columns, dtype=object)
    frame["_baris"] = [baris for baris, _ in body]
    return frame


def _check_shape(sheet: Sheet, rows: list[tuple[int, list]], columns: list[str]) -> None:
    """ValidationFailed for a header naming one column twice ('kolom_ganda') and, in a CSV, for
    rows with more or fewer fields than the header ('jumlah_kolom_beda'): their cells would be
    read under the wrong column."""
    problems = []
    header_row = rows[0][0]
    for key in dict.fromkeys(c for c in columns if columns.count(c) > 1):
        where = [j for j, c in enumerate(columns) if c == key]
        problems.append(Problem("kolom_ganda", row=header_row, column=key, params={
            "kolom": key, "jumlah": len(where), "huruf": ", ".join(letter(j) for j in where)}))
    if sheet.widths is not None:
        expected = sheet.widths[header_row - 1]
        for baris, row in rows[1:]:
            found = sheet.widths[baris - 1]
            if found != expected and not (found > expected and all(v is None for v in row[expected:])):
                problems.append(Problem("jumlah_kolom_beda", row=baris, params={
                    "ada": found, "judul": expected, "baris_judul": header_row, "pemisah": sheet.delimiter}))
    if problems:
        raise ValidationFailed(problems)


def cell_text(value) -> str:
    """A cell as text: ``""`` when empty, ``12`` for the float 12.0 that spreadsheets store."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

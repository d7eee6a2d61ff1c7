"""Which sheets of a workbook hold the recording table.

One sheet asked for by name; otherwise every visible sheet whose header reads as a recording
table — an office that keeps one sheet per kecamatan has its whole kabupaten read in one go —
and each sheet left out is named with the reason. Sheets that are periods (``Juli``,
``Agustus 2026``, ``2026-08``) are never merged into one snapshot: the file is refused with the
list, and the officer imports one period at a time.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from geo.dates import MONTHS, days_in_text
from geo.fmt import long_date
from geo.io.enrollment_header import Header, choose_sheet
from geo.io.grids import Sheet, norm
from geo.schema import FileRefused

_ISO_MONTH = re.compile(r"^(\d{4})[-/. ](\d{1,2})(?:[-/. ]\d{1,2})?$")


def period_of(sheet_name: str) -> str | None:
    """The period a sheet's name states (``'2026-08'``, or ``'08'`` for a month without a year),
    or None when it names something else (a kecamatan, 'REKAP', 'CATATAN')."""
    text = norm(sheet_name)
    m = _ISO_MONTH.match(str(sheet_name).strip())
    if m and 1 <= int(m[2]) <= 12:
        return f"{m[1]}-{int(m[2]):02d}"
    words = text.split()
    months = [MONTHS[w] for w in words if w in MONTHS]
    if len(months) != 1:
        return None
    years = [w for w in words if re.fullmatch(r"(19|20)\d\d", w)]
    return f"{years[0]}-{months[0]:02d}" if years else f"{months[0]:02d}"


def pick_sheets(sheets: list[Sheet], headers: list[Header], wanted: str | None,
                file_name: str) -> tuple[list[tuple[Sheet, Header]], list[dict]]:
    """The sheets to read, and ``[{lembar, alasan}]`` for every sheet left out (alasan: a text key).

    ``wanted`` (a sheet name) reads that sheet only. Otherwise every visible sheet with a
    recognisable header; with none, the closest sheet (so that the reader can say what is
    missing). Raises FileRefused('lembar_banyak_periode') when the recognised sheets are
    different periods, and what ``choose_sheet`` raises.
    """
    if wanted is not None or len(sheets) <= 1:
        chosen = choose_sheet(sheets, headers, wanted, file_name)
        return [chosen], [{"lembar": s.name, "alasan": "lembar_tidak_dipilih"} for s in sheets if s is not chosen[0]]
    readable = [(s, h) for s, h in zip(sheets, headers) if h.recognisable and not s.hidden]
    if not readable:
        chosen = choose_sheet(sheets, headers, None, file_name)
        return [chosen], [{"lembar": s.name, "alasan": _why_not(s, h)} for s, h in zip(sheets, headers)
                          if s is not chosen[0]]
    periods = {s.name: period_of(s.name) for s, _ in readable}
    if len(readable) > 1 and len({p for p in periods.values() if p}) > 1:
        raise FileRefused("lembar_banyak_periode", file_name=file_name,
                          lembar=", ".join(n for n, p in periods.items() if p))
    read_ids = {id(s) for s, _ in readable}
    skipped = [{"lembar": s.name, "alasan": _why_not(s, h)} for s, h in zip(sheets, headers) if id(s) not in read_ids]
    return readable, skipped


def _why_not(sheet: Sheet, header: Header) -> str:
    if not sheet.grid:
        return "lembar_kosong"
    if sheet.hidden:
        return "lembar_tersembunyi"
    return "lembar_tanpa_judul_rekap" if not header.recognisable else "lembar_tidak_dipilih"


DATE_HEADERS = {"TANGGAL", "TGL", "TANGGAL DATA", "PER TANGGAL", "KEADAAN", "KEADAAN PER", "TANGGAL KEADAAN"}


def stated_date(sheets: list[tuple[Sheet, Header]]) -> dict:
    """The data date the file states in its title rows ("Keadaan 30 September 2017", "per
    16/11/2026") or in a date column (``DATE_HEADERS``: "tanggal" on every row):
    ``tanggal_berkas`` (ISO) when they name one date, else None, with the text it came from
    (``tanggal_berkas_teks``) or the dates that disagree (``tanggal_berkas_beda``). Raises
    FileRefused('kolom_tanggal_beda') when a date column holds several dates: its rows are figures of
    different days, and one import is one snapshot."""
    found: dict[str, str] = {}
    for sheet, header in sheets:
        for row in sheet.grid[: header.rows[0] if header.rows else 0]:
            for cell in row:
                for day in days_in_text(cell) if isinstance(cell, str) else ():
                    found.setdefault(day.isoformat(), cell)
        for column in header.columns:
            if column.role is None and norm(column.text) in DATE_HEADERS:
                in_column: dict[str, str] = {}
                for row in sheet.grid[header.rows[-1] + 1:]:
                    cell = row[column.index] if column.index < len(row) else None
                    days = [cell] if isinstance(cell, date) else days_in_text(cell) if isinstance(cell, str) else ()
                    for day in days:
                        day = day.date() if isinstance(day, datetime) else day
                        in_column.setdefault(day.isoformat(), f"{column.text}: {cell if isinstance(cell, str) else day}")
                if len(in_column) > 1:  # rows of several dates: one import is one snapshot
                    raise FileRefused("kolom_tanggal_beda", kolom=column.text, n=len(in_column),
                                      daftar=", ".join(long_date(d) for d in sorted(in_column)))
                found.update({d: t for d, t in in_column.items() if d not in found})
    if len(found) == 1:
        (day, text), = found.items()
        return {"tanggal_berkas": day, "tanggal_berkas_teks": text}
    return {"tanggal_berkas": None, "tanggal_berkas_beda": sorted(found) if found else []}

"""Which sheets of a workbook hold the recording table.

One sheet asked for by name; otherwise every visible sheet whose header reads as a recording
table — an office that keeps one sheet per kecamatan has its whole kabupaten read in one go —
and each sheet left out is named with the reason. Sheets that are periods (``Juli``,
``Agustus 2026``, ``2026-08``) are never merged into one snapshot: the file is refused with the
list, and the officer imports one period at a time.
"""
from __future__ import annotations

import re

from geo.io.enrollment_header import Header, choose_sheet
from geo.io.grids import Sheet, norm
from geo.schema import FileRefused

MONTHS = {  # what offices write for a month, Indonesian and English, full and short
    **dict.fromkeys(("JANUARI", "JANUARY", "JAN"), 1), **dict.fromkeys(("FEBRUARI", "FEBRUARY", "FEB", "PEB"), 2),
    **dict.fromkeys(("MARET", "MARCH", "MAR"), 3), **dict.fromkeys(("APRIL", "APR"), 4),
    **dict.fromkeys(("MEI", "MAY"), 5), **dict.fromkeys(("JUNI", "JUNE", "JUN"), 6),
    **dict.fromkeys(("JULI", "JULY", "JUL"), 7), **dict.fromkeys(("AGUSTUS", "AUGUST", "AGU", "AGT", "AGS", "AUG"), 8),
    **dict.fromkeys(("SEPTEMBER", "SEP", "SEPT"), 9), **dict.fromkeys(("OKTOBER", "OCTOBER", "OKT", "OCT"), 10),
    **dict.fromkeys(("NOVEMBER", "NOV", "NOP"), 11), **dict.fromkeys(("DESEMBER", "DECEMBER", "DES", "DEC"), 12),
}
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

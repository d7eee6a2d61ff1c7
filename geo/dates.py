"""Dates written by people and files: one rule for the whole product.

Accepted: a ``date`` or ``datetime``; ISO text (``2026-09-28``, also with a time after it, as
spreadsheets export dates); ``28/09/2026`` (day first, as Indonesian offices write it, with
``/``, ``.`` or ``-``). Returned as ``date`` or ISO text.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from geo.schema import RekamError
from geo.text import CATALOG, Word

MONTHS = {  # what offices write for a month, Indonesian and English, full and short
    **dict.fromkeys(("JANUARI", "JANUARY", "JAN"), 1), **dict.fromkeys(("FEBRUARI", "FEBRUARY", "FEB", "PEB"), 2),
    **dict.fromkeys(("MARET", "MARCH", "MAR"), 3), **dict.fromkeys(("APRIL", "APR"), 4),
    **dict.fromkeys(("MEI", "MAY"), 5), **dict.fromkeys(("JUNI", "JUNE", "JUN"), 6),
    **dict.fromkeys(("JULI", "JULY", "JUL"), 7), **dict.fromkeys(("AGUSTUS", "AUGUST", "AGU", "AGT", "AGS", "AUG"), 8),
    **dict.fromkeys(("SEPTEMBER", "SEP", "SEPT"), 9), **dict.fromkeys(("OKTOBER", "OCTOBER", "OKT", "OCT"), 10),
    **dict.fromkeys(("NOVEMBER", "NOV", "NOP"), 11), **dict.fromkeys(("DESEMBER", "DECEMBER", "DES", "DEC"), 12),
}
_WORDED = re.compile(r"\b(\d{1,2})[\s.-]+([A-Za-z]{3,9})\.?[\s.-]+((?:19|20)\d\d)\b")
_NUMERIC = re.compile(r"\b(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|(?:19|20)\d\d-\d{2}-\d{2})\b")
PROGRAMME_START = date(2011, 1, 1)  # e-KTP recording began in 2011: no snapshot can be older
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def read_day(value) -> date | None:
    """The date ``value`` holds, or None when it holds none (empty, or not a date at all)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = _DMY.match(text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def days_in_text(text: str) -> list[date]:
    """Every date written in a line of text, as offices write it in a title: "Keadaan 30 September
    2017", "per 31 Agt 2026", "s.d. 16/11/2026", "2026-11-16"."""
    found = []
    for day, month, year in _WORDED.findall(str(text)):
        number = MONTHS.get(month.upper())
        if number:
            try:
                found.append(date(int(year), number, int(day)))
            except ValueError:
                pass
    found += [d for d in (read_day(m) for m in _NUMERIC.findall(str(text))) if d is not None]
    return found


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def parse_day(value, *, field: str = "data", required: bool = True) -> date | None:
    """``value`` as a date. Empty gives None unless ``required``.

    Raises RekamError('tanggal_salah', nama=the field's words, nilai=…) for text that is not a date, and
    RekamError('tanggal_kosong') for an empty value when ``required``.
    """
    name = Word(f"bidang_tanggal_{field}") if f"bidang_tanggal_{field}" in CATALOG else field  # in the reader's words
    if _blank(value):
        if required:
            raise RekamError("tanggal_kosong", nama=name)
        return None
    day = read_day(value)
    if day is None:
        raise RekamError("tanggal_salah", nama=name, nilai=str(value).strip()[:40])
    return day


def iso_day(value, *, field: str = "data", required: bool = True) -> str | None:
    """``parse_day`` as ISO text (``2026-09-28``)."""
    day = parse_day(value, field=field, required=required)
    return day.isoformat() if day else None


def check_snapshot_day(day: str | date, *, today: date | None = None, allow: bool = False) -> None:
    """Refuse a snapshot date in the future or before the programme began (a mistyped year would
    become the newest snapshot on every dashboard), unless ``allow`` (the person confirmed it).

    Raises RekamError('tanggal_masa_depan' or 'tanggal_sebelum_program').
    """
    if allow:
        return
    day = parse_day(day)
    today = today or date.today()
    if day > today:
        raise RekamError("tanggal_masa_depan", tanggal=day.isoformat(), hari_ini=today.isoformat())
    if day < PROGRAMME_START:
        raise RekamError("tanggal_sebelum_program", tanggal=day.isoformat(), awal=PROGRAMME_START.isoformat())

"""Indonesian (default) and English formats for numbers, percentages and dates."""
from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone

import pandas as pd

_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
_MONTHS_SHORT = {  # as CLDR abbreviates them: a chart's axis, where a phone has room for a few letters
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
_WEEKDAYS = {"id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
             "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def number(value, decimals: int = 0, lang: str = "id") -> str:
    """``760097`` → ``760.097`` (id) or ``760,097`` (en); missing → ``–``."""
    if _missing(value):
        return "–"
    thousands, decimal = _SEPARATORS[lang]
    text = f"{float(value):,.{decimals}f}" if decimals else f"{round(float(value)):,d}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def rate(value, lang: str = "id") -> str:
    """Recordings (or cards) per day as a sentence or a figure says them: whole from a hundred up
    (``5.909``: a tenth is noise there), with a tenth below (``12,4``: a day's few count); missing → ``–``."""
    return number(value, 0 if _missing(value) or abs(float(value)) >= 100 else 1, lang)


def percent(value, decimals: int = 2, lang: str = "id") -> str:
    """``92.28`` (already in percent) → ``92,28%``."""
    if _missing(value):
        return "–"
    return number(value, decimals, lang) + "%"


def signed(value, decimals: int = 0, lang: str = "id", suffix: str = "") -> str:
    """A change with its sign: ``+1.234`` or ``-0,52%`` (ASCII minus: widgets read the sign)."""
    if _missing(value):
        return "–"
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return sign + number(abs(value), decimals, lang) + suffix


def long_date(value, lang: str = "id") -> str:
    """``2017-08-31`` → ``31 Agustus 2017`` / ``31 August 2017``."""
    if _missing(value):
        return "–"
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"


def month_abbr(value: date, lang: str = "id") -> str:
    """The month of a day, abbreviated: ``Agu`` / ``Aug``."""
    return _MONTHS_SHORT[lang][value.month - 1]


def date_span(first, last, lang: str = "id") -> str:
    """Two days as one span, each part said once: ``7–11 Desember 2026``, ``29 Desember 2026 – 2 Januari
    2027``, ``7 Desember 2026`` when they are the same day."""
    a, b = (v if isinstance(v, date) else date.fromisoformat(str(v)[:10]) for v in (first, last))
    if a == b:
        return long_date(a, lang)
    if a.year != b.year:
        return f"{long_date(a, lang)} – {long_date(b, lang)}"
    if a.month != b.month:
        return f"{a.day} {_MONTHS[lang][a.month - 1]} – {long_date(b, lang)}"
    return f"{a.day}–{long_date(b, lang)}"


def joined(parts: list[str], lang: str = "id") -> str:
    """Items as a sentence lists them: ``A``, ``A dan B``, ``A, B dan C`` (English ``and``)."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" dan " if lang == "id" else " and ") + parts[-1]


def day_list(days, lang: str = "id") -> str:
    """Days as people list them, each part said once: one span when they follow each other (``7–8
    Desember 2026``, as ``date_span``), else each day, the month after its last day: ``11 dan 14
    Desember 2026``, ``30 November dan 2 Desember 2026``."""
    ds = sorted({d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in days})
    if not ds:
        return "–"
    if (ds[-1] - ds[0]).days == len(ds) - 1:
        return date_span(ds[0], ds[-1], lang)
    one_year = ds[0].year == ds[-1].year
    parts = []
    for d, after in zip(ds, [*ds[1:], None]):
        month_ends = after is None or (after.year, after.month) != (d.year, d.month)
        parts.append(f"{d.day} {_MONTHS[lang][d.month - 1]}{'' if one_year else f' {d.year}'}" if month_ends
                     else str(d.day))
    listed = joined(parts, lang)
    return f"{listed} {ds[-1].year}" if one_year else listed


def weekdays(days, lang: str = "id") -> str:
    """The days of one week by name, in order, three or more in a row as a span: ``Senin, Rabu``,
    ``Senin–Rabu, Jumat``."""
    ordinals = sorted({(v if isinstance(v, date) else date.fromisoformat(str(v)[:10])).toordinal() for v in days})
    runs: list[list[int]] = []
    for o in ordinals:
        if runs and o == runs[-1][-1] + 1:
            runs[-1].append(o)
        else:
            runs.append([o])
    name = lambda o: _WEEKDAYS[lang][date.fromordinal(o).weekday()]  # noqa: E731
    return ", ".join(f"{name(r[0])}–{name(r[-1])}" if len(r) >= 3 else ", ".join(map(name, r)) for r in runs)



# --- figures an error carries -----------------------------------------------------------------------
# An error raised in ``geo`` does not know who will read it, and ``geo.text.tr`` fills a template
# with ``str.format``; so a figure says itself as its template asks: the Indonesian template writes
# ``{sudah}`` (8.497), the English one ``{sudah:,}`` (8,497) — Python's own thousands separator,
# which is the English one, so a plain int or float given instead still reads right in English.
# Each stays equal to its plain value (compared in tests, written to JSON, summed): the error keeps
# the number, not a text of it.
class Count(int):
    """A whole number of people, rows, cells: ``{n}`` → ``8.497``, ``{n:,}`` → ``8,497``."""

    def __format__(self, spec: str) -> str:
        if spec in ("", ","):
            return number(int(self), 0, "en" if spec else "id")
        return format(int(self), spec)


class Measure(float):
    """A figure with its decimals (a percentage, megabytes): ``{p}`` → ``22,2``, ``{p:,}`` → ``22.2``."""

    def __new__(cls, value: float, decimals: int = 1):
        obj = super().__new__(cls, value)
        obj.decimals = decimals
        return obj

    def __format__(self, spec: str) -> str:
        if spec in ("", ","):
            return number(float(self), self.decimals, "en" if spec else "id")
        return format(float(self), spec)


OFFICE_TZ = timezone(timedelta(hours=7))  # the office's clock: WIB
OFFICE_TZ_NAME = "WIB"


def long_moment(stamp, lang: str = "id") -> str:
    """A stored timestamp (ISO text, UTC unless it says otherwise) as the office's clock reads it:
    ``6 Desember 2026 pukul 18.11 WIB`` / ``6 December 2026 at 18:11 WIB``; missing → ``–``, text
    that is no timestamp as it is."""
    if _missing(stamp) or not str(stamp).strip():
        return "–"
    try:
        moment = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp).strip())
    except ValueError:
        return str(stamp)
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(OFFICE_TZ)
    clock = f"{moment:%H.%M}" if lang == "id" else f"{moment:%H:%M}"
    return f"{long_date(moment.date(), lang)} {'pukul' if lang == 'id' else 'at'} {clock} {OFFICE_TZ_NAME}"

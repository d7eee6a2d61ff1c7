"""Indonesian (default) and English formats for numbers, percentages and dates."""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
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

"""An office's working days: Monday to Friday, without Indonesia's national holidays and joint
leave days (cuti bersama), on which a Disdukcapil office and its mobile units do not record.

The days are read from ``data/libur/libur_nasional.csv`` (built by ``tools/build_holidays.py``
from the ``holidays`` library; see its LICENSE.md). Years outside the table count only weekends
as days off. Weekend services are a choice of the planner (``weekends=True`` adds Saturdays and
Sundays), holidays stay off either way.
"""
from __future__ import annotations

import csv
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from geo.schema import DATA_DIR

TABLE = DATA_DIR / "libur" / "libur_nasional.csv"


@lru_cache(maxsize=1)
def _days_off() -> dict[date, dict[str, str]]:
    if not TABLE.exists():
        return {}
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return {date.fromisoformat(r["tanggal"]): {"id": r["nama"], "en": r["name"]} for r in csv.DictReader(fh)}


def holiday(day: date, lang: str = "id") -> str | None:
    """The name of the national holiday or joint leave day on ``day``, or None."""
    names = _days_off().get(day)
    return names and names.get(lang, names["id"])


def is_working_day(day: date, weekends: bool = False, holidays: bool = True) -> bool:
    return (weekends or day.weekday() < 5) and not (holidays and day in _days_off())


def working_days(start: date, days: int, weekends: bool = False, holidays: bool = True) -> list[date]:
    """The first ``days`` working days from ``start`` (included); Saturday/Sunday only if ``weekends``;
    holidays worked only if not ``holidays`` (the rule of plans saved before holidays were known)."""
    out, d = [], start
    while len(out) < days:
        if is_working_day(d, weekends, holidays):
            out.append(d)
        d += timedelta(days=1)
    return out


def count_working_days(first: date, last: date) -> int:
    """Working days (Monday–Friday, holidays off) from ``first`` through ``last``, both included."""
    if last < first:
        return 0
    off = [d for d in _days_off() if first <= d <= last]
    return int(np.busday_count(first, last + timedelta(days=1), holidays=off))


def holidays_between(first: date, last: date, lang: str = "id", weekends: bool = False) -> list[tuple[date, str]]:
    """The holidays from ``first`` through ``last`` that fall on a day that would otherwise be
    worked (a holiday on a Sunday takes no working day), with their names."""
    return [(d, holiday(d, lang)) for d in sorted(_days_off())
            if first <= d <= last and (weekends or d.weekday() < 5)]

"""Time axes of the figures: ticks on the 1st of months or weekly, labelled with month names in
Bahasa Indonesia or English (plotly's own are English only), and a date range with room at the ends.
Used by ``charts``, ``capacity_charts``, ``trend_charts`` and the briefing."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from geo import fmt


def month_ticks(first: str, last: str, lang: str = "id", max_ticks: int = 6) -> tuple[list[str], list[str]]:
    """Ticks on the 1st of months between two ISO dates, every 1, 2, 3, 6 or 12 months so that
    at most ``max_ticks`` fit; labelled with the month's name in ``lang`` and the year on the
    first tick of each year (``Jan<br>2025``)."""
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12) if months / s <= max_ticks), 12)
    index = start.year * 12 + start.month - 1 + (0 if start.day == 1 else 1)
    index += (-index) % step  # ticks fall on multiples of the step: Jan, Jul for 6
    ticks = []
    while True:
        tick = date(index // 12, index % 12 + 1, 1)
        if tick > end:
            break
        ticks.append(tick)
        index += step
    return [t.isoformat() for t in ticks], _tick_texts(ticks, lang, with_day=False)


def date_ticks(dates: list, lang: str, max_ticks: int = 7) -> tuple[list[str], list[str]]:
    """Ticks for the Tren page's time axes, from the dates shown (ISO text; None skipped): weekly
    from the first date over a span of up to eight weeks (``5 Januari``), else on the 1st of
    every k-th month after the first date, at most ``max_ticks``. Labelled with month names in
    ``lang`` (plotly's own would be English); the year on the first tick and wherever it changes."""
    known = sorted({str(d)[:10] for d in dates if d is not None and not pd.isna(d)})
    if not known:
        return [], []
    first, last = date.fromisoformat(known[0]), date.fromisoformat(known[-1])
    if (last - first).days <= 8 * 7:
        step = 7 * max(1, -(-((last - first).days // 7 + 1) // max_ticks))
        ticks = [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]
        with_day = True
    else:
        months = (last.year - first.year) * 12 + last.month - first.month
        every = max(1, -(-months // max_ticks))
        ticks, month = [], first.year * 12 + first.month  # the 1st after the first date
        while True:
            tick = _month_start(month)
            if tick > last:
                break
            ticks.append(tick)
            month += every
        with_day = False
    return [t.isoformat() for t in ticks], _tick_texts(ticks, lang, with_day=with_day)


def day_range(first: str, last: str, days: int) -> list[str]:
    """A date axis' range from ``first`` to ``last`` (ISO), ``days`` beyond each end: set, so that
    plotly does not widen it to hold words written on the chart."""
    return [(date.fromisoformat(str(first)[:10]) - timedelta(days=days)).isoformat(),
            (date.fromisoformat(str(last)[:10]) + timedelta(days=days)).isoformat()]


def _month_start(month_index: int) -> date:
    """1st of the month ``month_index`` = year × 12 + month (1-based month), i.e. the next month."""
    year, month = divmod(month_index, 12)
    return date(year, month + 1, 1)


def _tick_texts(ticks: list[date], lang: str, *, with_day: bool) -> list[str]:
    """Months abbreviated (``Agu``; with the day when ``with_day``: ``5 Jan``) in ``lang``, so that
    the ticks fit a phone's narrow chart; the year on the first tick of each year (``Jan<br>2025``)."""
    texts, year = [], None
    for tick in ticks:
        month = fmt.month_abbr(tick, lang)
        label = f"{tick.day} {month}" if with_day else month
        texts.append(label if tick.year == year else f"{label}<br>{tick.year}")
        year = tick.year
    return texts

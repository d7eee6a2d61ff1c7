"""The pages' figures, built once per input rather than on every rerun: a plotly figure is laid out
in Python (legend rows, margins, ticks: ``geo.render.style``), which costs a tenth of a second or more,
and a rerun after an unrelated widget change would pay it again. Cached copies come back in
milliseconds."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from geo import events
from geo.cards import has_card_figures
from geo.render import capacity_charts, trend_charts
from geo.render.style import compact
from geo.schema import Col
from ui import queries
from ui.context import Context, area_name


def chart_settings(ctx: Context):
    """The settings the page's trend charts are drawn with: no source line inside the figure (the
    page's caption under each chart says it; inside, it sat on the legend's first row)."""
    return replace(ctx.settings, source_name="")


def coverage_figure(ctx: Context, area: str, shown: list[str], projection: dict):
    """The coverage-over-time chart of ``area`` and the areas ``shown`` with it, laid out for the page
    (``geo.render.trend_charts.coverage_lines`` + ``compact``); built once per input, not per rerun."""
    return _coverage_figure(ctx.url, ctx.stamp, area, ctx.date, tuple(shown), chart_settings(ctx), ctx.lang,
                            projection)


def recordings_figure(ctx: Context, area: str, until: str | None):
    """The recordings-per-week chart of ``area`` (``trend_charts.recordings_bars`` + ``compact``), with
    the events up to ``until``; built once per input."""
    return _recordings_figure(ctx.url, ctx.stamp, area, ctx.date, until, chart_settings(ctx), ctx.lang)


@st.cache_data(show_spinner=False, max_entries=32)
def _coverage_figure(url, stamp, area: str, date_: str | None, shown: tuple[str, ...], drawn, lang: str,
                     projection: dict):
    series = queries.series(url, stamp, area, date_)
    marks = queries.area_events(url, stamp, area, projection[Col.TANGGAL], events.COVERAGE_CHART_KINDS)
    return compact(trend_charts.coverage_lines(series[series[Col.KODE].isin(shown)], drawn, lang, events=marks,
                                               projection=projection, within=area))


@st.cache_data(show_spinner=False, max_entries=32)
def _recordings_figure(url, stamp, area: str, date_: str | None, until: str | None, drawn, lang: str):
    weekly, _ = queries.weekly_and_notes(url, stamp, area, date_)
    marks = queries.area_events(url, stamp, area, until)
    return compact(trend_charts.recordings_bars(weekly, marks, drawn, lang, kode=area))


def card_figures(ctx: Context) -> dict:
    """Kapasitas' charts of the area at the page's date: "cards" (recorded → print-ready → printed),
    "history" (the pipeline over time) and "blank" (the blank-card stock and its projection), each
    laid out for the page (``compact``) where the figures allow it; built once per input."""
    return _card_figures(ctx.url, ctx.stamp, ctx.area, ctx.date, area_name(ctx), ctx.settings, ctx.lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _card_figures(url, stamp, area: str, date_: str | None, name: str, settings, lang: str) -> dict:
    cards = queries.cards(url, stamp, area, date_)
    figure = {"area_name": name, "settings": settings, "lang": lang, "kode": area}
    out = {}
    if has_card_figures(cards["totals"]):  # a recap of wajib and sudah rekam only has no pipeline to draw
        out["cards"] = compact(capacity_charts.cards_bar(cards["totals"], **figure))
        out["history"] = compact(capacity_charts.card_history_line(cards["history"], **figure))
    if not cards["ledger"].empty:
        out["blank"] = compact(capacity_charts.blank_stock_line(cards["ledger"], cards["projection"], **figure))
    return out

"""The pages' figures, built once per input rather than on every rerun: a plotly figure is laid out
in Python (legend rows, margins, ticks: ``geo.render.style``), which costs a tenth of a second or more,
and a rerun after an unrelated widget change would pay it again. Cached copies come back in
milliseconds."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from geo import events, fmt
from geo import cards as card_pipeline
from geo.cards import has_card_figures
from geo.render import capacity_charts, trend_charts
from geo.render.style import compact
from geo import capacity
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


def blank_stock_figures(ctx: Context, p: dict, today: str) -> None:
    """The blank-card stock in four figures (``geo.cards.blank_projection`` ``p``): the estimated stock
    at its date, the printing rate, the run-out date with the days left counted from ``today``, and
    what the stock lacks for the print-ready backlog."""
    cols = st.columns([1, 1, 1.6, 1.2])
    cols[0].metric(ctx.t("blangko_stok_perkiraan"), fmt.number(p["stok_perkiraan"], lang=ctx.lang),
                   fmt.long_date(p["tanggal"], ctx.lang), delta_color="off", delta_arrow="off")
    by_ledger = p["sumber_laju"] == "blangko"  # the ledger's own daily use, not the printed counts
    cols[1].metric(ctx.t("blangko_laju_buku" if by_ledger else "blangko_laju"),
                   fmt.number(p["laju_cetak_per_hari"], 1, ctx.lang))
    left = card_pipeline.blank_outlook(p, today)["hari_lagi"]  # counted from today, not from the data's date
    cols[2].metric(ctx.t("blangko_perkiraan_habis"), fmt.long_date(p["tanggal_habis"], ctx.lang),
                   ctx.t("blangko_hari_lagi_hari_ini", hari=fmt.number(left, lang=ctx.lang))
                   if left is not None and 0 < left < float("inf") else None,
                   delta_color="off", delta_arrow="off")
    cols[3].metric(ctx.t("blangko_kurang"), fmt.number(p["kurang"], lang=ctx.lang))


def blank_stock_note(ctx: Context, p: dict) -> None:
    """Under the blank-stock chart: where the stock figure and the rate come from."""
    by_ledger = p["sumber_laju"] == "blangko"
    st.caption(ctx.t("blangko_catatan_buku" if by_ledger else "blangko_catatan",
                     stok=fmt.number(p["stok"], lang=ctx.lang), tanggal_stok=fmt.long_date(p["tanggal_stok"], ctx.lang),
                     dicetak=fmt.number(p["dicetak_sejak_stok"] or 0, lang=ctx.lang),
                     awal=fmt.long_date(p["jendela_awal"], ctx.lang),
                     akhir=fmt.long_date(p["tanggal_stok" if by_ledger else "tanggal"], ctx.lang),  # the rate's last day
                     prr=fmt.number(p["prr"], lang=ctx.lang)))


def capacity_figures(ctx: Context, total: dict, check: dict, deadline: str) -> None:
    """Kapasitas's four figures under its answer: working devices (of all), operators, belum rekam, and
    the kecamatan whose devices cannot lift them to hijau by the deadline (``geo.capacity.capacity_summary``
    ``total``, ``deadline_check``)."""
    cols = st.columns(4)
    cols[0].metric(ctx.t("kap_ringkasan_alat"), fmt.number(total[capacity.ALAT_AKTIF], lang=ctx.lang),
                   ctx.t("kap_dari_alat", total=fmt.number(total[capacity.ALAT_TOTAL], lang=ctx.lang)),
                   delta_color="off", delta_arrow="off")
    cols[1].metric(ctx.t("kap_ringkasan_operator"), fmt.number(total[capacity.OPERATOR], lang=ctx.lang))
    cols[2].metric(ctx.t("kap_ringkasan_belum"), fmt.number(total[Col.BELUM], lang=ctx.lang))
    cols[3].metric(ctx.t("kap_ringkasan_lewat"), ctx.t("kap_ringkasan_lewat_isi", n=len(check["hijau_lewat"]),
                                                         dinilai=check["dinilai"]),
                   ctx.t("kap_ringkasan_tenggat", tenggat=fmt.long_date(deadline, ctx.lang)),
                   delta_color="off", delta_arrow="off", help=ctx.t("kap_ringkasan_lewat_bantuan"))

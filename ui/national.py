"""Beranda of the whole country (``geo.schema.COUNTRY``): the verdict, the age of the data, the
figures summed over every provinsi with the media pack and the national PDF, the zone map of the
kabupaten/kota, and the provinsi and kabupaten/kota ranked from the lowest coverage up, each with
its pace and when it reaches hijau at that pace — sortable tables (numbers and dates stay sortable
under their Indonesian form) with a search.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from geo import fmt
from geo.columns import POIN_PER_MINGGU, STATUS, TANGGAL_PROYEKSI
from geo.config import DEFAULT_RATE_WINDOW_DAYS
from geo.present import trend as trend_words
from geo.present import download_table, zone_label
from geo.schema import COUNTRY, Col, Level
from geo.trend import Status
from ui import queries
from ui.context import Context
from ui.downloads import briefing_button, download_menu, table_downloads
from ui.headline import kpis, lagging_notice, outlook, pace_table, stale_notice, verdict_box
from ui.map_view import labels_by_default, show_map
from ui.state import link_notes, media_allowed, page_title, source_line

RANK = "no"  # the rank in the worst-first order: clicking its title brings that order back
WHEN = "kapan_hijau"  # when hijau is reached at the area's pace, as a key that sorts (see ``with_pace``)
NEVER = 1e7  # WHEN of an area never reaching hijau at its pace: after every day's ordinal


def country_home(ctx: Context) -> None:
    """Beranda at the country level: the verdict against the target in force (a target set for the
    country, else the office's hijau and deadline, as for any area without one), the age of the data,
    the figures, the media pack and the PDF. The alerts and the target table speak to one office (a
    kabupaten/kota or provinsi) and are left out here."""
    name = ctx.t("seluruh_indonesia")
    summary = queries.area_summary(ctx.url, ctx.stamp, ctx.area, ctx.date)
    st.title(page_title(ctx, ctx.t("home_judul", wilayah=name), ""))
    link_notes(ctx)
    verdict_box(ctx, outlook(ctx))
    stale_notice(ctx)
    kpis(ctx, summary)
    st.caption(source_line(ctx, summary["now"].get(Col.TANGGAL)))
    if media_allowed():  # not in screenshot mode
        with st.container(horizontal=True):
            download_menu(ctx, ("peta", "zona-bar", "kantong", "tren"), key="home_unduh")
            briefing_button(ctx)

    st.subheader(ctx.t("home_peta_negara"))
    kabupaten = queries.coverage_table(ctx.url, ctx.stamp, Level.KABUPATEN.value, ctx.area, ctx.date, geometry=True)
    show_map(ctx, kabupaten, metric="zona", key="home_map", height=620, labels=labels_by_default(kabupaten))

    st.subheader(ctx.t("home_peringkat_negara"))
    by_provinsi, by_kabupaten = st.tabs([ctx.t("tingkat_provinsi"), ctx.t("tingkat_kabupaten")])
    data_date = summary["now"].get(Col.TANGGAL)
    with by_provinsi:
        ranking_table(ctx, Level.PROVINSI, data_date)
    with by_kabupaten:
        ranking_table(ctx, Level.KABUPATEN, data_date)
    st.caption(ctx.t("home_peringkat_laju", hari=fmt.number(DEFAULT_RATE_WINDOW_DAYS, lang=ctx.lang),
                     hijau=trend_words.threshold_text(ctx.settings.zones.hijau, ctx.lang)))


def ranking_table(ctx: Context, level: Level, data_date: str | None) -> None:
    """The areas of ``level`` worst first with their pace, narrowed by the search box (name or
    provinsi, any case)."""
    ranked, words = with_pace(ctx, queries.country_ranking(ctx.url, ctx.stamp, level.value, ctx.date), level, data_date)
    lagging_notice(ctx, ranked, data_date, level.value)
    query = st.text_input(ctx.t("home_peringkat_cari"), key=f"home_cari_{level.value}",
                          placeholder=ctx.t("home_peringkat_cari_bantuan"))
    shown = ranked.assign(**{RANK: range(1, len(ranked) + 1)})
    if query.strip():
        text = (shown[Col.NAMA] + " " + shown[queries.PROVINSI_COLUMN]).str.casefold()
        shown = shown[text.str.contains(query.strip().casefold(), regex=False)]
    st.dataframe(styled(ctx, shown, words, with_provinsi=level != Level.PROVINSI), hide_index=True, width="stretch",
                 column_config={ctx.t("kol_tanggal_proyeksi"): st.column_config.Column(alignment="left")},
                 height=min(38 + 35 * max(len(shown), 1), 460))
    st.caption(ctx.t("home_peringkat_jumlah", jumlah=fmt.number(len(shown), lang=ctx.lang),
                     semua=fmt.number(len(ranked), lang=ctx.lang)))
    table_downloads(ctx, ranking_download(ctx, shown, words, with_provinsi=level != Level.PROVINSI),
                    stem=f"peringkat_{level.value}_{COUNTRY}_{data_date or ''}".rstrip("_"),
                    sheet=ctx.t("kol_peringkat"), key=f"home_unduh_{level.value}")


def ranking_download(ctx: Context, table: pd.DataFrame, words: dict, *, with_provinsi: bool) -> pd.DataFrame:
    """The ranking as shown, for a spreadsheet: numbers as numbers (coverage and pace to two decimals),
    the area's code and the date of its newest data added, the projected date in words."""
    columns = _columns(with_provinsi, download=True)
    frame = table[list(columns)].reset_index(drop=True)
    for c in (Col.CAKUPAN, POIN_PER_MINGGU):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float).round(2)
    frame[Col.BELUM] = pd.to_numeric(frame[Col.BELUM], errors="coerce").astype("Int64")
    frame[WHEN] = ["–" if pd.isna(v) else words[v] for v in frame[WHEN]]
    return download_table(frame, [ctx.t(k) for k in columns.values()], ctx.lang)


def _columns(with_provinsi: bool, *, download: bool = False) -> dict[str, str]:
    """{column: text key of its header} of a ranking as shown; a download adds the area's code and
    the date of its data."""
    return {RANK: "kol_peringkat", Col.NAMA: "kol_nama", **({Col.KODE: "kol_kode"} if download else {}),
            **({queries.PROVINSI_COLUMN: "kol_provinsi"} if with_provinsi else {}),
            Col.CAKUPAN: "kol_cakupan", Col.BELUM: "kol_belum", Col.ZONA: "kol_zona",
            POIN_PER_MINGGU: "kol_poin_per_minggu", WHEN: "kol_tanggal_proyeksi",
            **({Col.TANGGAL: "kol_tanggal"} if download else {})}


def with_pace(ctx: Context, ranked: pd.DataFrame, level: Level, data_date: str | None) -> tuple[pd.DataFrame, dict]:
    """``ranked`` with each area's coverage points gained per week (POIN_PER_MINGGU) and when hijau is
    reached at that pace by the office's deadline rule (``geo.trend.projection_table``, seen today), under
    WHEN as a key that sorts: the day's ordinal, 0 when already hijau, NEVER when never at that pace,
    NaN without a trend; and {key: words} (``trend_words.when_words``: a day already past is marked)."""
    hijau = ctx.settings.zones.hijau
    deadline = date.fromisoformat(ctx.settings.deadline_for(data_date))
    below = None if level == Level.PROVINSI else level.value  # the provinsi: the verdict's own (cached) series
    pace = pace_table(ctx, COUNTRY, hijau, deadline, level=below).set_index(Col.KODE)
    keys, words = [], {}
    for record in pace.to_dict("records"):
        row = {k: None if pd.isna(v) else v for k, v in record.items()}
        if row[TANGGAL_PROYEKSI] is not None:
            key = float(date.fromisoformat(str(row[TANGGAL_PROYEKSI])[:10]).toordinal())
        else:
            key = {Status.SUDAH_TERCAPAI.value: 0.0, Status.TIDAK_TERCAPAI.value: NEVER}.get(row[STATUS], float("nan"))
        keys.append(key)
        if not pd.isna(key):
            words[key] = trend_words.when_words(row, ctx.lang)
    out = ranked.assign(**{POIN_PER_MINGGU: ranked[Col.KODE].map(pace[POIN_PER_MINGGU]),
                           WHEN: ranked[Col.KODE].map(pd.Series(keys, index=pace.index))})
    return out, words


def styled(ctx: Context, table: pd.DataFrame, words: dict, *, with_provinsi: bool):
    """The ranking as numbers (so a click on a column's title sorts by value) shown in ``ctx.lang``'s
    form (``92,28%``, ``1.234``, a day in words), headers in words; names from files stay plain text."""
    columns = {column: ctx.t(key) for column, key in _columns(with_provinsi).items()}
    frame = table[list(columns)].reset_index(drop=True)
    frame[Col.ZONA] = [zone_label(z, ctx.lang) for z in frame[Col.ZONA]]
    for c in (Col.CAKUPAN, Col.BELUM, POIN_PER_MINGGU, WHEN):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float)
    frame = frame.rename(columns=columns)
    return frame.style.format({
        columns[Col.CAKUPAN]: lambda v: fmt.percent(v, 2, ctx.lang),
        columns[Col.BELUM]: lambda v: fmt.number(v, lang=ctx.lang),
        columns[POIN_PER_MINGGU]: lambda v: fmt.signed(v, 2, ctx.lang, ctx.t("poin")),
        columns[WHEN]: lambda v: "–" if pd.isna(v) else words[v],
    })


def trend_names(ctx: Context) -> dict[str, tuple[str, str]]:
    """{kode: (nama, level)} the Tren page names and offers: the picked area (a provinsi the store
    may not name too) and every area inside it; for the country its provinsi and kabupaten/kota."""
    if not ctx.is_country:
        own = {ctx.area: (dict(queries.area_list(ctx.url, ctx.stamp))[ctx.area], "")}
        return {**own, **queries.area_names_and_levels(ctx.url, ctx.stamp, ctx.area)}
    own = {ctx.area: (ctx.t("seluruh_indonesia"), "")}
    provinsi = {k: (n, Level.PROVINSI.value) for k, n in queries.provinsi_names(ctx.url, ctx.stamp).items()}
    kabupaten = {k: (n, Level.KABUPATEN.value) for k, n in queries.kabupaten_list(ctx.url, ctx.stamp)}
    return {**own, **provinsi, **kabupaten}

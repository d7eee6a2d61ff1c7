"""Areas ranked from the lowest coverage up, for the offices above a kabupaten: a provinsi's
kabupaten/kota, the country's provinsi and kabupaten/kota. One table for all: numbers that sort
when a column's title is clicked, shown in the reader's form (``92,28%``, ``1.234``, a day in
words); each area's pace and when it reaches hijau at that pace; the areas whose data is old named
above it; a CSV/XLSX download of it as shown. The country's tables add their rank, each area's
provinsi and a search box.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from geo import fmt
from geo.columns import JENDELA_HARI, POIN_PER_MINGGU
from geo.config import DEFAULT_RATE_WINDOW_DAYS
from geo.present import download_table, short_name, sortable_table
from geo.present import trend as trend_words
from geo.schema import Col, Level, top_level
from ui import queries
from ui.context import Context
from ui.downloads import table_downloads
from ui.headline import lagging_notice, pace_table
from ui.tables import columns_fit, sorted_grid, table_height, text_fit

RANK = "no"  # the rank in the worst-first order: clicking its title brings that order back
WHEN = trend_words.WHEN  # when hijau is reached at the area's pace, as a key that sorts (see ``with_pace``)


def ranking_table(ctx: Context, level: Level, data_date: str | None) -> list[int]:
    """The areas at ``level`` inside the picked area worst first with their pace; for the country
    with their rank and provinsi, narrowed by a search box (name or provinsi, any case); for a
    provinsi with their change since the data before. Returns the days over which their paces were
    measured, each once (``pace_note`` says them)."""
    country = ctx.is_country
    ranked = (queries.country_ranking(ctx.url, ctx.stamp, level.value, ctx.date, ctx.settings.zones) if country
              else queries.ranking(ctx.url, ctx.stamp, level.value, ctx.area, ctx.date, ctx.settings.zones))
    ranked, words = with_pace(ctx, ranked, level, data_date)
    lagging_notice(ctx, ranked, data_date, level.value)
    shown = ranked.assign(**{RANK: range(1, len(ranked) + 1)})
    if country:
        query = st.text_input(ctx.t("home_peringkat_cari"), key=f"home_cari_{level.value}",
                              placeholder=ctx.t("home_peringkat_cari_bantuan"))
        if query.strip():
            text = (shown[Col.NAMA] + " " + shown[queries.PROVINSI_COLUMN]).str.casefold()
            shown = shown[text.str.contains(query.strip().casefold(), regex=False)]
    columns = _columns(ctx, level)
    view = styled(ctx, shown, words, columns)
    # Widths from every row, not the first few the grid sizes from: a day marked "sudah lewat" or a
    # long provinsi further down is shown whole (on a laptop the grid then scrolls sideways).
    when = ctx.t("kol_tanggal_proyeksi")  # shown in words, held as keys that sort
    config = text_fit(pd.DataFrame({when: [words.get(k, "–") for k in view.data[when]]}), when, alignment="left")
    if ctx.t("kol_provinsi") in view.data:
        config |= columns_fit(view.data, (ctx.t("kol_nama"), ctx.t("kol_provinsi")))
    sorted_grid(view, column_config=config, height=table_height(len(shown)))
    if country:
        st.caption(ctx.t("home_peringkat_jumlah", jumlah=fmt.number(len(shown), lang=ctx.lang),
                         semua=fmt.number(len(ranked), lang=ctx.lang)))
    table_downloads(ctx, ranking_download(ctx, shown, words, _columns(ctx, level, download=True)),
                    stem=f"peringkat_{level.value}_{ctx.area}_{data_date or ''}".rstrip("_"),
                    sheet=ctx.t("kol_peringkat"), key=f"home_unduh_{level.value}")
    return sorted({int(d) for d in ranked[JENDELA_HARI].dropna()})


def pace_note(ctx: Context, days: list[int]) -> None:
    """What the pace columns mean (under the rankings), with the days the paces were measured over
    (``ranking_table``'s: shorter than the usual window where the data is young, longer across a gap
    in the reports): one number when they share it, else the longest and the shortest."""
    days = days or [DEFAULT_RATE_WINDOW_DAYS]
    hijau = trend_words.threshold_text(ctx.settings.zones.hijau, ctx.lang)
    if len(days) == 1:
        st.caption(ctx.t("home_peringkat_laju", hari=fmt.number(days[0], lang=ctx.lang), hijau=hijau))
    else:
        st.caption(ctx.t("home_peringkat_laju_beda", hari=fmt.number(max(days), lang=ctx.lang),
                         pendek=fmt.number(min(days), lang=ctx.lang), hijau=hijau))


def ranking_download(ctx: Context, table: pd.DataFrame, words: dict, columns: dict[str, str]) -> pd.DataFrame:
    """The ranking as shown, for a spreadsheet: numbers as numbers (coverage, change and pace to two
    decimals), with the area's code and the date of its newest data, the projected date in words."""
    frame = table[list(columns)].reset_index(drop=True)
    for c in {Col.CAKUPAN, Col.PERUBAHAN, POIN_PER_MINGGU} & set(columns):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float).round(2)
    frame[Col.BELUM] = pd.to_numeric(frame[Col.BELUM], errors="coerce").astype("Int64")
    frame[WHEN] = ["–" if pd.isna(v) else words[v] for v in frame[WHEN]]
    return download_table(frame, [ctx.t(k) for k in columns.values()], ctx.lang)


def _columns(ctx: Context, level: Level, *, download: bool = False) -> dict[str, str]:
    """{column: text key of its header} of the ranking as shown: the country's with the rank (and the
    provinsi of a kabupaten/kota, after its coverage and zone), a provinsi's with the change since the
    data before; a download adds the area's code and the date of its data (the provinsi beside the code)."""
    country = ctx.is_country
    provinsi = {queries.PROVINSI_COLUMN: "kol_provinsi"} if country and level != Level.PROVINSI else {}
    # on screen the answer first (a phone shows the first columns only): coverage and zone, then the provinsi
    return {**({RANK: "kol_peringkat"} if country else {}), Col.NAMA: "kol_nama",
            **({Col.KODE: "kol_kode", **provinsi} if download else {}),
            Col.CAKUPAN: "kol_cakupan", Col.BELUM: "kol_belum", Col.ZONA: "kol_zona",
            **({} if download else provinsi),
            **({} if country else {Col.PERUBAHAN: "kol_perubahan"}),
            POIN_PER_MINGGU: "kol_poin_per_minggu", WHEN: "kol_tanggal_proyeksi",
            **({Col.TANGGAL: "kol_tanggal"} if download else {})}


def with_pace(ctx: Context, ranked: pd.DataFrame, level: Level, data_date: str | None) -> tuple[pd.DataFrame, dict]:
    """``ranked`` with each area's coverage points gained per week (POIN_PER_MINGGU) and when hijau is
    reached at that pace by the office's deadline rule (``geo.trend.projection_table``, seen today), under
    WHEN as a key that sorts, and {key: words} (``trend_words.when_keys``)."""
    hijau = ctx.settings.zones.hijau
    deadline = date.fromisoformat(ctx.settings.deadline_for(data_date))
    below = None if level == top_level(ctx.area) else level.value  # the next level down: the Tren page's series
    pace = pace_table(ctx, ctx.area, hijau, deadline, level=below).set_index(Col.KODE)
    keys, words = trend_words.when_keys(pace.to_dict("records"), ctx.lang)
    out = ranked.assign(**{POIN_PER_MINGGU: ranked[Col.KODE].map(pace[POIN_PER_MINGGU]),
                           JENDELA_HARI: ranked[Col.KODE].map(pace[JENDELA_HARI]),
                           WHEN: ranked[Col.KODE].map(pd.Series(keys, index=pace.index))})
    return out, words


def styled(ctx: Context, table: pd.DataFrame, words: dict, columns: dict[str, str]):
    """The ranking's ``columns`` (``geo.present.sortable_table``: numbers that sort, shown in ``ctx.lang``'s
    form; the day hijau is reached in words), headers in words; names from files stay plain text."""
    frame = table[list(columns)].reset_index(drop=True)
    if queries.PROVINSI_COLUMN in frame:  # the country's kabupaten/kota: names shortened, the download keeps them whole
        for column in (Col.NAMA, queries.PROVINSI_COLUMN):
            frame[column] = [short_name(str(n)) for n in frame[column]]
    for c in {Col.CAKUPAN, Col.BELUM, Col.PERUBAHAN, POIN_PER_MINGGU, WHEN} & set(columns):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float)
    own = {RANK: lambda v, lang: fmt.number(v, lang=lang),
           POIN_PER_MINGGU: lambda v, lang: fmt.signed(v, 2, lang, ctx.t("poin")),
           WHEN: trend_words.when_text(words)}
    return sortable_table(frame, list(columns), ctx.lang, formatters=own, headers=columns)

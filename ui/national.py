"""Beranda of the whole country (``geo.schema.COUNTRY``): the verdict, the age of the data, the
figures summed over every provinsi with the media pack and the national PDF, the zone map of the
kabupaten/kota, and the provinsi and kabupaten/kota ranked from the lowest coverage up — sortable
tables (numbers stay numbers under their Indonesian form) with a search.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import fmt
from geo.schema import Col, Level
from geo.present import zone_label
from ui import queries
from ui.context import Context
from ui.downloads import briefing_button, download_menu
from ui.headline import kpis, outlook, stale_notice, verdict_box
from ui.map_view import labels_by_default, show_map
from ui.state import link_notes, media_allowed, page_title, source_line

RANK = "no"  # the rank in the worst-first order: clicking its title brings that order back


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
    with by_provinsi:
        ranking_table(ctx, Level.PROVINSI)
    with by_kabupaten:
        ranking_table(ctx, Level.KABUPATEN)
    if summary["previous_date"]:
        st.caption(ctx.t("home_peringkat_sejak", tanggal=fmt.long_date(summary["previous_date"], ctx.lang)))


def ranking_table(ctx: Context, level: Level) -> None:
    """The areas of ``level`` worst first, narrowed by the search box (name or provinsi, any case)."""
    ranked = queries.country_ranking(ctx.url, ctx.stamp, level.value, ctx.date)
    query = st.text_input(ctx.t("home_peringkat_cari"), key=f"home_cari_{level.value}",
                          placeholder=ctx.t("home_peringkat_cari_bantuan"))
    shown = ranked.assign(**{RANK: range(1, len(ranked) + 1)})
    if query.strip():
        text = (shown[Col.NAMA] + " " + shown[queries.PROVINSI_COLUMN]).str.casefold()
        shown = shown[text.str.contains(query.strip().casefold(), regex=False)]
    st.dataframe(styled(ctx, shown, with_provinsi=level != Level.PROVINSI), hide_index=True, width="stretch",
                 height=min(38 + 35 * max(len(shown), 1), 460))
    st.caption(ctx.t("home_peringkat_jumlah", jumlah=fmt.number(len(shown), lang=ctx.lang),
                     semua=fmt.number(len(ranked), lang=ctx.lang)))


def styled(ctx: Context, table: pd.DataFrame, *, with_provinsi: bool):
    """The ranking as numbers (so a click on a column's title sorts by value) shown in ``ctx.lang``'s
    form (``92,28%``, ``1.234``), headers in words; names from files stay plain text."""
    lang = ctx.t
    columns = {RANK: lang("kol_peringkat"), Col.NAMA: lang("kol_nama"),
               **({queries.PROVINSI_COLUMN: lang("kol_provinsi")} if with_provinsi else {}),
               Col.CAKUPAN: lang("kol_cakupan"), Col.BELUM: lang("kol_belum"), Col.ZONA: lang("kol_zona"),
               Col.PERUBAHAN: lang("kol_perubahan")}
    frame = table[list(columns)].reset_index(drop=True)
    frame[Col.ZONA] = [zone_label(z, ctx.lang) for z in frame[Col.ZONA]]
    for c in (Col.CAKUPAN, Col.PERUBAHAN):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype(float)
    frame[Col.BELUM] = pd.to_numeric(frame[Col.BELUM], errors="coerce").astype(float)
    frame = frame.rename(columns=columns)
    return frame.style.format({
        columns[Col.CAKUPAN]: lambda v: fmt.percent(v, 2, ctx.lang),
        columns[Col.BELUM]: lambda v: fmt.number(v, lang=ctx.lang),
        columns[Col.PERUBAHAN]: lambda v: fmt.signed(v, 2, ctx.lang, ctx.t("poin")),
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

"""Beranda: the bupati's home page — the verdict first (will the target be met by the deadline?),
the age of the data, the KPIs with their change, the zone map with its kecamatan named, the ten
desa to visit. For the whole country: ``ui.national.country_home``. For a provinsi: the same figures summed over its kabupaten/kota, their map, and
the kabupaten/kota from the lowest coverage up."""
from __future__ import annotations

import streamlit as st

import ui
from geo import fmt
from geo.pockets import top_belum
from geo.present import sortable_table
from geo.present import pockets as present_pockets
from geo.schema import Col, Level
from ui import queries

ctx = ui.context()
ui.admit(ctx, heading=ctx.t("app_judul"))
if ctx.area is None:
    st.title(ctx.t("app_judul"))
    ui.no_data(ctx)
if ctx.is_country:  # the whole country: its roll-up, map and rankings (ui.national)
    ui.country_home(ctx)
    st.stop()
names = dict(queries.area_list(ctx.url, ctx.stamp))
summary = queries.area_summary(ctx.url, ctx.stamp, ctx.area, ctx.date, ctx.settings.zones)
st.title(ui.page_title(ctx, ctx.t("home_judul", wilayah=names[ctx.area]), ""))
ui.link_notes(ctx)
child = Level.KABUPATEN if ctx.is_province else Level.KECAMATAN
ui.verdict_and_age(ctx, **ui.reach_levels(ctx))  # figures of some desa only: said there, with the children that sent none
ui.kpis(ctx, summary)
children = queries.coverage_table(ctx.url, ctx.stamp, child.value, ctx.area, ctx.date, ctx.settings.zones,
                                  geometry=True)
ui.home_finding(ctx, children, names[ctx.area])  # which are red, how many will not make it: before the rest
ui.over_100_note(ctx, summary)  # a check of the figures, after the answer
pemula = present_pockets.pemula_share(summary["now"], ctx.lang)  # None when the data has no such figure
if pemula:
    st.caption(pemula)
st.caption(ui.source_line(ctx, summary["now"].get(Col.TANGGAL)))
ui.demo_banner(ctx)
if ui.media_allowed():  # not in screenshot mode: the panel is the office's, not the public's
    ui.alerts_panel(ctx)  # what went wrong, most urgent first, each a click from the page that explains it
    with st.container(horizontal=True):  # buttons as wide as their words: nothing cut
        ui.download_menu(ctx, ("peta", "zona-bar", "kantong", "tren"), key="home_unduh")
        ui.briefing_button(ctx)

# The map takes the page's width: the area fills it beside the legend, its children named.
st.subheader(ctx.t("home_peta_provinsi" if ctx.is_province else "home_peta", wilayah=names[ctx.area]))
ui.show_map(ctx, children, metric="zona", key="home_map", height=620, labels=True)

ui.target_summary(ctx)

if ctx.is_province:  # which kabupaten/kota are behind, and are they catching up
    st.subheader(ctx.t("home_peringkat"))
    ui.pace_note(ctx, ui.ranking_table(ctx, child, summary["now"].get(Col.TANGGAL)))
    if summary["previous_date"]:
        st.caption(ctx.t("home_peringkat_sejak", tanggal=fmt.long_date(summary["previous_date"], ctx.lang)))
else:
    st.subheader(ctx.t("home_top10"))
    desa = queries.coverage_table(ctx.url, ctx.stamp, Level.DESA.value, ctx.area, ctx.date, ctx.settings.zones)
    ui.lagging_notice(ctx, desa, summary["now"].get(Col.TANGGAL), Level.DESA.value)  # desa left out of newer files
    top = top_belum(desa, 10, ctx.settings.zones)
    shown = [Col.NAMA, Col.BELUM, Col.CAKUPAN, Col.ZONA, Col.KODE]  # the number next to the name, on a phone too
    if child is Level.KECAMATAN:  # desa names repeat between kecamatan: each with its own
        top = top.assign(**{Col.NAMA_INDUK: top[Col.KODE_INDUK].map(dict(zip(children[Col.KODE], children[Col.NAMA])))})
        shown.insert(1, Col.NAMA_INDUK)
    ui.sorted_grid(sortable_table(top, shown, ctx.lang))

"""Beranda: the bupati's home page — KPIs with their change, the zone map, the ten desa to visit."""
from __future__ import annotations

import streamlit as st

import ui
from geo import fmt
from geo.coverage import top_belum
from geo.present import display_table
from geo.schema import Col, Level
from ui import queries

ctx = ui.context()
ui.admit(ctx, heading=ctx.t("app_judul"))
if ctx.area is None:
    st.title(ctx.t("app_judul"))
    st.warning(ctx.t("belum_ada_data"))
    st.stop()
names = dict(queries.kabupaten_list(ctx.url, ctx.stamp))
summary = queries.area_summary(ctx.url, ctx.stamp, ctx.area, ctx.date)
now, change = summary["now"], summary["change"]
st.title(ctx.t("home_judul", wilayah=names[ctx.area]))
ui.link_notes(ctx)
st.caption(ui.source_line(ctx, now.get(Col.TANGGAL)))
ui.demo_banner(ctx)
if ui.media_allowed():
    c1, c2, _ = st.columns([1, 1.3, 3])
    with c1:
        ui.download_menu(ctx, ("peta", "zona-bar", "kantong", "tren"), key="home_unduh")
    with c2:
        ui.briefing_button(ctx)

since = ctx.t("sejak", tanggal=fmt.long_date(summary["previous_date"], ctx.lang)) if change else None


def delta(key, decimals=0, suffix=""):
    value = change.get(key)
    return None if value is None else f"{fmt.signed(value, decimals, ctx.lang, suffix)} {since}"


def arrow(key):  # no change ("±0"): no arrow up or down
    return "off" if change and change.get(key) == 0 else "auto"


cols = st.columns(4)
cols[0].metric(ctx.t("kpi_wajib"), fmt.number(now[Col.WAJIB], lang=ctx.lang), delta(Col.WAJIB),
               delta_color="off", delta_arrow=arrow(Col.WAJIB))
cols[1].metric(ctx.t("kpi_sudah"), fmt.number(now[Col.SUDAH], lang=ctx.lang), delta(Col.SUDAH),
               delta_arrow=arrow(Col.SUDAH))
cols[2].metric(ctx.t("kpi_belum"), fmt.number(now[Col.BELUM], lang=ctx.lang), delta(Col.BELUM),
               delta_color="inverse", delta_arrow=arrow(Col.BELUM))
cols[3].metric(ctx.t("kpi_cakupan"), fmt.percent(now[Col.CAKUPAN], 2, ctx.lang),
               delta(Col.CAKUPAN, 2, ctx.t("poin")), delta_arrow=arrow(Col.CAKUPAN))
cols[3].markdown(ui.zone_badge(ctx, now.get(Col.ZONA)), unsafe_allow_html=True)

left, right = st.columns([3, 2])
with left:
    st.subheader(ctx.t("home_peta", wilayah=names[ctx.area]))
    kec = queries.coverage_table(ctx.url, ctx.stamp, Level.KECAMATAN.value, ctx.area, ctx.date, geometry=True)
    ui.show_map(ctx, kec, metric="zona", key="home_map", height=520)
with right:
    st.subheader(ctx.t("home_top10"))
    desa = queries.coverage_table(ctx.url, ctx.stamp, Level.DESA.value, ctx.area, ctx.date)
    top = top_belum(desa, 10)
    st.dataframe(
        display_table(top, [Col.NAMA, Col.KODE, Col.BELUM, Col.CAKUPAN, Col.ZONA], ctx.lang),
        hide_index=True, width="stretch",
    )

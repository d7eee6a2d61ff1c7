"""Kantong Belum Rekam: where the people not yet recorded are, how many to go up a zone and to green,
hot/cold spots of the unrecorded rate, and the schools where the first-timers are."""
from __future__ import annotations

import streamlit as st

import ui
from geo import pockets
from geo.columns import PERSEN_BELUM
from geo.present import pockets as present_pockets
from geo.schema import Level, RekamError
from geo.text import describe
from ui import queries

ctx = ui.page_start("nav_kantong")
st.caption(ui.source_line(ctx, ctx.date))
finding_slot = st.container()  # the answer first; it follows the level picked below
if not ctx.is_country:  # figures of some desa only: said right under the answer
    ui.reach_notice(ctx, (Level.KABUPATEN if ctx.is_province else Level.KECAMATAN).value)
st.markdown(ctx.t("kantong_intro"))

levels = ui.pocket_levels(ctx)  # a provinsi and the country open on their kabupaten/kota
if st.session_state.get("kantong_level") not in levels:
    st.session_state["kantong_level"] = levels[-1] if ctx.is_province or ctx.is_country else Level.DESA.value
if ui.media_allowed():
    c1, c2 = st.columns([2, 3])
    c1.radio(ctx.t("peta_tingkat"), levels, key="kantong_level",
             horizontal=True, format_func=lambda v: ctx.t(f"tingkat_{v}"))
    c2.toggle(ctx.t("kantong_hotspot_hitung"), key="kantong_hotspot", help=ctx.t("kantong_hotspot_info"))
else:  # screenshot mode: the lists and the map as chosen, without the pickers
    ui.keep_values("kantong_level", "kantong_hotspot")
level = st.session_state.get("kantong_level", Level.DESA.value)
with_hotspots = st.session_state.get("kantong_hotspot", False)

zones = ctx.settings.zones
table = queries.pockets_table(ctx.url, ctx.stamp, ctx.area, level, ctx.date, False, zones)
hot_table, hot_error = None, None
if with_hotspots:
    try:
        hot_table = queries.pockets_table(ctx.url, ctx.stamp, ctx.area, level, ctx.date, True, zones)
    except RekamError as err:
        hot_error = describe(err, ctx.lang)
schools = queries.schools_pocket(ctx.url, ctx.stamp, ctx.area)
rankings = {by: pockets.ranked(table, by) for by in ("belum_rekam", "rate")}  # the lists, ranked once
with finding_slot:
    ui.pocket_finding(ctx, rankings["belum_rekam"], level)


def downloads(frame, columns, name: str, key: str) -> None:
    """The table as CSV and XLSX in the chosen language (numbers as numbers, words as on screen)."""
    ui.table_downloads(ctx, present_pockets.download_table(frame, columns, ctx.lang),
                       stem=f"kantong_{name}_{ctx.area}_{ctx.date or 'terbaru'}",
                       sheet=ctx.t(f"lembar_kantong_{name}"), key=key)


# Ranked lists: by number and by share not recorded, with the people to go up a zone and to green.
# On screen without the share not recorded (100% − cakupan, shown beside it), so that both "to"
# columns fit a laptop's width (1366 px); the downloads carry it.
columns = present_pockets.ranked_columns(level, table)  # with the first-timers when the data has them
on_screen = [c for c in columns if c != PERSEN_BELUM]
for tab, by in zip(st.tabs([ctx.t("kantong_tab_jumlah"), ctx.t("kantong_tab_persen")]), ["belum_rekam", "rate"]):
    with tab:
        ranking = rankings[by]
        ui.sorted_grid(present_pockets.display(ranking, on_screen, ctx.lang), height=ui.table_height(len(ranking), 420))
        downloads(ranking, columns, by, f"kantong_{by}")
st.caption(present_pockets.targets_note(ctx.lang, zones))
summary = queries.area_summary(ctx.url, ctx.stamp, ctx.area, ctx.date, zones)
pemula = present_pockets.pemula_note(summary["now"], ctx.lang)
if pemula:
    st.caption(pemula)

# The map: pockets coloured by belum rekam; schools, and hot/cold spots once computed.
st.subheader(ctx.t("kantong_peta"))
layers = {ctx.t("lapisan_sekolah_kantong"): present_pockets.school_layer(schools, ctx.lang)}
if hot_table is not None:
    layers[ctx.t("kantong_hotspot_judul")] = present_pockets.hotspot_layer(hot_table, ctx.lang)
layers = {name: points for name, points in layers.items() if len(points)}  # no legend entry for an empty layer
drawn = hot_table if hot_table is not None else table
if ctx.is_country and level != Level.KABUPATEN.value:  # the country's kecamatan: listed, mapped by kabupaten/kota
    drawn = queries.pockets_table(ctx.url, ctx.stamp, ctx.area, Level.KABUPATEN.value, ctx.date, False, zones)
ui.show_map(ctx, drawn, metric="belum_rekam",
            key=f"kantong_map_{level}_{hot_table is not None}", points=layers, labels=ui.labels_by_default(drawn),
            outline=ui.kecamatan_outline(ctx, level, ctx.area))
if ui.media_allowed():
    ui.download_menu(ctx, ("kantong", "peta"), key="kantong_unduh")

# Hot and cold spots.
st.subheader(ctx.t("kantong_hotspot_judul"))
if hot_error:
    st.error(hot_error)
elif hot_table is None:
    st.info(ctx.t("kantong_hotspot_info"))
else:
    st.caption(present_pockets.hotspot_note(hot_table, ctx.lang))
    found = pockets.spots(hot_table)
    if len(found):
        hot_columns = present_pockets.hotspot_columns(level, found)
        ui.sorted_grid(present_pockets.display(found, hot_columns, ctx.lang))
        downloads(found, hot_columns, "titik_panas", "kantong_hot")
    else:
        st.info(ctx.t("kantong_hotspot_kosong"))

# The first-time cohort: schools with students turning 17 not yet recorded.
st.subheader(ctx.t("kantong_pemula_judul"))
if len(schools):
    ui.sorted_grid(present_pockets.display(schools, present_pockets.SCHOOL_COLUMNS, ctx.lang))
    downloads(schools, present_pockets.SCHOOL_DOWNLOAD_COLUMNS, "sekolah", "kantong_sekolah")
elif len(queries.points(ctx.url, ctx.stamp, "sekolah", ctx.area, ctx.lang)):
    st.info(ctx.t("kantong_pemula_kosong"))
else:  # no list of schools: nothing is known of them, not "none left"
    st.info(ctx.t("kantong_pemula_tanpa_sekolah"))

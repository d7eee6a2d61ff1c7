"""Peta Cakupan: zone map with drill-down (kabupaten → kecamatan → desa), shareable by URL; area
names on the map, kecamatan borders over desa. In screenshot mode: title, map, legend, source."""
from __future__ import annotations

import streamlit as st

import ui
from geo import coverage, fmt
from ui import queries

title = st.empty()  # the page's name; in screenshot mode with the area shown, once the view is known
ctx = ui.page_start("nav_peta", title=title)
story = not ui.media_allowed()  # screenshot mode: no pickers, the map tells the story
view = ui.map_view(ctx)  # area shown, child level, metric, comparison date (from URL or defaults)
crumbs = ui.breadcrumb(ctx, view.area)

if story:
    ui.keep_values("peta_level", "peta_metric", "peta_since", "peta_layers")
    map_slot = st.container()
else:
    # The area shown, named, and the way back up: each area above it a link-like button.
    trail = st.container(horizontal=True, vertical_alignment="center", gap="small")
    for kode, nama in crumbs[:-1]:
        if trail.button(nama, key=f"crumb_{kode}", type="tertiary", help=kode, icon=":material/arrow_upward:"):
            ui.set_map_view(area=kode)
            st.rerun()
        trail.markdown("›")
    trail.markdown(f"**{ui.plain(crumbs[-1][1])}**")
    ui.home_of(ctx, view.area, trail)  # drilled into a kabupaten/kota: its own Beranda, picked in the sidebar too
    c1, c2, c3, c4 = st.columns([1.2, 2.2, 1.4, 2])
    levels = ui.map_levels(ctx, view.area)
    c1.radio(ctx.t("peta_tingkat"), levels, key="peta_level", format_func=lambda v: ctx.t(f"tingkat_{v}"))
    c2.radio(ctx.t("peta_ukuran"), ui.MAP_METRICS, key="peta_metric", horizontal=True,
             format_func=lambda v: ctx.t(f"metrik_{v}"))
    dates = queries.snapshot_dates(ctx.url, ctx.stamp, ctx.area)
    if st.session_state["peta_metric"] == "perubahan":
        c3.selectbox(ctx.t("peta_sejak"), dates[:-1][::-1] or dates, key="peta_since",
                     format_func=lambda d: fmt.long_date(d, ctx.lang))
    search = ui.area_search_options(ctx, view.area)
    picked = c4.selectbox(ctx.t("peta_cari"), list(search), index=None, format_func=lambda k: search.get(k, k),
                          placeholder=ctx.t("peta_cari_isi"), key="peta_search")
    if picked:
        ui.focus_area(picked)
        st.rerun()
    map_slot = st.container()  # the map above its point layers and labels: on a phone it comes a screen sooner
    l1, l2 = st.columns([4, 1.2], vertical_alignment="bottom")
    l1.multiselect(ctx.t("peta_lapisan"), ui.POINT_LAYERS, key="peta_layers", placeholder=ctx.t("pilih"),
                   format_func=lambda v: ctx.t(f"lapisan_{v}"))
view = ui.map_view(ctx)
ui.sync_query_params(view)
title.header(ui.page_title(ctx, ctx.t("nav_peta"), dict(crumbs).get(view.area)))

ui.follow_viewport(view)  # the map's last bounds and zoom, before anything is drawn
on_screen = ui.viewport_areas(ctx, view)  # zoomed in on the country or a provinsi: the areas in the viewport
table = on_screen.table if on_screen and on_screen.table is not None else ui.map_table(ctx, view)
labels_key = f"peta_nama_{view.area}_{view.level}"  # a new view starts from its own default
labels = st.session_state.get(labels_key, ui.labels_by_default(table))
if not story:
    labels = l2.toggle(ctx.t("peta_nama_wilayah"), value=ui.labels_by_default(table), key=labels_key)
with map_slot:
    if not on_screen:  # which areas are red, said before the map is read (the image's title says it too)
        ui.map_finding(ctx, table, dict(crumbs).get(view.area, ""))
        if not story:  # and whether the area makes its target in time (a screenshot keeps to the map)
            ui.verdict_line(ctx, view.area)
    one_zone = coverage.shared_zone(table) if view.metric == "zona" and not story else None
    if one_zone:
        note, switch = st.columns([5, 1.4], vertical_alignment="center")
        some = "peta_satu_zona_sebagian" if one_zone[1] < len(table) else "peta_satu_zona"  # the grey ones too
        note.info(ctx.t(some, jumlah=one_zone[1], semua=len(table), zona=ui.zone_word(ctx, one_zone[0]).lower()),
                  icon=":material/palette:")
        switch.button(ctx.t("peta_ke_cakupan"), on_click=ui.set_map_metric, args=("cakupan",), key="peta_ke_cakupan")
    clicked = ui.show_map(ctx, table, metric=view.metric, key=ui.map_key(view, labels, on_screen),
                          height=620, points=ui.point_layers(ctx, st.session_state.get("peta_layers") or []),
                          returned_objects=ui.map_returns(view), labels=labels,
                          outline=on_screen.outline if on_screen else ui.kecamatan_outline(ctx, view.level, view.area),
                          view=(on_screen.viewport.centre, on_screen.viewport.zoom) if on_screen else None)
    if on_screen:
        st.info(ui.viewport_note(ctx, on_screen), icon=":material/zoom_in:")
    source = ui.source_line(ctx, ctx.date)
    st.caption(source if story else f"{source} · {ui.map_hint(ctx, view)}")  # the map's source, under it
if ui.handle_click(view, clicked) or ui.follow_viewport(view, clicked):
    st.rerun()
if ui.media_allowed():
    ui.download_menu(ctx, ("peta", "zona-bar", "kantong"), key="peta_unduh", within=view.area)

"""Data: editors upload boundaries, recording figures and points; versions; templates; users."""
from __future__ import annotations

import streamlit as st

import ui
from geo.schema import RekamError

ctx = ui.context()
st.header(ctx.t("nav_data"))
ui.login_box(ctx)
if not ui.can(ctx, "editor"):
    st.info(ctx.t("data_perlu_login"))
    st.stop()
ui.link_notes(ctx)
tab_names = ["tab_rekam", "tab_batas", "tab_titik", "tab_target", "tab_riwayat", "tab_templat"]
if ui.can(ctx, "admin"):
    tab_names.append("tab_pengguna")
tabs = dict(zip(tab_names, st.tabs([ctx.t(k) for k in tab_names])))

with tabs["tab_rekam"]:
    ui.enrollment_desk(ctx)  # upload, the data's date (from the file, or picked), join report, hand fixes

with tabs["tab_batas"]:
    ui.boundary_desk(ctx)  # upload, each feature matched (by code, or by name), hand picks, store

with tabs["tab_titik"]:
    kind = st.radio(ctx.t("jenis_berkas"), list(ui.OTHER_IMPORTS), horizontal=True,
                    format_func=lambda v: ctx.t(f"berkas_{v}"))
    up = st.file_uploader(ctx.t("unggah_titik"), type=["csv", "xlsx"], key=ui.uploader_key("titik"))
    if up is not None and st.button(ctx.t("simpan"), key="simpan_titik", type="primary"):
        try:
            version, count = ui.save_other(ctx, kind, up)
        except RekamError as err:
            ui.fail(ctx, err)
        else:
            ui.forget_upload("titik")
            ui.flash(ctx.t("tersimpan_titik", versi=version, jumlah=count))
            st.rerun()

with tabs["tab_target"]:
    if ctx.area is None:  # a new office: targets and alerts belong to areas, none imported yet
        st.info(ctx.t("target_belum_ada_wilayah"))
    else:
        ui.targets_editor(ctx)
        ui.digests_panel(ctx)

with tabs["tab_riwayat"]:
    history = ui.history_view(ctx)
    ui.grid(history, width="stretch", column_config=ui.history_columns(ctx, history))
    active = ui.active_versions(ctx)
    if active:
        labels = ui.version_labels(ctx)  # kind, file and date: the clerk tells the imports apart
        pick = st.selectbox(ctx.t("pilih_versi"), active, format_func=labels.get)
        sure = st.checkbox(ctx.t("yakin_batal", versi=pick))
        if st.button(ctx.t("batalkan_versi"), disabled=not sure):
            try:
                ui.rollback(ctx, pick)
            except RekamError as err:
                ui.fail(ctx, err)
            else:
                ui.flash(ctx.t("dibatalkan", versi=pick))
                st.rerun()

with tabs["tab_templat"]:
    lvl = st.radio(ctx.t("jenis_templat"), ui.TEMPLATES, horizontal=True, key="templat_level",
                   format_func=lambda v: ctx.t(f"templat_{v}"))
    frame = ui.template_frame(ctx, lvl)
    ui.template_preview(ctx, frame)
    ui.template_downloads(ctx, frame, lvl)

if "tab_pengguna" in tabs:
    with tabs["tab_pengguna"]:
        ui.grid(ui.users(ctx))
        ui.user_form(ctx)
ui.show_flash()

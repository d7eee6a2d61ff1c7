"""Data: editors upload boundaries, recording figures and points; versions; templates; users."""
from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from geo import auth, fmt, ingest
from geo.config import load_settings
from geo.export import to_csv_bytes, to_xlsx_bytes
from geo.present import file_preview
from geo.schema import Level, RekamError
from geo.text import describe, describe_problem

ctx = ui.context()
st.header(ctx.t("nav_data"))
session = ui.login_box(ctx)
if not auth.can(session, "editor"):
    st.info(ctx.t("data_perlu_login"))
    st.stop()
store = ui.store(ctx)
tab_names = ["tab_rekam", "tab_batas", "tab_titik", "tab_riwayat", "tab_templat"]
if auth.can(session, "admin"):
    tab_names.append("tab_pengguna")
tabs = dict(zip(tab_names, st.tabs([ctx.t(k) for k in tab_names])))


def fail(err: RekamError) -> None:
    st.error(describe(err, ctx.lang))


with tabs["tab_rekam"]:
    up = st.file_uploader(ctx.t("unggah_rekam"), type=["csv", "xlsx"], key=ui.uploader_key("rekam"))
    c1, c2, c3 = st.columns(3)
    level = c1.radio(ctx.t("peta_tingkat"), [Level.DESA.value, Level.KECAMATAN.value], horizontal=True,
                     format_func=lambda v: ctx.t(f"tingkat_{v}"))
    tanggal = c2.date_input(ctx.t("data_tanggal"), value=date.today(), format="DD/MM/YYYY")
    force = c3.checkbox(ctx.t("impor_ulang"), help=ctx.t("impor_ulang_bantuan"))
    if up is not None:
        try:
            prepared = ui.prepare_upload(ctx, up, level=level)
        except RekamError as err:
            fail(err)
            ui.forget_upload("rekam")  # a refused file is dropped from memory at once
        else:
            st.subheader(ctx.t("pratinjau"))
            st.dataframe(file_preview(prepared.read.table.head(200), ctx.lang), hide_index=True, width="stretch")
            for problem in prepared.warnings:
                st.warning(describe_problem(problem, ctx.lang))
            st.subheader(ctx.t("laporan_cocok"))
            st.dataframe(ui.join_report_view(ctx, prepared), hide_index=True, width="stretch")
            unmatched = prepared.unmatched
            if len(unmatched):
                st.warning(ctx.t("perbaiki_baris", jumlah=len(unmatched)))
                options = ui.area_choices(ctx, level)
                for row in unmatched.to_dict("records"):
                    suggested = [c["kode"] for c in (row.get("kandidat") or [])]
                    fix_key = f"fix_{up.file_id}_{row['baris']}"
                    # Recorded in a callback, i.e. before the rerun re-joins the file with the choices.
                    st.selectbox(
                        ctx.t("pilih_untuk_baris", baris=row["baris"], nama=row["nama_file"] or row["kode_file"]),
                        [None, *suggested, *[k for k in options if k not in suggested]],
                        format_func=lambda k: options.get(k, "—"), key=fix_key,
                        on_change=lambda up=up, baris=row["baris"], key=fix_key: ui.set_override(
                            up, baris, st.session_state[key]))
            if st.button(ctx.t("simpan"), type="primary", disabled=bool(len(unmatched))):
                try:
                    auth.require(ui.current_session(), "editor", store=store)
                    version = ingest.commit_enrollment(store, prepared, tanggal=tanggal.isoformat(),
                                                       user=session.username, force=force)
                except RekamError as err:
                    fail(err)
                else:
                    ui.forget_upload("rekam")
                    ui.show_latest_date()
                    ui.flash(ctx.t("tersimpan", versi=version, tanggal=fmt.long_date(tanggal, ctx.lang)))
                    st.rerun()

with tabs["tab_batas"]:
    up = st.file_uploader(ctx.t("unggah_batas"), type=["geojson", "json", "gpkg", "zip"], key=ui.uploader_key("batas"))
    level_b = st.radio(ctx.t("peta_tingkat"), ["desa", "kecamatan", "kabupaten"], horizontal=True, key="batas_level",
                       format_func=lambda v: ctx.t(f"tingkat_{v}"))
    if up is not None and st.button(ctx.t("simpan"), key="simpan_batas", type="primary"):
        try:
            auth.require(ui.current_session(), "editor", store=store)
            with st.spinner(ctx.t("peta_disiapkan")):
                result = ingest.import_boundaries(store, up.getvalue(), level=level_b, file_name=up.name,
                                                  user=session.username)
        except RekamError as err:
            fail(err)
        else:
            ui.forget_upload("batas")
            ui.flash(ctx.t("tersimpan_batas", versi=result.version_id, jumlah=len(result.loaded.areas)))
            st.rerun()

with tabs["tab_titik"]:
    kind = st.radio(ctx.t("jenis_berkas"), list(ui.OTHER_IMPORTS), horizontal=True,
                    format_func=lambda v: ctx.t(f"berkas_{v}"))
    up = st.file_uploader(ctx.t("unggah_titik"), type=["csv", "xlsx"], key=ui.uploader_key("titik"))
    if up is not None and st.button(ctx.t("simpan"), key="simpan_titik", type="primary"):
        try:
            auth.require(ui.current_session(), "editor", store=store)
            version, count = ui.OTHER_IMPORTS[kind](store, up.getvalue(), up.name, session.username)
        except RekamError as err:
            fail(err)
        else:
            ui.forget_upload("titik")
            ui.flash(ctx.t("tersimpan_titik", versi=version, jumlah=count))
            st.rerun()

with tabs["tab_riwayat"]:
    history = ui.history_view(ctx)
    st.dataframe(history, hide_index=True, width="stretch")
    active = ui.active_versions(ctx)
    if active:
        pick = st.selectbox(ctx.t("pilih_versi"), active, format_func=lambda v: f"{ctx.t('versi')} {v}")
        sure = st.checkbox(ctx.t("yakin_batal", versi=pick))
        if st.button(ctx.t("batalkan_versi"), disabled=not sure):
            try:
                auth.require(ui.current_session(), "editor", store=store)
                store.rollback(pick, user=session.username)
            except RekamError as err:
                fail(err)
            else:
                ui.flash(ctx.t("dibatalkan", versi=pick))
                st.rerun()

with tabs["tab_templat"]:
    lvl = st.radio(ctx.t("jenis_templat"), ui.TEMPLATES, horizontal=True, key="templat_level",
                   format_func=lambda v: ctx.t(f"templat_{v}"))
    frame = ui.template_frame(ctx, lvl)
    st.dataframe(frame.head(10), hide_index=True)
    c1, c2 = st.columns(2)
    c1.download_button(ctx.t("unduh_csv"), to_csv_bytes(frame), f"templat_{ctx.area}_{lvl}.csv", "text/csv")
    c2.download_button(ctx.t("unduh_xlsx"), to_xlsx_bytes({"data": frame}), f"templat_{ctx.area}_{lvl}.xlsx")

if "tab_pengguna" in tabs:
    with tabs["tab_pengguna"]:
        st.dataframe(auth.list_users(store), hide_index=True)
        with st.form("user_add"):
            name = st.text_input(ctx.t("nama_pengguna"))
            role = st.selectbox(ctx.t("peran"), ["viewer", "editor", "admin"])
            password = st.text_input(ctx.t("kata_sandi"), type="password")
            if st.form_submit_button(ctx.t("tambah_pengguna")):
                try:
                    auth.require(ui.current_session(), "admin", store=store)
                    auth.add_user(store, name, password, role, actor=session.username, settings=load_settings())
                except RekamError as err:
                    fail(err)
                else:
                    ui.flash(ctx.t("data_pengguna_ditambah", nama=name))
                    st.rerun()
ui.show_flash()

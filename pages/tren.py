"""Tren: will the area reach its target in time (projected today), coverage over time for the area and
those that need attention, recordings per week, events, and when each area reaches the target."""
from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from geo import events, fmt, trend
from geo.io.events import MAX_NOTE_CHARS
from geo.present import trend as trend_words
from geo.schema import Col, RekamError, is_country
from ui import queries


title = st.empty()  # the page's name, then the chosen area's once it is picked below
ctx = ui.page_start("nav_tren", title=title, stale=False)  # old data: said with the verdict
settings = ctx.settings
names = ui.trend_names(ctx)  # {kode: (nama, level)} of the area and those inside it
name = lambda kode: names.get(kode, (kode, ""))[0]  # noqa: E731

answer = st.container()  # the verdict above the pickers: first on a phone, where they stack four deep
inputs = ui.trend_inputs(ctx, names)  # area, target, deadline, window (pickers hidden in screenshot mode)
area = inputs.area
title.header(ui.page_title(ctx, ctx.t("tren_judul", wilayah=name(area)), ""))
projection = ui.outlook(ctx, area, target=inputs.target, deadline=inputs.deadline.isoformat(), window=inputs.window)
# the answer in one line, then the projection in words (which says what to do about old data)
with answer:
    ui.verdict_and_age(ctx, projection, advise=False, **(ui.reach_levels(ctx) if area == ctx.area else {}))
newest = ui.newest_date(ctx, area)  # an answer on older figures points to the newest, not to an import
st.markdown("  \n".join(trend_words.headline(projection, settings.zones.hijau, ctx.lang, newest)))
m1, m2, m3, m4 = st.columns([1, 1, 1, 1.5])
m1.metric(ctx.t("tren_m_cakupan"), fmt.percent(projection[Col.CAKUPAN], 2, ctx.lang))
m2.metric(ctx.t("tren_m_laju"), fmt.rate(projection[trend.LAJU], ctx.lang))  # as the verdict above says it
m3.metric(ctx.t("tren_m_perlu"), fmt.number(projection[trend.LAJU_DIBUTUHKAN], lang=ctx.lang))
m4.metric(trend_words.when_label(projection, ctx.lang), trend_words.when_words(projection, ctx.lang, mark_past=False))
if projection[trend.LAJU] is not None:
    st.caption(ctx.t("tren_laju_keterangan", laju=fmt.rate(projection[trend.LAJU], ctx.lang),
                     awal=fmt.long_date(projection[trend.JENDELA_AWAL], ctx.lang),
                     akhir=fmt.long_date(projection[Col.TANGGAL], ctx.lang), hari=projection[trend.JENDELA_HARI]))

table = ui.pace_table(ctx, area, inputs.target, inputs.deadline, inputs.window)
source = ui.source_line(ctx, projection[Col.TANGGAL])
ranked = (ctx.is_province or ctx.is_country) and area == ctx.area  # its kabupaten/kota (provinsi) slowest first
if ranked:
    ui.pace_ranking(ctx, table, inputs, source)
shown = [area, *ui.chart_areas(ctx, area, table, names)]  # the area and those that need attention
weekly, facts = queries.weekly_and_notes(ctx.url, ctx.stamp, area, ctx.date)
area_events = queries.area_events(ctx.url, ctx.stamp, area, projection[Col.TANGGAL])
# Each chart's title as the page's text above it: it wraps on a phone, where a title drawn in the chart is cut.
# screenshot mode hides the picker: the note then names only the thick line
ui.chart_heading(ctx.t("tren_grafik_cakupan"), ctx.t("tren_grafik_garis" if ui.media_allowed() else
                                                     "tren_grafik_garis_tangkapan", wilayah=name(area)))
st.plotly_chart(ui.coverage_figure(ctx, area, shown, projection), width="stretch", key="tren_cakupan")
st.caption(source)
weeks = (weekly[Col.KODE] == area).any()
ui.chart_heading(ctx.t("tren_grafik_rekam", wilayah=name(area)), ctx.t("tren_grafik_rekam_catatan") if weeks else None)
if weeks:
    st.plotly_chart(ui.recordings_figure(ctx, area, projection[Col.TANGGAL]), width="stretch", key="tren_rekam")
    st.caption(source)
else:  # one data date: no interval to count recordings in, so no empty chart
    st.info(ctx.t("tren_rekam_kosong", tanggal=fmt.long_date(projection[Col.TANGGAL], ctx.lang)))
if ui.media_allowed():
    ui.download_menu(ctx, ("tren",), key="tren_unduh", within=area)

lines = trend_words.note_lines(facts, projection, ctx.lang)
if lines:
    st.subheader(ctx.t("tren_catatan"))
    st.markdown("\n".join(f"- {line}" for line in lines))

if not ranked:
    st.subheader(ctx.t("tren_tabel"))
    ui.trend_table(ctx, trend_words.projection_view(trend.slowest_first(table), ctx.lang))  # worst first
    st.caption(ctx.t("tren_tabel_urutan") + "  \n" + source)

st.subheader(ctx.t("peristiwa_judul"))
if len(area_events):
    ui.event_list(ctx, area_events, {k: n for k, (n, _) in names.items()})
else:
    st.caption(ctx.t("peristiwa_kosong_info"))

if not ui.media_allowed():  # screenshot mode: the story ends here
    st.stop()
if not ui.can(ctx, "editor"):
    st.caption(ctx.t("peristiwa_perlu_login"))
    st.stop()
with st.expander(ctx.t("peristiwa_tambah")), st.form("tren_peristiwa", clear_on_submit=True):
    f1, f2 = st.columns(2)
    days = f1.date_input(ctx.t("peristiwa_f_tanggal"), value=(date.today(), date.today()), format="DD/MM/YYYY",
                         key="tren_f_tanggal")
    ongoing = f1.checkbox(ctx.t("peristiwa_f_berlangsung"), key="tren_f_berlangsung")
    options = sorted(k for k in names if not is_country(k))  # an event happens in an area of the store
    kode = f2.selectbox(ctx.t("peristiwa_f_wilayah"), options, index=options.index(area) if area in options else 0,
                        format_func=lambda k: f"{name(k)} ({k})", key="tren_f_wilayah")
    jenis = f2.selectbox(ctx.t("peristiwa_f_jenis"), events.EVENT_KINDS, key="tren_f_jenis",
                         format_func=lambda j: trend_words.event_label(j, ctx.lang))
    note = st.text_input(ctx.t("peristiwa_f_keterangan"), max_chars=MAX_NOTE_CHARS, key="tren_f_keterangan")
    if st.form_submit_button(ctx.t("peristiwa_f_simpan"), type="primary"):
        picked = list(days) if isinstance(days, (tuple, list)) else [days]  # a range may hold one day only
        start, end = (picked[0], picked[-1]) if picked else (None, None)
        try:
            version = ui.save_event(ctx, kode, jenis, start, None if ongoing else end, note)
        except RekamError as err:
            ui.fail(ctx, err)
        else:
            ui.flash(ctx.t("peristiwa_tersimpan", versi=version))
            st.rerun()
ui.show_flash()

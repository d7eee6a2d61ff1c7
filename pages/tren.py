"""Tren: coverage over time, recordings per week, events, and when each area reaches the target."""
from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from geo import auth, events, fmt, timeline, trend
from geo.io.events import MAX_NOTE_CHARS
from geo.present import trend as trend_words
from geo.render import trend_charts
from geo.schema import Col, Level, RekamError
from geo.config import load_settings
from geo.text import describe


@st.cache_data(show_spinner=False, max_entries=32)
def _names(url: str, stamp: tuple[int, int], kabupaten: str) -> dict[str, tuple[str, str]]:
    areas = ui.store().areas(within=kabupaten)
    return dict(zip(areas[Col.KODE], zip(areas[Col.NAMA], areas[Col.LEVEL])))


@st.cache_data(show_spinner=False, max_entries=32)
def _series(url: str, stamp: tuple[int, int], area: str, end: str | None):
    return timeline.series(ui.store(), area, end=end)


@st.cache_data(show_spinner=False, max_entries=64)
def _projection(url, stamp, area: str, end: str | None, target: float, deadline: date, window: int) -> dict:
    frame = _series(url, stamp, area, end)
    return trend.projection(frame[frame[Col.KODE] == area], target_pct=target, deadline=deadline, window_days=window)


@st.cache_data(show_spinner=False, max_entries=64)
def _table(url, stamp, area: str, end: str | None, target: float, deadline: date, window: int):
    return trend.projection_table(ui.store(), area, target_pct=target, deadline=deadline, window_days=window,
                                  as_of=end, frame=_series(url, stamp, area, end))


@st.cache_data(show_spinner=False, max_entries=32)
def _events(url: str, stamp: tuple[int, int], area: str, until: str | None, kinds: tuple[str, ...] | None = None):
    return trend.events_for(events.events(ui.store(), area, open_until=until, kinds=kinds), area)


@st.cache_data(show_spinner=False, max_entries=32)
def _weekly_and_notes(url: str, stamp: tuple[int, int], area: str, end: str | None):
    frame = _series(url, stamp, area, end)
    return timeline.weekly_recordings(frame), events.notes(frame, area)


ctx = ui.context()
title = st.empty()  # filled once the area is picked below
ui.demo_banner(ctx)
if ctx.area is None:
    title.header(ctx.t("nav_tren"))
    st.warning(ctx.t("belum_ada_data"))
    st.stop()
settings = load_settings()
names = _names(ctx.url, ctx.stamp, ctx.area)
name = lambda kode: names.get(kode, (kode, ""))[0]  # noqa: E731

c1, c2, c3, c4 = st.columns([2.2, 1, 1, 1])
kecamatan = [k for k, (_, level) in names.items() if level == Level.KECAMATAN.value]
if st.session_state.get("tren_area") not in (ctx.area, *kecamatan):  # another kabupaten was picked
    st.session_state["tren_area"] = ctx.area
area = c1.selectbox(ctx.t("tren_wilayah"), [ctx.area, *kecamatan], key="tren_area",
                    format_func=lambda k: ctx.t("tren_seluruh", nama=name(k)) if k == ctx.area else f"{name(k)} ({k})")
target = c2.number_input(ctx.t("tren_target"), min_value=1.0, max_value=100.0, value=float(settings.zones.hijau),
                         step=0.5, help=ctx.t("tren_target_bantuan"), key="tren_target")
data_year = int((ctx.date or date.today().isoformat())[:4])
deadline = c3.date_input(ctx.t("tren_tenggat"), value=date(data_year, 12, 31), format="DD/MM/YYYY",
                         key="tren_tenggat")
window = int(c4.number_input(ctx.t("tren_jendela"), min_value=1, max_value=365, value=28, step=7,
                             help=ctx.t("tren_jendela_bantuan"), key="tren_jendela"))

title.header(ctx.t("tren_judul", wilayah=name(area)))
projection = _projection(ctx.url, ctx.stamp, area, ctx.date, target, deadline, window)
for i, line in enumerate(trend_words.headline(projection, settings.zones.hijau, ctx.lang)):
    st.markdown(("#### " if i == 0 else "") + line)
m1, m2, m3, m4 = st.columns([1, 1, 1, 1.5])
m1.metric(ctx.t("tren_m_cakupan"), fmt.percent(projection[Col.CAKUPAN], 2, ctx.lang))
m2.metric(ctx.t("tren_m_laju"), fmt.number(projection[trend.LAJU], 1, ctx.lang))
m3.metric(ctx.t("tren_m_perlu"), fmt.number(projection[trend.LAJU_DIBUTUHKAN], lang=ctx.lang))
m4.metric(ctx.t("tren_m_tanggal"), trend_words.when_words(projection, ctx.lang))
if projection[trend.LAJU] is not None:
    st.caption(ctx.t("tren_laju_keterangan", laju=fmt.number(projection[trend.LAJU], 1, ctx.lang),
                     awal=fmt.long_date(projection[trend.JENDELA_AWAL], ctx.lang),
                     akhir=fmt.long_date(projection[Col.TANGGAL], ctx.lang), hari=projection[trend.JENDELA_HARI]))

series = _series(ctx.url, ctx.stamp, area, ctx.date)
area_events = _events(ctx.url, ctx.stamp, area, projection[Col.TANGGAL])
chart_events = _events(ctx.url, ctx.stamp, area, projection[Col.TANGGAL], events.COVERAGE_CHART_KINDS)
weekly, facts = _weekly_and_notes(ctx.url, ctx.stamp, area, ctx.date)
source = ui.source_line(ctx, projection[Col.TANGGAL])
st.plotly_chart(trend_charts.coverage_lines(
    series, settings, ctx.lang, title=ctx.t("tren_grafik_cakupan"),
    subtitle=ctx.t("tren_grafik_cakupan_sub", wilayah=name(area)), events=chart_events, projection=projection,
    within=area), width="stretch", height=560, key="tren_cakupan")
st.caption(source)
st.plotly_chart(trend_charts.recordings_bars(weekly, area_events, settings, ctx.lang,
                                             title=ctx.t("tren_grafik_rekam", wilayah=name(area)), kode=area),
                width="stretch", key="tren_rekam")
st.caption(source)
if not st.session_state.get("screenshot"):
    ui.download_menu(ctx, ("tren",), key="tren_unduh", within=area)

lines = trend_words.note_lines(facts, projection, ctx.lang)
if lines:
    st.subheader(ctx.t("tren_catatan"))
    st.markdown("\n".join(f"- {line}" for line in lines))

st.subheader(ctx.t("tren_tabel"))
table = _table(ctx.url, ctx.stamp, area, ctx.date, target, deadline, window)
st.dataframe(trend_words.projection_view(table, ctx.lang), hide_index=True, width="stretch")
st.caption(source)

st.subheader(ctx.t("peristiwa_judul"))
if len(area_events):
    st.dataframe(trend_words.events_view(area_events, {k: n for k, (n, _) in names.items()}, ctx.lang),
                 hide_index=True, width="stretch")
else:
    st.caption(ctx.t("peristiwa_kosong_info"))

session = ui.current_session()
if not auth.can(session, "editor", store=ui.store(ctx)):
    st.caption(ctx.t("peristiwa_perlu_login"))
    st.stop()
with st.expander(ctx.t("peristiwa_tambah")), st.form("tren_peristiwa", clear_on_submit=True):
    f1, f2 = st.columns(2)
    days = f1.date_input(ctx.t("peristiwa_f_tanggal"), value=(date.today(), date.today()), format="DD/MM/YYYY",
                         key="tren_f_tanggal")
    ongoing = f1.checkbox(ctx.t("peristiwa_f_berlangsung"), key="tren_f_berlangsung")
    options = sorted(names)
    kode = f2.selectbox(ctx.t("peristiwa_f_wilayah"), options, index=options.index(area),
                        format_func=lambda k: f"{name(k)} ({k})", key="tren_f_wilayah")
    jenis = f2.selectbox(ctx.t("peristiwa_f_jenis"), events.EVENT_KINDS, key="tren_f_jenis",
                         format_func=lambda j: trend_words.event_label(j, ctx.lang))
    note = st.text_input(ctx.t("peristiwa_f_keterangan"), max_chars=MAX_NOTE_CHARS, key="tren_f_keterangan")
    if st.form_submit_button(ctx.t("peristiwa_f_simpan"), type="primary"):
        picked = list(days) if isinstance(days, (tuple, list)) else [days]  # a range may hold one day only
        start, end = (picked[0], picked[-1]) if picked else (None, None)
        try:
            store = ui.store(ctx)
            auth.require(ui.current_session(), "editor", store=store)
            version = events.add_event(store, kode, jenis, start, None if ongoing else end, note, session.username)
        except RekamError as err:
            st.error(describe(err, ctx.lang))
        else:
            ui.flash(ctx.t("peristiwa_tersimpan", versi=version))
            st.rerun()
ui.show_flash()

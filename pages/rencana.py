"""Rencana Jemput Bola: where the mobile recording units go, day by day (the planner is geo.plan)."""
from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

import ui
from geo import auth, fmt
from geo import plan as planner
from geo.columns import EXPECTED, UNIT
from geo.config import PLAN_OBJECTIVES, load_settings
from geo.present import plan as plan_view
from geo.present import plan_explain as why
from geo.render.plan_map import plan_image, plan_map
from geo.schema import Level, RekamError
from geo.text import describe

ctx = ui.page_start("nav_rencana")


@st.cache_data(show_spinner=False, max_entries=16)
def _bases(url: str, stamp: tuple[int, int], area: str) -> dict[str, str]:
    offices = planner.bases(ui.store(ctx), area)
    return dict(zip(offices["id"], offices["nama"]))


@st.cache_data(show_spinner=False, max_entries=32)
def _plan(url, stamp, area, data_date, base_id, max_km, schools, units, capacity, days, response, start, weekends,
          objective, controls: tuple, travel: tuple):
    store, trip = ui.store(ctx), planner.Travel(**dict(travel))
    focus, only_red_yellow, exclude, fixed = controls
    sites = planner.candidate_sites(store, area, date=data_date, base_id=base_id, max_km=max_km or None,
                                    include_schools=schools, zones=load_settings().zones, travel=trip, focus=focus,
                                    only_zones=("merah", "kuning") if only_red_yellow else None, exclude=exclude,
                                    keep=[k for _, _, k in fixed])
    return planner.plan_visits(sites, units=units, capacity=capacity, days=days, response=response, start=start,
                               weekends=weekends, objective=objective, base=planner.base_point(store, area, base_id),
                               travel=trip, zones=load_settings().zones, fixed=fixed)


@st.cache_data(show_spinner=False, max_entries=16)
def _places(url: str, stamp: tuple[int, int], area: str, data_date) -> dict[str, str]:
    """Kecamatan, desa and schools a planner may name: code → 'name (kecamatan)'."""
    sites = planner.candidate_sites(ui.store(ctx), area, date=data_date)
    kec = dict(zip(sites["kode_kecamatan"], sites["kecamatan"]))
    return {**{k: f"Kec. {n}" for k, n in sorted(kec.items())},
            **{k: f"{n} ({kc})" for k, n, kc in zip(sites["kode"], sites["nama"], sites["kecamatan"])}}


def fail(err: RekamError) -> None:
    st.error(describe(err, ctx.lang))


def num(value, decimals: int = 0) -> str:
    return fmt.number(value, decimals, ctx.lang)


office_names = _bases(ctx.url, ctx.stamp, ctx.area)
if not office_names:
    st.warning(ctx.t("rencana_tanpa_basis", wilayah=ctx.area))
    st.stop()

c = st.columns(4)  # inputs: the planner's parameters
units = c[0].number_input(ctx.t("rencana_in_unit"), 1, 20, 3, key="rencana_units")
capacity = c[1].number_input(ctx.t("rencana_in_kapasitas"), 1, 200, 40, key="rencana_capacity")
days = c[2].number_input(ctx.t("rencana_in_hari"), 1, 60, 10, key="rencana_days")
start = c[3].date_input(ctx.t("rencana_in_mulai"), value=date.today(), format="DD/MM/YYYY", key="rencana_start")
c = st.columns(4)
response = c[0].slider(ctx.t("rencana_in_respons"), 5, 100, 50, 5, format="%d%%",
                       help=ctx.t("rencana_in_respons_bantuan")) / 100  # shown as a percent, used as a share
base_id = c[1].selectbox(ctx.t("rencana_in_basis"), list(office_names), format_func=office_names.get)
max_km = c[2].number_input(ctx.t("rencana_in_jarak"), 0, 1000, 0, 5, key="rencana_max_km")
weekends = c[3].checkbox(ctx.t("rencana_in_akhir_pekan"))
schools = c[3].checkbox(ctx.t("rencana_in_sekolah"), value=True)
objective = st.selectbox(ctx.t("rencana_in_tujuan"), PLAN_OBJECTIVES, key="rencana_tujuan",
                         format_func=lambda o: why.objective_label(o, ctx.lang))
st.caption(why.objective_sentence(objective, ctx.lang))
places = _places(ctx.url, ctx.stamp, ctx.area, ctx.date)
with st.expander(ctx.t("rencana_kendali")):  # the planners' controls: which sites, and promised visits
    c = st.columns([2, 1, 2])
    kecamatan = {k: v for k, v in places.items() if k.count(".") == 2}
    focus = c[0].multiselect(ctx.t("rencana_in_fokus"), list(kecamatan), format_func=places.get, key="rencana_fokus")
    only_red_yellow = c[1].checkbox(ctx.t("rencana_in_hanya_mk"), key="rencana_mk")
    exclude = c[2].multiselect(ctx.t("rencana_in_kecuali"), list(places), format_func=places.get,
                               key="rencana_kecuali")
    site_codes = {label: k for k, label in places.items() if k not in kecamatan}  # a promised visit: name → code
    fixed_rows = st.data_editor(
        pd.DataFrame({"unit": pd.Series(dtype="Int64"), "hari": pd.Series(dtype="Int64"),
                      "lokasi": pd.Series(dtype=object)}), num_rows="dynamic", key="rencana_tetap",
        column_config={"unit": st.column_config.NumberColumn(ctx.t("rencana_kol_unit"), min_value=1, step=1),
                       "hari": st.column_config.NumberColumn(ctx.t("rencana_kol_hari"), min_value=1, step=1),
                       "lokasi": st.column_config.SelectboxColumn(ctx.t("rencana_kol_nama"), options=list(site_codes))},
        hide_index=True, width="stretch")
    st.caption(ctx.t("rencana_in_tetap"))
with st.expander(ctx.t("rencana_perjalanan_judul")):
    c, defaults = st.columns(6), planner.Travel()
    travel = tuple((field, float(c[i].number_input(ctx.t(label), value=getattr(defaults, field), step=step,
                                                  min_value=low, key=f"rencana_{field}")))
                   for i, (field, label, step, low) in enumerate((
                       ("road_factor", "rencana_in_faktor", 0.1, 1.0), ("road_kmh", "rencana_in_kecepatan", 5.0, 1.0),
                       ("boat_kmh", "rencana_in_perahu", 1.0, 1.0), ("crossing_wait_h", "rencana_in_tunggu", 0.25, 0.0),
                       ("day_h", "rencana_in_hari_jam", 0.5, 1.0), ("easy_reach_h", "rencana_in_mudah", 0.05, 0.0))))
fixed = tuple((int(r["unit"]), int(r["hari"]), site_codes[r["lokasi"]]) for r in fixed_rows.to_dict("records")
              if pd.notna(r["unit"]) and pd.notna(r["hari"]) and r["lokasi"] in site_codes)
controls = (tuple(focus), only_red_yellow, tuple(exclude), fixed)

inputs = (ctx.url, ctx.stamp, ctx.area, ctx.date, base_id, max_km, schools, units, capacity, days, response,
          start.isoformat(), weekends, objective, controls, travel)
try:
    base_plan = _plan(*inputs)
except RekamError as err:
    fail(err)
    st.stop()
if base_plan.sites.empty:
    st.warning(ctx.t("rencana_tanpa_lokasi"))
    st.stop()

top = st.container()
tab_keys = ["jadwal", "ubah", "cakupan", "peta", "cetak", "simpan"]
tabs = dict(zip(tab_keys, st.tabs([ctx.t(f"rencana_tab_{k}") for k in tab_keys])))

with tabs["ubah"]:
    st.caption(ctx.t("rencana_ubah_bantuan"))
    labels = plan_view.site_table_labels(ctx.lang)
    config = {col: st.column_config.Column(label) for col, label in labels.items()}
    config["pilih"] = st.column_config.CheckboxColumn(labels["pilih"])
    edited = st.data_editor(plan_view.site_table(base_plan, ctx.lang), column_config=config, hide_index=True,
                            disabled=[col for col in labels if col != "pilih"], key=f"rencana_edit_{hash(inputs)}",
                            height=740)  # 20 rows: every planned site and the first left out
    try:
        plan = planner.apply_edits(base_plan, **planner.edits_from_table(base_plan, edited))
    except RekamError as err:
        fail(err)
        plan = base_plan

with top:
    for col, (label, value, delta, arrow) in zip(st.columns(4), plan_view.plan_metrics(plan, ctx.lang)):
        col.metric(label, value, delta, delta_arrow="auto" if arrow else "off",
                   delta_color="normal" if arrow else "off")
    st.markdown(why.headline(plan, ctx.lang))
    for note in why.red_notes(plan, ctx.lang):
        st.warning(note)
    st.caption(plan_view.method_note(plan, ctx.lang) + " " + ui.source_line(ctx, ctx.date))

with tabs["jadwal"]:
    st.dataframe(plan_view.schedule_grid(plan, ctx.lang), hide_index=True, width="stretch")
    st.caption(" · ".join(ctx.t("rencana_total_unit", n=u, jumlah=num(e)) for u, e in
                          zip(plan.totals[UNIT], plan.totals[EXPECTED])))
    st.dataframe(why.visits_view(plan, ctx.lang), hide_index=True, width="stretch")

with tabs["cakupan"]:
    zones = planner.zones_before_after(ui.store(ctx), ctx.area, plan, ctx.date, zones=load_settings().zones)
    st.dataframe(why.zones_view(zones, ctx.lang), hide_index=True)
    st.dataframe(why.baselines_view(plan, ctx.lang), hide_index=True, width="stretch")
    after = planner.coverage_after(ui.store(ctx), ctx.area, plan, ctx.date, zones=load_settings().zones)
    st.dataframe(plan_view.coverage_after_view(after, ctx.lang), hide_index=True, width="stretch")

with tabs["peta"]:
    desa = ui.coverage_table(ctx.url, ctx.stamp, Level.DESA.value, ctx.area, ctx.date, geometry=True)
    ui.show_folium(plan_map(plan, areas=desa, lang=ctx.lang), key="rencana_peta", height=520)
    if not st.session_state.get("screenshot"):  # the plan as an image: sizes, formats, names as ui.download_menu
        kecamatan = ui.coverage_table(ctx.url, ctx.stamp, Level.KECAMATAN.value, ctx.area, ctx.date, geometry=True)
        ui.image_menu(ctx, partial(plan_image, plan, desa, outline=kecamatan, data_date=ctx.date,
                                   area_name=dict(ui.kabupaten_list(ctx.url, ctx.stamp)).get(ctx.area),
                                   settings=load_settings(), lang=ctx.lang), key="rencana_gambar", kind="rencana")

with tabs["cetak"]:
    st.download_button(ctx.t("rencana_unduh_xlsx"), plan_view.itinerary_xlsx(plan, ctx.lang),
                       file_name="rencana_jemput_bola.xlsx", key="rencana_unduh")
    st.markdown(plan_view.itinerary_markdown(plan, ctx.lang))

with tabs["simpan"]:
    session = ui.login_box(ctx)
    if not auth.can(session, "editor"):
        st.info(ctx.t("rencana_perlu_login"))
        st.stop()
    store = ui.store(ctx)
    c = st.columns([3, 1, 1], vertical_alignment="bottom")
    name, overwrite = c[0].text_input(ctx.t("rencana_nama"), key="rencana_nama"), c[1].checkbox(ctx.t("rencana_timpa"))
    if c[2].button(ctx.t("rencana_simpan"), key="rencana_simpan"):
        try:
            planner.save_plan(store, plan, name, within=ctx.area, data_date=ctx.date, user=session.username,
                              overwrite=overwrite)
            st.success(ctx.t("rencana_tersimpan", nama=name.strip()))
        except RekamError as err:
            fail(err)
    chosen = st.selectbox(ctx.t("rencana_pilih_tersimpan"), list(planner.list_plans(store, ctx.area)["name"]))
    if chosen is None:
        st.stop()
    table = planner.planned_vs_actual(store, chosen)
    for col, (label, value, delta) in zip(st.columns(3), plan_view.actual_metrics(table, ctx.lang)):
        col.metric(label, value, delta)
    view, actual_col = plan_view.actuals_view(table, ctx.lang), ctx.t("rencana_kol_aktual")
    entered = st.data_editor(view, hide_index=True, key=f"rencana_aktual_{chosen}",
                             disabled=[col for col in view.columns if col != actual_col],
                             column_config={actual_col: st.column_config.NumberColumn(min_value=0, step=1)})
    if st.button(ctx.t("rencana_simpan_aktual"), key="rencana_simpan_aktual"):
        try:
            n = planner.record_actuals(store, chosen, plan_view.actuals_from_view(entered, ctx.lang),
                                       user=session.username)
            ui.flash(ctx.t("rencana_aktual_tersimpan", jumlah=n))
            st.rerun()
        except RekamError as err:
            fail(err)
    ui.show_flash()

"""Rencana Jemput Bola: where the mobile recording units go, day by day (the planner is geo.plan)."""
from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

import ui
from geo import fmt
from geo import plan as planner
from geo.columns import EXPECTED, UNIT
from geo.config import DEFAULT_THROUGHPUT
from geo.present import plan as plan_view
from geo.present import plan_explain as why
from geo.render.plan_map import plan_image, plan_map
from geo.schema import Level, RekamError
from ui import queries

ctx = ui.page_start("nav_rencana", login=True)  # editors save plans and enter actual figures
ui.kabupaten_only(ctx, "rencana_per_kabupaten")  # a provinsi or the country: its kabupaten/kota to pick
zones = ctx.settings.zones


def num(value, decimals: int = 0) -> str:
    return fmt.number(value, decimals, ctx.lang)


offices = queries.plan_bases(ctx.url, ctx.stamp, ctx.area)
if not offices:
    st.warning(ctx.t("rencana_tanpa_basis", wilayah=ui.area_name(ctx)))
    st.stop()

ui.carry_widgets(*ui.PLAN_INPUTS)  # the plan's settings kept across a look at another page
top = st.container()  # the answer first: the plan's figures and why, above the inputs that made it
c = st.columns(4)  # inputs: the planner's parameters
units = ui.unit_input(ctx, c[0])  # the inventory's working mobile sets by default
capacity = c[1].number_input(ctx.t("rencana_in_kapasitas"), 1, 200, int(DEFAULT_THROUGHPUT), key="rencana_capacity",
                             help=ctx.t("rencana_kapasitas_bantuan", n=int(DEFAULT_THROUGHPUT)))
days = c[2].number_input(ctx.t("rencana_in_hari"), 1, 60, 10, key="rencana_days")
start = c[3].date_input(ctx.t("rencana_in_mulai"), value=date.today(), format="DD/MM/YYYY", key="rencana_start")
ui.units_note(ctx, units, top)  # a plan using more units than work: warned above its first week
c = st.columns([2, 1, 1])
response = c[0].slider(ctx.t("rencana_in_respons"), 5, 100, 50, 5, format="%d%%", key="rencana_respons",
                       help=ctx.t("rencana_in_respons_bantuan")) / 100  # shown as a percent, used as a share
max_km = c[1].number_input(ctx.t("rencana_in_jarak"), 0, 1000, 0, 5, key="rencana_max_km")
weekends = c[2].checkbox(ctx.t("rencana_in_akhir_pekan"), key="rencana_akhir_pekan")
schools = c[2].checkbox(ctx.t("rencana_in_sekolah"), value=True, key="rencana_sekolah")
# a row of its own: an office's whole name ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten …") fits
base_id = st.selectbox(ctx.t("rencana_in_basis"), list(offices), key="rencana_basis",
                       format_func=lambda i: why.base_name(offices[i], ctx.lang))
objective, controls, travel = ui.plan_controls(ctx)

inputs = (ctx.url, ctx.stamp, ctx.area, ctx.date, base_id, max_km, schools, units, capacity, days, response,
          start.isoformat(), weekends, objective, controls, travel, zones)
try:
    base_plan = queries.plan(*inputs)
except RekamError as err:
    ui.fail(ctx, err)
    st.stop()
if base_plan.sites.empty:
    st.warning(ctx.t("rencana_tanpa_lokasi"))
    st.stop()

tab_keys = ["jadwal", "ubah", "cakupan", "peta", "cetak", "simpan"]
tabs = dict(zip(tab_keys, st.tabs([ctx.t(f"rencana_tab_{k}") for k in tab_keys])))

with tabs["ubah"]:
    st.caption(ctx.t("rencana_ubah_bantuan"))
    labels = plan_view.site_table_labels(ctx.lang)
    config = {col: st.column_config.Column(label) for col, label in labels.items()}
    config["pilih"] = st.column_config.CheckboxColumn(labels["pilih"])
    edited = st.data_editor(plan_view.site_table(base_plan, ctx.lang), column_config=config, hide_index=True,
                            disabled=[col for col in labels if col != "pilih"], key=f"rencana_edit_{hash(inputs)}",
                            column_order=plan_view.SITE_TABLE_SHOWN,  # the rest stays in the data, off screen
                            height=740)  # 20 rows: every planned site and the first left out
    try:
        plan = planner.apply_edits(base_plan, **planner.edits_from_table(base_plan, edited))
    except RekamError as err:
        ui.fail(ctx, err)
        plan = base_plan

with top:
    ui.first_week(ctx, plan)  # where the units go first, and why there
    for col, (label, value, delta, arrow), tip in zip(st.columns(4), plan_view.plan_metrics(plan, ctx.lang),
                                                      plan_view.metric_help(ctx.lang)):
        col.metric(label, value, delta, delta_arrow="auto" if arrow else "off", help=tip,
                   delta_color="normal" if arrow else "off")
    st.markdown(why.headline(plan, ctx.lang))
    ui.reach_notice(ctx, Level.KECAMATAN.value, key="rencana_sebagian")  # desa without data are never visited
    base_note = why.provisional_base_note(plan.base, ui.area_name(ctx), ctx.lang)
    if base_note:
        st.warning(base_note)
    ui.red_notes_view(ctx, plan)
    ui.thin_margin_notes(ctx, plan)  # a zone change resting on a few people's turnout: said
    ui.late_data_notes(ctx, plan)  # figures of offline sites arrive late: ask before the units set out
    st.caption(plan_view.method_note(plan, ctx.lang) + " " + ui.source_line(ctx, ctx.date))

with tabs["jadwal"]:
    ui.schedule_table(ctx, plan)  # each unit's column as wide as its longest place
    st.caption(" · ".join(ctx.t("rencana_total_unit", n=u, jumlah=num(e)) for u, e in
                          zip(plan.totals[UNIT], plan.totals[EXPECTED])))
    # each visit's reason under the table, not in a column wider than the screen
    ui.fitted_table(ctx, why.visits_view(plan, ctx.lang), hide=("rencana_kol_alasan",))
    ui.visit_reasons(ctx, plan)

with tabs["cakupan"]:
    ui.grid(why.zones_view(ui.zones_before_after(ctx, plan), ctx.lang))
    ui.grid(why.baselines_view(plan, ctx.lang), width="stretch")
    after = ui.coverage_after(ctx, plan)
    ui.grid(plan_view.coverage_after_view(after, ctx.lang), width="stretch")

with tabs["peta"]:
    desa = queries.coverage_table(ctx.url, ctx.stamp, Level.DESA.value, ctx.area, ctx.date, zones, geometry=True)
    ui.show_folium(plan_map(plan, areas=desa, lang=ctx.lang), key="rencana_peta", height=520)
    if ui.media_allowed():  # the plan as an image: sizes, formats, names as ui.download_menu
        kecamatan = queries.coverage_table(ctx.url, ctx.stamp, Level.KECAMATAN.value, ctx.area, ctx.date, zones,
                                           geometry=True)
        ui.image_menu(ctx, partial(plan_image, plan, desa, outline=kecamatan, data_date=ctx.date,
                                   area_name=ui.area_name(ctx),
                                   settings=ctx.settings, lang=ctx.lang), key="rencana_gambar", kind="rencana")

with tabs["cetak"]:
    ui.plan_prints(ctx, plan)  # the crews' sheets (PDF), the schedule (XLSX), the itinerary to print

with tabs["simpan"]:
    ui.saved_plans_panel(ctx, plan)

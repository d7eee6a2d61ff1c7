"""The planner's store side for the Rencana page: coverage after a plan, saving a plan, and the
actual figures of a saved plan (entered by editors, compared with what was planned)."""
from __future__ import annotations

import streamlit as st

from geo import auth
from geo import plan as planner
from geo.present import plan as plan_view
from geo.schema import RekamError
from ui import queries
from ui.account import current_session, require
from ui.context import Context, fail, flash, show_flash


def coverage_after(ctx: Context, plan):
    """Coverage per desa if the plan records what it expects (see geo.plan.coverage_after)."""
    return planner.coverage_after(queries.store(ctx.url), ctx.area, plan, ctx.date, zones=ctx.settings.zones)


def saved_plans_panel(ctx: Context, plan) -> None:
    """Save the plan under a name; pick a saved plan and enter what each visit really recorded.

    Editors only: others are asked to log in (the login box is in the sidebar).
    """
    if not auth.can(current_session(), "editor"):
        st.info(ctx.t("rencana_perlu_login"))
        st.stop()
    store = queries.store(ctx.url)
    c = st.columns([3, 1, 1], vertical_alignment="bottom")
    name, overwrite = c[0].text_input(ctx.t("rencana_nama"), key="rencana_nama"), c[1].checkbox(ctx.t("rencana_timpa"))
    if c[2].button(ctx.t("rencana_simpan"), key="rencana_simpan"):
        try:
            session = require(ctx, "editor")
            planner.save_plan(store, plan, name, within=ctx.area, data_date=ctx.date, user=session.username,
                              overwrite=overwrite, writer_area=session.wilayah)
            st.success(ctx.t("rencana_tersimpan", nama=name.strip()))
        except RekamError as err:
            fail(ctx, err)
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
            session = require(ctx, "editor")
            n = planner.record_actuals(store, chosen, plan_view.actuals_from_view(entered, ctx.lang),
                                       user=session.username, writer_area=session.wilayah)
            flash(ctx.t("rencana_aktual_tersimpan", jumlah=n))
            st.rerun()
        except RekamError as err:
            fail(ctx, err)
    show_flash()

"""The planner's store side for the Rencana page: coverage after a plan, saving a plan, and the
actual figures of a saved plan (entered by editors, compared with what was planned)."""
from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from geo import auth, fmt
from geo import plan as planner
from geo.columns import STATUS
from geo.config import PLAN_OBJECTIVES, PLAN_UNITS
from geo.present import plan as plan_view
from geo.present import plan_explain as why
from geo.schema import Level, RekamError
from ui import queries
from ui.account import current_session, require
from ui.context import Context, fail, flash, show_flash
from ui.downloads import XLSX_MIME, download
from ui.state import area_name
from ui.tables import columns_fit, grid, plain



def coverage_after(ctx: Context, plan, level: Level = Level.KECAMATAN):
    """Coverage per area of ``level`` if the plan records what it expects (``geo.plan.after_plan`` of
    the cached coverage table: a rerun reads nothing from the store)."""
    now = queries.coverage_table(ctx.url, ctx.stamp, level.value, ctx.area, ctx.date, ctx.settings.zones)
    return planner.after_plan(now, plan, level, ctx.settings.zones)


def zones_before_after(ctx: Context, plan):
    """Zones per desa and kecamatan before and after the plan (``geo.plan.zone_changes``)."""
    return planner.zone_changes({level: coverage_after(ctx, plan, level) for level in (Level.KECAMATAN, Level.DESA)})


TRAVEL_INPUTS = (  # Travel field, label, step, lowest
    ("road_factor", "rencana_in_faktor", 0.1, 1.0), ("road_kmh", "rencana_in_kecepatan", 5.0, 1.0),
    ("boat_kmh", "rencana_in_perahu", 1.0, 1.0), ("crossing_wait_h", "rencana_in_tunggu", 0.25, 0.0),
    ("day_h", "rencana_in_hari_jam", 0.5, 1.0), ("easy_reach_h", "rencana_in_mudah", 0.05, 0.0))


def first_week(ctx: Context, plan) -> None:
    """The planner's answer first: where the units go in the plan's first week and why there, one line
    per place (``geo.present.plan_explain.first_week``; names from files shown as written)."""
    week = why.first_week(plan, ctx.lang)
    if week is None:
        return
    title, places = week
    lines = [f"**{plain(title)}**", *(f"- **{plain(name)}** — {plain(rest)}" for name, rest in places)]
    st.success("\n".join(lines), icon=":material/airport_shuttle:")


@st.cache_data(show_spinner=False, max_entries=16)
def red_notes(plan, lang: str) -> list[str]:
    """``geo.present.plan_explain.red_notes`` of a plan, made once per plan and language: it rebuilds
    the plan's value model (a tenth of a second), which a rerun of the page needs not repeat."""
    return why.red_notes(plan, lang)


RED_NOTES_SHOWN = 2  # red kecamatan left out said one by one; more are counted, their reasons one click away


def red_notes_view(ctx: Context, plan) -> None:
    """The merah kecamatan the plan leaves out, each with why: a warning each when they are few; when
    many (a real kabupaten's plan leaves dozens), one warning counting them and the reasons in an
    expander, so that the plan itself stays on the first screen."""
    notes = red_notes(plan, ctx.lang)
    if len(notes) <= RED_NOTES_SHOWN:
        for note in notes:
            st.warning(note)
        return
    st.warning(ctx.t("rencana_merah_banyak", n=fmt.number(len(notes), lang=ctx.lang)))
    with st.expander(ctx.t("rencana_merah_alasan", n=fmt.number(len(notes), lang=ctx.lang))):
        st.markdown("\n".join(f"- {plain(note)}" for note in notes))


def schedule_table(ctx: Context, plan) -> None:
    """The schedule, a day a row and a unit a column, each column as wide as its longest place: on a phone
    the grid scrolls sideways instead of cutting "Teluk Makmur (30)" to "Telu…"."""
    view = plan_view.schedule_grid(plan, ctx.lang)
    grid(view, width="stretch", column_config=columns_fit(view, view.columns[1:]))


def thin_margin_notes(ctx: Context, plan) -> None:
    """A warning per kecamatan the plan lifts a zone by a hair (``geo.present.plan_explain.thin_margins``):
    the headline's zone change rests on the expected turnout."""
    for note in why.thin_margins(coverage_after(ctx, plan, Level.KECAMATAN), ctx.settings.zones,
                                 plan.params["response"], ctx.lang):
        st.warning(plain(note), icon=":material/balance:")


def unit_input(ctx: Context, column) -> int:
    """The number of mobile units, by default the working mobile sets of the inventory (PLAN_UNITS
    without one)."""
    mobiles = queries.mobile_units(ctx.url, ctx.stamp, ctx.area)
    working = int((mobiles[STATUS] == "aktif").sum())
    return column.number_input(ctx.t("rencana_in_unit"), 1, 20, working or PLAN_UNITS, key="rencana_units")


def units_note(ctx: Context, units: int, answer) -> None:
    """What the inventory says under the inputs: which mobile sets work and which are down; a plan using
    more units than work is warned in ``answer`` (the container above the first week's places), where the
    plan is read first."""
    note = plan_view.units_note(queries.mobile_units(ctx.url, ctx.stamp, ctx.area), units, ctx.lang)
    if note:
        (answer.warning if note[0] == "warning" else st.caption)(plain(note[1]))


def late_data_notes(ctx: Context, plan) -> None:
    """A warning for each visited kecamatan whose figures arrive late (its sites work offline)."""
    for note in why.late_data_notes(plan, queries.offline_kecamatan(ctx.url, ctx.stamp, ctx.area, ctx.date),
                                    ctx.lang):
        st.warning(note)


def visit_reasons(ctx: Context, plan) -> None:
    """Why each visit, under the schedule, one line per stay (``geo.present.plan_explain.reason_lines``:
    the days a unit stays at one site for one reason are one line); names from files shown as written."""
    st.markdown("\n".join(f"- **{plain(when)} — {plain(name)}**: {plain(why_)}"
                           for when, name, why_ in why.reason_lines(plan, ctx.lang)))
    for line in why.island_rest_days(plan, ctx.lang):  # an island stay over a weekend: the crew's days off
        st.info(plain(line), icon=":material/sailing:")


# The planner's inputs a reader sets and expects to find again after looking at another page.
PLAN_INPUTS = ("rencana_units", "rencana_capacity", "rencana_days", "rencana_start", "rencana_respons",
               "rencana_max_km", "rencana_akhir_pekan", "rencana_sekolah", "rencana_basis", "rencana_tujuan",
               "rencana_fokus", "rencana_mk", "rencana_kecuali",
               *(f"rencana_{field}" for field, *_ in TRAVEL_INPUTS))


def plan_controls(ctx: Context) -> tuple[str, tuple, tuple]:
    """The objective (with its sentence), the planner's controls (focus kecamatan, merah/kuning
    only, left out, promised visits) and the travel settings: (objective, controls, travel),
    hashable for ``queries.plan``."""
    objective = st.selectbox(ctx.t("rencana_in_tujuan"), PLAN_OBJECTIVES, key="rencana_tujuan",
                             format_func=lambda o: why.objective_label(o, ctx.lang))
    st.caption(why.objective_sentence(objective, ctx.lang))
    places = queries.plan_places(ctx.url, ctx.stamp, ctx.area, ctx.date)
    with st.expander(ctx.t("rencana_kendali")):
        c = st.columns([2, 1, 2])
        kecamatan = {k: v for k, v in places.items() if k.count(".") == 2}
        focus = c[0].multiselect(ctx.t("rencana_in_fokus"), list(kecamatan), format_func=places.get,
                                 key="rencana_fokus")
        only_red_yellow = c[1].checkbox(ctx.t("rencana_in_hanya_mk"), key="rencana_mk")
        exclude = c[2].multiselect(ctx.t("rencana_in_kecuali"), list(places), format_func=places.get,
                                   key="rencana_kecuali")
        site_codes = {label: k for k, label in places.items() if k not in kecamatan}  # a promised visit: name → code
        fixed_rows = st.data_editor(
            pd.DataFrame({"unit": pd.Series(dtype="Int64"), "hari": pd.Series(dtype="Int64"),
                          "lokasi": pd.Series(dtype=object)}), num_rows="dynamic", key="rencana_tetap",
            column_config={"unit": st.column_config.NumberColumn(ctx.t("rencana_kol_unit"), min_value=1, step=1),
                           "hari": st.column_config.NumberColumn(ctx.t("rencana_kol_hari"), min_value=1, step=1),
                           "lokasi": st.column_config.SelectboxColumn(ctx.t("rencana_kol_nama"),
                                                                      options=list(site_codes))},
            hide_index=True, width="stretch")
        st.caption(ctx.t("rencana_in_tetap"))
    with st.expander(ctx.t("rencana_perjalanan_judul")):
        c, defaults = st.columns(len(TRAVEL_INPUTS)), planner.Travel()
        travel = tuple((field, float(c[i].number_input(ctx.t(label), value=getattr(defaults, field), step=step,
                                                      min_value=low, key=f"rencana_{field}")))
                       for i, (field, label, step, low) in enumerate(TRAVEL_INPUTS))
    fixed = tuple((int(r["unit"]), int(r["hari"]), site_codes[r["lokasi"]]) for r in fixed_rows.to_dict("records")
                  if pd.notna(r["unit"]) and pd.notna(r["hari"]) and r["lokasi"] in site_codes)
    return objective, (tuple(focus), only_red_yellow, tuple(exclude), fixed), travel


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
            # The grid's edits are stored now: it starts again from the stored figures (otherwise the
            # browser resets it against the new data and sends that back, one more run).
            st.session_state.pop(f"rencana_aktual_{chosen}", None)
            st.rerun()
        except RekamError as err:
            fail(ctx, err)
    show_flash()


def plan_prints(ctx: Context, plan) -> None:
    """What a planner prints and hands out: the crews' sheets (PDF, a page per unit, a box for what was
    recorded), the schedule as XLSX (a sheet per unit), the itinerary as text. Each file is built on
    its click."""
    from geo.render.crew_sheet import crew_sheets

    sets = plan_view.crew_sets(queries.mobile_units(ctx.url, ctx.stamp, ctx.area))  # unit k takes the k-th
    download(ctx.t("kru_unduh"), partial(crew_sheets, plan, area_name=area_name(ctx), data_date=ctx.date,
                                         lang=ctx.lang, settings=ctx.settings, sets=sets),
             file_name="lembar_kerja_unit.pdf", mime="application/pdf", key="rencana_lembar", help=ctx.t("kru_bantuan"))
    download(ctx.t("rencana_unduh_xlsx"), partial(plan_view.itinerary_xlsx, plan, ctx.lang),
             file_name="rencana_jemput_bola.xlsx", mime=XLSX_MIME, key="rencana_unduh")
    with st.expander(ctx.t("rencana_lihat_cetak")):  # the sheets above print better; this one reads on screen
        st.markdown(plan_view.itinerary_markdown(plan, ctx.lang))

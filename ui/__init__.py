"""The Streamlit side of the product: pages read state and call these; no data arithmetic here.

``state`` (the Context of a run, the URL, sidebar pickers, screenshot mode, the page opening),
``queries`` (every cached call into geo, keyed on small values), ``headline`` (the verdict, the
data's age, the KPIs), ``map_view``, ``account`` (login, who may see what), ``uploads``
(everything editors write; ``enrollment`` and ``boundaries``: the Data page's desks),
``downloads`` (images, the PDF, tables), ``plans`` (the planner's saved plans), ``national``
(Beranda of the whole country), ``viewport`` (the areas a wide map loads for its viewport). The names pages use are gathered here.
"""
from __future__ import annotations

from ui.account import admit, can, current_session, login_box, user_form, users
from ui.context import Context, carry_widgets, fail, flash, show_flash, zone_badge, zone_word
from ui.boundaries import boundary_desk
from ui.enrollment import enrollment_desk
from ui.headline import (
    kpis, lagging_notice, newest_date, outlook, over_100_badge, over_100_note, pace_table, pocket_finding, reach_levels,
    reach_notice, stale_notice, verdict_and_age, verdict_line,
)
from ui.downloads import XLSX_MIME, briefing_button, download, download_menu, image_menu, table_downloads, template_downloads
from ui.rankings import pace_note, ranking_table
from ui.map_view import (
    MAP_METRICS, POINT_LAYERS, MapView, area_search_options, breadcrumb, focus_area, handle_click, kecamatan_outline,
    labels_by_default, levels_below, map_hint, map_table, map_view, point_layers, set_map_metric, set_map_view, show_folium, show_map,
)
from ui.map_view import follow_viewport, home_of, map_finding, map_key, map_levels, map_returns, pocket_levels, viewport_areas, viewport_note
from ui.national import country_home, trend_names
from ui.alerts import alerts_panel, digests_panel, home_finding, target_summary, targets_editor
from ui.plans import (PLAN_INPUTS, coverage_after, first_week, late_data_notes, plan_controls, plan_prints,
                      red_notes_view, saved_plans_panel, schedule_table, thin_margin_notes, unit_input, units_note,
                      visit_reasons, zones_before_after)
from ui.state import (
    area_name, context, demo_banner, kabupaten_only, keep_values, link_notes, media_allowed, no_data, page_start, picker, page_style, page_title, screenshot_exit, screenshot_mode, sidebar,
    source_line, sync_query_params,
)
from ui.tables import chart_heading, fitted_table, grid, plain, sorted_grid, table_height
from ui.figures import (blank_stock_figures, blank_stock_note, capacity_figures, card_figures, chart_settings,
                        coverage_figure, recordings_figure)
from ui.trends import TrendInputs, chart_areas, event_list, pace_ranking, trend_inputs, trend_table
from ui.uploads import (
    OTHER_IMPORTS, TEMPLATES, active_versions, fix_unmatched, forget_upload, history_columns, history_view,
    join_report_view, prepare_upload, rollback, save_enrollment, save_event, save_other, set_override,
    show_latest_date, template_frame, template_preview, uploader_key, version_labels,
)

__all__ = [
    "alerts_panel", "digests_panel", "home_finding", "target_summary", "targets_editor",
    "active_versions", "admit", "area_name", "boundary_desk", "area_search_options", "breadcrumb", "briefing_button", "can", "blank_stock_figures", "blank_stock_note", "capacity_figures", "card_figures", "chart_areas", "chart_settings", "coverage_figure", "recordings_figure", "country_home", "trend_names", "Context", "context",
    "coverage_after", "current_session", "demo_banner", "enrollment_desk", "download", "download_menu", "fail", "fix_unmatched", "flash",
    "focus_area", "follow_viewport", "home_of", "viewport_areas", "viewport_note", "map_key", "map_levels", "map_returns", "pocket_levels", "pocket_finding", "reach_notice", "forget_upload", "handle_click", "history_columns", "history_view", "version_labels", "image_menu", "join_report_view", "kabupaten_only", "kecamatan_outline", "keep_values", "kpis", "labels_by_default", "lagging_notice", "levels_below",
    "link_notes", "login_box", "MAP_METRICS", "map_hint", "map_table", "map_view", "MapView", "media_allowed", "OTHER_IMPORTS", "outlook", "over_100_badge",
    "pace_note", "pace_ranking", "trend_table", "pace_table", "ranking_table", "page_start", "page_style", "picker", "plain", "grid", "map_finding", "PLAN_INPUTS", "carry_widgets", "sorted_grid", "chart_heading", "fitted_table", "first_week", "page_title", "no_data", "POINT_LAYERS", "point_layers", "prepare_upload", "rollback", "save_enrollment",
    "late_data_notes", "plan_controls", "plan_prints", "red_notes_view", "schedule_table", "thin_margin_notes", "unit_input", "units_note", "visit_reasons", "zones_before_after", "save_event", "save_other", "saved_plans_panel", "screenshot_exit", "screenshot_mode", "set_map_metric",
    "set_map_view", "set_override", "show_flash", "show_folium", "show_latest_date", "show_map", "sidebar",
    "source_line", "stale_notice", "sync_query_params", "table_downloads", "table_height", "template_downloads", "template_frame", "template_preview", "TEMPLATES", "trend_inputs", "TrendInputs", "event_list",
    "uploader_key", "user_form", "users", "verdict_and_age", "verdict_line", "newest_date", "over_100_note", "reach_levels", "XLSX_MIME", "zone_badge", "zone_word",
]

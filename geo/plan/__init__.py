"""Mobile-unit planner (*jemput bola*): which sites the recording units visit, on which days.

- ``sites``: the base offices and the candidate sites (what is left to record, straight-line km).
- ``model``: the Plan and ``plan_visits`` (the model, the objective and the optimiser are told
  there), built on ``objective`` (what visits are worth; the greedy baseline) and ``milp`` (HiGHS).
- ``edit``: changing a plan by hand. ``after``: coverage expected after a plan.
- ``saved``: plans in the store, and the people actually recorded.

Words and tables for people are in ``geo.present.plan``; the map and the image in
``geo.render.plan_map``.
"""
from geo.plan.after import coverage_after
from geo.plan.common import (
    SCHOOL, SITE_COLUMNS, STATUSES, VISIT_COLUMNS, ZONE_WEIGHTS, PlanError, visit_yields, working_days,
)
from geo.plan.edit import apply_edits, edits_from_table
from geo.plan.model import Plan, plan_visits
from geo.plan.saved import actual_totals, list_plans, load_plan, planned_vs_actual, record_actuals, save_plan
from geo.plan.sites import BASE_KINDS, base_point, bases, candidate_sites, haversine_km, people_to_green

__all__ = [
    "BASE_KINDS", "SCHOOL", "SITE_COLUMNS", "STATUSES", "VISIT_COLUMNS", "ZONE_WEIGHTS", "Plan", "PlanError",
    "actual_totals", "apply_edits", "base_point", "bases", "candidate_sites", "coverage_after",
    "edits_from_table", "haversine_km", "list_plans", "load_plan", "people_to_green", "plan_visits",
    "planned_vs_actual", "record_actuals", "save_plan", "visit_yields", "working_days",
]

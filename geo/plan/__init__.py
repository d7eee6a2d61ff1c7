"""Mobile-unit planner (*jemput bola*): which sites the recording units visit, on which days.

- ``sites``: the base offices and the candidate sites (what is left to record, zones, travel);
  ``access``: the working fixed recording sites and each site's travel; ``travel``: the travel
  model (road factor or ``roads``, boats, islands, a day's hours, access weights).
- ``model``: the Plan and ``plan_visits`` (the model and how a plan is made are told there),
  built on ``objective`` (what visits are worth; zone steps; the baselines), ``milp`` (HiGHS),
  ``calendar`` (who goes where on which day) and ``routes`` (a day's stops, order and yields).
- ``reasons``: why each visit was chosen. ``edit``: changing a plan by hand. ``after``: coverage
  expected after a plan, and the visit that makes each zone step. ``saved``: plans in the store, and
  the people actually recorded.
  ``trips``: the plan's trips (from the base through the stops and back) for maps.

Words and tables for people are in ``geo.present.plan``; the map and the image in
``geo.render.plan_map``.
"""
from geo.plan.access import FIXED_KINDS, fixed_sites
from geo.plan.after import after_plan, coverage_after, step_visits, zone_changes, zones_before_after
from geo.plan.common import (
    OBJECTIVES, SCHOOL, SITE_COLUMNS, STATUSES, VISIT_COLUMNS, PlanError, visit_yields,
)
from geo.plan.edit import apply_edits, edits_from_table
from geo.plan.model import Plan, plan_visits
from geo.plan.objective import BASELINES
from geo.plan.reasons import red_not_visited, visit_reasons
from geo.workdays import working_days
from geo.plan.roads import RoadNetwork
from geo.plan.saved import (
    actual_totals, list_plans, load_plan, planned_vs_actual, record_actuals, save_plan, unit_days,
)
from geo.plan.sites import (
    BASE_KINDS, CENTRE, base_point, bases, candidate_sites, filter_sites, kecamatan_centres, people_to_green,
)
from geo.plan.travel import Travel, access_weight, haversine_km
from geo.plan.trips import TRIP_COLUMNS, plan_trips

__all__ = [
    "BASELINES", "BASE_KINDS", "CENTRE", "FIXED_KINDS", "OBJECTIVES", "SCHOOL", "SITE_COLUMNS", "STATUSES",
    "TRIP_COLUMNS", "VISIT_COLUMNS", "plan_trips", "Plan", "PlanError", "RoadNetwork", "Travel", "access_weight",
    "actual_totals", "after_plan", "apply_edits", "base_point", "bases", "candidate_sites", "coverage_after",
    "edits_from_table", "filter_sites", "fixed_sites", "haversine_km", "kecamatan_centres", "list_plans",
    "load_plan", "people_to_green", "plan_visits", "planned_vs_actual", "record_actuals", "red_not_visited",
    "save_plan", "step_visits", "unit_days", "visit_reasons", "visit_yields", "working_days", "zone_changes",
    "zones_before_after",
]

"""What the plan's map and image share: a colour per unit, a marker per kind of site."""
from __future__ import annotations

from geo.plan import SCHOOL

# Unit colours avoid the zone colours (green, yellow, red): a unit is never read as a zone.
UNIT_COLOURS = ["#1f77b4", "#ff7f0e", "#7b3294", "#8c564b", "#e377c2", "#17becf", "#393b79", "#636363"]
PLAN_MARKERS = {"desa": "o", "kelurahan": "o", SCHOOL: "^"}  # matplotlib markers by site kind
BASE_MARKER = "*"
BOAT_DASH = "6 6"  # a trip to an island: dashed (a boat crossing), in Leaflet's dash-array words


def unit_colour(unit) -> str:
    return UNIT_COLOURS[(int(unit) - 1) % len(UNIT_COLOURS)]

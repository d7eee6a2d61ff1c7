"""A map for a clean screenshot (the dashboard's screenshot mode): no zoom buttons, no attribution.

The reader still drags, scrolls and pinches to frame the picture; only the controls that would end
up in it go. The attribution said "Leaflet" only (no tiles are drawn): the coverage map's legend
names the data source, and each page writes it under or above its map.
"""
from __future__ import annotations

import folium


def for_screenshot(m: folium.Map) -> folium.Map:
    """``m`` without its +/− zoom control and its attribution control; changed in place and returned.

    Works on any ``folium.Map`` (the coverage map, the plan's map). Wheel, drag, pinch and
    double-click zoom stay on."""
    if not isinstance(m, folium.Map):
        raise TypeError(f"'m' should be a folium.Map, got {type(m).__name__}")
    m.options["zoom_control"] = False
    m.options["attribution_control"] = False
    return m

"""The coverage map: one GeoJSON layer of areas coloured by a metric, a legend in words, offline.

Pure builder: :func:`coverage_map` returns a ``folium.Map`` and draws nothing itself. Pages
show it with ``streamlit_folium.st_folium`` (Leaflet from Streamlit's static serving, see
``geo.render.assets``); :func:`geo.render.assets.standalone_html` turns it into one file.

What the browser gets, and why:

* geometry from :func:`geo.simplify.simplify_for_level` (shared borders kept, error < 1 px at
  the fitting zoom, coordinates rounded), prepared when the boundaries were imported and
  read from the store's cache (``geo.shapes``), so no view simplifies when it is opened;
* per feature only ``kode``, ``nama``, ``fill`` (colour, computed vectorised once), ``tip``
  (tooltip text, preformatted with ``geo.fmt``) and the metric's value;
* one small JavaScript style function that reads ``fill`` — no per-feature style table;
* tooltips built from ``tip`` in the browser as text nodes, one per line (plain text is
  shorter than HTML once JSON-escaped, and a name can never inject markup), bound once on
  the layer group, not on each polygon;
* a legend control of inline HTML (no d3, no CDN) naming every colour in words, added
  before the areas so its refit (room for the legend) happens before anything is drawn;
* Leaflet's canvas renderer (``preferCanvas``): thousands of polygons painted on one canvas
  instead of thousands of SVG elements (Banten's desa: 0.35 s instead of 0.47 s to first
  paint, ``bench/map_bench.py``); hit-testing for tooltips and clicks is Leaflet's own. The
  map's element gets ``data-areas-drawn="<n>"`` once the canvas has painted its ``n`` areas.

``scales`` (colours and their domains), ``tooltips``, ``layers`` (the areas' and points'
GeoJSON layers), ``legend``, ``builder`` (``coverage_map``), ``screenshot`` (``for_screenshot``: no
zoom buttons or attribution in a screenshot).
"""
from __future__ import annotations

from geo.render.maps.builder import METRICS, VALUE_COLUMN, MapInputError, coverage_map, frame_level
from geo.render.maps.layers import AreaLayer
from geo.render.maps.legend import Legend, legend_html
from geo.render.maps.scales import RAMPS, ramp_colours, zones
from geo.render.maps.screenshot import for_screenshot

__all__ = ["METRICS", "RAMPS", "VALUE_COLUMN", "AreaLayer", "Legend", "MapInputError", "coverage_map", "for_screenshot",
           "frame_level", "legend_html", "ramp_colours", "zones"]

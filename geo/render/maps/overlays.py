"""What a map shows without hovering: names on the areas where they fit, the borders of the parent
areas over their children (kecamatan over desa), and a scale in metres and kilometres only.

Names are written as text nodes (``textContent``): a name can never inject markup.
"""
from __future__ import annotations


import numpy as np
import shapely
from branca.element import MacroElement
from folium.template import Template

from geo.render.maps.layers import RawScript

OUTLINE_COLOUR = "#263238"


class MetricScale(RawScript, MacroElement):
    """Leaflet's scale bar in metric units only (Indonesia does not measure in miles)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


class Outline(RawScript, MacroElement):
    """The parent areas' borders drawn over the coloured areas, not reacting to the mouse."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.geoJson({{ this.json_text }}, {
            interactive: false,
            style: function () { return {color: {{ this.colour|tojson }}, weight: 1.8, opacity: 0.9, fill: false}; }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, geometry: np.ndarray):
        super().__init__()
        lines = shapely.boundary(np.asarray(geometry, dtype=object))
        features = ",".join(f'{{"type":"Feature","properties":{{}},"geometry":{g}}}' for g in shapely.to_geojson(lines))
        self.json_text = f'{{"type":"FeatureCollection","features":[{features}]}}'.replace("<", "\\u003c")
        self.colour = OUTLINE_COLOUR


class Labels(RawScript, MacroElement):
    """Each area's name at a point inside it, shown only while the area is wide and tall enough on
    screen for its name (checked again after every zoom)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, items = {{ this.items|tojson }}, shown = [];
            function place() {
                shown.forEach(function (t) { map.removeLayer(t); });
                shown = [];
                items.forEach(function (it) {
                    var sw = map.latLngToLayerPoint([it[2], it[3]]), ne = map.latLngToLayerPoint([it[4], it[5]]);
                    var width = Math.abs(ne.x - sw.x), height = Math.abs(sw.y - ne.y);
                    if (width < it[0].length * 6.2 + 6 || height < 14) { return; }
                    var box = document.createElement("span");
                    box.textContent = it[0];
                    var tip = L.tooltip({permanent: true, direction: "center", className: "peta-rekam-label",
                                         interactive: false, opacity: 0.95}).setLatLng(it[1]).setContent(box);
                    tip.addTo(map);
                    // The label's own size, set here: leaflet.css and LABEL_CSS may arrive after this
                    // script (st_folium adds them later), and a tooltip measured without them is as wide
                    // as the map, so "center" would put it half a map to the left.
                    var el = tip.getElement();
                    el.style.position = "absolute";
                    el.style.whiteSpace = "nowrap";
                    el.style.font = "600 11px/1.1 sans-serif";
                    tip.update();
                    shown.push(tip);
                });
            }
            map.whenReady(place);
            map.on("zoomend", place);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, names, geometry: np.ndarray):
        super().__init__()
        geometry = np.asarray(geometry, dtype=object)
        points = shapely.point_on_surface(geometry)
        bounds = shapely.bounds(geometry)
        self.items = [[str(n), [round(float(p.y), 5), round(float(p.x), 5)], float(b[1]), float(b[0]), float(b[3]),
                       float(b[2])] for n, p, b in zip(names, points, bounds)]


LABEL_CSS = (".peta-rekam-label{background:transparent;border:0;box-shadow:none;padding:0;color:#111;"
             "font:600 11px/1.1 sans-serif;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;white-space:nowrap}"
             ".peta-rekam-label:before{display:none}")

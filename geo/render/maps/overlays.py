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
LABEL_CHAR_PX = 6.2  # the width of a character of the labels' 600 11px sans-serif, on average
LABEL_MIN_AREA_PX = 10  # an area narrower or lower than this on screen gets no name: a speck


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
    """Each area's name at a point inside it, placed again after every zoom: the largest areas first,
    a name shown when its box lies inside the map and overlaps no name already placed (else moved a
    line up or down, or half its width aside, its centre still within the area's box), and its area
    is not a speck on screen. A name may run past a narrow area's edge (the halo keeps it readable):
    a city among kabupaten is named as long as a place free of other names is found."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, items = {{ this.items|tojson }}, shown = [];
            var order = items.map(function (it, i) { return i; }).sort(function (a, b) {
                return items[b][6] - items[a][6];
            });
            function place() {
                shown.forEach(function (t) { map.removeLayer(t); });
                shown = [];
                var size = map.getSize(), taken = [];
                order.forEach(function (i) {
                    var it = items[i];
                    var sw = map.latLngToContainerPoint([it[2], it[3]]), ne = map.latLngToContainerPoint([it[4], it[5]]);
                    if (Math.abs(ne.x - sw.x) < {{ this.min_px }} || Math.abs(sw.y - ne.y) < {{ this.min_px }}) { return; }
                    var at = map.latLngToContainerPoint(it[1]), half = (it[0].length * {{ this.char_px }} + 6) / 2;
                    var left = Math.min(sw.x, ne.x), right = Math.max(sw.x, ne.x);
                    var top = Math.min(sw.y, ne.y), bottom = Math.max(sw.y, ne.y);
                    // at its point inside the area, else just above or below it, else beside it: the
                    // first box free of the names placed, inside the map, centred within the area's box
                    var box = null;
                    [[0, 0], [0, -16], [0, 16], [-half, 0], [half, 0], [0, -32], [0, 32]].some(function (d) {
                        var x = at.x + d[0], y = at.y + d[1], b = [x - half, y - 8, x + half, y + 8];
                        if (x < left || x > right || y < top || y > bottom) { return false; }
                        if (b[0] < 2 || b[1] < 2 || b[2] > size.x - 2 || b[3] > size.y - 2) { return false; }
                        if (taken.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; })) {
                            return false;
                        }
                        box = b;
                        return true;
                    });
                    if (box === null) { return; }
                    taken.push(box);
                    var text = document.createElement("span");
                    text.textContent = it[0];
                    var spot = map.containerPointToLatLng([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
                    var tip = L.tooltip({permanent: true, direction: "center", className: "peta-rekam-label",
                                         interactive: false, opacity: 0.95}).setLatLng(spot).setContent(text);
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
        sizes = shapely.area(geometry)  # in square degrees: an order, not a measure
        self.items = [[str(n), [round(float(p.y), 5), round(float(p.x), 5)], float(b[1]), float(b[0]), float(b[3]),
                       float(b[2]), float(a)] for n, p, b, a in zip(names, points, bounds, sizes)]
        self.min_px = LABEL_MIN_AREA_PX
        self.char_px = LABEL_CHAR_PX


LABEL_CSS = (".peta-rekam-label{background:transparent;border:0;box-shadow:none;padding:0;color:#111;"
             "font:600 11px/1.1 sans-serif;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;white-space:nowrap}"
             ".peta-rekam-label:before{display:none}")

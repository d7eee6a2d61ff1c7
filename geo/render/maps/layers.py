"""What the map draws in the browser: the areas' GeoJSON layer and the point layers.

The areas' layer and the legend render their script straight into the page (``RawScript``):
branca would re-lex thousands of features as a Jinja template.
"""
from __future__ import annotations

import json

import folium
import numpy as np
import pandas as pd
from branca.element import Element
from folium.template import Template
from folium.utilities import JsCode

from geo import columns as C
from geo.render.maps.scales import numeric
from geo.text import tr

FILL = "fill"
TIP = "tip"
BORDER = "#ffffff"
OVER_100 = "#1f3a93"  # the dashed border of an area above 100% (stale denominator): not a zone colour
POINT_COLOURS = ("#1f4e79", "#7b3294", "#000000", "#e66101", "#4393c3")  # status without a colour


class _Script(Element):
    """Finished JavaScript for the figure's script block.

    branca wraps each element's rendered script in a new ``Element`` — a Jinja template —
    and so re-lexes the whole GeoJSON (about a second for 8,000 desa) and would expand any
    ``{{`` in an area's name. This one returns its text as it is.
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class RawScript:
    """Mixin: render the element's script macro straight into the figure (see ``_Script``)."""

    def render(self, **kwargs):
        self.get_root().script.add_child(_Script(self._template.module.script(self, kwargs)), name=self.get_name())


class AreaLayer(RawScript, folium.GeoJson):
    """The map's one GeoJSON layer of areas, with what Leaflet needs and nothing more.

    The style function reads each feature's precomputed ``fill``; the tooltip, built on
    demand from the plain-text ``tip`` (text nodes, so a name can never inject markup), and
    the hover outline are bound once on the layer group rather than on each of thousands of
    polygons. The data is written once as compact JSON. ``data`` holds the same
    FeatureCollection as a dict.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_over = {{ this.over|tojson }};
        // A string parsed as JSON: V8 reads a large object literal more slowly than JSON.parse.
        var {{ this.get_name() }} = L.geoJson(JSON.parse(String.raw`{{ this.json_text }}`), {
            smoothFactor: 0,  // already simplified to the pixel; Leaflet's own pass only costs time
            style: function (feature) {
                if ({{ this.get_name() }}_over.indexOf(feature.properties.kode) >= 0) {  // above 100%: its own marker
                    return {fillColor: feature.properties.fill, fillOpacity: 0.85, color: {{ this.over_colour|tojson }},
                            weight: 2.2, dashArray: "5 3", opacity: 1};
                }
                return {fillColor: feature.properties.fill, fillOpacity: 0.85, color: {{ this.border|tojson }},
                        weight: 0.7, opacity: 1};
            }
        });
        {{ this.get_name() }}.bindTooltip(function (layer) {
            var box = document.createElement("div");
            box.style.cssText = "font-size:12px;line-height:1.4";
            String(layer.feature.properties.tip).split("\\n").forEach(function (line, i) {
                if (i) { box.appendChild(document.createElement("br")); }
                var text = document.createTextNode(line);
                (i ? box : box.appendChild(document.createElement("b"))).appendChild(text);
            });
            return box;
        }, {sticky: true});
        {{ this.get_name() }}.on("mouseover", function (e) {
            e.layer.setStyle({weight: 2.5, color: "#222222"});
            e.layer.bringToFront();
        });
        {{ this.get_name() }}.on("mouseout", function (e) { {{ this.get_name() }}.resetStyle(e.layer); });
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        // The canvas renderer paints in the next animation frame; once it has, say so on the
        // map's element (tests and the benchmark wait for this; a canvas holds no elements to count).
        L.Util.requestAnimFrame(function () {
            {{ this._parent.get_name() }}.getContainer().setAttribute(
                "data-areas-drawn", {{ this.get_name() }}.getLayers().length);
        });
        {% endmacro %}
        """
    )

    def __init__(self, json_text: str, bounds: list[list[float]], name: str, over: list[str] = ()):
        super().__init__(json.loads(json_text), name=name)
        self.over = list(over)  # codes of areas above 100%, drawn with a dashed border
        self.over_colour = OVER_100
        # "<", "`" and "$" only occur inside JSON strings; escaped there, no text can close the
        # <script> or the template literal early, or open a ${} substitution in it.
        self.json_text = json_text.replace("<", "\\u003c").replace("`", "\\u0060").replace("$", "\\u0024")
        self.border = BORDER
        self._bounds = bounds

    def _get_self_bounds(self):
        return self._bounds  # folium would walk every coordinate in Python


_POINT = JsCode(
    "function (feature, latlng) { return L.circleMarker(latlng, {radius: 5, weight: 1, color: '#ffffff', "
    "fillColor: feature.properties.fill, fillOpacity: 0.95}); }"
)
_ON_EACH_POINT = JsCode(
    """function (feature, layer) {
    var box = document.createElement("div");
    box.style.cssText = "font-size:12px;line-height:1.4";
    String(feature.properties.tip).split("\\n").forEach(function (line, i) {
        if (i) { box.appendChild(document.createElement("br")); }
        box.appendChild(document.createTextNode(line));
    });
    layer.bindTooltip(box);
}"""
)


def point_layers(points: dict[str, pd.DataFrame], lang: str, notes: list[str]):
    """One GeoJSON layer of circle markers per point set, and the legend rows.

    ``points``: {layer name: frame of LAT, LON, LABEL[, STATUS][, COLOUR] (geo.columns)}; points
    without coordinates are left out and counted in ``notes``."""
    layers, rows = [], []
    for name, frame in points.items():
        lat, lon = numeric(frame, C.LAT), numeric(frame, C.LON)
        located = np.isfinite(lat) & np.isfinite(lon)
        if (~located).any():
            notes.append(f"{name}: " + tr("map_titik_tanpa_koordinat", lang, jumlah=int((~located).sum())))
        frame = frame[located]
        status = (frame[C.STATUS] if C.STATUS in frame else pd.Series(None, index=frame.index)).astype(object)
        status = status.where(status.notna(), None)
        if C.COLOUR in frame:
            colour = frame[C.COLOUR].fillna(POINT_COLOURS[0]).astype(str)
        else:
            kinds = list(dict.fromkeys(status))
            colour = status.map({k: POINT_COLOURS[i % len(POINT_COLOURS)] for i, k in enumerate(kinds)})
        label = frame[C.LABEL].astype(str) if C.LABEL in frame else pd.Series("", index=frame.index)
        tip = [lbl if s is None else f"{lbl}\n{s}" for lbl, s in zip(label, status)]
        features = [
            {"type": "Feature", "properties": {FILL: c, TIP: tp}, "geometry": {"type": "Point", "coordinates": [x, y]}}
            for c, tp, x, y in zip(colour, tip, lon[located].round(6), lat[located].round(6))
        ]
        layers.append(folium.GeoJson({"type": "FeatureCollection", "features": features}, name=name,
                                     point_to_layer=_POINT, on_each_feature=_ON_EACH_POINT))
        legend = dict.fromkeys(zip(colour, status))
        rows.append((name, [(c, s if s is not None else name) for c, s in legend]))
    return layers, rows

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
"""
from __future__ import annotations

import json
import math
from functools import lru_cache

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from geo import fmt
from geo.render.assets import use_local_assets
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, RekamError, Zone
from geo.config import Settings, load_settings
from geo.shapes import ShapeCache
from geo.simplify import ZOOM_SNAP, fit_zoom
from geo.text import tr

METRICS = ("zona", "cakupan", "belum_rekam", "perubahan")
VALUE_COLUMN = {"zona": Col.ZONA, "cakupan": Col.CAKUPAN, "belum_rekam": Col.BELUM, "perubahan": Col.PERUBAHAN}
FILL = "fill"
TIP = "tip"
BACKGROUND = "#f4f4f1"  # plain light background when basemap tiles are off
BORDER = "#ffffff"
# ColorBrewer ramps, 5 stops each (colour-blind safe); interpolated to 256 steps.
RAMPS = {
    "cakupan": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),  # Blues
    "belum_rekam": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),  # YlOrRd
    "perubahan": ("#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"),  # PuOr: fell … rose
}
POINT_COLOURS = ("#1f4e79", "#7b3294", "#000000", "#e66101", "#4393c3")  # status without a colour


class MapInputError(RekamError):
    """The frame cannot be drawn as asked (unknown metric, missing column)."""




# --- colours (vectorised) ------------------------------------------------------------
@lru_cache(maxsize=None)
def _palette(stops: tuple[str, ...], steps: int = 256) -> np.ndarray:
    rgb = np.array([[int(s[i : i + 2], 16) for i in (1, 3, 5)] for s in stops], float)
    t = np.linspace(0, 1, steps)
    at = np.linspace(0, 1, len(stops))
    channels = np.column_stack([np.interp(t, at, rgb[:, k]) for k in range(3)]).round().astype(int)
    return np.array([f"#{r:02x}{g:02x}{b:02x}" for r, g, b in channels], dtype=object)


def ramp_colours(values: np.ndarray, low: float, high: float, stops: tuple[str, ...]) -> np.ndarray:
    """Hex colours of ``values`` on a ramp from ``low`` to ``high`` (clipped); NaN → no-data grey."""
    palette = _palette(tuple(stops))
    span = (high - low) or 1.0
    position = np.clip((values - low) / span, 0.0, 1.0)
    index = np.nan_to_num(position * (len(palette) - 1)).round().astype(int)
    return np.where(np.isnan(values), NO_DATA_COLOUR, palette[index])


def zones(cakupan: np.ndarray, settings: Settings) -> np.ndarray:
    """Zone names from coverage in percent and the configured thresholds (on a threshold: better zone)."""
    z = settings.zones
    return np.select(
        [cakupan >= z.hijau, cakupan >= z.kuning, cakupan < z.kuning],
        [Zone.HIJAU.value, Zone.KUNING.value, Zone.MERAH.value],
        default=None,
    ).astype(object)


def _zone_fill(zone: np.ndarray) -> np.ndarray:
    colours = {z.value: c for z, c in ZONE_COLOURS.items()}
    return pd.Series(zone, dtype=object).map(colours).fillna(NO_DATA_COLOUR).to_numpy(dtype=object)


# --- numbers --------------------------------------------------------------------------
def _numeric(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column], errors="coerce").astype(float).to_numpy()


def _pct(value: float, lang: str) -> str:
    """A threshold with as few decimals as it needs: 92 → ``92%``, 92.5 → ``92,5%``."""
    decimals = next(d for d in (0, 1, 2) if round(value, d) == round(value, 2))
    return fmt.number(value, decimals, lang) + "%"


def _plain(value: float, lang: str) -> str:
    return _pct(value, lang)[:-1]


def _scale_domain(metric: str, values: np.ndarray, settings: Settings) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if metric == "cakupan":  # always shows both thresholds; >100% takes the top colour
        low = math.floor(min(finite.min(), settings.zones.kuning)) if finite.size else settings.zones.kuning
        high = math.ceil(max(min(finite.max(), 100.0), settings.zones.hijau)) if finite.size else 100.0
        return (low, high) if high > low else (low, low + 1.0)
    if metric == "belum_rekam":
        return 0.0, float(max(finite.max(), 1.0)) if finite.size else 1.0
    reach = float(max(np.abs(finite).max(), 0.5)) if finite.size else 0.5  # perubahan: symmetric
    return -reach, reach


# --- tooltips -------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _tip_templates(lang: str) -> dict[str, str]:
    """The tooltip's line templates in ``lang``, looked up once (``{}`` where the value goes)."""
    keys = ("map_tip_kode", "map_tip_wajib", "map_tip_sudah", "map_tip_belum", "map_tip_perubahan",
            "map_tip_tanggal")
    out = {key: tr(key, lang, kode="{}", nilai="{}", tanggal="{}") for key in keys}
    out["map_tip_cakupan"] = tr("map_tip_cakupan", lang, nilai="{}", zona="{}")
    for key in ("map_tip_cakupan_kosong", "map_tip_di_atas_100", "map_poin"):
        out[key] = tr(key, lang)
    for zone in Zone:
        out[zone.value] = tr(f"map_zona_kata_{zone.value}", lang)
    return out


def _tips(frame: pd.DataFrame, cakupan: np.ndarray, zone: np.ndarray, data_date, lang: str) -> list[str]:
    """One plain-text tooltip per row, every number and date formatted by geo.fmt."""
    t = _tip_templates(lang)
    above = (frame[Col.DI_ATAS_100].fillna(False).astype(bool).to_numpy() if Col.DI_ATAS_100 in frame
             else cakupan > 100)
    counts = [[fmt.number(v, lang=lang) for v in _numeric(frame, col)] for col in (Col.WAJIB, Col.SUDAH, Col.BELUM)]
    change = ([fmt.signed(v, 2, lang, t["map_poin"]) for v in _numeric(frame, Col.PERUBAHAN)]
              if Col.PERUBAHAN in frame else None)
    dates = frame[Col.TANGGAL].to_numpy(dtype=object) if Col.TANGGAL in frame else np.full(len(frame), None)
    long_dates: dict = {}
    tips = []
    for i, (nama, kode) in enumerate(zip(frame[Col.NAMA].astype(str), frame[Col.KODE].astype(str))):
        lines = [nama, t["map_tip_kode"].format(kode), t["map_tip_wajib"].format(counts[0][i]),
                 t["map_tip_sudah"].format(counts[1][i]), t["map_tip_belum"].format(counts[2][i])]
        if zone[i] is None:
            lines.append(t["map_tip_cakupan_kosong"])
        else:
            lines.append(t["map_tip_cakupan"].format(fmt.percent(cakupan[i], 2, lang), t[zone[i]]))
            if above[i]:
                lines.append(t["map_tip_di_atas_100"])
        if change is not None:
            lines.append(t["map_tip_perubahan"].format(change[i]))
        when = dates[i] if dates[i] is not None and not pd.isna(dates[i]) else data_date
        if when is not None:
            key = str(when)[:10]
            if key not in long_dates:
                long_dates[key] = fmt.long_date(key, lang)
            lines.append(t["map_tip_tanggal"].format(long_dates[key]))
        tips.append("\n".join(lines))
    return tips


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


class _RawScript:
    """Mixin: render the element's script macro straight into the figure (see ``_Script``)."""

    def render(self, **kwargs):
        self.get_root().script.add_child(_Script(self._template.module.script(self, kwargs)), name=self.get_name())


class AreaLayer(_RawScript, folium.GeoJson):
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
        var {{ this.get_name() }} = L.geoJson({{ this.json_text }}, {
            smoothFactor: 0,  // already simplified to the pixel; Leaflet's own pass only costs time
            style: function (feature) {
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

    def __init__(self, json_text: str, bounds: list[list[float]], name: str):
        super().__init__(json.loads(json_text), name=name)
        # "<" only occurs inside JSON strings; escaped, no text can close the <script> early.
        self.json_text = json_text.replace("<", "\\u003c")
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


class Legend(_RawScript, MacroElement):
    """A Leaflet control holding ``html``; also sets the map's background and attribution prefix."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            map.getContainer().style.background = {{ this.background|tojson }};
            if (map.attributionControl) { map.attributionControl.setPrefix("Leaflet"); }
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "peta-rekam-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo(map);
            // Keep every area clear of the legend: fit with room for it on the side (right
            // of the areas, or above the legend) that lets the areas be drawn larger.
            // Fit again when the map's size changes (a page lays its frame out after the map
            // is made) until the reader moves or zooms the map.
            var bounds = {{ this.bounds|tojson }};
            if (bounds) {
                var fitting = false, moved = false;
                var fit = function () {
                    // The legend's own box: its control wrapper may still be page-wide while
                    // leaflet.css loads (st_folium adds it after the script has run).
                    var box = legend.getContainer().firstElementChild, size = map.getSize();
                    var w = box.offsetWidth + 12, h = box.offsetHeight + 12;
                    var options = {paddingTopLeft: [10, 10], animate: false};
                    if (size.x > w + 60 && size.y > h + 60) {  // else too small for room beside the legend
                        var right = map.getBoundsZoom(bounds, false, L.point(10 + w, 20));
                        var above = map.getBoundsZoom(bounds, false, L.point(20, 10 + h));
                        options.paddingBottomRight = right >= above ? [w, 10] : [10, h];
                    }
                    fitting = true;
                    map.fitBounds(bounds, options);
                    fitting = false;
                };
                fit();
                map.on("movestart zoomstart", function () { if (!fitting) { moved = true; } });
                map.on("resize", function () { if (!moved) { fit(); } });
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str, background: str = BACKGROUND, bounds: list | None = None):
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.background = background
        self.bounds = bounds  # [[south, west], [north, east]] of the areas, refitted around the legend


# --- legend ---------------------------------------------------------------------------
_BOX = ("background:#ffffff;padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);"
        "font:12px/1.45 'Liberation Sans',Arial,sans-serif;color:#222;max-width:260px")


def _swatch(colour: str, round_: bool = False) -> str:
    radius = "50%" if round_ else "2px"
    return (f'<span style="display:inline-block;width:13px;height:13px;margin-right:6px;vertical-align:-2px;'
            f'background:{colour};border:1px solid #777;border-radius:{radius}"></span>')


def _row(colour: str, text: str, round_: bool = False) -> str:
    return f"<div>{_swatch(colour, round_)}{_escape(text)}</div>"


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bar(stops: tuple[str, ...], labels: list[tuple[float, str]], marks: list[float] = ()) -> str:
    """A gradient bar with ``labels`` under it and tick ``marks`` on it (positions 0–1)."""
    ticks = "".join(
        f'<div style="position:absolute;left:{p * 100:.1f}%;top:0;height:18px;border-left:2px solid #222"></div>'
        for p in marks
    )
    text = "".join(
        f'<div style="position:absolute;left:{p * 100:.1f}%;top:20px;transform:translateX(-{p * 100:.0f}%);'
        f'white-space:nowrap">{_escape(label)}</div>'
        for p, label in labels
    )
    gradient = f"linear-gradient(to right,{','.join(stops)})"
    return (f'<div style="position:relative;height:38px;margin:4px 4px 4px 2px">'
            f'<div style="height:14px;margin-top:2px;background:{gradient};border:1px solid #777"></div>'
            f"{ticks}{text}</div>")


def legend_html(metric: str, settings: Settings, lang: str, *, counts: dict[str, int], domain: tuple[float, float],
                data_date=None, notes: list[str] = (), point_rows: list[tuple[str, list[tuple[str, str]]]] = (),
                title: str | None = None) -> str:
    """The legend's HTML: title, each colour with its words and thresholds, notes, source.

    ``title`` (e.g. the area's name) heads the box, above the measure's name."""
    t = lambda key, **p: tr(key, lang, **p)  # noqa: E731
    z = settings.zones
    hijau, kuning = _pct(z.hijau, lang), _pct(z.kuning, lang)
    parts = [f"<div style=\"font-weight:bold;font-size:14px;margin-bottom:2px\">{_escape(title)}</div>"] if title else []
    parts.append(f"<div style=\"font-weight:bold;margin-bottom:4px\">{_escape(t(f'map_judul_{metric}'))}</div>")
    no_data = _row(NO_DATA_COLOUR, f"{t('map_tidak_ada_data')} ({counts.get('none', 0)})")
    if metric == "zona":
        parts += [
            _row(ZONE_COLOURS[Zone.HIJAU], f"{t('map_zona_hijau', hijau=hijau)} ({counts.get('hijau', 0)})"),
            _row(ZONE_COLOURS[Zone.KUNING],
                 f"{t('map_zona_kuning', kuning=_plain(z.kuning, lang), hijau=hijau)} ({counts.get('kuning', 0)})"),
            _row(ZONE_COLOURS[Zone.MERAH], f"{t('map_zona_merah', kuning=kuning)} ({counts.get('merah', 0)})"),
        ]
    else:
        low, high = domain
        at = lambda v: (v - low) / ((high - low) or 1.0)  # noqa: E731
        if metric == "cakupan":
            thresholds = [(at(v), f"{pct} {t('map_batas', zona=t(f'map_zona_kata_{name}'))}")
                          for v, pct, name in ((z.kuning, kuning, "kuning"), (z.hijau, hijau, "hijau"))]
            thresholds = [(p, text) for p, text in thresholds if 0 <= p <= 1]
            # Ticks mark the thresholds on the bar; their words go below (ticks may sit close).
            parts.append(_bar(RAMPS[metric], [(0.0, _pct(low, lang)), (1.0, _pct(high, lang))],
                              marks=[p for p, _ in thresholds]))
            parts += [f"<div>▏{_escape(text)}</div>" for _, text in thresholds]
            parts.append(
                f"<div style=\"color:#555\">{_escape(t('map_zona_hijau', hijau=hijau))} · "
                f"{_escape(t('map_zona_kuning', kuning=_plain(z.kuning, lang), hijau=hijau))} · "
                f"{_escape(t('map_zona_merah', kuning=kuning))}</div>"
            )
        elif metric == "belum_rekam":
            parts.append(_bar(RAMPS[metric], [(0.0, fmt.number(low, lang=lang)),
                                              (1.0, fmt.number(high, lang=lang))]))
        else:
            suffix = t("map_poin")
            parts.append(_bar(RAMPS[metric], [(0.0, f"{fmt.signed(low, 2, lang, suffix)} {t('map_turun')}"),
                                              (0.5, "0"),
                                              (1.0, f"{fmt.signed(high, 2, lang, suffix)} {t('map_naik')}")],
                              marks=[0.5]))
    parts.append(no_data)
    for note in notes:
        parts.append(f"<div style=\"color:#555;margin-top:3px\">{_escape(note)}</div>")
    for name, rows in point_rows:
        parts.append(f"<div style=\"font-weight:bold;margin-top:6px\">{_escape(name)}</div>")
        parts += [_row(colour, text, round_=True) for colour, text in rows]
    if data_date is not None:
        when = t("map_data_per", tanggal=fmt.long_date(data_date, lang))
        parts.append(f"<div style=\"margin-top:4px\">{_escape(when)}</div>")
    parts.append(f"<div style=\"color:#555\">{_escape(t('map_sumber', sumber=settings.source_name))}</div>")
    return f'<div style="{_BOX}">{"".join(parts)}</div>'


# --- geometry ---------------------------------------------------------------------------
_MEMORY = ShapeCache()  # for maps built without a store's cache


def _level_of(frame: pd.DataFrame) -> Level:
    if Col.LEVEL in frame and frame[Col.LEVEL].notna().any():
        try:
            return Level(str(frame[Col.LEVEL].dropna().iloc[0]))
        except ValueError:
            pass
    return Level.of_code(str(frame[Col.KODE].iloc[0])) if len(frame) else Level.DESA


def _map_geometry(frame: gpd.GeoDataFrame, shapes: ShapeCache | None) -> np.ndarray:
    """Simplified lon/lat geometry aligned with ``frame`` (see geo.shapes)."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    if "simplify" in frame.attrs:  # already simplified by the caller
        return np.asarray(frame.geometry.values, dtype=object)
    return (shapes or _MEMORY).simplified(frame[Col.KODE], frame.geometry.values, _level_of(frame))


def _feature_collection(properties: pd.DataFrame, geometry: np.ndarray) -> str:
    """Compact GeoJSON FeatureCollection text; geometry written by GEOS (shortest numbers)."""
    records = properties.astype(object).where(properties.notna(), None).to_dict("records")
    features = ",".join(
        f'{{"type":"Feature","properties":{json.dumps(r, ensure_ascii=False, separators=(",", ":"))},"geometry":{g}}}'
        for r, g in zip(records, shapely.to_geojson(geometry))
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


# --- the map -------------------------------------------------------------------------------
def coverage_map(gdf: gpd.GeoDataFrame, *, metric: str = "zona", settings: Settings | None = None,
                 lang: str = "id", data_date=None, points: dict[str, pd.DataFrame] | None = None,
                 basemap: bool = False, height: int | str = 560, shapes: ShapeCache | None = None,
                 title: str | None = None) -> folium.Map:
    """A Leaflet map of ``gdf``'s areas coloured by ``metric``, with tooltips and a legend.

    Takes Col.KODE, Col.NAMA, Col.CAKUPAN (percent, NaN/NA = no data) and geometry (any CRS,
    drawn in EPSG:4326); uses Col.WAJIB, SUDAH, BELUM, DI_ATAS_100, TANGGAL, LEVEL and
    PERUBAHAN (percentage points) when present. Zones are computed from Col.CAKUPAN and
    ``settings`` (``load_settings()`` by default) so colours, legend and tooltip always agree.

    ``metric``: ``zona`` (fixed zone colours), ``cakupan`` (sequential, thresholds marked),
    ``belum_rekam`` (sequential) or ``perubahan`` (diverging around 0). Areas without data
    are drawn grey and labelled "tidak ada data"; rows without geometry are counted in the
    legend. ``points``: {layer name: frame of lat, lon, label[, status][, colour]}.
    ``basemap=True`` adds OpenStreetMap tiles (needs the internet); otherwise a plain light
    background. Loads Leaflet only, from Streamlit's static route (see geo.render.assets).
    ``shapes``: where simplified geometry comes from (``geo.shapes.ShapeCache`` of the store,
    which holds every view prepared at import); a cache in memory when not given.
    ``title`` (e.g. the area's name) heads the legend, for a map that leaves the dashboard.

    Raises MapInputError for an unknown metric or a missing column.
    """
    if metric not in METRICS:
        raise MapInputError("map_metrik_tidak_dikenal", metrik=metric, pilihan=", ".join(METRICS))
    needed = [Col.KODE, Col.NAMA, Col.CAKUPAN] + ([Col.PERUBAHAN] if metric == "perubahan" else [])
    for column in needed:
        if column not in gdf:
            raise MapInputError("map_kolom_hilang", kolom=column)
    settings = settings or load_settings()
    frame = gdf.reset_index(drop=True)
    if Col.BELUM not in frame and Col.WAJIB in frame and Col.SUDAH in frame:
        frame[Col.BELUM] = _numeric(frame, Col.WAJIB) - _numeric(frame, Col.SUDAH)
    drawable = ~(frame.geometry.isna() | frame.geometry.is_empty).to_numpy()
    geometry = np.full(len(frame), None, dtype=object)
    if drawable.any():
        geometry[drawable] = _map_geometry(frame[drawable], shapes)
    frame = frame[drawable].reset_index(drop=True)
    geometry = geometry[drawable]

    cakupan = _numeric(frame, Col.CAKUPAN)
    zone = zones(cakupan, settings)
    value = _numeric(frame, VALUE_COLUMN[metric]) if metric != "zona" else cakupan
    domain = _scale_domain(metric, value, settings) if metric != "zona" else (0.0, 100.0)
    fill = _zone_fill(zone) if metric == "zona" else ramp_colours(value, *domain, RAMPS[metric])
    if data_date is None and Col.TANGGAL in frame and frame[Col.TANGGAL].notna().any():
        data_date = max(str(d)[:10] for d in frame[Col.TANGGAL].dropna())
    shown_value = (pd.Series(zone, dtype=object) if metric == "zona"
                   else pd.Series(np.round(value, 0 if metric == "belum_rekam" else 2)))
    properties = pd.DataFrame({
        Col.KODE: frame[Col.KODE].astype(str),
        Col.NAMA: frame[Col.NAMA].astype(str),
        FILL: fill,
        TIP: _tips(frame, cakupan, zone, data_date, lang),
        VALUE_COLUMN[metric]: shown_value,
    })

    if len(frame):
        minx, miny, maxx, maxy = shapely.total_bounds(geometry)
    else:  # nothing to draw: Indonesia
        minx, miny, maxx, maxy = 95.0, -11.0, 141.0, 6.0
    bounds = [[float(miny), float(minx)], [float(maxy), float(maxx)]]
    m = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=fit_zoom((minx, miny, maxx, maxy)),
                   tiles=None, height=height, control_scale=True, prefer_canvas=True, zoom_snap=ZOOM_SNAP)
    use_local_assets(m)
    if basemap:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", control=False).add_to(m)
    areas = AreaLayer(_feature_collection(properties, geometry), bounds, tr(f"map_judul_{metric}", lang))

    notes = []
    above = int(np.sum(cakupan > 100))
    if above:
        notes.append(tr("map_di_atas_100_jumlah", lang, jumlah=above))
    if (~drawable).any():
        notes.append(tr("map_tanpa_batas", lang, jumlah=int((~drawable).sum())))
    point_layers, point_rows = _point_layers(points or {}, lang, notes)
    counts = pd.Series(zone, dtype=object).fillna("none").value_counts().to_dict()
    if metric != "zona":
        counts["none"] = int(np.isnan(value).sum())
    # The legend first: it fits the view to the areas, leaving room for itself, before any
    # area exists, so Leaflet draws them once, at the final view. (No fitBounds before it:
    # Leaflet would then pan to the padded view instead of resetting it, and in headless
    # Chromium the pan was lost, leaving areas under the legend.)
    Legend(legend_html(metric, settings, lang, counts=counts, domain=domain, data_date=data_date,
                       notes=notes, point_rows=point_rows, title=title), bounds=bounds if len(frame) else None).add_to(m)
    areas.add_to(m)
    for layer in point_layers:
        layer.add_to(m)
    if points:
        folium.LayerControl(collapsed=False).add_to(m)
    return m


def _point_layers(points: dict[str, pd.DataFrame], lang: str, notes: list[str]):
    """One GeoJSON layer of circle markers per point set, and the legend rows."""
    layers, rows = [], []
    for name, frame in points.items():
        lat, lon = _numeric(frame, "lat"), _numeric(frame, "lon")
        located = np.isfinite(lat) & np.isfinite(lon)
        if (~located).any():
            notes.append(f"{name}: " + tr("map_titik_tanpa_koordinat", lang, jumlah=int((~located).sum())))
        frame = frame[located]
        status = (frame["status"] if "status" in frame else pd.Series(None, index=frame.index)).astype(object)
        status = status.where(status.notna(), None)
        if "colour" in frame:
            colour = frame["colour"].fillna(POINT_COLOURS[0]).astype(str)
        else:
            kinds = list(dict.fromkeys(status))
            colour = status.map({k: POINT_COLOURS[i % len(POINT_COLOURS)] for i, k in enumerate(kinds)})
        label = frame["label"].astype(str) if "label" in frame else pd.Series("", index=frame.index)
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

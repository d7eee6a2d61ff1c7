"""``coverage_map``: the areas coloured by a metric, tooltips, a legend in words, point layers."""
from __future__ import annotations

import json
from dataclasses import dataclass

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.columns import SELISIH_TARGET
from geo.config import DEFAULTS, Settings
from geo.present.common import short_name
from geo.render.assets import use_local_assets
from geo.render.maps.layers import FILL, TIP, AreaLayer, point_layers
from geo.render.maps.legend import Legend, legend_html
from geo.render.maps.overlays import LABEL_CSS, Labels, MetricScale, Outline
from geo.render.maps.scales import RAMPS, numeric, ramp_colours, scale_domain, zone_fill, zones
from geo.render.maps.tooltips import tips
from geo.schema import Col, Level, RekamError
from geo.shapes import ShapeCache
from geo.simplify import ZOOM_SNAP, fit_zoom
from geo.text import tr

METRICS = ("zona", "cakupan", "belum_rekam", "perubahan", "target")
VALUE_COLUMN = {"zona": Col.ZONA, "cakupan": Col.CAKUPAN, "belum_rekam": Col.BELUM, "perubahan": Col.PERUBAHAN,
                "target": SELISIH_TARGET}
INDONESIA = (95.0, -11.0, 141.0, 6.0)  # the view when there is nothing to draw
_MEMORY = ShapeCache()  # for maps built without a store's cache


class MapInputError(RekamError):
    """The frame cannot be drawn as asked (unknown metric, missing column)."""


# --- geometry ---------------------------------------------------------------------------
def frame_level(frame: pd.DataFrame) -> Level:
    """The level of a map frame's rows: Col.LEVEL when given, else the first code's depth."""
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
    return (shapes or _MEMORY).simplified(frame[Col.KODE], frame.geometry.values, frame_level(frame))


def _feature_collection(properties: pd.DataFrame, geometry: np.ndarray) -> str:
    """Compact GeoJSON FeatureCollection text; geometry written by GEOS (shortest numbers)."""
    records = properties.astype(object).where(properties.notna(), None).to_dict("records")
    features = ",".join(
        f'{{"type":"Feature","properties":{json.dumps(r, ensure_ascii=False, separators=(",", ":"))},"geometry":{g}}}'
        for r, g in zip(records, shapely.to_geojson(geometry))
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


# --- the map -------------------------------------------------------------------------------
@dataclass
class _Colouring:
    """Per drawn area: coverage (percent), zone name, the metric's value and fill; the ramp's domain."""

    cakupan: np.ndarray
    zone: np.ndarray
    value: np.ndarray
    fill: np.ndarray
    domain: tuple[float, float]

    @classmethod
    def of(cls, frame: pd.DataFrame, metric: str, settings: Settings) -> "_Colouring":
        cakupan = numeric(frame, Col.CAKUPAN)
        zone = zones(cakupan, settings)
        if metric == "zona":
            return cls(cakupan, zone, cakupan, zone_fill(zone), (0.0, 100.0))
        value = numeric(frame, VALUE_COLUMN[metric])
        domain = scale_domain(metric, value, settings)
        return cls(cakupan, zone, value, ramp_colours(value, *domain, RAMPS[metric]), domain)

    def counts(self, metric: str) -> dict[str, int]:
        """Areas per zone name; ``none``: areas without the metric's value."""
        counts = pd.Series(self.zone, dtype=object).fillna("none").value_counts().to_dict()
        if metric != "zona":
            counts["none"] = int(np.isnan(self.value).sum())
        return counts


def coverage_map(gdf: gpd.GeoDataFrame, *, metric: str = "zona", settings: Settings = DEFAULTS,
                 lang: str = "id", data_date=None, points: dict[str, pd.DataFrame] | None = None,
                 basemap: bool = False, height: int | str = 560, shapes: ShapeCache | None = None,
                 title: str | None = None, labels: bool = False,
                 outline: gpd.GeoDataFrame | None = None,
                 view: tuple[tuple[float, float], float] | None = None) -> folium.Map:
    """A Leaflet map of ``gdf``'s areas coloured by ``metric``, with tooltips and a legend.

    Takes Col.KODE, Col.NAMA, Col.CAKUPAN (percent, NaN/NA = no data) and geometry (any CRS,
    drawn in EPSG:4326); uses Col.WAJIB, SUDAH, BELUM, DI_ATAS_100, TANGGAL, LEVEL and
    PERUBAHAN (percentage points) when present. Zones are computed from Col.CAKUPAN and
    ``settings`` (the documented defaults unless the caller passes its own) so colours,
    legend and tooltip always agree.

    ``metric``: ``zona`` (fixed zone colours), ``cakupan`` (sequential, thresholds marked),
    ``belum_rekam`` (sequential), ``perubahan`` (diverging around 0) or ``target`` (SELISIH_TARGET:
    coverage minus the area's target in points, diverging around 0; TARGET_PERSEN shown in the
    tooltip, see ``geo.targets.with_targets``). Areas without data
    are drawn grey and labelled "tidak ada data"; rows without geometry are counted in the
    legend. ``points``: {layer name: frame of lat, lon, label[, status][, colour]} (geo.columns
    LAT, LON, LABEL, STATUS, COLOUR).
    ``basemap=True`` adds OpenStreetMap tiles (needs the internet); otherwise a plain light
    background. Loads Leaflet only, from Streamlit's static route (see geo.render.assets).
    ``shapes``: where simplified geometry comes from (``geo.shapes.ShapeCache`` of the store,
    which holds every view prepared at import); a cache in memory when not given.
    ``title`` (e.g. the area's name) heads the legend, for a map that leaves the dashboard.
    ``labels``: the areas' names on the map where they fit. ``outline``: parent areas (Col.KODE,
    geometry; e.g. the kecamatan of the desa drawn) whose borders are drawn over the areas. The
    scale bar is metric only. ``view``: ((lat, lon), zoom) the map opens at, as the reader left it
    (the areas loaded for a viewport), instead of fitting the areas.

    Raises MapInputError for an unknown metric or a missing column.
    """
    _check_input(gdf, metric)
    frame, geometry, undrawn = _drawable(gdf, shapes)
    colouring = _Colouring.of(frame, metric, settings)
    if data_date is None and Col.TANGGAL in frame and frame[Col.TANGGAL].notna().any():
        data_date = max(str(d)[:10] for d in frame[Col.TANGGAL].dropna())
    shown_value = (pd.Series(colouring.zone, dtype=object) if metric == "zona"
                   else pd.Series(np.round(colouring.value, 0 if metric == "belum_rekam" else 2)))
    properties = pd.DataFrame({
        Col.KODE: frame[Col.KODE].astype(str),
        Col.NAMA: frame[Col.NAMA].astype(str),
        FILL: colouring.fill,
        TIP: tips(frame, colouring.cakupan, colouring.zone, data_date, lang),
        VALUE_COLUMN[metric]: shown_value,
    })

    minx, miny, maxx, maxy = shapely.total_bounds(geometry) if len(frame) else INDONESIA
    bounds = [[float(miny), float(minx)], [float(maxy), float(maxx)]]
    centre, zoom = view or (((miny + maxy) / 2, (minx + maxx) / 2), fit_zoom((minx, miny, maxx, maxy)))
    m = folium.Map(location=list(centre), zoom_start=zoom, tiles=None, height=height, control_scale=False,
                   prefer_canvas=True, zoom_snap=ZOOM_SNAP)
    use_local_assets(m)
    MetricScale().add_to(m)
    if basemap:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", control=False).add_to(m)
    over = list(frame.loc[colouring.cakupan > 100, Col.KODE].astype(str))
    areas = AreaLayer(_feature_collection(properties, geometry), bounds, tr(f"map_judul_{metric}", lang), over)

    notes = _notes(undrawn, lang)
    layers, point_rows = point_layers(points or {}, lang, notes)
    # The legend first: it fits the view to the areas, leaving room for itself, before any
    # area exists, so Leaflet draws them once, at the final view. (No fitBounds before it:
    # Leaflet would then pan to the padded view instead of resetting it, and in headless
    # Chromium the pan was lost, leaving areas under the legend.)
    html = legend_html(metric, settings, lang, counts=colouring.counts(metric), domain=colouring.domain,
                       data_date=data_date, notes=notes, point_rows=point_rows, title=title, over_100=len(over))
    Legend(html, bounds=bounds if len(frame) and view is None else None).add_to(m)
    areas.add_to(m)
    if outline is not None and len(outline):
        parents = outline[~(outline.geometry.isna() | outline.geometry.is_empty)]
        if len(parents):
            Outline(_map_geometry(parents.reset_index(drop=True), shapes)).add_to(m)
    if labels and len(frame):
        m.get_root().header.add_child(folium.Element(f"<style>{LABEL_CSS}</style>"))
        Labels(frame[Col.NAMA].astype(str).map(short_name), geometry).add_to(m)  # as tables write them: more fit
    for layer in layers:
        layer.add_to(m)
    if points:
        folium.LayerControl(collapsed=False).add_to(m)
    return m


def _check_input(gdf: gpd.GeoDataFrame, metric: str) -> None:
    if metric not in METRICS:
        raise MapInputError("map_metrik_tidak_dikenal", metrik=metric, pilihan=", ".join(METRICS))
    needed = [Col.KODE, Col.NAMA, Col.CAKUPAN] + ([VALUE_COLUMN[metric]] if metric in ("perubahan", "target") else [])
    for column in needed:
        if column not in gdf:
            raise MapInputError("map_kolom_hilang", kolom=column)


def _drawable(gdf: gpd.GeoDataFrame, shapes: ShapeCache | None) -> tuple[pd.DataFrame, np.ndarray, int]:
    """(the rows with geometry, with Col.BELUM filled in when missing; their simplified
    geometry; how many rows had none)."""
    frame = gdf.reset_index(drop=True)
    if Col.BELUM not in frame and Col.WAJIB in frame and Col.SUDAH in frame:
        frame[Col.BELUM] = numeric(frame, Col.WAJIB) - numeric(frame, Col.SUDAH)
    drawable = ~(frame.geometry.isna() | frame.geometry.is_empty).to_numpy()
    geometry = np.full(len(frame), None, dtype=object)
    if drawable.any():
        geometry[drawable] = _map_geometry(frame[drawable], shapes)
    return frame[drawable].reset_index(drop=True), geometry[drawable], int((~drawable).sum())


def _notes(undrawn: int, lang: str) -> list[str]:
    """The legend's notes: rows without a boundary (points without coordinates are added later)."""
    return [tr("map_tanpa_batas", lang, jumlah=undrawn)] if undrawn else []

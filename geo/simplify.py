"""Boundary simplification for web maps: shared borders stay shared, error under a pixel.

A map of one level is shown fitted to the area it covers: the kecamatan of a kabupaten at
kabupaten-wide zoom, the desa of a kecamatan at kecamatan zoom. Detail finer than one screen
pixel at that zoom is invisible but costs payload and drawing time, so it is removed.

The zoom ("fitting zoom") is the one Leaflet's ``fitBounds`` picks for the frame's extent in a
map of ``VIEW_PX`` pixels, with the maps' zoom snap ``ZOOM_SNAP`` (Leaflet's ``zoomSnap``;
whole levels: a quarter level would fill the map better, but costs ~10% more vertices):

    res(z)  = 2·π·R / (256 · 2**z)          web-mercator metres per screen pixel at zoom z
    z_fit   = floor(log2(2·π·R · VIEW_PX / (256 · E)) / ZOOM_SNAP) · ZOOM_SNAP
              E = the larger of the extent's mercator width and height

All work happens in screen pixels at ``z_fit`` (mercator metres / res(z_fit)), so a tolerance
in pixels is the same in every direction and at every latitude.

Steps, each chosen for a measured reason:

1. **Repair** the input into a polygonal coverage (``shapely.coverage_clean``) when it is not
   one already. Real desa files are digitised per polygon: neighbours' vertices do not match,
   slivers overlap and thin gaps open (Banten desa: 1,545 of 1,552 polygons have unmatched
   edges, 0.03% of the area overlaps, ~10,000 sliver gaps). Simplifying such input would
   widen gaps and overlaps, and both sides of every gap would cost vertices. Vertices closer
   than ``SNAP_PX`` are snapped together (closes almost all gaps: 68,000 → 24,000 vertices
   kept for Banten), overlaps go to the neighbour with the longest shared border. Where the
   source overlapped, one neighbour's border moves by the overlap's width — a few desa per
   kabupaten, by 1–3 px; :func:`repair_coverage` exposes this step so it can be measured.
2. **Simplify** with ``shapely.coverage_simplify`` (topology-preserving Visvalingam–Whyatt:
   each shared edge is simplified once, for both neighbours, and edges never cross) at
   ``VW_TOLERANCE_PX``.
3. **Guard the error.** The VW tolerance is the square root of the removed triangles' area,
   not a distance: thin spikes vanish however long they are (measured on Banten desa at a
   0.5 px tolerance: 18 polygons off by 1–3.4 px). So every removed vertex that lies
   ``ERROR_BUDGET_PX`` or more from its polygon's simplified boundary is put back — per run of
   removed vertices, the farthest one first, as Douglas–Peucker would — until none is left.
   Vertices are kept or dropped *by coordinate*, so a vertex on a shared border is kept for
   both neighbours: borders stay identical. Every original vertex then lies within the budget
   of the simplified boundary and every simplified vertex is an original one, which bounds
   the Hausdorff distance by the budget.
   A restored vertex can cross a neighbouring simplified edge; the polygons concerned then
   keep all their vertices (checked with ``coverage_is_valid``).
4. **Quantise**: coordinates rounded to ``N`` decimals, the fewest with 10**-N below
   ``QUANTUM_PX`` pixel (rounding moves a point by at most 0.71·10**-N, i.e. < 0.08 px).
   Every polygon is rounded alike, so shared borders stay identical; if rounding broke a
   polygon, one more decimal is tried for all (up to three), then ``shapely.set_precision``.

Pure numpy/shapely; no streamlit.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.rings import Rings
from geo.schema import Level

if TYPE_CHECKING:  # imported where used: a worker process simplifying WKB needs only numpy and shapely
    import geopandas as gpd

EARTH_RADIUS_M = 6378137.0  # WGS84 / web-mercator sphere
TILE_PX = 256
VIEW_PX = 800  # a map's size the frame is fitted into
ZOOM_SNAP = 1.0  # the maps' zoom steps (Leaflet zoomSnap): fitting zooms are multiples of it
VW_TOLERANCE_PX = 2.0  # coverage_simplify tolerance (√area), before the error guard
ERROR_BUDGET_PX = 0.8  # simplification error allowed, before quantisation
SNAP_PX = 0.05  # repair: vertices closer than this are snapped together, closing sub-pixel gaps
QUANTUM_PX = 0.1  # rounding grid, at most this fraction of a pixel
MAX_GUARD_ROUNDS = 40
# Names the method and its parameters: simplified geometry kept elsewhere (geo.shapes) is
# only reused while this is unchanged.
METHOD = f"clean{SNAP_PX}-vw{VW_TOLERANCE_PX}-guard{ERROR_BUDGET_PX}-q{QUANTUM_PX}-view{VIEW_PX}-snap{ZOOM_SNAP}"

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


# --- web-mercator pixel geometry ------------------------------------------------
def resolution(zoom: float) -> float:
    """Web-mercator metres per screen pixel at ``zoom``."""
    return 2 * math.pi * EARTH_RADIUS_M / (TILE_PX * 2.0**zoom)


def _to_mercator(xy: np.ndarray) -> np.ndarray:
    lon, lat = np.radians(xy[:, 0]), np.radians(np.clip(xy[:, 1], -85.05, 85.05))
    return np.column_stack([EARTH_RADIUS_M * lon, EARTH_RADIUS_M * np.log(np.tan(np.pi / 4 + lat / 2))])


def _from_mercator(xy: np.ndarray) -> np.ndarray:
    lon = np.degrees(xy[:, 0] / EARTH_RADIUS_M)
    lat = np.degrees(2 * np.arctan(np.exp(xy[:, 1] / EARTH_RADIUS_M)) - np.pi / 2)
    return np.column_stack([lon, lat])


def to_pixels(geometry, zoom: float):
    """Lon/lat geometry (array) → screen-pixel coordinates at ``zoom``."""
    res = resolution(zoom)
    return shapely.transform(geometry, lambda xy: _to_mercator(xy) / res)


def from_pixels(geometry, zoom: float):
    """Inverse of :func:`to_pixels`."""
    res = resolution(zoom)
    return shapely.transform(geometry, lambda xy: _from_mercator(xy * res))


def fit_zoom(bounds, view_px: int = VIEW_PX) -> float:
    """The zoom Leaflet's ``fitBounds`` picks for lon/lat ``bounds`` (minx, miny, maxx, maxy)
    in a map of ``view_px`` pixels with ``zoomSnap: ZOOM_SNAP``.

    ``log2(2πR·view_px / (256·E))`` with E the larger mercator side, rounded down to a
    multiple of ZOOM_SNAP; capped to 0–18.
    """
    (x0, y0), (x1, y1) = _to_mercator(np.array([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]))
    extent = max(x1 - x0, y1 - y0)
    if not extent > 0:
        return 18.0
    exact = math.log2(2 * math.pi * EARTH_RADIUS_M * view_px / (TILE_PX * extent))
    return float(min(18.0, max(0.0, math.floor(exact / ZOOM_SNAP + 1e-9) * ZOOM_SNAP)))


def _zoom_for_pixel_m(pixel_m: float, bounds) -> float:
    """Fractional zoom at which one screen pixel is ``pixel_m`` metres on the ground at the frame's centre."""
    lat = math.radians((bounds[1] + bounds[3]) / 2)
    return math.log2(2 * math.pi * EARTH_RADIUS_M * math.cos(lat) / (TILE_PX * pixel_m))


# --- error ------------------------------------------------------------------------
def error_px(original, simplified, zoom: float) -> np.ndarray:
    """Per-feature Hausdorff distance between two aligned lon/lat geometry arrays, in pixels at ``zoom``.

    Discrete Hausdorff (GEOS): vertex-to-geometry distances both ways. NaN where either side
    is missing or empty.
    """
    a = np.asarray(getattr(original, "values", original), dtype=object)
    b = np.asarray(getattr(simplified, "values", simplified), dtype=object)
    if a.shape != b.shape:
        raise ValueError(f"original and simplified must be aligned, got {a.shape} and {b.shape}")
    return shapely.hausdorff_distance(to_pixels(a, zoom), to_pixels(b, zoom))


def max_error_px(original, simplified, zoom: float) -> float:
    """The largest :func:`error_px` over all features (0.0 when there are none)."""
    errors = error_px(original, simplified, zoom)
    errors = errors[~np.isnan(errors)]
    return float(errors.max()) if errors.size else 0.0


# --- repair -------------------------------------------------------------------------
def _polygonal(geometry: np.ndarray) -> np.ndarray:
    """Valid polygonal geometries; invalid ones made valid, non-polygonal parts dropped."""
    out = geometry.copy()
    bad = ~shapely.is_valid(out)
    for i in np.flatnonzero(bad):
        fixed = shapely.make_valid(out[i])
        parts = shapely.get_parts(fixed)
        parts = parts[np.isin(shapely.get_type_id(parts), _POLYGONAL)]
        out[i] = shapely.union_all(parts) if len(parts) else shapely.Polygon()
    return out


def _repair_px(geometry: np.ndarray, coverage_valid: bool = False) -> tuple[np.ndarray, bool]:
    """(the coverage to simplify, whether it is the input as given: a valid coverage)."""
    geometry = _polygonal(geometry)
    if len(geometry) == 0 or coverage_valid or shapely.coverage_is_valid(geometry):
        return geometry, True
    cleaned = np.asarray(shapely.coverage_clean(geometry, snapping_distance=SNAP_PX), dtype=object)
    emptied = shapely.is_empty(cleaned) & ~shapely.is_empty(geometry)
    cleaned[emptied] = geometry[emptied]
    return cleaned, False


def repair_coverage(geometry, zoom: float) -> np.ndarray:
    """Lon/lat polygons → a valid polygonal coverage (lon/lat, aligned with the input).

    The first step of :func:`simplify_for_level`, exposed so its effect can be measured.
    Unchanged when the input already is a coverage; otherwise ``shapely.coverage_clean`` in
    pixels at ``zoom``: vertices closer than ``SNAP_PX`` snapped together (closing the
    sub-pixel gaps between independently digitised neighbours), overlaps merged into the
    neighbour with the longest shared border. Invalid polygons are made valid first; a
    polygon the cleaning would empty keeps its own geometry.
    """
    geometry = np.asarray(getattr(geometry, "values", geometry), dtype=object)
    return from_pixels(_repair_px(to_pixels(geometry, zoom))[0], zoom)


# --- simplification -----------------------------------------------------------------
def _guarded_simplify(coverage_px: np.ndarray, coverage_valid: bool = False) -> np.ndarray:
    """coverage_simplify, then dropped vertices put back until every one is within the budget.

    ``coverage_valid``: the input is a valid coverage as given (not repaired); then a result
    holding exactly coverage_simplify's vertices is valid too and is not checked again."""
    rings = Rings(coverage_px)
    if len(rings.coords) == 0:
        return coverage_px
    simplified = shapely.coverage_simplify(coverage_px, VW_TOLERANCE_PX)
    keep = rings.having(shapely.get_coordinates(simplified))
    as_simplified = coverage_valid and int(keep.sum()) == int(shapely.get_num_coordinates(simplified).sum())
    for _ in range(MAX_GUARD_ROUNDS):
        dropped, distance, segment = rings.deviation(keep)
        over = distance >= ERROR_BUDGET_PX
        if not over.any():
            break
        # The farthest vertex under each replacing segment goes back (Douglas–Peucker order).
        candidates, far, segment = dropped[over], distance[over], segment[over]
        order = np.lexsort((-far, segment))
        first = np.unique(segment[order], return_index=True)[1]
        keep[candidates[order][first]] = True
        keep = rings.shared(keep)
        as_simplified = False
    else:  # pragma: no cover - converges in a few rounds; the cap only guards the loop
        keep[:] = True
    result = rings.rebuild(keep)
    if as_simplified:  # coverage_simplify keeps a valid coverage valid: nothing was put back
        return result
    # A vertex put back can, rarely, cross a neighbouring simplified edge. The polygons
    # concerned get all their vertices back (their neighbours too, on the shared borders).
    for _ in range(3):
        broken = ~shapely.is_valid(result)
        if shapely.coverage_is_valid(result) and not broken.any():
            return result
        broken |= ~shapely.is_empty(shapely.coverage_invalid_edges(result))
        keep = rings.shared(keep | np.isin(rings.feature, np.flatnonzero(broken)))
        result = rings.rebuild(keep)
    return coverage_px


def _quantise(geometry: np.ndarray, decimals: int) -> tuple[np.ndarray, int]:
    """Coordinates rounded to ``decimals`` (or up to 3 more if rounding broke a polygon).

    The same rounding for every polygon keeps shared borders identical; a polygon still
    invalid at the finest try is snapped to that grid by ``shapely.set_precision``.
    """
    for extra in range(4):
        rounded = shapely.transform(geometry, lambda xy, n=decimals + extra: np.round(xy, n))
        broken = ~shapely.is_valid(rounded) | (shapely.is_empty(rounded) & ~shapely.is_empty(geometry))
        if not broken.any():
            return rounded, decimals + extra
    rounded[broken] = shapely.set_precision(geometry[broken], 10.0 ** -(decimals + extra))
    return rounded, decimals + extra


def _single_parts(geometry: np.ndarray) -> np.ndarray:
    """MultiPolygons of one part back to Polygons (shorter GeoJSON)."""
    single = (shapely.get_type_id(geometry) == shapely.GeometryType.MULTIPOLYGON) & (
        shapely.get_num_geometries(geometry) == 1
    )
    geometry = geometry.copy()
    geometry[single] = shapely.get_geometry(geometry[single], 0)
    return geometry


STEPS = ("repair", "simplify", "quantise")  # reported to ``progress`` as each one starts


def simplify_geometry(geometry, *, pixel_m: float | None = None, coverage_valid: bool = False,
                      progress=None) -> tuple[np.ndarray, dict]:
    """The core of :func:`simplify_for_level` on a lon/lat geometry array, without a frame.

    Returns (the simplified array, aligned with the input; non-polygonal, missing and empty
    entries unchanged) and {zoom, decimals, vertices_before, vertices_after}.
    ``coverage_valid=True``: the caller knows the polygons form a valid coverage (e.g. a subset
    of one checked with ``shapely.coverage_is_valid``), so neither the repair's check nor, when
    no vertex was put back, the guard's is run again. ``progress(step)`` is called with each of
    ``STEPS`` as it starts. Raises ValueError for a non-positive ``pixel_m``.
    """
    if pixel_m is not None and not pixel_m > 0:
        raise ValueError(f"pixel_m must be a positive number of metres, got {pixel_m!r}")
    geometry = np.asarray(getattr(geometry, "values", geometry), dtype=object)
    usable = ~shapely.is_missing(geometry) & ~shapely.is_empty(geometry)
    usable[usable] = np.isin(shapely.get_type_id(geometry[usable]), _POLYGONAL)
    original = geometry[usable]
    info = {"zoom": None, "decimals": None, "vertices_before": 0, "vertices_after": 0}
    if not original.size:
        return geometry, info
    report = progress or (lambda step: None)
    bounds = shapely.total_bounds(original)
    zoom = _zoom_for_pixel_m(pixel_m, bounds) if pixel_m else fit_zoom(bounds)
    report("repair")
    coverage, as_given = _repair_px(to_pixels(original, zoom), coverage_valid)
    report("simplify")
    simplified = from_pixels(_guarded_simplify(coverage, as_given), zoom)
    report("quantise")
    lat_max = max(abs(bounds[1]), abs(bounds[3]))
    degrees_per_px = 360.0 / (TILE_PX * 2.0**zoom) * math.cos(math.radians(lat_max))
    decimals = max(0, math.ceil(-math.log10(QUANTUM_PX * degrees_per_px)))
    simplified, decimals = _quantise(simplified, decimals)
    simplified = _single_parts(simplified)
    geometry = geometry.copy()
    geometry[usable] = simplified
    info.update(zoom=zoom, decimals=decimals, vertices_before=int(shapely.get_num_coordinates(original).sum()),
                vertices_after=int(shapely.get_num_coordinates(simplified).sum()))
    return geometry, info


def simplify_wkb(wkb: list[bytes], coverage_valid: bool = False) -> list[bytes]:
    """:func:`simplify_geometry` of 2D WKB polygons, as 2D WKB (aligned): a worker process's job
    (``geo.shapes``), importable without pandas or geopandas."""
    simplified, _ = simplify_geometry(shapely.from_wkb(wkb), coverage_valid=coverage_valid)
    return list(shapely.to_wkb(simplified, output_dimension=2))


def simplify_for_level(gdf: gpd.GeoDataFrame, level: Level | str, *, pixel_m: float | None = None,
                       measure: bool = True) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` (areas of ``level``) with geometry simplified for its map.

    Takes any columns plus polygonal ``geometry`` (reprojected to EPSG:4326; a frame without
    a CRS is taken as lon/lat). Returns the same rows and columns, geometry in EPSG:4326,
    neighbours still sharing borders exactly (no gaps or overlaps added), every border within
    one screen pixel of the (repaired) original at the zoom the frame is shown at, and
    coordinates rounded to a few decimals.

    ``level`` is the level of the rows; the view that shows them is their parent area (a
    kabupaten for kecamatan, a kecamatan for desa), which in the product's drill-down is the
    frame's own extent, so the zoom is the fitting zoom of the frame (see the module doc).
    ``pixel_m`` instead fixes the ground size of one screen pixel in metres.

    ``result.attrs["simplify"]`` records ``level``, ``zoom``, ``decimals``, ``vertices_before``,
    ``vertices_after`` and ``max_error_px`` (against the input as given; None with
    ``measure=False``, which skips that check, a tenth of the time). Rows without
    polygonal geometry are returned unchanged. Raises ValueError for an unknown level or a
    non-positive ``pixel_m``.
    """
    import geopandas as gpd

    level = Level(level)
    out = gdf.copy()
    if out.crs is None:
        out = out.set_crs("EPSG:4326")
    elif not out.crs.equals("EPSG:4326"):
        out = out.to_crs("EPSG:4326")
    original = np.asarray(out.geometry.values, dtype=object)
    geometry, info = simplify_geometry(original, pixel_m=pixel_m)
    if info["zoom"] is None:  # nothing polygonal: nothing simplified
        max_error = 0.0
    else:
        max_error = max_error_px(original, geometry, info["zoom"]) if measure else None
    info = {"level": level.value, **info, "max_error_px": max_error}
    out = out.set_geometry(gpd.GeoSeries(geometry, index=out.index, crs="EPSG:4326"))
    out.attrs["simplify"] = info
    return out

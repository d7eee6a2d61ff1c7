"""The areas a national or provincial map loads for its viewport as the reader zooms in.

The whole country's (or a provinsi's) map draws its kabupaten/kota. Zoomed in past ``STEPS``'
thresholds, the page reruns with the map's bounds and zoom (``st_folium`` returns them) and draws
the kecamatan, then the desa, inside the viewport and a margin around it — at most a fixed count,
each kabupaten/kota's areas with the shapes prepared for that kabupaten/kota's own view
(``geo.shapes``, simplified at its fitting zoom: no simplification while the reader waits). The
map opens where the reader left it. A move that stays inside the loaded box loads nothing.
A kabupaten/kota's own map is not affected: it draws all of its desa as one plain view.

State: ``peta_viewport`` (a ``Viewport``, for the view it was loaded in) in session state.
"""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from geo.schema import Col, Level, is_country
from ui import queries

STEPS = ((10, Level.DESA, 2000), (8, Level.KECAMATAN, 1000))  # (from zoom, level loaded, at most that many areas)
MARGIN = 0.25  # of the viewport's width and height loaded on each side: a small pan loads nothing
RETURNED = ["bounds", "zoom", "center"]  # what the map must send back for this


@dataclass(frozen=True)
class Viewport:
    """Areas of ``level`` loaded for a box (west, south, east, north) around what the reader saw at
    ``centre`` (lat, lon) and ``zoom``, in the map view ``base`` (area shown, its level)."""

    base: tuple[str, str]
    level: str
    box: tuple[float, float, float, float]
    centre: tuple[float, float]
    zoom: float

    @property
    def key(self) -> str:
        return f"{self.level}_" + "_".join(f"{v:.3f}" for v in self.box)


@dataclass
class Loaded:
    """What the map draws for a viewport: the areas (simplified), the kabupaten/kota borders over
    them, how many areas the box holds and the level (``table`` is None when over the cap)."""

    viewport: Viewport
    table: gpd.GeoDataFrame | None
    outline: gpd.GeoDataFrame | None
    count: int
    level: str


def applies(area: str, level: str) -> bool:
    """Viewport loading is for maps of the country or a provinsi drawn at provinsi or kabupaten level."""
    wide = is_country(area) or Level.of_code(area) == Level.PROVINSI
    return wide and level in (Level.PROVINSI.value, Level.KABUPATEN.value)


def step(zoom) -> tuple[Level, int] | None:
    """(level, cap) loaded at ``zoom``; None below the first threshold."""
    return next(((lvl, cap) for z, lvl, cap in STEPS if zoom is not None and zoom >= z), None)


def _box(answer: dict) -> tuple[float, float, float, float] | None:
    bounds = (answer or {}).get("bounds") or {}
    sw, ne = bounds.get("_southWest") or {}, bounds.get("_northEast") or {}
    values = (sw.get("lng"), sw.get("lat"), ne.get("lng"), ne.get("lat"))
    return None if None in values else tuple(float(v) for v in values)


def answered(base: tuple[str, str], answer: dict | None, current: Viewport | None) -> Viewport | None:
    """What to load after the map's ``answer`` (st_folium's bounds, zoom, center) in the view
    ``base``: ``current`` while the reader stays inside its box at its level, a new ``Viewport``
    (the box seen, a margin around it) otherwise, None below the first threshold."""
    if current is not None and current.base != base:
        current = None
    seen, zoom, centre = _box(answer), (answer or {}).get("zoom"), (answer or {}).get("center")
    if not applies(*base) or seen is None or zoom is None or not centre:
        return current  # st_folium's own default (the drawn areas' bounds, no centre) is not the reader's view
    wanted = step(zoom)
    if wanted is None:
        return None
    if current is not None and current.level == wanted[0].value and shapely.box(*current.box).contains(shapely.box(*seen)):
        return current
    w, s, e, n = seen
    dx, dy = (e - w) * MARGIN, (n - s) * MARGIN
    return Viewport(base, wanted[0].value, (w - dx, s - dy, e + dx, n + dy),
                    (float(centre.get("lat", (s + n) / 2)), float(centre.get("lng", (w + e) / 2))), float(zoom))


def follow(base: tuple[str, str], answer: dict | None) -> bool:
    """Keep ``peta_viewport`` in step with the map's answer; True when what is loaded changes (rerun)."""
    current = st.session_state.get("peta_viewport")
    current = current if current is not None and current.base == base else None  # another view's: forgotten
    wanted = st.session_state["peta_viewport"] = answered(base, answer, current)
    return wanted != current


def loaded(ctx, base: tuple[str, str], table_for) -> Loaded | None:
    """The areas to draw for the map's viewport in the view ``base``, or None (the view's own areas).

    ``table_for(level, within)``: the coloured table (with geometry) of ``level`` inside one
    kabupaten/kota, as the page's metric wants it."""
    vp = st.session_state.get("peta_viewport")
    if vp is None or vp.base != base or not applies(*base):
        return None
    kabupaten = queries.coverage_table(ctx.url, ctx.stamp, Level.KABUPATEN.value, base[0], ctx.date, geometry=True)
    kabupaten = kabupaten[_in_box(kabupaten, vp.box)]
    levels = [lvl for _, lvl, _ in STEPS]
    for level in levels[levels.index(Level(vp.level)):]:  # too many desa: the kecamatan instead
        cap = next(c for _, lvl, c in STEPS if lvl == level)
        parts = [_areas_in(table_for(level.value, kode), level, vp.box, ctx) for kode in kabupaten[Col.KODE]]
        count = sum(len(p) for p in parts)
        if count <= cap:
            table = pd.concat(parts, ignore_index=True) if parts else None
            if table is not None:
                table = gpd.GeoDataFrame(table, geometry=Col.GEOMETRY, crs="EPSG:4326")
                table.attrs["simplify"] = {"level": level.value}  # simplified per kabupaten/kota below
            return Loaded(vp, table, kabupaten, count, level.value)
    return Loaded(vp, None, kabupaten, count, levels[-1].value)


def _in_box(frame: gpd.GeoDataFrame, box) -> pd.Series:
    have = ~(frame.geometry.isna() | frame.geometry.is_empty)
    return have & frame.geometry.intersects(shapely.box(*box))


def _areas_in(table: gpd.GeoDataFrame, level: Level, box, ctx) -> gpd.GeoDataFrame:
    """The rows of one kabupaten/kota's ``table`` whose area meets ``box``, with the geometry of its
    own prepared view (the seam where prepared shapes for (area, level, box) are asked for)."""
    table = table[~(table.geometry.isna() | table.geometry.is_empty)].reset_index(drop=True)
    if table.empty:
        return table
    shapes = queries.shapes(ctx.url).simplified(table[Col.KODE], table.geometry.values, level)
    keep = _in_box(table, box).to_numpy()
    out = table[keep].copy()
    out[Col.GEOMETRY] = shapes[keep]
    return out

"""The areas a national or provincial map loads for its viewport as the reader zooms in.

The whole country's (or a provinsi's) map draws its kabupaten/kota. Zoomed in past ``STEPS``'
thresholds (past the zoom the view's map opened at), the page reruns with the map's bounds and
zoom (``st_folium`` returns them) and draws the kecamatan, then the desa, inside the viewport and a
margin around it — at most a fixed count, with the shapes prepared for their provinsi's
(kecamatan) or kabupaten/kota's (desa) own view (``geo.shapes``, simplified at that view's fitting
zoom: no simplification while the reader waits). The map opens where the reader left it. A move
that stays inside the loaded box at the same level loads nothing. Once the country's or a
provinsi's own map has been sent (``ui.map_view.show_map``), the prepared kecamatan views of its provinsi are read ahead in
the background (``warm_up``): the first zoom finds them in the cache.
A kabupaten/kota's own map is not affected: it draws all of its desa as one plain view.

State: ``peta_viewport`` (a ``Viewport``, for the view it was loaded in) in session state.
"""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from geo.schema import Col, Level, ancestor_code, is_country
from ui import queries
from ui.prepare import in_background

STEPS = ((11, Level.DESA, 1500), (8, Level.KECAMATAN, 1000))  # (from zoom, level loaded, at most that many areas)
# Whose prepared view (geo.shapes) a level's shapes come from: simplified for about the zoom it shows at.
PREPARED_IN = {Level.KECAMATAN: Level.PROVINSI, Level.DESA: Level.KABUPATEN}
MARGIN = 0.1  # of the viewport's width and height loaded on each side: a small pan loads nothing
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


def answered(base: tuple[str, str], answer: dict | None, current: Viewport | None,
             opened_at: float | None = None) -> Viewport | None:
    """What to load after the map's ``answer`` (st_folium's bounds, zoom, center) in the view
    ``base``: ``current`` while the reader stays inside its box at its level, a new ``Viewport``
    (the box seen, a margin around it) otherwise, None below the first threshold or at the zoom
    ``opened_at`` the view's own map opened at, or further out (a small provinsi opens past the
    first threshold: its kabupaten/kota come first all the same)."""
    if current is not None and current.base != base:
        current = None
    seen, zoom, centre = _box(answer), (answer or {}).get("zoom"), (answer or {}).get("center")
    if not applies(*base) or seen is None or zoom is None or not centre:
        return current  # st_folium's own default (the drawn areas' bounds, no centre) is not the reader's view
    wanted = step(zoom)
    if wanted is None or (opened_at is not None and zoom <= opened_at):
        return None
    if current is not None and current.level == wanted[0].value and shapely.box(*current.box).contains(shapely.box(*seen)):
        return current
    w, s, e, n = seen
    dx, dy = (e - w) * MARGIN, (n - s) * MARGIN
    return Viewport(base, wanted[0].value, (w - dx, s - dy, e + dx, n + dy),
                    (float(centre.get("lat", (s + n) / 2)), float(centre.get("lng", (w + e) / 2))), float(zoom))


def follow(base: tuple[str, str], answer: dict | None) -> bool:
    """Keep ``peta_viewport`` in step with the map's answer; True when what is loaded changes (rerun)."""
    ss = st.session_state
    current = ss.get("peta_viewport")
    current = current if current is not None and current.base == base else None  # another view's: forgotten
    opened = ss.setdefault("peta_opened_at", {})
    if current is None and base not in opened and (answer or {}).get("center"):
        opened[base] = answer.get("zoom")  # the view's own map just opened: its first answer
        return False
    wanted = ss["peta_viewport"] = answered(base, answer, current, opened.get(base))
    return wanted != current


def loaded(ctx, base: tuple[str, str], table_for) -> Loaded | None:
    """The areas to draw for the map's viewport in the view ``base``, or None (the view's own areas).

    ``table_for(level, within)``: the coloured table (with geometry) of ``level`` inside one area,
    as the page's metric wants it. Kecamatan come from their provinsi's view, desa from their
    kabupaten/kota's (``PREPARED_IN``)."""
    vp = st.session_state.get("peta_viewport")
    if vp is None or vp.base != base or not applies(*base):
        return None
    kabupaten = queries.coverage_table(ctx.url, ctx.stamp, Level.KABUPATEN.value, base[0], ctx.date, ctx.settings.zones,
                                       geometry=True)
    kabupaten = kabupaten[_in_box(kabupaten, vp.box)]
    levels = [lvl for _, lvl, _ in STEPS]
    for level in levels[levels.index(Level(vp.level)):]:  # too many desa: the kecamatan instead
        cap = next(c for _, lvl, c in STEPS if lvl == level)
        parents = sorted({ancestor_code(k, PREPARED_IN[level]) for k in kabupaten[Col.KODE]})
        parts = [_areas_in(table_for(level.value, kode), level, vp.box, ctx, kode) for kode in parents]
        count = sum(len(p) for p in parts)
        if count <= cap:
            table = pd.concat(parts, ignore_index=True) if parts else None
            if table is not None:
                table = gpd.GeoDataFrame(table, geometry=Col.GEOMETRY, crs="EPSG:4326")
                table.attrs["simplify"] = {"level": level.value}  # simplified per parent's view, below
            return Loaded(vp, table, _outline(kabupaten, level, ctx, base[0]), count, level.value)
    return Loaded(vp, None, _outline(kabupaten, levels[-1], ctx, base[0]), count, levels[-1].value)


def warm_up(ctx, base: tuple[str, str]):
    """Once the country's or a provinsi's own map (``base``: area, level) is sent: read, in the background
    and once per server, data stamp, area and date (``ui.prepare.in_background``), what its first
    zoom to kecamatan takes (``loaded``): each provinsi's kecamatan (coverage table and prepared
    view) and the kabupaten/kota borders of its view, through the same cached functions. Returns the
    thread (None when ``base`` loads nothing for its viewport). Desa are not read ahead: a zoom to
    desa meets a few kabupaten/kota, each read in a fraction of a second, and all of them would
    hold every desa's geometry in memory."""
    if not applies(*base):
        return None
    url, stamp, area, date, zones = ctx.url, ctx.stamp, base[0], ctx.date, ctx.settings.zones
    return in_background(("viewport", url, stamp, area, date, zones),
                         lambda: _read_ahead(url, stamp, area, date, zones))


def _read_ahead(url: str, stamp, area: str, date: str | None, zones) -> None:
    kabupaten = queries.coverage_table(url, stamp, Level.KABUPATEN.value, area, date, zones, geometry=True)
    provinsi = sorted({ancestor_code(k, Level.PROVINSI) for k in kabupaten[Col.KODE]})
    for kode in provinsi:
        view_shapes(url, stamp, Level.KECAMATAN.value, kode, date, zones)
        view_shapes(url, stamp, Level.KABUPATEN.value, kode, date, zones, area)  # the map's own table (``_outline``)


def _outline(kabupaten: gpd.GeoDataFrame, level: Level, ctx, area: str) -> gpd.GeoDataFrame:
    """The kabupaten/kota (Col.KODE, geometry) whose borders are drawn over ``level``'s areas. Over
    kecamatan their shapes come from their provinsi's prepared view, as the kecamatan's do (a pan
    that meets other kabupaten/kota simplifies nothing); over the few of a desa viewport the map
    simplifies them for the viewport's own extent, closer to the desa's zoom. ``area``: the map's
    (country or provinsi), whose kabupaten/kota table is at hand."""
    if level != Level.KECAMATAN or kabupaten.empty:
        return kabupaten
    provinsi = sorted({ancestor_code(k, Level.PROVINSI) for k in kabupaten[Col.KODE]})
    shapes = pd.concat([view_shapes(ctx.url, ctx.stamp, Level.KABUPATEN.value, p, ctx.date, ctx.settings.zones, area)
                        for p in provinsi])
    shapes = shapes.reindex(kabupaten[Col.KODE])
    if shapes.isna().any():
        return kabupaten
    out = gpd.GeoDataFrame({Col.KODE: kabupaten[Col.KODE].to_numpy()}, geometry=shapes.to_numpy(), crs="EPSG:4326")
    out.attrs["simplify"] = {"level": Level.KABUPATEN.value}  # drawn as they are
    return out


def _in_box(frame: gpd.GeoDataFrame, box) -> pd.Series:
    have = ~(frame.geometry.isna() | frame.geometry.is_empty)
    return have & frame.geometry.intersects(shapely.box(*box))


def _areas_in(table: gpd.GeoDataFrame, level: Level, box, ctx, within: str) -> gpd.GeoDataFrame:
    """The rows of one provinsi's or kabupaten/kota's ``table`` (inside ``within``) whose area meets
    ``box``, with the geometry of its own prepared view (the seam where prepared shapes for (area,
    level, box) are asked for)."""
    table = table[~(table.geometry.isna() | table.geometry.is_empty)].reset_index(drop=True)
    if table.empty:
        return table
    shapes = view_shapes(ctx.url, ctx.stamp, level.value, within, ctx.date, ctx.settings.zones).reindex(table[Col.KODE])
    if shapes.isna().any():  # rows the coverage table does not hold (another metric's): their own view
        shapes = gpd.GeoSeries(queries.shapes(ctx.url).simplified(table[Col.KODE], table.geometry.values, level))
    keep = _in_box(table, box).to_numpy()
    out = table[keep].copy()
    out[Col.GEOMETRY] = shapes.to_numpy()[keep]
    return out


@st.cache_data(show_spinner=False, max_entries=512)
def view_shapes(url: str, stamp, level: str, within: str, date: str | None, zones,
                read_in: str | None = None) -> gpd.GeoSeries:
    """The prepared (simplified) shapes of the areas of ``level`` inside ``within``, by Col.KODE: what a
    viewport takes from each parent's view, without digesting the parent's full geometry again on
    every move of the map (``geo.shapes.view_key``). ``read_in``: an area holding ``within`` whose
    coverage table of ``level`` is at hand (the map's own: its rows under ``within`` are the same
    areas and geometry, hence the same prepared view) instead of reading ``within``'s. ``zones``: the
    page's (the table read is then the one the page holds in the cache)."""
    table = queries.coverage_table(url, stamp, level, read_in or within, date, zones, geometry=True)
    if read_in is not None and read_in != within:
        depth = Level.of_code(within)
        table = table[[ancestor_code(k, depth) == within for k in table[Col.KODE]]]
    table = table[~(table.geometry.isna() | table.geometry.is_empty)]
    simplified = queries.shapes(url).simplified(table[Col.KODE], table.geometry.values, Level(level))
    return gpd.GeoSeries(simplified, index=pd.Index(table[Col.KODE].astype(str), name=Col.KODE), crs="EPSG:4326")

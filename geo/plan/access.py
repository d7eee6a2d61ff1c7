"""Where people can record by themselves, and how far each candidate site is from the base and from
a working fixed recording site.

A **fixed recording site** is a stored 'lokasi' point of a FIXED_KINDS kind (the Disdukcapil
office, a Mal Pelayanan Publik, a kantor kecamatan); mobile units are not fixed. It **works** at a
date unless ``geo.capacity.sites_down`` says it has no working recording device then
(``lokasi_lumpuh``); a site the device inventory knows nothing about counts as working (the
planner does not invent breakdowns). Travel follows ``geo.plan.travel``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo.columns import (
    ALAT_KEC, DARATAN, FAKTOR_JALAN, JAM_AKSES, JAM_TEMPUH, JARAK, JENIS, KODE_DESA, KODE_KEC, LAT, LOKASI_ID,
    LOKASI_LUMPUH, LOKASI_TERDEKAT, LON, RUSAK_SEJAK, SEJAK,
)
from geo.plan.travel import Sea, Travel, crossing_hours, haversine_km, land_groups
from geo.schema import Col, Level, ancestor_code
from geo.store import Store

FIXED_KINDS = ("disdukcapil", "mpp", "kecamatan")
WORKS = "berfungsi"


def fixed_sites(store: Store, kabupaten: str, date: str | None = None) -> pd.DataFrame:
    """The fixed recording sites of ``kabupaten`` at ``date`` (default: the newest data): id, Col.NAMA,
    jenis, Col.KODE (the desa it stands in), kode_kecamatan, lat, lon, berfungsi (bool) and
    rusak_sejak (ISO date since when none of its devices works; None when it works)."""
    from geo.capacity import sites_down

    cols = ["id", Col.NAMA, JENIS, Col.KODE, KODE_KEC, LAT, LON, WORKS, RUSAK_SEJAK]
    points = store.points("lokasi", within=kabupaten)
    if points.empty:
        return pd.DataFrame(columns=cols)
    points[JENIS] = [a.get(JENIS) for a in points["atribut"]]
    points = points[points[JENIS].isin(FIXED_KINDS)].copy()
    down = sites_down(store, kabupaten, date=date)
    down = down[down[LOKASI_LUMPUH].astype(bool)]
    since = down.groupby(LOKASI_ID)[SEJAK].max().to_dict()  # the last of its devices to stop
    points["id"] = points["id"].astype(str)
    points[KODE_KEC] = [ancestor_code(k, Level.KECAMATAN) if str(k).count(".") >= 2 else None
                        for k in points[Col.KODE]]
    points[WORKS] = ~points["id"].isin(list(since))
    points[RUSAK_SEJAK] = [since.get(i) for i in points["id"]]
    return points[cols].reset_index(drop=True)


def _groups(polygons, codes, base_code: str | None) -> tuple[np.ndarray, dict[str, int]]:
    """Land group per code (0 = the base's; −1 for a code without a polygon) and the desa → group map."""
    raw = land_groups(polygons.geometry) if len(polygons) else np.zeros(0, dtype=int)
    by_desa = dict(zip(polygons[Col.KODE], raw))
    home = by_desa.get(base_code, 0)
    order = {home: 0}
    for g in raw:
        order.setdefault(g, len(order))
    renamed = {k: order[g] for k, g in by_desa.items()}
    return np.array([renamed.get(k, 0) for k in codes], dtype=int), renamed


def _hours(travel: Travel, sea: Sea | None, lon1, lat1, g1, lon2, lat2, g2, factor) -> np.ndarray:
    """Travel hours between point pairs (arrays): by road within a land group, by boat between groups."""
    km = haversine_km(lat1, lon1, lat2, lon2)
    hours = travel.road_hours(km, factor)
    cross = np.asarray(g1) != np.asarray(g2)
    if cross.any() and sea is not None:
        idx = np.nonzero(cross)[0]
        wet = sea.water_share(np.asarray(lon1)[idx], np.asarray(lat1)[idx], np.asarray(lon2)[idx],
                              np.asarray(lat2)[idx])
        hours[idx] = crossing_hours(km[idx], wet, travel, np.asarray(factor)[idx])
    return hours


def _device_state(sites: pd.DataFrame, fixed: pd.DataFrame) -> tuple[list, list]:
    """(alat_kecamatan, rusak_sejak) per site: aktif when a fixed site of its kecamatan works, rusak
    (since the last one stopped) when it has some and none works, tanpa when it has none."""
    state, since = [], []
    for kec in sites[KODE_KEC]:
        mine = fixed[fixed[KODE_KEC] == kec]
        if mine.empty:
            state.append("tanpa"), since.append(None)
        elif mine[WORKS].any():
            state.append("aktif"), since.append(None)
        else:
            state.append("rusak"), since.append(max(d for d in mine[RUSAK_SEJAK] if d))
    return state, since


def add_travel(sites: pd.DataFrame, base: dict, polygons, fixed: pd.DataFrame, travel: Travel = Travel(),
               roads=None) -> pd.DataFrame:
    """``sites`` (Col.KODE, KODE_DESA, kode_kecamatan, lat, lon, jarak_km) with the travel columns.

    ``polygons``: the desa of the kabupaten (Col.KODE, geometry, EPSG:4326) for land groups and the
    sea; ``fixed``: ``fixed_sites``; ``roads``: an optional ``geo.plan.roads.RoadNetwork``. Adds
    daratan (0 = the base's land group), jam_tempuh (hours from the base, one way), faktor_jalan
    (road km per straight km from the base: the road network's, else ``travel.road_factor``),
    jam_ke_lokasi (hours to the nearest working fixed site, inf when none works, NaN when no
    fixed site is listed), lokasi_terdekat
    (its name), alat_kecamatan and rusak_sejak (the kecamatan office's devices).
    """
    out = sites.copy()
    n = len(out)
    groups, by_desa = _groups(polygons, out[KODE_DESA], base.get(Col.KODE))
    out[DARATAN] = groups
    sea = Sea(polygons) if len(polygons) else None
    lon, lat = out[LON].to_numpy(float), out[LAT].to_numpy(float)
    factor = np.full(n, travel.road_factor)
    if roads is not None and n:
        road_km = roads.km([base[LON]], [base[LAT]], lon, lat, travel.road_factor)[0]
        straight = out[JARAK].to_numpy(float)
        known = np.isfinite(road_km) & (straight > 0.5) & (groups == 0)
        factor[known] = np.maximum(road_km[known] / straight[known], 1.0)
    out[FAKTOR_JALAN] = np.round(factor, 3)
    out[JAM_TEMPUH] = np.round(_hours(travel, sea, np.full(n, base[LON]), np.full(n, base[LAT]), np.zeros(n, int),
                                      lon, lat, groups, factor), 3) if n else []
    working = fixed[fixed[WORKS].astype(bool)] if len(fixed) else fixed
    if n and len(working):
        w_groups = np.array([by_desa.get(k, 0) for k in working[Col.KODE]])
        i, j = np.repeat(np.arange(n), len(working)), np.tile(np.arange(len(working)), n)
        hours = _hours(travel, sea, lon[i], lat[i], groups[i], working[LON].to_numpy(float)[j],
                       working[LAT].to_numpy(float)[j], w_groups[j], factor[i]).reshape(n, len(working))
        if roads is not None:  # within a land group, the road network where it serves the pair
            road_km = roads.km(lon, lat, working[LON].to_numpy(float), working[LAT].to_numpy(float),
                               travel.road_factor)
            use = (groups[:, None] == w_groups[None, :]) & np.isfinite(road_km)
            hours[use] = road_km[use] / travel.road_kmh
        nearest = hours.argmin(axis=1)
        out[JAM_AKSES] = np.round(hours[np.arange(n), nearest], 3)
        out[LOKASI_TERDEKAT] = working[Col.NAMA].to_numpy()[nearest]
    else:  # none works: inf; no fixed site listed at all: unknown (NaN), not "none works"
        out[JAM_AKSES] = np.inf if len(fixed) else np.nan
        out[LOKASI_TERDEKAT] = None
    out[ALAT_KEC], out[RUSAK_SEJAK] = _device_state(out, fixed) if n else ([], [])
    return out

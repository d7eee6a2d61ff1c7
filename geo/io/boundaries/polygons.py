"""Boundary polygons: made valid and polygonal, repeats of a code unioned, parents dissolved."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import shapely

from geo.io.boundaries.fields import clean_name
from geo.schema import Col, FileRefused, Level, parent_code

_POLYGONAL = (3, 6, 7)  # shapely type ids: Polygon, MultiPolygon, GeometryCollection (checked later)


def clean_polygons(geoms, codes: list[str], report: dict) -> np.ndarray:
    """2D polygonal geometries; invalid ones made valid, null/non-polygonal ones left empty.

    Adds n_repaired, repaired_kode, dropped_empty, dropped_not_polygon and dropped_kode to
    ``report``. Raises FileRefused ``batas_bukan_poligon`` (only points or lines) and
    ``batas_kosong`` (nothing left)."""
    geoms = np.array(geoms, dtype=object)  # the caller's array stays as it was
    # Only 3D/measured ones are copied flat: a copy of every polygon would double the file in memory.
    extra = shapely.get_coordinate_dimension(geoms) > 2
    if extra.any():
        geoms[extra] = shapely.force_2d(geoms[extra])
    missing = shapely.is_missing(geoms)
    geoms[missing] = shapely.Polygon()
    empty_in_file = shapely.is_empty(geoms)
    kinds = shapely.get_type_id(geoms)
    foreign = ~empty_in_file & ~np.isin(kinds, _POLYGONAL)  # points and lines
    if foreign.any() and (foreign | empty_in_file).all():
        raise FileRefused("batas_bukan_poligon", jenis=", ".join(sorted({g.geom_type for g in geoms[foreign]})))
    geoms[foreign] = shapely.Polygon()
    invalid = ~shapely.is_empty(geoms) & (~shapely.is_valid(geoms) | (kinds == 7))
    geoms[invalid] = [_polygonal(shapely.make_valid(g)) for g in geoms[invalid]]
    dropped = shapely.is_empty(geoms)
    if dropped.all():
        raise FileRefused("batas_kosong")
    repaired = invalid & ~dropped
    report.update(
        n_repaired=int(repaired.sum()),
        repaired_kode=[c for c, r in zip(codes, repaired) if r],
        dropped_empty=int((dropped & ~foreign).sum()),
        dropped_not_polygon=int(foreign.sum()),
        dropped_kode=[c for c, d in zip(codes, dropped) if d],
    )
    return geoms


def _polygonal(geom):
    """Only the polygonal parts of a make_valid result (a GeometryCollection may hold lines)."""
    if shapely.get_type_id(geom) in (3, 6):
        return geom
    parts = shapely.get_parts(shapely.get_parts(geom))
    polygons = [p for p in parts if shapely.get_type_id(p) == 3 and not p.is_empty]
    if len(polygons) <= 1:
        return polygons[0] if polygons else shapely.Polygon()
    multi = shapely.MultiPolygon(polygons)
    return multi if multi.is_valid else shapely.union_all(polygons)


def _union_groups(geoms: np.ndarray, groups: dict) -> list:
    """The union of each group, on all cores (GEOS releases the GIL): see :func:`_union`."""
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda idx: _union(geoms[idx]), groups.values()))


def _union(parts: np.ndarray):
    """The union of ``parts`` (valid polygonal geometries). Neighbours that share their borders
    vertex for vertex (a clean coverage: a national desa file) are joined by
    ``coverage_union_all``, which only drops the shared edges (several times faster than
    ``union_all``); any other input (overlaps, borders digitised apart) either makes it fail or
    shows in its result — invalid, or an area other than the parts' sum — and is unioned in full."""
    if len(parts) == 1:
        return parts[0]
    try:
        joined = shapely.coverage_union_all(parts)
    except shapely.errors.GEOSException:
        joined = None
    if joined is not None and joined.is_valid and not joined.is_empty:
        expected = float(shapely.area(parts).sum())
        if abs(joined.area - expected) <= 1e-9 * expected:
            return joined
    return shapely.union_all(parts)


def _close_small_holes(geoms: np.ndarray, min_area: float) -> np.ndarray:
    """``geoms`` (polygonal, non-empty) without interior rings smaller than ``min_area``."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    exterior = np.r_[True, ring_part[1:] != ring_part[:-1]]  # each part's rings start with its shell
    keep = exterior | (shapely.area(shapely.polygons(rings)) >= min_area)
    polygons = shapely.polygons(rings[keep], indices=ring_part[keep])
    multi = shapely.multipolygons(polygons, indices=owner)
    single = shapely.get_num_geometries(multi) == 1
    multi[single] = shapely.get_geometry(multi[single], 0)
    return multi


def merge_duplicates(rows: pd.DataFrame, report: dict) -> pd.DataFrame:
    """One row per code (Col.KODE, NAMA, GEOMETRY): same-name repeats are unioned; different
    names refuse the file (FileRefused ``batas_kode_ganda``). Keeps the index of first
    occurrences; adds merged_duplicates and merged_kode to ``report``."""
    repeated = rows[rows[Col.KODE].duplicated(keep=False)]
    report.update(merged_duplicates=0, merged_kode=[])
    if repeated.empty:
        return rows
    names = repeated[Col.NAMA].str.casefold().groupby(repeated[Col.KODE]).nunique()
    clash = sorted(names[names > 1].index)
    if clash:
        raise FileRefused("batas_kode_ganda", jumlah=len(clash), kode=", ".join(clash[:10]))
    groups = rows.groupby(Col.KODE).indices
    unions = dict(zip(groups, _union_groups(rows[Col.GEOMETRY].to_numpy(), groups)))
    merged = rows.drop_duplicates(Col.KODE).copy()
    merged[Col.GEOMETRY] = merged[Col.KODE].map(unions)
    report.update(merged_duplicates=len(rows) - len(merged), merged_kode=sorted(set(repeated[Col.KODE])))
    return merged


def dissolve(children: pd.DataFrame, level: Level, names: pd.Series | None) -> pd.DataFrame:
    """Parent areas of ``level`` as unions of ``children``, named from ``names`` (aligned) or by code.

    Holes smaller than a tenth of the smallest child are gaps between neighbours (digitising
    slivers: the Banten desa leave ~5,900 in their kecamatan), not enclaves: they are closed,
    which also makes the next dissolve up several times faster.
    """
    parents = children[Col.KODE].map(parent_code)
    groups = children.groupby(parents.to_numpy(), sort=True).indices
    geoms = children[Col.GEOMETRY].to_numpy()
    unions = _close_small_holes(np.array(_union_groups(geoms, groups), dtype=object),
                                float(shapely.area(geoms).min()) / 10)
    named = {}
    if names is not None:
        cleaned = pd.Series([clean_name(n) for n in names], index=children.index)
        named = cleaned.groupby(parents).agg(lambda s: s.mode().iloc[0] if s.notna().any() else None).to_dict()
    return pd.DataFrame({
        Col.KODE: list(groups),
        Col.NAMA: [named.get(k) or k for k in groups],
        Col.GEOMETRY: unions,
        Col.LEVEL: level.value,
    })


def per_parent(names: pd.Series | None, children: pd.DataFrame, parents: pd.DataFrame) -> pd.Series | None:
    """``names`` given per child, carried to each parent row (first filled value)."""
    if names is None:
        return None
    by_parent = names.groupby(children[Col.KODE].map(parent_code)).first()
    return parents[Col.KODE].map(by_parent)

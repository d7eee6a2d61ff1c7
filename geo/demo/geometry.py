"""Shapes of the fictional kabupaten: noisy coastlines, seed points, Voronoi cells that share
their borders exactly, and contiguous groups of cells."""
from __future__ import annotations

import heapq

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon

from geo.demo.constants import (
    GRID, MAINLAND_CENTRE, N_DESA_PULAU_BESAR, N_DESA_RURAL, N_KELURAHAN_KOTA, RURAL_CLEARANCE,
    URBAN_RADIUS,
)


def blob(rng: np.random.Generator, centre, radii, n_vertices: int, roughness: float,
         rotation_deg: float) -> Polygon:
    """A star-shaped noisy outline: an ellipse whose radius wanders with a few harmonics."""
    theta = np.linspace(0, 2 * np.pi, n_vertices, endpoint=False)
    r = np.ones_like(theta)
    for k in range(2, 10):
        r += roughness * rng.uniform(0.4, 1.0) / k ** 1.1 * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    jitter = rng.normal(0, roughness * 0.12, n_vertices)
    r += (jitter + np.roll(jitter, 1) + np.roll(jitter, -1)) / 3  # smoothed small-scale coast
    r = np.clip(r, 0.55, None)
    x, y = radii[0] * r * np.cos(theta), radii[1] * r * np.sin(theta)
    a = np.deg2rad(rotation_deg)
    xs = centre[0] + x * np.cos(a) - y * np.sin(a) * radii[0] / radii[1]
    ys = centre[1] + x * np.sin(a) * radii[1] / radii[0] + y * np.cos(a)
    return shapely.set_precision(Polygon(np.column_stack([xs, ys])), GRID)


def _dart_throw(rng, region, n: int, min_dist: float, centre=None, radius=None,
                avoid=None, avoid_dist: float = 0.0) -> list[tuple[float, float]]:
    """Up to ``n`` random points in ``region``, at least ``min_dist`` apart (Poisson-disk-like)."""
    minx, miny, maxx, maxy = region.bounds
    shapely.prepare(region)
    pts: list[tuple[float, float]] = []
    for _ in range(60 * n):
        if len(pts) == n:
            break
        if centre is not None:
            ang, rad = rng.uniform(0, 2 * np.pi), radius * np.sqrt(rng.uniform())
            x, y = centre[0] + rad * np.cos(ang), centre[1] + rad * np.sin(ang)
        else:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if not shapely.contains_xy(region, x, y):
            continue
        if avoid is not None and np.hypot(x - avoid[0], y - avoid[1]) < avoid_dist:
            continue
        if pts and np.min(np.hypot(*(np.array(pts) - (x, y)).T)) < min_dist:
            continue
        pts.append((x, y))
    return pts


def seed_points(rng, mainland: Polygon, island: Polygon, islet: Polygon):
    """Desa seed points: (urban, rural, island) lists, plus the seat's centre."""
    # The seat is a port town on the north coast (facing Flores).
    cx, cy = MAINLAND_CENTRE
    north = shapely.intersection(mainland.exterior, shapely.LineString([(cx, cy), (cx + 0.02, cy + 1)]))
    coast_y = max(g.y for g in getattr(north, "geoms", [north]))
    seat = (cx + 0.02 * (coast_y - cy), coast_y - 0.026)
    inland = mainland.buffer(-0.006)
    urban = _dart_throw(rng, inland, N_KELURAHAN_KOTA, 0.0085, centre=seat, radius=URBAN_RADIUS)
    rural: list[tuple[float, float]] = []
    spacing = 0.027
    while len(rural) < N_DESA_RURAL:  # relax the spacing until the kabupaten is full
        rural = _dart_throw(rng, inland, N_DESA_RURAL, spacing, avoid=seat, avoid_dist=RURAL_CLEARANCE)
        spacing *= 0.95
    pulau = _dart_throw(rng, island.buffer(-0.004), N_DESA_PULAU_BESAR, 0.017)
    pulau.append(tuple(np.array(islet.centroid.coords[0])))
    if len(urban) < N_KELURAHAN_KOTA or len(pulau) < N_DESA_PULAU_BESAR + 1:
        raise RuntimeError("demo geometry: not enough room for the seed points; try another seed")
    return urban, rural, pulau, seat


def _meander(rng, edges) -> shapely.MultiLineString:
    """Bend each straight Voronoi edge a little (midpoint displacement), as paths and streams do."""
    out = []
    for edge in shapely.get_parts(edges):
        pts = np.asarray(edge.coords)
        for amplitude in (0.10, 0.05):
            mids = (pts[:-1] + pts[1:]) / 2
            seg = pts[1:] - pts[:-1]
            normal = np.column_stack([-seg[:, 1], seg[:, 0]])
            mids += normal * rng.uniform(-amplitude, amplitude, (len(mids), 1))
            merged = np.empty((len(pts) + len(mids), 2))
            merged[0::2], merged[1::2] = pts, mids
            pts = merged
        out.append(shapely.LineString(pts))
    return shapely.MultiLineString(out)


def partition(rng, points: list[tuple[float, float]], land) -> list:
    """One polygon per point: bent Voronoi cells clipped to ``land``, snapped to the grid.

    The Voronoi edges and the coastline are noded together on the grid and polygonised,
    so every border between two cells is the very same sequence of vertices on both
    sides. Pieces without a point (a cell cut by a bay, a loop made by two bent edges)
    join the neighbour they share most border with.
    """
    mp = MultiPoint(points)
    edges = shapely.voronoi_polygons(mp, extend_to=land.envelope.buffer(0.3), only_edges=True)
    inside = shapely.intersection(_meander(rng, edges), land, grid_size=GRID)
    lines = shapely.union_all([inside, land.boundary], grid_size=GRID)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    owner = [-1] * len(faces)
    tree = shapely.STRtree(faces)
    for i, p in enumerate(points):
        hits = tree.query(Point(p), predicate="within")
        if len(hits) != 1:
            raise RuntimeError(f"demo geometry: point {i} lies in {len(hits)} faces")
        owner[int(hits[0])] = i
    pending = [f for f in range(len(faces)) if owner[f] < 0]
    while pending:
        still = []
        for f in pending:
            best, best_len = -1, 0.0
            for g in tree.query(faces[f], predicate="intersects"):
                g = int(g)
                if g == f or owner[g] < 0:
                    continue
                shared = shapely.intersection(faces[f].boundary, faces[g].boundary).length
                if shared > best_len:
                    best, best_len = g, shared
            if best >= 0:
                owner[f] = owner[best]
            else:
                still.append(f)
        if len(still) == len(pending):  # isolated pieces: nearest point
            for f in still:
                c = faces[f].representative_point()
                owner[f] = int(np.argmin([c.distance(Point(p)) for p in points]))
            still = []
        pending = still
    cells = []
    for i in range(len(points)):
        parts = [faces[f] for f in range(len(faces)) if owner[f] == i]
        cells.append(shapely.union_all(parts, grid_size=GRID))
    return cells


def adjacency(polys: list) -> list[dict[int, float]]:
    """Shared border length between every pair of touching polygons."""
    tree = shapely.STRtree(polys)
    adj: list[dict[int, float]] = [dict() for _ in polys]
    for i, p in enumerate(polys):
        for j in tree.query(p, predicate="intersects"):
            j = int(j)
            if j <= i:
                continue
            length = shapely.intersection(p.boundary, polys[j].boundary).length
            if length > 1e-9:
                adj[i][j] = adj[j][i] = length
    return adj


def grow_groups(rng, centroids: np.ndarray, members: list[int], adj, k: int) -> tuple[list[list[int]], list[int]]:
    """Split ``members`` into ``k`` contiguous groups grown over the adjacency graph.

    Seeds come from k-means on the centroids; each group then claims its nearest
    unclaimed neighbour first (a geodesic Voronoi), so every group is connected.
    Returns the groups and the members no group could reach.
    """
    xy = centroids[members]
    centres = xy[rng.choice(len(members), k, replace=False)]
    for _ in range(40):
        label = np.argmin(((xy[:, None, :] - centres[None]) ** 2).sum(-1), axis=1)
        centres = np.array([xy[label == g].mean(0) if np.any(label == g) else centres[g] for g in range(k)])
    member_set = set(members)
    group = {}
    heap: list[tuple[float, int, int]] = []
    for g, c in enumerate(centres):
        seed = members[int(np.argmin(((xy - c) ** 2).sum(1)))]
        heapq.heappush(heap, (0.0, seed, g))
    while heap:
        _, d, g = heapq.heappop(heap)
        if d in group:
            continue
        group[d] = g
        for n in sorted(adj[d]):
            if n in member_set and n not in group:
                heapq.heappush(heap, (float(np.hypot(*(centroids[n] - centres[g]))), n, g))
    groups = [sorted(d for d in members if group.get(d) == g) for g in range(k)]
    orphans = sorted(member_set - set(group))
    return groups, orphans

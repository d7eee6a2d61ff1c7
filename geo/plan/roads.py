"""An optional road network: shortest road km between points, instead of straight line × road factor.

A network is any set of lines (LineString/MultiLineString, EPSG:4326), e.g. an OpenStreetMap
extract or the office's own road file. Vertices closer than about a metre are one node; each
segment is an edge of its straight-line length. A point joins the network at its nearest node by
the straight-line rule (× road factor); a point farther than ``SNAP_KM`` from any node, or a pair
the network does not connect, gets NaN and the caller falls back to the straight-line rule.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from geo.plan.common import PlanError

SNAP_KM = 5.0  # farther from the network than this, a point is not served by it
_ROUND = 5  # decimals of a degree: vertices within about a metre are one node


class RoadNetwork:
    """Shortest road distances (km) on a set of lines."""

    def __init__(self, lines, name: str = "jaringan jalan"):
        import shapely
        from scipy.sparse import coo_matrix
        from scipy.spatial import cKDTree

        from geo.plan.travel import haversine_km

        geoms = getattr(lines, "geometry", lines)
        parts = shapely.get_parts(np.asarray(geoms.values if hasattr(geoms, "values") else geoms))
        parts = [p for p in parts if p is not None and p.geom_type == "LineString" and not p.is_empty]
        if not parts:
            raise PlanError("rencana_jalan_kosong")
        index: dict[tuple[float, float], int] = {}
        heads, tails = [], []
        for part in parts:
            ids = [index.setdefault((round(x, _ROUND), round(y, _ROUND)), len(index)) for x, y in part.coords]
            heads += ids[:-1]
            tails += ids[1:]
        self.nodes = np.array(list(index), dtype=float)  # (lon, lat)
        heads, tails = np.array(heads), np.array(tails)
        km = haversine_km(self.nodes[heads, 1], self.nodes[heads, 0], self.nodes[tails, 1], self.nodes[tails, 0])
        n = len(self.nodes)
        self.graph = coo_matrix((np.maximum(km, 1e-6), (heads, tails)), shape=(n, n)).tocsr()
        self._scale = np.cos(np.radians(self.nodes[:, 1].mean()))
        self._tree = cKDTree(np.c_[self.nodes[:, 0] * self._scale, self.nodes[:, 1]])
        self.name = name

    @classmethod
    def read(cls, path) -> RoadNetwork:
        """A network from a file of lines geopandas reads (GeoJSON, GeoPackage, Shapefile).
        Raises PlanError when it cannot be read or holds no lines."""
        import geopandas as gpd

        try:
            frame = gpd.read_file(path)
        except Exception as exc:  # any reader failure is the file's problem, said in words
            raise PlanError("rencana_jalan_rusak", berkas=Path(path).name, detail=str(exc)[:200]) from None
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        return cls(frame, name=Path(path).name)

    def _snap(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """(nearest node, straight km to it) of points."""
        from geo.plan.travel import haversine_km

        lon, lat = np.atleast_1d(np.asarray(lon, float)), np.atleast_1d(np.asarray(lat, float))
        _, node = self._tree.query(np.c_[lon * self._scale, lat])
        return node, haversine_km(lat, lon, self.nodes[node, 1], self.nodes[node, 0])

    def km(self, lon, lat, to_lon, to_lat, road_factor: float) -> np.ndarray:
        """Road km from each of the points (lon, lat) to each of (to_lon, to_lat): a matrix, NaN where
        the network does not serve the pair. The legs to and from the network count as straight line ×
        ``road_factor``."""
        from scipy.sparse.csgraph import dijkstra

        src, src_km = self._snap(lon, lat)
        dst, dst_km = self._snap(to_lon, to_lat)
        unique, inverse = np.unique(src, return_inverse=True)
        paths = dijkstra(self.graph, directed=False, indices=unique)[inverse][:, dst]
        out = paths + road_factor * (src_km[:, None] + dst_km[None, :])
        far = (src_km[:, None] > SNAP_KM) | (dst_km[None, :] > SNAP_KM) | ~np.isfinite(paths)
        return np.where(far, np.nan, out)

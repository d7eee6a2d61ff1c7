"""A coverage's vertices as flat arrays (``Rings``): which vertices to keep, rebuilt from any subset.

The error guard of ``geo.simplify`` keeps or drops vertices *by coordinate*, so a vertex on a
border shared by two polygons is kept or dropped for both: borders stay identical. This module
holds that bookkeeping. Pure numpy/shapely.
"""
from __future__ import annotations

import numpy as np
import shapely


def _coordinate_hash(coords: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each (x, y) row; -0.0 and 0.0 hash alike, as they compare."""
    bits = np.ascontiguousarray(coords + 0.0).view(np.uint64)
    return bits[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ bits[:, 1]


def _coordinate_number(coords: np.ndarray) -> np.ndarray:
    """Each (x, y) row as the complex number x + iy (exact, slower to sort than a hash)."""
    return coords[:, 0] + 1j * coords[:, 1]


class Rings:
    """The vertices of a coverage as flat arrays, to rebuild it from any subset of them."""

    def __init__(self, geometry: np.ndarray):
        kind, self.coords, offsets = shapely.to_ragged_array(geometry)
        if kind == shapely.GeometryType.POLYGON:  # one nesting level less: one part per polygon
            offsets = (*offsets, np.arange(len(geometry) + 1))
        self.ring_offsets, self.poly_offsets, self.geom_offsets = offsets
        n_rings = len(self.ring_offsets) - 1
        ring_of_poly = np.repeat(np.arange(len(self.poly_offsets) - 1), np.diff(self.poly_offsets))
        geom_of_poly = np.repeat(np.arange(len(self.geom_offsets) - 1), np.diff(self.geom_offsets))
        self.ring = np.repeat(np.arange(n_rings), np.diff(self.ring_offsets))
        self.feature = geom_of_poly[np.repeat(ring_of_poly, np.diff(self.ring_offsets))] if n_rings else self.ring
        # A vertex's identity is its coordinate: both sides of a shared border hold the same one.
        # Coordinates are told apart by a 64-bit hash (sorting those is ~3× faster than sorting
        # the coordinates), checked; two coordinates sharing a hash (never met) fall back to them.
        for key in (_coordinate_hash, _coordinate_number):
            self.key, (self.keys, vertex) = key, np.unique(key(self.coords), return_inverse=True)
            self.vertex = vertex.ravel()
            self.first = np.zeros(len(self.keys), dtype=np.int64)  # a vertex holding each coordinate
            self.first[self.vertex] = np.arange(len(self.coords))
            if (self.coords == self.coords[self.first[self.vertex]]).all():
                break

    def shared(self, keep: np.ndarray) -> np.ndarray:
        """``keep`` extended to every copy of a kept coordinate (both sides of a shared border)."""
        return (np.bincount(self.vertex[keep], minlength=len(self.keys)) > 0)[self.vertex]

    def having(self, coords: np.ndarray) -> np.ndarray:
        """Whether each vertex's coordinate is one of ``coords`` (an (n, 2) array)."""
        wanted = self.key(coords)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        found = self.keys[at] == wanted
        found[found] = (self.coords[self.first[at[found]]] == coords[found]).all(axis=1)
        present = np.zeros(len(self.keys), dtype=bool)
        present[at[found]] = True
        return present[self.vertex]

    def rebuild(self, keep: np.ndarray) -> np.ndarray:
        """MultiPolygons of the kept vertices (rings whose start was dropped are closed again)."""
        counts = np.bincount(self.ring[keep], minlength=len(self.ring_offsets) - 1)
        ring_offsets = np.concatenate([[0], np.cumsum(counts)])
        return shapely.from_ragged_array(
            shapely.GeometryType.MULTIPOLYGON, self.coords[keep], (ring_offsets, self.poly_offsets, self.geom_offsets)
        )

    def deviation(self, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For each dropped vertex: its index, its distance to the segment that replaces it, and
        an id of that segment (the index of the kept vertex it starts from)."""
        n = len(self.coords)
        index = np.arange(n)
        ring_start = self.ring_offsets[self.ring]
        ring_end = self.ring_offsets[self.ring + 1] - 1
        kept_at = np.where(keep, index, -1)
        previous = np.maximum.accumulate(kept_at)
        following = np.minimum.accumulate(np.where(keep, index, n)[::-1])[::-1]
        # Runs that wrap round a ring's start continue from the ring's last kept vertex.
        last_kept = np.maximum.reduceat(kept_at, self.ring_offsets[:-1])[self.ring]
        first_kept = np.minimum.reduceat(np.where(keep, index, n), self.ring_offsets[:-1])[self.ring]
        previous = np.where(previous < ring_start, last_kept, previous)
        following = np.where(following > ring_end, first_kept, following)
        dropped = np.flatnonzero(~keep)
        a, b, p = self.coords[previous[dropped]], self.coords[following[dropped]], self.coords[dropped]
        ab = b - a
        length2 = (ab**2).sum(axis=1)
        t = np.clip(((p - a) * ab).sum(axis=1) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
        distance = np.hypot(*(p - a - t[:, None] * ab).T)
        return dropped, distance, previous[dropped]

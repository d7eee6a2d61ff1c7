"""Travel for the mobile units: how long a leg takes, what a day holds, which desa are islands.

The model (every number is a field of :class:`Travel`, defaults in ``geo.config``):

- **Land.** A leg by road takes ``road km / road_kmh``; road km is the straight line (haversine)
  × ``road_factor``, or, when a road network is supplied (``geo.plan.roads``), the shortest path
  along it. The road network is optional; the page and the CLI say which one was used.
- **Islands.** An island is a desa not connected by land to the base office: the connected
  components of touching desa polygons (borders closer than ``TOUCH_M`` count as touching) are
  the land groups; a desa in another group than the base's desa is an island. A leg between two
  land groups waits ``crossing_wait_h`` for the boat, crosses the part of the straight line over
  water at ``boat_kmh`` and drives the part over land by road.
- **A day.** A unit works ``day_h`` hours, travel included. Each site it stops at costs
  ``stop_h`` (setting up, packing up); recording a full day's capacity takes ``service_h``. A
  day with ``t`` hours of travel and ``n`` stops records at most
  ``min(capacity, floor(capacity × (day_h − t − n × stop_h) / service_h))``: a far desa costs
  recordings, a desa beyond a day's trip gets none.
- **Access.** The travel hours from a desa to the nearest working fixed recording site (same
  rules: by road, by boat to another land group). Within ``easy_reach_h`` a recording counts
  ``near_weight``; from ``far_h`` on it counts 1; linear in between (:func:`access_weight`).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import numpy as np

from geo import config
from geo.plan.common import PlanError

TOUCH_M = 50.0  # desa borders closer than this (metres) touch: digitising gaps are not sea


@dataclass(frozen=True)
class Travel:
    """Travel, day and access parameters of the planner (hours, km/h, km per km)."""

    road_factor: float = config.PLAN_ROAD_FACTOR
    road_kmh: float = config.PLAN_ROAD_KMH
    boat_kmh: float = config.PLAN_BOAT_KMH
    crossing_wait_h: float = config.PLAN_CROSSING_WAIT_H
    day_h: float = config.PLAN_DAY_H
    service_h: float = config.PLAN_SERVICE_H
    stop_h: float = config.PLAN_STOP_H
    easy_reach_h: float = config.PLAN_EASY_REACH_H
    far_h: float = config.PLAN_FAR_H
    near_weight: float = config.PLAN_NEAR_WEIGHT

    def __post_init__(self):
        rules = {"road_factor": lambda v: v >= 1, "near_weight": lambda v: 0 <= v <= 1,
                 "crossing_wait_h": lambda v: v >= 0, "stop_h": lambda v: v >= 0,
                 "easy_reach_h": lambda v: v >= 0}
        for f in fields(self):
            value = getattr(self, f.name)
            ok = isinstance(value, (int, float)) and math.isfinite(value) and rules.get(f.name, lambda v: v > 0)(value)
            if not ok:
                raise PlanError("rencana_angka_salah", nama=f.name, syarat=_RULE_WORDS.get(f.name, "> 0"), nilai=value)
        if self.far_h <= self.easy_reach_h:
            raise PlanError("rencana_angka_salah", nama="far_h", syarat=f"> {self.easy_reach_h}", nilai=self.far_h)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict | None) -> Travel:
        """A Travel from ``as_dict`` values (unknown keys ignored, missing ones at their defaults)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in (values or {}).items() if k in names})

    def road_hours(self, straight_km, factor=None):
        """Hours by road for a straight-line distance (km; numbers or arrays), at ``factor`` road km per km
        (default ``road_factor``)."""
        return np.asarray(straight_km, dtype=float) * (self.road_factor if factor is None else factor) / self.road_kmh

    def day_capacity(self, capacity: int, travel_h: float, stops: int) -> int:
        """Recordings a day of ``travel_h`` hours on the road with ``stops`` stops still holds (≥ 0)."""
        left = self.day_h - travel_h - stops * self.stop_h
        return int(max(0, min(capacity, math.floor(capacity * left / self.service_h + 1e-9))))


_RULE_WORDS = {"road_factor": "≥ 1", "near_weight": "0–1", "crossing_wait_h": "≥ 0", "stop_h": "≥ 0",
               "easy_reach_h": "≥ 0"}


def access_weight(hours, travel: Travel = Travel()) -> np.ndarray:
    """What a recording counts for access: ``near_weight`` within ``easy_reach_h`` hours of a working
    fixed site, 1 from ``far_h`` on, linear in between; 1 where the hours are unknown (NaN) or there is
    no working site at all (inf)."""
    hours = np.asarray(hours, dtype=float)
    share = np.clip((hours - travel.easy_reach_h) / (travel.far_h - travel.easy_reach_h), 0.0, 1.0)
    weight = travel.near_weight + (1 - travel.near_weight) * share
    return np.where(np.isnan(hours), 1.0, weight)


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle (straight-line) distance in km; works on numbers or numpy arrays."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


def land_groups(polygons) -> np.ndarray:
    """Land group (0, 1, …) of each polygon of a GeoSeries in EPSG:4326: polygons touching (within
    TOUCH_M metres) belong to one group. Groups are numbered by their first polygon."""
    import shapely
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(polygons)
    if n == 0:
        return np.zeros(0, dtype=int)
    projected = polygons.to_crs(polygons.estimate_utm_crs()).values
    grown = shapely.buffer(projected, TOUCH_M / 2)
    left, right = shapely.STRtree(grown).query(grown, predicate="intersects")
    graph = coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    first = {}
    return np.array([first.setdefault(label, len(first)) for label in labels], dtype=int)


class Sea:
    """The straight line between two points split into land and water, for legs between land groups."""

    def __init__(self, polygons):
        import shapely

        shapes = getattr(polygons, "geometry", polygons)
        self.crs = shapes.estimate_utm_crs() if len(shapes) else "EPSG:3857"
        self.land = shapely.union_all(shapely.buffer(shapes.to_crs(self.crs).values, TOUCH_M / 2))

    def water_share(self, lon1, lat1, lon2, lat2) -> np.ndarray:
        """Share (0–1) of each straight line (arrays of end points, degrees) that lies over water."""
        import geopandas as gpd
        import shapely

        a = gpd.GeoSeries(gpd.points_from_xy(lon1, lat1), crs="EPSG:4326").to_crs(self.crs).values
        b = gpd.GeoSeries(gpd.points_from_xy(lon2, lat2), crs="EPSG:4326").to_crs(self.crs).values
        lines = shapely.linestrings(np.stack([shapely.get_coordinates(a), shapely.get_coordinates(b)], axis=1))
        total = shapely.length(lines)
        wet = shapely.length(shapely.difference(lines, self.land))
        return np.divide(wet, total, out=np.zeros_like(total), where=total > 0)


def crossing_hours(straight_km, water_share, travel: Travel = Travel(), factor=None) -> np.ndarray:
    """Hours of a leg between land groups: the wait, the water part by boat, the land part by road."""
    km = np.asarray(straight_km, dtype=float)
    wet = np.asarray(water_share, dtype=float)
    return travel.crossing_wait_h + km * wet / travel.boat_kmh + travel.road_hours(km * (1 - wet), factor)

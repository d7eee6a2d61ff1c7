"""Map-ready boundaries: each map view simplified once, when its boundaries are imported.

A *view* is what one map shows: the areas of one level inside one area — the kecamatan of a
kabupaten, the desa of a kabupaten or of a kecamatan. Its geometry is simplified for the
zoom the view is shown at (:func:`geo.simplify.simplify_for_level`), which takes a second or
two for a province's desa. So it is not done when someone first opens the view: importing
boundaries prepares every view the import touched (:func:`warm`) and keeps the result in
the store (table ``map_shapes_table``), where every later process — the dashboard after a
restart, ``python -m geo map`` — finds it.

Entries are keyed by a digest of the view's own geometry (per area code, so row order does
not matter), its level and the simplification method (``geo.simplify.METHOD``). A map
therefore never gets shapes of other boundaries: a new boundary version or a rollback simply
asks for another key, and an entry of an older version is found again if it comes back.
:class:`ShapeCache` answers from memory, then from the store, and simplifies only what
neither holds (keeping the result in both).

No streamlit; the store is optional (without one the cache lives in memory only).
"""
from __future__ import annotations

import hashlib
import json
import struct
import threading
from collections import OrderedDict
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import shapely
from sqlalchemy import insert, select
from geo.schema import LEVELS, Col, Level, ancestor_code
from geo.simplify import METHOD, simplify_for_level
from geo.store.tables import map_shapes_table


MEMORY_VIEWS = 32  # views kept in memory per cache (a kabupaten has ~20 kecamatan)


def view_key(codes: Iterable[str], geometry, level: Level | str) -> str:
    """Digest of a view: its areas' codes and geometry (any order), level and method."""
    wkb = shapely.to_wkb(np.asarray(geometry, dtype=object), output_dimension=2)
    digest = hashlib.sha256(f"{Level(level).value}|{METHOD}".encode())
    for kode, w in sorted(zip(map(str, codes), wkb)):
        digest.update(b"\0" + kode.encode() + b"\0" + w)
    return digest.hexdigest()


def _pack(geometry: np.ndarray) -> bytes:
    return b"".join(struct.pack("<I", len(w)) + w for w in shapely.to_wkb(geometry, output_dimension=2))


def _unpack(blob: bytes, n: int) -> np.ndarray:
    blob, parts, at = bytes(blob), [], 0
    for _ in range(n):
        (size,) = struct.unpack_from("<I", blob, at)
        parts.append(blob[at + 4 : at + 4 + size])
        at += 4 + size
    return shapely.from_wkb(parts)


class ShapeCache:
    """Simplified geometry per view: memory, then the store (if any), then simplification.

    Safe to share between threads (the dashboard's sessions); one per store is enough.
    """

    def __init__(self, store=None, *, size: int = MEMORY_VIEWS):
        self.store = store
        self.size = size
        self._memory: OrderedDict[str, dict[str, object]] = OrderedDict()
        self._lock = threading.Lock()
        self.simplified_views = 0  # how many views this cache had to simplify itself

    def simplified(self, codes, geometry, level: Level | str) -> np.ndarray:
        """Simplified lon/lat geometry aligned with ``codes``/``geometry`` (one view's areas)."""
        codes = [str(k) for k in codes]
        geometry = np.asarray(geometry, dtype=object)
        key = view_key(codes, geometry, level)
        shapes = self._remembered(key) or self._stored(key)
        if shapes is None:
            frame = gpd.GeoDataFrame({Col.KODE: codes}, geometry=list(geometry), crs="EPSG:4326")
            result = simplify_for_level(frame, level, measure=False)
            shapes = dict(zip(codes, result.geometry.values))
            self.simplified_views += 1
            self._keep(key, level, codes, np.asarray(result.geometry.values, dtype=object))
        self._remember(key, shapes)
        return np.array([shapes[k] for k in codes], dtype=object)

    def has(self, codes, geometry, level: Level | str) -> bool:
        """Whether this view is ready (in memory or in the store) without simplifying it."""
        key = view_key(codes, geometry, level)
        return self._remembered(key) is not None or self._stored(key) is not None

    # --- the two layers ----------------------------------------------------------------
    def _remembered(self, key: str):
        with self._lock:
            shapes = self._memory.get(key)
            if shapes is not None:
                self._memory.move_to_end(key)
            return shapes

    def _remember(self, key: str, shapes: dict) -> None:
        with self._lock:
            self._memory[key] = shapes
            self._memory.move_to_end(key)
            while len(self._memory) > self.size:
                self._memory.popitem(last=False)

    def _stored(self, key: str):
        if self.store is None:
            return None
        with self.store.engine.connect() as conn:
            row = conn.execute(select(map_shapes_table.c.n, map_shapes_table.c.codes, map_shapes_table.c.geometry)
                               .where(map_shapes_table.c.key == key)).first()
        if row is None:
            return None
        return dict(zip(json.loads(row.codes), _unpack(row.geometry, row.n)))

    def _keep(self, key: str, level, codes: list[str], geometry: np.ndarray) -> None:
        if self.store is None:
            return
        with self.store.transaction() as conn:
            if conn.execute(select(map_shapes_table.c.key).where(map_shapes_table.c.key == key)).first() is None:
                conn.execute(insert(map_shapes_table).values(key=key, level=Level(level).value, n=len(codes),
                                                       codes=json.dumps(codes), geometry=_pack(geometry)))


def views(codes: Iterable[str]) -> list[tuple[str, Level]]:
    """The map views (area, level shown) that contain any of ``codes``: for every ancestor
    of a code at provinsi, kabupaten or kecamatan level, each level from below it down to
    the code's own (a province's view exists whether or not its outline is stored: it is
    what ``python -m geo map --within 36`` draws)."""
    out = set()
    for kode in set(map(str, codes)):
        depth = Level.of_code(kode).depth
        for parent_level in LEVELS[: depth - 1]:
            parent = ancestor_code(kode, parent_level)
            out.update((parent, lvl) for lvl in LEVELS[parent_level.depth : depth])
    return sorted(out, key=lambda v: (v[0], v[1].depth))


def warm(store, codes: Iterable[str], cache: ShapeCache | None = None) -> int:
    """Prepare every view containing ``codes`` (see :func:`views`) in the store; returns how
    many views had to be simplified (views already kept are skipped)."""
    cache = cache or ShapeCache(store)
    before = cache.simplified_views
    wanted = views(codes)
    tops = sorted({area for area, _ in wanted if not any(area.startswith(o + ".") for o, _ in wanted)})
    for top in tops:  # one read per top area; its views are cut from it
        areas = store.areas(within=top, geometry=True)
        areas = areas[~(areas.geometry.isna() | areas.geometry.is_empty)]
        for area, level in wanted:
            if area == top or area.startswith(top + "."):
                frame = areas[(areas[Col.LEVEL] == level.value) & areas[Col.KODE].str.startswith(area + ".")]
                if len(frame):
                    cache.simplified(frame[Col.KODE], frame.geometry.values, level)
    return cache.simplified_views - before

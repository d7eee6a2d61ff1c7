"""Map-ready boundaries: each map view simplified once — at import, or when first asked for.

A *view* is what one map shows: the areas of one level inside one area — the kecamatan of a
kabupaten, the desa of a kabupaten or of a kecamatan, the provinsi or kabupaten of the whole
country (parent ``COUNTRY_VIEW``). Its geometry is simplified for the zoom the view is shown at
(:func:`geo.simplify.simplify_for_level`: the fitting zoom of the view's own extent, so the
country's views get national zoom), which takes a second or two for a province's desa.

Importing boundaries prepares the views a user opens in one step from the pickers and the
Peta's level selector (``PREPARED_AT_IMPORT``: a kecamatan's desa, a kabupaten's kecamatan and
desa, a provinsi's kabupaten and kecamatan, the country's provinsi and kabupaten) for every
area the import touched (:func:`warm`: one province read at a time, many views simplified in a
pool of worker processes). Heavier views (a province's thousands of desa) are simplified the
first time someone opens them (:meth:`ShapeCache.prepare`, in the background, once per view
however many sessions ask). Either way the result is kept in the store (table
``map_shapes_table``), where every later process — the dashboard after a restart,
``python -m geo map`` — finds it.

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
import multiprocessing
import struct
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Iterable
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from sqlalchemy import insert, select

from geo.schema import Col, Level, ancestor_code
from geo.simplify import METHOD, simplify_geometry, simplify_wkb
from geo.store.tables import map_shapes_table

MEMORY_VIEWS = 32  # views kept in memory per cache (a kabupaten has ~20 kecamatan)
COUNTRY_VIEW = ""  # the parent of the country's views (every provinsi, every kabupaten of the store): what the
# dashboard draws for the picked area geo.schema.COUNTRY (views are keyed by their geometry, not their parent)
# The levels shown under each kind of parent that an import prepares, by the parent's depth
# (0: the country): what the pickers and the level selector open in one step.
PREPARED_AT_IMPORT = {
    0: (Level.PROVINSI, Level.KABUPATEN),
    Level.PROVINSI.depth: (Level.KABUPATEN, Level.KECAMATAN),
    Level.KABUPATEN.depth: (Level.KECAMATAN, Level.DESA),
    Level.KECAMATAN.depth: (Level.DESA,),
}
WORKERS = 2  # worker processes simplifying an import's views
POOL_MIN_VERTICES = 300_000  # fewer vertices to simplify in one province: in this process (no start-up cost)
IN_FLIGHT_VERTICES = 4_000_000  # vertices sent to the workers and not stored yet (bounds the memory)
LOOKUP_CHUNK = 500  # keys per store query
STORING = "store"  # the step after STEPS: the result written to the store


def _digest(codes: Iterable[str], wkb: Iterable[bytes], level: Level | str) -> str:
    digest = hashlib.sha256(f"{Level(level).value}|{METHOD}".encode())
    for kode, w in sorted(zip(map(str, codes), wkb)):
        digest.update(b"\0" + kode.encode() + b"\0" + w)
    return digest.hexdigest()


def view_key(codes: Iterable[str], geometry, level: Level | str) -> str:
    """Digest of a view: its areas' codes and geometry (any order), level and method."""
    return _digest(codes, shapely.to_wkb(np.asarray(geometry, dtype=object), output_dimension=2), level)


def _pack(geometry: np.ndarray) -> bytes:
    return _pack_wkb(shapely.to_wkb(geometry, output_dimension=2))


def _pack_wkb(wkb: Iterable[bytes]) -> bytes:
    return b"".join(struct.pack("<I", len(w)) + w for w in wkb)


def _unpack(blob: bytes, n: int) -> np.ndarray:
    blob, parts, at = bytes(blob), [], 0
    for _ in range(n):
        (size,) = struct.unpack_from("<I", blob, at)
        parts.append(blob[at + 4 : at + 4 + size])
        at += 4 + size
    return shapely.from_wkb(parts)


@dataclass
class _Job:
    """One view to prepare: its key, level, codes and WKB (aligned), whether its areas are known
    to form a valid coverage, and its number of vertices."""

    key: str
    level: Level
    codes: list[str]
    wkb: list[bytes]
    coverage_valid: bool
    vertices: int


class ShapeCache:
    """Simplified geometry per view: memory, then the store (if any), then simplification.

    Safe to share between threads (the dashboard's sessions); one per store is enough. A view
    is simplified once however many threads ask for it at the same time.
    """

    def __init__(self, store=None, *, size: int = MEMORY_VIEWS):
        self.store = store
        self.size = size
        self._memory: OrderedDict[str, dict[str, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._running: dict[str, Future] = {}  # key → the simplification under way
        self._steps: dict[str, str] = {}  # key → the step it is at (see STEPS, STORING)
        self._background: ThreadPoolExecutor | None = None
        self.simplified_views = 0  # how many views this cache had to simplify itself

    def simplified(self, codes, geometry, level: Level | str, *, key: str | None = None) -> np.ndarray:
        """Simplified lon/lat geometry aligned with ``codes``/``geometry`` (one view's areas)."""
        codes = [str(k) for k in codes]
        geometry = np.asarray(geometry, dtype=object)
        key = key or view_key(codes, geometry, level)
        shapes = self._remembered(key) or self._stored(key)
        if shapes is None:
            # looked up again inside: another thread may have kept it since
            shapes = self._once(key, lambda: self._stored(key) or self._simplify(key, Level(level), codes, geometry))
        self._remember(key, shapes)
        return np.array([shapes[k] for k in codes], dtype=object)

    def has(self, codes, geometry, level: Level | str, *, key: str | None = None) -> bool:
        """Whether this view is ready (in memory or in the store) without simplifying it."""
        key = key or view_key(codes, geometry, level)
        return self._remembered(key) is not None or self._stored(key) is not None

    def prepare(self, codes, geometry, level: Level | str, *, key: str | None = None) -> Future:
        """:meth:`simplified` in a background thread (the caller keeps its own); the future's
        result is the simplified geometry. :meth:`step` tells how far it got."""
        with self._lock:
            if self._background is None:
                self._background = ThreadPoolExecutor(max_workers=4, thread_name_prefix="shapes")
        codes, geometry = list(codes), np.asarray(geometry, dtype=object)
        return self._background.submit(self.simplified, codes, geometry, level, key=key)

    def step(self, key: str) -> str | None:
        """The step the view of ``key`` is being simplified at (one of STEPS, or STORING); None
        when it is not being simplified."""
        with self._lock:
            return self._steps.get(key)

    # --- simplification, once per key ---------------------------------------------------
    def _once(self, key: str, compute):
        with self._lock:
            future = self._running.get(key)
            mine = future is None
            if mine:
                future = self._running[key] = Future()
        if mine:
            try:
                future.set_result(compute())
            except BaseException as err:  # the waiting threads get it too
                future.set_exception(err)
            finally:
                with self._lock:
                    self._running.pop(key, None)
                    self._steps.pop(key, None)
        return future.result()

    def _simplify(self, key: str, level: Level, codes: list[str], geometry: np.ndarray) -> dict:
        def progress(step: str) -> None:
            with self._lock:
                self._steps[key] = step

        simplified, _ = simplify_geometry(geometry, progress=progress)
        progress(STORING)
        with self._lock:
            self.simplified_views += 1
        self._keep([(key, level, codes, _pack(simplified))])
        return dict(zip(codes, simplified))

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

    def _stored_keys(self, keys: list[str]) -> set[str]:
        if self.store is None or not keys:
            return set()
        found = set()
        with self.store.engine.connect() as conn:
            for at in range(0, len(keys), LOOKUP_CHUNK):
                chunk = keys[at : at + LOOKUP_CHUNK]
                found.update(conn.execute(select(map_shapes_table.c.key)
                                          .where(map_shapes_table.c.key.in_(chunk))).scalars())
        return found

    def _keep(self, entries: list[tuple[str, Level, list[str], bytes]]) -> None:
        """Store (key, level, codes, packed simplified geometry) entries not stored yet, in one transaction."""
        if self.store is None or not entries:
            return
        with self.store.transaction() as conn:
            there = set()
            keys = [key for key, *_ in entries]
            for at in range(0, len(keys), LOOKUP_CHUNK):
                there.update(conn.execute(select(map_shapes_table.c.key)
                                          .where(map_shapes_table.c.key.in_(keys[at : at + LOOKUP_CHUNK]))).scalars())
            rows = [dict(key=key, level=Level(level).value, n=len(codes), codes=json.dumps(codes), geometry=blob)
                    for key, level, codes, blob in entries if key not in there]
            if rows:
                conn.execute(insert(map_shapes_table), rows)


@contextmanager
def _no_main_for_workers():
    """Spawned workers run the parent's ``__main__`` again; in the dashboard that is a Streamlit
    page (Streamlit puts the running script there). While workers start they see an empty one."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _Pool:
    """Where an import's views are simplified and stored: in this process while they are few;
    else in spawned worker processes (started once per import), the next province read while
    they work, with at most ``IN_FLIGHT_VERTICES`` waiting or under way."""

    def __init__(self, cache: ShapeCache, workers: int = WORKERS):
        self.cache, self.workers = cache, workers
        self.done = 0  # views simplified and stored
        self._executor: ProcessPoolExecutor | None = None
        self._running: dict[Future, _Job] = {}
        self._in_flight = 0  # vertices of the running jobs

    def submit(self, jobs: list[_Job]) -> None:
        if not jobs:
            return
        if self._executor is None and (self.workers < 2 or sum(job.vertices for job in jobs) < POOL_MIN_VERTICES):
            self._finish([(job, simplify_wkb(job.wkb, job.coverage_valid)) for job in jobs])
            return
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        with _no_main_for_workers():  # a submit may start a worker
            for job in sorted(jobs, key=lambda job: -job.vertices):  # the long ones do not end up last
                self._running[self._executor.submit(simplify_wkb, job.wkb, job.coverage_valid)] = job
                self._in_flight += job.vertices
        self.drain(IN_FLIGHT_VERTICES)

    def drain(self, limit: int = 0) -> None:
        """Store finished views until no more than ``limit`` vertices are waiting or under way."""
        while self._running and self._in_flight > limit:
            finished, _ = wait(self._running, return_when=FIRST_COMPLETED)
            jobs = [(self._running.pop(future), future.result()) for future in finished]
            self._in_flight -= sum(job.vertices for job, _ in jobs)
            self._finish(jobs)

    def _finish(self, results: list[tuple[_Job, list[bytes]]]) -> None:
        self.cache._keep([(job.key, job.level, job.codes, _pack_wkb(wkb)) for job, wkb in results])
        with self.cache._lock:
            self.cache.simplified_views += len(results)
        self.done += len(results)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None


def views(codes: Iterable[str]) -> list[tuple[str, Level]]:
    """The map views (area, level shown) prepared at import that contain any of ``codes``: for
    the country (``COUNTRY_VIEW``) and every ancestor of a code at provinsi, kabupaten or
    kecamatan level, the levels of ``PREPARED_AT_IMPORT`` down to the code's own (a province's
    view exists whether or not its outline is stored: it is what ``python -m geo map --within 36``
    draws). Sorted by area, then level from the top."""
    by_depth: dict[int, list[list[str]]] = {}  # the codes' segments, by depth (a country has ~90,000 desa)
    for kode in set(map(str, codes)):
        by_depth.setdefault(kode.count(".") + 1, []).append(kode.split("."))
    out = set()
    for depth, segments in by_depth.items():
        for parent_depth in range(depth):
            parents = {".".join(parts[:parent_depth]) for parts in segments} if parent_depth else {COUNTRY_VIEW}
            levels = [lvl for lvl in PREPARED_AT_IMPORT[parent_depth] if lvl.depth <= depth]
            out.update((parent, lvl) for parent in parents for lvl in levels)
    return sorted(out, key=lambda v: (v[0], v[1].depth))


def view_areas(store, area: str, level: Level | str | None):
    """The stored areas of ``level`` (None: every level) inside ``area`` (``COUNTRY_VIEW``: all of
    them), with geometry: Col.KODE, NAMA, LEVEL, KODE_INDUK, TIPE, geometry (EPSG:4326); rows
    without geometry left out."""
    areas = store.areas(within=area or None, level=level, geometry=True)
    return areas[~(areas.geometry.isna() | areas.geometry.is_empty)].reset_index(drop=True)


def view_shapes(store, area: str, level: Level | str, cache: ShapeCache | None = None) -> tuple[list[str], np.ndarray]:
    """(codes, simplified lon/lat geometry) of the view of ``area`` at ``level`` (``COUNTRY_VIEW``
    for the whole country), from ``cache`` (or a new one on ``store``): simplified now when
    neither memory nor the store holds it."""
    areas = view_areas(store, area, level)
    codes = list(areas[Col.KODE])
    return codes, (cache or ShapeCache(store)).simplified(codes, areas.geometry.values, level)


def _level_frames(store, top: str, levels: list[Level]):
    """(level, codes, geometry) of each of ``levels`` inside ``top``: a provinsi read once, the
    country one level at a time (its desa are never read at once)."""
    if top == COUNTRY_VIEW:
        frames = ((level, view_areas(store, top, level)) for level in levels)
    else:
        areas = view_areas(store, top, None)
        frames = ((level, areas[areas[Col.LEVEL] == level.value]) for level in levels)
    for level, frame in frames:
        if len(frame):
            yield level, frame[Col.KODE].to_numpy(dtype=object), np.asarray(frame.geometry.values, dtype=object)


def _jobs(store, top: str, wanted: list[tuple[str, Level]]):
    """The views of ``wanted`` inside ``top`` (a provinsi, or the country). Each level's coverage
    is checked once: its views are parts of it, valid when it is."""
    for level, codes, geometry in _level_frames(store, top, sorted({lvl for _, lvl in wanted}, key=lambda v: v.depth)):
        wkb = shapely.to_wkb(geometry, output_dimension=2)
        vertices = shapely.get_num_coordinates(geometry)
        valid = bool(shapely.coverage_is_valid(geometry))
        parents = {area for area, lvl in wanted if lvl == level}
        members = pd.Series(codes)
        for length in sorted({len(p) for p in parents}):
            groups = members.groupby(members.str[:length]).indices
            for parent in sorted(p for p in parents if len(p) == length):
                rows = groups.get(parent)
                if rows is not None:
                    yield _Job(_digest(codes[rows], wkb[rows], level), level, list(codes[rows]), list(wkb[rows]),
                               valid, int(vertices[rows].sum()))


def warm(store, codes: Iterable[str], cache: ShapeCache | None = None, *, workers: int = WORKERS) -> int:
    """Prepare the views containing ``codes`` (see :func:`views`) in the store; returns how many
    views had to be simplified (views already kept are skipped). The country's views first, then
    one provinsi at a time (read, sent to be simplified, stored, freed: memory stays bounded);
    ``workers`` processes share the work when there are many vertices (1: this process only)."""
    cache = cache or ShapeCache(store)
    tops: dict[str, list[tuple[str, Level]]] = {}
    for area, level in views(codes):
        tops.setdefault(area and ancestor_code(area, Level.PROVINSI), []).append((area, level))
    pool, seen = _Pool(cache, workers), set()
    try:
        for top in sorted(tops):
            jobs = []
            for job in _jobs(store, top, tops[top]):
                if job.key not in seen:  # views showing the same areas (a province of one kabupaten)
                    seen.add(job.key)
                    jobs.append(job)
            stored = cache._stored_keys([job.key for job in jobs])
            pool.submit([job for job in jobs if job.key not in stored and cache._remembered(job.key) is None])
        pool.drain()
    finally:
        pool.close()
    return pool.done

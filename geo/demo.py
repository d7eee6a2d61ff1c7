"""Deterministic generator of the demo dataset (data contoh sintetis) in ``data/demo``.

A fictional kabupaten, "Kabupaten Contoh Sejahtera" (99.01) in the fictional
"Provinsi Contoh" (99), drawn in the open Savu Sea so that it never sits on a real
kabupaten: a mainland of about 60 × 50 km with 11 kecamatan (one of them the urban
seat, made of kelurahan) and one island kecamatan served offline.

Boundaries are Voronoi cells of seeded points clipped to a noisy coastline, noded and
snapped to a 1e-5° grid in one pass so that neighbours share their borders exactly;
kecamatan are contiguous groups of desa (grown over the adjacency graph), so a
kecamatan is exactly the union of its desa.

The weekly history carries the field realities the product must show (DESIGN.md):
a growing denominator, weekend services, mobile units, a broken device, a blank-card
shortage, a school campaign, an offline island, one data correction and one desa
above 100 %. ``generate`` returns a summary naming each of them; the same summary is
written to ``ringkasan.json``. Same seed → same bytes.
"""
from __future__ import annotations

import argparse
import csv
import heapq
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon, mapping

from geo.schema import DEMO_DIR, Col, Level, ZoneConfig, desa_tipe

SEED = 20261123
GRID = 1e-5  # coordinate grid in degrees (5 decimals, about 1 m)

PROV_KODE, PROV_NAMA = "99", "Provinsi Contoh"
KAB_KODE, KAB_NAMA = "99.01", "Kabupaten Contoh Sejahtera"

LAST_DATE = date(2026, 11, 16)  # a Monday
N_SNAPSHOTS = 105  # weekly, two years
FIRST_DATE = LAST_DATE - timedelta(weeks=N_SNAPSHOTS - 1)

FILES = (
    "wilayah_desa.geojson",
    "wilayah.csv",
    "rekam_mingguan.csv",
    "lokasi_perekaman.csv",
    "sekolah.csv",
    "peristiwa.csv",
    "ringkasan.json",
)

# --- geography --------------------------------------------------------------------------
MAINLAND_CENTRE = (121.10, -9.35)
MAINLAND_RADII = (0.27, 0.215)  # degrees lon, lat: about 59 × 48 km
ISLAND_CENTRE, ISLAND_RADII = (121.40, -9.715), (0.060, 0.042)
ISLET_CENTRE, ISLET_RADII = (121.50, -9.775), (0.016, 0.012)

N_KELURAHAN_KOTA = 14
N_DESA_RURAL = 128
N_DESA_PULAU_BESAR = 7  # plus one desa on the islet
N_KEC_RURAL = 10
URBAN_RADIUS = 0.032  # kelurahan of the seat lie within this distance of its centre
RURAL_CLEARANCE = 0.05  # rural desa points keep this far from the seat's centre

# --- kecamatan names (invented) and roles -------------------------------------------------
NAMA_KOTA = "Kota Sejahtera"
NAMA_PULAU = "Kepulauan Teduh"
NAMA_MERAH = "Golo Sejuk"
NAMA_RURAL = (
    "Pesisir Makmur",
    "Tanjung Sentosa",
    "Lembah Rindang",
    "Bukit Sarimulya",
    "Padang Lestari",
    "Sungai Jernih Raya",
    "Nanga Permai",
    "Watu Asri",
    "Rawa Bening",
)

# Rural kecamatan ranked by distance from the seat (0 = nearest): end coverage (%),
# gain over two years (percentage points), monthly growth of wajib KTP.
RURAL_END_COVERAGE = (95.2, 94.6, 93.8, 93.1, 92.5, 91.0, 89.8, 88.6, 86.9, 82.4)
RURAL_GAIN = (15.0, 14.5, 15.0, 15.5, 14.5, 16.0, 15.5, 15.0, 16.0, 13.5)
RANK_BASI = 1  # hosts the desa above 100 % (stale denominator)
RANK_KOREKSI = 2  # data correction
RANK_KELURAHAN = 4  # a small town: two kelurahan among its desa
RANK_RUSAK = 6  # its only device broke at the end of the period
RANK_MERAH = 9  # remote, unstable network, red

KOTA_END, KOTA_GAIN = 95.6, 11.5
PULAU_END, PULAU_GAIN = 79.6, 15.0
DESA_MAX_COVERAGE = 98.6  # every desa but the stale one stays below 100 %

# --- the stories, dated ----------------------------------------------------------------------
RUSAK_SEJAK = date(2026, 9, 28)  # Monday; still broken at the last snapshot
BLANGKO_MULAI, BLANGKO_SELESAI = date(2025, 9, 1), date(2025, 12, 14)
KOREKSI_TANGGAL = date(2025, 6, 11)
KOREKSI_FRAKSI = 0.011  # share of sudah_rekam removed as duplicates
KAMPANYE_MULAI, KAMPANYE_SELESAI = date(2026, 7, 13), date(2026, 8, 21)
PILKADA_AKHIR_PEKAN = date(2024, 11, 23)  # Saturday before the regional elections of 27 Nov 2024
PULAU_PUTUS = (date(2026, 1, 19), date(2026, 2, 15))
MERAH_PUTUS = (date(2025, 12, 8), date(2025, 12, 28))
BASI_CAKUPAN = 1.0673  # 106.73 %, as a kabupaten once reported
HOLIDAYS = (  # (first day, last day, weight of recordings in those weeks)
    (date(2025, 3, 28), date(2025, 4, 7), 0.35),  # Idul Fitri 1446 H
    (date(2026, 3, 18), date(2026, 3, 24), 0.35),  # Idul Fitri 1447 H
    (date(2024, 12, 24), date(2025, 1, 1), 0.6),
    (date(2025, 12, 24), date(2026, 1, 1), 0.6),
)
WEEKEND_BOOST = 3.0
PEMULA_SHARE = 0.18  # share of ordinary recordings made by first-timers (aged 16–17)
VERIFIED_SHARE = 0.98  # of last week's recordings, verified at the centre (rest: duplicates, processing)
PRINTED_SHARE = 0.985  # of last week's verified, printed when blanks are in stock

JENIS_PERISTIWA = ("alat_rusak", "jaringan_putus", "blangko_habis", "kampanye_sekolah",
                   "layanan_akhir_pekan", "jemput_bola", "koreksi_data")

# --- desa names ----------------------------------------------------------------------------------
_JOINED = ("Suka", "Mekar", "Karya", "Sumber", "Mulya")  # written as one word: Sukamaju
_JOINED_SUFFIXES = ("maju", "jaya", "makmur", "sari", "mulya", "baru", "damai", "bakti", "rejo", "mukti")
_SPACED = ("Tanjung", "Sungai", "Batu", "Bukit", "Padang", "Rawa", "Air", "Teluk", "Lubuk", "Wae",
           "Nanga", "Watu", "Golo")  # two words: Batu Putih
_SPACED_SUFFIXES = ("Jaya", "Makmur", "Indah", "Baru", "Damai", "Harapan", "Lestari", "Permai", "Sentosa",
                    "Raya", "Tengah", "Putih", "Merah", "Hijau", "Panjang", "Tinggi")
NAMA_KELURAHAN_KOTA = ("Kota Lama", "Pasar Baru", "Pelabuhan", "Sejahtera Barat", "Sejahtera Timur",
                       "Sejahtera Tengah", "Sejahtera Utara", "Tanjung Kota", "Kampung Nelayan",
                       "Bukit Indah", "Lapangan", "Mekarsari", "Kampung Baru", "Taman Sari")
NAMA_DESA_PULAU = ("Labuhan Teduh", "Pasir Putih", "Karang Indah", "Teluk Biru", "Batu Bolong",
                   "Tanjung Baru", "Air Tawar", "Pulau Lumba")
# Names repeated on purpose in several kecamatan, as in real life (match names within the parent).
NAMA_GANDA = (("Sukamaju", 3), ("Mekarsari", 2), ("Tanjung Baru", 2), ("Sumberjaya", 2))


@dataclass
class _Kecamatan:
    kode: str
    nama: str
    peran: str  # kota | pulau | desa
    desa: list[int]
    rank: int | None = None  # rural: distance rank from the seat
    akhir: float = 0.0  # end coverage, percent
    naik: float = 0.0  # gain over the period, percentage points
    tumbuh: float = 0.0015  # monthly growth of wajib KTP
    koneksi: str = "online"
    tags: set[str] = field(default_factory=set)


# =========================================================================================
# geometry
# =========================================================================================
def _blob(rng: np.random.Generator, centre, radii, n_vertices: int, roughness: float,
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


def _points(rng, mainland: Polygon, island: Polygon, islet: Polygon):
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


def _partition(rng, points: list[tuple[float, float]], land) -> list:
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


def _adjacency(polys: list) -> list[dict[int, float]]:
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


def _grow_groups(rng, centroids: np.ndarray, members: list[int], adj, k: int) -> tuple[list[list[int]], list[int]]:
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


# =========================================================================================
# areas: geometry, codes, names
# =========================================================================================
@dataclass
class _Areas:
    desa_geom: list  # shapely polygons, index = desa id
    desa_kode: list[str]
    desa_nama: list[str]
    desa_kec: list[int]  # index into kecamatan
    kecamatan: list[_Kecamatan]
    seat: tuple[float, float]


def _build_areas(rng) -> _Areas:
    mainland = _blob(rng, MAINLAND_CENTRE, MAINLAND_RADII, 220, 0.30, rotation_deg=-14)
    island = _blob(rng, ISLAND_CENTRE, ISLAND_RADII, 64, 0.22, rotation_deg=25)
    islet = _blob(rng, ISLET_CENTRE, ISLET_RADII, 20, 0.12, rotation_deg=0)
    land = shapely.MultiPolygon([mainland, island, islet])
    urban, rural, pulau, seat = _points(rng, mainland, island, islet)
    points = urban + rural + pulau
    n_u, n_r = len(urban), len(rural)
    cells = _partition(rng, points, land)
    centroids = np.array([c.centroid.coords[0] for c in cells])
    adj = _adjacency(cells)

    urban_ids = list(range(n_u))
    rural_ids = list(range(n_u, n_u + n_r))
    pulau_ids = list(range(n_u + n_r, len(points)))
    groups, orphans = _grow_groups(rng, centroids, rural_ids, adj, N_KEC_RURAL)
    urban_ids = sorted(urban_ids + orphans)  # a rural cell reachable only through the seat joins it

    # Kecamatan codes go clockwise from the north, around the mainland centre; the island is last.
    def bearing(ids):
        x, y = centroids[ids].mean(0) - MAINLAND_CENTRE
        return float(np.arctan2(x, y) % (2 * np.pi))

    mainland_groups = sorted([("kota", urban_ids)] + [("desa", g) for g in groups], key=lambda t: bearing(t[1]))
    dist = {i: float(np.hypot(*(centroids[g].mean(0) - seat))) for i, (_, g) in enumerate(mainland_groups)}
    rural_order = sorted((i for i, (p, _) in enumerate(mainland_groups) if p == "desa"), key=dist.get)
    rank = {i: r for r, i in enumerate(rural_order)}

    kecamatan: list[_Kecamatan] = []
    spare_names = list(NAMA_RURAL)
    for i, (peran, ids) in enumerate(mainland_groups):
        kode = f"{KAB_KODE}.{i + 1:02d}"
        if peran == "kota":
            kec = _Kecamatan(kode, NAMA_KOTA, "kota", ids, akhir=KOTA_END, naik=KOTA_GAIN, tumbuh=0.0019)
        else:
            r = rank[i]
            nama = NAMA_MERAH if r == RANK_MERAH else spare_names.pop(0)
            kec = _Kecamatan(kode, nama, "desa", ids, rank=r, akhir=RURAL_END_COVERAGE[r], naik=RURAL_GAIN[r],
                             tumbuh=0.0017 - 0.00005 * r)
            kec.tags = {tag for tag, rr in (("basi", RANK_BASI), ("koreksi", RANK_KOREKSI),
                                            ("kelurahan", RANK_KELURAHAN), ("rusak", RANK_RUSAK),
                                            ("merah", RANK_MERAH)) if rr == r}
            if r == RANK_MERAH:
                kec.koneksi = "tidak_stabil"
        kecamatan.append(kec)
    kecamatan.append(_Kecamatan(f"{KAB_KODE}.{len(kecamatan) + 1:02d}", NAMA_PULAU, "pulau", pulau_ids,
                                akhir=PULAU_END, naik=PULAU_GAIN, tumbuh=0.0010, koneksi="offline"))

    desa_kode = [""] * len(points)
    desa_nama = [""] * len(points)
    desa_kec = [0] * len(points)
    names_by_kec = _desa_names(rng, kecamatan)
    for k, kec in enumerate(kecamatan):
        # north to south, then west to east, as code tables often run
        order = sorted(kec.desa, key=lambda d: (-round(centroids[d][1], 2), centroids[d][0]))
        n_kel = len(order) if kec.peran == "kota" else (2 if "kelurahan" in kec.tags else 0)
        if n_kel and kec.peran != "kota":  # the town: the two desa nearest the kecamatan's centre
            centre = centroids[order].mean(0)
            town = sorted(order, key=lambda d: float(np.hypot(*(centroids[d] - centre))))[:n_kel]
            order = [d for d in order if d in town] + [d for d in order if d not in town]
        kec.desa = order
        for j, d in enumerate(order):
            number = 1001 + j if j < n_kel else 2001 + j - n_kel
            desa_kode[d] = f"{kec.kode}.{number}"
            desa_nama[d] = names_by_kec[k][j]
            desa_kec[d] = k
    return _Areas(cells, desa_kode, desa_nama, desa_kec, kecamatan, seat)


def _desa_names(rng, kecamatan: list[_Kecamatan]) -> list[list[str]]:
    """Names per kecamatan, unique within it; some repeated across kecamatan on purpose."""
    pool = sorted({p + s for p in _JOINED for s in _JOINED_SUFFIXES if p.lower() != s}
                  | {f"{p} {s}" for p in _SPACED for s in _SPACED_SUFFIXES})
    fixed = ({n for n, _ in NAMA_GANDA} | set(NAMA_KELURAHAN_KOTA) | set(NAMA_DESA_PULAU)
             | {kc.nama for kc in kecamatan})
    pool = [n for n in pool if n not in fixed]
    order = list(rng.permutation(len(pool)))
    rural = [k for k, kec in enumerate(kecamatan) if kec.peran == "desa"]
    forced: dict[int, list[str]] = {k: [] for k in rural}
    for name, times in NAMA_GANDA:
        for k in sorted(rng.choice(rural, times, replace=False)):
            forced[int(k)].append(name)
    out = []
    for k, kec in enumerate(kecamatan):
        if kec.peran == "kota":
            out.append(list(NAMA_KELURAHAN_KOTA[: len(kec.desa)]) +
                       [pool[order.pop()] for _ in range(len(kec.desa) - len(NAMA_KELURAHAN_KOTA))])
        elif kec.peran == "pulau":
            out.append(list(NAMA_DESA_PULAU[: len(kec.desa)]))
        else:
            names = forced[k] + [pool[order.pop()] for _ in range(len(kec.desa) - len(forced[k]))]
            out.append([names[i] for i in rng.permutation(len(names))])
    return out


# =========================================================================================
# the weekly history
# =========================================================================================
def _snapshot_dates() -> list[date]:
    return [FIRST_DATE + timedelta(weeks=i) for i in range(N_SNAPSHOTS)]


def _snapshot_after(dates: list[date], day: date) -> int:
    """Index of the first snapshot that counts ``day`` (a Monday snapshot counts up to Sunday)."""
    return next(i for i, d in enumerate(dates) if d > day)


@dataclass
class _Event:
    mulai: date
    selesai: date | None
    kode: str
    jenis: str
    keterangan: str


@dataclass
class _School:
    npsn: str
    nama: str
    jenjang: str
    desa: int
    lat: float
    lon: float
    kelas_12: int
    akan_17: int
    belum: int
    kunjungan: date
    terekam: int  # recorded at the campaign visit


def _ribu(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _random_point_in(rng, poly, margin: float = 0.002) -> tuple[float, float]:
    """A random point inside ``poly`` (away from its border), on the 5-decimal grid."""
    inner = poly.buffer(-margin)
    if inner.is_empty:
        inner = poly.buffer(-margin / 4)
    minx, miny, maxx, maxy = inner.bounds
    for _ in range(2000):
        x, y = round(rng.uniform(minx, maxx), 5), round(rng.uniform(miny, maxy), 5)
        if shapely.contains_xy(inner, x, y):
            return x, y
    p = poly.representative_point()
    return round(p.x, 5), round(p.y, 5)


def _populations(rng, areas: _Areas) -> np.ndarray:
    """Wajib KTP per desa at the first snapshot: the seat's kelurahan are dense, the island sparse."""
    w0 = np.zeros(len(areas.desa_kode), dtype=np.int64)
    for kc in areas.kecamatan:
        lo, hi = {"kota": (4200, 9000), "pulau": (550, 1400), "desa": (900, 3400)}[kc.peran]
        for d in kc.desa:
            w0[d] = int(np.exp(rng.uniform(np.log(lo), np.log(hi))))
    basi = _basi_desa(areas)  # a denominator that lands the stale desa on 106,73 % exactly
    while round(100 * round(w0[basi] * BASI_CAKUPAN) / w0[basi], 2) != round(100 * BASI_CAKUPAN, 2):
        w0[basi] += 1
    return w0


def _schools(rng, areas: _Areas, w0: np.ndarray) -> list[_School]:
    kec = areas.kecamatan
    plan: list[tuple[int, str, str]] = []  # (kecamatan index, jenjang, name)
    for k, kc in enumerate(kec):
        if kc.peran == "kota":
            plan += [(k, "SMA", f"SMA Negeri 1 {kc.nama}"), (k, "SMA", f"SMA Negeri 2 {kc.nama}"),
                     (k, "SMK", f"SMK Negeri 1 {kc.nama}"), (k, "SMK", "SMK Swasta Bina Karya"),
                     (k, "MA", "MA Negeri 1 Contoh Sejahtera"), (k, "SMA", "SMA Swasta Tunas Harapan"),
                     (k, "Pesantren", "Pondok Pesantren Nurul Falah")]
        elif kc.peran == "pulau":
            plan.append((k, "SMA", f"SMA Negeri 1 {kc.nama}"))
        else:
            plan.append((k, "SMA", f"SMA Negeri 1 {kc.nama}"))
            if kc.rank in (0, 2, 3, 5, 7, 8) or "basi" in kc.tags:
                second = {0: ("SMK", f"SMK Negeri 1 {kc.nama}"), 2: ("MA", "MA Swasta Miftahul Ulum"),
                          3: ("SMK", f"SMK Negeri 1 {kc.nama}"), 5: ("MA", "MA Swasta Al-Ikhlas"),
                          7: ("SMK", "SMK Swasta Karya Bahari"), 8: ("MA", "MA Negeri 2 Contoh Sejahtera")}
                if "basi" in kc.tags:
                    plan.append((k, "Pesantren", "Pondok Pesantren Darul Ma'arif"))
                else:
                    plan.append((k, *second[kc.rank]))
    npsn = sorted(int(n) for n in rng.choice(100000, len(plan), replace=False))
    visit_days = [KAMPANYE_MULAI + timedelta(days=int(d)) for d in range(
        (KAMPANYE_SELESAI - KAMPANYE_MULAI).days + 1)]
    visit_days = [d for d in visit_days if d.weekday() < 5]
    used: set[int] = set()
    schools = []
    for i, (k, jenjang, nama) in enumerate(plan):
        kc = kec[k]
        if jenjang == "Pesantren" and "basi" in kc.tags:
            d = _basi_desa(areas)
        else:  # schools stand in the kecamatan's larger places
            candidates = sorted((d for d in kc.desa if d not in used), key=lambda i: -w0[i])
            d = candidates[int(rng.integers(0, min(4, len(candidates))))]
        used.add(d)
        x, y = _random_point_in(rng, areas.desa_geom[d], margin=0.001)
        size = {"SMA": (110, 330), "SMK": (90, 300), "MA": (40, 150), "Pesantren": (35, 130)}[jenjang]
        kelas_12 = int(rng.integers(*size)) if kc.peran != "pulau" else int(rng.integers(45, 80))
        akan_17 = int(round(kelas_12 * rng.uniform(0.7, 1.05)))  # grade 11 cohort turning 17 by May 2027
        slow = 0.55 if kc.peran == "pulau" or "merah" in kc.tags else 0.25
        belum = int(round(akan_17 * rng.uniform(slow, slow + 0.2)))
        schools.append(_School(
            npsn=f"999{npsn[i]:05d}", nama=nama, jenjang=jenjang, desa=d, lat=y, lon=x, kelas_12=kelas_12,
            akan_17=akan_17, belum=belum, kunjungan=visit_days[int(rng.integers(0, len(visit_days)))],
            terekam=int(min(round(kelas_12 * rng.uniform(0.40, 0.60)), round(0.06 * w0[d])))))
    return schools


def _basi_desa(areas: _Areas) -> int:
    """The desa with a stale denominator: the last desa (by code) of the 'basi' kecamatan."""
    kec = next(k for k in areas.kecamatan if "basi" in k.tags)
    return kec.desa[-1]


def _events_and_extras(rng, areas: _Areas, schools: list[_School], dates: list[date]):
    """Dated events, extra recordings (desa, snapshot, amount, first-timers) and weekly boosts."""
    kec = areas.kecamatan
    n_desa = len(areas.desa_kode)
    events: list[_Event] = []
    extras: list[tuple[int, int, int, bool]] = []
    boost = np.ones((n_desa, len(dates)))

    # Weekend services: everywhere before the regional elections, then one kecamatan at a time.
    sunday = PILKADA_AKHIR_PEKAN + timedelta(days=1)
    events.append(_Event(PILKADA_AKHIR_PEKAN, sunday, KAB_KODE, "layanan_akhir_pekan",
                         "Layanan perekaman Sabtu–Minggu di semua kantor kecamatan menjelang Pilkada "
                         "27 November 2024"))
    boost[:, _snapshot_after(dates, sunday)] *= WEEKEND_BOOST
    by_rank = {kc.rank: kc for kc in kec if kc.rank is not None}
    kota = next(kc for kc in kec if kc.peran == "kota")
    weekend_plan = [(kota, date(2025, 2, 15)), (by_rank[3], date(2025, 5, 17)), (by_rank[5], date(2025, 8, 9)),
                    (by_rank[RANK_RUSAK], date(2025, 10, 18)), (by_rank[7], date(2026, 1, 24)),
                    (by_rank[8], date(2026, 4, 25)), (by_rank[RANK_MERAH], date(2026, 5, 16)),
                    (kota, date(2026, 10, 10))]
    for kc, saturday in weekend_plan:
        sunday = saturday + timedelta(days=1)
        events.append(_Event(saturday, sunday, kc.kode, "layanan_akhir_pekan",
                             f"Layanan perekaman Sabtu–Minggu di Kantor Kecamatan {kc.nama}"))
        boost[kc.desa, _snapshot_after(dates, sunday)] *= WEEKEND_BOOST

    # Mobile units (jemput bola): 30–40 people a day.
    basi = _basi_desa(areas)
    merah = by_rank[RANK_MERAH]
    pulau = next(kc for kc in kec if kc.peran == "pulau")

    def pick(kc, j):
        return kc.desa[j % len(kc.desa)]

    visits = [
        (date(2025, 1, 20), 2, pick(merah, 3), "warga desa terpencil di balai desa"),
        (date(2025, 3, 10), 1, pick(kota, 5), "warga binaan Rumah Tahanan Negara"),
        (date(2025, 5, 5), 3, pick(pulau, 0), "warga pulau (perjalanan kapal; data dikirim setelah kembali)"),
        (date(2025, 7, 14), 2, basi, "karyawan pabrik pengolahan ikan, termasuk pekerja dari luar daerah"),
        (date(2025, 10, 6), 1, pick(kota, 9), "lansia dan warga sakit di rumah"),
        (date(2026, 2, 23), 2, pick(merah, 8), "warga desa terpencil di balai desa"),
        (date(2026, 5, 4), 3, pick(pulau, 4), "warga pulau (perjalanan kapal; data dikirim setelah kembali)"),
        (date(2026, 6, 8), 1, pick(by_rank[4], 6), "penyandang disabilitas dan warga sakit di rumah"),
        (date(2026, 10, 26), 2, basi, "santri pondok pesantren dari luar daerah"),
        (date(2026, 11, 9), 2, pick(merah, 1), "warga desa terpencil di balai desa"),
    ]
    for start, days, d, who in visits:
        end = start + timedelta(days=days - 1)
        amount = sum(int(rng.integers(30, 41)) for _ in range(days))
        extras.append((d, _snapshot_after(dates, end), amount, False))
        events.append(_Event(start, end, areas.desa_kode[d], "jemput_bola",
                             f"Unit perekaman keliling: {who}; {_ribu(amount)} orang direkam"))

    for s in schools:
        extras.append((s.desa, _snapshot_after(dates, s.kunjungan), s.terekam, True))
        events.append(_Event(s.kunjungan, s.kunjungan, areas.desa_kode[s.desa], "kampanye_sekolah",
                             f"Perekaman pemula di {s.nama}: {_ribu(s.terekam)} siswa direkam"))

    events.append(_Event(BLANGKO_MULAI, BLANGKO_SELESAI, KAB_KODE, "blangko_habis",
                         "Stok blangko KTP-el habis; perekaman berjalan, pencetakan berhenti dan PRR menumpuk"))
    rusak = by_rank[RANK_RUSAK]
    events.append(_Event(RUSAK_SEJAK, None, rusak.kode, "alat_rusak",
                         f"Satu-satunya alat perekam di Kantor Kecamatan {rusak.nama} rusak (pemindai sidik jari); "
                         "menunggu suku cadang, belum ada perekaman"))
    events.append(_Event(PULAU_PUTUS[0], PULAU_PUTUS[1], pulau.kode, "jaringan_putus",
                         "Jaringan VSAT putus; perekaman offline, data dikirim setelah jaringan pulih"))
    events.append(_Event(MERAH_PUTUS[0], MERAH_PUTUS[1], merah.kode, "jaringan_putus",
                         "Jaringan internet kantor kecamatan putus; data dikirim setelah pulih"))
    return events, extras, boost


def _week_weights(rng, areas: _Areas, dates: list[date], boost: np.ndarray) -> np.ndarray:
    """Relative recording effort per desa per week (column t = the week ending at snapshot t)."""
    n_desa, n = len(areas.desa_kode), len(dates)
    kec_noise = np.exp(rng.normal(0, 0.15, (len(areas.kecamatan), n)))
    w = np.exp(rng.normal(0, 0.25, (n_desa, n))) * kec_noise[areas.desa_kec] * boost
    for first, last, weight in HOLIDAYS:
        for t in range(1, n):
            if dates[t - 1] <= last and first < dates[t]:
                w[:, t] *= weight
    w[:, 0] = 0.0
    rusak = next(k for k in areas.kecamatan if "rusak" in k.tags)
    flat = [t for t in range(n) if dates[t] > RUSAK_SEJAK]
    w[np.ix_(rusak.desa, flat)] = 0.0
    return w


def _sync_mask(rng, areas: _Areas, dates: list[date]) -> np.ndarray:
    """Per kecamatan and snapshot: did the regional server receive the site's data that week?"""
    sync = np.ones((len(areas.kecamatan), len(dates)), dtype=bool)
    for k, kc in enumerate(areas.kecamatan):
        outage = PULAU_PUTUS if kc.peran == "pulau" else MERAH_PUTUS if "merah" in kc.tags else None
        if kc.peran == "pulau":
            # Recorded offline, sent when the connection allows: most weeks within a few
            # days, but often a week or two passes with nothing, then a catch-up.
            sync[k] = rng.uniform(size=len(dates)) < 0.55
            sync[k, 0] = True
            for t in range(2, len(dates)):
                if not sync[k, t - 2 : t + 1].any():
                    sync[k, t] = True
        if outage:
            for t, d in enumerate(dates):
                if outage[0] < d <= outage[1] + timedelta(days=1):
                    sync[k, t] = False
    return sync


def _history(rng, areas: _Areas, w0: np.ndarray, dates: list[date], extras, boost) -> dict[str, np.ndarray]:
    n_desa, n = len(areas.desa_kode), len(dates)
    kec = areas.kecamatan
    basi = _basi_desa(areas)

    # wajib KTP: the denominator is refreshed on the first snapshot of each month.
    new_month = np.array([t > 0 and dates[t].month != dates[t - 1].month for t in range(n)])
    wajib = np.zeros((n_desa, n), dtype=np.int64)
    for kc in kec:
        for d in kc.desa:
            wajib[d, 0] = w0[d]
            for t in range(1, n):
                step = 0
                if new_month[t] and d != basi:  # the stale desa's denominator is never refreshed
                    step = max(1, int(round(wajib[d, t - 1] * kc.tumbuh * rng.uniform(0.7, 1.3))))
                wajib[d, t] = wajib[d, t - 1] + step

    # sudah rekam: start and end coverage per desa around the kecamatan's.
    start = np.zeros(n_desa, dtype=np.int64)
    end = np.zeros(n_desa, dtype=np.int64)
    for kc in kec:
        for d in kc.desa:
            cov_end = min(kc.akhir + rng.normal(0, 1.6), DESA_MAX_COVERAGE)
            cov_start = max(cov_end - kc.naik + rng.normal(0, 2.0), 50.0)
            if d == basi:
                cov_start, end[d] = 95.4, int(round(wajib[d, -1] * BASI_CAKUPAN))
            else:
                end[d] = int(round(wajib[d, -1] * cov_end / 100))
            start[d] = int(round(wajib[d, 0] * cov_start / 100))

    extra = np.zeros((n_desa, n), dtype=np.int64)
    extra_pemula = np.zeros((n_desa, n), dtype=np.int64)
    for d, t, amount, first_timers in extras:
        extra[d, t] += amount
        if first_timers:
            extra_pemula[d, t] += amount

    koreksi = next(k for k in kec if "koreksi" in k.tags)
    t_koreksi = _snapshot_after(dates, KOREKSI_TANGGAL)
    weights = _week_weights(rng, areas, dates, boost)
    cum_w = np.cumsum(weights, axis=1)

    true = np.zeros((n_desa, n), dtype=np.int64)
    base_gain = np.zeros((n_desa, n), dtype=np.int64)
    removed = np.zeros(n_desa, dtype=np.int64)
    for d in range(n_desa):
        corr = 0
        if d in koreksi.desa:  # duplicates found: about 1 % of what was recorded by then
            corr = int(round(KOREKSI_FRAKSI * (start[d] + (end[d] - start[d]) * t_koreksi / n)))
        # Ordinary recording brings at least 4 % of wajib KTP over two years; where campaigns
        # and mobile units already bring most of the growth, the desa simply started lower.
        floor_total = int(round(0.04 * wajib[d, 0]))
        start[d] = min(start[d], end[d] - int(extra[d].sum()) + corr - floor_total)
        base_total = end[d] - start[d] - int(extra[d].sum()) + corr
        base_cum = np.round(base_total * cum_w[d] / cum_w[d, -1]).astype(np.int64)
        base_gain[d] = np.diff(base_cum, prepend=0)
        series = start[d] + base_cum + np.cumsum(extra[d])
        series[t_koreksi:] -= corr
        removed[d] = corr
        true[d] = series

    # What the regional server shows: offline sites arrive in bursts.
    sync = _sync_mask(rng, areas, dates)
    last_sync = np.zeros((len(kec), n), dtype=np.int64)
    for k in range(len(kec)):
        s = 0
        for t in range(n):
            s = t if sync[k, t] else s
            last_sync[k, t] = s
    seen = last_sync[areas.desa_kec]  # (n_desa, n) index of the snapshot whose data is visible
    rows = np.arange(n_desa)[:, None]
    sudah = true[rows, seen]

    # First-timers, counted from 1 January (perekaman pemula tahun berjalan).
    pemula_gain = rng.binomial(np.maximum(base_gain, 0), PEMULA_SHARE) + extra_pemula
    pemula_cum = np.cumsum(pemula_gain, axis=1)[rows, seen]
    before_2024 = np.round(wajib[:, 0] * rng.uniform(0.011, 0.015, n_desa)).astype(np.int64)
    pemula = np.zeros_like(sudah)
    for t, d in enumerate(dates):
        prev_year_last = max((i for i, dd in enumerate(dates) if dd.year < d.year), default=None)
        if prev_year_last is None:
            pemula[:, t] = before_2024 + pemula_cum[:, t]
        else:
            pemula[:, t] = pemula_cum[:, t] - pemula_cum[:, prev_year_last]

    # Verified at the centre (PRR) and printed (sudah cetak); printing stops without blanks.
    verified = np.floor(VERIFIED_SHARE * np.concatenate([sudah[:, :1], sudah[:, :-1]], axis=1)).astype(np.int64)
    verified = np.minimum(verified, sudah)
    cetak = np.zeros_like(sudah)
    cetak[:, 0] = np.floor(PRINTED_SHARE * verified[:, 0] * 0.995)
    shortage = np.array([BLANGKO_MULAI < d <= BLANGKO_SELESAI + timedelta(days=1) for d in dates])
    after = np.array([d > BLANGKO_SELESAI + timedelta(days=1) for d in dates])
    catch_up = np.maximum(np.ceil(0.012 * sudah[:, -1]), 1).astype(np.int64)
    for t in range(1, n):
        if shortage[t]:
            cetak[:, t] = cetak[:, t - 1]
            continue
        target = np.floor(PRINTED_SHARE * verified[:, t - 1]).astype(np.int64)
        if after[t]:
            target = np.minimum(target, cetak[:, t - 1] + catch_up)
        cetak[:, t] = np.clip(target, cetak[:, t - 1], verified[:, t])
    prr = np.maximum(verified - cetak, 0)

    return {"wajib": wajib, "sudah": sudah, "prr": prr, "cetak": cetak, "pemula": pemula,
            "removed": removed, "t_koreksi": t_koreksi, "sync": sync}


def _check_history(h: dict, areas: _Areas, dates: list[date]) -> None:
    """The invariants every consumer may rely on; a seed that breaks them is refused."""
    w, s, p, c, pe = h["wajib"], h["sudah"], h["prr"], h["cetak"], h["pemula"]
    problems = []
    if (np.array([w, s, p, c, pe]) < 0).any():
        problems.append("negative count")
    if (p + c > s).any():
        problems.append("prr + sudah_cetak > sudah_rekam")
    if (pe > w).any():
        problems.append("pemula > wajib_ktp")
    if (np.diff(c, axis=1) < 0).any():
        problems.append("sudah_cetak decreases")
    drops = np.argwhere(np.diff(s, axis=1) < 0)
    koreksi = next(k for k in areas.kecamatan if "koreksi" in k.tags)
    if any(t + 1 != h["t_koreksi"] or d not in koreksi.desa for d, t in drops):
        problems.append("sudah_rekam decreases outside the data correction")
    rusak = next(k for k in areas.kecamatan if "rusak" in k.tags)
    broken = [t for t, d in enumerate(dates) if d >= RUSAK_SEJAK]
    if (s[np.ix_(rusak.desa, broken)] != s[rusak.desa, broken[0]][:, None]).any():
        problems.append("sudah_rekam moves while the only device is broken")
    over = np.flatnonzero(s[:, -1] > w[:, -1])
    if list(over) != [_basi_desa(areas)]:
        problems.append(f"desa above 100 % at the last date: {[areas.desa_kode[d] for d in over]}")
    if problems:
        raise RuntimeError("demo history: " + "; ".join(problems))


# =========================================================================================
# recording sites
# =========================================================================================
def _sites(rng, areas: _Areas, events: list[_Event]) -> list[dict]:
    kec = areas.kecamatan
    kota = next(k for k in kec if k.peran == "kota")
    seat_desa = min(kota.desa, key=lambda d: areas.desa_geom[d].distance(Point(areas.seat)))
    mpp_desa = next(d for d in kota.desa if d != seat_desa)
    rows = []

    def site(nama, jenis, d, total, aktif, status="aktif", sejak="", koneksi="online"):
        x, y = _random_point_in(rng, areas.desa_geom[d], margin=0.001)
        rows.append({"nama": nama, "jenis": jenis, "kode_wilayah": areas.desa_kode[d], "lat": y, "lon": x,
                     "alat_total": total, "alat_aktif": aktif, "status": status, "rusak_sejak": sejak,
                     "koneksi": koneksi})

    site(f"Dinas Kependudukan dan Pencatatan Sipil {KAB_NAMA}", "disdukcapil", seat_desa, 4, 4)
    site(f"Mal Pelayanan Publik {KAB_NAMA}", "mpp", mpp_desa, 2, 2)
    for kc in kec:
        centre = shapely.union_all([areas.desa_geom[d] for d in kc.desa]).representative_point()
        d = min(kc.desa, key=lambda i: areas.desa_geom[i].distance(centre))
        if kc.peran == "kota":
            d = next(i for i in kc.desa if i not in (seat_desa, mpp_desa))
        total = 2 if kc.peran == "kota" or (kc.rank is not None and kc.rank < 4) else 1
        if "rusak" in kc.tags:
            site(f"Kantor Kecamatan {kc.nama}", "kecamatan", d, 1, 0, "rusak", RUSAK_SEJAK.isoformat(), kc.koneksi)
        else:
            site(f"Kantor Kecamatan {kc.nama}", "kecamatan", d, total, total, koneksi=kc.koneksi)
    last_visit = max((e for e in events if e.jenis == "jemput_bola"), key=lambda e: e.mulai)
    d = areas.desa_kode.index(last_visit.kode)
    site("Unit Perekaman Keliling 1", "mobile", d, 1, 1)
    site("Unit Perekaman Keliling 2", "mobile", seat_desa, 1, 0, "perbaikan", "2026-10-26")
    for i, r in enumerate(rows, start=1):
        r["id"] = f"LP{i:02d}"
    return rows


# =========================================================================================
# writing
# =========================================================================================
def _coords(geom) -> dict:
    """GeoJSON geometry with coordinates written at 5 decimals."""
    def rnd(obj):
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], float):
                return [round(obj[0], 5), round(obj[1], 5)]
            return [rnd(o) for o in obj]
        return obj
    g = mapping(geom)
    return {"type": g["type"], "coordinates": rnd(g["coordinates"])}


def _written_geometry(geom):
    """The geometry as it will read back from the file; repaired if rounding broke it."""
    written = shapely.geometry.shape(_coords(geom))
    if not written.is_valid:
        written = shapely.make_valid(written)
        written = shapely.union_all(
            [p for p in shapely.get_parts(written) if p.geom_type == "Polygon"], grid_size=GRID)
    return written


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _write_all(out: Path, areas: _Areas, dates, h, schools, events, sites, summary) -> None:
    out.mkdir(parents=True, exist_ok=True)
    kec = areas.kecamatan
    order = sorted(range(len(areas.desa_kode)), key=areas.desa_kode.__getitem__)

    features = []
    for d in order:
        props = {Col.KODE: areas.desa_kode[d], Col.NAMA: areas.desa_nama[d],
                 "kecamatan": kec[areas.desa_kec[d]].nama, "kabupaten": KAB_NAMA}
        features.append(json.dumps({"type": "Feature", "properties": props,
                                    "geometry": _coords(_written_geometry(areas.desa_geom[d]))},
                                   ensure_ascii=False, separators=(",", ":")))
    (out / "wilayah_desa.geojson").write_text(
        '{"type":"FeatureCollection","name":"wilayah_desa","features":[\n' + ",\n".join(features) + "\n]}\n",
        encoding="utf-8")

    # level as a number (1–4), like the Kemendagri code tables
    wilayah = [[PROV_KODE, PROV_NAMA, Level.PROVINSI.depth, "provinsi", ""],
               [KAB_KODE, KAB_NAMA, Level.KABUPATEN.depth, "kabupaten", PROV_KODE]]
    for kc in kec:
        wilayah.append([kc.kode, kc.nama, Level.KECAMATAN.depth, "kecamatan", KAB_KODE])
        for d in sorted(kc.desa, key=areas.desa_kode.__getitem__):
            kode = areas.desa_kode[d]
            wilayah.append([kode, areas.desa_nama[d], Level.DESA.depth, desa_tipe(kode), kc.kode])
    _write_csv(out / "wilayah.csv", [Col.KODE, Col.NAMA, Col.LEVEL, Col.TIPE, Col.KODE_INDUK], wilayah)

    rows = []
    for t, day in enumerate(dates):
        for d in order:
            rows.append([day.isoformat(), areas.desa_kode[d], areas.desa_nama[d], h["wajib"][d, t],
                         h["sudah"][d, t], h["prr"][d, t], h["cetak"][d, t], h["pemula"][d, t]])
    _write_csv(out / "rekam_mingguan.csv",
               [Col.TANGGAL, Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.PRR, Col.CETAK, Col.PEMULA], rows)

    site_cols = ["id", "nama", "jenis", "kode_wilayah", "lat", "lon", "alat_total", "alat_aktif", "status",
                 "rusak_sejak", "koneksi"]
    _write_csv(out / "lokasi_perekaman.csv", site_cols,
               [[f"{r[c]:.5f}" if c in ("lat", "lon") else r[c] for c in site_cols] for r in sites])

    _write_csv(out / "sekolah.csv",
               ["npsn", "nama", "jenjang", "kode_desa", "lat", "lon", "siswa_kelas_12", "akan_17_enam_bulan",
                "belum_rekam"],
               [[s.npsn, s.nama, s.jenjang, areas.desa_kode[s.desa], f"{s.lat:.5f}", f"{s.lon:.5f}", s.kelas_12,
                 s.akan_17, s.belum] for s in sorted(schools, key=lambda s: s.npsn)])

    ev = sorted(events, key=lambda e: (e.mulai, e.kode, e.jenis))
    _write_csv(out / "peristiwa.csv", ["tanggal_mulai", "tanggal_selesai", Col.KODE, "jenis", "keterangan"],
               [[e.mulai.isoformat(), e.selesai.isoformat() if e.selesai else "", e.kode, e.jenis,
                 e.keterangan] for e in ev])

    (out / "ringkasan.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")


# =========================================================================================
# summary
# =========================================================================================
def _coverage(sudah: int, wajib: int) -> float:
    return round(100.0 * sudah / wajib, 2)


def _zone(cakupan: float) -> str:
    return ZoneConfig().zone(cakupan).value  # the default thresholds, not a local config


def _summary(areas: _Areas, dates, h, schools, events, seed: int) -> dict:
    kec = areas.kecamatan
    w, s = h["wajib"], h["sudah"]
    by = {tag: next(k for k in kec if tag in k.tags) for tag in ("rusak", "koreksi", "merah")}
    kota = next(k for k in kec if k.peran == "kota")
    pulau = next(k for k in kec if k.peran == "pulau")
    basi = _basi_desa(areas)
    names = [areas.desa_nama[d] for d in range(len(areas.desa_nama))]
    ganda = sorted({n for n in names if names.count(n) > 1})
    flat = [dd.isoformat() for dd in dates if dd >= RUSAK_SEJAK]
    bounds = shapely.union_all(areas.desa_geom).bounds
    kecamatan = {}
    for kc in kec:
        sw, ss = int(w[kc.desa, -1].sum()), int(s[kc.desa, -1].sum())
        c = _coverage(ss, sw)
        kecamatan[kc.kode] = {"nama": kc.nama, "desa": len(kc.desa), "cakupan_akhir": c, "zona_akhir": _zone(c)}
    return {
        "seed": seed,
        "provinsi": {"kode": PROV_KODE, "nama": PROV_NAMA},
        "kabupaten": {"kode": KAB_KODE, "nama": KAB_NAMA},
        "tanggal_awal": dates[0].isoformat(),
        "tanggal_akhir": dates[-1].isoformat(),
        "jumlah_tanggal": len(dates),
        "hari_tanggal": "Senin",
        "jumlah_kecamatan": len(kec),
        "jumlah_desa": sum(1 for k in areas.desa_kode if desa_tipe(k) == "desa"),
        "jumlah_kelurahan": sum(1 for k in areas.desa_kode if desa_tipe(k) == "kelurahan"),
        "bbox": [round(v, 5) for v in bounds],
        "cakupan_awal": _coverage(int(s[:, 0].sum()), int(w[:, 0].sum())),
        "cakupan_akhir": _coverage(int(s[:, -1].sum()), int(w[:, -1].sum())),
        "kecamatan": kecamatan,
        "kecamatan_kota": {"kode": kota.kode, "nama": kota.nama},
        "kecamatan_pulau": {"kode": pulau.kode, "nama": pulau.nama, "koneksi": "offline",
                            "minggu_tanpa_kiriman": [dates[t].isoformat() for t in range(len(dates))
                                                     if not h["sync"][kec.index(pulau), t]]},
        "kecamatan_merah_darat": {"kode": by["merah"].kode, "nama": by["merah"].nama},
        "alat_rusak": {"kode": by["rusak"].kode, "nama": by["rusak"].nama, "mulai": RUSAK_SEJAK.isoformat(),
                       "selesai": None, "tanggal_datar": flat},
        "desa_di_atas_100": {"kode": areas.desa_kode[basi], "nama": areas.desa_nama[basi],
                             "kecamatan": kec[areas.desa_kec[basi]].nama,
                             "cakupan": _coverage(int(s[basi, -1]), int(w[basi, -1]))},
        "koreksi_data": {"kode": by["koreksi"].kode, "nama": by["koreksi"].nama,
                         "tanggal": dates[h["t_koreksi"]].isoformat(), "dihapus": int(h["removed"].sum())},
        "blangko_habis": {"mulai": BLANGKO_MULAI.isoformat(), "selesai": BLANGKO_SELESAI.isoformat()},
        "kampanye_sekolah": {"mulai": KAMPANYE_MULAI.isoformat(), "selesai": KAMPANYE_SELESAI.isoformat(),
                             "sekolah": len(schools)},
        "layanan_akhir_pekan": sorted(e.mulai.isoformat() for e in events if e.jenis == "layanan_akhir_pekan"),
        "nama_desa_ganda": ganda,
        "berkas": list(FILES),
    }


# =========================================================================================
def generate(out_dir: Path = DEMO_DIR, seed: int = SEED) -> dict:
    """Write the demo dataset into ``out_dir`` and return its summary.

    Files (see data/demo/README.md): wilayah_desa.geojson, wilayah.csv,
    rekam_mingguan.csv (columns Col.TANGGAL, Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH,
    Col.PRR, Col.CETAK, Col.PEMULA; counts are integers, cakupan is not stored),
    lokasi_perekaman.csv, sekolah.csv, peristiwa.csv and ringkasan.json (the summary).
    The summary is a JSON-ready dict naming the island, the broken-device kecamatan,
    the desa above 100 %, the event dates and the coverage (percent) at both ends.
    The same seed always gives the same bytes. Raises RuntimeError when a seed yields
    a layout or history that breaks the dataset's invariants.
    """
    rng = np.random.default_rng(seed)
    dates = _snapshot_dates()
    areas = _build_areas(rng)
    w0 = _populations(rng, areas)
    schools = _schools(rng, areas, w0)
    events, extras, boost = _events_and_extras(rng, areas, schools, dates)
    history = _history(rng, areas, w0, dates, extras, boost)
    _check_history(history, areas, dates)
    events.append(_Event(KOREKSI_TANGGAL, KOREKSI_TANGGAL, next(k for k in areas.kecamatan if "koreksi" in k.tags).kode,
                         "koreksi_data", "Pembersihan rekaman ganda hasil pemadanan data pusat: "
                         f"{_ribu(int(history['removed'].sum()))} rekaman dikeluarkan dari sudah rekam"))
    sites = _sites(rng, areas, events)
    summary = _summary(areas, dates, history, schools, events, seed)
    _write_all(Path(out_dir), areas, dates, history, schools, events, sites, summary)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.demo", description="Tulis data contoh sintetis ke data/demo.")
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="folder keluaran (default data/demo)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    summary = generate(args.out, args.seed)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The areas: desa cells grouped into kecamatan, with codes, names and roles (seat, island, rural)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from geo.demo.constants import (
    ISLAND_CENTRE, ISLAND_RADII, ISLET_CENTRE, ISLET_RADII, KAB_KODE, KOTA_END, KOTA_GAIN,
    MAINLAND_CENTRE, MAINLAND_RADII, N_KEC_RURAL, NAMA_KOTA, NAMA_MERAH, NAMA_PULAU, NAMA_RURAL, PULAU_END,
    PULAU_GAIN, RANK_BASI, RANK_KELURAHAN, RANK_KOREKSI, RANK_MERAH, RANK_RUSAK, RURAL_END_COVERAGE, RURAL_GAIN,
)
from geo.demo.geometry import adjacency, blob, grow_groups, partition, seed_points

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
class Kecamatan:
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


@dataclass
class Areas:
    desa_geom: list  # shapely polygons, index = desa id
    desa_kode: list[str]
    desa_nama: list[str]
    desa_kec: list[int]  # index into kecamatan
    kecamatan: list[Kecamatan]
    seat: tuple[float, float]


def build_areas(rng) -> Areas:
    """The kabupaten: desa cells (index = desa id) on a mainland, an island and an islet, grouped
    into contiguous kecamatan, with Kemendagri-style codes and invented names."""
    mainland = blob(rng, MAINLAND_CENTRE, MAINLAND_RADII, 220, 0.30, rotation_deg=-14)
    island = blob(rng, ISLAND_CENTRE, ISLAND_RADII, 64, 0.22, rotation_deg=25)
    islet = blob(rng, ISLET_CENTRE, ISLET_RADII, 20, 0.12, rotation_deg=0)
    land = shapely.MultiPolygon([mainland, island, islet])
    urban, rural, pulau, seat = seed_points(rng, mainland, island, islet)
    points = urban + rural + pulau
    n_u, n_r = len(urban), len(rural)
    cells = partition(rng, points, land)
    centroids = np.array([c.centroid.coords[0] for c in cells])
    adj = adjacency(cells)

    urban_ids = list(range(n_u))
    rural_ids = list(range(n_u, n_u + n_r))
    pulau_ids = list(range(n_u + n_r, len(points)))
    groups, orphans = grow_groups(rng, centroids, rural_ids, adj, N_KEC_RURAL)
    urban_ids = sorted(urban_ids + orphans)  # a rural cell reachable only through the seat joins it
    kecamatan = _kecamatan(centroids, seat, urban_ids, groups, pulau_ids)
    desa_kode, desa_nama, desa_kec = _codes_and_names(rng, kecamatan, centroids)
    return Areas(cells, desa_kode, desa_nama, desa_kec, kecamatan, seat)


def _kecamatan(centroids: np.ndarray, seat, urban_ids: list[int], groups: list[list[int]],
               pulau_ids: list[int]) -> list[Kecamatan]:
    """The kecamatan with their roles; rural ones ranked by distance from the seat."""
    # Kecamatan codes go clockwise from the north, around the mainland centre; the island is last.
    def bearing(ids):
        x, y = centroids[ids].mean(0) - MAINLAND_CENTRE
        return float(np.arctan2(x, y) % (2 * np.pi))

    mainland_groups = sorted([("kota", urban_ids)] + [("desa", g) for g in groups], key=lambda t: bearing(t[1]))
    dist = {i: float(np.hypot(*(centroids[g].mean(0) - seat))) for i, (_, g) in enumerate(mainland_groups)}
    rural_order = sorted((i for i, (p, _) in enumerate(mainland_groups) if p == "desa"), key=dist.get)
    rank = {i: r for r, i in enumerate(rural_order)}

    kecamatan: list[Kecamatan] = []
    spare_names = list(NAMA_RURAL)
    for i, (peran, ids) in enumerate(mainland_groups):
        kode = f"{KAB_KODE}.{i + 1:02d}"
        if peran == "kota":
            kec = Kecamatan(kode, NAMA_KOTA, "kota", ids, akhir=KOTA_END, naik=KOTA_GAIN, tumbuh=0.0019)
        else:
            r = rank[i]
            nama = NAMA_MERAH if r == RANK_MERAH else spare_names.pop(0)
            kec = Kecamatan(kode, nama, "desa", ids, rank=r, akhir=RURAL_END_COVERAGE[r], naik=RURAL_GAIN[r],
                            tumbuh=0.0017 - 0.00005 * r)
            kec.tags = {tag for tag, rr in (("basi", RANK_BASI), ("koreksi", RANK_KOREKSI),
                                            ("kelurahan", RANK_KELURAHAN), ("rusak", RANK_RUSAK),
                                            ("merah", RANK_MERAH)) if rr == r}
            if r == RANK_MERAH:
                kec.koneksi = "tidak_stabil"
        kecamatan.append(kec)
    kecamatan.append(Kecamatan(f"{KAB_KODE}.{len(kecamatan) + 1:02d}", NAMA_PULAU, "pulau", pulau_ids,
                               akhir=PULAU_END, naik=PULAU_GAIN, tumbuh=0.0010, koneksi="offline"))
    return kecamatan


def _codes_and_names(rng, kecamatan: list[Kecamatan], centroids: np.ndarray):
    """(code, name, kecamatan index) of every desa; each kecamatan's desa put in code order."""
    n = len(centroids)
    desa_kode, desa_nama, desa_kec = [""] * n, [""] * n, [0] * n
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
    return desa_kode, desa_nama, desa_kec


def _desa_names(rng, kecamatan: list[Kecamatan]) -> list[list[str]]:
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


def basi_desa(areas: Areas) -> int:
    """The desa with a stale denominator: the last desa (by code) of the 'basi' kecamatan."""
    kec = next(k for k in areas.kecamatan if "basi" in k.tags)
    return kec.desa[-1]

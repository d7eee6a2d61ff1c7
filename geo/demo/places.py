"""Schools (SMA/SMK/MA, pesantren) and recording sites, placed inside their desa."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import shapely
from shapely.geometry import Point

from geo.demo.areas import Areas, basi_desa
from geo.demo.constants import KAB_NAMA, KAMPANYE_MULAI, KAMPANYE_SELESAI, RUSAK_SEJAK
from geo.demo.records import Event, School


def random_point_in(rng, poly, margin: float = 0.002) -> tuple[float, float]:
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


def place_schools(rng, areas: Areas, w0: np.ndarray) -> list[School]:
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
            d = basi_desa(areas)
        else:  # schools stand in the kecamatan's larger places
            candidates = sorted((d for d in kc.desa if d not in used), key=lambda i: -w0[i])
            d = candidates[int(rng.integers(0, min(4, len(candidates))))]
        used.add(d)
        x, y = random_point_in(rng, areas.desa_geom[d], margin=0.001)
        size = {"SMA": (110, 330), "SMK": (90, 300), "MA": (40, 150), "Pesantren": (35, 130)}[jenjang]
        kelas_12 = int(rng.integers(*size)) if kc.peran != "pulau" else int(rng.integers(45, 80))
        akan_17 = int(round(kelas_12 * rng.uniform(0.7, 1.05)))  # grade 11 cohort turning 17 by May 2027
        slow = 0.55 if kc.peran == "pulau" or "merah" in kc.tags else 0.25
        belum = int(round(akan_17 * rng.uniform(slow, slow + 0.2)))
        schools.append(School(
            npsn=f"999{npsn[i]:05d}", nama=nama, jenjang=jenjang, desa=d, lat=y, lon=x, kelas_12=kelas_12,
            akan_17=akan_17, belum=belum, kunjungan=visit_days[int(rng.integers(0, len(visit_days)))],
            terekam=int(min(round(kelas_12 * rng.uniform(0.40, 0.60)), round(0.06 * w0[d])))))
    return schools


def recording_sites(rng, areas: Areas, events: list[Event]) -> list[dict]:
    kec = areas.kecamatan
    kota = next(k for k in kec if k.peran == "kota")
    seat_desa = min(kota.desa, key=lambda d: areas.desa_geom[d].distance(Point(areas.seat)))
    mpp_desa = next(d for d in kota.desa if d != seat_desa)
    rows = []

    def site(nama, jenis, d, total, aktif, status="aktif", sejak="", koneksi="online"):
        x, y = random_point_in(rng, areas.desa_geom[d], margin=0.001)
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

"""A tiny kabupaten for the capacity, card and inventory tests: three kecamatan, four recording
sites, two weekly snapshots, an inventory file and a blank-stock file, with numbers checked by hand."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from geo.schema import Col
from geo.store import Store

# --- a tiny kabupaten: three kecamatan, four sites --------------------------------------------
# Kec A (99.01.01): site S1 (2 static devices), mobile unit M1 (1 mobile device)
# Kec B (99.01.02): site S2 (1 static device, broken from 2026-01-03)
# Kec C (99.01.03): site S3 (1 static device, offline)
INVENTORY = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S1,,,2025-01-01,,3,online,
S1,S1-A1,statis,2020-01-01,aktif,,,
S1,S1-A2,statis,2020-01-01,aktif,,,
S1,S1-P1,cetak,2020-01-01,aktif,,,Printer kartu
M1,,,2025-01-01,,2,online,
M1,M1-A1,mobile,2021-06-01,aktif,,,
S2,,,2025-01-01,,1,online,
S2,S2-A1,statis,2020-01-01,aktif,,,
S2,S2-A1,,2026-01-03,rusak,,,Pemindai sidik jari rusak
S3,,,2025-01-01,,1,offline,
S3,S3-A1,statis,2020-01-01,aktif,,,
"""
# belum rekam on 2025-12-29 / 2026-01-05:
# A 2000−1250 = 750 / 2000−1300 = 700; B 1000−560 = 440 / 1000−580 = 420;
# C 500−380 = 120 / 500−395 = 105.
SNAPSHOTS = {
    "2025-12-29": {"99.01.01.2001": (1200, 750), "99.01.01.1002": (800, 500), "99.01.02.2001": (1000, 560),
                   "99.01.03.2001": (500, 380)},
    "2026-01-05": {"99.01.01.2001": (1200, 780), "99.01.01.1002": (800, 520), "99.01.02.2001": (1000, 580),
                   "99.01.03.2001": (500, 395)},
}

# Blank cards of Kec A: 1,500 received, then used week by week (thousands dot as offices write it).
BLANKS = """tanggal;kode;diterima;dipakai;keterangan
2026-01-05;99.01.01;1.500;0;Stok awal
2026-01-12;99.01.01;0;120;
2026-01-26;99.01.01;0;120;
2026-02-02;99.01.01;0;105;
"""


def _areas():
    rows = [
        ("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 3, 1)),
        ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(0, 0, 1, 1)),
        ("99.01.02", "Kec B", "kecamatan", "99.01", "kecamatan", box(1, 0, 2, 1)),
        ("99.01.03", "Kec C", "kecamatan", "99.01", "kecamatan", box(2, 0, 3, 1)),
        ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", box(0, 0, 0.5, 1)),
        ("99.01.01.1002", "Kel A2", "desa", "99.01.01", "kelurahan", box(0.5, 0, 1, 1)),
        ("99.01.02.2001", "Desa B1", "desa", "99.01.02", "desa", box(1, 0, 2, 1)),
        ("99.01.03.2001", "Desa C1", "desa", "99.01.03", "desa", box(2, 0, 3, 1)),
    ]
    columns = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=columns), geometry="geometry", crs="EPSG:4326")


def _sites():
    rows = [("S1", "Kantor Kec A", "99.01.01.2001", "kecamatan", "online"),
            ("M1", "Unit Keliling", "99.01.01.1002", "mobile", "online"),
            ("S2", "Kantor Kec B", "99.01.02.2001", "kecamatan", "online"),
            ("S3", "Kantor Kec C", "99.01.03.2001", "kecamatan", "offline")]
    return pd.DataFrame([{"id": i, Col.NAMA: n, Col.KODE: k, "lat": 0.5, "lon": 0.5,
                          "atribut": {"jenis": j, "koneksi": c, "alat_total": "1"}} for i, n, k, j, c in rows])


def _snapshot(values: dict) -> pd.DataFrame:
    return pd.DataFrame([{Col.KODE: k, Col.WAJIB: w, Col.SUDAH: s} for k, (w, s) in values.items()])


def tiny_store(url: str) -> Store:
    """A store holding the tiny kabupaten's areas, its two snapshots and its recording sites."""
    s = Store.open(url)
    s.add_areas(_areas())
    for day, values in SNAPSHOTS.items():
        s.add_enrollment(_snapshot(values), tanggal=day)
    s.add_points(_sites(), kind="lokasi")
    return s


def write_file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def area_row(table, kode):
    return table.set_index(Col.KODE).loc[kode]

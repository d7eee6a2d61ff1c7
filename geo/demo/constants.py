"""The demo's fixed facts: seed, dates, geography, kecamatan roles and the dated stories."""
from __future__ import annotations

from datetime import date, timedelta

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

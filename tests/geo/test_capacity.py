"""Capacity, allocation and the card pipeline, checked against hand arithmetic (SQLite and PostgreSQL)."""
from __future__ import annotations

import itertools
import json
import math
import random

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import box

from geo import capacity as cap
from geo import cli
from geo.render import capacity_charts as charts
from geo.schema import Col, FileRefused, RekamError, ValidationFailed, ZoneConfig
from geo.config import Settings
from geo.store import Store
from geo.text import describe

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
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


def _sites():
    rows = [("S1", "Kantor Kec A", "99.01.01.2001", "kecamatan", "online"),
            ("M1", "Unit Keliling", "99.01.01.1002", "mobile", "online"),
            ("S2", "Kantor Kec B", "99.01.02.2001", "kecamatan", "online"),
            ("S3", "Kantor Kec C", "99.01.03.2001", "kecamatan", "offline")]
    return pd.DataFrame([{"id": i, Col.NAMA: n, Col.KODE: k, "lat": 0.5, "lon": 0.5,
                          "atribut": {"jenis": j, "koneksi": c, "alat_total": "1"}} for i, n, k, j, c in rows])


def _snapshot(values: dict) -> pd.DataFrame:
    return pd.DataFrame([{Col.KODE: k, Col.WAJIB: w, Col.SUDAH: s} for k, (w, s) in values.items()])


@pytest.fixture
def store(store_url, tmp_path):
    s = Store.open(store_url)
    s.add_areas(_areas())
    for day, values in SNAPSHOTS.items():
        s.add_enrollment(_snapshot(values), tanggal=day)
    s.add_points(_sites(), kind="lokasi")
    yield s
    s.close()


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def stocked(store, tmp_path):
    """The tiny store with INVENTORY imported (version id in ``store.inventory_version``)."""
    path = _write(tmp_path, "perangkat.csv", INVENTORY)
    store.inventory_version = cap.import_inventory(store, path, "uji").version_id
    return store


def _row(table, kode):
    return table.set_index(Col.KODE).loc[kode]


# --- capacity on constructed data -----------------------------------------------------------
def test_backlog_days_are_exact(stocked):
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    a, b, c = (_row(table, k) for k in ("99.01.01", "99.01.02", "99.01.03"))
    # Kec A: 2 static + 1 mobile working (the printer does not record), 3 + 2 operators → 3 devices run.
    assert (a[cap.ALAT_TOTAL], a[cap.ALAT_AKTIF], a[cap.ALAT_MOBILE_AKTIF], a[cap.OPERATOR], a[cap.ALAT_EFEKTIF]) == (
        3, 3, 1, 5, 3)
    assert a[Col.BELUM] == 700
    assert a[cap.KAPASITAS] == 105
    assert a[cap.HARI_BACKLOG] == pytest.approx(700 / 105)
    assert a[cap.BELUM_PER_ALAT] == pytest.approx(700 / 3)
    # Kec B: its only device broke on 2026-01-03: no capacity, backlog never clears, down 2 days.
    assert (b[cap.ALAT_TOTAL], b[cap.ALAT_AKTIF], b[cap.ALAT_EFEKTIF], b[Col.BELUM]) == (1, 0, 0, 420)
    assert math.isinf(b[cap.HARI_BACKLOG]) and math.isinf(b[cap.BELUM_PER_ALAT])
    assert (b[cap.TANPA_ALAT_SEJAK], b[cap.HARI_TANPA_ALAT]) == ("2026-01-03", 2)
    assert c[cap.HARI_BACKLOG] == pytest.approx(105 / 35) and c[cap.KONEKSI] == "offline"
    # Kabupaten: counts summed first: (700 + 420 + 105) / (35 × (3 + 0 + 1)) days.
    assert cap.overall_backlog_days(table) == pytest.approx(1225 / 140)


def test_broken_device_drops_out_from_its_date(stocked):
    before = _row(cap.capacity_table(stocked, "99.01", date="2026-01-02"), "99.01.02")
    on_the_day = _row(cap.capacity_table(stocked, "99.01", date="2026-01-03"), "99.01.02")
    assert (before[cap.ALAT_AKTIF], before[Col.BELUM]) == (1, 440)
    assert before[cap.HARI_BACKLOG] == pytest.approx(440 / 35)
    assert before[cap.TANPA_ALAT_SEJAK] is None
    assert on_the_day[cap.ALAT_AKTIF] == 0 and math.isinf(on_the_day[cap.HARI_BACKLOG])
    assert on_the_day[cap.HARI_TANPA_ALAT] == 0


def test_throughput_is_a_parameter(stocked):
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05", throughput=20)
    assert _row(table, "99.01.01")[cap.HARI_BACKLOG] == pytest.approx(700 / 60)
    with pytest.raises(RekamError, match="kap_laju_salah"):
        cap.capacity_table(stocked, "99.01", throughput=0)
    with pytest.raises(RekamError, match="kap_kode_salah"):
        cap.capacity_table(stocked, "bukan kode")


def test_sites_down_and_stuck_message(stocked):
    down = cap.sites_down(stocked, "99.01", date="2026-01-05")
    assert list(down[cap.ALAT_ID]) == ["S2-A1"]
    row = down.iloc[0]
    assert (row[cap.STATUS], row[cap.SEJAK], row[cap.HARI], row[cap.NAMA_KEC], row[cap.LOKASI_LUMPUH]) == (
        "rusak", "2026-01-03", 2, "Kec B", True)
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    (text,) = cap.stuck_messages(table, down)
    assert text.startswith("Kec B (99.01.02): tidak ada alat perekam yang bekerja sejak 3 Januari 2026 (2 hari).")
    assert "Pemindai sidik jari rusak" in text and "420 wajib KTP belum rekam" in text
    (offline,) = cap.offline_messages(table)
    assert offline.startswith("Kec C (99.01.03): lokasi offline")


def test_repair_and_written_off_spells(stocked, tmp_path):
    update = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S2,S2-A1,,2026-01-04,perbaikan,,,Dikirim untuk perbaikan
S1,S1-A2,,2026-01-04,dihapus,,,Afkir
"""
    cap.import_inventory(stocked, _write(tmp_path, "update.csv", update), "uji")
    devices = cap.device_status(stocked, within="99.01", date="2026-01-05").set_index(cap.ALAT_ID)
    # rusak then perbaikan is one spell: down since the 3rd; a written-off device is gone.
    assert (devices.loc["S2-A1", cap.STATUS], devices.loc["S2-A1", cap.SEJAK]) == ("perbaikan", "2026-01-03")
    assert "S1-A2" not in devices.index
    assert devices.loc["S1-A1", cap.SEJAK] == "2020-01-01"
    assert _row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.01")[cap.ALAT_TOTAL] == 2


def test_operators_limit_the_devices_that_run(stocked, tmp_path):
    # From 2026-01-04 the mobile unit has no crew and S1 one operator; koneksi left empty keeps its value.
    update = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S1,,,2026-01-04,,1,,Dua operator pindah tugas
M1,,,2026-01-04,,0,,
"""
    cap.import_inventory(stocked, _write(tmp_path, "operator.csv", update), "uji")
    a = _row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.01")
    assert (a[cap.ALAT_AKTIF], a[cap.OPERATOR], a[cap.ALAT_EFEKTIF], a[cap.KONEKSI]) == (3, 1, 1, "online")
    assert a[cap.HARI_BACKLOG] == pytest.approx(700 / 35)
    assert _row(cap.capacity_table(stocked, "99.01", date="2026-01-03"), "99.01.01")[cap.ALAT_EFEKTIF] == 3


def test_rollback_of_an_inventory_import_restores_capacity(stocked, tmp_path):
    repaired = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S2,S2-A1,,2026-01-04,aktif,,,Selesai diperbaiki
S2,S2-A1,,2026-01-03,rusak,,,Kabel lepas
"""
    version = cap.import_inventory(stocked, _write(tmp_path, "perbaikan.csv", repaired), "uji").version_id
    assert stocked.history().set_index("id").loc[version, "kind"] == "inventaris"
    b = _row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.02")
    assert b[cap.HARI_BACKLOG] == pytest.approx(420 / 35)
    down = cap.device_status(stocked, date="2026-01-03").set_index(cap.ALAT_ID)
    assert down.loc["S2-A1", cap.KETERANGAN] == "Kabel lepas"  # same device and date: the newer row wins
    stocked.rollback(version, user="uji")
    b = _row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.02")
    assert math.isinf(b[cap.HARI_BACKLOG])
    assert cap.device_status(stocked, date="2026-01-03").set_index(cap.ALAT_ID).loc[
        "S2-A1", cap.KETERANGAN] == "Pemindai sidik jari rusak"
    stocked.rollback(stocked.inventory_version, user="uji")
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    assert not table[cap.DATA_ALAT].any() and table[cap.HARI_BACKLOG].isna().all()


def test_same_file_is_refused_unless_forced(stocked, tmp_path):
    path = tmp_path / "perangkat.csv"
    with pytest.raises(RekamError, match="berkas_sudah_diimpor"):
        cap.import_inventory(stocked, path, "uji")
    assert cap.import_inventory(stocked, path, "uji", force=True).summary == {
        "alat": 6, "lokasi": 4, "baris_alat": 7, "baris_lokasi": 4}


# --- reading files --------------------------------------------------------------------------
def test_semicolon_csv_with_bom_indonesian_dates_and_aliases(store, tmp_path):
    text = ("\ufeffID Lokasi;ID Alat;Jenis Alat;Tanggal;Kondisi;Jumlah Operator;Koneksi;Catatan\n"
            "S2;;;01/01/2025;;2;Tidak Stabil;\n"
            "S2;S2-A1;Static;01/01/2020;Baik;;;\n")
    path = tmp_path / "kantor.csv"
    path.write_bytes(text.encode("utf-8"))
    inv = cap.read_inventory(path, known_sites={"S2"})
    assert inv.alat.to_dict("records") == [{cap.ALAT_ID: "S2-A1", cap.TANGGAL_MULAI: "2020-01-01", cap.LOKASI_ID: "S2",
                                            cap.JENIS: "statis", cap.STATUS: "aktif", cap.KETERANGAN: None}]
    assert (inv.lokasi.iloc[0][cap.OPERATOR], inv.lokasi.iloc[0][cap.KONEKSI]) == (2, "tidak_stabil")


def test_xlsx_with_real_dates(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["lokasi_id", "alat_id", "jenis", "tanggal_mulai", "status", "operator", "koneksi", "keterangan"])
    ws.append(["S3", None, None, pd.Timestamp("2025-01-01").to_pydatetime(), None, 2, "offline", None])
    ws.append(["S3", "S3-A1", "statis", pd.Timestamp("2020-01-01").to_pydatetime(), "aktif", None, None, None])
    ws.append(["S3", "S3-A2", "mobile", pd.Timestamp("2025-06-01").to_pydatetime(), "aktif", None, None, None])
    path = tmp_path / "perangkat.xlsx"
    wb.save(path)
    cap.import_inventory(store, path, "uji")
    c = _row(cap.capacity_table(store, "99.01", date="2026-01-05"), "99.01.03")
    assert (c[cap.ALAT_AKTIF], c[cap.ALAT_EFEKTIF]) == (2, 2)
    assert c[cap.HARI_BACKLOG] == pytest.approx(105 / 70)


def test_every_bad_row_is_reported(store, tmp_path):
    bad = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S9,X-1,statis,2025-01-01,aktif,,,
S1,S1-A1,robot,2025-01-01,aktif,,,
S1,S1-A2,statis,31/02/2025,aktif,,,
S1,S1-A3,statis,2025-01-01,hilang,,,
S1,,,2025-01-01,,dua,online,
S1,S1-A4,statis,2025-01-01,aktif,,,
S1,S1-A4,,2025-01-01,rusak,,,
S1,,,2025-02-01,,,,
"""
    with pytest.raises(ValidationFailed) as err:
        cap.import_inventory(store, _write(tmp_path, "salah.csv", bad), "uji")
    found = [(p.baris, p.kolom, p.key) for p in err.value.problems]
    assert found == [(2, "lokasi_id", "inv_lokasi_tidak_dikenal"), (3, "jenis", "inv_pilihan_salah"),
                     (4, "tanggal_mulai", "inv_tanggal_salah"), (5, "status", "inv_pilihan_salah"),
                     (6, "operator", "inv_bukan_jumlah"), (8, "tanggal_mulai", "inv_baris_ganda"),
                     (9, None, "inv_baris_kosong")]
    text = describe(err.value)
    assert "Baris 2, kolom 'lokasi_id': Lokasi 'S9' tidak ada di daftar lokasi perekaman" in text
    assert "Pilih salah satu: statis, mobile, cetak" in text
    assert cap.capacity_table(store, "99.01")[cap.DATA_ALAT].sum() == 0  # nothing stored


def test_device_without_kind_and_refused_files(store, tmp_path):
    no_kind = "lokasi_id,alat_id,jenis,tanggal_mulai,status\nS1,S1-A1,,2025-01-01,aktif\n"
    with pytest.raises(ValidationFailed) as err:
        cap.read_inventory(_write(tmp_path, "a.csv", no_kind))
    assert [(p.baris, p.key) for p in err.value.problems] == [(2, "inv_jenis_kosong")]
    with pytest.raises(FileRefused, match="inv_kolom_hilang"):
        cap.read_inventory(_write(tmp_path, "b.csv", "lokasi,tanggal\nS1,2025-01-01\n"))
    with pytest.raises(FileRefused, match="inv_kosong"):
        cap.read_inventory(_write(tmp_path, "c.csv", "lokasi_id,alat_id,tanggal_mulai\n"))
    nik = ("lokasi_id,alat_id,tanggal_mulai,status,jenis,nik_operator\n"
           "S1,S1-A1,2025-01-01,aktif,statis,3674012345678901\n")
    with pytest.raises(FileRefused, match="inv_berisi_nik"):
        cap.read_inventory(_write(tmp_path, "d.csv", nik))


def test_import_needs_recording_sites(store_url, tmp_path):
    empty = Store.open(store_url)
    with pytest.raises(FileRefused, match="inv_belum_ada_lokasi"):
        cap.import_inventory(empty, _write(tmp_path, "p.csv", INVENTORY), "uji")


def test_template_round_trips(stocked, tmp_path):
    template = cap.inventory_template(stocked, within="99.01")
    assert list(template.columns) == [*cap.INVENTORY_COLUMNS, cap.NAMA_LOKASI, Col.KODE]
    assert len(template) == 11
    path = tmp_path / "templat.csv"
    template.to_csv(path, index=False)
    before = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    cap.import_inventory(stocked, path, "uji")
    pd.testing.assert_frame_equal(cap.capacity_table(stocked, "99.01", date="2026-01-05"), before)


def test_template_for_sites_not_in_the_inventory(store):
    template = cap.inventory_template(store, within="99.01.03")
    shown = template[[cap.LOKASI_ID, cap.ALAT_ID, cap.JENIS, cap.STATUS, cap.KONEKSI]]
    assert [[None if pd.isna(v) else v for v in row] for row in shown.values.tolist()] == [
        ["S3", None, None, None, "offline"], ["S3", "S3-A1", "statis", "aktif", None]]
    assert template[cap.TANGGAL_MULAI].isna().all()


# --- allocation -----------------------------------------------------------------------------
def _table(rows, rate=35.0):
    """A capacity table from (kode, belum, aktif, operator or None)."""
    return pd.DataFrame({
        Col.KODE: [r[0] for r in rows], Col.NAMA: [f"Kec {r[0]}" for r in rows],
        Col.BELUM: pd.array([r[1] for r in rows], dtype="Int64"),
        cap.ALAT_AKTIF: [r[2] for r in rows], cap.ALAT_MOBILE_AKTIF: [0 for _ in rows],
        cap.OPERATOR: pd.array([r[3] for r in rows], dtype="Int64"),
        cap.ALAT_EFEKTIF: [r[2] if r[3] is None else min(r[2], r[3]) for r in rows],
        cap.LAJU_PER_ALAT: rate, cap.DATA_ALAT: True,
        cap.HARI_BACKLOG: [cap._days(r[1], r[2] if r[3] is None else min(r[2], r[3]), rate) for r in rows],
    })


def _longest(rows, extra, unit, rate=35.0):
    worst = 0.0
    for (kode, belum, aktif, op), x in zip(rows, extra):
        if unit == "alat":
            effective = (aktif if op is None else min(aktif, op)) + x
        else:
            effective = aktif if op is None else min(aktif, op + x)
        worst = max(worst, cap._days(belum, effective, rate))
    return worst


def test_two_new_devices_by_hand():
    table = _table([("01", 700, 3, 5), ("02", 420, 0, 1), ("03", 105, 1, 1)])
    plan = cap.allocate_devices(table, 2)
    # 1st: Kec 02 has no device (∞) → 420/35 = 12 days; it is still the longest (A: 700/105 = 6.67) → 2nd: 6 days.
    assert list(plan.steps[Col.KODE]) == ["02", "02"]
    assert plan.steps["hari_sesudah"].tolist() == pytest.approx([12.0, 6.0])
    assert plan.steps["operator_baru"].tolist() == [0, 1]  # its one idle operator takes the first device
    assert math.isinf(plan.max_before) and plan.max_after == pytest.approx(700 / 105)
    assert plan.steps["maks_sesudah"].tolist() == pytest.approx([12.0, 700 / 105])
    assert list(plan.areas["tambahan"]) == [0, 2, 0]


@pytest.mark.parametrize("seed", range(60))
def test_greedy_minimises_the_longest_backlog(seed):
    rng = random.Random(seed)
    unit = "alat" if seed % 2 else "operator"
    rows = [(f"{i:02d}", rng.choice([0, rng.randint(1, 3000)]), rng.randint(0, 3),
             rng.choice([None, rng.randint(0, 4)])) for i in range(rng.randint(1, 4))]
    n = rng.randint(0, 5)
    plan = cap.allocate_devices(_table(rows), n, unit=unit)
    best = min(_longest(rows, x, unit) for x in itertools.product(range(n + 1), repeat=len(rows)) if sum(x) <= n)
    assert plan.max_after == pytest.approx(best) or (math.isinf(best) and math.isinf(plan.max_after))
    assert plan.max_after == pytest.approx(_longest(rows, list(plan.areas["tambahan"]), unit)) or math.isinf(
        plan.max_after)
    assert len(plan.steps) + plan.unused == n


def test_operator_unit_only_where_devices_stand_idle():
    table = _table([("01", 700, 3, 1), ("02", 900, 1, 1), ("03", 300, 2, None)])
    plan = cap.allocate_devices(table, 3, unit="operator")
    # Only Kec 01 has idle devices: 2 operators help (700/35 → 700/70 → 700/105); the 3rd helps nowhere.
    assert list(plan.steps[Col.KODE]) == ["01", "01"] and plan.unused == 1
    assert plan.max_after == pytest.approx(900 / 35)
    with pytest.raises(RekamError, match="kap_unit_salah"):
        cap.allocate_devices(table, 1, unit="truk")
    with pytest.raises(RekamError, match="kap_jumlah_salah"):
        cap.allocate_devices(table, -1)


def test_lenders_keep_a_device_and_stay_below_the_kabupaten(stocked):
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    # Overall (700 + 420 + 105) / (35 × 4) = 8.75 days. Kec A lends M1 with one of its 5 operators:
    # 2 devices left → 700/70 = 10 days > 8.75: it cannot lend.
    assert cap.lenders(table).empty
    table.loc[table[Col.KODE] == "99.01.01", Col.BELUM] = 560  # 560/70 = 8 days > (560+420+105)/140 = 7.75
    assert cap.lenders(table).empty
    table.loc[table[Col.KODE] == "99.01.01", Col.BELUM] = 300  # 300/70 = 4.29 ≤ 825/140 = 5.89
    (lender,) = cap.lenders(table).to_dict("records")
    assert (lender[Col.KODE], lender["tujuan_kode"]) == ("99.01.01", "99.01.02")
    assert lender["hari_setelah_pinjam"] == pytest.approx(300 / 70)
    assert lender["batas_hari"] == pytest.approx(825 / 140)
    assert lender["tujuan_hari_sesudah"] == pytest.approx(420 / 35)


# --- the card pipeline ----------------------------------------------------------------------
def _cards(store):
    """Kec A's two desa print; a blank-card shortage stops printing after 2026-01-12."""
    weeks = {  # date: (sudah, prr, cetak) of desa A1; A2 = half of each
        "2026-01-05": (1000, 40, 900), "2026-01-12": (1100, 60, 980), "2026-01-19": (1150, 150, 980),
        "2026-01-26": (1200, 120, 1060), "2026-02-02": (1250, 100, 1130),
    }
    for day, (s, p, c) in weeks.items():
        store.add_enrollment(pd.DataFrame([
            {Col.KODE: "99.01.01.2001", Col.WAJIB: 2000, Col.SUDAH: s, Col.PRR: p, Col.CETAK: c},
            {Col.KODE: "99.01.01.1002", Col.WAJIB: 1000, Col.SUDAH: s // 2, Col.PRR: p // 2, Col.CETAK: c // 2},
        ]), tanggal=day)


BLANKS = """tanggal;kode;diterima;dipakai;keterangan
2026-01-05;99.01.01;1.500;0;Stok awal
2026-01-12;99.01.01;0;120;
2026-01-26;99.01.01;0;120;
2026-02-02;99.01.01;0;105;
"""


def test_card_funnel_and_history(store):
    _cards(store)
    funnel = _row(cap.card_funnel(store, "99.01", date="2026-02-02"), "99.01.01")
    assert (funnel[Col.SUDAH], funnel[Col.PRR], funnel[Col.CETAK]) == (1875, 150, 1695)
    assert funnel[cap.DIPROSES] == 1875 - 150 - 1695
    assert funnel[cap.PERSEN_CETAK] == pytest.approx(100 * 1695 / 1875)
    history = cap.card_history(store, "99.01.01")
    assert list(history[Col.TANGGAL]) == ["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                                          "2026-02-02"]
    assert history[Col.CETAK].tolist()[1:] == [1350, 1470, 1470, 1590, 1695]
    assert history["cetak_per_minggu"].tolist()[2:] == pytest.approx([120, 0, 120, 105])
    rate, start, end = cap.printing_rate(history, window_days=14)
    assert (rate, start, end) == (pytest.approx((1695 - 1470) / 14), "2026-01-19", "2026-02-02")
    totals = cap.card_totals(store, "99.01.01", date="2026-01-19")
    assert (totals[Col.SUDAH], totals[Col.PRR], totals[Col.CETAK]) == (1725, 225, 1470)
    fig = charts.kartu_bar(totals, area_name="Kabupaten Uji", settings=Settings(zones=ZoneConfig()))
    # recorded, verified (PRR + printed) and printed, each made of the same parts: 1,725 − 225 − 1,470 = 30
    # still processing; 1,695 / 1,725 = 98.26%, 1,470 / 1,725 = 85.22%
    parts = {t.meta["bagian"]: list(t.x) for t in fig.data if t.type == "bar"}
    assert parts == {"cetak": [1470, 1470, 1470], "prr": [225, 225, None], "diproses": [30, None, None]}
    (ends,) = [t for t in fig.data if t.type == "scatter"]
    assert list(ends.x) == [1725, 1695, 1470]
    assert [t.strip() for t in ends.text] == ["1.725", "1.695 (98,3%)", "1.470 (85,2%)"]
    assert fig.layout.meta["judul"] == "Kabupaten Uji: 85,2% perekaman KTP-el sudah dicetak menjadi kartu"


def test_blank_stock_projection(store, tmp_path):
    _cards(store)
    version = cap.import_blank_stock(store, _write(tmp_path, "blangko.csv", BLANKS), "uji").version_id
    ledger = cap.blank_ledger(store, within="99.01")
    assert ledger[cap.STOK].tolist() == [1500, 1380, 1260, 1155]
    p = cap.blank_projection(store, "99.01.01", window_days=14)
    # 1,155 left on 2026-02-02; printing 225 cards in 14 days → 1,155 / (225/14) = 71.9 days → 71 whole days
    # after 2 February = 14 April 2026.
    assert (p["tanggal_stok"], p["stok"], p["stok_perkiraan"], p["prr"]) == ("2026-02-02", 1155, 1155, 150)
    assert p["laju_cetak_per_hari"] == pytest.approx(225 / 14)
    assert p["hari_tersisa"] == pytest.approx(1155 / (225 / 14))
    assert p["tanggal_habis"] == "2026-04-14" and p["kurang"] == 0
    # Ten days earlier the stock is estimated from the cards printed since the last entry.
    p = cap.blank_projection(store, "99.01.01", date="2026-01-19", window_days=7)
    assert (p["tanggal_stok"], p["stok"], p["dicetak_sejak_stok"], p["stok_perkiraan"]) == (
        "2026-01-12", 1380, 0, 1380)
    assert p["laju_cetak_per_hari"] == 0 and math.isinf(p["hari_tersisa"]) and p["tanggal_habis"] is None
    fig = charts.blangko_line(ledger, cap.blank_projection(store, "99.01", window_days=14),
                              area_name="Kabupaten Uji", settings=Settings(zones=ZoneConfig()))
    assert list(fig.data[0].y) == [1500, 1380, 1260, 1155]
    # from the last entry (also the data date) straight down to zero on the day it runs out
    assert list(fig.data[1].x) == ["2026-02-02", "2026-04-14"] and list(fig.data[1].y) == [1155, 0]
    assert fig.layout.meta["judul"] == "Kabupaten Uji: blangko KTP-el diperkirakan habis 14 April 2026"
    assert store.history().set_index("id").loc[version, "kind"] == "blangko"
    store.rollback(version)
    assert cap.blank_ledger(store, within="99.01").empty


def test_stock_already_gone_gives_the_day_it_ran_out(store, tmp_path):
    _cards(store)
    cap.import_blank_stock(store, _write(tmp_path, "b.csv", "tanggal,kode,diterima,dipakai\n2026-01-12,99.01,200,0\n"),
                           "uji")
    p = cap.blank_projection(store, "99.01", window_days=14)
    # 200 blanks from 2026-01-12; 120 used by 2026-01-26 (80 left), 225 by 2026-02-02: gone by then.
    assert (p["stok_perkiraan"], p["hari_tersisa"], p["tanggal_habis"], p["kurang"]) == (0, 0.0, "2026-02-02", 150)


def test_bad_blank_rows(store, tmp_path):
    bad = "tanggal,kode,diterima,dipakai\n2026-13-01,99.01,10,0\n2026-01-05,abc,1.5,\n2026-01-06,99.01,,\n"
    with pytest.raises(ValidationFailed) as err:
        cap.import_blank_stock(store, _write(tmp_path, "b.csv", bad), "uji")
    assert [(p.baris, p.key) for p in err.value.problems] == [
        (2, "inv_tanggal_salah"), (3, "blangko_kode_salah"), (3, "inv_bukan_jumlah"), (4, "blangko_kosong")]


# --- CLI ------------------------------------------------------------------------------------
@pytest.fixture
def run(monkeypatch, capsys):

    def _run(*argv):
        code = cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err
    return _run


def test_cli_capacity_json_equals_hand_numbers(stocked, run, store_url):
    code, out, _ = run("capacity", "--within", "99.01", "--date", "2026-01-05", "--format", "json", "--db", store_url)
    assert code == 0
    assert json.loads(out) == [
        {"kode": "99.01.01", "nama": "Kec A", "alat_aktif": 3, "operator": 5, "belum_rekam": 700, "hari_backlog": 6.67},
        {"kode": "99.01.02", "nama": "Kec B", "alat_aktif": 0, "operator": 1, "belum_rekam": 420, "hari_backlog": None},
        {"kode": "99.01.03", "nama": "Kec C", "alat_aktif": 1, "operator": 1, "belum_rekam": 105, "hari_backlog": 3.0},
    ]
    code, out, _ = run("capacity", "--within", "99.01", "--date", "2026-01-05", "--throughput", "50", "--format",
                       "json", "--db", store_url)
    assert [r["hari_backlog"] for r in json.loads(out)] == [4.67, None, 2.1]
    code, out, _ = run("capacity", "--within", "99.01", "--date", "2026-01-05", "--db", store_url)
    assert "∞ (tanpa alat)" in out and "6,7" in out


def test_cli_allocate_devices(stocked, run, store_url):
    code, out, _ = run("allocate-devices", "--within", "99.01", "--devices", "2", "--date", "2026-01-05",
                       "--format", "json", "--db", store_url)
    assert code == 0
    steps = json.loads(out)
    assert [(s["kode"], s["hari_sebelum"], s["hari_sesudah"], s["operator_baru"]) for s in steps] == [
        ("99.01.02", None, 12.0, 0), ("99.01.02", 12.0, 6.0, 1)]
    assert steps[-1]["maks_sesudah"] == 6.67
    code, out, _ = run("--lang", "en", "allocate-devices", "--within", "99.01", "--devices", "2", "--date",
                       "2026-01-05", "--db", store_url)
    assert "Longest backlog: ∞ (no device) → 6.7 days" in out


def test_cli_imports_and_errors(store, run, store_url, tmp_path):
    path = _write(tmp_path, "perangkat.csv", INVENTORY)
    code, out, _ = run("import-inventory", str(path), "--db", store_url)
    assert code == 0 and "6 alat, 4 lokasi, 11 baris" in out
    code, _, err = run("import-inventory", str(path), "--db", store_url)
    assert code == 1 and "sudah diimpor" in err
    code, out, _ = run("import-blank-stock", str(_write(tmp_path, "b.csv", BLANKS)), "--db", store_url)
    assert code == 0 and "4 catatan stok blangko" in out
    code, _, err = run("capacity", "--within", "99.01", "--throughput", "-3", "--db", store_url)
    assert code == 1 and "lebih dari 0" in err
    code, _, err = run("capacity", "--within", "99.01", "--date", "kemarin", "--db", store_url)
    assert code == 1 and "'kemarin' tidak dikenali" in err
    code, out, _ = run("blank-stock", "--within", "99.01", "--format", "json", "--db", store_url)
    assert code == 0 and json.loads(out)[0]["stok"] == 1500 - 120 - 120 - 105

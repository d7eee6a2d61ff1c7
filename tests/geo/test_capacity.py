"""Capacity and allocation, checked against hand arithmetic (SQLite and PostgreSQL), and the CLI's
capacity commands, on the tiny kabupaten of ``tests/geo/tiny_kabupaten.py``."""
from __future__ import annotations

import itertools
import json
import math
import random

import pandas as pd
import pytest

from geo import capacity as cap
from geo import cli, ingest
from geo import columns as cols
from geo.present import capacity as present
from geo.schema import Col, RekamError
from tests.geo.tiny_kabupaten import BLANKS, INVENTORY, area_row, tiny_store, write_file


@pytest.fixture
def store(store_url):
    s = tiny_store(store_url)
    yield s
    s.close()


@pytest.fixture
def stocked(store, tmp_path):
    """The tiny store with INVENTORY imported (version id in ``store.inventory_version``)."""
    path = write_file(tmp_path, "perangkat.csv", INVENTORY)
    store.inventory_version = ingest.import_inventory(store, path, "uji").version_id
    return store


# --- capacity on constructed data -----------------------------------------------------------
def test_backlog_days_are_exact(stocked):
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    a, b, c = (area_row(table, k) for k in ("99.01.01", "99.01.02", "99.01.03"))
    # Kec A: 2 static + 1 mobile working (the printer does not record), 3 + 2 operators → 3 devices run.
    assert (a[cols.ALAT_TOTAL], a[cols.ALAT_AKTIF], a[cols.ALAT_MOBILE_AKTIF], a[cols.OPERATOR], a[cols.ALAT_EFEKTIF]) == (
        3, 3, 1, 5, 3)
    assert a[Col.BELUM] == 700
    assert a[cols.KAPASITAS] == 105
    assert a[cols.HARI_BACKLOG] == pytest.approx(700 / 105)
    assert a[cols.BELUM_PER_ALAT] == pytest.approx(700 / 3)
    # Kec B: its only device broke on 2026-01-03: no capacity, backlog never clears, down 2 days.
    assert (b[cols.ALAT_TOTAL], b[cols.ALAT_AKTIF], b[cols.ALAT_EFEKTIF], b[Col.BELUM]) == (1, 0, 0, 420)
    assert math.isinf(b[cols.HARI_BACKLOG]) and math.isinf(b[cols.BELUM_PER_ALAT])
    assert (b[cols.TANPA_ALAT_SEJAK], b[cols.HARI_TANPA_ALAT]) == ("2026-01-03", 2)
    assert c[cols.HARI_BACKLOG] == pytest.approx(105 / 35) and c[cols.KONEKSI] == "offline"
    # Kabupaten: counts summed first: (700 + 420 + 105) / (35 × (3 + 0 + 1)) days.
    assert cap.overall_backlog_days(table) == pytest.approx(1225 / 140)


def test_broken_device_drops_out_from_its_date(stocked):
    before = area_row(cap.capacity_table(stocked, "99.01", date="2026-01-02"), "99.01.02")
    on_the_day = area_row(cap.capacity_table(stocked, "99.01", date="2026-01-03"), "99.01.02")
    assert (before[cols.ALAT_AKTIF], before[Col.BELUM]) == (1, 440)
    assert before[cols.HARI_BACKLOG] == pytest.approx(440 / 35)
    assert before[cols.TANPA_ALAT_SEJAK] is None
    assert on_the_day[cols.ALAT_AKTIF] == 0 and math.isinf(on_the_day[cols.HARI_BACKLOG])
    assert on_the_day[cols.HARI_TANPA_ALAT] == 0


def test_throughput_is_a_parameter(stocked):
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05", throughput=20)
    assert area_row(table, "99.01.01")[cols.HARI_BACKLOG] == pytest.approx(700 / 60)
    with pytest.raises(RekamError, match="kap_laju_salah"):
        cap.capacity_table(stocked, "99.01", throughput=0)
    with pytest.raises(RekamError, match="kap_kode_salah"):
        cap.capacity_table(stocked, "bukan kode")


def test_sites_down_and_stuck_message(stocked):
    down = cap.sites_down(stocked, "99.01", date="2026-01-05")
    assert list(down[cols.ALAT_ID]) == ["S2-A1"]
    row = down.iloc[0]
    assert (row[cols.STATUS], row[cols.SEJAK], row[cols.HARI], row[cols.NAMA_KEC], row[cols.LOKASI_LUMPUH]) == (
        "rusak", "2026-01-03", 2, "Kec B", True)
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    (text,) = present.stuck_messages(table, down)
    assert text.startswith("Kec B (99.01.02): tidak ada alat perekam yang bekerja sejak 3 Januari 2026 (2 hari).")
    assert "Pemindai sidik jari rusak" in text and "420 wajib KTP belum rekam" in text
    (offline,) = present.offline_messages(table)
    assert offline.startswith("Kec C (99.01.03): lokasi offline")


def test_repair_and_written_off_spells(stocked, tmp_path):
    update = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S2,S2-A1,,2026-01-04,perbaikan,,,Dikirim untuk perbaikan
S1,S1-A2,,2026-01-04,dihapus,,,Afkir
"""
    ingest.import_inventory(stocked, write_file(tmp_path, "update.csv", update), "uji")
    devices = cap.device_status(stocked, within="99.01", date="2026-01-05").set_index(cols.ALAT_ID)
    # rusak then perbaikan is one spell: down since the 3rd; a written-off device is gone.
    assert (devices.loc["S2-A1", cols.STATUS], devices.loc["S2-A1", cols.SEJAK]) == ("perbaikan", "2026-01-03")
    assert "S1-A2" not in devices.index
    assert devices.loc["S1-A1", cols.SEJAK] == "2020-01-01"
    assert area_row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.01")[cols.ALAT_TOTAL] == 2


def test_operators_limit_the_devices_that_run(stocked, tmp_path):
    # From 2026-01-04 the mobile unit has no crew and S1 one operator; koneksi left empty keeps its value.
    update = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S1,,,2026-01-04,,1,,Dua operator pindah tugas
M1,,,2026-01-04,,0,,
"""
    ingest.import_inventory(stocked, write_file(tmp_path, "operator.csv", update), "uji")
    a = area_row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.01")
    assert (a[cols.ALAT_AKTIF], a[cols.OPERATOR], a[cols.ALAT_EFEKTIF], a[cols.KONEKSI]) == (3, 1, 1, "online")
    assert a[cols.HARI_BACKLOG] == pytest.approx(700 / 35)
    assert area_row(cap.capacity_table(stocked, "99.01", date="2026-01-03"), "99.01.01")[cols.ALAT_EFEKTIF] == 3


def test_rollback_of_an_inventory_import_restores_capacity(stocked, tmp_path):
    repaired = """lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
S2,S2-A1,,2026-01-04,aktif,,,Selesai diperbaiki
S2,S2-A1,,2026-01-03,rusak,,,Kabel lepas
"""
    version = ingest.import_inventory(stocked, write_file(tmp_path, "perbaikan.csv", repaired), "uji").version_id
    assert stocked.history().set_index("id").loc[version, "kind"] == "inventaris"
    b = area_row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.02")
    assert b[cols.HARI_BACKLOG] == pytest.approx(420 / 35)
    down = cap.device_status(stocked, date="2026-01-03").set_index(cols.ALAT_ID)
    assert down.loc["S2-A1", cols.KETERANGAN] == "Kabel lepas"  # same device and date: the newer row wins
    stocked.rollback(version, user="uji")
    b = area_row(cap.capacity_table(stocked, "99.01", date="2026-01-05"), "99.01.02")
    assert math.isinf(b[cols.HARI_BACKLOG])
    assert cap.device_status(stocked, date="2026-01-03").set_index(cols.ALAT_ID).loc[
        "S2-A1", cols.KETERANGAN] == "Pemindai sidik jari rusak"
    stocked.rollback(stocked.inventory_version, user="uji")
    table = cap.capacity_table(stocked, "99.01", date="2026-01-05")
    assert not table[cols.DATA_ALAT].any() and table[cols.HARI_BACKLOG].isna().all()



# --- allocation -----------------------------------------------------------------------------
def _table(rows, rate=35.0):
    """A capacity table from (kode, belum, aktif, operator or None)."""
    return pd.DataFrame({
        Col.KODE: [r[0] for r in rows], Col.NAMA: [f"Kec {r[0]}" for r in rows],
        Col.BELUM: pd.array([r[1] for r in rows], dtype="Int64"),
        cols.ALAT_AKTIF: [r[2] for r in rows], cols.ALAT_MOBILE_AKTIF: [0 for _ in rows],
        cols.OPERATOR: pd.array([r[3] for r in rows], dtype="Int64"),
        cols.ALAT_EFEKTIF: [r[2] if r[3] is None else min(r[2], r[3]) for r in rows],
        cols.LAJU_PER_ALAT: rate, cols.DATA_ALAT: True,
        cols.HARI_BACKLOG: [cap._days(r[1], r[2] if r[3] is None else min(r[2], r[3]), rate) for r in rows],
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
    path = write_file(tmp_path, "perangkat.csv", INVENTORY)
    code, out, _ = run("import-inventory", str(path), "--db", store_url)
    assert code == 0 and "6 alat, 4 lokasi, 11 baris" in out
    code, _, err = run("import-inventory", str(path), "--db", store_url)
    assert code == 1 and "sudah diimpor" in err
    code, out, _ = run("import-blank-stock", str(write_file(tmp_path, "b.csv", BLANKS)), "--db", store_url)
    assert code == 0 and "4 catatan stok blangko" in out
    code, _, err = run("capacity", "--within", "99.01", "--throughput", "-3", "--db", store_url)
    assert code == 1 and "lebih dari 0" in err
    code, _, err = run("capacity", "--within", "99.01", "--date", "kemarin", "--db", store_url)
    assert code == 1 and "'kemarin' tidak dikenali" in err
    code, out, _ = run("blank-stock", "--within", "99.01", "--format", "json", "--db", store_url)
    assert code == 0 and json.loads(out)[0]["stok"] == 1500 - 120 - 120 - 105


def test_cli_imports_take_the_upload_limit_from_the_settings(store, run, store_url, tmp_path, monkeypatch):
    monkeypatch.setenv("REKAM_MAX_UPLOAD_MB", "0.0001")  # 104 bytes: both files are larger
    for command, name, text in (("import-inventory", "perangkat.csv", INVENTORY),
                                ("import-blank-stock", "blangko.csv", BLANKS)):
        code, _, err = run(command, str(write_file(tmp_path, name, text)), "--db", store_url)
        assert code == 1 and "Berkas terlalu besar" in err


# --- the answer: who finishes by the deadline -------------------------------------------------
def test_working_days_left_count_monday_to_friday_without_holidays():
    # Sunday 6 December 2026 → Thursday 31 December: weeks of 7–11, 14–18, 21–25 and 28–31 December,
    # less Thursday 24 (cuti bersama Natal) and Friday 25 (Natal).
    assert cap.working_days_left("2026-12-06", "2026-12-31") == 5 + 5 + 5 + 4 - 2 == 17
    assert cap.working_days_left("2026-12-31", "2026-12-31") == 1  # the deadline day itself still counts
    assert cap.working_days_left("2027-01-02", "2026-12-31") == 0  # passed


def test_deadline_check_counts_the_stuck_and_names_them():
    table = pd.DataFrame({
        Col.KODE: ["99.01.01", "99.01.02", "99.01.03", "99.01.04", "99.01.05"],
        Col.NAMA: ["A", "B", "C", "D", "E"],
        Col.BELUM: pd.array([700, 350, 100, 50, None], dtype="Int64"),
        cols.HARI_BACKLOG: [20.0, 10.0, math.inf, 0.5, math.nan],
        cols.HARI_HIJAU: [0.0, 16.0, math.inf, 0.0, math.nan],  # to the hijau threshold: B short, C stuck
        cols.DATA_ALAT: [True, True, True, True, False],
        Col.ZONA: ["hijau", "merah", "kuning", "hijau", None],
    })
    check = cap.deadline_check(table, 15)
    # judged: A–D (E has neither inventory nor figures); over 15 days: A (20) and C (∞, nothing records)
    assert (check["dinilai"], check["melebihi"], check["tanpa_alat"]) == (4, 2, [("99.01.03", "C")])
    assert check["melebihi_hijau"] == 1  # A: green already, 20 days from recording everyone
    assert (check["terlama_kode"], check["terlama_nama"], check["terlama_hari"]) == ("99.01.01", "A", 20.0)
    level, text = present.capacity_answer(check, "2026-12-31")
    assert level == "error"
    assert check["hijau_lewat"] == [("99.01.03", "C"), ("99.01.02", "B")]  # the longest first (∞)
    assert text == ("Alat belum cukup untuk zona hijau (92%): 2 dari 4 kecamatan tidak bisa mencapainya sebelum "
                    "tenggat 31 Desember 2026 (15 hari kerja lagi dari hari ini), walau alat yang bekerja merekam "
                    "penuh: C, B. Untuk merekam semua wajib KTP: 2 dari 4 kecamatan tidak tuntas sebelum tenggat; 1 "
                    "di antaranya sudah hijau. C (99.01.03) tidak bisa merekam sama sekali (lama tuntas ∞): tidak ada "
                    "alat yang bekerja dengan operator. Terlama di antara yang masih merekam: A, 20,0 hari kerja.")
    level, text = present.capacity_answer(cap.deadline_check(table[table[Col.KODE] != "99.01.03"], 25),
                                          "2026-12-31", "en")
    assert level == "success" and text.startswith("Devices are enough for the green zone (92%): all 3 districts")
    assert text.endswith("Everyone who must hold an e-KTP can be recorded before the deadline too. Longest of those "
                         "still recording: A, 20.0 working days.")
    level, text = present.capacity_answer(cap.deadline_check(table[table[Col.KODE] != "99.01.03"], 17),
                                          "2026-12-31")  # enough for hijau, not for everyone: said, not alarmed
    assert level == "info" and "yang kurang adalah warga yang datang, bukan alat" in text
    assert "Untuk merekam semua wajib KTP: 1 dari 3 kecamatan tidak tuntas sebelum tenggat; 1 di antaranya" in text
    assert present.capacity_answer(cap.deadline_check(table, 0), "2026-12-31")[1].startswith(
        "Tenggat 31 Desember 2026 sudah lewat: 4 dari 4 kecamatan masih punya wajib KTP yang belum rekam; 2 di "
        "antaranya sudah hijau.")


def test_the_capacity_view_puts_the_answer_columns_first(stocked):
    view = present.capacity_view(cap.capacity_table(stocked, "99.01", date="2026-01-05"))
    # a phone shows the first two or three columns: the kecamatan and its backlog days
    assert list(view.columns[:3]) == ["Kecamatan", "Lama tuntas (hari)", "Belum rekam"]
    assert view.columns[-1] == "Kode"

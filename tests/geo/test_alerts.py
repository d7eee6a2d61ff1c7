"""Alerts computed from the store, their memory, and the digest (CLI, e-mail through a real local
SMTP server). A small kabupaten with hand-checked numbers, and the demo as a new user runs it."""
from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from datetime import date
from email import message_from_bytes
from email.header import decode_header, make_header

import geopandas as gpd
import pandas as pd
import pytest
from aiosmtpd.controller import Controller
from shapely.geometry import box

from geo import alerts
from geo.capacity import sites_down
from geo.cards import blank_projection
from geo.cli.main import main as cli
from geo.config import DEFAULTS
from geo.coverage import coverage_table
from geo.ingest.capacity import import_inventory
from geo.present.alerts import DIGEST_MAX_CHARS, alert_line, alert_rows, digest_text
from geo.schema import Col, Level
from geo.store import Store
from geo.trend import Status, projection_table
from tests.mail_server import Inbox, free_port, mail_config
from tests.geo.tiny_kabupaten import INVENTORY, _areas, _sites, _snapshot, write_file

# Kec A (99.01.01) rises; Kec B (99.01.02) records no one for a week while its wajib KTP grows
# (93% → 930/1.100 = 84,55%: hijau → merah); Kec C (99.01.03) goes from 96% to 106%.
D1, D2, D3 = "2026-01-05", "2026-01-12", "2026-01-19"
SNAPSHOTS = {
    D1: {"99.01.01.2001": (1200, 1150), "99.01.01.1002": (800, 700), "99.01.02.2001": (1000, 930),
         "99.01.03.2001": (500, 480)},
    D2: {"99.01.01.2001": (1200, 1160), "99.01.01.1002": (800, 720), "99.01.02.2001": (1100, 930),
         "99.01.03.2001": (500, 530)},
}


def _store(url: str) -> Store:
    s = Store.open(url)
    s.add_areas(_areas())
    for day, values in SNAPSHOTS.items():
        s.add_enrollment(_snapshot(values), tanggal=day)
    s.add_points(_sites(), kind="lokasi")
    return s


@pytest.fixture
def small(store_url, tmp_path):
    s = _store(store_url)
    import_inventory(s, write_file(tmp_path, "inventaris.csv", INVENTORY), "uji")  # S2-A1 broken from 2026-01-03
    return s


def _by_kind(found):
    out = {}
    for a in found:
        out.setdefault(a.kind, []).append(a)
    return out


def test_changes_standing_trouble_and_order(small):
    found = alerts.compute_alerts(small, "99.01", today=date(2026, 1, 14))
    kinds = _by_kind(found)
    assert {a.kode for a in kinds["zona_turun"]} == {"99.01.02", "99.01.02.2001"}
    drop = next(a for a in kinds["zona_turun"] if a.kode == "99.01.02").figures
    assert (drop["zona_lama"], drop["zona"]) == ("hijau", "merah")
    assert drop["cakupan_lama"] == 93.0 and drop["cakupan"] == round(100 * 930 / 1100, 2)
    assert {a.kode for a in kinds["di_atas_100"]} == {"99.01.03", "99.01.03.2001"}
    assert next(a for a in kinds["di_atas_100"] if a.kode == "99.01.03").figures["kelebihan"] == 30
    assert [(a.kode, a.figures["hari"], a.figures["sejak"]) for a in kinds["tanpa_rekam"]] == [("99.01.02", 7, D1)]
    assert [(a.subject, a.kode, a.figures["hari"]) for a in kinds["lokasi_lumpuh"]] == [("S2", "99.01.02", 9)]
    assert [a.kode for a in kinds["zona_merah"]] == ["99.01.02"]
    assert "data_basi" not in kinds and "alat_rusak" not in kinds  # fresh data; S2-A1 is its site's only device
    ranks = [alerts.SEVERITY[a.kind] for a in found]
    assert ranks == sorted(ranks)


def test_desa_without_figures_make_the_figures_incomplete(small):
    """A desa that never sent figures: the kabupaten's sums are the others' only — one alert, first after
    old data, naming the kecamatan with none at all; a kecamatan partly reporting is counted, not named."""
    extra = gpd.GeoDataFrame(pd.DataFrame([
        ("99.01.04", "Kec D", "kecamatan", "99.01", "kecamatan", box(3, 0, 4, 1)),
        ("99.01.04.2001", "Desa D1", "desa", "99.01.04", "desa", box(3, 0, 4, 1)),
        ("99.01.01.2003", "Desa A3", "desa", "99.01.01", "desa", box(0, 0, 0.2, 0.2)),
    ], columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]), geometry="geometry",
        crs="EPSG:4326")
    small.add_areas(extra)
    found = alerts.compute_alerts(small, "99.01", today=date(2026, 1, 14))
    missing = [a for a in found if a.kind == "tanpa_data"]
    assert [(a.kode, a.figures["kosong"], a.figures["semua"], a.figures["daftar"]) for a in missing] == [
        ("99.01", 2, 6, "Kec D")]
    assert found[0].kind == "tanpa_data" and missing[0].page == "data"  # no older data here: the first alert
    assert alert_line(missing[0]) == ("2 dari 6 desa/kelurahan Kabupaten Uji belum mengirim data; tanpa data sama "
                                      "sekali: Kec D. Angka Kabupaten Uji hanya dari yang sudah. Minta data yang "
                                      "belum masuk.")
    in_kec_a = alerts.compute_alerts(small, "99.01.01", today=date(2026, 1, 14))
    partly = [a for a in in_kec_a if a.kind == "tanpa_data"]
    assert alert_line(partly[0], "en") == ("1 of the 3 villages of Kec A has sent no figures; none at all from "
                                           "Desa A3. The figures of Kec A are the others' only. Ask for the "
                                           "missing data.")


def test_desa_left_out_of_newer_files_are_named(small):
    """A newer file without two desa: their figures of 12 January are summed with those of 30 January as
    if current — one alert (right after the incomplete figures) with how many of how many, the oldest date
    and their names, oldest first; none while the gap is within the settings' days."""
    later = "2026-01-30"
    small.add_enrollment(_snapshot({"99.01.01.2001": (1200, 1170), "99.01.02.2001": (1100, 950)}), tanggal=later)
    found = alerts.compute_alerts(small, "99.01", today=date(2026, 1, 31))
    behind = [a for a in found if a.kind == "data_tertinggal"]
    assert [(a.kode, a.figures["jumlah"], a.figures["ada"], a.figures["tertua"], a.page) for a in behind] == [
        ("99.01", 2, 4, D2, "data")]
    assert [a.kind for a in found][:1] == ["data_tertinggal"]  # fresh data, every desa reported once
    assert alert_line(behind[0]) == (
        "2 dari 4 desa/kelurahan Kabupaten Uji tidak ada di data terbaru (30 Januari 2026): angka mereka lebih "
        "dari 14 hari lebih tua, yang tertua per 12 Januari 2026, tetapi ikut dijumlah dengan data terbaru: "
        "Kel A2, Desa C1. Minta data terbaru mereka.")
    assert alert_line(behind[0], "en").startswith("2 of the 4 villages of Kabupaten Uji are missing from the newest "
                                                  "data (30 January 2026): their figures are more than 14 days older")
    in_kec_a = _by_kind(alerts.compute_alerts(small, "99.01.01", today=date(2026, 1, 31)))
    assert [a.figures["daftar"] for a in in_kec_a["data_tertinggal"]] == ["Kel A2"]
    in_kec_c = _by_kind(alerts.compute_alerts(small, "99.01.03", today=date(2026, 1, 31)))
    assert "data_tertinggal" not in in_kec_c and "data_basi" in in_kec_c  # all of its figures are old: said so
    patient = replace(DEFAULTS, stale_days=18)  # 30 January is 18 days after 12 January: not more
    assert "data_tertinggal" not in _by_kind(alerts.compute_alerts(small, "99.01", today=date(2026, 1, 31),
                                                                   settings=patient))


def test_thresholds_since_and_age_come_from_settings(small):
    calm = replace(DEFAULTS, alert_no_recording_days=8, stale_days=30)
    assert "tanpa_rekam" not in _by_kind(alerts.compute_alerts(small, "99.01", today=date(2026, 2, 1),
                                                               settings=calm))
    old = _by_kind(alerts.compute_alerts(small, "99.01", today=date(2026, 2, 1)))["data_basi"][0]
    assert (old.figures["tanggal"], old.figures["umur"]) == (D2, 20)
    same_day = _by_kind(alerts.compute_alerts(small, "99.01", since=D2, today=date(2026, 1, 14)))
    assert "zona_turun" not in same_day and "di_atas_100" not in same_day  # no change since D2 itself


def test_memory_sends_each_alert_once_until_it_changes(small):
    today = date(2026, 1, 21)
    first = alerts.compute_alerts(small, "99.01", today=today)
    assert alerts.unsent(small, first) == first
    digest = alerts.record_digest(small, first, text=digest_text(first, area="Kabupaten Uji", data_date=D2),
                                  user="kadis", within="99.01", channel="cli")
    assert alerts.unsent(small, alerts.compute_alerts(small, "99.01", today=today)) == []
    # A week on: Kec B still records no one (the same trouble since D1: not sent again), and the
    # stalled wajib KTP of Kec A now outgrows it (a new zone drop: sent).
    small.add_enrollment(_snapshot({**SNAPSHOTS[D2], "99.01.01.2001": (1300, 1160)}), tanggal=D3)
    later = alerts.unsent(small, alerts.compute_alerts(small, "99.01", today=today))
    assert {(a.kind, a.kode) for a in later} >= {("zona_turun", "99.01.01")}
    assert ("tanpa_rekam", "99.01.02") not in {(a.kind, a.kode) for a in later}
    kept = alerts.digests(small)
    assert kept.iloc[0][["id", "user", "within", "channel", "n_alerts"]].tolist() == \
        [digest, "kadis", "99.01", "cli", len(first)]
    assert "Kec B" in kept.iloc[0]["text"]


def test_lines_and_digest_fit_one_message():
    many = [alerts.Alert("zona_merah", f"99.01.{i:02d}", f"Kecamatan Nomor {i}",
                         figures={"zona": "merah", "cakupan": 80.5, "belum": 1234 + i}) for i in range(200)]
    text = digest_text(many, area="Kabupaten Uji", data_date=D2)
    assert len(text) <= DIGEST_MAX_CHARS
    shown = sum(1 for line in text.splitlines() if line[:1].isdigit())
    assert text.splitlines()[-1] == f"… dan {200 - shown} peringatan lain: buka dasbor Peta Rekam."
    assert alert_line(many[0]) == "Kecamatan Nomor 0 zona merah: 80,50%, 1.234 orang belum rekam."
    assert alert_line(many[0], "en") == "Kecamatan Nomor 0 is in the red zone: 80.50%, 1,234 people not yet recorded."
    assert digest_text([], area="Kabupaten Uji", data_date=D2).endswith("tidak ada peringatan baru.")


def test_a_rate_reads_as_the_verdict_writes_it():
    """Recordings per day in whole numbers where they run to hundreds (Beranda's verdict says "5.909 per
    hari"; a tenth of a recording is noise there), with one decimal where a day's few count."""
    late = alerts.Alert("terlambat_target", "36", "Banten", figures={
        "cakupan": 84.87, "target": 92.0, "tenggat": "2026-12-31", "laju": 5909.4, "laju_dibutuhkan": 23458.6,
        "tanggal_proyeksi": "2027-02-24"})
    assert alert_line(late) == ("Banten: 84,87%, target 92% pada 31 Desember 2026; pada laju 5.909/hari tercapai "
                                "24 Februari 2027. Perlu 23.459 perekaman/hari.")
    slow = replace(late, figures={**late.figures, "laju": 12.4})
    assert "pada laju 12,4/hari" in alert_line(slow)


# --- the demo, as a new user runs it ---------------------------------------------------------------
@pytest.fixture
def demo(demo_sqlite, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_sqlite, path)
    return Store.open(f"sqlite:///{path}")


def _cli_alerts(demo, capsys, *extra):
    code = cli(["alerts", "--within", "99.01", "--db", str(demo.engine.url), "--today", "2026-12-04", *extra])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_demo_alerts_equal_the_pages_figures(demo, capsys):
    rows = json.loads(_cli_alerts(demo, capsys, "--format", "json"))
    by = {}
    for r in rows:
        by.setdefault(r["jenis"], []).append({**r, **json.loads(r["rincian"])})
    down = sites_down(demo, "99.01")
    assert {(r["subjek"], r["hari"]) for r in by["lokasi_lumpuh"]} == set(zip(down["lokasi_id"], down["hari"]))
    blank = blank_projection(demo, "99.01")
    assert (by["blangko_habis"][0]["stok"], by["blangko_habis"][0]["tanggal_habis"]) == \
        (blank["stok_perkiraan"], blank["tanggal_habis"])
    # the days left counted from the day the alerts are made (--today), as Kapasitas counts them
    assert by["blangko_habis"][0]["hari"] == (date.fromisoformat(blank["tanggal_habis"]) - date(2026, 12, 4)).days
    cover = coverage_table(demo, Level.KECAMATAN, within="99.01")
    red = cover[cover[Col.ZONA] == "merah"]
    assert {(r["kode"], r["cakupan"], r["belum"]) for r in by["zona_merah"]} == \
        {(k, round(c, 2), b) for k, c, b in zip(red[Col.KODE], red[Col.CAKUPAN], red[Col.BELUM])}
    tren = projection_table(demo, "99.01", deadline="2026-12-31", as_of=None)
    late = set(tren.loc[tren["status"].isin([Status.TERLAMBAT.value, Status.TIDAK_TERCAPAI.value]), Col.KODE])
    assert {r["kode"] for r in by["terlambat_target"]} == late and {"99.01.06", "99.01.12"} <= late
    assert [r["urutan"] for r in rows] == list(range(1, len(rows) + 1))


def test_demo_text_digest_and_csv(demo, capsys):
    text = _cli_alerts(demo, capsys)
    assert text.startswith("Peringatan Peta Rekam — Kabupaten Contoh Sejahtera, data 16 November 2026")
    assert "LP10-A1" in text and "Golo Sejuk zona merah: 82,74%" in text and "habis sekitar 14 Desember 2026" in text
    assert len(text) <= DIGEST_MAX_CHARS + 1
    frame = pd.read_csv(io.StringIO(_cli_alerts(demo, capsys, "--format", "csv")))
    numbered = [line for line in text.splitlines() if line[:1].isdigit()]
    assert frame["jenis"].iloc[0] == "data_basi" and len(frame) == len(numbered)
    english = cli(["--lang", "en", "alerts", "--within", "99.01", "--db", str(demo.engine.url), "--today",
                   "2026-12-04"])
    said = capsys.readouterr().out
    assert english == 0 and "is in the red zone" in said
    kecamatan = coverage_table(demo, Level.KECAMATAN, within="99.01").set_index(Col.KODE)
    still = f"{int(kecamatan.loc['99.01.08', Col.SUDAH]):,}"  # its count, stuck since its device broke
    assert "Sungai Jernih Raya: no new recording for" in said and f"the recorded count has stayed at {still}" in said
    assert "sudah rekam" not in said  # English words throughout


def test_demo_digest_is_remembered(demo, capsys):
    first = _cli_alerts(demo, capsys, "--digest")
    assert "Golo Sejuk" in first
    assert _cli_alerts(demo, capsys, "--digest").strip().endswith("tidak ada peringatan baru.")
    assert len(alerts.digests(demo)) == 1


# --- e-mail through a real SMTP server ---------------------------------------------------------------
def test_digest_sent_through_a_local_smtp_server_and_read_back(demo, tmp_path, monkeypatch, capsys):
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        mail_config(tmp_path, monkeypatch, server.port)
        said = _cli_alerts(demo, capsys, "--send")
        assert "kadis@kab.go.id" in said
        assert _cli_alerts(demo, capsys, "--send").startswith("Tidak ada peringatan baru")
    finally:
        server.stop()
    assert len(inbox.messages) == 1
    sender, rcpts, content = inbox.messages[0]
    mail = message_from_bytes(content)
    body = mail.get_payload(decode=True).decode("utf-8")
    assert (sender, rcpts) == ("peta-rekam@kab.go.id", ["kadis@kab.go.id", "sekretariat@kab.go.id"])
    assert str(make_header(decode_header(mail["Subject"]))).startswith("Peringatan Peta Rekam: Kabupaten Contoh")
    expected = digest_text(alerts.compute_alerts(demo, "99.01", today=date(2026, 12, 4)),
                           area="Kabupaten Contoh Sejahtera", data_date="2026-11-16")
    assert body.replace("\r\n", "\n").strip() == expected.strip()
    kept = alerts.digests(demo).iloc[0]
    assert (kept["channel"], kept["recipients"]) == ("email", "kadis@kab.go.id, sekretariat@kab.go.id")


def test_unreachable_smtp_server_fails_clearly_and_marks_nothing_sent(demo, tmp_path, monkeypatch, capsys):
    mail_config(tmp_path, monkeypatch, free_port())  # nothing listens there
    code = cli(["alerts", "--within", "99.01", "--db", str(demo.engine.url), "--send"])
    err = capsys.readouterr().err
    assert code == 1 and "Surel tidak terkirim ke 127.0.0.1" in err
    assert alerts.digests(demo).empty
    monkeypatch.setenv("REKAM_CONFIG", str(tmp_path / "none.toml"))
    assert cli(["alerts", "--within", "99.01", "--db", str(demo.engine.url), "--send"]) == 1
    assert "Surel belum diatur" in capsys.readouterr().err


def test_panel_rows_name_the_page_that_explains(demo):
    rows = alert_rows(alerts.compute_alerts(demo, "99.01", today=date(2026, 12, 4)))
    assert rows.iloc[0][["jenis", "halaman"]].tolist() == ["data_basi", "data"]
    assert set(rows.loc[rows["jenis"] == "lokasi_lumpuh", "halaman"]) == {"kapasitas"}
    assert set(rows.loc[rows["jenis"] == "terlambat_target", "halaman"]) == {"tren"}


def test_blank_cards_whose_run_out_day_has_passed_by_today_are_said_gone():
    from geo.alerts import Alert
    from geo.present.alerts import alert_line

    figures = {"stok": 120, "tanggal": "2026-11-16", "hari": -3, "tanggal_habis": "2026-12-01", "laju": 40.0,
               "prr": 310, "kurang": 190, "tanggal_stok": "2026-11-16"}
    line = alert_line(Alert("blangko_habis", "99.01", "Kabupaten Contoh", figures=figures, since="2026-11-16",
                            weight=10))
    assert line == "Blangko Kabupaten Contoh habis sejak 1 Desember 2026; 310 KTP-el menunggu cetak."
    line = alert_line(Alert("blangko_habis", "99.01", "Kabupaten Contoh", figures={**figures, "hari": 5},
                            since="2026-11-16", weight=10))
    assert "(5 hari lagi)" in line

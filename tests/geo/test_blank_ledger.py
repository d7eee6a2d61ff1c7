"""Blank cards from a stock ledger with its own daily use (``dipakai``), the recording figures
carrying no (recent) SUDAH CETAK: the run-out date from the ledger's rate, which the result names.
Hand numbers, on SQLite and PostgreSQL, on the tiny kabupaten of ``tests/geo/tiny_kabupaten.py``."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import cards, ingest
from geo.schema import Col
from tests.geo.tiny_kabupaten import tiny_store, write_file

# Kec A's ledger, one line a day: 1,000 blanks on 5 January, then the day's use (none at weekends).
DAILY_USE = [0, 30, 40, 35, 25, 0, 0, 30, 45, 40, 35, 30, 0, 0]  # 5 … 18 January 2026
LEDGER = "tanggal;kode;diterima;dipakai\n" + "".join(
    f"2026-01-{5 + i:02d};99.01.01;{1000 if i == 0 else 0};{used}\n" for i, used in enumerate(DAILY_USE))


@pytest.fixture
def store(store_url, tmp_path):
    s = tiny_store(store_url)  # recording figures without any SUDAH CETAK
    ingest.import_blank_stock(s, write_file(tmp_path, "blangko.csv", LEDGER), "uji")
    yield s
    s.close()


def test_ledger_rate_over_the_recent_window():
    ledger = pd.DataFrame({Col.TANGGAL: [f"2026-01-{5 + i:02d}" for i in range(14)],
                           "dipakai": pd.array(DAILY_USE, dtype="Int64")})
    # window 7: the newest entry on or before 11 January is 11 January; used 12–18 January:
    # 30 + 45 + 40 + 35 + 30 + 0 + 0 = 180 in 7 days.
    assert cards.ledger_rate(ledger, window_days=7) == (pytest.approx(180 / 7), "2026-01-11", "2026-01-18")
    # window 28 reaches before the first entry: from 5 January, the use of 6–18 January, 310 in 13 days.
    assert cards.ledger_rate(ledger, window_days=28) == (pytest.approx(310 / 13), "2026-01-05", "2026-01-18")
    receipts_only = ledger.assign(dipakai=pd.array([0] * 14, dtype="Int64"))
    assert math.isnan(cards.ledger_rate(receipts_only)[0])
    assert math.isnan(cards.ledger_rate(ledger.head(1))[0])


def test_without_printed_counts_the_ledger_projects_the_run_out(store):
    p = cards.blank_projection(store, "99.01.01", window_days=7)
    # 1,000 − 310 = 690 left on 18 January; at 180 / 7 a day they last 690 × 7 / 180 = 26.8 days
    # → 26 whole days after 18 January = 13 February 2026.
    assert (p["tanggal_stok"], p["stok"], p["stok_perkiraan"]) == ("2026-01-18", 690, 690)
    assert p["sumber_laju"] == "blangko" and p["jendela_awal"] == "2026-01-11"
    assert p["laju_cetak_per_hari"] == pytest.approx(180 / 7) == p["laju_blangko_per_hari"]
    assert p["hari_tersisa"] == pytest.approx(690 * 7 / 180)
    assert p["tanggal_habis"] == "2026-02-13"
    assert p["dicetak_sejak_stok"] is None and p["prr"] is None


def test_older_printed_counts_give_way_to_the_ledger(store):
    for day, printed in (("2026-01-08", 900), ("2026-01-12", 960)):  # 60 printed in 4 days = 15 a day
        store.add_enrollment(pd.DataFrame([{Col.KODE: "99.01.01.2001", Col.WAJIB: 1200, Col.SUDAH: 800,
                                            Col.CETAK: printed}]), tanggal=day)
    p = cards.blank_projection(store, "99.01.01", window_days=7)
    assert p["tanggal"] == "2026-01-12" and p["sumber_laju"] == "blangko"
    assert p["laju_cetak_per_hari"] == pytest.approx(180 / 7) and p["tanggal_habis"] == "2026-02-13"
    # Printed counts as recent as the ledger: their own printing rate is used, as before.
    store.add_enrollment(pd.DataFrame([{Col.KODE: "99.01.01.2001", Col.WAJIB: 1200, Col.SUDAH: 800,
                                        Col.CETAK: 1030}]), tanggal="2026-01-19")
    p = cards.blank_projection(store, "99.01.01", window_days=7)
    # printed 960 → 1,030 from 12 to 19 January: 70 in 7 days = 10 a day; the ledger's 180 / 7 is kept beside it
    assert p["sumber_laju"] == "cetak" and p["laju_cetak_per_hari"] == pytest.approx(10.0)
    assert p["laju_blangko_per_hari"] == pytest.approx(180 / 7)
    # 690 on 18 January; printed since: 1,030 on the 19th − 960 (the newest count by the 18th) = 70 → 620 left
    assert p["dicetak_sejak_stok"] == 70 and p["stok_perkiraan"] == 620
    assert p["tanggal_habis"] == "2026-03-22"  # 620 / 10 = 62 days after 19 January


def test_a_ledger_at_zero_says_the_day_the_blanks_were_gone(store_url, tmp_path):
    s = tiny_store(store_url)
    ingest.import_blank_stock(s, write_file(tmp_path, "b.csv", "tanggal,kode,diterima,dipakai\n"
                                                              "2026-01-05,99.01.01,100,0\n2026-01-06,99.01.01,0,60\n"
                                                              "2026-01-07,99.01.01,0,40\n2026-01-08,99.01.01,0,0\n"),
                              "uji")
    p = cards.blank_projection(s, "99.01.01")
    assert (p["sumber_laju"], p["stok_perkiraan"], p["hari_tersisa"], p["tanggal_habis"]) == (
        "blangko", 0, 0.0, "2026-01-07")
    s.close()


def test_the_blank_outlook_counts_from_today():
    """The projection is made at the data's date; a reader counts from today, and the words say both."""
    from geo.present import capacity as present

    p = {"tanggal": "2026-11-16", "tanggal_stok": "2026-11-02", "stok_perkiraan": 2150, "prr": 5253,
         "kurang": 3103, "laju_cetak_per_hari": 2127 / 28, "hari_tersisa": 2150 / (2127 / 28),
         "tanggal_habis": "2026-12-14"}
    seen = cards.blank_outlook(p, "2026-12-06")
    assert seen == {"kurang": 3103, "hari_lagi": 8, "sudah_habis": False, "data_lama": True}
    level, text = present.blank_answer(p, seen)
    assert level == "error"
    assert text == ("Blangko KTP-el tidak cukup: stok sekitar 2.150 keping untuk 5.253 KTP-el siap cetak (PRR) — "
                    "kurang 3.103 (data 16 November 2026). Pada laju 76,0 kartu per hari, stok habis sekitar "
                    "14 Desember 2026: 8 hari lagi dari hari ini.")
    later = cards.blank_outlook(p, "2026-12-20")
    assert (later["hari_lagi"], later["sudah_habis"]) == (-6, True)
    assert present.blank_answer(p, later)[1].endswith("stok sudah habis sekitar 14 Desember 2026.")
    enough = dict(p, prr=1000, kurang=0)
    level, text = present.blank_answer(enough, cards.blank_outlook(enough, "2026-11-16"), "en", warn_days=30)
    assert level == "warning" and "covers the 1,000 print-ready cards" in text and "in 28 days" not in text
    assert text.endswith("runs out around 14 December 2026: 28 days from today.")

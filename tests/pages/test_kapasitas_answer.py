"""Kapasitas Perekaman leads with the answer: are the devices enough to finish by the deadline, and where
not; the blank cards said in one coherent sentence counted from today; the backlog column first on a phone.

Expected numbers come from the demo store (belum rekam, PRR, printed counts, the blank-stock ledger) and
hand arithmetic, not from the page's own functions."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.coverage import coverage_table, people_to_reach
from geo.ingest.capacity import stored_blank_stock
from geo.schema import Col
from geo.store import Store
from tests.pages.test_kapasitas import ROOT, RATE, _frame

DATA_DAY = "2026-11-16"  # the demo's newest figures
DEADLINE = date(2026, 12, 31)  # no tenggat configured: 31 December of the data's year


def _app(lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "kapasitas.py"), default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def _weekdays_left(today: date) -> int:
    """Monday–Friday from today through the deadline, less the national holidays and joint leave days of
    the shipped table (read here as a file)."""
    off = set(pd.read_csv(ROOT / "data" / "libur" / "libur_nasional.csv")["tanggal"])
    days = (today + timedelta(days=i) for i in range((DEADLINE - today).days + 1))
    return sum(d.weekday() < 5 and d.isoformat() not in off for d in days)


@pytest.fixture
def demo(demo_env):
    """Belum rekam per kecamatan, PRR and printed counts, and the blank ledger, read from the store."""
    store = Store.open(demo_env)
    kec = coverage_table(store, "kecamatan", within="99.01", date=DATA_DAY).set_index(Col.KODE)
    ledger = stored_blank_stock(store, within="99.01", date=DATA_DAY)
    cetak = {d: int(coverage_table(store, "kecamatan", within="99.01", date=d)[Col.CETAK].sum())
             for d in ("2026-10-19", "2026-11-02", DATA_DAY)}
    store.close()
    return {"belum": {k: int(v) for k, v in kec[Col.BELUM].items()}, "zona": kec[Col.ZONA].to_dict(),
            "hijau": {k: people_to_reach(w, s, 92) for k, w, s in zip(kec.index, kec[Col.WAJIB], kec[Col.SUDAH])},
            "prr": int(kec[Col.PRR].sum()),
            "cetak": cetak, "stok": int((ledger["diterima"] - ledger["dipakai"]).sum()),
            "tanggal_stok": ledger[Col.TANGGAL].max()}


def test_the_page_leads_with_whether_the_devices_are_enough(demo):
    at = _app()
    assert not at.exception
    table = _frame(at, "Lama tuntas (hari)")
    working = dict(zip(table["Kecamatan"], table["Alat bekerja"].str.split(" dari ").str[0].astype(int)))
    operators = dict(zip(table["Kecamatan"], table["Operator"].astype(int)))
    codes = dict(zip(table["Kecamatan"], table["Kode"]))
    days = {n: demo["belum"][codes[n]] / (RATE * min(working[n], operators[n])) if min(working[n], operators[n])
            else float("inf") for n in codes}
    today = date.today()
    left = _weekdays_left(today) if today <= DEADLINE else 0
    over = sum(d > left for d in days.values())
    assert days["Sungai Jernih Raya"] == float("inf") and round(days["Lembah Rindang"], 1) == 99.2  # 3,471 / 35
    assert over >= 1  # Sungai Jernih Raya records nothing, whatever the day

    lead = at.error[0].value  # the first thing under the demo label: the answer, before any setting
    if left:
        # those behind on recording everyone but already green are counted as such (Beranda calls them on target)
        green = sum(d > left and demo["zona"][codes[n]] == "hijau" for n, d in days.items())
        tail = f"; {green} di antaranya sudah hijau" if green else ""
        # first against the zone target the other pages judge by: the devices at full pace, to 92%, by name
        to_green = {n: demo["hijau"][codes[n]] / (RATE * min(working[n], operators[n]))
                    if min(working[n], operators[n]) else float("inf") for n in codes}
        short = sorted((n for n, d in to_green.items() if d > left), key=lambda n: (-to_green[n], codes[n]))
        assert "Sungai Jernih Raya" in short and "Kota Sejahtera" not in short  # ∞ / already green
        named = ", ".join(short[:5]) + (f", dan {len(short) - 5} lainnya" if len(short) > 5 else "")
        assert lead.startswith(
            f"**Alat belum cukup untuk zona hijau (92%): {len(short)} dari 12 kecamatan tidak bisa mencapainya "
            f"sebelum tenggat 31 Desember 2026 ({left} hari kerja lagi dari hari ini), walau alat yang bekerja "
            f"merekam penuh: {named}. Untuk merekam semua wajib KTP: {over} dari 12 kecamatan tidak tuntas sebelum "
            f"tenggat{tail}.")
    else:
        assert lead.startswith(f"**Tenggat 31 Desember 2026 sudah lewat: {over} dari 12 kecamatan")
    assert "Sungai Jernih Raya (99.01.08) tidak bisa merekam sama sekali (lama tuntas ∞)" in lead
    assert "Terlama di antara yang masih merekam: Lembah Rindang, 99,2 hari kerja." in lead
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    if left:
        assert metrics["Alat tak cukup untuk hijau"] == (f"{len(short)} dari 12", "tenggat 31 Desember 2026")
    help_ = next(m for m in at.metric if m.label == "Alat tak cukup untuk hijau").proto.help
    assert "bila bekerja penuh" in help_ and "Beranda dan Tren menilai laju" in help_  # what the figure judges
    assert "Lama tuntas kabupaten (hari)" not in metrics  # the pooled 35.2 days read as the answer; now explained
    overall = sum(demo["belum"].values()) / (RATE * 23)
    assert any(f"seluruh kabupaten tuntas dalam {fmt.number(overall, 1)} hari" in c.value for c in at.caption)
    assert fmt.number(overall, 1) == "35,2"

    # the setting sits in an expander under the table, and still drives the numbers
    (setting,) = [e for e in at.expander if e.label == "Pengaturan perhitungan"]
    assert setting.number_input(key="kap_laju").value == RATE
    at.number_input(key="kap_laju").set_value(70).run()
    assert "Lembah Rindang, 49,6 hari kerja" in at.error[0].value  # 3,471 / 70

    english = _app("en").error[0].value
    assert "Sungai Jernih Raya (99.01.08) cannot record at all (backlog ∞)" in english
    assert "Longest of those still recording: Lembah Rindang, 99.2 working days." in english


def test_the_blank_cards_are_said_coherently_from_today(demo):
    at = _app()
    stock = demo["stok"] - (demo["cetak"][DATA_DAY] - demo["cetak"][demo["tanggal_stok"]])
    rate = (demo["cetak"][DATA_DAY] - demo["cetak"]["2026-10-19"]) / 28
    short = demo["prr"] - stock
    run_out = date.fromisoformat(DATA_DAY) + timedelta(days=int(stock // rate))
    assert (demo["tanggal_stok"], stock, demo["prr"], short) == ("2026-11-02", 2150, 5253, 3103)
    assert run_out == date(2026, 12, 14)
    left = (run_out - date.today()).days

    (blank,) = [e.value for e in at.error if e.value.startswith("Blangko KTP-el")]
    assert at.error[1].value == blank  # short for the print-ready cards today: second in the lead
    assert blank.startswith(f"Blangko KTP-el tidak cukup: stok sekitar {fmt.number(stock)} keping untuk "
                            f"{fmt.number(demo['prr'])} KTP-el siap cetak (PRR) — kurang {fmt.number(short)} "
                            "(data 16 November 2026).")
    if left > 0:
        assert blank.endswith(f"Pada laju {fmt.number(rate, 1)} kartu per hari, stok habis sekitar 14 Desember "
                              f"2026: {left} hari lagi dari hari ini.")
    else:
        assert blank.endswith("stok sudah habis sekitar 14 Desember 2026.")
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    # counted from today, not "28,3 hari lagi" from the data's date
    assert metrics["Perkiraan habis"] == ("14 Desember 2026", f"{left} hari lagi dari hari ini" if left > 0 else "")
    assert metrics["Kurang untuk PRR yang menunggu"][0] == fmt.number(short)


def test_on_a_phone_the_backlog_column_comes_second(demo):
    table = _frame(_app(), "Lama tuntas (hari)")
    assert list(table.columns[:3]) == ["Kecamatan", "Lama tuntas (hari)", "Belum rekam"]
    assert table.iloc[0][["Kecamatan", "Lama tuntas (hari)"]].tolist() == ["Sungai Jernih Raya", "∞ (tanpa alat)"]

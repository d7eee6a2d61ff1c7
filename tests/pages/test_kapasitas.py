"""Kapasitas Perekaman on the demo: the stuck kecamatan, why, and where two new devices go, by hand."""
from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from geo import cards, fmt, ingest
from geo.coverage import coverage_table
from geo.render import images
from geo.schema import Col
from geo.store import Store
from geo.text import tr

ROOT = Path(__file__).resolve().parents[2]
RATE = 35  # the page's default recordings per device per day
needs_browser = pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")


@pytest.fixture
def demo(demo_env):
    """The demo store (geo.ingest.demo imports its inventory and blank-card stock)."""
    store = Store.open(demo_env)
    belum = coverage_table(store, "kecamatan", within="99.01").set_index(Col.KODE)[Col.BELUM]
    store.close()
    return {k: int(v) for k, v in belum.items()}


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _app(lang: str = "id") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "kapasitas.py"), default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def _values(data) -> list:
    """A plotly array from a chart spec: a plain list, or plotly's typed array (base64 ``bdata``)."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)


def _frame(at, title: str):
    """The dataframe whose columns include ``title``."""
    return next(d.value for d in at.dataframe if title in d.value.columns)


def test_the_stuck_kecamatan_and_why(demo):
    at = _app()
    assert not at.exception
    assert "Data contoh sintetis" in at.info[0].value
    (stuck,) = [e.value for e in at.error if e.value.startswith("Sungai Jernih Raya")]  # after the answer
    # LP10's only device broke on 2026-09-28; the data date is 2026-11-16: 49 days, nothing recorded since.
    assert stuck.startswith("Sungai Jernih Raya (99.01.08): tidak ada alat perekam yang bekerja sejak "
                            "28 September 2026 (49 hari).")
    assert "alat LP10-A1 rusak sejak 28 September 2026 — Pemindai sidik jari rusak" in stuck
    assert f"{fmt.number(demo['99.01.08'])} wajib KTP belum rekam menunggu" in stuck and demo["99.01.08"] == 2942
    assert any(w.value.startswith("Kepulauan Teduh (99.01.12): lokasi offline") for w in at.warning)

    table = _frame(at, "Lama tuntas (hari)")
    first = table.iloc[0]
    assert (first["Kode"], first["Alat bekerja"], first["Lama tuntas (hari)"]) == ("99.01.08", "0 dari 1", "∞ (tanpa alat)")
    lembah = table.set_index("Kode").loc["99.01.04"]
    assert lembah["Lama tuntas (hari)"] == fmt.number(demo["99.01.04"] / RATE, 1) == "99,2"  # 3,471 / 35
    kota = table.set_index("Kode").loc["99.01.01"]
    # Kota Sejahtera: 4 + 2 + 2 devices at the Dinas, MPP and kantor kecamatan; mobile unit 2 is away for repair.
    assert (kota["Alat bekerja"], kota["Operator"], kota["Lama tuntas (hari)"]) == ("8 dari 9", "11", "15,4")

    down = _frame(at, "Lama (hari)")
    assert down[["Alat", "Status", "Sejak", "Lama (hari)"]].values.tolist() == [
        ["LP10-A1", "rusak", "28 September 2026", "49"],
        ["LP16-A1", "dalam perbaikan", "26 Oktober 2026", "21"]]
    # why each is down, whole, under the table (a long note in a column was cut at the table's edge)
    notes = " ".join(m.value for m in at.markdown)
    assert "**LP10\\-A1 — Kantor Kecamatan Sungai Jernih Raya**: Pemindai sidik jari rusak" in notes

    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Alat perekam bekerja"], at.metric[0].delta) == ("23", "dari 25 alat")
    # 28,175 + 148: the desa recorded beyond its wajib KTP no longer hides 148 people elsewhere
    assert metrics["Belum rekam"] == fmt.number(sum(demo.values())) == "28.323"
    # the pooled days (as if devices could move anywhere) stand explained under the table, not as the answer
    assert any(f"tuntas dalam {fmt.number(28323 / (RATE * 23), 1)} hari" in c.value for c in at.caption)


def test_two_new_devices_by_hand(demo):
    at = _app()
    plan = _frame(at, "Lama tuntas sebelum")
    # 1st device: Sungai Jernih Raya has none (∞) → 2,942 / 35 = 84.1 days; an idle operator runs it.
    # Then Lembah Rindang is the longest (3,471 / 35 = 99.2) → 3,471 / 70 = 49.6 with a new operator.
    assert plan.values.tolist() == [
        ["1", "99.01.08", "Sungai Jernih Raya", "∞ (tanpa alat)", fmt.number(demo["99.01.08"] / RATE, 1), "tidak"],
        ["2", "99.01.04", "Lembah Rindang", fmt.number(demo["99.01.04"] / RATE, 1),
         fmt.number(demo["99.01.04"] / (2 * RATE), 1), "ya"]]
    assert plan.iloc[:, 4].tolist() == ["84,1", "49,6"]
    # Afterwards the longest backlog is Sungai Jernih Raya's 84.1 days (next: Bukit Sarimulya 2,546 / 35 = 72.7).
    assert any("Lama tuntas terpanjang: ∞ (tanpa alat) → 84,1 hari" in m.value for m in at.markdown)

    at.number_input(key="kap_n").set_value(3).run()
    plan = _frame(at, "Lama tuntas sebelum")
    assert plan.iloc[2, 1:5].tolist() == ["99.01.08", "Sungai Jernih Raya", "84,1", "42,0"]  # 2,942 / 70
    assert any("→ 72,7 hari" in m.value for m in at.markdown)


def test_who_can_lend_a_mobile_set(demo):
    at = _app()
    lend = _frame(at, "Usul dipinjamkan ke")
    # Kota Sejahtera lends the Dinas's mobile kit with one operator: 4,311 / (35 × 7) = 17.6 days, still under
    # the kabupaten's 35.2; Golo Sejuk's mobile unit cannot go (4,056 / 35 = 115.9 days).
    # On screen the lender by name (its code and the kabupaten's overall days do not fit beside the rest:
    # the overall days stand in the note under the table).
    assert lend.values.tolist() == [
        ["Kota Sejahtera", "1", "15,4", fmt.number(demo["99.01.01"] / (RATE * 7), 1),
         "Sungai Jernih Raya (99.01.08)", "84,1"]]
    assert any("lama tuntas kabupaten secara keseluruhan (35,2 hari)" in c.value for c in at.caption)


def test_card_funnel_and_blank_stock(demo, demo_env):
    at = _app()
    store = Store.open(demo_env)
    totals = cards.card_totals(store, "99.01")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    # recorded → verified (PRR + printed) → printed, each bar ending in its count
    printed, waiting, processing, ends = spec["data"]
    assert _values(printed["x"]) == [totals[Col.CETAK]] * 3
    assert _values(waiting["x"]) == [totals[Col.PRR], totals[Col.PRR], None]
    assert _values(processing["x"])[0] == totals[Col.SUDAH] - totals[Col.PRR] - totals[Col.CETAK] == 7043
    assert _values(ends["x"]) == [totals[Col.SUDAH], totals[Col.PRR] + totals[Col.CETAK], totals[Col.CETAK]]
    assert _values(ends["x"]) == [320788, 313745, 308492]
    assert [t.replace("\u2002", "") for t in ends["text"]] == ["320.788", "313.745<br>(97,8%)", "308.492<br>(96,2%)"]
    # on screen the page's heading says what it is; the title stays in the figure for its image
    assert spec["layout"]["meta"]["judul"] == "Kabupaten Contoh Sejahtera: 96,2% perekaman KTP-el sudah dicetak " \
                                              "menjadi kartu"
    assert not [a for a in spec["layout"].get("annotations", []) if a.get("name") in ("judul", "sumber")]
    history = json.loads(at.get("plotly_chart")[1].proto.spec)["data"]
    assert max(_values(history[1]["y"])) == 12941  # PRR piling up while the blanks were out (2025-12-15)

    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    # 3,121 blanks on 2 November 2026; 308,492 − 307,521 = 971 printed since → 2,150 on 16 November.
    # Rate: (308,492 − 306,365) / 28 days = 76.0 a day → 2,150 / 75.96 = 28.3 days → 14 December 2026,
    # counted from today on screen (tests/pages/test_kapasitas_answer.py).
    assert metrics["Perkiraan stok"] == ("2.150", "16 November 2026")
    assert metrics["Kartu dicetak per hari"][0] == "76,0"
    assert metrics["Perkiraan habis"][0] == "14 Desember 2026"
    assert metrics["Kurang untuk PRR yang menunggu"][0] == fmt.number(5253 - 2150) == "3.103"
    stock = json.loads(at.get("plotly_chart")[2].proto.spec)["data"]
    assert _values(stock[1]["x"])[-1] == "2026-12-14" and _values(stock[1]["y"]) == [3121, 2150, 0]


@needs_browser
def test_card_and_blank_stock_images_download(demo, downloads):
    at = _app()
    buttons = {b.key: b for b in at.get("download_button")}
    assert at.selectbox(key="kartu_unduh_kind").options == [
        "Alur kartu: rekam → siap cetak → dicetak", "Siap cetak menunggu dan kartu dicetak per minggu"]
    card = downloads[buttons["kartu_unduh_dl"].proto.deferred_file_id]
    assert card["file_name"] == "peta-rekam_kartu_99.01_2026-11-16_1200x675.png"
    assert _png_size(card["data"]()) == (1200, 675)
    at.radio(key="blangko_unduh_size").set_value("1080x1350").run()
    stock = downloads[{b.key: b for b in at.get("download_button")}["blangko_unduh_dl"].proto.deferred_file_id]
    assert stock["file_name"] == "peta-rekam_blangko_99.01_2026-11-16_1080x1350.png"
    assert _png_size(stock["data"]()) == (1080, 1350)


def test_in_english(demo):
    at = _app("en")
    assert not at.exception
    stuck = next(e.value for e in at.error if e.value.startswith("Sungai"))  # under the answer
    assert stuck.startswith("Sungai Jernih Raya (99.01.08): no working recording device since 28 September 2026 "
                            "(49 days).")
    plan = _frame(at, "Backlog days before")
    assert plan.iloc[:, 4].tolist() == ["84.1", "49.6"]


def test_without_inventory_the_page_says_what_to_import(demo_env):
    store = Store.open(demo_env)
    history = store.history()
    for version in history.loc[history["kind"].isin(["inventaris", "blangko"]), "id"]:
        store.rollback(int(version))
    store.close()
    at = _app()
    assert not at.exception
    inventory = next(i.value for i in at.info if i.value.startswith("Belum ada inventaris"))
    stock = next(i.value for i in at.info if i.value.startswith("Belum ada catatan stok blangko"))
    for said, kind in ((inventory, "berkas_perangkat"), (stock, "berkas_blangko")):  # where, by the page's words
        assert all(tr(k) in said for k in ("nav_data", "tab_titik", kind, "tab_templat"))
    assert "python -m geo import-inventory" in inventory and "python -m geo import-blank-stock" in stock
    assert len(at.error) == 0
    english = _app("en")
    said = next(i.value for i in english.info if i.value.startswith("No inventory"))
    assert all(tr(k, "en") in said for k in ("nav_data", "tab_titik", "berkas_perangkat", "tab_templat"))


def test_figures_without_card_counts_draw_no_card_pipeline(demo_env):
    """A recap of wajib KTP and sudah rekam only (the common one): the card section says what the data
    lacks, instead of a bar showing every recorded person as 'still processing / rejected' and an empty
    chart of cards per week; no image of it is offered."""
    store = Store.open(demo_env)
    desa = coverage_table(store, "desa", within="99.01")
    desa = desa[desa[Col.WAJIB].notna()]
    store.add_enrollment(desa[[Col.KODE, Col.WAJIB, Col.SUDAH]].reset_index(drop=True), tanggal="2026-11-23")
    assert not cards.has_card_figures(cards.card_totals(store, "99.01", date="2026-11-23"))
    store.close()
    at = _app()
    assert not at.exception
    assert any(i.value.startswith("Data perekaman Kabupaten Contoh Sejahtera (99.01) tidak memuat PRR dan "
                                  "sudah cetak") for i in at.info)
    metas = [json.loads(c.proto.spec)["layout"]["meta"]["gambar"] for c in at.get("plotly_chart")]
    assert metas == ["blank_stock_line"]  # the blank stock still, from its own ledger
    assert "kartu_unduh_kind" not in {s.key for s in at.selectbox}


def test_the_blank_projection_says_which_rate_it_used(demo, demo_env):
    """Printed counts as recent as the stock ledger: the printing rate, said so (both languages). Newer
    figures without printed counts and a newer ledger: the ledger's own daily use, said so."""
    at = _app()
    caption = next(c.value for c in at.caption if c.value.startswith("Stok tercatat"))
    assert "Laju memakai jumlah sudah cetak data perekaman" in caption
    assert "The rate uses the recording figures' printed counts" in next(
        c.value for c in _app("en").caption if c.value.startswith("Stock recorded"))

    store = Store.open(demo_env)
    desa = coverage_table(store, "desa", within="99.01")
    desa = desa[desa[Col.WAJIB].notna()]
    store.add_enrollment(desa[[Col.KODE, Col.WAJIB, Col.SUDAH]].reset_index(drop=True), tanggal="2026-11-23")
    ingest.import_blank_stock(store, b"tanggal,kode,diterima,dipakai\n2026-11-20,99.01,0,300\n"
                                     b"2026-11-23,99.01,0,240\n", "uji", file_name="blangko_baru.csv")
    p = cards.blank_projection(store, "99.01", date="2026-11-23")
    store.close()
    assert p["sumber_laju"] == "blangko"
    at = _app()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert "Kartu dicetak per hari" not in metrics
    assert metrics["Blangko dipakai per hari (buku stok)"] == fmt.number(p["laju_cetak_per_hari"], 1)
    caption = next(c.value for c in at.caption if c.value.startswith("Stok tercatat"))
    assert "kolom 'dipakai' buku stok" in caption and "23 November 2026" in caption
    at = _app("en")
    assert any(m.label == "Blanks used per day (stock ledger)" for m in at.metric)

"""Targets and alerts on the pages, as an office uses them: the Peringatan panel on Beranda equals
geo's alerts, most urgent first; a target file imported on the Data page shows who is behind and
ahead on Beranda and on the Peta's "vs target" map; a digest marked sent or e-mailed through a real
local SMTP server is kept and listed, and not offered again."""
from __future__ import annotations

import email
import email.policy
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
from aiosmtpd.controller import Controller
from streamlit.testing.v1 import AppTest

from geo import alerts, auth, fmt, targets
from geo.config import load_settings
from geo.present.alerts import alert_rows
from geo.present.trend import status_labels
from geo.schema import Col
from geo.store import Store
from geo.text import tr
from tests.mail_server import Inbox, free_port, mail_config
from tests.pages.pages_run import shown_text

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(name: str) -> AppTest:
    return AppTest.from_file(str(ROOT / name), default_timeout=120)


def _editor(store: Store) -> AppTest:
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    at = _page("pages/data.py").run()
    at.sidebar.text_input[0].input("petugas1")
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run()


def _kab(store: Store) -> str:
    return store.areas(level="kabupaten")[Col.KODE].iloc[0]


def test_the_panel_shows_geos_alerts_most_urgent_first(demo_env):
    store = Store.open(demo_env)
    kab = _kab(store)
    found = alerts.compute_alerts(store, kab, today=date.today(), settings=load_settings())
    kinds = {a.kind for a in found}
    assert {"blangko_habis", "zona_merah"} <= kinds and kinds & {"alat_rusak", "lokasi_lumpuh"}  # the demo's trouble
    at = _page("dashboard.py").run()
    assert not at.exception
    found = [a for a in found if a.kind != "data_basi"]  # the data's age is said above the panel
    rows = alert_rows(found)
    assert any(m.value == f"**Peringatan ({len(rows)})**" for m in at.markdown)
    lines = [m.value for m in at.markdown if "** — " in m.value]
    assert [line.split("**")[1] for line in lines] == list(rows["judul"])  # most urgent first, all of them
    device = next(a for a in found if a.kind in ("alat_rusak", "lokasi_lumpuh"))
    line = lines[found.index(device)]
    assert device.figures["alat"] in line.replace("\\", "")  # the device named, with its figures
    buttons = [b.label for b in at.button if b.label.startswith("Buka ")]
    assert buttons.count("Buka Kapasitas Perekaman") == sum(a.page == "kapasitas" for a in found)


def _target_file(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["kode", "tahun", "bulan", "target_persen", "keterangan"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_target_file_shows_behind_and_ahead_on_beranda_and_peta(demo_env):
    store = Store.open(demo_env)
    kab = _kab(store)
    year = date.today().year  # the targets in force are today's (the period the office works in now)
    month = fmt.long_date(date.today()).split()[1]  # this month's, so that it is in force in any month
    table = targets.vs_target(store, kab, today=date.today(), settings=load_settings())
    kec = table[table[Col.KODE] != kab].sort_values(Col.CAKUPAN)
    low, high = kec.iloc[0], kec.iloc[-1]  # the least covered kecamatan gets a target it has passed …
    data = _target_file([[kab, year, "", 95, "kontrak kinerja"],
                         [low[Col.KODE], year, "", round(low[Col.CAKUPAN] - 5), "disesuaikan"],
                         [high[Col.KODE], year, month, 100, "dinaikkan"]])  # … the best one 100%
    at = _editor(store)
    next(r for r in at.radio if r.label == "Jenis berkas").set_value("target").run()
    next(u for u in at.file_uploader if u.label == "Unggah berkas (CSV atau XLSX)").set_value(("target_2026.xlsx", data, XLSX_TYPE))
    at.run()
    next(b for b in at.button if b.key == "simpan_titik").click().run()
    assert not at.exception
    assert any("Tersimpan sebagai versi" in s.value and "(3 baris)" in s.value for s in at.success)

    expected = targets.vs_target(store, kab, today=date.today(), settings=load_settings()).set_index(Col.KODE)
    assert expected.loc[low[Col.KODE], "status_target"] == "tercapai"
    assert expected.loc[high[Col.KODE], "status_target"] == "tertinggal"
    home = _page("dashboard.py").run()
    assert not home.exception
    element = next(d for d in home.dataframe if "Status target" in d.value.columns)
    shown = shown_text(element).set_index("Nama wilayah")
    held = element.value.set_index("Nama wilayah")  # what a click on a title sorts by: the numbers themselves
    words = dict(zip(expected.index, status_labels(expected)))
    for kode in (low[Col.KODE], high[Col.KODE]):
        row = expected.loc[kode]
        assert shown.loc[row[Col.NAMA], "Status target"] == words[kode]
        assert shown.loc[row[Col.NAMA], "Selisih dari target"] == fmt.signed(row["selisih_target"], 2, "id", tr("poin", "id"))
        assert held.loc[row[Col.NAMA], "Selisih dari target"] == row["selisih_target"]
        assert held.loc[row[Col.NAMA], "Target"] == row["target_persen"]  # targets differ: the column is shown
    assert list(shown.index).index(high[Col.NAMA]) < list(shown.index).index(low[Col.NAMA])  # behind first
    behind = int((expected.drop(index=kab)["status_target"] == "tertinggal").sum())
    assert any(m.value.startswith(f"{behind} dari {len(expected) - 1} kecamatan tidak tepat waktu mencapai target") for m in home.markdown)
    home.sidebar.radio[0].set_value("en").run()  # the same in English words: districts, not "kecamatan"
    assert any(m.value.startswith(f"{behind} of {len(expected) - 1} districts will not reach the target in time") for m in home.markdown)

    peta = _page("pages/peta.py").run()
    next(r for r in peta.radio if r.label == "Warnai menurut").set_value("target").run()
    assert not peta.exception
    script = json.loads(peta.get("component_instance")[0].proto.json_args)["script"]
    for kode in (low[Col.KODE], high[Col.KODE]):
        assert fmt.signed(expected.loc[kode, "selisih_target"], 2, "id", tr("poin", "id")) in script


def test_a_digest_marked_sent_is_kept_and_not_offered_again(demo_env):
    store = Store.open(demo_env)
    kab = _kab(store)
    found = alerts.compute_alerts(store, kab, today=date.today(), settings=load_settings())
    at = _editor(store)
    assert not at.exception
    assert f"{len(found)} peringatan" in at.code[0].value
    next(b for b in at.button if b.label == "Tandai terkirim (WhatsApp)").click().run()
    assert not at.exception
    kept = alerts.digests(store, kab)
    assert list(kept[["user", "channel", "n_alerts"]].iloc[0]) == ["petugas1", "whatsapp", len(found)]
    assert alerts.unsent(store, found) == []
    assert at.code[0].value.endswith("tidak ada peringatan baru.")
    listed = next(d.value for d in at.dataframe if "Lewat" in d.value.columns)
    assert list(listed["Lewat"]) == ["WhatsApp"] and list(listed["Pengguna"]) == ["petugas1"]


def test_a_digest_e_mailed_from_the_data_page_arrives(demo_env, tmp_path, monkeypatch):
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=free_port())
    server.start()
    try:
        mail_config(tmp_path, monkeypatch, server.port, to=("kadis@kab.go.id",))
        store = Store.open(demo_env)
        at = _editor(store)
        next(b for b in at.button if b.label == "Kirim lewat surel").click().run()
        assert not at.exception
    finally:
        server.stop()
    assert len(inbox.messages) == 1
    _, recipients, content = inbox.messages[0]
    assert recipients == ["kadis@kab.go.id"]
    body = email.message_from_bytes(content, policy=email.policy.default).get_content()
    kept = alerts.digests(store, _kab(store))
    assert list(kept["channel"]) == ["email"] and list(kept["recipients"]) == ["kadis@kab.go.id"]
    assert kept["text"].iloc[0].splitlines()[0] in body


def test_beranda_and_tren_say_the_projected_day_in_the_same_words(demo_env):
    """Each kecamatan's projected day on Beranda's target table is what Tren's table says: a date, 'sudah
    tercapai' for one at its target, 'tidak tercapai' for one recording no one (Beranda said '–' for both)."""
    store = Store.open(demo_env)
    kab = _kab(store)
    table = targets.vs_target(store, kab, today=date.today(), settings=load_settings()).set_index(Col.NAMA)
    home = _page("dashboard.py").run()
    tren = _page("pages/tren.py").run()
    assert not home.exception and not tren.exception
    on_home = shown_text(next(d for d in home.dataframe if "Status target" in d.value.columns)).set_index("Nama wilayah")
    shown = next(d for d in tren.dataframe if "Perkiraan tercapai" in d.value.columns)
    on_tren = shown_text(shown).set_index("Nama wilayah")["Perkiraan tercapai"]
    kecamatan = [n for n in on_home.index if n in on_tren.index]
    assert len(kecamatan) == len(table) - 1  # every kecamatan of the kabupaten
    assert [on_home.loc[n, "Perkiraan tercapai"] for n in kecamatan] == [on_tren[n] for n in kecamatan]
    said = set(on_home.loc[kecamatan, "Perkiraan tercapai"])
    reached = table.loc[kecamatan, "status_target"] == "tercapai"
    assert reached.any() and "sudah tercapai" in said
    never = (table.loc[kecamatan, "status_target"] == "tertinggal") & table.loc[kecamatan, "tanggal_proyeksi"].isna()
    assert never.any() and "tidak tercapai" in said
    assert "–" not in said

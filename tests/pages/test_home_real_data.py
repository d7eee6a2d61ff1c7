"""Issue 2's promise on real data: Tangsel boundaries + an office spreadsheet → home page figures."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.cli import main
from tests.geo.test_cli_end_to_end import TANGSEL, _office_rows, _write_office_xlsx

ROOT = Path(__file__).resolve().parents[2]


def _home(url: str, monkeypatch) -> AppTest:
    """Beranda on Kota Tangerang Selatan in the store at ``url``, run without an exception."""
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["area"] = TANGSEL
    at.run()
    assert not at.exception
    return at


def test_home_shows_the_office_figures(real_dir, tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    kab = real_dir / "cahyadsn_wilayah_boundaries" / "kabkota_36_banten_18.09_19.03.geojson"
    kec = real_dir / "cahyadsn_wilayah_boundaries" / "kecamatan_36_banten_18.09_19.03.geojson"
    desa = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    rows = _office_rows(real_dir)
    book = tmp_path / "rekap.xlsx"
    _write_office_xlsx(book, rows)
    assert main(["import-boundaries", str(kab), "--level", "kabupaten", "--db", url]) == 0
    assert main(["import-boundaries", str(kec), "--level", "kecamatan", "--db", url]) == 0
    assert main(["import-boundaries", str(desa), "--level", "desa", "--db", url]) == 0
    assert main(["import-enrollment", str(book), "--date", "2026-08-31", "--within", TANGSEL, "--db", url]) == 0
    capsys.readouterr()

    at = _home(url, monkeypatch)
    wajib = sum(r[3] + r[4] for r in rows)
    sudah = sum(r[5] + r[6] for r in rows)
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(wajib)
    assert values["Sudah rekam"] == fmt.number(sudah)
    assert values["Belum rekam"] == fmt.number(wajib - sudah)
    assert values["Cakupan"] == fmt.percent(100 * sudah / wajib)
    assert at.title[0].value.endswith("Kota Tangerang Selatan")
    assert "31 Agustus 2026" in at.caption[0].value
    assert not at.info or "Data contoh sintetis" not in " ".join(i.value for i in at.info)


def test_figures_of_some_desa_only_are_said_so(real_dir, tmp_path, monkeypatch, capsys):
    """An office's first file covers 24 of Tangsel's 54 kelurahan: the figures are theirs, not the
    city's, and the first screen says so, naming the kecamatan that sent nothing."""
    import csv
    import json

    from geo.store import Store

    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    boundaries = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    figures = ROOT / "tests" / "fixtures" / "bad" / "baik.csv"
    assert main(["import-boundaries", str(boundaries), "--level", "desa", "--db", url]) == 0
    assert main(["import-enrollment", str(figures), "--date", "2026-11-30", "--db", url]) == 0
    capsys.readouterr()
    features = json.loads(boundaries.read_text(encoding="utf-8"))["features"]
    every = {str(f["properties"]["kode"]) for f in features}
    lines = figures.read_text(encoding="utf-8").splitlines()
    sent = {row[0] for row in csv.reader(lines[2:], delimiter=";") if row and row[0] in every}
    silent = sorted({k[:8] for k in every} - {k[:8] for k in sent})
    store = Store.open(url)
    names = store.areas(level="kecamatan").set_index("kode")["nama"]
    store.close()

    at = _home(url, monkeypatch)
    assert (len(sent), len(every)) == (24, 54)
    expected = (f"Angka ini hanya dari 24 dari 54 desa/kelurahan Kota Tangerang Selatan: 30 belum ada datanya; "
                f"tanpa data sama sekali: {', '.join(names[k] for k in silent)}. Cakupan seluruh Kota Tangerang "
                f"Selatan belum diketahui — minta data yang belum masuk.")
    # said once, in the verdict: 92% over 24 kelurahan is not "done" for the kota — a warning, not a success
    assert not any("Sudah di zona hijau" in box.value for box in at.success)
    verdict = at.warning[0].value.replace("\\", "")
    assert verdict.startswith("**Sudah di zona hijau:") and verdict.endswith(expected)
    assert sum("Angka ini hanya dari" in w.value for w in at.warning) == 1
    # the office's alerts say it too (the digest sent by WhatsApp or e-mail carries it), one click from Data
    said = [m.value.replace("\\", "") for m in at.markdown if "Data belum lengkap" in m.value]
    assert len(said) == 1 and said[0].endswith(
        f"30 dari 54 desa/kelurahan Kota Tangerang Selatan belum mengirim data; tanpa data sama sekali: "
        f"{', '.join(names[k] for k in silent)}. Angka Kota Tangerang Selatan hanya dari yang sudah. Minta data "
        "yang belum masuk.")
    # Tren's verdict on the kota says so too
    tren = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=120)
    tren.session_state["area"] = TANGSEL
    tren.run()
    assert not tren.exception and not any("Sudah di zona hijau" in box.value for box in tren.success)
    assert tren.warning[0].value.replace("\\", "").endswith(expected)
    # the bupati's PDF says it too, under its verdict
    from geo.render.briefing import briefing_pdf
    from tests.geo.test_briefing import _text

    store = Store.open(url)
    text = " ".join(_text(briefing_pdf(store, TANGSEL), tmp_path).split())
    store.close()
    assert "Angka ini hanya dari 24 dari 54 desa/kelurahan Kota Tangerang Selatan: 30 belum ada datanya" in text
    # and the media pack: the trend image gives no verdict on the city, the pockets image says it too
    from datetime import date

    from geo.config import load_settings
    from geo.render import media

    store = Store.open(url)
    trend = media.chart_figure(store, TANGSEL, "tren", settings=load_settings(), today=date(2026, 12, 1))
    pockets = media.chart_figure(store, TANGSEL, "kantong", settings=load_settings(), lang="en")
    store.close()
    shown = {m.label: m.value for m in at.metric}["Cakupan"]  # the figure Beranda shows for the 24
    assert trend.layout.meta["judul"] == (f"Kota Tangerang Selatan: {shown} di 24 dari 54 desa/kelurahan yang sudah "
                                          "mengirim data")
    assert trend.layout.meta["subjudul"] == ("Cakupan perekaman KTP-el, data per 30 November 2026<br>Cakupan seluruh "
                                             "Kota Tangerang Selatan belum diketahui: 30 desa/kelurahan belum "
                                             "mengirim data")
    assert pockets.layout.meta["subjudul"].endswith(
        "<br>The coverage of all of Kota Tangerang Selatan is not known yet: 30 villages have sent no figures")
    # the map of its kecamatan: three of seven have data, all green — said so, not "all 3 are green"
    peta = AppTest.from_file(str(ROOT / "pages" / "peta.py"), default_timeout=120)
    for key, value in {"area": TANGSEL, "level": "kecamatan", "metric": "zona"}.items():
        peta.query_params[key] = value
    peta.run()
    assert not peta.exception
    assert [i.value for i in peta.info if "jadi warnanya sama" in i.value] == [
        f"{len({k[:8] for k in sent})} dari {len({k[:8] for k in every})} wilayah di peta ini ada datanya, "
        "semuanya di zona hijau, jadi warnanya sama; "
        "yang lain belum ada data. Warnai menurut cakupan % untuk melihat mana yang tertinggal."]
    # the planner of that office, with no recording sites listed yet: a plan from a kecamatan's centre,
    # among the 24 kelurahan with figures only — and both said
    from geo import plan as planner
    from geo.present.plan_explain import provisional_base_note

    rencana = AppTest.from_file(str(ROOT / "pages" / "rencana.py"), default_timeout=120)
    rencana.session_state["area"] = TANGSEL
    rencana.run()
    assert not rencana.exception
    warned = [w.value.replace("\\", "") for w in rencana.warning]
    assert (f"Rencana ini hanya memilih dari 24 dari 54 desa/kelurahan Kota Tangerang Selatan yang ada datanya: "
            f"30 belum ada datanya dan tidak dikunjungi karena jumlah belum rekamnya tidak diketahui; tanpa data "
            f"sama sekali: {', '.join(names[k] for k in silent)}. Minta data yang belum masuk.") in warned
    store = Store.open(url)
    base = planner.base_point(store, TANGSEL)
    store.close()
    assert provisional_base_note(base, "Kota Tangerang Selatan") in warned
    schedule = next(d.value for d in rencana.dataframe if "Unit 1" in d.value.columns)
    days = [day for unit in ("Unit 1", "Unit 2", "Unit 3") for day in schedule[unit] if day != "–"]
    visited = {stop.rsplit(" (", 1)[0] for day in days for stop in day.split(" → ")}  # "Name (40)"
    named = {f["properties"]["nama"] for f in features if str(f["properties"]["kode"]) in sent}
    assert visited and visited <= named
    # and the CLI's plan says both too
    capsys.readouterr()
    assert main(["plan", "--within", TANGSEL, "--units", "1", "--days", "2", "--db", url, "--format", "json"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "Rencana ini hanya memilih dari 24 dari 54 desa/kelurahan Kota Tangerang Selatan" in err
    assert provisional_base_note(base, "Kota Tangerang Selatan") in err

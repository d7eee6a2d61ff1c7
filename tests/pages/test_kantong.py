"""Kantong Belum Rekam (pages/kantong.py): the figures on screen equal geo's from the demo store."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import fmt, pockets
from geo.coverage import coverage_table
from geo.schema import DEMO_DIR, Col
from geo.store import Store
from tests.pages.pages_run import shown_text

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = json.loads((DEMO_DIR / "ringkasan.json").read_text(encoding="utf-8"))
KAB = SUMMARY["kabupaten"]["kode"]


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "kantong.py"), default_timeout=120).run()


def test_top_ranked_desa_and_people_to_green(demo_env, files):
    at = _app()
    assert not at.exception
    assert "Data contoh sintetis" in " ".join(i.value for i in at.info)
    table = pockets.pockets_table(Store.open(demo_env), KAB, "desa")
    by_number, by_share = shown_text(at.dataframe[0]), shown_text(at.dataframe[1])  # as read

    expected = pockets.ranked(table, "belum_rekam")
    top = expected.iloc[0]
    assert by_number["Kode"].tolist() == expected[Col.KODE].tolist()
    # under the words, numbers: a click on "Belum rekam" or "Cakupan" sorts 1.234 after 613
    assert at.dataframe[0].value["Belum rekam"].tolist() == expected[Col.BELUM].astype(float).tolist()
    assert at.dataframe[0].value["Cakupan"].tolist() == pytest.approx(expected[Col.CAKUPAN].tolist())
    assert by_number.iloc[0]["Nama wilayah"] == top[Col.NAMA]
    assert by_number.iloc[0]["Belum rekam"] == fmt.number(top[Col.BELUM])
    assert by_number.iloc[0]["Menuju hijau"] == fmt.number(top[pockets.MENUJU_HIJAU])
    # By hand from the stored counts: ⌈92 × wajib / 100⌉ − sudah (hijau from 92 %).
    desa = coverage_table(Store.open(demo_env), "desa", within=KAB).set_index(Col.KODE)
    wajib, sudah = int(desa.loc[top[Col.KODE], Col.WAJIB]), int(desa.loc[top[Col.KODE], Col.SUDAH])
    assert by_number.iloc[0]["Menuju hijau"] == fmt.number(-(-92 * wajib // 100) - sudah)
    assert by_number.iloc[0]["Belum rekam"] == fmt.number(desa[Col.BELUM].max())

    expected_share = pockets.ranked(table, "rate")
    assert by_share["Kode"].tolist()[:10] == expected_share[Col.KODE].tolist()[:10]
    first = expected_share.iloc[0]
    # Both "to" columns on screen; the share not recorded (100% − cakupan, beside it) only in the download.
    assert "Belum rekam (%)" not in by_share.columns
    assert by_share.iloc[0]["Naik zona"] == fmt.number(first[pockets.MENUJU_BERIKUT])
    rate_csv = f"kantong_rate_{KAB}_{Store.open(demo_env).snapshot_dates(KAB)[-1]}.csv"
    downloaded = pd.read_csv(io.BytesIO(files[rate_csv]), sep=";", decimal=",", encoding="utf-8-sig",
                             dtype={"Kode": str})
    assert downloaded.iloc[0]["Kode"] == first[Col.KODE]
    assert downloaded.iloc[0]["Belum rekam (%)"] == pytest.approx(round(float(first[pockets.PERSEN_BELUM]), 2))
    assert downloaded.iloc[0]["Naik zona"] == first[pockets.MENUJU_BERIKUT]
    # The desa above 100 % (stale denominator) is last by share and needs nobody.
    above = SUMMARY["desa_di_atas_100"]
    assert by_share.iloc[-1]["Kode"] == above["kode"]
    assert by_share.iloc[-1]["Menuju hijau"] == "0"
    assert by_share.iloc[-1]["Cakupan"].startswith(fmt.percent(above["cakupan"]))


def test_a_red_desa_shows_the_people_that_take_it_out_of_red(demo_env):
    """The note under the lists explains the "to" columns the reader sees, and both are there: for a red
    desa, the people to leave red (to yellow, 85 %) as well as those to green (92 %)."""
    at = _app()
    assert not at.exception
    by_number = shown_text(at.dataframe[0])
    desa = coverage_table(Store.open(demo_env), "desa", within=KAB).set_index(Col.KODE)
    red = by_number[by_number["Zona"] == "merah"]
    assert len(red)
    row = red.iloc[0]
    wajib, sudah = int(desa.loc[row["Kode"], Col.WAJIB]), int(desa.loc[row["Kode"], Col.SUDAH])
    out_of_red, to_green = -(-85 * wajib // 100) - sudah, -(-92 * wajib // 100) - sudah  # by hand
    assert 0 < out_of_red < to_green
    assert row["Naik zona"] == fmt.number(out_of_red)
    assert row["Menuju hijau"] == fmt.number(to_green)
    note = next(c.value for c in at.caption if c.value.startswith("Menuju hijau:"))
    for column in ("Menuju hijau", "Naik zona"):
        assert f"{column}:" in note and column in by_number.columns
    assert "merah" in note and "85%" in note


def test_school_list_shows_the_demo_schools(demo_env):
    at = _app()
    shown = shown_text(at.dataframe[-1])
    schools = pd.read_csv(DEMO_DIR / "sekolah.csv", dtype={"npsn": str})
    wanted = schools[schools["belum_rekam"] > 0].sort_values(
        ["belum_rekam", "akan_17_enam_bulan", "nama"], ascending=[False, False, True])
    assert shown["NPSN"].tolist() == wanted["npsn"].tolist()
    assert shown["Sekolah"].tolist() == wanted["nama"].tolist()
    assert shown["Belum rekam"].tolist() == [fmt.number(v) for v in wanted["belum_rekam"]]
    assert shown["Akan 17 tahun ≤ 6 bulan"].tolist() == [fmt.number(v) for v in wanted["akan_17_enam_bulan"]]


def test_downloads_and_map(demo_env):
    at = _app()
    buttons = at.get("download_button")
    labels = [b.label for b in buttons]
    # two rankings and the schools as CSV/XLSX, and the map/chart image under the map
    assert [x for x in labels if x != "Unduh"] == ["Unduh CSV", "Unduh XLSX"] * 3
    assert labels.count("Unduh") == 1
    assert {b.key for b in buttons} >= {"kantong_belum_rekam_csv", "kantong_rate_xlsx", "kantong_sekolah_csv"}
    # The map: every desa coloured by belum rekam, with the schools as points.
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    n_desa = len(Store.open(demo_env).areas(within=KAB, level="desa"))
    assert script.count('"kode"') >= n_desa
    # the legend: the layer's name as its heading, then one row saying what a point is (not the heading again)
    legend = re.search(r"\\u003e([^\\]*)\\u003c/div\\u003e\\u003cdiv\\u003e\\u003cspan [^<]{0,300}?background:#7b3294"
                       r".{0,200}?\\u003c/span\\u003e([^\\]*)\\u003c/div", script)
    assert legend and legend.groups() == ("Kantong pemula", "Sekolah dengan siswa akan 17 tahun yang belum rekam")
    assert '"Kantong pemula" : ' in script  # the layer's name in the map's layer switch
    assert script.count('"Point"') == len(pd.read_csv(DEMO_DIR / "sekolah.csv"))


def test_hotspots_on_request(demo_env):
    at = _app()
    assert len(at.dataframe) == 3  # two rankings and the schools; no hot spots until asked
    at.toggle(key="kantong_hotspot").set_value(True).run()
    assert not at.exception
    table = pockets.pockets_table(Store.open(demo_env), KAB, "desa", hotspots=True)
    expected = pockets.spots(table)
    shown = shown_text(at.dataframe[2])
    assert shown["Kode"].tolist() == expected[Col.KODE].tolist()
    assert set(shown["Titik panas/dingin"]) == {"titik panas", "titik dingin"}
    assert shown["p (pseudo)"].tolist() == [fmt.number(p, 3) for p in expected[pockets.P_VALUE]]
    # The island kecamatan (served offline, lowest coverage) is a hot spot.
    island = SUMMARY["kecamatan_pulau"]["kode"]
    assert (expected.loc[expected[Col.KODE].str.startswith(island + "."), pockets.HOTSPOT] == "panas").all()
    assert expected[Col.KODE].str.startswith(island + ".").any()
    note = " ".join(c.value for c in at.caption)
    assert "999 permutasi" in note and f"seed {pockets.SEED}" in note and "p ≤ 0,05" in note
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert "titik panas" in script


def test_kecamatan_level_and_english(demo_env):
    at = AppTest.from_file(str(ROOT / "pages" / "kantong.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.radio(key="kantong_level").set_value("kecamatan").run()
    assert not at.exception
    shown = shown_text(at.dataframe[0])
    table = pockets.pockets_table(Store.open(demo_env), KAB, "kecamatan")
    expected = pockets.ranked(table, "belum_rekam")
    assert shown["Code"].tolist() == expected[Col.KODE].tolist()
    assert shown["To green"].tolist() == [fmt.number(v, lang="en") for v in expected[pockets.MENUJU_HIJAU]]
    assert len(shown) == SUMMARY["jumlah_kecamatan"]
    assert [b.label for b in at.get("download_button")][:2] == ["Download CSV", "Download XLSX"]


def test_table_downloads_are_in_the_readers_language_with_numbers_as_numbers(demo_env, files):
    store = Store.open(demo_env)
    expected = pockets.ranked(pockets.pockets_table(store, KAB, "desa"), "belum_rekam")
    stem = f"kantong_belum_rekam_{KAB}_{store.snapshot_dates(KAB)[-1]}"
    _app()
    # Indonesian: what Indonesian Excel splits into columns (";"), decimals with a comma
    shown = pd.read_csv(io.BytesIO(files[f"{stem}.csv"]), sep=";", decimal=",", encoding="utf-8-sig",
                        dtype={"Kode": str})
    assert list(shown.columns) == ["Peringkat", "Nama wilayah", "Kecamatan", "Kode", "Wajib KTP", "Belum rekam",
                                   "Belum rekam (%)", "Cakupan", "Zona", "Menuju hijau", "Naik zona"]
    assert shown["Kode"].tolist() == expected[Col.KODE].tolist()
    assert shown["Belum rekam"].tolist() == expected[Col.BELUM].astype(int).tolist()
    assert shown["Cakupan"].tolist() == pytest.approx(expected[Col.CAKUPAN].astype(float).round(2).tolist())
    assert shown["Zona"].tolist() == [z if isinstance(z, str) else "tidak ada data" for z in expected[Col.ZONA]]

    at = AppTest.from_file(str(ROOT / "pages" / "kantong.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    shown = pd.read_csv(io.BytesIO(files[f"{stem}.csv"]), encoding="utf-8-sig", dtype={"Code": str})
    assert list(shown.columns) == ["Rank", "Area", "District", "Code", "Must hold e-KTP", "Not recorded",
                                   "Not recorded (%)", "Coverage", "Zone", "To green", "Up a zone"]
    assert shown["Coverage"].tolist() == pytest.approx(
        expected[Col.CAKUPAN].astype(float).round(2).tolist())
    words = {"hijau": "green", "kuning": "yellow", "merah": "red"}
    assert shown["Zone"].tolist() == [words.get(z, "no data") for z in expected[Col.ZONA]]
    book = openpyxl.load_workbook(io.BytesIO(files[f"{stem}.xlsx"]))
    assert book.sheetnames == ["Not recorded (number)"]
    header = next(book.active.iter_rows(values_only=True))
    assert header[:4] == ("Rank", "Area", "District", "Code")
    assert next(book.active.iter_rows(min_row=2, values_only=True))[5] == int(expected[Col.BELUM].iloc[0])


def _shown(markdown: str) -> str:
    """Markdown as read: its escapes and bold marks gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", "")


def test_the_answer_comes_first_computed_from_the_demo_files(demo_env):
    """Above the lists, where the people not yet recorded are, from the demo's own files: the largest
    pocket and its share of the kabupaten's belum rekam, what the ten largest hold, and the kecamatan
    where most of those ten lie."""
    rows = pd.read_csv(DEMO_DIR / "rekam_mingguan.csv", dtype={"kode": str})
    last = rows[rows["tanggal"] == rows["tanggal"].max()].assign(
        belum=lambda r: (r["wajib_ktp"] - r["sudah_rekam"]).clip(lower=0),
        to_green=lambda r: (-(-92 * r["wajib_ktp"] // 100) - r["sudah_rekam"]).clip(lower=0),
        share=lambda r: r["belum"] / r["wajib_ktp"])
    areas = pd.read_csv(DEMO_DIR / "wilayah.csv", dtype=str).set_index("kode")["nama"]
    total = int(last["belum"].sum())
    # the list by number, as shown under it: ties by fewer people to green, then the larger share
    top = last.sort_values(["belum", "to_green", "share", "kode"], ascending=[False, True, False, True]).head(10)
    first = top.iloc[0]
    per_kecamatan = top.groupby(top["kode"].str[:8])["belum"].agg(["size", "sum"])
    places = per_kecamatan[per_kecamatan["size"] >= 4].sort_values(["size", "sum"], ascending=False)
    assert len(places) >= 1  # the demo's ten largest: four or more in one kecamatan
    # how far each lies from a working recording site: the planner's travel hours (its own tests check them)
    from geo.plan import candidate_sites
    from geo.store import Store

    hours = candidate_sites(Store.open(demo_env), "99.01", include_schools=False).set_index("kode")["jam_ke_lokasi"]
    near = int((hours.reindex(top["kode"]) <= 0.25).sum())
    assert 0 < near < 10  # the demo's ten: some in the town next to a working office, some not
    at = _app()
    assert not at.exception
    said = _shown(next(m.value for m in at.markdown if m.value.startswith("**Terbanyak belum rekam")))
    assert said == (
        f"Terbanyak belum rekam: {first['nama']} ({areas[first['kode'][:8]]}), {fmt.number(first['belum'])} "
        f"orang — {fmt.percent(100 * first['belum'] / total, 1)} dari {fmt.number(total)} belum rekam di "
        f"Kabupaten Contoh Sejahtera. 10 desa/kelurahan teratas memegang {fmt.number(top['belum'].sum())} "
        f"orang ({fmt.percent(100 * top['belum'].sum() / total, 1)}). Dari 10 itu, "
        + " dan ".join(f"{k} di Kecamatan {areas[code]}" for code, k in places["size"].items()) + "."
        f" {near} dari 10 itu paling lama 15 menit dari lokasi rekam yang berfungsi: warganya bisa datang sendiri, "
        "unit keliling lebih berguna di tempat yang jauh (Rencana Jemput Bola).")
    at.radio(key="kantong_level").set_value("kecamatan").run()
    said = _shown(next(m.value for m in at.markdown if m.value.startswith("**Terbanyak belum rekam")))
    by_kecamatan = last.groupby(last["kode"].str[:8])["belum"].sum().sort_values(ascending=False)
    assert said.startswith(f"Terbanyak belum rekam: {areas[by_kecamatan.index[0]]}, "
                           f"{fmt.number(by_kecamatan.iloc[0])} orang")
    assert "Dari 10 itu" not in said  # no kecamatan of kecamatan


def test_the_lists_image_and_beranda_name_the_same_ten(demo_env):
    """A journalist's image of the pockets and Beranda's ten hold the list's first ten, in its order (one
    rule for ties: equal counts once put a different tenth desa on the image)."""
    from geo.render import media

    at = _app()
    listed = shown_text(at.dataframe[0])["Kode"].tolist()[:10]
    store = Store.open(demo_env)
    fig = media.chart_figure(store, KAB, "kantong")
    store.close()
    assert list(fig.layout.yaxis.tickvals) == listed
    home = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert shown_text(home.dataframe[-1])["Kode"].tolist() == listed  # its last table: the target table is first


def test_without_a_school_list_the_page_says_none_is_known(demo_env):
    """'No school with students turning 17 not recorded' only when schools are listed; an office that
    has not uploaded its list is told where to, not that none is left."""
    store = Store.open(demo_env)
    history = store.history()
    store.rollback(int(history.loc[history["kind"] == "points:sekolah", "id"].iloc[0]))
    store.close()
    at = _app()
    assert not at.exception
    said = [i.value for i in at.info]
    assert any(s.startswith("Belum ada daftar sekolah di wilayah ini.") for s in said)
    assert not any(s.startswith("Tidak ada sekolah dengan siswa akan 17") for s in said)

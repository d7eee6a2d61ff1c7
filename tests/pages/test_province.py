"""A provinsi holding two kabupaten/kota (the demo's 99.01 and a small 99.02): the picker offers
it, a link opens it, Beranda shows its figures summed over its kabupaten/kota and ranks them
(lowest coverage first), and Peta, Kantong and Tren open on it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.columns import JENDELA_HARI
from geo.coverage import area_totals, coverage_table, previous_date, worst_first
from geo.schema import Col
from geo.trend import projection_table, slowest_first
from geo.store import Store
from tests.pages.pages_run import boxes_saying, map_codes, run_page, shown_text

ROOT = Path(__file__).resolve().parents[2]
PROV, PROV_NAME, SECOND = "99", "Provinsi Uji", "99.02"
AREAS = [
    (PROV, PROV_NAME, "provinsi", None, "provinsi", box(120.8, -9.8, 122.0, -9.1)),
    (SECOND, "Kota Uji Kedua", "kabupaten", PROV, "kota", box(121.6, -9.7, 122.0, -9.2)),
    ("99.02.01", "Kec Timur", "kecamatan", SECOND, "kecamatan", box(121.6, -9.7, 121.8, -9.2)),
    ("99.02.02", "Kec Barat", "kecamatan", SECOND, "kecamatan", box(121.8, -9.7, 122.0, -9.2)),
    ("99.02.01.2001", "Desa Timur Satu", "desa", "99.02.01", "desa", box(121.6, -9.7, 121.8, -9.2)),
    ("99.02.02.1001", "Kel Barat Satu", "desa", "99.02.02", "kelurahan", box(121.8, -9.7, 121.9, -9.2)),
    ("99.02.02.2002", "Desa Barat Dua", "desa", "99.02.02", "desa", box(121.9, -9.7, 122.0, -9.2)),
]
# The demo's last two weeks; the kota at about 62 %, below the demo kabupaten.
SNAPSHOTS = {
    "2026-11-09": {"99.02.01.2001": (4000, 2000), "99.02.02.1001": (3000, 2500), "99.02.02.2002": (1000, 300)},
    "2026-11-16": {"99.02.01.2001": (4000, 2100), "99.02.02.1001": (3000, 2550), "99.02.02.2002": (1000, 320)},
}


def _province_store(demo_sqlite, monkeypatch, tmp_path, areas) -> str:
    """A private copy of the demo store plus ``areas`` (the second kabupaten/kota) and its figures."""
    copy = tmp_path / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    url = f"sqlite:///{copy}"
    store = Store.open(url)
    columns = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame(areas, columns=columns), geometry="geometry", crs="EPSG:4326"))
    for day, values in SNAPSHOTS.items():
        rows = [{Col.KODE: k, Col.WAJIB: w, Col.SUDAH: s} for k, (w, s) in values.items()]
        store.add_enrollment(pd.DataFrame(rows), tanggal=day)
    store.close()
    monkeypatch.setenv("REKAM_DB_URL", url)
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")
    return url


@pytest.fixture
def province_env(demo_sqlite, monkeypatch, tmp_path):
    return _province_store(demo_sqlite, monkeypatch, tmp_path, AREAS)


@pytest.fixture
def unnamed_province_env(demo_sqlite, monkeypatch, tmp_path):
    """The same, without a provinsi area: its name comes from elsewhere (the code table, else its code)."""
    return _province_store(demo_sqlite, monkeypatch, tmp_path, AREAS[1:])


def test_the_picker_offers_the_provinsi_before_its_kabupaten(province_env):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    picker = next(s for s in at.selectbox if s.label == "Provinsi atau kabupaten/kota")
    assert picker.options[:3] == [f"{PROV_NAME} ({PROV})", "Kab. Contoh Sejahtera (99.01)",
                                  f"Kota Uji Kedua ({SECOND})"]
    # The widest view is the default: a provincial officer opens on the provinsi and its ranking.
    assert picker.value == PROV
    assert at.title[0].value == f"Cakupan perekaman KTP-el — {PROV_NAME}"
    assert list(shown_text(at.dataframe[-1])["Nama wilayah"]) == ["Kota Uji Kedua", "Kabupaten Contoh Sejahtera"]


def test_beranda_of_the_provinsi_sums_its_kabupaten(province_env):
    at = run_page("beranda", area=PROV)
    assert not at.exception
    store = Store.open(province_env)
    now = area_totals(store, PROV)
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(now[Col.WAJIB])
    assert values["Sudah rekam"] == fmt.number(now[Col.SUDAH])
    assert values["Belum rekam"] == fmt.number(now[Col.BELUM])
    assert values["Cakupan"] == fmt.percent(now[Col.CAKUPAN])
    kab = [area_totals(store, k) for k in ("99.01", SECOND)]
    assert now[Col.WAJIB] == sum(k[Col.WAJIB] for k in kab) and now[Col.SUDAH] == sum(k[Col.SUDAH] for k in kab)
    assert at.title[0].value == f"Cakupan perekaman KTP-el — {PROV_NAME}"
    assert map_codes(at) == {"99.01", SECOND}
    assert any(re.match(r"\d dari 2 kabupaten/kota tidak tepat waktu mencapai target", m.value) for m in at.markdown)


def test_the_provinsi_verdict_says_when_some_kabupaten_sent_nothing(demo_sqlite, monkeypatch, tmp_path):
    """A third kota of the provinsi has its desa but no figures yet: the verdict says the provinsi's
    figures are those of some desa only and names the kota, once, and never as done."""
    third = [("99.03", "Kota Uji Ketiga", "kabupaten", PROV, "kota", box(121.0, -9.8, 121.2, -9.6)),
             ("99.03.01", "Kec Ketiga", "kecamatan", "99.03", "kecamatan", box(121.0, -9.8, 121.2, -9.6)),
             ("99.03.01.1001", "Kel Tiga Satu", "desa", "99.03.01", "kelurahan", box(121.0, -9.8, 121.1, -9.6)),
             ("99.03.01.1002", "Kel Tiga Dua", "desa", "99.03.01", "kelurahan", box(121.1, -9.8, 121.2, -9.6))]
    url = _province_store(demo_sqlite, monkeypatch, tmp_path, AREAS + third)
    at = run_page("beranda", area=PROV)
    assert not at.exception
    store = Store.open(url)
    desa = coverage_table(store, "desa", within=PROV)
    with_data = int(desa[Col.WAJIB].notna().sum())
    assert len(desa) - with_data == 2
    said, firsts = boxes_saying(at, "Angka ini hanya dari")
    assert len(said) == 1 and said[0] in firsts and said[0].startswith("**")  # once, in the verdict
    assert said[0].endswith(
        f"Angka ini hanya dari {fmt.number(with_data)} dari {fmt.number(len(desa))} desa/kelurahan {PROV_NAME}: "
        f"2 belum ada datanya; tanpa data sama sekali: Kota Uji Ketiga. Cakupan seluruh {PROV_NAME} belum "
        "diketahui — minta data yang belum masuk.")


def test_beranda_ranks_the_kabupaten_lowest_coverage_first(province_env):
    at = run_page("beranda", area=PROV)
    store = Store.open(province_env)
    table = worst_first(coverage_table(store, "kabupaten", within=PROV))
    before = coverage_table(store, "kabupaten", within=PROV, date=previous_date(store, PROV)).set_index(Col.KODE)
    values, shown = at.dataframe[-1].value, shown_text(at.dataframe[-1])  # numbers that sort, words as read
    assert list(shown.columns) == ["Nama wilayah", "Cakupan", "Belum rekam", "Zona", "Perubahan cakupan",
                                   "Naik per minggu", "Perkiraan tercapai"]
    assert list(shown["Nama wilayah"]) == list(table[Col.NAMA]) == ["Kota Uji Kedua", "Kabupaten Contoh Sejahtera"]
    assert values["Cakupan"].tolist() == pytest.approx(table[Col.CAKUPAN].astype(float).tolist())
    assert list(shown["Cakupan"]) == [fmt.percent(c, 2) for c in table[Col.CAKUPAN]]
    assert list(shown["Belum rekam"]) == [fmt.number(b) for b in table[Col.BELUM]]
    moved = [c - before.loc[k, Col.CAKUPAN] for k, c in zip(table[Col.KODE], table[Col.CAKUPAN])]
    assert list(shown["Perubahan cakupan"]) == [fmt.signed(m, 2, suffix=" poin") for m in moved]
    assert "99.02" not in " ".join(shown.to_string())  # names, never raw codes
    # the kota's pace from its own counts: 4,800 then 4,970 of 8,000 in a week
    assert shown["Naik per minggu"].iloc[0] == fmt.signed(100 * 170 / 8000, 2, suffix=" poin")
    # the note under it gives the days those paces were measured over: the kota's one week, the demo's four
    windows = projection_table(store, PROV, target_pct=92, deadline="2026-12-31").set_index(Col.KODE)[JENDELA_HARI]
    assert (windows["99.02"], windows["99.01"]) == (7, 28)
    assert ("Naik per minggu: cakupan (poin persen) yang bertambah per minggu, diukur pada data 7 sampai 28 hari "
            "terakhir (lebih pendek bila data wilayahnya lebih baru)") in " ".join(c.value for c in at.caption)


def test_tren_of_the_provinsi_ranks_its_kabupaten_slowest_first(province_env):
    at = run_page("tren", area=PROV)
    assert not at.exception
    assert at.subheader[0].value == "Kabupaten/kota: yang paling lambat dulu"
    table = slowest_first(projection_table(Store.open(province_env), PROV, target_pct=92, deadline="2026-12-31"))
    shown = shown_text(at.dataframe[0])
    assert list(shown.columns) == ["Nama wilayah", "Cakupan", "Naik per minggu", "Perkiraan tercapai",
                                   "Laju per hari", "Status"]
    assert list(shown["Nama wilayah"]) == list(table[Col.NAMA])
    kota = shown.set_index("Nama wilayah").loc["Kota Uji Kedua"]
    assert kota["Naik per minggu"] == fmt.signed(100 * 170 / 8000, 2, suffix=" poin")
    assert kota["Cakupan"] == fmt.percent(100 * 4970 / 8000, 2)
    assert kota["Laju per hari"] == fmt.number(170 / 7, 1)
    # the numbers themselves under the words: a click on "Cakupan" sorts by value
    values = at.dataframe[0].value.set_index("Nama wilayah")
    assert values.loc["Kota Uji Kedua", "Cakupan"] == pytest.approx(100 * 4970 / 8000)
    assert all(s.value != "Kapan tiap wilayah mencapai target" for s in at.subheader)  # the ranking replaces it


def test_a_provinsi_the_store_does_not_name_is_still_named(unnamed_province_env):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["area"] = PROV
    at.run()
    assert not at.exception
    picker = next(s for s in at.selectbox if s.label == "Provinsi atau kabupaten/kota")
    assert picker.value == PROV and picker.options[0] == f"Provinsi {PROV} ({PROV})"  # 99 is in no code table
    assert at.title[0].value == f"Cakupan perekaman KTP-el — Provinsi {PROV}"


def test_a_single_kabupaten_adds_no_provinsi(demo_env):
    """The demo alone: its provinsi would repeat the kabupaten's figures, so the picker is as before."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    picker = next(s for s in at.selectbox if s.label == "Kabupaten/kota")
    assert picker.options == ["Kab. Contoh Sejahtera (99.01)"]  # "Kab.": the sidebar is narrow


def test_kantong_of_the_provinsi_ranks_its_kabupaten(province_env):
    at = run_page("kantong", area=PROV)
    assert not at.exception
    assert at.radio(key="kantong_level").value == "kabupaten"
    assert set(at.dataframe[0].value["Nama wilayah"]) == {"Kabupaten Contoh Sejahtera", "Kota Uji Kedua"}
    at.radio(key="kantong_level").set_value("desa").run()
    assert not at.exception and len(at.dataframe[0].value) > 100
    # across a provinsi a desa's kabupaten/kota is said too (desa and kecamatan names repeat between them)
    shown = at.dataframe[0].value
    kabupaten = {"99.01": "Kabupaten Contoh Sejahtera", SECOND: "Kota Uji Kedua"}
    assert list(shown["Kabupaten/kota"]) == [kabupaten[k[:5]] for k in shown["Kode"]]
    store = Store.open(province_env)
    desa = coverage_table(store, "desa", within=PROV)
    store.close()
    top = desa.sort_values([Col.BELUM, Col.KODE], ascending=[False, True]).iloc[0]
    assert shown.iloc[0]["Kode"] == top[Col.KODE]
    lead = " ".join(m.value.replace("\\", "") for m in at.markdown)  # markdown escapes ( ) and .
    kecamatan = shown.iloc[0]["Kecamatan"]
    assert (f"Terbanyak belum rekam: {top[Col.NAMA]} ({kecamatan}, {kabupaten[top[Col.KODE][:5]]}), "
            f"{fmt.number(top[Col.BELUM])} orang") in lead
    # where the ten largest gather, for the provincial officer: one kabupaten/kota holding more than half
    ten = desa.sort_values([Col.BELUM, Col.KODE], ascending=[False, True]).head(10)[Col.KODE].str[:5].value_counts()
    assert ten.iloc[0] * 2 > 10
    assert (f"Semuanya di {kabupaten[ten.index[0]]}." if ten.iloc[0] == 10
            else f"{ten.iloc[0]} dari 10 itu di {kabupaten[ten.index[0]]}.") in lead
    at.radio(key="kantong_level").set_value("kecamatan").run()
    shown = at.dataframe[0].value
    assert list(shown["Kabupaten/kota"]) == [kabupaten[k[:5]] for k in shown["Kode"]]
    at.radio(key="kantong_level").set_value("desa").run()
    at.toggle(key="kantong_hotspot").set_value(True).run()  # the hot and cold spots say it too
    assert not at.exception
    spots = next(d.value for d in at.dataframe if "Titik panas/dingin" in d.value.columns)
    assert len(spots) and list(spots["Kabupaten/kota"]) == [kabupaten[k[:5]] for k in spots["Kode"]]


def test_tren_of_the_provinsi_offers_its_kabupaten(province_env):
    at = run_page("tren", area=PROV)
    assert not at.exception
    assert at.selectbox(key="tren_area").options == [f"{PROV_NAME} (seluruh wilayah)",
                                                     "Kabupaten Contoh Sejahtera (99.01)", f"Kota Uji Kedua ({SECOND})"]
    assert at.header[0].value == f"Tren dan proyeksi — {PROV_NAME}"
    at.selectbox(key="tren_area").set_value(SECOND).run()
    assert not at.exception and at.header[0].value == "Tren dan proyeksi — Kota Uji Kedua"


def test_peta_drills_from_the_provinsi_down(province_env):
    at = run_page("peta", area=PROV)
    assert map_codes(at) == {"99.01", SECOND}
    assert at.query_params["area"] == PROV and at.query_params["level"] == "kabupaten"
    assert "Klik kabupaten/kota untuk melihat kecamatannya" in at.caption[-1].value
    at.session_state["peta_pending"] = SECOND  # what a click on the kota does
    at.run()
    assert not at.exception
    assert map_codes(at) == {"99.02.01", "99.02.02"}
    crumbs = [b.label for b in at.button if b.key and b.key.startswith("crumb_")]
    assert crumbs == [PROV_NAME] and "**Kota Uji Kedua**" in [m.value for m in at.markdown]
    at.session_state["peta_pending"] = "99.02.02"
    at.run()
    assert map_codes(at) == {"99.02.02.1001", "99.02.02.2002"}
    next(b for b in at.button if b.key == f"crumb_{PROV}").click().run()
    assert map_codes(at) == {"99.01", SECOND}


def test_drilled_into_a_kabupaten_peta_opens_its_beranda(province_env):
    """Drilled from the provinsi into a kota (and on into its kecamatan), the map offers the kota's own
    Beranda: one click makes it the picked area (the sidebar said the provinsi, Beranda opened on it
    again). Not offered at the provinsi's own view."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)  # the app, its pages and sidebar
    at.query_params["area"] = PROV
    at.switch_page("pages/peta.py").run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "peta_buka_beranda"]
    at.session_state["peta_pending"] = "99.02.02"  # a kecamatan of the kota, as a click or a search
    at.run()
    assert not at.exception
    (button,) = [b for b in at.button if b.key == "peta_buka_beranda"]
    assert button.label == "Beranda Kota Uji Kedua"
    button.click().run()
    assert not at.exception
    assert at.session_state["area"] == SECOND  # the sidebar's pick, which Beranda and every page read
    assert "goto_page" not in at.session_state  # taken: the next run opened Beranda
    assert [t.value for t in at.title][:1] == ["Cakupan perekaman KTP-el — Kota Uji Kedua"]


def test_peta_search_finds_a_kabupaten_of_the_provinsi(province_env):
    at = run_page("peta", area=PROV)
    search = next(s for s in at.selectbox if s.key == "peta_search")
    assert "Kota Uji Kedua (Kabupaten/kota)" in search.options
    search.set_value(SECOND).run()
    assert not at.exception
    assert map_codes(at) == {"99.02.01", "99.02.02"}  # the kota's kecamatan


@pytest.mark.parametrize("page", ["beranda", "tren", "peta", "kantong"])
def test_screenshot_mode_of_the_provinsi_is_clean(province_env, page):
    """A link with ?mode=tangkapan on the provinsi: the story (title with the date, figures, map,
    ranking) without pickers, downloads or forms."""
    at = run_page(page, area=PROV, mode="tangkapan")
    assert not at.exception
    assert not at.get("download_button") and not at.expander
    assert not (at.text_input or at.date_input or at.number_input or at.multiselect)
    assert not [b.label for b in at.button if not (b.key or "").startswith("crumb_")]  # the exit: dashboard.py's
    heading = (at.title or at.header)[0].value
    assert PROV_NAME in heading and heading.endswith("· data per 16 November 2026")
    if page in ("beranda", "peta"):
        assert map_codes(at) == {"99.01", SECOND}
    if page in ("beranda", "tren"):  # the ranking stays: it is the provinsi's story
        assert set(at.dataframe[-1 if page == "beranda" else 0].value["Nama wilayah"]) == {
            "Kabupaten Contoh Sejahtera", "Kota Uji Kedua"}


def test_the_provinsi_ranking_downloads_with_numbers_as_numbers(province_env, files):
    """The kabupaten/kota ranking as a spreadsheet: the screen's columns with the code and the date of
    the data added, coverage and its change as numbers."""
    import io

    run_page("beranda", area=PROV)
    store = Store.open(province_env)
    table = worst_first(coverage_table(store, "kabupaten", within=PROV))
    day = store.snapshot_dates(PROV)[-1]
    shown = pd.read_csv(io.BytesIO(files[f"peringkat_kabupaten_{PROV}_{day}.csv"]), sep=";", decimal=",",
                        encoding="utf-8-sig", dtype={"Kode": str})
    assert list(shown.columns) == ["Nama wilayah", "Kode", "Cakupan", "Belum rekam", "Zona", "Perubahan cakupan",
                                   "Naik per minggu", "Perkiraan tercapai", "Data per"]
    assert shown["Kode"].tolist() == table[Col.KODE].tolist()
    assert shown["Cakupan"].tolist() == pytest.approx(table[Col.CAKUPAN].astype(float).round(2).tolist())
    assert shown["Belum rekam"].tolist() == table[Col.BELUM].astype(int).tolist()


def test_the_demo_beside_one_real_provinsi_is_no_country(demo_sqlite, monkeypatch, tmp_path):
    """An office that tried the demo, then imported its own provinsi's two kabupaten/kota: the picker
    offers that provinsi and opens on it, never "Seluruh Indonesia" summing the synthetic figures with
    the real ones."""
    real = [("36", "Banten", "provinsi", None, "provinsi", box(105.1, -7.1, 106.8, -5.8)),
            ("36.71", "Kota Tangerang", "kabupaten", "36", "kota", box(106.5, -6.3, 106.7, -6.1)),
            ("36.72", "Kota Cilegon", "kabupaten", "36", "kota", box(105.9, -6.1, 106.1, -5.9)),
            ("36.71.01", "Tangerang", "kecamatan", "36.71", "kecamatan", box(106.5, -6.3, 106.7, -6.1)),
            ("36.72.01", "Cilegon", "kecamatan", "36.72", "kecamatan", box(105.9, -6.1, 106.1, -5.9)),
            ("36.71.01.1001", "Sukarasa", "desa", "36.71.01", "kelurahan", box(106.5, -6.3, 106.7, -6.1)),
            ("36.72.01.1001", "Ciwaduk", "desa", "36.72.01", "kelurahan", box(105.9, -6.1, 106.1, -5.9))]
    url = _province_store(demo_sqlite, monkeypatch, tmp_path, real)
    store = Store.open(url)
    store.add_enrollment(pd.DataFrame([{Col.KODE: "36.71.01.1001", Col.WAJIB: 5000, Col.SUDAH: 4700},
                                       {Col.KODE: "36.72.01.1001", Col.WAJIB: 3000, Col.SUDAH: 2500}]),
                         tanggal="2026-11-16")
    store.close()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    picker = next(s for s in at.selectbox if s.key == "area")
    assert picker.label == "Provinsi atau kabupaten/kota"  # no country in it
    assert picker.options[0] == "Banten (36)" and picker.value == "36"
    assert "Seluruh Indonesia" not in picker.options
    assert {m.label: m.value for m in at.metric}["Wajib KTP"] == fmt.number(8000)  # Banten's alone

"""The whole country (geo.schema.COUNTRY) as ``within``: every stored area, row, date and point, on
SQLite and PostgreSQL; a map opened at the reader's view instead of fitting its areas."""
from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.coverage import coverage_table, lagging, ranking
from geo.present import short_name
from geo.render import maps
from geo.schema import COUNTRY, Col, Level, is_country, top_level
from geo.store import Store

AREAS = [
    ("36.74", "Kota Satu", "kabupaten", "36", "kota", box(106.6, -6.4, 106.8, -6.2)),
    ("18.09", "Kabupaten Dua", "kabupaten", "18", "kabupaten", box(105.0, -5.6, 105.3, -5.3)),
    ("36.74.01", "Kec Satu", "kecamatan", "36.74", "kecamatan", box(106.6, -6.4, 106.8, -6.2)),
    ("18.09.01", "Kec Dua", "kecamatan", "18.09", "kecamatan", box(105.0, -5.6, 105.3, -5.3)),
]


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    columns = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    s.add_areas(gpd.GeoDataFrame(pd.DataFrame(AREAS, columns=columns), geometry="geometry", crs="EPSG:4326"))
    s.add_enrollment(pd.DataFrame([{Col.KODE: "36.74.01", Col.WAJIB: 1000, Col.SUDAH: 900},
                                   {Col.KODE: "18.09.01", Col.WAJIB: 500, Col.SUDAH: 400}]), tanggal="2026-11-09")
    s.add_enrollment(pd.DataFrame([{Col.KODE: "18.09.01", Col.WAJIB: 500, Col.SUDAH: 450}]), tanggal="2026-11-16")
    yield s
    s.close()


def test_the_country_holds_every_area_row_and_date(store):
    assert set(store.areas(within=COUNTRY)[Col.KODE]) == {k for k, *_ in AREAS}
    assert list(store.areas(within=COUNTRY, level=Level.KABUPATEN)[Col.KODE]) == ["18.09", "36.74"]
    assert len(store.enrollment(within=COUNTRY)) == 3
    assert store.snapshot_dates(COUNTRY) == ["2026-11-09", "2026-11-16"]
    assert store.points("sekolah", within=COUNTRY).empty


def test_the_country_ranks_its_kabupaten_worst_first(store):
    table = coverage_table(store, Level.KABUPATEN, within=COUNTRY)
    assert dict(zip(table[Col.KODE], table[Col.CAKUPAN])) == {"18.09": 90.0, "36.74": 90.0}
    ranked = ranking(store, Level.KABUPATEN, within=COUNTRY)
    assert list(ranked[Col.KODE]) == ["36.74", "18.09"]  # same coverage: more belum rekam first
    assert ranked[Col.PERUBAHAN].tolist()[1] == pytest.approx(10.0)


def test_country_helpers():
    assert is_country(COUNTRY) and not is_country("36")
    assert top_level(COUNTRY) == Level.PROVINSI and top_level("36") == Level.KABUPATEN
    assert top_level("36.74.01.1001") == Level.DESA


def test_a_map_opens_at_the_given_view_instead_of_fitting():
    frame = gpd.GeoDataFrame({Col.KODE: ["36.74.01"], Col.NAMA: ["Kec Satu"], Col.CAKUPAN: [90.0]},
                             geometry=[box(106.6, -6.4, 106.8, -6.2)], crs="EPSG:4326")
    html = maps.coverage_map(frame, view=((-6.3, 106.7), 12)).get_root().render()
    assert "center: [-6.3, 106.7]" in html and '"zoom": 12' in html
    assert "var bounds = null" in html  # the legend does not refit the map to its areas
    fitted = maps.coverage_map(frame).get_root().render()
    assert "var bounds = null" not in fitted


def test_the_country_totals_sum_every_row_counts_then_percent(store):
    from geo.coverage import area_totals

    now = area_totals(store, COUNTRY)
    assert (now[Col.WAJIB], now[Col.SUDAH], now[Col.BELUM]) == (1500, 1350, 150)
    assert now[Col.CAKUPAN] == pytest.approx(90.0) and now[Col.TANGGAL] == "2026-11-16"
    before = area_totals(store, COUNTRY, date="2026-11-09")
    assert before[Col.CAKUPAN] == pytest.approx(100 * 1300 / 1500)
    assert area_totals(store, COUNTRY, date="2020-01-01")[Col.WAJIB] is None


def test_the_country_ranks_its_provinsi_named_by_the_code_table(store):
    from geo.coverage import country_ranking

    ranked = country_ranking(store, Level.PROVINSI)
    assert list(ranked[Col.KODE]) == ["36", "18"]  # both 90 %: Banten has more belum rekam
    assert list(ranked[Col.NAMA]) == ["Banten", "Lampung"] == list(ranked["provinsi"])
    assert ranked[Col.PERUBAHAN].tolist() == pytest.approx([0.0, 10.0])


def test_the_country_over_time_and_its_provinsi_by_pace(store):
    from geo.timeline import coverage_over_time, series
    from geo.trend import projection_table, slowest_first

    own = coverage_over_time(store, COUNTRY)
    assert list(own[Col.TANGGAL]) == ["2026-11-09", "2026-11-16"]
    assert list(own[Col.SUDAH]) == [1300, 1350] and list(own[Col.WAJIB]) == [1500, 1500]
    frame = series(store, COUNTRY)
    assert frame[Col.KODE].tolist() == ["18", "18", "36", "ID", "ID"]  # Banten has one report date
    assert frame.loc[frame[Col.KODE] == "ID", Col.NAMA].tolist() == ["Indonesia"] * 2
    table = slowest_first(projection_table(store, COUNTRY, target_pct=92, deadline="2026-12-31"))
    # Lampung has a trend (10 points a week, 92 % reached soon); Banten one snapshot: no trend to rank by.
    assert list(table[Col.KODE]) == ["18", "36"] and list(table[Col.NAMA]) == ["Lampung", "Banten"]


def test_the_country_against_its_target_lists_its_provinsi(store):
    from datetime import date

    from geo.targets import vs_target

    table = vs_target(store, COUNTRY, today=date(2026, 11, 20))
    assert list(table[Col.KODE]) == [COUNTRY, "18", "36"]
    assert table.loc[table[Col.KODE] == "18", Col.CAKUPAN].tolist() == pytest.approx([90.0])
    assert table.loc[table[Col.KODE] == "36", Col.NAMA].tolist() == ["Banten"]
    assert table.loc[table[Col.KODE] == COUNTRY, Col.NAMA].tolist() == ["Indonesia"]


def test_lagging_areas_are_those_older_than_the_limit_oldest_first():
    table = pd.DataFrame({Col.KODE: ["36.01", "36.02", "36.03", "36.04", "36.05"],
                          Col.TANGGAL: ["2026-11-17", "2026-11-16", "2026-10-01", None, "2026-12-01"]})
    late = lagging(table, "2026-12-01", 14)
    # 36.01 is 14 days old (not more), 36.04 has no data (shown as such, not as late)
    assert late[Col.KODE].tolist() == ["36.03", "36.02"]


def test_every_provinsi_of_the_code_table_has_a_short_form_a_laptop_table_fits(real_dir):
    """The country's kabupaten/kota ranking writes provinsi as Indonesian tables do; every other name as it is."""
    path = real_dir / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
    if not path.exists():
        pytest.skip(f"the real code table is not at {path}")
    table = pd.read_csv(path, dtype=str)
    names = table.loc[table["level"].str.strip() == "provinsi", "nama"].str.strip().tolist()
    short = {n: short_name(n) for n in names}
    assert len(names) == 38
    assert short["Daerah Khusus Ibukota Jakarta"] == "DKI Jakarta"
    assert short["Daerah Istimewa Yogyakarta"] == "DI Yogyakarta"
    assert short["Kepulauan Bangka Belitung"] == "Kep. Bangka Belitung"
    assert short["Kepulauan Riau"] == "Kep. Riau"
    assert {n for n in names if short[n] != n} == {"Daerah Khusus Ibukota Jakarta", "Daerah Istimewa Yogyakarta",
                                                  "Kepulauan Bangka Belitung", "Kepulauan Riau"}
    assert max(map(len, short.values())) == len("Kep. Bangka Belitung")


def test_the_cli_gives_the_provinsi_of_the_country_and_the_country_is_its_default(store, store_url, capsys):
    """``coverage --level provinsi`` (no --within: the whole country) sums each provinsi's newest rows
    (Kota Satu's 9 November figures, Kabupaten Dua's of 16 November), named as the code table names it."""
    from geo.cli import main

    assert main(["coverage", "--level", "provinsi", "--format", "json", "--db", store_url]) == 0
    got = {r["kode"]: (r["nama"], r["wajib_ktp"], r["sudah_rekam"]) for r in json.loads(capsys.readouterr().out)}
    assert got == {"18": ("Lampung", 500, 450), "36": ("Banten", 1000, 900)}
    assert main(["coverage", "--level", "kabupaten", "--format", "json", "--db", store_url]) == 0
    assert [r["kode"] for r in json.loads(capsys.readouterr().out)] == ["18.09", "36.74"]


def test_every_kabupaten_name_has_a_short_form_for_the_sidebar(real_dir):
    """The sidebar's picker writes kabupaten/kota as Indonesian lists do ("Kab.", "Adm.", "Kep." as leading
    words only): of the 514, far fewer are longer than the picker shows (≈ 31 characters with the code)."""
    path = real_dir / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
    if not path.exists():
        pytest.skip(f"the real code table is not at {path}")
    table = pd.read_csv(path, dtype=str)
    kab = table[table["level"].str.strip() == "kabupaten"]
    names = dict(zip(kab["kode"].str.strip(), kab["nama"].str.strip()))
    short = {k: short_name(n) for k, n in names.items()}
    assert len(names) == 514
    assert short["31.01"] == "Kab. Adm. Kep. Seribu" and short["31.74"] == "Kota Adm. Jakarta Selatan"
    assert short["73.10"] == "Kab. Pangkajene dan Kepulauan"  # a word inside the name stays
    assert short["36.73"] == "Kota Serang" and short["36.04"] == "Kab. Serang"
    assert all(len(short[k]) < len(n) for k, n in names.items() if n.startswith("Kabupaten "))
    too_long = lambda shown: sum(len(f"{n} ({k})") > 31 for k, n in shown.items())  # noqa: E731
    assert too_long(short) * 5 < too_long(names)

"""A provinsi rolled up from its kabupaten/kota: counts summed, then the percent; its kabupaten/kota
ranked lowest coverage first with their change since the previous snapshot, and by their pace."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geo import fmt
from geo.columns import POIN_PER_MINGGU, STATUS, TANGGAL_PROYEKSI
from geo.coverage import area_totals, coverage_table, ranking, worst_first
from geo.present.trend import pace_columns
from geo.schema import Col
from geo.trend import projection_table, slowest_first
from tests.geo.tiny_kabupaten import tiny_store

# The tiny kabupaten 99.01 (3,500 wajib; 2,190 then 2,275 sudah) and a kota 99.02 of one desa.
KOTA = [("99.02", "Kota Dua", "kabupaten", "99", "kota", box(3, 0, 4, 1)),
        ("99.02.01", "Kec D", "kecamatan", "99.02", "kecamatan", box(3, 0, 4, 1)),
        ("99.02.01.1001", "Kel D1", "desa", "99.02.01", "kelurahan", box(3, 0, 4, 1))]


@pytest.fixture
def store(tmp_path):
    s = tiny_store(f"sqlite:///{tmp_path / 'rekam.sqlite'}")
    columns = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    s.add_areas(gpd.GeoDataFrame(pd.DataFrame(KOTA, columns=columns), geometry="geometry", crs="EPSG:4326"))
    for day, sudah in (("2025-12-29", 900), ("2026-01-05", 960)):
        s.add_enrollment(pd.DataFrame([{Col.KODE: "99.02.01.1001", Col.WAJIB: 1000, Col.SUDAH: sudah}]), tanggal=day)
    return s


def test_the_provinsi_sums_counts_then_takes_the_percent(store):
    now = area_totals(store, "99")
    assert (now[Col.WAJIB], now[Col.SUDAH], now[Col.BELUM]) == (4500, 3235, 1265)
    assert now[Col.CAKUPAN] == pytest.approx(100 * 3235 / 4500)  # not the mean of 65 % and 96 %
    table = coverage_table(store, "kabupaten", within="99")
    assert list(table[Col.KODE]) == ["99.01", "99.02"]
    assert list(table[Col.SUDAH]) == [2275, 960]


def test_ranking_is_lowest_coverage_first_with_the_change(store):
    ranked = ranking(store, "kabupaten", within="99")
    assert list(ranked[Col.KODE]) == ["99.01", "99.02"]
    assert ranked[Col.PERUBAHAN].tolist() == pytest.approx([100 * (2275 - 2190) / 3500, 6.0])
    one_date = ranking(store, "kabupaten", within="99", date="2025-12-29")
    assert one_date[Col.PERUBAHAN].isna().all()  # no earlier snapshot to compare with


def test_worst_first_puts_areas_without_data_last_and_breaks_ties_by_belum():
    table = pd.DataFrame({Col.KODE: ["a", "b", "c", "d"], Col.CAKUPAN: [np.nan, 50.0, 50.0, 40.0],
                          Col.BELUM: pd.array([None, 10, 30, 5], dtype="Int64")})
    assert list(worst_first(table)[Col.KODE]) == ["d", "c", "b", "a"]


def test_the_kabupaten_ranked_by_pace_slowest_first(store):
    """Coverage points per week from each kabupaten's own counts: 99.01 gained 85 of 3,500 in a week,
    99.02 60 of 1,000; the slower one first."""
    table = projection_table(store, "99", target_pct=92, deadline="2026-12-31", window_days=28)
    ranked = slowest_first(table)
    assert list(ranked[Col.KODE]) == ["99.01", "99.02"]
    assert ranked[POIN_PER_MINGGU].tolist() == pytest.approx([100 * 85 / 3500, 100 * 60 / 1000])
    assert pd.isna(ranked[TANGGAL_PROYEKSI].iloc[1])  # 96 % already: reached, last
    assert ranked[STATUS].tolist()[1] == "sudah_tercapai"


def test_slowest_first_puts_never_first_then_the_latest_date():
    table = pd.DataFrame({
        Col.KODE: ["a", "b", "c", "d", "e", "f"],
        STATUS: ["tercapai", "tidak_tercapai_pada_laju_ini", "terlambat", "sudah_tercapai", "satu_snapshot",
                 "tidak_tercapai_pada_laju_ini"],
        TANGGAL_PROYEKSI: ["2026-03-01", None, "2027-05-01", None, None, None],
        POIN_PER_MINGGU: [1.0, 0.0, 0.2, 0.5, np.nan, -0.3],
        Col.CAKUPAN: [80.0, 70.0, 60.0, 95.0, 50.0, 75.0]})
    assert list(slowest_first(table)[Col.KODE]) == ["f", "b", "c", "a", "e", "d"]


def test_pace_in_words_for_the_ranking(store):
    table = projection_table(store, "99", target_pct=92, deadline="2026-12-31", window_days=28)
    columns = pace_columns(table, ["99.02", "99.01", "99.03"], "id")
    assert columns["Naik per minggu"] == [fmt.signed(6.0, 2, suffix=" poin"),
                                          fmt.signed(100 * 85 / 3500, 2, suffix=" poin"), "–"]
    reached = table.set_index(Col.KODE).loc["99.01", TANGGAL_PROYEKSI]
    assert columns["Perkiraan tercapai"] == ["sudah tercapai", fmt.long_date(reached), "–"]

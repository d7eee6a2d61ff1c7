"""The country's sums of each date read from the database (``geo.store.sums``,
``geo.rollup.stored_sums_each_date``) equal the rule applied to every stored row, on SQLite and
PostgreSQL: offices reporting on different weekdays, a kabupaten skipping a week, a desa missing
from its office's file, a date imported twice (the newer version counts), a desa starting late."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import coverage, rollup, timeline
from geo.schema import COUNTRY, Col
from geo.store import Store
from geo.store import sums as stored
from geo.store.held import HeldLatest

reported = stored.reported_sums

MONDAYS = ["2026-01-05", "2026-01-12", "2026-01-19"]
THURSDAYS = ["2026-01-08", "2026-01-15", "2026-01-22"]
A1, A2, A3 = "31.71.01.1001", "31.71.01.1002", "31.71.02.1001"  # DKI, reports on Mondays
B1, B2 = "36.03.01.2001", "36.03.01.2002"  # Banten, Tangerang: Thursdays
C1 = "36.71.01.1001"  # Banten, Kota Tangerang: Mondays, skips the second week


def _week(codes: list[str], k: int, **extra) -> pd.DataFrame:
    wajib = [1000 + 100 * i for i, _ in enumerate(codes)]
    frame = pd.DataFrame({Col.KODE: codes, Col.WAJIB: wajib, Col.SUDAH: [w - 300 + 50 * k for w in wajib]})
    return frame.assign(**extra)


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    for k, (monday, thursday) in enumerate(zip(MONDAYS, THURSDAYS)):
        monday_codes = [A1, A3] + ([A2] if k != 1 else []) + ([C1] if k != 1 else [])  # A2 missing once
        s.add_enrollment(_week(monday_codes, k, **{Col.PEMULA: 40 + k}), tanggal=monday, file_name=f"m{k}", user="t")
        s.add_enrollment(_week([B1] + ([B2] if k else []), k), tanggal=thursday, file_name=f"t{k}", user="t")
    s.add_enrollment(_week([A1], 5), tanggal=MONDAYS[1], file_name="again", user="t")  # a corrected file
    yield s
    s.close()


def test_sums_read_from_the_database_equal_the_rule_on_every_row(store):
    rows = store.enrollment()
    for level in ("provinsi", "kabupaten"):
        for end in (None, THURSDAYS[0], MONDAYS[1], "2026-01-20"):
            kept = rows if end is None else rows[rows[Col.TANGGAL] <= end]
            pd.testing.assert_frame_equal(rollup.stored_sums_each_date(store, level, end=end),
                                          timeline.sums_each_date(kept, level))
    by_rows = timeline.series_from_rows(rows, COUNTRY, names=timeline._names(store, COUNTRY))
    pd.testing.assert_frame_equal(timeline.series(store, COUNTRY), by_rows)
    # the kabupaten/kota of the country (their provinsi rolled up from them, not summed again)
    by_rows = timeline.series_from_rows(rows, COUNTRY, "kabupaten", names=timeline._names(store, COUNTRY, "kabupaten"))
    pd.testing.assert_frame_equal(timeline.series(store, COUNTRY, "kabupaten"), by_rows)
    assert set(by_rows[Col.KODE]) == {COUNTRY, "31.71", "36.03", "36.71"}
    pd.testing.assert_frame_equal(timeline.area_over_time(store, COUNTRY), timeline._over_time(rows, COUNTRY))


def test_the_country_on_a_thursday_carries_the_mondays_figures(store):
    day = timeline.area_over_time(store, COUNTRY).set_index(Col.TANGGAL).loc[THURSDAYS[1]]
    # 15 January: A1 950 (12 January's corrected file), A3 850 (12 January), A2 900 and C1 1000 carried
    # from 5 January (missing from 12 January's file), B1 750 and B2 850 reported that day
    assert day[Col.SUDAH] == 950 + 850 + 900 + 1000 + 750 + 850
    assert day[Col.WAJIB] == 1000 + 1100 + 1200 + 1300 + 1000 + 1100
    assert day[timeline.N_SUMBER] == 6 and day[timeline.N_DIBAWA] == 4


def test_too_many_desa_read_one_by_one_or_rows_at_several_levels_read_every_row(store, monkeypatch):
    monkeypatch.setattr(stored, "MAX_LISTED_CODES", 0)  # A2 and C1 missed a week, A1 was imported twice
    assert rollup.stored_sums_each_date(store, "provinsi") is None
    monkeypatch.undo()
    store.add_enrollment(pd.DataFrame({Col.KODE: ["31.71.03"], Col.WAJIB: [500], Col.SUDAH: [400]}),
                         tanggal=MONDAYS[2], file_name="kecamatan", user="t")
    assert rollup.stored_sums_each_date(store, "provinsi") is None
    rows = store.enrollment()
    pd.testing.assert_frame_equal(timeline.series(store, COUNTRY),
                                  timeline.series_from_rows(rows, COUNTRY, names=timeline._names(store, COUNTRY)))


def test_the_country_held_for_its_pages_answers_as_the_store(store, monkeypatch):
    """``HeldLatest`` (the country's Beranda): the newest rows of any area at any date, the series of
    the provinsi and of the kabupaten/kota and the country's totals are the store's own, and every
    kabupaten/kota's dates are summed by the database once for all of them."""
    country = HeldLatest(store, keep=2)
    for end in (None, THURSDAYS[0], MONDAYS[1], "2026-01-20", "2025-12-31"):
        for within in (None, COUNTRY, "31", "36.03", B1, "99"):
            pd.testing.assert_frame_equal(country.enrollment(within=within, end=end, latest=True),
                                          store.enrollment(within=within, end=end, latest=True))
            assert country.snapshot_dates(within) == store.snapshot_dates(within)
    summed = []
    monkeypatch.setattr(stored, "reported_sums", lambda *a, **k: summed.append(1) or reported(*a, **k))
    for end in (None, THURSDAYS[0], MONDAYS[1], "2026-01-20"):
        for level in ("provinsi", "kabupaten"):
            pd.testing.assert_frame_equal(timeline.series(country, COUNTRY, level, end=end),
                                          timeline.series(store, COUNTRY, level, end=end))
        pd.testing.assert_frame_equal(timeline.area_over_time(country, COUNTRY, end=end),
                                      timeline.area_over_time(store, COUNTRY, end=end))
        assert coverage.area_totals(country, COUNTRY, date=end) == coverage.area_totals(store, COUNTRY, date=end)
    assert len(summed) == 1 + 4 * 3  # the held country once; the store every time


def test_the_held_country_cuts_each_dates_provinsi_and_kabupaten_from_its_sums(store, monkeypatch):
    """The country's Beranda at any date (its totals, the coverage of its provinsi and kabupaten/kota and
    their ranking) on the held country is the store's own — a desa recorded beyond its wajib KTP
    included (kelebihan rekam, n_di_atas_100) — with no desa row read: each date is a cut of every
    kabupaten/kota's dates summed once."""
    over = pd.DataFrame({Col.KODE: ["36.74.01.1001"], Col.WAJIB: [800], Col.SUDAH: [830]})
    store.add_enrollment(over, tanggal=MONDAYS[2], file_name="over", user="t")
    kabupaten = ["31.71", "36.03", "36.71", "36.74"]
    store.add_areas(gpd.GeoDataFrame({Col.KODE: kabupaten, Col.NAMA: [f"Kab {k}" for k in kabupaten],
                                      Col.LEVEL: "kabupaten", Col.KODE_INDUK: [k[:2] for k in kabupaten],
                                      Col.TIPE: "kabupaten"},
                                     geometry=[box(i, 0, i + 1, 1) for i in range(len(kabupaten))], crs="EPSG:4326"))
    country = HeldLatest(store)
    read = []
    monkeypatch.setattr(HeldLatest, "_rows_at", lambda self, end: read.append(end) or store.enrollment(end=end, latest=True))
    for end in (None, THURSDAYS[0], MONDAYS[1], "2026-01-20", MONDAYS[2]):
        for level in ("provinsi", "kabupaten"):
            pd.testing.assert_frame_equal(coverage.coverage_table(country, level, within=COUNTRY, date=end),
                                          coverage.coverage_table(store, level, within=COUNTRY, date=end))
            pd.testing.assert_frame_equal(coverage.country_ranking(country, level, date=end),
                                          coverage.country_ranking(store, level, date=end))
        assert coverage.area_totals(country, COUNTRY, date=end) == coverage.area_totals(store, COUNTRY, date=end)
    assert read == []
    now, before = coverage.area_totals(country, COUNTRY), coverage.area_totals(country, COUNTRY, date=MONDAYS[1])
    assert (now[Col.KELEBIHAN], now[Col.N_DI_ATAS_100], before[Col.N_DI_ATAS_100]) == (30, 1, 0)
    kota = coverage.coverage_table(country, "kabupaten", within=COUNTRY).set_index(Col.KODE).loc["36.74"]
    assert (kota[Col.BELUM], kota[Col.KELEBIHAN], kota[Col.N_DI_ATAS_100], kota[Col.DI_ATAS_100]) == (0, 30, 1, True)
    assert list(coverage.country_ranking(country, "provinsi")[Col.KODE]) == ["31", "36"]  # DKI is behind
    # before any data: nothing to cut, the store answers (an empty day)
    assert coverage.area_totals(country, COUNTRY, date="2025-12-31") == coverage.area_totals(store, COUNTRY,
                                                                                             date="2025-12-31")

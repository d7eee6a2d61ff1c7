"""Trends and projections: rates, target dates and required rates checked against hand arithmetic."""
from __future__ import annotations

import json
import math
from datetime import date, timedelta

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import cli, columns, fmt, timeline, trend
from geo.coverage import area_totals
from geo.io.events import EVENT_COLUMNS, read_events
from geo.present import trend as trend_words
from geo.render import trend_charts
from geo.schema import COUNT_COLUMNS, Col, RekamError, ZoneConfig
from geo.config import Settings
from geo.store import Store
from geo.trend import Status
from geo.fmt import long_date
from geo.text import describe, tr
from tests.pages.pages_run import styled_text

T0 = date(2026, 1, 1)


def _series(points, kode="99.01"):
    """One area's series from (day offset from T0, wajib, sudah)."""
    return pd.DataFrame({
        Col.KODE: kode,
        Col.TANGGAL: [(T0 + timedelta(days=d)).isoformat() for d, _, _ in points],
        Col.WAJIB: pd.array([w for _, w, _ in points], dtype="Int64"),
        Col.SUDAH: pd.array([s for _, _, s in points], dtype="Int64"),
    })


def _day(offset: int) -> str:
    return (T0 + timedelta(days=offset)).isoformat()


# --- projection on constructed series --------------------------------------------------------
def test_already_at_target():
    s = _series([(0, 1000, 900), (30, 1000, 960)])  # 2 per day; 96% ≥ 92%
    p = trend.projection(s, target_pct=92, deadline=_day(60))
    assert p[columns.STATUS] == Status.SUDAH_TERCAPAI
    assert p[columns.LAJU] == 2.0
    assert p[Col.CAKUPAN] == 96.0
    assert p[columns.TANGGAL_PROYEKSI] is None
    assert p[columns.LAJU_DIBUTUHKAN] == 0  # (920 − 960)/30 < 0: nothing more needed
    assert p[columns.TEPAT_WAKTU] is True


def test_target_date_and_required_rate_exact():
    s = _series([(0, 1000, 900), (30, 1000, 960)])
    # 99% of 1000 = 990; (990 − 960) / 2 per day = 15 days after the last snapshot (day 30).
    p = trend.projection(s, target_pct=99, deadline=_day(60))
    assert p[columns.STATUS] == Status.TERCAPAI
    assert p[columns.HARI_KE_TARGET] == 15
    assert p[columns.TANGGAL_PROYEKSI] == _day(45) == "2026-02-15"
    assert p[columns.LAJU_DIBUTUHKAN] == 1  # 30 missing over 30 days left
    assert p[columns.TEPAT_WAKTU] is True
    late = trend.projection(s, target_pct=99, deadline=_day(40))
    assert late[columns.LAJU_DIBUTUHKAN] == 3  # 30 missing over 10 days
    assert late[columns.TEPAT_WAKTU] is False
    # A fractional day rounds up: 31 missing at 2 per day = 15.5 → day 16.
    assert trend.projection(s, target_pct=99.1, deadline=_day(60))[columns.HARI_KE_TARGET] == 16


def test_growing_denominator_moves_the_target():
    # sudah 800 → 860 (2/day), wajib 1000 → 1030 (1/day) over 30 days.
    s = _series([(0, 1000, 800), (30, 1030, 860)])
    p = trend.projection(s, target_pct=90, deadline=_day(80))
    gap = 0.9 * 1030 - 860  # 67
    days = math.ceil(gap / (2 - 0.9 * 1))  # 67 / 1.1 = 60.9 → 61, not 67 / 2 = 34
    assert p[columns.PERTUMBUHAN_WAJIB] == 1.0
    assert p[columns.HARI_KE_TARGET] == days == 61
    assert p[columns.TANGGAL_PROYEKSI] == _day(30 + 61)
    assert p[columns.TEPAT_WAKTU] is False  # day 91 > day 80
    # 50 days left: 67/50 + 0.9 (to keep up with new wajib) = 2.24 → 3 per day.
    assert p[columns.LAJU_DIBUTUHKAN] == math.ceil(gap / 50 + 0.9) == 3


@pytest.mark.parametrize("points", [
    [(0, 1000, 800), (30, 1040, 830)],  # 1/day against 0.9 × 4/3 = 1.2/day of new wajib
    [(0, 1000, 800), (30, 1000, 800)],  # no recording at all (broken device)
    [(0, 1000, 800), (30, 1000, 790)],  # a correction: the count went down
])
def test_rate_not_above_growth_is_never(points):
    p = trend.projection(_series(points), target_pct=90, deadline=_day(60))
    assert p[columns.STATUS] == Status.TIDAK_TERCAPAI
    assert p[columns.TANGGAL_PROYEKSI] is None
    assert p[columns.TEPAT_WAKTU] is False
    assert p[columns.LAJU_DIBUTUHKAN] > 0


def test_single_snapshot_has_no_trend_but_a_required_rate():
    p = trend.projection(_series([(0, 1000, 900)]), target_pct=92, deadline=_day(10))
    assert p[columns.STATUS] == Status.SATU_SNAPSHOT
    assert p[columns.LAJU] is None and p[columns.TANGGAL_PROYEKSI] is None
    assert p[columns.LAJU_DIBUTUHKAN] == 2  # 20 missing over 10 days
    assert trend_words.status_label(p[columns.STATUS]) == "baru satu data: belum ada tren"
    reached = trend.projection(_series([(0, 1000, 950)]), target_pct=92, deadline=_day(10))
    assert reached[columns.STATUS] == Status.SUDAH_TERCAPAI


@pytest.mark.parametrize("points", [[], [(0, 0, 0)], [(0, None, 5)]])
def test_no_usable_data(points):
    frame = _series(points) if points else pd.DataFrame(columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH])
    p = trend.projection(frame, target_pct=92, deadline=_day(10))
    assert p[columns.STATUS] == Status.DATA_KURANG
    assert p[columns.LAJU_DIBUTUHKAN] is None


def test_window_uses_recent_snapshots_only():
    # Fast start, slow lately: the last 28 days (day 30 → 58) count, not the early sprint.
    s = _series([(0, 1000, 100), (30, 1000, 700), (44, 1000, 710), (58, 1000, 720)])
    p = trend.projection(s, target_pct=80, deadline=_day(120), window_days=28)
    assert p[columns.LAJU] == pytest.approx(20 / 28)
    assert (p[columns.JENDELA_AWAL], p[columns.JENDELA_HARI], p[columns.N_INTERVAL]) == (_day(30), 28, 2)
    assert p[columns.HARI_KE_TARGET] == math.ceil(80 / (20 / 28))  # 112
    wide = trend.projection(s, target_pct=80, deadline=_day(120), window_days=60)
    assert wide[columns.LAJU] == pytest.approx(620 / 58)


def test_gap_longer_than_window_uses_the_snapshot_before_it():
    s = _series([(0, 1000, 800), (60, 1000, 860)])
    p = trend.projection(s, target_pct=90, deadline=_day(120), window_days=28)
    assert p[columns.LAJU] == 1.0 and p[columns.JENDELA_HARI] == 60


def test_as_of_ignores_later_snapshots():
    s = _series([(0, 1000, 900), (30, 1000, 960), (37, 1000, 999)])
    p = trend.projection(s, target_pct=99, deadline=_day(60), as_of=_day(30))
    assert p[Col.TANGGAL] == _day(30) and p[columns.TANGGAL_PROYEKSI] == _day(45)


def test_uncertainty_band_from_interval_rates():
    # Three weeks at 1, 2 and 3 per day: rate 2, standard error 1/√3 (sample sd 1, n 3).
    s = _series([(0, 1000, 100), (7, 1000, 107), (14, 1000, 121), (21, 1000, 142)])
    p = trend.projection(s, target_pct=15, deadline=_day(60))
    se = 1 / math.sqrt(3)
    assert p[columns.LAJU] == 2.0
    assert p[columns.LAJU_GALAT] == pytest.approx(se)
    # 8 missing: 4 days at 2/day; 8/2.577 = 3.1 → 4 days; 8/1.423 = 5.6 → 6 days.
    assert p[columns.TANGGAL_PROYEKSI] == _day(25)
    assert p[columns.TANGGAL_PROYEKSI_AWAL] == _day(21 + math.ceil(8 / (2 + se)))
    assert p[columns.TANGGAL_PROYEKSI_AKHIR] == _day(21 + math.ceil(8 / (2 - se))) == _day(27)


def test_uncertainty_weights_interval_length():
    # 7 days at 3/day then 14 days at 0/day: weights 1/3, 2/3; mean 1; Kish n = 1.8;
    # variance = (1/3·4 + 2/3·1) · 1.8/0.8 = 4.5; standard error = √(4.5/1.8) = √2.5.
    s = _series([(0, 1000, 100), (7, 1000, 121), (21, 1000, 121)])
    p = trend.projection(s, target_pct=50, deadline=_day(60))
    assert p[columns.LAJU] == 1.0
    assert p[columns.LAJU_GALAT] == pytest.approx(math.sqrt(2.5))
    assert p[columns.TANGGAL_PROYEKSI_AKHIR] is None  # at 1 − 1.58 per day: never


def test_one_interval_gives_no_band():
    p = trend.projection(_series([(0, 1000, 900), (30, 1000, 960)]), target_pct=99, deadline=_day(60))
    assert p[columns.LAJU_GALAT] is None
    assert p[columns.TANGGAL_PROYEKSI_AWAL] is None and p[columns.TANGGAL_PROYEKSI_AKHIR] is None


@pytest.mark.parametrize(("kwargs", "key"), [
    ({"target_pct": "sembilan"}, "tren_target_salah"),
    ({"target_pct": 0}, "tren_target_salah"),
    ({"target_pct": 101}, "tren_target_salah"),
    ({"deadline": "2026-31-12"}, "tanggal_salah"),
    ({"window_days": 0}, "tren_jendela_salah"),
    ({"window_days": "2,5"}, "tren_jendela_salah"),
])
def test_bad_input_raises_typed_error(kwargs, key):
    args = {"target_pct": 92, "deadline": "2026-12-31", "window_days": 28, **kwargs}
    with pytest.raises(RekamError) as err:
        trend.projection(_series([(0, 1000, 900)]), **args)
    assert err.value.key == key
    assert key not in describe(err.value)  # a registered Indonesian message


def test_target_written_the_indonesian_way():
    assert trend.parse_target("92,5") == 92.5
    assert trend.parse_target("95%") == 95.0


def test_projection_refuses_several_areas():
    two = pd.concat([_series([(0, 1000, 900)]), _series([(0, 1000, 900)], kode="99.02")])
    with pytest.raises(ValueError, match="one area"):
        trend.projection(two, target_pct=92, deadline=_day(10))


# --- recordings per interval ---------------------------------------------------------------------
def test_weekly_recordings_normalise_irregular_intervals_and_flag_corrections():
    s = pd.concat([
        _series([(0, 1000, 100), (7, 1000, 170), (17, 1000, 220), (24, 1000, 215)]),
        _series([(0, 500, 50), (7, 500, 57)], kode="99.02"),
    ])
    w = timeline.weekly_recordings(s)
    a = w[w[Col.KODE] == "99.01"]
    assert list(a[columns.HARI]) == [7, 10, 7]
    assert list(a[columns.REKAM_BARU]) == [70, 50, -5]
    assert list(a[columns.REKAM_PER_HARI]) == [10.0, 5.0, -5 / 7]
    assert list(a[columns.REKAM_PER_MINGGU]) == pytest.approx([70.0, 35.0, -5.0])
    assert list(a[columns.KOREKSI]) == [False, False, True]  # shown, not hidden
    assert list(a[columns.TANGGAL_AWAL]) == [_day(0), _day(7), _day(17)]
    b = w[w[Col.KODE] == "99.02"]  # a new area starts a new series: no diff across areas
    assert list(b[columns.REKAM_BARU]) == [7] and list(b[columns.TANGGAL_AWAL]) == [_day(0)]


# --- series from stored rows -----------------------------------------------------------------
def _rows(records):
    """Stored rows from (kode, tanggal, wajib, sudah)."""
    frame = pd.DataFrame(records, columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH])
    for c in COUNT_COLUMNS:
        frame[c] = pd.array(frame[c] if c in frame else [None] * len(frame), dtype="Int64")
    return frame


def test_series_sums_counts_per_date_and_carries_late_desa_forward():
    rows = _rows([
        ("99.01.01.2001", "2026-01-05", 1000, 900), ("99.01.01.1002", "2026-01-05", 500, 470),
        ("99.01.02.2001", "2026-01-05", 250, 200),
        ("99.01.01.2001", "2026-01-12", 1000, 925), ("99.01.01.1002", "2026-01-12", 500, 480),
        # 99.01.02.2001 (the island) has not reported on 2026-01-12; it arrives on the 15th.
        ("99.01.02.2001", "2026-01-15", 250, 230),
    ])
    s = timeline.series_from_rows(rows, "99.01", "kecamatan")
    kab = s[s[Col.KODE] == "99.01"].set_index(Col.TANGGAL)
    assert list(kab.index) == ["2026-01-05", "2026-01-12", "2026-01-15"]
    # On the 12th the island's 5 January counts are carried: no fake drop in the total.
    assert (kab.loc["2026-01-12", Col.WAJIB], kab.loc["2026-01-12", Col.SUDAH]) == (1750, 1605)
    assert kab.loc["2026-01-12", columns.N_DIBAWA] == 1
    assert (kab.loc["2026-01-15", Col.SUDAH], kab.loc["2026-01-15", columns.N_DIBAWA]) == (1635, 2)
    assert kab.loc["2026-01-15", Col.CAKUPAN] == pytest.approx(100 * 1635 / 1750)
    # Each kecamatan has its own report dates only.
    kec_a = s[s[Col.KODE] == "99.01.01"]
    assert list(kec_a[Col.TANGGAL]) == ["2026-01-05", "2026-01-12"]
    assert list(kec_a[Col.SUDAH]) == [1370, 1405]
    assert list(kec_a[Col.CAKUPAN]) == pytest.approx([100 * 1370 / 1500, 100 * 1405 / 1500])  # not a mean of %
    assert list(s[s[Col.KODE] == "99.01.02"][Col.TANGGAL]) == ["2026-01-05", "2026-01-15"]
    assert s[Col.KODE].iloc[0] == "99.01"


def test_series_start_keeps_carry_forward_from_earlier_rows():
    rows = _rows([
        ("99.01.01.2001", "2026-01-05", 100, 50), ("99.01.02.2001", "2026-01-05", 100, 60),
        ("99.01.01.2001", "2026-01-12", 100, 55),
    ])
    s = timeline.series_from_rows(rows, "99.01", "kecamatan", start="2026-01-10")
    kab = s[s[Col.KODE] == "99.01"]
    assert list(kab[Col.TANGGAL]) == ["2026-01-12"] and list(kab[Col.SUDAH]) == [115]


def test_series_new_desa_changes_sources_and_is_flagged():
    rows = _rows([
        ("99.01.01.2001", "2026-01-05", 100, 50),
        ("99.01.01.2001", "2026-01-12", 100, 55), ("99.01.01.1002", "2026-01-12", 40, 30),
    ])
    s = timeline.series_from_rows(rows, "99.01", "kecamatan")
    assert list(s[s[Col.KODE] == "99.01"][columns.N_SUMBER]) == [1, 2]
    w = timeline.weekly_recordings(s)
    assert list(w[w[Col.KODE] == "99.01"][columns.SUMBER_BERUBAH]) == [True]


def test_series_uses_a_kecamatan_row_where_its_desa_have_none():
    rows = _rows([("99.01.01.2001", "2026-01-05", 100, 50), ("99.01.02", "2026-01-05", 300, 240)])
    s = timeline.series_from_rows(rows, "99.01", "kecamatan").set_index(Col.KODE)
    assert s.loc["99.01", Col.SUDAH] == 290
    assert s.loc["99.01.02", Col.WAJIB] == 300


def test_series_level_must_be_below_within():
    with pytest.raises(RekamError) as err:
        timeline.series_from_rows(_rows([]), "99.01.01", "kecamatan")
    assert err.value.key == "tren_tingkat_salah"


def test_codes_without_dots_are_understood():
    assert timeline.check_area("9901") == "99.01"
    assert timeline.check_area("9901012001") == "99.01.01.2001"
    assert timeline.check_area("ID") == "ID"  # the whole country (geo.schema.COUNTRY)
    with pytest.raises(RekamError, match="tren_kode_salah"):
        timeline.check_area("99-01")


# --- store-backed: projection_table and the CLI -----------------------------------------------
def _areas():
    rows = [
        ("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 4, 1)),
        ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(0, 0, 2, 1)),
        ("99.01.02", "Kec Pulau", "kecamatan", "99.01", "kecamatan", box(2, 0, 3, 1)),
        ("99.01.03", "Kec Kosong", "kecamatan", "99.01", "kecamatan", box(3, 0, 4, 1)),
        ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", box(0, 0, 1, 1)),
        ("99.01.01.1002", "Kel A2", "desa", "99.01.01", "kelurahan", box(1, 0, 2, 1)),
        ("99.01.02.2001", "Desa P1", "desa", "99.01.02", "desa", box(2, 0, 3, 1)),
    ]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


def _snapshot(kodes, wajib, sudah):
    return pd.DataFrame({Col.KODE: kodes, Col.WAJIB: wajib, Col.SUDAH: sudah})


@pytest.fixture
def filled_store(store_url):
    store = Store.open(store_url)
    store.add_areas(_areas())
    desa = ["99.01.01.2001", "99.01.01.1002", "99.01.02.2001"]
    store.add_enrollment(_snapshot(desa, [1000, 500, 250], [900, 450, 200]), tanggal="2026-01-05")
    store.add_enrollment(_snapshot(desa, [1000, 530, 250], [960, 480, 200]), tanggal="2026-02-04")
    store.add_enrollment(_snapshot(["99.01.02.2001"], [250], [207]), tanggal="2026-02-11")  # the island, late
    yield store
    store.close()


# Hand numbers for the store above, target 97%, deadline 2026-03-06:
# Kec A: wajib 1500 → 1530 (1/day), sudah 1350 → 1440 (3/day) over 30 days; cakupan 94.12%.
#   gap 0.97·1530 − 1440 = 44.1; 44.1 / (3 − 0.97) = 21.7 → 22 days → 2026-02-26;
#   needed: 44.1 / 30 + 0.97 = 2.44 → 3 per day.
# Kec Pulau: 200, 200, 207 on 5 Jan, 4 Feb, 11 Feb; the 28-day window from 11 Feb holds
#   4 Feb and 11 Feb: 7 in 7 days = 1/day; gap 242.5 − 207 = 35.5 → 36 days → 2026-03-19;
#   needed: 35.5 / 23 = 1.54 → 2 per day.
# Kec Kosong: no data.
def test_projection_table_from_store(filled_store):
    table = trend.projection_table(filled_store, "99.01", "kecamatan", target_pct=97, deadline="2026-03-06")
    assert list(table[Col.KODE]) == ["99.01.01", "99.01.02", "99.01.03"]
    a, pulau, kosong = (table.iloc[i] for i in range(3))
    assert a[Col.NAMA] == "Kec A"
    assert a[Col.CAKUPAN] == pytest.approx(100 * 1440 / 1530)
    assert a[columns.LAJU] == 3.0
    assert (a[columns.STATUS], a[columns.TANGGAL_PROYEKSI], a[columns.LAJU_DIBUTUHKAN]) == ("tercapai", "2026-02-26", 3)
    assert pulau[columns.LAJU] == 1.0
    assert (pulau[columns.TANGGAL_PROYEKSI], pulau[columns.LAJU_DIBUTUHKAN]) == ("2026-03-19", 2)
    assert not pulau[columns.TEPAT_WAKTU]
    assert kosong[columns.STATUS] == "data_kurang" and kosong[Col.NAMA] == "Kec Kosong"
    # Default target = hijau (92%): Kec A is already there and goes last.
    default = trend.projection_table(filled_store, "99.01", deadline="2026-03-06",
                                     settings=Settings(zones=ZoneConfig()))
    assert list(default[columns.STATUS]) == ["tercapai", "data_kurang", "sudah_tercapai"]


def test_store_series_carries_the_kecamatan_forward_for_the_late_island(filled_store):
    s = timeline.series(filled_store, "99.01", "kecamatan")
    kab = s[s[Col.KODE] == "99.01"].set_index(Col.TANGGAL)
    assert kab.loc["2026-02-11", Col.SUDAH] == 1440 + 207
    assert kab.loc["2026-02-11", columns.N_DIBAWA] == 2
    assert list(s[s[Col.KODE] == "99.01.01"][Col.TANGGAL]) == ["2026-01-05", "2026-02-04"]
    assert kab.loc["2026-02-11", Col.NAMA] == "Kabupaten Uji"


def test_store_series_agrees_with_coverage_on_every_date(filled_store):
    # The series is "data as of each date", the same rule as the coverage table on that date.
    s = timeline.series(filled_store, "99.01", "kecamatan")
    for _, row in s.iterrows():
        totals = area_totals(filled_store, row[Col.KODE], date=row[Col.TANGGAL])
        assert (row[Col.WAJIB], row[Col.SUDAH]) == (totals[Col.WAJIB], totals[Col.SUDAH])


def _cli(monkeypatch, capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_trend_json(filled_store, store_url, monkeypatch, capsys):
    code, out, _ = _cli(monkeypatch, capsys, "trend", "--within", "99.01", "--target", "97",
                        "--deadline", "2026-03-06", "--format", "json", "--db", store_url)
    assert code == 0
    rows = json.loads(out)
    # slowest first, as the Tren page: the latest projected day first (after the deadline: late), no trend last
    assert [r["kode"] for r in rows] == ["99.01.02", "99.01.01", "99.01.03"]
    rows = [rows[1], rows[0], rows[2]]
    assert set(rows[0]) == {"kode", "nama", "cakupan", "laju_per_hari", "tanggal_proyeksi", "status",
                            "laju_dibutuhkan"}
    assert rows[0] == {"kode": "99.01.01", "nama": "Kec A", "cakupan": round(100 * 1440 / 1530, 2),
                       "laju_per_hari": 3.0, "tanggal_proyeksi": "2026-02-26", "status": "tercapai",
                       "laju_dibutuhkan": 3}
    assert (rows[1]["laju_per_hari"], rows[1]["tanggal_proyeksi"], rows[1]["laju_dibutuhkan"], rows[1]["status"]) == (
        1.0, "2026-03-19", 2, "terlambat")
    assert rows[2]["status"] == "data_kurang" and rows[2]["tanggal_proyeksi"] is None


def test_cli_trend_table_in_indonesian(filled_store, store_url, monkeypatch, capsys):
    code, out, _ = _cli(monkeypatch, capsys, "trend", "--within", "9901", "--level", "desa", "--target", "97",
                        "--deadline", "2026-03-06", "--db", store_url)
    assert code == 0
    # Kel A2 reaches 97% only in 2029, long after the 2026-03-06 deadline: late, never "tercapai"
    assert "2029-03-17   terlambat pada laju ini" in out and "tercapai pada laju ini" not in out
    assert "96,00%" in out  # Desa A1: 960 of 1000


def test_cli_trend_defaults_to_the_target_in_force_as_the_page(filled_store, store_url, monkeypatch, capsys,
                                                                tmp_path):
    """Without --target and --deadline the CLI projects against what the Tren page opens with: the
    configured hijau threshold by 31 December of the data's year, then the target in force for the area
    once the office has one (95% for this year)."""
    from geo.config import load_settings

    def rows(*extra):
        code, out, err = _cli(monkeypatch, capsys, "trend", "--within", "99.01", *extra, "--format", "json",
                              "--db", store_url)
        assert code == 0, err
        return json.loads(out)

    hijau = load_settings().zones.hijau
    assert rows() == rows("--target", str(hijau), "--deadline", "2026-12-31")  # the data are of 2026
    year = date.today().year
    targets = tmp_path / "target.csv"
    targets.write_text(f"kode,tahun,target_persen\n99.01,{year},95\n", encoding="utf-8")
    assert cli.main(["import-targets", str(targets), "--db", store_url]) == 0
    capsys.readouterr()
    assert rows() == rows("--target", "95", "--deadline", f"{year}-12-31") != rows("--target", str(hijau))


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--deadline", "2026/03/06", "TTTT-BB-HH"),
    ("--target", "hijau", "persen"),
    ("--window", "0", "bilangan bulat"),
])
def test_cli_trend_refuses_bad_input(store_url, monkeypatch, capsys, option, value, words):
    argv = {"--deadline": "2026-03-06", "--target": "97", "--window": "28", option: value}
    args = [part for pair in argv.items() for part in pair]
    code, out, err = _cli(monkeypatch, capsys, "trend", "--within", "99.01", *args, "--db", store_url)
    assert code == 1
    assert words in err and "Traceback" not in err and out == ""


# --- events ------------------------------------------------------------------------------------
def _events():
    return pd.DataFrame({
        columns.MULAI: ["2026-01-10", "2026-01-15", "2026-01-20", "2026-01-08"],
        columns.SELESAI: ["2026-01-11", "", "2026-01-22", "2026-01-09"],
        Col.KODE: ["99.01.01.2001", "99.01", "99.01.02", "99.01.01"],
        columns.JENIS: ["layanan_akhir_pekan", "jaringan_putus", "alat_rusak", "jemput_bola"],
        columns.KETERANGAN: ["Sabtu–Minggu di balai desa", "kabel putus", "kamera rusak", "ke pesantren"],
    })


def test_events_for_area_its_ancestors_and_descendants():
    got = trend.events_for(_events(), "99.01.01")
    assert list(got[Col.KODE]) == ["99.01.01", "99.01.01.2001", "99.01"]  # by start date
    assert list(got[columns.HUBUNGAN]) == ["wilayah_ini", "bagian_wilayah", "wilayah_induk"]
    assert got.set_index(Col.KODE).loc["99.01", columns.SELESAI] == "2026-01-15"  # one-day event
    assert trend_words.event_label("alat_rusak") == "Alat rusak"


def test_read_events(tmp_path):
    path = tmp_path / "peristiwa.csv"
    _events().to_csv(path, index=False)
    got = read_events(path)
    assert list(got.columns) == list(EVENT_COLUMNS) and got[Col.KODE].iloc[3] == "99.01.01"
    _events().drop(columns=[columns.JENIS]).to_csv(path, index=False)
    with pytest.raises(RekamError) as err:
        read_events(path)
    assert err.value.key == "peristiwa_kolom_kurang" and "jenis" in describe(err.value)


# --- figures -----------------------------------------------------------------------------------
SETTINGS = Settings(zones=ZoneConfig(hijau=95.0, kuning=80.0), source_name="Disdukcapil Uji")


def _chart_series():
    rows = _rows([
        ("99.01.01.2001", "2026-01-05", 1000, 850), ("99.01.02.2001", "2026-01-05", 400, 300),
        ("99.01.01.2001", "2026-01-12", 1000, 925), ("99.01.02.2001", "2026-01-12", 400, 330),
    ])
    names = pd.DataFrame({Col.KODE: ["99.01", "99.01.01", "99.01.02"], Col.NAMA: ["Kab", "Kec A", "Kec B"]})
    return timeline.series_from_rows(rows, "99.01", "kecamatan", names=names)


def test_coverage_lines_values_zones_and_events():
    fig = trend_charts.coverage_lines(_chart_series(), SETTINGS, "id",
                                      events=trend.events_for(_events(), "99.01.01"))
    lines = [t for t in fig.data if t.meta["jenis"] == "cakupan"]
    assert [t.meta["kode"] for t in lines] == ["99.01", "99.01.01", "99.01.02"]  # the whole area first
    assert list(lines[0].y) == pytest.approx([100 * 1150 / 1400, 100 * 1255 / 1400])
    assert list(lines[1].y) == pytest.approx([85.0, 92.5])
    assert list(lines[2].y) == pytest.approx([75.0, 82.5])
    assert lines[1].name == "Kec A (99.01.01)"
    assert "92,50%" in lines[1].customdata[1][0] and "1.000" in lines[1].customdata[1][0]
    zones = {s.name: (s.y0, s.y1) for s in fig.layout.shapes if s.legendgroup == "zona"}
    y_lo, y_hi = fig.layout.yaxis.range
    assert zones == {"Zona hijau: ≥ 95%": (95.0, y_hi), "Zona kuning: 80% – < 95%": (80.0, 95.0),
                     "Zona merah: < 80%": (y_lo, 80.0)}
    assert y_lo <= 75.0 and y_hi >= 100.0
    assert fig.layout.separators == ",."
    events = [s for s in fig.layout.shapes if s.legendgroup != "zona"]
    assert sorted((s.x0, s.x1) for s in events) == [("2026-01-08", "2026-01-10"), ("2026-01-10", "2026-01-12"),
                                                   ("2026-01-15", "2026-01-16")]
    labels = {a.text for a in fig.layout.annotations} | {t.name for t in fig.data if (t.meta or {}).get("jenis") == "peristiwa"}
    assert {"Jemput bola", "Layanan akhir pekan", "Jaringan putus", "Sumber: Disdukcapil Uji"} <= labels
    assert fig.layout.xaxis.ticktext[0] == "5 Jan<br>2026"  # weekly over a short span, the month in Indonesian
    english = trend_charts.coverage_lines(_chart_series(), SETTINGS, "en")
    assert english.layout.separators == ".," and "Green zone: ≥ 95%" in {s.name for s in english.layout.shapes}


def test_coverage_lines_with_projection():
    s = _chart_series()
    p = trend.projection(s[s[Col.KODE] == "99.01"], target_pct=95, deadline="2026-06-30")
    fig = trend_charts.coverage_lines(s, SETTINGS, projection=p)
    segment = next(t for t in fig.data if t.meta["jenis"] == "proyeksi")
    assert list(segment.x) == ["2026-01-12", p[columns.TANGGAL_PROYEKSI]]
    assert list(segment.y) == pytest.approx([100 * 1255 / 1400, 95.0])
    assert any(sh.type == "line" and sh.y0 == 95 for sh in fig.layout.shapes)  # the target line


def test_recordings_bars_mark_weekend_service_and_corrections():
    s = _series([(0, 1000, 100), (7, 1000, 170), (17, 1000, 220), (24, 1000, 215)], kode="99.01.01")
    weekly = timeline.weekly_recordings(s)
    events = trend.events_for(_events(), "99.01.01")  # weekend service on 10–11 Jan: the 2nd interval
    fig = trend_charts.recordings_bars(weekly, events, SETTINGS)
    by_kind = {t.meta["jenis"]: t for t in fig.data}
    assert list(by_kind["biasa"].y) == [70.0]
    assert list(by_kind["akhir_pekan"].y) == [35.0]  # 50 in 10 days, as a 7-day week
    assert list(by_kind["koreksi"].y) == pytest.approx([-5.0])
    assert by_kind["akhir_pekan"].name == "Minggu dengan layanan akhir pekan"
    assert list(by_kind["akhir_pekan"].width) == [10 * 86_400_000 * 0.9]  # the bar spans its 10 days
    assert fig.layout.separators == ",."
    axis = fig.layout.yaxis
    assert axis.tickvals[0] <= -5.0 and axis.tickvals[-1] >= 70.0  # the correction and the busiest week on it
    assert list(axis.ticktext) == [fmt.number(v) for v in axis.tickvals]  # as counts are written: 50.000, never 50k


def test_a_nations_weekly_recordings_read_in_indonesian_numbers():
    """The country's weeks (tens of thousands a week) drawn as the PNG a user downloads: the axis reads
    50.000 (Indonesian thousands), never plotly's 50k."""
    import re

    from geo.render.images import to_image

    s = _series([(0, 5_000_000, 4_000_000), (7, 5_000_000, 4_050_000)], kode="99.01.01")
    svg = to_image(trend_charts.recordings_bars(timeline.weekly_recordings(s), None, SETTINGS), "svg").decode()
    ticks = re.findall(r'<g class="ytick">.*?<text[^>]*>([^<]*)</text>', svg)
    assert "50.000" in ticks and not any(t.endswith("k") for t in ticks)


def test_close_events_of_one_kind_are_one_band():
    visits = pd.DataFrame({
        columns.MULAI: ["2026-07-13", "2026-07-17", "2026-09-01"], columns.SELESAI: ["", "", ""],
        Col.KODE: ["99.01.01.2001", "99.01.01.1002", "99.01.01.2001"],
        columns.JENIS: ["kampanye_sekolah"] * 3, columns.KETERANGAN: ["SMA 1", "SMK 1", "MA 2"],
    })
    fig = trend_charts.coverage_lines(_chart_series(), SETTINGS, events=visits)
    bands = sorted((s.x0, s.x1) for s in fig.layout.shapes if s.legendgroup != "zona")
    assert bands == [("2026-07-13", "2026-07-18"), ("2026-09-01", "2026-09-02")]
    (marks,) = [t for t in fig.data if (t.meta or {}).get("jenis") == "peristiwa"]  # one legend entry for the kind
    assert marks.name == "Perekaman di sekolah" and list(marks.x) == ["2026-07-13", "2026-09-01"]
    assert marks.hovertext[0] == "<b>Perekaman di sekolah (2)</b><br>13 Juli 2026 – 18 Juli 2026<br>SMA 1<br>SMK 1"
    assert marks.hovertext[1].startswith("<b>Perekaman di sekolah</b><br>1 September 2026")


# --- the verdict a bupati reads: late, on time, or old data — never a past date as the future ----
def test_late_on_time_and_old_data_verdicts():
    from datetime import date

    from geo.present.trend import stale_advice, stale_warning, verdict

    s = _series([(0, 1000, 850), (30, 1000, 880)])  # +1 a day: 92% (920) on day 70
    seen = lambda offset: date.fromisoformat(_day(offset))  # noqa: E731
    on_time = trend.projection(s, target_pct=92, deadline=_day(80), today=seen(31))
    assert (on_time[trend.STATUS], on_time[columns.TERLAMBAT_HARI]) == ("tercapai", 0)
    assert verdict(on_time, 92)["title"] == (f"Tepat waktu: zona hijau tercapai sekitar {fmt_day(70)}, "
                                             f"sebelum tenggat {fmt_day(80)}.")
    late = trend.projection(s, target_pct=92, deadline=_day(60), today=seen(31))
    assert (late[trend.STATUS], late[columns.TERLAMBAT_HARI]) == ("terlambat", 10)
    assert verdict(late, 92)["title"] == (f"Terlambat 10 hari: zona hijau baru tercapai sekitar {fmt_day(70)}; "
                                          f"tenggat {fmt_day(60)}.")
    assert verdict(late, 92, "en")["title"].startswith("Late by 10 days")
    assert verdict(late, 92)["kind"] == "error"
    # seen on day 100: the projected day 70 is past and the data is 70 days old
    old = trend.projection(s, target_pct=92, deadline=_day(120), today=seen(100))
    assert old[columns.PROYEKSI_LEWAT] and old[columns.UMUR_DATA] == 70
    said = verdict(old, 92)
    assert said["kind"] == "warning"
    assert said["title"] == f"Data sudah 70 hari: pada laju terakhir zona hijau mestinya sudah tercapai sekitar {fmt_day(70)}."
    assert "mestinya sudah tercapai" in trend_words.headline(old, 92)[0]
    assert stale_warning(old, 14).startswith(f"Data terakhir {fmt_day(30)} — sudah 70 hari.")
    assert stale_warning(on_time, 14) is None
    # beside a verdict that already names the age: only the data's date and what to do
    assert stale_advice(old, 14) == (f"Data terakhir {fmt_day(30)}: angka dan proyeksi di sini mungkin tidak lagi "
                                     "sesuai keadaan; impor data terbaru.")
    assert stale_advice(old, 70) is None and stale_advice(on_time, 14) is None  # not old yet; no age named
    stale_late = trend.projection(s, target_pct=92, deadline=_day(60), today=seen(50))  # 20 days old, not past
    assert stale_warning(stale_late, 14) and stale_advice(stale_late, 14) is None  # the warning says it all
    # seen after the deadline: the verdict says the deadline passed, not the data's age; the warning says it
    after = trend.projection(s, target_pct=92, deadline=_day(90), today=seen(100))
    assert verdict(after, 92)["title"].startswith("Tenggat") and "hari" not in verdict(after, 92)["title"]
    assert stale_warning(after, 14) and stale_advice(after, 14) is None
    # the rate needed counts from the data's day, as the rate and the projection: 40 missing over 90 days
    assert old[trend.LAJU_DIBUTUHKAN] == math.ceil(40 / 90) == 1
    assert said["detail"] == f"Laju saat ini **1,0 per hari** cukup; perlu 1 per hari dari {fmt_day(30)} sampai tenggat."


def test_the_rate_needed_says_what_it_is_made_of_when_wajib_grows():
    """"perlu 27 per hari" beside the PDF's "258 perekaman lagi" (≈ 8 a day over 31 days) could not be
    reconciled: the rate counts each day's newcomers who must hold an e-KTP. The verdict says both parts,
    and they make the rate: ⌈missing / days left + target × growth⌉."""
    from geo.coverage import people_to_reach

    rows = pd.DataFrame({Col.KODE: ["99.01"] * 5, Col.TANGGAL: [_day(d) for d in (0, 7, 14, 21, 28)],
                         Col.WAJIB: [10_000 + 20 * d for d in (0, 7, 14, 21, 28)],
                         Col.SUDAH: [8_800 + 25 * d for d in (0, 7, 14, 21, 28)]})  # 89,96% on day 28
    p = trend.projection(rows, target_pct=92, deadline=_day(58), today=date.fromisoformat(_day(30)))
    assert p[trend.PERTUMBUHAN_WAJIB] == pytest.approx(20.0)
    missing = people_to_reach(p[Col.WAJIB], p[Col.SUDAH], 92)
    share = 0.92 * 20.0
    days_left = 58 - 28  # from the data's own day
    assert p[trend.LAJU_DIBUTUHKAN] == math.ceil((92 * p[Col.WAJIB] / 100 - p[Col.SUDAH]) / days_left + share - 1e-9)
    detail = trend_words.verdict(p, 92)["detail"]
    assert f"sampai tenggat ({fmt.number(missing)} perekaman lagi, ditambah ±{fmt.number(share, 1)} per hari untuk " \
           "wajib KTP yang baru)" in detail
    assert "newcomers" in trend_words.verdict(p, 92, "en")["detail"]
    flat = rows.assign(**{Col.WAJIB: 10_000, Col.SUDAH: [8_800 + 10 * d for d in (0, 7, 14, 21, 28)]})  # no growth
    assert "perekaman lagi" not in trend_words.verdict(trend.projection(flat, target_pct=92, deadline=_day(58),
                                                                        today=date.fromisoformat(_day(30))), 92)["detail"]


def test_on_time_means_the_rate_is_enough_even_on_old_data():
    """A kabupaten on time at its rate is never told its rate falls short, however old its data: the rate
    needed counts the days from the data's date to the deadline, as the projection does (counted from a
    later today it counted the days since as days without recording: "on time" beside "needs more")."""
    from datetime import date

    from geo.present.trend import verdict

    s = _series([(0, 1000, 800), (30, 1000, 860)])  # +2 a day: 92% (920) on day 60
    for seen in (30, 40, 50, 60):
        p = trend.projection(s, target_pct=92, deadline=_day(65), today=date.fromisoformat(_day(seen)))
        assert p[trend.STATUS] == "tercapai" and p[trend.LAJU] == 2.0
        assert p[trend.LAJU_DIBUTUHKAN] == math.ceil(60 / 35) == 2  # 60 missing over the 35 days from day 30
        assert "cukup" in verdict(p, 92)["detail"]
    late = trend.projection(s, target_pct=92, deadline=_day(55), today=date.fromisoformat(_day(50)))
    assert late[trend.STATUS] == "terlambat" and late[trend.LAJU_DIBUTUHKAN] == math.ceil(60 / 25) == 3
    assert "cukup" not in verdict(late, 92)["detail"]


def test_rankings_mark_a_projected_date_already_past():
    # two areas, +1 a day; the first reaches 92% on day 70, the second (slower start) on day 100
    rows = pd.concat([_series([(0, 1000, 850), (30, 1000, 880)], "99.01"),
                      _series([(0, 1000, 820), (30, 1000, 850)], "99.02")])
    rows[Col.NAMA] = rows[Col.KODE].map({"99.01": "Satu", "99.02": "Dua"})
    seen = date.fromisoformat(_day(80))  # day 80: the first date is past, the second still ahead
    table = trend.projections(rows, target_pct=92, deadline=_day(120), today=seen)
    assert dict(zip(table[Col.KODE], table[columns.PROYEKSI_LEWAT])) == {"99.01": True, "99.02": False}
    ranked = trend.slowest_first(table)
    words = dict(zip(ranked[Col.KODE], styled_text(trend_words.ranking_view(ranked))[tr("kol_tanggal_proyeksi", "id")]))
    assert words == {"99.01": f"{fmt_day(70)} (lewat)", "99.02": fmt_day(100)}
    view = trend_words.projection_view(table, "en")
    assert styled_text(view)["Projected date"].tolist() == [f"{long_date(_day(70), 'en')} (past)",
                                                             long_date(_day(100), "en")]
    # under the words, the days themselves: a click on the title sorts by date, not by the words' letters
    assert view.data["Projected date"].tolist() == [float(_day(d).replace("-", "")) for d in (70, 100)]
    # without today nothing is marked (the CLI's table as of the data's own date)
    assert not trend.projections(rows, target_pct=92, deadline=_day(120))[columns.PROYEKSI_LEWAT].any()


def fmt_day(offset: int) -> str:
    from geo import fmt

    return fmt.long_date(_day(offset))


def test_the_areas_that_need_attention_come_first():
    table = pd.DataFrame({
        Col.KODE: ["a", "b", "c", "d", "e", "f"],
        trend.STATUS: ["tercapai", "terlambat", "tidak_tercapai_pada_laju_ini", "sudah_tercapai", "terlambat",
                       "tercapai"],
        trend.LAJU: [5.0, 3.0, 0.5, 2.0, 1.0, 0.0],
        trend.TANGGAL_PROYEKSI: ["2026-12-01", "2027-03-01", None, None, "2029-08-20", "2026-12-20"],
        Col.CAKUPAN: [90.0, 88.0, 70.0, 95.0, 80.0, 84.0],
    })
    # never reached or stalled first (c, then f with no recordings), late next (latest first: e, b)
    assert trend.needs_attention(table, ZoneConfig(), n=5) == ["c", "f", "e", "b"]
    assert trend.needs_attention(table, ZoneConfig(), n=2) == ["c", "f"]


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (5909.4, "id", "5.909"), (5909.4, "en", "5,909"), (100.0, "id", "100"), (99.96, "id", "100,0"),
    (73.64, "id", "73,6"), (0.4, "en", "0.4"), (-12.35, "id", "-12,3"), (None, "id", "–"),
])
def test_a_rate_per_day_whole_from_a_hundred_up(value, lang, expected):
    """The verdict, the Tren page's figure and the alerts write a day's recordings alike: a tenth only
    where a day's few count."""
    assert fmt.rate(value, lang) == expected


def test_the_verdict_writes_the_rate_as_the_figures_do():
    late = {Col.TANGGAL: "2026-11-16", columns.STATUS: Status.TERLAMBAT, columns.TANGGAL_PROYEKSI: "2027-02-24",
            columns.TERLAMBAT_HARI: 55, columns.LAJU: 5909.4, columns.LAJU_DIBUTUHKAN: 23458.6, Col.CAKUPAN: 84.87,
            columns.TENGGAT: "2026-12-31", columns.TARGET: 92.0}
    words = trend_words.verdict(late, hijau=92, lang="id")
    assert words["detail"] == ("Perlu **23.459 perekaman per hari** dari 16 November 2026 sampai tenggat; laju saat ini "
                                 "**5.909 per hari**.")
    few = trend_words.verdict({Col.TANGGAL: "2026-11-16", columns.STATUS: Status.TERLAMBAT,
                               columns.TANGGAL_PROYEKSI: "2027-02-24", columns.TERLAMBAT_HARI: 55,
                               columns.LAJU: 12.4, columns.LAJU_DIBUTUHKAN: 30.2, Col.CAKUPAN: 84.87,
                               columns.TENGGAT: "2026-12-31", columns.TARGET: 92.0}, hijau=92, lang="id")
    assert few["detail"] == ("Perlu **30 perekaman per hari** dari 16 November 2026 sampai tenggat; laju saat ini "
                              "**12,4 per hari**.")
    english = trend_words.verdict({**late, columns.LAJU: 12.4}, hijau=92, lang="en")
    assert english["title"] == ("Late by 55 days: the green zone is only reached around 24 February 2027; the "
                                "deadline is 31 December 2026.")
    assert english["detail"] == ("**23,459 recordings a day** are needed from 16 November 2026 until the deadline; the current rate is "
                                 "**12.4 a day**.")


def test_a_date_not_understood_is_named_in_the_readers_words():
    """A deadline typed wrong names it as the reader calls it, in their language; an empty one says so
    (not "'' is not recognised")."""
    from geo.dates import parse_day

    with pytest.raises(RekamError) as wrong:
        parse_day("2026-31-12", field="tenggat")
    assert describe(wrong.value, "en").startswith("The deadline date '2026-31-12' is not recognised.")
    assert describe(wrong.value, "id").startswith("Tanggal tenggat '2026-31-12' tidak dikenali.")
    with pytest.raises(RekamError) as empty:
        parse_day(" ", field="as_of")
    assert describe(empty.value, "en").startswith("The reference date is empty.")

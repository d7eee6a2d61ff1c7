"""Values over time (geo.timeline): each area's newest row carried forward to every date.

The series of the Tren page is tested in ``test_trend.py``; here the coverage of one area
over time that the media pack and the briefing draw.
"""
from __future__ import annotations

import pandas as pd
import pytest

from geo import timeline
from geo.config import Settings
from geo.coverage import area_totals
from geo.schema import Col, ZoneConfig
from geo.store import Store

KAB = "99.01"
ISLAND = "99.01.12"  # reports in bursts: carried-forward values matter


@pytest.fixture(scope="module")
def store(demo_sqlite):
    s = Store.open(f"sqlite:///{demo_sqlite}")
    yield s
    s.close()


@pytest.mark.parametrize("kode", [KAB, ISLAND])
def test_coverage_over_time_equals_area_totals_on_every_sampled_date(store, kode):
    series = timeline.coverage_over_time(store, kode)
    assert list(series[Col.TANGGAL]) == store.snapshot_dates(kode)
    for day in series[Col.TANGGAL].iloc[[0, 1, 37, 60, 61, -1]]:
        expected = area_totals(store, kode, date=day)
        row = series[series[Col.TANGGAL] == day].iloc[0]
        assert (row[Col.WAJIB], row[Col.SUDAH]) == (expected[Col.WAJIB], expected[Col.SUDAH])
        assert row[Col.CAKUPAN] == pytest.approx(100 * expected[Col.SUDAH] / expected[Col.WAJIB])


class _RowsOnly:
    """A store that only knows enrollment rows (coverage_over_time reads nothing else)."""

    def __init__(self, rows: pd.DataFrame):
        self.rows = rows

    def enrollment(self, *, within=None, end=None, **_):
        rows = self.rows[self.rows[Col.KODE].str.startswith(within)]
        if end:
            rows = rows[rows[Col.TANGGAL] <= end]
        return rows.sort_values([Col.KODE, Col.TANGGAL], ignore_index=True)


def test_coverage_over_time_carries_late_reports_forward_and_fills_in_kecamatan_rows():
    rows = pd.DataFrame([
        # desa A reports on day 1 and 3, desa B on day 1 and 2: each missing day uses its last report
        ("98.01.01.2001", "2026-01-05", 100, 50),
        ("98.01.01.2001", "2026-01-19", 100, 70),
        ("98.01.01.2002", "2026-01-05", 200, 100),
        ("98.01.01.2002", "2026-01-12", 200, 150),
        # a kecamatan with no desa rows: its own row counts, from the day it arrives
        ("98.01.02", "2026-01-12", 1000, 900),
    ], columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH])
    for c in ("prr", "sudah_cetak", "pemula", Col.PEMULA_SUDAH, Col.PEMULA_BELUM):
        rows[c] = pd.NA
    for c in (Col.WAJIB, Col.SUDAH, "prr", "sudah_cetak", "pemula", Col.PEMULA_SUDAH, Col.PEMULA_BELUM):
        rows[c] = rows[c].astype("Int64")
    rows[Col.BELUM] = pd.array([pd.NA] * len(rows), dtype="Int64")
    settings = Settings(zones=ZoneConfig())
    series = timeline.coverage_over_time(_RowsOnly(rows), "98.01", settings=settings)
    got = list(zip(series[Col.TANGGAL], series[Col.WAJIB], series[Col.SUDAH]))
    # day 2: A carried (50) + B (150) + the kecamatan row (900); day 3: A (70) + B carried (150) + 900
    assert got == [("2026-01-05", 300, 150), ("2026-01-12", 1300, 1100), ("2026-01-19", 1300, 1120)]
    assert list(series[Col.ZONA]) == ["merah", "merah", "kuning"]  # 50%, 84.6%, 86.2%
    until = timeline.coverage_over_time(_RowsOnly(rows), "98.01", end="2026-01-12", settings=settings)
    assert list(until[Col.TANGGAL]) == ["2026-01-05", "2026-01-12"]


def test_sums_each_date_without_repeating_rows_equal_the_rule_spelt_out(store):
    """``rollup.aggregate_each_date`` (each area's sum changed by the rows of each date) gives what
    repeating every row for each date it stands for gives (``as_of_every_date`` + ``sum_each_date``),
    on the demo's rows with some desa missing some weeks and a figure missing on some rows."""
    from geo.coverage import aggregate_each_date

    rows = store.enrollment(within=KAB)
    rows = rows[(rows.index % 7 != 3) & ~(rows[Col.KODE].str.startswith(ISLAND) & (rows.index % 3 == 0))]
    rows = rows.assign(**{Col.PEMULA: rows[Col.PEMULA].mask(rows.index % 5 == 0)}).reset_index(drop=True)
    for level in ("provinsi", "kabupaten", "kecamatan", "desa"):
        spelt_out = timeline.sum_each_date(timeline.as_of_every_date(rows), level)
        spelt_out = spelt_out.sort_values([Col.KODE, timeline.PER_TANGGAL], ignore_index=True)
        pd.testing.assert_frame_equal(timeline.sums_each_date(rows, level), spelt_out)
        assert len(aggregate_each_date(rows, level)) == len(spelt_out)


def test_sums_each_date_keep_the_kecamatan_row_rule_when_rows_are_at_several_levels():
    from geo.coverage import aggregate_each_date
    from geo.schema import COUNT_COLUMNS

    rows = pd.DataFrame([("98.01.01.2001", "2026-01-05", 100, 50), ("98.01.02", "2026-01-12", 1000, 900)],
                        columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH])
    rows = rows.assign(**{c: rows.get(c, pd.NA) for c in COUNT_COLUMNS}).astype({c: "Int64" for c in COUNT_COLUMNS})

    assert aggregate_each_date(rows, "kabupaten") is None  # a kecamatan's own row: the rule spelt out
    summed = timeline.sums_each_date(rows, "kabupaten")
    assert list(zip(summed[timeline.PER_TANGGAL], summed[Col.WAJIB], summed[timeline.N_DIBAWA])) == [
        ("2026-01-05", 100, 0), ("2026-01-12", 1100, 1)]

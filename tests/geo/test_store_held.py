"""``geo.store.held.HeldArea``: one area's rows held in memory answer exactly as the store does —
the same frames from ``enrollment``, ``areas`` and ``snapshot_dates``, and the same histories
(``geo.timeline``) and coverage at every date, computed once and cut at the date."""
from __future__ import annotations

import pandas as pd
import pytest

from geo import coverage, timeline
from geo.schema import Col
from geo.store import Store
from geo.store import held as held_module
from geo.store.held import HeldArea


@pytest.fixture(scope="module")
def demo(demo_sqlite):
    store = Store.open(f"sqlite:///{demo_sqlite}")
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    kec = store.areas(within=kab, level="kecamatan")[Col.KODE].iloc[0]
    yield store, kab, kec
    store.close()


def test_enrollment_reads_are_the_stores(demo):
    store, kab, kec = demo
    held = HeldArea(store, kab)
    dates = store.snapshot_dates(kab)
    for within in (kab, kec):
        for end in (None, dates[0], dates[len(dates) // 2], "2000-01-01"):
            for latest in (False, True):
                pd.testing.assert_frame_equal(held.enrollment(within=within, end=end, latest=latest),
                                              store.enrollment(within=within, end=end, latest=latest))
        pd.testing.assert_frame_equal(held.enrollment(within=within, start=dates[3], end=dates[9]),
                                      store.enrollment(within=within, start=dates[3], end=dates[9]))
        assert held.snapshot_dates(within) == store.snapshot_dates(within)
        pd.testing.assert_frame_equal(held.areas(within=within, level="desa"), store.areas(within=within, level="desa"))
    pd.testing.assert_frame_equal(held.enrollment(latest=True), store.enrollment(latest=True))  # not held: the store


def test_histories_and_coverage_at_every_date_are_the_stores(demo):
    store, kab, kec = demo
    held = HeldArea(store, kab)
    dates = store.snapshot_dates(kab)
    for end in (None, dates[0], dates[1], dates[len(dates) // 2], dates[-1], "2000-01-01"):
        pd.testing.assert_frame_equal(timeline.area_over_time(held, kab, end=end),
                                      timeline.area_over_time(store, kab, end=end))
        pd.testing.assert_frame_equal(timeline.area_over_time(held, kec, end=end),
                                      timeline.area_over_time(store, kec, end=end))
        pd.testing.assert_frame_equal(timeline.series(held, kab, end=end), timeline.series(store, kab, end=end))
        assert coverage.area_totals(held, kab, date=end) == coverage.area_totals(store, kab, date=end)
        assert coverage.area_totals(held, kec, date=end) == coverage.area_totals(store, kec, date=end)
        for level, within, geometry in (("desa", kab, False), ("desa", kec, False), ("kecamatan", kab, True),
                                        ("kabupaten", kab, False)):
            pd.testing.assert_frame_equal(
                coverage.coverage_table(held, level, within=within, date=end, geometry=geometry),
                coverage.coverage_table(store, level, within=within, date=end, geometry=geometry))


def test_versioned_reads_are_the_stores_and_read_once(demo, monkeypatch):
    from geo import targets

    store, kab, _ = demo
    held = HeldArea(store, kab)
    pd.testing.assert_frame_equal(targets.current_targets(held, kab), targets.current_targets(store, kab))
    monkeypatch.setattr(store, "read_current", lambda *a, **k: pytest.fail("read again"))
    targets.current_targets(held, kab)


def test_a_large_area_is_not_held(demo, monkeypatch):
    store, kab, _ = demo
    monkeypatch.setattr(held_module, "MAX_HELD_ROWS", 10)
    held = HeldArea(store, kab)
    assert not held.holds(kab)
    pd.testing.assert_frame_equal(held.enrollment(within=kab), store.enrollment(within=kab))
    assert held._rows is None  # nothing read into memory

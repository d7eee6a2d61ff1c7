"""Working days: weekends and Indonesia's national holidays and joint leave days (cuti bersama) off."""
from __future__ import annotations

import csv
import importlib.util
from datetime import date

import pytest

from geo import workdays as W
from geo.plan import plan_visits

ROOT = W.TABLE.parents[2]


def test_christmas_week_of_2026_is_worked_on_three_days():
    monday = date(2026, 12, 21)
    got = W.working_days(monday, 5)
    # Thursday 24 December (cuti bersama Natal) and Friday 25 (Natal) off, then the weekend
    assert [d.isoformat() for d in got] == ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29"]
    assert W.holiday(date(2026, 12, 25)) == "Hari Raya Natal"
    assert W.holiday(date(2026, 12, 24), "en") == "Christmas Joint Holiday"
    assert W.holiday(date(2026, 12, 23)) is None


def test_weekend_services_add_weekends_but_not_holidays():
    got = W.working_days(date(2026, 3, 19), 4, weekends=True)  # Nyepi, then the days of Idul Fitri
    assert [d.isoformat() for d in got] == ["2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28"]


def test_count_matches_the_days_listed():
    first, last = date(2026, 1, 1), date(2026, 12, 31)
    days = W.working_days(first, 400)
    assert W.count_working_days(first, last) == sum(d <= last for d in days)
    assert W.count_working_days(last, first) == 0
    # a holiday on a Sunday (Idul Fitri's second day, 22 March 2026) takes no working day
    assert [d.isoformat() for d, _ in W.holidays_between(date(2026, 3, 16), date(2026, 3, 29))] == [
        "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"]


def test_the_plan_sends_no_unit_out_on_christmas():
    import pandas as pd

    from geo.schema import Col

    sites = pd.DataFrame({Col.KODE: ["99.01.01.2001"], Col.NAMA: ["Desa A"], Col.BELUM: [500]})
    plan = plan_visits(sites, units=1, days=5, start="2026-12-21")
    assert "2026-12-25" not in set(plan.visits[Col.TANGGAL]) and "2026-12-24" not in set(plan.visits[Col.TANGGAL])
    assert sorted(set(plan.visits[Col.TANGGAL]))[-1] == "2026-12-29"


def test_the_shipped_table_is_what_the_library_gives():
    if importlib.util.find_spec("holidays") is None:
        pytest.skip("the holidays library (requirements-dev.txt) is not installed")
    spec = importlib.util.spec_from_file_location("build_holidays", ROOT / "tools" / "build_holidays.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    with W.TABLE.open(encoding="utf-8", newline="") as fh:
        shipped = [tuple(r.values()) for r in csv.DictReader(fh)]
    assert shipped == tool.rows(*tool.YEARS)
    assert {r[1] for r in shipped} == {"libur", "cuti_bersama"}

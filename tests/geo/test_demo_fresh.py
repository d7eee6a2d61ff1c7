"""The demo as ``make run`` loads it (``python -m geo demo --load --fresh``): every date moved by whole
weeks so that its newest snapshot is of this week, the figures those of the committed files."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from geo import cli, events
from geo.columns import ALAT_ID, MULAI, SELESAI, TANGGAL_MULAI
from geo.ingest.capacity import stored_blank_stock
from geo.ingest.demo import load_demo
from geo.schema import COUNT_COLUMNS, DEMO_DIR, Col
from geo.store import Store
from geo.store.tables import alat_table

WEDNESDAY = date(2027, 3, 10)


def _file(name: str) -> pd.DataFrame:
    return pd.read_csv(DEMO_DIR / name, dtype=str, keep_default_na=False)


def _moved(days, weeks: int) -> list[str]:
    return [(date.fromisoformat(d) + timedelta(weeks=weeks)).isoformat() if d else "" for d in days]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('fresh') / 'rekam.sqlite'}")
    load_demo(store, today=WEDNESDAY)
    yield store
    store.close()


def test_the_newest_snapshot_is_the_monday_of_this_week(fresh):
    source = sorted(_file("rekam_mingguan.csv")[Col.TANGGAL].unique())
    weeks = (date(2027, 3, 8) - date.fromisoformat(source[-1])).days // 7
    assert fresh.snapshot_dates() == _moved(source, weeks)  # every Monday moved alike: 105 of them
    assert fresh.snapshot_dates()[-1] == "2027-03-08"


def test_the_counts_are_those_of_the_files(fresh):
    source = _file("rekam_mingguan.csv")
    weeks = (date(2027, 3, 8) - date.fromisoformat(source[Col.TANGGAL].max())).days // 7
    stored = fresh.enrollment()
    counts = [c for c in COUNT_COLUMNS if c in source]
    expected = source.assign(**{Col.TANGGAL: _moved(source[Col.TANGGAL], weeks)})
    expected = expected.set_index([Col.KODE, Col.TANGGAL])[counts].astype(int).sort_index()
    shown = stored.set_index([Col.KODE, Col.TANGGAL])[counts].astype(int).sort_index()
    pd.testing.assert_frame_equal(shown, expected)


def test_events_stock_and_devices_move_with_the_data(fresh):
    weeks = (date(2027, 3, 8) - date.fromisoformat(_file("rekam_mingguan.csv")[Col.TANGGAL].max())).days // 7
    source = _file("peristiwa.csv")
    stored = events.events(fresh).sort_values([MULAI, Col.KODE])
    assert sorted(stored[MULAI]) == sorted(_moved(source["tanggal_mulai"], weeks))
    assert sorted(stored[SELESAI].fillna("")) == sorted(_moved(source["tanggal_selesai"], weeks))
    blanks = stored_blank_stock(fresh)
    assert list(blanks[Col.TANGGAL]) == _moved(_file("blangko.csv")["tanggal"], weeks)
    broken = _file("lokasi_perekaman.csv").set_index("id").loc["LP10", "rusak_sejak"]
    points = fresh.points("lokasi").set_index("id")
    assert points.loc["LP10", "atribut"]["rusak_sejak"] == _moved([broken], weeks)[0]  # still broken for as long
    devices = _file("perangkat.csv")
    assert sorted(fresh.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])[TANGGAL_MULAI]) == sorted(
        _moved(devices.loc[devices["alat_id"] != "", "tanggal_mulai"], weeks))


def test_a_demo_already_of_this_week_is_not_moved(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'rekam.sqlite'}")
    newest = _file("rekam_mingguan.csv")[Col.TANGGAL].max()
    load_demo(store, today=date.fromisoformat(newest) + timedelta(days=6))
    assert store.snapshot_dates()[-1] == newest


def test_the_command_make_run_uses(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    assert cli.main(["demo", "--load", "--if-empty", "--fresh", "--db", url]) == 0
    newest = date.fromisoformat(Store.open(url).snapshot_dates()[-1])
    assert newest.weekday() == 0 and 0 <= (date.today() - newest).days < 7
    assert "Data contoh sintetis dimuat" in capsys.readouterr().out

"""A map view not prepared at import: the Peta shows a progress bar, then the map; simplified once."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.coverage import coverage_table
from geo.schema import Col
from geo.store import Store
from geo.store.tables import map_shapes_table

ROOT = Path(__file__).resolve().parents[2]
KAB = "99.01"


def _peta(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "peta.py"), default_timeout=120)
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def _drawn(at: AppTest) -> int:
    script = at.get("component_instance")[0].proto.json_args
    return script.count('\\"kode\\":\\"')


def test_a_view_not_prepared_shows_progress_once_then_the_map(demo_env):
    store = Store.open(demo_env)
    with store.transaction() as conn:  # as if the import had not prepared this view
        conn.execute(map_shapes_table.delete())
    kecamatan = coverage_table(store, "kecamatan", within=KAB)

    first = _peta()
    assert not first.exception
    bars = first.get("progress")
    assert len(bars) == 1
    assert bars[0].proto.value == 100
    assert bars[0].proto.text == f"Peta {len(kecamatan)} kecamatan sudah disiapkan; berikutnya langsung tampil."
    assert _drawn(first) == len(kecamatan)

    from ui import queries  # the server's shape cache, shared by every session

    cache = queries.shapes(demo_env)
    assert cache.simplified_views == 1
    again = _peta()  # another session: the view is ready, no bar, nothing simplified again
    assert not again.exception and not again.get("progress")
    assert _drawn(again) == len(kecamatan)
    assert cache.simplified_views == 1
    assert len(Store.open(demo_env).engine.connect().execute(map_shapes_table.select()).all()) == 1


def test_the_progress_speaks_english_when_asked(demo_env):
    with Store.open(demo_env).transaction() as conn:
        conn.execute(map_shapes_table.delete())
    at = _peta(lang="en")
    assert not at.exception
    n = len(coverage_table(Store.open(demo_env), "kecamatan", within=KAB)[Col.KODE])
    assert at.get("progress")[0].proto.text == f"The map of {n} districts is prepared; from now on it shows at once."

"""Fixtures of the geo tests that several modules share."""
from __future__ import annotations

import pytest

from geo.store import Store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """A store holding the demo, loaded once per module (the planner's and the crews' sheets' tests)."""
    from geo.ingest.demo import load_demo

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('plan') / 'demo.sqlite'}")
    load_demo(store)
    yield store
    store.close()

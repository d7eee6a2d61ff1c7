"""AppTest fixtures: a store loaded with the demo through the normal import path."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.demo_load import load_demo
from geo.store import Store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """URL of a SQLite store holding the committed demo (built once per test session)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'rekam.sqlite'}"
    store = Store.open(url)
    load_demo(store)
    store.close()
    return url


@pytest.fixture
def demo_env(demo_db, monkeypatch, tmp_path):
    """A private copy of the demo store for one test (pages may write to it)."""
    source = Path(demo_db.removeprefix("sqlite:///"))
    copy = tmp_path / "rekam.sqlite"
    shutil.copyfile(source, copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("REKAM_DB_URL", url)
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")
    return url

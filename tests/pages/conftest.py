"""AppTest fixtures: a private copy of the demo store (tests/conftest.py builds it once)."""
from __future__ import annotations

import shutil
import pytest


@pytest.fixture
def demo_env(demo_sqlite, monkeypatch, tmp_path):
    """A private copy of the demo store for one test (pages may write to it)."""
    copy = tmp_path / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("REKAM_DB_URL", url)
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")
    return url

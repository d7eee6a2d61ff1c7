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


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """What each deferred download button would send, by file id: {"data": callable, "file_name": …}.

    AppTest drops its runtime (and the callables) after a run, so they are caught as registered."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    caught = {}
    register = MediaFileManager.add_deferred

    def catch(self, data, mimetype, coordinates, file_name=None, **kwargs):
        file_id = register(self, data, mimetype, coordinates, file_name, **kwargs)
        caught[file_id] = {"data": data, "file_name": file_name, "mime": mimetype}
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", catch)
    return caught


@pytest.fixture
def files(monkeypatch) -> dict:
    """Bytes of every file the page offers, by file name (AppTest keeps no media after a run); a file
    written on click is written here as the click would."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    caught = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def catch(self, data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        caught[file_name] = data
        return add(self, data, mimetype, coordinates, file_name, is_for_static_download)

    def catch_deferred(self, data, mimetype, coordinates, file_name=None, **kwargs):
        caught[file_name] = data()
        return add_deferred(self, data, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", catch)
    monkeypatch.setattr(MediaFileManager, "add_deferred", catch_deferred)
    return caught

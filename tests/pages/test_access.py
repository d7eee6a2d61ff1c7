"""Access as configured: with the dashboard not public (REKAM_PUBLIC_VIEW=false or ``[akses]
publik = false``) an anonymous visitor gets a login request and no figure, table, map, chart or
download on any page; viewers, editors and admins see the dashboards once logged in; the Data
page needs an editor (and its users tab an admin) whatever the setting."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import auth
from geo.config import load_settings
from geo.ingest.demo import load_demo
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
DASHBOARDS = ["beranda", "peta", "tren", "kantong", "rencana", "kapasitas"]
PAGES = [*DASHBOARDS, "data"]
ASK_LOGIN = "Dasbor ini hanya untuk pengguna yang terdaftar. Masuk di panel samping untuk melihat data."
DATA_LOGIN = "Halaman ini untuk petugas data. Masuk di panel samping untuk mengunggah data."


def _app(page: str) -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120).run()


def _login(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input[0].input(name)
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run()


def _shown(at: AppTest) -> dict[str, int]:
    """How many things with data the page drew: figures, tables, maps, charts, downloads."""
    return {kind: len(at.get(kind)) for kind in
            ("metric", "dataframe", "component_instance", "plotly_chart", "download_button")}


def _infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


@pytest.fixture
def private(demo_env, monkeypatch):
    monkeypatch.setenv("REKAM_PUBLIC_VIEW", "false")
    return demo_env


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_sees_nothing_but_a_login_request_when_not_public(private, page):
    at = _app(page)
    assert not at.exception
    assert sum(_shown(at).values()) == 0, _shown(at)
    assert (DATA_LOGIN if page == "data" else ASK_LOGIN) in _infos(at)
    assert [t.label for t in at.sidebar.text_input] == ["Nama pengguna", "Kata sandi"]
    assert len(at.tabs) == 0


@pytest.mark.parametrize("page", DASHBOARDS)
def test_anonymous_sees_the_dashboards_when_public(demo_env, page):
    at = _app(page)
    assert not at.exception
    assert sum(_shown(at).values()) > 0
    assert ASK_LOGIN not in _infos(at)
    buttons = at.get("download_button")
    assert [b.proto.ignore_rerun for b in buttons] == [True] * len(buttons)  # a download never reruns the page


def test_the_config_file_closes_the_dashboard_too(demo_env, monkeypatch, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[akses]\npublik = false\n", encoding="utf-8")
    monkeypatch.setenv("REKAM_CONFIG", str(config))
    monkeypatch.delenv("REKAM_PUBLIC_VIEW", raising=False)
    at = _app("peta")
    assert sum(_shown(at).values()) == 0 and ASK_LOGIN in _infos(at)


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
@pytest.mark.parametrize("page", DASHBOARDS)
def test_every_role_sees_the_dashboards_once_logged_in(private, page, role):
    auth.add_user(Store.open(private), f"akun_{role}", PASSWORD, role, settings=load_settings())
    at = _login(_app(page), f"akun_{role}")
    assert not at.exception
    assert sum(_shown(at).values()) > 0
    assert ASK_LOGIN not in _infos(at)
    buttons = at.get("download_button")
    assert [b.proto.ignore_rerun for b in buttons] == [True] * len(buttons)  # a download never reruns the page
    assert f"Masuk sebagai akun_{role} ({role})" in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("role, tabs", [("viewer", 0), ("editor", 6), ("admin", 7)])
def test_the_data_page_needs_an_editor(private, role, tabs):
    auth.add_user(Store.open(private), f"akun_{role}", PASSWORD, role, settings=load_settings())
    at = _login(_app("data"), f"akun_{role}")
    assert not at.exception
    assert len(at.tabs) == tabs
    assert (DATA_LOGIN in _infos(at)) == (role == "viewer")


def test_a_deactivated_viewer_is_shut_out_at_once(private):
    store = Store.open(private)
    auth.add_user(store, "akun_viewer", PASSWORD, "viewer", settings=load_settings())
    at = _login(_app("peta"), "akun_viewer")
    assert sum(_shown(at).values()) > 0
    auth.deactivate_user(store, "akun_viewer")
    at.run()
    assert sum(_shown(at).values()) == 0 and ASK_LOGIN in _infos(at)


def test_the_same_gate_on_each_backend(store_url, monkeypatch):
    """SQLite and PostgreSQL/PostGIS: the anonymous visitor is refused, the viewer sees the figures."""
    monkeypatch.setenv("REKAM_DB_URL", store_url)
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")
    monkeypatch.setenv("REKAM_PUBLIC_VIEW", "false")
    store = Store.open(store_url)
    load_demo(store)
    auth.add_user(store, "akun_viewer", PASSWORD, "viewer", settings=load_settings())
    at = _app("beranda")
    assert not at.exception
    assert sum(_shown(at).values()) == 0 and ASK_LOGIN in _infos(at)
    at = _login(at, "akun_viewer")
    assert not at.exception
    assert sorted(m.label for m in at.metric[:4]) == ["Belum rekam", "Cakupan", "Sudah rekam", "Wajib KTP"]


def test_a_confirmation_outlives_the_run_that_follows_it_then_goes(monkeypatch):
    """A saved-with-success message is not lost when the run showing it is followed at once by another
    (a map reporting its view, a grid sending its edits): shown, with one toast, in every run within
    FLASH_SECONDS of its first showing, then dropped."""
    import importlib

    messages = importlib.import_module("ui.context")  # the module (``ui.context`` is also a function's name)
    clock = [1000.0]
    monkeypatch.setattr(messages, "_now", lambda: clock[0])

    def page():
        import streamlit as st

        from ui.context import flash, show_flash

        if st.button("Simpan"):
            flash("Tersimpan.")
            st.rerun()
        show_flash()

    at = AppTest.from_function(page).run()
    assert not at.success
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Tersimpan."] and len(at.toast) == 1
    clock[0] += messages.FLASH_SECONDS - 0.5
    at.run()  # a rerun nobody asked for, right after
    assert [s.value for s in at.success] == ["Tersimpan."] and len(at.toast) == 0  # the toast once only
    clock[0] += 1.0
    at.run()
    assert not at.success and "flash" not in at.session_state


@pytest.mark.parametrize("page", DASHBOARDS)
def test_a_new_offices_empty_store_says_what_to_upload_and_where(tmp_path, monkeypatch, page):
    """No area stored yet (a new office): every dashboard says to upload the boundaries and then the
    figures on the Data page, and offers that page one click away (the command line comes after)."""
    monkeypatch.setenv("REKAM_DB_URL", f"sqlite:///{tmp_path / 'baru.sqlite'}")
    Store.open(f"sqlite:///{tmp_path / 'baru.sqlite'}").close()
    at = _app(page)
    assert not at.exception
    said = " ".join(w.value for w in at.warning)
    assert said.startswith("Belum ada data. Petugas data mengunggah batas wilayah") and "di halaman Data" in said
    assert said.index("halaman Data") < said.index("python -m geo import-boundaries") < said.index("make run")
    assert [b.label for b in at.button if b.key == "belum_ada_data"] == ["Buka halaman Data"]
    assert sum(_shown(at).values()) == 0

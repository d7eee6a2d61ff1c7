"""Data page: viewers are kept out; editors log in, see versions, roll back, download templates."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import auth
from geo.coverage import area_totals
from geo.config import load_settings
from geo.schema import Col
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120).run()


def _login(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input[0].input(name)
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run()


def test_viewer_sees_no_upload(demo_env):
    at = _app()
    assert not at.exception
    assert "Masuk di panel samping" in at.info[-1].value
    assert len(at.tabs) == 0


def test_wrong_password_is_refused(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at = _app()
    at.sidebar.text_input[0].input("petugas1")
    at.sidebar.text_input[1].input("salah-salah-salah")
    at = at.sidebar.button[0].click().run()
    assert at.sidebar.error and len(at.tabs) == 0


def test_editor_rolls_back_a_version_and_figures_change(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    before = area_totals(store, kab)
    at = _login(_app(), "petugas1")
    assert not at.exception
    tab_labels = [t.label for t in at.tabs]
    assert tab_labels == ["Data perekaman", "Batas wilayah", "Lokasi, sekolah, perangkat", "Riwayat versi", "Templat"]
    history = at.dataframe[0].value
    assert len(history) == len(store.history())
    enrollment_version = int(store.history().query("kind == 'enrollment'")["id"].iloc[0])
    box = next(s for s in at.selectbox if s.label == "Versi yang dibatalkan")
    box.set_value(enrollment_version).run()
    next(c for c in at.checkbox if c.label.startswith("Saya yakin")).check().run()
    next(b for b in at.button if b.label == "Batalkan versi").click().run()
    assert not at.exception
    assert at.success and f"Versi {enrollment_version} dibatalkan" in at.success[0].value
    after = area_totals(store, kab)
    assert before[Col.WAJIB] is not None and after[Col.WAJIB] is None  # the only figures were rolled back


def test_templates_carry_the_area_codes(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at = _login(_app(), "petugas1")
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    desa = store.areas(within=kab, level="desa")
    buttons = [b for b in at.get("download_button")]
    assert len(buttons) == 2
    shown = at.dataframe[1].value
    assert list(shown[Col.KODE]) == list(desa[Col.KODE][:10])


def test_admin_sees_users_tab(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "kadis", PASSWORD, "admin", settings=load_settings())
    at = _login(_app(), "kadis")
    assert [t.label for t in at.tabs][-1] == "Pengguna"


def test_sso_offers_one_button_per_configured_provider(demo_env):
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120)
    provider = {"client_id": "peta-rekam", "server_metadata_url": "https://sso.example/.well-known/openid-configuration"}
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "kantor": provider, "google": provider}
    at.run()
    assert not at.exception
    labels = [b.label for b in at.sidebar.button]
    assert "Masuk dengan akun instansi (SSO) (kantor)" in labels
    assert "Masuk dengan akun instansi (SSO) (google)" in labels
    assert at.sidebar.text_input  # the password form stays for local accounts

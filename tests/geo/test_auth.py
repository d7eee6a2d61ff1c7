"""Accounts, login throttling, sessions and roles, on SQLite and PostgreSQL; the ``user`` CLI."""
from __future__ import annotations

import dataclasses
import getpass
import io
import json
import sys
from datetime import datetime, timedelta, timezone

import bcrypt
import pytest
from sqlalchemy import select

import geo.cli
from geo import auth
from geo.auth import (
    USER_COLUMNS,
    AuthError,
    Session,
    add_user,
    audit_log,
    authenticate,
    can,
    deactivate_user,
    list_users,
    new_session,
    oidc_configured,
    oidc_providers,
    require,
    role_for_sso,
    set_password,
    set_role,
    sso_session,
    viewer_allowed,
)
from geo.schema import ZoneConfig
from geo.auth.sessions import lock_seconds
from geo.config import Settings, load_settings
from geo.store import Store
from geo.text import describe
from geo.store.tables import users_table

T0 = datetime(2026, 3, 2, 8, 0, 0, tzinfo=timezone.utc)
SETTINGS = Settings(zones=ZoneConfig(), session_minutes=30, bcrypt_rounds=4)  # cheap bcrypt for tests
PW = "rahasia-desk-1"


@pytest.fixture(autouse=True)
def cheap_bcrypt(monkeypatch):
    """The CLI loads its settings: cheap bcrypt through the environment, as the edges read it."""
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


def _login(store, name, password, seconds=0):
    return authenticate(store, name, password, now=T0 + timedelta(seconds=seconds), settings=SETTINGS)


def _refused(key, fn, *args, **kwargs) -> AuthError:
    with pytest.raises(AuthError) as info:
        fn(*args, **kwargs)
    assert info.value.key == key, info.value
    return info.value


# --- login ---------------------------------------------------------------------------
def test_add_user_then_login_gives_a_session_of_the_configured_length(store):
    assert add_user(store, "Budi.S", PW, "editor", now=T0, settings=SETTINGS) == "budi.s"  # stored lower-cased
    session = _login(store, "budi.s", PW)
    assert session == Session("budi.s", "editor", T0, T0 + timedelta(minutes=30))
    with pytest.raises(dataclasses.FrozenInstanceError):
        session.role = "admin"  # frozen: a page cannot promote a session by accident


def test_wrong_password_unknown_and_disabled_users_fail_alike(store, monkeypatch):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    add_user(store, "sari", PW, "editor", settings=SETTINGS)
    deactivate_user(store, "sari")
    checks = []
    real_checkpw = bcrypt.checkpw
    monkeypatch.setattr(bcrypt, "checkpw", lambda pw, h: checks.append(h) or real_checkpw(pw, h))

    errors = [
        _refused("login_gagal", _login, store, "budi", "salah-sandi-99"),
        _refused("login_gagal", _login, store, "tidakada", PW),
        _refused("login_gagal", _login, store, "sari", PW),
        _refused("login_gagal", _login, store, "Not A Valid Name!", PW),
    ]
    # Every attempt paid for one bcrypt check: an unknown name is compared with a dummy hash.
    assert len(checks) == 4 and all(h.startswith(b"$2b$04$") for h in checks)
    assert {describe(e) for e in errors} == {"Nama pengguna atau kata sandi salah."}
    log = audit_log(store)
    assert list(log["action"][:4]) == ["login_gagal"] * 4
    assert [json.loads(d)["alasan"] for d in log["detail"][:4]] == ["tidak_ada", "nonaktif", "tidak_ada", "sandi"]


def test_three_failures_lock_the_account_for_a_doubling_delay(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    for second in range(3):
        _refused("login_gagal", _login, store, "budi", "salah-sandi-99", second)
    # Locked from t=2 for 30 s: even the right password is not checked now.
    err = _refused("login_dikunci", _login, store, "budi", PW, 12)
    assert err.params == {"detik": 20}
    assert "20 detik" in describe(err)
    # After the lock, one more failure locks for 60 s, then 120 s.
    _refused("login_gagal", _login, store, "budi", "salah-sandi-99", 32)
    assert _refused("login_dikunci", _login, store, "budi", PW, 33).params == {"detik": 59}
    _refused("login_gagal", _login, store, "budi", "salah-sandi-99", 92)
    assert _refused("login_dikunci", _login, store, "budi", PW, 92).params == {"detik": 120}
    assert list_users(store).loc[0, "failed_count"] == 5


def test_delay_is_capped_at_fifteen_minutes():
    assert [lock_seconds(n) for n in range(1, 11)] == [0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
    assert lock_seconds(10_000) == 900


def test_lock_expires_and_a_good_login_clears_the_count(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    for second in range(3):
        _refused("login_gagal", _login, store, "budi", "salah-sandi-99", second)
    session = _login(store, "budi", PW, 2 + 30)  # lock ended exactly now
    assert session.role == "editor"
    row = list_users(store).iloc[0]
    assert row["failed_count"] == 0 and row["locked_until"] is None
    # Counting starts again from zero: two more failures do not lock.
    _refused("login_gagal", _login, store, "budi", "salah-sandi-99", 40)
    _refused("login_gagal", _login, store, "budi", "salah-sandi-99", 41)
    assert _login(store, "budi", PW, 42).username == "budi"


def test_new_password_lifts_a_lock(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    for second in range(3):
        _refused("login_gagal", _login, store, "budi", "salah-sandi-99", second)
    set_password(store, "budi", "sandi-baru-2026", actor="admin1", settings=SETTINGS)
    _refused("login_gagal", _login, store, "budi", PW, 5)  # the old one no longer works
    assert _login(store, "budi", "sandi-baru-2026", 6).username == "budi"


def test_login_upgrades_a_hash_made_at_a_lower_cost(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    costlier = dataclasses.replace(SETTINGS, bcrypt_rounds=5)
    authenticate(store, "budi", PW, now=T0, settings=costlier)
    with store.engine.connect() as conn:
        hashed = conn.execute(select(users_table.c.password_hash)).scalar_one()
    assert auth.bcrypt_cost(hashed) == 5
    assert _login(store, "budi", PW).role == "editor"


# --- sessions and roles ------------------------------------------------------------
def test_session_expires_after_the_configured_minutes():
    session = new_session("budi", "editor", minutes=30, now=T0)
    assert session.valid(T0 + timedelta(minutes=29, seconds=59))
    assert not session.valid(T0 + timedelta(minutes=30))
    assert session.valid(datetime(2026, 3, 2, 8, 10))  # naive times are UTC
    require(session, "editor", now=T0 + timedelta(minutes=29))
    _refused("perlu_login", require, session, "viewer", now=T0 + timedelta(minutes=31))
    assert not can(session, "viewer", now=T0 + timedelta(minutes=31))


@pytest.mark.parametrize("have", auth.ROLES)
@pytest.mark.parametrize("need", auth.ROLES)
def test_require_on_each_role_pair(have, need):
    session = new_session("budi", have, minutes=30, now=T0)
    allowed = auth.ROLES.index(have) >= auth.ROLES.index(need)
    assert can(session, need, now=T0) is allowed
    if allowed:
        require(session, need, now=T0)
    else:
        err = _refused("perlu_peran", require, session, need, now=T0)
        assert describe(err) == f"Tindakan ini memerlukan peran {need}; peran Anda {have}."


def test_require_without_a_session_or_with_an_unknown_role():
    _refused("perlu_login", require, None, "viewer")
    assert can(None, "viewer") is False
    _refused("peran_tidak_dikenal", require, new_session("budi", "admin", minutes=5), "superuser")


def test_require_with_the_store_sees_deactivation_and_demotion(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    session = _login(store, "budi", PW)
    require(session, "editor", store=store, now=T0)
    set_role(store, "budi", "viewer", actor="admin1")
    _refused("perlu_peran", require, session, "editor", store=store, now=T0)
    require(session, "editor", now=T0)  # without the store only the session itself is checked
    deactivate_user(store, "budi")
    _refused("perlu_login", require, session, "viewer", store=store, now=T0)


def test_viewer_allowed_follows_public_view():
    assert viewer_allowed(SETTINGS) is True
    assert viewer_allowed(Settings(zones=ZoneConfig(), public_view=False)) is False


# --- accounts -------------------------------------------------------------------------
def test_hashes_are_bcrypt_and_never_listed(store):
    add_user(store, "budi", PW, "editor", email="Budi@Dukcapil.example.go.id", settings=SETTINGS)
    add_user(store, "admin1", "sandi-admin-12345", "admin", settings=SETTINGS)
    with store.engine.connect() as conn:
        hashes = conn.execute(select(users_table.c.password_hash)).scalars().all()
    assert len(hashes) == 2 and all(h.startswith("$2b$04$") for h in hashes)
    assert sum(bcrypt.checkpw(PW.encode(), h.encode()) for h in hashes) == 1
    users = list_users(store)
    assert list(users.columns) == USER_COLUMNS == auth.USER_COLUMNS
    assert list(users["username"]) == ["admin1", "budi"]
    assert list(users["role"]) == ["admin", "editor"]
    assert users.loc[1, "email"] == "budi@dukcapil.example.go.id"
    assert users["active"].tolist() == [True, True]
    assert not users.astype(str).apply(lambda col: col.str.contains(r"\$2b\$")).any().any()


@pytest.mark.parametrize(
    "username, password, role, key",
    [
        ("budi", "pendek-9c", "editor", "sandi_terlalu_pendek"),
        ("budi", "é" * 37, "editor", "sandi_terlalu_panjang"),  # 37 characters, 74 bytes
        ("budi", "a" * 73, "editor", "sandi_terlalu_panjang"),
        ("budi.santoso", "Budi.Santoso", "editor", "sandi_sama_dengan_nama"),
        ("bu", PW, "editor", "nama_pengguna_tidak_sah"),
        ("budi santoso", PW, "editor", "nama_pengguna_tidak_sah"),
        ("b" * 33, PW, "editor", "nama_pengguna_tidak_sah"),
        ("budi", PW, "superuser", "peran_tidak_dikenal"),
    ],
)
def test_add_user_refuses_bad_input(store, username, password, role, key):
    err = _refused(key, add_user, store, username, password, role, settings=SETTINGS)
    assert describe(err) != key  # a registered Indonesian message
    assert list_users(store).empty


def test_a_password_of_exactly_72_bytes_is_accepted(store):
    add_user(store, "budi", "é" * 36, "viewer", settings=SETTINGS)
    assert _login(store, "budi", "é" * 36).role == "viewer"
    _refused("login_gagal", _login, store, "budi", "é" * 36 + "x")  # too long never matches


def test_account_changes_are_checked_and_audited(store):
    add_user(store, "admin1", "sandi-admin-12345", "admin", actor="cli", settings=SETTINGS)
    add_user(store, "budi", PW, "viewer", actor="admin1", settings=SETTINGS)
    _refused("pengguna_sudah_ada", add_user, store, "BUDI", PW, "editor", settings=SETTINGS)
    _refused("pengguna_tidak_ada", set_role, store, "tidakada", "editor")
    _refused("pengguna_tidak_ada", set_password, store, "tidakada", PW, settings=SETTINGS)
    _refused("pengguna_tidak_ada", deactivate_user, store, "tidakada")
    # The last active admin can be neither demoted nor disabled.
    _refused("admin_terakhir", set_role, store, "admin1", "editor")
    _refused("admin_terakhir", deactivate_user, store, "admin1")
    set_role(store, "budi", "admin", actor="admin1")
    deactivate_user(store, "admin1", actor="budi")
    users = list_users(store).set_index("username")
    assert users.loc["budi", "role"] == "admin" and not users.loc["admin1", "active"]
    log = audit_log(store)
    assert list(log["action"]) == ["user_disable", "user_role", "user_add", "user_add"]
    assert list(log["username"]) == ["budi", "admin1", "admin1", "cli"]
    assert json.loads(log["detail"][1]) == {"pengguna": "budi", "peran": "admin"}
    assert PW not in log.to_string()


def test_logins_are_audited(store):
    add_user(store, "budi", PW, "editor", settings=SETTINGS)
    _login(store, "budi", PW)
    _refused("login_gagal", _login, store, "budi", "salah-sandi-99", 1)
    log = audit_log(store)
    assert list(log["action"][:2]) == ["login_gagal", "login_ok"]
    assert list(log["username"][:2]) == ["budi", "budi"]
    assert PW not in log.to_string() and "salah-sandi-99" not in log.to_string()


@pytest.mark.parametrize("raw, rounds", [(None, 12), ("4", 4), ("2", 4), ("dua belas", 12)])  # 2: bcrypt's minimum
def test_bcrypt_rounds_from_the_environment(monkeypatch, tmp_path, raw, rounds):
    if raw is None:
        monkeypatch.delenv("REKAM_BCRYPT_ROUNDS", raising=False)
    else:
        monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", raw)
    assert load_settings(tmp_path / "none.toml").bcrypt_rounds == rounds


def test_hashes_follow_the_settings_passed_in(store):
    add_user(store, "budi", PW, "editor", settings=dataclasses.replace(SETTINGS, bcrypt_rounds=5))
    with store.engine.connect() as conn:
        assert auth.bcrypt_cost(conn.execute(select(users_table.c.password_hash)).scalar_one()) == 5


# --- SSO --------------------------------------------------------------------------------
def test_oidc_configured_needs_an_auth_section_with_a_provider():
    flat = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                     "client_id": "peta-rekam", "server_metadata_url": "https://sso.example/.well-known/openid-configuration"}}
    named = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                      "kantor": {"client_id": "peta-rekam", "server_metadata_url": "https://sso.example/x"}}}
    assert oidc_configured(flat) and oidc_configured(named)
    assert not oidc_configured({})
    assert not oidc_configured({"auth": {"client_id": "peta-rekam"}})
    assert not oidc_configured({"auth": {**flat["auth"], "redirect_uri": ""}})

    class NoSecretsFile(dict):
        def get(self, key, default=None):
            raise FileNotFoundError("no secrets.toml")

    assert not oidc_configured(NoSecretsFile())


def test_oidc_providers_name_what_st_login_needs():
    base = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    provider = {"client_id": "peta-rekam", "server_metadata_url": "https://sso.example/x"}
    assert oidc_providers({"auth": {**base, **provider}}) == [None]  # st.login()
    assert oidc_providers({"auth": {**base, "kantor": provider, "google": provider}}) == ["kantor", "google"]
    assert oidc_providers({"auth": {**base, "kantor": {"client_id": "only"}}}) == []
    assert oidc_providers({}) == []


def test_sso_role_comes_from_a_matching_user_row(store):
    add_user(store, "sari", PW, "editor", email="sari@dukcapil.example.go.id", settings=SETTINGS)
    add_user(store, "budi", PW, "admin", email="budi@dukcapil.example.go.id", settings=SETTINGS)
    assert role_for_sso("Sari@Dukcapil.example.go.id", store) == "editor"
    assert role_for_sso("orang.lain@gmail.example", store) == "viewer"
    assert role_for_sso("sari", store) == "editor"  # a username matches too
    deactivate_user(store, "sari")
    assert role_for_sso("sari@dukcapil.example.go.id", store) == "viewer"
    session = sso_session(store, "budi@dukcapil.example.go.id", now=T0, settings=SETTINGS)
    assert session == Session("budi@dukcapil.example.go.id", "admin", T0, T0 + timedelta(minutes=30))
    require(session, "admin", store=store, now=T0)
    assert audit_log(store).loc[0, "action"] == "login_sso"


# --- CLI ----------------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(monkeypatch, store_url, capsys):

    def run(*argv, stdin="", tty=False):
        monkeypatch.setattr(sys, "stdin", _Terminal(stdin) if tty else io.StringIO(stdin))
        code = geo.cli.main([*argv, "--db", store_url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_cli_manages_users_end_to_end(cli, store_url):
    code, out, _ = cli("user", "add", "admin1", "--role", "admin", "--password-stdin", stdin="sandi-admin-12345\n")
    assert (code, out.strip()) == (0, "Pengguna 'admin1' ditambahkan dengan peran admin.")
    code, out, _ = cli("user", "add", "budi", "--role", "editor", "--password-stdin", stdin=PW + "\n")
    assert code == 0

    code, out, _ = cli("user", "list", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and [(u["username"], u["role"], u["active"]) for u in listed] == [
        ("admin1", "admin", True), ("budi", "editor", True)]
    assert "$2b$" not in out and "password_hash" not in out

    assert cli("user", "role", "budi", "viewer")[:2] == (0, "Peran 'budi' sekarang viewer.\n")
    assert cli("user", "passwd", "budi", "--password-stdin", stdin="sandi-baru-2026\r\n")[:2] == (
        0, "Kata sandi 'budi' diubah.\n")
    store = Store.open(store_url)
    assert _login(store, "budi", "sandi-baru-2026").role == "viewer"
    assert cli("user", "disable", "budi")[:2] == (0, "Pengguna 'budi' dinonaktifkan.\n")
    _refused("login_gagal", _login, store, "budi", "sandi-baru-2026")
    store.close()


@pytest.mark.parametrize(
    "argv, stdin, message",
    [
        (("user", "add", "budi", "--password-stdin"), "pendek\n", "Kata sandi terlalu pendek: minimal 10 karakter."),
        (("user", "add", "Budi Santoso", "--password-stdin"), PW + "\n", "Nama pengguna 'Budi Santoso' tidak sah"),
        (("user", "add", "budi"), "", "Tidak bisa menanyakan kata sandi tanpa terminal"),  # stdin is no TTY
        (("user", "role", "tidakada", "editor"), "", "Pengguna 'tidakada' tidak ada."),
        (("user", "passwd", "tidakada", "--password-stdin"), PW + "\n", "Pengguna 'tidakada' tidak ada."),
        (("user", "disable", "tidakada"), "", "Pengguna 'tidakada' tidak ada."),
    ],
)
def test_cli_refusals_exit_1_with_an_indonesian_message(cli, argv, stdin, message):
    code, out, err = cli(*argv, stdin=stdin)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_cli_prompts_twice_on_a_terminal(cli, monkeypatch):
    answers = iter([PW, PW, PW, "lain-sandi-123"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert cli("user", "add", "budi", "--role", "editor", tty=True)[0] == 0
    code, _, err = cli("user", "passwd", "budi", tty=True)
    assert code == 1 and "Kedua kata sandi yang diketik tidak sama" in err

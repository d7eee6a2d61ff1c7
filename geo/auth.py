"""Accounts and roles for the data desk: who may import, roll back and manage users.

Viewers read dashboards (without logging in when ``Settings.public_view``); editors
write data; admins also manage accounts. Passwords are hashed with bcrypt. Every
write path calls ``require(session, role)`` just before it writes.

Tables ``users`` and ``audit`` live in this module's own MetaData and are created on
first use on the store's engine (SQLite or PostgreSQL). Times are stored as UTC ISO
strings, like the store's versions.

Repeated failed logins slow an account down: from the third consecutive failure the
account is locked for ``30 s × 2^(n−3)``, capped at 15 minutes. A wrong password and
an unknown user give the same error and take about the same time (unknown names are
checked against a dummy hash). Lock state is kept only for existing accounts, so a
locked account does reveal that the name exists; names of office staff are not
secret, and keeping rows for every guessed name would let anyone fill the table.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import bcrypt
import pandas as pd
from sqlalchemy import func, insert, or_, select, update
from geo.schema import ROLES, RekamError
from geo.config import Settings, load_settings
from geo.store import Store, StoreConflict
from geo.store.tables import audit_table, users_table


def _rounds_from_env(raw: str | None) -> int:
    """bcrypt cost from REKAM_BCRYPT_ROUNDS, clamped to bcrypt's 4–31; 12 when unset or not a number."""
    try:
        return min(max(int(raw), 4), 31) if raw else 12
    except ValueError:
        return 12


# Lower only for tests: each step down halves the work an attacker needs per guess.
BCRYPT_ROUNDS = _rounds_from_env(os.environ.get("REKAM_BCRYPT_ROUNDS"))

USERNAME_RE = re.compile(r"[a-z0-9._-]{3,32}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (bcrypt 5 refuses) anything longer
LOCK_AFTER = 3
LOCK_BASE_SECONDS = 30
LOCK_MAX_SECONDS = 15 * 60


class AuthError(RekamError):
    """Refused: bad credentials, locked account, missing role, or an invalid account change."""



# --- time and small checks -----------------------------------------------------
def _utc(now: datetime | None) -> datetime:
    """``now`` as an aware UTC datetime (naive values are taken as UTC); the clock when None."""
    if now is None:
        return datetime.now(timezone.utc)
    return now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now.astimezone(timezone.utc)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def clean_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.fullmatch(name):
        raise AuthError("nama_pengguna_tidak_sah", nama=str(username)[:40])
    return name


def clean_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError("peran_tidak_dikenal", peran=str(role)[:20])
    return role


def clean_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip().lower()
    if len(email) > 254 or not EMAIL_RE.fullmatch(email):
        raise AuthError("email_tidak_sah", email=email[:60])
    return email


def check_password_policy(username: str, password: str) -> None:
    """Raise AuthError unless ``password`` has ≥ 10 characters, ≤ 72 UTF-8 bytes and is not the username."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AuthError("sandi_terlalu_pendek", minimal=MIN_PASSWORD_CHARS)
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise AuthError("sandi_terlalu_panjang", maksimal=MAX_PASSWORD_BYTES)
    if password.strip().lower() == username:
        raise AuthError("sandi_sama_dengan_nama")


def _hash(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def _check(password: str, hashed: str) -> bool:
    raw = password.encode("utf-8")
    if len(raw) > MAX_PASSWORD_BYTES:
        # Never stored (the policy refuses it), so it cannot match; still spend the time.
        bcrypt.checkpw(raw[:MAX_PASSWORD_BYTES], hashed.encode("ascii"))
        return False
    return bcrypt.checkpw(raw, hashed.encode("ascii"))


_dummy_hashes: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash at the current cost, to spend the same time on unknown usernames."""
    if BCRYPT_ROUNDS not in _dummy_hashes:
        _dummy_hashes[BCRYPT_ROUNDS] = _hash(os.urandom(16).hex())
    return _dummy_hashes[BCRYPT_ROUNDS]


def _lock_seconds(failures: int) -> int:
    """Lock length after ``failures`` consecutive failures: 0, then 30 s doubling, at most 15 min."""
    if failures < LOCK_AFTER:
        return 0
    return min(LOCK_BASE_SECONDS * 2 ** min(failures - LOCK_AFTER, 10), LOCK_MAX_SECONDS)


def _audit(conn, who: str, action: str, now: datetime, **detail) -> None:
    conn.execute(insert(audit_table).values(
        time=_iso(now), username=str(who)[:64], action=action,
        detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
    ))


def _find(conn, name: str):
    """The user row whose username, or email, is ``name`` (lower-cased); None if absent."""
    key = (name or "").strip().lower()
    u = users_table
    return conn.execute(select(u).where(or_(u.c.username == key, u.c.email == key))).mappings().first()


def find_user(store: Store, name: str):
    """``_find`` in its own read transaction."""
    with store.engine.connect() as conn:
        return _find(conn, name)


def _active_admins(conn) -> int:
    u = users_table
    return conn.execute(
        select(func.count()).select_from(u).where(u.c.role == "admin", u.c.active.is_(True))
    ).scalar_one()


# --- sessions and roles ---------------------------------------------------------
@dataclass(frozen=True)
class Session:
    """A logged-in user: ``role`` granted until ``expires_at`` (aware UTC datetimes)."""

    username: str
    role: str
    issued_at: datetime
    expires_at: datetime

    def valid(self, now: datetime | None = None) -> bool:
        """True while ``now`` (default: the clock) is before ``expires_at``."""
        return _utc(now) < self.expires_at


def new_session(username: str, role: str, *, minutes: int | None = None, now: datetime | None = None) -> Session:
    """A Session for ``username`` lasting ``minutes`` (default ``Settings.session_minutes``)."""
    now = _utc(now)
    minutes = load_settings().session_minutes if minutes is None else minutes
    return Session(username, clean_role(role), now, now + timedelta(minutes=minutes))


def require(session: Session | None, role: str, *, store: Store | None = None, now: datetime | None = None) -> None:
    """The write-path check: pass, or raise AuthError.

    'perlu_login' when ``session`` is None or expired; 'perlu_peran' when its role is
    below ``role`` (viewer < editor < admin). With ``store``, the account is read again
    so that a user deactivated or demoted during the session loses the right at once
    (a name with no row — an SSO viewer — counts as viewer).
    """
    needed = ROLES.index(clean_role(role))
    if session is None or not session.valid(now):
        raise AuthError("perlu_login")
    current = session.role
    if store is not None:
        row = find_user(store, session.username)
        if row is not None and not row["active"]:
            raise AuthError("perlu_login")
        if row is not None:
            current = min(current, row["role"], key=ROLES.index)  # a promotion applies at next login
        else:
            current = "viewer"
    if ROLES.index(current) < needed:
        raise AuthError("perlu_peran", peran=role, peran_sesi=current)


def can(session: Session | None, role: str, *, store: Store | None = None, now: datetime | None = None) -> bool:
    """``require`` as a yes/no, for showing or hiding controls."""
    try:
        require(session, role, store=store, now=now)
    except AuthError:
        return False
    return True


def viewer_allowed(settings: Settings) -> bool:
    """Whether dashboards are shown without logging in (``[akses] publik`` / REKAM_PUBLIC_VIEW)."""
    return bool(settings.public_view)


# --- login -------------------------------------------------------------------------
def authenticate(store: Store, username: str, password: str, *, now: datetime | None = None,
                 settings: Settings | None = None) -> Session:
    """Check a password and return a Session lasting ``Settings.session_minutes``.

    Raises AuthError 'login_gagal' for a wrong password, an unknown or deactivated
    user (alike, in about the same time), and 'login_dikunci' (``detik`` left) while an
    account is locked after repeated failures; the password is not checked then.
    Every attempt is written to ``audit``.
    """
    now = _utc(now)
    settings = settings or load_settings()
    name = (username or "").strip().lower()
    u = users_table
    failures, locked_for = 0, 0
    # Count the attempt (and lock if due) *before* checking the password, so parallel
    # guesses cannot all slip through before the first failure is recorded.
    with store.transaction() as conn:
        row = _find(conn, name) if USERNAME_RE.fullmatch(name) else None
        if row is not None and row["active"]:
            locked_until = datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None
            if locked_until is not None and now < locked_until:
                locked_for = math.ceil((locked_until - now).total_seconds())
                _audit(conn, name, "login_dikunci", now, detik=locked_for)
            else:
                conn.execute(update(u).where(u.c.id == row["id"]).values(failed_count=u.c.failed_count + 1))
                failures = conn.execute(select(u.c.failed_count).where(u.c.id == row["id"])).scalar_one()
                if lock := _lock_seconds(failures):
                    conn.execute(update(u).where(u.c.id == row["id"])
                                 .values(locked_until=_iso(now + timedelta(seconds=lock))))
    if locked_for:
        raise AuthError("login_dikunci", detik=locked_for)
    ok = _check(password or "", row["password_hash"] if row is not None else _dummy_hash())
    ok = ok and row is not None and bool(row["active"])
    values = {"failed_count": 0, "locked_until": None}
    if ok and bcrypt_cost(row["password_hash"]) < BCRYPT_ROUNDS:  # bring old hashes up to the current cost
        values["password_hash"] = _hash(password)
    with store.transaction() as conn:
        if ok:
            conn.execute(update(u).where(u.c.id == row["id"]).values(**values))
            _audit(conn, row["username"], "login_ok", now)
        else:
            reason = "tidak_ada" if row is None else ("nonaktif" if not row["active"] else "sandi")
            _audit(conn, name or "-", "login_gagal", now, alasan=reason, gagal=failures)
    if not ok:
        raise AuthError("login_gagal")
    return Session(row["username"], row["role"], now, now + timedelta(minutes=settings.session_minutes))


def bcrypt_cost(hashed: str) -> int:
    """The cost factor of a ``$2b$NN$…`` hash."""
    return int(hashed.split("$")[2])


# --- SSO (Streamlit st.login / OIDC) -------------------------------------------
def oidc_providers(secrets: Mapping) -> list[str | None]:
    """The ``st.login`` providers Streamlit secrets configure, in file order.

    A usable ``[auth]`` section has ``redirect_uri``; a provider is ``client_id`` plus
    ``server_metadata_url``, either in ``[auth]`` itself (listed as None: call
    ``st.login()``) or in a named ``[auth.NAME]`` (listed as "NAME": call ``st.login("NAME")``).
    Empty when there is no secrets file, no such section or no complete provider.
    """
    try:
        section = secrets.get("auth")
    except Exception:  # noqa: BLE001 — st.secrets raises when no secrets file exists
        return []
    if not isinstance(section, Mapping) or not section.get("redirect_uri"):
        return []

    def complete(m) -> bool:
        return isinstance(m, Mapping) and bool(m.get("client_id")) and bool(m.get("server_metadata_url"))

    return ([None] if complete(section) else []) + [name for name, v in section.items() if complete(v)]


def oidc_configured(secrets: Mapping) -> bool:
    """True when Streamlit secrets configure at least one ``st.login`` provider (see ``oidc_providers``)."""
    return bool(oidc_providers(secrets))


def role_for_sso(email: str, store: Store) -> str:
    """Role of an SSO-authenticated ``email``: an active user row with that email or username decides; else viewer."""
    row = find_user(store, email)
    return row["role"] if row is not None and row["active"] else "viewer"


def sso_session(store: Store, email: str, *, now: datetime | None = None,
                settings: Settings | None = None) -> Session:
    """A Session for an identity the OIDC provider has already verified; the login is audited."""
    now = _utc(now)
    settings = settings or load_settings()
    email = (email or "").strip().lower()
    role = role_for_sso(email, store)
    with store.transaction() as conn:
        _audit(conn, email, "login_sso", now, peran=role)
    return Session(email, role, now, now + timedelta(minutes=settings.session_minutes))


# --- account management -----------------------------------------------------------
def add_user(store: Store, username: str, password: str, role: str, *, email: str | None = None,
             actor: str | None = None, now: datetime | None = None) -> str:
    """Create an account; returns the (lower-cased) username.

    Raises AuthError: 'nama_pengguna_tidak_sah', 'peran_tidak_dikenal', 'email_tidak_sah',
    a password-policy key, or 'pengguna_sudah_ada'.
    """
    name, role, email = clean_username(username), clean_role(role), clean_email(email)
    check_password_policy(name, password)
    hashed = _hash(password)
    now = _utc(now)
    try:
        with store.transaction() as conn:
            if _find(conn, name) is not None or (email and _find(conn, email) is not None):
                raise AuthError("pengguna_sudah_ada", nama=name)
            conn.execute(insert(users_table).values(
                username=name, email=email, password_hash=hashed, role=role, created_at=_iso(now),
                active=True, failed_count=0, locked_until=None,
            ))
            _audit(conn, actor or "cli", "user_add", now, pengguna=name, peran=role, email=email)
    except StoreConflict:  # a concurrent add of the same name
        raise AuthError("pengguna_sudah_ada", nama=name) from None
    return name


def _change(store: Store, username: str, action: str, values: dict, *, actor: str | None,
            now: datetime | None, guard_admin: bool = False, **detail) -> None:
    """Update one account and audit it in one transaction."""
    now = _utc(now)
    name = (username or "").strip().lower()
    u = users_table
    with store.transaction() as conn:
        row = conn.execute(select(u).where(u.c.username == name)).mappings().first()
        if row is None:
            raise AuthError("pengguna_tidak_ada", nama=str(username)[:40])
        if guard_admin and row["role"] == "admin" and row["active"] and _active_admins(conn) <= 1:
            raise AuthError("admin_terakhir", nama=name)
        conn.execute(update(u).where(u.c.id == row["id"]).values(**values))
        _audit(conn, actor or "cli", action, now, pengguna=name, **detail)


def set_password(store: Store, username: str, password: str, *, actor: str | None = None,
                 now: datetime | None = None) -> None:
    """Replace a password (policy as in ``add_user``) and lift any lock. Raises AuthError."""
    check_password_policy((username or "").strip().lower(), password)
    _change(store, username, "user_passwd", {"password_hash": _hash(password), "failed_count": 0,
                                             "locked_until": None}, actor=actor, now=now)


def set_role(store: Store, username: str, role: str, *, actor: str | None = None, now: datetime | None = None) -> None:
    """Give an account another role. Raises AuthError (also 'admin_terakhir' when demoting the last admin)."""
    role = clean_role(role)
    _change(store, username, "user_role", {"role": role}, actor=actor, now=now,
            guard_admin=role != "admin", peran=role)


def deactivate_user(store: Store, username: str, *, actor: str | None = None, now: datetime | None = None) -> None:
    """Disable an account (kept for the audit trail). Raises AuthError ('pengguna_tidak_ada', 'admin_terakhir')."""
    _change(store, username, "user_disable", {"active": False}, actor=actor, now=now, guard_admin=True)


USER_COLUMNS = ["username", "email", "role", "active", "created_at", "failed_count", "locked_until"]


def list_users(store: Store) -> pd.DataFrame:
    """Accounts sorted by username: ``USER_COLUMNS`` (never the password hash)."""
    u = users_table
    with store.engine.connect() as conn:
        rows = conn.execute(select(*[u.c[c] for c in USER_COLUMNS]).order_by(u.c.username)).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=USER_COLUMNS)
    frame["active"] = frame["active"].astype(bool)
    return frame


def audit_log(store: Store, limit: int = 200) -> pd.DataFrame:
    """Newest audit rows first: time, username, action, detail (JSON text)."""
    a = audit_table
    with store.engine.connect() as conn:
        q = select(a.c.time, a.c.username, a.c.action, a.c.detail).order_by(a.c.id.desc()).limit(limit)
        rows = conn.execute(q).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["time", "username", "action", "detail"])



__all__ = [
    "AuthError", "BCRYPT_ROUNDS", "ROLES", "Session", "add_user", "audit_log", "authenticate",
    "can", "check_password_policy", "deactivate_user", "list_users", "new_session", "oidc_configured", "oidc_providers", "require",
    "role_for_sso", "set_password", "set_role", "sso_session", "viewer_allowed",
]

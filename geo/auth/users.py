"""Accounts: checks on names, e-mail addresses and passwords; bcrypt hashes; changes, audited.

Every change to an account is written to ``audit`` in the same transaction. Times are
stored as UTC ISO strings, like the store's versions. The bcrypt cost is
``Settings.bcrypt_rounds``, passed in by the caller (the edge loads it).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import bcrypt
import pandas as pd
from sqlalchemy import func, insert, or_, select, update

from geo.config import DEFAULTS, Settings
from geo.ingest.rights import clean_area
from geo.schema import ROLES, RekamError
from geo.store import Store, StoreConflict
from geo.store.tables import audit_table, users_table

USERNAME_RE = re.compile(r"[a-z0-9._-]{3,32}")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (bcrypt 5 refuses) anything longer
USER_COLUMNS = ["username", "email", "role", "wilayah", "active", "created_at", "failed_count", "locked_until"]


class AuthError(RekamError):
    """Refused: bad credentials, locked account, missing role, or an invalid account change."""


# --- time and small checks -----------------------------------------------------
def utc(now: datetime | None) -> datetime:
    """``now`` as an aware UTC datetime (naive values are taken as UTC); the clock when None."""
    if now is None:
        return datetime.now(timezone.utc)
    return now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now.astimezone(timezone.utc)


def iso(t: datetime) -> str:
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


# --- hashes ------------------------------------------------------------------------
def hash_password(password: str, rounds: int) -> str:
    """A bcrypt hash of ``password`` at cost ``rounds`` (4–31)."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def check_password(password: str, hashed: str) -> bool:
    raw = password.encode("utf-8")
    if len(raw) > MAX_PASSWORD_BYTES:
        # Never stored (the policy refuses it), so it cannot match; still spend the time.
        bcrypt.checkpw(raw[:MAX_PASSWORD_BYTES], hashed.encode("ascii"))
        return False
    return bcrypt.checkpw(raw, hashed.encode("ascii"))


def bcrypt_cost(hashed: str) -> int:
    """The cost factor of a ``$2b$NN$…`` hash."""
    return int(hashed.split("$")[2])


# --- rows --------------------------------------------------------------------------
def write_audit(conn, who: str, action: str, now: datetime, **detail) -> None:
    """One ``audit`` row, in the caller's transaction (``detail`` as JSON text)."""
    conn.execute(insert(audit_table).values(
        time=iso(now), username=str(who)[:64], action=action,
        detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
    ))


def find_row(conn, name: str):
    """The user row whose username, or email, is ``name`` (lower-cased); None if absent."""
    key = (name or "").strip().lower()
    u = users_table
    return conn.execute(select(u).where(or_(u.c.username == key, u.c.email == key))).mappings().first()


def find_user(store: Store, name: str):
    """``find_row`` in its own read transaction."""
    with store.engine.connect() as conn:
        return find_row(conn, name)


def _active_admins(conn) -> int:
    u = users_table
    return conn.execute(
        select(func.count()).select_from(u).where(u.c.role == "admin", u.c.active.is_(True))
    ).scalar_one()


# --- account management -----------------------------------------------------------
def add_user(store: Store, username: str, password: str, role: str, *, email: str | None = None,
             wilayah: str | None = None, actor: str | None = None, now: datetime | None = None,
             settings: Settings = DEFAULTS) -> str:
    """Create an account, hashed at ``settings.bcrypt_rounds``; returns the (lower-cased) username.

    ``wilayah``: the area (a Kemendagri code, stored dotted) whose data the user may change;
    None or blank: everywhere. Raises AuthError: 'nama_pengguna_tidak_sah', 'peran_tidak_dikenal',
    'email_tidak_sah', 'wilayah_tidak_sah', a password-policy key, or 'pengguna_sudah_ada'.
    """
    name, role, email = clean_username(username), clean_role(role), clean_email(email)
    wilayah = user_area(wilayah)
    check_password_policy(name, password)
    hashed = hash_password(password, settings.bcrypt_rounds)
    now = utc(now)
    try:
        with store.transaction() as conn:
            if find_row(conn, name) is not None or (email and find_row(conn, email) is not None):
                raise AuthError("pengguna_sudah_ada", nama=name)
            conn.execute(insert(users_table).values(
                username=name, email=email, password_hash=hashed, role=role, created_at=iso(now),
                active=True, failed_count=0, locked_until=None, wilayah=wilayah,
            ))
            write_audit(conn, actor or "cli", "user_add", now, pengguna=name, peran=role, email=email,
                        wilayah=wilayah)
    except StoreConflict:  # a concurrent add of the same name
        raise AuthError("pengguna_sudah_ada", nama=name) from None
    return name


def _change(store: Store, username: str, action: str, values: dict, *, actor: str | None,
            now: datetime | None, guard_admin: bool = False, **detail) -> None:
    """Update one account and audit it in one transaction."""
    now = utc(now)
    name = (username or "").strip().lower()
    u = users_table
    with store.transaction() as conn:
        row = conn.execute(select(u).where(u.c.username == name)).mappings().first()
        if row is None:
            raise AuthError("pengguna_tidak_ada", nama=str(username)[:40])
        if guard_admin and row["role"] == "admin" and row["active"] and _active_admins(conn) <= 1:
            raise AuthError("admin_terakhir", nama=name)
        conn.execute(update(u).where(u.c.id == row["id"]).values(**values))
        write_audit(conn, actor or "cli", action, now, pengguna=name, **detail)


def set_password(store: Store, username: str, password: str, *, actor: str | None = None,
                 now: datetime | None = None, settings: Settings = DEFAULTS) -> None:
    """Replace a password (policy as in ``add_user``, cost ``settings.bcrypt_rounds``) and lift any lock.

    Raises AuthError."""
    check_password_policy((username or "").strip().lower(), password)
    _change(store, username, "user_passwd", {"password_hash": hash_password(password, settings.bcrypt_rounds),
                                             "failed_count": 0, "locked_until": None}, actor=actor, now=now)


def set_role(store: Store, username: str, role: str, *, actor: str | None = None, now: datetime | None = None) -> None:
    """Give an account another role. Raises AuthError (also 'admin_terakhir' when demoting the last admin)."""
    role = clean_role(role)
    _change(store, username, "user_role", {"role": role}, actor=actor, now=now,
            guard_admin=role != "admin", peran=role)


def user_area(value) -> str | None:
    """``clean_area`` with the account's error type: a dotted code, or None (everywhere).

    Raises AuthError 'wilayah_tidak_sah'."""
    try:
        return clean_area(value)
    except RekamError as err:
        raise AuthError(err.key, **err.params) from None


def set_area(store: Store, username: str, wilayah: str | None, *, actor: str | None = None,
             now: datetime | None = None) -> str | None:
    """Limit an account to ``wilayah`` (None or blank: everywhere); returns the stored code.

    Takes effect at the account's next write, on every replica (each write reads the account
    again). Raises AuthError ('wilayah_tidak_sah', 'pengguna_tidak_ada')."""
    wilayah = user_area(wilayah)
    _change(store, username, "user_area", {"wilayah": wilayah}, actor=actor, now=now, wilayah=wilayah)
    return wilayah


def deactivate_user(store: Store, username: str, *, actor: str | None = None, now: datetime | None = None) -> None:
    """Disable an account (kept for the audit trail). Raises AuthError ('pengguna_tidak_ada', 'admin_terakhir')."""
    _change(store, username, "user_disable", {"active": False}, actor=actor, now=now, guard_admin=True)


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

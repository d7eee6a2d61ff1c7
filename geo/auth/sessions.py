"""Sessions, roles and password login with lockout.

Repeated failed logins slow an account down: from the third consecutive failure the
account is locked for ``30 s × 2^(n−3)``, capped at 15 minutes. A wrong password and
an unknown user give the same error and take about the same time (unknown names are
checked against a dummy hash). Lock state is kept only for existing accounts, so a
locked account does reveal that the name exists; names of office staff are not
secret, and keeping rows for every guessed name would let anyone fill the table.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select, update

from geo.auth.users import (
    USERNAME_RE, AuthError, bcrypt_cost, check_password, clean_role, find_row, find_user, hash_password, iso, utc,
    write_audit,
)
from geo.config import DEFAULTS, Settings
from geo.schema import ROLES
from geo.store import Store
from geo.store.tables import users_table

LOCK_AFTER = 3
LOCK_BASE_SECONDS = 30
LOCK_MAX_SECONDS = 15 * 60


@dataclass(frozen=True)
class Session:
    """A logged-in user: ``role`` granted until ``expires_at`` (aware UTC datetimes); ``wilayah``
    the area whose data the user may change (None: everywhere), as at login or at the last
    ``require`` with the store."""

    username: str
    role: str
    issued_at: datetime
    expires_at: datetime
    wilayah: str | None = None

    def valid(self, now: datetime | None = None) -> bool:
        """True while ``now`` (default: the clock) is before ``expires_at``."""
        return utc(now) < self.expires_at


def new_session(username: str, role: str, *, minutes: int | None = None, now: datetime | None = None,
                settings: Settings = DEFAULTS) -> Session:
    """A Session for ``username`` lasting ``minutes`` (default ``settings.session_minutes``)."""
    now = utc(now)
    minutes = settings.session_minutes if minutes is None else minutes
    return Session(username, clean_role(role), now, now + timedelta(minutes=minutes))


def require(session: Session | None, role: str, *, store: Store | None = None,
            now: datetime | None = None) -> Session:
    """The write-path check: the session as the account stands now, or raise AuthError.

    'perlu_login' when ``session`` is None or expired; 'perlu_peran' when its role is
    below ``role`` (viewer < editor < admin). With ``store``, the account is read again
    so that a user deactivated or demoted during the session loses the right at once
    (a name with no row — an SSO viewer — counts as viewer), and the session returned
    carries the account's area (``wilayah``) as stored now: pass it to the write.
    """
    needed = ROLES.index(clean_role(role))
    if session is None or not session.valid(now):
        raise AuthError("perlu_login")
    current, area = session.role, session.wilayah
    if store is not None:
        row = find_user(store, session.username)
        if row is not None and not row["active"]:
            raise AuthError("perlu_login")
        if row is not None:
            current = min(current, row["role"], key=ROLES.index)  # a promotion applies at next login
            area = row["wilayah"]
        else:
            current = "viewer"
    if ROLES.index(current) < needed:
        raise AuthError("perlu_peran", peran=role, peran_sesi=current)
    return replace(session, role=current, wilayah=area)


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
def lock_seconds(failures: int) -> int:
    """Lock length after ``failures`` consecutive failures: 0, then 30 s doubling, at most 15 min."""
    if failures < LOCK_AFTER:
        return 0
    return min(LOCK_BASE_SECONDS * 2 ** min(failures - LOCK_AFTER, 10), LOCK_MAX_SECONDS)


_dummy_hashes: dict[int, str] = {}


def _dummy_hash(rounds: int) -> str:
    """A hash at cost ``rounds``, to spend the same time on unknown usernames."""
    if rounds not in _dummy_hashes:
        _dummy_hashes[rounds] = hash_password(os.urandom(16).hex(), rounds)
    return _dummy_hashes[rounds]


def _count_attempt(store: Store, name: str, now: datetime):
    """(the active user row or None, failures so far, seconds still locked) after counting this attempt.

    The attempt is counted (and the account locked if due) *before* the password is checked,
    so parallel guesses cannot all slip through before the first failure is recorded.
    """
    u = users_table
    failures, locked_for = 0, 0
    with store.transaction() as conn:
        row = find_row(conn, name) if USERNAME_RE.fullmatch(name) else None
        if row is not None and row["active"]:
            locked_until = datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None
            if locked_until is not None and now < locked_until:
                locked_for = math.ceil((locked_until - now).total_seconds())
                write_audit(conn, name, "login_dikunci", now, detik=locked_for)
            else:
                conn.execute(update(u).where(u.c.id == row["id"]).values(failed_count=u.c.failed_count + 1))
                failures = conn.execute(select(u.c.failed_count).where(u.c.id == row["id"])).scalar_one()
                if lock := lock_seconds(failures):
                    conn.execute(update(u).where(u.c.id == row["id"])
                                 .values(locked_until=iso(now + timedelta(seconds=lock))))
    return row, failures, locked_for


def authenticate(store: Store, username: str, password: str, *, now: datetime | None = None,
                 settings: Settings = DEFAULTS) -> Session:
    """Check a password and return a Session lasting ``settings.session_minutes``.

    Raises AuthError 'login_gagal' for a wrong password, an unknown or deactivated
    user (alike, in about the same time), and 'login_dikunci' (``detik`` left) while an
    account is locked after repeated failures; the password is not checked then.
    Every attempt is written to ``audit``. A hash made at a cost below
    ``settings.bcrypt_rounds`` is replaced at a good login.
    """
    now = utc(now)
    name = (username or "").strip().lower()
    row, failures, locked_for = _count_attempt(store, name, now)
    if locked_for:
        raise AuthError("login_dikunci", detik=locked_for)
    rounds = settings.bcrypt_rounds
    ok = check_password(password or "", row["password_hash"] if row is not None else _dummy_hash(rounds))
    ok = ok and row is not None and bool(row["active"])
    values = {"failed_count": 0, "locked_until": None}
    if ok and bcrypt_cost(row["password_hash"]) < rounds:  # bring old hashes up to the current cost
        values["password_hash"] = hash_password(password, rounds)
    u = users_table
    with store.transaction() as conn:
        if ok:
            conn.execute(update(u).where(u.c.id == row["id"]).values(**values))
            write_audit(conn, row["username"], "login_ok", now)
        else:
            reason = "tidak_ada" if row is None else ("nonaktif" if not row["active"] else "sandi")
            write_audit(conn, name or "-", "login_gagal", now, alasan=reason, gagal=failures)
    if not ok:
        raise AuthError("login_gagal")
    return Session(row["username"], row["role"], now, now + timedelta(minutes=settings.session_minutes),
                   row["wilayah"])

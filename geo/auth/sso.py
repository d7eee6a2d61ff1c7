"""Single sign-on through Streamlit's ``st.login`` (OIDC): which providers, which role."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from geo.auth.sessions import Session
from geo.auth.users import find_user, utc, write_audit
from geo.config import DEFAULTS, Settings
from geo.store import Store


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
                settings: Settings = DEFAULTS) -> Session:
    """A Session lasting ``settings.session_minutes`` for an identity the OIDC provider has
    already verified; the login is audited."""
    now = utc(now)
    email = (email or "").strip().lower()
    row = find_user(store, email)
    role = role_for_sso(email, store)
    with store.transaction() as conn:
        write_audit(conn, email, "login_sso", now, peran=role)
    return Session(email, role, now, now + timedelta(minutes=settings.session_minutes),
                   row["wilayah"] if row is not None else None)

"""Who may see what: the login box, single sign-on, the session, and the access gate.

Dashboards are public when ``[akses] publik`` / ``REKAM_PUBLIC_VIEW`` say so
(``geo.auth.viewer_allowed``); otherwise every page asks for a login first and shows
nothing else until a viewer, editor or admin has logged in. Writing needs an editor,
managing accounts an admin; every write path checks the role again (``require``).
"""
from __future__ import annotations

import streamlit as st

from geo import auth
from geo.schema import RekamError
from geo.text import describe
from ui import queries
from ui.context import Context, fail, flash


def current_session():
    """The logged-in user's session while it is valid; an expired one is dropped."""
    session = st.session_state.get("auth_session")
    if session is not None and not session.valid():
        st.session_state.pop("auth_session", None)
        st.session_state["auth_expired"] = True
        return None
    return session


def can(ctx: Context, role: str) -> bool:
    """Whether the current session holds ``role`` now (the account is read again)."""
    return auth.can(current_session(), role, store=queries.store(ctx.url))


def require(ctx: Context, role: str):
    """The session of a user holding ``role`` now, with the account's area as stored now
    (``wilayah``: pass it to the write), or raise AuthError (for write paths)."""
    session = auth.require(current_session(), role, store=queries.store(ctx.url))
    st.session_state["auth_session"] = session  # the sidebar shows the role and area as they are now
    return session


def admit(ctx: Context, *, login: bool = False, heading: str | None = None):
    """The gate every dashboard page passes first; returns the session (or None).

    Public dashboards let everyone in (the login box is drawn only when ``login``: pages
    where editors write). Otherwise the login box is drawn and a visitor without a valid
    viewer, editor or admin session gets ``heading`` (when the page has drawn none yet) and a
    request to log in, and nothing else: the script stops.
    """
    if auth.viewer_allowed(ctx.settings) and not login:
        return current_session()
    session = login_box(ctx)
    if not auth.viewer_allowed(ctx.settings) and not can(ctx, "viewer"):
        if heading:
            st.title(heading)
        st.info(ctx.t("akses_perlu_login"), icon=":material/lock:")
        st.stop()
    return session


def login_box(ctx: Context):
    """Sidebar login/logout; returns the current session (or None)."""
    session = current_session()
    with st.sidebar:
        if session:
            st.caption(ctx.t("masuk_sebagai", nama=session.username, peran=session.role))
            if session.wilayah:
                name = queries.area_names(ctx.url, ctx.stamp, session.wilayah).get(session.wilayah)
                st.caption(ctx.t("wilayah_anda", wilayah=f"{name} ({session.wilayah})" if name else session.wilayah))
            if st.button(ctx.t("keluar")):
                st.session_state.pop("auth_session", None)
                if getattr(st.user, "is_logged_in", False):
                    st.logout()  # else the provider's cookie signs the user straight back in
                st.rerun()
            return session
        if st.session_state.pop("auth_expired", False):
            st.warning(ctx.t("sesi_habis"))
        sso = _sso_session(ctx)
        if sso is not None:
            return sso
        with st.form("login"):
            public = auth.viewer_allowed(ctx.settings)  # else viewers log in here too
            st.markdown(f"**{ctx.t('masuk_editor') if public else ctx.t('masuk_pengguna')}**")
            name = st.text_input(ctx.t("nama_pengguna"))
            password = st.text_input(ctx.t("kata_sandi"), type="password")
            if st.form_submit_button(ctx.t("masuk")):
                try:
                    session = auth.authenticate(queries.store(ctx.url), name, password, settings=ctx.settings)
                except RekamError as err:
                    st.error(describe(err, ctx.lang))
                else:
                    st.session_state["auth_session"] = session
                    st.session_state["login_area"] = session.wilayah  # the next run opens on it
                    st.rerun()
    return None


def _sso_session(ctx: Context):
    """Single sign-on through st.login when an OIDC provider is configured in secrets.

    The provider's verified email decides the role (a user row with that email or name);
    without a configured provider nothing is shown. Returns a Session or None.
    """
    try:
        providers = auth.oidc_providers(st.secrets)
    except Exception:  # noqa: BLE001 — no secrets file at all: no SSO
        providers = []
    if not providers:
        return None
    if getattr(st.user, "is_logged_in", False) and st.user.get("email") and st.user.get("email_verified", True):
        session = auth.sso_session(queries.store(ctx.url), st.user.email, settings=ctx.settings)
        st.session_state["auth_session"] = session
        st.session_state["login_area"] = session.wilayah
        return session
    for provider in providers:  # one button per configured provider ([auth] or [auth.NAME])
        label = ctx.t("masuk_sso") + (f" ({provider})" if provider and len(providers) > 1 else "")
        if st.button(label, icon=":material/key:", key=f"sso_{provider or 'default'}"):
            if provider:
                st.login(provider)
            else:
                st.login()
    return None


def users(ctx: Context):
    """The accounts as an admin sees them (no hashes)."""
    return auth.list_users(queries.store(ctx.url))


def user_form(ctx: Context) -> None:
    """An admin adds an account: name, role, area, password (all checked in geo.auth)."""
    with st.form("user_add"):
        name = st.text_input(ctx.t("nama_pengguna"))
        role = st.selectbox(ctx.t("peran"), ["viewer", "editor", "admin"])
        area = st.text_input(ctx.t("wilayah_pengguna"), help=ctx.t("wilayah_pengguna_bantuan"))
        password = st.text_input(ctx.t("kata_sandi"), type="password")
        if st.form_submit_button(ctx.t("tambah_pengguna")):
            try:
                session = require(ctx, "admin")
                auth.add_user(queries.store(ctx.url), name, password, role, wilayah=area, actor=session.username,
                              settings=ctx.settings)
            except RekamError as err:
                fail(ctx, err)
            else:
                flash(ctx.t("data_pengguna_ditambah", nama=name))
                st.rerun()

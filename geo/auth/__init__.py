"""Accounts and roles for the data desk: who may import, roll back and manage users.

Viewers read dashboards (without logging in when ``Settings.public_view``); editors
write data — of their own area (``wilayah``) only when the account has one
(``geo.ingest.rights.may_write``); admins also manage accounts. Passwords are hashed with bcrypt at
``Settings.bcrypt_rounds``. Every write path calls ``require(session, role)`` just
before it writes. Settings come from the caller (the edge loads them once).

``users`` (accounts, hashes, the audit trail), ``sessions`` (sessions, roles, login
with lockout), ``sso`` (``st.login`` providers and their roles).
"""
from __future__ import annotations

from geo.auth.sessions import Session, authenticate, can, new_session, require, viewer_allowed
from geo.auth.sso import oidc_configured, oidc_providers, role_for_sso, sso_session
from geo.auth.users import (
    USER_COLUMNS, AuthError, add_user, audit_log, bcrypt_cost, check_password_policy, clean_email, clean_role,
    clean_username, deactivate_user, find_user, list_users, set_area, set_password, set_role, user_area,
)
from geo.ingest.rights import OutsideArea, may_write
from geo.schema import ROLES

__all__ = [
    "AuthError", "OutsideArea", "ROLES", "Session", "USER_COLUMNS", "add_user", "audit_log", "authenticate",
    "bcrypt_cost", "can", "check_password_policy", "clean_email", "clean_role", "clean_username", "deactivate_user",
    "find_user", "list_users", "may_write", "new_session", "oidc_configured", "oidc_providers", "require",
    "role_for_sso", "set_area", "set_password", "set_role", "sso_session", "user_area", "viewer_allowed",
]

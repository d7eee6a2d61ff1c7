"""``python -m geo user add|list|role|area|passwd|disable``: accounts for the Data page.

Whoever runs the CLI on the server is the administrator, so these commands take no session.
An editor limited to an area (``--within 36.01``; ``user area``) changes only that area's data.
"""
from __future__ import annotations

import getpass
import sys
from functools import partial

from geo.cli.output import add_common, command, emit, lang, open_store
from geo.schema import ROLES
from geo.text import tr


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    users = command(sub, "user", t("cli_h_user")).add_subparsers(dest="user_command", metavar=t("cli_mv_perintah"),
                                                                 required=True)
    name = t("cli_mv_nama_posisi")

    p = add_common(command(users, "add", t("cli_h_user_add")), language)
    p.add_argument("name", metavar=name)
    p.add_argument("--role", choices=ROLES, default="viewer")
    p.add_argument("--email", help=t("cli_h_email"))
    p.add_argument("--within", metavar=t("cli_mv_kode"), help=t("cli_h_user_within"))
    p.add_argument("--password-stdin", action="store_true", help=t("cli_h_password_stdin"))
    p.set_defaults(func=cmd_user_add)

    p = add_common(command(users, "list", t("cli_h_user_list")), language, fmt_opt=True)
    p.set_defaults(func=cmd_user_list)

    p = add_common(command(users, "role", t("cli_h_user_role")), language)
    p.add_argument("name", metavar=name)
    p.add_argument("role", choices=ROLES)
    p.set_defaults(func=cmd_user_role)

    p = add_common(command(users, "area", t("cli_h_user_area")), language)
    p.add_argument("name", metavar=name)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("code", nargs="?", metavar=t("cli_mv_kode"), help=t("cli_h_area_code"))
    where.add_argument("--everywhere", action="store_true", help=t("cli_h_everywhere"))
    p.set_defaults(func=cmd_user_area)

    p = add_common(command(users, "passwd", t("cli_h_user_passwd")), language)
    p.add_argument("name", metavar=name)
    p.add_argument("--password-stdin", action="store_true", help=t("cli_h_password_stdin"))
    p.set_defaults(func=cmd_user_passwd)

    p = add_common(command(users, "disable", t("cli_h_user_disable")), language)
    p.add_argument("name", metavar=name)
    p.set_defaults(func=cmd_user_disable)


def _read_password(args, language: str) -> str:
    from geo.auth import AuthError

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AuthError("sandi_perlu_tty")
    first = getpass.getpass(tr("sandi_prompt", language, nama=args.name))
    if getpass.getpass(tr("sandi_prompt_ulang", language)) != first:
        raise AuthError("sandi_tidak_cocok")
    return first


def cmd_user_add(args) -> int:
    from geo import auth
    from geo.config import load_settings

    store, language = open_store(args), lang(args)
    name = auth.clean_username(args.name)  # refuse a bad name before asking for a password
    auth.clean_role(args.role)
    auth.clean_email(args.email)
    area = auth.user_area(args.within)
    name = auth.add_user(store, name, _read_password(args, language), args.role, email=args.email, wilayah=area,
                         actor=args.user, settings=load_settings())
    if area:
        print(tr("pengguna_ditambah_wilayah", language, nama=name, peran=args.role, wilayah=area))
    else:
        print(tr("pengguna_ditambah", language, nama=name, peran=args.role))
    return 0


def cmd_user_list(args) -> int:
    from geo import auth

    emit(auth.list_users(open_store(args)), args.format, lang(args))
    return 0


def cmd_user_role(args) -> int:
    from geo import auth

    auth.set_role(open_store(args), args.name, args.role, actor=args.user)
    print(tr("peran_diubah", lang(args), nama=args.name, peran=args.role))
    return 0


def cmd_user_area(args) -> int:
    from geo import auth

    language = lang(args)
    area = auth.set_area(open_store(args), args.name, None if args.everywhere else args.code, actor=args.user)
    print(tr("wilayah_diubah", language, nama=args.name, wilayah=area or tr("wilayah_semua", language)))
    return 0


def cmd_user_passwd(args) -> int:
    from geo import auth
    from geo.config import load_settings

    store, language = open_store(args), lang(args)
    if auth.find_user(store, args.name) is None:  # before asking for a password
        raise auth.AuthError("pengguna_tidak_ada", nama=args.name)
    auth.set_password(store, args.name, _read_password(args, language), actor=args.user,
                      settings=load_settings())
    print(tr("sandi_diubah", language, nama=args.name))
    return 0


def cmd_user_disable(args) -> int:
    from geo import auth

    auth.deactivate_user(open_store(args), args.name, actor=args.user)
    print(tr("pengguna_dinonaktifkan", lang(args), nama=args.name))
    return 0

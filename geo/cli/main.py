"""``python -m geo …``: the same functions as the dashboard, from a terminal.

Each command group lives in its own module (``add_commands(subparsers)`` plus its ``cmd_*``
functions, which import the core only when they run). This module builds the parser and
turns the core's typed errors into messages: exit 0 done, 1 refused (the reason is printed;
nothing stored), 2 usage error, never a traceback (REKAM_DEBUG=1 shows one for an
unexpected failure).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import warnings

from geo.cli.output import lang
from geo.schema import RekamError
from geo.text import describe, tr

GROUPS = ("imports", "coverage", "users", "trend", "pockets", "capacity", "plan", "media", "alerts")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Peta Rekam e-KTP: impor, cakupan, peta.")
    parser.add_argument("--lang", choices=("id", "en"), help="bahasa keluaran / output language (default id)")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        importlib.import_module(f"geo.cli.{group}").add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if not os.environ.get("REKAM_DEBUG"):  # a library's warning (with its file paths) is no message for a person
        warnings.simplefilter("ignore")
    args = build_parser().parse_args(argv)
    if args.command == "demo" and not (args.generate or args.load):
        args.generate = True
    language = lang(args)
    try:
        return int(args.func(args) or 0)
    except RekamError as err:
        print(describe(err, language), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — the CLI promises no traceback
        if os.environ.get("REKAM_DEBUG"):
            traceback.print_exc()
        print(tr("galat_tak_terduga", language, jenis=type(exc).__name__, detail=str(exc)[:300]), file=sys.stderr)
        return 1

"""``python -m geo …``: the same functions as the dashboard, from a terminal.

Each command group lives in its own module (``add_commands(subparsers)`` plus its ``cmd_*``
functions, which import the core only when they run). This module builds the parser — for a
command, only its group's commands (``COMMANDS``), so that ``python -m geo coverage`` never
loads the map or image renderers — and turns the core's typed errors into messages: exit 0
done, 1 refused (the reason is printed; nothing stored), 2 usage error, never a traceback
(REKAM_DEBUG=1 shows one for an unexpected failure).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import warnings

from geo.cli.output import lang, say_error
from geo.schema import RekamError
from geo.text import tr

GROUPS = ("imports", "coverage", "users", "trend", "pockets", "capacity", "plan", "media", "alerts")
# The group module that adds each command (tests/geo/test_cli_lazy.py checks it against the groups).
COMMANDS = {
    **dict.fromkeys(("import-boundaries", "import-enrollment", "import-points", "import-events", "history", "rollback",
                     "demo"),
                    "imports"),
    **dict.fromkeys(("coverage", "map"), "coverage"),
    "user": "users", "trend": "trend", "pockets": "pockets", "plan": "plan",
    **dict.fromkeys(("capacity", "allocate-devices", "import-inventory", "import-blank-stock", "blank-stock"),
                    "capacity"),
    **dict.fromkeys(("briefing", "chart"), "media"),
    **dict.fromkeys(("alerts", "targets", "import-targets"), "alerts"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command``'s group only (its own parse is the same)."""
    parser = argparse.ArgumentParser(prog="python -m geo", description="Peta Rekam e-KTP: impor, cakupan, peta.")
    parser.add_argument("--lang", choices=("id", "en"), help="bahasa keluaran / output language (default id)")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in (COMMANDS[command],) if command in COMMANDS else GROUPS:
        importlib.import_module(f"geo.cli.{group}").add_commands(sub)
    return parser


def command_of(argv: list[str]) -> str | None:
    """The command word of ``argv``: its first word that is neither an option nor ``--lang``'s value;
    None when the whole parser is wanted (a help asked for before the command)."""
    words = iter(argv)
    for word in words:
        if word == "--lang":
            next(words, None)
        elif word in ("-h", "--help"):
            return None
        elif not word.startswith("-"):
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    if not os.environ.get("REKAM_DEBUG"):  # a library's warning (with its file paths) is no message for a person
        warnings.simplefilter("ignore")
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(command_of(argv)).parse_args(argv)
    if args.command == "demo" and not (args.generate or args.load):
        args.generate = True
    language = lang(args)
    try:
        return int(args.func(args) or 0)
    except RekamError as err:
        print(say_error(err, language), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — the CLI promises no traceback
        if os.environ.get("REKAM_DEBUG"):
            traceback.print_exc()
        print(tr("galat_tak_terduga", language, jenis=type(exc).__name__, detail=str(exc)[:300]), file=sys.stderr)
        return 1

"""``python -m geo …``: the same functions as the dashboard, from a terminal.

Each command group lives in its own module (``add_commands(subparsers)`` plus its ``cmd_*``
functions, which import the core only when they run). This module builds the parser — for a
command, only its group's commands (``COMMANDS``), so that ``python -m geo coverage`` never
loads the map or image renderers — and turns the core's typed errors into messages: exit 0
done, 1 refused (the reason is printed; nothing stored), 2 usage error, never a traceback
(REKAM_DEBUG=1 shows one for an unexpected failure). The help and the usage errors, argparse's own
words included, are in one language: ``--lang`` (or ``REKAM_LANG``), Indonesian by default.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from geo.cli.output import lang, lang_of, say_error
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


# argparse's own words, by their msgid in Python 3.11's argparse.py, → catalogue keys (geo/text/cli.py).
# Only what a person running the CLI can meet; a msgid not listed (a programming error, such as a
# conflicting option, or a later Python's rewording) stays argparse's English.
ARGPARSE_WORDS = {
    "usage: ": "cli_ap_penggunaan",
    "options": "cli_ap_opsi",
    "positional arguments": "cli_ap_argumen_posisi",
    "show this help message and exit": "cli_ap_bantuan",
    "%(prog)s: error: %(message)s\n": "cli_ap_kesalahan",
    "argument %(argument_name)s: %(message)s": "cli_ap_argumen",
    "the following arguments are required: %s": "cli_ap_wajib",
    "one of the arguments %s is required": "cli_ap_salah_satu_wajib",
    "unrecognized arguments: %s": "cli_ap_tak_dikenal",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_ap_pilihan_salah",
    "invalid %(type)s value: %(value)r": "cli_ap_nilai_salah",
    "expected one argument": "cli_ap_perlu_satu",
    "expected at most one argument": "cli_ap_paling_banyak_satu",
    "expected at least one argument": "cli_ap_paling_sedikit_satu",
    "not allowed with argument %s": "cli_ap_tidak_bersama",
    "ignored explicit argument %r": "cli_ap_nilai_diabaikan",
    "ambiguous option: %(option)s could match %(matches)s": "cli_ap_ambigu",
    "unexpected option string: %s": "cli_ap_opsi_tak_terduga",
}


@contextmanager
def argparse_speaks(language: str) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "-h"'s help, its usage errors) in ``language`` while
    the parser is built and parses.

    argparse offers no hook for its words but gettext: it calls its module-level ``_``
    (``gettext.gettext``) each time it needs one — group titles and ``-h``'s help when a parser is built,
    "usage: " when help is printed, the messages when parsing fails. gettext could only answer from
    compiled .mo files picked by the process's locale, so ``argparse._`` is swapped here for a look-up in
    the catalogue, and put back on the way out — also when argparse exits (``--help``, a usage error),
    so no other argparse user in the process (pytest's, under the tests) keeps these words.
    """
    def words(msgid):
        key = ARGPARSE_WORDS.get(msgid)
        return tr(key, language) if key else msgid

    before = argparse._
    argparse._ = words
    try:
        yield
    finally:
        argparse._ = before


def build_parser(command: str | None = None, language: str = "id") -> argparse.ArgumentParser:
    """The parser of every command, or of ``command``'s group only (its own parse is the same), its
    help in ``language`` (argparse's own words too when built inside ``argparse_speaks``)."""
    parser = argparse.ArgumentParser(prog="python -m geo", description=tr("cli_h_program", language))
    parser.add_argument("--lang", choices=("id", "en"), help=tr("cli_h_lang", language))
    sub = parser.add_subparsers(dest="command", metavar=tr("cli_mv_perintah", language), required=True)
    for group in (COMMANDS[command],) if command in COMMANDS else GROUPS:
        importlib.import_module(f"geo.cli.{group}").add_commands(sub, language)
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
    said_in = lang_of(argv)  # the help's and the usage errors' language: needed before there are args
    with argparse_speaks(said_in):
        args = build_parser(command_of(argv), said_in).parse_args(argv)
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

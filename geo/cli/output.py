"""What every command shares: the common options, the language, the store, printing tables.

Imports only the standard library and the light core modules: every command loads this."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from geo.schema import Col, RekamError
from geo.text import LANGS, tr

if TYPE_CHECKING:  # pandas is imported by the commands that print tables, not by every command
    import pandas as pd


def add_common(parser: argparse.ArgumentParser, language: str, fmt_opt: bool = False) -> argparse.ArgumentParser:
    """``--db`` and the hidden ``--user`` on every command; ``--format`` where it prints a table."""
    parser.add_argument("--db", help=tr("cli_h_db", language))
    parser.add_argument("--user", default=os.environ.get("REKAM_USER", "cli"), help=argparse.SUPPRESS)
    if fmt_opt:
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                            help=tr("cli_h_format", language))
    return parser


def command(sub, name: str, text: str) -> argparse.ArgumentParser:
    """The parser of command ``name``: ``text`` is its line in the list of commands and the description
    its own ``--help`` opens with."""
    return sub.add_parser(name, help=text, description=text)


def number(value: float, language: str) -> str:
    """A default shown in a help text: ``0,5`` in Indonesian, ``0.5`` in English (``geo.fmt`` loads
    pandas, which ``--help`` must not)."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "id" else text


# What the CLI adds to a refusal whose words name a box to tick on the Data page: its own option.
CLI_HINTS = {
    "berkas_sudah_diimpor": "cli_paksa_impor",
    "tanggal_masa_depan": "cli_izinkan_tanggal",
    "tanggal_sebelum_program": "cli_izinkan_tanggal",
    "ada_baris_tak_cocok": "cli_lewati_tak_cocok",
    "lembar_banyak_periode": "cli_pilih_lembar",
}
# The days (ISO text) and the stored times a refusal carries, said in words where it is printed.
def say_error(err, language: str) -> str:
    """A refusal as the CLI prints it: in words for people (``geo.present.common.refusal_text``: dates
    and times as read), then the CLI's own option where the text names the Data page's box
    (``CLI_HINTS``)."""
    # geo.present loads pandas: imported when a refusal is printed, not by every command
    from geo.present.common import refusal_text

    hint = CLI_HINTS.get(err.key)
    text = refusal_text(err, language)
    return f"{text}\n{tr(hint, language, **err.params)}" if hint else text


def lang(args) -> str:
    """``--lang`` > ``REKAM_LANG`` > Indonesian."""
    return getattr(args, "lang", None) or os.environ.get("REKAM_LANG", "id")


def lang_of(argv: list[str]) -> str:
    """The language of the help and of usage errors, known before parsing (the parser is built in it):
    ``--lang`` before the command word, else as ``lang``; Indonesian for a language the product lacks."""
    given = None
    words = iter(argv)
    for word in words:
        if word == "--lang":
            given = next(words, None)
        elif word.startswith("--lang="):
            given = word.partition("=")[2]
        elif not word.startswith("-"):
            break
    language = given or os.environ.get("REKAM_LANG", "id")
    return language if language in LANGS else "id"


def open_store(args):
    """The store named by ``--db`` (or the environment's); raises StoreError."""
    from geo.store import Store

    return Store.open(args.db)


def emit(frame: pd.DataFrame, fmt_name: str, lang: str) -> None:
    """Print a frame as a readable table, CSV (neutralised) or JSON (a list of objects)."""
    if fmt_name == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt_name == "csv":
        from geo.export import neutralise

        sys.stdout.write(neutralise(frame).to_csv(index=False))
    else:
        print(human_table(frame, lang) if len(frame) else tr("cli_tidak_ada_data", lang))


def human_table(frame: pd.DataFrame, lang: str) -> str:
    """A frame as aligned text: cakupan as ``92,28%``, counts as ``760.097``, missing as ``–``."""
    import pandas as pd

    from geo import fmt

    shown = frame.copy()
    for c in shown.columns:
        if c == Col.CAKUPAN:
            shown[c] = [fmt.percent(v, 2, lang) for v in shown[c]]
        elif pd.api.types.is_integer_dtype(shown[c]) or pd.api.types.is_float_dtype(shown[c]):
            shown[c] = [fmt.number(v, 0, lang) for v in shown[c]]
        else:
            shown[c] = shown[c].map(lambda v: "–" if v is None or (isinstance(v, float) and v != v) else str(v))
    return shown.to_string(index=False)


def check_out(path: str) -> None:
    """Refuse an output path whose folder does not exist before spending seconds on the file."""
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise RekamError("gambar_folder_tidak_ada", path=path, folder=str(folder))


def write_file(path: str, data: bytes) -> None:
    """``data`` to ``path``; a file that cannot be written is a RekamError saying why."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise RekamError("gambar_tidak_tertulis", path=path, detail=exc.strerror or str(exc)) from None

"""The command line's help and usage errors speak one language: Indonesian by default, English with
``--lang en`` (or ``REKAM_LANG=en``) — argparse's own words ("usage:", "options", its errors) too."""
from __future__ import annotations

import argparse
import gettext

import pytest

from geo.cli.main import COMMANDS, main

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message", "error:",
                    "the following arguments are required")
INDONESIAN = ("penggunaan:", "opsi:", "tampilkan bantuan ini", "kesalahan:", "bawaan", "mis.", "TTTT-BB-HH",
              "bahasa keluaran")


@pytest.fixture(autouse=True)
def no_language_from_the_environment(monkeypatch):
    monkeypatch.delenv("REKAM_LANG", raising=False)


def said(argv: list[str], capsys) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``python -m geo ARGV`` that stops in argparse (help or usage error)."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def words(text: str) -> str:
    """``text`` with its line breaks and column padding as single spaces (argparse wraps to the terminal)."""
    return " ".join(text.split())


@pytest.mark.parametrize("argv", [["--help"], ["coverage", "--help"], ["trend", "-h"], ["briefing", "--help"]])
def test_help_is_indonesian_by_default(argv, capsys):
    code, out, _ = said(argv, capsys)
    assert code == 0
    assert out.startswith("penggunaan: python -m geo") and "opsi:" in out
    assert "-h, --help tampilkan bantuan ini lalu keluar" in words(out)
    assert not [w for w in ARGPARSE_ENGLISH if w in out]
    # no command says itself twice, "id / en", in one string
    assert not [w for w in ("trend and projection", "one-page briefing", "media-pack", "output language")
                if w in out]


def test_the_command_list_has_one_language(capsys):
    _, out, _ = said(["--help"], capsys)
    assert "argumen posisi:" in out and "PERINTAH" in out
    assert "trend tren dan proyeksi: kapan target cakupan tercapai pockets" in words(out)
    _, out, _ = said(["--lang", "en", "--help"], capsys)
    assert "positional arguments:" in out and "COMMAND" in out
    assert "trend trend and projection: when the coverage target is reached pockets" in words(out)
    assert "tren dan proyeksi" not in out and "ringkasan satu halaman" not in out


@pytest.mark.parametrize("argv", [["--lang", "en", "--help"], ["--lang=en", "coverage", "--help"],
                                  ["-h", "--lang", "en"], ["--lang", "en", "user", "area", "--help"]])
def test_the_english_switch_gives_english_help(argv, capsys):
    code, out, _ = said(argv, capsys)
    assert code == 0
    assert out.startswith("usage: python -m geo") and "options:" in out
    assert "show this help message and exit" in out
    assert not [w for w in INDONESIAN if w in out]


def test_rekam_lang_gives_english_help(monkeypatch, capsys):
    monkeypatch.setenv("REKAM_LANG", "en")
    _, out, _ = said(["trend", "--help"], capsys)
    assert out.startswith("usage: ") and "deadline, YYYY-MM-DD" in out and "tenggat" not in out


def test_a_missing_required_argument_is_said_in_indonesian(capsys):
    code, out, err = said(["coverage"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("penggunaan: python -m geo coverage")
    assert "python -m geo coverage: kesalahan: argumen berikut wajib diisi: --level" in err
    assert not [w for w in ARGPARSE_ENGLISH if w in err]


def test_a_missing_command_and_a_bad_choice_are_said_in_indonesian(capsys):
    _, _, err = said([], capsys)
    assert "python -m geo: kesalahan: argumen berikut wajib diisi: PERINTAH" in err
    _, _, err = said(["coverage", "--level", "pulau"], capsys)
    assert "argumen --level: pilihan tidak sah: 'pulau' (pilih dari 'provinsi'," in err
    _, _, err = said(["plan", "--within", "99.01", "--units", "1", "--days", "2", "--fixed", "x"], capsys)
    assert "argumen --fixed: 'x': tulis UNIT:HARI:KODE" in err


def test_usage_errors_in_english_with_the_switch(capsys):
    _, _, err = said(["--lang", "en", "coverage"], capsys)
    assert "python -m geo coverage: error: the following arguments are required: --level" in err
    _, _, err = said(["--lang", "en", "rollback", "x"], capsys)
    assert "error: argument version: invalid int value: 'x'" in err
    assert not [w for w in INDONESIAN if w in err]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_command_helps_in_one_language(lang, capsys):
    """Each command's help is built from the catalogue: no key shown raw, no stray ``%`` (argparse
    formats help with ``%``), none of the other language's words."""
    foreign = ARGPARSE_ENGLISH if lang == "id" else INDONESIAN
    commands = [[c] for c in COMMANDS if c != "user"] + [["user", c] for c in
                                                          ("add", "list", "role", "area", "passwd", "disable")]
    for command in [[], ["user"], *commands]:
        code, out, _ = said(["--lang", lang, *command, "--help"], capsys)
        assert code == 0, command
        assert "cli_" not in out, command
        assert not [w for w in foreign if w in out], command


def test_argparse_keeps_its_own_words_outside_the_command_line(capsys):
    """The words are argparse's only while ``main`` builds and parses: another parser in the same
    process (pytest's, here) is left as it was, after help and after a usage error alike."""
    said(["--help"], capsys)
    said(["coverage"], capsys)
    assert argparse._ is gettext.gettext
    assert argparse.ArgumentParser(prog="x").format_help().startswith("usage: x")

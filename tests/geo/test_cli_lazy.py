"""The command line loads what a command needs: ``--help`` no pandas and no renderer, a command only
its own group (``geo.cli.main.COMMANDS``, checked here against what the groups add)."""
from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli.main import COMMANDS, GROUPS, command_of, main

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "matplotlib", "plotly", "folium", "geopandas", "shapely", "sqlalchemy", "openpyxl")


def loaded_after(argv: list[str]) -> set[str]:
    """Top-level packages imported by ``python -m geo ARGV`` (run in a fresh interpreter)."""
    script = ("import sys\nfrom geo.cli.main import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
              "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} | {m for m in sys.modules "
              "if m.startswith('geo.')})))")
    done = subprocess.run([sys.executable, "-c", script, *argv], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split()[-1000:])


def test_the_command_table_names_what_each_group_adds():
    for group in GROUPS:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"geo.cli.{group}").add_commands(sub)
        assert {c: g for c, g in COMMANDS.items() if g == group} == dict.fromkeys(sub.choices, group)
    assert set(COMMANDS.values()) == set(GROUPS)


def test_the_parser_repeats_the_renderers_names_exactly():
    from geo.cli import media
    from geo.render import images
    from geo.render import media as render_media

    assert media.CHART_KINDS == render_media.CHART_KINDS
    assert media.SIZE_NAMES == tuple(images.SIZES)


@pytest.mark.parametrize("argv, command", [
    (["coverage", "--level", "desa"], "coverage"), (["--lang", "en", "map", "--out", "x"], "map"),
    (["--lang=en", "history"], "history"), (["--help"], None), ([], None), (["-h", "trend"], None),
    (["trend", "-h"], "trend"),
    (["--la", "en", "pockets"], "en"),  # an abbreviated option: unknown word, so every group is loaded
])
def test_the_command_word_is_found_before_parsing(argv, command):
    assert command_of(argv) == command


def test_help_loads_no_data_library_and_no_renderer():
    loaded = loaded_after(["--help"])
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert not any(m.startswith("geo.render") for m in loaded)


def test_a_command_loads_its_group_only():
    loaded = loaded_after(["coverage", "--help"])
    assert "geo.cli.coverage" in loaded and not {"geo.cli.media", "geo.cli.imports", "geo.cli.plan"} & loaded
    assert not {"matplotlib", "plotly", "folium"} & loaded


def test_every_command_still_parses_as_before(capsys):
    """An unknown command is refused by the full parser, listing every command (exit 2)."""
    with pytest.raises(SystemExit) as exit_:
        main(["planet"])
    assert exit_.value.code == 2
    said = capsys.readouterr().err
    assert all(name in said for name in COMMANDS)

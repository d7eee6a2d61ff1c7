"""The message catalogue: one key, one text, whatever order the modules are imported in."""
from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import geo
from geo import messages

ROOT = Path(__file__).resolve().parents[2]


def test_a_key_cannot_get_a_second_text():
    messages.register({"uji_kunci_tunggal": ("Satu", "One")})
    messages.register({"uji_kunci_tunggal": ("Satu", "One")})  # the same text again: fine (a re-import)
    with pytest.raises(ValueError, match="uji_kunci_tunggal"):
        messages.register({"uji_kunci_tunggal": ("Dua", "Two")})
    assert messages.text("uji_kunci_tunggal", "en") == "One"


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_every_module_registers_its_texts_without_clashing(order):
    """Each module's messages in a fresh interpreter, modules imported in both orders (ui.py too)."""
    names = sorted(m.name for m in pkgutil.walk_packages(geo.__path__, "geo.") if m.name != "geo.__main__")
    names = names if order == "forward" else names[::-1]
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    run = subprocess.run([sys.executable, "-c", code, *names, "ui"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    for name in names:  # and in this process, as the test session has them
        importlib.import_module(name)

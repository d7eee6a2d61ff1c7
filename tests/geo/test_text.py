"""The text catalogue: loaded as a whole, both languages for every key, every key used exists."""
from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from geo import text
from geo.text import CATALOG, tr

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*ROOT.joinpath("geo").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py"),
           ROOT / "dashboard.py"]
# Calls whose first argument is a text key: the translators and every typed error or problem.
KEY_TAKERS = {"tr", "t", "Problem", "problem", "bad", "Word"}


def _error_classes() -> set[str]:
    names = {"RekamError"}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "").endswith(("Error", "Refused", "Failed"))
                                                      for b in node.bases):
                names.add(node.name)
    return names | {"ConfigError", "FileRefused", "StoreError"}


def _keys_used() -> tuple[set[str], set[str]]:
    """(literal keys, prefixes of keys built with f-strings) passed to a key-taking call."""
    takers = KEY_TAKERS | _error_classes()
    literal, prefixes = set(), set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in takers:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                literal.add(arg.value)
            elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                prefixes.add(arg.values[0].value)
    return literal, prefixes


def test_every_key_used_in_code_exists_in_both_languages():
    literal, prefixes = _keys_used()
    assert len(literal) > 300  # the walk found the product's keys
    missing = sorted(k for k in literal if re.fullmatch(r"[a-z][a-z0-9_]*", k) and k not in CATALOG)
    assert missing == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in CATALOG)) == []


def test_every_entry_has_both_languages_with_the_same_placeholders():
    fields = lambda s: {f.split("|")[0] for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    differ = []
    for key, entry in CATALOG.items():
        assert entry["id"].strip() and entry["en"].strip(), key
        if fields(entry["id"]) != fields(entry["en"]):
            differ.append(key)
    assert differ == []


def test_a_key_defined_twice_is_refused(monkeypatch):
    class Twice:
        __name__ = "geo.text.twice"
        TEXTS = {"kpi_wajib": ("Lain", "Other")}

    monkeypatch.setattr(text, "PARTS", (*text.PARTS, Twice))
    with pytest.raises(ValueError, match="kpi_wajib"):
        text._load()


def test_words_and_placeholders():
    assert tr("kpi_wajib") == "Wajib KTP" and tr("kpi_wajib", "en") == "Must hold e-KTP"
    assert tr("lokasi_baris", "en", baris=7) == "Row 7"
    assert tr("bukan_kunci_apa_pun") == "bukan_kunci_apa_pun"


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """No module depends on another having been imported first (the text catalogue included)."""
    names = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                   for p in ROOT.joinpath("geo").rglob("*.py") if p.name != "__main__.py")
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    for order in (names, names[::-1]):
        run = subprocess.run([sys.executable, "-c", code, *order], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]


def test_english_plurals():
    assert tr("validasi_gagal", "en", jumlah=1).startswith("File refused: 1 problem found.")
    assert tr("validasi_gagal", "en", jumlah=3).startswith("File refused: 3 problems found.")
    assert "went down 1 time —" in tr("catatan_koreksi", "en", n=1, daftar="x")
    assert "went down 2 times —" in tr("catatan_koreksi", "en", n=2, daftar="x")
    assert tr("validasi_gagal", "id", jumlah=1).startswith("Berkas ditolak: 1 masalah")
    assert not any("(s)" in e["en"] for e in CATALOG.values())


@pytest.mark.parametrize("key, kind", [
    ("kap_belum_ada_inventaris", "berkas_perangkat"), ("blangko_tidak_ada", "berkas_blangko"),
    ("rencana_tanpa_basis", "berkas_lokasi"), ("inv_belum_ada_lokasi", "berkas_lokasi"),
    ("kantong_pemula_tanpa_sekolah", "berkas_sekolah"),
])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_missing_file_is_named_where_an_editor_uploads_it(key, kind, lang):
    """A page missing a file says where the Data page takes it, by the labels shown there (the words
    drift with a renamed tab otherwise); the command too, for whoever runs the CLI."""
    said = tr(key, lang, wilayah="Kabupaten X")
    assert all(tr(label, lang) in said for label in ("nav_data", "tab_titik", kind, "tab_templat"))
    assert "python -m geo import-" in said and ".py" not in said.replace("python -m", "")

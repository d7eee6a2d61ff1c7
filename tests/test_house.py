"""The house: imports run one way, by layer, counting function-level imports too.

    base (schema, config, text, columns, fmt, dates, names, simplify, rings)
    → io (readers and writers of files) → join → store → ingest
    → analysis → present → render → {cli, ui} → pages

A module may import its own layer or any layer below; never a layer above. Nothing imports
``geo.cli`` or ``ui`` but the CLI itself, the ``ui`` package and the pages; ``geo`` never
imports streamlit. The README's "How it is built" describes the same layers.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    ("base", ["geo.schema", "geo.config", "geo.text", "geo.columns", "geo.fmt", "geo.dates", "geo.names",
              "geo.simplify", "geo.rings", "geo.codes", "geo.workdays"]),
    ("io", ["geo.io", "geo.export"]),
    ("join", ["geo.join"]),
    ("store", ["geo.store", "geo.shapes"]),
    ("ingest", ["geo.ingest", "geo.demo"]),
    ("analysis", ["geo.rollup", "geo.coverage", "geo.timeline", "geo.trend", "geo.events", "geo.pockets", "geo.capacity",
                  "geo.cards", "geo.plan", "geo.auth", "geo.targets", "geo.alerts"]),
    ("present", ["geo.present"]),
    ("render", ["geo.render"]),
    ("edge", ["geo.cli", "geo.__main__", "ui"]),
    ("pages", ["pages", "dashboard"]),
]


def layer_of(module: str) -> int | None:
    if module == "geo":  # the package's own __init__: a docstring
        return 0
    best = None
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (rank, len(prefix))
    return best[0] if best else None


def modules() -> dict[str, Path]:
    found = {}
    for base in ("geo", "ui", "pages"):
        for path in (ROOT / base).rglob("*.py"):
            found[".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")] = path
    for name in ("ui.py", "dashboard.py"):
        if (ROOT / name).exists():
            found[name[:-3]] = ROOT / name
    return found


def imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return out


def own(target: str, names: set[str]) -> str | None:
    """The product module ``target`` names (``geo.store.tables.users_table`` → ``geo.store.tables``)."""
    while target and target not in names:
        target = target.rpartition(".")[0]
    return target or None


def graph() -> dict[str, set[str]]:
    mods = modules()
    edges = {}
    for name, path in mods.items():
        targets = {own(t, set(mods)) for t in imports(name, path)} - {None, name}
        # a package's __init__ may gather its own children
        edges[name] = {t for t in targets if not (path.name == "__init__.py" and t.startswith(name + "."))}
    return edges


def test_every_module_has_a_layer():
    assert sorted(m for m in modules() if layer_of(m) is None) == []


def test_no_import_goes_up_a_layer():
    upward = sorted(f"{a} ({LAYERS[layer_of(a)][0]}) -> {b} ({LAYERS[layer_of(b)][0]})"
                    for a, targets in graph().items() for b in targets
                    if layer_of(a) is not None and layer_of(b) is not None and layer_of(b) > layer_of(a))
    assert upward == []


def test_no_import_cycle():
    edges = graph()
    sys.setrecursionlimit(10_000)
    index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in edges:
        if v not in index:
            visit(v)
    assert cycles == []


def test_only_the_edge_imports_the_cli_and_ui_and_only_ui_and_pages_import_streamlit():
    mods = modules()
    for name, path in mods.items():
        found = imports(name, path)
        if not name.startswith(("geo.cli", "geo.__main__")):
            assert not any(t == "geo.cli" or t.startswith("geo.cli.") for t in found), name
        if name.startswith("geo."):
            assert not any(t == "ui" or t.startswith("ui.") for t in found), name
            assert not any(t == "streamlit" or t.startswith("streamlit.") for t in found), name

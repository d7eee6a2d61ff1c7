"""Every text the product shows or prints, in Bahasa Indonesia and English: one catalogue.

The catalogue is loaded as a whole when this package is imported (no module registers its
own words on import, so what exists never depends on what was imported first). A key used
in code but missing here is caught by ``tests/geo/test_text.py``. ``geo`` raises typed
errors carrying a key; the edge (page or CLI) turns them into words with ``describe``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.schema import Problem, RekamError, ValidationFailed
from geo.text import (alerts, auth, base, boundaries, capacity, cli, cli_tools, files, maps, media, national, plan,
                      pockets, trend, ui)

LANGS = ("id", "en")


@dataclass(frozen=True)
class Word:
    """A parameter that is itself a text of the catalogue, put in the reader's language by ``tr``
    (an error raised in ``geo`` does not know which language it will be read in)."""

    key: str
PARTS = (base, ui, files, boundaries, auth, capacity, plan, pockets, trend, media, maps, alerts, national, cli,
         cli_tools)


def _load() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for part in PARTS:
        for key, (indonesian, english) in part.TEXTS.items():
            if key in catalog:
                raise ValueError(f"text key {key!r} is defined twice (second in {part.__name__})")
            catalog[key] = {"id": indonesian, "en": english}
    return catalog


CATALOG = _load()


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plural(template: str, params: dict) -> str:
    """``{n|time|times}``: the first word when the parameter ``n`` is one, else the second."""
    def pick(m):
        value = str(params.get(m[1], "")).replace(".", "").replace(",", "")
        return m[2] if value in ("1", "-1") else m[3]
    return _PLURAL.sub(pick, template)


def tr(key: str, lang: str = "id", **params) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in (``{name}`` placeholders; English
    plurals as ``{n|row|rows}``).

    An unknown key comes back as itself (with its parameters) rather than failing a page;
    the catalogue test makes sure no such key is used.
    """
    entry = CATALOG.get(key)
    if entry is None:
        return f"{key} {params}" if params else key
    template = entry.get(lang) or entry["id"]
    params = {k: tr(v.key, lang) if isinstance(v, Word) else v for k, v in params.items()}
    try:
        return _plural(template, params).format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def describe_problem(problem: Problem, lang: str = "id") -> str:
    """One line: where (row, column) and what is wrong, with how to fix it."""
    params = dict(problem.params or {})
    params.setdefault("baris", problem.row)
    params.setdefault("kolom", problem.column)
    where = []
    if problem.sheet:
        where.append(tr("lokasi_lembar", lang, lembar=problem.sheet))
    if problem.row is not None:
        where.append(tr("lokasi_baris" if not where else "lokasi_baris_lembar", lang, baris=problem.row))
    if problem.column:
        where.append(tr("lokasi_kolom", lang, kolom=problem.column))
    prefix = (", ".join(where) + ": ") if where else ""
    return prefix + tr(problem.key, lang, **params)


def describe(error: RekamError, lang: str = "id") -> str:
    """Full text of an error; a ValidationFailed lists every problem on its own line."""
    if isinstance(error, ValidationFailed):
        head = tr("validasi_gagal", lang, jumlah=len(error.problems))
        return "\n".join([head] + ["- " + describe_problem(p, lang) for p in error.problems])
    return tr(error.key, lang, **error.params)

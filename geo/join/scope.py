"""The known areas a row may join to, and how alike two names are.

A ``Scope`` indexes the areas of one level (by space-free name, by parent) so that a row
is compared only with the few areas it could be; names are compared in their normalised
and space-free forms (``geo.names``), kota never matching kabupaten.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from geo.names import compact_name, kabupaten_kind, normalize_name
from geo.schema import Col, Level, parent_code


@dataclass(frozen=True)
class Thresholds:
    """Name-similarity scores (0–100) the join decides on."""

    code_name_agrees: float = 85  # a coded row's name at least this close to the area's: fine
    code_name_differs: float = 60  # …below this: the row is refused (the picker offers the areas)
    fuzzy_accept: float = 90  # best fuzzy name at least this…
    fuzzy_gap: float = 8  # …and this many points above the runner-up
    n_candidates: int = 3


THRESHOLDS = Thresholds()


def blank(value) -> bool:
    """None, NA, NaN or only spaces."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def as_text(value) -> str | None:
    """A cell as written (stripped); None when blank."""
    return None if blank(value) else str(value).strip()


@dataclass(frozen=True)
class AreaName:
    """A name as written in a file, in the forms the matcher compares."""

    raw: str | None
    norm: str
    compact: str
    kind: str | None  # 'kota' / 'kabupaten' for kabupaten-level names, else None

    @classmethod
    def of(cls, raw, level: Level) -> "AreaName":
        raw = as_text(raw)
        kind = kabupaten_kind(raw) if level is Level.KABUPATEN else None
        return cls(raw, normalize_name(raw, level), compact_name(raw, level), kind)


class Scope:
    """Known areas of one level, indexed for matching.

    Indexes by space-free name and by parent so that a row is compared only
    with the few areas it could be. ``parents`` holds the level
    above (for rows that name their parent), ``known_elsewhere`` the codes of
    this level outside ``within``.
    """

    def __init__(self, names: dict[str, str], level: Level, within: str | None = None,
                 known_elsewhere: frozenset[str] = frozenset(), parents: "Scope | None" = None):
        self.level = level
        self.within = within
        self.names = names  # kode → store name
        self.known_elsewhere = known_elsewhere
        self.parents = parents
        self.codes = list(names)
        # Names in their compared forms, and the indexes over them, are made on first use: a
        # national table whose rows match by code (``geo.join.coded``) needs few or none.
        self.forms = _Forms(names, level)

    @cached_property
    def position(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.codes)}

    @cached_property
    def by_compact(self) -> dict[str, list[str]]:
        return _index(self.codes, lambda k: self.forms[k].compact)

    @cached_property
    def children(self) -> dict[str, list[str]]:
        return _index(self.codes, parent_code)

    @classmethod
    def build(cls, areas: pd.DataFrame, level: Level, within: str | None) -> "Scope":
        """Areas of ``level`` under ``within``, with their parents' level beside them."""
        codes = areas[Col.KODE].astype(str)
        depth = codes.str.len() - codes.str.replace(".", "", regex=False).str.len() + 1  # dots + 1
        by_depth = {d: dict(zip(codes[depth == d].tolist(), areas[Col.NAMA][depth == d].tolist()))
                    for d in (level.depth, level.depth - 1)}
        at_level = by_depth.get(level.depth, {})
        inside = dict(at_level) if within is None else {k: n for k, n in at_level.items() if _inside(k, within)}
        parents = None
        if level.parent:
            above = by_depth.get(level.parent.depth, {})
            parents = cls({k: n for k, n in above.items() if _inside(k, within) or k == within}, level.parent)
        return cls(inside, level, within, frozenset(at_level) - frozenset(inside), parents)

    def score(self, name: AreaName, kode: str) -> float:
        """Similarity 0–100 of a file name to one area's name."""
        if name.compact == self.forms[kode].compact and kinds_agree(name.kind, self.forms[kode].kind):
            return 100.0
        return float(self.scores(name, [kode])[0])

    def scores(self, name: AreaName, codes: list[str]) -> np.ndarray:
        """Similarity of ``name`` to each area: exact forms 100, else the best of
        token-sorted and space-free ratios; 0 when kota/kabupaten disagree."""
        if not codes:
            return np.zeros(0)
        norms = [self.forms[k].norm for k in codes]
        compacts = [self.forms[k].compact for k in codes]
        by_tokens = process.cdist([name.norm], norms, scorer=fuzz.token_sort_ratio)[0]
        by_letters = process.cdist([name.compact], compacts, scorer=fuzz.ratio)[0]
        result = np.maximum(by_tokens, by_letters).astype(float)
        clash = [not kinds_agree(name.kind, self.forms[k].kind) for k in codes]
        result[np.array(clash, dtype=bool)] = 0.0
        return result

    def closest(self, name: AreaName, codes: list[str] | None = None,
                exclude: str | None = None) -> list[tuple[str, float]]:
        """The areas most like ``name``, best first (all ``n_candidates`` at most)."""
        codes = [k for k in (self.codes if codes is None else codes) if k != exclude]
        if not name.norm or not codes:
            return []
        scores = self.scores(name, codes)
        order = np.argsort(-scores, kind="stable")[: THRESHOLDS.n_candidates]
        return [(codes[i], round(float(scores[i]), 1)) for i in order]

    def exact(self, name: AreaName, codes: list[str] | None) -> list[str]:
        """Areas whose name equals ``name``'s once spaces are ignored (kind permitting).

        Space-free equality, not just normalised equality, decides uniqueness:
        ``Kampung Baru`` and ``Kampungbaru`` are the same name written twice.
        """
        if codes is None:
            same = self.by_compact.get(name.compact, [])
        else:  # only these areas' forms are needed; in the order of the index all of them would give
            same = sorted({k for k in codes if k in self.names and self.forms[k].compact == name.compact},
                          key=self.position.__getitem__)
        return [k for k in same if kinds_agree(name.kind, self.forms[k].kind)]

    def as_candidates(self, pairs: list[tuple[str, float]]) -> list[dict]:
        """``(kode, skor)`` pairs as the report's ``{kode, nama, skor}`` candidates."""
        return [{"kode": k, "nama": self.names[k], "skor": s} for k, s in pairs]


class _Forms(dict):
    """``{kode: AreaName}`` of a scope's areas, each made when first asked for."""

    def __init__(self, names: dict[str, str], level: Level):
        super().__init__()
        self.names, self.level = names, level

    def __missing__(self, kode: str) -> AreaName:
        form = self[kode] = AreaName.of(self.names[kode], self.level)
        return form


def kinds_agree(a: str | None, b: str | None) -> bool:
    """Kota vs kabupaten: only a stated difference counts (Kota Serang is not Kab. Serang)."""
    return a is None or b is None or a == b


def clear_winner(closest: list[tuple[str, float]]) -> list[str]:
    """``[best]`` when the best fuzzy score is high and well ahead of the next, else ``[]``."""
    if not closest or closest[0][1] < THRESHOLDS.fuzzy_accept:
        return []
    if len(closest) > 1 and closest[0][1] - closest[1][1] < THRESHOLDS.fuzzy_gap:
        return []
    return [closest[0][0]]


def _inside(kode: str, within: str | None) -> bool:
    return within is None or kode.startswith(within + ".")


def _index(codes: list[str], key) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kode in codes:
        out.setdefault(key(kode), []).append(kode)
    return out

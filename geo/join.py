"""Match the rows of an enrollment file to known areas, by code, then name, with a report.

Every input row gets one report row saying how it was matched (``cara``) or why
not (``alasan``), with the closest areas as ``kandidat`` when it was not. Nothing
is dropped silently: unmatched and refused rows, and two rows landing on the same
area, are error ``Problem``s; doubtful but accepted matches are warnings.

Order per row: a manual choice (``overrides``) → the code (checked against the
name, BPS codes refused) → the exact normalised name within the parent → a fuzzy
name, accepted only when clearly better than the runner-up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from geo.names import (
    code_shape,
    compact_name,
    is_ambiguous_code,
    kabupaten_kind,
    normalize_code,
    normalize_name,
)
from geo.schema import COUNT_COLUMNS, Col, Level, Problem, parent_code


class Cara(str, Enum):
    """How a row was matched (the report's ``cara``)."""

    KODE = "kode"
    NAMA = "nama"
    NAMA_MIRIP = "nama_mirip"
    MANUAL = "manual"
    TIDAK_COCOK = "tidak_cocok"
    DITOLAK = "ditolak"


MATCHED = (Cara.KODE, Cara.NAMA, Cara.NAMA_MIRIP, Cara.MANUAL)
# Errors about one row that is then left out of ``matched`` (an import may skip such
# rows); 'wilayah_ganda' is not one: it concerns two matched rows.
ROW_ERRORS = frozenset({
    "tidak_cocok", "nama_ganda", "tanpa_kode_nama", "kode_tidak_dikenal",
    "kode_bps", "kode_nama_beda", "kode_di_luar_wilayah", "manual_tidak_dikenal",
})
REPORT_COLUMNS = ("baris", "kode_file", "nama_file", "cara", "kode", "nama", "skor", "alasan", "kandidat")


@dataclass(frozen=True)
class Thresholds:
    """Name-similarity scores (0–100) the join decides on."""

    code_name_agrees: float = 85  # a coded row's name at least this close to the area's: fine
    names_other_area: float = 90  # …this close to another area while
    code_name_differs: float = 60  # …below this to the coded one: the code is refused
    fuzzy_accept: float = 90  # best fuzzy name at least this…
    fuzzy_gap: float = 8  # …and this many points above the runner-up
    n_candidates: int = 3


THRESHOLDS = Thresholds()


@dataclass
class JoinResult:
    """What ``join_enrollment`` found.

    ``matched``: one row per matched input row (``cara`` kode/nama/nama_mirip/manual,
    rows flagged 'wilayah_ganda' included): Col.BARIS, Col.KODE (dotted store code),
    Col.NAMA (the store's name) and every column of ``COUNT_COLUMNS`` (Int64; NA
    when the input lacks it).
    ``report``: one row per input row, in input order, columns ``REPORT_COLUMNS``:
    ``baris``; ``kode_file``/``nama_file`` as written; ``cara`` (a ``Cara`` value);
    ``kode``/``nama`` of the area joined to (NA when none); ``skor`` name similarity
    0–100 (to the joined area; for a refused code to the coded area; for an
    unmatched row to the closest area; NA without a name); ``alasan`` a message key
    or NA; ``kandidat`` up to 3 ``{kode, nama, skor}`` closest areas for unmatched
    and refused rows (``[]`` otherwise).
    ``problems``: errors (unmatched, refused, two rows on one area) and warnings.
    """

    matched: pd.DataFrame
    report: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem is an error (warnings do not block an import)."""
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class _Outcome:
    """One row's result, before it becomes a report row."""

    cara: Cara
    kode: str | None = None
    skor: float | None = None
    alasan: str | None = None
    kandidat: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class _Name:
    """A name as written in a file, in the forms the matcher compares."""

    raw: str | None
    norm: str
    compact: str
    kind: str | None  # 'kota' / 'kabupaten' for kabupaten-level names, else None

    @classmethod
    def of(cls, raw, level: Level) -> "_Name":
        raw = None if _blank(raw) else str(raw).strip()
        kind = kabupaten_kind(raw) if level is Level.KABUPATEN else None
        return cls(raw, normalize_name(raw, level), compact_name(raw, level), kind)


def _blank(value) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


class _Scope:
    """Known areas of one level, indexed for matching.

    Indexes by space-free name and by parent so that a row is compared only
    with the few areas it could be. ``parents`` holds the level
    above (for rows that name their parent), ``known_elsewhere`` the codes of
    this level outside ``within``.
    """

    def __init__(self, names: dict[str, str], level: Level, within: str | None = None,
                 known_elsewhere: frozenset[str] = frozenset(), parents: "_Scope | None" = None):
        self.level = level
        self.within = within
        self.names = names  # kode → store name
        self.known_elsewhere = known_elsewhere
        self.parents = parents
        self.codes = list(names)
        self.forms = {k: _Name.of(n, level) for k, n in names.items()}
        self.by_compact = _index(self.codes, lambda k: self.forms[k].compact)
        self.children = _index(self.codes, parent_code)

    @classmethod
    def build(cls, areas: pd.DataFrame, level: Level, within: str | None) -> "_Scope":
        """Areas of ``level`` under ``within``, with their parents' level beside them."""
        by_depth: dict[int, dict[str, str]] = {}
        for kode, nama in zip(areas[Col.KODE].astype(str), areas[Col.NAMA]):
            by_depth.setdefault(kode.count(".") + 1, {})[kode] = nama
        at_level = by_depth.get(level.depth, {})
        inside = {k: n for k, n in at_level.items() if _inside(k, within)}
        parents = None
        if level.parent:
            above = by_depth.get(level.parent.depth, {})
            parents = cls({k: n for k, n in above.items() if _inside(k, within) or k == within}, level.parent)
        return cls(inside, level, within, frozenset(at_level) - frozenset(inside), parents)

    # --- scoring ----------------------------------------------------------
    def score(self, name: _Name, kode: str) -> float:
        """Similarity 0–100 of a file name to one area's name."""
        if name.compact == self.forms[kode].compact and _kinds_agree(name.kind, self.forms[kode].kind):
            return 100.0
        return float(self.scores(name, [kode])[0])

    def scores(self, name: _Name, codes: list[str]) -> np.ndarray:
        """Similarity of ``name`` to each area: exact forms 100, else the best of
        token-sorted and space-free ratios; 0 when kota/kabupaten disagree."""
        if not codes:
            return np.zeros(0)
        norms = [self.forms[k].norm for k in codes]
        compacts = [self.forms[k].compact for k in codes]
        by_tokens = process.cdist([name.norm], norms, scorer=fuzz.token_sort_ratio)[0]
        by_letters = process.cdist([name.compact], compacts, scorer=fuzz.ratio)[0]
        result = np.maximum(by_tokens, by_letters).astype(float)
        clash = [not _kinds_agree(name.kind, self.forms[k].kind) for k in codes]
        result[np.array(clash, dtype=bool)] = 0.0
        return result

    def closest(self, name: _Name, codes: list[str] | None = None, exclude: str | None = None) -> list[tuple[str, float]]:
        """The areas most like ``name``, best first (all ``n_candidates`` at most)."""
        codes = [k for k in (self.codes if codes is None else codes) if k != exclude]
        if not name.norm or not codes:
            return []
        scores = self.scores(name, codes)
        order = np.argsort(-scores, kind="stable")[: THRESHOLDS.n_candidates]
        return [(codes[i], round(float(scores[i]), 1)) for i in order]

    def exact(self, name: _Name, codes: list[str] | None) -> list[str]:
        """Areas whose name equals ``name``'s once spaces are ignored (kind permitting).

        Space-free equality, not just normalised equality, decides uniqueness:
        ``Kampung Baru`` and ``Kampungbaru`` are the same name written twice.
        """
        allowed = None if codes is None else set(codes)
        return [
            k for k in self.by_compact.get(name.compact, [])
            if (allowed is None or k in allowed) and _kinds_agree(name.kind, self.forms[k].kind)
        ]

    def kandidat(self, pairs: list[tuple[str, float]]) -> list[dict]:
        return [{"kode": k, "nama": self.names[k], "skor": s} for k, s in pairs]


def _kinds_agree(a: str | None, b: str | None) -> bool:
    """Kota vs kabupaten: only a stated difference counts (Kota Serang is not Kab. Serang)."""
    return a is None or b is None or a == b


def _inside(kode: str, within: str | None) -> bool:
    return within is None or kode.startswith(within + ".")


def _index(codes: list[str], key) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kode in codes:
        out.setdefault(key(kode), []).append(kode)
    return out


def _kandidat_text(kandidat: list[dict]) -> str:
    return ", ".join(f"{c['nama']} ({c['kode']})" for c in kandidat) or "–"


# --- one row ------------------------------------------------------------------
class _RowMatcher:
    """Decides one input row; collects the row's problems in ``problems``."""

    def __init__(self, scope: _Scope, overrides: dict[int, str]):
        self.scope = scope
        self.overrides = overrides
        self.problems: list[Problem] = []

    def problem(self, key: str, baris: int, kolom: str | None, severity: str = "error", **params) -> None:
        params.setdefault("level", self.scope.level.value)
        self.problems.append(Problem(key, baris=baris, kolom=kolom, params=params, severity=severity))

    def match(self, baris: int, raw_code, name: _Name, parent_name: _Name | None) -> _Outcome:
        if baris in self.overrides:
            return self.by_override(baris, self.overrides[baris], name)
        if not _blank(raw_code):
            outcome = self.by_code(baris, raw_code, name, parent_name)
            if outcome is not None:
                return outcome
            outcome = self.by_name(baris, name, parent_name)  # by_code falls through only with a name
            if outcome.cara in MATCHED:
                outcome.alasan = "kode_tidak_dikenal"
            return outcome
        if not name.norm:
            self.problem("tanpa_kode_nama", baris, Col.NAMA)
            return _Outcome(Cara.TIDAK_COCOK, alasan="tanpa_kode_nama")
        return self.by_name(baris, name, parent_name)

    def by_override(self, baris: int, raw, name: _Name) -> _Outcome:
        kode = normalize_code(raw)
        if kode in self.scope.names:
            return _Outcome(Cara.MANUAL, kode=kode)
        self.problem("manual_tidak_dikenal", baris, Col.KODE, kode=_text(raw))
        return _Outcome(Cara.DITOLAK, alasan="manual_tidak_dikenal",
                        kandidat=self.scope.kandidat(self.scope.closest(name)))

    def by_code(self, baris: int, raw, name: _Name, parent_name: _Name | None) -> _Outcome | None:
        """The row by its code; None to fall through to the name (after a warning)."""
        scope = self.scope
        text = _text(raw)
        if code_shape(raw) == "bps":
            kandidat = scope.kandidat(self.name_candidates(name, parent_name))
            self.problem("kode_bps", baris, Col.KODE, kode=text, nama=name.raw or "–",
                         kandidat=_kandidat_text(kandidat))
            return _Outcome(Cara.DITOLAK, alasan="kode_bps", kandidat=kandidat)
        kode = normalize_code(raw)
        if kode in scope.known_elsewhere:
            self.problem("kode_di_luar_wilayah", baris, Col.KODE, kode=kode, wilayah=scope.within)
            return _Outcome(Cara.DITOLAK, alasan="kode_di_luar_wilayah",
                            kandidat=scope.kandidat(self.name_candidates(name, parent_name)))
        if kode not in scope.names:
            if name.norm:
                self.problem("kode_tidak_dikenal", baris, Col.KODE, "warning", kode=text)
                return None
            self.problem("kode_tidak_dikenal", baris, Col.KODE, kode=text)
            return _Outcome(Cara.TIDAK_COCOK, alasan="kode_tidak_dikenal")
        return self.check_code_name(baris, kode, is_ambiguous_code(raw), name)

    def check_code_name(self, baris: int, kode: str, ambiguous: bool, name: _Name) -> _Outcome:
        """A known code: does the row's name agree with the area's?"""
        scope = self.scope
        params = dict(kode=kode, nama=name.raw, nama_wilayah=scope.names[kode])
        if not name.norm:
            if ambiguous:
                self.problem("kode_belum_pasti", baris, Col.KODE, "warning", **params)
            return _Outcome(Cara.KODE, kode=kode, alasan="kode_belum_pasti" if ambiguous else None)
        agreement = round(scope.score(name, kode), 1)
        if agreement >= THRESHOLDS.code_name_agrees:
            return _Outcome(Cara.KODE, kode=kode, skor=agreement)
        others = scope.closest(name, exclude=kode)
        names_other = bool(others) and others[0][1] >= THRESHOLDS.names_other_area
        if ambiguous or (names_other and agreement < THRESHOLDS.code_name_differs):
            kandidat = scope.kandidat([(kode, agreement)] + others)[: THRESHOLDS.n_candidates]
            self.problem("kode_nama_beda", baris, Col.NAMA, skor=agreement,
                         kandidat=_kandidat_text(kandidat[1:]), **params)
            return _Outcome(Cara.DITOLAK, skor=agreement, alasan="kode_nama_beda", kandidat=kandidat)
        self.problem("kode_nama_lemah", baris, Col.NAMA, "warning", skor=agreement, **params)
        return _Outcome(Cara.KODE, kode=kode, skor=agreement, alasan="kode_nama_lemah")

    def under_parent(self, parent_name: _Name | None) -> tuple[list[str] | None, bool]:
        """(codes under the parent the row names, or None for no restriction; whether
        a parent was named but not found among the known areas)."""
        parents = self.scope.parents
        if parents is None or parent_name is None or not parent_name.norm:
            return None, False
        found = parents.exact(parent_name, None) or _clear_winner(parents.closest(parent_name))
        if not found:
            return None, True
        return [k for p in found for k in self.scope.children.get(p, [])], False

    def name_candidates(self, name: _Name, parent_name: _Name | None) -> list[tuple[str, float]]:
        return self.scope.closest(name, self.under_parent(parent_name)[0])

    def by_name(self, baris: int, name: _Name, parent_name: _Name | None) -> _Outcome:
        scope = self.scope
        codes, unknown_parent = self.under_parent(parent_name)
        if unknown_parent:
            self.problem("induk_tidak_dikenal", baris, Col.NAMA_INDUK, "warning", nama_induk=parent_name.raw)
        exact = scope.exact(name, codes)
        if len(exact) == 1:
            return _Outcome(Cara.NAMA, kode=exact[0], skor=100.0)
        if len(exact) > 1:
            kandidat = scope.kandidat([(k, 100.0) for k in exact])
            self.problem("nama_ganda", baris, Col.NAMA, nama=name.raw, jumlah=len(exact),
                         kandidat=_kandidat_text(kandidat))
            return _Outcome(Cara.TIDAK_COCOK, alasan="nama_ganda", kandidat=kandidat[: THRESHOLDS.n_candidates])
        closest = scope.closest(name, codes)
        winner = _clear_winner(closest)
        if winner:
            return _Outcome(Cara.NAMA_MIRIP, kode=winner[0], skor=closest[0][1])
        kandidat = scope.kandidat(closest)
        self.problem("tidak_cocok", baris, Col.NAMA, nama=name.raw, kandidat=_kandidat_text(kandidat))
        return _Outcome(Cara.TIDAK_COCOK, skor=closest[0][1] if closest else None,
                        alasan="tidak_cocok", kandidat=kandidat)


def _clear_winner(closest: list[tuple[str, float]]) -> list[str]:
    """``[best]`` when the best fuzzy score is high and well ahead of the next, else ``[]``."""
    if not closest or closest[0][1] < THRESHOLDS.fuzzy_accept:
        return []
    if len(closest) > 1 and closest[0][1] - closest[1][1] < THRESHOLDS.fuzzy_gap:
        return []
    return [closest[0][0]]


def _text(value) -> str | None:
    return None if _blank(value) else str(value).strip()


# --- the join -------------------------------------------------------------------
def join_enrollment(
    table: pd.DataFrame,
    areas: pd.DataFrame,
    *,
    level: Level | str,
    within: str | None = None,
    overrides: dict[int, str] | None = None,
) -> JoinResult:
    """Match enrollment rows to known areas of ``level`` and report every row.

    ``table``: Col.BARIS (unique row numbers), Col.KODE (raw code or None) and/or
    Col.NAMA (raw name), optional Col.NAMA_INDUK (raw parent name) and count columns.
    ``areas``: Col.KODE (dotted) and Col.NAMA of known areas of any level (other
    columns, geometry included, are ignored; levels come from the code).
    ``within``: a dotted code; only its descendants are candidates.
    ``overrides``: ``{baris: kode}`` chosen by hand; a code not among the candidates
    is refused.

    Returns a ``JoinResult`` (see there for its columns). Raises ValueError when a
    required column is missing, ``level`` is unknown, ``within`` is not above
    ``level`` or Col.BARIS repeats.
    """
    level = Level(level)
    _check_inputs(table, areas, level, within)
    within = normalize_code(within) if within is not None else None
    scope = _Scope.build(areas, level, within)
    overrides = {int(b): k for b, k in (overrides or {}).items()}
    matcher = _RowMatcher(scope, overrides)

    rows = []
    for row in _records(table):
        name = _Name.of(row.get(Col.NAMA), level)
        parent = _Name.of(row.get(Col.NAMA_INDUK), level.parent) if level.parent else None
        outcome = matcher.match(row[Col.BARIS], row.get(Col.KODE), name, parent)
        rows.append(_report_row(row, outcome, scope))
    report = pd.DataFrame(rows, columns=list(REPORT_COLUMNS))

    problems = matcher.problems
    problems += _unused_overrides(overrides, set(report["baris"]))
    problems += _duplicates(report, scope)
    problems.sort(key=lambda p: (p.baris is None, p.baris or 0))
    return JoinResult(matched=_matched(table, report), report=report, problems=problems)


def _check_inputs(table: pd.DataFrame, areas: pd.DataFrame, level: Level, within: str | None) -> None:
    if Col.BARIS not in table.columns or not ({Col.KODE, Col.NAMA} & set(table.columns)):
        raise ValueError(
            f"'table' needs column {Col.BARIS!r} and {Col.KODE!r} or {Col.NAMA!r}, got {list(table.columns)}"
        )
    missing = [c for c in (Col.KODE, Col.NAMA) if c not in areas.columns]
    if missing:
        raise ValueError(f"'areas' lacks column(s) {missing}, got {list(areas.columns)}")
    repeated = table[Col.BARIS][table[Col.BARIS].duplicated()].tolist()
    if repeated:
        raise ValueError(f"'table' repeats {Col.BARIS} {repeated[:5]}: row numbers must be unique")
    if within is not None:
        kode = normalize_code(within)
        if kode is None or kode.count(".") + 1 >= level.depth:
            raise ValueError(f"'within' must be a dotted code above level {level.value!r}, got {within!r}")


def _records(table: pd.DataFrame) -> list[dict]:
    cols = [c for c in (Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK) if c in table.columns]
    return [
        {**rec, Col.BARIS: int(rec[Col.BARIS])}
        for rec in table[cols].astype(object).to_dict("records")
    ]


def _report_row(row: dict, outcome: _Outcome, scope: _Scope) -> dict:
    return {
        "baris": row[Col.BARIS],
        "kode_file": _text(row.get(Col.KODE)),
        "nama_file": _text(row.get(Col.NAMA)),
        "cara": outcome.cara.value,
        "kode": outcome.kode,
        "nama": scope.names.get(outcome.kode) if outcome.kode else None,
        "skor": outcome.skor,
        "alasan": outcome.alasan,
        "kandidat": outcome.kandidat,
    }


def _unused_overrides(overrides: dict[int, str], rows: set[int]) -> list[Problem]:
    return [
        Problem("manual_tanpa_baris", baris=b, kolom=Col.KODE, params={"kode": k}, severity="warning")
        for b, k in overrides.items() if b not in rows
    ]


def _duplicates(report: pd.DataFrame, scope: _Scope) -> list[Problem]:
    """One 'wilayah_ganda' error per area that two or more rows resolved to."""
    matched = report[report["cara"].isin([c.value for c in MATCHED])]
    problems = []
    for kode, group in matched.groupby("kode", sort=True):
        if len(group) < 2:
            continue
        baris = group["baris"].tolist()
        report.loc[group.index, "alasan"] = "wilayah_ganda"
        problems.append(Problem(
            "wilayah_ganda", baris=baris[0], kolom=Col.KODE, severity="error",
            params={"kode": kode, "nama": scope.names[kode], "baris_semua": ", ".join(map(str, baris))},
        ))
    return problems


def _matched(table: pd.DataFrame, report: pd.DataFrame) -> pd.DataFrame:
    """Matched rows with their store code and name, counts taken from ``table``."""
    hits = report[report["cara"].isin([c.value for c in MATCHED])]
    out = pd.DataFrame({
        Col.BARIS: hits["baris"].astype("int64").to_numpy(),
        Col.KODE: hits["kode"].to_numpy(),
        Col.NAMA: hits["nama"].to_numpy(),
    })
    counts = table.set_index(table[Col.BARIS].astype("int64"))
    for col in COUNT_COLUMNS:
        values = counts[col].reindex(out[Col.BARIS]).to_numpy() if col in counts.columns else [pd.NA] * len(out)
        out[col] = pd.array(values, dtype="Int64")
    return out



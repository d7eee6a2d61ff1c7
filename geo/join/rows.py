"""One input row → one outcome: by a manual choice, the code, the exact name, a fuzzy name.

Order per row: a manual choice (``overrides``) → the code (checked against the name, BPS
codes refused) → the exact normalised name within the parent → a fuzzy name, accepted only
when clearly better than the runner-up. Each decision that needs a word to the user adds a
``Problem`` (error or warning) to the matcher's ``problems``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from geo.fmt import Measure
from geo.join.scope import THRESHOLDS, AreaName, Scope, as_text, blank, clear_winner
from geo.names import code_shape, is_ambiguous_code, normalize_code
from geo.schema import Col, Problem


class MatchedBy(str, Enum):
    """How a row was matched (the report's ``cara``; the values are stored and shown)."""

    CODE = "kode"
    NAME = "nama"
    SIMILAR_NAME = "nama_mirip"
    MANUAL = "manual"
    UNMATCHED = "tidak_cocok"
    REFUSED = "ditolak"


MATCHED = (MatchedBy.CODE, MatchedBy.NAME, MatchedBy.SIMILAR_NAME, MatchedBy.MANUAL)


@dataclass
class Outcome:
    """One row's result, before it becomes a report row."""

    matched_by: MatchedBy
    kode: str | None = None
    skor: float | None = None
    alasan: str | None = None
    candidates: list[dict] = field(default_factory=list)


def _candidates_text(candidates: list[dict]) -> str:
    return ", ".join(f"{c['nama']} ({c['kode']})" for c in candidates) or "–"


class RowMatcher:
    """Decides one input row; collects the row's problems in ``problems``."""

    def __init__(self, scope: Scope, overrides: dict):
        self.scope = scope
        self.overrides = overrides
        self.problems: list[Problem] = []
        self.sheet: str | None = None  # the sheet of the row being decided (workbooks read whole)

    def problem(self, key: str, baris: int, kolom: str | None, severity: str = "error", **params) -> None:
        params.setdefault("level", self.scope.level.value)
        self.problems.append(Problem(key, row=baris, column=kolom, params=params, severity=severity,
                                     sheet=self.sheet))

    def match(self, baris: int, raw_code, name: AreaName, parent_name: AreaName | None, *,
              key: int | str | None = None) -> Outcome:
        """The row's outcome; ``key`` names the row for a manual choice (``enrollment.row_key``)."""
        key = baris if key is None else key
        if key in self.overrides:
            return self.by_override(baris, self.overrides[key], name)
        if not blank(raw_code):
            outcome = self.by_code(baris, raw_code, name, parent_name)
            if outcome is not None:
                return outcome
            outcome = self.by_name(baris, name, parent_name)  # by_code falls through only with a name
            if outcome.matched_by in MATCHED:
                outcome.alasan = "kode_tidak_dikenal"
            return outcome
        if not name.norm:
            self.problem("tanpa_kode_nama", baris, Col.NAMA)
            return Outcome(MatchedBy.UNMATCHED, alasan="tanpa_kode_nama")
        return self.by_name(baris, name, parent_name)

    def by_override(self, baris: int, raw, name: AreaName) -> Outcome:
        kode = normalize_code(raw)
        if kode in self.scope.names:
            return Outcome(MatchedBy.MANUAL, kode=kode)
        self.problem("manual_tidak_dikenal", baris, Col.KODE, kode=as_text(raw))
        return Outcome(MatchedBy.REFUSED, alasan="manual_tidak_dikenal",
                       candidates=self.scope.as_candidates(self.scope.closest(name)))

    def by_code(self, baris: int, raw, name: AreaName, parent_name: AreaName | None) -> Outcome | None:
        """The row by its code; None to fall through to the name (after a warning)."""
        scope = self.scope
        text = as_text(raw)
        if code_shape(raw) == "bps":
            candidates = scope.as_candidates(self.name_candidates(name, parent_name))
            self.problem("kode_bps", baris, Col.KODE, kode=text, nama=name.raw or "–",
                         kandidat=_candidates_text(candidates))
            return Outcome(MatchedBy.REFUSED, alasan="kode_bps", candidates=candidates)
        kode = normalize_code(raw)
        if kode in scope.known_elsewhere:
            self.problem("kode_di_luar_wilayah", baris, Col.KODE, kode=kode, wilayah=scope.within)
            return Outcome(MatchedBy.REFUSED, alasan="kode_di_luar_wilayah",
                           candidates=scope.as_candidates(self.name_candidates(name, parent_name)))
        if kode not in scope.names:
            if name.norm:
                self.problem("kode_tidak_dikenal", baris, Col.KODE, "warning", kode=text)
                return None
            self.problem("kode_tidak_dikenal", baris, Col.KODE, kode=text)
            return Outcome(MatchedBy.UNMATCHED, alasan="kode_tidak_dikenal")
        return self.check_code_name(baris, kode, is_ambiguous_code(raw), name)

    def check_code_name(self, baris: int, kode: str, ambiguous: bool, name: AreaName) -> Outcome:
        """A known code: does the row's name agree with the area's?"""
        scope = self.scope
        params = dict(kode=kode, nama=name.raw, nama_wilayah=scope.names[kode])
        if not name.norm:
            if ambiguous:
                self.problem("kode_belum_pasti", baris, Col.KODE, "warning", **params)
            return Outcome(MatchedBy.CODE, kode=kode, alasan="kode_belum_pasti" if ambiguous else None)
        agreement = round(scope.score(name, kode), 1)
        if agreement >= THRESHOLDS.code_name_agrees:
            return Outcome(MatchedBy.CODE, kode=kode, skor=agreement)
        others = scope.closest(name, exclude=kode)
        # A name this far from the code's area is another area or a broken row (a stray quote, a
        # shifted cell): refused at the row, never its figures stored under that code.
        if ambiguous or agreement < THRESHOLDS.code_name_differs:
            candidates = scope.as_candidates([(kode, agreement)] + others)[: THRESHOLDS.n_candidates]
            self.problem("kode_nama_beda", baris, Col.NAMA, skor=Measure(agreement),
                         kandidat=_candidates_text(candidates[1:]), **params)
            return Outcome(MatchedBy.REFUSED, skor=agreement, alasan="kode_nama_beda", candidates=candidates)
        self.problem("kode_nama_lemah", baris, Col.NAMA, "warning", skor=Measure(agreement), **params)
        return Outcome(MatchedBy.CODE, kode=kode, skor=agreement, alasan="kode_nama_lemah")

    def under_parent(self, parent_name: AreaName | None) -> tuple[list[str] | None, bool]:
        """(codes under the parent the row names, or None for no restriction; whether
        a parent was named but not found among the known areas)."""
        parents = self.scope.parents
        if parents is None or parent_name is None or not parent_name.norm:
            return None, False
        found = parents.exact(parent_name, None) or clear_winner(parents.closest(parent_name))
        if not found:
            return None, True
        return [k for p in found for k in self.scope.children.get(p, [])], False

    def name_candidates(self, name: AreaName, parent_name: AreaName | None) -> list[tuple[str, float]]:
        return self.scope.closest(name, self.under_parent(parent_name)[0])

    def by_name(self, baris: int, name: AreaName, parent_name: AreaName | None) -> Outcome:
        scope = self.scope
        codes, unknown_parent = self.under_parent(parent_name)
        if unknown_parent:
            self.problem("induk_tidak_dikenal", baris, Col.NAMA_INDUK, "warning", nama_induk=parent_name.raw)
        exact = scope.exact(name, codes)
        if len(exact) == 1:
            return Outcome(MatchedBy.NAME, kode=exact[0], skor=100.0)
        if len(exact) > 1:
            candidates = scope.as_candidates([(k, 100.0) for k in exact])
            self.problem("nama_ganda", baris, Col.NAMA, nama=name.raw, jumlah=len(exact),
                         kandidat=_candidates_text(candidates))
            return Outcome(MatchedBy.UNMATCHED, alasan="nama_ganda", candidates=candidates[: THRESHOLDS.n_candidates])
        closest = scope.closest(name, codes)
        winner = clear_winner(closest)
        if winner:
            return Outcome(MatchedBy.SIMILAR_NAME, kode=winner[0], skor=closest[0][1])
        candidates = scope.as_candidates(closest)
        self.problem("tidak_cocok", baris, Col.NAMA, nama=name.raw, kandidat=_candidates_text(candidates))
        return Outcome(MatchedBy.UNMATCHED, skor=closest[0][1] if closest else None,
                       alasan="tidak_cocok", candidates=candidates)

"""``join_enrollment``: every row of an enrollment table matched to a known area, with a report."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.join.rows import MATCHED, Outcome, RowMatcher
from geo.join.scope import AreaName, Scope, as_text
from geo.names import normalize_code
from geo.schema import COUNT_COLUMNS, Col, Level, Problem

# Errors about one row that is then left out of ``matched`` (an import may skip such
# rows); 'wilayah_ganda' is not one: it concerns two matched rows.
ROW_ERRORS = frozenset({
    "tidak_cocok", "nama_ganda", "tanpa_kode_nama", "kode_tidak_dikenal",
    "kode_bps", "kode_nama_beda", "kode_di_luar_wilayah", "manual_tidak_dikenal",
})
REPORT_COLUMNS = ("baris", "kode_file", "nama_file", "cara", "kode", "nama", "skor", "alasan", "kandidat")
_MATCHED_VALUES = [m.value for m in MATCHED]


@dataclass
class JoinResult:
    """What ``join_enrollment`` found.

    ``matched``: one row per matched input row (``cara`` kode/nama/nama_mirip/manual,
    rows flagged 'wilayah_ganda' included): Col.BARIS, Col.KODE (dotted store code),
    Col.NAMA (the store's name) and every column of ``COUNT_COLUMNS`` (Int64; NA
    when the input lacks it).
    ``report``: one row per input row, in input order, columns ``REPORT_COLUMNS``:
    ``baris``; ``kode_file``/``nama_file`` as written; ``cara`` (a ``MatchedBy`` value);
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
    scope = Scope.build(areas, level, within)
    overrides = {int(b): k for b, k in (overrides or {}).items()}
    matcher = RowMatcher(scope, overrides)

    rows = []
    for row in _records(table):
        name = AreaName.of(row.get(Col.NAMA), level)
        parent = AreaName.of(row.get(Col.NAMA_INDUK), level.parent) if level.parent else None
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


def _report_row(row: dict, outcome: Outcome, scope: Scope) -> dict:
    return {
        "baris": row[Col.BARIS],
        "kode_file": as_text(row.get(Col.KODE)),
        "nama_file": as_text(row.get(Col.NAMA)),
        "cara": outcome.matched_by.value,
        "kode": outcome.kode,
        "nama": scope.names.get(outcome.kode) if outcome.kode else None,
        "skor": outcome.skor,
        "alasan": outcome.alasan,
        "kandidat": outcome.candidates,
    }


def _unused_overrides(overrides: dict[int, str], rows: set[int]) -> list[Problem]:
    return [
        Problem("manual_tanpa_baris", baris=b, kolom=Col.KODE, params={"kode": k}, severity="warning")
        for b, k in overrides.items() if b not in rows
    ]


def _duplicates(report: pd.DataFrame, scope: Scope) -> list[Problem]:
    """One 'wilayah_ganda' error per area that two or more rows resolved to."""
    matched = report[report["cara"].isin(_MATCHED_VALUES)]
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
    hits = report[report["cara"].isin(_MATCHED_VALUES)]
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

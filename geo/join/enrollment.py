"""``join_enrollment``: every row of an enrollment table matched to a known area, with a report."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.join.coded import match_by_code, texts_as_written
from geo.join.rows import MATCHED, MatchedBy, Outcome, RowMatcher
from geo.join.scope import AreaName, Scope
from geo.names import normalize_code
from geo.schema import COUNT_COLUMNS, Col, Level, Problem

# Errors about one row that is then left out of ``matched`` (an import may skip such
# rows); 'wilayah_ganda' is not one: it concerns two matched rows.
ROW_ERRORS = frozenset({
    "tidak_cocok", "nama_ganda", "tanpa_kode_nama", "kode_tidak_dikenal",
    "kode_bps", "kode_nama_beda", "kode_di_luar_wilayah", "manual_tidak_dikenal",
})
REPORT_COLUMNS = ("lembar", "baris", "kode_file", "nama_file", "cara", "kode", "nama", "skor", "alasan", "kandidat")
_MATCHED_VALUES = [m.value for m in MATCHED]


@dataclass
class JoinResult:
    """What ``join_enrollment`` found.

    ``matched``: one row per matched input row (``cara`` kode/nama/nama_mirip/manual,
    rows flagged 'wilayah_ganda' included): Col.BARIS, Col.KODE (dotted store code),
    Col.NAMA (the store's name) and every column of ``COUNT_COLUMNS`` (Int64; NA
    when the input lacks it).
    ``report``: one row per input row, in input order, columns ``REPORT_COLUMNS``:
    ``lembar`` (the sheet, when a workbook's sheets were read together; else None), ``baris``;
    ``kode_file``/``nama_file`` as written; ``cara`` (a ``MatchedBy`` value);
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
    overrides: dict | None = None,
) -> JoinResult:
    """Match enrollment rows to known areas of ``level`` and report every row.

    ``table``: Col.BARIS (row numbers, unique per sheet), optional Col.LEMBAR (the sheet of each
    row), Col.KODE (raw code or None) and/or Col.NAMA (raw name), optional Col.NAMA_INDUK (raw
    parent name) and count columns.
    ``areas``: Col.KODE (dotted) and Col.NAMA of known areas of any level (other
    columns, geometry included, are ignored; levels come from the code).
    ``within``: a dotted code; only its descendants are candidates.
    ``overrides``: ``{row_key: kode}`` chosen by hand (``row_key``: the row number, or
    ``"SHEET!number"`` for a workbook read whole); a code not among the candidates is refused.

    Returns a ``JoinResult`` (see there for its columns). Raises ValueError when a
    required column is missing, ``level`` is unknown, ``within`` is not above
    ``level`` or Col.BARIS repeats.
    """
    level = Level(level)
    _check_inputs(table, areas, level, within)
    within = normalize_code(within) if within is not None else None
    scope = Scope.build(areas, level, within)
    overrides = {_as_key(b): k for b, k in (overrides or {}).items()}
    matcher = RowMatcher(scope, overrides)
    # Rows with a known code and their area's own name (or none) are matched for the table at
    # once; RowMatcher decides the others, one by one, in order.
    coded = match_by_code(table, scope, _overridden(table, overrides))
    report = _report_columns(table, scope, coded)
    by_matcher = np.ones(len(table), dtype=bool)
    by_matcher[coded.rows] = False
    for position, row in _records(table, np.flatnonzero(by_matcher)):
        name = AreaName.of(row.get(Col.NAMA), level)
        parent = AreaName.of(row.get(Col.NAMA_INDUK), level.parent) if level.parent else None
        matcher.sheet = row.get(Col.LEMBAR)
        outcome = matcher.match(row[Col.BARIS], row.get(Col.KODE), name, parent,
                                key=row_key(row.get(Col.LEMBAR), row[Col.BARIS]))
        for column, value in _outcome_columns(outcome, scope).items():
            report[column][position] = value
    # from lists, so that each column's type is inferred as from one dict per row (int, float, str)
    report = (pd.DataFrame({c: _as_list(report[c]) for c in REPORT_COLUMNS}) if len(table)
              else pd.DataFrame([], columns=list(REPORT_COLUMNS)))

    problems = matcher.problems
    if overrides:
        problems += _unused_overrides(overrides, {row_key(s, b) for s, b in zip(report["lembar"], report["baris"])})
    problems += _duplicates(report, scope)
    order = {s: i for i, s in enumerate(dict.fromkeys(report["lembar"]))}
    problems.sort(key=lambda p: (order.get(p.sheet, 0), p.row is None, p.row or 0))
    return JoinResult(matched=_matched(table, report), report=report, problems=problems)


def _as_list(values) -> list:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def row_key(lembar, baris) -> int | str:
    """How a row is named for a manual choice: its number, or ``"SHEET!number"`` when the
    sheets of a workbook are read together (the same number can then stand on two sheets)."""
    return int(baris) if lembar is None or lembar != lembar else f"{lembar}!{int(baris)}"


def _as_key(key) -> int | str:
    text = str(key)
    return int(text) if text.lstrip("-").isdigit() else text


def _split_key(key) -> tuple[str | None, int]:
    if isinstance(key, str):
        lembar, _, baris = key.rpartition("!")
        return lembar or None, int(baris)
    return None, int(key)


def _check_inputs(table: pd.DataFrame, areas: pd.DataFrame, level: Level, within: str | None) -> None:
    if Col.BARIS not in table.columns or not ({Col.KODE, Col.NAMA} & set(table.columns)):
        raise ValueError(
            f"'table' needs column {Col.BARIS!r} and {Col.KODE!r} or {Col.NAMA!r}, got {list(table.columns)}"
        )
    missing = [c for c in (Col.KODE, Col.NAMA) if c not in areas.columns]
    if missing:
        raise ValueError(f"'areas' lacks column(s) {missing}, got {list(areas.columns)}")
    keys = table[[c for c in (Col.LEMBAR, Col.BARIS) if c in table.columns]]
    repeated = table[Col.BARIS][keys.duplicated()].tolist()
    if repeated:
        raise ValueError(f"'table' repeats {Col.BARIS} {repeated[:5]}: row numbers must be unique")
    if within is not None:
        kode = normalize_code(within)
        if kode is None or kode.count(".") + 1 >= level.depth:
            raise ValueError(f"'within' must be a dotted code above level {level.value!r}, got {within!r}")


def _records(table: pd.DataFrame, positions: np.ndarray) -> list[tuple[int, dict]]:
    """(position, row as a dict) of the rows at ``positions``."""
    cols = [c for c in (Col.LEMBAR, Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK) if c in table.columns]
    records = table[cols].iloc[positions].astype(object).to_dict("records")
    return [(int(p), {**rec, Col.BARIS: int(rec[Col.BARIS])}) for p, rec in zip(positions, records)]


def _overridden(table: pd.DataFrame, overrides: dict) -> np.ndarray:
    """Rows with a manual choice (their key in ``overrides``)."""
    if not overrides:
        return np.zeros(len(table), dtype=bool)
    sheets = table[Col.LEMBAR].astype(object) if Col.LEMBAR in table.columns else [None] * len(table)
    return np.array([row_key(s, b) in overrides for s, b in zip(sheets, table[Col.BARIS])], dtype=bool)


def _report_columns(table: pd.DataFrame, scope: Scope, coded) -> dict:
    """The report's columns (object arrays, one entry per input row), filled for the rows matched
    by code at once; ``join_enrollment`` fills in the others."""
    n = len(table)

    def column(col: str) -> np.ndarray:
        return table[col].astype(object).to_numpy() if col in table.columns else np.full(n, None, dtype=object)

    out = {name: np.full(n, None, dtype=object) for name in REPORT_COLUMNS}
    out["lembar"] = column(Col.LEMBAR)
    out["baris"] = table[Col.BARIS].to_numpy().astype(np.int64).astype(object)
    out["kode_file"] = texts_as_written(column(Col.KODE))
    out["nama_file"] = texts_as_written(column(Col.NAMA))
    out["cara"][coded.rows] = MatchedBy.CODE.value
    out["kode"][coded.rows] = coded.kode
    out["nama"][coded.rows] = coded.nama
    out["skor"][coded.rows] = coded.skor
    out["kandidat"] = [[] for _ in range(n)]  # a list each: RowMatcher's rows get theirs below
    return out


def _outcome_columns(outcome: Outcome, scope: Scope) -> dict:
    return {
        "cara": outcome.matched_by.value,
        "kode": outcome.kode,
        "nama": scope.names.get(outcome.kode) if outcome.kode else None,
        "skor": outcome.skor,
        "alasan": outcome.alasan,
        "kandidat": outcome.candidates,
    }


def _unused_overrides(overrides: dict, rows: set) -> list[Problem]:
    out = []
    for key, kode in overrides.items():
        if key not in rows:
            lembar, baris = _split_key(key)
            out.append(Problem("manual_tanpa_baris", row=baris, column=Col.KODE, params={"kode": kode},
                               severity="warning", sheet=lembar))
    return out


def _duplicates(report: pd.DataFrame, scope: Scope) -> list[Problem]:
    """One 'wilayah_ganda' error per area that two or more rows resolved to."""
    matched = report[report["cara"].isin(_MATCHED_VALUES)]
    twice = matched[matched["kode"].duplicated(keep=False)]
    problems = []
    for kode, group in twice.groupby("kode", sort=True):
        refs = [str(row_key(s, b)) for s, b in zip(group["lembar"], group["baris"])]
        report.loc[group.index, "alasan"] = "wilayah_ganda"
        first = group.iloc[0]
        problems.append(Problem(
            "wilayah_ganda", row=int(first["baris"]), column=Col.KODE, severity="error", sheet=first["lembar"],
            params={"kode": kode, "nama": scope.names[kode], "baris_semua": ", ".join(refs)},
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
    if hits["lembar"].notna().any():
        out.insert(0, Col.LEMBAR, hits["lembar"].to_numpy())
    positions = np.flatnonzero(report["cara"].isin(_MATCHED_VALUES))  # the report has one row per input row
    for col in COUNT_COLUMNS:
        values = table[col].iloc[positions].to_numpy() if col in table.columns else [pd.NA] * len(out)
        out[col] = pd.array(values, dtype="Int64")
    return out

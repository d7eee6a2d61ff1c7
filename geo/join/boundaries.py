"""``join_boundaries``: the features of a boundary file without Kemendagri codes matched to the
official code table by name within their parent, with the same per-row report as enrollment rows.

Top-down: a feature's ancestors named in the file (GADM, BIG: provinsi, kabupaten/kota,
kecamatan) are found first, each among the children of the one above (``within``, when given,
is where the search starts); a feature whose parent is another feature of the same file (an
OSM export of levels 6 and 7) starts from that feature's area. The feature itself is then
matched by ``join_enrollment`` within the deepest area found, its parent's name (when the file
gives it) narrowing it further: the same scoring, report, candidates and manual choices.
Features with the same level, parent and name are one area drawn in several parts.
"""
from __future__ import annotations

import pandas as pd

from geo.codes import province_name
from geo.columns import ANCESTOR_NAMES, INDUK_BARIS
from geo.join.enrollment import REPORT_COLUMNS, ROW_ERRORS, JoinResult, join_enrollment
from geo.join.rows import MATCHED, MatchedBy
from geo.join.scope import as_text
from geo.names import normalize_code
from geo.schema import LEVELS, Col, Level, Problem, RekamError

BOUNDARY_REPORT_COLUMNS = (*REPORT_COLUMNS, "tingkat", "nama_induk_file")
# A feature left out of ``matched`` for one of these may be skipped on import (as enrollment rows).
BOUNDARY_ROW_ERRORS = ROW_ERRORS | {"batas_tingkat_tidak_dikenal"}
_MATCHED = {m.value for m in MATCHED}


def join_boundaries(table: pd.DataFrame, areas: pd.DataFrame, *, within: str | None = None,
                    overrides: dict | None = None) -> JoinResult:
    """Match named features (``geo.io.boundaries.named.read_named``'s table) to known areas.

    ``table``: Col.BARIS (feature number), Col.LEVEL (Level value or None), Col.NAMA, optional
    ``ANCESTOR_NAMES`` columns (provinsi, kabupaten, kecamatan names as written) and INDUK_BARIS.
    ``areas``: Col.KODE (dotted) and Col.NAMA of the known areas of every level (the official
    table, ``geo.codes.official_areas()``). ``within``: a dotted code where the search starts
    (a kabupaten or kecamatan for files naming one level only). ``overrides``: ``{feature
    number: kode}`` chosen by hand (the kode must lie where the feature is searched).

    Returns a ``JoinResult``: ``matched`` (Col.BARIS, Col.KODE, Col.NAMA: the official name),
    ``report`` (BOUNDARY_REPORT_COLUMNS, one row per feature in file order: ``cara``, ``kode``,
    ``nama``, ``skor``, ``alasan``, up to 3 ``kandidat``; ``tingkat`` the feature's level,
    ``nama_induk_file`` its parent's name as written) and ``problems`` (unmatched, ambiguous,
    two features on one area, ancestors not found or found by a similar name).
    Raises RekamError('batas_perlu_wilayah') when features of kecamatan or desa level have no
    ancestor to search under (no ``within``, no parent named or found), ValueError for
    missing columns or a ``within`` that is no code.
    """
    missing = [c for c in (Col.BARIS, Col.LEVEL, Col.NAMA) if c not in table.columns]
    missing += [c for c in (Col.KODE, Col.NAMA) if c not in areas.columns]
    if missing:
        raise ValueError(f"missing column(s) {missing} in 'table' {list(table.columns)} or 'areas'")
    if within is not None and normalize_code(within) is None:
        raise ValueError(f"'within' must be a Kemendagri code, got {within!r}")
    return _BoundaryJoin(table, areas, normalize_code(within) if within else None, overrides or {}).run()


class _BoundaryJoin:
    def __init__(self, table: pd.DataFrame, areas: pd.DataFrame, within: str | None, overrides: dict):
        self.table = table.reset_index(drop=True)
        self.codes = areas[Col.KODE].astype(str)
        self.areas = areas.assign(_depth=self.codes.str.count(r"\.") + 1)
        self.within = within
        self.overrides = {int(k): v for k, v in overrides.items()}
        self.matched: dict[int, str] = {}  # feature number → code
        self.rows: dict[int, dict] = {}
        self.groups: dict[int, int] = {}  # feature number → the join call that matched it
        self.problems: list[Problem] = []
        self.resolved: dict[tuple, str | None] = {}

    def run(self) -> JoinResult:
        records = self.table.to_dict("records")
        for level in LEVELS:
            self.match_level(level, [r for r in records if r[Col.LEVEL] == level.value])
        for r in records:
            if not isinstance(r[Col.LEVEL], str):
                self.problems.append(Problem("batas_tingkat_tidak_dikenal", row=int(r[Col.BARIS]), column=Col.LEVEL,
                                             params={"nama": r[Col.NAMA] or "–"}))
                self.rows[int(r[Col.BARIS])] = self.report_row(r, None, {
                    "cara": MatchedBy.UNMATCHED.value, "alasan": "batas_tingkat_tidak_dikenal", "kandidat": []})
        self.check_duplicates()
        report = pd.DataFrame([self.rows[int(b)] for b in self.table[Col.BARIS]], columns=list(BOUNDARY_REPORT_COLUMNS))
        hits = report[report["cara"].isin(_MATCHED)]
        matched = pd.DataFrame({Col.BARIS: hits["baris"].astype("int64").to_numpy(), Col.KODE: hits["kode"].to_numpy(),
                                Col.NAMA: hits["nama"].to_numpy()})
        self.problems.sort(key=lambda p: (p.row is None, p.row or 0))
        return JoinResult(matched=matched, report=report, problems=self.problems)

    # --- one level -------------------------------------------------------------------------
    def match_level(self, level: Level, records: list[dict]) -> None:
        groups: dict[str | None, list[dict]] = {}
        for r, anchor in zip(records, self.anchors(records, level)):
            groups.setdefault(anchor, []).append(r)
        lost = [r for anchor, rs in groups.items() if anchor is None and level.depth >= 3 for r in rs]
        if lost:
            raise RekamError("batas_perlu_wilayah", jumlah=len(lost), level=level.value,
                             baris=", ".join(str(r[Col.BARIS]) for r in lost[:10]))
        for anchor, rs in groups.items():
            self.match_group(level, anchor, rs)

    def anchors(self, records: list[dict], level: Level) -> list[str | None]:
        """The deepest known area each feature lies in: ``within``, its parent feature, then its named
        ancestors found top-down (each name searched once per area it is searched in)."""
        current = [self.start(r, level) for r in records]
        stopped = [False] * len(records)
        for above in LEVELS[: max(level.depth - 2, 0)]:  # the immediate parent is the join's own
            keys = [(a, as_text(r.get(ANCESTOR_NAMES[above.value])))
                    if not stop and (a.count(".") + 1 if a else 0) < above.depth else None
                    for r, a, stop in zip(records, current, stopped)]
            found = self.resolve(above, {k: int(r[Col.BARIS]) for k, r in zip(keys, records) if k and k[1]})
            for i, key in enumerate(keys):
                if key and key[1]:  # a file naming the kabupaten but not the provinsi: no stop at the provinsi
                    stopped[i] = found[key] is None
                    current[i] = found[key] or current[i]
        if level.depth >= 3:  # nothing above placed it: its parent's name alone, searched nationwide
            keys = [(None, as_text(r.get(ANCESTOR_NAMES[level.parent.value]))) if a is None else None
                    for r, a in zip(records, current)]
            found = self.resolve(level.parent, {k: int(r[Col.BARIS]) for k, r in zip(keys, records) if k and k[1]})
            current = [found.get(k) if k else a for k, a in zip(keys, current)]
        return current

    def start(self, record: dict, level: Level) -> str | None:
        """``within`` (cut to above ``level``), or the feature of the file containing this one, if deeper."""
        anchor = ".".join(self.within.split(".")[: level.depth - 1]) or None if self.within else None
        parent = record.get(INDUK_BARIS)
        code = self.matched.get(int(parent)) if parent is not None and not pd.isna(parent) else None
        if code and code.count(".") + 1 < level.depth and (anchor is None or code.startswith(anchor + ".")):
            anchor = code
        return anchor

    def resolve(self, level: Level, wanted: dict[tuple, int]) -> dict[tuple, str | None]:
        """Ancestors' codes by name: ``{(area searched in, name): first feature}`` → ``{…: code or None}``,
        one ``join_enrollment`` per area searched in; warnings for names not found or only similar."""
        todo: dict[str | None, dict[str, int]] = {}
        for (anchor, name), baris in wanted.items():
            if (anchor, level, name) not in self.resolved:
                todo.setdefault(anchor, {})[name] = baris
        for anchor, names in todo.items():
            written = [(province_name(n) or n) if level is Level.PROVINSI else n for n in names]
            table = pd.DataFrame({Col.BARIS: range(1, len(names) + 1), Col.NAMA: written})
            report = join_enrollment(table, self.under(anchor, level), level=level, within=anchor).report
            for (name, baris), row in zip(names.items(), report.to_dict("records")):
                found = row["kode"] if row["cara"] in _MATCHED else None
                self.resolved[(anchor, level, name)] = found
                if found is None:
                    self.problems.append(Problem("batas_induk_tidak_cocok", row=baris, severity="warning", params={
                        "tingkat": level.value, "nama_induk": name, "kandidat": _candidates(row["kandidat"])}))
                elif row["cara"] == MatchedBy.SIMILAR_NAME.value:
                    self.problems.append(Problem("batas_induk_mirip", row=baris, severity="warning", params={
                        "tingkat": level.value, "nama_induk": name, "kode": found, "nama": row["nama"],
                        "skor": row["skor"]}))
        return {key: self.resolved[(key[0], level, key[1])] for key in wanted}

    def under(self, anchor: str | None, level: Level) -> pd.DataFrame:
        """Known areas inside ``anchor`` down to ``level``: what one join call compares with."""
        areas = self.areas[self.areas["_depth"] <= level.depth]
        if anchor:
            areas = areas[(self.codes[areas.index] == anchor) | self.codes[areas.index].str.startswith(anchor + ".")]
        return areas[[Col.KODE, Col.NAMA]]

    def match_group(self, level: Level, anchor: str | None, records: list[dict]) -> None:
        """``join_enrollment`` over the group's distinct names; each feature gets its name's outcome."""
        parent_level = level.parent
        named_parent = parent_level is not None and parent_level.depth > (anchor.count(".") + 1 if anchor else 0)
        firsts: dict[tuple, int] = {}
        of: dict[int, int] = {}
        for r in records:
            parent = as_text(r.get(ANCESTOR_NAMES[parent_level.value])) if named_parent else None
            if parent and parent_level is Level.PROVINSI:
                parent = province_name(parent) or parent
            name = province_name(r[Col.NAMA]) or r[Col.NAMA] if level is Level.PROVINSI else r[Col.NAMA]
            first = firsts.setdefault((name, parent), int(r[Col.BARIS]))
            of[int(r[Col.BARIS])] = first
        if not firsts:
            return
        sub = pd.DataFrame([{Col.BARIS: b, Col.NAMA: n, Col.NAMA_INDUK: p} for (n, p), b in firsts.items()])
        overrides = {of[k]: v for k, v in self.overrides.items() if k in of}
        result = join_enrollment(sub, self.under(anchor, level), level=level, within=anchor, overrides=overrides)
        self.problems += result.problems
        outcome = {int(row["baris"]): row for row in result.report.to_dict("records")}
        group = len(set(self.groups.values())) + 1
        for r in records:
            row = outcome[of[int(r[Col.BARIS])]]
            self.rows[int(r[Col.BARIS])] = self.report_row(r, level, row)
            if row["cara"] in _MATCHED:
                self.matched[int(r[Col.BARIS])] = row["kode"]
                self.groups[int(r[Col.BARIS])] = group

    def report_row(self, record: dict, level: Level | None, outcome: dict) -> dict:
        parent = next((record.get(ANCESTOR_NAMES[lvl.value]) for lvl in reversed(LEVELS[:-1])
                       if level is not None and lvl.depth < level.depth and record.get(ANCESTOR_NAMES[lvl.value])), None)
        def value(key):
            v = outcome.get(key)
            return None if v is None or (isinstance(v, float) and pd.isna(v)) else v

        return {"lembar": None, "baris": int(record[Col.BARIS]), "kode_file": None, "nama_file": record[Col.NAMA],
                "cara": outcome["cara"], "kode": value("kode"), "nama": value("nama"), "skor": value("skor"),
                "alasan": value("alasan"), "kandidat": outcome.get("kandidat") or [],
                "tingkat": level.value if level else None, "nama_induk_file": parent}

    def check_duplicates(self) -> None:
        """Two groups (features searched under different areas) landing on one area: an error, as
        two rows of one file on one area are (within a group the join itself says so)."""
        by_code: dict[str, list[int]] = {}
        for baris, kode in self.matched.items():
            by_code.setdefault(kode, []).append(baris)
        for kode, features in sorted(by_code.items()):
            if len({self.groups[b] for b in features}) < 2:
                continue
            features.sort()
            for b in features:
                self.rows[b]["alasan"] = "wilayah_ganda"
            self.problems.append(Problem("wilayah_ganda", row=features[0], column=Col.NAMA, params={
                "kode": kode, "nama": self.rows[features[0]]["nama"], "baris_semua": ", ".join(map(str, features))}))


def _candidates(candidates) -> str:
    return ", ".join(f"{c['nama']} ({c['kode']})" for c in (candidates or [])) or "–"

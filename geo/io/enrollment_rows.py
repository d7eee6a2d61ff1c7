"""The rows under an enrollment header: data rows out, errors and warnings collected.

Skips blank rows, column-number rows, units rows, repeated headers, section rows
(``KECAMATAN SERPONG``) and signature footers; drops total rows (``JUMLAH``, ``TOTAL``…) after
checking them against the rows above. Ordinary data rows are read for whole columns at once
(``geo.io.enrollment_plain``); every other row is decided here, one by one, in order.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.fmt import Count
from geo.io.enrollment_header import (ABAIKAN, COUNT_ROLES, NOMOR, PARENT_LABEL, REQUIRED_COUNTS, SECTION_CHILDREN,
                                      TOTAL_LABEL, UNIT_WORDS, Mapping, is_column_numbers, looks_numeric,
                                      role_of)
from geo.io.enrollment_plain import (Body, belum_differs, cakupan_differs, over_wajib, plain_warnings, read_body,
                                     texts)
from geo.io.grids import Sheet, norm
from geo.io.numbers import MAX_COUNT, as_text, parse_count, parse_percent, show
from geo.schema import COUNT_COLUMNS, Col, Problem


@dataclass(frozen=True)
class Mark:
    """Where the data rows stood at one moment: how many, and each role's running sum and gaps."""

    n: int
    sums: dict[str, int]
    gaps: dict[str, int]


class Rows:
    """The data rows read so far, as columns, with running sums per count role (for total rows).

    Figures are kept as numpy segments (whole numbers and where they are missing): the column
    reader adds thousands of rows at once, the row reader one at a time (gathered, then made a
    segment)."""

    def __init__(self):
        self.baris: list[int] = []
        self.kode: list = []
        self.nama: list = []
        self.induk: list = []
        self._segments: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {role: [] for role in COUNT_COLUMNS}
        self._pending: list[dict[str, int | None]] = []  # rows added one by one, not yet a segment
        self.sums = dict.fromkeys(COUNT_COLUMNS, 0)
        self.gaps = dict.fromkeys(COUNT_COLUMNS, 0)  # rows without the role's figure

    def __len__(self) -> int:
        return len(self.baris)

    def add(self, baris: int, kode, nama, induk, counts: dict[str, int | None]) -> None:
        self.baris.append(baris)
        self.kode.append(kode)
        self.nama.append(nama)
        self.induk.append(induk)
        self._pending.append(counts)
        for role in COUNT_COLUMNS:
            value = counts.get(role)
            if value is None:
                self.gaps[role] += 1
            else:
                self.sums[role] += value

    def extend(self, baris: np.ndarray, kode: np.ndarray, nama: np.ndarray, induk: list,
               counts: dict[str, np.ndarray], missing: dict[str, np.ndarray]) -> None:
        """Many rows at once: ``counts[role]`` int64 with ``missing[role]`` where the figure is absent."""
        self._gather()
        self.baris.extend(baris.tolist())
        self.kode.extend(kode.tolist())
        self.nama.extend(nama.tolist())
        self.induk.extend(induk)
        n = len(baris)
        for role in COUNT_COLUMNS:
            if role not in counts:
                self._segments[role].append((np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)))
                self.gaps[role] += n
                continue
            absent = missing[role]
            self._segments[role].append((np.where(absent, 0, counts[role]).astype(np.int64), absent.copy()))
            self.gaps[role] += int(absent.sum())
            self.sums[role] += int(counts[role][~absent].sum())

    def _gather(self) -> None:
        """The rows added one by one since the last segment, made one."""
        if not self._pending:
            return
        for role in COUNT_COLUMNS:
            values = [counts.get(role) for counts in self._pending]
            self._segments[role].append((np.array([0 if v is None else v for v in values], dtype=np.int64),
                                         np.array([v is None for v in values], dtype=bool)))
        self._pending = []

    def column(self, role: str) -> pd.arrays.IntegerArray:
        """The role's figure of every row so far (Int64, <NA> where absent)."""
        self._gather()
        parts = self._segments[role]
        if not parts:
            return pd.array([], dtype="Int64")
        return pd.arrays.IntegerArray(np.concatenate([v for v, _ in parts]), np.concatenate([m for _, m in parts]))

    @property
    def counts(self) -> dict[str, list]:
        """Each role's figures as a list (None where absent), row by row: for checking, not for speed."""
        return {role: [None if v is pd.NA else int(v) for v in self.column(role)] for role in COUNT_COLUMNS}

    def mark(self) -> Mark:
        return Mark(len(self), dict(self.sums), dict(self.gaps))

    def sum_since(self, mark: Mark, role: str) -> int | None:
        """The role's sum over the rows since ``mark``; None when there are none or one lacks the figure."""
        if len(self) == mark.n or self.gaps[role] != mark.gaps[role]:
            return None
        return self.sums[role] - mark.sums[role]

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame({
            Col.BARIS: pd.Series(self.baris, dtype="int64"),
            Col.KODE: pd.Series(self.kode, dtype=object),
            Col.NAMA: pd.Series(self.nama, dtype=object),
            Col.NAMA_INDUK: pd.Series(self.induk, dtype=object),
        })
        for role in COUNT_COLUMNS:
            frame[role] = self.column(role)
        return frame


START = Mark(0, dict.fromkeys(COUNT_COLUMNS, 0), dict.fromkeys(COUNT_COLUMNS, 0))


class RowReader:
    """Walks the rows under the header: data rows out (``rows``), errors and warnings collected."""

    def __init__(self, sheet: Sheet, mapping: Mapping, sheet_parent: str | None = None):
        self.sheet = sheet
        self.grid = sheet.grid
        self.mapping = mapping
        self.header_norms = [[norm(v) if v is not None else "" for v in sheet.grid[r]] for r in mapping.header.rows]
        self.rows = Rows()
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.skipped: dict[str, list[int]] = {k: [] for k in
                                              ("blank", "column_numbers", "units", "repeated_header", "section",
                                               "footer")}
        self.totals: list[dict] = []
        self.sections: list[str] = []
        self.block = START  # where the current block of rows (since the last total) begins
        self.section = self._section_from_titles() or sheet_parent
        self.parent_fill: str | None = None
        self.pending_totals: list[tuple[dict, list]] = []
        self.number_indices = {c.index for c in mapping.header.columns if c.role == NOMOR}

    # -- reading
    def read(self) -> Rows:
        start = self.mapping.header.rows[-1] + 1
        body = read_body(self.sheet, self.mapping, start, self._total_label)
        index = np.arange(start, start + len(body.blank))
        after = index > body.end
        self.skipped["blank"] = (index[body.blank] + 1).tolist()
        self.skipped["footer"] = (index[after & ~body.blank & ~body.shifted] + 1).tolist()
        plain = np.flatnonzero(body.plain)
        taken = 0
        for i in index[~body.blank & ~body.plain & (~after | body.shifted)].tolist():
            upto = int(np.searchsorted(plain, i - start))
            self._take_plain(body, plain[taken:upto])
            taken = upto
            if i > body.end:
                self._shifted(i, self.grid[i])  # a footer row that is a shifted data row: an error
            else:
                self._read_row(i, self.grid[i])
        self._take_plain(body, plain[taken:])
        self.warnings += plain_warnings(body, self.mapping, self.grid)
        for entry, row in self.pending_totals:
            self._compare_total(entry, row, [START])
        self.errors.sort(key=lambda p: p.row or 0)
        self.warnings.sort(key=lambda p: p.row or 0)
        return self.rows

    def _take_plain(self, body: Body, rows: np.ndarray) -> None:
        """Ordinary rows (``rows``: body positions) into ``rows``, with their parent as the row
        reader gives it: the parent column filled down from the rows above, or the section."""
        if not len(rows):
            return
        if self.mapping.parent is not None:
            own = np.where(np.not_equal(body.induk[rows], None), np.arange(len(rows)), -1)
            last = np.maximum.accumulate(own)
            parents = np.where(last >= 0, body.induk[rows][np.maximum(last, 0)], self.parent_fill).tolist()
            self.parent_fill = parents[-1]
        else:
            parents = [self.section if self.mapping.name_role in SECTION_CHILDREN else None] * len(rows)
        self.rows.extend(rows + body.start + 1, body.kode[rows], body.nama[rows], parents,
                         {role: v[rows] for role, v in body.counts.items()},
                         {role: m[rows] for role, m in body.missing.items()})

    def _read_row(self, i: int, row: list) -> None:
        baris = i + 1
        if self._shifted(i, row):
            return
        if is_column_numbers(row):
            self.skipped["column_numbers"].append(baris)
            return
        if self._is_repeated_header(row):
            self.skipped["repeated_header"].append(baris)
            return
        if all(isinstance(v, str) and norm(v) in UNIT_WORDS for v in row if v is not None):
            self.skipped["units"].append(baris)  # "(jiwa)" "(%)" under the header
            return
        label = self._total_label(row)
        if label is not None:
            self._check_total(baris, label, row)
            return
        cells = {role: [row[c.index] for c in cols] for role, cols in self.mapping.counts.items()}
        has_count = any(v is not None for values in cells.values() for v in values)
        code = as_text(row[self.mapping.code.index]) if self.mapping.code else None
        texts = ({str(v) for j, v in enumerate(row) if v is not None and j not in self.number_indices}
                 or {str(v) for v in row if v is not None})
        if not has_count and code is None and len(texts) == 1:  # "KECAMATAN SERPONG", perhaps numbered "A"
            self._section_row(baris, texts.pop())
            return
        self._data_row(baris, row, code)

    def _shifted(self, i: int, row: list) -> bool:
        """A CSV row with more or fewer fields than its header (a stray quote or separator moved
        its cells) is an error at that row, never read: its figures would belong to other columns.
        A row of one cell (a section title typed by hand) is not compared."""
        widths = self.sheet.widths
        if widths is None or sum(v is not None for v in row) < 2:
            return False
        header_row = self.mapping.header.rows[-1]
        expected, found = widths[header_row], widths[i]
        if found == expected or (found > expected and all(v is None for v in row[expected:])):
            return False
        self.errors.append(Problem("jumlah_kolom_beda", row=i + 1, params={
            "ada": found, "judul": expected, "baris_judul": header_row + 1, "pemisah": self.sheet.delimiter}))
        return True

    def _data_row(self, baris: int, row: list, code: str | None) -> None:
        m = self.mapping
        counts: dict[str, int | None] = {}
        row_errors: list[Problem] = []
        for role, cols in m.counts.items():
            parts = []
            for col in cols:
                raw = row[col.index]
                number, error = parse_count(raw)
                if error:
                    params = {"nilai": number if number is not None else show(raw)}
                    if error == "angka_terlalu_besar":
                        params["maks"] = Count(MAX_COUNT)
                    row_errors.append(Problem(error, row=baris, column=col.text, params=params))
                    number = None
                elif number is None and role in REQUIRED_COUNTS:
                    row_errors.append(Problem("angka_kosong", row=baris, column=col.text, params={}))
                parts.append(number)
            counts[role] = sum(parts) if all(p is not None for p in parts) else None
        name = as_text(row[m.name.index]) if m.name else None
        if name is None and code is None:
            if not row_errors and self._is_unlabelled_total(counts):
                self._check_total(baris, "", row)
                return
            self.errors.append(Problem("tanpa_nama", row=baris,
                                       column=m.name.text if m.name else (m.code.text if m.code else None), params={}))
        self.errors.extend(row_errors)
        self.rows.add(baris, code, name, self._parent(row), counts)
        self._row_warnings(baris, row, counts)

    def _parent(self, row: list) -> str | None:
        m = self.mapping
        if m.parent is not None:
            # a KECAMATAN written only on the first desa of its block names the rows below too
            value = as_text(row[m.parent.index])
            self.parent_fill = value or self.parent_fill
            return self.parent_fill
        return self.section if m.name_role in SECTION_CHILDREN else None

    def _row_warnings(self, baris: int, row: list, counts: dict) -> None:
        m = self.mapping
        wajib, sudah, belum = counts.get(Col.WAJIB), counts.get(Col.SUDAH), counts.get(Col.BELUM)
        if wajib is None or sudah is None:
            return
        if sudah > wajib:
            self.warnings.append(over_wajib(baris, m, sudah, wajib))
        expected_belum = max(wajib - sudah, 0)  # over 100% an office writes 0 or '-' for belum
        if belum is not None and belum != expected_belum:
            self.warnings.append(belum_differs(baris, m, belum, wajib, sudah, expected_belum))
        if m.cakupan is not None and wajib > 0:
            written = parse_percent(row[m.cakupan.index])
            computed = 100 * sudah / wajib
            if written is not None and min(abs(c - computed) for c in (written, 100 * written)) > 0.5:
                self.warnings.append(cakupan_differs(baris, m, row[m.cakupan.index], computed))

    # -- totals
    def _total_label(self, row: list) -> str | None:
        for j in sorted(self.mapping.label_indices):
            value = row[j] if j < len(row) else None
            if isinstance(value, str) and TOTAL_LABEL.match(norm(value)):
                return value
        return None

    def _is_unlabelled_total(self, counts: dict) -> bool:
        wajib = counts.get(Col.WAJIB)
        return wajib is not None and len(self.rows) > self.block.n and wajib in (
            self.rows.sum_since(self.block, Col.WAJIB), self.rows.sum_since(START, Col.WAJIB))

    def _check_total(self, baris: int, label: str, row: list) -> None:
        """Drop a total row after comparing it with the rows since the previous total (a subtotal)
        or with all rows so far (a grand total). One above all the data, as some SIAK exports
        put it, is compared with all rows once they are read."""
        entry = {"baris": baris, "label": label, "checked": [], "consistent": True}
        self.totals.append(entry)
        if len(self.rows):
            self._compare_total(entry, row, [self.block, START])
        else:
            self.pending_totals.append((entry, row))
        self.block = self.rows.mark()
        self.section = None
        self.parent_fill = None

    def _compare_total(self, entry: dict, row: list, scopes: list[Mark]) -> None:
        """``scopes``: where the rows the total may sum begin (its block, all rows)."""
        for role, cols in self.mapping.counts.items():
            parsed = [parse_count(row[c.index]) for c in cols]
            if any(error or number is None for number, error in parsed):
                continue  # a formula without a cached value, or text: nothing to check
            written = sum(number for number, _ in parsed)
            sums = [(self.rows.sum_since(scope, role), scope) for scope in scopes if len(self.rows) > scope.n]
            sums = [(total, scope) for total, scope in sums if total is not None]
            if not sums:
                continue
            entry["checked"].append(role)
            if written in [total for total, _ in sums]:
                continue
            entry["consistent"] = False
            expected, scope = sums[0]
            self.warnings.append(Problem(
                "total_tidak_sesuai", row=entry["baris"], column=texts(cols), severity="warning",
                params={"label": entry["label"] or "(tanpa label)", "tertulis": Count(written),
                        "dihitung": Count(expected), "selisih": Count(written - expected), "dari_baris": self.rows.baris[scope.n],
                        "sampai_baris": self.rows.baris[-1]}))

    # -- non-data rows
    def _section_row(self, baris: int, text) -> None:
        text = str(text)
        self.skipped["section"].append(baris)
        if PARENT_LABEL.match(norm(text)):
            self.section = text
            self.sections.append(text)
        else:
            self.section = None
            self.warnings.append(Problem("baris_tanpa_angka", row=baris, params={"teks": text}, severity="warning"))

    def _section_from_titles(self) -> str | None:
        """A title above the header naming the kecamatan ('KECAMATAN TELUKNAGA'), for one sheet per kecamatan."""
        for r in range(self.mapping.header.rows[0] - 1, -1, -1):
            cells = {str(v) for v in self.grid[r] if v is not None}
            if len(cells) == 1 and PARENT_LABEL.match(norm(next(iter(cells)))):
                return next(iter(cells))
        return None

    def _is_repeated_header(self, row: list) -> bool:
        if any(looks_numeric(v) for v in row if v is not None):
            return False
        if [norm(v) if v is not None else "" for v in row] in self.header_norms:
            return True
        roles = {role_of(v)[0] for v in row} - {None, NOMOR, ABAIKAN}
        return len(roles) >= 2 and bool(roles & set(COUNT_ROLES))

    def report(self) -> dict:
        return {
            "total_rows": self.totals,
            "total_row_found": bool(self.totals),
            "total_row_checked": any(t["checked"] for t in self.totals),
            "skipped_rows": {k: v for k, v in self.skipped.items() if v},
            "sections": self.sections,
        }

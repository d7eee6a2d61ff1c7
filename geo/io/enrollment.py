"""Enrollment (recording) spreadsheets as offices produce them → one clean, typed table.

Built on the one tabular reader (``geo.io.tabular``: size limit, content sniffing, CSV/XLSX,
the NIK rule) and the header finder (``geo.io.enrollment_header``). Skips blank rows,
column-number rows, repeated headers, section rows (``KECAMATAN SERPONG``) and signature
footers, drops total rows (``JUMLAH``, ``TOTAL``…) after checking them against the rows
above, and parses Indonesian numbers (``760.097``).

No joining to areas happens here: codes and names are returned exactly as written.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.io.enrollment_header import (ABAIKAN, COUNT_ROLES, NOMOR, PARENT_LABEL, REQUIRED_COUNTS, SECTION_CHILDREN,
                                      TOTAL_LABEL, UNIT_WORDS, Column, Mapping, count_like, find_header,
                                      is_column_numbers, looks_numeric, map_columns, role_of)
from geo.io.numbers import MAX_COUNT, as_text, parse_count, parse_percent, show
from geo.io.enrollment_sheets import pick_sheets, stated_date
from geo.io.grids import Sheet, norm
from geo.io.tabular import read_workbook
from geo.schema import COUNT_COLUMNS, Col, FileRefused, Problem, ValidationFailed

# --- public API ----------------------------------------------------------------------
@dataclass
class EnrollmentRead:
    """What ``read_enrollment`` returns.

    ``table``: one row per data row with Col.LEMBAR (the sheet when several were read, else
    None), Col.BARIS (row number as the user sees it on that sheet),
    Col.KODE (text as written, or None), Col.NAMA (stripped), Col.NAMA_INDUK, and the
    count columns Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA, Col.PEMULA_SUDAH,
    Col.PEMULA_BELUM (Int64).
    ``problems``: warnings only. ``report``: JSON-serialisable account of how it was read.
    """

    table: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def read_enrollment(source, *, file_name: str | None = None, sheet: str | None = None,
                    max_bytes: int | None = None) -> EnrollmentRead:
    """Read an enrollment spreadsheet into a clean table (see ``EnrollmentRead``).

    ``source`` is a path, or the bytes of an upload with ``file_name`` giving its type.
    ``sheet`` picks an XLSX sheet (ignored for a CSV); by default every visible sheet with a
    recognisable header is read (rows then carry Col.LEMBAR; a sheet named after a kecamatan
    gives its rows that parent), and sheets of different periods are refused
    (``geo.io.enrollment_sheets``). The report lists the sheets read and those left out, and why.
    Columns in: headers matched by ``HEADER_SYNONYMS`` (a name or code column, WAJIB KTP
    and SUDAH REKAM required; BELUM REKAM, PRR, SUDAH CETAK, PEMULA, SUDAH/BELUM REKAM PEMULA
    optional; CAKUPAN only
    cross-checked). Columns out: Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK and the
    count columns as Int64 (``<NA>`` where the file has no such column or cell).

    Raises FileRefused ('berkas_terlalu_besar' — checked before reading, 'berkas_kosong',
    'bukan_format', 'xlsx_rusak', 'xls_tidak_didukung', 'csv_rusak', 'format_tidak_dikenal',
    'sheet_tidak_ada', 'berisi_nik', 'berkas_tidak_bisa_dibuka') and ValidationFailed
    listing every error ('kolom_hilang', 'bukan_angka', 'angka_negatif',
    'bukan_bilangan_bulat', 'angka_kosong', 'tanpa_nama').
    """
    book = read_workbook(source, file_name=file_name, max_bytes=max_bytes,
                         header_score=lambda grid: find_header(grid).score)
    name, fmt, sheets = book.file_name, book.format, book.sheets
    headers = [find_header(s.grid) for s in sheets]
    picked, skipped = pick_sheets(sheets, headers, sheet if fmt == "xlsx" else None, name)
    many = len(picked) > 1
    parts, errors, warnings_ = [], [], []
    for chosen, header in picked:
        try:
            table, reader, mapping = _read_sheet(chosen, header, name, many)
        except ValidationFailed as err:
            errors += _on_sheet(err.problems, chosen.name if many else None)
            continue
        parts.append((chosen, table, reader, mapping))
        errors += _on_sheet(reader.errors, chosen.name if many else None)
        warnings_ += _on_sheet(reader.warnings, chosen.name if many else None)
    if errors:
        raise ValidationFailed(errors)
    table = pd.concat([t for _, t, _, _ in parts], ignore_index=True)
    report = _report(book, parts, headers, skipped, many)
    report["n_rows"] = len(table)
    report["sums"] = {c: int(table[c].sum()) for c in COUNT_COLUMNS if table[c].notna().any()}
    return EnrollmentRead(table=table, problems=warnings_, report=report)


def _read_sheet(sheet: Sheet, header, file_name: str, many: bool):
    """(table, reader, mapping) of one sheet; a sheet of many gets its name as Col.LEMBAR and, when
    nothing else names the kecamatan of its rows, as their parent name (a sheet per kecamatan)."""
    if not any(any(v is not None for v in row) for row in sheet.grid):
        raise FileRefused("berkas_kosong", file_name=file_name, lembar=sheet.name)
    mapping = map_columns(header)
    reader = _RowReader(sheet, mapping, sheet_parent=sheet.name if many else None)
    rows = reader.read()
    if not rows and not reader.errors:
        raise FileRefused("berkas_kosong", file_name=file_name, lembar=sheet.name)
    table = _to_frame(rows)
    table.insert(0, Col.LEMBAR, pd.Series([sheet.name if many else None] * len(table), dtype=object))
    return table, reader, mapping


def _on_sheet(problems: list[Problem], lembar: str | None) -> list[Problem]:
    for problem in problems:
        problem.lembar = lembar
    return problems


def _report(book, parts, headers, skipped: list[dict], many: bool) -> dict:
    """How the file was read: format, sheets read (rows each) and left out (why), columns found."""
    first_sheet, _, first_reader, first_mapping = parts[0]
    report: dict = {"file_name": book.file_name, "format": book.format, "encoding": book.encoding,
                    "delimiter": book.delimiter, "sheet": None if many or book.format != "xlsx" else first_sheet.name,
                    "sheets": [s.name for s in book.sheets] if book.format == "xlsx" else [],
                    "sheets_recognised": [s.name for s, h in zip(book.sheets, headers) if h.recognisable]
                    if book.format == "xlsx" else [],
                    "sheets_read": [{"lembar": s.name, "baris": len(t)} for s, t, _, _ in parts],
                    "sheets_skipped": skipped if book.format == "xlsx" else []}
    report.update(first_mapping.report())
    report.update(first_reader.report())
    if many:
        report["per_lembar"] = {s.name: {**m.report(), **r.report()} for s, _, r, m in parts}
    report.update(stated_date([(s, m.header) for s, _, _, m in parts]))
    return report


# --- rows ----------------------------------------------------------------------------------------
@dataclass
class _Row:
    baris: int
    kode: str | None
    nama: str | None
    induk: str | None
    counts: dict[str, int | None]


class _RowReader:
    """Walks the rows under the header: data rows out, errors and warnings collected."""

    def __init__(self, sheet: Sheet, mapping: Mapping, sheet_parent: str | None = None):
        self.sheet = sheet
        self.grid = sheet.grid
        self.mapping = mapping
        self.header_norms = [[norm(v) if v is not None else "" for v in sheet.grid[r]] for r in mapping.header.rows]
        self.rows: list[_Row] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.skipped: dict[str, list[int]] = {k: [] for k in
                                              ("blank", "column_numbers", "units", "repeated_header", "section",
                                               "footer")}
        self.totals: list[dict] = []
        self.sections: list[str] = []
        self.block_start = 0  # index in self.rows where the current block begins
        self.section = self._section_from_titles() or sheet_parent
        self.parent_fill: str | None = None
        self.pending_totals: list[tuple[dict, list]] = []
        self.number_indices = {c.index for c in mapping.header.columns if c.role == NOMOR}

    # -- reading
    def read(self) -> list[_Row]:
        start = self.mapping.header.rows[-1] + 1
        end = self._last_data_index(start)
        for i in range(start, len(self.grid)):
            row = self.grid[i]
            if not any(v is not None for v in row):
                self.skipped["blank"].append(i + 1)
            elif i > end:  # a footer (place, date, signature); a shifted data row there is still an error
                if not self._shifted(i, row):
                    self.skipped["footer"].append(i + 1)
            else:
                self._read_row(i, row)
        for entry, row in self.pending_totals:
            self._compare_total(entry, row, [self.rows])
        self.errors.sort(key=lambda p: p.baris or 0)
        self.warnings.sort(key=lambda p: p.baris or 0)
        return self.rows

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
        self.errors.append(Problem("jumlah_kolom_beda", baris=i + 1, params={
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
                        params["maks"] = MAX_COUNT
                    row_errors.append(Problem(error, baris=baris, kolom=col.text, params=params))
                    number = None
                elif number is None and role in REQUIRED_COUNTS:
                    row_errors.append(Problem("angka_kosong", baris=baris, kolom=col.text, params={}))
                parts.append(number)
            counts[role] = sum(parts) if all(p is not None for p in parts) else None
        name = as_text(row[m.name.index]) if m.name else None
        if name is None and code is None:
            if not row_errors and self._is_unlabelled_total(counts):
                self._check_total(baris, "", row)
                return
            self.errors.append(Problem("tanpa_nama", baris=baris,
                                       kolom=m.name.text if m.name else (m.code.text if m.code else None), params={}))
        self.errors.extend(row_errors)
        self.rows.append(_Row(baris, code, name, self._parent(row), counts))
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
            self.warnings.append(Problem("melebihi_wajib", baris=baris, kolom=_texts(m.counts[Col.SUDAH]),
                                         params={"sudah": sudah, "wajib": wajib,
                                                 "cakupan": round(100 * sudah / wajib, 2) if wajib else None},
                                         severity="warning"))
        expected_belum = max(wajib - sudah, 0)  # over 100% an office writes 0 or '-' for belum
        if belum is not None and belum != expected_belum:
            self.warnings.append(Problem("belum_tidak_sesuai", baris=baris, kolom=_texts(m.counts[Col.BELUM]),
                                         params={"belum": belum, "wajib": wajib, "sudah": sudah,
                                                 "selisih": expected_belum}, severity="warning"))
        if m.cakupan is not None and wajib > 0:
            written = parse_percent(row[m.cakupan.index])
            computed = 100 * sudah / wajib
            if written is not None and min(abs(c - computed) for c in (written, 100 * written)) > 0.5:
                self.warnings.append(Problem("cakupan_tidak_sesuai", baris=baris, kolom=m.cakupan.text,
                                             params={"tertulis": show(row[m.cakupan.index]),
                                                     "dihitung": round(computed, 2)}, severity="warning"))

    # -- totals
    def _total_label(self, row: list) -> str | None:
        for j in sorted(self.mapping.label_indices):
            value = row[j] if j < len(row) else None
            if isinstance(value, str) and TOTAL_LABEL.match(norm(value)):
                return value
        return None

    def _sums(self, rows: list[_Row], role: str) -> int | None:
        values = [r.counts.get(role) for r in rows]
        return sum(values) if values and all(v is not None for v in values) else None

    def _is_unlabelled_total(self, counts: dict) -> bool:
        wajib = counts.get(Col.WAJIB)
        block = self.rows[self.block_start:]
        return wajib is not None and bool(block) and wajib in (self._sums(block, Col.WAJIB),
                                                              self._sums(self.rows, Col.WAJIB))

    def _check_total(self, baris: int, label: str, row: list) -> None:
        """Drop a total row after comparing it with the rows since the previous total (a subtotal)
        or with all rows so far (a grand total). One above all the data, as some SIAK exports
        put it, is compared with all rows once they are read."""
        entry = {"baris": baris, "label": label, "checked": [], "consistent": True}
        self.totals.append(entry)
        if self.rows:
            self._compare_total(entry, row, [self.rows[self.block_start:], self.rows])
        else:
            self.pending_totals.append((entry, row))
        self.block_start = len(self.rows)
        self.section = None
        self.parent_fill = None

    def _compare_total(self, entry: dict, row: list, scopes: list[list[_Row]]) -> None:
        for role, cols in self.mapping.counts.items():
            parsed = [parse_count(row[c.index]) for c in cols]
            if any(error or number is None for number, error in parsed):
                continue  # a formula without a cached value, or text: nothing to check
            written = sum(number for number, _ in parsed)
            sums = [(self._sums(scope, role), scope) for scope in scopes if scope]
            sums = [(total, scope) for total, scope in sums if total is not None]
            if not sums:
                continue
            entry["checked"].append(role)
            if written in [total for total, _ in sums]:
                continue
            entry["consistent"] = False
            expected, scope = sums[0]
            self.warnings.append(Problem(
                "total_tidak_sesuai", baris=entry["baris"], kolom=_texts(cols), severity="warning",
                params={"label": entry["label"] or "(tanpa label)", "tertulis": written, "dihitung": expected,
                        "selisih": written - expected, "dari_baris": scope[0].baris, "sampai_baris": scope[-1].baris}))

    # -- non-data rows
    def _section_row(self, baris: int, text) -> None:
        text = str(text)
        self.skipped["section"].append(baris)
        if PARENT_LABEL.match(norm(text)):
            self.section = text
            self.sections.append(text)
        else:
            self.section = None
            self.warnings.append(Problem("baris_tanpa_angka", baris=baris, params={"teks": text}, severity="warning"))

    def _section_from_titles(self) -> str | None:
        """A title above the header naming the kecamatan ('KECAMATAN TELUKNAGA'), for one sheet per kecamatan."""
        for r in range(self.mapping.header.rows[0] - 1, -1, -1):
            texts = {str(v) for v in self.grid[r] if v is not None}
            if len(texts) == 1 and PARENT_LABEL.match(norm(next(iter(texts)))):
                return next(iter(texts))
        return None

    def _is_repeated_header(self, row: list) -> bool:
        if any(looks_numeric(v) for v in row if v is not None):
            return False
        if [norm(v) if v is not None else "" for v in row] in self.header_norms:
            return True
        roles = {role_of(v)[0] for v in row} - {None, NOMOR, ABAIKAN}
        return len(roles) >= 2 and bool(roles & set(COUNT_ROLES))

    def _last_data_index(self, start: int) -> int:
        """Last row with a number in a count column or a total label; rows after it are a footer
        (place, date, signature). With no number anywhere every row is read, so errors show."""
        count_indices = [c.index for cols in self.mapping.counts.values() for c in cols]
        last = None
        for i in range(start, len(self.grid)):
            row = self.grid[i]
            if any(count_like(row[j]) for j in count_indices) or self._total_label(row) is not None:
                last = i
        return last if last is not None else len(self.grid) - 1

    def report(self) -> dict:
        return {
            "total_rows": self.totals,
            "total_row_found": bool(self.totals),
            "total_row_checked": any(t["checked"] for t in self.totals),
            "skipped_rows": {k: v for k, v in self.skipped.items() if v},
            "sections": self.sections,
        }


def _texts(cols: list[Column]) -> str:
    return " + ".join(c.text for c in cols)


def _to_frame(rows: list[_Row]) -> pd.DataFrame:
    frame = pd.DataFrame({
        Col.BARIS: pd.Series([r.baris for r in rows], dtype="int64"),
        Col.KODE: pd.Series([r.kode for r in rows], dtype=object),
        Col.NAMA: pd.Series([r.nama for r in rows], dtype=object),
        Col.NAMA_INDUK: pd.Series([r.induk for r in rows], dtype=object),
    })
    for role in COUNT_COLUMNS:
        frame[role] = pd.array([r.counts.get(role) for r in rows], dtype="Int64")
    return frame

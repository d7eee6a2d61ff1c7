"""Enrollment (recording) spreadsheets as offices produce them → one clean, typed table.

Reads CSV (``;`` ``,`` tab or ``|``, UTF-8 with or without BOM, UTF-16, cp1252/latin-1) and
XLSX (openpyxl) entirely in memory: nothing from the file is ever written anywhere, so a
file refused for carrying personal data (NIK) leaves no trace. Finds the header under
title rows by scoring header synonyms, understands two-row merged headers (``WAJIB KTP``
over ``L | P | JML``), skips blank rows, column-number rows, repeated headers, section rows
(``KECAMATAN SERPONG``) and signature footers, drops total rows (``JUMLAH``, ``TOTAL``…)
after checking them against the rows above, and parses Indonesian numbers (``760.097``).

No joining to areas happens here: codes and names are returned exactly as written.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter
from geo.text import Word
from geo.schema import COUNT_COLUMNS, Col, FileRefused, Problem, ValidationFailed


# --- lookup tables ---------------------------------------------------------------
# Header roles besides the count columns (which use their Col names as roles).
KODE_DESA, KODE_KEC, KODE = "kode_desa", "kode_kecamatan", "kode"
NAMA_DESA, NAMA, NAMA_KEC, NAMA_KAB = "nama_desa", "nama", "nama_kecamatan", "nama_kabupaten"
NOMOR, ABAIKAN = "no", "abaikan"

# Written as offices write them; compared case-, space- and punctuation-insensitively.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    KODE_DESA: ("KODE DESA", "KODE KEL", "KODE KELURAHAN", "KODE DESA/KELURAHAN", "KODE DESA/KEL",
                "KODE KEL/DESA", "KD_DESA", "KD_KEL", "KD_DESA_KEL"),
    KODE_KEC: ("KODE KECAMATAN", "KODE KEC", "KD_KEC", "KD_KECAMATAN"),
    KODE: ("KODE", "KODE WILAYAH", "KODE WIL", "KD_WILAYAH", "KODE KEMENDAGRI", "KODE WILAYAH KEMENDAGRI"),
    NAMA_DESA: ("DESA", "KELURAHAN", "DESA/KELURAHAN", "KELURAHAN/DESA", "DESA/KEL", "KEL/DESA", "NAMA DESA",
                "NAMA KELURAHAN", "NAMA DESA/KELURAHAN", "NAMA KEL/DESA", "NAMA KEL"),
    NAMA: ("NAMA", "WILAYAH", "NAMA WILAYAH"),
    NAMA_KEC: ("KECAMATAN", "KEC", "NAMA KECAMATAN", "NAMA KEC"),
    NAMA_KAB: ("KABUPATEN", "KOTA", "KABUPATEN/KOTA", "KAB/KOTA", "NAMA KABUPATEN", "NAMA KABUPATEN/KOTA"),
    Col.WAJIB: ("WAJIB KTP", "JUMLAH WAJIB KTP", "WKTP", "WAJIB KTP-EL", "WAJIB E-KTP", "WAJIB KTP EL",
                "JUMLAH WAJIB KTP-EL", "WAJIB KTP ELEKTRONIK", "JUMLAH WKTP"),
    Col.SUDAH: ("SUDAH REKAM", "SUDAH MELAKUKAN PEREKAMAN", "JUMLAH SUDAH REKAM", "SUDAH PEREKAMAN",
                "TELAH REKAM", "PEREKAMAN", "SUDAH DIREKAM", "TELAH MELAKUKAN PEREKAMAN", "SUDAH MEREKAM",
                "TELAH PEREKAMAN"),
    Col.BELUM: ("BELUM REKAM", "BELUM MELAKUKAN PEREKAMAN", "BELUM PEREKAMAN", "JUMLAH BELUM REKAM",
                "BELUM DIREKAM", "BELUM MEREKAM"),
    Col.PRR: ("PRR", "PRINT READY RECORD"),
    Col.CETAK: ("SUDAH CETAK", "KEPEMILIKAN", "SUDAH MEMILIKI", "SUDAH MEMILIKI KTP-EL", "TELAH CETAK",
                "SUDAH DICETAK", "KEPEMILIKAN KTP-EL"),
    Col.PEMULA: ("PEMULA", "WAJIB KTP PEMULA"),
    Col.CAKUPAN: ("CAKUPAN", "%", "PERSEN", "PERSENTASE", "PROSENTASE", "CAKUPAN PEREKAMAN", "CAPAIAN"),
    NOMOR: ("NO", "NO URUT", "NOMOR", "NOMOR URUT"),
    # Recognised so that they do not steal a count role by prefix ("SUDAH REKAM PEMULA").
    ABAIKAN: ("JUMLAH PENDUDUK", "PENDUDUK", "SUDAH REKAM PEMULA", "BELUM REKAM PEMULA", "KETERANGAN", "KET"),
}
# Under a group header ("PEREKAMAN" over "SUDAH | BELUM") a bare word is enough.
CHILD_SYNONYMS: dict[str, tuple[str, ...]] = {
    Col.SUDAH: ("SUDAH", "TELAH", "SUDAH REKAM"),
    Col.BELUM: ("BELUM", "BELUM REKAM"),
}
# Sub-columns of a merged header: per sex, or the total we take.
SUB_LABELS: dict[str, str] = {
    **dict.fromkeys(("L", "LK", "LAKI", "LAKI LAKI", "PRIA"), "l"),
    **dict.fromkeys(("P", "PR", "PEREMPUAN", "WANITA"), "p"),
    **dict.fromkeys(("JML", "JUMLAH", "TOTAL", "L P", "LP", "L DAN P", "JML L P", "JUMLAH L P"), "total"),
}
# Headers that mean personal records: such a file is refused outright.
PERSONAL_HEADERS = frozenset(
    ("NIK", "NO NIK", "NOMOR NIK", "NO KTP", "NOMOR KTP", "NO E KTP", "NO KTP EL", "NOMOR INDUK KEPENDUDUKAN",
     "NAMA LENGKAP", "NAMA PENDUDUK", "NAMA WARGA", "NO KK", "NOMOR KK", "NOMOR KARTU KELUARGA",
     "TANGGAL LAHIR", "TGL LAHIR", "TEMPAT LAHIR", "TEMPAT TANGGAL LAHIR", "NAMA IBU KANDUNG")
)
TOTAL_LABEL = re.compile(r"^(JUMLAH|JML|TOTAL|SUBTOTAL|SUB TOTAL|GRAND TOTAL)( |$)")
PARENT_LABEL = re.compile(r"^(KECAMATAN|KEC) \S")  # a section row or title naming the kecamatan

COUNT_ROLES = COUNT_COLUMNS
REQUIRED_COUNTS = (Col.WAJIB, Col.SUDAH)
NUMBER_LIKE_ERRORS = ("angka_negatif", "bukan_bilangan_bulat", "angka_terlalu_besar")  # a number, but wrong
NAME_ROLES = (NAMA_DESA, NAMA, NAMA_KEC, NAMA_KAB)  # the first present names the rows
PARENT_OF = {NAMA_DESA: NAMA_KEC, NAMA: NAMA_KEC, NAMA_KEC: NAMA_KAB}
CODE_PREFERENCE = {
    NAMA_DESA: (KODE_DESA, KODE), NAMA: (KODE_DESA, KODE), NAMA_KEC: (KODE_KEC, KODE), NAMA_KAB: (KODE,),
    None: (KODE_DESA, KODE, KODE_KEC),
}
# Section rows ("KECAMATAN SERPONG") give the parent only to rows named at these levels.
SECTION_CHILDREN = (NAMA_DESA, NAMA)
LABEL_ROLES = (NOMOR, KODE_DESA, KODE_KEC, KODE, *NAME_ROLES)

FORMAT_BY_EXTENSION = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
                       ".xls": "xls", "": "sniff"}
MAGIC = (  # leading bytes → what the content is
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
    (b"%PDF", "pdf"), (b"\x1f\x8b", "gzip"), (b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"{\\rtf", "rtf"), (b"<!doctype html", "html"), (b"<html", "html"), (b"<?xml", "xml"),
)
ZIP_MARKERS = (("xl/", "xlsx"), ("word/", "docx"), ("ppt/", "pptx"), ("mimetype", "ods"))
CSV_DELIMITERS = (";", ",", "\t", "|")  # tie order: Indonesian Excel writes ';'
UNIT_WORDS = frozenset(("JIWA", "ORANG", "PERSEN", "KEPING", "JIWA ORANG"))  # a units row under a header
DASHES = {"-", "--", "\u2013", "\u2014", "\u2212"}  # "nihil": zero, as in BPS tables
HEADER_SCAN_ROWS = 50
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # guards against zip bombs disguised as .xlsx
MB = 1024 * 1024
MAX_COUNT = 10**9  # more people than Indonesia has (≈280 million): a code, a NIK or a typo


# --- public API ----------------------------------------------------------------------
@dataclass
class EnrollmentRead:
    """What ``read_enrollment`` returns.

    ``table``: one row per data row with Col.BARIS (row number as the user sees it),
    Col.KODE (text as written, or None), Col.NAMA (stripped), Col.NAMA_INDUK, and the
    count columns Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA (Int64).
    ``problems``: warnings only. ``report``: JSON-serialisable account of how it was read.
    """

    table: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def list_sheets(source, file_name: str | None = None) -> list[str]:
    """Sheet names of an XLSX file, in workbook order; ``[]`` for a CSV.

    Raises FileRefused like ``read_enrollment`` for files that are not what they claim.
    """
    data, name = _load_bytes(source, file_name, None)
    if _format_of(name, data) == "csv":
        return []
    _check_xlsx_container(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
            names = list(wb.sheetnames)
            wb.close()
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise FileRefused("xlsx_rusak", file_name=name, detail=_short(exc)) from None
    return names


def read_enrollment(source, *, file_name: str | None = None, sheet: str | None = None,
                    max_bytes: int | None = None) -> EnrollmentRead:
    """Read an enrollment spreadsheet into a clean table (see ``EnrollmentRead``).

    ``source`` is a path, or the bytes of an upload with ``file_name`` giving its type.
    ``sheet`` picks an XLSX sheet (ignored for a CSV); by default the first sheet with a
    recognisable header.
    Columns in: headers matched by ``HEADER_SYNONYMS`` (a name or code column, WAJIB KTP
    and SUDAH REKAM required; BELUM REKAM, PRR, SUDAH CETAK, PEMULA optional; CAKUPAN only
    cross-checked). Columns out: Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK and the
    count columns as Int64 (``<NA>`` where the file has no such column or cell).

    Raises FileRefused ('berkas_terlalu_besar' — checked before reading, 'berkas_kosong',
    'bukan_format', 'xlsx_rusak', 'xls_tidak_didukung', 'csv_rusak', 'format_tidak_dikenal',
    'sheet_tidak_ada', 'berisi_nik', 'berkas_tidak_bisa_dibuka') and ValidationFailed
    listing every error ('kolom_hilang', 'bukan_angka', 'angka_negatif',
    'bukan_bilangan_bulat', 'angka_kosong', 'tanpa_nama').
    """
    data, name = _load_bytes(source, file_name, max_bytes)
    fmt = _format_of(name, data)
    report: dict = {"file_name": name, "format": fmt, "encoding": None, "delimiter": None,
                    "sheet": None, "sheets": [], "sheets_recognised": []}
    if fmt == "csv":
        sheets, report["encoding"], report["delimiter"] = _csv_sheets(data, name)
    else:
        sheets = _xlsx_sheets(data, name)
        report["sheets"] = [s.name for s in sheets]
    for candidate in sheets:  # privacy first: nothing is kept from a file carrying NIKs
        _refuse_personal_data(candidate)
    headers = [_find_header(s.grid) for s in sheets]
    chosen, header = _choose_sheet(sheets, headers, sheet if fmt == "xlsx" else None, name)
    if fmt == "xlsx":
        report["sheet"] = chosen.name
        report["sheets_recognised"] = [s.name for s, h in zip(sheets, headers) if h.recognisable]
    if not any(any(v is not None for v in row) for row in chosen.grid):
        raise FileRefused("berkas_kosong", file_name=name, lembar=chosen.name)
    mapping = _map_columns(header)
    reader = _RowReader(chosen, mapping)
    rows = reader.read()
    if reader.errors:
        raise ValidationFailed(reader.errors)
    if not rows:
        raise FileRefused("berkas_kosong", file_name=name, lembar=chosen.name)
    table = _to_frame(rows)
    report.update(mapping.report())
    report.update(reader.report())
    report["n_rows"] = len(table)
    report["sums"] = {c: int(table[c].sum()) for c in COUNT_COLUMNS if table[c].notna().any()}
    return EnrollmentRead(table=table, problems=reader.warnings, report=report)


# --- bytes in, format out ----------------------------------------------------------------
def _load_bytes(source, file_name: str | None, max_bytes: int | None) -> tuple[bytes, str]:
    """The file's bytes and name; size checked before anything is read."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes)
        return data, file_name or "unggahan"
    if hasattr(source, "getvalue"):  # an upload object (e.g. Streamlit's UploadedFile)
        name = file_name or getattr(source, "name", None) or "unggahan"
        size = getattr(source, "size", None)
        if size is not None:
            _check_size(int(size), max_bytes)
        data = bytes(source.getvalue())
        _check_size(len(data), max_bytes)
        return data, name
    path = Path(source)
    name = file_name or path.name
    try:
        _check_size(os.stat(path).st_size, max_bytes)
        return path.read_bytes(), name
    except OSError as exc:
        raise FileRefused("berkas_tidak_bisa_dibuka", file_name=name, detail=exc.strerror or str(exc)) from None


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(size / MB, 1), maks_mb=round(max_bytes / MB, 1))


def _sniff(data: bytes) -> str:
    """What the bytes look like: a MAGIC kind, 'text' or 'binary'."""
    head = data[:16].lower()
    for prefix, kind in MAGIC:
        if head.startswith(prefix.lower()):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with BOM (Excel's "Unicode text")
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary"
    controls = sum(1 for b in sample if (b < 32 and b not in b"\t\r\n\f\x1a") or b == 127)
    return "binary" if controls > len(sample) // 100 else "text"


def _refuse_kind(name: str, ext: str, kind: str):
    return FileRefused("bukan_format", file_name=name, ext=ext or "(tanpa ekstensi)", seperti=Word(f"isi_{kind}"))


def _format_of(name: str, data: bytes) -> str:
    """'csv' or 'xlsx' for a file whose content agrees with its name; refuses otherwise."""
    ext = Path(name).suffix.lower()
    declared = FORMAT_BY_EXTENSION.get(ext)
    if declared is None:
        raise FileRefused("format_tidak_dikenal", file_name=name, ext=ext)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe;,|\"'"):
        raise FileRefused("berkas_kosong", file_name=name, lembar="-")
    kind = _sniff(data)
    if declared == "xls" or (declared == "sniff" and kind == "ole"):
        if kind == "zip":  # an .xlsx saved under an .xls name reads fine
            return "xlsx"
        raise FileRefused("xls_tidak_didukung", file_name=name)
    if declared == "sniff":
        declared = {"zip": "xlsx", "text": "csv"}.get(kind)
        if declared is None:
            raise _refuse_kind(name, ext, kind)
    expected = {"csv": "text", "xlsx": "zip"}[declared]
    if kind != expected:
        raise _refuse_kind(name, ext, "xlsx" if kind == "zip" else kind)
    return declared


# --- grids ---------------------------------------------------------------------------
@dataclass
class _Sheet:
    """A sheet as a rectangular grid of cell values (None for empty); row i is Excel row i+1."""

    name: str
    grid: list[list]
    hidden: bool = False


def _clean_cell(value):
    if isinstance(value, str):
        value = value.strip().strip("\u200b\ufeff").strip()
        return value or None
    return value


def _filled_width(row: list) -> int:
    return next((k + 1 for k in range(len(row) - 1, -1, -1) if row[k] is not None), 0)


def _rectangular(rows: list[list]) -> list[list]:
    """Rows padded to one width, trailing empty rows and columns dropped."""
    while rows and not _filled_width(rows[-1]):
        rows.pop()
    width = max((_filled_width(r) for r in rows), default=0)
    return [list(r[:width]) + [None] * (width - len(r)) for r in rows]


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # never fails: every byte is a character


def _parse_csv(text: str, delimiter: str, name: str) -> list[list]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[_clean_cell(v) for v in row] for row in reader]
    except csv.Error as exc:
        raise FileRefused("csv_rusak", file_name=name, baris=reader.line_num, detail=str(exc)) from None


def _csv_sheets(data: bytes, name: str) -> tuple[list[_Sheet], str, str]:
    """The CSV as one sheet, with the encoding and the delimiter chosen.

    The delimiter is the one under which a header is best recognised, then the one
    giving the most rows of the same width (title rows and ``92,28`` decimals make
    plain sniffing unreliable).
    """
    text, encoding = _decode(data)
    sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS + 10])

    def score(delimiter: str):
        try:
            rows = [[_clean_cell(v) for v in r] for r in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            return ((-1, -1), -1, -1)
        widths = [len(r) for r in rows if len(r) > 1]
        modal = max(set(widths), key=widths.count) if widths else 0
        return (_find_header(_rectangular(rows)).score, widths.count(modal) if modal else 0, modal)

    delimiter = max(CSV_DELIMITERS, key=score)  # max keeps the first of equals
    grid = _rectangular(_parse_csv(text, delimiter, name))
    return [_Sheet("CSV", grid)], encoding, delimiter


def _check_xlsx_container(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileRefused("xlsx_rusak", file_name=name, detail=_short(exc)) from None
    names = [i.filename for i in infos]
    kind = next((k for marker, k in ZIP_MARKERS if any(n.startswith(marker) for n in names)), "zip")
    if kind != "xlsx":
        raise _refuse_kind(name, Path(name).suffix.lower(), kind)
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(unzipped / MB, 1),
                          maks_mb=round(MAX_UNZIPPED_BYTES / MB, 1))


def _xlsx_sheets(data: bytes, name: str) -> list[_Sheet]:
    """Every worksheet as a grid, merged ranges filled with their top-left value.

    Filling merged cells makes a vertically merged KECAMATAN cell name each of its desa
    rows and a ``JUMLAH`` merged over NO..DESA label the row in every column.
    """
    _check_xlsx_container(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        sheets = []
        for sheet_name in wb.sheetnames:
            ws = wb[sheet_name]
            hidden = getattr(ws, "sheet_state", "visible") != "visible"
            # ws._cells holds only cells that exist: iter_rows would create every styled-empty
            # cell up to row 1,048,576 in files formatted down to the bottom.
            cells = {k: _clean_cell(c.value) for k, c in getattr(ws, "_cells", {}).items()}
            cells = {k: v for k, v in cells.items() if v is not None}
            height = max((r for r, _ in cells), default=0)
            width = max((c for _, c in cells), default=0)
            grid = [[None] * width for _ in range(height)]
            for (r, c), v in cells.items():
                grid[r - 1][c - 1] = v
            merged = ws.merged_cells.ranges if hasattr(ws, "merged_cells") else ()  # chartsheets have none
            for rng in merged:
                if rng.min_row > height or rng.min_col > width:
                    continue
                value = grid[rng.min_row - 1][rng.min_col - 1]
                for r in range(rng.min_row, min(rng.max_row, height) + 1):
                    for c in range(rng.min_col, min(rng.max_col, width) + 1):
                        grid[r - 1][c - 1] = value
            sheets.append(_Sheet(sheet_name, _rectangular(grid), hidden))
        wb.close()
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds (KeyError, zlib.error, ParseError…) on damage
        raise FileRefused("xlsx_rusak", file_name=name, detail=_short(exc)) from None
    return sheets


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"


# --- privacy ----------------------------------------------------------------------------
_NIK_TEXT = re.compile(r"'?\d{16}", re.ASCII)
_SCIENTIFIC_15 = re.compile(r"\d[.,]\d+E\+?15", re.IGNORECASE | re.ASCII)


def _nik_like(value) -> bool:
    """A 16-digit number, however stored: int, float (Excel), text with spaces, or 3.67401E+15."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 10**15 <= abs(value) < 10**16
    if isinstance(value, float):
        return math.isfinite(value) and value.is_integer() and 1e15 <= abs(value) < 1e16
    if isinstance(value, str):
        compact = re.sub(r"[\s.\-]", "", value) if len(value) < 40 else ""
        return bool(_NIK_TEXT.fullmatch(compact) or _SCIENTIFIC_15.fullmatch(value.replace(" ", "")))
    return False


def _refuse_personal_data(sheet: _Sheet) -> None:
    """FileRefused('berisi_nik') for a personal-data header or a column mostly of NIK-like values.

    "Mostly" is counted from the first NIK-like cell down, so title rows above do not hide it.
    """
    grid = sheet.grid
    width = len(grid[0]) if grid else 0
    for j in range(width):
        column = [row[j] for row in grid]
        flags = [_nik_like(v) for v in column]
        n_nik = sum(flags)
        header = next((v for v in column if isinstance(v, str) and _personal_header(v)), None)
        if header is None and n_nik:
            first = flags.index(True)
            filled = [v for v in column[first:] if v is not None]
            if 2 * n_nik < len(filled):
                continue
            header = next((v for v in reversed(column[:first]) if isinstance(v, str)), _letter(j))
        if header is not None:
            raise FileRefused("berisi_nik", kolom=str(header), huruf=_letter(j), lembar=sheet.name, n_nik=n_nik)


def _letter(j: int) -> str:
    """Excel's column letter of grid column ``j``; a number past XFD, where letters end."""
    return get_column_letter(j + 1) if j < 16384 else str(j + 1)


def _personal_header(text: str) -> bool:
    key = _norm(text)
    return key in PERSONAL_HEADERS or key.startswith("NIK ")


# --- headers ------------------------------------------------------------------------------
def _norm(value) -> str:
    """Case-, space- and punctuation-insensitive key: 'Desa/Kel.' → 'DESA KEL', '%' → 'PERSEN'."""
    text = unicodedata.normalize("NFKC", str(value)).upper().replace("%", " PERSEN ")
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())


class _Lookup:
    """Header text → (role, sub-column kind), by exact key or by the longest synonym it starts with."""

    def __init__(self, *tables: dict[str, tuple[str, ...]]):
        self.exact = {_norm(s): role for table in tables for role, syns in table.items() for s in syns}
        self.exact.setdefault("PERSEN", Col.CAKUPAN)
        self.prefixes = sorted((k for k in self.exact if k != _norm("NO")), key=len, reverse=True)
        self.match = lru_cache(maxsize=4096)(self._match)

    def _match(self, text: str) -> tuple[str | None, str | None]:
        for variant in (re.sub(r"\([^)]*\)", " ", text), text):  # "WAJIB KTP (JIWA)", then "(L+P)"
            key = _norm(variant)
            if not key:
                continue
            if key in self.exact:
                return self.exact[key], None
            for syn in self.prefixes:
                if key.startswith(syn + " "):
                    return self.exact[syn], SUB_LABELS.get(key[len(syn) + 1:])
        return None, None


HEADERS = _Lookup(HEADER_SYNONYMS)
CHILD_HEADERS = _Lookup(CHILD_SYNONYMS, HEADER_SYNONYMS)


def _sub_label(value) -> str | None:
    return SUB_LABELS.get(_norm(value)) if isinstance(value, str) else None


def _role(value) -> tuple[str | None, str | None]:
    return HEADERS.match(value) if isinstance(value, str) else (None, None)


@dataclass
class _Column:
    index: int
    text: str  # header as written; "WAJIB KTP / JML" for a merged two-row header
    role: str | None
    sub: str | None = None


@dataclass
class _Header:
    rows: list[int]  # grid indices
    columns: list[_Column]

    @property
    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role not in (None, NOMOR, ABAIKAN)}

    @property
    def recognisable(self) -> bool:
        return len(self.roles) >= 2 and bool(self.roles & set(COUNT_ROLES))

    @property
    def score(self) -> tuple[int, int]:
        return (int(self.recognisable), len(self.roles))


def _looks_numeric(value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and _parse_count(value)[1] in (None, *NUMBER_LIKE_ERRORS)


def _count_like(value) -> bool:
    """A number a count column could hold, even a wrong one; not an 18-digit NIP under a signature."""
    number, error = _parse_count(value)
    return error in ("angka_negatif", "bukan_bilangan_bulat") or (error is None and number is not None)


def _is_column_numbers(row: list) -> bool:
    """A row '1 2 3 …' or '(1) (2) (3) …' numbering the columns under a header."""
    values = [v for v in row if v is not None]
    numbers = []
    for v in values:
        text = str(v).strip("() ") if isinstance(v, str) else v
        if isinstance(text, str) and text.isascii() and text.isdigit():  # '²'.isdigit() is True
            text = int(text)
        if not isinstance(text, int) or isinstance(text, bool):
            return False
        numbers.append(text)
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _is_sub_header(upper: list, lower: list) -> bool:
    """``lower`` completes ``upper``: sub-labels (L/P/JML) or bare child words (SUDAH/BELUM)."""
    if not any(_role(v)[0] for v in upper):
        return False
    cells = [v for v in lower if v is not None]
    if not cells or any(not isinstance(v, str) or _looks_numeric(v) for v in cells) or _is_column_numbers(lower):
        return False
    return any(_sub_label(v) or _child_only(v) for v in cells)


def _child_only(value) -> bool:
    """A word that names a column only under a group header ('SUDAH' under 'PEREKAMAN')."""
    return isinstance(value, str) and _role(value)[0] is None and CHILD_HEADERS.match(value)[0] is not None


def _compose(upper: list, lower: list) -> list[_Column]:
    """Columns of a two-row header: the upper label carried right over its sub-labels."""
    columns, last_parent = [], None
    for j, (parent, child) in enumerate(zip(upper, lower)):
        parent = str(parent) if parent is not None else None
        child = str(child) if child is not None else None
        if parent is not None:
            last_parent = parent
        sub = _sub_label(child)
        if parent is None and last_parent is not None and (sub or _child_only(child)):
            parent = last_parent  # a merged header without merge info: the label sits in its first cell only
        if child is None or (parent is not None and _norm(parent) == _norm(child)):
            if parent is not None:
                columns.append(_Column(j, parent, *HEADERS.match(parent)))
        elif parent is None:
            columns.append(_Column(j, child, *CHILD_HEADERS.match(child)))
        elif sub:
            columns.append(_Column(j, f"{parent} / {child}", HEADERS.match(parent)[0], sub))
        else:
            role, kind = next((m for m in (CHILD_HEADERS.match(child), HEADERS.match(f"{child} {parent}"),
                                           HEADERS.match(f"{parent} {child}")) if m[0]), (None, None))
            columns.append(_Column(j, f"{parent} / {child}", role, kind))
    return columns


def _header_at(grid: list[list], r: int) -> _Header:
    upper = grid[r]
    lower = grid[r + 1] if r + 1 < len(grid) else None
    if lower is not None and _is_sub_header(upper, lower):
        return _Header([r, r + 1], _compose(upper, lower))
    return _Header([r], [_Column(j, str(v), *_role(v)) for j, v in enumerate(upper) if v is not None])


def _find_header(grid: list[list]) -> _Header:
    """The best-scoring header among the first rows (the first of equals). With no header
    word anywhere, the first non-empty row, so that a message can say what was found."""
    best = None
    for r in range(min(len(grid), HEADER_SCAN_ROWS)):
        if any(v is not None for v in grid[r]):
            candidate = _header_at(grid, r)
            if best is None or candidate.score > best.score:
                best = candidate
    return best or _Header([], [])


def _choose_sheet(sheets: list[_Sheet], headers: list[_Header], wanted: str | None,
                  name: str) -> tuple[_Sheet, _Header]:
    """The sheet asked for (exact name, else ignoring case and spaces), or the first visible
    sheet with a recognisable header, or the non-empty sheet that comes closest."""
    pairs = list(zip(sheets, headers))
    if wanted is not None:
        found = next((p for p in pairs if p[0].name == wanted), None) or next(
            (p for p in pairs if p[0].name.strip().casefold() == str(wanted).strip().casefold()), None)
        if found is None:
            raise FileRefused("sheet_tidak_ada", sheet=wanted, sheets=", ".join(s.name for s in sheets))
        return found
    ordered = [p for p in pairs if not p[0].hidden] + [p for p in pairs if p[0].hidden]
    for candidate in ordered:
        if candidate[1].recognisable:
            return candidate
    non_empty = [h for h in ordered if h[0].grid]
    if not non_empty:
        raise FileRefused("berkas_kosong", file_name=name, lembar=", ".join(s.name for s in sheets) or "-")
    return max(non_empty, key=lambda h: h[1].score)


# --- column mapping ------------------------------------------------------------------------
@dataclass
class _Mapping:
    header: _Header
    name_role: str | None = None
    name: _Column | None = None
    parent: _Column | None = None
    code: _Column | None = None
    counts: dict[str, list[_Column]] = field(default_factory=dict)
    cakupan: _Column | None = None
    unused: list[_Column] = field(default_factory=list)

    @property
    def label_indices(self) -> set[int]:
        """Columns that may hold a total row's 'JUMLAH': NO, codes, names, and all left of the counts."""
        first_count = min((c.index for cols in self.counts.values() for c in cols), default=0)
        labelled = {c.index for c in self.header.columns if c.role in LABEL_ROLES}
        return labelled | set(range(first_count))

    def report(self) -> dict:
        columns = {}
        for key, col in ((Col.KODE, self.code), (Col.NAMA, self.name), (Col.NAMA_INDUK, self.parent),
                         (Col.CAKUPAN, self.cakupan)):
            if col is not None:
                columns[key] = col.text
        for role, cols in self.counts.items():
            columns[role] = " + ".join(c.text for c in cols)
        return {
            "header_rows": [r + 1 for r in self.header.rows],
            "columns": columns,
            "columns_unused": [c.text for c in self.unused],
            "summed_columns": {role: [c.text for c in cols] for role, cols in self.counts.items() if len(cols) > 1},
        }


def _pick_count(columns: list[_Column]) -> list[_Column]:
    """The total sub-column, else a plain one, else L + P summed; [] when only one sex is there."""
    for wanted in ("total", None):
        found = [c for c in columns if c.sub == wanted]
        if found:
            return found[:1]
    male = [c for c in columns if c.sub == "l"]
    female = [c for c in columns if c.sub == "p"]
    return [male[0], female[0]] if male and female else []


def _map_columns(header: _Header) -> _Mapping:
    """Assign header columns to schema columns; ValidationFailed('kolom_hilang') when required ones lack."""
    by_role: dict[str, list[_Column]] = {}
    for col in header.columns:
        if col.role is not None:
            by_role.setdefault(col.role, []).append(col)
    mapping = _Mapping(header)
    mapping.name_role = next((r for r in NAME_ROLES if r in by_role), None)
    if mapping.name_role:
        mapping.name = by_role[mapping.name_role][0]
        parent_role = PARENT_OF.get(mapping.name_role)
        mapping.parent = by_role[parent_role][0] if parent_role in by_role else None
    code_role = next((r for r in CODE_PREFERENCE[mapping.name_role] if r in by_role), None)
    mapping.code = by_role[code_role][0] if code_role else None
    for role in COUNT_ROLES:
        picked = _pick_count(by_role.get(role, []))
        if picked:
            mapping.counts[role] = picked
    mapping.cakupan = by_role.get(Col.CAKUPAN, [None])[0]
    used = {id(c) for c in (mapping.name, mapping.parent, mapping.code, mapping.cakupan) if c is not None}
    used |= {id(c) for cols in mapping.counts.values() for c in cols}
    mapping.unused = [c for c in header.columns if id(c) not in used]

    missing = []
    if mapping.name is None and mapping.code is None:
        missing.append(("NAMA atau KODE WILAYAH", HEADER_SYNONYMS[NAMA_DESA][:3] + HEADER_SYNONYMS[NAMA_KEC][:1]
                        + HEADER_SYNONYMS[NAMA][:2] + HEADER_SYNONYMS[KODE][:2] + HEADER_SYNONYMS[KODE_DESA][:1]))
    for role in REQUIRED_COUNTS:
        if role not in mapping.counts:
            missing.append((HEADER_SYNONYMS[role][0], HEADER_SYNONYMS[role][:5]))
    if missing:
        found = ", ".join(f"'{c.text}'" for c in header.columns) or "(tidak ada / none)"
        baris = header.rows[0] + 1 if header.rows else None
        raise ValidationFailed([
            Problem("kolom_hilang", baris=baris, kolom=None,
                    params={"dicari": wanted, "ditemukan": found, "sinonim": ", ".join(synonyms)})
            for wanted, synonyms in missing
        ])
    return mapping


# --- numbers ----------------------------------------------------------------------------------
_THOUSANDS = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*", re.ASCII)  # 760.097, 1,234,567
_THOUSANDS_DECIMAL = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*([.,])(\d+)", re.ASCII)  # 1.234,50
_DECIMAL = re.compile(r"\d+[.,](\d+)", re.ASCII)  # 12,5 — 1.5 — 1234.00
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+-]?\d+", re.ASCII)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def _parse_count(value) -> tuple[int | None, str | None]:
    """(count, error key). Empty → (None, None); '-' → 0; errors: bukan_angka, bukan_bilangan_bulat,
    angka_negatif (with the negative number as count)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, "bukan_angka"
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None, "bukan_angka"
        if not value.is_integer():
            return None, "bukan_bilangan_bulat"
        number = int(value)
    elif isinstance(value, str):
        number, error = _parse_count_text(value)
        if error or number is None:
            return number, error
    else:  # dates and times that Excel made of a typed number
        return None, "bukan_angka"
    if number < 0:
        return number, "angka_negatif"
    return (number, "angka_terlalu_besar") if number > MAX_COUNT else (number, None)


def _parse_count_text(value: str) -> tuple[int | None, str | None]:
    text = _SPACES.sub("", value).lstrip("'")  # "760 097", Excel's text marker
    if not text:
        return None, None
    if text in DASHES:
        return 0, None
    sign = -1 if text[0] in "-\u2212\u2013" else 1
    if text[0] in "+-\u2212\u2013":
        text = text[1:]
    if sum(ch.isdigit() for ch in text) > 30:
        return None, "angka_terlalu_besar"
    if text.isdigit() and text.isascii():
        return sign * int(text), None
    if _THOUSANDS.fullmatch(text):
        return sign * int(re.sub(r"[.,]", "", text)), None
    match = _THOUSANDS_DECIMAL.fullmatch(text)
    if match and match.group(1) != match.group(2):
        return _whole(text[: match.start(2)], match.group(3), sign)
    match = _DECIMAL.fullmatch(text)
    if match:
        return _whole(text[: match.start(1) - 1], match.group(1), sign)
    if _SCIENTIFIC.fullmatch(text):
        number = float(text.replace(",", "."))
        if not math.isfinite(number):
            return None, "bukan_angka"
        return (sign * int(number), None) if number.is_integer() else (None, "bukan_bilangan_bulat")
    return None, "bukan_angka"


def _whole(integer_part: str, fraction: str, sign: int) -> tuple[int | None, str | None]:
    """'1.234,00' is 1234 people; '12,5' is no number of people."""
    if set(fraction) != {"0"}:
        return None, "bukan_bilangan_bulat"
    return sign * int(re.sub(r"[.,]", "", integer_part)), None


def _parse_percent(value) -> float | None:
    """'92,28%', '92.28', 92.28 or 0.9228 (an Excel percent cell) → the number as written; None if not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _SPACES.sub("", str(value)).rstrip("%")
    if text.count(",") + text.count(".") > 1:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _as_text(value) -> str | None:
    """A code or name as written: text stripped; numbers without a spurious '.0'."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


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

    def __init__(self, sheet: _Sheet, mapping: _Mapping):
        self.grid = sheet.grid
        self.mapping = mapping
        self.header_norms = [[_norm(v) if v is not None else "" for v in sheet.grid[r]] for r in mapping.header.rows]
        self.rows: list[_Row] = []
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.skipped: dict[str, list[int]] = {k: [] for k in
                                              ("blank", "column_numbers", "units", "repeated_header", "section",
                                               "footer")}
        self.totals: list[dict] = []
        self.sections: list[str] = []
        self.block_start = 0  # index in self.rows where the current block begins
        self.section = self._section_from_titles()
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
            elif i > end:
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
        if _is_column_numbers(row):
            self.skipped["column_numbers"].append(baris)
            return
        if self._is_repeated_header(row):
            self.skipped["repeated_header"].append(baris)
            return
        if all(isinstance(v, str) and _norm(v) in UNIT_WORDS for v in row if v is not None):
            self.skipped["units"].append(baris)  # "(jiwa)" "(%)" under the header
            return
        label = self._total_label(row)
        if label is not None:
            self._check_total(baris, label, row)
            return
        cells = {role: [row[c.index] for c in cols] for role, cols in self.mapping.counts.items()}
        has_count = any(v is not None for values in cells.values() for v in values)
        code = _as_text(row[self.mapping.code.index]) if self.mapping.code else None
        texts = ({str(v) for j, v in enumerate(row) if v is not None and j not in self.number_indices}
                 or {str(v) for v in row if v is not None})
        if not has_count and code is None and len(texts) == 1:  # "KECAMATAN SERPONG", perhaps numbered "A"
            self._section_row(baris, texts.pop())
            return
        self._data_row(baris, row, code)

    def _data_row(self, baris: int, row: list, code: str | None) -> None:
        m = self.mapping
        counts: dict[str, int | None] = {}
        row_errors: list[Problem] = []
        for role, cols in m.counts.items():
            parts = []
            for col in cols:
                raw = row[col.index]
                number, error = _parse_count(raw)
                if error:
                    params = {"nilai": number if number is not None else _show(raw)}
                    if error == "angka_terlalu_besar":
                        params["maks"] = MAX_COUNT
                    row_errors.append(Problem(error, baris=baris, kolom=col.text, params=params))
                    number = None
                elif number is None and role in REQUIRED_COUNTS:
                    row_errors.append(Problem("angka_kosong", baris=baris, kolom=col.text, params={}))
                parts.append(number)
            counts[role] = sum(parts) if all(p is not None for p in parts) else None
        name = _as_text(row[m.name.index]) if m.name else None
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
            value = _as_text(row[m.parent.index])
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
            written = _parse_percent(row[m.cakupan.index])
            computed = 100 * sudah / wajib
            if written is not None and min(abs(c - computed) for c in (written, 100 * written)) > 0.5:
                self.warnings.append(Problem("cakupan_tidak_sesuai", baris=baris, kolom=m.cakupan.text,
                                             params={"tertulis": _show(row[m.cakupan.index]),
                                                     "dihitung": round(computed, 2)}, severity="warning"))

    # -- totals
    def _total_label(self, row: list) -> str | None:
        for j in sorted(self.mapping.label_indices):
            value = row[j] if j < len(row) else None
            if isinstance(value, str) and TOTAL_LABEL.match(_norm(value)):
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
            parsed = [_parse_count(row[c.index]) for c in cols]
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
        if PARENT_LABEL.match(_norm(text)):
            self.section = text
            self.sections.append(text)
        else:
            self.section = None
            self.warnings.append(Problem("baris_tanpa_angka", baris=baris, params={"teks": text}, severity="warning"))

    def _section_from_titles(self) -> str | None:
        """A title above the header naming the kecamatan ('KECAMATAN TELUKNAGA'), for one sheet per kecamatan."""
        for r in range(self.mapping.header.rows[0] - 1, -1, -1):
            texts = {str(v) for v in self.grid[r] if v is not None}
            if len(texts) == 1 and PARENT_LABEL.match(_norm(next(iter(texts)))):
                return next(iter(texts))
        return None

    def _is_repeated_header(self, row: list) -> bool:
        if any(_looks_numeric(v) for v in row if v is not None):
            return False
        if [_norm(v) if v is not None else "" for v in row] in self.header_norms:
            return True
        roles = {_role(v)[0] for v in row} - {None, NOMOR, ABAIKAN}
        return len(roles) >= 2 and bool(roles & set(COUNT_ROLES))

    def _last_data_index(self, start: int) -> int:
        """Last row with a number in a count column or a total label; rows after it are a footer
        (place, date, signature). With no number anywhere every row is read, so errors show."""
        count_indices = [c.index for cols in self.mapping.counts.values() for c in cols]
        last = None
        for i in range(start, len(self.grid)):
            row = self.grid[i]
            if any(_count_like(row[j]) for j in count_indices) or self._total_label(row) is not None:
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


def _texts(cols: list[_Column]) -> str:
    return " + ".join(c.text for c in cols)


def _show(value) -> str:
    """A cell as the user typed it, for quoting in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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

"""The one reader of tables in files: every upload kind goes through here first.

For a path, bytes or an upload: the size limit (checked before reading), what the content
really is (sniffed from its bytes, not trusted from its name: a photo named .xlsx is
refused as a photo), CSV decoding (BOM, UTF-16, UTF-8, cp1252) and the delimiter, XLSX
sheets as grids with merged cells filled, and the one rule on personal data (NIK): a sheet
with a personal-data header or a column of NIK-like numbers refuses the whole file before
anything is kept. Everything happens in memory; nothing from a file is written anywhere.

``read_workbook`` gives every sheet as a grid for readers that find their own header
(enrollment); ``read_table`` gives the first sheet as a frame of text under a one-row
header, for the simple files (points, inventory, blank stock, events, targets).
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
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from geo.schema import FileRefused, Problem, ValidationFailed
from geo.text import Word

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
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # guards against zip bombs disguised as .xlsx
MB = 1024 * 1024
SNIFF_ROWS = 60  # rows read to choose a CSV delimiter
MAX_ROWS = 200_000  # rows holding a value in one sheet (a whole country's desa are ~84,000)
MAX_CELLS = 5_000_000  # cells holding a value in a whole file

# Headers that mean personal records: such a file is refused outright.
PERSONAL_HEADERS = frozenset(
    ("NIK", "NO NIK", "NOMOR NIK", "NO KTP", "NOMOR KTP", "NO E KTP", "NO KTP EL", "NOMOR INDUK KEPENDUDUKAN",
     "NAMA LENGKAP", "NAMA PENDUDUK", "NAMA WARGA", "NO KK", "NOMOR KK", "NOMOR KARTU KELUARGA",
     "TANGGAL LAHIR", "TGL LAHIR", "TEMPAT LAHIR", "TEMPAT TANGGAL LAHIR", "NAMA IBU KANDUNG")
)


# --- bytes in, format out ----------------------------------------------------------------
def load_bytes(source, file_name: str | None, max_bytes: int | None) -> tuple[bytes, str]:
    """The file's bytes and name; size checked before anything is read."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        check_size(len(data), max_bytes)
        return data, file_name or "unggahan"
    if hasattr(source, "getvalue"):  # an upload object (e.g. Streamlit's UploadedFile)
        name = file_name or getattr(source, "name", None) or "unggahan"
        size = getattr(source, "size", None)
        if size is not None:
            check_size(int(size), max_bytes)
        data = bytes(source.getvalue())
        check_size(len(data), max_bytes)
        return data, name
    path = Path(source)
    name = file_name or path.name
    try:
        check_size(os.stat(path).st_size, max_bytes)
        return path.read_bytes(), name
    except OSError as exc:
        raise FileRefused("berkas_tidak_bisa_dibuka", file_name=name, detail=exc.strerror or str(exc)) from None


def check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(size / MB, 1), maks_mb=round(max_bytes / MB, 1))


def sniff(data: bytes) -> str:
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


def format_of(name: str, data: bytes) -> str:
    """'csv' or 'xlsx' for a file whose content agrees with its name; refuses otherwise."""
    ext = Path(name).suffix.lower()
    declared = FORMAT_BY_EXTENSION.get(ext)
    if declared is None:
        raise FileRefused("format_tidak_dikenal", file_name=name, ext=ext)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe;,|\"'"):
        raise FileRefused("berkas_kosong", file_name=name, lembar="-")
    kind = sniff(data)
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
class Sheet:
    """A sheet as a rectangular grid of cell values (None for empty); row i is Excel row i+1.

    ``widths``: for a CSV, how many fields each row had as written (the grid pads rows to one
    width; a reader that knows its header compares each row's fields with the header's)."""

    name: str
    grid: list[list]
    hidden: bool = False
    widths: list[int] | None = None
    delimiter: str | None = None


# Characters that are no text: C0/C1 controls (a NUL, a form feed pasted from a terminal) and
# the invisible direction overrides that can make a name read as another on screen.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(value: str) -> str:
    """Text from a file as data: control characters and direction overrides removed, tabs and line
    breaks made spaces, runs of spaces kept as written, ends stripped."""
    return _INVISIBLE.sub("", value).replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ").strip()


def clean_cell(value):
    if isinstance(value, str):
        return clean_text(value) or None
    return value


def _filled_width(row: list) -> int:
    return next((k + 1 for k in range(len(row) - 1, -1, -1) if row[k] is not None), 0)


def rectangular(rows: list[list]) -> list[list]:
    """Rows padded to one width, trailing empty rows and columns dropped."""
    while rows and not _filled_width(rows[-1]):
        rows.pop()
    width = max((_filled_width(r) for r in rows), default=0)
    return [list(r[:width]) + [None] * (width - len(r)) for r in rows]


def decode(data: bytes) -> tuple[str, str]:
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


def _parse_csv(text: str, delimiter: str, name: str) -> tuple[list[list], list[int]]:
    """Rows of cells and each row's number of fields as written.

    A quote that opens a cell and closes lines later swallows the rows between into one cell
    (and the figures of one desa land on another): a cell holding a line break and the
    delimiter is refused ('csv_kutip') with the lines it spans, never read silently."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, widths, line = [], [], 0
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if any(("\n" in v or "\r" in v) and delimiter in v for v in row):
                raise FileRefused("csv_kutip", file_name=name, baris=start, sampai=line)
            rows.append([clean_cell(v) for v in row])
            widths.append(len(row))
    except csv.Error as exc:
        raise FileRefused("csv_rusak", file_name=name, baris=reader.line_num, detail=str(exc)) from None
    return rows, widths


def csv_sheets(data: bytes, name: str, header_score=None) -> tuple[list[Sheet], str, str]:
    """The CSV as one sheet, with the encoding and the delimiter chosen.

    The delimiter is the one under which ``header_score(grid)`` (a reader's own judgement of
    its header, if it has one) is best, then the one giving the most rows of the same width
    (title rows and ``92,28`` decimals make plain sniffing unreliable).
    """
    text, encoding = decode(data)
    sample = "\n".join(text.splitlines()[:SNIFF_ROWS])
    header_score = header_score or (lambda grid: (0, 0))

    def score(delimiter: str):
        try:
            rows = [[clean_cell(v) for v in r] for r in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        except csv.Error:
            return ((-1, -1), -1, -1)
        widths = [len(r) for r in rows if len(r) > 1]
        modal = max(set(widths), key=widths.count) if widths else 0
        return (header_score(rectangular(rows)), widths.count(modal) if modal else 0, modal)

    delimiter = max(CSV_DELIMITERS, key=score)  # max keeps the first of equals
    rows, widths = _parse_csv(text, delimiter, name)
    grid = rectangular(rows)
    return [Sheet("CSV", grid, widths=widths[:len(grid)], delimiter=delimiter)], encoding, delimiter


def check_xlsx_container(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileRefused("xlsx_rusak", file_name=name, detail=short_text(exc)) from None
    names = [i.filename for i in infos]
    kind = next((k for marker, k in ZIP_MARKERS if any(n.startswith(marker) for n in names)), "zip")
    if kind != "xlsx":
        raise _refuse_kind(name, Path(name).suffix.lower(), kind)
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(unzipped / MB, 1),
                          maks_mb=round(MAX_UNZIPPED_BYTES / MB, 1))


_ROW_OR_VALUE = re.compile(rb"<row[ >]|<v>|<v |<is>")


def _check_xlsx_volume(data: bytes, name: str) -> None:
    """Count the rows and cells that hold a value by streaming each sheet's XML, and refuse a file
    over MAX_ROWS / MAX_CELLS before any spreadsheet library builds it in memory (a sheet of a
    million rows takes minutes and gigabytes to load; this takes a second)."""
    cells = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            rows, row_has_value, carry = 0, False, b""
            with zf.open(info) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    buf = carry + chunk
                    cut = (buf.rfind(b"<") if b"<" in buf else len(buf)) if chunk else len(buf)
                    carry = buf[cut:] if chunk else b""  # every pattern starts with "<": none is cut in two
                    for m in _ROW_OR_VALUE.finditer(buf, 0, cut):
                        if m.group().startswith(b"<row"):
                            rows += row_has_value
                            row_has_value = False
                        else:
                            cells += 1
                            row_has_value = True
                    if rows > MAX_ROWS or cells > MAX_CELLS:
                        raise FileRefused("berkas_terlalu_banyak_baris", file_name=name, maks_baris=MAX_ROWS,
                                          maks_sel=MAX_CELLS)
                    if not chunk:
                        break


def xlsx_sheets(data: bytes, name: str) -> list[Sheet]:
    """Every worksheet as a grid, merged ranges filled with their top-left value.

    Filling merged cells makes a vertically merged KECAMATAN cell name each of its desa
    rows and a ``JUMLAH`` merged over NO..DESA label the row in every column.
    """
    check_xlsx_container(data, name)
    try:
        _check_xlsx_volume(data, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error) as exc:
        raise FileRefused("xlsx_rusak", file_name=name, detail=short_text(exc)) from None
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
            cells = {k: clean_cell(c.value) for k, c in getattr(ws, "_cells", {}).items()}
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
            sheets.append(Sheet(sheet_name, rectangular(grid), hidden))
        wb.close()
    except FileRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds (KeyError, zlib.error, ParseError…) on damage
        raise FileRefused("xlsx_rusak", file_name=name, detail=short_text(exc)) from None
    return sheets


def short_text(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"


# --- privacy ----------------------------------------------------------------------------
_NIK_TEXT = re.compile(r"'?\d{16}", re.ASCII)
_SCIENTIFIC_15 = re.compile(r"\d[.,]\d+E\+?15", re.IGNORECASE | re.ASCII)


def nik_like(value) -> bool:
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


def refuse_personal_data(sheet: Sheet) -> None:
    """FileRefused('berisi_nik') for a personal-data header or a column mostly of NIK-like values.

    "Mostly" is counted from the first NIK-like cell down, so title rows above do not hide it.
    """
    grid = sheet.grid
    width = len(grid[0]) if grid else 0
    for j in range(width):
        column = [row[j] for row in grid]
        flags = [nik_like(v) for v in column]
        n_nik = sum(flags)
        header = next((v for v in column if isinstance(v, str) and _personal_header(v)), None)
        if header is None and n_nik:
            first = flags.index(True)
            filled = [v for v in column[first:] if v is not None]
            if 2 * n_nik < len(filled):
                continue
            header = next((v for v in reversed(column[:first]) if isinstance(v, str)), letter(j))
        if header is not None:
            raise FileRefused("berisi_nik", kolom=str(header), huruf=letter(j), lembar=sheet.name, n_nik=n_nik)


def letter(j: int) -> str:
    """Excel's column letter of grid column ``j``; a number past XFD, where letters end."""
    return get_column_letter(j + 1) if j < 16384 else str(j + 1)


def _personal_header(text: str) -> bool:
    key = norm(text)
    return key in PERSONAL_HEADERS or key.startswith("NIK ")


def norm(value) -> str:
    """Case-, space- and punctuation-insensitive key: 'Desa/Kel.' → 'DESA KEL', '%' → 'PERSEN'."""
    text = unicodedata.normalize("NFKC", str(value)).upper().replace("%", " PERSEN ")
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())


def list_sheets(source, file_name: str | None = None) -> list[str]:
    """Sheet names of an XLSX file, in workbook order; ``[]`` for a CSV.

    Raises FileRefused like ``read_enrollment`` for files that are not what they claim.
    """
    data, name = load_bytes(source, file_name, None)
    if format_of(name, data) == "csv":
        return []
    check_xlsx_container(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
            names = list(wb.sheetnames)
            wb.close()
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise FileRefused("xlsx_rusak", file_name=name, detail=short_text(exc)) from None
    return names




# --- whole files --------------------------------------------------------------------------------
@dataclass
class Workbook:
    """A file read as sheets of cell grids; ``format`` is 'csv' or 'xlsx'."""

    file_name: str
    format: str
    sheets: list[Sheet]
    encoding: str | None = None
    delimiter: str | None = None
    data: bytes = field(default=b"", repr=False)


def read_workbook(source, *, file_name: str | None = None, max_bytes: int | None = None,
                  header_score=None) -> Workbook:
    """Every sheet of a CSV or XLSX as a grid, after the size limit, the content check and the
    NIK rule (on every sheet, visible or hidden: nothing is kept from a file carrying NIKs).

    ``source``: a path, bytes or an upload object (``file_name`` gives the type of bytes).
    Raises FileRefused: 'berkas_terlalu_besar' (before reading), 'berkas_tidak_bisa_dibuka',
    'format_tidak_dikenal', 'bukan_format', 'xls_tidak_didukung', 'xlsx_rusak', 'csv_rusak',
    'berkas_kosong', 'berisi_nik'.
    """
    data, name = load_bytes(source, file_name, max_bytes)
    kind = format_of(name, data)
    if kind == "csv":
        sheets, encoding, delimiter = csv_sheets(data, name, header_score)
        book = Workbook(name, kind, sheets, encoding, delimiter, data)
    else:
        book = Workbook(name, kind, xlsx_sheets(data, name), data=data)
    for sheet in book.sheets:
        refuse_personal_data(sheet)
    return book


def header_key(text) -> str:
    """A header as a column name: ``Lokasi ID`` → ``lokasi_id``, ``tanggal-mulai`` → ``tanggal_mulai``."""
    return re.sub(r"[\s-]+", "_", str(text).strip().lower())


def read_table(source, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """The first non-empty sheet as text under its first row (the header).

    Columns are named by ``header_key``; every cell is stripped text (``""`` when empty;
    whole numbers without a spurious ``.0``); ``_baris`` holds each row's number as the user
    sees it in the file. Blank rows are dropped. Raises FileRefused as ``read_workbook``,
    and 'berkas_kosong' when no row stands under the header.
    """
    book = read_workbook(source, file_name=file_name, max_bytes=max_bytes)
    sheet = next((s for s in book.sheets if s.grid), None)
    rows = [(i + 1, row) for i, row in enumerate(sheet.grid) if any(v is not None for v in row)] if sheet else []
    if len(rows) < 2:
        raise FileRefused("berkas_kosong", file_name=book.file_name, lembar=sheet.name if sheet else "-")
    (_, header), body = rows[0], rows[1:]
    columns = [header_key(v) if v is not None else f"kolom_{letter(j)}" for j, v in enumerate(header)]
    _check_shape(sheet, rows, columns)
    frame = pd.DataFrame([[cell_text(v) for v in row] for _, row in body], columns=columns, dtype=object)
    frame["_baris"] = [baris for baris, _ in body]
    return frame


def _check_shape(sheet: Sheet, rows: list[tuple[int, list]], columns: list[str]) -> None:
    """ValidationFailed for a header naming one column twice ('kolom_ganda') and, in a CSV, for
    rows with more or fewer fields than the header ('jumlah_kolom_beda'): their cells would be
    read under the wrong column."""
    problems = []
    header_row = rows[0][0]
    for key in dict.fromkeys(c for c in columns if columns.count(c) > 1):
        where = [j for j, c in enumerate(columns) if c == key]
        problems.append(Problem("kolom_ganda", baris=header_row, kolom=key, params={
            "kolom": key, "jumlah": len(where), "huruf": ", ".join(letter(j) for j in where)}))
    if sheet.widths is not None:
        expected = sheet.widths[header_row - 1]
        for baris, row in rows[1:]:
            found = sheet.widths[baris - 1]
            if found != expected and not (found > expected and all(v is None for v in row[expected:])):
                problems.append(Problem("jumlah_kolom_beda", baris=baris, params={
                    "ada": found, "judul": expected, "baris_judul": header_row, "pemisah": sheet.delimiter}))
    if problems:
        raise ValidationFailed(problems)


def cell_text(value) -> str:
    """A cell as text: ``""`` when empty, ``12`` for the float 12.0 that spreadsheets store."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

"""Sheets as grids of cells: CSV decoded and split (the delimiter chosen by what reads best),
XLSX sheets with merged ranges filled, text cleaned of control characters; a sheet of too many
rows refused by streaming its XML before any library builds it in memory."""
from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np

from geo.fmt import Count, Measure
from geo.io.cells import Cells
from geo.io.files import MB, ZIP_MARKERS, refuse_kind, short_text
from geo.schema import FileRefused

CSV_DELIMITERS = (";", ",", "\t", "|")  # tie order: Indonesian Excel writes ';'
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # guards against zip bombs disguised as .xlsx
SNIFF_ROWS = 60  # rows read to choose a CSV delimiter
MAX_ROWS = 200_000  # rows holding a value in one sheet (a whole country's desa are ~84,000)
MAX_CELLS = 5_000_000  # cells holding a value in a whole file

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
    _columns: list | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def is_csv(self) -> bool:
        """A CSV's one sheet: a message names no sheet for it (its name is only a placeholder)."""
        return self.delimiter is not None

    def columns(self) -> list[Cells]:
        """The grid's columns as ``Cells``, made once: the NIK rule and the row reader both read
        every column of a national file, and share the views each builds."""
        if self._columns is None:  # one column at a time: zip(*grid) would hold an iterator per row
            width = len(self.grid[0]) if self.grid else 0
            self._columns = [Cells(list(map(itemgetter(j), self.grid))) for j in range(width)]
        return self._columns


# Characters that are no text: C0/C1 controls (a NUL, a form feed pasted from a terminal) and
# the invisible direction overrides that can make a name read as another on screen.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def invisible_removed(value: str) -> str:
    """``value`` without control characters (tabs and line breaks kept) and direction overrides."""
    return _INVISIBLE.sub("", value)


def clean_text(value: str) -> str:
    """Text from a file as data: control characters and direction overrides removed, tabs and line
    breaks made spaces, runs of spaces kept as written, ends stripped."""
    return _INVISIBLE.sub("", value).replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ").strip()


# What ``clean_text`` would change: an invisible character, a tab or line break, space at an end.
_UNCLEAN = re.compile(_INVISIBLE.pattern[:-1] + "\t\n\r]|^\\s|\\s$")


# A superset of what ``_UNCLEAN`` finds, in RE2 for a whole column: a character that is not
# printable ASCII (every invisible one, tab, line break and Unicode space is such), or a space at
# an end.
_MAYBE_UNCLEAN = r"[^\x20-\x7e]|^ | $"


def clean_texts(values: list) -> list:
    """``clean_text`` of every text of ``values`` (other values as they are), for a whole column:
    only the texts that need it are cleaned (most need nothing), found for the column at once."""
    out = list(values)
    for i in np.flatnonzero(Cells(out).found(_MAYBE_UNCLEAN)).tolist():
        if _UNCLEAN.search(out[i]):
            out[i] = clean_text(out[i])
    return out


def clean_cell(value):
    if isinstance(value, str):
        return clean_text(value) or None
    return value


def _filled_width(row: list) -> int:
    return next((k + 1 for k in range(len(row) - 1, -1, -1) if row[k] is not None), 0)


def rectangular(rows: list[list]) -> list[list]:
    """Rows padded to one width, trailing empty rows and columns dropped (a row already of that
    width is kept as it is)."""
    while rows and not _filled_width(rows[-1]):
        rows.pop()
    width = max(map(len, rows), default=0)
    while width and all(len(r) < width or r[width - 1] is None for r in rows):  # an empty last column
        width -= 1
    return [r if len(r) == width else list(r[:width]) + [None] * (width - len(r)) for r in rows]


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


_OTHER_SPACE = re.compile(r"[^\S \t\r\n]")  # white space that str.strip removes, beyond these


def _padded_rows(text: str, delimiter: str) -> set[int] | None:
    """In CSV text without quotes nor control characters (a row a line), the rows holding a cell
    that starts or ends with a space (after a delimiter or a line's start, or before a delimiter or
    a line's end), each space found by the string's own search; None for other text (white space
    beyond the space bar such as a no-break space, a lone carriage return: every cell is then
    stripped)."""
    if _OTHER_SPACE.search(text) or "\r" in text and text.count("\r") != text.count("\r\n"):
        return None
    found = {0} if text.startswith(" ") else set()
    for needle in (delimiter + " ", " " + delimiter, "\n ", " \n", " \r\n"):
        at = text.find(needle)
        while at != -1:
            found.add(at + needle.index(" "))
            at = text.find(needle, at + 1)
    if text.endswith(" "):
        found.add(len(text) - 1)
    rows, line, seen = set(), 0, 0
    for at in sorted(found):
        line += text.count("\n", seen, at)
        seen = at
        rows.add(line)
    return rows


def _parse_csv(text: str, delimiter: str, name: str) -> tuple[list[list], list[int]]:
    """Rows of cells and each row's number of fields as written.

    A quote that opens a cell and closes lines later swallows the rows between into one cell
    (and the figures of one desa land on another): a cell holding a line break and the
    delimiter is refused ('csv_kutip') with the lines it spans, never read silently."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, widths = [], []
    # Only a quoted cell can hold a line break, and a tab only when tabs are not the delimiter;
    # a file with none of those nor an invisible character needs its cells stripped only.
    plain = '"' not in text and (delimiter == "\t" or "\t" not in text) and not _INVISIBLE.search(text)
    try:
        if plain:
            rows = list(reader)
            padded = _padded_rows(text, delimiter)
            widths = list(map(len, rows))
            if padded is None:
                return [[v.strip() or None for v in row] for row in rows], widths
            for i in padded:
                rows[i] = [v.strip() for v in rows[i]]
            return [row if "" not in row else [v or None for v in row] for row in rows], widths
        line = 0
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
        raise refuse_kind(name, Path(name).suffix.lower(), kind)
    unzipped = sum(i.file_size for i in infos)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=Measure(round(unzipped / MB, 1)),
                          maks_mb=Measure(round(MAX_UNZIPPED_BYTES / MB, 1)))


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
                        raise FileRefused("berkas_terlalu_banyak_baris", file_name=name, maks_baris=Count(MAX_ROWS),
                                          maks_sel=Count(MAX_CELLS))
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
    import openpyxl  # here, not at the top: a CSV import never pays for loading the XLSX library

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


def letter(j: int) -> str:
    """Excel's column letter of grid column ``j`` (0 → A, 26 → AA); a number past XFD, where letters end."""
    if j >= 16384:
        return str(j + 1)
    out, n = "", j + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def norm(value) -> str:
    """Case-, space- and punctuation-insensitive key: 'Desa/Kel.' → 'DESA KEL', '%' → 'PERSEN'."""
    text = unicodedata.normalize("NFKC", str(value)).upper().replace("%", " PERSEN ")
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", text).split())



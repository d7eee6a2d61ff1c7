"""The one rule on personal data: a sheet with a personal-data header (NIK, nama lengkap, tanggal
lahir…) or a column of NIK-like numbers refuses the whole file, before anything is kept. The
product handles aggregates only."""
from __future__ import annotations

import math
import re

from geo.io.grids import Sheet, letter, norm
from geo.schema import FileRefused

# Headers that mean personal records: such a file is refused outright.
PERSONAL_HEADERS = frozenset(
    ("NIK", "NO NIK", "NOMOR NIK", "NO KTP", "NOMOR KTP", "NO E KTP", "NO KTP EL", "NOMOR INDUK KEPENDUDUKAN",
     "NAMA LENGKAP", "NAMA PENDUDUK", "NAMA WARGA", "NO KK", "NOMOR KK", "NOMOR KARTU KELUARGA",
     "TANGGAL LAHIR", "TGL LAHIR", "TEMPAT LAHIR", "TEMPAT TANGGAL LAHIR", "NAMA IBU KANDUNG")
)



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


def _personal_header(text: str) -> bool:
    key = norm(text)
    return key in PERSONAL_HEADERS or key.startswith("NIK ")

"""The one rule on personal data: a sheet with a personal-data header (NIK, nama lengkap, tanggal
lahir…) or a column of NIK-like numbers refuses the whole file, before anything is kept. The
product handles aggregates only."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from geo.io.cells import Cells
from geo.io.grids import Sheet, letter, norm
from geo.fmt import Count
from geo.schema import FileRefused

# Headers that mean personal records: such a file is refused outright.
PERSONAL_HEADERS = frozenset(
    ("NIK", "NO NIK", "NOMOR NIK", "NO KTP", "NOMOR KTP", "NO E KTP", "NO KTP EL", "NOMOR INDUK KEPENDUDUKAN",
     "NAMA LENGKAP", "NAMA PENDUDUK", "NAMA WARGA", "NO KK", "NOMOR KK", "NOMOR KARTU KELUARGA",
     "TANGGAL LAHIR", "TGL LAHIR", "TEMPAT LAHIR", "TEMPAT TANGGAL LAHIR", "NAMA IBU KANDUNG")
)
# Every personal header holds one of these words once normalised, so in an ASCII cell without
# any of them there is no personal header to look for (RE2, for whole columns).
_HEADER_WORDS = r"(?i)NIK|KTP|NAMA|KK|KELUARGA|LAHIR|KEPENDUDUKAN|[^\x00-\x7f]"
# A NIK-like text holds 16 digits, or a digit and then an E (3.67401E+15) (RE2, for whole columns).
_NIK_CANDIDATE = r"[0-9](?:[^0-9]*[0-9]){15}|(?s)[0-9].*[eE]"

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


def nik_flags(values: Sequence) -> np.ndarray:
    """``nik_like`` of every cell of a column at once (a boolean array, equal cell for cell).

    Text cells without 16 digits or an E, empty cells and numbers far from 16 digits are
    decided for the column at once; the others by ``nik_like`` itself."""
    return _nik_flags(Cells(values))


def _nik_flags(column: Cells) -> np.ndarray:
    cells = column.objects
    candidate = column.found(_NIK_CANDIDATE)
    others = ~column.text & ~column.none
    ints, floats = column.of_type(int, others), column.of_type(float, others)
    if floats.any():
        size = np.abs(cells[floats].astype(np.float64))
        candidate[floats] = (size >= 1e14) & (size < 1e17)  # wide of the line: the rule decides near it
    if ints.any():
        size = np.abs(cells[ints])
        candidate[ints] = ((size >= 10**15) & (size < 10**16)).astype(bool)
    candidate |= others & ~(ints | floats)  # anything else: the rule decides
    flags = np.zeros(len(cells), dtype=bool)
    for i in np.flatnonzero(candidate):
        flags[i] = nik_like(cells[i])
    return flags


def refuse_personal_data(sheet: Sheet) -> None:
    """FileRefused('berisi_nik') for a personal-data header or a column mostly of NIK-like values.

    "Mostly" is counted from the first NIK-like cell down, so title rows above do not hide it.
    Columns are checked whole (``nik_flags``, header words found first), not cell by cell.
    """
    for j, cells in enumerate(sheet.columns()):
        column = cells.values
        flags = _nik_flags(cells)
        n_nik = int(flags.sum())
        header = next((column[i] for i in np.flatnonzero(cells.found(_HEADER_WORDS))
                       if _personal_header(column[i])), None)
        if header is None and n_nik:
            first = int(np.argmax(flags))
            filled = [v for v in column[first:] if v is not None]
            if 2 * n_nik < len(filled):
                continue
            header = next((v for v in reversed(column[:first]) if isinstance(v, str)), letter(j))
        if header is not None:
            raise FileRefused("berisi_nik" if sheet.is_csv else "berisi_nik_lembar", kolom=str(header),
                              huruf=letter(j), lembar=sheet.name, n_nik=Count(n_nik))


def _personal_header(text: str) -> bool:
    key = norm(text)
    return key in PERSONAL_HEADERS or key.startswith("NIK ")

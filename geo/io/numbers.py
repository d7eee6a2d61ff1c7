"""Numbers as Indonesian offices write them: ``760.097``, ``1.234,00``, ``92,28%``, ``-`` for nil.

Counts of people are whole and not negative; a value that is no count comes back with the
key of the problem (``bukan_angka``, ``bukan_bilangan_bulat``, ``angka_negatif``,
``angka_terlalu_besar``) so a reader can name the row and column.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from geo.io.cells import Cells, as_numpy, cells_of

DASHES = {"-", "--", "\u2013", "\u2014", "\u2212"}  # "nihil": zero, as in BPS tables
MAX_COUNT = 10**9  # more people than Indonesia has (≈280 million): a code, a NIK or a typo



# --- numbers ----------------------------------------------------------------------------------
_THOUSANDS = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*", re.ASCII)  # 760.097, 1,234,567
_THOUSANDS_DECIMAL = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*([.,])(\d+)", re.ASCII)  # 1.234,50
_DECIMAL = re.compile(r"\d+[.,](\d+)", re.ASCII)  # 12,5 — 1.5 — 1234.00
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+-]?\d+", re.ASCII)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")


def parse_count(value) -> tuple[int | None, str | None]:
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


def parse_percent(value) -> float | None:
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


def parse_decimal(value) -> float | None:
    """A decimal number as written, with a decimal comma or point: ``-9,35123``, ``121.1``, 121.1 → the
    number; None for empty text or anything else (two separators, letters, not finite)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _SPACES.sub("", str(value)).replace("\u2212", "-")
    if text.count(",") + text.count(".") > 1:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# --- whole columns ----------------------------------------------------------------------------
# Text that is a count with nothing to fix: up to 999.999.999, plain or with one kind of
# thousands separator. Every other cell goes through the one-cell rule.
_PLAIN_COUNT = r"^(?:[0-9]{1,9}|[0-9]{1,3}(?:\.[0-9]{3}){1,2}|[0-9]{1,3}(?:,[0-9]{3}){1,2})$"
_PLAIN_PERCENT = r"^[0-9]{1,3}(?:[.,][0-9]{1,6})?%?$"


def parse_counts(values: Sequence | Cells) -> tuple[np.ndarray, np.ndarray]:
    """``parse_count`` of every cell of a column at once: (counts, error keys), object arrays
    equal cell for cell to ``[parse_count(v) for v in values]`` (Python ints and None).

    Plain texts (``760.097``, ``1,234``, ``12``), dashes, empty cells and whole numbers in range
    are decided for the column at once; any other cell by ``parse_count`` itself.
    """
    column = cells_of(values)
    cells = column.objects
    counts = np.full(len(cells), None, dtype=object)
    errors = np.full(len(cells), None, dtype=object)
    plain = column.found(_PLAIN_COUNT)
    if plain.any():
        digits = pc.replace_substring_regex(column.texts.filter(pa.array(plain)), r"[.,]", "")
        counts[plain] = pc.cast(digits, pa.int64()).to_numpy().astype(object)
    dash = as_numpy(pc.is_in(column.texts, pa.array(sorted(DASHES), type=pa.large_string())))
    counts[dash] = 0
    decided = plain | dash | column.none
    for kind, in_range in ((int, _whole_ints), (float, _whole_floats)):
        of_kind = column.of_type(kind, ~decided)
        if of_kind.any():
            good, numbers = in_range(cells[of_kind])
            where = np.flatnonzero(of_kind)[good]
            counts[where] = numbers
            decided[where] = True
    for i in np.flatnonzero(~decided):
        counts[i], errors[i] = parse_count(cells[i])
    return counts, errors


def _whole_ints(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    good = (cells >= 0) & (cells <= MAX_COUNT)
    return good.astype(bool), cells[good.astype(bool)]


def _whole_floats(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    numbers = cells.astype(np.float64)
    good = np.isfinite(numbers) & (numbers == np.floor(numbers)) & (numbers >= 0) & (numbers <= MAX_COUNT)
    return good, numbers[good].astype(np.int64).astype(object)


def parse_percents(values: Sequence | Cells) -> np.ndarray:
    """``parse_percent`` of every cell of a column at once: an object array equal cell for cell
    to ``[parse_percent(v) for v in values]`` (floats and None)."""
    column = cells_of(values)
    cells = column.objects
    out = np.full(len(cells), None, dtype=object)
    plain = column.found(_PLAIN_PERCENT)
    if plain.any():
        numbers = pc.replace_substring(pc.replace_substring(column.texts.filter(pa.array(plain)), "%", ""), ",", ".")
        out[plain] = pc.cast(numbers, pa.float64()).to_numpy().astype(object)  # correctly rounded, as float()
    decided = plain | column.none
    for i in np.flatnonzero(~decided):
        out[i] = parse_percent(cells[i])
    return out


def as_text(value) -> str | None:
    """A code or name as written: text stripped; numbers without a spurious '.0'."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


# Text that ``as_text`` keeps as it is: printable ASCII at both ends, nothing to strip.
_TIDY_TEXT = r"(?s)^[\x21-\x7e](?:.*[\x21-\x7e])?$"


def as_texts(values: Sequence | Cells) -> np.ndarray:
    """``as_text`` of every cell of a column at once (an object array, equal cell for cell)."""
    column = cells_of(values)
    cells = column.objects
    out = np.full(len(cells), None, dtype=object)
    tidy = column.found(_TIDY_TEXT)
    out[tidy] = cells[tidy]
    rest = np.flatnonzero(~tidy & ~column.none)
    out[rest] = [as_text(v) for v in cells[rest]]
    return out


def show(value) -> str:
    """A cell as the user typed it, for quoting in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

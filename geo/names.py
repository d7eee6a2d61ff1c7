"""Area codes and names as offices write them, brought to one comparable form.

Codes: Kemendagri codes arrive dotted (``36.74.01.1001``), undotted
(``3674011001``), as numbers (``3674011001.0``) or with Excel's text apostrophe;
``normalize_code`` returns the dotted form or None. BPS codes are a *different*
numbering (kecamatan ``3674010``, desa ``3674010001``), recognised by
``code_shape`` so that the join can refuse them rather than misread them.

Names: ``KEC. SERPONG UTARA``, ``Kel. Pd. Benda``, ``Ciputattimur``;
``normalize_name`` uppercases, drops the level's prefixes, expands common
abbreviations and removes punctuation; ``compact_name`` also drops spaces.
"""
from __future__ import annotations

import math
import numbers
import re
import unicodedata
from functools import lru_cache

from geo.schema import SEGMENT_DIGITS, Level

# --- codes ------------------------------------------------------------------

_QUOTES = "'\"`‘’“”"
# Undotted Kemendagri codes: digits per level, split into segments.
_UNDOTTED_SPLITS = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
_BPS_KECAMATAN_DIGITS = 7
_BPS_DESA_DIGITS = 10
# A Kemendagri desa segment starts with 1 (kelurahan), 2 (desa) or 3 (desa adat: Kepmendagri 2025
# numbers 14 of them in Papua, e.g. 91.03.01.3007 Desa Adat Yoboi). BPS desa codes have 0 there.
_DESA_SEGMENT_FIRST = ("1", "2", "3")
_AMBIGUOUS_DIGITS = (4, 10)  # undotted lengths both numberings use
_FLOAT_ARTIFACT = re.compile(r"^(\d+)\.0$")  # "3674011001.0": a number read as float


def _code_text(value) -> str | None:
    """The code as clean text: quotes, Excel's apostrophe and spaces removed.

    Numbers are turned into the text they were most likely typed as: integers
    and integral floats as digits; a float with a fraction as ``PP.KK`` with
    the trailing zero a float loses put back (36.7 → ``36.70``), or None when
    the fraction is longer than one segment (``36.7401`` could be 36.74.01 or
    not: ambiguous).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return str(int(value)) if value >= 0 else None
    if isinstance(value, numbers.Real):
        return _float_code_text(float(value))
    text = str(value).strip().strip(_QUOTES).strip()
    artifact = _FLOAT_ARTIFACT.match(text)
    if artifact:
        text = artifact.group(1)
    text = re.sub(r"\s*\.\s*", ".", text)  # "36. 74" → "36.74"
    return text or None


def _float_code_text(value: float) -> str | None:
    if math.isnan(value) or math.isinf(value) or value < 0:
        return None
    if value.is_integer():
        return str(int(value))
    whole, fraction = repr(value).split(".")
    if "e" in fraction or len(whole) != SEGMENT_DIGITS[0] or len(fraction) > SEGMENT_DIGITS[1]:
        return None
    return f"{whole}.{fraction.ljust(SEGMENT_DIGITS[1], '0')}"


def _segments(text: str) -> list[str] | None:
    """Split clean code text into Kemendagri segments (not yet padded), or None."""
    if "." in text:
        parts = text.split(".")
        return parts if len(parts) <= len(SEGMENT_DIGITS) and all(p.isdigit() for p in parts) else None
    if not text.isdigit() or len(text) not in _UNDOTTED_SPLITS:
        return None
    parts, start = [], 0
    for width in _UNDOTTED_SPLITS[len(text)]:
        parts.append(text[start:start + width])
        start += width
    return parts


def _valid_segments(parts: list[str]) -> list[str] | None:
    """Pad each segment to its width; None when a segment is too long, zero or misplaced."""
    padded = []
    for part, width in zip(parts, SEGMENT_DIGITS):
        if len(part) > width or int(part) == 0:
            return None
        padded.append(part.zfill(width))
    if padded[0].startswith("0"):
        return None  # provinsi codes run 11–96
    if len(padded) == len(SEGMENT_DIGITS) and padded[-1][0] not in _DESA_SEGMENT_FIRST:
        return None
    return padded


def normalize_code(value) -> str | None:
    """A Kemendagri code however written → dotted (``36.74.01.1001``); None if not a code.

    Accepts dotted text (single-digit segments padded: ``36.74.1.1001``), undotted
    2/4/6/10 digits, integers and floats (``3674011001.0``; float ``36.7`` → ``36.70``),
    surrounding spaces, quotes and Excel's leading apostrophe. Returns None for
    anything else, including BPS-shaped codes (7 digits; a 10-digit code whose desa
    part does not start with 1, 2 or 3) and floats like ``36.7401`` (ambiguous).
    """
    text = _code_text(value)
    if text is None:
        return None
    parts = _segments(text)
    if parts is None:
        return None
    padded = _valid_segments(parts)
    return ".".join(padded) if padded else None


def code_shape(value) -> str:
    """``'kemendagri'``, ``'bps'`` or ``'unknown'``: which numbering a code looks like.

    BPS: 7 digits (kecamatan ``3674010``) or 10 digits whose 7th digit is 0
    (desa ``3674010001``; a Kemendagri desa segment starts with 1, 2 or 3). Undotted
    4-digit codes are reported as 'kemendagri' although BPS writes kabupaten the
    same way (BPS 1903 is Bangka Barat, Kemendagri 19.03 Bangka Selatan), and so
    are 10-digit codes with a 7th digit of 1, 2 or 3: see ``is_ambiguous_code``.
    """
    text = _code_text(value)
    if text is None:
        return "unknown"
    if text.isdigit() and (
        len(text) == _BPS_KECAMATAN_DIGITS
        or (len(text) == _BPS_DESA_DIGITS and text[6] not in _DESA_SEGMENT_FIRST)
    ):
        return "bps"
    return "kemendagri" if normalize_code(value) else "unknown"


def is_ambiguous_code(value) -> bool:
    """True for undotted 4- and 10-digit codes, which BPS writes the same way.

    BPS kabupaten are 4 digits (BPS 1903 = Bangka Barat, Kemendagri 19.03 = Bangka
    Selatan), and BPS desa under a kecamatan numbered ``…1``–``…3`` have a 7th
    digit of 1, 2 or 3 like a Kemendagri desa (BPS 3603121005 reads as Kemendagri
    36.03.12.1005, another desa). Such a code is trusted only when the row's name
    agrees with the area's. Dotted codes are Kemendagri: BPS never writes dots.
    """
    text = _code_text(value)
    return bool(text) and text.isdigit() and len(text) in _AMBIGUOUS_DIGITS


# --- names ------------------------------------------------------------------

# Prefixes dropped from the start of a name, by the level the name is at. KOTA is
# dropped only for kabupaten/kota: desa and kecamatan may be called "Kota Baru".
_PREFIXES: dict[Level | None, tuple[tuple[str, ...], ...]] = {
    Level.PROVINSI: (("PROVINSI",), ("PROV",)),
    Level.KABUPATEN: (
        ("KABUPATEN", "ADMINISTRASI"), ("KAB", "ADM"), ("KABUPATEN",), ("KAB",),
        ("KOTA", "ADMINISTRASI"), ("KOTA", "ADM"), ("KOTAMADYA",), ("KOTA",),
    ),
    Level.KECAMATAN: (("KECAMATAN",), ("KEC",)),
    Level.DESA: (("KELURAHAN",), ("KEL",), ("DESA",), ("DS",)),
}
_PREFIXES[None] = tuple(
    p for lvl in (Level.PROVINSI, Level.KECAMATAN, Level.DESA) for p in _PREFIXES[lvl]
) + tuple(p for p in _PREFIXES[Level.KABUPATEN] if p[0] != "KOTA" and p[0] != "KOTAMADYA")

# Abbreviations expanded wherever they stand as a whole word (dot or not).
ABBREVIATIONS = {
    "PD": "PONDOK",
    "TG": "TANJUNG",
    "TJ": "TANJUNG",
    "KP": "KAMPUNG",
    "KMP": "KAMPUNG",
    "SEI": "SUNGAI",
    "BT": "BATU",
    "TIM": "TIMUR",
    "TMR": "TIMUR",
    "BAR": "BARAT",
    "BRT": "BARAT",
    "UT": "UTARA",
    "UTR": "UTARA",
    "SEL": "SELATAN",
}
_APOSTROPHES = re.compile(r"['`‘’]")
_WORD = re.compile(r"[A-Z0-9]+")


def _tokens(name) -> list[str]:
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return []
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return _WORD.findall(_APOSTROPHES.sub("", text.upper()))


def _strip_prefix(tokens: list[str], level: Level | None) -> list[str]:
    for prefix in _PREFIXES[level]:
        n = len(prefix)
        if tuple(tokens[:n]) == prefix and len(tokens) > n:
            return tokens[n:]
    return tokens


@lru_cache(maxsize=200_000)
def _normalize(name: str, level: Level | None) -> str:
    tokens = _strip_prefix(_tokens(name), level)
    return " ".join(ABBREVIATIONS.get(t, t) for t in tokens)


def normalize_name(name, level: Level | str | None = None) -> str:
    """Uppercase, prefix-free, abbreviation-expanded name with single spaces.

    ``level`` picks which prefixes go (``KEC.``/``KECAMATAN`` at kecamatan,
    ``DESA``/``DS.``/``KEL.``/``KELURAHAN`` at desa, ``KAB.``/``KABUPATEN``/``KOTA``
    at kabupaten); None drops every prefix except ``KOTA``. A prefix that is the
    whole name is kept. Missing names give ``''``.
    """
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    return _normalize(str(name), Level(level) if level is not None else None)


def compact_name(name, level: Level | str | None = None) -> str:
    """``normalize_name`` without spaces, so ``Ciputat Timur`` equals ``Ciputattimur``."""
    return normalize_name(name, level).replace(" ", "")


# Which kind of kabupaten-level area a name's prefix says it is.
_KAB_KINDS = {"KOTA": "kota", "KOTAMADYA": "kota", "KABUPATEN": "kabupaten", "KAB": "kabupaten"}


def kabupaten_kind(name) -> str | None:
    """``'kota'``, ``'kabupaten'`` or None from a kabupaten-level name's prefix.

    ``normalize_name(…, Level.KABUPATEN)`` makes ``Kota Serang`` and ``Kab. Serang``
    both ``SERANG``; the kind tells them apart again.
    """
    tokens = _tokens(name)
    return _KAB_KINDS.get(tokens[0]) if len(tokens) > 1 else None

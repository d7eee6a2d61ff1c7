"""Files the product writes (CSV, XLSX): every text cell neutralised (no formula, no control
character)."""
from __future__ import annotations

import io

import pandas as pd

from geo.io.grids import invisible_removed

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_value(value):
    """Text made safe for a spreadsheet: control characters (which XLSX cannot hold and no person
    typed on purpose) and direction overrides removed, and text a spreadsheet would run as a
    formula prefixed with an apostrophe."""
    if not isinstance(value, str):
        return value
    value = invisible_removed(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a formula (numbers untouched)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_value)
    out.columns = [neutralise_value(str(c)) for c in out.columns]
    return out


# How a spreadsheet in the reader's locale reads a CSV: Indonesian Excel splits on ";" and reads
# "92,28" as a number; English Excel splits on "," and reads "92.28".
CSV_FORMATS = {"id": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def to_csv_bytes(frame: pd.DataFrame, lang: str | None = None) -> bytes:
    """UTF-8 CSV with BOM (Excel opens it with the right characters), neutralised.

    Plain ``,`` and ``.`` (the import templates' format) unless ``lang`` names the reader's
    spreadsheet locale (CSV_FORMATS): a table a person downloads then opens into columns of
    numbers there."""
    dialect = CSV_FORMATS.get(lang, CSV_FORMATS["id"]) if lang else {}
    return neutralise(frame).to_csv(index=False, **dialect).encode("utf-8-sig")


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One XLSX with a sheet per entry, neutralised."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            neutralise(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buf.getvalue()

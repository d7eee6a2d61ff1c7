"""Which columns of a boundary file hold the Kemendagri code, the name and the parents' names.

Lookup tables name the usual Indonesian schemas: Kemendagri ``kode``/``nama`` (and
``kode_*``/``nama_*`` pairs), BIG RBI (``KDEPUM``…``KDPPUM`` with ``WADMKD``…``WADMPR``).
GADM (``GID_n``) and geoBoundaries (``shapeID``) identifiers are not Kemendagri codes.
"""
from __future__ import annotations

import re

import pandas as pd

from geo.names import code_shape, normalize_code
from geo.io.grids import clean_text
from geo.schema import FileRefused, Level, Problem, ValidationFailed, desa_tipe

# BIG RBI: Kemendagri ("PUM") code and name columns by level; the *BPS columns are BPS codes.
BIG_CODE = {Level.DESA: "KDEPUM", Level.KECAMATAN: "KDCPUM", Level.KABUPATEN: "KDPKAB", Level.PROVINSI: "KDPPUM"}
BIG_NAME = {Level.DESA: ("WADMKD", "NAMOBJ"), Level.KECAMATAN: ("WADMKC",), Level.KABUPATEN: ("WADMKK",),
            Level.PROVINSI: ("WADMPR",)}
CODE_PRIORITY = ("kode", "kode_wilayah", "kode_kemendagri", "kd_wilayah")
CODE_LIKE = re.compile(r"^(kode|kd)(_|$|[a-z])", re.I)
NAME_PRIORITY = ("nama", "nama_wilayah", "name", "shapename")
NAME_PREFIXES = ("nama_", "nama", "nm_", "name_")  # + the code column's suffix: kode_desa → nama_desa
PARENT_NAME = {Level.KECAMATAN: ("WADMKC", "kecamatan", "nama_kec", "nama_kecamatan", "nm_kec"),
               Level.KABUPATEN: ("WADMKK", "kabupaten", "nama_kab", "nama_kabupaten", "nama_kabkota", "nm_kab")}
# Identifiers of other schemas: (column pattern, schema named in the refusal).
FOREIGN_IDS = ((re.compile(r"GID_\d", re.I), "GADM"), (re.compile(r"shapeID", re.I), "geoBoundaries"))


def find_column(columns: list[str], wanted) -> str | None:
    """First of ``wanted`` present in ``columns``, matched exactly or else case-insensitively."""
    lower = {c.lower(): c for c in columns}
    for w in wanted:
        if w in columns:
            return w
        if w.lower() in lower:
            return lower[w.lower()]
    return None


def _given(columns: list[str], field: str) -> str:
    found = find_column(columns, [field])
    if found is None:
        raise FileRefused("batas_kolom_tidak_ada", kolom=field, tersedia=", ".join(columns))
    return found


def pick_code_field(frame, columns: list[str], code_field: str | None, level: Level | None) -> str:
    """The code column: ``code_field`` if given, the BIG column of ``level``, else the code-like
    column with the most distinct values. Raises FileRefused when there is none."""
    if code_field:
        return _given(columns, code_field)
    if level and (big := find_column(columns, [BIG_CODE[level]])) and frame[big].notna().any():
        return big
    candidates = [c for c in columns
                  if (c.lower() in CODE_PRIORITY or CODE_LIKE.match(c) or c.upper() in BIG_CODE.values())
                  and "bps" not in c.lower() and _looks_like_codes(frame[c])]
    if candidates:
        # The most distinct values is the finest level (KDEPUM before KDCPUM, kode_desa before kode_kec).
        return max(candidates, key=lambda c: (frame[c].nunique(), c.lower() in CODE_PRIORITY))
    tersedia = ", ".join(columns)
    for pattern, schema in FOREIGN_IDS:
        found = sorted(c for c in columns if pattern.fullmatch(c))
        if found:
            raise FileRefused("batas_kode_bukan_kemendagri", skema=schema, tersedia=tersedia,
                              contoh=f"{found[-1]}={frame[found[-1]].iloc[0]}")
    raise FileRefused("batas_tanpa_kode", tersedia=tersedia)


def _looks_like_codes(values: pd.Series) -> bool:
    """At least half the filled cells are Kemendagri or BPS-shaped codes (the latter refused later)."""
    sample = values.dropna().head(200)
    ok = sum(normalize_code(v) is not None or code_shape(v) == "bps" for v in sample)
    return len(sample) > 0 and ok * 2 >= len(sample)


def pick_name_field(frame, columns: list[str], name_field: str | None, code_col: str) -> str | None:
    """The name column: ``name_field`` if given, else the first filled one of the BIG name of the
    code's level, ``nama_<suffix>`` of the code column, the usual names, GADM ``NAME_n``,
    any ``nama*``/``name*``/``nm_*``; None without one."""
    if name_field:
        return _given(columns, name_field)
    big_level = next((lvl for lvl, col in BIG_CODE.items() if col == code_col.upper()), None)
    suffix = re.sub(r"^(kode|kd)_?", "", code_col, flags=re.I)
    wanted = list(BIG_NAME[big_level]) if big_level else []
    wanted += [f"{p}{suffix}" for p in NAME_PREFIXES] if suffix else []
    wanted += list(NAME_PRIORITY)
    wanted += sorted((c for c in columns if re.fullmatch(r"NAME_\d", c, re.I)), reverse=True)  # GADM
    wanted += [c for c in columns if re.match(r"^(nama|name|nm_)", c, re.I)]
    return next((c for w in wanted if (c := find_column(columns, [w])) and frame[c].notna().any()), None)


def parent_names(frame, columns: list[str], level: Level, index) -> pd.Series | None:
    """The names of each row's parent at ``level`` (aligned with ``index``), when a column has them."""
    col = find_column(columns, PARENT_NAME[level])
    return frame[col].reindex(index) if col else None


def read_codes(values: pd.Series, column: str, level: Level | None) -> list[str]:
    """Normalised codes; every bad row becomes a Problem (row = feature number, from 1).

    Raises ValidationFailed (``batas_kode_kosong``, ``batas_kode_bps``, ``batas_kode_tidak_sah``,
    ``batas_kode_tingkat_lain``)."""
    codes, problems = [], []
    for row, value in enumerate(values, start=1):
        code, written = normalize_code(value), _as_written(value)
        if written is None:
            problems.append(Problem("batas_kode_kosong", row=row, column=column))
        elif code is None:
            key = "batas_kode_bps" if code_shape(value) == "bps" else "batas_kode_tidak_sah"
            problems.append(Problem(key, row=row, column=column, params={"kode": written}))
        elif level and Level.of_code(code) is not level:
            problems.append(Problem("batas_kode_tingkat_lain", row=row, column=column, params={
                "kode": code, "tingkat_kode": Level.of_code(code).value, "level": level.value}))
        codes.append(code)
    if problems:
        raise ValidationFailed(problems)
    return codes


def _as_written(value) -> str | None:
    """A code cell as the user would see it in a message (integral floats without '.0')."""
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _blank(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def clean_name(value) -> str | None:
    """A name as data: control characters and direction overrides removed (``clean_text``),
    spaces collapsed; None when blank."""
    if _blank(value):
        return None
    return " ".join(clean_text(str(value)).split()) or None


def area_tipe(kode: str, nama: str) -> str:
    """desa/kelurahan by ``desa_tipe``; kota when the name starts with "Kota" or, without a
    "Kota"/"Kab" name, when the code's second segment is 71 or more; else the level."""
    level = Level.of_code(kode)
    if level is Level.DESA:
        return desa_tipe(kode)
    if level is not Level.KABUPATEN:
        return level.value
    folded = nama.casefold()
    if folded.startswith("kota"):
        return "kota"
    if folded.startswith("kab"):
        return "kabupaten"
    return "kota" if int(kode.split(".")[1]) >= 71 else "kabupaten"  # Kemendagri numbers kota from 71

"""Target files: the recording targets an office works to, per area and period (CSV or XLSX).

One row per area and period: ``kode`` (or ``kode_wilayah``), ``tahun``, optional ``bulan``
(1–12 or a month's name; empty: the whole year), and the target as ``target_persen``
(coverage to reach by the period's end, ``95`` or ``95,5%``) and/or ``target_rekam`` (people
recorded — sudah rekam — by then, ``12.345``); optional ``keterangan``. The kontrak kinerja
gives a kabupaten its year; the Dinas splits it into months per kecamatan.

Read through the one tabular reader (size limit, content check, the NIK rule).
"""
from __future__ import annotations

import pandas as pd

from geo.dates import MONTHS
from geo.fmt import Count
from geo.io.numbers import MAX_COUNT, parse_count, parse_percent
from geo.io.tabular import read_table
from geo.names import normalize_code
from geo.schema import Col, FileRefused, Problem, ValidationFailed

COLUMNS = [Col.KODE, "tahun", "bulan", "target_persen", "target_rekam", "keterangan"]
_ALIASES = {Col.KODE: ("kode", "kode_wilayah", "kode_kemendagri"), "tahun": ("tahun", "year"),
            "bulan": ("bulan", "month"), "target_persen": ("target_persen", "target_cakupan", "persen", "target"),
            "target_rekam": ("target_rekam", "target_perekaman", "target_jumlah", "jumlah"),
            "keterangan": ("keterangan", "ket", "catatan")}
ROW = "_baris"


def _column(raw: pd.DataFrame, wanted: str) -> str | None:
    return next((a for a in _ALIASES[wanted] if a in raw.columns), None)


def _month(text: str) -> int | None:
    """``3``, ``03``, ``Maret``, ``Mar`` → 3; empty → 0 (the whole year); None when not a month."""
    text = str(text).strip()
    if not text:
        return 0
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTHS.get(text.upper().rstrip("."))


def _row(r: dict, found: dict, problems: list) -> dict | None:
    baris = r[ROW]
    kode = normalize_code(r[found[Col.KODE]])
    year = r[found["tahun"]].strip()
    month = _month(r[found["bulan"]]) if found["bulan"] else 0
    pct_text = r[found["target_persen"]] if found["target_persen"] else ""
    pct = parse_percent(pct_text) if pct_text else None
    if pct is not None and 0 < pct <= 1:  # an Excel percent cell (0,95 shown as 95%)
        pct = round(pct * 100, 6)
    count_text = r[found["target_rekam"]] if found["target_rekam"] else ""
    count, count_error = parse_count(count_text) if count_text else (None, None)
    before = len(problems)
    if count_error:
        params = {"nilai": count_text, **({"maks": Count(MAX_COUNT)} if count_error == "angka_terlalu_besar" else {})}
        problems.append(Problem(count_error, row=baris, column=found["target_rekam"], params=params))
    if kode is None:
        problems.append(Problem("target_kode_salah", row=baris, column=found[Col.KODE],
                                params={"kode": r[found[Col.KODE]]}))
    if not (year.isdigit() and 2011 <= int(year) <= 2100):
        problems.append(Problem("target_tahun_salah", row=baris, column=found["tahun"], params={"nilai": year}))
    if month is None:
        problems.append(Problem("target_bulan_salah", row=baris, column=found["bulan"],
                                params={"nilai": r[found["bulan"]]}))
    if pct_text and (pct is None or not 0 < pct <= 100):
        problems.append(Problem("target_persen_salah", row=baris, column=found["target_persen"],
                                params={"nilai": pct_text}))
    if not pct_text and not count_text:
        problems.append(Problem("target_kosong", row=baris, column=None, params={}))
    if len(problems) > before:
        return None
    note = r[found["keterangan"]] if found["keterangan"] else ""
    return {Col.KODE: kode, "tahun": int(year), "bulan": month, "target_persen": pct, "target_rekam": count,
            "keterangan": note or None, ROW: baris}


def read_targets(source, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """Read a target file into COLUMNS (bulan 0 = the whole year; target_persen in percent).

    Raises FileRefused (what ``read_table`` refuses; 'target_kolom_hilang' without kode, tahun
    or a target column) and ValidationFailed listing each bad row ('target_kode_salah',
    'target_tahun_salah', 'target_bulan_salah', 'target_persen_salah', 'target_kosong',
    'target_ganda' for one area and period twice).
    """
    return targets_from_table(read_table(source, file_name=file_name, max_bytes=max_bytes))


def targets_from_table(raw: pd.DataFrame) -> pd.DataFrame:
    """A table of text (headers as in a target file, ``_baris`` the row numbers shown to people):
    the rows a file holds or an editor typed on the Data page, checked by the same rules as
    ``read_targets`` (which raises what this raises)."""
    raw = raw.copy()
    text = [c for c in raw.columns if c != ROW]  # an editor's cells may be numbers or empty
    raw[text] = raw[text].astype(object).where(raw[text].notna(), "").astype(str)
    found = {name: _column(raw, name) for name in _ALIASES}
    if not found[Col.KODE] or not found["tahun"] or not (found["target_persen"] or found["target_rekam"]):
        raise FileRefused("target_kolom_hilang", ada=", ".join(c for c in raw.columns if c != ROW))
    problems, rows, seen = [], [], {}
    for r in raw.to_dict("records"):
        row = _row(r, found, problems)
        if row is None:
            continue
        key = (row[Col.KODE], row["tahun"], row["bulan"])
        if key in seen:
            problems.append(Problem("target_ganda", row=row[ROW], column=None,
                                    params={"kode": key[0], "baris_lain": seen[key]}))
            continue
        seen[key] = row[ROW]
        rows.append(row)
    if problems:
        raise ValidationFailed(problems)
    frame = pd.DataFrame(rows, columns=[*COLUMNS, ROW]).drop(columns=ROW)
    frame["target_rekam"] = frame["target_rekam"].astype("Int64")
    return frame

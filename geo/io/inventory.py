"""The inventory of recording devices and sites, and the blank-card stock, read from files.

Both are read through the one tabular reader (``geo.io.tabular.read_table``): the size limit,
content sniffing, CSV/XLSX, encodings and the NIK rule are its refusals (``berkas_terlalu_besar``,
``berisi_nik``, ``berkas_kosong``, …), the same for these files as for an enrollment file. What
is wrong on a row is reported with its row number and column, every row at once.

File formats (CSV with ``,`` or ``;``, or the first sheet of an XLSX; a header row; dates
``YYYY-MM-DD`` or ``DD/MM/YYYY``; counts may carry thousands dots ``30.000``)
---------------------------------------------------------------------------------------------
**Inventory** (``perangkat.csv``): one row per dated fact about a site or a device::

    lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan
    LP10,,,2024-01-02,,2,online,
    LP10,LP10-A1,statis,2012-05-14,aktif,,,
    LP10,LP10-A1,,2026-09-28,rusak,,,Pemindai sidik jari rusak

- A row **with** ``alat_id`` is a device's status from ``tanggal_mulai`` until its next row:
  ``lokasi_id`` (the site it is at: a device lent elsewhere gets a row with the new site),
  ``jenis`` (``statis``, ``mobile`` or ``cetak``; may be left empty after the device's first
  row), ``status`` (``aktif``; ``rusak`` broken; ``perbaikan`` away for repair; ``dihapus``
  written off, no longer counted), ``keterangan`` (why).
- A row **without** ``alat_id`` is the site from ``tanggal_mulai``: ``operator`` (number of
  trained operators) and ``koneksi`` (``online``, ``tidak_stabil`` or ``offline``: records
  offline and sends later). An empty cell keeps the site's previous value.
- ``lokasi_id`` must be a site of the recording-sites layer (``import-points --kind lokasi``).
  Accepted header spellings include ``id_lokasi``, ``id_alat``, ``tanggal``, ``jumlah_operator``.

**Blank-card stock** (``blangko.csv``): one row per area and date::

    tanggal,kode,diterima,dipakai,keterangan
    2025-12-15,99.01,30000,0,Kiriman blangko dari Ditjen Dukcapil

``kode`` is the area holding the stock (usually the kabupaten/kota), ``diterima`` blank cards
received and ``dipakai`` used (printed or spoiled) since the previous entry. The stock on a date
is the sum of ``diterima − dipakai`` of every entry up to it, within the area.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from geo.columns import (
    ALAT_ID, BLANK_COLUMNS, DIPAKAI, DITERIMA, INVENTORY_COLUMNS, JENIS, KETERANGAN, KONEKSI, LOKASI_ID, OPERATOR,
    STATUS, TANGGAL_MULAI,
)
from geo.dates import read_day
from geo.io.numbers import parse_count
from geo.io.tabular import read_table
from geo.names import normalize_code
from geo.schema import Col, FileRefused, Problem, ValidationFailed

# Words people write → the value stored.
JENIS_VALUES = {"statis": "statis", "static": "statis", "tetap": "statis", "mobile": "mobile",
                "me": "mobile", "keliling": "mobile", "mobile_enrollment": "mobile", "cetak": "cetak",
                "printer": "cetak", "pencetak": "cetak"}
STATUS_VALUES = {"aktif": "aktif", "baik": "aktif", "berfungsi": "aktif", "rusak": "rusak",
                 "perbaikan": "perbaikan", "diperbaiki": "perbaikan", "servis": "perbaikan",
                 "dihapus": "dihapus", "afkir": "dihapus"}
KONEKSI_VALUES = {"online": "online", "daring": "online", "tidak_stabil": "tidak_stabil",
                  "offline": "offline", "luring": "offline"}
HEADER_ALIASES = {  # accepted header spellings, the first match wins
    LOKASI_ID: ("lokasi_id", "id_lokasi", "kode_lokasi", "lokasi", "id"),
    ALAT_ID: ("alat_id", "id_alat", "alat", "nomor_seri", "no_seri"),
    JENIS: ("jenis", "jenis_alat"),
    TANGGAL_MULAI: ("tanggal_mulai", "tanggal", "mulai", "sejak", "berlaku_mulai"),
    STATUS: ("status", "kondisi"),
    OPERATOR: ("operator", "jumlah_operator", "petugas", "jumlah_petugas"),
    KONEKSI: ("koneksi", "jaringan"),
    KETERANGAN: ("keterangan", "catatan", "ket"),
    Col.TANGGAL: ("tanggal",),
    Col.KODE: ("kode", "kode_wilayah"),
    DITERIMA: ("diterima", "terima", "masuk"),
    DIPAKAI: ("dipakai", "terpakai", "pakai", "keluar"),
}


# --- cell values -----------------------------------------------------------------------------
def read_count(value) -> int | None:
    """A count of 0 or more (``2``, ``30.000``, ``30,000``, ``-`` for nil); None when blank or not one."""
    count, error = parse_count(value)
    return None if error else count


def read_choice(value, values: dict[str, str]) -> str | None:
    """The stored value a written word stands for (``Tidak Stabil`` → ``tidak_stabil``); None if none."""
    if not isinstance(value, str):
        return None
    return values.get(re.sub(r"[\s-]+", "_", value.strip().lower()))


def _options(values: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(values.values()))


def _iso(value: str) -> str | None:
    day = read_day(value)
    return day.isoformat() if day else None


# --- headers ---------------------------------------------------------------------------------
def _rename(frame: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """Map accepted header spellings onto ``wanted`` column names; missing columns come empty."""
    mapping = {}
    for col in wanted:
        alias = next((a for a in HEADER_ALIASES[col] if a in frame.columns and a not in mapping), None)
        if alias:
            mapping[alias] = col
    out = frame.rename(columns=mapping)
    for col in wanted:
        if col not in out:
            out[col] = ""
    return out


def _require(frame: pd.DataFrame, columns: list[str], berkas: str) -> None:
    for col in columns:
        if not any(alias in frame.columns for alias in HEADER_ALIASES[col]):
            raise FileRefused("inv_kolom_hilang", kolom=col, berkas=berkas, wajib=", ".join(columns))


# --- inventory -------------------------------------------------------------------------------
@dataclass
class Inventory:
    """A read inventory file: device status rows and site rows (ISO dates, clean values)."""

    alat: pd.DataFrame  # ALAT_ID, TANGGAL_MULAI, LOKASI_ID, JENIS (None = as before), STATUS, KETERANGAN
    lokasi: pd.DataFrame  # LOKASI_ID, TANGGAL_MULAI, OPERATOR (Int64), KONEKSI, KETERANGAN


def read_inventory(source, *, file_name: str | None = None, max_bytes: int | None = None,
                   known_sites: set[str] | None = None, known_devices: set[str] = frozenset()) -> Inventory:
    """Read an inventory file (format in the module docstring).

    ``source``: a path, bytes or an upload; ``max_bytes``: the upload limit, checked before
    reading. ``known_sites``: the ids a ``lokasi_id`` may take (None: not checked);
    ``known_devices``: devices whose kind is already stored (their rows may omit it). Raises
    FileRefused (the tabular reader's refusals, or 'inv_kolom_hilang' for a required column
    missing) or ValidationFailed listing every bad row with its row number and column.
    """
    raw = read_table(source, file_name=file_name, max_bytes=max_bytes)
    _require(raw, [LOKASI_ID, ALAT_ID, TANGGAL_MULAI], "inventaris")
    raw = _rename(raw, INVENTORY_COLUMNS)
    problems: list[Problem] = []
    alat, lokasi, seen = [], [], {}
    example = ", ".join(sorted(known_sites)[:3]) if known_sites else ""

    def bad(key, baris, kolom, **params):
        problems.append(Problem(key, row=baris, column=kolom, params=params))

    for r in raw.to_dict("records"):
        baris, site, device = r["_baris"], r[LOKASI_ID], r[ALAT_ID]
        kind = "alat" if device else "lokasi"
        day = _iso(r[TANGGAL_MULAI]) if r[TANGGAL_MULAI] else None
        if not site:
            bad("inv_wajib_diisi", baris, LOKASI_ID, jenis=kind)
        elif known_sites is not None and site not in known_sites:
            bad("inv_lokasi_tidak_dikenal", baris, LOKASI_ID, lokasi=site, contoh=example)
        if not r[TANGGAL_MULAI]:
            bad("inv_wajib_diisi", baris, TANGGAL_MULAI, jenis=kind)
        elif day is None:
            bad("inv_tanggal_salah", baris, TANGGAL_MULAI, nilai=r[TANGGAL_MULAI])
        key = (kind, device or site, day)
        if day and key in seen:
            bad("inv_baris_ganda", baris, TANGGAL_MULAI, kunci=f"{device or site} {day}", baris_lain=seen[key],
                kunci_nama=kind)
        seen.setdefault(key, baris)
        if device:
            alat.append(_device_row(r, day, bad))
        else:
            lokasi.append(_site_row(r, day, bad))
    alat_frame = pd.DataFrame(alat, columns=[ALAT_ID, TANGGAL_MULAI, LOKASI_ID, JENIS, STATUS, KETERANGAN, "_baris"])
    if not problems:
        first = alat_frame.sort_values([ALAT_ID, TANGGAL_MULAI]).groupby(ALAT_ID, sort=False).first()
        for device, row in first[first[JENIS].isna() & ~first.index.isin(list(known_devices))].iterrows():
            bad("inv_jenis_kosong", int(row["_baris"]), JENIS, alat=device)
    if problems:
        raise ValidationFailed(problems)
    lokasi_frame = pd.DataFrame(lokasi, columns=[LOKASI_ID, TANGGAL_MULAI, OPERATOR, KONEKSI, KETERANGAN])
    lokasi_frame[OPERATOR] = lokasi_frame[OPERATOR].astype("Int64")
    return Inventory(alat_frame.drop(columns="_baris"), lokasi_frame)


def _device_row(r: dict, day: str | None, bad) -> dict:
    baris = r["_baris"]
    jenis = read_choice(r[JENIS], JENIS_VALUES) if r[JENIS] else None
    status = read_choice(r[STATUS], STATUS_VALUES) if r[STATUS] else None
    if r[JENIS] and jenis is None:
        bad("inv_pilihan_salah", baris, JENIS, nilai=r[JENIS], pilihan=_options(JENIS_VALUES))
    if not r[STATUS]:
        bad("inv_wajib_diisi", baris, STATUS, jenis="alat")
    elif status is None:
        bad("inv_pilihan_salah", baris, STATUS, nilai=r[STATUS], pilihan=_options(STATUS_VALUES))
    return {ALAT_ID: r[ALAT_ID], TANGGAL_MULAI: day, LOKASI_ID: r[LOKASI_ID], JENIS: jenis, STATUS: status,
            KETERANGAN: r[KETERANGAN] or None, "_baris": baris}


def _site_row(r: dict, day: str | None, bad) -> dict:
    baris = r["_baris"]
    operator = read_count(r[OPERATOR]) if r[OPERATOR] else None
    koneksi = read_choice(r[KONEKSI], KONEKSI_VALUES) if r[KONEKSI] else None
    if r[OPERATOR] and operator is None:
        bad("inv_bukan_jumlah", baris, OPERATOR, nilai=r[OPERATOR])
    if r[KONEKSI] and koneksi is None:
        bad("inv_pilihan_salah", baris, KONEKSI, nilai=r[KONEKSI], pilihan=_options(KONEKSI_VALUES))
    if not r[OPERATOR] and not r[KONEKSI]:
        bad("inv_baris_kosong", baris, None)
    return {LOKASI_ID: r[LOKASI_ID], TANGGAL_MULAI: day, OPERATOR: operator, KONEKSI: koneksi,
            KETERANGAN: r[KETERANGAN] or None}


# --- blank-card stock ------------------------------------------------------------------------
def read_blank_stock(source, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """Read a blank-card stock file: BLANK_COLUMNS (Col.TANGGAL ISO, Col.KODE dotted, DITERIMA and
    DIPAKAI as Int64 cards, KETERANGAN).

    ``max_bytes``: the upload limit, checked before reading. Raises FileRefused (the tabular
    reader's refusals, 'inv_kolom_hilang') or ValidationFailed (bad dates, codes, counts;
    duplicate area and date).
    """
    raw = read_table(source, file_name=file_name, max_bytes=max_bytes)
    _require(raw, [Col.TANGGAL, Col.KODE], "blangko")
    raw = _rename(raw, BLANK_COLUMNS)
    problems, rows, seen = [], [], {}
    for r in raw.to_dict("records"):
        baris = r["_baris"]
        day = _iso(r[Col.TANGGAL]) if r[Col.TANGGAL] else None
        kode = normalize_code(r[Col.KODE])
        if day is None:
            problems.append(Problem("inv_tanggal_salah", row=baris, column=Col.TANGGAL,
                                    params={"nilai": r[Col.TANGGAL]}))
        if kode is None:
            problems.append(Problem("blangko_kode_salah", row=baris, column=Col.KODE, params={"kode": r[Col.KODE]}))
        counts = {}
        for col in (DITERIMA, DIPAKAI):
            counts[col] = read_count(r[col]) if r[col] else None
            if r[col] and counts[col] is None:
                problems.append(Problem("inv_bukan_jumlah", row=baris, column=col, params={"nilai": r[col]}))
        if not r[DITERIMA] and not r[DIPAKAI]:
            problems.append(Problem("blangko_kosong", row=baris))
        if day and kode and (kode, day) in seen:
            problems.append(Problem("inv_baris_ganda", row=baris, column=Col.TANGGAL,
                                    params={"kunci": f"{kode} {day}", "baris_lain": seen[(kode, day)],
                                            "kunci_nama": Col.KODE}))
        seen.setdefault((kode, day), baris)
        rows.append({Col.TANGGAL: day, Col.KODE: kode, DITERIMA: counts[DITERIMA] or 0, DIPAKAI: counts[DIPAKAI] or 0,
                     KETERANGAN: r[KETERANGAN] or None})
    if problems:
        raise ValidationFailed(problems)
    out = pd.DataFrame(rows, columns=BLANK_COLUMNS)
    out[[DITERIMA, DIPAKAI]] = out[[DITERIMA, DIPAKAI]].astype("Int64")
    return out

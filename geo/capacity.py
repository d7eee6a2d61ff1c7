"""Recording capacity and the card pipeline: devices, operators, backlog days, blank cards.

Where is recording stuck, where should the next devices go, and when do blank cards run out?

**Capacity of a kecamatan at a date.** A recording device counts when it is a recording device
(``statis`` or ``mobile``; a ``cetak`` printer prints cards, it does not record) and its status
on that date is ``aktif``. A device whose status turns ``rusak`` on day d drops out of capacity
from d itself. A device runs only with someone to run it, so the devices that work are
``alat_efektif = min(alat_aktif, operator)`` (``alat_aktif`` when operators are unknown). At
``laju_per_alat`` recordings per device per service day (default 35: "one site records 30–40
people a day"), ``hari_backlog = belum_rekam / (laju_per_alat × alat_efektif)`` service days;
infinite when the kecamatan has devices but none works (the backlog never clears), <NA> when the
inventory knows no site in it or it has no figures. A site counts for the kecamatan its point
(``store.points("lokasi")``) lies in, including a mobile unit where it stands now, and a
kecamatan's operators can run any of its devices.

**Allocation.** ``allocate_devices`` gives new devices (or operators) one at a time to the
kecamatan with the longest backlog. For minimising the longest backlog this greedy rule is
optimal whenever an area's backlog days never rise when it gets one more unit (proof in its
docstring; ``tests/geo/test_capacity.py`` checks it against brute force).

**Card pipeline.** Recorded (``sudah_rekam``) → verified, waiting for a blank card
(``prr``) → printed (``sudah_cetak``); what is neither is still being processed or was
rejected as a duplicate. Blank cards are a stock: received (``diterima``) minus used
(``dipakai``). ``blank_projection`` says when they run out at the current printing rate.

Inventory and blank stock live in this module's own tables (created on first use on the
store's engine). Each import is a store version (kind ``inventaris`` or ``blangko``) written in
the same transaction as its rows, so ``store.rollback(v)`` undoes it. Current state = each
key's row from the newest active version: a device history row is keyed by (``alat_id``,
``tanggal_mulai``), a site row by (``lokasi_id``, ``tanggal_mulai``), a stock entry by (``kode``,
``tanggal``). A newer import's row with the same key replaces the older one; rows of other keys
stay, so an update file only needs the new rows. To delete a row, roll its import back.

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

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date as date_type
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from geo.columns import (
    ALAT_AKTIF, ALAT_EFEKTIF, ALAT_ID, ALAT_MOBILE_AKTIF, ALAT_TOTAL, BELUM_PER_ALAT, CETAK_PER_MINGGU,
    DATA_ALAT, DIPAKAI, DIPROSES, DITERIMA, HARI, HARI_BACKLOG, HARI_TANPA_ALAT, JENIS, KAPASITAS,
    KETERANGAN, KODE_KEC, KONEKSI, LAJU_PER_ALAT, LOKASI_ID, LOKASI_LUMPUH, NAMA_KEC, NAMA_LOKASI,
    OPERATOR, PERSEN_CETAK, SEJAK, STATUS, STOK, TANGGAL_MULAI, TANPA_ALAT_SEJAK,
)
from geo import fmt
from geo.coverage import area_totals, coverage_table
from geo.names import normalize_code
from geo.schema import ALLOCATION_UNITS, DEMO_DIR, Col, FileRefused, Level, Problem, RekamError, ValidationFailed, ancestor_code
from geo.config import DEFAULT_RATE_WINDOW_DAYS, DEFAULT_THROUGHPUT, load_settings
from geo.dates import read_day
from geo.store import Store
from geo.store.tables import alat_table, blangko_table, lokasi_table
from geo.text import tr


# --- columns (file, store and frame) ------------------------------------------------------

RECORDING_KINDS = ("statis", "mobile")
JENIS_VALUES = {"statis": "statis", "static": "statis", "tetap": "statis", "mobile": "mobile",
                "me": "mobile", "keliling": "mobile", "mobile_enrollment": "mobile", "cetak": "cetak",
                "printer": "cetak", "pencetak": "cetak"}
STATUS_VALUES = {"aktif": "aktif", "baik": "aktif", "berfungsi": "aktif", "rusak": "rusak",
                 "perbaikan": "perbaikan", "diperbaiki": "perbaikan", "servis": "perbaikan",
                 "dihapus": "dihapus", "afkir": "dihapus"}
KONEKSI_VALUES = {"online": "online", "daring": "online", "tidak_stabil": "tidak_stabil",
                  "offline": "offline", "luring": "offline"}
KONEKSI_RANK = {"online": 0, "tidak_stabil": 1, "offline": 2}  # worse is higher
DOWN = ("rusak", "perbaikan")

INVENTORY_COLUMNS = [LOKASI_ID, ALAT_ID, JENIS, TANGGAL_MULAI, STATUS, OPERATOR, KONEKSI, KETERANGAN]
BLANK_COLUMNS = [Col.TANGGAL, Col.KODE, DITERIMA, DIPAKAI, KETERANGAN]
CAPACITY_COLUMNS = [Col.KODE, Col.NAMA, ALAT_TOTAL, ALAT_AKTIF, ALAT_MOBILE_AKTIF, OPERATOR, ALAT_EFEKTIF,
                    KONEKSI, Col.BELUM, BELUM_PER_ALAT, LAJU_PER_ALAT, KAPASITAS, HARI_BACKLOG, TANPA_ALAT_SEJAK,
                    HARI_TANPA_ALAT, DATA_ALAT, Col.TANGGAL]
CLI_CAPACITY_COLUMNS = [Col.KODE, Col.NAMA, ALAT_AKTIF, OPERATOR, Col.BELUM, HARI_BACKLOG]
_ALIASES = {
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



# --- small parsers ---------------------------------------------------------------------------
_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, pd.Timestamp)):
        return value.date().isoformat()
    if isinstance(value, date_type):
        return value.isoformat()
    return str(value).strip().lstrip("'").strip()


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _parse_count(text: str) -> int | None:
    """A non-negative whole number from ``2``, ``30.000`` or ``30,000``; None if not one."""
    t = text.replace(" ", "")
    if _THOUSANDS.match(t):
        t = t.replace(".", "").replace(",", "")
    return int(t) if t.isdigit() else None


def _choice(text: str, values: dict[str, str]) -> str | None:
    return values.get(re.sub(r"[\s-]+", "_", text.lower()))


def _options(values: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(values.values()))


def check_code(kode) -> str:
    """A dotted Kemendagri code; raises RekamError('kap_kode_salah')."""
    code = normalize_code(kode)
    if code is None:
        raise RekamError("kap_kode_salah", kode=kode)
    return code


def check_throughput(value) -> float:
    """Recordings per device per day, > 0; raises RekamError('kap_laju_salah')."""
    try:
        rate = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        raise RekamError("kap_laju_salah", nilai=value) from None
    if not math.isfinite(rate) or rate <= 0:
        raise RekamError("kap_laju_salah", nilai=value)
    return rate


# --- reading files ---------------------------------------------------------------------------
def _read_table(source, file_name: str | None) -> pd.DataFrame:
    """A CSV (``,`` ``;`` or tab; UTF-8 with or without BOM, or cp1252) or an XLSX's first sheet as text.

    Headers are lower-cased with spaces as underscores; every cell is stripped text
    ("" when empty). Raises FileRefused for an unreadable, empty or NIK-bearing file.
    """
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else "unggahan")
    limit_mb = load_settings().max_upload_mb
    size = len(source) if isinstance(source, (bytes, bytearray)) else Path(source).stat().st_size
    if size > limit_mb * 1024 * 1024:
        raise FileRefused("inv_terlalu_besar", ukuran_mb=round(size / 1048576, 1), maks_mb=limit_mb)
    data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    try:
        if data[:4] == b"PK\x03\x04" or name.lower().endswith(".xlsx"):
            raw = pd.read_excel(io.BytesIO(data), dtype=object, header=None)
            rows = [[_text(v) for v in row] for row in raw.itertuples(index=False)]
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
            first = text.split("\n", 1)[0]
            delimiter = max((",", ";", "\t"), key=first.count)
            rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except Exception as exc:  # noqa: BLE001 — any reader failure is a refused file, said in words
        raise FileRefused("inv_tak_terbaca", nama=name, detail=str(exc)[:200]) from None
    rows = [r for r in rows if any(r)]
    if len(rows) < 2:
        raise FileRefused("inv_kosong")
    header = [re.sub(r"[\s-]+", "_", h.strip().lower()) for h in rows[0]]
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    for col in frame.columns:
        filled = [v for v in frame[col] if v]
        if filled and 2 * sum(bool(re.fullmatch(r"\d{16}", v.replace(" ", ""))) for v in filled) >= len(filled):
            raise FileRefused("inv_berisi_nik", kolom=col)
    frame["_baris"] = range(2, len(frame) + 2)  # row numbers as the user sees them (header is row 1)
    return frame


def _rename(frame: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """Map accepted header spellings onto ``wanted`` column names (first match wins)."""
    mapping = {}
    for col in wanted:
        for alias in _ALIASES[col]:
            if alias in frame.columns and alias not in mapping:
                mapping[alias] = col
                break
    out = frame.rename(columns=mapping)
    for col in wanted:
        if col not in out:
            out[col] = ""
    return out


def _require(frame: pd.DataFrame, columns: list[str], berkas: str) -> None:
    for col in columns:
        if not any(alias in frame.columns for alias in _ALIASES[col]):
            raise FileRefused("inv_kolom_hilang", kolom=col, berkas=berkas, wajib=", ".join(columns))


@dataclass
class Inventory:
    """A read inventory file: device status rows and site rows (ISO dates, clean values)."""

    alat: pd.DataFrame  # ALAT_ID, TANGGAL_MULAI, LOKASI_ID, JENIS (None = as before), STATUS, KETERANGAN
    lokasi: pd.DataFrame  # LOKASI_ID, TANGGAL_MULAI, OPERATOR (Int64), KONEKSI, KETERANGAN


def read_inventory(source, *, file_name: str | None = None, known_sites: set[str] | None = None,
                   known_devices: set[str] = frozenset()) -> Inventory:
    """Read an inventory file (format in the module docstring).

    ``known_sites``: the ids a ``lokasi_id`` may take (None: not checked);
    ``known_devices``: devices whose kind is already stored (their rows may omit it). Raises
    FileRefused (unreadable, empty, a required column missing, NIK-like numbers) or
    ValidationFailed listing every bad row with its row number and column.
    """
    raw = _read_table(source, file_name)
    _require(raw, [LOKASI_ID, ALAT_ID, TANGGAL_MULAI], "inventaris")
    raw = _rename(raw, INVENTORY_COLUMNS)
    problems: list[Problem] = []
    alat, lokasi, seen = [], [], {}
    example = ", ".join(sorted(known_sites)[:3]) if known_sites else ""

    def bad(key, baris, kolom, **params):
        problems.append(Problem(key, baris=baris, kolom=kolom, params=params))

    for r in raw.to_dict("records"):
        baris, site, device = r["_baris"], r[LOKASI_ID], r[ALAT_ID]
        kind = "alat" if device else "lokasi"
        day = _iso(read_day(r[TANGGAL_MULAI])) if r[TANGGAL_MULAI] else None
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
            jenis = _choice(r[JENIS], JENIS_VALUES) if r[JENIS] else None
            status = _choice(r[STATUS], STATUS_VALUES) if r[STATUS] else None
            if r[JENIS] and jenis is None:
                bad("inv_pilihan_salah", baris, JENIS, nilai=r[JENIS], pilihan=_options(JENIS_VALUES))
            if not r[STATUS]:
                bad("inv_wajib_diisi", baris, STATUS, jenis=kind)
            elif status is None:
                bad("inv_pilihan_salah", baris, STATUS, nilai=r[STATUS], pilihan=_options(STATUS_VALUES))
            alat.append({ALAT_ID: device, TANGGAL_MULAI: day, LOKASI_ID: site, JENIS: jenis, STATUS: status,
                         KETERANGAN: r[KETERANGAN] or None, "_baris": baris})
        else:
            operator = _parse_count(r[OPERATOR]) if r[OPERATOR] else None
            koneksi = _choice(r[KONEKSI], KONEKSI_VALUES) if r[KONEKSI] else None
            if r[OPERATOR] and operator is None:
                bad("inv_bukan_jumlah", baris, OPERATOR, nilai=r[OPERATOR])
            if r[KONEKSI] and koneksi is None:
                bad("inv_pilihan_salah", baris, KONEKSI, nilai=r[KONEKSI], pilihan=_options(KONEKSI_VALUES))
            if not r[OPERATOR] and not r[KONEKSI]:
                bad("inv_baris_kosong", baris, None)
            lokasi.append({LOKASI_ID: site, TANGGAL_MULAI: day, OPERATOR: operator, KONEKSI: koneksi,
                           KETERANGAN: r[KETERANGAN] or None})
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


def read_blank_stock(source, *, file_name: str | None = None) -> pd.DataFrame:
    """Read a blank-card stock file: Col.TANGGAL, Col.KODE, DITERIMA, DIPAKAI (Int64), KETERANGAN.

    Raises FileRefused or ValidationFailed (bad dates, codes, counts; duplicate area+date).
    """
    raw = _read_table(source, file_name)
    _require(raw, [Col.TANGGAL, Col.KODE], "blangko")
    raw = _rename(raw, BLANK_COLUMNS)
    problems, rows, seen = [], [], {}
    for r in raw.to_dict("records"):
        baris = r["_baris"]
        day = _iso(read_day(r[Col.TANGGAL])) if r[Col.TANGGAL] else None
        kode = normalize_code(r[Col.KODE])
        if day is None:
            problems.append(Problem("inv_tanggal_salah", baris=baris, kolom=Col.TANGGAL,
                                    params={"nilai": r[Col.TANGGAL]}))
        if kode is None:
            problems.append(Problem("blangko_kode_salah", baris=baris, kolom=Col.KODE, params={"kode": r[Col.KODE]}))
        counts = {}
        for col in (DITERIMA, DIPAKAI):
            counts[col] = _parse_count(r[col]) if r[col] else None
            if r[col] and counts[col] is None:
                problems.append(Problem("inv_bukan_jumlah", baris=baris, kolom=col, params={"nilai": r[col]}))
        if not r[DITERIMA] and not r[DIPAKAI]:
            problems.append(Problem("blangko_kosong", baris=baris))
        if day and kode and (kode, day) in seen:
            problems.append(Problem("inv_baris_ganda", baris=baris, kolom=Col.TANGGAL,
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


# --- imports (versioned) ---------------------------------------------------------------------
@dataclass
class Imported:
    version_id: int
    rows: int
    summary: dict = field(default_factory=dict)  # e.g. {"alat": 32, "lokasi": 16}


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else
                 (int(v) if isinstance(v, (np.integer,)) else v)) for k, v in r.items()}
            for r in frame.astype(object).to_dict("records")]


def import_inventory(store: Store, source, user: str = "cli", *, file_name: str | None = None,
                     force: bool = False) -> Imported:
    """Read an inventory file and store it as one version (kind 'inventaris').

    ``source``: a path or the file's bytes. Refuses (nothing written) a file already
    imported and active unless ``force`` (RekamError 'berkas_sudah_diimpor'), a store
    without recording sites (FileRefused 'inv_belum_ada_lokasi'), and any bad row
    (ValidationFailed). Returns the version id and counts of devices and sites.
    """
    from geo.ingest import read_source

    src, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    sites = set(store.points("lokasi")["id"].astype(str))
    if not sites:
        raise FileRefused("inv_belum_ada_lokasi")
    stored = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    inv = read_inventory(src, file_name=name, known_sites=sites,
                         known_devices=set(stored.loc[stored[JENIS].notna(), ALAT_ID]))
    summary = {"alat": int(inv.alat[ALAT_ID].nunique()), "lokasi": int(inv.lokasi[LOKASI_ID].nunique()),
               "baris_alat": len(inv.alat), "baris_lokasi": len(inv.lokasi)}
    dates = pd.concat([inv.alat[TANGGAL_MULAI], inv.lokasi[TANGGAL_MULAI]])
    version = store.add_version(
        "inventaris", [(alat_table, _records(inv.alat)), (lokasi_table, _records(inv.lokasi))], user=user,
        file_name=name, file_hash=digest, tanggal=dates.max() if len(dates) else None, report=summary, force=force)
    return Imported(version, len(inv.alat) + len(inv.lokasi), summary)


def import_blank_stock(store: Store, source, user: str = "cli", *, file_name: str | None = None,
                       force: bool = False) -> Imported:
    """Read a blank-card stock file and store it as one version (kind 'blangko'). Raises as ``import_inventory``."""
    from geo.ingest import read_source

    src, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    entries = read_blank_stock(src, file_name=name)
    summary = {"entri": len(entries), "diterima": int(entries[DITERIMA].sum()), "dipakai": int(entries[DIPAKAI].sum())}
    version = store.add_version("blangko", [(blangko_table, _records(entries))], user=user, file_name=name,
                             file_hash=digest, tanggal=entries[Col.TANGGAL].max(), report=summary, force=force)
    return Imported(version, len(entries), summary)


def load_demo_inventory(store: Store, demo_dir: Path = DEMO_DIR, user: str = "demo") -> list[int]:
    """Import the demo's ``perangkat.csv`` and ``blangko.csv`` (after its sites); returns the version ids."""
    return [import_inventory(store, Path(demo_dir) / "perangkat.csv", user=user, force=True).version_id,
            import_blank_stock(store, Path(demo_dir) / "blangko.csv", user=user, force=True).version_id]


# --- templates -------------------------------------------------------------------------------
def inventory_template(store: Store, *, within: str | None = None) -> pd.DataFrame:
    """The inventory as a file to edit: INVENTORY_COLUMNS plus NAMA_LOKASI and Col.KODE as help.

    Holds every current row (site rows first, then each device's history) of the sites
    in ``within``; append a dated row to record a change. Sites the inventory does not
    know yet get a site row with the sites layer's ``koneksi`` and one device row per
    ``alat_total`` (ids ``<site>-A1`` …), with ``tanggal_mulai`` left for you to fill in.
    """
    points = store.points("lokasi", within=within)
    names, codes = dict(zip(points["id"], points[Col.NAMA])), dict(zip(points["id"], points[Col.KODE]))
    alat = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    lokasi = store.read_current(lokasi_table, [LOKASI_ID, TANGGAL_MULAI])
    rows = []
    for p in points.to_dict("records"):
        site, atribut = str(p["id"]), p["atribut"]
        site_rows = lokasi[lokasi[LOKASI_ID] == site].sort_values(TANGGAL_MULAI)
        device_rows = alat[alat[LOKASI_ID] == site].sort_values([ALAT_ID, TANGGAL_MULAI])
        if len(site_rows) == 0 and len(device_rows) == 0:
            kind = "mobile" if atribut.get("jenis") == "mobile" else "statis"
            total = _parse_count(_text(atribut.get(ALAT_TOTAL))) or 0
            rows.append({LOKASI_ID: site, KONEKSI: _choice(_text(atribut.get(KONEKSI)), KONEKSI_VALUES)})
            rows += [{LOKASI_ID: site, ALAT_ID: f"{site}-A{i + 1}", JENIS: kind, STATUS: "aktif"} for i in range(total)]
            continue
        rows += [{LOKASI_ID: site, **r} for r in site_rows.drop(columns=LOKASI_ID).to_dict("records")]
        rows += [{LOKASI_ID: site, **r} for r in device_rows.drop(columns=LOKASI_ID).to_dict("records")]
    out = pd.DataFrame(rows, columns=INVENTORY_COLUMNS)
    out[OPERATOR] = out[OPERATOR].astype("Int64")
    out[NAMA_LOKASI] = out[LOKASI_ID].map(names)
    out[Col.KODE] = out[LOKASI_ID].map(codes)
    return out


def blank_stock_template(store: Store | None = None, *, within: str | None = None) -> pd.DataFrame:
    """BLANK_COLUMNS: the current entries within ``within`` (empty without a store), to append to."""
    if store is None:
        return pd.DataFrame(columns=BLANK_COLUMNS)
    return blank_ledger(store, within=within)[BLANK_COLUMNS]


# --- state at a date -------------------------------------------------------------------------
def _as_of(date: str | None, store: Store, within: str | None) -> str:
    """The reference day: ``date``, else the newest snapshot, else today."""
    if date:
        return date
    dates = store.snapshot_dates(within)
    return dates[-1] if dates else date_type.today().isoformat()


def _sites(store: Store, within: str | None) -> pd.DataFrame:
    points = store.points("lokasi", within=within)
    return pd.DataFrame({
        LOKASI_ID: points["id"].astype(str).to_numpy(),
        NAMA_LOKASI: points[Col.NAMA].to_numpy(),
        Col.KODE: points[Col.KODE].to_numpy(),
        KODE_KEC: [ancestor_code(k, Level.KECAMATAN) if k.count(".") >= 2 else None for k in points[Col.KODE]],
        "_koneksi_titik": [_choice(_text(a.get(KONEKSI)), KONEKSI_VALUES) for a in points["atribut"]],
    })


def device_status(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Every device's state at ``date`` (default: the newest snapshot), at sites in ``within``.

    Returns ALAT_ID, LOKASI_ID, NAMA_LOKASI, Col.KODE (the site's area), KODE_KEC, JENIS,
    STATUS, SEJAK (first day of the current working or not-working spell: ``rusak`` then
    ``perbaikan`` is one spell), HARI (days from SEJAK to ``date``), KETERANGAN (of the
    newest row). Devices not yet in service on ``date`` or written off are left out.
    """
    day = _as_of(date, store, within)
    rows = store.read_current(alat_table, [ALAT_ID, TANGGAL_MULAI])
    rows = rows[rows[TANGGAL_MULAI] <= day].sort_values([ALAT_ID, TANGGAL_MULAI], ignore_index=True)
    cols = [ALAT_ID, LOKASI_ID, NAMA_LOKASI, Col.KODE, KODE_KEC, JENIS, STATUS, SEJAK, HARI, KETERANGAN]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    rows[JENIS] = rows.groupby(ALAT_ID)[JENIS].ffill()
    working = rows[STATUS].eq("aktif")
    spell = (working != working.groupby(rows[ALAT_ID]).shift()).astype(int).groupby(rows[ALAT_ID]).cumsum()
    rows["_spell"] = spell
    last = rows.groupby(ALAT_ID).tail(1).set_index(ALAT_ID)
    starts = rows.groupby([ALAT_ID, "_spell"])[TANGGAL_MULAI].min()
    last[SEJAK] = [starts[(a, s)] for a, s in zip(last.index, last["_spell"])]
    last[HARI] = [(date_type.fromisoformat(day) - date_type.fromisoformat(s)).days for s in last[SEJAK]]
    out = last.reset_index().merge(_sites(store, within), on=LOKASI_ID, how="inner", validate="many_to_one")
    out = out[out[STATUS] != "dihapus"]
    return out[cols].sort_values([LOKASI_ID, ALAT_ID], ignore_index=True)


def site_status(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Every recording site in ``within`` at ``date``: LOKASI_ID, NAMA_LOKASI, Col.KODE, KODE_KEC,
    OPERATOR (Int64; <NA> when the inventory has no row for it yet) and KONEKSI (the sites
    layer's value when the inventory has none)."""
    day = _as_of(date, store, within)
    sites = _sites(store, within)
    rows = store.read_current(lokasi_table, [LOKASI_ID, TANGGAL_MULAI])
    rows = rows[rows[TANGGAL_MULAI] <= day].sort_values([LOKASI_ID, TANGGAL_MULAI])
    rows[[OPERATOR, KONEKSI]] = rows.groupby(LOKASI_ID)[[OPERATOR, KONEKSI]].ffill()
    last = rows.groupby(LOKASI_ID).tail(1).set_index(LOKASI_ID)
    out = sites.copy()
    out[OPERATOR] = out[LOKASI_ID].map(last[OPERATOR]).astype("Int64")
    stated = last[KONEKSI].dropna().to_dict()
    out[KONEKSI] = pd.Series([stated.get(i, t) for i, t in zip(out[LOKASI_ID], out["_koneksi_titik"])],
                             index=out.index, dtype=object)
    out["_di_inventaris"] = out[LOKASI_ID].isin(last.index)
    return out.drop(columns="_koneksi_titik")


# --- capacity --------------------------------------------------------------------------------
def _days(belum, effective, rate) -> float:
    """Service days to record ``belum`` with ``effective`` devices at ``rate`` each (inf without device)."""
    if belum is None or pd.isna(belum):
        return math.nan
    if belum <= 0:
        return 0.0
    return math.inf if effective <= 0 else float(belum) / (rate * effective)


def _effective(aktif: int, operator) -> int:
    return int(aktif) if operator is None or pd.isna(operator) else int(min(aktif, operator))


def capacity_table(store: Store, within: str, *, date: str | None = None,
                   throughput: float = DEFAULT_THROUGHPUT) -> pd.DataFrame:
    """Recording capacity of every kecamatan in ``within`` at ``date`` (default: the newest snapshot).

    Returns CAPACITY_COLUMNS, one row per kecamatan (by code): device counts (recording
    devices only), OPERATOR (Int64, <NA> unknown), ALAT_EFEKTIF, KONEKSI (the worst of its
    sites), Col.BELUM (Int64, from the newest enrollment on or before ``date``),
    BELUM_PER_ALAT (belum per working device; inf with none), LAJU_PER_ALAT (= throughput),
    KAPASITAS (recordings per day), HARI_BACKLOG (service days; inf with no working device,
    NaN without figures or inventory), TANPA_ALAT_SEJAK / HARI_TANPA_ALAT (since when and
    for how many days every device has been down), DATA_ALAT, Col.TANGGAL (of the figures).
    Raises RekamError for a bad code or throughput.
    """
    within = check_code(within)
    rate = check_throughput(throughput)
    day = _as_of(date, store, within)
    cov = coverage_table(store, Level.KECAMATAN, within=within, date=day)
    out = cov[[Col.KODE, Col.NAMA, Col.BELUM, Col.TANGGAL]].copy()
    devices = device_status(store, within=within, date=day)
    devices = devices[devices[JENIS].isin(RECORDING_KINDS)]
    sites = site_status(store, within=within, date=day)
    known = set(sites.loc[sites["_di_inventaris"], KODE_KEC]) | set(devices[KODE_KEC])
    by_kec = devices.assign(_aktif=devices[STATUS].eq("aktif"),
                            _mobile=devices[STATUS].eq("aktif") & devices[JENIS].eq("mobile")).groupby(KODE_KEC)
    out[ALAT_TOTAL] = out[Col.KODE].map(by_kec.size()).fillna(0).astype(int)
    out[ALAT_AKTIF] = out[Col.KODE].map(by_kec["_aktif"].sum()).fillna(0).astype(int)
    out[ALAT_MOBILE_AKTIF] = out[Col.KODE].map(by_kec["_mobile"].sum()).fillna(0).astype(int)
    operators = sites.groupby(KODE_KEC)[OPERATOR].sum(min_count=1)
    out[OPERATOR] = out[Col.KODE].map(operators).astype("Int64")
    worst = sites.dropna(subset=[KONEKSI]).assign(_r=lambda f: f[KONEKSI].map(KONEKSI_RANK))
    worst = worst.sort_values("_r").groupby(KODE_KEC)[KONEKSI].last()
    out[KONEKSI] = out[Col.KODE].map(worst)
    out[DATA_ALAT] = out[Col.KODE].isin(known)
    out[ALAT_EFEKTIF] = [_effective(a, o) for a, o in zip(out[ALAT_AKTIF], out[OPERATOR])]
    out[LAJU_PER_ALAT] = rate
    out[KAPASITAS] = rate * out[ALAT_EFEKTIF]
    belum = [None if pd.isna(b) else int(b) for b in out[Col.BELUM]]
    known_rows = out[DATA_ALAT].tolist()
    out[BELUM_PER_ALAT] = [_days(b, a, 1.0) if k else math.nan for b, a, k in zip(belum, out[ALAT_AKTIF], known_rows)]
    out[HARI_BACKLOG] = [_days(b, e, rate) if k else math.nan for b, e, k in zip(belum, out[ALAT_EFEKTIF], known_rows)]
    down_since = devices[devices[STATUS] != "aktif"].groupby(KODE_KEC)[SEJAK].max()
    none_working = (out[ALAT_TOTAL] > 0) & (out[ALAT_AKTIF] == 0)
    out[TANPA_ALAT_SEJAK] = pd.Series([down_since.get(k) if nw else None for k, nw in zip(out[Col.KODE], none_working)],
                                      index=out.index, dtype=object)
    out[HARI_TANPA_ALAT] = pd.array(
        [(date_type.fromisoformat(day) - date_type.fromisoformat(s)).days if isinstance(s, str) else None
         for s in out[TANPA_ALAT_SEJAK]], dtype="Int64")
    return out[CAPACITY_COLUMNS].sort_values(Col.KODE, ignore_index=True)


def sites_down(store: Store, within: str, *, date: str | None = None) -> pd.DataFrame:
    """Devices not working at ``date`` (``rusak`` or ``perbaikan``), the longest-down first.

    Returns ALAT_ID, LOKASI_ID, NAMA_LOKASI, KODE_KEC, NAMA_KEC, JENIS, STATUS, SEJAK,
    HARI (days down), KETERANGAN, LOKASI_LUMPUH (the site has no working recording device).
    """
    within = check_code(within)
    devices = device_status(store, within=within, date=date)
    names = store.areas(within=within, level=Level.KECAMATAN)
    recording = devices[devices[JENIS].isin(RECORDING_KINDS)]
    working_sites = set(recording.loc[recording[STATUS] == "aktif", LOKASI_ID])
    down = devices[devices[STATUS].isin(DOWN)].copy()
    down[NAMA_KEC] = down[KODE_KEC].map(dict(zip(names[Col.KODE], names[Col.NAMA])))
    down[LOKASI_LUMPUH] = ~down[LOKASI_ID].isin(working_sites)
    cols = [ALAT_ID, LOKASI_ID, NAMA_LOKASI, KODE_KEC, NAMA_KEC, JENIS, STATUS, SEJAK, HARI, KETERANGAN, LOKASI_LUMPUH]
    return down[cols].sort_values([HARI, ALAT_ID], ascending=[False, True], ignore_index=True)


def overall_backlog_days(table: pd.DataFrame) -> float:
    """Backlog days of all kecamatan together: summed belum / (rate × summed working devices).

    Counts are summed first (never an average of the areas' days); only kecamatan with
    figures and inventory count. inf when none of them has a working device; NaN when none counts.
    """
    have = table[table[DATA_ALAT] & table[Col.BELUM].notna()]
    if have.empty:
        return math.nan
    return _days(int(have[Col.BELUM].sum()), int(have[ALAT_EFEKTIF].sum()), float(have[LAJU_PER_ALAT].iloc[0]))


def capacity_summary(table: pd.DataFrame) -> dict:
    """Totals of ``capacity_table`` over its kecamatan: ALAT_TOTAL, ALAT_AKTIF, OPERATOR (None when
    unknown everywhere), Col.BELUM, HARI_BACKLOG (``overall_backlog_days``) and the longest backlog
    (``maks_hari``, with ``maks_kode`` / ``maks_nama``)."""
    have = table[table[DATA_ALAT] & table[HARI_BACKLOG].notna()]
    top = have.sort_values([HARI_BACKLOG, Col.BELUM], ascending=False).head(1)
    operators = table[OPERATOR].sum(min_count=1)
    return {ALAT_TOTAL: int(table[ALAT_TOTAL].sum()), ALAT_AKTIF: int(table[ALAT_AKTIF].sum()),
            OPERATOR: None if pd.isna(operators) else int(operators),
            Col.BELUM: int(table[Col.BELUM].sum()) if table[Col.BELUM].notna().any() else None,
            HARI_BACKLOG: overall_backlog_days(table),
            "maks_hari": float(top[HARI_BACKLOG].iloc[0]) if len(top) else math.nan,
            "maks_kode": top[Col.KODE].iloc[0] if len(top) else None,
            "maks_nama": top[Col.NAMA].iloc[0] if len(top) else None}


@dataclass
class Allocation:
    """Where new units go. ``steps``: one row per unit (``urutan``, Col.KODE, Col.NAMA,
    ``hari_sebelum``, ``hari_sesudah`` of that kecamatan, ``operator_baru`` (1 when the new
    device also needs a new operator, 0 when an idle operator takes it, <NA> unknown),
    ``maks_sebelum``, ``maks_sesudah`` (the longest backlog of all before/after the unit)).
    ``areas``: the capacity table with ``tambahan`` (units received) and ``hari_sesudah``."""

    steps: pd.DataFrame
    areas: pd.DataFrame
    max_before: float
    max_after: float
    unused: int
    unit: str




def allocate_devices(table: pd.DataFrame, n: int, *, unit: str = "alat") -> Allocation:
    """Place ``n`` new devices (``unit='alat'``) or operators so that the longest backlog is smallest.

    Takes ``capacity_table``'s frame. Only kecamatan with inventory and figures take part.
    A new device raises a kecamatan's working devices by one (an idle operator runs it,
    else it comes with a new operator: ``operator_baru``). A new operator helps only where
    working devices stand idle for want of one; where no unit helps, it is not placed (``unused``).

    Rule: give each unit, in turn, to the kecamatan with the longest backlog that the unit
    shortens (ties: more belum rekam, then code). Why this is optimal for the longest
    backlog: let M* be the best achievable maximum with n units and r_i the fewest units
    that bring area i to M* or below (Σ r_i ≤ n, since the optimum does it). An area's days
    never rise with more units, and once a unit stops helping it no later one helps. While
    some area that units still help is above M*, the area chosen is above M*, so it has
    had fewer than r_i units; each such step uses one of the Σ r_i ≤ n, so within n
    steps every such area is at most M*; areas no unit helps are at their floor, which the
    optimum cannot beat either. Hence the greedy maximum is at most M*.
    """
    if unit not in ALLOCATION_UNITS:
        raise RekamError("kap_unit_salah", unit=unit)
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0:
        raise RekamError("kap_jumlah_salah", nilai=n)
    areas = table.copy().reset_index(drop=True)
    take = (areas[DATA_ALAT] & areas[Col.BELUM].notna()).to_numpy()
    belum = [int(b) if t else 0 for b, t in zip(areas[Col.BELUM].fillna(0), take)]
    aktif = [int(a) for a in areas[ALAT_AKTIF]]
    ops = [None if pd.isna(o) else int(o) for o in areas[OPERATOR]]
    rates = [float(r) for r in areas[LAJU_PER_ALAT]]
    added = [0] * len(areas)
    new_ops: list[int | None] = [0 if o is not None else None for o in ops]

    def days(i: int) -> float:
        return _days(belum[i], _effective(aktif[i], ops[i]), rates[i])

    def helps(i: int) -> bool:
        if not take[i] or belum[i] <= 0:
            return False
        return unit == "alat" or (ops[i] is not None and aktif[i] > ops[i])

    def longest() -> float:
        values = [days(i) for i in range(len(areas)) if take[i]]
        return max(values) if values else math.nan

    max_before = longest()
    steps = []
    for k in range(int(n)):
        candidates = [i for i in range(len(areas)) if helps(i)]
        if not candidates:
            break
        i = max(candidates, key=lambda j: (days(j), belum[j], [-ord(c) for c in areas.at[j, Col.KODE]]))
        before, top_before = days(i), longest()
        extra_operator = None
        if unit == "alat":
            if ops[i] is not None:
                extra_operator = 0 if ops[i] > aktif[i] else 1
                ops[i] += extra_operator
                new_ops[i] += extra_operator
            aktif[i] += 1
        else:
            ops[i] += 1
        added[i] += 1
        steps.append({"urutan": k + 1, Col.KODE: areas.at[i, Col.KODE], Col.NAMA: areas.at[i, Col.NAMA],
                      "hari_sebelum": before, "hari_sesudah": days(i), "operator_baru": extra_operator,
                      "maks_sebelum": top_before, "maks_sesudah": longest()})
    step_cols = ["urutan", Col.KODE, Col.NAMA, "hari_sebelum", "hari_sesudah", "operator_baru", "maks_sebelum",
                 "maks_sesudah"]
    steps_frame = pd.DataFrame(steps, columns=step_cols)
    steps_frame["operator_baru"] = steps_frame["operator_baru"].astype("Int64")
    areas["tambahan"] = added
    areas["operator_baru"] = pd.array(new_ops if unit == "alat" else [0] * len(areas), dtype="Int64")
    areas["hari_sesudah"] = [days(i) if take[i] else math.nan for i in range(len(areas))]
    return Allocation(steps_frame, areas, max_before, longest(), int(n) - len(steps), unit)


def lenders(table: pd.DataFrame) -> pd.DataFrame:
    """Kecamatan that can lend a working mobile set (device with its operator) for a while.

    A kecamatan can lend when it has a working mobile device, keeps at least one working
    device, and its backlog after lending stays at or below the kabupaten's overall
    backlog days (``overall_backlog_days``). The suggested borrower is the kecamatan with
    the longest backlog (other than the lender). Returns Col.KODE, Col.NAMA,
    ALAT_MOBILE_AKTIF, HARI_BACKLOG, ``hari_setelah_pinjam``, ``batas_hari``,
    ``tujuan_kode``, ``tujuan_nama``, ``tujuan_hari_sesudah``; lowest after-days first.
    """
    limit = overall_backlog_days(table)
    cols = [Col.KODE, Col.NAMA, ALAT_MOBILE_AKTIF, HARI_BACKLOG, "hari_setelah_pinjam", "batas_hari", "tujuan_kode",
            "tujuan_nama", "tujuan_hari_sesudah"]
    rows = []
    for i, r in table.reset_index(drop=True).iterrows():
        if not (r[DATA_ALAT] and pd.notna(r[Col.BELUM]) and r[ALAT_MOBILE_AKTIF] >= 1):
            continue
        op = None if pd.isna(r[OPERATOR]) else max(int(r[OPERATOR]) - 1, 0)
        left = _effective(int(r[ALAT_AKTIF]) - 1, op)
        after = _days(int(r[Col.BELUM]), left, float(r[LAJU_PER_ALAT]))
        if left < 1 or not after <= limit:
            continue
        others = table.drop(index=table.index[i])
        plan = allocate_devices(others, 1)
        target = plan.steps.iloc[0] if len(plan.steps) else None
        rows.append({Col.KODE: r[Col.KODE], Col.NAMA: r[Col.NAMA], ALAT_MOBILE_AKTIF: int(r[ALAT_MOBILE_AKTIF]),
                     HARI_BACKLOG: r[HARI_BACKLOG], "hari_setelah_pinjam": after, "batas_hari": limit,
                     "tujuan_kode": None if target is None else target[Col.KODE],
                     "tujuan_nama": None if target is None else target[Col.NAMA],
                     "tujuan_hari_sesudah": math.nan if target is None else target["hari_sesudah"]})
    return pd.DataFrame(rows, columns=cols).sort_values("hari_setelah_pinjam", ignore_index=True)


# --- the card pipeline -----------------------------------------------------------------------
def card_funnel(store: Store, within: str, *, date: str | None = None,
                level: Level | str = Level.KECAMATAN) -> pd.DataFrame:
    """Recorded → print-ready → printed per area at ``level`` in ``within`` at ``date``.

    Returns Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES (recorded but
    neither PRR nor printed), PERSEN_CETAK (percent of sudah_rekam), Col.TANGGAL.
    Counts are <NA> where the figures lack them.
    """
    within = check_code(within)
    table = coverage_table(store, level, within=within, date=date)
    out = table[[Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, Col.TANGGAL]].copy()
    _add_funnel(out)
    return out[[Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, PERSEN_CETAK, Col.TANGGAL]]


def _add_funnel(frame: pd.DataFrame) -> None:
    frame[DIPROSES] = (frame[Col.SUDAH] - frame[Col.PRR] - frame[Col.CETAK]).astype("Int64")
    sudah = frame[Col.SUDAH].astype("Float64")
    frame[PERSEN_CETAK] = (100.0 * frame[Col.CETAK].astype("Float64") / sudah.where(sudah > 0)).astype("float64")


def card_totals(store: Store, kode: str, *, date: str | None = None) -> dict:
    """The funnel of one area: Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, PERSEN_CETAK, Col.TANGGAL (None if missing)."""
    totals = area_totals(store, check_code(kode), date=date)
    frame = pd.DataFrame([{c: totals.get(c) for c in (Col.SUDAH, Col.PRR, Col.CETAK, Col.TANGGAL)}])
    for c in (Col.SUDAH, Col.PRR, Col.CETAK):
        frame[c] = frame[c].astype("Int64")
    _add_funnel(frame)
    record = frame.iloc[0].to_dict()
    return {k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
            for k, v in record.items()}


def card_history(store: Store, within: str, *, end: str | None = None) -> pd.DataFrame:
    """The card pipeline of ``within`` on every snapshot date up to ``end``.

    On each date every stored row's newest value on or before it is carried forward and
    summed (``coverage.aggregate``), so a late desa does not read as a drop. Returns
    Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, ``hari`` (days since the previous
    date), ``cetak_baru`` (cards printed since the previous date) and ``cetak_per_minggu``.
    """
    from geo.coverage import aggregate

    within = check_code(within)
    rows = store.enrollment(within=within, end=end)
    cols = [Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, "hari", "cetak_baru", CETAK_PER_MINGGU]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    dates = sorted(rows[Col.TANGGAL].unique())
    # Row number of every code's newest row on or before each date, carried forward.
    rows = rows.reset_index(drop=True)
    position = (rows.reset_index().pivot(index=Col.TANGGAL, columns=Col.KODE, values="index")
                .reindex(dates).ffill().stack().dropna())
    asof = rows.loc[position.astype(int).to_numpy()].reset_index(drop=True)
    day_index = {d: i for i, d in enumerate(dates)}
    asof["_i"] = [day_index[d] for d in position.index.get_level_values(0)]
    # aggregate() sums by code prefix: tagging the first segment with the date index (99 → 99@5)
    # sums every date in one call.
    head, dot, rest = (asof[Col.KODE].str.partition(".")[n] for n in range(3))
    asof[Col.KODE] = head + "@" + asof["_i"].astype(str) + dot + rest
    summed = aggregate(asof.drop(columns="_i"), Level.of_code(within))
    head, tag = (summed[Col.KODE].str.partition("@")[n] for n in (0, 2))
    i, dot, rest = (tag.str.partition(".")[n] for n in range(3))
    summed = summed[(head + dot + rest) == within]
    records = [{Col.TANGGAL: dates[int(k)], Col.SUDAH: s[Col.SUDAH], Col.PRR: s[Col.PRR], Col.CETAK: s[Col.CETAK]}
               for k, (_, s) in zip(i[summed.index], summed.iterrows())]
    out = pd.DataFrame(records, columns=[Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK])
    out = out.sort_values(Col.TANGGAL, ignore_index=True)
    for c in (Col.SUDAH, Col.PRR, Col.CETAK):
        out[c] = out[c].astype("Int64")
    _add_funnel(out)
    days = pd.to_datetime(out[Col.TANGGAL]).diff().dt.days
    out["hari"] = days.astype("Int64")
    out["cetak_baru"] = out[Col.CETAK].diff().astype("Int64")
    out[CETAK_PER_MINGGU] = (out["cetak_baru"].astype("Float64") * 7 / days.where(days > 0)).astype("float64")
    return out[cols]


def printing_rate(history: pd.DataFrame, *, date: str | None = None,
                  window_days: int = DEFAULT_RATE_WINDOW_DAYS) -> tuple[float, str | None, str | None]:
    """Cards printed per day over the ``window_days`` before ``date`` (default: the last date).

    From ``card_history``: (Δ sudah_cetak / Δ days between the newest snapshot on or before
    ``date`` and the newest on or before ``date − window_days``, start date, end date);
    (NaN, None, None) without two usable snapshots.
    """
    have = history[history[Col.CETAK].notna()]
    if date:
        have = have[have[Col.TANGGAL] <= date]
    if len(have) < 2:
        return math.nan, None, None
    end = have.iloc[-1]
    cutoff = (date_type.fromisoformat(end[Col.TANGGAL]) - timedelta(days=int(window_days))).isoformat()
    earlier = have[have[Col.TANGGAL] <= cutoff]
    start = earlier.iloc[-1] if len(earlier) else have.iloc[0]
    span = (date_type.fromisoformat(end[Col.TANGGAL]) - date_type.fromisoformat(start[Col.TANGGAL])).days
    if span <= 0:
        return math.nan, None, None
    return float(end[Col.CETAK] - start[Col.CETAK]) / span, start[Col.TANGGAL], end[Col.TANGGAL]


def blank_ledger(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Blank-card entries of areas in ``within`` up to ``date`` with the running stock.

    Returns BLANK_COLUMNS plus STOK (stock after the entry, summed over the areas), by date.
    """
    rows = store.read_current(blangko_table, [Col.KODE, Col.TANGGAL])
    if within:
        within = check_code(within)
        rows = rows[(rows[Col.KODE] == within) | rows[Col.KODE].str.startswith(within + ".")]
    if date:
        rows = rows[rows[Col.TANGGAL] <= date]
    rows = rows.sort_values([Col.TANGGAL, Col.KODE], ignore_index=True)
    for c in (DITERIMA, DIPAKAI):
        rows[c] = rows[c].fillna(0).astype("Int64")
    rows[STOK] = (rows[DITERIMA] - rows[DIPAKAI]).cumsum().astype("Int64")
    return rows[[*BLANK_COLUMNS, STOK]]


def blank_projection(store: Store, within: str, *, date: str | None = None,
                     window_days: int = DEFAULT_RATE_WINDOW_DAYS) -> dict:
    """When do blank cards run out in ``within`` at the current printing rate?

    Stock is known at the last ledger entry on or before ``date`` (``tanggal_stok``,
    ``stok``). Cards printed since then (from the enrollment history) are taken off to get
    ``stok_perkiraan`` on ``tanggal`` (the newest snapshot on or before ``date``). At
    ``laju_cetak_per_hari`` (``printing_rate`` over ``window_days``) it lasts
    ``hari_tersisa`` days and runs out on ``tanggal_habis`` (``tanggal`` + whole days; the
    day it ran out when the stock is already gone). ``prr`` cards wait to be printed;
    ``kurang`` = blanks missing to print them all now. Values are None when unknown.
    """
    within = check_code(within)
    history = card_history(store, within, end=date)
    ledger = blank_ledger(store, within=within, date=date)
    rate, rate_start, rate_end = printing_rate(history, date=date, window_days=window_days)
    out = {"tanggal_stok": None, "stok": None, "tanggal": rate_end, "dicetak_sejak_stok": None,
           "stok_perkiraan": None, "laju_cetak_per_hari": None if math.isnan(rate) else rate,
           "jendela_awal": rate_start, "hari_tersisa": None, "tanggal_habis": None, "prr": None, "kurang": None}
    if len(history):
        last = history[history[Col.TANGGAL] <= date] if date else history
        if len(last):
            out["tanggal"] = last.iloc[-1][Col.TANGGAL]
            prr = last.iloc[-1][Col.PRR]
            out["prr"] = None if pd.isna(prr) else int(prr)
    if ledger.empty:
        return out
    out["tanggal_stok"], out["stok"] = ledger.iloc[-1][Col.TANGGAL], int(ledger.iloc[-1][STOK])
    stock, when = out["stok"], out["tanggal_stok"]
    if out["tanggal"] and out["tanggal"] > when:
        printed = _cetak_between(history, when, out["tanggal"])
        if printed is not None:
            out["dicetak_sejak_stok"] = printed
            stock, when = max(out["stok"] - printed, 0), out["tanggal"]
    out["stok_perkiraan"] = stock
    if out["prr"] is not None:
        out["kurang"] = max(out["prr"] - stock, 0)
    if out["laju_cetak_per_hari"] is None:
        return out
    if stock == 0:
        out["hari_tersisa"] = 0.0
        run_out = _run_out_day(ledger, history)
        out["tanggal_habis"] = run_out or when
    elif rate > 0:
        out["hari_tersisa"] = stock / rate
        out["tanggal_habis"] = (date_type.fromisoformat(when) + timedelta(days=int(stock // rate))).isoformat()
    else:
        out["hari_tersisa"] = math.inf
    return out


def _cetak_at(history: pd.DataFrame, day: str):
    have = history[(history[Col.TANGGAL] <= day) & history[Col.CETAK].notna()]
    return None if have.empty else int(have.iloc[-1][Col.CETAK])


def _cetak_between(history: pd.DataFrame, start: str, end: str) -> int | None:
    a, b = _cetak_at(history, start), _cetak_at(history, end)
    return None if a is None or b is None else b - a


def _run_out_day(ledger: pd.DataFrame, history: pd.DataFrame) -> str | None:
    """The first snapshot after the last entry on which printing used up the recorded stock."""
    last = ledger.iloc[-1]
    later = history[history[Col.TANGGAL] > last[Col.TANGGAL]]
    for day in later[Col.TANGGAL]:
        used = _cetak_between(history, last[Col.TANGGAL], day)
        if used is not None and used >= int(last[STOK]):
            return day
    return None


# --- text for people (pages and CLI) ---------------------------------------------------------
def days_text(value, lang: str = "id", decimals: int = 1) -> str:
    """Backlog days as text: ``84,1``; ``∞ (tanpa alat)`` for inf; ``–`` when unknown."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return tr("kap_tak_hingga", lang)
    return fmt.number(value, decimals, lang)


def _word(prefix: str, value, lang: str) -> str:
    return tr(f"{prefix}_{value}", lang) if isinstance(value, str) and value else "–"


def capacity_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The capacity table for people (text, localised headers), longest backlog first."""
    order = table.assign(_d=table[HARI_BACKLOG].fillna(-1)).sort_values(["_d", Col.KODE], ascending=[False, True])
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): order[Col.KODE],
        t("kkap_nama"): order[Col.NAMA],
        t("kkap_alat"): [tr("kkap_alat_isi", lang, aktif=a, total=n)
                         for a, n in zip(order[ALAT_AKTIF], order[ALAT_TOTAL])],
        t("kkap_operator"): [fmt.number(None if pd.isna(o) else o, lang=lang) for o in order[OPERATOR]],
        t("kkap_koneksi"): [_word("kap_koneksi", k, lang) for k in order[KONEKSI]],
        t("kkap_belum"): [fmt.number(None if pd.isna(b) else b, lang=lang) for b in order[Col.BELUM]],
        t("kkap_belum_per_alat"): [days_text(v, lang, 0) for v in order[BELUM_PER_ALAT]],
        t("kkap_hari"): [days_text(v, lang) for v in order[HARI_BACKLOG]],
    }).reset_index(drop=True)


def sites_down_view(down: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Devices down, for people: site, kecamatan, device, kind, status, since, days, note."""
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_lokasi"): down[NAMA_LOKASI],
        t("kkap_nama"): down[NAMA_KEC],
        t("kkap_alat_id"): down[ALAT_ID],
        t("kkap_jenis"): [_word("kap_jenis", j, lang) for j in down[JENIS]],
        t("kkap_status"): [_word("kap_status", s, lang) for s in down[STATUS]],
        t("kkap_sejak"): [fmt.long_date(s, lang) for s in down[SEJAK]],
        t("kkap_lama"): [fmt.number(h, lang=lang) for h in down[HARI]],
        t("kkap_keterangan"): down[KETERANGAN].fillna("").astype(str),
    })


def allocation_view(plan: Allocation, lang: str = "id") -> pd.DataFrame:
    """One row per new unit, for people: which kecamatan, its backlog days before → after."""
    t = lambda k: tr(k, lang)  # noqa: E731
    s = plan.steps
    view = pd.DataFrame({
        t("kkap_urutan" if plan.unit == "alat" else "kkap_urutan_operator"): s["urutan"].astype(str),
        t("kkap_kode"): s[Col.KODE],
        t("kkap_nama"): s[Col.NAMA],
        t("kkap_sebelum"): [days_text(v, lang) for v in s["hari_sebelum"]],
        t("kkap_sesudah"): [days_text(v, lang) for v in s["hari_sesudah"]],
    })
    if plan.unit == "alat":
        view[t("kkap_operator_baru")] = ["–" if pd.isna(o) else t("kap_ya" if o else "kap_tidak")
                                         for o in s["operator_baru"]]
    return view


def lenders_view(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): frame[Col.KODE],
        t("kkap_nama"): frame[Col.NAMA],
        t("kkap_mobile"): frame[ALAT_MOBILE_AKTIF].astype(str),
        t("kkap_hari"): [days_text(v, lang) for v in frame[HARI_BACKLOG]],
        t("kkap_hari_pinjam"): [days_text(v, lang) for v in frame["hari_setelah_pinjam"]],
        t("kkap_batas"): [days_text(v, lang) for v in frame["batas_hari"]],
        t("kkap_tujuan"): [f"{n} ({k})" if k else "–" for k, n in zip(frame["tujuan_kode"], frame["tujuan_nama"])],
        t("kkap_tujuan_hari"): [days_text(v, lang) for v in frame["tujuan_hari_sesudah"]],
    })


def funnel_view(funnel: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    t = lambda k: tr(k, lang)  # noqa: E731
    num = lambda v: fmt.number(None if pd.isna(v) else v, lang=lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): funnel[Col.KODE],
        t("kkap_nama"): funnel[Col.NAMA],
        t("kkap_sudah"): [num(v) for v in funnel[Col.SUDAH]],
        t("kkap_prr"): [num(v) for v in funnel[Col.PRR]],
        t("kkap_cetak"): [num(v) for v in funnel[Col.CETAK]],
        t("kkap_diproses"): [num(v) for v in funnel[DIPROSES]],
        t("kkap_persen_cetak"): [fmt.percent(v, 1, lang) for v in funnel[PERSEN_CETAK]],
    }).reset_index(drop=True)


def stuck_messages(table: pd.DataFrame, down: pd.DataFrame, lang: str = "id") -> list[str]:
    """One sentence per kecamatan that cannot record: since when, why, how many wait."""
    out = []
    for r in table.sort_values(Col.KODE).to_dict("records"):
        belum = None if pd.isna(r[Col.BELUM]) else int(r[Col.BELUM])
        if not r[DATA_ALAT] or r[ALAT_EFEKTIF] > 0 or not belum:
            continue
        if r[ALAT_AKTIF] > 0:
            out.append(tr("kap_tanpa_operator", lang, nama=r[Col.NAMA], kode=r[Col.KODE],
                                     alat=r[ALAT_AKTIF]))
            continue
        reasons = " ".join(
            tr("kap_alasan", lang, lokasi=d[NAMA_LOKASI], alat=d[ALAT_ID],
                          status=_word("kap_status", d[STATUS], lang), tanggal=fmt.long_date(d[SEJAK], lang),
                          keterangan=d[KETERANGAN] or "–")
            for d in down[(down[KODE_KEC] == r[Col.KODE]) & down[JENIS].isin(RECORDING_KINDS)].to_dict("records"))
        out.append(tr(
            "kap_macet", lang, nama=r[Col.NAMA], kode=r[Col.KODE], sejak=fmt.long_date(r[TANPA_ALAT_SEJAK], lang),
            hari=fmt.number(r[HARI_TANPA_ALAT], lang=lang) if pd.notna(r[HARI_TANPA_ALAT]) else "–",
            alasan=reasons, belum=fmt.number(belum, lang=lang)))
    return out


def offline_messages(table: pd.DataFrame, lang: str = "id") -> list[str]:
    """One sentence per kecamatan whose sites record offline (figures arrive late)."""
    return [tr("kap_offline", lang, nama=r[Col.NAMA], kode=r[Col.KODE],
                          koneksi=_word("kap_koneksi", r[KONEKSI], lang))
            for r in table.to_dict("records") if r[KONEKSI] == "offline"]

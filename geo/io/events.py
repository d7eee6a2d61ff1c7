"""The events file (peristiwa: a broken device, a network cut, a school campaign) and the
check of one event, shared by a file import (``geo.ingest.events``) and an event typed in
on the Tren page (``geo.events.add_event``).

A file goes through the one tabular reader (``geo.io.tabular.read_table``): the size limit,
the content check and the NIK rule (a NIK-like column refuses the whole file,
'berisi_nik'), as every upload. A NIK written inside a free-text note is not a column, so
``check_event`` refuses it row by row ('peristiwa_keterangan_nik').
"""
from __future__ import annotations

import re

import pandas as pd

from geo.columns import JENIS, KETERANGAN, MULAI, SELESAI
from geo.dates import days_in_text, iso_day, read_day
from geo.io.grids import clean_text
from geo.io.tabular import load_bytes, read_table
from geo.schema import Col, FileRefused, RekamError

EVENT_COLUMNS = (MULAI, SELESAI, Col.KODE, JENIS, KETERANGAN)
REQUIRED_COLUMNS = (MULAI, Col.KODE, JENIS)  # no end date: one day or still going on; no note: none
# The headers offices write for each column (compared as lower-case words joined by "_"), first wins.
HEADER_SYNONYMS = {
    MULAI: ("tanggal_mulai", "tgl_mulai", "mulai", "tanggal", "tgl", "tanggal_awal", "dari_tanggal",
            "tanggal_kejadian", "tgl_kejadian", "tanggal_kegiatan", "tgl_kegiatan"),
    SELESAI: ("tanggal_selesai", "tgl_selesai", "selesai", "tanggal_akhir", "sampai_tanggal", "sampai",
              "s_d", "hingga"),
    Col.KODE: ("kode", "kode_wilayah", "kode_kemendagri", "kd_wilayah", "kode_wil", "kode_desa",
               "kode_kelurahan", "kode_desa_kelurahan", "kode_kecamatan", "kode_kec"),
    JENIS: ("jenis", "jenis_peristiwa", "jenis_kejadian", "jenis_kegiatan", "kejadian", "peristiwa", "kategori"),
    KETERANGAN: ("keterangan", "ket", "catatan", "uraian", "deskripsi", "keterangan_kegiatan"),
}
EVENT_KINDS = ("alat_rusak", "jaringan_putus", "blangko_habis", "kampanye_sekolah", "layanan_akhir_pekan",
               "jemput_bola", "koreksi_data")
# Kind words as offices write them (compared as lower-case words), each kind's own code included.
KIND_WORDS = {
    "alat_rusak": ("alat rusak", "alat perekaman rusak", "perangkat rusak", "kerusakan alat",
                   "kerusakan perangkat", "gangguan alat", "gangguan perangkat", "rusak"),
    "jaringan_putus": ("jaringan putus", "jaringan terputus", "gangguan jaringan", "jaringan down",
                       "gangguan koneksi", "koneksi putus", "koneksi terputus", "internet putus", "offline"),
    "blangko_habis": ("blangko habis", "blanko habis", "kehabisan blangko", "kehabisan blanko",
                      "stok blangko habis", "blangko kosong", "blanko kosong"),
    "kampanye_sekolah": ("kampanye sekolah", "perekaman di sekolah", "perekaman sekolah", "rekam di sekolah",
                         "jemput bola sekolah", "perekaman pemula", "sosialisasi sekolah", "ktp goes to school",
                         "goes to school"),
    "layanan_akhir_pekan": ("layanan akhir pekan", "pelayanan akhir pekan", "layanan sabtu minggu",
                            "pelayanan sabtu minggu", "layanan hari libur", "pelayanan hari libur",
                            "layanan weekend", "buka sabtu minggu"),
    "jemput_bola": ("jemput bola", "jebol", "layanan keliling", "pelayanan keliling", "perekaman keliling",
                    "mobil keliling", "unit keliling", "perekaman jemput bola"),
    "koreksi_data": ("koreksi data", "perbaikan data", "pembersihan data", "koreksi", "data ganda",
                     "penghapusan data ganda"),
}
WEEKEND_SERVICE = "layanan_akhir_pekan"
EVENT_IDENTITY = (Col.KODE, JENIS, MULAI)  # a newer version holding the same three replaces the event
MAX_NOTE_CHARS = 500
_NIK_LIKE = re.compile(r"(?<!\d)\d{16}(?!\d)")  # a resident's NIK must never be stored
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_UNDOTTED = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}


def check_code(kode) -> str:
    """A dotted Kemendagri code from ``36.74.01`` or ``367401``; raises RekamError('tren_kode_salah')."""
    text = str(kode).strip()
    if text.isdigit() and len(text) in _UNDOTTED:
        parts, i = [], 0
        for n in _UNDOTTED[len(text)]:
            parts.append(text[i : i + n])
            i += n
        text = ".".join(parts)
    if not _CODE.match(text):
        raise RekamError("tren_kode_salah", nilai=kode)
    return text


def _words(text) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).split())


_KINDS = {_words(w): kind for kind, words in KIND_WORDS.items() for w in (kind, *words)}


def event_kind(value) -> str | None:
    """The event kind a word names (``Jaringan Putus``, ``gangguan jaringan`` → ``jaringan_putus``),
    or None when it names none (see KIND_WORDS)."""
    return _KINDS.get(_words(value))


def _day(value):
    """A date cell as ``check_event`` reads it; a cell like ``28 September 2026`` becomes ISO text."""
    if read_day(value) is None and isinstance(value, str):
        found = days_in_text(value)
        if len(found) == 1:
            return found[0].isoformat()
    return value


def check_event(kode, jenis, start, end, keterangan, known_codes) -> dict:
    """One event as a row of the events table: Col.KODE (dotted), JENIS, MULAI and SELESAI
    (ISO text; SELESAI None while it goes on), KETERANGAN (spaces collapsed; None if empty).

    ``jenis`` is a kind code or a word offices write for it (``event_kind``); dates as
    ``geo.dates.read_day`` reads them, or written out (``28 September 2026``).
    ``known_codes``: the stored area codes the event may name. Raises RekamError naming the
    first problem: 'peristiwa_wilayah_tidak_ada', 'peristiwa_jenis_salah',
    'peristiwa_tanggal_salah' (no start), 'tanggal_salah' (a date not understood),
    'peristiwa_selesai_sebelum_mulai', 'peristiwa_keterangan_panjang' (over MAX_NOTE_CHARS),
    'peristiwa_keterangan_nik'.
    """
    try:
        kode = check_code(kode)
    except RekamError:
        raise RekamError("peristiwa_wilayah_tidak_ada", nilai=str(kode)[:40]) from None
    if kode not in known_codes:
        raise RekamError("peristiwa_wilayah_tidak_ada", nilai=kode)
    jenis = event_kind(jenis) or str(jenis or "").strip()
    if jenis not in EVENT_KINDS:
        raise RekamError("peristiwa_jenis_salah", nilai=jenis[:40], pilihan=", ".join(EVENT_KINDS))
    start_iso = iso_day(_day(start), field="mulai", required=False)
    if start_iso is None:
        raise RekamError("peristiwa_tanggal_salah", nama="mulai", nilai="")
    end_iso = iso_day(_day(end), field="selesai", required=False)
    if end_iso is not None and end_iso < start_iso:
        raise RekamError("peristiwa_selesai_sebelum_mulai", mulai=start_iso, selesai=end_iso)
    note = " ".join(clean_text(str(keterangan or "")).split())
    if len(note) > MAX_NOTE_CHARS:
        raise RekamError("peristiwa_keterangan_panjang", panjang=len(note), maksimal=MAX_NOTE_CHARS)
    if _NIK_LIKE.search(note.replace(" ", "").replace(".", "")):
        raise RekamError("peristiwa_keterangan_nik")
    return {Col.KODE: kode, JENIS: jenis, MULAI: start_iso, SELESAI: end_iso, KETERANGAN: note or None}


def read_events(source, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """Events from a CSV or XLSX file (a path, bytes or an upload; e.g. data/demo/peristiwa.csv).

    Headers as offices write them (HEADER_SYNONYMS: ``Tanggal``, ``Tgl. Selesai``, ``Kode
    Wilayah``, ``Jenis Kegiatan``, ``Ket.``…); only REQUIRED_COLUMNS must be there.
    Returns EVENT_COLUMNS as text (``""`` when empty or when the file has no such column),
    indexed by each row's number in the file (the header is row 1); other columns are left
    out; ``attrs['kolom']`` says which file column each came from. Raises FileRefused as
    ``read_table`` ('berkas_terlalu_besar' before reading, 'berisi_nik', 'bukan_format', …)
    and RekamError 'peristiwa_tidak_terbaca' (no such file), 'peristiwa_kosong' (no row
    under the header), 'peristiwa_kolom_kurang'.
    """
    try:
        data, name = load_bytes(source, file_name, max_bytes)
    except FileRefused as err:
        if err.key != "berkas_tidak_bisa_dibuka":
            raise
        raise RekamError("peristiwa_tidak_terbaca", path=err.params["file_name"], detail=err.params["detail"]) from None
    try:
        frame = read_table(data, file_name=name)
    except FileRefused as err:
        if err.key not in ("berkas_kosong", "berkas_kosong_lembar"):
            raise
        raise RekamError("peristiwa_kosong", path=name) from None
    found = _columns(frame)
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise RekamError("peristiwa_kolom_kurang", path=name, kolom=", ".join(missing),
                         perlu=", ".join(REQUIRED_COLUMNS))
    out = pd.DataFrame({c: frame[found[c]] if c in found else "" for c in EVENT_COLUMNS})
    out.index = frame["_baris"].to_numpy()
    out.attrs["kolom"] = dict(found)
    return out


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    """{event column: the file's column} by HEADER_SYNONYMS (the first synonym present wins)."""
    by_words = {}
    for column in frame.columns:
        if column != "_baris":
            by_words.setdefault(_words(column).replace(" ", "_"), column)
    found = {}
    for target, synonyms in HEADER_SYNONYMS.items():
        hit = next((by_words[s] for s in synonyms if s in by_words and by_words[s] not in found.values()), None)
        if hit is not None:
            found[target] = hit
    return found

"""The records the stories are made of: a dated event and a school of the first-time cohort."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Event:
    mulai: date
    selesai: date | None
    kode: str
    jenis: str
    keterangan: str


@dataclass
class School:
    npsn: str
    nama: str
    jenjang: str
    desa: int
    lat: float
    lon: float
    kelas_12: int
    akan_17: int
    belum: int
    kunjungan: date
    terekam: int  # recorded at the campaign visit

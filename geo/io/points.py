"""Point files: recording sites (lokasi perekaman) and schools (sekolah), CSV or XLSX.

File formats (one row per point; other columns are kept as attributes):
- lokasi: ``id, nama, jenis, kode_wilayah, lat, lon`` (+ ``alat_total, alat_aktif, status,
  rusak_sejak, koneksi``); status ``aktif`` / ``rusak`` / ``perbaikan``.
- sekolah: ``npsn, nama, jenjang, kode_desa, lat, lon`` (+ ``siswa_kelas_12,
  akan_17_enam_bulan, belum_rekam``).

Read through the one tabular reader (``geo.io.tabular.read_table``): the size limit, the
content check and the NIK rule apply as to any upload. Coordinates may use a decimal comma.
"""
from __future__ import annotations

import pandas as pd

from geo.io.numbers import parse_decimal
from geo.io.tabular import read_table
from geo.names import normalize_code
from geo.schema import Col, FileRefused, Problem, ValidationFailed

# kind -> (id column, area code column)
KINDS = {"lokasi": ("id", "kode_wilayah"), "sekolah": ("npsn", "kode_desa")}
COLUMNS = ["id", Col.NAMA, Col.KODE, "lat", "lon", "atribut"]
ROW = "_baris"  # read_table's row number as the user sees it in the file


def read_points(source, kind: str, *, file_name: str | None = None, max_bytes: int | None = None) -> pd.DataFrame:
    """Read a points file into id, Col.NAMA, Col.KODE (dotted), lat, lon (degrees) and atribut
    (dict of the other non-empty columns, as text).

    ``source``: a path, bytes or an upload object (``file_name`` gives the type of bytes).
    Raises FileRefused for an unknown kind, a missing column or a file ``read_table`` refuses
    (too large, not CSV/XLSX, empty, 'berisi_nik' for NIKs); ValidationFailed listing the rows
    with bad coordinates or codes.
    """
    if kind not in KINDS:
        raise FileRefused("titik_jenis_tidak_dikenal", jenis=kind, pilihan=", ".join(KINDS))
    id_col, code_col = KINDS[kind]
    raw = read_table(source, file_name=file_name, max_bytes=max_bytes)
    required = [id_col, "nama", code_col, "lat", "lon"]
    for col in required:
        if col not in raw:
            raise FileRefused("titik_kolom_hilang", kolom=col, jenis=kind, wajib=", ".join(required))
    problems, rows = [], []
    for r in raw.to_dict("records"):
        lat, lon = parse_decimal(r["lat"]), parse_decimal(r["lon"])
        kode = normalize_code(r[code_col])
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(Problem("titik_koordinat_salah", row=r[ROW], column="lat/lon",
                                    params={"lat": r["lat"], "lon": r["lon"]}))
            continue
        if kode is None:
            problems.append(Problem("titik_kode_salah", row=r[ROW], column=code_col, params={"kode": r[code_col]}))
            continue
        extra = {k: v for k, v in r.items() if k not in required and k != ROW and v != ""}
        rows.append({"id": r[id_col], Col.NAMA: r["nama"], Col.KODE: kode, "lat": lat, "lon": lon, "atribut": extra})
    if problems:
        raise ValidationFailed(problems)
    return pd.DataFrame(rows, columns=COLUMNS)

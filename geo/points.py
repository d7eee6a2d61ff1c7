"""Point layers: recording sites (lokasi perekaman) and schools (sekolah), read from CSV/XLSX.

File formats (one row per point; other columns are kept as attributes):
- lokasi: ``id, nama, jenis, kode_wilayah, lat, lon`` (+ ``alat_total, alat_aktif, status,
  rusak_sejak, koneksi``); status ``aktif`` / ``rusak`` / ``perbaikan``.
- sekolah: ``npsn, nama, jenjang, kode_desa, lat, lon`` (+ ``siswa_kelas_12,
  akan_17_enam_bulan, belum_rekam``).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import fmt
from geo.names import normalize_code
from geo.schema import Col, FileRefused, Problem, ValidationFailed
from geo.store import Store
from geo.text import tr

# kind -> (id column, area code column)
KINDS = {"lokasi": ("id", "kode_wilayah"), "sekolah": ("npsn", "kode_desa")}
STATUS_COLOURS = {"aktif": "#1a9850", "perbaikan": "#f39c12", "rusak": "#d73027"}



def read_points(path: Path, kind: str) -> pd.DataFrame:
    """Read a points file into id, Col.NAMA, Col.KODE, lat, lon, atribut (dict of the other columns).

    Raises FileRefused for an unknown kind or missing column, ValidationFailed listing
    rows with bad coordinates or codes.
    """
    if kind not in KINDS:
        raise FileRefused("titik_jenis_tidak_dikenal", jenis=kind, pilihan=", ".join(KINDS))
    id_col, code_col = KINDS[kind]
    raw = pd.read_excel(path, dtype=str) if str(path).lower().endswith(".xlsx") else pd.read_csv(path, dtype=str)
    raw.columns = [c.strip().lower() for c in raw.columns]
    required = [id_col, "nama", code_col, "lat", "lon"]
    for col in required:
        if col not in raw:
            raise FileRefused("titik_kolom_hilang", kolom=col, jenis=kind, wajib=", ".join(required))
    problems, rows = [], []
    for i, r in enumerate(raw.to_dict("records"), start=2):
        lat = pd.to_numeric(str(r["lat"]).replace(",", "."), errors="coerce")
        lon = pd.to_numeric(str(r["lon"]).replace(",", "."), errors="coerce")
        kode = normalize_code(r[code_col])
        if pd.isna(lat) or pd.isna(lon) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(Problem("titik_koordinat_salah", baris=i, kolom="lat/lon",
                                    params={"lat": r["lat"], "lon": r["lon"]}))
            continue
        if kode is None:
            problems.append(Problem("titik_kode_salah", baris=i, kolom=code_col, params={"kode": r[code_col]}))
            continue
        extra = {k: v for k, v in r.items() if k not in required and not pd.isna(v)}
        rows.append({"id": r[id_col], Col.NAMA: r["nama"], Col.KODE: kode, "lat": lat, "lon": lon, "atribut": extra})
    if problems:
        raise ValidationFailed(problems)
    return pd.DataFrame(rows, columns=["id", Col.NAMA, Col.KODE, "lat", "lon", "atribut"])


def _site_label(p: dict, lang: str) -> tuple[str, str]:
    a = p["atribut"]
    status = a.get("status", "aktif")
    broken = tr("lokasi_rusak_sejak", lang, tanggal=fmt.long_date(a["rusak_sejak"], lang)) if a.get(
        "rusak_sejak") else ""
    label = tr("lokasi_label", lang, nama=p[Col.NAMA], aktif=a.get("alat_aktif", "?"),
                          total=a.get("alat_total", "?"), rusak=broken)
    return label, status


def _school_label(p: dict, lang: str) -> tuple[str, str]:
    a = p["atribut"]
    label = tr("sekolah_label", lang, nama=p[Col.NAMA], jenjang=a.get("jenjang", ""),
                          akan_17=fmt.number(_int(a.get("akan_17_enam_bulan")), lang=lang),
                          belum=fmt.number(_int(a.get("belum_rekam")), lang=lang))
    return label, "sekolah"


def _int(value):
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


_LABELLERS = {"lokasi": _site_label, "sekolah": _school_label}


def layer(store: Store, kind: str, *, within: str | None = None, lang: str = "id") -> pd.DataFrame:
    """Points for a map layer: lat, lon, label (formatted text), status, colour."""
    pts = store.points(kind, within=within)
    records = []
    for p in pts.to_dict("records"):
        label, status = _LABELLERS[kind](p, lang)
        records.append({"lat": p["lat"], "lon": p["lon"], "label": label, "status": status,
                        "colour": STATUS_COLOURS.get(status, "#1f4e79")})
    return pd.DataFrame(records, columns=["lat", "lon", "label", "status", "colour"])

"""The files of data/demo and the summary (ringkasan.json) naming every story."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import shapely
from shapely.geometry import mapping

from geo.demo.areas import Areas, basi_desa
from geo.demo.constants import (
    BLANGKO_MULAI, BLANGKO_SELESAI, FILES, GRID, KAB_KODE, KAB_NAMA, KAMPANYE_MULAI, KAMPANYE_SELESAI,
    PROV_KODE, PROV_NAMA, RUSAK_SEJAK,
)
from geo.schema import Col, Level, ZoneConfig, desa_tipe


def _coords(geom) -> dict:
    """GeoJSON geometry with coordinates written at 5 decimals."""
    def rnd(obj):
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], float):
                return [round(obj[0], 5), round(obj[1], 5)]
            return [rnd(o) for o in obj]
        return obj
    g = mapping(geom)
    return {"type": g["type"], "coordinates": rnd(g["coordinates"])}


def _written_geometry(geom):
    """The geometry as it will read back from the file; repaired if rounding broke it."""
    written = shapely.geometry.shape(_coords(geom))
    if not written.is_valid:
        written = shapely.make_valid(written)
        written = shapely.union_all(
            [p for p in shapely.get_parts(written) if p.geom_type == "Polygon"], grid_size=GRID)
    return written


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_all(out: Path, areas: Areas, dates, h, schools, events, sites, summary) -> None:
    out.mkdir(parents=True, exist_ok=True)
    kec = areas.kecamatan
    order = sorted(range(len(areas.desa_kode)), key=areas.desa_kode.__getitem__)

    features = []
    for d in order:
        props = {Col.KODE: areas.desa_kode[d], Col.NAMA: areas.desa_nama[d],
                 "kecamatan": kec[areas.desa_kec[d]].nama, "kabupaten": KAB_NAMA}
        features.append(json.dumps({"type": "Feature", "properties": props,
                                    "geometry": _coords(_written_geometry(areas.desa_geom[d]))},
                                   ensure_ascii=False, separators=(",", ":")))
    (out / "wilayah_desa.geojson").write_text(
        '{"type":"FeatureCollection","name":"wilayah_desa","features":[\n' + ",\n".join(features) + "\n]}\n",
        encoding="utf-8")

    # level as a number (1–4), like the Kemendagri code tables
    wilayah = [[PROV_KODE, PROV_NAMA, Level.PROVINSI.depth, "provinsi", ""],
               [KAB_KODE, KAB_NAMA, Level.KABUPATEN.depth, "kabupaten", PROV_KODE]]
    for kc in kec:
        wilayah.append([kc.kode, kc.nama, Level.KECAMATAN.depth, "kecamatan", KAB_KODE])
        for d in sorted(kc.desa, key=areas.desa_kode.__getitem__):
            kode = areas.desa_kode[d]
            wilayah.append([kode, areas.desa_nama[d], Level.DESA.depth, desa_tipe(kode), kc.kode])
    _write_csv(out / "wilayah.csv", [Col.KODE, Col.NAMA, Col.LEVEL, Col.TIPE, Col.KODE_INDUK], wilayah)

    rows = []
    for t, day in enumerate(dates):
        for d in order:
            rows.append([day.isoformat(), areas.desa_kode[d], areas.desa_nama[d], h["wajib"][d, t],
                         h["sudah"][d, t], h["prr"][d, t], h["cetak"][d, t], h["pemula"][d, t]])
    _write_csv(out / "rekam_mingguan.csv",
               [Col.TANGGAL, Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.PRR, Col.CETAK, Col.PEMULA], rows)

    site_cols = ["id", "nama", "jenis", "kode_wilayah", "lat", "lon", "alat_total", "alat_aktif", "status",
                 "rusak_sejak", "koneksi"]
    _write_csv(out / "lokasi_perekaman.csv", site_cols,
               [[f"{r[c]:.5f}" if c in ("lat", "lon") else r[c] for c in site_cols] for r in sites])

    _write_csv(out / "sekolah.csv",
               ["npsn", "nama", "jenjang", "kode_desa", "lat", "lon", "siswa_kelas_12", "akan_17_enam_bulan",
                "belum_rekam"],
               [[s.npsn, s.nama, s.jenjang, areas.desa_kode[s.desa], f"{s.lat:.5f}", f"{s.lon:.5f}", s.kelas_12,
                 s.akan_17, s.belum] for s in sorted(schools, key=lambda s: s.npsn)])

    ev = sorted(events, key=lambda e: (e.mulai, e.kode, e.jenis))
    _write_csv(out / "peristiwa.csv", ["tanggal_mulai", "tanggal_selesai", Col.KODE, "jenis", "keterangan"],
               [[e.mulai.isoformat(), e.selesai.isoformat() if e.selesai else "", e.kode, e.jenis,
                 e.keterangan] for e in ev])

    (out / "ringkasan.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")


def _coverage(sudah: int, wajib: int) -> float:
    return round(100.0 * sudah / wajib, 2)


def _zone(cakupan: float) -> str:
    return ZoneConfig().zone(cakupan).value  # the default thresholds, not a local config


def build_summary(areas: Areas, dates, h, schools, events, seed: int) -> dict:
    kec = areas.kecamatan
    w, s = h["wajib"], h["sudah"]
    by = {tag: next(k for k in kec if tag in k.tags) for tag in ("rusak", "koreksi", "merah")}
    kota = next(k for k in kec if k.peran == "kota")
    pulau = next(k for k in kec if k.peran == "pulau")
    basi = basi_desa(areas)
    names = [areas.desa_nama[d] for d in range(len(areas.desa_nama))]
    ganda = sorted({n for n in names if names.count(n) > 1})
    flat = [dd.isoformat() for dd in dates if dd >= RUSAK_SEJAK]
    bounds = shapely.union_all(areas.desa_geom).bounds
    kecamatan = {}
    for kc in kec:
        sw, ss = int(w[kc.desa, -1].sum()), int(s[kc.desa, -1].sum())
        c = _coverage(ss, sw)
        kecamatan[kc.kode] = {"nama": kc.nama, "desa": len(kc.desa), "cakupan_akhir": c, "zona_akhir": _zone(c)}
    return {
        "seed": seed,
        "provinsi": {"kode": PROV_KODE, "nama": PROV_NAMA},
        "kabupaten": {"kode": KAB_KODE, "nama": KAB_NAMA},
        "tanggal_awal": dates[0].isoformat(),
        "tanggal_akhir": dates[-1].isoformat(),
        "jumlah_tanggal": len(dates),
        "hari_tanggal": "Senin",
        "jumlah_kecamatan": len(kec),
        "jumlah_desa": sum(1 for k in areas.desa_kode if desa_tipe(k) == "desa"),
        "jumlah_kelurahan": sum(1 for k in areas.desa_kode if desa_tipe(k) == "kelurahan"),
        "bbox": [round(v, 5) for v in bounds],
        "cakupan_awal": _coverage(int(s[:, 0].sum()), int(w[:, 0].sum())),
        "cakupan_akhir": _coverage(int(s[:, -1].sum()), int(w[:, -1].sum())),
        "kecamatan": kecamatan,
        "kecamatan_kota": {"kode": kota.kode, "nama": kota.nama},
        "kecamatan_pulau": {"kode": pulau.kode, "nama": pulau.nama, "koneksi": "offline",
                            "minggu_tanpa_kiriman": [dates[t].isoformat() for t in range(len(dates))
                                                     if not h["sync"][kec.index(pulau), t]]},
        "kecamatan_merah_darat": {"kode": by["merah"].kode, "nama": by["merah"].nama},
        "alat_rusak": {"kode": by["rusak"].kode, "nama": by["rusak"].nama, "mulai": RUSAK_SEJAK.isoformat(),
                       "selesai": None, "tanggal_datar": flat},
        "desa_di_atas_100": {"kode": areas.desa_kode[basi], "nama": areas.desa_nama[basi],
                             "kecamatan": kec[areas.desa_kec[basi]].nama,
                             "cakupan": _coverage(int(s[basi, -1]), int(w[basi, -1]))},
        "koreksi_data": {"kode": by["koreksi"].kode, "nama": by["koreksi"].nama,
                         "tanggal": dates[h["t_koreksi"]].isoformat(), "dihapus": int(h["removed"].sum())},
        "blangko_habis": {"mulai": BLANGKO_MULAI.isoformat(), "selesai": BLANGKO_SELESAI.isoformat()},
        "kampanye_sekolah": {"mulai": KAMPANYE_MULAI.isoformat(), "selesai": KAMPANYE_SELESAI.isoformat(),
                             "sekolah": len(schools)},
        "layanan_akhir_pekan": sorted(e.mulai.isoformat() for e in events if e.jenis == "layanan_akhir_pekan"),
        "nama_desa_ganda": ganda,
        "berkas": list(FILES),
    }

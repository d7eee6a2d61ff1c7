"""``python -m geo import-events``: an office's events file (CSV or XLSX, its own headers and kind
words) through the CLI, on SQLite and PostgreSQL; exit 0 done, 1 refused (nothing stored), 2 usage."""
from __future__ import annotations

import json

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from shapely.geometry import box

from geo import columns, events
from geo.cli import main
from geo.schema import Col
from geo.store import Store


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def tangsel(store_url):
    """Kota Tangerang Selatan, two of its kecamatan and one kelurahan (hand-drawn squares)."""
    rows = [("36.74", "Kota Tangerang Selatan", "kabupaten", "36", "kota", box(106.6, -6.4, 106.8, -6.2)),
            ("36.74.01", "Serpong", "kecamatan", "36.74", "kecamatan", box(106.6, -6.4, 106.7, -6.3)),
            ("36.74.03", "Pondok Aren", "kecamatan", "36.74", "kecamatan", box(106.7, -6.3, 106.8, -6.2)),
            ("36.74.03.1005", "Pondok Aren", "desa", "36.74.03", "kelurahan", box(106.7, -6.3, 106.75, -6.25))]
    frame = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"])
    store = Store.open(store_url)
    store.add_areas(gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326"))
    store.close()
    return store_url


def _stored(url):
    store = Store.open(url)
    try:
        return events.events(store)
    finally:
        store.close()


def test_office_csv_with_its_own_headers_and_kind_words(tangsel, tmp_path, capsys):
    path = tmp_path / "kegiatan.csv"
    path.write_text(
        "Tanggal;Tgl. Selesai;Kode Wilayah;Jenis Kegiatan;Ket.\n"
        "28/09/2026;;367401;Alat Rusak;Pemindai sidik jari rusak\n"
        "1 Oktober 2026;3 Oktober 2026;36.74.03;Gangguan jaringan;Kabel fiber putus\n"
        "2026-09-05;2026-09-05;3674031005;Jemput Bola;Perekaman di posyandu\n"
        "12/09/2026;13/09/2026;36.74;Perekaman di sekolah;SMA Negeri 2: siswa akan 17 tahun\n",
        encoding="utf-8")
    code, out, err = _cli(capsys, "import-events", str(path), "--db", tangsel)
    assert code == 0, err
    assert "Tersimpan sebagai versi 2: 4 peristiwa" in out
    assert "Alat rusak: 1" in out and "Perekaman di sekolah: 1" in out
    assert "tanggal_mulai ← tanggal" in out and "jenis ← jenis_kegiatan" in out
    stored = _stored(tangsel)
    got = stored[[Col.KODE, columns.JENIS, columns.MULAI, columns.SELESAI]].values.tolist()
    assert got == [["36.74.03.1005", "jemput_bola", "2026-09-05", "2026-09-05"],
                   ["36.74", "kampanye_sekolah", "2026-09-12", "2026-09-13"],
                   ["36.74.01", "alat_rusak", "2026-09-28", ""],
                   ["36.74.03", "jaringan_putus", "2026-10-01", "2026-10-03"]]
    assert stored[columns.BERLANGSUNG].tolist() == [False, False, True, False]


def test_office_xlsx_without_end_date_or_note_columns(tangsel, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tgl Mulai", "Kode", "Jenis"])
    ws.append(["2026-11-21", "36.74.01", "Layanan Sabtu Minggu"])
    ws.append(["2026-11-28", "36.74.01", "blangko habis"])
    path = tmp_path / "peristiwa.xlsx"
    wb.save(path)
    code, out, err = _cli(capsys, "--lang", "en", "import-events", str(path), "--db", tangsel)
    assert code == 0, err
    assert "Stored as version 2: 2 events (Blank cards ran out: 1, Weekend service: 1)." in out
    assert _stored(tangsel)[columns.JENIS].tolist() == ["layanan_akhir_pekan", "blangko_habis"]


def test_bad_rows_are_each_named_and_nothing_is_stored(tangsel, tmp_path, capsys):
    path = tmp_path / "peristiwa.csv"
    path.write_text("tanggal,kode,jenis\n"
                    "2026-09-28,36.74.01,alat rusak\n"
                    "2026-09-29,36.74.99,alat rusak\n"
                    "2026-09-30,36.74.01,banjir\n"
                    "kemarin,36.74.01,jemput bola\n", encoding="utf-8")
    code, out, err = _cli(capsys, "import-events", str(path), "--db", tangsel)
    assert code == 1 and "Traceback" not in err
    assert "Baris 3" in err and "36.74.99" in err
    assert "Baris 4" in err and "'banjir'" in err
    assert "Baris 5" in err and "'kemarin'" in err
    assert _stored(tangsel).empty
    code, out, _ = _cli(capsys, "history", "--format", "json", "--db", tangsel)
    assert [v["kind"] for v in json.loads(out)] == ["boundaries"]


def test_same_file_twice_is_refused_unless_forced(tangsel, tmp_path, capsys):
    path = tmp_path / "peristiwa.csv"
    path.write_text("tanggal_mulai,kode,jenis,keterangan\n2026-09-28,36.74.01,alat_rusak,rusak\n", encoding="utf-8")
    assert _cli(capsys, "import-events", str(path), "--db", tangsel)[0] == 0
    code, _, err = _cli(capsys, "import-events", str(path), "--db", tangsel)
    assert code == 1 and "versi 2" in err
    assert _cli(capsys, "import-events", str(path), "--force", "--db", tangsel)[0] == 0


def test_missing_columns_and_missing_files_exit_1_and_usage_exits_2(tangsel, tmp_path, capsys):
    path = tmp_path / "salah.csv"
    path.write_text("tanggal,kode\n2026-09-28,36.74.01\n", encoding="utf-8")
    code, _, err = _cli(capsys, "import-events", str(path), "--db", tangsel)
    assert code == 1 and "jenis" in err and "salah.csv" in err
    code, _, err = _cli(capsys, "import-events", str(tmp_path / "tidak_ada.csv"), "--db", tangsel)
    assert code == 1 and "tidak_ada.csv" in err
    with pytest.raises(SystemExit) as exc:
        main(["import-events"])
    assert exc.value.code == 2

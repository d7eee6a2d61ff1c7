"""``import-enrollment`` prints a summary of the join (counts and the rows to look at) and writes the
whole report with ``--report FILE`` (CSV or XLSX), also when the import is refused."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from geo.cli import main
from geo.join import REPORT_COLUMNS
from geo.schema import Col
from geo.store import Store

AREAS = [("36", "Banten", "provinsi", None), ("36.74", "Kota Tangerang Selatan", "kabupaten", "36"),
         ("36.74.01", "Serpong", "kecamatan", "36.74"), ("36.74.01.1001", "Ciater", "desa", "36.74.01"),
         ("36.74.01.1002", "Rawa Buntu", "desa", "36.74.01"), ("36.74.01.1003", "Rawamekar Jaya", "desa", "36.74.01"),
         ("36.74.01.1004", "Serpong", "desa", "36.74.01"), ("36.74.01.1005", "Lengkong Gudang", "desa", "36.74.01")]
FILE = ("KODE;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM\n"
        "36.74.01.1001;CIATER;1.000;900\n"
        "36.74.01.1002;Rawa Buntu;2.000;1.800\n"
        "3674011003;RAWAMEKAR JAYA;1.500;1.400\n"
        ";SERPONG;1.200;1.100\n"
        ";PONDOK JAGUNG;800;700\n")


@pytest.fixture
def store_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    frame = pd.DataFrame(AREAS, columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK]).assign(**{Col.TIPE: None})
    store = Store.open(url)
    store.add_areas(gpd.GeoDataFrame(frame, geometry=[None] * len(frame)), file_name="areas", user="test")
    store.close()
    return url


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_summary_shows_counts_and_only_the_rows_to_look_at(store_url, tmp_path, capsys):
    source = tmp_path / "rekap.csv"
    source.write_text(FILE, encoding="utf-8")
    code, out, err = run(capsys, "import-enrollment", source, "--date", "2026-06-30", "--skip-unmatched",
                         "--db", store_url)
    assert code == 0, err
    assert "kode: 3 · nama: 1 · tidak_cocok: 1" in out
    assert "PONDOK JAGUNG" in out and "CIATER" not in out and "Rawa Buntu" not in out
    assert "4 baris lain cocok tanpa catatan" in out and "--report" in out
    assert "Tersimpan sebagai versi 2: 4 wilayah" in out


def test_the_stored_report_counts_every_row_and_keeps_those_not_matched_by_code(store_url, tmp_path, capsys):
    source = tmp_path / "rekap.csv"
    source.write_text(FILE, encoding="utf-8")
    code, _, err = run(capsys, "import-enrollment", source, "--date", "2026-06-30", "--skip-unmatched",
                       "--db", store_url)
    assert code == 0, err
    store = Store.open(store_url)
    report = store.history().iloc[0]["report"]  # newest first: the import
    store.close()
    assert report["cara"] == {"kode": 3, "nama": 1, "tidak_cocok": 1}
    assert sorted(row["nama_file"] for row in report["cocok"]) == ["PONDOK JAGUNG", "SERPONG"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_report_file_holds_every_row_even_when_the_import_is_refused(store_url, tmp_path, capsys, suffix):
    source = tmp_path / "rekap.csv"
    source.write_text(FILE, encoding="utf-8")
    report = tmp_path / f"laporan{suffix}"
    code, out, err = run(capsys, "import-enrollment", source, "--date", "2026-06-30", "--report", report,
                         "--db", store_url)
    assert code == 1 and "1 baris tidak dapat dicocokkan" in err  # refused: an unmatched row
    assert f"Laporan pencocokan ditulis ke {report} (5 baris)." in out
    table = (pd.read_excel(report, dtype=str) if suffix == ".xlsx"
             else pd.read_csv(report, sep=";", dtype=str, encoding="utf-8-sig"))
    assert list(table.columns) == list(REPORT_COLUMNS)
    assert table["baris"].tolist() == ["2", "3", "4", "5", "6"]
    assert table["cara"].tolist() == ["kode", "kode", "kode", "nama", "tidak_cocok"]
    assert table["kode"].tolist()[:4] == ["36.74.01.1001", "36.74.01.1002", "36.74.01.1003", "36.74.01.1004"]
    assert table["kandidat"].iloc[4].startswith("36.74.01.1005 Lengkong Gudang (50.0); 36.74.01.1004 Serpong")
    assert table["kandidat"].iloc[:4].isna().all()
    assert Store.open(store_url).snapshot_dates() == []  # nothing stored


def test_an_unwritable_report_is_named(store_url, tmp_path, capsys):
    source = tmp_path / "rekap.csv"
    source.write_text(FILE, encoding="utf-8")
    code, _, err = run(capsys, "import-enrollment", source, "--date", "2026-06-30", "--skip-unmatched",
                       "--report", tmp_path / "tidak_ada" / "laporan.csv", "--db", store_url)
    assert code == 1 and "Tidak bisa menulis" in err and "Traceback" not in err

"""What an office clerk reads when a file is refused or warned about: figures in the reader's own
format (8.497 / 8,497; 22,2% / 22.2%; 5 Desember 2027), no sheet named for a CSV, and a command
line option only where the command line prints the message."""
from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from geo import fmt
from geo.cli import main
from geo.cli.output import CLI_HINTS
from geo.dates import check_snapshot_day
from geo.ingest import commit_enrollment, prepare_enrollment
from geo.io.boundaries import load_boundaries
from geo.io.enrollment import read_enrollment
from geo.schema import FileRefused, RekamError
from geo.store import Store
from geo.text import CATALOG, describe, describe_problem, tr

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
TANGSEL_DESA = "cahyadsn_wilayah_boundaries/desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
NIK = "3674011234560001"


def _csv(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8")


def _xlsx(sheet: str, rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def tangsel(real_dir, tmp_path_factory) -> str:
    """A SQLite store with the 54 Tangsel kelurahan and one snapshot of baik.csv."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clerk') / 'rekam.sqlite'}"
    loaded = load_boundaries(real_dir / TANGSEL_DESA, level="desa")
    store = Store.open(url)
    store.add_areas(loaded.areas, file_name=Path(TANGSEL_DESA).name, report=loaded.report)
    commit_enrollment(store, prepare_enrollment(store, BAD / "baik.csv"), tanggal="2026-07-31")
    store.close()
    return url


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- figures in warnings ----------------------------------------------------------------------
def test_counts_in_a_row_warning_are_in_the_readers_format():
    read = read_enrollment(_csv("DESA;WAJIB KTP;SUDAH REKAM;BELUM REKAM", "Ciater;7997;8497;0",
                                "Serpong;12000;10000;1500"), file_name="rekap.csv")
    over, belum = sorted(read.problems, key=lambda p: p.key, reverse=True)
    assert describe_problem(over).startswith(
        "Baris 2, kolom 'SUDAH REKAM': sudah rekam (8.497) lebih besar dari wajib KTP (7.997), cakupan di atas 100%.")
    assert "sudah rekam (8,497) is larger than wajib KTP (7,997)" in describe_problem(over, "en")
    assert "belum rekam tertulis 1.500, padahal wajib KTP − sudah rekam = 12.000 − 10.000 = 2.000" in (
        describe_problem(belum))
    assert "belum rekam says 1,500, but wajib KTP − sudah rekam = 12,000 − 10,000 = 2,000" in (
        describe_problem(belum, "en"))
    # the figures stay numbers for whatever reads the problem
    assert over.params["sudah"] == 8497 and over.params["wajib"] == 7997


def test_a_total_row_and_a_coverage_percent_are_in_the_readers_format():
    read = read_enrollment(_csv("DESA;WAJIB KTP;SUDAH REKAM;CAKUPAN", "Ciater;5000;1110;80,00", "Serpong;9000;8000;",
                                "JUMLAH;14100;9110;"), file_name="rekap.csv")
    said = {p.key: (describe_problem(p), describe_problem(p, "en")) for p in read.problems}
    assert "sudah rekam / wajib KTP = 22,20%." in said["cakupan_tidak_sesuai"][0]
    assert "sudah rekam / wajib KTP = 22.20%." in said["cakupan_tidak_sesuai"][1]
    assert "menulis 14.100, tetapi jumlah baris 2–3 di atasnya 14.000 (selisih 100)" in said["total_tidak_sesuai"][0]
    assert "says 14,100, but rows 2–3 above it add up to 14,000 (difference 100)" in said["total_tidak_sesuai"][1]


def test_a_code_name_mismatch_says_its_similarity_in_the_readers_format(tangsel):
    store = Store.open(tangsel)
    try:
        prepared = prepare_enrollment(store, BAD / "kode_nama_lain.csv")
    finally:
        store.close()
    (problem,) = [p for p in prepared.join.problems if p.key == "kode_nama_beda"]
    skor = problem.params["skor"]
    assert re.search(r"\(kemiripan \d+,\d%\)", describe_problem(problem))
    assert f"(kemiripan {fmt.number(skor, 1)}%)" in describe_problem(problem)
    assert f"({fmt.number(skor, 1, 'en')}% similar)" in describe_problem(problem, "en")


def test_refusals_carry_their_limits_in_the_readers_format():
    with pytest.raises(FileRefused) as err:
        read_enrollment(_csv("DESA;WAJIB KTP;SUDAH REKAM", *[f"Desa {i};10;9" for i in range(400)]),
                        file_name="besar.csv", max_bytes=2 * 1024)
    assert err.value.key == "berkas_terlalu_besar"
    assert re.match(r"Berkas terlalu besar \(0,\d MB; batas 0,0 MB\)", describe(err.value))
    assert re.match(r"File too large \(0\.\d MB; limit 0\.0 MB\)", describe(err.value, "en"))


# --- no sheet for a CSV ---------------------------------------------------------------------------
def test_a_csv_refusal_names_no_sheet_a_workbooks_does():
    with pytest.raises(FileRefused) as csv_err:
        read_enrollment(_csv("DESA;NIK;WAJIB KTP;SUDAH REKAM", f"Ciater;{NIK};10;9"), file_name="x.csv")
    with pytest.raises(FileRefused) as xlsx_err:
        read_enrollment(_xlsx("REKAP", [["DESA", "NIK", "WAJIB KTP", "SUDAH REKAM"], ["Ciater", NIK, 10, 9]]),
                        file_name="x.xlsx")
    for lang in ("id", "en"):
        said = describe(csv_err.value, lang)
        assert "kolom B 'NIK' tampak" in said or "column B 'NIK' looks" in said
        assert "lembar" not in said.lower() and "sheet" not in said.lower() and "CSV" not in said
        assert ("(lembar REKAP)" if lang == "id" else "(sheet REKAP)") in describe(xlsx_err.value, lang)


@pytest.mark.parametrize("data", [b"", _csv("DESA;WAJIB KTP;SUDAH REKAM")])
def test_an_empty_csv_names_no_sheet(data):
    with pytest.raises(FileRefused) as err:
        read_enrollment(data, file_name="kosong.csv")
    assert err.value.key == "berkas_kosong"
    assert describe(err.value).startswith("Berkas 'kosong.csv' tidak berisi baris data. Isi satu baris")
    assert "lembar" not in describe(err.value) and "sheet" not in describe(err.value, "en")


def test_an_empty_workbook_sheet_is_named():
    with pytest.raises(FileRefused) as err:
        read_enrollment(_xlsx("REKAP", [["DESA", "WAJIB KTP", "SUDAH REKAM"]]), file_name="x.xlsx")
    assert "(lembar: REKAP)" in describe(err.value) and "(sheet: REKAP)" in describe(err.value, "en")


# --- a command line option only where the command line prints it --------------------------------
@pytest.mark.parametrize("key", sorted(CLI_HINTS))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_words_name_no_command_line_option(key, lang):
    assert "--" not in CATALOG[key][lang] and "CLI" not in CATALOG[key][lang]
    assert "--" in CATALOG[CLI_HINTS[key]][lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_words_quote_the_boxes_the_data_page_shows(lang):
    assert f"'{tr('tanggal_diperiksa', lang)}'" in CATALOG["tanggal_masa_depan"][lang]
    assert f"'{tr('tanggal_diperiksa', lang)}'" in CATALOG["tanggal_sebelum_program"][lang]
    assert f"'{tr('impor_ulang', lang)}'" in CATALOG["berkas_sudah_diimpor"][lang]


def test_the_future_date_refusal_on_the_command_line(tangsel, capsys):
    code, _, err = _cli(capsys, "import-enrollment", BAD / "baik.csv", "--date", "2099-12-05", "--db", tangsel)
    assert code == 1
    assert "Tanggal data 5 Desember 2099 ada di masa depan (hari ini " in err and "2099-12-05" not in err
    assert err.rstrip().endswith("CLI: bila tanggalnya memang benar, tambahkan --allow-date.")
    code, _, err = _cli(capsys, "--lang", "en", "import-enrollment", BAD / "baik.csv", "--date", "2099-12-05",
                          "--db", tangsel)
    assert "Data date 5 December 2099 is in the future" in err and "CLI: if the date is right, add --allow-date." in err


def test_the_page_gets_the_future_date_refusal_without_the_option():
    with pytest.raises(RekamError) as err:
        check_snapshot_day("2099-12-05")
    assert "--allow-date" not in describe(err.value) and "--allow-date" not in describe(err.value, "en")


def test_the_same_file_again_on_the_command_line(tangsel, capsys):
    code, _, err = _cli(capsys, "import-enrollment", BAD / "baik.csv", "--date", "2026-07-31", "--db", tangsel)
    assert code == 1
    said = re.search(r"sebagai versi (\d+) \(baik\.csv, (.+?)\)\. Jika", err)
    assert said and re.fullmatch(r"\d{1,2} \w+ \d{4} pukul \d\d\.\d\d WIB", said[2]), err
    assert "T" not in said[2] and "+00:00" not in err
    assert err.rstrip().endswith("CLI: tambahkan --force untuk mengimpor lagi.")


def test_the_import_summary_on_the_command_line(tangsel, capsys):
    code, out, err = _cli(capsys, "--lang", "en", "import-enrollment", BAD / "melebihi_wajib.csv", "--date",
                          "2026-08-31", "--db", tangsel)
    assert code == 0, err
    assert re.search(r"Stored as version \d+: 3 areas, data as of 31 August 2026\.", out)
    assert "sudah rekam (1,067) is larger than wajib KTP (1,000)" in err


def test_a_moment_reads_as_the_office_clock():
    assert fmt.long_moment("2026-12-06T11:11:31+00:00") == "6 Desember 2026 pukul 18.11 WIB"
    assert fmt.long_moment("2026-12-06T11:11:31+00:00", "en") == "6 December 2026 at 18:11 WIB"
    assert fmt.long_moment(None) == "–"

"""Reading enrollment spreadsheets as offices produce them (geo/io/enrollment.py).

Fixtures in tests/fixtures/enrollment/ are written by make_fixtures.py there; the
numbers asserted here are the ones that script writes.
"""
from __future__ import annotations

import builtins
import io
import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from geo.io.enrollment import EnrollmentRead, read_enrollment
from geo.io.tabular import list_sheets
from geo.schema import COUNT_COLUMNS, Col, FileRefused, RekamError, ValidationFailed
from geo.text import Word, describe, describe_problem, tr

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "enrollment"
TABLE_COLUMNS = [Col.LEMBAR, Col.BARIS, Col.KODE, Col.NAMA, Col.NAMA_INDUK, *COUNT_COLUMNS]


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(*sheets: tuple[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def col(read: EnrollmentRead, column: str) -> list:
    return [None if pd.isna(v) else v for v in read.table[column].tolist()]


def problems(read_or_error) -> list[tuple]:
    found = read_or_error.problems
    return [(p.key, p.row, p.column) for p in found]


# --- (1) office XLSX ---------------------------------------------------------------------
def test_office_xlsx_with_titles_merged_header_no_column_and_total_row():
    read = read_enrollment(FIX / "kantor_tangsel_2017.xlsx")

    assert list(read.table.columns) == TABLE_COLUMNS
    assert col(read, Col.BARIS) == [8, 9, 10, 12, 13, 14]  # row 11 is blank, 15 the JUMLAH row
    assert col(read, Col.NAMA) == ["KEL. PD. BENDA", "KEL. PAMULANG BARAT", "KEL. PD. CABE UDIK",
                                   "KEL. RAWA BUNTU", "KEL. LENGKONG GUDANG", "KEL. CIATER"]
    # PAMULANG is merged over its rows; KEC. SERPONG is written on the first row of its block only
    assert col(read, Col.NAMA_INDUK) == ["PAMULANG"] * 3 + ["KEC. SERPONG"] * 3
    assert col(read, Col.KODE) == [None] * 6
    assert col(read, Col.WAJIB) == [24346, 30232, 19416, 22098, 15254, 17600]  # the JML sub-column
    assert col(read, Col.SUDAH) == [23400, 25878, 17817, 20900, 11901, 17500]
    assert col(read, Col.BELUM) == [946, 4354, 1599, 1198, 3353, 100]
    assert col(read, Col.PEMULA) == [None] * 6
    assert int(read.table[Col.WAJIB].sum()) == 128946
    assert int(read.table[Col.SUDAH].sum()) == 117396
    assert read.table[Col.WAJIB].dtype == "Int64"
    assert read.table[Col.BARIS].dtype == "int64"
    assert read.problems == []

    report = read.report
    assert report["sheet"] == "REKAP AGUSTUS" and report["sheets"] == ["REKAP AGUSTUS"]
    assert report["header_rows"] == [5, 6]
    assert report["columns"] == {
        Col.NAMA: "DESA/KELURAHAN", Col.NAMA_INDUK: "KECAMATAN", Col.CAKUPAN: "CAKUPAN (%)",
        Col.WAJIB: "WAJIB KTP / JML", Col.SUDAH: "SUDAH REKAM / JML", Col.BELUM: "BELUM REKAM",
    }
    assert "NO" in report["columns_unused"]
    assert report["total_rows"] == [{"baris": 15, "label": "JUMLAH", "consistent": True,
                                     "checked": [Col.WAJIB, Col.SUDAH, Col.BELUM]}]
    assert report["total_row_found"] and report["total_row_checked"]
    assert report["skipped_rows"] == {"blank": [11, 16], "column_numbers": [7], "footer": [17, 18, 19]}
    assert report["n_rows"] == 6
    assert report["sums"] == {Col.WAJIB: 128946, Col.SUDAH: 117396, Col.BELUM: 11550}
    json.dumps(report)


# --- (2) semicolon CSV in cp1252 -------------------------------------------------------------------
def test_semicolon_cp1252_csv_with_percent_column_and_thousands_dots():
    read = read_enrollment(FIX / "rekap_teluknaga_cp1252.csv")

    assert read.report["encoding"] == "cp1252"
    assert read.report["delimiter"] == ";"
    assert read.report["header_rows"] == [5]
    assert read.report["columns"][Col.CAKUPAN] == "% REKAM"
    assert col(read, Col.BARIS) == [6, 7, 8, 9, 10]
    assert col(read, Col.NAMA) == ["DESA TG. BURUNG", "DESA TG. PASIR", "DESA KP. MELAYU TIMUR",
                                   "DESA KP. BESAR", "DESA TELUKNAGA"]
    assert col(read, Col.NAMA_INDUK) == ["TELUKNAGA"] * 5
    assert col(read, Col.WAJIB) == [5000, 8001, 10234, 3120, 12500]
    assert col(read, Col.SUDAH) == [4614, 7500, 9876, 3330, 11003]
    assert col(read, Col.BELUM) == [386, 600, 358, 0, 1497]  # '-' is nil: 0
    assert col(read, Col.PRR) == [12, 0, None, 0, 37]  # '-' → 0, empty → <NA>
    assert col(read, Col.CETAK) == [4500, 7321, 9654, 3100, 10950]
    assert int(read.table[Col.WAJIB].sum()) == 38855

    # warnings only, each located; 92,28% on row 6 agrees with 4614/5000, so no cakupan warning
    assert problems(read) == [
        ("belum_tidak_sesuai", 7, "BELUM REKAM"),
        ("melebihi_wajib", 9, "SUDAH REKAM"),
        ("total_tidak_sesuai", 11, "WAJIB KTP"),
    ]
    assert all(p.severity == "warning" for p in read.problems)
    belum, over, total = read.problems
    assert belum.params == {"belum": 600, "wajib": 8001, "sudah": 7500, "selisih": 501}
    assert over.params == {"sudah": 3330, "wajib": 3120, "cakupan": 106.73}
    assert total.params == {"label": "JUMLAH", "tertulis": 38955, "dihitung": 38855, "selisih": 100,
                            "dari_baris": 6, "sampai_baris": 10}
    assert read.report["total_rows"] == [{"baris": 11, "label": "JUMLAH", "consistent": False,
                                          "checked": [Col.WAJIB, Col.SUDAH]}]
    text = describe_problem(total)
    assert text.startswith("Baris 11, kolom 'WAJIB KTP': ") and "menulis 38.955" in text and "atasnya 38.855" in text


# --- (3) codes as written ------------------------------------------------------------------------
def test_utf8_bom_csv_keeps_codes_exactly_as_written():
    read = read_enrollment(FIX / "kode_campur_utf8_bom.csv")

    assert read.report["encoding"] == "utf-8-sig"
    assert read.report["delimiter"] == ","
    assert col(read, Col.KODE) == ["36.74.01.1001", "3674011002", "3674011003.0", "36.74.01.1004", "3674011005"]
    assert col(read, Col.NAMA) == ["Ciater", "Rawa Buntu", "Rawa Mekar Jaya", "Lengkong Gudang",
                                   "Lengkong Wetan, Kel."]
    assert col(read, Col.NAMA_INDUK) == [None] * 5
    assert col(read, Col.WAJIB) == [12345, 9876, 7001, 15000, 10010]  # "12,345": comma thousands
    assert col(read, Col.SUDAH) == [11876, 9001, 6999, 14250, 9500]
    assert col(read, Col.PRR) == [120, 98, 0, 301, 45]
    assert col(read, Col.PEMULA) == [310, 250, 199, None, 288]
    assert read.report["sums"] == {Col.WAJIB: 54232, Col.SUDAH: 51626, Col.PRR: 564, Col.PEMULA: 1047}
    assert read.problems == []


def test_xlsx_numeric_codes_lose_no_digits_and_gain_no_decimal():
    data = xlsx_bytes(("S", [["KODE", "NAMA", "WAJIB KTP", "SUDAH REKAM"],
                             [3674011001, "Ciater", 10, 9], [3674011002.0, "Rawa Buntu", 10, 9],
                             [36.74, "Kota Tangerang Selatan", 10, 9], ["36.74.01", "Serpong", 10, 9]]))
    read = read_enrollment(data, file_name="kode.xlsx")
    assert col(read, Col.KODE) == ["3674011001", "3674011002", "36.74", "36.74.01"]


# --- (4) sheets ----------------------------------------------------------------------------
def test_every_sheet_with_a_recording_table_is_read_and_every_other_is_named():
    """One sheet per kecamatan is read in one go (it once imported only the first, silently)."""
    read = read_enrollment(FIX / "per_kecamatan.xlsx")

    assert read.report["sheets"] == ["CATATAN", "SERPONG", "PAMULANG"]
    assert read.report["sheets_recognised"] == ["SERPONG", "PAMULANG"]
    assert read.report["sheet"] is None  # more than one
    assert read.report["sheets_read"] == [{"lembar": "SERPONG", "baris": 3}, {"lembar": "PAMULANG", "baris": 4}]
    assert read.report["sheets_skipped"] == [{"lembar": "CATATAN", "alasan": "lembar_tanpa_judul_rekap"}]
    serpong = read.table[read.table[Col.LEMBAR] == "SERPONG"]
    assert list(serpong[Col.BARIS]) == [4, 5, 6]
    assert list(serpong[Col.KODE]) == ["3674011006", "3674011007", "3674011008"]
    assert list(serpong[Col.NAMA_INDUK]) == ["KECAMATAN SERPONG"] * 3  # from the title above the header
    assert list(serpong[Col.WAJIB]) == [6543, 4321, 5210]
    pamulang = read.table[read.table[Col.LEMBAR] == "PAMULANG"]
    assert list(pamulang[Col.NAMA_INDUK]) == ["KECAMATAN PAMULANG"] * 4
    assert int(pamulang[Col.WAJIB].sum()) == 78732 and int(read.table[Col.WAJIB].sum()) == 78732 + 16074
    # the TOTAL row holds formulas never calculated: found, dropped, nothing to check
    assert read.report["per_lembar"]["SERPONG"]["total_rows"] == [
        {"baris": 7, "label": "TOTAL", "consistent": True, "checked": []}]
    assert read.report["per_lembar"]["SERPONG"]["total_row_checked"] is False


@pytest.mark.parametrize("asked", ["PAMULANG", " pamulang "])
def test_sheet_chosen_by_name(asked):
    read = read_enrollment(FIX / "per_kecamatan.xlsx", sheet=asked)
    assert read.report["sheet"] == "PAMULANG"
    assert col(read, Col.NAMA) == ["Pamulang Barat", "Benda Baru", "Kedaung", "Bambu Apus"]
    assert col(read, Col.NAMA_INDUK) == ["KECAMATAN PAMULANG"] * 4
    assert int(read.table[Col.WAJIB].sum()) == 78732
    assert int(read.table[Col.SUDAH].sum()) == 71448
    assert read.report["total_rows"] == [{"baris": 8, "label": "TOTAL", "consistent": True,
                                          "checked": [Col.WAJIB, Col.SUDAH, Col.BELUM]}]


def test_missing_sheet_is_refused_with_the_list_of_sheets():
    with pytest.raises(FileRefused) as err:
        read_enrollment(FIX / "per_kecamatan.xlsx", sheet="SETU")
    assert err.value.key == "sheet_tidak_ada"
    assert err.value.params == {"sheet": "SETU", "sheets": "CATATAN, SERPONG, PAMULANG"}
    assert "CATATAN, SERPONG, PAMULANG" in describe(err.value)


def test_list_sheets():
    assert list_sheets(FIX / "per_kecamatan.xlsx") == ["CATATAN", "SERPONG", "PAMULANG"]
    assert list_sheets((FIX / "per_kecamatan.xlsx").read_bytes(), "upload.xlsx") == ["CATATAN", "SERPONG",
                                                                                      "PAMULANG"]
    assert list_sheets(FIX / "kode_campur_utf8_bom.csv") == []
    with pytest.raises(FileRefused, match="bukan_format"):
        list_sheets(FIX / "gambar.xlsx")


# --- (5) bad files ------------------------------------------------------------------------
def test_negative_counts_are_errors_with_row_and_column():
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(FIX / "salah_negatif.csv")
    assert problems(err.value) == [("angka_negatif", 3, "WAJIB KTP"), ("angka_negatif", 4, "SUDAH REKAM")]
    assert [p.params["nilai"] for p in err.value.problems] == [-40, -3]
    assert all(p.severity == "error" for p in err.value.problems)


def test_text_and_fractions_in_count_columns_list_every_error():
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(FIX / "salah_teks.xlsx")
    assert problems(err.value) == [
        ("bukan_angka", 3, "SUDAH REKAM"),
        ("bukan_bilangan_bulat", 4, "SUDAH REKAM"),
        ("bukan_angka", 4, "PEMULA"),
        ("angka_kosong", 5, "WAJIB KTP"),
    ]
    assert [p.params.get("nilai") for p in err.value.problems] == ["empat ribu", "7500.5", "n/a", None]
    text = describe(err.value)
    assert "4 masalah" in text and "'empat ribu'" in text and "Baris 5, kolom 'WAJIB KTP'" in text
    assert "'empat ribu' is not a number" in describe(err.value, "en")


def test_missing_required_column_names_what_was_found_and_what_is_expected():
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(FIX / "salah_kolom_hilang.csv")
    (problem,) = err.value.problems
    assert (problem.key, problem.row, problem.column) == ("kolom_hilang", 1, None)
    assert problem.params["dicari"] == "SUDAH REKAM"
    assert problem.params["ditemukan"] == "'NO', 'DESA', 'WAJIB KTP', 'PRR'"
    assert "SUDAH MELAKUKAN PEREKAMAN" in problem.params["sinonim"]


def test_no_name_no_code_and_no_counts_at_all():
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(csv_bytes("JUDUL;LAIN", "a;b"), file_name="x.csv")
    assert [p.params["dicari"] for p in err.value.problems] == ["NAMA atau KODE WILAYAH", "WAJIB KTP",
                                                                 "SUDAH REKAM"]
    assert err.value.problems[0].params["ditemukan"] == "'JUDUL', 'LAIN'"


@pytest.mark.parametrize("name, kolom, huruf, n_nik", [("nik.csv", "NIK", "B", 3), ("nik.xlsx", "NOMOR", "B", 3)])
def test_nik_columns_are_refused(name, kolom, huruf, n_nik):
    with pytest.raises(FileRefused) as err:
        read_enrollment(FIX / name)
    assert err.value.key == ("berisi_nik" if name.endswith(".csv") else "berisi_nik_lembar")  # a CSV has no sheet
    assert err.value.params == {"kolom": kolom, "huruf": huruf, "lembar": err.value.params["lembar"], "n_nik": n_nik}
    assert "NIK" in describe(err.value)


@pytest.mark.parametrize("header, cell", [
    ("NO KTP", "1"), ("NAMA LENGKAP", "Budi"), ("Nik Pemohon", "x"),
    ("X", "3.67401E+15"), ("X", "3,67401E+15"), ("X", "'3674011234560001"), ("X", "3674-0112-3456-0001"),
])
def test_personal_data_headers_and_nik_like_text_are_refused(header, cell):
    data = csv_bytes(f"DESA;{header};WAJIB KTP;SUDAH REKAM", f"Ciater;{cell};10;9")
    with pytest.raises(FileRefused) as err:
        read_enrollment(data, file_name="x.csv")
    assert err.value.key == "berisi_nik"
    assert err.value.params["huruf"] == "B"


def test_a_nik_sheet_refuses_the_whole_workbook_even_when_another_sheet_is_asked_for():
    data = xlsx_bytes(("REKAP", [["DESA", "WAJIB KTP", "SUDAH REKAM"], ["Ciater", 10, 9]]),
                      ("LAMPIRAN", [["NIK", "NAMA"], [3674011234560001, "Budi"]]))
    with pytest.raises(FileRefused) as err:
        read_enrollment(data, file_name="x.xlsx", sheet="REKAP")
    assert err.value.params["lembar"] == "LAMPIRAN"


def test_codes_and_counts_are_not_mistaken_for_niks():
    data = csv_bytes("KODE;DESA;WAJIB KTP;SUDAH REKAM", "3674011001;Ciater;760.097;554.702")
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.WAJIB) == [760097] and col(read, Col.SUDAH) == [554702]


def test_refusing_personal_data_writes_nothing_anywhere(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the reader must not write files")

    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            forbidden()
        return real_open(file, mode, *args, **kwargs)

    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
                 "TemporaryDirectory"):
        monkeypatch.setattr(tempfile, name, forbidden)
    monkeypatch.setattr(builtins, "open", read_only_open)
    with pytest.raises(FileRefused, match="berisi_nik"):
        read_enrollment((FIX / "nik.xlsx").read_bytes(), file_name="nik.xlsx")
    assert read_enrollment(FIX / "kantor_tangsel_2017.xlsx").report["n_rows"] == 6


@pytest.mark.parametrize("name, key, params", [
    ("kosong.csv", "berkas_kosong", {"file_name": "kosong.csv", "lembar": "-"}),
    ("hanya_judul.csv", "berkas_kosong", {"file_name": "hanya_judul.csv", "lembar": "CSV"}),
    ("gambar.xlsx", "bukan_format", {"file_name": "gambar.xlsx", "ext": ".xlsx", "seperti": Word("isi_png")}),
    ("acak.csv", "bukan_format", {"file_name": "acak.csv", "ext": ".csv", "seperti": Word("isi_binary")}),
    ("terpotong.xlsx", "xlsx_rusak", {"file_name": "terpotong.xlsx", "detail": "File is not a zip file"}),
])
def test_broken_files_are_refused(name, key, params):
    with pytest.raises(FileRefused) as err:
        read_enrollment(FIX / name)
    assert (err.value.key, err.value.params) == (key, params)
    assert describe(err.value) != key  # a registered message, not the bare key
    if key == "bukan_format":  # what the content looks like, in the reader's language
        kind = params["seperti"].key
        assert {"isi_png": "gambar PNG", "isi_binary": "data biner yang tidak dikenal"}[kind] in describe(err.value)
        assert {"isi_png": "a PNG image", "isi_binary": "unknown binary data"}[kind] in describe(err.value, "en")


def test_size_is_checked_before_reading(monkeypatch):
    def no_reading(self):
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(FileRefused) as err:
        read_enrollment(FIX / "kantor_tangsel_2017.xlsx", max_bytes=1024)
    assert err.value.key == "berkas_terlalu_besar"
    assert err.value.params["maks_mb"] == 0.0
    with pytest.raises(FileRefused) as err:
        read_enrollment(b"x" * (3 * 1024 * 1024), file_name="big.csv", max_bytes=2 * 1024 * 1024)
    assert err.value.params == {"ukuran_mb": 3.0, "maks_mb": 2.0}


def test_missing_path_is_refused():
    with pytest.raises(FileRefused) as err:
        read_enrollment(FIX / "tidak_ada.csv")
    assert err.value.key == "berkas_tidak_bisa_dibuka"


@pytest.mark.parametrize("data, name, key, seperti", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "lama.xls", "xls_tidak_didukung", None),
    (b"<html><table><tr><td>DESA</td></tr></table></html>", "siak.xls", "xls_tidak_didukung", None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "lama.xlsx", "bukan_format",
     "berkas Excel lama (.xls) atau buku kerja bersandi"),
    (b"%PDF-1.4 ...", "rekap.csv", "bukan_format", "dokumen PDF"),
    (b"DESA;WAJIB KTP;SUDAH REKAM\nA;1;1\n", "rekap.xlsx", "bukan_format", "teks/CSV"),
    (b"DESA;WAJIB KTP\n", "rekap.ods", "format_tidak_dikenal", None),
    (b"\x89PNG\r\n\x1a\n0000", None, "bukan_format", "gambar PNG"),
])
def test_content_must_match_the_name(data, name, key, seperti):
    with pytest.raises(FileRefused) as err:
        read_enrollment(data, file_name=name)
    assert err.value.key == key
    if seperti:
        assert f"seperti {seperti}." in describe(err.value)


def test_xlsx_under_an_xls_name_or_no_name_is_read():
    data = (FIX / "per_kecamatan.xlsx").read_bytes()
    assert read_enrollment(data, file_name="lama.xls").report["n_rows"] == 7  # both kecamatan sheets
    assert read_enrollment(data).report["format"] == "xlsx"
    assert read_enrollment(csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "A;1;1")).report["format"] == "csv"


def test_a_word_document_named_xlsx_is_refused():
    buf = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(FileRefused) as err:
        read_enrollment(buf.getvalue(), file_name="rekap.xlsx")
    assert "seperti dokumen Word (.docx)." in describe(err.value)


# --- numbers -------------------------------------------------------------------------------
def one_count(text: str):
    data = csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", f'Ciater;"{text}";0')
    return read_enrollment(data, file_name="x.csv")


@pytest.mark.parametrize("text, expected", [
    ("760.097", 760097), ("760,097", 760097), ("1.234.567", 1234567), ("1,234,567", 1234567),
    ("760 097", 760097), ("\u00a0760.097\u00a0", 760097), ("1.234,00", 1234), ("1,234.00", 1234),
    ("12,0", 12), ("-", 0), ("\u2013", 0), ("0", 0), ("'1234", 1234), ("1e3", 1000), ("+15", 15),
])
def test_indonesian_numbers(text, expected):
    assert col(one_count(text), Col.WAJIB) == [expected]


@pytest.mark.parametrize("text, key", [
    ("12,5", "bukan_bilangan_bulat"), ("1.5", "bukan_bilangan_bulat"), ("1.234,5", "bukan_bilangan_bulat"),
    ("92,28%", "bukan_angka"), ("seribu", "bukan_angka"), ("1.23.4", "bukan_angka"), ("-5", "angka_negatif"),
    ("\u22125", "angka_negatif"), ("12345678901", "angka_terlalu_besar"), ("9" * 5000, "angka_terlalu_besar"),
])
def test_bad_numbers(text, key):
    with pytest.raises(ValidationFailed) as err:
        one_count(text)
    assert problems(err.value) == [(key, 2, "WAJIB KTP")]


def test_empty_optional_count_is_missing_but_empty_required_count_is_an_error():
    read = read_enrollment(csv_bytes("DESA;WAJIB KTP;SUDAH REKAM;PRR", "A;10;9;", "B;10;9;3"), file_name="x.csv")
    assert col(read, Col.PRR) == [None, 3]
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "A;10;", "B;10;9"), file_name="x.csv")
    assert problems(err.value) == [("angka_kosong", 2, "SUDAH REKAM")]


# --- layouts -------------------------------------------------------------------------------
def test_only_l_and_p_sub_columns_are_summed():
    data = csv_bytes(
        "NO,NAMA DESA,WAJIB KTP,,SUDAH REKAM,",
        ",,L,P,L,P",
        "1,Ciater,100,110,90,95",
        "2,Buaran,50,60,40,45",
    )
    read = read_enrollment(data, file_name="x.csv")
    assert read.report["header_rows"] == [1, 2]
    assert read.report["delimiter"] == ","
    assert col(read, Col.WAJIB) == [210, 110]
    assert col(read, Col.SUDAH) == [185, 85]
    assert read.report["summed_columns"] == {Col.WAJIB: ["WAJIB KTP / L", "WAJIB KTP / P"],
                                             Col.SUDAH: ["SUDAH REKAM / L", "SUDAH REKAM / P"]}
    assert read.report["columns"][Col.WAJIB] == "WAJIB KTP / L + WAJIB KTP / P"


def test_group_header_over_bare_sudah_and_belum():
    data = xlsx_bytes(("S", [["DESA", "WAJIB KTP", "PEREKAMAN KTP-EL", None],
                             [None, None, "SUDAH", "BELUM"],
                             ["Ciater", 1000, 900, 100]]))
    read = read_enrollment(data, file_name="x.xlsx")
    assert read.report["columns"][Col.SUDAH] == "PEREKAMAN KTP-EL / SUDAH"
    assert read.report["columns"][Col.BELUM] == "PEREKAMAN KTP-EL / BELUM"
    assert (col(read, Col.SUDAH), col(read, Col.BELUM)) == ([900], [100])


def test_section_rows_give_the_parent_and_subtotals_are_checked_per_block():
    data = csv_bytes(
        "NO;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM",
        "KECAMATAN SERPONG;;;",
        "1;Ciater;100;90",
        "2;Buaran;200;150",
        "JUMLAH KEC. SERPONG;;300;240",
        "KEC. SETU;;;",
        "3;Babakan;50;40",
        "JUMLAH;;50;41",
        "GRAND TOTAL;;350;281",
    )
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.NAMA) == ["Ciater", "Buaran", "Babakan"]
    assert col(read, Col.NAMA_INDUK) == ["KECAMATAN SERPONG", "KECAMATAN SERPONG", "KEC. SETU"]
    assert read.report["sections"] == ["KECAMATAN SERPONG", "KEC. SETU"]
    assert [t["baris"] for t in read.report["total_rows"]] == [5, 8, 9]
    assert [t["consistent"] for t in read.report["total_rows"]] == [True, False, False]
    assert [(p.key, p.row, p.column, p.params["tertulis"], p.params["dihitung"]) for p in read.problems] == [
        ("total_tidak_sesuai", 8, "SUDAH REKAM", 41, 40),
        ("total_tidak_sesuai", 9, "SUDAH REKAM", 281, 280),
    ]


def test_section_row_without_kecamatan_is_a_warning_not_a_parent():
    data = csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "WILAYAH I;;", "Ciater;10;9")
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.NAMA_INDUK) == [None]
    assert problems(read) == [("baris_tanpa_angka", 2, None)]
    assert read.problems[0].params == {"teks": "WILAYAH I"}


@pytest.mark.parametrize("label", ["TOTAL", "JUMLAH TOTAL", "GRAND TOTAL", "TOTAL KABUPATEN", "Jml", "Sub Total"])
def test_total_labels_in_the_no_column(label):
    data = csv_bytes("NO;KECAMATAN;WAJIB KTP;SUDAH REKAM", "1;Serpong;100;90", "2;Setu;50;45", f"{label};;150;135")
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.NAMA) == ["Serpong", "Setu"]
    assert col(read, Col.NAMA_INDUK) == [None, None]  # kecamatan rows: no parent column
    assert read.report["total_rows"][0]["consistent"] is True


def test_unlabelled_total_row_and_repeated_header_and_column_numbers():
    data = csv_bytes(
        "NO;DESA;WAJIB KTP;SUDAH REKAM",
        "(1);(2);(3);(4)",
        "1;Ciater;100;90",
        "NO;DESA;WAJIB KTP;SUDAH REKAM",
        "2;Buaran;200;150",
        ";;300;240",
    )
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.BARIS) == [3, 5]
    assert read.report["skipped_rows"] == {"column_numbers": [2], "repeated_header": [4]}
    assert read.report["total_rows"] == [{"baris": 6, "label": "", "consistent": True,
                                          "checked": [Col.WAJIB, Col.SUDAH]}]


def test_numbers_without_a_name_that_are_not_a_total_are_an_error():
    data = csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "Ciater;100;90", ";7;5")
    with pytest.raises(ValidationFailed) as err:
        read_enrollment(data, file_name="x.csv")
    assert problems(err.value) == [("tanpa_nama", 3, "DESA")]


def test_cakupan_is_cross_checked_as_text_or_excel_fraction():
    data = xlsx_bytes(("S", [["DESA", "WAJIB KTP", "SUDAH REKAM", "CAKUPAN"],
                             ["A", 412048, 380249, "92,28%"], ["B", 1000, 900, 0.9], ["C", 1000, 900, "80,00"]]))
    read = read_enrollment(data, file_name="x.xlsx")
    assert problems(read) == [("cakupan_tidak_sesuai", 4, "CAKUPAN")]
    assert read.problems[0].params == {"tertulis": "80,00", "dihitung": 90.0}


def test_coverage_above_100_with_zero_wajib_is_flagged_not_refused():
    read = read_enrollment(csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "A;0;4"), file_name="x.csv")
    assert problems(read) == [("melebihi_wajib", 2, "SUDAH REKAM")]
    assert read.problems[0].params["cakupan"] is None


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_any_delimiter(delimiter):
    lines = ["REKAP PEREKAMAN", "", delimiter.join(["KODE DESA", "DESA", "WAJIB KTP", "SUDAH REKAM"]),
             delimiter.join(["36.74.01.1001", "Ciater", "1.200", "1.100"])]
    read = read_enrollment(csv_bytes(*lines), file_name="x.csv")
    assert read.report["delimiter"] == delimiter
    assert read.report["header_rows"] == [3]
    assert (col(read, Col.KODE), col(read, Col.WAJIB)) == (["36.74.01.1001"], [1200])


def test_utf16_unicode_text_from_excel():
    text = "DESA\tWAJIB KTP\tSUDAH REKAM\r\nCiater\t1.200\t1.100\r\n"
    read = read_enrollment(text.encode("utf-16"), file_name="unicode.txt")
    assert read.report["encoding"] == "utf-16"
    assert col(read, Col.WAJIB) == [1200]


def test_kecamatan_names_with_a_kabupaten_column():
    data = csv_bytes("KABUPATEN/KOTA;KECAMATAN;KODE KECAMATAN;WKTP;TELAH REKAM", "TANGSEL;Serpong;36.74.01;10;9")
    read = read_enrollment(data, file_name="x.csv")
    assert (col(read, Col.NAMA), col(read, Col.NAMA_INDUK), col(read, Col.KODE)) == (
        ["Serpong"], ["TANGSEL"], ["36.74.01"])


def test_header_synonyms_are_case_space_and_punctuation_insensitive():
    data = csv_bytes("kd_desa;Desa / Kelurahan;Jumlah Wajib KTP (jiwa);Sudah  melakukan perekaman;"
                     "Print Ready Record;Kepemilikan;Wajib KTP Pemula;Belum Rekam",
                     "3674011001;Ciater;1.000;900;12;880;40;100")
    read = read_enrollment(data, file_name="x.csv")
    found = (Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA)
    assert set(read.report["columns"]) == {Col.KODE, Col.NAMA, *found}
    assert [col(read, c)[0] for c in found] == [1000, 900, 100, 12, 880, 40]
    assert [col(read, c)[0] for c in COUNT_COLUMNS if c not in found] == [None, None]


def test_upload_object_with_getvalue():
    class Upload:
        name = "rekap.csv"
        size = 40

        def getvalue(self):
            return csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "A;10;9")

    read = read_enrollment(Upload(), max_bytes=1000)
    assert read.report["file_name"] == "rekap.csv" and col(read, Col.WAJIB) == [10]


def test_every_message_key_is_registered_in_both_languages():
    keys = ["berkas_terlalu_besar", "berkas_tidak_bisa_dibuka", "berkas_kosong", "format_tidak_dikenal",
            "bukan_format", "xls_tidak_didukung", "xlsx_rusak", "csv_rusak", "sheet_tidak_ada", "berisi_nik",
            "berkas_kosong_lembar", "berisi_nik_lembar",
            "kolom_hilang", "bukan_angka", "angka_negatif", "bukan_bilangan_bulat", "angka_terlalu_besar",
            "angka_kosong", "tanpa_nama", "melebihi_wajib", "belum_tidak_sesuai", "total_tidak_sesuai",
            "cakupan_tidak_sesuai", "baris_tanpa_angka"]
    for key in keys:
        assert tr(key, "id") != key and tr(key, "en") != key
        assert tr(key, "id") != tr(key, "en")


def test_good_fixtures_give_json_reports_and_the_same_columns():
    for name in ("kantor_tangsel_2017.xlsx", "rekap_teluknaga_cp1252.csv", "kode_campur_utf8_bom.csv",
                 "per_kecamatan.xlsx"):
        read = read_enrollment(FIX / name)
        assert list(read.table.columns) == TABLE_COLUMNS
        json.loads(json.dumps(read.report))
        assert isinstance(read.problems, list)


def test_fixture_script_reproduces_the_committed_files(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIX / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for path in FIX.iterdir():
        if path.suffix == ".csv":
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
        elif path.suffix == ".xlsx" and path.name not in ("terpotong.xlsx", "gambar.xlsx"):
            try:
                fresh = read_enrollment(tmp_path / path.name)
            except RekamError as exc:
                with pytest.raises(type(exc)):
                    read_enrollment(path)
                continue
            pd.testing.assert_frame_equal(fresh.table, read_enrollment(path).table)


def test_total_row_above_the_data_is_checked_against_all_rows():
    data = csv_bytes("DESA;WAJIB KTP;SUDAH REKAM", "TOTAL;300;241", "Ciater;100;90", "Buaran;200;150")
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.BARIS) == [3, 4]
    assert read.report["total_rows"] == [{"baris": 2, "label": "TOTAL", "consistent": False,
                                          "checked": [Col.WAJIB, Col.SUDAH]}]
    assert [(p.key, p.row, p.params["tertulis"], p.params["dihitung"], p.params["dari_baris"],
             p.params["sampai_baris"]) for p in read.problems] == [("total_tidak_sesuai", 2, 241, 240, 3, 4)]


def test_units_row_under_the_header_and_signature_with_nip_are_not_data():
    wb = Workbook()
    ws = wb.active
    for row in (["NO", "DESA", "WAJIB KTP", "SUDAH REKAM", "CAKUPAN"],
                [None, None, "(jiwa)", "(jiwa)", "(%)"],
                [1, "Ciater", 100, 90, 90],
                [None, None, None, "Kepala Dinas,"],
                [None, None, None, "Drs. H. Fulan"],
                [None, None, None, "19650101 199003 1 005"]):
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    read = read_enrollment(buf.getvalue(), file_name="x.xlsx")
    assert col(read, Col.BARIS) == [3]
    assert read.report["skipped_rows"] == {"units": [2], "footer": [4, 5, 6]}
    assert read.problems == []


def test_numbered_section_rows_and_a_sheet_argument_for_a_csv():
    data = csv_bytes("NO;DESA;WAJIB KTP;SUDAH REKAM", "A;KECAMATAN SERPONG;;", "1;Ciater;10;9",
                     "B;KECAMATAN SETU;;", "1;Babakan;20;18")
    read = read_enrollment(data, file_name="x.csv", sheet="REKAP")  # a CSV has no sheets: ignored
    assert col(read, Col.NAMA_INDUK) == ["KECAMATAN SERPONG", "KECAMATAN SETU"]
    assert read.report["skipped_rows"] == {"section": [2, 4]}
    assert read.report["sheet"] is None

"""Whole workbooks as offices keep them: one sheet per kecamatan read in one go, with exact figures;
every sheet accounted for; sheets of different periods never merged into one snapshot."""
from __future__ import annotations

import io

import geopandas as gpd
import pytest
from openpyxl import Workbook

from geo.cli import main
from geo.coverage import coverage_table
from geo.schema import Col
from geo.store import Store

SERANG = "36.73"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def serang(real_dir, store_url, capsys):
    path = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.73_kota_serang.geojson"
    assert run(capsys, "import-boundaries", path, "--level", "desa", "--db", store_url)[0] == 0
    desa = gpd.read_file(path)
    return store_url, desa


def _figures(i: int) -> tuple[int, int]:
    wajib = 3000 + 37 * i
    return wajib, wajib - (i * 53) % 700


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_one_sheet_per_kecamatan_imports_in_one_go_with_exact_figures(serang, capsys, tmp_path):
    """Kota Serang keeps its 67 kelurahan in 6 sheets named after the kecamatan, names only, no codes:
    each sheet's name is the parent the names are matched within."""
    url, desa = serang
    store = Store.open(url)
    kecamatan = store.areas(within=SERANG, level="kecamatan")
    names = dict(zip(kecamatan[Col.KODE], kecamatan[Col.NAMA]))
    expected, sheets = {}, {"PETUNJUK": [["Isi satu lembar per kecamatan."]]}
    for i, row in enumerate(desa.sort_values("kode").itertuples()):
        wajib, sudah = _figures(i)
        expected[row.kode] = (wajib, sudah)
        title = names[row.kode[:8]].upper()
        sheets.setdefault(title, [["NO", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"]])
        sheets[title].append([len(sheets[title]), "KEL. " + row.nama.upper(), wajib, sudah])
    assert len(sheets) == 7 and len(expected) == 67
    path = tmp_path / "rekap_kota_serang.xlsx"
    path.write_bytes(_workbook(sheets))

    code, out, err = run(capsys, "import-enrollment", path, "--date", "2026-11-30", "--within", SERANG, "--db", url)
    assert code == 0, err
    assert "Lembar dibaca:" in out and "Lembar dilewati: PETUNJUK: tidak ada judul kolom rekap" in out
    got = coverage_table(store, "desa", within=SERANG).set_index(Col.KODE)
    assert {k: (int(got.at[k, Col.WAJIB]), int(got.at[k, Col.SUDAH])) for k in expected} == expected
    store.close()


def test_two_period_sheets_are_refused_and_each_imports_alone(serang, capsys, tmp_path):
    url, desa = serang
    rows = [["KODE", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"]]
    juli = rows + [[r.kode, r.nama, 1000, 900] for r in desa.head(5).itertuples()]
    agustus = rows + [[r.kode, r.nama, 1000, 950] for r in desa.head(5).itertuples()]
    path = tmp_path / "rekap_juli_agustus.xlsx"
    path.write_bytes(_workbook({"Juli": juli, "Agustus": agustus}))
    code, _, err = run(capsys, "import-enrollment", path, "--date", "2026-07-31", "--within", SERANG, "--db", url)
    assert code == 1 and "beberapa periode di lembar berbeda (Juli, Agustus)" in err and "--sheet" in err
    store = Store.open(url)
    assert store.snapshot_dates() == []
    for sheet, day, sudah in (("Juli", "2026-07-31", 900), ("Agustus", "2026-08-31", 950)):
        code, out, err = run(capsys, "import-enrollment", path, "--sheet", sheet, "--date", day, "--within", SERANG,
                             "--db", url)
        assert code == 0, err  # the same file, another sheet: not "already imported"
        assert f"Lembar dilewati: {'Agustus' if sheet == 'Juli' else 'Juli'}: tidak dipilih" in out
        table = coverage_table(store, "desa", within=SERANG, date=day).set_index(Col.KODE)
        assert int(table.at[desa["kode"].iloc[0], Col.SUDAH]) == sudah
    assert store.snapshot_dates() == ["2026-07-31", "2026-08-31"]
    code, _, err = run(capsys, "import-enrollment", path, "--sheet", "Juli", "--date", "2026-07-31", "--within",
                       SERANG, "--db", url)
    assert code == 1 and "sudah diimpor" in err  # that sheet again is
    store.close()


def test_the_data_date_is_read_from_the_title_and_otherwise_required(serang, capsys, tmp_path):
    url, desa = serang
    rows = [[r.kode, r.nama, 1000, 900] for r in desa.head(3).itertuples()]
    titled = tmp_path / "rekap_september.xlsx"
    titled.write_bytes(_workbook({"REKAP": [["REKAPITULASI PEREKAMAN KTP-EL"], ["Keadaan 30 September 2026"], [],
                                            ["KODE", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"], *rows]}))
    code, out, err = run(capsys, "import-enrollment", titled, "--within", SERANG, "--db", url)
    assert code == 0, err
    assert "Tanggal data dari berkas: 30 September 2026 ('Keadaan 30 September 2026')" in out
    store = Store.open(url)
    assert store.snapshot_dates() == ["2026-09-30"]
    untitled = tmp_path / "rekap.xlsx"
    untitled.write_bytes(_workbook({"REKAP": [["KODE", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"], *rows]}))
    code, _, err = run(capsys, "import-enrollment", untitled, "--within", SERANG, "--db", url)
    assert code == 1 and "tidak menyebut tanggal datanya" in err and "--date" in err
    assert store.snapshot_dates() == ["2026-09-30"]  # never silently today
    code, _, err = run(capsys, "import-enrollment", titled, "--date", "2026-10-31", "--within", SERANG, "--force",
                       "--db", url)
    assert code == 0 and "tanggal 31 Oktober 2026 dipakai, padahal berkas menyebut 30 September 2026" in err
    store.close()


def test_a_date_column_states_the_data_date_and_a_future_one_is_refused(serang, capsys, tmp_path):
    """A file with a 'tanggal' column on every row states its date as a title does: the CLI takes it
    (a workbook's date cells or a CSV's ISO text), refuses it when it lies in the future, and leaves
    the date to be picked when the rows name different dates — the store unchanged by a refusal."""
    from datetime import datetime

    url, desa = serang
    rows = desa.head(3)
    book = tmp_path / "rekap_tanggal.xlsx"
    book.write_bytes(_workbook({"REKAP": [["TANGGAL", "KODE", "KELURAHAN", "WAJIB KTP", "SUDAH REKAM"],
                                          *[[datetime(2026, 10, 31), r.kode, r.nama, 1000, 900]
                                            for r in rows.itertuples()]]}))
    code, out, err = run(capsys, "import-enrollment", book, "--within", SERANG, "--db", url)
    assert code == 0, err
    assert "Tanggal data dari berkas: 31 Oktober 2026" in out
    store = Store.open(url)
    assert store.snapshot_dates() == ["2026-10-31"]
    future = tmp_path / "rekap_depan.csv"
    future.write_text("tanggal,kode,nama,wajib_ktp,sudah_rekam\n" + "".join(
        f"2027-03-15,{r.kode},{r.nama},1000,950\n" for r in rows.itertuples()), encoding="utf-8")
    versions = len(store.history())
    code, _, err = run(capsys, "import-enrollment", future, "--within", SERANG, "--db", url)
    assert code == 1 and "Tanggal data 15 Maret 2027 ada di masa depan" in err and "--allow-date" in err
    assert "tidak menyebut tanggal" not in err
    assert len(store.history()) == versions and store.snapshot_dates() == ["2026-10-31"]
    mixed = tmp_path / "rekap_campur.csv"
    mixed.write_text("tanggal,kode,nama,wajib_ktp,sudah_rekam\n" + "".join(
        f"2026-11-{7 * (i + 1):02d},{r.kode},{r.nama},1000,950\n" for i, r in enumerate(rows.itertuples())),
        encoding="utf-8")
    for extra in ([], ["--date", "2026-11-21"]):  # rows of three dates are never one snapshot
        code, _, err = run(capsys, "import-enrollment", mixed, "--within", SERANG, "--db", url, *extra)
        assert code == 1 and len(store.history()) == versions
        assert ("Kolom 'tanggal' memuat angka 3 tanggal (7 November 2026, 14 November 2026, 21 November 2026), "
                "padahal satu impor memuat angka satu tanggal. Pisahkan berkasnya per tanggal") in err
    store.close()

"""The CLI end to end on real boundaries and an office-style spreadsheet, on SQLite and PostgreSQL.

The spreadsheet is laid out the way a Disdukcapil writes one: title rows, a merged two-row
header (WAJIB KTP and SUDAH REKAM over L | P | JML), a NO column, KECAMATAN and
DESA/KELURAHAN names with prefixes and abbreviations, numbers as text with thousands dots,
a JUMLAH row. The figures the CLI prints must equal the sums computed here from the same rows.
"""
from __future__ import annotations

import json
import random

import openpyxl
import pandas as pd
import pytest

from geo.cli import main
from geo.names import normalize_name

TANGSEL = "36.74"


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def tangsel_store(real_dir, store_url, capsys):
    kec = real_dir / "cahyadsn_wilayah_boundaries" / "kecamatan_36_banten_18.09_19.03.geojson"
    desa = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    assert _cli(capsys, "import-boundaries", str(kec), "--level", "kecamatan", "--db", store_url)[0] == 0
    assert _cli(capsys, "import-boundaries", str(desa), "--level", "desa", "--db", store_url)[0] == 0
    return store_url


def _office_rows(real_dir):
    """The 54 Tangsel kelurahan with invented figures (seeded), as (kecamatan, kelurahan, wl, wp, sl, sp)."""
    table = pd.read_csv(real_dir / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_targets.csv",
                        dtype=str)
    kec_names = dict(zip(table["kode"], table["nama"]))
    desa = table[table["kode"].str.startswith(TANGSEL + ".") & (table["level"] == "4")]
    rng = random.Random(7)
    rows = []
    for kode, nama in zip(desa["kode"], desa["nama"]):
        wl, wp = rng.randint(4000, 30000), rng.randint(4000, 30000)
        share = rng.uniform(0.80, 0.99)
        rows.append((kode, kec_names[kode.rsplit(".", 1)[0]], nama, wl, wp, int(wl * share), int(wp * share)))
    return rows


def _office_name(nama: str) -> str:
    """How an office types the name: prefix, upper case, abbreviations."""
    upper = nama.upper().replace("PONDOK ", "PD. ")
    return f"KEL. {upper}"


def _write_office_xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "REKAP"
    ws.append(["REKAPITULASI PEREKAMAN KTP-EL"])
    ws.append(["KOTA TANGERANG SELATAN"])
    ws.append(["Keadaan s.d. 31 Agustus 2026"])
    ws.append([])
    ws.append(["NO", "KECAMATAN", "DESA/KELURAHAN", "WAJIB KTP", None, None, "SUDAH REKAM", None, None])
    ws.append([None, None, None, "L", "P", "JML", "L", "P", "JML"])
    for col in ("A5:A6", "B5:B6", "C5:C6", "D5:F5", "G5:I5"):
        ws.merge_cells(col)
    dotted = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731 — numbers stored as text, Indonesian style
    for i, (_, kec, nama, wl, wp, sl, sp) in enumerate(rows, start=1):
        ws.append([i, f"KEC. {kec.upper()}", _office_name(nama), dotted(wl), dotted(wp), dotted(wl + wp),
                   dotted(sl), dotted(sp), dotted(sl + sp)])
    tw = sum(r[3] + r[4] for r in rows)
    ts = sum(r[5] + r[6] for r in rows)
    ws.append([None, "JUMLAH", None, None, None, dotted(tw), None, None, dotted(ts)])
    wb.save(path)


def test_office_spreadsheet_gives_the_right_numbers(tangsel_store, real_dir, tmp_path, capsys):
    rows = _office_rows(real_dir)
    book = tmp_path / "rekap_agustus.xlsx"
    _write_office_xlsx(book, rows)
    code, out, err = _cli(capsys, "import-enrollment", str(book), "--date", "2026-08-31", "--within", TANGSEL,
                          "--db", tangsel_store)
    assert code == 0, err
    assert "54" in out

    code, out, _ = _cli(capsys, "coverage", "--level", "kecamatan", "--within", TANGSEL, "--format", "json",
                        "--db", tangsel_store)
    assert code == 0
    got = {r["kode"]: r for r in json.loads(out)}
    assert len(got) == 7
    for kec in got:
        mine = [r for r in rows if r[0].startswith(kec + ".")]
        wajib = sum(r[3] + r[4] for r in mine)
        sudah = sum(r[5] + r[6] for r in mine)
        assert (got[kec]["wajib_ktp"], got[kec]["sudah_rekam"], got[kec]["belum_rekam"]) == (wajib, sudah, wajib - sudah)
        assert got[kec]["cakupan"] == round(100 * sudah / wajib, 2)
        zona = "hijau" if 100 * sudah / wajib >= 92 else ("kuning" if 100 * sudah / wajib >= 85 else "merah")
        assert got[kec]["zona"] == zona

    code, out, _ = _cli(capsys, "coverage", "--level", "kabupaten", "--within", TANGSEL, "--format", "csv",
                        "--db", tangsel_store)
    kab = pd.read_csv(pd.io.common.StringIO(out))
    assert int(kab.loc[0, "wajib_ktp"]) == sum(r[3] + r[4] for r in rows)


def test_refused_file_changes_nothing_and_exits_1(tangsel_store, tmp_path, capsys):
    bad = tmp_path / "rekap.csv"
    bad.write_text("KODE;NAMA;WAJIB KTP;SUDAH REKAM\n36.74.01.1001;Serpong;1.000;-5\n", encoding="utf-8")
    code, out, err = _cli(capsys, "import-enrollment", str(bad), "--date", "2026-08-31", "--db", tangsel_store)
    assert code == 1
    assert "Baris 2" in err and "Traceback" not in err
    code, out, _ = _cli(capsys, "history", "--format", "json", "--db", tangsel_store)
    assert [v["kind"] for v in json.loads(out)] == ["boundaries", "boundaries"]


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["coverage", "--level", "planet"])
    assert exc.value.code == 2


def test_bad_date_is_explained(tangsel_store, tmp_path, capsys):
    code, _, err = _cli(capsys, "coverage", "--level", "desa", "--date", "31-08-26", "--db", tangsel_store)
    assert code == 1 and "TTTT-BB-HH" in err


def test_office_names_normalise_to_kemendagri_names():
    assert normalize_name("KEL. PD. BENDA") == normalize_name("Pondok Benda")

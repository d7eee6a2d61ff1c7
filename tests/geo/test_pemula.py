"""First-timers (pemula) from office files: read, stored, summed, and told — the Panongan story
("3.746 belum rekam, including students turning 17 in September") from one recording file."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import ingest
from geo.coverage import aggregate, area_totals
from geo.io.enrollment import read_enrollment
from geo.pockets import pockets_table, ranked
from geo.present import pockets as present_pockets
from geo.schema import Col
from geo.store import Store
from tests.geo.test_enrollment import col, csv_bytes, xlsx_bytes
from tests.pages.pages_run import styled_text

# Kecamatan Panongan (36.03.19), Kabupaten Tangerang: its eight desa as the code table names them,
# with hand numbers: belum rekam 508 + 419 + 515 + 417 + 348 + 512 + 451 + 576 = 3,746, of whom
# first-timers not recorded 166 + 141 + 152 + 135 + 104 + 162 + 142 + 203 = 1,205.
PANONGAN = [  # kode, name as the office writes it, wajib, sudah, pemula, sudah rekam pemula, belum rekam pemula
    ("36.03.19.1002", "MEKAR BAKTI", 14210, 13702, 402, 236, 166),
    ("36.03.19.2001", "RANCA IYUH", 9840, 9421, 281, 140, 141),
    ("36.03.19.2003", "PEUSAR", 11305, 10790, 330, 178, 152),
    ("36.03.19.2004", "RANCA KALAPA", 8977, 8560, 255, 120, 135),
    ("36.03.19.2005", "SERDANG KULON", 7650, 7302, 214, 110, 104),
    ("36.03.19.2006", "MEKAR JAYA", 12118, 11606, 352, 190, 162),
    ("36.03.19.2007", "CIAKAR", 10402, 9951, 300, 158, 142),
    ("36.03.19.2008", "PANONGAN", 15033, 14457, 418, 215, 203),
]
OFFICIAL = {"36.03.19.1002": "Mekar Bakti", "36.03.19.2001": "Ranca Iyuh", "36.03.19.2003": "Peusar",
            "36.03.19.2004": "Ranca Kalapa", "36.03.19.2005": "Serdang Kulon", "36.03.19.2006": "Mekar Jaya",
            "36.03.19.2007": "Ciakar", "36.03.19.2008": "Panongan"}


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def panongan_file(*, belum_pemula: bool = True) -> bytes:
    """The kecamatan's recap as an office exports it: title rows, a semicolon CSV, thousands dots, a total."""
    header = "NO;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM;BELUM REKAM;PEMULA;SUDAH REKAM PEMULA"
    header += ";BELUM REKAM PEMULA" if belum_pemula else ""
    lines = ["REKAPITULASI PEREKAMAN KTP-EL KECAMATAN PANONGAN", "KEADAAN 31 AGUSTUS 2025", header]
    for i, (_, name, w, s, p, ps, pb) in enumerate(PANONGAN, 1):
        cells = [str(i), name, thousands(w), thousands(s), thousands(w - s), str(p), str(ps)]
        lines.append(";".join(cells + ([str(pb)] if belum_pemula else [])))
    totals = [sum(r[k] for r in PANONGAN) for k in (2, 3)]
    total = ["", "JUMLAH", thousands(totals[0]), thousands(totals[1]), thousands(totals[0] - totals[1]),
             *(str(sum(r[k] for r in PANONGAN)) for k in ((4, 5, 6) if belum_pemula else (4, 5)))]
    lines.append(";".join(total))
    return csv_bytes(*lines)


def panongan_areas() -> gpd.GeoDataFrame:
    rows = [("36.03", "Kabupaten Tangerang", "kabupaten", "36", "kabupaten", box(106.4, -6.4, 106.6, -6.2)),
            ("36.03.19", "Panongan", "kecamatan", "36.03", "kecamatan", box(106.4, -6.3, 106.48, -6.22))]
    rows += [(k, n, "desa", "36.03.19", "kelurahan" if k.endswith("1002") else "desa",
              box(106.4 + 0.01 * i, -6.3, 106.41 + 0.01 * i, -6.29)) for i, (k, n) in enumerate(OFFICIAL.items())]
    frame = pd.DataFrame(rows, columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"])
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


# --- reading ------------------------------------------------------------------------------------
def test_pemula_columns_are_read_not_ignored():
    read = read_enrollment(panongan_file(), file_name="panongan.csv")
    assert col(read, Col.PEMULA) == [r[4] for r in PANONGAN]
    assert col(read, Col.PEMULA_SUDAH) == [r[5] for r in PANONGAN]
    assert col(read, Col.PEMULA_BELUM) == [r[6] for r in PANONGAN]
    assert col(read, Col.SUDAH) == [r[3] for r in PANONGAN]  # "SUDAH REKAM PEMULA" is not SUDAH REKAM
    assert read.report["sums"][Col.PEMULA_BELUM] == 1205 and read.report["sums"][Col.BELUM] == 3746
    assert read.report["columns"][Col.PEMULA_BELUM] == "BELUM REKAM PEMULA"
    assert read.report["total_row_checked"]


@pytest.mark.parametrize("header, expected", [
    ("REKAM PEMULA", Col.PEMULA_SUDAH), ("PEREKAMAN PEMULA", Col.PEMULA_SUDAH),
    ("Pemula Belum Rekam", Col.PEMULA_BELUM), ("WAJIB KTP PEMULA", Col.PEMULA),
])
def test_the_words_offices_use_for_first_timers(header, expected):
    read = read_enrollment(csv_bytes(f"DESA;WAJIB KTP;SUDAH REKAM;{header}", "Ciater;1.000;900;37"), file_name="x.csv")
    assert col(read, expected) == [37] and col(read, Col.SUDAH) == [900]


def test_pemula_split_by_sex_is_summed():
    data = csv_bytes("DESA;WAJIB KTP;SUDAH REKAM;BELUM REKAM PEMULA L;BELUM REKAM PEMULA P",
                     "Ciater;1.000;900;20;17", "Serpong;2.000;1.900;9;4")
    read = read_enrollment(data, file_name="x.csv")
    assert col(read, Col.PEMULA_BELUM) == [37, 13]
    assert read.report["summed_columns"][Col.PEMULA_BELUM] == ["BELUM REKAM PEMULA L", "BELUM REKAM PEMULA P"]


def test_pemula_under_a_merged_group_header():
    """'PEMULA' over 'SUDAH REKAM | BELUM REKAM', beside the area's own SUDAH REKAM: no clash."""
    data = xlsx_bytes(("Rekap", [
        ["DESA", "WAJIB KTP", "SUDAH REKAM", "PEMULA", None],
        [None, None, None, "SUDAH REKAM", "BELUM REKAM"],
        ["Ciater", 1000, 900, 25, 12],
    ]))
    read = read_enrollment(data, file_name="rekap.xlsx")
    assert (col(read, Col.SUDAH), col(read, Col.PEMULA_SUDAH), col(read, Col.PEMULA_BELUM)) == ([900], [25], [12])


def test_belum_rekam_pemula_with_l_p_jml_under_it():
    data = xlsx_bytes(("Rekap", [
        ["DESA", "WAJIB KTP", "SUDAH REKAM", "BELUM REKAM PEMULA", None, None],
        [None, None, None, "L", "P", "JML"],
        ["Ciater", 1000, 900, 7, 5, 12],
    ]))
    assert col(read_enrollment(data, file_name="rekap.xlsx"), Col.PEMULA_BELUM) == [12]


# --- summing ------------------------------------------------------------------------------------
def test_pemula_belum_is_given_or_pemula_minus_recorded_then_summed():
    rows = pd.DataFrame({
        Col.KODE: ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003"],
        Col.TANGGAL: ["2026-01-05"] * 3,
        Col.WAJIB: pd.array([100, 200, 300], dtype="Int64"),
        Col.SUDAH: pd.array([90, 150, 280], dtype="Int64"),
        Col.PEMULA: pd.array([20, 30, None], dtype="Int64"),
        Col.PEMULA_SUDAH: pd.array([15, 12, None], dtype="Int64"),
        Col.PEMULA_BELUM: pd.array([None, 10, None], dtype="Int64"),  # given: 10 (not 30 − 12 = 18)
    })
    out = aggregate(rows, "kecamatan").set_index(Col.KODE)
    assert out.loc["99.01.01", Col.PEMULA_BELUM] == (20 - 15) + 10
    assert out.loc["99.01.01", Col.BELUM] == 10 + 50 + 20
    none = aggregate(rows.assign(**{c: pd.array([None] * 3, dtype="Int64")
                                     for c in (Col.PEMULA, Col.PEMULA_SUDAH, Col.PEMULA_BELUM)}), "kecamatan")
    assert none[Col.PEMULA_BELUM].isna().all()


# --- the Panongan story, from the file to the words ------------------------------------------------
@pytest.mark.parametrize("given", [True, False], ids=["belum_pemula_given", "pemula_minus_sudah"])
def test_panongan_story_from_an_office_file(store_url, given):
    store = Store.open(store_url)
    store.add_areas(panongan_areas())
    prepared = ingest.prepare_enrollment(store, panongan_file(belum_pemula=given), level="desa", within="36.03",
                                         file_name="panongan.csv")
    ingest.commit_enrollment(store, prepared, tanggal="2025-08-31")
    totals = area_totals(store, "36.03.19")
    assert (totals[Col.BELUM], totals[Col.PEMULA_BELUM]) == (3746, 1205)
    assert present_pockets.pemula_note(totals, "id") == (
        "3.746 belum rekam, termasuk 1.205 pemula (32,2%): remaja yang baru atau segera berumur 17 tahun, "
        "kebanyakan masih bersekolah.")
    assert present_pockets.pemula_note(totals, "en").startswith("3,746 not recorded, including 1,205 first-timers")
    table = ranked(pockets_table(store, "36.03", "desa"))
    assert table[[Col.NAMA, Col.BELUM, Col.PEMULA_BELUM]].head(2).values.tolist() == [
        ["Panongan", 576, 203], ["Peusar", 515, 152]]
    columns = present_pockets.ranked_columns("desa", table)
    assert columns[columns.index(Col.BELUM) + 1] == Col.PEMULA_BELUM
    shown = present_pockets.display(table, columns, "id")
    assert styled_text(shown)["Pemula belum rekam"].tolist()[:2] == ["203", "152"]
    assert shown.data["Pemula belum rekam"].tolist()[:2] == [203.0, 152.0]  # a number: the column sorts by value
    download = present_pockets.download_table(table, columns, "en")
    assert download["First-timers not recorded"].tolist()[:2] == [203, 152]
    store.close()


def test_no_pemula_figure_no_pemula_column_nor_note(store_url):
    store = Store.open(store_url)
    store.add_areas(panongan_areas())
    store.add_enrollment(pd.DataFrame([{Col.KODE: "36.03.19.2008", Col.WAJIB: 100, Col.SUDAH: 90}]),
                         tanggal="2025-08-31")
    totals = area_totals(store, "36.03.19")
    assert totals[Col.BELUM] == 10 and totals[Col.PEMULA_BELUM] is None
    assert present_pockets.pemula_note(totals) is None
    assert Col.PEMULA_BELUM not in present_pockets.ranked_columns("desa", pockets_table(store, "36.03", "desa"))
    assert Col.PEMULA_BELUM not in present_pockets.ranked_columns("desa")
    store.close()


def test_a_store_made_before_the_pemula_columns_gets_them_on_open(store_url):
    from sqlalchemy import inspect, text

    store = Store.open(store_url)
    store.add_areas(panongan_areas())
    store.add_enrollment(pd.DataFrame([{Col.KODE: "36.03.19.2008", Col.WAJIB: 100, Col.SUDAH: 90}]),
                         tanggal="2025-08-31")
    with store.engine.begin() as conn:
        for column in (Col.PEMULA_SUDAH, Col.PEMULA_BELUM):
            conn.execute(text(f'ALTER TABLE enrollment DROP COLUMN "{column}"'))
    store.close()
    reopened = Store.open(store_url)
    with reopened.engine.connect() as conn:
        have = {c["name"] for c in inspect(conn).get_columns("enrollment")}
    assert {Col.PEMULA_SUDAH, Col.PEMULA_BELUM} <= have
    reopened.add_enrollment(pd.DataFrame([{Col.KODE: "36.03.19.2008", Col.WAJIB: 100, Col.SUDAH: 95,
                                           Col.PEMULA_BELUM: 4}]), tanggal="2025-09-30")
    assert area_totals(reopened, "36.03.19")[Col.PEMULA_BELUM] == 4
    assert reopened.enrollment()[Col.SUDAH].tolist() == [90, 95]
    reopened.close()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_template_has_belum_rekam_pemula_and_reads_back(store_url, kind):
    """The Data page's template (as its CSV and XLSX downloads write it), filled in, reads back with
    the first-timers not recorded: the column is one an office can fill and the product can import."""
    from geo.export import to_csv_bytes, to_xlsx_bytes

    store = Store.open(store_url)
    store.add_areas(panongan_areas())
    frame = ingest.template(store, within="36.03", level="desa")
    assert list(frame.columns)[-1] == Col.PEMULA_BELUM
    by_code = {k: (w, s, pb) for k, _, w, s, _, _, pb in PANONGAN}
    frame[Col.WAJIB] = [by_code[k][0] for k in frame[Col.KODE]]
    frame[Col.SUDAH] = [by_code[k][1] for k in frame[Col.KODE]]
    frame[Col.PEMULA_BELUM] = [by_code[k][2] for k in frame[Col.KODE]]
    data = to_csv_bytes(frame) if kind == "csv" else to_xlsx_bytes({"data": frame})
    prepared = ingest.prepare_enrollment(store, data, level="desa", within="36.03", file_name=f"templat.{kind}")
    ingest.commit_enrollment(store, prepared, tanggal="2025-08-31")
    totals = area_totals(store, "36.03.19")
    assert (totals[Col.BELUM], totals[Col.PEMULA_BELUM]) == (3746, 1205)
    store.close()

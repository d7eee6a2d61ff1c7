"""Names from files are data in every export: a name carrying markup, quotes, a formula, control
characters and direction overrides comes out of CSV, XLSX, SVG, PNG, PDF and HTML as text —
never as a formula, markup, an invalid file or a traceback.

The name is written straight into the store (as a store filled before imports cleaned names
would hold it), on the demo desa with the most people not yet recorded, so it is in every chart.
"""
from __future__ import annotations

import csv
import io
import shutil
import xml.etree.ElementTree as ET

import geopandas as gpd
import openpyxl
import pytest

from geo import export, pockets
from geo.cli import main
from geo.config import load_settings
from geo.coverage import coverage_table
from geo.present import pockets as pockets_view
from geo.render import media
from geo.render.briefing import briefing_pdf
from geo.schema import Col
from geo.store import Store

KAB = "99.01"
NASTY = '=HYPERLINK("http://x","klik") <b>Tebal</b> "Kutip" & \'Satu\'\x07\u202eAkhir\x1b'
SHOWN = '=HYPERLINK("http://x","klik") <b>Tebal</b> "Kutip" & \'Satu\'Akhir'  # what a reader sees


@pytest.fixture(scope="module")
def nasty(demo_sqlite, tmp_path_factory):
    path = tmp_path_factory.mktemp("nasty") / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, path)
    store = Store.open(f"sqlite:///{path}")
    desa = coverage_table(store, "desa", within=KAB, geometry=True)
    target = desa.sort_values(Col.BELUM, ascending=False).iloc[[0]].copy()
    target[Col.NAMA] = NASTY
    store.add_areas(gpd.GeoDataFrame(target, geometry="geometry", crs="EPSG:4326"), user="uji")
    yield store, target[Col.KODE].iloc[0]
    store.close()


def test_the_store_gives_the_name_without_its_control_characters(nasty):
    store, kode = nasty
    names = store.areas(within=KAB).set_index(Col.KODE)[Col.NAMA]
    assert names[kode] == SHOWN


def test_csv_and_xlsx_keep_the_name_as_text_never_a_formula(nasty):
    store, kode = nasty
    table = pockets.ranked(pockets.pockets_table(store, KAB, "desa", zones=load_settings().zones), "belum_rekam")
    data = pockets_view.download_table(table, pockets_view.ranked_columns("desa"), "id")
    rows = list(csv.reader(io.StringIO(export.to_csv_bytes(data, "id").decode("utf-8-sig")), delimiter=";"))
    cells = [c for r in rows for c in r]
    assert "'" + SHOWN in cells  # the name, whole, as text
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes({"kantong": data})))
    values = [c.value for r in book.active.iter_rows() for c in r]
    assert "'" + SHOWN in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert not any(isinstance(v, str) and any(ord(ch) < 32 for ch in v) for v in values)


def test_the_svg_is_valid_xml_and_carries_the_name_as_text(nasty):
    store, _ = nasty
    svg = media.chart_image(store, KAB, "kantong", fmt_name="svg", size="1200x675", settings=load_settings())
    root = ET.fromstring(svg)  # raises on an invalid document
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text") or t.tag.endswith("tspan"))
    assert "Tebal" in texts and "<b>" not in svg.decode("utf-8")


def test_png_and_pdf_are_made(nasty):
    store, _ = nasty
    png = media.chart_image(store, KAB, "kantong", fmt_name="png", size="1080x1080", settings=load_settings())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = briefing_pdf(store, KAB, settings=load_settings())
    assert pdf.startswith(b"%PDF")


def test_the_standalone_map_escapes_the_name(nasty, tmp_path, capsys):
    store, _ = nasty
    out = tmp_path / "peta.html"
    assert main(["map", "--level", "desa", "--within", KAB, "--out", str(out), "--db", store.url]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<b>Tebal</b>" not in html and "\x07" not in html and "\u202e" not in html
    assert "Tebal" in html

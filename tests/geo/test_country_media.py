"""The media pack and the briefing of the whole country (geo.schema.COUNTRY), on three real provinsi
(``tests/national_store.py``): the page sums the source file, leads with how many provinsi and
kabupaten/kota are still red, ranks the provinsi first, and maps the kabupaten/kota."""
from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pytest

from geo import fmt
from geo.config import load_settings
from geo.render import briefing, media
from geo.schema import COUNTRY, Col, RekamError
from geo.store import Store
from tests.geo.test_briefing import _text
from tests.national_store import build, copy_sqlite

SETTINGS = load_settings()
PROVINSI_NAMES = {"18": "Lampung", "19": "Kepulauan Bangka Belitung", "36": "Banten"}


@pytest.fixture(scope="module")
def country(real_dir, tmp_path_factory):
    url, source = build(real_dir, tmp_path_factory.mktemp("country_media"))
    store = Store.open(url)
    rows = pd.read_csv(source, dtype={Col.KODE: str})
    yield store, rows[rows[Col.TANGGAL] == rows[Col.TANGGAL].max()], url
    store.close()


def _coverage_by(rows: pd.DataFrame, width: int) -> pd.Series:
    summed = rows.groupby(rows[Col.KODE].str[:width])[[Col.WAJIB, Col.SUDAH]].sum()
    return (100 * summed[Col.SUDAH] / summed[Col.WAJIB]).sort_values()


def _red(coverage: pd.Series) -> int:
    return int((coverage < SETTINGS.zones.kuning).sum())


def test_the_country_briefing_sums_the_source_and_ranks_the_provinsi(country, tmp_path):
    store, now, _ = country
    pdf = briefing.briefing_pdf(store, COUNTRY, settings=SETTINGS, today=date(2026, 11, 20))
    text = re.sub(r"[ \t]+", " ", _text(pdf, tmp_path))
    provinsi, kabupaten = _coverage_by(now, 2), _coverage_by(now, 5)
    assert "RINGKASAN NASIONAL" in text and "Seluruh Indonesia" in text
    assert (f"{_red(provinsi)} dari 3 provinsi dan {_red(kabupaten)} dari 10 kabupaten/kota masih merah."
            in re.sub(r"\s+", " ", text))
    wajib, sudah = int(now[Col.WAJIB].sum()), int(now[Col.SUDAH].sum())
    assert fmt.number(wajib) in text and fmt.number(sudah) in text
    assert fmt.percent(100 * sudah / wajib, 2) in text  # summed, then the percent
    assert "Provinsi, cakupan terendah dulu" in text and "Data per 16 November 2026" in text and "Sumber:" in text
    belum = (now[Col.WAJIB] - now[Col.SUDAH]).clip(lower=0).groupby(now[Col.KODE].str[:2]).sum()
    positions = []
    for kode, cakupan in provinsi.items():  # the first table: every provinsi, lowest coverage first
        line = f"{PROVINSI_NAMES[kode]} {fmt.percent(cakupan, 2)} {fmt.number(belum[kode])}"
        assert line in text, line
        positions.append(text.index(line))
    assert positions == sorted(positions)
    assert "Zona per kabupaten/kota" in text  # the map draws the kabupaten/kota


def test_the_country_map_image_titles_the_red_kabupaten(country):
    store, now, _ = country
    kabupaten = _coverage_by(now, 5)
    svg = media.chart_image(store, COUNTRY, "peta", fmt_name="svg", settings=SETTINGS).decode("utf-8")
    words = re.sub(r"<[^>]+>", "", svg)
    assert f"Seluruh Indonesia: {_red(kabupaten)} dari 10 kabupaten/kota masih merah" in words
    assert "per kabupaten/kota, data per 16 November 2026" in words and "Sumber:" in words


def test_the_country_charts_speak_of_the_whole_country(country):
    """zona-bar of the provinsi, tren of the summed rows, kantong of the desa of every provinsi."""
    store, now, _ = country
    bars = media.chart_figure(store, COUNTRY, "zona-bar", settings=SETTINGS)
    named = {a.name: a.text for a in bars.layout.annotations}
    coverage = _coverage_by(now, 2)
    assert named["judul"] == (f"<b>Seluruh Indonesia: {(coverage < 85).sum()} dari 3 provinsi masih merah</b>"
                              if (coverage < 85).any() else
                              f"<b>Seluruh Indonesia: {(coverage >= 92).sum()} dari 3 provinsi di zona hijau</b>")
    assert named["subjudul"] == "Cakupan perekaman KTP-el per provinsi, data per 16 November 2026"
    shown = {row[0]: cakupan for trace in bars.data if trace.customdata is not None
             for row, cakupan in zip(trace.customdata, trace.x)}
    assert shown == pytest.approx({PROVINSI_NAMES[k]: v for k, v in _coverage_by(now, 2).items()})
    line = media.chart_figure(store, COUNTRY, "tren", settings=SETTINGS, today=date(2026, 11, 20))
    named = {a.name: a.text for a in line.layout.annotations}
    assert named["judul"].startswith("<b>Seluruh Indonesia: ")
    cakupan = [v for trace in line.data for v in (trace.y if trace.y is not None else [])]
    assert pytest.approx(100 * now[Col.SUDAH].sum() / now[Col.WAJIB].sum()) in cakupan
    pockets = media.chart_figure(store, COUNTRY, "kantong", settings=SETTINGS)
    belum = (now[Col.WAJIB] - now[Col.SUDAH]).clip(lower=0)
    drawn = [v for trace in pockets.data if trace.x is not None for v in trace.x if v is not None]
    assert max(drawn) == belum.max()  # the desa with the most belum rekam of the whole country
    assert media.area_name(store, COUNTRY, "en") == "All of Indonesia"


def test_the_cli_writes_the_country_briefing(country, tmp_path):
    from geo.cli import main

    out = tmp_path / "indonesia.pdf"
    assert main(["briefing", "--within", COUNTRY, "--out", str(out), "--db", country[2]]) == 0
    assert "RINGKASAN NASIONAL" in _text(out.read_bytes(), tmp_path)


def test_the_cli_projects_the_country_per_provinsi(country, capsys):
    from geo.cli import main

    _, rows, url = country
    code = main(["trend", "--within", COUNTRY, "--deadline", "2026-12-31", "--format", "csv", "--db", url])
    out = capsys.readouterr().out
    assert code == 0, out
    table = pd.read_csv(io.StringIO(out), dtype={Col.KODE: str})
    expected = _coverage_by(rows, 2)
    assert sorted(table[Col.KODE]) == sorted(expected.index)
    got = table.set_index(Col.KODE)[Col.CAKUPAN]
    for kode, pct in expected.items():
        assert got[kode] == pytest.approx(pct, abs=0.005)


@pytest.mark.parametrize("within, name", [(COUNTRY, "Seluruh Indonesia"), ("36", "Banten")])
def test_figures_without_boundaries_say_why_there_is_no_map(country, tmp_path, within, name):
    """A store holding the figures but no boundary file (the national bench, a province that imported its
    spreadsheets first): the map image is refused in words, the briefing is made with the note where its
    map would be — both crashed ("NaN or None values are not allowed")."""
    import sqlite3

    from geo.text import describe

    _, _, url = country
    bare = copy_sqlite(url, tmp_path / "tanpa_batas.sqlite")
    with sqlite3.connect(bare.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE areas SET geom = NULL")
        conn.execute("DELETE FROM map_shapes")  # the simplified views prepared at import
    store = Store.open(bare)
    with pytest.raises(RekamError) as refused:
        media.chart_image(store, within, "peta", settings=SETTINGS)
    assert describe(refused.value) == (f"Peta {name} belum dapat digambar: basis data belum menyimpan batas wilayah "
                                       "kabupaten/kota di dalamnya. Impor berkas batas wilayah dulu (halaman Data, "
                                       "tab Batas wilayah).")
    text = re.sub(r"\s+", " ", _text(briefing.briefing_pdf(store, within, settings=SETTINGS,
                                                           today=date(2026, 11, 20)), tmp_path))
    assert "Peta kabupaten/kota belum dapat digambar: basis data belum menyimpan batas wilayahnya." in text
    assert "cakupan terendah dulu" in text  # the ranking still there
    store.close()

"""The media pack and the briefing of a provinsi, on Banten's real 1,552 desa boundaries and one
seeded spreadsheet for the whole province (``tests/banten.py``): the numbers on the page are the
sums of the sheet's rows per kabupaten/kota, the title says how many are still red."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from geo import fmt
from geo.cli import main
from geo.render import briefing, charts, images, media
from geo.config import load_settings
from geo.coverage import coverage_table
from geo.schema import Col
from geo.store import Store
from tests.banten import DATES, PROVINCE, banten_store, kabupaten_totals
from tests.national_store import copy_sqlite
from tests.geo.test_briefing import _text

SETTINGS = load_settings()


@pytest.fixture(scope="module")
def banten(real_dir, tmp_path_factory):
    url, rows = banten_store(real_dir, tmp_path_factory.mktemp("banten"))
    store = Store.open(url)
    yield url, store, rows
    store.close()


def _expected(rows):
    kab = kabupaten_totals(rows)
    kab["cakupan"] = 100 * kab["sudah"] / kab["wajib"]
    return kab.sort_values("cakupan")


def _red(kab) -> int:
    return int((kab["cakupan"] < SETTINGS.zones.kuning).sum())


def test_the_province_briefing_says_how_many_are_red_and_ranks_them(banten, tmp_path):
    _, store, rows = banten
    kab = _expected(rows)
    pdf = briefing.briefing_pdf(store, PROVINCE, settings=SETTINGS, today=date(2026, 11, 20))
    text = re.sub(r"[ \t]+", " ", _text(pdf, tmp_path))
    assert "RINGKASAN PROVINSI" in text and "Banten" in text
    assert f"{_red(kab)} dari 8 kabupaten/kota Banten masih merah." in text
    assert fmt.number(kab["wajib"].sum()) in text and fmt.number(kab["sudah"].sum()) in text  # the sums
    assert fmt.percent(100 * kab["sudah"].sum() / kab["wajib"].sum(), 2) in text  # summed, then the percent
    assert "Kabupaten/kota, cakupan terendah dulu" in text and "Data per 16 November 2026" in text
    assert "Sumber:" in text
    stored = coverage_table(store, "kabupaten", within=PROVINCE).set_index("kode")
    positions = []
    for kode, row in kab.iterrows():  # every kabupaten/kota, lowest coverage first
        line = f"{stored.loc[kode, 'nama']} {fmt.percent(row['cakupan'], 2)} {fmt.number(row['wajib'] - row['sudah'])}"
        assert line in text, line
        positions.append(text.index(line))
    assert positions == sorted(positions)
    assert "Zona per kabupaten/kota" in text and "Zona per desa/kelurahan" not in text  # the kabupaten map


def test_the_province_briefing_in_english(banten, tmp_path):
    _, store, rows = banten
    text = _text(briefing.briefing_pdf(store, PROVINCE, lang="en", settings=SETTINGS), tmp_path)
    assert f"{_red(_expected(rows))} of 8 regencies/cities in Banten are still red." in re.sub(r"\s+", " ", text)


def test_the_cli_writes_the_province_briefing(banten, tmp_path):
    url, _, _ = banten
    out = tmp_path / "banten.pdf"
    assert main(["briefing", "--within", PROVINCE, "--out", str(out), "--db", url]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"


def test_the_province_map_image_titles_the_red_count(banten):
    _, store, rows = banten
    kab = _expected(rows)
    svg = media.chart_image(store, PROVINCE, "peta", fmt_name="svg", settings=SETTINGS).decode("utf-8")
    words = re.sub(r"<[^>]+>", "", svg)  # the SVG keeps its text as text
    assert f"Banten: {_red(kab)} dari 8 kabupaten/kota masih merah" in words
    assert "per kabupaten/kota, data per 16 November 2026" in words and "Sumber:" in words
    assert f"Merah &lt; 85% · {_red(kab)} kabupaten/kota" in words  # the legend counts the kabupaten/kota


def test_a_provinsi_is_named_from_the_code_table(banten, real_dir, tmp_path):
    """Only desa were imported: Banten's complete every kabupaten/kota of it, so its outline is
    dissolved and named as the code table names it; Lampung, of which Pesawaran's desa alone are
    imported, is not stored (a part would pass for the whole) and is named from the table too."""
    from geo.ingest import import_boundaries

    _, store, _ = banten
    assert store.areas(level="provinsi")[Col.NAMA].tolist() == ["Banten"]
    assert media.area_name(store, PROVINCE) == "Banten"
    lampung = Store.open(f"sqlite:///{tmp_path / 'lampung.sqlite'}")
    import_boundaries(lampung, real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_18.09_pesawaran.geojson",
                      level="desa")
    assert lampung.areas(level="provinsi").empty
    assert media.area_name(lampung, "18") == "Lampung"
    assert media.download_name(PROVINCE, "ringkasan", data_date="2026-11-16", fmt_name="pdf") == (
        "peta-rekam_ringkasan_36_2026-11-16.pdf")


def test_province_alerts_name_the_provinsi_not_its_code(banten):
    """The provinsi's alerts and its row against the target name it (the name of its dissolved outline,
    the official code table's), never its code."""
    from geo.alerts import compute_alerts
    from geo.targets import vs_target

    _, store, _ = banten
    found = compute_alerts(store, PROVINCE, today=date(2026, 12, 5), settings=SETTINGS)
    own = [a for a in found if a.kode == PROVINCE]
    assert own and {a.nama for a in own} == {"Banten"}
    table = vs_target(store, PROVINCE, today=date(2026, 12, 5), settings=SETTINGS)
    assert table.loc[table["kode"] == PROVINCE, "nama"].tolist() == ["Banten"]


def test_the_briefing_names_a_kabupaten_whose_data_is_old(banten, tmp_path):
    """Every Banten office but Kota Serang's sends a file dated 1 December: the provinsi's page says Kota
    Serang's figures are those of 16 November (more than basi_hari days older than the page's date)."""
    url, _, rows = banten
    store = Store.open(copy_sqlite(url, tmp_path / "banten.sqlite"))
    try:
        newer = rows[~rows["kode"].str.startswith("36.73.")]
        store.add_enrollment(pd.DataFrame({Col.KODE: newer["kode"], Col.WAJIB: newer[f"wajib_{DATES[-1]}"],
                                           Col.SUDAH: newer[f"sudah_{DATES[-1]}"] + 3}), tanggal="2026-12-01")
        flat = " ".join(_text(briefing.briefing_pdf(store, PROVINCE, settings=SETTINGS), tmp_path).split())
        assert (f"Data 1 kabupaten/kota lebih dari {SETTINGS.stale_days} hari lebih tua dari 1 Desember 2026, "
                f"angkanya bukan keadaan 1 Desember 2026: Kota Serang ({fmt.long_date(DATES[-1])}).") in flat
        english = " ".join(_text(briefing.briefing_pdf(store, PROVINCE, settings=SETTINGS, lang="en"), tmp_path).split())
        assert "1 regency/city has data more than 14 days older than 1 December 2026" in english
    finally:
        store.close()
    fresh = " ".join(_text(briefing.briefing_pdf(banten[1], PROVINCE, settings=SETTINGS), tmp_path).split())
    assert "lebih tua dari" not in fresh  # every office reported on the page's date


def test_the_alerts_cli_names_a_provinsi_held_through_its_kabupaten(real_dir, tmp_path, capsys):
    """``alerts --within 18`` on a store holding only Pesawaran's desa (no provinsi row) names Lampung as
    the code table does, not "18"; a code the store holds nothing of is refused, not reported as "no
    new alerts"."""
    from geo.ingest import import_boundaries

    path = tmp_path / "lampung.sqlite"
    lampung = Store.open(f"sqlite:///{path}")
    import_boundaries(lampung, real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_18.09_pesawaran.geojson",
                      level="desa")
    lampung.close()
    db = ["--db", f"sqlite:///{path}", "--today", "2026-12-05"]
    assert main(["alerts", "--within", "18", *db]) == 0
    assert capsys.readouterr().out.startswith("Peta Rekam — Lampung, data –:")
    assert main(["alerts", "--within", "18.99", *db]) == 1
    assert "Wilayah 18.99 tidak ada di basis data" in capsys.readouterr().err


@pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_province_trend_images_legend_ends_above_the_plot(banten, lang):
    """"Banten" is short: the six legend items fit the image's width in one row but not the plot's,
    where plotly.js sets them (in rows of three); the plot starts under the last row at every size."""
    _, store, _ = banten
    today = date.fromisoformat(store.snapshot_dates(PROVINCE)[-1])
    fig = media.chart_figure(store, PROVINCE, "tren", settings=SETTINGS, lang=lang, today=today)
    for size in images.SIZES.values():
        svg = images.to_image(fig, "svg", size).decode("utf-8")
        top, height = (float(v) for v in re.search(r'<g class="legend"[^>]*translate\([\d.]+,\s*([\d.]+)\)">'
                                                   r'<rect class="bg"[^>]*height="([\d.]+)"', svg).groups())
        plot_top = float(re.search(r'<clipPath class="axesclip" id="clip\w+xy"><rect x="[\d.]+" y="([\d.]+)"',
                                   svg).group(1))
        assert len(re.findall(r'class="legendtext"', svg)) == 6
        assert top + height <= plot_top + 0.5, size


def test_the_province_images_say_kabupaten_kota(banten):
    """A provinsi's areas are kabupaten and kota: both of its images say so (the bar image said "per
    kabupaten" while the map said "per kabupaten/kota")."""
    _, store, _ = banten
    bars = media.chart_figure(store, PROVINCE, "zona-bar", settings=SETTINGS)
    assert bars.layout.meta["subjudul"] == f"Cakupan perekaman KTP-el per kabupaten/kota, data per {fmt.long_date(DATES[-1])}"
    english = media.chart_figure(store, PROVINCE, "zona-bar", settings=SETTINGS, lang="en")
    assert english.layout.meta["subjudul"].startswith("e-KTP recording coverage of the regencies/cities, data as of")


@pytest.mark.parametrize("gathered", [True, False])
def test_the_province_pockets_image_names_each_desas_kecamatan_and_kabupaten(banten, gathered):
    """Across a provinsi desa and kecamatan names repeat between kabupaten/kota: each bar says both, the
    kabupaten/kota shortened as lists write it ("Kab. Tangerang") — unless the ten are all in one, which
    the title names ("… semuanya di Kab. Pandeglang"): then each bar says its kecamatan only."""
    from geo.present.common import short_name

    _, store, _ = banten
    desa, parents = media.pockets_table(store, PROVINCE, None, SETTINGS, media.context(store, PROVINCE, None, SETTINGS))
    top = desa.sort_values([Col.BELUM, Col.KODE], ascending=[False, True]).head(10)
    if not gathered:  # the gathering kabupaten/kota keeps its largest pocket only: the ten span several
        first = top[Col.KODE].iloc[0]
        desa = desa[(desa[Col.KODE].str[:5] != first[:5]) | (desa[Col.KODE] == first)]
    fig = charts.pockets_bar(desa, area_name="Banten", data_date=DATES[-1], settings=SETTINGS, parent_names=parents)
    areas = store.areas(within=PROVINCE)
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    assert len(ticks) == 10 and (len({k[:5] for k in ticks}) == 1) == gathered
    for kode, text in ticks.items():
        kecamatan, kabupaten = names[kode.rsplit(".", 1)[0]], short_name(names[kode[:5]])
        parent = kecamatan if gathered else f"{kecamatan}, {kabupaten}"
        assert text.startswith(names[kode] + " <span") and text.endswith(f">({parent})</span>")
    title = fig.layout.meta["judul"].replace("\u00a0", " ")
    assert ("semuanya di Kab. Pandeglang" in title) == gathered


def test_the_province_pockets_image_titles_where_they_gather(banten):
    """The journalist's finding in the title: which kabupaten/kota holds more than half of the province's
    ten largest pockets (counted from the store's desa, independently of the chart)."""
    from geo.present.common import short_name

    _, store, _ = banten
    desa = coverage_table(store, "desa", within=PROVINCE, zones=SETTINGS.zones)
    top = desa.sort_values([Col.BELUM, Col.KODE], ascending=[False, True]).head(10)
    counts = top[Col.KODE].str[:5].value_counts()
    names = dict(zip(*[store.areas(within=PROVINCE, level="kabupaten")[c] for c in (Col.KODE, Col.NAMA)]))
    fig = media.chart_figure(store, PROVINCE, "kantong", settings=SETTINGS)
    title = fig.layout.meta["judul"].replace("\u00a0", " ")
    title = re.sub(r"\s+", " ", title).strip()
    assert counts.iloc[0] * 2 > 10  # the seeded province gathers them (else the title keeps the plain words)
    where = short_name(names[counts.index[0]])
    expected = (f"Banten: 10 desa/kelurahan dengan belum rekam terbanyak semuanya di {where}" if counts.iloc[0] == 10
                else f"Banten: {counts.iloc[0]} dari 10 desa/kelurahan dengan belum rekam terbanyak ada di {where}")
    assert title == expected
    english = media.chart_figure(store, PROVINCE, "kantong", settings=SETTINGS, lang="en")
    said = english.layout.meta["judul"].replace("\u00a0", " ")
    assert said == (f"Banten: the 10 villages with the most people not yet recorded are all in {where}"
                    if counts.iloc[0] == 10 else
                    f"Banten: {counts.iloc[0]} of the 10 villages with the most people not yet recorded are in {where}")

"""The bupati briefing (one A4 page) and the media-pack CLI, end to end on the demo (SQLite).

Numbers on the page are compared with what ``geo.coverage`` computes from the store,
not with constants: the page must say what the data says.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess

import pytest

from geo import cli, fmt
from geo.coverage import area_totals, coverage_table, people_to_reach, previous_date
from geo.pockets import top_belum
from geo.render import briefing, images, media
from geo.schema import Col, RekamError
from geo.config import load_settings
from geo.store import Store
from geo.text import describe

KAB = "99.01"
ISLAND = "99.01.12"  # reports in bursts: carried-forward values matter

needs_browser = pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")


@pytest.fixture(scope="module")
def demo_url(demo_sqlite, tmp_path_factory) -> str:
    copy = tmp_path_factory.mktemp("briefing") / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="module")
def store(demo_url):
    s = Store.open(demo_url)
    yield s
    s.close()


def _pages(pdf: bytes) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page\b", pdf))
    import io

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _text(pdf: bytes, tmp_path) -> str:
    """The page's text as a reader's tool extracts it (pdftotext, else pypdf)."""
    if shutil.which("pdftotext"):
        path = tmp_path / "page.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        pytest.skip("neither pdftotext (poppler-utils) nor pypdf to read PDF text")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


# --- people to reach hijau (the number the page states) ----------------------------------------
@pytest.mark.parametrize("wajib,sudah,hijau,needed", [
    (412_048, 380_249, 92.0, 0),  # 92.28%: already hijau
    (100, 91, 92.0, 1),
    (100, 92, 92.0, 0),  # exactly on the threshold is hijau
    (348_963, 320_788, 92.0, 258),  # 92% of 348,963 = 321,045.96 → 321,046 needed
    (1000, 0, 92.5, 925),
])
def test_people_to_green_is_people_to_reach(wajib, sudah, hijau, needed):
    assert people_to_reach(wajib, sudah, hijau) == needed
    if needed:
        assert 100 * (sudah + needed) / wajib >= hijau > 100 * (sudah + needed - 1) / wajib


# --- the briefing page ----------------------------------------------------------------------------
def test_briefing_is_one_a4_page_with_the_kpis_as_text(store, tmp_path):
    pdf = briefing.briefing_pdf(store, KAB)
    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.4\d* 841\.6\d*\s*\]", pdf)  # A4 portrait in points
    text = _text(pdf, tmp_path)
    now = area_totals(store, KAB)
    before_date = previous_date(store, KAB, now[Col.TANGGAL])
    before = area_totals(store, KAB, date=before_date)
    for value in (fmt.number(now[Col.WAJIB]), fmt.number(now[Col.SUDAH]), fmt.number(now[Col.BELUM]),
                  fmt.percent(now[Col.CAKUPAN], 2), fmt.signed(now[Col.SUDAH] - before[Col.SUDAH]),
                  fmt.signed(now[Col.CAKUPAN] - before[Col.CAKUPAN], 2) + " poin"):
        assert value in text, value
    zone = load_settings().zones.zone(now[Col.CAKUPAN]).value
    assert f"zona {zone}" in text
    assert f"Data per {fmt.long_date(now[Col.TANGGAL])}" in text
    assert f"dibanding data {fmt.long_date(before_date)}" in text
    needed = people_to_reach(now[Col.WAJIB], now[Col.SUDAH], load_settings().zones.hijau)
    assert f"Perlu {fmt.number(needed)} perekaman lagi" in text
    desa = coverage_table(store, "desa", within=KAB)
    for row in top_belum(desa, 10, load_settings().zones).to_dict("records"):
        assert re.search(rf"{re.escape(row[Col.NAMA])}\s+.*{re.escape(fmt.number(row[Col.BELUM]))}\s+"
                         rf"{re.escape(fmt.percent(row[Col.CAKUPAN], 2))}", text), row[Col.NAMA]
    assert "Air Raya (106,73%)" in text  # the desa above 100% is named, not hidden
    flat = " ".join(text.split())
    assert f"Sumber: {load_settings().source_name}, data per {fmt.long_date(now[Col.TANGGAL])}" in flat
    assert "data contoh sintetis" in flat


def test_briefing_at_an_earlier_date_and_in_english(store, tmp_path):
    day = store.snapshot_dates(KAB)[30]
    text = _text(briefing.briefing_pdf(store, KAB, date=day, lang="en"), tmp_path)
    now = area_totals(store, KAB, date=day)
    assert f"Data as of {fmt.long_date(day, 'en')}" in text
    assert fmt.number(now[Col.SUDAH], lang="en") in text
    assert "Coverage" in text and "Source:" in text


def test_briefing_is_reproducible(store):
    assert briefing.briefing_pdf(store, ISLAND) == briefing.briefing_pdf(store, ISLAND)


@pytest.mark.parametrize("kode,date,key", [
    ("98.77", None, "gambar_wilayah_tidak_ada"),
    ("99.01.12.2001", None, "gambar_wilayah_terkecil"),
    (KAB, "2020-01-01", "gambar_tanpa_data_tanggal"),
])
def test_briefing_refuses_with_a_reason(store, kode, date, key):
    with pytest.raises(RekamError) as err:
        briefing.briefing_pdf(store, kode, date=date)
    assert err.value.key == key
    assert describe(err.value) != key  # a real sentence exists for it


def test_zona_bar_figure_from_the_store_shows_coverage_from_counts(store):
    fig = media.chart_figure(store, KAB, "zona-bar")
    table = coverage_table(store, "kecamatan", within=KAB)
    expected = dict(zip(table[Col.KODE], 100 * table[Col.SUDAH] / table[Col.WAJIB]))
    shown = {k: x for t in fig.data if t.type == "bar" for k, x in zip(t.y, t.x) if k is not None}
    assert shown.keys() == expected.keys()
    for kode, value in expected.items():
        assert shown[kode] == pytest.approx(float(value))
    zones = load_settings().zones
    for trace in (t for t in fig.data if t.type == "bar"):
        assert all(zones.zone(expected[k]).value == trace.meta["zona"] for k in trace.y if k is not None)


# --- CLI -----------------------------------------------------------------------------------------
def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@needs_browser
@pytest.mark.parametrize("kind,key,suffix", [
    ("zona-bar", "1200x675", "png"), ("kantong", "1080x1080", "png"), ("tren", "1080x1350", "png"),
    ("peta", "1080x1080", "png"), ("zona-bar", "1080x1350", "svg"), ("peta", "1200x675", "svg"),
    ("kartu", "1080x1080", "svg"),  # the capacity page's kinds go through the same command
])
def test_cli_chart_writes_an_image_of_the_size_asked(demo_url, capsys, tmp_path, kind, key, suffix):
    out = tmp_path / f"{kind}.{suffix}"
    code, stdout, stderr = _cli(capsys, "chart", kind, "--within", KAB, "--out", str(out), "--size", key,
                                "--db", demo_url)
    assert code == 0, stderr
    assert str(out) in stdout
    data = out.read_bytes()
    if suffix == "png":
        assert _png_size(data) == images.SIZES[key]
    else:
        svg = data.decode("utf-8")
        width, height = images.SIZES[key]
        assert f'width="{width}"' in svg and f'height="{height}"' in svg
        assert "Kabupaten Contoh Sejahtera" in re.sub(r"<[^>]+>", "", svg)
        assert "Sumber:" in svg


@needs_browser
def test_cli_chart_at_a_date(demo_url, capsys, tmp_path):
    out = tmp_path / "zona.svg"
    day = "2025-06-16"
    code, _, stderr = _cli(capsys, "chart", "zona-bar", "--within", KAB, "--out", str(out), "--date", day,
                           "--db", demo_url)
    assert code == 0, stderr
    assert f"data per {fmt.long_date(day)}" in re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8"))


def test_cli_briefing_writes_one_page(demo_url, capsys, tmp_path):
    out = tmp_path / "ringkasan.pdf"
    code, stdout, stderr = _cli(capsys, "briefing", "--within", KAB, "--out", str(out), "--db", demo_url)
    assert code == 0, stderr
    assert "1 halaman A4" in stdout
    assert _pages(out.read_bytes()) == 1


@pytest.mark.parametrize("argv,words", [
    (["chart", "zona-bar", "--within", KAB, "--out", "x.png", "--size", "12x12"], "Ukuran gambar '12x12'"),
    (["chart", "zona-bar", "--within", KAB, "--out", "x.gif"], "Format gambar"),
    (["chart", "zona-bar", "--within", KAB, "--out", "x.png", "--date", "16-11-26"], "'16-11-26' tidak dikenali"),
    (["chart", "peta", "--within", "98.77", "--out", "x.png"], "tidak ada di basis data"),
    (["briefing", "--within", KAB, "--out", "/nonexistent/dir/x.pdf"], "tidak bisa ditulis"),
])
def test_cli_refuses_in_indonesian(demo_url, capsys, tmp_path, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    code, _, stderr = _cli(capsys, *argv, "--db", demo_url)
    assert code == 1
    assert words in stderr
    assert "Traceback" not in stderr


def test_cli_unknown_kind_is_a_usage_error(demo_url, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["chart", "pie", "--within", KAB, "--out", "x.png", "--db", demo_url])
    assert exit_.value.code == 2


def test_download_names_say_what_the_file_holds():
    assert media.download_name(KAB, "zona-bar", data_date="2026-11-16", size="1080x1080") == \
        "peta-rekam_zona-bar_99.01_2026-11-16_1080x1080.png"
    assert media.download_name(KAB, "ringkasan", fmt_name="pdf") == "peta-rekam_ringkasan_99.01_terbaru.pdf"
    assert images.MIME["svg"] == "image/svg+xml"


def test_briefing_answers_the_deadline_against_the_target_in_force(demo_sqlite, tmp_path):
    """With a kontrak kinerja of 95% imported, the first finding is the verdict on 95% and the
    kecamatan behind it are named with their coverage and target, furthest behind first."""
    from datetime import date

    from geo.ingest.targets import import_targets
    from geo.present.targets import behind
    from geo.present.trend import verdict
    from geo.targets import area_projection, vs_target

    copy = tmp_path / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    s = Store.open(f"sqlite:///{copy}")
    target = tmp_path / "target.csv"
    target.write_text("kode,tahun,target_persen\n99.01,2026,95\n", encoding="utf-8")
    import_targets(s, target)
    today = date(2026, 12, 4)
    flat = " ".join(_text(briefing.briefing_pdf(s, KAB, today=today), tmp_path).split())
    head = verdict(area_projection(s, KAB, today=today), 92.0)["title"]
    assert "95%" in head and head in flat
    late = behind(vs_target(s, KAB, today=today, include_within=False))
    first = late.iloc[0]
    assert f"Tidak tepat waktu mencapai target pada laju ini ({len(late)} kecamatan, cakupan / target): " \
           f"{first[Col.NAMA]} " \
           f"({fmt.percent(first[Col.CAKUPAN], 2)} / 95%)" in flat
    s.close()


@pytest.mark.parametrize("points", [
    [(0, 1000, 900), (7, 1000, 905), (14, 1000, 915)],  # 90–91,5 %
    [(0, 1000, 800), (7, 1000, 850), (14, 1000, 900)],  # 80–90 %: an axis that stepped by 2,5
    [(0, 1000, 780), (7, 1000, 815), (14, 1000, 850)],  # 78–85 %: likewise
])
def test_the_trend_axis_of_the_briefing_marks_whole_percents(points):
    """Every tick of the briefing's trend axis is a whole percent written as itself: ticks at 92,5, 87,5
    and 82,5 were printed "92%", "88%" and "82%" (a "92%" line above the real green boundary)."""
    import pandas as pd

    from geo.render.pdf_page import PdfPage

    days = pd.Timestamp("2026-11-02")
    series = pd.DataFrame([{Col.KODE: "99.01", Col.TANGGAL: (days + pd.Timedelta(days=d)).date().isoformat(),
                            Col.WAJIB: w, Col.SUDAH: s, Col.CAKUPAN: 100 * s / w} for d, w, s in points])
    page = PdfPage("id")
    briefing._trend(page, 4.5, 6.0, 8.0, series, load_settings(), "id")
    ax = page.fig.axes[-1]
    page.fig.canvas.draw()
    lo, hi = ax.get_ylim()
    shown = [(t.get_position()[1], t.get_text()) for t in ax.get_yticklabels() if lo <= t.get_position()[1] <= hi]
    assert len(shown) >= 2
    for value, text in shown:
        assert float(value).is_integer() and text == fmt.percent(value, 0), (value, text)


def test_a_briefing_made_at_a_past_date_says_it_is_not_the_newest_data(store, tmp_path):
    """A PDF made at a date before the newest says so and names the newest date (it read as current)."""
    from datetime import date

    dates = store.snapshot_dates(KAB)
    today = date(2026, 12, 4)
    flat = " ".join(_text(briefing.briefing_pdf(store, KAB, date=dates[-2], today=today), tmp_path).split())
    said = f"Bukan data terbaru: ini data {fmt.long_date(dates[-2])}; sudah ada data {fmt.long_date(dates[-1])}."
    assert flat.count(said) == 1
    # in the header, under the headline and the data's date, before the figures (it was a bullet below them)
    assert flat.index(f"Data per {fmt.long_date(dates[-2])}") < flat.index(said) < flat.index("Wajib KTP")
    newest = " ".join(_text(briefing.briefing_pdf(store, KAB, today=today), tmp_path).split())
    assert "Bukan data terbaru" not in newest


def test_the_briefing_names_what_stands_in_the_way_of_the_deadline(store, tmp_path):
    """Beranda's alerts on a site that cannot record and on blank cards running out reach the bupati's page
    too (it listed the broken office's kecamatan only among the late ones): the longest down named, the
    cards' run-out day, from the same alerts; not on a page made at a past date (they are the newest's)."""
    from datetime import date

    from geo.alerts import compute_alerts

    today = date(2026, 12, 4)
    found = compute_alerts(store, KAB, today=today)
    down = sorted((a for a in found if a.kind == "lokasi_lumpuh"), key=lambda a: -a.figures["hari"])
    cards = next(a for a in found if a.kind == "blangko_habis").figures
    assert down and down[0].nama == "Sungai Jernih Raya"
    flat = " ".join(_text(briefing.briefing_pdf(store, KAB, today=today), tmp_path).split())
    worst = down[0].figures
    assert (f"Tidak bisa merekam: {worst['lokasi']} sejak {fmt.long_date(worst['sejak'])} ({worst['hari']} hari)"
            + (f", dan {len(down) - 1} lainnya." if len(down) > 1 else ".")) in flat
    assert (f"Blangko tinggal ±{fmt.number(cards['stok'])} keping, habis sekitar {fmt.long_date(cards['tanggal_habis'])}; "
            f"{fmt.number(cards['prr'])} KTP-el menunggu cetak.") in flat
    older = " ".join(_text(briefing.briefing_pdf(store, KAB, date=store.snapshot_dates(KAB)[-2], today=today),
                           tmp_path).split())
    assert "Tidak bisa merekam" not in older and "Blangko tinggal" not in older

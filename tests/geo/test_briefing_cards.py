"""The capacity page's media-pack kinds (kartu, kartu-riwayat, blangko) through ``media.chart_image``:
exact sizes, and the title, date and source a reader needs, in Indonesian and English.

Expected words are computed from ``geo.cards`` on the demo store, not written as constants.
"""
from __future__ import annotations

import html
import re
import shutil
import struct

import pytest

from geo import cards, fmt
from geo.columns import CETAK_PER_MINGGU, STOK
from geo.render import images, media, style
from geo.schema import Col, RekamError
from geo.config import load_settings
from geo.store import Store

KAB, NAME = "99.01", "Kabupaten Contoh Sejahtera"
CARD_KINDS = ("kartu", "kartu-riwayat", "blangko")

needs_browser = pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")


@pytest.fixture(scope="module")
def store(demo_sqlite, tmp_path_factory):
    copy = tmp_path_factory.mktemp("cards") / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    s = Store.open(f"sqlite:///{copy}")
    yield s
    s.close()


@pytest.fixture(scope="module")
def expected(store) -> dict:
    """What each image must say, from geo.cards."""
    totals = cards.card_totals(store, KAB)
    history = cards.card_history(store, KAB)
    projection = cards.blank_projection(store, KAB)
    day = totals[Col.TANGGAL]
    printed = fmt.percent(100 * totals[Col.CETAK] / totals[Col.SUDAH], 1)
    last = history.iloc[-1]
    return {
        "day": day,
        "titles": {
            "kartu": f"{NAME}: {printed} perekaman KTP-el sudah dicetak menjadi kartu",
            "kartu-riwayat": f"{NAME}: {fmt.number(last[Col.PRR])} kartu siap cetak menunggu, "
                             f"{fmt.number(last[CETAK_PER_MINGGU])} dicetak minggu terakhir",
            "blangko": f"{NAME}: blangko KTP-el diperkirakan habis {fmt.long_date(projection['tanggal_habis'])}",
        },
        "english": {
            "kartu": f"{NAME}: {fmt.percent(100 * totals[Col.CETAK] / totals[Col.SUDAH], 1, 'en')} of e-KTP "
                     "recordings have been printed as cards",
            "kartu-riwayat": f"{NAME}: {fmt.number(last[Col.PRR], lang='en')} print-ready cards waiting",
            "blangko": f"{NAME}: blank e-KTP cards expected to run out on "
                       f"{fmt.long_date(projection['tanggal_habis'], 'en')}",
        },
    }


def _words(svg: bytes) -> str:
    """An SVG's text as one line: tags become spaces, so wrapped lines join with a space."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", svg.decode("utf-8"))).split())


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@needs_browser
@pytest.mark.parametrize("kind", CARD_KINDS)
def test_png_at_every_media_size(store, kind):
    # chart_image = chart_figure laid out and rendered by images.to_image; the figure is read once here
    figure = media.chart_figure(store, KAB, kind)
    for key, size in images.SIZES.items():
        assert _png_size(images.to_image(figure, "png", key)) == size, key


@needs_browser
@pytest.mark.parametrize("kind", CARD_KINDS)
def test_svg_carries_title_date_and_source(store, expected, kind):
    svg = media.chart_image(store, KAB, kind, fmt_name="svg", size="1080x1350")
    assert b'width="1080"' in svg and b'height="1350"' in svg
    text = _words(svg)
    assert expected["titles"][kind] in text
    day = fmt.long_date(expected["day"])
    assert f"Sumber: {load_settings().source_name}, data per {day} · data contoh sintetis" in text
    # the subtitle carries the data date as well (kartu: "Data per …"; the others end their period on it)
    subtitle = text.split(expected["titles"][kind], 1)[1].split("Sumber:", 1)[0]
    assert day in subtitle
    assert not re.search(r"\d[kM]\b", text)  # counts written as 12.000, never plotly's 12k


@needs_browser
@pytest.mark.parametrize("kind", CARD_KINDS)
def test_english_image_is_english(store, expected, kind):
    text = _words(media.chart_image(store, KAB, kind, fmt_name="svg", size="1200x675", lang="en"))
    assert expected["english"][kind] in text
    assert f"Source: {load_settings().source_name}, data as of {fmt.long_date(expected['day'], 'en')}" in text
    for word in ("Sumber", "Sudah", "menunggu", "Stok", "kartu", "blangko"):
        assert word not in text, word


def test_figures_hold_the_store_numbers(store):
    totals = cards.card_totals(store, KAB)
    fig = media.chart_figure(store, KAB, "kartu")
    ends = next(t for t in fig.data if t.type == "scatter")
    assert list(ends.x) == [totals[Col.SUDAH], totals[Col.PRR] + totals[Col.CETAK], totals[Col.CETAK]]
    history = cards.card_history(store, KAB)
    line = next(t for t in media.chart_figure(store, KAB, "kartu-riwayat").data if t.type == "scatter")
    assert list(line.y) == [int(v) for v in history[Col.PRR]]
    ledger = cards.blank_ledger(store, within=KAB)
    steps = media.chart_figure(store, KAB, "blangko").data[0]
    assert list(steps.y) == [int(v) for v in ledger[STOK]]


def test_without_blank_stock_or_card_counts_the_image_says_why(demo_sqlite, tmp_path, monkeypatch):
    shutil.copyfile(demo_sqlite, tmp_path / "rekam.sqlite")
    store = Store.open(f"sqlite:///{tmp_path / 'rekam.sqlite'}")
    history = store.history()
    for version in history.loc[history["kind"] == "blangko", "id"]:
        store.rollback(int(version))
    with pytest.raises(RekamError) as err:
        media.chart_figure(store, KAB, "blangko")
    assert err.value.key == "blangko_tidak_ada"
    monkeypatch.setattr(media, "area_totals", lambda *a, **k: {Col.WAJIB: 10, Col.SUDAH: 9, Col.TANGGAL: "x"})
    with pytest.raises(RekamError) as err:
        media.chart_figure(store, KAB, "kartu")
    assert err.value.key == "gambar_kartu_tanpa_data"
    store.close()


@pytest.mark.parametrize("high,lang,ticks", [
    (12941, "id", ["0", "5.000", "10.000", "15.000"]),  # the demo's highest number waiting
    (30000, "en", ["0", "10,000", "20,000", "30,000"]),
    (2, "id", ["0", "1", "2"]),  # counts: whole steps only
    (0, "id", ["0", "1"]),
])
def test_count_ticks_are_round_and_written_as_people_write_counts(high, lang, ticks):
    values, texts = style.count_ticks(high, lang)
    assert texts == ticks and values[-1] >= high


def test_count_ticks_reach_below_zero_for_a_correction():
    """A week of corrections is a bar below zero (weekly recordings): the ticks reach it, same steps."""
    values, texts = style.count_ticks(1500, "id", low=-120)
    assert texts == ["-500", "0", "500", "1.000", "1.500"] and values[0] <= -120

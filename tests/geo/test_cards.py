"""The card pipeline and the blank-card stock, checked against hand arithmetic (SQLite and PostgreSQL),
on the tiny kabupaten of ``tests/geo/tiny_kabupaten.py``."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import cards, ingest
from geo import columns as cols
from geo.config import Settings
from geo.render import capacity_charts as charts
from geo.render.style import (
    LEGEND_ITEM_PX, LEGEND_WRAP_PX, LINE_HEIGHT, PHONE_CHART_PX, SCREEN_BASE_PX, compact, text_lines, text_width,
)
from geo.schema import Col, ZoneConfig
from tests.geo.tiny_kabupaten import BLANKS, area_row, tiny_store, write_file


@pytest.fixture
def store(store_url):
    s = tiny_store(store_url)
    yield s
    s.close()


# --- the card pipeline ----------------------------------------------------------------------
def _cards(store):
    """Kec A's two desa print; a blank-card shortage stops printing after 2026-01-12."""
    weeks = {  # date: (sudah, prr, cetak) of desa A1; A2 = half of each
        "2026-01-05": (1000, 40, 900), "2026-01-12": (1100, 60, 980), "2026-01-19": (1150, 150, 980),
        "2026-01-26": (1200, 120, 1060), "2026-02-02": (1250, 100, 1130),
    }
    for day, (s, p, c) in weeks.items():
        store.add_enrollment(pd.DataFrame([
            {Col.KODE: "99.01.01.2001", Col.WAJIB: 2000, Col.SUDAH: s, Col.PRR: p, Col.CETAK: c},
            {Col.KODE: "99.01.01.1002", Col.WAJIB: 1000, Col.SUDAH: s // 2, Col.PRR: p // 2, Col.CETAK: c // 2},
        ]), tanggal=day)



def test_card_funnel_and_history(store):
    _cards(store)
    funnel = area_row(cards.card_funnel(store, "99.01", date="2026-02-02"), "99.01.01")
    assert (funnel[Col.SUDAH], funnel[Col.PRR], funnel[Col.CETAK]) == (1875, 150, 1695)
    assert funnel[cols.DIPROSES] == 1875 - 150 - 1695
    assert funnel[cols.PERSEN_CETAK] == pytest.approx(100 * 1695 / 1875)
    history = cards.card_history(store, "99.01.01")
    assert list(history[Col.TANGGAL]) == ["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26",
                                          "2026-02-02"]
    assert history[Col.CETAK].tolist()[1:] == [1350, 1470, 1470, 1590, 1695]
    assert history["cetak_per_minggu"].tolist()[2:] == pytest.approx([120, 0, 120, 105])
    rate, start, end = cards.printing_rate(history, window_days=14)
    assert (rate, start, end) == (pytest.approx((1695 - 1470) / 14), "2026-01-19", "2026-02-02")
    totals = cards.card_totals(store, "99.01.01", date="2026-01-19")
    assert (totals[Col.SUDAH], totals[Col.PRR], totals[Col.CETAK]) == (1725, 225, 1470)
    fig = charts.cards_bar(totals, area_name="Kabupaten Uji", settings=Settings(zones=ZoneConfig()))
    # recorded, verified (PRR + printed) and printed, each made of the same parts: 1,725 − 225 − 1,470 = 30
    # still processing; 1,695 / 1,725 = 98.26%, 1,470 / 1,725 = 85.22%
    parts = {t.meta["bagian"]: list(t.x) for t in fig.data if t.type == "bar"}
    assert parts == {"cetak": [1470, 1470, 1470], "prr": [225, 225, None], "diproses": [30, None, None]}
    (ends,) = [t for t in fig.data if t.type == "scatter"]
    assert list(ends.x) == [1725, 1695, 1470]
    assert [t.replace("\u2002", "") for t in ends.text] == ["1.725", "1.695<br>(98,3%)", "1.470<br>(85,2%)"]
    assert fig.layout.xaxis.showticklabels is False  # the bars say their counts: no axis of numbers to turn
    assert fig.layout.meta["judul"] == "Kabupaten Uji: 85,2% perekaman KTP-el sudah dicetak menjadi kartu"
    # on a page, the legend starts at the plot's left edge, right of "Lolos verifikasi (PRR + dicetak)":
    # each item wrapped so that it ends inside a phone's chart
    shown = compact(fig)
    room = PHONE_CHART_PX - shown.layout.margin.l - shown.layout.margin.r - LEGEND_ITEM_PX
    names = [t.name for t in shown.data if t.showlegend is not False and t.name]
    assert len(names) == 3 and all(text_width(line, SCREEN_BASE_PX) <= room for n in names for line in text_lines(n))
    assert any("<br>" in n for n in names)  # "Siap cetak, menunggu (PRR)" takes two lines there
    line = charts.card_history_line(history, area_name="Kabupaten Uji", settings=Settings(zones=ZoneConfig()))
    # the weeks fill the axis, half a bar beyond each end, whatever words are written on the chart
    assert list(line.layout.xaxis.range) == ["2025-12-25", "2026-02-06"]
    peak = next(a for a in line.layout.annotations if a.text.startswith("Puncak"))
    assert (peak.x, peak.y) == ("2026-01-19", 225)  # 150 + 75 waiting, the most, in the middle of the weeks:
    assert (peak.xanchor, peak.yanchor) == ("center", "bottom")  # its words centred above it,
    assert line.layout.yaxis.range[1] >= 1.3 * 225  # with room for them under the top of the axis


def test_blank_stock_projection(store, tmp_path):
    _cards(store)
    version = ingest.import_blank_stock(store, write_file(tmp_path, "blangko.csv", BLANKS), "uji").version_id
    ledger = cards.blank_ledger(store, within="99.01")
    assert ledger[cols.STOK].tolist() == [1500, 1380, 1260, 1155]
    p = cards.blank_projection(store, "99.01.01", window_days=14)
    # 1,155 left on 2026-02-02; printing 225 cards in 14 days → 1,155 / (225/14) = 71.9 days → 71 whole days
    # after 2 February = 14 April 2026.
    assert (p["tanggal_stok"], p["stok"], p["stok_perkiraan"], p["prr"]) == ("2026-02-02", 1155, 1155, 150)
    assert p["laju_cetak_per_hari"] == pytest.approx(225 / 14)
    assert p["hari_tersisa"] == pytest.approx(1155 / (225 / 14))
    assert p["tanggal_habis"] == "2026-04-14" and p["kurang"] == 0
    # Ten days earlier the stock is estimated from the cards printed since the last entry.
    p = cards.blank_projection(store, "99.01.01", date="2026-01-19", window_days=7)
    assert (p["tanggal_stok"], p["stok"], p["dicetak_sejak_stok"], p["stok_perkiraan"]) == (
        "2026-01-12", 1380, 0, 1380)
    assert p["laju_cetak_per_hari"] == 0 and math.isinf(p["hari_tersisa"]) and p["tanggal_habis"] is None
    fig = charts.blank_stock_line(ledger, cards.blank_projection(store, "99.01", window_days=14),
                              area_name="Kabupaten Uji", settings=Settings(zones=ZoneConfig()))
    assert list(fig.data[0].y) == [1500, 1380, 1260, 1155]
    # from the last entry (also the data date) straight down to zero on the day it runs out
    assert list(fig.data[1].x) == ["2026-02-02", "2026-04-14"] and list(fig.data[1].y) == [1155, 0]
    assert fig.layout.meta["judul"] == "Kabupaten Uji: blangko KTP-el diperkirakan habis 14 April 2026"
    # On a page (its own heading above): the legend above the plot in rows the browser sets for the page's
    # width, pushing the plot down (paper coordinates, automatic top margin); each item wrapped to what a
    # phone's plot holds, and the figure tall enough for one item per row above a whole plot
    shown = compact(fig)
    legend = shown.layout.legend
    assert (legend.orientation, legend.yref, legend.y, legend.yanchor, shown.layout.margin.autoexpand) == (
        "h", "paper", 1, "bottom", True)
    names = [t.name for t in shown.data if t.showlegend is not False and t.name]
    assert names[1] == "Perkiraan pada laju cetak saat<br>ini: habis sekitar 14 April 2026"
    assert all(text_width(line, SCREEN_BASE_PX) <= LEGEND_WRAP_PX for n in names for line in text_lines(n))
    lines = sum(len(text_lines(n)) for n in names)  # 1 + 2
    assert shown.layout.height >= (shown.layout.margin.t + lines * SCREEN_BASE_PX * LINE_HEIGHT
                                   + shown.layout.meta["tinggi_plot"] + shown.layout.margin.b)
    assert fig.data[1].name == "Perkiraan pada laju cetak saat ini: habis sekitar 14 April 2026"  # the image's own
    assert store.history().set_index("id").loc[version, "kind"] == "blangko"
    store.rollback(version)
    assert cards.blank_ledger(store, within="99.01").empty


def test_stock_already_gone_gives_the_day_it_ran_out(store, tmp_path):
    _cards(store)
    ingest.import_blank_stock(store, write_file(tmp_path, "b.csv", "tanggal,kode,diterima,dipakai\n2026-01-12,99.01,200,0\n"),
                           "uji")
    p = cards.blank_projection(store, "99.01", window_days=14)
    # 200 blanks from 2026-01-12; 120 used by 2026-01-26 (80 left), 225 by 2026-02-02: gone by then.
    assert (p["stok_perkiraan"], p["hari_tersisa"], p["tanggal_habis"], p["kurang"]) == (0, 0.0, "2026-02-02", 150)



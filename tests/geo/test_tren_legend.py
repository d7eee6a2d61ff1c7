"""The Tren coverage chart on a phone: the zones named by words on their bands (not three legend
rows), and a legend whose short items share rows, so that the plot is taller than the legend."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from geo import columns, timeline
from geo.config import Settings
from geo.render import images, trend_charts
from geo.render.style import compact
from geo.schema import COUNT_COLUMNS, Col, ZoneConfig

SETTINGS = Settings(zones=ZoneConfig(hijau=92.0, kuning=85.0), source_name="")
KINDS = ["alat_rusak", "jaringan_putus", "blangko_habis", "koreksi_data", "kampanye_sekolah"]


def _series(n_kec: int = 5) -> pd.DataFrame:
    """A kabupaten and ``n_kec`` kecamatan rising over twenty weekly snapshots, one desa each."""
    days = pd.date_range("2026-01-05", periods=20, freq="7D").strftime("%Y-%m-%d")
    frames = [pd.DataFrame({Col.KODE: f"99.01.0{k + 1}.2001", Col.TANGGAL: days, Col.WAJIB: 1000,
                            Col.SUDAH: [700 + 20 * k + 9 * i for i in range(20)]}) for k in range(n_kec)]
    rows = pd.concat(frames, ignore_index=True)
    for c in COUNT_COLUMNS:
        rows[c] = pd.array(rows[c] if c in rows else [None] * len(rows), dtype="Int64")
    names = pd.DataFrame({Col.KODE: ["99.01", *[f"99.01.0{k + 1}" for k in range(n_kec)]],
                          Col.NAMA: ["Kabupaten Contoh Sejahtera", "Lembah Rindang", "Golo Sejuk", "Padang Lestari",
                                     "Sungai Jernih Raya", "Kepulauan Teduh"][: n_kec + 1]})
    return timeline.series_from_rows(rows, "99.01", "kecamatan", names=names)


def _figure(lang: str = "id", deadline: str = "2026-12-31") -> go.Figure:
    events = pd.DataFrame({columns.MULAI: [f"2026-0{3 + i % 3}-0{1 + i}" for i in range(len(KINDS))],
                           columns.SELESAI: [""] * len(KINDS), Col.KODE: ["99.01"] * len(KINDS),
                           columns.JENIS: KINDS, columns.KETERANGAN: [""] * len(KINDS)})
    projection = {Col.KODE: "99.01", Col.TANGGAL: "2026-05-18", Col.CAKUPAN: 88.0, columns.TARGET: 92.0,
                  columns.TANGGAL_PROYEKSI: "2026-05-25", columns.TENGGAT: deadline}
    return trend_charts.coverage_lines(_series(), SETTINGS, lang, events=events, projection=projection)


def _legend_names(fig: go.Figure) -> list[str]:
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    return names + [s.name for s in fig.layout.shapes if s.showlegend and s.name]


@pytest.mark.parametrize("lang, words", [
    ("id", {"hijau": "Hijau ≥ 92%", "kuning": "Kuning 85% – < 92%", "merah": "Merah < 85%"}),
    ("en", {"hijau": "Green ≥ 92%", "kuning": "Yellow 85% – < 92%", "merah": "Red < 85%"}),
])
def test_zone_words_are_written_on_their_bands_not_in_the_legend(lang, words):
    fig = compact(_figure(lang))
    bands = {s.name: (s.y0, s.y1) for s in fig.layout.shapes if s.legendgroup == "zona"}
    assert len(bands) == 3 and not any(s.showlegend for s in fig.layout.shapes)
    labels = {a.name.removeprefix("zona_"): a for a in fig.layout.annotations if (a.name or "").startswith("zona_")}
    assert {z: a.text for z, a in labels.items()} == words
    y_lo, y_hi = fig.layout.yaxis.range
    spans = {"hijau": (92.0, y_hi), "kuning": (85.0, 92.0), "merah": (y_lo, 85.0)}
    for zone, label in labels.items():
        low, high = spans[zone]
        assert low < label.y < high, (zone, label.y)  # on its own band
        assert label.xref == "paper" and label.x in (0, 1) and label.yref == "y"  # at an edge of the plot
    legend = " ".join(_legend_names(fig)).lower()
    assert not any(w in legend for w in ("zona", "zone", "hijau", "green", "kuning", "yellow", "merah", "red"))
    # the lines, the projection and five event kinds: twelve items, no zone among them
    assert len(_legend_names(fig)) == 12


def test_a_zone_label_goes_where_the_lines_are_not():
    """With the deadline just after the data, the lines end in the kuning band at the plot's right edge
    (87–91% in the latest weeks): its words go to the left edge, where the band is empty (the lines start
    at 70–78%) and the target's words are above the band."""
    fig = _figure(deadline="2026-06-01")
    latest = [t.y[-1] for t in fig.data if (t.meta or {}).get("jenis") == "cakupan"]
    assert sum(85 < v < 92 for v in latest) == 4
    label = next(a for a in fig.layout.annotations if a.name == "zona_kuning")
    assert (label.x, label.xanchor) == (0, "left") and 85 < label.y < 92
    hijau = next(a for a in fig.layout.annotations if a.name == "zona_hijau")
    assert hijau.x == 1 and hijau.y > 95.1 + 1  # on the right, above the highest line's end (95,1%)


@pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")
def test_on_a_phone_short_legend_items_share_rows_and_the_plot_is_taller_than_the_legend():
    """As plotly.js draws it in a phone's 358 px: the twelve items in fewer rows than items (two short
    event kinds side by side), the legend shorter than the plot, and the plot starting below it."""
    fig = compact(_figure())
    svg = images.to_image(fig, "svg", (358, fig.layout.height), styled=False).decode()
    legend_h = float(re.search(r'<g class="legend"[^>]*><rect class="bg"[^>]*height="([\d.]+)"', svg).group(1))
    plot_y, plot_h = (float(v) for v in re.search(
        r'<clipPath class="axesclip" id="clip\w+xy"><rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" '
        r'height="([\d.]+)"', svg).groups())
    rows = {round(float(y)) for y in re.findall(r'<g class="groups" transform="translate\([\d.]+,\s*([\d.]+)\)"', svg)}
    assert len(re.findall(r'class="legendtext"', svg)) == 12
    assert len(rows) < 12, rows
    assert plot_h >= trend_charts.PLOT_PX - 1 and legend_h < plot_h, (legend_h, plot_h)

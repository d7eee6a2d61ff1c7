"""Event marks on the trend charts: each kind told apart by its symbol and its colour, one legend entry
per kind present, the markers on the plot; the target's label kept clear of the lines."""
from __future__ import annotations

import pandas as pd
import pytest

from geo import columns, timeline
from geo.config import Settings
from geo.io.events import EVENT_KINDS
from geo.render import trend_charts
from geo.schema import COUNT_COLUMNS, ZONE_COLOURS, Col, ZoneConfig

SETTINGS = Settings(zones=ZoneConfig(hijau=92.0, kuning=85.0), source_name="Disdukcapil Uji")


def _series() -> pd.DataFrame:
    """A kabupaten rising from 80% to 90% over ten weekly snapshots (one kecamatan, one desa)."""
    days = pd.date_range("2026-01-05", periods=10, freq="7D").strftime("%Y-%m-%d")
    rows = pd.DataFrame({Col.KODE: "99.01.01.2001", Col.TANGGAL: days, Col.WAJIB: 1000,
                         Col.SUDAH: [800 + 11 * i for i in range(10)]})
    for c in COUNT_COLUMNS:  # stored rows carry every count column (those not given: empty)
        rows[c] = pd.array(rows[c] if c in rows else [None] * len(rows), dtype="Int64")
    names = pd.DataFrame({Col.KODE: ["99.01", "99.01.01"], Col.NAMA: ["Kab", "Kec A"]})
    return timeline.series_from_rows(rows, "99.01", "kecamatan", names=names)


def _events(kinds) -> pd.DataFrame:
    """One two-day event of each kind, all starting on the same day (their markers must not hide each other)."""
    return pd.DataFrame({
        columns.MULAI: ["2026-02-02"] * len(kinds), columns.SELESAI: ["2026-02-03"] * len(kinds),
        Col.KODE: ["99.01"] * len(kinds), columns.JENIS: list(kinds),
        columns.KETERANGAN: [f"catatan {k}" for k in kinds],
    })


def _marks(fig) -> dict[str, object]:
    """The event marker traces by their legend name."""
    return {t.name: t for t in fig.data if (t.meta or {}).get("jenis") == "peristiwa"}


def test_the_three_slowdowns_have_their_own_symbol_and_colour():
    """Blangko habis, Jaringan putus and Alat rusak were one grey ✖ each: now three symbols and three colours."""
    fig = trend_charts.coverage_lines(_series(), SETTINGS,
                                      events=_events(["blangko_habis", "jaringan_putus", "alat_rusak"]))
    marks = _marks(fig)
    assert set(marks) == {"Blangko habis", "Jaringan putus", "Alat rusak"}  # one legend entry per kind
    symbols = {t.marker.symbol for t in marks.values()}
    colours = {t.marker.color for t in marks.values()}
    assert len(symbols) == 3 and len(colours) == 3
    bands = {s.fillcolor for s in fig.layout.shapes if s.xref == "x"}
    assert bands == colours  # each band shaded in its kind's colour


def test_every_kind_is_told_apart_without_colour_and_never_in_a_zone_or_line_colour():
    fig = trend_charts.coverage_lines(_series(), SETTINGS, events=_events(EVENT_KINDS))
    marks = list(_marks(fig).values())
    assert len(marks) == len(EVENT_KINDS)
    assert len({t.marker.symbol for t in marks}) == len(EVENT_KINDS)  # greyscale: the shape says the kind
    colours = {t.marker.color.lower() for t in marks}
    assert len(colours) == len(EVENT_KINDS)
    assert not colours & {c.lower() for c in (*ZONE_COLOURS.values(), *trend_charts.LINE_COLOURS,
                                              trend_charts.WITHIN_COLOUR)}
    # kinds starting on the same day: each on a row of its own, none hidden behind another
    assert len({t.y[0] for t in marks}) == len(EVENT_KINDS)


def test_only_the_kinds_present_are_in_the_legend_in_a_fixed_order():
    """The legend's event entries keep one order whichever kind happened first (it moved with the data)."""
    events = _events(["koreksi_data", "alat_rusak", "jaringan_putus"])
    events[columns.MULAI] = ["2026-01-12", "2026-02-02", "2026-02-16"]  # the correction first
    events[columns.SELESAI] = ""
    fig = trend_charts.coverage_lines(_series(), SETTINGS, events=events)
    assert list(_marks(fig)) == ["Alat rusak", "Jaringan putus", "Koreksi data"]
    assert fig.layout.legend.orientation == "h"


@pytest.mark.parametrize("chart", ["coverage", "recordings"])
def test_the_event_markers_are_drawn_on_the_plot(chart):
    """The markers sit on a 0–1 axis of their own at the bottom of the plot: that axis must keep its
    0–1 range (it took the coverage axis' 75–102 range, and the markers were drawn off the plot)."""
    events = _events(["alat_rusak", "kampanye_sekolah"])
    if chart == "coverage":
        fig = trend_charts.coverage_lines(_series(), SETTINGS, events=events)
        assert list(fig.layout.yaxis.range) != [0, 1] and fig.layout.yaxis.ticksuffix == "%"
    else:
        fig = trend_charts.recordings_bars(timeline.weekly_recordings(_series()), events, SETTINGS)
        assert fig.layout.yaxis.tickvals and fig.layout.yaxis2.tickvals is None  # the counts on the bars' axis only
    assert list(fig.layout.yaxis2.range) == [0, 1]
    for trace in _marks(fig).values():
        assert trace.yaxis == "y2" and all(0 < y < 0.5 for y in trace.y)


def test_the_target_label_stands_above_the_left_end_of_its_line():
    """Coverage rises over time: the lines reach the target on the right, where the label stood under the
    line and the area's line ran through it. On the left, above the line, nothing crosses it."""
    from geo import trend

    s = _series()
    p = trend.projection(s[s[Col.KODE] == "99.01"], target_pct=92, deadline="2026-12-31")
    fig = trend_charts.coverage_lines(s, SETTINGS, projection=p)
    (label,) = [a for a in fig.layout.annotations if a.text == "Target 92%"]
    assert label.xanchor == "left" and label.x == 0  # at the plot's left edge…
    assert label.yanchor == "bottom" and label.y == 92  # …standing on the target line
    assert label.bgcolor  # readable even where a line comes near
    within = next(t for t in fig.data if (t.meta or {}).get("kode") == "99.01")
    assert max(within.y[:3]) < 92  # where the label is, the area's line runs below the target

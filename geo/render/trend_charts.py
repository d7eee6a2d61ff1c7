"""Plotly figures for trends: coverage over time and recordings per week. Pure builders.

Every builder returns a ``go.Figure`` and touches nothing else. Numbers and dates in
hover labels are formatted by ``geo.fmt`` (Indonesian by default) and the layout's
``separators`` make plotly's own axis numbers match (``92,5`` in Indonesian). Zones
are named by words written on their bands, never by colour alone.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go

from geo import fmt
from geo.columns import (
    HARI, JENIS, KETERANGAN, KOREKSI, MULAI, N_DIBAWA, REKAM_BARU, REKAM_PER_MINGGU, SELESAI, TANGGAL_AWAL,
    TANGGAL_PROYEKSI, TARGET, TENGGAT,
)
from geo.config import Settings
from geo.io.events import WEEKEND_SERVICE
from geo.present.trend import event_label, threshold_text
from geo.render.axes import date_ticks, day_range
from geo.render.style import INK, as_text, count_ticks, frame_figure, text_width, zone_legend
from geo.schema import COUNTRY_NAME, ZONE_COLOURS, Col, Zone, is_country
from geo.text import tr


# Lines and bars avoid the zone colours so a line is never read as a zone; colours far apart, and a
# dash pattern of its own for each line, so that two lines never look alike (in greyscale too).
LINE_COLOURS = ("#1f77b4", "#9467bd", "#17becf", "#8c564b", "#e377c2", "#393b79")
LINE_DASHES = ("solid", "dash", "dot", "dashdot")
WITHIN_COLOUR = "#111111"
BAR_COLOUR = "#4c78a8"
CORRECTION_COLOUR = "#7f7f7f"
ZONE_OPACITY = 0.14
# Each event kind has a marker symbol of its own (told apart without colour, in greyscale too) and a
# colour of its own for its marker and its band: no zone colour (a band is never read as a zone) and
# none of LINE_COLOURS.
EVENT_STYLES = {  # kind: (marker symbol, colour)
    "alat_rusak": ("x", "#d95f02"),
    "jaringan_putus": ("triangle-down", "#7570b3"),
    "blangko_habis": ("square", "#a6761d"),
    "koreksi_data": ("diamond", "#666666"),
    "kampanye_sekolah": ("triangle-up", "#2b83ba"),
    "layanan_akhir_pekan": ("star", "#c51b7d"),
    "jemput_bola": ("circle", "#01665e"),
}
OTHER_EVENT_STYLE = ("circle-open", "#7f7f7f")  # a kind this version does not know
EVENT_OPACITY = 0.12
EVENT_ROW = 0.035  # markers of different kinds sit this far apart (fraction of the plot's height)
EVENT_MERGE_DAYS = 7  # the snapshot interval: events closer than this are drawn as one
PLOT_PX = 380  # the plot's own height on the page; the legend above it adds what it needs
ZONE_LABEL_PX = 14  # a zone's words on its band: the annotations' screen size (``style._place``)
ZONE_LABEL_ROOM_PX = 30  # kept free at the plot's top for the deadline's words
PHONE_PLOT_PX = 260  # about a phone's plot width: how much of the right edge a zone's words cover there


def coverage_lines(series: pd.DataFrame, settings: Settings, lang: str = "id", source: str | None = None, *,
                   events: pd.DataFrame | None = None,
                   projection: dict | None = None, within: str | None = None) -> go.Figure:
    """Cakupan over time: one line per area of ``series``, zone bands shaded behind.

    Takes a ``timeline.series`` frame (Col.KODE, Col.NAMA, Col.TANGGAL, Col.WAJIB, Col.SUDAH,
    Col.CAKUPAN; N_DIBAWA optional). ``within`` (default: the shortest code) is drawn
    first, black and thick; the others follow in code order. Zone bands come from
    ``settings.zones`` (layout shapes with their words in the legend). ``events``
    (``trend.events_for``) become shaded date ranges with a label; ``projection`` (a
    ``trend.projection`` result) adds the target line, the deadline and, when a date is
    projected, a dashed segment from the last point to it. Each line trace carries
    ``meta = {"kode": …, "jenis": "cakupan"}``.
    """
    fig = go.Figure()
    codes = sorted(series[Col.KODE].unique()) if len(series) else []
    within = within or (min(codes, key=lambda k: (k.count("."), k)) if codes else None)
    ordered = ([within] if within in codes else []) + [k for k in codes if k != within]
    values = pd.to_numeric(series[Col.CAKUPAN], errors="coerce").dropna() if len(series) else pd.Series([])
    for i, kode in enumerate(ordered):
        rows = series[series[Col.KODE] == kode].sort_values(Col.TANGGAL)
        is_within = kode == within
        fig.add_trace(go.Scatter(
            x=[str(t)[:10] for t in rows[Col.TANGGAL]],
            y=[float(v) for v in rows[Col.CAKUPAN]],
            mode="lines+markers",
            name=_area_name(rows, kode),
            line={"color": WITHIN_COLOUR if is_within else LINE_COLOURS[(i - 1) % len(LINE_COLOURS)],
                  "dash": "solid" if is_within else LINE_DASHES[(i - 1) // len(LINE_COLOURS) % len(LINE_DASHES)],
                  "width": 3 if is_within else 2},
            marker={"size": 5 if is_within else 4},
            customdata=[[_hover_point(r, lang)] for r in rows.to_dict("records")],
            hovertemplate="<b>%{fullData.name}</b><br>%{customdata[0]}<extra></extra>",
            meta={"kode": kode, "jenis": "cakupan"},
        ))
    target = projection.get(TARGET) if projection else None
    extra = [target] if target is not None else []
    y_lo, y_hi = _coverage_range(values, settings, extra)
    for shape in zone_bands(settings, lang, y_lo, y_hi):
        fig.add_shape(shape)
    if projection:
        _add_projection(fig, projection, lang)
    _add_events(fig, events, lang)
    x_dates = list(series[Col.TANGGAL]) if len(series) else []
    if projection:  # the projected date and the deadline are on the time axis too
        x_dates += [d for d in (projection.get(TANGGAL_PROYEKSI), projection.get(TENGGAT)) if d]
    _label_zones(fig, settings, lang, y_lo, y_hi, x_dates)
    # the coverage axis only: update_yaxes would give the event markers' axis (y2, 0–1) this range too,
    # and draw them off the plot
    fig.update_layout(yaxis={"title": {"text": tr("grafik_sumbu_cakupan", lang)}, "range": [y_lo, y_hi],
                             "ticksuffix": "%"})
    _frame(fig, settings, lang, source, x_dates, "tren_cakupan", flow=True)
    return fig


def recordings_bars(weekly: pd.DataFrame, events: pd.DataFrame | None = None, settings: Settings | None = None,
                    lang: str = "id", source: str | None = None, *, kode: str | None = None) -> go.Figure:
    """Recordings per week of one area: each bar spans its interval, height = REKAM_PER_MINGGU.

    Takes a ``timeline.weekly_recordings`` frame; ``kode`` picks the area (default: the
    shortest code, i.e. the ``within`` area of a series). Bars are split into three
    traces, each with its word in the legend: ordinary weeks, weeks that overlap a
    ``layanan_akhir_pekan`` event of ``events`` (hatched), and corrections (KOREKSI,
    grey, below zero). Other events are shaded date ranges with a label. Each bar trace
    carries ``meta = {"jenis": "biasa" | "akhir_pekan" | "koreksi"}``.
    """
    fig = go.Figure()
    rows = weekly
    if len(weekly):
        kode = kode or min(weekly[Col.KODE].unique(), key=lambda k: (k.count("."), k))
        rows = weekly[weekly[Col.KODE] == kode].sort_values(Col.TANGGAL)
    weekend = _weekend_service(rows, events)
    correction = rows[KOREKSI].astype(bool) if len(rows) else pd.Series([], dtype=bool)
    groups = (
        ("biasa", ~weekend & ~correction, {"color": BAR_COLOUR}),
        ("akhir_pekan", weekend & ~correction, {"color": BAR_COLOUR, "pattern": {"shape": "/", "fgcolor": "#ffffff"}}),
        ("koreksi", correction, {"color": CORRECTION_COLOUR}),
    )
    for jenis, mask, marker in groups:
        part = rows[mask] if len(rows) else rows
        if part.empty:
            continue
        starts = [datetime.fromisoformat(str(t)[:10]) for t in part[TANGGAL_AWAL]]
        days = [int(h) for h in part[HARI]]
        fig.add_trace(go.Bar(
            x=[(s + timedelta(days=h / 2)).isoformat(sep=" ") for s, h in zip(starts, days)],  # mid-interval
            y=[float(v) for v in part[REKAM_PER_MINGGU]],
            width=[h * 86_400_000 * 0.9 for h in days],  # ms on a date axis: the interval's length
            name=tr(f"grafik_rekam_{jenis}", lang),
            marker=marker,
            customdata=[[_hover_interval(r, lang)] for r in part.to_dict("records")],
            hovertemplate="%{customdata[0]}<extra></extra>",
            meta={"jenis": jenis},
        ))
    _add_events(fig, None if events is None else events[events[JENIS] != WEEKEND_SERVICE], lang)
    x_dates = list(rows[TANGGAL_AWAL]) + list(rows[Col.TANGGAL]) if len(rows) else []
    fig.update_layout(barmode="overlay")
    values = [v for t in fig.data if t.type == "bar" for v in t.y]
    tickvals, ticktext = count_ticks(max(values, default=1), lang, low=min(values, default=0))
    fig.update_layout(yaxis={  # the count axis only (not the event markers' y2); 50.000, never plotly's 50k
        "title": {"text": tr("grafik_sumbu_rekam", lang)}, "zeroline": True, "tickvals": tickvals,
        "ticktext": ticktext, "range": [tickvals[0], tickvals[-1] * 1.05]})
    _frame(fig, settings, lang, source, x_dates, "tren_rekam")
    return fig


# --- pieces ---------------------------------------------------------------------------------
def zone_bands(settings: Settings, lang: str, y_lo: float, y_hi: float) -> list[dict]:
    """Background rectangles for the zones between ``y_lo`` and ``y_hi`` (percent), each
    named with its word and threshold (``legendgroup`` "zona", ``meta.zona``). Not in the legend:
    ``coverage_lines`` writes the words on the band (three legend rows fewer on a phone). A band
    of zero height is left out."""
    zones = settings.zones
    hijau, kuning = threshold_text(zones.hijau, lang), threshold_text(zones.kuning, lang)
    bands = (
        (Zone.HIJAU, zones.hijau, y_hi, tr("grafik_zona_hijau", lang, ambang=hijau)),
        (Zone.KUNING, zones.kuning, zones.hijau, tr("grafik_zona_kuning", lang, bawah=kuning, atas=hijau)),
        (Zone.MERAH, y_lo, zones.kuning, tr("grafik_zona_merah", lang, ambang=kuning)),
    )
    shapes = []
    for zone, low, high, name in bands:
        low, high = max(low, y_lo), min(high, y_hi)
        if high <= low:
            continue
        shapes.append({
            "type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": low, "y1": high,
            "fillcolor": ZONE_COLOURS[zone], "opacity": ZONE_OPACITY, "line": {"width": 0}, "layer": "below",
            "name": name, "showlegend": False, "legendgroup": "zona",
        })
    return shapes


def _label_zones(fig: go.Figure, settings: Settings, lang: str, y_lo: float, y_hi: float, x_dates: list) -> None:
    """Each zone band's words (``Hijau ≥ 92%``) written on it, at the plot's right edge where the
    fewest points are under them (lines, projection, event markers), else at the left edge when it
    is clearer there (coverage rises: a band the latest points fill is often empty on the left);
    clear of the deadline's words at the top and the target's above its line. Annotations named
    ``zona_<zone>``."""
    span = y_hi - y_lo
    label_h = (ZONE_LABEL_PX * 1.6) / PLOT_PX * span  # the words and their box, in percent
    top = y_hi - ZONE_LABEL_ROOM_PX / PLOT_PX * span
    points = _drawn_points(fig, y_lo, span)
    dates = sorted(pd.Timestamp(str(d)[:10]) for d in x_dates if d is not None and not pd.isna(d))
    target = next((a.y for a in fig.layout.annotations if a.name == "target"), None)
    zones = settings.zones
    for zone, low, high in ((Zone.HIJAU, zones.hijau, y_hi), (Zone.KUNING, zones.kuning, zones.hijau),
                            (Zone.MERAH, y_lo, zones.kuning)):
        low, high = max(low, y_lo), min(high, y_hi, top)
        if high - low <= 0:
            continue
        text = zone_legend(zone, settings, lang)
        near = {1: [], 0: []}  # the points under the words at the right edge (1) and the left (0)
        if dates:  # the part of the time axis the words cover on a phone
            cover = (dates[-1] - dates[0]) * min(1.0, (text_width(text, ZONE_LABEL_PX) + 12) / PHONE_PLOT_PX)
            near[1] = [y for x, y in points if x >= dates[-1] - cover]
            near[0] = [y for x, y in points if x <= dates[0] + cover]
        if target is not None:  # the target's words sit above its line's left end
            near[0] += [target + label_h / 2] * 3
        middle = (low + high) / 2
        steps = ([middle] if high - low <= label_h else
                 [low + label_h / 2 + i * (high - low - label_h) / 8 for i in range(9)])
        side, y = min(((side, c) for side in (1, 0) for c in steps),
                      key=lambda sc: (sum(abs(v - sc[1]) < label_h / 2 for v in near[sc[0]]), -sc[0],
                                      abs(sc[1] - middle)))
        fig.add_annotation(
            name=f"zona_{zone.value}", text=text, xref="paper", x=side, xanchor="right" if side else "left",
            xshift=-4 if side else 4, yref="y", y=y, yanchor="middle", showarrow=False,
            font={"color": INK, "size": ZONE_LABEL_PX}, bgcolor="rgba(255,255,255,0.75)", borderpad=2)


def _drawn_points(fig: go.Figure, y_lo: float, span: float) -> list[tuple[pd.Timestamp, float]]:
    """(date, percent) of what is drawn so far: the lines, the projection (its segment sampled) and
    the event markers (their own axis, 0–1 of the plot's height, in percent)."""
    points = []
    for trace in fig.data:
        if trace.type != "scatter" or not trace.x:
            continue
        xs = [pd.Timestamp(str(x)[:10]) for x in trace.x]
        ys = [float(y) if trace.yaxis != "y2" else y_lo + float(y) * span for y in trace.y]
        if (trace.meta or {}).get("jenis") == "proyeksi" and len(xs) == 2:
            xs = [xs[0] + (xs[1] - xs[0]) * i / 20 for i in range(21)]
            ys = [ys[0] + (ys[1] - ys[0]) * i / 20 for i in range(21)]
        points += zip(xs, ys)
    return points


def _coverage_range(values: pd.Series, settings: Settings, extra: list[float]) -> tuple[float, float]:
    """Y range that shows every value, both thresholds and 100%, with a little room."""
    points = [*map(float, values), settings.zones.kuning, settings.zones.hijau, 100.0, *extra]
    low, high = min(points), max(points)
    return max(0.0, float(int(low) - 3)), float(int(high) + 2)


def _area_name(rows: pd.DataFrame, kode: str) -> str:
    """The legend's name of an area: its name and code (two Kota Serang apart); the country by its name."""
    names = rows[Col.NAMA].dropna().map(as_text) if Col.NAMA in rows else []  # names are data, never markup
    if is_country(kode):
        return names.iloc[0] if len(names) else COUNTRY_NAME
    return f"{names.iloc[0]} ({kode})" if len(names) else kode


def _hover_point(row: dict, lang: str) -> str:
    text = fmt.long_date(row[Col.TANGGAL], lang) + "<br>" + tr(
        "grafik_hover_cakupan", lang, cakupan=fmt.percent(row[Col.CAKUPAN], 2, lang),
        sudah=fmt.number(row[Col.SUDAH], lang=lang), wajib=fmt.number(row[Col.WAJIB], lang=lang))
    carried = row.get(N_DIBAWA)
    if carried is not None and not pd.isna(carried) and int(carried) > 0:
        text += "<br>" + tr("grafik_hover_dibawa", lang, n=fmt.number(carried, lang=lang))
    return text


def _hover_interval(row: dict, lang: str) -> str:
    return tr(
        "grafik_hover_rekam", lang, awal=fmt.long_date(row[TANGGAL_AWAL], lang),
        akhir=fmt.long_date(row[Col.TANGGAL], lang), hari=row[HARI],
        rekam=fmt.signed(row[REKAM_BARU], lang=lang) if row[KOREKSI] else fmt.number(
            row[REKAM_BARU], lang=lang),
        per_minggu=fmt.number(row[REKAM_PER_MINGGU], 0, lang))


def _weekend_service(rows: pd.DataFrame, events: pd.DataFrame | None) -> pd.Series:
    """True for intervals (start, end] (days after the start snapshot up to the end one)
    that hold a day of a weekend-service event."""
    flags = pd.Series(False, index=rows.index, dtype=bool)
    if events is None or events.empty or rows.empty:
        return flags
    services = events[events[JENIS] == WEEKEND_SERVICE]
    for start, end in (_event_span(e) for e in services.to_dict("records")):
        last_day = (end - timedelta(days=1)).isoformat()
        # A snapshot counts its own day, so the interval holds the days after its start.
        flags |= ((rows[TANGGAL_AWAL].astype(str) < last_day)
                  & (rows[Col.TANGGAL].astype(str) >= start.isoformat()))
    return flags


def _event_span(event: dict) -> tuple[date, date]:
    """(first day, day after the last day): an event ending on 5 Jan covers all of 5 Jan."""
    start = date.fromisoformat(str(event[MULAI])[:10])
    raw_end = event.get(SELESAI)
    end = date.fromisoformat(str(raw_end)[:10]) if isinstance(raw_end, str) and raw_end.strip() else start
    return start, end + timedelta(days=1)


def _merged_events(events: pd.DataFrame) -> list[dict]:
    """Events of one kind less than EVENT_MERGE_DAYS apart become one range (one-day school
    visits in twenty desa over a month are one band, labelled with their count): weekly data
    cannot tell them apart anyway. Returned by start date."""
    spans = sorted((str(e[JENIS]), *_event_span(e), str(e.get(KETERANGAN) or ""))
                   for e in events.to_dict("records"))
    merged: list[dict] = []
    for jenis, start, end, note in spans:
        last = merged[-1] if merged else None
        if last and last["jenis"] == jenis and start <= last["end"] + timedelta(days=EVENT_MERGE_DAYS):
            last["end"] = max(last["end"], end)
            last["n"] += 1
            last["notes"].append(note)
        else:
            merged.append({"jenis": jenis, "start": start, "end": end, "n": 1, "notes": [note]})
    return sorted(merged, key=lambda m: (m["start"], m["jenis"]))


def _add_events(fig: go.Figure, events: pd.DataFrame | None, lang: str) -> None:
    """Each event (or run of events) as a light range shaded in its kind's colour and a marker of its
    kind's symbol at the bottom of the plot; one legend entry per kind present, in EVENT_STYLES' order
    (readable however many events there are: labels on the plot would pile up). Each kind's markers
    have a row of their own, so that events of two kinds starting together stay apart."""
    if events is None or events.empty:
        return
    by_kind: dict[str, list[dict]] = {}
    ranges = []  # what add_vrect draws, added at once (add_vrect copies every shape so far on each call)
    for event in _merged_events(events):
        ranges.append({"type": "rect", "xref": "x", "yref": "y domain", "x0": event["start"].isoformat(),
                       "x1": event["end"].isoformat(), "y0": 0, "y1": 1, "line": {"width": 0}, "layer": "below",
                       "fillcolor": event_style(event["jenis"])[1], "opacity": EVENT_OPACITY})
        by_kind.setdefault(event["jenis"], []).append(event)
    fig.update_layout(shapes=[*fig.layout.shapes, *ranges])
    order = list(EVENT_STYLES)
    kinds = sorted(by_kind, key=lambda k: (order.index(k) if k in order else len(order), k))
    for row, jenis in enumerate(kinds):
        runs = by_kind[jenis]
        hover = []
        for run in runs:
            notes = [as_text(n) for n in run["notes"] if n]  # an office's own words: text, never markup
            when = fmt.long_date(run["start"].isoformat(), lang) + (
                f" – {fmt.long_date(run['end'].isoformat(), lang)}" if run["end"] != run["start"] else "")
            count = f" ({run['n']})" if run["n"] > 1 else ""
            hover.append("<br>".join([f"<b>{event_label(jenis, lang)}{count}</b>", when, *notes[:3]]))
        symbol, colour = event_style(jenis)
        fig.add_trace(go.Scatter(
            x=[r["start"].isoformat() for r in runs], y=[0.04 + EVENT_ROW * row] * len(runs), yaxis="y2",
            mode="markers",
            marker={"symbol": symbol, "size": 11, "color": colour,
                    "line": {"width": 1, "color": colour if symbol.endswith("-open") else "#ffffff"}},
            name=event_label(jenis, lang), hovertext=hover, hoverinfo="text",
            meta={"jenis": "peristiwa", "kind": jenis},
        ))
    fig.update_layout(yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})


def event_style(jenis: str) -> tuple[str, str]:
    """(plotly marker symbol, colour) of an event kind; OTHER_EVENT_STYLE for a kind not known here."""
    return EVENT_STYLES.get(jenis, OTHER_EVENT_STYLE)


def _add_projection(fig: go.Figure, projection: dict, lang: str) -> None:
    target = projection.get(TARGET)
    if target is not None:
        fig.add_hline(y=target, line={"color": WITHIN_COLOUR, "dash": "dot", "width": 1},
                      annotation_text=tr("grafik_target", lang, target=threshold_text(target, lang)),
                      # above the line's left end: coverage rises over time, so the lines reach the
                      # target on the right (where they crossed the label) and stay below it on the left
                      annotation_position="top left",
                      annotation={"bgcolor": "rgba(255,255,255,0.8)", "name": "target"})
    deadline = projection.get(TENGGAT)
    if deadline:
        fig.add_vline(x=deadline, line={"color": WITHIN_COLOUR, "dash": "dash", "width": 1})
        fig.add_annotation(x=deadline, y=1, yref="paper", showarrow=False, xanchor="right",
                           text=tr("grafik_tenggat", lang, tanggal=fmt.long_date(deadline, lang)))
    when = projection.get(TANGGAL_PROYEKSI)
    if when and projection.get(Col.TANGGAL):
        fig.add_trace(go.Scatter(
            x=[projection[Col.TANGGAL], when], y=[projection[Col.CAKUPAN], target], mode="lines",
            line={"color": WITHIN_COLOUR, "dash": "dash", "width": 2},
            name=tr("grafik_proyeksi", lang), hoverinfo="skip",
            meta={"kode": projection.get(Col.KODE), "jenis": "proyeksi"},
        ))


def _frame(fig: go.Figure, settings: Settings | None, lang: str, source: str | None, x_dates: list,
           kind: str, flow: bool = False) -> None:
    """The time axis (date ticks, a little room at both ends) and the frame every figure has
    (``style.frame_figure``: fonts, separators, legend, margins from the labels, the source line).
    No title: the page's heading above the chart says it, and wraps on a phone. The page shows
    it through ``style.compact``: the legend above a plot of PLOT_PX whatever the screen's width (a
    legend that wraps on a phone then adds height, never takes the plot's). ``flow``: the legend's
    items side by side as their words allow, short ones sharing a row on a phone
    (``style.frame_figure``)."""
    tickvals, ticktext = date_ticks(x_dates, lang)
    fig.update_xaxes(type="date", tickvals=tickvals, ticktext=ticktext, tickangle=0)
    known = sorted(str(d)[:10] for d in x_dates if d is not None and not pd.isna(d))
    if known:
        fig.update_xaxes(range=day_range(known[0], known[-1], 2))
    source = source or (settings.source_name if settings else None)
    frame_figure(fig, title="", subtitle="", source=tr("grafik_sumber", lang, sumber=source) if source else "",
                 lang=lang, kind=kind, plot_height=PLOT_PX, flow_legend=flow)

"""Plotly figures for the media pack: images that explain themselves. Pure builders.

Every figure carries what a reader needs when it travels alone (a post, a slide, a
WhatsApp forward): a title that names the area and says the finding, a subtitle with
what is measured and the date of the data, a legend, and a source line at the bottom
(``Sumber: …, data per …``, plus ``data contoh sintetis`` for the demo). Zones are never
told by colour alone: each has a fill pattern (it survives greyscale printing and
colour-blind eyes) and its word in the legend and on every bar.

``zona_bar``, ``kantong_bar`` and ``tren_line`` return figures sized for a screen;
``style_for_export`` returns a copy laid out for one image size (fonts, margins, label
room), which ``geo.render.images.to_image`` applies before rendering.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from geo import fmt
from geo.columns import CETAK_PER_MINGGU, DIPAKAI, DITERIMA, STOK
from geo.coverage import top_belum
from geo.present import zone_label
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, Level, Zone, is_demo_code
from geo.config import Settings
from geo.text import tr


FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"
INK = "#1f1f1f"
MUTED = "#555555"
GRID = "#e3e3e3"
LINE_COLOUR = "#111111"  # the trend line: never a zone colour
SEPARATORS = {"id": ",.", "en": ".,"}  # plotly: decimal mark, then thousands separator

# Zone fills: the colour is fixed (ZONE_COLOURS) and each zone has its own pattern, so that
# hijau and merah (the same grey in greyscale) stay apart. None = no data.
ZONE_ORDER = (Zone.HIJAU, Zone.KUNING, Zone.MERAH)
ZONE_PATTERNS = {Zone.HIJAU: "", Zone.KUNING: "/", Zone.MERAH: "x", None: "."}
PATTERN_INK = {Zone.HIJAU: "#ffffff", Zone.KUNING: "#6b5900", Zone.MERAH: "#ffffff", None: "#555555"}
TEXT_BAR_ROLE = "nilai"  # meta role of bar traces with value labels outside the bar end
LABEL_COLUMN_ROLE = "kolom_nilai"  # meta role of a text trace: one column of values right of the bars

SCREEN_BASE_PX = 15  # base font on screen (Streamlit column width)
SCREEN_WRAP_PX = 760  # on screen the width follows the page: titles wrap as for a column this wide
SCREEN_ROW_PX = 30  # on screen, pixels per bar
EXPORT_BASE_PX = 18  # base font at 1080 px wide; scales with the width
_ROLE_SOURCE = "sumber"
_ROLE_END = "ujung"  # first and last value of a trend line
_ROLE_LINE = "garis"  # a data line other than the coverage trend
_ROLE_STEPS = "tangga"  # a stock drawn as steps with a marker on each entry
LINE_HEIGHT = 1.3  # plotly's line spacing for multi-line text, in em


# --- words and pieces shared by the builders (and by static_map, briefing) ----------------
def threshold_text(value: float, lang: str = "id") -> str:
    """A threshold as people write it: ``92%``, ``92,5%``."""
    decimals = 0 if float(value).is_integer() else (1 if float(value * 10).is_integer() else 2)
    return fmt.percent(value, decimals, lang)


def zone_legend(zone: Zone | None, settings: Settings, lang: str = "id") -> str:
    """Legend words of a zone with its thresholds: ``Hijau ≥ 92%``, ``Kuning 85% – < 92%``."""
    zones = settings.zones
    if zone is Zone.HIJAU:
        return tr("gambar_zona_hijau", lang, ambang=threshold_text(zones.hijau, lang))
    if zone is Zone.KUNING:
        return tr("gambar_zona_kuning", lang, bawah=threshold_text(zones.kuning, lang),
                             atas=threshold_text(zones.hijau, lang))
    if zone is Zone.MERAH:
        return tr("gambar_zona_merah", lang, ambang=threshold_text(zones.kuning, lang))
    return tr("gambar_zona_none", lang)


def is_demo(codes) -> bool:
    """True when the area codes are the synthetic example's (provinsi 99)."""
    return any(is_demo_code(k) for k in codes)


def source_text(settings: Settings, data_date, lang: str = "id", *, demo: bool = False) -> str:
    """``Sumber: <settings.source_name>, data per 16 November 2026`` (+ ``· data contoh sintetis``)."""
    text = tr("gambar_sumber", lang, sumber=settings.source_name, tanggal=fmt.long_date(data_date, lang))
    return text + (" · " + tr("gambar_contoh", lang) if demo else "")


def level_words(level: Level | str, lang: str = "id") -> str:
    """The plural words for areas of a level: ``kecamatan``, ``desa/kelurahan``."""
    return tr(f"gambar_tingkat_{Level(level).value}", lang)


def zones_of(values, settings: Settings) -> list[Zone | None]:
    """The zone of each cakupan (percent) under ``settings``; None where there is no value."""
    return [settings.zones.zone(None if pd.isna(v) else float(v)) for v in values]


# --- builders ---------------------------------------------------------------------------------
def zona_bar(table: pd.DataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
             demo: bool | None = None) -> go.Figure:
    """Coverage of each child area as horizontal bars, best on top, filled by zone.

    Takes a ``coverage.coverage_table`` frame (Col.KODE, Col.NAMA, Col.LEVEL, Col.WAJIB,
    Col.SUDAH, Col.BELUM, Col.CAKUPAN in percent). Zones are computed here from
    ``settings`` (one bar trace per zone, its colour, pattern and legend words; a trace's
    ``meta = {"zona": …, "role": "batang"}``). Each bar's value and zone word,
    ``92,28% (hijau)``, stand in one column right of the bars (a text trace, role
    LABEL_COLUMN_ROLE); the zone thresholds are dashed lines labelled ``Hijau ≥ 92%``. Areas without data are
    listed last, labelled ``tidak ada data``. ``demo`` (default: codes under provinsi 99)
    adds ``data contoh sintetis`` to the source line.
    """
    rows = table.copy()
    rows["_sort"] = pd.to_numeric(rows[Col.CAKUPAN], errors="coerce").fillna(-math.inf)
    rows = rows.sort_values(["_sort", Col.NAMA], ascending=[False, True], ignore_index=True)
    zones = zones_of(rows[Col.CAKUPAN], settings)  # a list: pandas 3 would turn Zone (a str) into text
    order = list(rows[Col.KODE])
    level = Level(rows[Col.LEVEL].iloc[0]) if len(rows) else Level.KECAMATAN
    fig = go.Figure()
    for zone in (*ZONE_ORDER, None):
        part = rows[[z is zone for z in zones]]
        if part.empty and zone is None:
            continue
        fig.add_trace(go.Bar(
            orientation="h",
            x=[0.0 if pd.isna(v) else float(v) for v in part[Col.CAKUPAN]],
            y=list(part[Col.KODE]),
            name=zone_legend(zone, settings, lang),
            marker=_zone_marker(zone),
            customdata=[[r[Col.NAMA], _hover(r, zone, lang)] for r in part.to_dict("records")],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"zona": zone.value if zone else None, "role": "batang"},
        ))
    _keep_in_legend(fig)
    # Values in one column right of the bars (and of 100%): threshold lines never cross them.
    values = pd.to_numeric(rows[Col.CAKUPAN], errors="coerce")
    column_x = max([100.0, *values.dropna()]) + 2.0
    fig.add_trace(go.Scatter(
        x=[column_x] * len(rows), y=order, mode="text", textposition="middle right",
        text=[_coverage_label(r, z, lang) for r, z in zip(rows.to_dict("records"), zones)],
        showlegend=False, hoverinfo="skip", cliponaxis=False, meta={"role": LABEL_COLUMN_ROLE},
    ))
    names = dict(zip(rows[Col.KODE], rows[Col.NAMA]))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1],
                     tickvals=order, ticktext=[names[k] for k in order],
                     range=[-0.6, len(order) - 0.4 + 0.8])  # headroom on top for the threshold labels
    ticks = list(range(0, int(column_x) - 1, 20))
    fig.update_xaxes(range=[0, column_x * 1.3], tickvals=ticks, ticksuffix="%",
                     title_text=tr("gambar_sumbu_cakupan", lang),
                     showgrid=True, gridcolor=GRID, zeroline=True, zerolinecolor="#999999")
    _threshold_lines(fig, settings, lang)
    n_hijau = sum(z is Zone.HIJAU for z in zones)
    title = tr("gambar_zona_judul", lang, wilayah=area_name, n=n_hijau, total=len(rows),
                          tingkat=level_words(level, lang))
    subtitle = tr("gambar_zona_sub", lang, tingkat=level_words(level, lang).split("/")[0],
                             tanggal=fmt.long_date(data_date, lang))
    demo = is_demo(order) if demo is None else demo
    fig.update_layout(bargap=0.28)
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo), lang=lang,
           kind="zona_bar", plot_height=SCREEN_ROW_PX * (len(order) + 0.8))
    return fig


def kantong_bar(table: pd.DataFrame, *, area_name: str, data_date, settings: Settings, lang: str = "id",
                n: int = 10, parent_names: dict | None = None, demo: bool | None = None) -> go.Figure:
    """The ``n`` areas with the most belum rekam (``coverage.top_belum``), largest on top.

    Takes a ``coverage.coverage_table`` frame (usually desa of a kabupaten). Bars are
    belum rekam counts, filled by the area's zone (computed from ``settings``) and
    labelled ``4.056 · cakupan 82,74% (merah)``. ``parent_names`` (kode → nama) adds the
    kecamatan under each desa's name: desa names repeat across kecamatan. The subtitle
    says what share of all belum rekam of ``table`` these areas hold.
    """
    top = top_belum(table, n).reset_index(drop=True)
    zones = zones_of(top[Col.CAKUPAN], settings)
    order = list(top[Col.KODE])
    level = Level(top[Col.LEVEL].iloc[0]) if len(top) else Level.DESA
    fig = go.Figure()
    for zone in (*ZONE_ORDER, None):
        part = top[[z is zone for z in zones]]
        if part.empty and zone is None:
            continue
        fig.add_trace(go.Bar(
            orientation="h",
            x=[float(v) for v in part[Col.BELUM]],
            y=list(part[Col.KODE]),
            name=zone_legend(zone, settings, lang),
            marker=_zone_marker(zone),
            text=[tr("gambar_label_kantong", lang, belum=fmt.number(r[Col.BELUM], lang=lang),
                                cakupan=fmt.percent(r[Col.CAKUPAN], 2, lang), zona=zone_word(zone, lang))
                  for r in part.to_dict("records")],
            textposition="outside",
            cliponaxis=False,
            customdata=[[r[Col.NAMA], _hover(r, zone, lang)] for r in part.to_dict("records")],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"zona": zone.value if zone else None, "role": TEXT_BAR_ROLE},
        ))
    _keep_in_legend(fig)
    parents = parent_names or {}
    ticks = []
    for r in top.to_dict("records"):
        parent = parents.get(r.get(Col.KODE_INDUK))
        ticks.append(f"{r[Col.NAMA]} <span style='color:{MUTED}'>({parent})</span>" if parent else r[Col.NAMA])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1], tickvals=order,
                     ticktext=ticks, range=[-0.6, len(order) - 0.4])
    biggest = float(top[Col.BELUM].max()) if len(top) else 1.0
    fig.update_xaxes(range=[0, biggest * 1.9], title_text=tr("gambar_sumbu_belum", lang),
                     showgrid=True, gridcolor=GRID, tickformat=",d", zeroline=True, zerolinecolor="#999999")
    total = pd.to_numeric(table[Col.BELUM], errors="coerce").sum()
    together = float(top[Col.BELUM].sum())
    words = level_words(level, lang)
    title = tr("gambar_kantong_judul", lang, wilayah=area_name, n=len(top), tingkat=words)
    subtitle = tr("gambar_kantong_sub", lang, tanggal=fmt.long_date(data_date, lang))
    if total > 0:
        subtitle += "<br>" + tr(
            "gambar_kantong_bagian", lang, jumlah=fmt.number(together, lang=lang), total=fmt.number(total, lang=lang),
            wilayah=area_name, persen=fmt.percent(100 * together / total, 1, lang))
    demo = is_demo(table[Col.KODE]) if demo is None else demo
    fig.update_layout(bargap=0.3)
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo), lang=lang,
           kind="kantong_bar", plot_height=SCREEN_ROW_PX * max(len(order), 3))
    return fig


def tren_line(series: pd.DataFrame, *, area_name: str, settings: Settings, lang: str = "id",
              kode: str | None = None, demo: bool | None = None) -> go.Figure:
    """Coverage of one area over time, zone bands behind (patterned, with their words).

    Takes one area's rows over time: Col.TANGGAL (ISO), Col.CAKUPAN (percent), Col.SUDAH,
    Col.WAJIB (as from ``briefing.coverage_over_time``). The first and the last value are
    written on the chart; the title says whether coverage rose or fell. ``kode`` (or the
    frame's Col.KODE) decides ``demo`` when not given.
    """
    rows = series.sort_values(Col.TANGGAL, ignore_index=True)
    rows = rows[pd.to_numeric(rows[Col.CAKUPAN], errors="coerce").notna()].reset_index(drop=True)
    x = [str(t)[:10] for t in rows[Col.TANGGAL]]
    y = [float(v) for v in rows[Col.CAKUPAN]]
    lo, hi = coverage_range(y, settings)
    fig = go.Figure()
    if x:
        _zone_bands(fig, settings, lang, x[0], x[-1], lo, hi)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines", name=tr("gambar_tren_garis", lang, wilayah=area_name),
            line={"color": LINE_COLOUR, "width": 3.5},
            customdata=[[fmt.long_date(d, lang), _hover(r, settings.zones.zone(r[Col.CAKUPAN]), lang)]
                        for d, r in zip(x, rows.to_dict("records"))],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            meta={"role": "tren"},
        ))
        ends = [0, len(x) - 1] if len(x) > 1 else [0]
        fig.add_trace(go.Scatter(
            x=[x[i] for i in ends], y=[y[i] for i in ends], mode="markers", marker={"color": LINE_COLOUR, "size": 11},
            showlegend=False, hoverinfo="skip", cliponaxis=False, meta={"role": _ROLE_END},
        ))
        for i in ends:  # the first value below-right of its point, the last above-left: both inside the plot
            last = i == len(x) - 1 and i > 0
            fig.add_annotation(x=x[i], y=y[i], text=f"<b>{fmt.percent(y[i], 2, lang)}</b>", showarrow=False,
                               xanchor="right" if last else "left", yanchor="bottom" if last else "top",
                               yshift=10 if last else -10, bgcolor="rgba(255,255,255,0.85)", borderpad=2,
                               font={"color": INK}, name=_ROLE_END)
        tickvals, ticktext = month_ticks(x[0], x[-1], lang)
        fig.update_xaxes(type="date", tickvals=tickvals, ticktext=ticktext, range=[x[0], x[-1]],
                         showgrid=False, ticks="outside")
    fig.update_yaxes(range=[lo, hi], ticksuffix="%", title_text=tr("gambar_sumbu_cakupan", lang),
                     showgrid=True, gridcolor=GRID)
    if len(y) >= 2 and round(y[-1], 2) != round(y[0], 2):
        key = "gambar_tren_naik" if y[-1] > y[0] else "gambar_tren_turun"
    else:
        key = "gambar_tren_tetap"
    title = tr(key, lang, wilayah=area_name, awal=fmt.percent(y[0], 2, lang) if y else "–",
                          akhir=fmt.percent(y[-1], 2, lang) if y else "–")
    subtitle = tr("gambar_tren_sub", lang, mulai=fmt.long_date(x[0] if x else None, lang),
                             akhir=fmt.long_date(x[-1] if x else None, lang))
    codes = [kode] if kode else (list(series[Col.KODE]) if Col.KODE in series else [])
    demo = is_demo(codes) if demo is None else demo
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, x[-1] if x else None, lang, demo=demo),
           lang=lang, kind="tren_line", plot_height=340)
    return fig


def month_ticks(first: str, last: str, lang: str = "id", max_ticks: int = 6) -> tuple[list[str], list[str]]:
    """Ticks on the 1st of months between two ISO dates, every 1, 2, 3, 6 or 12 months so that
    at most ``max_ticks`` fit; labelled with the month's name in ``lang`` and the year on the
    first tick of each year (``Januari<br>2025``)."""
    start, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12) if months / s <= max_ticks), 12)
    index = start.year * 12 + start.month - 1 + (0 if start.day == 1 else 1)
    index += (-index) % step  # ticks fall on multiples of the step: Jan, Jul for 6
    ticks = []
    while True:
        tick = date(index // 12, index % 12 + 1, 1)
        if tick > end:
            break
        ticks.append(tick)
        index += step
    texts, year = [], None
    for tick in ticks:
        _, month, this_year = fmt.long_date(tick, lang).split(" ")
        texts.append(month if this_year == year else f"{month}<br>{this_year}")
        year = this_year
    return [t.isoformat() for t in ticks], texts


# --- the card pipeline: recorded → print-ready → printed, and the blank-card stock -------------
CARD_COLOURS = {"cetak": "#1f4e79", "prr": "#7b3294", "diproses": "#a3a3a3", "stok": "#1f4e79",
                "proyeksi": "#8c564b"}  # never a zone colour: these are not zones
CARD_PATTERNS = {"cetak": "", "prr": "/", "diproses": "x"}
_CARD_ROWS = ("rekam", "verifikasi", "cetak")


def kartu_bar(totals: dict, *, area_name: str, settings: Settings, lang: str = "id", kode: str | None = None,
              demo: bool | None = None) -> go.Figure:
    """Recorded → verified → printed for one area: three horizontal bars, recorded on top.

    Takes ``capacity.card_totals``'s (or ``coverage.area_totals``') dict: Col.SUDAH,
    Col.PRR, Col.CETAK, Col.TANGGAL; a count may be None. The bars are stacked from the
    same three parts, one trace each (legend: printed, print-ready waiting = PRR, still
    processing or rejected = recorded − PRR − printed): the recorded bar holds all three,
    the verified bar (PRR + printed) two, the printed bar one. Each bar ends in its count and, below the first, its share of
    the recorded (``313.745 (97,8%)``). The title says the share printed.
    """
    sudah, prr, cetak = (totals.get(c) for c in (Col.SUDAH, Col.PRR, Col.CETAK))
    data_date = totals.get(Col.TANGGAL)
    n = {k: 0 if v is None or pd.isna(v) else int(v) for k, v in (("sudah", sudah), ("prr", prr), ("cetak", cetak))}
    diproses = max(n["sudah"] - n["prr"] - n["cetak"], 0)
    verified = None if prr is None or cetak is None else n["prr"] + n["cetak"]
    parts = {"cetak": [n["cetak"]] * 3, "prr": [n["prr"], n["prr"], None], "diproses": [diproses, None, None]}
    fig = go.Figure()
    for part, values in parts.items():
        colour = CARD_COLOURS[part]
        fig.add_trace(go.Bar(
            orientation="h", x=values, y=list(_CARD_ROWS), name=tr(f"gambar_kartu_bagian_{part}", lang),
            marker={"color": colour, "line": {"color": "#ffffff", "width": 0.5},
                    "pattern": {"shape": CARD_PATTERNS[part], "fgcolor": "#ffffff", "bgcolor": colour,
                                "fillmode": "replace", "size": 9, "solidity": 0.25}},
            hovertemplate="%{fullData.name}: %{customdata}<extra></extra>",
            customdata=[fmt.number(v, lang=lang) if v is not None else "–" for v in values],
            meta={"role": "batang", "bagian": part},
        ))
    totals_x = [sudah, verified, cetak]
    labels = []
    for i, value in enumerate(totals_x):
        share = f" ({fmt.percent(100 * value / n['sudah'], 1, lang)})" if i and value is not None and n["sudah"] else ""
        labels.append("\u2002" + fmt.number(value, lang=lang) + share)
    fig.add_trace(go.Scatter(
        x=[0 if v is None else v for v in totals_x], y=list(_CARD_ROWS), mode="text", text=labels,
        textposition="middle right", showlegend=False, hoverinfo="skip", cliponaxis=False,
        meta={"role": TEXT_BAR_ROLE},
    ))
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(_CARD_ROWS)[::-1],
                     tickvals=list(_CARD_ROWS), range=[-0.6, len(_CARD_ROWS) - 0.4],
                     ticktext=[tr(f"gambar_kartu_baris_{row}", lang) for row in _CARD_ROWS])
    fig.update_xaxes(range=[0, max(n["sudah"], 1) * 1.5], tickformat=",d", showgrid=True, gridcolor=GRID,
                     zeroline=True, zerolinecolor="#999999", title_text=tr("gambar_kartu_sumbu", lang))
    if cetak is not None and n["sudah"]:
        title = tr("gambar_kartu_judul", lang, wilayah=area_name,
                              persen=fmt.percent(100 * n["cetak"] / n["sudah"], 1, lang))
    else:
        title = tr("gambar_kartu_judul_tanpa", lang, wilayah=area_name)
    subtitle = tr("gambar_kartu_sub", lang, sudah=fmt.number(sudah, lang=lang),
                             cetak=fmt.number(cetak, lang=lang), prr=fmt.number(prr, lang=lang),
                             diproses=fmt.number(diproses if verified is not None else None, lang=lang),
                             tanggal=fmt.long_date(data_date, lang))
    demo = is_demo([kode] if kode else []) if demo is None else demo
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo), lang=lang,
           kind="kartu_bar", plot_height=SCREEN_ROW_PX * 6)
    return fig


def kartu_riwayat_line(history: pd.DataFrame, *, area_name: str, settings: Settings, lang: str = "id",
                       kode: str | None = None, demo: bool | None = None) -> go.Figure:
    """Print-ready cards waiting (a line) and cards printed per week (bars), over time.

    Takes ``capacity.card_history``'s frame (Col.TANGGAL ISO, Col.PRR, ``cetak_per_minggu``:
    cards printed since the previous date, per 7 days). The highest number waiting and the
    last one are written on the chart; the title says the last week's figures; weeks with
    no bar are weeks nothing was printed.
    """
    rows = history.sort_values(Col.TANGGAL, ignore_index=True)
    x = [str(t)[:10] for t in rows[Col.TANGGAL]]
    prr = [None if pd.isna(v) else int(v) for v in rows[Col.PRR]]
    weekly = [None if pd.isna(v) else round(float(v)) for v in rows[CETAK_PER_MINGGU]]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=x, y=weekly, name=tr("gambar_kartu_per_minggu", lang), marker={"color": CARD_COLOURS["cetak"]},
        customdata=[[fmt.long_date(d, lang), fmt.number(v, lang=lang)] for d, v in zip(x, weekly)],
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>", meta={"role": "batang"},
    ))
    fig.add_trace(go.Scatter(
        x=x, y=prr, mode="lines", name=tr("gambar_kartu_menunggu", lang),
        line={"color": CARD_COLOURS["prr"], "width": 3},
        customdata=[[fmt.long_date(d, lang), fmt.number(v, lang=lang)] for d, v in zip(x, prr)],
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>", meta={"role": _ROLE_LINE},
    ))
    known = [i for i, v in enumerate(prr) if v is not None]
    if known:
        last, peak = known[-1], max(known, key=lambda i: (prr[i], -i))
        if peak != last:
            fig.add_annotation(x=x[peak], y=prr[peak], xanchor="left", yanchor="top", xshift=10, showarrow=False,
                               text=tr("gambar_kartu_puncak", lang, n=fmt.number(prr[peak], lang=lang),
                                                  tanggal=fmt.long_date(x[peak], lang)),
                               bgcolor="rgba(255,255,255,0.85)", font={"color": INK}, name=_ROLE_END)
        fig.add_annotation(x=x[last], y=prr[last], xanchor="right", yanchor="bottom", yshift=8, showarrow=False,
                           text=f"<b>{fmt.number(prr[last], lang=lang)}</b>", bgcolor="rgba(255,255,255,0.85)",
                           font={"color": INK}, name=_ROLE_END)
    high = max([v for v in (*prr, *weekly) if v is not None], default=1)
    tickvals, ticktext = count_ticks(high, lang)
    fig.update_yaxes(range=[0, tickvals[-1] * 1.08], tickvals=tickvals, ticktext=ticktext, showgrid=True,
                     gridcolor=GRID, title_text=tr("gambar_kartu_sumbu_kartu", lang))
    if x:
        dates_v, dates_t = month_ticks(x[0], x[-1], lang)
        fig.update_xaxes(type="date", tickvals=dates_v, ticktext=dates_t, showgrid=False, ticks="outside")
    fig.update_layout(bargap=0.15)
    data_date = x[-1] if x else None
    if known:
        title = tr("gambar_kartu_riwayat_judul", lang, wilayah=area_name,
                              prr=fmt.number(prr[known[-1]], lang=lang), cetak=fmt.number(weekly[-1], lang=lang))
    else:
        title = tr("gambar_kartu_riwayat_judul_tanpa", lang, wilayah=area_name)
    subtitle = tr("gambar_kartu_riwayat_sub", lang, mulai=fmt.long_date(x[0] if x else None, lang),
                             akhir=fmt.long_date(data_date, lang))
    demo = is_demo([kode] if kode else []) if demo is None else demo
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo), lang=lang,
           kind="kartu_riwayat_line", plot_height=340)
    return fig


def blangko_line(ledger: pd.DataFrame, projection: dict, *, area_name: str, settings: Settings, lang: str = "id",
                 kode: str | None = None, demo: bool | None = None) -> go.Figure:
    """The blank-card stock after each entry (steps) and its projected run-out (dashed).

    Takes ``capacity.blank_ledger``'s frame (Col.TANGGAL, ``stok``, ``diterima``,
    ``dipakai``) and ``capacity.blank_projection``'s dict. The dashed line runs from the
    last entry through the estimated stock on the data date (``tanggal``) to zero on
    ``tanggal_habis``, which the title states; the subtitle gives the printing rate and
    how many print-ready cards wait for a blank.
    """
    p = projection
    lang_n = lambda v, d=0: fmt.number(v, d, lang)  # noqa: E731
    x = [str(t)[:10] for t in ledger[Col.TANGGAL]]
    stock = [int(v) for v in ledger[STOK]]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=x, y=stock, mode="lines+markers", line={"shape": "hv", "color": CARD_COLOURS["stok"], "width": 2.5},
        marker={"size": 7}, name=tr("gambar_blangko_stok", lang),
        customdata=[tr("gambar_blangko_hover", lang, tanggal=fmt.long_date(d, lang), stok=lang_n(s),
                                  diterima=lang_n(a), dipakai=lang_n(b))
                    for d, s, a, b in zip(x, stock, ledger[DITERIMA], ledger[DIPAKAI])],
        hovertemplate="%{customdata}<extra></extra>", meta={"role": _ROLE_STEPS},
    ))
    ends = [x[-1]] if x else []
    if p.get("tanggal_stok") and p.get("stok_perkiraan") is not None:
        xs, ys = [p["tanggal_stok"]], [p["stok"]]
        if p.get("tanggal") and p["tanggal"] > p["tanggal_stok"]:
            xs, ys = xs + [p["tanggal"]], ys + [p["stok_perkiraan"]]
        if p.get("tanggal_habis") and p["tanggal_habis"] > xs[-1]:
            xs, ys = xs + [p["tanggal_habis"]], ys + [0]
        projection_name = tr("gambar_blangko_proyeksi", lang)
        if p.get("tanggal_habis"):
            projection_name += tr("gambar_blangko_habis_pada", lang,
                                             tanggal=fmt.long_date(p["tanggal_habis"], lang))
        if len(xs) > 1:
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines+markers", line={"dash": "dash", "color": CARD_COLOURS["proyeksi"], "width": 3},
                marker={"size": 8}, name=projection_name,
                customdata=[f"{fmt.long_date(d, lang)}: {lang_n(v)}" for d, v in zip(xs, ys)],
                hovertemplate="%{customdata}<extra></extra>", meta={"role": _ROLE_LINE},
            ))
            ends.append(xs[-1])
    tickvals, ticktext = count_ticks(max(stock, default=1), lang)
    fig.update_yaxes(range=[0, tickvals[-1] * 1.08], tickvals=tickvals, ticktext=ticktext, showgrid=True,
                     gridcolor=GRID, zeroline=True, zerolinecolor="#999999",
                     title_text=tr("gambar_blangko_sumbu", lang))
    if x:
        dates_v, dates_t = month_ticks(x[0], max(ends), lang)
        fig.update_xaxes(type="date", tickvals=dates_v, ticktext=dates_t, showgrid=False, ticks="outside")
    data_date = p.get("tanggal") or (x[-1] if x else None)
    left = p.get("stok_perkiraan")
    if left == 0 and p.get("tanggal_habis"):
        title = tr("gambar_blangko_judul_habis", lang, wilayah=area_name,
                              tanggal=fmt.long_date(p["tanggal_habis"], lang))
    elif p.get("tanggal_habis"):
        title = tr("gambar_blangko_judul", lang, wilayah=area_name,
                              tanggal=fmt.long_date(p["tanggal_habis"], lang))
    else:
        title = tr("gambar_blangko_judul_stok", lang, wilayah=area_name, stok=lang_n(left))
    subtitle = tr("gambar_blangko_sub", lang, mulai=fmt.long_date(x[0] if x else None, lang),
                             akhir=fmt.long_date(data_date, lang))
    facts = [tr("gambar_blangko_perkiraan", lang, stok=lang_n(left), tanggal=fmt.long_date(data_date, lang))]
    if p.get("laju_cetak_per_hari") is not None:
        facts.append(tr("gambar_blangko_laju", lang, laju=lang_n(p["laju_cetak_per_hari"], 1)))
    if p.get("prr") is not None:
        key = "gambar_blangko_kurang" if p.get("kurang") else "gambar_blangko_cukup"
        facts.append(tr(key, lang, prr=lang_n(p["prr"]), kurang=lang_n(p.get("kurang"))))
    facts = " · ".join(facts)
    subtitle += "<br>" + facts[:1].upper() + facts[1:]
    demo = is_demo([kode] if kode else []) if demo is None else demo
    _frame(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo), lang=lang,
           kind="blangko_line", plot_height=340)
    return fig


def count_ticks(high: float, lang: str = "id", n: int = 5) -> tuple[list[float], list[str]]:
    """Round ticks from 0 to at least ``high`` (about ``n`` steps of 1, 2, 2.5 or 5 × 10^k),
    written as people write counts: ``12.000`` (id), ``12,000`` (en) — never ``12k``."""
    high = max(float(high), 1.0)
    raw = high / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = max(next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), 1)  # counts: whole steps
    if not float(step).is_integer():  # 25 → 2.5 × 10: keep whole numbers
        step = math.ceil(step)
    count = math.ceil(round(high / step, 9))
    values = [step * i for i in range(count + 1)]
    return values, [fmt.number(v, lang=lang) for v in values]


# --- export layout --------------------------------------------------------------------------
def style_for_export(fig: go.Figure, size: tuple[int, int]) -> go.Figure:
    """A copy of ``fig`` laid out for an image of ``size`` = (width, height) pixels.

    The base font is 18 px at 1080 px wide and scales with the width (20 px at 1200);
    the title is 1.5×, the source line 0.85×; title and subtitle wrap to the width.
    Margins come from the text they hold (title and subtitle lines, legend row, longest
    category label, source line), so title, legend and source line share one left edge
    at every size, bar value labels get room, and bars stay about 2.4 lines thick.
    """
    width, height = int(size[0]), int(size[1])
    out = go.Figure(fig)
    base = EXPORT_BASE_PX * width / 1080
    frame = _place(out, base=base, width=width, height=height)
    for trace in out.data:
        role = trace.meta.get("role") if isinstance(trace.meta, dict) else None
        if role in (TEXT_BAR_ROLE, LABEL_COLUMN_ROLE):
            trace.update(textfont={"size": round(base * 0.9)})
        elif role == _ROLE_END:
            trace.update(marker={"size": round(base * 0.6)})
        elif role in ("tren", _ROLE_LINE):
            trace.update(line={"width": max(3.0, base / 5)})
        elif role == _ROLE_STEPS:
            trace.update(line={"width": max(2.5, base / 6)}, marker={"size": round(base * 0.45)})
    _room_for_bar_labels(out, frame["plot_w"], base * 0.9)
    n_bars = len(out.layout.yaxis.tickvals or ())
    if n_bars and any(t.type == "bar" and t.orientation == "h" for t in out.data):
        slot = frame["plot_h"] / (n_bars + 0.8)
        out.update_layout(bargap=min(0.7, max(0.25, 1 - base * 2.4 / slot)))
    return out


# --- pieces ---------------------------------------------------------------------------------
def _frame(fig: go.Figure, *, title: str, subtitle: str, source: str, lang: str, kind: str,
           plot_height: float) -> None:
    """What every figure carries: title, subtitle, source line, legend, separators, fonts.

    The texts are kept in ``layout.meta`` (``judul``, ``subjudul``, ``sumber``) and drawn as
    annotations by ``_place``, here for a screen (the width follows the page; the height is
    fixed so that the legend's place is known) and again by ``style_for_export``.
    """
    fig.update_layout(
        template="plotly_white",
        separators=SEPARATORS.get(lang, SEPARATORS["id"]),
        font={"family": FONT_FAMILY, "size": SCREEN_BASE_PX, "color": INK},
        hovermode="closest",
        meta={"gambar": kind, "judul": title, "subjudul": subtitle, "sumber": source, "tinggi_plot": plot_height},
    )
    _place(fig, base=SCREEN_BASE_PX, width=None, plot_height=plot_height)


def compact(fig: go.Figure) -> go.Figure:
    """A copy of a framed figure for a page that shows its own heading and source line.

    Title, subtitle and source line are not drawn (the page's subheader and caption say
    them); they stay in ``layout.meta``, so ``style_for_export`` still puts them on the
    image. Margins still come from the labels, so no label is cut.
    """
    out = go.Figure(fig)
    meta = out.layout.meta if isinstance(out.layout.meta, dict) else {}
    _place(out, base=SCREEN_BASE_PX, width=None, plot_height=meta.get("tinggi_plot", 300), texts=False)
    return out


def _place(fig: go.Figure, *, base: float, width: int | None, height: int | None = None,
           plot_height: float | None = None, texts: bool = True) -> dict:
    """Lay out title, subtitle, legend, source line and margins in pixels, in place.

    Title, subtitle and source are annotations anchored to the plot's corners and shifted
    in pixels, so they stay put whatever the plot's size; ``width`` None (a screen) wraps
    text at SCREEN_WRAP_PX and lets the width follow the page. Either ``height`` or
    ``plot_height`` is given. ``texts`` False leaves title, subtitle and source out (and
    their room). Returns the plot area's size in pixels.
    """
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if not texts:
        meta = {}
    layout = fig.layout
    base = round(base)
    title_px, sub_px, small_px = round(base * 1.5), base, round(base * 0.85)
    pad = round(0.04 * width) if width else 12
    text_w = (width or SCREEN_WRAP_PX) - 2 * pad
    title = meta.get("judul") or ""
    subtitle = meta.get("subjudul") or ""
    title_lines = text_lines(wrap_text(title, title_px, text_w, bold=True)) if title else []
    sub_lines = text_lines(wrap_text(subtitle, sub_px, text_w)) if subtitle else []
    has_legend = any(t.showlegend is not False and t.name for t in fig.data)
    # vertical budget, pixels from the top
    sub_top = pad + len(title_lines) * title_px * LINE_HEIGHT + (base * 0.35 if title_lines else 0)
    legend_top = sub_top + len(sub_lines) * sub_px * LINE_HEIGHT + base * 0.6
    top = legend_top + (base * 1.9 if has_legend else 0) + base * 0.5
    x_tick_lines = max((len(text_lines(t)) for t in (layout.xaxis.ticktext or ["0"])), default=1)
    bottom = (base * LINE_HEIGHT * x_tick_lines + base * 0.6 + (base * 1.7 if layout.xaxis.title.text else 0)
              + (small_px * 2.2 if meta.get("sumber") else base * 0.3) + pad)
    # horizontal budget: the widest tick label (names left of horizontal bars, or numbers such as
    # "12.000" set as tick texts; else "100%"), and the rotated axis title left of them
    labels = list(layout.yaxis.ticktext or [])
    y_title = base * 1.6 if layout.yaxis.title.text else 0
    if labels:
        left = pad + max(max(text_width(line, base) for t in labels for line in text_lines(t)) + base * 0.9,
                         base * 3) + y_title
    else:
        left = pad + text_width("100%", base) + base * 0.6 + y_title
    height = height or round(top + bottom + plot_height)
    plot_h = max(height - top - bottom, 1.0)
    plot_w = max(width - left - pad, 1.0) if width else None

    fig.update_layout(
        height=height, font={"size": base}, title={"text": ""},
        margin={"l": left, "r": pad, "t": top, "b": bottom, "pad": 0, "autoexpand": False},
        # the legend in container coordinates: with yref "paper" above the plot, plotly.js moved the
        # y-axis title into the plot in PNG exports
        legend={"font": {"size": base}, "orientation": "h", "yref": "container", "y": 1 - legend_top / height,
                "yanchor": "top", "xref": "container" if width else "paper", "x": pad / width if width else 0,
                "xanchor": "left", "itemwidth": 30, "tracegroupgap": 0, "traceorder": "normal"},
        uniformtext={"mode": "show", "minsize": base * 0.85},
    )
    if width:
        fig.update_layout(width=width, autosize=False)
    fig.update_xaxes(automargin=False, tickfont={"size": base}, title_font={"size": base}, title_standoff=base * 0.5)
    fig.update_yaxes(automargin=False, tickfont={"size": base}, title_font={"size": base}, title_standoff=base * 0.4)
    if labels:
        fig.update_yaxes(ticklabelstandoff=round(base * 0.4))
    frame_names = ("judul", "subjudul", _ROLE_SOURCE)
    fig.layout.annotations = [a for a in fig.layout.annotations if a.name not in frame_names]
    for annotation in fig.layout.annotations:
        annotation.update(font={"size": round(base * (1.05 if annotation.name == _ROLE_END else 0.9))})
    corner = {"xref": "paper", "x": 0, "xshift": pad - left, "xanchor": "left", "align": "left", "showarrow": False}
    if title_lines:  # pixel shifts from the plot's top-left corner: independent of the plot's size
        fig.add_annotation(name="judul", text="<br>".join(f"<b>{line}</b>" for line in title_lines), yref="paper",
                           y=1, yshift=top - pad, yanchor="top", font={"size": title_px, "color": INK}, **corner)
    if sub_lines:
        fig.add_annotation(name="subjudul", text="<br>".join(sub_lines), yref="paper", y=1, yshift=top - sub_top,
                           yanchor="top", font={"size": sub_px, "color": MUTED}, **corner)
    if meta.get("sumber"):
        fig.add_annotation(name=_ROLE_SOURCE, text=meta["sumber"], yref="paper", y=0, yshift=pad - bottom,
                           yanchor="bottom", font={"size": small_px, "color": MUTED}, **corner)
    return {"plot_w": plot_w, "plot_h": plot_h, "left": left, "top": top, "bottom": bottom}


def _keep_in_legend(fig: go.Figure) -> None:
    """An empty zone still explains itself in the legend: plotly leaves out traces without
    points, so an empty bar trace gets one null point (drawn nowhere, no category)."""
    for trace in fig.data:
        if trace.type == "bar" and not len(trace.x or ()):
            trace.update(x=[None], y=[None], customdata=None, text=None)


def _zone_marker(zone: Zone | None) -> dict:
    colour = ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR
    return {"color": colour, "line": {"color": "#ffffff", "width": 0.5},
            "pattern": {"shape": ZONE_PATTERNS[zone], "fgcolor": PATTERN_INK[zone], "bgcolor": colour,
                        "fillmode": "replace", "size": 9, "solidity": 0.22}}


def zone_word(zone: Zone | None, lang: str) -> str:
    return zone_label(zone.value if zone else None, lang)


def _coverage_label(row: dict, zone: Zone | None, lang: str) -> str:
    if zone is None:
        return tr("gambar_tidak_ada_data", lang)
    text = f"{fmt.percent(row[Col.CAKUPAN], 2, lang)} ({zone_word(zone, lang)})"
    return text + (" " + tr("gambar_di_atas_100", lang) if row[Col.CAKUPAN] > 100 else "")


def _hover(row: dict, zone: Zone | None, lang: str) -> str:
    if zone is None:
        return tr("gambar_tidak_ada_data", lang)
    return tr("gambar_hover_cakupan", lang, cakupan=fmt.percent(row[Col.CAKUPAN], 2, lang),
                         zona=zone_word(zone, lang), sudah=fmt.number(row[Col.SUDAH], lang=lang),
                         wajib=fmt.number(row[Col.WAJIB], lang=lang),
                         belum=fmt.number(row.get(Col.BELUM, row[Col.WAJIB] - row[Col.SUDAH]), lang=lang))


def _threshold_lines(fig: go.Figure, settings: Settings, lang: str) -> None:
    """Dashed lines at the thresholds, labelled in the headroom above the bars: the hijau
    label to the right of its line, the kuning label to the left of its, so they never meet."""
    zones = settings.zones
    for zone, value, anchor in ((Zone.HIJAU, zones.hijau, "left"), (Zone.KUNING, zones.kuning, "right")):
        fig.add_shape(type="line", x0=value, x1=value, xref="x", y0=0, y1=1, yref="paper",
                      line={"color": "#333333", "width": 1.5, "dash": "dash"}, layer="above",
                      name=f"ambang_{zone.value}")
        fig.add_annotation(
            x=value, xref="x", y=1, yref="paper", yanchor="top", xanchor=anchor, xshift=6 if anchor == "left" else -6,
            text=tr(f"gambar_garis_{zone.value}", lang, ambang=threshold_text(value, lang)),
            showarrow=False, font={"color": "#333333"}, name=f"ambang_{zone.value}",
        )


def _zone_bands(fig: go.Figure, settings: Settings, lang: str, x0: str, x1: str, lo: float, hi: float) -> None:
    """Zone bands as filled, patterned traces (so the legend shows their pattern and words)."""
    zones = settings.zones
    spans = {Zone.HIJAU: (zones.hijau, hi), Zone.KUNING: (zones.kuning, zones.hijau), Zone.MERAH: (lo, zones.kuning)}
    for zone in ZONE_ORDER:
        low, high = max(spans[zone][0], lo), min(spans[zone][1], hi)
        if high <= low:
            continue
        colour = ZONE_COLOURS[zone]
        fig.add_trace(go.Scatter(
            x=[x0, x1, x1, x0, x0], y=[low, low, high, high, low], mode="lines", fill="toself",
            line={"width": 0}, fillcolor=tint(colour, 0.22), hoverinfo="skip",
            fillpattern={"shape": ZONE_PATTERNS[zone], "fgcolor": tint(colour, 0.55), "bgcolor": tint(colour, 0.22),
                         "size": 10, "solidity": 0.15, "fillmode": "replace"},
            name=zone_legend(zone, settings, lang), meta={"zona": zone.value, "role": "pita"},
        ))


def tint(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed with white: ``amount`` 1 is the colour, 0 is white."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * amount) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def coverage_range(values: list[float], settings: Settings) -> tuple[float, float]:
    """Y range showing every value and both thresholds (not necessarily 100%), with room."""
    points = [*values, settings.zones.kuning, settings.zones.hijau]
    low, high = min(points), max(points)
    return max(0.0, math.floor(low) - 3.0), min(max(high + 3.0, 100.0), math.ceil(high) + 4.0)


def _room_for_bar_labels(fig: go.Figure, plot_w: float, text_px: float) -> None:
    """Widen the value axis so that each horizontal bar's outside label ends inside the plot."""
    need = 0.0
    for trace in fig.data:
        role = trace.meta.get("role") if isinstance(trace.meta, dict) else None
        if role not in (TEXT_BAR_ROLE, LABEL_COLUMN_ROLE):
            continue
        for value, text in zip(trace.x or (), trace.text or ()):
            free = plot_w - text_width(text, text_px) - text_px * 1.2
            if free > plot_w * 0.2:
                need = max(need, float(value) * plot_w / free)
    if need:
        fig.update_xaxes(range=[0, need])


_TAG = re.compile(r"<[^>]+>")


def text_lines(text: str) -> list[str]:
    """The lines of plotly-style text (split at ``<br>``), tags removed."""
    return [_TAG.sub("", part) for part in re.split(r"<br\s*/?>", str(text))]


@lru_cache(maxsize=16)
def _font(size: int, bold: bool = False):
    from matplotlib import font_manager
    from PIL import ImageFont

    props = font_manager.FontProperties(family="Liberation Sans", weight="bold" if bold else "normal")
    return ImageFont.truetype(font_manager.findfont(props, fallback_to_default=True), size)


def text_width(text: str, px: float, bold: bool = False) -> float:
    """Rendered width in pixels of one line of ``text`` (HTML tags removed) at ``px``."""
    plain = _TAG.sub("", str(text))
    try:
        return float(_font(max(1, round(px)), bold).getlength(plain))
    except OSError:  # no font file: an average Latin glyph is about 0.55 em
        return 0.55 * px * len(plain) * (1.08 if bold else 1.0)


def wrap_text(text: str, px: float, max_width: float, bold: bool = False) -> str:
    """``text`` with ``<br>`` inserted between words so that no line is wider than ``max_width``.

    Keeps existing ``<br>`` and a ``<b>…</b>`` around the whole text; other tags are dropped.
    """
    text = str(text)
    wrapped_bold = text.startswith("<b>") and text.endswith("</b>")
    lines = []
    for line in text_lines(text):
        current = ""
        for word in line.split(" "):
            trial = f"{current} {word}" if current else word
            if current and text_width(trial, px, bold) > max_width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    joined = "<br>".join(lines)
    return f"<b>{joined}</b>" if wrapped_bold else joined

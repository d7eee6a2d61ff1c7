"""Plotly figures of the card pipeline for the capacity page and the media pack: recorded →
print-ready → printed (``cards_bar``), print-ready waiting and cards printed per week
(``card_history_line``) and the blank-card stock with its run-out (``blank_stock_line``). Pure
builders, framed and styled as every media-pack figure (``style``).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from geo import fmt
from geo.columns import CETAK_PER_MINGGU, DIPAKAI, DITERIMA, STOK
from geo.config import Settings
from geo.render.axes import day_range, month_ticks
from geo.render.style import (
    END_ROLE, GRID, INK, LINE_ROLE, SCREEN_ROW_PX, STEPS_ROLE, TEXT_BAR_ROLE, as_text, compact, count_ticks,
    frame_figure, is_demo, source_text,
)
from geo.schema import Col
from geo.text import tr

# ``compact`` too: the capacity page shows these figures under its own headings.
__all__ = ["CARD_COLOURS", "CARD_PATTERNS", "blank_stock_line", "compact", "cards_bar",
           "card_history_line"]

CARD_COLOURS = {"cetak": "#1f4e79", "prr": "#7b3294", "diproses": "#a3a3a3", "stok": "#1f4e79",
                "proyeksi": "#8c564b"}  # never a zone colour: these are not zones


CARD_PATTERNS = {"cetak": "", "prr": "/", "diproses": "x"}


_CARD_ROWS = ("rekam", "verifikasi", "cetak")


def cards_bar(totals: dict, *, area_name: str, settings: Settings, lang: str = "id", kode: str | None = None,
              demo: bool | None = None) -> go.Figure:
    """Recorded → verified → printed for one area: three horizontal bars, recorded on top.

    Takes ``cards.card_totals``'s (or ``coverage.area_totals``') dict: Col.SUDAH,
    Col.PRR, Col.CETAK, Col.TANGGAL; a count may be None. The bars are stacked from the
    same three parts, one trace each (legend: printed, print-ready waiting = PRR, still
    processing or rejected = recorded − PRR − printed): the recorded bar holds all three,
    the verified bar (PRR + printed) two, the printed bar one. Each bar ends in its count and,
    below the first, its share of the recorded under it (``313.745`` / ``(97,8%)``): no count axis. The
    title says the share printed.
    """
    area_name = as_text(area_name)  # a name is data, never markup
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
    for i, value in enumerate(totals_x):  # the share under the count: a phone's narrow plot holds both
        share = (f"<br>\u2002({fmt.percent(100 * value / n['sudah'], 1, lang)})"
                 if i and value is not None and n["sudah"] else "")
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
    # no count axis: each bar says its count (and share), the subtitle the unit; on a phone the axis's
    # numbers turned on their side for want of room
    fig.update_xaxes(range=[0, max(n["sudah"], 1) * 1.5], showticklabels=False, showgrid=False,
                     zeroline=True, zerolinecolor="#999999")
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
    frame_figure(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo),
                 lang=lang, kind="cards_bar", plot_height=SCREEN_ROW_PX * 6)
    return fig


def card_history_line(history: pd.DataFrame, *, area_name: str, settings: Settings, lang: str = "id",
                       kode: str | None = None, demo: bool | None = None) -> go.Figure:
    """Print-ready cards waiting (a line) and cards printed per week (bars), over time.

    Takes ``cards.card_history``'s frame (Col.TANGGAL ISO, Col.PRR, ``cetak_per_minggu``:
    cards printed since the previous date, per 7 days). The highest number waiting and the
    last one are written on the chart; the title says the last week's figures; weeks with
    no bar are weeks nothing was printed.
    """
    area_name = as_text(area_name)  # a name is data, never markup
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
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>", meta={"role": LINE_ROLE},
    ))
    known = [i for i, v in enumerate(prr) if v is not None]
    if known:
        last, peak = known[-1], max(known, key=lambda i: (prr[i], -i))
        if peak != last:  # its words above it, over the middle of the axis (the axis is not stretched for them)
            where = peak / max(len(x) - 1, 1)
            fig.add_annotation(x=x[peak], y=prr[peak], yanchor="bottom", yshift=6, showarrow=False,
                               xanchor="left" if where < 0.25 else "right" if where > 0.75 else "center",
                               text=tr("gambar_kartu_puncak", lang, n=fmt.number(prr[peak], lang=lang),
                                                  tanggal=fmt.long_date(x[peak], lang)),
                               bgcolor="rgba(255,255,255,0.85)", font={"color": INK}, name=END_ROLE)
        fig.add_annotation(x=x[last], y=prr[last], xanchor="right", yanchor="bottom", yshift=8, showarrow=False,
                           text=f"<b>{fmt.number(prr[last], lang=lang)}</b>", bgcolor="rgba(255,255,255,0.85)",
                           font={"color": INK}, name=END_ROLE)
    high = max([v for v in (*prr, *weekly) if v is not None], default=1)
    tickvals, ticktext = count_ticks(high, lang)
    top = max(tickvals[-1] * 1.08, high * 1.3)  # room above the highest line for the peak's two lines
    fig.update_yaxes(range=[0, top], tickvals=tickvals, ticktext=ticktext, showgrid=True,
                     gridcolor=GRID, title_text=tr("gambar_kartu_sumbu_kartu", lang))
    if x:
        dates_v, dates_t = month_ticks(x[0], x[-1], lang)
        # The weeks' span, half a bar beyond each end: plotly would widen it to hold the words written on
        # the chart, squeezing the weeks into part of a phone's narrow chart.
        fig.update_xaxes(type="date", tickvals=dates_v, ticktext=dates_t, showgrid=False, ticks="outside",
                         range=day_range(x[0], x[-1], 4))
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
    frame_figure(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo),
                 lang=lang, kind="card_history_line", plot_height=340)
    return fig


def blank_stock_line(ledger: pd.DataFrame, projection: dict, *, area_name: str, settings: Settings, lang: str = "id",
                 kode: str | None = None, demo: bool | None = None) -> go.Figure:
    """The blank-card stock after each entry (steps) and its projected run-out (dashed).

    Takes ``cards.blank_ledger``'s frame (Col.TANGGAL, ``stok``, ``diterima``,
    ``dipakai``) and ``cards.blank_projection``'s dict. The dashed line runs from the
    last entry through the estimated stock on the data date (``tanggal``) to zero on
    ``tanggal_habis``, which the title states; the subtitle gives the printing rate and
    how many print-ready cards wait for a blank.
    """
    area_name = as_text(area_name)  # a name is data, never markup
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
        hovertemplate="%{customdata}<extra></extra>", meta={"role": STEPS_ROLE},
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
                hovertemplate="%{customdata}<extra></extra>", meta={"role": LINE_ROLE},
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
    frame_figure(fig, title=title, subtitle=subtitle, source=source_text(settings, data_date, lang, demo=demo),
                 lang=lang, kind="blank_stock_line", plot_height=340)
    return fig

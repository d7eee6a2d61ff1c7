"""The Tren page's inputs (area, target, deadline, rate window) and the areas its chart draws.

The target is typed as people write it (``92``, ``92,5``) and read by ``geo.trend.parse_target``;
target and deadline start at the ones in force for the kabupaten/kota (its target table, else the
office's ``Settings.target`` by ``deadline_for`` the data's date; ``geo.targets.area_projection``). The chart draws
the area and, unless the reader picks others, the areas that need attention
(``geo.trend.needs_attention``): a chart of a dozen lines reads as none.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from geo import fmt, trend
from geo.columns import JENDELA_HARI, TARGET, TENGGAT
from geo.config import DEFAULT_RATE_WINDOW_DAYS
from geo.present import trend as trend_words
from geo.schema import Col, Level, RekamError, top_level
from geo.text import describe
from ui import queries
from ui.context import Context
from ui.state import keep_values, media_allowed
from ui.tables import grid, plain, sorted_grid, styled_fit

ATTENTION = 5  # areas drawn beside the chosen area by default
RECENT_EVENTS = 6  # events listed in full on the page; all of them in a table below


@dataclass(frozen=True)
class TrendInputs:
    area: str  # the kabupaten/kota or one of its kecamatan
    target: float  # percent
    deadline: date
    window: int  # days


def target_text(value: float, lang: str) -> str:
    """A target as typed in the field: ``92``, ``92,5`` (``92.5`` in English)."""
    decimals = 0 if float(value).is_integer() else (1 if float(value * 10).is_integer() else 2)
    return fmt.number(value, decimals, lang)


def trend_inputs(ctx: Context, names: dict[str, tuple[str, str]]) -> TrendInputs:
    """The page's pickers (hidden in screenshot mode, their values kept); a target that cannot be
    read is named and the office's target used instead."""
    ss, settings = st.session_state, ctx.settings
    child = Level.PROVINSI if ctx.is_country else Level.KABUPATEN if ctx.is_province else Level.KECAMATAN
    kecamatan = [k for k, (_, level) in names.items() if level == child.value]  # or a provinsi's kabupaten/kota
    own = [ctx.area]  # the page opens on the picked area itself (the country too: its rows summed)
    if ss.get("tren_area") not in (*own, *kecamatan):  # another area was picked
        ss["tren_area"] = ctx.area
    in_force = queries.area_projection(ctx.url, ctx.stamp, ctx.area, ctx.date, date.today().isoformat(), settings)
    deadline = date.fromisoformat(str(in_force.get(TENGGAT) or settings.deadline_for(ctx.date))[:10])
    goal = in_force.get(TARGET) or settings.target
    defaults = {"tren_target": target_text(goal, ctx.lang), "tren_tenggat": deadline,
                "tren_jendela": DEFAULT_RATE_WINDOW_DAYS}
    if media_allowed():
        c1, c2, c3, c4 = st.columns([2.2, 1, 1, 1])
        c1.selectbox(ctx.t("tren_wilayah"), [*own, *kecamatan], key="tren_area",
                     format_func=lambda k: names[k][0] if ctx.is_country and k == ctx.area
                     else ctx.t("tren_seluruh", nama=names.get(k, (k,))[0]) if k == ctx.area
                     else f"{names.get(k, (k,))[0]} ({k})")
        c2.text_input(ctx.t("tren_target"), value=defaults["tren_target"], help=ctx.t("tren_target_bantuan"),
                      key="tren_target")
        c3.date_input(ctx.t("tren_tenggat"), value=deadline, format="DD/MM/YYYY", key="tren_tenggat")
        c4.number_input(ctx.t("tren_jendela"), min_value=1, max_value=365, value=DEFAULT_RATE_WINDOW_DAYS, step=7,
                        help=ctx.t("tren_jendela_bantuan"), key="tren_jendela")
    else:
        keep_values("tren_area", *defaults)
    try:
        target = trend.parse_target(ss.get("tren_target", defaults["tren_target"]))
    except RekamError as err:
        st.error(describe(err, ctx.lang))
        target = goal
    return TrendInputs(ss["tren_area"], target, ss.get("tren_tenggat") or deadline,
                       int(ss.get("tren_jendela", DEFAULT_RATE_WINDOW_DAYS)))


def chart_areas(ctx: Context, area: str, table, names: dict[str, tuple[str, str]]) -> list[str]:
    """The areas drawn beside ``area``: those needing attention unless the reader picks others.

    ``table``: the projection table of the areas inside ``area`` (``geo.trend.projection_table``)."""
    key = f"tren_garis_{area}"
    default = trend.needs_attention(table, ctx.settings.zones, n=ATTENTION)
    if not media_allowed():
        keep_values(key)
        return list(st.session_state.get(key, default))
    return st.multiselect(ctx.t("tren_garis"), list(table[Col.KODE]), default=default, key=key,
                          format_func=lambda k: names.get(k, (k,))[0], help=ctx.t("tren_garis_bantuan"),
                          placeholder=ctx.t("pilih"))


def trend_table(ctx: Context, view) -> None:
    """A table of ``geo.present.trend`` (a Styler whose numbers and days sort by value); the projected
    day, held as a number, reads as the words it is: aligned left."""
    # widths from every row's words: "mestinya sudah tercapai (data lama)" and "… (lewat)" lost their ends
    config = styled_fit(view, [ctx.t("kol_status")]) | styled_fit(view, [ctx.t("kol_tanggal_proyeksi")],
                                                                   alignment="left")
    sorted_grid(view, column_config=config)


def pace_ranking(ctx: Context, table, inputs: TrendInputs, source: str) -> None:
    """The areas one level down (a provinsi's kabupaten/kota, the country's provinsi) ranked by their
    trend, slowest first (``geo.trend.slowest_first``): coverage points gained per week and when the
    target is reached.

    ``table``: the projection table of the areas inside ``inputs.area`` (``geo.trend.projection_table``)."""
    child = top_level(inputs.area)
    st.subheader(ctx.t("tren_peringkat", tingkat=ctx.t(f"gambar_tingkat_{child.value}").capitalize()))
    trend_table(ctx, trend_words.ranking_view(trend.slowest_first(table), ctx.lang))
    st.caption(ctx.t("tren_peringkat_keterangan", hari=trend_words.window_words(table[JENDELA_HARI], inputs.window,
                                                                                 ctx.lang),
                     sasaran=trend_words.target_words(inputs.target, ctx.settings.zones.hijau, ctx.lang),
                     target=trend_words.threshold_text(inputs.target, ctx.lang)) + "  \n" + source)


def event_list(ctx: Context, frame, names: dict[str, str]) -> None:
    """The newest events as lines that wrap (a note rarely fits a table's cell), newest first; when
    there are more, all of them as a table (sortable, downloadable) under an expander (not in
    screenshot mode).

    ``frame``: ``geo.trend.events_for`` rows; ``names``: {code: name}. Names and notes are data:
    shown as written."""
    lines = trend_words.event_lines(frame, names, ctx.lang, n=RECENT_EVENTS)
    st.markdown("\n".join(f"- **{when}** · {kind} · {plain(area)}" + (f" — {plain(note)}" if note else "")
                          for when, kind, area, note in lines))
    if len(frame) > len(lines) and media_allowed():  # screenshot mode: no controls
        with st.expander(ctx.t("peristiwa_semua", n=fmt.number(len(frame), lang=ctx.lang))):
            grid(trend_words.events_view(frame, names, ctx.lang), width="stretch")

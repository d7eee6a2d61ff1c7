"""The first question answered first: will the area reach its target by the deadline (the
verdict), is the data old, and the coverage figures with their change — honest about areas
recorded beyond their wajib KTP (above 100% is a data question, never good news).

The projection is ``geo.trend.projection`` made with today's date (so a projected date
already past is never shown as the future); the words are ``geo.present.trend``'s.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from geo import fmt
from geo.config import DEFAULT_RATE_WINDOW_DAYS
from geo.coverage import SUMBER_BEDA, lagging
from geo.present import first_named
from geo.present.common import over_100_names, reach_note
from geo.present import pockets as present_pockets
from geo.present import trend as trend_words
from geo.render.maps.layers import OVER_100
from geo.schema import COUNTRY_NAME, Col, Level
from ui import queries
from ui.context import Context, area_name, zone_badge
from ui.tables import plain

_SHOW = {"success": (st.success, ":material/check_circle:"), "info": (st.info, ":material/info:"),
         "warning": (st.warning, ":material/schedule:"), "error": (st.error, ":material/warning:")}


def outlook(ctx: Context, area: str | None = None, *, end: str | None = None, target: float | None = None,
            deadline: str | None = None, window: int = DEFAULT_RATE_WINDOW_DAYS) -> dict:
    """The projection of ``area`` (default: the kabupaten/kota) at the chosen date (or ``end``),
    made today: to the target in force for the area (the target table, else the office's
    ``Settings.target`` by ``deadline_for``; ``geo.targets.area_projection``), or to ``target`` and
    ``deadline`` when given (the Tren page's own)."""
    settings = ctx.settings
    end = end or ctx.date
    if target is None and deadline is None and window == DEFAULT_RATE_WINDOW_DAYS:
        return queries.area_projection(ctx.url, ctx.stamp, area or ctx.area, end, date.today().isoformat(), settings)
    return queries.projection(ctx.url, ctx.stamp, area or ctx.area, end,
                              settings.target if target is None else target,
                              deadline or settings.deadline_for(end), window, date.today().isoformat())


def pace_table(ctx: Context, area: str, target: float, deadline: date, window: int = DEFAULT_RATE_WINDOW_DAYS,
               level: str | None = None):
    """The projection of every area at ``level`` (default: the next level down) inside ``area``
    (``geo.trend.projection_table``) at the chosen date, seen today like ``outlook``: a projected date
    already past is flagged as such."""
    return queries.projection_table(ctx.url, ctx.stamp, area, ctx.date, target, deadline, window,
                                    date.today().isoformat(), level)


def verdict_box(ctx: Context, projection: dict, advice: str | None = None, partial: str | None = None) -> None:
    """The bupati's answer as one message: the verdict on its first line, the rate it takes below (and
    ``advice`` last). ``partial``: the figures are some desa's only (a line saying so) — then "already
    green" is not shown as done, since the whole area's coverage is not known."""
    verdict = trend_words.verdict(projection, ctx.settings.zones.hijau, ctx.lang)
    kind = "warning" if partial and verdict["kind"] == "success" else verdict["kind"]
    show, icon = _SHOW[kind]
    show("  \n".join([f"**{verdict['title']}**", *(line for line in (verdict["detail"], partial, advice) if line)]),
         icon=icon)


def verdict_and_age(ctx: Context, projection: dict | None = None, *, advise: bool = True,
                    reach_of: str | None = None, unit: str = Level.DESA.value) -> None:
    """The verdict of ``projection`` (default: the area's at the chosen date, ``outlook``) and old data
    said once: in the verdict when it already names the data's age (its projected date has passed),
    with what to do unless the page says that itself (``advise`` False), else as ``stale_notice``.
    ``reach_of`` (the level below the area): when some ``unit`` areas inside have no data, the verdict
    says from how many its figures come and names the ``reach_of`` areas without any (``reach_text``),
    and is never shown as done."""
    projection = outlook(ctx) if projection is None else projection
    newest = _newest_outlook(ctx)
    advice = None
    if newest is not None and newest.get(Col.TANGGAL) == projection.get(Col.TANGGAL):
        advice = trend_words.stale_advice(projection, ctx.settings.stale_days, ctx.lang)
    partial = reach_text(ctx, reach_of, unit=unit) if reach_of else None
    # a date picked from the past: said in the answer itself, which is then never shown as done
    older = newest and trend_words.not_newest(projection.get(Col.TANGGAL), newest.get(Col.TANGGAL), ctx.lang)
    partial = "  \n".join(line for line in (older, partial) if line) or None
    verdict_box(ctx, projection, advice if advise else None, partial)
    if advice is None:
        stale_notice(ctx, past=False)  # a past date: said in the verdict above


def verdict_line(ctx: Context, area: str) -> None:
    """The answer to "will we make it?" for ``area`` in one line (the verdict's title, as Beranda's box
    says it): for a page whose first answer is another (Peta's map), so no page leaves it unsaid."""
    projection = outlook(ctx, area)
    if projection.get(Col.TANGGAL):
        st.markdown(trend_words.verdict(projection, ctx.settings.zones.hijau, ctx.lang)["title"])


def reach_levels(ctx: Context) -> dict:
    """``verdict_and_age``'s reach for the picked area: the level below it and the areas counted (the
    country's kabupaten/kota, the offices that report; else desa)."""
    if ctx.is_country:
        return {"reach_of": Level.PROVINSI.value, "unit": Level.KABUPATEN.value}
    return {"reach_of": (Level.KABUPATEN if ctx.is_province else Level.KECAMATAN).value}


def newest_date(ctx: Context, area: str | None = None) -> str | None:
    """The date of the newest data of ``area`` (default: the picked one); None without data."""
    dates = queries.snapshot_dates(ctx.url, ctx.stamp, area or ctx.area)
    return str(dates[-1])[:10] if dates else None


def _newest_outlook(ctx: Context) -> dict | None:
    """The projection at the area's newest snapshot (None without data): how old the data is."""
    dates = queries.snapshot_dates(ctx.url, ctx.stamp, ctx.area)
    return outlook(ctx, end=dates[-1]) if dates else None


def stale_notice(ctx: Context, past: bool = True) -> None:
    """A warning when the chosen date is not the newest data's (a date picked from the past: its
    figures read as today's; unless ``past`` is False: the verdict says it), and one when the newest
    snapshot of the area is older than ``settings.stale_days``."""
    newest = _newest_outlook(ctx)
    older = past and newest and trend_words.not_newest(ctx.date, newest.get(Col.TANGGAL), ctx.lang)
    if older:
        st.warning(older, icon=":material/history:")
    text = newest and trend_words.stale_warning(newest, ctx.settings.stale_days, ctx.lang)
    if text:
        st.warning(text, icon=":material/history:")


def lagging_notice(ctx: Context, ranked, data_date: str | None, level: str, shown: int = 8) -> None:
    """A warning naming the areas of ``ranked`` (a ranking: Col.NAMA, Col.TANGGAL) whose newest data
    is more than ``settings.stale_days`` older than the ranking's own date, oldest first (the first
    ``shown`` by name and date): a ranking otherwise reads their old figures as today's."""
    if not data_date:
        return
    late = lagging(ranked, data_date, ctx.settings.stale_days)
    if late.empty:
        return
    names = [f"{plain(n)} ({fmt.long_date(d, ctx.lang)})" for n, d in zip(late[Col.NAMA], late[Col.TANGGAL])]
    listed = first_named(names, shown, ctx.lang)
    st.warning(ctx.t("peringkat_tertinggal", jumlah=fmt.number(len(late), lang=ctx.lang),
                     tingkat=ctx.t(f"tingkat_jamak_{level}"), batas=fmt.number(ctx.settings.stale_days, lang=ctx.lang),
                     tanggal=fmt.long_date(data_date, ctx.lang), daftar=listed), icon=":material/history:")


def over_100_badge(ctx: Context) -> str:
    """The marker of an area recorded beyond its wajib KTP: its own colour and dashed border."""
    return (f'<span style="color:{OVER_100};border:2px dashed {OVER_100};padding:1px 8px;border-radius:10px;'
            f'font-weight:600">{ctx.t("kpi_di_atas_100")}</span>')


def kpis(ctx: Context, summary: dict) -> None:
    """Coverage first (the figure people look for, first on a phone too), then sudah, belum and
    wajib KTP, each with its change; the zone (or the above-100% marker) under the coverage; the
    date compared with (how many desa inside are above 100%: ``over_100_note``)."""
    now, change = summary["now"], summary["change"]
    rows = [("kpi_cakupan", Col.CAKUPAN, fmt.percent(now[Col.CAKUPAN], 2, ctx.lang), 2, ctx.t("poin"), "normal"),
            ("kpi_sudah", Col.SUDAH, fmt.number(now[Col.SUDAH], lang=ctx.lang), 0, "", "normal"),
            ("kpi_belum", Col.BELUM, fmt.number(now[Col.BELUM], lang=ctx.lang), 0, "", "inverse"),
            ("kpi_wajib", Col.WAJIB, fmt.number(now[Col.WAJIB], lang=ctx.lang), 0, "", "off")]
    cols = st.container(key="kpi_figures").columns(4)  # two by two on a phone (ui.state's page CSS)
    for col, (label, key, value, decimals, suffix, colour) in zip(cols, rows):
        moved = change.get(key)
        col.metric(ctx.t(label), value, None if moved is None else fmt.signed(moved, decimals, ctx.lang, suffix),
                   delta_color=colour, delta_arrow="off" if moved == 0 else "auto")
    over = bool(now.get(Col.DI_ATAS_100))
    cols[0].markdown(over_100_badge(ctx) if over else zone_badge(ctx, now.get(Col.ZONA)), unsafe_allow_html=True)
    if change.get(SUMBER_BEDA):  # more desa counted now than then: a difference of what is summed, not shown
        before, after = change[SUMBER_BEDA]
        st.caption(ctx.t("kpi_tidak_dibandingkan", tanggal=fmt.long_date(summary["previous_date"], ctx.lang),
                         sebelum=fmt.number(before, lang=ctx.lang), sekarang=fmt.number(after, lang=ctx.lang)))
    elif change:
        st.caption(ctx.t("kpi_perubahan_sejak", tanggal=fmt.long_date(summary["previous_date"], ctx.lang)))


def over_100_note(ctx: Context, summary: dict) -> None:
    """How many areas inside are above 100%, the people beyond, and which (by name, highest first; the
    country's counted only): a check of the wajib KTP figures, said after the red areas (on a phone it
    pushed them below the first screen)."""
    now = summary["now"]
    if not now.get(Col.N_DI_ATAS_100):
        return
    desa = None if ctx.is_country else queries.coverage_table(ctx.url, ctx.stamp, Level.DESA.value, ctx.area,
                                                             ctx.date, ctx.settings.zones)
    over = over_100_names(desa, ctx.lang) if desa is not None else ""
    st.markdown(":blue[:material/warning: " + ctx.t(
        "kpi_desa_di_atas_100", n=fmt.number(now[Col.N_DI_ATAS_100], lang=ctx.lang),
        orang=fmt.number(now.get(Col.KELEBIHAN) or 0, lang=ctx.lang),
        daftar=f": {plain(over)}" if over else "") + "]")


def reach_text(ctx: Context, child: str, key: str = "cakupan_sebagian", unit: str = Level.DESA.value) -> str | None:
    """``geo.present.common.reach_note`` of the area (None when every ``unit`` area inside has data):
    a sum over some desa is not the area's coverage, a plan chooses among those desa only (sentence
    ``key``). The ``child`` areas without any data are named as written in the files."""
    reach = queries.data_reach(ctx.url, ctx.stamp, ctx.area, child, ctx.date, ctx.settings.zones, unit)
    name = COUNTRY_NAME if ctx.is_country else plain(area_name(ctx))
    return reach_note({**reach, "induk_kosong": [plain(n) for n in reach["induk_kosong"]]}, name, ctx.lang,
                      key=key, unit=unit)


def reach_notice(ctx: Context, child: str, key: str = "cakupan_sebagian") -> None:
    """``reach_text`` as a warning (pages without the verdict: Kantong, Rencana)."""
    note = reach_text(ctx, child, key)
    if note:
        st.warning(note, icon=":material/visibility_off:")


def pocket_finding(ctx: Context, by_number, level: str) -> None:
    """Kantong's answer first (``geo.present.pockets.finding`` of its list by number): the largest pocket
    and its share, what the largest ten hold, the kecamatan most of them lie in. Names as written."""
    reach = queries.desa_reach(ctx.url, ctx.stamp, ctx.area, ctx.date) if level == Level.DESA.value else None
    said = present_pockets.finding(by_number, area_name(ctx), level, ctx.lang, reach=reach)
    if said:
        lead, rest = said
        st.markdown(f"**{plain(lead)}** {plain(rest)}".strip())

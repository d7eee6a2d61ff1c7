"""Shared state: the Context of a run, the URL (read on arrival, written by the map), the
sidebar pickers, screenshot mode, and the opening every page shares.

A shared link sets the view once, when a session arrives. Each parameter is checked against
the store (area, dates) or the allowed values (level, metric, language, mode); one that cannot
be used keeps its default and leaves a note that the page shows (never a traceback).
"""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from geo import fmt
from geo.config import load_settings
from geo.present import short_name
from geo.schema import COUNTRY, Col, Level, RekamError, ancestor_code, is_country
from geo.store import resolve_url
from geo.text import describe
from ui import queries
from ui.account import admit
from ui.context import Context, area_name, home_area
from ui.headline import stale_notice
from ui.map_view import MAP_METRICS, MapView, levels_below, shown_area

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}


def _leave_legacy_pages_mode() -> None:
    """Hand a cold deep link (e.g. /peta) to the entry script.

    Until some script calls st.navigation, Streamlit treats a ``pages/`` folder beside the
    entry as legacy multipage mode, process-wide: when the first request after the server
    starts is a page URL, that page file runs alone, without the entry's menu and pickers.
    Clearing the flag and rerunning lets dashboard.py run and route to the same page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def context() -> Context:
    """Read (and on first use set) the shared state: language, area, date; settings and store.

    The entry file draws the widgets; a page run on its own gets the same defaults. Settings
    are loaded here, at the edge, and travel on the Context.
    """
    _leave_legacy_pages_mode()
    ss = st.session_state
    goto = ss.pop("goto_page", None)  # a button's callback asked for another page (``map_view.home_of``)
    if goto:
        st.switch_page(f"pages/{goto}.py")
    try:
        settings = load_settings()
        url = resolve_url()
        stamp = queries.store(url).stamp()
    except RekamError as err:
        st.error(describe(err, ss.get("lang", "id")))
        st.stop()
    if "lang" not in ss:
        ss["lang"] = "id"
    if "url_read" not in ss:  # a shared URL sets the view once, on arrival
        ss["url_read"] = True
        _read_link(url, stamp)
    if ss.pop("date_latest", False):
        ss.pop("date", None)
    # The first offered area is the default: the widest view (the country, else a provinsi of two or
    # more kabupaten/kota, else the office's kabupaten/kota): a provincial officer opens on the ranking.
    codes = [k for k, _ in queries.area_list(url, stamp)]
    if "login_area" in ss:  # just logged in: open on the user's own area
        ss["area"] = home_area(ss.pop("login_area"), ss.get("area"), codes)
    if ss.get("area") not in codes:
        ss["area"] = codes[0] if codes else None
    area = ss["area"]
    dates = queries.snapshot_dates(url, stamp, area) if area else []
    if ss.get("date") not in dates:
        ss["date"] = dates[-1] if dates else None
    return Context(url, stamp, area, ss["date"], ss["lang"], settings)


# --- the URL ----------------------------------------------------------------------------------------
def _shown(value: str) -> str:
    """A URL value as it may be shown back: no backticks or line breaks, at most 40 characters."""
    return re.sub(r"[`\s]+", " ", value).strip()[:40]


def _read_link(url: str, stamp: tuple[int, int]) -> None:
    """Apply a shared link's parameters; note each one that cannot be used (its default stays)."""
    params, ss = st.query_params, st.session_state
    notes = ss.setdefault("url_notes", [])

    def refuse(key: str, value: str, **extra) -> None:
        notes.append((key, {"nilai": _shown(value), **extra}))

    mode = params.get("mode")
    if mode == "tangkapan":
        ss["screenshot"] = True
    elif mode:
        refuse("tautan_mode", mode)
    for name, allowed, target in (("lang", LANGUAGES, "lang"), ("metric", MAP_METRICS, "peta_metric")):
        value = params.get(name)
        if value in allowed:
            ss[target] = value
        elif value:
            refuse(f"tautan_{name}", value)
    kabupaten = dict(queries.kabupaten_list(url, stamp))
    if not kabupaten:
        return
    shown = _link_area(url, stamp, params.get("area"), kabupaten, refuse)
    dates = queries.snapshot_dates(url, stamp, ss["area"])
    for name, target in (("date", "date"), ("since", "peta_since")):
        value = params.get(name)
        if value in dates:
            ss[target] = value
        elif value:
            refuse(f"tautan_{name}", value)
    level = params.get("level")
    if level in levels_below(shown):
        ss["peta_level_wanted"] = level
    elif level:
        refuse("tautan_level", level)


def _link_area(url, stamp, value: str | None, kabupaten: dict[str, str], refuse) -> str:
    """Pick the link's area (its kabupaten/kota for the pickers, the area itself for the map);
    an unknown area falls back to its kabupaten/kota when that exists, else to the default view.
    Returns the area the map will show."""
    ss = st.session_state
    if value == COUNTRY and queries.country_offered(url, stamp) or value in dict(queries.province_list(url, stamp)):
        # the country or a provinsi offered by the picker opens itself
        ss["area"], ss["peta_pending"] = value, value
        return value
    kab = ancestor_code(value, Level.KABUPATEN) if value else None
    known = kab in kabupaten and (value == kab or value in queries.area_names(url, stamp, kab))
    if known:
        ss["area"], ss["peta_pending"] = kab, value
        return shown_area(value)
    offered = dict(queries.area_list(url, stamp))
    if kab in kabupaten:
        ss["area"] = kab
    elif ss.get("area") not in offered:
        ss["area"] = next(iter(offered))  # the default: the widest view (``context``)
    if value:
        refuse("tautan_area", value, wilayah=offered[ss["area"]])
    return ss["area"]


def link_notes(ctx: Context) -> None:
    """Say which parameters of the link the session arrived with could not be used (once)."""
    for key, params in st.session_state.pop("url_notes", []):
        st.info(ctx.t(key, **params), icon=":material/link_off:")


def sync_query_params(view: MapView) -> None:
    """Put the view in the URL so that the link shows the same map."""
    wanted = {"area": view.area, "level": view.level, "metric": view.metric}
    if st.session_state.get("date"):
        wanted["date"] = st.session_state["date"]
    if view.metric == "perubahan" and view.since:
        wanted["since"] = view.since
    if st.session_state.get("lang") == "en":
        wanted["lang"] = "en"
    if st.session_state.get("screenshot"):
        wanted["mode"] = "tangkapan"
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


# --- the sidebar and screenshot mode -------------------------------------------------------------
def sidebar(ctx: Context) -> None:
    """Shared widgets (drawn once, in the entry file): language, area (each provinsi holding two or
    more kabupaten/kota, then its kabupaten/kota), date, screenshot mode."""
    with st.sidebar:
        st.toggle(ctx.t("mode_tangkapan"), key="screenshot", help=ctx.t("mode_tangkapan_bantuan"))
        st.radio(ctx.t("bahasa"), list(LANGUAGES), key="lang", horizontal=True, format_func=LANGUAGES.get)
        areas = dict(queries.area_list(ctx.url, ctx.stamp))
        if areas:
            label = "pilih_wilayah_provinsi" if queries.province_list(ctx.url, ctx.stamp) else "pilih_wilayah"
            label = "pilih_wilayah_negara" if COUNTRY in areas else label
            st.selectbox(ctx.t(label), list(areas), key="area", format_func=lambda k: area_option(ctx, areas, k))
            dates = queries.snapshot_dates(ctx.url, ctx.stamp, st.session_state["area"])
            if dates:
                st.selectbox(ctx.t("pilih_tanggal"), dates[::-1], key="date",
                             format_func=lambda d: fmt.long_date(d, ctx.lang))


def area_option(ctx: Context, areas: dict[str, str], kode: str) -> str:
    """How the area picker names ``kode``: "Seluruh Indonesia", else its name (leading words as tables
    shorten them: "Kab.", "Kep."; the sidebar is narrow) and code."""
    return ctx.t("seluruh_indonesia") if is_country(kode) else f"{short_name(areas[kode])} ({kode})"


_SCREENSHOT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer,
[data-testid="stElementToolbar"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {max-width: 1200px; padding: 1rem 1.5rem !important;}
h1 {font-size: 2.1rem !important;}
</style>
"""


# Every page: less empty room above the title (the answer belongs on the first screen) and, on a
# phone, a title that leaves room for the figures under it.
_PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.5rem;}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] {padding-top: 3rem; padding-left: 1rem; padding-right: 1rem;}
  h1 {font-size: 1.6rem !important;}
  h2 {font-size: 1.35rem !important;}
  /* the four figures two by two, not four screens' worth stacked: the red areas' names come on the
     first screen of a phone too */
  .st-key-kpi_figures [data-testid="stHorizontalBlock"] {flex-wrap: wrap !important; gap: 0.75rem 1rem !important;}
  .st-key-kpi_figures [data-testid="stColumn"] {min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important;}
}
</style>
"""


def page_style() -> None:
    """The page CSS every page shares (drawn by the entry file, once per run, taking no room)."""
    st.html(_PAGE_CSS)


def screenshot_mode(ctx: Context) -> bool:
    """'Mode tangkapan layar': no sidebar or Streamlit chrome, a fixed readable width.

    On with the sidebar toggle or ``?mode=tangkapan`` in the URL; off with the button it shows.
    """
    if not st.session_state.get("screenshot"):
        return False
    st.markdown(_SCREENSHOT_CSS, unsafe_allow_html=True)
    return True


def _leave_screenshot_mode() -> None:
    st.session_state["screenshot"] = False  # a callback runs before the toggle is drawn again
    st.query_params.pop("mode", None)


def screenshot_exit(ctx: Context) -> None:
    if st.session_state.get("screenshot"):
        st.button(ctx.t("mode_keluar"), key="screenshot_exit", on_click=_leave_screenshot_mode)


def keep_values(*keys: str) -> None:
    """Keep the values of widgets a run does not draw (screenshot mode hides the pickers): Streamlit
    forgets a widget's value after a run without it, unless the value is set again."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def picker(widget, *args, key: str, default, **kwargs):
    """A page's picker (``widget``: st.number_input, st.radio…): drawn, its value returned; in
    screenshot mode not drawn, its value kept (``default`` until one was picked)."""
    if media_allowed():
        return widget(*args, key=key, **kwargs)
    keep_values(key)
    return st.session_state.get(key, default)


def media_allowed() -> bool:
    """Download menus are offered outside screenshot mode only (a screenshot shows no buttons)."""
    return not st.session_state.get("screenshot")


# --- the opening every page shares ---------------------------------------------------------------
def page_start(title_key: str, *, title=None, login: bool = False, stale: bool = True) -> Context:
    """Shared state, header (into ``title`` when a page fills it later), the access gate, notes
    about the link, demo label, the warning when the data is old (unless ``stale`` is False: a page
    whose verdict says it, ``ui.verdict_and_age``); stops with a clear message (and how to load
    data) when the store holds no area yet. ``login`` draws the login box even on a public
    dashboard."""
    ctx = context()
    (title or st).header(page_title(ctx, ctx.t(title_key)))
    admit(ctx, login=login)
    link_notes(ctx)
    demo_banner(ctx)
    if ctx.area is None:
        no_data(ctx)
    if stale:
        stale_notice(ctx)
    return ctx


def no_data(ctx: Context) -> None:
    """An empty store (a new office): what to upload and where — the Data page, one click away — then
    the command line and the example; stops the page."""
    st.warning(ctx.t("belum_ada_data"))
    if st.button(ctx.t("belum_ada_data_buka", halaman=ctx.t("nav_data")), key="belum_ada_data"):
        st.switch_page("pages/data.py")
    st.stop()


def page_title(ctx: Context, text: str, name: str | None = None) -> str:
    """A page's title; in screenshot mode it says which area (``name``, default the picked area's,
    ``area_name``; ``""`` when ``text`` names it already) and which data date it shows, as a
    picture that leaves the dashboard must."""
    if not st.session_state.get("screenshot") or ctx.area is None:
        return text
    name = area_name(ctx) if name is None else name
    shown = f"{text} — {name}" if name else text
    return ctx.t("judul_tangkapan", judul=shown, tanggal=fmt.long_date(ctx.date, ctx.lang))


def demo_banner(ctx: Context) -> None:
    if ctx.is_demo:
        st.info(ctx.t("data_contoh"), icon=":material/science:")


def source_line(ctx: Context, tanggal: str | None) -> str:
    return ctx.t("sumber", sumber=ctx.settings.source_name, tanggal=fmt.long_date(tanggal, ctx.lang))


# --- pages of one kabupaten/kota office ----------------------------------------------------------
def kabupaten_only(ctx: Context, text_key: str, *, country_only: bool = False) -> None:
    """On a page whose work is one kabupaten/kota office's (its mobile units' plan; its devices per
    kecamatan, which a provinsi can list too: ``country_only``) opened for a wider area: say so
    (``text_key``, naming the area) and offer the area's kabupaten/kota — and, where a provinsi would
    do (``country_only``), the provinsi — the most not yet recorded first, one pick away; then stop."""
    if not (ctx.is_country or (ctx.is_province and not country_only)):
        return
    st.info(ctx.t(text_key, wilayah=area_name(ctx)), icon=":material/apartment:")
    if country_only:
        offered = dict(queries.province_list(ctx.url, ctx.stamp))
        _area_picker(ctx, Level.PROVINSI, "pilih_provinsi_kerja", "buka_provinsi", keep=offered.__contains__)
    _area_picker(ctx, Level.KABUPATEN, "pilih_kabupaten_kerja", "buka_kabupaten")
    st.stop()


def _area_picker(ctx: Context, level: Level, label_key: str, key: str, keep=lambda kode: True) -> None:
    """A picker of the areas at ``level`` inside the dashboard's area (those ``keep`` keeps), the most
    not yet recorded first, with that figure; the pick becomes the dashboard's area."""
    table = queries.coverage_table(ctx.url, ctx.stamp, level.value, ctx.area, ctx.date, ctx.settings.zones)
    table = table[[keep(k) for k in table[Col.KODE]]]
    table = table.sort_values([Col.BELUM, Col.KODE], ascending=[False, True], na_position="last")
    shown = {k: n if pd.isna(b) else ctx.t("pilih_kabupaten_opsi", nama=n, belum=fmt.number(b, lang=ctx.lang))
             for k, n, b in zip(table[Col.KODE], table[Col.NAMA], table[Col.BELUM])}
    st.selectbox(ctx.t(label_key), list(shown), index=None, format_func=shown.get, placeholder=ctx.t("pilih"),
                 key=key, on_change=_open_picked, args=(key,))


def _open_picked(key: str) -> None:
    """The area picked on a page of one office becomes the dashboard's area (a callback runs before the
    sidebar's picker is drawn again)."""
    if st.session_state.get(key):
        st.session_state["area"] = st.session_state[key]

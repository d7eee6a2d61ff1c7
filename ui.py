"""The one small Streamlit helper module: cached calls into ``geo``, shared state, UI text.

Pages read state and call these; no data arithmetic lives here or in pages.
Cache keys are small values (store URL, its version stamp, codes, dates), never frames.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from geo import coverage, fmt
from geo.schema import LEVELS, Col, Level, RekamError, ancestor_code, is_demo_code
from geo.config import load_settings
from geo.store import Store, resolve_url
from geo.text import describe, tr




@dataclass(frozen=True)
class Context:
    """What every page needs: where the data is, which area, which date, which language."""

    url: str
    stamp: tuple[int, int]
    area: str | None  # kabupaten/kota code
    date: str | None  # ISO date, None = latest
    lang: str

    def t(self, key: str, **params) -> str:
        return tr(key, self.lang, **params)

    @property
    def is_demo(self) -> bool:
        return bool(self.area) and is_demo_code(self.area)


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store.open(url)


def store(ctx: Context | None = None) -> Store:
    return _store(ctx.url if ctx else resolve_url())


@st.cache_data(show_spinner=False, max_entries=64)
def kabupaten_list(url: str, stamp: tuple[int, int]) -> list[tuple[str, str]]:
    """(kode, nama) of every kabupaten/kota in the store."""
    areas = _store(url).areas(level=Level.KABUPATEN)
    return list(zip(areas[Col.KODE], areas[Col.NAMA]))


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_dates(url: str, stamp: tuple[int, int], area: str | None) -> list[str]:
    return _store(url).snapshot_dates(area)


@st.cache_data(show_spinner=False, max_entries=128)
def coverage_table(url: str, stamp: tuple[int, int], level: str, within: str | None, date: str | None,
                   geometry: bool = False):
    return coverage.coverage_table(_store(url), level, within=within, date=date, geometry=geometry)


@st.cache_data(show_spinner=False, max_entries=128)
def area_summary(url: str, stamp: tuple[int, int], kode: str, date: str | None) -> dict:
    """Totals now, at the previous snapshot, and the change between them."""
    s = _store(url)
    now = coverage.area_totals(s, kode, date=date)
    prev_date = coverage.previous_date(s, kode, now.get(Col.TANGGAL) or date)
    before = coverage.area_totals(s, kode, date=prev_date) if prev_date else {}
    return {"now": now, "previous_date": prev_date, "change": coverage.change(now, before) if before else {}}


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
    """Read (and on first use set) the shared state: language, area, date.

    The entry file draws the widgets; a page run on its own gets the same defaults.
    """
    _leave_legacy_pages_mode()
    try:
        url = resolve_url()
        stamp = store().stamp()
    except RekamError as err:
        st.error(describe(err, st.session_state.get("lang", "id")))
        st.stop()
    if "lang" not in st.session_state:
        st.session_state["lang"] = "id"
    if "url_read" not in st.session_state:  # a shared URL sets the view once, on arrival
        st.session_state["url_read"] = True
        _apply_query_params()
    if st.session_state.pop("date_latest", False):
        st.session_state.pop("date", None)
    areas = kabupaten_list(url, stamp)
    codes = [k for k, _ in areas]
    if st.session_state.get("area") not in codes:
        st.session_state["area"] = codes[0] if codes else None
    area = st.session_state["area"]
    dates = snapshot_dates(url, stamp, area) if area else []
    if st.session_state.get("date") not in dates:
        st.session_state["date"] = dates[-1] if dates else None
    return Context(url, stamp, area, st.session_state["date"], st.session_state["lang"])


def _apply_query_params() -> None:
    params = st.query_params
    if params.get("mode") == "tangkapan":
        st.session_state["screenshot"] = True
    if params.get("lang") in ("id", "en"):
        st.session_state["lang"] = params["lang"]
    if params.get("date"):
        st.session_state["date"] = params["date"]
    area = params.get("area")
    if area and area.count(".") >= 1:
        st.session_state["area"] = ancestor_code(area, Level.KABUPATEN)
        st.session_state["peta_pending"] = area
    if params.get("level"):
        st.session_state["peta_level_wanted"] = params["level"]
    if params.get("metric") in MAP_METRICS:
        st.session_state["peta_metric"] = params["metric"]
    if params.get("since"):
        st.session_state["peta_since"] = params["since"]


def sidebar(ctx: Context) -> None:
    """Shared widgets (drawn once, in the entry file): language, kabupaten/kota, date, screenshot mode."""
    with st.sidebar:
        st.toggle(ctx.t("mode_tangkapan"), key="screenshot", help=ctx.t("mode_tangkapan_bantuan"))
        st.radio(ctx.t("bahasa"), ["id", "en"], key="lang", horizontal=True,
                 format_func=lambda v: {"id": "Bahasa Indonesia", "en": "English"}[v])
        areas = dict(kabupaten_list(ctx.url, ctx.stamp))
        if areas:
            st.selectbox(ctx.t("pilih_wilayah"), list(areas), key="area", format_func=lambda k: f"{areas[k]} ({k})")
            dates = snapshot_dates(ctx.url, ctx.stamp, st.session_state["area"])
            if dates:
                st.selectbox(ctx.t("pilih_tanggal"), dates[::-1], key="date",
                             format_func=lambda d: fmt.long_date(d, ctx.lang))


# (file under pages/, title key, icon): a page shows in the menu once its file exists.
PAGES = [
    ("peta.py", "nav_peta", ":material/map:"),
    ("tren.py", "nav_tren", ":material/trending_up:"),
    ("kantong.py", "nav_kantong", ":material/location_searching:"),
    ("rencana.py", "nav_rencana", ":material/airport_shuttle:"),
    ("kapasitas.py", "nav_kapasitas", ":material/fingerprint:"),
    ("data.py", "nav_data", ":material/database:"),
]


def page_list(ctx: Context) -> list:
    from pathlib import Path

    here = Path(__file__).resolve().parent / "pages"
    return [
        st.Page(str(here / name), title=ctx.t(key), icon=icon, url_path=name.removesuffix(".py"))
        for name, key, icon in PAGES
        if (here / name).exists()
    ]


def zone_badge(ctx: Context, zona: str | None) -> str:
    """A coloured badge that always carries the zone's word (readable without colour)."""
    from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Zone

    colour = ZONE_COLOURS[Zone(zona)] if zona else NO_DATA_COLOUR
    ink = "#222" if zona == "kuning" else "#fff"
    return (f'<span style="background:{colour};color:{ink};padding:2px 10px;border-radius:10px;'
            f'font-weight:600">{zone_word(ctx, zona)}</span>')


@st.cache_resource(show_spinner=False)
def _offline_assets():
    """Copy Leaflet into ./static once per server: st_folium loads it from there, not a CDN."""
    from pathlib import Path

    from geo.render.assets import ensure_static_assets

    return ensure_static_assets(Path(__file__).resolve().parent)


@st.cache_resource(show_spinner=False)
def _shapes(url: str):
    """The store's map shapes (prepared at import), shared by every session of this server."""
    from geo.shapes import ShapeCache

    return ShapeCache(_store(url))


def show_map(ctx: Context, table, *, metric: str = "zona", key: str, height: int = 520, points=None,
             returned_objects: list[str] | None = None):
    """Draw a coverage map (offline: Leaflet served locally) and return st_folium's answer."""
    from geo.render import maps

    m = maps.coverage_map(table, metric=metric, settings=load_settings(), lang=ctx.lang,
                          data_date=ctx.date, points=points, shapes=_shapes(ctx.url))
    return show_folium(m, key=key, height=height, returned_objects=returned_objects)


def show_folium(m, *, key: str, height: int = 520, returned_objects: list[str] | None = None):
    """Render any folium map built in geo/ (with Leaflet served locally) via st_folium."""
    from streamlit_folium import st_folium

    _offline_assets()
    return st_folium(m, key=key, height=height, use_container_width=True, returned_objects=returned_objects or [])


_SCREENSHOT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer,
[data-testid="stElementToolbar"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {max-width: 1200px; padding: 1rem 1.5rem !important;}
h1 {font-size: 2.1rem !important;}
</style>
"""


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


def page_start(title_key: str) -> Context:
    """The opening every data page shares: shared state, header, demo label; stops with a
    clear message (and how to load data) when the store holds no area yet."""
    ctx = context()
    st.header(ctx.t(title_key))
    demo_banner(ctx)
    if ctx.area is None:
        st.warning(ctx.t("belum_ada_data"))
        st.stop()
    return ctx


def demo_banner(ctx: Context) -> None:
    if ctx.is_demo:
        st.info(ctx.t("data_contoh"), icon=":material/science:")


def zone_word(ctx: Context, zona: str | None) -> str:
    return ctx.t(f"zona_{zona or 'none'}")


def source_line(ctx: Context, tanggal: str | None) -> str:
    return ctx.t("sumber", sumber=load_settings().source_name, tanggal=fmt.long_date(tanggal, ctx.lang))


# --- the coverage map's view: area shown, level, metric; kept in session state and the URL ----
MAP_METRICS = ["zona", "cakupan", "belum_rekam", "perubahan"]
POINT_LAYERS = ["lokasi", "sekolah"]


@dataclass(frozen=True)
class MapView:
    area: str  # the area whose children are drawn
    level: str
    metric: str
    since: str | None


def levels_below(area: str) -> list[str]:
    return [lvl.value for lvl in LEVELS[Level.of_code(area).depth:]]


def map_view(ctx: Context) -> MapView:
    """The current map view, after applying a pending drill/search/URL change (before widgets)."""
    ss = st.session_state
    pending = ss.pop("peta_pending", None)
    if pending:
        target = pending if Level.of_code(pending) != Level.DESA else ancestor_code(pending, Level.KECAMATAN)
        ss["peta_area"] = target
        ss["peta_last_click"] = None
        ss.pop("peta_level", None)
    area = ss.get("peta_area")
    if not area or not (area == ctx.area or area.startswith(f"{ctx.area}.")):
        area = ss["peta_area"] = ctx.area
    levels = levels_below(area)
    wanted = ss.pop("peta_level_wanted", None)
    if wanted in levels:
        ss["peta_level"] = wanted
    if ss.get("peta_level") not in levels:
        ss["peta_level"] = levels[0]
    if ss.get("peta_metric") not in MAP_METRICS:
        ss["peta_metric"] = "zona"
    dates = snapshot_dates(ctx.url, ctx.stamp, ctx.area)
    if ss.get("peta_since") not in dates:
        ss["peta_since"] = dates[-5] if len(dates) >= 5 else (dates[0] if dates else None)
    return MapView(area, ss["peta_level"], ss["peta_metric"], ss["peta_since"])


def set_map_view(*, area: str) -> None:
    st.session_state["peta_pending"] = area


def set_map_metric(metric: str) -> None:
    """A button's callback: colour the map by ``metric`` (runs before the radio is drawn again)."""
    st.session_state["peta_metric"] = metric


def focus_area(kode: str) -> None:
    """Show a searched area: a kecamatan with its desa, a desa inside its kecamatan."""
    st.session_state["peta_pending"] = kode
    st.session_state.pop("peta_search", None)


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


@st.cache_data(show_spinner=False, max_entries=64)
def _names(url: str, stamp: tuple[int, int], within: str) -> dict[str, str]:
    areas = _store(url).areas(within=within)
    return dict(zip(areas[Col.KODE], areas[Col.NAMA]))


def breadcrumb(ctx: Context, area: str) -> list[tuple[str, str]]:
    """(kode, nama) from the kabupaten/kota down to ``area``."""
    names = _names(ctx.url, ctx.stamp, ctx.area)
    depth = Level.of_code(area).depth
    codes = [ancestor_code(area, lvl) for lvl in LEVELS[Level.KABUPATEN.depth - 1: depth]]
    return [(k, names.get(k, k)) for k in codes]


def area_search_options(ctx: Context, area: str) -> dict[str, str]:
    """Searchable kecamatan and desa of the kabupaten/kota: {kode: 'Nama — Kecamatan'}."""
    names = _names(ctx.url, ctx.stamp, ctx.area)
    out = {}
    for kode, nama in sorted(names.items(), key=lambda kv: kv[1]):
        level = Level.of_code(kode)
        if level == Level.KECAMATAN:
            out[kode] = f"{nama} ({ctx.t('tingkat_kecamatan')})"
        elif level == Level.DESA:
            out[kode] = f"{nama} — {names.get(ancestor_code(kode, Level.KECAMATAN), '')}"
    return out


@st.cache_data(show_spinner=False, max_entries=64)
def _change_table(url, stamp, level, within, date, since):
    return coverage.coverage_change(_store(url), level, within=within, date=date, since=since, geometry=True)


def map_table(ctx: Context, view: MapView):
    if view.metric == "perubahan":
        return _change_table(ctx.url, ctx.stamp, view.level, view.area, ctx.date, view.since)
    return coverage_table(ctx.url, ctx.stamp, view.level, view.area, ctx.date, geometry=True)


def point_layers(ctx: Context, layers: list[str]) -> dict:
    """Point layers chosen by the user: {layer title: frame of lat, lon, label, status, colour}."""
    return {ctx.t(f"lapisan_{name}"): _points(ctx.url, ctx.stamp, name, ctx.area, ctx.lang) for name in layers}


@st.cache_data(show_spinner=False, max_entries=32)
def _points(url, stamp, kind, within, lang):
    from geo.present import points

    return points.layer(_store(url), kind, within=within, lang=lang)


def handle_click(view: MapView, answer: dict | None) -> bool:
    """Drill down on a clicked kabupaten/kecamatan; True when the view changed (rerun)."""
    drawing = (answer or {}).get("last_active_drawing") or {}
    kode = (drawing.get("properties") or {}).get("kode")
    ss = st.session_state
    if not kode or kode == ss.get("peta_last_click"):
        return False
    ss["peta_last_click"] = kode
    if Level.of_code(kode) == Level.DESA or kode == view.area:
        return False
    ss["peta_pending"] = kode
    return True


# --- editors: login, uploads, versions ---------------------------------------------------------
def current_session():
    """The logged-in editor's session while it is valid; an expired one is dropped."""

    session = st.session_state.get("auth_session")
    if session is not None and not session.valid():
        st.session_state.pop("auth_session", None)
        st.session_state["auth_expired"] = True
        return None
    return session


def login_box(ctx: Context):
    """Sidebar login/logout; returns the current session (or None)."""
    from geo import auth

    session = current_session()
    with st.sidebar:
        if session:
            st.caption(ctx.t("masuk_sebagai", nama=session.username, peran=session.role))
            if st.button(ctx.t("keluar")):
                st.session_state.pop("auth_session", None)
                if getattr(st.user, "is_logged_in", False):
                    st.logout()  # else the provider's cookie signs the user straight back in
                st.rerun()
            return session
        if st.session_state.pop("auth_expired", False):
            st.warning(ctx.t("sesi_habis"))
        sso = _sso_session(ctx)
        if sso is not None:
            return sso
        with st.form("login"):
            st.markdown(f"**{ctx.t('masuk_editor')}**")
            name = st.text_input(ctx.t("nama_pengguna"))
            password = st.text_input(ctx.t("kata_sandi"), type="password")
            if st.form_submit_button(ctx.t("masuk")):
                try:
                    st.session_state["auth_session"] = auth.authenticate(store(ctx), name, password,
                                                                         settings=load_settings())
                except RekamError as err:
                    st.error(describe(err, ctx.lang))
                else:
                    st.rerun()
    return None


def _sso_session(ctx: Context):
    """Single sign-on through st.login when an OIDC provider is configured in secrets.

    The provider's verified email decides the role (a user row with that email or name);
    without a configured provider nothing is shown. Returns a Session or None.
    """
    from geo import auth

    try:
        providers = auth.oidc_providers(st.secrets)
    except Exception:  # noqa: BLE001 — no secrets file at all: no SSO
        providers = []
    if not providers:
        return None
    if getattr(st.user, "is_logged_in", False) and st.user.get("email") and st.user.get("email_verified", True):
        session = auth.sso_session(store(ctx), st.user.email, settings=load_settings())
        st.session_state["auth_session"] = session
        return session
    for provider in providers:  # one button per configured provider ([auth] or [auth.NAME])
        label = ctx.t("masuk_sso") + (f" ({provider})" if provider and len(providers) > 1 else "")
        if st.button(label, icon=":material/key:", key=f"sso_{provider or 'default'}"):
            if provider:
                st.login(provider)
            else:
                st.login()
    return None


def uploader_key(name: str) -> str:
    """A file_uploader key that ``forget_upload`` can reset (dropping the file from memory)."""
    return f"up_{name}_{st.session_state.get(f'up_{name}_n', 0)}"


def forget_upload(name: str) -> None:
    st.session_state[f"up_{name}_n"] = st.session_state.get(f"up_{name}_n", 0) + 1


def set_override(upload, baris: int, kode: str | None) -> None:
    overrides = st.session_state.setdefault(f"overrides_{upload.file_id}", {})
    if kode:
        overrides[int(baris)] = kode
    else:
        overrides.pop(int(baris), None)


def prepare_upload(ctx: Context, upload, *, level: str):
    """Read and join an uploaded enrollment file (size checked before reading). Writes nothing."""
    from geo import ingest
    from geo.schema import FileRefused

    limit = load_settings().max_upload_mb
    if upload.size > limit * 1024 * 1024:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(upload.size / 1048576, 1), maks_mb=limit)
    overrides = st.session_state.get(f"overrides_{upload.file_id}", {})
    return ingest.prepare_enrollment(store(ctx), upload.getvalue(), level=level, within=ctx.area,
                                     file_name=upload.name, overrides=dict(overrides), settings=load_settings())


def join_report_view(ctx: Context, prepared):
    """The join report as people read it: row, what the file says, how it matched, reason."""
    report = prepared.join.report.copy()
    report["cara"] = [ctx.t(f"cara_{c}") for c in report["cara"]]
    notes: dict[int, list[str]] = {}
    for p in prepared.join.problems:
        if p.baris is not None:
            notes.setdefault(int(p.baris), []).append(tr(p.key, ctx.lang, **(p.params or {})))
    report["alasan"] = ["; ".join(notes.get(int(b), [])) for b in report["baris"]]
    report["kandidat"] = [", ".join(f"{c['nama']} ({c['kode']})" for c in (k or [])) for k in report["kandidat"]]
    cols = ["baris", "kode_file", "nama_file", "cara", "kode", "nama", "alasan", "kandidat"]
    return report[cols].rename(columns={c: ctx.t(f"lap_{c}") for c in cols})


def area_choices(ctx: Context, level: str) -> dict[str, str]:
    names = _names(ctx.url, ctx.stamp, ctx.area)
    return {k: f"{n} ({k})" for k, n in sorted(names.items(), key=lambda kv: kv[1]) if Level.of_code(k).value == level}


def history_view(ctx: Context):
    """Versions as an officer reads them: localised headers, kinds and dates."""
    hist = store(ctx).history()
    out = hist.assign(
        status=[ctx.t("aktif") if a else ctx.t("dibatalkan_status") for a in hist["active"]],
        kind=[ctx.t(f"jenis_versi_{k.split(':')[0]}") + (f" ({k.split(':')[1]})" if ":" in k else "")
              for k in hist["kind"]],
        created_at=[c.replace("T", " ")[:16] for c in hist["created_at"]],
        tanggal=[fmt.long_date(t, ctx.lang) if isinstance(t, str) and t else "" for t in hist[Col.TANGGAL]],
    )
    cols = ["id", "kind", "created_at", "user", "file_name", "row_count", Col.TANGGAL, "status"]
    return out[cols].rename(columns={c: ctx.t(f"riwayat_{c}") for c in cols})


def show_latest_date() -> None:
    """After an import, move the shared date picker to the newest snapshot (applied next run)."""
    st.session_state["date_latest"] = True


def _import_points(kind):
    def run(store_, data, name, user):
        from geo import ingest

        return ingest.import_points(store_, data, kind=kind, file_name=name, user=user, settings=load_settings())
    return run


def _import_capacity(function_name):
    def run(store_, data, name, user):
        from geo import ingest

        done = getattr(ingest, function_name)(store_, data, user, file_name=name,
                                              max_bytes=load_settings().max_upload_bytes)
        return done.version_id, done.rows
    return run


# Other files an editor imports: kind -> importer(store, bytes, file name, user) -> (version, count)
OTHER_IMPORTS = {
    "lokasi": _import_points("lokasi"),
    "sekolah": _import_points("sekolah"),
    "perangkat": _import_capacity("import_inventory"),
    "blangko": _import_capacity("import_blank_stock"),
}
TEMPLATES = ["desa", "kecamatan", "perangkat", "blangko"]


def template_frame(ctx: Context, kind: str):
    """The template an editor downloads, with the chosen area's codes and names filled in."""
    from geo import ingest

    if kind == "perangkat":
        return ingest.inventory_template(store(ctx), within=ctx.area)
    if kind == "blangko":
        return ingest.blank_stock_template(store(ctx), within=ctx.area)
    return ingest.template(store(ctx), within=ctx.area, level=kind)


def active_versions(ctx: Context) -> list[int]:
    hist = store(ctx).history()
    return [int(v) for v in hist.loc[hist["active"], "id"]]


def flash(text: str) -> None:
    st.session_state["flash"] = text


def show_flash() -> None:
    text = st.session_state.pop("flash", None)
    if text:
        st.toast(text, icon=":material/check_circle:")
        st.success(text)


# --- downloads for media staff: charts and maps as images, the bupati's one-page PDF ----------
def download_menu(ctx: Context, kinds: tuple[str, ...], *, key: str, within: str | None = None) -> None:
    """A popover to download a chart/map image (PNG 1200×675, 1080×1080, 1080×1350 or SVG).

    The image is rendered only when the button is clicked (kaleido, one warm server).
    """
    from functools import partial

    from geo.render import media

    area = within or ctx.area
    with st.popover(ctx.t("unduh_gambar"), icon=":material/download:"):
        kind = st.selectbox(ctx.t("unduh_jenis"), kinds, key=f"{key}_kind",
                            format_func=lambda k: ctx.t(f"grafik_{k.replace('-', '_')}"))
        _image_choices(ctx, partial(media.chart_image, store(ctx), area, kind, date=ctx.date, lang=ctx.lang,
                                    settings=load_settings()),
                       key=key, area=area, kind=kind)


def image_menu(ctx: Context, render, *, key: str, kind: str) -> None:
    """A popover to download ``render(fmt_name=, size=)`` (an image built from the page's own
    state, e.g. the current plan) at the media sizes, named like ``download_menu``'s files."""
    with st.popover(ctx.t("unduh_gambar"), icon=":material/download:"):
        _image_choices(ctx, render, key=key, area=ctx.area, kind=kind)


def _image_choices(ctx: Context, render, *, key: str, area: str, kind: str) -> None:
    from functools import partial

    from geo.render import images, media

    size = st.radio(ctx.t("unduh_ukuran"), list(images.SIZES), key=f"{key}_size", horizontal=True,
                    format_func=lambda v: ctx.t(f"ukuran_{v}"))
    fmt_name = st.radio(ctx.t("unduh_format"), list(images.FORMATS), key=f"{key}_fmt", horizontal=True,
                        format_func=str.upper)
    st.download_button(
        ctx.t("unduh"), data=partial(render, fmt_name=fmt_name, size=size),
        file_name=media.download_name(area, kind, data_date=ctx.date, size=size, fmt_name=fmt_name),
        mime=images.MIME[fmt_name], key=f"{key}_dl", type="primary", icon=":material/image:")


def briefing_button(ctx: Context, *, key: str = "briefing") -> None:
    """The bupati's one-page PDF (KPIs, zone map, pockets, trend, date and source)."""
    from functools import partial

    from geo.render import briefing, media

    st.download_button(
        ctx.t("unduh_ringkasan"), data=partial(briefing.briefing_pdf, store(ctx), ctx.area, date=ctx.date,
                                               lang=ctx.lang, settings=load_settings()),
        file_name=media.download_name(ctx.area, "ringkasan", data_date=ctx.date, fmt_name="pdf"),
        mime="application/pdf", key=key, icon=":material/picture_as_pdf:")

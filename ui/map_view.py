"""The coverage map's view (area shown, level, metric, comparison date) and drawing maps.

The view lives in session state (``peta_*`` keys) and in the URL (``ui.state.sync_query_params``);
changes asked for by a click, a breadcrumb or the search are kept as ``peta_pending`` and applied
at the next ``map_view`` call, before the widgets are drawn.
"""
from __future__ import annotations

from datetime import date

from dataclasses import dataclass

import streamlit as st

from geo import fmt
from geo.present.common import red_names, zone_title
from geo.schema import LEVELS, Col, Level, ancestor_code, is_country
from ui import queries
from ui.context import Context, carry_widgets
from ui.tables import plain
from ui.viewport import RETURNED as VIEWPORT_RETURNED, applies, follow, loaded, warm_up

MAP_METRICS = ["zona", "cakupan", "belum_rekam", "perubahan", "target"]
POINT_LAYERS = ["lokasi", "sekolah"]
KEPT_WIDGETS = ("peta_level", "peta_metric", "peta_since", "peta_layers")
LABELS_UP_TO = 40  # areas on a map up to which their names are shown unless the reader turns them off


@dataclass(frozen=True)
class MapView:
    area: str  # the area whose children are drawn
    level: str
    metric: str
    since: str | None


def levels_below(area: str) -> list[str]:
    """The levels a map of ``area`` may draw: for the country its provinsi and kabupaten/kota (its
    kecamatan and desa load for the viewport as the reader zooms in, ``ui.viewport``)."""
    if is_country(area):
        return [Level.PROVINSI.value, Level.KABUPATEN.value]
    return [lvl.value for lvl in LEVELS[Level.of_code(area).depth:]]


def map_levels(ctx: Context, area: str) -> list[str]:
    """``levels_below`` that the store can draw: the country's provinsi once their boundaries are in."""
    levels = levels_below(area)
    if is_country(area) and not queries.has_boundaries(ctx.url, ctx.stamp, Level.PROVINSI.value):
        levels.remove(Level.PROVINSI.value)
    return levels


def inside(kode: str, area: str) -> bool:
    """``kode`` is ``area`` or lies inside it (everything lies inside the country)."""
    return kode == area or is_country(area) or kode.startswith(f"{area}.")


def shown_area(kode: str) -> str:
    """The area whose children are drawn to show ``kode``: a desa is shown inside its kecamatan."""
    return kode if Level.of_code(kode) != Level.DESA else ancestor_code(kode, Level.KECAMATAN)


def map_view(ctx: Context) -> MapView:
    """The current map view, after applying a pending drill/search/URL change (before widgets)."""
    ss = st.session_state
    carry_widgets(*KEPT_WIDGETS)  # the level, colouring and layers picked before a visit to another page
    pending = ss.pop("peta_pending", None)
    if pending:
        ss["peta_area"] = shown_area(pending)
        ss["peta_last_click"] = None
        ss.pop("peta_level", None)
    area = ss.get("peta_area")
    if not area or not inside(area, ctx.area):
        area = ss["peta_area"] = ctx.area
    levels = map_levels(ctx, area)
    wanted = ss.pop("peta_level_wanted", None)
    if wanted in levels:
        ss["peta_level"] = wanted
    if ss.get("peta_level") not in levels:  # the country opens on its kabupaten/kota
        ss["peta_level"] = Level.KABUPATEN.value if is_country(area) else levels[0]
    if ss.get("peta_metric") not in MAP_METRICS:
        ss["peta_metric"] = "zona"
    dates = queries.snapshot_dates(ctx.url, ctx.stamp, ctx.area)
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


def _pick_area(kode: str) -> None:
    """A callback: the sidebar's pick (set before its picker is drawn again), then Beranda (``context``
    switches at the start of the next run, before a page can rerun on the new area)."""
    st.session_state["area"] = kode
    st.session_state["goto_page"] = "beranda"


def home_of(ctx: Context, area: str, where) -> None:
    """Drilled from a provinsi (or the country) into a kabupaten/kota or below: a button in ``where``
    that makes that kabupaten/kota the picked area and opens its Beranda (the drill stayed on the map:
    Beranda opened on the provinsi again, and the officer had to pick the kabupaten in the sidebar)."""
    if Level.of_code(ctx.area).depth >= Level.KABUPATEN.depth or Level.of_code(area).depth < Level.KABUPATEN.depth:
        return
    kab = ancestor_code(area, Level.KABUPATEN)
    if kab not in dict(queries.area_list(ctx.url, ctx.stamp)):
        return
    name = dict(breadcrumb(ctx, kab)).get(kab, kab)
    where.button(ctx.t("peta_buka_beranda", wilayah=name), key="peta_buka_beranda", icon=":material/home:",
                 on_click=_pick_area, args=(kab,))


def breadcrumb(ctx: Context, area: str) -> list[tuple[str, str]]:
    """(kode, nama) from the picked area (provinsi or kabupaten/kota) down to ``area``."""
    if is_country(ctx.area):
        names = {**queries.provinsi_names(ctx.url, ctx.stamp), **dict(queries.kabupaten_list(ctx.url, ctx.stamp))}
        top = [(ctx.area, ctx.t("seluruh_indonesia"))]
        if is_country(area):
            return top
        if Level.of_code(area).depth > Level.KABUPATEN.depth:
            names.update(queries.area_names(ctx.url, ctx.stamp, ancestor_code(area, Level.KABUPATEN)))
        return top + [(k, names.get(k, k)) for k in (ancestor_code(area, lvl) for lvl in LEVELS[: Level.of_code(area).depth])]
    names = {**dict(queries.area_list(ctx.url, ctx.stamp)), **queries.area_names(ctx.url, ctx.stamp, ctx.area)}
    depth = Level.of_code(area).depth
    codes = [ancestor_code(area, lvl) for lvl in LEVELS[Level.of_code(ctx.area).depth - 1: depth]]
    return [(k, names.get(k, k)) for k in codes]


def area_search_options(ctx: Context, area: str) -> dict[str, str]:
    """Searchable kabupaten/kota (when a provinsi is picked), kecamatan and desa of the picked area:
    {kode: 'Nama (level)' or, for a desa, 'Nama — Kecamatan'}. For the country: its provinsi and
    kabupaten/kota (tens of thousands of desa would make a heavy list; pick a kabupaten/kota for them)."""
    if is_country(ctx.area):
        names = {**{k: (n, "provinsi") for k, n in queries.provinsi_names(ctx.url, ctx.stamp).items()},
                 **{k: (n, "kabupaten") for k, n in queries.kabupaten_list(ctx.url, ctx.stamp)}}
        return {k: f"{n} ({ctx.t(f'tingkat_{lvl}')})" for k, (n, lvl) in sorted(names.items(), key=lambda kv: kv[1][0])}
    names = queries.area_names(ctx.url, ctx.stamp, ctx.area)
    out = {}
    for kode, nama in sorted(names.items(), key=lambda kv: kv[1]):
        level = Level.of_code(kode)
        if level == Level.KABUPATEN and kode != ctx.area:
            out[kode] = f"{nama} ({ctx.t('tingkat_kabupaten')})"
        elif level == Level.KECAMATAN:
            out[kode] = f"{nama} ({ctx.t('tingkat_kecamatan')})"
        elif level == Level.DESA:
            out[kode] = f"{nama} — {names.get(ancestor_code(kode, Level.KECAMATAN), '')}"
    return out


def map_table(ctx: Context, view: MapView, *, level: str | None = None, within: str | None = None):
    """The view's areas (or those of ``level`` inside ``within``) with geometry and what its metric needs."""
    level, within = level or view.level, within or view.area
    if view.metric == "perubahan":
        return queries.change_table(ctx.url, ctx.stamp, level, within, ctx.date, view.since, ctx.settings.zones)
    if view.metric == "target":  # coverage minus each area's target in force today
        return queries.target_table(ctx.url, ctx.stamp, level, within, ctx.date, date.today().isoformat(),
                                    ctx.settings)
    return queries.coverage_table(ctx.url, ctx.stamp, level, within, ctx.date, ctx.settings.zones, geometry=True)


def map_hint(ctx: Context, view: MapView) -> str:
    """What the reader can do on the map: click a provinsi, kabupaten/kota or kecamatan to see its
    children, or (desa drawn: nothing to click) point at one for its figures; and, drilled down (the
    way back up is above the map), how to go back."""
    hint = {Level.DESA.value: ctx.t("peta_arahkan"), Level.KABUPATEN.value: ctx.t("peta_klik_kabupaten"),
            Level.PROVINSI.value: ctx.t("peta_klik_provinsi")}.get(view.level, ctx.t("peta_klik"))
    if applies(view.area, view.level):  # the country's or a provinsi's map: zoom in for what lies below
        hint += " " + ctx.t("peta_perbesar")
    if view.area != ctx.area:
        hint += " " + ctx.t("peta_kembali")
    return hint


def point_layers(ctx: Context, layers: list[str]) -> dict:
    """Point layers chosen by the user: {layer title: frame of lat, lon, label, status, colour}."""
    return {ctx.t(f"lapisan_{name}"): queries.points(ctx.url, ctx.stamp, name, ctx.area, ctx.lang)
            for name in layers}


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


def kecamatan_outline(ctx: Context, level: str, area: str):
    """The kecamatan borders drawn over a desa map of ``area`` (all of the kabupaten's, or the one
    kecamatan shown; all of the provinsi's for a provinsi); None for a map of kecamatan."""
    if level != Level.DESA.value:
        return None
    within = area if Level.of_code(area) == Level.PROVINSI else ancestor_code(area, Level.KABUPATEN)
    kecamatan = queries.coverage_table(ctx.url, ctx.stamp, Level.KECAMATAN.value, within, ctx.date, ctx.settings.zones,
                                       geometry=True)
    return kecamatan[kecamatan[Col.KODE] == area] if Level.of_code(area) == Level.KECAMATAN else kecamatan


def pocket_levels(ctx: Context) -> list[str]:
    """The levels Kantong lists: desa and kecamatan, and the kabupaten/kota of a provinsi; for the
    country its kecamatan and kabupaten/kota (its tens of thousands of desa: pick a provinsi or a
    kabupaten/kota for them)."""
    if ctx.is_country:
        return [Level.KECAMATAN.value, Level.KABUPATEN.value]
    return [Level.DESA.value, Level.KECAMATAN.value, *([Level.KABUPATEN.value] if ctx.is_province else [])]


def labels_by_default(table) -> bool:
    """Names on the map when few areas are drawn (a kabupaten's kecamatan, one kecamatan's desa)."""
    return len(table) <= LABELS_UP_TO


def show_map(ctx: Context, table, *, metric: str = "zona", key: str, height: int = 520, points=None,
             returned_objects: list[str] | None = None, labels: bool = False, outline=None, view=None):
    """Draw a coverage map (offline: Leaflet served locally) and return st_folium's answer.

    ``labels``: the areas' names where they fit; ``outline``: parent areas whose borders are drawn
    over the areas (``kecamatan_outline``); ``view``: ((lat, lon), zoom) to open at instead of
    fitting the areas (a viewport's areas, ``ui.viewport``). Without a boundary of any area and without
    points: a message instead of an empty panel (None)."""
    from geo.render import maps
    from ui.prepare import ensure_prepared

    if len(table) and "geometry" in table and table.geometry.isna().all() and not points:
        # no boundary of any area drawn: a message, not an empty panel
        st.info(ctx.t("map_tanpa_batas_semua", tingkat=ctx.t(f"tingkat_jamak_{maps.frame_level(table).value}")),
                icon=":material/map:")
        return None
    ensure_prepared(ctx, table)  # a view not prepared at import: simplified now, once, with a progress bar
    m = maps.coverage_map(table, metric=metric, settings=ctx.settings, lang=ctx.lang, data_date=ctx.date,
                          points=points, shapes=queries.shapes(ctx.url), labels=labels, outline=outline, view=view)
    answer = show_folium(m, key=key, height=height, returned_objects=returned_objects)
    if not table.empty and "simplify" not in table.attrs:  # the country's or a provinsi's own map, now sent:
        warm_up(ctx, (ctx.area, maps.frame_level(table).value))  # its first zoom's kecamatan read meanwhile
    return answer


def show_folium(m, *, key: str, height: int = 520, returned_objects: list[str] | None = None):
    """Render any folium map built in geo/ (with Leaflet served locally) via st_folium. In screenshot
    mode without its zoom buttons and attribution (``geo.render.maps.for_screenshot``); the reader can
    still drag and zoom it to frame the picture."""
    from streamlit_folium import st_folium

    from geo.render.maps import for_screenshot

    if st.session_state.get("screenshot"):  # ui.state.media_allowed(), which imports this module
        for_screenshot(m)
    queries.offline_assets()
    return st_folium(m, key=key, height=height, use_container_width=True, returned_objects=returned_objects or [])


def viewport_areas(ctx: Context, view: MapView):
    """``ui.viewport.Loaded``: the kecamatan or desa loaded for the map's viewport when the reader has
    zoomed in on the country's or a provinsi's map; None otherwise (the view's own areas)."""
    return loaded(ctx, (view.area, view.level), lambda level, within: map_table(ctx, view, level=level, within=within))


def follow_viewport(view: MapView, answer: dict | None = None) -> bool:
    """True when the map's answer (bounds, zoom) asks for other areas than those loaded (rerun).

    Without ``answer``: the last one of the map drawn last (``map_key``), read from session state
    before the new run draws anything — a zoom then costs one run of the page, not two."""
    if answer is None:  # the last map's, if it showed this view (another view's bounds are not this one's)
        key, base = st.session_state.get("peta_map_key") or (None, None)
        answer = st.session_state.get(key) if base == (view.area, view.level) else None
    return follow((view.area, view.level), answer)


def map_key(view: MapView, labels: bool, areas) -> str:
    """The Peta map's widget key (a new map for another view, labels choice or viewport), remembered
    so that the next run can read the map's answer first (``follow_viewport``)."""
    key = f"peta_{view.area}_{view.level}_{view.metric}_{labels}" + (f"_{areas.viewport.key}" if areas else "")
    st.session_state["peta_map_key"] = (key, (view.area, view.level))
    return key


def map_returns(view: MapView) -> list[str]:
    """What the Peta's map sends back: the clicked area; and its bounds and zoom where they load
    areas (the country's or a provinsi's map), so that other maps do not rerun the page on every move."""
    return ["last_active_drawing", *(VIEWPORT_RETURNED if applies(view.area, view.level) else [])]


def viewport_note(ctx: Context, areas) -> str | None:
    """What the map holds for its viewport: how many kecamatan or desa, or that there are too many."""
    if areas is None:
        return None
    key = "peta_layar_dimuat" if areas.table is not None else "peta_layar_terlalu_banyak"
    return ctx.t(key, jumlah=fmt.number(areas.count, lang=ctx.lang), tingkat=ctx.t(f"tingkat_jamak_{areas.level}"))


def map_finding(ctx: Context, table, area_name: str) -> None:
    """The map's finding above it, as its image's title says it (``geo.present.common.zone_title``),
    with the lowest merah areas named: which areas are red is answered before the map is read."""
    if table is None or table.empty or table[Col.CAKUPAN].notna().sum() == 0:
        return
    level = table[Col.LEVEL].iloc[0]
    finding = zone_title(table[Col.CAKUPAN], level, area_name, ctx.settings.zones, ctx.lang)
    names = red_names(table, ctx.settings.zones, ctx.lang)
    st.markdown(f"**{plain(finding)}**" + (f": {plain(names)}" if names else ""))

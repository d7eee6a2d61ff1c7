"""The mobile-unit plan on a map: ``plan_map`` (interactive folium, offline) and ``plan_image`` (a
static PNG/SVG for media, on ``static_map.map_image``). Both draw the base office, a straight line
from it to each planned site and the site, coloured by unit."""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import DAY, EXPECTED, JENIS, LAT, LON, UNIT
from geo.config import DEFAULTS, Settings
from geo.plan import SCHOOL, Plan
from geo.present.common import zone_label
from geo.render.assets import use_local_assets
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col
from geo.text import tr

# Unit colours avoid the zone colours (green, yellow, red): a unit is never read as a zone.
UNIT_COLOURS = ["#1f77b4", "#ff7f0e", "#7b3294", "#8c564b", "#e377c2", "#17becf", "#393b79", "#636363"]
PLAN_MARKERS = {"desa": "o", "kelurahan": "o", SCHOOL: "^"}  # matplotlib markers by site kind
BASE_MARKER = "*"


def unit_colour(unit) -> str:
    return UNIT_COLOURS[(int(unit) - 1) % len(UNIT_COLOURS)]


def _visits_at(plan: Plan) -> pd.DataFrame:
    """The plan's visits with the lat/lon of their sites."""
    return plan.visits.merge(plan.sites[[Col.KODE, LAT, LON]], on=Col.KODE, how="left", validate="many_to_one")


# --- the interactive map -------------------------------------------------------------------------
def _zone_layer(m, areas, lang: str) -> None:
    import folium

    colours = {z.value: c for z, c in ZONE_COLOURS.items()}
    layer = areas[[Col.NAMA, Col.ZONA, "geometry"]].assign(zona_kata=[zone_label(z, lang) for z in areas[Col.ZONA]])
    folium.GeoJson(
        layer.to_json(), name="zona",
        style_function=lambda f: {"fillColor": colours.get(f["properties"].get(Col.ZONA), NO_DATA_COLOUR),
                                  "color": "#555", "weight": 1, "fillOpacity": 0.35},
        tooltip=folium.GeoJsonTooltip(fields=[Col.NAMA, "zona_kata"],
                                      aliases=[tr("kol_nama", lang), tr("kol_zona", lang)]),
    ).add_to(m)


def plan_map(plan: Plan, *, areas=None, lang: str = "id"):
    """A folium map (no tiles: works offline) of the base, the planned sites and a straight line from
    the base to each site per unit (colour by unit). ``areas``: an optional GeoDataFrame with
    Col.NAMA and Col.ZONA drawn underneath in zone colours."""
    import folium

    centre = [plan.base[LAT], plan.base[LON]] if plan.base else (
        [plan.sites[LAT].mean(), plan.sites[LON].mean()] if len(plan.sites) else [0, 0])
    m = folium.Map(location=centre, zoom_start=10, tiles=None, control_scale=True)
    if areas is not None and len(areas):
        _zone_layer(m, areas, lang)
    visits = _visits_at(plan)
    for (unit, kode), group in visits.groupby([UNIT, Col.KODE], sort=True):
        colour = unit_colour(unit)
        first = group.iloc[0]
        label = tr("rencana_garis", lang, unit=unit, nama=first[Col.NAMA],
                   hari=", ".join(str(d) for d in group[DAY]),
                   jumlah=fmt.number(group[EXPECTED].sum(), lang=lang))
        if plan.base:
            folium.PolyLine([centre, [first[LAT], first[LON]]], color=colour, weight=2, opacity=0.8,
                            tooltip=label).add_to(m)
        folium.CircleMarker([first[LAT], first[LON]], radius=6, color=colour, fill=True, fill_opacity=0.9,
                            tooltip=label).add_to(m)
    if plan.base:
        folium.CircleMarker(centre, radius=9, color="#000", fill=True, fill_color="#fff", fill_opacity=1,
                            tooltip=tr("rencana_basis", lang, nama=plan.base[Col.NAMA])).add_to(m)
    if len(visits):
        m.fit_bounds([[visits[LAT].min(), visits[LON].min()], [visits[LAT].max(), visits[LON].max()]])
    use_local_assets(m)  # Leaflet from the installed package: draws offline
    return m


# --- the static image ----------------------------------------------------------------------------
def plan_extent(stops: pd.DataFrame, base: dict | None, margin: float = 0.2,
                min_span_deg: float = 0.12) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds around the base and the planned sites (as the interactive map fits them),
    with a margin and at least ``min_span_deg`` (about 13 km) across; None without points."""
    lon = [*stops[LON].dropna(), *([base[LON]] if base else [])]
    lat = [*stops[LAT].dropna(), *([base[LAT]] if base else [])]
    if not lon:
        return None
    centre_x, centre_y = (min(lon) + max(lon)) / 2, (min(lat) + max(lat)) / 2
    half = max(max(lon) - min(lon), max(lat) - min(lat), min_span_deg) * (1 + 2 * margin) / 2
    return centre_x - half, centre_y - half, centre_x + half, centre_y + half


def _overlay(stops: pd.DataFrame, base: dict | None, colour: dict):
    """``overlay(ax, crs, marker_px)`` for ``static_map.map_image``: lines from the base, then the sites,
    then the base on top."""
    import geopandas as gpd

    def overlay(ax, crs, marker_px: float) -> None:
        size_pt = marker_px * 0.6  # a marker of 0.83 × the label size; px → points at the image's 100 dpi
        where = gpd.GeoSeries(gpd.points_from_xy(stops[LON], stops[LAT]), crs="EPSG:4326").to_crs(crs)
        home = None
        if base:
            home = gpd.GeoSeries(gpd.points_from_xy([base[LON]], [base[LAT]]), crs="EPSG:4326").to_crs(crs)[0]
        for stop, point in zip(stops.itertuples(), where):
            if home is not None:
                ax.plot([home.x, point.x], [home.y, point.y], color=colour[stop.unit], linewidth=1.4, alpha=0.75,
                        zorder=4, solid_capstyle="round")
        for stop, point in zip(stops.itertuples(), where):
            ax.scatter([point.x], [point.y], s=size_pt ** 2, marker=PLAN_MARKERS.get(stop.jenis, "o"),
                       c=colour[stop.unit], edgecolors="white", linewidths=1.2, zorder=7)
        if home is not None:
            ax.scatter([home.x], [home.y], s=(size_pt * 2.0) ** 2, marker=BASE_MARKER, c="#111111",
                       edgecolors="white", linewidths=1.2, zorder=8)

    return overlay


def _legend(plan: Plan, stops: pd.DataFrame, colour: dict, lang: str) -> tuple[str, list]:
    """(title, matplotlib handles): the base, each unit with its visits and people, the school's marker."""
    from matplotlib.lines import Line2D

    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731

    def handle(marker: str, face: str, label: str, scale: float = 1.0):
        return Line2D([], [], linestyle="none", marker=marker, markersize=11 * scale, markerfacecolor=face,
                      markeredgecolor="white" if face != "#ffffff" else "#111111", label=label)

    handles = []
    if plan.base:
        handles.append(handle(BASE_MARKER, "#111111", tr("rencana_gambar_basis", lang, nama=plan.base[Col.NAMA]), 1.6))
    totals = plan.totals.set_index(UNIT)
    for unit in range(1, plan.params["units"] + 1):
        handles.append(Line2D([], [], color=colour[unit], linewidth=2, marker="o", markersize=11,
                              markeredgecolor="white", label=tr(
                                  "rencana_gambar_unit", lang, n=unit, kunjungan=num(totals.at[unit, "kunjungan"]),
                                  jumlah=num(totals.at[unit, EXPECTED]))))
    if (stops[JENIS] == SCHOOL).any():  # a site is a circle (as in the unit entries); a school, a triangle
        handles.append(handle(PLAN_MARKERS[SCHOOL], "#777777", tr("rencana_gambar_jenis_sekolah", lang)))
    return tr("rencana_gambar_legenda", lang, n=num(len(plan.visits))), handles


def _titles(plan: Plan, area_name: str, data_date, lang: str) -> tuple[str, str]:
    """(title, subtitle): people expected and days (and desa turning green); units, dates, capacity, data date."""
    p, dates = plan.params, plan.dates
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    title = tr("rencana_gambar_judul", lang, wilayah=area_name, total=num(plan.total), hari=p["days"])
    if plan.turned_green:
        title += tr("rencana_gambar_hijau", lang, n=num(plan.turned_green))
    subtitle = tr("rencana_gambar_sub", lang, unit=p["units"], kapasitas=p["capacity"],
                  mulai=fmt.long_date(dates[0] if dates else None, lang),
                  akhir=fmt.long_date(dates[-1] if dates else None, lang),
                  tanggal=fmt.long_date(data_date, lang))
    return title, subtitle


def plan_image(plan: Plan, areas, *, outline=None, area_name: str, data_date=None, settings: Settings = DEFAULTS,
               lang: str = "id", size=(1200, 675), fmt_name: str = "png", demo: bool | None = None) -> bytes:
    """The plan as a PNG/SVG image of exactly ``size`` pixels that explains itself, offline.

    ``areas``: a ``coverage_table(…, geometry=True)`` GeoDataFrame (usually the desa of the
    kabupaten/kota), drawn by ``static_map`` in faded zone colours (zones by ``settings``);
    ``outline`` (e.g. its kecamatan) adds thick borders and their names. On top: the base office
    (a star), a straight line from it to each planned site and the site (circle: a desa's balai
    desa, triangle: a school), coloured by unit. The title gives the people expected and the
    days, the subtitle units, dates, capacity and the data date; the second legend names
    each unit with its visits and people; the source line names ``settings.source_name``.
    Raises RekamError for a bad size or format.
    """
    from geo.render import charts, static_map

    title, subtitle = _titles(plan, area_name, data_date, lang)
    if demo is None:
        demo = charts.is_demo(list(areas[Col.KODE]) if areas is not None and len(areas) else [])
    source = charts.source_text(settings, data_date, lang, demo=demo)
    stops = _visits_at(plan).groupby([UNIT, Col.KODE], sort=True).agg(
        jenis=(JENIS, "first"), lat=(LAT, "first"), lon=(LON, "first")).reset_index()
    colour = {u: unit_colour(u) for u in range(1, plan.params["units"] + 1)}
    return static_map.map_image(areas, title=title, subtitle=subtitle, source=source, settings=settings, lang=lang,
                                size=size, fmt_name=fmt_name, outline=outline, fade=0.45,
                                overlay=_overlay(stops, plan.base, colour),
                                overlay_legend=_legend(plan, stops, colour, lang),
                                extent=plan_extent(stops, plan.base))

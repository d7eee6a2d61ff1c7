"""The mobile-unit plan on a map: ``plan_map`` (interactive folium, offline) and ``plan_image`` (a
static PNG/SVG for media, ``geo.render.plan_image``). Both draw the base office, each trip as a route
from the base through its stops (in visiting order) and back, coloured by unit, and the sites; an
island stay is dashed (the boat)."""
from __future__ import annotations

from html import escape

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo import fmt
from geo.columns import DARATAN, DAY, EXPECTED, LAT, LON, UNIT
from geo.plan import Plan, plan_trips, visit_reasons
from geo.present.common import zone_label
from geo.present.plan_explain import base_name, reason_text
from geo.render.assets import use_local_assets
from geo.render.maps.legend import BACKGROUND, BOX as LEGEND_BOX, Legend
from geo.render.maps.overlays import MetricScale
from geo.render.plan_image import plan_extent, plan_image
from geo.render.plan_style import BOAT_DASH, unit_colour
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col
from geo.text import tr

__all__ = ["plan_extent", "plan_image", "plan_map", "unit_colour"]


class SizeWhenShown(MacroElement):
    """Tell Leaflet the map's size as soon as its box has one: a map drawn in a hidden tab (no size yet)
    would otherwise open blank until the window is resized. The resize this fires lets the ``Legend``
    (given the plan's bounds) fit them beside itself."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            function size() {
                var box = map.getContainer();
                if (box.clientWidth && box.clientHeight) { map.invalidateSize(); }
            }
            if (window.ResizeObserver) { new ResizeObserver(size).observe(map.getContainer()); }
            window.addEventListener("resize", size);
            setTimeout(size, 0);
        })();
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "SizeWhenShown"


def _zone_layer(m, areas, lang: str) -> None:
    colours = {z.value: c for z, c in ZONE_COLOURS.items()}
    # folium writes tooltip text into the page as HTML: names from files are escaped to stay text
    layer = areas[[Col.NAMA, Col.ZONA, "geometry"]].assign(**{Col.NAMA: [escape(str(n)) for n in areas[Col.NAMA]]},
                                                          zona_kata=[zone_label(z, lang) for z in areas[Col.ZONA]])
    folium.GeoJson(
        layer.to_json(), name="zona",
        style_function=lambda f: {"fillColor": colours.get(f["properties"].get(Col.ZONA), NO_DATA_COLOUR),
                                  "color": "#555", "weight": 1, "fillOpacity": 0.35},
        tooltip=folium.GeoJsonTooltip(fields=[Col.NAMA, "zona_kata"],
                                      aliases=[tr("kol_nama", lang), tr("kol_zona", lang)]),
    ).add_to(m)


def _days(first: int, last: int, lang: str) -> str:
    return tr("rencana_hari_n", lang, n=first) if first == last else tr("rencana_hari_rentang", lang, a=first, b=last)


def _stops(plan: Plan, lang: str) -> pd.DataFrame:
    """One row per (unit, site): where, its days, what it records, why (the first visit's reason)."""
    visits = plan.visits.assign(alasan=[reason_text(r, lang) for r in visit_reasons(plan)])
    visits = visits.merge(plan.sites[[Col.KODE, LAT, LON]], on=Col.KODE, how="left", validate="many_to_one")
    return visits.groupby([UNIT, Col.KODE], sort=True).agg(
        nama=(Col.NAMA, "first"), lat=(LAT, "first"), lon=(LON, "first"), hari=(DAY, list),
        jumlah=(EXPECTED, "sum"), alasan=("alasan", "first")).reset_index()


def plan_map(plan: Plan, *, areas=None, lang: str = "id"):
    """A folium map (no tiles: works offline) of the base, each trip of the plan as a route (colour
    by unit, island stays dashed) and each planned site with its days, people and reason. ``areas``:
    an optional GeoDataFrame with Col.NAMA and Col.ZONA drawn underneath in zone colours. The map
    fits the base and the stops beside its legend, also when it is first shown in a hidden tab
    (``SizeWhenShown``)."""
    centre = [plan.base[LAT], plan.base[LON]] if plan.base else (
        [plan.sites[LAT].mean(), plan.sites[LON].mean()] if len(plan.sites) else [0, 0])
    m = folium.Map(location=centre, zoom_start=10, tiles=None, control_scale=False, zoom_snap=0.25)
    MetricScale().add_to(m)  # km only, as the coverage maps
    if areas is not None and len(areas):
        _zone_layer(m, areas, lang)
    for trip in plan_trips(plan).to_dict("records"):
        if len(trip[LAT]) < 2:
            continue
        label = tr("rencana_rute", lang, unit=trip[UNIT], hari=_days(trip["hari_awal"], trip["hari_akhir"], lang),
                   rute=" → ".join(trip["nama"]))
        folium.PolyLine(list(zip(trip[LAT], trip[LON])), color=unit_colour(trip[UNIT]), weight=3, opacity=0.8,
                        dash_array=BOAT_DASH if trip[DARATAN] else None, tooltip=escape(label)).add_to(m)
    stops = _stops(plan, lang)
    for stop in stops.to_dict("records"):
        if pd.isna(stop[LAT]):
            continue
        label = tr("rencana_garis", lang, unit=stop[UNIT], nama=stop["nama"], hari=", ".join(map(str, stop["hari"])),
                   jumlah=fmt.number(stop["jumlah"], lang=lang)) + " — " + stop["alasan"]
        folium.CircleMarker([stop[LAT], stop[LON]], radius=6, color=unit_colour(stop[UNIT]), fill=True,
                            fill_opacity=0.9, tooltip=escape(label)).add_to(m)
    if plan.base:
        folium.CircleMarker(centre, radius=9, color="#000", fill=True, fill_color="#fff", fill_opacity=1,
                            tooltip=escape(tr("rencana_basis", lang, nama=base_name(plan.base, lang)))).add_to(m)
    # the base, every stop and every visited desa whole, as the plan image frames it (an island's
    # shore hid under the legend when only the points were fitted)
    extent = plan_extent(plan, areas, margin=0.0)
    bounds = [[extent[1], extent[0]], [extent[3], extent[2]]] if extent else None
    if bounds:
        m.fit_bounds(bounds)
        SizeWhenShown().add_to(m)
    # the legend fits the plan beside it (on a phone it covered the island the boat goes to)
    Legend(_legend_html(plan, areas is not None and len(areas) > 0, lang), background=BACKGROUND,
           bounds=bounds).add_to(m)
    use_local_assets(m)  # Leaflet from the installed package: draws offline
    return m


def _legend_html(plan: Plan, zones: bool, lang: str) -> str:
    """The plan map's legend, as the plan image's (``plan_image``) says it: the base, each unit's colour
    with its visits and people, the boat's dashed line, the zones underneath; every text escaped."""
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    line = lambda colour, dashed=False: (  # noqa: E731
        f'<span style="display:inline-block;width:22px;border-top:3px {"dashed" if dashed else "solid"} {colour};'
        f'margin-right:6px;vertical-align:middle"></span>')
    rows = [f'<div style="font-weight:bold;margin-bottom:4px">'
            f'{escape(tr("rencana_gambar_legenda", lang, n=num(len(plan.visits))))}</div>']
    if plan.base:
        rows.append(f'<div><span style="display:inline-block;width:12px;height:12px;border:2px solid #000;'
                    f'border-radius:50%;background:#fff;margin:0 10px 0 3px;vertical-align:middle"></span>'
                    f'{escape(tr("rencana_basis", lang, nama=base_name(plan.base, lang)))}</div>')
    totals = plan.totals.set_index(UNIT)
    for unit in range(1, plan.params["units"] + 1):
        words = tr("rencana_gambar_unit", lang, n=unit, kunjungan=num(totals.at[unit, "kunjungan"]),
                   jumlah=num(totals.at[unit, EXPECTED])) if unit in totals.index else tr("rencana_unit_n", lang, n=unit)
        rows.append(f"<div>{line(unit_colour(unit))}{escape(words)}</div>")
    if (plan.sites[plan.sites[Col.KODE].isin(plan.visits[Col.KODE])][DARATAN] > 0).any():
        rows.append(f"<div>{line('#555555', dashed=True)}{escape(tr('rencana_gambar_perahu', lang))}</div>")
    if zones:
        words = " · ".join(zone_label(z.value, lang) for z in ZONE_COLOURS)
        rows.append(f'<div style="color:#555;margin-top:3px">{escape(tr("rencana_peta_zona", lang, zona=words))}</div>')
    return f'<div style="{LEGEND_BOX}">{"".join(rows)}</div>'


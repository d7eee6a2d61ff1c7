"""The plan as a media-pack image (PNG/SVG of an exact size), offline: the map takes most of the
frame, legends beside it (landscape) or under it (square, portrait).

The map shows every visited area: its view holds the desa polygons of every stop, islands
included, and the base office. On the faded zone colours: kecamatan borders, each trip as a route
(from the base through its stops and back; an island stay dashed: the boat), the stops (circle: a
balai desa, triangle: a school) and the base (a star). Kecamatan names go where they cover no stop
and no other name. Drawn with matplotlib's object API (no pyplot): safe from Streamlit's threads.
"""
from __future__ import annotations

import io
import re

import geopandas as gpd
import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patheffects import Stroke
from matplotlib.transforms import Bbox

from geo import fmt
from geo.columns import DARATAN, EXPECTED, JENIS, KODE_DESA, LAT, LON, UNIT
from geo.config import DEFAULTS, Settings
from geo.plan import SCHOOL, Plan, plan_trips
from geo.present.plan_explain import base_name
from geo.render import charts
from geo.render.images import parse_format, parse_size
from geo.render.mpl import Figure
from geo.render.plan_style import BASE_MARKER, PLAN_MARKERS, unit_colour
from geo.render.static_map import DPI, FONT_FAMILY, draw_zone_map, legend_handles
from geo.schema import Col, Level
from geo.text import tr


def plan_extent(plan: Plan, areas=None, margin: float = 0.05,
                min_span_deg: float = 0.12) -> tuple[float, float, float, float] | None:
    """Lon/lat bounds holding the base, every stop and, when ``areas`` (Col.KODE, geometry) is given,
    the whole polygon of every visited desa (and all of ``areas`` when the plan spans 40% of them or
    more); with a margin and at least ``min_span_deg`` (about 13 km) across. None without points."""
    stops = plan.sites[plan.sites[Col.KODE].isin(plan.visits[Col.KODE])]
    lon = [*stops[LON].dropna(), *([plan.base[LON]] if plan.base else [])]
    lat = [*stops[LAT].dropna(), *([plan.base[LAT]] if plan.base else [])]
    if areas is not None and len(areas):
        visited = areas[areas[Col.KODE].isin(set(plan.visits[KODE_DESA]))]
        if len(visited):
            x0, y0, x1, y1 = visited.total_bounds
            lon, lat = lon + [x0, x1], lat + [y0, y1]
    if not lon:
        return None
    if areas is not None and len(areas):  # a plan across most of the area shows all of it
        ax0, ay0, ax1, ay1 = areas.total_bounds
        if (max(lon) - min(lon)) * (max(lat) - min(lat)) >= 0.4 * (ax1 - ax0) * (ay1 - ay0):
            lon, lat = lon + [ax0, ax1], lat + [ay0, ay1]
    span = max(max(lon) - min(lon), max(lat) - min(lat), min_span_deg) * margin
    half_x = max((max(lon) - min(lon)) / 2, min_span_deg / 2) + span
    half_y = max((max(lat) - min(lat)) / 2, min_span_deg / 2) + span
    cx, cy = (min(lon) + max(lon)) / 2, (min(lat) + max(lat)) / 2
    return cx - half_x, cy - half_y, cx + half_x, cy + half_y


def _projected(lon, lat, crs) -> np.ndarray:
    points = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs="EPSG:4326").to_crs(crs)
    return np.c_[points.x.to_numpy(), points.y.to_numpy()] if len(points) else np.zeros((0, 2))


def _draw_plan(ax, plan: Plan, crs, marker_px: float) -> list:
    """Routes, stops and the base on the map; returns the stops' and the base's boxes (display)."""
    size_pt = marker_px * 0.6
    for trip in plan_trips(plan).to_dict("records"):
        xy = _projected(trip[LON], trip[LAT], crs)
        ax.plot(xy[:, 0], xy[:, 1], color=unit_colour(trip[UNIT]), linewidth=1.6, alpha=0.8, zorder=4,
                linestyle=(0, (4, 3)) if trip[DARATAN] else "-", solid_capstyle="round")
    stops = plan.visits.drop_duplicates([UNIT, Col.KODE]).merge(plan.sites[[Col.KODE, LAT, LON]], on=Col.KODE,
                                                                  how="left", validate="many_to_one")
    stops = stops.dropna(subset=[LAT, LON])
    xy = _projected(stops[LON], stops[LAT], crs)
    for (x, y), unit, kind in zip(xy, stops[UNIT], stops[JENIS]):
        ax.scatter([x], [y], s=size_pt ** 2, marker=PLAN_MARKERS.get(kind, "o"), c=unit_colour(unit),
                   edgecolors="white", linewidths=1.2, zorder=7)
    points = list(xy)
    if plan.base:
        home = _projected([plan.base[LON]], [plan.base[LAT]], crs)[0]
        ax.scatter([home[0]], [home[1]], s=(size_pt * 2) ** 2, marker=BASE_MARKER, c="#111111", edgecolors="white",
                   linewidths=1.2, zorder=8)
        points.append(home)
    ax.apply_aspect()
    half = marker_px * 0.7
    return [Bbox.from_extents(px - half, py - half, px + half, py + half)
            for px, py in (ax.transData.transform(p) for p in points)]


def _names(ax, outline, crs, label_px: float, taken: list) -> None:
    """Kecamatan names inside the map, largest first, each where it covers no stop and no other name
    (its inner point, then above, below, right, left of it); a name that fits nowhere is left out."""
    renderer = ax.figure.canvas.get_renderer()
    shapes = outline.to_crs(crs)
    frame = ax.bbox
    for row in shapes.assign(_a=shapes.geometry.area).sort_values("_a", ascending=False).itertuples():
        point = row.geometry.representative_point()
        artist = ax.annotate(str(getattr(row, Col.NAMA)), (point.x, point.y), xytext=(0, 0),
                             textcoords="offset pixels", ha="center", va="center", fontsize=label_px * 72 / DPI,
                             color="white", fontfamily=FONT_FAMILY, fontweight="bold", zorder=9,
                             path_effects=[Stroke(linewidth=3, foreground="white")])  # the halo alone, all white
        box = artist.get_window_extent(renderer)
        w, h = box.width, box.height
        for dx, dy in ((0, 0), (0, h * 1.1), (0, -h * 1.1), (w * 0.6, 0), (-w * 0.6, 0), (0, h * 2.2), (0, -h * 2.2),
                       (w * 0.6, h * 1.6), (-w * 0.6, h * 1.6), (w * 0.6, -h * 1.6), (-w * 0.6, -h * 1.6),
                       (0, h * 3.3), (0, -h * 3.3)):
            artist.set_position((dx, dy))
            box = artist.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                # the halo draws only its white outline as a path (in SVG too); the name itself on top stays
                # text. A halo drawing the name too put it twice in a PNG: the path and the rendered text
                # differ in width at small sizes, and the name looked smudged
                ax.annotate(str(getattr(row, Col.NAMA)), (point.x, point.y), xytext=(dx, dy), textcoords="offset pixels",
                            ha="center", va="center", fontsize=label_px * 72 / DPI, color=charts.INK,
                            fontfamily=FONT_FAMILY, fontweight="bold", zorder=10)
                break
        else:
            artist.remove()


def _plan_legend(plan: Plan, lang: str) -> tuple[str, list]:
    """(title, handles): the base, each unit with its visits and people, a route, the boat, a school."""
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    marker = lambda m, face, label, scale=1.0: Line2D(  # noqa: E731
        [], [], linestyle="none", marker=m, markersize=11 * scale, markerfacecolor=face, markeredgecolor="white",
        label=label)
    handles = []
    if plan.base:
        handles.append(marker(BASE_MARKER, "#111111", tr("rencana_basis", lang, nama=base_name(plan.base, lang)), 1.6))
    totals = plan.totals.set_index(UNIT)
    for unit in range(1, plan.params["units"] + 1):
        handles.append(Line2D([], [], color=unit_colour(unit), linewidth=2, marker="o", markersize=11,
                              markeredgecolor="white", label=tr("rencana_gambar_unit", lang, n=unit,
                                                                kunjungan=num(totals.at[unit, "kunjungan"]),
                                                                jumlah=num(totals.at[unit, EXPECTED]))))
    if (plan.sites[plan.sites[Col.KODE].isin(plan.visits[Col.KODE])][DARATAN] > 0).any():
        handles.append(Line2D([], [], color="#555555", linewidth=2, linestyle=(0, (4, 3)),
                              label=tr("rencana_gambar_perahu", lang)))
    if (plan.visits[JENIS] == SCHOOL).any():
        handles.append(marker(PLAN_MARKERS[SCHOOL], "#777777", tr("rencana_gambar_jenis_sekolah", lang)))
    return tr("rencana_gambar_legenda", lang, n=num(len(plan.visits))), handles


def _titles(plan: Plan, area_name: str, data_date, lang: str) -> tuple[str, str]:
    """(title, subtitle): people expected, days and zones changing; units, dates, capacity, data date."""
    p, dates = plan.params, plan.dates
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    title = tr("rencana_gambar_judul", lang, wilayah=area_name, total=num(plan.total), hari=p["days"])
    if plan.zones.get("kecamatan") or plan.zones.get("desa"):
        title += tr("rencana_gambar_zona", lang, kec=num(plan.zones.get("kecamatan", 0)),
                    desa=num(plan.zones.get("desa", 0)))
    subtitle = tr("rencana_gambar_sub", lang, unit=p["units"], kapasitas=p["capacity"],
                  mulai=fmt.long_date(dates[0] if dates else None, lang),
                  akhir=fmt.long_date(dates[-1] if dates else None, lang), tanggal=fmt.long_date(data_date, lang))
    return title, subtitle


def _wrap(handles: list, width_px: float, base: float) -> None:
    for handle in handles:
        text = " ".join(handle.get_label().split("\n"))
        handle.set_label("\n".join(charts.text_lines(charts.wrap_text(text, base * 0.95, max(width_px - base * 3.4,
                                                                                               base * 6)))))


def _aspect(extent, areas) -> float:
    """Width / height of the extent as the map draws it (in the areas' projected CRS)."""
    if extent is None or not len(areas):
        return 1.0
    from shapely.geometry import box

    x0, y0, x1, y1 = gpd.GeoSeries([box(*extent)], crs="EPSG:4326").to_crs(areas.estimate_utm_crs()).total_bounds
    return (x1 - x0) / max(y1 - y0, 1e-9)


def _fit(zone_handles: list, plan_handles: list, column: float, room: float | None, base: float) -> float:
    """Wrap the legends to the column; the text scale (1, then smaller down to 0.75) at which both,
    stacked, fit in ``room`` pixels (None: side by side, no limit)."""
    scale = 1.0
    for scale in (1.0, 0.9, 0.82, 0.75):
        _wrap(zone_handles, column, base * scale)
        _wrap(plan_handles, column, base * scale)
        if room is None or _legend_px(zone_handles, base * scale) + _legend_px(plan_handles, base * scale) <= room:
            break
    return scale


def _legend_px(handles: list, base: float) -> float:
    lines = sum(max(1.4, 1.17 * (h.get_label().count("\n") + 1)) + 0.7 for h in handles)
    return (1.9 + lines + 0.8) * 0.95 * base


def _text(fig, lines: list[str], x: float, y: float, px: float, size: tuple[int, int], **style) -> float:
    for line in lines:
        fig.text(x / size[0], 1 - y / size[1], line, ha="left", va="top", fontsize=px * 72 / DPI,
                 fontfamily=FONT_FAMILY, **style)
        y += px * 1.25
    return y


def _save(fig: Figure, fmt_name: str) -> bytes:
    """PNG/SVG bytes at the figure's exact size; SVG text stays text and says its size in pixels."""
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt_name == "png" else {"Date": None}
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "peta-rekam"}):
        fig.savefig(buffer, format=fmt_name, dpi=DPI, facecolor="white", metadata=metadata)
    data = buffer.getvalue()
    if fmt_name == "svg":
        width, height = (round(v * DPI) for v in fig.get_size_inches())
        data = re.sub(rb'width="[0-9.]+pt" height="[0-9.]+pt"', f'width="{width}" height="{height}"'.encode(), data,
                      count=1)
    return data


def plan_image(plan: Plan, areas, *, outline=None, area_name: str, data_date=None, settings: Settings = DEFAULTS,
               lang: str = "id", size=(1200, 675), fmt_name: str = "png", demo: bool | None = None) -> bytes:
    """The plan as a PNG/SVG image of exactly ``size`` pixels that explains itself, offline.

    ``areas``: a ``coverage_table(…, geometry=True)`` GeoDataFrame (usually the desa of the
    kabupaten/kota), drawn in faded zone colours (zones by ``settings``); ``outline`` (e.g. its
    kecamatan) adds borders and names. The title gives the people expected, the days and the areas
    changing zone; the subtitle units, dates, capacity and the data date; the legends the zones and
    each unit with its visits and people; the source line names ``settings.source_name``. Raises
    RekamError for a bad size or format.
    """
    width, height = parse_size(size)
    fmt_name = parse_format(fmt_name)
    base = charts.EXPORT_BASE_PX * width / 1080
    pad = 0.03 * width
    title, subtitle = _titles(plan, area_name, data_date, lang)
    demo = charts.is_demo(list(areas[Col.KODE]) if areas is not None and len(areas) else []) if demo is None else demo
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    y = _text(fig, charts.text_lines(charts.wrap_text(title, base * 1.3, width - 2 * pad, bold=True)), pad, pad,
              base * 1.3, (width, height), fontweight="bold", color=charts.INK)
    y = _text(fig, charts.text_lines(charts.wrap_text(subtitle, base * 0.9, width - 2 * pad)), pad, y + base * 0.2,
              base * 0.9, (width, height), color=charts.MUTED)
    top, bottom = y + base * 0.5, pad + base * 1.6
    zones = charts.zones_of(areas[Col.CAKUPAN], settings) if len(areas) else []
    counts = {zone: sum(z is zone for z in zones) for zone in (*charts.ZONE_ORDER, None)}
    level = Level(areas[Col.LEVEL].iloc[0]) if len(areas) else Level.DESA
    zone_handles = legend_handles(settings, lang, counts, level, fade=0.45)
    plan_title, plan_handles = _plan_legend(plan, lang)
    extent = plan_extent(plan, areas)
    landscape = width / height > 1.2
    if landscape:  # the map on the left as wide as its shape needs, both legends in the column beside it
        room = height - top - bottom
        map_w = min(width - 3 * pad - 0.28 * width, room * _aspect(extent, areas) * 1.02)
        column = width - 3 * pad - map_w
        scale = _fit(zone_handles, plan_handles, column, room, base)
        map_box = [pad, bottom, map_w, room]
        places = [(pad * 2 + map_w, top), (pad * 2 + map_w, top + _legend_px(zone_handles, base * scale))]
    else:  # the map on top, both legends side by side under it
        column = (width - 2 * pad) / 2
        scale = _fit(zone_handles, plan_handles, column, None, base)
        legend_h = max(_legend_px(zone_handles, base * scale), _legend_px(plan_handles, base * scale))
        map_box = [pad, bottom + legend_h, width - 2 * pad, height - top - bottom - legend_h]
        places = [(pad, height - bottom - legend_h), (pad + column, height - bottom - legend_h)]
    ax = fig.add_axes([map_box[0] / width, map_box[1] / height, map_box[2] / width, map_box[3] / height])
    drawn = draw_zone_map(ax, areas, settings=settings, lang=lang, label="none", label_px=base * 0.85, fade=0.45,
                          extent=extent)
    limits = ax.get_xlim(), ax.get_ylim()
    if outline is not None and len(outline):
        outline.to_crs(drawn["crs"]).boundary.plot(ax=ax, color="#222222", linewidth=1.2, zorder=3)
    taken = _draw_plan(ax, plan, drawn["crs"], base * 0.9)
    ax.set_xlim(limits[0])
    ax.set_ylim(limits[1])
    if outline is not None and len(outline):
        _names(ax, outline, drawn["crs"], base * 0.85, taken)
    font = {"family": FONT_FAMILY, "size": base * scale * 0.95 * 72 / DPI}
    legends = [(tr("peta_gambar_legenda", lang), zone_handles), (plan_title, plan_handles)]
    for (legend_title, handles), (x, y_top) in zip(legends, places):
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(x / width, 1 - y_top / height), frameon=False,
                   prop=font, title=legend_title, title_fontproperties={**font, "weight": "bold"}, handlelength=2.2,
                   handleheight=1.4, labelspacing=0.7, alignment="left")
    fig.text(pad / width, pad / height, charts.source_text(settings, data_date, lang, demo=demo), ha="left",
             va="bottom", fontsize=base * 0.8 * 72 / DPI, color=charts.MUTED, fontfamily=FONT_FAMILY)
    return _save(fig, fmt_name)

"""The media pack: images of an area at a date that explain themselves, read from the store.

``chart_figure``/``chart_image`` build the images (``CHART_KINDS``) for an area and a date:
the same functions serve the CLI (``python -m geo chart …``) and the dashboard's download
buttons. Besides coverage (``zona-bar``, ``tren``, ``kantong``, ``peta``) they draw the card
pipeline of the capacity page: ``kartu`` (recorded → print-ready → printed),
``kartu-riwayat`` (print-ready waiting and cards printed per week) and ``blangko``
(blank-card stock and when it runs out). ``context`` and ``pockets_table`` are shared with
the briefing PDF (``geo.render.briefing``).
"""
from __future__ import annotations

from datetime import date as date_type

import pandas as pd
import plotly.graph_objects as go

from geo import cards
from geo.codes import area_name, kabupaten_names
from geo.columns import NAMA_KAB
from geo.config import DEFAULTS, Settings
from geo.coverage import area_totals, coverage_table, data_reach
from geo.render import capacity_charts, charts, images, static_map
from geo.present.common import short_name
from geo.present.pockets import TOP_POCKETS
from geo.render.style import is_demo
from geo.schema import Col, Level, RekamError, is_country, top_level
from geo.targets import area_projection
from geo.text import Word
from geo.timeline import coverage_over_time

CHART_KINDS = ("zona-bar", "tren", "kantong", "peta", "kartu", "kartu-riwayat", "blangko")
PLOTLY_KINDS = tuple(k for k in CHART_KINDS if k != "peta")


# --- reading the store ------------------------------------------------------------------------
def context(store, within: str, date: str | None, settings: Settings, lang: str = "id") -> dict:
    """What an image of ``within`` at ``date`` needs: ``name``, ``level`` (None for the whole
    country), ``child`` (the level one down: the provinsi of the country), ``map_level`` (the areas
    its zone map draws: the child, the kabupaten/kota for the country, whose provinsi are seldom
    stored with a boundary), ``totals`` (``coverage.area_totals``), ``data_date``, ``demo`` and
    ``wide`` (True for an area made of kabupaten/kota: its pictures show them, not its thousands of desa).

    Raises RekamError 'gambar_wilayah_tidak_ada', 'gambar_wilayah_terkecil' (a desa: nothing
    below it), 'gambar_tanpa_data' or 'gambar_tanpa_data_tanggal'.
    """
    name = area_name(store, within, lang)
    level = None if is_country(within) else Level.of_code(within)
    child = top_level(within)
    if level is Level.DESA:
        raise RekamError("gambar_wilayah_terkecil", kode=within)
    totals = area_totals(store, within, date=date, zones=settings.zones)
    if totals.get(Col.WAJIB) is None:
        if date:
            raise RekamError("gambar_tanpa_data_tanggal", wilayah=name, kode=within, tanggal=date)
        raise RekamError("gambar_tanpa_data", wilayah=name, kode=within)
    return {"name": name, "level": level, "child": child, "map_level": Level.KABUPATEN if level is None else child,
            "totals": totals, "data_date": totals[Col.TANGGAL], "demo": is_demo([within]),
            "wide": child.depth <= Level.KABUPATEN.depth}


def pockets_table(store, within: str, date: str | None, settings: Settings, ctx: dict,
                   geometry: bool = False) -> tuple[pd.DataFrame, dict]:
    """Desa coverage of ``within`` (``coverage_table``) and {kecamatan kode: nama} (empty when
    ``within`` is a kecamatan; "nama, Kab. …" across a provinsi or the country, where kecamatan
    names repeat from one kabupaten/kota to the next, and the desa then carry NAMA_KAB); ``ctx`` is
    ``context``'s."""
    desa = coverage_table(store, Level.DESA, within=within, date=date, zones=settings.zones, geometry=geometry)
    parents = {}
    if ctx["child"] is not Level.DESA:
        areas = store.areas(within=within, level=Level.KECAMATAN)
        parents = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
        if ctx["wide"]:
            of = dict(zip(parents, kabupaten_names(store, within, parents)))
            parents = {k: f"{n}, {short_name(of[k])}" if of[k] else n for k, n in parents.items()}
            desa[NAMA_KAB] = kabupaten_names(store, within, desa[Col.KODE])  # the title's finding: where they gather
    return desa, parents


def figures_reach(store, within: str, date: str | None, settings: Settings, units=None) -> dict | None:
    """From how many of the area's desa (the country's: kabupaten/kota, as its Beranda counts them) its
    figures come: {"ada", "semua", "satuan"}, or None when every one has sent figures. An image summing
    them says so: its sum is not the area's coverage. ``units``: that coverage table when the caller
    has already read it."""
    unit = Level.KABUPATEN if is_country(within) else Level.DESA
    if units is None:
        units = coverage_table(store, unit, within=within, date=date, zones=settings.zones)
    reach = data_reach(units, units.iloc[:0])
    if reach["ada"] >= reach["semua"] or not reach["ada"]:
        return None
    return {"ada": reach["ada"], "semua": reach["semua"], "satuan": unit.value}


# --- media-pack images --------------------------------------------------------------------------
def check_kind(kind: str) -> str:
    """``kind`` when it is one of CHART_KINDS; raises RekamError('gambar_jenis_salah')."""
    if kind not in CHART_KINDS:
        raise RekamError("gambar_jenis_salah", nilai=kind, pilihan=", ".join(CHART_KINDS))
    return kind


def export_rows(height: int) -> int:
    """How many bars of the zone chart an image ``height`` pixels tall holds, each readable (title,
    subtitle, legend, axis and source take the rest): 15 at 675, 35 at 1080."""
    return max(8, (height - 340) // 22)


def chart_figure(store, within: str, kind: str, *, date: str | None = None, lang: str = "id",
                 settings: Settings = DEFAULTS, today: date_type | None = None, rows: int | None = None) -> go.Figure:
    """The plotly figure of ``kind`` (PLOTLY_KINDS: every kind but "peta") for ``within`` at ``date``.

    zona-bar: the areas one level down; kantong: the 10 desa with the most belum rekam;
    tren: the area's coverage over time up to ``date``; kartu: recorded → print-ready →
    printed (``cards.card_totals``); kartu-riwayat: print-ready waiting and cards
    printed per week up to ``date`` (``cards.card_history``); blangko: the blank-card
    stock and its projected run-out (``cards.blank_projection``). Raises RekamError for
    an unknown kind or area, a desa (nothing below it), no data, no PRR/printed counts
    (kartu, kartu-riwayat) or no blank-card entries (blangko).
    """
    check_kind(kind)
    if kind not in PLOTLY_KINDS:
        raise RekamError("gambar_jenis_salah", nilai=kind, pilihan=", ".join(PLOTLY_KINDS))
    ctx = context(store, within, date, settings, lang)
    name = ctx["name"]
    if kind == "zona-bar":
        table = coverage_table(store, ctx["child"], within=within, date=date, zones=settings.zones)
        return charts.zone_bar(table, area_name=name, data_date=ctx["data_date"], settings=settings, lang=lang,
                               limit=rows)
    if kind == "kantong":
        desa, parents = pockets_table(store, within, date, settings, ctx)
        return charts.pockets_bar(desa, area_name=name, data_date=ctx["data_date"], settings=settings,
                                  lang=lang, n=TOP_POCKETS, parent_names=parents or None,
                                  reach=figures_reach(store, within, date, settings,
                                                      units=None if is_country(within) else desa))
    if kind in ("kartu", "kartu-riwayat") and not cards.has_card_figures(ctx["totals"]):
        raise RekamError("gambar_kartu_tanpa_data", wilayah=name, kode=within)
    if kind == "kartu":  # area_totals' counts are card_totals' counts
        return capacity_charts.cards_bar(ctx["totals"], area_name=name, settings=settings, lang=lang, kode=within)
    if kind == "kartu-riwayat":
        history = cards.card_history(store, within, end=date)
        return capacity_charts.card_history_line(history, area_name=name, settings=settings, lang=lang,
                                                  kode=within)
    if kind == "blangko":
        ledger = cards.blank_ledger(store, within=within, date=date)
        if ledger.empty:
            raise RekamError("blangko_tidak_ada")
        projection = cards.blank_projection(store, within, date=date)
        return capacity_charts.blank_stock_line(ledger, projection, area_name=name, settings=settings, lang=lang,
                                            kode=within)
    series = coverage_over_time(store, within, end=date, settings=settings)
    story = None
    if today is not None:  # the target in force, its deadline and the projection: the story of the image
        story = area_projection(store, within, date_=date, today=today, settings=settings)  # as the pages
    return charts.trend_line(series, area_name=name, settings=settings, lang=lang, kode=within, projection=story,
                             reach=figures_reach(store, within, date, settings))


def chart_image(store, within: str, kind: str, *, fmt_name: str = "png", size="1200x675", date: str | None = None,
                lang: str = "id", settings: Settings = DEFAULTS, today: date_type | None = None) -> bytes:
    """PNG/SVG bytes of the media-pack image ``kind`` (CHART_KINDS) at ``size`` (e.g. "1080x1080").

    "peta" is the zone map of the areas one level down (matplotlib, ``static_map``); the
    others are plotly figures rendered by kaleido (``images.to_image``). ``today`` (the edge's
    date) gives "tren" its target, deadline, projection and verdict. Raises RekamError for a bad
    kind, size, format, area or date.
    """
    check_kind(kind)
    width_height = images.parse_size(size)
    fmt_name = images.parse_format(fmt_name)
    if kind == "peta":
        ctx = context(store, within, date, settings, lang)
        table = coverage_table(store, ctx["map_level"], within=within, date=date, zones=settings.zones, geometry=True)
        if not static_map.has_boundaries(table):
            raise RekamError("gambar_peta_tanpa_batas", wilayah=ctx["name"],
                             tingkat=Word(f"tingkat_jamak_{ctx['map_level'].value}"))
        return static_map.zone_map(table, area_name=ctx["name"], data_date=ctx["data_date"], settings=settings,
                                   lang=lang, size=width_height, fmt_name=fmt_name)
    figure = chart_figure(store, within, kind, date=date, lang=lang, settings=settings, today=today,
                          rows=export_rows(width_height[1]))
    return images.to_image(figure, fmt_name, width_height)


def download_name(within: str, kind: str, *, data_date: str | None = None, size=None, fmt_name: str = "png") -> str:
    """A file name that says what the file holds: ``peta-rekam_zona-bar_99.01_2026-11-16_1080x1080.png``.

    ``kind`` is one of CHART_KINDS, "rencana" (the planner's map, ``plan.plan_image``) or
    "ringkasan" (the briefing PDF, no size).
    """
    parts = ["peta-rekam", kind, within, data_date or "terbaru"]
    if size is not None:
        width, height = images.parse_size(size)
        parts.append(f"{width}x{height}")
    return "_".join(parts) + "." + fmt_name

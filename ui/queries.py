"""Every ``st.cache_data`` / ``st.cache_resource`` wrapper of the app.

Keys are small values only: the store URL, its version stamp (it changes whenever data
changes, so a new import or a rollback is seen at once), area codes, ISO dates, numbers, the
language, and the zone thresholds (``ZoneConfig``: two floats). Never a frame, never the
Store: each wrapper fetches the store inside, through ``store(url)``, a resource cached on
its URL and shared by every session of the server.

Settings are loaded once per run at the edge (``ui.state.context`` puts them on the
Context); a wrapper that depends on a setting takes its small value as an argument, so a
changed config file gives new keys instead of stale results.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from geo import capacity as capacity_analysis, cards as card_pipeline, coverage, events, pockets, timeline, trend
from geo import alerts as alert_rules, targets
from geo import plan as planner
from geo.columns import JAM_AKSES, KODE_DESA, PROVINSI_NAMA
from geo.config import Settings
from geo.schema import (
    COUNTRY, COUNTRY_NAME, Col, Level, RekamError, ZoneConfig, ancestor_code, is_country, is_demo_code,
)
from geo.store import Store
from geo.store.held import HeldArea, HeldLatest

ROOT = Path(__file__).resolve().parents[1]  # the folder of dashboard.py (Streamlit serves ./static)
Stamp = tuple[int, int]
PROVINSI_COLUMN = PROVINSI_NAMA  # the provinsi's name beside a kabupaten/kota of a country ranking


# --- resources: one per server --------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def store(url: str) -> Store:
    opened = Store.open(url)
    try:
        opened.check()
    except RekamError:
        opened.close()
        raise
    return opened


@st.cache_resource(show_spinner=False, max_entries=16)
def held(url: str, stamp: Stamp, area: str | None) -> Store | HeldArea | HeldLatest:
    """The store with ``area``'s recording figures read once per stamp and served from memory
    (``geo.store.held``), with the histories computed from them kept: a new date on a page is then
    a slice of what was computed, not a new read. For the whole country, its newest rows of the last
    dates asked (``HeldLatest``: every version of every desa is too much to hold); the store itself
    when ``area`` is None."""
    if not area:
        return store(url)
    return HeldLatest(store(url)) if is_country(area) else HeldArea(store(url), area)


@st.cache_resource(show_spinner=False)
def shapes(url: str):
    """The store's map shapes (prepared at import), shared by every session of this server."""
    from geo.shapes import ShapeCache

    return ShapeCache(store(url))


@st.cache_resource(show_spinner=False)
def offline_assets() -> Path:
    """Copy Leaflet into ./static once per server: st_folium loads it from there, not a CDN."""
    from geo.render.assets import ensure_static_assets

    return ensure_static_assets(ROOT)


# --- areas, dates, coverage ------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def kabupaten_list(url: str, stamp: Stamp) -> list[tuple[str, str]]:
    """(kode, nama) of every kabupaten/kota in the store."""
    areas = store(url).areas(level=Level.KABUPATEN)
    return list(zip(areas[Col.KODE], areas[Col.NAMA]))


@st.cache_data(show_spinner=False, max_entries=64)
def province_list(url: str, stamp: Stamp) -> list[tuple[str, str]]:
    """(kode, nama) of every provinsi holding two or more of the store's kabupaten/kota (the
    provinsi of a single one would only repeat its figures): named as the store names it, else
    as the official code table does, else "Provinsi <kode>"."""
    from collections import Counter

    from geo.codes import official_name

    held = Counter(ancestor_code(kode, Level.PROVINSI) for kode, _ in kabupaten_list(url, stamp))
    areas = store(url).areas(level=Level.PROVINSI)
    stored = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    return [(kode, stored.get(kode) or official_name(kode) or f"Provinsi {kode}")
            for kode in sorted(held) if held[kode] >= 2]


@st.cache_data(show_spinner=False, max_entries=64)
def area_list(url: str, stamp: Stamp) -> list[tuple[str, str]]:
    """(kode, nama) of every area the pickers offer: the whole country (``country_offered``), each provinsi of ``province_list`` followed
    by its kabupaten/kota (codes sort that way), then the other kabupaten/kota."""
    country = [(COUNTRY, COUNTRY_NAME)] if country_offered(url, stamp) else []  # first: the widest view
    return [*country, *sorted([*province_list(url, stamp), *kabupaten_list(url, stamp)])]


@st.cache_data(show_spinner=False, max_entries=64)
def snapshot_dates(url: str, stamp: Stamp, area: str | None) -> list[str]:
    return store(url).snapshot_dates(area)


@st.cache_data(show_spinner=False, max_entries=64)
def area_names(url: str, stamp: Stamp, within: str) -> dict[str, str]:
    """{kode: nama} of every area inside ``within`` (kecamatan and desa of a kabupaten)."""
    areas = store(url).areas(within=within)
    return dict(zip(areas[Col.KODE], areas[Col.NAMA]))


@st.cache_data(show_spinner=False, max_entries=32)
def area_names_and_levels(url: str, stamp: Stamp, within: str) -> dict[str, tuple[str, str]]:
    """{kode: (nama, level)} of every area inside ``within``."""
    areas = store(url).areas(within=within)
    return dict(zip(areas[Col.KODE], zip(areas[Col.NAMA], areas[Col.LEVEL])))


@st.cache_data(show_spinner=False, max_entries=128)
def coverage_table(url: str, stamp: Stamp, level: str, within: str | None, date: str | None, zones: ZoneConfig,
                   geometry: bool = False):
    """``coverage.coverage_table`` with the office's zone thresholds (``settings.zones``: every cached
    table, total and ranking takes them, so a configured hijau of 95 colours each page alike)."""
    return coverage.coverage_table(held(url, stamp, within), level, within=within, date=date, zones=zones,
                                   geometry=geometry)


@st.cache_data(show_spinner=False, max_entries=64)
def change_table(url: str, stamp: Stamp, level: str, within: str, date: str | None, since: str | None,
                 zones: ZoneConfig):
    return coverage.coverage_change(store(url), level, within=within, date=date, since=since, zones=zones,
                                    geometry=True)


@st.cache_data(show_spinner=False, max_entries=32)
def ranking(url: str, stamp: Stamp, level: str, within: str, date: str | None, zones: ZoneConfig):
    """``coverage.ranking``: the areas at ``level`` inside ``within``, worst first, with their change."""
    return coverage.ranking(held(url, stamp, within), level, within=within, date=date, zones=zones)


@st.cache_data(show_spinner=False, max_entries=128)
def area_summary(url: str, stamp: Stamp, kode: str, date: str | None, zones: ZoneConfig) -> dict:
    """Totals now, at the previous snapshot, and the change between them."""
    s = held(url, stamp, kode)
    now = coverage.area_totals(s, kode, date=date, zones=zones)
    prev_date = coverage.previous_date(s, kode, now.get(Col.TANGGAL) or date)
    before = coverage.area_totals(s, kode, date=prev_date, zones=zones) if prev_date else {}
    return {"now": now, "previous_date": prev_date, "change": coverage.change(now, before) if before else {}}


@st.cache_data(show_spinner=False, max_entries=32)
def data_reach(url: str, stamp: Stamp, kode: str, child: str, date: str | None, zones: ZoneConfig,
               unit: str = Level.DESA.value) -> dict:
    """``coverage.data_reach`` of ``kode``: its ``unit`` areas (desa; the country's kabupaten/kota) with
    data, and its ``child`` areas without any (from the cached tables the pages' maps and rankings read)."""
    parents = (country_ranking(url, stamp, child, date, zones) if is_country(kode)
               else coverage_table(url, stamp, child, kode, date, zones, geometry=True))
    return coverage.data_reach(coverage_table(url, stamp, unit, kode, date, zones, geometry=unit != Level.DESA.value),
                               parents)


@st.cache_data(show_spinner=False, max_entries=32)
def points(url: str, stamp: Stamp, kind: str, within: str, lang: str):
    from geo.present import points as point_layers

    return point_layers.layer(store(url), kind, within=within, lang=lang)


# --- pockets and capacity --------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=32)
def pockets_table(url: str, stamp: Stamp, within: str, level: str, date: str | None, hotspots: bool,
                  zones: ZoneConfig):
    return pockets.pockets_table(store(url), within, level, date=date, hotspots=hotspots, geometry=True, zones=zones)


@st.cache_data(show_spinner=False, max_entries=16)
def schools_pocket(url: str, stamp: Stamp, within: str):
    return pockets.schools_pocket(store(url), within)


@st.cache_data(show_spinner=False, max_entries=32)
def capacity(url: str, stamp: Stamp, area: str, date: str | None, throughput: float, zones: ZoneConfig):
    """(capacity table, sites down) of the kabupaten's kecamatan."""
    s = store(url)
    return (capacity_analysis.capacity_table(s, area, date=date, throughput=throughput, zones=zones),
            capacity_analysis.sites_down(s, area, date=date))


@st.cache_data(show_spinner=False, max_entries=32)
def mobile_units(url: str, stamp: Stamp, area: str):
    """The area's mobile recording sets and their state on the newest inventory (``geo.capacity.mobile_units``)."""
    return capacity_analysis.mobile_units(store(url), area)


@st.cache_data(show_spinner=False, max_entries=32)
def offline_kecamatan(url: str, stamp: Stamp, area: str, date: str | None) -> set[str]:
    """Codes of the kecamatan whose recording sites work offline (``geo.capacity.offline_kecamatan``)."""
    return capacity_analysis.offline_kecamatan(store(url), area, date=date)


@st.cache_data(show_spinner=False, max_entries=32)
def cards(url: str, stamp: Stamp, area: str, date: str | None) -> dict:
    s = store(url)
    return {"funnel": card_pipeline.card_funnel(s, area, date=date),
            "totals": card_pipeline.card_totals(s, area, date=date),
            "history": card_pipeline.card_history(s, area, end=date),
            "ledger": card_pipeline.blank_ledger(s, within=area, date=date),
            "projection": card_pipeline.blank_projection(s, area, date=date)}


# --- trend -----------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=32)
def series(url: str, stamp: Stamp, area: str, end: str | None, level: str | None = None):
    """``timeline.series`` of ``area`` and its areas at ``level`` (default: the next level down)."""
    return timeline.series(held(url, stamp, area), area, level, end=end)


@st.cache_data(show_spinner=False, max_entries=64)
def projection(url: str, stamp: Stamp, area: str, end: str | None, target: float, deadline: date | str,
               window: int, today: str | None = None) -> dict:
    """``trend.projection`` of ``area`` (its own rows of the series up to ``end``); ``today`` (ISO,
    a small key) adds the data's age and says when a projected date has already passed."""
    frame = series(url, stamp, area, end)
    return trend.projection(frame[frame[Col.KODE] == area], target_pct=target, deadline=deadline, window_days=window,
                            today=date.fromisoformat(today) if today else None)


@st.cache_data(show_spinner=False, max_entries=64)
def projection_table(url: str, stamp: Stamp, area: str, end: str | None, target: float, deadline: date,
                     window: int, today: str, level: str | None = None):
    """``trend.projection_table`` of the areas at ``level`` (default: the next level down) inside
    ``area``, seen on ``today`` (ISO: a projected date already past is flagged, so it is never shown as
    the future)."""
    return trend.projection_table(store(url), area, level, target_pct=target, deadline=deadline, window_days=window,
                                  as_of=end, frame=series(url, stamp, area, end, level),
                                  today=date.fromisoformat(today))


@st.cache_data(show_spinner=False, max_entries=32)
def area_events(url: str, stamp: Stamp, area: str, until: str | None, kinds: tuple[str, ...] | None = None):
    return trend.events_for(events.events(store(url), area, open_until=until, kinds=kinds), area)


@st.cache_data(show_spinner=False, max_entries=32)
def weekly_and_notes(url: str, stamp: Stamp, area: str, end: str | None):
    frame = series(url, stamp, area, end)
    return timeline.weekly_recordings(frame), events.notes(frame, area)


# --- the planner -----------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def plan_bases(url: str, stamp: Stamp, area: str) -> dict[str, dict]:
    """{id: the base as a dict} of the places a mobile unit can start from (``geo.plan.bases``)."""
    offices = planner.bases(store(url), area)
    return {base["id"]: base for base in offices.to_dict("records")}


@st.cache_data(show_spinner=False, max_entries=32)
def plan(url: str, stamp: Stamp, area: str, data_date: str | None, base_id: str, max_km: float, schools: bool,
         units: int, capacity: int, days: int, response: float, start: str, weekends: bool, objective: str,
         controls: tuple, travel: tuple, zones: ZoneConfig):
    """The plan for these inputs: ``controls`` (focus kecamatan, merah/kuning only, excluded codes,
    fixed visits as (unit, day, code)), ``travel`` ((Travel field, value), …)."""
    s, trip = store(url), planner.Travel(**dict(travel))
    focus, only_red_yellow, exclude, fixed = controls
    sites = planner.candidate_sites(s, area, date=data_date, base_id=base_id, max_km=max_km or None,
                                    include_schools=schools, zones=zones, travel=trip, focus=focus,
                                    only_zones=("merah", "kuning") if only_red_yellow else None, exclude=exclude,
                                    keep=[k for _, _, k in fixed])
    return planner.plan_visits(sites, units=units, capacity=capacity, days=days, response=response, start=start,
                               weekends=weekends, objective=objective, base=planner.base_point(s, area, base_id),
                               travel=trip, zones=zones, fixed=fixed)


@st.cache_data(show_spinner=False, max_entries=16)
def candidate_sites(url: str, stamp: Stamp, area: str, data_date: str | None):
    """``geo.plan.candidate_sites`` of a kabupaten/kota with the planner's defaults, made once for the pages
    that name its places (Rencana) and say how far its desa lie from a working site (Kantong)."""
    return planner.candidate_sites(store(url), area, date=data_date)


def desa_reach(url: str, stamp: Stamp, area: str, data_date: str | None) -> dict[str, float]:
    """Desa code → travel hours to the nearest working recording site (``candidate_sites``), for a
    kabupaten/kota; empty above one (the planner works per office) or before its sites are uploaded."""
    if is_country(area) or Level.of_code(area) is not Level.KABUPATEN:
        return {}
    sites = candidate_sites(url, stamp, area, data_date)
    hours = sites[sites[Col.KODE] == sites[KODE_DESA]].set_index(Col.KODE)[JAM_AKSES].dropna()  # desa, not schools
    return {k: float(v) for k, v in hours.items()}


@st.cache_data(show_spinner=False, max_entries=16)
def plan_places(url: str, stamp: Stamp, area: str, data_date: str | None) -> dict[str, str]:
    """Kecamatan, desa and schools a planner may name: code → 'name (kecamatan)'."""
    sites = candidate_sites(url, stamp, area, data_date)
    kec = dict(zip(sites["kode_kecamatan"], sites["kecamatan"]))
    return {**{k: f"Kec. {n}" for k, n in sorted(kec.items())},
            **{k: f"{n} ({kc})" for k, n, kc in zip(sites["kode"], sites["nama"], sites["kecamatan"])}}


# --- targets and alerts ----------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def area_projection(url: str, stamp: Stamp, area: str, end: str | None, today: str, settings: Settings) -> dict:
    """``geo.targets.area_projection``: the area against the target in force on ``today`` (ISO)."""
    return targets.area_projection(held(url, stamp, area), area, date_=end, today=date.fromisoformat(today),
                                   settings=settings)


@st.cache_data(show_spinner=False, max_entries=32)
def vs_target(url: str, stamp: Stamp, area: str, end: str | None, today: str, settings: Settings):
    """``geo.targets.vs_target`` of ``area`` and the areas one level down."""
    return targets.vs_target(held(url, stamp, area), area, date_=end, today=date.fromisoformat(today), settings=settings)


@st.cache_data(show_spinner=False, max_entries=32)
def target_table(url: str, stamp: Stamp, level: str, within: str | None, end: str | None, today: str,
                 settings: Settings):
    """The coverage table (with geometry) and each area's target: the Peta's ``target`` metric."""
    table = coverage.coverage_table(store(url), level, within=within, date=end, zones=settings.zones, geometry=True)
    return targets.with_targets(table, store(url), today=date.fromisoformat(today), settings=settings)


@st.cache_data(show_spinner=False, max_entries=32)
def targets_in_force(url: str, stamp: Stamp, area: str):
    """``geo.targets.current_targets`` of ``area`` (its own, its areas' and its ancestors')."""
    return targets.current_targets(store(url), area)


@st.cache_data(show_spinner=False, max_entries=16)
def alerts(url: str, stamp: Stamp, area: str, today: str, settings: Settings) -> list:
    """``geo.alerts.compute_alerts`` for ``area`` on its newest data, most urgent first."""
    return alert_rules.compute_alerts(held(url, stamp, area), area, today=date.fromisoformat(today), settings=settings)


# --- the whole country (geo.schema.COUNTRY) ----------------------------------------------------
# The store holds no row for the country and often none for a provinsi (boundary files start at
# the kabupaten/kota): geo.coverage sums their figures from the finest rows (counts, then percent).
@st.cache_data(show_spinner=False, max_entries=64)
def provinsi_names(url: str, stamp: Stamp) -> dict[str, str]:
    """{kode: nama} of ``geo.coverage.provinsi_areas``: every provinsi holding one of the store's
    kabupaten/kota, named by the store, else the official code table, else "Provinsi <kode>"."""
    areas = coverage.provinsi_areas(store(url))
    return dict(zip(areas[Col.KODE], areas[Col.NAMA]))


def country_offered(url: str, stamp: Stamp) -> bool:
    """The picker offers the whole country once the store holds areas of two or more real provinsi: the
    demo's fictional provinsi 99 beside one real one (an office that tried the demo, then imported its
    own figures) is not a country, and its sum would mix synthetic figures with real ones."""
    return sum(not is_demo_code(k) for k in provinsi_names(url, stamp)) >= 2


@st.cache_data(show_spinner=False, max_entries=32)
def country_ranking(url: str, stamp: Stamp, level: str, date: str | None, zones: ZoneConfig) -> pd.DataFrame:
    """``geo.coverage.country_ranking``: the provinsi or the kabupaten/kota of the country, worst
    first, with Col.PERUBAHAN and the provinsi's name (PROVINSI_COLUMN)."""
    return coverage.country_ranking(held(url, stamp, COUNTRY), level, date=date, zones=zones)


@st.cache_data(show_spinner=False, max_entries=16)
def has_boundaries(url: str, stamp: Stamp, level: str) -> bool:
    """Whether the store holds a boundary of any area at ``level`` (a map of that level draws something)."""
    areas = store(url).areas(level=level, geometry=True)
    return bool(len(areas)) and bool(areas.geometry.notna().any())

"""Beranda of the whole country (``geo.schema.COUNTRY``): the verdict, the age of the data, the
figures summed over every provinsi with the media pack and the national PDF, the zone map of the
kabupaten/kota, and the provinsi and kabupaten/kota ranked from the lowest coverage up, each with
its pace and when it reaches hijau at that pace (``ui.rankings``).
"""
from __future__ import annotations

import streamlit as st

from geo import fmt
from geo.coverage import worst_first
from geo.present.common import short_name
from geo.schema import Col, Level, Zone, is_demo_code
from ui import queries
from ui.context import Context, area_name
from ui.downloads import briefing_button, download_menu
from ui.headline import kpis, over_100_note, reach_levels, verdict_and_age
from ui.map_view import labels_by_default, show_map
from ui.rankings import pace_note, ranking_table
from ui.state import link_notes, media_allowed, page_title, source_line
from ui.tables import plain


def country_home(ctx: Context) -> None:
    """Beranda at the country level: the verdict against the target in force (a target set for the
    country, else the office's hijau and deadline, as for any area without one), the age of the data,
    the figures, the media pack and the PDF. The alerts and the target table speak to one office (a
    kabupaten/kota or provinsi) and are left out here."""
    name = area_name(ctx)
    summary = queries.area_summary(ctx.url, ctx.stamp, ctx.area, ctx.date, ctx.settings.zones)
    st.title(page_title(ctx, ctx.t("home_judul", wilayah=name), ""))
    link_notes(ctx)
    verdict_and_age(ctx, **reach_levels(ctx))  # counted by kabupaten/kota, the offices
    kabupaten = queries.coverage_table(ctx.url, ctx.stamp, Level.KABUPATEN.value, ctx.area, ctx.date, ctx.settings.zones,
                                       geometry=True)
    behind_line(ctx, kabupaten)  # a green country may hold kabupaten/kota that are not: said under its verdict
    kpis(ctx, summary)
    over_100_note(ctx, summary)
    st.caption(source_line(ctx, summary["now"].get(Col.TANGGAL)))
    if media_allowed():  # not in screenshot mode
        with st.container(horizontal=True):
            download_menu(ctx, ("peta", "zona-bar", "kantong", "tren"), key="home_unduh")
            briefing_button(ctx)

    st.subheader(ctx.t("home_peta_negara"))
    show_map(ctx, kabupaten, metric="zona", key="home_map", height=620, labels=labels_by_default(kabupaten))

    st.subheader(ctx.t("home_peringkat_negara"))
    labels = [ctx.t("tingkat_provinsi"), ctx.t("tingkat_kabupaten")]
    provinsi = queries.coverage_table(ctx.url, ctx.stamp, Level.PROVINSI.value, ctx.area, ctx.date, ctx.settings.zones)
    # every provinsi green: the ranking that says who is behind is the kabupaten/kota one, so it opens first
    hidden = all_green(provinsi) and not all_green(kabupaten)
    by_provinsi, by_kabupaten = st.tabs(labels, default=labels[1] if hidden else None)
    data_date = summary["now"].get(Col.TANGGAL)
    with by_provinsi:
        days = ranking_table(ctx, Level.PROVINSI, data_date)
    with by_kabupaten:
        days = sorted({*days, *ranking_table(ctx, Level.KABUPATEN, data_date)})
    pace_note(ctx, days)


def all_green(table) -> bool:
    """Every area of ``table`` with figures is hijau (False when none has figures)."""
    rated = table[Col.ZONA].dropna()
    return bool(len(rated)) and bool((rated == Zone.HIJAU.value).all())


def behind_line(ctx: Context, kabupaten, shown: int = 3) -> None:
    """How many of the kabupaten/kota with figures are not green (red and yellow counted), the lowest
    ``shown`` named with their coverage: the country's own sum can be green while dozens of its
    offices are not (the ranking that lists them is further down, in a tab)."""
    rated = worst_first(kabupaten[kabupaten[Col.CAKUPAN].notna()])
    if rated.empty:
        return
    zones = rated[Col.ZONA].value_counts()
    behind = rated[rated[Col.ZONA] != Zone.HIJAU.value]
    if behind.empty:
        st.markdown(ctx.t("negara_kab_semua_hijau", total=fmt.number(len(rated), lang=ctx.lang)))
        return
    lowest = ", ".join(f"{plain(short_name(str(n)))} ({fmt.percent(c, 2, ctx.lang)})"
                       for n, c in zip(behind[Col.NAMA][:shown], behind[Col.CAKUPAN][:shown]))
    st.markdown(ctx.t("negara_kab_belum_hijau", n=fmt.number(len(behind), lang=ctx.lang),
                      total=fmt.number(len(rated), lang=ctx.lang),
                      merah=fmt.number(int(zones.get(Zone.MERAH.value, 0)), lang=ctx.lang),
                      kuning=fmt.number(int(zones.get(Zone.KUNING.value, 0)), lang=ctx.lang), terendah=lowest))


def trend_names(ctx: Context) -> dict[str, tuple[str, str]]:
    """{kode: (nama, level)} the Tren page names and offers: the picked area (a provinsi the store
    may not name too) and every area inside it; for the country its provinsi and kabupaten/kota."""
    own = {ctx.area: (area_name(ctx), "")}
    if not ctx.is_country:
        return {**own, **queries.area_names_and_levels(ctx.url, ctx.stamp, ctx.area)}
    provinsi = {k: (n, Level.PROVINSI.value) for k, n in queries.provinsi_names(ctx.url, ctx.stamp).items()}
    kabupaten = {k: (n, Level.KABUPATEN.value) for k, n in queries.kabupaten_list(ctx.url, ctx.stamp)
                 if not is_demo_code(k)}  # the demo's is no part of the country
    return {**own, **provinsi, **kabupaten}

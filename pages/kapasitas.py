"""Kapasitas Perekaman: where recording is stuck and why, where new devices go, the card pipeline."""
from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from geo import capacity, fmt
from geo import cards as card_pipeline
from geo.present import capacity as present
from geo.schema import Col, RekamError
from geo.text import describe
from ui import queries

ctx = ui.page_start("nav_kapasitas")
ui.kabupaten_only(ctx, "kapasitas_per_wilayah", country_only=True)  # a provinsi lists its kecamatan too
lang = ctx.lang
today = date.today().isoformat()
# The answer leads; the rate it rests on is read here and its input drawn under the table (same key).
throughput = st.session_state.get("kap_laju", capacity.DEFAULT_THROUGHPUT)
try:
    table, down = queries.capacity(ctx.url, ctx.stamp, ctx.area, ctx.date, throughput, ctx.settings.zones)
    cards = queries.cards(ctx.url, ctx.stamp, ctx.area, ctx.date)
except RekamError as err:
    st.error(describe(err, lang))
    st.stop()

days = lambda v: present.days_text(v, lang)  # noqa: E731
BOX = {"error": st.error, "warning": st.warning, "success": st.success, "info": st.info}
p = cards["projection"]
blank = present.blank_answer(p, card_pipeline.blank_outlook(p, today), lang, warn_days=ctx.settings.alert_blank_days)
blank_leads = blank is not None and blank[0] in ("error", "warning")  # the urgent problem stands on top
deadline = ctx.settings.deadline_for(ctx.date)
if not table[capacity.DATA_ALAT].any():
    st.info(ctx.t("kap_belum_ada_inventaris"))
    if blank_leads:
        BOX[blank[0]](blank[1], icon=":material/credit_card_off:")
else:
    check = capacity.deadline_check(table, capacity.working_days_left(today, deadline))
    level, answer = present.capacity_answer(check, deadline, lang, ctx.settings.zones.hijau)
    BOX[level](f"**{answer}**", icon=":material/schedule:")
    if blank_leads:
        BOX[blank[0]](blank[1], icon=":material/credit_card_off:")
    for text in present.stuck_messages(table, down, lang):
        st.error(text, icon=":material/block:")
    for text in present.offline_messages(table, lang):
        st.warning(text, icon=":material/wifi_off:")

    total = capacity.capacity_summary(table)
    ui.capacity_figures(ctx, total, check, deadline)

    st.subheader(ctx.t("kap_tabel"))
    ui.grid(present.capacity_view(table, lang), width="stretch")
    st.caption(ctx.t("kap_tabel_catatan", laju=fmt.number(throughput, lang=lang),
                     kabupaten=days(total[capacity.HARI_BACKLOG])))
    with st.expander(ctx.t("kap_pengaturan")):
        ui.picker(st.number_input, ctx.t("kap_laju_input"), min_value=1.0, max_value=500.0,
                  value=capacity.DEFAULT_THROUGHPUT, step=1.0, format="%.0f", key="kap_laju",
                  default=capacity.DEFAULT_THROUGHPUT, help=ctx.t("kap_laju_bantuan"), width=320)

    st.subheader(ctx.t("kap_alat_mati"))
    if len(down):  # the notes (why a device is down) whole, under the table
        ui.fitted_table(ctx, present.sites_down_view(down, lang), note="kkap_keterangan",
                        note_by=("kkap_alat_id", "kkap_lokasi"))
    else:
        st.success(ctx.t("kap_semua_bekerja"))

    st.subheader(ctx.t("kap_usulan"))
    n_new = ui.picker(st.number_input, ctx.t("kap_jumlah_alat"), min_value=0, max_value=100, value=2, step=1,
                      key="kap_n", default=2, width=320)
    plan = capacity.allocate_devices(table, int(n_new))
    st.markdown("**" + ctx.t("kap_maks", sebelum=days(plan.max_before), sesudah=days(plan.max_after)) + "**")
    if len(plan.steps):
        ui.grid(present.allocation_view(plan, lang), width="stretch")
    if plan.unused:
        st.info(ctx.t("kap_sisa_unit", jumlah=plan.unused))
    st.caption(ctx.t("kap_usulan_catatan"))

    st.subheader(ctx.t("kap_pinjam"))
    lend = capacity.lenders(table)
    if len(lend):  # the kabupaten's overall days are in the note under it; the borrower carries its code
        ui.fitted_table(ctx, present.lenders_view(lend, lang), hide=("kkap_kode", "kkap_batas"))
    else:
        st.info(ctx.t("kap_pinjam_tidak_ada"))
    st.caption(ctx.t("kap_pinjam_catatan", batas=days(total[capacity.HARI_BACKLOG])))

# The card pipeline and the blank stock: the page's heading and source line stand above and
# below these charts; their images (download menus) carry title, area, date and source.
figures = ui.card_figures(ctx)
media = ui.media_allowed()
st.subheader(ctx.t("kartu_judul"))
if "cards" not in figures:  # a recap of wajib and sudah rekam only: nothing to draw (geo.cards.has_card_figures)
    st.info(ctx.t("gambar_kartu_tanpa_data", wilayah=ui.area_name(ctx), kode=ctx.area))
else:
    st.plotly_chart(figures["cards"], key="kartu_corong")
    ui.chart_heading(ctx.t("kartu_riwayat"))
    st.plotly_chart(figures["history"], key="kartu_riwayat")
    with st.expander(ctx.t("kartu_per_kecamatan")):
        ui.grid(present.funnel_view(cards["funnel"], lang), width="stretch")
    if media:
        ui.download_menu(ctx, ("kartu", "kartu-riwayat"), key="kartu_unduh")

st.subheader(ctx.t("blangko_judul"))
if "blank" not in figures:  # no blank-card ledger
    st.info(ctx.t("blangko_tidak_ada"))
else:
    if blank is not None and not blank_leads:  # said once: on top when urgent, else here
        BOX[blank[0]](blank[1])
    ui.blank_stock_figures(ctx, p, today)
    st.plotly_chart(figures["blank"], key="blangko_stok")
    ui.blank_stock_note(ctx, p)
    if media:
        ui.download_menu(ctx, ("blangko",), key="blangko_unduh")

st.caption(ui.source_line(ctx, cards["totals"].get(Col.TANGGAL) or ctx.date))

"""Targets and alerts on the pages: Beranda's Peringatan panel (most urgent first, each with a
button to the page that explains it) and its progress against target per area; the Data page's
target editor and the digests (copy for WhatsApp, or e-mail; each kept with who and when)."""
from __future__ import annotations

from datetime import date

import streamlit as st

from geo import alerts as alert_rules
from geo import fmt, ingest
from geo.columns import SELISIH_TARGET, STATUS_TARGET, TARGET_PERSEN, TENGGAT
from geo.io.mail import mail_ready, send_text
from geo.present.alerts import alert_rows, digest_text
from geo.present.targets import EDITOR_COLUMNS, EDITOR_HEADERS, digest_view, editor_view, summary_words, target_table
from geo.present.trend import threshold_text
from geo.schema import Col, Level, RekamError
from ui import queries
from ui.account import require
from ui.context import Context, area_name, fail, flash
from ui.map_view import focus_area, map_finding
from ui.tables import grid, plain, sorted_grid, styled_fit

STATUS_ORDER = {"tertinggal": 0, "di_jalur": 1, "data_kurang": 2, "tercapai": 3}  # who is behind comes first
SHOWN = 5  # alerts shown at once on Beranda; the rest one click away
ICONS = {"data_basi": ":material/history:", "tanpa_data": ":material/visibility_off:",
         "data_tertinggal": ":material/update:", "lokasi_lumpuh": ":material/block:",
         "blangko_habis": ":material/inventory_2:", "tanpa_rekam": ":material/pause_circle:",
         "zona_turun": ":material/trending_down:", "terlambat_target": ":material/schedule:",
         "alat_rusak": ":material/build:", "zona_merah": ":material/error:",
         "di_atas_100": ":material/priority_high:"}


def today() -> str:
    return date.today().isoformat()


def current_alerts(ctx: Context) -> list:
    return queries.alerts(ctx.url, ctx.stamp, ctx.area, today(), ctx.settings)


# --- Beranda ---------------------------------------------------------------------------------
def alerts_panel(ctx: Context) -> None:
    """The alerts of the kabupaten/kota on its newest data, most urgent first: the first SHOWN,
    the rest in an expander; each names the area and its figures and opens the page behind it. Old
    data is not among them: Beranda says it above, in the verdict or the old-data warning (the digest
    sent by WhatsApp or e-mail keeps it)."""
    rows = alert_rows([a for a in current_alerts(ctx) if a.kind != "data_basi"], ctx.lang)
    if rows.empty:
        st.success(ctx.t("peringatan_tidak_ada"), icon=":material/notifications_off:")
        return
    with st.container(border=True):
        dates = queries.snapshot_dates(ctx.url, ctx.stamp, ctx.area)
        if ctx.date and dates and ctx.date != dates[-1]:  # a past date picked: these are of the newest data
            st.markdown(f"**{ctx.t('peringatan_judul_terbaru', n=len(rows), tanggal=fmt.long_date(dates[-1], ctx.lang))}**")
        else:
            st.markdown(f"**{ctx.t('peringatan_judul', n=len(rows))}**")
        for row in rows.head(SHOWN).to_dict("records"):
            _alert_line(ctx, row)
        if len(rows) > SHOWN:
            with st.expander(ctx.t("peringatan_lainnya", n=len(rows) - SHOWN)):
                for row in rows.iloc[SHOWN:].to_dict("records"):
                    _alert_line(ctx, row)


def _alert_line(ctx: Context, row: dict) -> None:
    words, go = st.columns([4, 1.6], vertical_alignment="center")  # the longest page name fits at 1366 px
    words.markdown(f"{ICONS[row['jenis']]} **{row['judul']}** — {plain(row['kalimat'])}")
    page = row["halaman"]
    if go.button(ctx.t("peringatan_buka", halaman=ctx.t(f"nav_{page}")), key=f"peringatan_{row['urutan']}",
                 width="stretch"):
        if page == "peta" and row["kode"].count(".") >= 2:  # the map opens on the area the alert is about
            focus_area(row["kode"])
        st.switch_page(f"pages/{page}.py")


def _summary_key(ctx: Context) -> str:
    """The target sentence in the words of the picked area's children (kabupaten/kota, kecamatan, desa)."""
    return {Level.PROVINSI: "target_beranda_ringkas_kabupaten", Level.KABUPATEN: "target_beranda_ringkas"}.get(
        Level.of_code(ctx.area), "target_beranda_ringkas_desa")


def home_finding(ctx: Context, children, name: str) -> None:
    """Under Beranda's figures, before the alerts, the map and the tables: which areas are red, the lowest
    named (as Peta and the map image say it), and how many will not make the target in time."""
    map_finding(ctx, children, name)
    table = queries.vs_target(ctx.url, ctx.stamp, ctx.area, ctx.date, today(), ctx.settings)
    behind = table[table[Col.KODE] != ctx.area]
    own = table.loc[table[Col.KODE] == ctx.area, STATUS_TARGET]
    if not behind.empty:  # the late ones named; "Namun …" when the area itself is in time (its verdict above)
        st.markdown(plain(summary_words(behind, _summary_key(ctx), ctx.lang, named=3,
                                        despite=own.isin(["tercapai", "di_jalur"]).any())))


def target_summary(ctx: Context) -> None:
    """Target against actual for every kecamatan (or desa, for a kecamatan), furthest behind first (how
    many are behind, on track and there: said on the first screen, ``home_finding``)."""
    table = queries.vs_target(ctx.url, ctx.stamp, ctx.area, ctx.date, today(), ctx.settings)
    children = table[table[Col.KODE] != ctx.area]
    if children.empty:
        return
    st.subheader(ctx.t("target_beranda_judul"))  # the count and the late by name: on the first screen
    rank = children[STATUS_TARGET].map(STATUS_ORDER).fillna(len(STATUS_ORDER))
    ordered = children.assign(_rank=rank).sort_values(["_rank", SELISIH_TARGET], na_position="last")
    # numbers and days sort by value on a click; the deadline, where the target comes from and (when one
    # for all) the target itself: said once, under it
    view = target_table(ordered, ctx.lang)
    sorted_grid(view, column_config=styled_fit(view, [ctx.t("kol_tanggal_proyeksi")], alignment="left"))
    if queries.targets_in_force(ctx.url, ctx.stamp, ctx.area).empty:
        st.caption(ctx.t("target_bawaan", target=threshold_text(ctx.settings.target, ctx.lang),
                         tenggat=fmt.long_date(ctx.settings.deadline_for(ctx.date), ctx.lang)))
        return
    deadlines = ", ".join(fmt.long_date(d, ctx.lang) for d in sorted({str(d)[:10] for d in children[TENGGAT].dropna()}))
    goals = sorted(set(children[TARGET_PERSEN].dropna()))
    if len(goals) == 1:  # the table leaves out a target column that says one figure on every row
        st.caption(ctx.t("target_satu_catatan", target=threshold_text(goals[0], ctx.lang), tenggat=deadlines))
    elif deadlines:
        st.caption(ctx.t("target_tenggat_catatan", tenggat=deadlines))


# --- Data page -------------------------------------------------------------------------------
def targets_editor(ctx: Context) -> None:
    """The targets of the area in force, editable (editor role): saved as one version."""
    store = queries.store(ctx.url)
    mine = queries.targets_in_force(ctx.url, ctx.stamp, ctx.area)
    mine = mine[(mine[Col.KODE] == ctx.area) | mine[Col.KODE].str.startswith(ctx.area + ".")].reset_index(drop=True)
    st.caption(ctx.t("target_editor_bantuan"))
    config = {c: st.column_config.TextColumn(ctx.t(EDITOR_HEADERS[c])) for c in EDITOR_COLUMNS}
    edited = st.data_editor(editor_view(mine, ctx.lang), num_rows="dynamic", width="stretch",
                            column_config=config, key=f"target_editor_{ctx.area}_{ctx.stamp}")
    if st.button(ctx.t("target_simpan"), key="target_simpan", type="primary"):
        try:
            session = require(ctx, "editor")
            version = ingest.save_edited_targets(store, mine, edited, user=session.username,
                                                 writer_area=session.wilayah)
        except RekamError as err:
            fail(ctx, err)
            return
        flash(ctx.t("target_tersimpan", versi=version) if version else ctx.t("target_tidak_berubah"))
        st.rerun()


def digests_panel(ctx: Context) -> None:
    """The digest of alerts not sent yet (copy for WhatsApp, mark sent; or e-mail), and every digest kept."""
    st.subheader(ctx.t("digest_judul_halaman"))
    st.caption(ctx.t("digest_bantuan"))
    store = queries.store(ctx.url)
    fresh = alert_rules.unsent(store, current_alerts(ctx))
    dates = queries.snapshot_dates(ctx.url, ctx.stamp, ctx.area)
    area = area_name(ctx)
    text = digest_text(fresh, area=area, data_date=dates[-1] if dates else None, lang=ctx.lang)
    st.code(text, language=None, wrap_lines=True)
    if fresh:
        c1, c2 = st.columns(2)
        if c1.button(ctx.t("digest_tandai"), key="digest_tandai"):
            _keep(ctx, fresh, text, channel="whatsapp")
        if mail_ready(ctx.settings) and c2.button(ctx.t("digest_kirim_surel"), key="digest_surel"):
            try:
                to = send_text(ctx.settings, ctx.t("digest_subjek", wilayah=area, n=len(fresh)), text)
            except RekamError as err:
                fail(ctx, err)
            else:
                _keep(ctx, fresh, text, channel="email", recipients=to)
    st.markdown(f"**{ctx.t('digest_riwayat')}**")
    kept = alert_rules.digests(store, ctx.area)
    if kept.empty:
        st.caption(ctx.t("digest_riwayat_kosong"))
    else:
        grid(digest_view(kept, ctx.lang), width="stretch")


def _keep(ctx: Context, fresh: list, text: str, *, channel: str, recipients: tuple[str, ...] = ()) -> None:
    session = require(ctx, "editor")
    digest = alert_rules.record_digest(queries.store(ctx.url), fresh, text=text, user=session.username,
                                       within=ctx.area, channel=channel, recipients=recipients)
    flash(ctx.t("digest_dicatat", id=digest, n=len(fresh)))
    st.rerun()

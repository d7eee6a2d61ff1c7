"""The Data page's recording-figures desk: upload, the date the data is of, what was read, the join
report, hand fixes, and storing it as a new version.

The date is never silently today: it comes from the file's title when the file states one (the
picker starts there, with a note saying so), else the editor must pick it before storing. A date
in the future or before the programme began is refused (``geo.dates.check_snapshot_day``) until
the editor ticks that it was checked; both are said beside the date field. A workbook whose sheets
are different periods is refused as a whole; the editor then picks the sheet to import.

Everything that would make Simpan refuse the file (two rows on one area, the same file stored
already) is said above the button before saving, and the button stays disabled while it stands. A
refused file is dropped from memory at once, before the uploader is drawn again, so the clerk's
next file is read on the first try.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from geo import fmt
from geo.dates import check_snapshot_day
from geo.io.tabular import list_sheets
from geo.present import file_preview
from geo.present.common import refusal_text
from geo.schema import FileRefused, Level, RekamError
from geo.text import describe_problem
from ui.context import Context, fail, flash
from ui.tables import grid
from ui.uploads import (fix_unmatched, forget_upload, join_report_view, prepare_upload, refuse_upload,
                        save_blockers, save_enrollment, show_latest_date, show_refusal, unmatched_causes,
                        uploader_key)

MANY_PERIODS = "lembar_banyak_periode"


def enrollment_desk(ctx: Context) -> None:
    """The recording-figures tab of the Data page (an editor is logged in)."""
    up = st.file_uploader(ctx.t("unggah_rekam"), type=["csv", "xlsx"], key=uploader_key("rekam"))
    c1, c2, c3 = st.columns(3)
    level = c1.radio(ctx.t("peta_tingkat"), [Level.DESA.value, Level.KECAMATAN.value], horizontal=True,
                     format_func=lambda v: ctx.t(f"tingkat_{v}"))
    force = c3.checkbox(ctx.t("impor_ulang"), help=ctx.t("impor_ulang_bantuan"))
    show_refusal(ctx, "rekam", up)
    if up is None:
        return
    sheet = st.session_state.get(f"lembar_{up.file_id}")
    try:
        prepared = prepare_upload(ctx, up, level=level, sheet=sheet)
    except RekamError as err:
        if isinstance(err, FileRefused) and err.key == MANY_PERIODS:
            fail(ctx, err)
            _sheet_picker(ctx, up)
            return
        refuse_upload("rekam", err)  # dropped now, its refusal shown over the emptied uploader
    if sheet is not None:
        _sheet_picker(ctx, up)  # the sheet can be changed again
    tanggal = _data_date(ctx, c2, up, prepared.read.report)
    allow = _date_check(ctx, c2, tanggal)
    _what_was_read(ctx, prepared)
    unmatched = len(prepared.unmatched)
    if unmatched:
        st.warning("\n".join([ctx.t("perbaiki_baris", jumlah=unmatched),
                              *(f"- {line}" for line in unmatched_causes(ctx, prepared))]))
        fix_unmatched(ctx, up, prepared, level)
    blockers = save_blockers(ctx, prepared, force=force)
    if blockers:
        st.error("\n".join([ctx.t("simpan_terhalang", jumlah=len(blockers)), *(f"- {line}" for line in blockers)]))
    if st.button(ctx.t("simpan"), type="primary", disabled=bool(unmatched or blockers) or tanggal is None,
                 help=ctx.t("tanggal_belum_dipilih") if tanggal is None else None):
        try:
            version = save_enrollment(ctx, prepared, tanggal=tanggal.isoformat(), force=force, allow_date=allow)
        except RekamError as err:
            fail(ctx, err)
        else:
            forget_upload("rekam")
            show_latest_date()
            flash(ctx.t("tersimpan", versi=version, tanggal=fmt.long_date(tanggal, ctx.lang)))
            st.rerun()


def _sheet_picker(ctx: Context, up) -> None:
    sheets = list_sheets(up.getvalue(), file_name=up.name)
    st.selectbox(ctx.t("pilih_lembar"), [None, *sheets], key=f"lembar_{up.file_id}",
                 format_func=lambda s: s or "—", help=ctx.t("pilih_lembar_bantuan"))


def _data_date(ctx: Context, column, up, report: dict) -> date | None:
    """The date the figures are of: the file's own (from its title) to start with, else none —
    the editor picks it; never today by default."""
    stated = report.get("tanggal_berkas")
    picked = column.date_input(ctx.t("data_tanggal"), value=date.fromisoformat(stated) if stated else None,
                               format="DD/MM/YYYY", key=f"tanggal_{up.file_id}_{report.get('sheet')}")
    if stated:
        column.caption(ctx.t("tanggal_dari_berkas", tanggal=fmt.long_date(stated, ctx.lang),
                             teks=report.get("tanggal_berkas_teks", "")))
        if picked is not None and picked.isoformat() != stated:
            column.warning(ctx.t("tanggal_beda_berkas", tanggal=fmt.long_date(picked, ctx.lang),
                                 berkas=fmt.long_date(stated, ctx.lang)))
    elif report.get("tanggal_berkas_beda"):
        column.caption(ctx.t("tanggal_judul_beda", daftar=", ".join(
            fmt.long_date(d, ctx.lang) for d in report["tanggal_berkas_beda"])))
    else:
        column.caption(ctx.t("tanggal_pilih"))
    return picked


def _date_check(ctx: Context, column, tanggal: date | None) -> bool:
    """A date in the future or before the programme: the refusal, and the box that overrides it,
    under the date field where the date is chosen."""
    if tanggal is None:
        return False
    try:
        check_snapshot_day(tanggal)
    except RekamError as err:
        column.warning(refusal_text(err, ctx.lang))  # the dates in words
        return column.checkbox(ctx.t("tanggal_diperiksa"), key=f"tanggal_diperiksa_{tanggal.isoformat()}")
    return False


def _what_was_read(ctx: Context, prepared) -> None:
    """The file as read, the sheets read and left out, warnings, and how each row matched."""
    st.subheader(ctx.t("pratinjau"))
    grid(file_preview(prepared.read.table.head(200), ctx.lang), width="stretch")
    report = prepared.read.report
    if len(report.get("sheets", [])) > 1 and report.get("sheets_read"):  # every sheet accounted for
        st.caption(ctx.t("lembar_dibaca", daftar=", ".join(f"{s['lembar']} ({s['baris']})"
                                                           for s in report["sheets_read"])))
        if report.get("sheets_skipped"):
            st.caption(ctx.t("lembar_dilewati", daftar="; ".join(
                f"{s['lembar']}: {ctx.t(s['alasan'])}" for s in report["sheets_skipped"])))
    for problem in prepared.warnings:
        st.warning(describe_problem(problem, ctx.lang))
    st.subheader(ctx.t("laporan_cocok"))
    grid(join_report_view(ctx, prepared), width="stretch")

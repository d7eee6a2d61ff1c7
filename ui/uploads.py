"""What editors put into the store: uploads and their join report, hand fixes, other imports,
templates, events, the version history and rollback.

Pages never touch the store: every write goes through a function here, which checks the
editor's role again just before writing (``ui.account.require``), passes the editor's area
as the account has it now (``writer_area``: rows of other areas are refused) and records who
wrote.
"""
from __future__ import annotations

from datetime import datetime, timezone
from math import ceil

import streamlit as st

from geo import fmt, ingest
from geo.join import row_key
from geo.present.common import refusal_text
from geo.schema import Col, FileRefused, Level, RekamError
from geo.text import describe_problem, tr
from ui import queries
from ui.account import require
from ui.context import Context, fail
from ui.tables import CELL_PADDING_PX, grid, text_px

TEMPLATES = ["desa", "kecamatan", "perangkat", "blangko"]


# --- the uploader and hand fixes ---------------------------------------------------------------
def uploader_key(name: str) -> str:
    """A file_uploader key that ``forget_upload`` can reset (dropping the file from memory)."""
    return f"up_{name}_{st.session_state.get(f'up_{name}_n', 0)}"


def forget_upload(name: str) -> None:
    """Drop the uploader's file: the next run draws a fresh uploader under a new key. Call it only
    right before ``st.rerun`` (as ``refuse_upload`` does): a file put into the uploader already drawn
    would land under the old key and be lost with it."""
    st.session_state[f"up_{name}_n"] = st.session_state.get(f"up_{name}_n", 0) + 1


def refuse_upload(name: str, err: RekamError) -> None:
    """Drop a refused file from memory at once and run again: the refusal is shown by
    ``show_refusal`` over the new, empty uploader, which the clerk's next file then lands in."""
    st.session_state[f"up_{name}_refused"] = err
    forget_upload(name)
    st.rerun()


def show_refusal(ctx: Context, name: str, upload) -> None:
    """The refusal of the file last dropped by ``refuse_upload``, while the uploader is empty; a
    new file replaces it."""
    key = f"up_{name}_refused"
    if upload is not None:
        st.session_state.pop(key, None)
    elif key in st.session_state:
        fail(ctx, st.session_state[key])


def set_override(upload, key: int | str, kode: str | None) -> None:
    """Name a row's area by hand; ``key`` is ``geo.join.row_key(lembar, baris)`` (two sheets of a
    workbook can share a row number)."""
    overrides = st.session_state.setdefault(f"overrides_{upload.file_id}", {})
    if kode:
        overrides[key] = kode
    else:
        overrides.pop(key, None)


def show_latest_date() -> None:
    """After an import, move the shared date picker to the newest snapshot (applied next run)."""
    st.session_state["date_latest"] = True


# --- recording figures ---------------------------------------------------------------------------
def prepare_upload(ctx: Context, upload, *, level: str, sheet: str | None = None):
    """Read and join an uploaded enrollment file (size checked before reading; ``sheet``: one sheet
    of a workbook, else every recording sheet); rows of areas outside the editor's own are refused
    here already. Writes nothing."""
    session = require(ctx, "editor")
    limit = ctx.settings.max_upload_mb
    if upload.size > limit * 1024 * 1024:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(upload.size / 1048576, 1), maks_mb=limit)
    overrides = st.session_state.get(f"overrides_{upload.file_id}", {})
    return ingest.prepare_enrollment(queries.store(ctx.url), upload.getvalue(), level=level, within=ctx.area,
                                     sheet=sheet, file_name=upload.name, overrides=dict(overrides),
                                     settings=ctx.settings, writer_area=session.wilayah)


def join_report_view(ctx: Context, prepared):
    """The join report as people read it: (sheet,) row, what the file says, how it matched, reason."""
    report = prepared.join.report.copy()
    report["cara"] = [ctx.t(f"cara_{c}") for c in report["cara"]]
    notes: dict[int | str, list[str]] = {}
    for p in prepared.join.problems:
        for key in _rows_of(p):  # two rows on one area: the note stands on each of them
            notes.setdefault(key, []).append(tr(p.key, ctx.lang, **(p.params or {})))
    report["alasan"] = ["; ".join(notes.get(row_key(s, b), [])) for s, b in zip(report["lembar"], report["baris"])]
    report["kandidat"] = [", ".join(f"{c['nama']} ({c['kode']})" for c in (k or [])) for k in report["kandidat"]]
    sheets = ["lembar"] if report["lembar"].notna().any() else []  # a workbook read whole: rows per sheet
    cols = [*sheets, "baris", "kode_file", "nama_file", "cara", "kode", "nama", "alasan", "kandidat"]
    return report[cols].rename(columns={c: ctx.t(f"lap_{c}") for c in cols})


def _rows_of(problem) -> list[int | str]:
    """The rows (``row_key``) a problem is about: every row it names ('baris_semua'), else its own."""
    named = (problem.params or {}).get("baris_semua")
    if named:
        return [int(k) if k.isdigit() else k for k in (k.strip() for k in str(named).split(","))]
    return [row_key(problem.sheet, problem.row)] if problem.row is not None else []


def problem_line(problem, lang: str) -> str:
    """A problem in one line; one whose words name its rows already ('Baris 22, 152 menunjuk …')
    gets no 'Baris 22, kolom …' in front."""
    if (problem.params or {}).get("baris_semua"):
        return tr(problem.key, lang, **problem.params)
    return describe_problem(problem, lang)


def save_blockers(ctx: Context, prepared, *, force: bool) -> list[str]:
    """What makes ``save_enrollment`` refuse this upload whatever the date and hand fixes: the join's
    blocking errors (two rows on one area…) and, unless ``force``, the same file already stored."""
    lines = [problem_line(p, ctx.lang) for p in prepared.blocking]
    try:
        queries.store(ctx.url).refuse_same_file(prepared.file_hash, force=force)
    except RekamError as err:
        lines.append(refusal_text(err, ctx.lang))  # the stored file's time as the office's clock reads it
    return lines


def unmatched_causes(ctx: Context, prepared) -> list[str]:
    """Why each unmatched row is unmatched, as the join said; a row whose code another row of the
    file also carries says so (a duplicated code, the likelier cause than a wrong name)."""
    said = {row_key(p.sheet, p.row): tr(p.key, ctx.lang, **(p.params or {}))
            for p in prepared.join.problems if p.row is not None and not (p.params or {}).get("baris_semua")}
    report = prepared.join.report
    lines = []
    for i, row in prepared.unmatched.iterrows():
        lembar = row["lembar"] if isinstance(row["lembar"], str) else None
        key = row_key(lembar, row["baris"])
        causes = [said.get(key, "")]
        code = row["kode_file"]
        if isinstance(code, str) and code.strip():
            same = report[(report["kode_file"] == code) & (report.index != i)]
            if len(same):
                causes.insert(0, ctx.t("kode_ganda_berkas", kode=code, lain=", ".join(
                    str(row_key(s if isinstance(s, str) else None, b)) for s, b in zip(same["lembar"], same["baris"]))))
        sebab = " ".join(c for c in causes if c) or ctx.t("cara_tidak_cocok")
        lines.append(ctx.t("baris_sebab_lembar", lembar=lembar, baris=row["baris"], sebab=sebab) if lembar else
                     ctx.t("baris_sebab", baris=row["baris"], sebab=sebab))
    return lines


def area_choices(ctx: Context, level: str) -> dict[str, str]:
    names = queries.area_names(ctx.url, ctx.stamp, ctx.area)
    return {k: f"{n} ({k})" for k, n in sorted(names.items(), key=lambda kv: kv[1]) if Level.of_code(k).value == level}


def fix_unmatched(ctx: Context, upload, prepared, level: str) -> None:
    """One picker per row the join could not match: the editor names its area by hand.

    A choice is recorded in a callback, i.e. before the rerun joins the file again with it.
    """
    options = area_choices(ctx, level)
    for row in prepared.unmatched.to_dict("records"):
        suggested = [c["kode"] for c in (row.get("kandidat") or [])]
        lembar = row.get("lembar") if isinstance(row.get("lembar"), str) else None
        key = row_key(lembar, row["baris"])
        fix_key = f"fix_{upload.file_id}_{key}"
        label = (ctx.t("pilih_untuk_baris_lembar", lembar=lembar, baris=row["baris"],
                       nama=row["nama_file"] or row["kode_file"]) if lembar else
                 ctx.t("pilih_untuk_baris", baris=row["baris"], nama=row["nama_file"] or row["kode_file"]))
        st.selectbox(
            label, [None, *suggested, *[k for k in options if k not in suggested]],
            format_func=lambda k: options.get(k, "—"), key=fix_key,
            on_change=lambda key=key, box=fix_key: set_override(upload, key, st.session_state[box]))


def save_enrollment(ctx: Context, prepared, *, tanggal: str, force: bool, allow_date: bool = False) -> int:
    """Store a prepared upload as a new version (editor); returns the version id. A date in the
    future or before the programme is refused unless ``allow_date`` (the editor checked it)."""
    session = require(ctx, "editor")
    return ingest.commit_enrollment(queries.store(ctx.url), prepared, tanggal=tanggal, user=session.username,
                                    force=force, allow_date=allow_date, writer_area=session.wilayah)


# --- points, capacity, event and target files -------------------------------------------------------
def _import_points(kind):
    def run(ctx: Context, data: bytes, name: str, session):
        return ingest.import_points(queries.store(ctx.url), data, kind=kind, file_name=name, user=session.username,
                                    settings=ctx.settings, writer_area=session.wilayah)
    return run


def _import_capacity(function_name):
    def run(ctx: Context, data: bytes, name: str, session):
        done = getattr(ingest, function_name)(queries.store(ctx.url), data, session.username, file_name=name,
                                              max_bytes=ctx.settings.max_upload_bytes, writer_area=session.wilayah)
        return done.version_id, done.rows
    return run


def _import_events(ctx: Context, data: bytes, name: str, session):
    version = ingest.import_events(queries.store(ctx.url), data, session.username, file_name=name,
                                   settings=ctx.settings, writer_area=session.wilayah)
    history = queries.store(ctx.url).history()
    return version, int(history.loc[history["id"] == version, "row_count"].iloc[0])


def _import_targets(ctx: Context, data: bytes, name: str, session):
    return ingest.import_targets(queries.store(ctx.url), data, user=session.username, file_name=name,
                                 settings=ctx.settings, writer_area=session.wilayah)


# Other files an editor imports: kind -> importer(context, bytes, file name, session) -> (version, count)
OTHER_IMPORTS = {
    "lokasi": _import_points("lokasi"),
    "sekolah": _import_points("sekolah"),
    "perangkat": _import_capacity("import_inventory"),
    "blangko": _import_capacity("import_blank_stock"),
    "peristiwa": _import_events,
    "target": _import_targets,
}


def save_other(ctx: Context, kind: str, upload) -> tuple[int, int]:
    """Import a file of ``kind`` (see OTHER_IMPORTS) as an editor; returns (version id, rows)."""
    session = require(ctx, "editor")
    return OTHER_IMPORTS[kind](ctx, upload.getvalue(), upload.name, session)


def save_event(ctx: Context, kode: str, jenis: str, start, end, note: str) -> int:
    """Record an event (a campaign, an outage…) as an editor; returns the version id."""
    from geo import events

    session = require(ctx, "editor")
    return events.add_event(queries.store(ctx.url), kode, jenis, start, end, note, session.username,
                            writer_area=session.wilayah)


PREVIEW_WIDTH = 8  # template columns shown on the page at once (a 1366 px screen); the file holds all


def template_preview(ctx: Context, frame) -> None:
    """The first rows of a template; optional columns past PREVIEW_WIDTH named under it, not drawn."""
    grid(frame.head(10).iloc[:, :PREVIEW_WIDTH])
    if frame.shape[1] > PREVIEW_WIDTH:
        st.caption(ctx.t("templat_kolom_lain", kolom=", ".join(frame.columns[PREVIEW_WIDTH:])))


def template_frame(ctx: Context, kind: str):
    """The template an editor downloads, with the chosen area's codes and names filled in."""
    store = queries.store(ctx.url)
    if kind == "perangkat":
        return ingest.inventory_template(store, within=ctx.area)
    if kind == "blangko":
        return ingest.blank_stock_template(store, within=ctx.area)
    return ingest.template(store, within=ctx.area, level=kind)


# --- versions ------------------------------------------------------------------------------------
# The store writes UTC; people read the time of their office (``geo.fmt.OFFICE_TZ``, WIB).
def _office_moment(stamp) -> datetime | None:
    if not isinstance(stamp, str) or not stamp:
        return None
    moment = datetime.fromisoformat(stamp)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(fmt.OFFICE_TZ)


def office_time(stamp) -> str:
    """A stored UTC timestamp as the office's clock reads it, short for a table: ``2026-12-06 14:15``."""
    moment = _office_moment(stamp)
    return f"{moment:%Y-%m-%d %H:%M}" if moment else (stamp or "")


def _kind_word(ctx: Context, kind: str) -> str:
    base, _, sub = kind.partition(":")
    return ctx.t(f"jenis_versi_{base}") + (f" ({sub})" if sub else "")


HISTORY_COLUMNS = ["id", "kind", "waktu", "user", "file_name", "row_count", Col.TANGGAL, "status"]


def history_view(ctx: Context):
    """Versions as an officer reads them: localised headers, kinds, counts and dates; the time of the
    import in the office's time zone."""
    hist = queries.store(ctx.url).history()
    out = hist.assign(
        status=[ctx.t("aktif") if a else ctx.t("dibatalkan_status") for a in hist["active"]],
        kind=[_kind_word(ctx, k) for k in hist["kind"]],
        waktu=[office_time(c) for c in hist["created_at"]],
        row_count=[fmt.number(n, lang=ctx.lang) for n in hist["row_count"]],
        tanggal=[fmt.long_date(t, ctx.lang) if isinstance(t, str) and t else "" for t in hist[Col.TANGGAL]],
    )
    headers = {c: ctx.t(f"riwayat_{c}") for c in HISTORY_COLUMNS} | {"waktu": ctx.t("riwayat_waktu", zona=fmt.OFFICE_TZ_NAME)}
    return out[HISTORY_COLUMNS].rename(columns=headers)


def history_columns(ctx: Context, view) -> dict:
    """``st.dataframe`` column_config for ``history_view``'s table: each column as wide as its widest
    value or header, the status as wide as its longer word ('dibatalkan', once a version is rolled
    back), so the last column is not cut at the table's right edge."""
    status = {ctx.t("riwayat_status"): [ctx.t("aktif"), ctx.t("dibatalkan_status")]}
    return {h: st.column_config.Column(width=ceil(max(text_px(str(v)) for v in [h, *view[h], *status.get(h, [])])
                                                  + CELL_PADDING_PX))
            for h in view.columns}


def version_labels(ctx: Context) -> dict[int, str]:
    """Each version as a clerk tells it apart when rolling back: 'Versi 7 — peristiwa, peristiwa.csv,
    diimpor 6 Desember 2026' (the data's own date when it has one: 'data per 30 November 2026')."""
    hist = queries.store(ctx.url).history()
    labels = {}
    for row in hist.to_dict("records"):
        day = row.get(Col.TANGGAL)
        if isinstance(day, str) and day:
            when = ctx.t("versi_data_per", tanggal=fmt.long_date(day, ctx.lang))
        else:
            moment = _office_moment(row["created_at"])
            when = ctx.t("versi_diimpor", tanggal=fmt.long_date(moment.date(), ctx.lang)) if moment else ""
        labels[int(row["id"])] = ctx.t("versi_pilihan", versi=row["id"], jenis=_kind_word(ctx, row["kind"]),
                                       berkas=row["file_name"] or "—", tanggal=when).rstrip(", ")
    return labels


def active_versions(ctx: Context) -> list[int]:
    hist = queries.store(ctx.url).history()
    return [int(v) for v in hist.loc[hist["active"], "id"]]


def rollback(ctx: Context, version: int) -> None:
    """Undo ``version`` (editor of every area it holds); the figures it brought disappear for every
    viewer at once, on every replica (their caches key on the store's stamp)."""
    session = require(ctx, "editor")
    ingest.rollback(queries.store(ctx.url), version, user=session.username, writer_area=session.wilayah)

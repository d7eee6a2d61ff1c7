"""What editors put into the store: uploads and their join report, hand fixes, other imports,
templates, events, the version history and rollback.

Pages never touch the store: every write goes through a function here, which checks the
editor's role again just before writing (``ui.account.require``), passes the editor's area
as the account has it now (``writer_area``: rows of other areas are refused) and records who
wrote.
"""
from __future__ import annotations

import streamlit as st

from geo import fmt, ingest
from geo.join import row_key
from geo.schema import Col, FileRefused, Level
from geo.text import tr
from ui import queries
from ui.account import require
from ui.context import Context

TEMPLATES = ["desa", "kecamatan", "perangkat", "blangko"]


# --- the uploader and hand fixes ---------------------------------------------------------------
def uploader_key(name: str) -> str:
    """A file_uploader key that ``forget_upload`` can reset (dropping the file from memory)."""
    return f"up_{name}_{st.session_state.get(f'up_{name}_n', 0)}"


def forget_upload(name: str) -> None:
    st.session_state[f"up_{name}_n"] = st.session_state.get(f"up_{name}_n", 0) + 1


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
        if p.row is not None:
            notes.setdefault(row_key(p.sheet, p.row), []).append(tr(p.key, ctx.lang, **(p.params or {})))
    report["alasan"] = ["; ".join(notes.get(row_key(s, b), [])) for s, b in zip(report["lembar"], report["baris"])]
    report["kandidat"] = [", ".join(f"{c['nama']} ({c['kode']})" for c in (k or [])) for k in report["kandidat"]]
    sheets = ["lembar"] if report["lembar"].notna().any() else []  # a workbook read whole: rows per sheet
    cols = [*sheets, "baris", "kode_file", "nama_file", "cara", "kode", "nama", "alasan", "kandidat"]
    return report[cols].rename(columns={c: ctx.t(f"lap_{c}") for c in cols})


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
    st.dataframe(frame.head(10).iloc[:, :PREVIEW_WIDTH], hide_index=True)
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
def history_view(ctx: Context):
    """Versions as an officer reads them: localised headers, kinds and dates."""
    hist = queries.store(ctx.url).history()
    out = hist.assign(
        status=[ctx.t("aktif") if a else ctx.t("dibatalkan_status") for a in hist["active"]],
        kind=[ctx.t(f"jenis_versi_{k.split(':')[0]}") + (f" ({k.split(':')[1]})" if ":" in k else "")
              for k in hist["kind"]],
        created_at=[c.replace("T", " ")[:16] for c in hist["created_at"]],
        tanggal=[fmt.long_date(t, ctx.lang) if isinstance(t, str) and t else "" for t in hist[Col.TANGGAL]],
    )
    cols = ["id", "kind", "created_at", "user", "file_name", "row_count", Col.TANGGAL, "status"]
    return out[cols].rename(columns={c: ctx.t(f"riwayat_{c}") for c in cols})


def active_versions(ctx: Context) -> list[int]:
    hist = queries.store(ctx.url).history()
    return [int(v) for v in hist.loc[hist["active"], "id"]]


def rollback(ctx: Context, version: int) -> None:
    """Undo ``version`` (editor of every area it holds); the figures it brought disappear for every
    viewer at once, on every replica (their caches key on the store's stamp)."""
    session = require(ctx, "editor")
    ingest.rollback(queries.store(ctx.url), version, user=session.username, writer_area=session.wilayah)

"""The Data page's boundaries desk: upload, how each feature matched, hand picks, and storing.

A file with Kemendagri codes is read as it is. A file without (GADM, geoBoundaries, OSM, BIG
without PUM codes) is matched by name to the official code table (``geo.ingest.prepare_boundaries``);
the editor sees how each feature matched, names the area of a feature left unmatched or matched
only by a similar name (``overrides``, as rows of an enrollment file are fixed by hand), and may
store the file without the features still unmatched. Nothing is written before Save.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import ingest
from geo.codes import official_areas, official_name
from geo.join import MATCHED
from geo.schema import LEVELS, Col, FileRefused, Level, RekamError
from geo.text import describe_problem, tr
from ui import queries
from ui.tables import grid
from ui.account import require
from ui.context import Context, fail, flash
from ui.uploads import forget_upload, set_override, uploader_key

LEVEL_CHOICES = [None, Level.DESA.value, Level.KECAMATAN.value, Level.KABUPATEN.value]  # None: the file says
_MATCHED = [m.value for m in MATCHED]
_SURE = ("kode", "nama")  # ways of matching that need no second look
MAX_CHOICES = 2000  # a picker beyond this is unusable; the candidates are offered instead


def boundary_desk(ctx: Context) -> None:
    """The boundaries tab of the Data page (an editor is logged in)."""
    up = st.file_uploader(ctx.t("unggah_batas"), type=["geojson", "json", "gpkg", "zip"], key=uploader_key("batas"))
    c1, c2 = st.columns(2)
    level = c1.radio(ctx.t("peta_tingkat"), LEVEL_CHOICES, horizontal=True, key="batas_level",
                     format_func=lambda v: ctx.t(f"tingkat_{v}") if v else ctx.t("batas_tingkat_otomatis"))
    within = _search_area(ctx, c2)
    if up is None:
        return
    try:  # a refused file stays in the uploader: a level or search area chosen above may fix it
        prepared = prepare_boundary_upload(ctx, up, level=level, within=within)
    except RekamError as err:
        fail(ctx, err)
        return
    skip = False
    if prepared.join is not None:
        feature_report(ctx, prepared)
        fix_features(ctx, up, prepared, within)
        skip = bool(len(prepared.unmatched)) and st.checkbox(ctx.t("batas_lewati_tak_cocok"), key="batas_lewati")
    st.caption(ctx.t("batas_akan_disimpan", ringkas=_levels_text(ctx, prepared)))
    blocked = bool(prepared.blocking) or (bool(len(prepared.unmatched)) and not skip)
    if st.button(ctx.t("simpan"), key="simpan_batas", type="primary", disabled=blocked):
        try:
            with st.spinner(ctx.t("peta_disiapkan")):
                version = save_prepared_boundaries(ctx, prepared, skip_unmatched=skip)
        except RekamError as err:
            fail(ctx, err)
        else:
            forget_upload("batas")
            flash(ctx.t("tersimpan_batas", versi=version, jumlah=len(prepared.loaded.areas)))
            st.rerun()


def _search_area(ctx: Context, column) -> str | None:
    """Where names of a file without codes are searched: the editor's own area when the account is
    limited to one; else the chosen kabupaten/kota (when it is an official one) or the whole
    country by the parents' names the file gives."""
    session = require(ctx, "editor")
    if session.wilayah:
        return session.wilayah
    if not ctx.area or official_name(ctx.area) is None:
        return None
    return column.radio(ctx.t("batas_cari_di"), [ctx.area, None], key="batas_dalam", help=ctx.t("batas_cari_di_bantuan"),
                        format_func=lambda k: f"{official_name(k)} ({k})" if k else ctx.t("batas_cari_nasional"))


def prepare_boundary_upload(ctx: Context, upload, *, level: str | None, within: str | None):
    """Read an uploaded boundary file and match its features (hand picks of this upload applied);
    writes nothing. Raises RekamError subclasses (refused file, too large, already stored)."""
    require(ctx, "editor")
    limit = ctx.settings.max_upload_mb
    if upload.size > limit * 1024 * 1024:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=round(upload.size / 1048576, 1), maks_mb=limit)
    overrides = st.session_state.get(f"overrides_{upload.file_id}", {})
    return ingest.prepare_boundaries(queries.store(ctx.url), upload.getvalue(), level=level, file_name=upload.name,
                                     within=within, overrides=dict(overrides))


def save_prepared_boundaries(ctx: Context, prepared, *, skip_unmatched: bool) -> int:
    """Store prepared boundaries as a new version (editor; areas outside the account's area are
    refused); returns the version id."""
    session = require(ctx, "editor")
    return ingest.commit_boundaries(queries.store(ctx.url), prepared, user=session.username,
                                    skip_unmatched=skip_unmatched, writer_area=session.wilayah)


# --- what was matched ----------------------------------------------------------------------------
def feature_report(ctx: Context, prepared) -> None:
    """Counts per way matched, the features that need a look (with candidates), errors, warnings."""
    report = prepared.join.report
    st.info(ctx.t("batas_skema_nama", skema=prepared.loaded.report.get("skema"), jumlah=len(report)))
    st.markdown(" · ".join(f"{ctx.t(f'cara_{k}')}: **{n}**" for k, n in report["cara"].value_counts().items()))
    look = report[~report["cara"].isin(_SURE) | report["alasan"].notna()]
    if len(look):
        st.subheader(ctx.t("batas_perlu_dilihat"))
        grid(feature_view(ctx, look), width="stretch")
    for problem in prepared.join.problems:
        (st.error if problem.severity == "error" else st.warning)(describe_problem(problem, ctx.lang))


def feature_view(ctx: Context, report: pd.DataFrame) -> pd.DataFrame:
    """Report rows as people read them: feature, level, parent and name as written, how matched, the
    area, the closest candidates."""
    out = pd.DataFrame({
        ctx.t("batas_kol_fitur"): report["baris"].astype(int),
        ctx.t("peta_tingkat"): [ctx.t(f"tingkat_{t}") if isinstance(t, str) else "–" for t in report["tingkat"]],
        ctx.t("batas_kol_induk"): report["nama_induk_file"].fillna("–"),
        ctx.t("lap_nama_file"): report["nama_file"].fillna("–"),
        ctx.t("lap_cara"): [ctx.t(f"cara_{c}") for c in report["cara"]],
        ctx.t("lap_kode"): report["kode"].fillna("–"),
        ctx.t("lap_nama"): report["nama"].fillna("–"),
        ctx.t("lap_kandidat"): [", ".join(f"{c['nama']} ({c['kode']})" for c in (k or [])) or "–"
                                for k in report["kandidat"]],
    })
    return out.reset_index(drop=True)


def fix_features(ctx: Context, upload, prepared, within: str | None) -> None:
    """One picker per feature not matched, matched by a similar name or picked by hand: the editor
    names its area (official areas of the feature's level where it was searched). A choice is
    recorded in a callback, i.e. before the rerun matches the file again with it."""
    report = prepared.join.report
    rows = report[~report["cara"].isin(_SURE) & report["tingkat"].notna()]
    if not len(rows):
        return
    unmatched = int((~rows["cara"].isin(_MATCHED)).sum())
    if unmatched:
        st.warning(ctx.t("batas_pilih_fitur", jumlah=unmatched))
    for row in rows.to_dict("records"):
        options = feature_choices(row, report, within)
        current = row["kode"] if row["cara"] in _MATCHED else None
        codes = [None, *options]
        box = f"batas_fix_{upload.file_id}_{row['baris']}"
        st.selectbox(ctx.t("batas_pilih_untuk_fitur", baris=row["baris"], nama=row["nama_file"] or "–"), codes,
                     index=codes.index(current) if current in codes else 0, key=box,
                     format_func=lambda k: options.get(k, "—"),
                     on_change=lambda b=int(row["baris"]), box=box: set_override(upload, b, st.session_state[box]))


def feature_choices(row: dict, report: pd.DataFrame, within: str | None) -> dict[str, str]:
    """{kode: "Nama (kode)"} a feature may be named as: its candidates first, then the official areas
    of its level inside where it was searched (``within``, the candidates' parents, else the parents
    of the file's features of that level already matched)."""
    level = Level(row["tingkat"])
    candidates = {c["kode"]: f"{c['nama']} ({c['kode']})" for c in (row.get("kandidat") or [])}
    if row["cara"] in _MATCHED and row.get("kode"):
        candidates.setdefault(row["kode"], f"{row['nama']} ({row['kode']})")
    scopes = {within} if within else set()
    scopes |= {k.rsplit(".", 1)[0] for k in candidates if "." in k}
    if not scopes:
        same = report[(report["tingkat"] == level.value) & report["cara"].isin(_MATCHED)]
        scopes = {k.rsplit(".", 1)[0] for k in same["kode"] if isinstance(k, str) and "." in k}
    areas = official_areas()
    codes = areas[Col.KODE]
    inside = codes.str.count(r"\.") + 1 == level.depth
    if scopes:
        inside &= codes.str.startswith(tuple(s + "." for s in scopes))
    elif level.depth > 2:  # a kecamatan or desa searched nowhere in particular: too many to list
        return candidates
    found = areas[inside].sort_values(Col.NAMA).head(MAX_CHOICES)
    return {**candidates, **{k: f"{n} ({k})" for k, n in zip(found[Col.KODE], found[Col.NAMA]) if k not in candidates}}


def _levels_text(ctx: Context, prepared) -> str:
    """"54 Desa/kelurahan, 7 Kecamatan, …": the areas that will be stored, by level."""
    counts = prepared.loaded.areas[Col.LEVEL].value_counts()
    return ", ".join(f"{int(counts[lvl.value])} {tr(f'tingkat_{lvl.value}', ctx.lang)}"
                     for lvl in reversed(LEVELS) if lvl.value in counts) or "0"

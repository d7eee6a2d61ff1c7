"""Targets in words: target against actual per area, for the CLI, Beranda, Tren and downloads."""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import (LAJU, LAJU_DIBUTUHKAN, PROYEKSI_LEWAT, SELISIH_TARGET, STATUS, STATUS_TARGET, SUMBER_TARGET,
                         TANGGAL_PROYEKSI, TARGET_PERSEN, TENGGAT)
from geo.present.common import first_named, sortable_table
from geo.present.trend import WHEN, status_labels, threshold_text, when_keys, when_text, when_words
from geo.schema import Col
from geo.text import tr

VIEW_COLUMNS = [Col.KODE, Col.NAMA, Col.CAKUPAN, TARGET_PERSEN, TENGGAT, SELISIH_TARGET, STATUS_TARGET,
                TANGGAL_PROYEKSI, LAJU, LAJU_DIBUTUHKAN, SUMBER_TARGET]
_HEADERS = {Col.KODE: "kol_kode", Col.NAMA: "kol_nama", Col.CAKUPAN: "kol_cakupan", TARGET_PERSEN: "kol_target",
            TENGGAT: "kol_tenggat", SELISIH_TARGET: "kol_selisih_target", STATUS_TARGET: "kol_status_target",
            TANGGAL_PROYEKSI: "kol_tanggal_proyeksi", LAJU: "kol_laju", LAJU_DIBUTUHKAN: "kol_perlu",
            SUMBER_TARGET: "kol_sumber_target"}


def behind(table: pd.DataFrame) -> pd.DataFrame:
    """The areas behind their target (``vs_target`` rows with status ``tertinggal``), furthest behind first."""
    rows = table[table[STATUS_TARGET] == "tertinggal"]
    return rows.sort_values(SELISIH_TARGET, ignore_index=True)


def target_view(table: pd.DataFrame, lang: str = "id", *, for_people: bool = True) -> pd.DataFrame:
    """A ``vs_target`` frame for reading: with ``for_people``, localised headers and numbers as
    text (``82,74%``, ``-9,26 poin``, ``31 Desember 2026``); else the plain values (CSV/JSON)
    with the status and source as words."""
    out = table.reindex(columns=VIEW_COLUMNS).copy()
    out[STATUS_TARGET] = status_labels(table, lang)
    out[SUMBER_TARGET] = [tr(f"target_sumber_{s}", lang) if isinstance(s, str) else "–" for s in out[SUMBER_TARGET]]
    if not for_people:
        return out
    out[Col.CAKUPAN] = [fmt.percent(v, 2, lang) for v in out[Col.CAKUPAN]]
    out[TARGET_PERSEN] = [threshold_text(v, lang) if pd.notna(v) else "–" for v in out[TARGET_PERSEN]]
    out[SELISIH_TARGET] = [fmt.signed(v, 2, lang, tr("poin", lang)) for v in out[SELISIH_TARGET]]
    out[TENGGAT] = [fmt.long_date(v, lang) for v in out[TENGGAT]]
    # the projected day in the words Tren uses: a date, 'sudah tercapai', 'tidak tercapai' (no date at this
    # rate), '–' (no trend)
    out[TANGGAL_PROYEKSI] = [when_words({k: None if pd.isna(v) else v for k, v in row.items()}, lang)
                             for row in table[[TANGGAL_PROYEKSI, PROYEKSI_LEWAT, STATUS]].to_dict("records")]
    out[LAJU] = [fmt.rate(v, lang) for v in out[LAJU]]
    out[LAJU_DIBUTUHKAN] = [fmt.number(v, 0, lang) for v in out[LAJU_DIBUTUHKAN]]
    return out.rename(columns={c: tr(k, lang) for c, k in _HEADERS.items()})


SORTED_COLUMNS = {Col.NAMA: "kol_nama", Col.CAKUPAN: "kol_cakupan", TARGET_PERSEN: "kol_target",
                  SELISIH_TARGET: "kol_selisih_target", STATUS_TARGET: "kol_status_target",
                  WHEN: "kol_tanggal_proyeksi", LAJU_DIBUTUHKAN: "kol_perlu"}


def target_table(table: pd.DataFrame, lang: str = "id"):
    """A ``vs_target`` frame for a screen whose reader sorts it by a click on a title (``sortable_table``:
    coverage, gap, needed per day and the projected day sort by value, not as text), in its order: name,
    coverage, the target (left out when every row has the same one: the page says it under the table),
    gap, status in Tren's words, the projected day in words (``when_keys``), needed per day."""
    keys, words = when_keys(table.to_dict("records"), lang)
    frame = table.reset_index(drop=True).assign(**{WHEN: keys, STATUS_TARGET: status_labels(table, lang)})
    for column in (Col.CAKUPAN, TARGET_PERSEN, SELISIH_TARGET, LAJU_DIBUTUHKAN):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    columns = dict(SORTED_COLUMNS)
    if frame[TARGET_PERSEN].dropna().nunique() <= 1:
        del columns[TARGET_PERSEN]
    own = {TARGET_PERSEN: lambda v, lang: threshold_text(v, lang),
           SELISIH_TARGET: lambda v, lang: fmt.signed(v, 2, lang, tr("poin", lang)),
           WHEN: when_text(words), LAJU_DIBUTUHKAN: lambda v, lang: fmt.number(v, lang=lang)}
    return sortable_table(frame, list(columns), lang, formatters=own, headers=columns)


def summary_words(children: pd.DataFrame, key: str, lang: str = "id", named: int = 0, despite: bool = False) -> str:
    """How many of the ``vs_target`` rows ``children`` will not make it in time (the first ``named`` of
    them by name, furthest behind first), reached the target and are in time at this rate, in the
    sentence ``key`` (its level's words; a count of none left out but the late one); the ones whose
    projected day is already past (old data) are counted apart, as their rows say 'mestinya sudah
    tercapai'. ``despite``: the area above them is in time, so a late count reads "Namun …"."""
    status = children[STATUS_TARGET]
    past = (status == "di_jalur") & (children[PROYEKSI_LEWAT] == True)  # noqa: E712 (a NaN is not True)
    late = children[status == "tertinggal"].sort_values(SELISIH_TARGET)
    words = tr(key, lang, n=len(children), tertinggal=len(late))
    if named and len(late):
        words += ": " + first_named([str(n) for n in late[Col.NAMA]], named, lang)
    for part, n in (("target_beranda_tercapai", int((status == "tercapai").sum())),
                    ("target_beranda_jalur", int(((status == "di_jalur") & ~past).sum()))):
        words += f"; {tr(part, lang, n=n)}" if n else ""
    words = (tr("target_beranda_namun", lang, kalimat=words) if despite and len(late) else words) + "."
    return words + (" " + tr("target_beranda_lewat", lang, n=int(past.sum())) if past.any() else "")


EDITOR_COLUMNS = [Col.KODE, "tahun", "bulan", "target_persen", "target_rekam", "keterangan"]
EDITOR_HEADERS = {Col.KODE: "kol_kode", "tahun": "kol_tahun", "bulan": "kol_bulan", "target_persen": "kol_target",
                  "target_rekam": "kol_target_rekam", "keterangan": "kol_keterangan"}


def editor_view(targets: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Targets in force (``geo.targets.current_targets``) as an editor shows them: every cell text
    as people type it (``92,5``, ``12.345``; bulan empty for the whole year), EDITOR_COLUMNS."""
    out = pd.DataFrame({
        Col.KODE: targets[Col.KODE].astype(str),
        "tahun": [str(int(v)) for v in targets["tahun"]],
        "bulan": ["" if not v else str(int(v)) for v in targets["bulan"]],
        "target_persen": ["" if pd.isna(v) else fmt.number(v, 2, lang).rstrip("0").rstrip(",.") for v in
                          targets["target_persen"]],
        "target_rekam": ["" if pd.isna(v) else fmt.number(v, 0, lang) for v in targets["target_rekam"]],
        "keterangan": ["" if pd.isna(v) else str(v) for v in targets["keterangan"]],
    }, columns=EDITOR_COLUMNS)
    return out.astype("string").reset_index(drop=True)  # text even when empty: the editor types text


def digest_view(digests: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The digests kept (``geo.alerts.digests``) for reading: when, who, how, to whom, how many,
    the text's first line."""
    out = pd.DataFrame({
        tr("kol_waktu", lang): [fmt.long_date(str(v)[:10], lang) + " " + str(v)[11:16] for v in digests["created_at"]],
        tr("kol_pengguna", lang): digests["user"],
        tr("kol_saluran", lang): [tr(f"saluran_{c}", lang) for c in digests["channel"]],
        tr("kol_penerima", lang): digests["recipients"].fillna("–"),
        tr("kol_jumlah_peringatan", lang): digests["n_alerts"],
        tr("kol_isi", lang): [str(t).splitlines()[0] if t else "" for t in digests["text"]],
    })
    return out

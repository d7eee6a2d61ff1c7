"""Targets in words: target against actual per area, for the CLI, Beranda, Tren and downloads."""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import (LAJU, LAJU_DIBUTUHKAN, SELISIH_TARGET, STATUS_TARGET, SUMBER_TARGET, TANGGAL_PROYEKSI,
                         TARGET_PERSEN, TENGGAT)
from geo.present.trend import threshold_text
from geo.schema import Col
from geo.text import tr

VIEW_COLUMNS = [Col.KODE, Col.NAMA, Col.CAKUPAN, TARGET_PERSEN, TENGGAT, SELISIH_TARGET, STATUS_TARGET,
                TANGGAL_PROYEKSI, LAJU, LAJU_DIBUTUHKAN, SUMBER_TARGET]
_HEADERS = {Col.KODE: "kol_kode", Col.NAMA: "kol_nama", Col.CAKUPAN: "kol_cakupan", TARGET_PERSEN: "kol_target",
            TENGGAT: "kol_tenggat", SELISIH_TARGET: "kol_selisih_target", STATUS_TARGET: "kol_status_target",
            TANGGAL_PROYEKSI: "kol_tanggal_proyeksi", LAJU: "kol_laju", LAJU_DIBUTUHKAN: "kol_perlu",
            SUMBER_TARGET: "kol_sumber_target"}


def status_word(status: str, lang: str = "id") -> str:
    return tr(f"target_status_{status}", lang)


def behind(table: pd.DataFrame) -> pd.DataFrame:
    """The areas behind their target (``vs_target`` rows with status ``tertinggal``), furthest behind first."""
    rows = table[table[STATUS_TARGET] == "tertinggal"]
    return rows.sort_values(SELISIH_TARGET, ignore_index=True)


def target_view(table: pd.DataFrame, lang: str = "id", *, for_people: bool = True) -> pd.DataFrame:
    """A ``vs_target`` frame for reading: with ``for_people``, localised headers and numbers as
    text (``82,74%``, ``-9,26 poin``, ``31 Desember 2026``); else the plain values (CSV/JSON)
    with the status and source as words."""
    out = table.reindex(columns=VIEW_COLUMNS).copy()
    out[STATUS_TARGET] = [status_word(s, lang) for s in out[STATUS_TARGET]]
    out[SUMBER_TARGET] = [tr(f"target_sumber_{s}", lang) if isinstance(s, str) else "–" for s in out[SUMBER_TARGET]]
    if not for_people:
        return out
    out[Col.CAKUPAN] = [fmt.percent(v, 2, lang) for v in out[Col.CAKUPAN]]
    out[TARGET_PERSEN] = [threshold_text(v, lang) if pd.notna(v) else "–" for v in out[TARGET_PERSEN]]
    out[SELISIH_TARGET] = [fmt.signed(v, 2, lang, tr("poin", lang)) for v in out[SELISIH_TARGET]]
    for c in (TENGGAT, TANGGAL_PROYEKSI):
        out[c] = [fmt.long_date(v, lang) for v in out[c]]
    out[LAJU] = [fmt.number(v, 1, lang) for v in out[LAJU]]
    out[LAJU_DIBUTUHKAN] = [fmt.number(v, 0, lang) for v in out[LAJU_DIBUTUHKAN]]
    return out.rename(columns={c: tr(k, lang) for c, k in _HEADERS.items()})

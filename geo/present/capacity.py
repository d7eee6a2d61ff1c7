"""Capacity, allocation and the card pipeline for people: backlog days as words, tables with
localised headers, and one sentence per kecamatan that is stuck or records offline."""
from __future__ import annotations

import math

import pandas as pd

from geo import fmt
from geo.capacity import RECORDING_KINDS, Allocation
from geo.columns import (
    ALAT_AKTIF, ALAT_EFEKTIF, ALAT_ID, ALAT_MOBILE_AKTIF, ALAT_TOTAL, BATAS_HARI, BELUM_PER_ALAT, DATA_ALAT,
    DIPROSES, HARI, HARI_BACKLOG, HARI_SEBELUM, HARI_SESUDAH, HARI_SETELAH_PINJAM, HARI_TANPA_ALAT, JENIS,
    KETERANGAN, KODE_KEC, KONEKSI, NAMA_KEC, NAMA_LOKASI, OPERATOR, OPERATOR_BARU, PERSEN_CETAK, SEJAK, STATUS,
    TANPA_ALAT_SEJAK, TUJUAN_HARI_SESUDAH, TUJUAN_KODE, TUJUAN_NAMA, URUTAN,
)
from geo.schema import Col
from geo.text import tr


def days_text(value, lang: str = "id", decimals: int = 1) -> str:
    """Backlog days as text: ``84,1``; ``∞ (tanpa alat)`` for inf; ``–`` when unknown."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return tr("kap_tak_hingga", lang)
    return fmt.number(value, decimals, lang)


def _word(prefix: str, value, lang: str) -> str:
    return tr(f"{prefix}_{value}", lang) if isinstance(value, str) and value else "–"


def capacity_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The capacity table for people (text, localised headers), longest backlog first."""
    order = table.assign(_d=table[HARI_BACKLOG].fillna(-1)).sort_values(["_d", Col.KODE], ascending=[False, True])
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): order[Col.KODE],
        t("kkap_nama"): order[Col.NAMA],
        t("kkap_alat"): [tr("kkap_alat_isi", lang, aktif=a, total=n)
                         for a, n in zip(order[ALAT_AKTIF], order[ALAT_TOTAL])],
        t("kkap_operator"): [fmt.number(None if pd.isna(o) else o, lang=lang) for o in order[OPERATOR]],
        t("kkap_koneksi"): [_word("kap_koneksi", k, lang) for k in order[KONEKSI]],
        t("kkap_belum"): [fmt.number(None if pd.isna(b) else b, lang=lang) for b in order[Col.BELUM]],
        t("kkap_belum_per_alat"): [days_text(v, lang, 0) for v in order[BELUM_PER_ALAT]],
        t("kkap_hari"): [days_text(v, lang) for v in order[HARI_BACKLOG]],
    }).reset_index(drop=True)


def sites_down_view(down: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Devices down, for people: site, kecamatan, device, kind, status, since, days, note."""
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_lokasi"): down[NAMA_LOKASI],
        t("kkap_nama"): down[NAMA_KEC],
        t("kkap_alat_id"): down[ALAT_ID],
        t("kkap_jenis"): [_word("kap_jenis", j, lang) for j in down[JENIS]],
        t("kkap_status"): [_word("kap_status", s, lang) for s in down[STATUS]],
        t("kkap_sejak"): [fmt.long_date(s, lang) for s in down[SEJAK]],
        t("kkap_lama"): [fmt.number(h, lang=lang) for h in down[HARI]],
        t("kkap_keterangan"): down[KETERANGAN].fillna("").astype(str),
    })


def allocation_view(plan: Allocation, lang: str = "id") -> pd.DataFrame:
    """One row per new unit, for people: which kecamatan, its backlog days before → after."""
    t = lambda k: tr(k, lang)  # noqa: E731
    s = plan.steps
    view = pd.DataFrame({
        t("kkap_urutan" if plan.unit == "alat" else "kkap_urutan_operator"): s[URUTAN].astype(str),
        t("kkap_kode"): s[Col.KODE],
        t("kkap_nama"): s[Col.NAMA],
        t("kkap_sebelum"): [days_text(v, lang) for v in s[HARI_SEBELUM]],
        t("kkap_sesudah"): [days_text(v, lang) for v in s[HARI_SESUDAH]],
    })
    if plan.unit == "alat":
        view[t("kkap_operator_baru")] = ["–" if pd.isna(o) else t("kap_ya" if o else "kap_tidak")
                                         for o in s[OPERATOR_BARU]]
    return view


def lenders_view(frame: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``capacity.lenders``' frame for people: who lends, its backlog before and while lending, the borrower."""
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): frame[Col.KODE],
        t("kkap_nama"): frame[Col.NAMA],
        t("kkap_mobile"): frame[ALAT_MOBILE_AKTIF].astype(str),
        t("kkap_hari"): [days_text(v, lang) for v in frame[HARI_BACKLOG]],
        t("kkap_hari_pinjam"): [days_text(v, lang) for v in frame[HARI_SETELAH_PINJAM]],
        t("kkap_batas"): [days_text(v, lang) for v in frame[BATAS_HARI]],
        t("kkap_tujuan"): [f"{n} ({k})" if k else "–" for k, n in zip(frame[TUJUAN_KODE], frame[TUJUAN_NAMA])],
        t("kkap_tujuan_hari"): [days_text(v, lang) for v in frame[TUJUAN_HARI_SESUDAH]],
    })


def funnel_view(funnel: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """``cards.card_funnel``'s frame for people: counts as text, percent printed, localised headers."""
    t = lambda k: tr(k, lang)  # noqa: E731
    num = lambda v: fmt.number(None if pd.isna(v) else v, lang=lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_kode"): funnel[Col.KODE],
        t("kkap_nama"): funnel[Col.NAMA],
        t("kkap_sudah"): [num(v) for v in funnel[Col.SUDAH]],
        t("kkap_prr"): [num(v) for v in funnel[Col.PRR]],
        t("kkap_cetak"): [num(v) for v in funnel[Col.CETAK]],
        t("kkap_diproses"): [num(v) for v in funnel[DIPROSES]],
        t("kkap_persen_cetak"): [fmt.percent(v, 1, lang) for v in funnel[PERSEN_CETAK]],
    }).reset_index(drop=True)


def stuck_messages(table: pd.DataFrame, down: pd.DataFrame, lang: str = "id") -> list[str]:
    """One sentence per kecamatan that cannot record: since when, why, how many wait."""
    out = []
    for r in table.sort_values(Col.KODE).to_dict("records"):
        belum = None if pd.isna(r[Col.BELUM]) else int(r[Col.BELUM])
        if not r[DATA_ALAT] or r[ALAT_EFEKTIF] > 0 or not belum:
            continue
        if r[ALAT_AKTIF] > 0:
            out.append(tr("kap_tanpa_operator", lang, nama=r[Col.NAMA], kode=r[Col.KODE],
                                     alat=r[ALAT_AKTIF]))
            continue
        reasons = " ".join(
            tr("kap_alasan", lang, lokasi=d[NAMA_LOKASI], alat=d[ALAT_ID],
                          status=_word("kap_status", d[STATUS], lang), tanggal=fmt.long_date(d[SEJAK], lang),
                          keterangan=d[KETERANGAN] or "–")
            for d in down[(down[KODE_KEC] == r[Col.KODE]) & down[JENIS].isin(RECORDING_KINDS)].to_dict("records"))
        out.append(tr(
            "kap_macet", lang, nama=r[Col.NAMA], kode=r[Col.KODE], sejak=fmt.long_date(r[TANPA_ALAT_SEJAK], lang),
            hari=fmt.number(r[HARI_TANPA_ALAT], lang=lang) if pd.notna(r[HARI_TANPA_ALAT]) else "–",
            alasan=reasons, belum=fmt.number(belum, lang=lang)))
    return out


def offline_messages(table: pd.DataFrame, lang: str = "id") -> list[str]:
    """One sentence per kecamatan whose sites record offline (figures arrive late)."""
    return [tr("kap_offline", lang, nama=r[Col.NAMA], kode=r[Col.KODE],
                          koneksi=_word("kap_koneksi", r[KONEKSI], lang))
            for r in table.to_dict("records") if r[KONEKSI] == "offline"]

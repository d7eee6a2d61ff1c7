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
from geo.present.common import first_named
from geo.present.trend import threshold_text
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
    """The capacity table for people (text, localised headers), longest backlog first.

    The answer's columns come first (kecamatan, backlog days, not yet recorded) so that a phone,
    which shows only the first two or three columns, shows them; the code goes last."""
    order = table.assign(_d=table[HARI_BACKLOG].fillna(-1)).sort_values(["_d", Col.KODE], ascending=[False, True])
    t = lambda k: tr(k, lang)  # noqa: E731
    return pd.DataFrame({
        t("kkap_nama"): order[Col.NAMA],
        t("kkap_hari"): [days_text(v, lang) for v in order[HARI_BACKLOG]],
        t("kkap_belum"): [fmt.number(None if pd.isna(b) else b, lang=lang) for b in order[Col.BELUM]],
        t("kkap_alat"): [tr("kkap_alat_isi", lang, aktif=a, total=n)
                         for a, n in zip(order[ALAT_AKTIF], order[ALAT_TOTAL])],
        t("kkap_operator"): [fmt.number(None if pd.isna(o) else o, lang=lang) for o in order[OPERATOR]],
        t("kkap_koneksi"): [_word("kap_koneksi", k, lang) for k in order[KONEKSI]],
        t("kkap_belum_per_alat"): [days_text(v, lang, 0) for v in order[BELUM_PER_ALAT]],
        t("kkap_kode"): order[Col.KODE],
    }).reset_index(drop=True)


def capacity_answer(check: dict, deadline: str, lang: str = "id", target: float = 92.0) -> tuple[str, str]:
    """The page's first answer from ``capacity.deadline_check``: (level, sentence). First against the
    zone target the other pages judge by (``target``, hijau): can the working devices, at full pace,
    lift every kecamatan to it before ``deadline`` (those that cannot, named)? Then against everyone
    recorded (100%); then the kecamatan that cannot record at all (∞) and the longest finite backlog.
    Level 'error' when some kecamatan cannot record at all, 'warning' when the devices fall short of the
    target somewhere, 'info' when only of everyone, else 'success'."""
    green = check.get("melebihi_hijau", 0)
    short = check.get("hijau_lewat", [])
    params = {"melebihi": check["melebihi"], "dinilai": check["dinilai"], "tenggat": fmt.long_date(deadline, lang),
              "sisa": fmt.number(check["hari_tersedia"], lang=lang), "target": threshold_text(target, lang),
              "n": len(short), "daftar": first_named([str(nama) for _, nama in short], 5, lang),
              "hijau": tr("kap_jawaban_sudah_hijau", lang, n=green) if green else ""}
    if check["hari_tersedia"] <= 0:
        parts = [tr("kap_jawaban_lewat", lang, **params)]
    else:
        parts = [tr("kap_jawaban_hijau_kurang" if short else "kap_jawaban_hijau_cukup", lang, **params),
                 tr("kap_jawaban_semua_kurang" if check["melebihi"] else "kap_jawaban_semua_cukup", lang, **params)]
    if check["tanpa_alat"]:
        names = fmt.joined([f"{nama} ({kode})" for kode, nama in check["tanpa_alat"]], lang)
        parts.append(tr("kap_jawaban_tanpa_alat", lang, nama=names))
    if check["terlama_nama"] is not None:
        parts.append(tr("kap_jawaban_terlama", lang, nama=check["terlama_nama"],
                        hari=days_text(check["terlama_hari"], lang)))
    level = "error" if check["tanpa_alat"] else "warning" if short else "info" if check["melebihi"] else "success"
    return level, " ".join(parts)


def blank_answer(projection: dict, outlook: dict, lang: str = "id", *, warn_days: int = 30
                 ) -> tuple[str, str] | None:
    """The blank-card answer in one coherent sentence from ``cards.blank_projection`` and
    ``cards.blank_outlook``: the stock against the print-ready cards waiting (at the data's date,
    said so), then when it runs out at the rate used, counted from today. (level, sentence):
    'error' when short for the print-ready cards or already gone, 'warning' when it runs out
    within ``warn_days`` days of today, else 'info'. None without a stock."""
    if projection.get("stok_perkiraan") is None:
        return None
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    data_day = projection.get("tanggal") or projection.get("tanggal_stok")
    params = {"stok": num(projection["stok_perkiraan"]), "tanggal": fmt.long_date(data_day, lang)}
    if projection.get("prr") is None:
        parts = [tr("blangko_jawaban_stok", lang, **params)]
    elif outlook["kurang"]:
        parts = [tr("blangko_jawaban_kurang", lang, prr=num(projection["prr"]), kurang=num(outlook["kurang"]),
                    **params)]
    else:
        parts = [tr("blangko_jawaban_cukup", lang, prr=num(projection["prr"]), **params)]
    rate, days_left = projection.get("laju_cetak_per_hari"), outlook["hari_lagi"]
    if rate is not None and projection.get("tanggal_habis") and days_left is not None and not math.isinf(days_left):
        said = {"laju": fmt.rate(rate, lang), "habis": fmt.long_date(projection["tanggal_habis"], lang)}
        if days_left < 0 or projection.get("stok_perkiraan") == 0:
            parts.append(tr("blangko_jawaban_sudah_habis", lang, **said))
        else:
            lagi = (tr("blangko_hari_lagi_hari_ini", lang, hari=num(days_left)) if days_left > 0
                    else tr("blangko_habis_hari_ini", lang))
            parts.append(tr("blangko_jawaban_habis", lang, lagi=lagi, **said))
    soon = days_left is not None and days_left <= warn_days
    level = "error" if outlook["kurang"] or outlook["sudah_habis"] else "warning" if soon else "info"
    return level, " ".join(parts)


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

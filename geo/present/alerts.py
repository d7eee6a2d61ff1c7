"""Alerts in words: one line each, the Peringatan panel's rows, and a digest short enough for one
WhatsApp message (plain text, no markup)."""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.alerts import Alert
from geo.present.trend import threshold_text
from geo.text import tr

DIGEST_MAX_CHARS = 3500  # a WhatsApp message that still reads on a phone (the hard limit is far higher)
_PERCENTS = ("cakupan", "cakupan_lama")
_COUNTS = ("stok", "prr", "kurang", "sudah", "belum", "kelebihan", "hari", "umur", "batas", "kosong", "semua",
           "jumlah", "ada")
_RATES = ("laju", "laju_dibutuhkan")
_DATES = ("tanggal", "tanggal_lama", "tanggal_habis", "sejak", "tenggat", "tertua")


def _words(a: Alert, lang: str) -> dict:
    f = dict(a.figures)
    out = {"nama": a.nama, **{k: v for k, v in f.items() if v is not None}}
    for k in _PERCENTS:
        if f.get(k) is not None:
            out[k] = fmt.percent(f[k], 2, lang)
    if f.get("target") is not None:
        out["target"] = threshold_text(f["target"], lang)
    for k in _COUNTS:
        if f.get(k) is not None:
            out[k] = fmt.number(f[k], lang=lang)
    for k in _RATES:
        out[k] = fmt.rate(f.get(k), lang) if k == "laju" else fmt.number(f.get(k), 0, lang)
    for k in _DATES:
        if f.get(k):
            out[k] = fmt.long_date(f[k], lang)
    for k in ("zona", "zona_lama"):
        if f.get(k):
            out[k] = tr(f"map_zona_kata_{f[k]}", lang)
    if a.kind == "terlambat_target":
        when = f.get("tanggal_proyeksi")
        out["kapan"] = (tr("peringatan_kapan_tanggal", lang, tanggal=fmt.long_date(when, lang)) if when
                        else tr("peringatan_kapan_tidak", lang))
    if a.kind in ("tanpa_data", "data_tertinggal") and f.get("lainnya"):
        out["daftar"] = f["daftar"] + tr("rb_lainnya", lang, n=f["lainnya"])
    if a.kind == "alat_rusak":
        out["status"] = tr(f"kap_status_{f['status']}", lang)
    return out


def alert_line(a: Alert, lang: str = "id") -> str:
    """One alert as a sentence with its figures (Indonesian number and date formats)."""
    key = f"peringatan_{a.kind}"
    if a.kind == "blangko_habis" and (not a.figures.get("stok") or a.figures.get("hari", 1) <= 0):  # gone by today
        key = "peringatan_blangko_kosong"
    if a.kind == "tanpa_data" and not a.figures.get("daftar"):
        key = "peringatan_tanpa_data_sebagian"
    return tr(key, lang, **_words(a, lang))


def alert_rows(alerts: list[Alert], lang: str = "id") -> pd.DataFrame:
    """The panel's rows, most urgent first: urutan, jenis (kind), judul (its title), kalimat (the
    sentence), kode, nama, halaman (the page that explains it)."""
    rows = [{"urutan": i + 1, "jenis": a.kind, "judul": tr(f"peringatan_jenis_{a.kind}", lang),
             "kalimat": alert_line(a, lang), "kode": a.kode, "nama": a.nama, "halaman": a.page}
            for i, a in enumerate(alerts)]
    return pd.DataFrame(rows, columns=["urutan", "jenis", "judul", "kalimat", "kode", "nama", "halaman"])


def digest_text(alerts: list[Alert], *, area: str, data_date: str | None, lang: str = "id",
                max_chars: int = DIGEST_MAX_CHARS) -> str:
    """The digest as plain text: a title line, then one numbered line per alert (most urgent
    first) until ``max_chars``, then how many were left out."""
    when = fmt.long_date(data_date, lang)
    if not alerts:
        return tr("digest_kosong", lang, wilayah=area, tanggal=when)
    lines = [tr("digest_judul", lang, wilayah=area, tanggal=when, n=len(alerts)), ""]
    for i, a in enumerate(alerts):
        line = f"{i + 1}. [{tr(f'peringatan_jenis_{a.kind}', lang)}] {alert_line(a, lang)}"
        more = len(alerts) - i - 1
        room = len(tr("digest_lainnya", lang, n=more)) + 2 if more else 0
        if len("\n".join([*lines, line])) + room > max_chars:
            lines += ["", tr("digest_lainnya", lang, n=len(alerts) - i)]
            break
        lines.append(line)
    return "\n".join(lines)

"""Unrecorded pockets for people: the ranked lists and hot spots on a screen and in a download,
the notes that explain them, and the map point layers of schools and hot/cold spots.

Takes the frames of ``geo.pockets`` (``pockets_table``, ``ranked``, ``spots``,
``schools_pocket``); returns tables for a screen (numbers that sort, shown as text), frames of
numbers under localised headers (download) or of map points (lat, lon, label, status, colour).
"""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import (
    AKAN_17, HOTSPOT, JENJANG, MENUJU_BERIKUT, MENUJU_HIJAU, NAMA_DESA, NAMA_KAB, NPSN, PERINGKAT, PERSEN_BELUM,
    P_VALUE, SISWA_KELAS_12,
)
from geo.config import K_NEIGHBOURS, PERMUTATIONS, PLAN_EASY_REACH_H, SEED
from geo.pockets import ALPHA
from geo.present.common import download_table as common_download_table, sortable_table
from geo.schema import Col, Level, ZoneConfig
from geo.text import tr

HOTSPOT_COLOURS = {"panas": "#b2182b", "dingin": "#2166ac"}
SCHOOL_COLOUR = "#7b3294"
LAYER_COLUMNS = ["lat", "lon", "label", "status", "colour"]

_HEADERS = {
    PERINGKAT: "kol_peringkat", PERSEN_BELUM: "kol_persen_belum", MENUJU_HIJAU: "kol_menuju_hijau",
    MENUJU_BERIKUT: "kol_menuju_zona_berikut", HOTSPOT: "kol_hotspot", P_VALUE: "kol_p_value", NPSN: "kol_npsn",
    JENJANG: "kol_jenjang", NAMA_DESA: "kol_nama_desa", SISWA_KELAS_12: "kol_siswa_kelas_12", AKAN_17: "kol_akan_17",
    NAMA_KAB: "kol_kabupaten",
}
_FORMATTERS = {  # value, lang -> text
    PERINGKAT: lambda v, lang: fmt.number(v, lang=lang),
    PERSEN_BELUM: lambda v, lang: fmt.percent(v, 2, lang),
    MENUJU_HIJAU: lambda v, lang: fmt.number(v, lang=lang),
    MENUJU_BERIKUT: lambda v, lang: fmt.number(v, lang=lang),
    HOTSPOT: lambda v, lang: tr(f"kelas_{v}", lang) if isinstance(v, str) else "–",
    P_VALUE: lambda v, lang: fmt.number(v, 3, lang),
    NPSN: lambda v, lang: str(v),
    JENJANG: lambda v, lang: v or "–",
    NAMA_DESA: lambda v, lang: v or "–",
    NAMA_KAB: lambda v, lang: v or "–",
    SISWA_KELAS_12: lambda v, lang: fmt.number(v, lang=lang),
    AKAN_17: lambda v, lang: fmt.number(v, lang=lang),
}

SCHOOL_COLUMNS = [Col.NAMA, JENJANG, NAMA_DESA, NPSN, SISWA_KELAS_12, AKAN_17, Col.BELUM]
SCHOOL_DOWNLOAD_COLUMNS = [NPSN, Col.NAMA, JENJANG, Col.KODE, NAMA_DESA, SISWA_KELAS_12, AKAN_17, Col.BELUM]


TOP_POCKETS = 10  # the pockets a finding sums; the media pack draws as many
CLUSTER_LEAST = 3  # that many of them in one kecamatan, and a third or more, is a place to go


def finding(by_number: pd.DataFrame, area_name: str, level: Level | str, lang: str = "id",
            n: int = TOP_POCKETS, reach: dict[str, float] | None = None) -> tuple[str, str] | None:
    """What the list by number (``pockets.ranked(table, "belum_rekam")``, as the page shows it) says, in
    two parts (lead, rest) of plain text: the largest pocket with its share of the area's belum rekam;
    when there are more areas than ``n``, what the ``n`` largest hold together; for desa, the kecamatan
    where CLUSTER_LEAST or more of them (a third or more) lie — one unit's week — and, with ``reach``
    (desa code → travel hours to the nearest working recording site, ``geo.plan.candidate_sites``), how
    many of them lie within easy reach of one: people who can come by themselves, not a mobile unit's
    first stop. None when nobody is left to record."""
    top = by_number.head(n)
    total = float(pd.to_numeric(by_number[Col.BELUM], errors="coerce").sum())
    if top.empty or not total > 0:
        return None
    num = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    level = Level(level)
    first = top.iloc[0]
    # where it lies: its kecamatan (a desa), and its kabupaten/kota across a provinsi or the country
    where = [v for v in (first.get(Col.NAMA_INDUK) if level == Level.DESA else None, first.get(NAMA_KAB))
             if isinstance(v, str) and v]
    name = f"{first[Col.NAMA]} ({', '.join(where)})" if where else str(first[Col.NAMA])
    lead = tr("kantong_temuan", lang, nama=name, belum=num(first[Col.BELUM]), total=num(total), wilayah=area_name,
              persen=fmt.percent(100 * float(first[Col.BELUM]) / total, 1, lang))
    rest = []
    if len(by_number) > len(top) > 1:
        together = float(top[Col.BELUM].sum())
        words = tr(f"tingkat_jamak_{level.value}", lang)
        rest.append(tr("kantong_temuan_teratas", lang, n=len(top), tingkat=words, jumlah=num(together),
                       persen=fmt.percent(100 * together / total, 1, lang)))
        most = kabupaten_most(top)  # across a provinsi or the country: the kabupaten/kota most of them lie in
        if most:
            k, kabupaten = most
            rest.append(tr("kantong_temuan_kab_semua", lang, kabupaten=kabupaten) if k == len(top)
                        else tr("kantong_temuan_kab", lang, k=k, n=len(top), kabupaten=kabupaten))
        if level == Level.DESA and Col.NAMA_INDUK in top:
            rest += _clusters(top, lang)
    if level == Level.DESA and reach:
        near = sum(bool(reach.get(k, float("nan")) <= PLAN_EASY_REACH_H) for k in top[Col.KODE])
        if near:
            rest.append(tr("kantong_temuan_dekat", lang, k=near, n=len(top),
                           menit=fmt.number(60 * PLAN_EASY_REACH_H, lang=lang)))
    return lead, " ".join(rest)


def kabupaten_most(top: pd.DataFrame) -> tuple[int, str] | None:
    """(how many, its name) of the kabupaten/kota holding more than half of ``top`` (areas listed across a
    provinsi or the country, with NAMA_KAB), counted by code (names repeat); None when none does or
    the list has no NAMA_KAB. A provincial officer's finding: where the largest pockets gather."""
    if NAMA_KAB not in top or len(top) < 2:
        return None
    kab = top[Col.KODE].astype(str).str.split(".").str[:2].str.join(".")
    counts = kab.value_counts(sort=True)
    if counts.iloc[0] * 2 <= len(top):  # more than half: one place, not a tie
        return None
    name = top.loc[kab == counts.index[0], NAMA_KAB].dropna()
    return (int(counts.iloc[0]), str(name.iloc[0])) if len(name) else None


def _clusters(top: pd.DataFrame, lang: str) -> list[str]:
    """The kecamatan holding CLUSTER_LEAST or more of ``top`` (and a third or more), most first (then
    more people): "Dari 10 itu, 4 di Kecamatan A dan 4 di Kecamatan B." — or nothing."""
    # by the kecamatan's code where the list has it: names repeat from one kabupaten to the next
    top = top.assign(_kab=top[NAMA_KAB] if NAMA_KAB in top else None)
    by = (top.groupby(Col.KODE_INDUK if Col.KODE_INDUK in top else Col.NAMA_INDUK, dropna=False)
          .agg(size=(Col.BELUM, "size"), sum=(Col.BELUM, "sum"), nama=(Col.NAMA_INDUK, "first"), kab=("_kab", "first"))
          .reset_index())
    by = by[by["size"] >= max(CLUSTER_LEAST, len(top) / 3)].sort_values(["size", "sum", "nama"],
                                                                         ascending=[False, False, True])
    parts = [tr("kantong_temuan_di_kab", lang, k=int(k), kecamatan=name, kabupaten=kab) if isinstance(kab, str) and kab
             else tr("kantong_temuan_di", lang, k=int(k), kecamatan=name)
             for name, kab, k in zip(by["nama"], by["kab"], by["size"])]
    return [tr("kantong_temuan_kecamatan", lang, n=len(top), daftar=fmt.joined(parts, lang))] if parts else []


# --- which columns a list shows -------------------------------------------------------------
def ranked_columns(level: Level | str, table: pd.DataFrame | None = None) -> list[str]:
    """Columns of a ranked list on screen and in a download (the parent's name only for desa; the
    kabupaten/kota's when the table has it, across a provinsi or the country).

    With ``table`` (``pockets_table``), Col.PEMULA_BELUM follows Col.BELUM when some area of
    it has the first-timers not yet recorded (an office file with BELUM REKAM PEMULA)."""
    parent = [Col.NAMA_INDUK] if Level(level) == Level.DESA else []
    if table is not None and NAMA_KAB in table:  # across a provinsi or the country
        parent.append(NAMA_KAB)
    pemula = [Col.PEMULA_BELUM] if has_pemula(table) else []
    return [PERINGKAT, Col.NAMA, *parent, Col.KODE, Col.WAJIB, Col.BELUM, *pemula, PERSEN_BELUM, Col.CAKUPAN,
            Col.ZONA, MENUJU_HIJAU, MENUJU_BERIKUT]


def has_pemula(table) -> bool:
    """True when ``table`` (or a dict of ``coverage.area_totals``) has a first-timers-not-recorded figure."""
    if table is None:
        return False
    if isinstance(table, dict):
        value = table.get(Col.PEMULA_BELUM)
        return value is not None and not pd.isna(value)
    return Col.PEMULA_BELUM in table and bool(table[Col.PEMULA_BELUM].notna().any())


def hotspot_columns(level: Level | str, table: pd.DataFrame | None = None) -> list[str]:
    """Columns of the hot/cold-spot list on screen and in a download (the parent's name only for desa;
    the kabupaten/kota's when ``table`` has it, as ``ranked_columns``)."""
    parent = [Col.NAMA_INDUK] if Level(level) == Level.DESA else []
    if table is not None and NAMA_KAB in table:
        parent.append(NAMA_KAB)
    return [Col.NAMA, *parent, Col.KODE, HOTSPOT, P_VALUE, Col.BELUM, Col.CAKUPAN]


# --- words ----------------------------------------------------------------------------------
def targets_note(lang: str = "id", zones: ZoneConfig = ZoneConfig()) -> str:
    """What MENUJU_HIJAU and MENUJU_BERIKUT mean, with the thresholds of ``zones`` (percent)."""
    def pct(v):
        return fmt.percent(v, 0 if float(v).is_integer() else 2, lang)

    return tr("kantong_target", lang, hijau=pct(zones.hijau), kuning=pct(zones.kuning))


def hotspot_note(table: pd.DataFrame, lang: str = "id") -> str:
    """One sentence naming the method, k, permutations, seed, alpha and how many spots were found.

    Takes ``pockets_table(…, hotspots=True)`` (HOTSPOT and the settings in ``attrs``)."""
    a = table.attrs
    counts = table[HOTSPOT].value_counts() if HOTSPOT in table else pd.Series(dtype=int)
    return tr("hotspot_metode", lang, k=a.get("k", K_NEIGHBOURS),
              permutasi=fmt.number(a.get("permutations", PERMUTATIONS), lang=lang),
              seed=a.get("seed", SEED), alpha=fmt.number(a.get("alpha", ALPHA), 2, lang),
              panas=int(counts.get("panas", 0)), dingin=int(counts.get("dingin", 0)))


def pemula_note(totals: dict, lang: str = "id") -> str | None:
    """"3.746 belum rekam, termasuk 412 pemula …" from ``coverage.area_totals`` (Col.BELUM and
    Col.PEMULA_BELUM, people); None when the data has no first-timers figure for the area."""
    if not has_pemula(totals) or totals.get(Col.BELUM) is None:
        return None
    belum, pemula = int(totals[Col.BELUM]), int(totals[Col.PEMULA_BELUM])
    share = fmt.percent(100.0 * pemula / belum, 1, lang) if belum > 0 else "–"
    return tr("belum_termasuk_pemula", lang, belum=fmt.number(belum, lang=lang),
              pemula=fmt.number(pemula, lang=lang), persen=share)


def pemula_share(totals: dict, lang: str = "id") -> str | None:
    """"1.234 dari 3.746 belum rekam adalah pemula (33%)" from ``coverage.area_totals`` (Col.BELUM
    and Col.PEMULA_BELUM, people; the share in whole percent); None when the data has no
    first-timers figure for the area or nobody is left to record."""
    if not has_pemula(totals) or not totals.get(Col.BELUM):
        return None
    belum, pemula = int(totals[Col.BELUM]), int(totals[Col.PEMULA_BELUM])
    return tr("beranda_pemula", lang, pemula=fmt.number(pemula, lang=lang), belum=fmt.number(belum, lang=lang),
              persen=fmt.percent(100.0 * pemula / belum, 0, lang))


# --- map point layers -------------------------------------------------------------------------
def school_layer(schools: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A map point layer (lat, lon, label, status, colour) of ``schools_pocket``'s schools."""
    status = tr("lapisan_sekolah_kantong_titik", lang)
    labels = [tr("sekolah_label", lang, nama=r[Col.NAMA], jenjang=r[JENJANG] or "",
                 akan_17=fmt.number(r[AKAN_17], lang=lang), belum=fmt.number(r[Col.BELUM], lang=lang))
              for r in schools.to_dict("records")]
    return pd.DataFrame({"lat": schools["lat"], "lon": schools["lon"], "label": labels, "status": status,
                         "colour": SCHOOL_COLOUR}, columns=LAYER_COLUMNS)


def hotspot_layer(table, lang: str = "id") -> pd.DataFrame:
    """A map point layer (lat, lon, label, status, colour) of the hot and cold spots in
    ``pockets_table(…, hotspots=True, geometry=True)``: one point inside each such area."""
    spots = table[table[HOTSPOT].isin(list(HOTSPOT_COLOURS))]
    where = spots.geometry.representative_point().to_crs("EPSG:4326") if len(spots) else spots.geometry
    kelas = [tr(f"kelas_{c}", lang) for c in spots[HOTSPOT]]
    labels = [tr("hotspot_label", lang, nama=n, kelas=c, p=fmt.number(p, 3, lang))
              for n, c, p in zip(spots[Col.NAMA], kelas, spots[P_VALUE])]
    return pd.DataFrame({"lat": list(where.y), "lon": list(where.x), "label": labels, "status": kelas,
                         "colour": [HOTSPOT_COLOURS[c] for c in spots[HOTSPOT]]}, columns=LAYER_COLUMNS)


# --- tables -----------------------------------------------------------------------------------
def display(frame: pd.DataFrame, columns: list[str], lang: str = "id"):
    """``columns`` of ``frame`` for a screen (``geo.present.sortable_table``: numbers that sort, shown
    in ``lang``'s form; localised headers). In a school table Col.NAMA is headed "Sekolah"."""
    headers = {**_HEADERS, **({Col.NAMA: "kol_sekolah"} if NPSN in columns else {})}
    return sortable_table(frame, columns, lang, formatters=_FORMATTERS, headers=headers)


def download_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` for a CSV/XLSX file: numbers stay numbers, percentages to 2 decimals,
    P_VALUE to 4."""
    out = frame[columns].copy()
    for c in (Col.CAKUPAN, PERSEN_BELUM):
        if c in out:
            out[c] = out[c].astype("float64").round(2)
    if P_VALUE in out:
        out[P_VALUE] = out[P_VALUE].astype("float64").round(4)
    return out.reset_index(drop=True)


def download_table(frame: pd.DataFrame, columns: list[str], lang: str = "id") -> pd.DataFrame:
    """``download_frame`` headed and worded as the screen shows it (``display``) in ``lang``."""
    headers = display(frame.iloc[:0], columns, lang).columns  # the screen's headers, no rows to format
    return common_download_table(download_frame(frame, columns), headers, lang)

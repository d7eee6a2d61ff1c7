"""The official Kemendagri code table (Kepmendagri 300.2.2-2138/2025) shipped with the product.

Names every provinsi, kabupaten/kota, kecamatan and desa/kelurahan of Indonesia by code, so
that an area a boundary file leaves unnamed (a kecamatan dissolved from desa polygons) is
shown by its name, not its code. ``data/kode_wilayah/`` holds the compact copy, its source and
licence; ``tools/build_code_table.py`` rebuilds it.
"""
from __future__ import annotations

import csv
import gzip
from functools import lru_cache

import pandas as pd

from geo.names import normalize_name
from geo.schema import DATA_DIR, Col, Level, RekamError, ancestor_code, is_country
from geo.text import tr

TABLE = DATA_DIR / "kode_wilayah" / "kode_wilayah_2025.csv.gz"


@lru_cache(maxsize=1)
def official_names() -> dict[str, str]:
    """{dotted code: official name} for the whole country (empty if the table is missing)."""
    if not TABLE.exists():
        return {}
    with gzip.open(TABLE, "rt", encoding="utf-8", newline="") as fh:
        return {row["kode"]: row["nama"] for row in csv.DictReader(fh)}


def official_name(kode: str) -> str | None:
    """The official name of a dotted code, or None when the code is not in the table."""
    return official_names().get(str(kode))


@lru_cache(maxsize=1)
def official_areas() -> pd.DataFrame:
    """Every area of the table as a frame: Col.KODE (dotted), Col.NAMA; empty if the table is missing.

    What a boundary file without Kemendagri codes is matched against (``geo.join.boundaries``).
    Cached: treat the frame as read-only."""
    names = official_names()
    return pd.DataFrame({Col.KODE: list(names), Col.NAMA: list(names.values())}, dtype=object)


# Provinsi as other schemas name them (GADM "Jakarta Raya", geoBoundaries in English, older names),
# written as ``normalize_name`` gives them: a lookup, since no similarity score relates
# "Jakarta Raya" to "Daerah Khusus Ibukota Jakarta".
PROVINCE_ALIASES = {
    **dict.fromkeys(("JAKARTA RAYA", "DKI JAKARTA", "D K I JAKARTA", "JAKARTA", "JAKARTA SPECIAL CAPITAL REGION",
                     "SPECIAL CAPITAL REGION OF JAKARTA"), "31"),
    **dict.fromkeys(("YOGYAKARTA", "DI YOGYAKARTA", "D I YOGYAKARTA", "DIY", "SPECIAL REGION OF YOGYAKARTA"), "34"),
    **dict.fromkeys(("BANGKA BELITUNG", "BANGKA BELITUNG ISLANDS", "BABEL"), "19"),
    **dict.fromkeys(("NANGGROE ACEH DARUSSALAM", "NAD", "DAERAH ISTIMEWA ACEH"), "11"),
    **dict.fromkeys(("IRIAN JAYA BARAT", "WEST PAPUA"), "92"),
    **dict.fromkeys(("IRIAN JAYA", "IRIAN JAYA TIMUR"), "91"),
    "NORTH SUMATRA": "12", "NORTH SUMATERA": "12", "WEST SUMATRA": "13", "WEST SUMATERA": "13",
    "SOUTH SUMATRA": "16", "SOUTH SUMATERA": "16", "RIAU ISLANDS": "21", "WEST JAVA": "32", "CENTRAL JAVA": "33",
    "EAST JAVA": "35", "WEST NUSA TENGGARA": "52", "EAST NUSA TENGGARA": "53", "WEST KALIMANTAN": "61",
    "CENTRAL KALIMANTAN": "62", "SOUTH KALIMANTAN": "63", "EAST KALIMANTAN": "64", "NORTH KALIMANTAN": "65",
    "NORTH SULAWESI": "71", "CENTRAL SULAWESI": "72", "SOUTH SULAWESI": "73", "SOUTHEAST SULAWESI": "74",
    "WEST SULAWESI": "76", "NORTH MALUKU": "82", "SOUTH PAPUA": "93", "CENTRAL PAPUA": "94",
    "HIGHLAND PAPUA": "95", "SOUTHWEST PAPUA": "96",
}


def province_name(written) -> str | None:
    """The official name of the provinsi ``written`` names by an alias (PROVINCE_ALIASES), else None."""
    kode = PROVINCE_ALIASES.get(normalize_name(written, Level.PROVINSI))
    return official_name(kode) if kode else None


def area_name(store, kode: str, lang: str = "id") -> str:
    """The area's name: as stored; for an area the store holds only the parts of (a provinsi whose
    kabupaten/kota were imported, or dissolved from desa files), as the official code table names
    it, else "Provinsi <kode>" (as the dashboard's picker does; only a provinsi can lack a name); the
    whole country (``COUNTRY``) as "Seluruh Indonesia" in ``lang``. Raises
    RekamError('gambar_wilayah_tidak_ada') when neither the code nor anything inside it is stored."""
    if is_country(kode):
        if store.areas(within=kode, level=Level.KABUPATEN).empty:
            raise RekamError("gambar_wilayah_tidak_ada", kode=kode)
        return tr("seluruh_indonesia", lang)
    level = Level.of_code(kode)
    match = store.areas(within=kode, level=level)
    if len(match):
        return str(match[Col.NAMA].iloc[0])
    if level.child is None or store.areas(within=kode, level=level.child).empty:
        raise RekamError("gambar_wilayah_tidak_ada", kode=kode)
    return official_name(kode) or f"Provinsi {kode}"


def kabupaten_names(store, within: str, codes) -> list[str | None]:
    """The stored name of the kabupaten/kota each of ``codes`` (areas inside ``within``) lies in, None
    where the store lacks it: across a provinsi or the country, kecamatan and desa names repeat from
    one kabupaten/kota to the next, and a list names each one's."""
    kabupaten = store.areas(within=within, level=Level.KABUPATEN)
    names = dict(zip(kabupaten[Col.KODE], kabupaten[Col.NAMA]))
    return [names.get(ancestor_code(str(k), Level.KABUPATEN)) for k in codes]

"""Stored points (recording sites, schools) as map layers for people: a label in the reader's
language and a colour by the site's status."""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import AKAN_17, JENJANG
from geo.schema import Col
from geo.store import Store
from geo.text import tr

STATUS_COLOURS = {"aktif": "#1a9850", "perbaikan": "#f39c12", "rusak": "#d73027"}
OTHER_COLOUR = "#1f4e79"  # schools and any status without a colour of its own
LAYER_COLUMNS = ["lat", "lon", "label", "status", "colour"]


def _site_label(p: dict, lang: str) -> tuple[str, str]:
    a = p["atribut"]
    status = a.get("status", "aktif")
    broken = tr("lokasi_rusak_sejak", lang, tanggal=fmt.long_date(a["rusak_sejak"], lang)) if a.get(
        "rusak_sejak") else ""
    label = tr("lokasi_label", lang, nama=p[Col.NAMA], aktif=a.get("alat_aktif", "?"),
               total=a.get("alat_total", "?"), rusak=broken)
    return label, status


def _school_label(p: dict, lang: str) -> tuple[str, str]:
    a = p["atribut"]
    label = tr("sekolah_label", lang, nama=p[Col.NAMA], jenjang=a.get(JENJANG, ""),
               akan_17=fmt.number(_int(a.get(AKAN_17)), lang=lang),
               belum=fmt.number(_int(a.get(Col.BELUM)), lang=lang))
    return label, "sekolah"


def _int(value):
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


_LABELLERS = {"lokasi": _site_label, "sekolah": _school_label}


def layer(store: Store, kind: str, *, within: str | None = None, lang: str = "id") -> pd.DataFrame:
    """The stored points of ``kind`` ('lokasi' or 'sekolah') inside ``within`` for a map layer:
    lat, lon (degrees), label (formatted text in ``lang``), status, colour (hex)."""
    pts = store.points(kind, within=within)
    records = []
    for p in pts.to_dict("records"):
        label, status = _LABELLERS[kind](p, lang)
        records.append({"lat": p["lat"], "lon": p["lon"], "label": label, "status": status,
                        "colour": STATUS_COLOURS.get(status, OTHER_COLOUR)})
    return pd.DataFrame(records, columns=LAYER_COLUMNS)

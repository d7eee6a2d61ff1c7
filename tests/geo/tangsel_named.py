"""Kota Tangerang Selatan (36.74) written as GADM, geoBoundaries, OpenStreetMap and BIG files write it:
names only, no Kemendagri code, a few names as offices and GADM spell them, one that matches nothing.

Geometry is hand-drawn (each kecamatan a column of thin squares, one per kelurahan) unless real
polygons are passed in (``../shared/real``'s desa of 36.74). Names come from the product's own
code table, so a test knows which code each feature must get.
"""
from __future__ import annotations

import json

from shapely.geometry import box, mapping

from geo.codes import official_names

TANGSEL = "36.74"
# How a file misspells some names: official name → written.
SPELLED = {"Pondok Aren": "Pd. Aren", "Ciputat Timur": "Ciputattimur", "Rawabuntu": "Rawa Buntu",
           "Cireundeu": "Cirendeu", "Jurangmangu Barat": "Jurang Mangu Barat", "Lengkong Gudang Timur":
           "Lengkong Gudang Tim.", "Pondok Kacang Barat": "Pd. Kacang Barat"}
STRANGER = "Situ Gintung"  # a lake, not a kelurahan: matches nothing


def kecamatan() -> dict[str, str]:
    names = official_names()
    return {k: n for k, n in names.items() if k.startswith(TANGSEL + ".") and k.count(".") == 2}


def kelurahan() -> dict[str, str]:
    names = official_names()
    return {k: n for k, n in names.items() if k.startswith(TANGSEL + ".") and k.count(".") == 3}


def square(kode: str):
    """A thin square per kelurahan, in its kecamatan's column (kecamatan 01 … 07 from the west)."""
    kec, desa = int(kode.split(".")[2]), int(kode.split(".")[3]) - 1000
    x, y = 106.60 + 0.02 * kec, -6.40 + 0.004 * desa
    return box(x, y, x + 0.02, y + 0.004)


def column(kode_kec: str):
    """A kecamatan drawn as the union of its kelurahan squares (so each square lies inside it)."""
    kids = [k for k in kelurahan() if k.startswith(kode_kec + ".")]
    top = max(int(k.split(".")[3]) - 1000 for k in kids)
    x = 106.60 + 0.02 * int(kode_kec.split(".")[2])
    return box(x, -6.40 + 0.004, x + 0.02, -6.40 + 0.004 * (top + 1))


def written(name: str) -> str:
    return SPELLED.get(name, name)


def stranger_square():
    return box(106.58, -6.40, 106.59, -6.39)


def feature_collection(rows) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": mapping(geom)} for props, geom in rows]}


def write(path, rows) -> str:
    path.write_text(json.dumps(feature_collection(rows)), encoding="utf-8")
    return str(path)


def gadm_desa(geometry=None, *, name_2: str = "Tangerang Selatan", type_2: str | None = "Kota",
              stranger: bool = True) -> tuple[list, list[str | None]]:
    """GADM level 4 (gadm41_IDN_4 as it lays out a row): rows and the code each must match (None: none)."""
    kec = kecamatan()
    rows, expected = [], []
    for i, (kode, nama) in enumerate(kelurahan().items(), start=1):
        parent = kode.rsplit(".", 1)[0]
        props = {"GID_0": "IDN", "COUNTRY": "Indonesia", "GID_1": "IDN.11_1", "NAME_1": "Banten",
                 "GID_2": "IDN.11.6_1", "NAME_2": name_2, "GID_3": f"IDN.11.6.{parent[-1]}_1",
                 "NAME_3": written(kec[parent]), "GID_4": f"IDN.11.6.{parent[-1]}.{i}_1", "NAME_4": written(nama),
                 "TYPE_4": "Kelurahan", "ENGTYPE_4": "Village", "CC_4": "", "HASC_4": ""}
        if type_2:
            props["TYPE_2"] = type_2
        rows.append((props, (geometry or {}).get(kode) or square(kode)))
        expected.append(kode)
    if stranger:
        props = dict(rows[0][0], NAME_3="Ciputattimur", NAME_4=STRANGER, GID_4="IDN.11.6.5.99_1")
        rows.append((props, stranger_square()))
        expected.append(None)
    return rows, expected


def geoboundaries(level: str = "ADM4") -> tuple[list, list[str]]:
    """geoBoundaries (IDN ADM3 / ADM4): shapeName only, one level per file."""
    areas = kelurahan() if level == "ADM4" else kecamatan()
    rows = [({"shapeName": written(n), "shapeISO": "", "shapeID": f"IDN-{i}", "shapeGroup": "IDN",
              "shapeType": level}, square(k) if level == "ADM4" else column(k))
            for i, (k, n) in enumerate(areas.items(), start=1)]
    return rows, list(areas)


def osm(kode_kec: str = "36.74.03") -> tuple[list, list[str | None]]:
    """An OpenStreetMap admin export: the kota (5), one kecamatan (6) and its kelurahan (7) together,
    and an RW boundary (admin_level 9) the product does not know."""
    kids = {k: n for k, n in kelurahan().items() if k.startswith(kode_kec + ".")}
    rows = [({"name": "Kota Tangerang Selatan", "admin_level": "5", "boundary": "administrative"},
             box(106.60, -6.42, 106.76, -6.30))]
    expected = ["36.74"]
    rows.append(({"name": f"Kecamatan {written(kecamatan()[kode_kec])}", "admin_level": "6",
                  "boundary": "administrative"}, column(kode_kec)))
    expected.append(kode_kec)
    for k, n in kids.items():
        rows.append(({"name": written(n), "admin_level": "7", "boundary": "administrative"}, square(k)))
        expected.append(k)
    first = next(iter(kids))
    rows.append(({"name": "RW 05", "admin_level": "9", "boundary": "administrative"}, square(first).buffer(-0.0005)))
    expected.append(None)
    return rows, expected


def big_without_codes() -> tuple[list, list[str]]:
    """BIG RBI desa with its PUM code columns left empty (as some exports arrive)."""
    kec = kecamatan()
    rows = [({"NAMOBJ": written(n), "KDEPUM": None, "KDCPUM": None, "WADMKD": written(n),
              "WADMKC": written(kec[k.rsplit(".", 1)[0]]), "WADMKK": "Kota Tangerang Selatan", "WADMPR": "Banten"},
             square(k)) for k, n in kelurahan().items()]
    return rows, list(kelurahan())

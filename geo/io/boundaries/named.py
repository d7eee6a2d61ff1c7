"""Boundary files that name their areas but carry no Kemendagri code.

GADM (``NAME_1`` provinsi … ``NAME_4`` desa, ``TYPE_2`` Kota/Kabupaten), geoBoundaries
(``shapeName``, ``shapeType`` ADM1…ADM4), OpenStreetMap admin exports (``name``,
``admin_level`` 4 provinsi, 5 kabupaten/kota, 6 kecamatan, 7 desa/kelurahan), BIG RBI without
its PUM codes (``WADMPR``…``WADMKD``) and files with ``provinsi``/``kabupaten``/``kecamatan``/
``desa`` name columns. ``read_named`` says which schema a file is, each feature's level, its own
name and its ancestors' names as written (a GADM or BIG row carries its whole hierarchy; a
geoBoundaries or OSM row only its own level) and, in a file of several levels, which feature
contains which. Matching names to codes is ``geo.join.boundaries``'s work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import shapely

from geo.columns import ANCESTOR_NAMES, INDUK_BARIS
from geo.io.boundaries.fields import clean_name, find_column
from geo.schema import LEVELS, Col, FileRefused, Level, Problem, ValidationFailed

# Name columns per level, by schema; the first filled one of a level is used.
HIERARCHIES: dict[str, dict[Level, tuple[str, ...]]] = {
    "GADM": {lvl: (f"NAME_{n}",) for n, lvl in enumerate(LEVELS, start=1)},
    "BIG": {Level.PROVINSI: ("WADMPR",), Level.KABUPATEN: ("WADMKK",), Level.KECAMATAN: ("WADMKC",),
            Level.DESA: ("WADMKD", "NAMOBJ")},
    "nama": {
        Level.PROVINSI: ("provinsi", "nama_provinsi", "nama_prov", "prov"),
        Level.KABUPATEN: ("kabupaten_kota", "kabupaten", "kab_kota", "kabkota", "nama_kabupaten", "nama_kabkota",
                          "nama_kab", "kota"),
        Level.KECAMATAN: ("kecamatan", "nama_kecamatan", "nama_kec", "kec"),
        Level.DESA: ("desa_kelurahan", "desa", "kelurahan", "nama_desa", "nama_kelurahan", "nama_desa_kel",
                     "desa_kel", "kel_desa"),
    },
}
# Which kabupaten-level areas a type column says they are (GADM TYPE_2 / ENGTYPE_2).
KAB_TYPES = {"KOTA": "Kota", "CITY": "Kota", "KOTAMADYA": "Kota", "MUNICIPALITY": "Kota",
             "KABUPATEN": "Kabupaten", "REGENCY": "Kabupaten", "KAB": "Kabupaten"}
TYPE_COLUMNS = ("TYPE_2", "ENGTYPE_2", "tipe", "type")
GEOBOUNDARIES_LEVELS = {f"ADM{n}": lvl for n, lvl in enumerate(LEVELS, start=1)}
OSM_LEVELS = {4: Level.PROVINSI, 5: Level.KABUPATEN, 6: Level.KECAMATAN, 7: Level.DESA}
NAME_COLUMNS = ("nama", "nama_wilayah", "name", "shapeName", "NAMOBJ")  # one level's name, level given


@dataclass
class NamedFeatures:
    """``table``: one row per feature in file order — Col.BARIS (feature number from 1), Col.LEVEL
    (a Level value; None when the file does not say), Col.NAMA (as written; a kabupaten named
    without "Kota"/"Kabupaten" gets the file's type word), the ancestors' names as written
    (``ANCESTOR_NAMES`` columns, None where the file has none) and INDUK_BARIS (Int64: the
    feature of the file, a level up, containing it; <NA> in a file of one level).
    ``schema``: GADM, geoBoundaries, OSM, BIG or nama. ``fields``: {level: column read}."""

    schema: str
    table: pd.DataFrame
    fields: dict = field(default_factory=dict)


def read_named(frame, columns: list[str], *, level: Level | None = None,
               name_field: str | None = None) -> NamedFeatures:
    """The names and levels of a boundary file without Kemendagri codes (see ``NamedFeatures``).

    ``level`` (when given) is the level every feature must be at; a feature the file puts at
    another level is an error. ``name_field`` names the column of the features' own names.
    Raises FileRefused('batas_tanpa_nama') when no column names the areas,
    FileRefused('batas_tingkat_perlu') when the file does not say the level and none is given,
    ValidationFailed('batas_tingkat_lain', one Problem per feature) for features at another level.
    """
    level = Level(level) if level is not None else None
    schema, levels, own, ancestors, fields = _detect(frame, columns, level, name_field)
    if all(lvl is None for lvl in levels):
        raise FileRefused("batas_tingkat_perlu", skema=schema, pilihan=", ".join(lvl.value for lvl in LEVELS))
    if level is not None:
        wrong = [Problem("batas_tingkat_lain", row=i, params={"tingkat_fitur": lvl.value, "level": level.value})
                 for i, lvl in enumerate(levels, start=1) if lvl is not None and lvl is not level]
        if wrong:
            raise ValidationFailed(wrong)
    kinds = _kab_kinds(frame, columns)
    table = pd.DataFrame({Col.BARIS: range(1, len(frame) + 1)}, index=frame.index)
    text = {Col.LEVEL: [lvl.value if lvl else None for lvl in levels],
            Col.NAMA: [_with_kind(own[i], kinds[i]) if lvl is Level.KABUPATEN else own[i]
                       for i, lvl in enumerate(levels)]}
    for ancestor, column in ANCESTOR_NAMES.items():
        above = Level(ancestor)
        text[column] = [
            (_with_kind(ancestors[above][i], kinds[i]) if above is Level.KABUPATEN else ancestors[above][i])
            if lvl is not None and above in ancestors and above.depth < lvl.depth else None
            for i, lvl in enumerate(levels)]
    for column, values in text.items():  # object: a missing name stays None, not NaN
        table[column] = pd.Series(values, index=frame.index, dtype=object)
    table[INDUK_BARIS] = pd.array(_containing(frame, levels), dtype="Int64")
    return NamedFeatures(schema, table.reset_index(drop=True), fields)


def _detect(frame, columns: list[str], level: Level | None, name_field: str | None):
    """(schema, level of each feature, its own name, {level: [ancestor's name of each feature]},
    {what: column read}). A file naming one level (geoBoundaries, OSM, a name column) takes its
    ancestors' names from parent columns (``kecamatan``, ``WADMKK``…) when it has them."""
    n = len(frame)
    hierarchy = next(((schema, found) for schema, table in HIERARCHIES.items()
                      if (found := _name_columns(frame, columns, table))), None)
    parents = hierarchy[1] if hierarchy and hierarchy[0] != "GADM" else {}
    shape_name = find_column(columns, ["shapeName"])
    osm_level = find_column(columns, ["admin_level"])
    single = None
    if name_field:
        single = ("nama", _given(columns, name_field))
    elif shape_name and not (hierarchy and hierarchy[0] == "GADM"):
        single = ("geoBoundaries", shape_name)
    elif osm_level and (name := find_column(columns, ["name", "nama"])):
        single = ("OSM", name)
    elif hierarchy:
        schema, found = hierarchy
        own_column = find_column(columns, list(NAME_COLUMNS[:3]))
        if level is not None and level not in found and own_column and level.depth > max(lv.depth for lv in found):
            found = {**found, level: own_column}  # "nama" of desa beside a "kecamatan" column: the parent's name
        names = {lvl: _clean(frame[col]) for lvl, col in found.items()}
        levels = [next((lvl for lvl in reversed(LEVELS) if lvl in names and names[lvl][i]), None) for i in range(n)]
        own = [names[lvl][i] if lvl else None for i, lvl in enumerate(levels)]
        return schema, levels, own, names, {lvl.value: col for lvl, col in found.items()}
    else:
        column = find_column(columns, list(NAME_COLUMNS))
        if column is None or not frame[column].notna().any():
            raise FileRefused("batas_tanpa_nama", tersedia=", ".join(columns))
        single = ("nama", column)
    schema, column = single
    own = _clean(frame[column])
    levels = _levels_of(frame, columns, shape_name, osm_level, own, level)
    ancestors = {lvl: _clean(frame[col]) for lvl, col in parents.items() if col != column}
    fields = {"nama": column, **({"tingkat": osm_level} if schema == "OSM" else {}),
              **{lvl.value: col for lvl, col in parents.items() if col != column}}
    return schema, levels, own, ancestors, fields


def _levels_of(frame, columns, shape_name, osm_level, names, level) -> list[Level | None]:
    """Each feature's level from geoBoundaries' shapeType or OSM's admin_level, else ``level``."""
    n = len(frame)
    if osm_level:
        return [OSM_LEVELS.get(_as_int(v)) if names[i] else None for i, v in enumerate(frame[osm_level])]
    shape_type = find_column(columns, ["shapeType"]) if shape_name else None
    if shape_type and frame[shape_type].notna().any():
        return [GEOBOUNDARIES_LEVELS.get(str(v).strip().upper()) if names[i] else None
                for i, v in enumerate(frame[shape_type])]
    return [level if names[i] else None for i in range(n)]


def _name_columns(frame, columns: list[str], table: dict[Level, tuple[str, ...]]) -> dict[Level, str]:
    found = {}
    for lvl, wanted in table.items():
        column = next((c for w in wanted if (c := find_column(columns, [w])) and frame[c].notna().any()), None)
        if column:
            found[lvl] = column
    return found


def _given(columns: list[str], name: str) -> str:
    found = find_column(columns, [name])
    if found is None:
        raise FileRefused("batas_kolom_tidak_ada", kolom=name, tersedia=", ".join(columns))
    return found


def _clean(values) -> list[str | None]:
    return [clean_name(v) for v in values]


def _as_int(value) -> int | None:
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


def _kab_kinds(frame, columns: list[str]) -> list[str | None]:
    """"Kota"/"Kabupaten" per feature from a type column (GADM TYPE_2), None without one."""
    column = find_column(columns, list(TYPE_COLUMNS))
    if column is None:
        return [None] * len(frame)
    return [KAB_TYPES.get(re.sub(r"[^A-Z]", "", str(v).upper())) if pd.notna(v) else None for v in frame[column]]


def _with_kind(name: str | None, kind: str | None) -> str | None:
    """``Tangerang Selatan`` + Kota → ``Kota Tangerang Selatan``; a name that says its kind stays."""
    if not name or not kind or re.match(r"^(kota|kab|kabupaten|kotamadya)\b", name, re.I):
        return name
    return f"{kind} {name}"


def _containing(frame, levels: list[Level | None]) -> list:
    """For each feature, the number of the deepest feature of a higher level that contains its
    representative point (a file of several levels, e.g. an OSM export of levels 6 and 7)."""
    present = {lvl for lvl in levels if lvl is not None}
    out = [pd.NA] * len(levels)
    if len(present) < 2:
        return out
    geoms = shapely.make_valid(frame.geometry.values)
    points = shapely.point_on_surface(geoms)
    for depth in sorted({lvl.depth for lvl in present})[1:]:
        for upper in sorted((d for d in {lvl.depth for lvl in present} if d < depth), reverse=True):
            parents = [i for i, lvl in enumerate(levels) if lvl is not None and lvl.depth == upper]
            tree = shapely.STRtree(geoms[parents])
            children = [i for i, lvl in enumerate(levels) if lvl is not None and lvl.depth == depth and out[i] is pd.NA]
            found = tree.query(points[children], predicate="within")
            for child_pos, parent_pos in zip(*found):
                out[children[child_pos]] = parents[parent_pos] + 1
    return out

"""``load_boundaries``: a boundary file → one row per Kemendagri area, and what was done."""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from geo.io.boundaries.fields import (
    area_tipe, clean_name, parent_names, pick_code_field, pick_name_field, read_codes,
)
from geo.io.boundaries.polygons import clean_polygons, dissolve, merge_duplicates, per_parent
from geo.io.boundaries.source import read_features, to_wgs84
from geo.schema import LEVELS, Col, FileRefused, Level, RekamError, parent_code

AREA_COLUMNS = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, Col.GEOMETRY]


@dataclass
class BoundaryLoad:
    """``areas``: Col.KODE, NAMA, LEVEL, KODE_INDUK, TIPE, geometry (EPSG:4326), one row per kode,
    sorted by kode.

    ``report`` (plain JSON): file_name, format, layer, n_features (as read), source_crs,
    crs_assumed, reprojected, code_field, name_field, n_repaired + repaired_kode,
    dropped_empty, dropped_not_polygon + dropped_kode, merged_duplicates + merged_kode,
    levels {level: areas}, tipe {tipe: areas}, dissolved {level: parents made}, bounds.
    """

    areas: gpd.GeoDataFrame
    report: dict


def load_boundaries(source, *, level: Level | str | None = None, code_field: str | None = None,
                    name_field: str | None = None, file_name: str | None = None,
                    dissolve_parents: bool = True) -> BoundaryLoad:
    """Read a boundary file into areas with dotted Kemendagri codes.

    ``source`` is a path or bytes (an upload; ``file_name`` then gives the type, else it is
    sniffed). Formats: GeoJSON, GeoPackage (one polygon layer), zipped Shapefile (read in
    place through GDAL's /vsizip/, nothing is extracted; bytes live in a private temporary
    directory only while being read). Any CRS is reprojected to EPSG:4326; without a CRS,
    degree-like coordinates are taken as EPSG:4326 (``report['crs_assumed']``).

    Fields: ``code_field``/``name_field`` override detection. Detected: ``kode``-like columns,
    BIG RBI ``KDEPUM``/``KDCPUM``/``KDPKAB``/``KDPPUM`` with ``WADMKD``/``NAMOBJ``, ``WADMKC``,
    ``WADMKK``, ``WADMPR``. GADM (``GID_n``) and geoBoundaries (``shapeID``) identifiers are
    not Kemendagri codes and are refused here unless a code field is given (an import,
    ``geo.ingest.prepare_boundaries``, matches such files by name instead). Without a name field
    the code is used as the name.

    Level is ``level`` when given (codes of another depth are errors), else each code's depth.
    Invalid geometries are repaired with ``shapely.make_valid`` keeping polygonal parts; null
    or empty ones are dropped and counted. Rows sharing a code *and* a name (a multipart area
    split over rows) are unioned into one; a code shared by different names refuses the file.
    A desa-only file (with ``dissolve_parents``) also yields its kecamatan and kabupaten/kota,
    dissolved from the desa, named from a parent-name column (``WADMKC``/``WADMKK``) or else
    by their code. Tipe: desa/kelurahan by ``desa_tipe``; kota when the name starts with
    "Kota" or, without a "Kota"/"Kab" name, when the code's second segment is 71 or more.

    Raises FileRefused (keys ``batas_*``: format, unreadable, unsafe zip, empty, no polygons,
    projected without CRS, unknown field, no Kemendagri code, duplicate codes),
    ValidationFailed with one Problem per bad code (BPS-shaped, malformed, empty, wrong
    level) and RekamError('batas_level_salah') for an unknown ``level``.
    """
    level = as_level(level)  # before reading: a wrong option is said at once
    frame, report = open_boundaries(source, file_name)
    return load_coded(frame, report, level=level, code_field=code_field, name_field=name_field,
                      dissolve_parents=dissolve_parents)


def load_coded(frame: gpd.GeoDataFrame, report: dict, *, level: Level | str | None = None,
               code_field: str | None = None, name_field: str | None = None,
               dissolve_parents: bool = True) -> BoundaryLoad:
    """``load_boundaries`` on a file already opened (``open_boundaries``'s frame and report)."""
    level = as_level(level)
    columns = feature_columns(frame)
    code_col = pick_code_field(frame, columns, code_field, level)
    name_col = pick_name_field(frame, columns, name_field, code_col)
    report.update(code_field=code_col, name_field=name_col)
    codes = read_codes(frame[code_col], code_col, level)
    names = [clean_name(n) or k for n, k in zip(frame[name_col] if name_col else [None] * len(codes), codes)]
    areas = build_areas(frame, codes, names, report, dissolve_parents=dissolve_parents, parent_names=True)
    return BoundaryLoad(areas, report)


def open_boundaries(source, file_name: str | None = None) -> tuple[gpd.GeoDataFrame, dict]:
    """Every feature of a boundary file in EPSG:4326, and the report's first entries (file_name,
    format, layer, n_features, source_crs, crs_assumed, reprojected). Raises FileRefused as
    ``load_boundaries`` does for the file itself."""
    frame, report = read_features(source, file_name)
    if frame.empty:
        raise FileRefused("batas_kosong")
    return to_wgs84(frame, report), report


def feature_columns(frame: gpd.GeoDataFrame) -> list[str]:
    """The attribute columns of a boundary frame (all but the geometry)."""
    return [c for c in frame.columns if c != frame.geometry.name]


def build_areas(frame: gpd.GeoDataFrame, codes: list[str], names: list[str], report: dict, *,
                dissolve_parents: bool = True, parent_names: bool = True) -> gpd.GeoDataFrame:
    """The areas of ``frame``'s features, each with its dotted code and name (aligned lists).

    Polygons repaired, empty ones dropped, repeats of a code unioned; a desa-only set also
    yields its dissolved kecamatan and kabupaten/kota (named from the file's parent-name
    columns when ``parent_names``, else by their code). Returns AREA_COLUMNS sorted by kode
    and adds the rest of ``load_boundaries``' report entries to ``report``."""
    geoms = clean_polygons(frame.geometry.values, codes, report)
    keep = ~shapely.is_empty(geoms)
    rows = pd.DataFrame({Col.KODE: codes, Col.NAMA: names, Col.GEOMETRY: geoms}, index=frame.index)[keep]
    rows = merge_duplicates(rows, report)  # keeps the index (feature number - 1) of first occurrences
    rows[Col.LEVEL] = [Level.of_code(k).value for k in rows[Col.KODE]]
    dissolved = {}
    if dissolve_parents and set(rows[Col.LEVEL]) == {Level.DESA.value}:
        rows, dissolved = _with_parents(rows, frame, feature_columns(frame) if parent_names else [])
    rows[Col.KODE_INDUK] = [parent_code(k) for k in rows[Col.KODE]]
    rows[Col.TIPE] = [area_tipe(k, n) for k, n in zip(rows[Col.KODE], rows[Col.NAMA])]
    rows = rows.sort_values(Col.KODE, ignore_index=True)
    areas = gpd.GeoDataFrame(rows[AREA_COLUMNS], geometry=Col.GEOMETRY, crs="EPSG:4326")
    report.update(
        levels={lvl.value: int(n) for lvl in LEVELS if (n := (areas[Col.LEVEL] == lvl.value).sum())},
        tipe={str(k): int(v) for k, v in areas[Col.TIPE].value_counts().sort_index().items()},
        dissolved=dissolved,
        bounds=[round(float(v), 6) for v in areas.total_bounds],
    )
    return areas


def _with_parents(desa: pd.DataFrame, frame, columns: list[str]) -> tuple[pd.DataFrame, dict[str, int]]:
    """``desa`` with the kecamatan and kabupaten/kota dissolved from them; how many of each."""
    kec_names = parent_names(frame, columns, Level.KECAMATAN, desa.index)
    kab_names = parent_names(frame, columns, Level.KABUPATEN, desa.index)
    kec = dissolve(desa, Level.KECAMATAN, kec_names)
    kab = dissolve(kec, Level.KABUPATEN, per_parent(kab_names, desa, kec))
    dissolved = {Level.KECAMATAN.value: len(kec), Level.KABUPATEN.value: len(kab)}
    return pd.concat([desa, kec, kab], ignore_index=True), dissolved


def as_level(level) -> Level | None:
    """``level`` as a Level (None stays None); RekamError('batas_level_salah') for an unknown one."""
    if level is None or isinstance(level, Level):
        return level
    try:
        return Level(str(level).strip().lower())
    except ValueError:
        raise RekamError("batas_level_salah", level=level, pilihan=", ".join(lvl.value for lvl in LEVELS)) from None

"""Boundary loader: a GeoJSON, GeoPackage or zipped Shapefile → one row per Kemendagri area.

``load_boundaries`` reads the file (a path, or the bytes of an upload), brings it to
EPSG:4326, repairs invalid polygons, finds the code and name fields of the usual
Indonesian schemas (Kemendagri ``kode``/``nama``, BIG RBI ``KDEPUM``/``WADMKD``…),
normalises codes to the dotted Kemendagri form and, for a desa-only file, dissolves the
kecamatan and kabupaten/kota polygons from the desa. What it did is in ``report``.
"""
from __future__ import annotations

import os
import re
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from geo.names import code_shape, normalize_code
from geo.schema import (
    LEVELS, Col, FileRefused, Level, Problem, RekamError, ValidationFailed, desa_tipe, parent_code,
)


_EXT_DRIVER = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG", ".zip": "ESRI Shapefile (zip)",
               ".shp": "ESRI Shapefile"}
_MAGIC_EXT = {b"PK\x03\x04": ".zip", b"SQLite format 3": ".gpkg", b"{": ".geojson"}
# BIG RBI: Kemendagri ("PUM") code and name columns by level; the *BPS columns are BPS codes.
_BIG_CODE = {Level.DESA: "KDEPUM", Level.KECAMATAN: "KDCPUM", Level.KABUPATEN: "KDPKAB", Level.PROVINSI: "KDPPUM"}
_BIG_NAME = {Level.DESA: ("WADMKD", "NAMOBJ"), Level.KECAMATAN: ("WADMKC",), Level.KABUPATEN: ("WADMKK",),
             Level.PROVINSI: ("WADMPR",)}
_CODE_PRIORITY = ("kode", "kode_wilayah", "kode_kemendagri", "kd_wilayah")
_CODE_LIKE = re.compile(r"^(kode|kd)(_|$|[a-z])", re.I)
_NAME_PRIORITY = ("nama", "nama_wilayah", "name", "shapename")
_PARENT_NAME = {Level.KECAMATAN: ("WADMKC", "kecamatan", "nama_kec", "nama_kecamatan", "nm_kec"),
                Level.KABUPATEN: ("WADMKK", "kabupaten", "nama_kab", "nama_kabupaten", "nama_kabkota", "nm_kab")}
_DEGREES = (-180.0, -90.0, 180.0, 90.0)


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
    not Kemendagri codes and are refused unless a code field is given. Without a name field
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
    level = _as_level(level)
    ext, label = _file_type(source, file_name)
    with _local_path(source, ext) as path, _reader_errors(label):
        target, layer = _dataset(path, ext)
        frame = pyogrio.read_dataframe(target, layer=layer)
    report: dict = {"file_name": label, "format": _EXT_DRIVER[ext], "layer": layer, "n_features": len(frame)}
    if frame.empty:
        raise FileRefused("batas_kosong")
    frame = _to_wgs84(frame, report)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    code_col = _pick_code_field(frame, columns, code_field, level)
    name_col = _pick_name_field(frame, columns, name_field, code_col)
    report.update(code_field=code_col, name_field=name_col)
    codes = _codes(frame[code_col], code_col, level)
    names = [_clean_name(n) or k for n, k in zip(frame[name_col] if name_col else [None] * len(codes), codes)]
    geoms = _polygons(frame.geometry.values, codes, report)
    keep = ~shapely.is_empty(geoms)
    rows = pd.DataFrame({Col.KODE: codes, Col.NAMA: names, Col.GEOMETRY: geoms})[keep]
    rows = _merge_duplicates(rows, report)  # keeps the index (feature number - 1) of first occurrences
    rows[Col.LEVEL] = [Level.of_code(k).value for k in rows[Col.KODE]]
    dissolved = {}
    if dissolve_parents and set(rows[Col.LEVEL]) == {Level.DESA.value}:
        kec_names, kab_names = (_column_or_none(frame, columns, _PARENT_NAME[lvl], rows.index)
                                for lvl in (Level.KECAMATAN, Level.KABUPATEN))
        kec = _dissolve(rows, Level.KECAMATAN, kec_names)
        kab = _dissolve(kec, Level.KABUPATEN, _per_parent(kab_names, rows, kec))
        dissolved = {Level.KECAMATAN.value: len(kec), Level.KABUPATEN.value: len(kab)}
        rows = pd.concat([rows, kec, kab], ignore_index=True)
    rows[Col.KODE_INDUK] = [parent_code(k) for k in rows[Col.KODE]]
    rows[Col.TIPE] = [_tipe(k, n) for k, n in zip(rows[Col.KODE], rows[Col.NAMA])]
    rows = rows.sort_values(Col.KODE, ignore_index=True)
    areas = gpd.GeoDataFrame(rows[[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, Col.GEOMETRY]],
                             geometry=Col.GEOMETRY, crs="EPSG:4326")
    report.update(
        levels={lvl.value: int(n) for lvl in LEVELS if (n := (areas[Col.LEVEL] == lvl.value).sum())},
        tipe={str(k): int(v) for k, v in areas[Col.TIPE].value_counts().sort_index().items()},
        dissolved=dissolved,
        bounds=[round(float(v), 6) for v in areas.total_bounds],
    )
    return BoundaryLoad(areas, report)


# --- reading --------------------------------------------------------------------
def _as_level(level) -> Level | None:
    if level is None or isinstance(level, Level):
        return level
    try:
        return Level(str(level).strip().lower())
    except ValueError:
        raise RekamError("batas_level_salah", level=level, pilihan=", ".join(lvl.value for lvl in LEVELS)) from None


def _file_type(source, file_name: str | None) -> tuple[str, str]:
    """(extension from the table, label for messages); bytes without a known name are sniffed."""
    is_bytes = isinstance(source, (bytes, bytearray, memoryview))
    label = file_name or ("unggahan" if is_bytes else Path(source).name)
    ext = Path(label).suffix.lower()
    if ext not in _EXT_DRIVER and is_bytes:
        head = bytes(source[:16]).lstrip()
        ext = next((e for magic, e in _MAGIC_EXT.items() if head.startswith(magic)), ext)
    if ext not in _EXT_DRIVER:
        raise FileRefused("batas_format", ext=ext or label)
    return ext, label


@contextmanager
def _local_path(source, ext: str):
    """A readable path: the given one, or the bytes written to a private temp dir (always removed)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        with tempfile.TemporaryDirectory(prefix="rekam-batas-") as tmp:
            path = Path(tmp) / f"unggahan{ext}"
            path.write_bytes(source)
            yield path
    else:
        path = Path(source)
        if not path.is_file():
            raise FileRefused("batas_tidak_terbaca", berkas=str(path), detail="tidak ditemukan / not found")
        yield path


@contextmanager
def _reader_errors(label: str):
    try:
        yield
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError,
            pyogrio.errors.GeometryError, pyogrio.errors.FeatureError, zipfile.BadZipFile, OSError) as exc:
        raise FileRefused("batas_tidak_terbaca", berkas=label, detail=str(exc).split(";")[0][:200]) from None


def _dataset(path: Path, ext: str) -> tuple[str, str | None]:
    """GDAL path and layer to read. Zip members are checked, never extracted."""
    target = str(path)
    if ext == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = zf.namelist()
        for member in members:
            parts = re.split(r"[\\/]", member)
            if member.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", member) or ".." in parts:
                raise FileRefused("batas_zip_tidak_aman", anggota=member)
        shapefiles = [m for m in members if m.lower().endswith(".shp")
                      and not any(p.startswith(("__MACOSX", "._")) for p in m.split("/"))]
        if not shapefiles:
            raise FileRefused("batas_zip_tanpa_data", isi=", ".join(members[:10]) or "-")
        if len(shapefiles) > 1:
            raise FileRefused("batas_banyak_lapisan", lapisan=", ".join(shapefiles))
        target = f"/vsizip/{path}/{shapefiles[0]}"
    if ext != ".gpkg":
        return target, None  # single-layer formats; listing layers would parse a GeoJSON twice
    layers = pyogrio.list_layers(target)
    polygonal = [str(name) for name, kind in layers if kind and "Polygon" in str(kind)]
    if len(polygonal) > 1:
        raise FileRefused("batas_banyak_lapisan", lapisan=", ".join(polygonal))
    return target, (polygonal[0] if polygonal else str(layers[0][0]) if len(layers) else None)


def _to_wgs84(frame: gpd.GeoDataFrame, report: dict) -> gpd.GeoDataFrame:
    """EPSG:4326; refuses metre-like coordinates that claim (or default to) degrees."""
    crs = frame.crs
    minx, miny, maxx, maxy = frame.total_bounds
    in_degrees = not np.isnan(minx) and minx >= _DEGREES[0] and miny >= _DEGREES[1] \
        and maxx <= _DEGREES[2] and maxy <= _DEGREES[3]
    if (crs is None or crs.is_geographic) and not in_degrees and not np.isnan(minx):
        raise FileRefused("batas_tanpa_crs", contoh=f"x={minx:.0f}, y={miny:.0f}")
    authority = crs.to_authority() if crs is not None else None
    report["source_crs"] = ":".join(authority) if authority else (crs.name if crs is not None else None)
    report["crs_assumed"] = crs is None
    report["reprojected"] = False
    if crs is None or crs.to_epsg() == 4326 or report["source_crs"] == "OGC:CRS84":
        return frame.set_crs("EPSG:4326", allow_override=True)
    report["reprojected"] = True
    return frame.to_crs("EPSG:4326")


# --- fields and codes -----------------------------------------------------------
def _find_column(columns: list[str], wanted) -> str | None:
    """First of ``wanted`` present in ``columns``, matched exactly or else case-insensitively."""
    lower = {c.lower(): c for c in columns}
    for w in wanted:
        if w in columns:
            return w
        if w.lower() in lower:
            return lower[w.lower()]
    return None


def _override(columns: list[str], field: str) -> str:
    found = _find_column(columns, [field])
    if found is None:
        raise FileRefused("batas_kolom_tidak_ada", kolom=field, tersedia=", ".join(columns))
    return found


def _pick_code_field(frame, columns: list[str], code_field: str | None, level: Level | None) -> str:
    if code_field:
        return _override(columns, code_field)
    if level and (big := _find_column(columns, [_BIG_CODE[level]])) and frame[big].notna().any():
        return big
    candidates = [c for c in columns
                  if (c.lower() in _CODE_PRIORITY or _CODE_LIKE.match(c) or c.upper() in _BIG_CODE.values())
                  and "bps" not in c.lower() and _looks_like_codes(frame[c])]
    if candidates:
        # The most distinct values is the finest level (KDEPUM before KDCPUM, kode_desa before kode_kec).
        return max(candidates, key=lambda c: (frame[c].nunique(), c.lower() in _CODE_PRIORITY))
    tersedia = ", ".join(columns)
    gadm = sorted(c for c in columns if re.fullmatch(r"GID_\d", c, re.I))
    if gadm:
        raise FileRefused("batas_kode_bukan_kemendagri", skema="GADM", tersedia=tersedia,
                          contoh=f"{gadm[-1]}={frame[gadm[-1]].iloc[0]}")
    if (shape_id := _find_column(columns, ["shapeID"])) is not None:
        raise FileRefused("batas_kode_bukan_kemendagri", skema="geoBoundaries", tersedia=tersedia,
                          contoh=f"{shape_id}={frame[shape_id].iloc[0]}")
    raise FileRefused("batas_tanpa_kode", tersedia=tersedia)


def _looks_like_codes(values: pd.Series) -> bool:
    """At least half the filled cells are Kemendagri or BPS-shaped codes (the latter refused later)."""
    sample = values.dropna().head(200)
    ok = sum(normalize_code(v) is not None or code_shape(v) == "bps" for v in sample)
    return len(sample) > 0 and ok * 2 >= len(sample)


def _pick_name_field(frame, columns: list[str], name_field: str | None, code_col: str) -> str | None:
    if name_field:
        return _override(columns, name_field)
    big_level = next((lvl for lvl, col in _BIG_CODE.items() if col == code_col.upper()), None)
    suffix = re.sub(r"^(kode|kd)_?", "", code_col, flags=re.I)
    wanted = list(_BIG_NAME[big_level]) if big_level else []
    wanted += [f"{p}{suffix}" for p in ("nama_", "nama", "nm_", "name_")] if suffix else []
    wanted += list(_NAME_PRIORITY)
    wanted += sorted((c for c in columns if re.fullmatch(r"NAME_\d", c, re.I)), reverse=True)  # GADM
    wanted += [c for c in columns if re.match(r"^(nama|name|nm_)", c, re.I)]
    return next((c for w in wanted if (c := _find_column(columns, [w])) and frame[c].notna().any()), None)


def _as_written(value) -> str | None:
    """A code cell as the user would see it in a message (integral floats without '.0')."""
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _codes(values: pd.Series, column: str, level: Level | None) -> list[str]:
    """Normalised codes; every bad row becomes a Problem (row = feature number, from 1)."""
    codes, problems = [], []
    for row, value in enumerate(values, start=1):
        code, written = normalize_code(value), _as_written(value)
        if written is None:
            problems.append(Problem("batas_kode_kosong", baris=row, kolom=column))
        elif code is None:
            key = "batas_kode_bps" if code_shape(value) == "bps" else "batas_kode_tidak_sah"
            problems.append(Problem(key, baris=row, kolom=column, params={"kode": written}))
        elif level and Level.of_code(code) is not level:
            problems.append(Problem("batas_kode_tingkat_lain", baris=row, kolom=column, params={
                "kode": code, "tingkat_kode": Level.of_code(code).value, "level": level.value}))
        codes.append(code)
    if problems:
        raise ValidationFailed(problems)
    return codes


def _blank(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _clean_name(value) -> str | None:
    if _blank(value):
        return None
    return " ".join(str(value).split()) or None


# --- geometry -------------------------------------------------------------------
def _polygons(geoms, codes: list[str], report: dict) -> np.ndarray:
    """2D polygonal geometries; invalid ones made valid, null/non-polygonal ones left empty."""
    geoms = shapely.force_2d(np.asarray(geoms, dtype=object))
    missing = shapely.is_missing(geoms)
    geoms[missing] = shapely.Polygon()
    empty_in_file = shapely.is_empty(geoms)
    kinds = shapely.get_type_id(geoms)
    foreign = ~empty_in_file & ~np.isin(kinds, (3, 6, 7))  # points and lines
    if foreign.any() and (foreign | empty_in_file).all():
        raise FileRefused("batas_bukan_poligon", jenis=", ".join(sorted({g.geom_type for g in geoms[foreign]})))
    geoms[foreign] = shapely.Polygon()
    invalid = ~shapely.is_empty(geoms) & (~shapely.is_valid(geoms) | (kinds == 7))
    geoms[invalid] = [_polygonal(shapely.make_valid(g)) for g in geoms[invalid]]
    dropped = shapely.is_empty(geoms)
    if dropped.all():
        raise FileRefused("batas_kosong")
    repaired = invalid & ~dropped
    report.update(
        n_repaired=int(repaired.sum()),
        repaired_kode=[c for c, r in zip(codes, repaired) if r],
        dropped_empty=int((dropped & ~foreign).sum()),
        dropped_not_polygon=int(foreign.sum()),
        dropped_kode=[c for c, d in zip(codes, dropped) if d],
    )
    return geoms


def _polygonal(geom):
    """Only the polygonal parts of a make_valid result (a GeometryCollection may hold lines)."""
    if shapely.get_type_id(geom) in (3, 6):
        return geom
    parts = shapely.get_parts(shapely.get_parts(geom))
    polygons = [p for p in parts if shapely.get_type_id(p) == 3 and not p.is_empty]
    if len(polygons) <= 1:
        return polygons[0] if polygons else shapely.Polygon()
    multi = shapely.MultiPolygon(polygons)
    return multi if multi.is_valid else shapely.union_all(polygons)


def _union_groups(geoms: np.ndarray, groups: dict) -> list:
    """``union_all`` per group, on all cores (GEOS releases the GIL)."""
    def union(idx):
        return geoms[idx[0]] if len(idx) == 1 else shapely.union_all(geoms[idx])

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(union, groups.values()))


def _close_small_holes(geoms: np.ndarray, min_area: float) -> np.ndarray:
    """``geoms`` (polygonal, non-empty) without interior rings smaller than ``min_area``."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    exterior = np.r_[True, ring_part[1:] != ring_part[:-1]]  # each part's rings start with its shell
    keep = exterior | (shapely.area(shapely.polygons(rings)) >= min_area)
    polygons = shapely.polygons(rings[keep], indices=ring_part[keep])
    multi = shapely.multipolygons(polygons, indices=owner)
    single = shapely.get_num_geometries(multi) == 1
    multi[single] = shapely.get_geometry(multi[single], 0)
    return multi


def _merge_duplicates(rows: pd.DataFrame, report: dict) -> pd.DataFrame:
    """One row per code: same-name repeats are unioned; different names refuse the file."""
    repeated = rows[rows[Col.KODE].duplicated(keep=False)]
    report.update(merged_duplicates=0, merged_kode=[])
    if repeated.empty:
        return rows
    names = repeated[Col.NAMA].str.casefold().groupby(repeated[Col.KODE]).nunique()
    clash = sorted(names[names > 1].index)
    if clash:
        raise FileRefused("batas_kode_ganda", jumlah=len(clash), kode=", ".join(clash[:10]))
    groups = rows.groupby(Col.KODE).indices
    unions = dict(zip(groups, _union_groups(rows[Col.GEOMETRY].to_numpy(), groups)))
    merged = rows.drop_duplicates(Col.KODE).copy()
    merged[Col.GEOMETRY] = merged[Col.KODE].map(unions)
    report.update(merged_duplicates=len(rows) - len(merged), merged_kode=sorted(set(repeated[Col.KODE])))
    return merged


def _dissolve(children: pd.DataFrame, level: Level, names: pd.Series | None) -> pd.DataFrame:
    """Parent areas of ``level`` as unions of ``children``, named from ``names`` (aligned) or by code.

    Holes smaller than a tenth of the smallest child are gaps between neighbours (digitising
    slivers: the Banten desa leave ~5,900 in their kecamatan), not enclaves: they are closed,
    which also makes the next dissolve up several times faster.
    """
    parents = children[Col.KODE].map(parent_code)
    groups = children.groupby(parents.to_numpy(), sort=True).indices
    geoms = children[Col.GEOMETRY].to_numpy()
    unions = _close_small_holes(np.array(_union_groups(geoms, groups), dtype=object),
                                float(shapely.area(geoms).min()) / 10)
    named = {}
    if names is not None:
        cleaned = pd.Series([_clean_name(n) for n in names], index=children.index)
        named = cleaned.groupby(parents).agg(lambda s: s.mode().iloc[0] if s.notna().any() else None).to_dict()
    return pd.DataFrame({
        Col.KODE: list(groups),
        Col.NAMA: [named.get(k) or k for k in groups],
        Col.GEOMETRY: unions,
        Col.LEVEL: level.value,
    })


def _column_or_none(frame, columns: list[str], wanted, index) -> pd.Series | None:
    col = _find_column(columns, wanted)
    return frame[col].reindex(index) if col else None


def _per_parent(names: pd.Series | None, children: pd.DataFrame, parents: pd.DataFrame) -> pd.Series | None:
    """``names`` given per child, carried to each parent row (first filled value)."""
    if names is None:
        return None
    by_parent = names.groupby(children[Col.KODE].map(parent_code)).first()
    return parents[Col.KODE].map(by_parent)


def _tipe(kode: str, nama: str) -> str:
    level = Level.of_code(kode)
    if level is Level.DESA:
        return desa_tipe(kode)
    if level is not Level.KABUPATEN:
        return level.value
    folded = nama.casefold()
    if folded.startswith("kota"):
        return "kota"
    if folded.startswith("kab"):
        return "kabupaten"
    return "kota" if int(kode.split(".")[1]) >= 71 else "kabupaten"  # Kemendagri numbers kota from 71

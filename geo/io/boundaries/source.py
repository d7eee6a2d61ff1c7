"""Opening a boundary file: type by extension (or sniffed), a safe GDAL path, EPSG:4326.

Zips are read in place through GDAL's /vsizip/ (members checked, nothing extracted); bytes
of an upload live in a private temporary directory only while being read.
"""
from __future__ import annotations

import re
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from geo.schema import FileRefused

DRIVERS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG", ".zip": "ESRI Shapefile (zip)",
           ".shp": "ESRI Shapefile"}
_MAGIC_EXT = {b"PK\x03\x04": ".zip", b"SQLite format 3": ".gpkg", b"{": ".geojson"}
_DEGREES = (-180.0, -90.0, 180.0, 90.0)
_READER_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError,
                  pyogrio.errors.GeometryError, pyogrio.errors.FeatureError, zipfile.BadZipFile, OSError)


def read_features(source, file_name: str | None) -> tuple[gpd.GeoDataFrame, dict]:
    """Every feature of ``source`` (a path or bytes) as read, and the report's first entries:
    file_name, format, layer, n_features. Raises FileRefused (``batas_format``,
    ``batas_tidak_terbaca``, ``batas_zip_*``, ``batas_banyak_lapisan``)."""
    ext, label = _file_type(source, file_name)
    # GDAL's GeoJSON reader gives up on one feature of over 200 MB of text by default: a valid
    # desa of two million vertices is still a desa (the upload limit bounds the file itself).
    pyogrio.set_gdal_config_options({"OGR_GEOJSON_MAX_OBJ_SIZE": "0"})
    with _local_path(source, ext) as path, _reader_errors(label):
        target, layer = _dataset(path, ext)
        frame = pyogrio.read_dataframe(target, layer=layer)
    return frame, {"file_name": label, "format": DRIVERS[ext], "layer": layer, "n_features": len(frame)}


def _file_type(source, file_name: str | None) -> tuple[str, str]:
    """(extension from the table, label for messages); bytes without a known name are sniffed."""
    is_bytes = isinstance(source, (bytes, bytearray, memoryview))
    label = file_name or ("unggahan" if is_bytes else Path(source).name)
    ext = Path(label).suffix.lower()
    if ext not in DRIVERS and is_bytes:
        head = bytes(source[:16]).lstrip()
        ext = next((e for magic, e in _MAGIC_EXT.items() if head.startswith(magic)), ext)
    if ext not in DRIVERS:
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
    except _READER_ERRORS as exc:
        raise FileRefused("batas_tidak_terbaca", berkas=label, detail=str(exc).split(";")[0][:200]) from None


def _dataset(path: Path, ext: str) -> tuple[str, str | None]:
    """GDAL path and layer to read. Zip members are checked, never extracted."""
    target = str(path)
    if ext == ".zip":
        target = f"/vsizip/{path}/{_zip_shapefile(path)}"
    if ext != ".gpkg":
        return target, None  # single-layer formats; listing layers would parse a GeoJSON twice
    layers = pyogrio.list_layers(target)
    polygonal = [str(name) for name, kind in layers if kind and "Polygon" in str(kind)]
    if len(polygonal) > 1:
        raise FileRefused("batas_banyak_lapisan", lapisan=", ".join(polygonal))
    return target, (polygonal[0] if polygonal else str(layers[0][0]) if len(layers) else None)


def _zip_shapefile(path: Path) -> str:
    """The one Shapefile inside a zip; refuses absolute or parent-relative member paths."""
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
    return shapefiles[0]


_INDONESIA = (94.0, -11.5, 141.5, 6.5)  # lon/lat box of the archipelago, with a margin
_CHECK_BLOCK = 10_000  # features whose coordinates are checked at once


def check_coordinates(frame: gpd.GeoDataFrame) -> None:
    """Refuse, naming the feature, coordinates no map can hold: NaN or infinite values; latitude
    and longitude swapped (every point of Indonesia read the wrong way round); and, in a file in
    degrees, single vertices far off the globe (a typed 1e308) — rather than calling all of these
    "metres" or failing inside the geometry library."""
    geometry = frame.geometry.values
    degrees = frame.crs is None or frame.crs.is_geographic
    swapped, off, total, first_xy, first_off = True, 0, 0, None, None
    west, south, east, north = _INDONESIA
    # A block of features at a time: the coordinates of a national file at once are ~250 MB.
    for start in range(0, len(geometry), _CHECK_BLOCK):
        coords, index = shapely.get_coordinates(geometry[start : start + _CHECK_BLOCK], return_index=True)
        if not len(coords):
            continue
        bad = ~np.isfinite(coords).all(axis=1)
        if bad.any():
            raise FileRefused("batas_koordinat_tak_terbatas", fitur=start + int(index[bad.argmax()]) + 1)
        if not degrees:
            continue
        x, y = coords[:, 0], coords[:, 1]
        first_xy = first_xy or (float(x[0]), float(y[0]))
        if swapped and not ((x >= south) & (x <= north) & (y >= west) & (y <= east)).all():
            swapped = False
        away = (np.abs(x) > _DEGREES[2]) | (np.abs(y) > _DEGREES[3])
        if first_off is None and away.any():
            at = int(away.argmax())
            first_off = (start + int(index[at]) + 1, f"x={x[at]:.6g}, y={y[at]:.6g}")
        off, total = off + int(away.sum()), total + len(coords)
    if not degrees or not total:
        return
    if swapped:
        raise FileRefused("batas_lintang_bujur_tertukar", contoh=f"x={first_xy[0]:.4f}, y={first_xy[1]:.4f}")
    if off and off / total < 0.5:  # mostly degrees: a few stray vertices, not a projected file
        raise FileRefused("batas_titik_di_luar", fitur=first_off[0], contoh=first_off[1])


def to_wgs84(frame: gpd.GeoDataFrame, report: dict) -> gpd.GeoDataFrame:
    """EPSG:4326; refuses metre-like coordinates that claim (or default to) degrees, and the
    coordinates ``check_coordinates`` refuses.

    Adds source_crs, crs_assumed and reprojected to ``report``."""
    check_coordinates(frame)
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

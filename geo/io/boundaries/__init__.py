"""Boundary loader: a GeoJSON, GeoPackage or zipped Shapefile → one row per Kemendagri area.

``load_boundaries`` reads the file (a path, or the bytes of an upload), brings it to
EPSG:4326, repairs invalid polygons, finds the code and name fields of the usual
Indonesian schemas (Kemendagri ``kode``/``nama``, BIG RBI ``KDEPUM``/``WADMKD``…),
normalises codes to the dotted Kemendagri form and, for a desa-only file, dissolves the
kecamatan and kabupaten/kota polygons from the desa. What it did is in ``report``.

A file that names its areas without Kemendagri codes (GADM, geoBoundaries, OpenStreetMap,
BIG without PUM codes) is read by ``named.read_named`` (schema, levels, names and parents'
names as written); ``geo.join.boundaries`` matches the names to the official code table and
``load.build_areas`` makes the areas (``geo.ingest.prepare_boundaries`` does all three).

``source`` (file type, safe opening, CRS), ``fields`` (code and name columns as lookup
tables, codes checked), ``polygons`` (repair, merge, dissolve), ``named`` (files without
codes), ``load`` (the whole).
"""
from __future__ import annotations

from geo.io.boundaries.load import BoundaryLoad, load_boundaries

__all__ = ["BoundaryLoad", "load_boundaries"]

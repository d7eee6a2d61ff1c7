"""Boundary files into the store: prepared first (read; areas named but not coded matched to the
official code table, every feature reported; nothing written), then stored as one version with
parents kept whole and map views prepared. A refused file leaves the store as it was."""
from __future__ import annotations

import ctypes
import gc
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo import shapes
from geo.codes import official_areas, official_name
from geo.ingest.rights import refuse_outside
from geo.ingest.source import read_source
from geo.io.boundaries import BoundaryLoad
from geo.io.boundaries.fields import pick_code_field
from geo.io.boundaries.load import AREA_COLUMNS, as_level, build_areas, feature_columns, load_coded, open_boundaries
from geo.io.boundaries.polygons import dissolve
from geo.io.boundaries.named import read_named
from geo.join import JoinResult, MATCHED
from geo.join.boundaries import BOUNDARY_ROW_ERRORS, join_boundaries
from geo.names import normalize_code
from geo.schema import Col, FileRefused, Level, Problem, RekamError, ValidationFailed
from geo.store import Store

NO_CODE = ("batas_tanpa_kode", "batas_kode_bukan_kemendagri")  # refusals of a file that names areas instead
_MATCHED = [m.value for m in MATCHED]


@dataclass
class BoundaryImport:
    version_id: int
    loaded: BoundaryLoad
    join: JoinResult | None = None


@dataclass
class PreparedBoundaries:
    """A read boundary file, not yet stored. ``loaded.areas`` holds the areas that will be stored
    (for a named file: the matched features and the parents dissolved from them); ``join`` is
    None for a file with Kemendagri codes, else how each feature matched (``join_boundaries``)."""

    file_name: str
    file_hash: str
    loaded: BoundaryLoad
    join: JoinResult | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def unmatched(self) -> pd.DataFrame:
        """The report rows of features not matched (empty for a coded file)."""
        if self.join is None:
            return pd.DataFrame(columns=["baris", "nama_file", "cara", "kandidat"])
        return self.join.report[~self.join.report["cara"].isin(_MATCHED)]

    @property
    def blocking(self) -> list[Problem]:
        """Errors other than unmatched features (two features on one area): these always block."""
        problems = self.join.problems if self.join is not None else []
        return [p for p in problems if p.severity == "error" and p.key not in BOUNDARY_ROW_ERRORS]


def prepare_boundaries(store: Store, source, *, level: Level | str | None = None, code_field: str | None = None,
                       name_field: str | None = None, file_name: str | None = None, within: str | None = None,
                       overrides: dict | None = None, force: bool = False) -> PreparedBoundaries:
    """Read a boundary file and make its areas; writes nothing.

    A file with Kemendagri codes is read by ``load_boundaries``. A file without (GADM,
    geoBoundaries, OSM, BIG without PUM codes, name columns; ``geo.io.boundaries.named``) is
    matched by name to the official code table (``geo.codes.official_areas``) within each
    feature's parent, top-down (``geo.join.boundaries.join_boundaries``; ``within`` a dotted
    code where the search starts, ``overrides`` {feature number: kode} chosen by hand); its
    areas are the matched features, named as the table names them. The report adds ``skema``,
    ``name_fields``, ``dalam``, ``cocok`` (per feature: baris, tingkat, nama_file, cara, kode,
    nama, skor, alasan) and ``tidak_cocok`` (how many features did not match).

    Raises RekamError('berkas_sudah_diimpor') for a file already stored (unless ``force``),
    FileRefused / ValidationFailed / RekamError as ``load_boundaries``, ``read_named`` and
    ``join_boundaries`` do.
    """
    level = as_level(level)
    if within is not None and normalize_code(within) is None:
        raise RekamError("batas_wilayah_salah", kode=within)
    src, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)  # early: before reading a large file
    frame, report = open_boundaries(src, name)
    columns = feature_columns(frame)
    try:
        pick_code_field(frame, columns, code_field, level)
    except FileRefused as err:
        if code_field or err.key not in NO_CODE:
            raise
        return _prepare_named(store, frame, report, name, digest, level, name_field, within, overrides)
    loaded = load_coded(frame, report, level=level, code_field=code_field, name_field=name_field)
    loaded.areas = _stored_form(store, loaded.areas, loaded.report)
    return PreparedBoundaries(name, digest, loaded)


def _prepare_named(store: Store, frame, report: dict, name: str, digest: str, level: Level | None,
                   name_field: str | None, within: str | None, overrides: dict | None) -> PreparedBoundaries:
    named = read_named(frame, feature_columns(frame), level=level, name_field=name_field)
    joined = join_boundaries(named.table, official_areas(), within=within, overrides=overrides)
    codes = dict(zip(joined.matched[Col.BARIS], joined.matched[Col.KODE]))
    keep = [b in codes for b in named.table[Col.BARIS]]
    report.update(skema=named.schema, name_fields=named.fields, code_field=None, dalam=within,
                  cocok=joined.report.drop(columns=["kandidat", "lembar", "kode_file"]).to_dict("records"),
                  tidak_cocok=int((~joined.report["cara"].isin(_MATCHED)).sum()))
    kept = frame[keep]
    kept_codes = [codes[b] for b, k in zip(named.table[Col.BARIS], keep) if k]
    if not kept_codes:
        nothing = gpd.GeoDataFrame(columns=AREA_COLUMNS, geometry=Col.GEOMETRY, crs="EPSG:4326")
        return PreparedBoundaries(name, digest, BoundaryLoad(nothing, report), joined, _warnings(joined))
    names = [official_name(k) or k for k in kept_codes]
    areas = build_areas(kept, kept_codes, names, report, parent_names=False)
    loaded = BoundaryLoad(_stored_form(store, areas, report), report)
    return PreparedBoundaries(name, digest, loaded, joined, _warnings(joined))


def _warnings(joined: JoinResult) -> list[Problem]:
    return [p for p in joined.problems if p.severity != "error"]


def commit_boundaries(store: Store, prepared: PreparedBoundaries, *, user: str = "cli", skip_unmatched: bool = False,
                      force: bool = False, writer_area: str | None = None) -> int:
    """Store a prepared boundary file as one version and prepare its map views; returns the version id.
    Afterwards ``prepared.loaded.areas`` holds the stored rows without their geometry (read it from the store).

    Refuses (nothing written): blocking errors (ValidationFailed: two features on one area),
    unmatched features unless ``skip_unmatched`` (RekamError 'batas_ada_fitur_tak_cocok'),
    nothing matched at all ('batas_tidak_ada_yang_cocok'), the same file already active
    unless ``force``, an area outside ``writer_area`` (OutsideArea; None: everywhere) — a provinsi
    outline dissolved from the kabupaten/kota (``_with_provinsi``) goes with them.
    """
    if prepared.blocking:
        raise ValidationFailed(prepared.blocking)
    unmatched = len(prepared.unmatched)
    if unmatched and not skip_unmatched:
        raise RekamError("batas_ada_fitur_tak_cocok", jumlah=unmatched,
                         baris=", ".join(str(b) for b in prepared.unmatched["baris"].head(10)))
    if prepared.loaded.areas.empty:
        raise RekamError("batas_tidak_ada_yang_cocok", berkas=prepared.file_name)
    loaded = prepared.loaded
    derived = set(loaded.report.get("provinsi_digabung", ()))  # drawn from the kabupaten/kota, not written by hand
    refuse_outside(store, writer_area, [k for k in loaded.areas[Col.KODE] if k not in derived])
    version = store.add_areas(loaded.areas, file_name=prepared.file_name, file_hash=prepared.file_hash, user=user,
                              report=loaded.report, force=force)
    # The store holds the geometry now: the file's own copy is let go (``loaded.areas`` keeps its
    # rows), so that preparing the views, one province read at a time, adds to a small process.
    loaded.areas = pd.DataFrame(loaded.areas.drop(columns=loaded.areas.geometry.name))
    _give_back_memory()
    # The map views one step away from the pickers are simplified now, once (geo.shapes.warm).
    loaded.report["tampilan_peta_disiapkan"] = shapes.warm(store, loaded.areas[Col.KODE])
    return version


def _give_back_memory() -> None:
    """Return the memory the file's geometry held to the system: glibc keeps freed memory in the
    process otherwise, and the map views' worker processes would start beside a process still the
    size of the whole file (a national one: ~1 GB). Does nothing without glibc."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def import_boundaries(store: Store, source, *, level: Level | str | None = None, code_field: str | None = None,
                      name_field: str | None = None, file_name: str | None = None, user: str = "cli",
                      force: bool = False, within: str | None = None, overrides: dict | None = None,
                      skip_unmatched: bool = False, writer_area: str | None = None) -> BoundaryImport:
    """``prepare_boundaries`` then ``commit_boundaries``, in one call. Raises RekamError subclasses,
    among them OutsideArea when an area to be stored lies outside ``writer_area`` (None: everywhere)."""
    prepared = prepare_boundaries(store, source, level=level, code_field=code_field, name_field=name_field,
                                  file_name=file_name, within=within, overrides=overrides, force=force)
    version = commit_boundaries(store, prepared, user=user, skip_unmatched=skip_unmatched, force=force,
                                writer_area=writer_area)
    return BoundaryImport(version, prepared.loaded, prepared.join)


def _stored_form(store: Store, areas, report: dict):
    """The areas as they will be stored: unnamed parents named, partial parents left out, the
    outline of each provinsi whose kabupaten/kota are now all held added."""
    _name_unnamed(store, areas, report)
    return _with_provinsi(store, _without_partial_parents(store, areas, report), report)


def _with_provinsi(store: Store, areas, report: dict):
    """``areas`` and the outline of each provinsi of the file's kabupaten/kota (unless the file has it
    too), once every kabupaten/kota the official code table lists for it is in the file or the store:
    dissolved from them, so that the country's map has its provinsi level (boundary files often start
    at the kabupaten/kota), and drawn again when one of them is replaced (a corrected boundary moves
    the provinsi's edge too). A provinsi of which some kabupaten/kota are missing gets none (a part
    would pass for the whole). The report names them (``provinsi_digabung``)."""
    level = areas[Col.LEVEL]
    kabupaten = areas[level == Level.KABUPATEN.value]
    wanted = set(kabupaten[Col.KODE].str[:2]) - set(areas.loc[level == Level.PROVINSI.value, Col.KODE])
    official = official_areas()[Col.KODE]
    official = official[official.str.count(r"\.") == 1]
    in_file = set(kabupaten[Col.KODE])
    stored = set(store.areas(level=Level.KABUPATEN)[Col.KODE]) - in_file if wanted else set()
    complete = [p for p in sorted(wanted) if (members := set(official[official.str.startswith(p + ".")]))
                and members <= in_file | stored]
    if not complete:
        return areas
    parts = [kabupaten.loc[kabupaten[Col.KODE].str[:2].isin(complete), [Col.KODE, Col.GEOMETRY]]]
    for provinsi in complete:  # the shapes of the stored ones, read only for a provinsi now complete
        held = store.areas(within=provinsi, level=Level.KABUPATEN, geometry=True)
        parts.append(held.loc[~held[Col.KODE].isin(in_file) & held.geometry.notna(), [Col.KODE, Col.GEOMETRY]])
    children = pd.concat(parts, ignore_index=True)
    outlines = dissolve(children, Level.PROVINSI, None)
    outlines[Col.NAMA] = [official_name(k) or k for k in outlines[Col.KODE]]
    outlines[Col.KODE_INDUK] = None
    outlines[Col.TIPE] = Level.PROVINSI.value
    report["provinsi_digabung"] = complete
    added = gpd.GeoDataFrame(outlines[AREA_COLUMNS], geometry=Col.GEOMETRY, crs=areas.crs)
    return pd.concat([areas, added], ignore_index=True).sort_values(Col.KODE, ignore_index=True)


def _without_partial_parents(store: Store, areas, report: dict):
    """Drop parents dissolved from a file that holds only some of their known children.

    A file of three desa would otherwise replace their kecamatan (and kabupaten) by the
    union of those three. The stored parent is kept instead; the report says which.
    """
    depth = areas[Col.KODE].str.count(r"\.") + 1
    deepest = int(depth.max()) if len(areas) else 0
    in_file = set(areas.loc[depth == deepest, Col.KODE])
    known = store.areas()
    known_deep = [k for k in known[Col.KODE] if k.count(".") + 1 == deepest and k not in in_file]
    if not known_deep:
        return areas
    partial = [p for p in areas.loc[depth < deepest, Col.KODE]
               if any(k.startswith(p + ".") for k in known_deep)]
    if partial:
        report["induk_dipertahankan"] = sorted(partial)
    return areas[~areas[Col.KODE].isin(partial)].reset_index(drop=True)


def _name_unnamed(store: Store, areas, report: dict) -> None:
    """Parents dissolved from a file that names only its own level carry their code as a name.
    Name each from the store (a name already imported), else from the official Kemendagri
    table; an area named by neither keeps its code and is listed in the report
    (``tanpa_nama``) so the officer knows why a code is shown."""
    unnamed = areas[Col.NAMA] == areas[Col.KODE]
    if not unnamed.any():
        return
    known = store.areas()
    stored = {k: n for k, n in zip(known[Col.KODE], known[Col.NAMA]) if n != k}
    names = [stored.get(k) or official_name(k) or k for k in areas.loc[unnamed, Col.KODE]]
    areas.loc[unnamed, Col.NAMA] = names
    still = sorted(k for k, n in zip(areas.loc[unnamed, Col.KODE], names) if n == k)
    if still:
        report["tanpa_nama"] = still

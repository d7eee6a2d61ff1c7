"""Boundary files into the store: one version, parents kept whole, map views prepared."""
from __future__ import annotations

from dataclasses import dataclass

from geo import shapes
from geo.codes import official_name
from geo.ingest.rights import refuse_outside
from geo.ingest.source import read_source
from geo.io.boundaries import BoundaryLoad, load_boundaries
from geo.schema import Col, Level
from geo.store import Store


# --- boundaries ----------------------------------------------------------------
@dataclass
class BoundaryImport:
    version_id: int
    loaded: BoundaryLoad


def import_boundaries(store: Store, source, *, level: Level | str | None = None, code_field: str | None = None,
                      name_field: str | None = None, file_name: str | None = None, user: str = "cli",
                      force: bool = False, writer_area: str | None = None) -> BoundaryImport:
    """Load a boundary file and store it as one version. Raises RekamError subclasses, among them
    OutsideArea when an area to be stored lies outside ``writer_area`` (None: everywhere)."""
    src, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)  # early: before reading a large file
    loaded = load_boundaries(src, level=level, code_field=code_field, name_field=name_field, file_name=name)
    _name_unnamed(store, loaded.areas, loaded.report)
    loaded.areas = _without_partial_parents(store, loaded.areas, loaded.report)
    refuse_outside(store, writer_area, loaded.areas[Col.KODE])
    version = store.add_areas(loaded.areas, file_name=name, file_hash=digest, user=user, report=loaded.report,
                              force=force)
    # Every map view these boundaries appear in is simplified now, once, not when first opened.
    loaded.report["tampilan_peta_disiapkan"] = shapes.warm(store, loaded.areas[Col.KODE])
    return BoundaryImport(version, loaded)


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

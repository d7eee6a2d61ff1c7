"""Imports: file → read → join → store, the one pipeline used by the CLI and the Data page,
for every kind of file. A refused file leaves the store as it was. Every import and
``rollback`` take the writer's area (``writer_area``, see ``rights``): rows of other areas
are refused.

Each name loads its own module on first use (PEP 562): importing recording figures never
loads the boundary readers (geopandas, shapely), which a fresh ``python -m geo import-enrollment``
would otherwise pay for at every start.
"""
from __future__ import annotations

import importlib

_MODULE_OF = {
    **dict.fromkeys(("BoundaryImport", "PreparedBoundaries", "commit_boundaries", "import_boundaries",
                     "prepare_boundaries"), "boundaries"),
    **dict.fromkeys(("Imported", "blank_stock_template", "import_blank_stock", "import_inventory",
                     "inventory_template", "load_demo_inventory"), "capacity"),
    **dict.fromkeys(("PreparedEnrollment", "commit_enrollment", "prepare_enrollment", "template"), "enrollment"),
    "import_events": "events",
    "import_points": "points",
    **dict.fromkeys(("OutsideArea", "may_write", "rollback"), "rights"),
    **dict.fromkeys(("file_bytes_hash", "read_source"), "source"),
    **dict.fromkeys(("import_targets", "save_edited_targets", "save_targets"), "targets"),
}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'geo.ingest' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"geo.ingest.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})

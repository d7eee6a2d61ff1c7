"""Imports: file → read → join → store, the one pipeline used by the CLI and the Data page,
for every kind of file. A refused file leaves the store as it was. Every import and
``rollback`` take the writer's area (``writer_area``, see ``rights``): rows of other areas
are refused."""
from geo.ingest.boundaries import (
    BoundaryImport, PreparedBoundaries, commit_boundaries, import_boundaries, prepare_boundaries,
)
from geo.ingest.capacity import (
    Imported, blank_stock_template, import_blank_stock, import_inventory, inventory_template, load_demo_inventory,
)
from geo.ingest.enrollment import PreparedEnrollment, commit_enrollment, prepare_enrollment, template
from geo.ingest.events import import_events
from geo.ingest.points import import_points
from geo.ingest.rights import OutsideArea, may_write, rollback
from geo.ingest.source import file_bytes_hash, read_source
from geo.ingest.targets import import_targets, save_edited_targets, save_targets

__all__ = ["BoundaryImport", "Imported", "OutsideArea", "PreparedBoundaries", "PreparedEnrollment",
           "blank_stock_template", "commit_boundaries", "commit_enrollment", "file_bytes_hash", "import_blank_stock",
           "import_boundaries", "import_events", "import_inventory", "import_points", "import_targets",
           "inventory_template", "load_demo_inventory", "may_write", "prepare_boundaries", "prepare_enrollment",
           "read_source", "rollback", "save_edited_targets", "save_targets", "template"]

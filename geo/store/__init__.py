"""The store: SQLite by default, PostgreSQL/PostGIS when the URL says so (``geo.store.core``);
every table in ``geo.store.tables``."""
from geo.store.connect import resolve_url, short_error
from geo.store.core import Store, StoreConflict, now

__all__ = ["Store", "StoreConflict", "now", "resolve_url", "short_error"]

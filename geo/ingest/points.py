"""Point files (recording sites, schools) into the store."""
from __future__ import annotations

from geo.ingest.source import read_source
from geo.store import Store


# --- points (recording sites, schools) -------------------------------------------
def import_points(store: Store, source, *, kind: str, user: str = "cli", file_name: str | None = None,
                  force: bool = False) -> tuple[int, int]:
    """Read a points file and store it as one version; returns (version id, number of points)."""
    from geo.points import read_points

    src, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    frame = read_points(src, kind)
    version = store.add_points(frame, kind=kind, file_name=name, file_hash=digest, user=user,
                               report={"titik": len(frame)}, force=force)
    return version, len(frame)

"""Point files (recording sites, schools) into the store."""
from __future__ import annotations

from geo.config import DEFAULTS, Settings
from geo.ingest.rights import refuse_outside
from geo.ingest.source import read_source
from geo.io.points import read_points
from geo.schema import Col
from geo.store import Store


def import_points(store: Store, source, *, kind: str, user: str = "cli", file_name: str | None = None,
                  force: bool = False, settings: Settings = DEFAULTS,
                  writer_area: str | None = None) -> tuple[int, int]:
    """Read a points file and store it as one version; returns (version id, number of points).

    ``source``: a path, bytes (an upload, named by ``file_name``) or an upload object. The
    file is read first (the size limit of ``settings`` checked before reading), so a refused
    file is never hashed nor stored. Raises FileRefused / ValidationFailed from
    ``geo.io.points.read_points``, OutsideArea for a point in an area outside ``writer_area``
    (None: everywhere) or whose id is a stored point's outside it (the newer row would replace
    it), and StoreError (the same file already stored, unless ``force``).
    """
    frame = read_points(source, kind, file_name=file_name, max_bytes=settings.max_upload_bytes)
    if writer_area is not None:
        stored = store.points(kind)
        replaced = stored.loc[stored["id"].astype(str).isin(frame["id"].astype(str)), Col.KODE]
        refuse_outside(store, writer_area, [*frame[Col.KODE], *replaced])
    _, name, digest = read_source(source, file_name)
    store.refuse_same_file(digest, force=force)
    version = store.add_points(frame, kind=kind, file_name=name, file_hash=digest, user=user,
                               report={"titik": len(frame)}, force=force)
    return version, len(frame)

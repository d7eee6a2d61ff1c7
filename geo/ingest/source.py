"""What every import does first: the file's bytes (or path), its name and its digest."""
from __future__ import annotations

import hashlib
from pathlib import Path

from geo.schema import RekamError


def file_bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(source, file_name: str | None) -> tuple[bytes | Path, str, str]:
    """(source for the loaders, file name, sha256) without writing anything anywhere."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        return data, file_name or "unggahan", file_bytes_hash(data)
    path = Path(source)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise RekamError("berkas_tidak_terbaca", path=str(path), detail=exc.strerror or str(exc)) from None
    return path, file_name or path.name, digest.hexdigest()

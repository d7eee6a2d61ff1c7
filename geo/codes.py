"""The official Kemendagri code table (Kepmendagri 300.2.2-2138/2025) shipped with the product.

Names every provinsi, kabupaten/kota, kecamatan and desa/kelurahan of Indonesia by code, so
that an area a boundary file leaves unnamed (a kecamatan dissolved from desa polygons) is
shown by its name, not its code. ``data/kode_wilayah/`` holds the compact copy, its source and
licence; ``tools/build_code_table.py`` rebuilds it.
"""
from __future__ import annotations

import csv
import gzip
from functools import lru_cache

from geo.schema import DATA_DIR

TABLE = DATA_DIR / "kode_wilayah" / "kode_wilayah_2025.csv.gz"


@lru_cache(maxsize=1)
def official_names() -> dict[str, str]:
    """{dotted code: official name} for the whole country (empty if the table is missing)."""
    if not TABLE.exists():
        return {}
    with gzip.open(TABLE, "rt", encoding="utf-8", newline="") as fh:
        return {row["kode"]: row["nama"] for row in csv.DictReader(fh)}


def official_name(kode: str) -> str | None:
    """The official name of a dotted code, or None when the code is not in the table."""
    return official_names().get(str(kode))

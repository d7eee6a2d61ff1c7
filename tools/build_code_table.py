"""Build the product's compact copy of the official Kemendagri code table.

Reads the whole-country table (Kepmendagri 300.2.2-2138/2025; 91,599 areas) that the
`cahyadsn/wilayah` project publishes under the MIT licence, as kept beside this checkout in
``../shared/real/kemendagri_kode_wilayah/``, and writes ``data/kode_wilayah/kode_wilayah_2025.csv.gz``
(``kode,nama``, sorted by code; the level follows from the code) with the licence and the
source beside it. Deterministic: the same input gives the same bytes.

    python tools/build_code_table.py [SOURCE_CSV]
"""
from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "real" / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
OUT_DIR = ROOT / "data" / "kode_wilayah"
OUT = OUT_DIR / "kode_wilayah_2025.csv.gz"
LICENCE = """# Kode wilayah Kemendagri 2025 (compact copy)

`kode_wilayah_2025.csv.gz`: `kode,nama` of every provinsi, kabupaten/kota, kecamatan and
desa/kelurahan of Indonesia ({n:,} areas) as in Kepmendagri No 300.2.2-2138 Tahun 2025.
Built by `tools/build_code_table.py` from `db/wilayah.sql` of https://github.com/cahyadsn/wilayah
(HEAD b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7), whitespace trimmed, nothing else changed.
The product uses it to name areas a boundary file leaves unnamed and to match names to codes.

MIT License

Copyright (c) 2017-2025 Cahya DSN

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def build(source: Path = SOURCE) -> int:
    with source.open(encoding="utf-8", newline="") as fh:
        rows = sorted({(r["kode"].strip(), " ".join(r["nama"].split())) for r in csv.DictReader(fh)})
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["kode", "nama"])
    writer.writerows(rows)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))
    (OUT_DIR / "LICENSE.md").write_text(LICENCE.format(n=len(rows)), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    n = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    print(f"{OUT.relative_to(ROOT)}: {n} areas")

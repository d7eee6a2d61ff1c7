"""A file's bytes and what they really are: the size limit is checked before anything is read,
and the content is sniffed from its leading bytes, never trusted from its name (a photo named
.xlsx is refused as a photo, in the reader's language)."""
from __future__ import annotations

import os
from pathlib import Path

from geo.fmt import Measure
from geo.schema import FileRefused
from geo.text import Word

FORMAT_BY_EXTENSION = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
                       ".xls": "xls", "": "sniff"}
MAGIC = (  # leading bytes → what the content is
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
    (b"%PDF", "pdf"), (b"\x1f\x8b", "gzip"), (b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"{\\rtf", "rtf"), (b"<!doctype html", "html"), (b"<html", "html"), (b"<?xml", "xml"),
)
ZIP_MARKERS = (("xl/", "xlsx"), ("word/", "docx"), ("ppt/", "pptx"), ("mimetype", "ods"))
MB = 1024 * 1024


# --- bytes in, format out ----------------------------------------------------------------
def load_bytes(source, file_name: str | None, max_bytes: int | None) -> tuple[bytes, str]:
    """The file's bytes and name; size checked before anything is read."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        check_size(len(data), max_bytes)
        return data, file_name or "unggahan"
    if hasattr(source, "getvalue"):  # an upload object (e.g. Streamlit's UploadedFile)
        name = file_name or getattr(source, "name", None) or "unggahan"
        size = getattr(source, "size", None)
        if size is not None:
            check_size(int(size), max_bytes)
        data = bytes(source.getvalue())
        check_size(len(data), max_bytes)
        return data, name
    path = Path(source)
    name = file_name or path.name
    try:
        check_size(os.stat(path).st_size, max_bytes)
        return path.read_bytes(), name
    except OSError as exc:
        raise FileRefused("berkas_tidak_bisa_dibuka", file_name=name, detail=exc.strerror or str(exc)) from None


def check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise FileRefused("berkas_terlalu_besar", ukuran_mb=Measure(round(size / MB, 1)),
                          maks_mb=Measure(round(max_bytes / MB, 1)))


def sniff(data: bytes) -> str:
    """What the bytes look like: a MAGIC kind, 'text' or 'binary'."""
    head = data[:16].lower()
    for prefix, kind in MAGIC:
        if head.startswith(prefix.lower()):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with BOM (Excel's "Unicode text")
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary"
    controls = sum(1 for b in sample if (b < 32 and b not in b"\t\r\n\f\x1a") or b == 127)
    return "binary" if controls > len(sample) // 100 else "text"


def refuse_kind(name: str, ext: str, kind: str):
    return FileRefused("bukan_format", file_name=name, ext=ext or "(tanpa ekstensi)", seperti=Word(f"isi_{kind}"))


def format_of(name: str, data: bytes) -> str:
    """'csv' or 'xlsx' for a file whose content agrees with its name; refuses otherwise."""
    ext = Path(name).suffix.lower()
    declared = FORMAT_BY_EXTENSION.get(ext)
    if declared is None:
        raise FileRefused("format_tidak_dikenal", file_name=name, ext=ext)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe;,|\"'"):
        raise FileRefused("berkas_kosong", file_name=name, lembar="-")
    kind = sniff(data)
    if declared == "xls" or (declared == "sniff" and kind == "ole"):
        if kind == "zip":  # an .xlsx saved under an .xls name reads fine
            return "xlsx"
        raise FileRefused("xls_tidak_didukung", file_name=name)
    if declared == "sniff":
        declared = {"zip": "xlsx", "text": "csv"}.get(kind)
        if declared is None:
            raise refuse_kind(name, ext, kind)
    expected = {"csv": "text", "xlsx": "zip"}[declared]
    if kind != expected:
        raise refuse_kind(name, ext, "xlsx" if kind == "zip" else kind)
    return declared


def short_text(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"



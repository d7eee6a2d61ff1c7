"""A SQLite store with damage no ordinary read meets: a table written last, whose pages (the
file's last ones) are overwritten in places, as a disk or a copy cut short leaves them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

PAGE = 4096


def damage_unread_pages(path: Path, pages: int = 20) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE catatan (teks TEXT)")
        conn.executemany("INSERT INTO catatan VALUES (?)", [("x" * 500,)] * 400)
    conn.close()
    data = bytearray(path.read_bytes())
    for start in range(len(data) - pages * PAGE, len(data), PAGE):
        data[start + 8:start + 24] = bytes(b ^ 0x5A for b in data[start + 8:start + 24])
    path.write_bytes(bytes(data))

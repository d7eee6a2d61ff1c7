"""User-facing text for typed errors and problems, in Bahasa Indonesia and English.

Each module registers the messages of the errors it raises with ``register`` so
that catalogue entries live beside the code that needs them. Pages and the CLI
call ``text``/``describe`` at the edge; ``geo`` itself never prints prose.
"""
from __future__ import annotations

from geo.schema import Problem, RekamError, ValidationFailed

LANGS = ("id", "en")
_CATALOG: dict[str, dict[str, str]] = {}


def register(entries: dict[str, dict[str, str] | tuple[str, str]]) -> None:
    """Add messages: ``{key: (indonesian, english)}`` or ``{key: {"id": …, "en": …}}``.

    One key, one text: registering a key again with another text raises ValueError at import
    (which module's text won would otherwise depend on the order modules were imported in).
    """
    for key, value in entries.items():
        if isinstance(value, tuple):
            value = {"id": value[0], "en": value[1]}
        if _CATALOG.get(key, value) != value:
            raise ValueError(f"message key {key!r} is already registered with another text: "
                             f"{_CATALOG[key]['id']!r}; pick another key")
        _CATALOG[key] = value


def text(key: str, lang: str = "id", **params) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in (``{name}`` placeholders)."""
    entry = _CATALOG.get(key)
    if entry is None:
        return f"{key} {params}" if params else key
    template = entry.get(lang) or entry["id"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def describe_problem(problem: Problem, lang: str = "id") -> str:
    """One line: where (row, column) and what is wrong, with how to fix it."""
    params = dict(problem.params or {})
    params.setdefault("baris", problem.baris)
    params.setdefault("kolom", problem.kolom)
    where = []
    if problem.baris is not None:
        where.append(text("lokasi_baris", lang, baris=problem.baris))
    if problem.kolom:
        where.append(text("lokasi_kolom", lang, kolom=problem.kolom))
    prefix = (", ".join(where) + ": ") if where else ""
    return prefix + text(problem.key, lang, **params)


def describe(error: RekamError, lang: str = "id") -> str:
    """Full text of an error; a ValidationFailed lists every problem on its own line."""
    if isinstance(error, ValidationFailed):
        head = text("validasi_gagal", lang, jumlah=len(error.problems))
        return "\n".join([head] + ["- " + describe_problem(p, lang) for p in error.problems])
    return text(error.key, lang, **error.params)


register(
    {
        "lokasi_baris": ("Baris {baris}", "Row {baris}"),
        "lokasi_kolom": ("kolom '{kolom}'", "column '{kolom}'"),
        "validasi_gagal": (
            "Berkas ditolak: {jumlah} masalah ditemukan. Perbaiki lalu unggah ulang; data lama tidak berubah.",
            "File refused: {jumlah} problem(s) found. Fix them and upload again; existing data is unchanged.",
        ),
        "ambang_zona": (
            "Ambang zona tidak masuk akal: hijau={hijau}, kuning={kuning}. Pastikan 0 ≤ kuning ≤ hijau di data/config.toml.",
            "Zone thresholds make no sense: hijau={hijau}, kuning={kuning}. Make sure 0 ≤ kuning ≤ hijau in data/config.toml.",
        ),
        "env_bukan_angka": (
            "Variabel lingkungan {nama}='{nilai}' bukan angka. Tulis angka, misalnya 92 atau 92,5.",
            "Environment variable {nama}='{nilai}' is not a number. Write a number such as 92 or 92.5.",
        ),
        "config_rusak": (
            "Berkas konfigurasi {path} tidak bisa dibaca ({detail}). Periksa penulisan TOML-nya.",
            "Configuration file {path} cannot be read ({detail}). Check its TOML syntax.",
        ),
    }
)

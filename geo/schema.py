"""Every column, level and zone of the product, named once.

Code refers to ``Col.WAJIB`` rather than the string ``"wajib_ktp"`` so that a
rename happens in one place. Data columns keep their Indonesian names because
they are what offices, files and the CLI speak.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
DEMO_DIR = DATA_DIR / "demo"


class Col:
    """Column names used in frames, the store, files written and the CLI."""

    KODE = "kode"  # dotted Kemendagri code, e.g. 36.74.01.1001
    NAMA = "nama"
    NAMA_INDUK = "nama_induk"  # parent's name as written in a file (e.g. a KECAMATAN column)
    LEVEL = "level"
    KODE_INDUK = "kode_induk"  # parent code
    TIPE = "tipe"  # provinsi / kabupaten / kota / kecamatan / desa / kelurahan
    TANGGAL = "tanggal"  # ISO date of a snapshot
    WAJIB = "wajib_ktp"
    SUDAH = "sudah_rekam"
    BELUM = "belum_rekam"
    CAKUPAN = "cakupan"  # percent, not a fraction
    ZONA = "zona"
    DI_ATAS_100 = "di_atas_100"  # flag: coverage above 100% (stale denominator)
    KELEBIHAN = "kelebihan_rekam"  # recorded beyond wajib KTP, summed where it happens (never offsets belum)
    N_DI_ATAS_100 = "n_di_atas_100"  # how many of the finest areas summed are above 100%
    PERUBAHAN = "perubahan_cakupan"  # change of cakupan in percentage points since a date
    PRR = "prr"
    CETAK = "sudah_cetak"
    PEMULA = "pemula"  # first-timers (wajib KTP pemula), or as a file's PEMULA column counts them
    PEMULA_SUDAH = "pemula_sudah_rekam"  # first-timers recorded (REKAM PEMULA / SUDAH REKAM PEMULA)
    PEMULA_BELUM = "pemula_belum_rekam"  # first-timers not yet recorded (BELUM REKAM PEMULA)
    GEOMETRY = "geometry"
    BARIS = "baris"  # row number in the source file (as the user sees it)
    LEMBAR = "lembar"  # the sheet a row comes from, when a workbook's sheets are read together
    VERSI = "versi"  # store version id


COUNT_COLUMNS = (Col.WAJIB, Col.SUDAH, Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA, Col.PEMULA_SUDAH, Col.PEMULA_BELUM)
OPTIONAL_COUNT_COLUMNS = (Col.BELUM, Col.PRR, Col.CETAK, Col.PEMULA, Col.PEMULA_SUDAH, Col.PEMULA_BELUM)


class Level(str, Enum):
    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"  # kabupaten or kota
    KECAMATAN = "kecamatan"
    DESA = "desa"  # desa or kelurahan

    @property
    def depth(self) -> int:
        """Number of code segments: 36 → 1, 36.74 → 2, 36.74.01 → 3, 36.74.01.1001 → 4."""
        return LEVELS.index(self) + 1

    @property
    def child(self) -> "Level | None":
        i = LEVELS.index(self)
        return LEVELS[i + 1] if i + 1 < len(LEVELS) else None

    @property
    def parent(self) -> "Level | None":
        i = LEVELS.index(self)
        return LEVELS[i - 1] if i > 0 else None

    @classmethod
    def of_code(cls, kode: str) -> "Level":
        """Level of a dotted Kemendagri code by its number of segments."""
        return LEVELS[kode.count(".")]


LEVELS = (Level.PROVINSI, Level.KABUPATEN, Level.KECAMATAN, Level.DESA)
SEGMENT_DIGITS = (2, 2, 2, 4)  # digits per code segment, by depth


def parent_code(kode: str) -> str | None:
    """Parent of a dotted code (``36.74.01.1001`` → ``36.74.01``); None for a provinsi."""
    return kode.rsplit(".", 1)[0] if "." in kode else None


def ancestor_code(kode: str, level: Level) -> str:
    """The code of ``kode``'s ancestor at ``level`` (or ``kode`` itself)."""
    return ".".join(kode.split(".")[: level.depth])


COUNTRY = "ID"  # the whole country as a picked area (ISO 3166 code, not a Kemendagri one): it holds every area
COUNTRY_NAME = "Indonesia"


def is_country(kode) -> bool:
    """True for ``COUNTRY``: its areas are all the store's; its children are the provinsi."""
    return kode == COUNTRY


def top_level(kode: str) -> Level:
    """The level of the areas right inside ``kode``: provinsi for the country, else the next level down
    (a desa's own level for a desa)."""
    return Level.PROVINSI if is_country(kode) else (Level.of_code(kode).child or Level.DESA)


DEMO_PROVINSI = "99"  # the synthetic example (data contoh sintetis) lives under a fictional provinsi


def is_demo_code(kode) -> bool:
    """True for codes of the synthetic example data (provinsi 99), which is labelled wherever shown."""
    return str(kode).split(".")[0] == DEMO_PROVINSI


def in_country(codes):
    """Which of ``codes`` (a pandas Series of area codes) are part of the whole country (``COUNTRY``):
    every area but the demo's fictional provinsi 99, whose synthetic figures never enter a national sum."""
    return ~(codes.eq(DEMO_PROVINSI) | codes.str.startswith(DEMO_PROVINSI + "."))


def desa_tipe(kode: str) -> str:
    """Desa codes 2xxx are desa, 1xxx kelurahan (Permendagri 58/2021)."""
    return "kelurahan" if kode.rsplit(".", 1)[-1].startswith("1") else "desa"


ROLES = ("viewer", "editor", "admin")  # account roles, ascending rights
ALLOCATION_UNITS = ("alat", "operator")  # what new capacity is placed as: devices or operators


class Zone(str, Enum):
    MERAH = "merah"
    KUNING = "kuning"
    HIJAU = "hijau"


# Fixed across the product; each colour is always shown with its word.
ZONE_COLOURS = {
    Zone.HIJAU: "#1a9850",
    Zone.KUNING: "#fdd835",
    Zone.MERAH: "#d73027",
}
NO_DATA_COLOUR = "#bdbdbd"


@dataclass(frozen=True)
class ZoneConfig:
    """Zone thresholds in percent. A value on a threshold takes the better zone."""

    hijau: float = 92.0
    kuning: float = 85.0

    def __post_init__(self) -> None:
        if not 0 <= self.kuning <= self.hijau:
            raise ConfigError("ambang_zona", hijau=self.hijau, kuning=self.kuning)

    def zone(self, cakupan: float | None) -> Zone | None:
        if cakupan is None or cakupan != cakupan:  # None or NaN
            return None
        if cakupan >= self.hijau:
            return Zone.HIJAU
        if cakupan >= self.kuning:
            return Zone.KUNING
        return Zone.MERAH


# --- typed errors -----------------------------------------------------------
class RekamError(Exception):
    """Base of the product's own errors.

    ``key`` names a message in ``geo.messages``; ``params`` fill it. The edge (page
    or CLI) turns it into Indonesian or English text; ``geo`` never formats prose
    for users itself.
    """

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(f"{key}: {params}")


class ConfigError(RekamError):
    pass


class FileRefused(RekamError):
    """The whole file is refused (wrong type, empty, NIK-like column, too large…)."""


@dataclass
class Problem:
    """One problem found in a file, located by row and column where possible."""

    key: str
    row: int | None = None  # as people count them: the file's own row number
    column: str | None = None  # the file's header
    params: dict | None = None
    severity: str = "error"  # "error" blocks an import, "warning" does not
    sheet: str | None = None  # the sheet, when a workbook's sheets are read together


class ValidationFailed(RekamError):
    """The file was read but has errors; ``problems`` lists each of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("validasi_gagal", jumlah=len(problems))


class StoreError(RekamError):
    pass

"""Finding and naming the columns of an office's recording table.

Header words are matched case-, space- and punctuation-insensitively against the synonyms
offices write (``DESA/KEL.``, ``JUMLAH WAJIB KTP``…), under title rows and across two-row
merged headers (``WAJIB KTP`` over ``L | P | JML``). ``find_header`` scores the candidates,
``choose_sheet`` picks the sheet, ``map_columns`` assigns each schema column its file column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from geo.io.numbers import parse_count
from geo.io.grids import Sheet, letter, norm
from geo.schema import COUNT_COLUMNS, Col, FileRefused, Problem, ValidationFailed

# --- lookup tables ---------------------------------------------------------------
# Header roles besides the count columns (which use their Col names as roles).
KODE_DESA, KODE_KEC, KODE = "kode_desa", "kode_kecamatan", "kode"
NAMA_DESA, NAMA, NAMA_KEC, NAMA_KAB = "nama_desa", "nama", "nama_kecamatan", "nama_kabupaten"
NOMOR, ABAIKAN = "no", "abaikan"

# Written as offices write them; compared case-, space- and punctuation-insensitively.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    KODE_DESA: ("KODE DESA", "KODE KEL", "KODE KELURAHAN", "KODE DESA/KELURAHAN", "KODE DESA/KEL",
                "KODE KEL/DESA", "KD_DESA", "KD_KEL", "KD_DESA_KEL"),
    KODE_KEC: ("KODE KECAMATAN", "KODE KEC", "KD_KEC", "KD_KECAMATAN"),
    KODE: ("KODE", "KODE WILAYAH", "KODE WIL", "KD_WILAYAH", "KODE KEMENDAGRI", "KODE WILAYAH KEMENDAGRI"),
    NAMA_DESA: ("DESA", "KELURAHAN", "DESA/KELURAHAN", "KELURAHAN/DESA", "DESA/KEL", "KEL/DESA", "NAMA DESA",
                "NAMA KELURAHAN", "NAMA DESA/KELURAHAN", "NAMA KEL/DESA", "NAMA KEL"),
    NAMA: ("NAMA", "WILAYAH", "NAMA WILAYAH"),
    NAMA_KEC: ("KECAMATAN", "KEC", "NAMA KECAMATAN", "NAMA KEC"),
    NAMA_KAB: ("KABUPATEN", "KOTA", "KABUPATEN/KOTA", "KAB/KOTA", "NAMA KABUPATEN", "NAMA KABUPATEN/KOTA"),
    Col.WAJIB: ("WAJIB KTP", "JUMLAH WAJIB KTP", "WKTP", "WAJIB KTP-EL", "WAJIB E-KTP", "WAJIB KTP EL",
                "JUMLAH WAJIB KTP-EL", "WAJIB KTP ELEKTRONIK", "JUMLAH WKTP"),
    Col.SUDAH: ("SUDAH REKAM", "SUDAH MELAKUKAN PEREKAMAN", "JUMLAH SUDAH REKAM", "SUDAH PEREKAMAN",
                "TELAH REKAM", "PEREKAMAN", "SUDAH DIREKAM", "TELAH MELAKUKAN PEREKAMAN", "SUDAH MEREKAM",
                "TELAH PEREKAMAN"),
    Col.BELUM: ("BELUM REKAM", "BELUM MELAKUKAN PEREKAMAN", "BELUM PEREKAMAN", "JUMLAH BELUM REKAM",
                "BELUM DIREKAM", "BELUM MEREKAM"),
    Col.PRR: ("PRR", "PRINT READY RECORD"),
    Col.CETAK: ("SUDAH CETAK", "KEPEMILIKAN", "SUDAH MEMILIKI", "SUDAH MEMILIKI KTP-EL", "TELAH CETAK",
                "SUDAH DICETAK", "KEPEMILIKAN KTP-EL"),
    Col.PEMULA: ("PEMULA", "WAJIB KTP PEMULA", "JUMLAH PEMULA", "WKTP PEMULA", "PEMULA WAJIB KTP"),
    Col.PEMULA_SUDAH: ("SUDAH REKAM PEMULA", "REKAM PEMULA", "PEREKAMAN PEMULA", "TELAH REKAM PEMULA",
                       "PEMULA SUDAH REKAM", "PEMULA REKAM", "PEMULA SUDAH", "SUDAH PEMULA"),
    Col.PEMULA_BELUM: ("BELUM REKAM PEMULA", "PEMULA BELUM REKAM", "PEMULA BELUM", "BELUM PEMULA"),
    Col.CAKUPAN: ("CAKUPAN", "%", "PERSEN", "PERSENTASE", "PROSENTASE", "CAKUPAN PEREKAMAN", "CAPAIAN"),
    NOMOR: ("NO", "NO URUT", "NOMOR", "NOMOR URUT"),
    # Recognised so that they do not steal a count role by prefix ("JUMLAH PENDUDUK").
    ABAIKAN: ("JUMLAH PENDUDUK", "PENDUDUK", "KETERANGAN", "KET"),
}
# Under a group header ("PEREKAMAN" over "SUDAH | BELUM") a bare word is enough.
CHILD_SYNONYMS: dict[str, tuple[str, ...]] = {
    Col.SUDAH: ("SUDAH", "TELAH", "SUDAH REKAM"),
    Col.BELUM: ("BELUM", "BELUM REKAM"),
}
# Sub-columns of a merged header: per sex, or the total we take.
SUB_LABELS: dict[str, str] = {
    **dict.fromkeys(("L", "LK", "LAKI", "LAKI LAKI", "PRIA"), "l"),
    **dict.fromkeys(("P", "PR", "PEREMPUAN", "WANITA"), "p"),
    **dict.fromkeys(("JML", "JUMLAH", "TOTAL", "L P", "LP", "L DAN P", "JML L P", "JUMLAH L P"), "total"),
}
TOTAL_LABEL = re.compile(r"^(JUMLAH|JML|TOTAL|SUBTOTAL|SUB TOTAL|GRAND TOTAL)( |$)")
PARENT_LABEL = re.compile(r"^(KECAMATAN|KEC) \S")  # a section row or title naming the kecamatan

COUNT_ROLES = COUNT_COLUMNS
# Under "PEMULA", "SUDAH REKAM" is the first-timers' figure, not the whole area's.
PEMULA_ROLES = (Col.PEMULA, Col.PEMULA_SUDAH, Col.PEMULA_BELUM)
REQUIRED_COUNTS = (Col.WAJIB, Col.SUDAH)
NUMBER_LIKE_ERRORS = ("angka_negatif", "bukan_bilangan_bulat", "angka_terlalu_besar")  # a number, but wrong
NAME_ROLES = (NAMA_DESA, NAMA, NAMA_KEC, NAMA_KAB)  # the first present names the rows
PARENT_OF = {NAMA_DESA: NAMA_KEC, NAMA: NAMA_KEC, NAMA_KEC: NAMA_KAB}
CODE_PREFERENCE = {
    NAMA_DESA: (KODE_DESA, KODE), NAMA: (KODE_DESA, KODE), NAMA_KEC: (KODE_KEC, KODE), NAMA_KAB: (KODE,),
    None: (KODE_DESA, KODE, KODE_KEC),
}
# Section rows ("KECAMATAN SERPONG") give the parent only to rows named at these levels.
SECTION_CHILDREN = (NAMA_DESA, NAMA)
LABEL_ROLES = (NOMOR, KODE_DESA, KODE_KEC, KODE, *NAME_ROLES)

UNIT_WORDS = frozenset(("JIWA", "ORANG", "PERSEN", "KEPING", "JIWA ORANG"))  # a units row under a header
HEADER_SCAN_ROWS = 50


# --- headers ------------------------------------------------------------------------------
class _Lookup:
    """Header text → (role, sub-column kind), by exact key or by the longest synonym it starts with."""

    def __init__(self, *tables: dict[str, tuple[str, ...]]):
        self.exact = {norm(s): role for table in tables for role, syns in table.items() for s in syns}
        self.exact.setdefault("PERSEN", Col.CAKUPAN)
        self.prefixes = sorted((k for k in self.exact if k != norm("NO")), key=len, reverse=True)
        self.match = lru_cache(maxsize=4096)(self._match)

    def _match(self, text: str) -> tuple[str | None, str | None]:
        for variant in (re.sub(r"\([^)]*\)", " ", text), text):  # "WAJIB KTP (JIWA)", then "(L+P)"
            key = norm(variant)
            if not key:
                continue
            if key in self.exact:
                return self.exact[key], None
            for syn in self.prefixes:
                if key.startswith(syn + " "):
                    return self.exact[syn], SUB_LABELS.get(key[len(syn) + 1:])
        return None, None


HEADERS = _Lookup(HEADER_SYNONYMS)
CHILD_HEADERS = _Lookup(CHILD_SYNONYMS, HEADER_SYNONYMS)


def _sub_label(value) -> str | None:
    return SUB_LABELS.get(norm(value)) if isinstance(value, str) else None


def role_of(value) -> tuple[str | None, str | None]:
    return HEADERS.match(value) if isinstance(value, str) else (None, None)


@dataclass
class Column:
    index: int
    text: str  # header as written; "WAJIB KTP / JML" for a merged two-row header
    role: str | None
    sub: str | None = None


@dataclass
class Header:
    rows: list[int]  # grid indices
    columns: list[Column]

    @property
    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role not in (None, NOMOR, ABAIKAN)}

    @property
    def recognisable(self) -> bool:
        return len(self.roles) >= 2 and bool(self.roles & set(COUNT_ROLES))

    @property
    def score(self) -> tuple[int, int]:
        return (int(self.recognisable), len(self.roles))


def looks_numeric(value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and parse_count(value)[1] in (None, *NUMBER_LIKE_ERRORS)


def count_like(value) -> bool:
    """A number a count column could hold, even a wrong one; not an 18-digit NIP under a signature."""
    number, error = parse_count(value)
    return error in ("angka_negatif", "bukan_bilangan_bulat") or (error is None and number is not None)


def is_column_numbers(row: list) -> bool:
    """A row '1 2 3 …' or '(1) (2) (3) …' numbering the columns under a header."""
    values = [v for v in row if v is not None]
    numbers = []
    for v in values:
        text = str(v).strip("() ") if isinstance(v, str) else v
        if isinstance(text, str) and text.isascii() and text.isdigit():  # '²'.isdigit() is True
            text = int(text)
        if not isinstance(text, int) or isinstance(text, bool):
            return False
        numbers.append(text)
    return len(numbers) >= 3 and numbers == list(range(1, len(numbers) + 1))


def _is_sub_header(upper: list, lower: list) -> bool:
    """``lower`` completes ``upper``: sub-labels (L/P/JML) or bare child words (SUDAH/BELUM)."""
    if not any(role_of(v)[0] for v in upper):
        return False
    cells = [v for v in lower if v is not None]
    if not cells or any(not isinstance(v, str) or looks_numeric(v) for v in cells) or is_column_numbers(lower):
        return False
    pemula = [str(v) for v in upper if role_of(v)[0] in PEMULA_ROLES]
    return any(_sub_label(v) or _child_only(v) or any(_pemula_child(p, v) for p in pemula) for v in cells)


def _child_only(value) -> bool:
    """A word that names a column only under a group header ('SUDAH' under 'PEREKAMAN')."""
    return isinstance(value, str) and role_of(value)[0] is None and CHILD_HEADERS.match(value)[0] is not None


def _pemula_child(parent: str | None, child) -> bool:
    """'SUDAH REKAM' / 'BELUM' under 'PEMULA': the first-timers' own figure."""
    return (parent is not None and isinstance(child, str) and HEADERS.match(parent)[0] in PEMULA_ROLES
            and HEADERS.match(f"{child} {parent}")[0] in (Col.PEMULA_SUDAH, Col.PEMULA_BELUM))


def _compose(upper: list, lower: list) -> list[Column]:
    """Columns of a two-row header: the upper label carried right over its sub-labels."""
    columns, last_parent = [], None
    for j, (parent, child) in enumerate(zip(upper, lower)):
        parent = str(parent) if parent is not None else None
        child = str(child) if child is not None else None
        if parent is not None:
            last_parent = parent
        sub = _sub_label(child)
        if parent is None and last_parent is not None and (sub or _child_only(child)
                                                           or _pemula_child(last_parent, child)):
            parent = last_parent  # a merged header without merge info: the label sits in its first cell only
        if child is None or (parent is not None and norm(parent) == norm(child)):
            if parent is not None:
                columns.append(Column(j, parent, *HEADERS.match(parent)))
        elif parent is None:
            columns.append(Column(j, child, *CHILD_HEADERS.match(child)))
        elif sub:
            columns.append(Column(j, f"{parent} / {child}", HEADERS.match(parent)[0], sub))
        else:
            joined = (HEADERS.match(f"{child} {parent}"), HEADERS.match(f"{parent} {child}"))
            alone = CHILD_HEADERS.match(child)
            pemula = HEADERS.match(parent)[0] in PEMULA_ROLES
            role, kind = next((m for m in ((*joined, alone) if pemula else (alone, *joined)) if m[0]), (None, None))
            columns.append(Column(j, f"{parent} / {child}", role, kind))
    return columns


def _header_at(grid: list[list], r: int) -> Header:
    upper = grid[r]
    lower = grid[r + 1] if r + 1 < len(grid) else None
    if lower is not None and _is_sub_header(upper, lower):
        return Header([r, r + 1], _compose(upper, lower))
    return Header([r], [Column(j, str(v), *role_of(v)) for j, v in enumerate(upper) if v is not None])


def find_header(grid: list[list]) -> Header:
    """The best-scoring header among the first rows (the first of equals). With no header
    word anywhere, the first non-empty row, so that a message can say what was found."""
    best = None
    for r in range(min(len(grid), HEADER_SCAN_ROWS)):
        if any(v is not None for v in grid[r]):
            candidate = _header_at(grid, r)
            if best is None or candidate.score > best.score:
                best = candidate
    return best or Header([], [])


def choose_sheet(sheets: list[Sheet], headers: list[Header], wanted: str | None,
                  name: str) -> tuple[Sheet, Header]:
    """The sheet asked for (exact name, else ignoring case and spaces), or the first visible
    sheet with a recognisable header, or the non-empty sheet that comes closest."""
    pairs = list(zip(sheets, headers))
    if wanted is not None:
        found = next((p for p in pairs if p[0].name == wanted), None) or next(
            (p for p in pairs if p[0].name.strip().casefold() == str(wanted).strip().casefold()), None)
        if found is None:
            raise FileRefused("sheet_tidak_ada", sheet=wanted, sheets=", ".join(s.name for s in sheets))
        return found
    ordered = [p for p in pairs if not p[0].hidden] + [p for p in pairs if p[0].hidden]
    for candidate in ordered:
        if candidate[1].recognisable:
            return candidate
    non_empty = [h for h in ordered if h[0].grid]
    if not non_empty:
        named = [s.name for s in sheets if not s.is_csv]  # a CSV has no sheet to name
        raise FileRefused("berkas_kosong_lembar" if named else "berkas_kosong", file_name=name,
                          lembar=", ".join(s.name for s in sheets) or "-")
    return max(non_empty, key=lambda h: h[1].score)


# --- column mapping ------------------------------------------------------------------------
@dataclass
class Mapping:
    header: Header
    name_role: str | None = None
    name: Column | None = None
    parent: Column | None = None
    code: Column | None = None
    counts: dict[str, list[Column]] = field(default_factory=dict)
    cakupan: Column | None = None
    unused: list[Column] = field(default_factory=list)

    @property
    def label_indices(self) -> set[int]:
        """Columns that may hold a total row's 'JUMLAH': NO, codes, names, and all left of the counts."""
        first_count = min((c.index for cols in self.counts.values() for c in cols), default=0)
        labelled = {c.index for c in self.header.columns if c.role in LABEL_ROLES}
        return labelled | set(range(first_count))

    def report(self) -> dict:
        columns = {}
        for key, col in ((Col.KODE, self.code), (Col.NAMA, self.name), (Col.NAMA_INDUK, self.parent),
                         (Col.CAKUPAN, self.cakupan)):
            if col is not None:
                columns[key] = col.text
        for role, cols in self.counts.items():
            columns[role] = " + ".join(c.text for c in cols)
        return {
            "header_rows": [r + 1 for r in self.header.rows],
            "columns": columns,
            "columns_unused": [c.text for c in self.unused],
            "summed_columns": {role: [c.text for c in cols] for role, cols in self.counts.items() if len(cols) > 1},
        }


def _pick_count(columns: list[Column]) -> list[Column]:
    """The total sub-column, else a plain one, else L + P summed; [] when only one sex is there."""
    for wanted in ("total", None):
        found = [c for c in columns if c.sub == wanted]
        if found:
            return found[:1]
    male = [c for c in columns if c.sub == "l"]
    female = [c for c in columns if c.sub == "p"]
    return [male[0], female[0]] if male and female else []


def _refuse_duplicates(header: Header, by_role: dict[str, list[Column]]) -> None:
    """Two columns that both claim the same figure (two 'SUDAH REKAM', two 'JML' under 'WAJIB KTP')
    or the same name/code: ValidationFailed('kolom_ganda') naming them, rather than silently
    using the first."""
    problems = []
    for role, cols in by_role.items():
        if role not in (*COUNT_ROLES, *LABEL_ROLES) or role == NOMOR:
            continue
        for sub in {c.sub for c in cols}:
            same = [c for c in cols if c.sub == sub]
            if len(same) > 1:
                problems.append(Problem("kolom_ganda", row=header.rows[-1] + 1, column=same[0].text, params={
                    "kolom": same[0].text, "jumlah": len(same), "huruf": ", ".join(letter(c.index) for c in same)}))
    if problems:
        raise ValidationFailed(problems)


def map_columns(header: Header) -> Mapping:
    """Assign header columns to schema columns; ValidationFailed('kolom_hilang') when required ones lack."""
    by_role: dict[str, list[Column]] = {}
    for col in header.columns:
        if col.role is not None:
            by_role.setdefault(col.role, []).append(col)
    _refuse_duplicates(header, by_role)
    mapping = Mapping(header)
    mapping.name_role = next((r for r in NAME_ROLES if r in by_role), None)
    if mapping.name_role:
        mapping.name = by_role[mapping.name_role][0]
        parent_role = PARENT_OF.get(mapping.name_role)
        mapping.parent = by_role[parent_role][0] if parent_role in by_role else None
    code_role = next((r for r in CODE_PREFERENCE[mapping.name_role] if r in by_role), None)
    mapping.code = by_role[code_role][0] if code_role else None
    for role in COUNT_ROLES:
        picked = _pick_count(by_role.get(role, []))
        if picked:
            mapping.counts[role] = picked
    mapping.cakupan = by_role.get(Col.CAKUPAN, [None])[0]
    used = {id(c) for c in (mapping.name, mapping.parent, mapping.code, mapping.cakupan) if c is not None}
    used |= {id(c) for cols in mapping.counts.values() for c in cols}
    mapping.unused = [c for c in header.columns if id(c) not in used]

    missing = []
    if mapping.name is None and mapping.code is None:
        missing.append(("NAMA atau KODE WILAYAH", HEADER_SYNONYMS[NAMA_DESA][:3] + HEADER_SYNONYMS[NAMA_KEC][:1]
                        + HEADER_SYNONYMS[NAMA][:2] + HEADER_SYNONYMS[KODE][:2] + HEADER_SYNONYMS[KODE_DESA][:1]))
    for role in REQUIRED_COUNTS:
        if role not in mapping.counts:
            missing.append((HEADER_SYNONYMS[role][0], HEADER_SYNONYMS[role][:5]))
    if missing:
        found = ", ".join(f"'{c.text}'" for c in header.columns) or "(tidak ada / none)"
        baris = header.rows[0] + 1 if header.rows else None
        raise ValidationFailed([
            Problem("kolom_hilang", row=baris, column=None,
                    params={"dicari": wanted, "ditemukan": found, "sinonim": ", ".join(synonyms)})
            for wanted, synonyms in missing
        ])
    return mapping



"""Tables for people: localised headers and Indonesian/English number formats.

Returns frames of text (already formatted), for screens and exports that a person reads.
"""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.columns import HOTSPOT
from geo.schema import Col, Level, ValidationFailed, Zone
from geo.text import describe, tr


_HEADERS = {
    Col.KODE: "kol_kode", Col.NAMA: "kol_nama", Col.NAMA_INDUK: "kol_induk", Col.WAJIB: "kol_wajib",
    Col.SUDAH: "kol_sudah", Col.BELUM: "kol_belum", Col.CAKUPAN: "kol_cakupan", Col.ZONA: "kol_zona",
    Col.TANGGAL: "kol_tanggal", Col.BARIS: "kol_baris", Col.PRR: "kol_prr", Col.CETAK: "kol_cetak",
    Col.PEMULA: "kol_pemula", Col.PEMULA_SUDAH: "kol_pemula_sudah", Col.PEMULA_BELUM: "kol_pemula_belum",
    Col.PERUBAHAN: "kol_perubahan",
}
_FORMATTERS = {  # value, lang -> text
    Col.WAJIB: lambda v, lang: fmt.number(v, lang=lang),
    Col.SUDAH: lambda v, lang: fmt.number(v, lang=lang),
    Col.BELUM: lambda v, lang: fmt.number(v, lang=lang),
    Col.PRR: lambda v, lang: fmt.number(v, lang=lang),
    Col.CETAK: lambda v, lang: fmt.number(v, lang=lang),
    Col.PEMULA: lambda v, lang: fmt.number(v, lang=lang),
    Col.PEMULA_SUDAH: lambda v, lang: fmt.number(v, lang=lang),
    Col.PEMULA_BELUM: lambda v, lang: fmt.number(v, lang=lang),
    Col.CAKUPAN: lambda v, lang: fmt.percent(v, 2, lang),
    Col.TANGGAL: lambda v, lang: fmt.long_date(v, lang),
    Col.PERUBAHAN: lambda v, lang: fmt.signed(v, 2, lang, tr("poin", lang)),
}


def first_named(items: list[str], shown: int, lang: str = "id") -> str:
    """The first ``shown`` of ``items`` joined, the rest counted ("A, B, dan 3 lainnya")."""
    more = len(items) - shown
    return ", ".join(items[:shown]) + (tr("rb_lainnya", lang, n=more) if more > 0 else "")


def reach_note(reach: dict, area_name: str, lang: str = "id", shown: int = 6,
               key: str = "cakupan_sebagian", unit: str = "desa") -> str | None:
    """``coverage.data_reach`` for people, when some ``unit`` areas of the area (its desa; the country's
    kabupaten/kota) have no data: from how many of them the figures come, how many have none, the
    kecamatan (or kabupaten/kota, provinsi) with no data at all by name; None when every one has data.
    ``key``: the sentence (``rencana_sebagian``: what a plan chose from)."""
    missing = reach["semua"] - reach["ada"]
    if missing <= 0 or not reach["ada"]:
        return None
    parents = reach["induk_kosong"]
    named = tr("cakupan_sebagian_induk", lang, daftar=first_named(parents, shown, lang)) if parents else ""
    return tr(key, lang, ada=fmt.number(reach["ada"], lang=lang),
              semua=fmt.number(reach["semua"], lang=lang), kosong=fmt.number(missing, lang=lang),
              wilayah=area_name, induk=named, satuan=tr(f"tingkat_jamak_{unit}", lang))


# The short forms Indonesian tables write for the leading words of long area names (a column of them,
# or the sidebar's picker, fits a laptop).
_SHORT_PREFIXES = (("Daerah Khusus Ibukota ", "DKI "), ("Daerah Khusus ", "DK "), ("Daerah Istimewa ", "DI "),
                   ("Kabupaten ", "Kab. "), ("Administrasi ", "Adm. "), ("Kepulauan ", "Kep. "))


def short_name(name: str) -> str:
    """An area's name as tables write it, its leading words shortened: ``Kep. Bangka Belitung``,
    ``DKI Jakarta``, ``DI Yogyakarta``, ``Kab. Adm. Kep. Seribu``, ``Kota Adm. Jakarta Pusat``
    (``Kota``, and every word after the first that is not one of these, as it is)."""
    head, rest = "", name
    if rest.startswith("Kota "):
        head, rest = "Kota ", rest[len("Kota "):]
    shortened = True
    while shortened:
        shortened = False
        for long, short in _SHORT_PREFIXES:
            if rest.startswith(long):
                head, rest, shortened = head + short, rest[len(long):], True
                break
    return head + rest


def zone_label(zona, lang: str = "id") -> str:
    """The zone as a word (never a colour alone); 'tidak ada data' when missing."""
    return tr(f"zona_{zona}_kata", lang) if isinstance(zona, str) and zona else tr(
        "tidak_ada_data", lang)


def display_table(frame: pd.DataFrame, columns: list[str], lang: str = "id") -> pd.DataFrame:
    """``columns`` of ``frame`` formatted as text with localised headers."""
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        values = frame[col]
        if col == Col.ZONA:
            out[col] = [zone_label(z, lang) for z in values]
        elif col in _FORMATTERS:
            out[col] = [_FORMATTERS[col](v, lang) for v in values]
        else:
            out[col] = values.astype(str)
    if Col.DI_ATAS_100 in frame and Col.CAKUPAN in out:
        flag = tr("di_atas_100", lang)
        out[Col.CAKUPAN] = [f"{c} ⚠ {flag}" if over else c for c, over in zip(out[Col.CAKUPAN], frame[Col.DI_ATAS_100])]
    return out.rename(columns={c: tr(_HEADERS.get(c, c), lang) for c in columns}).reset_index(drop=True)


def sortable_table(frame: pd.DataFrame, columns: list[str], lang: str = "id", formatters: dict | None = None,
                   headers: dict | None = None):
    """``columns`` of ``frame`` for a screen whose reader sorts them (a pandas Styler): numbers stay
    numbers, so a click on a column's title sorts by value, shown in ``lang``'s form (``1.234``,
    ``92,28%``, a coverage above 100% flagged when ``frame`` says so, as ``display_table``); words
    (zones, dates, names) as text; localised headers; a missing number stays missing (a screen shows
    it with ``ui.sorted_grid``). ``formatters`` (value, lang -> text) and ``headers`` (text keys): a
    caller's own columns."""
    formatters, headers = {**_FORMATTERS, **(formatters or {})}, {**_HEADERS, **(headers or {})}
    data, shown, flagged = pd.DataFrame(index=range(len(frame))), {}, Col.DI_ATAS_100 in frame
    for col in columns:
        values, header = frame[col].reset_index(drop=True), tr(headers.get(col, col), lang)
        form = formatters.get(col)
        if form is not None and pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            # A missing number stays missing: the grid draws it as its placeholder (``ui.sorted_grid``: "–")
            # and its own CSV download leaves the cell empty.
            data[header] = values.astype(float)
            shown[header] = _over_100(form, lang) if col == Col.CAKUPAN and flagged else (lambda v, f=form: f(v, lang))
        elif col == Col.ZONA:
            data[header] = [zone_label(z, lang) for z in values]
        else:
            data[header] = [form(v, lang) for v in values] if form is not None else values.astype(str)
    return data.style.format(shown)


def _over_100(form, lang: str):
    """A coverage as text, flagged when above 100% (recorded beyond the wajib KTP: a stale denominator)."""
    flag = tr("di_atas_100", lang)
    return lambda v: f"{form(v, lang)} ⚠ {flag}" if pd.notna(v) and v > 100 else form(v, lang)


def file_preview(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """An uploaded file as read: row numbers, code and names as written, counts formatted;
    columns the file does not have are left out."""
    columns = [c for c in table.columns if table[c].notna().any()]
    out = display_table(table, columns, lang)
    code_header = tr(_HEADERS[Col.KODE], lang)
    return out.rename(columns={code_header: tr("kol_kode_berkas", lang)})


def download_table(data: pd.DataFrame, headers, lang: str = "id") -> pd.DataFrame:
    """``data`` ready for a CSV/XLSX download in ``lang``.

    Numbers stay numbers; the columns take ``headers`` (the words the screen shows for the
    same columns, in the same order); coded words become words in ``lang``: Col.ZONA
    (``hijau`` → ``green``) and the hot/cold-spot class (``panas`` → ``hot spot``).
    Raises ValueError when ``headers`` and the columns differ in number.
    """
    headers = list(headers)
    if len(headers) != data.shape[1]:
        raise ValueError(f"{len(headers)} headers for {data.shape[1]} columns: {list(data.columns)}")
    out = data.copy()
    if Col.ZONA in out:
        out[Col.ZONA] = [zone_label(z, lang) for z in out[Col.ZONA]]
    if HOTSPOT in out:
        out[HOTSPOT] = [tr(f"kelas_{v}", lang) if isinstance(v, str) else None for v in out[HOTSPOT]]
    out.columns = headers
    return out


# Refusals whose parameters are dates or stored timestamps (ISO in the error, that any reader can use):
# said in words wherever people read them, the Data page and the CLI alike.
REFUSAL_DAYS = {"tanggal_masa_depan": ("tanggal", "hari_ini"), "tanggal_sebelum_program": ("tanggal", "awal")}
REFUSAL_MOMENTS = {"berkas_sudah_diimpor": ("waktu",)}


def refusal_text(err, lang: str = "id") -> str:
    """A refusal (RekamError) in words for people: its dates as ``5 Desember 2027``, its stored times as
    the office's clock reads them (``6 Desember 2026 pukul 18.11 WIB``)."""
    if isinstance(err, ValidationFailed):
        return describe(err, lang)
    params = dict(err.params)
    for name in REFUSAL_DAYS.get(err.key, ()):
        if params.get(name):
            params[name] = fmt.long_date(params[name], lang)
    for name in REFUSAL_MOMENTS.get(err.key, ()):
        params[name] = fmt.long_moment(params.get(name), lang)
    return tr(err.key, lang, **params)


def zone_title(cakupan, level, area_name: str, zones, lang: str = "id") -> str:
    """The finding of a zone map as its title, the same on the page, the map image and the bar image:
    how many of its areas are still merah when any is, else how many are hijau. ``cakupan``: the
    areas' coverage (percent, NaN without data); ``zones``: a ``ZoneConfig``."""
    level = Level(level)
    found = [zones.zone(None if pd.isna(v) else float(v)) for v in cakupan]
    red = sum(z is Zone.MERAH for z in found)
    return tr("gambar_zona_judul_merah" if red else "gambar_zona_judul", lang, wilayah=area_name,
              n=sum(z is Zone.HIJAU for z in found), merah=red, total=len(found),
              tingkat=tr(f"gambar_tingkat_{level.value}", lang))


def over_100_names(table: pd.DataFrame, lang: str = "id", shown: int = 3) -> str:
    """The areas of ``table`` above 100% (Col.DI_ATAS_100) with their coverage, highest first —
    ``Air Raya 106,69%`` — the rest counted; empty when none is."""
    over = table[table[Col.DI_ATAS_100].fillna(False).astype(bool)].sort_values(Col.CAKUPAN, ascending=False)
    return first_named([f"{n} {fmt.percent(c, 2, lang)}" for n, c in zip(over[Col.NAMA], over[Col.CAKUPAN])],
                       shown, lang)


def red_names(table: pd.DataFrame, zones, lang: str = "id", shown: int = 3) -> str:
    """The lowest merah areas of ``table`` (Col.NAMA, Col.CAKUPAN) with their coverage, lowest first —
    ``Kepulauan Teduh 79,35%, Golo Sejuk 82,74%`` — the rest counted; empty when none is merah."""
    merah = [zones.zone(None if pd.isna(c) else float(c)) is Zone.MERAH for c in table[Col.CAKUPAN]]
    red = table[merah].sort_values(Col.CAKUPAN)
    return first_named([f"{n} {fmt.percent(c, 2, lang)}" for n, c in zip(red[Col.NAMA], red[Col.CAKUPAN])],
                       shown, lang)

"""Events (peristiwa) kept in the store, and what the Tren page says about a trend.

**Stored events.** A broken device, a network cut, a school campaign: each entry made on
the page, and each imported file, is one version (kind ``peristiwa``) in the store's
``versions`` table, so rolling that version back (``Store.rollback``) removes exactly its
events. An event is known by (kode, jenis, tanggal_mulai): a newer active version holding
the same three replaces the older row (the broken device's end date, filled in later),
and rolling the newer one back brings the older row back. The ``events`` table lives in
this module's own MetaData and is created on first use on the store's engine (SQLite or
PostgreSQL). ``tanggal_selesai`` is NULL while an event is still going on.

**Reading a trend.** ``notes`` finds what a reader must know before trusting a trend
line (one snapshot only, counts that went down, a changing denominator, desa that started
reporting or are carried forward); ``note_lines``, ``headline`` and ``projection_view``
put those facts and a ``trend.projection`` into words and a table, Indonesian by default.
"""
from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pandas as pd

from geo.columns import BERLANGSUNG
from geo import fmt, trend
from geo.present import display_table
from geo.schema import Col, Problem, RekamError, ValidationFailed
from geo.store import Store
from geo.store.tables import events_table
from geo.dates import iso_day
from geo.text import tr

KIND = "peristiwa"  # versions.kind of event versions
MAX_NOTE_CHARS = 500
_NIK_LIKE = re.compile(r"(?<!\d)\d{16}(?!\d)")  # a resident's NIK must never be stored


# --- the table -------------------------------------------------------------------------------
_IDENTITY = (Col.KODE, trend.JENIS, trend.MULAI)  # a newer version with these three replaces the row
EVENTS_COLUMNS = [*trend.EVENT_COLUMNS, BERLANGSUNG, Col.VERSI]
# Weekend services and mobile-unit visits are frequent and local: the weekly bars show them
# (hatched bars, shaded ranges); on the coverage lines they would bury the rarer events.
COVERAGE_CHART_KINDS = tuple(k for k in trend.EVENT_KINDS if k not in (trend.WEEKEND_SERVICE, "jemput_bola"))


# --- checking one event -------------------------------------------------------------------------
def _clean(kode, jenis, start, end, keterangan, known_codes) -> dict:
    """One event as a row of the table; raises RekamError naming the first problem."""
    try:
        kode = trend.check_code(kode)
    except RekamError:
        raise RekamError("peristiwa_wilayah_tidak_ada", nilai=str(kode)[:40]) from None
    if kode not in known_codes:
        raise RekamError("peristiwa_wilayah_tidak_ada", nilai=kode)
    jenis = str(jenis or "").strip()
    if jenis not in trend.EVENT_KINDS:
        raise RekamError("peristiwa_jenis_salah", nilai=jenis[:40], pilihan=", ".join(trend.EVENT_KINDS))
    start_iso = iso_day(start, field="mulai", required=False)
    if start_iso is None:
        raise RekamError("peristiwa_tanggal_salah", nama="mulai", nilai="")
    end_iso = iso_day(end, field="selesai", required=False)
    if end_iso is not None and end_iso < start_iso:
        raise RekamError("peristiwa_selesai_sebelum_mulai", mulai=start_iso, selesai=end_iso)
    note = " ".join(str(keterangan or "").split())
    if len(note) > MAX_NOTE_CHARS:
        raise RekamError("peristiwa_keterangan_panjang", panjang=len(note), maksimal=MAX_NOTE_CHARS)
    if _NIK_LIKE.search(note.replace(" ", "").replace(".", "")):
        raise RekamError("peristiwa_keterangan_nik")
    return {Col.KODE: kode, trend.JENIS: jenis, trend.MULAI: start_iso, trend.SELESAI: end_iso,
            trend.KETERANGAN: note or None}


def _known_codes(store: Store, within: str | None = None) -> set[str]:
    return set(store.areas(within=within)[Col.KODE])


def _write(store: Store, rows: list[dict], *, user: str, file_name=None, file_hash=None, report=None,
           force: bool = False) -> int:
    """One 'peristiwa' version and its rows in one transaction; returns the version id."""
    return store.add_version(KIND, [(events_table, [{**row, "id": i} for i, row in enumerate(rows, 1)])],
                             user=user, file_name=file_name, file_hash=file_hash, report=report, force=force)


# --- writing ----------------------------------------------------------------------------------
def add_event(store: Store, kode: str, jenis: str, start, end, keterangan: str | None, user: str) -> int:
    """Store one event as its own version (kind 'peristiwa'); returns the version id.

    ``start``/``end`` are ``date`` or ISO text; ``end`` None or empty: still going on.
    ``kode`` is a dotted (or undotted) Kemendagri code of a stored area of any level.
    Raises RekamError: 'peristiwa_wilayah_tidak_ada', 'peristiwa_jenis_salah',
    'peristiwa_tanggal_salah', 'peristiwa_selesai_sebelum_mulai',
    'peristiwa_keterangan_panjang', 'peristiwa_keterangan_nik'; StoreError when the write fails.
    The caller checks the user's role (``auth.require``) first.
    """
    try:
        known = _known_codes(store, trend.check_code(kode))
    except RekamError:
        known = set()
    row = _clean(kode, jenis, start, end, keterangan, known)
    return _write(store, [row], user=user, report={"peristiwa": 1, **row})


def import_events(store: Store, source, user: str = "cli", *, file_name: str | None = None,
                  force: bool = False) -> int:
    """Store every event of a peristiwa.csv file (a path, or its bytes) as one version.

    Columns: trend.EVENT_COLUMNS (tanggal_mulai, tanggal_selesai, kode, jenis, keterangan);
    an empty tanggal_selesai means still going on. Every row is checked as in
    ``add_event`` and nothing is stored unless all pass: raises ValidationFailed listing
    each problem with its row (the header is row 1), 'peristiwa_ganda' for the same
    (kode, jenis, tanggal_mulai) twice. Also raises RekamError 'peristiwa_tidak_terbaca',
    'peristiwa_kolom_kurang', 'peristiwa_kosong', and 'berkas_sudah_diimpor' when the same
    bytes are in an active version (unless ``force``). Returns the version id.
    """
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), file_name or "peristiwa.csv"
    else:
        name = file_name or Path(source).name
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise RekamError("peristiwa_tidak_terbaca", path=str(source), detail=exc.strerror or str(exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    store.refuse_same_file(digest, force=force)  # the same refusal as every other import
    try:
        frame = trend.read_events(io.BytesIO(data))
    except RekamError as err:
        raise type(err)(err.key, **{**err.params, "path": name}) from None
    if frame.empty:
        raise RekamError("peristiwa_kosong", path=name)
    known = _known_codes(store)
    rows, problems, seen = [], [], {}
    for baris, record in enumerate(frame.to_dict("records"), start=2):
        try:
            row = _clean(record[Col.KODE], record[trend.JENIS], record[trend.MULAI], record[trend.SELESAI],
                         record[trend.KETERANGAN], known)
        except RekamError as err:
            problems.append(Problem(err.key, baris=baris, params=err.params))
            continue
        identity = tuple(row[c] for c in _IDENTITY)
        if identity in seen:
            problems.append(Problem("peristiwa_ganda", baris=baris, params={
                "jenis": row[trend.JENIS], "kode": row[Col.KODE], "mulai": row[trend.MULAI],
                "baris_lain": seen[identity]}))
            continue
        seen[identity] = baris
        rows.append(row)
    if problems:
        raise ValidationFailed(problems)
    return _write(store, rows, user=user, file_name=name, file_hash=digest, report={"peristiwa": len(rows)},
                  force=force)


# --- reading ----------------------------------------------------------------------------------
def events(store: Store, within: str | None = None, *, open_until=None, kinds=None) -> pd.DataFrame:
    """Current stored events: for each (kode, jenis, tanggal_mulai), the row of the newest active version.

    ``within``: only the events ``trend.events_for(…, within)`` would keep (that area, its
    ancestors, its descendants). Returns EVENTS_COLUMNS: trend.EVENT_COLUMNS as text (as
    ``trend.read_events`` gives them, so ``trend.events_for`` takes the frame as is),
    BERLANGSUNG (True: no end date yet) and Col.VERSI; sorted by tanggal_mulai, kode, jenis.
    An event still going on has an empty tanggal_selesai, or ``open_until`` (a date or ISO
    text, e.g. the latest snapshot) when given and not before its start, so a chart draws
    it up to then rather than as one day. ``kinds``: only events of those kinds (e.g.
    COVERAGE_CHART_KINDS). Raises RekamError for a bad code.
    """
    t = events_table
    where = None
    if within:
        within = trend.check_code(within)
        parts = within.split(".")
        ancestors = [".".join(parts[:n]) for n in range(1, len(parts))]
        where = (t.c[Col.KODE] == within) | t.c[Col.KODE].like(within + ".%") | t.c[Col.KODE].in_(ancestors)
    if kinds is not None:
        chosen = t.c[trend.JENIS].in_(list(kinds))
        where = chosen if where is None else where & chosen
    query = store.current_query(t, [t.c[c] for c in _IDENTITY], where)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=["version_id", "id", *trend.EVENT_COLUMNS])
    frame[BERLANGSUNG] = frame[trend.SELESAI].isna().astype(bool)
    frame[Col.VERSI] = frame["version_id"].astype("Int64")
    until = iso_day(open_until, field="open_until", required=False)
    if until is not None:
        fill = frame[BERLANGSUNG] & (frame[trend.MULAI] <= until)
        frame.loc[fill, trend.SELESAI] = until
    frame[trend.SELESAI] = frame[trend.SELESAI].fillna("")
    frame[trend.KETERANGAN] = frame[trend.KETERANGAN].fillna("")
    frame = frame.sort_values([trend.MULAI, Col.KODE, trend.JENIS], kind="stable", ignore_index=True)
    return frame[EVENTS_COLUMNS]


def events_view(frame: pd.DataFrame, names: dict[str, str] | None = None, lang: str = "id") -> pd.DataFrame:
    """Events (``events`` or ``trend.events_for`` rows) as text for people: dates, area, kind, note."""
    names = names or {}
    out = pd.DataFrame({
        "kol_mulai": [fmt.long_date(d, lang) for d in frame[trend.MULAI]],
        "kol_selesai": [tr("masih_berlangsung", lang) if going else fmt.long_date(d or None, lang)
                        for d, going in zip(frame[trend.SELESAI], _going(frame))],
        "kol_nama": [f"{names[k]} ({k})" if k in names else k for k in frame[Col.KODE]],
        "kol_jenis": [trend.event_label(j, lang) for j in frame[trend.JENIS]],
        "kol_keterangan": list(frame[trend.KETERANGAN]),
    })
    return out.rename(columns=lambda key: tr(key, lang))


def _going(frame: pd.DataFrame) -> list[bool]:
    if BERLANGSUNG in frame:
        return [bool(v) for v in frame[BERLANGSUNG]]
    return [False] * len(frame)


# --- reading a trend ------------------------------------------------------------------------------
def notes(series: pd.DataFrame, kode: str) -> dict:
    """What a reader must know before trusting the trend of ``kode`` (facts, no words).

    Takes a ``trend.series`` frame holding ``kode`` and, optionally, the areas within it.
    Returns a dict: ``n_tanggal`` (kode's own report dates), ``tanggal_awal`` and
    ``tanggal_akhir`` (first and last of them; None without data), ``wajib_awal`` and
    ``wajib_akhir`` (wajib_ktp on those dates), ``koreksi`` (list of dicts Col.KODE,
    Col.NAMA, trend.TANGGAL_AWAL, Col.TANGGAL, trend.REKAM_BARU — negative — for every
    interval in which sudah_rekam of ``kode`` or of an area within it went down, by
    date then code), ``sumber_berubah`` (dates on which the number of rows summed for
    ``kode`` changed: a desa reported for the first time) and ``n_dibawa`` (desa carried
    forward from an earlier report on the last date).
    """
    kode = trend.check_code(kode)
    own = series[series[Col.KODE] == kode].sort_values(Col.TANGGAL) if len(series) else series
    out = {"n_tanggal": len(own), "tanggal_awal": None, "tanggal_akhir": None, "wajib_awal": None,
           "wajib_akhir": None, "koreksi": [], "sumber_berubah": [], "n_dibawa": 0}
    if own.empty:
        return out
    first, last = own.iloc[0], own.iloc[-1]
    out.update({"tanggal_awal": str(first[Col.TANGGAL])[:10], "tanggal_akhir": str(last[Col.TANGGAL])[:10],
                "wajib_awal": _int(first[Col.WAJIB]), "wajib_akhir": _int(last[Col.WAJIB]),
                "n_dibawa": _int(last.get(trend.N_DIBAWA)) or 0})
    weekly = trend.weekly_recordings(series)
    falls = weekly[weekly[trend.KOREKSI]].sort_values([Col.TANGGAL, Col.KODE])
    keep = [Col.KODE, Col.NAMA, trend.TANGGAL_AWAL, Col.TANGGAL, trend.REKAM_BARU]
    out["koreksi"] = [{**r, trend.REKAM_BARU: int(r[trend.REKAM_BARU])} for r in falls[keep].to_dict("records")]
    mine = weekly[(weekly[Col.KODE] == kode) & weekly[trend.SUMBER_BERUBAH]]
    out["sumber_berubah"] = [str(d)[:10] for d in mine[Col.TANGGAL]]
    return out


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def note_lines(facts: dict, projection: dict | None = None, lang: str = "id") -> list[str]:
    """``notes`` (and the headline ``trend.projection``, for the window) as sentences, in order:
    one snapshot only, corrections, the denominator, desa that joined, desa carried forward."""
    lines = []
    if facts["n_tanggal"] == 1:
        lines.append(tr("catatan_satu", lang, tanggal=fmt.long_date(facts["tanggal_akhir"], lang)))
    if facts["koreksi"]:
        items = [tr("catatan_koreksi_item", lang, nama=r[Col.NAMA] or r[Col.KODE],
                               tanggal=fmt.long_date(r[Col.TANGGAL], lang),
                               selisih=fmt.signed(r[trend.REKAM_BARU], lang=lang)) for r in facts["koreksi"]]
        lines.append(tr("catatan_koreksi", lang, n=len(items), daftar="; ".join(items)))
    if projection and projection.get(trend.N_KOREKSI):
        lines.append(tr("catatan_koreksi_jendela", lang, n=projection[trend.N_KOREKSI]))
    if facts["n_tanggal"] > 1 and facts["wajib_awal"] != facts["wajib_akhir"]:
        growth = (projection or {}).get(trend.PERTUMBUHAN_WAJIB)
        lines.append(tr(
            "catatan_penyebut", lang, awal=fmt.number(facts["wajib_awal"], lang=lang),
            akhir=fmt.number(facts["wajib_akhir"], lang=lang),
            tanggal_awal=fmt.long_date(facts["tanggal_awal"], lang),
            tanggal_akhir=fmt.long_date(facts["tanggal_akhir"], lang),
            selisih=fmt.signed(facts["wajib_akhir"] - facts["wajib_awal"], lang=lang),
            per_hari=fmt.number(growth, 1, lang)))
    if facts["sumber_berubah"]:
        dates = ", ".join(fmt.long_date(d, lang) for d in facts["sumber_berubah"])
        lines.append(tr("catatan_sumber", lang, tanggal=dates))
    if facts["n_dibawa"]:
        lines.append(tr("catatan_dibawa", lang, n=fmt.number(facts["n_dibawa"], lang=lang),
                                   tanggal=fmt.long_date(facts["tanggal_akhir"], lang)))
    return lines


def target_words(target_pct: float, hijau: float, lang: str = "id") -> str:
    """'zona hijau' when the target is the green threshold, else 'target 95%'."""
    from geo.render.trend_charts import threshold_text

    if float(target_pct) == float(hijau):
        return tr("tren_sasaran_hijau", lang)
    return tr("tren_sasaran_lain", lang, target=threshold_text(target_pct, lang))


def headline(projection: dict, hijau: float, lang: str = "id") -> list[str]:
    """A ``trend.projection`` result as the bupati reads it: when the target is reached (with
    the range), or that it is not at this rate; then the recordings per day needed by the
    deadline. One or two sentences (markdown, key figures in bold)."""
    status = trend.Status(projection[trend.STATUS])
    goal = target_words(projection[trend.TARGET], hijau, lang)
    goal_first = goal[:1].upper() + goal[1:]  # at the start of a sentence
    day = lambda key: fmt.long_date(projection.get(key), lang)  # noqa: E731
    if status == trend.Status.DATA_KURANG:
        return [tr("tren_kalimat_kurang", lang)]
    if status == trend.Status.SATU_SNAPSHOT:
        first = tr("tren_kalimat_satu", lang, tanggal=day(Col.TANGGAL))
    elif status == trend.Status.SUDAH_TERCAPAI:
        first = tr("tren_kalimat_sudah", lang, sasaran_besar=goal_first,
                              cakupan=fmt.percent(projection[Col.CAKUPAN], 2, lang), tanggal=day(Col.TANGGAL))
    elif status == trend.Status.TIDAK_TERCAPAI and projection[trend.LAJU] <= 0:  # e.g. a broken device
        first = tr("tren_kalimat_tidak_nol", lang, sasaran_besar=goal_first,
                              hari=projection[trend.JENDELA_HARI], awal=day(trend.JENDELA_AWAL), akhir=day(Col.TANGGAL))
    elif status == trend.Status.TIDAK_TERCAPAI:
        first = tr("tren_kalimat_tidak", lang, sasaran_besar=goal_first,
                              laju=fmt.number(projection[trend.LAJU], 1, lang),
                              tumbuh=fmt.number(projection[trend.PERTUMBUHAN_WAJIB], 1, lang))
    else:
        first = tr("tren_kalimat_tercapai", lang, sasaran=goal, tanggal=day(trend.TANGGAL_PROYEKSI),
                              rentang=_range_words(projection, lang))
    lines = [first]
    if projection.get(trend.TENGGAT_LEWAT):
        lines.append(tr("tren_tenggat_lewat", lang, tenggat=day(trend.TENGGAT), tanggal=day(Col.TANGGAL)))
    elif projection.get(trend.LAJU_DIBUTUHKAN) is not None:
        key = "tren_perlu_tetap" if status == trend.Status.SUDAH_TERCAPAI else "tren_perlu"
        if key == "tren_perlu" or projection[trend.LAJU_DIBUTUHKAN] > 0:
            lines.append(tr(key, lang, n=fmt.number(projection[trend.LAJU_DIBUTUHKAN], lang=lang),
                                       sasaran=goal, tenggat=day(trend.TENGGAT)))
    return lines


def _range_words(projection: dict, lang: str) -> str:
    early, late = projection.get(trend.TANGGAL_PROYEKSI_AWAL), projection.get(trend.TANGGAL_PROYEKSI_AKHIR)
    if early is None or (late is not None and early == late):
        return ""  # no band (fewer than two intervals), or the band is within one day
    if late is None:
        return tr("tren_rentang_terbuka", lang, awal=fmt.long_date(early, lang))
    return tr("tren_rentang", lang, awal=fmt.long_date(early, lang), akhir=fmt.long_date(late, lang))


def when_words(projection: dict, lang: str = "id") -> str:
    """The projected date in short: the date, 'tidak tercapai', 'sudah tercapai', or '–' (no trend)."""
    if projection.get(trend.TANGGAL_PROYEKSI):
        return fmt.long_date(projection[trend.TANGGAL_PROYEKSI], lang)
    short = {trend.Status.TIDAK_TERCAPAI.value: "tren_m_tidak", trend.Status.SUDAH_TERCAPAI.value: "tren_m_sudah"}
    key = short.get(projection[trend.STATUS])
    return tr(key, lang) if key else "–"


def projection_view(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A ``trend.projections`` / ``projection_table`` frame as text for people, in its order:
    name, code, coverage, rate per day, projected date, range, status in words, needed per
    day, days to go."""
    band = [_band(a, b, lang) for a, b in zip(table[trend.TANGGAL_PROYEKSI_AWAL], table[trend.TANGGAL_PROYEKSI_AKHIR])]
    out = display_table(table, [Col.NAMA, Col.KODE, Col.CAKUPAN], lang)
    extra = {
        "kol_laju": [fmt.number(v, 1, lang) for v in table[trend.LAJU]],
        "kol_tanggal_proyeksi": [fmt.long_date(d, lang) for d in table[trend.TANGGAL_PROYEKSI]],
        "kol_rentang": band,
        "kol_status": [trend.status_label(s, lang) for s in table[trend.STATUS]],
        "kol_perlu": [fmt.number(v, lang=lang) for v in table[trend.LAJU_DIBUTUHKAN]],
        "kol_hari_ke_target": [fmt.number(v, lang=lang) for v in table[trend.HARI_KE_TARGET]],
    }
    for key, values in extra.items():
        out[tr(key, lang)] = values
    return out


def _band(early, late, lang: str) -> str:
    if early is None or pd.isna(early):
        return "–"
    end = fmt.long_date(late, lang) if late is not None and not pd.isna(late) else tr(
        "rentang_tidak_tercapai", lang)
    return f"{fmt.long_date(early, lang)} – {end}"

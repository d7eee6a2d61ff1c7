"""Events (peristiwa) kept in the store, and the facts a reader must know about a trend.

**Stored events.** A broken device, a network cut, a school campaign: each entry made on
the page, and each imported file (``geo.ingest.events.import_events``), is one version
(kind ``peristiwa``) in the store's ``versions`` table, so rolling that version back
(``Store.rollback``) removes exactly its events. An event is known by (kode, jenis,
tanggal_mulai): a newer active version holding the same three replaces the older row (the
broken device's end date, filled in later), and rolling the newer one back brings the
older row back. ``tanggal_selesai`` is NULL while an event is still going on.

**Reading a trend.** ``notes`` finds what a reader must know before trusting a trend
line (one snapshot only, counts that went down, a changing denominator, desa that started
reporting or are carried forward); ``geo.present.trend`` puts those facts and a
``trend.projection`` into words.
"""
from __future__ import annotations

import pandas as pd

from geo.columns import (
    BERLANGSUNG, JENIS, KETERANGAN, KOREKSI, MULAI, N_DIBAWA, REKAM_BARU, SELESAI, SUMBER_BERUBAH, TANGGAL_AWAL,
)
from geo.dates import iso_day
from geo.ingest.events import known_codes, store_events
from geo.ingest.rights import refuse_outside
from geo.io.events import EVENT_COLUMNS, EVENT_IDENTITY, EVENT_KINDS, WEEKEND_SERVICE, check_code, check_event
from geo.schema import Col, RekamError, is_country
from geo.store import Store
from geo.store.tables import events_table
from geo.timeline import check_area, weekly_recordings

EVENTS_COLUMNS = [*EVENT_COLUMNS, BERLANGSUNG, Col.VERSI]
# Weekend services and mobile-unit visits are frequent and local: the weekly bars show them
# (hatched bars, shaded ranges); on the coverage lines they would bury the rarer events.
COVERAGE_CHART_KINDS = tuple(k for k in EVENT_KINDS if k not in (WEEKEND_SERVICE, "jemput_bola"))


# --- writing ----------------------------------------------------------------------------------
def add_event(store: Store, kode: str, jenis: str, start, end, keterangan: str | None, user: str, *,
              writer_area: str | None = None) -> int:
    """Store one event as its own version (kind 'peristiwa'); returns the version id.

    ``start``/``end`` are ``date`` or ISO text; ``end`` None or empty: still going on.
    ``kode`` is a dotted (or undotted) Kemendagri code of a stored area of any level.
    Checked by ``geo.io.events.check_event``, as every row of an imported file: raises
    RekamError 'peristiwa_wilayah_tidak_ada', 'peristiwa_jenis_salah',
    'peristiwa_tanggal_salah', 'tanggal_salah', 'peristiwa_selesai_sebelum_mulai',
    'peristiwa_keterangan_panjang', 'peristiwa_keterangan_nik'; OutsideArea when ``kode`` lies
    outside ``writer_area`` (the editor's own; None: everywhere); StoreError when the write
    fails. The caller checks the user's role (``auth.require``) first.
    """
    try:
        known = known_codes(store, check_code(kode))
    except RekamError:
        known = set()
    row = check_event(kode, jenis, start, end, keterangan, known)
    refuse_outside(store, writer_area, [row[Col.KODE]])
    return store_events(store, [row], user=user, report={"peristiwa": 1, **row})


# --- reading ----------------------------------------------------------------------------------
def events(store: Store, within: str | None = None, *, open_until=None, kinds=None) -> pd.DataFrame:
    """Current stored events: for each (kode, jenis, tanggal_mulai), the row of the newest active version.

    ``within``: only the events ``trend.events_for(…, within)`` would keep (that area, its
    ancestors, its descendants). Returns EVENTS_COLUMNS: EVENT_COLUMNS as text (as
    ``geo.io.events.read_events`` gives them, so ``trend.events_for`` takes the frame as is),
    BERLANGSUNG (True: no end date yet) and Col.VERSI; sorted by tanggal_mulai, kode, jenis.
    An event still going on has an empty tanggal_selesai, or ``open_until`` (a date or ISO
    text, e.g. the latest snapshot) when given and not before its start, so a chart draws
    it up to then rather than as one day. ``kinds``: only events of those kinds (e.g.
    COVERAGE_CHART_KINDS). Raises RekamError for a bad code.
    """
    t = events_table
    where = None
    if within and not is_country(within):  # the whole country keeps every event
        within = check_code(within)
        parts = within.split(".")
        ancestors = [".".join(parts[:n]) for n in range(1, len(parts))]
        where = (t.c[Col.KODE] == within) | t.c[Col.KODE].like(within + ".%") | t.c[Col.KODE].in_(ancestors)
    if kinds is not None:
        chosen = t.c[JENIS].in_(list(kinds))
        where = chosen if where is None else where & chosen
    query = store.current_query(t, [t.c[c] for c in EVENT_IDENTITY], where)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=["version_id", "id", *EVENT_COLUMNS])
    frame[BERLANGSUNG] = frame[SELESAI].isna().astype(bool)
    frame[Col.VERSI] = frame["version_id"].astype("Int64")
    until = iso_day(open_until, field="open_until", required=False)
    if until is not None:
        fill = frame[BERLANGSUNG] & (frame[MULAI] <= until)
        frame.loc[fill, SELESAI] = until
    frame[SELESAI] = frame[SELESAI].fillna("")
    frame[KETERANGAN] = frame[KETERANGAN].fillna("")
    frame = frame.sort_values([MULAI, Col.KODE, JENIS], kind="stable", ignore_index=True)
    return frame[EVENTS_COLUMNS]


# --- reading a trend ------------------------------------------------------------------------------
def notes(series: pd.DataFrame, kode: str) -> dict:
    """What a reader must know before trusting the trend of ``kode`` (facts, no words).

    Takes a ``timeline.series`` frame holding ``kode`` and, optionally, the areas within it.
    Returns a dict: ``n_tanggal`` (kode's own report dates), ``tanggal_awal`` and
    ``tanggal_akhir`` (first and last of them; None without data), ``wajib_awal`` and
    ``wajib_akhir`` (wajib_ktp on those dates), ``koreksi`` (list of dicts Col.KODE,
    Col.NAMA, TANGGAL_AWAL, Col.TANGGAL, REKAM_BARU — negative — for every
    interval in which sudah_rekam of ``kode`` or of an area within it went down, by
    date then code), ``sumber_berubah`` (dates on which the number of rows summed for
    ``kode`` changed: a desa reported for the first time) and ``n_dibawa`` (desa carried
    forward from an earlier report on the last date).
    """
    kode = check_area(kode)
    own = series[series[Col.KODE] == kode].sort_values(Col.TANGGAL) if len(series) else series
    out = {"n_tanggal": len(own), "tanggal_awal": None, "tanggal_akhir": None, "wajib_awal": None,
           "wajib_akhir": None, "koreksi": [], "sumber_berubah": [], "n_dibawa": 0}
    if own.empty:
        return out
    first, last = own.iloc[0], own.iloc[-1]
    out.update({"tanggal_awal": str(first[Col.TANGGAL])[:10], "tanggal_akhir": str(last[Col.TANGGAL])[:10],
                "wajib_awal": _int(first[Col.WAJIB]), "wajib_akhir": _int(last[Col.WAJIB]),
                "n_dibawa": _int(last.get(N_DIBAWA)) or 0})
    weekly = weekly_recordings(series)
    falls = weekly[weekly[KOREKSI]].sort_values([Col.TANGGAL, Col.KODE])
    keep = [Col.KODE, Col.NAMA, TANGGAL_AWAL, Col.TANGGAL, REKAM_BARU]
    out["koreksi"] = [{**r, REKAM_BARU: int(r[REKAM_BARU])} for r in falls[keep].to_dict("records")]
    mine = weekly[(weekly[Col.KODE] == kode) & weekly[SUMBER_BERUBAH]]
    out["sumber_berubah"] = [str(d)[:10] for d in mine[Col.TANGGAL]]
    return out


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)

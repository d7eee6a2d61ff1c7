"""Trends and events in words for people: the Tren page's headline, notes and tables.

Takes what ``geo.trend`` (projections), ``geo.events`` (stored events, ``notes``) and
``geo.timeline`` return; every sentence comes from the text catalogue, Indonesian by default.
"""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.coverage import people_to_reach
from geo.columns import (
    BERLANGSUNG, HARI_KE_TARGET, JENDELA_AWAL, JENDELA_HARI, JENIS, KETERANGAN, LAJU, LAJU_DIBUTUHKAN, MULAI,
    N_KOREKSI, PERTUMBUHAN_WAJIB, POIN_PER_MINGGU, REKAM_BARU, SELESAI, STATUS, TANGGAL_PROYEKSI, TANGGAL_PROYEKSI_AKHIR,
    TANGGAL_PROYEKSI_AWAL, TARGET, TENGGAT, TENGGAT_LEWAT, TERLAMBAT_HARI, PROYEKSI_LEWAT, UMUR_DATA,
)
from geo.present.common import sortable_table
from geo.schema import Col
from geo.text import tr
from geo.trend import Status


# --- words for codes ----------------------------------------------------------------------------
def status_label(status: str, lang: str = "id", past=False) -> str:
    """A status code (``Status`` value) as words for a person. ``past`` (PROYEKSI_LEWAT: the projected
    day is already behind today, the data being old): an area 'in time at this rate' reads 'should be
    reached by now', as its projected date does; every page says a status in these words."""
    # ``== True``: a numpy bool from a frame counts, a missing value (None, NaN) does not
    if status == Status.TERCAPAI.value and past == True:  # noqa: E712
        return tr("tren_status_tercapai_lewat", lang)
    if not isinstance(status, str):  # no projection at all (a target table's row without figures)
        status = Status.DATA_KURANG.value
    return tr(f"tren_status_{status}", lang)


def status_labels(table: pd.DataFrame, lang: str = "id") -> list[str]:
    """``status_label`` of each row of a frame holding STATUS (and PROYEKSI_LEWAT): Tren's tables, Beranda's
    target table and its downloads say a status in one vocabulary."""
    past = table[PROYEKSI_LEWAT] if PROYEKSI_LEWAT in table else [False] * len(table)
    return [status_label(s, lang, gone) for s, gone in zip(table[STATUS], past)]


def event_label(jenis: str, lang: str = "id") -> str:
    """An event kind (``alat_rusak`` …) as words; an unknown kind is shown as written."""
    key = f"peristiwa_{jenis}"
    label = tr(key, lang)
    return str(jenis) if label == key else label


def threshold_text(value: float, lang: str = "id") -> str:
    """A threshold or target (percent) as people write it: ``92%``, ``92,5%``."""
    decimals = 0 if float(value).is_integer() else (1 if float(value * 10).is_integer() else 2)
    return fmt.percent(value, decimals, lang)


# --- a projection -------------------------------------------------------------------------------
def target_words(target_pct: float, hijau: float, lang: str = "id") -> str:
    """'zona hijau' when the target is the green threshold, else 'target 95%'."""
    if float(target_pct) == float(hijau):
        return tr("tren_sasaran_hijau", lang)
    return tr("tren_sasaran_lain", lang, target=threshold_text(target_pct, lang))


def headline(projection: dict, hijau: float, lang: str = "id", newest: str | None = None) -> list[str]:
    """A ``trend.projection`` result as the bupati reads it: when the target is reached (with
    the range), or that it is not at this rate; then the recordings per day needed by the
    deadline. One or two sentences (markdown, key figures in bold). ``newest``: the newest data's
    date; a projected day already past on older data then points to it (not "import newer data")."""
    status = Status(projection[STATUS])
    goal = target_words(projection[TARGET], hijau, lang)
    goal_first = goal[:1].upper() + goal[1:]  # at the start of a sentence
    day = lambda key: fmt.long_date(projection.get(key), lang)  # noqa: E731
    if status == Status.DATA_KURANG:
        return [tr("tren_kalimat_kurang", lang)]
    if status == Status.SATU_SNAPSHOT:
        first = tr("tren_kalimat_satu", lang, tanggal=day(Col.TANGGAL))
    elif status == Status.SUDAH_TERCAPAI:
        first = tr("tren_kalimat_sudah", lang, sasaran_besar=goal_first,
                              cakupan=fmt.percent(projection[Col.CAKUPAN], 2, lang), tanggal=day(Col.TANGGAL))
    elif status == Status.TIDAK_TERCAPAI and projection[LAJU] <= 0:  # e.g. a broken device
        first = tr("tren_kalimat_tidak_nol", lang, sasaran_besar=goal_first,
                              hari=projection[JENDELA_HARI], awal=day(JENDELA_AWAL), akhir=day(Col.TANGGAL))
    elif status == Status.TIDAK_TERCAPAI:
        first = tr("tren_kalimat_tidak", lang, sasaran_besar=goal_first,
                              laju=fmt.rate(projection[LAJU], lang),
                              tumbuh=fmt.number(projection[PERTUMBUHAN_WAJIB], 1, lang))
    elif projection.get(PROYEKSI_LEWAT):  # never a past date presented as the future
        newer = newest and str(newest)[:10] > str(projection.get(Col.TANGGAL))[:10]
        first = tr("tren_kalimat_lewat_ada" if newer else "tren_kalimat_lewat", lang, sasaran=goal,
                   tanggal=day(TANGGAL_PROYEKSI), data=day(Col.TANGGAL),
                   umur=fmt.number(projection.get(UMUR_DATA), lang=lang), terbaru=fmt.long_date(newest, lang))
    elif status == Status.TERLAMBAT:
        first = tr("tren_kalimat_terlambat", lang, sasaran=goal, tanggal=day(TANGGAL_PROYEKSI),
                   rentang=_range_words(projection, lang), hari=fmt.number(projection[TERLAMBAT_HARI], lang=lang),
                   tenggat=day(TENGGAT))
    else:
        first = tr("tren_kalimat_tercapai", lang, sasaran=goal, tanggal=day(TANGGAL_PROYEKSI),
                              rentang=_range_words(projection, lang))
    lines = [first]
    if projection.get(TENGGAT_LEWAT):
        lines.append(tr("tren_tenggat_lewat", lang, tenggat=day(TENGGAT), tanggal=day(Col.TANGGAL)))
    elif projection.get(LAJU_DIBUTUHKAN) is not None:
        key = "tren_perlu_tetap" if status == Status.SUDAH_TERCAPAI else "tren_perlu"
        if key == "tren_perlu" or projection[LAJU_DIBUTUHKAN] > 0:
            lines.append(tr(key, lang, n=fmt.number(projection[LAJU_DIBUTUHKAN], lang=lang),
                                       sasaran=goal, tenggat=day(TENGGAT)))
    return lines


def _names_age(projection: dict) -> bool:
    """Whether ``verdict`` says how old the data is: its projected date has passed (not when the target is
    met, there is no trend, or the deadline itself has passed — those verdicts come first)."""
    status = Status(projection[STATUS])
    return bool(projection.get(PROYEKSI_LEWAT)) and not projection.get(TENGGAT_LEWAT) and status not in (
        Status.SUDAH_TERCAPAI, Status.DATA_KURANG, Status.SATU_SNAPSHOT)


def verdict(projection: dict, hijau: float, lang: str = "id") -> dict:
    """The bupati's answer in one sentence (``title``), how it looks (``kind``: success, info,
    warning or error) and the rate it takes (``detail``, markdown), from a ``trend.projection``
    made with ``today``: already there, on track, late by N days, out of reach, or — when the
    projected date has already passed — that the data is old, never a past date as the future."""
    status = Status(projection[STATUS])
    goal = target_words(projection[TARGET], hijau, lang)
    day = lambda key: fmt.long_date(projection.get(key), lang)  # noqa: E731
    words = dict(sasaran=goal, tanggal=day(TANGGAL_PROYEKSI), tenggat=day(TENGGAT),
                 cakupan=fmt.percent(projection.get(Col.CAKUPAN), 2, lang), umur=fmt.number(projection.get(UMUR_DATA),
                                                                                         lang=lang))
    if status == Status.SUDAH_TERCAPAI:
        return {"kind": "success", "title": tr("vonis_sudah", lang, **{**words, "tanggal": day(Col.TANGGAL)}),
                "detail": None}
    if status in (Status.DATA_KURANG, Status.SATU_SNAPSHOT):
        return {"kind": "warning", "title": tr("vonis_kurang", lang), "detail": None}
    if projection.get(TENGGAT_LEWAT):
        return {"kind": "error", "title": tr("vonis_tenggat_lewat", lang, **{**words, "tanggal": day(Col.TANGGAL)}),
                "detail": None}
    if _names_age(projection):
        title, kind = tr("vonis_lewat", lang, **words), "warning"
    elif status == Status.TERCAPAI:
        title, kind = tr("vonis_tepat", lang, **words), "success"
    elif status == Status.TERLAMBAT:
        title, kind = tr("vonis_terlambat", lang, hari=fmt.number(projection[TERLAMBAT_HARI], lang=lang),
                         **words), "error"
    else:
        title, kind = tr("vonis_tidak", lang, **words), "error"
    rate, needed = projection.get(LAJU), projection.get(LAJU_DIBUTUHKAN)
    detail = None
    if rate is not None and needed is not None:
        key = "vonis_laju_cukup" if rate >= needed else "vonis_laju"
        # the days needed counts from the data's own day (as the rate and the projection do): said, so old
        # data is never read as "from today"
        detail = tr(key, lang, perlu=fmt.number(needed, lang=lang), laju=fmt.rate(rate, lang), sejak=day(Col.TANGGAL),
                    rincian=_needed_parts(projection, lang))
    return {"kind": kind, "title": title, "detail": detail}


def _needed_parts(projection: dict, lang: str) -> str:
    """`` (258 perekaman lagi, ditambah ±18,0 per hari untuk wajib KTP yang baru)`` when the number who must
    hold an e-KTP grows (at least half a person a day): the rate needed is what is missing today over the
    days left plus the target's share of each day's newcomers, and says so; empty otherwise."""
    growth, wajib, sudah = projection.get(PERTUMBUHAN_WAJIB), projection.get(Col.WAJIB), projection.get(Col.SUDAH)
    if growth is None or pd.isna(growth) or growth < 0.5 or wajib is None or sudah is None:
        return ""
    missing = people_to_reach(wajib, sudah, projection[TARGET])
    share = float(projection[TARGET]) / 100 * growth  # of each day's newcomers, the target's share is needed
    return tr("vonis_laju_rincian", lang, sisa=fmt.number(missing, lang=lang), tumbuh=fmt.number(share, 1, lang))


def image_title(area_name: str, projection: dict, hijau: float, lang: str = "id") -> str:
    """The verdict as an image's title, in the house style of the media pack ("<area>: <finding>"):
    ``Banten: terlambat 55 hari — zona hijau baru tercapai sekitar …; tenggat …`` (the verdict's first
    word in lower case, its own colon a dash, no closing full stop). When the verdict would only guess
    that old data has reached the target by now (``_names_age``), the image states what the data shows
    instead: its coverage on its date and the recordings still needed."""
    if _names_age(projection) and projection.get(Col.WAJIB) is not None and projection.get(Col.SUDAH) is not None:
        need = people_to_reach(projection[Col.WAJIB], projection[Col.SUDAH], projection[TARGET])
        return tr("gambar_tren_judul_data", lang, wilayah=area_name,
                  cakupan=fmt.percent(projection.get(Col.CAKUPAN), 2, lang),
                  tanggal=fmt.long_date(projection[Col.TANGGAL], lang), perlu=fmt.number(need, lang=lang),
                  sasaran=target_words(projection[TARGET], hijau, lang))
    title = verdict(projection, hijau, lang)["title"].rstrip(".")
    head, colon, rest = title.partition(": ")
    title = f"{head} — {rest}" if colon else title
    return f"{area_name}: {title[:1].lower()}{title[1:]}"


def not_newest(shown: str | None, newest: str | None, lang: str = "id") -> str | None:
    """A line saying the figures shown are not the newest (a date picked from the past, or a PDF made at
    it), with the newest data's date; None when they are (or either is unknown)."""
    if not shown or not newest or str(shown)[:10] == str(newest)[:10]:
        return None
    return tr("bukan_data_terbaru", lang, tanggal=fmt.long_date(shown, lang), terbaru=fmt.long_date(newest, lang))


def stale_warning(projection: dict, stale_days: int, lang: str = "id") -> str | None:
    """A warning when the newest snapshot is older than ``stale_days`` (``UMUR_DATA`` from a
    projection made with ``today``); None when the data is fresh or its age unknown."""
    age = projection.get(UMUR_DATA)
    if age is None or age <= stale_days:
        return None
    return tr("data_basi", lang, tanggal=fmt.long_date(projection[Col.TANGGAL], lang), umur=fmt.number(age, lang=lang))


def stale_advice(projection: dict, stale_days: int, lang: str = "id") -> str | None:
    """What ``stale_warning`` adds to a verdict that already names the data's age (its projected date is
    past, ``PROYEKSI_LEWAT``): the date of the data and what to do; None when the data is fresh or
    the verdict does not name its age."""
    if not _names_age(projection) or stale_warning(projection, stale_days, lang) is None:
        return None
    return tr("data_basi_saran", lang, tanggal=fmt.long_date(projection[Col.TANGGAL], lang))


def _range_words(projection: dict, lang: str) -> str:
    early, late = projection.get(TANGGAL_PROYEKSI_AWAL), projection.get(TANGGAL_PROYEKSI_AKHIR)
    if early is None or (late is not None and early == late):
        return ""  # no band (fewer than two intervals), or the band is within one day
    if late is None:
        return tr("tren_rentang_terbuka", lang, awal=fmt.long_date(early, lang))
    return tr("tren_rentang", lang, awal=fmt.long_date(early, lang), akhir=fmt.long_date(late, lang))


def when_words(projection: dict, lang: str = "id", mark_past: bool = True) -> str:
    """The projected date in short: the date (marked as already past when PROYEKSI_LEWAT and
    ``mark_past``: the data is old, so it is never read as the future; without ``mark_past`` the
    caller says so itself, see ``when_label``), 'tidak tercapai', 'sudah tercapai', or '–' (no trend)."""
    if projection.get(TANGGAL_PROYEKSI):
        return projected_day(projection[TANGGAL_PROYEKSI], mark_past and projection.get(PROYEKSI_LEWAT), lang)
    short = {Status.TIDAK_TERCAPAI.value: "tren_m_tidak", Status.SUDAH_TERCAPAI.value: "tren_m_sudah"}
    key = short.get(projection[STATUS])
    return tr(key, lang) if key else "–"


def when_label(projection: dict, lang: str = "id") -> str:
    """The label above ``when_words(…, mark_past=False)``: 'Perkiraan tercapai', or 'Mestinya sudah
    tercapai' when that date is already past (PROYEKSI_LEWAT)."""
    return tr("tren_m_tanggal_lewat" if projection.get(PROYEKSI_LEWAT) else "tren_m_tanggal", lang)


def projected_day(day, past, lang: str) -> str:
    """A projected date in words, marked when it is already past (``past`` true: the data is old,
    so the date is never read as the future)."""
    words = fmt.long_date(day, lang)
    # ``== True``: a numpy bool from a frame counts, a missing value (None, NaN) does not
    return tr("tren_m_lewat", lang, tanggal=words) if past == True else words  # noqa: E712


WHEN = "kapan"  # when the target is reached, as a key that sorts (see ``when_keys``)
NEVER = 99_999_999.0  # WHEN of an area never reaching the target at its pace: after every day's key


def when_keys(records, lang: str = "id") -> tuple[list[float], dict[float, str]]:
    """When each projection of ``records`` (``trend.projections`` rows as dicts) reaches its target, as
    a key that sorts: the day as the number YYYYMMDD (the grid's own CSV download writes this raw
    value: still a date, 20261205), 0 when already reached, NEVER when never at its pace, NaN without
    a trend; and {key: ``when_words``} (a day already past is marked: the same day is past for every
    row, as PROYEKSI_LEWAT compares it with one today)."""
    keys, words = [], {}
    for record in records:
        row = {k: None if pd.isna(v) else v for k, v in record.items()}
        if row.get(TANGGAL_PROYEKSI) is not None:
            key = float(str(row[TANGGAL_PROYEKSI])[:10].replace("-", ""))
        else:
            key = {Status.SUDAH_TERCAPAI.value: 0.0, Status.TIDAK_TERCAPAI.value: NEVER}.get(row.get(STATUS), float("nan"))
        keys.append(key)
        if not pd.isna(key):
            words[key] = when_words(row, lang)
    return keys, words


def when_text(words: dict[float, str]):
    """A ``sortable_table`` formatter of WHEN keys: their words (``when_keys``), '–' without a trend."""
    return lambda v, lang: "–" if pd.isna(v) else words[v]


def _sortable(table: pd.DataFrame, columns: dict[str, str], lang: str, own: dict):
    """``columns`` ({column: text key of its header}) of ``table`` for a screen (``sortable_table``:
    a click on a title sorts by value), the day the target is reached under WHEN in words."""
    keys, words = when_keys(table.to_dict("records"), lang)
    frame = table.assign(**{WHEN: keys}, **({STATUS: status_labels(table, lang)} if STATUS in table else {}))
    own = {WHEN: when_text(words), **own}
    return sortable_table(frame, list(columns), lang, formatters=own, headers=columns)


def projection_view(table: pd.DataFrame, lang: str = "id"):
    """A ``trend.projections`` / ``projection_table`` frame for people, in its order (a pandas Styler:
    numbers and days sort by value when a title is clicked): name, code, coverage, rate per day,
    projected date, status in words, needed per day, days to go."""
    columns = {Col.NAMA: "kol_nama", Col.KODE: "kol_kode", Col.CAKUPAN: "kol_cakupan", LAJU: "kol_laju",
               WHEN: "kol_tanggal_proyeksi", STATUS: "kol_status", LAJU_DIBUTUHKAN: "kol_perlu",
               HARI_KE_TARGET: "kol_hari_ke_target"}
    own = {LAJU: fmt.rate, LAJU_DIBUTUHKAN: lambda v, lang: fmt.number(v, lang=lang),
           HARI_KE_TARGET: lambda v, lang: fmt.number(v, lang=lang)}
    return _sortable(table, columns, lang, own)


def window_words(windows, default: int, lang: str = "id") -> str:
    """The days the paces of a ranking were measured over (its JENDELA_HARI values), as said under it:
    ``21``, or ``14–21`` when they differ (an area's data younger than the window); ``default`` when
    none is known."""
    days = sorted({int(d) for d in pd.Series(windows, dtype=float).dropna()}) or [int(default)]
    ends = [fmt.number(days[0], lang=lang), fmt.number(days[-1], lang=lang)]
    return ends[0] if days[0] == days[-1] else "–".join(ends)


def pace_columns(table: pd.DataFrame, kodes, lang: str = "id") -> dict[str, list[str]]:
    """The trend of each area of ``kodes`` (in that order) as two columns of text, {header: values}:
    coverage points gained per week over the rate window (signed) and when the target is reached
    (``when_words``); '–' for an area ``table`` (a ``trend.projections`` frame) does not hold."""
    rows = table.set_index(Col.KODE)
    pace, when = [], []
    for kode in kodes:
        row = {k: None if pd.isna(v) else v for k, v in rows.loc[kode].items()} if kode in rows.index else None
        points = None if row is None else row.get(POIN_PER_MINGGU)
        pace.append("–" if points is None else fmt.signed(points, 2, lang, tr("poin", lang)))
        when.append("–" if row is None else when_words(row, lang))
    return {tr("kol_poin_per_minggu", lang): pace, tr("kol_tanggal_proyeksi", lang): when}


def ranking_view(table: pd.DataFrame, lang: str = "id"):
    """A ``trend.slowest_first`` frame for people, in its order (a pandas Styler, as ``projection_view``):
    name, coverage, points per week, projected date (or why there is none), rate per day and status."""
    columns = {Col.NAMA: "kol_nama", Col.CAKUPAN: "kol_cakupan", POIN_PER_MINGGU: "kol_poin_per_minggu",
               WHEN: "kol_tanggal_proyeksi", LAJU: "kol_laju", STATUS: "kol_status"}
    own = {POIN_PER_MINGGU: lambda v, lang: fmt.signed(v, 2, lang, tr("poin", lang)),
           LAJU: fmt.rate}
    return _sortable(table, columns, lang, own)


# --- what to know before trusting a trend ------------------------------------------------------
def note_lines(facts: dict, projection: dict | None = None, lang: str = "id") -> list[str]:
    """``events.notes`` (and the headline ``trend.projection``, for the window) as sentences, in order:
    one snapshot only, corrections, the denominator, desa that joined, desa carried forward."""
    lines = []
    if facts["n_tanggal"] == 1:
        lines.append(tr("catatan_satu", lang, tanggal=fmt.long_date(facts["tanggal_akhir"], lang)))
    if facts["koreksi"]:
        items = [tr("catatan_koreksi_item", lang, nama=r[Col.NAMA] or r[Col.KODE],
                    tanggal=fmt.long_date(r[Col.TANGGAL], lang), selisih=fmt.signed(r[REKAM_BARU], lang=lang))
                 for r in facts["koreksi"]]
        lines.append(tr("catatan_koreksi", lang, n=len(items), daftar="; ".join(items)))
    if projection and projection.get(N_KOREKSI):
        lines.append(tr("catatan_koreksi_jendela", lang, n=projection[N_KOREKSI]))
    if facts["n_tanggal"] > 1 and facts["wajib_awal"] != facts["wajib_akhir"]:
        growth = (projection or {}).get(PERTUMBUHAN_WAJIB)
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


# --- events -----------------------------------------------------------------------------------
def events_view(frame: pd.DataFrame, names: dict[str, str] | None = None, lang: str = "id") -> pd.DataFrame:
    """Events (``events.events`` or ``trend.events_for`` rows) as text for people, those still going on
    first, then the newest: dates, area, kind, note."""
    frame = _newest_first(frame)
    names = names or {}
    out = pd.DataFrame({
        "kol_mulai": [fmt.long_date(d, lang) for d in frame[MULAI]],
        "kol_selesai": [tr("masih_berlangsung", lang) if going else fmt.long_date(d or None, lang)
                        for d, going in zip(frame[SELESAI], _going(frame))],
        "kol_nama": [_area_name(k, names) for k in frame[Col.KODE]],
        "kol_jenis": [event_label(j, lang) for j in frame[JENIS]],
        "kol_keterangan": list(frame[KETERANGAN]),
    })
    return out.rename(columns=lambda key: tr(key, lang))


def event_lines(frame: pd.DataFrame, names: dict[str, str] | None = None, lang: str = "id",
                n: int | None = None) -> list[tuple[str, str, str, str]]:
    """The first ``n`` events (all when None) in ``events_view``'s order (still going on, then the
    newest) as (when, kind, area, note) words: when is one span (``7–8 Desember 2024``; ``sejak 3
    November 2026, masih berlangsung``). For a list that wraps: a note rarely fits a table's cell."""
    frame = _newest_first(frame).head(n)
    names = names or {}
    spans = [tr("peristiwa_sejak", lang, tanggal=fmt.long_date(start, lang)) if going
             else fmt.date_span(start, end or start, lang)
             for start, end, going in zip(frame[MULAI], frame[SELESAI], _going(frame))]
    return [(when, event_label(jenis, lang), _area_name(kode, names), str(note or "").strip())
            for when, jenis, kode, note in zip(spans, frame[JENIS], frame[Col.KODE], frame[KETERANGAN])]


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    """Events still going on first (a broken device is today's news however old), then the one that
    began last; events of one day in the order given."""
    order = frame.assign(_going=_going(frame)).sort_values(["_going", MULAI], ascending=False, kind="stable",
                                                           ignore_index=True)
    return order.drop(columns="_going")


def _area_name(kode: str, names: dict[str, str]) -> str:
    return f"{names[kode]} ({kode})" if kode in names else kode


def _going(frame: pd.DataFrame) -> list[bool]:
    if BERLANGSUNG in frame:
        return [bool(v) for v in frame[BERLANGSUNG]]
    return [False] * len(frame)

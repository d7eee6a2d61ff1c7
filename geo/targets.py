"""Targets: the coverage each area works to, and who is ahead or behind.

An office works to a target set from above (the kontrak kinerja: a recording target per
kabupaten for the year, split by the Dinas into monthly targets per kecamatan). The target of
an area on a day is, first found: its own row for that month, its own row for the year, the
nearest ancestor's percent target for the month or year (a kabupaten's 95% holds for each of
its kecamatan), else the configured default (``Settings.target`` by ``Settings.deadline_for`` the
data's date: without a configured deadline, 31 December of the year the data is of, as every page says).
A target in people (``target_rekam``) is read as the coverage it makes of the area's wajib KTP.
A period ends on its last day: the month's, or 31 December.
"""
from __future__ import annotations

import calendar
from datetime import date

import pandas as pd

from geo.columns import (LAJU, LAJU_DIBUTUHKAN, PROYEKSI_LEWAT, SELISIH_TARGET, STATUS, STATUS_TARGET, SUMBER_TARGET,
                         TANGGAL_PROYEKSI, TARGET_PERSEN, TARGET_REKAM, TENGGAT)
from geo.codes import official_name
from geo.config import DEFAULTS, Settings
from geo.dates import parse_day
from geo.schema import COUNTRY_NAME, Col, Level, ancestor_code, is_country, top_level
from geo.store import Store
from geo.store.tables import targets_table
from geo.timeline import area_over_time, series
from geo.trend import Status, projection

VS_COLUMNS = [Col.KODE, Col.NAMA, Col.TANGGAL, Col.WAJIB, Col.SUDAH, Col.CAKUPAN, TARGET_PERSEN, TARGET_REKAM,
              TENGGAT, SUMBER_TARGET, SELISIH_TARGET, STATUS_TARGET, STATUS, LAJU, LAJU_DIBUTUHKAN, TANGGAL_PROYEKSI,
              PROYEKSI_LEWAT]


def current_targets(store: Store, within: str | None = None) -> pd.DataFrame:
    """The targets in force (newest active version per area, year and month): Col.KODE, tahun,
    bulan (0: the year), target_persen, target_rekam, keterangan; rows with no target left out."""
    where = None
    if within:
        col = targets_table.c[Col.KODE]
        where = (col == within) | col.like(within + ".%") | col.in_(_ancestors(within))
    frame = store.read_current(targets_table, [Col.KODE, "tahun", "bulan"], where)
    frame = frame[frame["target_persen"].notna() | frame["target_rekam"].notna()]
    return frame.sort_values([Col.KODE, "tahun", "bulan"], ignore_index=True)


def _ancestors(kode: str) -> list[str]:
    return [ancestor_code(kode, lvl) for lvl in Level if lvl.depth < Level.of_code(kode).depth]


def period_end(year: int, month: int) -> date:
    return date(year, 12, 31) if not month else date(year, month, calendar.monthrange(year, month)[1])


def target_for(targets: pd.DataFrame, kode: str, day: date, settings: Settings = DEFAULTS,
               data_day: date | None = None) -> dict:
    """The target of area ``kode`` on ``day`` (see the module): {target_persen, target_rekam, tenggat
    (ISO), sumber_target, kode_sumber}. ``targets``: ``current_targets``'s frame; ``data_day``: the date
    of the area's data, whose year the default deadline is of (default ``day``)."""
    return _lookup(_book(targets), kode, day, settings, data_day)


def _book(targets: pd.DataFrame) -> dict:
    """{(kode, tahun, bulan): (target_persen, target_rekam)} of a ``current_targets`` frame."""
    if targets.empty:
        return {}
    return {(k, int(y), int(m)): (_float(p), _int(r)) for k, y, m, p, r in
            zip(targets[Col.KODE], targets["tahun"], targets["bulan"], targets["target_persen"], targets["target_rekam"])}


def _lookup(book: dict, kode: str, day: date, settings: Settings, data_day: date | None = None) -> dict:
    for month, source in ((day.month, "bulan"), (0, "tahun")):
        hit = book.get((kode, day.year, month))
        if hit:
            return {TARGET_PERSEN: hit[0], TARGET_REKAM: hit[1], TENGGAT: period_end(day.year, month).isoformat(),
                    SUMBER_TARGET: source, "kode_sumber": kode}
    for parent in reversed(_ancestors(kode)) if book else ():
        for month in (day.month, 0):
            hit = book.get((parent, day.year, month))
            if hit and hit[0] is not None:
                return {TARGET_PERSEN: hit[0], TARGET_REKAM: None, TENGGAT: period_end(day.year, month).isoformat(),
                        SUMBER_TARGET: "induk", "kode_sumber": parent}
    return {TARGET_PERSEN: settings.target, TARGET_REKAM: None, TENGGAT: settings.deadline_for((data_day or day).isoformat()),
            SUMBER_TARGET: "bawaan", "kode_sumber": None}


def _target_pct(goal: dict, wajib: int) -> float | None:
    """The target as coverage (percent): as set, or a target in people over the area's wajib KTP."""
    if goal[TARGET_PERSEN] is None and goal[TARGET_REKAM] is not None and wajib > 0:
        return min(100.0, 100.0 * goal[TARGET_REKAM] / wajib)
    return goal[TARGET_PERSEN]


def _float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def vs_target(store: Store, within: str, level: Level | str | None = None, *, date_: str | None = None,
              today: date | None = None, settings: Settings = DEFAULTS, include_within: bool = True) -> pd.DataFrame:
    """Target against actual for ``within`` (first, when ``include_within``) and every area one level
    down (the provinsi for the country; or at ``level``), at ``date_`` (default: the newest data).

    The target is the one in force on ``today`` (the period the office works in now), or on the
    data's date without ``today``. Returns VS_COLUMNS: coverage (percent) and the target in force (percent; a target in people as
    the coverage it makes), SELISIH_TARGET (points, negative = behind), STATUS_TARGET: ``tercapai``
    (at or above it), ``di_jalur`` (projected to reach it by the period's end at the recent rate),
    ``tertinggal`` (projected later, or never at this rate), ``data_kurang``; STATUS the projection's own
    (``trend.Status``: the words people read, as Tren says them); the rate and the rate
    needed come from ``trend.projection`` with that target and period end.
    """
    level = Level(level) if level else top_level(within)  # the country's: its provinsi
    frame = series(store, within, level, end=date_)
    names = dict(zip(*store.areas(within=within)[[Col.KODE, Col.NAMA]].T.values)) if len(frame) else {}
    targets = current_targets(store, within)
    codes = ([within] if include_within else []) + sorted(set(frame[Col.KODE]) - {within})
    by_area = dict(tuple(frame.groupby(Col.KODE, sort=False))) if len(frame) else {}
    empty = frame.iloc[:0]
    rows = [_one(kode, _name(kode, names), by_area.get(kode, empty), targets, today, settings) for kode in codes]
    return pd.DataFrame(rows, columns=VS_COLUMNS)


def _name(kode: str, stored: dict) -> str:
    """As the store names it; a provinsi held only by its parts as the code table does; the country."""
    return stored.get(kode) or official_name(kode) or (COUNTRY_NAME if is_country(kode) else kode)


def _one(kode: str, name: str, own: pd.DataFrame, targets: pd.DataFrame, today: date | None,
         settings: Settings) -> dict:
    if own.empty:
        return {Col.KODE: kode, Col.NAMA: name, STATUS_TARGET: "data_kurang"}
    last = own.sort_values(Col.TANGGAL).iloc[-1]
    goal = target_for(targets, kode, today or parse_day(last[Col.TANGGAL]), settings, parse_day(last[Col.TANGGAL]))
    wajib, sudah = int(last[Col.WAJIB]), int(last[Col.SUDAH])
    pct = _target_pct(goal, wajib)
    cakupan = 100.0 * sudah / wajib if wajib else None
    row = {Col.KODE: kode, Col.NAMA: name, Col.TANGGAL: last[Col.TANGGAL], Col.WAJIB: wajib, Col.SUDAH: sudah,
           Col.CAKUPAN: cakupan, **{k: goal[k] for k in (TARGET_REKAM, TENGGAT, SUMBER_TARGET)}, TARGET_PERSEN: pct}
    if pct is None or cakupan is None:
        return {**row, STATUS_TARGET: "data_kurang"}
    p = projection(own, target_pct=pct, deadline=goal[TENGGAT], today=today)
    status = p[STATUS]
    verdict = ("tercapai" if status == Status.SUDAH_TERCAPAI.value else
               "di_jalur" if status == Status.TERCAPAI.value else
               "tertinggal" if status in (Status.TERLAMBAT.value, Status.TIDAK_TERCAPAI.value) or p.get("tenggat_lewat")
               else "data_kurang")
    return {**row, SELISIH_TARGET: cakupan - pct, STATUS_TARGET: verdict, STATUS: status, LAJU: p[LAJU],
            LAJU_DIBUTUHKAN: p[LAJU_DIBUTUHKAN], TANGGAL_PROYEKSI: p[TANGGAL_PROYEKSI], PROYEKSI_LEWAT: p[PROYEKSI_LEWAT]}


def area_projection(store: Store, kode: str, *, date_: str | None = None, today: date | None = None,
                    settings: Settings = DEFAULTS) -> dict:
    """``trend.projection`` of area ``kode`` (data up to ``date_``) against the target in force for it
    on ``today`` (``target_for``; a target in people as the coverage it makes), plus SUMBER_TARGET.
    The one headline every page, the PDF and the alerts answer "will we make it?" with."""
    own = area_over_time(store, kode, end=date_)
    last = own.iloc[-1] if len(own) else None
    day = today or (parse_day(last[Col.TANGGAL]) if last is not None else date.today())
    goal = target_for(current_targets(store, kode), kode, day, settings,
                      parse_day(last[Col.TANGGAL]) if last is not None else None)
    pct = _target_pct(goal, int(last[Col.WAJIB]) if last is not None else 0)
    return {**projection(own, target_pct=pct if pct is not None else settings.target, deadline=goal[TENGGAT],
                         today=today), SUMBER_TARGET: goal[SUMBER_TARGET]}


def with_targets(table: pd.DataFrame, store: Store, *, today: date | None = None,
                 settings: Settings = DEFAULTS) -> pd.DataFrame:
    """A coverage table (Col.KODE, Col.WAJIB, Col.CAKUPAN, Col.TANGGAL) with the target in force for
    each area (TARGET_PERSEN, percent; a target in people as the coverage it makes) and
    SELISIH_TARGET (cakupan − target, points; NaN without data): what the Peta's ``target``
    metric colours. The target is the one in force on ``today``, else on each row's data date."""
    out = table.copy()
    codes = [str(k) for k in out[Col.KODE]]
    book = _book(current_targets(store, _common_root(codes))) if codes else {}
    fallback = today or date.today()
    pct = []
    for kode, wajib, day in zip(codes, out[Col.WAJIB], out.get(Col.TANGGAL, [None] * len(out))):
        when = today or (parse_day(str(day)[:10]) if isinstance(day, str) and day else fallback)
        goal = _lookup(book, kode, when, settings)
        pct.append(_target_pct(goal, 0 if pd.isna(wajib) else int(wajib)))
    out[TARGET_PERSEN] = pd.array(pct, dtype="Float64").astype(float)
    out[SELISIH_TARGET] = pd.to_numeric(out[Col.CAKUPAN], errors="coerce").astype(float) - out[TARGET_PERSEN]
    return out


def _common_root(codes: list[str]) -> str | None:
    """The longest code every one of ``codes`` lies in (None: no common area)."""
    parts = [c.split(".") for c in codes]
    common = []
    for segment in zip(*parts):
        if len(set(segment)) > 1:
            break
        common.append(segment[0])
    return ".".join(common) or None

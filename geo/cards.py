"""The card pipeline and the blank-card stock: from recording to a printed card, and when blanks run out.

Recorded (``sudah_rekam``) → verified, waiting for a blank card (``prr``) → printed
(``sudah_cetak``); what is neither is still being processed or was rejected as a duplicate.
Blank cards are a stock: received (``diterima``) minus used (``dipakai``), read from the
blank-stock imports (``geo.ingest.capacity``). ``blank_projection`` says when they run out at
the current printing rate, or at the ledger's own daily use when the recording figures have no
(recent) printed counts.
"""
from __future__ import annotations

import math
from datetime import date as date_type
from datetime import timedelta

import pandas as pd

from geo.capacity import check_code
from geo.columns import CETAK_BARU, CETAK_PER_MINGGU, DIPAKAI, DIPROSES, DITERIMA, HARI, PERSEN_CETAK, STOK
from geo.config import DEFAULT_RATE_WINDOW_DAYS
from geo.coverage import area_totals, coverage_table
from geo.ingest.capacity import stored_blank_stock
from geo.schema import Col, Level
from geo.store import Store
from geo.timeline import area_over_time


def card_funnel(store: Store, within: str, *, date: str | None = None,
                level: Level | str = Level.KECAMATAN) -> pd.DataFrame:
    """Recorded → print-ready → printed per area at ``level`` in ``within`` at ``date``.

    Returns Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES (recorded but
    neither PRR nor printed), PERSEN_CETAK (percent of sudah_rekam), Col.TANGGAL.
    Counts are <NA> where the figures lack them.
    """
    within = check_code(within)
    table = coverage_table(store, level, within=within, date=date)
    out = table[[Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, Col.TANGGAL]].copy()
    _add_funnel(out)
    return out[[Col.KODE, Col.NAMA, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, PERSEN_CETAK, Col.TANGGAL]]


def _add_funnel(frame: pd.DataFrame) -> None:
    frame[DIPROSES] = (frame[Col.SUDAH] - frame[Col.PRR] - frame[Col.CETAK]).astype("Int64")
    sudah = frame[Col.SUDAH].astype("Float64")
    frame[PERSEN_CETAK] = (100.0 * frame[Col.CETAK].astype("Float64") / sudah.where(sudah > 0)).astype("float64")


def card_totals(store: Store, kode: str, *, date: str | None = None) -> dict:
    """The funnel of one area: Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, PERSEN_CETAK, Col.TANGGAL (None if missing)."""
    totals = area_totals(store, check_code(kode), date=date)
    frame = pd.DataFrame([{c: totals.get(c) for c in (Col.SUDAH, Col.PRR, Col.CETAK, Col.TANGGAL)}])
    for c in (Col.SUDAH, Col.PRR, Col.CETAK):
        frame[c] = frame[c].astype("Int64")
    _add_funnel(frame)
    record = frame.iloc[0].to_dict()
    return {k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
            for k, v in record.items()}


def has_card_figures(totals: dict) -> bool:
    """Whether the recording figures hold the card counts (PRR and printed): a recap with wajib KTP and
    sudah rekam only cannot say how many cards wait or were printed, and nothing is drawn as if it could."""
    return totals.get(Col.PRR) is not None and totals.get(Col.CETAK) is not None


def card_history(store: Store, within: str, *, end: str | None = None) -> pd.DataFrame:
    """The card pipeline of ``within`` on every snapshot date up to ``end``.

    On each date every stored row's newest value on or before it is carried forward and
    summed (``timeline.area_over_time``, as ``coverage.area_totals`` sums one date), so a late
    desa does not read as a drop. Returns Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES,
    ``hari`` (days since the previous date), ``cetak_baru`` (cards printed since the previous
    date) and ``cetak_per_minggu``.
    """
    within = check_code(within)
    cols = [Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK, DIPROSES, HARI, CETAK_BARU, CETAK_PER_MINGGU]
    summed = area_over_time(store, within, end=end)
    if summed.empty:
        return pd.DataFrame(columns=cols)
    out = summed[[Col.TANGGAL, Col.SUDAH, Col.PRR, Col.CETAK]].reset_index(drop=True)
    for c in (Col.SUDAH, Col.PRR, Col.CETAK):
        out[c] = out[c].astype("Int64")
    _add_funnel(out)
    days = pd.to_datetime(out[Col.TANGGAL]).diff().dt.days
    out[HARI] = days.astype("Int64")
    out[CETAK_BARU] = out[Col.CETAK].diff().astype("Int64")
    out[CETAK_PER_MINGGU] = (out[CETAK_BARU].astype("Float64") * 7 / days.where(days > 0)).astype("float64")
    return out[cols]


def printing_rate(history: pd.DataFrame, *, date: str | None = None,
                  window_days: int = DEFAULT_RATE_WINDOW_DAYS) -> tuple[float, str | None, str | None]:
    """Cards printed per day over the ``window_days`` before ``date`` (default: the last date).

    From ``card_history``: (Δ sudah_cetak / Δ days between the newest snapshot on or before
    ``date`` and the newest on or before ``date − window_days``, start date, end date);
    (NaN, None, None) without two usable snapshots.
    """
    have = history[history[Col.CETAK].notna()]
    if date:
        have = have[have[Col.TANGGAL] <= date]
    if len(have) < 2:
        return math.nan, None, None
    end = have.iloc[-1]
    cutoff = (date_type.fromisoformat(end[Col.TANGGAL]) - timedelta(days=int(window_days))).isoformat()
    earlier = have[have[Col.TANGGAL] <= cutoff]
    start = earlier.iloc[-1] if len(earlier) else have.iloc[0]
    span = (date_type.fromisoformat(end[Col.TANGGAL]) - date_type.fromisoformat(start[Col.TANGGAL])).days
    if span <= 0:
        return math.nan, None, None
    return float(end[Col.CETAK] - start[Col.CETAK]) / span, start[Col.TANGGAL], end[Col.TANGGAL]


def blank_ledger(store: Store, *, within: str | None = None, date: str | None = None) -> pd.DataFrame:
    """Blank-card entries of areas in ``within`` up to ``date`` with the running stock.

    Returns BLANK_COLUMNS plus STOK (Int64 cards: stock after the entry, summed over the
    areas), by date. Raises RekamError('kap_kode_salah') for a bad ``within``.
    """
    rows = stored_blank_stock(store, within=within, date=date)
    return rows.assign(**{STOK: (rows[DITERIMA] - rows[DIPAKAI]).cumsum().astype("Int64")})


def ledger_rate(ledger: pd.DataFrame, *, window_days: int = DEFAULT_RATE_WINDOW_DAYS
                ) -> tuple[float, str | None, str | None]:
    """Blank cards used per day by the ledger's own ``dipakai`` over the ``window_days`` before its last entry.

    From ``blank_ledger`` (entries of one day summed): (cards used after the newest entry on
    or before ``last − window_days`` up to the last entry / days between them, start date,
    end date). An entry's ``dipakai`` is the use since the entry before it, so the start
    entry's own use is not counted. (NaN, None, None) with fewer than two dates or a ledger
    that records no use at all (receipts only).
    """
    if ledger.empty or not (ledger[DIPAKAI] > 0).any():
        return math.nan, None, None
    used = ledger.groupby(Col.TANGGAL, sort=True)[DIPAKAI].sum()
    if len(used) < 2:
        return math.nan, None, None
    end = used.index[-1]
    cutoff = (date_type.fromisoformat(end) - timedelta(days=int(window_days))).isoformat()
    earlier = used[used.index <= cutoff]
    start = earlier.index[-1] if len(earlier) else used.index[0]
    span = (date_type.fromisoformat(end) - date_type.fromisoformat(start)).days
    return float(used[(used.index > start)].sum()) / span, start, end


def blank_projection(store: Store, within: str, *, date: str | None = None,
                     window_days: int = DEFAULT_RATE_WINDOW_DAYS) -> dict:
    """When do blank cards run out in ``within`` at the current rate of use?

    Stock is known at the last ledger entry on or before ``date`` (``tanggal_stok``,
    ``stok``). Cards printed since then (from the enrollment history) are taken off to get
    ``stok_perkiraan`` on ``tanggal`` (the newest snapshot on or before ``date``). The rate,
    ``laju_cetak_per_hari`` (cards a day), is the printing rate of the recording figures
    (``printing_rate`` over ``window_days``; ``sumber_laju`` 'cetak'), or the ledger's own
    use (``ledger_rate``; ``sumber_laju`` 'blangko') when the figures have no printed
    counts or their newest is older than the last ledger entry; ``laju_blangko_per_hari``
    is the ledger's rate whichever was used, ``jendela_awal`` the start of the rate used.
    At that rate the stock lasts ``hari_tersisa`` days and runs out on ``tanggal_habis``
    (the stock's date + whole days; the day it ran out when the stock is already gone).
    ``prr`` cards wait to be printed; ``kurang`` = blanks missing to print them all now.
    Values are None when unknown. Raises RekamError('kap_kode_salah') for a bad ``within``.
    """
    within = check_code(within)
    history = card_history(store, within, end=date)
    ledger = blank_ledger(store, within=within, date=date)
    rate, rate_start, rate_end = printing_rate(history, date=date, window_days=window_days)
    used, used_start, used_end = ledger_rate(ledger, window_days=window_days)
    source = "cetak" if not math.isnan(rate) else None
    if not math.isnan(used) and (source is None or rate_end < used_end):
        rate, rate_start, source = used, used_start, "blangko"  # the ledger knows more recent use
    out = {"tanggal_stok": None, "stok": None, "tanggal": rate_end, "dicetak_sejak_stok": None,
           "stok_perkiraan": None, "laju_cetak_per_hari": None if math.isnan(rate) else rate,
           "sumber_laju": source, "laju_blangko_per_hari": None if math.isnan(used) else used,
           "jendela_awal": rate_start, "hari_tersisa": None, "tanggal_habis": None, "prr": None, "kurang": None}
    if len(history):
        last = history[history[Col.TANGGAL] <= date] if date else history
        if len(last):
            out["tanggal"] = last.iloc[-1][Col.TANGGAL]
            prr = last.iloc[-1][Col.PRR]
            out["prr"] = None if pd.isna(prr) else int(prr)
    if ledger.empty:
        return out
    out["tanggal_stok"], out["stok"] = ledger.iloc[-1][Col.TANGGAL], int(ledger.iloc[-1][STOK])
    stock, when = out["stok"], out["tanggal_stok"]
    if out["tanggal"] and out["tanggal"] > when:
        printed = _cetak_between(history, when, out["tanggal"])
        if printed is not None:
            out["dicetak_sejak_stok"] = printed
            stock, when = max(out["stok"] - printed, 0), out["tanggal"]
    out["stok_perkiraan"] = stock
    if out["prr"] is not None:
        out["kurang"] = max(out["prr"] - stock, 0)
    if out["laju_cetak_per_hari"] is None:
        return out
    if stock == 0:
        out["hari_tersisa"] = 0.0
        run_out = _run_out_day(ledger, history) if source == "cetak" else _ledger_run_out_day(ledger)
        out["tanggal_habis"] = run_out or when
    elif rate > 0:
        out["hari_tersisa"] = stock / rate
        out["tanggal_habis"] = (date_type.fromisoformat(when) + timedelta(days=int(stock // rate))).isoformat()
    else:
        out["hari_tersisa"] = math.inf
    return out


def blank_outlook(projection: dict, today: str) -> dict:
    """``blank_projection``'s answer seen on ``today`` (ISO): the projection is made at the data's date,
    a reader counts from today.

    Returns ``kurang`` (blanks missing for the print-ready cards waiting at the data's date; 0 when
    the stock covers them; None unknown), ``hari_lagi`` (whole days from ``today`` to
    ``tanggal_habis``: negative when that day has passed; inf when no blank is used; None unknown),
    ``sudah_habis`` (the stock is gone, or its run-out day is on or before ``today``) and
    ``data_lama`` (the data's date is before ``today``).
    """
    habis, tersisa = projection.get("tanggal_habis"), projection.get("hari_tersisa")
    if tersisa is not None and math.isinf(tersisa):
        days_left = math.inf
    elif habis:
        days_left = (date_type.fromisoformat(habis) - date_type.fromisoformat(today)).days
    else:
        days_left = None
    gone = projection.get("stok_perkiraan") == 0 or (days_left is not None and days_left <= 0)
    data_day = projection.get("tanggal") or projection.get("tanggal_stok")
    return {"kurang": projection.get("kurang"), "hari_lagi": days_left, "sudah_habis": bool(gone),
            "data_lama": bool(data_day and data_day < today)}

def _cetak_at(history: pd.DataFrame, day: str):
    have = history[(history[Col.TANGGAL] <= day) & history[Col.CETAK].notna()]
    return None if have.empty else int(have.iloc[-1][Col.CETAK])


def _cetak_between(history: pd.DataFrame, start: str, end: str) -> int | None:
    a, b = _cetak_at(history, start), _cetak_at(history, end)
    return None if a is None or b is None else b - a


def _run_out_day(ledger: pd.DataFrame, history: pd.DataFrame) -> str | None:
    """The first snapshot after the last entry on which printing used up the recorded stock."""
    last = ledger.iloc[-1]
    later = history[history[Col.TANGGAL] > last[Col.TANGGAL]]
    for day in later[Col.TANGGAL]:
        used = _cetak_between(history, last[Col.TANGGAL], day)
        if used is not None and used >= int(last[STOK]):
            return day
    return None



def _ledger_run_out_day(ledger: pd.DataFrame) -> str | None:
    """The first date of the ledger's last stretch at no stock (the day the blanks were gone)."""
    stock = ledger.groupby(Col.TANGGAL, sort=True)[STOK].last()
    gone = stock <= 0
    if not len(gone) or not gone.iloc[-1]:
        return None
    positive = stock.index[~gone]
    return stock.index[stock.index > positive[-1]][0] if len(positive) else stock.index[0]

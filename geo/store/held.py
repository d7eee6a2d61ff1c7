"""One area's recording figures read once and served from memory, for a page that reads them many times.

A dashboard page asks the store for the same area's rows again and again (the totals now and a week
before, the coverage of its kecamatan and desa, the history behind the projection and the target
table), and again for every date picked. ``HeldArea`` reads the area's current rows once and answers
``enrollment`` for that area, or any area inside it, from them; everything else goes to the store.
It is a snapshot: made for one store stamp (``Store.stamp``), it must be dropped when the stamp
changes (``ui.queries`` keys it on the stamp). ``derived`` keeps results computed from the held rows
with them (``geo.timeline`` keeps each history whole, so that another date is a slice of it).
An area of more than ``MAX_HELD_ROWS`` stored rows (a large provinsi with years of weekly data) is
not held: every call then goes to the store, as without it.

The whole country is too large to hold every version of: ``HeldLatest`` keeps instead, for the last
few dates asked, the country's newest rows on or before that date (one row per area, some 84,000),
for the views that need its desa or kecamatan (the map zoomed in, Kantong); its provinsi,
kabupaten/kota and totals come from sums kept with it (``derived``: ``geo.rollup.country_sums_at``).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock

import pandas as pd

from sqlalchemy import func, select
from sqlalchemy.exc import CompileError

from geo.schema import COUNTRY, Col, is_country
from geo.store.core import Store
from geo.store.tables import enrollment_table

MAX_HELD_ROWS = 300_000  # stored rows of one area held in memory at most (some 40 MB)


class _Snapshot:
    """``store`` seen for one stamp: what is derived from it kept (``derived``); every attribute not
    defined here is the store's own."""

    def __init__(self, store: Store):
        self.store = store
        self._derived: dict[Hashable, object] = {}
        self._lock = Lock()  # one read of the rows, even when two sessions open the page at once

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def derived(self, key: Hashable, compute: Callable[[], object]):
        """``compute()``, kept under ``key`` for as long as this snapshot lives. The caller must
        not change what it gets back (copy before changing it)."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]


class HeldArea(_Snapshot):
    """``store`` with the enrollment rows of ``area`` (a dotted code) held in memory; every other
    attribute is the store's own."""

    def __init__(self, store: Store, area: str):
        super().__init__(store)
        self.area = area
        self._rows: pd.DataFrame | None = None
        self._small: bool | None = None  # the area has at most MAX_HELD_ROWS stored rows

    @property
    def rows(self) -> pd.DataFrame:
        """``Store.enrollment(within=area)``, read on first use."""
        with self._lock:
            if self._rows is None:
                self._rows = self.store.enrollment(within=self.area)
            return self._rows

    def holds(self, within: str | None) -> bool:
        """True when the rows of ``within`` are all held: ``within`` is the area or inside it (and
        the area is not too large to hold)."""
        inside = within is not None and (within == self.area or within.startswith(self.area + "."))
        return inside and self._small_enough()

    def _small_enough(self) -> bool:
        if self._small is None:  # every stored row, rolled back or not: a bound, counted on the index
            e = enrollment_table
            where = (e.c[Col.KODE] == self.area) | e.c[Col.KODE].like(self.area + ".%")
            with self.store.engine.connect() as conn:
                self._small = conn.execute(select(func.count()).where(where)).scalar_one() <= MAX_HELD_ROWS
        return self._small

    def enrollment(self, *, within: str | None = None, start: str | None = None, end: str | None = None,
                   latest: bool = False) -> pd.DataFrame:
        """``Store.enrollment`` with the same arguments and the same frame, from the held rows when
        ``within`` is held (an empty answer, whose column types pandas infers differently, and any
        other ``within`` are read from the store)."""
        if not self.holds(within):
            return self.store.enrollment(within=within, start=start, end=end, latest=latest)
        rows = self.rows
        codes, days = rows[Col.KODE], rows[Col.TANGGAL]
        keep = (codes == within) | codes.str.startswith(within + ".")
        if start:
            keep &= days >= start
        if end:
            keep &= days <= end
        out = rows[keep.to_numpy()]
        if latest:  # sorted by code then date: each code's last row is its newest on or before ``end``
            out = out.drop_duplicates(Col.KODE, keep="last")
        if out.empty:
            return self.store.enrollment(within=within, start=start, end=end, latest=latest)
        return out.reset_index(drop=True)

    def snapshot_dates(self, within: str | None = None) -> list[str]:
        """``Store.snapshot_dates``: the distinct dates of the held rows when ``within`` is held."""
        if not self.holds(within):
            return self.store.snapshot_dates(within)
        dates = self.derived(("snapshot_dates", within),
                             lambda: sorted(self.enrollment(within=within)[Col.TANGGAL].unique().tolist()))
        return list(dates)

    def areas(self, *, within: str | None = None, level=None, geometry: bool = False):
        """``Store.areas``, each answer inside the area read once (a copy each time)."""
        if not self.holds(within):
            return self.store.areas(within=within, level=level, geometry=geometry)
        key = ("areas", within, getattr(level, "value", level), geometry)
        return self.derived(key, lambda: self.store.areas(within=within, level=level, geometry=geometry)).copy()

    def read_current(self, table, keys: list[str], where=None) -> pd.DataFrame:
        """``Store.read_current``, each answer read once (a copy each time): every versioned table
        belongs to the snapshot (a new version is a new stamp). A ``where`` that cannot be written
        out as text is read from the store each time."""
        try:
            text = None if where is None else str(where.compile(compile_kwargs={"literal_binds": True}))
        except (CompileError, NotImplementedError):
            return self.store.read_current(table, keys, where)
        key = ("read_current", table.name, tuple(keys), text)
        return self.derived(key, lambda: self.store.read_current(table, keys, where)).copy()


class HeldLatest(_Snapshot):
    """``store`` with the whole country's newest rows (never the demo's) on or before a date
    (``enrollment(latest=True)``) read once per date and kept for the ``keep`` dates asked last; every
    other call is the store's own. A snapshot too, like ``HeldArea``: made for one store stamp."""

    def __init__(self, store: Store, keep: int = 3):
        super().__init__(store)
        self.keep = keep
        self._latest: OrderedDict[str | None, pd.DataFrame] = OrderedDict()

    def enrollment(self, *, within: str | None = None, start: str | None = None, end: str | None = None,
                   latest: bool = False) -> pd.DataFrame:
        """``Store.enrollment`` with the same arguments and the same frame: the newest rows of any
        area (the country's, filtered by code) from those held for ``end``."""
        if not latest or start is not None:
            return self.store.enrollment(within=within, start=start, end=end, latest=latest)
        rows = self._rows_at(end)
        if within is None or is_country(within):
            return rows.reset_index(drop=True)
        codes = rows[Col.KODE]
        out = rows[((codes == within) | codes.str.startswith(within + ".")).to_numpy()]
        if out.empty:  # the store's own empty frame (its column types)
            return self.store.enrollment(within=within, end=end, latest=True)
        return out.reset_index(drop=True)

    def snapshot_dates(self, within: str | None = None) -> list[str]:
        """``Store.snapshot_dates``, read once per area asked (the page asks for the country's again
        for the date before, the verdict and each ranking)."""
        return list(self.derived(("snapshot_dates", within), lambda: self.store.snapshot_dates(within)))

    def areas(self, *, within: str | None = None, level=None, geometry: bool = False):
        """``Store.areas``; codes and names (no shapes) read once per question (a copy each time)."""
        if geometry:
            return self.store.areas(within=within, level=level, geometry=True)
        key = ("areas", within, getattr(level, "value", level))
        return self.derived(key, lambda: self.store.areas(within=within, level=level)).copy()

    def _rows_at(self, end: str | None) -> pd.DataFrame:
        with self._lock:
            if end in self._latest:
                self._latest.move_to_end(end)
            else:
                self._latest[end] = self.store.enrollment(within=COUNTRY, end=end, latest=True)  # never the demo's
                while len(self._latest) > self.keep:
                    self._latest.popitem(last=False)
            return self._latest[end]

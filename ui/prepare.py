"""A map view not prepared at import: simplified once, in the background, with a progress bar.

An import prepares the views a user opens in one step (geo.shapes.PREPARED_AT_IMPORT); a
heavier one (a province's thousands of desa) is simplified the first time someone opens it.
That runs in a thread of the server's shape cache (``queries.shapes``), not in the session's
own, and holds no lock other sessions need: they keep rendering. A session that opens the same
view meanwhile waits for that one simplification and shows the same progress. The result is
kept in the store, so the bar is shown once per view and boundary version.

``in_background`` runs other server-wide work the same way, without a bar: reading ahead (once
per server and data stamp) what the reader is likely to ask for next (``ui.viewport.warm_up``).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable

import streamlit as st

from geo import fmt
from geo.render.maps import frame_level
from geo.schema import Col
from geo.shapes import STORING, view_key
from geo.simplify import STEPS
from ui import queries
from ui.context import Context

POLL_SECONDS = 0.25
_STEPS = (*STEPS, STORING)
THREAD_PREFIX = "peta-ahead"  # the read-ahead threads' names (their log lines are dropped by this)


def ensure_prepared(ctx: Context, table) -> bool:
    """Before ``table`` (one level's rows: Col.KODE, LEVEL, geometry) is drawn: when its map view
    is not simplified yet, simplify it in the background and show a progress bar until it is
    (the bar stays, full, for this run). Returns True when it had to be prepared. A table whose
    shapes its caller simplified already (``attrs["simplify"]``: the areas loaded for a viewport,
    each from its own prepared view) is drawn as it is: nothing to prepare."""
    if table.empty or "geometry" not in table or "simplify" in table.attrs:
        return False
    drawn = table[~(table.geometry.isna() | table.geometry.is_empty)]
    if drawn.empty:
        return False
    if drawn.crs is not None and not drawn.crs.equals("EPSG:4326"):
        drawn = drawn.to_crs("EPSG:4326")
    level, codes, geometry = frame_level(drawn), drawn[Col.KODE].astype(str), drawn.geometry.values
    cache = queries.shapes(ctx.url)
    key = view_key(codes, geometry, level)
    if cache.has(codes, geometry, level, key=key):
        return False
    words = {"jumlah": fmt.number(len(drawn), lang=ctx.lang), "tingkat": ctx.t(f"gambar_tingkat_{level.value}")}
    bar = st.progress(0.0, text=ctx.t("peta_pertama_disiapkan", langkah=ctx.t("peta_langkah_menunggu"), **words))
    future = cache.prepare(codes, geometry, level, key=key)
    while not future.done():
        step = cache.step(key)
        if step in _STEPS:
            bar.progress(_STEPS.index(step) / len(_STEPS),
                         text=ctx.t("peta_pertama_disiapkan", langkah=ctx.t(f"peta_langkah_{step}"), **words))
        time.sleep(POLL_SECONDS)
    if future.exception() is None:  # else the map's own call raises it, where errors are shown
        bar.progress(1.0, text=ctx.t("peta_pertama_selesai", **words))
    return True


def in_background(key: Hashable, work: Callable[[], object]) -> threading.Thread:
    """Run ``work`` once per server process and ``key`` (say the data stamp in it) in a daemon
    thread; every later call with the same key returns that thread (started or finished) and
    starts nothing. An error in ``work`` is logged, not raised: nobody waits for it, the reader's
    own request reads the same thing again and shows its error there."""
    return _started(key, work)


@st.cache_resource(show_spinner=False, max_entries=16)
def _started(key: Hashable, _work: Callable[[], object]) -> threading.Thread:
    def run() -> None:
        try:
            _work()
        except Exception:  # noqa: BLE001 — see in_background
            logging.getLogger(__name__).exception("reading ahead failed: %s", key)

    thread = threading.Thread(target=run, name=THREAD_PREFIX, daemon=True)
    thread.start()
    return thread


class _NoContextWarning(logging.Filter):
    """The read-ahead thread calls the server's st.cache_* functions outside any session's run: Streamlit
    warns about the missing ScriptRunContext on every call, which is expected there — dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName.startswith(THREAD_PREFIX) and "missing ScriptRunContext" in record.getMessage())


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoContextWarning())

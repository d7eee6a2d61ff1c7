"""Static images of plotly figures (PNG, SVG) through one warm kaleido server.

Kaleido drives a headless Chromium. Starting one costs 2–7 s, so the first call in a
process starts a server (``kaleido.start_sync_server``) that later calls reuse: about
0.15–0.3 s per image after that. Calls are serialised with a lock: kaleido's sync
server hands results back through one shared queue, so two threads rendering at once
(two Streamlit sessions) could otherwise receive each other's image.
"""
from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go
from geo.render.style import style_for_export
from geo.schema import RekamError


# Sizes of the media pack: a landscape post/slide, a square post, a portrait post.
SIZES: dict[str, tuple[int, int]] = {
    "1200x675": (1200, 675),
    "1080x1080": (1080, 1080),
    "1080x1350": (1080, 1350),
}
FORMATS = ("png", "svg")
MIME = {"png": "image/png", "svg": "image/svg+xml"}  # for download buttons
MIN_SIDE, MAX_SIDE = 300, 4000
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
RENDER_TIMEOUT_S = 120.0  # a first call includes starting Chromium (2–7 s; more on a busy machine)

_lock = threading.Lock()
_server_started = False


def parse_size(value) -> tuple[int, int]:
    """``(1200, 675)``, ``"1200x675"`` or ``"1200×675"`` → (1200, 675).

    Any width and height from MIN_SIDE to MAX_SIDE pixels; the media-pack sizes are
    SIZES. Raises RekamError('gambar_ukuran_salah').
    """
    if isinstance(value, (tuple, list)) and len(value) == 2:
        parts = value
    else:
        match = re.fullmatch(r"\s*(\d+)\s*[x×X*]\s*(\d+)\s*", str(value))
        parts = match.groups() if match else ()
    try:
        width, height = (int(p) for p in parts)
    except (TypeError, ValueError):
        width = height = None
    if width is None or not all(MIN_SIDE <= s <= MAX_SIDE for s in (width, height)):
        raise RekamError("gambar_ukuran_salah", nilai=value if isinstance(value, str) else "x".join(map(str, value)),
                         min=MIN_SIDE, maks=MAX_SIDE, contoh=", ".join(SIZES))
    return width, height


def parse_format(value) -> str:
    """``png``/``svg`` (any case, a leading dot allowed); raises RekamError('gambar_format_salah')."""
    name = str(value).strip().lower().lstrip(".")
    if name not in FORMATS:
        raise RekamError("gambar_format_salah", nilai=value, pilihan=", ".join(FORMATS))
    return name


def to_image(fig: go.Figure, fmt: str = "png", size=(1200, 675), *, styled: bool = True) -> bytes:
    """The figure as PNG or SVG bytes of exactly ``size`` = (width, height) pixels.

    ``styled`` (default) lays the figure out for that size first with
    ``style.style_for_export``. Raises RekamError for a bad size or format, when no
    Chromium is found, or when rendering fails.
    """
    width, height = parse_size(size)
    fmt = parse_format(fmt)
    figure = style_for_export(fig, (width, height)) if styled else fig
    with _lock:
        _ensure_server()
        return _render(figure, {"format": fmt, "width": width, "height": height, "scale": 1})


def _browser_path() -> str | None:
    for candidate in (os.environ.get("BROWSER_PATH"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      shutil.which("google-chrome"), str(DEBIAN_CHROMIUM)):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _ensure_server() -> None:
    """Start kaleido's server once per process (called under the lock).

    Checks for a browser first: a server that cannot start would leave every later
    call waiting forever instead of failing.
    """
    global _server_started
    if _server_started:
        return
    path = _browser_path()
    if path is None:
        raise RekamError("gambar_tanpa_peramban")
    os.environ.setdefault("BROWSER_PATH", path)
    import kaleido

    # mathjax=False: figures carry no LaTeX, and the default would fetch MathJax from a CDN (offline here).
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _server_started = True


def _render(figure: go.Figure, opts: dict) -> bytes:
    """Render through the warm server, giving up after RENDER_TIMEOUT_S (a crashed browser
    would otherwise block the caller forever)."""
    import kaleido

    result: dict = {}

    def work() -> None:
        try:
            result["bytes"] = kaleido.calc_fig_sync(figure, opts=opts)
        except Exception as exc:  # noqa: BLE001 — reported to the caller below
            result["error"] = exc

    worker = threading.Thread(target=work, daemon=True, name="kaleido-render")
    worker.start()
    worker.join(RENDER_TIMEOUT_S)
    if worker.is_alive():
        raise RekamError("gambar_gagal", detail=f"> {RENDER_TIMEOUT_S:.0f} s")
    if "error" in result:
        raise RekamError("gambar_gagal", detail=f"{type(result['error']).__name__}: {result['error']}"[:300])
    data = result["bytes"]
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)

"""Browser fixtures: the real app (``streamlit run dashboard.py``) and a real, offline Chromium.

Every page a test opens runs in a browser context that aborts any request not addressed to
the local app and records it, so a test can assert that the dashboard asked for nothing
outside (a bupati's office may have no internet). Debian's ``/usr/bin/chromium`` is used
(never ``playwright install``); without it the browser tests are skipped, with the reason.
"""
from __future__ import annotations

from contextlib import contextmanager

import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.ingest.demo import load_demo
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "_artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
LOCAL_SCHEMES = ("data:", "blob:", "about:")
START_TIMEOUT_S = 60
EXPECT_TIMEOUT_MS = 20_000
_pg_databases = itertools.count(1)


# --- the app -----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class App:
    """A running ``streamlit run dashboard.py`` on its own port and store."""

    url: str
    db_url: str
    process: subprocess.Popen
    log: Path

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


def start_app(db_url: str, log: Path) -> App:
    """Start the dashboard the way a user does and wait for its health check.

    Its own process group, so that ``stop_app`` ends the server and nothing else. The server's
    output goes to ``log`` (kept with the screenshots, overwritten by the next run).
    """
    port = _free_port()
    env = {**os.environ, "REKAM_DB_URL": db_url, "REKAM_BCRYPT_ROUNDS": "4", "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "streamlit"), "run", "dashboard.py",
             "--server.headless", "true", "--server.port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    app = App(f"http://localhost:{port}", db_url, process, log)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{app.log_tail()}")
        try:
            with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return app
        except OSError:
            time.sleep(0.25)
    stop_app(app)
    raise RuntimeError(f"streamlit not healthy after {START_TIMEOUT_S} s:\n{app.log_tail()}")


def stop_app(app: App) -> None:
    """End the server's process group (its id is the server's pid: start_new_session), politely first."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if app.process.poll() is not None:
            return
        try:
            os.killpg(app.process.pid, sig)
            app.process.wait(timeout=10)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


# --- stores ------------------------------------------------------------------------------
def _sqlite_copy(demo_sqlite: Path, folder: Path) -> str:
    copy = folder / "rekam.sqlite"
    shutil.copyfile(demo_sqlite, copy)
    return f"sqlite:///{copy}"


def _postgres_demo(pg_server) -> str:
    base, engine = pg_server
    from sqlalchemy import text

    name = f"e2e{os.getpid()}_{next(_pg_databases)}"
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE rekam_template"))
    url = f"{base}/{name}"
    store = Store.open(url)
    load_demo(store)
    store.close()
    return url


@pytest.fixture
def demo_store(request, demo_sqlite, tmp_path):
    """``demo_store(backend)``: URL of a private store holding the demo, a test may write to it.

    ``sqlite``: a copy of the session's demo file; ``postgresql``: a fresh PostGIS database made
    from the ``pg_server`` template (tests/conftest.py) with the demo loaded into it.
    """
    def make(backend: str) -> str:
        if backend == "sqlite":
            return _sqlite_copy(demo_sqlite, tmp_path)
        return _postgres_demo(request.getfixturevalue("pg_server"))

    return make


@pytest.fixture
def launch_app(request, artifacts):
    """``launch_app(db_url)``: the dashboard running on that store, stopped after the test."""
    apps = []
    name = re.sub(r"\W+", "_", request.node.name)

    def launch(db_url: str) -> App:
        apps.append(start_app(db_url, artifacts / f"streamlit-{name}-{len(apps) + 1}.log"))
        return apps[-1]

    yield launch
    for app in apps:
        stop_app(app)


@pytest.fixture(scope="module")
def demo_app(request, demo_sqlite, tmp_path_factory, artifacts):
    """One app on a copy of the demo, shared by the read-only tests of a module."""
    with served(_sqlite_copy(demo_sqlite, tmp_path_factory.mktemp("e2e-app")),
                artifacts / f"streamlit-{request.module.__name__.rsplit('.', 1)[-1]}.log") as app:
        yield app


@contextmanager
def served(db_url: str, log: Path):
    """``start_app`` on ``db_url`` for the block, stopped after it (a module fixture's app)."""
    app = start_app(db_url, log)
    try:
        yield app
    finally:
        stop_app(app)


# --- the browser -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium); browser tests need Debian's chromium")
    from playwright.sync_api import expect, sync_playwright

    # An assertion waits for the page up to EXPECT_TIMEOUT_MS (Playwright's own 5 s is one slow rerun
    # on a busy 2-core machine); one that holds returns at once, so passing tests are not slower.
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class OfflineTab:
    """A page whose outside requests (HTTP and WebSocket) are aborted; ``outside`` lists every one attempted."""

    page: object
    outside: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    return url.startswith(LOCAL_SCHEMES) or urlparse(url).hostname in LOCAL_HOSTS


class OfflineBrowser:
    """Opens tabs, each in a fresh browser context (own cookies, own Streamlit session)."""

    def __init__(self, browser):
        self._browser = browser
        self._contexts = []

    def new(self) -> OfflineTab:
        context = self._browser.new_context(viewport={"width": 1440, "height": 1000}, locale="id-ID",
                                            timezone_id="Asia/Jakarta")
        context.set_default_timeout(30_000)
        self._contexts.append(context)
        tab = OfflineTab(page=None)

        def guard(route):
            url = route.request.url
            if _is_local(url):
                route.continue_()
            else:
                tab.outside.append(url)
                route.abort()

        def refuse_socket(ws):
            tab.outside.append(ws.url)
            ws.close()

        context.route("**/*", guard)
        context.route_web_socket(lambda url: not _is_local(url), refuse_socket)  # Streamlit's own socket is local
        tab.page = context.new_page()
        return tab

    def close(self) -> None:
        for context in self._contexts:
            context.close()


@pytest.fixture
def offline(chromium):
    """``offline.new()``: a tab with the internet cut off (the app on localhost only)."""
    browser = OfflineBrowser(chromium)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

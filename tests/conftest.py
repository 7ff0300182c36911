"""Shared fixtures: project paths, mini-dossiers written from inline text, builds, and a real browser."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import settings

# PYTHONDONTWRITEBYTECODE (set on this machine and in CI) kept pytest from caching its rewrite of test modules: every
# worker of every run parsed and rewrote the asserts of all 229 test files again, ~12 s of CPU each. The modules
# imported after this line (the test modules) are cached in tests/__pycache__/; the build's own are compiled by `make`.
sys.dont_write_bytecode = False

from build_server import BuildServers

# Properties check what is computed, never how fast: a busy CI machine must not fail a property on Hypothesis'
# default 200 ms deadline (speed lives in bench/). A test's own @settings still applies on top of this profile.
settings.register_profile("dossier", deadline=None)
settings.load_profile("dossier")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

MINIMAL_SITE = """\
title: Mini dossier
import:
  drop_lines:
    - pattern: '^Share this'
      why: share prompt
"""
MINIMAL_SOURCES = """\
outlet-a: {name: Outlet A, country: Nowhere}
outlet-b: {name: Outlet B}
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a mini-dossier (txtar-style: path → content). Text is dedented."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def mini(tmp_path: Path, files: dict[str, str | bytes], defaults: bool = True) -> Path:
    base: dict[str, str | bytes] = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": MINIMAL_SOURCES} if defaults else {}
    base.update(files)
    return write_tree(tmp_path / "dossier", base)


BUILDS = BuildServers(ROOT)


def run_build(root: Path, *args: str, fresh: bool = False, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python build.py --root ROOT ARGS` as a user would, in a process of its own: forked from a build server,
    which has imported the build once (build_server.py; threads' runs go side by side, each on a server of its
    own), or, `fresh`, a new interpreter."""
    if fresh or os.environ.get("DOSSIER_TEST_FRESH_BUILDS"):
        return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    return BUILDS.run(["--root", str(root), *args], ROOT, timeout=timeout)


@pytest.fixture
def mini_dossier(tmp_path: Path):
    return lambda files, defaults=True: mini(tmp_path, files, defaults)


@pytest.fixture(scope="session")
def browser():
    """A real Chromium (Debian's) driven by Playwright. Missing browser: skip locally, fail in CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shared_context(browser):
    """One browser context for a test module's pages (`new_page`). `browser.new_page()` makes a context of its
    own for each page, and a new context starts a new renderer process: about a third of a second of CPU each
    time, against a twentieth for a page in a context already open. The site's pages keep nothing in a context
    between tests (no cookies, no local storage), so a shared context shows each test what a fresh one would.
    Tests that need a context of their own (a phone's touch, a bypassed CSP) still make one."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def new_page(shared_context):
    """A function: a new page in the module's context, at `viewport` (else Playwright's default, 1280x720)."""
    def open_page(viewport: dict[str, int] | None = None):
        page = shared_context.new_page()
        if viewport is not None:
            page.set_viewport_size(viewport)
        return page
    return open_page


@pytest.fixture(scope="session")
def _one_tab(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


@pytest.fixture
def tab(_one_tab):
    """A desktop page (1280×900) that the session's tests take in turn, each as new: with no routes, media emulated
    as none, the mouse in the corner, to be sent to the test's address (it is still on the last test's). A new page
    (browser.new_page: a context and a renderer of its own) costs Chromium about a second of CPU; opening another
    address of the same site in this one, a quarter of that (about:blank between would cost a renderer again). A
    test that needs a context of its own, one bypassing the page's CSP or with a clock, still makes it."""
    page = _one_tab
    page.unroute_all(behavior="ignoreErrors")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(media="null", color_scheme="null", reduced_motion="null")
    page.mouse.move(0, 0)
    return page


def edit_first_note(root: Path) -> str:
    """The first article file's first note, begun with "Edited. "; returns the article's slug."""
    path = sorted((root / "content/articles").glob("*.yaml"))[0]
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^(\s*note: )", r"\1Edited. ", text, count=1, flags=re.M), "utf-8")
    return path.stem


def library_of(root: Path):
    """The Library (the analysis) of the dossier at `root`, built in this process without a cache."""
    from dossier.core.analyse.library import analyse
    from dossier.core.load.loader import load_config, load_dossier
    from dossier.core.pipeline import Options
    from dossier.shell import fs

    inputs = fs.read_inputs(root)
    config, _ = load_config(inputs, Options())
    return analyse(load_dossier(inputs, config)[0])


def copy_of_default_dossier(where: Path) -> Path:
    """The default dossier's inputs (site.yaml, seeds/, content/) copied into `where`/d: a dossier to edit."""
    root = where / "d"
    root.mkdir()
    for name in ("site.yaml", "seeds", "content"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    return root


def documented(marker: str) -> list[str]:
    """The example of docs/messages.md whose first line holds `marker`: that line and its hint, stripped."""
    lines = (ROOT / "docs/messages.md").read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if marker in line)
    return [lines[at].strip(), lines[at + 1].strip()]


@pytest.fixture(scope="session")
def default_site(tmp_path_factory):
    """The default dossier built once into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    shutil.rmtree(out)
    result = run_build(ROOT, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def http_server():
    """Serve folders over HTTP on 127.0.0.1 (search and some browser features need http://)."""
    import functools
    import http.server
    import threading

    servers = []

    def start(folder: Path) -> str:
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):  # keep test output readable
                pass

        handler = functools.partial(Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        # A short poll: shutdown() waits for it, once for each of the session's some forty servers.
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def wakeup(tmp_path: Path):
    """The live preview's inotify watch (dossier/shell/notify.py) of a dossier at tmp_path with seeds/ and
    content/articles/ (Linux only: the tests that use it skip elsewhere)."""
    from dossier.shell.notify import open_wakeup
    from dossier.shell.serve_files import watched_folders

    for sub in ("seeds", "content/articles"):
        (tmp_path / sub).mkdir(parents=True)
    wake = open_wakeup(*watched_folders(tmp_path))
    assert wake is not None, "inotify is available on Linux"
    yield wake
    wake.close()


@contextmanager
def failing_after(seconds: int, message: str) -> Iterator[None]:
    """The block, failed with `message` if it still runs after `seconds` (a hang is a failure, not a stuck suite)."""
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail(message))
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def aged(root: Path, seconds: float = 3600) -> None:
    """Every file under `root` saved `seconds` ago, and the build's up-to-date check's "racy" window (2 s) past
    for the change time that setting the times sets to now: the next build records them as settled."""
    import time

    old = time.time() - seconds
    for path in root.rglob("*"):
        os.utime(path, (old, old))
    time.sleep(2.05)


# The test files that take longest (seconds of wall time each, two workers on this 2-core machine, measured
# 2026-12-07), run first: `--dist loadfile --no-loadscope-reorder` (the Makefile's) hands out files in collection
# order. xdist's default order, files with the most tests first, put these (few tests each) last, where one ran on
# alone for minutes while the other worker sat idle. Longest first keeps the tail short.
SLOW_FIRST = (
    "test_browser_search.py",  # 137
    "test_cache_honesty.py",  # 102
    "test_browser_hovercard_keys.py",  # 64
    "test_browser_rtl.py",  # 62
    "test_invalid_dossiers.py",  # 58
    "test_browser_preview.py",  # 56
    "test_quality_a11y.py",  # 53
    "test_browser_search_unavailable.py",  # 51
    "test_capture_add.py",  # 41
    "test_browser_tables.py",  # 39
    "test_quality_security.py",  # 38
    "test_signals.py",  # 36
    "test_browser_phone.py",  # 35
    "test_fuzz_build.py",  # 34
    "test_preview_cache.py",  # 27
    "test_browser_article_names.py",  # 24
    "test_uptodate.py",  # 23
    "test_outlock.py",  # 22
    "test_browser_search_keys.py",  # 21
    "test_browser_title_direction.py",  # 21
    "test_serve_process.py",  # 20
)


def pytest_collection_modifyitems(session, config, items) -> None:
    """SLOW_FIRST's files first, the rest after in their own order (a stable sort: each worker sorts alike)."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(Path(str(item.fspath)).name, len(rank)))


def pytest_sessionfinish(session, exitstatus) -> None:
    BUILDS.stop()   # (the build servers: build_server.py)


@pytest.fixture(autouse=True)
def no_lost_workers_left_over() -> Iterator[None]:
    """Each test starts with no worker death recorded for the command line to say (parallel.LOST): a test that
    killed a background process left one, and the next build in that test process said it (under xdist, another
    file's test, whose stderr then had "a worker process was killed by signal 9")."""
    from dossier.shell import parallel

    parallel.LOST.clear()
    yield

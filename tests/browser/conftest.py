"""A live rusmon server and headless Chromium (Debian's package) for browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "RUSMON_DATABASE_URL": database_url}
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    with log.open("w") as output:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(
            [sys.executable, "-m", "etl.cli", "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/jamfor", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("server did not answer within 30 s")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def live_server(ris_warehouse) -> Iterator[str]:
    process, url = start_server(ris_warehouse.database_url)
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class ConsoleLog(list):
    def errors(self) -> list[str]:
        return [text for kind, text in self if kind in ("error", "pageerror")]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.console_log = ConsoleLog()
    page.on("console", lambda m: page.console_log.append((m.type, m.text)))
    page.on("pageerror", lambda e: page.console_log.append(("pageerror", str(e))))
    yield page
    context.close()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def figure_data(page: Page, graph_id: str) -> list[dict]:
    """The traces plotly drew, read from the graph div (arrays decoded from {dtype, bdata})."""
    return page.evaluate(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            return gd._fullData.map(t => ({
                name: t.name, x: Array.from(t.x || []), y: Array.from(t.y || []),
                base: t.base, customdata: t.customdata ? Array.from(t.customdata) : null,
            }));
        }""",
        graph_id,
    )


def wait_for_graph(page: Page, graph_id: str, timeout: float = 20_000) -> None:
    page.wait_for_function(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.length > 0;
        }""",
        arg=graph_id,
        timeout=timeout,
    )

"""Helpers for browser tests: a live server process, screenshots, reading plotly's drawn data."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, **settings: str) -> tuple[subprocess.Popen, str]:
    """`rusmon serve` on a free port; `settings` are further environment variables."""
    port = free_port()
    env = {**os.environ, "RUSMON_DATABASE_URL": database_url, **settings}
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    with log.open("w") as output:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
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


def choose(page: Page, dropdown_id: str, search: str, option_text: str | None = None) -> None:
    """Open a Dash dropdown, search for `search` and click the matching option."""
    page.locator(f"#{dropdown_id}").click()
    page.locator("input.dash-dropdown-search").fill(search)
    page.locator(".dash-options-list-option", has_text=option_text or search).first.click()


def wait_for_text(page: Page, selector: str, text: str, timeout: float = 20_000) -> None:
    """Wait until the element exists and its text contains `text` (Dash renders after load)."""
    page.wait_for_function(
        """([selector, text]) => {
            const element = document.querySelector(selector);
            return element !== null && element.innerText.includes(text);
        }""",
        arg=[selector, text],
        timeout=timeout,
    )


def wait_for_query(page: Page, part: str, timeout: float = 20_000) -> None:
    """Wait until the URL holds `part`: permalinks are written with history.replaceState,
    which is not a navigation."""
    page.wait_for_function(
        "(part) => window.location.search.includes(part)", arg=part, timeout=timeout
    )


def when_plotly_arrives(setup: str) -> str:
    """An init script that runs `setup` (JavaScript; `plotly` is the library) the moment
    plotly's script defines window.Plotly, before any graph is drawn."""
    return f"""
let plotly;
Object.defineProperty(window, 'Plotly', {{
    configurable: true,
    get() {{ return plotly; }},
    set(value) {{
        plotly = value;
        if (value && !value.__testHooked) {{
            {setup}
            value.__testHooked = true;
        }}
    }},
}});
"""

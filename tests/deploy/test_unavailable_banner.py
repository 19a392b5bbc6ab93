"""In the browser: when the warehouse stops answering under an open page, the next callback
says so above the page (in the page's language), and the notice goes away by itself once a
callback is answered with the warehouse back."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from dashboard import ids
from dashboard.export.profile import CHROMIUM, CHROMIUM_FLAGS
from tests.deploy.support import ARTIFACTS, Server, rusmon_env

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

BANNER = "#rusmon-warehouse-unavailable"


@pytest.fixture
def live_file(ris_warehouse, tmp_path) -> Path:
    assert ris_warehouse.duckdb_path is not None
    path = tmp_path / "warehouse" / "rusmon.duckdb"
    path.parent.mkdir()
    shutil.copyfile(ris_warehouse.duckdb_path, path)
    return path


@pytest.fixture
def server(live_file, tmp_path) -> Iterator[Server]:
    started = Server(rusmon_env(f"duckdb:///{live_file}", tmp_path / "raw"), "banner")
    try:
        started.wait_ready()
        yield started
    finally:
        started.stop()


def replace(target: Path, content: bytes | Path) -> None:
    staging = target.with_name(".staging")
    if isinstance(content, Path):
        shutil.copyfile(content, staging)
    else:
        staging.write_bytes(content)
    staging.replace(target)


def choose_region(page: Page, code: str) -> None:
    """As if the user picked another region: Dash runs the compare page's callbacks."""
    page.evaluate(
        "([id, value]) => window.dash_clientside.set_props(id, {value})",
        [ids.COMPARE_REGION, code],
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "Lagret (databasen) svarar inte just nu, så vyn kunde inte uppdateras."),
        ("en", "The data warehouse (database) is not answering right now, so the view could"),
    ],
    ids=["sv", "en"],
)
def test_an_open_page_says_the_warehouse_is_down_and_recovers_by_itself(
    server, live_file, ris_warehouse, lang, expected
):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")

    def walk() -> None:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"http://127.0.0.1:{server.port}/jamfor?region=SE33&lang={lang}")
                page.wait_for_selector("main h1")
                page.wait_for_load_state("networkidle")
                assert page.locator(BANNER).count() == 0

                replace(live_file, b"not a DuckDB file " * 1000)  # the warehouse stops answering
                choose_region(page, "SE12")
                page.wait_for_selector(BANNER)
                assert page.inner_text(BANNER).startswith(expected)
                assert page.get_attribute(BANNER, "role") == "alert"
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"lagret-svarar-inte-{lang}.png"))

                replace(live_file, ris_warehouse.duckdb_path)  # the next load brings it back
                choose_region(page, "SE33")
                page.wait_for_selector(BANNER, state="detached")
                assert server.alive()
            finally:
                browser.close()

    # A thread of its own: Playwright's sync API refuses to start beside the session's own
    # Playwright (tests/browser), whose event loop runs in this thread.
    errors: list[BaseException] = []

    def guarded() -> None:
        try:
            walk()
        except BaseException as error:  # re-raised below, in the test's own thread
            errors.append(error)

    thread = threading.Thread(target=guarded)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]

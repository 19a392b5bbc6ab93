"""The offline presentation in headless Chromium, opened from a file with every other request
blocked: it asks for nothing but itself, draws every chart, and the keys, clicks, hash and notes
work, without a console error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page

from dashboard.data_access.reader import WarehouseReader
from dashboard.export import deck_spec as d
from dashboard.export.deck import Part, deck_parts
from dashboard.export.offline_html import offline_html

pytestmark = pytest.mark.browser

STRATEGY, REGION, PERIOD = "vastmanland_rus_2030", "SE125", "2019-2022"

DRAWN = """(n) => {
    const gd = document.querySelector('#slide-' + n + ' .js-plotly-plot');
    return !!gd && !!gd._fullData && gd._fullData.length > 0;
}"""


@pytest.fixture(scope="module")
def parts(followup_warehouse, cat) -> list[Part]:
    reader = WarehouseReader(followup_warehouse.database_url)
    return deck_parts(reader, cat, STRATEGY, REGION, PERIOD, "sv", today=date(2026, 12, 1))


@pytest.fixture(scope="module")
def deck_file(parts, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("offline") / "presentation.html"
    path.write_text(offline_html(parts, "sv"), encoding="utf-8")
    return path


def open_offline(page: Page, path: Path, hash_: str = "") -> list[str]:
    """Open the file with every non-file request aborted; the returned list fills with every
    URL the page asks for."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else route.abort()
        ),
    )
    page.goto(path.as_uri() + hash_)
    return requests


def wait_for_slide(page: Page, n: int, total: int) -> None:
    page.wait_for_function(
        "([n, total]) => document.getElementById('counter').textContent === n + ' / ' + total"
        " && window.location.hash === '#' + n"
        " && !document.getElementById('slide-' + n).hidden",
        arg=[n, total],
    )


def test_every_slide_draws_offline_and_the_keys_work(page, parts, deck_file):
    total = len(parts)
    requests = open_offline(page, deck_file)
    wait_for_slide(page, 1, total)
    for n, part in enumerate(parts, start=1):
        wait_for_slide(page, n, total)
        assert page.locator(f"#slide-{n}").is_visible()
        assert page.locator("#stage > .slide:not([hidden])").count() == 1
        if part.figure is not None:
            page.wait_for_function(DRAWN, arg=n, timeout=20_000)
            # the chart fills the slide's width
            box = page.locator(f"#slide-{n} .js-plotly-plot").bounding_box()
            stage = page.locator("#stage").bounding_box()
            assert box["width"] > 0.85 * stage["width"]
            assert box["height"] > 0.3 * stage["height"]
        else:
            assert page.locator(f"#slide-{n} .js-plotly-plot").count() == 0
        page.keyboard.press("ArrowRight")
    wait_for_slide(page, total, total)  # past the end it stays on the last slide

    page.keyboard.press("ArrowLeft")
    wait_for_slide(page, total - 1, total)
    page.keyboard.press("Home")
    wait_for_slide(page, 1, total)
    page.keyboard.press("End")
    wait_for_slide(page, total, total)
    page.keyboard.press("PageUp")
    wait_for_slide(page, total - 1, total)
    page.keyboard.press("PageDown")
    wait_for_slide(page, total, total)
    page.keyboard.press("Home")
    page.keyboard.press("Space")
    wait_for_slide(page, 2, total)

    # the notes panel
    notes = page.locator("#slide-2 .notes")
    assert not notes.is_visible()
    page.keyboard.press("n")
    assert notes.is_visible()
    first_line = parts[1].slide.notes.split("\n")[0]
    assert first_line in notes.inner_text()
    if parts[1].figure is not None:  # the chart shrinks into the space above the notes
        page.wait_for_function(DRAWN, arg=2)
    page.keyboard.press("n")
    assert not notes.is_visible()

    assert requests == [deck_file.as_uri()]
    assert page.console_log.errors() == []


def test_clicks_the_hash_and_a_reload_keep_the_place(page, parts, deck_file):
    total = len(parts)
    requests = open_offline(page, deck_file, "#3")
    wait_for_slide(page, 3, total)
    if parts[2].figure is not None:
        page.wait_for_function(DRAWN, arg=3)
    width = page.viewport_size["width"]
    page.mouse.click(width - 40, 20)  # right half, outside the chart
    wait_for_slide(page, 4, total)
    page.mouse.click(40, 20)  # left half
    wait_for_slide(page, 3, total)
    page.mouse.click(width - 40, 20)
    wait_for_slide(page, 4, total)
    page.reload()
    wait_for_slide(page, 4, total)
    page.evaluate("window.location.hash = '#6'")
    wait_for_slide(page, 6, total)
    # a chart shown again is resized, not drawn twice
    page.keyboard.press("Home")
    wait_for_slide(page, 1, total)
    page.keyboard.press("ArrowRight")
    wait_for_slide(page, 2, total)
    assert page.locator("#slide-2 .js-plotly-plot").count() == 1
    assert all(url.startswith(deck_file.as_uri()) for url in requests)
    assert page.console_log.errors() == []


def test_a_long_table_shrinks_or_scrolls_but_keeps_every_row(page, tmp_path):
    rows = [[f"Indikator {i}", f"{i},0", "● i fas"] for i in range(45)]
    table = d.TableSlide(
        "Lång tabell",
        "Alla rader",
        ["Indikator", "Värde", "Bedömning"],
        rows,
        source="Källa: test",
        numeric_columns={1},
        status_column=2,
    )
    path = tmp_path / "long.html"
    path.write_text(offline_html([Part(table)], "en"), encoding="utf-8")
    requests = open_offline(page, path)
    wait_for_slide(page, 1, 1)
    body = page.locator("#slide-1 .scroll")
    assert page.locator("#slide-1 tbody tr").count() == 45
    assert "d5" in (body.get_attribute("class") or "")  # the smallest type size
    assert body.evaluate("el => el.scrollHeight > el.clientHeight")  # and then it scrolls
    body.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    assert page.locator("#slide-1 tbody tr").last.is_visible()
    assert page.inner_text("#help") == "Arrow keys: navigate · n: speaker notes"
    assert requests == [path.as_uri()]
    assert page.console_log.errors() == []

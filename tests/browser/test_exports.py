"""Conference exports from the pages: "Ladda ner" under a chart, "Skapa presentation", and
presentation mode fit for a projector."""

from io import BytesIO

import pytest
from PIL import Image
from pptx import Presentation

from dashboard import ids
from tests.browser.helpers import wait_for_graph

pytestmark = pytest.mark.browser

GOAL_LINK = (
    "/maluppfoljning?strategy=vastmanland_rus_2030&region=SE125&period=2019-2022"
    "&pick=19|unemployment_rate_20_64"
)


def _download(page, selector: str):
    with page.expect_download(timeout=60_000) as info:
        page.locator(selector).click()
    download = info.value
    return download.suggested_filename, download.path().read_bytes()


def test_a_charts_download_menu_gives_a_slide_sized_png(live_server, page):
    page.goto(live_server + GOAL_LINK)
    wait_for_graph(page, ids.GOALS_CHART)
    page.locator(f"#download-{ids.GOALS_CHART} summary").click()
    assert page.locator(f"#download-{ids.GOALS_CHART} a").all_inner_texts() == [
        "PNG, bildspelsbild 1920×1080",
        "PNG, skärmstorlek ×2",
        "SVG (skalbar bild)",
        "PDF",
        "Diagrammets data (CSV)",
    ]
    name, content = _download(page, f"#download-{ids.GOALS_CHART} a[data-format=png]")
    assert name == "arbetsloshet-20-64-ar-vastmanlands-lan-2019-2022.png"
    assert Image.open(BytesIO(content)).size == (1920, 1080)
    assert page.console_log.errors() == []


def test_the_screen_size_png_is_the_chart_at_twice_the_pixels(live_server, page):
    page.goto(live_server + "/jamfor?region=SE33")
    wait_for_graph(page, ids.COMPARE_BARS)
    width, height = page.evaluate(
        "(id) => { const g = document.getElementById(id); return [g.clientWidth, g.clientHeight]; }",
        ids.COMPARE_BARS,
    )
    page.locator(f"#download-{ids.COMPARE_BARS} summary").click()
    _, content = _download(page, f"#download-{ids.COMPARE_BARS} a[data-format=png-screen]")
    assert Image.open(BytesIO(content)).size == (2 * width, 2 * height)


def test_skapa_presentation_on_the_goal_page_downloads_a_deck(live_server, page):
    page.goto(live_server + GOAL_LINK)
    page.wait_for_selector("text=Delmål 14:")
    name, content = _download(page, "#goals-deck")
    assert name.endswith(".pptx")
    deck = Presentation(BytesIO(content))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[0] == "Regional utvecklingsstrategi för Västmanland 2030"
    assert any(title.startswith("Delmål 19: ") for title in titles)
    assert page.console_log.errors() == []


def test_presentation_mode_enlarges_chart_fonts_and_keeps_the_last_tick(live_server, page):
    page.goto(live_server + "/jamfor?region=SE33&present=1")
    wait_for_graph(page, ids.COMPARE_BARS)
    page.wait_for_function(
        "() => document.querySelector('#compare-bars .js-plotly-plot')._fullLayout.font.size === 20"
    )
    main_width = page.evaluate("document.querySelector('main').clientWidth")
    chart = page.evaluate(
        """() => {
            const gd = document.querySelector('#compare-bars .js-plotly-plot');
            const box = gd.getBoundingClientRect();
            const ticks = Array.from(gd.querySelectorAll('.xtick text'));
            const last = ticks[ticks.length - 1].getBoundingClientRect();
            return {width: box.width, right: box.right, lastRight: last.right,
                    lastText: ticks[ticks.length - 1].textContent, height: box.height,
                    labels: gd.querySelectorAll('.ytick text').length};
        }"""
    )
    assert chart["width"] > 0.9 * (main_width - 48)  # full width: the side panel goes below
    assert chart["lastText"] == "2,0" and chart["lastRight"] <= chart["right"]
    assert chart["height"] >= 0.7 * page.viewport_size["height"] - 1
    assert chart["labels"] == 21  # taller with the larger type: no indicator label skipped
    page.locator("#present-toggle").click()
    page.wait_for_function(
        "() => document.querySelector('#compare-bars .js-plotly-plot')._fullLayout.font.size === 14"
    )
    assert page.console_log.errors() == []

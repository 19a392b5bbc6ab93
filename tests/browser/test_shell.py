"""What every page shares: navigation, keyboard use, presentation mode, no console errors."""

import pytest

from tests.browser.helpers import screenshot, wait_for_query, when_plotly_arrives

pytestmark = pytest.mark.browser

PAGES = ("/", "/jamfor", "/maluppfoljning", "/indikatorer", "/datakallor")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors_in_both_languages(live_server, page, path):
    for lang in ("sv", "en"):
        page.goto(f"{live_server}{path}?lang={lang}")
        page.wait_for_selector("main h1")
        page.wait_for_load_state("networkidle")
        assert page.locator("html main").get_attribute("lang") == lang
    assert page.console_log.errors() == []


def test_the_navigation_reaches_every_page(live_server, page):
    page.goto(live_server + "/")
    page.wait_for_selector("main h1")
    for name, path in (
        ("Jämför med innovationsledare", "/jamfor"),
        ("Måluppföljning", "/maluppfoljning"),
        ("Indikatorer", "/indikatorer"),
        ("Datakällor", "/datakallor"),
        ("Översikt", "/"),
    ):
        page.locator("nav a", has_text=name).click()
        page.wait_for_function("(path) => window.location.pathname === path", arg=path)
        page.wait_for_selector("main h1")
    assert page.console_log.errors() == []


def test_the_menu_keeps_to_one_line_at_1280_pixels_in_both_languages(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    for lang in ("sv", "en"):
        page.goto(f"{live_server}/jamfor?lang={lang}")
        page.wait_for_selector("main h1")
        tops = page.locator(".site-header .nav-link").evaluate_all(
            "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
        )
        assert len(tops) == 5 and len(set(tops)) == 1, (lang, tops)


def test_the_keyboard_reaches_the_skip_link_and_the_menu(live_server, page):
    page.goto(live_server + "/datakallor")
    page.wait_for_selector("main h1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Översikt"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.location.pathname === '/jamfor'")


def test_presentation_mode_enlarges_the_page_and_is_in_the_permalink(live_server, page):
    page.goto(live_server + "/maluppfoljning?strategy=vasterbotten_innovation_strategy")
    page.wait_for_selector("main h1")
    page.locator("#present-toggle").click()
    wait_for_query(page, "present=1")
    assert page.evaluate("document.body.classList.contains('present')")
    page.reload()
    page.wait_for_selector("main h1")
    page.wait_for_function("() => document.body.classList.contains('present')")
    assert page.locator("#present-toggle").get_attribute("aria-pressed") == "true"
    screenshot(page, "presentationslage-maluppfoljning")
    page.locator("#present-toggle").click()
    assert not page.evaluate("document.body.classList.contains('present')")
    assert page.console_log.errors() == []


# Counts plotly's relayouts from the moment plotly's script defines window.Plotly.
COUNT_RELAYOUTS = "window.__relayouts = 0;" + when_plotly_arrives(
    """const relayout = plotly.relayout;
    plotly.relayout = function () { window.__relayouts += 1; return relayout.apply(this, arguments); };"""
)


def test_outside_presentation_mode_the_graphs_are_not_laid_out_again(live_server, page):
    """Presentation mode enlarges the figures by a relayout; outside it there is nothing to
    undo, and a relayout of every graph as it came only delayed the page (the map most)."""
    page.add_init_script(COUNT_RELAYOUTS)
    page.goto(live_server + "/jamfor?region=SE33")
    page.wait_for_selector("#compare-bars .barlayer .point")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__relayouts") == 0
    page.locator("#present-toggle").click()
    page.wait_for_function("() => window.__relayouts > 0")  # the figures grow for the projector


# Each row of pickers' height when it first came into the page.
RECORD_FIRST_HEIGHTS = """
window.__firstHeights = new Map();
new MutationObserver(() => {
    document.querySelectorAll('.controls').forEach((row) => {
        if (!window.__firstHeights.has(row)) {
            window.__firstHeights.set(row, row.getBoundingClientRect().height);
        }
    });
}).observe(document, {subtree: true, childList: true});
"""


def test_every_row_of_pickers_comes_with_its_height(live_server, page):
    """A picker whose code was still loading stood as its label alone and grew 34 px later,
    moving everything under it (dashboard/chart_code.py)."""
    page.add_init_script(RECORD_FIRST_HEIGHTS)
    for path in ("/jamfor", "/indikatorer", "/maluppfoljning", "/"):
        page.goto(live_server + path)
        page.wait_for_selector(".controls")
        page.wait_for_load_state("networkidle")
        grown = page.evaluate(
            """() => Array.from(window.__firstHeights).filter(([row, first]) =>
                row.isConnected && row.getBoundingClientRect().height !== first
            ).map(([row, first]) => [first, row.getBoundingClientRect().height, row.innerText])"""
        )
        assert grown == [], path


@pytest.mark.parametrize(
    ("link", "notice"),
    [
        (
            "/maluppfoljning?strategy=nope",
            "Okänd strategi 'nope' i länken – visar Regional utvecklingsstrategi för Västmanland"
            " 2030 i stället.",
        ),
        ("/?region=nope", "Okänd region 'nope' i länken – visar Västerbottens län i stället."),
        ("/jamfor?edition=1999", "Okänd upplaga '1999' i länken – visar RIS 2023 i stället."),
        ("/indikatorer?indicator=nope", "Okänd indikator 'nope' i länken – visar "),
        (
            "/jamfor?view=karta",
            "Okänt värde 'karta' för visningen (Diagram eller Karta) i länken – visar Diagram"
            " i stället.",
        ),
        (
            "/jamfor?view=map&mapcolour=blue&mapind=9.9.9",
            "Okänt värde 'blue' för Färg efter i länken – visar Kvot mot jämförelsegruppen",
        ),
        (
            "/jamfor?view=map&mapind=9.9.9",
            "Okänt värde '9.9.9' för Indikator på kartan i länken – visar ",
        ),
        (
            "/indikatorer?indicator=unemployment_rate_20_64&view=map&mapyear=1850",
            "Okänt värde '1850' för År på kartan i länken – visar det senaste året i stället.",
        ),
    ],
)
def test_an_unknown_id_in_a_link_gives_a_notice_and_the_default(live_server, page, link, notice):
    page.goto(live_server + link)
    page.wait_for_selector("main h1")
    page.wait_for_selector("#url-notice")
    assert notice in page.locator("#url-notice").inner_text()
    assert page.locator("#url-notice").get_attribute("role") == "status"
    assert page.console_log.errors() == []


def test_a_known_link_has_no_notice(live_server, page):
    page.goto(live_server + "/maluppfoljning?strategy=vasterbotten_innovation_strategy")
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    assert page.locator("#url-notice").count() == 0


def test_the_default_strategy_is_shown_after_an_unknown_one(live_server, page):
    page.goto(live_server + "/maluppfoljning?strategy=nope&lang=en")
    page.wait_for_selector("#url-notice")
    assert (
        "Unknown strategy 'nope' in the link – showing" in page.locator("#url-notice").inner_text()
    )
    page.wait_for_selector("main h1")
    assert "Västmanland" in page.locator("main h1").inner_text()

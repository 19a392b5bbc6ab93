"""Översikt (the start page) in headless Chromium against the follow-up warehouse."""

import pytest

from dashboard import ids
from tests.browser.helpers import choose, screenshot, wait_for_text

pytestmark = pytest.mark.browser


def test_the_start_page_shows_the_four_cards_for_the_default_region(live_server, page):
    page.goto(live_server + "/")
    page.wait_for_selector("#overview-rii")
    assert page.locator("h1").inner_text() == "Översikt: Västerbottens län"
    rii = page.locator("#overview-rii").inner_text()
    assert "Övre Norrland, RIS 2023 (2023)" in rii and "124,8" in rii and "Stark innovatör" in rii
    extremes = page.locator("#overview-extremes").inner_text()
    assert "Tre starkaste" in extremes and "Tre svagaste" in extremes
    assert (
        "Region Västerbottens innovationsstrategi" in page.locator("#overview-goals").inner_text()
    )
    assert "uppföljningsindikatorer har data" in page.locator("#overview-freshness").inner_text()
    assert page.console_log.errors() == []
    screenshot(page, "oversikt-vasterbotten")


def test_the_chosen_region_is_in_the_permalink_and_remembered(live_server, page):
    page.goto(live_server + "/")
    page.wait_for_selector("#overview-rii")
    choose(page, ids.OVERVIEW_REGION, "Västmanlands")
    wait_for_text(page, "h1", "Västmanland")
    assert "region=SE125" in page.url
    assert "Östra Mellansverige" in page.locator("#overview-rii").inner_text()
    page.reload()
    page.wait_for_selector("#overview-rii")
    assert page.locator("h1").inner_text() == "Översikt: Västmanlands län"
    page.goto(live_server + "/")  # no region in the URL: the browser remembers the last one
    wait_for_text(page, "h1", "Västmanland")
    assert page.console_log.errors() == []


def test_the_start_page_switches_to_english(live_server, page):
    page.goto(live_server + "/?region=SE213")
    page.wait_for_selector("#overview-rii")
    page.locator(f"#{ids.LANG_SWITCH}").click()
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Overview: Kalmar County")
    assert "Strongest and weakest" in page.locator("#overview-extremes").inner_text()
    assert page.console_log.errors() == []

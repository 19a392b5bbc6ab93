"""Datakällor in headless Chromium: every source and indicator with status and freshness."""

import pytest

from dashboard import ids
from tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser


def test_every_source_and_indicator_is_listed_with_its_state(live_server, page, cat):
    page.goto(live_server + "/datakallor")
    page.wait_for_selector("#indicators-table")
    sources = page.locator("#sources-table").inner_text()
    for name in ("Regional Innovation Scoreboard (EU)", "Egna filer", "Måluppföljning (beräknad)"):
        assert name in sources
    indicators = page.locator("#indicators-table tbody tr")
    assert indicators.count() == len(cat.indicators)
    table = page.locator("#indicators-table").inner_text()
    assert "väntar på fil" in table and "laddad" in table
    assert page.locator("#runs-table tbody tr").count() >= 5
    assert page.console_log.errors() == []
    screenshot(page, "datakallor")


def test_the_sources_page_reloads_in_english(live_server, page):
    page.goto(live_server + "/datakallor")
    page.wait_for_selector("#indicators-table")
    page.locator(f"#{ids.LANG_SWITCH}").click()
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Sources: latest run")
    page.reload()
    page.wait_for_selector("text=Sources: latest run")
    assert page.console_log.errors() == []

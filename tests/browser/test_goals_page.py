"""Måluppföljning in headless Chromium against a live server on the follow-up warehouse."""

import pytest

from dashboard import ids
from tests.browser.helpers import choose, figure_data, screenshot, wait_for_graph, wait_for_text

pytestmark = pytest.mark.browser

RII_BUTTON = '[data-key="1|ris:RII"] button'


def chart_names(page) -> list[str]:
    return [trace["name"] for trace in figure_data(page, ids.GOALS_CHART)]


def test_picking_a_delmal_shows_its_chart_target_line_and_sentence(live_server, page):
    page.goto(live_server + "/maluppfoljning")
    page.wait_for_selector("text=Delmål 14: Öka den regionala ekonomiska förnyelseförmågan")
    choose(page, ids.GOALS_STRATEGY, "Västerbotten", "Region Västerbottens")
    choose(page, ids.GOALS_PERIOD, "2019")
    page.wait_for_selector("text=Delmål 1: ")
    page.locator(RII_BUTTON).click()
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#goals-chart .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.some(t => t.name === 'Mål: 1,00');
        }""",
        timeout=20_000,
    )
    target = next(t for t in figure_data(page, ids.GOALS_CHART) if t["name"] == "Mål: 1,00")
    assert set(target["y"]) == {1} and max(target["x"]) == 2030
    assert "Trend i samma takt" in chart_names(page)
    sentence = page.locator(f"#{ids.GOALS_SENTENCE}").inner_text()
    assert sentence.startswith("Innovationsindex (kvot mot innovationsledarna) i Övre Norrland")
    assert "0,929 (2018) till 0,914 (2022), −0,015" in sentence  # the change as judged
    assert "Målet är 1,00 år 2030" in sentence and "▼ försämring" in sentence
    summary = page.locator("#goal-1 .goal-summary").inner_text()
    assert "Delmålets status:" in summary and any(icon in summary for icon in "✔●▲◆▼?")
    assert page.console_log.errors() == []
    screenshot(page, "maluppfoljning-vasterbotten")


def test_the_permalink_brings_back_the_picked_indicator(live_server, page):
    page.goto(
        live_server
        + "/maluppfoljning?strategy=vasterbotten_innovation_strategy&period=2019-2022"
        + "&pick=1%7Cris%3ARII"
    )
    wait_for_graph(page, ids.GOALS_CHART)
    wait_for_text(page, f"#{ids.GOALS_SENTENCE}", "Övre Norrland")
    assert "Mål: 1,00" in chart_names(page)
    choose(page, ids.GOALS_PERIOD, "2023")
    page.wait_for_url("**period=2023-2026**")
    assert "pick=1%7Cris%3ARII" in page.url
    assert page.console_log.errors() == []


def test_the_goal_page_switches_to_english(live_server, page):
    page.goto(live_server + "/maluppfoljning?strategy=kalmar_rus&period=2019-2022")
    page.wait_for_selector("text=Delmål 9: Välutbildad arbetskraft")
    page.locator(f"#{ids.LANG_SWITCH}").click()
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Sub-goal 9: A well-educated workforce")
    assert "strategy=kalmar_rus" in page.url
    assert page.console_log.errors() == []


def test_every_ris_row_of_a_lan_names_the_nuts2_region_it_is_measured_for(live_server, page):
    page.goto(
        live_server
        + "/maluppfoljning?strategy=vasterbotten_innovation_strategy&region=SE331&period=2019-2022"
    )
    page.wait_for_selector("text=Delmål 1: ")
    ris_rows = page.locator('tr[data-key*="|ris:"]')
    assert ris_rows.count() > 0
    for i in range(ris_rows.count()):
        text = ris_rows.nth(i).inner_text()
        assert "mätt för Övre Norrland (SE33 = Västerbottens och Norrbottens län)" in text
    about = page.locator("details", has_text="Om strategin").inner_text()
    assert "RIS" in about  # the strategy's own note is shown
    page.locator(RII_BUTTON).click()
    wait_for_text(page, f"#{ids.GOALS_SOURCE}", "Mätt för Övre Norrland (SE33")
    assert page.console_log.errors() == []


def test_the_goal_page_links_to_the_method(live_server, page):
    page.goto(live_server + "/maluppfoljning?strategy=vastmanland_rus_2030&period=2019-2022")
    page.wait_for_selector("text=Delmål 14")
    page.locator("a", has_text="Så bedöms målen").first.click()
    page.wait_for_selector("#method-example")
    assert "Exempel ur lagret" in page.locator("#method-example").inner_text()
    assert page.console_log.errors() == []

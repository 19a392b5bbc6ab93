"""The leader comparison in headless Chromium against a live server on the RIS 2023 warehouse."""

import pytest

from dashboard import ids
from tests.browser.helpers import (
    choose,
    figure_data,
    screenshot,
    start_server,
    stop_server,
    wait_for_graph,
    wait_for_query,
    wait_for_text,
)

pytestmark = pytest.mark.browser


def test_the_se33_chart_shows_21_bars_around_the_leaders(live_server, page):
    page.goto(live_server + "/jamfor")
    wait_for_graph(page, ids.COMPARE_BARS)
    traces = figure_data(page, ids.COMPARE_BARS)
    labels = [label for trace in traces for label in trace["y"]]
    assert len(labels) == 21
    assert all(trace["base"] == 1 for trace in traces)
    weaker = next(t for t in traces if t["name"] == "Svagare än ledarna")
    trademarks = weaker["y"].index("Varumärken")
    assert weaker["customdata"][trademarks] == ["56,14", "154,78", "0,36"]
    assert page.locator("h1").inner_text() == "Övre Norrland jämfört med Europas innovationsledare"
    # the bars come with the page; the caveats and the source with the page's first callback
    wait_for_text(page, f"#{ids.COMPARE_CAVEATS}", "Västerbottens och Norrbottens län")
    wait_for_text(page, f"#{ids.COMPARE_SOURCE}", "Regional Innovation Scoreboard 2023")
    assert page.console_log.errors() == []
    screenshot(page, "jamfor-se33")


def test_choosing_another_region_redraws_and_updates_the_permalink(live_server, page):
    page.goto(live_server + "/jamfor")
    wait_for_graph(page, ids.COMPARE_BARS)
    choose(page, ids.COMPARE_REGION, "Småland med")
    wait_for_text(page, "h1", "Småland med öarna")
    assert "region=SE21" in page.url
    page.reload()
    wait_for_graph(page, ids.COMPARE_BARS)
    assert page.locator("h1").inner_text().startswith("Småland med öarna")
    assert page.console_log.errors() == []


def test_the_language_switch_turns_the_page_english(live_server, page):
    page.goto(live_server + "/jamfor?region=SE12")
    wait_for_graph(page, ids.COMPARE_BARS)
    page.locator(f"#{ids.LANG_SWITCH}").click()
    page.wait_for_url("**lang=en**")
    wait_for_graph(page, ids.COMPARE_BARS)
    assert (
        page.locator("h1").inner_text()
        == "East Middle Sweden compared with Europe's innovation leaders"
    )
    assert "region=SE12" in page.url


def test_without_data_the_app_starts_and_says_how_to_load_it(tmp_path, page):
    process, url = start_server(f"duckdb:///{tmp_path / 'empty.duckdb'}")
    try:
        page.goto(url + "/jamfor")
        page.wait_for_selector(".empty-state")
        assert "make etl" in page.locator(".empty-state").inner_text()
        assert page.console_log.errors() == []
    finally:
        stop_server(process)


def test_another_benchmark_and_more_regions_are_drawn_and_kept_in_the_permalink(live_server, page):
    page.goto(live_server + "/jamfor?region=SE33")
    wait_for_graph(page, ids.COMPARE_BARS)
    choose(page, ids.COMPARE_BENCHMARK, "Nordiska")
    choose(page, ids.COMPARE_ALSO, "Östra Mellansverige")
    page.keyboard.press("Escape")
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#compare-bars .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.some(t => t.name === 'Östra Mellansverige');
        }"""
    )
    names = [trace["name"] for trace in figure_data(page, ids.COMPARE_BARS)]
    assert names == ["Övre Norrland", "Östra Mellansverige"]
    assert "benchmark=nordic" in page.url and "also=SE12" in page.url
    wait_for_text(page, "#gap-table", "av 244")
    page.reload()
    wait_for_graph(page, ids.COMPARE_BARS)
    assert len(figure_data(page, ids.COMPARE_BARS)) == 2
    assert "nordiska regioner" in page.locator(f"#{ids.COMPARE_GAP} h2").inner_text()
    assert page.console_log.errors() == []
    screenshot(page, "jamfor-nordiska")


def test_an_own_peer_group_is_remembered_by_the_browser(live_server, page):
    page.goto(live_server + "/jamfor?region=SE33&benchmark=custom")
    page.wait_for_selector("text=Välj regioner till den egna jämförelsegruppen.")
    choose(page, ids.COMPARE_PEERS, "Mellersta Norrland")
    page.keyboard.press("Escape")
    wait_for_query(page, "peers=SE32")
    wait_for_graph(page, ids.COMPARE_BARS)
    page.goto(live_server + "/jamfor?region=SE33&benchmark=custom")
    wait_for_query(page, "peers=SE32")  # brought back from the browser's memory
    wait_for_graph(page, ids.COMPARE_BARS)
    wait_for_text(page, f"#{ids.COMPARE_GAP} h2", "egen grupp")
    assert "egen grupp" in page.locator(f"#{ids.COMPARE_GAP} h2").inner_text()
    assert page.console_log.errors() == []


def test_choosing_strong_innovators_renames_the_heading_and_the_trend(live_server, page):
    page.goto(live_server + "/jamfor?region=SE33")
    wait_for_graph(page, ids.COMPARE_BARS)
    choose(page, ids.COMPARE_BENCHMARK, "Starka innovatörer")
    wait_for_text(page, "h1", "starka innovatörer")
    assert page.locator("h1").inner_text() == "Övre Norrland jämfört med Europas starka innovatörer"
    assert "Strong Innovators" in page.locator(f"#{ids.COMPARE_HEADING} p").inner_text()
    wait_for_text(page, f"#{ids.COMPARE_CARD}", "Kvot mot starka innovatörers snitt")
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#compare-trend .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.some(t => t.name === 'Starka innovatörers snitt');
        }"""
    )
    names = [trace["name"] for trace in figure_data(page, ids.COMPARE_TREND)]
    assert names == ["Övre Norrland", "Starka innovatörers snitt", "EU"]
    assert "benchmark=strong" in page.url
    assert page.console_log.errors() == []


def test_london_shows_no_data_instead_of_fine_particles_0(live_server, page):
    page.goto(live_server + "/jamfor?region=UKI")
    wait_for_graph(page, ids.COMPARE_BARS)
    labels = [label for trace in figure_data(page, ids.COMPARE_BARS) for label in trace["y"]]
    assert len(labels) == 20 and "Fina partiklar" not in labels
    wait_for_text(page, "#gap-table", "Fina partiklar")
    row = page.locator("#gap-table tr", has_text="Fina partiklar").inner_text()
    assert "uppgift saknas" in row and "0,00" not in row
    assert (
        "Uppgift saknas för Fina partiklar" in page.locator(f"#{ids.COMPARE_CAVEATS}").inner_text()
    )
    assert page.console_log.errors() == []


def test_an_unknown_region_and_benchmark_in_the_link_are_said_and_replaced(live_server, page):
    page.goto(live_server + "/jamfor?region=XX99&benchmark=best")
    page.wait_for_selector("#url-notice")
    notice = page.locator("#url-notice").inner_text()
    assert "Okänd region 'XX99' i länken – visar Övre Norrland (SE33) i stället." in notice
    assert "Okänd jämförelsegrupp 'best' i länken" in notice
    wait_for_text(page, "h1", "Övre Norrland jämfört med Europas innovationsledare")
    assert page.console_log.errors() == []

"""Indikatorer (the explorer) in headless Chromium: chart, sex split, permalink, downloads."""

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard import ids
from tests.browser.helpers import figure_data, screenshot, wait_for_graph

pytestmark = pytest.mark.browser

MATCHING = "/indikatorer?indicator=matching_rate_20_64&regions=SE213,SE125"


def traces(page) -> list[dict]:
    return figure_data(page, ids.EXPLORER_CHART)


def wait_for_traces(page, n: int) -> None:
    page.wait_for_function(
        """(n) => {
            const gd = document.querySelector('#explorer-chart .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.length === n;
        }""",
        arg=n,
        timeout=20_000,
    )


def test_the_chosen_regions_are_drawn_and_women_and_men_split_them(live_server, page, shared_data):
    page.goto(live_server + MATCHING)
    wait_for_traces(page, 2)
    assert {t["name"] for t in traces(page)} == {"Kalmar län", "Västmanlands län"}
    page.locator(f"#{ids.EXPLORER_SEX} label", has_text="Kvinnor och män").click()
    wait_for_traces(page, 4)
    assert "Kalmar län, kvinnor" in {t["name"] for t in traces(page)}
    assert "sex=KM" in page.url
    page.reload()
    wait_for_traces(page, 4)
    kalmar_women = next(t for t in traces(page) if t["name"] == "Kalmar län, kvinnor")
    source = pd.read_csv(shared_data / "followup" / "matching_rate_20_64.csv")
    expected = source[(source["region"] == "SE213") & (source["sex"] == "K")]["value"].tolist()
    assert kalmar_women["y"] == pytest.approx(expected)
    assert "Om indikatorn" in page.locator(f"#{ids.EXPLORER_META}").inner_text()
    assert page.console_log.errors() == []
    screenshot(page, "indikatorer-matchning")


def test_bars_for_one_year_and_an_index(live_server, page):
    page.goto(live_server + MATCHING + "&mode=bar")
    wait_for_graph(page, ids.EXPLORER_CHART)
    bars = traces(page)
    assert len(bars) == 1 and sorted(bars[0]["y"]) == ["Kalmar län", "Västmanlands län"]
    page.goto(live_server + MATCHING + "&base=2015")
    wait_for_traces(page, 2)
    assert all(t["y"][0] == pytest.approx(100) for t in traces(page))
    assert page.console_log.errors() == []


def test_csv_and_excel_downloads_hold_what_is_shown(live_server, page):
    page.goto(live_server + MATCHING)
    wait_for_traces(page, 2)
    shown = sum(len(t["y"]) for t in traces(page))
    with page.expect_download() as info:
        page.locator(f"#{ids.EXPLORER_CSV}").click()
    download = info.value
    assert download.suggested_filename == "rusmon_matching_rate_20_64.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == shown
    assert {r["regionkod"] for r in rows} == {"SE213", "SE125"}
    float(rows[0]["värde"].replace(",", "."))  # a Swedish decimal number
    with page.expect_download() as info:
        page.locator(f"#{ids.EXPLORER_XLSX}").click()
    with open(info.value.path(), "rb") as handle:
        workbook = openpyxl.load_workbook(handle)
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["indikator_id", "indikator", "regionkod", "region"]
    assert sheet.max_row - 1 == shown
    assert page.console_log.errors() == []


def test_the_explorer_switches_to_english(live_server, page):
    page.goto(live_server + MATCHING)
    wait_for_traces(page, 2)
    page.locator(f"#{ids.LANG_SWITCH}").click()
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=About the indicator")
    assert "regions=SE213%2CSE125" in page.url or "regions=SE213,SE125" in page.url
    assert page.console_log.errors() == []

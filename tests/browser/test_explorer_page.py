"""Indikatorer (the explorer) in headless Chromium: chart, sex split, permalink, downloads,
and the source line naming a hand-kept file's own source."""

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard import ids
from tests.browser.helpers import (
    figure_data,
    screenshot,
    start_server,
    stop_server,
    wait_for_graph,
    wait_for_text,
)
from tests.conftest import make_settings, run_etl

pytestmark = pytest.mark.browser

MATCHING = "/indikatorer?indicator=matching_rate_20_64&regions=SE213,SE125"

# TEST DATA, not statistics: a region's own follow-up file in the real tidy format for an
# indicator whose catalogue source is SCB's API ("SCB regionalräkenskaper (NR0105, TAB3138)").
# The unit is the catalogue's, as in ../shared/data/followup/grp_per_inhabitant.csv.
OWN_FILE = (
    "indicator_id,region,period,sex,value,unit,source,note\n"
    'grp_per_inhabitant,SE331,2021,T,100,"tusen kronor per invånare, löpande priser",'
    "Egen uppföljning,testvärden\n"
    'grp_per_inhabitant,SE331,2022,T,110,"tusen kronor per invånare, löpande priser",'
    "Egen uppföljning,testvärden\n"
)


@pytest.fixture(scope="module")
def own_file_server(tmp_path_factory):
    """A server on its own warehouse holding only the test file, loaded with the manual ETL."""
    folder = tmp_path_factory.mktemp("own_file_server")
    path = folder / "egen_uppfoljning.csv"
    path.write_text(OWN_FILE, encoding="utf-8")
    settings = make_settings(folder)
    result, output = run_etl(settings, "manual", files=(str(path),))
    assert result.status == "ok", output
    process, url = start_server(settings.database_url)
    yield url
    stop_server(process)


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
    # no year chosen for the bars: the empty picker says which year they would show
    assert "Senaste året" in page.locator(f"#{ids.EXPLORER_PERIOD}").inner_text()
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


def test_a_hand_kept_files_own_source_is_shown_under_its_chart(own_file_server, page):
    page.goto(own_file_server + "/indikatorer?indicator=grp_per_inhabitant&regions=SE331")
    wait_for_traces(page, 1)
    source = f"#{ids.EXPLORER_TABLE} .source"
    wait_for_text(page, source, "Egen uppföljning")
    line = page.locator(source)
    assert line.is_visible()
    text = line.inner_text()
    assert "Egen uppföljning (handpåförd fil: egen_uppfoljning.csv" in text
    assert "testvärden" in text
    assert "TAB3138" not in text  # not under the catalogue's official label
    chart = page.locator(f"#{ids.EXPLORER_CHART}").bounding_box()
    assert line.bounding_box()["y"] >= chart["y"] + chart["height"]  # under the chart
    meta = page.locator(f"#{ids.EXPLORER_META}").inner_text()
    assert "handpåförd fil: egen_uppfoljning.csv" in meta
    assert page.console_log.errors() == []
    screenshot(page, "indikatorer-egen-fil")

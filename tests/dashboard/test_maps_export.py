"""Maps as slide images through kaleido (Debian's Chromium): drawn with nothing fetched from
outside, the attribution in the picture, Swedish number formatting on the scale."""

from __future__ import annotations

import io
import re

import plotly.io as pio
import pytest
from PIL import Image

from dashboard.data_access import indicators as indicator_data
from dashboard.data_access.reader import WarehouseReader
from dashboard.export.charts import chart_from_permalink, export_chart
from dashboard.export.slide import slide_figure
from dashboard.views.explorer import default_regions, region_codes
from dashboard.views.maps import sweden_map_view
from tests.maps_support import with_geometry


@pytest.fixture(scope="module")
def reader(followup_warehouse, shared_data, tmp_path_factory):
    settings = with_geometry(followup_warehouse, shared_data, tmp_path_factory.mktemp("mapx"))
    return WarehouseReader(settings.database_url)


def test_the_europe_map_is_a_1920_by_1080_slide_with_the_attribution(reader, cat):
    chart, lang = chart_from_permalink(reader, cat, "/jamfor?region=SE21&year=2023", "map")
    # the figure carries its geometry and names no address: kaleido's page fetches nothing
    # but the base-map topology, which it gets as a data: URL (dashboard/export/browser.py)
    assert not re.search(r"https?://", pio.to_json(chart.figure))
    png, name = export_chart(chart, "png", lang)
    assert name.endswith(".png")
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    svg, _ = export_chart(chart, "svg", lang)
    text = svg.decode("utf-8")
    assert "© EuroGeographics för de administrativa gränserna" in text
    assert "choroplethlocation" in text  # the regions were drawn
    assert ">0,25<" in text and ">Kvot<" in text  # the scale, Swedish
    assert "Småland med öarna (SE21): Innovationsindex" in text  # its own line
    assert "Placering: 93 av 244" in text


def test_the_sweden_map_in_english(reader, cat):
    chart, lang = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=matching_rate_20_64&sex=KM&lang=en", "map"
    )
    svg, _ = export_chart(chart, "svg", lang)
    text = svg.decode("utf-8")
    assert "© EuroGeographics for the administrative boundaries" in text
    assert ">Women<" in text and ">Men<" in text


def test_a_link_copied_on_the_map_tab_exports_the_map(reader, cat):
    chart, _ = chart_from_permalink(reader, cat, "/jamfor?region=SE21&year=2023&view=map")
    assert any(trace.type == "choropleth" for trace in chart.figure.data)
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=unemployment_rate_20_64&view=map"
    )
    assert any(trace.type == "choropleth" for trace in chart.figure.data)
    chart, _ = chart_from_permalink(reader, cat, "/jamfor?region=SE21&year=2023")
    assert all(trace.type == "bar" for trace in chart.figure.data)  # the bars by default


def test_a_map_slide_gives_the_map_the_height_and_puts_its_notes_beside_it(reader, cat):
    chart, lang = chart_from_permalink(reader, cat, "/jamfor?region=SE21&year=2023", "map")
    slide = slide_figure(chart.figure, chart.frame, lang)
    margin = slide.layout.margin
    plot_height = 1080 - margin.t - margin.b
    assert plot_height >= 0.6 * 1080  # before: notes under the map left it about half
    notes = [a for a in slide.layout.annotations if "logaritmisk" in (a.text or "")]
    assert len(notes) == 1
    assert notes[0].yanchor == "top" and notes[0].x > 1  # right of the map's plot area
    # the region's line, the scale and the insets: a list, each note on a bullet of its own
    assert notes[0].text.startswith("• Småland med öarna (SE21)")
    assert notes[0].text.count("• ") == len(chart.frame.notes) == 3


def test_the_sweden_maps_slide_says_what_it_shows_under_its_title(reader, cat):
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=unemployment_rate_20_64&view=map"
    )
    assert chart.frame.title == "Arbetslöshet 20–64 år, 2022 (län)"
    assert chart.frame.subtitle == "Sveriges 21 län, procent"
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=matching_rate_20_64&sex=KM&view=map&lang=en"
    )
    assert chart.frame.subtitle.endswith(", percent · women and men side by side")
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=eurostat_tertiary_attainment_25_64&view=map"
    )
    assert chart.frame.subtitle.startswith("Sveriges 8 riksområden (NUTS 2), ")


def test_a_map_link_without_regions_exports_the_lan_the_page_opens_with(reader, cat):
    """The page outlines its default regions when the link names none; so does the slide."""
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=unemployment_rate_20_64&view=map"
    )
    values = indicator_data.values(reader, "unemployment_rate_20_64")
    opened_with = default_regions(region_codes(values))
    page = sweden_map_view(reader, cat, "unemployment_rate_20_64", None, "T", opened_with, "sv")
    assert chart.frame.notes == tuple(page.notes)
    assert chart.frame.notes[0] == "Västmanlands län 2022: 6,6 procent"

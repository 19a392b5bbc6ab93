"""Maps as slide images through kaleido (Debian's Chromium): drawn with nothing fetched from
outside, the attribution in the picture, Swedish number formatting on the scale."""

from __future__ import annotations

import io
import re

import plotly.io as pio
import pytest
from PIL import Image

from dashboard.data_access.reader import WarehouseReader
from dashboard.export.charts import chart_from_permalink, export_chart
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
    assert ">0,25<" in text and ">Kvot<" in text


def test_the_sweden_map_in_english(reader, cat):
    chart, lang = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=matching_rate_20_64&sex=KM&lang=en", "map"
    )
    svg, _ = export_chart(chart, "svg", lang)
    text = svg.decode("utf-8")
    assert "© EuroGeographics for the administrative boundaries" in text
    assert ">Women<" in text and ">Men<" in text

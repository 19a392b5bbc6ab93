"""The maps on a real warehouse (RIS 2023, the follow-up files and GISCO's boundaries): what
they draw, that the numbers are the stored ones, and that nothing comes from outside the app."""

from __future__ import annotations

import itertools
import json
import math
import re

import pandas as pd
import plotly.io as pio
import pytest

from dashboard.components.map_parts import period_marks
from dashboard.data_access import geo
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.maps import (
    EMPTY_TOPOLOGY,
    MISSING,
    TOPOJSON_NAME,
    Panel,
    ratio_map,
    topojson_data_url,
    value_map,
)
from dashboard.views import maps
from indicators.formatting import format_number
from tests.conftest import ROOT
from tests.maps_support import with_geometry

ATTRIBUTION_SV = "© EuroGeographics för de administrativa gränserna"
ATTRIBUTION_EN = "© EuroGeographics for the administrative boundaries"


@pytest.fixture(scope="module")
def settings(followup_warehouse, shared_data, tmp_path_factory):
    return with_geometry(followup_warehouse, shared_data, tmp_path_factory.mktemp("maps"))


@pytest.fixture(scope="module")
def reader(settings):
    return WarehouseReader(settings.database_url)


def stored(reader, sql: str, **params) -> pd.DataFrame:
    return reader.query(sql, params)


def drawn(figure) -> dict[str, list[str]]:
    """The locations of each trace, by trace name."""
    return {trace.name: list(trace.locations) for trace in figure.data}


def test_the_europe_map_draws_244_regions_with_data_and_no0b_as_no_data(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    traces = drawn(view.figure)
    ratios = traces["Kvot"]
    assert len(ratios) == 244 and "NO0B" not in ratios and "EU" not in ratios
    assert traces["uppgift saknas"] == ["NO0B"]
    missing = next(t for t in view.figure.data if t.name == "uppgift saknas")
    assert missing.showlegend and missing.colorscale[0][1] == MISSING
    assert traces["outline"] == ["SE33"]


def test_the_colours_diverge_around_one_on_a_log_scale_fitted_to_the_ratios(reader, cat):
    # 3.3.2's ratios run from 0.011 to 1.59: the scale shows ⅛ to 2, white at 1, and says
    # that its lower end holds everything below ⅛
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv", indicator="3.3.2")
    data = view.figure.data[0]
    ratios = view.rows.set_index("region_code")["ratio"].dropna()
    assert ratios.min() < 0.125 and 1 < ratios.max() < 2
    assert (data.zmin, data.zmax) == (-3, 1)
    assert list(data.colorbar.ticktext) == ["≤ 0,125", "0,25", "0,5", "1", "2"]
    assert list(data.colorbar.tickvals) == [-3, -2, -1, 0, 1]
    assert [0.75, "#F7F7F7"] in [list(stop) for stop in data.colorscale]  # 1.0 is white
    se33 = list(data.locations).index("SE33")
    assert data.z[se33] == pytest.approx(math.log2(ratios["SE33"]))
    assert min(data.z) == -3  # the smallest ratios sit at the scale's end, not beyond it


def test_a_ratio_is_the_same_colour_whatever_the_maps_range():
    narrow = ratio_map(
        pd.DataFrame({"region_code": ["A", "B"], "ratio": [0.7, 1.3], "hover": ["", ""]}),
        {"type": "FeatureCollection", "features": []},
        lang="sv",
    ).data[0]
    assert (narrow.zmin, narrow.zmax) == (-1, 1)  # at least ½ to 2
    assert list(narrow.colorbar.ticktext) == ["0,5", "1", "2"]
    assert [0.5, "#F7F7F7"] in [list(stop) for stop in narrow.colorscale]
    assert narrow.colorscale[0][1] == "#F5AA4F"  # ½: the colour it has on the ⅛–8 scale too


def test_the_leaders_ratios_are_the_stored_ones(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv", indicator="2.2.2")
    shown = view.rows.set_index("region_code")["ratio"].dropna()
    kept = stored(
        reader,
        "SELECT region_code, ratio FROM ris_leader_ratio WHERE edition = 2023 AND year = 2023 "
        "AND indicator_code = '2.2.2' AND ratio IS NOT NULL AND region_code <> 'EU'",
    ).set_index("region_code")["ratio"]
    assert set(shown.index) == set(kept.index)
    assert (shown[kept.index] - kept).abs().max() < 1e-12
    assert shown["SE33"] == pytest.approx(0.858, abs=5e-4)  # README: without the Swiss zeros


def test_hover_gives_name_value_ratio_and_rank_in_swedish(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    hover = view.rows.set_index("region_code")["hover"]
    assert hover["SE33"] == (
        "<b>Övre Norrland (SE33)</b><br>Innovationsindex 2023: 124,81<br>"
        "Kvot mot innovationsledarnas snitt: 0,85<br>Placering: 57 av 244"
    )
    assert hover["NO0B"].endswith("Innovationsindex 2023: uppgift saknas")


def test_in_english_the_map_speaks_english(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE21", 2023, 2023, "en", colour="group")
    assert set(drawn(view.figure)) >= {
        "Innovation leader",
        "Strong innovator",
        "Moderate innovator",
        "Emerging innovator",
        "no data",
    }
    assert ATTRIBUTION_EN in view.attribution
    texts = [a.text for a in view.figure.layout.annotations]
    assert ATTRIBUTION_EN in texts
    assert "Performance group: Strong innovator" in view.rows.set_index("region_code").loc[
        "SE21", "hover"
    ].replace("<br>", "\n")


def test_the_performance_groups_are_the_published_ones(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv", colour="group")
    sizes = {name: len(codes) for name, codes in drawn(view.figure).items()}
    assert sizes["Innovationsledare"] == 36
    assert sum(sizes[g] for g in sizes if g not in ("outline", "uppgift saknas")) == 244


def test_every_ris_region_has_a_polygon_or_is_listed_as_without_map(reader, cat, monkeypatch):
    codes = set(
        stored(reader, "SELECT DISTINCT region_code FROM ris_score WHERE edition = 2023")[
            "region_code"
        ]
    ) - {"EU"}
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    on_map = {c for t in view.figure.data if t.name != "outline" for c in t.locations}
    assert on_map | set(view.unmapped) == codes and view.unmapped == []
    # a region whose boundary is missing is named on the page, never silently dropped
    shapes = dict(geo.geometries(reader))
    del shapes["SE21"]
    monkeypatch.setattr(geo, "geometries", lambda _reader: shapes)
    fresh = WarehouseReader(reader.url)  # nothing memoised from before
    view = maps.europe_map_view(fresh, cat, "SE33", 2023, 2023, "sv")
    assert view.unmapped == ["SE21"]
    assert any(n.startswith("Saknar karta") and "Småland med öarna (SE21)" in n for n in view.notes)


def test_the_sweden_map_shows_the_21_lan_with_the_stored_values(reader, cat):
    view = maps.sweden_map_view(reader, cat, "unemployment_rate_20_64", "2022", "T", [], "sv")
    assert view.level == 3 and view.period == "2022" and view.periods == ["2020", "2021", "2022"]
    (values,) = [t for t in view.figure.data if t.name == "Totalt"]
    assert len(values.locations) == 21
    kept = stored(
        reader,
        "SELECT region_code, value FROM observation WHERE indicator_id = "
        "'unemployment_rate_20_64' AND period = '2022' AND sex = 'T' AND LENGTH(region_code) = 5",
    ).set_index("region_code")["value"]
    shown = dict(zip(values.locations, values.z, strict=True))
    assert shown == pytest.approx(kept.to_dict())
    for code, hover in zip(values.locations, values.customdata, strict=True):
        assert f"2022: {format_number(kept[code], 1)} procent" in hover
    assert len(view.table.rows) == 21  # one row per län, under "Visa som tabell"
    assert view.table.rows[0] == {"region": "Stockholms län (SE110)", "T": "4,8"}


def test_a_nuts2_indicator_is_drawn_on_the_8_riksomraden_never_as_lan(reader, cat):
    view = maps.sweden_map_view(
        reader, cat, "eurostat_tertiary_attainment_25_64", None, "T", ["SE33"], "sv"
    )
    assert view.level == 2
    locations = {c for t in view.figure.data for c in t.locations}
    assert locations == {r.code for r in cat.regions.swedish(2)}
    assert any("riksområden (NUTS 2), inte för län" in note for note in view.notes)
    collection = maps.geometry_set(reader, maps.NUTS2)
    assert len(collection["features"]) == 8


def test_the_locator_map_shades_the_lan_and_its_nuts2_region(reader, cat):
    figure = maps.locator_view(reader, cat, "SE213", "sv")
    context, area, region = (list(t.locations) for t in figure.data)
    assert region == ["SE213"]
    assert sorted(area) == ["SE211", "SE212", "SE214"]
    assert len(context) == 17


def test_the_geometry_route_serves_each_set_from_the_warehouse(settings):
    from dashboard.app import create_app

    client = create_app(settings.database_url).server.test_client()
    response = client.get("/kartor/ris-2023.geojson")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert len(response.data) < 300_000  # the whole of Europe's RIS regions
    collection = json.loads(response.data)
    assert len(collection["features"]) == 245
    assert client.get("/kartor/se-3.geojson").json["features"][0]["id"].startswith("SE1")
    assert client.get("/kartor/nothing.geojson").status_code == 404
    with client.get("/assets/topojson/world_110m.json") as topology:  # a file: close it
        assert topology.json == EMPTY_TOPOLOGY


def test_a_map_names_no_address_outside_the_app(reader, cat):
    url = maps.europe_map_view(
        reader, cat, "SE33", 2023, 2023, "sv", geometry_url=lambda key: f"/kartor/{key}.geojson"
    )
    text = pio.to_json(url.figure)
    assert not re.search(r"https?://", text)
    inline = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    assert not re.search(r"https?://", pio.to_json(inline.figure))
    assert (ROOT / "dashboard" / "assets" / "topojson" / f"{TOPOJSON_NAME}.json").is_file()
    assert topojson_data_url().startswith("data:application/json,")


def test_every_map_carries_the_attribution(reader, cat):
    for figure in (
        maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv").figure,
        maps.sweden_map_view(reader, cat, "matching_rate_20_64", None, "KM", [], "sv").figure,
        maps.locator_view(reader, cat, "SE33", "sv"),
        ratio_map(
            pd.DataFrame({"region_code": ["SE33"], "ratio": [1.2], "hover": ["x"]}),
            {"type": "FeatureCollection", "features": []},
            lang="sv",
        ),
    ):
        assert ATTRIBUTION_SV in [a.text for a in figure.layout.annotations]


def test_without_boundaries_the_map_says_how_to_load_them(followup_warehouse, cat):
    reader = WarehouseReader(followup_warehouse.database_url)
    assert not geo.loaded(reader)  # the view is there, empty: `rusmon etl geo` never ran
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    assert "rusmon etl geo" in view.figure.layout.annotations[0].text


def test_the_maps_export_as_slides_and_csv(reader, cat):
    from dashboard.export.charts import chart_from_permalink, export_chart

    chart, lang = chart_from_permalink(reader, cat, "/jamfor?region=SE21&mapind=3.3.2", "map")
    assert lang == "sv" and chart.frame.title.startswith("Varumärken 2023: kvot mot")
    text, name = export_chart(chart, "csv", "sv")
    assert name.startswith("SE21-varumarken-2023")
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[0] == "Regionkod;Region;Varumärken 2023;Kvot;Placering;Prestationsgrupp"
    assert len(lines) == 1 + 245
    chart, _ = chart_from_permalink(
        reader, cat, "/indikatorer?indicator=unemployment_rate_20_64&mapyear=2021", "map"
    )
    assert chart.frame.title == "Arbetslöshet 20–64 år, 2021 (län)"
    assert ATTRIBUTION_SV in [a.text for a in chart.figure.layout.annotations]


def test_the_map_sliders_labels_never_crowd_and_the_latest_is_always_labelled():
    twenty = [str(year) for year in range(2000, 2020)]
    marks = period_marks(twenty)
    assert marks[19] == "2019" and 18 not in marks  # "20182019" was drawn before
    assert len(marks) <= 10
    steps = sorted(marks)
    assert {b - a for a, b in itertools.pairwise(steps)} == {2}
    assert period_marks(["2020", "2021", "2022"]) == {0: "2020", 1: "2021", 2: "2022"}
    assert period_marks([]) == {}


def test_on_the_sweden_map_darker_is_better(reader, cat):
    assert cat.indicators["unemployment_rate_20_64"].direction == "lower"
    unemployment = maps.sweden_map_view(reader, cat, "unemployment_rate_20_64", None, "T", [], "sv")
    assert unemployment.figure.data[0].reversescale  # the dark end at the low values
    assert "Mörkare blå = lägre värde, vilket är bättre" in " ".join(unemployment.notes)
    matching = maps.sweden_map_view(reader, cat, "matching_rate_20_64", None, "T", [], "en")
    assert not matching.figure.data[0].reversescale
    assert "Darker blue = a higher value" in " ".join(matching.notes)


def one_panel(values: list[float], decimals: int):
    rows = pd.DataFrame(
        {
            "panel": "T",
            "region_code": [f"SE{n}" for n in range(len(values))],
            "value": values,
            "hover": "",
        }
    )
    empty = {"type": "FeatureCollection", "features": []}
    figure = value_map(
        rows, empty, lang="sv", panels=[Panel("T", "Totalt")], unit="procent", decimals=decimals
    )
    return figure.data[0].colorbar


def test_one_lan_with_a_value_gets_one_label_on_the_scale():
    assert list(one_panel([5.2, math.nan, math.nan], 1).ticktext) == ["5,2"]


def test_no_label_on_the_scale_is_written_twice():
    assert list(one_panel([3.1, 3.4], 0).ticktext) == ["3"]
    assert list(one_panel([3.1, 3.4], 1).ticktext) == ["3,1", "3,2", "3,3", "3,4"]
    wide = list(one_panel([62.3, 85.9], 1).ticktext)
    assert wide == ["65,0", "70,0", "75,0", "80,0", "85,0"]


def test_the_chosen_region_s_value_ratio_and_rank_stand_under_the_europe_map(reader, cat):
    view = maps.europe_map_view(reader, cat, "SE33", 2023, 2023, "sv")
    se33 = view.rows.set_index("region_code").loc["SE33"]
    expected = (
        f"Övre Norrland (SE33): Innovationsindex 2023: {format_number(se33.region_value, 2)}; "
        f"Kvot mot innovationsledarnas snitt: {format_number(se33.ratio, 2)}; "
        f"Placering: {int(se33['rank'])} av {int(se33.ranked)}"
    )
    assert view.notes[0] == expected


def test_the_compared_lans_values_stand_under_the_sweden_map(reader, cat):
    view = maps.sweden_map_view(reader, cat, "matching_rate_20_64", None, "T", ["SE331"], "sv")
    value = view.rows.set_index(["region_code", "sex"]).loc[("SE331", "T"), "value"]
    assert view.notes[0] == f"Västerbottens län {view.period}: {format_number(value, 1)} procent"

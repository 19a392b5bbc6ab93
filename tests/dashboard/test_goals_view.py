"""Måluppföljning computed from a real warehouse holding everything in ../shared/data."""

import pytest

from dashboard.components.goal_list import goal_list
from dashboard.data_access.reader import WarehouseReader
from dashboard.views.goals import goal_page, indicator_view, pick_key
from tests.conftest import make_settings
from tests.dashboard.texts import text_of

VASTMANLAND, VASTERBOTTEN = "vastmanland_rus_2030", "vasterbotten_innovation_strategy"


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


def test_every_delmal_is_listed_with_its_status_in_icon_and_words(reader, cat):
    text = text_of(goal_list(goal_page(reader, cat, VASTMANLAND, "SE125", "2019-2022", "sv"), "sv"))
    for goal in cat.strategies[VASTMANLAND].goals:
        assert f"Delmål {goal.id}: {goal.name_sv}" in text
    assert "● i fas" in text and "▼ försämring" in text
    assert "? kan ej bedömas" in text and "väntar på fil" in text


def test_the_rii_chart_has_the_target_line_the_trend_and_the_shaded_periods(reader, cat):
    view = indicator_view(
        reader, cat, VASTERBOTTEN, "SE331", "2019-2022", pick_key("1", "ris:RII"), "sv"
    )
    names = [trace.name for trace in view.figure.data]
    assert "Mål: 1,00" in names and "Trend i samma takt" in names
    target = next(trace for trace in view.figure.data if trace.name == "Mål: 1,00")
    assert set(target.y) == {1.0} and max(target.x) == 2030
    assert "Utgångsläge 2018: 0,93" in names and "Senaste 2022: 0,91" in names
    bands = [shape for shape in view.figure.layout.shapes if shape.type == "rect"]
    assert len(bands) >= 2  # 2019–2022 and 2023–2026 at least
    assert view.sentence.startswith(
        "Innovationsindex (kvot mot innovationsledarna) i Övre Norrland"
    )
    assert "Målet är 1,00 år 2030" in view.sentence and "▼ försämring" in view.sentence


def test_the_sentence_numbers_are_the_status_figures(reader, cat):
    view = indicator_view(
        reader,
        cat,
        VASTMANLAND,
        "SE125",
        "2019-2022",
        pick_key("19", "unemployment_rate_20_64"),
        "sv",
    )
    assert view.sentence == (
        "Arbetslöshet 20–64 år i Västmanlands län minskade från 8,3\u00a0procent (2020) till "
        "6,6\u00a0procent (2022), \u22121,7\u00a0procentenheter. Målet: Arbetslösheten ska "
        "minska. Bedömning för 2019–2022: ● i fas."
    )
    assert "Källa:" in view.source


def test_an_indicator_split_by_sex_draws_women_and_men(reader, cat):
    view = indicator_view(
        reader, cat, "kalmar_rus", "SE213", "2019-2022", pick_key("9", "matching_rate_20_64"), "sv"
    )
    names = [trace.name for trace in view.figure.data]
    assert {"Totalt", "Kvinnor", "Män"} <= set(names)
    assert "Kvinnor" in text_of(view.table)


def test_no_pick_or_an_unknown_pick_gives_no_chart(reader, cat):
    assert indicator_view(reader, cat, VASTMANLAND, "SE125", "2019-2022", None, "sv") is None
    assert indicator_view(reader, cat, VASTMANLAND, "SE125", "2019-2022", "99|x", "sv") is None


def test_an_empty_warehouse_tells_how_to_compute_the_statuses(tmp_path, cat, backend):
    empty = WarehouseReader(make_settings(tmp_path, backend=backend).database_url)
    text = text_of(goal_list(goal_page(empty, cat, VASTMANLAND, "SE125", "2019-2022", "sv"), "sv"))
    assert "Kör `rusmon etl`" in text

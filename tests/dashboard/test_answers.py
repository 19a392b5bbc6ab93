"""A callback's answer is built once per warehouse version and sent as the same JSON."""

import json
import math

import plotly.graph_objects as go
import pytest
from dash import html
from plotly.io.json import to_json_plotly

from dashboard.callbacks.answers import cached_answer
from dashboard.callbacks.compare import components
from dashboard.data_access.reader import WarehouseReader
from dashboard.views.compare import compare_view


@pytest.fixture
def reader(ris_warehouse):
    return WarehouseReader(ris_warehouse.database_url)


def test_the_same_choices_are_built_once(reader):
    builds = []

    def build():
        builds.append(1)
        return html.P("hej")

    first = cached_answer(reader, ("test", "SE33"), build)
    second = cached_answer(reader, ("test", "SE33"), build)
    cached_answer(reader, ("test", "SE12"), build)
    assert first is second
    assert len(builds) == 2


def test_jamfors_answer_is_the_json_dash_would_have_sent(reader, cat):
    built = components(compare_view(reader, cat, "SE33", 2023, 2023, "sv"), "sv")
    kept = cached_answer(reader, ("compare", "SE33"), lambda: built)
    assert json.loads(to_json_plotly(kept)) == json.loads(to_json_plotly(built))


def test_a_missing_value_is_sent_as_null_not_nan(reader):
    figure = go.Figure(go.Bar(x=["SE33", "SE12"], y=[1.5, math.nan]))
    kept = cached_answer(reader, ("nan",), lambda: figure)
    assert kept["data"][0]["y"] == [1.5, None]
    assert "NaN" not in json.dumps(kept)

"""One number format per indicator, wherever its values are shown: the tables (format_number
with the catalogue's decimals), the charts' hover labels and value axes, and the command line.

Every catalogue indicator with values in the real test warehouse is rendered all three ways;
each value must read the same everywhere: the indicator's decimals, a decimal comma and a
no-break space between thousands in Swedish, a real minus sign, never "k"/"M".
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from dashboard.data_access import indicators as data
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import (
    TICK_FORMAT_STOPS,
    number_format,
    plotly_step,
    separators,
    step_decimals,
)
from dashboard.figures.goal_chart import GoalChart, goal_chart
from dashboard.figures.indicator_chart import indicator_bars, indicator_lines
from etl.goals.report import change_text, goal_report, number_text
from indicators.formatting import MINUS, NBSP, change_decimals, format_number
from indicators.goals.status import Point, period_time

SI_SUFFIX = re.compile(r"\d\s?[kMGT]\b")
FORMAT = re.compile(r",\.(\d)f")
NUMBER = rf"{MINUS}?\d{{1,3}}(?:{NBSP}\d{{3}})*(?:,\d+)?"
# rusmon goals: "2018: 0,929 → 2022: 0,914 kvot mot innovationsledarna (−0,015)"
CHANGE = re.compile(
    rf"\S+: (?P<baseline>{NUMBER}) → \S+: (?P<latest>{NUMBER})(?: .*)? \((?P<change>\+?{NUMBER})\)"
)


def swedish(decimals: int) -> re.Pattern[str]:
    """A number written with exactly `decimals` decimals: '−1 234,5', '254 207', '0,63'."""
    fraction = rf",\d{{{decimals}}}" if decimals else ""
    return re.compile(rf"{MINUS}?\d{{1,3}}(?:{NBSP}\d{{3}})*{fraction}")


def assert_swedish(text: str, decimals: int, where: str) -> None:
    assert swedish(decimals).fullmatch(text), f"{where}: {text!r} is not a number with {decimals}"
    assert "." not in text and not SI_SUFFIX.search(text), f"{where}: {text!r}"
    if decimals == 0:
        assert "," not in text, f"{where}: a whole number shown as {text!r}"


def sample(values: pd.Series, n: int = 25) -> list[float]:
    """The smallest and largest value and an even spread between them."""
    ordered = sorted(set(values.dropna().astype(float)))
    step = max(1, len(ordered) // n)
    return sorted({*ordered[::step], ordered[0], ordered[-1]})


@pytest.fixture(scope="module")
def loaded(followup_warehouse, cat) -> dict[str, pd.DataFrame]:
    """Indicator id → its values in the warehouse, for every indicator that has any."""
    reader = WarehouseReader(followup_warehouse.database_url)
    frames = {i: data.values(reader, i) for i in cat.indicators}
    found = {i: f[f["value"].notna()] for i, f in frames.items() if f["value"].notna().any()}
    assert len(found) >= 10, sorted(found)  # the real data holds a dozen follow-up indicators
    return found


def chart_frame(values: pd.DataFrame, regions: int = 4) -> pd.DataFrame:
    """A chart's input (name, sex, time, period, value) for a few regions' series."""
    shown = values[values["region_code"].isin(sorted(set(values["region_code"]))[:regions])]
    return shown.assign(name=shown["region_code"], time=[period_time(p) for p in shown["period"]])[
        ["name", "sex", "time", "period", "value"]
    ]


def test_a_table_writes_every_value_with_its_indicators_decimals(loaded, cat):
    for indicator_id, values in loaded.items():
        decimals = cat.indicators[indicator_id].decimals
        for value in sample(values["value"]):
            text = format_number(value, decimals, "sv")
            assert_swedish(text, decimals, indicator_id)
            english = format_number(value, decimals, "en")
            assert english == text.replace(",", ".").replace(NBSP, ","), indicator_id


def hover_numbers(figure, unit: str) -> list[tuple[float, str]]:
    """(value, the number its hover label shows) for every point with a hover text."""
    pairs = []
    for trace in figure.data:
        if trace.customdata is None:
            continue
        values = trace.x if trace.orientation == "h" else trace.y
        for value, text in zip(values, trace.customdata, strict=True):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            number = text.split(": ", 1)[-1].removesuffix(f" {unit}").strip()
            pairs.append((value, number))
    return pairs


def assert_value_axis(axis, decimals: int, where: str) -> None:
    """One fixed format on the axis: the decimals its tick step needs, at most the values'."""
    ticks = int(FORMAT.fullmatch(axis.tickformat).group(1))
    assert axis.hoverformat == number_format(decimals), where
    assert axis.exponentformat == "none", where
    assert all(FORMAT.fullmatch(stop.value) for stop in axis.tickformatstops), where
    if axis.tickmode == "linear":  # a span of a few units: a tick at every unit
        step = axis.dtick
        assert step == pytest.approx(10.0**-decimals), where
    else:
        low, high = axis.range
        step = plotly_step(high - low, axis.nticks)
    assert ticks == step_decimals(step) <= decimals, f"{where}: {axis.tickformat} for {step}"
    first = math.ceil(axis.range[0] / step - 1e-9)
    labels = [
        format_number(k * step, ticks, "sv")
        for k in range(first, math.floor(axis.range[1] / step + 1e-9) + 1)
    ]
    assert len(labels) >= 2 and len(set(labels)) == len(labels), f"{where}: {labels}"
    for label in labels:
        assert_swedish(label, ticks, where)


def test_line_charts_hover_and_axes_read_as_the_table(loaded, cat):
    for indicator_id, values in loaded.items():
        indicator = cat.indicators[indicator_id]
        unit, decimals = indicator.unit_text("sv"), indicator.decimals
        for small in (False, True):
            figure = indicator_lines(
                chart_frame(values), title="", unit=unit, decimals=decimals, small_multiples=small
            )
            assert figure.layout.separators == separators("sv") == "," + NBSP
            pairs = hover_numbers(figure, unit)
            assert pairs, indicator_id
            for value, shown in pairs:
                assert shown == format_number(value, decimals, "sv"), indicator_id
                assert_swedish(shown, decimals, f"{indicator_id} hover")
            assert_value_axis(figure.layout.yaxis, decimals, f"{indicator_id} y axis")


def test_bar_charts_hover_and_axes_read_as_the_table(loaded, cat):
    for indicator_id, values in loaded.items():
        indicator = cat.indicators[indicator_id]
        unit, decimals = indicator.unit_text("sv"), indicator.decimals
        latest = values[values["period"] == max(values["period"])]
        figure = indicator_bars(
            chart_frame(latest, regions=30), title="", unit=unit, decimals=decimals
        )
        for value, shown in hover_numbers(figure, unit):
            assert shown == format_number(value, decimals, "sv"), indicator_id
            assert_swedish(shown, decimals, f"{indicator_id} bar")
        assert_value_axis(figure.layout.xaxis, decimals, f"{indicator_id} x axis")


def test_goal_charts_hover_points_target_and_axis_read_as_the_table(loaded, cat):
    for indicator_id, values in loaded.items():
        indicator = cat.indicators[indicator_id]
        unit, decimals = indicator.unit_text("sv"), indicator.decimals
        region = values["region_code"].value_counts().index[0]  # the longest series
        series = chart_frame(values[values["region_code"] == region])
        points = [Point(r.period, r.value) for r in series.sort_values("time").itertuples()]
        target = float(series["value"].max()) * 1.1
        spec = GoalChart(
            title=indicator.name("sv"),
            unit=unit,
            decimals=decimals,
            series=series,
            baseline=points[0],
            latest=points[-1],
            target_value=target,
        )
        figure = goal_chart(spec)
        for value, shown in hover_numbers(figure, unit):
            assert shown == format_number(value, decimals, "sv"), indicator_id
        marks = {t.name for t in figure.data if t.name}
        for point in (points[0], points[-1]):
            shown = format_number(point.value, decimals, "sv")
            assert any(name.endswith(f"{point.period}: {shown}") for name in marks), indicator_id
        assert any(format_number(target, decimals, "sv") in name for name in marks), indicator_id
        assert_value_axis(figure.layout.yaxis, decimals, f"{indicator_id} goal chart")


def test_the_command_line_writes_values_as_the_table(loaded, cat):
    for indicator_id, values in loaded.items():
        decimals = cat.indicators[indicator_id].decimals
        for value in sample(values["value"]):
            assert number_text(value, decimals) == format_number(value, decimals, "sv")


def test_rusmon_goals_writes_baseline_latest_and_change_with_the_indicators_decimals(
    followup_warehouse, cat
):
    """The indicator's decimals, or more (as on the dashboard) only where rounding would hide
    the judged change; a whole-number indicator is never written ',00'."""
    rows = 0
    for strategy_id in cat.strategies:
        statuses, _ = goal_report(followup_warehouse, cat, strategy_id)
        judged = statuses[statuses["baseline_value"].notna() & statuses["latest_value"].notna()]
        for row in judged.itertuples():
            d = change_decimals(row.baseline_value, row.latest_value, int(row.decimals))
            assert d >= int(row.decimals)
            text = change_text(row)
            shown = CHANGE.fullmatch(text)
            assert shown, text
            for number in shown.group("baseline", "latest", "change"):
                assert_swedish(number.lstrip("+"), d, f"{row.indicator_key}: {text}")
            if int(row.decimals) == 0:
                assert ",00" not in text, text
            if row.indicator_id.startswith("ris:"):
                assert row.indicator_name.startswith("RIS: "), row.indicator_name
            else:
                assert row.indicator_name.startswith(cat.indicators[row.indicator_id].name("sv"))
            rows += 1
    assert rows >= 10


def test_every_tick_format_stop_gives_a_step_its_own_decimals():
    for step, decimals in ((20_000, 0), (1, 0), (0.5, 1), (0.1, 1), (0.05, 2), (0.02, 2)):
        stop = next(
            s
            for s in TICK_FORMAT_STOPS
            if (s["dtickrange"][0] is None or s["dtickrange"][0] <= step)
            and (s["dtickrange"][1] is None or step <= s["dtickrange"][1])
        )
        assert stop["value"] == number_format(decimals) == f",.{decimals}f"


def test_drawn_axes_show_every_tick_as_format_number_would(loaded, cat):
    """What plotly.js really draws (kaleido with the system Chromium, as the slide exports):
    the ticks the figure's settings promise, written exactly as format_number writes them."""
    from dashboard.export.images import render

    for indicator_id, values in loaded.items():
        indicator = cat.indicators[indicator_id]
        figure = indicator_lines(
            chart_frame(values, regions=6),
            title="",
            unit=indicator.unit_text("sv"),
            decimals=indicator.decimals,
        )
        svg = render(figure, "svg", width=900, height=460).decode("utf-8")
        labels = re.findall(r'class="ytick"[^>]*>.*?<text[^>]*>(.*?)</text>', svg)
        decimals = int(FORMAT.fullmatch(figure.layout.yaxis.tickformat).group(1))
        assert len(labels) >= 2 and len(set(labels)) == len(labels), (indicator_id, labels)
        for label in labels:
            assert_swedish(label, decimals, f"{indicator_id} drawn tick")
            value = float(label.replace(NBSP, "").replace(",", ".").replace(MINUS, "-"))
            assert label == format_number(value, decimals, "sv")

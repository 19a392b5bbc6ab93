"""The method page states the thresholds the code uses and works an example from the warehouse."""

from pathlib import Path

import pytest

from dashboard.data_access.reader import WarehouseReader
from dashboard.views.method import TOLERANCE, example_row, method_sections, worked_example
from indicators.formatting import format_number
from indicators.goals import verdicts as v


@pytest.fixture(scope="module")
def row(followup_warehouse):
    found = example_row(WarehouseReader(followup_warehouse.database_url))
    assert found is not None, "the real data should give at least one goal with a target level"
    return found


def test_the_worked_example_uses_the_stored_numbers_and_verdict(row, cat):
    text = worked_example(row, cat, "sv")
    for value in ("baseline_value", "latest_value", "target_value", "needed_pace", "achieved_pace"):
        assert format_number(float(row[value]), 3) in text
    verdict = v.BY_CODE[row["status_code"]]
    assert text.endswith(f"{verdict.icon} {verdict.text('sv')}.")
    # the verdict the page shows is the one the pace rule gives for the stored paces
    share = row["achieved_pace"] / row["needed_pace"]
    if row["status_code"] != v.MET.code:
        assert v.from_pace(share) is verdict


def test_the_method_states_the_thresholds_of_the_code():
    text = " ".join(p for _, paragraphs in method_sections("sv") for p in paragraphs)
    assert all(f"{n}\u00a0%" in text for n in ("95", "60", "±1"))
    assert "för litet underlag" in text and "första värdet i perioden" in text
    english = " ".join(p for _, paragraphs in method_sections("en") for p in paragraphs)
    assert "95\u00a0%" in english and "too little to go on" in english


def test_the_readme_states_the_same_method():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### How goals are judged", 1)[1].split("\n## ", 1)[0]
    shares = (v.ON_TRACK_SHARE, v.SPEED_UP_SHARE, TOLERANCE)
    on, up, tol = (round(x * 100) for x in shares)
    assert f"≥ {on} %" in section and f"{up}–{on} %" in section
    assert f"±{tol} %" in section
    assert "strictly before" in section and "fewer than half" in section

"""Numbers and dates as Swedish (and English) readers expect them."""

from datetime import datetime

import numpy as np
import pandas as pd

from indicators.formatting import format_date, format_number, format_signed, format_time


def test_swedish_numbers_have_a_decimal_comma_and_a_space_for_thousands():
    assert format_number(1234.55, 1) == "1\u00a0234,6"
    assert format_number(1234.55, 1, "en") == "1,234.6"
    assert format_number(-0.5, 1) == "\u22120,5"


def test_a_change_has_its_sign_except_when_it_rounds_to_zero():
    assert format_signed(1.66, 1) == "+1,7"
    assert format_signed(-1.66, 1) == "\u22121,7"
    assert format_signed(0.04, 1) == "0,0"
    assert format_signed(-0.04, 1) == "0,0"
    assert format_signed(919.4, 0) == "+919"


def test_missing_dates_and_times_are_a_dash():
    assert format_date(None) == "–"
    assert format_date(pd.NaT) == "–"
    assert format_date(float("nan")) == "–"
    assert format_time(pd.NaT) == "–"
    assert format_date(pd.Timestamp("2026-11-22 20:43:14")) == "2026-11-22"
    assert format_time(datetime(2026, 11, 22, 20, 43, 14)) == "2026-11-22 20:43"


def test_a_negative_number_has_a_real_minus_and_what_rounds_to_zero_has_none():
    assert format_number(-1234.55, 1) == "\u22121\u00a0234,6"
    assert format_number(-1234.55, 1, "en") == "\u22121,234.6"
    assert format_number(-0.04, 1) == "0,0"
    assert format_number(-0.0) == "0"
    assert "-" not in format_number(-7, 0)


def test_zero_and_whole_numbers_have_exactly_the_decimals_asked_for():
    assert format_number(0) == "0"
    assert format_number(0, 2) == "0,00"
    assert format_number(42) == "42"
    assert format_number(42.0, 0) == "42"
    assert format_number(41.5, 0) == "42"  # half up, as people round
    assert format_number(125.85, 1) == "125,9"


def test_missing_values_are_a_dash_whatever_kind_of_missing_they_are():
    for missing in (None, float("nan"), np.nan, pd.NA, np.float64("nan")):
        assert format_number(missing, 1) == "–"
        assert format_number(missing, 1, "en") == "–"


def test_large_numbers_are_grouped_by_thousands_never_shortened():
    assert format_number(254207) == "254\u00a0207"
    assert format_number(254207.21, 0) == "254\u00a0207"
    assert format_number(1_303_000_000) == "1\u00a0303\u00a0000\u00a0000"
    assert format_number(1_303_000_000, 0, "en") == "1,303,000,000"
    assert format_number(1e16) == "10\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000"
    assert format_number(999.5) == "1\u00a0000"
    assert format_number(np.int64(20_000)) == "20\u00a0000"


def test_english_has_a_decimal_point_and_comma_grouping():
    assert format_number(0.5, 2, "en") == "0.50"
    assert format_number(12345.678, 2, "en") == "12,345.68"
    assert format_number(12345.678, 2) == "12\u00a0345,68"


def test_infinity_is_written_as_such_not_as_an_error():
    assert format_number(float("inf")) == "∞"
    assert format_number(float("-inf")) == "\u2212∞"

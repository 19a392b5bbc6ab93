"""Numbers and dates as Swedish (and English) readers expect them."""

from datetime import datetime

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

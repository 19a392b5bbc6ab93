"""Numbers and dates the way Swedish readers expect them (decimal comma, space for thousands).

English output uses a decimal point and comma grouping.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"  # keeps "1 234" on one line
MINUS = "\u2212"  # a real minus sign, as in Swedish typesetting


def format_number(value: float | int | None, decimals: int = 0, lang: str = "sv") -> str:
    """1234.5 -> '1 234,5' (sv) or '1,234.5' (en); None/NaN/NA -> '–'.

    The one number format of every table, hover label, sentence and CLI line (chart axes use
    the same separators: dashboard/figures/common.py): exactly `decimals` decimals, a decimal
    comma and a no-break space between thousands in Swedish, never "k"/"M", a real minus sign
    (U+2212), and no "−0,0" for what rounds to zero."""
    if value is None or _missing(value):
        return "–"
    number = float(value)
    if math.isinf(number):
        return (MINUS if number < 0 else "") + "∞"
    # Round half up on the shortest decimal form, as people do: 125.85 -> 125.9.
    exact = Decimal(repr(number))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return (MINUS if rounded < 0 else "") + text


def format_percent(value: float | None, decimals: int = 0, lang: str = "sv") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_number(value, decimals, lang)}{NBSP}%"


def rounds_to_zero(value: float, decimals: int) -> bool:
    return format_number(value, decimals, "en").lstrip(MINUS).strip("0.") == ""


def format_signed(value: float, decimals: int = 0, lang: str = "sv") -> str:
    """A change with its sign: '+1,7', '−1,7', and '0,0' for what rounds to zero."""
    text = format_number(value, decimals, lang)
    return text if text.startswith(MINUS) or rounds_to_zero(value, decimals) else "+" + text


def _missing(value: object) -> bool:
    try:
        return value is None or bool(value != value)  # NaN and NaT are not equal to themselves
    except TypeError:  # pandas' NA has no truth value
        return True


def format_date(value: date | datetime | None, lang: str = "sv") -> str:
    """ISO dates read well in both languages and sort correctly."""
    return "–" if value is None or _missing(value) else value.strftime("%Y-%m-%d")


def format_time(value: datetime | None, lang: str = "sv") -> str:
    """Date and minute, for load and run times."""
    return "–" if value is None or _missing(value) else value.strftime("%Y-%m-%d %H:%M")


def change_decimals(baseline: float, latest: float, decimals: int, most: int = 4) -> int:
    """The decimals to show a baseline, a latest value and their change with, so that a change
    that was judged stays visible and the three agree: the indicator's own decimals, or more
    (up to `most`) when rounding would make two different values look equal ("0,63 → 0,63")
    or the shown change differ from the difference of the shown values ("0,93 → 0,91, −0,01")."""
    if baseline == latest or _missing(baseline) or _missing(latest):
        return decimals

    def shown(value: float, d: int) -> Decimal:
        return Decimal(format_number(value, d, "en").replace(",", "").replace(MINUS, "-"))

    def agrees(d: int) -> bool:
        return shown(latest, d) - shown(baseline, d) == shown(latest - baseline, d)

    d = decimals
    while d < most and (shown(baseline, d) == shown(latest, d) or not agrees(d)):
        d += 1
    return d

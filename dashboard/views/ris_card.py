"""A region's standing in the RIS as a card: the RII, then performance group, rank among the
grouped regions, and the RII's change since the edition's first year."""

from __future__ import annotations

from dashboard.data_access.ris import RiiSummary
from dashboard.i18n import t
from dashboard.views.model import Card
from indicators.formatting import format_number


def rii_value(summary: RiiSummary, lang: str) -> str:
    return (
        t("ris.no_data", lang) if summary.value is None else format_number(summary.value, 1, lang)
    )


def rii_card(summary: RiiSummary, year: int, lang: str, label: str, lines=()) -> Card:
    """`lines` come between the value and the standing (e.g. the ratio to the benchmark)."""
    group = t(f"group.{summary.group}" if summary.group else "group.none", lang)
    shown = [*lines, f"{t('card.group', lang)}: {group}"]
    strong = {len(shown) - 1: group}
    if summary.rank is not None:
        shown.append(t("card.rank", lang, rank=summary.rank, n=summary.ranked))
    if summary.value is not None and summary.first_value is not None and summary.first_year != year:
        change = summary.value - summary.first_value
        signed = ("+" if change > 0 else "") + format_number(change, 1, lang)
        shown.append(t("card.change", lang, year=summary.first_year, change=signed))
    return Card(label, rii_value(summary, lang), shown, strong)

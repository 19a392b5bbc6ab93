"""The start page's cards computed from the real follow-up warehouse."""

from datetime import date

import pytest

from dashboard.components.overview_cards import overview_cards
from dashboard.data_access.reader import WarehouseReader
from dashboard.views import overview
from dashboard.views.overview import ris_region
from tests.dashboard.texts import text_of


def overview_view(reader, cat, code, lang, today=None):
    """The view as the page shows it."""
    return overview_cards(overview.overview_view(reader, cat, code, lang, today), lang)


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


def test_a_lan_is_shown_through_its_nuts2_region(cat):
    assert ris_region(cat, "SE331") == "SE33"
    assert ris_region(cat, "SE12") == "SE12"


def test_the_cards_for_vastmanland(reader, cat):
    text = text_of(overview_view(reader, cat, "SE125", "sv", today=date(2022, 6, 1)))
    assert "Översikt: Västmanlands län" in text
    assert "Östra Mellansverige, RIS 2023 (2023) 137,7" in text
    assert "Delmål, mandatperioden 2019–2022" in text
    assert "Regional utvecklingsstrategi för Västmanland 2030" in text
    assert "Tre starkaste" in text and "Tre svagaste" in text
    assert "av 22 uppföljningsindikatorer har data" in text


def test_a_region_without_a_strategy_says_so(reader, cat):
    text = text_of(overview_view(reader, cat, "SE110", "sv"))
    assert "Ingen strategi i katalogen följs upp för den här regionen." in text


@pytest.fixture(scope="module")
def ris_reader(ris_warehouse):
    return WarehouseReader(ris_warehouse.database_url)


def test_a_missing_indicator_is_neither_strongest_nor_weakest(ris_reader, cat):
    """London's fine particles are 0,00 in every year of the file: no data, listed apart."""
    text = text_of(overview_view(ris_reader, cat, "UKI", "sv"))
    assert "Fina partiklar:" not in text and "Fina partiklar 0,00" not in text
    assert (
        "Uppgift saknas (0,00 alla år i RIS-filen; ingår inte i jämförelsen): Fina partiklar"
        in text
    )
    assert "Placering 16 av 244 regioner" in text


def test_an_isolated_zero_among_the_weakest_has_its_caveat(ris_reader, cat):
    text = text_of(overview_view(ris_reader, cat, "BG31", "sv"))
    assert "Mest citerade publikationer *: 0,00" in text
    assert "* Mest citerade publikationer: värdet är 0,00 det här året men inte alla år" in text
    assert "Uppgift saknas (0,00 alla år i RIS-filen; ingår inte i jämförelsen): " in text


def test_a_missing_rii_reads_no_data_and_has_no_rank(ris_reader, cat):
    text = text_of(overview_view(ris_reader, cat, "NO0B", "sv"))
    assert "RIS 2023 (2023) uppgift saknas" in text
    assert "Plats" not in text


def test_the_view_is_plain_data_for_the_deck_and_the_profile(reader, cat):
    view = overview.overview_view(reader, cat, "SE125", "sv", today=date(2022, 6, 1))
    assert view.title == "Översikt: Västmanlands län"
    assert view.rii.card.label == "Östra Mellansverige, RIS 2023 (2023)"
    assert view.rii.card.value == "137,7"
    assert view.rii.link.href == "/jamfor?region=SE12&lang=sv"
    assert len(view.extremes.strongest) == overview.SHOWN == len(view.extremes.weakest)
    names = [s.name for s in view.goals.strategies]
    assert "Regional utvecklingsstrategi för Västmanland 2030" in names
    for strategy in view.goals.strategies:
        assert all(count > 0 and status.text for status, count in strategy.counts)

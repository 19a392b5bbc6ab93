"""The start page's cards computed from the real follow-up warehouse."""

from datetime import date

import pytest

from dashboard.callbacks.overview import overview_view, ris_region
from dashboard.data_access.reader import WarehouseReader
from tests.dashboard.texts import text_of


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

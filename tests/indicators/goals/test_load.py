"""Strategies in the catalogue: what the regions publish, checked against the catalogue."""

import pytest

from indicators.catalogue import CATALOGUE_DIR, CatalogueError, load_catalogue
from indicators.goals import models as m


def test_the_seed_strategies_are_in_the_catalogue(cat):
    assert set(cat.strategies) == {
        "vastmanland_rus_2030",
        "orebro_rus",
        "vasterbotten_innovation_strategy",
        "smaland_industrial_agenda",
        "kalmar_rus",
    }
    vastmanland = cat.strategies["vastmanland_rus_2030"]
    assert [g.id for g in vastmanland.goals] == ["14", "15", "16", "19", "20"]
    assert vastmanland.goal("19").name_sv == "Öka andelen sysselsatta"


def test_orebro_compares_itself_with_the_named_lan(cat):
    [gi] = cat.strategies["orebro_rus"].goal("1").indicators
    assert gi.target.type == m.BETTER_THAN_PEERS
    assert set(gi.target.peers) == {"SE125", "SE212", "SE311", "SE211"}


def test_delmal_19_follows_women_men_and_their_gap(cat):
    keys = [gi.key for gi in cat.strategies["vastmanland_rus_2030"].goal("19").indicators]
    assert {
        "employed_share_20_64[K]",
        "employed_share_20_64[M]",
        "employed_share_20_64[K-M]",
    } <= set(keys)


@pytest.fixture
def catalogue_copy(tmp_path):
    import shutil

    shutil.copytree(CATALOGUE_DIR, tmp_path / "catalogue")
    return tmp_path / "catalogue"


def test_an_unknown_indicator_in_a_strategy_is_refused_with_its_place(catalogue_copy):
    path = catalogue_copy / "strategies" / "kalmar_rus.yaml"
    path.write_text(path.read_text().replace("matching_rate_20_64", "no_such_indicator"))
    with pytest.raises(
        CatalogueError,
        match=r"kalmar_rus\.yaml:15: kalmar_rus, mål 9, indikator 3: okänd indikator no_such",
    ) as caught:
        load_catalogue(catalogue_copy)
    assert caught.value.file == str(path) and caught.value.line == 15


def test_a_threshold_without_a_value_is_refused(catalogue_copy):
    path = catalogue_copy / "strategies" / "vasterbotten_innovation_strategy.yaml"
    path.write_text(path.read_text().replace("type: threshold, value: 1.0,", "type: threshold,"))
    with pytest.raises(CatalogueError, match="måltypen threshold kräver value"):
        load_catalogue(catalogue_copy)


def test_an_unknown_ris_measure_is_refused(catalogue_copy):
    path = catalogue_copy / "strategies" / "kalmar_rus.yaml"
    path.write_text(path.read_text().replace("region: SE21,", "region: SE21, measure: scor,"))
    with pytest.raises(
        CatalogueError, match="measure ska vara ratio_to_leaders, score, inte 'scor'"
    ):
        load_catalogue(catalogue_copy)

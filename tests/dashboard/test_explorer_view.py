"""The indicator explorer computed from the real follow-up warehouse."""

import io

import pandas as pd
import pytest

from dashboard.components.explorer_parts import metadata_panel, source_and_table
from dashboard.data_access.indicators import value_sources
from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import plain
from dashboard.views.explorer import (
    csv_text,
    download_frame,
    explorer_frame,
    explorer_view,
    metadata,
)
from tests.conftest import make_settings, run_etl
from tests.dashboard.texts import text_of
from tests.followup_files import indicators_waiting_for_a_file

# TEST DATA, not statistics: a region's own follow-up file in the real tidy format, for an
# indicator whose catalogue source is SCB's API (grp_per_inhabitant, "SCB regionalräkenskaper
# (NR0105, TAB3138)") and for one that only ever comes from a file (business_climate_ranking).
# The units are the catalogue's, as in ../shared/data/followup/grp_per_inhabitant.csv.
OWN_FILE = (
    "indicator_id,region,period,sex,value,unit,source,note\n"
    'grp_per_inhabitant,SE331,2021,T,100,"tusen kronor per invånare, löpande priser",'
    "Egen uppföljning,testvärden\n"
    'grp_per_inhabitant,SE331,2022,T,110,"tusen kronor per invånare, löpande priser",'
    "Egen uppföljning,testvärden\n"
    "business_climate_ranking,SE331,2022,T,42,placering (1 = bäst),Egen uppföljning,\n"
)


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


@pytest.fixture(scope="module")
def matching(shared_data):
    return pd.read_csv(shared_data / "followup" / "matching_rate_20_64.csv")


def test_the_values_shown_are_the_files_values(reader, cat, matching):
    frame = explorer_frame(reader, cat, "matching_rate_20_64", ["SE213"], "KM", None, "sv")
    expected = matching[(matching["region"] == "SE213") & matching["sex"].isin(["K", "M"])]
    assert len(frame) == len(expected)
    assert sorted(frame["value"]) == pytest.approx(sorted(expected["value"]))


def test_an_index_is_100_in_the_base_year(reader, cat, matching):
    frame = explorer_frame(reader, cat, "matching_rate_20_64", ["SE213"], "T", "2015", "sv")
    assert frame[frame["period"] == "2015"]["value"].tolist() == pytest.approx([100.0])
    kalmar = matching[(matching["region"] == "SE213") & (matching["sex"] == "T")].set_index(
        "period"
    )
    last = frame[frame["period"] == "2020"]["value"].iloc[0]
    assert last == pytest.approx(kalmar.loc[2020, "value"] / kalmar.loc[2015, "value"] * 100)


def test_small_multiples_draw_one_panel_per_region(reader, cat):
    view = explorer_view(
        reader,
        cat,
        "matching_rate_20_64",
        ["SE213", "SE125", "SE331"],
        "series",
        None,
        "T",
        None,
        True,
        "sv",
    )
    assert [a.text for a in view.figure.layout.annotations] == [
        "Kalmar län",
        "Västmanlands län",
        "Västerbottens län",
    ]


def test_the_metadata_panel_names_source_unit_and_load(reader, cat):
    meta = text_of(
        metadata_panel(
            explorer_view(
                reader,
                cat,
                "matching_rate_20_64",
                ["SE213"],
                "series",
                None,
                "T",
                None,
                False,
                "sv",
            ).metadata
        )
    )
    assert "SCB regionala matchningsindikatorer (AM9906)" in meta
    assert "Enhet procent" in meta and "Perioder i lagret 2015–2020" in meta


@pytest.mark.parametrize(
    ("indicator", "source"),
    [
        # a hand-kept file: its file is named under "Diagrammets värden", no "(manual)"
        ("unemployment_rate_20_64", "Källa SCB BAS, arbetsmarknadsstatus (AM0210) Diagrammets"),
        # the name says the dataset already: not twice
        ("eurostat_tertiary_attainment_25_64", "Källa Eurostat edat_lfse_04 Diagrammets"),
    ],
)
def test_the_source_names_its_table_once_and_no_loader(reader, cat, indicator, source):
    meta = text_of(metadata_panel(metadata(reader, cat, indicator, "sv")))
    assert source in meta


def test_the_swedish_csv_uses_semicolons_and_decimal_commas(reader, cat):
    frame = download_frame(reader, cat, "matching_rate_20_64", ["SE213"], "T", None, "sv")
    text = csv_text(frame, "sv")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert back["värde"].tolist() == pytest.approx(frame["värde"].tolist())
    assert text.splitlines()[0].startswith("indikator_id;indikator;regionkod")


def test_an_indicator_without_data_says_how_to_load_it(reader, cat, shared_data, request):
    waiting = indicators_waiting_for_a_file(cat, shared_data)
    if waiting:  # an indicator no file in ../shared/data carries yet
        indicator_id, without_it = waiting[0], reader
    else:  # every such file exists: a warehouse without the file load has none of them
        indicator_id = next(i.id for i in cat.indicators.values() if i.source.type == "manual")
        without_it = WarehouseReader(request.getfixturevalue("ris_warehouse").database_url)
        request.addfinalizer(without_it.close)
    view = explorer_view(
        without_it, cat, indicator_id, ["SE125"], "series", None, "T", None, False, "sv"
    )
    assert "rusmon etl" in view.figure.layout.annotations[0].text


@pytest.fixture(scope="module")
def own_file_reader(tmp_path_factory, backend):
    """A warehouse holding only the test file above, loaded as `rusmon etl manual --file`."""
    folder = tmp_path_factory.mktemp("own_file")
    path = folder / "egen_uppfoljning.csv"
    path.write_text(OWN_FILE, encoding="utf-8")
    settings = make_settings(folder, backend=backend)
    result, output = run_etl(settings, "manual", files=(str(path),))
    assert result.status == "ok", output
    reader = WarehouseReader(settings.database_url)
    yield reader
    reader.close()


def _view(reader, cat, indicator_id, region, lang="sv"):
    return explorer_view(
        reader, cat, indicator_id, [region], "series", None, "T", None, False, lang
    )


def test_value_sources_say_which_file_the_values_come_from(own_file_reader):
    sources = value_sources(own_file_reader, "grp_per_inhabitant", ["SE331"])
    assert sources.to_dict("records") == [
        {
            "loader": "manual",
            "origin": "egen_uppfoljning.csv",
            "source_text": "Egen uppföljning",
            "note": "testvärden",
            "first_period": "2021",
            "last_period": "2022",
            "rows": 2,
        }
    ]
    assert value_sources(own_file_reader, "grp_per_inhabitant", ["SE332"]).empty


def test_a_hand_kept_file_for_an_api_indicator_is_called_hand_kept(own_file_reader, cat):
    view = _view(own_file_reader, cat, "grp_per_inhabitant", "SE331")
    assert view.source.startswith(
        "Källa: Egen uppföljning (handpåförd fil: egen_uppfoljning.csv, inte hämtad via API), "
        "anmärkning: testvärden."
    )
    assert "TAB3138" not in view.source  # the official label is not borrowed for the file
    table = text_of(source_and_table(view, "sv"))
    assert "Egen uppföljning (handpåförd fil: egen_uppfoljning.csv" in table
    assert "Egen uppföljning (handpåförd fil: egen_uppfoljning.csv" in view.table.caption
    meta = text_of(metadata_panel(view.metadata))
    assert "Diagrammets värden kommer från" in meta
    assert "handpåförd fil: egen_uppfoljning.csv" in meta and "2 värden, 2021–2022" in meta
    english = plain(_view(own_file_reader, cat, "grp_per_inhabitant", "SE331", "en").source)
    # the file's own words are Swedish: marked so in English
    assert "Egen uppföljning [sv] (hand-kept file: egen_uppfoljning.csv" in english
    assert "note: testvärden [sv]." in english


def test_a_file_only_indicator_names_its_own_file(own_file_reader, cat):
    view = _view(own_file_reader, cat, "business_climate_ranking", "SE331")
    assert view.source.startswith("Källa: Egen uppföljning (egen fil: egen_uppfoljning.csv).")


def test_downloads_carry_each_values_source_and_note(own_file_reader, cat):
    frame = download_frame(own_file_reader, cat, "grp_per_inhabitant", ["SE331"], "T", None, "sv")
    assert set(frame["källa"]) == {
        "Egen uppföljning (handpåförd fil: egen_uppfoljning.csv, inte hämtad via API)"
    }
    assert frame["anmärkning"].tolist() == ["testvärden", "testvärden"]
    english = download_frame(own_file_reader, cat, "grp_per_inhabitant", ["SE331"], "T", None, "en")
    assert list(english.columns[-3:]) == ["source", "status", "note"]


def test_the_real_files_own_source_and_note_reach_the_source_line(reader, cat):
    view = _view(reader, cat, "matching_rate_20_64", "SE213")
    assert view.source.startswith(
        "Källa: SCB regionala matchningsindikatorer (AM9906, matchningsgrad) "
        "(egen fil: matching_rate_20_64.csv), anmärkning: share of employed 20-64"
    )

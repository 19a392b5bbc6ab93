"""The one JSON-stat 2.0 reader, on SCB's real recorded responses and on our own datasets."""

import json

import pytest

from etl.jsonstat import JsonStatError, read_jsonstat, read_pxweb_json
from tests.etl.sources.fixtures import jsonstat


def load(shared_data, name):
    return json.loads((shared_data / "sweden" / name).read_text(encoding="utf-8"))


def test_scbs_recorded_tab638_answer_reads_with_codes_labels_and_date(shared_data):
    dataset = read_jsonstat(load(shared_data, "scb_v2_TAB638_data_response_jsonstat2.json"))
    row = dataset.frame.iloc[0]
    assert (row["Region"], row["Region_label"], row["Kon_label"], row["Tid"]) == (
        "00",
        "Riket",
        "män",
        "2024",
    )
    assert row["value"] == 50937
    assert str(dataset.updated) == "2025-02-21 07:00:00"
    assert dataset.units["BE0101N1"] == {"base": "antal personer", "decimals": 0}


def test_mandatory_notes_are_picked_out(shared_data):
    dataset = read_jsonstat(load(shared_data, "scb_v2_TAB638_data_response_jsonstat2.json"))
    assert len(dataset.notes) == 3
    assert len(dataset.mandatory_notes) == 3
    assert dataset.mandatory_notes[0].startswith("Fr o m 2007-01-01 överförs Heby kommun")


def test_scbs_legacy_json_answer_reads_too(shared_data):
    dataset = read_pxweb_json(load(shared_data, "scb_v1_BefolkningNy_POST_response_json.json"))
    population = dataset.frame[dataset.frame["ContentsCode"] == "BE0101N1"]
    assert population.set_index("Tid")["value"].to_dict() == {
        "2010": 9415570,
        "2011": 9482855,
        "2012": 9555893,
    }
    assert dataset.notes == [
        "Folkökningen definieras som skillnaden mellan folkmängden vid årets början och årets slut."
    ]


def test_sparse_values_status_flags_and_index_lists_are_understood():
    # TEST DATA: Eurostat trng_lfse_04, SE33 and the EU, 2005–2006 (real values and flags).
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["geo", "time"],
        "size": [2, 2],
        "dimension": {
            "geo": {"category": {"index": ["EU27_2020", "SE33"]}},
            "time": {"category": {"index": {"2005": 0, "2006": 1}}},
        },
        "value": {"0": 7.7, "1": 7.8, "3": 25.5},
        "status": {"1": "b"},
    }
    frame = read_jsonstat(document).frame
    assert frame["value"].tolist()[:2] == [7.7, 7.8]
    assert frame["status"].tolist() == [None, "b", "..", None]  # the missing cell is marked


def test_a_cut_off_value_list_is_an_error_not_a_shorter_table():
    document = jsonstat(
        __import__("pandas").DataFrame({"geo": ["SE", "SE33"], "value": [34.3, 30.9]}), ["geo"]
    )
    document["value"] = document["value"][:1]
    with pytest.raises(JsonStatError, match="value har 1 poster men dimensionerna ger 2"):
        read_jsonstat(document)


def test_something_else_than_a_dataset_is_refused():
    with pytest.raises(JsonStatError, match="inget JSON-stat-dataset"):
        read_jsonstat({"error": "Too many requests"})

"""Tillväxtanalys: the real PxWeb XLSX export, the same figures as json-stat2, an online run."""

import json
from urllib.parse import urlsplit

import pandas as pd
import pytest

from etl.snapshots import SourceInput, local_input
from etl.sources.tva import extract, transform
from tests.conftest import make_settings, run_etl
from tests.etl.sources.connectors import observations, online_settings, run
from tests.etl.sources.fixtures import jsonstat
from tests.replay_server import Answer, replay_server

EXPORT = "tva_pxweb_xlsx_export_nystartade_kvartal_lan20_2024-08-21.xlsx"


@pytest.fixture
def export(shared_data) -> SourceInput:
    return local_input("tva", shared_data / "sweden" / "responses" / EXPORT)


def test_the_real_export_gives_53_quarters_of_new_firms_in_dalarna(export, cat):
    frame = transform.parse(cat.indicators["new_firms_quarterly"], [export], cat.regions).frame
    assert len(frame) == 53
    assert set(frame["region_code"]) == {"SE312"}
    by_period = frame.set_index("period")["value"]
    assert by_period["2011Q1"] == 467 and by_period["2024Q1"] == 433
    assert by_period.index.min() == "2011Q1" and by_period.index.max() == "2024Q1"


def test_the_export_is_found_offline_by_its_content_label(shared_data, cat):
    found = extract.local_exports(shared_data, cat.indicators["new_firms_quarterly"])
    assert [f.path.name for f in found] == [EXPORT]


def test_offline_etl_loads_the_export_into_the_observation_view(tmp_path, shared_data, backend):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    result, output = run_etl(settings, "tva")
    assert result.status == "ok", output
    loaded = observations(settings, "tva")
    assert len(loaded) == 53 and loaded["value"].sum() > 0


@pytest.fixture
def tva_jsonstat(export, cat) -> bytes:
    """TEST DATA: the real export's figures as Tillväxtanalys' PxWeb answers in json-stat2.

    The region codes are running numbers as in Tillväxtanalys' tables; the label has the län."""
    frame = transform.parse(cat.indicators["new_firms_quarterly"], [export], cat.regions).frame
    cube = pd.DataFrame(
        {
            "Län": "21",
            "Tid": frame["period"],
            "variabel": "0",
            "value": frame["value"],
        }
    )
    labels = {"Län": {"21": "20 Dalarnas län"}, "variabel": {"0": "antal nystartade företag"}}
    document = jsonstat(cube, ["Län", "Tid", "variabel"], labels, updated="2024-08-21T06:00:00Z")
    return json.dumps(document, ensure_ascii=False).encode()


def test_an_online_run_reads_json_stat2_and_matches_the_export(
    tmp_path, cat, tva_jsonstat, backend
):
    [request] = extract.plan_requests(cat.indicators["new_firms_quarterly"], "root")
    assert request.method == "POST" and request.body["response"] == {"format": "json-stat2"}
    with replay_server() as server:
        settings = online_settings(tmp_path, server.url, backend=backend)
        [request] = extract.plan_requests(
            cat.indicators["new_firms_quarterly"], settings.api_roots["tva"]
        )
        server.route("POST", urlsplit(request.url).path, Answer(tva_jsonstat))
        result, output = run(settings, "tva")
    assert result.status == "ok", output
    loaded = observations(settings, "tva").set_index("period")
    assert len(loaded) == 53
    assert loaded.loc["2023Q4", "value"] == 414
    assert str(loaded.loc["2023Q4", "source_updated"]).startswith("2024-08-21")

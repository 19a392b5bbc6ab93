"""SCB: limits from /config, planned requests, parsing real answers, and an online run."""

import json

import pandas as pd
import pytest

from etl.snapshots import SourceInput
from etl.sources.scb import extract, transform
from indicators.models import Indicator, ScbSource
from tests.etl.sources.connectors import observations, online_settings, run
from tests.etl.sources.fixtures import tab3138 as grp_tab3138
from tests.replay_server import Answer, replay_server

V1_POPULATION = "/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy"
TAB3138 = "/api/v2/tables/TAB3138/data"


def snapshot(path, origin="https://test.invalid") -> SourceInput:
    return SourceInput(path=path, sha256="test", origin=origin)


def test_limits_come_from_scbs_recorded_config(shared_data):
    document = json.loads((shared_data / "sweden" / "scb_v2_config.json").read_text())
    assert extract.limits_from_config(document) == extract.Limits(30, 10.0, 150_000)


def test_grp_per_inhabitant_asks_tab3138_for_all_lan_riket_and_riksomraden(cat):
    [request] = extract.plan_requests(
        cat.indicators["grp_per_inhabitant"],
        {"scb": "https://scb.test/api/v2"},
        cat.regions,
        extract.Limits(),
    )
    assert request.url == "https://scb.test/api/v2/tables/TAB3138/data"
    assert request.params == {"lang": "sv", "outputFormat": "json-stat2"}
    selection = {s["variableCode"]: s["valueCodes"] for s in request.body["selection"]}
    assert selection["ContentsCode"] == ["*"] and selection["Tid"] == ["*"]
    assert len(selection["Region"]) == 21 + 1 + 8
    assert {"00", "24", "RIKS8"} <= set(selection["Region"])


def test_a_query_over_the_cell_limit_is_split_over_the_regions(cat):
    requests = extract.plan_requests(
        cat.indicators["grp_current_prices"],
        {"scb": "x"},
        cat.regions,
        extract.Limits(max_cells=600),
    )
    # one content code x 60 assumed years = 60 cells per region -> 10 regions per request
    assert [len(r.body["selection"][0]["valueCodes"]) for r in requests] == [10, 10, 10]


def test_population_uses_the_legacy_api_with_json_stat2(cat):
    [request] = extract.plan_requests(
        cat.indicators["population"],
        {"scb_v1": "https://api.test/v1"},
        cat.regions,
        extract.Limits(),
    )
    assert request.url == "https://api.test/v1/BE/BE0101/BE0101A/BefolkningNy"
    assert request.body["response"] == {"format": "json-stat2"}
    query = {q["code"]: q["selection"] for q in request.body["query"]}
    assert query["ContentsCode"] == {"filter": "item", "values": ["BE0101N1"]}
    assert query["Tid"] == {"filter": "all", "values": ["*"]}


def test_the_recorded_legacy_answer_gives_population_for_the_whole_country(shared_data, cat):
    path = shared_data / "sweden" / "scb_v1_BefolkningNy_POST_response_json.json"
    parsed = transform.parse(cat.indicators["population"], [snapshot(path)], cat.regions)
    frame = parsed.frame.set_index("period")
    assert frame["value"].to_dict() == {"2010": 9415570, "2011": 9482855, "2012": 9555893}
    assert set(frame["region_code"]) == {"SE"}  # region eliminated = Riket
    assert str(frame["source_updated"].iloc[0]) == "2025-02-21 07:00:00"


def test_the_recorded_v2_answer_maps_sex_and_keeps_mandatory_notes(shared_data, cat):
    # A catalogue entry written for the recorded TAB638 query (test only).
    indicator = Indicator(
        id="population", name_sv="x", name_en="x", description_sv="x", description_en="x",
        unit="antal personer", unit_en="persons", decimals=0, direction="higher",
        frequency="annual", sex_split=True,
        source=ScbSource(
            type="scb", label="SCB TAB638", api="v2", table="TAB638",
            contents={"code": "BE0101N1"}, sex={"variable": "Kon", "codes": {"1": "M", "2": "K"}},
        ),
    )  # fmt: skip
    path = shared_data / "sweden" / "scb_v2_TAB638_data_response_jsonstat2.json"
    parsed = transform.parse(indicator, [snapshot(path)], cat.regions)
    row = parsed.frame.iloc[0]
    assert (row["region_code"], row["period"], row["sex"], row["value"]) == (
        "SE",
        "2024",
        "M",
        50937,
    )
    assert sum(mandatory for _, mandatory in parsed.notes) == 3


@pytest.fixture
def tab3138(shared_data) -> bytes:
    """TAB3138 with real GRP figures (tests.etl.sources.fixtures), and a mandatory note."""
    notes = {"note": ["Testanteckning"], "extension": {"noteMandatory": {"0": True}}}
    return json.dumps(grp_tab3138(shared_data, extra=notes), ensure_ascii=False).encode()


@pytest.fixture
def config_fast(shared_data) -> bytes:
    """SCB's recorded /config with a tighter limit (2 calls per second), to measure quickly."""
    document = json.loads((shared_data / "sweden" / "scb_v2_config.json").read_text())
    return json.dumps(document | {"maxCallsPerTimeWindow": 2, "timeWindow": 1}).encode()


def test_an_online_run_loads_keeps_snapshots_and_respects_scbs_limit(
    tmp_path, shared_data, tab3138, config_fast, backend
):
    v1 = (shared_data / "sweden" / "scb_v1_BefolkningNy_POST_response_json.json").read_bytes()
    with replay_server() as server:
        server.route("GET", "/api/v2/config", Answer(config_fast))
        server.route("POST", TAB3138, Answer(tab3138))
        server.route("POST", V1_POPULATION, Answer(v1))
        settings = online_settings(tmp_path, server.url, backend=backend)
        result, output = run(settings, "scb")
        assert result.status == "ok", output
        assert len(server.requests_to(TAB3138)) == 2  # "*" and NR0105AH; identical ones sent once
        assert server.max_calls_in_window(1.0) <= 2
    loaded = observations(settings, "scb")
    grp = loaded[loaded["indicator_id"] == "grp_per_inhabitant"].set_index(
        ["region_code", "period"]
    )
    expected = pd.read_csv(shared_data / "followup" / "grp_per_inhabitant.csv")
    for row in expected.itertuples():
        assert grp.loc[(row.region, str(row.period)), "value"] == row.value
    assert grp.loc[("SE331", "2021"), "source_updated"] == pd.Timestamp("2023-12-14 07:00:00")
    assert set(loaded["indicator_id"]) == {
        "grp_current_prices",
        "grp_per_inhabitant",
        "grp_per_employed",
        "population",
    }
    assert loaded[loaded["indicator_id"] == "grp_per_employed"]["value"].isna().all()
    assert len(list((settings.raw_dir / "scb").glob("*.source.json"))) == 3
    # Offline now: the same snapshots, so nothing to do.
    offline = settings.__class__(**{**settings.__dict__, "offline": True})
    result, output = run(offline, "scb")
    assert result.status == "unchanged", output


def test_a_failing_request_loads_nothing_and_keeps_earlier_data(
    tmp_path, shared_data, tab3138, config_fast, backend
):
    v1 = (shared_data / "sweden" / "scb_v1_BefolkningNy_POST_response_json.json").read_bytes()
    with replay_server() as server:
        server.route("GET", "/api/v2/config", Answer(config_fast))
        server.route("POST", TAB3138, Answer(tab3138))
        server.route("POST", V1_POPULATION, Answer(v1))
        settings = online_settings(tmp_path, server.url, backend=backend)
        run(settings, "scb")
        before = observations(settings)
        server.route("POST", TAB3138, Answer(status=500))
        result, output = run(settings, "scb")
    assert result.status == "failed"
    assert "HTTP 500" in output and "tables/TAB3138/data" in output
    pd.testing.assert_frame_equal(observations(settings), before)


def test_a_truncated_answer_is_retried_and_loads_whole(
    tmp_path, shared_data, tab3138, config_fast, backend
):
    v1 = (shared_data / "sweden" / "scb_v1_BefolkningNy_POST_response_json.json").read_bytes()
    with replay_server() as server:
        server.route("GET", "/api/v2/config", Answer(config_fast))
        server.route("POST", TAB3138, Answer(tab3138, truncate_to=200), Answer(tab3138))
        server.route("POST", V1_POPULATION, Answer(v1))
        settings = online_settings(tmp_path, server.url, backend=backend)
        result, output = run(settings, "scb")
    assert result.status == "ok", output
    assert len(observations(settings, "scb")) > 0


def test_an_answer_that_is_not_json_is_a_clear_error(tmp_path, config_fast, backend):
    with replay_server() as server:
        server.route("GET", "/api/v2/config", Answer(config_fast))
        server.route("POST", TAB3138, Answer(b"<html>Service unavailable</html>"))
        server.route("POST", V1_POPULATION, Answer(b"{}"))
        settings = online_settings(tmp_path, server.url, backend=backend)
        result, output = run(settings, "scb")
    assert result.status == "failed"
    assert "ingen giltig JSON" in output and "TAB3138" in output
    assert observations(settings).empty

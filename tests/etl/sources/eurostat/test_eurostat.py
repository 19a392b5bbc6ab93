"""Eurostat: the real bulk TSV excerpts, the same rows as JSON-stat 2.0, and an online run."""

import json
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from etl.snapshots import local_input
from etl.sources.eurostat import extract, transform
from tests.conftest import make_settings, run_etl
from tests.etl.sources.connectors import observations, online_settings, run
from tests.etl.sources.fixtures import jsonstat
from tests.replay_server import Answer, replay_server

TRNG = "trng_lfse_04_SE_EU_excerpt.tsv"
EDAT = "edat_lfse_04_ED5-8_SE_EU_excerpt.tsv"


def parse_tsv(shared_data, cat, name, indicator):
    snapshot = local_input("eurostat", shared_data / "eurostat" / name)
    frame = transform.parse(cat.indicators[indicator], [snapshot], cat.regions).frame
    return frame.set_index(["region_code", "period"])


def test_lifelong_learning_2019_is_as_eurostat_published_it(shared_data, cat):
    frame = parse_tsv(shared_data, cat, TRNG, "eurostat_lifelong_learning_25_64")
    assert frame.loc[("SE33", "2019"), "value"] == 30.9
    assert frame.loc[("SE12", "2019"), "value"] == 34.5
    assert frame.loc[("SE", "2019"), "value"] == 34.3
    assert frame.loc[("EU", "2019"), "value"] == 10.8


def test_flags_are_kept_and_colons_are_missing(shared_data, cat):
    frame = parse_tsv(shared_data, cat, TRNG, "eurostat_lifelong_learning_25_64")
    assert frame.loc[("SE", "2018"), "status"] == "b"  # break in series
    assert frame.loc[("SE", "2000"), "status"] == "u"  # low reliability
    assert pd.isna(frame.loc[("SE", "2004"), "value"])
    assert frame.loc[("SE", "2004"), "status"] == ".."


def test_eu28_is_not_a_region_we_follow_and_is_left_out(shared_data, cat):
    frame = parse_tsv(shared_data, cat, TRNG, "eurostat_lifelong_learning_25_64").reset_index()
    assert "EU28" not in set(frame["region_input"])
    assert len(frame) == 13 * 20  # geos in the catalogue × 2000–2019


def test_tertiary_attainment_2019(shared_data, cat):
    frame = parse_tsv(shared_data, cat, EDAT, "eurostat_tertiary_attainment_25_64")
    assert frame.loc[("SE33", "2019"), "value"] == 39.7
    assert frame.loc[("EU", "2019"), "value"] == 31.6


def test_offline_etl_loads_both_excerpts(tmp_path, shared_data, backend):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    result, output = run_etl(settings, "eurostat")
    assert result.status == "ok", output
    assert len(observations(settings, "eurostat")) == 2 * 13 * 20


def as_jsonstat(path) -> bytes:
    """TEST DATA: the real TSV rows as Eurostat's API answers them (JSON-stat 2.0)."""
    raw = transform.read_bulk_tsv(path)
    cube = raw.rename(columns={"period": "time"}).assign(freq="A")
    document = jsonstat(
        cube,
        [
            "freq",
            *[
                c
                for c in raw.columns
                if c not in ("period", "value", "status", "bad_value", "line")
            ],
            "time",
        ],
        label="Participation in education and training (last 4 weeks) by NUTS 2 regions",
        updated="2020-04-24T23:00:00+0200",
    )
    flagged = {str(i): s for i, s in enumerate(cube["status"]) if isinstance(s, str) and s != ".."}
    document["status"] = flagged  # positions coincide: one geo × time cell per row
    return json.dumps(document).encode()


def test_an_online_run_asks_for_the_filters_and_reads_json_stat(
    tmp_path, cat, shared_data, backend
):
    trng_jsonstat = as_jsonstat(shared_data / "eurostat" / TRNG)
    with replay_server() as server:
        settings = online_settings(tmp_path, server.url, backend=backend)
        plans = {
            i.id: extract.plan_requests(i, settings.api_roots["eurostat"])[0]
            for i in cat.indicators.values()
            if i.source.type == "eurostat"
        }
        trng = plans["eurostat_lifelong_learning_25_64"]
        server.route("GET", urlsplit(trng.url).path, Answer(trng_jsonstat))
        edat = plans["eurostat_tertiary_attainment_25_64"]
        server.route("GET", urlsplit(edat.url).path, Answer(b'{"error": "no data"}'))
        result, output = run(settings, "eurostat")
        assert result.status == "failed"  # one answer is not JSON-stat: nothing is loaded
        assert "edat_lfse_04" in output
        assert observations(settings).empty
        query = parse_qs(server.requests_to(urlsplit(trng.url).path)[0].query)
        assert query["unit"] == ["PC"] and query["age"] == ["Y25-64"] and "SE33" in query["geo"]
        server.route(
            "GET", urlsplit(edat.url).path, Answer(as_jsonstat(shared_data / "eurostat" / EDAT))
        )
        result, output = run(settings, "eurostat")
    assert result.status == "ok", output
    loaded = observations(settings).set_index(["indicator_id", "region_code", "period"])
    trng_se33 = loaded.loc[("eurostat_lifelong_learning_25_64", "SE33", "2019")]
    assert trng_se33["value"] == 30.9
    assert loaded.loc[("eurostat_lifelong_learning_25_64", "SE", "2018"), "status"] == "b"
    assert str(trng_se33["source_updated"]).startswith("2020-04-2")

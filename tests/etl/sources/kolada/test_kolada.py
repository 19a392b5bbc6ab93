"""Kolada v3: planned requests, real figures in Kolada's shape, paging, and an online run."""

import json
from urllib.parse import urlsplit

import pandas as pd
import pytest

from etl.errors import SourceError
from etl.snapshots import SourceInput
from etl.sources.kolada import extract, transform
from tests.etl.sources.connectors import observations, online_settings, run
from tests.etl.sources.fixtures import kolada_page, kolada_rows_from_csv, route_kolada
from tests.etl.sources.fixtures import rd_business as real_rd_business
from tests.replay_server import Answer, replay_server

FOU = "kolada_fou_per_inv_lan_2011-2021_via_region_dalarna.csv"
N00914 = "kolada_N00914_forvarvsarbetande_20-64_dalarna_KMT_via_region_dalarna.csv"


def page_file(tmp_path, values, name="page.json") -> SourceInput:
    path = tmp_path / name
    path.write_bytes(kolada_page(values))
    return SourceInput(path=path, sha256="test", origin="https://kolada.test")


def test_requests_ask_for_all_lan_and_riket_in_blocks_of_25_years(cat):
    requests = extract.plan_requests(
        cat.indicators["rd_business_per_inhabitant"], "https://k.test/v3", cat.regions, 2026
    )
    meta, *data = requests
    assert meta.url == "https://k.test/v3/kpi/N85085"
    assert [r.url.rsplit("/year/", 1)[1].split(",")[0] for r in data] == ["2000", "2025"]
    ids = data[0].url.split("/municipality/")[1].split("/")[0].split(",")
    assert len(ids) == 22 and "0000" in ids and "0024" in ids


def test_real_dalarna_employment_keeps_the_split_by_women_and_men(shared_data, cat, tmp_path):
    values = kolada_rows_from_csv(
        shared_data / "sweden" / N00914,
        "N00914",
        "Förvärvsarbetande invånare 20-64 år, andel (%)",
        municipality="0020",
    )
    parsed = transform.parse(
        cat.indicators["employed_share_20_64"], [page_file(tmp_path, values)], cat.regions
    )
    frame = parsed.frame.set_index(["period", "sex"])
    assert set(parsed.frame["region_code"]) == {"SE312"}
    assert len(frame) == 36  # 2010–2021 × K, M, T
    assert frame.loc[("2010", "K"), "value"] == pytest.approx(75.659181)
    assert frame.loc[("2010", "T"), "value"] == pytest.approx(77.182986)


def test_a_kpi_without_sex_split_keeps_only_the_total(shared_data, cat, tmp_path):
    values = kolada_rows_from_csv(
        shared_data / "sweden" / FOU,
        "N85085",
        "value",
        kpi_title="Företagens utgifter för egen FoU",
    )
    values[0]["values"].append({"count": 1, "gender": "K", "status": "", "value": 1.0})
    parsed = transform.parse(
        cat.indicators["rd_business_per_inhabitant"], [page_file(tmp_path, values)], cat.regions
    )
    assert set(parsed.frame["sex"]) == {"T"}
    assert len(parsed.frame) == 21 * 6  # 21 län, odd years 2011–2021


def test_a_missing_value_is_kept_as_missing_not_as_zero(cat, tmp_path):
    values = [
        {
            "kpi": "N85085",
            "municipality": "0024",
            "period": 2012,
            "values": [{"count": 0, "gender": "T", "status": "", "value": None}],
        }
    ]
    parsed = transform.parse(
        cat.indicators["rd_business_per_inhabitant"], [page_file(tmp_path, values)], cat.regions
    )
    row = parsed.frame.iloc[0]
    assert pd.isna(row["value"]) and row["status"] == ".."


def test_an_answer_that_is_not_kolada_names_the_snapshot(cat, tmp_path):
    path = tmp_path / "N85085_2000-2024.json"
    path.write_text(json.dumps({"error": "Not found"}))
    snapshot = SourceInput(path=path, sha256="x", origin="https://kolada.test/v3/data/kpi/N85085")
    with pytest.raises(SourceError, match=r"N85085_2000-2024\.json.*values saknas"):
        transform.parse(cat.indicators["rd_business_per_inhabitant"], [snapshot], cat.regions)


@pytest.fixture
def rd_business(shared_data) -> list[dict]:
    return real_rd_business(shared_data)


def route_all_kpis(server, cat, settings, pages: dict[str, list[bytes]]) -> None:
    """Every Kolada KPI in the catalogue answers; those without pages answer with no values."""
    route_kolada(server, settings.api_roots["kolada"], pages)


def test_an_online_run_follows_the_pages_and_loads_every_value(tmp_path, cat, rd_business, backend):
    with replay_server() as server:
        settings = online_settings(tmp_path, server.url, backend=backend)
        [_, first, _] = extract.plan_requests(
            cat.indicators["rd_business_per_inhabitant"],
            settings.api_roots["kolada"],
            cat.regions,
        )
        half = len(rd_business) // 2
        second = first.url + "?page=2&per_page=63"
        pages = {
            "N85085": [
                kolada_page(rd_business[:half], next_url=second),
                kolada_page(rd_business[half:]),
            ]
        }
        route_all_kpis(server, cat, settings, pages)
        result, output = run(settings, "kolada")
        assert result.status == "ok", output
        assert "page=2" in server.requests_to(urlsplit(first.url).path)[-1].query
    assert "svarade utan värden" in output
    loaded = observations(settings, "kolada")
    rd = loaded[loaded["indicator_id"] == "rd_business_per_inhabitant"]
    assert len(rd) == len(rd_business) == 126
    stockholm = rd.set_index(["region_code", "period"]).loc[("SE110", "2011")]
    assert stockholm["value"] == pytest.approx(13728.601803)
    assert str(stockholm["source_updated"]).startswith("2023-03-01")


def test_a_kolada_error_midway_loads_nothing(tmp_path, cat, rd_business, backend):
    with replay_server() as server:
        settings = online_settings(tmp_path, server.url, backend=backend)
        route_all_kpis(server, cat, settings, {"N85085": [kolada_page(rd_business)]})
        assert run(settings, "kolada")[0].status == "ok"
        before = observations(settings)
        [_, first, _] = extract.plan_requests(
            cat.indicators["rd_public_per_inhabitant"], settings.api_roots["kolada"], cat.regions
        )
        server.route("GET", urlsplit(first.url).path, Answer(status=503, body=b"busy"))
        result, output = run(settings, "kolada")
    assert result.status == "failed"
    assert "kolada" in output and "503" in output
    pd.testing.assert_frame_equal(observations(settings), before)

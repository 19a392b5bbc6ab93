"""/healthz, the data version on every response and the plain 503 answers, on a DuckDB
warehouse through the app's own test client (the PostgreSQL side runs real servers in
tests/deploy)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.app import create_app
from dashboard.data_access.reader import WarehouseReader, WarehouseUnavailable
from tests.conftest import make_settings, run_etl
from tests.deploy.support import page_request

VERSION = "X-Rusmon-Data-Version"
UNAVAILABLE_SV = "Lagret (databasen) svarar inte just nu"


@pytest.fixture(scope="module")
def warehouse_file(tmp_path_factory, shared_data) -> Path:
    """A real DuckDB warehouse (Eurostat's files, offline), built once for this module."""
    settings = make_settings(tmp_path_factory.mktemp("health"), sources_dir=shared_data)
    result, output = run_etl(settings, "eurostat")
    assert result.status == "ok", output
    assert settings.duckdb_path is not None
    return settings.duckdb_path


@pytest.fixture
def live_file(warehouse_file, tmp_path) -> Path:
    """A copy the test may replace, as a load does."""
    path = tmp_path / "warehouse" / "rusmon.duckdb"
    path.parent.mkdir()
    shutil.copyfile(warehouse_file, path)
    return path


def client_for(path: Path):
    return create_app(f"duckdb:///{path}").server.test_client()


def swap_in(source: Path, target: Path) -> None:
    """What `rusmon etl` does to a DuckDB warehouse: a new file renamed over the old one."""
    staging = target.with_name(".staging")
    shutil.copyfile(source, staging)
    staging.replace(target)


def test_healthz_answers_200_with_the_data_version_and_the_last_load_of_each_source(live_file):
    client = client_for(live_file)
    reply = client.get("/healthz")
    assert reply.status_code == 200
    body = reply.get_json()
    assert body["status"] == "ok" and body["reachable"] is True
    assert body["backend"] == "duckdb"
    assert body["data_version"] == reply.headers[VERSION]
    assert body["data_version"].startswith("file-")
    assert set(body["last_loads"]) >= {"eurostat"}
    assert body["last_loads"]["eurostat"].endswith("Z")
    assert reply.headers["Cache-Control"] == "no-store"


def test_every_response_names_the_same_data_version(live_file):
    client = client_for(live_file)
    version = client.get("/healthz").headers[VERSION]
    for path in ("/", "/jamfor", "/datakallor", "/assets/warehouse.js", "/_dash-layout"):
        with client.get(path) as reply:  # a file's response holds the file open until closed
            assert reply.headers[VERSION] == version, path
    content = client.post("/_dash-update-component", json=page_request("/datakallor"))
    assert content.status_code == 200
    assert content.headers[VERSION] == version


def test_a_new_load_is_served_from_the_very_next_request(live_file, warehouse_file):
    client = client_for(live_file)
    before = client.get("/healthz").headers[VERSION]
    swap_in(warehouse_file, live_file)
    after = client.get("/jamfor").headers[VERSION]  # no waiting for a periodic check
    assert after != before
    assert client.get("/healthz").get_json()["data_version"] == after


def test_healthz_is_503_when_the_warehouse_file_is_missing(tmp_path):
    client = client_for(tmp_path / "none.duckdb")
    reply = client.get("/healthz")
    assert reply.status_code == 503
    body = reply.get_json()
    assert body["status"] == "missing" and body["reachable"] is False
    assert body["data_version"] is None
    assert "rusmon etl" in body["message"]
    assert reply.headers[VERSION] == "none"
    page = client.get("/jamfor")  # pages stay calm before the first load: they say so
    assert page.status_code == 200


def test_an_unopenable_warehouse_gets_503_everywhere_and_recovers_without_a_restart(
    live_file, warehouse_file
):
    live_file.write_bytes(b"not a DuckDB file " * 1000)
    client = client_for(live_file)

    health = client.get("/healthz")
    assert health.status_code == 503
    body = health.get_json()
    assert body["status"] == "unavailable" and body["reachable"] is False
    assert body["error"] == "IOException"
    assert health.headers[VERSION] == "unavailable"

    page = client.get("/jamfor?region=SE33")
    assert page.status_code == 503
    text = page.get_data(as_text=True)
    assert UNAVAILABLE_SV in text and '<html lang="sv">' in text
    assert "Traceback" not in text and "IOException" not in text
    assert 'href="/jamfor?region=SE33"' in text  # "Försök igen" reloads the same page
    assert page.headers["Retry-After"] and page.headers["Content-Security-Policy"]
    english = client.get("/jamfor?lang=en").get_data(as_text=True)
    assert "The data warehouse (database) is not answering right now" in english

    callback = client.post("/_dash-update-component", json=page_request("/jamfor"))
    assert callback.status_code == 503
    assert callback.get_json()["error"] == "warehouse-unavailable"
    assert callback.get_json()["message"].startswith(UNAVAILABLE_SV)
    in_english = client.post(
        "/_dash-update-component",
        json=page_request("/jamfor", "?lang=en"),
        headers={"Referer": "http://localhost/jamfor?lang=en"},
    )
    assert in_english.get_json()["message"].startswith("The data warehouse")

    swap_in(warehouse_file, live_file)  # the next load writes a good file
    assert client.get("/healthz").status_code == 200
    assert client.get("/jamfor").status_code == 200


def test_a_request_reads_the_file_it_started_with_even_when_a_load_replaces_it(
    live_file, warehouse_file, tmp_path
):
    """One version per request on DuckDB: an open connection keeps reading its file."""
    reader = WarehouseReader(f"duckdb:///{live_file}")
    count = "SELECT COUNT(*) AS n FROM etl_run"
    try:
        with reader.pinned():
            version = reader.version()
            before = reader.query(count)["n"].iloc[0]
            next_file = tmp_path / "next.duckdb"
            shutil.copyfile(warehouse_file, next_file)
            with duckdb.connect(str(next_file)) as conn:  # a load that adds a run
                conn.execute("INSERT INTO etl_run_log SELECT * REPLACE ('x' AS run_id) "
                             "FROM etl_run_log LIMIT 1")  # fmt: skip
            next_file.replace(live_file)
            assert reader.version() == version
            assert reader.query(count + " WHERE rows >= 0")["n"].iloc[0] == before
        assert reader.version() != version
        assert reader.query(count)["n"].iloc[0] == before + 1
    finally:
        reader.close()


def test_a_reader_outside_a_request_raises_plainly_on_an_unopenable_file(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"\0" * 4096)
    reader = WarehouseReader(f"duckdb:///{path}")
    with pytest.raises(WarehouseUnavailable):
        reader.query("SELECT 1")

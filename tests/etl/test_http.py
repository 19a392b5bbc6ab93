"""The HTTP client against a local replay server: retried where it should be, clear errors where not."""

import json
import time

import pytest

from etl.errors import SourceError
from etl.http import HttpClient, RateLimiter
from tests.replay_server import Answer, replay_server

CONFIG_PATH = "/api/v2/config"


@pytest.fixture
def config_body(shared_data) -> bytes:
    return (shared_data / "sweden" / "scb_v2_config.json").read_bytes()


def client(**kwargs) -> HttpClient:
    defaults = {"timeout": 1.0, "retries": 3, "backoff": 0.05}
    return HttpClient("scb", **(defaults | kwargs))


def test_a_recorded_response_is_replayed(config_body):
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(config_body))
        assert client().get_json(server.url + CONFIG_PATH)["maxDataCells"] == 150000


def test_429_is_retried_after_the_seconds_the_server_asks_for(config_body):
    with replay_server() as server:
        server.route(
            "GET",
            CONFIG_PATH,
            Answer(status=429, headers={"Retry-After": "1"}),
            Answer(config_body),
        )
        started = time.monotonic()
        assert client().get_json(server.url + CONFIG_PATH)["timeWindow"] == 10
        calls = server.requests_to(CONFIG_PATH)
    assert len(calls) == 2
    assert calls[1].at - calls[0].at >= 1.0
    assert time.monotonic() - started < 5


def test_a_server_error_is_retried_with_backoff(config_body):
    with replay_server() as server:
        server.route(
            "GET", CONFIG_PATH, Answer(status=500), Answer(status=503), Answer(config_body)
        )
        assert client().get_json(server.url + CONFIG_PATH)["maxCallsPerTimeWindow"] == 30
        assert len(server.requests_to(CONFIG_PATH)) == 3


def test_a_timeout_is_retried(config_body):
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(config_body, delay=2.0), Answer(config_body))
        assert client(timeout=0.5).get_json(server.url + CONFIG_PATH)["timeWindow"] == 10
        assert len(server.requests_to(CONFIG_PATH)) == 2


def test_a_truncated_body_is_retried(config_body):
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(config_body, truncate_to=100), Answer(config_body))
        assert client().get_json(server.url + CONFIG_PATH)["maxDataCells"] == 150000
        assert len(server.requests_to(CONFIG_PATH)) == 2


def test_a_persistent_failure_is_a_clear_error_after_the_last_retry():
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(status=500))
        with pytest.raises(SourceError) as caught:
            client(retries=2).get(server.url + CONFIG_PATH)
        assert len(server.requests_to(CONFIG_PATH)) == 3
    assert "scb: GET" in str(caught.value) and "misslyckades efter 3 försök: HTTP 500" in str(
        caught.value
    )


def test_invalid_json_is_a_clear_error_and_not_retried():
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(b'{"maxDataCells": 150000,'))
        with pytest.raises(SourceError, match="är ingen giltig JSON"):
            client().get_json(server.url + CONFIG_PATH)
        assert len(server.requests_to(CONFIG_PATH)) == 1


def test_a_client_error_is_not_retried():
    with replay_server() as server:
        with pytest.raises(SourceError, match="HTTP 404"):
            client().get(server.url + "/api/v2/tables/TAB0000/data")
        assert len(server.log) == 1


def test_the_rate_limit_is_never_exceeded_as_measured_by_the_server(config_body):
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, Answer(config_body))
        # a request the client gave up on may still reach the server later: no timeouts here
        limited = client(timeout=30.0, rate_limit=RateLimiter(calls=5, per_seconds=1.0))
        for _ in range(16):
            limited.get(server.url + CONFIG_PATH)
        assert len(server.log) == 16
        assert server.max_calls_in_window(1.0) <= 5


def test_retries_count_against_the_rate_limit_too(config_body):
    with replay_server() as server:
        server.route("GET", CONFIG_PATH, *[Answer(status=503)] * 6, Answer(config_body))
        limited = client(
            timeout=30.0, retries=8, backoff=0.0, rate_limit=RateLimiter(calls=3, per_seconds=1.0)
        )
        assert json.loads(limited.get(server.url + CONFIG_PATH).content)["timeWindow"] == 10
        assert server.max_calls_in_window(1.0) <= 3


def test_a_call_leaves_the_window_only_a_full_window_after_its_answer_came_back():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(calls=1, per_seconds=1.0, clock=lambda: now[0], sleep=sleep, margin=0.0)
    with limiter.slot():
        now[0] += 0.5  # the server may stamp the request as late as its answer
    limiter.wait()
    assert slept == [1.0] and now[0] == 1.5

"""`rusmon serve` against careless and hostile clients: a client that hangs up kills no worker,
a forged callback request is answered with a 4xx (never a 500), an oversized body gets 413,
every response carries the security headers and no gunicorn banner, and every page still works
under the Content-Security-Policy."""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard import ids
from tests.browser.helpers import ARTIFACTS, start_server, stop_server

pytestmark = pytest.mark.browser

PAGES = ("/", "/jamfor", "/maluppfoljning", "/indikatorer", "/datakallor")
CALLBACK = "/_dash-update-component"


class Server:
    """A `rusmon serve` process of our own (2 gunicorn workers): this module kills clients on
    purpose and counts the workers, which it should not do to the shared live server."""

    def __init__(self, process, url: str):
        self.process = process
        self.url = url
        self.port = urlsplit(url).port
        self.log = ARTIFACTS / f"server-{self.port}.log"

    def workers(self) -> list[int]:
        """The gunicorn workers: the children of the master, which is the `rusmon serve`
        process itself."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended while we looked
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return sorted(children)

    def request(
        self, method: str, path: str, body: bytes | None = None, content_type: str | None = None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": content_type} if content_type else {}
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def post_json(self, body: object) -> tuple[int, http.client.HTTPMessage, bytes]:
        return self.request("POST", CALLBACK, json.dumps(body).encode(), "application/json")


@pytest.fixture(scope="module")
def server(followup_warehouse) -> Iterator[Server]:
    process, url = start_server(followup_warehouse.database_url)
    served = Server(process, url)
    deadline = time.monotonic() + 30
    while len(served.workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    yield served
    stop_server(process)


# -- building callback requests the way the browser does ----------------------------------------


class Callbacks:
    """Real callback requests, built from the app's own dependency list and the values each
    page's layout starts with; the forgeries below are made by changing one thing in them."""

    def __init__(self, server: Server):
        self.server = server
        status, _, raw = server.request("GET", "/_dash-dependencies")
        assert status == 200
        self.dependencies = json.loads(raw)

    def dependency(self, output: str) -> dict:
        """The server-side callback whose outputs include `output` ("id.property")."""
        for dependency in self.dependencies:
            if dependency.get("clientside_function"):
                continue
            if output in dependency["output"].strip(".").split("..."):
                return dependency
        raise LookupError(output)

    @staticmethod
    def body(dependency: dict, values: dict[str, object]) -> dict:
        def with_values(items):
            return [
                {**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in items
            ]

        output = dependency["output"]
        if output.startswith(".."):
            names = output.strip(".").split("...")
            outputs = [dict(zip(("id", "property"), n.rsplit(".", 1), strict=True)) for n in names]
        else:
            outputs = dict(zip(("id", "property"), output.rsplit(".", 1), strict=True))
        inputs = with_values(dependency["inputs"])
        return {
            "output": output,
            "outputs": outputs,
            "inputs": inputs,
            "state": with_values(dependency["state"]),
            "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs[:1]],
        }

    def page(self, path: str, search: str = "") -> dict:
        pages = self.dependency("_pages_content.children")
        return self.body(
            pages, {"_pages_location.pathname": path, "_pages_location.search": search}
        )

    def start_values(self, path: str) -> dict[str, object]:
        """Every component's starting value/data on a page, as "id.property" -> value."""
        status, _, raw = self.server.post_json(self.page(path))
        assert status == 200, raw[:500]
        values: dict[str, object] = {}

        def walk(node):
            if isinstance(node, dict):
                props = node.get("props")
                if isinstance(props, dict) and isinstance(props.get("id"), str):
                    for prop in ("value", "data"):
                        if prop in props:
                            values[f"{props['id']}.{prop}"] = props[prop]
                for child in node.values():
                    walk(child)
            elif isinstance(node, list):
                for child in node:
                    walk(child)

        walk(json.loads(raw))
        return values


@pytest.fixture(scope="module")
def callbacks(server: Server) -> Callbacks:
    return Callbacks(server)


def compare(cb: Callbacks, **changes) -> dict:
    return cb.body(
        cb.dependency(f"{ids.COMPARE_BARS}.figure"), {**cb.start_values("/jamfor"), **changes}
    )


def goals_chart(cb: Callbacks, **changes) -> dict:
    values = {**cb.start_values("/maluppfoljning"), f"{ids.GOALS_PICK}.data": "1|ris:RII"}
    return cb.body(cb.dependency(f"{ids.GOALS_CHART}.figure"), {**values, **changes})


def explorer(cb: Callbacks, **changes) -> dict:
    return cb.body(
        cb.dependency(f"{ids.EXPLORER_CHART}.figure"),
        {**cb.start_values("/indikatorer"), **changes},
    )


def without(body: dict, key: str) -> dict:
    return {k: v for k, v in body.items() if k != key}


def pattern_click(cb: Callbacks, forged_id: object) -> dict:
    """The goal list's pattern-matching click callback, with a forged component id (a dict
    {"type": …, "key": …} in the browser)."""
    body = cb.body(cb.dependency(f"{ids.GOALS_PICK}.data"), {})
    name = forged_id if isinstance(forged_id, str) else json.dumps(forged_id)
    return {
        **body,
        "inputs": [[{"id": forged_id, "property": "n_clicks", "value": 1}]],
        "changedPropIds": [f"{name}.n_clicks"],
    }


REGION = f"{ids.COMPARE_REGION}.value"
FORGED_JSON = {
    "a list where the region code should be": lambda cb: compare(cb, **{REGION: ["SE33"]}),
    "an unknown region code": lambda cb: compare(cb, **{REGION: "XX99"}),
    "a dict where the region code should be": lambda cb: compare(cb, **{REGION: {"a": 1}}),
    "an int where the region code should be": lambda cb: compare(cb, **{REGION: 12}),
    "text where the edition year should be": lambda cb: compare(
        cb, **{f"{ids.COMPARE_EDITION}.value": "abc"}
    ),
    "an int where a list of regions should be": lambda cb: compare(
        cb, **{f"{ids.COMPARE_ALSO}.value": 7}
    ),
    "markup as the benchmark": lambda cb: compare(
        cb, **{f"{ids.COMPARE_BENCHMARK}.value": "<script>alert(1)</script>"}
    ),
    "a list as the language": lambda cb: compare(cb, **{f"{ids.COMPARE_LANG}.data": ["en"]}),
    "an int where the picked indicator key should be": lambda cb: goals_chart(
        cb, **{f"{ids.GOALS_PICK}.data": 5}
    ),
    "a dict where the picked indicator key should be": lambda cb: goals_chart(
        cb, **{f"{ids.GOALS_PICK}.data": {"goal": 1}}
    ),
    "an unknown strategy": lambda cb: goals_chart(cb, **{f"{ids.GOALS_STRATEGY}.value": "nope"}),
    "an int where a dict component id should be": lambda cb: pattern_click(cb, 5),
    "a string where a dict component id should be": lambda cb: pattern_click(cb, "x"),
    "numbers and nulls as region codes": lambda cb: explorer(
        cb, **{f"{ids.EXPLORER_REGIONS}.value": [1, None, {}]}
    ),
    "a dict as the year": lambda cb: explorer(cb, **{f"{ids.EXPLORER_PERIOD}.value": {"a": 1}}),
    "an int as the page path": lambda cb: cb.body(
        cb.dependency("_pages_content.children"),
        {"_pages_location.pathname": 5, "_pages_location.search": {"a": 1}},
    ),
    "garbage in the page query": lambda cb: cb.page("/jamfor", "?region=%ff%00&year=x&also=,,,"),
    "no output key": lambda cb: without(compare(cb), "output"),
    "no inputs key": lambda cb: without(compare(cb), "inputs"),
    "fewer inputs than the callback takes": lambda cb: {
        **compare(cb),
        "inputs": compare(cb)["inputs"][:2],
    },
    "an int as the inputs": lambda cb: {**compare(cb), "inputs": 3},
    "a string as the outputs": lambda cb: {**compare(cb), "outputs": "x"},
    "an unknown output": lambda cb: {**compare(cb), "output": "nope.children"},
    "an int as the changed properties": lambda cb: {**compare(cb), "changedPropIds": 5},
    "a list instead of an object": lambda cb: [1, 2, 3],
    "a string instead of an object": lambda cb: "hello",
    "null instead of an object": lambda cb: None,
}
FORGED_RAW = {
    "not JSON": (b"{not json", "application/json"),
    "JSON sent as text/plain": (b"{}", "text/plain"),
    "no body": (b"", "application/json"),
    "invalid UTF-8": (b'{"output": "\xff\xfe"}', "application/json"),
    "NaN as the output": (b'{"output": NaN}', "application/json"),
    "nesting deeper than the parser goes": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
}


def test_the_request_builder_makes_requests_the_server_answers(server, callbacks):
    """Without this the forgeries below could all fail for a dull reason."""
    for body in (compare(callbacks), goals_chart(callbacks), explorer(callbacks)):
        status, _, raw = server.post_json(body)
        assert status == 200, raw[:500]


@pytest.mark.parametrize("forgery", FORGED_JSON)
def test_a_forged_callback_request_is_answered_below_500(server, callbacks, forgery):
    status, _, raw = server.post_json(FORGED_JSON[forgery](callbacks))
    assert status < 500, raw[:500]


@pytest.mark.parametrize("forgery", FORGED_RAW)
def test_a_malformed_callback_body_is_answered_below_500(server, forgery):
    body, content_type = FORGED_RAW[forgery]
    status, _, raw = server.request("POST", CALLBACK, body, content_type)
    assert 400 <= status < 500, raw[:500]


def test_a_refused_callback_says_why_in_json(server, callbacks):
    status, headers, raw = server.post_json(without(compare(callbacks), "output"))
    assert status == 400
    assert headers.get_content_type() == "application/json"
    assert json.loads(raw)["error"] == "bad-request"


def test_a_body_over_one_megabyte_is_refused_with_413(server, callbacks):
    padded = {**compare(callbacks), "padding": "x" * 1_100_000}
    assert server.post_json(padded)[0] == 413
    # announced too large: refused before the body is read
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    with connection:
        connection.sendall(
            b"POST " + CALLBACK.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n"
        )
        assert connection.makefile("rb").readline().split()[1] == b"413"
    # a body just under the limit still gets an answer from the app
    assert server.post_json({**compare(callbacks), "padding": "x" * 900_000})[0] == 200


def _asset_paths(server: Server) -> list[str]:
    _, _, html = server.request("GET", "/jamfor")
    text = html.decode()
    scripts = [part.split('"', 1)[0] for part in text.split('<script src="')[1:]]
    styles = [part.split('"', 1)[0] for part in text.split('<link rel="stylesheet" href="')[1:]]
    return [urlsplit(path).path for path in (scripts[:2] + styles[:1])]


def test_every_response_has_the_security_headers_and_no_gunicorn_banner(server, callbacks):
    responses = {path: server.request("GET", path) for path in PAGES}
    for path in ("/_dash-layout", "/_dash-dependencies", "/no-such-page", *_asset_paths(server)):
        responses[path] = server.request("GET", path)
    responses["callback"] = server.post_json(compare(callbacks))
    responses["refused callback"] = server.post_json([1])
    responses["too large"] = server.post_json({"padding": "x" * 1_100_000})
    assert len(responses) >= 12
    for what, (status, headers, _) in responses.items():
        assert status < 500, what
        csp = headers["Content-Security-Policy"]
        assert csp is not None, what
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'", what
        assert directives["frame-ancestors"] == "'none'", what
        assert directives["object-src"] == "'none'", what
        assert "'unsafe-inline'" not in directives["script-src"], what
        assert "'unsafe-eval'" not in directives["script-src"], what
        assert headers["X-Content-Type-Options"] == "nosniff", what
        assert headers["X-Frame-Options"] == "DENY", what
        assert headers["Referrer-Policy"], what
        banners = headers.get_all("Server") or []
        assert not any("gunicorn" in banner.lower() for banner in banners), (what, banners)


def _abort(port: int, request: bytes) -> None:
    """Send a request and hang up without reading the answer."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.sendall(request)
    connection.close()


def _http(method: str, path: str, body: bytes = b"") -> bytes:
    return (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def test_clients_that_hang_up_before_the_answer_kill_no_worker(server, callbacks):
    heavy = [
        _http("POST", CALLBACK, json.dumps(compare(callbacks)).encode()),
        _http("POST", CALLBACK, json.dumps(callbacks.page("/jamfor")).encode()),
        _http("POST", CALLBACK, json.dumps(explorer(callbacks)).encode()),
        _http("GET", "/jamfor"),
        _http("GET", "/_dash-dependencies"),
    ]
    workers = server.workers()
    assert len(workers) == 2
    for i in range(10):
        _abort(server.port, heavy[i % len(heavy)])
    # connections are accepted in order: once this is answered, all ten were taken up
    assert server.request("GET", "/_dash-layout")[0] == 200
    time.sleep(1.5)  # let the last of them finish writing to their closed sockets
    assert server.workers() == workers
    assert "SIGPIPE" not in server.log.read_text()
    assert server.post_json(compare(callbacks))[0] == 200


# -- the pages under the CSP, in Chromium ---------------------------------------------------------

REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => console.error(
    "CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile));
"""


@pytest.mark.parametrize("path", PAGES)
def test_every_page_works_under_the_content_security_policy(server, page, path):
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    response = page.goto(server.url + path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    if path in ("/jamfor", "/indikatorer"):  # plotly draws under the policy
        # the visible chart (the map's pane comes first in the page, hidden until chosen)
        page.locator(".js-plotly-plot .main-svg >> visible=true").first.wait_for(timeout=20_000)
    assert page.console_log.errors() == []

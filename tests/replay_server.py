"""A local HTTP server on 127.0.0.1 that replays recorded responses and injects faults.

Each route (method, path) has a script of answers, used in order (the last one repeats):
    Answer(body=..., status=200, headers=...)      a normal answer
    Answer(status=429, headers={"Retry-After": "1"})
    Answer(delay=5)                                 answer late (the client times out first)
    Answer(body=b"...", truncate_to=100)            promise the whole body, send 100 bytes
The server logs every request with its arrival time, so tests can measure rate limits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0
    truncate_to: int | None = None


@dataclass
class Logged:
    at: float
    method: str
    path: str
    query: str
    body: bytes


class ReplayServer:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer]] = {}
        self.log: list[Logged] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _answer(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                with server._lock:
                    server.log.append(Logged(time.monotonic(), method, path, parts.query, body))
                    script = server.routes.get((method, path))
                    answer = (script.pop(0) if len(script) > 1 else script[0]) if script else None
                if answer is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if answer.delay:
                    time.sleep(answer.delay)
                self.send_response(answer.status)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                sent = (
                    answer.body if answer.truncate_to is None else answer.body[: answer.truncate_to]
                )
                try:
                    self.wfile.write(sent)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout): that is the point of the test
                if answer.truncate_to is not None:
                    self.close_connection = True

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self._answer("POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def route(self, method: str, path: str, *answers: Answer) -> None:
        self.routes[(method, path)] = list(answers)

    def requests_to(self, path: str) -> list[Logged]:
        return [entry for entry in self.log if entry.path == path]

    def max_calls_in_window(self, window: float) -> int:
        """The most requests that arrived within any `window` seconds."""
        times = sorted(entry.at for entry in self.log)
        best, start = 0, 0
        for end, moment in enumerate(times):
            while moment - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best


@contextmanager
def replay_server() -> Iterator[ReplayServer]:
    server = ReplayServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()

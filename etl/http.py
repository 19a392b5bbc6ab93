"""HTTP for the connectors: timeouts, retries with backoff, the source's rate limit.

Retried: 429 (honouring Retry-After), 5xx, timeouts, dropped connections and truncated
bodies. Not retried: other 4xx and answers that are not what was asked for (invalid
JSON), which become a clear error naming the source and the URL. Every attempt, retries
included, counts against the rate limit, because that is what the server counts.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from etl.errors import SourceError

USER_AGENT = "rusmon/0.1 (regional indicator follow-up; +https://example.invalid/rusmon)"
RETRY_STATUS = {429, 500, 502, 503, 504}


class _Call:
    """One request in the limiter's window: counted from when it was sent until its answer
    came back, and for `per_seconds` after that."""

    __slots__ = ("answered", "at")

    def __init__(self, at: float):
        self.at = at
        self.answered = False


class RateLimiter:
    """At most `calls` requests in any sliding window of `per_seconds` seconds, as the server
    measures it.

    The server stamps a request when it arrives, some time after the client sent it and before
    its answer comes back; scheduling can stretch both gaps. So a call is taken as sent when the
    wait is over (read from the monotonic clock after the sleep) and only starts to age once its
    answer has come back: the next call in the window then leaves at least `per_seconds` (plus
    `margin`) after the server could last have stamped the old one, however late either side ran.
    """

    def __init__(
        self,
        calls: int,
        per_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        margin: float = 0.01,
    ):
        self.calls = calls
        self.per_seconds = per_seconds
        self.margin = margin
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[_Call] = deque()
        self._lock = threading.Lock()

    def update(self, calls: int, per_seconds: float) -> None:
        """New limits, keeping the calls already sent (they still count)."""
        with self._lock:
            self.calls, self.per_seconds = calls, per_seconds

    def wait(self) -> _Call:
        """Block until one more call fits in the window; the call counts from now on.
        Pass what this returns to `answered` when the answer (or the failure) is in."""
        with self._lock:
            while True:
                now = self._clock()
                self._sent = deque(
                    call
                    for call in self._sent
                    if not (call.answered and now - call.at >= self.per_seconds)
                )
                if len(self._sent) < self.calls:
                    call = _Call(now)
                    self._sent.append(call)
                    return call
                ageing = [call.at for call in self._sent if call.answered]
                # none answered yet (calls from other threads in flight): look again shortly
                left = self.per_seconds - (now - min(ageing)) if ageing else 0.0
                self._sleep(max(left + self.margin, 0.001))  # > 0, whatever the float rounding

    def answered(self, call: _Call) -> None:
        """The call's answer came back: from now on it ages out of the window."""
        call.at = max(call.at, self._clock())
        call.answered = True

    @contextmanager
    def slot(self) -> Iterator[None]:
        """`with limiter.slot(): send the request and read the answer`."""
        call = self.wait()
        try:
            yield
        finally:
            self.answered(call)


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class HttpClient:
    def __init__(
        self,
        source: str,
        *,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        rate_limit: RateLimiter | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        progress: Callable[[str], None] | None = None,
    ):
        self.source = source
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.rate_limit = rate_limit
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self._sleep = sleep
        self._progress = progress or (lambda _message: None)
        self.attempts = 0  # every request sent, for progress output and tests

    def get(self, url: str, params: dict[str, Any] | None = None) -> requests.Response:
        return self._request("GET", url, params=params)

    def post_json(self, url: str, body: Any, params: dict[str, Any] | None = None):
        return self._request("POST", url, json=body, params=params)

    def get_json(self, url: str, params: dict[str, Any] | None = None) -> Any:
        return self.parse_json(self.get(url, params=params))

    def parse_json(self, response: requests.Response) -> Any:
        try:
            return json.loads(response.content.decode(response.encoding or "utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SourceError(
                self.source, f"svaret från {response.url} är ingen giltig JSON: {exc}"
            ) from exc

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        last_problem = ""
        for attempt in range(self.retries + 1):
            self.attempts += 1
            wait: float | None = None
            try:
                with self.rate_limit.slot() if self.rate_limit is not None else nullcontext():
                    response = self.session.request(method, url, timeout=self.timeout, **kwargs)
                if response.status_code in RETRY_STATUS:
                    last_problem = f"HTTP {response.status_code}"
                    wait = _retry_after(response)
                elif response.status_code >= 400:
                    raise SourceError(
                        self.source,
                        f"{method} {url} svarade HTTP {response.status_code}: "
                        f"{response.text[:300].strip()}",
                    )
                else:
                    return response  # the body is read already: a cut-off body raised above
            except requests.Timeout:
                last_problem = f"inget svar inom {self.timeout:.0f} s"
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                last_problem = f"anslutningen bröts ({type(exc).__name__})"
            if attempt == self.retries:
                break
            delay = min(self.max_wait, wait if wait is not None else self.backoff * 2**attempt)
            self._progress(f"{last_problem} från {url}; försöker igen om {delay:.1f} s")
            self._sleep(delay)
        raise SourceError(
            self.source,
            f"{method} {url} misslyckades efter {self.retries + 1} försök: {last_problem}",
        )

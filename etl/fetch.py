"""Requests to the sources' APIs, answered from the network (kept as snapshots) or, offline,
from earlier snapshots of exactly the same request."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.errors import SourceError
from etl.http import HttpClient
from etl.snapshots import SourceInput, find_snapshot, save_snapshot


@dataclass(frozen=True)
class Request:
    url: str
    method: str = "GET"
    body: Any = None
    params: dict[str, Any] | None = None
    name: str = "response.json"  # the snapshot's file name stem

    @property
    def query(self) -> dict[str, Any]:
        """What, besides the URL, makes this request unique; stored in the snapshot sidecar."""
        return {"method": self.method, "params": self.params, "body": self.body}


@dataclass
class Fetcher:
    source: str
    client: HttpClient | None  # None when offline: the network is never touched
    raw_dir: Path
    extra_dirs: list[Path] = field(default_factory=list)
    _answered: dict[str, SourceInput | None] = field(default_factory=dict, repr=False)

    @property
    def offline(self) -> bool:
        return self.client is None

    def fetch(self, request: Request) -> SourceInput | None:
        """The response as a snapshot; None offline when nobody kept one. The same request
        twice in a run (two indicators from one table) is sent once."""
        key = json.dumps([request.url, request.query], sort_keys=True, ensure_ascii=False)
        if key not in self._answered:
            self._answered[key] = self._fetch(request)
        return self._answered[key]

    def _fetch(self, request: Request) -> SourceInput | None:
        if self.client is None:
            return find_snapshot(
                [self.raw_dir, *self.extra_dirs], self.source, request.url, _jsonable(request.query)
            )
        if request.method == "POST":
            response = self.client.post_json(request.url, request.body, params=request.params)
        else:
            response = self.client.get(request.url, params=request.params)
        return save_snapshot(
            self.raw_dir,
            self.source,
            request.name,
            response.content,
            request.url,
            _jsonable(request.query),
        )


def _jsonable(value: Any) -> Any:
    """The query as it reads back from a sidecar (tuples become lists, etc.)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def read_json(source: str, snapshot: SourceInput) -> Any:
    try:
        return json.loads(snapshot.path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SourceError(
            source, f"{snapshot.name}: ingen giltig JSON ({snapshot.origin}): {exc}"
        ) from exc


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")[:80] or "response"

"""A callback's answer kept per warehouse version as plain JSON data.

Building a view's components (a table is thousands of `html.Td`) and encoding them through
plotly's JSON encoder cost more than reading the data: 27 ms of a cached Jämför answer went
there. Encoding the answer once and keeping the decoded lists and dicts makes every later
answer for the same choices a plain `json.dumps`. Dash sends the same JSON either way."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from typing import Any

from plotly.io.json import to_json_plotly


def cached_answer(reader, key: tuple[Hashable, ...], build: Callable[[], Any]) -> Any:
    """`build()`'s outputs for `key`, encoded once per warehouse version."""
    return reader.memo(("answer", *key), lambda: json.loads(to_json_plotly(build())))

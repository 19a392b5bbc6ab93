"""The running app and its warehouse: one data version per request, `/healthz` for load
balancers, and a plain answer when the warehouse (the database) does not answer.

- Every request reads one version of the warehouse (WarehouseReader.begin_request /
  end_request around it), and its response names that version in `X-Rusmon-Data-Version`:
  a token that changes with every load and is the same on every server reading the same
  warehouse; `none` before the first load, `unavailable` when the warehouse does not answer.
- `GET /healthz`: JSON, 200 when the warehouse answers, 503 when it does not (or, for a DuckDB
  file, when there is none yet), never cached:

      {"status": "ok" | "empty" | "missing" | "unavailable",
       "reachable": true, "backend": "postgresql" | "duckdb" | …,
       "data_version": "run-42-20261201T133118" | null,
       "last_loads": {"ris": "2026-12-01T13:31:18Z", …},   # newest successful load per source
       "checked_at": "2026-12-01T13:40:02Z",
       "message": "…",            # when the status is not ok
       "error": "OperationalError"}  # when unavailable: the kind of failure (details: the log)

- A page asked for while the warehouse does not answer gets a short error page in the page's
  language with HTTP 503 (no stack trace, `Retry-After`); a callback gets 503 with
  `{"error": "warehouse-unavailable", "message": …}`, which assets/warehouse.js shows above
  the page until a callback succeeds again. No failure is remembered: the next request asks
  the warehouse again, so the app recovers by itself when the database is back.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from dash import Dash
from flask import Response, g, jsonify, request

from dashboard.data_access.reader import WarehouseReader, WarehouseUnavailable
from dashboard.i18n import language, t

VERSION_HEADER = "X-Rusmon-Data-Version"
HEALTH_PATH = "/healthz"
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_ERROR = "warehouse-unavailable"
LAST_LOADS_SQL = (
    "SELECT source, MAX(finished_at) AS finished_at FROM etl_run WHERE status = 'ok' "
    "GROUP BY source ORDER BY source"
)


def register_health(app: Dash, reader_of: Callable[[], WarehouseReader]) -> None:
    server = app.server
    prefix = app.config.routes_pathname_prefix
    pages = {prefix, prefix + "<path:path>"}  # Dash's HTML shell for every page path
    callback = prefix + "_dash-update-component"

    @server.before_request
    def _one_version_per_request() -> None:
        reader = reader_of()
        reader.begin_request()
        g.rusmon_reader = reader
        if request.method in ("GET", "HEAD") and request.endpoint in pages:
            reader.version()  # no page shell when the warehouse cannot fill it: 503 instead

    @server.after_request
    def _version_header(response: Response) -> Response:
        reader = g.get("rusmon_reader") or reader_of()
        response.headers[VERSION_HEADER] = header_value(reader)
        return response

    @server.teardown_request
    def _release(_error: BaseException | None) -> None:
        reader = g.pop("rusmon_reader", None)
        if reader is not None:
            reader.end_request()

    @server.errorhandler(WarehouseUnavailable)
    def _unavailable(_error: WarehouseUnavailable) -> Response:
        lang = request_language()
        if request.endpoint == callback:
            response = jsonify(error=UNAVAILABLE_ERROR, message=t("unavailable.callback", lang))
        else:
            page = error_page(lang, request.full_path.rstrip("?"))
            response = Response(page, mimetype="text/html")
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response.headers["Cache-Control"] = "no-store"
        return response

    server.add_url_rule(HEALTH_PATH, "rusmon_healthz", lambda: healthz(reader_of()))


def header_value(reader: WarehouseReader) -> str:
    try:
        version = reader.version()
    except WarehouseUnavailable:
        return "unavailable"
    return version or "none"


def healthz(reader: WarehouseReader) -> Response:
    """The warehouse as this server sees it (see the module doc for the JSON)."""
    body: dict[str, object] = {
        "status": "ok",
        "reachable": True,
        "backend": reader.backend,
        "data_version": None,
        "last_loads": {},
        "checked_at": _utc(datetime.now(UTC)),
    }
    code = 200
    try:
        version = reader.version()
        if version is None and reader.file is not None:
            body.update(status="missing", reachable=False, message=t("health.missing"))
            code = 503
        elif version is None:  # the database answers but nothing has been loaded
            body.update(status="empty", message=t("health.empty"))
        else:
            body.update(data_version=version, last_loads=last_loads(reader))
    except WarehouseUnavailable as error:
        body.update(
            status="unavailable", reachable=False, message=t("health.unavailable"), error=error.kind
        )
        code = 503
    except Exception as error:  # a warehouse that answers nonsense is no better: 503, said so
        body.update(
            status="unavailable",
            reachable=False,
            message=t("health.unusable"),
            error=type(error).__name__,
        )
        code = 503
    response = jsonify(body)
    response.status_code = code
    response.headers["Cache-Control"] = "no-store"
    return response


def last_loads(reader: WarehouseReader) -> dict[str, str]:
    """{source: the end of its newest successful load, UTC}, from the public `etl_run` view."""
    frame = reader.query(LAST_LOADS_SQL)
    return {
        str(source): _utc(pd.Timestamp(finished).to_pydatetime())
        for source, finished in zip(
            frame.get("source", []), frame.get("finished_at", []), strict=True
        )
        if not pd.isna(finished)
    }


def _utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z; the run log's times are UTC without a zone."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def request_language() -> str:
    """The page's language: ?lang= on a page, the page's own URL (Referer) on a callback."""
    if "lang" in request.args:
        return language(request.args.get("lang"))
    referrer = request.referrer or ""
    return language((parse_qs(urlsplit(referrer).query).get("lang") or [None])[0])


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2733; }}
main {{ max-width: 40rem; margin: 10vh auto; padding: 2rem; background: #fff;
        border-left: 0.4rem solid #b3261e; }}
h1 {{ font-size: 1.5rem; margin-top: 0; }}
p {{ line-height: 1.5; }}
</style>
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{body}</p>
<p><a href="{retry_url}">{retry}</a></p>
</main>
</body>
</html>
"""


def error_page(lang: str, retry_url: str) -> str:
    """The page shown instead of the app while the warehouse does not answer."""
    return _PAGE.format(
        lang=lang,
        title=html.escape(t("unavailable.title", lang)),
        heading=html.escape(t("unavailable.heading", lang)),
        body=html.escape(t("unavailable.body", lang)),
        retry=html.escape(t("unavailable.retry", lang)),
        # the same page again; never a link that could lead off the site ("//host")
        retry_url=html.escape(
            retry_url if retry_url.startswith("/") and not retry_url.startswith("//") else "/"
        ),
    )

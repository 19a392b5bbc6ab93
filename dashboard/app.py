"""The Dash app: `create_app()` for tests and tools, `serve()` for `rusmon serve`.

For a deployment behind gunicorn use
`gunicorn -c python:dashboard.server_config --bind HOST:PORT dashboard.wsgi:server`.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from dash import Dash, page_container
from dash.exceptions import PreventUpdate
from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from dashboard import context, ids
from dashboard.callbacks import compare, explorer, goals, overview
from dashboard.chart_code import preload_chart_code
from dashboard.context import catalogue
from dashboard.data_access.reader import WarehouseReader, WarehouseUnavailable
from dashboard.downloads import register_downloads
from dashboard.export.profile import register_profile_route
from dashboard.health import register_health
from dashboard.i18n import t
from dashboard.permalink import register_language_switch, register_memory, register_permalink
from dashboard.static_cache import register_static_cache
from indicators.catalogue import current_catalogue
from indicators.settings import SettingsError, load_settings

HERE = Path(__file__).resolve().parent


def create_app(database_url: str | None = None) -> Dash:
    settings = load_settings()
    context.set_reader(
        WarehouseReader(
            database_url or settings.database_url,
            statement_timeout=settings.statement_timeout,
            pool_size=settings.db_pool_size,
        )
    )
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        title=t("app.title"),
        update_title=None,
        suppress_callback_exceptions=True,  # each page brings its own components
        serve_locally=True,  # no CDN: works offline and behind firewalls
    )
    app.layout = preload_chart_code(app, page_container)
    compare.register(app, context.reader, catalogue)
    register_permalink(
        app,
        ids.COMPARE_URL,
        {
            "region": (ids.COMPARE_REGION, "value"),
            "edition": (ids.COMPARE_EDITION, "value"),
            "year": (ids.COMPARE_YEAR, "value"),
            "benchmark": (ids.COMPARE_BENCHMARK, "value"),
            "also": (ids.COMPARE_ALSO, "value"),
            "peers": (ids.COMPARE_PEERS, "value"),
        },
    )
    register_memory(
        app,
        (ids.COMPARE_PEERS, "value"),
        "peers",
        ids.COMPARE_PEERS_FROM_URL,
        ids.COMPARE_PEERS_MEMORY,
    )
    goals.register(app, context.reader, catalogue)
    register_permalink(
        app,
        ids.GOALS_URL,
        {
            "strategy": (ids.GOALS_STRATEGY, "value"),
            "region": (ids.GOALS_REGION, "value"),
            "period": (ids.GOALS_PERIOD, "value"),
            "pick": (ids.GOALS_PICK, "data"),
        },
    )
    explorer.register(app, context.reader, catalogue)
    register_permalink(
        app,
        ids.EXPLORER_URL,
        {
            "indicator": (ids.EXPLORER_INDICATOR, "value"),
            "regions": (ids.EXPLORER_REGIONS, "value"),
            "mode": (ids.EXPLORER_MODE, "value"),
            "year": (ids.EXPLORER_PERIOD, "value"),
            "sex": (ids.EXPLORER_SEX, "value"),
            "base": (ids.EXPLORER_BASE, "value"),
            "small": (ids.EXPLORER_SMALL, "value"),
        },
    )
    overview.register(app, context.reader, catalogue)
    register_permalink(app, ids.OVERVIEW_URL, {"region": (ids.OVERVIEW_REGION, "value")})
    register_profile_route(app.server, context.reader, catalogue)  # /profil, print-friendly
    register_language_switch(app)
    register_downloads(app.server, context.reader, catalogue)
    register_static_cache(app.server, app.config.requests_pathname_prefix + "assets/")
    register_health(app, context.reader)  # one data version per request, /healthz, 503 pages
    harden(app)
    return app


# -- HTTP hardening: what every response carries and what a forged request gets --------------

MAX_REQUEST_BYTES = 1024 * 1024  # a real callback request is a few kB; larger → 413
CALLBACK_ROUTE = "_dash-update-component"
OUR_PACKAGES = ("dashboard.", "indicators.")
log = logging.getLogger("rusmon.dashboard")

# Dash's own scripts are files ('self') plus a few inline ones (the renderer start and the
# clientside callbacks), allowed by their hashes, never by 'unsafe-inline'. Styles: Dash
# components and plotly set inline styles. Images: plotly draws with data: and blob: URLs.
_CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
_BAD_REQUEST = "Ogiltig begäran: indata kunde inte tolkas. (Invalid request.)"
_FIXED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def harden(app: Dash) -> None:
    """Security headers on every response, a request-body limit, and callback requests that
    cannot be decoded or answered given a 4xx JSON answer instead of a 500."""
    server: Flask = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    csp: list[str] = []  # computed on first use: callbacks may register until then

    @server.after_request
    def _security_headers(response: Response) -> Response:
        for name, value in _FIXED_HEADERS.items():
            response.headers[name] = value
        if server.debug:  # Dash's dev tools and werkzeug's debugger run inline scripts
            return response
        if not csp:
            csp.append(_CSP.format(hashes=" ".join(app.csp_hashes())))
        response.headers["Content-Security-Policy"] = csp[0]
        return response

    endpoint = app.config.routes_pathname_prefix + CALLBACK_ROUTE
    server.view_functions[endpoint] = _refuse_bad_callbacks(server, server.view_functions[endpoint])


def _refuse_bad_callbacks(server: Flask, dispatch):
    """Wrap Dash's callback dispatch. The browser only sends what the page offers, so an
    exception while decoding the request or running a callback on its values is taken for a
    forged, stale or malformed request: 400 with a short JSON answer. The error type cannot
    tell a forgery from a bug (a forged region code surfaces as a database conversion error,
    which pandas reports as an OSError), so an exception out of our own code is logged as an
    error with its traceback, one from Dash's decoding as a one-line warning. In debug mode
    Dash shows the traceback itself."""

    @functools.wraps(dispatch)
    def guarded(*args, **kwargs):
        try:
            return dispatch(*args, **kwargs)
        except (PreventUpdate, HTTPException, WarehouseUnavailable):
            # Dash answers 204; werkzeug's 4xx (bad JSON, 413, 415) are already right; a
            # warehouse that does not answer gets 503 from dashboard.health
            raise
        except Exception as error:
            if server.debug:
                raise
            if _raised_in_our_code(error):  # a callback choked on its values: maybe a bug
                log.error("callback request refused: %s", _describe(error), exc_info=error)
            else:  # Dash could not even decode the request
                log.warning("callback request refused: %s", _describe(error))
            return jsonify(error="bad-request", message=_BAD_REQUEST), 400

    return guarded


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error)[:300]}"


def _raised_in_our_code(error: Exception) -> bool:
    """Whether the exception came out of rusmon's code (a callback or what it calls) rather
    than from Dash decoding the request. The first frame is the guard itself."""
    frame = error.__traceback__.tb_next if error.__traceback__ else None
    while frame is not None:
        if frame.tb_frame.f_globals.get("__name__", "").startswith(OUR_PACKAGES):
            return True
        frame = frame.tb_next
    return False


def serve(host: str = "127.0.0.1", port: int = 8050, debug: bool = False, workers: int = 2) -> None:
    """Serve with gunicorn (the same server as a deployment, settings from
    dashboard.server_config); --debug uses Dash's dev server."""
    from dashboard import server_config

    server_config.ignore_sigpipe()  # the console entry point restores SIGPIPE's default action
    try:
        load_settings()  # a setting rusmon cannot use stops here, not in every worker
    except SettingsError as error:
        raise SystemExit(f"rusmon serve: {error}") from None
    current_catalogue()  # a broken catalogue stops here with every problem, not in a worker
    if debug:
        # no version check: the dev tools would call plotly.com (blocked by the CSP, and offline)
        create_app().run(host=host, port=port, debug=True, dev_tools_disable_version_check=True)
        return
    from gunicorn.app.base import BaseApplication

    class _Gunicorn(BaseApplication):
        def load_config(self):
            for name, value in vars(server_config).items():
                if name in self.cfg.settings:
                    self.cfg.set(name, value)
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)

        def load(self):
            return create_app().server

    print(f"rusmon: dashboarden körs på http://{host}:{port}/ (avsluta med Ctrl+C)", flush=True)
    _Gunicorn().run()

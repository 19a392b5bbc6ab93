"""The Dash app: `create_app()` for tests and tools, `serve()` for `rusmon serve`.

For a deployment behind gunicorn use `gunicorn dashboard.wsgi:server`.
"""

from __future__ import annotations

from pathlib import Path

from dash import Dash, page_container

from dashboard import context, ids
from dashboard.callbacks import compare, explorer, goals, overview
from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import t
from dashboard.permalink import register_language_switch, register_memory, register_permalink
from indicators.catalogue import catalogue
from indicators.settings import load_settings

HERE = Path(__file__).resolve().parent


def create_app(database_url: str | None = None) -> Dash:
    url = database_url or load_settings().database_url
    context.set_reader(WarehouseReader(url))
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
    app.layout = page_container
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
    register_language_switch(app)
    return app


def serve(host: str = "127.0.0.1", port: int = 8050, debug: bool = False, workers: int = 2) -> None:
    """Serve with gunicorn (the same server as a deployment); --debug uses Dash's dev server."""
    if debug:
        create_app().run(host=host, port=port, debug=True)
        return
    from gunicorn.app.base import BaseApplication

    class _Gunicorn(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("timeout", 60)
            self.cfg.set("accesslog", None)

        def load(self):
            return create_app().server

    print(f"rusmon: dashboarden körs på http://{host}:{port}/ (avsluta med Ctrl+C)", flush=True)
    _Gunicorn().run()

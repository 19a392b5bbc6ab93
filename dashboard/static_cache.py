"""Browser caching of the app's own files. Dash tags every asset's address with the file's
modification time (`?m=…`), so a tagged address always names the same bytes: the browser may
keep it for a year instead of asking again on every page (Dash's own scripts are already
served that way). Untagged addresses keep Flask's default (ask again)."""

from __future__ import annotations

from flask import Flask, Response, request

YEAR = 365 * 24 * 3600


def register_static_cache(server: Flask, assets_prefix: str) -> None:
    @server.after_request
    def _cache_tagged_assets(response: Response) -> Response:
        if (
            response.status_code == 200
            and request.path.startswith(assets_prefix)
            and request.args.get("m")
        ):
            response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        return response

"""The app's download routes: a chart as a slide image or CSV, and a conference deck.

Both take the page's own URL query (its permalink state), so what is downloaded is exactly
the view on screen; the files are made server-side by the same exports as `rusmon export`.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from urllib.parse import quote, urlencode

from flask import Flask, Response, request

from dashboard.data_access.reader import WarehouseReader
from dashboard.export.errors import ExportError
from dashboard.i18n import language
from indicators.catalogue import Catalogue

log = logging.getLogger("rusmon.dashboard")
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SCREEN_LIMITS = (200, 4000)  # px: a browser's chart, never a request for a huge image


def _attachment(content: bytes, name: str, media_type: str) -> Response:
    response = Response(content, mimetype=media_type)
    # RFC 6266: the readable name for browsers that take it, an ASCII one for the rest
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{name.encode("ascii", "replace").decode()}"; '
        f"filename*=UTF-8''{quote(name)}"
    )
    return response


def _refused(error: Exception) -> Response:
    return Response(f"Kunde inte exportera: {error}\n", status=400, mimetype="text/plain")


def _screen_size(value: str | None, default: int) -> int:
    try:
        number = int(value or default)
    except ValueError:
        return default
    return max(SCREEN_LIMITS[0], min(SCREEN_LIMITS[1], number))


def register_downloads(
    server: Flask, reader_of: Callable[[], WarehouseReader], catalogue_of: Callable[[], Catalogue]
) -> None:
    @server.get("/export/chart")
    def _chart() -> Response:
        from dashboard.export.charts import chart_from_permalink, export_chart
        from dashboard.export.images import MEDIA_TYPES, current_size_png, file_name

        args = request.args.to_dict()
        page, which, fmt = args.pop("page", ""), args.pop("chart", None), args.pop("format", "png")
        size, width, height = (
            args.pop("size", ""),
            args.pop("width", None),
            args.pop("height", None),
        )
        try:
            chart, lang = chart_from_permalink(
                reader_of(), catalogue_of(), f"{page}?{urlencode(args)}", which
            )
            if size == "screen" and fmt == "png":  # as on screen, at twice the pixels
                content = current_size_png(
                    chart.figure, _screen_size(width, 1100), _screen_size(height, 450)
                )
                name = file_name(*chart.name, "2x", ext="png")
                return _attachment(content, name, "image/png")
            content, name = export_chart(chart, fmt, lang)
        except ExportError as error:
            return _refused(error)
        media = MEDIA_TYPES.get(fmt, "text/csv; charset=utf-8")
        return _attachment(content, name, media)

    @server.get("/export/deck")
    def _deck() -> Response:
        from dashboard.export.deck import build_deck
        from dashboard.export.images import file_name
        from dashboard.export.pptx_writer import write_deck
        from dashboard.views.goals import current_period

        args = request.args
        lang = language(args.get("lang"))
        catalogue = catalogue_of()
        strategy, region = args.get("strategy") or None, args.get("region", "")
        period = args.get("period") or current_period(catalogue)
        try:
            deck = build_deck(
                reader_of(),
                catalogue,
                strategy,
                region,
                period,
                lang,
                benchmark=args.get("benchmark") or "leaders",
                edition=int(args["edition"]) if args.get("edition", "").isdigit() else None,
                year=int(args["year"]) if args.get("year", "").isdigit() else None,
            )
        except ExportError as error:
            return _refused(error)
        buffer = io.BytesIO()
        write_deck(deck, buffer)
        parts = (strategy or "ris", region, period if strategy else "")
        return _attachment(buffer.getvalue(), file_name(*filter(None, parts), ext="pptx"), PPTX)

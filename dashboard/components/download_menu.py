"""The "Ladda ner" menu under a chart and the "Skapa presentation" link.

The links are completed in the browser (assets/download.js) from the page's URL, which always
holds the view's state (permalink), so the file is the view on screen.
"""

from __future__ import annotations

from dash import html

from dashboard.i18n import t

FORMATS = ("png", "png-screen", "svg", "pdf", "csv")
# plotly's own camera button made an English-labelled, unframed screenshot: the menu replaces it
GRAPH_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]}
# What a graph holds until its callback answers: plotly's default empty figure drew axes from -1
# to 6 that no data has, and their ticks cost a map page ~30 ms before its map was drawn.
WAITING_FIGURE = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}


def download_menu(chart: str, graph_id: str, lang: str) -> html.Details:
    """`chart` names the page's chart for the export (bars, trend, goal, lines)."""
    links = [
        html.Li(
            html.A(
                t(f"download.{fmt}", lang),
                href="#",
                className="download-link",
                download="",
                **{"data-format": fmt, "data-chart": chart, "data-graph": graph_id},
            )
        )
        for fmt in FORMATS
    ]
    return html.Details(
        [html.Summary(t("download.menu", lang)), html.Ul(links)],
        className="download-menu",
        id=f"download-{graph_id}",
    )


def deck_link(lang: str, link_id: str) -> html.A:
    return html.A(
        t("download.deck", lang),
        href="#",
        className="deck-link button",
        download="",
        id=link_id,
        title=t("download.deck_title", lang),
    )

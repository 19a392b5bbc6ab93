"""Indikatorer's parts under and beside the chart as Dash components: the source line and the
table behind "Visa som tabell", and the metadata panel. Renders
`dashboard.views.explorer.ExplorerView`; what is shown is decided there."""

from __future__ import annotations

from dash import html

from dashboard.components.table import simple_table
from dashboard.components.text import rich
from dashboard.i18n import t
from dashboard.views.explorer import ExplorerView, Metadata, MetaItem


def source_and_table(view: ExplorerView, lang: str) -> list:
    """The source line ("Källa: …") right under the chart, then the table."""
    if view.table is None:
        return []
    table = view.table
    return [
        *([html.P(rich(view.source), className="source")] if view.source else []),
        html.Details(
            [
                html.Summary(t("table.show", lang)),
                simple_table(
                    table.columns, table.rows, numeric=table.numeric, caption=table.caption
                ),
            ],
            open=False,
        ),
    ]


def _value(item: MetaItem):
    if item.lines is not None:
        return html.Ul([html.Li(rich(line)) for line in item.lines])
    if item.href or item.after:
        link = (
            html.A(rich(item.text), href=item.href, target="_blank", rel="noopener")
            if item.href
            else rich(item.text)
        )
        return [link, item.after]
    return rich(item.text)


def metadata_panel(meta: Metadata) -> list:
    """Definition, unit, source and where the shown values come from, then notes and breaks."""
    parts = []
    for item in meta.items:
        parts += [html.Dt(item.term), html.Dd(_value(item))]
    panel = [html.H2(meta.heading), html.Dl(parts, className="meta")]
    if meta.notes:
        panel += [html.H3(meta.notes_heading), html.Ul([html.Li(rich(n)) for n in meta.notes])]
    if meta.breaks:
        panel += [html.H3(meta.breaks_heading), html.Ul([html.Li(rich(b)) for b in meta.breaks])]
    return panel

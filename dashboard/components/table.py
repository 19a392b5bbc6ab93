"""A plain, accessible HTML table: the table alternative to a chart."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.components.text import rich
from dashboard.i18n import t
from dashboard.views.model import Table


def simple_table(
    columns: Sequence[tuple[str, str]],
    rows: Sequence[dict[str, object]],
    *,
    numeric: Sequence[str] = (),
    caption: str | None = None,
    table_id: str | None = None,
) -> html.Table:
    """`columns` are (key, heading) pairs; numeric columns are right-aligned; words marked
    Swedish in a cell are tagged as such (`dashboard.components.text.rich`)."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(title, scope="col", className="num" if key in numeric else None)
                for key, title in columns
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(rich(row.get(key, "")), className="num" if key in numeric else None)
                    for key, _ in columns
                ]
            )
            for row in rows
        ]
    )
    parts = ([html.Caption(rich(caption))] if caption else []) + [head, body]
    return (
        html.Table(parts, className="data-table", id=table_id)
        if table_id
        else html.Table(parts, className="data-table")
    )


def table_details(table: Table | None, lang: str) -> list:
    """A view's table behind "Visa som tabell"."""
    if table is None:
        return []
    content = simple_table(table.columns, table.rows, numeric=table.numeric)
    return [html.Details([html.Summary(t("table.show", lang)), content])]

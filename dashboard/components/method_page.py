"""Så bedöms målen: the exact goal-status method, with the thresholds taken from the code and a
worked example whose numbers come from the warehouse (goal_status), never typed in by hand."""

from __future__ import annotations

from dash import html

from dashboard.components.shell import shell
from dashboard.context import catalogue, reader
from dashboard.i18n import language, t
from dashboard.views.method import example_row, method_sections, worked_example

PATH = "/metod"


def method_page(lang: str | None = None, **_query) -> html.Div:
    lang = language(lang)
    body: list = [html.H1(t("method.heading", lang))]
    for heading, paragraphs in method_sections(lang):
        body += [html.H2(heading), *[html.P(p) for p in paragraphs]]
    row = example_row(reader())
    if row is not None:
        body += [
            html.H2(t("method.example_heading", lang)),
            html.P(worked_example(row, catalogue(), lang), id="method-example"),
        ]
    return shell(lang, PATH, html.Div(body, className="method"))

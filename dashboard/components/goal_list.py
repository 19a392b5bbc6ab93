"""Every delmål of a strategy with its status (icon + text) and its indicators, each of which
opens the indicator's chart. Status is never colour alone: the icon and the words carry it.

Renders `dashboard.views.goals.GoalPage`; what is shown is decided there.
"""

from __future__ import annotations

from dash import html

from dashboard.components.text import rich
from dashboard.i18n import t
from dashboard.views.goals import COLUMNS, NUMERIC, GoalPage, GoalRow, GoalSection
from dashboard.views.model import Status
from indicators.goals import verdicts as v

PICK_TYPE = "goal-pick"


def status_badge(status: Status | v.Verdict, lang: str) -> html.Span:
    shown = status if isinstance(status, Status) else Status.of(status, lang)
    return html.Span(
        [
            html.Span(shown.icon, className="status-icon", **{"aria-hidden": "true"}),
            " " + shown.text,
        ],
        className=f"status status-{shown.code}",
    )


def _row(row: GoalRow, lang: str, picked: str | None) -> html.Tr:
    return html.Tr(
        [
            html.Td(
                [
                    html.Button(
                        row.cell("indicator"),
                        id={"type": PICK_TYPE, "key": row.key},
                        className="link-button" + (" picked" if row.key == picked else ""),
                        title=t("goals.pick", lang),
                    ),
                    html.Div(row.measured, className="measured") if row.measured else None,
                ]
            ),
            html.Td(rich(row.target)),
            html.Td(row.baseline, className="num"),
            html.Td(row.latest, className="num"),
            html.Td(row.change, className="num"),
            html.Td(status_badge(row.status, lang)),
            html.Td(rich(row.comment), className="reason"),
        ],
        **{"data-key": row.key},
    )


def _section(section: GoalSection, lang: str, picked: str | None) -> html.Section:
    head = html.Thead(
        html.Tr(
            [
                html.Th(
                    t(f"goals.col.{c}", lang),
                    scope="col",
                    className="num" if c in NUMERIC else None,
                )
                for c in COLUMNS
            ]
        )
    )
    body = html.Tbody([_row(r, lang, picked) for r in section.rows])
    footnotes = (
        [html.Ul([html.Li(rich(item)) for item in section.footnotes], className="footnotes")]
        if section.footnotes
        else []
    )
    return html.Section(
        [
            html.H2(section.title),
            html.P(
                [
                    html.Span(t("goals.summary_label", lang) + ": "),
                    status_badge(section.status, lang),
                ],
                className="goal-summary",
            ),
            html.P(
                [
                    t("goals.method", lang, method=section.judged_text) + " ",
                    html.A(t("goals.method_link", lang), href=f"/metod?lang={lang}"),
                ],
                className="source",
            )
            if section.judged_text
            else None,
            html.P(rich(section.note), className="note") if section.note else None,
            html.Table([head, body], className="data-table goal-table"),
            *footnotes,
        ],
        className="goal",
        id=f"goal-{section.goal_id}",
    )


def goal_list(page: GoalPage, lang: str, picked: str | None = None) -> list:
    heading = [html.H1(page.title), html.P(page.intro, className="lead")]
    if page.empty:
        return [*heading, html.P(page.empty, className="empty-state")]
    about = (
        [html.Details([html.Summary(t("goals.about", lang)), html.P(rich(page.about))], open=True)]
        if page.about
        else []
    )
    return heading + about + [_section(s, lang, picked) for s in page.sections]

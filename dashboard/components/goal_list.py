"""Every delmål of a strategy with its status (icon + text) and its indicators, each of which
opens the indicator's chart. Status is never colour alone: the icon and the words carry it."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import t
from indicators.catalogue import Catalogue
from indicators.formatting import format_number, format_signed
from indicators.goals import models as m
from indicators.goals import verdicts as v

PICK_TYPE = "goal-pick"


def pick_key(goal_id: str, indicator_key: str) -> str:
    return f"{goal_id}|{indicator_key}"


def indicator_label(
    catalogue: Catalogue, gi: m.GoalIndicator, edition: int | None, lang: str
) -> tuple[str, str, int]:
    """(label, unit, decimals) of a goal indicator as the page and chart show it."""
    if gi.is_ris:
        name = catalogue.ris_short_name(edition, gi.ris_code, lang)
        if gi.measure == "ratio_to_leaders":
            unit = "kvot mot innovationsledarna" if lang == "sv" else "ratio to the leaders"
            return f"RIS: {name}", unit, 2
        return f"RIS: {name}", ("poäng (EU = 100)" if lang == "sv" else "score (EU = 100)"), 1
    indicator = catalogue.indicators.get(gi.indicator_id)
    if indicator is None:
        return gi.indicator_id, "", 1
    label = indicator.name(lang)
    if gi.target.type == m.GAP_SHRINKING:
        label += f" ({t('goals.gap_suffix', lang)})"
    elif gi.sex != "T":
        label += f", {t(f'sex.{gi.sex}', lang).lower()}"
    return label, indicator.unit_text(lang), indicator.decimals


def status_badge(verdict: v.Verdict, lang: str) -> html.Span:
    return html.Span(
        [
            html.Span(verdict.icon, className="status-icon", **{"aria-hidden": "true"}),
            " " + verdict.text(lang),
        ],
        className=f"status status-{verdict.code}",
    )


def _number(value, decimals: int, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else format_number(value, decimals, lang)


def _change(row, decimals: int, lang: str) -> str:
    if pd.isna(row.baseline_value) or pd.isna(row.latest_value):
        return "–"
    return format_signed(row.latest_value - row.baseline_value, decimals, lang)


def _with_period(value: str, period) -> str:
    return value if value == "–" or period is None or pd.isna(period) else f"{value} ({period})"


def _indicator_row(row, catalogue, strategy, edition, lang, picked: str | None) -> html.Tr:
    goal = strategy.goal(str(row.goal_id))
    gi = next((g for g in goal.indicators if g.key == row.indicator_key), None)
    label, _, decimals = (
        indicator_label(catalogue, gi, edition, lang) if gi else (row.indicator_id, "", 1)
    )
    key = pick_key(str(row.goal_id), row.indicator_key)
    verdict = v.BY_CODE.get(row.status_code, v.UNKNOWN)
    comment = row.reason if isinstance(row.reason, str) and row.reason else ""
    return html.Tr(
        [
            html.Td(
                html.Button(
                    label,
                    id={"type": PICK_TYPE, "key": key},
                    className="link-button" + (" picked" if key == picked else ""),
                    title=t("goals.pick", lang),
                )
            ),
            html.Td(row.target_text if isinstance(row.target_text, str) else ""),
            html.Td(
                _with_period(_number(row.baseline_value, decimals, lang), row.baseline_period),
                className="num",
            ),
            html.Td(
                _with_period(_number(row.latest_value, decimals, lang), row.latest_period),
                className="num",
            ),
            html.Td(_change(row, decimals, lang), className="num"),
            html.Td(status_badge(verdict, lang)),
            html.Td(comment, className="reason"),
        ],
        **{"data-key": key},
    )


def goal_sections(
    statuses: pd.DataFrame,
    summaries: pd.DataFrame,
    catalogue: Catalogue,
    strategy: m.Strategy,
    edition: int | None,
    lang: str,
    picked: str | None = None,
) -> list:
    columns = ("indicator", "target", "baseline", "latest", "change", "status", "reason")
    numeric = {"baseline", "latest", "change"}
    head = html.Thead(
        html.Tr(
            [
                html.Th(
                    t(f"goals.col.{c}", lang),
                    scope="col",
                    className="num" if c in numeric else None,
                )
                for c in columns
            ]
        )
    )
    summary_by_goal = {str(r.goal_id): r for r in summaries.itertuples()}
    sections = []
    for goal in strategy.goals:
        rows = statuses[statuses["goal_id"].astype(str) == goal.id]
        summary = summary_by_goal.get(goal.id)
        verdict = v.BY_CODE.get(summary.status_code, v.UNKNOWN) if summary else v.UNKNOWN
        body = html.Tbody(
            [
                _indicator_row(r, catalogue, strategy, edition, lang, picked)
                for r in rows.itertuples()
            ]
        )
        sections.append(
            html.Section(
                [
                    html.H2(t("goals.goal", lang, id=goal.id, name=goal.name(lang))),
                    html.P(
                        [
                            html.Span(t("goals.summary_label", lang) + ": "),
                            status_badge(verdict, lang),
                        ],
                        className="goal-summary",
                    ),
                    html.P(t("goals.method", lang, method=summary.method), className="source")
                    if summary is not None and isinstance(summary.method, str)
                    else None,
                    html.Table([head, body], className="data-table goal-table"),
                ],
                className="goal",
                id=f"goal-{goal.id}",
            )
        )
    return sections

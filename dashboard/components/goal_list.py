"""Every delmål of a strategy with its status (icon + text) and its indicators, each of which
opens the indicator's chart. Status is never colour alone: the icon and the words carry it."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import t
from dashboard.marks import CAVEAT_MARKS
from indicators.catalogue import Catalogue
from indicators.formatting import change_decimals, format_number, format_percent, format_signed
from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.texts import from_columns

PICK_TYPE = "goal-pick"


def members_text(catalogue: Catalogue, code: str, lang: str) -> str:
    """ "Västerbottens och Norrbottens län" style list of a NUTS2 region's län."""
    names = [r.name(lang) for r in catalogue.regions.children(code)]
    if not names:
        return code
    if len(names) == 1:
        return names[0]
    for suffix in (" län", " County"):  # "Västerbottens och Norrbottens län"
        if all(n.endswith(suffix) for n in names):
            names = [n.removesuffix(suffix) for n in names[:-1]] + names[-1:]
    return ", ".join(names[:-1]) + (" and " if lang == "en" else " och ") + names[-1]


def measured_text(catalogue: Catalogue, region: str, measured: str, lang: str) -> str | None:
    """ "mätt för Övre Norrland (SE33 = Västerbottens och Norrbottens län)" when a row's
    figures are for another region than the one followed up; None otherwise."""
    if not isinstance(measured, str) or measured == region:
        return None
    return t(
        "goals.measured",
        lang,
        region=catalogue.regions.name_of(measured, lang),
        code=measured,
        members=members_text(catalogue, measured, lang),
    )


def row_note(code, params, lang: str) -> str:
    """A stored reason or method rendered in the page's language."""
    found = from_columns(code, params)
    return found.text(lang) if found else ""


def caveat_marks(row) -> str:
    codes = row.caveats.split(",") if isinstance(getattr(row, "caveats", None), str) else []
    return "".join(CAVEAT_MARKS[c] for c in codes if c in CAVEAT_MARKS)


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
    change = row.latest_value - row.baseline_value
    within = row.method_code == "direction" and row.status_code == v.LIMITED.code
    if within and not pd.isna(row.tolerance):
        tolerance = "±" + format_percent(row.tolerance * 100, 0, lang)
        return f"{format_signed(change, decimals, lang)}, " + t(
            "goals.unchanged", lang, tolerance=tolerance
        )
    return format_signed(change, decimals, lang)


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
    comments = [row_note(row.reason_code, row.reason_params, lang)]
    if row.baseline_rule == "first_inside":
        comments.append(t("goals.first_inside", lang))
    comment = "; ".join(c for c in comments if c)
    if not pd.isna(row.baseline_value) and not pd.isna(row.latest_value):
        decimals = change_decimals(row.baseline_value, row.latest_value, decimals)
    marks = caveat_marks(row)
    measured = measured_text(catalogue, row.region_code, row.measured_region, lang)
    return html.Tr(
        [
            html.Td(
                [
                    html.Button(
                        label + (f" {marks}" if marks else ""),
                        id={"type": PICK_TYPE, "key": key},
                        className="link-button" + (" picked" if key == picked else ""),
                        title=t("goals.pick", lang),
                    ),
                    html.Div(measured, className="measured") if measured else None,
                ]
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


def _summary_method(summary, lang: str) -> str:
    text = row_note(
        getattr(summary, "method_code", None), getattr(summary, "method_params", None), lang
    )
    return text or (summary.method if isinstance(summary.method, str) else "")


def _footnotes(rows: pd.DataFrame, goal, catalogue, strategy, edition, lang: str) -> list:
    """The indicator notes, and every caveat mark used in the table, explained in words."""
    notes = [gi.note_sv for gi in goal.indicators if gi.note_sv]
    used = {
        c
        for value in rows.get("caveats", pd.Series(dtype=object)).dropna()
        for c in value.split(",")
    }
    texts = {
        "constant_over_time": catalogue.caveats["constant_over_time"].text(lang),
        "capped": catalogue.caveats["capped"].text(lang),
        "zero": t("goals.caveat.zero", lang),
    }
    items = [f"{CAVEAT_MARKS[c]} {texts[c]}" for c in CAVEAT_MARKS if c in used]
    measured = sorted(
        {m for m, r in zip(rows["measured_region"], rows["region_code"], strict=True) if m != r}
    )
    items += [
        t("goals.measured_note", lang, region=catalogue.regions.name_of(m, lang)) for m in measured
    ]
    items += notes
    if not items:
        return []
    return [html.Ul([html.Li(item) for item in items], className="footnotes")]


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
                    html.P(
                        [
                            t("goals.method", lang, method=_summary_method(summary, lang)) + " ",
                            html.A(t("goals.method_link", lang), href="/metod"),
                        ],
                        className="source",
                    )
                    if summary is not None
                    else None,
                    html.P(goal.note_sv, className="note") if goal.note_sv else None,
                    html.Table([head, body], className="data-table goal-table"),
                    *_footnotes(rows, goal, catalogue, strategy, edition, lang),
                ],
                className="goal",
                id=f"goal-{goal.id}",
            )
        )
    return sections

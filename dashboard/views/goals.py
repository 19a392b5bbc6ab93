"""Måluppföljning as data: a strategy's delmål for a region and mandate period, and the chart,
sentence, table and source of one goal indicator.

Pure (reader and catalogue in, dataclasses and figures out): the page, the deck and the
profile all show what these functions return, so every exported number is the page's number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import goals as data
from dashboard.data_access import indicators as indicator_data
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.goal_chart import GoalChart, PeriodBand, goal_chart
from dashboard.i18n import catalogue_text, join_and, t
from dashboard.marks import CAVEAT_MARKS
from dashboard.views.model import Status, Table
from indicators.catalogue import Catalogue
from indicators.formatting import (
    change_decimals,
    format_date,
    format_number,
    format_percent,
    format_signed,
)
from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.sentence import SentenceInput, goal_sentence
from indicators.goals.status import Point, period_time
from indicators.goals.texts import from_columns

DEFAULT_STRATEGY = "vastmanland_rus_2030"
COLUMNS = ("indicator", "target", "baseline", "latest", "change", "status", "reason")
NUMERIC = ("baseline", "latest", "change")


def current_period(catalogue: Catalogue, today: date | None = None) -> str:
    period = catalogue.mandate_period_for_year((today or date.today()).year)
    return period.id if period else catalogue.mandate_periods[-1].id


def region_options(catalogue: Catalogue, strategy: m.Strategy, lang: str) -> list[dict]:
    return [catalogue.regions.option(code, lang) for code in strategy.regions]


def pick_key(goal_id: str, indicator_key: str) -> str:
    return f"{goal_id}|{indicator_key}"


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
    return join_and(names, lang)


# ---------------------------------------------------------------------------------------------
# A strategy's own words: Swedish, and English where its file gives it, else marked "[sv]"
# (dashboard.i18n.catalogue_text).


def strategy_note(strategy: m.Strategy, lang: str) -> str:
    return catalogue_text(strategy.note_sv, strategy.note_en, lang)


def owner_text(strategy: m.Strategy, lang: str) -> str:
    """Who adopted the strategy ("Region Västmanland")."""
    return catalogue_text(strategy.owner_sv, strategy.owner_en, lang)


def goal_note(goal: m.Goal, lang: str) -> str:
    return catalogue_text(goal.note_sv, goal.note_en, lang)


def goal_indicator_note(gi: m.GoalIndicator, lang: str) -> str:
    return catalogue_text(gi.note_sv, gi.note_en, lang)


def target_text(row, gi: m.GoalIndicator | None, lang: str) -> str:
    """The target in the strategy's words: as goal_status stored it (the Swedish text the ETL
    judged with), in English the catalogue's English text, else the Swedish one marked."""
    stored = row.target_text if isinstance(row.target_text, str) else ""
    english = gi.target.text_en if gi is not None else None
    return catalogue_text(stored or (gi.target.text_sv if gi else ""), english, lang)


def break_note(series_break, lang: str) -> str:
    """A series break's note (the catalogue has both languages; marked if one lacks English)."""
    return catalogue_text(series_break.note_sv, series_break.note_en, lang)


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


def row_note(code, params, lang: str, hint: bool = True) -> str:
    """A stored reason or method rendered in the page's language; `hint` adds what to do
    about a missing value (the app), exports leave it out."""
    found = from_columns(code, params)
    return found.text(lang, hint) if found else ""


def caveat_marks(row) -> str:
    codes = row.caveats.split(",") if isinstance(getattr(row, "caveats", None), str) else []
    return "".join(CAVEAT_MARKS[c] for c in codes if c in CAVEAT_MARKS)


def indicator_label(
    catalogue: Catalogue, gi: m.GoalIndicator, edition: int | None, lang: str
) -> tuple[str, str, int]:
    """(label, unit, decimals) of a goal indicator as the page and chart show it."""
    if gi.is_ris:
        name = catalogue.ris_short_name(edition, gi.ris_code, lang)
        if gi.measure == "ratio_to_leaders":
            return f"RIS: {name}", t("goals.unit.ratio_to_leaders", lang), 2
        return f"RIS: {name}", t("goals.unit.score", lang), 1
    indicator = catalogue.indicators.get(gi.indicator_id)
    if indicator is None:
        return gi.indicator_id, "", 1
    label = indicator.name(lang)
    if gi.target.type == m.GAP_SHRINKING:
        label += f" ({t('goals.gap_suffix', lang)})"
    elif gi.sex != "T":
        label += f", {t(f'sex.{gi.sex}', lang).lower()}"
    return label, indicator.unit_text(lang), indicator.decimals


# ---------------------------------------------------------------------------------------------
# The list of delmål


@dataclass(frozen=True)
class GoalRow:
    """One goal indicator's line in its delmål's table, every cell as it is shown."""

    key: str  # pick_key(goal, indicator): opens the indicator's chart
    label: str
    marks: str  # † ▲ *, explained in the section's footnotes
    measured: str | None  # "mätt för Övre Norrland (…)" when measured for another region
    target: str
    baseline: str
    latest: str
    change: str
    status: Status
    comment: str

    def cell(self, column: str) -> str:
        if column == "indicator":
            return self.label + (f" {self.marks}" if self.marks else "")
        return str(getattr(self, column if column != "reason" else "comment"))


@dataclass(frozen=True)
class GoalSection:
    goal_id: str
    title: str  # "Delmål 14: …"
    status: Status
    judged_text: str  # the method: "2 av 3 bedömda …"
    note: str
    rows: list[GoalRow]
    footnotes: list[str]

    def table(self, lang: str) -> Table:
        return Table(
            [(c, t(f"goals.col.{c}", lang)) for c in COLUMNS],
            [{c: row.cell(c) for c in COLUMNS} for row in self.rows],
            NUMERIC,
        )


@dataclass(frozen=True)
class GoalPage:
    title: str
    intro: str
    strategy_name: str
    region_name: str
    period: str
    about: str  # the strategy's own note ("Om strategin")
    empty: str  # why nothing is shown, when nothing is
    sections: list[GoalSection]


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


def _goal_row(row, catalogue, strategy, edition, lang, hint: bool = True) -> GoalRow:
    goal = strategy.goal(str(row.goal_id))
    gi = next((g for g in goal.indicators if g.key == row.indicator_key), None)
    label, _, decimals = (
        indicator_label(catalogue, gi, edition, lang) if gi else (row.indicator_id, "", 1)
    )
    comments = [row_note(row.reason_code, row.reason_params, lang, hint)]
    if row.baseline_rule == "first_inside":
        comments.append(t("goals.first_inside", lang))
    if not pd.isna(row.baseline_value) and not pd.isna(row.latest_value):
        decimals = change_decimals(row.baseline_value, row.latest_value, decimals)
    return GoalRow(
        key=pick_key(str(row.goal_id), row.indicator_key),
        label=label,
        marks=caveat_marks(row),
        measured=measured_text(catalogue, row.region_code, row.measured_region, lang),
        target=target_text(row, gi, lang),
        baseline=_with_period(_number(row.baseline_value, decimals, lang), row.baseline_period),
        latest=_with_period(_number(row.latest_value, decimals, lang), row.latest_period),
        change=_change(row, decimals, lang),
        status=Status.of(v.BY_CODE.get(row.status_code, v.UNKNOWN), lang),
        comment="; ".join(c for c in comments if c),
    )


def _summary_method(summary, lang: str) -> str:
    text = row_note(
        getattr(summary, "method_code", None), getattr(summary, "method_params", None), lang
    )
    return text or (summary.method if isinstance(summary.method, str) else "")


def _footnotes(rows: pd.DataFrame, goal, catalogue, lang: str) -> list[str]:
    """The indicator notes, and every caveat mark used in the table, explained in words."""
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
    return items + [goal_indicator_note(gi, lang) for gi in goal.indicators if gi.note_sv]


def _sections(statuses, summaries, catalogue, strategy, edition, lang, hint) -> list[GoalSection]:
    summary_by_goal = {str(r.goal_id): r for r in summaries.itertuples()}
    sections = []
    for goal in strategy.goals:
        rows = statuses[statuses["goal_id"].astype(str) == goal.id]
        summary = summary_by_goal.get(goal.id)
        verdict = v.BY_CODE.get(summary.status_code, v.UNKNOWN) if summary else v.UNKNOWN
        sections.append(
            GoalSection(
                goal_id=goal.id,
                title=t("goals.goal", lang, id=goal.id, name=goal.name(lang)),
                status=Status.of(verdict, lang),
                judged_text=_summary_method(summary, lang) if summary is not None else "",
                note=goal_note(goal, lang),
                rows=[
                    _goal_row(r, catalogue, strategy, edition, lang, hint)
                    for r in rows.itertuples()
                ],
                footnotes=_footnotes(rows, goal, catalogue, lang),
            )
        )
    return sections


def goal_page(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str,
    region: str,
    period: str,
    lang: str,
    hints: bool = True,
) -> GoalPage:
    """Every delmål of the strategy for the region and mandate period, as stored by the ETL.
    `hints`: what to do about a missing value (the app); exports leave it out."""
    strategy = catalogue.strategies[strategy_id]
    region_name = catalogue.regions.name_of(region, lang)
    page = GoalPage(
        title=t("goals.heading", lang, strategy=strategy.name(lang)),
        intro=t("goals.intro", lang, period=period.replace("-", "–"), region=region_name),
        strategy_name=strategy.name(lang),
        region_name=region_name,
        period=period,
        about=strategy_note(strategy, lang),
        empty="",
        sections=[],
    )
    statuses = data.statuses(reader, strategy_id, region, period)
    if statuses.empty:
        message = t(
            "goals.no_status", lang, strategy=strategy.name(lang), region=region_name, period=period
        )
        return GoalPage(**{**page.__dict__, "empty": message})
    summaries = data.summaries(reader, strategy_id, region, period)
    latest = ris.latest_edition(reader)
    edition = latest[0] if latest else None
    sections = _sections(statuses, summaries, catalogue, strategy, edition, lang, hints)
    return GoalPage(**{**page.__dict__, "sections": sections})


# ---------------------------------------------------------------------------------------------
# One goal indicator: chart, sentence, table, source


@dataclass
class IndicatorView:
    figure: go.Figure
    sentence: str
    table: Table | None
    source: str  # "Mätt för … Källa: … (hämtad …)"
    chart: GoalChart  # what the figure draws: goal_series points, target, baseline, latest
    title: str
    status: Status
    goal_id: str
    indicator_key: str
    source_line: str = ""  # "Källa: … Senast laddad i rusmon …" of the values drawn; "" if none


def _points(frame: pd.DataFrame) -> pd.DataFrame:
    times = [period_time(str(p)) for p in frame["period"]]
    return frame.assign(time=times)


def chart_series(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(main lines, peer lines) from goal_series: the judged series is drawn as "T", the
    women's and men's lines beside it as "K"/"M"; nothing is recomputed here."""
    own = points[points["series"] != "peer"]
    main = own.assign(sex=own["series"].map({"judged": "T", "K": "K", "M": "M"}))
    peers = points[points["series"] == "peer"].rename(
        columns={"measured_region_code": "region_code"}
    )
    return _points(main[["period", "value", "sex"]]), _points(
        peers[["region_code", "period", "value"]]
    )


def _point(period, value) -> Point | None:
    """A status row's baseline or latest value, None where the row has none."""
    if period is None or pd.isna(period) or pd.isna(value):
        return None
    return Point(str(period), float(value))


def _bands(catalogue: Catalogue, period: str, first: float, last: float, lang: str):
    return tuple(
        PeriodBand(
            p.first_year,
            p.last_year,
            t("goalchart.period", lang, period=p.id.replace("-", "–")),
            p.id == period,
        )
        for p in catalogue.mandate_periods
        if p.last_year >= first and p.first_year <= last
    )


def _data_source(reader, catalogue, gi, row, edition, lang) -> tuple[str, str]:
    """(where the judged values came from, "Källa: … Senast laddad i rusmon …")."""
    if gi.is_ris:
        source = t("source.ris_publisher", lang, edition=edition)
        loaded = ris.editions(reader)
        loaded = loaded[loaded["edition"] == edition]["loaded_at"] if edition else loaded.iloc[0:0]
    else:  # a hand-kept file says so, with its own source
        indicator = catalogue.indicators[gi.indicator_id]
        used = indicator_data.value_sources(reader, gi.indicator_id, [str(row.measured_region)])
        source = indicator_data.describe_sources(indicator, used, lang)
        loaded = indicator_data.loaded_indicators(reader)
        loaded = loaded[loaded["indicator_id"] == gi.indicator_id]["loaded_at"]
    when = format_date(loaded.iloc[0]) if len(loaded) and not pd.isna(loaded.iloc[0]) else "–"
    return source, t("source.line", lang, source=source.rstrip("."), loaded=when)


def _source_text(source: str, row, strategy, lang) -> str:
    computed = row.computed_at if not pd.isna(row.computed_at) else None
    return t(
        "goals.source",
        lang,
        source=source,
        computed=format_date(computed),
        owner=owner_text(strategy, lang),
        strategy=strategy.name(lang),
    )


def _capitalised(text: str | None) -> str | None:
    return f"{text[0].upper()}{text[1:]}." if text else None


def _table(main: pd.DataFrame, decimals: int, lang: str) -> Table:
    rows = [
        {
            "period": r.period,
            "sex": t(f"sex.{r.sex}", lang),
            "value": format_number(r.value, decimals, lang),
        }
        for r in main.sort_values(["sex", "time"]).itertuples()
    ]
    columns = [(k, t(f"goals.col.{k}", lang)) for k in ("period", "sex", "value")]
    return Table(columns, rows, ("value",))


def indicator_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str,
    region: str,
    period: str,
    picked: str | None,
    lang: str,
    hints: bool = True,
) -> IndicatorView | None:
    """The chart, sentence, table and source of the picked goal indicator; None when none is."""
    if not picked or "|" not in picked:
        return None
    goal_id, key = picked.split("|", 1)
    strategy = catalogue.strategies[strategy_id]
    statuses = data.statuses(reader, strategy_id, region, period)
    hits = statuses[
        (statuses["goal_id"].astype(str) == goal_id) & (statuses["indicator_key"] == key)
    ]
    goal = next((g for g in strategy.goals if g.id == goal_id), None)
    gi = next((g for g in goal.indicators if g.key == key), None) if goal else None
    if hits.empty or gi is None:
        return None
    row = hits.iloc[0]
    latest_edition = ris.latest_edition(reader)
    edition = latest_edition[0] if latest_edition else None
    label, unit, decimals = indicator_label(catalogue, gi, edition, lang)
    measured = str(row.measured_region)
    indicator = None if gi.is_ris else catalogue.indicators[gi.indicator_id]
    main, peers = chart_series(data.series(reader, strategy_id, region, period, goal_id, key))
    peers = peers.assign(name=[catalogue.regions.name_of(c, lang) for c in peers["region_code"]])
    target = None if pd.isna(row.target_value) else float(row.target_value)
    target_year = (
        int(row.target_year) if target is not None and not pd.isna(row.target_year) else None
    )
    term = catalogue.mandate_period(period)
    first = float(main["time"].min()) if not main.empty else float(term.first_year)
    baseline = _point(row.baseline_period, row.baseline_value)
    latest = _point(row.latest_period, row.latest_value)
    breaks = tuple(
        (period_time(b.period), break_note(b, lang))
        for b in (indicator.series_breaks if indicator else ())
    )
    title = f"{label} – {catalogue.regions.name_of(measured, lang)}"
    spec = GoalChart(
        title=title,
        unit=unit,
        decimals=decimals,
        series=main,
        peers=peers,
        baseline=baseline,
        latest=latest,
        target_value=target,
        target_year=target_year or term.last_year,
        bands=_bands(catalogue, period, first, max(target_year or 0, term.last_year), lang),
        breaks=breaks,
    )
    target_decimals = decimals
    if baseline and latest:  # enough decimals that the judged change is visible
        decimals = change_decimals(baseline.value, latest.value, decimals)
    subject, sentence_unit = label.removeprefix("RIS: "), unit
    if gi.target.type == m.GAP_SHRINKING and indicator:
        subject = indicator.name(lang)
    if gi.is_ris:  # a ratio or score reads better with its unit once, in the subject
        subject, sentence_unit = f"{subject} ({unit})", ""
    verdict = v.BY_CODE.get(row.status_code, v.UNKNOWN)
    sentence = goal_sentence(
        SentenceInput(
            subject=subject,
            region=catalogue.regions.name_of(measured, lang),
            period=period,
            unit=sentence_unit,
            decimals=decimals,
            verdict=verdict,
            reason=row_note(row.reason_code, row.reason_params, lang, hints) or None,
            baseline=baseline,
            latest=latest,
            target_value=target,
            target_year=target_year,
            target_text=target_text(row, gi, lang),
            needed_pace=None if pd.isna(row.needed_pace) else float(row.needed_pace),
            achieved_pace=None if pd.isna(row.achieved_pace) else float(row.achieved_pace),
            gap=gi.target.type == m.GAP_SHRINKING,
            target_decimals=target_decimals,
        ),
        lang,
    )
    data_source, source_line = _data_source(reader, catalogue, gi, row, edition, lang)
    source = " ".join(
        x
        for x in (
            _capitalised(measured_text(catalogue, region, measured, lang)),
            _source_text(data_source, row, strategy, lang),
        )
        if x
    )
    return IndicatorView(
        figure=goal_chart(spec, lang),
        sentence=sentence,
        table=_table(main, decimals, lang) if not main.empty else None,
        source=source,
        chart=spec,
        title=title,
        status=Status.of(verdict, lang),
        goal_id=goal_id,
        indicator_key=key,
        source_line=source_line if not main.empty else "",
    )

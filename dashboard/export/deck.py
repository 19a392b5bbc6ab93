"""A strategy's follow-up for one region and mandate period as a conference deck.

Every slide is filled from the views the pages show (`dashboard.views`): the bars and RII
trend of Jämför, the delmål tables and goal charts of Måluppföljning, the method text of
/metod. Nothing is recomputed here; the speaker notes are the pages' own sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.export import deck_spec as d
from dashboard.export.errors import ExportError
from dashboard.i18n import SWEDISH_START, t
from dashboard.views.compare import CompareView, compare_view
from dashboard.views.goals import (
    GoalSection,
    IndicatorView,
    goal_page,
    indicator_view,
    owner_text,
)
from dashboard.views.method import method_sections
from dashboard.views.overview import ris_region
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number
from indicators.goals import verdicts as v

STATUS_COLUMN = 5  # dashboard.views.goals.COLUMNS: indicator, target, baseline, latest, change, …
SHOWN = 3  # strongest and weakest


@dataclass(frozen=True)
class Part:
    """A slide and, for a chart, the page's figure and frame texts (for `--images`)."""

    slide: d.Slide
    figure: go.Figure | None = None


def number_format(decimals: int) -> str:
    """An Excel number format with thousands grouping; PowerPoint shows the viewer's own
    separators (a space and a decimal comma in Swedish)."""
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def _title(strategy_name: str, region_name: str, period: str, lang: str, today: date) -> Part:
    return Part(
        d.TitleSlide(
            strategy_name,
            t("deck.subtitle", lang, period=period.replace("-", "–"), region=region_name),
            notes=t("deck.made", lang, date=format_date(today)),
        )
    )


def _ranked(view: CompareView) -> pd.DataFrame:
    """The bar rows, strongest first; a missing value (no ratio) last."""
    return view.bar_rows.sort_values("ratio", ascending=False, na_position="last", kind="stable")


def _named(rows: pd.DataFrame, lang: str) -> str:
    return ", ".join(f"{r.label} ({format_number(r.ratio, 2, lang)})" for r in rows.itertuples())


def _bars(view: CompareView, year: int, lang: str) -> Part:
    rows = _ranked(view)
    shown = rows[rows["ratio"].notna()]
    note = t(
        "deck.bars_note",
        lang,
        region=view.region_name,
        group=view.group,
        above=int((shown["ratio"] > 1).sum()),
        n=len(shown),
        year=year,
        best=_named(shown.head(SHOWN), lang),
        worst=_named(shown.tail(SHOWN).iloc[::-1], lang),
    )
    if len(shown) < len(rows):
        note += " " + t("deck.bars_missing", lang, n=len(rows) - len(shown))
    ratios = [None if pd.isna(x) else float(x) for x in rows["ratio"]]
    slide = d.BarChartSlide(
        view.title,
        view.intro,
        [str(label) for label in rows["label"]],
        [d.Series(t("table.ratio", lang), ratios)],
        source=view.source,
        reference_line=1.0,
        caveats=list(view.caveats),
        notes=note,
        unit=t("table.ratio", lang),
    )
    return Part(slide, view.bars)


def _trend(view: CompareView, lang: str) -> Part | None:
    rows = view.trend_rows
    if rows.empty:
        return None
    columns = [
        ("region", view.region_name),
        ("benchmark", t(f"trend.bench.{view.benchmark}", lang)),
        ("eu", t("trend.eu", lang)),
    ]
    series = []
    for column, name in columns:
        if column not in rows or rows[column].isna().all():
            continue
        values = [None if pd.isna(x) else float(x) for x in rows[column]]
        series.append(d.Series(name, values))
    known = rows[rows["region"].notna()]
    note = ""
    if not known.empty:
        first, last = known.iloc[0], known.iloc[-1]
        note = t(
            "deck.trend_note",
            lang,
            region=view.region_name,
            first=format_number(first["region"], 1, lang),
            first_year=int(first["year"]),
            last=format_number(last["region"], 1, lang),
            last_year=int(last["year"]),
        )
    title = view.trend.layout.title.text or t("nav.compare", lang)
    slide = d.LineChartSlide(
        title,
        view.region_name,
        [str(int(y)) for y in rows["year"]],
        series,
        source=view.source,
        number_format="0.0",
        notes=note,
        unit=view.trend.layout.yaxis.title.text or "",
    )
    return Part(slide, view.trend)


def _extremes(view: CompareView, year: int, lang: str) -> Part | None:
    rows = _ranked(view)
    rows = rows[rows["ratio"].notna()]
    if rows.empty:
        return None
    strongest = rows.head(SHOWN)
    weakest = rows.drop(strongest.index).tail(SHOWN).iloc[::-1]
    cells = [
        [t(key, lang), str(r.label), format_number(r.ratio, 2, lang)]
        for key, frame in (("deck.strongest", strongest), ("deck.weakest", weakest))
        for r in frame.itertuples()
    ]
    title = t("deck.extremes", lang, group=view.group, year=year)
    slide = d.TableSlide(
        title,
        view.region_name,
        ["", t("table.indicator", lang), t("table.ratio", lang)],
        cells,
        source=view.source,
        numeric_columns={2},
        caveats=[c for c in view.caveats if c.startswith(("†", "▲", "*"))],
        notes=" ".join(f"{c[0]}: {c[1]} {c[2]}." for c in cells),
    )
    return Part(slide)


def _goal_table(section: GoalSection, lang: str) -> Part:
    table = section.table(lang)
    notes = [t("deck.goal_note", lang, goal=section.title, status=section.status, method="")]
    notes[0] = notes[0].rstrip() + (f" {section.judged_text}." if section.judged_text else "")
    notes += [
        t(
            "deck.row_note",
            lang,
            label=row.cell("indicator"),
            baseline=row.baseline,
            latest=row.latest,
            change=row.change,
            status=row.status,
        )
        for row in section.rows
    ]
    numeric = {i for i, (key, _) in enumerate(table.columns) if key in table.numeric}
    slide = d.TableSlide(
        section.title,
        f"{t('goals.summary_label', lang)}: {section.status}",
        table.headings,
        table.cells(),
        source=t("deck.goal_source", lang),
        numeric_columns=numeric,
        caveats=section.footnotes,
        notes="\n".join(notes),
        status_column=STATUS_COLUMN,
    )
    return Part(slide)


def _goal_chart(view: IndicatorView, section: GoalSection, period: str, lang: str) -> Part:
    spec = view.chart
    frames = [spec.series.assign(line=[t(f"sex.{s}", lang) for s in spec.series["sex"]])]
    if not spec.peers.empty:
        frames.append(spec.peers.assign(line=spec.peers["name"]))
    points = pd.concat(frames, ignore_index=True)
    periods = sorted(
        set(points["period"].astype(str)),
        key=lambda p: points.loc[points["period"].astype(str) == p, "time"].min(),
    )
    series = []
    for line, frame in points.groupby("line", sort=False):
        by_period = dict(zip(frame["period"].astype(str), frame["value"], strict=True))
        values = [by_period.get(p) for p in periods]
        series.append(d.Series(str(line), [None if pd.isna(x) else float(x) for x in values]))
    target = None
    if spec.target_value is not None:
        label = t(
            "goalchart.target", lang, value=format_number(spec.target_value, spec.decimals, lang)
        )
        target = (f"{label} ({spec.target_year})", float(spec.target_value))
    slide = d.LineChartSlide(
        view.title,
        f"{section.title} · {view.status} · {period.replace('-', '–')}",
        periods,
        series,
        source=view.source,
        number_format=number_format(spec.decimals),
        caveats=[note for _, note in spec.breaks],
        notes=view.sentence,
        target=target,
        unit=spec.unit,
    )
    return Part(slide, view.figure)


def _method(lang: str) -> Part:
    bullets = [f"{heading}: {paragraphs[0]}" for heading, paragraphs in method_sections(lang)]
    return Part(d.BulletsSlide(t("deck.method", lang), "", bullets))


def _sources(sources: Iterable[str], lang: str, parts: Iterable[Part] = ()) -> Part:
    """Every source once; and what "[sv]" means when a slide shows a text the catalogue has
    only in Swedish."""
    unique = list(dict.fromkeys(s for s in sources if s))
    marked = any(SWEDISH_START in s for s in unique)
    if marked or any(SWEDISH_START in str(part.slide) for part in parts):
        unique.append(t("untranslated.legend", lang))
    return Part(d.BulletsSlide(t("deck.sources", lang), t("deck.sources_intro", lang), unique))


def _ris_parts(view: CompareView, year: int, lang: str) -> list[Part]:
    if view.bar_rows.empty:
        return []
    return [
        _bars(view, year, lang),
        *(p for p in (_trend(view, lang), _extremes(view, year, lang)) if p),
    ]


def _strategy(catalogue: Catalogue, strategy_id: str, region: str, lang: str):
    if strategy_id not in catalogue.strategies:
        raise ExportError(
            f"okänd strategi: {strategy_id} (kända: {', '.join(catalogue.strategies)})"
        )
    strategy = catalogue.strategies[strategy_id]
    if region not in strategy.regions:
        known = ", ".join(strategy.regions)
        raise ExportError(f"{region} följs inte upp av {strategy.name(lang)} (regioner: {known})")
    return strategy


def deck_parts(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str | None,
    region: str,
    period: str,
    lang: str = "sv",
    benchmark: str = "leaders",
    today: date | None = None,
    edition: int | None = None,
    year: int | None = None,
) -> list[Part]:
    """The slides, in order: title, the region against the benchmark, RII over time, strongest
    and weakest, per delmål its status table and each judged indicator's chart, the method and
    every source. Without a strategy: the RIS slides of the region (Jämför's deck)."""
    today = today or date.today()
    latest = ris.latest_edition(reader)
    if latest is not None and edition is None:
        edition, year = latest
    elif edition is not None and year is None:
        year = edition
    if strategy_id is None:
        if edition is None or year is None:
            raise ExportError("lagret har ingen RIS-utgåva: kör `rusmon etl ris` först")
        view = compare_view(reader, catalogue, region, edition, year, lang, benchmark)
        ris_parts = _ris_parts(view, year, lang)
        if not ris_parts:
            raise ExportError(
                view.bars.layout.annotations[0].text if view.bars.layout.annotations else view.title
            )
        title = d.TitleSlide(
            view.title, view.intro, notes=t("deck.made", lang, date=format_date(today))
        )
        return [Part(title), *ris_parts, _sources([view.source], lang)]
    strategy = _strategy(catalogue, strategy_id, region, lang)
    known = [p.id for p in catalogue.mandate_periods]
    if period not in known:
        raise ExportError(f"{period} är ingen mandatperiod (kända: {', '.join(known)})")
    page = goal_page(reader, catalogue, strategy_id, region, period, lang, hints=False)
    if page.empty:
        raise ExportError(
            t(
                "deck.no_goals",
                lang,
                strategy=page.strategy_name,
                region=page.region_name,
                period=period,
            )
        )
    parts = [_title(page.strategy_name, page.region_name, period, lang, today)]
    sources: list[str] = []
    if edition is not None and year is not None:
        nuts2 = ris_region(catalogue, region)
        view = compare_view(reader, catalogue, nuts2, edition, year, lang, benchmark)
        parts += _ris_parts(view, year, lang)
        sources += [view.source] if not view.bar_rows.empty else []
    for section in page.sections:
        views = [
            indicator_view(reader, catalogue, strategy_id, region, period, row.key, lang, False)
            for row in section.rows
        ]
        shown = [x for x in views if x is not None]
        parts.append(_goal_table(section, lang))
        sources += [x.source_line for x in shown]
        parts += [
            _goal_chart(x, section, period, lang) for x in shown if x.status.code != v.UNKNOWN.code
        ]
    owner = owner_text(strategy, lang)
    sources.append(t("deck.assessed", lang, owner=owner, strategy=page.strategy_name))
    parts += [_method(lang), _sources(sources, lang, parts)]
    return parts


def as_pictures(parts: list[Part], render: Callable[[go.Figure, d.Slide], bytes]) -> list[d.Slide]:
    """`--images`: every chart slide becomes a picture of the page's figure (`render` gives
    the PNG, framed with the slide's title, subtitle, caveats and source)."""
    slides: list[d.Slide] = []
    for part in parts:
        slide = part.slide
        if part.figure is None or not isinstance(slide, d.BarChartSlide | d.LineChartSlide):
            slides.append(slide)
            continue
        slides.append(
            d.PictureSlide(
                slide.title,
                slide.subtitle,
                render(part.figure, slide),
                source=slide.source,
                caveats=slide.caveats,
                notes=slide.notes,
            )
        )
    return slides


def build_deck(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str | None,
    region: str,
    period: str,
    lang: str = "sv",
    *,
    images: bool = False,
    benchmark: str = "leaders",
    today: date | None = None,
    edition: int | None = None,
    year: int | None = None,
) -> d.Deck:
    """The deck; with `images` every chart is a slide picture of the page's figure instead of
    a native (editable) chart."""
    parts = deck_parts(
        reader, catalogue, strategy_id, region, period, lang, benchmark, today, edition, year
    )
    if images:
        from dashboard.export.images import slide_image  # starts Chromium: only when asked
        from dashboard.export.slide import SlideFrame

        def render(figure: go.Figure, slide) -> bytes:
            frame = SlideFrame(
                slide.title, slide.subtitle, source=slide.source, notes=tuple(slide.caveats)
            )
            return slide_image(figure, frame, "png", lang)

        slides = as_pictures(parts, render)
    else:
        slides = [part.slide for part in parts]
    first = parts[0].slide
    return d.Deck(first.title, getattr(first, "subtitle", ""), slides, lang)

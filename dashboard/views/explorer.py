"""Indikatorer as data: any follow-up indicator for chosen regions, as lines, small multiples or
bars, women and men where split, indexed to a base period, as a table, with its metadata, and
the values to download.

Pure (reader and catalogue in, dataclasses, frames and figures out): the page and the exports
show what `explorer_view` returns.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import indicators as data
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.indicator_chart import indicator_bars, indicator_lines
from dashboard.i18n import catalogue_text, plain, swedish_only, t
from dashboard.views.goals import break_note
from dashboard.views.model import Table
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number
from indicators.goals.status import period_time

PREFERRED_REGIONS = ("SE", "SE125", "SE124", "SE213", "SE331")
TABLE_PERIODS = 10


@dataclass(frozen=True)
class MetaItem:
    """One term of the metadata list: its text, linked to `href` when there is one, followed by
    `after`; or, when `lines` are given, a list of lines instead."""

    term: str
    text: str = ""
    href: str | None = None
    after: str = ""
    lines: list[str] | None = None


@dataclass(frozen=True)
class Metadata:
    heading: str
    items: list[MetaItem]
    notes_heading: str
    notes: list[str] = field(default_factory=list)
    breaks_heading: str = ""
    breaks: list[str] = field(default_factory=list)  # series breaks, "period: note"


@dataclass
class ExplorerView:
    figure: go.Figure
    table: Table | None  # the shown values, the last periods; None when nothing is shown
    metadata: Metadata
    source: str = ""  # the source line's text ("Källa: …"); empty when nothing is shown


def indicator_options(reader: WarehouseReader, catalogue: Catalogue, lang: str) -> list[dict]:
    """Indicators with data first, alphabetically; those still waiting say so."""
    loaded = data.loaded_indicators(reader)
    rows = (
        dict(zip(loaded["indicator_id"], loaded["rows"], strict=True)) if not loaded.empty else {}
    )
    options = []
    for indicator in sorted(catalogue.indicators.values(), key=lambda i: i.name(lang)):
        has = rows.get(indicator.id, 0) > 0
        label = indicator.name(lang) + ("" if has else f" ({t('explorer.no_data_short', lang)})")
        options.append({"label": label, "value": indicator.id, "has": has})
    options.sort(key=lambda o: not o["has"])
    return [{"label": o["label"], "value": o["value"]} for o in options]


def region_codes(values: pd.DataFrame) -> list[str]:
    """The regions with values, in the page's order: Sweden and the riksområden first."""
    return sorted(set(values["region_code"]), key=lambda c: (len(c) > 2, c))


def region_options(values: pd.DataFrame, catalogue: Catalogue, lang: str) -> list[dict]:
    return [catalogue.regions.option(code, lang) for code in region_codes(values)]


def in_order(periods) -> list[str]:
    """The distinct periods, oldest first (quarters in their year)."""
    return sorted(set(periods), key=lambda p: period_time(str(p)))


def default_regions(available: list[str]) -> list[str]:
    chosen = [c for c in PREFERRED_REGIONS if c in available]
    return chosen or available[:4]


def period_options(values: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """(base periods for the index, "no index" first; years for the bars, newest first)."""
    periods = [{"label": p, "value": p} for p in in_order(values["period"].astype(str))]
    return [{"label": t("explorer.no_index", lang), "value": ""}, *periods], periods[::-1]


def sex_options(catalogue: Catalogue, indicator_id: str, lang: str) -> list[dict]:
    split = indicator_id in catalogue.indicators and catalogue.indicators[indicator_id].sex_split
    return [
        {"label": t("sex.T", lang), "value": "T"},
        {"label": t("explorer.women_men", lang), "value": "KM", "disabled": not split},
    ]


def explorer_frame(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    regions: list[str],
    sex_mode: str,
    base: str | None,
    lang: str,
) -> pd.DataFrame:
    """The values shown: region_code, name, period, sex, value, status, time; indexed when asked."""
    values = data.values(reader, indicator_id)
    values = values[values["region_code"].isin(regions) & values["value"].notna()]
    sexes = ["K", "M"] if sex_mode == "KM" else ["T"]
    values = values[values["sex"].isin(sexes)].copy()
    if values.empty:
        return values.assign(name=[], time=[])
    values["name"] = [catalogue.regions.name_of(c, lang) for c in values["region_code"]]
    values["time"] = [period_time(str(p)) for p in values["period"]]
    order = {code: i for i, code in enumerate(regions)}
    values = values.sort_values(
        ["region_code", "sex", "time"], key=lambda s: s.map(order) if s.name == "region_code" else s
    )
    if base:
        at_base = values[values["period"] == base].set_index(["region_code", "sex"])["value"]
        keys = list(zip(values["region_code"], values["sex"], strict=True))
        divisor = [at_base.get(k) for k in keys]
        values["value"] = [
            v / d * 100 if d not in (None, 0) and not pd.isna(d) else float("nan")
            for v, d in zip(values["value"], divisor, strict=True)
        ]
        values = values[values["value"].notna()]
    return values


def source_line(indicator, frame: pd.DataFrame, lang: str) -> str:
    """The "Källa: …" line for the values shown: a hand-kept file's own source and note where
    values come from one (called hand-kept when the catalogue's source is an API), and our
    last load."""
    sources = data.summarise_sources(frame)
    loaded = frame["loaded_at"].max() if "loaded_at" in frame and not frame.empty else None
    text = data.describe_sources(indicator, sources, lang).rstrip(".")
    return t("source.line", lang, source=text, loaded=format_date(loaded))


def _unit(catalogue, indicator_id, base, lang) -> tuple[str, int]:
    indicator = catalogue.indicators[indicator_id]
    if base:
        return t("explorer.index_unit", lang, base=base), 1
    return indicator.unit_text(lang), indicator.decimals


def _table(frame: pd.DataFrame, decimals: int, lang: str, source: str = "") -> Table | None:
    """The last periods, one row per region (and sex); the caption ends with the source line."""
    if frame.empty:
        return None
    periods = in_order(frame["period"])[-TABLE_PERIODS:]
    wide = frame[frame["period"].isin(periods)].pivot_table(
        index=["name", "sex"], columns="period", values="value", sort=False
    )
    split = frame["sex"].nunique() > 1
    rows = []
    for (name, sex), series in wide.iterrows():
        row = {"region": f"{name}, {t(f'sex.{sex}', lang).lower()}" if split else name}
        row.update({p: format_number(series.get(p), decimals, lang) for p in periods})
        rows.append(row)
    columns = [("region", t("control.region", lang))] + [(p, str(p)) for p in periods]
    caption = t("explorer.table_caption", lang, n=len(periods))
    if source:
        caption = f"{caption} {source}"
    return Table(columns, rows, tuple(periods), caption)


def _origin_lines(indicator, sources: pd.DataFrame, lang: str) -> list[str]:
    """One line per source of the shown values: as the source line names it, how many values
    over which periods, and a hand-kept file's note."""
    lines = []
    for row in sources.itertuples(index=False):
        text = data.describe_source(indicator, lang, row.loader, row.origin, row.source_text)
        if row.loader == data.HAND_KEPT and isinstance(row.note, str) and row.note:
            note = swedish_only(row.note, lang)  # the file's words: Swedish
            text = t("source.with_note", lang, source=text, note=note)
        periods = (
            row.first_period
            if row.first_period == row.last_period
            else f"{row.first_period}–{row.last_period}"
        )
        counted = t(
            "meta.rows_periods", lang, rows=format_number(row.rows, 0, lang), periods=periods
        )
        lines.append(f"{text} ({counted})")
    return lines


def indicator_notes(indicator, lang: str) -> list[str]:
    """The notes that must be shown with the figures: in English the catalogue's English
    notes (`notes_en`) when it has them, else the Swedish ones, each marked "[sv]"."""
    english = list(indicator.notes_en)
    if lang == "en" and english:
        return english
    return [catalogue_text(note, None, lang) for note in indicator.notes_sv]


def next_release(indicator, lang: str) -> str:
    """When the source publishes next, in the catalogue's words ("" when it does not say)."""
    return catalogue_text(indicator.next_release, indicator.next_release_en, lang)


def _source_reference(source, label: str, lang: str) -> str:
    """The source's table after its name ("(tabell TAB3138)"), where the name does not already
    say it; a hand-kept file has none (its file is named under "Diagrammets värden")."""
    if source.type == "manual" or not source.key or source.key in label:
        return ""
    return f" ({t('meta.table', lang)} {source.key})"


def metadata(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    lang: str,
    sources: pd.DataFrame | None = None,
) -> Metadata:
    """Definition, unit, the catalogue's source, and where the shown values come from
    (`sources`: `data.value_sources` rows; None = every loaded value of the indicator)."""
    indicator = catalogue.indicators[indicator_id]
    if sources is None:
        sources = data.value_sources(reader, indicator_id)
    loaded = data.loaded_indicators(reader)
    row = loaded[loaded["indicator_id"] == indicator_id] if not loaded.empty else loaded
    fresh = row.iloc[0] if not row.empty else None
    source = indicator.source
    label = data.source_label(indicator, lang)

    def item(key, text="", **rest) -> MetaItem:
        return MetaItem(t(f"meta.{key}", lang), text, **rest)

    items = [
        item("definition", indicator.description(lang)),
        item("unit", indicator.unit_text(lang)),
        item(
            "source", label, href=source.url or None, after=_source_reference(source, label, lang)
        ),
        *(
            [item("values_from", lines=_origin_lines(indicator, sources, lang))]
            if len(sources)
            else []
        ),
        item("frequency", t(f"frequency.{indicator.frequency}", lang)),
        item("direction", t(f"direction.{indicator.direction}", lang)),
        item(
            "periods",
            "–"
            if fresh is None or not fresh["rows"]
            else f"{fresh['first_period']}–{fresh['last_period']}",
        ),
        item("source_updated", format_date(None if fresh is None else fresh["source_updated"])),
        item("loaded", format_date(None if fresh is None else fresh["loaded_at"])),
        item("next_release", next_release(indicator, lang) or "–"),
    ]
    notes = indicator_notes(indicator, lang)
    source_notes = data.notes(reader, indicator_id)  # the source's own, in Swedish
    notes += [swedish_only(n, lang) for n in source_notes["note"].tolist() if n not in notes]
    breaks = [f"{b.period}: {break_note(b, lang)}" for b in indicator.series_breaks]
    return Metadata(
        t("meta.heading", lang),
        items,
        t("meta.notes", lang),
        notes,
        t("meta.breaks", lang),
        breaks,
    )


def explorer_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    regions: list[str],
    mode: str,
    period: str | None,
    sex_mode: str,
    base: str | None,
    small: bool,
    lang: str,
) -> ExplorerView:
    indicator = catalogue.indicators[indicator_id]
    frame = explorer_frame(reader, catalogue, indicator_id, regions, sex_mode, base, lang)
    unit, decimals = _unit(catalogue, indicator_id, base, lang)
    meta = metadata(reader, catalogue, indicator_id, lang, data.summarise_sources(frame))
    if frame.empty:
        message = t("explorer.empty", lang, indicator=indicator.name(lang))
        return ExplorerView(empty_figure(message, lang), None, meta)
    if mode == "bar":
        periods = in_order(frame["period"])
        chosen = period if period in periods else periods[-1]
        title = f"{indicator.name(lang)}, {chosen}"
        figure = indicator_bars(
            frame[frame["period"] == chosen], title=title, unit=unit, decimals=decimals, lang=lang
        )
    else:
        figure = indicator_lines(
            frame,
            title=indicator.name(lang),
            unit=unit,
            decimals=decimals,
            lang=lang,
            small_multiples=small,
        )
    source = source_line(indicator, frame, lang)
    return ExplorerView(figure, _table(frame, decimals, lang, source), meta, source)


def download_frame(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    regions: list[str],
    sex_mode: str,
    base: str | None,
    lang: str,
) -> pd.DataFrame:
    """What the analyst downloads: the shown values, with region names, unit, and each value's
    source and note (a hand-kept file's own, named as such; else the catalogue's label)."""
    indicator = catalogue.indicators[indicator_id]
    frame = explorer_frame(reader, catalogue, indicator_id, regions, sex_mode, base, lang)
    unit, _ = _unit(catalogue, indicator_id, base, lang)
    columns = [frame.get(c, pd.Series(None, index=frame.index)) for c in data.ORIGIN_COLUMNS]
    described = {}
    sources, notes = [], []
    for loader, origin, text, note in zip(*columns, strict=True):
        key = (loader, origin, text)
        if key not in described:
            described[key] = data.describe_source(indicator, lang, loader, origin, text)
        sources.append(plain(described[key]))
        notes.append(note if loader == data.HAND_KEPT and isinstance(note, str) else "")
    columns = {
        "indicator_id": indicator_id,
        "indicator": indicator.name(lang),
        "region_code": frame["region_code"],
        "region": frame["name"],
        "period": frame["period"],
        "sex": frame["sex"],
        "value": frame["value"],
        "unit": unit,
        "source": sources,
        "status": frame["status"],
        "note": notes,
    }
    out = pd.DataFrame({t(f"explorer.download.{key}", lang): v for key, v in columns.items()})
    return out.reset_index(drop=True)


def csv_text(frame: pd.DataFrame, lang: str) -> str:
    """Excel-friendly CSV: Swedish uses semicolons and decimal commas, English commas and points."""
    buffer = io.StringIO()
    if lang == "en":
        frame.to_csv(buffer, index=False)
    else:
        frame.to_csv(buffer, index=False, sep=";", decimal=",")
    return buffer.getvalue()

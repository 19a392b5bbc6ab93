"""Indikatorer: any follow-up indicator for chosen regions, as lines, small multiples or bars,
women and men where split, indexed to a base period, as a table, and downloadable.

`explorer_frame` and `explorer_view` are plain functions; `register` wires them to the page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, dcc, html

from dashboard import ids
from dashboard.components.table import simple_table
from dashboard.data_access import indicators as data
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.indicator_chart import indicator_bars, indicator_lines
from dashboard.i18n import t
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number
from indicators.goals.status import period_time

PREFERRED_REGIONS = ("SE", "SE125", "SE124", "SE213", "SE331")
TABLE_PERIODS = 10


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


def region_options(values: pd.DataFrame, catalogue: Catalogue, lang: str) -> list[dict]:
    codes = sorted(set(values["region_code"]), key=lambda c: (len(c) > 2, c))
    return [catalogue.regions.option(code, lang) for code in codes]


def in_order(periods) -> list[str]:
    """The distinct periods, oldest first (quarters in their year)."""
    return sorted(set(periods), key=lambda p: period_time(str(p)))


def default_regions(available: list[str]) -> list[str]:
    chosen = [c for c in PREFERRED_REGIONS if c in available]
    return chosen or available[:4]


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


@dataclass
class ExplorerView:
    figure: go.Figure
    table: list  # the source line under the chart, then the table
    metadata: list
    source: str = ""  # the source line's text ("Källa: …"); empty when nothing is shown


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


def _table(frame: pd.DataFrame, decimals: int, lang: str, source: str = "") -> list:
    if frame.empty:
        return []
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
    return [
        *([html.P(source, className="source")] if source else []),
        html.Details(
            [
                html.Summary(t("table.show", lang)),
                simple_table(columns, rows, numeric=periods, caption=caption),
            ],
            open=False,
        ),
    ]


def _origin_items(indicator, sources: pd.DataFrame, lang: str) -> list:
    """One line per source of the shown values: as the source line names it, how many values
    over which periods, and a hand-kept file's note."""
    items = []
    for row in sources.itertuples(index=False):
        text = data.describe_source(indicator, lang, row.loader, row.origin, row.source_text)
        if row.loader == data.HAND_KEPT and isinstance(row.note, str) and row.note:
            text = t("source.with_note", lang, source=text, note=row.note)
        periods = (
            row.first_period
            if row.first_period == row.last_period
            else f"{row.first_period}–{row.last_period}"
        )
        counted = t(
            "meta.rows_periods", lang, rows=format_number(row.rows, 0, lang), periods=periods
        )
        items.append(html.Li(f"{text} ({counted})"))
    return items


def metadata_panel(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    lang: str,
    sources: pd.DataFrame | None = None,
):
    """Definition, unit, the catalogue's source, and where the shown values come from
    (`sources`: `data.value_sources` rows; None = every loaded value of the indicator)."""
    indicator = catalogue.indicators[indicator_id]
    if sources is None:
        sources = data.value_sources(reader, indicator_id)
    loaded = data.loaded_indicators(reader)
    row = loaded[loaded["indicator_id"] == indicator_id] if not loaded.empty else loaded
    fresh = row.iloc[0] if not row.empty else None
    source = indicator.source
    link = (
        html.A(source.label, href=source.url, target="_blank", rel="noopener")
        if source.url
        else source.label
    )

    def item(key, value):
        return [html.Dt(t(f"meta.{key}", lang)), html.Dd(value)]

    parts = [
        *item("definition", indicator.description(lang)),
        *item("unit", indicator.unit_text(lang)),
        *item("source", [link, f" ({source.describe()})"]),
        *(
            item("values_from", html.Ul(_origin_items(indicator, sources, lang)))
            if len(sources)
            else []
        ),
        *item("frequency", t(f"frequency.{indicator.frequency}", lang)),
        *item("direction", t(f"direction.{indicator.direction}", lang)),
        *item(
            "periods",
            "–"
            if fresh is None or not fresh["rows"]
            else f"{fresh['first_period']}–{fresh['last_period']}",
        ),
        *item("source_updated", format_date(None if fresh is None else fresh["source_updated"])),
        *item("loaded", format_date(None if fresh is None else fresh["loaded_at"])),
        *item("next_release", indicator.next_release or "–"),
    ]
    notes = list(indicator.notes_sv)
    source_notes = data.notes(reader, indicator_id)
    notes += [n for n in source_notes["note"].tolist() if n not in notes]
    breaks = [f"{b.period}: {b.note(lang)}" for b in indicator.series_breaks]
    panel = [html.H2(t("meta.heading", lang)), html.Dl(parts, className="meta")]
    if notes:
        panel += [html.H3(t("meta.notes", lang)), html.Ul([html.Li(n) for n in notes])]
    if breaks:
        panel += [html.H3(t("meta.breaks", lang)), html.Ul([html.Li(b) for b in breaks])]
    return panel


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
    metadata = metadata_panel(reader, catalogue, indicator_id, lang, data.summarise_sources(frame))
    if frame.empty:
        message = t("explorer.empty", lang, indicator=indicator.name(lang))
        return ExplorerView(empty_figure(message, lang), [], metadata)
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
    return ExplorerView(figure, _table(frame, decimals, lang, source), metadata, source)


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
        sources.append(described[key])
        notes.append(note if loader == data.HAND_KEPT and isinstance(note, str) else "")
    out = pd.DataFrame(
        {
            "indikator_id": indicator_id,
            "indikator": indicator.name(lang),
            "regionkod": frame["region_code"],
            "region": frame["name"],
            "period": frame["period"],
            "kön": frame["sex"],
            "värde": frame["value"],
            "enhet": unit,
            "källa": sources,
            "status": frame["status"],
            "anmärkning": notes,
        }
    )
    if lang == "en":
        out.columns = [
            "indicator_id",
            "indicator",
            "region_code",
            "region",
            "period",
            "sex",
            "value",
            "unit",
            "source",
            "status",
            "note",
        ]
    return out.reset_index(drop=True)


def csv_text(frame: pd.DataFrame, lang: str) -> str:
    """Excel-friendly CSV: Swedish uses semicolons and decimal commas, English commas and points."""
    buffer = io.StringIO()
    if lang == "en":
        frame.to_csv(buffer, index=False)
    else:
        frame.to_csv(buffer, index=False, sep=";", decimal=",")
    return buffer.getvalue()


def period_options(values: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """(base periods for the index, "no index" first; years for the bars, newest first)."""
    periods = [{"label": p, "value": p} for p in in_order(values["period"].astype(str))]
    return [{"label": t("explorer.no_index", lang), "value": ""}, *periods], periods[::-1]


def register(app: Dash, reader_of, catalogue_of) -> None:
    @app.callback(
        Output(ids.EXPLORER_REGIONS, "options"),
        Output(ids.EXPLORER_REGIONS, "value"),
        Output(ids.EXPLORER_BASE, "options"),
        Output(ids.EXPLORER_PERIOD, "options"),
        Output(ids.EXPLORER_SEX, "options"),
        Input(ids.EXPLORER_INDICATOR, "value"),
        State(ids.EXPLORER_REGIONS, "value"),
        State(ids.EXPLORER_LANG, "data"),
    )
    def _choices(indicator_id, current, lang):
        catalogue = catalogue_of()
        if indicator_id not in catalogue.indicators:
            return [], [], [], [], []
        values = data.values(reader_of(), indicator_id)
        options = region_options(values, catalogue, lang)
        available = [o["value"] for o in options]
        kept = [c for c in (current or []) if c in available]
        bases, periods = period_options(values, lang)
        return (
            options,
            kept or default_regions(available),
            bases,
            periods,
            sex_options(catalogue, indicator_id, lang),
        )

    @app.callback(
        Output(ids.EXPLORER_CHART, "figure"),
        Output(ids.EXPLORER_TABLE, "children"),
        Output(ids.EXPLORER_META, "children"),
        Input(ids.EXPLORER_INDICATOR, "value"),
        Input(ids.EXPLORER_REGIONS, "value"),
        Input(ids.EXPLORER_MODE, "value"),
        Input(ids.EXPLORER_PERIOD, "value"),
        Input(ids.EXPLORER_SEX, "value"),
        Input(ids.EXPLORER_BASE, "value"),
        Input(ids.EXPLORER_SMALL, "value"),
        State(ids.EXPLORER_LANG, "data"),
    )
    def _view(indicator_id, regions, mode, period, sex_mode, base, small, lang):
        if indicator_id not in catalogue_of().indicators or not regions:
            return empty_figure(t("explorer.pick", lang), lang), [], []
        args = (
            indicator_id,
            list(regions),
            mode,
            period,
            sex_mode,
            base or None,
            bool(small),
            lang,
        )
        key = ("explorer", *args[:1], tuple(regions), *args[2:])
        reader = reader_of()
        view = reader.memo(key, lambda: explorer_view(reader, catalogue_of(), *args))
        return view.figure, view.table, view.metadata

    def _download(kind):
        def handler(clicks, indicator_id, regions, sex_mode, base, lang):
            if not clicks or indicator_id not in catalogue_of().indicators:
                return None
            frame = download_frame(
                reader_of(),
                catalogue_of(),
                indicator_id,
                regions or [],
                sex_mode,
                base or None,
                lang,
            )
            name = f"rusmon_{indicator_id}"
            if kind == "csv":
                return {
                    "content": "\ufeff" + csv_text(frame, lang),
                    "filename": name + ".csv",
                    "type": "text/csv",
                }
            return dcc.send_data_frame(
                frame.to_excel, name + ".xlsx", index=False, sheet_name=indicator_id[:31]
            )

        return handler

    for kind, button, target in (
        ("csv", ids.EXPLORER_CSV, ids.EXPLORER_CSV_DOWNLOAD),
        ("xlsx", ids.EXPLORER_XLSX, ids.EXPLORER_XLSX_DOWNLOAD),
    ):
        app.callback(
            Output(target, "data"),
            Input(button, "n_clicks"),
            State(ids.EXPLORER_INDICATOR, "value"),
            State(ids.EXPLORER_REGIONS, "value"),
            State(ids.EXPLORER_SEX, "value"),
            State(ids.EXPLORER_BASE, "value"),
            State(ids.EXPLORER_LANG, "data"),
            prevent_initial_call=True,
        )(_download(kind))


def sex_options(catalogue: Catalogue, indicator_id: str, lang: str) -> list[dict]:
    split = indicator_id in catalogue.indicators and catalogue.indicators[indicator_id].sex_split
    return [
        {"label": t("sex.T", lang), "value": "T"},
        {"label": t("explorer.women_men", lang), "value": "KM", "disabled": not split},
    ]

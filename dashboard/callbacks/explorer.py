"""Indikatorer's wiring: the indicator, regions and display choices in, the chart, the source
line and table, the metadata and the downloads out. What is shown is decided in
`dashboard.views.explorer`."""

from __future__ import annotations

from dash import Dash, Input, Output, State, dcc

from dashboard import ids
from dashboard.callbacks import maps
from dashboard.callbacks.answers import cached_answer
from dashboard.components.explorer_parts import metadata_panel, source_and_table
from dashboard.data_access import indicators as data
from dashboard.figures.common import empty_figure
from dashboard.i18n import t
from dashboard.views.explorer import (
    csv_text,
    default_regions,
    download_frame,
    explorer_view,
    period_options,
    region_options,
    sex_options,
)


def register(app: Dash, reader_of, catalogue_of) -> None:
    maps.register_explorer(app, reader_of, catalogue_of)  # the "Karta" tab

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

        def build():
            view = explorer_view(reader, catalogue_of(), *args)
            return view.figure, source_and_table(view, lang), metadata_panel(view.metadata)

        return cached_answer(reader, key, build)

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

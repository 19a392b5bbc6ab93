"""Datakällor: every source and indicator with status, rows and freshness, and the last ETL
runs with their errors. Built from the warehouse's public views only."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.shell import shell
from dashboard.components.table import simple_table
from dashboard.context import catalogue, reader
from dashboard.data_access import indicators as data
from dashboard.data_access import ris
from dashboard.i18n import language, swedish_only, t
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number, format_time

PATH = "/datakallor"
SOURCES = ("ris", "scb", "kolada", "tva", "eurostat", "manual", "goals")  # the ETL's source keys


def source_name(source: str, lang: str) -> str:
    """A source's name ("source.name.<key>" in dashboard.i18n); an unknown key as it is."""
    return t(f"source.name.{source}", lang) if source in SOURCES else source


RUN_STATUS = {"ok": "✔", "unchanged": "=", "skipped": "–", "failed": "✖"}


def _run_status(status: str, lang: str) -> str:
    return f"{RUN_STATUS.get(status, '?')} {t(f'run.{status}', lang)}"


def source_rows(runs: pd.DataFrame, lang: str) -> list[dict]:
    return [
        {
            "source": source_name(r.source, lang),
            "status": _run_status(r.status, lang),
            "when": format_time(r.started_at),
            "rows": format_number(r.rows, 0, lang),
            "last_ok": format_time(r.last_ok),
            "message": swedish_only(r.message, lang),
        }
        for r in runs.itertuples()
    ]


def indicator_rows(
    loaded: pd.DataFrame, cat: Catalogue, lang: str, sources: pd.DataFrame | None = None
) -> list[dict]:
    """One row per catalogue indicator. `sources` (`data.value_sources_by_indicator`) says
    where the loaded values come from: a hand-kept file is named with its own source text
    (and called hand-kept where the catalogue's source is an API), not the catalogue's label."""
    by_id = loaded.set_index("indicator_id") if not loaded.empty else pd.DataFrame()
    per_indicator = (
        dict(tuple(sources.groupby("indicator_id", sort=False)))
        if sources is not None and not sources.empty
        else {}
    )
    rows = []
    for indicator in sorted(cat.indicators.values(), key=lambda i: i.name(lang)):
        fresh = by_id.loc[indicator.id] if indicator.id in by_id.index else None
        count = 0 if fresh is None or pd.isna(fresh["rows"]) else int(fresh["rows"])
        if count:
            state = "✔ " + t("sources.loaded", lang)
        elif indicator.source.type == "manual":
            state = "… " + t("sources.awaiting_file", lang)
        else:
            state = "– " + t("sources.not_loaded", lang)
        rows.append(
            {
                "indicator": indicator.name(lang),
                "source": data.describe_sources(
                    indicator, per_indicator.get(indicator.id, pd.DataFrame()), lang
                ),
                "state": state,
                "rows": format_number(count, 0, lang),
                "periods": f"{fresh['first_period']}–{fresh['last_period']}" if count else "–",
                "updated": format_date(None if fresh is None else fresh["source_updated"]),
                "loaded": format_time(None if fresh is None else fresh["loaded_at"]),
            }
        )
    return rows


def run_rows(runs: pd.DataFrame, lang: str) -> list[dict]:
    return [
        {
            "when": format_time(r.started_at),
            "source": r.source,
            "status": _run_status(r.status, lang),
            "rows": format_number(r.rows, 0, lang),
            "message": swedish_only(r.message, lang),
        }
        for r in runs.itertuples()
    ]


def _columns(keys: tuple[str, ...], lang: str) -> list[tuple[str, str]]:
    return [(k, t(f"sources.col.{k}", lang)) for k in keys]


def sources_page(lang: str | None = None, **_query) -> html.Div:
    lang = language(lang)
    cat = catalogue()
    last = data.last_run_per_source(reader())
    if last.empty:
        return shell(
            lang,
            PATH,
            html.H1(t("nav.sources", lang)),
            html.P(t("empty.no_warehouse", lang), className="empty-state"),
        )
    editions = ris.editions(reader())
    ris_rows = [
        {
            "edition": f"RIS {int(e.edition)}",
            "years": f"{int(e.first_year)}–{int(e.last_year)}",
            "base": str(int(e.base_year)),
            "file": e.source_file,
            "loaded": format_time(e.loaded_at),
        }
        for e in editions.itertuples()
    ]
    runs = data.etl_runs(reader(), 30)
    failed = runs[runs["status"] == "failed"]
    return shell(
        lang,
        PATH,
        html.H1(t("nav.sources", lang)),
        html.P(t("sources.intro", lang), className="lead"),
        html.Section(
            [
                html.H2(t("sources.sources", lang)),
                simple_table(
                    _columns(("source", "status", "when", "rows", "last_ok", "message"), lang),
                    source_rows(last, lang),
                    numeric=("rows",),
                    table_id="sources-table",
                ),
                html.H2(t("sources.ris", lang)),
                simple_table(
                    _columns(("edition", "years", "base", "file", "loaded"), lang), ris_rows
                ),
                html.H2(t("sources.indicators", lang)),
                simple_table(
                    _columns(
                        ("indicator", "source", "state", "rows", "periods", "updated", "loaded"),
                        lang,
                    ),
                    indicator_rows(
                        data.loaded_indicators(reader()),
                        cat,
                        lang,
                        data.value_sources_by_indicator(reader()),
                    ),
                    numeric=("rows",),
                    table_id="indicators-table",
                ),
                html.H2(t("sources.errors", lang)),
                simple_table(
                    _columns(("when", "source", "status", "rows", "message"), lang),
                    run_rows(failed, lang),
                    numeric=("rows",),
                )
                if not failed.empty
                else html.P(t("sources.no_errors", lang)),
                html.H2(t("sources.runs", lang)),
                simple_table(
                    _columns(("when", "source", "status", "rows", "message"), lang),
                    run_rows(runs, lang),
                    numeric=("rows",),
                    table_id="runs-table",
                ),
            ],
            className="panel",
        ),
    )

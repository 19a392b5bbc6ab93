"""Follow-up indicator queries for the explorer and the source pages, on the public views
indicator, observation, indicator_note, indicator_freshness, series_break and etl_run, and
where the shown values come from (`value_sources`, `describe_source`, `describe_sources`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import catalogue_text, swedish_only, t
from indicators.models import Indicator

HAND_KEPT = "manual"  # the loader of hand-kept tidy files
API_SOURCES = ("scb", "kolada", "tva", "eurostat")  # catalogue source types fetched from an API
ORIGIN_COLUMNS = ("loader", "origin", "source_text", "note")  # observation's provenance columns
SOURCE_SUMMARY_COLUMNS = [*ORIGIN_COLUMNS, "first_period", "last_period", "rows"]


def loaded_indicators(reader: WarehouseReader) -> pd.DataFrame:
    """Catalogue indicators with how much is loaded: indicator_id, rows, regions, periods."""
    if not reader.has_view("indicator_freshness"):
        return pd.DataFrame()
    return reader.query(
        "SELECT f.indicator_id, f.rows, f.regions, f.first_period, f.last_period, "
        "f.source_updated, f.loaded_at, i.source_type, i.source_label, i.next_release "
        "FROM indicator_freshness f JOIN indicator i ON i.indicator_id = f.indicator_id "
        "ORDER BY f.indicator_id"
    )


def _has_origin_columns(reader: WarehouseReader) -> bool:
    """Whether `observation` says where each value comes from (a warehouse built before it
    did lacks the columns until the next `rusmon etl` recreates the views)."""
    frame = reader.query(
        "SELECT COUNT(*) AS n FROM information_schema.columns "
        "WHERE table_name = 'observation' AND column_name IN ('loader', 'origin', 'source_text', "
        "'note')"
    )
    return int(frame["n"].iloc[0]) >= len(ORIGIN_COLUMNS)


def values(reader: WarehouseReader, indicator_id: str) -> pd.DataFrame:
    """All values of one indicator: region_code, period, sex, value, status, source_updated,
    loaded_at, and where each comes from: loader, origin, source_text, note."""
    if not reader.has_view("observation"):
        return pd.DataFrame(
            columns=["region_code", "period", "sex", "value", "status", *ORIGIN_COLUMNS]
        )
    origin = (
        ", loader, origin, source_text, note"
        if _has_origin_columns(reader)
        else ", CAST(NULL AS VARCHAR) AS loader, CAST(NULL AS VARCHAR) AS origin, "
        "CAST(NULL AS VARCHAR) AS source_text, CAST(NULL AS VARCHAR) AS note"
    )
    return reader.query(
        f"SELECT region_code, period, sex, value, status, source_updated, loaded_at{origin} "
        "FROM observation WHERE indicator_id = :i ORDER BY region_code, sex, period",
        {"i": indicator_id},
    )


def summarise_sources(frame: pd.DataFrame) -> pd.DataFrame:
    """Pure: rows of `values` (or any frame with period, value and the provenance columns)
    grouped by where they come from: loader, origin, source_text, note, first_period,
    last_period and rows (values that are not missing). Most rows first; missing values
    (SCB's "..") are not counted and a source holding only those is left out."""
    present = frame[frame["value"].notna()] if "value" in frame else frame
    if present.empty:
        return pd.DataFrame(columns=SOURCE_SUMMARY_COLUMNS)
    keyed = (
        present[list(ORIGIN_COLUMNS)]
        .astype(object)
        .fillna("")
        .assign(period=present["period"].astype(str))
    )
    summary = (
        keyed.groupby(list(ORIGIN_COLUMNS), sort=False)["period"]
        .agg(first_period="min", last_period="max", rows="size")
        .reset_index()
        .sort_values(["rows", "origin"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    for column in ORIGIN_COLUMNS:
        summary[column] = summary[column].replace("", None)
    return summary[SOURCE_SUMMARY_COLUMNS]


def value_sources(
    reader: WarehouseReader,
    indicator_id: str,
    regions: Iterable[str] | None = None,
    sexes: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Where the values the warehouse shows for an indicator come from, for the given regions
    (NUTS codes) and sexes (T/K/M); None = all.

    One row per loader (scb, kolada, tva, eurostat, manual), origin (file name or URL),
    source_text and note (as a hand-kept file's rows state them): first_period, last_period
    and rows (values present). Periods are compared as text ("2019" < "2019Q1" < "2020").
    Render it with `describe_sources`, which labels a hand-kept file as such."""
    frame = values(reader, indicator_id)
    if regions is not None:
        frame = frame[frame["region_code"].isin(list(regions))]
    if sexes is not None:
        frame = frame[frame["sex"].isin(list(sexes))]
    return summarise_sources(frame)


def value_sources_by_indicator(reader: WarehouseReader) -> pd.DataFrame:
    """`value_sources` for every indicator at once (indicator_id first), for overview tables."""
    if not reader.has_view("observation") or not _has_origin_columns(reader):
        return pd.DataFrame(columns=["indicator_id", *SOURCE_SUMMARY_COLUMNS])
    return reader.query(
        "SELECT indicator_id, loader, origin, source_text, note, MIN(period) AS first_period, "
        "MAX(period) AS last_period, COUNT(value) AS rows FROM observation "
        "GROUP BY indicator_id, loader, origin, source_text, note HAVING COUNT(value) > 0 "
        "ORDER BY indicator_id, rows DESC, origin"
    )


def source_label(indicator: Indicator, lang: str) -> str:
    """The catalogue's label of the indicator's source ("Kolada N00914 (SCB, RAMS/BAS)"); in
    English its `label_en`, else the Swedish label marked "[sv]"."""
    source = indicator.source
    return catalogue_text(source.label, source.label_en, lang)


def describe_source(
    indicator: Indicator,
    lang: str,
    loader: str | None = None,
    origin: str | None = None,
    source_text: str | None = None,
) -> str:
    """One source as a reader should see it, without "Källa:". Values from an API: the
    catalogue's label. From a hand-kept file: the file's own source (else the catalogue's
    label) and the file, e.g. "Egen uppföljning (egen fil: foo.csv)"; when the catalogue's
    source is an API, the file is called hand-kept, never the official label alone:
    "SCB … (via Regionfakta) (handpåförd fil: grp.csv, inte hämtad via API)". No loader
    (a warehouse built before the view said where values come from): the label."""
    label = source_label(indicator, lang)
    if loader != HAND_KEPT:
        return label
    own = swedish_only(_text(source_text), lang) or label  # the file's words: Swedish
    file = _text(origin) or "?"
    key = "source.hand_kept_api" if indicator.source.type in API_SOURCES else "source.own_file"
    return t(key, lang, source=own, file=file)


def describe_sources(indicator: Indicator, sources: pd.DataFrame, lang: str) -> str:
    """The source line's text (without "Källa:") for `value_sources` rows: each distinct
    source once, most rows first, joined by "; ", with a hand-kept file's note after it
    ("…; anmärkning: …"). Nothing loaded: the catalogue's label."""
    parts: list[str] = []
    for row in sources.itertuples(index=False):
        text = describe_source(indicator, lang, row.loader, row.origin, row.source_text)
        note = swedish_only(_text(row.note), lang) if row.loader == HAND_KEPT else None
        if note:
            text = t("source.with_note", lang, source=text, note=note)
        if text not in parts:
            parts.append(text)
    return "; ".join(parts) if parts else source_label(indicator, lang)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value).strip() or None


def notes(reader: WarehouseReader, indicator_id: str) -> pd.DataFrame:
    if not reader.has_view("indicator_note"):
        return pd.DataFrame(columns=["note", "mandatory"])
    return reader.query(
        "SELECT note, mandatory FROM indicator_note WHERE indicator_id = :i ORDER BY position",
        {"i": indicator_id},
    )


def etl_runs(reader: WarehouseReader, limit: int = 30) -> pd.DataFrame:
    if not reader.has_view("etl_run"):
        return pd.DataFrame()
    return reader.query(
        "SELECT run_id, source, started_at, finished_at, status, rows, message FROM etl_run "
        "ORDER BY started_at DESC LIMIT :n",
        {"n": limit},
    )


def last_run_per_source(reader: WarehouseReader) -> pd.DataFrame:
    """Per source: the last run, and the last run that loaded data (status ok)."""
    if not reader.has_view("etl_run"):
        return pd.DataFrame()
    return reader.query(
        "SELECT r.source, r.started_at, r.status, r.rows, r.message, ok.last_ok "
        "FROM etl_run r "
        "JOIN (SELECT source, MAX(started_at) AS last FROM etl_run GROUP BY source) l "
        "  ON l.source = r.source AND l.last = r.started_at "
        "LEFT JOIN (SELECT source, MAX(finished_at) AS last_ok FROM etl_run "
        "  WHERE status = 'ok' GROUP BY source) ok ON ok.source = r.source "
        "ORDER BY r.source"
    )

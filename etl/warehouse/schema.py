"""Internal warehouse tables, declared explicitly (duckdb_engine cannot reflect tables).

These tables are free to change; the public contract is the views in views/*.sql.
Types are plain SQL types that DuckDB and PostgreSQL both have.
"""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = "1"

metadata = sa.MetaData()

rusmon_meta = sa.Table(
    "rusmon_meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

dim_region = sa.Table(
    "dim_region",
    metadata,
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("name_sv", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("level", sa.Integer),
    sa.Column("parent_code", sa.Text),
    sa.Column("country_code", sa.Text),
    sa.Column("scb_code", sa.Text),
    sa.Column("kolada_code", sa.Text),
)

dim_mandate_period = sa.Table(
    "dim_mandate_period",
    metadata,
    sa.Column("mandate_period", sa.Text, primary_key=True),
    sa.Column("first_year", sa.Integer, nullable=False),
    sa.Column("last_year", sa.Integer, nullable=False),
    sa.Column("election_date", sa.Date, nullable=False),
)

ris_edition_load = sa.Table(
    "ris_edition_load",
    metadata,
    sa.Column("edition", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("framework", sa.Text, nullable=False),
    sa.Column("layout", sa.Text, nullable=False),
    sa.Column("base_year", sa.Integer, nullable=False),
    sa.Column("first_year", sa.Integer, nullable=False),
    sa.Column("last_year", sa.Integer, nullable=False),
    sa.Column("groups_published", sa.Boolean, nullable=False),
    sa.Column("source_file", sa.Text, nullable=False),
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
)

ris_indicator = sa.Table(
    "ris_indicator",
    metadata,
    sa.Column("edition", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("indicator_code", sa.Text, primary_key=True),
    sa.Column("indicator_name", sa.Text, nullable=False),  # as published (English)
    sa.Column("name_sv", sa.Text, nullable=False),
    sa.Column("dimension", sa.Text),
)

ris_region = sa.Table(
    "ris_region",
    metadata,
    sa.Column("edition", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("region_name", sa.Text, nullable=False),  # as published
    sa.Column("performance_group", sa.Text),  # Leader / Strong / Moderate / Emerging
)

ris_value = sa.Table(
    "ris_value",
    metadata,
    sa.Column("edition", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("indicator_code", sa.Text, primary_key=True),
    sa.Column("value", sa.Double),  # NULL when the status is "missing"
    # NULL = as published; "missing" = 0.00 in every year of the region's series (the RIS
    # writes unavailable data as 0.00) or an RII of 0; "zero" = an isolated 0.00, kept
    # (min-max normalisation makes the panel minimum a genuine 0) but ambiguous;
    # "capped" = at the year's maximum shared by several regions (RIS caps outliers).
    sa.Column("status", sa.Text),
)

etl_run_log = sa.Table(
    "etl_run_log",
    metadata,
    sa.Column("run_id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("finished_at", sa.DateTime, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # ok / unchanged / skipped / failed
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
)

source_input = sa.Table(
    "source_input",
    metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("input_name", sa.Text, primary_key=True),
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("accessed_at", sa.DateTime),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
)

# -- follow-up indicators --------------------------------------------------------------

dim_indicator = sa.Table(
    "dim_indicator",
    metadata,
    sa.Column("indicator_id", sa.Text, primary_key=True),
    sa.Column("name_sv", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("description_sv", sa.Text, nullable=False),
    sa.Column("description_en", sa.Text, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("unit_en", sa.Text, nullable=False),
    sa.Column("decimals", sa.Integer, nullable=False),
    sa.Column("direction", sa.Text, nullable=False),
    sa.Column("frequency", sa.Text, nullable=False),
    sa.Column("sex_split", sa.Boolean, nullable=False),
    sa.Column("source_type", sa.Text, nullable=False),
    sa.Column("source_label", sa.Text, nullable=False),
    sa.Column("source_reference", sa.Text, nullable=False),
    sa.Column("source_url", sa.Text),
    sa.Column("coverage", sa.Text, nullable=False),
    sa.Column("next_release", sa.Text),
)

dim_series_break = sa.Table(
    "dim_series_break",
    metadata,
    sa.Column("indicator_id", sa.Text, primary_key=True),
    sa.Column("period", sa.Text, primary_key=True),
    sa.Column("note_sv", sa.Text, nullable=False),
    sa.Column("note_en", sa.Text, nullable=False),
)

observation_fact = sa.Table(
    "observation_fact",
    metadata,
    sa.Column("indicator_id", sa.Text, primary_key=True),
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("period", sa.Text, primary_key=True),  # 2023 or 2023Q2
    sa.Column("sex", sa.Text, primary_key=True),  # T / K / M
    sa.Column("source", sa.Text, primary_key=True),  # the loader: scb, kolada, manual …
    sa.Column("value", sa.Double),  # NULL when the source marks the value missing ("..")
    sa.Column("status", sa.Text),  # the source's flag: "..", "p" (provisional), "b" (break) …
    sa.Column("source_updated", sa.DateTime),  # the source's own last-updated date
    sa.Column("loaded_at", sa.DateTime, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),  # file name or URL it came from
    sa.Column("source_text", sa.Text),  # the source as the row states it (tidy files)
    sa.Column("note", sa.Text),
)

indicator_note_fact = sa.Table(
    "indicator_note_fact",
    metadata,
    sa.Column("indicator_id", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("mandatory", sa.Boolean, nullable=False),
)

# Goal follow-up, recomputed as a whole after every load (etl/goals): one row per goal
# indicator × region × mandate period, and one per goal (delmål) summing its indicators up.
goal_status_fact = sa.Table(
    "goal_status_fact",
    metadata,
    sa.Column("strategy_id", sa.Text, primary_key=True),
    sa.Column("goal_id", sa.Text, primary_key=True),
    sa.Column("indicator_key", sa.Text, primary_key=True),  # indicator, or indicator[K]
    sa.Column("region_code", sa.Text, primary_key=True),  # the region followed up
    sa.Column("mandate_period", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),  # order within the strategy
    sa.Column("goal_name_sv", sa.Text, nullable=False),
    sa.Column("goal_name_en", sa.Text, nullable=False),
    sa.Column("indicator_id", sa.Text, nullable=False),  # catalogue id or ris:<code>
    sa.Column("sex", sa.Text, nullable=False),  # T, K, M, or K-M for a gap target
    sa.Column("measured_region", sa.Text, nullable=False),  # e.g. SE33 for a RIS goal of SE331
    sa.Column("target_type", sa.Text, nullable=False),
    sa.Column("target_text", sa.Text),
    sa.Column("baseline_period", sa.Text),
    sa.Column("baseline_value", sa.Double),
    sa.Column("latest_period", sa.Text),
    sa.Column("latest_value", sa.Double),
    sa.Column("target_value", sa.Double),
    sa.Column("needed_pace", sa.Double),
    sa.Column("achieved_pace", sa.Double),
    sa.Column("status_code", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # the verdict in Swedish
    sa.Column("reason", sa.Text),  # why it cannot be judged, in Swedish
    sa.Column("method", sa.Text),  # how the verdict was reached, in Swedish
    sa.Column("computed_at", sa.DateTime, nullable=False),
    # Codes and JSON parameters of reason and method: every language renders its own text
    # (indicators.goals.texts). baseline_rule: before / baseline_year / first_inside.
    sa.Column("reason_code", sa.Text),
    sa.Column("reason_params", sa.Text),
    sa.Column("method_code", sa.Text),
    sa.Column("method_params", sa.Text),
    sa.Column("baseline_rule", sa.Text),
    sa.Column("target_year", sa.Integer),
    sa.Column("tolerance", sa.Double),
    sa.Column("caveats", sa.Text),  # RIS caveats: constant_over_time, capped, zero (comma list)
)

goal_summary_fact = sa.Table(
    "goal_summary_fact",
    metadata,
    sa.Column("strategy_id", sa.Text, primary_key=True),
    sa.Column("goal_id", sa.Text, primary_key=True),
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("mandate_period", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("goal_name_sv", sa.Text, nullable=False),
    sa.Column("goal_name_en", sa.Text, nullable=False),
    sa.Column("status_code", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Column("method_code", sa.Text),
    sa.Column("method_params", sa.Text),
    sa.Column("judged", sa.Integer),  # "n av m bedömda": n
    sa.Column("indicators", sa.Integer),  # … and m
)

# Exactly the points each goal verdict was computed from, so every chart, table and export
# draws what was judged (series "judged": role baseline / latest / point), with the women's
# and men's lines beside a total and the peer regions' series as context.
goal_series_fact = sa.Table(
    "goal_series_fact",
    metadata,
    sa.Column("strategy_id", sa.Text, primary_key=True),
    sa.Column("goal_id", sa.Text, primary_key=True),
    sa.Column("indicator_key", sa.Text, primary_key=True),
    sa.Column("region_code", sa.Text, primary_key=True),
    sa.Column("mandate_period", sa.Text, primary_key=True),
    sa.Column("measured_region_code", sa.Text, primary_key=True),
    sa.Column("series", sa.Text, primary_key=True),  # judged / K / M / peer
    sa.Column("period", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),  # baseline / latest / point / context
    sa.Column("value", sa.Double, nullable=False),
    sa.Column("flag", sa.Text),  # the RIS status of the point: capped / zero
)

# Region boundaries for the dashboard's maps (etl/sources/geo): one row per NUTS region of
# levels 0–3, its Polygon or MultiPolygon as compact GeoJSON text in WGS 84.
region_geometry_fact = sa.Table(
    "region_geometry_fact",
    metadata,
    sa.Column("nuts_code", sa.Text, primary_key=True),
    sa.Column("level", sa.Integer, nullable=False),
    sa.Column("country_code", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),  # as the file names it (NAME_LATN)
    sa.Column("geojson", sa.Text, nullable=False),
    sa.Column("source_file", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.DateTime, nullable=False),
)

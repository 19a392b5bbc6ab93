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
    sa.Column("value", sa.Double, nullable=False),
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

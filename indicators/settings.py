"""Settings from the environment, shared by the ETL, the CLI and the dashboard.

Every variable is documented in README.md and .env.example.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

TRUE_WORDS = {"1", "true", "yes", "ja", "on"}


@dataclass(frozen=True)
class Settings:
    database_url: str
    sources_dir: Path | None
    offline: bool
    raw_dir: Path

    @property
    def duckdb_path(self) -> Path | None:
        """The warehouse file when the URL points at a DuckDB file, else None."""
        return duckdb_file(self.database_url)


def default_database_url(root: Path = PROJECT_ROOT) -> str:
    return f"duckdb:///{root / 'data' / 'warehouse' / 'rusmon.duckdb'}"


def duckdb_file(url: str) -> Path | None:
    prefix = "duckdb:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix) :].split("?", 1)[0]
    if rest in ("", ":memory:") or rest.startswith(":memory:"):
        return None
    return Path(rest)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    sources = env.get("RUSMON_SOURCES_DIR", "").strip()
    raw_dir = env.get("RUSMON_RAW_DIR", "").strip()
    return Settings(
        database_url=env.get("RUSMON_DATABASE_URL", "").strip() or default_database_url(),
        sources_dir=Path(sources).resolve() if sources else None,
        offline=env.get("RUSMON_OFFLINE", "").strip().lower() in TRUE_WORDS,
        raw_dir=Path(raw_dir).resolve() if raw_dir else PROJECT_ROOT / "data" / "raw",
    )

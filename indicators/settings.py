"""Settings from the environment, shared by the ETL, the CLI and the dashboard.

Every variable is documented in README.md and .env.example.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

TRUE_WORDS = {"1", "true", "yes", "ja", "on"}

# The sources' API roots (DESIGN.md). Each can be pointed elsewhere, e.g. at a local replay
# server in tests, with the environment variable named beside it.
API_ROOTS = {
    "scb": ("RUSMON_SCB_API", "https://statistikdatabasen.scb.se/api/v2"),
    "scb_v1": ("RUSMON_SCB_V1_API", "https://api.scb.se/OV0104/v1/doris/sv/ssd"),
    "kolada": ("RUSMON_KOLADA_API", "https://api.kolada.se/v3"),
    "tva": ("RUSMON_TVA_API", "https://statistik.tillvaxtanalys.se/PxWeb/api/v1/sv"),
    "eurostat": (
        "RUSMON_EUROSTAT_API",
        "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0",
    ),
}


# A dashboard query on a server database is cancelled after this many seconds (below the
# gunicorn worker timeout of 60 s, so a stuck query fails the request, not the worker).
DEFAULT_STATEMENT_TIMEOUT = 30.0
DEFAULT_DB_POOL_SIZE = 5


class SettingsError(ValueError):
    """An environment variable has a value rusmon cannot use; the message names both."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    sources_dir: Path | None
    offline: bool
    raw_dir: Path
    # A region's own catalogue folders (RUSMON_CATALOGUE_DIR), merged over the built-in one.
    catalogue_dirs: tuple[Path, ...] = ()
    api_roots: Mapping[str, str] = field(
        default_factory=lambda: {k: v for k, (_, v) in API_ROOTS.items()}
    )
    # The dashboard's connections to a server database (RUSMON_STATEMENT_TIMEOUT, seconds,
    # 0 = none; RUSMON_DB_POOL_SIZE, kept-open connections per server process).
    statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT
    db_pool_size: int = DEFAULT_DB_POOL_SIZE

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
    catalogue_dirs = env.get("RUSMON_CATALOGUE_DIR", "").split(os.pathsep)
    return Settings(
        database_url=env.get("RUSMON_DATABASE_URL", "").strip() or default_database_url(),
        sources_dir=Path(sources).resolve() if sources else None,
        offline=env.get("RUSMON_OFFLINE", "").strip().lower() in TRUE_WORDS,
        raw_dir=Path(raw_dir).resolve() if raw_dir else PROJECT_ROOT / "data" / "raw",
        catalogue_dirs=tuple(Path(d.strip()).resolve() for d in catalogue_dirs if d.strip()),
        api_roots={
            name: (env.get(variable, "").strip() or default).rstrip("/")
            for name, (variable, default) in API_ROOTS.items()
        },
        statement_timeout=_seconds(env, "RUSMON_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT),
        db_pool_size=_count(env, "RUSMON_DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE),
    )


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    """A duration in seconds (decimal point or comma); 0 means none."""
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise SettingsError(
            f"{name}={text!r} går inte att använda: ange sekunder (0 = ingen gräns)"
        )
    return value


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise SettingsError(f"{name}={text!r} går inte att använda: ange ett heltal, minst 1")
    return int(text)

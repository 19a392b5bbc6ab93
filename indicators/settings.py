"""Settings from the environment, shared by the ETL, the CLI and the dashboard.

Every variable is documented in README.md and .env.example.
"""

from __future__ import annotations

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
    )

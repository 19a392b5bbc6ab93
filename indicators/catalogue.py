"""Load and check the declarative catalogue under indicators/catalogue/.

Adding a region, a RIS framework or a mandate period means adding YAML, not code.
Every problem is reported with the file and the entry it concerns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from indicators.goals.load import StrategyError, load_strategies
from indicators.goals.models import RIS_PREFIX, Strategy
from indicators.models import (
    DIRECTIONS,
    FREQUENCIES,
    SOURCE_TYPES,
    Caveat,
    Indicator,
    MandatePeriod,
    Region,
    RegionRegistry,
    RisFramework,
    RisSeries,
    SeriesBreak,
    SourceRef,
)

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
NUTS_CODE = re.compile(r"^(EU|[A-Z]{2}[0-9A-Z]{0,3})$")


class CatalogueError(ValueError):
    """The catalogue itself is wrong: names the file and the entry."""


@dataclass(frozen=True)
class Catalogue:
    regions: RegionRegistry
    ris_frameworks: tuple[RisFramework, ...]
    caveats: dict[str, Caveat]
    mandate_periods: tuple[MandatePeriod, ...]
    indicators: dict[str, Indicator] = field(default_factory=dict)
    strategies: dict[str, Strategy] = field(default_factory=dict)

    def ris_framework(self, edition: int) -> RisFramework | None:
        for framework in self.ris_frameworks:
            if edition in framework.editions:
                return framework
        return None

    def mandate_period(self, period_id: str) -> MandatePeriod:
        for period in self.mandate_periods:
            if period.id == period_id:
                return period
        known = ", ".join(p.id for p in self.mandate_periods)
        raise KeyError(f"okänd mandatperiod {period_id!r} (kända: {known})")

    def mandate_period_for_year(self, year: int) -> MandatePeriod | None:
        return next((p for p in self.mandate_periods if p.contains_year(year)), None)

    def ris_series(self, edition: int, code: str) -> RisSeries | None:
        framework = self.ris_framework(edition)
        return framework.series_by_code().get(code) if framework else None

    def ris_short_name(self, edition: int | None, code: str, lang: str = "sv") -> str:
        """A RIS series' short name, or its code when the edition's framework lacks it."""
        series = self.ris_series(edition, code) if edition else None
        return series.short(lang) if series else code


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: ogiltig YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogueError(f"{path.name}: väntade en mappning överst i filen")
    return data


def _require(entry: dict[str, Any], key: str, where: str) -> Any:
    value = entry.get(key)
    if value is None or value == "":
        raise CatalogueError(f"{where}: fältet {key!r} saknas")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def load_regions(directory: Path) -> RegionRegistry:
    regions: dict[str, Region] = {}
    for path in sorted(directory.glob("*.yaml")):
        for i, entry in enumerate(_read_yaml(path).get("regions", []), start=1):
            where = f"{path.name}, region {i}"
            code = str(_require(entry, "code", where))
            if not NUTS_CODE.match(code):
                raise CatalogueError(f"{where}: {code!r} är ingen NUTS-kod")
            if code in regions:
                raise CatalogueError(f"{where}: regionkoden {code} finns redan")
            level = entry.get("level")
            regions[code] = Region(
                code=code,
                name_sv=str(_require(entry, "name_sv", where)),
                name_en=str(_require(entry, "name_en", where)),
                level=None if level is None else int(level),
                parent_code=_optional_str(entry.get("parent_code")),
                country_code=_optional_str(entry.get("country_code")),
                scb_code=_optional_str(entry.get("scb_code")),
                kolada_code=_optional_str(entry.get("kolada_code")),
            )
    for region in regions.values():
        if region.parent_code and region.parent_code not in regions:
            raise CatalogueError(
                f"region {region.code}: föräldern {region.parent_code} finns inte i registret"
            )
    return RegionRegistry(regions)


def load_ris_framework(path: Path) -> RisFramework:
    data = _read_yaml(path)
    dimensions = {
        str(d["code"]): (str(d["name_sv"]), str(d["name_en"])) for d in data.get("dimensions", [])
    }
    series = []
    for i, entry in enumerate(data.get("series", []), start=1):
        where = f"{path.name}, serie {i}"
        dimension = _optional_str(entry.get("dimension"))
        if dimension is not None and dimension not in dimensions:
            raise CatalogueError(f"{where}: okänd dimension {dimension}")
        series.append(
            RisSeries(
                code=str(_require(entry, "code", where)),
                name_sv=str(_require(entry, "name_sv", where)),
                name_en=str(_require(entry, "name_en", where)),
                short_sv=str(entry.get("short_sv") or entry["name_sv"]),
                short_en=str(entry.get("short_en") or entry["name_en"]),
                dimension=dimension,
                caveats=tuple(entry.get("caveats", [])),
                source_codes=tuple(str(c) for c in entry.get("source_codes", [])),
            )
        )
    not_loaded = data.get("not_loaded") or {}
    return RisFramework(
        name=str(_require(data, "framework", path.name)),
        editions=tuple(int(e) for e in _require(data, "editions", path.name)),
        dimensions=dimensions,
        series=tuple(series),
        not_loaded_codes=frozenset(str(c) for c in not_loaded.get("codes", [])),
        not_loaded_patterns=tuple(not_loaded.get("patterns", [])),
    )


def load_caveats(path: Path) -> dict[str, Caveat]:
    return {
        key: Caveat(id=key, text_sv=str(texts["sv"]), text_en=str(texts["en"]))
        for key, texts in _read_yaml(path).get("caveats", {}).items()
    }


def load_mandate_periods(path: Path) -> tuple[MandatePeriod, ...]:
    periods = []
    for i, entry in enumerate(_read_yaml(path).get("mandate_periods", []), start=1):
        where = f"{path.name}, period {i}"
        period = MandatePeriod(
            id=str(_require(entry, "id", where)),
            first_year=int(_require(entry, "first_year", where)),
            last_year=int(_require(entry, "last_year", where)),
            election_date=_as_date(_require(entry, "election_date", where), where),
            term_start=_as_date(_require(entry, "term_start", where), where),
            term_end=_as_date(_require(entry, "term_end", where), where),
        )
        if period.id != f"{period.first_year}-{period.last_year}":
            raise CatalogueError(f"{where}: id {period.id} stämmer inte med åren")
        periods.append(period)
    return tuple(sorted(periods, key=lambda p: p.first_year))


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CatalogueError(f"{where}: {value!r} är inget datum (ÅÅÅÅ-MM-DD)") from exc


# What each connector needs to know to fetch an indicator (DESIGN.md: URL shapes).
REQUIRED_REFERENCE = {
    "scb": ("api", "table", "contents"),
    "kolada": ("kpi",),
    "tva": ("path", "contents"),
    "eurostat": ("dataset", "filters"),
    "manual": (),
}
PERIOD = re.compile(r"^\d{4}(Q[1-4])?$")


def _choice(entry: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = str(_require(entry, key, where))
    if value not in allowed:
        raise CatalogueError(f"{where}: {key} är {value!r}, tillåtet: {', '.join(allowed)}")
    return value


def load_indicator(path: Path) -> Indicator:
    data = _read_yaml(path)
    where = path.name
    indicator_id = str(_require(data, "id", where))
    if indicator_id != path.stem:
        raise CatalogueError(f"{where}: id {indicator_id!r} ska vara samma som filnamnet")
    source = _require(data, "source", where)
    source_type = _choice(source, "type", SOURCE_TYPES, f"{where}, source")
    reference = {k: v for k, v in source.items() if k not in ("type", "label", "url")}
    for key in REQUIRED_REFERENCE[source_type]:
        _require(reference, key, f"{where}, source ({source_type})")
    breaks = []
    for i, entry in enumerate(data.get("series_breaks") or [], start=1):
        period = str(_require(entry, "period", f"{where}, series_breaks {i}"))
        if not PERIOD.match(period):
            raise CatalogueError(f"{where}, series_breaks {i}: {period!r} är ingen period")
        breaks.append(SeriesBreak(period, str(entry["note_sv"]), str(entry["note_en"])))
    return Indicator(
        id=indicator_id,
        name_sv=str(_require(data, "name_sv", where)),
        name_en=str(_require(data, "name_en", where)),
        description_sv=str(_require(data, "description_sv", where)).strip(),
        description_en=str(_require(data, "description_en", where)).strip(),
        unit=str(_require(data, "unit", where)),
        unit_en=str(_require(data, "unit_en", where)),
        decimals=int(data.get("decimals", 1)),
        direction=_choice(data, "direction", DIRECTIONS, where),
        frequency=_choice(data, "frequency", FREQUENCIES, where),
        sex_split=bool(data.get("sex_split", False)),
        source=SourceRef(
            type=source_type,
            label=str(_require(source, "label", f"{where}, source")),
            url=_optional_str(source.get("url")),
            reference=reference,
        ),
        coverage=str(data.get("coverage", "21 län och riket")),
        series_breaks=tuple(breaks),
        notes_sv=tuple(str(n) for n in data.get("notes_sv") or []),
        next_release=_optional_str(data.get("next_release")),
    )


def load_indicators(directory: Path) -> dict[str, Indicator]:
    return {p.stem: load_indicator(p) for p in sorted(directory.glob("*.yaml"))}


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    frameworks = tuple(
        load_ris_framework(p) for p in sorted((directory / "ris").glob("*_framework.yaml"))
    )
    editions = [e for f in frameworks for e in f.editions]
    if len(editions) != len(set(editions)):
        raise CatalogueError("ris/: en RIS-upplaga hör till mer än ett ramverk")
    regions = load_regions(directory / "regions")
    indicators = load_indicators(directory / "indicators")
    ris_codes = {s.code for f in frameworks for s in f.series}

    def known_indicator(indicator_id: str) -> bool:
        if indicator_id.startswith(RIS_PREFIX):
            return indicator_id.removeprefix(RIS_PREFIX) in ris_codes
        return indicator_id in indicators

    try:
        strategies = load_strategies(
            directory / "strategies", lambda code: code in regions, known_indicator
        )
    except StrategyError as exc:
        raise CatalogueError(f"strategies/{exc}") from exc
    return Catalogue(
        regions=regions,
        ris_frameworks=frameworks,
        caveats=load_caveats(directory / "ris" / "caveats.yaml"),
        mandate_periods=load_mandate_periods(directory / "mandate_periods.yaml"),
        indicators=indicators,
        strategies=strategies,
    )


@cache
def catalogue() -> Catalogue:
    """The project's catalogue, read once per process."""
    return load_catalogue()

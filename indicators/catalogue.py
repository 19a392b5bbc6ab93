"""Load and check the declarative catalogue under indicators/catalogue/.

Adding a region, a RIS framework or a mandate period means adding YAML, not code.
Every problem is a CatalogueError (indicators.catalogue_yaml) with the file, the line and
the entry it concerns; nothing else escapes the loader, whatever the files hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from indicators.catalogue_yaml import (
    CatalogueError,
    Entry,
    guarded,
    plain,
    read_entry,
    shown,
)
from indicators.goals.load import load_strategies
from indicators.goals.models import RIS_PREFIX, Strategy
from indicators.models import (
    DEFAULT_FIRST_YEAR,
    DIRECTIONS,
    FREQUENCIES,
    SOURCE_TYPES,
    Bounds,
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


__all__ = ["CATALOGUE_DIR", "Catalogue", "CatalogueError", "catalogue", "load_catalogue"]


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


def load_regions(directory: Path) -> RegionRegistry:
    regions: dict[str, Region] = {}
    places: dict[str, tuple[Path, int | None]] = {}  # code -> where its parent_code stands
    for path in sorted(directory.glob("*.yaml")):
        with guarded(path):
            for entry in read_entry(path).entries("regions", "region"):
                code = entry.text("code")
                if not NUTS_CODE.match(code):
                    raise entry.error(f"{shown(code)} är ingen NUTS-kod", "code")
                if code in regions:
                    raise entry.error(f"regionkoden {code} finns redan", "code")
                regions[code] = Region(
                    code=code,
                    name_sv=entry.text("name_sv"),
                    name_en=entry.text("name_en"),
                    level=entry.optional_integer("level"),
                    parent_code=entry.optional_text("parent_code"),
                    country_code=entry.optional_text("country_code"),
                    scb_code=entry.optional_text("scb_code"),
                    kolada_code=entry.optional_text("kolada_code"),
                )
                places[code] = (path, entry.line("parent_code"))
    for region in regions.values():
        if region.parent_code and region.parent_code not in regions:
            path, line = places[region.code]
            raise CatalogueError(
                f"region {region.code}: föräldern {region.parent_code} finns inte i registret",
                path,
                line,
            )
    return RegionRegistry(regions)


def load_ris_framework(path: Path) -> RisFramework:
    with guarded(path):
        data = read_entry(path)
        dimensions = {}
        for entry in data.entries("dimensions", "dimension"):
            dimensions[entry.text("code")] = (entry.text("name_sv"), entry.text("name_en"))
        series = []
        for entry in data.entries("series", "serie"):
            dimension = entry.optional_text("dimension")
            if dimension is not None and dimension not in dimensions:
                raise entry.error(f"okänd dimension {shown(dimension)}", "dimension")
            series.append(
                RisSeries(
                    code=entry.text("code"),
                    name_sv=entry.text("name_sv"),
                    name_en=entry.text("name_en"),
                    short_sv=entry.text("short_sv", entry.text("name_sv")),
                    short_en=entry.text("short_en", entry.text("name_en")),
                    dimension=dimension,
                    caveats=tuple(entry.strings("caveats")),
                    source_codes=tuple(entry.strings("source_codes")),
                )
            )
        not_loaded = Entry(data.optional_mapping("not_loaded"), path, "not_loaded")
        patterns = []
        for pattern, line in not_loaded.items("patterns"):
            try:
                re.compile(str(pattern))
            except re.error as exc:
                raise CatalogueError(
                    f"not_loaded: {shown(pattern)} är inget reguljärt uttryck ({exc})", path, line
                ) from exc
            patterns.append(str(pattern))
        return RisFramework(
            name=data.text("framework"),
            editions=tuple(_integers(data, "editions")),
            dimensions=dimensions,
            series=tuple(series),
            not_loaded_codes=frozenset(not_loaded.strings("codes")),
            not_loaded_patterns=tuple(patterns),
        )


def _integers(entry: Entry, key: str) -> list[int]:
    out = []
    for item, line in entry.items(key, required=True):
        if isinstance(item, bool) or not isinstance(item, int):
            raise CatalogueError(
                f"{entry.where}: {key} ska vara en lista av årtal, fann {shown(item)}",
                entry.file,
                line,
            )
        out.append(item)
    return out


def load_caveats(path: Path) -> dict[str, Caveat]:
    with guarded(path):
        caveats = read_entry(path).mapping("caveats")
        out = {}
        for key in caveats.data:
            texts = caveats.mapping(key, f"caveats, {key}")
            out[str(key)] = Caveat(id=str(key), text_sv=texts.text("sv"), text_en=texts.text("en"))
        return out


def load_mandate_periods(path: Path) -> tuple[MandatePeriod, ...]:
    periods = []
    with guarded(path):
        for entry in read_entry(path).entries("mandate_periods", "period"):
            period = MandatePeriod(
                id=entry.text("id"),
                first_year=entry.integer("first_year"),
                last_year=entry.integer("last_year"),
                election_date=entry.date("election_date"),
                term_start=entry.date("term_start"),
                term_end=entry.date("term_end"),
            )
            if period.id != f"{period.first_year}-{period.last_year}":
                raise entry.error(f"id {period.id} stämmer inte med åren", "id")
            periods.append(period)
    return tuple(sorted(periods, key=lambda p: p.first_year))


# What each connector needs to know to fetch an indicator (DESIGN.md: URL shapes).
REQUIRED_REFERENCE = {
    "scb": ("api", "table", "contents"),
    "kolada": ("kpi",),
    "tva": ("path", "contents"),
    "eurostat": ("dataset", "filters"),
    "manual": (),
}
PERIOD = re.compile(r"^\d{4}(Q[1-4])?$")
FIRST_YEAR_RANGE = (1800, 2100)  # a first_year outside this is a typo


def _bounds(data: Entry) -> Bounds:
    if not data.has("bounds"):
        return Bounds()
    entry = data.mapping("bounds")
    unknown = sorted(str(k) for k in entry.data if k not in ("min", "max"))
    if unknown:
        raise entry.error(f"okänd nyckel {', '.join(unknown)} (min, max)", unknown[0])
    bounds = Bounds(min=entry.optional_number("min"), max=entry.optional_number("max"))
    if bounds.min is not None and bounds.max is not None and bounds.min > bounds.max:
        raise entry.error(f"min ({bounds.min:g}) är större än max ({bounds.max:g})", "min")
    return bounds


def load_indicator(path: Path) -> Indicator:
    with guarded(path):
        return _load_indicator(path)


def _load_indicator(path: Path) -> Indicator:
    data = read_entry(path, path.stem)
    indicator_id = data.text("id")
    if indicator_id != path.stem:
        raise data.error(f"id {indicator_id!r} ska vara samma som filnamnet", "id")
    source = data.mapping("source", "source")
    source_type = source.choice("type", SOURCE_TYPES)
    reference = {k: plain(v) for k, v in source.data.items() if k not in ("type", "label", "url")}
    for key in REQUIRED_REFERENCE[source_type]:
        source.require(key)
    breaks = []
    for entry in data.entries("series_breaks", "series_breaks"):
        period = entry.text("period")
        if not PERIOD.match(period):
            raise entry.error(f"{shown(period)} är ingen period", "period")
        breaks.append(SeriesBreak(period, entry.text("note_sv"), entry.text("note_en")))
    first_year = data.integer("first_year", DEFAULT_FIRST_YEAR)
    if not FIRST_YEAR_RANGE[0] <= first_year <= FIRST_YEAR_RANGE[1]:
        raise data.error(f"first_year {first_year} är inget rimligt årtal", "first_year")
    return Indicator(
        id=indicator_id,
        name_sv=data.text("name_sv"),
        name_en=data.text("name_en"),
        description_sv=data.text("description_sv").strip(),
        description_en=data.text("description_en").strip(),
        unit=data.text("unit"),
        unit_en=data.text("unit_en"),
        decimals=data.integer("decimals", 1),
        direction=data.choice("direction", DIRECTIONS),
        frequency=data.choice("frequency", FREQUENCIES),
        sex_split=data.boolean("sex_split", False),
        source=SourceRef(
            type=source_type,
            label=source.text("label"),
            url=source.optional_text("url"),
            reference=reference,
        ),
        coverage=data.text("coverage", "21 län och riket"),
        series_breaks=tuple(breaks),
        notes_sv=tuple(data.strings("notes_sv")),
        next_release=data.optional_text("next_release"),
        bounds=_bounds(data),
        first_year=first_year,
    )


def load_indicators(directory: Path) -> dict[str, Indicator]:
    return {p.stem: load_indicator(p) for p in sorted(directory.glob("*.yaml"))}


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    frameworks = tuple(
        load_ris_framework(p) for p in sorted((directory / "ris").glob("*_framework.yaml"))
    )
    editions = [e for f in frameworks for e in f.editions]
    if len(editions) != len(set(editions)):
        twice = sorted({e for e in editions if editions.count(e) > 1})
        raise CatalogueError(
            f"RIS-upplagan {', '.join(map(str, twice))} hör till mer än ett ramverk",
            directory / "ris",
        )
    regions = load_regions(directory / "regions")
    indicators = load_indicators(directory / "indicators")
    ris_codes = {s.code for f in frameworks for s in f.series}

    def known_indicator(indicator_id: str) -> bool:
        if indicator_id.startswith(RIS_PREFIX):
            return indicator_id.removeprefix(RIS_PREFIX) in ris_codes
        return indicator_id in indicators

    strategies = load_strategies(
        directory / "strategies", lambda code: code in regions, known_indicator
    )
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

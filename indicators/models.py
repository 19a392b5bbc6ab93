"""The catalogue's building blocks: plain, immutable records read from the YAML files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Region:
    code: str  # NUTS code: SE, SE3, SE33, SE331; EU for the EU average
    name_sv: str
    name_en: str
    level: int | None  # NUTS level (0 = country); None for the EU
    parent_code: str | None = None
    country_code: str | None = None
    scb_code: str | None = None  # SCB länskod, e.g. "24"
    kolada_code: str | None = None  # Kolada id, "00" + länskod

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv


@dataclass(frozen=True)
class RisSeries:
    code: str  # RII or the scoreboard number, e.g. 3.3.2
    name_sv: str
    name_en: str
    short_sv: str
    short_en: str
    dimension: str | None = None
    caveats: tuple[str, ...] = ()
    source_codes: tuple[str, ...] = ()  # other spellings of the code in source files

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def short(self, lang: str = "sv") -> str:
        return self.short_en if lang == "en" else self.short_sv


@dataclass(frozen=True)
class RisFramework:
    """One EIS measurement framework; the editions that use it share its codes."""

    name: str
    editions: tuple[int, ...]
    dimensions: dict[str, tuple[str, str]]  # code -> (sv, en)
    series: tuple[RisSeries, ...]
    not_loaded_codes: frozenset[str] = frozenset()
    not_loaded_patterns: tuple[str, ...] = ()

    def series_by_code(self) -> dict[str, RisSeries]:
        lookup = {s.code: s for s in self.series}
        for s in self.series:
            for alias in s.source_codes:
                lookup[alias] = s
        return lookup

    def is_recognised_unloaded(self, code: str) -> bool:
        return code in self.not_loaded_codes or any(
            re.fullmatch(p, code) for p in self.not_loaded_patterns
        )

    def dimension_name(self, code: str | None, lang: str = "sv") -> str:
        if code is None or code not in self.dimensions:
            return ""
        sv, en = self.dimensions[code]
        return en if lang == "en" else sv


@dataclass(frozen=True)
class MandatePeriod:
    id: str  # "2023-2026"
    first_year: int
    last_year: int
    election_date: date
    term_start: date
    term_end: date

    def contains_year(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass(frozen=True)
class Caveat:
    id: str
    text_sv: str
    text_en: str

    def text(self, lang: str = "sv", **values: str) -> str:
        template = self.text_en if lang == "en" else self.text_sv
        return template.format(**values) if values else template


@dataclass(frozen=True)
class RegionRegistry:
    regions: dict[str, Region] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.regions

    def __getitem__(self, code: str) -> Region:
        return self.regions[code]

    def get(self, code: str) -> Region | None:
        return self.regions.get(code)

    def name_of(self, code: str, lang: str = "sv") -> str:
        """The region's name, or its code when the registry does not know it."""
        region = self.regions.get(code)
        return region.name(lang) if region else code

    def option(self, code: str, lang: str = "sv") -> dict[str, str]:
        """A dropdown option: "Västmanlands län (SE125)"."""
        return {"label": f"{self.name_of(code, lang)} ({code})", "value": code}

    def children(self, code: str) -> list[Region]:
        return [r for r in self.regions.values() if r.parent_code == code]

    def by_scb_code(self) -> dict[str, Region]:
        return {r.scb_code: r for r in self.regions.values() if r.scb_code}

    def by_kolada_code(self) -> dict[str, Region]:
        return {r.kolada_code: r for r in self.regions.values() if r.kolada_code}

    def swedish(self, level: int | None = None) -> list[Region]:
        return [
            r
            for r in self.regions.values()
            if r.country_code == "SE" and (level is None or r.level == level)
        ]


DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("annual", "biennial", "triennial", "quarterly", "irregular")
SOURCE_TYPES = ("scb", "kolada", "tva", "eurostat", "manual")
SEXES = ("T", "K", "M")
# The first year an indicator's periods may name unless its YAML says `first_year`; the
# last is next year (a period further ahead is a typo, such as 2099 or 9999).
DEFAULT_FIRST_YEAR = 1950


@dataclass(frozen=True)
class Bounds:
    """The values an indicator can take (`bounds: {min: 0, max: 100}` in its YAML): a
    percentage lies within 0–100, a count or an amount of money is not negative."""

    min: float | None = None
    max: float | None = None

    def describe(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min:.15g}–{self.max:.15g}"
        if self.min is not None:
            return f"minst {self.min:.15g}"
        if self.max is not None:
            return f"högst {self.max:.15g}"
        return "alla tal"


@dataclass(frozen=True)
class SeriesBreak:
    """A break between the period before `period` and `period` itself: never draw across it."""

    period: str
    note_sv: str
    note_en: str

    def note(self, lang: str = "sv") -> str:
        return self.note_en if lang == "en" else self.note_sv


@dataclass(frozen=True)
class SourceRef:
    """Where an indicator's numbers come from: the connector and its exact reference."""

    type: str  # one of SOURCE_TYPES
    label: str  # e.g. "Kolada N00914 (SCB)"
    url: str | None = None  # a page a person can open
    reference: dict = field(default_factory=dict)  # connector-specific: table, kpi, dataset …

    def describe(self) -> str:
        """One line for tables and status output, e.g. 'kolada N00914'."""
        ref = self.reference
        key = ref.get("kpi") or ref.get("table") or ref.get("dataset") or ref.get("path") or ""
        return f"{self.type} {key}".strip()


@dataclass(frozen=True)
class Indicator:
    id: str
    name_sv: str
    name_en: str
    description_sv: str
    description_en: str
    unit: str  # as the source states it, in Swedish; tidy files must use the same unit
    unit_en: str
    decimals: int
    direction: str  # higher / lower is better
    frequency: str
    sex_split: bool
    source: SourceRef
    coverage: str = "21 län och riket"
    series_breaks: tuple[SeriesBreak, ...] = ()
    notes_sv: tuple[str, ...] = ()  # notes that must be shown with the figures
    next_release: str | None = None
    bounds: Bounds = Bounds()
    first_year: int = DEFAULT_FIRST_YEAR  # the earliest plausible period

    def period_years(self, this_year: int) -> tuple[int, int]:
        """The plausible years of a period: first_year up to next year."""
        return self.first_year, this_year + 1

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def description(self, lang: str = "sv") -> str:
        return self.description_en if lang == "en" else self.description_sv

    def unit_text(self, lang: str = "sv") -> str:
        return self.unit_en if lang == "en" else self.unit

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "lower"

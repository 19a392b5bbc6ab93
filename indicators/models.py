"""The catalogue's building blocks: typed, immutable models read from the YAML files.

Every model refuses keys it does not know (`extra="forbid"`: a typo such as `unit_eng` is an
error, not a silently ignored line), and refuses values of the wrong type with a Swedish
message (indicators.catalogue_yaml turns pydantic's errors into `FILE:LINE: problem`).
Where a check needs the rest of the catalogue (is this region known?), the loader passes what
is known as the validation context; a model built in code without one skips those checks.

Each source type has its own typed reference (ScbSource, KoladaSource, TvaSource,
EurostatSource, ManualSource; one union on `type`) holding that source's defaults in one
place: the connectors in etl/sources/ read them from here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from indicators.catalogue_yaml import rejected, shown, suggest

LANGUAGES = ("sv", "en")
NUTS_CODE = re.compile(r"^(EU|[A-Z]{2}[0-9A-Z]{0,3})$")


class Model(BaseModel):
    """The catalogue's model: frozen, strict about keys, ids may be written as numbers."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,  # `id: 14`, `scb_code: 24` are texts
        allow_inf_nan=False,  # `.inf` is no number a target can use
        populate_by_name=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: Any) -> Any:
        """A key written without a value (`url:` or `url: ""`) counts as not written: the
        default applies, or the field is reported missing."""
        if not isinstance(data, dict):
            return data
        names = set(cls.model_fields) | {f.alias for f in cls.model_fields.values() if f.alias}
        return {k: v for k, v in data.items() if not (k in names and v in (None, ""))}


def context(info: ValidationInfo) -> dict[str, Any]:
    """What the loader knows of the rest of the catalogue ({} when built in code)."""
    return info.context if isinstance(info.context, dict) else {}


def _not_bool(kind: str):
    def check(value: Any) -> Any:
        if isinstance(value, bool):  # YAML's yes/no/true: never a number here
            raise PydanticCustomError(kind, "not a boolean")
        return value

    return check


Int = Annotated[int, BeforeValidator(_not_bool("int_type"))]
Number = Annotated[float, BeforeValidator(_not_bool("float_type"))]


def _day(value: Any, info: ValidationInfo) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise rejected(f"{info.field_name}: {shown(value)} är inget datum (ÅÅÅÅ-MM-DD)")


Day = Annotated[date, BeforeValidator(_day)]


def years_between(first: int, last: int):
    def check(value: int, info: ValidationInfo) -> int:
        if not first <= value <= last:
            raise rejected(f"{info.field_name} {value} är inget rimligt årtal")
        return value

    return AfterValidator(check)


def same_unit(a: str, b: str) -> bool:
    """The unit rule for hand-kept files: the same words, whatever the case and spacing
    ("Procent" = "procent", "tusen  kronor" = "tusen kronor"; "kronor" ≠ "tkr")."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


# ---------------------------------------------------------------- regions


class Region(Model):
    code: str  # NUTS code: SE, SE3, SE33, SE331; EU for the EU average
    name_sv: str
    name_en: str
    level: Int | None = None  # NUTS level (0 = country); None for the EU
    parent_code: str | None = None
    country_code: str | None = None
    scb_code: str | None = None  # SCB länskod, e.g. "24"
    kolada_code: str | None = None  # Kolada id, "00" + länskod

    @field_validator("code")
    @classmethod
    def _nuts(cls, code: str) -> str:
        if not NUTS_CODE.match(code):
            raise rejected(f"{shown(code)} är ingen NUTS-kod")
        return code

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv


class RegionsFile(Model):
    """regions/*.yaml: a list of regions."""

    regions: tuple[Region, ...]


class RegionRegistry(BaseModel):
    model_config = ConfigDict(frozen=True)

    regions: dict[str, Region] = Field(default_factory=dict)

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


# ---------------------------------------------------------------- the RIS


class RisSeries(Model):
    code: str  # RII or the scoreboard number, e.g. 3.3.2
    name_sv: str
    name_en: str
    short_sv: str = Field(default="", validate_default=True)  # default: name_sv
    short_en: str = Field(default="", validate_default=True)  # default: name_en
    dimension: str | None = None
    caveats: tuple[str, ...] = ()  # ids in ris/caveats.yaml
    source_codes: tuple[str, ...] = ()  # other spellings of the code in source files

    @field_validator("short_sv", "short_en")
    @classmethod
    def _short_defaults_to_name(cls, value: str, info: ValidationInfo) -> str:
        return value or str(info.data.get(f"name_{(info.field_name or '')[-2:]}", ""))

    @field_validator("dimension")
    @classmethod
    def _known_dimension(cls, value: str | None, info: ValidationInfo) -> str | None:
        known = context(info).get("dimensions")
        if value is not None and known is not None and value not in known:
            raise rejected(f"okänd dimension {shown(value)}", suggestion=suggest(value, known))
        return value

    @field_validator("caveats")
    @classmethod
    def _known_caveats(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        known = context(info).get("caveats")
        for n, caveat in enumerate(value):
            if known is not None and caveat not in known:
                raise rejected(
                    f"okänt förbehåll {shown(caveat)} (ris/caveats.yaml)",
                    at=(n,),
                    suggestion=suggest(caveat, known),
                )
        return value

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def short(self, lang: str = "sv") -> str:
        return self.short_en if lang == "en" else self.short_sv


class Dimension(Model):
    code: str
    name_sv: str
    name_en: str


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise rejected(f"{shown(value)} är inget reguljärt uttryck ({exc})") from None
    return value


class NotLoaded(Model):
    """Codes a source file has that are recognised but not loaded (national indicators …)."""

    codes: tuple[str, ...] = ()
    patterns: tuple[Annotated[str, AfterValidator(_pattern)], ...] = ()


def _editions(value: Any) -> Any:
    if isinstance(value, list | tuple):
        for n, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, int):
                raise rejected(f"editions ska vara en lista av årtal, fann {shown(item)}", at=(n,))
    return value


class RisFramework(Model):
    """One EIS measurement framework; the editions that use it share its codes."""

    name: str = Field(alias="framework")
    editions: Annotated[tuple[int, ...], BeforeValidator(_editions)]
    dimensions: tuple[Dimension, ...] = ()
    series: tuple[RisSeries, ...] = ()
    not_loaded: NotLoaded = NotLoaded()

    @property
    def not_loaded_codes(self) -> frozenset[str]:
        return frozenset(self.not_loaded.codes)

    @property
    def not_loaded_patterns(self) -> tuple[str, ...]:
        return self.not_loaded.patterns

    def series_by_code(self) -> dict[str, RisSeries]:
        lookup = {s.code: s for s in self.series}
        for s in self.series:
            for alias in s.source_codes:
                lookup[alias] = s
        return lookup

    def is_recognised_unloaded(self, code: str) -> bool:
        return code in self.not_loaded.codes or any(
            re.fullmatch(p, code) for p in self.not_loaded.patterns
        )

    def dimension_name(self, code: str | None, lang: str = "sv") -> str:
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension.name_en if lang == "en" else dimension.name_sv
        return ""


class CaveatText(Model):
    sv: str
    en: str


class CaveatsFile(Model):
    """ris/caveats.yaml: caveat id -> its text in Swedish and English."""

    caveats: dict[str, CaveatText]


class Caveat(Model):
    id: str
    text_sv: str
    text_en: str

    def text(self, lang: str = "sv", **values: str) -> str:
        template = self.text_en if lang == "en" else self.text_sv
        return template.format(**values) if values else template


# ---------------------------------------------------------------- mandate periods


class MandatePeriod(Model):
    id: str  # "2023-2026"
    first_year: Int
    last_year: Int
    election_date: Day
    term_start: Day
    term_end: Day

    @model_validator(mode="after")
    def _id_names_the_years(self) -> MandatePeriod:
        if self.id != f"{self.first_year}-{self.last_year}":
            raise rejected(f"id {self.id} stämmer inte med åren", at=("id",))
        if self.first_year > self.last_year:
            raise rejected("first_year är senare än last_year", at=("first_year",))
        return self

    def contains_year(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


class MandatePeriodsFile(Model):
    mandate_periods: tuple[MandatePeriod, ...]


# ---------------------------------------------------------------- indicators

DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("annual", "biennial", "triennial", "quarterly", "irregular")
SOURCE_TYPES = ("scb", "kolada", "tva", "eurostat", "manual")
SEXES = ("T", "K", "M")
# The first year an indicator's periods may name unless its YAML says `first_year`; the
# last is next year (a period further ahead is a typo, such as 2099 or 9999).
DEFAULT_FIRST_YEAR = 1950
PERIOD = re.compile(r"^\d{4}(Q[1-4])?$")


class Bounds(Model):
    """The values an indicator can take (`bounds: {min: 0, max: 100}` in its YAML): a
    percentage lies within 0–100, a count or an amount of money is not negative."""

    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise rejected(f"min ({self.min:g}) är större än max ({self.max:g})", at=("min",))
        return self

    def describe(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min:.15g}–{self.max:.15g}"
        if self.min is not None:
            return f"minst {self.min:.15g}"
        if self.max is not None:
            return f"högst {self.max:.15g}"
        return "alla tal"


class SeriesBreak(Model):
    """A break between the period before `period` and `period` itself: never draw across it."""

    period: str
    note_sv: str
    note_en: str

    @field_validator("period")
    @classmethod
    def _a_period(cls, period: str) -> str:
        if not PERIOD.match(period):
            raise rejected(f"{shown(period)} är ingen period")
        return period

    def note(self, lang: str = "sv") -> str:
        return self.note_en if lang == "en" else self.note_sv


class SourceBase(Model):
    """What every source reference has: a label for people and a page they can open."""

    type: str
    label: str  # e.g. "Kolada N00914 (SCB)"
    label_en: str | None = None
    url: str | None = None  # a page a person can open

    @property
    def key(self) -> str:
        """The reference's main key (table, KPI, dataset, path), for one-line descriptions."""
        return ""

    @property
    def reference(self) -> dict[str, Any]:
        """The connector-specific reference as the catalogue states it (for the warehouse's
        `indicator.source_reference`)."""
        return self.model_dump(
            mode="json", exclude_unset=True, exclude={"type", "label", "label_en", "url"}
        )

    def describe(self) -> str:
        """One line for tables and status output, e.g. 'kolada N00914'."""
        return f"{self.type} {self.key}".strip()

    def label_text(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" and self.label_en else self.label


class ContentsCode(Model):
    code: str | None = None
    label: str | None = None

    @model_validator(mode="after")
    def _code_or_label(self) -> ContentsCode:
        if (self.code is None) == (self.label is None):
            raise rejected("ange antingen code eller label")
        return self

    def as_dict(self) -> dict[str, str]:
        return self.model_dump(exclude_none=True)


class ContentsLabel(Model):
    label: str


class SexVariable(Model):
    """The source's sex variable and what its codes mean: {variable: Kon, codes: {1: M, 2: K}}."""

    variable: str
    codes: dict[str, Literal["T", "K", "M"]]


class ScbSource(SourceBase):
    """SCB's PxWebApi 2.0 (api: v2, a TAB id) or the legacy v1 API (api: v1, a table path)."""

    type: Literal["scb"]
    api: Literal["v1", "v2"]
    table: str
    contents: ContentsCode
    contents_variable: str = "ContentsCode"
    time_variable: str = "Tid"
    region_variable: str = "Region"
    # lan = the 21 län, riket = Sweden, riksomraden = the NUTS 2 regions (RIKS1–RIKS8)
    regions: tuple[Literal["lan", "riket", "riksomraden"], ...] = ("lan", "riket")
    sex: SexVariable | None = None
    select: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # other variables

    @property
    def key(self) -> str:
        return self.table


class KoladaSource(SourceBase):
    type: Literal["kolada"]
    kpi: str
    first_year: Int = 2000  # the first year asked for


class TvaSource(SourceBase):
    """Tillväxtanalys' PxWeb v1: a table path; the contents are matched on their label."""

    type: Literal["tva"]
    path: str
    contents: ContentsLabel
    region_variable: str = "Län"
    time_variable: str = "Tid"
    contents_variable: str = "variabel"

    @property
    def key(self) -> str:
        return self.path


class EurostatSource(SourceBase):
    type: Literal["eurostat"]
    dataset: str
    filters: dict[str, str]  # dimension -> code, e.g. {unit: PC, sex: T}
    geo: tuple[str, ...] = ()  # the regions asked for (none = all)

    @property
    def key(self) -> str:
        return self.dataset


def _declared_file(value: Any, info: ValidationInfo) -> Any:
    """A relative path is relative to the catalogue folder the indicator is declared in."""
    folder = context(info).get("folder")
    if isinstance(value, str) and folder is not None and not Path(value).is_absolute():
        return str(Path(folder) / value)
    return value


class ManualSource(SourceBase):
    """A hand-kept tidy file (CSV or XLSX): in $RUSMON_SOURCES_DIR/followup/, data/manual/,
    or the `file` named here (relative to the catalogue folder)."""

    type: Literal["manual"]
    file: Annotated[Path, BeforeValidator(_declared_file)] | None = None

    @property
    def key(self) -> str:
        return self.file.name if self.file else ""


SourceRef = Annotated[
    ScbSource | KoladaSource | TvaSource | EurostatSource | ManualSource,
    Field(discriminator="type"),
]
S = TypeVar("S", bound=SourceBase)


class Indicator(Model):
    id: str
    name_sv: str
    name_en: str
    description_sv: str
    description_en: str
    unit: str  # as the source states it, in Swedish; tidy files must use the same unit
    unit_en: str
    decimals: Annotated[Int, Field(ge=0, le=10)] = 1
    direction: Literal["higher", "lower"]  # which way is better
    frequency: Literal["annual", "biennial", "triennial", "quarterly", "irregular"]
    sex_split: StrictBool = False
    source: SourceRef
    coverage: str = "21 län och riket"
    coverage_en: str | None = None
    series_breaks: tuple[SeriesBreak, ...] = ()
    notes_sv: tuple[str, ...] = ()  # notes that must be shown with the figures
    notes_en: tuple[str, ...] = ()
    next_release: str | None = None
    next_release_en: str | None = None
    bounds: Bounds = Bounds()
    first_year: Annotated[Int, years_between(1800, 2100)] = DEFAULT_FIRST_YEAR

    @field_validator("id")
    @classmethod
    def _named_as_its_file(cls, value: str, info: ValidationInfo) -> str:
        stem = context(info).get("stem")
        if stem is not None and value != stem:
            raise rejected(f"id {value!r} ska vara samma som filnamnet")
        return value

    @field_validator("description_sv", "description_en")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    def period_years(self, this_year: int) -> tuple[int, int]:
        """The plausible years of a period: first_year up to next year."""
        return self.first_year, this_year + 1

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def description(self, lang: str = "sv") -> str:
        return self.description_en if lang == "en" else self.description_sv

    def unit_text(self, lang: str = "sv") -> str:
        return self.unit_en if lang == "en" else self.unit

    def notes(self, lang: str = "sv") -> tuple[str, ...]:
        return self.notes_en if lang == "en" and self.notes_en else self.notes_sv

    def accepts_unit(self, unit: str) -> bool:
        """Whether a tidy file's `unit` is this indicator's (same_unit)."""
        return same_unit(unit, self.unit)

    def source_as(self, kind: type[S]) -> S:
        """The source reference as the connector's own type (a connector only gets its own)."""
        if not isinstance(self.source, kind):
            raise TypeError(f"{self.id}: källan är {self.source.type}, inte {kind.__name__}")
        return self.source

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "lower"

"""Strategy → goals (delmål) → goal indicators with targets, as the catalogue's YAML states them.

Typed models (indicators.models.Model: unknown keys are errors). A strategy's references to
indicators and regions are checked against the catalogue when the loader passes them in the
validation context (`known_indicator`, `known_region`); a model built in code skips that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from indicators.catalogue_yaml import rejected, shown, suggest
from indicators.models import Int, Model, Number, context, years_between

# The target types seen in real RUS documents (DESIGN.md, "Mandate periods and goal status").
DIRECTION = "direction"  # "ska öka" / "ska minska": the indicator's direction, no level
THRESHOLD = "threshold"  # reach a level by the target year
CHANGE_PCT = "change_pct"  # change by a percentage against a baseline year
BETTER_THAN_PEERS = "better_than_peers"  # better than each named peer region
FASTER_THAN_PEERS = "faster_than_peers"  # grow faster than each named peer region
GAP_SHRINKING = "gap_shrinking"  # a shrinking gap between women and men
TARGET_TYPES = (
    DIRECTION,
    THRESHOLD,
    CHANGE_PCT,
    BETTER_THAN_PEERS,
    FASTER_THAN_PEERS,
    GAP_SHRINKING,
)
NEEDS_VALUE = (THRESHOLD, CHANGE_PCT)
NEEDS_PEERS = (BETTER_THAN_PEERS, FASTER_THAN_PEERS)

RIS_PREFIX = "ris:"  # goal indicators on the RIS: "ris:RII", "ris:2.2.1"
# What a RIS goal indicator is judged on: measure -> (public view, its value column).
RIS_MEASURES = {"ratio_to_leaders": ("ris_leader_ratio", "ratio"), "score": ("ris_score", "value")}

GoalYear = Annotated[Int, years_between(1900, 2200)]  # outside this a year is a typo


def _choices(known: Any) -> Iterable[str]:
    """The names a `known_…` check offers as suggestions (when it is a collection)."""
    return known if isinstance(known, set | frozenset | dict | list | tuple) else ()


def _region(code: str, info: ValidationInfo) -> str:
    known: Callable[[str], bool] | None = context(info).get("known_region")
    if known is not None and not known(code):
        raise rejected(f"okänd region {shown(code)}")
    return code


RegionCode = Annotated[str, AfterValidator(_region)]


class Target(Model):
    type: str
    value: Number | None = None  # threshold level, percentage change, or largest accepted gap
    year: GoalYear | None = None  # target year; default the strategy's horizon
    baseline_year: GoalYear | None = None  # change_pct: the year the change is measured from
    peers: tuple[RegionCode, ...] = ()  # better/faster than peers: NUTS codes
    tolerance: Number = 0.01  # relative change counted as "no change" (direction, gap, peers)
    text_sv: str = ""  # the goal's own wording of the target, shown with the status
    text_en: str | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, kind: str) -> str:
        if kind not in TARGET_TYPES:
            raise rejected(
                f"måltypen {kind!r} finns inte ({', '.join(TARGET_TYPES)})",
                suggestion=suggest(kind, TARGET_TYPES),
            )
        return kind

    @field_validator("tolerance")
    @classmethod
    def _a_share(cls, tolerance: float) -> float:
        if not 0 <= tolerance < 1:
            raise rejected(f"tolerance ska ligga mellan 0 och 1, inte {tolerance:g}")
        return tolerance

    @model_validator(mode="after")
    def _what_the_type_needs(self) -> Target:
        if self.type in NEEDS_VALUE and self.value is None:
            raise rejected(f"måltypen {self.type} kräver value", at=("type",))
        if self.type == CHANGE_PCT and self.baseline_year is None:
            raise rejected(f"måltypen {self.type} kräver baseline_year", at=("type",))
        if self.type in NEEDS_PEERS and not self.peers:
            raise rejected(f"måltypen {self.type} kräver peers", at=("type",))
        return self

    def text(self, lang: str = "sv") -> str:
        return self.text_en if lang == "en" and self.text_en else self.text_sv


class GoalIndicator(Model):
    indicator_id: str = Field(alias="indicator")  # an indicator id, or "ris:<code>" for the RIS
    target: Target
    sex: str = "T"  # which series is judged: T, K or M (a gap target uses both K and M)
    region: RegionCode | None = None  # judge this region instead (e.g. NUTS2 for the RIS)
    measure: str = "ratio_to_leaders"  # RIS only: ratio_to_leaders or score
    note_sv: str | None = None
    note_en: str | None = None

    @field_validator("indicator_id")
    @classmethod
    def _known_indicator(cls, indicator_id: str, info: ValidationInfo) -> str:
        known: Callable[[str], bool] | None = context(info).get("known_indicator")
        if known is not None and not known(indicator_id):
            ids = _choices(context(info).get("indicator_ids"))
            raise rejected(f"okänd indikator {indicator_id}", suggestion=suggest(indicator_id, ids))
        return indicator_id

    @field_validator("sex")
    @classmethod
    def _a_sex(cls, sex: str) -> str:
        if sex not in ("T", "K", "M"):
            raise rejected(f"sex ska vara T, K eller M, inte {sex!r}")
        return sex

    @field_validator("measure")
    @classmethod
    def _a_measure(cls, measure: str) -> str:
        if measure not in RIS_MEASURES:
            known = ", ".join(RIS_MEASURES)
            raise rejected(
                f"measure ska vara {known}, inte {measure!r}",
                suggestion=suggest(measure, RIS_MEASURES),
            )
        return measure

    @property
    def is_ris(self) -> bool:
        return self.indicator_id.startswith(RIS_PREFIX)

    @property
    def ris_code(self) -> str:
        return self.indicator_id.removeprefix(RIS_PREFIX)

    @property
    def key(self) -> str:
        """Unique within a goal: the same indicator may be judged for K, for M and for the gap."""
        if self.target.type == GAP_SHRINKING:
            return f"{self.indicator_id}[K-M]"
        return self.indicator_id if self.sex == "T" else f"{self.indicator_id}[{self.sex}]"

    def note(self, lang: str = "sv") -> str | None:
        return self.note_en if lang == "en" and self.note_en else self.note_sv


class Goal(Model):
    id: str  # as the strategy numbers it: "14"
    name_sv: str
    name_en: str
    indicators: Annotated[tuple[GoalIndicator, ...], Field(min_length=1)]
    note_sv: str | None = None
    note_en: str | None = None

    @model_validator(mode="after")
    def _each_indicator_once(self) -> Goal:
        keys = [gi.key for gi in self.indicators]
        if len(keys) != len(set(keys)):
            raise rejected("samma indikator och kön finns två gånger", at=("indicators",))
        return self

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def note(self, lang: str = "sv") -> str | None:
        return self.note_en if lang == "en" and self.note_en else self.note_sv


class Strategy(Model):
    id: str
    name_sv: str
    name_en: str
    owner_sv: str  # who adopted it: "Region Västmanland"
    owner_en: str | None = None
    regions: Annotated[tuple[RegionCode, ...], Field(min_length=1)]  # the first is the default
    horizon: GoalYear  # the strategy's target year, used when a target names none
    version: str
    version_en: str | None = None
    url: str | None = None
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)]
    note_sv: str | None = None
    note_en: str | None = None

    @field_validator("id")
    @classmethod
    def _named_as_its_file(cls, value: str, info: ValidationInfo) -> str:
        stem = context(info).get("stem")
        if stem is not None and value != stem:
            raise rejected(f"id {value!r} ska vara samma som filnamnet")
        return value

    @model_validator(mode="after")
    def _goal_ids_unique(self) -> Strategy:
        ids = [g.id for g in self.goals]
        if len(ids) != len(set(ids)):
            raise rejected("två mål har samma id", at=("goals",))
        return self

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def owner(self, lang: str = "sv") -> str:
        return self.owner_en if lang == "en" and self.owner_en else self.owner_sv

    def note(self, lang: str = "sv") -> str | None:
        return self.note_en if lang == "en" and self.note_en else self.note_sv

    def goal(self, goal_id: str) -> Goal:
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)

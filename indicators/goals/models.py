"""Strategy → goals (delmål) → goal indicators with targets, as the catalogue's YAML states them."""

from __future__ import annotations

from dataclasses import dataclass

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

RIS_PREFIX = "ris:"  # goal indicators on the RIS: "ris:RII", "ris:2.2.1"
# What a RIS goal indicator is judged on: measure -> (public view, its value column).
RIS_MEASURES = {"ratio_to_leaders": ("ris_leader_ratio", "ratio"), "score": ("ris_score", "value")}


@dataclass(frozen=True)
class Target:
    type: str
    value: float | None = None  # threshold level, percentage change, or largest accepted gap
    year: int | None = None  # target year; default the strategy's horizon
    baseline_year: int | None = None  # change_pct: the year the change is measured from
    peers: tuple[str, ...] = ()  # better/faster than peers: NUTS codes
    tolerance: float = 0.01  # relative change counted as "no change" (direction, gap, peers)
    text_sv: str = ""  # the goal's own wording of the target, shown with the status


@dataclass(frozen=True)
class GoalIndicator:
    indicator_id: str  # a catalogue indicator id, or "ris:<code>" for the RIS
    target: Target
    sex: str = "T"  # which series is judged: T, K or M (a gap target uses both K and M)
    region: str | None = None  # judge this region instead (e.g. the NUTS2 region for the RIS)
    measure: str = "ratio_to_leaders"  # RIS only: ratio_to_leaders or score
    note_sv: str | None = None

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


@dataclass(frozen=True)
class Goal:
    id: str  # as the strategy numbers it: "14"
    name_sv: str
    name_en: str
    indicators: tuple[GoalIndicator, ...]
    note_sv: str | None = None

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv


@dataclass(frozen=True)
class Strategy:
    id: str
    name_sv: str
    name_en: str
    owner_sv: str  # who adopted it: "Region Västmanland"
    regions: tuple[str, ...]  # the regions it is followed up for; the first is the default
    horizon: int  # the strategy's target year, used when a target names none
    version: str
    url: str | None
    goals: tuple[Goal, ...]
    note_sv: str | None = None

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def goal(self, goal_id: str) -> Goal:
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)

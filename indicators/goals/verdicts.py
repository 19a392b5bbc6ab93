"""The six verdicts, ordered from worst to best; status is always shown as icon + text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    code: str
    rank: int  # higher is better; "kan ej bedömas" has no rank among the others
    text_sv: str
    text_en: str
    icon: str

    def text(self, lang: str = "sv") -> str:
        return self.text_en if lang == "en" else self.text_sv


WORSENING = Verdict("worsening", 0, "försämring", "deterioration", "▼")
LIMITED = Verdict("limited", 1, "begränsad utveckling", "limited progress", "◆")
SPEED_UP = Verdict("speed_up", 2, "behöver öka takten", "needs to speed up", "▲")
ON_TRACK = Verdict("on_track", 3, "i fas", "on track", "●")
MET = Verdict("met", 4, "målet uppnått", "target met", "✔")
UNKNOWN = Verdict("unknown", -1, "kan ej bedömas", "cannot be assessed", "?")
# A delmål only: fewer than half of its indicators could be judged, so no overall verdict.
INSUFFICIENT = Verdict("insufficient", -1, "för litet underlag", "too little to go on", "…")

VERDICTS = (MET, ON_TRACK, SPEED_UP, LIMITED, WORSENING, UNKNOWN, INSUFFICIENT)
BY_CODE = {v.code: v for v in VERDICTS}
BY_TEXT = {v.text_sv: v for v in VERDICTS}

# Share of the needed pace achieved (Statistics Canada / Open SDG method, DESIGN.md).
ON_TRACK_SHARE = 0.95
SPEED_UP_SHARE = 0.60


def from_pace(share: float) -> Verdict:
    """The verdict for the achieved share of the needed pace."""
    if share >= ON_TRACK_SHARE:
        return ON_TRACK
    if share >= SPEED_UP_SHARE:
        return SPEED_UP
    if share >= 0:
        return LIMITED
    return WORSENING

"""The short sentence that goes with a goal indicator's chart, generated from the status numbers.

Every number in the sentence is one of the inputs (baseline, latest, their difference, target,
paces), rounded to the indicator's decimals; nothing is estimated here. Pure: the dashboard,
and later the conference exports, use the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.formatting import NBSP, format_number, format_signed, rounds_to_zero
from indicators.goals import verdicts as v
from indicators.goals.status import Point


@dataclass(frozen=True)
class SentenceInput:
    subject: str  # what is measured: "Andelen sysselsatta 20–64 år"
    region: str  # region name as shown
    period: str  # mandate period id "2019-2022"
    unit: str  # the indicator's unit in the sentence's language
    decimals: int
    verdict: v.Verdict
    reason: str | None = None
    baseline: Point | None = None
    latest: Point | None = None
    target_value: float | None = None
    target_year: int | None = None
    target_text: str = ""
    needed_pace: float | None = None
    achieved_pace: float | None = None
    gap: bool = False  # judged on the difference women − men
    target_decimals: int | None = None  # the target's own decimals (default: `decimals`)


def _change_unit(unit: str, gap: bool, lang: str) -> str:
    if gap or unit.startswith("procent") or unit == "percent":
        return "procentenheter" if lang == "sv" else "percentage points"
    return unit


def _with_unit(number: str, unit: str) -> str:
    return f"{number}{NBSP}{unit}" if unit else number


def _period_text(period: str) -> str:
    return period.replace("-", "–")


def goal_sentence(s: SentenceInput, lang: str = "sv") -> str:
    sv = lang != "en"
    subject = s.subject
    if s.gap:
        subject = (
            f"Skillnaden mellan kvinnor och män i {s.subject[0].lower() + s.subject[1:]}"
            if sv
            else f"The gap between women and men in {s.subject[0].lower() + s.subject[1:]}"
        )
    period = _period_text(s.period)
    if s.verdict is v.UNKNOWN or s.baseline is None or s.latest is None:
        reason = s.reason or ("uppgift saknas" if sv else "no data")
        return (
            f"{subject} i {s.region} kan inte bedömas för mandatperioden {period}: {reason}."
            if sv
            else f"{subject} in {s.region} cannot be assessed for the {period} term: {reason}."
        )
    unit = _change_unit(s.unit, s.gap, lang)
    level_unit = unit if s.gap else s.unit
    base = _with_unit(format_number(s.baseline.value, s.decimals, lang), level_unit)
    last = _with_unit(format_number(s.latest.value, s.decimals, lang), level_unit)
    change = s.latest.value - s.baseline.value
    if rounds_to_zero(change, s.decimals):
        moved = (
            f"var oförändrad: {base} ({s.baseline.period}) och {last} ({s.latest.period})"
            if sv
            else f"was unchanged: {base} ({s.baseline.period}) and {last} ({s.latest.period})"
        )
    else:
        verb = ("ökade" if change > 0 else "minskade") if sv else ("rose" if change > 0 else "fell")
        signed = _with_unit(format_signed(change, s.decimals, lang), unit)
        b, l_ = s.baseline.period, s.latest.period
        moved = (
            f"{verb} från {base} ({b}) till {last} ({l_}), {signed}"
            if sv
            else f"{verb} from {base} ({b}) to {last} ({l_}), {signed}"
        )
    parts = [f"{subject} i {s.region} {moved}." if sv else f"{subject} in {s.region} {moved}."]
    if s.target_value is not None:
        shown = s.decimals if s.target_decimals is None else s.target_decimals
        target = _with_unit(format_number(s.target_value, shown, lang), level_unit)
        when = f" år {s.target_year}" if sv and s.target_year else ""
        when = when or (f" by {s.target_year}" if s.target_year else "")
        parts.append(f"Målet är {target}{when}." if sv else f"The target is {target}{when}.")
    elif s.target_text:
        parts.append(f"Målet: {s.target_text}." if sv else f"Target: {s.target_text}.")
    if s.needed_pace is not None and s.achieved_pace is not None:
        decimals = s.decimals + 1
        needed = _with_unit(format_signed(s.needed_pace, decimals, lang), unit)
        achieved = _with_unit(format_signed(s.achieved_pace, decimals, lang), unit)
        parts.append(
            f"Det kräver {needed} per år; takten har varit {achieved} per år."
            if sv
            else f"That needs {needed} a year; the pace has been {achieved} a year."
        )
    parts.append(
        f"Bedömning för {period}: {s.verdict.icon} {s.verdict.text('sv')}."
        if sv
        else f"Assessment for {period}: {s.verdict.icon} {s.verdict.text('en')}."
    )
    return " ".join(parts)

"""Why a goal indicator cannot be judged, and how a verdict was reached: codes with parameters.

The status engine stores a `Note` (code + parameters); every language renders its own text
from it (`render`), so the warehouse, the dashboard in English and the CLI say the same thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Note:
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def text(self, lang: str = "sv", hint: bool = True) -> str:
        return render(self.code, self.params, lang, hint)

    def params_json(self) -> str:
        return json.dumps(self.params, ensure_ascii=False, sort_keys=True)


def note(code_: str, /, **params: Any) -> Note:
    return Note(code_, params)


def _percent(share: float, lang: str) -> str:
    return f"{share * 100:g}\u00a0%"


def _tolerance(params: dict, lang: str) -> str:
    return "±" + _percent(float(params["tolerance"]), lang)


def _number(value: float) -> str:
    return f"{value:g}"


# code -> (Swedish template, English template); {name} is filled from the parameters.
TEMPLATES: dict[str, tuple[str, str]] = {
    # -- why a goal indicator cannot be judged ------------------------------------------
    "period_not_begun": (
        "mandatperioden {period} har inte börjat",
        "the {period} term has not begun",
    ),
    "no_ris_values": ("inga RIS-värden för {region}", "no RIS values for {region}"),
    "awaiting_file": (
        "inga värden för {region}: väntar på fil",
        "no values for {region}: awaiting a file",
    ),
    "no_source_values": ("inga värden för {region}", "no values for {region}"),
    "no_values": ("inga värden för regionen", "no values for the region"),
    "no_new_data": (
        "inga nya värden under perioden (senaste värde {last})",
        "no new data this term (latest value {last})",
    ),
    "no_baseline_value": (
        "inget värde för basåret {year} eller tidigare",
        "no value for the baseline year {year} or earlier",
    ),
    "single_value": (
        "bara ett värde ({period}), ingen utveckling att bedöma",
        "only one value ({period}), no development to assess",
    ),
    "series_break": (
        "seriebrott {period} mellan {baseline} och {latest}: värdena går inte att jämföra",
        "series break {period} between {baseline} and {latest}: the values are not comparable",
    ),
    "target_not_after": (
        "målåret eller senaste värdet ligger inte efter utgångsvärdet",
        "the target year or the latest value does not lie after the baseline",
    ),
    "peers_missing": (
        "jämförelseregionerna saknar värden för {baseline} eller {latest}",
        "the peer regions have no values for {baseline} or {latest}",
    ),
    "ris_constant_indicator": (
        "RIS-indikatorn {code} är i stort sett oförändrad 2016–2023 för nästan alla regioner: "
        "RIS visar ingen utveckling över tid att bedöma",
        "the RIS indicator {code} is essentially constant over 2016–2023 for almost all "
        "regions: the RIS shows no development over time to assess",
    ),
    "ris_constant_region": (
        "RIS-värdet för {region} är oförändrat {baseline}–{latest}: kvoten rör sig bara för "
        "att jämförelsegruppens medel ändras",
        "the RIS value for {region} is unchanged {baseline}–{latest}: the ratio moves only "
        "because the benchmark group's mean changes",
    ),
    # -- how a verdict was reached ------------------------------------------------------
    "direction": (
        "målet anger riktning ({what_sv} ska {wanted_sv}); förändring inom {tolerance} "
        "räknas som oförändrat",
        "the target gives a direction ({what_en} should {wanted_en}); a change within "
        "{tolerance} counts as no change",
    ),
    "gap_met": (
        "skillnaden är högst {value} (målet)",
        "the gap is at most {value} (the target)",
    ),
    "level_met": (
        "senaste värdet når målnivån {level}",
        "the latest value reaches the target level {level}",
    ),
    "pace": (
        "takt sedan {baseline} jämförd med takten som behövs för att nå {level} till {due} "
        "(i fas ≥ {on_track}, behöver öka takten ≥ {speed_up} av den takten)",
        "pace since {baseline} compared with the pace needed to reach {level} by {due} "
        "(on track ≥ {on_track}, needs to speed up ≥ {speed_up} of that pace)",
    ),
    "peer_level": (
        "jämfört med {peers} år {latest}; annars om avståndet till deras medel minskat",
        "compared with {peers} in {latest}; otherwise whether the distance to their mean shrank",
    ),
    "peer_growth": (
        "förändring {baseline}–{latest} jämförd med {peers}: snabbare än alla = uppnått, "
        "än deras medel = behöver öka takten",
        "change {baseline}–{latest} compared with {peers}: faster than all = target met, "
        "than their mean = needs to speed up",
    ),
    # -- how a delmål was summed up -----------------------------------------------------
    "summary_none": (
        "{judged} av {total} bedömda: ingen indikator kan bedömas",
        "{judged} of {total} assessed: no indicator can be assessed",
    ),
    "summary_insufficient": (
        "{judged} av {total} bedömda: för litet underlag för en samlad bedömning "
        "(minst hälften behövs)",
        "{judged} of {total} assessed: too little to go on for an overall assessment "
        "(at least half are needed)",
    ),
    "summary_median": (
        "{judged} av {total} bedömda: median av de bedömda ({counts_sv})",
        "{judged} of {total} assessed: median of those assessed ({counts_en})",
    ),
}

_WHAT = {
    "value": ("värdet", "the value"),
    "gap": ("skillnaden mellan kvinnor och män", "the gap between women and men"),
}
_WANTED = {"increase": ("öka", "increase"), "decrease": ("minska", "decrease")}


# What the analyst can do about a missing value: shown in the app and the CLI, left out of
# exports (a conference slide is no place for file paths and commands).
HINTS: dict[str, tuple[str, str]] = {
    "no_ris_values": ("kör rusmon etl ris", "run rusmon etl ris"),
    "awaiting_file": (
        "lägg den i data/manual/ eller $RUSMON_SOURCES_DIR/followup/ och kör rusmon etl manual",
        "put it in data/manual/ or $RUSMON_SOURCES_DIR/followup/ and run rusmon etl manual",
    ),
    "no_source_values": ("kör rusmon etl {source}", "run rusmon etl {source}"),
}


def render(code: str, params: dict[str, Any], lang: str = "sv", hint: bool = True) -> str:
    """The text of a reason or method code in `lang` (sv or en); with `hint`, what to do
    about it in parentheses."""
    text = _render(code, params, lang)
    if hint and code in HINTS:
        sv_hint, en_hint = HINTS[code]
        text += f" ({(en_hint if lang == 'en' else sv_hint).format(**params)})"
    return text


def _render(code: str, params: dict[str, Any], lang: str) -> str:
    sv_template, en_template = TEMPLATES[code]
    values = dict(params)
    for key in ("level", "value"):
        if isinstance(values.get(key), float):
            values[key] = _number(values[key])
    if "tolerance" in values:
        values["tolerance"] = _tolerance(values, lang)
    for key in ("on_track", "speed_up"):
        if key in values:
            values[key] = _percent(float(values[key]), lang)
    if "what" in values:
        values["what_sv"], values["what_en"] = _WHAT[values["what"]]
    if "wanted" in values:
        values["wanted_sv"], values["wanted_en"] = _WANTED[values["wanted"]]
    if "counts" in values:  # [[verdict code, n], …], best first
        from indicators.goals.verdicts import BY_CODE

        for language in ("sv", "en"):
            values[f"counts_{language}"] = ", ".join(
                f"{n} {BY_CODE[c].text(language)}" for c, n in values["counts"]
            )
    if isinstance(values.get("peers"), list):
        values["peers"] = ", ".join(values["peers"])
    return (en_template if lang == "en" else sv_template).format(**values)


def from_columns(code: object, params: object) -> Note | None:
    """A Note back from the warehouse's code and JSON parameter columns."""
    if not isinstance(code, str) or not code:
        return None
    return Note(code, json.loads(params) if isinstance(params, str) and params else {})

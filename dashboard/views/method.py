"""Så bedöms målen as text: the exact goal-status method, every threshold read from the code.
Shown on /metod and on the deck's method slide."""

from __future__ import annotations

import pandas as pd

from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import t
from indicators.catalogue import Catalogue
from indicators.formatting import format_number, format_percent
from indicators.goals import models as m
from indicators.goals import verdicts as v

TOLERANCE = m.Target.model_fields["tolerance"].default  # the catalogue's default


def _pct(share: float, lang: str) -> str:
    return format_percent(share * 100, 0, lang)


def method_sections(lang: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the method, with every threshold read from the code: the
    method's prose in two language blocks, chosen by `lang` (headings included)."""
    on, up, tol = _pct(v.ON_TRACK_SHARE, lang), _pct(v.SPEED_UP_SHARE, lang), _pct(TOLERANCE, lang)
    if lang == "en":
        return [
            (
                "Baseline and latest value",
                [
                    "Each goal indicator is assessed per region and term of office. The baseline is "
                    "the last value strictly before the term's first year; for a target stated as a % "
                    "change from a baseline year, the last value in or before that year. When there is "
                    "no value before the term, the first value inside it is the baseline, and the row "
                    "says so. The latest value is the last value inside the term.",
                    "No value inside the term: “no new data this term”. One value only, a series break "
                    "between baseline and latest, a hand-kept file not yet delivered or a term not yet "
                    "begun: “cannot be assessed”, always with the reason.",
                ],
            ),
            (
                "Targets with a level",
                [
                    "The pace achieved since the baseline (change per year) is compared with the pace "
                    "needed to reach the target level by the target year (the target's own year, "
                    f"otherwise the strategy's horizon). At least {on} of the needed pace: on track; "
                    f"{up}–{on}: needs to speed up; 0–{up}: limited progress; below 0: deterioration. "
                    "Latest value at or beyond the target: target met. Lower-is-better indicators are "
                    "judged the same way with the sign turned.",
                ],
            ),
            (
                "Direction-only targets",
                [
                    f"Only the direction counts. A relative change within ±{tol} counts as no change "
                    "(limited progress); beyond it, better is on track and worse is deterioration.",
                ],
            ),
            (
                "Peers and gaps",
                [
                    "Better than named peer regions: target met when better than every peer in the "
                    "latest year; otherwise needs to speed up when the distance to their mean shrank. "
                    "Faster than peers: change compared with the peers' change. A gap between women "
                    f"and men is the absolute difference; it should shrink (±{tol} counts as no change).",
                ],
            ),
            (
                "A sub-goal's overall assessment",
                [
                    "Every sub-goal states “n of m assessed”. With fewer than half of its indicators "
                    "assessed there is no overall verdict (“too little to go on”); otherwise the "
                    "median of the assessed verdicts, with an even count the worse of the two middle "
                    "ones, so no single indicator carries or sinks a sub-goal.",
                ],
            ),
            (
                "The RIS",
                [
                    "RIS goals follow a NUTS2 region's score divided by the Innovation Leaders' mean. "
                    "The RIS has no counties: a county's RIS row is measured for its NUTS2 region and "
                    "says so. The RIS writes missing data as 0.00: a series that is 0.00 in every year "
                    "is no data and never enters a mean, rank or goal; an isolated 0.00 is kept with a "
                    "caveat (*). Indicators the RIS keeps flat over time (†: 1.1.2, 1.1.3, 4.1.1) and "
                    "a series flat for the region are not assessed on a trend. ▲ marks a value at the "
                    "scoreboard's cap.",
                ],
            ),
        ]
    return [
        (
            "Utgångsläge och senaste värde",
            [
                "Varje målindikator bedöms per region och mandatperiod. Utgångsläget är det senaste "
                "värdet före periodens första år; för ett mål uttryckt som procentuell förändring "
                "från ett basår det senaste värdet det året eller tidigare. Finns inget värde före "
                "perioden blir det första värdet i perioden utgångsläge, och raden säger det. Senaste "
                "värde är det sista värdet inom perioden.",
                "Inget värde inom perioden: ”inga nya värden under perioden”. Bara ett värde, ett "
                "seriebrott mellan utgångsläge och senaste värde, en fil som ännu inte levererats "
                "eller en period som inte börjat: ”kan ej bedömas”, alltid med skälet.",
            ],
        ),
        (
            "Mål med en nivå",
            [
                "Takten sedan utgångsläget (förändring per år) jämförs med takten som behövs för att "
                "nå målnivån till målåret (målets eget år, annars strategins målår). Minst "
                f"{on} av den takten: i fas; {up}–{on}: behöver öka takten; 0–{up}: begränsad "
                "utveckling; under 0: försämring. Senaste värdet vid eller bortom målet: målet "
                "uppnått. Indikatorer där lägre är bättre bedöms likadant med omvänt tecken.",
            ],
        ),
        (
            "Riktningsmål",
            [
                f"Bara riktningen räknas. En relativ förändring inom ±{tol} räknas som oförändrad "
                "(begränsad utveckling); utanför det är bättre ”i fas” och sämre ”försämring”.",
            ],
        ),
        (
            "Jämförelseregioner och skillnader",
            [
                "Bättre än namngivna regioner: målet uppnått när värdet är bättre än varje "
                "jämförelseregions det senaste året; annars behöver öka takten om avståndet till "
                "deras medel minskat. Snabbare än andra: förändringen jämförs med deras. Skillnaden "
                "mellan kvinnor och män är den absoluta skillnaden och ska minska (inom "
                f"±{tol} räknas som oförändrad).",
            ],
        ),
        (
            "Delmålets samlade bedömning",
            [
                "Varje delmål anger ”n av m bedömda”. Kan färre än hälften av indikatorerna bedömas "
                "ges ingen samlad bedömning (”för litet underlag”); annars medianen av de bedömda, "
                "vid jämnt antal den sämre av de två mittersta, så att ingen enskild indikator bär "
                "eller sänker ett delmål.",
            ],
        ),
        (
            "RIS",
            [
                "RIS-mål följer en NUTS2-regions värde delat med innovationsledarnas medel. RIS har "
                "inga län: ett läns RIS-rad mäts för dess NUTS2-region och säger det. RIS skriver "
                "saknade uppgifter som 0,00: en serie som är 0,00 alla år är ingen uppgift och räknas "
                "aldrig in i medel, rang eller mål; en enstaka 0,00 behålls med förbehåll (*). "
                "Indikatorer som RIS håller konstanta över tid (†: 1.1.2, 1.1.3, 4.1.1) och serier "
                "som är konstanta för regionen bedöms inte på en trend. ▲ markerar ett värde i "
                "resultattavlans tak.",
            ],
        ),
    ]


def example_row(reader: WarehouseReader) -> pd.Series | None:
    """A judged goal indicator with a target level, to show the pace rule with real numbers."""
    if not reader.has_view("goal_status"):
        return None
    rows = reader.query(
        "SELECT * FROM goal_status WHERE needed_pace IS NOT NULL AND achieved_pace IS NOT NULL "
        "AND needed_pace <> 0 ORDER BY strategy_id, region_code, mandate_period, position"
    )
    return None if rows.empty else rows.iloc[0]


def _indicator_name(row: pd.Series, cat: Catalogue, lang: str) -> str:
    indicator = cat.indicators.get(str(row.indicator_id))
    return indicator.name(lang) if indicator is not None else str(row.indicator_key)


def worked_example(row: pd.Series, cat: Catalogue, lang: str) -> str:
    """The pace rule worked through on one stored goal_status row."""
    d = 3
    share = row.achieved_pace / row.needed_pace
    verdict = v.BY_CODE[row.status_code]
    region = cat.regions.name_of(row.measured_region, lang)
    n = lambda x: format_number(float(x), d, lang)  # noqa: E731
    values = {
        "ind": _indicator_name(row, cat, lang),
        "region": region,
        "period": row.mandate_period.replace("-", "–"),
        "b": n(row.baseline_value),
        "bp": row.baseline_period,
        "l": n(row.latest_value),
        "lp": row.latest_period,
        "t": n(row.target_value),
        "ty": int(row.target_year),
        "need": n(row.needed_pace),
        "got": n(row.achieved_pace),
        "share": format_percent(share * 100, 0, lang),
        "verdict": f"{verdict.icon} {verdict.text(lang)}",
    }
    return t("method.example", lang, **values)

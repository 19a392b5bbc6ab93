"""The sentence under a goal chart: every number in it is one of the status figures."""

from indicators.goals import verdicts as v
from indicators.goals.sentence import SentenceInput, goal_sentence
from indicators.goals.status import Point

UNEMPLOYMENT = SentenceInput(
    subject="Arbetslöshet 20–64 år",
    region="Västmanlands län",
    period="2019-2022",
    unit="procent",
    decimals=1,
    verdict=v.ON_TRACK,
    baseline=Point("2020", 8.3),
    latest=Point("2022", 6.6),
    target_text="Arbetslösheten ska minska",
)


def test_a_judged_indicator_says_from_what_to_what_and_the_verdict():
    assert goal_sentence(UNEMPLOYMENT) == (
        "Arbetslöshet 20–64 år i Västmanlands län minskade från 8,3\u00a0procent (2020) till "
        "6,6\u00a0procent (2022), \u22121,7\u00a0procentenheter. Målet: Arbetslösheten ska "
        "minska. Bedömning för 2019–2022: ● i fas."
    )


def test_a_threshold_target_gives_the_target_and_both_paces():
    rii = SentenceInput(
        subject="Innovationsindex (kvot mot innovationsledarna)",
        region="Övre Norrland",
        period="2019-2022",
        unit="",
        decimals=2,
        verdict=v.WORSENING,
        baseline=Point("2018", 0.928944),
        latest=Point("2022", 0.914416),
        target_value=1.0,
        target_year=2030,
        needed_pace=0.005921,
        achieved_pace=-0.003632,
    )
    assert goal_sentence(rii) == (
        "Innovationsindex (kvot mot innovationsledarna) i Övre Norrland minskade från 0,93 (2018) "
        "till 0,91 (2022), \u22120,01. Målet är 1,00 år 2030. Det kräver +0,006 per år; takten "
        "har varit \u22120,004 per år. Bedömning för 2019–2022: ▼ försämring."
    )


def test_a_gap_is_about_women_and_men_in_percentage_points():
    gap = SentenceInput(
        subject="Förvärvsfrekvens 20–64 år",
        region="Kalmar län",
        period="2019-2022",
        unit="procent",
        decimals=1,
        verdict=v.ON_TRACK,
        baseline=Point("2018", -4.0),
        latest=Point("2022", -3.0),
        gap=True,
    )
    text = goal_sentence(gap)
    assert text.startswith("Skillnaden mellan kvinnor och män i förvärvsfrekvens 20–64 år")
    assert "ökade från \u22124,0\u00a0procentenheter (2018) till \u22123,0" in text


def test_an_unchanged_value_is_called_unchanged():
    flat = SentenceInput(**{**UNEMPLOYMENT.__dict__, "latest": Point("2022", 8.31)})
    assert "var oförändrad: 8,3\u00a0procent (2020) och 8,3\u00a0procent (2022)" in goal_sentence(
        flat
    )


def test_what_cannot_be_judged_says_why():
    unknown = SentenceInput(
        subject="Reglab Innovationsindex",
        region="Västmanlands län",
        period="2023-2026",
        unit="index",
        decimals=1,
        verdict=v.UNKNOWN,
        reason="inga värden för SE125: väntar på fil",
    )
    assert goal_sentence(unknown) == (
        "Reglab Innovationsindex i Västmanlands län kan inte bedömas för mandatperioden "
        "2023–2026: inga värden för SE125: väntar på fil."
    )


def test_english_has_its_own_words():
    text = goal_sentence(UNEMPLOYMENT, "en")
    assert "fell from 8.3\u00a0procent (2020) to 6.6\u00a0procent (2022)" in text
    assert text.endswith("Assessment for 2019–2022: ● on track.")

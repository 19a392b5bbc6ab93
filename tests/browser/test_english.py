"""English that is whole: every page in English shows no Swedish word of its own. A text the
catalogue (or a hand-kept file, or the ETL's log) has only in Swedish is shown in Swedish, but
marked: the words in an element with lang="sv", followed by the marker "[sv]" whose meaning
the footer states. Place names are Swedish in both languages and are left out of the check."""

import re
from functools import cache

import pytest

from dashboard import ids
from dashboard.i18n import UNTRANSLATED, t
from indicators.catalogue import catalogue
from tests.browser.helpers import wait_for_query

pytestmark = pytest.mark.browser

STRATEGIES = (
    "vastmanland_rus_2030",
    "orebro_rus",
    "vasterbotten_innovation_strategy",
    "smaland_industrial_agenda",
    "kalmar_rus",
)
PAGES = (
    "/?lang=en",
    "/jamfor?lang=en",
    "/indikatorer?lang=en",
    "/metod?lang=en",
    "/datakallor?lang=en",
)
PROFILE = "/profil?region=SE125&lang=en"

# Swedish words of the UI, the method page, the reasons and the sentences; each one would be
# out of place in an English sentence.
SWEDISH = (
    "och",
    "ska",
    "öka",
    "minska",
    "Källa",
    "källa",
    "mätt för",
    "Mätt för",
    "väntar på fil",
    "kan ej bedömas",
    "Delmål",
    "delmål",
    "bedömda",
    "Utgångsläge",
    "utgångsläge",
    "Senaste",
    "senaste",
    "Mandatperiod",
    "mandatperiod",
    "mandatperioden",
    "för",
    "av",
    "är",
    "med",
    "till",
    "från",
    "inte",
    "inga",
    "Inga",
    "eller",
    "värde",
    "värden",
    "saknas",
    "uppgift",
    "län",
    "kvinnor",
    "män",
    "Välj",
    "Sök",
    "Visa",
    "Ladda",
    "Översikt",
    "Jämför",
    "Måluppföljning",
    "Indikatorer",
    "Datakällor",
    "Hoppa",
    "Presentationsläge",
    "Räkneexempel",
    "takt",
    "försämring",
    "i fas",
    "laddad",
    "Förbehåll",
    "Om strategin",
)
FOUND = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in SWEDISH) + r")(?!\w)")


@cache
def place_names() -> list[str]:
    """Every region's name in both languages, longest first."""
    regions = catalogue().regions.regions.values()
    names = {name for r in regions for name in (r.name_sv, r.name_en) if name}
    return sorted(names, key=len, reverse=True)


def english_text(page) -> str:
    """The page's visible text without the words marked Swedish and without place names."""
    page.add_style_tag(content='body [lang="sv"] { display: none !important; }')
    assert page.locator("main h1").first.is_visible()  # the page itself is not hidden
    text = page.inner_text("body")
    for name in place_names():
        text = text.replace(name, " ")
    return text


def swedish_in(text: str) -> list[str]:
    """Each line holding a Swedish word, with the word."""
    return [
        f"{match.group(1)!r} in: {line.strip()}"
        for line in text.splitlines()
        if (match := FOUND.search(line))
    ]


def assert_marked_texts_carry_the_marker(page) -> None:
    """Every word shown in Swedish is followed by "[sv]", explained in a tooltip."""
    unmarked = page.evaluate(
        """() => [...document.querySelectorAll('main [lang="sv"]')]
            .filter(e => !(e.nextElementSibling && e.nextElementSibling.matches('abbr.untranslated')))
            .map(e => e.textContent)"""
    )
    assert unmarked == []
    for title in page.locator("abbr.untranslated").evaluate_all("(all) => all.map(a => a.title)"):
        assert title == t("untranslated.title", "en")


def check(page) -> None:
    page.wait_for_load_state("networkidle")
    assert page.locator("html main").first.get_attribute("lang") in ("en", None)
    assert_marked_texts_carry_the_marker(page)
    marked = page.locator('main [lang="sv"]').count()
    if marked and page.locator(f"#{ids.LEGEND}").count():
        assert UNTRANSLATED in page.locator(f"#{ids.LEGEND}").inner_text()
    assert swedish_in(english_text(page)) == []
    assert page.console_log.errors() == []


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_english(live_server, page, path):
    page.goto(live_server + path)
    page.wait_for_selector("main h1")
    check(page)
    assert swedish_in(page.title()) == []
    assert page.title().startswith("rusmon – ")


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_strategy_and_its_first_indicator_is_english(live_server, page, strategy):
    page.goto(f"{live_server}/maluppfoljning?strategy={strategy}&lang=en")
    page.wait_for_selector(".goal-table button")
    # The region and period callbacks redraw the list once: click after that, not before
    wait_for_query(page, "period=")
    page.wait_for_timeout(500)
    page.locator(".goal-table button").first.click()
    page.wait_for_function(
        "(id) => document.getElementById(id).innerText.trim().length > 0",
        arg=ids.GOALS_SENTENCE,
        timeout=20_000,
    )
    check(page)
    assert page.title() == "rusmon – Goal follow-up"


def test_the_region_profile_is_english(live_server, page):
    page.goto(live_server + PROFILE)
    page.wait_for_selector("main h1")
    check(page)
    if page.locator('main [lang="sv"]').count():
        assert t("untranslated.legend", "en") in page.inner_text("body")


def test_the_dropdowns_speak_english(live_server, page):
    page.goto(live_server + "/indikatorer?lang=en")
    page.wait_for_selector(f"#{ids.EXPLORER_REGIONS}")
    assert "selected" in page.locator(f"#{ids.EXPLORER_REGIONS}").inner_text()
    page.locator(f"#{ids.EXPLORER_INDICATOR}").click()
    search = page.locator("input.dash-dropdown-search")
    assert search.get_attribute("placeholder") == "Search"
    search.fill("no such indicator at all")
    page.wait_for_selector("text=No matches")
    assert page.console_log.errors() == []


def test_a_text_only_in_swedish_is_marked_not_silent(live_server, page):
    """The ETL's log is Swedish: on the English sources page each message is marked."""
    page.goto(live_server + "/datakallor?lang=en")
    page.wait_for_selector("#runs-table")
    messages = page.locator("#runs-table tbody tr td:last-child")
    shown = [m for m in messages.all_inner_texts() if m.strip()]
    assert shown and all(m.rstrip().endswith(UNTRANSLATED) for m in shown)
    assert page.locator("#runs-table [lang='sv']").count() == len(shown)
    assert UNTRANSLATED in page.locator(f"#{ids.LEGEND}").inner_text()

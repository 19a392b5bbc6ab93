"""The translation table is whole, and a catalogue text without English is marked, not silent."""

import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

from dashboard import ids
from dashboard.components.controls import dropdown_labels
from dashboard.components.shell import page_title, shell
from dashboard.components.text import rich
from dashboard.export.markup import escape, escape_attribute
from dashboard.i18n import (
    SWEDISH_END,
    SWEDISH_START,
    TEXT,
    UNTRANSLATED,
    catalogue_text,
    join_and,
    plain,
    swedish_only,
    swedish_parts,
    t,
)
from dashboard.views.goals import members_text, owner_text, strategy_note, target_text
from tests.dashboard.texts import text_of

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_text_has_swedish_and_english_with_the_same_placeholders(key):
    entry = TEXT[key]
    assert set(entry) == {"sv", "en"}
    assert entry["sv"] and entry["en"]
    assert placeholders(entry["sv"]) == placeholders(entry["en"])


def test_a_catalogue_text_without_english_is_shown_in_swedish_with_the_marker():
    assert catalogue_text("Exporten ska öka", None, "sv") == "Exporten ska öka"
    assert catalogue_text("Exporten ska öka", "Exports should grow", "en") == "Exports should grow"
    marked = catalogue_text("Exporten ska öka", None, "en")
    assert plain(marked) == "Exporten ska öka [sv]"
    assert marked == f"{SWEDISH_START}Exporten ska öka{SWEDISH_END} {UNTRANSLATED}"
    assert swedish_parts(f"Target: {marked}.") == [
        ("Target: ", False),
        ("Exporten ska öka", True),
        (" [sv].", False),
    ]
    assert catalogue_text(None, None, "en") == "" and catalogue_text("", "", "sv") == ""
    assert swedish_only("5 strategier", "en") == catalogue_text("5 strategier", None, "en")
    assert swedish_only("5 strategier", "sv") == "5 strategier"


def test_the_pages_tag_the_swedish_words_and_explain_the_marker():
    shown = rich(
        "Source: " + catalogue_text("Svenskt Näringsliv, företagsklimatrankning", "", "en")
    )
    span, abbr = shown[1], shown[3]
    assert shown[0] == "Source: " and shown[2] == " "
    assert span.lang == "sv" and span.children == "Svenskt Näringsliv, företagsklimatrankning"
    assert abbr.children == UNTRANSLATED and abbr.title == t("untranslated.title", "en")
    assert rich("plain text") == "plain text"
    assert rich(None) == ""


def test_the_exports_tag_the_swedish_words_in_their_html():
    marked = catalogue_text("BRP <ska> öka", None, "en")
    assert escape(marked) == (
        '<span lang="sv">BRP &lt;ska&gt; öka</span> <abbr class="untranslated" '
        f'title="{t("untranslated.title", "en")}">[sv]</abbr>'
    )
    assert escape_attribute(marked) == "BRP &lt;ska&gt; öka [sv]"
    assert escape("a & b") == "a &amp; b"


def test_the_english_footer_says_what_the_marker_means():
    english = text_of(shell("en", "/datakallor"))
    assert t("untranslated.legend", "en") in english
    assert UNTRANSLATED not in text_of(shell("sv", "/datakallor"))


def test_the_shell_and_the_controls_speak_the_pages_language():
    swedish, english = shell("sv", "/metod"), shell("en", "/metod")
    assert "Hoppa till innehållet" in text_of(swedish) and "Skip to content" in text_of(english)
    assert english.to_plotly_json()["props"]["data-title"] == "rusmon – How goals are assessed"
    assert page_title("/", "sv") == "rusmon – Översikt"
    assert dropdown_labels("sv")["search"] == "Sök"
    assert dropdown_labels("en") == {
        "search": "Search",
        "clear_search": "Clear search",
        "clear_selection": "Clear selection",
        "no_options_found": "No matches",
        "select_all": "Select all",
        "deselect_all": "Deselect all",
        "selected_count": "{num_selected} selected",
    }


def test_lists_join_with_the_languages_conjunction(cat):
    assert join_and(["Uppsala", "Örebro", "Västmanland"], "en") == "Uppsala, Örebro and Västmanland"
    assert join_and(["a"], "sv") == "a" and join_and([], "sv") == ""
    assert members_text(cat, "SE33", "sv") == "Västerbottens och Norrbottens län"
    assert members_text(cat, "SE33", "en") == "Västerbotten and Norrbotten County"


def test_a_strategys_own_words_are_marked_until_its_file_has_english(cat):
    strategy = cat.strategies["vastmanland_rus_2030"]
    assert strategy_note(strategy, "sv") == strategy.note_sv
    assert owner_text(strategy, "sv") == "Region Västmanland"
    english = SimpleNamespace(owner_sv="Region Västmanland", owner_en="Region Västmanland")
    assert owner_text(english, "en") == "Region Västmanland"
    if not getattr(strategy, "owner_en", None):
        assert plain(owner_text(strategy, "en")) == "Region Västmanland [sv]"
    gi = strategy.goals[0].indicators[0]
    row = SimpleNamespace(target_text=gi.target.text_sv)
    assert target_text(row, gi, "sv") == gi.target.text_sv
    if not getattr(gi.target, "text_en", None):
        assert plain(target_text(row, gi, "en")) == f"{gi.target.text_sv} [sv]"


def test_scripts_name_the_components_by_their_ids():
    assert f'"#{ids.PRESENT_TOGGLE}"' in (DASHBOARD / "assets" / "present.js").read_text()
    assert (
        f'getElementById("{ids.PRESENT_TOGGLE}")'
        in (DASHBOARD / "assets" / "present.js").read_text()
    )


def test_no_page_chooses_its_words_inline():
    """Words go through dashboard.i18n: no `"…" if lang == "sv" else "…"` in the pages'
    code (the method page's prose is two language blocks, chosen by lang, on purpose)."""
    word = r"[^\W\d_]{3,}"  # not a language code ("sv") nor separators
    inline = re.compile(rf"""["'][^"'\n]*{word}[^"'\n]*["']\s+if\s+lang\s*==""")
    offenders = [
        f"{path.relative_to(DASHBOARD)}:{n}"
        for path in DASHBOARD.rglob("*.py")
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if inline.search(line)
    ]
    assert offenders == []

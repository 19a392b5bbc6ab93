"""The offline HTML presentation: every slide of the deck, text escaped, figures embedded safely,
plotly.js inlined, and nothing that would make the file reach the network.

The drawing, the keys and the absence of requests in a real browser are checked in
tests/browser/test_offline_html.py.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser

import plotly.graph_objects as go
import pytest

from dashboard.data_access.reader import WarehouseReader
from dashboard.export import deck_spec as d
from dashboard.export.deck import Part, deck_parts
from dashboard.export.offline_html import PLOTLY_CONFIG, offline_html, plotly_js

STRATEGY, REGION, PERIOD = "vastmanland_rus_2030", "SE125", "2019-2022"
URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "formaction", "xlink:href"}


class Page(HTMLParser):
    """The document's elements: tags with their attributes, and each <script>'s and <style>'s
    text (whose contents are not markup, so URL strings inside plotly.js are not attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._open = (tag, attributes)
            self.raw.append((tag, attributes, ""))

    def handle_data(self, data):
        if self._open is not None:
            tag, attributes, text = self.raw[-1]
            self.raw[-1] = (tag, attributes, text + data)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None

    def attributes(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.tags if name in a]

    def scripts(self, type_: str | None = None) -> list[tuple[dict[str, str | None], str]]:
        return [
            (a, text) for tag, a, text in self.raw if tag == "script" and a.get("type") == type_
        ]

    def styles(self) -> list[str]:
        return [text for tag, _, text in self.raw if tag == "style"]


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    return page


def network_references(document: str) -> list[str]:
    """Every attribute or CSS url() that would load something from a server."""
    page = parse(document)
    found = [
        f"{name}={value}"
        for _, attributes in page.tags
        for name, value in attributes.items()
        if name in URL_ATTRIBUTES and re.match(r"\s*(https?:)?//", value or "", re.I)
    ]
    for css in page.styles():
        found += re.findall(r"url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)", css, re.I)
        found += re.findall(r"@import", css, re.I)
    return found


@pytest.fixture(scope="module")
def parts(followup_warehouse, cat) -> list[Part]:
    reader = WarehouseReader(followup_warehouse.database_url)
    return deck_parts(reader, cat, STRATEGY, REGION, PERIOD, "sv", today=date(2026, 12, 1))


@pytest.fixture(scope="module")
def document(parts) -> str:
    return offline_html(parts, "sv")


# --- the real deck --------------------------------------------------------------------------


def test_every_slide_of_the_deck_is_there_in_order(parts, document):
    assert len(parts) > 10
    assert any(p.figure is not None for p in parts)
    sections = re.findall(r'<section class="slide [^"]*" id="slide-(\d+)"', document)
    assert sections == [str(i) for i in range(1, len(parts) + 1)]
    positions = [document.index(f'id="slide-{i}"') for i in range(1, len(parts) + 1)]
    for i, part in enumerate(parts):
        title = html.escape(part.slide.title)
        # the title is within its own slide: after its section starts, before the next one
        end = positions[i + 1] if i + 1 < len(parts) else len(document)
        assert title in document[positions[i] : end], part.slide.title


def test_the_notes_subtitles_caveats_and_sources_are_shown(parts, document):
    for part in parts:
        slide = part.slide
        for line in slide.notes.split("\n"):
            if line.strip():
                assert html.escape(line) in document, line
        if slide.subtitle:
            assert html.escape(slide.subtitle) in document
        for caveat in getattr(slide, "caveats", []):
            assert html.escape(caveat) in document
        if getattr(slide, "source", ""):
            assert html.escape(slide.source) in document
    assert "Källa: " in document


def test_every_table_row_and_bullet_is_kept(parts, document):
    for part in parts:
        slide = part.slide
        if isinstance(slide, d.TableSlide):
            for row in slide.rows:
                for cell in row:
                    assert html.escape(cell[1:] if cell[:1] in "●▲▼◆✔✖?…" else cell) in document
        if isinstance(slide, d.BulletsSlide):
            for bullet in slide.bullets:
                assert f"<li>{html.escape(bullet)}</li>" in document


def test_each_chart_is_the_page_figure_embedded_as_json(parts, document):
    page = parse(document)
    figures = {a["id"]: text for a, text in page.scripts("application/json") if a.get("id")}
    for i, part in enumerate(parts, start=1):
        if part.figure is None:
            assert f'id="figure-{i}"' not in document
            continue
        figure = json.loads(figures[f"figure-{i}"])
        assert [t["type"] for t in figure["data"]] == [t.type for t in part.figure.data]
        assert [t.get("name") for t in figure["data"]] == [t.name for t in part.figure.data]
        layout = figure["layout"]
        assert "height" not in layout and "width" not in layout  # it fills the slide
        assert layout["autosize"] is True
        assert f'data-figure="figure-{i}"' in document
    assert json.loads(figures["plotly-config"]) == {"displaylogo": False, "responsive": True}


def test_the_file_refers_to_nothing_on_the_network(document):
    assert network_references(document) == []
    page = parse(document)
    assert all("src" not in a for tag, a in page.tags if tag == "script")
    assert not [tag for tag, _ in page.tags if tag in ("link", "iframe", "object", "embed")]
    # belt and braces: the page forbids every request it might still try
    csp = next(
        a["content"] for tag, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    assert "http" not in csp
    assert "mathjax" not in json.dumps(PLOTLY_CONFIG).lower()
    assert "topojson" not in json.dumps(PLOTLY_CONFIG).lower()


def test_the_finder_catches_what_it_is_meant_to_catch():
    bad = (
        '<html><head><style>body { background: url("https://x.org/a.png") }</style></head>'
        '<body><img src="http://x.org/b.png"><a href="//cdn.x.org/c">c</a>'
        '<script>var s = "<img src=https://ignored.example/>";</script></body></html>'
    )
    found = network_references(bad)
    assert len(found) == 3
    assert not any("ignored" in f for f in found)


def test_plotly_js_is_inlined_in_full(document):
    bundle = plotly_js()
    assert len(bundle) > 3_000_000  # the full bundle, not the app's plotly-basic
    assert bundle in document
    assert "plotly.js v" in bundle[:200]


def test_the_page_names_its_language_and_title(parts, document):
    assert document.startswith('<!DOCTYPE html>\n<html lang="sv">')
    title = re.search(r"<title>(.*?)</title>", document).group(1)
    assert html.unescape(title).startswith(parts[0].slide.title)
    assert "Piltangenter: bläddra · n: talarnoter" in document


def test_english(parts):
    document = offline_html(parts, "en")
    assert '<html lang="en">' in document
    assert "Arrow keys: navigate · n: speaker notes" in document


# --- made-up slides: escaping, tables, fallbacks ----------------------------------------------


def _chart_part(title: str, name: str) -> Part:
    slide = d.LineChartSlide(
        title, "sub", ["2020", "2021"], [d.Series(name, [1.0, None])], source="Källa: test"
    )
    figure = go.Figure(go.Scatter(x=[2020, 2021], y=[1.0, None], name=name))
    figure.update_layout(height=460, title_text=title)
    return Part(slide, figure)


def test_text_is_escaped_and_a_figure_cannot_end_its_script():
    hostile = '</script><script>alert("x")</script>'
    parts = [
        Part(d.TitleSlide("A & B <i>", "sub <b>", notes="Ljud & ljus\n<andra> raden")),
        _chart_part("Diagram <1>", hostile),
    ]
    document = offline_html(parts, "sv")
    assert "A &amp; B &lt;i&gt;" in document
    assert "sub &lt;b&gt;" in document
    assert "<p>Ljud &amp; ljus</p><p>&lt;andra&gt; raden</p>" in document
    assert "<script>alert" not in document
    assert "</script><script>alert" not in document
    page = parse(document)
    embedded = dict((a["id"], text) for a, text in page.scripts("application/json"))
    figure = json.loads(embedded["figure-2"])
    assert figure["data"][0]["name"] == hostile  # read back unchanged
    assert figure["layout"]["title"]["text"] == ""  # the title is the slide's HTML
    assert "</" not in embedded["figure-2"]


def test_a_long_table_keeps_every_row_with_icon_and_words():
    rows = [[f"Indikator {i}", f"{i},0", "● i fas" if i % 2 else "✖ Ej i fas"] for i in range(60)]
    table = d.TableSlide(
        "Lång tabell",
        "",
        ["Indikator", "Värde", "Bedömning"],
        rows,
        source="Källa: test",
        numeric_columns={1},
        status_column=2,
    )
    document = offline_html([Part(d.TitleSlide("T")), Part(table)], "sv")
    for i in range(60):
        assert f"<td>Indikator {i}</td>" in document
    assert document.count('<td class="num">') == 60
    assert '<td class="status"><span class="icon s-good">●</span> i fas</td>' in document
    assert '<td class="status"><span class="icon s-bad">✖</span> Ej i fas</td>' in document
    assert '<th scope="col" class="num">Värde</th>' in document
    assert '<caption class="visually-hidden">Lång tabell</caption>' in document
    assert '<div class="body scroll">' in document  # what does not fit scrolls


def test_a_chart_slide_without_a_figure_shows_its_numbers():
    slide = d.BarChartSlide(
        "Staplar", "", ["a", "b"], [d.Series("Kvot", [1.25, None])], source="Källa: test"
    )
    document = offline_html([Part(slide)], "sv")
    assert '<td>a</td><td class="num">1.25</td>' in document
    assert '<td>b</td><td class="num">–</td>' in document
    assert "figure-1" not in document


def test_slides_after_the_first_start_hidden_and_notes_have_a_panel():
    parts = [Part(d.TitleSlide("Ett")), Part(d.BulletsSlide("Två", "", ["x"], notes="säg x"))]
    document = offline_html(parts, "en")
    assert re.search(r'id="slide-1" aria-label="[^"]*">', document)
    assert re.search(r'id="slide-2" aria-label="[^"]*" hidden>', document)
    assert "No speaker notes for this slide." in document
    assert "<p>säg x</p>" in document
    assert '<p id="counter" aria-live="polite">1 / 2</p>' in document


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="language"):
        offline_html([Part(d.TitleSlide("T"))], "de")
    with pytest.raises(ValueError, match="at least one slide"):
        offline_html([], "sv")

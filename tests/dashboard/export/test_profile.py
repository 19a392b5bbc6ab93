"""Regionprofil: 2–4 A4 pages with the region's RIS standing, the gap table, every delmål's
status and the sources, built from the same views as the pages; and the print-friendly /profil.

The PDFs are printed by Debian's /usr/bin/chromium through Playwright: without it these tests
fail (they are not browser tests, but they do need the browser binary).
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.export.errors import ExportError
from dashboard.export.profile import profile_html, write_profile_pdf
from dashboard.views.compare import compare_view
from dashboard.views.goals import current_period, goal_page
from dashboard.views.overview import ris_region

A4 = (595.3, 841.9)  # points
VASTMANLAND, VASTERBOTTEN = "SE125", "SE331"


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


def _flat(text: str) -> str:
    """Text as a reader sees it: every run of white space (line breaks, no-break spaces) is one
    space, and the ligatures Chromium's PDF text carries (ﬁ, ﬂ, ﬀ) are letters again."""
    for ligature, letters in (("ﬁ", "fi"), ("ﬂ", "fl"), ("ﬀ", "ff"), ("ﬃ", "ffi"), ("ﬄ", "ffl")):
        text = text.replace(ligature, letters)
    return re.sub(r"\s+", " ", text)


def _covering(cat, region):
    return [s for s in cat.strategies.values() if region in s.regions]


@pytest.fixture(scope="module")
def printed(reader, cat, tmp_path_factory):
    """The two biggest profiles, printed once: {region: (html, pdf path, pages)}."""
    out = {}
    for region in (VASTMANLAND, VASTERBOTTEN):
        page = profile_html(reader, cat, region, None, None, "sv")
        path = tmp_path_factory.mktemp("profile") / f"profile-{region}.pdf"
        out[region] = (page, path, write_profile_pdf(page, path))
    return out


@pytest.mark.parametrize("region", [VASTMANLAND, VASTERBOTTEN])
def test_the_pdf_has_two_to_four_a4_pages(printed, region):
    _, path, pages = printed[region]
    pdf = PdfReader(str(path))
    assert pages == len(pdf.pages)
    assert 2 <= pages <= 4
    for page in pdf.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(A4[0], abs=2)
        assert float(box.height) == pytest.approx(A4[1], abs=2)


@pytest.mark.parametrize("region", [VASTMANLAND, VASTERBOTTEN])
def test_the_pdf_shows_the_pages_numbers(printed, reader, cat, region):
    _, path, _ = printed[region]
    text = _flat(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))
    edition, year = ris.latest_edition(reader)
    nuts2 = ris_region(cat, region)
    view = compare_view(reader, cat, nuts2, edition, year, "sv")
    assert cat.regions.name_of(region, "sv") in text and "rusmon" in text
    assert _flat(view.card.value) in text  # the RII as the Jämför card shows it
    assert _flat(f"mätt för {cat.regions.name_of(nuts2, 'sv')} ({nuts2} = ") in text
    for row in view.gap.table.cells():  # every RIS indicator's line of the gap table
        assert _flat(" ".join(row)) in text
    strategies = _covering(cat, region)
    assert strategies
    period = current_period(cat)
    for strategy in strategies:
        page = goal_page(reader, cat, strategy.id, region, period, "sv")
        assert _flat(page.strategy_name) in text
        assert page.sections
        for section in page.sections:
            assert _flat(section.title) in text
            assert _flat(f"{section.title} {section.status.icon} {section.status.text}") in text
    assert "Källor" in text and "Regional Innovation Scoreboard" in text
    assert f"sida 1 av {printed[region][2]}" in text  # the running footer


@pytest.mark.parametrize("region", [VASTMANLAND, VASTERBOTTEN])
def test_the_html_is_self_contained(printed, region):
    page, _, _ = printed[region]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "<script" not in page.lower()
    assert not re.search(r"https?://", page)
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", page)  # nothing to fetch at all
    assert "@page { size: A4; margin: 15mm; }" in page
    assert "thead { display: table-header-group; }" in page


def test_the_status_is_icon_and_words(reader, cat):
    page = profile_html(reader, cat, VASTERBOTTEN, None, "2019-2022", "sv")
    assert '<span class="icon">▼</span> försämring' in page


def test_english_on_request(reader, cat):
    page = profile_html(reader, cat, VASTERBOTTEN, None, None, "en")
    assert '<html lang="en">' in page and "Region profile" in page
    assert f"measured for {cat.regions.name_of('SE33', 'en')} (SE33 = " in page
    assert "Måluppföljning" not in page


def test_one_named_strategy_only(reader, cat):
    strategy = _covering(cat, VASTMANLAND)[0]
    page = profile_html(reader, cat, VASTMANLAND, strategy.id, "2019-2022", "sv")
    assert strategy.name("sv") in page and "2019–2022" in page


def test_a_region_without_strategy_gets_a_sentence_and_the_ris_part(reader, cat):
    assert not _covering(cat, "SE12")
    page = profile_html(reader, cat, "SE12", None, None, "sv")
    assert "Ingen strategi i katalogen följer upp Östra Mellansverige" in page
    assert "Vad gapet mot innovationsledarnas snitt består av" in page


@pytest.mark.parametrize(
    ("region", "strategy", "period", "says"),
    [
        ("SE999", None, None, "okänd regionkod 'SE999'"),
        ("", None, None, "okänd regionkod"),
        (VASTMANLAND, "no_such_strategy", None, "okänd strategi"),
        (VASTMANLAND, "vasterbotten_innovation_strategy", None, "följs inte upp"),
        (VASTMANLAND, None, "2001-2004", "okänd mandatperiod"),
    ],
)
def test_what_it_cannot_make_is_said(reader, cat, region, strategy, period, says):
    with pytest.raises(ExportError, match=re.escape(says)) as error:
        profile_html(reader, cat, region, strategy, period, "sv")
    if "regionkod" in says:
        assert "NUTS-kod" in str(error.value) and "SE125" in str(error.value)


def test_the_print_friendly_page(followup_warehouse, reader, cat):
    from dashboard.app import create_app

    client = create_app(followup_warehouse.database_url).server.test_client()
    answer = client.get("/profil?region=SE331")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    body = answer.get_data(as_text=True)
    assert "Västerbottens län (SE331)" in body and "<script" not in body
    assert 'class="nav' not in body and "<select" not in body  # no navigation, no dropdowns
    assert "style-src 'self' 'unsafe-inline'" in answer.headers["Content-Security-Policy"]
    english = client.get("/profil?region=SE125&period=2019-2022&lang=en")
    assert english.status_code == 200 and '<html lang="en">' in english.get_data(as_text=True)
    for query in ("region=SE999", "", "region=SE125&period=1999-2002"):
        refused = client.get(f"/profil?{query}")
        assert refused.status_code == 400
        assert refused.headers["Content-Type"].startswith("text/plain")


def test_printing_asks_for_nothing_over_the_network(tmp_path):
    """Even a document that refers to an image is printed without a single request."""
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        page = (
            f'<!DOCTYPE html><html><head><link rel="stylesheet" href="{url}/a.css"></head>'
            f'<body><p>x</p><img src="{url}/b.png"></body></html>'
        )
        assert write_profile_pdf(page, tmp_path / "p.pdf") == 1
    finally:
        server.shutdown()
        server.server_close()
    assert asked == []

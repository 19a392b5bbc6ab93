"""Slide images for conferences: 1920×1080, readable from the back of the room, nothing cut at an
edge, the source on every slide; plus file names and CSV for Excel.

The images are drawn by kaleido with Debian's /usr/bin/chromium: without it these tests fail
(they are not browser tests, but they do need the browser binary).
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard.export import browser
from dashboard.export.errors import ExportError
from dashboard.export.images import (
    chart_csv,
    current_size_png,
    file_name,
    render,
    slide_image,
)
from dashboard.export.slide import HEIGHT, WIDTH, SlideFrame, slide_figure, wrap
from dashboard.figures.goal_chart import GoalChart, PeriodBand, goal_chart
from dashboard.figures.leader_bars import leader_ratio_bars
from indicators.goals.status import Point

# TEST DATA: SE33's 2023 scores for five RIS 2023 indicators and the leaders' means.
RATIOS = pd.DataFrame(
    {
        "label": [
            "Varumärken",
            "Offentlig FoU",
            "Digitala färdigheter",
            "Innovativa SMF som samarbetar med andra",
            "Sysselsättning i kunskapsintensiva tjänster",
        ],
        "region_value": [56.14, 165.41, 129.41, 80.02, 100.3],
        "leader_mean": [154.781112, 122.657222, 143.295558, 120.0, 110.4],
        "ratio": [0.362706, 1.348555, 0.903099, 0.666833, 0.908514],
    }
)
BARS_FRAME = SlideFrame(
    "Övre Norrland jämfört med innovationsledarna",
    "Övre Norrland (SE33) · innovationsledarna · RIS 2023",
    source="Källa: Europeiska kommissionen, Regional Innovation Scoreboard 2023 (hämtad 2026-11-30)",
    notes=(
        "† Flat över tiden: indikatorn har samma värde alla år i RIS och visar ingen utveckling.",
    ),
)

# TEST DATA: an invented unemployment series with a target, two mandate periods and a break.
YEARS = list(range(2014, 2024))
GOAL_SERIES = pd.DataFrame(
    {
        "time": YEARS,
        "period": [str(y) for y in YEARS],
        "value": [7.1, 6.9, 6.5, 6.2, 5.9, 6.1, 8.0, 7.4, 6.3, 6.6],
        "sex": "T",
    }
)
GOAL_SPEC = GoalChart(
    title="Arbetslöshet 20–64 år",
    unit="procent",
    decimals=1,
    series=GOAL_SERIES,
    baseline=Point("2018", 5.9),
    latest=Point("2023", 6.6),
    target_value=5.0,
    target_year=2026,
    bands=(
        PeriodBand(2019, 2022, "Mandatperiod 2019–2022"),
        PeriodBand(2023, 2026, "Mandatperiod 2023–2026", current=True),
    ),
    breaks=((2021.0, "Ny definition i AKU 2021"),),
)
# Long on purpose: title, subtitle and notes all need more than one line.
GOAL_FRAME = SlideFrame(
    "Arbetslöshet 20–64 år i Västerbottens län under mandatperioden: hur går det för delmålet "
    "om sysselsättning och kompetensförsörjning?",
    "Västerbottens län (SE331) · mandatperiod 2023–2026 · jämfört med utgångsläget 2018 och "
    "målet 5,0 procent år 2026",
    source="Källa: SCB, Arbetskraftsundersökningarna (AKU), tabell AM0401 (hämtad 2026-11-30)",
    notes=(
        "Seriebrott 2021: AKU fick en ny definition av arbetslöshet; värdena före och efter "
        "brottet är inte jämförbara, och trenden räknas därför bara på åren efter brottet.",
        "Målet gäller hela länet; kvinnor och män följs upp var för sig i länets egen rapport.",
    ),
)

SVG = "{http://www.w3.org/2000/svg}"
GLYPH_EM = 0.6  # a generous average glyph width: the estimated right edge is never too short


@pytest.fixture(scope="module")
def chromium() -> None:
    if not os.access(browser.CHROMIUM, os.X_OK):
        pytest.fail(browser.missing_chromium())


@pytest.fixture(scope="module")
def bars_svg(chromium) -> str:
    figure = leader_ratio_bars(RATIOS, year=2023)
    return slide_image(figure, BARS_FRAME, "svg", "sv").decode("utf-8")


@pytest.fixture(scope="module")
def goal_svg(chromium) -> str:
    return slide_image(goal_chart(GOAL_SPEC), GOAL_FRAME, "svg", "sv").decode("utf-8")


def _translate(element: ET.Element) -> tuple[float, float]:
    x = y = 0.0
    for dx, dy in re.findall(
        r"translate\(\s*([-\d.e]+)[\s,]*([-\d.e]*)\s*\)", element.get("transform", "")
    ):
        x, y = x + float(dx), y + float(dy or 0)
    return x, y


def _rotated(element: ET.Element) -> bool:
    return any(
        float(a) != 0 for a in re.findall(r"rotate\(\s*([-\d.e]+)", element.get("transform", ""))
    )


def _em(value: str | None, size: float) -> float:
    return float(value[:-2]) * size if value and value.endswith("em") else float(value or 0)


def text_lines(svg: str) -> list[dict]:
    """Every line of text in a plotly SVG at its absolute position: x of the anchor, y of the
    baseline (each enclosing group's translate added), anchor, font size, rotation."""
    lines: list[dict] = []

    def walk(element: ET.Element, ox: float, oy: float, rotated: bool) -> None:
        tx, ty = _translate(element)
        ox, oy, rotated = ox + tx, oy + ty, rotated or _rotated(element)
        if element.tag == f"{SVG}text":
            match = re.search(r"font-size:\s*([\d.]+)px", element.get("style", ""))
            size = float(match.group(1)) if match else 12.0
            common = {
                "anchor": element.get("text-anchor", "start"),
                "size": size,
                "rotated": rotated,
            }
            spans = element.findall(f"{SVG}tspan")
            parts = [(s, "".join(s.itertext())) for s in spans if s.get("class") == "line"]
            if not parts:
                parts = [(element, "".join(element.itertext()))]
            for part, text in parts:
                if text.strip():
                    x = float(part.get("x", element.get("x", 0)))
                    y = float(part.get("y", element.get("y", 0)))
                    dy = part.get("dy", element.get("dy"))
                    lines.append({"text": text, "x": ox + x, "y": oy + y + _em(dy, size), **common})
            return
        for child in element:
            walk(child, ox, oy, rotated)

    walk(ET.fromstring(svg), 0.0, 0.0, False)
    return lines


def extent(line: dict) -> tuple[float, float, float, float]:
    """Estimated left, right, top and bottom of a line of text."""
    width = len(line["text"]) * line["size"] * GLYPH_EM
    left = line["x"] - {"start": 0, "middle": width / 2, "end": width}[line["anchor"]]
    return left, left + width, line["y"] - 0.8 * line["size"], line["y"] + 0.25 * line["size"]


def test_slide_png_is_1920_by_1080(chromium):
    png = slide_image(leader_ratio_bars(RATIOS, year=2023), BARS_FRAME, "png", "sv")
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)


def test_slide_svg_has_the_title_the_region_and_the_source(bars_svg):
    texts = " ".join(line["text"] for line in text_lines(bars_svg))
    assert "Övre Norrland jämfört med innovationsledarna" in texts
    assert "Övre Norrland (SE33)" in texts
    assert "Källa: Europeiska kommissionen" in texts
    assert "† Flat över tiden" in texts


def test_slide_pdf_is_one_16_by_9_page_with_the_title_and_the_source(chromium):
    pdf = slide_image(leader_ratio_bars(RATIOS, year=2023), BARS_FRAME, "pdf", "sv")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, 0.01)
    text = page.extract_text()
    assert "Övre Norrland jämfört med innovationsledarna" in text
    assert "Källa" in text


@pytest.mark.parametrize("svg_fixture", ["bars_svg", "goal_svg"])
def test_no_text_lies_outside_the_slide(svg_fixture, request):
    lines = text_lines(request.getfixturevalue(svg_fixture))
    assert len(lines) > 10
    for line in lines:
        left, right, top, bottom = extent(line)
        if line["rotated"]:  # a y axis title: only its anchor is known
            left = right = line["x"]
        assert left >= 0 and right <= WIDTH, line
        assert top >= 0 and bottom <= HEIGHT, line


def test_a_long_title_subtitle_and_notes_are_wrapped_and_do_not_overlap(goal_svg):
    lines = text_lines(goal_svg)
    title = [line for line in lines if line["size"] == 44]
    subtitle = [line for line in lines if line["size"] == 30]
    source = [line for line in lines if line["text"].startswith("Källa")]
    notes = [line for line in lines if line["size"] == 22 and line["y"] > source[0]["y"] - 200]
    assert len(title) == 2 and len(subtitle) == 2
    assert extent(title[-1])[3] < extent(subtitle[0])[2]  # the title ends above the subtitle
    assert len(notes) >= 3
    assert max(extent(note)[3] for note in notes) < extent(source[0])[2]
    x_ticks = [line for line in lines if line["text"] == "2026"]
    assert extent(x_ticks[0])[3] < min(extent(note)[2] for note in notes)


def test_the_title_starts_inside_the_left_edge(bars_svg):
    title = next(
        line for line in text_lines(bars_svg) if line["text"].startswith("Övre Norrland jämfört")
    )
    left, _, top, _ = extent(title)
    assert left >= 40  # the slide's padding, not just inside the canvas
    assert top >= 20


def test_the_last_x_tick_label_is_inside_the_right_edge(bars_svg):
    last = max(
        (line for line in text_lines(bars_svg) if line["text"] == "2,0"), key=lambda line: line["x"]
    )
    assert extent(last)[1] <= WIDTH - 20


def test_current_size_png_has_twice_the_pixels(chromium):
    png = current_size_png(leader_ratio_bars(RATIOS, year=2023), 700, 400)
    assert Image.open(io.BytesIO(png)).size == (1400, 800)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="jpg"):
        render(go.Figure(), "jpg", width=100, height=100)


def test_slide_figure_is_a_copy_with_projector_sized_type():
    figure = leader_ratio_bars(RATIOS, year=2023)
    before = figure.to_json()
    slide = slide_figure(figure, BARS_FRAME, "sv")
    assert figure.to_json() == before
    assert (slide.layout.width, slide.layout.height) == (1920, 1080)
    assert slide.layout.font.size >= 24 and slide.layout.title.font.size >= 40
    assert slide.layout.title.xref == "container" and slide.layout.title.x > 0


def test_slide_figure_removes_menus_and_keeps_the_legend():
    figure = leader_ratio_bars(RATIOS, year=2023)
    figure.update_layout(
        updatemenus=[{"buttons": [{"label": "Logaritmisk", "method": "relayout"}]}]
    )
    slide = slide_figure(figure, BARS_FRAME, "sv")
    assert slide.layout.updatemenus == ()
    assert slide.layout.showlegend is not False
    assert {trace.name for trace in slide.data} == {"Starkare än ledarna", "Svagare än ledarna"}


def test_english_slides_use_decimal_points():
    slide = slide_figure(leader_ratio_bars(RATIOS, year=2023, lang="en"), BARS_FRAME, "en")
    assert slide.layout.separators == ".,"


def test_notes_are_wrapped_to_the_slide_width():
    note = "† Flat över tiden: " + "indikatorn har samma värde alla år i RIS " * 8
    lines = wrap(note, 22, 1824)
    assert len(lines) > 1
    assert all(len(line) * 22 * GLYPH_EM <= 1824 for line in lines)


def test_a_slide_without_a_source_is_refused():
    with pytest.raises(ValueError, match="source"):
        SlideFrame("Titel", "Underrubrik", source=" ")


def test_file_names_drop_swedish_letters_and_dashes_but_keep_words():
    name = file_name("Arbetslöshet 20–64 år", "SE125", "2019–2022", ext="png")
    assert name == "arbetsloshet-20-64-ar-SE125-2019-2022.png"


def test_file_names_keep_the_case_of_nuts_codes_only():
    assert file_name("Övre Norrland / Västerbotten", "SE33", "RIS—2023", ext="PDF") == (
        "ovre-norrland-vasterbotten-SE33-ris-2023.pdf"
    )
    assert file_name("Café  Économie", ext="svg") == "cafe-economie.svg"
    assert file_name("––", ext="csv") == "rusmon.csv"


# TEST DATA: two invented values with Swedish region names.
CHART_DATA = pd.DataFrame(
    {"region": ["Övre Norrland", "Småland med öarna"], "värde": [1234.5, 0.25]}
)


def test_swedish_csv_has_semicolons_decimal_commas_and_a_bom():
    text = chart_csv(CHART_DATA, "sv")
    assert text.startswith("\ufeff")
    assert text[1:].splitlines() == [
        "region;värde",
        "Övre Norrland;1234,5",
        "Småland med öarna;0,25",
    ]
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")


def test_english_csv_has_commas_and_decimal_points():
    assert chart_csv(CHART_DATA, "en")[1:].splitlines() == [
        "region,värde",
        "Övre Norrland,1234.5",
        "Småland med öarna,0.25",
    ]


def test_the_render_page_needs_no_network():
    page = browser.page_generator().generate_index()
    assert "plotly.min.js" in page
    assert not re.search(r"https?://", page)


def test_the_wrapper_starts_debians_chromium_without_background_traffic(chromium):
    path = browser.write_wrapper()
    script = path.read_text()
    assert os.access(path, os.X_OK)
    assert script.startswith("#!/bin/sh\n")
    assert (
        'exec /usr/bin/chromium --disable-background-networking --disable-component-update --no-first-run "$@"'
        in script
    )


def test_a_missing_chromium_is_named_in_swedish(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    with pytest.raises(ExportError) as raised:
        browser.browser_path()
    assert (
        str(raised.value)
        == "Chromium saknas (/nonexistent/chromium): installera Debians paket chromium"
    )

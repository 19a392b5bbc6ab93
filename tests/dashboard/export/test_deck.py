"""The conference deck for Västmanland 2019–2022, re-opened with python-pptx: its charts hold
exactly the warehouse's numbers (goal_series, ris_leader_ratio), every chart has its notes,
and the sources slide names every source."""

from __future__ import annotations

import math
from datetime import date

import pytest
from pptx import Presentation
from pptx.util import Inches

from dashboard.data_access.reader import WarehouseReader
from dashboard.export.deck import build_deck
from dashboard.export.errors import ExportError
from dashboard.export.pptx_writer import write_deck
from dashboard.views.goals import goal_page, indicator_view

STRATEGY, REGION, PERIOD = "vastmanland_rus_2030", "SE125", "2019-2022"
NUTS2 = "SE12"  # Östra Mellansverige: the RIS region of Västmanlands län


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


@pytest.fixture(scope="module")
def deck_path(reader, cat, tmp_path_factory):
    deck = build_deck(reader, cat, STRATEGY, REGION, PERIOD, "sv", today=date(2026, 11, 30))
    path = tmp_path_factory.mktemp("deck") / "vastmanland.pptx"
    write_deck(deck, path)
    return path


@pytest.fixture(scope="module")
def slides(deck_path):
    return list(Presentation(str(deck_path)).slides)


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def _charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def _tables(slide):
    return [shape.table for shape in slide.shapes if shape.has_table]


def _text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_each_delmal_has_a_slide_with_its_status_table(slides, reader, cat):
    page = goal_page(reader, cat, STRATEGY, REGION, PERIOD, "sv")
    assert [s.goal_id for s in page.sections] == ["14", "15", "16", "19", "20"]
    for section in page.sections:
        found = [s for s in slides if _title(s).startswith(section.title)]
        assert found, f"no slide for {section.title}"
        table = _tables(found[0])[0]
        header = [table.cell(0, c).text for c in range(len(table.columns))]
        assert header == section.table("sv").headings
        shown = [table.cell(r, 5).text for r in range(1, len(table.rows))]
        assert shown == [str(row.status) for row in section.rows][: len(shown)]


def test_the_deck_has_title_ris_goal_method_and_sources_slides(slides):
    titles = [_title(s) for s in slides]
    assert len(slides) >= 12
    assert titles[0] == "Regional utvecklingsstrategi för Västmanland 2030"
    assert titles[1] == "Östra Mellansverige jämfört med Europas innovationsledare"
    assert "Så bedöms målen" in titles
    assert titles[-1].startswith("Källor")


def test_the_ris_bars_are_the_warehouse_ratios(slides, reader):
    chart = _charts(slides[1])[0]
    drawn = list(chart.plots[0].series[0].values)
    stored = reader.query(
        "SELECT ratio FROM ris_leader_ratio WHERE edition = 2023 AND year = 2023 "
        "AND region_code = :r AND indicator_code <> 'RII'",
        {"r": NUTS2},
    )["ratio"]
    assert len(drawn) == len(stored) == 21
    assert sorted(v for v in drawn if v is not None) == pytest.approx(
        sorted(float(v) for v in stored.dropna())
    )
    assert sum(v is None for v in drawn) == int(stored.isna().sum())


def test_every_goal_chart_holds_the_goal_series_points(slides, reader, cat):
    page = goal_page(reader, cat, STRATEGY, REGION, PERIOD, "sv")
    views = {
        view.title: view
        for section in page.sections
        for row in section.rows
        if (view := indicator_view(reader, cat, STRATEGY, REGION, PERIOD, row.key, "sv"))
    }
    checked = 0
    for slide in slides:
        view = views.get(_title(slide))
        if view is None or not _charts(slide):
            continue
        plot = _charts(slide)[0].plots[0]
        periods = [str(c) for c in plot.categories]
        series = {s.name: list(s.values) for s in plot.series}
        stored = reader.query(
            "SELECT period, value FROM goal_series WHERE strategy_id = :s AND region_code = :r "
            "AND mandate_period = :p AND goal_id = :g AND indicator_key = :k "
            "AND series = 'judged'",
            {"s": STRATEGY, "r": REGION, "p": PERIOD, "g": view.goal_id, "k": view.indicator_key},
        )
        judged = series["Totalt"]
        by_period = dict(zip(periods, judged, strict=True))
        for period, value in zip(stored["period"], stored["value"], strict=True):
            assert by_period[str(period)] == pytest.approx(float(value))
        assert sum(v is not None and not math.isnan(v) for v in judged) == len(stored)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text
        checked += 1
    assert checked >= 4


def test_every_chart_slide_has_speaker_notes(slides):
    for slide in slides:
        if _charts(slide):
            assert slide.notes_slide.notes_text_frame.text.strip(), _title(slide)


def test_the_sources_slide_names_every_source_used(slides, reader, cat):
    sources = "\n".join(_text(s) for s in slides if _title(s).startswith("Källor"))
    assert "Regional Innovation Scoreboard 2023" in sources
    page = goal_page(reader, cat, STRATEGY, REGION, PERIOD, "sv")
    for section in page.sections:
        for row in section.rows:
            view = indicator_view(reader, cat, STRATEGY, REGION, PERIOD, row.key, "sv")
            if view is not None and view.source_line:
                assert view.source_line in sources


def test_a_template_gives_its_own_layouts_and_size(reader, cat, tmp_path):
    template = Presentation()
    template.slide_width, template.slide_height = Inches(10), Inches(7.5)
    for layout in template.slide_layouts:
        layout.name = f"Region Västmanland {layout.name}"
    template.slides.add_slide(template.slide_layouts[0])  # the template's own example slide
    template_path = tmp_path / "mall.pptx"
    template.save(str(template_path))
    out = tmp_path / "med-mall.pptx"
    deck = build_deck(reader, cat, STRATEGY, REGION, PERIOD, "sv")
    write_deck(deck, out, template_path)
    made = Presentation(str(out))
    names = {layout.name for layout in made.slide_layouts}
    assert all(slide.slide_layout.name in names for slide in made.slides)
    assert all(name.startswith("Region Västmanland") for name in names)
    assert (made.slide_width, made.slide_height) == (Inches(10), Inches(7.5))
    # the template's example slide is gone; a 4:3 page may continue a long list on one more
    assert _title(made.slides[0]) == deck.slides[0].title
    assert len(made.slides) >= len(deck.slides)


def test_a_region_outside_the_strategy_is_refused_with_its_regions(reader, cat):
    with pytest.raises(ExportError, match="SE125"):
        build_deck(reader, cat, STRATEGY, "SE331", PERIOD)


def test_no_slide_or_note_tells_the_audience_to_run_commands(slides):
    """What to do about a missing value is for the analyst in the app, not for a slide."""
    for slide in slides:
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        texts = [_text(slide), notes] + [
            table.cell(r, c).text
            for table in _tables(slide)
            for r in range(len(table.rows))
            for c in range(len(table.columns))
        ]
        assert not any("rusmon etl" in text or "RUSMON_" in text for text in texts), _title(slide)

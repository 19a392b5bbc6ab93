"""The PowerPoint writer turns a deck description into native, editable charts and tables.

All values here are made-up test numbers, not statistics.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Emu, Inches

from dashboard.export.deck_spec import (
    BarChartSlide,
    BulletsSlide,
    Deck,
    LineChartSlide,
    PictureSlide,
    Series,
    TableSlide,
    TitleSlide,
)
from dashboard.export.pptx_writer import write_deck


def tiny_png(width: int = 4, height: int = 2) -> bytes:
    """A valid white PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


BAR = BarChartSlide(
    "Testvärden A",
    "Påhittade tal, relativt referens 1,0",
    ["Kategori 1", "Kategori 2", "Kategori 3"],
    [Series("Testserie", [1.25, None, 0.5])],
    source="Testkälla A",
    reference_line=1.0,
    caveats=["Förbehåll: testdata"],
    notes="Talarnotering till stapeldiagrammet",
)
COLUMNS = BarChartSlide(
    "Testvärden B",
    "",
    ["K1", "K2"],
    [Series("Serie X", [3.0, 4.0]), Series("Serie Y", [None, 2.5])],
    source="Testkälla B",
    horizontal=False,
    number_format="0.0",
)
LINE = LineChartSlide(
    "Testförlopp",
    "Påhittade tal per period",
    ["2019", "2020", "2021", "2022"],
    [Series("Testregion", [10.0, None, 12.5, 13.0]), Series("Jämförelse", [9.0, 9.5, 9.5, 10.0])],
    source="Testkälla C",
    target=("Testmål", 15.0),
    notes="Talarnotering till linjediagrammet",
)
TABLE = TableSlide(
    "Testtabell",
    "Påhittade rader",
    ["Indikator", "Värde", "Status"],
    [
        ["Testindikator 1", "1,5", "● I fas"],
        ["Testindikator 2", "2,0", "▲ Delvis"],
        ["Testindikator 3", "–", "✖ Ej i fas"],
    ],
    source="Testkälla D",
    numeric_columns={1},
    status_column=2,
    notes="Talarnotering till tabellen",
)


def full_deck() -> Deck:
    return Deck(
        "Testpresentation",
        "Endast testvärden",
        [
            TitleSlide("Testpresentation", "Endast testvärden", notes="Inledning"),
            BAR,
            COLUMNS,
            LINE,
            TABLE,
            BulletsSlide("Metod", "", ["Punkt ett", "Punkt två"], source="Testkälla E"),
            PictureSlide(
                "Bildtest", "Underrubrik", tiny_png(), source="Testkälla F", notes="Bildnot"
            ),
        ],
    )


def write(deck: Deck, tmp_path: Path, template: Path | None = None):
    out = tmp_path / "deck.pptx"
    write_deck(deck, out, template=template)
    return Presentation(str(out))


def charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def tables(slide):
    return [shape.table for shape in slide.shapes if shape.has_table]


def table_cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def notes_of(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def all_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_a_deck_without_template_is_16_to_9_with_one_slide_per_description(tmp_path):
    prs = write(full_deck(), tmp_path)
    assert len(prs.slides) == 7
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    assert round(prs.slide_width / Inches(1), 3) == 13.333
    assert prs.slide_height == Inches(7.5)
    assert prs.core_properties.title == "Testpresentation"


def test_bar_chart_is_native_with_the_inputs_and_missing_values_left_empty(tmp_path):
    prs = write(full_deck(), tmp_path)
    (chart,) = charts(prs.slides[1])
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories) == BAR.categories
    assert [s.name for s in plot.series] == ["Testserie"]
    assert list(plot.series[0].values) == [1.25, None, 0.5]
    assert not chart.has_legend  # one series needs none
    # Bars grow from the reference: the category axis crosses the value axis at 1.0.
    assert chart.value_axis.crosses_at == 1.0
    assert plot.data_labels.number_format == "0.00"
    # The missing point is absent from the cached values, not written as 0.
    xml = chart._chartSpace.xml
    assert '<c:pt idx="1">' not in xml.split("<c:val>")[1]
    # The embedded workbook holds the data, so PowerPoint can edit it.
    assert chart.part.chart_workbook.xlsx_part is not None


def test_column_chart_and_legend_for_several_series(tmp_path):
    prs = write(full_deck(), tmp_path)
    (chart,) = charts(prs.slides[2])
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert chart.has_legend
    values = [list(s.values) for s in chart.plots[0].series]
    assert values == [[3.0, 4.0], [None, 2.5]]


def test_line_chart_has_the_series_and_a_flat_target(tmp_path):
    prs = write(full_deck(), tmp_path)
    (chart,) = charts(prs.slides[3])
    plot = chart.plots[0]
    assert list(plot.categories) == ["2019", "2020", "2021", "2022"]
    series = list(plot.series)
    assert [s.name for s in series] == ["Testregion", "Jämförelse", "Testmål"]
    assert list(series[0].values) == [10.0, None, 12.5, 13.0]
    assert list(series[1].values) == [9.0, 9.5, 9.5, 10.0]
    assert list(series[2].values) == [15.0] * 4
    # A line-with-markers chart whose target alone has no markers; python-pptx's chart_type
    # guesses LINE as soon as one series has none, so look at the markers themselves.
    assert chart._chartSpace.xpath("//c:lineChart/c:marker/@val") == ["1"]
    assert [s.marker.style for s in series[:2]] == [XL_MARKER_STYLE.CIRCLE] * 2
    assert series[2].marker.style == XL_MARKER_STYLE.NONE
    assert series[2].format.line.dash_style == MSO_LINE_DASH_STYLE.DASH


def test_a_line_chart_without_target_is_line_with_markers(tmp_path):
    spec = LineChartSlide("L", "", ["2020", "2021"], [Series("S", [1.0, 2.0])], source="t")
    prs = write(Deck("T", "", [spec]), tmp_path)
    (chart,) = charts(prs.slides[0])
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS


def test_chart_slides_carry_subtitle_source_and_caveats(tmp_path):
    prs = write(full_deck(), tmp_path)
    text = all_text(prs.slides[1])
    assert prs.slides[1].shapes.title.text == "Testvärden A"
    assert "Påhittade tal, relativt referens 1,0" in text
    assert "Källa: Testkälla A" in text
    assert "Förbehåll: testdata" in text
    assert "värde saknas" in text  # says that an empty place is a missing value


def test_table_slide_has_header_rows_and_right_aligned_numbers(tmp_path):
    prs = write(full_deck(), tmp_path)
    (table,) = tables(prs.slides[4])
    assert table_cells(table) == [TABLE.columns, *TABLE.rows]
    header_run = table.cell(0, 0).text_frame.paragraphs[0].runs[0]
    assert header_run.font.bold
    assert str(table.cell(1, 1).text_frame.paragraphs[0].alignment) == "RIGHT (3)"
    # The status icon is tinted but the word stays in the cell beside it.
    icon, word = table.cell(1, 2).text_frame.paragraphs[0].runs
    assert (icon.text, word.text) == ("●", " I fas")
    assert icon.font.color.rgb is not None


def test_every_slide_with_notes_has_them(tmp_path):
    deck = full_deck()
    prs = write(deck, tmp_path)
    for spec, slide in zip(deck.slides, prs.slides, strict=True):
        assert notes_of(slide) == spec.notes


def test_bullets_and_picture_slides(tmp_path):
    prs = write(full_deck(), tmp_path)
    assert "Punkt ett\nPunkt två" in all_text(prs.slides[5])
    assert "Källa: Testkälla E" in all_text(prs.slides[5])
    pictures = [s for s in prs.slides[6].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == 1
    assert pictures[0].image.blob == tiny_png()


def test_a_long_table_continues_on_a_second_slide(tmp_path):
    rows = [[f"Testrad {i}", f"{i},0"] for i in range(20)]
    spec = TableSlide(
        "Lång testtabell",
        "",
        ["Namn", "Tal"],
        rows,
        source="Testkälla",
        numeric_columns={1},
        notes="Not",
    )
    prs = write(Deck("T", "", [spec]), tmp_path)
    assert len(prs.slides) == 2
    assert prs.slides[0].shapes.title.text == "Lång testtabell"
    assert prs.slides[1].shapes.title.text == "Lång testtabell (forts.)"
    first, second = (tables(slide)[0] for slide in prs.slides)
    # The header repeats and every row appears exactly once, in order.
    assert table_cells(first)[0] == table_cells(second)[0] == ["Namn", "Tal"]
    assert table_cells(first)[1:] + table_cells(second)[1:] == rows
    assert len(table_cells(first)) - 1 <= 12
    assert all(notes_of(slide) == "Not" for slide in prs.slides)


def test_many_sources_continue_on_a_second_slide(tmp_path):
    bullets = [f"Testkälla {i}: en lång beskrivning av en påhittad källa" for i in range(20)]
    prs = write(Deck("T", "", [BulletsSlide("Källor", "", bullets)]), tmp_path)
    assert len(prs.slides) == 2
    assert prs.slides[1].shapes.title.text == "Källor (forts.)"
    text = all_text(prs.slides[0]) + "\n" + all_text(prs.slides[1])
    assert all(b in text for b in bullets)


def test_missing_values_are_not_written_as_zero_in_the_workbook(tmp_path):
    prs = write(Deck("T", "", [BAR]), tmp_path)
    (chart,) = charts(prs.slides[0])
    blob = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(blob)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    # Column B holds the series: B2 = 1.25, B3 = the missing value, B4 = 0.5.
    assert re.search(r'<c r="B2"[^>]*><v>1.25</v>', sheet)
    assert re.search(r'<c r="B3"[^>]*/>', sheet)  # an empty cell, no <v>
    assert re.search(r'<c r="B4"[^>]*><v>0.5</v>', sheet)


def test_a_chart_without_any_value_says_so_instead_of_drawing_nothing(tmp_path):
    spec = BarChartSlide("Tom", "", ["A"], [Series("S", [None])], source="Testkälla")
    prs = write(Deck("T", "", [spec]), tmp_path)
    assert not charts(prs.slides[0])
    assert "Inga värden att visa." in all_text(prs.slides[0])


@pytest.fixture
def template(tmp_path) -> Path:
    """A regional template: 4:3-ish custom size, a renamed layout and one slide of its own."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(11), Inches(8)
    prs.slide_layouts[5].name = "Regionens rubrik"  # was "Title Only": found by its placeholders
    own = prs.slides.add_slide(prs.slide_layouts[1])
    own.shapes.title.text = "Mallens egen bild"
    own.notes_slide.notes_text_frame.text = "Mallens anteckning"
    path = tmp_path / "mall.pptx"
    prs.save(str(path))
    return path


def test_a_template_gives_its_layouts_and_size_and_loses_its_own_slides(tmp_path, template):
    prs = write(full_deck(), tmp_path, template=template)
    assert len(prs.slides) == 7
    assert (prs.slide_width, prs.slide_height) == (Inches(11), Inches(8))
    template_layouts = {layout.name for layout in Presentation(str(template)).slide_layouts}
    used = [slide.slide_layout.name for slide in prs.slides]
    assert set(used) <= template_layouts
    assert used[0] == "Title Slide"
    assert used[1:5] == ["Regionens rubrik"] * 4
    assert used[5] == "Title and Content"
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert "Mallens egen bild" not in titles
    with zipfile.ZipFile(tmp_path / "deck.pptx") as package:
        names = package.namelist()
        assert not any(b"Mallens" in package.read(n) for n in names if n.endswith(".xml"))
    # The charts are still native.
    (chart,) = charts(prs.slides[1])
    assert list(chart.plots[0].series[0].values) == [1.25, None, 0.5]


def test_shapes_stay_on_the_slide_with_and_without_template(tmp_path, template):
    for tmpl in (None, template):
        prs = write(full_deck(), tmp_path, template=tmpl)
        for slide in prs.slides:
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0, shape.name
                assert shape.left + shape.width <= prs.slide_width, shape.name
                assert shape.top + shape.height <= prs.slide_height, shape.name


def test_a_potx_template_is_accepted(tmp_path, template):
    potx = tmp_path / "mall.potx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(potx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentation.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    prs = write(Deck("T", "", [BAR]), tmp_path, template=potx)
    assert len(prs.slides) == 1
    assert prs.slide_width == Inches(11)


def test_write_deck_accepts_a_binary_stream():
    buf = io.BytesIO()
    write_deck(Deck("T", "", [BAR]), buf)
    assert len(Presentation(io.BytesIO(buf.getvalue())).slides) == 1


def test_inconsistent_descriptions_fail_when_built():
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        BarChartSlide("X", "", ["a", "b", "c"], [Series("s", [1.0, 2.0])], source="t")
    with pytest.raises(ValueError, match="row 0 has 1 cells for 2 columns"):
        TableSlide("X", "", ["a", "b"], [["1"]], source="t")
    with pytest.raises(ValueError, match="not a PNG"):
        PictureSlide("X", "", b"<svg/>", source="t")

"""Write a `Deck` (dashboard.export.deck_spec) as a .pptx with native, editable charts.

Charts are python-pptx charts with their data embedded in a workbook, so a reader can open
"Edit data" in PowerPoint; tables are native tables. Without a template the deck is 16:9 on
python-pptx's default master; with a template its masters, layouts, theme and slide size are
kept and its own slides are dropped.

Geometry is computed per slide from the title placeholder down: subtitle under the title, the
source and caveats as small text at the bottom, the chart/table/picture in between. Long tables
and bullet lists continue on further slides ("(forts.)") rather than overflowing.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_AXIS_CROSSES,
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.parts.image import Image
from pptx.util import Emu, Inches, Pt

from dashboard.export.deck_spec import (
    BarChartSlide,
    BulletsSlide,
    Deck,
    LineChartSlide,
    PictureSlide,
    Series,
    Slide,
    TableSlide,
    TitleSlide,
)
from dashboard.i18n import plain, swedish_parts, t

__all__ = ["write_deck"]

WIDE_WIDTH, WIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 in × 7.5 in

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SERIES_COLOURS = ("0072B2", "E69F00", "009E73", "D55E00", "56B4E9", "CC79A7")
TARGET_COLOUR = "595959"
GRID_COLOUR = "D9D9D9"
REFERENCE_COLOUR = "262626"
# Tints for the status icon only; the word beside it carries the meaning.
STATUS_COLOURS = {"●": "009E73", "▲": "E69F00", "✖": "D55E00"}

TITLE_PT, LONG_TITLE_PT = 32, 26
SUBTITLE_PT = 18
CHART_PT = 14
FOOTER_PT = 11
BULLET_SIZES_PT = (20, 18, 16, 14)
MAX_TABLE_ROWS = 12  # data rows per slide; more continue on the next slide
MAX_BULLETS = 12  # bullets per slide

MARGIN = Inches(0.5)
GAP = Inches(0.1)
CHAR_EM = 0.5  # average glyph width in em, to estimate where text wraps

TEXT_KEYS = ("source", "cont", "no_data", "missing", "reference")  # "pptx.<key>" in i18n
_LANGUAGE_IDS = {"sv": MSO_LANGUAGE_ID.SWEDISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
_CORE_LANGUAGES = {"sv": "sv-SE", "en": "en-GB"}

# Layout names in English and Swedish Office; matched case-insensitively.
_LAYOUT_NAMES = {
    "title": ("Title Slide", "Rubrikbild"),
    "title_only": ("Title Only", "Endast rubrik"),
    "content": ("Title and Content", "Rubrik och innehåll"),
}
_LAYOUT_FALLBACK_INDEX = {"title": 0, "title_only": 5, "content": 1}  # python-pptx default
_FOOTER_KINDS = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
_TITLE_KINDS = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_BODY_KINDS = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}

_PML_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PML_PRESENTATION_CT = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)
_P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def write_deck(deck: Deck, out: Path | IO[bytes], template: Path | None = None) -> None:
    """Write `deck` to `out` (a path or a binary stream), on `template`'s masters if given."""
    if template is None:
        prs = Presentation()
        _widen_default(prs)
    else:
        prs = _open_template(Path(template))
        _remove_all_slides(prs)
    props = prs.core_properties
    props.title = deck.title
    props.subject = deck.subtitle
    props.language = _CORE_LANGUAGES[deck.lang]
    props.last_modified_by = "rusmon"

    writer = _Writer(prs, templated=template is not None, lang=deck.lang)
    for spec in deck.slides:
        writer.add(spec)
    prs.save(str(out) if isinstance(out, Path) else out)


# --- presentation set-up -------------------------------------------------------------------


def _widen_default(prs: Any) -> None:
    """Make python-pptx's 4:3 default 16:9, stretching master and layouts to match.

    Stretching the layouts (not only our slides) keeps slides a reader adds later in
    PowerPoint in shape.
    """
    factor = WIDE_WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE_WIDTH, WIDE_HEIGHT
    for master in prs.slide_masters:
        for owner in (master, *master.slide_layouts):
            for shape in owner.shapes:
                if getattr(shape._element, "xfrm", None) is None:
                    continue  # inherits from the (already stretched) master
                left, top, width, height = shape.left, shape.top, shape.width, shape.height
                shape.left, shape.top = Emu(round(left * factor)), top
                shape.width, shape.height = Emu(round(width * factor)), height


def _open_template(path: Path) -> Any:
    """Open a .pptx or .potx; python-pptx refuses the template content type, so swap it."""
    blob = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(blob)) as src:
        types = src.read("[Content_Types].xml")
        if _PML_TEMPLATE_CT in types:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        data = data.replace(_PML_TEMPLATE_CT, _PML_PRESENTATION_CT)
                    dst.writestr(item, data)
            blob = buf.getvalue()
    return Presentation(io.BytesIO(blob))


def _remove_all_slides(prs: Any) -> None:
    """Drop the template's own slides, keeping masters and layouts.

    python-pptx has no API for this: remove the slide id and the relationship; the slide part
    then is unreachable and not saved. Section lists (p14) and custom shows that name a slide
    would point at nothing, which PowerPoint "repairs", so their references go too.
    """
    sld_id_lst = prs.slides._sldIdLst
    root = prs.part._element
    for sld_id in list(sld_id_lst):
        r_id, num_id = sld_id.rId, sld_id.get("id")
        sld_id_lst.remove(sld_id)
        for ref in list(root.iter(f"{_P14}sldId")):
            if ref.get("id") == num_id:
                ref.getparent().remove(ref)
        for ref in list(root.iter()):
            if ref.get(_R_ID) == r_id and ref.tag.endswith("}sld"):
                ref.getparent().remove(ref)
        prs.part.drop_rel(r_id)


def _kinds(layout: Any) -> set[Any]:
    return {ph.placeholder_format.type for ph in layout.placeholders} - _FOOTER_KINDS


def _pick_layout(prs: Any, role: str) -> Any:
    """By name (English or Swedish Office), else by its placeholders, else by index."""
    layouts = list(prs.slide_layouts)
    wanted = {name.casefold() for name in _LAYOUT_NAMES[role]}
    for layout in layouts:
        if layout.name.strip().casefold() in wanted:
            return layout
    tests = {
        "title": (
            lambda k: k == {PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE},
            lambda k: bool(k & _TITLE_KINDS) and PP_PLACEHOLDER.SUBTITLE in k,
        ),
        "title_only": (lambda k: len(k) == 1 and bool(k & _TITLE_KINDS),),
        "content": (
            lambda k: len(k) == 2 and bool(k & _TITLE_KINDS) and bool(k & _BODY_KINDS),
            lambda k: bool(k & _TITLE_KINDS) and bool(k & _BODY_KINDS),
        ),
    }[role]
    for test in tests:  # strict first, then looser
        for layout in layouts:
            if test(_kinds(layout)):
                return layout
    return layouts[min(_LAYOUT_FALLBACK_INDEX[role], len(layouts) - 1)]


# --- geometry and text helpers -------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


def _lines(text: str, width: int, size_pt: float) -> int:
    """Estimated number of lines `text` wraps to in `width` EMU at `size_pt`."""
    per_line = max(1, int(width / Pt(size_pt * CHAR_EM)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _line_height(size_pt: float) -> int:
    return int(Pt(size_pt * 1.2))


def _place(shape: Any, box: _Box) -> None:
    # All four at once: on a placeholder that inherits its position, setting only `left`
    # writes an xfrm whose top is 0 (measured with python-pptx 1.0.2).
    shape.left, shape.top, shape.width, shape.height = (
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def _tint(font: Any, hex_colour: str) -> None:
    font.color.rgb = RGBColor.from_string(hex_colour)


def _theme_text(font: Any, lighter: float = 0.0) -> None:
    # Theme text colour, not a fixed RGB: stays readable on a template's dark background.
    font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    if lighter:
        font.color.brightness = lighter


class _Writer:
    def __init__(self, prs: Any, *, templated: bool, lang: str) -> None:
        self.prs = prs
        self.templated = templated
        self.lang = lang
        self.texts = {key: t(f"pptx.{key}", lang) for key in TEXT_KEYS}
        self.lang_id = _LANGUAGE_IDS[lang]
        self.width = int(prs.slide_width)
        self.height = int(prs.slide_height)
        self.layouts = {role: _pick_layout(prs, role) for role in _LAYOUT_NAMES}

    def add(self, spec: Slide) -> None:
        match spec:
            case TitleSlide():
                self._title_slide(spec)
            case BarChartSlide():
                self._bar_slide(spec)
            case LineChartSlide():
                self._line_slide(spec)
            case TableSlide():
                self._table_slides(spec)
            case BulletsSlide():
                self._bullet_slides(spec)
            case PictureSlide():
                self._picture_slide(spec)
            case _:
                raise TypeError(f"not a slide description: {type(spec).__name__}")

    # -- text --

    def _fill(
        self,
        frame: Any,
        paragraphs: Sequence[str],
        size_pt: float | None,
        *,
        lighter: float | None = None,
        align: Any = None,
    ) -> None:
        """Replace a text frame's text, one paragraph each, tagged with the deck's language."""
        frame.clear()
        for i, text in enumerate(paragraphs):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            if align is not None:
                para.alignment = align
            for run in self._runs(para, text):
                if size_pt is not None:
                    run.font.size = Pt(size_pt)
                if lighter is not None:
                    _theme_text(run.font, lighter)

    def _runs(self, para: Any, text: str) -> list[Any]:
        """`text` as runs tagged with the deck's language; words marked Swedish
        (dashboard.i18n.catalogue_text) in a run of their own tagged Swedish."""
        runs = []
        for part, swedish in swedish_parts(text) or [("", False)]:
            run = para.add_run()
            run.text = part
            run.font.language_id = _LANGUAGE_IDS["sv"] if swedish else self.lang_id
            runs.append(run)
        return runs

    def _textbox(
        self,
        slide: Any,
        box: _Box,
        paragraphs: Sequence[str],
        size_pt: float,
        *,
        lighter: float = 0.0,
        anchor: Any = MSO_ANCHOR.TOP,
    ) -> Any:
        shape = slide.shapes.add_textbox(
            Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
        )
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        self._fill(frame, paragraphs, size_pt, lighter=lighter)
        return shape

    # -- slide skeleton --

    def _new_slide(self, role: str, title: str, notes: str) -> tuple[Any, _Box]:
        """A slide with its title set; returns the free area under the title."""
        slide = self.prs.slides.add_slide(self.layouts[role])
        if notes:
            slide.notes_slide.notes_text_frame.text = plain(notes)
        title_ph = slide.shapes.title
        if self.templated and title_ph is not None:
            title_box = _Box(title_ph.left, title_ph.top, title_ph.width, title_ph.height)
            self._fill(title_ph.text_frame, [title], None)
        else:
            title_box = _Box(MARGIN, Inches(0.3), self.width - 2 * MARGIN, Inches(0.95))
            size = TITLE_PT if _lines(title, title_box.width, TITLE_PT) == 1 else LONG_TITLE_PT
            if title_ph is None:
                self._textbox(slide, title_box, [title], size, anchor=MSO_ANCHOR.BOTTOM)
            else:
                _place(title_ph, title_box)
                title_ph.text_frame.word_wrap = True
                title_ph.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
                self._fill(title_ph.text_frame, [title], size, align=PP_ALIGN.LEFT)
        bottom = self._bottom_limit(slide)
        top = title_box.bottom + GAP
        return slide, _Box(title_box.left, top, title_box.width, bottom - top)

    def _bottom_limit(self, slide: Any) -> int:
        if not self.templated:
            return self.height - Inches(0.25)
        # A template's footer band (logo, date, page number) starts at its footer placeholders.
        tops = [
            ph.top
            for ph in slide.slide_layout.placeholders
            if ph.placeholder_format.type in _FOOTER_KINDS and ph.top > self.height * 0.75
        ]
        return min(tops) if tops else int(self.height * 0.96)

    def _decorate(self, slide: Any, area: _Box, subtitle: str, footer: Sequence[str]) -> _Box:
        """Subtitle under the title and source/caveats at the bottom; returns the gap left."""
        top, bottom = area.top, area.bottom
        if subtitle:
            height = _lines(subtitle, area.width, SUBTITLE_PT) * _line_height(SUBTITLE_PT)
            self._textbox(
                slide,
                _Box(area.left, top, area.width, height),
                [subtitle],
                SUBTITLE_PT,
                lighter=0.15,
            )
            top += height + GAP
        if footer:
            lines = sum(_lines(text, area.width, FOOTER_PT) for text in footer)
            height = lines * _line_height(FOOTER_PT)
            bottom -= height
            self._textbox(
                slide,
                _Box(area.left, bottom, area.width, height),
                footer,
                FOOTER_PT,
                lighter=0.25,
                anchor=MSO_ANCHOR.BOTTOM,
            )
            bottom -= GAP
        return _Box(area.left, top, area.width, max(bottom - top, Inches(1)))

    def _sourced(self, source: str) -> str:
        """ "Källa: …" once: the views' source lines already start with it."""
        lead = f"{self.texts['source']}:"
        return source if source.startswith(("Källa:", "Source:")) else f"{lead} {source}"

    def _footer(self, source: str, caveats: Sequence[str], extra: Sequence[str] = ()) -> list[str]:
        lines = [self._sourced(source)] if source else []
        return [*lines, *caveats, *extra]

    def _no_data(self, slide: Any, box: _Box) -> None:
        self._textbox(slide, box, [self.texts["no_data"]], CHART_PT, anchor=MSO_ANCHOR.MIDDLE)

    # -- slide kinds --

    def _title_slide(self, spec: TitleSlide) -> None:
        slide = self.prs.slides.add_slide(self.layouts["title"])
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = plain(spec.notes)
        title_ph = slide.shapes.title
        subtitle_ph = next(
            (
                ph
                for ph in slide.placeholders
                if ph.placeholder_format.type in (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)
            ),
            None,
        )
        width = self.width - 4 * MARGIN
        title_box = _Box(2 * MARGIN, int(self.height * 0.28), width, int(self.height * 0.22))
        sub_box = _Box(2 * MARGIN, title_box.bottom + GAP, width, int(self.height * 0.18))
        title_size = None if self.templated else 40
        sub_size = None if self.templated else 22
        if title_ph is None:
            self._textbox(slide, title_box, [spec.title], 40, anchor=MSO_ANCHOR.BOTTOM)
        else:
            if not self.templated:
                _place(title_ph, title_box)
            self._fill(title_ph.text_frame, [spec.title], title_size)
        if subtitle_ph is None:
            if spec.subtitle:
                self._textbox(slide, sub_box, [spec.subtitle], 22, lighter=0.15)
        else:
            if not self.templated:
                _place(subtitle_ph, sub_box)
            if spec.subtitle:
                self._fill(subtitle_ph.text_frame, [spec.subtitle], sub_size)
            else:
                subtitle_ph._element.getparent().remove(subtitle_ph._element)  # no empty prompt

    def _bar_slide(self, spec: BarChartSlide) -> None:
        slide, area = self._new_slide("title_only", spec.title, spec.notes)
        extra = []
        if any(v is None for s in spec.series for v in s.values):
            extra.append(self.texts["missing"])
        if spec.reference_line is not None:
            shown = f"{spec.reference_line:g}"
            if self.lang == "sv":
                shown = shown.replace(".", ",")
            extra.append(self.texts["reference"].format(value=shown))
        footer = self._footer(spec.source, spec.caveats, extra)
        box = self._decorate(slide, area, spec.subtitle, footer)
        if not _has_values(spec.categories, spec.series):
            self._no_data(slide, box)
            return
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = spec.categories
        for series in spec.series:
            data.add_series(series.name, series.values, spec.number_format)
        kind = XL_CHART_TYPE.BAR_CLUSTERED if spec.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        frame = slide.shapes.add_chart(
            kind, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height), data
        )
        _describe(frame, spec.title, spec.subtitle)
        chart = frame.chart
        self._chart_basics(chart, len(spec.series), spec.number_format, len(spec.categories))
        _axis_title(chart, spec.unit)
        plot = chart.plots[0]
        plot.vary_by_categories = False
        plot.gap_width = 60
        for i, series in enumerate(plot.series):
            series.invert_if_negative = False
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(
                SERIES_COLOURS[i % len(SERIES_COLOURS)]
            )
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        labels.show_value = True
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(12)
        category_axis, value_axis = chart.category_axis, chart.value_axis
        if spec.horizontal:
            # First category on top, as read; the value axis then has to cross at the
            # (reversed) maximum to stay at the bottom.
            category_axis.reverse_order = True
            category_axis.crosses = XL_AXIS_CROSSES.MAXIMUM
        if spec.reference_line is not None:
            ref = spec.reference_line
            # The category axis crosses the value axis at the reference: bars grow left/right
            # (up/down) from it and the axis line itself is the reference line. A drawn
            # connector over the plot would drift as soon as someone edits the data.
            value_axis.crosses_at = ref
            category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # labels at the edge
            line = category_axis.format.line
            line.color.rgb = RGBColor.from_string(REFERENCE_COLOUR)
            line.width = Pt(1.5)
            values = [v for s in spec.series for v in s.values if v is not None]
            # Auto-scaling could leave the reference off the axis; then bars would start at
            # the edge and misstate it.
            if min(values) > ref:
                value_axis.minimum_scale = ref
            if max(values) < ref:
                value_axis.maximum_scale = ref

    def _line_slide(self, spec: LineChartSlide) -> None:
        slide, area = self._new_slide("title_only", spec.title, spec.notes)
        extra = []
        if any(v is None for s in spec.series for v in s.values):
            extra.append(self.texts["missing"])
        footer = self._footer(spec.source, spec.caveats, extra)
        box = self._decorate(slide, area, spec.subtitle, footer)
        if not _has_values(spec.categories, spec.series):
            self._no_data(slide, box)
            return
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = spec.categories
        for series in spec.series:
            data.add_series(series.name, series.values, spec.number_format)
        if spec.target is not None:
            label, value = spec.target
            data.add_series(label, [value] * len(spec.categories), spec.number_format)
        n_series = len(spec.series) + (spec.target is not None)
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.LINE_MARKERS,
            Emu(box.left),
            Emu(box.top),
            Emu(box.width),
            Emu(box.height),
            data,
        )
        _describe(frame, spec.title, spec.subtitle)
        chart = frame.chart
        self._chart_basics(chart, n_series, spec.number_format, len(spec.categories))
        _axis_title(chart, spec.unit)
        plotted = list(chart.plots[0].series)
        for i, series in enumerate(plotted[: len(spec.series)]):
            colour = RGBColor.from_string(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2.5)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
        if spec.target is not None:
            target = plotted[-1]
            target.smooth = False
            target.marker.style = XL_MARKER_STYLE.NONE
            target.format.line.color.rgb = RGBColor.from_string(TARGET_COLOUR)
            target.format.line.width = Pt(1.75)
            target.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH

    def _chart_basics(self, chart: Any, n_series: int, number_format: str, n_cats: int) -> None:
        chart.has_title = False  # the slide title says it
        chart.font.size = Pt(CHART_PT)
        chart.has_legend = n_series > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            chart.legend.font.size = Pt(CHART_PT)
        value_axis = chart.value_axis
        value_axis.tick_labels.number_format = number_format
        value_axis.tick_labels.number_format_is_linked = False
        value_axis.has_major_gridlines = True
        value_axis.major_gridlines.format.line.color.rgb = RGBColor.from_string(GRID_COLOUR)
        # Many categories (all regions) need smaller labels to stay one per line.
        size = CHART_PT if n_cats <= 12 else 12 if n_cats <= 20 else 11
        chart.category_axis.tick_labels.font.size = Pt(size)

    def _table_slides(self, spec: TableSlide) -> None:
        size = 14 if len(spec.columns) <= 5 and len(spec.rows) <= 8 else 12
        weights = [
            min(40, max(4, len(head), *(len(row[c]) for row in spec.rows)))
            for c, head in enumerate(spec.columns)
        ]
        first, per_page = True, MAX_TABLE_ROWS
        remaining = list(spec.rows)
        while first or remaining:
            title = spec.title if first else f"{spec.title} {self.texts['cont']}"
            slide, area = self._new_slide("title_only", title, spec.notes)
            footer = self._footer(spec.source, spec.caveats)
            box = self._decorate(slide, area, spec.subtitle, footer)
            widths = _column_widths(weights, box.width)
            used = _row_height(spec.columns, widths, size)
            take = 0
            while take < min(len(remaining), per_page):
                height = _row_height(remaining[take], widths, size)
                if take > 0 and used + height > box.height:
                    break
                used += height
                take += 1
            if first and take < len(remaining):
                # Balance the pages: 13 rows read better as 7 + 6 than as 12 + 1.
                per_page = math.ceil(len(remaining) / math.ceil(len(remaining) / take))
                take = per_page
            chunk, remaining = remaining[:take], remaining[take:]
            self._table(slide, spec, chunk, box, widths, size)
            first = False

    def _table(
        self,
        slide: Any,
        spec: TableSlide,
        rows: list[list[str]],
        box: _Box,
        widths: list[int],
        size: int,
    ) -> None:
        heights = [_row_height(spec.columns, widths, size)]
        heights += [_row_height(row, widths, size) for row in rows]
        frame = slide.shapes.add_table(
            len(rows) + 1,
            len(spec.columns),
            Emu(box.left),
            Emu(box.top),
            Emu(box.width),
            Emu(sum(heights)),
        )
        _describe(frame, spec.title, spec.subtitle)
        table = frame.table
        table.first_row = True
        table.horz_banding = True
        for c, width in enumerate(widths):
            table.columns[c].width = Emu(width)
        for r, height in enumerate(heights):
            table.rows[r].height = Emu(height)
        for r, row in enumerate([spec.columns, *rows]):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.margin_left = cell.margin_right = Inches(0.08)
                cell.margin_top = cell.margin_bottom = Inches(0.03)
                para = cell.text_frame.paragraphs[0]
                para.alignment = PP_ALIGN.RIGHT if c in spec.numeric_columns else PP_ALIGN.LEFT
                icon = text[:1] if r > 0 and c == spec.status_column else ""
                parts = [icon, text[1:]] if icon in STATUS_COLOURS else [text]
                for i, part in enumerate(parts):
                    for run in self._runs(para, part):
                        run.font.size = Pt(size)
                        run.font.bold = r == 0
                        if len(parts) == 2 and i == 0:
                            _tint(run.font, STATUS_COLOURS[part])

    def _bullet_slides(self, spec: BulletsSlide) -> None:
        first, per_page = True, MAX_BULLETS
        remaining = list(spec.bullets)
        while first or remaining:
            title = spec.title if first else f"{spec.title} {self.texts['cont']}"
            slide, area = self._new_slide("content", title, spec.notes)
            box = self._decorate(slide, area, spec.subtitle, self._footer(spec.source, []))
            take = _bullets_that_fit(remaining[:per_page], box)
            if first and take < len(remaining):
                # Balance the pages instead of leaving one or two bullets alone on the last.
                per_page = math.ceil(len(remaining) / math.ceil(len(remaining) / take))
                take = per_page
            chunk, remaining = remaining[:take], remaining[take:]
            size = _bullet_size(chunk, box)
            body = next(
                (
                    ph
                    for ph in slide.placeholders
                    if ph.placeholder_format.type in _BODY_KINDS and ph.placeholder_format.idx != 0
                ),
                None,
            )
            if body is None:
                self._textbox(slide, box, [f"• {b}" for b in chunk], size)
            else:
                _place(body, box)
                body.text_frame.word_wrap = True
                body.text_frame.auto_size = MSO_AUTO_SIZE.NONE
                self._fill(body.text_frame, chunk, size)
            first = False

    def _picture_slide(self, spec: PictureSlide) -> None:
        # The image shows its own title and source; the slide title stays for navigation
        # and screen readers, the subtitle and source are not repeated.
        slide, area = self._new_slide("title_only", spec.title, spec.notes)
        box = self._decorate(slide, area, "", list(spec.caveats))
        width_px, height_px = Image.from_blob(spec.image_png).size
        scale = min(box.width / width_px, box.height / height_px)
        width, height = int(width_px * scale), int(height_px * scale)
        left = box.left + (box.width - width) // 2
        top = box.top + (box.height - height) // 2
        picture = slide.shapes.add_picture(
            io.BytesIO(spec.image_png), Emu(left), Emu(top), Emu(width), Emu(height)
        )
        _describe(picture, spec.title, spec.subtitle, self._sourced(spec.source))


# --- pure helpers --------------------------------------------------------------------------


def _has_values(categories: Sequence[str], series: Sequence[Series]) -> bool:
    return bool(categories) and any(v is not None for s in series for v in s.values)


def _axis_title(chart: Any, unit: str) -> None:
    """The unit on the value axis: a chart copied out of the deck still says what it counts."""
    if not unit:
        return
    axis = chart.value_axis
    axis.has_title = True
    axis.axis_title.text_frame.text = unit
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False


def _describe(shape: Any, *parts: str) -> None:
    """Alt text for screen readers (PowerPoint's "Alternativ text")."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", ". ".join(p for p in parts if p))


def _column_widths(weights: Sequence[int], total: int) -> list[int]:
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)  # rounding remainder, so the table spans the box
    return widths


def _row_height(row: Sequence[str], widths: Sequence[int], size_pt: float) -> int:
    # Cell margins as set in _table: 0.08 in left and right, 0.03 in top and bottom, plus slack.
    lines = max(
        _lines(text, max(width - Inches(0.16), Inches(0.2)), size_pt)
        for text, width in zip(row, widths, strict=True)
    )
    return lines * _line_height(size_pt) + Inches(0.06) + Inches(0.06)


def _bullet_height(bullets: Sequence[str], width: int, size_pt: float) -> int:
    # Bullet indent ~0.4 in; paragraph spacing ~ a third of a line.
    text_width = max(width - Inches(0.4), Inches(1))
    lines = sum(_lines(b, text_width, size_pt) for b in bullets)
    return lines * _line_height(size_pt) + len(bullets) * int(Pt(size_pt * 0.4))


def _bullet_size(bullets: Sequence[str], box: _Box) -> int:
    for size in BULLET_SIZES_PT:
        if _bullet_height(bullets, box.width, size) <= box.height:
            return size
    return BULLET_SIZES_PT[-1]


def _bullets_that_fit(bullets: Sequence[str], box: _Box) -> int:
    """How many of `bullets` fit on one slide at the smallest size (at most MAX_BULLETS, at
    least one): shrink before splitting."""
    take = min(len(bullets), MAX_BULLETS)
    while take > 1 and _bullet_height(bullets[:take], box.width, BULLET_SIZES_PT[-1]) > box.height:
        take -= 1
    return take

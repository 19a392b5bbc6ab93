"""A PowerPoint deck described as plain data, independent of python-pptx.

The warehouse side fills these types; `dashboard.export.pptx_writer.write_deck` turns them into
a .pptx with native, editable charts. Keeping the description pure lets it be built and tested
without any Office library, and lets the same description drive other writers later.

Fields up to the data (title, subtitle, categories/series, columns/rows, …) may be given by
position; everything after is keyword-only so a description reads as what it says. Every
chart, table and picture slide must name its source: rusmon shows where each number comes from.
Inconsistent shapes (a series shorter than its categories, a row with too few cells) fail when
the description is built, naming the slide, not later inside the writer.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import KW_ONLY, dataclass, field

LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class Series:
    """One named row of values; None is a missing value, drawn as a gap, never as 0."""

    name: str
    values: list[float | None]


@dataclass(frozen=True)
class TitleSlide:
    title: str
    subtitle: str = ""
    notes: str = ""


def _check_series(slide_title: str, categories: list[str], series: list[Series]) -> None:
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(
                f"slide {slide_title!r}: series {s.name!r} has {len(s.values)} values "
                f"for {len(categories)} categories"
            )


@dataclass(frozen=True)
class BarChartSlide:
    """Bars per category; with `reference_line` the bars grow left/right from that value."""

    title: str
    subtitle: str
    categories: list[str]
    series: list[Series]
    _: KW_ONLY
    source: str
    number_format: str = "0.00"  # an Excel format; the viewer's locale picks the separator
    reference_line: float | None = None  # e.g. 1.0 = the benchmark (EU average)
    horizontal: bool = True
    unit: str = ""  # the value axis' title
    caveats: list[str] = field(default_factory=list)
    notes: str = ""

    def __post_init__(self) -> None:
        _check_series(self.title, self.categories, self.series)


@dataclass(frozen=True)
class LineChartSlide:
    """Series over periods; `target` = (label, value) is drawn as a flat dashed line."""

    title: str
    subtitle: str
    categories: list[str]  # periods, e.g. "2019"
    series: list[Series]
    _: KW_ONLY
    source: str
    number_format: str = "0.00"
    caveats: list[str] = field(default_factory=list)
    notes: str = ""
    target: tuple[str, float] | None = None
    unit: str = ""  # the value axis' title

    def __post_init__(self) -> None:
        _check_series(self.title, self.categories, self.series)


@dataclass(frozen=True)
class TableSlide:
    """A native table; rows that do not fit continue on the next slide, header repeated.

    `status_column` holds texts such as "● I fas" / "▲ Delvis" / "✖ Ej i fas": the icon and
    the word carry the meaning, the writer only tints the icon.
    """

    title: str
    subtitle: str
    columns: list[str]
    rows: list[list[str]]
    _: KW_ONLY
    source: str
    numeric_columns: Set[int] = field(default_factory=frozenset)  # right-aligned
    caveats: list[str] = field(default_factory=list)
    notes: str = ""
    status_column: int | None = None

    def __post_init__(self) -> None:
        width = len(self.columns)
        if width == 0:
            raise ValueError(f"slide {self.title!r}: a table needs at least one column")
        for i, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(
                    f"slide {self.title!r}: row {i} has {len(row)} cells for {width} columns"
                )
        bad = sorted(c for c in self.numeric_columns if not 0 <= c < width)
        if bad:
            raise ValueError(f"slide {self.title!r}: numeric_columns {bad} out of range")
        if self.status_column is not None and not 0 <= self.status_column < width:
            raise ValueError(
                f"slide {self.title!r}: status_column {self.status_column} out of range"
            )


@dataclass(frozen=True)
class BulletsSlide:
    """Method or sources text; long lists shrink and continue on further slides."""

    title: str
    subtitle: str
    bullets: list[str]
    source: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PictureSlide:
    """A slide image rendered elsewhere (PNG, already showing its own title and source)."""

    title: str
    subtitle: str
    image_png: bytes
    _: KW_ONLY
    source: str  # kept as the picture's alt text; the image shows it already
    caveats: list[str] = field(default_factory=list)
    notes: str = ""

    def __post_init__(self) -> None:
        # python-pptx reads PNG/JPEG/GIF/BMP/TIFF but not SVG; the exports hand over PNG.
        if not self.image_png.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ValueError(f"slide {self.title!r}: image_png is not a PNG image")


Slide = TitleSlide | BarChartSlide | LineChartSlide | TableSlide | BulletsSlide | PictureSlide


@dataclass(frozen=True)
class Deck:
    """The whole deck. `title`/`subtitle` go into the file's properties; the slides are
    exactly `slides` (put a TitleSlide first for a title page)."""

    title: str
    subtitle: str
    slides: list[Slide]
    lang: str = "sv"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"deck language {self.lang!r} is not one of {LANGUAGES}")

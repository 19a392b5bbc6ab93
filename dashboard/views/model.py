"""The shapes a view hands to whoever shows it: a page (Dash components), a slide, a PDF.

Plain data, no Dash: a table is columns and text cells, a status is its icon and its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indicators.goals import verdicts as v


@dataclass(frozen=True)
class Table:
    """`columns` are (key, heading) pairs; `rows` map keys to the cell text shown."""

    columns: list[tuple[str, str]]
    rows: list[dict[str, str]]
    numeric: tuple[str, ...] = ()
    caption: str = ""

    def cells(self) -> list[list[str]]:
        return [[str(row.get(key, "")) for key, _ in self.columns] for row in self.rows]

    @property
    def headings(self) -> list[str]:
        return [heading for _, heading in self.columns]


@dataclass(frozen=True)
class Status:
    """A verdict as it is shown: never colour alone, the icon and the words carry it."""

    code: str
    icon: str
    text: str

    @classmethod
    def of(cls, verdict: v.Verdict, lang: str) -> Status:
        return cls(verdict.code, verdict.icon, verdict.text(lang))

    def __str__(self) -> str:
        return f"{self.icon} {self.text}"


@dataclass(frozen=True)
class Card:
    """A headline figure with its label and the lines that explain it."""

    label: str
    value: str
    lines: list[str] = field(default_factory=list)
    strong: dict[int, str] = field(default_factory=dict)  # line index → the part to emphasise

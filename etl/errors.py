"""Errors that stop a load. Each names the source and says what is wrong where."""

from __future__ import annotations

from dataclasses import dataclass

MAX_LISTED = 5  # how many offending values an error message spells out


class EtlError(Exception):
    """A source could not be loaded. The warehouse is left as it was."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class SourceError(EtlError):
    """The input could not be fetched or read (network, file, format)."""


@dataclass(frozen=True)
class Problem:
    """One validation finding: where (file, column, lines) and what."""

    file: str
    message: str
    column: str | None = None
    lines: tuple[int, ...] = ()
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [self.file]
        if self.column:
            parts.append(f"kolumn {self.column}")
        if self.lines:
            shown = ", ".join(str(n) for n in self.lines[:MAX_LISTED])
            more = (
                f" (+{len(self.lines) - MAX_LISTED} till)" if len(self.lines) > MAX_LISTED else ""
            )
            parts.append(("rad " if len(self.lines) == 1 else "rader ") + shown + more)
        text = ", ".join(parts) + ": " + self.message
        if self.values:
            shown = ", ".join(repr(v) for v in self.values[:MAX_LISTED])
            more = " …" if len(self.values) > MAX_LISTED else ""
            text += f" ({shown}{more})"
        return text


class ValidationError(EtlError):
    """The input was read but breaks the rules; nothing from it is loaded."""

    def __init__(self, source: str, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(source, f"{len(problems)} fel i indata, inget laddades:\n{listing}")

"""Errors that stop a load. Each names the source and says what is wrong where.

Messages are kept short in one place: an offending value is shown with at most
MAX_VALUE_CHARS characters (`shown`), a message line with at most MAX_LINE_CHARS and a
whole message with at most MAX_MESSAGE_CHARS, whatever the input held (a 600 KB cell must
not become a 600 KB run-log entry or web page).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_LISTED = 5  # how many offending values an error message spells out
MAX_VALUE_CHARS = 200  # an offending value as shown in a message
MAX_LINE_CHARS = 2_000  # one line of a message (a problem with its listed values)
MAX_MESSAGE_CHARS = 12_000  # a whole message (the run log, /datakallor, the terminal)
ELLIPSIS = "…"


def clip(text: object, limit: int = MAX_VALUE_CHARS) -> str:
    """`text` as a string of at most `limit` characters; a cut is marked with '…'."""
    text = str(text)
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS


def shown(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """An offending value as a message quotes it: repr-quoted, at most `limit` characters."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]  # never repr a huge string only to cut it
    return clip(repr(value), limit)


def clip_message(text: str) -> str:
    """Every line at most MAX_LINE_CHARS, the whole at most MAX_MESSAGE_CHARS characters."""
    lines = [clip(line, MAX_LINE_CHARS) for line in str(text)[: MAX_MESSAGE_CHARS * 2].split("\n")]
    return clip("\n".join(lines), MAX_MESSAGE_CHARS)


class EtlError(Exception):
    """A source could not be loaded. The warehouse is left as it was."""

    def __init__(self, source: str, message: str):
        message = clip_message(message)
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class SourceError(EtlError):
    """The input could not be fetched or read (network, file, format)."""


@contextmanager
def reading(source: str, file: str) -> Iterator[None]:
    """Parsing untrusted input: whatever a parser raises becomes a SourceError naming the file.

    The parsers check what they expect and say so; this is the net under them, so that a
    file shaped in a way nobody foresaw still gives a message, never a traceback."""
    try:
        yield
    except EtlError:
        raise
    except RecursionError as exc:
        raise SourceError(source, f"{file}: indata är för djupt nästlade") from exc
    except MemoryError as exc:
        raise SourceError(source, f"{file}: indata är för stora för att läsas") from exc
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
        raise SourceError(
            source, f"{file}: oväntat format ({type(exc).__name__}: {clip(exc)})"
        ) from exc


@dataclass(frozen=True)
class Problem:
    """One validation finding: where (file, column, lines or places) and what."""

    file: str
    message: str
    column: str | None = None
    lines: tuple[int, ...] = ()
    values: tuple[str, ...] = ()
    # Where in a file without lines (an API answer): e.g. "population SE331 2022 T".
    places: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [clip(self.file)]
        if self.column:
            parts.append(f"kolumn {clip(self.column)}")
        if self.lines:
            parts.append(("rad " if len(self.lines) == 1 else "rader ") + _listing(self.lines))
        if self.places:
            parts.append("vid " + _listing(tuple(clip(p) for p in self.places)))
        text = ", ".join(parts) + ": " + clip(self.message, MAX_LINE_CHARS // 2)
        if self.values:
            listed = ", ".join(shown(v) for v in self.values[:MAX_LISTED])
            more = f" {ELLIPSIS}" if len(self.values) > MAX_LISTED else ""
            text += f" ({listed}{more})"
        return text


def _listing(items: tuple) -> str:
    listed = ", ".join(str(n) for n in items[:MAX_LISTED])
    more = f" (+{len(items) - MAX_LISTED} till)" if len(items) > MAX_LISTED else ""
    return listed + more


class ValidationError(EtlError):
    """The input was read but breaks the rules; nothing from it is loaded."""

    def __init__(self, source: str, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(source, f"{len(problems)} fel i indata, inget laddades:\n{listing}")

"""Reading the catalogue's YAML: safely, within limits, and keeping line numbers.

Every problem in a catalogue file is a CatalogueError carrying the file and, where there is
one, the line (`path:line: problem`), so a region's analyst can open the file at the place.
Syntax errors take their line from PyYAML's marks; semantic ones (a target `value: abc`, an
unknown indicator) from the line each mapping key and list item was read at.

Limits: a file of at most MAX_YAML_BYTES, at most MAX_ALIASES aliases (a "billion laughs"
file expands a few hundred bytes into gigabytes through nested aliases), nesting at most
MAX_DEPTH deep and at most MAX_NODES values once aliases are expanded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

MAX_YAML_BYTES = 1_000_000  # the largest catalogue file is a few kB
MAX_ALIASES = 20
MAX_DEPTH = 30
MAX_NODES = 100_000
MAX_SHOWN = 200  # characters of an offending value in a message


def shown(value: Any) -> str:
    text = repr(value if not isinstance(value, str) else value[:MAX_SHOWN])
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


class CatalogueError(ValueError):
    """The catalogue itself is wrong: `file` (path) and `line` (1-based, or None when the
    problem concerns the file or folder as a whole) say where, `problem` what."""

    def __init__(self, problem: str, file: str | Path | None = None, line: int | None = None):
        self.problem = problem
        self.file = None if file is None else str(file)
        self.line = line
        place = self.file if line is None or self.file is None else f"{self.file}:{line}"
        super().__init__(f"{place}: {problem}" if place else problem)


class LineMap(dict):
    """A YAML mapping that remembers the line of itself and of each key's value."""

    line: int | None = None
    lines: dict

    def line_of(self, key: Any = None) -> int | None:
        return getattr(self, "lines", {}).get(key, self.line) if key is not None else self.line


class LineList(list):
    """A YAML sequence that remembers the line of itself and of each item."""

    line: int | None = None
    lines: list

    def line_of(self, index: int | None = None) -> int | None:
        items = getattr(self, "lines", [])
        return items[index] if index is not None and 0 <= index < len(items) else self.line


def line_of(container: Any, key: Any = None) -> int | None:
    return container.line_of(key) if isinstance(container, LineMap | LineList) else None


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts aliases, limits depth and keeps lines."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise _LimitError(f"fler än {MAX_ALIASES} alias (*namn) i filen", mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _LimitError(f"nästlat djupare än {MAX_DEPTH} nivåer", mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _LimitError(Exception):
    def __init__(self, problem: str, line: int | None):
        super().__init__(problem)
        self.problem, self.line = problem, line


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LineMap()
    data.line = node.start_mark.line + 1
    data.lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise _LimitError(
                "en nyckel kan inte vara en lista eller mappning", key_node.start_mark.line + 1
            ) from None
        if key in data:
            raise _LimitError(f"nyckeln {shown(key)} står två gånger", key_node.start_mark.line + 1)
        data[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = value_node.start_mark.line + 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)
    data.lines = [child.start_mark.line + 1 for child in node.value]


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """A date; one that looks like a date but is none (2018-13-40) stays text, so the field
    that needs a date refuses it with its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _expanded_size(node: yaml.Node) -> int:
    """How many values the document holds once every alias is expanded (memoised)."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if id(n) in sizes:
            return sizes[id(n)]
        if isinstance(n, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total = 1 + sum(size(c) for c in n.value)
        else:
            total = 1
        sizes[id(n)] = min(total, MAX_NODES + 1)
        return sizes[id(n)]

    return size(node)


def read_yaml(path: Path) -> Any:
    """The file's document with LineMap/LineList containers; CatalogueError on any fault."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"kan inte läsas: {exc.strerror or exc}", path) from exc
    if len(raw) > MAX_YAML_BYTES:
        raise CatalogueError(f"filen är större än {MAX_YAML_BYTES // 1000} kB", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogueError("filen är inte UTF-8", path, line) from exc
    loader = None
    try:
        loader = _Loader(text)  # refuses control characters already here
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_NODES:
            raise _LimitError(f"fler än {MAX_NODES} värden när alias räknas ut", None)
        return loader.construct_document(node)
    except _LimitError as exc:
        raise CatalogueError(exc.problem, path, exc.line) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise CatalogueError(
            f"ogiltig YAML: {problem[:MAX_SHOWN]}", path, mark.line + 1 if mark else None
        ) from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"ogiltig YAML: {str(exc)[:MAX_SHOWN]}", path) from exc
    except RecursionError as exc:
        raise CatalogueError(f"nästlat djupare än {MAX_DEPTH} nivåer", path) from exc
    finally:
        if loader is not None:
            loader.dispose()


def plain(value: Any) -> Any:
    """The value with LineMap/LineList turned into dict/list (for models and JSON)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class Entry:
    """One mapping of a catalogue file, read field by field with typed accessors; every
    refusal names the file, the line of the field and the entry (`where`)."""

    def __init__(self, data: Any, file: Path, where: str, line: int | None = None):
        self.file, self.where = file, where
        if not isinstance(data, dict):
            raise CatalogueError(
                f"{where}: väntade en mappning (nyckel: värde), fann {_kind(data)}",
                file,
                line_of(data) or line,
            )
        self.data = data

    def line(self, key: str | None = None) -> int | None:
        return line_of(self.data, key)

    def error(self, problem: str, key: str | None = None) -> CatalogueError:
        return CatalogueError(f"{self.where}: {problem}", self.file, self.line(key))

    def has(self, key: str) -> bool:
        return self.data.get(key) not in (None, "")

    def get(self, key: str, default: Any = None) -> Any:
        value = self.data.get(key)
        return default if value is None else value

    def require(self, key: str) -> Any:
        value = self.data.get(key)
        if value is None or value == "":
            raise self.error(f"fältet {key!r} saknas", key)
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A scalar as text (a number or a date is fine: ids like 2030 or "14")."""
        value = self.require(key) if default is None else self.get(key, default)
        if isinstance(value, dict | list):
            raise self.error(f"{key} ska vara en text, inte {_kind(value)}", key)
        return str(value)

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self.has(key) else None

    def integer(self, key: str, default: int | None = None) -> int:
        value = self.require(key) if default is None else self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | str | float):
            raise self.error(f"{key} ska vara ett heltal, inte {shown(value)}", key)
        try:
            number = float(value)
            if not math.isfinite(number) or number != int(number):
                raise ValueError
            return int(number)
        except (ValueError, OverflowError):
            raise self.error(f"{key} ska vara ett heltal, inte {shown(value)}", key) from None

    def optional_integer(self, key: str) -> int | None:
        return self.integer(key) if self.has(key) else None

    def number(self, key: str, default: float | None = None) -> float:
        value = self.require(key) if default is None else self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.error(f"{key} ska vara ett tal, inte {shown(value)}", key)
        try:
            number = float(value)
        except (ValueError, OverflowError):
            raise self.error(f"{key} ska vara ett tal, inte {shown(value)}", key) from None
        if not math.isfinite(number):
            raise self.error(f"{key} ska vara ett ändligt tal, inte {shown(value)}", key)
        return number

    def optional_number(self, key: str) -> float | None:
        return self.number(key) if self.has(key) else None

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f"{key} ska vara true eller false, inte {shown(value)}", key)
        return value

    def date(self, key: str) -> date:
        value = self.require(key)
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"{key}: {shown(value)} är inget datum (ÅÅÅÅ-MM-DD)", key) from None

    def choice(self, key: str, allowed: Iterable[str]) -> str:
        allowed = tuple(allowed)
        value = self.text(key)
        if value not in allowed:
            raise self.error(f"{key} är {shown(value)}, tillåtet: {', '.join(allowed)}", key)
        return value

    def mapping(self, key: str, where: str | None = None) -> Entry:
        return Entry(self.require(key), self.file, where or f"{self.where}, {key}", self.line(key))

    def optional_mapping(self, key: str) -> dict:
        value = self.get(key, {})
        if not isinstance(value, dict):
            raise self.error(f"{key} ska vara en mappning, inte {_kind(value)}", key)
        return value

    def items(self, key: str, required: bool = False) -> list[tuple[Any, int | None]]:
        """A list field's items with their lines ([] when absent unless required)."""
        value = self.require(key) if required else self.get(key, [])
        if not isinstance(value, list):
            raise self.error(f"{key} ska vara en lista, inte {_kind(value)}", key)
        return [(item, line_of(value, i) or self.line(key)) for i, item in enumerate(value)]

    def entries(self, key: str, what: str, required: bool = False) -> list[Entry]:
        """A list of mappings, each an Entry named `<what> <n>`."""
        return [
            Entry(item, self.file, f"{what} {n}", line)
            for n, (item, line) in enumerate(self.items(key, required), start=1)
        ]

    def strings(self, key: str, required: bool = False) -> list[str]:
        out = []
        for item, line in self.items(key, required):
            if isinstance(item, dict | list) or item is None:
                raise CatalogueError(
                    f"{self.where}: {key} ska vara en lista av texter, fann {_kind(item)}",
                    self.file,
                    line,
                )
            out.append(str(item))
        return out


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list):
        return "en lista"
    if value is None:
        return "inget värde"
    return f"{type(value).__name__} {shown(value)}"


def read_entry(path: Path, where: str | None = None) -> Entry:
    """A catalogue file whose top level is a mapping."""
    return Entry(read_yaml(path), path, where or path.stem, 1)


class guarded:
    """`with guarded(path):` anything a loader did not foresee in the file still becomes a
    CatalogueError naming it (a net under the checks above, never a traceback)."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> None:
        if error is None or isinstance(error, CatalogueError):
            return
        if isinstance(error, ValueError | TypeError | KeyError | AttributeError | IndexError):
            raise CatalogueError(
                f"oväntat innehåll ({kind.__name__}: {str(error)[:MAX_SHOWN]})", self.path
            ) from error
        if isinstance(error, RecursionError):
            raise CatalogueError(f"nästlat djupare än {MAX_DEPTH} nivåer", self.path) from error

"""Reading the catalogue's YAML: safely, within limits, and keeping line numbers; and turning
the models' validation errors into problems a region's analyst can act on.

Every problem in a catalogue file is a CatalogueProblem carrying the file and, where there is
one, the line (`path:line: problem (suggestion)`), so the analyst can open the file at the
place. Syntax errors take their line from PyYAML's marks; the models' errors (a target
`value: abc`, an unknown key, an unknown indicator) from the line each mapping key and list
item was read at: pydantic says where in the document (`loc`), the document says which line.
A CatalogueError carries every problem found, the first one as `file`, `line` and `problem`.

Limits: a file of at most MAX_YAML_BYTES, at most MAX_ALIASES aliases (a "billion laughs"
file expands a few hundred bytes into gigabytes through nested aliases), nesting at most
MAX_DEPTH deep and at most MAX_NODES values once aliases are expanded.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

MAX_YAML_BYTES = 1_000_000  # the largest catalogue file is a few kB
MAX_ALIASES = 20
MAX_DEPTH = 30
MAX_NODES = 100_000
MAX_SHOWN = 200  # characters of an offending value in a message


def shown(value: Any) -> str:
    text = repr(value if not isinstance(value, str) else value[:MAX_SHOWN])
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


MAX_PROBLEM = 400  # characters of one problem's text
MAX_LISTED = 3  # problems spelled out in an error's own message (all of them in `problems`)


@dataclass(frozen=True)
class CatalogueProblem:
    """One thing wrong in the catalogue: where (file, 1-based line or None for the file or
    folder as a whole), what, and what was probably meant."""

    problem: str
    file: str | None = None
    line: int | None = None
    suggestion: str | None = None

    @property
    def place(self) -> str:
        if self.file is None:
            return ""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def __str__(self) -> str:
        text = self.problem if not self.suggestion else f"{self.problem} ({self.suggestion})"
        if len(text) > MAX_PROBLEM:
            text = text[: MAX_PROBLEM - 1] + "…"
        return f"{self.place}: {text}" if self.place else text


class CatalogueError(ValueError):
    """The catalogue itself is wrong: `file` (path) and `line` (1-based, or None when the
    problem concerns the file or folder as a whole) say where, `problem` what; `problems`
    holds every problem found (the first is the one `file`, `line` and `problem` describe)."""

    def __init__(
        self,
        problem: str = "",
        file: str | Path | None = None,
        line: int | None = None,
        suggestion: str | None = None,
        *,
        problems: Sequence[CatalogueProblem] = (),
    ):
        if not problems:
            problems = (
                CatalogueProblem(problem, None if file is None else str(file), line, suggestion),
            )
        self.problems = tuple(problems)
        first = self.problems[0]
        self.problem, self.file, self.line = first.problem, first.file, first.line
        self.suggestion = first.suggestion
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"… och {len(self.problems) - MAX_LISTED} problem till")
        message = "\n".join(lines)
        if len(message) > 900:
            message = f"{lines[0]}\n… och {len(self.problems) - 1} problem till"
        super().__init__(message)


class LineMap(dict):
    """A YAML mapping that remembers the line of itself, of each key and of each key's value."""

    line: int | None = None
    lines: dict
    key_lines: dict

    def line_of(self, key: Any = None) -> int | None:
        return getattr(self, "lines", {}).get(key, self.line) if key is not None else self.line

    def key_line(self, key: Any) -> int | None:
        return getattr(self, "key_lines", {}).get(key, self.line)


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
    data.key_lines = {}
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
        data.key_lines[key] = key_node.start_mark.line + 1


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


def kind_of(value: Any) -> str:
    """What a value is, for messages: 'en lista', 'str 'alla''."""
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list | tuple):
        return "en lista"
    if value is None:
        return "inget värde"
    return f"{type(value).__name__} {shown(value)}"


def suggest(value: Any, known: Iterable[Any], listed: int = 0) -> str | None:
    """'menade du 'unit_en'?' for a near miss; else, with `listed`, the choices when they are
    at most that many."""
    choices = [str(k) for k in known]
    if isinstance(value, str | int) and not isinstance(value, bool):
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        if close:
            return f"menade du {close[0]!r}?"
    if choices and len(choices) <= listed:
        return "tillåtna: " + ", ".join(choices)
    return None


def rejected(message: str, *, at: Sequence[str | int] = (), suggestion: str | None = None):
    """A model's own refusal, in Swedish, for a validator to raise. `at` points below the
    model being validated (e.g. ("type",)) so the problem gets that field's line."""
    return PydanticCustomError(
        "rusmon", "{message}", {"message": message, "at": tuple(at), "suggestion": suggestion}
    )


# Lists whose items messages name by a word and number ("mål 9", "region 1"), as the
# catalogue's readers say them; goals are named by their own id.
LIST_LABELS = {
    "regions": "region",
    "goals": "mål",
    "indicators": "indikator",
    "series": "serie",
    "dimensions": "dimension",
    "mandate_periods": "period",
    "series_breaks": "seriebrott",
}
NAMED_BY_ID = {"goals"}
_MAPPING_ERRORS = {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}
_TYPE_MESSAGES = {
    "int_type": "{key} ska vara ett heltal, inte {value}",
    "int_parsing": "{key} ska vara ett heltal, inte {value}",
    "int_from_float": "{key} ska vara ett heltal, inte {value}",
    "int_parsing_size": "{key} ska vara ett heltal, inte {value}",
    "float_type": "{key} ska vara ett tal, inte {value}",
    "float_parsing": "{key} ska vara ett tal, inte {value}",
    "finite_number": "{key} ska vara ett ändligt tal, inte {value}",
    "bool_type": "{key} ska vara true eller false, inte {value}",
    "bool_parsing": "{key} ska vara true eller false, inte {value}",
    "string_type": "{key} ska vara en text, inte {kind}",
    "list_type": "{key} ska vara en lista, inte {kind}",
    "tuple_type": "{key} ska vara en lista, inte {kind}",
    "set_type": "{key} ska vara en lista, inte {kind}",
    "string_too_short": "fältet {key!r} är tomt",
    "too_short": "{key} ska ha minst ett värde",
    "greater_than_equal": "{key} ska vara minst {ge}, inte {value}",
    "less_than_equal": "{key} ska vara högst {le}, inte {value}",
}


@dataclass(frozen=True)
class _Place:
    path: tuple[str | int, ...]  # the loc without union tags
    line: int | None


def _follow(document: Any, loc: Sequence[str | int], extra_key: bool = False) -> _Place:
    """Where `loc` leads in the raw document: the path without the tags pydantic adds for a
    tagged union (`source.scb.table` → `source.table`), and the line of the deepest value
    reached (of the key itself for an unknown key)."""
    node, line, path = document, line_of(document), []
    for n, step in enumerate(loc):
        last = n == len(loc) - 1
        if isinstance(node, dict):
            if step in node:
                path.append(step)
                line = (
                    node.key_line(step)
                    if extra_key and last and isinstance(node, LineMap)
                    else line_of(node, step) or line
                )
                node = node[step]
                continue
            if isinstance(step, str) and node.get("type") == step:
                continue  # a tagged union's tag: not in the document
            if step == "[key]":
                continue
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            line = line_of(node, step) or line
            node = node[step]
            continue
        path.append(step)
        node = None
    return _Place(tuple(path), line)


def _label(name: Any, index: int, item: Any) -> str:
    label = LIST_LABELS.get(str(name), str(name))
    if name in NAMED_BY_ID and isinstance(item, dict):
        own = item.get("id")
        if isinstance(own, str | int) and not isinstance(own, bool):
            return f"{label} {str(own)[:40]}"
    return f"{label} {index + 1}"


def _where(
    root: str, document: Any, path: tuple[str | int, ...], entry: bool = False
) -> tuple[list[str], Any]:
    """The words naming the entry that holds the path's last element ("kalmar_rus, mål 9,
    indikator 3, target"), and that element's key: None for an entry of a labelled list
    (a mapping, or `entry` when the problem is that it is none), else the list's name."""
    parts = [root] if root else []
    node = document
    for n, step in enumerate(path):
        last = n == len(path) - 1
        following = path[n + 1] if not last else None
        if isinstance(step, int):
            name = path[n - 1] if n else ""
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            if last:
                if str(name) in LIST_LABELS and (entry or isinstance(item, dict)):
                    return [*parts, _label(name, step, item)], None
                return parts, name
            parts.append(_label(name, step, item))
            node = item
            continue
        if last:
            return parts, step
        if not isinstance(following, int):
            parts.append(str(step))
        node = node.get(step) if isinstance(node, dict) else None
    return parts, None


def _allowed_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def model_at(model: Any, path: Sequence[str | int], document: Any = None) -> Any:
    """The model class that validates the mapping at `path` (for the keys an unknown key
    could have meant), or None when the annotations do not say."""
    node = document

    def unwrap(annotation: Any) -> list[Any]:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            return unwrap(typing.get_args(annotation)[0])
        if origin in (typing.Union, types.UnionType):
            return [a for arg in typing.get_args(annotation) for a in unwrap(arg)]
        return [annotation]

    current: list[Any] = [model]
    for step in path:
        following: list[Any] = []
        for candidate in current:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                if isinstance(step, str):
                    for name, info in candidate.model_fields.items():
                        if step in (name, info.alias):
                            following += unwrap(info.annotation)
            else:
                origin = typing.get_origin(candidate)
                args = typing.get_args(candidate)
                if origin in (list, tuple) and args and isinstance(step, int):
                    following += unwrap(args[0])
                elif origin is dict and len(args) == 2:
                    following += unwrap(args[1])
        node = (
            node.get(step)
            if isinstance(node, dict)
            else node[step]
            if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            else None
        )
        models = [c for c in following if isinstance(c, type) and issubclass(c, BaseModel)]
        if len(models) > 1 and isinstance(node, dict):  # a tagged union: the tag decides
            tag = node.get("type")
            models = [
                m
                for m in models
                if "type" in m.model_fields
                and tag in typing.get_args(m.model_fields["type"].annotation)
            ] or models
        current = models + [c for c in following if not isinstance(c, type)]
    models = [c for c in current if isinstance(c, type) and issubclass(c, BaseModel)]
    return models[0] if len(models) == 1 else None


def problems_from(
    error: ValidationError, file: Path, document: Any, model: type[BaseModel], root: str = ""
) -> list[CatalogueProblem]:
    """Every error of a model's validation as a problem with the file, line and place."""
    out = []
    errors = error.errors(include_url=False)
    # A list whose items failed is also "too short" to pydantic: the items say it better.
    below = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    for item in errors:
        kind = item["type"]
        if kind == "too_short" and tuple(item["loc"]) in below:
            continue
        context = item.get("ctx") or {}
        loc = tuple(item["loc"]) + tuple(context.get("at", ()) if kind == "rusmon" else ())
        if kind in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("type",)
        place = _follow(document, loc, extra_key=kind == "extra_forbidden")
        parts, key = _where(root, document, place.path, entry=kind in _MAPPING_ERRORS)
        value = item.get("input")
        suggestion = None
        if kind == "rusmon":
            text = str(context.get("message", item["msg"]))
            suggestion = context.get("suggestion")
        elif kind == "missing":
            text = f"fältet {str(key)!r} saknas"
        elif kind == "extra_forbidden":
            allowed = _allowed_keys(model_at(model, place.path[:-1], document))
            text = f"okänd nyckel {shown(key)}"
            suggestion = suggest(key, allowed, listed=12)
        elif kind in _MAPPING_ERRORS:
            if key is not None:
                parts.append(str(key))
            text = f"väntade en mappning (nyckel: värde), fann {kind_of(value)}"
        elif kind == "union_tag_invalid":
            tags = [t.strip("'") for t in str(context.get("expected_tags", "")).split(", ")]
            tag = value.get("type") if isinstance(value, dict) else value
            text = f"type är {shown(tag)}, tillåtet: {', '.join(tags)}"
            suggestion = suggest(tag, tags)
        elif kind == "union_tag_not_found":
            text = "fältet 'type' saknas"
        elif kind == "literal_error":
            allowed = [
                a.strip("'")
                for a in str(context.get("expected", "")).replace(" or ", ", ").split(", ")
            ]
            text = f"{key or 'värdet'} är {shown(value)}, tillåtet: {', '.join(allowed)}"
            suggestion = suggest(value, allowed)
        elif kind.startswith(("date", "datetime")):
            text = f"{key or 'värdet'}: {shown(value)} är inget datum (ÅÅÅÅ-MM-DD)"
        elif kind == "invalid_key" or (place.path and place.path[-1] == "[key]"):
            text = f"nyckeln {shown(value)} ska vara en text"
        elif kind in _TYPE_MESSAGES:
            if value is None and kind not in ("too_short",):
                text = f"fältet {str(key)!r} saknar värde" if key is not None else "värde saknas"
            else:
                text = _TYPE_MESSAGES[kind].format(
                    key=key or "värdet", value=shown(value), kind=kind_of(value), **context
                )
        else:
            text = f"{key or 'värdet'}: ogiltigt värde {shown(value)} ({item['msg']})"
        where = ", ".join(p for p in parts if p)
        out.append(
            CatalogueProblem(
                f"{where}: {text}" if where else text, str(file), place.line or 1, suggestion
            )
        )
    return sorted(out, key=lambda p: p.line or 0)


def read_document(path: Path) -> tuple[bool, Any, list[CatalogueProblem]]:
    """(read, document, problems): the YAML document, or the problems that kept it unread."""
    try:
        return True, read_yaml(path), []
    except CatalogueError as error:
        return False, None, list(error.problems)


def validated(
    model: type[BaseModel],
    path: Path,
    document: Any,
    context: dict[str, Any] | None = None,
    root: str = "",
) -> tuple[Any, list[CatalogueProblem]]:
    """(the model, []) or (None, every problem of the document against the model); whatever
    the document holds, nothing but problems comes out."""
    try:
        return model.model_validate(document, context=context), []
    except ValidationError as error:
        try:
            return None, problems_from(error, path, document, model, root)
        except RecursionError:
            return None, [CatalogueProblem(f"nästlat djupare än {MAX_DEPTH} nivåer", str(path))]
    except RecursionError:
        return None, [CatalogueProblem(f"nästlat djupare än {MAX_DEPTH} nivåer", str(path))]
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        problem = f"oväntat innehåll ({type(error).__name__}: {str(error)[:MAX_SHOWN]})"
        return None, [CatalogueProblem(problem, str(path))]


def load_model(
    model: type[BaseModel], path: Path, context: dict[str, Any] | None = None, root: str = ""
) -> Any:
    """One file as one model; CatalogueError with every problem when it is not one."""
    read, document, problems = read_document(path)
    if read:
        result, problems = validated(model, path, document, context, root)
        if not problems:
            return result
    raise CatalogueError(problems=problems)

"""The visible text of a Dash component tree or of a view's dataclasses, for assertions on
what a reader would see."""

import dataclasses
import re

from dashboard.views.model import Table


def text_of(component) -> str:
    """Text nodes joined by one space (runs of spaces collapse; no-break spaces stay)."""
    return re.sub(" {2,}", " ", _joined(component))


def _joined(component) -> str:
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_joined(c) for c in component)
    if isinstance(component, Table):  # as drawn: the headings, then row by row
        return _joined([component.headings, *component.cells()])
    if dataclasses.is_dataclass(component):
        return " ".join(_joined(getattr(component, f.name)) for f in dataclasses.fields(component))
    return _joined(getattr(component, "children", None))

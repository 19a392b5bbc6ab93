"""The visible text of a Dash component tree, for assertions on what a reader would see."""

import re


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
    return _joined(getattr(component, "children", None))

"""Form controls with Swedish (or English) texts inside them, not only around them."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n import t

# Dash's dropdown texts (`labels`), each from dashboard.i18n's "dropdown.<key>"
DROPDOWN_KEYS = (
    "search",
    "clear_search",
    "clear_selection",
    "no_options_found",
    "select_all",
    "deselect_all",
    "selected_count",  # "{num_selected} valda": Dash fills in the number
)


def dropdown_labels(lang: str) -> dict[str, str]:
    return {key: t(f"dropdown.{key}", lang) for key in DROPDOWN_KEYS}


def dropdown(component_id: str, options: list, value: Any, lang: str, **kwargs: Any):
    kwargs.setdefault("clearable", False)
    return dcc.Dropdown(
        id=component_id, options=options, value=value, labels=dropdown_labels(lang), **kwargs
    )


def labelled(label: str, control, class_name: str = "control") -> html.Div:
    return html.Div([html.Label(label, htmlFor=control.id), control], className=class_name)

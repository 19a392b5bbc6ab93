"""Form controls with Swedish (or English) texts inside them, not only around them."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

DROPDOWN_LABELS = {
    "sv": {
        "search": "Sök",
        "clear_search": "Rensa sökningen",
        "clear_selection": "Rensa valet",
        "no_options_found": "Inga träffar",
        "select_all": "Välj alla",
        "deselect_all": "Avmarkera alla",
        "selected_count": "{num_selected} valda",
    },
    "en": {
        "search": "Search",
        "clear_search": "Clear search",
        "clear_selection": "Clear selection",
        "no_options_found": "No matches",
        "select_all": "Select all",
        "deselect_all": "Deselect all",
        "selected_count": "{num_selected} selected",
    },
}


def dropdown(component_id: str, options: list, value: Any, lang: str, **kwargs: Any):
    kwargs.setdefault("clearable", False)
    return dcc.Dropdown(
        id=component_id, options=options, value=value, labels=DROPDOWN_LABELS[lang], **kwargs
    )


def labelled(label: str, control, class_name: str = "control") -> html.Div:
    return html.Div([html.Label(label, htmlFor=control.id), control], className=class_name)

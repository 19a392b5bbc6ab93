"""Reading a page's URL query (used by the modules beside this one; Dash skips `_` files).

Every value in a link is checked against what the page offers. An unknown one is never
silently replaced: the page shows its default together with a visible notice naming the
value and what is shown instead ("Okänd strategi 'xyz' i länken – visar … i stället.").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dash import html

from dashboard.i18n import language, t
from dashboard.views.maps import VIEWS

LONGEST = 60  # a pasted or mangled link can hold anything: quote at most this much of it


def _quoted(value: str) -> str:
    return value if len(value) <= LONGEST else value[: LONGEST - 1] + "…"


class Query:
    """The query of one page load: `one`/`many` return what the page should show and collect
    a notice for every unknown value; `page` puts the notices at the top of the page."""

    def __init__(self, lang: str | None):
        self.lang = language(lang)
        self.notices: list[str] = []

    def note(self, kind: str, value: object, default: str = "", **extra: str) -> None:
        self.notices.append(
            t(
                f"notice.unknown.{kind}",
                self.lang,
                value=_quoted(str(value)),
                default=default,
                **extra,
            )
        )

    def one(
        self,
        kind: str,
        value: str | None,
        known: Iterable[Any],
        default: Any,
        label: Callable[[Any], str] | None = None,
        parse: Callable[[str], Any] = str,
        **extra: str,
    ) -> Any:
        """`value` parsed when it is one of `known`; else `default`, with a notice when the
        link named something (an absent or empty value is no error)."""
        if value is None or value == "":
            return default
        try:
            parsed = parse(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None and parsed in list(known):
            return parsed
        if label is not None:
            shown = label(default)
        else:
            shown = t("notice.none", self.lang) if default is None else str(default)
        self.note(kind, value, shown, **extra)
        return default

    def view(self, value: str | None) -> str:
        """The "Diagram | Karta" choice (`view=`), "chart" unless the link names the map."""
        return self.one(
            "option",
            value,
            VIEWS,
            "chart",
            label=lambda v: t(f"maps.tab.{v}", self.lang),
            what=t("maps.query.view", self.lang),
        )

    def many(self, value: str | None, known: Iterable[str]) -> list[str]:
        """A comma-separated list: the known entries, in order; one notice for the others."""
        asked = [v for v in (value or "").split(",") if v]
        known = set(known)
        unknown = [v for v in asked if v not in known]
        if unknown:
            self.note("regions", ", ".join(unknown))
        return [v for v in asked if v in known]

    def page(self, layout):
        """`layout` (a shell) with the notices first in its <main>."""
        if not self.notices:
            return layout
        box = html.Div(
            [html.P("⚠ " + text, className="notice-text") for text in self.notices],
            id="url-notice",
            className="empty-state url-notice",
            role="status",
        )
        main = _find_main(layout)
        if main is None:
            return html.Div([box, layout])
        main.children = [box, *(main.children or [])]
        return layout


def _find_main(component):
    if isinstance(component, html.Main):
        return component
    children = getattr(component, "children", None)
    if isinstance(children, list | tuple):
        for child in children:
            found = _find_main(child)
            if found is not None:
                return found
    elif children is not None and not isinstance(children, str):
        return _find_main(children)
    return None

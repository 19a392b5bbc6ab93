"""Text as Dash children: words the catalogue has only in Swedish (`dashboard.i18n.
catalogue_text`) are set in a span with lang="sv" (screen readers read them as Swedish), and
their marker "[sv]" says so in a tooltip."""

from __future__ import annotations

from dash import html

from dashboard.i18n import SWEDISH_START, UNTRANSLATED, swedish_parts, t


def marker() -> html.Abbr:
    return html.Abbr(UNTRANSLATED, title=t("untranslated.title", "en"), className="untranslated")


def rich(text: object) -> str | list:
    """`text` as it is shown: unchanged when nothing in it is marked Swedish."""
    text = "" if text is None else str(text)
    if SWEDISH_START not in text:
        return text
    children: list = []
    for part, swedish in swedish_parts(text):
        if swedish:
            children.append(html.Span(part, lang="sv"))
            continue
        pieces = part.split(UNTRANSLATED)
        for i, piece in enumerate(pieces):
            if i:
                children.append(marker())
            if piece:
                children.append(piece)
    return children

"""HTML text for the exports' own documents (profile, offline presentation): escaped, with the
words the catalogue has only in Swedish in a span with lang="sv" and their marker "[sv]" as
an abbreviation whose tooltip says what it means, as on the pages (dashboard.components.text)."""

from __future__ import annotations

import html

from dashboard.i18n import SWEDISH_START, UNTRANSLATED, plain, swedish_parts, t

_MARKER = (
    f'<abbr class="untranslated" title="{html.escape(t("untranslated.title", "en"), quote=True)}">'
    f"{html.escape(UNTRANSLATED)}</abbr>"
)


def escape(text: object) -> str:
    """`text` escaped for HTML content, Swedish words and their marker tagged."""
    text = str(text)
    if SWEDISH_START not in text:
        return html.escape(text, quote=True)
    out = []
    for part, swedish in swedish_parts(text):
        escaped = html.escape(part, quote=True)
        if swedish:
            out.append(f'<span lang="sv">{escaped}</span>')
        else:
            out.append(escaped.replace(html.escape(UNTRANSLATED), _MARKER))
    return "".join(out)


def escape_attribute(text: object) -> str:
    """`text` escaped for an attribute or the <title>: no markup, the marker as text."""
    return html.escape(plain(str(text)), quote=True)

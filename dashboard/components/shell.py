"""The frame around every page: header with navigation and language switch, footer."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.i18n import t

NAV = (
    ("/", "nav.overview"),
    ("/jamfor", "nav.compare"),
    ("/maluppfoljning", "nav.goals"),
    ("/indikatorer", "nav.explorer"),
    ("/datakallor", "nav.sources"),
)
NAMES = {**dict(NAV), "/metod": "nav.method"}


def page_title(path: str, lang: str) -> str:
    """The browser tab's title: "rusmon – Översikt". Dash sets the page's registered (Swedish)
    title on navigation; assets/title.js replaces it with the shell's `data-title`."""
    if path not in NAMES:
        return t("app.title", lang)
    return t("page.title", lang, page=t(NAMES[path], lang))


def footer(lang: str) -> html.Footer:
    """The footer; in English also what the marker "[sv]" means."""
    if lang != "en":
        return html.Footer(t("footer", lang), className="site-footer")
    return html.Footer(
        [html.P(t("footer", lang)), html.P(t("untranslated.legend", lang), id=ids.LEGEND)],
        className="site-footer",
    )


def shell(lang: str, active: str, *body) -> html.Div:
    other = "en" if lang == "sv" else "sv"
    return html.Div(
        [
            html.A(
                t("shell.skip", lang),
                href="#main",
                className="skip-link",
            ),
            html.Header(
                [
                    html.Div(
                        [
                            html.Span("rusmon", className="brand"),
                            html.Span(t("app.tagline", lang), className="tagline"),
                        ],
                        className="brand-block",
                    ),
                    html.Nav(
                        [
                            dcc.Link(
                                t(key, lang),
                                href=f"{path}?lang={lang}",
                                className="nav-link active" if path == active else "nav-link",
                            )
                            for path, key in NAV
                        ],
                        **{"aria-label": t("shell.menu", lang)},
                    ),
                    html.Button(
                        t("present.toggle", lang),
                        id=ids.PRESENT_TOGGLE,
                        className="lang-switch",
                        title=t("present.label", lang),
                        **{"aria-pressed": "false"},
                    ),
                    html.Button(
                        t("lang.switch", lang),
                        id=ids.LANG_SWITCH,
                        className="lang-switch",
                        lang=other,
                        title=t("lang.switch.label", lang),
                        **{"data-lang": other},
                    ),
                ],
                className="site-header",
            ),
            html.Main(list(body), id="main", lang=lang, tabIndex="-1"),
            footer(lang),
            dcc.Store(id=ids.URL_SYNC),
        ],
        className="page",
        lang=lang,
        **{"data-title": page_title(active, lang)},
    )


def note(text: str, class_name: str = "note") -> html.P:
    return html.P(text, className=class_name)

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


def shell(lang: str, active: str, *body) -> html.Div:
    other = "en" if lang == "sv" else "sv"
    return html.Div(
        [
            html.A(
                "Hoppa till innehållet" if lang == "sv" else "Skip to content",
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
                        **{"aria-label": "Huvudmeny" if lang == "sv" else "Main menu"},
                    ),
                    html.Button(
                        t("present.toggle", lang),
                        id="present-toggle",
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
            html.Footer(t("footer", lang), className="site-footer"),
            dcc.Store(id=ids.URL_SYNC),
        ],
        className="page",
        lang=lang,
    )


def note(text: str, class_name: str = "note") -> html.P:
    return html.P(text, className=class_name)

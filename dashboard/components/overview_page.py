"""Översikt, the start page: pick a region (län, NUTS2 or Sweden) and see where it stands."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.controls import dropdown, labelled
from dashboard.components.map_parts import locator, locator_content
from dashboard.components.overview_cards import overview_cards
from dashboard.components.shell import shell
from dashboard.context import catalogue, reader
from dashboard.i18n import language, t
from dashboard.views.overview import DEFAULT_REGION, overview_view, region_options

PATH = "/"


def overview_page(region: str | None = None, lang: str | None = None, **_query) -> html.Div:
    lang = language(lang)
    cat = catalogue()
    options = region_options(cat, lang)
    codes = [o["value"] for o in options]
    chosen = region if region in codes else DEFAULT_REGION
    return shell(
        lang,
        PATH,
        dcc.Store(id=ids.OVERVIEW_LANG, data=lang),
        dcc.Store(id=ids.OVERVIEW_URL),
        dcc.Store(id=ids.OVERVIEW_MEMORY),
        dcc.Store(id=ids.OVERVIEW_FROM_URL, data=region in codes),
        # the locator map beside the region picker and the heading; the cards under both
        # (assets/maps.css: the body's parts join the layout's grid)
        html.Div(
            [
                html.Div(
                    labelled(
                        t("control.region", lang),
                        dropdown(ids.OVERVIEW_REGION, options, chosen, lang),
                        "control wide",
                    ),
                    className="controls",
                ),
                locator(lang, *locator_content(reader(), cat, chosen, lang)),
                html.Div(
                    overview_cards(overview_view(reader(), cat, chosen, lang), lang),
                    id=ids.OVERVIEW_BODY,
                ),
            ],
            className="overview-layout",
        ),
    )

"""Översikt, the start page: where the chosen region stands, at a glance. An unknown region in
the URL gives a notice and the default region (not the one the browser remembers)."""

import dash

from dashboard.components.overview_page import PATH, overview_page
from dashboard.components.shell import NAMES, page_title
from dashboard.context import catalogue
from dashboard.i18n import t
from dashboard.pages._query import Query
from dashboard.views.overview import DEFAULT_REGION, region_options


def layout(region: str | None = None, lang: str | None = None, **rest):
    query = Query(lang)
    cat = catalogue()
    codes = [o["value"] for o in region_options(cat, query.lang)]
    chosen = query.one(
        "region", region, codes, DEFAULT_REGION, label=lambda c: cat.regions.name_of(c, query.lang)
    )
    # An unknown region still counts as "named by the link": the default is shown, as the
    # notice says, rather than the region remembered in the browser.
    return query.page(overview_page(region=chosen if region else None, lang=query.lang, **rest))


dash.register_page(
    __name__,
    path=PATH,
    name=t(NAMES[PATH]),
    title=page_title(PATH, "sv"),
    layout=layout,
    order=0,
)

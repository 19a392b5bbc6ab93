"""Måluppföljning: a strategy's delmål per region and mandate period, from the data. The URL
query is checked here: an unknown strategy, region, period or indicator gives a notice and the
page's default."""

import dash

from dashboard.components.goals_page import PATH, goals_page
from dashboard.components.shell import NAMES, page_title
from dashboard.context import catalogue
from dashboard.i18n import t
from dashboard.pages._query import Query
from dashboard.views.goals import DEFAULT_STRATEGY, current_period, region_options


def layout(
    strategy: str | None = None,
    region: str | None = None,
    period: str | None = None,
    pick: str | None = None,
    lang: str | None = None,
    **rest,
):
    query = Query(lang)
    lang = query.lang
    cat = catalogue()
    chosen = query.one(
        "strategy",
        strategy,
        cat.strategies,
        DEFAULT_STRATEGY,
        label=lambda s: cat.strategies[s].name(lang),
    )
    options = region_options(cat, cat.strategies[chosen], lang)
    codes = [o["value"] for o in options]
    chosen_region = query.one(
        "region", region, codes, codes[0], label=lambda c: cat.regions.name_of(c, lang)
    )
    periods = [p.id for p in cat.mandate_periods]
    default_period = current_period(cat)
    chosen_period = query.one(
        "period", period, periods, default_period, label=lambda p: p.replace("-", "–")
    )
    picks = {
        f"{goal.id}|{gi.key}" for goal in cat.strategies[chosen].goals for gi in goal.indicators
    }
    chosen_pick = pick if pick in picks else None
    if pick and chosen_pick is None:
        query.note("pick", pick)
    return query.page(
        goals_page(
            strategy=chosen,
            region=chosen_region,
            period=chosen_period,
            pick=chosen_pick,
            lang=lang,
            **rest,
        )
    )


dash.register_page(
    __name__,
    path=PATH,
    name=t(NAMES[PATH]),
    title=page_title(PATH, "sv"),
    layout=layout,
    order=2,
)

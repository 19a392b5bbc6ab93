"""Jämför med innovationsledare: a region's RIS profile against Europe's innovation leaders
(or another benchmark group). The URL query is checked here: an unknown region, edition,
year, benchmark or compared region gives a notice and the page's default."""

import dash

from dashboard.components.compare_page import compare_page
from dashboard.components.shell import NAMES, page_title
from dashboard.context import catalogue, reader
from dashboard.data_access import ris
from dashboard.i18n import t
from dashboard.pages._query import Query
from dashboard.views.compare import DEFAULT_REGION, region_options, year_options
from dashboard.views.maps import COLOURS
from dashboard.views.maps import indicator_options as map_indicators


def map_query(query: Query, rest: dict, edition: int, year: int | None) -> dict:
    """The map's keys in the link (view, mapind, mapcolour), checked like the others."""
    lang = query.lang
    view = query.view(rest.get("view"))
    options = [] if year is None else map_indicators(reader(), catalogue(), edition, year, lang)
    names = {o["value"]: o["label"] for o in options}
    indicator = query.one(
        "option",
        rest.get("mapind"),
        names,
        next(iter(names), None),
        label=lambda i: names.get(i, str(i)),
        what=t("maps.control.indicator", lang),
    )
    colour = query.one(
        "option",
        rest.get("mapcolour"),
        COLOURS,
        "ratio",
        label=lambda c: t(f"maps.colour.{c}", lang),
        what=t("maps.control.colour", lang),
    )
    return {"view": view, "mapind": indicator, "mapcolour": colour}


def layout(
    region: str | None = None,
    edition: str | None = None,
    year: str | None = None,
    lang: str | None = None,
    benchmark: str | None = None,
    also: str | None = None,
    peers: str | None = None,
    **rest,
):
    query = Query(lang)
    lang = query.lang
    editions = ris.editions(reader())
    if editions.empty:
        return compare_page(lang=lang, **rest)
    known = editions["edition"].astype(int).tolist()
    chosen_edition = query.one(
        "edition", edition, known, known[0], label=lambda e: f"RIS {e}", parse=int
    )
    options = region_options(reader(), chosen_edition, lang)
    names = {o["value"]: o["label"] for o in options}
    codes = list(names)
    chosen_region = query.one(
        "region", region, codes, DEFAULT_REGION, label=lambda c: names.get(c, c)
    )
    years = year_options(reader(), chosen_edition)
    chosen_year = query.one("year", year, years, years[0] if years else None, parse=int)
    chosen_benchmark = query.one(
        "benchmark",
        benchmark,
        ris.BENCHMARKS,
        "leaders",
        label=lambda b: t(f"bench.option.{b}", lang),
    )
    chosen_also = query.many(also, codes)
    chosen_peers = query.many(peers, codes)
    rest.update(map_query(query, rest, chosen_edition, chosen_year))
    return query.page(
        compare_page(
            region=chosen_region,
            edition=str(chosen_edition),
            year=None if chosen_year is None else str(chosen_year),
            lang=lang,
            benchmark=chosen_benchmark,
            also=",".join(chosen_also),
            peers=",".join(chosen_peers),
            **rest,
        )
    )


dash.register_page(
    __name__,
    path="/jamfor",
    name=t(NAMES["/jamfor"]),
    title=page_title("/jamfor", "sv"),
    layout=layout,
    order=1,
)

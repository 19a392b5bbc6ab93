"""Indikatorer: explore any follow-up indicator, with its metadata and downloads. The URL query
is checked here: an unknown indicator, region, year, index base or display choice gives a
notice and the page's default."""

import dash

from dashboard.components.explorer_page import PATH, explorer_page
from dashboard.components.shell import NAMES, page_title
from dashboard.context import catalogue, reader
from dashboard.data_access import indicators as data
from dashboard.i18n import t
from dashboard.pages._query import Query
from dashboard.views.explorer import indicator_options, period_options
from dashboard.views.maps import map_periods


def layout(
    indicator: str | None = None,
    regions: str | None = None,
    mode: str | None = None,
    year: str | None = None,
    sex: str | None = None,
    base: str | None = None,
    lang: str | None = None,
    **rest,
):
    query = Query(lang)
    lang = query.lang
    cat = catalogue()
    options = indicator_options(reader(), cat, lang)
    names = {o["value"]: o["label"] for o in options}
    default = options[0]["value"] if options else None
    chosen = query.one("indicator", indicator, names, default, label=lambda i: names.get(i, i))
    values = data.values(reader(), chosen) if chosen else None
    asked = [c for c in (regions or "").split(",") if c]
    if values is not None and asked:
        available = set(values["region_code"])
        unknown = [c for c in asked if cat.regions.get(c) is None]
        if unknown:
            query.note("regions", ", ".join(unknown))
        without = [c for c in asked if c not in unknown and c not in available]
        if without:
            query.notices.append(
                t(
                    "notice.no_values.regions",
                    lang,
                    value=", ".join(cat.regions.name_of(c, lang) for c in without),
                )
            )
        asked = [c for c in asked if c in available]
    bases, periods = period_options(values, lang) if values is not None else ([], [])
    chosen_year = query.one(
        "option",
        year,
        [p["value"] for p in periods],
        None,
        label=lambda _: t("notice.latest", lang),
        what=t("explorer.period", lang),
    )
    chosen_base = query.one(
        "option",
        base,
        [b["value"] for b in bases],
        "",
        label=lambda _: t("explorer.no_index", lang),
        what=t("explorer.base", lang),
    )
    chosen_mode = query.one(
        "option",
        mode,
        ("series", "bar"),
        "series",
        label=lambda m: t(f"explorer.mode.{m}", lang),
        what=t("explorer.mode", lang),
    )
    chosen_sex = query.one(
        "option",
        sex,
        ("T", "KM"),
        "T",
        label=lambda s: t(f"sex.{s}", lang),
        what=t("explorer.sex", lang),
    )
    rest["view"] = query.view(rest.get("view"))
    steps = map_periods(values, cat) if values is not None else []
    rest["mapyear"] = query.one(
        "option",
        rest.get("mapyear"),
        steps,
        None,
        label=lambda _: t("notice.latest", lang),
        what=t("maps.control.period", lang),
    )
    return query.page(
        explorer_page(
            indicator=chosen,
            regions=",".join(asked),
            mode=chosen_mode,
            year=chosen_year,
            sex=chosen_sex,
            base=chosen_base,
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
    order=3,
)

"""Regionprofil: a region's RIS standing, what its gap to the innovation leaders is made of and
the status of every delmål that follows it up, as one self-contained HTML document for A4 print,
and that document printed to a 2–4 page PDF by the system Chromium.

Everything shown comes from the pure views (`compare_view`, `goal_page`, `indicator_view`): the
profile shows the pages' numbers as the pages format them and computes none of its own. The HTML
has no scripts and refers to nothing outside itself; `write_profile_pdf` prints it with every
network request blocked. `register_profile_route` serves the same document at /profil (Flask
only: exports never import Dash).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from flask import Flask, Response, request

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.export.browser import CHROMIUM
from dashboard.export.browser import CHROMIUM_FLAGS as BROWSER_FLAGS
from dashboard.export.errors import ExportError
from dashboard.export.markup import escape
from dashboard.i18n import t
from dashboard.views.compare import CompareView, compare_view
from dashboard.views.goals import (
    GoalPage,
    GoalSection,
    current_period,
    goal_page,
    indicator_view,
    measured_text,
    owner_text,
)
from dashboard.views.model import Card, Status, Table
from dashboard.views.overview import ris_region
from indicators.catalogue import Catalogue
from indicators.formatting import format_date
from indicators.goals import models as m

ROUTE = "/profil"
# kaleido's Chromium and its quiet flags (no background networking), headless for printing
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", *BROWSER_FLAGS]
PRINT_TIMEOUT_MS = 60_000  # a busy 2-core machine; one profile prints in about a second


def _tx(key: str, lang: str, **values: object) -> str:
    """The profile's own words: "profile.<key>" in dashboard.i18n."""
    return t(f"profile.{key}", lang, **values)


def _e(text: object) -> str:
    return escape(text)


# ---------------------------------------------------------------------------------------------
# What the profile is about: the region, its strategies and the period, checked


def _region(catalogue: Catalogue, code: str | None) -> str:
    given = (code or "").strip()
    for candidate in (given, given.upper()):
        if candidate and candidate in catalogue.regions:
            return candidate
    close = difflib.get_close_matches(given.upper(), list(catalogue.regions.regions), n=3)
    hint = f" Menade du {' eller '.join(close)}?" if close else ""
    raise ExportError(
        f"okänd regionkod {given!r}.{hint} Ange en NUTS-kod: ett län (t.ex. SE125 Västmanlands "
        "län, SE331 Västerbottens län), en NUTS2-region (t.ex. SE33 Övre Norrland) eller en "
        "annan region i RIS (t.ex. FI1D). Koderna står i regionvalet på dashboardens sidor "
        "Översikt och Jämför och i katalogens regionregister (indicators/catalogue/regions/)."
    )


def _strategies(catalogue: Catalogue, region: str, strategy_id: str | None) -> list[m.Strategy]:
    covering = [s for s in catalogue.strategies.values() if region in s.regions]
    if not strategy_id:
        return covering
    if strategy_id not in catalogue.strategies:
        known = ", ".join(s.id for s in covering) or "ingen"
        raise ExportError(
            f"okänd strategi: {strategy_id} (strategier som följer upp {region}: {known})"
        )
    strategy = catalogue.strategies[strategy_id]
    if region not in strategy.regions:
        raise ExportError(
            f"{region} följs inte upp av {strategy.name('sv')} "
            f"(dess regioner: {', '.join(strategy.regions)})"
        )
    return [strategy]


def _period(catalogue: Catalogue, period: str | None, today: date | None) -> str:
    if not period:
        return current_period(catalogue, today)
    try:
        return catalogue.mandate_period(period).id
    except KeyError as error:
        raise ExportError(str(error.args[0])) from error


# ---------------------------------------------------------------------------------------------
# HTML pieces


def _table(
    table: Table,
    css: str,
    cell_html: Callable[[int, str, str], str | None] | None = None,
    widths: dict[str, str] | None = None,
) -> str:
    """A table whose header repeats on every printed page; `cell_html(row, key, text)` may
    give a cell's HTML instead of its escaped text."""
    widths = widths or {}
    cols = "".join(
        f'<col style="width:{widths[key]}">' if key in widths else "<col>"
        for key, _ in table.columns
    )
    head = "".join(
        f'<th class="{"num" if key in table.numeric else ""}">{_e(heading)}</th>'
        for key, heading in table.columns
    )
    body = []
    for index, cells in enumerate(table.cells()):
        row = []
        for (key, _), text in zip(table.columns, cells, strict=True):
            shown = cell_html(index, key, text) if cell_html else None
            klass = "num" if key in table.numeric else key
            row.append(f'<td class="{klass}">{shown if shown is not None else _e(text)}</td>')
        body.append(f"<tr>{''.join(row)}</tr>")
    return (
        f'<table class="{css}"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _status(status: Status) -> str:
    """Icon and words, the colour only on the icon: never colour alone."""
    return (
        f'<span class="status status-{_e(status.code)}"><span class="icon">{_e(status.icon)}'
        f"</span> {_e(status.text)}</span>"
    )


def _card_line(line: str, strong: str | None) -> str:
    if strong and strong in line:
        before, _, after = line.partition(strong)
        return f"{_e(before)}<strong>{_e(strong)}</strong>{_e(after)}"
    return _e(line)


def _card(card: Card, label: str) -> str:
    lines = "".join(
        f"<li>{_card_line(line, card.strong.get(i))}</li>" for i, line in enumerate(card.lines)
    )
    return (
        '<div class="card"><div class="figure">'
        f'<div class="label">{_e(card.label)}</div><div class="value">{_e(card.value)}</div>'
        f'<div class="of">{_e(label)}</div></div><ul>{lines}</ul></div>'
    )


def _notes(texts: Iterable[str], css: str = "notes") -> str:
    items = "".join(f"<li>{_e(text)}</li>" for text in texts if text)
    return f'<ul class="{css}">{items}</ul>' if items else ""


# ---------------------------------------------------------------------------------------------
# The sections


def _ris_part(
    view: CompareView | None,
    catalogue: Catalogue,
    region: str,
    nuts2: str,
    latest: tuple[int, int] | None,
    lang: str,
) -> str:
    if latest is None:
        return f"<section><h2>RIS</h2><p>{_e(t('empty.no_warehouse', lang))}</p></section>"
    edition, year = latest
    parts = [f"<h2>{_e(_tx('ris.heading', lang, edition=edition))}</h2>"]
    measured = measured_text(catalogue, region, nuts2, lang)
    if measured:
        parts.append(f'<p class="measured">{_e(_tx("ris.measured", lang, measured=measured))}</p>')
    if view is None or view.card is None:
        name = catalogue.regions.name_of(nuts2, lang)
        message = t("empty.no_region_data", lang, region=name, edition=edition, year=year)
        parts.append(f"<p>{_e(message)}</p>")
        return f'<section class="ris">{"".join(parts)}</section>'
    parts.append(
        _card(view.card, _tx("ris.card_of", lang, region=view.region_name, edition=edition))
    )
    if view.gap is not None:
        widths = {
            "indicator": "33%",
            "region_value": "12%",
            "benchmark": "17%",
            "ratio": "8%",
            "rank": "15%",
            "share": "15%",
        }
        parts += [
            f"<h3>{_e(view.gap.heading)}</h3>",
            _table(view.gap.table, "gap", widths=widths),
            f'<p class="method">{_e(view.gap.method)}</p>',
        ]
    if view.caveats:
        parts += [f"<h4>{_e(_tx('caveats', lang))}</h4>", _notes(view.caveats)]
    return f'<section class="ris">{"".join(parts)}</section>'


def _summary(page: GoalPage, lang: str) -> str:
    rows = "".join(
        f"<tr><td>{_e(s.title)}</td><td>{_status(s.status)}</td><td>{_e(s.judged_text)}</td></tr>"
        for s in page.sections
    )
    head = "".join(
        f"<th>{_e(_tx(key, lang))}</th>"
        for key in ("goals.col.goal", "goals.col.status", "goals.col.judged")
    )
    return (
        '<table class="summary"><colgroup><col style="width:44%"><col style="width:19%">'
        f"<col></colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


_GOAL_WIDTHS = {
    "indicator": "20%",
    "target": "16.5%",
    "baseline": "10.5%",
    "latest": "9.5%",
    "change": "9.5%",
    "status": "12%",
    "reason": "22%",
}


def _goal_section(section: GoalSection, lang: str) -> str:
    rows = section.rows

    def cell(index: int, key: str, text: str) -> str | None:
        row = rows[index]
        if key == "status":
            return _status(row.status)
        if key == "indicator" and row.measured:
            return f'{_e(text)}<span class="for">{_e(row.measured)}</span>'
        return None

    parts = [
        f'<div class="goal"><h4>{_e(section.title)} <span class="verdict">'
        f"{_status(section.status)}</span></h4>"
    ]
    if section.note:
        parts.append(f'<p class="judged">{_e(section.note)}</p>')
    parts.append("</div>")
    if rows:
        parts.append(_table(section.table(lang), "goals", cell, _GOAL_WIDTHS))
    parts.append(_notes(section.footnotes, "notes footnotes"))
    return "".join(parts)


def _strategy_part(page: GoalPage, strategy: m.Strategy, period: str, lang: str) -> str:
    shown_period = period.replace("-", "–")
    parts = [
        f"<h3>{_e(page.strategy_name)}</h3>",
        '<p class="intro">'
        + _e(
            _tx(
                "goals.intro",
                lang,
                region=page.region_name,
                period=shown_period,
                owner=owner_text(strategy, lang),
            )
        )
        + "</p>",
    ]
    if page.about:
        parts.append(f'<p class="about">{_e(page.about)}</p>')
    if page.empty or not page.sections:
        parts.append(f"<p>{_e(page.empty)}</p>")
        return f'<section class="strategy"><div class="head">{"".join(parts)}</div></section>'
    parts.append(_summary(page, lang))
    goals = "".join(_goal_section(section, lang) for section in page.sections)
    return f'<section class="strategy"><div class="head">{"".join(parts)}</div>{goals}</section>'


def _goal_sources(
    reader: WarehouseReader,
    catalogue: Catalogue,
    page: GoalPage,
    strategy: m.Strategy,
    region: str,
    period: str,
    lang: str,
) -> list[str]:
    """The strategy's line, then every source of the values judged, with its load date, as the
    indicator views on Måluppföljning state them (each source once)."""
    lines: dict[str, None] = {}
    for section in page.sections:
        for row in section.rows:
            view = indicator_view(reader, catalogue, strategy.id, region, period, row.key, lang)
            if view is not None and view.source_line:
                lines[view.source_line] = None
    head = _tx(
        "sources.strategy", lang, strategy=page.strategy_name, owner=owner_text(strategy, lang)
    )
    return [head, *(lines or [_tx("sources.none", lang)])]


def _sources(
    view: CompareView | None,
    goal_sources: list[list[str]],
    links: str,
    made: str,
    lang: str,
) -> str:
    blocks = []
    if view is not None and view.source:
        blocks.append(f"<p>{_e(view.source)}</p>")
    for lines in goal_sources:
        head, *rest = lines
        blocks.append(f"<p>{_e(head)}</p>{_notes(rest)}")
    blocks.append(f'<p class="made">{_e(made)}. {_e(links)}</p>')
    return (
        f'<section class="sources"><h2>{_e(_tx("sources", lang))}</h2>{"".join(blocks)}</section>'
    )


# ---------------------------------------------------------------------------------------------
# The document

_CSS = """
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 9.5pt;
  line-height: 1.3; color: #1a1a1a; margin: 0; }
main { width: 100%; }
header.top { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 2px solid #1f4e79; padding-bottom: 2mm; margin-bottom: 3mm; }
header.top .kind { font-size: 9pt; color: #1f4e79; font-weight: 700; letter-spacing: .04em;
  text-transform: uppercase; }
header.top h1 { font-size: 17pt; margin: .5mm 0 0; }
header.top .meta { text-align: right; font-size: 8.5pt; color: #444; }
header.top .meta .brand { font-weight: 700; color: #1f4e79; font-size: 10pt; }
h2 { font-size: 12.5pt; color: #1f4e79; margin: 4mm 0 1.5mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 3.5mm 0 1.2mm; break-after: avoid; }
h4 { font-size: 9.5pt; margin: 2.5mm 0 .8mm; break-after: avoid; }
p { margin: 0 0 1.5mm; }
.measured { font-weight: 700; background: #eef3f8; border-left: 3px solid #1f4e79;
  padding: 1mm 2mm; }
.card { display: flex; gap: 5mm; align-items: center; border: 1px solid #c8d3de;
  border-radius: 2mm; padding: 2mm 4mm; margin: 2mm 0 1mm; break-inside: avoid; }
.card .figure { min-width: 38mm; text-align: center; }
.card .label { font-size: 8.5pt; color: #444; }
.card .value { font-size: 24pt; font-weight: 700; color: #1f4e79; line-height: 1.1; }
.card .of { font-size: 8pt; color: #444; }
.card ul { margin: 0; padding-left: 4mm; }
.card li { margin: .2mm 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 1.5mm;
  font-size: 8.5pt; line-height: 1.22; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 700; background: #e4ebf2; border-bottom: 1px solid #8aa1b8;
  padding: .8mm 1.2mm; vertical-align: bottom; font-size: 8pt; overflow-wrap: break-word; }
td { padding: .6mm 1.2mm; border-bottom: .5px solid #d5dce3; vertical-align: top;
  overflow-wrap: break-word; }
tbody tr:nth-child(even) td { background: #f6f8fa; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; }
table.goals { font-size: 8pt; }
table.goals th { font-size: 7.5pt; }
table.goals td, table.goals th { padding-left: 1mm; padding-right: 1mm; }
table.goals td.reason, table.goals td.target { color: #333; }
table.goals .status { white-space: normal; }
table.goals td.num { white-space: normal; }
td .for { display: block; font-size: 7pt; color: #555; font-style: italic; }
.status { white-space: nowrap; }
.status .icon { display: inline-block; min-width: 1em; text-align: center; font-weight: 700; }
.status-met .icon, .status-on_track .icon { color: #006e4f; }
.status-speed_up .icon { color: #8a5a00; }
.status-limited .icon, .status-worsening .icon { color: #b24a00; }
.status-unknown .icon, .status-insufficient .icon { color: #666; }
h4 .verdict { font-weight: 400; margin-left: 2mm; padding: .2mm 1.5mm; border: 1px solid #bbb;
  border-radius: 1mm; white-space: nowrap; }
.goal, .head { break-inside: avoid; break-after: avoid; }
.judged, .intro, .about, .method { font-size: 8pt; color: #333; }
.notes { margin: .5mm 0 1.5mm; padding-left: 4mm; font-size: 7.5pt; color: #333; }
.notes li { margin: .3mm 0; }
.sources p, .sources li { font-size: 8pt; }
.sources .made { margin-top: 2mm; color: #444; }
.legend { font-size: 8pt; color: #444; }
.screen-only { display: none; }
@media screen {
  body { background: #e9ecef; }
  main { width: 210mm; margin: 6mm auto; padding: 15mm; background: #fff;
    box-shadow: 0 0 3mm rgba(0, 0, 0, .2); }
  .screen-only { display: block; font-size: 9pt; background: #fff8dc; border: 1px solid #e0c96b;
    padding: 2mm 3mm; margin-bottom: 4mm; }
}
"""


def _document(title: str, lang: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def profile_html(
    reader: WarehouseReader,
    catalogue: Catalogue,
    region: str,
    strategy_id: str | None,
    period: str | None,
    lang: str,
    *,
    today: date | None = None,
) -> str:
    """The region's profile as one HTML document for A4 print: its RIS standing (for a län
    its NUTS2 region's, said so), the gap table, every delmål's status in `period` (default:
    the current mandate period) for every strategy covering the region (or only
    `strategy_id`), and the sources with their dates. Raises ExportError for an unknown
    region, strategy or period."""
    lang = "en" if lang == "en" else "sv"
    region = _region(catalogue, region)
    strategies = sorted(_strategies(catalogue, region, strategy_id), key=lambda s: s.name(lang))
    period = _period(catalogue, period, today)
    made_on = format_date(today or date.today())
    name = catalogue.regions.name_of(region, lang)
    nuts2 = ris_region(catalogue, region)

    latest = ris.latest_edition(reader)
    view = compare_view(reader, catalogue, nuts2, *latest, lang) if latest else None

    goal_parts, goal_sources = [], []
    for strategy in strategies:
        page = goal_page(reader, catalogue, strategy.id, region, period, lang, hints=False)
        goal_parts.append(_strategy_part(page, strategy, period, lang))
        goal_sources.append(_goal_sources(reader, catalogue, page, strategy, region, period, lang))
    if not strategies:
        goal_parts.append(f"<p>{_e(_tx('goals.no_strategy', lang, region=name))}</p>")

    title = f"{_tx('title', lang)}: {name} ({region})"
    made = _tx("made", lang, date=made_on)
    links = _tx(
        "pages",
        lang,
        compare=f"/jamfor?region={nuts2}&lang={lang}",
        goals="".join(
            f", /maluppfoljning?strategy={s.id}&region={region}&period={period}&lang={lang}"
            for s in strategies
        ),
    )
    header = (
        '<header class="top"><div>'
        f'<div class="kind">{_e(_tx("title", lang))}</div>'
        f"<h1>{_e(name)} ({_e(region)})</h1></div>"
        f'<div class="meta"><div class="brand">rusmon</div><div>{_e(made_on)}</div>'
        f"<div>{_e(t('control.period', lang))} {_e(period.replace('-', '–'))}</div></div>"
        "</header>"
    )
    body = "".join(
        [
            f'<p class="screen-only">{_e(_tx("print_hint", lang))}</p>',
            header,
            _ris_part(view, catalogue, region, nuts2, latest, lang),
            '<section class="follow-up"><h2>'
            + _e(_tx("goals.heading", lang, period=period.replace("-", "–")))
            + "</h2>"
            + "".join(goal_parts)
            + "</section>",
            _sources(view, goal_sources, links, made, lang),
        ]
    )
    if '<span lang="sv">' in body:  # what the marker "[sv]" means, where one is shown
        body += f'<p class="legend">{_e(t("untranslated.legend", lang))}</p>'
    return _document(title, lang, body)


# ---------------------------------------------------------------------------------------------
# The PDF


def _footer_template(page_html: str) -> str:
    """Chromium's running footer: the document's title, and page n of N, on every page."""
    start = page_html.find("<title>") + len("<title>")
    title = page_html[start : page_html.find("</title>", start)] if start > 6 else ""
    lang = "en" if '<html lang="en"' in page_html else "sv"
    return (
        '<div style="font-family: DejaVu Sans, sans-serif; font-size: 7pt; color: #555; '
        'width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;">'
        f"<span>rusmon · {title}</span><span>{_tx('page', lang)} "
        f'<span class="pageNumber"></span> {_tx("of", lang)} <span class="totalPages"></span>'
        "</span></div>"
    )


def write_profile_pdf(html: str, out: Path) -> int:
    """Print `html` to `out` as A4 with the system Chromium, every network request refused;
    returns the number of pages. Printed from a thread of its own: Playwright's sync API
    refuses to run where an asyncio loop is already running (another Playwright session in
    the same thread, an async server)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rusmon-pdf") as pool:
        return pool.submit(_print_pdf, html, Path(out)).result()


def _print_pdf(html: str, out: Path) -> int:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    if not Path(CHROMIUM).is_file():
        raise ExportError(f"Chromium saknas ({CHROMIUM}): installera Debians paket chromium")
    out = Path(out)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            try:
                context = browser.new_context(java_script_enabled=False, offline=True)
                page = context.new_page()
                page.route("**/*", lambda route: route.abort())  # the document needs nothing
                page.set_content(html, wait_until="load", timeout=PRINT_TIMEOUT_MS)
                page.emulate_media(media="print")
                page.pdf(
                    path=str(out),
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=_footer_template(html),
                    margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
                )
            finally:
                browser.close()
    except PlaywrightError as error:
        raise ExportError(f"PDF:en kunde inte skrivas ut med Chromium: {error}") from error
    return len(PdfReader(str(out)).pages)


# ---------------------------------------------------------------------------------------------
# The print-friendly page in the app


def register_profile_route(
    server: Flask,
    reader_of: Callable[[], WarehouseReader],
    catalogue_of: Callable[[], Catalogue],
) -> None:
    """GET /profil?region=SE125[&strategy=ID][&period=2023-2026][&lang=en]: the profile as a
    print-friendly page (no navigation, no controls); 400 with a plain message for a region,
    strategy or period it does not know."""

    def profile() -> Response:
        args = request.args
        lang = "en" if args.get("lang") == "en" else "sv"
        if not args.get("region"):
            return Response(_tx("no_region", lang), status=400, mimetype="text/plain")
        try:
            page = profile_html(
                reader_of(),
                catalogue_of(),
                args.get("region", ""),
                args.get("strategy") or None,
                args.get("period") or None,
                lang,
            )
        except ExportError as error:
            message = str(error)
            return Response(message[:1].upper() + message[1:], status=400, mimetype="text/plain")
        return Response(page, mimetype="text/html")

    server.add_url_rule(ROUTE, "rusmon_profile", profile, methods=["GET"])

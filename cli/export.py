"""`rusmon export chart|deck|profile|html`: what an analyst puts on a conference slide."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from indicators.catalogue import catalogue
from indicators.settings import load_settings


def _reader():
    from dashboard.data_access.reader import WarehouseReader

    return WarehouseReader(load_settings().database_url)


def _written(path: Path, what: str) -> int:
    size = path.stat().st_size
    print(f"rusmon export: {what} skriven till {path} ({size / 1024:,.0f} kB)".replace(",", " "))
    return 0


def _chart(args: argparse.Namespace) -> int:
    from dashboard.export.charts import chart_from_permalink, export_chart

    chart, lang = chart_from_permalink(_reader(), catalogue(), args.permalink, args.chart)
    content, name = export_chart(chart, args.format, lang)
    out = Path(args.out) if args.out else Path(name)
    out.write_bytes(content)
    return _written(out, f"diagram ({args.format})")


def _deck(args: argparse.Namespace) -> int:
    from dashboard.export.deck import build_deck
    from dashboard.export.pptx_writer import write_deck
    from dashboard.views.goals import current_period

    cat = catalogue()
    period = args.period or current_period(cat)
    deck = build_deck(
        _reader(),
        cat,
        args.strategy,
        args.region,
        period,
        args.lang,
        images=args.images,
        benchmark=args.benchmark,
    )
    out = Path(args.out)
    write_deck(deck, out, Path(args.template) if args.template else None)
    return _written(out, f"presentation med {len(deck.slides)} bilder")


def _profile(args: argparse.Namespace) -> int:
    from dashboard.export.profile import profile_html, write_profile_pdf

    page = profile_html(_reader(), catalogue(), args.region, args.strategy, args.period, args.lang)
    out = Path(args.out)
    pages = write_profile_pdf(page, out)
    return _written(out, f"regionprofil ({pages} sidor A4)")


def _html(args: argparse.Namespace) -> int:
    from dashboard.export.deck import deck_parts
    from dashboard.export.offline_html import offline_html
    from dashboard.views.goals import current_period

    cat = catalogue()
    period = args.period or current_period(cat)
    parts = deck_parts(
        _reader(), cat, args.strategy, args.region, period, args.lang, args.benchmark
    )
    out = Path(args.out)
    out.write_text(offline_html(parts, args.lang), encoding="utf-8")
    return _written(out, f"offlinepresentation med {len(parts)} bilder")


def add_parser(commands) -> None:
    export = commands.add_parser(
        "export", help="bilder, PowerPoint, regionprofil (PDF) och offlinepresentation"
    )
    kinds = export.add_subparsers(dest="kind", required=True)

    chart = kinds.add_parser(
        "chart", help="ett diagram från en permalänk som bild (1920×1080) eller CSV"
    )
    chart.add_argument(
        "permalink",
        metavar="PERMALÄNK",
        help="sidans adress, t.ex. '/jamfor?region=SE33' eller hela http://…-adressen",
    )
    chart.add_argument("--chart", metavar="DIAGRAM", help="på Jämför: bars (standard) eller trend")
    chart.add_argument("--format", choices=("png", "svg", "pdf", "csv"), default="png")
    chart.add_argument("--out", metavar="FIL", help="filnamn (standard: ett läsbart namn)")
    chart.set_defaults(handler=_chart)

    deck = kinds.add_parser("deck", help="PowerPoint med redigerbara diagram och talarnoter")
    deck.add_argument("--strategy", required=True, metavar="ID", help="strategins id")
    deck.add_argument("--region", required=True, metavar="KOD", help="NUTS-kod, t.ex. SE125")
    deck.add_argument("--period", metavar="2023-2026", help="mandatperiod (standard: pågående)")
    deck.add_argument("--lang", choices=("sv", "en"), default="sv")
    deck.add_argument("--benchmark", default="leaders", help="jämförelsegrupp för RIS-bilderna")
    deck.add_argument("--template", metavar="MALL.pptx", help="regionens egen PowerPoint-mall")
    deck.add_argument("--images", action="store_true", help="diagram som bilder i stället")
    deck.add_argument("--out", required=True, metavar="FIL.pptx")
    deck.set_defaults(handler=_deck)

    profile = kinds.add_parser("profile", help="regionprofil, 2–4 sidor A4 (PDF)")
    profile.add_argument("--region", required=True, metavar="KOD", help="NUTS-kod, t.ex. SE125")
    profile.add_argument(
        "--strategy", metavar="ID", help="bara denna strategi (standard: alla som gäller regionen)"
    )
    profile.add_argument("--period", metavar="2023-2026", help="mandatperiod (standard: pågående)")
    profile.add_argument("--lang", choices=("sv", "en"), default="sv")
    profile.add_argument("--out", required=True, metavar="FIL.pdf")
    profile.set_defaults(handler=_profile)

    offline = kinds.add_parser(
        "html", help="presentationen som en fristående HTML-fil som fungerar utan nät"
    )
    offline.add_argument("--strategy", required=True, metavar="ID", help="strategins id")
    offline.add_argument("--region", required=True, metavar="KOD", help="NUTS-kod, t.ex. SE125")
    offline.add_argument("--period", metavar="2023-2026", help="mandatperiod (standard: pågående)")
    offline.add_argument("--lang", choices=("sv", "en"), default="sv")
    offline.add_argument("--benchmark", default="leaders", help="jämförelsegrupp för RIS-bilderna")
    offline.add_argument("--out", required=True, metavar="FIL.html")
    offline.set_defaults(handler=_html)


def run(args: argparse.Namespace) -> int:
    from dashboard.export.errors import ExportError

    try:
        return args.handler(args)
    except ExportError as error:
        print(f"rusmon export {args.kind}: {error}", file=sys.stderr)
        return 1

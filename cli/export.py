"""`rusmon export chart|deck|profile|html`: what an analyst puts on a conference slide.

Every file is written to a temporary name beside the target and renamed when complete, so a
failed export never leaves half a file behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from indicators.catalogue import catalogue
from indicators.settings import load_settings

BENCHMARKS = ("leaders", "strong", "eu", "sweden", "nordic")  # dashboard.data_access.ris
CHART_FORMATS = ("png", "svg", "pdf", "csv")


class ExportUsageError(Exception):
    """A request the export cannot carry out as given: a message, exit 1."""


def _reader():
    from dashboard.data_access.reader import WarehouseReader

    return WarehouseReader(load_settings().database_url)


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size} byte" if size < 10_240 else f"{size / 1024:,.0f} kB".replace(",", " ")


def _target(out: str, suffixes: tuple[str, ...]) -> Path:
    """The output file, checked before any work: its folder exists and its suffix says what
    it will hold."""
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise ExportUsageError(f"--out {out}: filen ska sluta på {' eller '.join(suffixes)}")
    if not path.parent.is_dir():
        raise ExportUsageError(f"--out {out}: mappen {path.parent} finns inte")
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write(path: Path, fill: Callable[[Path], object], what: str) -> int:
    """`fill(temporary path)` writes the file; it is renamed to `path` only when complete."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        fill(temporary)
        # mkstemp makes the file private (0600); an export is shared like any file written
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    print(f"rusmon export: {what} skriven till {path} ({_size(path)})")
    return 0


def _period(period: str | None) -> str:
    from dashboard.views.goals import current_period

    cat = catalogue()
    if period is None:
        return current_period(cat)
    known = [p.id for p in cat.mandate_periods]
    if period not in known:
        raise ExportUsageError(
            f"--period {period} är ingen mandatperiod (kända: {', '.join(known)})"
        )
    return period


def _chart(args: argparse.Namespace, reader) -> int:
    from dashboard.export.charts import chart_from_permalink, export_chart

    fmt = args.format
    if args.out:
        suffix = Path(args.out).suffix.lower().lstrip(".")
        if suffix == "pptx":
            raise ExportUsageError(
                f"--out {args.out}: en bild eller data, inte en presentation (.png, .svg, .pdf "
                "eller .csv); en presentation görs av rusmon export deck"
            )
        fmt = fmt or (suffix if suffix in CHART_FORMATS else None)
        _target(args.out, (f".{fmt}",) if fmt else tuple(f".{f}" for f in CHART_FORMATS))
    fmt = fmt or "png"
    chart, lang = chart_from_permalink(reader, catalogue(), args.permalink, args.chart)
    content, name = export_chart(chart, fmt, lang)
    out = Path(args.out or name)
    drawn = "karta" if any(trace.type == "choropleth" for trace in chart.figure.data) else "diagram"
    return _write(out, lambda path: path.write_bytes(content), f"{drawn} ({fmt})")


def _deck(args: argparse.Namespace, reader) -> int:
    from dashboard.export.deck import build_deck
    from dashboard.export.pptx_writer import write_deck

    out = _target(args.out, (".pptx",))
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise ExportUsageError(f"--template {template}: filen finns inte")
    deck = build_deck(
        reader,
        catalogue(),
        args.strategy,
        args.region.upper(),
        _period(args.period),
        args.lang,
        images=args.images,
        benchmark=args.benchmark,
    )

    def fill(path: Path) -> None:
        try:
            write_deck(deck, path, template)
        except Exception as error:  # python-pptx: not a zip, not a presentation, …
            if template is None:
                raise
            raise ExportUsageError(
                f"--template {template}: kan inte läsas som PowerPoint-mall ({error})"
            ) from error

    return _write(out, fill, f"presentation med {len(deck.slides)} bilder")


def _profile(args: argparse.Namespace, reader) -> int:
    from dashboard.export.profile import profile_html, write_profile_pdf

    out = _target(args.out, (".pdf",))
    period = _period(args.period) if args.period else None
    page = profile_html(reader, catalogue(), args.region.upper(), args.strategy, period, args.lang)
    pages: list[int] = []
    _write(out, lambda path: pages.append(write_profile_pdf(page, path)), "regionprofil")
    print(f"rusmon export: {pages[0]} sidor A4")
    return 0


def _html(args: argparse.Namespace, reader) -> int:
    from dashboard.export.deck import deck_parts
    from dashboard.export.offline_html import offline_html

    out = _target(args.out, (".html", ".htm"))
    region, period = args.region.upper(), _period(args.period)
    parts = deck_parts(
        reader, catalogue(), args.strategy, region, period, args.lang, args.benchmark
    )
    text = offline_html(parts, args.lang)
    return _write(
        out,
        lambda path: path.write_text(text, encoding="utf-8"),
        f"offlinepresentation med {len(parts)} bilder",
    )


def _deck_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strategy",
        metavar="ID",
        help="strategins id (utan: bara RIS-bilderna för regionen, som på Jämför)",
    )
    parser.add_argument("--region", required=True, metavar="KOD", help="NUTS-kod, t.ex. SE125")
    parser.add_argument("--period", metavar="2023-2026", help="mandatperiod (standard: pågående)")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv")
    parser.add_argument(
        "--benchmark",
        choices=BENCHMARKS,
        default="leaders",
        help="jämförelsegrupp för RIS-bilderna (standard: leaders = innovationsledarna)",
    )


def add_parser(commands) -> None:
    export = commands.add_parser(
        "export", help="bilder, PowerPoint, regionprofil (PDF) och offlinepresentation"
    )
    kinds = export.add_subparsers(dest="kind", required=True, metavar="VAD")

    chart = kinds.add_parser(
        "chart", help="ett diagram från en permalänk som bild (1920×1080) eller CSV"
    )
    chart.add_argument(
        "permalink",
        metavar="PERMALÄNK",
        help="sidans adress, t.ex. '/jamfor?region=SE33' eller hela http://…-adressen",
    )
    chart.add_argument(
        "--chart",
        metavar="DIAGRAM",
        help=(
            "standard: det länken visar (kartan med view=map). Jämför: bars, trend eller map; "
            "Måluppföljning: goal; "
            "Indikatorer: lines eller map"
        ),
    )
    chart.add_argument(
        "--format",
        choices=CHART_FORMATS,
        help="standard: filändelsen i --out, annars png",
    )
    chart.add_argument("--out", metavar="FIL", help="filnamn (standard: ett läsbart namn)")
    chart.set_defaults(handler=_chart)

    deck = kinds.add_parser("deck", help="PowerPoint med redigerbara diagram och talarnoter")
    _deck_options(deck)
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
    _deck_options(offline)
    offline.add_argument("--out", required=True, metavar="FIL.html")
    offline.set_defaults(handler=_html)


def run(args: argparse.Namespace) -> int:
    from dashboard.data_access.reader import WarehouseUnavailable
    from dashboard.export.errors import ExportError

    reader = _reader()
    try:
        with reader.pinned():  # one export, one version of the warehouse, even if a load lands
            return args.handler(args, reader)
    except WarehouseUnavailable:
        print(
            f"rusmon export {args.kind}: lagret (databasen) svarar inte: försök igen om en stund",
            file=sys.stderr,
        )
        return 1
    except (ExportError, ExportUsageError) as error:
        print(f"rusmon export {args.kind}: {error}", file=sys.stderr)
        return 1

"""Export timings on the real warehouse, each printed beside its target:

- the PowerPoint deck for Västmanland 2019–2022 with native charts (≥ 12 slides), ≤ 5 s;
- the same deck with --images, browser start included, ≤ 15 s;
- kaleido's start-up with the first slide image, then one slide image after start-up
  (median of 10 PNGs of Jämför's bars for Övre Norrland), ≤ 0.5 s;
- the region profile PDF for Västmanlands län, ≤ 10 s;
- the offline presentation file (size and time).

The deck, profile and offline file are timed as a user runs them: `rusmon export …` in a new
process (Python start, imports and the warehouse's first queries included).

Usage: make etl; .venv/bin/python bench/export.py   (needs /usr/bin/chromium)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pptx import Presentation

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from indicators.catalogue import catalogue
from indicators.formatting import format_number
from indicators.settings import load_settings

RUNS = 10
STRATEGY, REGION, PERIOD = "vastmanland_rus_2030", "SE125", "2019-2022"
RUSMON = [sys.executable, "-c", "from cli.main import console_main; console_main()"]


def report(what: str, seconds: float, target: float | None) -> None:
    aim = f" (mål ≤ {format_number(target, 1)} s)" if target else ""
    verdict = "  ÖVER MÅLET" if target and seconds > target else ""
    print(f"{what}: {format_number(seconds, 2)} s{aim}{verdict}", flush=True)


def timed_export(*args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([*RUSMON, "export", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"rusmon export {args[0]} misslyckades: {done.stderr.strip()}")
    return seconds


def bench_deck(folder: Path) -> None:
    for images, target in ((False, 5.0), (True, 15.0)):
        out = folder / f"deck-{images}.pptx"
        extra = ["--images"] if images else []
        base = ["deck", "--strategy", STRATEGY, "--region", REGION, "--period", PERIOD]
        seconds = timed_export(*base, *extra, "--out", str(out))
        slides = Presentation(str(out)).slides
        charts = sum(shape.has_chart for slide in slides for shape in slide.shapes)
        pictures = sum(shape.shape_type == 13 for slide in slides for shape in slide.shapes)
        what = "bilder" if images else "inbyggda diagram"
        report(
            f"presentation Västmanland {PERIOD}, {len(slides)} bilder, "
            f"{charts if not images else pictures} {what}",
            seconds,
            target,
        )


def bench_images(reader: WarehouseReader) -> None:
    from dashboard.export.browser import ensure_kaleido
    from dashboard.export.images import slide_image
    from dashboard.export.slide import SlideFrame
    from dashboard.views.compare import compare_view

    edition, year = ris.latest_edition(reader)
    view = compare_view(reader, catalogue(), "SE33", edition, year, "sv")
    frame = SlideFrame(view.title, view.intro, source=view.source, notes=tuple(view.caveats))
    start = time.perf_counter()
    ensure_kaleido()
    slide_image(view.bars, frame, "png", "sv")
    report("uppstart av Chromium och första bilden", time.perf_counter() - start, None)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        slide_image(view.bars, frame, "png", "sv")
        times.append(time.perf_counter() - start)
    report(f"en bild efter uppstart (median av {RUNS})", statistics.median(times), 0.5)


def bench_profile(folder: Path) -> None:
    out = folder / "profil.pdf"
    seconds = timed_export("profile", "--region", REGION, "--out", str(out))
    from pypdf import PdfReader

    report(f"regionprofil {REGION}, {len(PdfReader(out).pages)} sidor A4", seconds, 10.0)


def bench_offline(folder: Path) -> None:
    out = folder / "presentation.html"
    base = ["html", "--strategy", STRATEGY, "--region", REGION, "--period", PERIOD]
    seconds = timed_export(*base, "--out", str(out))
    size = format_number(out.stat().st_size / 1e6, 1)
    report(f"offlinepresentation ({size} MB, plotly.js inbyggt)", seconds, None)


def main() -> None:
    reader = WarehouseReader(load_settings().database_url)
    if ris.latest_edition(reader) is None or not reader.has_view("goal_status"):
        sys.exit("lagret saknar RIS eller bedömningar: kör `make etl` först")
    with tempfile.TemporaryDirectory() as folder:
        bench_deck(Path(folder))
        bench_images(reader)
        bench_profile(Path(folder))
        bench_offline(Path(folder))


if __name__ == "__main__":
    main()

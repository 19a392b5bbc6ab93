"""Export timings: kaleido's start-up with the first slide image, then one slide image after
start-up (median of 10 PNGs), each printed beside its target.

Usage: .venv/bin/python bench/export.py   (needs /usr/bin/chromium; no warehouse)
"""

from __future__ import annotations

import statistics
import time

import pandas as pd

from dashboard.export.browser import ensure_kaleido
from dashboard.export.images import slide_image
from dashboard.export.slide import SlideFrame
from dashboard.figures.leader_bars import leader_ratio_bars
from indicators.formatting import format_number

RUNS = 10

# BENCH DATA: invented ratios for ten RIS-like indicators; only the drawing is timed.
RATIOS = pd.DataFrame(
    {
        "label": [f"Indikator {n} med ett ganska långt namn" for n in range(1, 11)],
        "region_value": [50.0 + 10 * n for n in range(10)],
        "leader_mean": [100.0] * 10,
        "ratio": [0.5 + 0.1 * n for n in range(10)],
    }
)
FRAME = SlideFrame(
    "Övre Norrland jämfört med innovationsledarna",
    "Övre Norrland (SE33) · innovationsledarna · RIS 2023",
    source="Källa: Europeiska kommissionen, Regional Innovation Scoreboard 2023",
    notes=("† Flat över tiden: indikatorn har samma värde alla år i RIS.",),
)


def report(what: str, seconds: float, target: float) -> None:
    verdict = "" if seconds <= target else "  ÖVER MÅLET"
    print(
        f"{what}: {format_number(seconds, 2)} s (mål ≤ {format_number(target, 1)} s){verdict}",
        flush=True,
    )


def bench_images() -> None:
    figure = leader_ratio_bars(RATIOS, year=2023)
    start = time.perf_counter()
    ensure_kaleido()
    slide_image(figure, FRAME, "png", "sv")
    report("uppstart och första bilden", time.perf_counter() - start, 10.0)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        slide_image(figure, FRAME, "png", "sv")
        times.append(time.perf_counter() - start)
    report(f"en bild efter uppstart (median av {RUNS})", statistics.median(times), 0.5)


def main() -> None:
    # One line per part: bench_deck(), bench_profile() … join here.
    bench_images()


if __name__ == "__main__":
    main()

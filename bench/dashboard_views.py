"""The main views computed without the cache (min and median of 7 runs, after one warm-up),
printed beside the wrk figures so the cached and the uncached cost are both on record.

Usage: dashboard_views.py   (RUSMON_DATABASE_URL points at the warehouse)
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from dashboard import context
from dashboard.app import create_app
from dashboard.views.compare import compare_view
from dashboard.views.explorer import explorer_view
from dashboard.views.goals import goal_page, indicator_view
from dashboard.views.maps import europe_map_view, locator_view, sweden_map_view
from dashboard.views.overview import overview_view
from indicators.catalogue import catalogue

RUNS = 7


def main_views(reader, cat) -> dict[str, Callable[[], object]]:
    """The main views by callback name (bench/dashboard_browser.py's CALLBACKS), each a
    function that builds its view; also used by bench/scale.py."""
    return {
        "oversikt": lambda: overview_view(reader, cat, "SE125", "sv"),
        "jamfor": lambda: compare_view(reader, cat, "SE33", 2023, 2023, "sv"),
        "jamfor-nordiska": lambda: compare_view(
            reader, cat, "SE33", 2023, 2023, "sv", "nordic", ("SE12", "SE21")
        ),
        "maluppfoljning-lista": lambda: goal_page(
            reader, cat, "vastmanland_rus_2030", "SE125", "2019-2022", "sv"
        ),
        "maluppfoljning-diagram": lambda: indicator_view(
            reader, cat, "vasterbotten_innovation_strategy", "SE331", "2019-2022", "1|ris:RII", "sv"
        ),
        "indikatorer": lambda: explorer_view(
            reader,
            cat,
            "matching_rate_20_64",
            ["SE213", "SE125", "SE331"],
            "series",
            None,
            "KM",
            None,
            False,
            "sv",
        ),
        "jamfor-karta": lambda: europe_map_view(
            reader, cat, "SE33", 2023, 2023, "sv", geometry_url=lambda key: key
        ),
        "indikatorer-karta": lambda: sweden_map_view(
            reader, cat, "unemployment_rate_20_64", None, "T", ["SE331"], "sv", lambda key: key
        ),
        "oversikt-karta": lambda: locator_view(reader, cat, "SE331", "sv", lambda key: key),
    }


def main() -> None:
    create_app()
    views = main_views(context.reader(), catalogue())
    print(f"\n{'vy utan cache':<24} {'min ms':>8} {'median ms':>10}")
    for name, build in views.items():
        build()
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            build()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:<24} {min(times):>8.1f} {statistics.median(times):>10.1f}")


if __name__ == "__main__":
    main()

"""Browser half of bench/dashboard.sh: records the main callbacks' real requests (so wrk sends
exactly what a browser sends) and times, on the page's own clock, navigation to the first chart
and map shown, and the map from a click on its tab or a link inside the app.

Usage: dashboard_browser.py URL OUTDIR
Writes OUTDIR/<name>.json (the request body) and OUTDIR/<name>.url (where Dash posts it; Dash 4
gives each callback its own endpoint) per callback.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# callback name -> (page to open, the output the request is for); the overview's body comes
# with the page, so its callback is recorded from choosing another region
CALLBACKS = {
    "oversikt": ("/?region=SE331", "overview-body.children"),
    "jamfor": ("/jamfor?region=SE33", "compare-heading.children"),
    "jamfor-nordiska": (
        "/jamfor?region=SE33&benchmark=nordic&also=SE12,SE21",
        "compare-heading.children",
    ),
    "maluppfoljning-lista": ("/maluppfoljning?period=2019-2022", "goals-list.children"),
    "maluppfoljning-diagram": (
        "/maluppfoljning?strategy=vasterbotten_innovation_strategy&period=2019-2022"
        "&pick=1%7Cris%3ARII",
        "goals-chart.figure",
    ),
    "indikatorer": (
        "/indikatorer?indicator=matching_rate_20_64&regions=SE213,SE125,SE331&sex=KM",
        "explorer-chart.figure",
    ),
    # the maps: Jämför's Europe map, Indikatorer's Sweden map, Översikt's locator map (a page
    # opened on a map draws it with the page: Jämför's map callback is recorded from changing
    # its colouring, the locator map's from choosing another region)
    "jamfor-karta": ("/jamfor?region=SE33&view=map", "compare-map.figure"),
    "indikatorer-karta": (
        "/indikatorer?indicator=unemployment_rate_20_64&view=map",
        "explorer-map.figure",
    ),
    "oversikt-karta": ("/?region=SE331", "overview-map.figure"),
}
# The maps timed from navigation: (page, the graph whose regions are drawn)
MAPS = {
    "/jamfor?region=SE33&view=map": "compare-map",
    "/indikatorer?indicator=unemployment_rate_20_64&view=map": "explorer-map",
}
MAP_DRAWN = "(id) => document.querySelectorAll('#' + id + ' path.choroplethlocation').length > 0"
FIRST_CHART_RUNS = 5


def record(page, url: str, output: str) -> tuple[str, dict]:
    captured: list[tuple[str, dict]] = []

    def keep(request):
        if request.method == "POST" and request.post_data and '"output"' in request.post_data:
            body = json.loads(request.post_data)
            if output in body.get("output", ""):
                captured.append((request.url, body))

    page.on("request", keep)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # a page that brings its figure draws it first and asks for the rest after: on a cold
    # browser that drawing can outlast networkidle's half second
    for _ in range(50):
        if captured:
            break
        page.wait_for_timeout(100)
    if not captured and output.startswith("overview-"):
        page.locator("#overview-region").click()
        page.locator("input.dash-dropdown-search").fill("Västmanlands")
        page.locator(".dash-options-list-option", has_text="Västmanlands").first.click()
        page.wait_for_load_state("networkidle")
    if not captured and output.startswith("compare-map"):
        # a page opened on the map draws it with the page: record the map's callback from
        # the other colouring (performance group), then back to the ratio it opened with
        for colour in ("group", "ratio"):
            page.locator(f"#compare-map-colour input[value={colour}]").check()
            page.wait_for_load_state("networkidle")
    page.remove_listener("request", keep)
    if not captured:
        raise SystemExit(f"no request for {output} on {url}")
    return captured[-1]


# The page's own clock (performance.now(): ms since the navigation started, or since the click)
# at the frame that first shows the chart: a MutationObserver sees the drawn element and the next
# animation frame is the one painted with it. Timed inside the page, because Playwright polling
# from outside lags when a long task follows the drawing (the same Jämför map: 2.1 s by
# wait_for_selector, 1.1 s by the page's own frame).
SHOWN = {
    "compare-bars": "#compare-bars .barlayer .point",
    "explorer-chart": "#explorer-chart .scatterlayer .trace",
    "compare-map": "#compare-map path.choroplethlocation",
    "explorer-map": "#explorer-map path.choroplethlocation",
}
CHARTS_TIMED = {"/jamfor?region=SE33": "compare-bars", "/indikatorer": "explorer-chart"}
STOPWATCH = """
window.__watch = window.__watch || {};
window.__watchFrom = (selector, start) => { window.__watch = {selector, start}; };
document.addEventListener('click', () => {
  const w = window.__watch;
  if (w.selector && w.start === undefined) w.start = performance.now();
}, true);
new MutationObserver(() => {
  const w = window.__watch;
  if (w.selector && w.start !== undefined && w.seen === undefined
      && document.querySelector(w.selector)) {
    w.seen = performance.now();
    requestAnimationFrame(() => { w.shown = performance.now(); });
  }
}).observe(document, {subtree: true, childList: true});
"""


def _stopwatch(page) -> float:
    page.wait_for_function("() => window.__watch.shown", polling=16, timeout=30_000)
    return page.evaluate("() => window.__watch.shown - window.__watch.start")


def _timed_visit(page) -> float:
    page.goto(page.timed_url, wait_until="commit")
    elapsed = _stopwatch(page)
    # the page goes on with its later callbacks after the chart: let it finish, so the next
    # visit starts from an idle page, as a reader's would
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return elapsed


VISITS = ("första besöket", "andra, skript i cache", "tredje, kompilerad kod i cache")


def first_shown_ms(browser, url: str, graph: str, runs: int) -> dict[str, list[float]]:
    """From navigation to the chart or map first shown, on the first, second and third visit
    of one browser: the first with an empty cache; the second with the scripts cached but
    compiled again; from the third Chromium also keeps their compiled code, as for an analyst
    who works in the app."""
    visits: dict[str, list[float]] = {kind: [] for kind in VISITS}
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        watch = json.dumps({"selector": SHOWN[graph], "start": 0})
        context.add_init_script(f"window.__watch = {watch};" + STOPWATCH)
        page = context.new_page()
        page.timed_url = url
        for kind in VISITS:
            visits[kind].append(_timed_visit(page))
        context.close()
    return visits


# The maps opened inside the app: (page, its "Diagram | Karta" tabs, the map's graph)
TABS = {
    "/jamfor?region=SE33": ("compare-view", "compare-map"),
    "/indikatorer?indicator=unemployment_rate_20_64": ("explorer-view", "explorer-map"),
}


def _settled_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(STOPWATCH)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # a reader looks before acting
    return context, page


def tab_map_ms(browser, url: str, tabs: str, graph: str, runs: int) -> list[float]:
    """From a click on "Karta" on a page already open to its map shown: no page load, no
    scripts to start, the map's callback and plotly's drawing only."""
    times = []
    for _ in range(runs):
        context, page = _settled_page(browser, url)
        page.evaluate("(selector) => window.__watchFrom(selector)", SHOWN[graph])
        page.locator(f"#{tabs} input[value=map]").check()
        times.append(_stopwatch(page))
        context.close()
    return times


def link_map_ms(browser, start: str, target: str, graph: str, runs: int) -> list[float]:
    """From following a link inside the app (what dcc.Link does: push the address, tell Dash) to
    the target page's map shown: the scripts are running, the page's content is fetched."""
    times = []
    for _ in range(runs):
        context, page = _settled_page(browser, start)
        page.evaluate(
            """([target, selector]) => {
                window.__watchFrom(selector, performance.now());
                window.history.pushState({}, '', target);
                window.dispatchEvent(new CustomEvent('_dashprivate_pushstate')); }""",
            [target, SHOWN[graph]],
        )
        times.append(_stopwatch(page))
        context.close()
    return times


def map_bytes(browser, url: str, graph: str) -> dict[str, int]:
    """What a first visit transfers for the map: its callback's answer, the geometry and the
    base-map topology; and the whole page (scripts included)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    answers: list[int] = []

    def keep(response):
        post = response.request.post_data or ""
        if response.request.method == "POST" and f"..{graph}.figure" in post:
            answers.append(len(response.body()))

    page.on("response", keep)
    page.goto(url)
    page.wait_for_function(MAP_DRAWN, arg=graph, timeout=30_000)
    page.wait_for_load_state("networkidle")
    entries = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".map(e => [e.name, e.encodedBodySize || e.transferSize || 0])"
    )
    context.close()
    geometry = sum(size for name, size in entries if "/kartor/" in name)
    topology = sum(size for name, size in entries if "/topojson/" in name)
    scripts = sum(size for name, size in entries if name.split("?")[0].endswith(".js"))
    return {
        "callback": sum(answers),
        "geometry": geometry,
        "topology": topology,
        "page": sum(size for _, size in entries),
        "scripts": scripts,
    }


def record_callbacks(
    base: str, out: Path, callbacks: dict[str, tuple[str, str]] | None = None
) -> dict[str, str]:
    """Record each callback's real request (default: CALLBACKS) against the server at `base`,
    as main() does, without the timings: writes OUTDIR/<name>.json and OUTDIR/<name>.url and
    returns {name: endpoint}. For other benchmarks (bench/backends.py, bench/scale.py). A
    callback whose request does not come is left out, and said so on stderr."""
    out.mkdir(parents=True, exist_ok=True)
    endpoints = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        for name, (path, output) in (callbacks or CALLBACKS).items():
            try:
                endpoint, body = record(page, base + path, output)
            except SystemExit as missing:
                print(f"{name} utelämnas: {missing}", file=sys.stderr)
                continue
            (out / f"{name}.json").write_text(json.dumps(body))
            (out / f"{name}.url").write_text(endpoint)
            endpoints[name] = endpoint
        browser.close()
    return endpoints


def _report(path: str, kind: str, times: list[float]) -> None:
    print(
        f"  {path[:40]:<40} {kind:<31} median {statistics.median(times):5.0f} ms, "
        f"högst {max(times):5.0f} ms"
    )


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        for name, (path, output) in CALLBACKS.items():
            endpoint, body = record(page, base + path, output)
            (out / f"{name}.json").write_text(json.dumps(body))
            (out / f"{name}.url").write_text(endpoint)
        page.close()
        first_shown_ms(browser, base + "/jamfor", "compare-bars", 1)  # warm the server's caches
        print(
            f"från navigering till första diagram visat, sidans egen klocka ({FIRST_CHART_RUNS}"
            " laddningar, mål ≤ 1500 ms)"
        )
        for path, graph in CHARTS_TIMED.items():
            for kind, times in first_shown_ms(
                browser, base + path, graph, FIRST_CHART_RUNS
            ).items():
                _report(path, kind, times)
        print(
            f"från navigering till första kartan visad, sidans egen klocka ({FIRST_CHART_RUNS}"
            " laddningar, mål ≤ 1500 ms)"
        )
        for path, graph in MAPS.items():
            for kind, times in first_shown_ms(
                browser, base + path, graph, FIRST_CHART_RUNS
            ).items():
                _report(path, kind, times)
        print(f"inom appen, till kartan visad ({FIRST_CHART_RUNS} gånger, mål ≤ 1500 ms)")
        for path, (tabs, graph) in TABS.items():
            times = tab_map_ms(browser, base + path, tabs, graph, FIRST_CHART_RUNS)
            _report(path, "klick på fliken Karta", times)
        for path, graph in MAPS.items():
            times = link_map_ms(browser, base + "/", path, graph, FIRST_CHART_RUNS)
            _report(path, "länk från Översikt", times)
        print("överfört för kartan vid första besöket (mål ≤ 1 MB för Europakartan med geometri)")
        for path, graph in MAPS.items():
            sizes = map_bytes(browser, base + path, graph)
            own = sizes["callback"] + sizes["geometry"] + sizes["topology"]
            print(
                f"  {path[:40]:<40} {own / 1000:6.0f} kB (anropet {sizes['callback'] / 1000:.0f}"
                f" kB, geometrin {sizes['geometry'] / 1000:.0f} kB, topojson "
                f"{sizes['topology'] / 1000:.1f} kB); hela sidan {sizes['page'] / 1e6:.2f} MB, "
                f"varav skript {sizes['scripts'] / 1e6:.2f} MB"
            )
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))

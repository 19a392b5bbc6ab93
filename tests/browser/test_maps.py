"""The maps in headless Chromium with every request outside 127.0.0.1 blocked: Europe's RIS
regions on Jämför, Sweden's län on Indikatorer, the locator map on Översikt, in Swedish and
English, with nothing fetched from outside the app and no console error."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from dashboard import ids
from dashboard.chart_code import WARMUP_BOX, WARMUP_GRAPH
from dashboard.data_access.reader import WarehouseReader
from dashboard.views.maps import EUROPE_CENTRE, SWEDEN_CENTRE, _laea
from indicators.formatting import format_number
from tests.browser.helpers import (
    screenshot,
    start_server,
    stop_server,
    wait_for_text,
    when_plotly_arrives,
)
from tests.maps_support import with_geometry

pytestmark = pytest.mark.browser

LOCAL = ("127.0.0.1",)
# Every URL the page's scripts ask for, whatever plotly.js uses to fetch (XHR or fetch).
RECORD_REQUESTS = """
window.__requested = [];
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
    window.__requested.push(String(url));
    return open.apply(this, arguments);
};
const fetched = window.fetch;
window.fetch = function (input, init) {
    window.__requested.push(String(input && input.url ? input.url : input));
    return fetched.apply(this, arguments);
};
"""


@pytest.fixture(scope="module")
def warehouse(followup_warehouse, shared_data, tmp_path_factory):
    return with_geometry(followup_warehouse, shared_data, tmp_path_factory.mktemp("browser-maps"))


@pytest.fixture(scope="module")
def server(warehouse):
    process, url = start_server(warehouse.database_url)
    yield url
    stop_server(process)


@pytest.fixture
def offline(page: Page) -> Page:
    """The page with every request that leaves 127.0.0.1 aborted and recorded."""
    page.outside = []

    def only_local(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOCAL:
            route.continue_()
        else:
            page.outside.append(url)
            route.abort()

    page.route("**/*", only_local)
    page.add_init_script(RECORD_REQUESTS)
    return page


def assert_stayed_local(page: Page) -> None:
    assert page.outside == []
    asked = page.evaluate("() => window.__requested")
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    for url in [*asked, *loaded]:
        host = urlsplit(page.evaluate("(u) => new URL(u, location.href).href", url)).hostname
        assert host in LOCAL, url
    assert page.console_log.errors() == []


def wait_for_map(page: Page, graph_id: str, timeout: float = 30_000) -> None:
    page.wait_for_function(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            return gd && gd._fullData && gd._fullData.length > 0 &&
                gd.querySelectorAll('path.choroplethlocation').length > 0;
        }""",
        arg=graph_id,
        timeout=timeout,
    )


def traces(page: Page, graph_id: str) -> dict[str, dict]:
    """Each drawn trace by name: its locations, values and hover texts."""
    found = page.evaluate(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            return gd._fullData.map(t => ({
                name: t.name, locations: Array.from(t.locations || []),
                z: Array.from(t.z || []), hover: t.customdata ? Array.from(t.customdata) : [],
            }));
        }""",
        graph_id,
    )
    return {t["name"]: t for t in found}


def point_of(page: Page, graph_id: str, lon: float, lat: float, centre) -> tuple[float, float]:
    """Where longitude/latitude lies on the page: the maps draw equal-area coordinates
    around `centre` (dashboard/views/maps.py), which the geo subplot then projects."""
    x, y = _laea(lon, lat, centre)
    return page.evaluate(
        """([id, x, y]) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            const [px, py] = gd._fullLayout.geo._subplot.projection([x, y]);
            const box = gd.querySelector('.main-svg').getBoundingClientRect();
            return [box.left + px, box.top + py];
        }""",
        [graph_id, x, y],
    )


def hover_text(page: Page) -> str:
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    return page.locator(".hoverlayer .hovertext").first.text_content() or ""  # SVG text


def hover_over(
    page: Page, graph_id: str, lon: float, lat: float, centre, expected: str
) -> tuple[tuple[float, float], str]:
    """Move the mouse onto longitude/latitude until the hover label names `expected`: while
    the page fills in, a scroll bar may appear and plotly redraws the map a little smaller.
    Returns the point and the label."""
    text = ""
    for _ in range(20):
        x, y = point_of(page, graph_id, lon, lat, centre)
        page.mouse.move(x, y)
        text = hover_text(page)
        if expected in text:
            return (x, y), text
        page.mouse.move(5, 5)
        page.wait_for_timeout(500)
    raise AssertionError(f"the hover label never named {expected!r}; last: {text!r}")


def test_the_europe_map_draws_244_regions_with_data_and_no0b_as_no_data(server, offline):
    page = offline
    page.goto(server + "/jamfor?view=map&year=2023")
    wait_for_map(page, ids.COMPARE_MAP)
    drawn = traces(page, ids.COMPARE_MAP)
    assert len(drawn["Kvot"]["locations"]) == 244
    assert drawn["uppgift saknas"]["locations"] == ["NO0B"]
    assert drawn["outline"]["locations"] == ["SE33"]
    assert page.locator(f"#{ids.COMPARE_MAP} .legend").text_content().strip() == "uppgift saknas"
    pane = page.locator(f"#{ids.COMPARE_MAP_PANE}")
    # once, in the map itself (it goes with every download of the picture)
    assert pane.inner_text().count("© EuroGeographics för de administrativa gränserna") == 1
    assert page.locator(f"#{ids.COMPARE_CHART_PANE}").is_hidden()
    fetched = page.evaluate("() => window.__requested")
    assert any(u.endswith("/assets/topojson/world_110m.json") for u in fetched)
    assert any("/kartor/ris-2023.geojson" in u for u in fetched)
    # "Visa som tabell": the 244 + 1 regions, built when opened
    page.locator(f"#{ids.COMPARE_MAP_TABLE_SUMMARY}").click()
    page.wait_for_function(
        "() => document.querySelectorAll('#compare-map-table tbody tr').length === 245"
    )
    assert_stayed_local(page)
    screenshot(page, "karta-europa")


def test_clicking_se21_selects_smaland_med_oarna_on_the_page(server, offline):
    page = offline
    page.goto(server + "/jamfor?view=map&region=SE33")
    wait_for_text(page, "h1", "Övre Norrland")  # the page above the map has its height
    wait_for_map(page, ids.COMPARE_MAP)
    # every callback answered: nothing above the map grows between the hover and the click
    # (under load the heading or a scroll bar once moved the map, and the click hit SE12)
    page.wait_for_load_state("networkidle")
    # Växjö, Kronoberg
    (x, y), hover = hover_over(
        page, ids.COMPARE_MAP, 14.8, 56.9, EUROPE_CENTRE, "Småland med öarna (SE21)"
    )
    assert "Placering:" in hover and "Kvot mot" in hover
    page.mouse.click(x, y)
    page.mouse.move(5, 5)  # off the map: no hover label left over the redraw
    wait_for_text(page, "h1", "Småland med öarna", timeout=45_000)
    assert "Småland med öarna (SE21)" in page.locator(f"#{ids.COMPARE_REGION}").inner_text()
    assert "region=SE21" in page.url and "view=map" in page.url
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#compare-map .js-plotly-plot');
            const ring = gd._fullData.find(t => t.name === 'outline');
            return ring && Array.from(ring.locations).join() === 'SE21';
        }""",
        timeout=45_000,  # the new region's page and map, computed on a busy machine
    )
    assert_stayed_local(page)


def test_the_sweden_map_shows_the_warehouses_values_and_the_slider_changes_the_year(
    server, offline, warehouse
):
    page = offline
    page.goto(server + "/indikatorer?indicator=unemployment_rate_20_64&view=map")
    wait_for_map(page, ids.EXPLORER_MAP)
    wait_for_text(page, f"#{ids.EXPLORER_MAP_HEADING}", "2022")
    reader = WarehouseReader(warehouse.database_url)
    stored = reader.query(
        "SELECT region_code, period, value FROM observation WHERE indicator_id = "
        "'unemployment_rate_20_64' AND sex = 'T' AND LENGTH(region_code) = 5"
    )
    reader.close()

    def expected(period: str) -> dict[str, str]:
        rows = stored[stored["period"] == period]
        return {
            r.region_code: f"{period}: {format_number(r.value, 1)} procent"
            for r in rows.itertuples()
        }

    shown = traces(page, ids.EXPLORER_MAP)["Totalt"]
    assert len(shown["locations"]) == 21
    hovers = dict(zip(shown["locations"], shown["hover"], strict=True))
    assert {code: text.split("<br>")[1] for code, text in hovers.items()} == expected("2022")
    _, hover = hover_over(page, ids.EXPLORER_MAP, 16.2, 59.75, SWEDEN_CENTRE, "Västmanlands län")
    assert hover.endswith(expected("2022")["SE125"])
    page.mouse.move(5, 5)

    page.locator(f"#{ids.EXPLORER_MAP_PERIOD} [role=slider]").focus()
    page.keyboard.press("ArrowLeft")
    wait_for_text(page, f"#{ids.EXPLORER_MAP_HEADING}", "2021")
    page.wait_for_function("() => window.location.search.includes('mapyear=2021')")
    shown = traces(page, ids.EXPLORER_MAP)["Totalt"]
    hovers = dict(zip(shown["locations"], shown["hover"], strict=True))
    assert {code: text.split("<br>")[1] for code, text in hovers.items()} == expected("2021")
    assert_stayed_local(page)
    screenshot(page, "karta-sverige")


def test_clicking_a_lan_adds_it_to_the_comparison_and_clicking_again_removes_it(server, offline):
    page = offline
    page.goto(server + "/indikatorer?indicator=unemployment_rate_20_64&view=map&regions=SE,SE125")
    wait_for_map(page, ids.EXPLORER_MAP)
    # the map comes with the page; let the rest of it settle so the map stays where it is
    # between the hover and the click (as on Jämför)
    page.wait_for_load_state("networkidle")
    regions = page.locator(f"#{ids.EXPLORER_REGIONS}")
    (x, y), _ = hover_over(page, ids.EXPLORER_MAP, 18.0, 64.6, SWEDEN_CENTRE, "Västerbottens län")
    page.mouse.click(x, y)
    page.wait_for_function("() => window.location.search.includes('SE331')")
    assert "Västerbottens län" in regions.inner_text() or "3 valda" in regions.inner_text()
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#explorer-map .js-plotly-plot');
            const ring = gd._fullData.find(t => t.name === 'outline');
            return ring && Array.from(ring.locations).includes('SE331');
        }""",
        timeout=20_000,
    )
    page.wait_for_load_state("networkidle")
    page.mouse.click(x, y)
    page.wait_for_function("() => !window.location.search.includes('SE331')")
    assert_stayed_local(page)


def test_riksomraden_data_is_drawn_on_the_8_riksomraden(server, offline):
    page = offline
    page.goto(server + "/indikatorer?indicator=eurostat_tertiary_attainment_25_64&view=map")
    wait_for_map(page, ids.EXPLORER_MAP)
    drawn = {c for t in traces(page, ids.EXPLORER_MAP).values() for c in t["locations"]}
    assert drawn == {"SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"}
    assert "inte för län" in page.locator(f"#{ids.EXPLORER_MAP_INFO}").inner_text()
    assert_stayed_local(page)


def test_the_maps_in_english(server, offline):
    page = offline
    page.goto(server + "/jamfor?view=map&mapcolour=group&lang=en")
    wait_for_map(page, ids.COMPARE_MAP)
    legend = page.locator(f"#{ids.COMPARE_MAP} .legend").text_content()
    for group in ("Innovation leader", "Strong innovator", "Emerging innovator", "no data"):
        assert group in legend
    pane = page.locator(f"#{ids.COMPARE_MAP_PANE}").inner_text()
    assert pane.count("© EuroGeographics for the administrative boundaries") == 1
    assert page.locator("label:has-text('Map')").count() >= 1
    page.goto(server + "/indikatorer?indicator=unemployment_rate_20_64&view=map&lang=en")
    wait_for_map(page, ids.EXPLORER_MAP)
    wait_for_text(page, f"#{ids.EXPLORER_MAP_HEADING}", "counties")
    assert "percent" in " ".join(traces(page, ids.EXPLORER_MAP)["Total"]["hover"])
    assert_stayed_local(page)


def test_the_overview_shows_where_the_region_lies(server, offline):
    page = offline
    page.goto(server + "/?region=SE125")
    wait_for_map(page, ids.OVERVIEW_MAP)
    drawn = [t["locations"] for t in traces(page, ids.OVERVIEW_MAP).values()]
    assert ["SE125"] in drawn
    assert "Västmanlands län på kartan" in page.locator(f"#{ids.OVERVIEW_MAP_CAPTION}").inner_text()
    assert_stayed_local(page)


def test_the_chart_tab_brings_the_bars_back(server, offline):
    page = offline
    page.goto(server + "/jamfor?view=map")
    wait_for_map(page, ids.COMPARE_MAP)
    page.locator(f"#{ids.COMPARE_VIEW} label", has_text="Diagram").click()
    page.wait_for_function("() => !window.location.search.includes('view=map')")
    assert page.locator(f"#{ids.COMPARE_CHART_PANE}").is_visible()
    assert page.locator(f"#{ids.COMPARE_MAP_PANE}").is_hidden()
    # the bars are drawn when their tab opens (not behind the map): SE33's 21 indicators
    page.wait_for_function(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            const bars = (gd && gd.data || []).filter(t => t.type === 'bar');
            return bars.reduce((n, t) => n + (t.y || []).length, 0) === 21;
        }""",
        arg=ids.COMPARE_BARS,
    )
    assert_stayed_local(page)


def test_without_boundaries_the_map_tab_says_how_to_load_them(followup_warehouse, offline):
    process, url = start_server(followup_warehouse.database_url)
    try:
        offline.goto(url + "/jamfor?view=map")
        wait_for_text(offline, f"#{ids.COMPARE_MAP}", "rusmon etl geo")
        assert_stayed_local(offline)
    finally:
        stop_server(process)


def test_presentation_mode_enlarges_the_maps_small_print_too(server, offline):
    page = offline
    page.goto(server + "/jamfor?view=map&present=1")
    wait_for_map(page, ids.COMPARE_MAP)
    page.wait_for_function(
        """(id) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            const layout = gd && gd._fullLayout;
            return layout && layout.font.size === 20 && layout.legend.font.size === 20
                && layout.annotations[0].font.size === 16;  // the attribution: 11 × 20 / 14
        }""",
        arg=ids.COMPARE_MAP,
    )
    assert_stayed_local(page)


# Where the map stood, and what the heading said, when its first region was drawn.
RECORD_FIRST_DRAWN = """
new MutationObserver((_, observer) => {
    const graph = document.getElementById('compare-map');
    if (graph && graph.querySelector('path.choroplethlocation')) {
        observer.disconnect();
        const h1 = document.querySelector('#compare-heading h1');
        const box = graph.getBoundingClientRect();
        window.__firstDrawn = {
            box: [box.left, box.top, box.width], heading: h1 ? h1.textContent : null,
        };
    }
}).observe(document, {subtree: true, childList: true});
"""


def test_the_heading_comes_with_the_map_and_nothing_above_it_moves_afterwards(server, offline):
    """The heading comes with the page, the pickers' code is settled before the map is drawn
    (dashboard/chart_code.py) and the scroll bar has its room from the start, so the map neither
    jumps down nor narrows when the rest of the page fills in (a click aimed at one region would
    hit its neighbour)."""
    offline.add_init_script(RECORD_FIRST_DRAWN)
    offline.goto(server + "/jamfor?region=SE33&view=map")
    wait_for_map(offline, ids.COMPARE_MAP)
    offline.wait_for_function(
        "() => document.querySelector('#gap-table')"  # the comparison's answer is in
    )
    # and every picker above the map is drawn: one whose code was still pending stood as its
    # label alone, 34 px lower, and grew after the map was drawn
    offline.wait_for_function(
        """() => Array.from(document.querySelectorAll('.controls label[for]'))
                      .every(label => document.getElementById(label.htmlFor))"""
    )
    offline.wait_for_load_state("networkidle")
    first = offline.evaluate("() => window.__firstDrawn")
    assert first["heading"] == "Övre Norrland jämfört med Europas innovationsledare"
    now = offline.evaluate(
        """() => { const box = document.getElementById('compare-map').getBoundingClientRect();
                   return [box.left, box.top, box.width]; }"""
    )
    assert now == first["box"]  # not moved down by the heading, nor narrowed by a scroll bar
    assert_stayed_local(offline)


# In order: every Plotly.react (the graph's id and how many traces it was given) and every
# callback request the page sends (its outputs). A setter on window.Plotly wraps react the moment
# plotly's script defines it, before any graph mounts.
RECORD_PLOTS = (
    "window.__events = [];"
    + when_plotly_arrives(
        """const react = plotly.react;
        plotly.react = function (gd, figure) {
            const graph = gd && gd.closest ? gd.closest('[id]') : null;
            const traces = ((figure && figure.data) || []).length;
            window.__events.push(['plot', graph ? graph.id : '?', traces]);
            return react.apply(this, arguments);
        };"""
    )
    + """
const send = window.fetch;
window.fetch = function (input, init) {
    const body = init && typeof init.body === 'string' ? init.body : '';
    if (body.includes('"output"')) window.__events.push(['ask', JSON.parse(body).output, 0]);
    return send.apply(this, arguments);
};
"""
)


def events(page: Page) -> list[tuple[str, str, int]]:
    return [tuple(e) for e in page.evaluate("() => window.__events")]


def first_plot_with_data(seen: list[tuple[str, str, int]], graph_id: str) -> int:
    return next(
        i for i, (kind, graph, n) in enumerate(seen) if kind == "plot" and graph == graph_id and n
    )


def first_ask_for(seen: list[tuple[str, str, int]], graph_id: str) -> int:
    return next(
        i for i, (kind, output, _) in enumerate(seen) if kind == "ask" and graph_id in output
    )


PLOTTED = "(id) => window.__events.some(([kind, graph, n]) => kind === 'plot' && graph === id && n)"


@pytest.mark.parametrize(
    ("address", "first_id", "later_id"),
    [
        ("/jamfor?region=SE33&view=map", ids.COMPARE_MAP, ids.COMPARE_TREND),
        (
            "/indikatorer?indicator=unemployment_rate_20_64&view=map",
            ids.EXPLORER_MAP,
            ids.EXPLORER_CHART,
        ),
        ("/jamfor?region=SE33", ids.COMPARE_BARS, ids.COMPARE_TREND),  # the page brings its bars
    ],
)
def test_a_page_opened_on_its_map_or_jamfors_bars_plots_them_before_its_later_callbacks(
    server, offline, address, first_id, later_id
):
    """The graph code is settled before the page's content arrives (dashboard/chart_code.py),
    so the map (or Jämför's bars) in the content plots as it mounts, before the page asks for
    its other charts and tables; before, it waited behind that callback round (1.3 s on
    Jämför)."""
    offline.add_init_script(RECORD_PLOTS)
    offline.goto(server + address)
    offline.wait_for_function(PLOTTED, arg=first_id)
    offline.wait_for_function(PLOTTED, arg=later_id)
    seen = events(offline)
    assert first_plot_with_data(seen, first_id) < first_ask_for(seen, later_id), seen
    # the lazy chunks came with the page (fingerprinted scripts), none was fetched on demand
    loaded = offline.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    chunks = [url for url in loaded if "/async-" in url]
    assert chunks and all(".v" in url.rsplit("/", 1)[1] for url in chunks), chunks
    assert_stayed_local(offline)


def test_a_page_opened_on_a_chart_mounts_no_graph_ahead_of_its_figures(server, offline):
    """Only a map address and Jämför, which bring their figures with the page, warm the graph
    code up: on another chart, an early mount would just plot the page's graphs empty before
    their figures come."""
    offline.add_init_script(RECORD_PLOTS)
    offline.goto(server + "/indikatorer?indicator=unemployment_rate_20_64")
    offline.wait_for_function(PLOTTED, arg=ids.EXPLORER_CHART)
    offline.wait_for_load_state("networkidle")
    assert offline.locator(f"#{WARMUP_BOX} .js-plotly-plot").count() == 0
    assert WARMUP_GRAPH not in [graph for kind, graph, _ in events(offline) if kind == "plot"]
    assert_stayed_local(offline)

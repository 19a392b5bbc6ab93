"""A page that brings its map (or Jämför its bars) with it plots it as it mounts, not after the
page's later callbacks.

dcc.Graph and dcc.Dropdown load their code lazily (React.lazy behind Suspense), so the first
graph on a page suspends, and React reveals it only after the page's other rendering. On Jämför
opened on its map that is the comparison's tables from the next callback round: the map came
1.3 s after the page's own content (`bench/dashboard.sh`). So:
- the chunks (graph, dropdown, slider) are loaded with the page as ordinary scripts
  (fingerprinted, cached like the rest), not fetched when the first graph asks for them;
- every address mounts one hidden dropdown and slider at once, while the page's content is still
  on its way: the pickers come with their height, and nothing under them moves afterwards (a
  picker whose code was pending stood as its label alone and grew 34 px later);
- an address that opens a map (`view=map`), or Jämför, whose page brings its bars, also mounts
  one hidden, empty graph: it settles the lazy graph code and pays plotly's one-time start-up,
  so the map or the bars in the content plot as they mount.
Other pages opened on a chart keep the lazy graph: their graphs wait for their figures'
callback, and an early mount would only plot them empty first (measured: the next round left
0.5 s later).
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, html

WARMUP_BOX = "chart-code-warmup"
WARMUP_GRAPH = "chart-code-warmup-graph"
CHUNKS = ("graph", "dropdown", "slider")  # the Sweden map's year is a slider


def _hidden(component: str, props: dict) -> dict:
    """A component as Dash's renderer takes it from a clientside callback, never shown."""
    return {"namespace": "dash_core_components", "type": component, "props": props}


# The pickers: one whose code is still pending renders as its label alone (28 px instead of 62),
# then grows and pushes everything under it down. Settled on every page: when a map was drawn
# first, that moved it under the pointer and a click on SE21 hit SE12.
_PICKERS = [
    _hidden("Dropdown", {"id": f"{WARMUP_BOX}-dropdown", "options": [], "value": None}),
    _hidden("Slider", {"id": f"{WARMUP_BOX}-slider", "min": 0, "max": 1, "value": 0}),
]
# The graph: only where the page brings its figure with it, a map or Jämför's bars
# (components/compare_page.py); other charts wait for their callback, and an early mount would
# only plot them empty first.
_GRAPH = _hidden(
    "Graph",
    {
        "id": WARMUP_GRAPH,
        "config": {"staticPlot": True, "displayModeBar": False},
        "style": {"display": "none"},
    },
)
_WARM_UP = (
    "function (path, search) {"
    " const map = new URLSearchParams(search || '').get('view') === 'map';"
    " const bars = /\\/jamfor$/.test(path || '');"
    f" return map || bars ? {json.dumps([_GRAPH, *_PICKERS])} : {json.dumps(_PICKERS)}; }}"
)


def preload_chart_code(app: Dash, page_container: html.Div) -> html.Div:
    """Load the graph, dropdown and slider code with the page; returns the app's layout: the page
    container beside the box where every address mounts the pickers, and a map address or
    Jämför the graph, that settle the code."""
    for chunk in CHUNKS:
        app.scripts.append_script(
            {"relative_package_path": f"dcc/async-{chunk}.js", "namespace": "dash"}
        )
    # Dash's page container reads the address into "_pages_location"
    app.clientside_callback(
        _WARM_UP,
        Output(WARMUP_BOX, "children"),
        Input("_pages_location", "pathname"),
        Input("_pages_location", "search"),
    )
    return html.Div([page_container, html.Div(id=WARMUP_BOX, hidden=True)])

"""Permalinks: every view keeps its state in the URL query, so reload and sharing reproduce it.

The browser URL is rewritten with history.replaceState in a clientside callback: no
round trip, and no re-render of the page (the page router does not see replaceState).
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output

from dashboard import ids

_WRITE = """
function(...values) {{
    const keys = {keys};
    const params = new URLSearchParams(window.location.search);
    keys.forEach((key, i) => {{
        const value = values[i];
        if (value === null || value === undefined || value === "" ||
            (Array.isArray(value) && value.length === 0)) {{
            params.delete(key);
        }} else {{
            params.set(key, Array.isArray(value) ? value.join(",") : String(value));
        }}
    }});
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    return query;
}}
"""

_SWITCH_LANGUAGE = """
function(clicks) {{
    if (!clicks) {{ return window.dash_clientside.no_update; }}
    const params = new URLSearchParams(window.location.search);
    const button = document.getElementById({button});
    params.set("lang", button.getAttribute("data-lang"));
    window.location.search = params.toString();
    return params.toString();
}}
"""


def register_permalink(app: Dash, output_id: str, fields: dict[str, tuple[str, str]]) -> None:
    """Write `fields` (query key -> (component id, property)) to the URL whenever they change."""
    app.clientside_callback(
        _WRITE.format(keys=json.dumps(list(fields))),
        Output(output_id, "data"),
        [Input(component, prop) for component, prop in fields.values()],
    )


def register_language_switch(app: Dash) -> None:
    app.clientside_callback(
        _SWITCH_LANGUAGE.format(button=json.dumps(ids.LANG_SWITCH)),
        Output(ids.URL_SYNC, "data"),
        Input(ids.LANG_SWITCH, "n_clicks"),
    )


_REMEMBER = """
function(value) {{
    if (value !== null && value !== undefined) {{
        try {{ window.localStorage.setItem({key}, JSON.stringify(value)); }} catch (e) {{}}
    }}
    return value === undefined ? null : value;
}}
"""

_RECALL = """
function(fromUrl) {{
    if (fromUrl) {{ return window.dash_clientside.no_update; }}
    try {{
        const saved = window.localStorage.getItem({key});
        if (saved !== null) {{ return JSON.parse(saved); }}
    }} catch (e) {{}}
    return window.dash_clientside.no_update;
}}
"""


def register_memory(
    app: Dash, component: tuple[str, str], key: str, from_url: str, written: str
) -> None:
    """Remember a control's value in the browser (localStorage) and bring it back on the next
    visit, unless the URL names a value (`from_url` store is true): a permalink always wins."""
    quoted = json.dumps(f"rusmon.{key}")
    app.clientside_callback(
        _REMEMBER.format(key=quoted), Output(written, "data"), Input(*component)
    )
    app.clientside_callback(_RECALL.format(key=quoted), Output(*component), Input(from_url, "data"))

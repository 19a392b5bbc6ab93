"""Datakällor: sources, indicators, freshness and the ETL log."""

import dash

from dashboard.components.sources_page import PATH, sources_page

dash.register_page(
    __name__,
    path=PATH,
    name="Datakällor",
    title="rusmon – Datakällor",
    layout=sources_page,
    order=4,
)

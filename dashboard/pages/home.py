"""Översikt, the start page: where the chosen region stands, at a glance."""

import dash

from dashboard.components.overview_page import PATH, overview_page

dash.register_page(
    __name__, path=PATH, name="Översikt", title="rusmon – Översikt", layout=overview_page, order=0
)

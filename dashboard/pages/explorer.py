"""Indikatorer: explore any follow-up indicator, with its metadata and downloads."""

import dash

from dashboard.components.explorer_page import PATH, explorer_page

dash.register_page(
    __name__,
    path=PATH,
    name="Indikatorer",
    title="rusmon – Indikatorer",
    layout=explorer_page,
    order=3,
)

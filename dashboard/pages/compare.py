"""Jämför med innovationsledare: a region's RIS profile against Europe's innovation leaders."""

import dash

from dashboard.components.compare_page import compare_page

dash.register_page(
    __name__,
    path="/jamfor",
    name="Jämför med innovationsledare",
    title="rusmon – Jämför med innovationsledare",
    layout=compare_page,
    order=1,
)

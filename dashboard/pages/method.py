"""Så bedöms målen: the goal-status method, linked from every goal view."""

import dash

from dashboard.components.method_page import PATH, method_page

dash.register_page(
    __name__,
    path=PATH,
    name="Så bedöms målen",
    title="rusmon – Så bedöms målen",
    layout=method_page,
    order=5,
)

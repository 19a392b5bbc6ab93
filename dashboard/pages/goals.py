"""Måluppföljning: a strategy's delmål per region and mandate period, from the data."""

import dash

from dashboard.components.goals_page import PATH, goals_page

dash.register_page(
    __name__,
    path=PATH,
    name="Måluppföljning",
    title="rusmon – Måluppföljning",
    layout=goals_page,
    order=2,
)

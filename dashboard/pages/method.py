"""Så bedöms målen: the goal-status method, linked from every goal view."""

import dash

from dashboard.components.method_page import PATH, method_page
from dashboard.components.shell import NAMES, page_title
from dashboard.i18n import t

dash.register_page(
    __name__,
    path=PATH,
    name=t(NAMES[PATH]),
    title=page_title(PATH, "sv"),
    layout=method_page,
    order=5,
)

"""Datakällor: sources, indicators, freshness and the ETL log."""

import dash

from dashboard.components.shell import NAMES, page_title
from dashboard.components.sources_page import PATH, sources_page
from dashboard.i18n import t

dash.register_page(
    __name__,
    path=PATH,
    name=t(NAMES[PATH]),
    title=page_title(PATH, "sv"),
    layout=sources_page,
    order=4,
)

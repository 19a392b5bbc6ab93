"""Start page: until the overview exists, the leader comparison is where analysts begin."""

import dash

from dashboard.components.compare_page import compare_page

dash.register_page(__name__, path="/", name="rusmon", title="rusmon", layout=compare_page, order=0)

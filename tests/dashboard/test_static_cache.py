"""The app's own files: a tagged address (Dash's `?m=<mtime>`) is cached for a year, so a
return visit asks for no script again; an untagged one is asked for again as before."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def client(ris_warehouse):
    from dashboard.app import create_app

    return create_app(ris_warehouse.database_url).server.test_client()


def test_every_script_the_page_names_is_cached_for_a_year(client):
    page = client.get("/jamfor").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert any("/assets/plotly-rusmon.min.js?m=" in s for s in scripts)
    for src in scripts:
        with client.get(src) as answer:  # a file answer holds the file open until closed
            assert answer.status_code == 200, src
            assert "max-age=31536000" in answer.headers["Cache-Control"], src


def test_an_untagged_asset_is_asked_for_again(client):
    with client.get("/assets/style.css") as answer:
        assert answer.status_code == 200
        assert "max-age=31536000" not in answer.headers.get("Cache-Control", "")

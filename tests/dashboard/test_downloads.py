"""The app's download routes: what "Ladda ner" and "Skapa presentation" fetch."""

from __future__ import annotations

from io import BytesIO

import pytest
from pptx import Presentation


@pytest.fixture(scope="module")
def client(followup_warehouse):
    from dashboard.app import create_app

    return create_app(followup_warehouse.database_url).server.test_client()


def test_jamfors_presentation_is_the_ris_deck_of_the_view(client):
    response = client.get("/export/deck?region=SE33&edition=2023&year=2023&benchmark=strong")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="ris-SE33')
    deck = Presentation(BytesIO(response.data))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[0] == "Övre Norrland jämfört med Europas starka innovatörer"
    assert titles[1] == titles[0] and titles[-1] == "Källor"


def test_a_chart_download_names_its_type_and_file(client):
    response = client.get("/export/chart?page=/jamfor&region=SE33&chart=bars&format=svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "SE33-innovationsledarnas-snitt-2023.svg" in response.headers["Content-Disposition"]
    assert b"Europas innovationsledare" in response.data


def test_an_impossible_download_is_a_plain_400(client):
    response = client.get("/export/chart?page=/metod&format=png")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert "ingen diagramexport för '/metod'" in response.get_data(as_text=True)
    response = client.get("/export/deck?strategy=vastmanland_rus_2030&region=SE331")
    assert response.status_code == 400

"""`rusmon export` on the real follow-up warehouse: a chart from any page's permalink, a deck,
and clear refusals."""

from __future__ import annotations

import os
import stat

import pytest
from pptx import Presentation

from cli.main import main
from tests.maps_support import with_geometry

GOAL = (
    "/maluppfoljning?strategy=vastmanland_rus_2030&region=SE125&period=2019-2022"
    "&pick=19|unemployment_rate_20_64"
)


@pytest.fixture
def rusmon(followup_warehouse, monkeypatch, capsys):
    monkeypatch.setenv("RUSMON_DATABASE_URL", followup_warehouse.database_url)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["export", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_a_compare_permalink_gives_an_svg_slide_with_title_region_and_source(rusmon, tmp_path):
    out = tmp_path / "bars.svg"
    code, printed, _ = rusmon(
        "chart", "http://127.0.0.1:8050/jamfor?region=SE33", "--format", "svg", "--out", str(out)
    )
    svg = out.read_text(encoding="utf-8")
    assert code == 0 and "diagram (svg) skriven till" in printed
    assert "Övre Norrland jämfört med Europas innovationsledare" in svg
    assert "Källa: Europeiska kommissionen" in svg


def test_a_map_link_is_said_to_give_a_map(
    followup_warehouse, shared_data, tmp_path, monkeypatch, capsys
):
    settings = with_geometry(followup_warehouse, shared_data, tmp_path / "warehouse")
    monkeypatch.setenv("RUSMON_DATABASE_URL", settings.database_url)
    out = tmp_path / "karta.png"
    link = "/indikatorer?indicator=unemployment_rate_20_64&view=map"
    code = main(["export", "chart", link, "--out", str(out)])
    assert code == 0 and "karta (png) skriven till" in capsys.readouterr().out


def test_the_rii_trend_is_the_second_chart_of_jamfor(rusmon, tmp_path):
    out = tmp_path / "trend.png"
    code, _, _ = rusmon("chart", "/jamfor?region=SE12", "--chart", "trend", "--out", str(out))
    assert code == 0 and out.read_bytes().startswith(b"\x89PNG")


def test_a_goal_permalink_gives_its_values_as_csv_with_a_readable_name(
    rusmon, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    code, printed, _ = rusmon("chart", GOAL, "--format", "csv")
    name = "arbetsloshet-20-64-ar-vastmanlands-lan-2019-2022.csv"
    assert code == 0 and name in printed
    text = (tmp_path / name).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Indikator;Period;Kön;Värde;Enhet"
    assert "Arbetslöshet 20–64 år – Västmanlands län;2022;Totalt;6,6;procent" in text


def test_an_explorer_permalink_gives_the_shown_values(rusmon, tmp_path):
    out = tmp_path / "lines.csv"
    link = "/indikatorer?indicator=unemployment_rate_20_64&regions=SE125,SE"
    code, _, _ = rusmon("chart", link, "--format", "csv", "--out", str(out))
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert code == 0 and rows[0].startswith("indikator_id;indikator;regionkod")
    assert {row.split(";")[2] for row in rows[1:]} == {"SE125", "SE"}


def test_an_exported_file_is_readable_like_any_file_written_under_the_umask(rusmon, tmp_path):
    out = tmp_path / "lines.csv"
    old = os.umask(0o022)
    try:
        code, _, _ = rusmon("chart", "/indikatorer", "--format", "csv", "--out", str(out))
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE(out.stat().st_mode) == 0o644  # not mkstemp's 0600


def test_the_deck_command_writes_a_deck_that_opens(rusmon, tmp_path):
    out = tmp_path / "vm.pptx"
    code, printed, _ = rusmon(
        "deck", "--strategy", "vastmanland_rus_2030", "--region", "SE125",
        "--period", "2019-2022", "--lang", "en", "--out", str(out),
    )  # fmt: skip
    assert code == 0 and "presentation med" in printed
    titles = [s.shapes.title.text for s in Presentation(str(out)).slides if s.shapes.title]
    assert "How goals are assessed" in titles


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("chart", "/datakallor"), "ingen diagramexport för '/datakallor'"),
        (("chart", "/maluppfoljning?strategy=vastmanland_rus_2030"), "pick=DELMÅL|INDIKATOR"),
        (("chart", "/jamfor", "--chart", "pie"), "/jamfor har diagrammen bars, trend"),
        # a value the page would replace with its default (and a notice) is an error here:
        # the slide must show what the link asked for
        (("chart", "/jamfor?region=SE99"), "okänt värde i länken: region='SE99'; välj bland:"),
        (("chart", "/jamfor?view=karta"), "view='karta'; välj bland: chart, map"),
        (("chart", "/jamfor?view=map&mapind=xyz"), "mapind='xyz'; välj bland: RII, 1.1.2"),
        (("chart", "/jamfor?view=map&mapcolour=blue"), "mapcolour='blue'; välj bland: ratio"),
        (
            ("chart", "/indikatorer?indicator=unemployment_rate_20_64&view=map&mapyear=1850"),
            "mapyear='1850'",
        ),
        (
            ("chart", "/indikatorer?indicator=unemployment_rate_20_64&regions=SE125,XX"),
            "regions='XX'",
        ),
        (("chart", "/indikatorer?indicator=nope"), "indicator='nope'; välj bland: "),
        # a chart is an image or data; a presentation is the deck command's
        (("chart", "/jamfor", "--out", "x.pptx"), "en presentation görs av rusmon export deck"),
        (("chart", "/jamfor", "--out", "x.txt"), "filen ska sluta på .png eller .svg eller"),
        (
            ("chart", GOAL.replace("2019-2022", "1999-2002")),
            "period='1999-2002'; välj bland: 2019-2022",
        ),
        (
            ("deck", "--strategy", "nope", "--region", "SE125", "--out", "x.pptx"),
            "okänd strategi: nope",
        ),
        (
            ("deck", "--strategy", "vastmanland_rus_2030", "--region", "SE331", "--out", "x.pptx"),
            "SE331 följs inte upp av Regional utvecklingsstrategi för Västmanland 2030",
        ),
    ],
)
def test_a_bad_request_exits_1_with_a_message_and_writes_nothing(
    rusmon, tmp_path, monkeypatch, args, message
):
    monkeypatch.chdir(tmp_path)
    code, _, err = rusmon(*args)
    assert code == 1 and message in err
    assert list(tmp_path.iterdir()) == []

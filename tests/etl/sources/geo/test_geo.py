"""`rusmon etl geo`: the NUTS boundaries from GISCO's files into the warehouse, offline from
$RUSMON_SOURCES_DIR/geo/ or online as sha256-fingerprinted snapshots; broken files refused."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest
import sqlalchemy as sa

from etl.snapshots import sha256_of, sidecar_path
from etl.sources.geo import extract, transform, validate
from etl.warehouse.store import Warehouse
from tests.conftest import copy_warehouse, make_settings, run_etl
from tests.replay_server import Answer, replay_server


def boundaries(settings) -> pd.DataFrame:
    with Warehouse(settings.database_url).reading() as conn:
        return pd.read_sql_query(
            "SELECT nuts_code, level, country_code, name, geojson, source_file FROM "
            "region_geometry ORDER BY nuts_code",
            conn,
        )


@pytest.fixture(scope="module")
def geo_dir(shared_data):
    return shared_data / "geo"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, shared_data, backend):
    folder = tmp_path_factory.mktemp("geo")
    settings = make_settings(folder, sources_dir=shared_data, backend=backend)
    result, output = run_etl(settings, "geo")
    assert result.status == "ok", output
    return settings, output


def test_the_four_real_files_fill_region_geometry_for_every_level(loaded):
    settings, output = loaded
    frame = boundaries(settings)
    assert frame.groupby("level").size().to_dict() == {0: 37, 1: 125, 2: 334, 3: 1514}
    assert "2\u00a0010 regiongränser" in output  # format_number: a no-break space
    lan = frame[(frame["country_code"] == "SE") & (frame["level"] == 3)]
    assert len(lan) == 21 and {"SE125", "SE331", "SE332"} <= set(lan["nuts_code"])
    smaland = json.loads(frame.set_index("nuts_code").loc["SE21", "geojson"])
    assert smaland["type"] == "MultiPolygon"  # the mainland and Gotland (and Öland)
    ring = smaland["coordinates"][0][0]
    assert ring[0] == ring[-1] and len(ring) >= 4


def test_every_ris_2023_region_has_a_boundary(loaded, ris_warehouse):
    with Warehouse(ris_warehouse.database_url).reading() as conn:
        codes = {
            c
            for (c,) in conn.execute(
                sa.text("SELECT DISTINCT region_code FROM ris_score WHERE edition = 2023")
            )
        }
    assert len(codes) == 246  # 244 grouped regions, NO0B without data and the EU
    drawn = set(boundaries(loaded[0])["nuts_code"])
    assert codes - drawn == {"EU"}


def test_a_rerun_on_the_same_files_does_nothing_and_says_so(loaded):
    settings, _ = loaded
    result, output = run_etl(settings, "geo")
    assert result.status == "unchanged"
    assert "samma indata som senast" in output


def test_offline_without_files_or_snapshots_the_source_is_skipped(tmp_path, backend):
    result, output = run_etl(make_settings(tmp_path, backend=backend), "geo")
    assert result.status == "skipped"
    assert "inga kartfiler att ladda" in output


def test_a_file_that_is_not_json_is_refused_naming_source_and_file(tmp_path, geo_dir, backend):
    broken = tmp_path / "NUTS_RG_60M_2021_4326_LEVL_2.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    settings = make_settings(tmp_path, backend=backend)
    result, _ = run_etl(settings, "geo", files=(str(broken),))
    assert result.status == "failed"
    assert broken.name in result.message and "GeoJSON" in result.message


def test_a_feature_without_a_nuts_code_is_refused_with_its_number_and_nothing_is_saved(
    tmp_path, geo_dir, backend
):
    document = json.loads((geo_dir / extract.file_name(2)).read_text(encoding="utf-8"))
    del document["features"][4]["properties"]["NUTS_ID"]
    document["features"][7]["geometry"] = {"type": "Point", "coordinates": [1, 2]}
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps(document), encoding="utf-8")
    settings = make_settings(tmp_path, backend=backend)
    result, _ = run_etl(settings, "geo", files=(str(bad),))
    assert result.status == "failed"
    assert "bad.geojson, kolumn NUTS_ID, vid objekt 5" in result.message
    assert "kolumn geometry, vid objekt 8" in result.message and "Point" in result.message
    with Warehouse(settings.database_url).reading() as conn:
        assert (
            not sa.inspect(conn).has_table("region_geometry_fact")
            or not conn.execute(sa.text("SELECT COUNT(*) FROM region_geometry_fact")).scalar()
        )


def test_a_cut_down_file_is_refused_by_the_shrink_guard(tmp_path, loaded, geo_dir):
    copy = copy_warehouse(loaded[0], tmp_path)
    document = json.loads((geo_dir / extract.file_name(2)).read_text(encoding="utf-8"))
    document["features"] = document["features"][:100]
    cut = tmp_path / "NUTS_RG_60M_2021_4326_LEVL_2.geojson"
    cut.write_text(json.dumps(document), encoding="utf-8")
    result, _ = run_etl(copy, "geo", files=(str(cut),))
    assert result.status == "failed"
    assert "laddningen skulle ta bort" in result.message and "--allow-shrink" in result.message
    assert len(boundaries(copy)) == 2010


def test_online_the_files_come_from_gisco_as_snapshots_with_sha256(
    tmp_path, geo_dir, monkeypatch, backend
):
    with replay_server() as server:
        for level in extract.LEVELS:
            body = (geo_dir / extract.file_name(level)).read_bytes()
            path = f"/nuts/geojson/{extract.file_name(level)}"
            server.route("GET", path, Answer(body))
        monkeypatch.setattr(extract, "GISCO_URL", server.url + "/nuts/geojson/")
        settings = make_settings(tmp_path, offline=False, backend=backend)
        result, output = run_etl(settings, "geo")
    assert result.status == "ok", output
    kept = sorted((tmp_path / "raw" / "geo").glob("*.geojson"))
    assert len(kept) == 4
    meta = json.loads(sidecar_path(kept[2]).read_text(encoding="utf-8"))
    assert meta["sha256"] == sha256_of(kept[2])
    assert meta["url"].endswith(extract.file_name(2))
    assert len(boundaries(settings)) == 2010
    # offline later: the snapshots are the input, and they are unchanged
    again, _ = run_etl(replace(settings, offline=True), "geo")
    assert again.status == "unchanged"


def test_coordinates_are_rounded_and_repeated_points_dropped():
    geometry = {
        "type": "Polygon",
        "coordinates": [[[1.00001, 2.0], [1.00002, 2.0], [3.0, 2.0], [3.0, 4.0], [1.0, 2.0]]],
    }
    assert transform.clean_geometry(geometry) == {
        "type": "Polygon",
        "coordinates": [[[1.0, 2.0], [3.0, 2.0], [3.0, 4.0], [1.0, 2.0]]],
    }


def test_a_level_that_does_not_match_the_code_is_a_problem():
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"NUTS_ID": "SE33", "LEVL_CODE": 3},
                "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
            }
        ],
    }
    (problem,) = validate.check(document, "x.geojson")
    assert problem.column == "LEVL_CODE" and problem.values == ("SE33: 3",)


def test_the_same_region_in_two_files_is_refused():
    (problem,) = validate.across_files({"a.geojson": ["SE33"], "b.geojson": ["SE33", "SE21"]})
    assert problem.file == "b.geojson" and "a.geojson" in problem.message

"""`rusmon status`: every source and indicator, rows, freshness and what failed."""

import io

from etl.status import print_status
from tests.conftest import make_settings, run_etl


def status_text(settings, cat) -> str:
    out = io.StringIO()
    assert print_status(settings, cat, out) == 0
    return out.getvalue()


def test_without_a_warehouse_status_says_how_to_build_one(tmp_path, cat):
    out = io.StringIO()
    assert print_status(make_settings(tmp_path), cat, out) == 1
    assert "rusmon etl" in out.getvalue()


def test_status_lists_every_source_and_every_indicator(tmp_path, cat, shared_data):
    settings = make_settings(tmp_path, sources_dir=shared_data)
    run_etl(settings, "manual")
    run_etl(settings, "tva")
    text = status_text(settings, cat)
    for source in ("ris", "scb", "kolada", "tva", "eurostat", "manual"):
        assert f"  {source} " in text
    for indicator_id in cat.indicators:
        assert f"  {indicator_id} " in text
    lines = {line.split()[0]: line for line in text.splitlines() if line.startswith("  ")}
    assert "aldrig körd" in lines["ris"]
    assert "483 värden, 21 regioner, 1997–2019" in lines["export_value_per_inhabitant_20_64"]
    assert "väntar på fil" in lines["reglab_innovation_index"]
    assert "(från manual)" in lines["rd_business_per_inhabitant"]
    assert "53 värden, 1 regioner, 2011Q1–2024Q1" in lines["new_firms_quarterly"]


def test_a_failed_run_is_shown_with_its_reason(tmp_path, cat, shared_data):
    settings = make_settings(tmp_path, sources_dir=shared_data)
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "indicator_id,region,period,sex,value,unit,source,note\nnope,SE,2020,T,1,,,\n"
    )
    result, _ = run_etl(settings, "manual", files=(str(broken),))
    assert result.status == "failed"
    text = status_text(settings, cat)
    [manual] = [line for line in text.splitlines() if line.startswith("  manual ")]
    assert "failed" in manual
    assert "broken.csv" in text and "nope" in text

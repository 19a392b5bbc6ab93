"""`rusmon status`: every source and indicator, rows, freshness and what failed."""

import io

from etl.status import print_status
from indicators.formatting import format_number
from tests.conftest import make_settings, run_etl
from tests.followup_files import followup_rows, indicators_waiting_for_a_file


def status_text(settings, cat) -> str:
    out = io.StringIO()
    assert print_status(settings, cat, out) == 0
    return out.getvalue()


def test_without_a_warehouse_status_says_how_to_build_one(tmp_path, cat):
    out = io.StringIO()
    assert print_status(make_settings(tmp_path), cat, out) == 1
    assert "rusmon etl" in out.getvalue()


def indicator_lines(text: str) -> dict[str, str]:
    return {line.split()[0]: line for line in text.splitlines() if line.startswith("  ")}


def test_status_lists_every_source_and_every_indicator(tmp_path, cat, shared_data):
    settings = make_settings(tmp_path, sources_dir=shared_data)
    run_etl(settings, "tva")
    from_files_only = [i.id for i in cat.indicators.values() if i.source.type == "manual"]
    before = indicator_lines(status_text(settings, cat))
    assert all("väntar på fil" in before[indicator_id] for indicator_id in from_files_only)
    run_etl(settings, "manual")
    text = status_text(settings, cat)
    for source in ("ris", "scb", "kolada", "tva", "eurostat", "manual"):
        assert f"  {source} " in text
    for indicator_id in cat.indicators:
        assert f"  {indicator_id} " in text
    lines = indicator_lines(text)
    assert "aldrig körd" in lines["ris"]
    files = followup_rows(shared_data)
    for indicator_id, rows in files.groupby("indicator_id"):
        values = format_number((rows["value"] != "").sum())
        regions, first, last = rows["region"].nunique(), rows["period"].min(), rows["period"].max()
        assert f"{values} värden, {regions} regioner, {first}–{last}" in lines[indicator_id]
        if cat.indicators[indicator_id].source.type != "manual":
            assert "(från manual)" in lines[indicator_id]
    for indicator_id in indicators_waiting_for_a_file(cat, shared_data):
        assert "väntar på fil" in lines[indicator_id]
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

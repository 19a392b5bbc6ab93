"""`rusmon status`: every source and indicator, values, freshness and what failed."""

import io

from etl.status import print_status
from indicators.formatting import format_number
from tests.conftest import make_settings, run_etl
from tests.followup_files import followup_rows, indicators_waiting_for_a_file


def status_text(settings, cat) -> str:
    out = io.StringIO()
    assert print_status(settings, cat, out) == 0
    return out.getvalue()


def test_without_a_warehouse_status_says_how_to_build_one(tmp_path, cat, backend):
    out = io.StringIO()
    assert print_status(make_settings(tmp_path, backend=backend), cat, out) == 1
    assert "rusmon etl" in out.getvalue()


def source_lines(text: str) -> dict[str, str]:
    sources = text.split("\nIndikatorer\n")[0]
    return {line.split()[0]: line for line in sources.splitlines() if line.startswith("  ")}


def indicator_blocks(text: str, cat) -> dict[str, str]:
    """Indicator id → what status says under the indicator's name."""
    part = text.split("\nIndikatorer\n")[1].split("\nRIS-upplagor\n")[0]
    blocks: dict[str, list[str]] = {}
    for line in part.splitlines():
        if line.startswith("      "):
            blocks[list(blocks)[-1]].append(line.strip())
        else:
            blocks[line.strip()] = []
    by_name = {i.name("sv"): i.id for i in cat.indicators.values()}
    return {by_name[name]: "\n".join(lines) for name, lines in blocks.items()}


def test_status_lists_every_source_and_every_indicator_by_name(tmp_path, cat, shared_data, backend):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    run_etl(settings, "tva")
    from_files_only = [i.id for i in cat.indicators.values() if i.source.type == "manual"]
    before = indicator_blocks(status_text(settings, cat), cat)
    assert all(before[i].startswith("manual: väntar på fil") for i in from_files_only)
    run_etl(settings, "manual")
    text = status_text(settings, cat)
    assert set(source_lines(text)) == {
        *("ris", "scb", "kolada", "tva", "eurostat", "manual", "geo", "goals")
    }
    blocks = indicator_blocks(text, cat)
    assert set(blocks) == set(cat.indicators)
    assert "aldrig körd" in source_lines(text)["ris"]
    files = followup_rows(shared_data)
    for indicator_id, rows in files.groupby("indicator_id"):
        present = rows[rows["value"] != ""]
        regions = present["region"].nunique()
        first, last = present["period"].min(), present["period"].max()
        values = format_number(len(present))
        missing = len(rows) - len(present)
        shown = f"{values} värden" + (f" (och {missing} saknade i källan)" if missing else "")
        shown += f", {regions} {'region' if regions == 1 else 'regioner'}, "
        shown += first if first == last else f"{first}–{last}"
        assert shown in blocks[indicator_id]
        if cat.indicators[indicator_id].source.type != "manual":
            assert "(från manual)" in blocks[indicator_id]
    for indicator_id in indicators_waiting_for_a_file(cat, shared_data):
        # The id is shown where it is needed: it is what a file's indicator_id column says.
        assert f"väntar på fil (indicator_id {indicator_id})" in blocks[indicator_id]
    assert "tva: 53 värden, 1 region, 2011Q1–2024Q1" in blocks["new_firms_quarterly"]


def test_counts_are_values_present_and_add_up_to_what_the_etl_loaded(
    tmp_path, cat, shared_data, backend
):
    # TEST DATA: the real Eurostat files: 260 rows per indicator, 26 and 2 of them marked
    # missing (":" in the file). The ETL's summary counts its rows; status says how many are
    # values and how many were missing, adding up to the same 260.
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    result, _ = run_etl(settings, "eurostat")
    blocks = indicator_blocks(status_text(settings, cat), cat)
    shown = {
        "eurostat_lifelong_learning_25_64": (234, 26),
        "eurostat_tertiary_attainment_25_64": (258, 2),
    }
    for indicator_id, (values, missing) in shown.items():
        assert f"{values} värden (och {missing} saknade i källan)" in blocks[indicator_id]
    assert result.rows == sum(v + m for v, m in shown.values())


def test_source_states_are_in_swedish_and_a_failed_run_is_shown_with_its_reason(
    tmp_path, cat, shared_data, backend
):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    run_etl(settings, "tva")
    skipped, _ = run_etl(settings, "kolada")  # offline, and no Kolada answers kept
    assert skipped.status == "skipped"
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "indicator_id,region,period,sex,value,unit,source,note\nnope,SE,2020,T,1,,,\n"
    )
    result, _ = run_etl(settings, "manual", files=(str(broken),))
    assert result.status == "failed"
    text = status_text(settings, cat)
    lines = source_lines(text)
    assert lines["manual"].split()[1] == "misslyckades"
    assert lines["tva"].split()[1] == "ok"
    assert "hoppades över" in lines["kolada"]
    assert "Nystartade företag per kvartal (53)" in lines["tva"]  # names, not ids
    assert "broken.csv" in text and "nope" in text  # a failure keeps what is to be corrected
    for word in ("failed", "skipped", "unchanged"):
        assert word not in text

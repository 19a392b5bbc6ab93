"""Fuzzing every parser with Hypothesis: whatever the input, only rusmon's own errors escape
(SourceError / ValidationError for the ETL, JsonStatError for the JSON-stat reader,
InputLimitError for the size checks, CatalogueError for the catalogue).

Time-bounded: each test runs a fixed, small number of examples (FUZZ); the module takes
well under a minute. Starting points are real inputs from ../shared/data, mutated.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.errors import MAX_MESSAGE_CHARS, EtlError, Problem, SourceError, clip, shown
from etl.jsonstat import JsonStatError, read_jsonstat, read_pxweb_json
from etl.limits import InputLimitError, check_workbook, parse_json
from etl.observations import validate
from etl.observations.frame import as_number, tidy
from etl.snapshots import SourceInput
from etl.sources.eurostat import transform as eurostat
from etl.sources.kolada import transform as kolada
from etl.sources.manual import extract as manual_extract
from etl.sources.manual import transform as manual_transform
from etl.sources.ris import run as ris_run
from etl.sources.scb import transform as scb
from etl.sources.tva import transform as tva
from indicators.catalogue import (
    CatalogueError,
    catalogue,
    load_indicator,
    load_mandate_periods,
    load_regions,
    load_ris_framework,
)
from indicators.catalogue_yaml import read_yaml
from indicators.goals.load import load_strategy
from tests.conftest import SHARED_DATA

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FUZZ, max_examples=40)

CAT = catalogue()
SCB_V2 = json.loads(
    (SHARED_DATA / "sweden" / "scb_v2_TAB638_data_response_jsonstat2.json").read_text()
)
SCB_V1 = json.loads(
    (SHARED_DATA / "sweden" / "scb_v1_BefolkningNy_POST_response_json.json").read_text()
)
TRNG = (SHARED_DATA / "eurostat" / "trng_lfse_04_SE_EU_excerpt.tsv").read_text(encoding="utf-8")
UNEMPLOYMENT = (SHARED_DATA / "followup" / "unemployment_rate_20_64.csv").read_text(
    encoding="utf-8"
)
KOLADA = {
    "values": [
        {"kpi": "N85085", "municipality": "0001", "period": 2011,
         "values": [{"count": 1, "gender": "T", "status": "", "value": 13728.601803}]},
    ]
}  # fmt: skip  # TEST DATA: a real figure (Stockholms län 2011) in Kolada's shape

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["..", ":", "", "abc", "1e400", "-1", "2099", "NaN", "Region", "Tid"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)


def mutate(document: Any, draw_path: list, replacement: Any) -> Any:
    """The document with the node at `draw_path` (indices into keys/items) replaced."""
    if not draw_path:
        return replacement
    step, rest = draw_path[0], draw_path[1:]
    if isinstance(document, dict) and document:
        key = list(document)[step % len(document)]
        return {**document, key: mutate(document[key], rest, replacement)}
    if isinstance(document, list) and document:
        i = step % len(document)
        return [*document[:i], mutate(document[i], rest, replacement), *document[i + 1 :]]
    return replacement


mutations = st.tuples(st.lists(st.integers(0, 50), max_size=6), json_values)


_SCRATCH = tempfile.TemporaryDirectory(prefix="rusmon_fuzz_")  # removed when the run ends
_COUNT = iter(range(10**9))


def scratch() -> Path:
    """A fresh, empty folder for one example."""
    folder = Path(_SCRATCH.name) / str(next(_COUNT))
    folder.mkdir()
    return folder


def snapshot_of(content: bytes, suffix: str = ".json") -> SourceInput:
    path = scratch() / f"answer{suffix}"
    path.write_bytes(content)
    return SourceInput(path=path, sha256="fuzz", origin="https://fuzz.invalid/answer")


def only_source_errors(call) -> None:
    try:
        call()
    except SourceError as error:
        assert len(str(error)) <= MAX_MESSAGE_CHARS + 100


# ---------------------------------------------------------------- messages


@FUZZ
@given(st.one_of(json_values, st.text(min_size=150, max_size=5000)))
def test_an_offending_value_is_shown_with_at_most_200_characters(value):
    assert len(shown(value)) <= 200 and len(clip(value)) <= 200
    problem = Problem("f.csv", "fel", "value", tuple(range(20)), (str(value),) * 9, ("p",) * 9)
    assert len(str(problem)) < 2000


@FUZZ
@given(json_values)
def test_any_value_is_a_finite_number_missing_or_refused(value):
    number, bad = as_number(value)
    assert math.isnan(number) or math.isfinite(number)
    assert bad is None or (math.isnan(number) and len(bad) <= 200)


# ---------------------------------------------------------------- JSON and JSON-stat


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_json_bytes_give_a_document_or_a_refusal(raw):
    # UnicodeDecodeError and JSONDecodeError are ValueErrors
    with contextlib.suppress(InputLimitError, ValueError):
        parse_json(raw)


@FUZZ
@given(mutations)
def test_json_stat_reader_raises_only_its_own_error(mutation):
    path, value = mutation
    try:
        dataset = read_jsonstat(mutate(SCB_V2, path, value))
    except JsonStatError:
        return
    assert {"value", "status", "bad_value"} <= set(dataset.frame.columns)


@FUZZ
@given(mutations)
def test_pxweb_json_reader_raises_only_its_own_error(mutation):
    path, value = mutation
    with contextlib.suppress(JsonStatError):
        read_pxweb_json(mutate(SCB_V1, path, value))


@FUZZ
@given(json_values)
def test_json_stat_reader_on_anything(document):
    with contextlib.suppress(JsonStatError):
        read_jsonstat(document)


# ---------------------------------------------------------------- the connectors' parsers


@FEW
@given(mutations, st.sampled_from(["population", "grp_current_prices", "grp_per_inhabitant"]))
def test_scb_parse_raises_only_source_errors(mutation, indicator_id):
    path, value = mutation
    document = mutate(SCB_V1 if indicator_id == "population" else SCB_V2, path, value)
    snapshot = snapshot_of(json.dumps(document).encode())
    only_source_errors(lambda: scb.parse(CAT.indicators[indicator_id], [snapshot], CAT.regions))


@FEW
@given(mutations)
def test_kolada_parse_raises_only_source_errors(mutation):
    path, value = mutation
    snapshot = snapshot_of(json.dumps(mutate(KOLADA, path, value)).encode())
    indicator = CAT.indicators["rd_business_per_inhabitant"]
    only_source_errors(lambda: kolada.parse(indicator, [snapshot], CAT.regions))


@FEW
@given(mutations)
def test_eurostat_and_tva_json_parse_raise_only_source_errors(mutation):
    path, value = mutation
    snapshot = snapshot_of(json.dumps(mutate(SCB_V2, path, value)).encode())
    for module, indicator_id in (
        (eurostat, "eurostat_lifelong_learning_25_64"),
        (tva, "new_firms_quarterly"),
    ):
        indicator = CAT.indicators[indicator_id]
        only_source_errors(lambda m=module, i=indicator: m.parse(i, [snapshot], CAT.regions))


@FUZZ
@given(st.integers(0, len(TRNG)), st.text(max_size=40), st.integers(0, len(TRNG)))
def test_eurostat_tsv_raises_only_source_errors(at, inserted, cut):
    text = (TRNG[:at] + inserted + TRNG[at:])[: max(cut, 1)]
    snapshot = snapshot_of(text.encode("utf-8", errors="surrogatepass"), ".tsv")
    indicator = CAT.indicators["eurostat_lifelong_learning_25_64"]
    only_source_errors(lambda: eurostat.parse(indicator, [snapshot], CAT.regions))


def tidy_file_check(path: Path) -> None:
    """Read a hand-kept file the way `rusmon etl manual` does; return its problems."""
    try:
        raw = manual_extract.read_tidy_file(path)
    except manual_extract.TidyFileError as error:
        assert len(str(error.problem)) < 3000
        return
    frame, problems = manual_transform.to_tidy(raw, CAT, path.name)
    problems += validate.check(frame, CAT, path.name, region_column="region")
    assert all(len(str(p)) < 3000 for p in problems)
    if not problems:
        rows = tidy(frame)
        assert rows["value"].map(lambda v: math.isnan(v) or math.isfinite(v)).all()


@FUZZ
@given(st.integers(0, len(UNEMPLOYMENT)), st.text(max_size=60), st.booleans())
def test_a_tidy_csv_is_read_or_refused_with_problems(at, inserted, semicolons):
    text = UNEMPLOYMENT[:at] + inserted + UNEMPLOYMENT[at:]
    if semicolons:
        text = text.replace(",", ";")
    snapshot = snapshot_of(text.encode("utf-8", errors="surrogatepass"), ".csv")
    tidy_file_check(snapshot.path)


# What a worksheet can hold (no control characters: openpyxl refuses to write them).
cell_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
cells = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False), cell_text,
    st.sampled_from(["2099", "0000", "2023Q2", "SE331", "T", "procent", "unemployment_rate_20_64",
                     "20 Dalarnas län", "..", "1e400"]),
)  # fmt: skip


@FEW
@given(st.lists(st.lists(cells, min_size=8, max_size=8), max_size=4), st.booleans())
def test_a_tidy_xlsx_is_read_or_refused_with_problems(rows, with_header):
    header = ["indicator_id", "region", "period", "sex", "value", "unit", "source", "note"]
    frame = pd.DataFrame(([header] if with_header else []) + rows)
    snapshot = snapshot_of(b"", ".xlsx")
    frame.to_excel(snapshot.path, header=False, index=False)
    tidy_file_check(snapshot.path)


@FEW
@given(st.lists(st.tuples(cells, cells, cells), max_size=6))
def test_a_tva_export_raises_only_source_errors(rows):
    # TEST DATA layout: the real export's title, content header, then period | region | value.
    top = [["Nystartade företag", None, None], [None, None, "antal nystartade företag"]]
    snapshot = snapshot_of(b"", ".xlsx")
    pd.DataFrame(top + [list(r) for r in rows]).to_excel(snapshot.path, header=False, index=False)
    indicator = CAT.indicators["new_firms_quarterly"]
    only_source_errors(lambda: tva.parse(indicator, [snapshot], CAT.regions))


# ---------------------------------------------------------------- RIS workbooks (as sheets)

RIS_HEADER = ["Indicator", "Year", "Zone", "Country", "CountryName", "Region", "RegionName",
              "Level", "Value", "performance group"]  # fmt: skip
RIS_ROWS = [
    ["0 Summary Innovation Index", 2023, "EU", "EU", "EU", "EU", "European Union", 0, 110.9, ""],
    ["0 Summary Innovation Index", 2023, "Nordic", "SE", "Sweden", "SE33", "Övre Norrland", 2,
     125.5, "Leader"],
]  # fmt: skip  # TEST DATA layout of RIS_2023.xlsx; values as published in RIS 2023


@FUZZ
@given(
    st.lists(st.lists(cells, min_size=10, max_size=10), max_size=5),
    st.integers(0, 1),
    st.lists(st.tuples(st.integers(0, 6), st.integers(0, 9), cells), max_size=4),
)
def test_ris_sheets_give_an_edition_or_a_rusmon_error(extra_rows, keep_header, edits):
    grid = ([RIS_HEADER] if keep_header else []) + [list(r) for r in RIS_ROWS + extra_rows]
    for row, column, value in edits:
        if row < len(grid):
            grid[row][column] = value
    sheets = {"RIS": pd.DataFrame(grid, dtype=object)}
    try:
        ris_run.process(sheets, "fuzz.xlsx", CAT)
    except EtlError as error:
        assert len(error.message) <= MAX_MESSAGE_CHARS


# ---------------------------------------------------------------- workbook size checks


@FUZZ
@given(st.binary(max_size=400), st.booleans())
def test_the_workbook_check_refuses_or_passes_any_bytes(data, as_zip):
    path = snapshot_of(b"", ".xlsx").path
    if as_zip:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/worksheets/sheet1.xml", data)
        data = buffer.getvalue()
    path.write_bytes(data)
    with contextlib.suppress(InputLimitError):
        check_workbook(path, max_bytes=1000, max_cells=50)


# ---------------------------------------------------------------- catalogue YAML

CATALOGUE = Path(__file__).resolve().parents[2] / "indicators" / "catalogue"
YAML_FILES = {
    "indicator": (CATALOGUE / "indicators" / "population.yaml", load_indicator),
    "strategy": (CATALOGUE / "strategies" / "kalmar_rus.yaml", load_strategy),
    "regions": (CATALOGUE / "regions" / "sweden.yaml", None),
    "mandate_periods": (CATALOGUE / "mandate_periods.yaml", load_mandate_periods),
    "framework": (CATALOGUE / "ris" / "eis_2021_framework.yaml", load_ris_framework),
}
yaml_noise = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["&a [1, 2]", "*a", "[[[[", "{a: 1", ": :", "- x", "!!python/object:os.system",
                     "abc", "1e400", ".nan", "~", "2018-13-40", "\t", "\n  - ", "'", '"']),
)  # fmt: skip


@FUZZ
@given(st.sampled_from(sorted(YAML_FILES)), st.integers(0, 10_000), yaml_noise, st.booleans())
def test_a_catalogue_file_loads_or_gives_a_catalogue_error(kind, at, noise, replace_line):
    original, loader = YAML_FILES[kind]
    text = original.read_text(encoding="utf-8")
    if replace_line:
        lines = text.splitlines()
        lines[at % len(lines)] = noise
        text = "\n".join(lines)
    else:
        at %= len(text) + 1
        text = text[:at] + noise + text[at:]
    folder = scratch()
    path = folder / original.name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        if loader is None:
            load_regions(folder)
        else:
            loader(path)
    except CatalogueError as error:
        assert error.file is not None and len(str(error)) < 1000 + len(str(path))


@FUZZ
@given(json_values)
def test_any_yaml_document_reads_or_gives_a_catalogue_error(document):
    path = scratch() / "x.yaml"
    path.write_text(json.dumps(document), encoding="utf-8")  # JSON is YAML
    try:
        read_yaml(path)
        load_indicator(path)
    except CatalogueError:
        pass

"""Every kind of bad input fails `rusmon etl` with a message, never a traceback, and leaves
the warehouse exactly as it was (tests/badinput/corpus.py lists the cases)."""

from __future__ import annotations

import pytest

from tests.badinput.corpus import CASES, KNOWN_GAPS
from tests.badinput.harness import Case, run_case


def test_the_corpus_covers_every_input_kind_with_at_least_60_cases():
    kinds = {case.id.split("-")[0] for case in CASES}
    assert {"ris", "csv", "xlsx", "tsv", "tva", "scb", "kolada", "snapshot"} <= kinds
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [*CASES, *KNOWN_GAPS], ids=str)
def test_a_bad_input_fails_with_file_place_and_problem_and_changes_nothing(
    case: Case, tmp_path, shared_data, good, monkeypatch, capsys
):
    run_case(case, tmp_path, shared_data, good, monkeypatch, capsys)

"""The good warehouse every bad-input case starts from (tests/badinput/harness.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.badinput.harness import Good, build_good


@pytest.fixture(scope="session")
def good(tmp_path_factory: pytest.TempPathFactory, shared_data: Path, ris_2023_path: Path) -> Good:
    return build_good(tmp_path_factory.mktemp("badinput_good"), shared_data, ris_2023_path)

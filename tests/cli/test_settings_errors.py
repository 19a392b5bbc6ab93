"""A setting that cannot be used stops every command with its name and value, not a traceback."""

from __future__ import annotations

import pytest

from cli.main import main


@pytest.mark.parametrize(
    ("variable", "value", "command"),
    [
        ("RUSMON_DB_POOL_SIZE", "fem", ["status"]),
        ("RUSMON_STATEMENT_TIMEOUT", "x", ["etl", "geo"]),
        ("RUSMON_STATEMENT_TIMEOUT", "-3", ["goals", "--strategy", "x"]),
    ],
)
def test_a_bad_setting_is_named_and_the_command_exits_2(
    monkeypatch, capsys, tmp_path, variable, value, command
):
    monkeypatch.setenv("RUSMON_DATABASE_URL", f"duckdb:///{tmp_path / 'lager.duckdb'}")
    monkeypatch.setenv(variable, value)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"rusmon {command[0]}: {variable}='{value}' går inte att använda")
    assert "Traceback" not in err

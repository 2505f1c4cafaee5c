from __future__ import annotations

import pytest

from intersector import cli


def test_no_arguments_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run([]) in (0, 2)
    assert "Usage" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["no-such-command"]) == 2
    assert "No such command" in capsys.readouterr().err

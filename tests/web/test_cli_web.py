"""`intersector user add/role/token/list` and `intersector serve` (uvicorn replaced by a stub)."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from intersector import cli
from intersector.store import open_store


@pytest.fixture
def env(cli_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERSECTOR_AUTHOR", "operator")
    return cli_database


def test_user_add_role_token_list(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert (
        cli.run(["user", "add", "tom", "--role", "editor", "--sector", "itu-t", "--password-stdin"])
        == 0
    )
    assert cli.run(["user", "role", "tom", "editor", "--group", "itu-t-sg13"]) == 0
    assert cli.run(["user", "role", "tom", "coordinator"]) == 0
    capsys.readouterr()
    assert cli.run(["user", "token", "tom", "--scope", "write", "--label", "ci"]) == 0
    plain = capsys.readouterr().out.strip().splitlines()[-1]
    assert plain.startswith("isk_")
    assert cli.run(["user", "list"]) == 0
    table = capsys.readouterr().out
    assert "┃ user ┃" in table and "┃ role " in table  # a header names the columns
    assert re.search(r"│ tom +│ +│ coordinator +│ itu-t +│ itu-t-sg13 +│ active +│", table)
    assert cli.run(["user", "list", "--format", "json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed == {
        "id": "tom",
        "name": "",
        "role": "coordinator",
        "sectors": ["itu-t"],
        "groups": ["itu-t-sg13"],
        "disabled": False,
    }
    store = open_store(env)
    user = store.get("user", "tom")
    assert user.password_hash.startswith("$argon2id$")
    assert [v.author for v in store.history("user", "tom")] == ["operator"] * 3
    assert user.groups == ("itu-t-sg13",)
    key = plain.split("_")[1]
    assert cli.run(["user", "token", "tom", "--revoke", key]) == 0
    assert store.get("token", key).revoked
    store.close()


def test_user_errors_exit_2(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.run(["user", "add", "ann", "--password-stdin"]) == 2
    assert "at least 10" in capsys.readouterr().err
    assert cli.run(["user", "role", "nobody", "admin"]) == 2
    assert cli.run(["user", "token", "nobody"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert cli.run(["user", "add", "ann", "--role", "king", "--password-stdin"]) == 2
    assert "king" in capsys.readouterr().err


def test_serve_starts_uvicorn_on_the_factory(env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    called: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: called.update(app=app, **kwargs))
    assert cli.run(["serve", "--host", "127.0.0.1", "--port", "8123"]) == 0
    assert called["app"] == "intersector.web.app:app_from_env" and called["factory"] is True
    assert (called["host"], called["port"]) == ("127.0.0.1", 8123)


def test_every_web_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (
        ["serve"],
        ["user", "add"],
        ["user", "role"],
        ["user", "token"],
        ["user", "list"],
    ):
        assert cli.run([*command, "--help"]) == 0
        assert "Usage" in capsys.readouterr().out


def test_cli_tokens_follow_the_role(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8 item 2 at the CLI: a token carries at most what its owner's role allows."""
    for name, role in (("tom", "editor"), ("adam", "admin")):
        monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
        assert cli.run(["user", "add", name, "--role", role, "--password-stdin"]) == 0
    capsys.readouterr()
    assert cli.run(["user", "token", "tom", "--scope", "admin"]) == 2
    assert "may not grant the scope 'admin'" in capsys.readouterr().err
    assert cli.run(["user", "token", "adam", "--scope", "admin"]) == 0
    assert "(read, write, admin)" in capsys.readouterr().out
    assert cli.run(["user", "token", "tom", "--scope", "root"]) == 2
    assert cli.run(["user", "token", "nobody", "--revoke", "abc"]) == 2
    assert "no user 'nobody'" in capsys.readouterr().err


def test_cli_password_and_revoke_sessions_end_sessions(
    env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 8 item 3 at the CLI: `user password` and `user revoke-sessions` end the sessions."""
    from intersector import services

    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert cli.run(["user", "add", "rita", "--password-stdin"]) == 0
    store = open_store(env)
    first = services.sign_in(store, "rita", "a long enough password", "10.0.0.1")
    assert services.principal_for_session(store, "rita", first.session_id).name == "rita"
    monkeypatch.setattr("sys.stdin", io.StringIO("a new long password\n"))
    assert cli.run(["user", "password", "rita", "--password-stdin"]) == 0
    assert services.principal_for_session(store, "rita", first.session_id).user is None
    second = services.sign_in(store, "rita", "a new long password", "10.0.0.1")
    capsys.readouterr()
    assert cli.run(["user", "revoke-sessions", "rita"]) == 0
    assert "1 session(s) of rita ended" in capsys.readouterr().out
    assert services.principal_for_session(store, "rita", second.session_id).user is None
    assert cli.run(["user", "revoke-sessions", "nobody"]) == 2
    assert "no user 'nobody'" in capsys.readouterr().err
    store.close()

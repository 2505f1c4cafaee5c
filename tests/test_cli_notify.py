"""`intersector watch` and `intersector notify`: the watch list of a user, what would be sent
(--dry-run), sending once, and bad mail settings as clear errors (exit 2, no traceback)."""

from __future__ import annotations

import pytest
from tests.builders import activity, group, liaison
from tests.smtp_server import smtp_server

from intersector import cli
from intersector.domain.users import User
from intersector.store import open_store


@pytest.fixture
def db(cli_database: str) -> str:
    with open_store(cli_database) as store:
        items = [group("itu-t-sg13"), group("itu-r-wp5d"), activity("itu-t-rec-y.3101")]
        store.save_many([*items, liaison("itu-r-wp5d-ls-1")], author="t", reason="fixture")
        store.save(User("tom", "editor", ("itu-t",)), author="t", reason="")
    return cli_database


def test_watch_add_list_remove(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["watch", "add", "group", "ITU-T-SG13", "--user", "tom"]) == 0
    assert "tom now follows the group itu-t-sg13" in capsys.readouterr().out
    assert cli.run(["watch", "add", "liaison", "itu-r-wp5d-ls-1", "--user", "tom"]) == 0
    capsys.readouterr()
    assert cli.run(["watch", "list", "--user", "tom"]) == 0
    assert capsys.readouterr().out == "group\titu-t-sg13\nliaison\titu-r-wp5d-ls-1\n"
    assert cli.run(["watch", "remove", "group", "itu-t-sg13", "--user", "tom"]) == 0
    assert cli.run(["watch", "remove", "group", "itu-t-sg13", "--user", "tom"]) == 2
    assert "does not follow the group 'itu-t-sg13'" in capsys.readouterr().err
    assert cli.run(["watch", "add", "group", "itu-t-sg99", "--user", "tom"]) == 2
    assert cli.run(["watch", "add", "group", "itu-t-sg13", "--user", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "no group 'itu-t-sg99'" in err and "no user 'nobody'" in err
    assert "Traceback" not in err


def test_notify_dry_run_then_send_once(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.run(["user", "email", "tom", "tom@example.org"]) == 0
    assert cli.run(["watch", "add", "group", "itu-t-sg13", "--user", "tom"]) == 0
    capsys.readouterr()
    assert cli.run(["notify", "--dry-run", "--date", "2024-09-28", "--lead-days", "3"]) == 0
    out = capsys.readouterr().out
    assert "To: tom@example.org" in out and "Subject: [intersector] Due 2024-10-01" in out
    assert out.endswith("2024-09-28: 1 mail(s) would be sent\n")
    assert cli.run(["notify", "--dry-run", "--date", "2024-09-28", "--lead-days", "2"]) == 0
    assert capsys.readouterr().out.endswith("0 mail(s) would be sent\n")
    with smtp_server() as inbox:
        monkeypatch.setenv("INTERSECTOR_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("INTERSECTOR_SMTP_PORT", str(inbox.port))
        monkeypatch.setenv("INTERSECTOR_SMTP_FROM", "intersector@example.org")
        monkeypatch.setenv("INTERSECTOR_REMINDER_DAYS", "3")
        assert cli.run(["notify", "--date", "2024-09-28"]) == 0
        assert cli.run(["notify", "--date", "2024-09-29"]) == 0
    out = capsys.readouterr().out
    assert out.count("sent to tom@example.org") == 1
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "INTERSECTOR_SMTP_HOST"),
        ({"INTERSECTOR_SMTP_PORT": "smtp"}, "INTERSECTOR_SMTP_PORT"),
        ({"INTERSECTOR_SMTP_PORT": "70000"}, "INTERSECTOR_SMTP_PORT"),
        ({"INTERSECTOR_REMINDER_DAYS": "-1"}, "INTERSECTOR_REMINDER_DAYS"),
        ({"INTERSECTOR_SMTP_HOST": "no-such-host.invalid"}, "INTERSECTOR_SMTP_HOST"),
    ],
)
def test_bad_mail_settings_exit_2_naming_the_setting(
    db: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    named: str,
) -> None:
    cli.run(["user", "email", "tom", "tom@example.org"])
    cli.run(["watch", "add", "group", "itu-t-sg13", "--user", "tom"])
    monkeypatch.setenv("INTERSECTOR_SMTP_FROM", "intersector@example.org")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert cli.run(["notify", "--date", "2024-09-28"]) == 2
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err

"""Reminders and digests through a real (local) SMTP server: each sent once, even after a
restart or a second run; bad mail settings are clear errors naming the setting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from tests.builders import activity, group, liaison, subject
from tests.smtp_server import Inbox, free_port, smtp_server

from intersector import services
from intersector.domain.errors import IntersectorError, NotFoundError, PermissionDeniedError
from intersector.domain.users import User
from intersector.settings import Settings, Smtp
from intersector.store import Store, open_store

DEADLINE = date(2024, 10, 1)  # WP 5D's liaison to SG13, for action


@pytest.fixture
def registry(store: Store) -> Store:
    items = [
        group("itu-r-wp5d"),
        group("itu-t-sg13"),
        subject("imt"),
        activity("itu-r-q229-5"),
        activity("itu-t-rec-y.3101"),
        liaison("itu-r-wp5d-ls-1"),
    ]
    store.save_many(items, author="test", reason="fixture")
    store.save(User("tom", "editor", ("itu-t",), email="tom@example.org"), author="t", reason="")
    store.save(User("ned", "reader"), author="t", reason="")
    return store


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    with smtp_server() as server:
        yield server


def _settings(url: str, inbox: Inbox, **smtp: object) -> Settings:
    mail = Smtp(host="127.0.0.1", port=inbox.port, sender="intersector@example.org")
    return Settings(database_url=url, smtp=replace(mail, **smtp))  # type: ignore[arg-type]


def _follow(store: Store, username: str, item_type: str, item_id: str) -> None:
    services.follow(store, services.principal_for_user(store, username), item_type, item_id)


def test_a_reminder_is_sent_once_even_after_a_restart(
    registry: Store, database_url: str, inbox: Inbox
) -> None:
    _follow(registry, "tom", "group", "ITU-T-SG13")  # typed in any case
    settings = _settings(database_url, inbox)
    day = DEADLINE - timedelta(days=5)
    first = services.send_notifications(registry, settings, day=day)
    assert [m.kind for m in first.sent] == ["reminder"]
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert inbox.recipients == [["tom@example.org"]]
    assert message["Subject"] == "[intersector] Due 2024-10-01: 5D/TEMP/123"
    assert message["From"] == "intersector@example.org"
    assert "2024-10-01 (in 5 days): reply due for liaison 5D/TEMP/123" in message.get_payload()
    assert services.send_notifications(registry, settings, day=day).sent == ()  # a second run
    with open_store(database_url) as restarted:  # another process, after a restart
        assert (
            services.send_notifications(restarted, settings, day=day + timedelta(days=1)).mails
            == ()
        )
    assert len(inbox.messages) == 1


def test_a_moved_deadline_reminds_again(registry: Store, database_url: str, inbox: Inbox) -> None:
    _follow(registry, "tom", "liaison", "itu-r-wp5d-ls-1")
    settings = _settings(database_url, inbox)
    services.send_notifications(registry, settings, day=DEADLINE - timedelta(days=3))
    moved = liaison("itu-r-wp5d-ls-1", deadline=DEADLINE + timedelta(days=2))
    registry.save(moved, author="rosa", reason="deadline moved")
    services.send_notifications(registry, settings, day=DEADLINE)
    assert [m["Subject"] for m in inbox.messages] == [
        "[intersector] Due 2024-10-01: 5D/TEMP/123",
        "[intersector] Due 2024-10-03: 5D/TEMP/123",
    ]


def test_the_daily_digest_lists_yesterdays_changes_once(
    registry: Store, database_url: str, inbox: Inbox
) -> None:
    _follow(registry, "tom", "subject", "IMT")
    _follow(registry, "ned", "subject", "imt")  # no e-mail address: left out, said so
    changed = activity("itu-t-rec-y.3101", status="approved")
    registry.save(changed, author="cora", reason="approved at the SG13 meeting")
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    settings = _settings(database_url, inbox)
    dry = services.send_notifications(registry, settings, day=tomorrow, lead_days=0, dry_run=True)
    assert [m.kind for m in dry.mails] == ["digest"] and dry.sent == () and inbox.messages == []
    assert [(s.username, s.reason) for s in dry.skipped] == [("ned", "no e-mail address")]
    run = services.send_notifications(registry, settings, day=tomorrow, lead_days=0)
    [digest] = run.sent
    assert "activity itu-t-rec-y.3101 (Y.3101), version 2 by cora" in digest.body
    assert "approved at the SG13 meeting" in digest.body
    assert "itu-r-q229-5" in digest.body  # first saved yesterday: a change too
    assert services.send_notifications(registry, settings, day=tomorrow, lead_days=0).sent == ()
    assert len(inbox.messages) == 1


def test_nothing_followed_nothing_sent(registry: Store, database_url: str, inbox: Inbox) -> None:
    run = services.send_notifications(registry, _settings(database_url, inbox), day=DEADLINE)
    assert run.mails == () and inbox.messages == []


@pytest.mark.parametrize(
    ("smtp", "setting"),
    [
        ({"host": ""}, "INTERSECTOR_SMTP_HOST"),
        ({"sender": "nobody"}, "INTERSECTOR_SMTP_FROM"),
        ({"port": 1}, "INTERSECTOR_SMTP_HOST"),  # nothing listens there
        ({"starttls": True}, "INTERSECTOR_SMTP_STARTTLS"),  # the test server offers none
        ({"user": "tom", "password": "x"}, "INTERSECTOR_SMTP_USER"),  # nor AUTH
    ],
)
def test_bad_mail_settings_name_the_setting_and_record_nothing(
    registry: Store, database_url: str, inbox: Inbox, smtp: dict[str, object], setting: str
) -> None:
    _follow(registry, "tom", "group", "itu-t-sg13")
    port = free_port() if smtp.get("port") == 1 else None
    bad = _settings(database_url, inbox, **({**smtp, "port": port} if port else smtp))
    day = DEADLINE - timedelta(days=1)
    with pytest.raises(IntersectorError) as caught:
        services.send_notifications(registry, bad, day=day)
    assert caught.value.field == setting and setting in caught.value.message
    good = services.send_notifications(registry, _settings(database_url, inbox), day=day)
    assert len(good.sent) == 1  # nothing was recorded as sent by the failed run


def test_watch_lists_follow_the_registry_and_the_rules(registry: Store) -> None:
    tom = services.principal_for_user(registry, "tom")
    watch, new = services.follow(registry, tom, "Activities", "ITU-T-REC-Y.3101")
    assert (watch.item_type, watch.item_id, new) == ("activity", "itu-t-rec-y.3101", True)
    assert services.follow(registry, tom, "activity", "itu-t-rec-y.3101")[1] is False
    with pytest.raises(NotFoundError, match="no group 'itu-t-sg99'"):
        services.follow(registry, tom, "group", "itu-t-sg99")
    with pytest.raises(IntersectorError, match="cannot follow a roadmap"):
        services.follow(registry, tom, "roadmap", "x")
    read_only = replace(tom, scopes=frozenset({"read"}), via="token")
    with pytest.raises(PermissionDeniedError, match="read-only"):
        services.follow(registry, read_only, "group", "itu-t-sg13")
    assert [w.item_id for w in services.following(registry, "tom")] == ["itu-t-rec-y.3101"]
    services.unfollow(registry, tom, "activity", "ITU-T-REC-Y.3101")
    assert services.following(registry, "tom") == []
    with pytest.raises(NotFoundError, match="does not follow"):
        services.unfollow(registry, tom, "activity", "itu-t-rec-y.3101")


def test_e_mail_addresses_are_checked(registry: Store) -> None:
    assert services.set_email(registry, "ned", " ned@example.org ", author="t").email == (
        "ned@example.org"
    )
    for bad in ("ned", "a@b.org\nBcc: x@y.org", "a b@c.org", "x@y"):
        with pytest.raises(IntersectorError, match="not an e-mail address"):
            services.set_email(registry, "ned", bad, author="t")


def test_a_digest_of_a_bulk_load_stays_short() -> None:
    from intersector.domain.notify import Change
    from intersector.reports.notify_mail import MAX_DIGEST_LINES, digest_mail

    at = datetime(2024, 9, 1, tzinfo=UTC)
    changes = [Change("activity", f"a{i}", 1, "cli", at, "load " + "x" * 500) for i in range(150)]
    mail = digest_mail("tom", "tom@example.org", at.date(), changes, "k")
    lines = [line for line in mail.body.splitlines() if line.startswith("- ")]
    assert len(lines) == MAX_DIGEST_LINES and max(len(line) for line in lines) < 260
    assert (
        "… and 50 more" in mail.body and mail.subject == "[intersector] 150 changes on 2024-09-01"
    )

"""Watch lists, e-mail reminders and digests, and subscribable feeds (issue 13).

- `follow`, `unfollow`, `following`: a signed-in user's watch list (`store/notify.py`).
- `notify`: the mail due on a day — a reminder of each liaison deadline and activity target
  within the lead days, and the digest of the previous day's changes — each sent once (the
  sent log), through the SMTP server of the settings; `dry_run` only says what would go.
- `feed`: the iCalendar of deadlines and milestones, or the Atom feed of changes, of a group, a
  subject or a user's watch list; `feed_reader` says who reads it (a read-only token in the URL).
"""

from __future__ import annotations

import re
import smtplib
import socket
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import (
    ANONYMOUS,
    Principal,
    check_can_follow,
    check_can_read,
    check_feed_token,
)
from intersector.coordination.notify import Coverage, coverage, digest_changes, due_dates
from intersector.domain.errors import (
    IntersectorError,
    NotFoundError,
    UnknownValueError,
    ValidationError,
    a,
)
from intersector.domain.notify import WATCHABLE, Change, Mail, Skipped, Watch
from intersector.domain.registry import Activity, Liaison
from intersector.domain.users import User
from intersector.reports.feeds import FeedInfo, calendar_ics, changes_atom, deadlines_of
from intersector.reports.notify_mail import digest_mail, reminder_mail
from intersector.services import lookups
from intersector.services.users import principal_for_token
from intersector.settings import Settings, Smtp
from intersector.store import Store
from intersector.store import notify as notify_store
from intersector.store import users as user_store

FEED_FORMATS = ("ics", "atom")
FEED_SCOPES = ("group", "subject", "user")
FEED_DAYS = 30  # the Atom feed's window of changes
FEED_ENTRIES = 200

# --- watch lists ---------------------------------------------------------------------------


def _watched(store: Store, item_type: str, item_id: str) -> tuple[str, str]:
    """The (type, id) typed, resolved: any case, plural types, subjects by alias."""
    name = lookups.item_type(item_type)
    if name not in WATCHABLE:
        raise UnknownValueError(
            f"cannot follow {a(name)}: follow a {', '.join(WATCHABLE[:-1])} or {WATCHABLE[-1]}",
            field="type",
            known=WATCHABLE,
        )
    if name == "subject":
        return name, lookups.named_subject(store, item_id).id
    return name, lookups.item_id(store, name, item_id)


def follow(store: Store, who: Principal, item_type: str, item_id: str) -> tuple[Watch, bool]:
    """`who` follows the item (True: newly; False: already did)."""
    check_can_follow(who)
    name, found = _watched(store, item_type, item_id)
    watch = Watch(who.name, name, found)
    return watch, notify_store.add_watch(store, watch, datetime.now(UTC))


def unfollow(store: Store, who: Principal, item_type: str, item_id: str) -> Watch:
    """`who` stops following the item; NotFoundError if they did not follow it."""
    check_can_follow(who)
    name = lookups.item_type(item_type)
    watch = Watch(who.name, name, item_id)
    if not notify_store.remove_watch(store, watch):
        mine = [w for w in notify_store.watches_of(store, who.name) if w.item_type == name]
        match = next((w for w in mine if w.item_id.lower() == item_id.strip().lower()), None)
        if match is None or not notify_store.remove_watch(store, match):
            raise NotFoundError(f"{who.name} does not follow the {name} {item_id!r}", field="id")
        return match
    return watch


def following(store: Store, username: str) -> list[Watch]:
    """What `username` follows, by type and id."""
    return notify_store.watches_of(store, user_store.require_user(store, username).id)


def is_following(store: Store, username: str, item_type: str, item_id: str) -> bool:
    return any(
        w.item_type == item_type and w.item_id == item_id
        for w in notify_store.watches_of(store, username)
    )


# --- reminders and digests -----------------------------------------------------------------


@dataclass(frozen=True)
class NotifyRun:
    """What one run found: the mail due (`mails`), those sent now (`sent`, empty in a dry run),
    the users left out, and the day and lead days it ran for."""

    day: date
    lead_days: int
    mails: tuple[Mail, ...]
    sent: tuple[Mail, ...]
    skipped: tuple[Skipped, ...]
    dry_run: bool


def _registry(store: Store) -> tuple[list[Activity], list[Liaison]]:
    activities = store.iter("activity", include_withdrawn=True)
    return list(activities), list(store.iter("liaison", include_withdrawn=True))


def _day_window(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0, 0), tzinfo=UTC)
    return start, start + timedelta(days=1)


def due_mail(store: Store, day: date, lead_days: int) -> tuple[list[Mail], list[Skipped]]:
    """The mail not sent yet on `day`: per user, one reminder listing the dates newly within
    `lead_days`, and the digest of the changes made on the day before."""
    by_user: dict[str, list[Watch]] = defaultdict(list)
    for watch in notify_store.watches_of(store):
        by_user[watch.username].append(watch)
    activities, liaisons = _registry(store)
    yesterday = day - timedelta(days=1)
    changes = notify_store.changes_between(store, *_day_window(yesterday), WATCHABLE)
    mails: list[Mail] = []
    skipped: list[Skipped] = []
    for username, watches in sorted(by_user.items()):
        user = user_store.find_user(store, username)
        if user is None or user.disabled:
            skipped.append(Skipped(username, "no such user (or disabled)"))
            continue
        if not user.email:
            skipped.append(Skipped(username, "no e-mail address"))
            continue
        covered = coverage(watches, activities, liaisons)
        mails += _user_mail(store, username, user.email, covered, day, lead_days, changes)
    return mails, skipped


def _user_mail(
    store: Store,
    username: str,
    to: str,
    covered: Coverage,
    day: date,
    lead_days: int,
    changes: Sequence[Change],
) -> list[Mail]:
    found: list[Mail] = []
    dues = due_dates(covered, day, lead_days)
    keys = {f"reminder:{username}:{d.key}": d for d in dues}
    sent = notify_store.sent_keys(store, list(keys))
    new = [(k, d) for k, d in keys.items() if k not in sent]
    if new:
        found.append(reminder_mail(username, to, [d for _, d in new], day, [k for k, _ in new]))
    yesterday = day - timedelta(days=1)
    digest_key = f"digest:{username}:{yesterday.isoformat()}"
    changed = digest_changes(covered, changes)
    if changed and not notify_store.sent_keys(store, [digest_key]):
        found.append(digest_mail(username, to, yesterday, changed, digest_key))
    return found


def send_notifications(
    store: Store,
    settings: Settings,
    *,
    day: date | None = None,
    lead_days: int | None = None,
    dry_run: bool = False,
) -> NotifyRun:
    """Send (or, `dry_run`, only list) the mail due on `day` (default today, UTC)."""
    day = day or datetime.now(UTC).date()
    lead = settings.reminder_days if lead_days is None else lead_days
    if not 0 <= lead <= 366:
        raise IntersectorError(f"lead days {lead}: give 0 to 366", field="lead-days")
    mails, skipped = due_mail(store, day, lead)
    sent: list[Mail] = []
    if mails and not dry_run:
        sender = _check_smtp(settings.smtp)
        with _smtp(settings.smtp) as server:
            sent = [m for m in mails if _send_once(store, server, sender, m)]
    return NotifyRun(day, lead, tuple(mails), tuple(sent), tuple(skipped), dry_run)


def _check_smtp(smtp: Smtp) -> str:
    if not smtp.host:
        raise IntersectorError(
            "no mail server: set INTERSECTOR_SMTP_HOST (and INTERSECTOR_SMTP_PORT, "
            "INTERSECTOR_SMTP_FROM), or run with --dry-run to see what would be sent",
            field="INTERSECTOR_SMTP_HOST",
        )
    if "@" not in smtp.sender:
        raise IntersectorError(
            f"INTERSECTOR_SMTP_FROM={smtp.sender!r} is not an e-mail address: set the address "
            "mail is sent from, e.g. intersector@example.org",
            field="INTERSECTOR_SMTP_FROM",
        )
    return smtp.sender


@contextmanager
def _smtp(smtp: Smtp) -> Iterator[smtplib.SMTP]:
    """A connection to the mail server, its errors as user errors naming the setting."""
    where = f"{smtp.host}:{smtp.port}"
    try:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=30)
    except (OSError, smtplib.SMTPException) as error:
        raise IntersectorError(
            f"cannot reach the mail server {where} ({_reason(error)}): check "
            "INTERSECTOR_SMTP_HOST and INTERSECTOR_SMTP_PORT",
            field="INTERSECTOR_SMTP_HOST",
        ) from None
    try:
        _start(server, smtp)
        yield server
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()


def _reason(error: BaseException) -> str:
    if isinstance(error, socket.gaierror):
        return "unknown host name"
    return str(error) or type(error).__name__


def _start(server: smtplib.SMTP, smtp: Smtp) -> None:
    try:
        if smtp.starttls:
            server.starttls()
    except (smtplib.SMTPException, OSError) as error:
        raise IntersectorError(
            f"the mail server {smtp.host}:{smtp.port} refused STARTTLS ({_reason(error)}): "
            "unset INTERSECTOR_SMTP_STARTTLS or use the server's submission port",
            field="INTERSECTOR_SMTP_STARTTLS",
        ) from None
    if not smtp.user:
        return
    try:
        server.login(smtp.user, smtp.password)
    except (smtplib.SMTPException, OSError) as error:
        raise IntersectorError(
            f"the mail server {smtp.host}:{smtp.port} refused the sign-in of "
            f"{smtp.user!r} ({_reason(error)}): check INTERSECTOR_SMTP_USER and "
            "INTERSECTOR_SMTP_PASSWORD",
            field="INTERSECTOR_SMTP_USER",
        ) from None


def _message(sender: str, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body)
    return message


def _send_once(store: Store, server: smtplib.SMTP, sender: str, mail: Mail) -> bool:
    """Claim the mail's keys in the sent log, send it, release them if sending fails. False:
    another run claimed them first (it sends the mail)."""
    now = datetime.now(UTC)
    claimed = notify_store.claim(store, mail.keys, mail.username, mail.kind, mail.subject, now)
    if not claimed:
        return False
    try:
        server.send_message(_message(sender, mail))
    except smtplib.SMTPSenderRefused as error:
        notify_store.release(store, claimed)
        raise IntersectorError(
            f"the mail server refused the sender {sender!r} ({_reason(error)}): check "
            "INTERSECTOR_SMTP_FROM",
            field="INTERSECTOR_SMTP_FROM",
        ) from None
    except (smtplib.SMTPException, OSError) as error:
        notify_store.release(store, claimed)
        raise IntersectorError(
            f"the mail to {mail.to} ({mail.username}) could not be sent ({_reason(error)}); "
            "nothing is recorded as sent for it: the next run tries again",
            field="INTERSECTOR_SMTP_HOST",
        ) from None
    return True


# --- feeds ---------------------------------------------------------------------------------


def feed_reader(
    store: Store,
    token: str | None,
    who: Principal | None,
    anonymous_read: bool,
    *,
    personal: bool,
) -> Principal:
    """Who reads a feed: the user of a read-only token given in the URL (a token that may
    write is refused); without one, a personal feed is refused and a group or subject feed
    follows the usual read rule (signed in, or anonymous reading switched on)."""
    if token:
        reader = principal_for_token(store, token)
        check_feed_token(reader)
        return reader
    if personal:
        raise AuthenticationError(
            "a personal feed needs ?token= with a read-only API token (scope 'read'); issue "
            "one on your account page or with `intersector user token USER --scope read`"
        )
    who = who or ANONYMOUS
    check_can_read(who, anonymous_read)
    return who


@dataclass(frozen=True)
class Feed:
    body: bytes
    media_type: str
    filename: str  # letters, digits, '.', '_' and '-' only (it goes into a header)


def feed(
    store: Store,
    reader: Principal,
    scope: str,
    item_id: str,
    fmt: str,
    *,
    base_url: str,
    today: date | None = None,
) -> Feed:
    """The feed of a group, a subject or (`scope` "user") the reader's own watch list."""
    if fmt not in FEED_FORMATS:
        raise UnknownValueError(f"no feed format {fmt!r}", field="format", known=FEED_FORMATS)
    watches, info = _feed_subject(store, reader, scope, item_id, base_url, fmt)
    activities, liaisons = _registry(store)
    covered = coverage(watches, activities, liaisons)
    now = datetime.now(UTC)
    if fmt == "ics":
        body = calendar_ics(
            info, deadlines_of(covered.activities, covered.liaisons), today or now.date()
        )
        return Feed(body, "text/calendar; charset=utf-8", _filename(info, "ics"))
    changes = notify_store.changes_between(store, now - timedelta(days=FEED_DAYS), now, WATCHABLE)
    kept = digest_changes(covered, changes)[-FEED_ENTRIES:]
    body = changes_atom(info, kept, now, base_url)
    return Feed(body, "application/atom+xml; charset=utf-8", _filename(info, "atom"))


def _filename(info: FeedInfo, fmt: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", info.key) + "." + fmt


def _feed_subject(
    store: Store, reader: Principal, scope: str, item_id: str, base_url: str, fmt: str
) -> tuple[list[Watch], FeedInfo]:
    if scope == "user":
        if reader.user is None:
            raise AuthenticationError("a personal feed needs a read-only API token")
        name = reader.name
        url = f"{base_url}/api/v1/feeds/me.{fmt}"
        return following(store, name), FeedInfo(
            f"intersector: followed by {name}", f"user/{name}", url, f"{base_url}/account"
        )
    if scope not in FEED_SCOPES:
        raise UnknownValueError(f"no feed of {scope!r}", field="scope", known=FEED_SCOPES)
    name, found = _watched(store, scope, item_id)
    url = f"{base_url}/api/v1/feeds/{name}s/{found}.{fmt}"
    page = f"{base_url}/items/{name}/{found}"
    title = f"intersector: {name} {found}"
    return [Watch("", name, found)], FeedInfo(title, f"{name}/{found}", url, page)


# --- e-mail addresses ----------------------------------------------------------------------

_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+", re.ASCII)


def set_email(store: Store, username: str, email: str, *, author: str) -> User:
    """Set the address reminders and digests go to ("" stops all mail): one address, ASCII,
    no spaces or line breaks (it becomes a mail header)."""
    user = user_store.require_user(store, username)
    address = email.strip()
    if address and (len(address) > 254 or not _ADDRESS.fullmatch(address)):
        raise ValidationError(
            f"{email[:80]!r} is not an e-mail address: give one like name@example.org",
            field="email",
        )
    changed = replace(user, email=address)
    store.save(
        changed, author=author, reason="e-mail address set" if address else "e-mail address removed"
    )
    return changed

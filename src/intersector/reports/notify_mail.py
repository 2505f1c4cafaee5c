"""The text of reminder and digest e-mails (plain text, English): what is due and when, what
changed and who changed it. Formats what `coordination/notify.py` found; computes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from intersector.domain.notify import DIGEST, REMINDER, Change, Due, Mail, Skipped

_KIND = {"liaison-deadline": "reply due for liaison", "target": "target date of"}
MAX_DIGEST_LINES = 100  # a bulk load changes thousands of items: the mail stays readable
MAX_REASON = 160
FOOTER = (
    "\n--\nYou receive this because you follow these items in intersector. "
    "Stop following them on your account page or with `intersector watch remove`.\n"
)


def _due_line(due: Due, today: date) -> str:
    days = (due.day - today).days
    when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    what = _KIND.get(due.kind, due.kind)
    return f"- {due.day.isoformat()} ({when}): {what} {due.label} — {due.title}"


def reminder_mail(
    username: str, to: str, dues: Sequence[Due], today: date, keys: Sequence[str]
) -> Mail:
    """One mail listing every date newly due for `username`."""
    first = dues[0]
    more = f" and {len(dues) - 1} more" if len(dues) > 1 else ""
    subject = f"[intersector] Due {first.day.isoformat()}: {first.label}{more}"
    lines = [f"Hello {username},", "", "These dates are coming up in what you follow:", ""]
    lines += [_due_line(d, today) for d in dues]
    return Mail(REMINDER, username, to, subject, "\n".join(lines) + "\n" + FOOTER, tuple(keys))


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def _change_line(change: Change) -> str:
    label = f" ({change.label})" if change.label and change.label != change.item_id else ""
    why = f": {_short(change.reason)}" if change.reason else ""
    at = change.at.strftime("%H:%M")
    return (
        f"- {change.item_type} {change.item_id}{label}, version {change.number} "
        f"by {change.author} at {at} UTC{why}"
    )


def digest_mail(username: str, to: str, day: date, changes: Sequence[Change], key: str) -> Mail:
    """The daily digest: every change of `day` in what `username` follows."""
    count = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    subject = f"[intersector] {count} on {day.isoformat()}"
    lines = [f"Hello {username},", "", f"What changed on {day.isoformat()} in what you follow:", ""]
    lines += [_change_line(c) for c in changes[:MAX_DIGEST_LINES]]
    if len(changes) > MAX_DIGEST_LINES:
        lines.append(f"… and {len(changes) - MAX_DIGEST_LINES} more")
    return Mail(DIGEST, username, to, subject, "\n".join(lines) + "\n" + FOOTER, (key,))


def run_text(
    mails: Sequence[Mail],
    sent: Sequence[Mail],
    skipped: Sequence[Skipped],
    dry_run: bool,
    day: date,
) -> str:
    """What `intersector notify` prints: each mail (in a dry run, in full), then a summary."""
    out: list[str] = []
    for mail in mails:
        if dry_run:
            out += [f"To: {mail.to}", f"Subject: {mail.subject}", "", mail.body, ""]
        elif mail in sent:
            out.append(f"sent to {mail.to}: {mail.subject}")
    out += [f"not mailed: {s.username} ({s.reason})" for s in skipped]
    verb = "would be sent" if dry_run else "sent"
    count = len(mails) if dry_run else len(sent)
    out.append(f"{day.isoformat()}: {count} mail(s) {verb}")
    return "\n".join(out) + "\n"

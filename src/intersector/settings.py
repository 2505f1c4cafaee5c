"""The one settings object: read once at the edge (CLI, web app) from `INTERSECTOR_*`
environment variables and passed in."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from intersector.domain.errors import ValidationError

DEFAULT_DATABASE_URL = "sqlite:///intersector.db"
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
DEFAULT_REMINDER_DAYS = 7


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = ""  # signs session cookies; generated and kept in the database if empty
    anonymous_read: bool = False
    author: str = ""  # who the CLI records as the author of changes
    secure_cookies: bool = False  # web: send the session cookie over HTTPS only
    soffice: str = "soffice"  # LibreOffice, which converts legacy Word .doc (optional)
    convert_timeout: float = 120.0  # seconds one .doc conversion may take before it is stopped
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES  # web: a larger request body is refused (413)
    smtp: Smtp = field(default_factory=lambda: Smtp())  # e-mail reminders and digests
    reminder_days: int = DEFAULT_REMINDER_DAYS  # remind this many days before a deadline
    sample: str = ""  # the sample corpus `demo` loads (a folder with registry/ and texts/)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("INTERSECTOR_DATABASE_URL", DEFAULT_DATABASE_URL),
            secret_key=env.get("INTERSECTOR_SECRET_KEY", ""),
            anonymous_read=env.get("INTERSECTOR_ANONYMOUS_READ", "").lower()
            in {"1", "true", "yes"},
            author=env.get("INTERSECTOR_AUTHOR", "") or env.get("USER", "") or "cli",
            secure_cookies=_flag(env.get("INTERSECTOR_SECURE_COOKIES", "")),
            soffice=env.get("INTERSECTOR_SOFFICE", "") or "soffice",
            convert_timeout=_seconds(env, "INTERSECTOR_CONVERT_TIMEOUT", 120.0),
            max_body_bytes=_bytes(env.get("INTERSECTOR_MAX_BODY_BYTES", "")),
            smtp=Smtp.from_env(env),
            reminder_days=_whole(env, "INTERSECTOR_REMINDER_DAYS", DEFAULT_REMINDER_DAYS, 366),
            sample=env.get("INTERSECTOR_SAMPLE", ""),
        )


@dataclass(frozen=True)
class Smtp:
    """The mail server reminders and digests go through (`INTERSECTOR_SMTP_*`). Without a host
    nothing can be sent (`intersector notify --dry-run` still shows what would be)."""

    host: str = ""
    port: int = 25
    user: str = ""
    password: str = field(default="", repr=False)  # never printed
    sender: str = ""  # INTERSECTOR_SMTP_FROM
    starttls: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Smtp:
        starttls = _flag(env.get("INTERSECTOR_SMTP_STARTTLS", ""))
        return cls(
            host=env.get("INTERSECTOR_SMTP_HOST", "").strip(),
            port=_whole(env, "INTERSECTOR_SMTP_PORT", 587 if starttls else 25, 65535),
            user=env.get("INTERSECTOR_SMTP_USER", ""),
            password=env.get("INTERSECTOR_SMTP_PASSWORD", ""),
            sender=env.get("INTERSECTOR_SMTP_FROM", "").strip(),
            starttls=starttls,
        )


def _whole(env: Mapping[str, str], name: str, default: int, highest: int) -> int:
    """A whole number from 0 to `highest` from `name`, or `default` when unset."""
    value = env.get(name, "").strip()
    if not value:
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value, re.ASCII) or int(value) > highest:
        raise ValidationError(
            f"{name}={value!r} is not a whole number from 0 to {highest}", field=name
        )
    return int(value)


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    """A positive number of seconds from `name`, or `default` when unset."""
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise ValidationError(
            f"{name}={value!r} is not a number of seconds above 0: give e.g. 120", field=name
        )
    return seconds


def _bytes(value: str) -> int:
    """A size in bytes (ASCII digits); empty → the default."""
    if not value.strip():
        return DEFAULT_MAX_BODY_BYTES
    if not re.fullmatch(r"[0-9]{1,15}", value.strip(), re.ASCII):
        raise ValidationError(
            f"INTERSECTOR_MAX_BODY_BYTES={value!r}: give a number of bytes, e.g. 4194304",
            field="INTERSECTOR_MAX_BODY_BYTES",
        )
    return int(value.strip())

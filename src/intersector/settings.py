"""The one settings object: read once at the edge (CLI, web app) from `INTERSECTOR_*`
environment variables and passed in."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///intersector.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = ""  # signs session cookies; generated and kept in the database if empty
    anonymous_read: bool = False
    author: str = ""  # who the CLI records as the author of changes
    secure_cookies: bool = False  # web: send the session cookie over HTTPS only

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
        )


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}

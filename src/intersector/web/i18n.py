"""The interface in English and French: message catalogs are data (`locales/<lang>.json`); the
language follows the `intersector_lang` cookie, else the browser's Accept-Language, else English.
Adding a language is adding a catalog."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "fr")
DEFAULT = "en"


@cache
def catalog(language: str) -> dict[str, str]:
    path = LOCALES / f"{language}.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def translate(language: str, key: str) -> str:
    """The message `key` in `language`, else in English, else the key itself."""
    return catalog(language).get(key) or catalog(DEFAULT).get(key) or key


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The interface language: a known cookie value wins, then the best Accept-Language match."""
    if cookie in LANGUAGES:
        return str(cookie)
    best, best_q = DEFAULT, -1.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        language = tag.strip().lower().split("-")[0]
        q = _quality(params)
        if language in LANGUAGES and q > best_q:
            best, best_q = language, q
    return best


def _quality(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0

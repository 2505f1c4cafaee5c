"""The interface in English, French and Spanish: message catalogs are data
(`locales/<lang>.json`); the language follows the `intersector_lang` cookie, else the browser's
Accept-Language, else English. Adding a language is adding a catalog. Codes of the vocabulary
(statuses, states, relations, kinds) are messages too (`value`), and the alignment findings are
said from their parameters (`explain`)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "fr", "es")
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


_SECTORS = {"itu-r": "ITU-R", "itu-t": "ITU-T", "itu-d": "ITU-D"}


def how_long(language: str, days: int) -> str:
    """A gap in words, as `coordination.alignment.how_long` says it in English."""
    days = abs(days)
    if days < 14:
        key, n = ("duration.day" if days == 1 else "duration.days"), days
    elif days < 61:
        key, n = "duration.weeks", days // 7
    elif days < 335:
        key, n = "duration.months", round(days / 30.44)
    else:
        n = round(days / 365.25)
        key = "duration.year" if n <= 1 else "duration.years"
    return translate(language, key).format(n=n)


def value(language: str, kind: str, code: str) -> str:
    """A code of the vocabulary (a status, a liaison state, a relation) in `language`: the
    message `kind.code`, else the code itself."""
    return catalog(language).get(f"{kind}.{code}") or catalog(DEFAULT).get(f"{kind}.{code}") or code


def explain(language: str, finding: dict[str, Any]) -> str:
    """A finding's explanation in `language`: the catalogue's sentence for its check filled with
    the finding's `params`; the English explanation when the catalogue has none."""
    template = catalog(language).get(f"explain.{finding.get('check')}")
    params = dict(finding.get("params") or {})
    if language == DEFAULT or not template or not params:
        return str(finding.get("explanation", ""))
    days = int(params.get("days") or 0)
    sector = params.get("sector", "")
    words = {
        **params,
        "late": how_long(language, days),
        "sector": _SECTORS.get(sector, sector),
        "others": translate(language, "explain.and").join(
            label for code, label in _SECTORS.items() if code != sector
        ),
        "status": value(language, "status", params.get("status", "")),
        "activities": translate(
            language, "explain.activity" if params.get("count") == "1" else "explain.activities"
        ),
        "reason": translate(language, "explain.for").format(reason=params["reason"])
        if params.get("reason")
        else "",
    }
    if params.get("why"):
        words["why"] = translate(language, f"explain.why.{params['why']}").format(**words)
    for prefix in ("", "other_"):
        words[f"{prefix}where"] = _where(language, words, prefix)
    return template.format_map(_Blank(words))


def _where(language: str, words: dict[str, str], prefix: str) -> str:
    bits = [words.get(f"{prefix}group", "")]
    if words.get(f"{prefix}target"):
        bits.append(translate(language, "explain.target").format(date=words[f"{prefix}target"]))
    inside = ", ".join(b for b in bits if b)
    return f"{words.get(f'{prefix}activity', '')}" + (f" ({inside})" if inside else "")


class _Blank(dict[str, str]):
    """Values for `str.format_map`; a name the sentence uses but the finding lacks is blank."""

    def __missing__(self, key: str) -> str:
        return ""

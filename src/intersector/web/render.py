"""Rendering pages: one Jinja2 environment (templates beside the code, autoescaped), the
interface language, the signed-in user and the CSRF token handed to every template."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from intersector import services
from intersector.domain.errors import IntersectorError
from intersector.web import i18n
from intersector.web.deps import context, principal, session_of
from intersector.web.sessions import COOKIE, LANG_COOKIE, MAX_AGE, Session, new_session

TEMPLATES = Path(__file__).parent / "templates"
SECTOR_LABELS = {"itu-r": "ITU-R", "itu-t": "ITU-T", "itu-d": "ITU-D"}
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["sector_label"] = lambda s: SECTOR_LABELS.get(s, s)


def shown(value: Any) -> str:
    """A stored value as people read it, never as JSON: lists joined with `;`, a mapping's
    values after their names (`en: IMT; fr: IMT`), a row's values with ` — ` (`itu-r-rep-m.2410
    — evaluated against…`), nothing for None; file paths reduced to the file's name."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_row(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
    return no_paths(str(value))


def _row(value: Any) -> str:
    if isinstance(value, dict):
        return " — ".join(shown(v) for v in value.values() if v not in ("", None, [], {}))
    return shown(value)


_PATH = re.compile(  # a path of 2+ parts ending in a file name with an extension; not a URL
    r"(?<![\w:/.~-])(?:[A-Za-z]:)?(?:[\\/][^\s,;:\\/]+)+[\\/]([^\s,;\\/]+\.\w{1,5})\b"
)


def no_paths(text: str) -> str:
    """`text` with each absolute file path (a server's `/srv/data/registry/groups.yaml`) cut to
    the file's name (`groups.yaml`): where files live on the server is nobody's business."""
    return _PATH.sub(lambda m: m.group(1), text)


_ENV.filters["shown"] = shown
_ENV.filters["no_paths"] = no_paths


def language_of(request: Request) -> str:
    return i18n.negotiate(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))


def ensure_session(request: Request) -> tuple[Session, bool]:
    """The request's session, or a fresh anonymous one (True: it must be set as a cookie)."""
    session = session_of(request)
    if session is not None:
        return session, False
    session = new_session()
    request.state.session = session
    return session, True


def set_session_cookie(request: Request, response: Response, session: Session) -> None:
    ctx = context(request)
    response.set_cookie(
        COOKIE,
        ctx.sessions.dump(session),
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=ctx.secure_cookies,
        path="/",
    )


def page(
    request: Request,
    template: str,
    *,
    http_status: int = 200,
    headers: dict[str, str] | None = None,
    **values: Any,
) -> HTMLResponse:
    """Render `template` with the common values: `t` (translate), `lang`, `who`, `csrf`."""
    language = language_of(request)
    session, fresh = ensure_session(request)
    who = _who(request)
    html = _ENV.get_template(template).render(
        t=lambda key: i18n.translate(language, key),
        tv=lambda kind, code: i18n.value(language, kind, str(code or "")),
        explain=lambda finding: i18n.explain(language, finding),
        lang=language,
        languages=i18n.LANGUAGES,
        who=who,
        csrf=session.csrf,
        path=request.url.path,
        query=request.url.query,
        sector_label=lambda s: SECTOR_LABELS.get(s, s),
        urlencode=urlencode,
        watching=_watching(request, who),
        **values,
    )
    response = HTMLResponse(html, status_code=http_status, headers=headers)
    if fresh:
        set_session_cookie(request, response, session)
    return response


def _who(request: Request) -> Any:
    try:
        return principal(request)
    except IntersectorError:  # a bad token must not break the error page itself
        from intersector.auth.roles import ANONYMOUS

        return ANONYMOUS


def _watching(request: Request, who: Any) -> Any:
    """`watching(type, id)` in templates: does the signed-in user follow that item?"""

    def check(item_type: str, item_id: str) -> bool:
        if who.user is None:
            return False
        store = context(request).store
        return bool(services.is_following(store, who.name, item_type, item_id))

    return check


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def local(url: str | None, default: str = "/") -> str:
    """`url` if it is a path on this site, else `default` (no open redirects)."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return default

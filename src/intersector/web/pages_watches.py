"""Following items from the pages (the Follow button of a group, subject, activity or liaison)
and the account page's part of it: what I follow, my e-mail address, my feeds. The same
services as `/api/v1/watches`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from intersector import services
from intersector.auth.roles import Principal, check_can_follow
from intersector.web.deps import Reader, context
from intersector.web.pages import check_form
from intersector.web.render import local, redirect

router = APIRouter(include_in_schema=False)


@router.post("/watch")
def watch(
    request: Request,
    who: Reader,
    item_type: Annotated[str, Form(alias="type", max_length=40)],
    item_id: Annotated[str, Form(alias="id", max_length=300)],
    follow: Annotated[bool, Form()] = True,
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/account",
) -> Response:
    """Follow (or, `follow=false`, stop following) an item, then back to the page."""
    check_form(request, csrf)
    store = context(request).store
    if follow:
        services.follow(store, who, item_type, item_id)
    else:
        services.unfollow(store, who, item_type, item_id)
    return redirect(local(next, "/account"))


@router.post("/account/email")
def email(
    request: Request,
    who: Reader,
    address: Annotated[str, Form(max_length=300)] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """Set my own e-mail address (where reminders and digests go)."""
    check_form(request, csrf)
    check_can_follow(who)
    services.set_email(context(request).store, who.name, address, author=who.name)
    context(request).credentials.clear()
    return redirect("/account")


def account_values(store: Any, who: Principal) -> dict[str, Any]:
    """What the account page shows of watches: the list and the e-mail address."""
    return {
        "watches": services.following(store, who.name),
        "email": who.user.email if who.user else "",
    }

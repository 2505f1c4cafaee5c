"""Roles and the one rule book of who may read and change what.

- reader: reads everything (the default role of anyone signed in);
- editor: also changes the activities, roadmaps and liaisons of their own Sector(s) — and, when
  `groups` is set, of those groups only — never another Sector's (Resolution 38: each Sector
  manages its own roadmap);
- coordinator: changes any registry item of any Sector and reviews duplicate candidates;
- admin: everything, including users and roles.

A credential narrows what the role allows: a session or the CLI acts with the whole role; an API
token only with its scopes (`read` ⊂ `write` ⊂ `admin`, see `auth/tokens.py`): `write` to change
the registry or manage one's own tokens, `admin` (admins only) to manage users and sessions. A
token is never granted a scope its issuer does not hold (`check_can_grant`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intersector.auth.tokens import SCOPES, check_scopes
from intersector.domain.errors import PermissionDeniedError, ValidationError, a
from intersector.domain.registry import SECTORS
from intersector.domain.users import User

ROLES = ("reader", "editor", "coordinator", "admin")
RANK = {role: rank for rank, role in enumerate(ROLES)}
SECTOR_OWNED = ("activity", "roadmap", "liaison")  # what an editor may change in their Sector
COORDINATED = (*SECTOR_OWNED, "group", "subject", "mechanism", "sector", "review")


@dataclass(frozen=True)
class Principal:
    """Who a request acts for: a user (or nobody) and what the credential allows."""

    user: User | None
    scopes: frozenset[str] = field(default_factory=lambda: frozenset(SCOPES))
    via: str = "session"  # session | token | cli | anonymous

    @property
    def name(self) -> str:
        return self.user.username if self.user else "anonymous"

    @property
    def role(self) -> str:
        return self.user.role if self.user else "anonymous"

    def at_least(self, role: str) -> bool:
        return self.user is not None and RANK[self.user.role] >= RANK[role]


ANONYMOUS = Principal(None, frozenset({"read"}), "anonymous")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r}; use one of {', '.join(ROLES)}", field="role")
    return role


def check_sectors(sectors: tuple[str, ...]) -> tuple[str, ...]:
    """The Sector ids of `sectors` as typed (`ITU-T`, ` itu-t `), each once, in order; an
    unknown one is a ValidationError."""
    found = tuple(dict.fromkeys(s.strip().lower() for s in sectors))
    unknown = [s for s in found if s not in SECTORS]
    if unknown:
        raise ValidationError(
            f"unknown Sector {unknown[0]!r}; use {', '.join(SECTORS)}", field="sectors"
        )
    return found


def role_scopes(role: str) -> frozenset[str]:
    """The scopes a user of `role` may hold: `admin` for admins only."""
    return frozenset(SCOPES if role == "admin" else SCOPES[:2])


def _write_scope(principal: Principal) -> None:
    if principal.user is None:
        raise PermissionDeniedError("sign in to change anything")
    if "write" not in principal.scopes:
        raise PermissionDeniedError("this API token is read-only; issue one with scope 'write'")


def check_can_edit(principal: Principal, item_type: str, sector: str, group: str = "") -> None:
    """Raise PermissionDeniedError unless `principal` may change an item of `item_type` that
    belongs to `sector` (and `group`). Call it for the item as stored AND as submitted, so an
    editor can neither change nor move an item out of, or into, another Sector."""
    _write_scope(principal)
    if principal.at_least("coordinator") and item_type in COORDINATED:
        return
    user = principal.user
    if user is None or user.role != "editor" or item_type not in SECTOR_OWNED:
        raise PermissionDeniedError(f"the role {principal.role!r} may not change {a(item_type)}")
    if sector not in user.sectors:
        raise PermissionDeniedError(
            f"{user.username} edits {', '.join(user.sectors) or 'no Sector'}; "
            f"this {item_type} belongs to {sector or 'no Sector'}"
        )
    if user.groups and group and group not in user.groups:
        raise PermissionDeniedError(
            f"{user.username} edits the groups {', '.join(user.groups)}; this {item_type} "
            f"belongs to {group}"
        )


def check_can_answer(principal: Principal, receivers: tuple[tuple[str, str], ...]) -> None:
    """Raise PermissionDeniedError unless `principal` may act for one of the groups a liaison
    is addressed to (`receivers`: their (Sector, group)): reply to it, mark it answered, close
    it. Coordinators may for any liaison; editors for their own Sectors' (and groups')."""
    _write_scope(principal)
    if principal.at_least("coordinator"):
        return
    for sector, group in receivers:
        try:
            check_can_edit(principal, "liaison", sector, group)
        except PermissionDeniedError:
            continue
        return
    names = ", ".join(group for _, group in receivers) or "no group"
    raise PermissionDeniedError(
        f"only editors of the groups this liaison is addressed to ({names}) may reply to it, "
        "mark it answered or close it"
    )


def check_can_review(principal: Principal) -> None:
    """Only coordinators (and admins) review duplicate candidates."""
    _write_scope(principal)
    if not principal.at_least("coordinator"):
        raise PermissionDeniedError("only coordinators review duplicate candidates")


def check_can_administer(principal: Principal) -> None:
    """Only admins manage users, roles, sessions and other people's tokens; through a token,
    only with scope `admin`."""
    _write_scope(principal)
    if not principal.at_least("admin"):
        raise PermissionDeniedError("only admins manage users and roles")
    if "admin" not in principal.scopes:
        raise PermissionDeniedError(
            "this API token may not manage users; issue one with scope 'admin'"
        )


def check_can_manage_tokens(principal: Principal) -> None:
    """Issuing or revoking one's own tokens is a change: a session, or a token with `write`."""
    if principal.user is None:
        raise PermissionDeniedError("sign in to manage API tokens")
    if "write" not in principal.scopes:
        raise PermissionDeniedError(
            "this API token is read-only: it may not issue or revoke tokens; sign in, or use "
            "a token with scope 'write'"
        )


def check_can_grant(principal: Principal, scopes: tuple[str, ...]) -> tuple[str, ...]:
    """The canonical `scopes` of a new token of `principal`'s user, if they are within both
    what the credential holds and what the role allows; PermissionDeniedError otherwise."""
    check_can_manage_tokens(principal)
    wanted = check_scopes(scopes)
    held = principal.scopes & role_scopes(principal.role)
    beyond = [s for s in wanted if s not in held]
    if beyond:
        raise PermissionDeniedError(
            f"{principal.name} may not grant the scope {beyond[0]!r}: a token carries at most "
            f"the scopes of who issues it ({', '.join(s for s in SCOPES if s in held)})",
            field="scopes",
        )
    return wanted


def check_can_read(principal: Principal, anonymous_read: bool) -> None:
    """Signed-in users read; anonymous visitors only when the settings allow it."""
    from intersector.auth.errors import AuthenticationError

    if principal.user is None and not anonymous_read:
        raise AuthenticationError("sign in to read the registry (or ask for anonymous reading)")


def check_can_follow(principal: Principal) -> None:
    """Changing one's watch list is a change: signed in, with a session or a `write` token."""
    if principal.user is None:
        raise PermissionDeniedError("sign in to follow groups, subjects, liaisons and activities")
    if "write" not in principal.scopes:
        raise PermissionDeniedError(
            "this API token is read-only: it may not change what you follow; sign in, or use a "
            "token with scope 'write'"
        )


def check_feed_token(principal: Principal) -> None:
    """A token put in a feed's URL (calendar applications keep it in plain sight) must be a
    read-only one: a token that can also change things is refused, so it is never leaked."""
    if principal.via == "token" and principal.scopes != frozenset({"read"}):
        raise PermissionDeniedError(
            "a feed URL takes a read-only API token: this one can change things; issue one "
            "with scope 'read' only",
            field="token",
        )

"""Who am I, users and roles (admins), and API tokens (each user their own)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from intersector import services
from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import check_can_administer
from intersector.web.deps import Ctx, Reader, Writer

router = APIRouter(tags=["users"])
Role = Literal["reader", "editor", "coordinator", "admin"]
SectorId = Literal["itu-r", "itu-t", "itu-d"]


class UserOut(BaseModel):
    username: str
    role: str
    sectors: list[str]
    groups: list[str]
    name: str
    disabled: bool


class NewUser(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=80)]
    password: Annotated[str, Field(min_length=10, max_length=1000)]
    role: Role = "reader"
    sectors: list[SectorId] = []
    name: str = ""


class RoleChange(BaseModel):
    role: Role
    sectors: list[SectorId] | None = None
    groups: list[str] | None = None


class NewToken(BaseModel):
    scopes: Annotated[list[Literal["read", "write", "admin"]], Field(min_length=1)] = ["read"]
    label: Annotated[str, Field(max_length=200)] = ""


class TokenOut(BaseModel):
    id: str
    username: str
    scopes: list[str]
    label: str
    revoked: bool
    token: str | None = Field(None, description="the secret: shown once, at creation only")


def user_out(user: Any) -> UserOut:
    return UserOut(
        username=user.id,
        role=user.role,
        sectors=list(user.sectors),
        groups=list(user.groups),
        name=user.name,
        disabled=user.disabled,
    )


def token_out(token: Any, plain: str | None = None) -> TokenOut:
    return TokenOut(
        id=token.id,
        username=token.username,
        scopes=list(token.scopes),
        label=token.label,
        revoked=token.revoked,
        token=plain,
    )


@router.get("/me", summary="The signed-in user")
def me(who: Reader) -> UserOut | None:
    if who.user is None:
        raise AuthenticationError("not signed in")
    return user_out(who.user)


@router.get("/users", summary="Every user (admins)")
def list_users(ctx: Ctx, who: Writer) -> list[UserOut]:
    check_can_administer(who)
    return [user_out(u) for u in services.list_users(ctx.store)]


@router.post("/users", summary="Add a user (admins)", status_code=201)
def add_user(body: NewUser, ctx: Ctx, who: Writer) -> UserOut:
    check_can_administer(who)
    user = services.add_user(
        ctx.store,
        body.username,
        body.password,
        role=body.role,
        sectors=tuple(body.sectors),
        name=body.name,
        author=who.name,
    )
    return user_out(user)


@router.put("/users/{username}/role", summary="Change a user's role and Sectors (admins)")
def change_role(username: str, body: RoleChange, ctx: Ctx, who: Writer) -> UserOut:
    check_can_administer(who)
    user = services.set_role(
        ctx.store,
        username,
        body.role,
        author=who.name,
        sectors=None if body.sectors is None else tuple(body.sectors),
        groups=None if body.groups is None else tuple(body.groups),
    )
    ctx.credentials.clear()
    return user_out(user)


class EndedSessions(BaseModel):
    username: str
    ended: int


@router.delete("/users/{username}/sessions", summary="End every session of a user (admins)")
def revoke_sessions(username: str, ctx: Ctx, who: Writer) -> EndedSessions:
    ended = services.revoke_sessions(ctx.store, who, username)
    ctx.credentials.clear()
    return EndedSessions(username=username, ended=ended)


@router.get("/tokens", summary="My API tokens (never their secrets)")
def my_tokens(ctx: Ctx, who: Writer) -> list[TokenOut]:
    return [token_out(t) for t in services.user_tokens(ctx.store, who.name)]


@router.post(
    "/tokens",
    summary="Issue an API token for myself (a session, or a token with scope write; never "
    "more scopes than the credential holds)",
    status_code=201,
)
def issue_token(body: NewToken, ctx: Ctx, who: Writer) -> TokenOut:
    plain, record = services.issue_own_token(ctx.store, who, tuple(body.scopes), body.label)
    return token_out(record, plain)


@router.delete(
    "/tokens/{token_id}", summary="Revoke an API token (mine, or any as admin)", status_code=204
)
def revoke_token(token_id: str, ctx: Ctx, who: Writer) -> Response:
    services.revoke_token(ctx.store, who, token_id)
    ctx.credentials.clear()
    return Response(status_code=204)

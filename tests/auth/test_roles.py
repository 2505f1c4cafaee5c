from __future__ import annotations

import pytest

from intersector.auth.errors import AuthenticationError
from intersector.auth.roles import (
    ANONYMOUS,
    Principal,
    check_can_administer,
    check_can_edit,
    check_can_grant,
    check_can_manage_tokens,
    check_can_read,
    check_can_review,
    check_role,
    check_sectors,
)
from intersector.domain.errors import PermissionDeniedError, ValidationError
from intersector.domain.users import User

EDITOR_T = Principal(User("tom", "editor", sectors=("itu-t",)))
EDITOR_SG13 = Principal(User("sam", "editor", sectors=("itu-t",), groups=("itu-t-sg13",)))
COORDINATOR = Principal(User("cora", "coordinator"))
ADMIN = Principal(User("adam", "admin"))
READER = Principal(User("rita"))


@pytest.mark.parametrize("item_type", ["activity", "roadmap", "liaison"])
def test_editor_edits_own_sector_only(item_type: str) -> None:
    check_can_edit(EDITOR_T, item_type, "itu-t")
    with pytest.raises(PermissionDeniedError, match="itu-r"):
        check_can_edit(EDITOR_T, item_type, "itu-r")
    with pytest.raises(PermissionDeniedError):
        check_can_edit(EDITOR_T, item_type, "")


def test_editor_with_groups_is_bound_to_them() -> None:
    check_can_edit(EDITOR_SG13, "activity", "itu-t", "itu-t-sg13")
    with pytest.raises(PermissionDeniedError, match="itu-t-sg13"):
        check_can_edit(EDITOR_SG13, "activity", "itu-t", "itu-t-sg17")


@pytest.mark.parametrize("item_type", ["group", "subject", "mechanism", "sector", "user"])
def test_editor_cannot_change_shared_items(item_type: str) -> None:
    with pytest.raises(PermissionDeniedError):
        check_can_edit(EDITOR_T, item_type, "itu-t")


def test_coordinator_and_admin_change_any_sector() -> None:
    for who in (COORDINATOR, ADMIN):
        check_can_edit(who, "activity", "itu-d")
        check_can_edit(who, "group", "itu-r")
        check_can_review(who)
    with pytest.raises(PermissionDeniedError):
        check_can_edit(COORDINATOR, "user", "")


def test_readers_and_anonymous_change_nothing() -> None:
    with pytest.raises(PermissionDeniedError):
        check_can_edit(READER, "activity", "itu-t")
    with pytest.raises(PermissionDeniedError, match="sign in"):
        check_can_edit(ANONYMOUS, "activity", "itu-t")
    with pytest.raises(PermissionDeniedError):
        check_can_review(EDITOR_T)


def test_read_only_scope_blocks_writes() -> None:
    token = Principal(ADMIN.user, frozenset({"read"}), "token")
    with pytest.raises(PermissionDeniedError, match="read-only"):
        check_can_edit(token, "activity", "itu-t")
    with pytest.raises(PermissionDeniedError, match="read-only"):
        check_can_administer(token)


def test_only_admins_administer() -> None:
    check_can_administer(ADMIN)
    with pytest.raises(PermissionDeniedError):
        check_can_administer(COORDINATOR)


def test_reading_needs_a_user_unless_switched_on() -> None:
    check_can_read(READER, anonymous_read=False)
    check_can_read(ANONYMOUS, anonymous_read=True)
    with pytest.raises(AuthenticationError):
        check_can_read(ANONYMOUS, anonymous_read=False)


def test_role_and_sector_vocabularies() -> None:
    assert check_role("editor") == "editor"
    with pytest.raises(ValidationError, match="reader, editor"):
        check_role("king")
    assert check_sectors(("itu-d",)) == ("itu-d",)
    with pytest.raises(ValidationError, match="itu-x"):
        check_sectors(("itu-x",))


def test_tokens_grant_at_most_what_their_issuer_holds() -> None:
    read_token = Principal(ADMIN.user, frozenset({"read"}), "token")
    with pytest.raises(PermissionDeniedError, match="read-only"):
        check_can_grant(read_token, ("read",))
    with pytest.raises(PermissionDeniedError, match="read-only"):
        check_can_manage_tokens(read_token)
    write_token = Principal(ADMIN.user, frozenset({"read", "write"}), "token")
    assert check_can_grant(write_token, ("write",)) == ("read", "write")
    with pytest.raises(PermissionDeniedError, match="'admin'"):
        check_can_grant(write_token, ("admin",))
    with pytest.raises(PermissionDeniedError, match="scope 'admin'"):
        check_can_administer(write_token)
    assert check_can_grant(ADMIN, ("admin",)) == ("read", "write", "admin")
    with pytest.raises(PermissionDeniedError, match="'admin'"):
        check_can_grant(COORDINATOR, ("admin",))  # a session holds only what its role allows
    with pytest.raises(PermissionDeniedError, match="sign in"):
        check_can_grant(ANONYMOUS, ("read",))


def test_sectors_are_matched_as_typed_and_kept_once() -> None:
    assert check_sectors(("ITU-T", " itu-t", "itu-r")) == ("itu-t", "itu-r")
    with pytest.raises(ValidationError, match="itu-x"):
        check_sectors(("itu-x",))

"""The registry rules applied to writes: the store seen as `domain.rules.Existing`, and
`check_item`, the one call every write door makes before storing an item (the API and the forms
through `services.web`, `load` and `import-relaton` through `services.registry`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from intersector.auth.roles import Principal
from intersector.domain import rules
from intersector.domain.errors import PermissionDeniedError, ValidationError
from intersector.store import Store


class StoreView:
    """The stored registry as the rules see it, read on demand and remembered for the life of
    the view (one request, one load). `prefetch`: read every id of a type at once (a load of
    many items) instead of asking for each (one API write)."""

    def __init__(self, store: Store, *, prefetch: bool = False) -> None:
        self._store = store
        self._prefetch = prefetch
        self._ids: dict[str, set[str]] = {}
        self._exists: dict[tuple[str, str], bool] = {}
        self._links: dict[tuple[str, str], tuple[str, ...]] = {}
        self._groups: dict[str, str] | None = None

    def exists(self, type_name: str, item_id: str) -> bool:
        if self._prefetch:
            if type_name not in self._ids:
                self._ids[type_name] = self._store.ids(type_name)
            return item_id in self._ids[type_name]
        key = (type_name, item_id)
        if key not in self._exists:
            self._exists[key] = self._store.exists(type_name, item_id)
        return self._exists[key]

    def group_sector(self, group_id: str) -> str | None:
        if self._groups is None:
            groups = self._store.iter("group", include_withdrawn=True)
            self._groups = {group.id: group.sector for group in groups}
        return self._groups.get(group_id)

    def links(self, type_name: str, item_id: str) -> tuple[str, ...]:
        key = (type_name, item_id)
        if key not in self._links:
            found = self.exists(type_name, item_id)
            item = self._store.get(type_name, item_id) if found else None
            self._links[key] = rules.links_of(type_name, item) if item is not None else ()
        return self._links[key]


def actor_of(principal: Principal) -> rules.Actor | None:
    """The rules' view of who acts (None for nobody: the refusals of roles come first)."""
    user = principal.user
    if user is None:
        return None
    return rules.Actor(user.username, user.role, tuple(user.sectors))


def check_item(
    existing: rules.Existing,
    item: Any,
    *,
    principal: Principal | None = None,
    stored: Any = None,
) -> None:
    """Raise the first refusal of `domain.rules.validate`: PermissionDeniedError for what the
    actor may not do (a Sector boundary), else ValidationError naming the field."""
    actor = actor_of(principal) if principal is not None else None
    refusals = rules.validate(item, existing, actor=actor, stored=stored)
    for refusal in refusals:
        if refusal.forbidden:
            raise PermissionDeniedError(refusal.message, field=refusal.field)
    if refusals:
        first = refusals[0]
        raise ValidationError(first.message, field=first.field)


def batch_refusals(
    existing: rules.Existing, items: Iterable[Any]
) -> list[tuple[Any, rules.Refusal]]:
    """Every refusal of every item of a batch (an import), the registry seen as it will be once
    the whole batch is stored."""
    batch = list(items)
    view = rules.WithItems(existing, batch)
    loops = rules.looping(batch, view)
    return [
        (item, refusal) for item in batch for refusal in rules.validate(item, view, loops=loops)
    ]

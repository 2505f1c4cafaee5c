"""intersector.store: persistence, the only place with SQL.

`open_store(url)` → `Store` (see `store/db.py`): versioned registry items that are never deleted,
and parsed documents kept per revision and language. SQLite file by default, PostgreSQL by URL;
the schema is migrated by the Alembic scripts in `store/migrations/`.
"""

from __future__ import annotations

from intersector.domain.codec import ITEM_TYPES, ItemType, get_item_type, register_type
from intersector.store.db import Store, open_store
from intersector.store.documents import StoredDocument
from intersector.store.repository import SaveSummary

__all__ = [
    "ITEM_TYPES",
    "ItemType",
    "SaveSummary",
    "Store",
    "StoredDocument",
    "get_item_type",
    "open_store",
    "register_type",
]

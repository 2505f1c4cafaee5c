"""The SQL shown in docs/store.md runs on the sample corpus, on SQLite and PostgreSQL, and gives
what the coordination code gives: anyone with `psql` or Datasette gets the same answer."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from intersector.coordination.liaisons import owed
from intersector.domain.registry import Liaison
from intersector.files.registry import load_paths
from intersector.store import Store

ROOT = Path(__file__).parent.parent.parent
SAMPLE = ROOT / "data" / "sample" / "registry"
TODAY = date(2025, 6, 1)


def documented_sql(name: str) -> str:
    """The ```sql block following `<!-- sql: name -->` in docs/store.md."""
    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- sql: {re.escape(name)} -->\s*```sql\n(.*?)```", text, re.DOTALL)
    assert found, f"no SQL example {name!r} in docs/store.md"
    return found.group(1)


def test_liaisons_overdue_per_group_as_documented(store: Store) -> None:
    items = load_paths([SAMPLE]).items
    store.save_many(items, author="t", reason="load")
    sql = documented_sql("liaisons-overdue-per-group").replace("CURRENT_DATE", ":today")
    today: object = TODAY if store.dialect == "postgresql" else TODAY.isoformat()
    with store.read() as conn:
        rows = conn.execute(sa.text(sql), {"today": today}).all()
    liaisons = [i for i in items if isinstance(i, Liaison)]
    expected = Counter(
        {group: sum(o.overdue for o in debts) for group, debts in owed(liaisons, TODAY).items()}
    )
    expected = +expected  # groups with at least one overdue liaison
    assert {row.group: row.overdue for row in rows} == dict(expected)
    assert len(rows) >= 2
    assert [row.overdue for row in rows] == sorted((row.overdue for row in rows), reverse=True)
    names = {row.group: row.name for row in rows}
    assert all(names.values()), names

"""The cooperation reports sent to the advisory groups (migration 0009): one row per group and
date of issue, with every figure's value and items (JSON), read back as the previous report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import sqlalchemy as sa

from intersector.store.db import Store
from intersector.store.tables import JSONData, UTCDateTime, metadata

cooperation_reports = sa.Table(
    "cooperation_reports",
    metadata,
    sa.Column("advisory_group", sa.String(40), primary_key=True),
    sa.Column("issued", sa.Date, primary_key=True),
    sa.Column("period", sa.String(40), nullable=False),
    sa.Column("document", sa.String(300), nullable=False),
    sa.Column("figures", JSONData, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("created_by", sa.String(300), nullable=False),
)

Figures = Mapping[str, tuple[int, tuple[str, ...]]]


def record_report(
    store: Store,
    advisory_group: str,
    issued: date,
    *,
    period: str,
    document: str,
    figures: Figures,
    author: str,
) -> None:
    """Keep a report's figures (a second report to the same group on the same day replaces
    the first)."""
    data = {key: {"value": v, "items": list(items)} for key, (v, items) in figures.items()}
    key = (cooperation_reports.c.advisory_group == advisory_group) & (
        cooperation_reports.c.issued == issued
    )
    with store.write() as conn:
        conn.execute(cooperation_reports.delete().where(key))
        conn.execute(
            cooperation_reports.insert().values(
                advisory_group=advisory_group,
                issued=issued,
                period=period,
                document=document,
                figures=data,
                created_at=datetime.now(UTC),
                created_by=author,
            )
        )


def previous_report(
    store: Store, advisory_group: str, before: date
) -> tuple[date, str, Figures] | None:
    """The latest report to `advisory_group` issued before `before`: (issued, document,
    figures), or None."""
    query = (
        sa.select(cooperation_reports)
        .where(
            cooperation_reports.c.advisory_group == advisory_group,
            cooperation_reports.c.issued < before,
        )
        .order_by(cooperation_reports.c.issued.desc())
        .limit(1)
    )
    with store.read() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        return None
    figures = {k: (int(v["value"]), tuple(v["items"])) for k, v in row["figures"].items()}
    return row["issued"], row["document"], figures

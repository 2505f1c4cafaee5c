"""Fast bulk inserts: PostgreSQL's COPY; elsewhere one compiled INSERT and the driver's own
executemany, values prepared once.

SQLAlchemy's per-row parameter processing costs more than the database itself when loading
100k items; `insert_rows` compiles the statement once for the connection's dialect, turns each
value into its database form with the column type's own bind processor (JSON columns take text
that is already JSON, cast to JSONB on PostgreSQL) and hands all rows to the DBAPI at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from intersector.domain.errors import ConflictError

_Prepare = Callable[[Any], Any]


def dumps(data: Any) -> str:
    """Compact JSON text, as stored."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys) into `table` in one executemany. Values of JSON
    columns may be given as JSON text already (`dumps`), to serialise shared data once."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, rows)
        return
    names = list(rows[0])
    dialect = conn.dialect
    columns = [table.c[name] for name in names]
    statement = table.insert().values({c.name: _placeholder(c, dialect) for c in columns})
    compiled = statement.compile(dialect=dialect)
    prepare = {c.name: p for c in columns if (p := _preparer(c, dialect)) is not None}
    prepared = [_prepared(row, prepare) for row in rows]
    if compiled.positional:
        order = compiled.positiontup or []
        conn.exec_driver_sql(str(compiled), [tuple(row[k] for k in order) for row in prepared])
    else:
        conn.exec_driver_sql(str(compiled), prepared)


def _prepared(row: dict[str, Any], prepare: dict[str, _Prepare]) -> dict[str, Any]:
    if not prepare:
        return row
    return {k: (prepare[k](v) if k in prepare and v is not None else v) for k, v in row.items()}


def _is_json(column: sa.Column[Any]) -> bool:
    return isinstance(column.type, sa.JSON)


def _placeholder(column: sa.Column[Any], dialect: sa.Dialect) -> sa.ColumnElement[Any]:
    if not _is_json(column):
        return sa.bindparam(column.name, type_=column.type)
    text = sa.bindparam(column.name, type_=sa.Text)
    if dialect.name == "postgresql":
        return sa.cast(text, postgresql.JSONB)
    return text


def _preparer(column: sa.Column[Any], dialect: sa.Dialect) -> _Prepare | None:
    if _is_json(column):
        return _json_text
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    return processor


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else dumps(value)


def _copy_value(value: Any, json_column: bool) -> Any:
    return _json_text(value) if json_column and value is not None else value


def _copy_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: COPY … FROM STDIN in the connection's transaction, the fastest way in."""
    names = list(rows[0])
    json_names = {name for name in names if _is_json(table.c[name])}
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([_copy_value(row[n], n in json_names) for n in names])
    except psycopg.errors.UniqueViolation:
        raise ConflictError(
            f"some {table.name} rows being saved were created by someone else meanwhile; "
            "nothing was saved: load again",
            field="id",
        ) from None
    finally:
        cursor.close()

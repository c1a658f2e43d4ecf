"""Writing many rows of one table in one statement."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql import func
from sqlmodel import SQLModel

from portail.db.engine import AsyncSession

# The dialect's INSERT (PostgreSQL's or SQLite's: both have ON CONFLICT), for ``on_conflict``.
Insert = postgresql.Insert | sqlite.Insert


# Statements built once per table, columns and conflict clause: SQLAlchemy then finds each one's
# compiled form by a cache key it has already computed (building the statement and its key again
# cost about half a millisecond of Python per insert, several per booking request).
_statements: dict[tuple[object, ...], Any] = {}


async def insert_rows(
    session: AsyncSession,
    model: type[SQLModel],
    rows: Sequence[dict[str, Any]],
    *,
    on_conflict: Callable[[Any], Insert] | None = None,
) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``model``'s table, in their order.

    On PostgreSQL the rows travel as one array per column and are unpacked by ``unnest``: one
    statement with a handful of parameters, whereas asyncpg's executemany sends the statement once
    per row and a multi-row VALUES has thousands of parameters to compile. SQLite runs executemany
    in process. ``on_conflict`` (a module-level function: it is part of the statement's key) turns
    the dialect's INSERT into an upsert.
    """
    if not rows:
        return
    names = tuple(rows[0])
    dialect = session.get_bind().dialect.name
    key = (model, names, dialect, on_conflict)
    statement = _statements.get(key)
    if statement is None:
        statement = _statements[key] = _insert(model, names, dialect, on_conflict)
    if dialect != "postgresql":
        await session.exec(statement, params=list(rows))
        return
    await session.exec(statement, params={f"bulk_{name}": [row[name] for row in rows] for name in names})


def _insert(
    model: type[SQLModel], names: tuple[str, ...], dialect: str, on_conflict: Callable[[Any], Insert] | None
) -> Any:
    # SQLModel sets __table__ on table=True classes at runtime; its base class does not declare it.
    table = model.__table__  # type: ignore[attr-defined]
    statement: Any
    if dialect != "postgresql":
        statement = sqlite.insert(table)
    else:
        arrays = [bindparam(f"bulk_{name}", type_=ARRAY(table.c[name].type)) for name in names]
        source = func.unnest(*arrays).table_valued(*names).render_derived()
        statement = postgresql.insert(table).from_select(list(names), select(*(source.c[n] for n in names)))
    return on_conflict(statement) if on_conflict else statement

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
    in process. ``on_conflict`` turns the dialect's INSERT into an upsert.
    """
    if not rows:
        return
    # SQLModel sets __table__ on table=True classes at runtime; its base class does not declare it.
    table = model.__table__  # type: ignore[attr-defined]
    if session.get_bind().dialect.name != "postgresql":
        statement: Any = sqlite.insert(table)
        await session.exec(on_conflict(statement) if on_conflict else statement, params=list(rows))
        return
    names = list(rows[0])
    arrays = [
        bindparam(f"bulk_{name}", [row[name] for row in rows], type_=ARRAY(table.c[name].type))
        for name in names
    ]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    statement = postgresql.insert(table).from_select(names, select(*(source.c[n] for n in names)))
    await session.exec(on_conflict(statement) if on_conflict else statement)

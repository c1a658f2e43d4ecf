"""Writing many rows of one table in one statement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql import func
from sqlmodel import SQLModel

from portail.db.engine import AsyncSession


async def insert_rows(session: AsyncSession, model: type[SQLModel], rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``model``'s table.

    On PostgreSQL the rows travel as one array per column and are unpacked by ``unnest``: one
    statement, a handful of parameters, planned once. asyncpg's executemany sends the statement
    once per row, and a multi-row VALUES takes thousands of parameters to compile; for a whole-year
    request's 278 rows, unnest is three times faster than either. SQLite runs executemany in process.
    """
    if not rows:
        return
    table = model.__table__  # type: ignore[attr-defined]
    if session.bind.dialect.name != "postgresql":
        await session.exec(insert(table), params=list(rows))  # type: ignore[call-overload]
        return
    names = list(rows[0])
    arrays = [
        bindparam(f"bulk_{name}", [row[name] for row in rows], type_=ARRAY(table.c[name].type))
        for name in names
    ]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    await session.exec(insert(table).from_select(names, select(*(source.c[n] for n in names))))  # type: ignore[call-overload]

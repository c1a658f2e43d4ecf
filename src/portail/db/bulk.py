"""Writing many rows of one or several tables in one statement."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql import func
from sqlmodel import SQLModel

from portail.db.engine import AsyncSession

# The dialect's INSERT (PostgreSQL's or SQLite's: both have ON CONFLICT), for ``on_conflict``.
Insert = postgresql.Insert | sqlite.Insert


@dataclass(frozen=True)
class Rows:
    """Rows for one table (dicts with the same keys), and what turns its INSERT into an upsert: a
    module-level function of the dialect's INSERT (it is part of the statement's key)."""

    model: type[SQLModel]
    rows: Sequence[dict[str, Any]]
    on_conflict: Callable[[Any], Insert] | None = None


# A table, the columns its rows give and its conflict clause.
_Shape = tuple[type[SQLModel], tuple[str, ...], Callable[[Any], Insert] | None]

# Statements built once per tables, columns and conflict clauses: SQLAlchemy then finds each one's
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
    """INSERT ``rows`` (dicts with the same keys) into ``model``'s table, in their order
    (``insert_many`` with one table)."""
    await insert_many(session, [Rows(model, rows, on_conflict)])


async def insert_many(session: AsyncSession, tables: Sequence[Rows]) -> None:
    """INSERT each table's rows; the tables without rows are left out.

    On PostgreSQL the rows travel as one array per column and are unpacked by ``unnest``: a handful of
    parameters per table, whereas asyncpg's executemany sends the statement once per row and a
    multi-row VALUES has thousands of parameters to compile. The tables go in one statement, all but
    the last as data-modifying ``WITH`` clauses: one round trip, and SQLAlchemy's work for one
    statement (a booking request's bookings, lines, history and slot counters: 4 statements were
    about 2 ms more). PostgreSQL checks the foreign keys at the end of the statement, so a row may
    point to a row of another table of the same statement. SQLite runs executemany in process, a
    statement per table, in the order given (parents first).
    """
    tables = [t for t in tables if t.rows]
    if not tables:
        return
    dialect = session.get_bind().dialect.name
    shapes: tuple[_Shape, ...] = tuple((t.model, tuple(t.rows[0]), t.on_conflict) for t in tables)
    if dialect != "postgresql":
        for shape, table in zip(shapes, tables, strict=True):
            statement = _statements.get(("sqlite", shape))
            if statement is None:
                statement = _statements[("sqlite", shape)] = _sqlite_insert(*shape)
            await session.exec(statement, params=list(table.rows))
        return
    statement = _statements.get(("postgresql", *shapes))
    if statement is None:
        statement = _statements[("postgresql", *shapes)] = _postgresql_insert(shapes)
    params: dict[str, list[Any]] = {}
    for i, (table, (model, names, _)) in enumerate(zip(tables, shapes, strict=True)):
        count = len(table.rows)
        params.update({f"bulk{i}_{name}": [row[name] for row in table.rows] for name in names})
        params.update({f"bulk{i}_{name}": [value()] * count for name, value in _defaults(model, names)})
    await session.exec(statement, params=params)


# The Python-side defaults of the columns the rows leave out, by table and the columns they give.
_left_out: dict[tuple[type[SQLModel], tuple[str, ...]], tuple[tuple[str, Callable[[], Any]], ...]] = {}


def _defaults(model: type[SQLModel], names: tuple[str, ...]) -> tuple[tuple[str, Callable[[], Any]], ...]:
    """(column, its default) for each column of ``model`` with a Python-side default that is not in
    ``names``. They travel as arrays like the others: SQLAlchemy would add them as parameters named
    after their columns, which two tables of one statement cannot both have (``price``, say). A
    callable default is called once per statement, as SQLAlchemy calls it for a multi-row INSERT."""
    found = _left_out.get((model, names))
    if found is None:
        defaults: list[tuple[str, Callable[[], Any]]] = []
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            default = column.default
            if default is None or column.name in names:
                continue
            if default.is_scalar:
                defaults.append((column.name, functools.partial(_constant, default.arg)))
            elif default.is_callable:
                # SQLAlchemy wraps a column's callable to take the execution context, which ours ignore.
                defaults.append((column.name, functools.partial(default.arg, None)))
            else:  # a SQL expression or a sequence: not a value to put in an array
                raise TypeError(f"{model.__name__}.{column.name}: give it in the rows")
        found = _left_out[(model, names)] = tuple(defaults)
    return found


def _constant(value: Any) -> Any:
    return value


def _sqlite_insert(
    model: type[SQLModel], _names: tuple[str, ...], on_conflict: Callable[[Any], Insert] | None
) -> Any:
    statement = sqlite.insert(model.__table__)  # type: ignore[attr-defined]
    return on_conflict(statement) if on_conflict else statement


def _unnest_insert(
    model: type[SQLModel], names: tuple[str, ...], on_conflict: Callable[[Any], Insert] | None, prefix: str
) -> Any:
    # SQLModel sets __table__ on table=True classes at runtime; its base class does not declare it.
    table = model.__table__  # type: ignore[attr-defined]
    names += tuple(name for name, _ in _defaults(model, names))
    arrays = [bindparam(f"{prefix}_{name}", type_=ARRAY(table.c[name].type)) for name in names]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    rows = select(*(source.c[n] for n in names))
    statement = postgresql.insert(table).from_select(list(names), rows, include_defaults=False)
    return on_conflict(statement) if on_conflict else statement


def _postgresql_insert(shapes: tuple[_Shape, ...]) -> Any:
    inserts = [_unnest_insert(*shape, prefix=f"bulk{i}") for i, shape in enumerate(shapes)]
    statement = inserts[-1]
    for i, insert in enumerate(inserts[:-1]):
        statement = statement.add_cte(insert.cte(f"bulk{i}"))
    return statement

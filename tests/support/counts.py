"""Row counts, to show that a refused request wrote nothing, and SQL statement counts, to show that a
list costs the same statements whatever its size."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text

from portail.db.engine import Database

# The tables a mutation of accounts could write to (the sign-in throttle aside: failed sign-ins
# are counted on purpose).
WRITTEN_TABLES = ("account", "household", "guardian", "one_time_token", "outbox_mail", "auth_session")


async def row_counts(db: Database, tables: tuple[str, ...] = WRITTEN_TABLES) -> dict[str, int]:
    """How many rows each of ``tables`` holds now."""
    counts = {}
    async with db.read_sessions() as session:
        for table in tables:
            counts[table] = (await session.exec(text(f'SELECT COUNT(*) FROM "{table}"'))).one()[0]
    return counts


# What the mail worker polls: the outbox, the queue of password reset requests it processes, and its
# scans for baskets past their time and for payments PayFiP never notified (named by their conditions:
# requests read the same tables otherwise), and the reminders job (its statements carry a comment).
WORKER_TABLES = (
    "outbox_mail",
    "password_reset_request",
    "basket_entry.pay_before <=",
    "payment.created_at <",
    "/* reminders */",
)


def _from_the_mail_worker() -> bool:
    """Whether the statement comes from the mail worker's task (its polls and its jobs, e.g. the hourly
    purge of unconfirmed registrations, which a clock moved forward makes due at any moment)."""
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no event loop in this thread
        return False
    return task is not None and task.get_name() == "mail-worker"


@contextmanager
def statements(db: Database, ignore: tuple[str, ...] = WORKER_TABLES) -> Iterator[list[str]]:
    """The SQL statements ``db`` runs inside the block, but those naming a table of ``ignore`` (by
    default the mail worker's polls) and the BEGINs SQLite's engines issue themselves."""
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if _from_the_mail_worker():
            return
        if not any(t in statement for t in ignore) and not statement.lstrip().upper().startswith("BEGIN"):
            seen.append(statement)

    # One engine per pool. On PostgreSQL ``engine`` and ``write_engine`` are options of
    # ``read_engine`` (its pool): its listeners hear their statements too, so only it listens.
    by_pool: dict[object, Any] = {}
    for engine in (db.read_engine, db.engine, db.write_engine):
        by_pool.setdefault(engine.sync_engine.pool, engine.sync_engine)
    engines = list(by_pool.values())
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)

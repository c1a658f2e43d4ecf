"""Row counts, to show that a refused request wrote nothing."""

from __future__ import annotations

from sqlalchemy import text

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

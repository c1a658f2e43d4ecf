"""The whole state a request could change: every row of every table, and the stored files, to show that
a refused request changed nothing at all."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlmodel import SQLModel

from portail.db.engine import Database

# Written by every request or by the mail worker in the background, whatever the request asked:
# the sessions (last seen), the sign-in throttle, and the delivery columns of the outbox.
SKIPPED_TABLES = {"auth_session", "login_throttle"}
SKIPPED_COLUMNS = {"outbox_mail": {"attempts", "next_attempt_at", "sent_at", "failed_at", "last_error"}}


async def database_state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sorted, as tuples), but what background work changes."""
    state: dict[str, list[tuple[Any, ...]]] = {}
    async with db.read_sessions() as session:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            skipped = SKIPPED_COLUMNS.get(table.name, set())
            columns = ", ".join(f'"{c.name}"' for c in table.columns if c.name not in skipped)
            rows = (await session.exec(text(f'SELECT {columns} FROM "{table.name}"'))).all()
            state[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return state


async def stored_files(folder: Path) -> dict[str, bytes]:
    """The files of the storage folder, by path, with their bytes."""
    return await asyncio.to_thread(_read_all, folder)


def _read_all(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

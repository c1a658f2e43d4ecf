"""The whole state a request could change: every row of every table, and the stored files, to show that
a refused request changed nothing at all."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text, update
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


# -- a state saved once, put back before each test that starts from it ------------------------------


@dataclass(frozen=True)
class SavedState:
    """Every row of every table (as read, typed) and the stored files: what a costly setup left, put
    back by ``restore`` into the emptied database of a later test instead of being built again."""

    rows: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes]


async def save_state(db: Database, storage: Path) -> SavedState:
    """The database's rows (but the catalogue's version, which its triggers keep) and the files."""
    rows: dict[str, list[dict[str, Any]]] = {}
    async with db.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if table.name == "catalogue_version":
                continue
            result = await connection.execute(select(table))
            rows[table.name] = [dict(r._mapping) for r in result]
    return SavedState(rows, await stored_files(storage))


async def restore_state(db: Database, saved: SavedState, storage: Path) -> None:
    """Put ``saved`` back into ``db`` (emptied by the ``db`` fixture) and ``storage``: parents before
    their children; a table's references to its own rows (an invoice and the one cancelling it) are
    written once all its rows are in."""
    tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
    async with db.write_engine.begin() as connection:
        for name, rows in saved.rows.items():
            if not rows:
                continue
            table = tables[name]
            own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            first = [{**row, **dict.fromkeys(own, None)} for row in rows] if own else rows
            await connection.execute(insert(table), first)
            for row in rows:
                if any(row[c] is not None for c in own):
                    key = [table.c[c.name] == row[c.name] for c in table.primary_key]
                    await connection.execute(update(table).where(*key).values({c: row[c] for c in own}))
    await asyncio.to_thread(_write_all, storage, saved.files)


def _write_all(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

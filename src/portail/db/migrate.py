"""Alembic, driven from code: ``portail migrate``, the development auto-upgrade, ``/readyz``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from portail.db.catalogue_version import ensure_triggers

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


@cache
def head_revision() -> str:
    """The newest revision of the migrations shipped with this code. Read once per process: Alembic
    loads every migration file to find it (tens of ms), and each app start and ``/readyz`` asks."""
    return ScriptDirectory.from_config(alembic_config("")).get_current_head() or ""


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(lambda sync: MigrationContext.configure(sync).get_current_revision())


async def is_current(engine: AsyncEngine) -> bool:
    return await current_revision(engine) == head_revision()


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the database to the newest revision."""

    def _upgrade(sync_conn: Connection) -> None:
        config = alembic_config(str(engine.url))
        config.attributes["connection"] = sync_conn
        command.upgrade(config, "head")
        # A migration that rebuilt a catalogue table on SQLite dropped its triggers.
        ensure_triggers(sync_conn)

    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)

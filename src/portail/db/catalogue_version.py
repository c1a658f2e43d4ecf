"""The catalogue's version: a number that every change to the catalogue's tables moves.

A process keeps the catalogue between requests (``resolvers.catalogue_reading``) and asks, with one
cheap statement, whether the copy it holds is still the database's. The number is moved by database
triggers rather than by the use cases, so that no writer can forget it: staff's mutations, the demo,
a migration, a bulk load or an administrator's SQL all move it. One setting the catalogue carries lives
elsewhere: the town's holiday subdivision (a ``town_setting`` row, which the other town settings share);
its one writer, ``setHolidaySubdivision``, moves the number itself (``bump_version``).

SQLite drops a table's triggers when a migration rebuilds the table (``batch_alter_table``), so
``ensure_triggers`` runs after every upgrade (it is idempotent); a test checks each table moves it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import select

from portail.db.engine import AsyncSession
from portail.db.models.catalogue import CatalogueVersion

TABLE = "catalogue_version"
# Every table ``load_catalogue`` reads.
CATALOGUE_TABLES = ("regie", "facility", "activity", "period", "unit", "period_day", "enrolment_group")
_VERSION_QUERY = select(CatalogueVersion.version)  # every request that reads the catalogue: built once
_BUMP = f"UPDATE {TABLE} SET version = version + 1"  # noqa: S608 - constants only


def trigger_statements(dialect: str, tables: Sequence[str] = CATALOGUE_TABLES) -> list[str]:
    """The statements that create (or replace) the triggers of ``tables`` on ``dialect`` (a migration
    names the tables that exist at its revision)."""
    if dialect == "postgresql":
        statements = [
            "CREATE OR REPLACE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {_BUMP}; RETURN NULL; END $$"
        ]
        # Per statement, not per row: a bulk load of a thousand days moves it once.
        statements += [
            f"CREATE OR REPLACE TRIGGER {table}_catalogue_version AFTER INSERT OR UPDATE OR DELETE "
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version()'
            for table in tables
        ]
        return statements
    # SQLite has row triggers only, one event each.
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_catalogue_version_{event.lower()} AFTER {event} "
        f'ON "{table}" BEGIN {_BUMP}; END'
        for table in tables
        for event in ("INSERT", "UPDATE", "DELETE")
    ]


def drop_statements(
    dialect: str, tables: Sequence[str] = CATALOGUE_TABLES, *, function: bool = True
) -> list[str]:
    if dialect == "postgresql":
        drops = [f'DROP TRIGGER IF EXISTS {t}_catalogue_version ON "{t}"' for t in tables]
        return drops + (["DROP FUNCTION IF EXISTS bump_catalogue_version()"] if function else [])
    return [
        f"DROP TRIGGER IF EXISTS {t}_catalogue_version_{e.lower()}"
        for t in tables
        for e in ("INSERT", "UPDATE", "DELETE")
    ]


def ensure_triggers(connection: Connection) -> None:
    """Create the triggers that are missing (after a migration that rebuilt a table on SQLite)."""
    if not connection.dialect.has_table(connection, TABLE):
        return  # a database migrated to a revision before the version existed
    tables = [t for t in CATALOGUE_TABLES if connection.dialect.has_table(connection, t)]
    for statement in trigger_statements(connection.dialect.name, tables):
        connection.execute(text(statement))


async def bump_version(session: AsyncSession) -> None:
    """Move the catalogue's version in ``session``'s transaction, for a change the triggers do not see
    (a setting the catalogue carries from outside its tables): every process reads the catalogue again
    once it commits."""
    await session.exec(text(_BUMP))


async def read_version(session: AsyncSession) -> int | None:
    """The catalogue's version as ``session`` sees it (None: no version row, nothing to trust)."""
    value = (await session.exec(_VERSION_QUERY)).first()
    return None if value is None else int(value)

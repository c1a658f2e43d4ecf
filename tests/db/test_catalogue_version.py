"""The catalogue a process keeps between requests: one statement checks it still holds, and any
change to a catalogue table, whoever writes it, makes the next request read it again.

The version is moved by database triggers; SQLite drops a table's triggers when a migration rebuilds
the table, so the first test writes to every catalogue table of the migrated database and checks
each write moved it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import text

from portail.db.catalogue_version import CATALOGUE_TABLES
from portail.db.engine import Database
from tests.support.bookings import BOOKABLE, at_town_time, family_enrolled
from tests.support.catalogue import make_service
from tests.support.counts import statements


async def version(db: Database) -> int:
    async with db.read_sessions() as session:
        return int((await session.exec(text("SELECT version FROM catalogue_version"))).one()[0])


async def test_every_write_to_a_catalogue_table_moves_the_version(db):
    service = await make_service(db)
    rows = {
        "regie": service.regie.id,
        "facility": service.facility.id,
        "activity": service.activity.id,
        "period": service.period.id,
        "unit": service.unit.id,
    }
    assert set(CATALOGUE_TABLES) == {*rows, "period_day", "enrolment_group"}
    for table, row_id in rows.items():
        before = await version(db)
        async with db.transaction() as session:
            await session.exec(text(f'UPDATE "{table}" SET name = name WHERE id = :id').bindparams(id=row_id))
        assert await version(db) > before, f"an update of {table} left the version"
    before = await version(db)
    async with db.transaction() as session:
        await session.exec(
            text(
                "INSERT INTO period_day (id, period_id, kind, start, \"end\", label) "
                "VALUES (:id, :period, 'closure', :day, :day, 'Pont')"
            ).bindparams(id=service.unit.id, period=service.period.id, day=date(2026, 11, 13))
        )
    assert await version(db) > before, "an insert into period_day left the version"
    before = await version(db)
    async with db.transaction() as session:
        await session.exec(text("DELETE FROM period_day"))
    assert await version(db) > before, "a delete from period_day left the version"
    # Revision 0020's enrolment groups (created by the migration, not by a rebuild).
    for statement, what in (
        (
            "INSERT INTO enrolment_group (id, activity_id, name, position, capacity, created_at) "
            "VALUES (:id, :activity, 'Maternelles', 0, 12, :at)",
            "an insert into",
        ),
        ("UPDATE enrolment_group SET capacity = 14", "an update of"),
        ("DELETE FROM enrolment_group", "a delete from"),
    ):
        before = await version(db)
        async with db.transaction() as session:
            await session.exec(
                text(statement).bindparams(id=service.unit.id, activity=service.activity.id, at=datetime(2026, 11, 1))
                if ":id" in statement
                else text(statement)
            )
        assert await version(db) > before, f"{what} enrolment_group left the version"


async def test_the_catalogue_is_read_once_then_checked_with_one_statement(db, browser, clock, live_server):
    at_town_time(clock, date(2026, 11, 27))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", email="catalogue@famille.test")
    window = {
        "childId": str(family.children["Emma-Rose"].id),
        "periodId": str(canteen.period.id),
        "from": "2026-12-07",
        "to": "2026-12-13",
    }
    await family.client.data(BOOKABLE, window)
    with statements(live_server.app.state.db) as seen:
        first = await family.client.data(BOOKABLE, window)
    catalogue_reads = [s for s in seen if "FROM unit" in s or "FROM regie" in s]
    assert catalogue_reads == [], "the catalogue was read again although nothing changed"
    assert sum("catalogue_version" in s for s in seen) == 1
    assert {u["unitName"] for d in first["bookableDays"]["days"] for u in d["units"]} == {"REPAS"}

    # Staff (or anyone: here raw SQL) rename the unit: the next request reads the catalogue again.
    async with db.transaction() as session:
        await session.exec(
            text("UPDATE unit SET name = 'REPAS DU MIDI' WHERE id = :id").bindparams(id=canteen.unit.id)
        )
    with statements(live_server.app.state.db) as seen:
        renamed = await family.client.data(BOOKABLE, window)
    assert {u["unitName"] for d in renamed["bookableDays"]["days"] for u in d["units"]} == {"REPAS DU MIDI"}
    assert any("FROM unit" in s for s in seen)

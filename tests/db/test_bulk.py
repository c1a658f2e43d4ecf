"""Rows of several tables written at once (``db/bulk.insert_many``): as a booking request writes its
request, bookings, lines, history and slot counters. One statement on PostgreSQL, whose foreign keys
are checked at its end; a statement per table on SQLite, parents first."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from portail.db.bulk import Rows, insert_many
from portail.db.engine import Database
from portail.db.models import Guardian, Household
from portail.db.models.base import new_id
from tests.support.counts import statements


async def households_and_guardians(db: Database, name: str) -> tuple[list[Household], list[Guardian]]:
    async with db.read_sessions() as session:
        households = list((await session.exec(select(Household).where(Household.name == name))).all())
        guardians = list(
            (
                await session.exec(
                    select(Guardian).where(Guardian.household_id.in_([h.id for h in households]))  # type: ignore[attr-defined]
                )
            ).all()
        )
    return households, guardians


async def test_rows_pointing_to_rows_of_the_same_call_are_written_with_the_defaults_they_leave_out(db):
    homes = [new_id(), new_id()]
    parents = [{"id": home, "name": "Famille Lot", "postcode": "56860"} for home in homes]
    # The guardians give neither their rank nor their names: the columns' defaults (1, "") apply.
    children = [{"id": new_id(), "household_id": home, "email": f"{i}@example.org"} for i, home in enumerate(homes)]
    with statements(db) as seen:
        async with db.transaction() as session:
            await insert_many(session, [Rows(Household, parents), Rows(Guardian, children), Rows(Guardian, [])])
    written = [s for s in seen if s.lstrip().upper().startswith(("INSERT", "WITH"))]
    # One statement on PostgreSQL (the guardians' INSERT in it, after the households' WITH); SQLite: one each.
    assert len(written) == (1 if db.is_postgresql else 2), written

    households, guardians = await households_and_guardians(db, "Famille Lot")
    assert {h.id for h in households} == set(homes)
    assert {h.postcode for h in households} == {"56860"}
    assert {h.country for h in households} == {"FR"}  # a default left out
    assert sorted((g.household_id, g.email) for g in guardians) == sorted(
        (home, f"{i}@example.org") for i, home in enumerate(homes)
    )
    assert {(g.rank, g.first_name) for g in guardians} == {(1, "")}
    assert all(g.created_at is not None for g in guardians)  # a callable default, called


async def test_a_row_pointing_nowhere_writes_nothing_of_the_whole_call(db):
    home = new_id()
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await insert_many(
                session,
                [
                    Rows(Household, [{"id": home, "name": "Famille Orpheline"}]),
                    Rows(Guardian, [{"id": new_id(), "household_id": uuid.uuid4()}]),  # no such household
                ],
            )
    assert await households_and_guardians(db, "Famille Orpheline") == ([], [])

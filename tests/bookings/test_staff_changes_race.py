"""Staff closing a day, or lowering a unit's capacity, while families book it, on PostgreSQL (where
writers really run side by side). The period's row is the meeting point: staff lock it for update, a
submission locks it for share before reading the calendar. Whatever the order, no booking ends up
standing on a closed day, nor beyond the capacity staff set, and nobody gets a 500."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest

from portail.db.engine import Database
from portail.db.models.catalogue import Unit
from tests.bookings.test_concurrency import racers, set_capacity, submit_all
from tests.bookings.test_staff_changes import SET_CALENDAR, UPDATE_UNIT, strike
from tests.bookings.test_waiting_list import staff_member
from tests.support.bookings import at_town_time, bookings, make_centre
from tests.support.catalogue import unit_input

pytestmark = pytest.mark.postgresql_only

TODAY = date(2026, 11, 27)
STRIKE = date(2026, 12, 9)
FAMILIES = 20
STANDING = {"pending", "accepted", "cancellation_requested", "waiting"}


async def standing_on(db: Database, day: date) -> int:
    return sum(1 for b in await bookings(db) if b.day == day and b.state in STANDING)


async def test_a_day_closed_while_families_book_it_is_left_without_bookings_or_refused(
    db, browser, settings, clock, smtp, live_server
):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic")
    families = await racers(db, browser, settings, clock, centre, FAMILIES)
    staff = await staff_member(db, browser)
    variables = {"periodId": str(centre.period.id), "closures": [strike()], "extraDays": []}

    async def close() -> dict[str, Any]:
        await asyncio.sleep(0.01 * FAMILIES // 2)  # in the middle of the submissions
        return (await staff.client.data(SET_CALENDAR, variables))["setPeriodCalendar"]  # type: ignore[no-any-return]

    closed, payloads = await asyncio.gather(close(), submit_all(families, centre, STRIKE))

    booked = await standing_on(db, STRIKE)
    if closed["errors"]:
        # Refused: it counted every booking written before it, and none came after (the day stays open).
        assert [e["code"] for e in closed["errors"]] == ["BOOKINGS_IN_THE_WAY"]
        assert closed["errors"][0]["message"].startswith(f"{booked} réservation")
    else:
        # Closed first: every later submission was refused on a closed day.
        assert booked == 0
        assert all(p["request"] is None for p in payloads)


async def test_a_capacity_lowered_while_families_book_is_never_exceeded(
    db, browser, settings, clock, smtp, live_server
):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="automatic", when_full="refuse")
    await set_capacity(db, centre.unit, FAMILIES)
    families = await racers(db, browser, settings, clock, centre, FAMILIES)
    staff = await staff_member(db, browser)
    variables = {"id": str(centre.unit.id), "input": unit_input(centre.unit.name, capacity=3)}

    async def lower() -> dict[str, Any]:
        await asyncio.sleep(0.005)
        return (await staff.client.data(UPDATE_UNIT, variables))["updateUnit"]  # type: ignore[no-any-return]

    lowered, _ = await asyncio.gather(lower(), submit_all(families, centre, STRIKE))

    booked = await standing_on(db, STRIKE)
    async with db.read_sessions() as session:
        unit = await session.get(Unit, centre.unit.id)
    assert unit is not None
    if lowered["errors"]:
        assert [e["code"] for e in lowered["errors"]] == ["BOOKINGS_IN_THE_WAY"]
        assert unit.capacity == FAMILIES
    else:
        assert unit.capacity == 3
        assert booked <= 3

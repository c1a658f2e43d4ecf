"""Linked units on the staff side: what staff decide keeps the links families must keep ("pas de repas
sans la garderie du matin").

- Staff refuse the morning of a day whose meal (it requires the morning) also awaits their decision: the
  meal is refused with it, its line saying why, and the family is mailed both.
- The meal already accepted, refusing the morning alone is refused: LINKED_UNIT on the id that named it,
  naming both units, nothing written; once the family cancelled the meal, the morning may be refused.
- Granting the cancellation of the morning takes the meal's cancellation request (still awaiting staff)
  along.
- Staff closing a day (a strike) cancel every unit of it: a link cannot break there.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import date, time
from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models.bookings import BookingLine
from portail.db.models.catalogue import Unit
from portail.db.models.payments import BasketEntry
from tests.bookings.test_linked_units import MEAL, MORNING, add_unit, agent, link, request
from tests.bookings.test_waiting_list import travel
from tests.support.accounts import signed_in
from tests.support.bookings import (
    DECIDE,
    ERRORS,
    SUBMIT,
    at_town_time,
    booking_counts,
    bookings,
    change,
    family_enrolled,
    make_centre,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service

MONDAY = date(2027, 1, 4)
SET_CALENDAR = f"""mutation($periodId: ID!, $closures: [DateSpanInput!]!, $reason: String) {{
  setPeriodCalendar(periodId: $periodId, closures: $closures, extraDays: [], cancelBookings: $reason) {{
    cancelledBookings {ERRORS} }} }}"""


async def canteen_decided_by_staff(db: Database, browser: Any, clock: Any) -> tuple[Service, Any, Any, Any]:
    """The canteen, its bookings accepted by staff; the meal requires the morning care. Emma-Rose's
    family asks for both on Monday 4 January: two lines awaiting staff."""
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db, acceptance="staff")
    morning = await add_unit(db, canteen, MORNING, 150)
    staff = await agent(db, browser)
    assert (await link(staff, canteen.unit, morning))["errors"] == []
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    both = [change(emma.id, canteen.unit.id, MONDAY), change(emma.id, morning.id, MONDAY)]
    submitted = (await family.client.data(SUBMIT, request(canteen, both)))["submitBookingRequest"]
    assert submitted["errors"] == []
    assert [line["state"] for line in submitted["request"]["lines"]] == ["PENDING", "PENDING"]
    return canteen, staff, family, submitted["request"]


def line_ids(request: dict[str, Any]) -> dict[str, str]:
    return {line["unitName"]: line["id"] for line in request["lines"]}


async def states(db: Database, canteen: Service) -> dict[str, str]:
    return {(MEAL if b.unit_id == canteen.unit.id else MORNING): b.state for b in await bookings(db)}


async def test_refusing_the_morning_refuses_the_meal_awaiting_the_same_decision(db, browser, clock, smtp):
    canteen, staff, family, asked = await canteen_decided_by_staff(db, browser, clock)
    await smtp.wait_for(family.email)  # the request's own mail

    variables = {"ids": [line_ids(asked)[MORNING]], "decision": "REFUSE", "reason": "Plus de place le matin."}
    decided = (await staff.data(DECIDE, variables))["decideBookings"]
    assert decided["errors"] == []
    lines = {line["unitName"]: line for line in decided["requests"][0]["lines"]}
    assert (lines[MORNING]["state"], lines[MORNING]["message"]) == ("REFUSED", "Plus de place le matin.")
    assert lines[MEAL]["state"] == "REFUSED"
    assert lines[MEAL]["message"] == (
        f"Plus de place le matin. « {MEAL} » ne va pas sans « {MORNING} » : elle la suit."
    )
    assert await states(db, canteen) == {MEAL: "refused", MORNING: "refused"}
    # The family's mail of the decision lists both days.
    mail = (await smtp.wait_for(family.email, 2))[1]
    assert MEAL in mail.text and MORNING in mail.text


async def test_refusing_the_morning_under_an_accepted_meal_is_refused_naming_both(db, browser, clock, smtp):
    canteen, staff, family, asked = await canteen_decided_by_staff(db, browser, clock)
    ids = line_ids(asked)
    accepted = await staff.data(DECIDE, {"ids": [ids[MEAL]], "decision": "ACCEPT", "reason": ""})
    assert accepted["decideBookings"]["errors"] == []
    before = await booking_counts(db)

    variables = {"ids": [asked["id"]], "decision": "REFUSE", "reason": "Plus de place le matin."}
    refused = (await staff.data(DECIDE, variables))["decideBookings"]
    assert refused["requests"] == []
    assert refused["errors"] == [
        {
            "field": "ids.0",
            "code": "LINKED_UNIT",
            "message": f"Impossible de refuser « {MORNING} » seule : « {MEAL} » la demande ce jour-là. "
            f"Traitez-les ensemble, ou annulez d'abord « {MEAL} ».",
        }
    ]
    assert await booking_counts(db) == before
    assert await states(db, canteen) == {MEAL: "accepted", MORNING: "pending"}

    # The family cancels the meal: the morning may now be refused alone.
    emma = family.children["Emma-Rose"]
    cancel = request(canteen, [change(emma.id, canteen.unit.id, MONDAY, "CANCEL")])
    assert (await family.client.data(SUBMIT, cancel))["submitBookingRequest"]["errors"] == []
    variables = {"ids": [ids[MORNING]], "decision": "REFUSE", "reason": "Plus de place le matin."}
    assert (await staff.data(DECIDE, variables))["decideBookings"]["errors"] == []
    assert await states(db, canteen) == {MEAL: "cancelled", MORNING: "refused"}


async def test_granting_the_mornings_cancellation_grants_the_meals_too(db, browser, clock, smtp):
    canteen, staff, family, asked = await canteen_decided_by_staff(db, browser, clock)
    assert (await staff.data(DECIDE, {"ids": [asked["id"]], "decision": "ACCEPT", "reason": ""}))[
        "decideBookings"
    ]["errors"] == []
    # Past the cancellation deadline: cancelling both is a request to staff.
    await travel(clock, date(2027, 1, 3), time(9, 0), family)
    built = await make_staff(db, email="agent.janvier@ville.test")
    staff = await signed_in(browser(), built.email, built.password)
    emma = family.children["Emma-Rose"]
    both = [
        change(emma.id, morning_id, MONDAY, "CANCEL")
        for morning_id in (canteen.unit.id, await unit_id(db, MORNING))
    ]
    cancelling = (await family.client.data(SUBMIT, request(canteen, both)))["submitBookingRequest"]
    assert [line["state"] for line in cancelling["request"]["lines"]] == ["CANCELLATION_REQUESTED"] * 2

    variables = {"ids": [line_ids(cancelling["request"])[MORNING]], "decision": "ACCEPT", "reason": ""}
    decided = (await staff.data(DECIDE, variables))["decideBookings"]
    assert decided["errors"] == []
    assert [line["state"] for line in decided["requests"][0]["lines"]] == ["CANCELLED", "CANCELLED"]
    assert await states(db, canteen) == {MEAL: "cancelled", MORNING: "cancelled"}


async def test_a_closed_day_cancels_both_linked_units(db, browser, clock, smtp):
    canteen, staff, _, asked = await canteen_decided_by_staff(db, browser, clock)
    assert (await staff.data(DECIDE, {"ids": [asked["id"]], "decision": "ACCEPT", "reason": ""}))[
        "decideBookings"
    ]["errors"] == []
    variables = {
        "periodId": str(canteen.period.id),
        "closures": [{"start": MONDAY.isoformat(), "end": MONDAY.isoformat(), "label": "Grève"}],
        "reason": "Grève",
    }
    closed = (await staff.data(SET_CALENDAR, variables))["setPeriodCalendar"]
    assert closed == {"cancelledBookings": 2, "errors": []}
    assert await states(db, canteen) == {MEAL: "cancelled", MORNING: "cancelled"}


async def unit_id(db: Database, name: str) -> Any:
    async with db.read_sessions() as session:
        return (await session.exec(select(Unit.id).where(Unit.name == name))).one()


# ---------------------------------------------------------------------------------------------
# The basket: a request released takes along the days of the basket that required its units


BASKET = "{ basket { isEmpty total regies { requests { requestId total } } } }"
REMOVE = f"""mutation($requestId: ID!) {{ removeFromBasket(requestId: $requestId) {{ basket {{ isEmpty }} {ERRORS} }} }}"""
WEDNESDAY = date(2027, 1, 6)
DAY_UNIT = "JOURNEE CENTRE AERE MERCREDI"


async def two_requests_in_the_basket(
    db: Database, browser: Any, clock: Any
) -> tuple[Service, Any, list[str]]:
    """The Wednesday centre, paid at booking: its day requires the morning care. The family books the
    morning (request 1, at 9:00), then the day (request 2, at 9:30: the morning is booked): both wait
    in the basket, each with its own pay-before time."""
    at_town_time(clock, date(2026, 12, 14))
    centre = await make_centre(db, payment="basket")
    morning = await add_unit(db, centre, MORNING, 150)
    staff = await agent(db, browser)
    assert (await link(staff, centre.unit, morning))["errors"] == []
    family = await family_enrolled(db, browser, centre)
    emma = family.children["Emma-Rose"]
    ids = []
    for unit, at in ((morning, time(9, 0)), (centre.unit, time(9, 30))):
        at_town_time(clock, date(2026, 12, 14), at)
        submitted = await family.client.data(SUBMIT, request(centre, [change(emma.id, unit.id, WEDNESDAY)]))
        assert submitted["submitBookingRequest"]["errors"] == []
        assert submitted["submitBookingRequest"]["summary"]["lines"][0]["refusal"] is None
        ids.append(submitted["submitBookingRequest"]["request"]["id"])
    return centre, family, ids


async def centre_states(db: Database, centre: Service) -> dict[str, str]:
    return {(DAY_UNIT if b.unit_id == centre.unit.id else MORNING): b.state for b in await bookings(db)}


async def test_taking_the_morning_out_of_the_basket_takes_the_day_that_required_it(db, browser, clock, smtp):
    centre, family, (morning_request, day_request) = await two_requests_in_the_basket(db, browser, clock)
    assert len((await family.client.data(BASKET))["basket"]["regies"][0]["requests"]) == 2

    removed = (await family.client.data(REMOVE, {"requestId": morning_request}))["removeFromBasket"]
    assert removed["errors"] == []
    # The day of the other request could not stay alone: released too, its line says why.
    assert removed["basket"]["isEmpty"] is True
    assert await centre_states(db, centre) == {MORNING: "cancelled", DAY_UNIT: "cancelled"}
    async with db.read_sessions() as session:
        line = (
            await session.exec(select(BookingLine).where(BookingLine.request_id == uuid.UUID(day_request)))
        ).one()
    assert line.message == f"« {DAY_UNIT} » ne va pas sans « {MORNING} » : elle la suit."
    assert await entry_states(db) == ["removed", "removed"]


async def test_the_morning_expiring_first_takes_the_day_that_required_it(
    db, browser, clock, smtp, live_server
):
    centre, _, _ = await two_requests_in_the_basket(db, browser, clock)
    # 11:10: the morning's request (to pay before 11:00) is out of time, the day's (11:30) not yet.
    at_town_time(clock, date(2026, 12, 14), time(11, 10))
    live_server.app.state.mail_worker.wake()
    for _ in range(200):
        if (await centre_states(db, centre))[MORNING] == "expired":
            break
        await asyncio.sleep(0.05)
    assert await centre_states(db, centre) == {MORNING: "expired", DAY_UNIT: "expired"}
    assert await entry_states(db) == ["expired", "expired"]


async def entry_states(db: Database) -> list[str]:
    async with db.read_sessions() as session:
        return [e.state for e in (await session.exec(select(BasketEntry))).all()]

"""Capacity and the waiting line over HTTP: a Wednesday with two places, four families asking for it.
Two get a place, the others wait in line (or are refused when the activity keeps no line); a place
freed (a cancellation before the deadline, staff refusing a pending booking, a late cancellation
granted) goes to the first in line, who is mailed, and the line moves up. Staff see the places taken
and the attendance list of the day."""

from __future__ import annotations

from datetime import date, time
from types import SimpleNamespace
from typing import Any

from sqlmodel import col, select

from portail.db.engine import Database
from portail.db.models import Child
from portail.db.models.bookings import Booking, BookingEvent
from portail.db.models.catalogue import Unit
from tests.support.accounts import signed_in
from tests.support.bookings import (
    ATTENDANCE,
    BOOKABLE,
    CENTRE_PATH,
    DECIDE,
    HISTORY,
    PLACES,
    PREVIEW,
    QUEUE,
    SUBMIT,
    Family,
    at_town_time,
    booking_counts,
    change,
    family_enrolled,
    make_centre,
    shown,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service
from tests.support.pages import nodes

FRIDAY_27_NOV = date(2026, 11, 27)
DAY = date(2026, 12, 9)  # a Wednesday
UNIT_NAME = "JOURNEE CENTRE AERE MERCREDI"
PROMOTED_SUBJECT = "Liste d'attente : une place s'est libérée"


# ---------------------------------------------------------------------------------------------
# Helpers


async def centre_with_places(db: Database, capacity: int = 2, **settings: Any) -> Service:
    centre = await make_centre(db, **settings)
    async with db.transaction() as session:
        unit = await session.get(Unit, centre.unit.id)
        assert unit is not None
        unit.capacity = capacity
        session.add(unit)
    centre.unit.capacity = capacity
    return centre


async def four_families(db: Database, browser: Any, centre: Service) -> list[Family]:
    """MARTIN (Emma-Rose), BERNARD (Léo), PETIT (Jade) and DURAND (Hugo), each enrolled."""
    return [
        await family_enrolled(db, browser, centre, first, email=f"{name.lower()}@famille.test", name=name)
        for name, first in (
            ("MARTIN", "Emma-Rose"),
            ("BERNARD", "Léo"),
            ("PETIT", "Jade"),
            ("DURAND", "Hugo"),
        )
    ]


async def staff_member(db: Database, browser: Any) -> SimpleNamespace:
    staff = await make_staff(db)
    return SimpleNamespace(
        client=await signed_in(browser(), staff.email, staff.password), email=staff.email, built=staff
    )


async def travel(clock: Any, day: date, at: time, *people: Any) -> None:
    """Move the server's clock and sign everyone in again there (sessions end after 120 idle minutes)."""
    at_town_time(clock, day, at)
    for person in people:
        await signed_in(person.client, person.email, person.built.password)


def child_of(family: Family) -> Any:
    return next(iter(family.children.values()))


def book(family: Family, centre: Service, day: date = DAY, action: str = "BOOK") -> dict[str, Any]:
    return {
        "input": {
            "periodId": str(centre.period.id),
            "changes": [change(child_of(family).id, centre.unit.id, day, action)],
        }
    }


async def submit(family: Family, centre: Service, day: date = DAY, action: str = "BOOK") -> dict[str, Any]:
    payload = (await family.client.data(SUBMIT, book(family, centre, day, action)))["submitBookingRequest"]
    assert payload["errors"] == [], payload
    return payload


async def the_day(family: Family, centre: Service, day: date = DAY) -> dict[str, Any]:
    """The unit of the day window for the family's child."""
    data = await family.client.data(
        BOOKABLE,
        {
            "childId": str(child_of(family).id),
            "periodId": str(centre.period.id),
            "from": day.isoformat(),
            "to": day.isoformat(),
        },
    )
    return data["bookableDays"]["days"][0]["units"][0]


async def planned(family: Family, day: date = DAY) -> list[dict[str, Any]]:
    """The family's bookings of ``day`` in "Mon planning"."""
    variables = {
        "from": day.isoformat(),
        "to": day.isoformat(),
        "childIds": None,
        "all": False,
        "others": False,
    }
    return (await shown(family.client, variables))["days"][0]["bookings"]


async def places(staff: Any, centre: Service, day: date = DAY) -> dict[str, Any]:
    variables = {"periodId": str(centre.period.id), "from": day.isoformat(), "to": day.isoformat()}
    (slot,) = (await staff.client.data(PLACES, variables))["placesTaken"]
    assert (slot["unitName"], slot["date"]) == (UNIT_NAME, day.isoformat())
    return {
        k: slot[k]
        for k in ("capacity", "held", "placesLeft", "accepted", "pending", "cancellationRequested", "waiting")
    }


def counts(capacity: int = 2, **values: int) -> dict[str, int]:
    result = {
        "capacity": capacity,
        "held": 0,
        "placesLeft": capacity,
        "accepted": 0,
        "pending": 0,
        "cancellationRequested": 0,
        "waiting": 0,
    }
    result.update(values)
    result["held"] = result["accepted"] + result["pending"] + result["cancellationRequested"]
    result["placesLeft"] = max(capacity - result["held"], 0)
    return result


async def booking_of(db: Database, family: Family, day: date = DAY) -> Booking:
    async with db.read_sessions() as session:
        return (
            await session.exec(
                select(Booking).where(Booking.child_id == child_of(family).id, Booking.day == day)
            )
        ).one()


async def events_of(db: Database, booking: Booking) -> list[tuple[str, str, str, Any, str]]:
    async with db.read_sessions() as session:
        rows = (
            await session.exec(
                select(BookingEvent)
                .where(BookingEvent.booking_id == booking.id)
                .order_by(col(BookingEvent.at))
            )
        ).all()
    return [(e.from_state, e.to_state, e.actor, e.account_id, e.reason) for e in rows]


def promoted_mails(smtp: Any, family: Family) -> list[Any]:
    return [m for m in smtp.to(family.email) if m.subject == PROMOTED_SUBJECT]


# ---------------------------------------------------------------------------------------------
# The line


async def test_two_places_the_third_and_fourth_wait_and_move_up_when_a_family_cancels(
    db, browser, clock, smtp
):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="waiting_list")
    martin, bernard, petit, durand = await four_families(db, browser, centre)
    staff = await staff_member(db, browser)

    # Two places: MARTIN and BERNARD get them at once (automatic acceptance).
    for family in (martin, bernard):
        assert (await submit(family, centre))["request"]["state"] == "ACCEPTED"
    assert await places(staff, centre) == counts(accepted=2)

    # PETIT: the day window says the day is full but a booking would wait; the summary says where.
    unit = await the_day(petit, centre)
    assert (unit["bookable"], unit["wouldWait"], unit["placesLeft"], unit["waitingCount"]) == (
        True,
        True,
        0,
        0,
    )
    summary = (await petit.client.data(PREVIEW, book(petit, centre)))["previewBookingRequest"]["summary"]
    (line,) = summary["lines"]
    assert (line["outcome"], line["waitingPosition"], line["message"]) == (
        "WAITING",
        1,
        "Présence en liste d'attente",
    )
    assert summary["total"] == 0  # a day in line costs nothing yet
    waiting = await submit(petit, centre)
    assert waiting["request"]["state"] == "PENDING"
    assert [line["state"] for line in waiting["request"]["lines"]] == ["WAITING"]
    mail = (await smtp.wait_for(petit.email))[0]
    assert mail.subject.endswith("enregistrée : en attente de traitement") and "Présence en liste d'attente" in mail.text

    # DURAND is second in line.
    summary = (await durand.client.data(PREVIEW, book(durand, centre)))["previewBookingRequest"]["summary"]
    assert [(line["outcome"], line["waitingPosition"]) for line in summary["lines"]] == [("WAITING", 2)]
    await submit(durand, centre)

    # Mon planning and the day window show each their place in line.
    assert [(b["state"], b["stateLabel"], b["waitingPosition"]) for b in await planned(petit)] == [
        ("WAITING", "Présence en liste d'attente", 1)
    ]
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 2)]
    assert [(b["state"], b["waitingPosition"]) for b in await planned(martin)] == [("ACCEPTED", None)]
    unit = await the_day(petit, centre)
    assert (unit["bookable"], unit["refusal"], unit["waitingCount"]) == (False, "ALREADY_BOOKED", 2)
    assert (unit["booking"]["state"], unit["booking"]["waitingPosition"]) == ("WAITING", 1)
    assert (await the_day(durand, centre))["booking"]["waitingPosition"] == 2
    assert await places(staff, centre) == counts(accepted=2, waiting=2)

    # Staff cannot accept a booking waiting for a place: not by its line, not by its request.
    for target in (waiting["request"]["lines"][0]["id"], waiting["request"]["id"]):
        decided = await staff.client.data(DECIDE, {"ids": [target], "decision": "ACCEPT", "reason": ""})
        assert [e["code"] for e in decided["decideBookings"]["errors"]] == ["NOT_AWAITING_DECISION"]
    assert (await booking_of(db, petit)).state == "waiting"

    # MARTIN cancels before the deadline: PETIT gets the place at once and is mailed; DURAND moves up.
    cancelled = await submit(martin, centre, action="CANCEL")
    assert cancelled["request"]["state"] == "CANCELLED"
    mails = await smtp.wait_for(petit.email, 2)
    (promoted,) = [m for m in mails if m.subject == PROMOTED_SUBJECT]
    assert f"- Jade PETIT, 09/12/2026, {UNIT_NAME} ({CENTRE_PATH}) : Présence acceptée" in promoted.text
    assert [(b["state"], b["waitingPosition"]) for b in await planned(petit)] == [("ACCEPTED", None)]
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 1)]
    assert (await the_day(durand, centre))["booking"]["waitingPosition"] == 1
    assert await places(staff, centre) == counts(accepted=2, waiting=1)
    # PETIT's request is settled now, its line follows the booking.
    history = nodes((await petit.client.data(HISTORY, {"first": 10}))["bookingRequests"])
    assert [(r["state"], [line["state"] for line in r["lines"]]) for r in history] == [
        ("ACCEPTED", ["ACCEPTED"])
    ]
    # The history of PETIT's booking: the family asked, the portal gave the place.
    booking = await booking_of(db, petit)
    assert await events_of(db, booking) == [
        ("", "waiting", "family", petit.built.account.id, ""),
        ("waiting", "accepted", "system", None, "Une place s'est libérée."),
    ]
    assert promoted_mails(smtp, durand) == [] and promoted_mails(smtp, bernard) == []


async def test_without_a_waiting_list_the_third_family_is_refused_full(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="refuse")
    martin, bernard, petit, _ = await four_families(db, browser, centre)
    for family in (martin, bernard):
        await submit(family, centre)

    unit = await the_day(petit, centre)
    assert (unit["bookable"], unit["refusal"], unit["wouldWait"], unit["placesLeft"]) == (
        False,
        "FULL",
        False,
        0,
    )
    assert unit["message"] == "Il n'y a plus de place pour ce jour."
    summary = (await petit.client.data(PREVIEW, book(petit, centre)))["previewBookingRequest"]["summary"]
    assert [(line["outcome"], line["refusal"], line["message"]) for line in summary["lines"]] == [
        (None, "FULL", "Il n'y a plus de place pour ce jour.")
    ]
    before = await booking_counts(db)
    refused = (await petit.client.data(SUBMIT, book(petit, centre)))["submitBookingRequest"]
    assert [e["code"] for e in refused["errors"]] == ["NOTHING_TO_SUBMIT"]
    assert await booking_counts(db) == before

    # Asked with a day that has room, the full day is a refused line of the request.
    jade = child_of(petit)
    both = {
        "periodId": str(centre.period.id),
        "changes": [
            change(jade.id, centre.unit.id, DAY),
            change(jade.id, centre.unit.id, date(2026, 12, 16)),
        ],
    }
    submitted = (await petit.client.data(SUBMIT, {"input": both}))["submitBookingRequest"]
    assert [(line["date"], line["outcome"], line["refusal"]) for line in submitted["summary"]["lines"]] == [
        ("2026-12-09", None, "FULL"),
        ("2026-12-16", "ACCEPTED", None),
    ]
    assert [line["state"] for line in submitted["request"]["lines"]] == ["REFUSED", "ACCEPTED"]
    assert submitted["request"]["state"] == "ACCEPTED"


async def test_staff_refusing_a_pending_booking_gives_its_place_to_the_first_in_line(
    db, browser, clock, smtp
):
    """Staff accept bookings: the first in line, promoted, is pending again (staff decide) and joins
    the queue; the second moves up."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, acceptance="staff", when_full="waiting_list")
    martin, bernard, petit, durand = await four_families(db, browser, centre)
    staff = await staff_member(db, browser)
    first = await submit(martin, centre)
    second = await submit(bernard, centre)
    third = await submit(petit, centre)
    await submit(durand, centre)
    assert await places(staff, centre) == counts(pending=2, waiting=2)
    queue = (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [r["householdName"] for r in nodes(queue)] == ["MARTIN", "BERNARD"]

    # A refusal needs its reason; then MARTIN's booking is refused and the place goes to PETIT.
    ids = [first["request"]["lines"][0]["id"]]
    unexplained = await staff.client.data(DECIDE, {"ids": ids, "decision": "REFUSE", "reason": ""})
    assert [e["code"] for e in unexplained["decideBookings"]["errors"]] == ["REASON_REQUIRED"]
    assert (await booking_of(db, martin)).state == "pending"
    decided = await staff.client.data(
        DECIDE, {"ids": ids, "decision": "REFUSE", "reason": "Sortie au complet."}
    )
    assert decided["decideBookings"]["errors"] == []
    assert decided["decideBookings"]["requests"][0]["state"] == "REFUSED"

    mails = await smtp.wait_for(petit.email, 2)
    (promoted,) = [m for m in mails if m.subject == PROMOTED_SUBJECT]
    assert "Jade PETIT, 09/12/2026" in promoted.text and "Présence en attente de traitement" in promoted.text
    assert [(b["state"], b["waitingPosition"]) for b in await planned(petit)] == [("PENDING", None)]
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 1)]
    assert await places(staff, centre) == counts(pending=2, waiting=1)
    queue = (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [(r["householdName"], r["id"]) for r in nodes(queue)] == [
        ("BERNARD", second["request"]["id"]),
        ("PETIT", third["request"]["id"]),
    ]
    mail = [m for m in await smtp.wait_for(martin.email, 2) if m.subject.endswith("est refusée")]
    assert mail and "Motif : Sortie au complet." in mail[0].text

    # Staff accept PETIT's booking like any other.
    accepted = await staff.client.data(
        DECIDE, {"ids": [third["request"]["id"]], "decision": "ACCEPT", "reason": ""}
    )
    assert accepted["decideBookings"]["requests"][0]["state"] == "ACCEPTED"
    assert await places(staff, centre) == counts(accepted=1, pending=1, waiting=1)


async def test_with_staff_promotion_the_first_in_line_awaits_staff(db, browser, clock, smtp):
    """Promotion "staff": bookings are accepted at once, but a freed place only makes the first in line
    pending, in the staff queue, until staff confirm it."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="waiting_list", promotion="staff")
    martin, bernard, petit, durand = await four_families(db, browser, centre)
    staff = await staff_member(db, browser)
    for family in (martin, bernard, petit, durand):
        await submit(family, centre)
    assert (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]["totalCount"] == 0

    await submit(martin, centre, action="CANCEL")
    assert (await booking_of(db, petit)).state == "pending"
    assert [(b["state"], b["waitingPosition"]) for b in await planned(petit)] == [("PENDING", None)]
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 1)]
    queue = (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [(r["householdName"], r["state"]) for r in nodes(queue)] == [("PETIT", "PENDING")]
    assert [line["state"] for line in nodes(queue)[0]["lines"]] == ["PENDING"]
    assert await places(staff, centre) == counts(accepted=1, pending=1, waiting=1)
    mails = await smtp.wait_for(petit.email, 2)
    assert [m for m in mails if m.subject == PROMOTED_SUBJECT]

    confirmed = await staff.client.data(
        DECIDE, {"ids": [nodes(queue)[0]["id"]], "decision": "ACCEPT", "reason": ""}
    )
    assert confirmed["decideBookings"]["errors"] == []
    assert confirmed["decideBookings"]["requests"][0]["state"] == "ACCEPTED"
    assert [(b["state"], b["waitingPosition"]) for b in await planned(petit)] == [("ACCEPTED", None)]
    assert (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]["totalCount"] == 0
    assert await events_of(db, await booking_of(db, petit)) == [
        ("", "waiting", "family", petit.built.account.id, ""),
        ("waiting", "pending", "system", None, "Une place s'est libérée."),
        ("pending", "accepted", "staff", staff.built.account.id, ""),
    ]


# ---------------------------------------------------------------------------------------------
# Staff: places and attendance


async def test_attendance_lists_who_comes_with_diets_and_pai_and_a_late_cancellation(
    db, browser, clock, smtp
):
    """The day's attendance: children whose booking is accepted, and one whose late cancellation still
    awaits staff (expected until it is granted); not those in line, nor those cancelled. Granting the
    cancellation gives the place to the first in line, who appears on the list."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="waiting_list")
    martin, bernard, petit, durand = await four_families(db, browser, centre)
    async with db.transaction() as session:
        for family, fields in (
            (bernard, {"diet": "NO_PORK", "has_pai": True, "food_allergies": "Arachide"}),
            (petit, {"diet": "VEGETARIAN"}),
        ):
            child = await session.get(Child, child_of(family).id)
            assert child is not None
            for name, value in fields.items():
                setattr(child, name, value)
            session.add(child)
    staff = await staff_member(db, browser)
    for family in (martin, bernard, petit, durand):
        await submit(family, centre)
    await submit(martin, centre, action="CANCEL")  # PETIT gets the place, DURAND is first in line

    # Monday 7 December, 10:01: too late to cancel at once; BERNARD asks to cancel.
    await travel(clock, date(2026, 12, 7), time(10, 1), bernard, staff)
    late = await submit(bernard, centre, action="CANCEL")
    assert [line["outcome"] for line in late["summary"]["lines"]] == ["CANCELLATION_REQUESTED"]
    assert await places(staff, centre) == counts(accepted=1, cancellationRequested=1, waiting=1)

    variables = {"activityId": str(centre.activity.id), "date": DAY.isoformat()}
    (day,) = (await staff.client.data(ATTENDANCE, variables))["attendance"]
    assert (day["unitName"], day["path"], day["count"], day["withPai"]) == (UNIT_NAME, CENTRE_PATH, 2, 1)
    assert day["children"] == [
        {
            "firstName": "Léo",
            "lastName": "BERNARD",
            "classLevel": "CE2",
            "diet": "NO_PORK",
            "foodAllergies": "Arachide",
            "hasPai": True,
            "state": "CANCELLATION_REQUESTED",
            "householdName": "BERNARD",
        },
        {
            "firstName": "Jade",
            "lastName": "PETIT",
            "classLevel": "CE2",
            "diet": "VEGETARIAN",
            "foodAllergies": "",
            "hasPai": False,
            "state": "ACCEPTED",
            "householdName": "PETIT",
        },
    ]

    # Staff grant the cancellation: DURAND gets the place and is mailed.
    queue = (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [r["id"] for r in nodes(queue)] == [late["request"]["id"]]
    granted = await staff.client.data(
        DECIDE, {"ids": [late["request"]["id"]], "decision": "ACCEPT", "reason": ""}
    )
    assert granted["decideBookings"]["errors"] == []
    assert granted["decideBookings"]["requests"][0]["state"] == "CANCELLED"
    await smtp.wait_for(durand.email, 2)
    assert len(promoted_mails(smtp, durand)) == 1
    assert await places(staff, centre) == counts(accepted=2)
    (day,) = (await staff.client.data(ATTENDANCE, variables))["attendance"]
    assert [(c["lastName"], c["state"]) for c in day["children"]] == [
        ("DURAND", "ACCEPTED"),
        ("PETIT", "ACCEPTED"),
    ]
    assert (day["count"], day["withPai"]) == (2, 0)


async def test_two_children_of_one_request_share_out_the_last_place_and_free_two_at_once(
    db, browser, clock, smtp
):
    """One place left and a request for two children: one place, one wait (first come, in the request's
    order). Two places freed by one request go to the first two in line."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, when_full="waiting_list")
    petit = await family_enrolled(db, browser, centre, "Jade", email="petit@famille.test", name="PETIT")
    martin = await family_enrolled(
        db, browser, centre, "Emma-Rose", "Louis", email="martin@famille.test", name="MARTIN"
    )
    durand = await family_enrolled(db, browser, centre, "Hugo", email="durand@famille.test", name="DURAND")
    staff = await staff_member(db, browser)
    emma, louis = martin.children["Emma-Rose"], martin.children["Louis"]
    await submit(petit, centre)

    both = {
        "periodId": str(centre.period.id),
        "changes": [change(emma.id, centre.unit.id, DAY), change(louis.id, centre.unit.id, DAY)],
    }
    summary = (await martin.client.data(PREVIEW, {"input": both}))["previewBookingRequest"]["summary"]
    assert [(line["childName"], line["outcome"], line["waitingPosition"]) for line in summary["lines"]] == [
        ("Emma-Rose MARTIN", "ACCEPTED", None),
        ("Louis MARTIN", "WAITING", 1),
    ]
    submitted = (await martin.client.data(SUBMIT, {"input": both}))["submitBookingRequest"]
    assert [line["state"] for line in submitted["request"]["lines"]] == ["ACCEPTED", "WAITING"]
    assert submitted["request"]["state"] == "PENDING"
    await submit(durand, centre)
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 2)]

    # PETIT cancels: Louis gets the place (MARTIN is mailed), DURAND is next.
    await submit(petit, centre, action="CANCEL")
    (promoted,) = [m for m in await smtp.wait_for(martin.email, 2) if m.subject == PROMOTED_SUBJECT]
    assert "Louis MARTIN, 09/12/2026" in promoted.text
    assert sorted((b["childId"], b["state"]) for b in await planned(martin)) == sorted(
        [(str(emma.id), "ACCEPTED"), (str(louis.id), "ACCEPTED")]
    )
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("WAITING", 1)]

    # MARTIN cancels both children in one request: DURAND gets one of the two places freed.
    cancel = {
        "periodId": str(centre.period.id),
        "changes": [
            change(emma.id, centre.unit.id, DAY, "CANCEL"),
            change(louis.id, centre.unit.id, DAY, "CANCEL"),
        ],
    }
    cancelled = (await martin.client.data(SUBMIT, {"input": cancel}))["submitBookingRequest"]
    assert [line["outcome"] for line in cancelled["summary"]["lines"]] == ["CANCELLED", "CANCELLED"]
    await smtp.wait_for(durand.email, 2)
    assert len(promoted_mails(smtp, durand)) == 1
    assert [(b["state"], b["waitingPosition"]) for b in await planned(durand)] == [("ACCEPTED", None)]
    assert await places(staff, centre) == counts(accepted=1)


async def test_leaving_the_line_moves_the_others_up_and_frees_no_place(db, browser, clock, smtp):
    """One place, three in line: the second in line withdraws (even after the cancellation deadline, a
    day in line holds no place): the third becomes second, nobody is promoted."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await centre_with_places(db, capacity=1, when_full="waiting_list", late_cancellation="refuse")
    martin, bernard, petit, durand = await four_families(db, browser, centre)
    staff = await staff_member(db, browser)
    for family in (martin, bernard, petit, durand):
        await submit(family, centre)
    assert [(await planned(f))[0]["waitingPosition"] for f in (bernard, petit, durand)] == [1, 2, 3]

    await travel(clock, date(2026, 12, 7), time(10, 1), petit, bernard, durand, staff)
    assert (await the_day(petit, centre))["cancellationOutcome"] == "CANCELLED"
    withdrawn = await submit(petit, centre, action="CANCEL")
    assert [line["outcome"] for line in withdrawn["summary"]["lines"]] == ["CANCELLED"]
    assert await planned(petit) == []
    assert [(await planned(f))[0]["waitingPosition"] for f in (bernard, durand)] == [1, 2]
    assert await places(staff, centre) == counts(capacity=1, accepted=1, waiting=2)
    assert all(promoted_mails(smtp, f) == [] for f in (bernard, petit, durand))
    # A day in line was never in the estimate ("waiting days cost nothing yet"): leaving the line takes
    # nothing off it either.
    assert withdrawn["summary"]["total"] == 0, withdrawn["summary"]["estimate"]

"""Booking requests beyond the guide's single child: one request for two children, units that exclude
each other on a day (a day and a morning), days already booked inside a repeat, the "Historique" filtered
and paged, staff deciding some lines of a request (PARTIALLY_ACCEPTED, the reason mailed), late
cancellation requests granted or refused, a child shared by two households ("Afficher les réservations
liées à d'autres comptes"), and the history of every change of a booking (who, when, why) in the
database."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlmodel import col, select

from portail.db.engine import Database
from portail.db.models import HouseholdChild
from portail.db.models.bookings import Booking, BookingEvent, BookingRequest
from portail.db.models.catalogue import Unit
from tests.support.accounts import signed_in
from tests.support.bookings import (
    BOOKABLE,
    CENTRE_PATH,
    DECIDE,
    HISTORY,
    PREVIEW,
    QUEUE,
    SUBMIT,
    Family,
    at_town_time,
    bookings,
    change,
    enrol,
    family_enrolled,
    make_centre,
    paris,
    repeat,
    shown,
)
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import Service, make_service
from tests.support.pages import end_cursor, has_next, nodes

FRIDAY_27_NOV = date(2026, 11, 27)
DECEMBER_WEDNESDAYS = ["2026-12-02", "2026-12-09", "2026-12-16"]  # the 23rd and 30th are holidays
DAY_UNIT = "JOURNEE CENTRE AERE MERCREDI"
MORNING_UNIT = "MATIN CENTRE AERE MERCREDI"


# ---------------------------------------------------------------------------------------------
# Helpers


def december(child_ids: list[Any], unit_ids: list[Any], action: str = "BOOK") -> dict[str, Any]:
    return repeat(
        child_ids, unit_ids, ["WEDNESDAY"], start=date(2026, 12, 1), end=date(2026, 12, 31), action=action
    )


async def submit(
    family: Family, service: Service, *, changes: list[Any] = (), repeats: list[Any] = ()
) -> dict[str, Any]:
    variables = {
        "input": {"periodId": str(service.period.id), "changes": list(changes), "repeats": list(repeats)}
    }
    payload = (await family.client.data(SUBMIT, variables))["submitBookingRequest"]
    assert payload["errors"] == [], payload
    return payload


async def history(family: Family, first: int = 10, **filters: Any) -> dict[str, Any]:
    return (await family.client.data(HISTORY, {"first": first, **filters}))["bookingRequests"]


def numbers(page: dict[str, Any]) -> list[str]:
    return [r["numberText"] for r in nodes(page)]


def lines_of(request: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(line["childName"], line["date"], line["action"], line["state"]) for line in request["lines"]]


async def staff_member(db: Database, browser: Any) -> SimpleNamespace:
    staff = await make_staff(db)
    return SimpleNamespace(
        client=await signed_in(browser(), staff.email, staff.password), email=staff.email, built=staff
    )


async def decide(staff: Any, ids: list[str], decision: str, reason: str = "") -> dict[str, Any]:
    return (await staff.client.data(DECIDE, {"ids": ids, "decision": decision, "reason": reason}))[
        "decideBookings"
    ]


async def travel(clock: Any, day: date, at: time, *people: Any) -> None:
    """Move the server's clock and sign everyone in again there (sessions end after 120 idle minutes)."""
    at_town_time(clock, day, at)
    for person in people:
        await signed_in(person.client, person.email, person.built.password)


async def add_morning(db: Database, centre: Service) -> Unit:
    """A morning unit excluding the day unit ("exclusive_group"), 4,00 €."""
    morning = Unit(
        period_id=centre.period.id,
        name=MORNING_UNIT,
        position=1,
        tariff=json.dumps([[None, 400]]),
        exclusive_group="mercredi",
    )
    async with db.transaction() as session:
        day = await session.get(Unit, centre.unit.id)
        assert day is not None
        day.exclusive_group = "mercredi"
        session.add(day)
        session.add(morning)
    return morning


def plan_of(planning: dict[str, Any]) -> dict[str, list[tuple[str, str, bool]]]:
    return {
        d["date"]: [(b["unitName"], b["state"], b["fromOtherAccount"]) for b in d["bookings"]]
        for d in planning["days"]
        if d["bookings"]
    }


async def events(db: Database, booking_id: Any) -> list[BookingEvent]:
    async with db.read_sessions() as session:
        return list(
            (
                await session.exec(
                    select(BookingEvent)
                    .where(BookingEvent.booking_id == booking_id)
                    .order_by(col(BookingEvent.at))
                )
            ).all()
        )


def around(moment: datetime) -> tuple[datetime, datetime]:
    return moment - timedelta(seconds=1), moment + timedelta(minutes=1)


# ---------------------------------------------------------------------------------------------
# Requests


async def test_one_request_books_every_wednesday_of_december_for_two_children(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]

    submitted = await submit(family, centre, repeats=[december([emma.id, leo.id], [centre.unit.id])])
    summary, request = submitted["summary"], submitted["request"]
    assert [(line["childName"], line["date"], line["outcome"]) for line in summary["lines"]] == [
        *(("Emma-Rose TEST", d, "ACCEPTED") for d in DECEMBER_WEDNESDAYS),
        *(("Léo TEST", d, "ACCEPTED") for d in DECEMBER_WEDNESDAYS),
    ]
    assert [line["position"] for line in summary["lines"]] == [1, 2, 3, 4, 5, 6]
    assert (summary["takenCount"], summary["refusedCount"], summary["total"]) == (6, 0, 6 * 770)
    assert sorted((line["label"], line["quantity"]) for line in summary["estimate"][0]["lines"]) == [
        (f"{DAY_UNIT} RÉSERVÉ – Emma-Rose", 3),
        (f"{DAY_UNIT} RÉSERVÉ – Léo", 3),
    ]
    assert (request["numberText"], request["state"], request["firstDay"], request["lastDay"]) == (
        "000001",
        "ACCEPTED",
        "2026-12-02",
        "2026-12-16",
    )
    assert sorted(request["children"]) == ["Emma-Rose", "Léo"]
    (mail,) = await smtp.wait_for(family.email)
    assert mail.subject == "Demande de réservation n° 000001 enregistrée : acceptée"
    assert "Emma-Rose TEST, 16/12/2026" in mail.text and "Léo TEST, 02/12/2026" in mail.text
    assert sorted((b.child_id == emma.id, b.day.isoformat(), b.state) for b in await bookings(db)) == sorted(
        [(True, d, "accepted") for d in DECEMBER_WEDNESDAYS]
        + [(False, d, "accepted") for d in DECEMBER_WEDNESDAYS]
    )


async def test_a_day_and_a_morning_exclude_each_other_and_can_be_swapped_in_one_request(
    db, browser, clock, smtp
):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    morning = await add_morning(db, centre)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]
    ninth = date(2026, 12, 9)

    # Both units the same day: the second line is refused.
    both = await submit(
        family, centre, changes=[change(emma.id, centre.unit.id, ninth), change(emma.id, morning.id, ninth)]
    )
    assert [(line["unitName"], line["outcome"], line["refusal"]) for line in both["summary"]["lines"]] == [
        (DAY_UNIT, "ACCEPTED", None),
        (MORNING_UNIT, None, "EXCLUSIVE_UNIT"),
    ]
    assert both["summary"]["lines"][1]["message"] == (
        f"« {MORNING_UNIT} » ne se cumule pas avec une autre unité réservée ce jour-là."
    )
    assert [line["state"] for line in both["request"]["lines"]] == ["ACCEPTED", "REFUSED"]
    window = await family.client.data(
        BOOKABLE,
        {
            "childId": str(emma.id),
            "periodId": str(centre.period.id),
            "from": "2026-12-09",
            "to": "2026-12-09",
        },
    )
    units = {u["unitName"]: u for u in window["bookableDays"]["days"][0]["units"]}
    assert (units[DAY_UNIT]["refusal"], units[DAY_UNIT]["booking"]["state"]) == ("ALREADY_BOOKED", "ACCEPTED")
    assert (units[MORNING_UNIT]["bookable"], units[MORNING_UNIT]["refusal"]) == (False, "EXCLUSIVE_UNIT")
    # The exclusion is the child's: Léo may take the morning.
    assert (await submit(family, centre, changes=[change(leo.id, morning.id, ninth)]))["request"][
        "state"
    ] == "ACCEPTED"

    # Booking the morning and cancelling the day in one request (in that order): the cancellation is
    # taken first, so the morning is free.
    swap = await submit(
        family,
        centre,
        changes=[change(emma.id, morning.id, ninth), change(emma.id, centre.unit.id, ninth, "CANCEL")],
    )
    assert [(line["unitName"], line["outcome"]) for line in swap["summary"]["lines"]] == [
        (MORNING_UNIT, "ACCEPTED"),
        (DAY_UNIT, "CANCELLED"),
    ]
    assert swap["summary"]["total"] == 400 - 770
    assert swap["request"]["state"] == "ACCEPTED"
    rows = {(b.child_id, b.unit_id): b.state for b in await bookings(db)}
    assert rows == {
        (emma.id, centre.unit.id): "cancelled",
        (emma.id, morning.id): "accepted",
        (leo.id, morning.id): "accepted",
    }


async def test_days_already_booked_in_a_repeat_are_refused_lines(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db, acceptance="staff")
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    await submit(family, centre, changes=[change(emma.id, centre.unit.id, date(2026, 12, 9))])

    whole = await submit(family, centre, repeats=[december([emma.id], [centre.unit.id])])
    assert [
        (line["date"], line["outcome"], line["refusal"], line["message"])
        for line in whole["summary"]["lines"]
    ] == [
        ("2026-12-02", "PENDING", None, "Présence en attente de traitement"),
        ("2026-12-09", None, "ALREADY_BOOKED", "Une présence est déjà demandée pour ce jour."),
        ("2026-12-16", "PENDING", None, "Présence en attente de traitement"),
    ]
    assert (whole["summary"]["takenCount"], whole["summary"]["refusedCount"]) == (2, 1)
    assert [(line["state"], line["refusal"]) for line in whole["request"]["lines"]] == [
        ("PENDING", None),
        ("REFUSED", "ALREADY_BOOKED"),
        ("PENDING", None),
    ]
    # One booking per child, unit and day: the 9th is still the first request's.
    assert [(b.day.isoformat(), b.state) for b in await bookings(db)] == [
        (d, "pending") for d in DECEMBER_WEDNESDAYS
    ]


async def test_history_filters_by_child_state_and_period_and_pages_with_a_cursor(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]
    await enrol(db, emma.id, canteen, family.built.household, family.built.account.id)
    unit = centre.unit.id

    await submit(family, centre, changes=[change(emma.id, unit, date(2026, 12, 2))])  # 1
    await submit(family, centre, changes=[change(leo.id, unit, date(2026, 12, 9))])  # 2
    await submit(family, centre, changes=[change(emma.id, unit, date(2026, 12, 2), "CANCEL")])  # 3
    await submit(family, canteen, changes=[change(emma.id, canteen.unit.id, date(2026, 12, 7))])  # 4
    await submit(
        family,
        centre,
        changes=[change(emma.id, unit, date(2026, 12, 16)), change(leo.id, unit, date(2026, 12, 16))],
    )  # 5

    # Pages of two, newest first.
    page = await history(family, first=2)
    assert (numbers(page), has_next(page)) == (["000005", "000004"], True)
    page = await history(family, first=2, after=end_cursor(page))
    assert (numbers(page), has_next(page)) == (["000003", "000002"], True)
    page = await history(family, first=2, after=end_cursor(page))
    assert (numbers(page), has_next(page)) == (["000001"], False)
    assert numbers(await history(family, first=2, after=end_cursor(page))) == []

    # By child, by state (the first request's only day was cancelled: it is cancelled too), by period.
    assert numbers(await history(family, childId=str(leo.id))) == ["000005", "000002"]
    assert numbers(await history(family, state="CANCELLED")) == ["000003", "000001"]
    assert numbers(await history(family, state="ACCEPTED")) == ["000005", "000004", "000002"]
    canteen_only = await history(family, periodId=str(canteen.period.id))
    assert numbers(canteen_only) == ["000004"]
    assert nodes(canteen_only)[0]["path"] == (
        "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"
    )
    # Filters and pages together.
    page = await history(family, first=1, childId=str(leo.id), periodId=str(centre.period.id))
    assert (numbers(page), has_next(page)) == (["000005"], True)
    page = await history(
        family, first=1, childId=str(leo.id), periodId=str(centre.period.id), after=end_cursor(page)
    )
    assert (numbers(page), has_next(page)) == (["000002"], False)
    assert lines_of(nodes(page)[0]) == [("Léo TEST", "2026-12-09", "BOOK", "ACCEPTED")]

    # The filters' choices: every state in French, and the two periods requested in (latest first),
    # whichever page is loaded; a family without requests has no period to choose.
    filters = (await family.client.data(FILTERS))["bookingRequestFilters"]
    assert [(s["state"], s["label"]) for s in filters["states"]] == [
        ("PENDING", "En attente de traitement"),
        ("ACCEPTED", "Acceptée"),
        ("PARTIALLY_ACCEPTED", "Partiellement acceptée"),
        ("REFUSED", "Refusée"),
        ("CANCELLED", "Annulée"),
        ("EXPIRED", "Expirée"),
    ]
    latest_first = sorted([centre.period, canteen.period], key=lambda p: (p.start, p.name), reverse=True)
    assert [p["id"] for p in filters["periods"]] == [str(p.id) for p in latest_first]
    assert (
        "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"
        in [p["path"] for p in filters["periods"]]
    )
    newcomer = await family_enrolled(db, browser, centre, "Lina", email="autre.famille@example.org")
    assert (await newcomer.client.data(FILTERS))["bookingRequestFilters"]["periods"] == []


FILTERS = "query { bookingRequestFilters { states { state label } periods { id path } } }"
REFERENTS = """query { bookingRequests(first: 10) { edges { node { numberText referent } } } }"""


async def test_history_names_who_made_each_request(db, browser, clock, smtp):
    """The "Référent" column: the guardian who submitted it, or the childhood service for staff."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    submitted = await submit(family, centre, changes=[change(emma.id, centre.unit.id, date(2026, 12, 2))])
    assert submitted["request"]["referent"] == "Lola"
    await submit(family, centre, changes=[change(emma.id, centre.unit.id, date(2026, 12, 9))])
    staff = await make_staff(db)
    async with db.transaction() as session:
        first = (await session.exec(select(BookingRequest).where(BookingRequest.number == 1))).one()
        first.requested_by = staff.account.id  # as if staff had made it on the family's behalf
        session.add(first)

    items = nodes((await family.client.data(REFERENTS))["bookingRequests"])
    assert items == [
        {"numberText": "000002", "referent": "Lola"},
        {"numberText": "000001", "referent": "Service enfance"},
    ]


# ---------------------------------------------------------------------------------------------
# Staff decisions


async def test_staff_refuse_one_line_with_its_reason_and_accept_the_rest(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db, acceptance="staff")
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    staff = await staff_member(db, browser)
    request = (
        await submit(family, centre, repeats=[december([family.children["Emma-Rose"].id], [centre.unit.id])])
    )["request"]
    sixteenth = request["lines"][2]
    assert sixteenth["date"] == "2026-12-16"

    # A refusal without a reason is refused, and decides nothing.
    unexplained = await decide(staff, [sixteenth["id"]], "REFUSE")
    assert [(e["field"], e["code"]) for e in unexplained["errors"]] == [("reason", "REASON_REQUIRED")]
    assert {b.state for b in await bookings(db)} == {"pending"}

    refused = await decide(staff, [sixteenth["id"]], "REFUSE", "Sortie à la mer : le car est complet.")
    assert refused["errors"] == []
    (after_refusal,) = refused["requests"]
    assert after_refusal["state"] == "PENDING"
    assert [(line["date"], line["state"], line["message"]) for line in after_refusal["lines"]] == [
        ("2026-12-02", "PENDING", ""),
        ("2026-12-09", "PENDING", ""),
        ("2026-12-16", "REFUSED", "Sortie à la mer : le car est complet."),
    ]
    mails = await smtp.wait_for(family.email, 2)
    refusal = mails[1]
    assert refusal.subject == "Demande de réservation n° 000001 : 1 ligne refusée par la mairie"
    assert "La mairie a refusé les lignes suivantes de votre demande n° 000001" in refusal.text
    assert f"16/12/2026, {DAY_UNIT} : Réservation – Présence refusée" in refusal.text
    assert "Motif : Sortie à la mer : le car est complet." in refusal.text
    assert "02/12/2026" not in refusal.text

    # The rest of the request, by its id: accepted; the request is partially accepted.
    accepted = await decide(staff, [request["id"]], "ACCEPT")
    assert accepted["errors"] == []
    assert accepted["requests"][0]["state"] == "PARTIALLY_ACCEPTED"
    assert accepted["requests"][0]["stateLabel"] == "Partiellement acceptée"
    assert [line["state"] for line in accepted["requests"][0]["lines"]] == ["ACCEPTED", "ACCEPTED", "REFUSED"]
    mail = (await smtp.wait_for(family.email, 3))[2]
    assert mail.subject.endswith("est partiellement acceptée") and "Motif" not in mail.text
    assert (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]["totalCount"] == 0
    assert numbers(await history(family, state="PARTIALLY_ACCEPTED")) == ["000001"]
    # Deciding again is refused.
    again = await decide(staff, [request["id"]], "ACCEPT")
    assert [e["code"] for e in again["errors"]] == ["NOT_AWAITING_DECISION"]


async def test_late_cancellation_requests_granted_or_refused_by_staff(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]
    staff = await staff_member(db, browser)
    ninth = date(2026, 12, 9)
    first = (
        await submit(
            family,
            centre,
            changes=[change(emma.id, centre.unit.id, ninth), change(leo.id, centre.unit.id, ninth)],
        )
    )["request"]

    # Monday 7 December at 10:01, after the deadline: two cancellation requests.
    await travel(clock, date(2026, 12, 7), time(10, 1), family, staff)
    emma_asks = (await submit(family, centre, changes=[change(emma.id, centre.unit.id, ninth, "CANCEL")]))[
        "request"
    ]
    leo_asks = (await submit(family, centre, changes=[change(leo.id, centre.unit.id, ninth, "CANCEL")]))[
        "request"
    ]
    for asked in (emma_asks, leo_asks):
        assert (asked["state"], [line["state"] for line in asked["lines"]]) == (
            "PENDING",
            ["CANCELLATION_REQUESTED"],
        )
    queue = (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert numbers(queue) == [emma_asks["numberText"], leo_asks["numberText"]]

    granted = await decide(staff, [emma_asks["lines"][0]["id"]], "ACCEPT")
    assert granted["errors"] == []
    assert (granted["requests"][0]["state"], granted["requests"][0]["lines"][0]["state"]) == (
        "CANCELLED",
        "CANCELLED",
    )

    refused = await decide(staff, [leo_asks["id"]], "REFUSE", "Les repas sont déjà commandés.")
    assert refused["errors"] == []
    (leo_request,) = refused["requests"]
    assert leo_request["state"] == "REFUSED"
    assert [(line["state"], line["message"]) for line in leo_request["lines"]] == [
        ("REFUSED", "Les repas sont déjà commandés.")
    ]
    mail = (await smtp.wait_for(family.email, 5))[4]
    assert mail.subject == f"Votre demande de réservation n° {leo_asks['numberText']} est refusée"
    assert f"Léo TEST, 09/12/2026, {DAY_UNIT} : Annulation – Présence acceptée" in mail.text
    assert "Motif : Les repas sont déjà commandés." in mail.text

    # The bookings: Emma-Rose's cancelled, Léo's back to accepted; the first request follows them.
    states = {b.child_id: b.state for b in await bookings(db)}
    assert states == {emma.id: "cancelled", leo.id: "accepted"}
    page = await history(family)
    by_number = {r["numberText"]: r for r in nodes(page)}
    assert by_number[first["numberText"]]["state"] == "ACCEPTED"
    assert lines_of(by_number[first["numberText"]]) == [
        ("Emma-Rose TEST", "2026-12-09", "BOOK", "CANCELLED"),
        ("Léo TEST", "2026-12-09", "BOOK", "ACCEPTED"),
    ]
    assert (await staff.client.data(QUEUE, {"first": 10}))["bookingQueue"]["totalCount"] == 0
    december_plan = {
        "from": "2026-12-01",
        "to": "2026-12-31",
        "childIds": [str(leo.id)],
        "all": False,
        "others": False,
    }
    planning = await shown(family.client, december_plan)
    assert plan_of(planning) == {"2026-12-09": [(DAY_UNIT, "ACCEPTED", False)]}


# ---------------------------------------------------------------------------------------------
# A child shared by two households


async def test_a_shared_childs_bookings_by_the_other_household_show_only_when_asked(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db)
    mother = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma = mother.children["Emma-Rose"]
    father_built = await make_family(db, "papa@famille.test", name="DUPONT", first_name="Marc")
    async with db.transaction() as session:
        session.add(HouseholdChild(household_id=father_built.household.id, child_id=emma.id))
    father = Family(
        father_built,
        {"Emma-Rose": emma},
        await signed_in(browser(), father_built.email, father_built.password),
    )

    await submit(mother, centre, changes=[change(emma.id, centre.unit.id, date(2026, 12, 2))])
    sixteenth = date(2026, 12, 16)
    await submit(father, centre, changes=[change(emma.id, centre.unit.id, sixteenth)])

    month = {"from": "2026-12-01", "to": "2026-12-31", "childIds": None, "all": False}
    own = await shown(mother.client, {**month, "others": False})
    assert plan_of(own) == {"2026-12-02": [(DAY_UNIT, "ACCEPTED", False)]}
    everyone = await shown(mother.client, {**month, "others": True})
    assert plan_of(everyone) == {
        "2026-12-02": [(DAY_UNIT, "ACCEPTED", False)],
        "2026-12-16": [(DAY_UNIT, "ACCEPTED", True)],
    }
    fathers = await shown(father.client, {**month, "others": True})
    assert plan_of(fathers) == {
        "2026-12-02": [(DAY_UNIT, "ACCEPTED", True)],
        "2026-12-16": [(DAY_UNIT, "ACCEPTED", False)],
    }
    assert plan_of(await shown(father.client, {**month, "others": False})) == {
        "2026-12-16": [(DAY_UNIT, "ACCEPTED", False)]
    }

    # The day window tells the mother the 16th is taken, by the other household.
    window = await mother.client.data(
        BOOKABLE,
        {
            "childId": str(emma.id),
            "periodId": str(centre.period.id),
            "from": "2026-12-16",
            "to": "2026-12-16",
        },
    )
    (unit,) = window["bookableDays"]["days"][0]["units"]
    assert (unit["refusal"], unit["booking"]["fromOtherAccount"]) == ("ALREADY_BOOKED", True)
    assert (unit["cancellable"], unit["cancellationOutcome"]) == (False, None)

    # Nor may she cancel it: each household cancels what it booked.
    cancel = {
        "periodId": str(centre.period.id),
        "changes": [change(emma.id, centre.unit.id, sixteenth, "CANCEL")],
    }
    summary = (await mother.client.data(PREVIEW, {"input": cancel}))["previewBookingRequest"]["summary"]
    assert [(line["outcome"], line["refusal"], line["message"]) for line in summary["lines"]] == [
        (
            None,
            "NO_BOOKING",
            "Cette présence a été réservée depuis un autre compte : il lui revient de l'annuler.",
        )
    ]
    refused = (await mother.client.data(SUBMIT, {"input": cancel}))["submitBookingRequest"]
    assert [e["code"] for e in refused["errors"]] == ["NOTHING_TO_SUBMIT"]
    assert [(b.day, b.state, b.household_id) for b in await bookings(db)] == [
        (date(2026, 12, 2), "accepted", mother.built.household.id),
        (sixteenth, "accepted", father_built.household.id),
    ]

    # Each household's history holds its own requests only.
    assert [(r["numberText"], r["path"]) for r in nodes(await history(mother))] == [
        ("000001", CENTRE_PATH)
    ]
    assert numbers(await history(father)) == ["000002"]


# ---------------------------------------------------------------------------------------------
# Who, when, why


async def test_every_change_of_a_booking_is_recorded_with_who_when_and_why(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db, acceptance="staff")
    family = await family_enrolled(db, browser, centre, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]
    staff = await staff_member(db, browser)
    ninth = date(2026, 12, 9)
    family_id, staff_id = family.built.account.id, staff.built.account.id

    booked = (
        await submit(
            family,
            centre,
            changes=[change(emma.id, centre.unit.id, ninth), change(leo.id, centre.unit.id, ninth)],
        )
    )["request"]
    await travel(clock, date(2026, 11, 30), time(14, 30), family, staff)
    await decide(staff, [booked["lines"][0]["id"]], "ACCEPT")
    await decide(staff, [booked["lines"][1]["id"]], "REFUSE", "Dossier sanitaire incomplet.")
    # The family books Léo again once the record is complete: the same booking, asked anew.
    again = (await submit(family, centre, changes=[change(leo.id, centre.unit.id, ninth)]))["request"]
    assert again["numberText"] == "000002"
    await travel(clock, date(2026, 12, 7), time(10, 1), family, staff)
    late = (await submit(family, centre, changes=[change(emma.id, centre.unit.id, ninth, "CANCEL")]))[
        "request"
    ]
    await travel(clock, date(2026, 12, 7), time(16, 0), family, staff)
    refused = await decide(staff, [late["id"]], "REFUSE", "Trop tard : l'équipe est prévue.")
    assert refused["errors"] == []

    async with db.read_sessions() as session:
        rows = {b.child_id: b for b in (await session.exec(select(Booking))).all()}
    request_ids = {r["numberText"]: r["id"] for r in nodes(await history(family))}
    first, rebooked, late_id = request_ids["000001"], request_ids["000002"], request_ids["000003"]

    emma_events = await events(db, rows[emma.id].id)
    assert [
        (e.from_state, e.to_state, e.actor, e.account_id, str(e.request_id), e.reason) for e in emma_events
    ] == [
        ("", "pending", "family", family_id, first, ""),
        ("pending", "accepted", "staff", staff_id, first, ""),
        ("accepted", "cancellation_requested", "family", family_id, late_id, ""),
        (
            "cancellation_requested",
            "accepted",
            "staff",
            staff_id,
            late_id,
            "Trop tard : l'équipe est prévue.",
        ),
    ]
    moments = [
        paris(FRIDAY_27_NOV),
        paris(date(2026, 11, 30), time(14, 30)),
        paris(date(2026, 12, 7), time(10, 1)),
        paris(date(2026, 12, 7), time(16, 0)),
    ]
    for event, moment in zip(emma_events, moments, strict=True):
        low, high = around(moment)
        assert low <= event.at <= high, (event.to_state, event.at, moment)

    leo_events = await events(db, rows[leo.id].id)
    assert [
        (e.from_state, e.to_state, e.actor, e.account_id, str(e.request_id), e.reason) for e in leo_events
    ] == [
        ("", "pending", "family", family_id, first, ""),
        ("pending", "refused", "staff", staff_id, first, "Dossier sanitaire incomplet."),
        ("refused", "pending", "family", family_id, rebooked, ""),
    ]
    assert (rows[emma.id].state, rows[leo.id].state) == ("accepted", "pending")

    # Staff read the same story over the API.
    story = (await staff.client.data(
        "query($id: ID!) { bookingHistory(bookingId: $id) { fromState toState actor authorEmail requestNumber "
        "reason } }", {"id": str(rows[emma.id].id)}))["bookingHistory"]
    assert [(s["fromState"], s["toState"], s["actor"], s["authorEmail"], s["requestNumber"]) for s in story] == [
        (None, "PENDING", "FAMILY", family.email, 1),
        ("PENDING", "ACCEPTED", "STAFF", staff.built.email, 1),
        ("ACCEPTED", "CANCELLATION_REQUESTED", "FAMILY", family.email, 3),
        ("CANCELLATION_REQUESTED", "ACCEPTED", "STAFF", staff.built.email, 3),
    ]
    assert story[-1]["reason"] == "Trop tard : l'équipe est prévue."

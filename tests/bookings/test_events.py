"""Events, as towns run their outings: staff make "SORTIE PLAGE" a unit of the summer centre that runs on
two dates only, with 2 places and at most one outing per child; a family books it on one of its dates
(its own price), is refused another day with the dates said, and a second outing for the same child is
refused with the cap; the places of the outing are its own."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select

from portail.db.models import AuditEntry
from tests.support.accounts import signed_in
from tests.support.bookings import ERRORS, at_town_time, booking_counts, change, family_enrolled, repeat
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service

JULY_12, JULY_15, JULY_19, JULY_22 = date(2027, 7, 12), date(2027, 7, 15), date(2027, 7, 19), date(2027, 7, 22)
OUTING = "SORTIE PLAGE"
UNIT_FIELDS = "id name capacity eventDates perChildCap"
CREATE_UNIT = f"""mutation($periodId: ID!, $input: UnitInput!) {{ createUnit(periodId: $periodId, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
LINES = "summary { total lines { childName unitName date outcome refusal message price } }"
PREVIEW = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{ {LINES} {ERRORS} }} }}"""
SUBMIT = f"""mutation($input: BookingRequestInput!) {{ submitBookingRequest(input: $input) {{ {LINES} {ERRORS} }} }}"""
DAY = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) { days { date units {
    unitName bookable refusal message placesLeft price } } } }"""
RULE = {"kind": "DAYS_BEFORE", "days": 2, "at": "10:00:00", "countedIn": "CALENDAR"}


def outing_input(**more: Any) -> dict[str, Any]:
    return {
        "name": OUTING,
        "capacity": 2,
        "bookingDeadline": RULE,
        "cancellationDeadline": RULE,
        "tariff": [{"maxQuotient": None, "price": 1200}],
        "eventDates": ["2027-07-15", "2027-07-22"],
        "perChildCap": 1,
        **more,
    }


async def summer_centre(db: Any, browser: Any, clock: Any) -> tuple[Service, str, Any]:
    """The summer centre (weekdays of July) and its beach outing, created by staff."""
    at_town_time(clock, date(2027, 6, 1))
    service = await make_service(
        db, "CENTRE DE LOISIRS", "VACANCES D'ETE", "ETE 2027", "JOURNEE ETE",
        weekdays="0,1,2,3,4", dates=(date(2027, 7, 7), date(2027, 8, 27)), open_during="school_holidays",
        regie="REGIE LOISIRS",
    )
    staff = await make_staff(db, email="agent.sorties@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    created = (await agent.data(CREATE_UNIT, {"periodId": str(service.period.id), "input": outing_input()}))[
        "createUnit"
    ]
    assert created["errors"] == [], created
    assert (created["unit"]["eventDates"], created["unit"]["perChildCap"]) == (["2027-07-15", "2027-07-22"], 1)
    return service, created["unit"]["id"], agent


def request(service: Service, changes: list[Any] = (), repeats: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"input": {"periodId": str(service.period.id), "changes": list(changes), "repeats": list(repeats)}}


def outcomes(summary: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(line["childName"], line["date"], line["outcome"], line["refusal"]) for line in summary["lines"]]


async def test_staff_set_an_events_dates_and_cap_with_field_named_errors_and_an_audit_entry(db, browser, clock):
    service, outing, agent = await summer_centre(db, browser, clock)
    period = str(service.period.id)
    refused = (
        await agent.data(
            CREATE_UNIT,
            {"periodId": period, "input": outing_input(name="X", eventDates=["2027-07-15", "2027-09-01"], perChildCap=0)},
        )
    )["createUnit"]
    assert refused["unit"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("eventDates.1", "OUTSIDE_PERIOD"),
        ("perChildCap", "INVALID"),
    ]
    updated = (await agent.data(UPDATE_UNIT, {"id": outing, "input": {"perChildCap": 2}}))["updateUnit"]
    assert (updated["errors"], updated["unit"]["perChildCap"]) == ([], 2)
    async with db.read_sessions() as session:
        entries = (await session.exec(select(AuditEntry).where(AuditEntry.field == "perChildCap"))).all()
    assert [(e.before, e.after) for e in entries] == [("", "1"), ("1", "2")]
    # No cap, and a regular unit again (no dates): both cleared.
    updated = (await agent.data(UPDATE_UNIT, {"id": outing, "input": {"perChildCap": None, "eventDates": []}}))
    assert updated["updateUnit"]["unit"]["perChildCap"] is None and updated["updateUnit"]["unit"]["eventDates"] == []


async def test_an_outing_is_booked_on_its_dates_with_its_places_price_and_cap(db, browser, clock, smtp):
    service, outing, _ = await summer_centre(db, browser, clock)
    family = await family_enrolled(db, browser, service, "Emma-Rose", "Léo", "Paul")
    emma, leo, paul = (family.children[n] for n in ("Emma-Rose", "Léo", "Paul"))

    # Another day than its dates: refused, the dates said.
    off = (await family.client.data(PREVIEW, request(service, [change(emma.id, outing, JULY_19)])))
    [line] = off["previewBookingRequest"]["summary"]["lines"]
    assert (line["refusal"], line["message"]) == (
        "NOT_EVENT_DAY",
        f"« {OUTING} » n'a lieu que les 15/07/2027 et 22/07/2027.",
    )

    # Both outings for Emma-Rose: the first taken (its own price), the second over the cap of one.
    both = request(service, [change(emma.id, outing, JULY_15), change(emma.id, outing, JULY_22)])
    summary = (await family.client.data(SUBMIT, both))["submitBookingRequest"]["summary"]
    assert outcomes(summary) == [
        ("Emma-Rose TEST", "2027-07-15", "ACCEPTED", None),
        ("Emma-Rose TEST", "2027-07-22", None, "CAP_REACHED"),
    ]
    assert summary["lines"][1]["message"] == f"Au plus 1 jour de « {OUTING} » par enfant sur la période."
    assert summary["total"] == 1200
    # Later, in another request: the cap counts what she has.
    again = (await family.client.data(PREVIEW, request(service, [change(emma.id, outing, JULY_22)])))
    assert outcomes(again["previewBookingRequest"]["summary"])[0][3] == "CAP_REACHED"

    # Its own places: two, Emma-Rose has one; Léo takes the last, Paul finds it full.
    summary = (
        await family.client.data(SUBMIT, request(service, [change(leo.id, outing, JULY_15), change(paul.id, outing, JULY_15)]))
    )["submitBookingRequest"]["summary"]
    assert outcomes(summary) == [
        ("Léo TEST", "2027-07-15", "ACCEPTED", None),
        ("Paul TEST", "2027-07-15", None, "FULL"),
    ]

    # The day window shows the outing on its dates only, with its places and price.
    variables = {"childId": str(paul.id), "periodId": str(service.period.id), "from": "2027-07-15", "to": "2027-07-19"}
    days = {d["date"]: {u["unitName"]: u for u in d["units"]} for d in (await family.client.data(DAY, variables))["bookableDays"]["days"]}
    assert (days["2027-07-15"][OUTING]["placesLeft"], days["2027-07-15"][OUTING]["price"]) == (0, 1200)
    assert (days["2027-07-19"][OUTING]["bookable"], days["2027-07-19"][OUTING]["refusal"]) == (False, "NOT_EVENT_DAY")
    assert days["2027-07-19"]["JOURNEE ETE"]["bookable"] is True


async def test_a_repeat_reaches_the_outing_on_its_dates_only(db, browser, clock, smtp):
    service, outing, agent = await summer_centre(db, browser, clock)
    assert (await agent.data(UPDATE_UNIT, {"id": outing, "input": {"perChildCap": None}}))["updateUnit"]["errors"] == []
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    # Every Thursday of July with the day and the outing: the outing on its two Thursdays only.
    thursdays = repeat([emma.id], [service.unit.id, outing], ["THURSDAY"], start=date(2027, 7, 7), end=date(2027, 7, 31))
    summary = (await family.client.data(SUBMIT, request(service, repeats=[thursdays])))["submitBookingRequest"]["summary"]
    reached = [(line["unitName"], line["date"]) for line in summary["lines"] if line["unitName"] == OUTING]
    assert reached == [(OUTING, "2027-07-15"), (OUTING, "2027-07-22")]
    assert {line["refusal"] for line in summary["lines"]} == {None}
    before = await booking_counts(db)
    assert before["booking"] == len(summary["lines"])


async def test_staff_cannot_take_away_an_outings_date_children_are_booked_on(db, browser, clock, smtp):
    service, outing, agent = await summer_centre(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    booked = await family.client.data(SUBMIT, request(service, [change(emma.id, outing, JULY_15)]))
    assert outcomes(booked["submitBookingRequest"]["summary"]) == [("Emma-Rose TEST", "2027-07-15", "ACCEPTED", None)]

    # The 15th taken off the outing while Emma-Rose is booked on it: refused, the date said, nothing written.
    before = await booking_counts(db)
    moved = (await agent.data(UPDATE_UNIT, {"id": outing, "input": {"eventDates": ["2027-07-22", "2027-07-29"]}}))[
        "updateUnit"
    ]
    assert [(e["field"], e["code"]) for e in moved["errors"]] == [("eventDates", "BOOKINGS_IN_THE_WAY")]
    assert "1 réservation tombe sur une date retirée de l'événement (le 15/07/2027)" in moved["errors"][0]["message"]
    assert await booking_counts(db) == before
    async with db.read_sessions() as session:
        audited = (await session.exec(select(AuditEntry).where(AuditEntry.field == "eventDates"))).all()
    assert [(e.before, e.after) for e in audited] == [("", "2027-07-15,2027-07-22")]  # its creation only

    # A date added beside it, or the free one moved, goes through.
    added = (await agent.data(UPDATE_UNIT, {"id": outing, "input": {"eventDates": ["2027-07-15", "2027-07-29"]}}))
    assert added["updateUnit"]["errors"] == [] and added["updateUnit"]["unit"]["eventDates"] == ["2027-07-15", "2027-07-29"]

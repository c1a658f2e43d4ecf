"""Past the deadlines, as the town says: a unit with a late price ("hors délai") takes bookings past
its booking deadline until the day begins, at that price; an activity that charges late
cancellations takes them at once (the place freed) and invoices the day all the same. Both show in
the day window, in the summary's estimate and on the month's invoice."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models.bookings import Booking
from tests.support.accounts import signed_in
from tests.support.bookings import ERRORS, at_town_time, change, family_enrolled
from tests.support.builders import make_staff
from tests.support.catalogue import make_service

MONDAY, TUESDAY, THURSDAY = date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 7)
LINES = """lines { date action outcome refusal message price late }
  estimate { total lines { label quantity unitPrice amount } }"""
PREVIEW = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  summary {{ {LINES} }} {ERRORS} }} }}"""
SUBMIT = f"""mutation($input: BookingRequestInput!) {{ submitBookingRequest(input: $input) {{
  summary {{ state {LINES} }} {ERRORS} }} }}"""
DAY = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) { days { date units {
    bookable refusal price late cancellable cancellationOutcome cancellationCharged booking { state } } } } }"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ latePrice }} {ERRORS} }} }}"""
RUN = f"""mutation($month: String!) {{ runInvoicing(month: $month) {{ run {{ issued total }} {ERRORS} }} }}"""
INVOICE_LINES = """{ invoices(first: 5) { edges { node { total lines { designation unitPrice amount } } } } }"""


async def bookable(client, family, service, day: date) -> dict:  # type: ignore[no-untyped-def]
    emma = family.children["Emma-Rose"]
    data = await client.data(
        DAY,
        {"childId": str(emma.id), "periodId": str(service.period.id), "from": str(day), "to": str(day)},
    )
    [unit] = data["bookableDays"]["days"][0]["units"]
    return unit


async def invoice_of_january(db: Database, browser, family) -> dict:  # type: ignore[no-untyped-def]
    staff = await make_staff(db, email="agent.factures@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]
    assert run["errors"] == [] and run["run"]["issued"] == 1
    client = await signed_in(browser(), family.email, family.built.password)
    [edge] = (await client.data(INVOICE_LINES))["invoices"]["edges"]
    return edge["node"]


async def test_a_day_booked_past_the_deadline_costs_the_late_price_and_says_so(db, browser, clock, smtp):
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    period = str(canteen.period.id)
    booked = await family.client.data(
        SUBMIT, {"input": {"periodId": period, "changes": [change(emma.id, canteen.unit.id, MONDAY)]}}
    )
    assert booked["submitBookingRequest"]["summary"]["state"] == "ACCEPTED"

    # Tuesday 11:00: Thursday's deadline (2 days before, 10:00) has passed; no late price yet.
    at_town_time(clock, TUESDAY, time(11, 0))
    client = await signed_in(browser(), family.email, family.built.password)
    thursday = {"input": {"periodId": period, "changes": [change(emma.id, canteen.unit.id, THURSDAY)]}}
    [line] = (await client.data(PREVIEW, thursday))["previewBookingRequest"]["summary"]["lines"]
    assert (line["outcome"], line["refusal"], line["late"]) == (None, "DEADLINE_PASSED", False)

    # The town sets a late price: Thursday may be booked, at 6,00 € instead of the family's 4,10 €.
    staff = await make_staff(db, email="agent.tarifs@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    updated = (await agent.data(UPDATE_UNIT, {"id": str(canteen.unit.id), "input": {"latePrice": 600}}))
    assert updated["updateUnit"] == {"unit": {"latePrice": 600}, "errors": []}
    day = await bookable(client, family, canteen, THURSDAY)
    assert (day["bookable"], day["late"], day["price"]) == (True, True, 600)
    summary = (await client.data(PREVIEW, thursday))["previewBookingRequest"]["summary"]
    [line] = summary["lines"]
    assert (line["outcome"], line["late"], line["price"]) == ("ACCEPTED", True, 600)
    assert "hors délai" in line["message"]
    [regie] = summary["estimate"]
    assert regie["lines"] == [
        {"label": "REPAS RÉSERVÉ HORS DÉLAI – Emma-Rose", "quantity": 1, "unitPrice": 600, "amount": 600}
    ]
    # Tuesday itself has begun: too late even at the late price.
    tuesday = {"input": {"periodId": period, "changes": [change(emma.id, canteen.unit.id, TUESDAY)]}}
    [line] = (await client.data(PREVIEW, tuesday))["previewBookingRequest"]["summary"]["lines"]
    assert line["refusal"] == "DEADLINE_PASSED"

    submitted = (await client.data(SUBMIT, thursday))["submitBookingRequest"]
    assert submitted["errors"] == [] and submitted["summary"]["state"] == "ACCEPTED"
    async with db.read_sessions() as s:
        row = (await s.exec(select(Booking).where(Booking.day == THURSDAY))).one()
    assert (row.state, row.price, row.booked_late) == ("accepted", 600, True)
    day = await bookable(client, family, canteen, THURSDAY)
    assert (day["booking"], day["late"], day["price"]) == ({"state": "ACCEPTED"}, True, 600)

    # February: January's invoice shows the late day at its price.
    at_town_time(clock, date(2027, 2, 2))
    invoice = await invoice_of_january(db, browser, family)
    assert invoice["lines"] == [
        {"designation": "REPAS RESERVE (04/01)", "unitPrice": 410, "amount": 410},
        {"designation": "REPAS RESERVE HORS DELAI (07/01)", "unitPrice": 600, "amount": 600},
    ]
    assert invoice["total"] == 1010


async def test_a_late_price_is_a_price(db, browser, clock, smtp):
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db)
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    for price in (-1, 1_000_001):
        answer = await agent.data(UPDATE_UNIT, {"id": str(canteen.unit.id), "input": {"latePrice": price}})
        [error] = answer["updateUnit"]["errors"]
        assert (error["field"], error["code"]) == ("latePrice", "INVALID")
    async with db.read_sessions() as s:
        assert (await s.get(type(canteen.unit), canteen.unit.id)).late_price is None


async def test_where_late_cancellations_are_charged_the_day_is_freed_and_invoiced(db, browser, clock, smtp):
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db, late_cancellation="charge")
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    period = str(canteen.period.id)
    days = [change(emma.id, canteen.unit.id, day) for day in (MONDAY, TUESDAY, THURSDAY)]
    booked = await family.client.data(SUBMIT, {"input": {"periodId": period, "changes": days}})
    assert booked["submitBookingRequest"]["summary"]["state"] == "ACCEPTED"

    # In time (December): Monday cancelled, never invoiced.
    monday = [change(emma.id, canteen.unit.id, MONDAY, "CANCEL")]
    cancelled = await family.client.data(SUBMIT, {"input": {"periodId": period, "changes": monday}})
    [line] = cancelled["submitBookingRequest"]["summary"]["lines"]
    assert (line["outcome"], line["late"]) == ("CANCELLED", False)

    # Wednesday 9:00, past Thursday's deadline: the window says the day would still be invoiced.
    at_town_time(clock, date(2027, 1, 6))
    client = await signed_in(browser(), family.email, family.built.password)
    day = await bookable(client, family, canteen, THURSDAY)
    assert (day["cancellable"], day["cancellationOutcome"], day["cancellationCharged"]) == (
        True,
        "CANCELLED",
        True,
    )
    thursday = {"input": {"periodId": period, "changes": [change(emma.id, canteen.unit.id, THURSDAY, "CANCEL")]}}
    summary = (await client.data(PREVIEW, thursday))["previewBookingRequest"]["summary"]
    [line] = summary["lines"]
    assert (line["outcome"], line["late"], line["price"]) == ("CANCELLED", True, 410)
    assert "reste facturée" in line["message"]
    assert summary["estimate"] == []  # nothing taken off
    submitted = (await client.data(SUBMIT, thursday))["submitBookingRequest"]
    assert submitted["errors"] == []
    async with db.read_sessions() as s:
        row = (await s.exec(select(Booking).where(Booking.day == THURSDAY))).one()
    assert (row.state, row.cancelled_late) == ("cancelled", True)
    day = await bookable(client, family, canteen, THURSDAY)
    assert day["booking"] == {"state": "CANCELLED"}

    at_town_time(clock, date(2027, 2, 2))
    invoice = await invoice_of_january(db, browser, family)
    assert invoice["lines"] == [
        {"designation": "REPAS RESERVE (05/01)", "unitPrice": 410, "amount": 410},
        {"designation": "REPAS ANNULE HORS DELAI (07/01)", "unitPrice": 410, "amount": 410},
    ]
    assert invoice["total"] == 820

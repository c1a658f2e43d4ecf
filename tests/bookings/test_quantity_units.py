"""Units counted in quantities, as towns sell take-away meals: staff add "REPAS À EMPORTER" to the canteen,
counted in quantities (up to 5 a child a day, 2,50 € each); a family books 3 for Emma-Rose and is told
3 × 2,50 € = 7,50 €; the quantity is required, 1 to 5, refused on a unit booked by the day, and nothing is
written when it is wrong; booking the day again with 2 changes the same booking, re-priced, before the
deadline; the day window and the planning show the quantity, and the month's invoice bills 2 × 2,50 €."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import select

from portail.db.models import AuditEntry
from portail.db.models.bookings import Booking
from tests.support.accounts import signed_in
from tests.support.bookings import (
    ERRORS,
    PREVIEW,
    SUBMIT,
    at_town_time,
    booking_counts,
    change,
    family_enrolled,
    repeat,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service

MONDAY = date(2027, 1, 4)
TAKE_AWAY = "REPAS À EMPORTER"
UNIT_FIELDS = "id name countedIn maxQuantity tariff { price }"
CREATE_UNIT = f"""mutation($periodId: ID!, $input: UnitInput!) {{ createUnit(periodId: $periodId, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
LINES = """summary { total lines { unitName date outcome refusal price quantity message }
  estimate { total lines { label quantity unitPrice amount } } }"""
PREVIEW_ITEMS = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  {LINES} {ERRORS} }} }}"""
SUBMIT_ITEMS = f"""mutation($input: BookingRequestInput!) {{ submitBookingRequest(input: $input) {{
  {LINES} {ERRORS} }} }}"""
ASKED = """query { bookingRequests(first: 10) { edges { node { number lines { unitName quantity price } } } } }"""
PLANNING = """query($from: Date!, $to: Date!) { planning(from: $from, to: $to) {
  days { date bookings { unitId state quantity } } } }"""
DAY = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) { days { units {
    unitName price countedIn maxQuantity quantityChangeable booking { state quantity } } } } }"""
RUN = f"""mutation($month: String!) {{ runInvoicing(month: $month) {{ run {{ issued total }} {ERRORS} }} }}"""
INVOICE_LINES = (
    """{ invoices(first: 5) { edges { node { total lines { designation quantity unitPrice amount } } } } }"""
)
RULE = {"kind": "DAYS_BEFORE", "days": 2, "at": "10:00:00", "countedIn": "CALENDAR"}


def take_away_input(**more: Any) -> dict[str, Any]:
    return {
        "name": TAKE_AWAY,
        "bookingDeadline": RULE,
        "cancellationDeadline": RULE,
        "tariff": [{"maxQuotient": None, "price": 250}],
        "countedIn": "QUANTITY",
        "maxQuantity": 5,
        **more,
    }


async def canteen(db: Any, browser: Any, clock: Any) -> tuple[Service, str, Any]:
    """The canteen's period (its meal booked by the day) and its take-away meals counted in quantities,
    created by staff."""
    at_town_time(clock, date(2026, 12, 14))
    service = await make_service(db)
    staff = await make_staff(db, email="agent.cantine@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    created = (
        await agent.data(CREATE_UNIT, {"periodId": str(service.period.id), "input": take_away_input()})
    )["createUnit"]
    assert created["errors"] == [], created
    assert (created["unit"]["countedIn"], created["unit"]["maxQuantity"]) == ("QUANTITY", 5)
    return service, created["unit"]["id"], agent


def items(child_id: Any, unit_id: Any, day: date, quantity: int | None) -> dict[str, Any]:
    return {**change(child_id, unit_id, day), "quantity": quantity}


def request(service: Service, changes: list[Any] = (), repeats: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"input": {"periodId": str(service.period.id), "changes": list(changes), "repeats": list(repeats)}}


async def test_staff_set_a_unit_counted_in_quantities_with_field_named_errors_and_an_audit_entry(
    db, browser, clock
):
    service, take_away, agent = await canteen(db, browser, clock)
    period = str(service.period.id)

    # No maximum, a maximum of nothing or of a hundred, a maximum on a unit booked by the day.
    bad = [
        ({"maxQuantity": None}, [("maxQuantity", "REQUIRED")]),
        ({"maxQuantity": 0}, [("maxQuantity", "INVALID")]),
        ({"maxQuantity": 100}, [("maxQuantity", "INVALID")]),
        ({"countedIn": "DAYS", "maxQuantity": 3}, [("maxQuantity", "INVALID")]),
        ({"countedIn": "HOURS", "opensAt": "16:30:00", "closesAt": "18:30:00"}, [("maxQuantity", "INVALID")]),
    ]
    for more, errors in bad:
        refused = await agent.data(
            CREATE_UNIT, {"periodId": period, "input": take_away_input(name="X", **more)}
        )
        assert [(e["field"], e["code"]) for e in refused["createUnit"]["errors"]] == errors, more
    payload = await agent.data(UPDATE_UNIT, {"id": take_away, "input": {"maxQuantity": None}})
    assert [(e["field"], e["code"]) for e in payload["updateUnit"]["errors"]] == [("maxQuantity", "REQUIRED")]

    # Four at most from now on: said on the unit, audited.
    updated = (await agent.data(UPDATE_UNIT, {"id": take_away, "input": {"maxQuantity": 4}}))["updateUnit"]
    assert (updated["errors"], updated["unit"]["maxQuantity"]) == ([], 4)
    async with db.read_sessions() as session:
        entries = (await session.exec(select(AuditEntry).where(AuditEntry.field == "maxQuantity"))).all()
    assert [(e.entity, e.before, e.after) for e in entries] == [("unit", "", "5"), ("unit", "5", "4")]
    # Booked by the day again: the maximum goes with it.
    back = await agent.data(
        UPDATE_UNIT, {"id": take_away, "input": {"countedIn": "DAYS", "maxQuantity": None}}
    )
    assert back["updateUnit"]["errors"] == [] and back["updateUnit"]["unit"]["maxQuantity"] is None


async def test_three_take_away_meals_are_priced_three_times_changed_to_two_and_billed_so(
    db, browser, clock, smtp
):
    service, take_away, agent = await canteen(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]

    # Three meals: 3 × 2,50 €.
    asked = request(service, [items(emma.id, take_away, MONDAY, 3)])
    summary = (await family.client.data(PREVIEW_ITEMS, asked))["previewBookingRequest"]["summary"]
    [line] = summary["lines"]
    assert (line["outcome"], line["price"], line["quantity"]) == ("ACCEPTED", 750, 3)
    assert summary["total"] == 750
    submitted = (await family.client.data(SUBMIT_ITEMS, asked))["submitBookingRequest"]
    assert submitted["errors"] == [] and submitted["summary"]["total"] == 750
    async with db.read_sessions() as session:
        [booking] = (await session.exec(select(Booking))).all()
    assert (booking.quantity, booking.price) == (3, 750)
    # The family's mail says how many it booked.
    (mail,) = await smtp.wait_for(family.email)
    assert f"{TAKE_AWAY} (× 3) : Réservation" in mail.text

    # The day window and the month calendar show the quantity; the unit says how it is counted.
    variables = {
        "childId": str(emma.id),
        "periodId": str(service.period.id),
        "from": "2027-01-04",
        "to": "2027-01-04",
    }
    units = {
        u["unitName"]: u
        for u in (await family.client.data(DAY, variables))["bookableDays"]["days"][0]["units"]
    }
    assert units[TAKE_AWAY] == {
        "unitName": TAKE_AWAY,
        "price": 750,
        "countedIn": "QUANTITY",
        "maxQuantity": 5,
        "quantityChangeable": True,
        "booking": {"state": "ACCEPTED", "quantity": 3},
    }
    assert units["REPAS"]["quantityChangeable"] is False and units["REPAS"]["maxQuantity"] is None
    planning = (await family.client.data(PLANNING, {"from": "2027-01-04", "to": "2027-01-04"}))["planning"]
    assert planning["days"][0]["bookings"] == [{"unitId": take_away, "state": "ACCEPTED", "quantity": 3}]

    # Two after all, before the deadline: the same booking, re-priced; the estimate takes 2,50 € off.
    before = await booking_counts(db)
    fewer = request(service, [items(emma.id, take_away, MONDAY, 2)])
    changed = (await family.client.data(SUBMIT_ITEMS, fewer))["submitBookingRequest"]
    assert changed["errors"] == []
    [line] = changed["summary"]["lines"]
    assert (line["outcome"], line["price"], line["quantity"]) == ("ACCEPTED", 500, 2)
    assert line["message"] == "Quantité modifiée : 2 (5,00\u00a0€ au lieu de 7,50\u00a0€)."
    assert [
        (e["label"], e["quantity"], e["unitPrice"]) for e in changed["summary"]["estimate"][0]["lines"]
    ] == [(f"{TAKE_AWAY} MODIFIÉ – Emma-Rose", 1, -250)]
    assert changed["summary"]["total"] == -250
    async with db.read_sessions() as session:
        [again] = (await session.exec(select(Booking))).all()
    assert (again.id, again.quantity, again.price, again.state) == (booking.id, 2, 500, "accepted")
    assert f"{TAKE_AWAY} (× 2) : Modification" in (await smtp.wait_for(family.email, 2))[1].text
    # The history keeps what each request asked: three, then two.
    history = (await family.client.data(ASKED))["bookingRequests"]["edges"]
    assert sorted((e["node"]["number"], e["node"]["lines"][0]["quantity"]) for e in history) == [(1, 3), (2, 2)]
    after = await booking_counts(db)
    assert after["booking"] == before["booking"]
    # The same quantity again changes nothing.
    same = (await family.client.data(PREVIEW_ITEMS, fewer))["previewBookingRequest"]["summary"]["lines"]
    assert same[0]["refusal"] == "ALREADY_BOOKED"

    # January's invoice, run in February, bills the two meals: 2 × 2,50 €.
    at_town_time(clock, date(2027, 2, 2))
    staff = await make_staff(db, email="agent.factures@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]
    assert run["errors"] == [] and run["run"]["issued"] == 1, run
    client = await signed_in(browser(), family.email, family.built.password)
    [edge] = (await client.data(INVOICE_LINES))["invoices"]["edges"]
    assert edge["node"]["total"] == 500
    [invoiced] = edge["node"]["lines"]
    assert (invoiced["quantity"], invoiced["unitPrice"], invoiced["amount"]) == (2, 250, 500)
    assert invoiced["designation"].startswith("REPAS À EMPORTER RESERVE")


async def test_a_change_of_quantity_past_the_deadline_is_refused(db, browser, clock, smtp):
    service, take_away, _ = await canteen(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    booked = await family.client.data(SUBMIT_ITEMS, request(service, [items(emma.id, take_away, MONDAY, 3)]))
    assert booked["submitBookingRequest"]["errors"] == []
    # The Saturday before: past "2 jours avant, 10h00".
    at_town_time(clock, date(2027, 1, 2), time(11, 0))
    client = await signed_in(browser(), family.email, family.built.password)
    late = request(service, [items(emma.id, take_away, MONDAY, 1)])
    [line] = (await client.data(PREVIEW_ITEMS, late))["previewBookingRequest"]["summary"]["lines"]
    assert (line["refusal"], line["price"]) == ("DEADLINE_PASSED", 250)
    assert line["message"].startswith("La date limite de modification est dépassée")
    async with db.read_sessions() as session:
        [booking] = (await session.exec(select(Booking))).all()
    assert (booking.quantity, booking.price) == (3, 750)


async def test_the_quantity_is_required_from_1_to_the_maximum_and_refused_on_a_day_unit(
    db, browser, clock, smtp
):
    service, take_away, _ = await canteen(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    cases = [
        (change(emma.id, take_away, MONDAY), "changes.0.quantity", "REQUIRED"),
        (items(emma.id, take_away, MONDAY, 0), "changes.0.quantity", "INVALID"),
        (items(emma.id, take_away, MONDAY, 6), "changes.0.quantity", "INVALID"),
        (items(emma.id, service.unit.id, MONDAY, 2), "changes.0.quantity", "INVALID"),
    ]
    before = await booking_counts(db)
    for asked, name, code in cases:
        for document, mutation in ((PREVIEW, "previewBookingRequest"), (SUBMIT, "submitBookingRequest")):
            payload = (await family.client.data(document, request(service, [asked])))[mutation]
            assert [(e["field"], e["code"]) for e in payload["errors"]] == [(name, code)], asked
    # A repeat of the take-away meals without a quantity, and with one on the meal alone.
    for chosen, quantity, code in (([take_away], None, "REQUIRED"), ([service.unit.id], 2, "INVALID")):
        mondays = {**repeat([emma.id], chosen, ["MONDAY"]), "quantity": quantity}
        payload = (await family.client.data(SUBMIT, request(service, repeats=[mondays])))[
            "submitBookingRequest"
        ]
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("repeats.0.quantity", code)]
    assert await booking_counts(db) == before
    # The message says the unit's maximum.
    payload = (await family.client.data(PREVIEW, request(service, [cases[2][0]])))["previewBookingRequest"]
    assert payload["errors"][0]["message"] == "La quantité est comprise entre 1 et 5."


async def test_a_repeat_books_the_same_quantity_every_week_and_the_meal_by_the_day(db, browser, clock, smtp):
    service, take_away, _ = await canteen(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    mondays = {
        **repeat(
            [emma.id], [service.unit.id, take_away], ["MONDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31)
        ),
        "quantity": 2,
    }
    submitted = (await family.client.data(SUBMIT_ITEMS, request(service, repeats=[mondays])))[
        "submitBookingRequest"
    ]
    assert submitted["errors"] == []
    lines = submitted["summary"]["lines"]
    taken = [line for line in lines if line["unitName"] == TAKE_AWAY]
    meals = [line for line in lines if line["unitName"] != TAKE_AWAY]
    assert {(line["price"], line["quantity"]) for line in taken} == {(500, 2)}
    assert {(line["price"], line["quantity"]) for line in meals} == {(410, None)}
    assert len(taken) == len(meals) == 4


async def test_staff_cannot_lower_the_maximum_below_what_families_booked(db, browser, clock, smtp):
    service, take_away, agent = await canteen(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    booked = await family.client.data(SUBMIT_ITEMS, request(service, [items(emma.id, take_away, MONDAY, 4)]))
    assert booked["submitBookingRequest"]["errors"] == []

    # Three at most while Emma-Rose has four on Monday: refused on the field, the day said, nothing written.
    lowered = (await agent.data(UPDATE_UNIT, {"id": take_away, "input": {"maxQuantity": 3}}))["updateUnit"]
    assert [(e["field"], e["code"]) for e in lowered["errors"]] == [("maxQuantity", "BOOKINGS_IN_THE_WAY")]
    assert lowered["errors"][0]["message"].startswith("1 réservation demande plus de 3 articles (le 04/01/2027)")
    async with db.read_sessions() as session:
        audited = (await session.exec(select(AuditEntry).where(AuditEntry.field == "maxQuantity"))).all()
    assert [(e.before, e.after) for e in audited] == [("", "5")]  # its creation only
    # Four still holds it.
    kept = (await agent.data(UPDATE_UNIT, {"id": take_away, "input": {"maxQuantity": 4}}))["updateUnit"]
    assert (kept["errors"], kept["unit"]["maxQuantity"]) == ([], 4)

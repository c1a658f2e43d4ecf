"""Linked units, as the town says: "pas de repas sans la garderie du matin le même jour". Staff link the
meal to the morning care (``updateUnit(requires)``, audited); a family booking the meal alone is refused
with the reason, booking both is taken; cancelling the morning under a booked meal is refused, both
together are cancelled; a morning refused for another reason (full) takes the meal down with it, its
place never taken; the link may go both ways."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models import AuditEntry
from portail.db.models.catalogue import Unit
from tests.support.accounts import signed_in
from tests.support.bookings import (
    ERRORS,
    PREVIEW,
    SUBMIT,
    at_town_time,
    booking_counts,
    bookings,
    change,
    family_enrolled,
    repeat,
    slot_counters,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service

MONDAY, TUESDAY = date(2027, 1, 4), date(2027, 1, 5)
MEAL, MORNING = "REPAS", "GARDERIE MATIN"
MEAL_ALONE = f"L'unité « {MEAL} » ne peut être réservée qu'avec « {MORNING} » le même jour."
MORNING_ALONE = (
    f"L'unité « {MORNING} » ne peut être annulée seule : « {MEAL} » la demande ce jour-là. Annulez-les ensemble."
)
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ name requires }} {ERRORS} }} }}"""
async def add_unit(db: Database, service: Service, name: str, price: int, **settings: Any) -> Unit:
    unit = Unit(period_id=service.period.id, name=name, position=1, tariff=json.dumps([[None, price]]), **settings)
    async with db.transaction() as session:
        session.add(unit)
    return unit


async def agent(db: Database, browser: Any) -> Any:
    staff = await make_staff(db, email="agent.liens@ville.test")
    return await signed_in(browser(), staff.email, staff.password)


async def link(client: Any, unit: Unit, *required: Unit) -> dict[str, Any]:
    variables = {"id": str(unit.id), "input": {"requires": [str(u.id) for u in required]}}
    return (await client.data(UPDATE_UNIT, variables))["updateUnit"]  # type: ignore[no-any-return]


async def canteen_with_morning(db: Database, browser: Any, clock: Any) -> tuple[Service, Unit, Any]:
    """The canteen (REPAS 4,10 €) and its morning care (1,50 €), the meal linked to the morning."""
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db)
    morning = await add_unit(db, canteen, MORNING, 150)
    client = await agent(db, browser)
    assert await link(client, canteen.unit, morning) == {"unit": {"name": MEAL, "requires": [str(morning.id)]}, "errors": []}
    return canteen, morning, client


def request(service: Service, changes: list[Any] = (), repeats: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"input": {"periodId": str(service.period.id), "changes": list(changes), "repeats": list(repeats)}}


def outcomes(summary: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(line["unitName"], line["action"], line["outcome"], line["refusal"]) for line in summary["lines"]]


async def test_staff_link_units_of_a_period_with_field_named_errors_and_an_audit_entry(db, browser, clock):
    at_town_time(clock, date(2026, 12, 14))
    canteen = await make_service(db)
    morning = await add_unit(db, canteen, MORNING, 150)
    elsewhere = await make_service(db, "CENTRE AERE", "MERCREDIS", "MERCREDIS 2026-2027", "JOURNEE")
    client = await agent(db, browser)

    # Itself, a unit of another period, a malformed id, the same unit twice: each named, nothing written.
    variables = {
        "id": str(canteen.unit.id),
        "input": {"requires": [str(canteen.unit.id), str(elsewhere.unit.id), "nope", str(morning.id), str(morning.id)]},
    }
    refused = (await client.data(UPDATE_UNIT, variables))["updateUnit"]
    assert refused["unit"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("requires.0", "INVALID"),
        ("requires.1", "NOT_FOUND"),
        ("requires.2", "NOT_FOUND"),
        ("requires.4", "INVALID"),
    ]
    async with db.read_sessions() as session:
        assert (await session.get(Unit, canteen.unit.id)).requires == ""  # type: ignore[union-attr]
        assert (await session.exec(select(AuditEntry))).all() == []

    # The meal requires the morning: said on the unit, and audited (who, before, after).
    assert (await link(client, canteen.unit, morning))["unit"]["requires"] == [str(morning.id)]
    # Unlinked again: the empty list.
    assert (await link(client, canteen.unit))["unit"]["requires"] == []
    async with db.read_sessions() as session:
        entries = (await session.exec(select(AuditEntry).order_by(AuditEntry.at))).all()
    assert [(e.entity, e.entity_id, e.field, e.before, e.after) for e in entries] == [
        ("unit", canteen.unit.id, "requires", "", str(morning.id)),
        ("unit", canteen.unit.id, "requires", str(morning.id), ""),
    ]
    assert all(e.author_id is not None and e.household_id is None for e in entries)


async def test_the_meal_alone_is_refused_with_its_reason_and_taken_with_the_morning(db, browser, clock, smtp):
    canteen, morning, _ = await canteen_with_morning(db, browser, clock)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]

    alone = request(canteen, [change(emma.id, canteen.unit.id, MONDAY)])
    summary = (await family.client.data(PREVIEW, alone))["previewBookingRequest"]["summary"]
    assert outcomes(summary) == [(MEAL, "BOOK", None, "LINKED_UNIT")]
    assert summary["lines"][0]["message"] == MEAL_ALONE
    assert summary["total"] == 0
    before = await booking_counts(db)
    submitted = (await family.client.data(SUBMIT, alone))["submitBookingRequest"]
    assert submitted["errors"] == [{"field": "changes.0.date", "code": "NOTHING_TO_SUBMIT", "message": MEAL_ALONE}]
    assert await booking_counts(db) == before

    # The morning after the meal in the same request: the day is judged whole, both are taken.
    both = request(canteen, [change(emma.id, canteen.unit.id, MONDAY), change(emma.id, morning.id, MONDAY)])
    summary = (await family.client.data(PREVIEW, both))["previewBookingRequest"]["summary"]
    assert outcomes(summary) == [(MEAL, "BOOK", "ACCEPTED", None), (MORNING, "BOOK", "ACCEPTED", None)]
    assert summary["total"] == 410 + 150
    submitted = (await family.client.data(SUBMIT, both))["submitBookingRequest"]
    assert submitted["errors"] == [] and submitted["summary"]["total"] == 560
    assert sorted((b.unit_id == morning.id, b.state) for b in await bookings(db)) == [
        (False, "accepted"),
        (True, "accepted"),
    ]

    # The morning booked: the meal of Tuesday needs a Tuesday morning, Monday's does not serve.
    tuesday = request(canteen, [change(emma.id, canteen.unit.id, TUESDAY)])
    summary = (await family.client.data(PREVIEW, tuesday))["previewBookingRequest"]["summary"]
    assert outcomes(summary) == [(MEAL, "BOOK", None, "LINKED_UNIT")]

    # One way only: the morning alone is fine.
    summary = (await family.client.data(PREVIEW, request(canteen, [change(emma.id, morning.id, TUESDAY)])))[
        "previewBookingRequest"
    ]["summary"]
    assert outcomes(summary) == [(MORNING, "BOOK", "ACCEPTED", None)]


async def test_cancelling_the_morning_under_a_booked_meal_is_refused_and_both_together_are_cancelled(
    db, browser, clock, smtp
):
    canteen, morning, _ = await canteen_with_morning(db, browser, clock)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    both = [change(emma.id, canteen.unit.id, MONDAY), change(emma.id, morning.id, MONDAY)]
    assert (await family.client.data(SUBMIT, request(canteen, both)))["submitBookingRequest"]["errors"] == []

    morning_only = request(canteen, [change(emma.id, morning.id, MONDAY, "CANCEL")])
    summary = (await family.client.data(PREVIEW, morning_only))["previewBookingRequest"]["summary"]
    assert outcomes(summary) == [(MORNING, "CANCEL", None, "LINKED_UNIT")]
    assert summary["lines"][0]["message"] == MORNING_ALONE
    submitted = (await family.client.data(SUBMIT, morning_only))["submitBookingRequest"]
    assert submitted["errors"][0]["code"] == "NOTHING_TO_SUBMIT"

    # The meal alone may go; here both go together, each taken off the estimate.
    cancel_both = request(canteen, [change(emma.id, morning.id, MONDAY, "CANCEL"), change(emma.id, canteen.unit.id, MONDAY, "CANCEL")])
    submitted = (await family.client.data(SUBMIT, cancel_both))["submitBookingRequest"]
    assert submitted["errors"] == []
    assert outcomes(submitted["summary"]) == [
        (MORNING, "CANCEL", "CANCELLED", None),
        (MEAL, "CANCEL", "CANCELLED", None),
    ]
    assert submitted["summary"]["total"] == -560
    assert sorted(b.state for b in await bookings(db)) == ["cancelled", "cancelled"]


async def test_a_repeat_of_the_meal_is_taken_on_the_days_with_a_morning_only(db, browser, clock, smtp):
    canteen, morning, _ = await canteen_with_morning(db, browser, clock)
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    # Mornings on the Mondays of January; then the meal every Monday and Tuesday of January.
    mondays = repeat([emma.id], [morning.id], ["MONDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31))
    assert (await family.client.data(SUBMIT, request(canteen, repeats=[mondays])))["submitBookingRequest"]["errors"] == []
    meals = repeat([emma.id], [canteen.unit.id], ["MONDAY", "TUESDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31))
    summary = (await family.client.data(SUBMIT, request(canteen, repeats=[meals])))["submitBookingRequest"]["summary"]
    by_day = {line["date"]: line["refusal"] for line in summary["lines"]}
    assert {d for d, refusal in by_day.items() if refusal is None} == {"2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"}
    assert {refusal for refusal in by_day.values() if refusal} == {"LINKED_UNIT"}
    assert summary["total"] == 4 * 410


async def test_a_full_morning_takes_the_meal_down_without_taking_its_place(db, browser, clock, smtp):
    canteen, morning, _ = await canteen_with_morning(db, browser, clock)
    async with db.transaction() as session:
        row = await session.get(Unit, morning.id)
        assert row is not None
        row.capacity = 1
        session.add(row)
        meal = await session.get(Unit, canteen.unit.id)
        assert meal is not None
        meal.capacity = 10
        session.add(meal)
    family = await family_enrolled(db, browser, canteen, "Emma-Rose", "Léo")
    emma, leo = family.children["Emma-Rose"], family.children["Léo"]

    # Two children, one morning left: Emma-Rose gets it and her meal; Léo's meal falls with his morning.
    lines = [
        change(emma.id, canteen.unit.id, MONDAY),
        change(leo.id, canteen.unit.id, MONDAY),
        change(emma.id, morning.id, MONDAY),
        change(leo.id, morning.id, MONDAY),
    ]
    submitted = (await family.client.data(SUBMIT, request(canteen, lines)))["submitBookingRequest"]
    assert [(line["childName"], line["unitName"], line["outcome"], line["refusal"]) for line in submitted["summary"]["lines"]] == [
        ("Emma-Rose TEST", MEAL, "ACCEPTED", None),
        ("Léo TEST", MEAL, None, "LINKED_UNIT"),
        ("Emma-Rose TEST", MORNING, "ACCEPTED", None),
        ("Léo TEST", MORNING, None, "FULL"),
    ]
    assert submitted["summary"]["total"] == 560
    counters = await slot_counters(db)
    assert (counters[(canteen.unit.id, MONDAY)], counters[(morning.id, MONDAY)]) == ((1, 0), (1, 0))


async def test_units_linked_both_ways_are_booked_together_or_not_at_all(db, browser, clock, smtp):
    canteen, morning, client = await canteen_with_morning(db, browser, clock)
    assert (await link(client, morning, canteen.unit))["errors"] == []
    family = await family_enrolled(db, browser, canteen)
    emma = family.children["Emma-Rose"]
    summary = (await family.client.data(PREVIEW, request(canteen, [change(emma.id, morning.id, MONDAY)])))[
        "previewBookingRequest"
    ]["summary"]
    assert outcomes(summary) == [(MORNING, "BOOK", None, "LINKED_UNIT")]
    assert summary["lines"][0]["message"] == f"L'unité « {MORNING} » ne peut être réservée qu'avec « {MEAL} » le même jour."
    both = [change(emma.id, morning.id, MONDAY), change(emma.id, canteen.unit.id, MONDAY)]
    assert (await family.client.data(SUBMIT, request(canteen, both)))["submitBookingRequest"]["summary"]["total"] == 560
    # Now neither may be cancelled alone.
    for unit in (morning, canteen.unit):
        summary = (await family.client.data(PREVIEW, request(canteen, [change(emma.id, unit.id, MONDAY, "CANCEL")])))[
            "previewBookingRequest"
        ]["summary"]
        assert outcomes(summary)[0][3] == "LINKED_UNIT"

"""Units counted in hours, as towns run their after-school care: staff make "GARDERIE SOIR" a unit counted
in hours (open 16h30–18h30, 0,65 € the quarter-hour); a family books Emma-Rose from 16h30 to 17h50 and is
told six quarter-hours, 3,90 € (any quarter-hour begun counts); the times are required, within the
opening hours, refused on a unit booked by the day; the booking keeps them, the day window and the
planning show them, and the month's invoice bills the stay."""

from __future__ import annotations

from datetime import date
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
EVENING = "GARDERIE SOIR"
UNIT_FIELDS = "id name countedIn opensAt closesAt stepMinutes tariff { price }"
CREATE_UNIT = f"""mutation($periodId: ID!, $input: UnitInput!) {{ createUnit(periodId: $periodId, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ {UNIT_FIELDS} }} {ERRORS} }} }}"""
LINES = """summary { total lines { unitName date outcome refusal price arrival departure }
  estimate { total lines { label quantity unitPrice amount } } }"""
PREVIEW_TIMES = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  {LINES} {ERRORS} }} }}"""
SUBMIT_TIMES = f"""mutation($input: BookingRequestInput!) {{ submitBookingRequest(input: $input) {{
  {LINES} {ERRORS} }} }}"""
PLANNING = """query($from: Date!, $to: Date!) { planning(from: $from, to: $to) {
  days { date bookings { unitId state arrival departure } } } }"""
DAY = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) { days { units {
    unitName price booking { state arrival departure } } } } }"""
RUN = f"""mutation($month: String!) {{ runInvoicing(month: $month) {{ run {{ issued total }} {ERRORS} }} }}"""
INVOICE_LINES = """{ invoices(first: 5) { edges { node { total lines { designation quantity unitPrice amount } } } } }"""
RULE = {"kind": "DAYS_BEFORE", "days": 2, "at": "10:00:00", "countedIn": "CALENDAR"}


def evening_input(**more: Any) -> dict[str, Any]:
    return {
        "name": EVENING,
        "bookingDeadline": RULE,
        "cancellationDeadline": RULE,
        "tariff": [{"maxQuotient": None, "price": 65}],
        "countedIn": "HOURS",
        "opensAt": "16:30:00",
        "closesAt": "18:30:00",
        **more,
    }


async def garderie(db: Any, browser: Any, clock: Any) -> tuple[Service, str, Any]:
    """The after-school care's period (its morning booked by the day) and its evening counted in hours,
    created by staff."""
    at_town_time(clock, date(2026, 12, 14))
    service = await make_service(
        db, "ACCUEIL PERISCOLAIRE", "GARDERIE MATIN ET SOIR", "GARDERIE 2026-2027", "GARDERIE MATIN",
        regie="REGIE PERISCOLAIRE",
    )
    staff = await make_staff(db, email="agent.garderie@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    created = (await agent.data(CREATE_UNIT, {"periodId": str(service.period.id), "input": evening_input()}))[
        "createUnit"
    ]
    assert created["errors"] == [], created
    assert {k: created["unit"][k] for k in ("countedIn", "opensAt", "closesAt", "stepMinutes")} == {
        "countedIn": "HOURS",
        "opensAt": "16:30:00",
        "closesAt": "18:30:00",
        "stepMinutes": 15,
    }
    return service, created["unit"]["id"], agent


def stay(child_id: Any, unit_id: Any, day: date, arrival: str | None, departure: str | None) -> dict[str, Any]:
    return {**change(child_id, unit_id, day), "arrival": arrival, "departure": departure}


def request(service: Service, changes: list[Any] = (), repeats: list[Any] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"input": {"periodId": str(service.period.id), "changes": list(changes), "repeats": list(repeats)}}


async def test_staff_set_a_unit_counted_in_hours_with_field_named_errors_and_an_audit_entry(db, browser, clock):
    service, evening, agent = await garderie(db, browser, clock)
    period = str(service.period.id)

    # Counted in hours without opening hours, a closing before the opening, a step of no length.
    bad = [
        ({"opensAt": None, "closesAt": None}, [("opensAt", "REQUIRED"), ("closesAt", "REQUIRED")]),
        ({"closesAt": "16:00:00"}, [("closesAt", "INVALID")]),
        ({"stepMinutes": 0}, [("stepMinutes", "INVALID")]),
    ]
    for more, errors in bad:
        refused = (await agent.data(CREATE_UNIT, {"periodId": period, "input": evening_input(name="X", **more)}))
        assert [(e["field"], e["code"]) for e in refused["createUnit"]["errors"]] == errors
    async with db.read_sessions() as session:
        assert {u.name for u in (await session.exec(select(Booking))).all()} == set()

    # Priced by the half-hour from now on: said on the unit, audited.
    updated = (await agent.data(UPDATE_UNIT, {"id": evening, "input": {"stepMinutes": 30}}))["updateUnit"]
    assert (updated["errors"], updated["unit"]["stepMinutes"]) == ([], 30)
    async with db.read_sessions() as session:
        entries = (await session.exec(select(AuditEntry).where(AuditEntry.field == "stepMinutes"))).all()
    assert [(e.entity, e.before, e.after) for e in entries] == [("unit", "15", "30")]
    # Created with its counting: audited too (from the defaults).
    async with db.read_sessions() as session:
        fields = {e.field: e.after for e in (await session.exec(select(AuditEntry))).all()}
    assert fields["countedIn"] == "hours" and fields["opensAt"] == "16:30:00"


async def test_an_evening_is_priced_by_the_quarter_hour_begun_and_billed_so(db, browser, clock, smtp):
    service, evening, agent = await garderie(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]

    # 16h30 to 17h50: six quarter-hours begun, 6 × 0,65 €.
    asked = request(service, [stay(emma.id, evening, MONDAY, "16:30:00", "17:50:00")])
    summary = (await family.client.data(PREVIEW_TIMES, asked))["previewBookingRequest"]["summary"]
    [line] = summary["lines"]
    assert (line["outcome"], line["price"], line["arrival"], line["departure"]) == ("ACCEPTED", 390, "16:30:00", "17:50:00")
    assert summary["total"] == 390
    assert [(e["label"], e["quantity"], e["unitPrice"]) for e in summary["estimate"][0]["lines"]] == [
        (f"{EVENING} RÉSERVÉ – Emma-Rose", 1, 390)
    ]

    submitted = (await family.client.data(SUBMIT_TIMES, asked))["submitBookingRequest"]
    assert submitted["errors"] == [] and submitted["summary"]["total"] == 390
    async with db.read_sessions() as session:
        [booking] = (await session.exec(select(Booking))).all()
    assert (booking.arrival.isoformat(), booking.departure.isoformat(), booking.price) == ("16:30:00", "17:50:00", 390)  # type: ignore[union-attr]
    # The family's mail says the times it booked.
    (mail,) = await smtp.wait_for(family.email)
    assert f"{EVENING} (16h30 – 17h50) : Réservation" in mail.text
    # The history's line (and staff's queue, the same type) says the times asked.
    history = await family.client.data(
        "query { bookingRequests(first: 1) { edges { node { lines { arrival departure quantity } } } } }"
    )
    assert history["bookingRequests"]["edges"][0]["node"]["lines"] == [
        {"arrival": "16:30:00", "departure": "17:50:00", "quantity": None}
    ]

    # The day window and the month calendar show the times.
    variables = {"childId": str(emma.id), "periodId": str(service.period.id), "from": "2027-01-04", "to": "2027-01-04"}
    units = {u["unitName"]: u for u in (await family.client.data(DAY, variables))["bookableDays"]["days"][0]["units"]}
    assert units[EVENING]["booking"] == {"state": "ACCEPTED", "arrival": "16:30:00", "departure": "17:50:00"}
    assert units[EVENING]["price"] == 390
    planning = (await family.client.data(PLANNING, {"from": "2027-01-04", "to": "2027-01-04"}))["planning"]
    assert planning["days"][0]["bookings"] == [
        {"unitId": evening, "state": "ACCEPTED", "arrival": "16:30:00", "departure": "17:50:00"}
    ]

    # January's invoice, run in February, bills the stay as booked.
    at_town_time(clock, date(2027, 2, 2))
    staff = await make_staff(db, email="agent.factures@ville.test")
    agent = await signed_in(browser(), staff.email, staff.password)
    run = (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]
    assert run["errors"] == [] and run["run"]["issued"] == 1, run
    client = await signed_in(browser(), family.email, family.built.password)
    [edge] = (await client.data(INVOICE_LINES))["invoices"]["edges"]
    assert edge["node"]["total"] == 390


async def test_the_times_are_required_within_the_opening_and_refused_on_a_day_unit(db, browser, clock, smtp):
    service, evening, _ = await garderie(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    cases = [
        (stay(emma.id, evening, MONDAY, "16:30:00", None), [("changes.0.departure", "REQUIRED")]),
        (change(emma.id, evening, MONDAY), [("changes.0.arrival", "REQUIRED"), ("changes.0.departure", "REQUIRED")]),
        (stay(emma.id, evening, MONDAY, "16:00:00", "17:00:00"), [("changes.0.arrival", "INVALID")]),
        (stay(emma.id, evening, MONDAY, "17:00:00", "17:00:00"), [("changes.0.departure", "INVALID")]),
        (stay(emma.id, service.unit.id, MONDAY, "07:30:00", "08:30:00"), [("changes.0.arrival", "INVALID")]),
    ]
    before = await booking_counts(db)
    for asked, errors in cases:
        for document, name in ((PREVIEW, "previewBookingRequest"), (SUBMIT, "submitBookingRequest")):
            payload = (await family.client.data(document, request(service, [asked])))[name]
            assert [(e["field"], e["code"]) for e in payload["errors"]] == errors, asked
    assert await booking_counts(db) == before
    # Outside the opening hours, the message says them.
    payload = (await family.client.data(PREVIEW, request(service, [cases[2][0]])))["previewBookingRequest"]
    assert payload["errors"][0]["message"] == "L'accueil est ouvert de 16h30 à 18h30."


async def test_a_repeat_books_the_same_hours_every_week_and_the_day_unit_by_the_day(db, browser, clock, smtp):
    service, evening, _ = await garderie(db, browser, clock)
    family = await family_enrolled(db, browser, service)
    emma = family.children["Emma-Rose"]
    mondays = {
        **repeat([emma.id], [service.unit.id, evening], ["MONDAY"], start=date(2027, 1, 1), end=date(2027, 1, 31)),
        "arrival": "16:45:00",
        "departure": "18:00:00",
    }
    submitted = (await family.client.data(SUBMIT_TIMES, request(service, repeats=[mondays])))["submitBookingRequest"]
    assert submitted["errors"] == []
    lines = submitted["summary"]["lines"]
    evenings = [line for line in lines if line["unitName"] == EVENING]
    mornings = [line for line in lines if line["unitName"] != EVENING]
    assert {(line["price"], line["arrival"], line["departure"]) for line in evenings} == {(5 * 65, "16:45:00", "18:00:00")}
    assert {(line["price"], line["arrival"]) for line in mornings} == {(410, None)}
    assert len(evenings) == len(mornings) == 4
    # A repeat of a day unit only takes no times.
    only_mornings = {**repeat([emma.id], [service.unit.id], ["TUESDAY"]), "arrival": "07:30:00"}
    payload = (await family.client.data(PREVIEW, request(service, repeats=[only_mornings])))["previewBookingRequest"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("repeats.0.arrival", "INVALID")]

"""Bookings builders and the GraphQL documents of "Mon planning"."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlmodel import func, select

from portail.clock import Clock
from portail.db.engine import Database
from portail.db.models import Household
from portail.db.models.bookings import Booking, BookingEvent, BookingLine, BookingRequest, SlotCounter
from portail.db.models.catalogue import Enrolment
from portail.rules.booking_states import PLACE_HOLDING_STATES, BookingState
from portail.rules.validity import TOWN_ZONE
from tests.support.accounts import signed_in
from tests.support.builders import Built, make_family
from tests.support.catalogue import Service, make_service
from tests.support.documents import make_child

BOOKING_TABLES = (BookingRequest, BookingLine, Booking, BookingEvent)
PLACE_HOLDING_VALUES = frozenset(s.value for s in PLACE_HOLDING_STATES)
CENTRE_PATH = "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"
ERRORS = "errors { field code message }"
SUMMARY = """summary { state stateLabel takenCount refusedCount total totalText
  lines { position childName unitName date action outcome refusal message price waitingPosition }
  estimate { regie total lines { label quantity unitPrice amount } } }"""
REQUEST = """id number numberText state stateLabel path firstDay lastDay children createdAt referent
  lines { id position childName unitName date action state refusal message }"""
PREVIEW = f"""mutation($input: BookingRequestInput!) {{ previewBookingRequest(input: $input) {{
  {SUMMARY} {ERRORS} }} }}"""
SUBMIT = f"""mutation($input: BookingRequestInput!) {{ submitBookingRequest(input: $input) {{
  {SUMMARY} request {{ {REQUEST} }} {ERRORS} }} }}"""
DECIDE = f"""mutation($ids: [ID!]!, $decision: BookingDecision!, $reason: String!) {{
  decideBookings(ids: $ids, decision: $decision, reason: $reason) {{ requests {{ {REQUEST} }} {ERRORS} }} }}"""
PLANNING = """query($from: Date!, $to: Date!, $childIds: [ID!], $all: Boolean!, $others: Boolean!) {
  bookingLegend { state label }
  planning(from: $from, to: $to, childIds: $childIds, includeCancelledAndRefused: $all,
           includeOtherAccounts: $others) {
    from to children { id firstName } units { id name activityName periodId }
    days { date bookings { id childId unitId state fromOtherAccount waitingPosition } }
  } }"""
BOOKABLE = """query($childId: ID!, $periodId: ID!, $from: Date!, $to: Date!) {
  bookableDays(childId: $childId, periodId: $periodId, from: $from, to: $to) {
    path enrolled days { date open status label units { unitName bookable refusal message wouldWait placesLeft
      waitingCount bookingDeadline cancellationDeadline price priceText cancellable cancellationOutcome cancellationMessage
      booking { id state waitingPosition fromOtherAccount } } } } }"""
HISTORY = f"""query($first: Int!, $after: String, $childId: ID, $state: BookingRequestState, $periodId: ID) {{
  bookingRequests(first: $first, after: $after, childId: $childId, state: $state, periodId: $periodId) {{
    edges {{ cursor node {{ {REQUEST} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"""
QUEUE = f"""query($first: Int!, $after: String) {{ bookingQueue(first: $first, after: $after) {{
  edges {{ cursor node {{ {REQUEST} householdName }} }} pageInfo {{ hasNextPage endCursor }} totalCount }} }}"""
ATTENDANCE = """query($activityId: ID!, $date: Date!) { attendance(activityId: $activityId, date: $date) {
  unitName path count withPai children { firstName lastName classLevel diet foodAllergies hasPai state
  householdName } } }"""
PLACES = """query($periodId: ID!, $from: Date!, $to: Date!) { placesTaken(periodId: $periodId, from: $from, to: $to) {
  unitName date capacity held placesLeft accepted pending cancellationRequested waiting } }"""


def paris(day: date, at: time = time(9, 0)) -> datetime:
    """A town wall time as an aware datetime."""
    return datetime.combine(day, at, tzinfo=TOWN_ZONE)


def at_town_time(clock: Clock, day: date, at: time = time(9, 0)) -> None:
    """Move the server's clock to ``day`` at ``at``, town time."""
    clock.travel_to(paris(day, at))


async def make_centre(db: Database, **settings: Any) -> Service:
    """The guide's Wednesday centre: JOURNEE CENTRE AERE MERCREDI, 7,70 € above quotient 700."""
    return await make_service(
        db,
        "CENTRE AERE MERCREDI",
        "MERCREDIS",
        "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027",
        "JOURNEE CENTRE AERE MERCREDI",
        weekdays="2",
        regie="REGIE CENTRE AERE MERCREDI",
        tariff=[[700, 380], [None, 770]],
        **settings,
    )


async def enrol(db: Database, child_id: Any, service: Service, household: Household, account_id: Any) -> None:
    async with db.transaction() as session:
        session.add(
            Enrolment(
                child_id=child_id,
                period_id=service.period.id,
                household_id=household.id,
                requested_by=account_id,
                state="accepted",
            )
        )


@dataclass
class Family:
    built: Built
    children: dict[str, Any]
    client: Any

    @property
    def email(self) -> str:
        return self.built.email


async def family_enrolled(
    db: Database,
    browser: Any,
    service: Service,
    *names: str,
    email: str = "lola@famille.test",
    name: str = "TEST",
) -> Family:
    """A signed-in family whose children (default: Emma-Rose) are enrolled in ``service``."""
    built = await make_family(db, email, name=name)
    children = {}
    for first_name in names or ("Emma-Rose",):
        child = await make_child(db, built.household, first_name, class_level="CE2")
        await enrol(db, child.id, service, built.household, built.account.id)
        children[first_name] = child
    return Family(built, children, await signed_in(browser(), built.email, built.password))


def repeat(child_ids: list[Any], unit_ids: list[Any], weekdays: list[str], **more: Any) -> dict[str, Any]:
    return {
        "childIds": [str(c) for c in child_ids],
        "unitIds": [str(u) for u in unit_ids],
        "weekdays": weekdays,
        **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in more.items()},
    }


def change(child_id: Any, unit_id: Any, day: date, action: str = "BOOK") -> dict[str, Any]:
    return {"childId": str(child_id), "unitId": str(unit_id), "date": day.isoformat(), "action": action}


async def shown(client: Any, variables: dict[str, Any]) -> dict[str, Any]:
    """The ``planning`` of PLANNING as the calendar shows it: each booking with its unit's name and
    activity (from ``units``) and the legend's words for its state (from ``bookingLegend``), looked
    up the way a client does."""
    data = await client.data(PLANNING, variables)
    planning = data["planning"]
    units = {u["id"]: u for u in planning["units"]}
    words = {entry["state"]: entry["label"] for entry in data["bookingLegend"]}
    for day in planning["days"]:
        for booking in day["bookings"]:
            unit = units[booking["unitId"]]
            booking.update(unitName=unit["name"], activityName=unit["activityName"])
            booking["stateLabel"] = words[booking["state"]]
    return planning  # type: ignore[no-any-return]


async def booking_counts(db: Database) -> dict[str, int]:
    """Rows in each booking table: what a refused request must leave untouched."""
    async with db.read_sessions() as session:
        return {
            table.__tablename__: (await session.exec(select(func.count()).select_from(table))).one()  # type: ignore[attr-defined]
            for table in BOOKING_TABLES
        }


async def slot_counters(db: Database) -> dict[tuple[uuid.UUID, date], tuple[int, int]]:
    """The (held, waiting) counters the slot rows keep, where not zero."""
    async with db.read_sessions() as session:
        rows = await session.exec(
            select(SlotCounter.unit_id, SlotCounter.day, SlotCounter.held, SlotCounter.waiting)
        )
        return {(u, d): (h, w) for u, d, h, w in rows.all() if h or w}


async def slot_recount(db: Database) -> dict[tuple[uuid.UUID, date], tuple[int, int]]:
    """The same counters, counted from the bookings."""
    counts: dict[tuple[uuid.UUID, date], tuple[int, int]] = {}
    for b in await bookings(db):
        held, waiting = counts.get((b.unit_id, b.day), (0, 0))
        held += b.state in PLACE_HOLDING_VALUES
        waiting += b.state == BookingState.WAITING.value
        if held or waiting:
            counts[(b.unit_id, b.day)] = (held, waiting)
    return counts


async def bookings(db: Database) -> list[Booking]:
    async with db.read_sessions() as session:
        return list((await session.exec(select(Booking).order_by(Booking.day))).all())

""" "Mon planning": the month calendar of a household's bookings, and the day window that says, for
one child and one period, what each day and unit allows (``bookableDays``)."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import col, select

from portail.db.models import Child
from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Activity, Enrolment, Period, Unit
from portail.resolvers import basket
from portail.resolvers.booking_changes import policy_of, slot_counts, waiting_lines
from portail.resolvers.booking_requests import LineRefusal, window_refusal
from portail.resolvers.booking_windows import household_standing, period_status, residence_matters
from portail.resolvers.catalogue_reading import (
    booking_rule,
    calendar_of,
    cancel_rule,
    event_dates_of,
    load_catalogue,
    period_path,
    required_units,
    tariff_for,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import family_quotient, household_children, viewer_household_id
from portail.resolvers.records import child_of
from portail.rules import deadlines, events, quantities
from portail.rules.booking_states import (
    ACTIVE_STATES,
    Actor,
    BookingPolicy,
    BookingState,
    Refusal,
    RefusalCode,
    cancellation_words,
    held_in_basket,
    is_active,
    still_charged,
    transition,
)
from portail.rules.booking_states import BookingEvent as Event
from portail.rules.calendar import DayStatus, PeriodCalendar, day_status, iter_days
from portail.rules.capacity import Admission, admit, places_left, waiting_line
from portail.rules.deadlines import BookingWindow
from portail.rules.pricing import booking_price, unit_price

# A month view shows up to six weeks; three months leave room for a quarter's printout.
MAX_RANGE_DAYS = 93
ACTIVE = [s.value for s in ACTIVE_STATES]


def check_range(start: date, end: date) -> None:
    """A date range a calendar query may ask for; errors name ``to``."""
    if end < start:
        raise UserErrors.one("to", ErrorCode.END_BEFORE_START, "La date de fin est avant la date de début.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise UserErrors.one("to", ErrorCode.RANGE_TOO_LONG, f"Au plus {MAX_RANGE_DAYS} jours à la fois.")


async def waiting_positions(ctx: RequestContext, waiting: Sequence[Any]) -> dict[uuid.UUID, int]:
    """The place in line (1: next) of each waiting booking of ``waiting`` (rows with id, unit_id, day)."""
    if not waiting:
        return {}
    days = [w.day for w in waiting]
    lines = await waiting_lines(ctx, {w.unit_id for w in waiting}, min(days), max(days))
    positions = {
        entry.booking.id: position
        for line in lines.values()
        for position, entry in enumerate(waiting_line(line), start=1)
    }
    return {w.id: positions.get(w.id, 0) for w in waiting}


# ---------------------------------------------------------------------------------------------
# The month calendar


@dataclass(frozen=True)
class PlannedUnit:
    """A unit some booking shown belongs to."""

    id: uuid.UUID
    name: str
    position: int
    period_id: uuid.UUID
    activity_name: str


class PlannedRow(NamedTuple):
    """A booking of the month view as read, with its unit's details. A plain tuple, not SQLAlchemy's
    ``Row``, whose attributes are looked up in Python (~0.5 µs each): the view reads about ten of
    each of a month's ~200 bookings (bench/latency.py)."""

    id: uuid.UUID
    child_id: uuid.UUID
    day: date
    state: str
    household_id: uuid.UUID
    unit_id: uuid.UUID
    unit_name: str
    unit_position: int
    period_id: uuid.UUID
    activity_name: str
    arrival: time | None  # a unit counted in hours: the times booked (null by the day)
    departure: time | None
    quantity: int | None  # a unit counted in quantities: the items booked (null otherwise)


@dataclass
class PlanningDay:
    """A day of the month view and its bookings (by child then unit)."""

    day: date
    bookings: list[PlannedRow]


@dataclass
class PlanningView:
    """The household's children shown, their bookings from ``start`` to ``end`` by day, and the
    units of those bookings (each once: the bookings only name them)."""

    start: date
    end: date
    children: list[Child]
    bookings: list[PlannedRow]
    positions: dict[uuid.UUID, int]
    household_id: uuid.UUID

    @property
    def days(self) -> list[PlanningDay]:
        """Every day from ``start`` to ``end``, in order, each with its bookings (rows in their order)."""
        by_day: dict[date, list[PlannedRow]] = {}
        for r in self.bookings:
            by_day.setdefault(r.day, []).append(r)
        return [PlanningDay(day, by_day.get(day, [])) for day in iter_days(self.start, self.end)]

    def from_other_account(self, booking: PlannedRow) -> bool:
        """Whether ``booking`` was made by another household sharing the child."""
        return bool(booking.household_id != self.household_id)

    @property
    def units(self) -> list[PlannedUnit]:
        """The units of the bookings shown, by activity, then in their period's order."""
        first: dict[uuid.UUID, PlannedRow] = {}
        for r in self.bookings:  # a month has ~200 bookings of a handful of units: one entry each
            if r.unit_id not in first:
                first[r.unit_id] = r
        units = [
            PlannedUnit(r.unit_id, r.unit_name, r.unit_position, r.period_id, r.activity_name)
            for r in first.values()
        ]
        return sorted(units, key=lambda u: (u.activity_name, u.position, u.name))


def _planning_query(active_only: bool, own_only: bool) -> sa.Select[*tuple[Any, ...]]:
    """The bookings of the children ``:child_ids`` from ``:start`` to ``:end`` with their units' details
    (``PlannedRow``'s fields, in its order), by day, child and unit: only the active ones, and only
    those of the household ``:household_id``, as asked. Built once per variant: building it and its
    cache key for each request cost 0.85 ms (in process, PostgreSQL, the bench's month of 194 bookings)."""
    # SQLAlchemy's select: SQLModel's is typed for at most 4 entities (same statement, same rows).
    query: sa.Select[*tuple[Any, ...]] = (
        sa.select(
            col(Booking.id),
            col(Booking.child_id),
            col(Booking.day),
            col(Booking.state),
            col(Booking.household_id),
            col(Booking.unit_id),
            col(Unit.name).label("unit_name"),
            col(Unit.position).label("unit_position"),
            col(Booking.period_id),
            col(Activity.name).label("activity_name"),
            col(Booking.arrival),
            col(Booking.departure),
            col(Booking.quantity),
        )
        .join(Unit, col(Unit.id) == Booking.unit_id)
        .join(Period, col(Period.id) == Booking.period_id)
        .join(Activity, col(Activity.id) == Period.activity_id)
        .where(
            col(Booking.child_id).in_(sa.bindparam("child_ids", expanding=True)),
            col(Booking.day).between(sa.bindparam("start"), sa.bindparam("end")),
        )
        .order_by(col(Booking.day), col(Booking.child_id), col(Unit.position), col(Unit.name))
    )
    if active_only:
        query = query.where(col(Booking.state).in_(ACTIVE))
    if own_only:
        query = query.where(col(Booking.household_id) == sa.bindparam("household_id"))
    return query


# By (active only, the household's own only).
_PLANNING_QUERIES = {(a, o): _planning_query(a, o) for a in (False, True) for o in (False, True)}


async def planning(
    ctx: RequestContext,
    start: date,
    end: date,
    child_ids: list[uuid.UUID | None] | None,
    include_cancelled_and_refused: bool,
    include_other_accounts: bool,
) -> PlanningView:
    """The month view: a fixed number of statements, whatever the children and days."""
    check_range(start, end)
    household_id = await viewer_household_id(ctx)
    assert household_id is not None
    children = await household_children(ctx, household_id)
    if child_ids is not None:
        own = {c.id for c in children}
        for i, child_id in enumerate(child_ids):
            if child_id not in own:
                raise UserErrors.one(f"childIds.{i}", ErrorCode.NOT_FOUND, "Cet enfant n'existe pas.")
        wanted = set(child_ids)
        children = [c for c in children if c.id in wanted]
    query = _PLANNING_QUERIES[not include_cancelled_and_refused, not include_other_accounts]
    params = {"child_ids": [c.id for c in children], "start": start, "end": end, "household_id": household_id}
    rows = []
    if children:
        rows = [PlannedRow._make(r) for r in await ctx.session.rows(query, params)]
    waiting = [r for r in rows if r.state == BookingState.WAITING.value]
    return PlanningView(start, end, children, rows, await waiting_positions(ctx, waiting), household_id)


# ---------------------------------------------------------------------------------------------
# The day window


@dataclass
class UnitDay:
    """One unit on one day, for one child: what the family may do and at what price."""

    unit: Unit
    bookable: bool
    refusal: str | None
    message: str
    would_wait: bool
    places_left: int | None
    waiting: int
    booking_deadline: datetime
    cancellation_deadline: datetime
    price: int
    booking: Booking | None
    booking_from_other_account: bool  # booked by another household sharing the child
    waiting_position: int | None
    cancellable: bool
    cancellation_outcome: BookingState | None
    # Booking now is past the deadline: at the unit's late price (or the child's booking was).
    late: bool = False
    # Cancelling now is past the deadline where the activity charges it: the day stays billed.
    cancellation_charged: bool = False
    # The child's paid day has a cancellation waiting in the basket.
    cancellation_in_basket: bool = False
    # What cancelling now gives, or why it cannot be cancelled, in French; empty: nothing to cancel.
    cancellation_message: str = ""
    # A unit counted in quantities: the child's booking may have its quantity changed now (accepted, the
    # household's own, not paid through the basket, before the booking deadline), as a request does.
    quantity_changeable: bool = False
    # Linked units (``Unit.requires``): the units of the period at least one of which must be booked the
    # same day for this one to be, in order.
    requires: list[Unit] = field(default_factory=list)
    # A unit capped per child (``Unit.per_child_cap``): the child's days of it in the whole period
    # (holding or waiting for a place), and how many more it may have; None: no cap.
    child_booked_count: int | None = None
    cap_left: int | None = None


@dataclass
class DayView:
    status: DayStatus
    units: list[UnitDay]


@dataclass
class BookableDays:
    child: Child
    period: Period
    path: str  # "Établissement > accueil > période"
    enrolled: bool
    days: list[DayView]
    household_id: uuid.UUID


async def bookable_days(
    ctx: RequestContext, child_id: uuid.UUID | None, period_id: uuid.UUID | None, start: date, end: date
) -> BookableDays:
    """Each day from ``start`` to ``end`` for the child in the period (another family's child, or an
    unknown period, is NOT_FOUND)."""
    child, household_id = await child_of(ctx, child_id, "childId")
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id.get(period_id) if period_id else None
    if not isinstance(period, Period):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    check_range(start, end)
    activity: Activity = catalogue.by_id[period.activity_id]
    units = catalogue.units_of(period.id)
    enrolled = await _is_enrolled(ctx, child, period)
    held, waiting = await slot_counts(ctx, [u.id for u in units if u.capacity is not None], start, end)
    bookings = await _child_bookings(ctx, child, period, start, end)
    taken = await _capped_days(ctx, child, period, units)
    positions = await waiting_positions(
        ctx, [b for b in bookings.values() if b.state == BookingState.WAITING.value]
    )
    quotient = await family_quotient(ctx, household_id)
    standing = await household_standing(ctx, household_id, residence=residence_matters([period], units))
    status = period_status(period, standing, ctx.now())
    suspended = (
        (LineRefusal.BOOKING_SUSPENDED, standing.suspension_message) if standing.suspended_at else None
    )
    policy = policy_of(activity)
    window = _DayWindow(
        household_id=household_id,
        enrolled=enrolled,
        no_booking=suspended or window_refusal(status, cancel=False),
        no_cancelling=suspended or window_refusal(status, cancel=True),
        now=ctx.now(),
        policy=policy,
        calendar=calendar_of(catalogue, period, ctx.settings),
        units=units,
        prices={u.id: unit_price(tariff_for(u, standing.resident), quotient) for u in units},
        held=held,
        waiting=waiting,
        bookings=bookings,
        positions=positions,
        taken=taken,
        paid=await basket.paid_bookings(ctx, bookings.values())
        if policy.credit_paid_cancellations
        else set(),
    )
    days = [window.day(day) for day in iter_days(start, end)]
    return BookableDays(child, period, period_path(catalogue, period), enrolled, days, household_id)


async def _is_enrolled(ctx: RequestContext, child: Child, period: Period) -> bool:
    enrolment = (
        await ctx.session.exec(
            select(Enrolment.id).where(
                Enrolment.child_id == child.id,
                Enrolment.period_id == period.id,
                Enrolment.state == "accepted",
            )
        )
    ).first()
    return enrolment is not None


async def _child_bookings(
    ctx: RequestContext, child: Child, period: Period, start: date, end: date
) -> dict[tuple[uuid.UUID, date], Booking]:
    """The child's bookings of the period from ``start`` to ``end``, by (unit, day)."""
    rows = await ctx.session.exec(
        select(Booking).where(
            Booking.child_id == child.id,
            Booking.period_id == period.id,
            col(Booking.day).between(start, end),
        )
    )
    return {(b.unit_id, b.day): b for b in rows.all()}


async def _capped_days(
    ctx: RequestContext, child: Child, period: Period, units: list[Unit]
) -> dict[uuid.UUID, int]:
    """The child's days of each capped unit (``Unit.per_child_cap``) in the whole period, holding or
    waiting for a place (what the cap counts): one statement, and none when no unit is capped."""
    capped = [u.id for u in units if u.per_child_cap is not None]
    if not capped:
        return {}
    rows = await ctx.session.exec(
        select(col(Booking.unit_id), sa.func.count())
        .where(
            Booking.child_id == child.id,
            col(Booking.unit_id).in_(capped),
            Booking.period_id == period.id,
            col(Booking.state).in_([s.value for s in BookingState if is_active(s)]),
        )
        .group_by(col(Booking.unit_id))
    )
    return {unit_id: count for unit_id, count in rows.all()}


@dataclass
class _DayWindow:
    """What the planning's day window shows for one child: each day's units, bookable or why not."""

    household_id: uuid.UUID
    enrolled: bool
    # Why the period takes no booking, or no cancellation, from the household now (its window, or staff
    # suspended its online bookings): (code, French message); None: the units' own rules decide.
    no_booking: tuple[str, str] | None
    no_cancelling: tuple[str, str] | None
    now: datetime
    policy: BookingPolicy
    calendar: PeriodCalendar
    units: list[Unit]
    prices: dict[uuid.UUID, int]
    held: Counter[tuple[uuid.UUID, date]]
    waiting: Counter[tuple[uuid.UUID, date]]
    bookings: dict[tuple[uuid.UUID, date], Booking]
    positions: dict[uuid.UUID, int]
    # The child's days of each capped unit in the whole period (``_capped_days``).
    taken: dict[uuid.UUID, int] = field(default_factory=dict)
    # The bookings paid through the basket (cancelled in time, credited through it).
    paid: set[uuid.UUID] = field(default_factory=set)

    def day(self, day: date) -> DayView:
        status = day_status(self.calendar, day)
        bookings = self.bookings
        active_groups = {
            u.exclusive_group
            for u in self.units
            if u.exclusive_group and (b := bookings.get((u.id, day))) and is_active(BookingState(b.state))
        }
        return DayView(status, [self._unit_day(unit, day, status, active_groups) for unit in self.units])

    def _unit_day(self, unit: Unit, day: date, status: DayStatus, active_groups: set[str]) -> UnitDay:
        slot = (unit.id, day)
        booking = self.bookings.get(slot)
        current = BookingState(booking.state) if booking else None
        # Deadlines counted in working days skip the town's public holidays (its subdivision's too).
        subdivision = self.calendar.holiday_subdivision
        book_by, cancel_by = (
            deadlines.deadline(day, booking_rule(unit), subdivision=subdivision),
            deadlines.deadline(day, cancel_rule(unit), subdivision=subdivision),
        )
        admission = admit(unit.capacity, self.held[slot], self.policy.waiting_list, self.waiting[slot])
        window = deadlines.booking_window(
            self.now, day, booking_rule(unit), takes_late=unit.late_price is not None, subdivision=subdivision
        )
        refusal, message = _why_not(status, self.enrolled, current, window, unit, active_groups, admission)
        if self.no_booking is not None and status.open:
            # The period's window (or the suspension) speaks for every day it runs; a closed day
            # stays closed.
            refusal, message = self.no_booking
        dates = event_dates_of(unit) if unit.event_dates else []
        if refusal != LineRefusal.CLOSED and not is_active(current) and not events.runs_on(dates, day):
            # An event, another day than its dates: said before anything else that day could say.
            refusal, message = LineRefusal.NOT_EVENT_DAY, events.not_an_event_day_message(unit.name, dates)
        cap, booked_count = unit.per_child_cap, self.taken.get(unit.id, 0)
        cap_left = None if cap is None else max(cap - booked_count, 0)
        if refusal is None and cap is not None and cap_left == 0:
            # The request would refuse it (CAP_REACHED): said here first.
            refusal, message = LineRefusal.CAP_REACHED, events.cap_message(unit.name, cap)
        cancellation, charged, why_not = None, False, ""
        if is_active(current) and booking is not None and booking.household_id != self.household_id:
            why_not = OTHER_ACCOUNT_BOOKING
        # Only the household that booked a shared child's day may cancel it.
        if is_active(current) and booking is not None and booking.household_id == self.household_id:
            in_time = self.now.astimezone(UTC) < cancel_by.astimezone(UTC)
            event = Event.CANCEL_BEFORE_DEADLINE if in_time else Event.CANCEL_AFTER_DEADLINE
            outcome = transition(current, event, Actor.FAMILY, self.policy)
            cancellation = None if isinstance(outcome, Refusal) else outcome.state
            why_not = outcome.message if isinstance(outcome, Refusal) else ""
            charged = cancellation is not None and still_charged(current, event, Actor.FAMILY, self.policy)
            if cancellation is not None and held_in_basket(
                cancellation, event, Actor.FAMILY, self.policy, booking.id in self.paid
            ):
                cancellation = BookingState.PENDING  # it waits in the basket
            if booking.cancel_held:
                cancellation = None  # one already waits there
                why_not = CANCELLATION_IN_BASKET
            elif self.no_cancelling is not None:
                cancellation, charged, why_not = None, False, self.no_cancelling[1]
        booked = booking is not None and is_active(current)
        late = booking.booked_late if booking is not None and booked else window is BookingWindow.LATE
        changeable = (
            unit.counted_in == quantities.QUANTITY
            and booking is not None
            and current is BookingState.ACCEPTED
            and booking.household_id == self.household_id
            and booking.id not in self.paid
            and self.no_booking is None
            and deadlines.booking_window(
                self.now, day, booking_rule(unit), takes_late=False, subdivision=subdivision
            )
            is BookingWindow.OPEN
        )
        return UnitDay(
            unit=unit,
            bookable=refusal is None,
            refusal=refusal,
            message=message,
            would_wait=refusal is None and admission is Admission.WAIT,
            places_left=places_left(unit.capacity, self.held[slot]),
            waiting=self.waiting[slot],
            booking_deadline=book_by,
            cancellation_deadline=cancel_by,
            price=booking.price
            if booking is not None and booked
            else booking_price(self.prices[unit.id], unit.late_price, late),
            booking=booking,
            booking_from_other_account=booking is not None and booking.household_id != self.household_id,
            waiting_position=self.positions.get(booking.id) if booking else None,
            cancellable=cancellation is not None,
            cancellation_outcome=cancellation,
            late=late,
            cancellation_charged=charged,
            cancellation_in_basket=booking is not None and booking.cancel_held,
            cancellation_message=cancellation_words(cancellation, charged) if cancellation else why_not,
            quantity_changeable=changeable,
            requires=[self.by_id[u] for u in required_units(unit) if u in self.by_id],
            child_booked_count=None if cap is None else booked_count,
            cap_left=cap_left,
        )

    @cached_property
    def by_id(self) -> dict[uuid.UUID, Unit]:
        """The period's units by id (built once: each unit of each day looks its links up here)."""
        return {u.id: u for u in self.units}


OTHER_ACCOUNT_BOOKING = "Réservée depuis l'autre compte de l'enfant : seul ce compte peut l'annuler."
CANCELLATION_IN_BASKET = "Une annulation de ce jour attend déjà dans « Mon panier »."


def _why_not(
    status: DayStatus,
    enrolled: bool,
    current: BookingState | None,
    window: BookingWindow,
    unit: Unit,
    active_groups: set[str],
    admission: Admission,
) -> tuple[str | None, str]:
    """Why the unit cannot be booked that day (code, French message), or (None, "")."""
    if not status.open:
        return LineRefusal.CLOSED, f"Fermé ce jour-là ({status.label})."
    if not enrolled:
        return LineRefusal.NOT_ENROLLED, "L'enfant n'est pas inscrit à cette période."
    if is_active(current):
        return RefusalCode.ALREADY_BOOKED.value, "Une présence est déjà demandée pour ce jour."
    if window is BookingWindow.CLOSED:
        return LineRefusal.DEADLINE_PASSED, (
            f"La date limite de réservation est dépassée ({deadlines.describe(booking_rule(unit))})."
        )
    if unit.exclusive_group and unit.exclusive_group in active_groups:
        return (
            LineRefusal.EXCLUSIVE_UNIT,
            f"« {unit.name} » ne se cumule pas avec une autre unité réservée ce jour-là.",
        )
    if admission is Admission.FULL:
        return RefusalCode.FULL.value, "Il n'y a plus de place pour ce jour."
    return None, ""

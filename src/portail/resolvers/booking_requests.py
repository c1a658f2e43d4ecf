"""Booking requests ("Ajouter une demande de réservation"): one-off days and repeats ("MODE RECOPIE"),
bookings and cancellations ("Cette demande", "Plus de jours"), previewed and submitted alike, and
the family's history ("Historique").

``preview`` and ``submit`` run the same plan; submit takes the slot locks first, so that what it
counts cannot change under it, then writes the request, its lines and bookings in one transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, exists, select

from portail.db.locks import lock_slots, next_number
from portail.db.models import Account, Child, Guardian, HouseholdChild
from portail.db.models.base import new_id
from portail.db.models.bookings import Booking, BookingLine, BookingRequest
from portail.db.models.catalogue import Activity, Enrolment, Period, Unit
from portail.db.models.payments import BasketEntry
from portail.resolvers import basket, invoices
from portail.resolvers.booking_changes import (
    BookingChanges,
    book_line_state,
    derived_state,
    policy_of,
    slot_counts,
    waits_for_staff,
)
from portail.resolvers.booking_windows import household_standing, period_status, residence_matters
from portail.resolvers.catalogue_reading import (
    Catalogue,
    booking_rule,
    calendar_of,
    cancel_rule,
    event_dates_of,
    load_catalogue,
    period_path,
    required_units,
    tariff_for,
)
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import (
    children_by_id,
    family_quotient,
    household_children,
    refuse_if_awaiting_validation,
    viewer_guardian,
    viewer_household_id,
)
from portail.resolvers.mail import BASKET_PATH, HISTORY_PATH, client_link, send_mail
from portail.rules import deadlines, events, hours, quantities
from portail.rules.basket import french_moment
from portail.rules.booking_states import (
    REQUEST_STATE_LABELS,
    Actor,
    BookingPolicy,
    BookingState,
    Refusal,
    RefusalCode,
    RequestState,
    Transition,
    held_in_basket,
    is_active,
    late_note,
    request_number_text,
    request_state,
    state_label,
    still_charged,
    transition,
)
from portail.rules.booking_states import BookingEvent as Event
from portail.rules.booking_windows import WindowState, WindowStatus
from portail.rules.calendar import PeriodCalendar, day_status
from portail.rules.capacity import Admission, Places
from portail.rules.deadlines import BookingWindow
from portail.rules.french import inscrit
from portail.rules.linked_units import LinkBreak, broken_links, link_message
from portail.rules.pricing import Estimate, PriceLine, booking_price, estimate, format_amount, unit_price
from portail.rules.repeat import (
    MAX_CHANGES,
    Change,
    Frequency,
    Repeat,
    RepeatCode,
    check_changes,
    expand_selection,
    french_date,
    repeat_dates,
)

COUNTER = "booking_request"
MAX_REPEATS = 20


# ---------------------------------------------------------------------------------------------
# Input, as the schema hands it over


@dataclass
class ChangeData:
    """A one-off change: book or cancel one unit on one day for one child."""

    child_id: uuid.UUID | None
    unit_id: uuid.UUID | None
    day: date
    cancel: bool = False
    # A unit counted in hours (``portail.rules.hours``): when the child arrives and leaves.
    arrival: time | None = None
    departure: time | None = None
    # A unit counted in quantities (``portail.rules.quantities``): how many items.
    quantity: int | None = None


@dataclass
class RepeatData:
    """ "RECOPIER LA SÉLECTION": ``unit_ids`` on the chosen weekdays (1 = Monday) from ``start`` to ``end``
    (None: the period's bounds), for each of ``child_ids``."""

    child_ids: list[uuid.UUID | None]
    unit_ids: list[uuid.UUID | None]
    weekdays: list[int]
    start: date | None = None
    end: date | None = None
    frequency: Frequency = Frequency.EVERY_WEEK
    cancel: bool = False
    # The times of the units counted in hours among ``unit_ids``, the same each day.
    arrival: time | None = None
    departure: time | None = None
    # The quantity of the units counted in quantities among ``unit_ids``, the same each day.
    quantity: int | None = None


@dataclass
class RequestData:
    period_id: uuid.UUID | None
    changes: list[ChangeData] = field(default_factory=list)
    repeats: list[RepeatData] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The plan: what each line of a request would do


class LineRefusal:
    """Why a line of a request is refused (the API's ``BookingRefusal`` codes)."""

    CLOSED = "CLOSED"
    NOT_ENROLLED = "NOT_ENROLLED"
    DEADLINE_PASSED = "DEADLINE_PASSED"
    EXCLUSIVE_UNIT = "EXCLUSIVE_UNIT"
    OVERDUE_INVOICES = "OVERDUE_INVOICES"
    LINKED_UNIT = "LINKED_UNIT"
    NOT_EVENT_DAY = "NOT_EVENT_DAY"
    CAP_REACHED = "CAP_REACHED"
    # The period's booking window (``rules.booking_windows``) and the household's suspension.
    BOOKING_NOT_OPEN = "BOOKING_NOT_OPEN"
    BOOKING_CLOSED = "BOOKING_CLOSED"
    PERIOD_READ_ONLY = "PERIOD_READ_ONLY"
    NOT_FOR_HOUSEHOLD = "NOT_FOR_HOUSEHOLD"
    BOOKING_SUSPENDED = "BOOKING_SUSPENDED"


WINDOW_REFUSALS = {
    WindowState.NOT_OPEN_YET: LineRefusal.BOOKING_NOT_OPEN,
    WindowState.CLOSED: LineRefusal.BOOKING_CLOSED,
    WindowState.READ_ONLY: LineRefusal.PERIOD_READ_ONLY,
    WindowState.NOT_FOR_HOUSEHOLD: LineRefusal.NOT_FOR_HOUSEHOLD,
}


def window_refusal(status: WindowStatus, *, cancel: bool) -> tuple[str, str] | None:
    """Why the period's window refuses a booking (or a cancellation) now: (code, French message)."""
    if status.cancels if cancel else status.books:
        return None
    return WINDOW_REFUSALS[status.state], status.message


@dataclass
class PlannedLine:
    """A line of the summary: what booking or cancelling this child, unit and day does."""

    position: int
    child: Child
    unit: Unit
    day: date
    cancel: bool
    state: BookingState | None = None  # None: refused
    refusal: str = ""
    message: str = ""
    price: int = 0
    # Past the deadline: booked at the unit's late price, or cancelled and billed all the same.
    late: bool = False
    # A paid day's cancellation that waits in the basket (credited once the basket is validated).
    held: bool = False
    booking: Booking | None = None
    waiting_position: int | None = None
    line_id: uuid.UUID | None = None  # once submitted
    source: str = ""  # the input item that asked for it: "changes.0", "repeats.1"
    # A booking of a unit counted in hours: when the child arrives and leaves (None: by the day).
    times: tuple[time, time] | None = None
    # A booking of a unit counted in quantities: how many items (None: by the day).
    quantity: int | None = None
    # It changes the quantity (or the times) of the day's booking, which stays as it is otherwise;
    # ``previous_price`` is what the booking cost before.
    modifies: bool = False
    previous_price: int = 0

    @property
    def refused(self) -> bool:
        return self.state is None

    @property
    def child_name(self) -> str:
        return child_name(self.child)

    @property
    def charged_cancellation(self) -> bool:
        """A cancellation taken past the deadline and billed all the same."""
        return self.cancel and self.late and self.state is BookingState.CANCELLED

    @property
    def stored_state(self) -> str:
        """The state its row in the history has: its own outcome (see ``BookingLine``)."""
        if self.state is None:
            return BookingState.REFUSED.value
        return self.state.value if self.cancel else book_line_state(self.state.value)


@dataclass
class Plan:
    """A request's summary (the guide's "récapitulatif"): every line and the price estimate."""

    period: Period
    path: str
    lines: list[PlannedLine]
    estimate: Estimate
    request: BookingRequest | None = None
    referent: str = ""  # once submitted: who made it (see ``referent_name``)
    # Once submitted, for an activity paid at booking: the request waiting in the basket.
    basket_entry: BasketEntry | None = None

    @property
    def state(self) -> RequestState | None:
        """The state the request has (or would have); None when no line changes anything."""
        states = [line.state for line in self.lines if line.state is not None]
        return request_state(states) if states else None

    @property
    def taken_count(self) -> int:
        """Lines that change something."""
        return sum(1 for line in self.lines if not line.refused)

    @property
    def refused_count(self) -> int:
        return sum(1 for line in self.lines if line.refused)


def _field(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if name else prefix


async def _own_children(ctx: RequestContext) -> dict[uuid.UUID, Child]:
    return {c.id: c for c in await household_children(ctx, await viewer_household_id(ctx))}


# The statements every preview and submit runs, built once with their values bound: building a
# statement and its cache key costs 0.1-0.4 ms of Python a time (in process, bench/latency.py's saves).
# The household's children (as ``household_children`` lists them), each with whether it is enrolled
# in the period: one statement where the children, then their enrolments, took two (0.6 ms a request).
_CHILDREN_ENROLLED_QUERY = (
    select(
        Child,
        sa.exists()
        .where(
            col(Enrolment.child_id) == Child.id,
            col(Enrolment.period_id) == sa.bindparam("period_id"),
            col(Enrolment.state) == "accepted",
        )
        .label("enrolled"),
    )
    .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
    .where(col(HouseholdChild.household_id) == sa.bindparam("household_id"))
    .order_by(col(Child.birth_date), col(Child.first_name), col(Child.id))
)
_DAYS_BOOKINGS_QUERY = select(Booking).where(
    col(Booking.child_id).in_(sa.bindparam("child_ids", expanding=True)),
    col(Booking.period_id) == sa.bindparam("period_id"),
    col(Booking.day).between(sa.bindparam("first"), sa.bindparam("last")),
)
_PERIOD_SHARE_LOCK = (
    select(Period.id).where(col(Period.id) == sa.bindparam("period_id")).with_for_update(read=True)
)


async def _children_enrolled(
    ctx: RequestContext, period_id: uuid.UUID
) -> tuple[dict[uuid.UUID, Child], set[uuid.UUID]]:
    """The viewer's household's children by id, and those enrolled in the period."""
    params = {"household_id": await viewer_household_id(ctx), "period_id": period_id}
    rows = (await ctx.session.exec(_CHILDREN_ENROLLED_QUERY, params=params)).all()
    return {child.id: child for child, _ in rows}, {child.id for child, enrolled in rows if enrolled}


@dataclass
class _Asked:
    """A change as asked: where it came from (for error fields) and whether a repeat made it."""

    change: Change[uuid.UUID, uuid.UUID]
    field: str
    repeated: bool
    source: str = ""  # the input item: "changes.<i>" or "repeats.<i>"
    times: tuple[time, time] | None = None  # a booking of a unit counted in hours
    quantity: int | None = None  # a booking of a unit counted in quantities


async def read_asked_changes(
    ctx: RequestContext, catalogue: Catalogue, period: Period, data: RequestData
) -> tuple[list[_Asked], dict[uuid.UUID, Child]]:
    """The changes the input asks for, in order; every malformed part is a field-named error."""
    children, enrolled = await _children_enrolled(ctx, period.id)
    known = _KnownInput(children, {u.id: u for u in catalogue.units_of(period.id)}, _size_errors(data))
    asked = _one_off_changes(data.changes, period, known)
    calendar = calendar_of(catalogue, period, ctx.settings)
    asked += _repeated_changes(data.repeats, period, calendar, today(ctx), known)
    if known.errors:
        raise UserErrors(known.errors)
    refusal = check_changes(a.change for a in asked)
    if refusal is not None:
        raise UserErrors.one(refusal.field or "changes", _REPEAT_CODES[refusal.code], refusal.message)
    _check_enrolled(catalogue, period, asked, children, enrolled)
    return asked, children


def _size_errors(data: RequestData) -> list[FieldError]:
    """An empty request is an error; an oversized one is refused before anything is looked up."""
    errors: list[FieldError] = []
    if not data.changes and not data.repeats:
        errors.append(
            FieldError("changes", ErrorCode.REQUIRED, "Choisissez au moins un jour à réserver ou annuler.")
        )
    if len(data.changes) > MAX_CHANGES:
        # A huge list costs nothing to turn down.
        raise UserErrors.one(
            "changes",
            ErrorCode.TOO_MANY_CHANGES,
            f"La demande compte {len(data.changes)} changements : {MAX_CHANGES} au plus par demande.",
        )
    if len(data.repeats) > MAX_REPEATS:
        errors.append(
            FieldError("repeats", ErrorCode.TOO_MANY_CHANGES, f"Au plus {MAX_REPEATS} recopies par demande.")
        )
        raise UserErrors(errors)
    return errors


@dataclass
class _KnownInput:
    """The family's children and the period's units an input may name, and the errors found so far."""

    children: dict[uuid.UUID, Child]
    units: dict[uuid.UUID, Unit]
    errors: list[FieldError]

    def unknown_child(self, name: str, child_id: uuid.UUID | None) -> bool:
        if child_id not in self.children:
            self.errors.append(FieldError(name, ErrorCode.NOT_FOUND, "Cet enfant n'existe pas."))
            return True
        return False

    def bad_times(
        self, prefix: str, units: list[Unit], arrival: time | None, departure: time | None
    ) -> tuple[time, time] | bool | None:
        """The times of a booking of ``units`` (None: by the day), or False after adding their errors
        (fields ``<prefix>.arrival``, ``<prefix>.departure``): units counted in hours need both, within
        their opening hours; units booked by the day take none."""
        hourly = [u for u in units if u.counted_in == hours.HOURS]
        found: list[hours.TimesError] = []
        for unit in hourly or units[:1]:
            checked = hours.check_times(unit.counted_in, unit.opens_at, unit.closes_at, arrival, departure)
            found += [e for e in checked if e not in found]
        for error in found:
            code = ErrorCode.REQUIRED if error.code is hours.TimesCode.REQUIRED else ErrorCode.INVALID
            self.errors.append(FieldError(f"{prefix}.{error.field}", code, error.message))
        if found:
            return False
        if not hourly or arrival is None or departure is None:
            return None
        return (arrival, departure)

    def bad_quantity(self, prefix: str, units: list[Unit], quantity: int | None) -> int | bool | None:
        """The quantity of a booking of ``units`` (None: none), or False after adding its error (field
        ``<prefix>.quantity``): units counted in quantities need one, 1 to their maximum; other units
        take none."""
        counted = [u for u in units if u.counted_in == quantities.QUANTITY]
        for unit in counted or units[:1]:
            error = quantities.check_quantity(unit.counted_in, unit.max_quantity, quantity)
            if error is not None:
                code = (
                    ErrorCode.REQUIRED
                    if error.code is quantities.QuantityCode.REQUIRED
                    else ErrorCode.INVALID
                )
                self.errors.append(FieldError(f"{prefix}.quantity", code, error.message))
                return False
        return quantity if counted else None

    def unknown_unit(self, name: str, unit_id: uuid.UUID | None) -> bool:
        if unit_id not in self.units:
            self.errors.append(
                FieldError(name, ErrorCode.NOT_FOUND, "Cette unité n'existe pas dans cette période.")
            )
            return True
        return False


def _one_off_changes(changes: list[ChangeData], period: Period, known: _KnownInput) -> list[_Asked]:
    """The one-off days asked ("Cette demande"), each child, unit and date checked."""
    span = f"du {french_date(period.start)} au {french_date(period.end)}"
    asked = []
    for i, change in enumerate(changes):
        prefix = f"changes.{i}"
        bad = known.unknown_child(f"{prefix}.childId", change.child_id)
        bad = known.unknown_unit(f"{prefix}.unitId", change.unit_id) or bad
        if not period.start <= change.day <= period.end:
            known.errors.append(
                FieldError(
                    f"{prefix}.date",
                    ErrorCode.OUTSIDE_PERIOD,
                    f"Le {french_date(change.day)} est en dehors de la période ({span}).",
                )
            )
            bad = True
        times: tuple[time, time] | bool | None = None
        if change.unit_id in known.units and not change.cancel:
            times = known.bad_times(prefix, [known.units[change.unit_id]], change.arrival, change.departure)
            bad = bad or times is False
        quantity: int | bool | None = None
        if change.unit_id in known.units and not change.cancel:
            quantity = known.bad_quantity(prefix, [known.units[change.unit_id]], change.quantity)
            bad = bad or quantity is False
        if not bad:
            assert change.child_id is not None and change.unit_id is not None  # known: not None
            asked.append(
                _Asked(
                    Change(change.child_id, change.unit_id, change.day, change.cancel),
                    prefix,
                    False,
                    prefix,
                    times if isinstance(times, tuple) else None,
                    quantity if not isinstance(quantity, bool) else None,
                )
            )
    return asked


def _repeated_changes(
    repeats: list[RepeatData], period: Period, calendar: PeriodCalendar, day_now: date, known: _KnownInput
) -> list[_Asked]:
    """The days each repeat copies the selection to ("RECOPIER LA SÉLECTION", "Plus de jours")."""
    asked = []
    for i, rep in enumerate(repeats):
        prefix = f"repeats.{i}"
        bad = False
        if not rep.child_ids:
            known.errors.append(
                FieldError(f"{prefix}.childIds", ErrorCode.REQUIRED, "Choisissez au moins un enfant.")
            )
            bad = True
        for j, child_id in enumerate(rep.child_ids):
            bad = known.unknown_child(f"{prefix}.childIds.{j}", child_id) or bad
        if not rep.unit_ids:
            known.errors.append(
                FieldError(
                    f"{prefix}.unitIds", ErrorCode.NO_UNIT, "Choisissez au moins une unité à recopier."
                )
            )
            bad = True
        for j, unit_id in enumerate(rep.unit_ids):
            bad = known.unknown_unit(f"{prefix}.unitIds.{j}", unit_id) or bad
        times: tuple[time, time] | bool | None = None
        quantity: int | bool | None = None
        if not bad and not rep.cancel:
            chosen = [known.units[u] for u in rep.unit_ids if u is not None]
            times = known.bad_times(prefix, chosen, rep.arrival, rep.departure)
            quantity = known.bad_quantity(prefix, chosen, rep.quantity)
            bad = times is False or quantity is False
        days = repeat_dates(
            Repeat(frozenset(rep.weekdays), rep.start, rep.end, rep.frequency), period.start, period.end
        )
        if isinstance(days, Refusal):
            known.errors.append(
                FieldError(_field(prefix, days.field or ""), _REPEAT_CODES[days.code], days.message)
            )
            continue
        if bad:
            continue
        # The copy reaches the days the activity runs from today on: holidays, closures and days gone
        # are simply not in it ("l'ensemble de la période" means what is left of it).
        open_days = [d for d in days if d >= day_now and day_status(calendar, d).open]
        if not open_days:
            known.errors.append(
                FieldError(
                    f"{prefix}.weekdays",
                    ErrorCode.NO_MATCHING_DAY,
                    "L'accueil n'est ouvert aucun des jours choisis sur ces dates.",
                )
            )
            continue
        first_index = {child_id: j for j, child_id in reversed(list(enumerate(rep.child_ids)))}
        child_field = {child_id: f"{prefix}.childIds.{j}" for child_id, j in first_index.items()}
        # Every id is known here (not None): the filters only tell the type checker so.
        child_ids = [child_id for child_id in rep.child_ids if child_id is not None]
        unit_ids = [unit_id for unit_id in rep.unit_ids if unit_id is not None]
        for change in expand_selection(child_ids, unit_ids, open_days, cancel=rep.cancel):
            dates = event_dates_of(known.units[change.unit])
            if dates and change.day not in dates:
                continue  # an event is reached on its own dates only, like a closed day is not reached
            hourly = known.units[change.unit].counted_in == hours.HOURS
            stay = times if isinstance(times, tuple) and hourly else None
            counted = known.units[change.unit].counted_in == quantities.QUANTITY
            items = quantity if counted and not isinstance(quantity, bool) else None
            asked.append(_Asked(change, child_field[change.child], True, prefix, stay, items))
    return asked


def _check_enrolled(
    catalogue: Catalogue,
    period: Period,
    asked: list[_Asked],
    children: dict[uuid.UUID, Child],
    enrolled: set[uuid.UUID],
) -> None:
    """Every child asked for must be enrolled in the period (one error per field)."""
    errors: list[FieldError] = []
    for a in asked:
        child_id = a.change.child
        if child_id not in enrolled:
            child = children[child_id]
            name = a.field if a.repeated else f"{a.field}.childId"
            message = (
                f"{child.first_name} n'est pas {inscrit(child.sex)} à « {period_path(catalogue, period)} »."
            )
            if not any(e.field == name and e.message == message for e in errors):
                errors.append(FieldError(name, ErrorCode.NOT_ENROLLED, message))
    if errors:
        raise UserErrors(errors)


# Keyed by str: a Refusal's code is a str (RepeatCode is a StrEnum, so its members are found).
_REPEAT_CODES: dict[str, ErrorCode] = {
    RepeatCode.END_BEFORE_START: ErrorCode.END_BEFORE_START,
    RepeatCode.RANGE_TOO_LONG: ErrorCode.RANGE_TOO_LONG,
    RepeatCode.OUTSIDE_PERIOD: ErrorCode.OUTSIDE_PERIOD,
    RepeatCode.NO_WEEKDAY: ErrorCode.REQUIRED,
    RepeatCode.INVALID_WEEKDAY: ErrorCode.INVALID,
    RepeatCode.NO_MATCHING_DAY: ErrorCode.NO_MATCHING_DAY,
    RepeatCode.TOO_MANY_CHANGES: ErrorCode.TOO_MANY_CHANGES,
    RepeatCode.DUPLICATE_CHANGE: ErrorCode.DUPLICATE_CHANGE,
}


async def plan_request(
    ctx: RequestContext, data: RequestData, *, lock: bool
) -> tuple[Plan, uuid.UUID, Catalogue]:
    """What each line of ``data`` would do now (with ``lock``: the period and the slots locked first,
    so that what is counted cannot change before it is written)."""
    await refuse_if_awaiting_validation(ctx, await viewer_household_id(ctx))
    if lock and data.period_id is not None:
        await _lock_period(ctx, data.period_id)
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id.get(data.period_id) if data.period_id else None
    if not isinstance(period, Period):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    household_id = await viewer_household_id(ctx)
    assert household_id is not None
    asked, children = await read_asked_changes(ctx, catalogue, period, data)
    activity: Activity = catalogue.by_id[period.activity_id]
    units = {u.id: u for u in catalogue.units_of(period.id)}
    # Locked (PostgreSQL), the slots' counters come with their locks.
    locked = await lock_slots(ctx.session, {(a.change.unit, a.change.day) for a in asked}) if lock else None
    days = [a.change.day for a in asked]
    first, last = min(days), max(days)
    existing = await _bookings_of_the_days(ctx, period, {a.change.child for a in asked}, first, last)
    if locked is None:
        # Places are counted only where there is a limit: an unlimited unit admits every booking.
        limited = [u for u in {a.change.unit for a in asked} if units[u].capacity is not None]
        locked = await slot_counts(ctx, limited, first, last)
    counts = locked  # each round of decisions starts from these counts (see ``_decided_lines``)
    quotient = await family_quotient(ctx, household_id)
    standing = await household_standing(
        ctx, household_id, residence=residence_matters([period], units.values())
    )
    policy = policy_of(activity)
    overdue = await invoices.overdue_message(ctx, household_id, activity)
    paid = await basket.paid_bookings(ctx, existing.values()) if policy.credit_paid_cancellations else set()
    taken = await _days_taken(ctx, period, asked, units)
    window = period_status(period, standing, ctx.now())
    suspension = standing.suspension_message if standing.suspended_at is not None else ""

    def new_decider() -> _LineDecider:
        return _LineDecider(
            household_id=household_id,
            now=ctx.now(),
            window=window,
            suspension=suspension,
            policy=policy,
            calendar=calendar_of(catalogue, period, ctx.settings),
            units=units,
            prices={u.id: unit_price(tariff_for(u, standing.resident), quotient) for u in units.values()},
            places=Places(*counts),
            active=_active_units(existing),
            overdue=overdue,
            paid=paid,
            event_dates={u.id: frozenset(event_dates_of(u)) for u in units.values() if u.event_dates},
            taken=Counter(taken),
        )

    lines = _decided_lines(asked, existing, children, units, new_decider)
    plan = Plan(period, period_path(catalogue, period), lines, _estimate(catalogue, activity, lines))
    return plan, household_id, catalogue


async def _days_taken(
    ctx: RequestContext, period: Period, asked: list[_Asked], units: dict[uuid.UUID, Unit]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """The days each child asked for has of each capped unit asked (``Unit.per_child_cap``) in the whole
    period, by (child, unit): one statement, and none when no unit asked is capped."""
    capped = {a.change.unit for a in asked if units[a.change.unit].per_child_cap is not None}
    if not capped:
        return {}
    rows = await ctx.session.exec(
        select(Booking.child_id, Booking.unit_id, sa.func.count())
        .where(
            col(Booking.child_id).in_({a.change.child for a in asked}),
            col(Booking.unit_id).in_(capped),
            Booking.period_id == period.id,
            col(Booking.state).in_([s.value for s in BookingState if is_active(s)]),
        )
        .group_by(col(Booking.child_id), col(Booking.unit_id))
    )
    return {(child_id, unit_id): count for child_id, unit_id, count in rows.all()}


async def _lock_period(ctx: RequestContext, period_id: uuid.UUID) -> None:
    # Staff changing the period's calendar or a unit's capacity lock it for update
    # (resolvers.catalogue_bookings): a booking is taken before they count what stands in their
    # way, or after, on their change.
    await ctx.session.exec(_PERIOD_SHARE_LOCK, params={"period_id": period_id})


async def _bookings_of_the_days(
    ctx: RequestContext, period: Period, child_ids: set[uuid.UUID], first: date, last: date
) -> dict[tuple[uuid.UUID, uuid.UUID, date], Booking]:
    """The children's bookings of the period from ``first`` to ``last``, by (child, unit, day)."""
    params = {"child_ids": list(child_ids), "period_id": period.id, "first": first, "last": last}
    rows = await ctx.session.exec(_DAYS_BOOKINGS_QUERY, params=params)
    return {(b.child_id, b.unit_id, b.day): b for b in rows.all()}


def _active_units(
    existing: dict[tuple[uuid.UUID, uuid.UUID, date], Booking],
) -> dict[tuple[uuid.UUID, date], set[uuid.UUID]]:
    """Units active per child and day, for units that exclude each other."""
    active: dict[tuple[uuid.UUID, date], set[uuid.UUID]] = {}
    for (child_id, unit_id, day), b in existing.items():
        if is_active(BookingState(b.state)):
            active.setdefault((child_id, day), set()).add(unit_id)
    return active


def _planned_lines(
    asked: list[_Asked],
    existing: dict[tuple[uuid.UUID, uuid.UUID, date], Booking],
    children: dict[uuid.UUID, Child],
    units: dict[uuid.UUID, Unit],
) -> list[PlannedLine]:
    """A line per change asked, numbered in the order asked, with the day's booking if any."""
    lines: list[PlannedLine] = []
    for position, a in enumerate(asked, start=1):
        c = a.change
        booking = existing.get((c.child, c.unit, c.day))
        # A repeat cancels the days that have something to cancel, and nothing else.
        if a.repeated and c.cancel and (booking is None or not is_active(BookingState(booking.state))):
            continue
        lines.append(
            PlannedLine(
                position,
                children[c.child],
                units[c.unit],
                c.day,
                c.cancel,
                booking=booking,
                source=a.source,
                times=a.times,
                quantity=a.quantity,
            )
        )
    return lines


def _decided_lines(
    asked: list[_Asked],
    existing: dict[tuple[uuid.UUID, uuid.UUID, date], Booking],
    children: dict[uuid.UUID, Child],
    units: dict[uuid.UUID, Unit],
    new_decider: Callable[[], _LineDecider],
) -> list[PlannedLine]:
    """Every line decided, linked units kept together (``portail.rules.linked_units``).

    A link can only be judged on the whole day: the line that books the morning may come after the meal's,
    or be refused (full, deadline) after the meal was taken. So the lines are decided, the days checked,
    and, when a link breaks, decided again from the start with the breaking lines refused (their places
    never taken): no statement is run again, and it ends, each round refusing more lines.
    """
    requires = {u.id: frozenset(required_units(u)) for u in units.values() if u.requires}
    refused: dict[int, LinkBreak[uuid.UUID]] = {}
    while True:
        lines = _planned_lines(asked, existing, children, units)
        decider = new_decider()
        # Cancellations first: a place or a unit they free may serve a booking of the same request.
        for line in sorted(lines, key=lambda line: not line.cancel):
            link = refused.get(line.position)
            if link is None:
                decider.decide(line)
            else:
                decider.refuse_link(line, link)
        if not requires:
            return lines
        broken = {p: b for p, b in _broken_links(lines, existing, requires).items() if p not in refused}
        if not broken:
            return lines
        refused.update(broken)


def _broken_links(
    lines: list[PlannedLine],
    existing: dict[tuple[uuid.UUID, uuid.UUID, date], Booking],
    requires: dict[uuid.UUID, frozenset[uuid.UUID]],
) -> dict[int, LinkBreak[uuid.UUID]]:
    """The lines (by position) that break a link on their child's day, as decided so far. A line taken
    counts as done, whatever staff or the basket may still say: the request is judged on what it asks."""
    days: dict[tuple[uuid.UUID, date], list[PlannedLine]] = {}
    for line in lines:
        if not line.refused:
            days.setdefault((line.child.id, line.day), []).append(line)
    before = _active_units(existing)
    broken: dict[int, LinkBreak[uuid.UUID]] = {}
    for key, day_lines in days.items():
        broken |= broken_links(
            requires,
            before.get(key, set()),
            {line.position: line.unit.id for line in day_lines if not line.cancel},
            {line.position: line.unit.id for line in day_lines if line.cancel},
        )
    return broken


@dataclass
class _LineDecider:
    """Decides each line of a request in turn, each seeing the places and units the previous took."""

    household_id: uuid.UUID
    now: datetime
    # Where the period's booking window stands for the household; why every line is refused when staff
    # suspended its online bookings, or "".
    window: WindowStatus
    suspension: str
    policy: BookingPolicy
    calendar: PeriodCalendar
    units: dict[uuid.UUID, Unit]
    prices: dict[uuid.UUID, int]
    places: Places
    active: dict[tuple[uuid.UUID, date], set[uuid.UUID]]
    # Why new bookings are refused to the household (invoices overdue), or "".
    overdue: str = ""
    # The existing bookings paid through the basket (their cancellation in time may be credited).
    paid: set[uuid.UUID] = field(default_factory=set)
    # Events: the only dates of each unit that has some (``portail.rules.events``).
    event_dates: dict[uuid.UUID, frozenset[date]] = field(default_factory=dict)
    # Capped units: the days each child has of them in the period, as the lines go (child, unit).
    taken: Counter[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=Counter)

    def decide(self, line: PlannedLine) -> None:
        """Give ``line`` its state, price and message (its refusal when it cannot be done)."""
        booking = line.booking
        current = BookingState(booking.state) if booking is not None else None
        held_back = (
            (LineRefusal.BOOKING_SUSPENDED, self.suspension)
            if self.suspension
            else window_refusal(self.window, cancel=line.cancel)
        )
        # A day the activity does not run says so first, whatever the window (as ``bookableDays``).
        if held_back is not None and (line.cancel or day_status(self.calendar, line.day).open):
            line.price = booking.price if booking is not None and line.cancel else self._price(line, False)
            line.refusal, line.message = held_back
            return
        was_active = is_active(current)
        outcome = self._cancel(line, current) if line.cancel else self._book(line, current)
        if outcome is None:
            return
        if isinstance(outcome, Refusal):
            line.refusal, line.message = outcome.code, outcome.message
            return
        if line.held:
            # Nothing moves before the basket is validated: the place stays held, the child expected.
            line.state = BookingState.PENDING
            line.message = (
                "Annulation à valider dans votre panier : la journée vous sera créditée "
                f"({format_amount(line.price)}), déduite de vos prochains paiements."
            )
            return
        line.state = outcome.state
        line.message = state_label(outcome.state) + late_note(line.cancel, line.late)
        if line.modifies:
            line.message = _modified_message(line)
        slot = (line.unit.id, line.day)
        self.places.move(slot, outcome)
        if outcome.state is BookingState.WAITING:
            line.waiting_position = self.places.waiting[slot]
        key = (line.child.id, line.day)
        if is_active(outcome.state):
            self.active.setdefault(key, set()).add(line.unit.id)
        else:
            self.active.get(key, set()).discard(line.unit.id)
        if line.unit.per_child_cap is not None:
            self.taken[(line.child.id, line.unit.id)] += int(is_active(outcome.state)) - int(was_active)

    def refuse_link(self, line: PlannedLine, link: LinkBreak[uuid.UUID]) -> None:
        """Refuse ``line``: it would break a link between units (``portail.rules.linked_units``)."""
        booking = line.booking
        line.price = booking.price if line.cancel and booking is not None else self._price(line, False)
        line.refusal = LineRefusal.LINKED_UNIT
        others = [self.units[u].name for u in link.others if u in self.units]
        line.message = link_message(line.unit.name, others, link.cancel)

    def _cancel(self, line: PlannedLine, current: BookingState | None) -> Transition | Refusal | None:
        booking = line.booking
        line.price = booking.price if booking is not None else self.prices[line.unit.id]
        if booking is not None and booking.household_id != self.household_id and is_active(current):
            # A child shared by two households: each cancels only what it booked.
            line.refusal = RefusalCode.NO_BOOKING.value
            line.message = (
                "Cette présence a été réservée depuis un autre compte : il lui revient de l'annuler."
            )
            return None
        if booking is not None and booking.cancel_held:
            line.refusal = RefusalCode.CANCELLATION_ALREADY_REQUESTED.value
            line.message = "L'annulation de ce jour attend déjà dans votre panier."
            return None
        in_time = deadlines.is_open(
            self.now, line.day, cancel_rule(line.unit), subdivision=self.calendar.holiday_subdivision
        )
        event = Event.CANCEL_BEFORE_DEADLINE if in_time else Event.CANCEL_AFTER_DEADLINE
        outcome = transition(current, event, Actor.FAMILY, self.policy)
        if isinstance(outcome, Refusal):
            return outcome
        line.late = still_charged(current, event, Actor.FAMILY, self.policy)
        paid = booking is not None and booking.id in self.paid
        line.held = held_in_basket(outcome.state, event, Actor.FAMILY, self.policy, paid)
        return outcome

    def _price(self, line: PlannedLine, late: bool) -> int:
        """The price of the line's day, of its stay for a unit counted in hours (each step begun), or of
        its items for a unit counted in quantities."""
        price = booking_price(self.prices[line.unit.id], line.unit.late_price, late)
        if line.quantity is not None:
            return quantities.quantity_price(price, line.quantity)
        if line.times is None:
            return price
        return hours.hours_price(price, *line.times, line.unit.step_minutes)

    def _modify(self, line: PlannedLine, current: BookingState) -> Transition | Refusal | None:
        """Book again a day booked with another quantity (or other times): the same booking, its place
        kept, re-priced, before the booking deadline. Only an accepted booking of the household's own,
        not paid through the basket, changes so (one waiting for a decision or a payment keeps what it
        asked, the amount staff or the basket hold)."""
        booking = line.booking
        assert booking is not None  # an active booking is being modified
        if booking.household_id != self.household_id:
            line.refusal = RefusalCode.NO_BOOKING.value
            line.message = (
                "Cette présence a été réservée depuis un autre compte : il lui revient de la modifier."
            )
            return None
        if current is not BookingState.ACCEPTED or booking.id in self.paid:
            line.refusal = RefusalCode.ALREADY_BOOKED.value
            line.message = (
                "Cette présence est déjà payée : annulez-la pour en réserver une autre."
                if booking.id in self.paid
                else "Cette présence attend encore une décision : elle se modifie une fois acceptée."
            )
            return None
        window = deadlines.booking_window(
            self.now,
            line.day,
            booking_rule(line.unit),
            takes_late=False,
            subdivision=self.calendar.holiday_subdivision,
        )
        if window is not BookingWindow.OPEN:
            line.refusal = LineRefusal.DEADLINE_PASSED
            line.message = (
                "La date limite de modification est dépassée "
                f"({deadlines.describe(booking_rule(line.unit))})."
            )
            return None
        line.modifies, line.previous_price = True, booking.price
        line.price = self._price(line, booking.booked_late)
        return Transition(current, current)

    def _book(self, line: PlannedLine, current: BookingState | None) -> Transition | Refusal | None:
        line.price = self._price(line, False)
        status = day_status(self.calendar, line.day)
        if not status.open:
            line.refusal, line.message = LineRefusal.CLOSED, f"Fermé ce jour-là ({status.label})."
            return None
        dates = self.event_dates.get(line.unit.id)
        if dates and not events.runs_on(dates, line.day):
            line.refusal = LineRefusal.NOT_EVENT_DAY
            line.message = events.not_an_event_day_message(line.unit.name, dates)
            return None
        if is_active(current):
            assert current is not None and line.booking is not None  # active: a booking
            if _modifies(line, line.booking):
                return self._modify(line, current)
            return transition(current, Event.BOOK, Actor.FAMILY, self.policy)
        if self.overdue:
            line.refusal, line.message = LineRefusal.OVERDUE_INVOICES, self.overdue
            return None
        window = deadlines.booking_window(
            self.now,
            line.day,
            booking_rule(line.unit),
            takes_late=line.unit.late_price is not None,
            subdivision=self.calendar.holiday_subdivision,
        )
        if window is BookingWindow.CLOSED:
            line.refusal = LineRefusal.DEADLINE_PASSED
            line.message = (
                f"La date limite de réservation est dépassée ({deadlines.describe(booking_rule(line.unit))})."
            )
            return None
        line.late = window is BookingWindow.LATE
        line.price = self._price(line, line.late)
        if _excluded(line, self.units, self.active):
            line.refusal = LineRefusal.EXCLUSIVE_UNIT
            line.message = f"« {line.unit.name} » ne se cumule pas avec une autre unité réservée ce jour-là."
            return None
        cap = line.unit.per_child_cap
        if not events.within_cap(cap, self.taken[(line.child.id, line.unit.id)], 0):
            assert cap is not None  # no cap admits every line
            line.refusal, line.message = LineRefusal.CAP_REACHED, events.cap_message(line.unit.name, cap)
            return None
        admission = self.places.admit((line.unit.id, line.day), line.unit.capacity, self.policy.waiting_list)
        event = Event.BOOK if admission is Admission.PLACE else Event.BOOK_WHEN_FULL
        return transition(current, event, Actor.FAMILY, self.policy)


def _modifies(line: PlannedLine, booking: Booking) -> bool:
    """Booking again a booked day asks another quantity, or other times, than the booking has."""
    times_changed = (
        line.times is not None
        and booking.arrival is not None
        and line.times
        != (
            booking.arrival,
            booking.departure,
        )
    )
    return quantities.modified(booking.quantity, line.quantity) or times_changed


def _modified_message(line: PlannedLine) -> str:
    """What a change of quantity (or of times) says: the new amount and the old one."""
    previous = format_amount(line.previous_price)
    if line.quantity is not None:
        return f"Quantité modifiée : {line.quantity} ({format_amount(line.price)} au lieu de {previous})."
    return f"Horaires modifiés ({format_amount(line.price)} au lieu de {previous})."


def _excluded(
    line: PlannedLine, units: dict[uuid.UUID, Unit], active: dict[tuple[uuid.UUID, date], set[uuid.UUID]]
) -> bool:
    group = line.unit.exclusive_group
    if not group:
        return False
    others = active.get((line.child.id, line.day), set()) - {line.unit.id}
    return any(units[u].exclusive_group == group for u in others if u in units)


def _estimate(catalogue: Catalogue, activity: Activity, lines: list[PlannedLine]) -> Estimate:
    """Booked days at this family's price, cancelled days taken off; waiting days cost nothing yet."""
    regie = catalogue.by_id.get(activity.regie_id) if activity.regie_id else None
    regie_name = regie.name if regie else activity.name
    counted: Counter[tuple[str, int]] = Counter()
    for line in lines:
        late = " HORS DÉLAI" if line.late else ""
        if line.modifies and line.state is not None:
            # The booking re-priced: the difference, added or taken off.
            counted[
                (f"{line.unit.name} MODIFIÉ – {line.child.first_name}", line.price - line.previous_price)
            ] += 1
        elif line.state in (BookingState.PENDING, BookingState.ACCEPTED) and not line.cancel:
            counted[(f"{line.unit.name} RÉSERVÉ{late} – {line.child.first_name}", line.price)] += 1
        elif (
            (line.state is BookingState.CANCELLED or line.held)
            and line.cancel
            # Cancelled past the deadline where the activity charges it: the day is billed all the same.
            and not line.late
            and line.booking is not None
            # Leaving the waiting line takes nothing off: the day was never counted.
            and line.booking.state in (BookingState.PENDING, BookingState.ACCEPTED)
        ):
            counted[(f"{line.unit.name} ANNULÉ – {line.child.first_name}", line.price)] -= 1
    return estimate(PriceLine(regie_name, label, qty, price) for (label, price), qty in counted.items())


async def preview(ctx: RequestContext, data: RequestData) -> Plan:
    """The summary of what ``data`` would do now, written nowhere."""
    plan, _, _ = await plan_request(ctx, data, lock=False)
    return plan


async def submit(ctx: RequestContext, data: RequestData, *, mail: bool = True) -> Plan:
    """Write the request (numbered), its lines and bookings; mail the family its state (unless the
    caller mails its own account of it: ``mail=False``)."""
    plan, household_id, catalogue = await plan_request(ctx, data, lock=True)
    if plan.state is None:
        raise UserErrors(nothing_to_submit(data, plan.lines))
    assert ctx.viewer is not None
    changes = BookingChanges(ctx)
    await changes.load_lines(line.booking.book_line_id for line in plan.lines if line.booking is not None)
    request = await _write_request(ctx, changes, catalogue, plan, household_id)
    for line in plan.lines:
        _write_line(changes, plan, request, household_id, line)
    await changes.flush()
    await _say_who_got_a_place(changes, catalogue, plan)
    await changes.restate_requests()
    # Days booked and waiting for payment, or paid days whose cancellation waits for the validation.
    held = any(line.state is BookingState.PENDING for line in plan.lines)
    plan.basket_entry = basket.hold(ctx, catalogue, request, held)
    plan.request = request
    plan.referent = await viewer_referent(ctx)
    if mail:
        send_mail(
            ctx,
            "booking_request_submitted",
            ctx.viewer.account.email,
            **mail_context(plan, request),
            link=client_link(ctx, BASKET_PATH if plan.basket_entry else HISTORY_PATH),
        )
    return plan


async def _write_request(
    ctx: RequestContext, changes: BookingChanges, catalogue: Catalogue, plan: Plan, household_id: uuid.UUID
) -> BookingRequest:
    """The request row, numbered (the number is taken last: its counter stays locked to the end),
    with the state its lines give it: written once, not restated from the rows just written (a
    place this very request frees for one of its own waiting lines restates it again)."""
    assert ctx.viewer is not None
    now = ctx.now()
    activity: Activity = catalogue.by_id[plan.period.activity_id]
    line_states = [line.stored_state for line in plan.lines if not line.refused]
    for_staff = waits_for_staff(policy_of(activity), paid=False)
    request = BookingRequest(
        number=await next_number(ctx.session, COUNTER),
        household_id=household_id,
        period_id=plan.period.id,
        requested_by=ctx.viewer.account.id,
        state=derived_state(line_states).value,
        awaiting_staff=any(state in for_staff for state in line_states),
        first_day=min(line.day for line in plan.lines),
        last_day=max(line.day for line in plan.lines),
        created_at=now,
        updated_at=now,
    )
    changes.add_request(request)
    return request


def _write_line(
    changes: BookingChanges,
    plan: Plan,
    request: BookingRequest,
    household_id: uuid.UUID,
    line: PlannedLine,
) -> None:
    """The line's row in the history, and what it does to the day's booking (new, booked again,
    cancelled)."""
    now = request.created_at  # the request's instant: its place in the waiting lines
    line.line_id = new_id()
    row = {
        "id": line.line_id,
        "request_id": request.id,
        "position": line.position,
        "child_id": line.child.id,
        "unit_id": line.unit.id,
        "day": line.day,
        "action": "cancel" if line.cancel else "book",
        "state": line.stored_state,
        "booking_id": None,
        "refusal": line.refusal,
        "message": line.message if line.refused else "",
        "price": line.price,
        "arrival": line.times[0] if line.times else None,
        "departure": line.times[1] if line.times else None,
        "quantity": line.quantity,
    }
    changes.add_line(row, restate=False)  # ``_write_request`` gave the request its state
    if line.state is None:
        return
    booking = line.booking
    if line.cancel and line.held:
        # Cancelled (and its line settled) when the basket is validated.
        assert booking is not None
        booking.cancel_held = True
        row["booking_id"] = booking.id
        return
    if line.cancel:
        assert booking is not None
        booking.cancel_line_id = line.line_id
        booking.cancelled_late = line.charged_cancellation
        row["booking_id"] = booking.id
        changes.apply(booking, line.state, Actor.FAMILY, request_id=request.id)
        return
    number = request.number
    if line.modifies:
        # The same booking, its place and state kept: its quantity (or times) and price change.
        assert booking is not None
        booking.price, booking.quantity = line.price, line.quantity
        if line.times is not None:
            booking.arrival, booking.departure = line.times
        booking.updated_at = now
        row["booking_id"] = booking.id
        return
    if booking is None:
        booking_id = new_id()
        changes.book(
            {
                "id": booking_id,
                "child_id": line.child.id,
                "unit_id": line.unit.id,
                "period_id": plan.period.id,
                "day": line.day,
                "household_id": household_id,
                "state": line.state.value,
                "book_line_id": line.line_id,
                "cancel_line_id": None,
                "price": line.price,
                "arrival": line.times[0] if line.times else None,
                "departure": line.times[1] if line.times else None,
                "quantity": line.quantity,
                "booked_late": line.late,
                "cancelled_late": False,
                "updated_at": now,
                "queued_at": now,
                "queue_number": number,
                "queue_line": line.position,
            },
            Actor.FAMILY,
            request.id,
        )
        row["booking_id"] = booking_id
        return
    # The day had an ended booking (cancelled, refused, expired): booked again, the same row.
    booking.household_id, booking.price = household_id, line.price
    booking.arrival, booking.departure = line.times or (None, None)
    booking.quantity = line.quantity
    booking.booked_late, booking.cancelled_late = line.late, False
    booking.book_line_id, booking.cancel_line_id = line.line_id, None
    booking.queued_at, booking.queue_number, booking.queue_line = now, number, line.position
    row["booking_id"] = booking.id
    changes.apply(booking, line.state, Actor.FAMILY, request_id=request.id)


async def _say_who_got_a_place(changes: BookingChanges, catalogue: Catalogue, plan: Plan) -> None:
    """Places this very request freed, given to one of its own waiting lines: say so on the line."""
    by_line = {line.line_id: line for line in plan.lines}
    for promoted in await changes.promote(catalogue):
        line = by_line.get(promoted.book_line_id)
        if line is not None:
            line.state = BookingState(promoted.state)
            line.message = state_label(line.state)


def nothing_to_submit(data: RequestData, lines: list[PlannedLine]) -> list[FieldError]:
    """One NOTHING_TO_SUBMIT per input item, at its place, saying why its lines are refused: a one-off
    change at ``changes.<i>.date`` (its line's reason), a repeat at ``repeats.<i>`` (its distinct
    reasons, or that it reached nothing to cancel)."""
    by_source: dict[str, list[PlannedLine]] = {}
    for line in lines:
        by_source.setdefault(line.source, []).append(line)
    errors: list[FieldError] = []
    for i in range(len(data.changes)):
        refused = by_source.get(f"changes.{i}", [])
        message = refused[0].message if refused else "Ce changement ne change rien."
        errors.append(FieldError(f"changes.{i}.date", ErrorCode.NOTHING_TO_SUBMIT, message))
    for i, rep in enumerate(data.repeats):
        refused = by_source.get(f"repeats.{i}", [])
        reasons = list(dict.fromkeys(line.message for line in refused if line.message))[:3]
        if reasons:
            message = "Aucun jour de cette recopie ne peut être enregistré : " + " ".join(reasons)
        elif rep.cancel:
            message = "Aucune présence à annuler ces jours-là."
        else:
            message = "Aucun jour de cette recopie ne peut être enregistré."
        errors.append(FieldError(f"repeats.{i}", ErrorCode.NOTHING_TO_SUBMIT, message))
    return errors


def mail_context(plan: Plan, request: BookingRequest) -> dict[str, Any]:
    """What the request mails print: number, path, state in the guide's words, lines, total."""
    state = RequestState(request.state)
    return {
        "number": request_number_text(request.number),
        "path": plan.path,
        "state": REQUEST_STATE_LABELS[state].upper(),
        "lines": [
            {
                "child": f"{line.child.first_name} {line.child.last_name}",
                "day": french_date(line.day),
                "unit": _unit_words(line),
                "action": "Annulation" if line.cancel else "Modification" if line.modifies else "Réservation",
                "outcome": line.message if line.state is None else state_label(line.state),  # None: refused
                "refused": line.refused,
            }
            for line in plan.lines
        ],
        "total": format_amount(plan.estimate.total),
        # Paid at booking: where and by when ("à régler avant"), else nothing is said about paying.
        "pay_before": french_moment(plan.basket_entry.pay_before) if plan.basket_entry else "",
    }


def _unit_words(line: PlannedLine) -> str:
    """The unit as a mail's line says it, with what was booked of it: "GARDERIE SOIR (16h30 – 17h50)",
    "REPAS À EMPORTER (× 3)" (the family checks the mail against what it meant to book)."""
    if line.times is not None:
        return f"{line.unit.name} ({hours.hour_text(line.times[0])} – {hours.hour_text(line.times[1])})"
    if line.quantity is not None:
        return f"{line.unit.name} ({quantities.quantity_text(line.quantity)})"
    return line.unit.name


# ---------------------------------------------------------------------------------------------
# Historique


@dataclass
class RequestView:
    """A request of the history with its lines."""

    request: BookingRequest
    lines: list[BookingLine]
    path: str
    referent: str | None = None  # None: not loaded yet (``referents`` loads them for a page)


@dataclass
class RequestPage:
    items: list[RequestView]
    has_next: bool


MAX_PAGE = 100


async def history(
    ctx: RequestContext,
    *,
    first: int,
    after: int | None,
    child_id: uuid.UUID | None,
    child_given: bool,
    state: str | None,
    period_id: uuid.UUID | None,
    period_given: bool,
) -> RequestPage:
    """The household's requests, newest first (by number), a page at a time."""
    household_id = await viewer_household_id(ctx)
    if child_given and (child_id is None or child_id not in await _own_children(ctx)):
        raise UserErrors.one("childId", ErrorCode.NOT_FOUND, "Cet enfant n'existe pas.")
    catalogue = await load_catalogue(ctx)
    if period_given and (period_id is None or not isinstance(catalogue.by_id.get(period_id), Period)):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    limit = max(1, min(first, MAX_PAGE))
    query = (
        # Who made each request ("Référent") comes in the same statement.
        # SQLAlchemy's select: SQLModel's is typed for at most 4 entities (same statement, same rows).
        sa.select(
            BookingRequest,
            col(Account.is_staff),
            col(Account.is_admin),
            col(Account.first_name),
            col(Guardian.first_name),
        )
        .join(Account, col(Account.id) == BookingRequest.requested_by)
        .outerjoin(Guardian, col(Guardian.id) == Account.guardian_id)
        .where(col(BookingRequest.household_id) == household_id)
        .order_by(col(BookingRequest.number).desc())
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(col(BookingRequest.number) < after)
    if state is not None:
        query = query.where(col(BookingRequest.state) == state)
    if period_id is not None:
        query = query.where(col(BookingRequest.period_id) == period_id)
    if child_id is not None:
        query = query.where(
            exists().where(
                col(BookingLine.request_id) == BookingRequest.id, col(BookingLine.child_id) == child_id
            )
        )
    rows = list((await ctx.session.exec(query)).all())
    page = rows[:limit]
    lines = await lines_of(ctx, [r.id for r, *_ in page])
    return RequestPage(
        [
            RequestView(
                r,
                lines.get(r.id, []),
                period_path(catalogue, catalogue.by_id[r.period_id]),
                referent_name(is_staff or is_admin, guardian_name, account_name),
            )
            for r, is_staff, is_admin, account_name, guardian_name in page
        ],
        len(rows) > limit,
    )


@dataclass
class RequestedPeriod:
    """A period the household has made requests in, for "Historique"'s filter."""

    period: Period
    path: str


async def history_periods(ctx: RequestContext) -> list[RequestedPeriod]:
    """The periods of the household's requests, latest first: every choice "Historique"'s period filter
    offers, whichever page of requests is loaded."""
    household_id = await viewer_household_id(ctx)
    period_ids = set(
        (
            await ctx.session.exec(
                select(BookingRequest.period_id)
                .where(col(BookingRequest.household_id) == household_id)
                .distinct()
            )
        ).all()
    )
    catalogue = await load_catalogue(ctx)
    periods = [p for p in (catalogue.by_id.get(i) for i in period_ids) if isinstance(p, Period)]
    periods.sort(key=lambda p: (p.start, p.name), reverse=True)
    return [RequestedPeriod(p, period_path(catalogue, p)) for p in periods]


STAFF_REFERENT = "Service enfance"


def referent_name(staff: bool, guardian_first_name: str | None, account_first_name: str) -> str:
    """Who made a request, as the "Référent" column of "Historique" says it: the first name of the
    guardian whose account submitted it (the guide shows "Lola"), or the childhood service when staff
    made it on the family's behalf (an agent's own name is not the family's business)."""
    if staff or guardian_first_name is None:
        return STAFF_REFERENT
    return guardian_first_name or account_first_name


async def viewer_referent(ctx: RequestContext) -> str:
    """``referent_name`` of the signed-in account, from what the request has already read."""
    assert ctx.viewer is not None
    guardian = await viewer_guardian(ctx)
    account = ctx.viewer.account
    return referent_name(ctx.viewer.is_staff, guardian.first_name if guardian else None, account.first_name)


async def referents(ctx: RequestContext, account_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """``referent_name`` of each account of ``account_ids``, in one statement."""
    wanted = set(account_ids)
    if not wanted:
        return {}
    rows = await ctx.session.exec(
        # SQLAlchemy's select: SQLModel's is typed for at most 4 entities (same statement, same rows).
        sa.select(
            col(Account.id),
            col(Account.is_staff),
            col(Account.is_admin),
            col(Account.first_name),
            col(Guardian.first_name),
        )
        .outerjoin(Guardian, col(Guardian.id) == Account.guardian_id)
        .where(col(Account.id).in_(wanted))
    )
    return {
        account_id: referent_name(is_staff or is_admin, guardian_name, account_name)
        for account_id, is_staff, is_admin, account_name, guardian_name in rows.all()
    }


async def lines_of(
    ctx: RequestContext, request_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[BookingLine]]:
    """The lines of ``request_ids`` in their order, in one statement."""
    if not request_ids:
        return {}
    rows = (
        await ctx.session.exec(
            select(BookingLine)
            .where(col(BookingLine.request_id).in_(request_ids))
            .order_by(col(BookingLine.request_id), col(BookingLine.position))
        )
    ).all()
    result: dict[uuid.UUID, list[BookingLine]] = {}
    for row in rows:
        result.setdefault(row.request_id, []).append(row)
    return result


def child_name(child: Child) -> str:
    """A child as a request's lines name it: first and last name."""
    return f"{child.first_name} {child.last_name}"


@dataclass
class RequestLineDetail:
    """A line of a request as the history shows it, with its child and unit."""

    id: uuid.UUID
    position: int
    child: Child
    unit: Unit
    day: date
    cancel: bool
    state: str  # the line's own state (see ``BookingLine``), a ``BookingState`` value
    refusal: str  # a ``LineRefusal`` name; empty when not refused when submitted
    message: str
    price: int
    # What the line asked of a unit counted in hours or quantities (None: by the day).
    times: tuple[time, time] | None = None
    quantity: int | None = None

    @property
    def child_name(self) -> str:
        return child_name(self.child)


@dataclass
class RequestDetail:
    """A request of the history, the queue or a decision, with everything its lines name."""

    request: BookingRequest
    path: str
    children: list[str]  # the first names of the children it concerns, each once, in the lines' order
    lines: list[RequestLineDetail]
    referent: str
    household_name: str | None = None  # staff's queue only


async def request_details(
    ctx: RequestContext, views: list[RequestView], households: dict[uuid.UUID, str] | None = None
) -> list[RequestDetail]:
    """``views`` with their children, units and referents, in a fixed number of statements;
    ``households`` (staff) names each request's household (None: families, who are not told)."""
    catalogue = await load_catalogue(ctx)
    children = await children_by_id(ctx, {line.child_id for v in views for line in v.lines})
    names = await referents(ctx, {v.request.requested_by for v in views if v.referent is None})
    return [
        RequestDetail(
            request=v.request,
            path=v.path,
            children=list(dict.fromkeys(children[line.child_id].first_name for line in v.lines)),
            lines=[
                RequestLineDetail(
                    id=line.id,
                    position=line.position,
                    child=children[line.child_id],
                    unit=catalogue.by_id[line.unit_id],
                    day=line.day,
                    cancel=line.action == "cancel",
                    state=line.state,
                    refusal=line.refusal,
                    message=line.message,
                    price=line.price,
                    times=(line.arrival, line.departure) if line.arrival and line.departure else None,
                    quantity=line.quantity,
                )
                for line in v.lines
            ],
            referent=v.referent if v.referent is not None else names[v.request.requested_by],
            household_name=households.get(v.request.household_id) if households is not None else None,
        )
        for v in views
    ]


def submitted_request(plan: Plan) -> RequestDetail:
    """The request ``submit`` just wrote, from what was written (no need to read it back)."""
    assert plan.request is not None
    lines = []
    for line in plan.lines:
        assert line.line_id is not None  # every line of a submitted plan was written
        lines.append(
            RequestLineDetail(
                id=line.line_id,
                position=line.position,
                child=line.child,
                unit=line.unit,
                day=line.day,
                cancel=line.cancel,
                state=line.stored_state,
                refusal=line.refusal,
                # The history keeps a message only for refused lines (the outcome's words are the state's).
                message=line.message if line.refused else "",
                price=line.price,
                times=line.times,
                quantity=line.quantity,
            )
        )
    return RequestDetail(
        request=plan.request,
        path=plan.path,
        children=list(dict.fromkeys(line.child.first_name for line in plan.lines)),
        lines=lines,
        referent=plan.referent,
    )

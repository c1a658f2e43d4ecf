"""Booking requests ("Ajouter une demande de réservation"): one-off days and repeats ("MODE RECOPIE"),
bookings and cancellations ("Cette demande", "Plus de jours"), previewed and submitted alike, and
the family's history ("Historique").

``preview`` and ``submit`` run the same plan; submit takes the slot locks first, so that what it
counts cannot change under it, then writes the request, its lines and bookings in one transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, exists, select

from portail.db.locks import lock_slots, next_number
from portail.db.models import Child
from portail.db.models.base import new_id
from portail.db.models.bookings import Booking, BookingLine, BookingRequest
from portail.db.models.catalogue import Activity, Enrolment, Period, Unit
from portail.resolvers.booking_changes import Changes, book_line_state, policy_of, slot_counts
from portail.resolvers.catalogue import (
    Catalogue,
    booking_rule,
    calendar_of,
    cancel_rule,
    family_quotient,
    load_catalogue,
    period_path,
    tariff_of,
    today,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import household_children, viewer_household_id
from portail.resolvers.mail import send_mail
from portail.rules import deadlines
from portail.rules.booking_states import (
    REQUEST_STATE_LABELS,
    Actor,
    BookingState,
    Refusal,
    RefusalCode,
    RequestState,
    is_active,
    request_state,
    state_label,
    transition,
)
from portail.rules.booking_states import BookingEvent as Event
from portail.rules.calendar import day_status
from portail.rules.capacity import Admission, admit
from portail.rules.pricing import Estimate, PriceLine, estimate, format_amount, unit_price
from portail.rules.repeat import (
    MAX_CHANGES,
    Change,
    Frequency,
    Repeat,
    RepeatCode,
    check_changes,
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
    booking: Booking | None = None
    waiting_position: int | None = None
    line_id: uuid.UUID | None = None  # once submitted

    @property
    def refused(self) -> bool:
        return self.state is None

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

    @property
    def state(self) -> RequestState | None:
        """The state the request has (or would have); None when no line changes anything."""
        states = [line.state for line in self.lines if line.state is not None]
        return request_state(states) if states else None


def _field(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if name else prefix


async def _own_children(ctx: RequestContext) -> dict[uuid.UUID, Child]:
    return {c.id: c for c in await household_children(ctx, await viewer_household_id(ctx))}


async def _enrolled(
    ctx: RequestContext, period_id: uuid.UUID, children: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    rows = (
        await ctx.session.exec(
            select(Enrolment.child_id).where(
                Enrolment.period_id == period_id,
                Enrolment.state == "accepted",
                col(Enrolment.child_id).in_(set(children)),
            )
        )
    ).all()
    return set(rows)


@dataclass
class _Asked:
    """A change as asked: where it came from (for error fields) and whether a repeat made it."""

    change: Change
    field: str
    repeated: bool


async def _asked_changes(
    ctx: RequestContext, catalogue: Catalogue, period: Period, data: RequestData
) -> tuple[list[_Asked], dict[uuid.UUID, Child]]:
    """The changes the input asks for, in order; every malformed part is a field-named error."""
    errors: list[FieldError] = []
    children = await _own_children(ctx)
    units = {u.id: u for u in catalogue.units_of(period.id)}
    calendar = calendar_of(catalogue, period)
    span = f"du {french_date(period.start)} au {french_date(period.end)}"
    day_now = today(ctx)
    if not data.changes and not data.repeats:
        errors.append(
            FieldError("changes", ErrorCode.REQUIRED, "Choisissez au moins un jour à réserver ou annuler.")
        )
    if len(data.changes) > MAX_CHANGES:
        # Refused before anything is looked up: a huge list costs nothing to turn down.
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

    def child_error(name: str, child_id: uuid.UUID | None) -> bool:
        if child_id not in children:
            errors.append(FieldError(name, ErrorCode.NOT_FOUND, "Cet enfant n'existe pas."))
            return True
        return False

    def unit_error(name: str, unit_id: uuid.UUID | None) -> bool:
        if unit_id not in units:
            errors.append(
                FieldError(name, ErrorCode.NOT_FOUND, "Cette unité n'existe pas dans cette période.")
            )
            return True
        return False

    asked: list[_Asked] = []
    for i, change in enumerate(data.changes):
        prefix = f"changes.{i}"
        bad = child_error(f"{prefix}.childId", change.child_id)
        bad = unit_error(f"{prefix}.unitId", change.unit_id) or bad
        if not period.start <= change.day <= period.end:
            errors.append(
                FieldError(
                    f"{prefix}.date",
                    ErrorCode.OUTSIDE_PERIOD,
                    f"Le {french_date(change.day)} est en dehors de la période ({span}).",
                )
            )
            bad = True
        if not bad:
            asked.append(
                _Asked(Change(change.child_id, change.unit_id, change.day, change.cancel), prefix, False)
            )
    for i, rep in enumerate(data.repeats):
        prefix = f"repeats.{i}"
        bad = False
        if not rep.child_ids:
            errors.append(
                FieldError(f"{prefix}.childIds", ErrorCode.REQUIRED, "Choisissez au moins un enfant.")
            )
            bad = True
        for j, child_id in enumerate(rep.child_ids):
            bad = child_error(f"{prefix}.childIds.{j}", child_id) or bad
        if not rep.unit_ids:
            errors.append(
                FieldError(
                    f"{prefix}.unitIds", ErrorCode.NO_UNIT, "Choisissez au moins une unité à recopier."
                )
            )
            bad = True
        for j, unit_id in enumerate(rep.unit_ids):
            bad = unit_error(f"{prefix}.unitIds.{j}", unit_id) or bad
        days = repeat_dates(
            Repeat(frozenset(rep.weekdays), rep.start, rep.end, rep.frequency), period.start, period.end
        )
        if isinstance(days, Refusal):
            errors.append(
                FieldError(_field(prefix, days.field or ""), _REPEAT_CODES[days.code], days.message)
            )
            continue
        if bad:
            continue
        # The copy reaches the days the activity runs from today on: holidays, closures and days gone
        # are simply not in it ("l'ensemble de la période" means what is left of it).
        open_days = [d for d in days if d >= day_now and day_status(calendar, d).open]
        if not open_days:
            errors.append(
                FieldError(
                    f"{prefix}.weekdays",
                    ErrorCode.NO_MATCHING_DAY,
                    "L'accueil n'est ouvert aucun des jours choisis sur ces dates.",
                )
            )
            continue
        first_index = {child_id: j for j, child_id in reversed(list(enumerate(rep.child_ids)))}
        for child_id, j in sorted(first_index.items(), key=lambda item: item[1]):
            for day in open_days:
                for unit_id in dict.fromkeys(rep.unit_ids):
                    asked.append(
                        _Asked(Change(child_id, unit_id, day, rep.cancel), f"{prefix}.childIds.{j}", True)
                    )
    if errors:
        raise UserErrors(errors)
    refusal = check_changes(a.change for a in asked)
    if refusal is not None:
        raise UserErrors.one(refusal.field or "changes", _REPEAT_CODES[refusal.code], refusal.message)
    asked_children = {a.change.child for a in asked}
    enrolled = await _enrolled(ctx, period.id, list(asked_children))  # type: ignore[arg-type]
    for a in asked:
        child_id = a.change.child
        if child_id not in enrolled:
            child = children[child_id]  # type: ignore[index]
            name = a.field if a.repeated else f"{a.field}.childId"
            message = f"{child.first_name} n'est pas inscrit(e) à « {period_path(catalogue, period)} »."
            if not any(e.field == name and e.message == message for e in errors):
                errors.append(FieldError(name, ErrorCode.NOT_ENROLLED, message))
    if errors:
        raise UserErrors(errors)
    return asked, children


_REPEAT_CODES = {
    RepeatCode.END_BEFORE_START: ErrorCode.END_BEFORE_START,
    RepeatCode.RANGE_TOO_LONG: ErrorCode.RANGE_TOO_LONG,
    RepeatCode.OUTSIDE_PERIOD: ErrorCode.OUTSIDE_PERIOD,
    RepeatCode.NO_WEEKDAY: ErrorCode.REQUIRED,
    RepeatCode.INVALID_WEEKDAY: ErrorCode.INVALID,
    RepeatCode.NO_MATCHING_DAY: ErrorCode.NO_MATCHING_DAY,
    RepeatCode.NO_UNIT: ErrorCode.NO_UNIT,
    RepeatCode.TOO_MANY_CHANGES: ErrorCode.TOO_MANY_CHANGES,
    RepeatCode.DUPLICATE_CHANGE: ErrorCode.DUPLICATE_CHANGE,
}


async def _plan(ctx: RequestContext, data: RequestData, *, lock: bool) -> tuple[Plan, uuid.UUID, Catalogue]:
    if lock and data.period_id is not None:
        # Staff changing the period's calendar or a unit's capacity lock it for update
        # (resolvers.catalogue_bookings): a booking is taken before they count what stands in their
        # way, or after, on their change.
        await ctx.session.exec(
            select(Period.id).where(Period.id == data.period_id).with_for_update(read=True)
        )
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id.get(data.period_id) if data.period_id else None
    if not isinstance(period, Period):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    household_id = await viewer_household_id(ctx)
    assert household_id is not None
    asked, children = await _asked_changes(ctx, catalogue, period, data)
    activity: Activity = catalogue.by_id[period.activity_id]
    policy = policy_of(activity)
    units = {u.id: u for u in catalogue.units_of(period.id)}
    if lock:
        await lock_slots(ctx.session, {(a.change.unit, a.change.day) for a in asked})  # type: ignore[misc]
    days = [a.change.day for a in asked]
    first, last = min(days), max(days)
    child_ids = {a.change.child for a in asked}
    existing = {
        (b.child_id, b.unit_id, b.day): b
        for b in (
            await ctx.session.exec(
                select(Booking).where(
                    col(Booking.child_id).in_(child_ids),
                    Booking.period_id == period.id,
                    col(Booking.day).between(first, last),
                )
            )
        ).all()
    }
    # Places are counted only where there is a limit: an unlimited unit admits every booking.
    limited = [u for u in {a.change.unit for a in asked} if units[u].capacity is not None]  # type: ignore[index]
    held, waiting = await slot_counts(ctx, limited, first, last)
    quotient = await family_quotient(ctx, household_id)
    prices = {u.id: unit_price(tariff_of(u), quotient) for u in units.values()}
    # Units active per child and day, for units that exclude each other.
    active: dict[tuple[uuid.UUID, date], set[uuid.UUID]] = {}
    for (child_id, unit_id, day), b in existing.items():
        if is_active(BookingState(b.state)):
            active.setdefault((child_id, day), set()).add(unit_id)
    calendar = calendar_of(catalogue, period)
    now = ctx.now()
    lines: list[PlannedLine] = []
    for position, a in enumerate(asked, start=1):
        c = a.change
        booking = existing.get((c.child, c.unit, c.day))  # type: ignore[arg-type]
        # A repeat cancels the days that have something to cancel, and nothing else.
        if a.repeated and c.cancel and (booking is None or not is_active(BookingState(booking.state))):
            continue
        lines.append(
            PlannedLine(position, children[c.child], units[c.unit], c.day, c.cancel, booking=booking)  # type: ignore[index]
        )
    # Cancellations first: a place or a unit they free may serve a booking of the same request.
    for line in sorted(lines, key=lambda line: not line.cancel):
        slot = (line.unit.id, line.day)
        booking = line.booking
        current = BookingState(booking.state) if booking is not None else None
        if line.cancel:
            line.price = booking.price if booking is not None else prices[line.unit.id]
            if booking is not None and booking.household_id != household_id and is_active(current):
                # A child shared by two households: each cancels only what it booked.
                line.refusal = RefusalCode.NO_BOOKING.value
                line.message = (
                    "Cette présence a été réservée depuis un autre compte : il lui revient de l'annuler."
                )
                continue
            in_time = deadlines.is_open(now, line.day, cancel_rule(line.unit))
            event = Event.CANCEL_BEFORE_DEADLINE if in_time else Event.CANCEL_AFTER_DEADLINE
            outcome = transition(current, event, Actor.FAMILY, policy)
        else:
            line.price = prices[line.unit.id]
            status = day_status(calendar, line.day)
            if not status.open:
                line.refusal, line.message = LineRefusal.CLOSED, f"Fermé ce jour-là ({status.label})."
                continue
            if is_active(current):
                outcome = transition(current, Event.BOOK, Actor.FAMILY, policy)
            elif not deadlines.is_open(now, line.day, booking_rule(line.unit)):
                line.refusal = LineRefusal.DEADLINE_PASSED
                line.message = (
                    "La date limite de réservation est dépassée "
                    f"({deadlines.describe(booking_rule(line.unit))})."
                )
                continue
            elif _excluded(line, units, active):
                line.refusal = LineRefusal.EXCLUSIVE_UNIT
                line.message = (
                    f"« {line.unit.name} » ne se cumule pas avec une autre unité réservée ce jour-là."
                )
                continue
            else:
                admission = admit(line.unit.capacity, held[slot], policy.waiting_list, waiting[slot])
                event = Event.BOOK if admission is Admission.PLACE else Event.BOOK_WHEN_FULL
                outcome = transition(current, event, Actor.FAMILY, policy)
        if isinstance(outcome, Refusal):
            line.refusal, line.message = outcome.code, outcome.message
            continue
        line.state = outcome.state
        line.message = state_label(outcome.state)
        if outcome.takes_place:
            held[slot] += 1
        if outcome.frees_place:
            held[slot] -= 1
        key = (line.child.id, line.day)
        if outcome.state is BookingState.WAITING:
            waiting[slot] += 1
            line.waiting_position = waiting[slot]
        elif current is BookingState.WAITING:
            waiting[slot] -= 1
        if is_active(outcome.state):
            active.setdefault(key, set()).add(line.unit.id)
        else:
            active.get(key, set()).discard(line.unit.id)
    plan = Plan(period, period_path(catalogue, period), lines, _estimate(catalogue, activity, lines))
    return plan, household_id, catalogue


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
    quantities: Counter[tuple[str, int]] = Counter()
    for line in lines:
        if line.state in (BookingState.PENDING, BookingState.ACCEPTED) and not line.cancel:
            quantities[(f"{line.unit.name} RÉSERVÉ – {line.child.first_name}", line.price)] += 1
        elif (
            line.state is BookingState.CANCELLED
            and line.cancel
            and line.booking is not None
            # Leaving the waiting line takes nothing off: the day was never counted.
            and line.booking.state in (BookingState.PENDING, BookingState.ACCEPTED)
        ):
            quantities[(f"{line.unit.name} ANNULÉ – {line.child.first_name}", line.price)] -= 1
    return estimate(PriceLine(regie_name, label, qty, price) for (label, price), qty in quantities.items())


async def preview(ctx: RequestContext, data: RequestData) -> Plan:
    """The summary of what ``data`` would do now, written nowhere."""
    plan, _, _ = await _plan(ctx, data, lock=False)
    return plan


async def submit(ctx: RequestContext, data: RequestData) -> Plan:
    """Write the request (numbered), its lines and bookings; mail the family its state."""
    plan, household_id, catalogue = await _plan(ctx, data, lock=True)
    if plan.state is None:
        reasons = sorted({line.message for line in plan.lines if line.message})[:3]
        raise UserErrors.one(
            None,
            ErrorCode.NOTHING_TO_SUBMIT,
            "Aucun changement ne peut être enregistré" + (" : " + " ".join(reasons) if reasons else "."),
        )
    assert ctx.viewer is not None
    s = ctx.session
    now = ctx.now()
    changes = Changes(ctx)
    await changes.load_lines(
        line.booking.book_line_id for line in plan.lines if line.booking is not None
    )
    number = await next_number(s, COUNTER)
    request = BookingRequest(
        number=number,
        household_id=household_id,
        period_id=plan.period.id,
        requested_by=ctx.viewer.account.id,
        first_day=min(line.day for line in plan.lines),
        last_day=max(line.day for line in plan.lines),
        created_at=now,
        updated_at=now,
    )
    s.add(request)
    await s.flush()
    for line in plan.lines:
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
        }
        changes.add_line(row)
        if line.state is None:
            continue
        booking = line.booking
        if line.cancel:
            assert booking is not None
            booking.cancel_line_id = line.line_id
            row["booking_id"] = booking.id
            changes.apply(booking, line.state, Actor.FAMILY, request_id=request.id)
            continue
        queue = {"queued_at": now, "queue_number": number, "queue_line": line.position}
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
                    "updated_at": now,
                    **queue,
                },
                Actor.FAMILY,
                request.id,
            )
            row["booking_id"] = booking_id
            continue
        # The day had an ended booking (cancelled, refused, expired): booked again, the same row.
        booking.household_id, booking.price = household_id, line.price
        booking.book_line_id, booking.cancel_line_id = line.line_id, None
        booking.queued_at, booking.queue_number, booking.queue_line = now, number, line.position
        row["booking_id"] = booking.id
        changes.apply(booking, line.state, Actor.FAMILY, request_id=request.id)
    await changes.flush()
    by_line = {line.line_id: line for line in plan.lines}
    for promoted in await changes.promote(catalogue):
        # A place this very request freed, given to one of its own waiting lines: say so.
        line = by_line.get(promoted.book_line_id)
        if line is not None:
            line.state = BookingState(promoted.state)
            line.message = state_label(line.state)
    await changes.restate_requests()
    plan.request = request
    send_mail(
        ctx,
        "booking_request_submitted",
        ctx.viewer.account.email,
        **mail_context(plan, request),
    )
    return plan


def mail_context(plan: Plan, request: BookingRequest) -> dict[str, object]:
    """What the request mails print: number, path, state in the guide's words, lines, total."""
    state = RequestState(request.state)
    return {
        "number": f"{request.number:06d}",
        "path": plan.path,
        "state": REQUEST_STATE_LABELS[state].upper(),
        "lines": [
            {
                "child": f"{line.child.first_name} {line.child.last_name}",
                "day": french_date(line.day),
                "unit": line.unit.name,
                "action": "Annulation" if line.cancel else "Réservation",
                "outcome": line.message if line.refused else state_label(line.state),  # type: ignore[arg-type]
                "refused": line.refused,
            }
            for line in plan.lines
        ],
        "total": format_amount(plan.estimate.total),
    }


# ---------------------------------------------------------------------------------------------
# Historique


@dataclass
class RequestView:
    """A request of the history with its lines."""

    request: BookingRequest
    lines: list[BookingLine]
    path: str


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
    if period_given and not isinstance(catalogue.by_id.get(period_id), Period):  # type: ignore[arg-type]
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    limit = max(1, min(first, MAX_PAGE))
    query = (
        select(BookingRequest)
        .where(BookingRequest.household_id == household_id)
        .order_by(col(BookingRequest.number).desc())
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(BookingRequest.number < after)
    if state is not None:
        query = query.where(BookingRequest.state == state)
    if period_id is not None:
        query = query.where(BookingRequest.period_id == period_id)
    if child_id is not None:
        query = query.where(
            exists().where(BookingLine.request_id == BookingRequest.id, BookingLine.child_id == child_id)
        )
    rows = list((await ctx.session.exec(query)).all())
    page = rows[:limit]
    lines = await lines_of(ctx, [r.id for r in page])
    return RequestPage(
        [
            RequestView(r, lines.get(r.id, []), period_path(catalogue, catalogue.by_id[r.period_id]))
            for r in page
        ],
        len(rows) > limit,
    )


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

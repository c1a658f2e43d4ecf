"""The staff side of bookings: the queue of requests awaiting a decision, decisions (whole requests or
some lines), the attendance list of a day, and the places taken per unit and day."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import col, select

from portail.db.locks import lock_slots
from portail.db.models import Account, Attendance, Child, Household
from portail.db.models.bookings import Booking, BookingEvent, BookingLine, BookingRequest
from portail.db.models.catalogue import Activity, Enrolment, Period, Unit
from portail.resolvers.booking_changes import (
    AWAITING_STAFF,
    BookingChanges,
    paid_requests,
    policy_of,
    request_authors,
)
from portail.resolvers.booking_requests import (
    MAX_PAGE,
    RequestDetail,
    RequestView,
    lines_of,
    request_details,
)
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path, required_units
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import children_by_id
from portail.resolvers.mail import HISTORY_PATH, client_link, send_mail
from portail.resolvers.planning import check_range
from portail.resolvers.validation import Validator
from portail.rules.booking_states import (
    ACTIVE_STATES,
    PLACE_HOLDING_VALUES,
    REQUEST_STATE_LABELS,
    Actor,
    BookingState,
    Refusal,
    RequestState,
    is_active,
    request_number_text,
    staff_decision_event,
    state_label,
    transition,
)
from portail.rules.capacity import places_left
from portail.rules.linked_units import carried_along, carried_message, staff_link_message
from portail.rules.repeat import french_date

MAX_DECISIONS = 2000


@dataclass
class QueuePage:
    items: list[RequestView]
    households: dict[uuid.UUID, str]
    total: int
    has_next: bool


async def queue(ctx: RequestContext, *, first: int, after: int | None) -> QueuePage:
    """Requests with a line awaiting staff (a booking to accept, a cancellation request), oldest first."""
    limit = max(1, min(first, MAX_PAGE))
    query = (
        select(BookingRequest)
        .where(col(BookingRequest.awaiting_staff).is_(True))
        .order_by(col(BookingRequest.number))
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(BookingRequest.number > after)
    rows = list((await ctx.session.exec(query)).all())
    total = (
        await ctx.session.exec(
            select(func.count())
            .select_from(BookingRequest)
            .where(col(BookingRequest.awaiting_staff).is_(True))
        )
    ).one()
    page = rows[:limit]
    lines = await lines_of(ctx, [r.id for r in page])
    catalogue = await load_catalogue(ctx)
    names = dict(
        (
            await ctx.session.exec(
                select(Household.id, Household.name).where(
                    col(Household.id).in_({r.household_id for r in page})
                )
            )
        ).all()
    )
    return QueuePage(
        [
            RequestView(r, lines.get(r.id, []), period_path(catalogue, catalogue.by_id[r.period_id]))
            for r in page
        ],
        names,
        total,
        len(rows) > limit,
    )


async def decide(
    ctx: RequestContext, ids: list[uuid.UUID | None], accept: bool, reason: str
) -> list[BookingRequest]:
    """Accept or refuse the lines named by ``ids`` (line ids, or request ids: all their lines awaiting
    staff). A refused booking frees its place for the waiting line; each family is mailed."""
    reason = _check_decision(ids, accept, reason)
    targets = await _lines_to_decide(ctx, ids)
    catalogue = await load_catalogue(ctx)
    # The other bookings of the days a decision takes units off, where units are linked: read here, then
    # locked with the decided ones (one lock, in order).
    siblings = await _linked_siblings(ctx, catalogue, targets, accept)
    bookings = await _lock_bookings(
        ctx, {line.booking_id for line in targets.values() if line.booking_id is not None} | siblings
    )
    changes = BookingChanges(ctx)
    await changes.load_lines(
        [
            *targets,
            *(b.book_line_id for b in bookings.values()),
            *(b.cancel_line_id for b in bookings.values() if b.id in siblings),
        ]
    )
    decided: dict[uuid.UUID, list[BookingLine]] = {}
    # Whether a basket was paid is asked only for lines of activities paid at booking (the linked
    # bookings' own lines too: a day of an unpaid basket cannot follow a decision).
    considered = [*targets.values()]
    for b in bookings.values():
        if b.id in siblings and b.book_line_id is not None and b.book_line_id in changes.lines:
            considered.append(changes.lines[b.book_line_id])
    in_basket = {
        line.request_id
        for line in considered
        if line.booking_id in bookings
        and policy_of(
            catalogue.by_id[catalogue.by_id[bookings[line.booking_id].period_id].activity_id]
        ).paid_at_booking
    }
    paid = await paid_requests(ctx, in_basket) if in_basket else set()
    carried = _carry_links(ids, catalogue, changes, bookings, paid, targets, accept) if siblings else {}
    for line_id in sorted(
        [*targets, *carried], key=lambda i: (changes.lines[i].request_id, changes.lines[i].position)
    ):
        line = changes.lines[line_id]
        _decide_line(changes, catalogue, bookings, paid, line, accept, reason, carried.get(line_id))
        decided.setdefault(line.request_id, []).append(line)
    await changes.flush()
    await changes.promote(catalogue)
    restated = await changes.restate_requests()
    await _mail_decisions(ctx, catalogue, restated, decided, accept, reason, bookings)
    return [restated[r] for r in decided]


async def decided_requests(ctx: RequestContext, rows: list[BookingRequest]) -> list[RequestDetail]:
    """The requests ``decide`` answered, as they now are, read back with their lines."""
    lines = await lines_of(ctx, [r.id for r in rows])
    catalogue = await load_catalogue(ctx)
    views = [
        RequestView(r, lines.get(r.id, []), period_path(catalogue, catalogue.by_id[r.period_id]))
        for r in rows
    ]
    return await request_details(ctx, views, {})


def _check_decision(ids: list[uuid.UUID | None], accept: bool, reason: str) -> str:
    """The decision's reason (a refusal needs one); some ids, and not too many."""
    v = Validator()
    reason = v.reason(reason, refused=not accept)
    if not ids:
        v.add("ids", ErrorCode.REQUIRED, "Choisissez au moins une demande ou une ligne.")
    elif len(ids) > MAX_DECISIONS:
        v.add("ids", ErrorCode.TOO_MANY_CHANGES, f"Au plus {MAX_DECISIONS} décisions à la fois.")
    v.raise_if_any()
    return reason


async def _lines_to_decide(ctx: RequestContext, ids: list[uuid.UUID | None]) -> dict[uuid.UUID, BookingLine]:
    """The lines ``ids`` name (a request names its lines awaiting staff); an id naming nothing to
    decide is an error on its field."""
    s = ctx.session
    wanted = {i for i in ids if i is not None}
    requests = set((await s.exec(select(BookingRequest.id).where(col(BookingRequest.id).in_(wanted)))).all())
    named_lines = {
        line.id: line
        for line in (await s.exec(select(BookingLine).where(col(BookingLine.id).in_(wanted)))).all()
    }
    request_lines = (
        (
            await s.exec(
                select(BookingLine).where(
                    col(BookingLine.request_id).in_(requests), col(BookingLine.state).in_(AWAITING_STAFF)
                )
            )
        ).all()
        if requests
        else []
    )
    errors: list[FieldError] = []
    for i, id_ in enumerate(ids):
        if id_ in requests:
            if not any(line.request_id == id_ for line in request_lines):
                errors.append(
                    FieldError(f"ids.{i}", ErrorCode.NOT_AWAITING_DECISION, "Cette demande est déjà traitée.")
                )
        elif id_ in named_lines:
            if named_lines[id_].state not in AWAITING_STAFF:
                errors.append(
                    FieldError(
                        f"ids.{i}", ErrorCode.NOT_AWAITING_DECISION, "Cette ligne n'attend pas de décision."
                    )
                )
        else:
            errors.append(FieldError(f"ids.{i}", ErrorCode.NOT_FOUND, "Cette demande n'existe pas."))
    if errors:
        raise UserErrors(errors)
    return {line.id: line for line in [*named_lines.values(), *request_lines]}


async def _lock_bookings(ctx: RequestContext, booking_ids: set[uuid.UUID]) -> dict[uuid.UUID, Booking]:
    """The bookings, their slots locked first, read again under the locks: another decision may have
    moved them meanwhile."""
    s = ctx.session
    slots = (
        await s.exec(select(col(Booking.unit_id), col(Booking.day)).where(col(Booking.id).in_(booking_ids)))
    ).all()
    await lock_slots(s, slots)
    rows = await s.exec(
        select(Booking).where(col(Booking.id).in_(booking_ids)).execution_options(populate_existing=True)
    )
    return {b.id: b for b in rows.all()}


def _decide_line(
    changes: BookingChanges,
    catalogue: Catalogue,
    bookings: dict[uuid.UUID, Booking],
    paid: set[uuid.UUID],
    line: BookingLine,
    accept: bool,
    reason: str,
    carried: str | None = None,
) -> None:
    """Move the line's booking as staff decided, or refuse the whole decision when the line no
    longer awaits one. ``carried``: the line follows a unit it requires (why, in French)."""
    booking = bookings.get(line.booking_id) if line.booking_id is not None else None
    if booking is None or line.state not in AWAITING_STAFF:
        raise UserErrors.one(
            "ids", ErrorCode.NOT_AWAITING_DECISION, "Une ligne vient d'être traitée : rechargez."
        )
    state = BookingState(booking.state)
    own = booking.cancel_line_id == line.id if line.action == "cancel" else booking.book_line_id == line.id
    activity = catalogue.by_id[catalogue.by_id[booking.period_id].activity_id]
    if (
        line.action == "book"
        and state is BookingState.PENDING
        and policy_of(activity).paid_at_booking
        and line.request_id not in paid
    ):
        # Paid at booking: staff decide once the basket is paid, not before.
        raise UserErrors.one(
            "ids", ErrorCode.NOT_AWAITING_DECISION, "Cette présence attend le paiement du panier."
        )
    outcome = transition(state, staff_decision_event(state, accept), Actor.STAFF)
    if not own or isinstance(outcome, Refusal):
        message = outcome.message if isinstance(outcome, Refusal) else "Cette ligne n'attend pas de décision."
        raise UserErrors.one("ids", ErrorCode.NOT_AWAITING_DECISION, message)
    said = f"{reason} {carried}".strip() if carried else reason
    changes.apply(booking, outcome.state, Actor.STAFF, reason=said, request_id=line.request_id)
    if not accept:
        line.message = said


def _leaves(line: BookingLine, accept: bool) -> bool:
    """Whether deciding ``line`` so takes its unit off the child's day: a booking refused, a
    cancellation granted."""
    return (line.action == "cancel") == accept


async def _linked_siblings(
    ctx: RequestContext, catalogue: Catalogue, targets: dict[uuid.UUID, BookingLine], accept: bool
) -> set[uuid.UUID]:
    """The active bookings of linked units (``Unit.requires``) on the children's days the decision takes
    a unit off; none (and no statement) where no unit of those periods is linked."""
    leaving = [line for line in targets.values() if _leaves(line, accept)]
    units = {u.id: u for u in catalogue.units}
    periods = {units[line.unit_id].period_id for line in leaving if line.unit_id in units}
    linked = {
        i
        for u in catalogue.units
        if u.period_id in periods and u.requires
        for i in (u.id, *required_units(u))
    }
    if not linked:
        return set()
    days = {(line.child_id, line.day) for line in leaving}
    rows = (
        await ctx.session.exec(
            select(col(Booking.id), col(Booking.child_id), col(Booking.day)).where(
                col(Booking.unit_id).in_(linked),
                col(Booking.child_id).in_({c for c, _ in days}),
                col(Booking.day).in_({d for _, d in days}),
                col(Booking.state).in_([s.value for s in ACTIVE_STATES]),
            )
        )
    ).all()
    return {booking_id for booking_id, child_id, day in rows if (child_id, day) in days}


def _carry_links(
    ids: list[uuid.UUID | None],
    catalogue: Catalogue,
    changes: BookingChanges,
    bookings: dict[uuid.UUID, Booking],
    paid: set[uuid.UUID],
    targets: dict[uuid.UUID, BookingLine],
    accept: bool,
) -> dict[uuid.UUID, str]:
    """Linked units kept together by staff (``portail.rules.linked_units.carried_along``).

    A booking refused, or a cancellation granted, takes a unit off the child's day. A unit that
    requires it (and nothing else that day) and awaits the same decision (a booking still to accept,
    a cancellation still to grant) goes with it: the lines to decide too, each with why. One already
    settled (accepted, waiting for a place, in an unpaid basket) cannot be left alone: the decision is
    refused, LINKED_UNIT on the id that named the line, naming both units; staff decide both at once,
    or cancel the dependent unit first."""
    units = {u.id: u for u in catalogue.units}
    requires = {u.id: frozenset(required_units(u)) for u in catalogue.units if u.requires}
    day_bookings: dict[tuple[uuid.UUID, date], dict[uuid.UUID, Booking]] = {}
    for b in bookings.values():
        if is_active(BookingState(b.state)):
            day_bookings.setdefault((b.child_id, b.day), {})[b.unit_id] = b
    leaving: dict[tuple[uuid.UUID, date], dict[uuid.UUID, BookingLine]] = {}
    for line in targets.values():
        if _leaves(line, accept):
            leaving.setdefault((line.child_id, line.day), {})[line.unit_id] = line
    follows = BookingState.CANCELLATION_REQUESTED if accept else BookingState.PENDING
    carried: dict[uuid.UUID, str] = {}
    errors: list[FieldError] = []
    for key, lines in leaving.items():
        on_day = day_bookings.get(key, {})
        followers: dict[uuid.UUID, uuid.UUID] = {}  # unit → the line that would go with it
        for u, b in on_day.items():
            line_id = b.cancel_line_id if accept else b.book_line_id
            if (
                b.state == follows.value
                and u not in lines
                and line_id is not None
                and line_id not in targets
                and line_id in changes.lines
                and _decidable(catalogue, b, changes.lines[line_id], paid)
            ):
                followers[u] = line_id
        gone, stranded = carried_along(requires, set(on_day), set(lines), set(followers))
        for u in gone:
            carried[followers[u]] = carried_message(
                units[u].name, [units[r].name for r in requires[u] if r in set(lines) | gone]
            )
        for u, required in stranded.items():
            for r in required & set(lines):
                errors.append(
                    FieldError(
                        _field_of(ids, lines[r]),
                        ErrorCode.LINKED_UNIT,
                        staff_link_message(units[r].name, [units[u].name], cancel=accept),
                    )
                )
    if errors:
        raise UserErrors(errors)
    return carried


def _decidable(catalogue: Catalogue, booking: Booking, line: BookingLine, paid: set[uuid.UUID]) -> bool:
    """Whether staff may decide ``line`` now (a day of an unpaid basket waits for its payment)."""
    if line.state not in AWAITING_STAFF:
        return False
    activity = catalogue.by_id[catalogue.by_id[booking.period_id].activity_id]
    return not (line.action == "book" and policy_of(activity).paid_at_booking and line.request_id not in paid)


def _field_of(ids: list[uuid.UUID | None], line: BookingLine) -> str:
    """The input field that named ``line``: its own id, or its request's."""
    for i, id_ in enumerate(ids):
        if id_ == line.id:
            return f"ids.{i}"
    for i, id_ in enumerate(ids):
        if id_ == line.request_id:
            return f"ids.{i}"
    return "ids"  # pragma: no cover - every decided line was named


async def _mail_decisions(
    ctx: RequestContext,
    catalogue: Catalogue,
    requests: dict[uuid.UUID, BookingRequest],
    decided: dict[uuid.UUID, list[BookingLine]],
    accept: bool,
    reason: str,
    bookings: dict[uuid.UUID, Booking],
) -> None:
    authors = await request_authors(ctx, decided)
    children = await children_by_id(ctx, {line.child_id for lines in decided.values() for line in lines})
    units = {u.id: u for u in catalogue.units}

    def outcome(line: BookingLine) -> str:
        assert line.booking_id is not None  # a line awaiting staff has its booking
        return state_label(BookingState(bookings[line.booking_id].state))

    for request_id, lines in decided.items():
        request = requests[request_id]
        send_mail(
            ctx,
            "booking_request_decided",
            authors[request_id],
            number=request_number_text(request.number),
            path=period_path(catalogue, catalogue.by_id[request.period_id]),
            accepted=accept,
            reason=reason,
            state=REQUEST_STATE_LABELS[RequestState(request.state)].upper(),
            link=client_link(ctx, HISTORY_PATH),
            lines=[
                {
                    "child": f"{children[line.child_id].first_name} {children[line.child_id].last_name}",
                    "day": french_date(line.day),
                    "unit": units[line.unit_id].name,
                    "action": "Annulation" if line.action == "cancel" else "Réservation",
                    "outcome": outcome(line),
                }
                for line in sorted(lines, key=lambda line: line.position)
            ],
        )


# ---------------------------------------------------------------------------------------------
# Attendance and places


@dataclass
class NotBooked:
    """A child on the day's list without a coming booking of the unit: enrolled in its period (staff
    may tick them present: invoiced at the "non réservé" price), or no longer enrolled but recorded
    that day (still listed: what was recorded is charged, so staff must see it to correct it)."""

    child: Child
    household_name: str  # the enrolment's household; for a child no longer enrolled, the one charged
    enrolled: bool


@dataclass
class AttendanceUnit:
    unit: Unit
    period: Period
    path: str
    children: list[tuple[uuid.UUID, Child, str, str]]  # booking id, child, booking state, household name
    # What staff recorded for the day (recordAttendance), per child: present, absent, excused.
    recorded: dict[uuid.UUID, str] = field(default_factory=dict)
    not_booked: list[NotBooked] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Children expected."""
        return len(self.children)

    @property
    def with_pai(self) -> int:
        """Of whom with a PAI."""
        return sum(1 for _, child, _, _ in self.children if child.has_pai)


COMING = [BookingState.ACCEPTED.value, BookingState.CANCELLATION_REQUESTED.value]


async def attendance(ctx: RequestContext, activity_id: uuid.UUID | None, day: date) -> list[AttendanceUnit]:
    """Who comes on ``day`` to each unit of the activity: accepted bookings (a cancellation still
    awaiting staff included: until then the child is expected), with diets and PAI, by name; and who
    else staff may tick (enrolled, no coming booking), with what was recorded. Three statements
    whatever the number of units and children."""
    catalogue = await load_catalogue(ctx)
    activity = catalogue.by_id.get(activity_id) if activity_id else None
    if not isinstance(activity, Activity):
        raise UserErrors.one("activityId", ErrorCode.NOT_FOUND, "Cet accueil n'existe pas.")
    periods = [p for p in catalogue.periods_of(activity.id) if p.start <= day <= p.end]
    units = [u for p in periods for u in catalogue.units_of(p.id)]
    if not units:
        return []
    unit_ids = [u.id for u in units]
    rows = (
        await ctx.session.exec(
            # SQLAlchemy's select: SQLModel's is typed for at most 4 entities (same statement, same rows).
            sa.select(col(Booking.unit_id), col(Booking.id), col(Booking.state), Child, col(Household.name))
            .join(Child, col(Child.id) == Booking.child_id)
            .join(Household, col(Household.id) == Booking.household_id)
            .where(
                col(Booking.unit_id).in_(unit_ids),
                col(Booking.day) == day,
                col(Booking.state).in_(COMING),
            )
            .order_by(col(Child.last_name), col(Child.first_name))
        )
    ).all()
    # With the child and the household charged: a child recorded but no longer enrolled is listed
    # from this row alone.
    seen = (
        await ctx.session.exec(
            sa.select(col(Attendance.unit_id), col(Attendance.status), Child, col(Household.name))
            .join(Child, col(Child.id) == Attendance.child_id)
            .join(Household, col(Household.id) == Attendance.household_id)
            .where(col(Attendance.unit_id).in_(unit_ids), col(Attendance.day) == day)
        )
    ).all()
    enrolled = (
        await ctx.session.exec(
            sa.select(col(Enrolment.period_id), Child, col(Household.name))
            .join(Child, col(Child.id) == Enrolment.child_id)
            .join(Household, col(Household.id) == Enrolment.household_id)
            .where(col(Enrolment.period_id).in_([p.id for p in periods]), col(Enrolment.state) == "accepted")
        )
    ).all()
    by_unit: dict[uuid.UUID, list[tuple[uuid.UUID, Child, str, str]]] = {}
    for unit_id, booking_id, state, child, household in rows:
        by_unit.setdefault(unit_id, []).append((booking_id, child, state, household))
    recorded: dict[uuid.UUID, dict[uuid.UUID, str]] = {}
    recorded_children: dict[uuid.UUID, list[tuple[Child, str]]] = {}
    for unit_id, status, child, household in seen:
        recorded.setdefault(unit_id, {})[child.id] = status
        recorded_children.setdefault(unit_id, []).append((child, household))
    of_period: dict[uuid.UUID, list[tuple[Child, str]]] = {}
    for period_id, child, household in enrolled:
        of_period.setdefault(period_id, []).append((child, household))
    lists = []
    for u in units:
        booked = {child.id for _, child, _, _ in by_unit.get(u.id, [])}
        not_booked = [NotBooked(c, h, True) for c, h in of_period.get(u.period_id, []) if c.id not in booked]
        listed = booked | {n.child.id for n in not_booked}
        not_booked += [
            NotBooked(c, h, False) for c, h in recorded_children.get(u.id, []) if c.id not in listed
        ]
        # By name, in Python: the rows come from two statements (the child's id settles namesakes).
        not_booked.sort(key=lambda n: (n.child.last_name, n.child.first_name, str(n.child.id)))
        period = catalogue.by_id[u.period_id]
        lists.append(
            AttendanceUnit(
                u,
                period,
                period_path(catalogue, period),
                by_unit.get(u.id, []),
                recorded.get(u.id, {}),
                not_booked,
            )
        )
    return lists


@dataclass
class SlotUse:
    """A unit's day: its bookings counted by state against its capacity."""

    unit: Unit
    day: date
    counts: Counter[str]

    @property
    def held(self) -> int:
        return sum(self.counts[state] for state in PLACE_HOLDING_VALUES)

    @property
    def places_left(self) -> int | None:
        return places_left(self.unit.capacity, self.held)


async def places_taken(
    ctx: RequestContext, period_id: uuid.UUID | None, start: date, end: date
) -> list[SlotUse]:
    """Per unit of the period and day with any booking: bookings by state (capacity is the unit's)."""
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id.get(period_id) if period_id else None
    if not isinstance(period, Period):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    check_range(start, end)
    units = {u.id: u for u in catalogue.units_of(period.id)}
    rows = (
        await ctx.session.exec(
            select(col(Booking.unit_id), col(Booking.day), col(Booking.state), func.count())
            .where(col(Booking.unit_id).in_(list(units)), col(Booking.day).between(start, end))
            .group_by(col(Booking.unit_id), col(Booking.day), col(Booking.state))
        )
    ).all()
    uses: dict[tuple[uuid.UUID, date], Counter[str]] = {}
    for unit_id, day, state, count in rows:
        uses.setdefault((unit_id, day), Counter())[state] += count
    order = {u: i for i, u in enumerate(units)}
    return [
        SlotUse(units[u], d, counts)
        for (u, d), counts in sorted(uses.items(), key=lambda kv: (kv[0][1], order[kv[0][0]]))
    ]


@dataclass
class StateChange:
    event: BookingEvent
    author: str  # the account's e-mail, or "" for the portal itself
    request_number: int | None


async def booking_history(ctx: RequestContext, booking_id: uuid.UUID | None) -> list[StateChange]:
    """Every change of a booking's state, oldest first: who, when, why (staff only)."""
    booking = await ctx.session.get(Booking, booking_id) if booking_id else None
    if booking is None:
        raise UserErrors.one("bookingId", ErrorCode.NOT_FOUND, "Cette présence n'existe pas.")
    rows = (
        await ctx.session.exec(
            select(BookingEvent, Account.email, BookingRequest.number)
            .outerjoin(Account, col(Account.id) == BookingEvent.account_id)
            .outerjoin(BookingRequest, col(BookingRequest.id) == BookingEvent.request_id)
            .where(BookingEvent.booking_id == booking.id)
            .order_by(col(BookingEvent.at), col(BookingEvent.id))
        )
    ).all()
    return [StateChange(event, email or "", number) for event, email, number in rows]

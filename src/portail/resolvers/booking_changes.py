"""Changing bookings once the rules have allowed it: the booking, its lines, its history, the states
of the requests it belongs to, and the waiting line that a freed place moves.

Every write of a booking's state goes through ``BookingChanges.apply``, so that no change escapes the
history (who, when, why) or leaves a request's derived state stale.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import SQLModel, col, select

from portail.db.bulk import Rows, insert_many
from portail.db.locks import slot_count_rows, slot_delta
from portail.db.models import Account
from portail.db.models.base import new_id
from portail.db.models.bookings import Booking, BookingEvent, BookingLine, BookingRequest, SlotCounter
from portail.db.models.catalogue import Activity, Unit
from portail.db.models.payments import BasketEntry
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path
from portail.resolvers.context import RequestContext
from portail.resolvers.households import children_by_id
from portail.resolvers.mail import PLANNING_PATH, client_link, send_mail
from portail.rules.basket import EntryState
from portail.rules.booking_states import (
    PLACE_HOLDING_VALUES,
    Actor,
    BookingPolicy,
    BookingState,
    LateCancellation,
    Refusal,
    RequestState,
    request_state,
    state_label,
    transition,
)
from portail.rules.booking_states import BookingEvent as Event
from portail.rules.capacity import InLine, who_gets_places
from portail.rules.repeat import french_date

# Line states that wait for staff: the staff queue.
AWAITING_STAFF = frozenset({BookingState.PENDING.value, BookingState.CANCELLATION_REQUESTED.value})


def _columns(row: SQLModel) -> dict[str, Any]:
    """Every column's value of an object not yet written, as ``insert_many`` takes a row."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}  # type: ignore[attr-defined]


def policy_of(activity: Activity) -> BookingPolicy:
    """The activity's settings as the state machine reads them."""
    return BookingPolicy(
        automatic_acceptance=activity.acceptance == "automatic",
        paid_at_booking=activity.payment == "basket",
        waiting_list=activity.when_full == "waiting_list",
        late_cancellation=LateCancellation(activity.late_cancellation),
        credit_paid_cancellations=activity.payment == "basket" and activity.paid_cancellation == "credit",
        automatic_promotion=activity.promotion == "automatic",
    )


def book_line_state(booking_state: str) -> str:
    """What the line that booked a day shows: its booking's state, except while a later request asks
    to cancel it (that request's own line carries the "demande d'annulation")."""
    if booking_state == BookingState.CANCELLATION_REQUESTED:
        return BookingState.ACCEPTED.value
    return booking_state


@dataclass
class BookingChanges:
    """The writes of one transaction: bookings changed, lines to keep in step, requests to restate.

    Rows made here (a request's new bookings and lines, every state change) are plain dicts written
    with one multi-row INSERT per table: a whole-year request makes hundreds of them, and ORM objects
    cost several times more to build and flush. Rows read from the database stay ORM objects.
    """

    ctx: RequestContext
    lines: dict[uuid.UUID, BookingLine] = field(default_factory=dict)
    touched_requests: set[uuid.UUID] = field(default_factory=set)
    freed: set[tuple[uuid.UUID, date]] = field(default_factory=set)
    events: list[dict[str, Any]] = field(default_factory=list)
    new_bookings: list[dict[str, Any]] = field(default_factory=list)
    new_lines: list[dict[str, Any]] = field(default_factory=list)
    # (held, waiting) moves of each slot's counters, written by ``flush``.
    slot_deltas: dict[tuple[uuid.UUID, date], tuple[int, int]] = field(default_factory=dict)
    new_requests: list[BookingRequest] = field(default_factory=list)

    async def load_lines(self, ids: Iterable[uuid.UUID | None]) -> None:
        """Load the lines of ``ids`` not yet known, in one statement."""
        wanted = {i for i in ids if i is not None and i not in self.lines}
        if wanted:
            query = select(BookingLine).where(col(BookingLine.id).in_(wanted))
            # Fresh from the database: the caller holds the locks now, what it read before may be stale.
            rows = (await self.ctx.session.exec(query.execution_options(populate_existing=True))).all()
            self.lines.update({r.id: r for r in rows})

    def add_request(self, request: BookingRequest) -> None:
        """A new request, written by ``flush`` with the rows that point to it (before them), then
        held by the session as if it had been read: what changes in it afterwards is an UPDATE. Its
        INSERT goes in ``flush``'s statement instead of one of the session's own (a round trip and
        the unit of work's half millisecond per booking request)."""
        self.new_requests.append(request)

    def add_line(self, row: dict[str, Any], *, restate: bool = True) -> None:
        """A new line of a request, written by ``flush`` (after the request: the session's own
        changes go first). ``restate=False``: the caller gave the request the state its new lines
        make."""
        self.new_lines.append(row)
        if restate:
            self.touched_requests.add(row["request_id"])

    def record(
        self,
        booking_id: uuid.UUID,
        previous: str,
        state: BookingState,
        actor: Actor,
        *,
        reason: str = "",
        request_id: uuid.UUID | None = None,
    ) -> None:
        """The history's row for a change of state: who, when, why."""
        viewer = self.ctx.viewer
        self.events.append(
            {
                "id": new_id(),
                "booking_id": booking_id,
                "from_state": previous,
                "to_state": state.value,
                "actor": actor.value,
                "account_id": viewer.account.id if viewer is not None and actor is not Actor.SYSTEM else None,
                "request_id": request_id,
                "reason": reason,
                "at": self.ctx.now(),
            }
        )

    def book(self, row: dict[str, Any], actor: Actor, request_id: uuid.UUID) -> None:
        """A booking made for a day the child never had one (its line is new too)."""
        self.new_bookings.append(row)
        self._count((row["unit_id"], row["day"]), "", row["state"])
        self.record(row["id"], "", BookingState(row["state"]), actor, request_id=request_id)

    def apply(
        self,
        booking: Booking,
        state: BookingState,
        actor: Actor,
        *,
        reason: str = "",
        request_id: uuid.UUID | None = None,
    ) -> None:
        """Move ``booking`` to ``state``: record the event, keep its lines and requests in step."""
        ctx = self.ctx
        previous = booking.state
        self.record(booking.id, previous or "", state, actor, reason=reason, request_id=request_id)
        booking.state = state.value
        booking.updated_at = ctx.now()
        self._count((booking.unit_id, booking.day), previous or "", state.value)
        ctx.session.add(booking)
        if previous in PLACE_HOLDING_VALUES and state.value not in PLACE_HOLDING_VALUES:
            self.freed.add((booking.unit_id, booking.day))
        book_line = self.lines.get(booking.book_line_id) if booking.book_line_id else None
        if book_line is not None:
            book_line.state = book_line_state(state.value)
            self._touch(book_line)
        cancel_line = self.lines.get(booking.cancel_line_id) if booking.cancel_line_id else None
        if cancel_line is not None and cancel_line.state == BookingState.CANCELLATION_REQUESTED:
            if state is BookingState.CANCELLED:
                cancel_line.state = BookingState.CANCELLED.value
            elif state is BookingState.ACCEPTED:  # staff refused the cancellation
                cancel_line.state = BookingState.REFUSED.value
                cancel_line.message = reason
            self._touch(cancel_line)

    async def flush(self) -> None:
        """Write what changed: the session's own changes (bookings and lines read and changed),
        then, parents first, the new requests, bookings, lines (they point to both), the history
        and the slots' counters (in one statement on PostgreSQL: ``insert_many``)."""
        s = self.ctx.session
        await s.flush()
        requests, self.new_requests = self.new_requests, []
        await insert_many(
            s,
            [
                Rows(BookingRequest, [_columns(request) for request in requests]),
                Rows(Booking, self.new_bookings),
                Rows(BookingLine, self.new_lines),
                Rows(BookingEvent, self.events),
                slot_count_rows(self.slot_deltas),
            ],
        )
        self.new_bookings, self.new_lines, self.events, self.slot_deltas = [], [], [], {}
        for request in requests:
            make_transient_to_detached(request)  # written: the session takes it as a row it read
            s.add(request)

    def _count(self, slot: tuple[uuid.UUID, date], previous: str, state: str) -> None:
        held, waiting = slot_delta(previous, state)
        if held or waiting:
            old_held, old_waiting = self.slot_deltas.get(slot, (0, 0))
            self.slot_deltas[slot] = (old_held + held, old_waiting + waiting)

    def _touch(self, line: BookingLine) -> None:
        # A line read from the database: the session writes its change at the next flush.
        self.touched_requests.add(line.request_id)

    async def promote(self, catalogue: Catalogue) -> list[Booking]:
        """Give the places freed in this transaction to the first in each waiting line.

        The caller holds the locks of the freed slots. Returns the bookings that got a place.
        """
        promoted: list[Booking] = []
        while self.freed:
            await self.flush()  # the counters read below must include this transaction's changes
            slots, self.freed = sorted(self.freed), set()
            units = {u for u, _ in slots}
            days = [d for _, d in slots]
            held, _ = await slot_counts(self.ctx, list(units), min(days), max(days))
            lines = await waiting_lines(self.ctx, units, min(days), max(days))
            unit_rows = {u.id: u for u in catalogue.units if u.id in units}
            first_in_line: list[Booking] = []
            for slot in slots:
                unit: Unit = unit_rows[slot[0]]
                for entry in who_gets_places(lines.get(slot, []), unit.capacity, held.get(slot, 0)):
                    first_in_line.append(entry.booking)
            await self.load_lines(b.book_line_id for b in first_in_line)
            for booking in first_in_line:
                period = catalogue.by_id[booking.period_id]
                activity: Activity = catalogue.by_id[period.activity_id]
                outcome = transition(
                    BookingState.WAITING, Event.PLACE_FREED, Actor.SYSTEM, policy_of(activity)
                )
                if isinstance(outcome, Refusal):  # pragma: no cover - a waiting booking always moves up
                    raise AssertionError(outcome)
                self.apply(booking, outcome.state, Actor.SYSTEM, reason="Une place s'est libérée.")
                promoted.append(booking)
        if promoted:
            await self._mail_promotions(catalogue, promoted)
        return promoted

    async def _mail_promotions(self, catalogue: Catalogue, promoted: list[Booking]) -> None:
        link = client_link(self.ctx, PLANNING_PATH)
        await self.mail_days_to_authors(catalogue, promoted, "booking_promoted", with_state=True, link=link)

    async def mail_days_to_authors(
        self,
        catalogue: Catalogue,
        bookings: list[Booking],
        template: str,
        *,
        with_state: bool = False,
        **context: Any,
    ) -> None:
        """One mail per account that made some of ``bookings`` (their lines loaded), listing its days
        in order (child, day, unit, period; and the new state ``with_state``)."""
        requests = {self.lines[b.book_line_id].request_id for b in bookings if b.book_line_id in self.lines}
        authors = await request_authors(self.ctx, requests)
        children = await children_by_id(self.ctx, {b.child_id for b in bookings})
        units = {u.id: u for u in catalogue.units}
        per_author: dict[str, list[dict[str, str]]] = {}
        for b in sorted(bookings, key=lambda b: (b.day, str(b.child_id))):
            line = self.lines.get(b.book_line_id) if b.book_line_id else None
            email = authors.get(line.request_id) if line else None
            if email is None:
                continue
            child = children[b.child_id]
            item = {
                "child": f"{child.first_name} {child.last_name}",
                "day": french_date(b.day),
                "unit": units[b.unit_id].name,
                "path": period_path(catalogue, catalogue.by_id[b.period_id]),
            }
            if with_state:
                item["state"] = state_label(BookingState(b.state))
            per_author.setdefault(email, []).append(item)
        for email, items in per_author.items():
            send_mail(self.ctx, template, email, items=items, **context)

    async def restate_requests(self) -> dict[uuid.UUID, BookingRequest]:
        """Recompute the derived state of every request whose lines changed; returns them by id."""
        if not self.touched_requests:
            return {}
        s = self.ctx.session
        await self.flush()
        rows = (
            await s.exec(
                select(BookingLine.request_id, BookingLine.state).where(
                    col(BookingLine.request_id).in_(self.touched_requests),
                    col(BookingLine.booking_id).is_not(None),
                )
            )
        ).all()
        states: dict[uuid.UUID, list[str]] = {}
        for request_id, state in rows:
            states.setdefault(request_id, []).append(state)
        requests = (
            await s.exec(select(BookingRequest).where(col(BookingRequest.id).in_(self.touched_requests)))
        ).all()
        catalogue = await load_catalogue(self.ctx)

        def activity_of(request: BookingRequest) -> Activity:
            return catalogue.by_id[catalogue.by_id[request.period_id].activity_id]  # type: ignore[no-any-return]

        # Asked only about the requests of activities paid at booking: other requests cost nothing more.
        in_basket = [r.id for r in requests if policy_of(activity_of(r)).paid_at_booking]
        paid = await paid_requests(self.ctx, in_basket) if in_basket else set()
        for request in requests:
            line_states = states.get(request.id, [])
            request.state = derived_state(line_states).value
            waiting = waits_for_staff(policy_of(activity_of(request)), paid=request.id in paid)
            request.awaiting_staff = any(st in waiting for st in line_states)
            request.updated_at = self.ctx.now()
            s.add(request)
        return {r.id: r for r in requests}


def waits_for_staff(policy: BookingPolicy, *, paid: bool) -> set[str]:
    """The line states that put a request in the staff's queue: a cancellation asked for, and a
    pending day, except a basket's one until its payment (the payment settles it first, then staff)."""
    states = {BookingState.CANCELLATION_REQUESTED.value}
    if not policy.paid_at_booking or paid:
        states.add(BookingState.PENDING.value)
    return states


async def paid_requests(ctx: RequestContext, request_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of the requests whose basket was paid: their pending days now wait for staff."""
    rows = await ctx.session.exec(
        select(BasketEntry.request_id).where(
            col(BasketEntry.request_id).in_(set(request_ids)), BasketEntry.state == EntryState.PAID
        )
    )
    return set(rows.all())


async def request_authors(ctx: RequestContext, request_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The e-mail of the account that submitted each request: where its mails go."""
    rows = await ctx.session.exec(
        select(BookingRequest.id, Account.email)
        .join(Account, col(Account.id) == BookingRequest.requested_by)
        .where(col(BookingRequest.id).in_(set(request_ids)))
    )
    return dict(rows.all())


# Every preview and each day window reads it: built once, its values bound.
_SLOT_COUNTS_QUERY = select(
    col(SlotCounter.unit_id), col(SlotCounter.day), col(SlotCounter.held), col(SlotCounter.waiting)
).where(
    col(SlotCounter.unit_id).in_(bindparam("unit_ids", expanding=True)),
    col(SlotCounter.day).between(bindparam("first"), bindparam("last")),
)


async def slot_counts(
    ctx: RequestContext, unit_ids: Sequence[uuid.UUID], first: date, last: date
) -> tuple[Counter[tuple[uuid.UUID, date]], Counter[tuple[uuid.UUID, date]]]:
    """Places held and bookings waiting, per (unit, day), from the slots' counters in one statement
    (none without units)."""
    if not unit_ids:
        return Counter(), Counter()
    params = {"unit_ids": list(set(unit_ids)), "first": first, "last": last}
    rows = (await ctx.session.exec(_SLOT_COUNTS_QUERY, params=params)).all()
    held: Counter[tuple[uuid.UUID, date]] = Counter()
    waiting: Counter[tuple[uuid.UUID, date]] = Counter()
    for unit_id, day, held_count, waiting_count in rows:
        if held_count:
            held[(unit_id, day)] = held_count
        if waiting_count:
            waiting[(unit_id, day)] = waiting_count
    return held, waiting


# Each month view with a waiting booking runs it, and each decision: built once, its values bound.
_WAITING_QUERY = select(Booking).where(
    col(Booking.unit_id).in_(bindparam("unit_ids", expanding=True)),
    col(Booking.day).between(bindparam("first"), bindparam("last")),
    col(Booking.state) == BookingState.WAITING.value,
)


async def waiting_lines(
    ctx: RequestContext, unit_ids: Iterable[uuid.UUID], first: date, last: date
) -> dict[tuple[uuid.UUID, date], list[InLine]]:
    """The waiting bookings of ``unit_ids`` from ``first`` to ``last``, per (unit, day), as the entries
    of that day's waiting line (each entry's ``booking`` is the Booking), in one statement."""
    params = {"unit_ids": list(set(unit_ids)), "first": first, "last": last}
    rows = (await ctx.session.exec(_WAITING_QUERY, params=params)).all()
    lines: dict[tuple[uuid.UUID, date], list[InLine]] = {}
    for b in rows:
        lines.setdefault((b.unit_id, b.day), []).append(
            InLine(b, b.queued_at or b.updated_at, b.queue_number, b.queue_line, arrival=b.id)
        )
    return lines


def derived_state(line_states: Iterable[str]) -> RequestState:
    """A request's state from its lines' states (a refused cancellation counts as refused)."""
    states = [BookingState(s) for s in line_states]
    if not states:
        return RequestState.REFUSED
    return request_state(states)

"""'Mon panier': requests of activities paid at booking, held per regie until they are paid, removed by
the family or expired ("Sans validation avant le délai d'expiration, elles seront automatiquement
annulées"), and the job that expires them.

"Les réservations ou annulations ci-dessous seront définitivement prises en compte après validation du
panier": a request holds the days it booked (pending, their places held) and, where the activity
credits them, the cancellations of days already paid (the child still expected until then). Validated,
the days are confirmed and the cancelled days' price credited to the household ("avoir"), deducted from
its next payments to the regie; expired or taken out, the booked days are released and the paid days
kept."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

import sqlalchemy as sa
from sqlmodel import col, func, select, update

from portail.clock import Clock
from portail.db.engine import Database
from portail.db.locks import lock_slots
from portail.db.models import Booking, BookingLine, BookingRequest, Child, Regie
from portail.db.models.catalogue import Activity
from portail.db.models.invoices import Invoice
from portail.db.models.payments import BasketEntry, Payment, PaymentItem
from portail.resolvers.booking_changes import BookingChanges, policy_of, request_authors
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path, required_units
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import children_by_id, viewer_household_id
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.transactions import in_transaction
from portail.rules.basket import (
    EntryState,
    Settlement,
    french_moment,
    is_payable,
    line_designation,
    pay_before,
    settlement,
)
from portail.rules.booking_states import (
    ACTIVE_STATES,
    Actor,
    BookingEvent,
    BookingState,
    Refusal,
    request_number_text,
    transition,
)
from portail.rules.linked_units import carried_along, carried_message
from portail.rules.pricing import format_amount
from portail.rules.quantities import items
from portail.rules.repeat import french_date
from portail.settings import Settings

# Payments that may still succeed: while one covers a request, nothing else may pay or remove it.
PAYMENT_UNDER_WAY = ("created", "at_payfip")


@dataclass
class BasketLine:
    """A line of a held request: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1 × 7,70 €, or a paid
    day's cancellation, "... ANNULE (05/01)", -1 × 7,70 €."""

    designation: str
    child: Child
    day: date
    quantity: int
    unit_price: int
    amount: int
    booking_id: uuid.UUID


@dataclass
class HeldRequest:
    """A request in the basket: "Réservation n° 000007 pour ETOILE Emma-Rose créée le … à régler
    avant …", with its lines."""

    entry: BasketEntry
    request: BookingRequest
    path: str
    lines: list[BasketLine]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def children(self) -> list[Child]:
        return list({line.child.id: line.child for line in self.lines}.values())


@dataclass
class RegieBasket:
    """The basket of one regie ("REGIE CENTRE AERE MERCREDI"): paid in one payment."""

    regie: Regie
    requests: list[HeldRequest]
    # A payment opened at PayFiP that may still succeed covers (some of) these requests.
    payment_under_way: bool = False
    # The household's credit at the regie ("avoirs" not yet used), deducted when it is paid.
    credit: int = 0

    @property
    def total(self) -> int:
        return sum(r.total for r in self.requests)

    @property
    def settlement(self) -> Settlement:
        """What validating it collects through PayFiP, and the credit it uses."""
        return settlement(self.total, self.credit)

    @property
    def pay_before(self) -> datetime:
        """When the first of its requests expires."""
        return min(r.entry.pay_before for r in self.requests)


@dataclass
class BasketView:
    """The whole basket, one part per regie."""

    regies: list[RegieBasket] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.regies)


# ---------------------------------------------------------------------------------------------
# Holding a request


def holds_in_basket(catalogue: Catalogue, period_id: uuid.UUID) -> bool:
    """Whether the requests of this period go to the basket (its activity is paid at booking)."""
    activity = catalogue.by_id[catalogue.by_id[period_id].activity_id]
    return policy_of(activity).paid_at_booking and activity.regie_id is not None


def hold(
    ctx: RequestContext, catalogue: Catalogue, request: BookingRequest, holds: bool
) -> BasketEntry | None:
    """Put a just-submitted request in the household's basket for its activity's regie, when the
    activity is paid at booking and the request holds something (``holds``: a day booked and pending,
    or a paid day's cancellation). It waits, its places held, until validated or ``pay_before``."""
    if not holds or not holds_in_basket(catalogue, request.period_id):
        return None
    activity = catalogue.by_id[catalogue.by_id[request.period_id].activity_id]
    regie: Regie = catalogue.by_id[activity.regie_id]
    entry = BasketEntry(
        request_id=request.id,
        household_id=request.household_id,
        regie_id=regie.id,
        created_at=request.created_at,
        pay_before=pay_before(request.created_at, regie.hold_minutes),
    )
    ctx.session.add(entry)
    return entry


# ---------------------------------------------------------------------------------------------
# Reading the basket


async def basket(ctx: RequestContext) -> BasketView:
    """The viewer household's basket: its requests still payable, grouped by regie (staff and
    anonymous viewers have none)."""
    household_id = await viewer_household_id(ctx)
    if household_id is None:
        return BasketView()
    entries = (
        await ctx.session.exec(
            select(BasketEntry)
            .where(BasketEntry.household_id == household_id, BasketEntry.state == EntryState.UNPAID)
            .order_by(col(BasketEntry.created_at))
        )
    ).all()
    now = ctx.now()
    # Past their time but not yet expired by the job: never shown as payable.
    entries = [e for e in entries if is_payable(e.state, e.pay_before, now)]
    return await view_of(ctx, entries)


async def view_of(ctx: RequestContext, entries: list[BasketEntry]) -> BasketView:
    """The basket made of ``entries``: their requests and held lines, in a fixed number of statements."""
    if not entries:
        return BasketView()
    catalogue = await load_catalogue(ctx)
    request_ids = [e.request_id for e in entries]
    requests = {
        r.id: r
        for r in (
            await ctx.session.exec(select(BookingRequest).where(col(BookingRequest.id).in_(request_ids)))
        ).all()
    }
    held = await held_lines(ctx, request_ids, cancellations=True)
    children = await children_by_id(ctx, {line.child_id for line, _ in held})
    under_way = await requests_being_paid(ctx, request_ids)
    credits = await credit_by_regie(ctx, entries[0].household_id)
    lines: dict[uuid.UUID, list[BasketLine]] = {}
    for line, booking in held:
        unit = catalogue.by_id[line.unit_id]
        cancel = line.action == "cancel"
        lines.setdefault(line.request_id, []).append(
            BasketLine(
                designation=line_designation(unit.name, line.day, cancel=cancel, late=booking.booked_late),
                child=children[line.child_id],
                day=line.day,
                # A booking counted in quantities: its items, each at its price.
                quantity=(-1 if cancel else 1) * items(line.price, booking.quantity)[0],
                unit_price=items(line.price, booking.quantity)[1],
                amount=signed_price(line),
                booking_id=booking.id,
            )
        )
    per_regie: dict[uuid.UUID, RegieBasket] = {}
    for entry in entries:
        request = requests[entry.request_id]
        part = per_regie.setdefault(
            entry.regie_id,
            RegieBasket(catalogue.by_id[entry.regie_id], [], credit=credits.get(entry.regie_id, 0)),
        )
        part.requests.append(
            HeldRequest(
                entry=entry,
                request=request,
                path=period_path(catalogue, catalogue.by_id[request.period_id]),
                lines=lines.get(request.id, []),
            )
        )
        part.payment_under_way = part.payment_under_way or request.id in under_way
    return BasketView(regies=sorted(per_regie.values(), key=lambda r: r.regie.name))


async def held_lines(
    ctx: RequestContext, request_ids: list[uuid.UUID], *, cancellations: bool = False
) -> list[tuple[BookingLine, Booking]]:
    """The days the requests booked that still wait for the basket's validation (pending, and booked
    by that very line), and with ``cancellations`` the paid days whose cancellation waits there, in
    request then line order."""
    booked = sa.and_(
        col(BookingLine.action) == "book",
        col(Booking.book_line_id) == BookingLine.id,
        col(Booking.state) == BookingState.PENDING.value,
    )
    cancelled = sa.and_(
        col(BookingLine.action) == "cancel",
        col(BookingLine.state) == BookingState.PENDING.value,
        col(Booking.cancel_held),
    )
    rows = await ctx.session.exec(
        select(BookingLine, Booking)
        .join(Booking, col(Booking.id) == BookingLine.booking_id)
        .where(
            col(BookingLine.request_id).in_(request_ids),
            sa.or_(booked, cancelled) if cancellations else booked,
        )
        .order_by(col(BookingLine.request_id), col(BookingLine.position))
    )
    return list(rows.all())


async def end_orphan_cancellations(
    ctx: RequestContext, request_ids: list[uuid.UUID], state: BookingState, message: str
) -> None:
    """End the requests' cancellation lines still waiting whose day no longer waits with them (staff
    cancelled it, and it was booked again, meanwhile): nothing to cancel or credit any more."""
    await ctx.session.flush()  # the lines just settled first: only the leftovers are still pending
    await ctx.session.exec(
        update(BookingLine)
        .where(
            col(BookingLine.request_id).in_(request_ids),
            col(BookingLine.action) == "cancel",
            col(BookingLine.state) == BookingState.PENDING.value,
        )
        .values(state=state.value, message=message)
    )


def signed_price(line: BookingLine) -> int:
    """What a held line adds to the basket: a day booked its price, a paid day cancelled the opposite."""
    return -line.price if line.action == "cancel" else line.price


async def paid_bookings(ctx: RequestContext, bookings: Iterable[Booking]) -> set[uuid.UUID]:
    """Those of the (active) bookings paid through the basket: their request's basket entry was paid."""
    ids = [b.id for b in bookings if b.state in (BookingState.ACCEPTED.value, BookingState.PENDING.value)]
    if not ids:
        return set()
    rows = await ctx.session.exec(
        select(col(Booking.id))
        .join(BookingLine, col(BookingLine.id) == Booking.book_line_id)
        .join(BasketEntry, col(BasketEntry.request_id) == BookingLine.request_id)
        .where(col(Booking.id).in_(ids), BasketEntry.state == EntryState.PAID)
    )
    return set(rows.all())


async def credit_by_regie(ctx: RequestContext, household_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """The household's credit at each regie: what its basket credit notes have left to deduct."""
    rows = await ctx.session.exec(
        select(col(Invoice.regie_id), func.sum(col(Invoice.credit_left)))
        .where(Invoice.household_id == household_id, col(Invoice.credit_left) > 0)
        .group_by(col(Invoice.regie_id))
    )
    return {regie_id: int(total) for regie_id, total in rows.all()}


async def requests_being_paid(ctx: RequestContext, request_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Those of the requests a payment that may still succeed covers."""
    rows = await ctx.session.exec(
        select(col(PaymentItem.request_id))
        .join(Payment, col(Payment.id) == PaymentItem.payment_id)
        .where(col(PaymentItem.request_id).in_(request_ids), col(Payment.state).in_(PAYMENT_UNDER_WAY))
    )
    return {r for r in rows.all() if r is not None}


# ---------------------------------------------------------------------------------------------
# Removing a request, expiring the basket


async def remove(ctx: RequestContext, request_id: uuid.UUID | None) -> BasketView:
    """Take a request out of the basket: its days are cancelled and their places freed at once (for
    the first in each waiting line). Another family's request is not found."""
    household_id = await viewer_household_id(ctx)
    entry = None
    if household_id is not None and request_id is not None:
        entry = (
            await ctx.session.exec(
                select(BasketEntry)
                .where(BasketEntry.request_id == request_id, BasketEntry.household_id == household_id)
                .with_for_update()
            )
        ).first()
    if entry is None or not is_payable(entry.state, entry.pay_before, ctx.now()):
        raise UserErrors.one(
            "requestId", ErrorCode.NOT_FOUND, "Cette réservation n'est pas dans votre panier."
        )
    if await requests_being_paid(ctx, [entry.request_id]):
        raise UserErrors.one(
            "requestId",
            ErrorCode.PAYMENT_IN_PROGRESS,
            "Un paiement de cette réservation est en cours : terminez-le ou attendez qu'il expire.",
        )
    await release(ctx, entry, EntryState.REMOVED)
    return await basket(ctx)


async def release(
    ctx: RequestContext, entry: BasketEntry, outcome: EntryState
) -> tuple[list[Booking], list[Booking]]:
    """End an unpaid entry: its held days cancelled (removed by the family) or expired (by the
    portal), their places given to the waiting lines; the paid days it would have cancelled are kept.
    Returns the days released and the days kept."""
    held = await held_lines(ctx, [entry.request_id], cancellations=True)
    kept = [(line, booking) for line, booking in held if line.action == "cancel"]
    bookings = await lock_bookings(ctx, [booking.id for line, booking in held if line.action == "book"])
    changes = BookingChanges(ctx)
    for line, booking in kept:
        # The cancellation is not taken: the paid day stays booked.
        booking.cancel_held = False
        line.state = BookingState.EXPIRED.value
        line.message = (
            "Retirée du panier : la présence est maintenue."
            if outcome is EntryState.REMOVED
            else "Panier non validé à temps : la présence est maintenue."
        )
        ctx.session.add_all([booking, line])
    await end_orphan_cancellations(
        ctx, [entry.request_id], BookingState.EXPIRED, "Ce jour n'était plus à annuler."
    )
    changes.touched_requests.add(entry.request_id)
    await changes.load_lines(b.book_line_id for b in bookings)
    catalogue = await load_catalogue(ctx)
    if outcome is EntryState.REMOVED:
        event, actor, reason = BookingEvent.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, "Retirée du panier."
    else:
        event, actor, reason = BookingEvent.BASKET_EXPIRED, Actor.SYSTEM, "Panier non réglé à temps."
    released: list[Booking] = []
    for booking in bookings:
        period = catalogue.by_id[booking.period_id]
        policy = policy_of(catalogue.by_id[period.activity_id])
        result = transition(BookingState(booking.state), event, actor, policy)
        if isinstance(result, Refusal):  # settled meanwhile (paid, cancelled by staff): not ours any more
            continue
        changes.apply(booking, result.state, actor, reason=reason, request_id=entry.request_id)
        released.append(booking)
    # Linked units: a day of another unpaid request that required one released goes with it.
    others: set[uuid.UUID] = set()
    for booking, why in await _left_alone(ctx, catalogue, released):
        await changes.load_lines([booking.book_line_id])
        own = changes.lines.get(booking.book_line_id) if booking.book_line_id else None
        if own is None:  # pragma: no cover - a day held in a basket has its line
            continue
        result = transition(
            BookingState(booking.state), event, actor, policy_of(_activity(catalogue, booking))
        )
        if isinstance(result, Refusal):  # pragma: no cover - a day held in an unpaid basket is pending
            continue
        changes.apply(booking, result.state, actor, reason=f"{reason} {why}", request_id=own.request_id)
        own.message = why
        others.add(own.request_id)
        released.append(booking)
    await changes.flush()
    if others:
        await _settle_emptied(ctx, others, outcome)
    await changes.promote(catalogue)
    await changes.restate_requests()
    entry.state = outcome.value
    entry.settled_at = ctx.now()
    ctx.session.add(entry)
    return released, [booking for _, booking in kept]


def _activity(catalogue: Catalogue, booking: Booking) -> Activity:
    return catalogue.by_id[catalogue.by_id[booking.period_id].activity_id]  # type: ignore[no-any-return]


async def _left_alone(
    ctx: RequestContext, catalogue: Catalogue, released: list[Booking]
) -> list[tuple[Booking, str]]:
    """The days a released request leaves without a unit they require (``Unit.requires``) that are held
    by another unpaid basket entry: they go with it, each with why (``linked_units.carried_along``).

    A request booking the meal on a morning held by an earlier request of the basket was taken (the
    morning was booked): when that earlier request expires first, or is taken out, the meal would stay
    alone. A paid day cannot be left so: the basket is paid whole, the morning with the meal. One
    statement (none where no unit of the periods is linked), the days locked and read again."""
    periods = {b.period_id for b in released}
    linked = {
        i
        for u in catalogue.units
        if u.period_id in periods and u.requires
        for i in (u.id, *required_units(u))
    }
    if not linked:
        return []
    requires = {u.id: frozenset(required_units(u)) for u in catalogue.units if u.requires}
    days = {(b.child_id, b.day) for b in released}
    rows = (
        await ctx.session.exec(
            select(Booking, BasketEntry.state)
            .outerjoin(BookingLine, col(BookingLine.id) == Booking.book_line_id)
            .outerjoin(BasketEntry, col(BasketEntry.request_id) == BookingLine.request_id)
            .where(
                col(Booking.unit_id).in_(linked),
                col(Booking.child_id).in_({c for c, _ in days}),
                col(Booking.day).in_({d for _, d in days}),
                col(Booking.state).in_([s.value for s in ACTIVE_STATES]),
                col(Booking.id).not_in([b.id for b in released]),
            )
        )
    ).all()
    gone_units: dict[tuple[uuid.UUID, date], set[uuid.UUID]] = {}
    for b in released:
        gone_units.setdefault((b.child_id, b.day), set()).add(b.unit_id)
    staying: dict[tuple[uuid.UUID, date], dict[uuid.UUID, tuple[Booking, bool]]] = {}
    for booking, entry_state in rows:
        if (booking.child_id, booking.day) in days:
            follows = booking.state == BookingState.PENDING.value and entry_state == EntryState.UNPAID
            staying.setdefault((booking.child_id, booking.day), {})[booking.unit_id] = (booking, follows)
    carried: dict[uuid.UUID, str] = {}
    names = {u.id: u.name for u in catalogue.units}
    for key, others in staying.items():
        leaving = gone_units[key]
        followers = {u for u, (_, follows) in others.items() if follows}
        gone, _ = carried_along(requires, set(others) | leaving, leaving, followers)
        for u in gone:
            required = [names[r] for r in requires[u] if r in leaving | gone]
            carried[others[u][0].id] = carried_message(names[u], required)
    if not carried:
        return []
    fresh = await lock_bookings(ctx, list(carried))
    return [(b, carried[b.id]) for b in fresh if b.state == BookingState.PENDING.value]


async def _settle_emptied(ctx: RequestContext, request_ids: set[uuid.UUID], outcome: EntryState) -> None:
    """The other entries whose last held day went with a released request's: ended the same way."""
    still = {line.request_id for line, _ in await held_lines(ctx, list(request_ids), cancellations=True)}
    emptied = request_ids - still
    if not emptied:
        return
    rows = await ctx.session.exec(
        select(BasketEntry).where(
            col(BasketEntry.request_id).in_(emptied), BasketEntry.state == EntryState.UNPAID
        )
    )
    for other in rows.all():
        other.state, other.settled_at = outcome.value, ctx.now()
        ctx.session.add(other)


async def lock_bookings(ctx: RequestContext, booking_ids: list[uuid.UUID]) -> list[Booking]:
    """The bookings, their slots locked first and read again under the locks, in day order."""
    if not booking_ids:
        return []
    s = ctx.session
    slots = (
        await s.exec(select(col(Booking.unit_id), col(Booking.day)).where(col(Booking.id).in_(booking_ids)))
    ).all()
    await lock_slots(s, slots)
    rows = await s.exec(
        select(Booking)
        .where(col(Booking.id).in_(booking_ids))
        .order_by(col(Booking.day), col(Booking.unit_id))
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def expire_baskets(db: Database, settings: Settings, clock: Clock, *, limit: int = 100) -> int:
    """Expire the requests left unpaid past their time (the mail worker's job, each round); returns
    how many. Each is taken in its own transaction, skipping rows another server instance holds."""
    # A read first: most rounds find nothing due, and a write transaction (SQLite's BEGIN IMMEDIATE
    # takes the database's write lock) on every round would hold up the requests' writes.
    async with db.read_sessions() as session:
        due = (
            await session.exec(
                select(BasketEntry.request_id)
                .where(BasketEntry.state == EntryState.UNPAID, col(BasketEntry.pay_before) <= clock.now())
                .limit(1)
            )
        ).first()
    if due is None:
        return 0
    done = 0
    for _ in range(limit):
        ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="basket-expiry")
        if not await in_transaction(ctx, partial(_expire_one, ctx)):
            break
        done += 1
    return done


async def _expire_one(ctx: RequestContext) -> bool:
    entry = (
        await ctx.session.exec(
            select(BasketEntry)
            .where(BasketEntry.state == EntryState.UNPAID, col(BasketEntry.pay_before) <= ctx.now())
            .order_by(col(BasketEntry.pay_before))
            .limit(1)
            .with_for_update(skip_locked=True)
        )
    ).first()
    if entry is None:
        return False
    released, kept = await release(ctx, entry, EntryState.EXPIRED)
    # A payment may still be under way at PayFiP: if it succeeds, the payment's handling honours it
    # (places still free) or flags it for a refund.
    request = await ctx.session.get(BookingRequest, entry.request_id)
    assert request is not None
    if released or kept:
        await _mail_expiry(ctx, request, entry, released, kept)
    return True


async def _mail_expiry(
    ctx: RequestContext,
    request: BookingRequest,
    entry: BasketEntry,
    released: list[Booking],
    kept: list[Booking],
) -> None:
    catalogue = await load_catalogue(ctx)
    children = await children_by_id(ctx, {b.child_id for b in released + kept})

    def item(b: Booking) -> dict[str, str]:
        child = children[b.child_id]
        return {
            "child": f"{child.first_name} {child.last_name}",
            "day": french_date(b.day),
            "unit": catalogue.by_id[b.unit_id].name,
            "price": format_amount(b.price),
        }

    email = (await request_authors(ctx, [request.id])).get(request.id)
    if email is None:
        return
    send_mail(
        ctx,
        "basket_expired",
        email,
        number=request_number_text(request.number),
        path=period_path(catalogue, catalogue.by_id[request.period_id]),
        pay_before=french_moment(entry.pay_before),
        items=[item(b) for b in released],
        kept=[item(b) for b in kept],
        link=client_link(ctx, "/planning"),
    )

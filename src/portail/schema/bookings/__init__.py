""" "Mon planning" in GraphQL: the month calendar, the day window, booking requests (preview and
submit), the history, and the staff queue, decisions, attendance lists and places taken."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any

import strawberry

from portail.resolvers import booking_decisions, booking_requests, planning
from portail.resolvers.catalogue_reading import load_catalogue, period_path
from portail.resolvers.errors import UserErrors
from portail.resolvers.households import children_by_id
from portail.rules import booking_states as states
from portail.rules.calendar import DayReason
from portail.rules.pricing import format_amount
from portail.rules.repeat import Frequency
from portail.schema.bookings.enums import (
    Actor,
    BookingAction,
    BookingDecision,
    BookingRefusal,
    BookingRequestState,
    BookingState,
    DayStatusCode,
    RepeatFrequency,
)
from portail.schema.catalogue.enums import WEEKDAYS, Weekday
from portail.schema.context import Info
from portail.schema.enums import member_or_none
from portail.schema.errors import UserError
from portail.schema.households.enums import ClassLevel, Diet
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation
from portail.schema.pagination import (
    INT,
    After,
    Connection,
    Edge,
    PageSize,
    decode_cursor,
    encode_cursor,
    page_info,
)
from portail.schema.permissions import FAMILY, STAFF


def _state(value: str) -> Any:
    return BookingState[value.upper()]


# ---------------------------------------------------------------------------------------------
# The month calendar


@strawberry.type(description="A child as the planning's checkboxes show it.")
class PlanningChild:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")


@strawberry.type(
    description="A unit that bookings of the planning belong to, listed once in `Planning.units`: the "
    "bookings name it by `unitId`, which keeps a month of bookings small."
)
class PlanningUnit:
    id: strawberry.ID = strawberry.field(description="Opaque id (the bookings' `unitId`).")
    name: str = strawberry.field(description='The unit, e.g. "REPAS".')
    period_id: strawberry.ID = strawberry.field(description="Its period.")
    activity_name: str = strawberry.field(description='Its activity, e.g. "MERCREDIS".')


@strawberry.type(
    description="A booking in the month calendar: a child, a unit and its state. The unit's name is in "
    "`Planning.units`, the state's words in `bookingLegend`."
)
class PlannedBooking:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    child_id: strawberry.ID = strawberry.field(description="The child (one of `Planning.children`).")
    unit_id: strawberry.ID = strawberry.field(description="The unit (one of `Planning.units`).")
    state: BookingState = strawberry.field(description="Its state (the legend's icon).")  # type: ignore[valid-type]
    from_other_account: bool = strawberry.field(
        description="Booked by another household sharing the child (shown only when asked)."
    )
    waiting_position: int | None = strawberry.field(description="Place in the waiting line (1: next); null.")


@strawberry.type(description="A day of the month calendar with its bookings.")
class PlanningDay:
    date: datetime.date = strawberry.field(description="The day.")
    bookings: list[PlannedBooking] = strawberry.field(description="Its bookings, by child then unit.")


@strawberry.type(description='"Mon planning": the children shown and their bookings day by day.')
class Planning:
    start: datetime.date = strawberry.field(name="from", description="First day shown.")
    end: datetime.date = strawberry.field(name="to", description="Last day shown.")
    children: list[PlanningChild] = strawberry.field(description="The children shown, eldest first.")
    units: list[PlanningUnit] = strawberry.field(
        description="The units of the bookings shown, each once, by activity then in their period's order."
    )
    days: list[PlanningDay] = strawberry.field(description="Every day from `from` to `to`, in order.")


def _planning(view: planning.PlanningView) -> Planning:
    by_day: dict[datetime.date, list[PlannedBooking]] = {}
    own = view.household_id
    positions = view.positions
    for r in view.bookings:
        by_day.setdefault(r.day, []).append(
            PlannedBooking(
                id=str(r.id),  # type: ignore[arg-type]
                child_id=str(r.child_id),  # type: ignore[arg-type]
                unit_id=str(r.unit_id),  # type: ignore[arg-type]
                state=_state(r.state),
                from_other_account=r.household_id != own,
                waiting_position=positions.get(r.id),
            )
        )
    days = []
    day = view.start
    while day <= view.end:
        days.append(PlanningDay(date=day, bookings=by_day.get(day, [])))
        day += datetime.timedelta(days=1)
    return Planning(
        start=view.start,
        end=view.end,
        children=[
            PlanningChild(id=to_id(c.id), first_name=c.first_name, last_name=c.last_name)
            for c in view.children
        ],
        units=[
            PlanningUnit(
                id=to_id(u.id), name=u.name, period_id=to_id(u.period_id), activity_name=u.activity_name
            )
            for u in view.units
        ],
        days=days,
    )


# ---------------------------------------------------------------------------------------------
# The day window


@strawberry.type(description="The child's booking of a unit on a day.")
class ChildBooking:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: BookingState = strawberry.field(description="Its state.")  # type: ignore[valid-type]
    state_label: str = strawberry.field(description="The legend's words.")
    waiting_position: int | None = strawberry.field(description="Place in the waiting line (1: next); null.")
    from_other_account: bool = strawberry.field(description="Booked by another household sharing the child.")


@strawberry.type(description="One unit on one day for the child: what may be done, at what price.")
class BookableUnit:
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    bookable: bool = strawberry.field(description="Whether a BOOK line for it would be taken now.")
    refusal: BookingRefusal | None = strawberry.field(description="Why not bookable; null when bookable.")  # type: ignore[valid-type]
    message: str = strawberry.field(description="Why not, in French; empty when bookable.")
    would_wait: bool = strawberry.field(
        description="Bookable, but the day is full: it would join the waiting line."
    )
    places_left: int | None = strawberry.field(description="Places left that day; null: no limit.")
    waiting_count: int = strawberry.field(description="Bookings waiting for a place that day.")
    booking_deadline: datetime.datetime = strawberry.field(description="Until when it can be booked.")
    cancellation_deadline: datetime.datetime = strawberry.field(
        description="Until when a booking is cancelled at once (after: per activity, a request or refused)."
    )
    price: int = strawberry.field(description="Price of the day for this family, in cents.")
    price_text: str = strawberry.field(description='The price in French, e.g. "7,70 €".')
    booking: ChildBooking | None = strawberry.field(
        description="The child's booking of it that day; null: none."
    )
    cancellable: bool = strawberry.field(description="Whether a CANCEL line for it would be taken now.")
    cancellation_outcome: BookingState | None = strawberry.field(  # type: ignore[valid-type]
        description="What cancelling now gives: CANCELLED, or CANCELLATION_REQUESTED after the deadline."
    )


@strawberry.type(description="A day of the period for the child: open or not and why, and its units.")
class BookableDay:
    date: datetime.date = strawberry.field(description="The day.")
    open: bool = strawberry.field(description="Whether the activity runs that day.")
    status: DayStatusCode = strawberry.field(description="Why it is open or closed.")  # type: ignore[valid-type]
    label: str = strawberry.field(description='In French, e.g. "Vacances de la Toussaint".')
    units: list[BookableUnit] = strawberry.field(description="The period's units, in their order.")


@strawberry.type(description="What the planning's day window shows for one child and one period.")
class BookableDays:
    child: PlanningChild = strawberry.field(description="The child.")
    period_id: strawberry.ID = strawberry.field(description="The period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    enrolled: bool = strawberry.field(
        description="Whether the child is enrolled (only enrolled children book)."
    )
    days: list[BookableDay] = strawberry.field(description="Each day asked for, in order.")


def _bookable(view: planning.BookableDays, path: str) -> BookableDays:
    days = []
    for d in view.days:
        units = []
        for u in d.units:
            b = u.booking
            units.append(
                BookableUnit(
                    unit_id=to_id(u.unit.id),
                    unit_name=u.unit.name,
                    bookable=u.bookable,
                    refusal=BookingRefusal[u.refusal] if u.refusal else None,
                    message=u.message,
                    would_wait=u.would_wait,
                    places_left=u.places_left,
                    waiting_count=u.waiting,
                    booking_deadline=u.booking_deadline,
                    cancellation_deadline=u.cancellation_deadline,
                    price=u.price,
                    price_text=format_amount(u.price),
                    booking=ChildBooking(
                        id=to_id(b.id),
                        state=_state(b.state),
                        state_label=states.STATE_LABELS[states.BookingState(b.state)],
                        waiting_position=u.waiting_position,
                        from_other_account=b.household_id != view.household_id,
                    )
                    if b
                    else None,
                    cancellable=u.cancellable,
                    cancellation_outcome=_state(u.cancellation_outcome) if u.cancellation_outcome else None,
                )
            )
        days.append(
            BookableDay(
                date=d.status.day,
                open=d.status.open,
                status=DayStatusCode[DayReason(d.status.reason).value],
                label=d.status.label,
                units=units,
            )
        )
    c = view.child
    return BookableDays(
        child=PlanningChild(id=to_id(c.id), first_name=c.first_name, last_name=c.last_name),
        period_id=to_id(view.period.id),
        path=path,
        enrolled=view.enrolled,
        days=days,
    )


# ---------------------------------------------------------------------------------------------
# Requests: the summary, the history


@strawberry.type(description="A line of a request's summary: what booking or cancelling that day gives.")
class SummaryLine:
    position: int = strawberry.field(description="Its place in the request (1 first).")
    child_id: strawberry.ID = strawberry.field(description="The child.")
    child_name: str = strawberry.field(description="The child's first and last name.")
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    date: datetime.date = strawberry.field(description="The day.")
    action: BookingAction = strawberry.field(description="Book or cancel.")  # type: ignore[valid-type]
    outcome: BookingState | None = strawberry.field(  # type: ignore[valid-type]
        description="The booking's state after it (ACCEPTED, PENDING, WAITING, CANCELLED, "
        "CANCELLATION_REQUESTED); null when the line is refused."
    )
    refusal: BookingRefusal | None = strawberry.field(description="Why it is refused; null.")  # type: ignore[valid-type]
    message: str = strawberry.field(description="The outcome, or why it is refused, in French.")
    price: int = strawberry.field(description="Price of the day for this family, in cents.")
    price_text: str = strawberry.field(description="The price in French.")
    waiting_position: int | None = strawberry.field(description="Place in the waiting line it joins; null.")


@strawberry.type(description='A line of the price estimate, e.g. "REPAS RÉSERVÉ – Paul", 36 × 3,20 €.')
class EstimateLine:
    label: str = strawberry.field(description="What is counted.")
    quantity: int = strawberry.field(description="Days (negative: days cancelled, no longer charged).")
    unit_price: int = strawberry.field(description="Price of one, in cents.")
    amount: int = strawberry.field(description="quantity × unitPrice, in cents.")
    amount_text: str = strawberry.field(description="The amount in French.")


@strawberry.type(description="The estimate for one regie (each regie invoices and is paid on its own).")
class RegieEstimate:
    regie: str = strawberry.field(description="The regie's name.")
    lines: list[EstimateLine] = strawberry.field(description="Its lines.")
    total: int = strawberry.field(description="Total, in cents.")
    total_text: str = strawberry.field(description="Total in French.")


@strawberry.type(
    description="A request's summary (the guide's \"récapitulatif\"): every line and the estimate."
)
class BookingSummary:
    period_id: strawberry.ID = strawberry.field(description="The period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    state: BookingRequestState | None = strawberry.field(  # type: ignore[valid-type]
        description="The state the request has (or would have); null when no line changes anything."
    )
    state_label: str = strawberry.field(
        description='In French, e.g. "En attente de traitement"; empty if null.'
    )
    lines: list[SummaryLine] = strawberry.field(description="Every line, in the request's order.")
    taken_count: int = strawberry.field(description="Lines that change something.")
    refused_count: int = strawberry.field(description="Lines refused.")
    estimate: list[RegieEstimate] = strawberry.field(
        description="Booked days at this family's price, cancelled days taken off; waiting days cost "
        "nothing yet."
    )
    total: int = strawberry.field(description="Estimated total, in cents.")
    total_text: str = strawberry.field(description="Estimated total in French.")


def _summary(plan: booking_requests.Plan) -> BookingSummary:
    state = plan.state
    lines = [
        SummaryLine(
            position=line.position,
            child_id=to_id(line.child.id),
            child_name=f"{line.child.first_name} {line.child.last_name}",
            unit_id=to_id(line.unit.id),
            unit_name=line.unit.name,
            date=line.day,
            action=BookingAction.CANCEL if line.cancel else BookingAction.BOOK,
            outcome=_state(line.state.value) if line.state else None,
            refusal=BookingRefusal[line.refusal] if line.refusal else None,
            message=line.message,
            price=line.price,
            price_text=format_amount(line.price),
            waiting_position=line.waiting_position,
        )
        for line in plan.lines
    ]
    return BookingSummary(
        period_id=to_id(plan.period.id),
        path=plan.path,
        state=BookingRequestState[state.name] if state else None,
        state_label=states.REQUEST_STATE_LABELS[state] if state else "",
        lines=lines,
        taken_count=sum(1 for line in plan.lines if not line.refused),
        refused_count=sum(1 for line in plan.lines if line.refused),
        estimate=[
            RegieEstimate(
                regie=str(r.regie),
                lines=[
                    EstimateLine(
                        label=p.label,
                        quantity=p.quantity,
                        unit_price=p.unit_price,
                        amount=p.amount,
                        amount_text=format_amount(p.amount),
                    )
                    for p in r.lines
                ],
                total=r.total,
                total_text=format_amount(r.total),
            )
            for r in plan.estimate.regies
        ],
        total=plan.estimate.total,
        total_text=format_amount(plan.estimate.total),
    )


@strawberry.type(description="A line of a request in the history: its own state and, if refused, why.")
class BookingRequestLine:
    id: strawberry.ID = strawberry.field(description="Opaque id (what staff's `decideBookings` takes).")
    position: int = strawberry.field(description="Its place in the request.")
    child_id: strawberry.ID = strawberry.field(description="The child.")
    child_name: str = strawberry.field(description="The child's first and last name.")
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    date: datetime.date = strawberry.field(description="The day.")
    action: BookingAction = strawberry.field(description="Book or cancel.")  # type: ignore[valid-type]
    state: BookingState = strawberry.field(  # type: ignore[valid-type]
        description="A booking line follows its booking; a cancellation line is CANCELLED, "
        "CANCELLATION_REQUESTED or REFUSED."
    )
    state_label: str = strawberry.field(description="The legend's words.")
    refusal: BookingRefusal | None = strawberry.field(description="Why refused when submitted; null.")  # type: ignore[valid-type]
    message: str = strawberry.field(description="Why refused (when submitted, or staff's reason); empty.")
    price: int = strawberry.field(description="Price of the day when submitted, in cents.")


@strawberry.type(description='A booking request ("dossier") of the history.')
class BookingRequest:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    number: int = strawberry.field(description="Its number (N° dossier).")
    number_text: str = strawberry.field(description='The number as printed, e.g. "000007".')
    created_at: datetime.datetime = strawberry.field(description="When it was submitted.")
    state: BookingRequestState = strawberry.field(description="Where it stands.")  # type: ignore[valid-type]
    state_label: str = strawberry.field(description="In French.")
    period_id: strawberry.ID = strawberry.field(description="The period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    first_day: datetime.date = strawberry.field(description="Its first day.")
    last_day: datetime.date = strawberry.field(description="Its last day.")
    children: list[str] = strawberry.field(description="The children it concerns (first names).")
    household_name: str | None = strawberry.field(description="Staff: the household; null for families.")
    referent: str = strawberry.field(
        description='Who made it ("Référent" of "Historique"): the first name of the guardian whose '
        'account submitted it, or "Service enfance" when staff made it on the family\'s behalf.'
    )
    lines: list[BookingRequestLine] = strawberry.field(description="Its lines (the detail, « ... »).")


@strawberry.type(description='A page of the household\'s booking requests ("Historique"), newest first.')
class BookingRequestConnection(Connection[BookingRequest]):
    pass


@strawberry.type(
    description="A page of the staff queue: requests with lines awaiting a decision, oldest first."
)
class BookingQueueConnection(Connection[BookingRequest]):
    total_count: int = strawberry.field(description="How many requests await a decision in all.")


def _request(
    r: Any,
    path: str,
    children: list[str],
    lines: list[BookingRequestLine],
    referent: str,
    household_name: str | None = None,
) -> BookingRequest:
    state = states.RequestState(r.state)
    return BookingRequest(
        id=to_id(r.id),
        number=r.number,
        number_text=states.request_number_text(r.number),
        created_at=r.created_at,
        state=BookingRequestState[state.name],
        state_label=states.REQUEST_STATE_LABELS[state],
        period_id=to_id(r.period_id),
        path=path,
        first_day=r.first_day,
        last_day=r.last_day,
        children=children,
        household_name=household_name,
        referent=referent,
        lines=lines,
    )


def _request_line(
    line_id: uuid.UUID,
    position: int,
    child: Any,
    unit: Any,
    day: datetime.date,
    action: str,
    state: str,
    refusal: str,
    message: str,
    price: int,
) -> BookingRequestLine:
    return BookingRequestLine(
        id=to_id(line_id),
        position=position,
        child_id=to_id(child.id),
        child_name=f"{child.first_name} {child.last_name}",
        unit_id=to_id(unit.id),
        unit_name=unit.name,
        date=day,
        action=BookingAction[action.upper()],
        state=_state(state),
        state_label=states.STATE_LABELS[states.BookingState(state)],
        refusal=BookingRefusal[refusal] if refusal else None,
        message=message,
        price=price,
    )


async def _requests(
    info: Info, views: list[booking_requests.RequestView], households: dict[uuid.UUID, str] | None = None
) -> list[BookingRequest]:
    ctx = info.context.app
    catalogue = await load_catalogue(ctx)
    children = await children_by_id(ctx, {line.child_id for v in views for line in v.lines})
    names = await booking_requests.referents(
        ctx, {v.request.requested_by for v in views if v.referent is None}
    )
    return [
        _request(
            v.request,
            v.path,
            list(dict.fromkeys(children[line.child_id].first_name for line in v.lines)),
            [
                _request_line(
                    line.id,
                    line.position,
                    children[line.child_id],
                    catalogue.by_id[line.unit_id],
                    line.day,
                    line.action,
                    line.state,
                    line.refusal,
                    line.message,
                    line.price,
                )
                for line in v.lines
            ],
            v.referent if v.referent is not None else names[v.request.requested_by],
            households.get(v.request.household_id) if households is not None else None,
        )
        for v in views
    ]


def _submitted(plan: booking_requests.Plan) -> BookingRequest:
    """The request just written, from what was written (no need to read it back)."""
    assert plan.request is not None
    return _request(
        plan.request,
        plan.path,
        list(dict.fromkeys(line.child.first_name for line in plan.lines)),
        [
            _request_line(
                line.line_id,  # type: ignore[arg-type]
                line.position,
                line.child,
                line.unit,
                line.day,
                "cancel" if line.cancel else "book",
                line.stored_state,
                line.refusal,
                line.message if line.refused else "",
                line.price,
            )
            for line in plan.lines
        ],
        plan.referent,
    )


def _number_cursor(kind: str, value: str | None) -> int | None:
    key = decode_cursor(value, kind, (INT,))
    return key[0] if key else None


# ---------------------------------------------------------------------------------------------
# Staff: attendance and places


@strawberry.type(description="A child expected on the day, with what the canteen and the team must know.")
class AttendanceChild:
    booking_id: strawberry.ID = strawberry.field(description="The booking (see `bookingHistory`).")
    child_id: strawberry.ID = strawberry.field(description="The child.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    class_level: ClassLevel | None = strawberry.field(description="Class.")  # type: ignore[valid-type]
    school: str = strawberry.field(description="School.")
    diet: Diet | None = strawberry.field(description="Diet at the canteen.")  # type: ignore[valid-type]
    food_allergies: str = strawberry.field(description="Food allergies.")
    allergies: str = strawberry.field(description="Other allergies.")
    has_pai: bool = strawberry.field(
        description="Whether the child has a PAI (projet d'accueil individualisé)."
    )
    state: BookingState = strawberry.field(  # type: ignore[valid-type]
        description="ACCEPTED, or CANCELLATION_REQUESTED (expected until staff grant the cancellation)."
    )
    household_name: str = strawberry.field(description="The household that booked.")


@strawberry.type(description="The attendance list of one unit on one day.")
class AttendanceList:
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    period_id: strawberry.ID = strawberry.field(description="Its period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    count: int = strawberry.field(description="Children expected.")
    with_pai: int = strawberry.field(description="Of whom with a PAI.")
    children: list[AttendanceChild] = strawberry.field(description="By last name.")


@strawberry.type(description="Bookings of a unit on a day, by state, against its capacity.")
class SlotUse:
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    date: datetime.date = strawberry.field(description="The day.")
    capacity: int | None = strawberry.field(description="Places per day; null: no limit.")
    held: int = strawberry.field(description="Places held: accepted + pending + cancellation requested.")
    places_left: int | None = strawberry.field(description="Places left; null: no limit.")
    accepted: int = strawberry.field(description="Accepted bookings.")
    pending: int = strawberry.field(description="Bookings awaiting staff or payment.")
    cancellation_requested: int = strawberry.field(description="Cancellation requests awaiting staff.")
    waiting: int = strawberry.field(description="Bookings in the waiting line.")




@strawberry.type(description="A change of a booking's state: who, when, why.")
class BookingStateChange:
    at: datetime.datetime = strawberry.field(description="When.")
    from_state: BookingState | None = strawberry.field(description="Before; null when it was made.")  # type: ignore[valid-type]
    to_state: BookingState = strawberry.field(description="After.")  # type: ignore[valid-type]
    actor: Actor = strawberry.field(description="Who caused it.")  # type: ignore[valid-type]
    author_email: str = strawberry.field(description="The account that did it; empty for the portal itself.")
    request_number: int | None = strawberry.field(description="The request (N° dossier) it came with; null.")
    reason: str = strawberry.field(description="Why (staff's reason, or the portal's).")


# ---------------------------------------------------------------------------------------------
# Inputs and payloads


@strawberry.input(description='A one-off change: "Nouvelle présence" or "ANNULER" > "Cette demande".')
class BookingChangeInput:
    child_id: strawberry.ID = strawberry.field(description="The child.")
    unit_id: strawberry.ID = strawberry.field(description="A unit of the request's period.")
    date: datetime.date = strawberry.field(description="The day.")
    action: BookingAction = strawberry.field(default=BookingAction.BOOK, description="Book or cancel.")  # type: ignore[valid-type]


@strawberry.input(
    description='"RECOPIER LA SÉLECTION" / "MODE RECOPIE": the units chosen for one day, copied to the '
    "chosen "
    'weekdays from `start` to `end` ("Plus de jours" with CANCEL). Only days the activity runs are reached; '
    "a cancelling repeat reaches only days with something to cancel."
)
class BookingRepeatInput:
    child_ids: list[strawberry.ID] = strawberry.field(
        description="The children (one request may cover several)."
    )
    unit_ids: list[strawberry.ID] = strawberry.field(description="The units selected.")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week to copy to.")  # type: ignore[valid-type]
    start: datetime.date | None = strawberry.field(
        default=None, description="First day; null: the period's first."
    )
    end: datetime.date | None = strawberry.field(
        default=None, description="Last day; null: the period's last."
    )
    frequency: RepeatFrequency = strawberry.field(  # type: ignore[valid-type]
        default=RepeatFrequency.EVERY_WEEK, description="Every week, every other week, even or odd weeks."
    )
    action: BookingAction = strawberry.field(default=BookingAction.BOOK, description="Book or cancel.")  # type: ignore[valid-type]


@strawberry.input(
    description="A booking request for one period: one-off changes and repeats, for one or several children. "
    "`previewBookingRequest` and `submitBookingRequest` take the same input."
)
class BookingRequestInput:
    period_id: strawberry.ID = strawberry.field(description="The period (the service chosen).")
    changes: list[BookingChangeInput] = strawberry.field(default_factory=list, description="One-off changes.")
    repeats: list[BookingRepeatInput] = strawberry.field(default_factory=list, description="Repeats.")


def _request_data(input: BookingRequestInput) -> booking_requests.RequestData:
    return booking_requests.RequestData(
        period_id=parse_id(input.period_id),
        changes=[
            booking_requests.ChangeData(
                parse_id(c.child_id), parse_id(c.unit_id), c.date, c.action == BookingAction.CANCEL
            )
            for c in input.changes
        ],
        repeats=[
            booking_requests.RepeatData(
                child_ids=[parse_id(i) for i in r.child_ids],
                unit_ids=[parse_id(i) for i in r.unit_ids],
                weekdays=[WEEKDAYS.index(d) + 1 for d in r.weekdays],
                start=r.start,
                end=r.end,
                frequency=Frequency(r.frequency.name.lower()),
                cancel=r.action == BookingAction.CANCEL,
            )
            for r in input.repeats
        ],
    )


@strawberry.type(description="Result of `previewBookingRequest` and `submitBookingRequest`.")
class BookingRequestPayload:
    summary: BookingSummary | None = strawberry.field(description="The summary; null on error.")
    request: BookingRequest | None = strawberry.field(
        description="Submit: the request written, with its number; null for a preview or on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix in the input; empty on success.")


@strawberry.type(description="Result of `decideBookings`.")
class DecideBookingsPayload:
    requests: list[BookingRequest] = strawberry.field(description="The requests decided, as they now are.")
    errors: list[UserError] = strawberry.field(description="What to fix; nothing is decided when not empty.")


def _ids(values: list[strawberry.ID] | None) -> list[uuid.UUID | None] | None:
    return None if values is None else [parse_id(v) for v in values]


# ---------------------------------------------------------------------------------------------
# Queries


@strawberry.type(description="An entry of the planning's legend (\"Légende > Icônes d'état\").")
class BookingLegendEntry:
    state: BookingState = strawberry.field(description="The state.")  # type: ignore[valid-type]
    label: str = strawberry.field(description='Its words, e.g. "Présence acceptée".')


LEGEND = [BookingLegendEntry(state=_state(s.value), label=label) for s, label in states.STATE_LABELS.items()]


@strawberry.type
class BookingQueries:
    @strawberry.field(
        description="The planning's legend: every state a booking can be in, with its words, in the "
        "guide's order. The same for everyone (no sign-in needed)."
    )
    def booking_legend(self) -> list[BookingLegendEntry]:
        return LEGEND

    @strawberry.field(
        permission_classes=FAMILY,
        description='"Mon planning": the household\'s bookings day by day from `from` to `to` (at most 93 '
        "days). "
        "Cancelled, refused and expired bookings only with `includeCancelledAndRefused`; a shared child's "
        "bookings made by the other household only with `includeOtherAccounts`. An unknown child id is "
        "NOT_FOUND.",
    )
    async def planning(
        self,
        info: Info,
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
        child_ids: Annotated[
            list[strawberry.ID] | None,
            strawberry.argument(
                description='The children to show ("Voir les réservations des usagers"); null: all.'
            ),
        ] = None,
        include_cancelled_and_refused: Annotated[
            bool, strawberry.argument(description='"Afficher les annulations et refus".')
        ] = False,
        include_other_accounts: Annotated[
            bool, strawberry.argument(description='"Afficher les réservations liées à d\'autres comptes".')
        ] = False,
    ) -> Planning:
        view = await planning.planning(
            info.context.app,
            start,
            end,
            _ids(child_ids),
            include_cancelled_and_refused,
            include_other_accounts,
        )
        return _planning(view)

    @strawberry.field(
        permission_classes=FAMILY,
        description="The day window of the planning for one child and one period: each day from `from` to "
        "`to` "
        "(at most 93) open or not and why, and per unit whether it can be booked or cancelled now, places "
        "left, "
        "deadlines, the price for this family and the child's booking. Unknown (or another family's) "
        "child or "
        "period: NOT_FOUND.",
    )
    async def bookable_days(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
    ) -> BookableDays:
        ctx = info.context.app
        view = await planning.bookable_days(ctx, parse_id(child_id), parse_id(period_id), start, end)
        catalogue = await load_catalogue(ctx)
        return _bookable(view, period_path(catalogue, view.period))

    @strawberry.field(
        permission_classes=FAMILY,
        description='"Historique": the household\'s booking requests, newest first, with their lines; '
        "filter by "
        "child, state or period; pages of `first` (1 to 100) after `after` (the previous page's "
        "`endCursor`).",
    )
    async def booking_requests(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        child_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only requests for this child.")
        ] = None,
        state: Annotated[
            BookingRequestState | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only requests in this state."),
        ] = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period.")
        ] = None,
    ) -> BookingRequestConnection:
        page = await booking_requests.history(
            info.context.app,
            first=first,
            after=_number_cursor("bookingRequests", after),
            child_id=parse_id(child_id),
            child_given=child_id is not None,
            state=state.name.lower() if state is not None else None,
            period_id=parse_id(period_id),
            period_given=period_id is not None,
        )
        nodes = await _requests(info, page.items)
        items = [
            Edge(cursor=encode_cursor("bookingRequests", (v.request.number,)), node=n)
            for v, n in zip(page.items, nodes, strict=True)
        ]
        return BookingRequestConnection(edges=items, page_info=page_info(items, page.has_next))

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: requests with lines awaiting a decision (bookings to accept, cancellation "
        "requests), "
        "oldest first, a page at a time.",
    )
    async def booking_queue(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
    ) -> BookingQueueConnection:
        page = await booking_decisions.queue(
            info.context.app, first=first, after=_number_cursor("bookingQueue", after)
        )
        nodes = await _requests(info, page.items, page.households)
        items = [
            Edge(cursor=encode_cursor("bookingQueue", (v.request.number,)), node=n)
            for v, n in zip(page.items, nodes, strict=True)
        ]
        return BookingQueueConnection(
            edges=items, page_info=page_info(items, page.has_next), total_count=page.total
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the attendance list of a day for each unit of an activity: children expected, "
        "with "
        "their diets, allergies and PAI.",
    )
    async def attendance(
        self,
        info: Info,
        activity_id: Annotated[strawberry.ID, strawberry.argument(description="The activity.")],
        date: Annotated[datetime.date, strawberry.argument(description="The day.")],
    ) -> list[AttendanceList]:
        lists = await booking_decisions.attendance(info.context.app, parse_id(activity_id), date)
        result = []
        for a in lists:
            children = [
                AttendanceChild(
                    booking_id=to_id(booking_id),
                    child_id=to_id(c.id),
                    first_name=c.first_name,
                    last_name=c.last_name,
                    class_level=member_or_none(ClassLevel, c.class_level),
                    school=c.school,
                    diet=member_or_none(Diet, c.diet),
                    food_allergies=c.food_allergies,
                    allergies=c.allergies,
                    has_pai=c.has_pai,
                    state=_state(state),
                    household_name=household,
                )
                for booking_id, c, state, household in a.children
            ]
            result.append(
                AttendanceList(
                    unit_id=to_id(a.unit.id),
                    unit_name=a.unit.name,
                    period_id=to_id(a.period.id),
                    path=a.path,
                    count=len(children),
                    with_pai=sum(1 for c in children if c.has_pai),
                    children=children,
                )
            )
        return result

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: per unit of a period and day (from `from` to `to`, at most 93 days) with any "
        "booking, "
        "the bookings by state against the capacity.",
    )
    async def places_taken(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
    ) -> list[SlotUse]:
        uses = await booking_decisions.places_taken(info.context.app, parse_id(period_id), start, end)
        result = []
        for use in uses:
            c = use.counts
            result.append(
                SlotUse(
                    unit_id=to_id(use.unit.id),
                    unit_name=use.unit.name,
                    date=use.day,
                    capacity=use.unit.capacity,
                    held=use.held,
                    places_left=use.places_left,
                    accepted=c["accepted"],
                    pending=c["pending"],
                    cancellation_requested=c["cancellation_requested"],
                    waiting=c["waiting"],
                )
            )
        return result

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: every change of a booking's state, oldest first (who, when, why). The booking "
        "ids "
        "are those of `planning`, `attendance`… An unknown id is NOT_FOUND.",
    )
    async def booking_history(
        self,
        info: Info,
        booking_id: Annotated[strawberry.ID, strawberry.argument(description="The booking.")],
    ) -> list[BookingStateChange]:
        changes = await booking_decisions.booking_history(info.context.app, parse_id(booking_id))
        return [
            BookingStateChange(
                at=c.event.at,
                from_state=_state(c.event.from_state) if c.event.from_state else None,
                to_state=_state(c.event.to_state),
                actor=Actor[c.event.actor.upper()],
                author_email=c.author,
                request_number=c.request_number,
                reason=c.event.reason,
            )
            for c in changes
        ]


# ---------------------------------------------------------------------------------------------
# Mutations


@strawberry.type
class BookingMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description='The summary of a booking request without writing anything ("SUIVANT"): every line '
        "with its "
        "outcome or why it is refused, and the price estimate. Input errors (unknown or foreign ids, dates "
        "outside the period, a child not enrolled, bad repeats, duplicates, too many changes) come in "
        "`errors`.",
    )
    async def preview_booking_request(
        self,
        info: Info,
        input: Annotated[BookingRequestInput, strawberry.argument(description="The request.")],
    ) -> BookingRequestPayload:
        # A preview writes nothing: it reads outside any write transaction (no write lock on SQLite).
        try:
            plan = await booking_requests.preview(info.context.app, _request_data(input))
        except UserErrors as refused:
            return BookingRequestPayload(summary=None, request=None, errors=UserError.from_errors(refused))
        return BookingRequestPayload(summary=_summary(plan), request=None, errors=[])

    @strawberry.mutation(
        permission_classes=FAMILY,
        description='Submit a booking request ("VALIDER"): written at once with its number, the lines '
        "that can "
        "be taken taking effect and refused ones recorded with their reason; the family is mailed the state "
        "(en attente de traitement, acceptée or refusée). When no line can change anything: "
        "NOTHING_TO_SUBMIT "
        "and nothing is written.",
    )
    async def submit_booking_request(
        self,
        info: Info,
        input: Annotated[BookingRequestInput, strawberry.argument(description="The request.")],
    ) -> BookingRequestPayload:
        plan, errors = await run_mutation(
            info, lambda: booking_requests.submit(info.context.app, _request_data(input))
        )
        if plan is None or plan.request is None:
            return BookingRequestPayload(summary=None, request=None, errors=errors)
        return BookingRequestPayload(summary=_summary(plan), request=_submitted(plan), errors=[])

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: accept or refuse (a reason is required) bookings and cancellation requests "
        "awaiting a "
        "decision. `ids` are request ids (all their lines awaiting a decision) or line ids. A refused "
        "booking, "
        "or a granted cancellation, frees its place for the first in the waiting line. Each family is "
        "mailed.",
    )
    async def decide_bookings(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Request or line ids.")],
        decision: Annotated[BookingDecision, strawberry.argument(description="Accept or refuse.")],  # type: ignore[valid-type]
        reason: Annotated[str, strawberry.argument(description="Why (required to refuse).")] = "",
    ) -> DecideBookingsPayload:
        ctx = info.context.app
        accept = decision == BookingDecision.ACCEPT
        rows, errors = await run_mutation(
            info, lambda: booking_decisions.decide(ctx, [parse_id(i) for i in ids], accept, reason)
        )
        if rows is None:
            return DecideBookingsPayload(requests=[], errors=errors)
        lines = await booking_requests.lines_of(ctx, [r.id for r in rows])
        catalogue = await load_catalogue(ctx)
        views = [
            booking_requests.RequestView(
                r, lines.get(r.id, []), period_path(catalogue, catalogue.by_id[r.period_id])
            )
            for r in rows
        ]
        return DecideBookingsPayload(requests=await _requests(info, views, {}), errors=[])

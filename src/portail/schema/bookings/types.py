"""The output types of the bookings domain and their mapping from the use cases' views: the month
calendar, the day window, a request's summary and history, and the staff's lists."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import strawberry

from portail.resolvers import booking_decisions, booking_requests, planning
from portail.resolvers.rows import Child
from portail.rules import booking_states as states
from portail.rules.calendar import DayReason
from portail.rules.pricing import format_amount
from portail.schema.bookings.enums import (
    Actor,
    AttendanceStatus,
    BookingAction,
    BookingRefusal,
    BookingRequestState,
    BookingState,
    DayStatusCode,
    booking_state,
)
from portail.schema.catalogue.enums import UnitCounting
from portail.schema.enums import member_or_none
from portail.schema.households.enums import ClassLevel, Diet
from portail.schema.ids import to_id
from portail.schema.pagination import Connection

# ---------------------------------------------------------------------------------------------
# The month calendar


@strawberry.type(description="A child as the planning's checkboxes show it.")
class PlanningChild:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")

    @classmethod
    def of(cls, child: Child) -> PlanningChild:
        return cls(id=to_id(child.id), first_name=child.first_name, last_name=child.last_name)


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
    state: BookingState = strawberry.field(description="Its state (the legend's icon).")
    from_other_account: bool = strawberry.field(
        description="Booked by another household sharing the child (shown only when asked)."
    )
    waiting_position: int | None = strawberry.field(description="Place in the waiting line (1: next); null.")
    arrival: datetime.time | None = strawberry.field(
        description="A unit counted in hours: when the child arrives; null for a unit booked by the day."
    )
    departure: datetime.time | None = strawberry.field(
        description="A unit counted in hours: when the child leaves."
    )
    quantity: int | None = strawberry.field(
        description="A unit counted in quantities: how many items (its price is the tariff's times it); null "
        "for another unit."
    )


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

    @classmethod
    def of(cls, view: planning.PlanningView) -> Planning:
        # A month of bookings is the API's biggest list: plain fields, built in one pass (bench/). Its
        # ~200 bookings name a handful of children, units and states: each is made an id (str(UUID) is
        # Python code) or a member once.
        positions = view.positions
        ids: dict[uuid.UUID, strawberry.ID] = {}
        members: dict[str, BookingState] = {}
        return cls(
            start=view.start,
            end=view.end,
            children=[PlanningChild.of(c) for c in view.children],
            units=[
                PlanningUnit(
                    id=to_id(u.id), name=u.name, period_id=to_id(u.period_id), activity_name=u.activity_name
                )
                for u in view.units
            ],
            days=[
                PlanningDay(
                    date=d.day,
                    bookings=[
                        PlannedBooking(
                            id=to_id(r.id),
                            child_id=ids.get(r.child_id) or ids.setdefault(r.child_id, to_id(r.child_id)),
                            unit_id=ids.get(r.unit_id) or ids.setdefault(r.unit_id, to_id(r.unit_id)),
                            state=members.get(r.state) or members.setdefault(r.state, booking_state(r.state)),
                            from_other_account=view.from_other_account(r),
                            waiting_position=positions.get(r.id),
                            arrival=r.arrival,
                            departure=r.departure,
                            quantity=r.quantity,
                        )
                        for r in d.bookings
                    ],
                )
                for d in view.days
            ],
        )


# ---------------------------------------------------------------------------------------------
# The day window


@strawberry.type(description="The child's booking of a unit on a day.")
class ChildBooking:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: BookingState = strawberry.field(description="Its state.")
    state_label: str = strawberry.field(description="The legend's words.")
    waiting_position: int | None = strawberry.field(description="Place in the waiting line (1: next); null.")
    from_other_account: bool = strawberry.field(description="Booked by another household sharing the child.")
    arrival: datetime.time | None = strawberry.field(
        description="A unit counted in hours: when the child arrives; null for a unit booked by the day."
    )
    departure: datetime.time | None = strawberry.field(
        description="A unit counted in hours: when the child leaves."
    )
    quantity: int | None = strawberry.field(
        description="A unit counted in quantities: how many items (its price is the tariff's times it); null "
        "for another unit."
    )


@strawberry.type(description="One unit on one day for the child: what may be done, at what price.")
class BookableUnit:
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    bookable: bool = strawberry.field(description="Whether a BOOK line for it would be taken now.")
    refusal: BookingRefusal | None = strawberry.field(description="Why not bookable; null when bookable.")
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
    price: int = strawberry.field(
        description="Price of the day for this family, in cents: what booking it now costs (the unit's "
        "`latePrice` when `late`), or what the child's booking of it cost."
    )
    price_text: str = strawberry.field(description='The price in French, e.g. "7,70 €".')
    late: bool = strawberry.field(
        description='Past the booking deadline ("hors délai"): booking now is taken at the unit\'s '
        "`latePrice` until the day begins (or the child's booking was booked so)."
    )
    booking: ChildBooking | None = strawberry.field(
        description="The child's booking of it that day; null: none."
    )
    cancellable: bool = strawberry.field(description="Whether a CANCEL line for it would be taken now.")
    cancellation_outcome: BookingState | None = strawberry.field(
        description="What cancelling now gives: CANCELLED, or CANCELLATION_REQUESTED after the deadline; "
        "PENDING for a day paid at booking the activity credits: the cancellation waits in the basket."
    )
    cancellation_in_basket: bool = strawberry.field(
        description='A cancellation of this paid day waits in the basket ("Mon panier"): the day is '
        "cancelled and credited once the basket is validated, kept if it is not in time."
    )
    cancellation_charged: bool = strawberry.field(
        description="Cancelling now is past the deadline and the activity charges late cancellations "
        "(`LateCancellation.CHARGE`): the day is cancelled and invoiced all the same."
    )
    cancellation_message: str = strawberry.field(
        description='In French, what cancelling now gives ("Annulée aussitôt.", a request to staff, '
        "a wait in the basket, charged all the same) or why it cannot be cancelled (past the deadline, "
        "booked from the other account, a cancellation already waiting); empty without a booking."
    )
    counted_in: UnitCounting = strawberry.field(
        description="By the day, or by the time spent (`HOURS`: a booking gives `arrival` and `departure` "
        "between `opensAt` and `closesAt`, and `price` is that of each step of `stepMinutes` begun), or by "
        "the quantity (`QUANTITY`: a booking gives its `quantity`, 1 to `maxQuantity`, each at `price`)."
    )
    opens_at: datetime.time | None = strawberry.field(
        description="Counted in hours: the earliest arrival; null for a unit booked by the day."
    )
    closes_at: datetime.time | None = strawberry.field(
        description="Counted in hours: the latest departure; null for a unit booked by the day."
    )
    step_minutes: int = strawberry.field(description="Counted in hours: the step priced, in minutes.")
    max_quantity: int | None = strawberry.field(
        description="Counted in quantities (`QUANTITY`): the most items the child may take that day (a "
        "booking gives its `quantity`, 1 to this, and `price` is that of one item); null otherwise."
    )
    quantity_changeable: bool = strawberry.field(
        description="Counted in quantities: the child's booking may have its quantity changed now (a request "
        "booking the day again with another `quantity`: accepted, booked from this account, not paid "
        "through the basket, before the booking deadline)."
    )
    requires: list[strawberry.ID] = strawberry.field(
        description="Linked units (`Unit.requires`): units of the period at least one of which must be "
        "booked the same day (already, or in the same request) for this one to be taken; empty: none. Booked "
        'alone it is refused (`LINKED_UNIT`): the client says "Se réserve avec : …" before the preview.'
    )
    requires_names: list[str] = strawberry.field(description="The names of `requires`, in the same order.")
    per_child_cap: int | None = strawberry.field(
        description="Days of this unit one child may have in the period (`Unit.perChildCap`); null: no cap."
    )
    child_booked_count: int | None = strawberry.field(
        description="Capped units: the child's days of this unit in the whole period, holding or waiting for "
        "a place (what the cap counts); null without a cap."
    )
    cap_left: int | None = strawberry.field(
        description="Capped units: how many more days of it the child may book (0: none, and the unit is "
        "not bookable, `CAP_REACHED`, on a day the child does not have it); null without a cap."
    )

    @classmethod
    def of(cls, u: planning.UnitDay) -> BookableUnit:
        b = u.booking
        return cls(
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
            late=u.late,
            booking=ChildBooking(
                id=to_id(b.id),
                state=booking_state(b.state),
                state_label=states.state_label(states.BookingState(b.state)),
                waiting_position=u.waiting_position,
                from_other_account=u.booking_from_other_account,
                arrival=b.arrival,
                departure=b.departure,
                quantity=b.quantity,
            )
            if b
            else None,
            cancellable=u.cancellable,
            cancellation_outcome=booking_state(u.cancellation_outcome) if u.cancellation_outcome else None,
            cancellation_charged=u.cancellation_charged,
            cancellation_in_basket=u.cancellation_in_basket,
            cancellation_message=u.cancellation_message,
            counted_in=UnitCounting[u.unit.counted_in.upper()],
            opens_at=u.unit.opens_at,
            closes_at=u.unit.closes_at,
            step_minutes=u.unit.step_minutes,
            max_quantity=u.unit.max_quantity,
            quantity_changeable=u.quantity_changeable,
            requires=[to_id(r.id) for r in u.requires],
            requires_names=[r.name for r in u.requires],
            per_child_cap=u.unit.per_child_cap,
            child_booked_count=u.child_booked_count,
            cap_left=u.cap_left,
        )


@strawberry.type(description="A day of the period for the child: open or not and why, and its units.")
class BookableDay:
    date: datetime.date = strawberry.field(description="The day.")
    open: bool = strawberry.field(description="Whether the activity runs that day.")
    status: DayStatusCode = strawberry.field(description="Why it is open or closed.")
    label: str = strawberry.field(description='In French, e.g. "Vacances de la Toussaint".')
    units: list[BookableUnit] = strawberry.field(description="The period's units, in their order.")

    @classmethod
    def of(cls, d: planning.DayView) -> BookableDay:
        return cls(
            date=d.status.day,
            open=d.status.open,
            status=DayStatusCode[DayReason(d.status.reason).value],
            label=d.status.label,
            units=[BookableUnit.of(u) for u in d.units],
        )


@strawberry.type(description="What the planning's day window shows for one child and one period.")
class BookableDays:
    child: PlanningChild = strawberry.field(description="The child.")
    period_id: strawberry.ID = strawberry.field(description="The period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    enrolled: bool = strawberry.field(
        description="Whether the child is enrolled (only enrolled children book)."
    )
    days: list[BookableDay] = strawberry.field(description="Each day asked for, in order.")

    @classmethod
    def of(cls, view: planning.BookableDays) -> BookableDays:
        return cls(
            child=PlanningChild.of(view.child),
            period_id=to_id(view.period.id),
            path=view.path,
            enrolled=view.enrolled,
            days=[BookableDay.of(d) for d in view.days],
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
    action: BookingAction = strawberry.field(description="Book or cancel.")
    outcome: BookingState | None = strawberry.field(
        description="The booking's state after it (ACCEPTED, PENDING, WAITING, CANCELLED, "
        "CANCELLATION_REQUESTED); for the cancellation of a day paid at booking, where the activity "
        "credits it (`PaidCancellation.CREDIT`), PENDING: it waits in the basket, the day cancelled and "
        "credited once the basket is validated. Null when the line is refused."
    )
    refusal: BookingRefusal | None = strawberry.field(description="Why it is refused; null.")
    message: str = strawberry.field(description="The outcome, or why it is refused, in French.")
    price: int = strawberry.field(
        description="Price of the day for this family, in cents (the unit's late price when `late`)."
    )
    price_text: str = strawberry.field(description="The price in French.")
    late: bool = strawberry.field(
        description='Past the deadline ("hors délai"): a day booked at the unit\'s `latePrice`, or a '
        "cancellation taken but the day still invoiced (`LateCancellation.CHARGE`)."
    )
    waiting_position: int | None = strawberry.field(description="Place in the waiting line it joins; null.")
    arrival: datetime.time | None = strawberry.field(
        description="Booking a unit counted in hours: the arrival asked (`price` counts each step begun "
        "from `arrival` to `departure`); null otherwise."
    )
    departure: datetime.time | None = strawberry.field(
        description="Booking a unit counted in hours: the departure."
    )
    quantity: int | None = strawberry.field(
        description="Booking a unit counted in quantities: the items asked (`price` is the tariff's times "
        "it); when the day was booked with another quantity, the line changes it (its message says the "
        "old price, the estimate adds or takes off the difference). Null otherwise."
    )

    @classmethod
    def of(cls, line: booking_requests.PlannedLine) -> SummaryLine:
        return cls(
            position=line.position,
            child_id=to_id(line.child.id),
            child_name=line.child_name,
            unit_id=to_id(line.unit.id),
            unit_name=line.unit.name,
            date=line.day,
            action=BookingAction.CANCEL if line.cancel else BookingAction.BOOK,
            outcome=booking_state(line.state.value) if line.state else None,
            refusal=BookingRefusal[line.refusal] if line.refusal else None,
            message=line.message,
            price=line.price,
            price_text=format_amount(line.price),
            late=line.late,
            waiting_position=line.waiting_position,
            arrival=line.times[0] if line.times else None,
            departure=line.times[1] if line.times else None,
            quantity=line.quantity,
        )


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
    state: BookingRequestState | None = strawberry.field(
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

    @classmethod
    def of(cls, plan: booking_requests.Plan) -> BookingSummary:
        state = plan.state
        return cls(
            period_id=to_id(plan.period.id),
            path=plan.path,
            state=BookingRequestState[state.name] if state else None,
            state_label=states.REQUEST_STATE_LABELS[state] if state else "",
            lines=[SummaryLine.of(line) for line in plan.lines],
            taken_count=plan.taken_count,
            refused_count=plan.refused_count,
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
    action: BookingAction = strawberry.field(description="Book or cancel.")
    state: BookingState = strawberry.field(
        description="A booking line follows its booking; a cancellation line is CANCELLED, "
        "CANCELLATION_REQUESTED or REFUSED, or, for a paid day cancelled through the basket, PENDING "
        "until the basket is validated (EXPIRED when it was not, in time, or was taken out of it: the day "
        "is kept)."
    )
    state_label: str = strawberry.field(description="The legend's words.")
    refusal: BookingRefusal | None = strawberry.field(description="Why refused when submitted; null.")
    message: str = strawberry.field(description="Why refused (when submitted, or staff's reason); empty.")
    price: int = strawberry.field(description="Price of the day when submitted, in cents.")
    arrival: datetime.time | None = strawberry.field(
        description="A unit counted in hours: the arrival this line asked (the booking holds the latest); "
        "null for other units."
    )
    departure: datetime.time | None = strawberry.field(
        description="A unit counted in hours: the departure this line asked; null for other units."
    )
    quantity: int | None = strawberry.field(
        description="A unit counted in quantities: the items this line asked (a later line may change "
        "them); null for other units."
    )

    @classmethod
    def of(cls, line: booking_requests.RequestLineDetail) -> BookingRequestLine:
        return cls(
            id=to_id(line.id),
            position=line.position,
            child_id=to_id(line.child.id),
            child_name=line.child_name,
            unit_id=to_id(line.unit.id),
            unit_name=line.unit.name,
            date=line.day,
            action=BookingAction.CANCEL if line.cancel else BookingAction.BOOK,
            state=booking_state(line.state),
            state_label=states.state_label(states.BookingState(line.state)),
            refusal=BookingRefusal[line.refusal] if line.refusal else None,
            message=line.message,
            price=line.price,
            arrival=line.times[0] if line.times else None,
            departure=line.times[1] if line.times else None,
            quantity=line.quantity,
        )


@strawberry.type(description='A booking request ("dossier") of the history.')
class BookingRequest:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    number: int = strawberry.field(description="Its number (N° dossier).")
    number_text: str = strawberry.field(description='The number as printed, e.g. "000007".')
    created_at: datetime.datetime = strawberry.field(description="When it was submitted.")
    state: BookingRequestState = strawberry.field(description="Where it stands.")
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

    @classmethod
    def of(cls, detail: booking_requests.RequestDetail) -> BookingRequest:
        r = detail.request
        state = states.RequestState(r.state)
        return cls(
            id=to_id(r.id),
            number=r.number,
            number_text=states.request_number_text(r.number),
            created_at=r.created_at,
            state=BookingRequestState[state.name],
            state_label=states.REQUEST_STATE_LABELS[state],
            period_id=to_id(r.period_id),
            path=detail.path,
            first_day=r.first_day,
            last_day=r.last_day,
            children=detail.children,
            household_name=detail.household_name,
            referent=detail.referent,
            lines=[BookingRequestLine.of(line) for line in detail.lines],
        )


@strawberry.type(description='A page of the household\'s booking requests ("Historique"), newest first.')
class BookingRequestConnection(Connection[BookingRequest]):
    pass


@strawberry.type(
    description="A page of the staff queue: requests with lines awaiting a decision, oldest first."
)
class BookingQueueConnection(Connection[BookingRequest]):
    total_count: int = strawberry.field(description="How many requests await a decision in all.")


# ---------------------------------------------------------------------------------------------
# Staff: attendance, places and a booking's history


@strawberry.interface(
    description="A child on an attendance list, with what the canteen and the team must know, and what "
    "staff recorded for the day."
)
class ListedChild:
    child_id: strawberry.ID = strawberry.field(description="The child (`recordAttendance`'s `childId`).")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    class_level: ClassLevel | None = strawberry.field(description="Class.")
    school: str = strawberry.field(description="School.")
    diet: Diet | None = strawberry.field(description="Diet at the canteen.")
    food_allergies: str = strawberry.field(description="Food allergies.")
    allergies: str = strawberry.field(description="Other allergies.")
    has_pai: bool = strawberry.field(
        description="Whether the child has a PAI (projet d'accueil individualisé)."
    )
    attendance: AttendanceStatus | None = strawberry.field(
        description="What staff recorded for the day (`recordAttendance`); null: nothing yet."
    )


def _listed(child: Any, recorded: dict[Any, str]) -> dict[str, Any]:
    """What every child of an attendance list shows (``ListedChild``'s fields)."""
    return {
        "child_id": to_id(child.id),
        "first_name": child.first_name,
        "last_name": child.last_name,
        "class_level": member_or_none(ClassLevel, child.class_level),
        "school": child.school,
        "diet": member_or_none(Diet, child.diet),
        "food_allergies": child.food_allergies,
        "allergies": child.allergies,
        "has_pai": child.has_pai,
        "attendance": member_or_none(AttendanceStatus, recorded.get(child.id, "").upper() or None),
    }


@strawberry.type(description="A child expected on the day, with what the canteen and the team must know.")
class AttendanceChild(ListedChild):
    booking_id: strawberry.ID = strawberry.field(description="The booking (see `bookingHistory`).")
    state: BookingState = strawberry.field(
        description="ACCEPTED, or CANCELLATION_REQUESTED (expected until staff grant the cancellation)."
    )
    household_name: str = strawberry.field(description="The household that booked.")


@strawberry.type(
    description="A child staff may tick on the day without a coming booking of the unit: enrolled in its "
    'period (a presence is invoiced at the unit\'s "non réservé" price), or no longer enrolled but already '
    "recorded that day (listed so that the record, which is invoiced, can be seen and corrected)."
)
class NotBookedChild(ListedChild):
    household_name: str = strawberry.field(
        description="The household that enrolled the child; for a child no longer enrolled, the household "
        "the recorded attendance is charged to."
    )
    enrolled: bool = strawberry.field(
        description="Whether the child is enrolled in the unit's period; false: no longer (withdrawn) "
        "since the day was recorded."
    )


@strawberry.type(description="The attendance list of one unit on one day.")
class AttendanceList:
    unit_id: strawberry.ID = strawberry.field(description="The unit.")
    unit_name: str = strawberry.field(description="Its name.")
    period_id: strawberry.ID = strawberry.field(description="Its period.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    count: int = strawberry.field(description="Children expected.")
    with_pai: int = strawberry.field(description="Of whom with a PAI.")
    children: list[AttendanceChild] = strawberry.field(description="By last name.")
    not_booked: list[NotBookedChild] = strawberry.field(
        description="The other children staff may tick, by last name then first name: enrolled in the "
        "period with no coming booking that day (none, or one pending, waiting, cancelled or refused), and "
        "children no longer enrolled whose attendance was recorded that day. Not counted in `count`."
    )

    @classmethod
    def of(cls, a: booking_decisions.AttendanceUnit) -> AttendanceList:
        return cls(
            unit_id=to_id(a.unit.id),
            unit_name=a.unit.name,
            period_id=to_id(a.period.id),
            path=a.path,
            count=a.count,
            with_pai=a.with_pai,
            children=[
                AttendanceChild(
                    booking_id=to_id(booking_id),
                    state=booking_state(state),
                    household_name=household,
                    **_listed(c, a.recorded),
                )
                for booking_id, c, state, household in a.children
            ],
            not_booked=[
                NotBookedChild(
                    household_name=n.household_name,
                    enrolled=n.enrolled,
                    **_listed(n.child, a.recorded),
                )
                for n in a.not_booked
            ],
        )


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

    @classmethod
    def of(cls, use: booking_decisions.SlotUse) -> SlotUse:
        c = use.counts
        return cls(
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


@strawberry.type(description="A change of a booking's state: who, when, why.")
class BookingStateChange:
    at: datetime.datetime = strawberry.field(description="When.")
    from_state: BookingState | None = strawberry.field(description="Before; null when it was made.")
    to_state: BookingState = strawberry.field(description="After.")
    actor: Actor = strawberry.field(description="Who caused it.")
    author_email: str = strawberry.field(description="The account that did it; empty for the portal itself.")
    request_number: int | None = strawberry.field(description="The request (N° dossier) it came with; null.")
    reason: str = strawberry.field(description="Why (staff's reason, or the portal's).")

    @classmethod
    def of(cls, change: booking_decisions.StateChange) -> BookingStateChange:
        e = change.event
        return cls(
            at=e.at,
            from_state=booking_state(e.from_state) if e.from_state else None,
            to_state=booking_state(e.to_state),
            actor=Actor[e.actor.upper()],
            author_email=change.author,
            request_number=change.request_number,
            reason=e.reason,
        )


# ---------------------------------------------------------------------------------------------
# The legend


@strawberry.type(description="An entry of the planning's legend (\"Légende > Icônes d'état\").")
class BookingLegendEntry:
    state: BookingState = strawberry.field(description="The state.")
    label: str = strawberry.field(description='Its words, e.g. "Présence acceptée".')


# The same for everyone: built once.
LEGEND = [
    BookingLegendEntry(state=booking_state(s.value), label=label) for s, label in states.STATE_LABELS.items()
]


# "Historique"'s filters


@strawberry.type(
    description='A state a booking request can be in, with its words (a choice of "Historique").'
)
class BookingRequestStateChoice:
    state: BookingRequestState = strawberry.field(description="The state (what `bookingRequests` takes).")
    label: str = strawberry.field(description='Its words, e.g. "En attente de traitement".')


@strawberry.type(description='A period the household has requests in (a choice of "Historique").')
class RequestedPeriod:
    id: strawberry.ID = strawberry.field(
        description="The period (what `bookingRequests` takes as `periodId`)."
    )
    path: str = strawberry.field(description='"Établissement > accueil > période".')


@strawberry.type(
    description='The choices of "Historique"\'s filters: every request state, and the periods the '
    "household has requests in (whichever page of requests is loaded)."
)
class BookingRequestFilters:
    states: list[BookingRequestStateChoice] = strawberry.field(
        description="Every state, in the guide's order."
    )
    periods: list[RequestedPeriod] = strawberry.field(description="Latest period first.")


REQUEST_STATES = [
    BookingRequestStateChoice(state=BookingRequestState[s.name], label=label)
    for s, label in states.REQUEST_STATE_LABELS.items()
]

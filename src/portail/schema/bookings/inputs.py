"""The input types of the bookings domain and their conversion into the use cases' plain data."""

from __future__ import annotations

import datetime
import uuid

import strawberry

from portail.resolvers import attendance, booking_requests
from portail.rules.repeat import Frequency
from portail.schema.bookings.enums import AttendanceStatus, BookingAction, RepeatFrequency
from portail.schema.catalogue.enums import WEEKDAYS, Weekday
from portail.schema.enums import value_of
from portail.schema.ids import parse_id
from portail.schema.leaf_inputs import from_leaves


# A month's save sends 17 of them, twice (preview, submit): built without Strawberry's per-field walk.
@from_leaves
@strawberry.input(description='A one-off change: "Nouvelle présence" or "ANNULER" > "Cette demande".')
class BookingChangeInput:
    child_id: strawberry.ID = strawberry.field(description="The child.")
    unit_id: strawberry.ID = strawberry.field(description="A unit of the request's period.")
    date: datetime.date = strawberry.field(description="The day.")
    action: BookingAction = strawberry.field(default=BookingAction.BOOK, description="Book or cancel.")
    arrival: datetime.time | None = strawberry.field(
        default=None,
        description="A unit counted in hours (`Unit.countedIn`): when the child arrives (required to book "
        "one, within its opening hours; refused for a unit booked by the day). Ignored to cancel.",
    )
    departure: datetime.time | None = strawberry.field(
        default=None, description="A unit counted in hours: when the child leaves (after `arrival`)."
    )
    quantity: int | None = strawberry.field(
        default=None,
        description="A unit counted in quantities (`Unit.countedIn`): how many items (required to book one, "
        "1 to its `maxQuantity`; refused for another unit). Booking a day already booked with another "
        "quantity changes it, re-priced, before the booking deadline. Ignored to cancel.",
    )


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
    weekdays: list[Weekday] = strawberry.field(description="The days of the week to copy to.")
    start: datetime.date | None = strawberry.field(
        default=None, description="First day; null: the period's first."
    )
    end: datetime.date | None = strawberry.field(
        default=None, description="Last day; null: the period's last."
    )
    frequency: RepeatFrequency = strawberry.field(
        default=RepeatFrequency.EVERY_WEEK, description="Every week, every other week, even or odd weeks."
    )
    action: BookingAction = strawberry.field(default=BookingAction.BOOK, description="Book or cancel.")
    arrival: datetime.time | None = strawberry.field(
        default=None,
        description="The arrival of the units counted in hours among `unitIds`, the same each day (required "
        "when there is one; refused when there is none).",
    )
    departure: datetime.time | None = strawberry.field(
        default=None, description="Their departure, the same each day (after `arrival`)."
    )
    quantity: int | None = strawberry.field(
        default=None,
        description="The quantity of the units counted in quantities among `unitIds`, the same each day "
        "(required when there is one, within each one's `maxQuantity`; refused when there is none).",
    )


@from_leaves
@strawberry.input(
    description="A booking request for one period: one-off changes and repeats, for one or several children. "
    "`previewBookingRequest` and `submitBookingRequest` take the same input."
)
class BookingRequestInput:
    period_id: strawberry.ID = strawberry.field(description="The period (the service chosen).")
    changes: list[BookingChangeInput] = strawberry.field(default_factory=list, description="One-off changes.")
    repeats: list[BookingRepeatInput] = strawberry.field(default_factory=list, description="Repeats.")


def request_data(input: BookingRequestInput) -> booking_requests.RequestData:
    """What ``previewBookingRequest`` and ``submitBookingRequest`` hand to the use case."""
    return booking_requests.RequestData(
        period_id=parse_id(input.period_id),
        changes=[
            booking_requests.ChangeData(
                parse_id(c.child_id),
                parse_id(c.unit_id),
                c.date,
                c.action == BookingAction.CANCEL,
                arrival=c.arrival,
                departure=c.departure,
                quantity=c.quantity,
            )
            for c in input.changes
        ],
        repeats=[
            booking_requests.RepeatData(
                child_ids=[parse_id(i) for i in r.child_ids],
                unit_ids=[parse_id(i) for i in r.unit_ids],
                # ISO weekday numbers (Monday 1), as the repeat rules count them.
                weekdays=[WEEKDAYS.index(d) + 1 for d in r.weekdays],
                start=r.start,
                end=r.end,
                frequency=Frequency(r.frequency.name.lower()),
                cancel=r.action == BookingAction.CANCEL,
                arrival=r.arrival,
                departure=r.departure,
                quantity=r.quantity,
            )
            for r in input.repeats
        ],
    )


def parse_ids(values: list[strawberry.ID] | None) -> list[uuid.UUID | None] | None:
    """The UUIDs behind a list argument of ids (None stays None: "not given")."""
    return None if values is None else [parse_id(v) for v in values]


@strawberry.input(description="A child ticked on the attendance list.")
class AttendanceEntryInput:
    child_id: strawberry.ID = strawberry.field(description="The child (enrolled in the unit's period).")
    status: AttendanceStatus = strawberry.field(description="What staff saw.")


def attendance_entries(entries: list[AttendanceEntryInput]) -> list[attendance.AttendanceEntry]:
    return [attendance.AttendanceEntry(parse_id(e.child_id), value_of(e.status).lower()) for e in entries]

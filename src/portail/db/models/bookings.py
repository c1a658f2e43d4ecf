"""Bookings ("présences"), the requests that change them ("demandes de réservation", numbered),
their detail lines, every change of state, and the per-slot rows capacity is locked on."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class RequestNumberCounter(SQLModel, table=True):
    """A named counter for human numbers (e.g. the N° dossier of booking requests).

    Taken with one upsert (``INSERT … ON CONFLICT DO UPDATE … RETURNING``) in the writer's
    transaction, whose row lock makes two requests never get one number.
    """

    __tablename__ = "counter"

    # e.g. "booking_request", "invoice:<regie id>:2027"
    name: str = Field(primary_key=True, max_length=80)
    value: int = 0


class BookingRequest(SQLModel, table=True):
    """A "demande de réservation" (a "dossier"): the changes a family submitted together."""

    __tablename__ = "booking_request"
    __table_args__ = (Index("ix_booking_request_household_created", "household_id", "created_at"),)

    id: uuid.UUID = id_field()
    number: int = Field(unique=True)
    household_id: uuid.UUID = Field(foreign_key="household.id")
    period_id: uuid.UUID = Field(foreign_key="period.id", index=True)
    requested_by: uuid.UUID = Field(foreign_key="account.id")
    # Derived from its lines (portail.rules.booking_states.request_state), kept for filtering.
    state: str = Field(default="pending", max_length=20, index=True)
    # Whether a line still awaits staff (a pending booking or a cancellation request): the staff queue.
    awaiting_staff: bool = Field(default=False, index=True)
    first_day: date
    last_day: date
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class BookingLine(SQLModel, table=True):
    """One line of a request: a child, a unit and a day, booked or cancelled, and how it went.

    ``state`` is the line's own outcome: a booking line follows its booking (pending, accepted,
    waiting, cancelled…); a cancellation line is cancelled, cancellation_requested or refused. A line
    refused when submitted (deadline passed, full, closed…) has no booking and keeps its reason.
    """

    __tablename__ = "booking_line"

    id: uuid.UUID = id_field()
    request_id: uuid.UUID = Field(foreign_key="booking_request.id", index=True)
    position: int
    child_id: uuid.UUID = Field(foreign_key="child.id")
    unit_id: uuid.UUID = Field(foreign_key="unit.id")
    day: date
    # "book" or "cancel"
    action: str = Field(max_length=10)
    state: str = Field(max_length=25)
    booking_id: uuid.UUID | None = Field(default=None, foreign_key="booking.id", index=True)
    # Why the line was refused (a code of the API's BookingRefusal, and a French message).
    refusal: str = Field(default="", max_length=40)
    message: str = Field(default="", max_length=500)
    # The price of the day for the family when submitted, in cents.
    price: int = 0
    # What the line asked of a unit counted in hours (when the child arrives and leaves) or in quantities
    # (how many items): the booking holds only the latest; null for a unit booked by the day.
    arrival: time | None = None
    departure: time | None = None
    quantity: int | None = None


class Booking(SQLModel, table=True):
    """A "présence": one child, one unit, one day, with its state (the guide's legend).

    One row per child, unit and day: booking a day again after a cancellation reuses it.
    """

    __tablename__ = "booking"
    __table_args__ = (
        UniqueConstraint("child_id", "unit_id", "day", name="uq_booking_child_unit_day"),
        Index("ix_booking_unit_day_state", "unit_id", "day", "state"),
        Index("ix_booking_household_day", "household_id", "day"),
        Index("ix_booking_child_day", "child_id", "day"),
    )

    id: uuid.UUID = id_field()
    child_id: uuid.UUID = Field(foreign_key="child.id")
    unit_id: uuid.UUID = Field(foreign_key="unit.id")
    period_id: uuid.UUID = Field(foreign_key="period.id")
    day: date
    # The household whose account booked it: a shared child's bookings belong to one of them.
    household_id: uuid.UUID = Field(foreign_key="household.id")
    state: str = Field(max_length=25)
    # The line that booked it, and the cancellation line acting on it (if any).
    book_line_id: uuid.UUID | None = Field(default=None)
    cancel_line_id: uuid.UUID | None = Field(default=None)
    # Its place in a waiting line: first come (request time), then request number and line.
    queued_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    queue_number: int = 0
    queue_line: int = 0
    price: int = 0
    # A unit counted in hours: when the child arrives and leaves (the price counts the steps between).
    arrival: time | None = None
    departure: time | None = None
    # A unit counted in quantities: how many items (the price is the tariff's times it); None: by the day.
    quantity: int | None = None
    # Booked past the booking deadline, at the unit's late price ("hors délai").
    booked_late: bool = False
    # Cancelled past the cancellation deadline where the activity charges late cancellations: the
    # day is invoiced all the same.
    cancelled_late: bool = False
    # A paid day whose cancellation waits in the basket: it is cancelled (and credited) when the basket
    # is validated, kept if the basket expires or the request is taken out of it.
    cancel_held: bool = False
    updated_at: datetime = created_at_field()


class BookingEvent(SQLModel, table=True):
    """One change of a booking's state: who, when, why."""

    __tablename__ = "booking_event"

    id: uuid.UUID = id_field()
    booking_id: uuid.UUID = Field(foreign_key="booking.id", index=True)
    from_state: str = Field(default="", max_length=25)
    to_state: str = Field(max_length=25)
    # family, staff, system
    actor: str = Field(max_length=10)
    account_id: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    request_id: uuid.UUID | None = Field(default=None, foreign_key="booking_request.id")
    reason: str = Field(default="", max_length=500)
    at: datetime = Field(sa_type=UTCDateTime)


class Attendance(SQLModel, table=True):
    """What staff saw on a day of a unit, for one child: present, absent, or absent with a reason the
    town excuses (not charged). A child present without an accepted booking is charged the unit's
    "non réservé" price by the monthly invoicing."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("child_id", "unit_id", "day", name="uq_attendance_child_unit_day"),
        Index("ix_attendance_unit_day", "unit_id", "day"),
    )

    id: uuid.UUID = id_field()
    child_id: uuid.UUID = Field(foreign_key="child.id")
    unit_id: uuid.UUID = Field(foreign_key="unit.id")
    day: date
    # The household charged: the one whose booking it is, else the one that enrolled the child.
    household_id: uuid.UUID = Field(foreign_key="household.id")
    # present, absent, excused
    status: str = Field(max_length=10)
    recorded_by: uuid.UUID = Field(foreign_key="account.id")
    recorded_at: datetime = Field(sa_type=UTCDateTime)


class SlotCounter(SQLModel, table=True):
    """A unit's day and its counters: ``held`` (pending, accepted, cancellation requested: the places
    taken) and ``waiting``. Every change to that day's bookings locks this row first (``FOR UPDATE``,
    in (unit, day) order), so that places are counted and taken one transaction at a time (the table
    keeps its first name, ``slot_lock``). Every change of a booking's state moves them in the same
    transaction (``portail.resolvers.booking_changes.BookingChanges``), so that a request for a whole year
    reads a few hundred counters instead of counting tens of thousands of bookings.
    """

    __tablename__ = "slot_lock"

    unit_id: uuid.UUID = Field(foreign_key="unit.id", primary_key=True)
    day: date = Field(primary_key=True)
    held: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    waiting: int = Field(default=0, sa_column_kwargs={"server_default": "0"})

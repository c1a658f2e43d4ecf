"""The services a town offers: regie > facility > activity > period > units, their opening
calendar, and children's enrolments."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy import BigInteger, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class Regie(SQLModel, table=True):
    """A public cash office ("régie"): collects the payments of its activities through PayFiP."""

    __tablename__ = "regie"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=100)
    # PayFiP client number ("numcli"), six digits.
    payfip_client_number: str = Field(default="", max_length=6)
    # PayFiP's "saisie": T test, X activation, W production (the treasury moves a regie through them).
    payfip_mode: str = Field(default="T", max_length=1, sa_column_kwargs={"server_default": "T"})
    # How long a basket holds its places before it expires unpaid ("à régler avant").
    hold_minutes: int = Field(default=120, sa_column_kwargs={"server_default": "120"})
    # An invoice is due this many days after it is issued.
    payment_days: int = Field(default=30, sa_column_kwargs={"server_default": "30"})
    # Printed before its invoice numbers ("CAM-2027-000012"): each regie numbers its own invoices.
    invoice_prefix: str = Field(default="", max_length=10, sa_column_kwargs={"server_default": ""})
    created_at: datetime = created_at_field()


class Facility(SQLModel, table=True):
    """An "établissement", e.g. "RESTAURANT SCOLAIRE", "CENTRE AERE MERCREDI"."""

    __tablename__ = "facility"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=100)
    created_at: datetime = created_at_field()


class Activity(SQLModel, table=True):
    """An "accueil", e.g. "RESTAURATION SCOLAIRE", "MERCREDIS", and how it is run."""

    __tablename__ = "activity"

    id: uuid.UUID = id_field()
    facility_id: uuid.UUID = Field(foreign_key="facility.id", index=True)
    regie_id: uuid.UUID | None = Field(default=None, foreign_key="regie.id")
    name: str = Field(max_length=100)
    # school_time, school_holidays, always (portail.rules.calendar.OpenDuring)
    open_during: str = Field(default="school_time", max_length=20)
    # How bookings are accepted: "automatic" within capacity, or "staff".
    acceptance: str = Field(default="automatic", max_length=10)
    # When a day is full: "refuse", or "waiting_list".
    when_full: str = Field(default="refuse", max_length=15)
    # When a place frees for the first in line: "automatic", or "staff" confirm.
    promotion: str = Field(default="automatic", max_length=10)
    # A cancellation after the deadline: "refuse", "request" (staff decide), or "charge" (taken, billed).
    late_cancellation: str = Field(default="request", max_length=10)
    # "invoice" (invoiced afterwards) or "basket" (paid at booking).
    payment: str = Field(default="invoice", max_length=10)
    # A paid day cancelled in time: "credit" (through the basket, its price credited) or "keep".
    paid_cancellation: str = Field(default="credit", max_length=10)
    # Enrolment: "automatic" when prerequisites hold, or "staff" approve.
    enrolment: str = Field(default="automatic", max_length=10)
    # Eligibility: ages in years on the period's first day, and class levels (comma-separated).
    min_age: int | None = None
    max_age: int | None = None
    class_levels: str = Field(default="", max_length=200)
    # Prerequisites: record sections that must be complete, document type codes that must be accepted.
    required_sections: str = Field(default="", max_length=300)
    required_documents: str = Field(default="", max_length=300)
    # Vaccine codes of the town's list (comma-separated) a child must be up to date with.
    required_vaccines: str = Field(default="", max_length=300)
    # New bookings refused to a household with an invoice of the regie unpaid this many days after its
    # due date; None: never.
    block_overdue_days: int | None = None
    # Consent kinds (``ConsentDefinition.kind``, comma-separated) whose current version must be granted
    # to enrol.
    required_consents: str = Field(default="", max_length=300, sa_column_kwargs={"server_default": ""})
    # When families may ask to enrol ("campagne d'inscription"): from opens_at, until closes_at
    # (excluded); None: no bound. A period may set its own bounds (``Period.enrolment_*``).
    enrolment_opens_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    enrolment_closes_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Children enrolled per period (pending and accepted), where the activity has no groups; None:
    # unlimited. With groups, each group has its own capacity.
    enrolment_capacity: int | None = None
    # An enrolment in a full period or group: "refuse", or "waiting_list" (promoted as ``promotion`` says).
    enrolment_when_full: str = Field(
        default="refuse", max_length=15, sa_column_kwargs={"server_default": "refuse"}
    )
    created_at: datetime = created_at_field()


class EnrolmentGroup(SQLModel, table=True):
    """A group of an activity children are enrolled in ("Maternelles", "Élémentaires"), each with its
    own places per period."""

    __tablename__ = "enrolment_group"

    id: uuid.UUID = id_field()
    activity_id: uuid.UUID = Field(foreign_key="activity.id", index=True)
    name: str = Field(max_length=100)
    position: int = 0
    # Children enrolled per period (pending and accepted); None: unlimited.
    capacity: int | None = None
    # The activity's periods the group is offered for, comma-separated ids ("Été 2027 – Maternelles" on
    # the summer only); empty: every period. A column, not a table: the catalogue reads its groups in one
    # statement, kept between requests, and a period is never deleted under its enrolments.
    period_ids: str = Field(default="", sa_type=Text, sa_column_kwargs={"server_default": ""})
    created_at: datetime = created_at_field()


class Period(SQLModel, table=True):
    """A "période", e.g. "RESTAURATION SCOLAIRE 2026-2027": dates and weekdays."""

    __tablename__ = "period"

    id: uuid.UUID = id_field()
    activity_id: uuid.UUID = Field(foreign_key="activity.id", index=True)
    name: str = Field(max_length=150)
    start: date
    end: date
    # Comma-separated weekday numbers, Monday = 0.
    weekdays: str = Field(default="0,1,3,4", max_length=20)
    # When families may book (portail.rules.booking_windows): every column empty, always, as before.
    # From this moment for every household without an opening of its own; None: from the start.
    booking_opens_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Each group's own opening as JSON: [[group, ISO moment], ...]; a group is RESIDENTS, NON_RESIDENTS
    # or a household category code.
    booking_openings: str = Field(default="[]", sa_type=Text, sa_column_kwargs={"server_default": "[]"})
    # Only households of a group listed in ``booking_openings`` book the period.
    booking_groups_only: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # From then no booking or cancellation any more ("closes"), or the period only shown ("read-only").
    booking_closes_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    booking_read_only_from: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # What families read above the period's calendar (plain text, paragraphs separated by blank lines).
    booking_intro: str = Field(default="", sa_type=Text, sa_column_kwargs={"server_default": ""})
    # The period's own enrolment window: each bound given replaces the activity's.
    enrolment_opens_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    enrolment_closes_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = created_at_field()


class Unit(SQLModel, table=True):
    """A "unité" of a period (e.g. "REPAS", "JOURNEE CENTRE AERE MERCREDI"): capacity, deadlines, price."""

    __tablename__ = "unit"

    id: uuid.UUID = id_field()
    period_id: uuid.UUID = Field(foreign_key="period.id", index=True)
    name: str = Field(max_length=100)
    position: int = 0
    # Places per day; None: unlimited.
    capacity: int | None = None
    # Booking deadline (portail.rules.deadlines): "days_before" (days, at, counted_in, skipped_weekdays,
    # skips_holidays), "weekday_of_week_before" (weekday, weeks, at) or "day_of_previous_month"
    # (month_day, at). The defaults of the later columns keep older rows' meaning: one week before,
    # no day skipped beyond what counted_in says.
    booking_rule: str = Field(default="days_before", max_length=25)
    booking_days: int = 2
    booking_weekday: int | None = None
    booking_at: time = time(10, 0)
    booking_counted_in: str = Field(default="calendar", max_length=10)
    booking_weeks: int = 1
    booking_month_day: int | None = None
    # Weekdays (0 is Monday) the count leaves out, comma-separated ("2": Wednesdays).
    booking_skipped_weekdays: str = Field(default="", max_length=20)
    booking_skips_holidays: bool = False
    cancel_rule: str = Field(default="days_before", max_length=25)
    cancel_days: int = 2
    cancel_weekday: int | None = None
    cancel_at: time = time(10, 0)
    cancel_counted_in: str = Field(default="calendar", max_length=10)
    cancel_weeks: int = 1
    cancel_month_day: int | None = None
    cancel_skipped_weekdays: str = Field(default="", max_length=20)
    cancel_skips_holidays: bool = False
    # Tariff grid as JSON: [[max_quotient or null, cents], ...] (portail.rules.pricing.TariffGrid).
    tariff: str = Field(default="[[null, 0]]", sa_type=Text)
    # What households outside the town pay ("tarif extérieur"), the same JSON; None: ``tariff`` for all.
    non_resident_tariff: str | None = Field(default=None, sa_type=Text)
    # Units of a period sharing a non-empty group exclude each other on a day (a day and a morning).
    exclusive_group: str = Field(default="", max_length=30)
    # What a child present without booking costs ("non réservé"), in cents; None: the family's price.
    unbooked_price: int | None = None
    # What a day booked past the booking deadline costs ("hors délai"), in cents, for every family;
    # None: the unit takes no late booking.
    late_price: int | None = None
    # Linked units (portail.rules.linked_units): ids of units of the same period, comma-separated, at
    # least one of which must be booked the same day for this one to be; "": none.
    requires: str = Field(default="", sa_type=Text, sa_column_kwargs={"server_default": ""})
    # "days" (a booking is a day) or "hours" (portail.rules.hours: a booking says when the child arrives
    # and leaves, within opens_at..closes_at, and the tariff's prices are per step of step_minutes).
    counted_in: str = Field(default="days", max_length=10, sa_column_kwargs={"server_default": "days"})
    opens_at: time | None = None
    closes_at: time | None = None
    step_minutes: int = Field(default=15, sa_column_kwargs={"server_default": "15"})
    # counted_in "quantity" (portail.rules.quantities): a booking says how many items the child takes
    # that day, 1 to max_quantity, each at the tariff's price; it takes one place whatever its quantity.
    max_quantity: int | None = None
    # An event (portail.rules.events): the only dates it may be booked, ISO, comma-separated; "": a
    # regular unit. And how many of its days one child may have in the period; None: no cap.
    event_dates: str = Field(default="", sa_type=Text, sa_column_kwargs={"server_default": ""})
    per_child_cap: int | None = None
    created_at: datetime = created_at_field()


class PeriodDay(SQLModel, table=True):
    """Staff's changes to a period's calendar: a closure, or an extra opening, over a date range."""

    __tablename__ = "period_day"

    id: uuid.UUID = id_field()
    period_id: uuid.UUID = Field(foreign_key="period.id", index=True)
    # "closure" or "extra"
    kind: str = Field(max_length=10)
    start: date
    end: date
    label: str = Field(default="", max_length=100)


class Enrolment(SQLModel, table=True):
    """A child's enrolment in a period ("Inscription aux services"): only enrolled children book."""

    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("child_id", "period_id", name="uq_enrolment_child_period"),)

    id: uuid.UUID = id_field()
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    period_id: uuid.UUID = Field(foreign_key="period.id", index=True)
    household_id: uuid.UUID = Field(foreign_key="household.id", index=True)
    # pending, accepted, refused, withdrawn, waiting (on the line of a full period or group)
    state: str = Field(default="pending", max_length=10)
    # The group of the activity the child is enrolled in; None where the activity has none.
    group_id: uuid.UUID | None = Field(default=None, foreign_key="enrolment_group.id", index=True)
    reason: str = Field(default="", max_length=500)
    requested_by: uuid.UUID = Field(foreign_key="account.id")
    created_at: datetime = created_at_field()
    decided_by: uuid.UUID | None = Field(default=None, foreign_key="account.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CatalogueVersion(SQLModel, table=True):
    """The catalogue's version: one row whose number triggers on the catalogue's tables move
    (``portail.db.catalogue_version``); processes keep the catalogue while it stands still."""

    __tablename__ = "catalogue_version"

    id: int = Field(primary_key=True)
    version: int = Field(default=0, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"})

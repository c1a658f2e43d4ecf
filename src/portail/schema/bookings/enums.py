"""The enums of the bookings domain."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.resolvers.booking_requests import LineRefusal
from portail.rules.booking_states import RefusalCode
from portail.rules.calendar import DayReason


@strawberry.enum(
    description='Where a booking stands: the legend of the planning ("Légende > Icônes d\'état").',
)
class BookingState(Enum):
    PENDING = strawberry.enum_value(
        "PENDING",
        description="Présence en attente de traitement: staff (or the basket's payment) will settle it.",
    )
    ACCEPTED = strawberry.enum_value("ACCEPTED", description="Présence acceptée.")
    CANCELLATION_REQUESTED = strawberry.enum_value(
        "CANCELLATION_REQUESTED",
        description="Demande d'annulation: asked after the deadline, staff decide; the place is still held.",
    )
    CANCELLED = strawberry.enum_value("CANCELLED", description="Présence annulée.")
    REFUSED = strawberry.enum_value("REFUSED", description="Présence refusée.")
    EXPIRED = strawberry.enum_value(
        "EXPIRED",
        description="Expirée: held in a basket that was not paid in time.",
    )
    WAITING = strawberry.enum_value(
        "WAITING",
        description="Présence en liste d'attente: the day was full; it gets the next place that frees.",
    )


def booking_state(value: str) -> BookingState:
    """The member a stored booking state (``rules.booking_states.BookingState``'s value) names."""
    return BookingState[value.upper()]


@strawberry.enum(description='Where a booking request ("dossier") stands, derived from its lines.')
class BookingRequestState(Enum):
    PENDING = strawberry.enum_value(
        "PENDING",
        description="En attente de traitement: some line awaits staff, a payment or a place.",
    )
    ACCEPTED = strawberry.enum_value("ACCEPTED", description="Acceptée: every line settled, none refused.")
    PARTIALLY_ACCEPTED = strawberry.enum_value(
        "PARTIALLY_ACCEPTED",
        description="Partiellement acceptée: some lines accepted, some refused.",
    )
    REFUSED = strawberry.enum_value("REFUSED", description="Refusée.")
    CANCELLED = strawberry.enum_value("CANCELLED", description="Annulée: every booking of it was cancelled.")
    EXPIRED = strawberry.enum_value("EXPIRED", description="Expirée: its basket was not paid in time.")


@strawberry.enum(description="What a line of a request does.")
class BookingAction(Enum):
    BOOK = strawberry.enum_value("BOOK", description='"Nouvelle présence": book the unit that day.')
    CANCEL = strawberry.enum_value(
        "CANCEL",
        description='"ANNULER": cancel the booking of the unit that day.',
    )


@strawberry.enum(description='How often the chosen weekdays repeat ("MODE RECOPIE").')
class RepeatFrequency(Enum):
    EVERY_WEEK = strawberry.enum_value("EVERY_WEEK", description="Every week.")
    EVERY_OTHER_WEEK = strawberry.enum_value(
        "EVERY_OTHER_WEEK",
        description="The week of the start date, then every other week.",
    )
    EVEN_WEEKS = strawberry.enum_value(
        "EVEN_WEEKS",
        description="Even ISO week numbers, as printed on French calendars.",
    )
    ODD_WEEKS = strawberry.enum_value("ODD_WEEKS", description="Odd ISO week numbers.")


@strawberry.enum(description="Why a line cannot be booked or cancelled (the message says it in French).")
class BookingRefusal(Enum):
    # The codes are defined once, where they are decided: the booking rules (``RefusalCode``) and the
    # request's calendar checks (``LineRefusal``); here they only get their documentation.
    # tests/bookings/test_refusal_codes.py proves every code a family's line can get is listed.
    CLOSED = strawberry.enum_value(
        LineRefusal.CLOSED,
        description="The activity does not run that day (holiday, closure, not one of its weekdays).",
    )
    NOT_ENROLLED = strawberry.enum_value(
        LineRefusal.NOT_ENROLLED, description="The child is not enrolled in the period."
    )
    DEADLINE_PASSED = strawberry.enum_value(
        LineRefusal.DEADLINE_PASSED, description="The booking deadline of the unit has passed for that day."
    )
    EXCLUSIVE_UNIT = strawberry.enum_value(
        LineRefusal.EXCLUSIVE_UNIT,
        description="Another unit booked that day excludes this one (a day and a morning).",
    )
    OVERDUE_INVOICES = strawberry.enum_value(
        LineRefusal.OVERDUE_INVOICES,
        description="The household has an invoice of the activity's regie unpaid past the delay the activity "
        'sets (`Activity.blockOverdueDays`): pay it in "Mes factures" to book again.',
    )
    BOOKING_NOT_OPEN = strawberry.enum_value(
        LineRefusal.BOOKING_NOT_OPEN,
        description="The period's bookings are not open yet for this household; the message says when they "
        'open ("Les réservations ouvrent le samedi 1er mai 2027 à 9h00."), as `catalogue` does '
        "(`PeriodBookingWindow.opensAt`).",
    )
    BOOKING_CLOSED = strawberry.enum_value(
        LineRefusal.BOOKING_CLOSED,
        description="The period's bookings are closed (`PeriodBookingWindow.closesAt` passed): nothing of it "
        "is booked or cancelled online any more.",
    )
    PERIOD_READ_ONLY = strawberry.enum_value(
        LineRefusal.PERIOD_READ_ONLY,
        description="The period is read-only (`PeriodBookingWindow.readOnlyFrom` passed): shown, not "
        "changed.",
    )
    NOT_FOR_HOUSEHOLD = strawberry.enum_value(
        LineRefusal.NOT_FOR_HOUSEHOLD,
        description="The period is booked only by some households (the town's residents, or categories "
        "staff give) and this one is not among them.",
    )
    BOOKING_SUSPENDED = strawberry.enum_value(
        LineRefusal.BOOKING_SUSPENDED,
        description="Staff suspended the household's online bookings; the message gives their reason "
        "(`Household.onlineBooking`). Every line, booking or cancelling, is refused.",
    )
    LINKED_UNIT = strawberry.enum_value(
        LineRefusal.LINKED_UNIT,
        description="Linked units (`Unit.requires`): booked without any of the units it requires that day, "
        "or a cancellation that would leave a unit requiring this one alone; the message names both.",
    )
    NOT_EVENT_DAY = strawberry.enum_value(
        LineRefusal.NOT_EVENT_DAY,
        description="An event (`Unit.eventDates`) booked another day than its dates; the message says them.",
    )
    CAP_REACHED = strawberry.enum_value(
        LineRefusal.CAP_REACHED,
        description="The child already has (or this request gives) as many days of the unit in the period as "
        "it allows (`Unit.perChildCap`).",
    )
    FULL = strawberry.enum_value(
        RefusalCode.FULL.value, description="No place left that day and the activity has no waiting list."
    )
    ALREADY_BOOKED = strawberry.enum_value(
        RefusalCode.ALREADY_BOOKED.value,
        description="The child already has a booking (or a place in line) for the unit that day.",
    )
    NO_BOOKING = strawberry.enum_value(
        RefusalCode.NO_BOOKING.value, description="Nothing to cancel: no booking that day."
    )
    BOOKING_ENDED = strawberry.enum_value(
        RefusalCode.BOOKING_ENDED.value, description="The booking is already cancelled, refused or expired."
    )
    CANCELLATION_DEADLINE_PASSED = strawberry.enum_value(
        RefusalCode.CANCELLATION_DEADLINE_PASSED.value,
        description="The cancellation deadline has passed and the activity refuses late cancellations.",
    )
    CANCELLATION_ALREADY_REQUESTED = strawberry.enum_value(
        RefusalCode.CANCELLATION_ALREADY_REQUESTED.value,
        description="A cancellation request is already waiting for staff.",
    )


@strawberry.enum(description="Why a day is open or closed in a period's calendar.")
class DayStatusCode(Enum):
    OPEN = strawberry.enum_value(DayReason.OPEN.value, description="Open.")
    EXTRA_DAY = strawberry.enum_value(
        DayReason.EXTRA_DAY.value, description="Open by exception (staff added the day)."
    )
    OUTSIDE_PERIOD = strawberry.enum_value(
        DayReason.OUTSIDE_PERIOD.value,
        description="Before the period's first day or after its last.",
    )
    NOT_A_WEEKDAY_OF_THE_ACTIVITY = strawberry.enum_value(
        DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY.value,
        description="The activity does not run on this day of the week.",
    )
    PUBLIC_HOLIDAY = strawberry.enum_value(DayReason.PUBLIC_HOLIDAY.value, description="A public holiday.")
    SCHOOL_HOLIDAY = strawberry.enum_value(
        DayReason.SCHOOL_HOLIDAY.value,
        description="School holidays (the activity runs in school time).",
    )
    SCHOOL_TIME = strawberry.enum_value(
        DayReason.SCHOOL_TIME.value,
        description="School time (the activity runs in school holidays).",
    )
    CLOSURE = strawberry.enum_value(DayReason.CLOSURE.value, description="Closed by staff.")


@strawberry.enum(description="Staff's answer to bookings and cancellation requests awaiting a decision.")
class BookingDecision(Enum):
    ACCEPT = strawberry.enum_value(
        "ACCEPT",
        description="Accept: the booking is accepted, or the cancellation is granted.",
    )
    REFUSE = strawberry.enum_value(
        "REFUSE",
        description="Refuse (a reason is required): the booking is refused, or the cancellation is refused "
        "and the booking stays accepted.",
    )


@strawberry.enum(name="BookingActor", description="Who changed a booking's state.")
class Actor(Enum):
    FAMILY = strawberry.enum_value("FAMILY", description="A guardian, from the portal.")
    STAFF = strawberry.enum_value("STAFF", description="Town staff.")
    SYSTEM = strawberry.enum_value(
        "SYSTEM",
        description="The portal itself (a place freed in the waiting line, a basket paid or expired).",
    )


@strawberry.enum(description="What staff saw of a child on a day of a unit.")
class AttendanceStatus(Enum):
    PRESENT = strawberry.enum_value(
        "PRESENT",
        description='Came. Without a booking, the day is charged at the unit\'s "non réservé" price.',
    )
    ABSENT = strawberry.enum_value(
        "ABSENT", description="Did not come: a booked day is charged all the same."
    )
    EXCUSED = strawberry.enum_value(
        "EXCUSED",
        description="Did not come for a reason the town excuses (illness with a certificate…): not charged.",
    )

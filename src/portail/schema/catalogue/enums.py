"""The enums of the catalogue domain."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="When an activity runs with respect to the school holidays of the town's zone.")
class OpenDuring(Enum):
    SCHOOL_TIME = strawberry.enum_value(
        "SCHOOL_TIME",
        description="Closed during school holidays (canteen, before/after-school care, Wednesdays).",
    )
    SCHOOL_HOLIDAYS = strawberry.enum_value(
        "SCHOOL_HOLIDAYS",
        description="Open only during school holidays (holiday day-care).",
    )
    ALWAYS = strawberry.enum_value("ALWAYS", description="School holidays make no difference.")


@strawberry.enum(description="Who accepts a request.")
class Decider(Enum):
    AUTOMATIC = strawberry.enum_value(
        "AUTOMATIC",
        description="Accepted at once (bookings: within capacity; enrolments: when prerequisites hold).",
    )
    STAFF = strawberry.enum_value("STAFF", description="Staff accept or refuse it.")


@strawberry.enum(description="What happens to a booking for a full day.")
class WhenFull(Enum):
    REFUSE = strawberry.enum_value("REFUSE", description="It is refused.")
    WAITING_LIST = strawberry.enum_value("WAITING_LIST", description="It waits in line for a place to free.")


@strawberry.enum(description="A cancellation after the cancellation deadline.")
class LateCancellation(Enum):
    REFUSE = strawberry.enum_value("REFUSE", description="It is refused.")
    REQUEST = strawberry.enum_value(
        "REQUEST",
        description='It becomes a "demande d\'annulation" staff decide (granted: not invoiced).',
    )
    CHARGE = strawberry.enum_value(
        "CHARGE",
        description="It is taken at once (the place goes to others, the waiting line first) and the day "
        'is invoiced all the same ("ANNULE HORS DELAI").',
    )


@strawberry.enum(
    description="What cancelling a day paid at booking does, in time (activities paid at booking)."
)
class PaidCancellation(Enum):
    CREDIT = strawberry.enum_value(
        "CREDIT",
        description='It goes through the basket ("ANNULE", -1 × its price): once the basket is validated '
        'the day is cancelled and its price credited to the household ("avoir"), deducted from its next '
        "basket payments to the regie. Until then the child is expected.",
    )
    KEEP = strawberry.enum_value(
        "KEEP", description="It is cancelled at once (the place freed) and its price is kept: no credit."
    )


@strawberry.enum(description="How bookings are paid.")
class PaymentMode(Enum):
    INVOICE = strawberry.enum_value("INVOICE", description="Invoiced afterwards.")
    BASKET = strawberry.enum_value("BASKET", description="Paid at booking, through the basket.")


@strawberry.enum(description="The form of a deadline rule.")
class DeadlineKind(Enum):
    DAYS_BEFORE = strawberry.enum_value(
        "DAYS_BEFORE",
        description='"N jours avant, HHhMM" (`days`, `at`, `countedIn`, `skippedWeekdays`, '
        '`skipsPublicHolidays`): "3 jours avant (hors mercredis et jours fériés), 10h00".',
    )
    WEEKDAY_OF_WEEK_BEFORE = strawberry.enum_value(
        "WEEKDAY_OF_WEEK_BEFORE",
        description='"le jeudi de la semaine précédente, 12h00" (`weekday`, `weeks`, `at`); with `weeks` 2, '
        '"le jeudi deux semaines avant, 12h00". Every day of a week (Monday to Sunday) shares it.',
    )
    DAY_OF_PREVIOUS_MONTH = strawberry.enum_value(
        "DAY_OF_PREVIOUS_MONTH",
        description='"avant le 20 du mois précédent, 18h00" (`dayOfMonth`, `at`): every day of a month '
        "closes on that day of the month before, or on its last day when it is shorter.",
    )


@strawberry.enum(description='How the days of a "N days before" rule are counted.')
class DayCount(Enum):
    CALENDAR = strawberry.enum_value("CALENDAR", description="Every day counts.")
    WORKING = strawberry.enum_value(
        "WORKING",
        description='Only Monday to Friday that are not public holidays count ("jours ouvrés").',
    )


@strawberry.enum(description="How a unit is booked and priced.")
class UnitCounting(Enum):
    DAYS = strawberry.enum_value(
        "DAYS", description="By the day (a meal, a day, a morning): the tariff's price each."
    )
    HOURS = strawberry.enum_value(
        "HOURS",
        description="By the time spent (before/after-school care): each booking gives `arrival` and "
        "`departure` within the unit's `opensAt`..`closesAt`, and costs the tariff's price for each step of "
        "`stepMinutes` begun (16h30 to 17h50 is six quarter-hours).",
    )
    QUANTITY = strawberry.enum_value(
        "QUANTITY",
        description="By the quantity (take-away meals, tickets): each booking gives its `quantity`, 1 to the "
        "unit's `maxQuantity` a child a day, and costs the tariff's price for each item. It takes one "
        "place of the unit's `capacity` whatever its quantity (places count children).",
    )


@strawberry.enum(description="A day of the week.")
class Weekday(Enum):
    MONDAY = strawberry.enum_value("MONDAY", description="Lundi.")
    TUESDAY = strawberry.enum_value("TUESDAY", description="Mardi.")
    WEDNESDAY = strawberry.enum_value("WEDNESDAY", description="Mercredi.")
    THURSDAY = strawberry.enum_value("THURSDAY", description="Jeudi.")
    FRIDAY = strawberry.enum_value("FRIDAY", description="Vendredi.")
    SATURDAY = strawberry.enum_value("SATURDAY", description="Samedi.")
    SUNDAY = strawberry.enum_value("SUNDAY", description="Dimanche.")


WEEKDAYS = list(Weekday)


@strawberry.enum(description="Where an enrolment stands.")
class EnrolmentState(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Asked for; staff have not decided yet.")
    ACCEPTED = strawberry.enum_value(
        "ACCEPTED",
        description="Enrolled: the child may book the period's units.",
    )
    REFUSED = strawberry.enum_value(
        "REFUSED",
        description="Refused by staff (see `reason`); the family may ask again.",
    )
    WITHDRAWN = strawberry.enum_value("WITHDRAWN", description="Withdrawn by the family.")
    WAITING = strawberry.enum_value(
        "WAITING",
        description="On the waiting line of a full period or group (see `waitingRank`): it gets a place "
        "when one frees, by itself or once staff accept it, as the activity's `waitingListPromotion` says.",
    )


@strawberry.enum(description="Why a child may not be enrolled in a period yet.")
class MissingKind(Enum):
    AGE = strawberry.enum_value(
        "AGE",
        description="The child's age on the period's first day is outside the activity's ages.",
    )
    CLASS_LEVEL = strawberry.enum_value(
        "CLASS_LEVEL",
        description="The child's class is not one the activity takes.",
    )
    RECORD_SECTION = strawberry.enum_value(
        "RECORD_SECTION",
        description="A section of the records the activity requires is still to complete (`code`).",
    )
    DOCUMENT = strawberry.enum_value(
        "DOCUMENT",
        description="A supporting document the activity requires is not accepted yet (`code`: its type).",
    )
    TOWN_QUESTION = strawberry.enum_value(
        "TOWN_QUESTION",
        description="A question the town requires is not answered in its current wording (`code`: the "
        "question's id, in `townQuestions`; answer it with `answerTownQuestions`).",
    )
    VACCINE = strawberry.enum_value(
        "VACCINE",
        description="A vaccine the activity requires is not recorded for the child, or its last injection "
        "no longer holds (`code`: the vaccine's code in the town's list, e.g. DTP).",
    )
    CONSENT = strawberry.enum_value(
        "CONSENT",
        description="A consent the activity requires is not granted in its current version: not answered, "
        "or refused (`code`: its kind; the family answers it in its records' authorisations).",
    )

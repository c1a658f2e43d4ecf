"""The catalogue's input types, and their conversion into the plain data the use cases take
(``resolvers/catalogue.py``'s ``ActivityData``, ``PeriodData``, ``UnitData``, ``SpanData``): a new
object's settings, or the current settings merged with what a partial update gives."""

from __future__ import annotations

import dataclasses
import datetime
from enum import Enum
from typing import Any

import strawberry

from portail.resolvers import catalogue as use_cases
from portail.resolvers.enrolment_groups import GroupData
from portail.schema.catalogue.enums import (
    WEEKDAYS,
    DayCount,
    DeadlineKind,
    Decider,
    LateCancellation,
    OpenDuring,
    PaidCancellation,
    PaymentMode,
    UnitCounting,
    Weekday,
    WhenFull,
)
from portail.schema.enums import value_of
from portail.schema.households.enums import ClassLevel, RecordSection
from portail.schema.ids import parse_id
from portail.schema.partial import given, optional


@strawberry.input(description="A regie.")
class RegieInput:
    name: str = strawberry.field(description="Name.")
    payfip_client_number: str = strawberry.field(description='PayFiP client number ("numcli"), 6 digits.')
    payfip_mode: str = strawberry.field(
        default="T", description="PayFiP's `saisie`: T (test), X (activation), W (production)."
    )
    hold_minutes: int = strawberry.field(
        default=120,
        description='How long a basket holds its places before it expires ("à régler avant"), 5 to 1440.',
    )
    payment_days: int = strawberry.field(
        default=30, description="Days from an invoice's issue to its due date."
    )
    invoice_prefix: str = strawberry.field(
        default="",
        description='Printed before its invoice numbers ("CAM-2027-000012"), up to 10 letters or digits.',
    )


@strawberry.input(description="A new activity's settings (left out: the defaults shown).")
class ActivityInput:
    name: str = strawberry.field(description="Name.")
    regie_id: strawberry.ID | None = strawberry.field(default=None, description="The regie; null: none.")
    open_during: OpenDuring = strawberry.field(
        default=OpenDuring.SCHOOL_TIME, description="Relation to school holidays."
    )
    booking_acceptance: Decider = strawberry.field(
        default=Decider.AUTOMATIC, description="Who accepts bookings."
    )
    when_full: WhenFull = strawberry.field(default=WhenFull.REFUSE, description="A booking for a full day.")
    waiting_list_promotion: Decider = strawberry.field(
        default=Decider.AUTOMATIC, description="When a place frees for the first in line."
    )
    late_cancellation: LateCancellation = strawberry.field(
        default=LateCancellation.REQUEST, description="A late cancellation."
    )
    payment: PaymentMode = strawberry.field(default=PaymentMode.INVOICE, description="How bookings are paid.")
    paid_cancellation: PaidCancellation = strawberry.field(
        default=PaidCancellation.CREDIT, description="A paid day cancelled in time (paid at booking)."
    )
    enrolment: Decider = strawberry.field(default=Decider.AUTOMATIC, description="Who accepts enrolments.")
    min_age: int | None = strawberry.field(default=None, description="Youngest age in years; null: none.")
    max_age: int | None = strawberry.field(default=None, description="Oldest age in years; null: none.")
    block_overdue_days: int | None = strawberry.field(
        default=None,
        description="Refuse new bookings to a household with an invoice of the regie still unpaid this "
        "many days after its due date (0 to 366); null: never.",
    )
    class_levels: list[ClassLevel] = strawberry.field(
        default_factory=list, description="Classes taken; empty: any."
    )
    required_sections: list[RecordSection] = strawberry.field(
        default_factory=list, description="Record sections that must be complete to enrol."
    )
    required_documents: list[str] = strawberry.field(
        default_factory=list, description="Document type codes that must be accepted to enrol."
    )
    required_vaccines: list[str] = strawberry.field(
        default_factory=list,
        description="Vaccine codes of the town's list (`healthList(kind: VACCINE)`) the child must be up to "
        'date with to enrol, e.g. ["DTP"] for a holiday centre; an unknown code: NOT_FOUND on '
        "`requiredVaccines`.",
    )
    required_consents: list[str] = strawberry.field(
        default_factory=list,
        description="Consent kinds (`ConsentDefinition.kind`) whose current version must be granted "
        "to enrol.",
    )
    enrolment_opens_at: datetime.datetime | None = strawberry.field(
        default=None,
        description="When families may start asking to enrol (with its time zone, e.g. "
        "`2027-06-01T08:00:00+02:00`); null: no bound.",
    )
    enrolment_closes_at: datetime.datetime | None = strawberry.field(
        default=None,
        description="When enrolments close (that instant refused; after `enrolmentOpensAt`); null: no bound.",
    )
    enrolment_capacity: int | None = strawberry.field(
        default=None,
        description="Children enrolled per period (pending and accepted), where the activity has no groups "
        "(1 to 10000); null: unlimited. With groups, each group has its own capacity.",
    )
    enrolment_when_full: WhenFull = strawberry.field(
        default=WhenFull.REFUSE,
        description="An enrolment in a full period or group: refused (`GROUP_FULL`, `ACTIVITY_FULL`), or "
        "WAITING on its line, promoted as `waitingListPromotion` says when a place frees.",
    )


@strawberry.input(description="A period's name, dates and weekdays.")
class PeriodInput:
    name: str = strawberry.field(description='Name, e.g. "RESTAURATION SCOLAIRE 2026-2027".')
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included; not before `start`).")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")
    enrolment_opens_at: datetime.datetime | None = strawberry.field(
        default=None, description="The period's own enrolment opening; null: the activity's."
    )
    enrolment_closes_at: datetime.datetime | None = strawberry.field(
        default=None, description="The period's own enrolment closing; null: the activity's."
    )


@strawberry.input(description='A group of an activity children are enrolled in, e.g. "Maternelles".')
class EnrolmentGroupInput:
    name: str = strawberry.field(description="Name, shown to families.")
    position: int = strawberry.field(default=0, description="Order among the activity's groups (0 to 1000).")
    capacity: int | None = strawberry.field(
        default=None,
        description="Children enrolled per period (pending and accepted), 1 to 10000; null: unlimited.",
    )
    period_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description='The activity\'s periods it is offered for ("Été 2027 – Maternelles" on the summer '
        "only); empty: every period. Another activity's period is NOT_FOUND on `periodIds.<i>`.",
    )


@strawberry.input(
    description="Changes to a group: fields left out stay as they are; null makes `capacity` unlimited."
)
class UpdateEnrolmentGroupInput:
    name: str | None = optional("Name.")
    position: int | None = optional("Order among the activity's groups.")
    capacity: int | None = optional(
        "Children enrolled per period; null: unlimited. Raised: the first in line move up where the activity "
        "promotes by itself."
    )
    period_ids: list[strawberry.ID] | None = optional(
        "The activity's periods it is offered for; empty: every period (enrolments already made stay)."
    )


@strawberry.input(description="A deadline rule.")
class DeadlineRuleInput:
    kind: DeadlineKind = strawberry.field(
        default=DeadlineKind.DAYS_BEFORE, description="The form of the rule."
    )
    days: int = strawberry.field(default=2, description="For DAYS_BEFORE: 0 (the day itself) to 366.")
    weekday: Weekday | None = strawberry.field(
        default=None, description="For WEEKDAY_OF_WEEK_BEFORE: the day of the week before."
    )
    weeks: int = strawberry.field(
        default=1, description="For WEEKDAY_OF_WEEK_BEFORE: how many weeks before, 1 (the week before) to 12."
    )
    day_of_month: int | None = strawberry.field(
        default=None,
        description="For DAY_OF_PREVIOUS_MONTH: the day of the month before, 1 to 31 (a shorter month "
        "closes on its last day).",
    )
    at: datetime.time = strawberry.field(default=datetime.time(10, 0), description="Time of day, town time.")
    counted_in: DayCount = strawberry.field(
        default=DayCount.CALENDAR, description="For DAYS_BEFORE: how days are counted."
    )
    skipped_weekdays: list[Weekday] = strawberry.field(
        default_factory=list,
        description="For DAYS_BEFORE: days of the week the count leaves out (a service closed on Wednesdays "
        "does not count them); at least one day of the week must still count.",
    )
    skips_public_holidays: bool = strawberry.field(
        default=False,
        description="For DAYS_BEFORE: public holidays do not count (WORKING days skip them anyway).",
    )


@strawberry.input(description="A bracket of a tariff grid; brackets go by increasing quotient.")
class TariffBracketInput:
    max_quotient: int | None = strawberry.field(
        description="Quotients up to this one; null: the last bracket."
    )
    price: int = strawberry.field(description="Price in cents.")


@strawberry.input(description="A new unit's settings (left out: the defaults shown).")
class UnitInput:
    name: str = strawberry.field(description="Name.")
    position: int = strawberry.field(default=0, description="Order among the period's units.")
    capacity: int | None = strawberry.field(
        default=None,
        description="Places per day; null: unlimited. Not below the places already held on a day from "
        "today on (see `updateUnit`).",
    )
    booking_deadline: DeadlineRuleInput = strawberry.field(description="When booking a day closes.")
    cancellation_deadline: DeadlineRuleInput = strawberry.field(description="When cancelling a day closes.")
    tariff: list[TariffBracketInput] = strawberry.field(description="The tariff grid, in cents.")
    exclusive_group: str = strawberry.field(
        default="", description="Units sharing a non-empty group exclude each other on a day."
    )
    unbooked_price: int | None = strawberry.field(
        default=None,
        description='What a child present without booking costs ("non réservé"), in cents; null: the '
        "family's price for a booked day.",
    )
    late_price: int | None = strawberry.field(
        default=None,
        description='What a day booked past the booking deadline costs ("hors délai"), in cents, the '
        "same for every family; late bookings are taken until the day begins. Null: none are taken.",
    )
    requires: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="Linked units: units of the same period at least one of which must be booked the same "
        "day for this one to be (e.g. the meal requires the morning care); a booking without them, or a "
        "cancellation of them leaving this one alone, is refused (`LINKED_UNIT`). Both ways: link each to "
        "the other.",
    )
    counted_in: UnitCounting = strawberry.field(
        default=UnitCounting.DAYS,
        description="By the day, by the time spent (`HOURS`: the tariff's prices are then per step), or by "
        "the quantity (`QUANTITY`: the tariff's prices are per item, up to `maxQuantity` a child a day).",
    )
    opens_at: datetime.time | None = strawberry.field(
        default=None, description="Counted in hours: when it opens (required then; town time)."
    )
    closes_at: datetime.time | None = strawberry.field(
        default=None, description="Counted in hours: when it closes (required then; after `opensAt`)."
    )
    step_minutes: int = strawberry.field(
        default=15, description="Counted in hours: the step priced, in minutes (5 to 240; a quarter-hour)."
    )
    max_quantity: int | None = strawberry.field(
        default=None,
        description="Counted in quantities: the most items a child may take a day (1 to 99; required then, "
        "refused for a unit counted otherwise). Places count children: a booking takes one place of "
        "`capacity` whatever its quantity.",
    )
    event_dates: list[datetime.date] = strawberry.field(
        default_factory=list,
        description="An event (an outing): the only dates it may be booked, inside the period (at most "
        "100); another day is refused (`NOT_EVENT_DAY`). Empty: a regular unit, booked any day the period "
        "runs. Its places and price are the unit's `capacity` and `tariff`.",
    )
    per_child_cap: int | None = strawberry.field(
        default=None,
        description="How many days of this unit one child may have in the period (e.g. 2 outings of the "
        "summer); more is refused (`CAP_REACHED`). Null: no cap.",
    )


@strawberry.input(description="Changes to a regie: fields left out stay as they are.")
class UpdateRegieInput:
    name: str | None = optional("Name (null refused).")
    payfip_client_number: str | None = optional('PayFiP client number ("numcli"), 6 digits (null refused).')
    payfip_mode: str | None = optional("PayFiP's `saisie`: T, X or W (null refused).")
    hold_minutes: int | None = optional("How long a basket holds its places, in minutes (null refused).")
    payment_days: int | None = optional("Days from an invoice's issue to its due date (null refused).")
    invoice_prefix: str | None = optional("Printed before its invoice numbers (null refused).")


@strawberry.input(
    description="Changes to an activity: fields left out stay as they are; null clears `regieId`, "
    "`minAge` and `maxAge` and is refused elsewhere. A list given replaces the list."
)
class UpdateActivityInput:
    name: str | None = optional("Name.")
    regie_id: strawberry.ID | None = optional("The regie; null: none.")
    open_during: OpenDuring | None = optional("Relation to school holidays.")
    booking_acceptance: Decider | None = optional("Who accepts bookings.")
    when_full: WhenFull | None = optional("A booking for a full day.")
    waiting_list_promotion: Decider | None = optional("When a place frees for the first in line.")
    late_cancellation: LateCancellation | None = optional("A late cancellation.")
    payment: PaymentMode | None = optional("How bookings are paid.")
    paid_cancellation: PaidCancellation | None = optional("A paid day cancelled in time (paid at booking).")
    enrolment: Decider | None = optional("Who accepts enrolments.")
    min_age: int | None = optional("Youngest age in years; null: none.")
    max_age: int | None = optional("Oldest age in years; null: none.")
    block_overdue_days: int | None = optional(
        "Refuse new bookings to households with an invoice overdue this many days; null: never."
    )
    class_levels: list[ClassLevel] | None = optional("Classes taken; empty: any.")
    required_sections: list[RecordSection] | None = optional(
        "Record sections that must be complete to enrol; empty: none."
    )
    required_documents: list[str] | None = optional(
        "Document type codes that must be accepted to enrol; empty: none."
    )
    required_vaccines: list[str] | None = optional(
        "Vaccine codes of the town's list the child must be up to date with to enrol; empty: none."
    )
    required_consents: list[str] | None = optional(
        "Consent kinds that must be granted to enrol; empty: none."
    )
    enrolment_opens_at: datetime.datetime | None = optional("When enrolments open; null: no bound.")
    enrolment_closes_at: datetime.datetime | None = optional("When enrolments close; null: no bound.")
    enrolment_capacity: int | None = optional(
        "Children enrolled per period without groups; null: unlimited. Raised: the first in line move up "
        "where the activity promotes by itself."
    )
    enrolment_when_full: WhenFull | None = optional("An enrolment in a full period or group.")


@strawberry.input(description="Changes to a period: fields left out stay as they are (null refused).")
class UpdatePeriodInput:
    name: str | None = optional("Name.")
    start: datetime.date | None = optional("First day.")
    end: datetime.date | None = optional("Last day (included; not before `start`).")
    weekdays: list[Weekday] | None = optional("The days of the week it runs.")
    enrolment_opens_at: datetime.datetime | None = optional(
        "The period's own enrolment opening; null: the activity's."
    )
    enrolment_closes_at: datetime.datetime | None = optional(
        "The period's own enrolment closing; null: the activity's."
    )


@strawberry.input(
    description="Changes to a unit: fields left out stay as they are; null makes `capacity` unlimited "
    "and is refused elsewhere. A deadline or a tariff given replaces the whole rule or grid."
)
class UpdateUnitInput:
    name: str | None = optional("Name.")
    position: int | None = optional("Order among the period's units.")
    capacity: int | None = optional(
        "Places per day; null: unlimited. Not below the places already held on a day from today on "
        "(see `updateUnit`)."
    )
    booking_deadline: DeadlineRuleInput | None = optional("When booking a day closes.")
    cancellation_deadline: DeadlineRuleInput | None = optional("When cancelling a day closes.")
    tariff: list[TariffBracketInput] | None = optional("The tariff grid, in cents.")
    exclusive_group: str | None = optional("Units sharing a non-empty group exclude each other on a day.")
    unbooked_price: int | None = optional(
        "What a child present without booking costs, in cents; null: the family's price for a booked day."
    )
    late_price: int | None = optional(
        "What a day booked past the booking deadline costs, in cents; null: no late booking (days already "
        "booked late keep their price)."
    )
    requires: list[strawberry.ID] | None = optional(
        "Linked units (see `UnitInput.requires`); the list given replaces the list (null refused)."
    )
    counted_in: UnitCounting | None = optional(
        "By the day, by the time spent or by the quantity (null refused)."
    )
    opens_at: datetime.time | None = optional("Counted in hours: when it opens; null: not set.")
    closes_at: datetime.time | None = optional("Counted in hours: when it closes; null: not set.")
    step_minutes: int | None = optional("Counted in hours: the step priced, in minutes (null refused).")
    max_quantity: int | None = optional(
        "Counted in quantities: the most items a child may take a day; null: none (another counting)."
    )
    event_dates: list[datetime.date] | None = optional(
        "An event's dates (see `UnitInput.eventDates`); empty: a regular unit (null refused)."
    )
    per_child_cap: int | None = optional("Days of this unit one child may have in the period; null: no cap.")


@strawberry.input(description="A range of days.")
class DateSpanInput:
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    label: str = strawberry.field(default="", description="Why, in French.")


def _lower(value: Enum) -> str:
    """The stored form of an enum member ("SCHOOL_TIME" is stored "school_time")."""
    return value_of(value).lower()


def activity_data(input: ActivityInput) -> use_cases.ActivityData:
    return use_cases.ActivityData(
        name=input.name,
        regie_id=parse_id(input.regie_id) if input.regie_id else None,
        regie_given=input.regie_id is not None,
        open_during=_lower(input.open_during),
        acceptance=_lower(input.booking_acceptance),
        when_full=_lower(input.when_full),
        promotion=_lower(input.waiting_list_promotion),
        late_cancellation=_lower(input.late_cancellation),
        payment=_lower(input.payment),
        paid_cancellation=_lower(input.paid_cancellation),
        enrolment=_lower(input.enrolment),
        min_age=input.min_age,
        max_age=input.max_age,
        block_overdue_days=input.block_overdue_days,
        class_levels=[value_of(c) for c in input.class_levels],
        required_sections=[value_of(s) for s in input.required_sections],
        required_documents=list(input.required_documents),
        required_vaccines=list(input.required_vaccines),
        required_consents=list(input.required_consents),
        enrolment_opens_at=input.enrolment_opens_at,
        enrolment_closes_at=input.enrolment_closes_at,
        enrolment_capacity=input.enrolment_capacity,
        enrolment_when_full=_lower(input.enrolment_when_full),
    )


def period_data(input: PeriodInput) -> use_cases.PeriodData:
    return use_cases.PeriodData(
        input.name,
        input.start,
        input.end,
        [WEEKDAYS.index(d) for d in input.weekdays],
        input.enrolment_opens_at,
        input.enrolment_closes_at,
    )


def _rule_data(rule: DeadlineRuleInput) -> use_cases.RuleData:
    return use_cases.RuleData(
        kind=_lower(rule.kind),
        days=rule.days,
        weekday=WEEKDAYS.index(rule.weekday) if rule.weekday is not None else None,
        at=rule.at,
        counted_in=_lower(rule.counted_in),
        weeks=rule.weeks,
        month_day=rule.day_of_month,
        skipped_weekdays=sorted({WEEKDAYS.index(d) for d in rule.skipped_weekdays}),
        skips_holidays=rule.skips_public_holidays,
    )


def unit_data(input: UnitInput) -> use_cases.UnitData:
    return use_cases.UnitData(
        name=input.name,
        position=input.position,
        capacity=input.capacity,
        booking=_rule_data(input.booking_deadline),
        cancellation=_rule_data(input.cancellation_deadline),
        tariff=[(b.max_quotient, b.price) for b in input.tariff],
        exclusive_group=input.exclusive_group,
        unbooked_price=input.unbooked_price,
        late_price=input.late_price,
        requires=[parse_id(i) for i in input.requires],
        counted_in=_lower(input.counted_in),
        opens_at=input.opens_at,
        closes_at=input.closes_at,
        step_minutes=input.step_minutes,
        max_quantity=input.max_quantity,
        event_dates=list(input.event_dates),
        per_child_cap=input.per_child_cap,
    )


def regie_data(input: RegieInput) -> use_cases.RegieData:
    return use_cases.RegieData(
        input.name,
        input.payfip_client_number,
        input.payfip_mode,
        input.hold_minutes,
        input.payment_days,
        input.invoice_prefix,
    )


def regie_changes(current: use_cases.RegieData, input: UpdateRegieInput) -> use_cases.RegieData:
    """The regie's settings once ``input`` is applied to ``current``."""
    return dataclasses.replace(current, **given(input))


# The input fields whose column is named otherwise.
_ACTIVITY_FIELDS = {
    "booking_acceptance": "acceptance",
    "waiting_list_promotion": "promotion",
}


def activity_changes(current: use_cases.ActivityData, input: UpdateActivityInput) -> use_cases.ActivityData:
    changes: dict[str, Any] = {}
    for name, value in given(
        input,
        frozenset(
            {
                "regie_id",
                "min_age",
                "max_age",
                "block_overdue_days",
                "enrolment_opens_at",
                "enrolment_closes_at",
                "enrolment_capacity",
            }
        ),
    ).items():
        if name == "regie_id":
            changes["regie_id"] = parse_id(value) if value is not None else None
            changes["regie_given"] = value is not None  # a malformed id parses to None: NOT_FOUND
        elif name in ("class_levels", "required_sections"):
            changes[name] = [v.value for v in value]
        elif name in ("required_documents", "required_vaccines", "required_consents"):
            changes[name] = list(value)
        elif isinstance(value, Enum):
            changes[_ACTIVITY_FIELDS.get(name, name)] = _lower(value)
        else:
            changes[name] = value
    return dataclasses.replace(current, **changes)


def period_changes(current: use_cases.PeriodData, input: UpdatePeriodInput) -> use_cases.PeriodData:
    changes = given(input, frozenset({"enrolment_opens_at", "enrolment_closes_at"}))
    if "weekdays" in changes:
        changes["weekdays"] = [WEEKDAYS.index(d) for d in changes["weekdays"]]
    return dataclasses.replace(current, **changes)


def unit_changes(current: use_cases.UnitData, input: UpdateUnitInput) -> use_cases.UnitData:
    nullable = {
        "capacity",
        "unbooked_price",
        "late_price",
        "opens_at",
        "closes_at",
        "per_child_cap",
        "max_quantity",
    }
    changes = given(input, frozenset(nullable))
    if "counted_in" in changes:
        changes["counted_in"] = _lower(changes["counted_in"])
    if "booking_deadline" in changes:
        changes["booking"] = _rule_data(changes.pop("booking_deadline"))
    if "cancellation_deadline" in changes:
        changes["cancellation"] = _rule_data(changes.pop("cancellation_deadline"))
    if "tariff" in changes:
        changes["tariff"] = [(b.max_quotient, b.price) for b in changes["tariff"]]
    if "requires" in changes:
        changes["requires"] = [parse_id(i) for i in changes["requires"] or []]
    return dataclasses.replace(current, **changes)


def group_data(input: EnrolmentGroupInput) -> GroupData:
    return GroupData(input.name, input.position, input.capacity, [parse_id(i) for i in input.period_ids])


def group_changes(current: GroupData, input: UpdateEnrolmentGroupInput) -> GroupData:
    changes = given(input, frozenset({"capacity"}))
    if "period_ids" in changes:
        changes["period_ids"] = [parse_id(i) for i in changes["period_ids"] or []]
    return dataclasses.replace(current, **changes)


def span_data(spans: list[DateSpanInput]) -> list[use_cases.SpanData]:
    return [use_cases.SpanData(s.start, s.end, s.label) for s in spans]

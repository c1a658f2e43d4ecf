"""The catalogue of services and enrolments: staff manage regies, facilities, activities, periods and
units; families see what a child may be enrolled in and ask for it ("Inscription aux services")."""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from enum import Enum
from typing import Annotated, Any

import strawberry

from portail.resolvers import catalogue as use_cases
from portail.resolvers import catalogue_bookings as guarded
from portail.resolvers import catalogue_reading as reading
from portail.resolvers import enrolment_withdrawal as withdrawal
from portail.resolvers import households
from portail.resolvers.errors import UserErrors
from portail.resolvers.rows import Activity as ActivityRow
from portail.resolvers.rows import Enrolment as EnrolmentRow
from portail.resolvers.rows import Period as PeriodRow
from portail.resolvers.rows import PeriodDay as PeriodDayRow
from portail.resolvers.rows import Regie as RegieRow
from portail.resolvers.rows import Unit as UnitRow
from portail.rules import deadlines
from portail.rules.pricing import format_amount, unit_price
from portail.schema.catalogue.enums import (
    WEEKDAYS,
    DayCount,
    DeadlineKind,
    Decider,
    EnrolmentState,
    LateCancellation,
    MissingKind,
    OpenDuring,
    Payment,
    Weekday,
    WhenFull,
)
from portail.schema.context import Info
from portail.schema.errors import UserError, not_found
from portail.schema.households.enums import ClassLevel, RecordSection
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation
from portail.schema.pagination import (
    AT,
    ID,
    After,
    Connection,
    PageSize,
    decode_cursor,
    edges,
    page_info,
    page_size,
)
from portail.schema.partial import given, optional
from portail.schema.permissions import FAMILY, STAFF

CANCEL_BOOKINGS = (
    "To go through although bookings stand on days this change closes: the reason (in French, the "
    'families read it, e.g. "Grève du personnel de restauration"). Those bookings (pending, accepted, '
    "cancellation requested, waiting; past days included) are cancelled by staff with this reason, their "
    "places freed, and each family is mailed its days. Omitted or null: the change is refused with "
    "`BOOKINGS_IN_THE_WAY` on the field at fault, saying how many bookings stand in the way."
)
























def _lower(value: Any) -> str:
    return str(value.value).lower()


# ---------------------------------------------------------------------------------------------
# Types


@strawberry.type(
    description='A public cash office ("régie") collecting its activities\' payments through PayFiP.'
)
class Regie:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description='Name, e.g. "REGIE RESTAURATION SCOLAIRE".')
    payfip_client_number: str = strawberry.field(description='PayFiP client number ("numcli"), 6 digits.')

    @classmethod
    def from_row(cls, row: RegieRow) -> Regie:
        return cls(id=to_id(row.id), name=row.name, payfip_client_number=row.payfip_client_number)


@strawberry.type(description="A deadline rule of a unit, for booking or cancelling.")
class DeadlineRule:
    kind: DeadlineKind = strawberry.field(description="The form of the rule.")  # type: ignore[valid-type]
    days: int = strawberry.field(description="For DAYS_BEFORE: how many days before (0: the day itself).")
    weekday: Weekday | None = strawberry.field(  # type: ignore[valid-type]
        description="For WEEKDAY_OF_WEEK_BEFORE: the day of the week before."
    )
    at: datetime.time = strawberry.field(description="The time of day, town time.")
    counted_in: DayCount = strawberry.field(description="For DAYS_BEFORE: how days are counted.")  # type: ignore[valid-type]
    description: str = strawberry.field(description='In French: "2 jours avant, 10h00".')


def _rule(
    kind: str, days: int, weekday: int | None, at: datetime.time, counted: str, rule: Any
) -> DeadlineRule:
    return DeadlineRule(
        kind=DeadlineKind[kind.upper()],
        days=days,
        weekday=WEEKDAYS[weekday] if weekday is not None else None,
        at=at,
        counted_in=DayCount[counted.upper()],
        description=deadlines.describe(rule),
    )


@strawberry.type(description="A bracket of a tariff grid.")
class TariffBracket:
    max_quotient: int | None = strawberry.field(
        description="Family quotients up to this one (included) pay `price`; null: any higher one."
    )
    price: int = strawberry.field(description="Price in cents.")


@strawberry.type(description='A "unité" of a period, e.g. "REPAS", "JOURNEE CENTRE AERE MERCREDI".')
class Unit:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    position: int = strawberry.field(description="Order among the period's units.")
    capacity: int | None = strawberry.field(description="Places per day; null: unlimited.")
    booking_deadline: DeadlineRule = strawberry.field(description="When booking a day closes.")
    cancellation_deadline: DeadlineRule = strawberry.field(description="When cancelling a day closes.")
    tariff: list[TariffBracket] = strawberry.field(description="Price by family-quotient bracket.")
    exclusive_group: str = strawberry.field(
        description="Units of a period sharing a non-empty group exclude each other on a day."
    )

    @classmethod
    def from_row(cls, row: UnitRow) -> Unit:
        grid = reading.tariff_of(row)
        return cls(
            id=to_id(row.id),
            name=row.name,
            position=row.position,
            capacity=row.capacity,
            booking_deadline=_rule(
                row.booking_rule,
                row.booking_days,
                row.booking_weekday,
                row.booking_at,
                row.booking_counted_in,
                reading.booking_rule(row),
            ),
            cancellation_deadline=_rule(
                row.cancel_rule,
                row.cancel_days,
                row.cancel_weekday,
                row.cancel_at,
                row.cancel_counted_in,
                reading.cancel_rule(row),
            ),
            tariff=[TariffBracket(max_quotient=b.max_quotient, price=b.price) for b in grid.brackets],
            exclusive_group=row.exclusive_group,
        )


@strawberry.type(description="A range of days staff closed or opened in a period.")
class DateSpan:
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    label: str = strawberry.field(description='Why, in French, e.g. "Pont de l\'Ascension".')

    @classmethod
    def from_row(cls, row: PeriodDayRow) -> DateSpan:
        return cls(start=row.start, end=row.end, label=row.label)


@strawberry.type(description='A "période" of an activity, e.g. "RESTAURATION SCOLAIRE 2026-2027".')
class Period:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    path: str = strawberry.field(description='"Établissement > accueil > période", as the guide prints it.')
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")  # type: ignore[valid-type]
    units: list[Unit] = strawberry.field(description="Its units, in order.")
    closures: list[DateSpan] = strawberry.field(description="Days staff closed.")
    extra_days: list[DateSpan] = strawberry.field(description="Days staff opened beyond the usual calendar.")

    @classmethod
    def of(cls, catalogue: reading.Catalogue, row: PeriodRow) -> Period:
        return cls(
            id=to_id(row.id),
            name=row.name,
            path=reading.period_path(catalogue, row),
            start=row.start,
            end=row.end,
            weekdays=[WEEKDAYS[d] for d in reading.weekdays_of(row)],
            units=[Unit.from_row(u) for u in catalogue.units_of(row.id)],
            closures=[DateSpan.from_row(d) for d in catalogue.days_of(row.id, "closure")],
            extra_days=[DateSpan.from_row(d) for d in catalogue.days_of(row.id, "extra")],
        )


@strawberry.type(description='An "accueil", e.g. "RESTAURATION SCOLAIRE", "MERCREDIS", and how it is run.')
class Activity:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    regie: Regie | None = strawberry.field(description="The regie its payments go to.")
    open_during: OpenDuring = strawberry.field(description="Relation to school holidays.")  # type: ignore[valid-type]
    booking_acceptance: Decider = strawberry.field(description="Who accepts bookings.")  # type: ignore[valid-type]
    when_full: WhenFull = strawberry.field(description="A booking for a full day.")  # type: ignore[valid-type]
    waiting_list_promotion: Decider = strawberry.field(  # type: ignore[valid-type]
        description="When a place frees: the first in line gets it at once, or once staff confirm."
    )
    late_cancellation: LateCancellation = strawberry.field(description="A late cancellation.")  # type: ignore[valid-type]
    payment: Payment = strawberry.field(description="How bookings are paid.")  # type: ignore[valid-type]
    enrolment: Decider = strawberry.field(description="Who accepts enrolments.")  # type: ignore[valid-type]
    min_age: int | None = strawberry.field(description="Youngest age, in years on the period's first day.")
    max_age: int | None = strawberry.field(description="Oldest age, in years on the period's first day.")
    class_levels: list[ClassLevel] = strawberry.field(description="Classes taken; empty: any.")  # type: ignore[valid-type]
    required_sections: list[RecordSection] = strawberry.field(  # type: ignore[valid-type]
        description="Record sections that must be complete to enrol."
    )
    required_documents: list[str] = strawberry.field(description="Document type codes that must be accepted.")
    periods: list[Period] = strawberry.field(description="Its periods, by start date.")

    @classmethod
    def of(cls, catalogue: reading.Catalogue, row: ActivityRow) -> Activity:
        regie = catalogue.by_id.get(row.regie_id) if row.regie_id else None
        return cls(
            id=to_id(row.id),
            name=row.name,
            regie=Regie.from_row(regie) if regie else None,
            open_during=OpenDuring[row.open_during.upper()],
            booking_acceptance=Decider[row.acceptance.upper()],
            when_full=WhenFull[row.when_full.upper()],
            waiting_list_promotion=Decider[row.promotion.upper()],
            late_cancellation=LateCancellation[row.late_cancellation.upper()],
            payment=Payment[row.payment.upper()],
            enrolment=Decider[row.enrolment.upper()],
            min_age=row.min_age,
            max_age=row.max_age,
            class_levels=[ClassLevel[c] for c in reading.split_codes(row.class_levels)],
            required_sections=[RecordSection[s] for s in reading.split_codes(row.required_sections)],
            required_documents=reading.split_codes(row.required_documents),
            periods=[Period.of(catalogue, p) for p in catalogue.periods_of(row.id)],
        )


@strawberry.type(description='An "établissement", e.g. "RESTAURANT SCOLAIRE", with its activities.')
class Facility:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    activities: list[Activity] = strawberry.field(description="Its activities, by name.")


def _facility(catalogue: reading.Catalogue, facility_id: uuid.UUID) -> Facility:
    row = catalogue.by_id[facility_id]
    return Facility(
        id=to_id(row.id),
        name=row.name,
        activities=[Activity.of(catalogue, a) for a in catalogue.activities_of(row.id)],
    )


@strawberry.type(description='A child\'s enrolment in a period ("Inscription aux services").')
class Enrolment:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: EnrolmentState = strawberry.field(description="Where it stands.")  # type: ignore[valid-type]
    reason: str = strawberry.field(description="Staff's reason for a refusal.")
    child_id: strawberry.ID = strawberry.field(description="The child.")
    child_name: str = strawberry.field(description="The child's first and last name.")
    period_id: strawberry.ID = strawberry.field(description="The period.")
    period_path: str = strawberry.field(description='"Établissement > accueil > période".')
    created_at: datetime.datetime = strawberry.field(description="When it was asked for.")
    decided_at: datetime.datetime | None = strawberry.field(
        description="When it was accepted, refused or withdrawn."
    )

    @classmethod
    def of(cls, catalogue: reading.Catalogue, row: EnrolmentRow, child: Any) -> Enrolment:
        return cls(
            id=to_id(row.id),
            state=EnrolmentState[row.state.upper()],
            reason=row.reason,
            child_id=to_id(row.child_id),
            child_name=f"{child.first_name} {child.last_name}".strip(),
            period_id=to_id(row.period_id),
            period_path=reading.period_path(catalogue, catalogue.by_id[row.period_id]),
            created_at=row.created_at,
            decided_at=row.decided_at,
        )


@strawberry.type(description="Something that keeps a child from a period.")
class MissingItem:
    kind: MissingKind = strawberry.field(description="What kind.")  # type: ignore[valid-type]
    code: str = strawberry.field(description="The section or document type code (the class for CLASS_LEVEL).")
    message: str = strawberry.field(description="In French, ready to show.")


@strawberry.type(description="A unit as a family sees it: its price for this family and its deadlines.")
class OfferedUnit:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    price: int = strawberry.field(description="Price of a day for this family, in cents.")
    price_text: str = strawberry.field(description='The price in French, e.g. "7,70 €".')
    booking_deadline: str = strawberry.field(description='When booking closes, e.g. "2 jours avant, 10h00".')
    cancellation_deadline: str = strawberry.field(description="When cancelling closes.")


@strawberry.type(description="A period as one child sees it.")
class OfferedPeriod:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `enrollChild` takes).")
    name: str = strawberry.field(description="Name.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")  # type: ignore[valid-type]
    payment: Payment = strawberry.field(description="How bookings are paid.")  # type: ignore[valid-type]
    enrolment: Enrolment | None = strawberry.field(description="The child's enrolment; null: never asked.")
    missing: list[MissingItem] = strawberry.field(
        description="What keeps the child from enrolling; empty: nothing."
    )
    can_enrol: bool = strawberry.field(description="Whether `enrollChild` would be taken now.")
    units: list[OfferedUnit] = strawberry.field(description="Its units.")


@strawberry.type(description="An activity as one child sees it.")
class OfferedActivity:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    periods: list[OfferedPeriod] = strawberry.field(description="Its periods not over yet.")


@strawberry.type(description="A facility as one child sees it.")
class OfferedFacility:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    activities: list[OfferedActivity] = strawberry.field(
        description="Its activities with periods not over yet."
    )


# ---------------------------------------------------------------------------------------------
# Inputs


@strawberry.input(description="A regie.")
class RegieInput:
    name: str = strawberry.field(description="Name.")
    payfip_client_number: str = strawberry.field(description='PayFiP client number ("numcli"), 6 digits.')


@strawberry.input(description="A new activity's settings (left out: the defaults shown).")
class ActivityInput:
    name: str = strawberry.field(description="Name.")
    regie_id: strawberry.ID | None = strawberry.field(default=None, description="The regie; null: none.")
    open_during: OpenDuring = strawberry.field(  # type: ignore[valid-type]
        default=OpenDuring.SCHOOL_TIME, description="Relation to school holidays."
    )
    booking_acceptance: Decider = strawberry.field(  # type: ignore[valid-type]
        default=Decider.AUTOMATIC, description="Who accepts bookings."
    )
    when_full: WhenFull = strawberry.field(  # type: ignore[valid-type]
        default=WhenFull.REFUSE, description="A booking for a full day."
    )
    waiting_list_promotion: Decider = strawberry.field(  # type: ignore[valid-type]
        default=Decider.AUTOMATIC, description="When a place frees for the first in line."
    )
    late_cancellation: LateCancellation = strawberry.field(  # type: ignore[valid-type]
        default=LateCancellation.REQUEST, description="A late cancellation."
    )
    payment: Payment = strawberry.field(default=Payment.INVOICE, description="How bookings are paid.")  # type: ignore[valid-type]
    enrolment: Decider = strawberry.field(  # type: ignore[valid-type]
        default=Decider.AUTOMATIC, description="Who accepts enrolments."
    )
    min_age: int | None = strawberry.field(default=None, description="Youngest age in years; null: none.")
    max_age: int | None = strawberry.field(default=None, description="Oldest age in years; null: none.")
    class_levels: list[ClassLevel] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="Classes taken; empty: any."
    )
    required_sections: list[RecordSection] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="Record sections that must be complete to enrol."
    )
    required_documents: list[str] = strawberry.field(
        default_factory=list, description="Document type codes that must be accepted to enrol."
    )


@strawberry.input(description="A period's name, dates and weekdays.")
class PeriodInput:
    name: str = strawberry.field(description='Name, e.g. "RESTAURATION SCOLAIRE 2026-2027".')
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included; not before `start`).")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")  # type: ignore[valid-type]


@strawberry.input(description="A deadline rule.")
class DeadlineRuleInput:
    kind: DeadlineKind = strawberry.field(  # type: ignore[valid-type]
        default=DeadlineKind.DAYS_BEFORE, description="The form of the rule."
    )
    days: int = strawberry.field(default=2, description="For DAYS_BEFORE: 0 (the day itself) to 366.")
    weekday: Weekday | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="For WEEKDAY_OF_WEEK_BEFORE: the day of the week before."
    )
    at: datetime.time = strawberry.field(default=datetime.time(10, 0), description="Time of day, town time.")
    counted_in: DayCount = strawberry.field(  # type: ignore[valid-type]
        default=DayCount.CALENDAR, description="For DAYS_BEFORE: how days are counted."
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


@strawberry.input(description="Changes to a regie: fields left out stay as they are.")
class UpdateRegieInput:
    name: str | None = optional("Name (null refused).")
    payfip_client_number: str | None = optional('PayFiP client number ("numcli"), 6 digits (null refused).')


@strawberry.input(
    description="Changes to an activity: fields left out stay as they are; null clears `regieId`, "
    "`minAge` and `maxAge` and is refused elsewhere. A list given replaces the list."
)
class UpdateActivityInput:
    name: str | None = optional("Name.")
    regie_id: strawberry.ID | None = optional("The regie; null: none.")
    open_during: OpenDuring | None = optional("Relation to school holidays.")  # type: ignore[valid-type]
    booking_acceptance: Decider | None = optional("Who accepts bookings.")  # type: ignore[valid-type]
    when_full: WhenFull | None = optional("A booking for a full day.")  # type: ignore[valid-type]
    waiting_list_promotion: Decider | None = optional("When a place frees for the first in line.")  # type: ignore[valid-type]
    late_cancellation: LateCancellation | None = optional("A late cancellation.")  # type: ignore[valid-type]
    payment: Payment | None = optional("How bookings are paid.")  # type: ignore[valid-type]
    enrolment: Decider | None = optional("Who accepts enrolments.")  # type: ignore[valid-type]
    min_age: int | None = optional("Youngest age in years; null: none.")
    max_age: int | None = optional("Oldest age in years; null: none.")
    class_levels: list[ClassLevel] | None = optional("Classes taken; empty: any.")  # type: ignore[valid-type]
    required_sections: list[RecordSection] | None = optional(  # type: ignore[valid-type]
        "Record sections that must be complete to enrol; empty: none."
    )
    required_documents: list[str] | None = optional(
        "Document type codes that must be accepted to enrol; empty: none."
    )


@strawberry.input(description="Changes to a period: fields left out stay as they are (null refused).")
class UpdatePeriodInput:
    name: str | None = optional("Name.")
    start: datetime.date | None = optional("First day.")
    end: datetime.date | None = optional("Last day (included; not before `start`).")
    weekdays: list[Weekday] | None = optional("The days of the week it runs.")  # type: ignore[valid-type]


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


@strawberry.input(description="A range of days.")
class DateSpanInput:
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    label: str = strawberry.field(default="", description="Why, in French.")


def _activity_data(input: ActivityInput) -> use_cases.ActivityData:
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
        enrolment=_lower(input.enrolment),
        min_age=input.min_age,
        max_age=input.max_age,
        class_levels=[c.value for c in input.class_levels],
        required_sections=[s.value for s in input.required_sections],
        required_documents=list(input.required_documents),
    )


def _period_data(input: PeriodInput) -> use_cases.PeriodData:
    return use_cases.PeriodData(
        input.name, input.start, input.end, [WEEKDAYS.index(d) for d in input.weekdays]
    )


def _rule_data(rule: DeadlineRuleInput) -> use_cases.RuleData:
    return use_cases.RuleData(
        kind=_lower(rule.kind),
        days=rule.days,
        weekday=WEEKDAYS.index(rule.weekday) if rule.weekday is not None else None,
        at=rule.at,
        counted_in=_lower(rule.counted_in),
    )


def _unit_data(input: UnitInput) -> use_cases.UnitData:
    return use_cases.UnitData(
        name=input.name,
        position=input.position,
        capacity=input.capacity,
        booking=_rule_data(input.booking_deadline),
        cancellation=_rule_data(input.cancellation_deadline),
        tariff=[(b.max_quotient, b.price) for b in input.tariff],
        exclusive_group=input.exclusive_group,
    )


_ACTIVITY_FIELDS = {
    "booking_acceptance": "acceptance",
    "waiting_list_promotion": "promotion",
}


def _activity_changes(current: use_cases.ActivityData, input: UpdateActivityInput) -> use_cases.ActivityData:
    changes: dict[str, Any] = {}
    for name, value in given(input, frozenset({"regie_id", "min_age", "max_age"})).items():
        if name == "regie_id":
            changes["regie_id"] = parse_id(value) if value is not None else None
            changes["regie_given"] = value is not None  # a malformed id parses to None: NOT_FOUND
        elif name in ("class_levels", "required_sections"):
            changes[name] = [v.value for v in value]
        elif name == "required_documents":
            changes[name] = list(value)
        elif isinstance(value, Enum):
            changes[_ACTIVITY_FIELDS.get(name, name)] = _lower(value)
        else:
            changes[name] = value
    return dataclasses.replace(current, **changes)


def _period_changes(current: use_cases.PeriodData, input: UpdatePeriodInput) -> use_cases.PeriodData:
    changes = given(input)
    if "weekdays" in changes:
        changes["weekdays"] = [WEEKDAYS.index(d) for d in changes["weekdays"]]
    return dataclasses.replace(current, **changes)


def _unit_changes(current: use_cases.UnitData, input: UpdateUnitInput) -> use_cases.UnitData:
    changes = given(input, frozenset({"capacity"}))
    if "booking_deadline" in changes:
        changes["booking"] = _rule_data(changes.pop("booking_deadline"))
    if "cancellation_deadline" in changes:
        changes["cancellation"] = _rule_data(changes.pop("cancellation_deadline"))
    if "tariff" in changes:
        changes["tariff"] = [(b.max_quotient, b.price) for b in changes["tariff"]]
    return dataclasses.replace(current, **changes)


def _spans(spans: list[DateSpanInput]) -> list[use_cases.SpanData]:
    return [use_cases.SpanData(s.start, s.end, s.label) for s in spans]


# ---------------------------------------------------------------------------------------------
# Payloads


@strawberry.type(description="Result of a change to a regie.")
class RegiePayload:
    regie: Regie | None = strawberry.field(description="The regie as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a facility.")
class FacilityPayload:
    facility: Facility | None = strawberry.field(description="The facility as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to an activity.")
class ActivityPayload:
    activity: Activity | None = strawberry.field(description="The activity as it now is; null on error.")
    cancelled_bookings: int = strawberry.field(
        default=0, description="How many bookings the change cancelled (`cancelBookings`); 0 otherwise."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a period (its dates, its calendar).")
class PeriodPayload:
    period: Period | None = strawberry.field(description="The period as it now is; null on error.")
    cancelled_bookings: int = strawberry.field(
        default=0, description="How many bookings the change cancelled (`cancelBookings`); 0 otherwise."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of a change to a unit.")
class UnitPayload:
    unit: Unit | None = strawberry.field(description="The unit as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="A page of enrolments waiting for a decision, oldest first.")
class EnrolmentConnection(Connection[Enrolment]):
    pass


@strawberry.type(description="Result of `enrollChild` or `decideEnrolment`.")
class EnrolmentPayload:
    enrolment: Enrolment | None = strawberry.field(description="The enrolment; null on error.")
    errors: list[UserError] = strawberry.field(
        description="What to fix; when prerequisites fail, one error per missing item."
    )


WITHDRAW_DESCRIPTION = (
    "Withdraw a pending or accepted enrolment: it becomes WITHDRAWN (the child may be enrolled again "
    "later). Its bookings from today on are cancelled as the family would cancel them, in one numbered "
    "request of \"Historique\": a day past its cancellation deadline becomes a \"demande d'annulation\" "
    "where the activity takes late cancellations as requests, and stays booked (and billed) elsewhere; "
    "days the other household of a shared child booked are theirs. The family is mailed what became of "
    "each day. Another family's enrolment is NOT_FOUND; a refused or withdrawn one is NOT_WITHDRAWABLE."
)


@strawberry.type(description="Result of `withdrawEnrolment`: the enrolment and what became of its days.")
class WithdrawEnrolmentPayload:
    enrolment: Enrolment | None = strawberry.field(description="The enrolment, now WITHDRAWN; null on error.")
    request_number: str | None = strawberry.field(
        description='The number ("000007") of the request that cancelled the days ahead, in "Historique"; '
        "null when there were none to cancel (or none could be)."
    )
    cancelled_count: int = strawberry.field(description="Days ahead cancelled (places freed).")
    cancellation_requested_count: int = strawberry.field(
        description='Days past their cancellation deadline now "demande d\'annulation", for staff to decide.'
    )
    kept_count: int = strawberry.field(
        description="Days past their cancellation deadline the activity keeps booked (and billed)."
    )
    errors: list[UserError] = strawberry.field(description="What went wrong (NOT_FOUND, NOT_WITHDRAWABLE).")


async def _catalogue(info: Info) -> reading.Catalogue:
    return await reading.load_catalogue(info.context.app)


async def _period(info: Info, row: PeriodRow) -> Period:
    return Period.of(await _catalogue(info), row)


async def _enrolment(info: Info, row: EnrolmentRow) -> Enrolment:
    ctx = info.context.app
    children = await households.children_by_id(ctx, {row.child_id})
    return Enrolment.of(await _catalogue(info), row, children[row.child_id])


def _id(value: str | None) -> uuid.UUID | None:
    return parse_id(value)


# ---------------------------------------------------------------------------------------------
# Queries


@strawberry.type
class CatalogueQueries:
    @strawberry.field(permission_classes=STAFF, description="Staff: the regies, by name.")
    async def regies(self, info: Info) -> list[Regie]:
        return [Regie.from_row(r) for r in (await _catalogue(info)).regies]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the whole catalogue, facility > activity > period > units, with the calendars.",
    )
    async def facilities(self, info: Info) -> list[Facility]:
        catalogue = await _catalogue(info)
        return [_facility(catalogue, f.id) for f in catalogue.facilities]

    @strawberry.field(
        permission_classes=FAMILY,
        description="What a child may be enrolled in or book: facility > activity > period (not over yet), "
        "each with the child's enrolment, what is missing, and each unit's price for this family. An "
        "unknown `childId` (or another family's) is a `NOT_FOUND` error.",
    )
    async def catalogue(
        self, info: Info, child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")]
    ) -> list[OfferedFacility]:
        ctx = info.context.app
        try:
            child, household_id, offers = await use_cases.child_catalogue(ctx, parse_id(child_id))
        except UserErrors as refused:
            raise not_found("childId", refused.errors[0].message) from None
        catalogue = await _catalogue(info)
        quotient = await households.family_quotient(ctx, household_id)
        by_activity: dict[uuid.UUID, list[OfferedPeriod]] = {}
        for offer in offers:
            p, e = offer.period, offer.enrolment
            activity = catalogue.by_id[p.activity_id]
            units = []
            for u in catalogue.units_of(p.id):
                price = unit_price(reading.tariff_of(u), quotient)
                units.append(
                    OfferedUnit(
                        id=to_id(u.id),
                        name=u.name,
                        price=price,
                        price_text=format_amount(price),
                        booking_deadline=deadlines.describe(reading.booking_rule(u)),
                        cancellation_deadline=deadlines.describe(reading.cancel_rule(u)),
                    )
                )
            by_activity.setdefault(p.activity_id, []).append(
                OfferedPeriod(
                    id=to_id(p.id),
                    name=p.name,
                    path=offer.path,
                    start=p.start,
                    end=p.end,
                    weekdays=[WEEKDAYS[d] for d in reading.weekdays_of(p)],
                    payment=Payment[activity.payment.upper()],
                    enrolment=Enrolment.of(catalogue, e, child) if e else None,
                    missing=[
                        MissingItem(kind=MissingKind[m.kind], code=m.code, message=m.label)
                        for m in offer.missing
                    ],
                    can_enrol=not offer.missing and (e is None or e.state not in use_cases.ACTIVE_ENROLMENT),
                    units=units,
                )
            )
        result = []
        for facility in catalogue.facilities:
            activities = [
                OfferedActivity(id=to_id(a.id), name=a.name, periods=by_activity[a.id])
                for a in catalogue.activities_of(facility.id)
                if a.id in by_activity
            ]
            if activities:
                result.append(
                    OfferedFacility(id=to_id(facility.id), name=facility.name, activities=activities)
                )
        return result

    @strawberry.field(
        permission_classes=STAFF, description="Staff: enrolments waiting for a decision, oldest first."
    )
    async def pending_enrolments(
        self,
        info: Info,
        first: PageSize = 50,
        after: After = None,
    ) -> EnrolmentConnection:
        ctx = info.context.app
        key = decode_cursor(after, "pendingEnrolments", (AT, ID))
        limit = page_size(first)
        rows = await use_cases.enrolments(ctx, "pending", limit + 1, key)  # type: ignore[arg-type]
        children = await households.children_by_id(ctx, {r.child_id for r in rows[:limit]})
        catalogue = await _catalogue(info)
        items = edges(
            "pendingEnrolments",
            rows[:limit],
            lambda r: (r.created_at, r.id),
            lambda r: Enrolment.of(catalogue, r, children[r.child_id]),
        )
        return EnrolmentConnection(edges=items, page_info=page_info(items, len(rows) > limit))


# ---------------------------------------------------------------------------------------------
# Mutations


@strawberry.type
class CatalogueMutations:
    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a regie.")
    async def create_regie(
        self, info: Info, input: Annotated[RegieInput, strawberry.argument(description="The regie.")]
    ) -> RegiePayload:
        row, errors = await run_mutation(
            info,
            lambda: use_cases.save_regie(
                info.context.app, None, input.name, input.payfip_client_number, create=True
            ),
        )
        return RegiePayload(regie=Regie.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: change a regie.")
    async def update_regie(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The regie.")],
        input: Annotated[UpdateRegieInput, strawberry.argument(description="What changes.")],
    ) -> RegiePayload:
        async def update() -> Any:
            ctx = info.context.app
            name, number = await use_cases.regie_settings(ctx, _id(id))
            changes = given(input)
            return await use_cases.save_regie(
                ctx,
                _id(id),
                changes.get("name", name),
                changes.get("payfip_client_number", number),
                create=False,
            )

        row, errors = await run_mutation(info, update)
        return RegiePayload(regie=Regie.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description='Staff: create a facility ("établissement").')
    async def create_facility(
        self, info: Info, name: Annotated[str, strawberry.argument(description="Its name.")]
    ) -> FacilityPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.save_facility(info.context.app, None, name, create=True)
        )
        return FacilityPayload(
            facility=_facility(await _catalogue(info), row.id) if row else None, errors=errors
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: rename a facility.")
    async def update_facility(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The facility.")],
        name: Annotated[str, strawberry.argument(description="Its new name.")],
    ) -> FacilityPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.save_facility(info.context.app, _id(id), name, create=False)
        )
        return FacilityPayload(
            facility=_facility(await _catalogue(info), row.id) if row else None, errors=errors
        )

    @strawberry.mutation(permission_classes=STAFF, description='Staff: create an activity ("accueil").')
    async def create_activity(
        self,
        info: Info,
        facility_id: Annotated[strawberry.ID, strawberry.argument(description="Its facility.")],
        input: Annotated[ActivityInput, strawberry.argument(description="Its settings.")],
    ) -> ActivityPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.create_activity(info.context.app, _id(facility_id), _activity_data(input))
        )
        return ActivityPayload(
            activity=Activity.of(await _catalogue(info), row) if row else None, errors=errors
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change an activity's settings. Changing `openDuring` closes days of its periods "
        "(school holidays, or school time): bookings standing on them are `BOOKINGS_IN_THE_WAY` on "
        "`openDuring`, unless `cancelBookings` gives the reason to cancel them.",
    )
    async def update_activity(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The activity.")],
        input: Annotated[UpdateActivityInput, strawberry.argument(description="What changes.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> ActivityPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = _activity_changes(await use_cases.activity_settings(ctx, _id(id)), input)
            return await guarded.update_activity(ctx, _id(id), data, cancel_bookings)

        done, errors = await run_mutation(info, update)
        return ActivityPayload(
            activity=Activity.of(await _catalogue(info), done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a period of an activity.")
    async def create_period(
        self,
        info: Info,
        activity_id: Annotated[strawberry.ID, strawberry.argument(description="Its activity.")],
        input: Annotated[PeriodInput, strawberry.argument(description="Its name, dates and weekdays.")],
    ) -> PeriodPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.create_period(info.context.app, _id(activity_id), _period_data(input))
        )
        return PeriodPayload(period=await _period(info, row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a period's name, dates, weekdays. Bookings standing on days the new dates "
        "or weekdays close are `BOOKINGS_IN_THE_WAY` on `start`, `end` or `weekdays` (with how many and "
        "when), unless `cancelBookings` gives the reason to cancel them.",
    )
    async def update_period(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        input: Annotated[UpdatePeriodInput, strawberry.argument(description="What changes.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> PeriodPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = _period_changes(await use_cases.period_settings(ctx, _id(id)), input)
            return await guarded.update_period(ctx, _id(id), data, cancel_bookings)

        done, errors = await run_mutation(info, update)
        return PeriodPayload(
            period=await _period(info, done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: replace a period's closures and extra opening days (within the period's dates). "
        "Bookings standing on days this closes (a new closure, an extra day taken away) are "
        "`BOOKINGS_IN_THE_WAY` on `closures.<i>` or `extraDays`, unless `cancelBookings` gives the reason "
        "to cancel them: what a town does for a strike or an unplanned closure.",
    )
    async def set_period_calendar(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
        closures: Annotated[list[DateSpanInput], strawberry.argument(description="Days closed.")],
        extra_days: Annotated[list[DateSpanInput], strawberry.argument(description="Days opened besides.")],
        cancel_bookings: Annotated[str | None, strawberry.argument(description=CANCEL_BOOKINGS)] = None,
    ) -> PeriodPayload:
        done, errors = await run_mutation(
            info,
            lambda: guarded.set_period_days(
                info.context.app, _id(period_id), _spans(closures), _spans(extra_days), cancel_bookings
            ),
        )
        return PeriodPayload(
            period=await _period(info, done.row) if done else None,
            cancelled_bookings=done.cancelled if done else 0,
            errors=errors,
        )

    @strawberry.mutation(permission_classes=STAFF, description="Staff: create a unit of a period.")
    async def create_unit(
        self,
        info: Info,
        period_id: Annotated[strawberry.ID, strawberry.argument(description="Its period.")],
        input: Annotated[UnitInput, strawberry.argument(description="Its settings.")],
    ) -> UnitPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.create_unit(info.context.app, _id(period_id), _unit_data(input))
        )
        return UnitPayload(unit=Unit.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a unit's settings. A `capacity` below the places already held on a day "
        "from today on is refused (`BOOKINGS_IN_THE_WAY` on `capacity`, saying how many bookings exceed "
        "it and the lowest capacity allowed): held places are never taken back; to free them, cancel "
        "those days (`setPeriodCalendar` with `cancelBookings`). A capacity raised (or made unlimited) "
        "gives the new places to the first in each day's waiting line at once; they are mailed.",
    )
    async def update_unit(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The unit.")],
        input: Annotated[UpdateUnitInput, strawberry.argument(description="What changes.")],
    ) -> UnitPayload:
        async def update() -> Any:
            ctx = info.context.app
            data = _unit_changes(await use_cases.unit_settings(ctx, _id(id)), input)
            return await guarded.update_unit(ctx, _id(id), data)

        row, errors = await run_mutation(info, update)
        return UnitPayload(unit=Unit.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description='Enrol a child in a period ("Inscription aux services"): accepted at once or pending '
        "staff, per activity; refused with one error per missing item (age, class, record section, document) "
        "when prerequisites fail. Another family's child, or an unknown period, is NOT_FOUND.",
    )
    async def enroll_child(
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
        period_id: Annotated[strawberry.ID, strawberry.argument(description="The period.")],
    ) -> EnrolmentPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.enroll_child(info.context.app, _id(child_id), _id(period_id))
        )
        return EnrolmentPayload(enrolment=await _enrolment(info, row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description=WITHDRAW_DESCRIPTION,
    )
    async def withdraw_enrolment(
        self,
        info: Info,
        enrolment_id: Annotated[strawberry.ID, strawberry.argument(description="The enrolment.")],
    ) -> WithdrawEnrolmentPayload:
        done, errors = await run_mutation(
            info, lambda: withdrawal.withdraw_enrolment(info.context.app, _id(enrolment_id))
        )
        if done is None:
            return WithdrawEnrolmentPayload(
                enrolment=None,
                request_number=None,
                cancelled_count=0,
                cancellation_requested_count=0,
                kept_count=0,
                errors=errors,
            )
        request = done.request.request if done.request is not None else None
        return WithdrawEnrolmentPayload(
            enrolment=await _enrolment(info, done.enrolment),
            request_number=f"{request.number:06d}" if request is not None else None,
            cancelled_count=len(done.cancelled),
            cancellation_requested_count=len(done.requested),
            kept_count=len(done.kept),
            errors=[],
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: accept or refuse (reason required) a pending enrolment; the family is mailed.",
    )
    async def decide_enrolment(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The enrolment.")],
        accept: Annotated[bool, strawberry.argument(description="True to accept, false to refuse.")],
        reason: Annotated[str, strawberry.argument(description="Why (required to refuse).")] = "",
    ) -> EnrolmentPayload:
        row, errors = await run_mutation(
            info, lambda: use_cases.decide_enrolment(info.context.app, _id(id), accept, reason)
        )
        return EnrolmentPayload(enrolment=await _enrolment(info, row) if row else None, errors=errors)

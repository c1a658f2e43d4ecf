"""The catalogue's output types, each with its mapper from the rows and views the use cases answer
(``resolvers/catalogue_reading.py``, ``resolvers/offer.py``): fields mapped one by one, nothing decided."""

from __future__ import annotations

import datetime
import uuid

import strawberry

from portail.resolvers import catalogue_reading as reading
from portail.resolvers import offer
from portail.resolvers.rows import Activity as ActivityRow
from portail.resolvers.rows import EnrolmentGroup as EnrolmentGroupRow
from portail.resolvers.rows import Period as PeriodRow
from portail.resolvers.rows import PeriodDay as PeriodDayRow
from portail.resolvers.rows import Regie as RegieRow
from portail.resolvers.rows import Unit as UnitRow
from portail.schema.catalogue.enums import (
    WEEKDAYS,
    DayCount,
    DeadlineKind,
    Decider,
    EnrolmentState,
    LateCancellation,
    MissingKind,
    OpenDuring,
    PaidCancellation,
    PaymentMode,
    UnitCounting,
    Weekday,
    WhenFull,
)
from portail.schema.catalogue.windows import BookingWindowSettings, PeriodBookingWindow
from portail.schema.households.enums import ClassLevel, RecordSection
from portail.schema.ids import to_id
from portail.schema.pagination import Connection


@strawberry.type(
    description='A public cash office ("régie") collecting its activities\' payments through PayFiP.'
)
class Regie:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description='Name, e.g. "REGIE RESTAURATION SCOLAIRE".')
    payfip_client_number: str = strawberry.field(description='PayFiP client number ("numcli"), 6 digits.')
    payfip_mode: str = strawberry.field(
        description="PayFiP's `saisie`: T (test), X (activation), W (production)."
    )
    hold_minutes: int = strawberry.field(description="How long a basket holds its places before it expires.")
    payment_days: int = strawberry.field(description="Days from an invoice's issue to its due date.")
    invoice_prefix: str = strawberry.field(
        description='Printed before its invoice numbers ("CAM-2027-000012").'
    )

    @classmethod
    def from_row(cls, row: RegieRow) -> Regie:
        return cls(
            id=to_id(row.id),
            name=row.name,
            payfip_client_number=row.payfip_client_number,
            payfip_mode=row.payfip_mode,
            hold_minutes=row.hold_minutes,
            payment_days=row.payment_days,
            invoice_prefix=row.invoice_prefix,
        )


@strawberry.type(description="A deadline rule of a unit, for booking or cancelling.")
class DeadlineRule:
    kind: DeadlineKind = strawberry.field(description="The form of the rule.")
    days: int = strawberry.field(description="For DAYS_BEFORE: how many days before (0: the day itself).")
    weekday: Weekday | None = strawberry.field(
        description="For WEEKDAY_OF_WEEK_BEFORE: the day of the week before."
    )
    weeks: int = strawberry.field(
        description="For WEEKDAY_OF_WEEK_BEFORE: how many weeks before (1: the week before)."
    )
    day_of_month: int | None = strawberry.field(
        description="For DAY_OF_PREVIOUS_MONTH: the day of the month before (1 to 31; a shorter month "
        "closes on its last day)."
    )
    at: datetime.time = strawberry.field(description="The time of day, town time.")
    counted_in: DayCount = strawberry.field(description="For DAYS_BEFORE: how days are counted.")
    skipped_weekdays: list[Weekday] = strawberry.field(
        description="For DAYS_BEFORE: the days of the week the count leaves out, besides what `countedIn` "
        "leaves out (the weekend of WORKING days is not listed)."
    )
    skips_public_holidays: bool = strawberry.field(
        description="For DAYS_BEFORE: public holidays do not count (always true in WORKING days)."
    )
    description: str = strawberry.field(description='In French: "2 jours avant, 10h00".')

    @classmethod
    def from_view(cls, view: reading.Deadline) -> DeadlineRule:
        return cls(
            kind=DeadlineKind[view.kind.upper()],
            days=view.days,
            weekday=WEEKDAYS[view.weekday] if view.weekday is not None else None,
            weeks=view.weeks,
            day_of_month=view.day_of_month,
            at=view.at,
            counted_in=DayCount[view.counted_in.upper()],
            skipped_weekdays=[WEEKDAYS[d] for d in view.skipped_weekdays],
            skips_public_holidays=view.skips_holidays,
            description=view.description,
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
    capacity: int | None = strawberry.field(
        description="Places per day (children: a booking of a unit counted in quantities takes one "
        "whatever its quantity); null: unlimited."
    )
    booking_deadline: DeadlineRule = strawberry.field(description="When booking a day closes.")
    cancellation_deadline: DeadlineRule = strawberry.field(description="When cancelling a day closes.")
    tariff: list[TariffBracket] = strawberry.field(description="Price by family-quotient bracket.")
    exclusive_group: str = strawberry.field(
        description="Units of a period sharing a non-empty group exclude each other on a day."
    )
    unbooked_price: int | None = strawberry.field(
        description='What a child present without booking costs ("non réservé"), in cents; null: the '
        "family's price for a booked day."
    )
    late_price: int | None = strawberry.field(
        description='What a day booked past the booking deadline costs ("hors délai"), in cents, the same '
        "for every family; such bookings are taken until the day begins. Null: the unit takes none."
    )
    non_resident_tariff: list[TariffBracket] | None = strawberry.field(
        description='What households outside the town pay ("tarif extérieur", `setNonResidentTariff`); '
        "null: `tariff` for every household."
    )
    counted_in: UnitCounting = strawberry.field(
        description="By the day, by the time spent (`HOURS`: `tariff` prices each step of `stepMinutes`), or "
        "by the quantity (`QUANTITY`: `tariff` prices each item, up to `maxQuantity`)."
    )
    opens_at: datetime.time | None = strawberry.field(description="Counted in hours: when it opens; null.")
    closes_at: datetime.time | None = strawberry.field(description="Counted in hours: when it closes; null.")
    step_minutes: int = strawberry.field(description="Counted in hours: the step priced, in minutes.")
    max_quantity: int | None = strawberry.field(
        description="Counted in quantities: the most items a child may take a day; null otherwise. Places "
        "count children, not items: a booking takes one place of `capacity` whatever its quantity."
    )
    event_dates: list[datetime.date] = strawberry.field(
        description="An event (an outing): the only dates it may be booked, in order; empty: a regular unit."
    )
    per_child_cap: int | None = strawberry.field(
        description="How many days of this unit one child may have in the period; null: no cap."
    )
    requires: list[strawberry.ID] = strawberry.field(
        description="Linked units: ids of units of the same period at least one of which must be booked the "
        "same day for this one to be (booked alone it is refused, `LINKED_UNIT`); empty: none."
    )

    @classmethod
    def from_row(cls, row: UnitRow) -> Unit:
        return cls(
            id=to_id(row.id),
            name=row.name,
            position=row.position,
            capacity=row.capacity,
            booking_deadline=DeadlineRule.from_view(reading.booking_deadline(row)),
            cancellation_deadline=DeadlineRule.from_view(reading.cancellation_deadline(row)),
            tariff=[
                TariffBracket(max_quotient=b.max_quotient, price=b.price)
                for b in reading.tariff_of(row).brackets
            ],
            exclusive_group=row.exclusive_group,
            unbooked_price=row.unbooked_price,
            late_price=row.late_price,
            non_resident_tariff=None
            if (grid := reading.non_resident_tariff_of(row)) is None
            else [TariffBracket(max_quotient=b.max_quotient, price=b.price) for b in grid.brackets],
            requires=[to_id(i) for i in reading.required_units(row)],
            counted_in=UnitCounting[row.counted_in.upper()],
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            step_minutes=row.step_minutes,
            max_quantity=row.max_quantity,
            event_dates=reading.event_dates_of(row),
            per_child_cap=row.per_child_cap,
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
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")
    units: list[Unit] = strawberry.field(description="Its units, in order.")
    closures: list[DateSpan] = strawberry.field(description="Days staff closed.")
    extra_days: list[DateSpan] = strawberry.field(description="Days staff opened beyond the usual calendar.")
    booking_window: BookingWindowSettings = strawberry.field(
        description="When families may book it, and which (`setBookingWindow`)."
    )
    enrolment_opens_at: datetime.datetime | None = strawberry.field(
        description="The period's own enrolment opening (null: the activity's)."
    )
    enrolment_closes_at: datetime.datetime | None = strawberry.field(
        description="The period's own enrolment closing (null: the activity's)."
    )

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
            booking_window=BookingWindowSettings.of(row),
            enrolment_opens_at=row.enrolment_opens_at,
            enrolment_closes_at=row.enrolment_closes_at,
        )


@strawberry.type(
    description='A group of an activity children are enrolled in ("Maternelles", "Élémentaires").'
)
class EnrolmentGroup:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `enrollChild` takes as `groupId`).")
    name: str = strawberry.field(description="Name.")
    position: int = strawberry.field(description="Order among the activity's groups.")
    capacity: int | None = strawberry.field(
        description="Children enrolled per period (pending and accepted); null: unlimited."
    )
    period_ids: list[strawberry.ID] = strawberry.field(
        description="The activity's periods it is offered for (families pick it only there); empty: every "
        "period."
    )

    @classmethod
    def from_row(cls, row: EnrolmentGroupRow) -> EnrolmentGroup:
        return cls(
            id=to_id(row.id),
            name=row.name,
            position=row.position,
            capacity=row.capacity,
            period_ids=[to_id(i) for i in reading.group_periods(row)],
        )


@strawberry.type(description='An "accueil", e.g. "RESTAURATION SCOLAIRE", "MERCREDIS", and how it is run.')
class Activity:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    regie: Regie | None = strawberry.field(description="The regie its payments go to.")
    open_during: OpenDuring = strawberry.field(description="Relation to school holidays.")
    booking_acceptance: Decider = strawberry.field(description="Who accepts bookings.")
    when_full: WhenFull = strawberry.field(description="A booking for a full day.")
    waiting_list_promotion: Decider = strawberry.field(
        description="When a place frees: the first in line gets it at once, or once staff confirm."
    )
    late_cancellation: LateCancellation = strawberry.field(description="A late cancellation.")
    payment: PaymentMode = strawberry.field(description="How bookings are paid.")
    paid_cancellation: PaidCancellation = strawberry.field(
        description="A paid day cancelled in time (activities paid at booking)."
    )
    enrolment: Decider = strawberry.field(description="Who accepts enrolments.")
    min_age: int | None = strawberry.field(description="Youngest age, in years on the period's first day.")
    max_age: int | None = strawberry.field(description="Oldest age, in years on the period's first day.")
    block_overdue_days: int | None = strawberry.field(
        description="New bookings are refused to a household with an invoice of the regie unpaid this many "
        "days after its due date (null: never)."
    )
    class_levels: list[ClassLevel] = strawberry.field(description="Classes taken; empty: any.")
    required_sections: list[RecordSection] = strawberry.field(
        description="Record sections that must be complete to enrol."
    )
    required_documents: list[str] = strawberry.field(description="Document type codes that must be accepted.")
    required_vaccines: list[str] = strawberry.field(
        description="Vaccine codes of the town's list the child must be up to date with (e.g. DTP)."
    )
    required_consents: list[str] = strawberry.field(
        description="Consent kinds whose current version must be granted to enrol."
    )
    enrolment_opens_at: datetime.datetime | None = strawberry.field(
        description="When enrolments open (a period may set its own); null: no bound."
    )
    enrolment_closes_at: datetime.datetime | None = strawberry.field(
        description="When enrolments close (that instant refused); null: no bound."
    )
    enrolment_capacity: int | None = strawberry.field(
        description="Children enrolled per period, where the activity has no groups; null: unlimited."
    )
    enrolment_when_full: WhenFull = strawberry.field(
        description="An enrolment in a full period or group: refused, or on the waiting line."
    )
    groups: list[EnrolmentGroup] = strawberry.field(
        description="Its enrolment groups, in order; empty: none (then `enrollChild` takes no `groupId`)."
    )
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
            payment=PaymentMode[row.payment.upper()],
            paid_cancellation=PaidCancellation[row.paid_cancellation.upper()],
            enrolment=Decider[row.enrolment.upper()],
            min_age=row.min_age,
            max_age=row.max_age,
            block_overdue_days=row.block_overdue_days,
            class_levels=[ClassLevel[c] for c in reading.split_codes(row.class_levels)],
            required_sections=[RecordSection[s] for s in reading.split_codes(row.required_sections)],
            required_documents=reading.split_codes(row.required_documents),
            required_vaccines=reading.split_codes(row.required_vaccines),
            required_consents=reading.split_codes(row.required_consents),
            enrolment_opens_at=row.enrolment_opens_at,
            enrolment_closes_at=row.enrolment_closes_at,
            enrolment_capacity=row.enrolment_capacity,
            enrolment_when_full=WhenFull[row.enrolment_when_full.upper()],
            groups=[EnrolmentGroup.from_row(g) for g in catalogue.groups_of(row.id)],
            periods=[Period.of(catalogue, p) for p in catalogue.periods_of(row.id)],
        )


@strawberry.type(description='An "établissement", e.g. "RESTAURANT SCOLAIRE", with its activities.')
class Facility:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    activities: list[Activity] = strawberry.field(description="Its activities, by name.")

    @classmethod
    def of(cls, catalogue: reading.Catalogue, facility_id: uuid.UUID) -> Facility:
        row = catalogue.by_id[facility_id]
        return cls(
            id=to_id(row.id),
            name=row.name,
            activities=[Activity.of(catalogue, a) for a in catalogue.activities_of(row.id)],
        )


@strawberry.type(description='A child\'s enrolment in a period ("Inscription aux services").')
class Enrolment:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    state: EnrolmentState = strawberry.field(description="Where it stands.")
    reason: str = strawberry.field(description="Staff's reason for a refusal.")
    child_id: strawberry.ID = strawberry.field(description="The child.")
    child_name: str = strawberry.field(description="The child's first and last name.")
    period_id: strawberry.ID = strawberry.field(description="The period.")
    period_path: str = strawberry.field(description='"Établissement > accueil > période".')
    created_at: datetime.datetime = strawberry.field(description="When it was asked for.")
    decided_at: datetime.datetime | None = strawberry.field(
        description="When it was accepted, refused or withdrawn."
    )
    group_id: strawberry.ID | None = strawberry.field(
        description="The group chosen; null: the activity has none."
    )
    group_name: str | None = strawberry.field(description="The group's name.")
    waiting_rank: int | None = strawberry.field(
        description="WAITING: its rank on the line of its period (or group), 1 being next to get a place; "
        "null otherwise."
    )

    @classmethod
    def from_view(cls, view: offer.EnrolmentView) -> Enrolment:
        row = view.enrolment
        return cls(
            id=to_id(row.id),
            state=EnrolmentState[row.state.upper()],
            reason=row.reason,
            child_id=to_id(row.child_id),
            child_name=view.child_name,
            period_id=to_id(row.period_id),
            period_path=view.period_path,
            created_at=row.created_at,
            decided_at=row.decided_at,
            group_id=to_id(row.group_id) if row.group_id else None,
            group_name=view.group_name,
            waiting_rank=view.waiting_rank,
        )


@strawberry.type(description="A page of enrolments in one state, oldest first.")
class EnrolmentConnection(Connection[Enrolment]):
    pass


@strawberry.type(description="Something that keeps a child from a period.")
class MissingItem:
    kind: MissingKind = strawberry.field(description="What kind.")
    code: str = strawberry.field(
        description="The section, document type or consent kind code (the class for CLASS_LEVEL)."
    )
    message: str = strawberry.field(description="In French, ready to show.")


@strawberry.type(description="A unit as a family sees it: its price for this family and its deadlines.")
class OfferedUnit:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    price: int = strawberry.field(description="Price of a day for this family, in cents.")
    price_text: str = strawberry.field(description='The price in French, e.g. "7,70 €".')
    booking_deadline: str = strawberry.field(description='When booking closes, e.g. "2 jours avant, 10h00".')
    cancellation_deadline: str = strawberry.field(description="When cancelling closes.")

    @classmethod
    def from_view(cls, view: offer.OfferedUnit) -> OfferedUnit:
        return cls(
            id=to_id(view.unit.id),
            name=view.unit.name,
            price=view.price,
            price_text=view.price_text,
            booking_deadline=view.booking_deadline,
            cancellation_deadline=view.cancellation_deadline,
        )


@strawberry.type(description="A group of the period's activity as a family sees it, with its places left.")
class OfferedGroup:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `enrollChild` takes as `groupId`).")
    name: str = strawberry.field(description="Name.")
    capacity: int | None = strawberry.field(description="Children per period; null: unlimited.")
    places_left: int | None = strawberry.field(
        description="Places still free in the period; null: unlimited."
    )
    waiting_count: int = strawberry.field(description="Enrolments on its waiting line in the period.")

    @classmethod
    def from_view(cls, view: offer.OfferedGroup) -> OfferedGroup:
        return cls(
            id=to_id(view.group.id),
            name=view.group.name,
            capacity=view.group.capacity,
            places_left=view.places_left,
            waiting_count=view.waiting,
        )


@strawberry.type(description="A period as one child sees it.")
class OfferedPeriod:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `enrollChild` takes).")
    name: str = strawberry.field(description="Name.")
    path: str = strawberry.field(description='"Établissement > accueil > période".')
    start: datetime.date = strawberry.field(description="First day.")
    end: datetime.date = strawberry.field(description="Last day (included).")
    weekdays: list[Weekday] = strawberry.field(description="The days of the week it runs.")
    payment: PaymentMode = strawberry.field(description="How bookings are paid.")
    enrolment: Enrolment | None = strawberry.field(description="The child's enrolment; null: never asked.")
    missing: list[MissingItem] = strawberry.field(
        description="What keeps the child from enrolling; empty: nothing."
    )
    can_enrol: bool = strawberry.field(
        description="Whether `enrollChild` would be taken now (the window open, nothing missing, no "
        "enrolment standing, and a place free in some group or a waiting line to stand on)."
    )
    units: list[OfferedUnit] = strawberry.field(description="Its units.")
    booking_window: PeriodBookingWindow = strawberry.field(
        description="When this family may book it: opening, close, read-only date, intro text, bookable now."
    )
    enrolment_opens_at: datetime.datetime | None = strawberry.field(
        description="When enrolments open (the period's own, else its activity's); null: no bound."
    )
    enrolment_closes_at: datetime.datetime | None = strawberry.field(
        description="When enrolments close (that instant refused); null: no bound."
    )
    enrolment_open: bool = strawberry.field(description="Whether enrolments are open now.")
    groups: list[OfferedGroup] = strawberry.field(
        description="The activity's groups offered for this period (those limited to other periods left "
        "out), with their places in it: `enrollChild` requires one (`groupId`); empty: none."
    )
    capacity: int | None = strawberry.field(
        description="Children per period, where the activity has no groups; null: unlimited (or see "
        "`groups`)."
    )
    places_left: int | None = strawberry.field(
        description="Places still free in the period, where the activity has no groups; null: unlimited."
    )
    waiting_count: int = strawberry.field(
        description="Enrolments on the period's waiting line, where the activity has no groups."
    )
    keeps_waiting_line: bool = strawberry.field(
        description="Whether a full period or group puts an enrolment on its waiting line (else refuses it)."
    )

    @classmethod
    def from_view(cls, view: offer.OfferedPeriod) -> OfferedPeriod:
        period = view.period
        return cls(
            id=to_id(period.id),
            name=period.name,
            path=view.path,
            start=period.start,
            end=period.end,
            weekdays=[WEEKDAYS[d] for d in view.weekdays],
            payment=PaymentMode[view.payment.upper()],
            enrolment=Enrolment.from_view(view.enrolment) if view.enrolment else None,
            missing=[
                MissingItem(kind=MissingKind[m.kind], code=m.code, message=m.label) for m in view.missing
            ],
            can_enrol=view.can_enrol,
            units=[OfferedUnit.from_view(u) for u in view.units],
            booking_window=PeriodBookingWindow.of(period, view.booking_window),
            enrolment_opens_at=view.window.opens_at,
            enrolment_closes_at=view.window.closes_at,
            enrolment_open=view.enrolment_open,
            groups=[OfferedGroup.from_view(g) for g in view.groups],
            capacity=view.capacity,
            places_left=view.places_left,
            waiting_count=view.waiting,
            keeps_waiting_line=view.keeps_waiting_line,
        )


@strawberry.type(description="An activity as one child sees it.")
class OfferedActivity:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    periods: list[OfferedPeriod] = strawberry.field(description="Its periods not over yet.")

    @classmethod
    def from_view(cls, view: offer.OfferedActivity) -> OfferedActivity:
        return cls(
            id=to_id(view.activity.id),
            name=view.activity.name,
            periods=[OfferedPeriod.from_view(p) for p in view.periods],
        )


@strawberry.type(description="A facility as one child sees it.")
class OfferedFacility:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="Name.")
    activities: list[OfferedActivity] = strawberry.field(
        description="Its activities with periods not over yet."
    )

    @classmethod
    def from_view(cls, view: offer.OfferedFacility) -> OfferedFacility:
        return cls(
            id=to_id(view.facility.id),
            name=view.facility.name,
            activities=[OfferedActivity.from_view(a) for a in view.activities],
        )

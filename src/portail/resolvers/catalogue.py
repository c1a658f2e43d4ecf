"""The catalogue of services (regie > facility > activity > period > units) that staff manage, what a
child may be enrolled in, and enrolments ("Inscription aux services")."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import TypeVar

from sqlmodel import col, select

from portail.db.models import Account, Child, ConsentDefinition, Document, DocumentType
from portail.db.models.catalogue import (
    Activity,
    Enrolment,
    EnrolmentGroup,
    Facility,
    Period,
    PeriodDay,
    Regie,
    Unit,
)
from portail.resolvers.audit import audit_change, audit_settings, settings_of
from portail.resolvers.catalogue_reading import (
    Catalogue,
    Deadline,
    booking_deadline,
    cancellation_deadline,
    event_dates_of,
    forget_catalogue,
    load_catalogue,
    period_path,
    required_units,
    split_codes,
    tariff_of,
    weekdays_of,
)
from portail.resolvers.context import RequestContext, today
from portail.resolvers.enrolment_places import has_free_place, place_for, promote, rank_of
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.health import check_required_vaccines, missing_vaccine_label, missing_vaccines
from portail.resolvers.households import refuse_if_awaiting_validation
from portail.resolvers.mail import ENROLMENTS_PATH, PLANNING_PATH, client_link, send_mail
from portail.resolvers.memo import memo
from portail.resolvers.records import (
    child_of,
    child_sections,
    current_consent,
    household_sections,
    load_full_record,
)
from portail.resolvers.town_answers import active_questions
from portail.resolvers.town_questions import blocking_questions
from portail.resolvers.validation import Validator
from portail.rules import events, fields, hours, quantities
from portail.rules.calendar import OpenDuring, school_calendar_covers
from portail.rules.deadlines import (
    MAX_DAYS_BEFORE,
    MAX_WEEKS_BEFORE,
    WEEKEND,
    DayCount,
    DayOfPreviousMonth,
    DaysBefore,
    DeadlineRule,
    WeekdayOfWeekBefore,
)
from portail.rules.enrolment_places import HOLDING, WAITING, Placement
from portail.rules.enrolment_window import (
    EnrolmentWindow,
    WindowState,
    check_bounds,
    effective_window,
    refusal,
    window_state,
)
from portail.rules.french import de, inscrit

PAYFIP_CLIENT_NUMBER = re.compile(r"\d{6}")
PAYFIP_MODES = ("T", "X", "W")  # PayFiP's saisie: test, activation, production
INVOICE_PREFIX = re.compile(r"[A-Z0-9]{0,10}")
MAX_PERIOD_DAYS = 2 * 366
MAX_CAPACITY = 10_000
MAX_PRICE = 1_000_000  # cents: 10 000 €
MAX_BRACKETS = 20
MAX_SPANS = 200
MAX_AGE = 25
SECTIONS = fields.HOUSEHOLD_SECTIONS + fields.CHILD_SECTIONS
# An enrolment that stands: holding a place, or waiting for one (the child may not ask twice).
ACTIVE_ENROLMENT = (*HOLDING, WAITING)


# ---------------------------------------------------------------------------------------------
# Input, as the schema hands it over


@dataclass
class ActivityData:
    name: str
    regie_id: uuid.UUID | None
    open_during: str
    acceptance: str
    when_full: str
    promotion: str
    late_cancellation: str
    payment: str
    enrolment: str
    min_age: int | None
    max_age: int | None
    class_levels: list[str]
    required_sections: list[str]
    required_documents: list[str]
    block_overdue_days: int | None = None
    paid_cancellation: str = "credit"
    # Vaccine codes of the town's list a child must be up to date with (``rules.health``).
    required_vaccines: list[str] = field(default_factory=list)
    regie_given: bool = False  # a regie id was passed (a malformed one parses to None)
    required_consents: list[str] = field(default_factory=list)
    enrolment_opens_at: datetime | None = None
    enrolment_closes_at: datetime | None = None
    enrolment_capacity: int | None = None
    enrolment_when_full: str = "refuse"


@dataclass
class PeriodData:
    name: str
    start: date
    end: date
    weekdays: list[int]
    # The period's own enrolment window (each bound given replaces the activity's).
    enrolment_opens_at: datetime | None = None
    enrolment_closes_at: datetime | None = None


@dataclass
class RuleData:
    kind: str  # days_before, weekday_of_week_before, day_of_previous_month
    days: int
    weekday: int | None
    at: time
    counted_in: str
    weeks: int = 1
    month_day: int | None = None
    skipped_weekdays: list[int] = field(default_factory=list)
    skips_holidays: bool = False


@dataclass
class UnitData:
    name: str
    position: int
    capacity: int | None
    booking: RuleData
    cancellation: RuleData
    tariff: list[tuple[int | None, int]]
    exclusive_group: str
    unbooked_price: int | None = None
    late_price: int | None = None
    # Linked units: at least one of these units of the same period must be booked the same day.
    requires: list[uuid.UUID | None] = field(default_factory=list)
    # "days" or "hours" (portail.rules.hours), and for hours the opening hours and the step priced.
    counted_in: str = "days"
    opens_at: time | None = None
    closes_at: time | None = None
    step_minutes: int = 15
    # "quantity" (portail.rules.quantities): the most items a child takes a day (required then only).
    max_quantity: int | None = None
    # An event: its only dates (empty: a regular unit); how many of its days a child may have (None: any).
    event_dates: list[date] = field(default_factory=list)
    per_child_cap: int | None = None


@dataclass
class SpanData:
    start: date
    end: date
    label: str


# ---------------------------------------------------------------------------------------------
# Staff: writing the catalogue


Row = TypeVar("Row")


async def get_for_update(
    ctx: RequestContext, table: type[Row], row_id: uuid.UUID | None, field_name: str, message: str
) -> Row:
    """The row of ``table`` locked for update, or a NOT_FOUND error on ``field_name``."""
    row = await ctx.session.get(table, row_id, with_for_update=True) if row_id else None
    if row is None:
        raise UserErrors.one(field_name, ErrorCode.NOT_FOUND, message)
    return row


@dataclass
class RegieData:
    """A regie's settings: its PayFiP client and mode, how long its baskets hold places, its invoices'
    terms and number prefix."""

    name: str
    payfip_client_number: str
    payfip_mode: str = "T"
    hold_minutes: int = 120
    payment_days: int = 30
    invoice_prefix: str = ""


async def save_regie(
    ctx: RequestContext, regie_id: uuid.UUID | None, data: RegieData, *, create: bool
) -> Regie:
    row = (
        Regie(name="")
        if create
        else await get_for_update(ctx, Regie, regie_id, "id", "Cette régie n'existe pas.")
    )
    v = Validator()
    row.name = v.text("name", data.name, max_length=100, required=True)
    numcli = data.payfip_client_number.strip()
    if not PAYFIP_CLIENT_NUMBER.fullmatch(numcli):
        v.add(
            "payfipClientNumber",
            ErrorCode.INVALID,
            "Le numéro client PayFiP (numcli) comporte exactement 6 chiffres.",
        )
    row.payfip_client_number = numcli
    if data.payfip_mode not in PAYFIP_MODES:
        v.add(
            "payfipMode", ErrorCode.INVALID, "Le mode PayFiP est T (test), X (activation) ou W (production)."
        )
    if not 5 <= data.hold_minutes <= 1440:
        v.add("holdMinutes", ErrorCode.INVALID, "Le panier se garde entre 5 minutes et 24 heures.")
    if not 0 <= data.payment_days <= 120:
        v.add("paymentDays", ErrorCode.INVALID, "L'échéance est comprise entre 0 et 120 jours.")
    prefix = data.invoice_prefix.strip().upper()
    if not INVOICE_PREFIX.fullmatch(prefix):
        v.add("invoicePrefix", ErrorCode.INVALID, "Le préfixe des factures : jusqu'à 10 lettres ou chiffres.")
    row.payfip_mode, row.hold_minutes, row.payment_days = (
        data.payfip_mode,
        data.hold_minutes,
        data.payment_days,
    )
    row.invoice_prefix = prefix
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


async def save_facility(
    ctx: RequestContext, facility_id: uuid.UUID | None, name: str, *, create: bool
) -> Facility:
    row = (
        Facility(name="")
        if create
        else await get_for_update(ctx, Facility, facility_id, "id", "Cet établissement n'existe pas.")
    )
    v = Validator()
    row.name = v.text("name", name, max_length=100, required=True)
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


# An update is partial: the schema reads the current settings with these, puts the given fields over
# them (``dataclasses.replace``) and passes the whole to the update, whose checks and staff guards
# (``catalogue_bookings``) then see exactly what the row will hold.


async def regie_settings(ctx: RequestContext, regie_id: uuid.UUID | None) -> RegieData:
    """The regie's settings as an update's input, locked for the update to come."""
    row = await get_for_update(ctx, Regie, regie_id, "id", "Cette régie n'existe pas.")
    return RegieData(
        row.name,
        row.payfip_client_number,
        row.payfip_mode,
        row.hold_minutes,
        row.payment_days,
        row.invoice_prefix,
    )


async def activity_settings(ctx: RequestContext, activity_id: uuid.UUID | None) -> ActivityData:
    """The activity's settings as an update's input, locked for the update to come."""
    row = await get_for_update(ctx, Activity, activity_id, "id", "Cet accueil n'existe pas.")
    return ActivityData(
        name=row.name,
        regie_id=row.regie_id,
        open_during=row.open_during,
        acceptance=row.acceptance,
        when_full=row.when_full,
        promotion=row.promotion,
        late_cancellation=row.late_cancellation,
        payment=row.payment,
        enrolment=row.enrolment,
        min_age=row.min_age,
        max_age=row.max_age,
        class_levels=split_codes(row.class_levels),
        required_sections=split_codes(row.required_sections),
        required_documents=split_codes(row.required_documents),
        required_vaccines=split_codes(row.required_vaccines),
        block_overdue_days=row.block_overdue_days,
        paid_cancellation=row.paid_cancellation,
        required_consents=split_codes(row.required_consents),
        enrolment_opens_at=row.enrolment_opens_at,
        enrolment_closes_at=row.enrolment_closes_at,
        enrolment_capacity=row.enrolment_capacity,
        enrolment_when_full=row.enrolment_when_full,
    )


async def period_settings(ctx: RequestContext, period_id: uuid.UUID | None) -> PeriodData:
    """The period's name, dates and weekdays as an update's input, locked for the update to come."""
    row = await get_for_update(ctx, Period, period_id, "id", "Cette période n'existe pas.")
    return PeriodData(
        row.name, row.start, row.end, weekdays_of(row), row.enrolment_opens_at, row.enrolment_closes_at
    )


async def unit_settings(ctx: RequestContext, unit_id: uuid.UUID | None) -> UnitData:
    """The unit's settings as an update's input, locked for the update to come: its period first, then
    the unit, the order a booking submission takes (as ``catalogue_bookings.update_unit`` does)."""
    found = await ctx.session.get(Unit, unit_id) if unit_id else None
    if found is not None:
        await get_for_update(ctx, Period, found.period_id, "id", "Cette période n'existe pas.")
    row = await get_for_update(ctx, Unit, unit_id, "id", "Cette unité n'existe pas.")
    return UnitData(
        name=row.name,
        position=row.position,
        capacity=row.capacity,
        booking=_rule_settings(booking_deadline(row)),
        cancellation=_rule_settings(cancellation_deadline(row)),
        tariff=[(bound, price) for bound, price in json.loads(row.tariff)],
        exclusive_group=row.exclusive_group,
        unbooked_price=row.unbooked_price,
        late_price=row.late_price,
        requires=list(required_units(row)),
        counted_in=row.counted_in,
        opens_at=row.opens_at,
        closes_at=row.closes_at,
        step_minutes=row.step_minutes,
        max_quantity=row.max_quantity,
        event_dates=event_dates_of(row),
        per_child_cap=row.per_child_cap,
    )


def _rule_settings(view: Deadline) -> RuleData:
    return RuleData(
        view.kind,
        view.days,
        view.weekday,
        view.at,
        view.counted_in,
        view.weeks,
        view.day_of_month,
        view.skipped_weekdays,
        view.skips_holidays,
    )


async def create_activity(ctx: RequestContext, facility_id: uuid.UUID | None, data: ActivityData) -> Activity:
    await get_for_update(ctx, Facility, facility_id, "facilityId", "Cet établissement n'existe pas.")
    assert facility_id is not None
    row = Activity(facility_id=facility_id, name="")
    saved = await _fill_activity(ctx, row, data)
    audit_settings(ctx, "activity", saved.id, {}, settings_of(saved))
    return saved


async def update_activity(ctx: RequestContext, activity_id: uuid.UUID | None, data: ActivityData) -> Activity:
    row = await get_for_update(ctx, Activity, activity_id, "id", "Cet accueil n'existe pas.")
    before = settings_of(row)
    saved = await _fill_activity(ctx, row, data)
    after = settings_of(saved)
    audit_settings(ctx, "activity", saved.id, before, after)
    if any(before[name] != after[name] for name in ("enrolmentCapacity", "enrolmentWhenFull")):
        # More places, or a line where there was none: the first in line may move up.
        await promote_lines(ctx, saved.id)
    return saved


async def promote_lines(
    ctx: RequestContext, activity_id: uuid.UUID, group_id: uuid.UUID | None = None
) -> None:
    """Give the free places of the activity's periods not over yet to their waiting lines."""
    catalogue = await load_catalogue(ctx)
    day = today(ctx)
    for period in catalogue.periods_of(activity_id):
        if period.end < day:
            continue
        # Each line: the given group's, every group's the period offers (where it offers groups), or the
        # period's.
        offered = [g.id for g in catalogue.groups_for(period)]
        lines: list[uuid.UUID | None] = [group_id] if group_id is not None or not offered else list(offered)
        for line in lines:
            await promote(ctx, period.id, line)


async def _fill_activity(ctx: RequestContext, row: Activity, data: ActivityData) -> Activity:
    if data.regie_given and (data.regie_id is None or await ctx.session.get(Regie, data.regie_id) is None):
        raise UserErrors.one("regieId", ErrorCode.NOT_FOUND, "Cette régie n'existe pas.")
    v = Validator()
    # Kept apart until the input is valid: the query below would flush a too long name into its column.
    activity_name = v.text("name", data.name, max_length=100, required=True)
    for name, age in (("minAge", data.min_age), ("maxAge", data.max_age)):
        if age is not None and not 0 <= age <= MAX_AGE:
            v.add(name, ErrorCode.INVALID, f"L'âge est compris entre 0 et {MAX_AGE} ans.")
    if (
        data.min_age is not None
        and data.max_age is not None
        and data.max_age < data.min_age
        and not v.has_error("minAge")
        and not v.has_error("maxAge")
    ):
        v.add("maxAge", ErrorCode.INVALID, "L'âge maximum est inférieur à l'âge minimum.")
    if data.block_overdue_days is not None and not 0 <= data.block_overdue_days <= 366:
        v.add("blockOverdueDays", ErrorCode.INVALID, "Le délai est compris entre 0 et 366 jours.")
    check_window(v, data.enrolment_opens_at, data.enrolment_closes_at)
    if data.enrolment_capacity is not None and not 1 <= data.enrolment_capacity <= MAX_CAPACITY:
        v.add(
            "enrolmentCapacity",
            ErrorCode.INVALID,
            f"La capacité est comprise entre 1 et {MAX_CAPACITY} enfants.",
        )
    kinds = sorted({k.strip().upper() for k in data.required_consents if k.strip()})
    if kinds:
        known_kinds = set(
            (
                await ctx.session.exec(
                    select(ConsentDefinition.kind).where(col(ConsentDefinition.kind).in_(kinds))
                )
            ).all()
        )
        unknown_kinds = [k for k in kinds if k not in known_kinds]
        if unknown_kinds:
            v.add(
                "requiredConsents",
                ErrorCode.NOT_FOUND,
                "Autorisation inconnue : " + ", ".join(unknown_kinds) + ".",
            )
    codes = sorted({c.strip().upper() for c in data.required_documents if c.strip()})
    if codes:
        known = set(
            (await ctx.session.exec(select(DocumentType.code).where(col(DocumentType.code).in_(codes)))).all()
        )
        unknown = [c for c in codes if c not in known]
        if unknown:
            v.add(
                "requiredDocuments",
                ErrorCode.NOT_FOUND,
                "Type de document inconnu : " + ", ".join(unknown) + ".",
            )
    vaccines = await check_required_vaccines(v, ctx, data.required_vaccines)
    v.raise_if_any()
    row.name = activity_name
    row.regie_id = data.regie_id
    row.open_during = data.open_during
    row.acceptance, row.when_full, row.promotion = data.acceptance, data.when_full, data.promotion
    row.late_cancellation, row.payment, row.enrolment = data.late_cancellation, data.payment, data.enrolment
    row.min_age, row.max_age = data.min_age, data.max_age
    row.block_overdue_days = data.block_overdue_days
    row.paid_cancellation = data.paid_cancellation
    row.class_levels = ",".join(level for level in fields.CLASS_LEVELS if level in data.class_levels)
    row.required_sections = ",".join(s for s in SECTIONS if s in data.required_sections)
    row.required_documents = ",".join(codes)
    row.required_vaccines = ",".join(vaccines)
    row.required_consents = ",".join(kinds)
    row.enrolment_opens_at, row.enrolment_closes_at = (
        _utc(data.enrolment_opens_at),
        _utc(data.enrolment_closes_at),
    )
    row.enrolment_capacity, row.enrolment_when_full = data.enrolment_capacity, data.enrolment_when_full
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


async def create_period(ctx: RequestContext, activity_id: uuid.UUID | None, data: PeriodData) -> Period:
    activity = await get_for_update(ctx, Activity, activity_id, "activityId", "Cet accueil n'existe pas.")
    row = Period(activity_id=activity.id, name="", start=data.start, end=data.end)
    saved = await _fill_period(ctx, row, activity, data)
    audit_settings(ctx, "period", saved.id, {}, settings_of(saved))
    return saved


async def update_period(ctx: RequestContext, period_id: uuid.UUID | None, data: PeriodData) -> Period:
    row = await get_for_update(ctx, Period, period_id, "id", "Cette période n'existe pas.")
    activity = await ctx.session.get(Activity, row.activity_id)
    assert activity is not None  # the period's activity (foreign key)
    before = settings_of(row)
    saved = await _fill_period(ctx, row, activity, data)
    audit_settings(ctx, "period", saved.id, before, settings_of(saved))
    return saved


async def _fill_period(ctx: RequestContext, row: Period, activity: Activity, data: PeriodData) -> Period:
    v = Validator()
    row.name = v.text("name", data.name, max_length=150, required=True)
    check_period(v, activity, data)
    check_window(v, data.enrolment_opens_at, data.enrolment_closes_at)
    v.raise_if_any()
    row.start, row.end = data.start, data.end
    row.enrolment_opens_at, row.enrolment_closes_at = (
        _utc(data.enrolment_opens_at),
        _utc(data.enrolment_closes_at),
    )
    row.weekdays = ",".join(str(d) for d in sorted(set(data.weekdays)))
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


def _utc(moment: datetime | None) -> datetime | None:
    """As stored (and read back): UTC, so that a saved row answers as a reloaded one."""
    return moment.astimezone(UTC) if moment is not None else None


def check_window(v: Validator, opens_at: datetime | None, closes_at: datetime | None) -> None:
    """Add to ``v`` what is wrong with an enrolment window's bounds."""
    for name, moment in (("enrolmentOpensAt", opens_at), ("enrolmentClosesAt", closes_at)):
        if moment is not None and moment.tzinfo is None:
            v.add(name, ErrorCode.INVALID, "Indiquez le fuseau horaire (par exemple +02:00).")
    if v.has_error("enrolmentOpensAt") or v.has_error("enrolmentClosesAt"):
        return
    wrong = check_bounds(opens_at, closes_at)
    if wrong:
        v.add("enrolmentClosesAt", ErrorCode.INVALID, wrong)


def check_open_during(v: Validator, periods: Sequence[Period], open_during: str) -> None:
    """Add to ``v`` an error when the school calendar does not cover every period of an activity that
    is to follow school holidays (``open_during``)."""
    if open_during == OpenDuring.ALWAYS:
        return
    if any(not school_calendar_covers(p.start, p.end) for p in periods):
        v.add(
            "openDuring",
            ErrorCode.INVALID,
            "Le calendrier des vacances scolaires n'est pas encore publié pour toutes ses périodes.",
        )


def check_period(v: Validator, activity: Activity, data: PeriodData) -> None:
    """Add to ``v`` what is wrong with a period's dates and weekdays (its name aside)."""
    if data.end < data.start:
        v.add("end", ErrorCode.INVALID, "La date de fin est antérieure à la date de début.")
    elif (data.end - data.start).days > MAX_PERIOD_DAYS:
        v.add("end", ErrorCode.INVALID, "Une période dure au plus deux ans.")
    elif activity.open_during != OpenDuring.ALWAYS and not school_calendar_covers(data.start, data.end):
        v.add(
            "end",
            ErrorCode.INVALID,
            "Le calendrier des vacances scolaires n'est pas encore publié pour toutes ces dates.",
        )
    if not data.weekdays:
        v.add("weekdays", ErrorCode.REQUIRED, "Choisissez au moins un jour de la semaine.")


async def set_period_days(
    ctx: RequestContext,
    period_id: uuid.UUID | None,
    closures: Sequence[SpanData],
    extra_days: Sequence[SpanData],
) -> Period:
    """Replace the period's closures and extra opening days."""
    period = await get_for_update(ctx, Period, period_id, "periodId", "Cette période n'existe pas.")
    v = Validator()
    rows = check_period_days(v, period, closures, extra_days)
    v.raise_if_any()
    return await write_period_days(ctx, period, rows)


def check_period_days(
    v: Validator, period: Period, closures: Sequence[SpanData], extra_days: Sequence[SpanData]
) -> list[PeriodDay]:
    """The rows of ``closures`` and ``extra_days`` (not written), what is wrong with them added to ``v``."""
    rows = []
    for name, kind, spans in (("closures", "closure", closures), ("extraDays", "extra", extra_days)):
        if len(spans) > MAX_SPANS:
            v.add(name, ErrorCode.INVALID, f"Au plus {MAX_SPANS} plages de dates.")
            continue
        for i, span in enumerate(spans):
            label = v.text(f"{name}.{i}.label", span.label, max_length=100)
            if span.end < span.start:
                v.add(
                    f"{name}.{i}.end", ErrorCode.INVALID, "La date de fin est antérieure à la date de début."
                )
            elif span.start < period.start or span.end > period.end:
                v.add(
                    f"{name}.{i}.start",
                    ErrorCode.INVALID,
                    f"Ces dates sortent de la période (du {period.start:%d/%m/%Y} au {period.end:%d/%m/%Y}).",
                )
            rows.append(
                PeriodDay(period_id=period.id, kind=kind, start=span.start, end=span.end, label=label)
            )
    return rows


async def write_period_days(ctx: RequestContext, period: Period, rows: list[PeriodDay]) -> Period:
    """Put ``rows`` (checked) in place of the period's closures and extra days."""
    old = (await ctx.session.exec(select(PeriodDay).where(PeriodDay.period_id == period.id))).all()
    for row in old:
        await ctx.session.delete(row)
    await ctx.session.flush()
    ctx.session.add_all(rows)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return period


async def create_unit(ctx: RequestContext, period_id: uuid.UUID | None, data: UnitData) -> Unit:
    period = await get_for_update(ctx, Period, period_id, "periodId", "Cette période n'existe pas.")
    return await _fill_unit(ctx, Unit(period_id=period.id, name=""), data)


async def update_unit(ctx: RequestContext, unit_id: uuid.UUID | None, data: UnitData) -> Unit:
    return await _fill_unit(
        ctx, await get_for_update(ctx, Unit, unit_id, "id", "Cette unité n'existe pas."), data
    )


def _check_rule(v: Validator, name: str, rule: RuleData) -> DeadlineRule | None:
    """The rule ``rule`` describes, or None after adding its errors (fields under ``name``)."""
    errors = len(v.errors)
    if rule.kind == "weekday_of_week_before":
        if rule.weekday is None:
            v.add(f"{name}.weekday", ErrorCode.REQUIRED, "Choisissez le jour de la semaine précédente.")
    elif rule.kind == "day_of_previous_month":
        if rule.month_day is None:
            v.add(f"{name}.dayOfMonth", ErrorCode.REQUIRED, "Choisissez le jour du mois précédent.")
    elif not 0 <= rule.days <= MAX_DAYS_BEFORE:
        v.add(f"{name}.days", ErrorCode.INVALID, f"Le délai est compris entre 0 et {MAX_DAYS_BEFORE} jours.")
    # Impossible values are refused whatever the form: they are typing mistakes, not settings.
    if not 1 <= rule.weeks <= MAX_WEEKS_BEFORE:
        weeks = f"Le délai est compris entre 1 et {MAX_WEEKS_BEFORE} semaines."
        v.add(f"{name}.weeks", ErrorCode.INVALID, weeks)
    if rule.month_day is not None and not 1 <= rule.month_day <= 31:
        v.add(f"{name}.dayOfMonth", ErrorCode.INVALID, "Le jour du mois est compris entre 1 et 31.")
    counted = set(range(7)) - set(rule.skipped_weekdays)
    if rule.counted_in == DayCount.WORKING:
        counted -= WEEKEND
    if not counted:
        v.add(
            f"{name}.skippedWeekdays",
            ErrorCode.INVALID,
            "Au moins un jour de la semaine doit compter dans le délai.",
        )
    if rule.at.tzinfo is not None:
        v.add(f"{name}.at", ErrorCode.INVALID, "L'heure est celle de la commune, sans fuseau.")
    if len(v.errors) > errors:
        return None
    if rule.kind == "weekday_of_week_before":
        assert rule.weekday is not None  # checked above
        return WeekdayOfWeekBefore(rule.weekday, rule.at, rule.weeks)
    if rule.kind == "day_of_previous_month":
        assert rule.month_day is not None  # checked above
        return DayOfPreviousMonth(rule.month_day, rule.at)
    return DaysBefore(
        rule.days, rule.at, DayCount(rule.counted_in), frozenset(rule.skipped_weekdays), rule.skips_holidays
    )


def _store_rule(row: Unit, prefix: str, data: RuleData, rule: DeadlineRule) -> None:
    """Write a checked rule into the unit's ``booking_*`` or ``cancel_*`` columns, as given (a field of
    another form is kept, as staff typed it), the skipped days as the rule counts them (normalised)."""
    skipped, skips = frozenset(data.skipped_weekdays), data.skips_holidays
    if isinstance(rule, DaysBefore):
        skipped, skips = rule.skipped_weekdays, rule.skips_holidays
    values = {
        "rule": data.kind,
        "days": data.days,
        "weekday": data.weekday,
        "at": data.at,
        "counted_in": data.counted_in,
        "weeks": data.weeks,
        "month_day": data.month_day,
        "skipped_weekdays": ",".join(str(d) for d in sorted(skipped)),
        "skips_holidays": skips,
    }
    for name, value in values.items():
        setattr(row, f"{prefix}_{name}", value)


def check_tariff(v: Validator, brackets: list[tuple[int | None, int]]) -> None:
    """Add to ``v`` what is wrong with a tariff grid (errors on ``tariff``)."""
    if not brackets:
        v.add("tariff", ErrorCode.REQUIRED, "Indiquez au moins un tarif.")
        return
    if len(brackets) > MAX_BRACKETS:
        v.add("tariff", ErrorCode.INVALID, f"Au plus {MAX_BRACKETS} tranches.")
        return
    for i, (bound, price) in enumerate(brackets):
        if not 0 <= price <= MAX_PRICE:
            v.add(
                f"tariff.{i}.price", ErrorCode.INVALID, "Un tarif est un nombre de centimes positif ou nul."
            )
        if bound is not None and bound < 0:
            v.add(f"tariff.{i}.maxQuotient", ErrorCode.INVALID, "Un quotient familial n'est pas négatif.")
    if v.has_error("tariff"):  # pragma: no cover - prices are checked per bracket above
        return
    if brackets[-1][0] is not None:
        v.add(
            "tariff",
            ErrorCode.INVALID,
            f"Les quotients au-delà de {brackets[-1][0]} n'ont pas de tarif : "
            "la dernière tranche n'a pas de plafond.",
        )
    elif any(bound is None for bound, _ in brackets[:-1]):
        v.add("tariff", ErrorCode.INVALID, "Seule la dernière tranche n'a pas de plafond.")
    else:
        bounds = [bound for bound, _ in brackets[:-1] if bound is not None]  # all are, see above
        if bounds != sorted(set(bounds)):
            v.add(
                "tariff",
                ErrorCode.INVALID,
                "Les tranches se suivent par plafond de quotient strictement croissant.",
            )


async def _fill_unit(ctx: RequestContext, row: Unit, data: UnitData) -> Unit:
    v = Validator()
    row.name = v.text("name", data.name, max_length=100, required=True)
    if data.capacity is not None and not 1 <= data.capacity <= MAX_CAPACITY:
        v.add("capacity", ErrorCode.INVALID, f"La capacité est comprise entre 1 et {MAX_CAPACITY} places.")
    booking = _check_rule(v, "bookingDeadline", data.booking)
    cancellation = _check_rule(v, "cancellationDeadline", data.cancellation)
    check_tariff(v, data.tariff)
    group = v.text("exclusiveGroup", data.exclusive_group, max_length=30)
    for name, price in (("unbookedPrice", data.unbooked_price), ("latePrice", data.late_price)):
        if price is not None and not 0 <= price <= MAX_PRICE:
            v.add(name, ErrorCode.INVALID, "Le prix est compris entre 0 et 10 000 € (en centimes).")
    requires = await _check_requires(ctx, v, row, data.requires)
    _check_counting(v, data)
    dates = await _check_event(ctx, v, row, data)
    v.raise_if_any()
    assert booking is not None and cancellation is not None  # else raised above
    _audit_unit(ctx, row, "requires", row.requires, requires)
    row.requires = requires
    for name, column, value in (
        ("countedIn", "counted_in", data.counted_in),
        ("opensAt", "opens_at", data.opens_at),
        ("closesAt", "closes_at", data.closes_at),
        ("stepMinutes", "step_minutes", data.step_minutes),
        ("maxQuantity", "max_quantity", data.max_quantity),
        ("eventDates", "event_dates", dates),
        ("perChildCap", "per_child_cap", data.per_child_cap),
    ):
        before = getattr(row, column)
        shown = ("" if v is None else str(v) for v in (before, value))
        _audit_unit(ctx, row, name, *shown)
        setattr(row, column, value)
    row.position, row.capacity, row.exclusive_group = data.position, data.capacity, group
    row.unbooked_price, row.late_price = data.unbooked_price, data.late_price
    _store_rule(row, "booking", data.booking, booking)
    _store_rule(row, "cancel", data.cancellation, cancellation)
    row.tariff = json.dumps([list(b) for b in data.tariff])
    tariff_of(row)  # the grid the checks above let through is one the pricing rules accept
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


async def _check_requires(ctx: RequestContext, v: Validator, row: Unit, ids: list[uuid.UUID | None]) -> str:
    """The linked units as stored (see ``Unit.requires``): each a unit of the same period, not the unit
    itself, each once; an error on ``requires.<i>`` otherwise."""
    if not ids:
        return ""
    query = select(Unit.id).where(Unit.period_id == row.period_id, Unit.id != row.id)
    siblings = set((await ctx.session.exec(query)).all())
    seen: list[uuid.UUID] = []
    for i, unit_id in enumerate(ids):
        if unit_id == row.id:
            v.add(f"requires.{i}", ErrorCode.INVALID, "Une unité ne peut pas dépendre d'elle-même.")
        elif unit_id is None or unit_id not in siblings:
            v.add(f"requires.{i}", ErrorCode.NOT_FOUND, "Cette unité n'existe pas dans cette période.")
        elif unit_id in seen:
            v.add(f"requires.{i}", ErrorCode.INVALID, "Cette unité est déjà dans la liste.")
        else:
            seen.append(unit_id)
    return ",".join(str(i) for i in seen)


async def _check_event(ctx: RequestContext, v: Validator, row: Unit, data: UnitData) -> str:
    """An event's dates as stored: each inside its period (``eventDates.<i>``), at most a hundred; the
    per-child cap a positive number."""
    stored = ""
    if len(data.event_dates) > events.MAX_EVENT_DATES:
        v.add("eventDates", ErrorCode.INVALID, f"Au plus {events.MAX_EVENT_DATES} dates.")
    elif data.event_dates:
        period = await ctx.session.get(Period, row.period_id)
        assert period is not None  # the unit's period (foreign key), locked by the caller
        for i, day in enumerate(data.event_dates):
            if not period.start <= day <= period.end:
                v.add(
                    f"eventDates.{i}",
                    ErrorCode.OUTSIDE_PERIOD,
                    f"Le {day.strftime('%d/%m/%Y')} est en dehors de la période « {period.name} ».",
                )
        stored = events.store_dates(data.event_dates)
    if data.per_child_cap is not None and not 1 <= data.per_child_cap <= MAX_PERIOD_DAYS:
        v.add("perChildCap", ErrorCode.INVALID, "Le plafond par enfant est un nombre de jours positif.")
    return stored


def _check_counting(v: Validator, data: UnitData) -> None:
    """A unit counted in hours opens and closes (the hours a booking must stay within), and prices a step
    of a sensible length; the times are to the minute, in town time."""
    if data.counted_in not in (*hours.COUNTED_IN, quantities.QUANTITY):  # pragma: no cover - the enum
        v.add("countedIn", ErrorCode.INVALID, "Une unité se compte à la journée, à l'heure ou à la quantité.")
        return
    # Counted in quantities: the most items a child takes a day, set then and only then.
    wrong = quantities.check_max_quantity(data.counted_in, data.max_quantity)
    if wrong is not None:
        code = ErrorCode.REQUIRED if wrong.code is quantities.QuantityCode.REQUIRED else ErrorCode.INVALID
        v.add("maxQuantity", code, wrong.message)
    if not hours.MIN_STEP <= data.step_minutes <= hours.MAX_STEP:
        v.add(
            "stepMinutes",
            ErrorCode.INVALID,
            f"Le pas de facturation est compris entre {hours.MIN_STEP} et {hours.MAX_STEP} minutes.",
        )
    for name, moment in (("opensAt", data.opens_at), ("closesAt", data.closes_at)):
        if moment is not None and (moment.second or moment.microsecond or moment.tzinfo is not None):
            v.add(name, ErrorCode.INVALID, "L'heure se donne à la minute, sans fuseau.")
    if data.counted_in != hours.HOURS:
        return
    if data.opens_at is None:
        v.add("opensAt", ErrorCode.REQUIRED, "Indiquez l'heure d'ouverture de l'accueil.")
    if data.closes_at is None:
        v.add("closesAt", ErrorCode.REQUIRED, "Indiquez l'heure de fermeture de l'accueil.")
    if data.opens_at is not None and data.closes_at is not None and data.closes_at <= data.opens_at:
        v.add("closesAt", ErrorCode.INVALID, "L'accueil ferme après son ouverture.")


def _audit_unit(ctx: RequestContext, row: Unit, field_name: str, before: str, after: str) -> None:
    """Staff changing how a unit is run (links, counting): who, when, before and after."""
    if before == after:
        return
    audit_change(ctx, "unit", row.id, field_name, before, after)


# ---------------------------------------------------------------------------------------------
# Families: what a child may be enrolled in


@dataclass(frozen=True)
class Missing:
    """Something that keeps a child from a period: its kind, a code and a French label."""

    kind: str  # AGE, CLASS_LEVEL, RECORD_SECTION, DOCUMENT, CONSENT, TOWN_QUESTION, VACCINE
    code: str
    label: str


@dataclass
class ChildOffer:
    """A period as one child sees it."""

    period: Period
    path: str
    enrolment: Enrolment | None
    missing: list[Missing]


async def _accepted_documents(
    ctx: RequestContext, household_id: uuid.UUID
) -> set[tuple[str, uuid.UUID | None]]:
    async def load() -> set[tuple[str, uuid.UUID | None]]:
        rows = (
            await ctx.session.exec(
                select(col(DocumentType.code), col(Document.child_id), col(Document.valid_until))
                .join(DocumentType, col(DocumentType.id) == Document.type_id)
                .where(Document.household_id == household_id, Document.state == "accepted")
            )
        ).all()
        day = today(ctx)
        return {(code, child) for code, child, until in rows if until is None or until >= day}

    return await memo(ctx, ("accepted_documents", household_id), load)


async def missing_for(
    ctx: RequestContext, catalogue: Catalogue, child: Child, household_id: uuid.UUID, period: Period
) -> list[Missing]:
    """What the child lacks for ``period``: eligibility, record sections, accepted documents."""
    activity: Activity = catalogue.by_id[period.activity_id]
    missing = []
    if activity.min_age is not None or activity.max_age is not None:
        age = fields.age_on(child.birth_date, period.start) if child.birth_date else None
        low, high = activity.min_age, activity.max_age
        if age is None or (low is not None and age < low) or (high is not None and age > high):
            span = (
                f"de {low} à {high} ans"
                if low is not None and high is not None
                else f"à partir de {low} ans"
                if low is not None
                else f"jusqu'à {high} ans"
            )
            missing.append(Missing("AGE", "AGE", f"Cet accueil est réservé aux enfants {span}."))
    levels = split_codes(activity.class_levels)
    if levels and child.class_level not in levels:
        missing.append(
            Missing(
                "CLASS_LEVEL",
                child.class_level or "",
                "Cet accueil est réservé aux classes " + ", ".join(levels) + ".",
            )
        )
    sections = split_codes(activity.required_sections)
    if sections:
        record = await load_full_record(ctx, household_id)
        states = {s.section: s.state for s in household_sections(ctx, record)}
        states.update({s.section: s.state for s in child_sections(record, child)})
        for section in sections:
            if states.get(section) == fields.TO_COMPLETE:
                whose = "" if section in fields.HOUSEHOLD_SECTIONS else f" {de(child.first_name)}"
                missing.append(
                    Missing(
                        "RECORD_SECTION",
                        section,
                        f"La rubrique « {fields.SECTION_LABELS[section]} »{whose} est à compléter.",
                    )
                )
    codes = split_codes(activity.required_documents)
    if codes:
        accepted = await _accepted_documents(ctx, household_id)
        types = {t.code: t for t in await _document_types(ctx)}
        for code in codes:
            doc_type = types.get(code)
            if doc_type is None:
                continue
            if (code, child.id if doc_type.per_child else None) not in accepted:
                missing.append(
                    Missing(
                        "DOCUMENT",
                        code,
                        f"Le justificatif « {doc_type.label} » doit être accepté par la mairie.",
                    )
                )
    # The town's own required questions, for every family or for this activity's (their id as code).
    if any(q.required and q.activity_id in (None, activity.id) for q in await active_questions(ctx)):
        record = await load_full_record(ctx, household_id)
        for question in blocking_questions(record, child.id, activity.id):
            missing.append(
                Missing(
                    "TOWN_QUESTION", str(question.id), f"La question « {question.label} » attend une réponse."
                )
            )
    # Up to date on the first day the child may come: the period's first, or today once it has begun.
    on = max(period.start, today(ctx))
    for lacking in await missing_vaccines(ctx, child, split_codes(activity.required_vaccines), on):
        missing.append(Missing("VACCINE", lacking.code, missing_vaccine_label(child.first_name, lacking)))
    kinds = split_codes(activity.required_consents)
    if kinds:
        record = await load_full_record(ctx, household_id)
        definitions = {d.kind: d for d in record.extras.definitions}
        for kind in kinds:
            definition = definitions.get(kind)
            if definition is None:
                continue  # withdrawn by the town: nothing left to consent to
            answer = current_consent(record, definition, child.id if definition.scope == "child" else None)
            if answer is None or not answer.granted:
                verb = "a été refusée" if answer is not None else "n'a pas encore été donnée"
                missing.append(
                    Missing(
                        "CONSENT",
                        kind,
                        f"L'autorisation « {definition.title} » {verb} : cet accueil la demande.",
                    )
                )
    return missing


def enrolment_window(catalogue: Catalogue, period: Period) -> EnrolmentWindow:
    """When families may ask to enrol in ``period`` (its own bounds over its activity's)."""
    activity: Activity = catalogue.by_id[period.activity_id]
    return effective_window(
        EnrolmentWindow(activity.enrolment_opens_at, activity.enrolment_closes_at),
        period.enrolment_opens_at,
        period.enrolment_closes_at,
    )


async def _document_types(ctx: RequestContext) -> list[DocumentType]:
    async def load() -> list[DocumentType]:
        return list((await ctx.session.exec(select(DocumentType))).all())

    return await memo(ctx, ("document_types_all",), load)


async def child_catalogue(
    ctx: RequestContext, child_id: uuid.UUID | None
) -> tuple[Child, uuid.UUID, list[ChildOffer]]:
    """The periods not over yet, as ``child_id`` sees them (another family's child: NOT_FOUND)."""
    child, household_id = await child_of(ctx, child_id, "childId")
    catalogue = await load_catalogue(ctx)
    enrolments = {
        e.period_id: e
        for e in (await ctx.session.exec(select(Enrolment).where(Enrolment.child_id == child.id))).all()
    }
    day = today(ctx)
    offers = []
    for period in catalogue.periods:
        if period.end < day:
            continue
        offers.append(
            ChildOffer(
                period,
                period_path(catalogue, period),
                enrolments.get(period.id),
                await missing_for(ctx, catalogue, child, household_id, period),
            )
        )
    return child, household_id, offers


# ---------------------------------------------------------------------------------------------
# Enrolment


_MISSING_CODES = {
    "AGE": ErrorCode.NOT_ELIGIBLE,
    "CLASS_LEVEL": ErrorCode.NOT_ELIGIBLE,
    "RECORD_SECTION": ErrorCode.SECTION_INCOMPLETE,
    "DOCUMENT": ErrorCode.DOCUMENT_MISSING,
    "TOWN_QUESTION": ErrorCode.QUESTION_UNANSWERED,
    "VACCINE": ErrorCode.VACCINE_MISSING,
    "CONSENT": ErrorCode.CONSENT_MISSING,
}


async def enroll_child(
    ctx: RequestContext,
    child_id: uuid.UUID | None,
    period_id: uuid.UUID | None,
    group_id: uuid.UUID | None = None,
    group_given: bool = False,
) -> Enrolment:
    """Enrol the child in the period (and group, where its activity has groups): accepted at once or
    pending staff, or on the waiting line of a full period or group where the activity keeps one."""
    child, household_id = await child_of(ctx, child_id, "childId")
    await refuse_if_awaiting_validation(ctx, household_id)
    period = await ctx.session.get(Period, period_id) if period_id else None
    if period is None:
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    if period.end < today(ctx):
        raise UserErrors.one("periodId", ErrorCode.PERIOD_OVER, "Cette période est terminée.")
    catalogue = await load_catalogue(ctx)
    activity: Activity = catalogue.by_id[period.activity_id]
    group = _chosen_group(catalogue, period, group_id, group_given)
    window = enrolment_window(catalogue, period)
    state = window_state(window, ctx.now())
    if state is not WindowState.OPEN:
        code = (
            ErrorCode.ENROLMENT_NOT_OPEN if state is WindowState.NOT_YET_OPEN else ErrorCode.ENROLMENT_CLOSED
        )
        raise UserErrors.one("periodId", code, refusal(window, ctx.now()) or "")
    existing = (
        await ctx.session.exec(
            select(Enrolment)
            .where(Enrolment.child_id == child.id, Enrolment.period_id == period.id)
            .with_for_update()
        )
    ).first()
    path = period_path(catalogue, period)
    if existing is not None and existing.state in ACTIVE_ENROLMENT:
        raise UserErrors.one(
            "periodId",
            ErrorCode.ALREADY_ENROLLED,
            f"{child.first_name} est déjà {inscrit(child.sex)} ou en attente pour « {path} ».",
        )
    missing = await missing_for(ctx, catalogue, child, household_id, period)
    if missing:
        raise UserErrors([_error(m) for m in missing])
    assert ctx.viewer is not None
    place = await place_for(ctx, activity, period.id, group)
    if place is Placement.FULL:
        if group is not None:
            raise UserErrors.one(
                "groupId", ErrorCode.GROUP_FULL, f"Le groupe « {group.name} » est complet pour « {path} »."
            )
        raise UserErrors.one("periodId", ErrorCode.ACTIVITY_FULL, f"« {path} » est complet.")
    row = existing or Enrolment(
        child_id=child.id, period_id=period.id, household_id=household_id, requested_by=ctx.viewer.account.id
    )
    row.requested_by, row.household_id, row.reason = ctx.viewer.account.id, household_id, ""
    row.group_id = group.id if group is not None else None
    row.created_at = ctx.now()
    if place is Placement.WAIT:
        row.state, row.decided_at, row.decided_by = WAITING, None, None
        ctx.session.add(row)
        await ctx.session.flush()
        send_mail(
            ctx,
            "enrolment_waiting",
            ctx.viewer.account.email,
            child_name=child.first_name,
            child_sex=child.sex,
            path=path,
            group=group.name if group is not None else "",
            rank=await rank_of(ctx, row),
            link=client_link(ctx, ENROLMENTS_PATH),
        )
        return row
    if activity.enrolment == "automatic":
        row.state, row.decided_at, row.decided_by = "accepted", ctx.now(), None
        send_mail(
            ctx,
            "enrolment_decided",
            ctx.viewer.account.email,
            accepted=True,
            automatic=True,
            child_name=child.first_name,
            child_sex=child.sex,
            path=path,
            reason="",
            link=client_link(ctx, PLANNING_PATH),
        )
    else:
        row.state, row.decided_at, row.decided_by = "pending", None, None
    ctx.session.add(row)
    await ctx.session.flush()
    return row


def _chosen_group(
    catalogue: Catalogue, period: Period, group_id: uuid.UUID | None, group_given: bool
) -> EnrolmentGroup | None:
    """The group asked for: required where the period offers groups; one of another activity, or
    unknown, is NOT_FOUND; one of the activity not offered for this period is GROUP_NOT_IN_PERIOD; none
    is taken where the period offers none."""
    groups = catalogue.groups_for(period)
    if group_given:
        found = next((g for g in catalogue.groups_of(period.activity_id) if g.id == group_id), None)
        if found is None:
            raise UserErrors.one("groupId", ErrorCode.NOT_FOUND, "Ce groupe n'existe pas pour cet accueil.")
        if found not in groups:
            names = ", ".join(f"« {g.name} »" for g in groups)
            raise UserErrors.one(
                "groupId",
                ErrorCode.GROUP_NOT_IN_PERIOD,
                f"Le groupe « {found.name} » n'est pas proposé pour cette période"
                + (f" : choisissez {names}." if names else " : elle n'a pas de groupe."),
            )
        return found
    if groups:
        names = ", ".join(f"« {g.name} »" for g in groups)
        raise UserErrors.one("groupId", ErrorCode.REQUIRED, f"Choisissez un groupe : {names}.")
    return None


def _error(missing: Missing) -> FieldError:
    return FieldError("childId", _MISSING_CODES[missing.kind], missing.label)


async def decide_enrolment(
    ctx: RequestContext, enrolment_id: uuid.UUID | None, accept: bool, reason: str
) -> Enrolment:
    """Staff accept or refuse a pending enrolment, or a waiting one (accepting it gives it a place, if
    one is free: staff promote by hand where the activity says so). A refused enrolment that held a
    place frees it for the first in line."""
    row = await get_for_update(ctx, Enrolment, enrolment_id, "id", "Cette inscription n'existe pas.")
    if row.state not in ("pending", WAITING):
        raise UserErrors.one("id", ErrorCode.ALREADY_DECIDED, "Cette inscription a déjà été traitée.")
    v = Validator()
    reason = v.reason(reason, refused=not accept)
    v.raise_if_any()
    assert ctx.viewer is not None
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id[row.period_id]
    activity: Activity = catalogue.by_id[period.activity_id]
    group: EnrolmentGroup | None = catalogue.by_id.get(row.group_id) if row.group_id else None
    held = row.state != WAITING
    if accept and not held and not await has_free_place(ctx, activity, period.id, group):
        where = f"Le groupe « {group.name} »" if group is not None else "Cette période"
        code = ErrorCode.GROUP_FULL if group is not None else ErrorCode.ACTIVITY_FULL
        raise UserErrors.one("id", code, f"{where} est complet : aucune place ne s'est libérée.")
    row.state = "accepted" if accept else "refused"
    row.reason, row.decided_by, row.decided_at = reason, ctx.viewer.account.id, ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    child = await ctx.session.get(Child, row.child_id)
    author = await ctx.session.get(Account, row.requested_by)
    if author is not None and child is not None:
        send_mail(
            ctx,
            "enrolment_decided",
            author.email,
            accepted=accept,
            automatic=False,
            child_name=child.first_name,
            child_sex=child.sex,
            path=period_path(catalogue, period),
            reason=reason,
            link=client_link(ctx, PLANNING_PATH if accept else ENROLMENTS_PATH),
        )
    if held and not accept:
        await promote(ctx, period.id, row.group_id)
    return row


async def enrolments(
    ctx: RequestContext, state: str | None, limit: int, after: tuple[datetime, uuid.UUID] | None = None
) -> list[Enrolment]:
    """Enrolments in ``state``, oldest first (for WAITING: each line in its order); ``after`` is the
    (created_at, id) of the last one read."""
    query = select(Enrolment).order_by(col(Enrolment.created_at), col(Enrolment.id)).limit(limit)
    if state is not None:
        query = query.where(Enrolment.state == state)
    if after is not None:
        at, last_id = after
        query = query.where(
            (col(Enrolment.created_at) > at)
            | ((col(Enrolment.created_at) == at) & (col(Enrolment.id) > last_id))
        )
    return list((await ctx.session.exec(query)).all())

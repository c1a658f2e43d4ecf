"""Catalogue changes that bookings stand on: a period's dates and weekdays, its closures and extra
days, an activity's relation to school holidays, a unit's capacity, an event's dates and a unit's maximum
quantity, the town's holiday subdivision.

Each is refused (``BOOKINGS_IN_THE_WAY`` on the field at fault, saying how many bookings and when)
when it would leave standing bookings on days it closes, or more places held than a unit's new
capacity (``portail.rules.bookings_in_the_way`` decides which bookings count). For a calendar, staff
may give a reason instead (a strike, a closure): the bookings are cancelled through the state machine
like any staff cancellation (history, slot counters, requests' states), and each family is mailed the
days and the reason. A capacity raised gives the new places to the waiting line at once.

These use cases live apart from ``catalogue`` because they write bookings, and the booking modules
read the catalogue.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

from sqlmodel import col, select

from portail.db.catalogue_version import bump_version
from portail.db.locks import lock_slots
from portail.db.models.bookings import Booking, SlotCounter
from portail.db.models.catalogue import Activity, Period, PeriodDay, Unit
from portail.db.models.records import TownSetting
from portail.resolvers import catalogue
from portail.resolvers import catalogue_reading as reading
from portail.resolvers.audit import audit_settings
from portail.resolvers.booking_changes import BookingChanges, policy_of
from portail.resolvers.catalogue import ActivityData, PeriodData, SpanData, UnitData
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.mail import PLANNING_PATH, client_link
from portail.resolvers.validation import Validator
from portail.rules import quantities
from portail.rules.booking_states import Actor, BookingState, Refusal, transition
from portail.rules.booking_states import BookingEvent as Event
from portail.rules.bookings_in_the_way import (
    STANDING,
    capacity_message,
    closed_by_change,
    closed_message,
    field_closing,
    group_by_field,
    over_capacity,
    quantity_message,
)
from portail.rules.calendar import OpenDuring, PeriodCalendar, iter_days, known_subdivision, public_holiday

# The town's own settings in the audit trail (no row of their own: one entity, id 0).
TOWN_ENTITY_ID = uuid.UUID(int=0)
REASON_FIELD = "cancelBookings"
REASON_MAX = 500
NO_PERIOD = "Cette période n'existe pas."


T = TypeVar("T")


@dataclass
class Changed(Generic[T]):
    """A catalogue row as it now is, and how many bookings the change cancelled."""

    row: T
    cancelled: int = 0


# ---------------------------------------------------------------------------------------------
# The use cases


async def update_period(
    ctx: RequestContext, period_id: uuid.UUID | None, data: PeriodData, cancel_reason: str | None
) -> Changed[Period]:
    """Change a period's name, dates and weekdays; bookings on days it closes stand in the way, or
    are cancelled with ``cancel_reason``."""
    period = await catalogue.get_for_update(ctx, Period, period_id, "id", NO_PERIOD)
    activity = await ctx.session.get(Activity, period.activity_id)
    assert activity is not None
    v = Validator()
    v.text("name", data.name, max_length=150, required=True)
    catalogue.check_period(v, activity, data)
    reason = _reason(v, cancel_reason)
    v.raise_if_any()
    old = await _calendar(ctx, period, activity)
    new = replace(old, start=data.start, end=data.end, weekdays=frozenset(data.weekdays))
    closing = await _closing(ctx, [(period.id, old, new)])
    _refuse_unless(reason, closing)
    row = await catalogue.update_period(ctx, period.id, data)
    return Changed(row, await cancel_bookings(ctx, [b for _, b in closing], reason or ""))


async def set_period_days(
    ctx: RequestContext,
    period_id: uuid.UUID | None,
    closures: Sequence[SpanData],
    extra_days: Sequence[SpanData],
    cancel_reason: str | None,
) -> Changed[Period]:
    """Replace a period's closures and extra days; bookings on days this closes stand in the way, or
    are cancelled with ``cancel_reason``."""
    period = await catalogue.get_for_update(ctx, Period, period_id, "periodId", NO_PERIOD)
    activity = await ctx.session.get(Activity, period.activity_id)
    assert activity is not None
    v = Validator()
    rows = catalogue.check_period_days(v, period, closures, extra_days)
    reason = _reason(v, cancel_reason)
    v.raise_if_any()
    old = await _calendar(ctx, period, activity)
    new = reading.period_calendar(period, activity, rows, old.holiday_subdivision)
    closing = await _closing(ctx, [(period.id, old, new)])
    _refuse_unless(reason, closing)
    row = await catalogue.write_period_days(ctx, period, rows)
    return Changed(row, await cancel_bookings(ctx, [b for _, b in closing], reason or ""))


async def update_activity(
    ctx: RequestContext, activity_id: uuid.UUID | None, data: ActivityData, cancel_reason: str | None
) -> Changed[Activity]:
    """Change an activity's settings; when its relation to school holidays changes, bookings on days
    that closes stand in the way, or are cancelled with ``cancel_reason``."""
    activity = await catalogue.get_for_update(ctx, Activity, activity_id, "id", "Cet accueil n'existe pas.")
    v = Validator()
    reason = _reason(v, cancel_reason)
    v.raise_if_any()
    closing: list[tuple[str, Booking]] = []
    if data.open_during != activity.open_during:
        # Lock the periods: no booking is taken on them while their calendars are compared.
        periods = (
            await ctx.session.exec(
                select(Period)
                .where(Period.activity_id == activity.id)
                .order_by(col(Period.id))
                .with_for_update()
            )
        ).all()
        catalogue.check_open_during(v, periods, data.open_during)
        v.raise_if_any()
        calendars = []
        for period in periods:
            old = await _calendar(ctx, period, activity)
            calendars.append((period.id, old, replace(old, open_during=OpenDuring(data.open_during))))
        closing = await _closing(ctx, calendars)
        _refuse_unless(reason, closing)
    row = await catalogue.update_activity(ctx, activity.id, data)
    return Changed(row, await cancel_bookings(ctx, [b for _, b in closing], reason or ""))


async def set_holiday_subdivision(
    ctx: RequestContext, subdivision: str | None, cancel_reason: str | None
) -> Changed[str | None]:
    """Staff choose the subdivision whose public holidays the town keeps beyond France's ("57" for
    Moselle: Good Friday and 26 December; None: none), audited; from then on it, not
    ``PORTAIL_HOLIDAY_SUBDIVISION``, decides. Bookings on a day it makes a public holiday (the services
    close on public holidays) stand in the way, or are cancelled with ``cancel_reason``."""
    v = Validator()
    value = (subdivision or "").strip() or None
    if value is not None and not known_subdivision(value):
        v.add(
            "subdivision",
            ErrorCode.INVALID,
            "Un département ou territoire dont les jours fériés sont connus : 57 (Moselle), 67 ou 68 "
            "(Alsace), 971 (Guadeloupe), 972, 973, 974, 976…, ou rien pour le reste de la France.",
        )
    reason = _reason(v, cancel_reason)
    v.raise_if_any()
    row = await ctx.session.get(TownSetting, reading.HOLIDAY_SUBDIVISION_KEY, with_for_update=True)
    before = await reading.town_subdivision(ctx)
    closing = await _closed_by_holidays(ctx, before, value)
    _refuse_unless(reason, closing)
    if row is None:
        row = TownSetting(key=reading.HOLIDAY_SUBDIVISION_KEY, value="")
    row.value = value or ""  # "": none, whatever the deployment's default says
    ctx.session.add(row)
    await ctx.session.flush()
    # The catalogue carries the setting (its calendars and deadlines follow it): every process reads it
    # again, this request from its own transaction.
    await bump_version(ctx.session)
    reading.forget_catalogue(ctx)
    audit_settings(
        ctx, "town", TOWN_ENTITY_ID, {"holidaySubdivision": before or ""}, {"holidaySubdivision": value or ""}
    )
    return Changed(value, await cancel_bookings(ctx, [b for _, b in closing], reason or ""))


async def _closed_by_holidays(
    ctx: RequestContext, before: str | None, after: str | None
) -> list[tuple[str, Booking]]:
    """The standing bookings on a day the subdivision ``after`` makes a public holiday and ``before``
    did not, where the period opened that day; the periods locked, as a submission locks its period."""
    cat = await reading.load_catalogue(ctx)
    if before == after or not cat.periods:
        return []
    first, last = min(p.start for p in cat.periods), max(p.end for p in cat.periods)
    # A handful of days (Good Friday and 26 December a year): the bookings read are those days' only.
    days = [d for d in iter_days(first, last) if public_holiday(d, after) and not public_holiday(d, before)]
    if not days:
        return []
    periods = (
        await ctx.session.exec(
            select(Period)
            .where(col(Period.start) <= max(days), col(Period.end) >= min(days))
            .order_by(col(Period.id))
            .with_for_update()
        )
    ).all()
    if not periods:
        return []
    rows = (
        await ctx.session.exec(
            select(Booking).where(
                col(Booking.period_id).in_([p.id for p in periods]),
                col(Booking.day).in_(days),
                col(Booking.state).in_(STANDING),
            )
        )
    ).all()
    closing: list[tuple[str, Booking]] = []
    for period in periods:
        bookings = [b for b in rows if b.period_id == period.id]
        if not bookings:
            continue
        old = reading.calendar_of(cat, period, ctx.settings)  # with ``before``, the subdivision in effect
        closed = closed_by_change(old, replace(old, holiday_subdivision=after), (b.day for b in bookings))
        closing += [("subdivision", b) for b in bookings if b.day in closed]
    return closing


async def update_unit(ctx: RequestContext, unit_id: uuid.UUID | None, data: UnitData) -> Unit:
    """Change a unit's settings. A capacity below the places held on a day from today on is refused
    (held bookings are never dropped); a capacity raised gives the new places to the waiting line."""
    found = await ctx.session.get(Unit, unit_id) if unit_id else None
    if found is not None:
        # The period first, as a submission does: its lock keeps bookings of the unit from being taken
        # while places are compared. Locking the unit first would deadlock with a submission holding
        # the period and inserting rows that point at the unit.
        await catalogue.get_for_update(ctx, Period, found.period_id, "id", NO_PERIOD)
    unit = await catalogue.get_for_update(ctx, Unit, unit_id, "id", "Cette unité n'existe pas.")
    before = unit.capacity
    first_day = today(ctx)
    await _refuse_stranded(ctx, unit, data, first_day)
    lowered = data.capacity is not None and (before is None or data.capacity < before)
    if lowered and data.capacity is not None and 1 <= data.capacity <= catalogue.MAX_CAPACITY:
        held = dict(
            (
                await ctx.session.exec(
                    select(col(SlotCounter.day), col(SlotCounter.held)).where(
                        SlotCounter.unit_id == unit.id,
                        SlotCounter.day >= first_day,
                        SlotCounter.held > data.capacity,
                    )
                )
            ).all()
        )
        over = over_capacity(held, data.capacity, first_day)
        if over is not None:
            raise UserErrors.one("capacity", ErrorCode.BOOKINGS_IN_THE_WAY, capacity_message(over))
    row: Unit = await catalogue.update_unit(ctx, unit.id, data)
    if before is not None and (row.capacity is None or row.capacity > before):
        await _promote_waiting(ctx, row, first_day)
    return row


async def _refuse_stranded(ctx: RequestContext, unit: Unit, data: UnitData, first_day: date) -> None:
    """Refuse a unit's change that would strand standing bookings of it (``BOOKINGS_IN_THE_WAY``): an
    event's date taken away while children are booked on it (every date counts, as on a calendar: a
    past day attended is invoiced on it), or a maximum quantity below what bookings from today on asked
    (a past day's items were served). Statements are spent only when such a setting changes."""
    new_dates = set(data.event_dates)
    dates_cut = bool(new_dates) and not set(reading.event_dates_of(unit)) <= new_dates
    lowered = (
        data.counted_in == quantities.QUANTITY
        and data.max_quantity is not None
        and unit.max_quantity is not None
        and data.max_quantity < unit.max_quantity
    )
    if not (dates_cut or lowered):
        return
    standing = (
        await ctx.session.exec(
            select(Booking).where(Booking.unit_id == unit.id, col(Booking.state).in_(STANDING))
        )
    ).all()
    errors: list[FieldError] = []
    if dates_cut:
        cut = [("eventDates", b.day) for b in standing if b.day not in new_dates]
        errors += [
            FieldError(i.field, ErrorCode.BOOKINGS_IN_THE_WAY, closed_message(i)) for i in group_by_field(cut)
        ]
    if lowered:
        assert data.max_quantity is not None
        most = data.max_quantity
        over = [("maxQuantity", b.day) for b in standing if b.day >= first_day and (b.quantity or 0) > most]
        errors += [
            FieldError(i.field, ErrorCode.BOOKINGS_IN_THE_WAY, quantity_message(i, most))
            for i in group_by_field(over)
        ]
    if errors:
        raise UserErrors(errors)


# ---------------------------------------------------------------------------------------------
# Finding the bookings in the way


def _reason(v: Validator, given: str | None) -> str | None:
    if given is None:
        return None
    reason = v.text(REASON_FIELD, given, max_length=REASON_MAX)
    if not reason and not v.has_error(REASON_FIELD):
        v.add(
            REASON_FIELD,
            ErrorCode.REASON_REQUIRED,
            "Indiquez le motif de l'annulation : les familles le liront.",
        )
    return reason


async def _calendar(ctx: RequestContext, period: Period, activity: Activity) -> PeriodCalendar:
    days = (await ctx.session.exec(select(PeriodDay).where(PeriodDay.period_id == period.id))).all()
    return reading.period_calendar(period, activity, days, await reading.town_subdivision(ctx))


async def _closing(
    ctx: RequestContext, calendars: list[tuple[uuid.UUID, PeriodCalendar, PeriodCalendar]]
) -> list[tuple[str, Booking]]:
    """The standing bookings of each period on a day its old calendar opens and its new one closes,
    each with the input field that closes it."""
    if not calendars:
        return []
    rows = (
        await ctx.session.exec(
            select(Booking).where(
                col(Booking.period_id).in_([p for p, _, _ in calendars]), col(Booking.state).in_(STANDING)
            )
        )
    ).all()
    by_period: dict[uuid.UUID, list[Booking]] = {}
    for b in rows:
        by_period.setdefault(b.period_id, []).append(b)
    closing = []
    for period_id, old, new in calendars:
        bookings = by_period.get(period_id, [])
        closed = closed_by_change(old, new, (b.day for b in bookings))
        closing += [(field_closing(closed[b.day], old, new), b) for b in bookings if b.day in closed]
    return closing


def _refuse_unless(reason: str | None, closing: list[tuple[str, Booking]]) -> None:
    if closing and reason is None:
        raise UserErrors(
            [
                FieldError(item.field, ErrorCode.BOOKINGS_IN_THE_WAY, closed_message(item))
                for item in group_by_field((name, b.day) for name, b in closing)
            ]
        )


# ---------------------------------------------------------------------------------------------
# The way through: cancelling them


async def cancel_bookings(ctx: RequestContext, bookings: Sequence[Booking], reason: str) -> int:
    """Cancel ``bookings`` (those still standing) as staff, with ``reason``: each change recorded,
    counters, lines and requests kept in step, each family mailed its days. Returns how many."""
    if not bookings:
        return 0
    s = ctx.session
    await lock_slots(s, {(b.unit_id, b.day) for b in bookings})
    # Read again under the locks: a family may have cancelled meanwhile.
    query = select(Booking).where(col(Booking.id).in_({b.id for b in bookings}))
    fresh = [
        b
        for b in (await s.exec(query.execution_options(populate_existing=True))).all()
        if b.state in STANDING
    ]
    fresh.sort(key=lambda b: (b.day, str(b.unit_id), str(b.child_id)))
    changes = BookingChanges(ctx)
    await changes.load_lines([*(b.book_line_id for b in fresh), *(b.cancel_line_id for b in fresh)])
    cat = await reading.load_catalogue(ctx)
    for booking in fresh:
        activity = cat.by_id[cat.by_id[booking.period_id].activity_id]
        # Staff may always cancel, whatever the deadline: the town answers for it.
        outcome = transition(
            BookingState(booking.state), Event.CANCEL_BEFORE_DEADLINE, Actor.STAFF, policy_of(activity)
        )
        if isinstance(outcome, Refusal):  # pragma: no cover - a standing booking is always cancellable
            raise AssertionError(outcome)
        changes.apply(booking, outcome.state, Actor.STAFF, reason=reason)
        line = changes.lines.get(booking.book_line_id) if booking.book_line_id else None
        if line is not None:
            line.message = reason  # the family's history says why
    await changes.flush()
    await changes.promote(cat)  # every standing booking of those days is cancelled: nobody is left in line
    await changes.restate_requests()
    # One mail per account that booked, listing its cancelled days and the reason.
    await changes.mail_days_to_authors(
        cat, fresh, "bookings_cancelled", reason=reason, link=client_link(ctx, PLANNING_PATH)
    )
    return len(fresh)


async def _promote_waiting(ctx: RequestContext, unit: Unit, today: date) -> None:
    """Give places a raised capacity opens, from today on, to the first in each waiting line."""
    slots = (
        await ctx.session.exec(
            select(col(SlotCounter.unit_id), col(SlotCounter.day)).where(
                SlotCounter.unit_id == unit.id, SlotCounter.day >= today, SlotCounter.waiting > 0
            )
        )
    ).all()
    if not slots:
        return
    await lock_slots(ctx.session, slots)
    changes = BookingChanges(ctx)
    changes.freed = {(u, d) for u, d in slots}
    await changes.promote(await reading.load_catalogue(ctx))
    await changes.restate_requests()

"""Reading the catalogue (regie > facility > activity > period > units, and the periods' days) as every
domain needs it: loaded once per request, grouped, with each unit's tariff and deadlines and each
period's opening calendar, and the town's holiday subdivision those calendars and deadlines follow."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlmodel import col, select

from portail.db.catalogue_version import read_version
from portail.db.engine import AsyncSession, Database
from portail.db.models.catalogue import (
    Activity,
    EnrolmentGroup,
    Facility,
    Period,
    PeriodDay,
    Regie,
    Unit,
)
from portail.db.models.records import TownSetting
from portail.resolvers.context import RequestContext
from portail.resolvers.memo import memo
from portail.rules.calendar import DateSpan, OpenDuring, PeriodCalendar
from portail.rules.deadlines import (
    DayCount,
    DayOfPreviousMonth,
    DaysBefore,
    DeadlineRule,
    WeekdayOfWeekBefore,
    describe,
)
from portail.rules.events import parse_dates
from portail.rules.linked_units import parse_requires
from portail.rules.pricing import Bracket, TariffGrid, residence_grid
from portail.settings import Settings

# The ``town_setting`` row of the town's holiday subdivision as staff set it (``setHolidaySubdivision``):
# "" when they chose none; no row while they never set it (``PORTAIL_HOLIDAY_SUBDIVISION`` then).
HOLIDAY_SUBDIVISION_KEY = "holiday_subdivision"


@dataclass
class Catalogue:
    """Every row of the catalogue, loaded in a fixed number of statements, and grouped."""

    regies: list[Regie]
    facilities: list[Facility]
    activities: list[Activity]
    periods: list[Period]
    units: list[Unit]
    days: list[PeriodDay]
    groups: list[EnrolmentGroup] = field(default_factory=list)
    # Staff's holiday subdivision as stored (see HOLIDAY_SUBDIVISION_KEY): carried with the catalogue
    # because every calendar and deadline built from it follows it, and kept with it between requests
    # (its mutation moves the catalogue's version).
    subdivision_setting: str | None = None
    by_id: dict[uuid.UUID, Any] = field(default_factory=dict)
    calendars: dict[tuple[uuid.UUID, str | None], PeriodCalendar] = field(default_factory=dict)

    def activities_of(self, facility_id: uuid.UUID) -> list[Activity]:
        return [a for a in self.activities if a.facility_id == facility_id]

    def periods_of(self, activity_id: uuid.UUID) -> list[Period]:
        return [p for p in self.periods if p.activity_id == activity_id]

    def units_of(self, period_id: uuid.UUID) -> list[Unit]:
        return [u for u in self.units if u.period_id == period_id]

    def groups_of(self, activity_id: uuid.UUID) -> list[EnrolmentGroup]:
        """The activity's enrolment groups, in order."""
        return [g for g in self.groups if g.activity_id == activity_id]

    def groups_for(self, period: Period) -> list[EnrolmentGroup]:
        """The groups of the period's activity offered for this period (those limited to none, and
        those limited to it), in order: what a family picks from, and the period's waiting lines."""
        return [g for g in self.groups_of(period.activity_id) if offered_for(g, period.id)]

    def days_of(self, period_id: uuid.UUID, kind: str) -> list[PeriodDay]:
        return [d for d in self.days if d.period_id == period_id and d.kind == kind]


async def _read_catalogue(session: AsyncSession) -> Catalogue:
    """Every catalogue row and the town's holiday subdivision, in eight statements."""
    subdivision = await session.get(TownSetting, HOLIDAY_SUBDIVISION_KEY)
    catalogue = Catalogue(
        subdivision_setting=subdivision.value if subdivision is not None else None,
        regies=list((await session.exec(select(Regie).order_by(col(Regie.name)))).all()),
        facilities=list((await session.exec(select(Facility).order_by(col(Facility.name)))).all()),
        activities=list((await session.exec(select(Activity).order_by(col(Activity.name)))).all()),
        periods=list(
            (await session.exec(select(Period).order_by(col(Period.start), col(Period.name)))).all()
        ),
        units=list((await session.exec(select(Unit).order_by(col(Unit.position), col(Unit.name)))).all()),
        days=list((await session.exec(select(PeriodDay).order_by(col(PeriodDay.start)))).all()),
        groups=list(
            (
                await session.exec(
                    select(EnrolmentGroup).order_by(col(EnrolmentGroup.position), col(EnrolmentGroup.name))
                )
            ).all()
        ),
    )
    for rows in (
        catalogue.regies,
        catalogue.facilities,
        catalogue.activities,
        catalogue.periods,
        catalogue.units,
        catalogue.groups,
    ):
        catalogue.by_id.update({r.id: r for r in rows})
    return catalogue


# The catalogue each process keeps between requests, per database, with the version it was read at.
# Its rows are detached from any session and shared by concurrent requests: nobody changes them
# (staff's mutations read and lock rows of their own, then ``forget_catalogue``).
_kept: WeakKeyDictionary[Database, tuple[int, Catalogue]] = WeakKeyDictionary()


async def load_catalogue(ctx: RequestContext) -> Catalogue:
    """The catalogue, once per request: the process's copy when the database's version (one
    statement) says it still holds, else read again (eight statements)."""

    async def load() -> Catalogue:
        if ctx.catalogue_changed:
            # This transaction changed the catalogue: only its own session sees the change.
            return await _read_catalogue(ctx.session)
        version = await read_version(ctx.session)
        kept = _kept.get(ctx.db)
        if version is not None and kept is not None and kept[0] == version:
            return kept[1]
        # Read in the request's own session (a second connection per request could exhaust the pool
        # under load, every request holding one and waiting for another). Kept only when read by a
        # request that writes nothing: a write transaction may see its own uncommitted change
        # (and its version), which a rollback would make a lie.
        catalogue = await _read_catalogue(ctx.session)
        if version is not None and not ctx.in_transaction:
            # Out of the session: the rows are shared by every request from now on, and this
            # request's session must not expire or change them.
            for row in (*catalogue.by_id.values(), *catalogue.days):
                ctx.session.expunge(row)
            _kept[ctx.db] = (version, catalogue)
        return catalogue

    return await memo(ctx, ("catalogue",), load)


def forget_catalogue(ctx: RequestContext) -> None:
    """Drop the request's loaded catalogue (after staff changed it): the rest of the request reads
    it from its own transaction."""
    ctx.cache.pop(("catalogue",), None)
    ctx.catalogue_changed = True


def period_path(catalogue: Catalogue, period: Period) -> str:
    """ "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"."""
    activity = catalogue.by_id[period.activity_id]
    facility = catalogue.by_id[activity.facility_id]
    return path_of(facility.name, activity.name, period.name)


def path_of(facility_name: str, activity_name: str, period_name: str) -> str:
    """A period's path from its names (a query that joined them need not load the catalogue)."""
    return f"{facility_name} > {activity_name} > {period_name}"


def tariff_of(unit: Unit) -> TariffGrid:
    return TariffGrid(tuple(Bracket(m, p) for m, p in json.loads(unit.tariff)))


def non_resident_tariff_of(unit: Unit) -> TariffGrid | None:
    """The unit's out-of-town grid; None: households outside the town pay ``tariff_of``."""
    if unit.non_resident_tariff is None:
        return None
    return TariffGrid(tuple(Bracket(m, p) for m, p in json.loads(unit.non_resident_tariff)))


def tariff_for(unit: Unit, resident: bool) -> TariffGrid:
    """The grid a household pays the unit by, resident or not."""
    return residence_grid(tariff_of(unit), non_resident_tariff_of(unit), resident)


def required_units(unit: Unit) -> list[uuid.UUID]:
    """The units ``unit`` requires the same day (``portail.rules.linked_units``), in order."""
    return [uuid.UUID(i) for i in parse_requires(unit.requires)]


def event_dates_of(unit: Unit) -> list[date]:
    """The dates an event runs (``portail.rules.events``); empty for a regular unit."""
    return parse_dates(unit.event_dates)


def booking_rule(unit: Unit) -> DeadlineRule:
    return _deadline_rule(_stored(unit, "booking"))


def cancel_rule(unit: Unit) -> DeadlineRule:
    return _deadline_rule(_stored(unit, "cancel"))


@dataclass(frozen=True)
class StoredRule:
    """A deadline rule's columns as a unit stores them (``booking_*`` or ``cancel_*``)."""

    kind: str  # days_before, weekday_of_week_before, day_of_previous_month
    days: int
    weekday: int | None
    at: time
    counted_in: str
    weeks: int
    month_day: int | None
    skipped_weekdays: str  # "2,6": 0 is Monday
    skips_holidays: bool


def _stored(unit: Unit, prefix: str) -> StoredRule:
    return StoredRule(
        getattr(unit, f"{prefix}_rule"), **{name: getattr(unit, f"{prefix}_{name}") for name in _RULE_COLUMNS}
    )


_RULE_COLUMNS = (
    "days",
    "weekday",
    "at",
    "counted_in",
    "weeks",
    "month_day",
    "skipped_weekdays",
    "skips_holidays",
)


@dataclass(frozen=True)
class Deadline:
    """A unit's deadline rule as stored (``kind``: "days_before", "weekday_of_week_before" or
    "day_of_previous_month", ``counted_in``: "calendar" or "working", weekdays: 0 is Monday), and
    worded in French."""

    kind: str
    days: int
    weekday: int | None
    at: time
    counted_in: str
    weeks: int
    day_of_month: int | None
    skipped_weekdays: list[int]
    skips_holidays: bool
    description: str


def booking_deadline(unit: Unit) -> Deadline:
    """When booking a day of ``unit`` closes, with its wording ("2 jours avant, 10h00")."""
    return _deadline_view(_stored(unit, "booking"))


def cancellation_deadline(unit: Unit) -> Deadline:
    """When cancelling a day of ``unit`` closes, with its wording."""
    return _deadline_view(_stored(unit, "cancel"))


def _deadline_view(stored: StoredRule) -> Deadline:
    rule = _deadline_rule(stored)
    return Deadline(
        stored.kind,
        stored.days,
        stored.weekday,
        stored.at,
        stored.counted_in,
        stored.weeks,
        stored.month_day,
        sorted(rule.skipped_weekdays) if isinstance(rule, DaysBefore) else [],
        rule.skips_holidays if isinstance(rule, DaysBefore) else False,
        describe(rule),
    )


# The day window asks once per unit and day: a few rules serve the whole town.
@lru_cache(maxsize=1024)
def _deadline_rule(stored: StoredRule) -> DeadlineRule:
    if stored.kind == "weekday_of_week_before":
        return WeekdayOfWeekBefore(stored.weekday or 0, stored.at, stored.weeks)
    if stored.kind == "day_of_previous_month":
        return DayOfPreviousMonth(stored.month_day or 1, stored.at)
    return DaysBefore(
        stored.days,
        stored.at,
        DayCount(stored.counted_in),
        frozenset(int(d) for d in split_codes(stored.skipped_weekdays)),
        stored.skips_holidays,
    )


def group_periods(group: EnrolmentGroup) -> list[uuid.UUID]:
    """The periods a group is limited to; none: it is offered for every period of its activity."""
    return [uuid.UUID(v) for v in split_codes(group.period_ids)]


def offered_for(group: EnrolmentGroup, period_id: uuid.UUID) -> bool:
    """Whether a family may pick the group for the period."""
    return not group.period_ids or str(period_id) in split_codes(group.period_ids)


def split_codes(value: str) -> list[str]:
    """The codes of a comma-separated column ("CP,CE1"), none for an empty one."""
    return [v for v in value.split(",") if v]


def weekdays_of(period: Period) -> list[int]:
    return [int(d) for d in split_codes(period.weekdays)]


def subdivision_in_effect(stored: str | None, settings: Settings) -> str | None:
    """The town's holiday subdivision in effect from staff's ``stored`` setting (see
    HOLIDAY_SUBDIVISION_KEY): theirs once they set it (None when they chose none), else the
    deployment's default (``PORTAIL_HOLIDAY_SUBDIVISION``)."""
    if stored is None:
        return settings.holiday_subdivision
    return stored or None


def holiday_subdivision(catalogue: Catalogue, settings: Settings) -> str | None:
    """The town's holiday subdivision in effect, as ``catalogue`` was read with it."""
    return subdivision_in_effect(catalogue.subdivision_setting, settings)


async def town_subdivision(ctx: RequestContext) -> str | None:
    """The town's holiday subdivision in effect (with the request's catalogue: no statement of its own)."""
    return holiday_subdivision(await load_catalogue(ctx), ctx.settings)


def period_calendar(
    period: Period, activity: Activity, days: Sequence[PeriodDay], subdivision: str | None
) -> PeriodCalendar:
    """The opening calendar of ``period`` from its rows: its weekdays, the activity's relation to
    school holidays, staff's closures and extra days among ``days``, and the public holidays of the
    town's ``subdivision`` (``holiday_subdivision``: Alsace-Moselle's two more)."""
    return PeriodCalendar(
        holiday_subdivision=subdivision,
        start=period.start,
        end=period.end,
        weekdays=frozenset(weekdays_of(period)),
        open_during=OpenDuring(activity.open_during),
        closures=tuple(DateSpan(d.start, d.end, d.label) for d in days if d.kind == "closure"),
        extra_days=tuple(DateSpan(d.start, d.end, d.label) for d in days if d.kind == "extra"),
    )


def calendar_of(catalogue: Catalogue, period: Period, settings: Settings) -> PeriodCalendar:
    """The opening calendar of ``period``, with the town's holiday subdivision in effect (built once
    per catalogue load and subdivision)."""
    subdivision = holiday_subdivision(catalogue, settings)
    calendar = catalogue.calendars.get((period.id, subdivision))
    if calendar is None:
        days = [d for d in catalogue.days if d.period_id == period.id]
        calendar = period_calendar(period, catalogue.by_id[period.activity_id], days, subdivision)
        catalogue.calendars[(period.id, subdivision)] = calendar
    return calendar

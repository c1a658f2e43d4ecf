"""The opening calendar of a period: which days an activity runs, and why the others are closed.

A day is open when it lies in the period, falls on one of the period's weekdays, is not a French public
holiday, matches the activity's relation to school holidays (school-time activities close during them,
holiday-time activities open only during them) and is not closed by staff. Staff may also open extra
days, which win over everything but the period's own dates.

Public holidays come from the ``holidays`` package (``holidays.France``, optionally with the
Alsace-Moselle subdivision); school holidays come from ``vacances-scolaires-france``, which embeds the
official calendar of zones A, B and C (Séné, académie de Rennes, is in zone B). Both are read once and
kept as per-year lookups, so that a day costs a few dictionary hits: a school year of bookings for every
child of the town asks this module hundreds of thousands of times.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, cached_property

import holidays
from vacances_scolaires_france import SchoolHolidayDates

SCHOOL_ZONES = ("A", "B", "C")
# Séné (Morbihan) belongs to the académie de Rennes, zone B.
TOWN_SCHOOL_ZONE = "B"

# Monday first, as date.weekday() counts.
WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
SCHOOL_WEEK = frozenset({MONDAY, TUESDAY, THURSDAY, FRIDAY})
WORKING_WEEK = frozenset({MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY})


class OpenDuring(StrEnum):
    """When an activity runs with respect to the school holidays of the town's zone."""

    SCHOOL_TIME = "school_time"
    """Closed during school holidays (canteen, before/after-school care, Wednesdays)."""
    SCHOOL_HOLIDAYS = "school_holidays"
    """Open only during school holidays (holiday day-care, summer centre)."""
    ALWAYS = "always"
    """School holidays make no difference."""


class DayReason(StrEnum):
    """Why a day is open or closed; stable codes the API exposes as they are."""

    OPEN = "OPEN"
    EXTRA_DAY = "EXTRA_DAY"
    OUTSIDE_PERIOD = "OUTSIDE_PERIOD"
    NOT_A_WEEKDAY_OF_THE_ACTIVITY = "NOT_A_WEEKDAY_OF_THE_ACTIVITY"
    PUBLIC_HOLIDAY = "PUBLIC_HOLIDAY"
    SCHOOL_HOLIDAY = "SCHOOL_HOLIDAY"
    SCHOOL_TIME = "SCHOOL_TIME"
    CLOSURE = "CLOSURE"


OPEN_REASONS = frozenset({DayReason.OPEN, DayReason.EXTRA_DAY})


class SchoolCalendarUnknown(ValueError):
    """The embedded school calendar does not reach this day (the ministry has not published it yet,
    or the package is older than the period): better to fail than to open days that may be holidays."""


@dataclass(frozen=True, slots=True)
class DateSpan:
    """Days from ``start`` to ``end`` inclusive, with the French label staff gave them."""

    start: date
    end: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")

    def days(self) -> Iterator[date]:
        """Each day of the span, in order."""
        return iter_days(self.start, self.end)


@dataclass(frozen=True, slots=True)
class DayStatus:
    """One day of a period's calendar: open or not, the reason code and its French label."""

    day: date
    reason: DayReason
    label: str

    @property
    def open(self) -> bool:
        return self.reason in OPEN_REASONS


@dataclass(frozen=True)
class PeriodCalendar:
    """What decides the opening days of one period.

    ``weekdays`` counts Monday as 0 (``date.weekday()``). ``closures`` and ``extra_days`` are the
    staff's own additions; an extra day opens even a closure, a holiday or another weekday, but never a
    day outside ``start``..``end``.
    """

    start: date
    end: date
    weekdays: frozenset[int]
    open_during: OpenDuring = OpenDuring.SCHOOL_TIME
    school_zone: str = TOWN_SCHOOL_ZONE
    closed_on_public_holidays: bool = True
    # "57" (Moselle) or "6AE" (Alsace) add Good Friday and St Stephen's Day; None is the rest of France.
    holiday_subdivision: str | None = None
    closures: tuple[DateSpan, ...] = ()
    extra_days: tuple[DateSpan, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        if not self.weekdays or not set(self.weekdays) <= set(range(7)):
            raise ValueError(f"weekdays must be a non-empty set of 0 (Monday) to 6 (Sunday): {self.weekdays}")
        if self.school_zone not in SCHOOL_ZONES:
            raise ValueError(f"unknown school zone {self.school_zone!r}; expected one of {SCHOOL_ZONES}")
        check_subdivision(self.holiday_subdivision)
        # Accept lists and sets from callers, keep the value hashable.
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        object.__setattr__(self, "open_during", OpenDuring(self.open_during))
        object.__setattr__(self, "closures", tuple(self.closures))
        object.__setattr__(self, "extra_days", tuple(self.extra_days))

    @cached_property
    def _closed_days(self) -> dict[date, str]:
        # The first closure listed names a day two closures share.
        return self._spread(self.closures)

    @cached_property
    def _extra_days(self) -> dict[date, str]:
        return self._spread(self.extra_days)

    def _spread(self, spans: tuple[DateSpan, ...]) -> dict[date, str]:
        # Clipped to the period: a span typed as ending in 2099 costs no more than the period.
        days: dict[date, str] = {}
        for span in spans:
            for day in iter_days(max(span.start, self.start), min(span.end, self.end)):
                days.setdefault(day, span.label)
        return days


def iter_days(start: date, end: date) -> Iterator[date]:
    """Each day from ``start`` to ``end`` inclusive."""
    day, one = start, timedelta(days=1)
    while day <= end:
        yield day
        day += one


# Bas-Rhin and Haut-Rhin keep Alsace's holidays: ``holidays.France`` knows them only as "6AE", and a
# town there types its department's number, as Moselle's does ("57").
_DEPARTMENTS = {"67": "6AE", "68": "6AE"}


def check_subdivision(subdivision: str | None) -> None:
    """Raise ValueError unless ``subdivision`` is one ``holidays.France`` knows, or Bas-Rhin's or
    Haut-Rhin's number (or None)."""
    if subdivision is not None and subdivision not in _known_subdivisions():
        raise ValueError(f"unknown French subdivision {subdivision!r}")


def known_subdivision(subdivision: str) -> bool:
    """Whether ``subdivision`` is one whose public holidays are known (``check_subdivision``)."""
    return subdivision in _known_subdivisions()


@cache
def _known_subdivisions() -> frozenset[str]:
    return (
        frozenset(holidays.France.subdivisions)
        | frozenset(getattr(holidays.France, "subdivisions_aliases", {}))
        | frozenset(_DEPARTMENTS)
    )


# --- Public holidays ---------------------------------------------------------------------------------


@cache
def _public_holidays(year: int, subdivision: str | None) -> dict[date, str]:
    # A plain dict of one year: the holidays object computes lazily and is slower to query.
    subdiv = _DEPARTMENTS.get(subdivision, subdivision) if subdivision else subdivision
    calendar = holidays.France(years=year, subdiv=subdiv, language="fr")
    return {day: name for day, name in calendar.items() if day.year == year}


def public_holiday(day: date, subdivision: str | None = None) -> str | None:
    """The French name of the public holiday on ``day`` ("Lundi de Pâques"), or None."""
    return _public_holidays(day.year, subdivision).get(day)


def is_working_day(day: date, subdivision: str | None = None) -> bool:
    """Monday to Friday and not a public holiday ("jour ouvré")."""
    return day.weekday() < SATURDAY and public_holiday(day, subdivision) is None


# --- School holidays ---------------------------------------------------------------------------------


@cache
def _school_dates() -> SchoolHolidayDates:
    # Reads the package's embedded CSV once (a few hundred milliseconds): call preload() at start-up.
    return SchoolHolidayDates()


@cache
def _school_calendar_end() -> date:
    # The data file runs to 31 December of its last year, but only the holidays of published school
    # years are in it: past the last holiday it knows, a day's status is unknown, not "school time".
    dates = _school_dates()
    last: date = max(dates.holidays_for_year(dates.max_year))
    return last


@cache
def _school_calendar_start() -> date:
    return date(_school_dates().min_year, 1, 1)


@cache
def _school_holidays(year: int, zone: str) -> dict[date, str]:
    rows = _school_dates().holidays_for_year_and_zone(year, zone)
    return {day: row["nom_vacances"] for day, row in rows.items()}


def school_calendar_covers(start: date, end: date) -> bool:
    """Whether the embedded school calendar knows every day from ``start`` to ``end`` (check it when
    staff create a school-time or holiday-time period)."""
    return _school_calendar_start() <= start and end <= _school_calendar_end()


def school_holiday(day: date, zone: str = TOWN_SCHOOL_ZONE) -> str | None:
    """The name of the school holidays ``day`` falls in for ``zone`` ("Vacances de la Toussaint"), or
    None on a school day. Raises SchoolCalendarUnknown past the published calendar."""
    if zone not in SCHOOL_ZONES:
        raise ValueError(f"unknown school zone {zone!r}")
    if not _school_calendar_start() <= day <= _school_calendar_end():
        raise SchoolCalendarUnknown(
            f"no school calendar for {day.isoformat()} (known until {_school_calendar_end().isoformat()});"
            " upgrade vacances-scolaires-france"
        )
    return _school_holidays(day.year, zone).get(day)


def preload(years: Iterable[int], zone: str = TOWN_SCHOOL_ZONE, subdivision: str | None = None) -> None:
    """Read the embedded calendars for ``years`` now rather than on the first request."""
    _school_calendar_end()
    for year in years:
        _public_holidays(year, subdivision)
        if _school_dates().min_year <= year <= _school_dates().max_year:
            _school_holidays(year, zone)


# --- The calendar of a period ------------------------------------------------------------------------


def day_status(calendar: PeriodCalendar, day: date) -> DayStatus:
    """Whether ``day`` is open in ``calendar`` and why.

    When several reasons close a day, the most general one is given, in this order: outside the
    period, not a weekday of the activity, public holiday, school holidays (or school time for a
    holiday-time activity), closure by staff. A family reads "Jour férié : Noël" rather than
    "Vacances de Noël" on 25 December.
    """
    if day < calendar.start or day > calendar.end:
        return DayStatus(day, DayReason.OUTSIDE_PERIOD, "Hors période")
    extra = calendar._extra_days
    if day in extra:
        return DayStatus(day, DayReason.EXTRA_DAY, _labelled("Ouverture exceptionnelle", extra[day]))
    weekday = day.weekday()
    if weekday not in calendar.weekdays:
        return DayStatus(
            day, DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, f"Pas d'accueil le {WEEKDAY_NAMES[weekday]}"
        )
    if calendar.closed_on_public_holidays:
        name = public_holiday(day, calendar.holiday_subdivision)
        if name is not None:
            return DayStatus(day, DayReason.PUBLIC_HOLIDAY, f"Jour férié : {name}")
    if calendar.open_during is not OpenDuring.ALWAYS:
        holiday = school_holiday(day, calendar.school_zone)
        if calendar.open_during is OpenDuring.SCHOOL_TIME and holiday is not None:
            return DayStatus(day, DayReason.SCHOOL_HOLIDAY, holiday)
        if calendar.open_during is OpenDuring.SCHOOL_HOLIDAYS and holiday is None:
            return DayStatus(day, DayReason.SCHOOL_TIME, "Hors vacances scolaires")
    closed = calendar._closed_days
    if day in closed:
        return DayStatus(day, DayReason.CLOSURE, _labelled("Fermeture", closed[day]))
    return DayStatus(day, DayReason.OPEN, "Ouvert")


def days_status(
    calendar: PeriodCalendar, start: date | None = None, end: date | None = None
) -> list[DayStatus]:
    """Each day from ``start`` to ``end`` inclusive (the whole period by default), with its status.

    The range may reach beyond the period (a month view): those days are OUTSIDE_PERIOD.
    """
    return [day_status(calendar, day) for day in iter_days(start or calendar.start, end or calendar.end)]


def open_days(calendar: PeriodCalendar, start: date | None = None, end: date | None = None) -> list[date]:
    """The open days from ``start`` to ``end`` (the whole period by default), in order."""
    return [status.day for status in days_status(calendar, start, end) if status.open]


def is_open(calendar: PeriodCalendar, day: date) -> bool:
    """Whether the activity runs on ``day``."""
    return day_status(calendar, day).open


def _labelled(prefix: str, label: str) -> str:
    return f"{prefix} : {label}" if label else prefix

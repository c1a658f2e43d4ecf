"""The guide's "MODE RECOPIE": one day's selection copied to other days, and the checks on a request.

"RECOPIER LA SÉLECTION" copies the units chosen for one day "de date à date, les jours de votre
choix ou l'ensemble de la période"; "Plus de jours" uses the same to cancel. Whether each date is
open, bookable or already booked is decided later, day by day: this module only says which dates
the family asked for, and refuses what no one can mean (an end before the start, ten years).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from portail.rules.booking_states import Refusal

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(1, 8)
WEEKDAY_NAMES = {
    MONDAY: "lundi",
    TUESDAY: "mardi",
    WEDNESDAY: "mercredi",
    THURSDAY: "jeudi",
    FRIDAY: "vendredi",
    SATURDAY: "samedi",
    SUNDAY: "dimanche",
}

# A school year is about 310 days; a year and a day is generous and still stops a ten-year range.
MAX_SPAN_DAYS = 366
# A whole school year of Wednesdays and Mondays-to-Fridays for three children, two units each, fits.
MAX_CHANGES = 2000


class Frequency(StrEnum):
    """How often the chosen weekdays repeat."""

    EVERY_WEEK = "every_week"
    EVERY_OTHER_WEEK = "every_other_week"  # the start date's week, then one in two
    EVEN_WEEKS = "even_weeks"  # ISO week numbers, as printed on French calendars
    ODD_WEEKS = "odd_weeks"


class RepeatCode(StrEnum):
    """Why a repeat or a list of changes is refused."""

    END_BEFORE_START = "END_BEFORE_START"
    RANGE_TOO_LONG = "RANGE_TOO_LONG"
    OUTSIDE_PERIOD = "OUTSIDE_PERIOD"
    NO_WEEKDAY = "NO_WEEKDAY"
    INVALID_WEEKDAY = "INVALID_WEEKDAY"
    NO_MATCHING_DAY = "NO_MATCHING_DAY"
    TOO_MANY_CHANGES = "TOO_MANY_CHANGES"
    DUPLICATE_CHANGE = "DUPLICATE_CHANGE"


@dataclass(frozen=True)
class RepeatLimits:
    """How far one request may reach."""

    max_span_days: int = MAX_SPAN_DAYS
    max_changes: int = MAX_CHANGES


DEFAULT_LIMITS = RepeatLimits()


@dataclass(frozen=True)
class Repeat:
    """A repeat: from ``start`` to ``end`` (both included) on ``weekdays`` (1 = Monday … 7 = Sunday).

    A missing ``start`` is the period's first day and a missing ``end`` its last: both missing is
    "l'ensemble de la période", only ``start`` is "from this day to the end".
    """

    weekdays: frozenset[int]
    start: date | None = None
    end: date | None = None
    frequency: Frequency = Frequency.EVERY_WEEK


# What names a child and a unit (their ids; strings in the tests).
C = TypeVar("C", bound=Hashable)
U = TypeVar("U", bound=Hashable)


@dataclass(frozen=True)
class Change(Generic[C, U]):
    """One line of a request: a child, a unit and a day, booked or cancelled."""

    child: C
    unit: U
    day: date
    cancel: bool = False


def french_date(day: date) -> str:
    """``day`` as the guide prints it: 05/01/2022."""
    return day.strftime("%d/%m/%Y")


def repeat_dates(
    repeat: Repeat, period_start: date, period_end: date, limits: RepeatLimits = DEFAULT_LIMITS
) -> list[date] | Refusal:
    """The dates ``repeat`` reaches within the period (in order), or why it is refused."""
    if period_end < period_start:
        raise ValueError("a period ends on or after its first day")
    start = period_start if repeat.start is None else repeat.start
    end = period_end if repeat.end is None else repeat.end
    # With one end left open, an end before the start means the given date is outside the period:
    # that is what the family is told, below.
    if end < start and repeat.start is not None and repeat.end is not None:
        return Refusal(
            RepeatCode.END_BEFORE_START,
            f"La date de fin ({french_date(end)}) est avant la date de début ({french_date(start)}).",
            field="end",
            day=end,
        )
    # One date given, outside the period: that date is the fault, not the span it would make.
    one_given = (repeat.start is None) != (repeat.end is None)
    for name, given in (("start", repeat.start), ("end", repeat.end)):
        if one_given and given is not None and not period_start <= given <= period_end:
            return _outside(name, given, period_start, period_end)
    span = (end - start).days + 1
    if span > limits.max_span_days or span > (period_end - period_start).days + 1:
        return Refusal(
            RepeatCode.RANGE_TOO_LONG,
            f"La recopie couvre {span} jours : elle ne peut dépasser ni la période "
            f"(du {french_date(period_start)} au {french_date(period_end)}) ni {limits.max_span_days} jours.",
            field="end",
            day=end,
        )
    for name, day in (("start", start), ("end", end)):
        if not period_start <= day <= period_end:
            return _outside(name, day, period_start, period_end)
    if not repeat.weekdays:
        return Refusal(RepeatCode.NO_WEEKDAY, "Choisissez au moins un jour de la semaine.", field="weekdays")
    if not repeat.weekdays <= WEEKDAY_NAMES.keys():
        return Refusal(
            RepeatCode.INVALID_WEEKDAY,
            "Les jours de la semaine vont de 1 (lundi) à 7 (dimanche).",
            field="weekdays",
        )
    days = [
        day
        for day in (start + timedelta(days=offset) for offset in range(span))
        if day.isoweekday() in repeat.weekdays and _week_matches(day, start, repeat.frequency)
    ]
    if not days:
        return Refusal(
            RepeatCode.NO_MATCHING_DAY,
            f"Aucun jour choisi entre le {french_date(start)} et le {french_date(end)}.",
            field="weekdays",
        )
    return days


def _outside(name: str, day: date, period_start: date, period_end: date) -> Refusal:
    return Refusal(
        RepeatCode.OUTSIDE_PERIOD,
        f"Le {french_date(day)} est en dehors de la période "
        f"(du {french_date(period_start)} au {french_date(period_end)}).",
        field=name,
        day=day,
    )


def _week_matches(day: date, start: date, frequency: Frequency) -> bool:
    if frequency is Frequency.EVERY_WEEK:
        return True
    if frequency is Frequency.EVERY_OTHER_WEEK:
        # Weeks run Monday to Sunday: a Friday start and the next Monday are one week apart.
        monday = day - timedelta(days=day.weekday())
        first_monday = start - timedelta(days=start.weekday())
        return (monday - first_monday).days // 7 % 2 == 0
    # ISO numbering: the 28 Dec 2026 (week 53) and 4 Jan 2027 (week 1) are both odd, as on the calendar.
    week = day.isocalendar().week
    return week % 2 == (0 if frequency is Frequency.EVEN_WEEKS else 1)


def expand_selection(
    children: Iterable[C], units: Iterable[U], days: Iterable[date], *, cancel: bool = False
) -> list[Change[C, U]]:
    """The changes "RECOPIER LA SÉLECTION" makes: ``units`` on each of ``days`` for each of ``children``.

    ``days`` are the repeat's dates the family can still use (``repeat_dates``, less closed and past
    days). Ordered by child, then date, then in the order of ``units``; a child or a unit named twice
    counts once. ``cancel`` is "Plus de jours".
    """
    days = list(days)
    unique_units = list(dict.fromkeys(units))
    return [
        Change(child, unit, day, cancel)
        for child in dict.fromkeys(children)
        for day in days
        for unit in unique_units
    ]


def check_changes(changes: Iterable[Change[C, U]], limits: RepeatLimits = DEFAULT_LIMITS) -> Refusal | None:
    """Why a request's whole list of changes (one-off and repeated) is refused, or None.

    The same child, unit and day twice is refused (booking and cancelling it in one request
    too): the family meant one of the two, and we do not guess which.
    """
    seen: set[tuple[C, U, date]] = set()
    count = 0
    for change in changes:
        count += 1
        key = (change.child, change.unit, change.day)
        if key in seen:
            return Refusal(
                RepeatCode.DUPLICATE_CHANGE,
                f"Le {french_date(change.day)} figure deux fois pour la même unité dans la demande.",
                field="changes",
                day=change.day,
            )
        seen.add(key)
    if count > limits.max_changes:
        return _too_many(count, limits)
    return None


def _too_many(count: int, limits: RepeatLimits) -> Refusal:
    return Refusal(
        RepeatCode.TOO_MANY_CHANGES,
        f"La demande compte {count} changements : {limits.max_changes} au plus par demande.",
        field="changes",
    )

"""When booking or cancelling a day closes.

A unit carries two rules, one for booking and one for cancelling. A rule is either "N days before, at
HH:MM" (counted in calendar days, or in working days that skip weekends and public holidays) or "weekday
W, at HH:MM, of the week before" (the canteen's "jeudi 12h00 de la semaine précédente"). The deadline is
a wall-clock time in the town (Europe/Paris), turned into an aware datetime there, so that a deadline at
10:00 stays at 10:00 on the days the clocks change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from portail.rules.calendar import WEEKDAY_NAMES, check_subdivision, is_working_day
from portail.rules.validity import TOWN_ZONE

# Beyond this a rule is a typing mistake, not a policy (and working-day counting stays cheap).
MAX_DAYS_BEFORE = 366


class DayCount(StrEnum):
    """How the days of a "N days before" rule are counted."""

    CALENDAR = "calendar"
    """Every day counts ("2 jours avant")."""
    WORKING = "working"
    """Only Monday to Friday that are not public holidays count ("2 jours ouvrés avant")."""


@dataclass(frozen=True, slots=True)
class DaysBefore:
    """Closes ``days`` days before the day, at ``at`` (town time); 0 is the day itself.

    In working days, the deadline falls on the ``days``-th working day before the day: for a Monday
    and 2 working days, the Thursday before (the Friday being the first).
    """

    days: int
    at: time
    counted_in: DayCount = DayCount.CALENDAR

    def __post_init__(self) -> None:
        if not 0 <= self.days <= MAX_DAYS_BEFORE:
            raise ValueError(f"days must be between 0 and {MAX_DAYS_BEFORE}: {self.days}")
        _check_time(self.at)
        object.__setattr__(self, "counted_in", DayCount(self.counted_in))


@dataclass(frozen=True, slots=True)
class WeekdayOfWeekBefore:
    """Closes on ``weekday`` (0 is Monday) of the week (Monday to Sunday) before the day's, at ``at``.

    Every day of one week shares the deadline: with Thursday 12:00, the whole week of Monday 12 October
    closes on Thursday 8 October at noon.
    """

    weekday: int
    at: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday): {self.weekday}")
        _check_time(self.at)


DeadlineRule = DaysBefore | WeekdayOfWeekBefore


def deadline_date(day: date, rule: DeadlineRule, *, subdivision: str | None = None) -> date:
    """The town date on which ``rule`` closes ``day``.

    ``subdivision`` ("57", "6AE") adds Alsace-Moselle's public holidays to the working-day count.
    """
    if isinstance(rule, WeekdayOfWeekBefore):
        monday_before = day - timedelta(days=day.weekday() + 7)
        return monday_before + timedelta(days=rule.weekday)
    if rule.counted_in is DayCount.CALENDAR or rule.days == 0:
        return day - timedelta(days=rule.days)
    check_subdivision(subdivision)
    counted, current = 0, day
    while counted < rule.days:
        current -= timedelta(days=1)
        if is_working_day(current, subdivision):
            counted += 1
    return current


def deadline(day: date, rule: DeadlineRule, *, subdivision: str | None = None) -> datetime:
    """The moment ``rule`` closes ``day``: an aware datetime in Europe/Paris.

    A wall time the clocks skip (02:30 on the last Sunday of March) becomes the time it maps to
    (03:30 summer time); a wall time they repeat (02:30 on the last Sunday of October) is its first
    occurrence, the earlier deadline. Compare it in UTC: Python never finds a repeated wall time equal
    (``==``) to a datetime of another zone (PEP 495).
    """
    wall = datetime.combine(deadline_date(day, rule, subdivision=subdivision), rule.at, tzinfo=TOWN_ZONE)
    # The round trip through UTC turns a skipped wall time into one that exists.
    return wall.astimezone(UTC).astimezone(TOWN_ZONE)


def is_open(now: datetime, day: date, rule: DeadlineRule, *, subdivision: str | None = None) -> bool:
    """Whether ``day`` may still be booked (or cancelled) at ``now``; the deadline itself is closed.

    ``now`` must be aware (any zone; the clock gives UTC).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    # Compare in UTC: Python compares two datetimes of the same tzinfo by wall time, ignoring fold.
    return now.astimezone(UTC) < deadline(day, rule, subdivision=subdivision).astimezone(UTC)


class BookingWindow(StrEnum):
    """Whether a day may be booked now, and at which price."""

    OPEN = "open"
    """Before the booking deadline: at the family's price."""
    LATE = "late"
    """Past the deadline, where the unit takes late bookings ("hors délai"): at its late price, until
    the day begins."""
    CLOSED = "closed"
    """Too late to book."""


def late_booking_end(day: date) -> datetime:
    """When late bookings of ``day`` close: as the day begins (midnight, town time); the team's lists
    of the day are made by then."""
    return datetime.combine(day, time(0, 0), tzinfo=TOWN_ZONE)


def booking_window(
    now: datetime, day: date, rule: DeadlineRule, *, takes_late: bool, subdivision: str | None = None
) -> BookingWindow:
    """Where ``now`` stands for booking ``day`` under ``rule``; ``takes_late``: the unit has a late
    price (it then takes bookings past the deadline until the day begins)."""
    if is_open(now, day, rule, subdivision=subdivision):
        return BookingWindow.OPEN
    if takes_late and now.astimezone(UTC) < late_booking_end(day).astimezone(UTC):
        return BookingWindow.LATE
    return BookingWindow.CLOSED


def describe(rule: DeadlineRule) -> str:
    """The rule in French for families and the schema: "2 jours ouvrés avant, 10h00",
    "la veille, 18h00", "le jeudi de la semaine précédente, 12h00"."""
    at = format_time(rule.at)
    if isinstance(rule, WeekdayOfWeekBefore):
        # "le jeudi précédent" would read as the day before for a Friday: name the week.
        return f"le {WEEKDAY_NAMES[rule.weekday]} de la semaine précédente, {at}"
    if rule.days == 0:
        return f"le jour même, {at}"
    if rule.counted_in is DayCount.WORKING:
        unit = "jour ouvré" if rule.days == 1 else "jours ouvrés"
        return f"{rule.days} {unit} avant, {at}"
    if rule.days == 1:
        return f"la veille, {at}"
    return f"{rule.days} jours avant, {at}"


def format_time(at: time) -> str:
    """A time as French signs write it: 10h00, 9h30."""
    return f"{at.hour}h{at.minute:02d}"


def _check_time(at: time) -> None:
    # The zone is the town's, always; a time carrying its own would be silently ignored.
    if at.tzinfo is not None:
        raise ValueError("the time of a deadline is town time and carries no zone")

"""When booking or cancelling a day closes.

A unit carries two rules, one for booking and one for cancelling, each of one of three forms:

- "N days before, at HH:MM", counted in calendar days or in working days (skipping weekends and public
  holidays), and optionally skipping chosen weekdays and/or public holidays besides ("3 jours avant
  (hors mercredis et jours fériés)": a service closed on Wednesdays does not count them);
- "weekday W, at HH:MM, of the week N weeks before" (the canteen's "jeudi 12h00 de la semaine
  précédente", or "le jeudi deux semaines avant");
- "day N of the previous month, at HH:MM" ("avant le 20 du mois précédent"), the month's last day when
  it is shorter.

The deadline is a wall-clock time in the town (Europe/Paris), turned into an aware datetime there, so
that a deadline at 10:00 stays at 10:00 on the days the clocks change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from portail.rules.calendar import WEEKDAY_NAMES, check_subdivision, public_holiday
from portail.rules.validity import TOWN_ZONE

# Beyond this a rule is a typing mistake, not a policy (and working-day counting stays cheap).
MAX_DAYS_BEFORE = 366
# A weekday rule reaches back at most this many weeks (a term's booking is done otherwise).
MAX_WEEKS_BEFORE = 12
WEEKEND = frozenset({5, 6})
# "deux semaines avant": the numbers a weekday rule may name, spelt as families read them.
_WEEK_COUNTS = (
    *("", "", "deux", "trois", "quatre", "cinq", "six"),
    *("sept", "huit", "neuf", "dix", "onze", "douze"),
)


class DayCount(StrEnum):
    """How the days of a "N days before" rule are counted."""

    CALENDAR = "calendar"
    """Every day counts ("2 jours avant")."""
    WORKING = "working"
    """Only Monday to Friday that are not public holidays count ("2 jours ouvrés avant")."""


@dataclass(frozen=True, slots=True)
class DaysBefore:
    """Closes ``days`` days before the day, at ``at`` (town time); 0 is the day itself.

    Only counted days count: the deadline falls on the ``days``-th counted day before the day. In
    working days, for a Monday and 2 working days, the Thursday before (the Friday being the first).
    ``skipped_weekdays`` (0 is Monday) and ``skips_holidays`` leave out more days, on top of calendar
    or working days: a service closed on Wednesdays may count neither them nor public holidays.

    Values are kept normalised, so that two rules that count the same days are equal: in working days,
    weekends are not listed among ``skipped_weekdays`` and ``skips_holidays`` is always true.
    """

    days: int
    at: time
    counted_in: DayCount = DayCount.CALENDAR
    skipped_weekdays: frozenset[int] = frozenset()
    skips_holidays: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.days <= MAX_DAYS_BEFORE:
            raise ValueError(f"days must be between 0 and {MAX_DAYS_BEFORE}: {self.days}")
        _check_time(self.at)
        counted_in = DayCount(self.counted_in)
        skipped = frozenset(self.skipped_weekdays)
        if not skipped <= set(range(7)):
            raise ValueError(f"skipped weekdays must be 0 (Monday) to 6 (Sunday): {sorted(skipped)}")
        if counted_in is DayCount.WORKING:
            skipped -= WEEKEND
        if len(skipped | (WEEKEND if counted_in is DayCount.WORKING else frozenset())) == 7:
            raise ValueError("skipped weekdays leave no day to count")
        object.__setattr__(self, "counted_in", counted_in)
        object.__setattr__(self, "skipped_weekdays", skipped)
        object.__setattr__(self, "skips_holidays", self.skips_holidays or counted_in is DayCount.WORKING)

    def counts(self, day: date, subdivision: str | None = None) -> bool:
        """Whether ``day`` is one of the days the rule counts."""
        weekday = day.weekday()
        if weekday in self.skipped_weekdays:
            return False
        if self.counted_in is DayCount.WORKING and weekday in WEEKEND:
            return False
        return not (self.skips_holidays and public_holiday(day, subdivision) is not None)

    @property
    def skips_days(self) -> bool:
        """Whether some days do not count (else the deadline is plain subtraction)."""
        return self.skips_holidays or bool(self.skipped_weekdays)


@dataclass(frozen=True, slots=True)
class WeekdayOfWeekBefore:
    """Closes on ``weekday`` (0 is Monday) of the week (Monday to Sunday) ``weeks`` weeks before the
    day's, at ``at``.

    Every day of one week shares the deadline: with Thursday 12:00 of the week before, the whole week of
    Monday 12 October closes on Thursday 8 October at noon; two weeks before, on Thursday 1 October.
    """

    weekday: int
    at: time
    weeks: int = 1

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday): {self.weekday}")
        if not 1 <= self.weeks <= MAX_WEEKS_BEFORE:
            raise ValueError(f"weeks must be between 1 and {MAX_WEEKS_BEFORE}: {self.weeks}")
        _check_time(self.at)


@dataclass(frozen=True, slots=True)
class DayOfPreviousMonth:
    """Closes on day ``day_of_month`` of the month before the day's, at ``at``; a month shorter than
    that closes on its last day ("avant le 31 du mois précédent": 28 or 29 February for March).

    Every day of one month shares the deadline: with the 20th at 18:00, the whole of November closes on
    20 October at 18:00.
    """

    day_of_month: int
    at: time

    def __post_init__(self) -> None:
        if not 1 <= self.day_of_month <= 31:
            raise ValueError(f"day_of_month must be between 1 and 31: {self.day_of_month}")
        _check_time(self.at)


DeadlineRule = DaysBefore | WeekdayOfWeekBefore | DayOfPreviousMonth


def deadline_date(day: date, rule: DeadlineRule, *, subdivision: str | None = None) -> date:
    """The town date on which ``rule`` closes ``day``.

    ``subdivision`` ("57", "6AE") adds Alsace-Moselle's public holidays to the working-day count.
    """
    if isinstance(rule, WeekdayOfWeekBefore):
        monday_before = day - timedelta(days=day.weekday() + 7 * rule.weeks)
        return monday_before + timedelta(days=rule.weekday)
    if isinstance(rule, DayOfPreviousMonth):
        last_of_previous = day.replace(day=1) - timedelta(days=1)
        return last_of_previous.replace(day=min(rule.day_of_month, last_of_previous.day))
    if not rule.skips_days or rule.days == 0:
        return day - timedelta(days=rule.days)
    check_subdivision(subdivision)
    counted, current = 0, day
    while counted < rule.days:
        current -= timedelta(days=1)
        if rule.counts(current, subdivision):
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
    "la veille, 18h00", "le jeudi de la semaine précédente, 12h00", "le jeudi deux semaines avant,
    12h00", "avant le 20 du mois précédent, 18h00", "3 jours avant (hors mercredis et jours fériés),
    10h00"."""
    at = format_time(rule.at)
    if isinstance(rule, WeekdayOfWeekBefore):
        if rule.weeks == 1:
            # "le jeudi précédent" would read as the day before for a Friday: name the week.
            return f"le {WEEKDAY_NAMES[rule.weekday]} de la semaine précédente, {at}"
        return f"le {WEEKDAY_NAMES[rule.weekday]} {_WEEK_COUNTS[rule.weeks]} semaines avant, {at}"
    if isinstance(rule, DayOfPreviousMonth):
        day = "1er" if rule.day_of_month == 1 else str(rule.day_of_month)
        return f"avant le {day} du mois précédent, {at}"
    if rule.days == 0:
        # Nothing is counted: what is skipped makes no difference.
        return f"le jour même, {at}"
    skipped = _skipped(rule)
    if rule.counted_in is DayCount.WORKING:
        unit = "jour ouvré" if rule.days == 1 else "jours ouvrés"
        return f"{rule.days} {unit} avant{skipped}, {at}"
    if rule.days == 1 and not skipped:
        return f"la veille, {at}"
    unit = "jour" if rule.days == 1 else "jours"
    return f"{rule.days} {unit} avant{skipped}, {at}"


def _skipped(rule: DaysBefore) -> str:
    # " (hors mercredis et jours fériés)": what a rule leaves out beyond what its count says.
    names = [f"{WEEKDAY_NAMES[d]}s" for d in sorted(rule.skipped_weekdays)]
    if rule.skips_holidays and rule.counted_in is not DayCount.WORKING:
        names.append("jours fériés")
    if not names:
        return ""
    return f" (hors {_french_list(names)})"


def _french_list(words: Iterable[str]) -> str:
    """ "a", "a et b", "a, b et c"."""
    items = list(words)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} et {items[-1]}"


def format_time(at: time) -> str:
    """A time as French signs write it: 10h00, 9h30."""
    return f"{at.hour}h{at.minute:02d}"


def _check_time(at: time) -> None:
    # The zone is the town's, always; a time carrying its own would be silently ignored.
    if at.tzinfo is not None:
        raise ValueError("the time of a deadline is town time and carries no zone")

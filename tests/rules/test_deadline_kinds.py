"""The deadlines towns use besides "N days before" and "the week before" (``portail.rules.deadlines``),
as tables: a weekday N weeks before ("le jeudi deux semaines avant"), day N of the previous month
("avant le 20 du mois précédent"), and day counts that leave out chosen weekdays and/or public holidays
("3 jours avant (hors mercredis et jours fériés)").

Times are written in UTC on purpose, as in ``test_deadlines``: Europe/Paris is UTC+1 in winter and
UTC+2 from the last Sunday of March to the last Sunday of October, and these tables pin the offset each
deadline must get.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from portail.rules.calendar import WEDNESDAY, iter_days
from portail.rules.deadlines import (
    BookingWindow,
    DayCount,
    DayOfPreviousMonth,
    DaysBefore,
    DeadlineRule,
    WeekdayOfWeekBefore,
    booking_window,
    deadline,
    deadline_date,
    describe,
    is_open,
)
from tests.rules.test_deadlines import utc

PARIS = ZoneInfo("Europe/Paris")
D = date.fromisoformat

THURSDAY_TWO_WEEKS_BEFORE = WeekdayOfWeekBefore(3, time(12, 0), weeks=2)
TUESDAY_TWO_WEEKS_BEFORE = WeekdayOfWeekBefore(1, time(12, 0), weeks=2)
THE_20TH_OF_THE_MONTH_BEFORE = DayOfPreviousMonth(20, time(18, 0))
THE_31ST_OF_THE_MONTH_BEFORE = DayOfPreviousMonth(31, time(18, 0))
THE_30TH_OF_THE_MONTH_BEFORE = DayOfPreviousMonth(30, time(18, 0))
# A service closed on Wednesdays counts neither them nor public holidays.
THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS = DaysBefore(3, time(10, 0), skipped_weekdays={WEDNESDAY}, skips_holidays=True)
THREE_DAYS_NO_WEDNESDAYS = DaysBefore(3, time(10, 0), skipped_weekdays={WEDNESDAY})
TWO_DAYS_NO_HOLIDAYS = DaysBefore(2, time(10, 0), skips_holidays=True)
TWO_WORKING_DAYS_NO_WEDNESDAYS = DaysBefore(2, time(10, 0), DayCount.WORKING, {WEDNESDAY})


DEADLINES = [
    # (day, rule, deadline in UTC, why)
    # The Thursday two weeks before: every day of a week shares it.
    ("2026-10-12", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-01T10:00", "a Monday: Thursday 1 October"),
    ("2026-10-15", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-01T10:00", "a Thursday: two weeks earlier"),
    ("2026-10-18", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-01T10:00", "a Sunday: the same week"),
    ("2026-10-19", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-08T10:00", "the next Monday: the next Thursday"),
    ("2026-11-06", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-22T10:00", "before the clocks go back: summer"),
    ("2026-11-09", THURSDAY_TWO_WEEKS_BEFORE, "2026-10-29T11:00", "after the clocks went back: winter"),
    ("2027-04-09", THURSDAY_TWO_WEEKS_BEFORE, "2027-03-25T11:00", "before the clocks go forward: winter"),
    ("2027-04-12", THURSDAY_TWO_WEEKS_BEFORE, "2027-04-01T10:00", "after the clocks went forward"),
    ("2027-01-04", THURSDAY_TWO_WEEKS_BEFORE, "2026-12-24T11:00", "across the new year"),
    ("2026-12-01", THURSDAY_TWO_WEEKS_BEFORE, "2026-11-19T11:00", "across a month's end"),
    ("2027-05-17", THURSDAY_TWO_WEEKS_BEFORE, "2027-05-06T10:00", "it keeps its day on Ascension"),
    ("2028-03-13", TUESDAY_TWO_WEEKS_BEFORE, "2028-02-29T11:00", "29 February of a leap year"),
    ("2026-10-12", WeekdayOfWeekBefore(0, time(8, 0), weeks=3), "2026-09-21T06:00", "Monday, 3 weeks"),
    ("2026-10-12", WeekdayOfWeekBefore(6, time(23, 59), weeks=2), "2026-10-04T21:59", "Sunday, 2 weeks"),
    # Day N of the month before: every day of a month shares it.
    ("2026-11-02", THE_20TH_OF_THE_MONTH_BEFORE, "2026-10-20T16:00", "November: 20 October, summer"),
    ("2026-11-30", THE_20TH_OF_THE_MONTH_BEFORE, "2026-10-20T16:00", "the month's last day: the same"),
    ("2026-12-01", THE_20TH_OF_THE_MONTH_BEFORE, "2026-11-20T17:00", "December: 20 November, winter"),
    ("2027-01-04", THE_20TH_OF_THE_MONTH_BEFORE, "2026-12-20T17:00", "across the new year (a Sunday)"),
    ("2027-04-01", THE_20TH_OF_THE_MONTH_BEFORE, "2027-03-20T17:00", "April: before the clocks change"),
    ("2027-05-31", THE_20TH_OF_THE_MONTH_BEFORE, "2027-04-20T16:00", "May: summer time"),
    ("2026-11-15", DayOfPreviousMonth(25, time(10, 0)), "2026-10-25T09:00", "on the day clocks go back"),
    ("2027-04-15", DayOfPreviousMonth(28, time(10, 0)), "2027-03-28T08:00", "on the day they go forward"),
    ("2026-12-15", DayOfPreviousMonth(11, time(10, 0)), "2026-11-11T09:00", "it keeps its day on Armistice"),
    # A day the month before does not have is its last day.
    ("2027-03-10", THE_31ST_OF_THE_MONTH_BEFORE, "2027-02-28T17:00", "February of a common year"),
    ("2028-03-10", THE_31ST_OF_THE_MONTH_BEFORE, "2028-02-29T17:00", "February of a leap year"),
    ("2027-03-01", THE_30TH_OF_THE_MONTH_BEFORE, "2027-02-28T17:00", "the 30th in February, 2027"),
    ("2028-03-31", THE_30TH_OF_THE_MONTH_BEFORE, "2028-02-29T17:00", "the 30th in February, 2028"),
    ("2027-05-03", THE_31ST_OF_THE_MONTH_BEFORE, "2027-04-30T16:00", "April has 30 days"),
    ("2027-01-01", THE_31ST_OF_THE_MONTH_BEFORE, "2026-12-31T17:00", "December has 31"),
    ("2026-11-15", DayOfPreviousMonth(1, time(0, 0)), "2026-09-30T22:00", "the 1st at midnight"),
    # Leaving out Wednesdays and public holidays; weekends count.
    ("2026-10-16", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-10-12T08:00", "a Friday: Thu, Tue, Mon"),
    ("2026-10-15", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-10-11T08:00", "a Thursday: Tue, Mon, Sun"),
    ("2026-10-12", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-10-09T08:00", "a Monday: Sun, Sat, Fri"),
    ("2027-05-07", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2027-05-02T08:00", "over Ascension"),
    ("2026-12-28", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-12-24T09:00", "over Christmas Day"),
    ("2027-01-02", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-12-28T09:00", "over New Year's Day"),
    ("2026-10-28", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-10-25T09:00", "back to the clocks' change"),
    ("2027-03-31", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2027-03-27T09:00", "over Easter Monday"),
    ("2028-03-02", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2028-02-27T09:00", "over 29 February"),
    ("2026-12-01", THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "2026-11-28T09:00", "across a month's end"),
    # Only Wednesdays: public holidays count like any day.
    ("2026-11-13", DaysBefore(2, time(10, 0), skipped_weekdays={WEDNESDAY}), "2026-11-10T09:00", "Wed 11th"),
    ("2026-12-28", THREE_DAYS_NO_WEDNESDAYS, "2026-12-25T09:00", "Christmas Day counts"),
    # Only public holidays.
    ("2026-11-12", TWO_DAYS_NO_HOLIDAYS, "2026-11-09T09:00", "over Armistice"),
    ("2027-03-30", TWO_DAYS_NO_HOLIDAYS, "2027-03-27T09:00", "over Easter Monday, the weekend counts"),
    ("2027-07-15", TWO_DAYS_NO_HOLIDAYS, "2027-07-12T08:00", "over 14 July"),
    # Working days that leave out Wednesdays besides.
    ("2026-10-16", TWO_WORKING_DAYS_NO_WEDNESDAYS, "2026-10-13T08:00", "a Friday: Thu, Tue"),
    ("2026-10-15", TWO_WORKING_DAYS_NO_WEDNESDAYS, "2026-10-12T08:00", "a Thursday: Tue, Mon"),
    ("2026-10-12", TWO_WORKING_DAYS_NO_WEDNESDAYS, "2026-10-08T08:00", "a Monday: Fri, Thu"),
    ("2026-11-13", TWO_WORKING_DAYS_NO_WEDNESDAYS, "2026-11-10T09:00", "over Armistice, a Wednesday"),
    # Nothing is counted for the day itself.
    ("2026-10-14", DaysBefore(0, time(9, 0), skipped_weekdays={WEDNESDAY}), "2026-10-14T07:00", "a Wednesday"),
]


@pytest.mark.parametrize(("day", "rule", "expected", "why"), DEADLINES)
def test_deadline(day: str, rule: DeadlineRule, expected: str, why: str) -> None:
    moment = deadline(D(day), rule)
    assert moment == utc(expected), why
    assert moment.tzinfo == PARIS
    assert moment.time() == rule.at
    assert deadline_date(D(day), rule) == moment.date()


@pytest.mark.parametrize(("day", "rule", "expected", "why"), DEADLINES)
def test_the_minute_before_and_at_the_deadline(day: str, rule: DeadlineRule, expected: str, why: str) -> None:
    closes = utc(expected)
    assert is_open(closes - timedelta(minutes=1), D(day), rule), why
    assert is_open(closes - timedelta(microseconds=1), D(day), rule), why
    assert not is_open(closes, D(day), rule), why  # the deadline itself is too late
    assert not is_open(closes + timedelta(minutes=1), D(day), rule), why


def test_a_wall_time_the_clocks_skip_on_the_month_day() -> None:
    # 02:30 does not exist on 29 March 2026: April's deadline is the instant it would be, 03:30 summer.
    moment = deadline(D("2026-04-10"), DayOfPreviousMonth(29, time(2, 30)))
    assert moment.astimezone(UTC) == utc("2026-03-29T01:30")
    assert (moment.hour, moment.minute) == (3, 30)


@pytest.mark.parametrize(
    ("day", "subdivision", "expected"),
    [
        # Alsace-Moselle: Good Friday (26 March 2027) does not count either.
        ("2027-03-27", "57", "2027-03-24T09:00"),
        ("2027-03-27", None, "2027-03-25T09:00"),
    ],
)
def test_public_holidays_of_alsace_moselle(day: str, subdivision: str | None, expected: str) -> None:
    assert deadline(D(day), TWO_DAYS_NO_HOLIDAYS, subdivision=subdivision) == utc(expected)


def test_the_week_before_is_one_week_by_default() -> None:
    # Rows stored before the number of weeks existed mean one week: the same rule, the same deadline.
    assert WeekdayOfWeekBefore(3, time(12, 0)) == WeekdayOfWeekBefore(3, time(12, 0), weeks=1)
    assert deadline(D("2026-10-12"), WeekdayOfWeekBefore(3, time(12, 0))) == utc("2026-10-08T10:00")


def test_skipped_days_are_kept_as_values() -> None:
    # Working days skip weekends and public holidays already: listing them again changes nothing.
    assert DaysBefore(2, time(10), "working", {5, 6, 2}) == TWO_WORKING_DAYS_NO_WEDNESDAYS
    assert TWO_WORKING_DAYS_NO_WEDNESDAYS.skips_holidays is True
    assert DaysBefore(2, time(10), "working", skips_holidays=True) == DaysBefore(2, time(10), "working")
    assert DaysBefore(3, time(10), skipped_weekdays=[2], skips_holidays=True) == (
        THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS
    )
    # Without anything skipped, the rule is today's calendar-day rule.
    assert DaysBefore(2, time(10), skipped_weekdays=()) == DaysBefore(2, time(10))
    assert len({THURSDAY_TWO_WEEKS_BEFORE, WeekdayOfWeekBefore(3, time(12), 2), THE_20TH_OF_THE_MONTH_BEFORE}) == 2


RULES: list[DeadlineRule] = [
    THURSDAY_TWO_WEEKS_BEFORE,
    WeekdayOfWeekBefore(4, time(17, 30), weeks=4),
    THE_20TH_OF_THE_MONTH_BEFORE,
    THE_31ST_OF_THE_MONTH_BEFORE,
    DayOfPreviousMonth(1, time(0, 0)),
    THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS,
    THREE_DAYS_NO_WEDNESDAYS,
    TWO_DAYS_NO_HOLIDAYS,
    TWO_WORKING_DAYS_NO_WEDNESDAYS,
    DaysBefore(10, time(23, 59), skipped_weekdays={0, 2, 4, 5, 6}, skips_holidays=True),
]


@pytest.mark.parametrize("rule", RULES, ids=describe)
def test_every_day_of_two_school_years(rule: DeadlineRule) -> None:
    # Exhaustive over 2026-2028: both clock changes of each year, 29 February 2028, every month's end.
    for day in iter_days(D("2026-08-01"), D("2028-08-31")):
        moment = deadline(day, rule)
        local_day = moment.astimezone(PARIS).date()
        assert moment < datetime.combine(day, time(0), tzinfo=PARIS)
        assert moment.astimezone(PARIS).time() == rule.at  # no rule here falls in the skipped hour
        if isinstance(rule, WeekdayOfWeekBefore):
            assert local_day.weekday() == rule.weekday
            week_of_day = day - timedelta(days=day.weekday())
            week_of_deadline = local_day - timedelta(days=local_day.weekday())
            assert week_of_day - week_of_deadline == timedelta(weeks=rule.weeks)
        elif isinstance(rule, DayOfPreviousMonth):
            month_before = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
            assert (local_day.year, local_day.month) == month_before
            length = calendar.monthrange(*month_before)[1]
            assert local_day.day == min(rule.day_of_month, length)
        else:
            # The deadline falls on a counted day, with exactly days - 1 counted days between it and the day.
            assert rule.counts(local_day)
            between = iter_days(local_day + timedelta(days=1), day - timedelta(days=1))
            assert sum(rule.counts(d) for d in between) == rule.days - 1


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (THURSDAY_TWO_WEEKS_BEFORE, "le jeudi deux semaines avant, 12h00"),
        (WeekdayOfWeekBefore(0, time(8, 5), weeks=3), "le lundi trois semaines avant, 8h05"),
        (WeekdayOfWeekBefore(4, time(9, 0), weeks=12), "le vendredi douze semaines avant, 9h00"),
        (WeekdayOfWeekBefore(3, time(12, 0), weeks=1), "le jeudi de la semaine précédente, 12h00"),
        (THE_20TH_OF_THE_MONTH_BEFORE, "avant le 20 du mois précédent, 18h00"),
        (DayOfPreviousMonth(1, time(9, 0)), "avant le 1er du mois précédent, 9h00"),
        (THREE_DAYS_NO_WEDNESDAYS_NOR_HOLIDAYS, "3 jours avant (hors mercredis et jours fériés), 10h00"),
        (THREE_DAYS_NO_WEDNESDAYS, "3 jours avant (hors mercredis), 10h00"),
        # "la veille" would be wrong for a Thursday, whose deadline is on Tuesday.
        (DaysBefore(1, time(18, 0), skipped_weekdays={WEDNESDAY}), "1 jour avant (hors mercredis), 18h00"),
        (TWO_DAYS_NO_HOLIDAYS, "2 jours avant (hors jours fériés), 10h00"),
        (
            DaysBefore(2, time(10, 0), skipped_weekdays={5, 2}, skips_holidays=True),
            "2 jours avant (hors mercredis, samedis et jours fériés), 10h00",
        ),
        (TWO_WORKING_DAYS_NO_WEDNESDAYS, "2 jours ouvrés avant (hors mercredis), 10h00"),
        (DaysBefore(0, time(9, 30), skipped_weekdays={WEDNESDAY}), "le jour même, 9h30"),
    ],
)
def test_describe(rule: DeadlineRule, text: str) -> None:
    assert describe(rule) == text


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: WeekdayOfWeekBefore(3, time(12), weeks=0), "weeks"),
        (lambda: WeekdayOfWeekBefore(3, time(12), weeks=13), "weeks"),
        (lambda: DayOfPreviousMonth(0, time(18)), "day_of_month"),
        (lambda: DayOfPreviousMonth(32, time(18)), "day_of_month"),
        (lambda: DayOfPreviousMonth(20, time(18, tzinfo=PARIS)), "zone"),
        (lambda: DaysBefore(2, time(10), skipped_weekdays={7}), "skipped"),
        (lambda: DaysBefore(2, time(10), skipped_weekdays=set(range(7))), "no day"),
        (lambda: DaysBefore(2, time(10), DayCount.WORKING, {0, 1, 2, 3, 4}), "no day"),
    ],
)
def test_bad_rules_are_refused(build, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_an_unknown_subdivision_is_refused_when_holidays_are_skipped() -> None:
    with pytest.raises(ValueError, match="subdivision"):
        deadline(D("2027-03-31"), TWO_DAYS_NO_HOLIDAYS, subdivision="Bretagne")


@pytest.mark.parametrize(
    ("now", "takes_late", "expected"),
    [
        # Monday 2 November 2026 closes on 20 October at 18:00 (16:00 UTC), late bookings at midnight.
        ("2026-10-20T15:59", False, BookingWindow.OPEN),
        ("2026-10-20T16:00", False, BookingWindow.CLOSED),
        ("2026-10-20T16:00", True, BookingWindow.LATE),
        ("2026-11-01T22:59", True, BookingWindow.LATE),
        ("2026-11-01T23:00", True, BookingWindow.CLOSED),
    ],
)
def test_the_booking_window_of_a_month_rule(now: str, takes_late: bool, expected: BookingWindow) -> None:
    window = booking_window(utc(now), D("2026-11-02"), THE_20TH_OF_THE_MONTH_BEFORE, takes_late=takes_late)
    assert window is expected

"""Booking and cancellation deadlines (``portail.rules.deadlines``), as tables.

Times are written in UTC on purpose: the town's clock is Europe/Paris, UTC+1 in winter and UTC+2 in
summer (from the last Sunday of March to the last Sunday of October), and these tables pin the offset
each deadline must get.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from portail.rules.calendar import is_working_day, iter_days
from portail.rules.deadlines import (
    BookingWindow,
    DayCount,
    DaysBefore,
    DeadlineRule,
    WeekdayOfWeekBefore,
    booking_window,
    deadline,
    deadline_date,
    describe,
    format_time,
    is_open,
    late_booking_end,
)

PARIS = ZoneInfo("Europe/Paris")
D = date.fromisoformat

TWO_DAYS_10H = DaysBefore(2, time(10, 0))
TWO_WORKING_DAYS_10H = DaysBefore(2, time(10, 0), DayCount.WORKING)
ONE_WORKING_DAY_10H = DaysBefore(1, time(10, 0), "working")
THE_DAY_BEFORE_18H = DaysBefore(1, time(18, 0))
THURSDAY_NOON_WEEK_BEFORE = WeekdayOfWeekBefore(3, time(12, 0))


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


DEADLINES = [
    # (day, rule, deadline in UTC, why)
    # Calendar days count every day: weekends and public holidays alike.
    ("2026-10-14", TWO_DAYS_10H, "2026-10-12T08:00", "a Wednesday: Monday 10:00 summer time"),
    ("2026-10-12", TWO_DAYS_10H, "2026-10-10T08:00", "a Monday: Saturday 10:00"),
    ("2026-11-13", TWO_DAYS_10H, "2026-11-11T09:00", "on 11 November, winter time"),
    ("2026-10-26", THE_DAY_BEFORE_18H, "2026-10-25T17:00", "the evening the clocks went back"),
    ("2026-03-30", THE_DAY_BEFORE_18H, "2026-03-29T16:00", "the evening the clocks went forward"),
    # The last Sundays of March and October: 10:00 local is 09:00 UTC before, 08:00 after.
    ("2026-03-31", TWO_DAYS_10H, "2026-03-29T08:00", "10:00 on the Sunday clocks go forward"),
    ("2026-03-30", TWO_DAYS_10H, "2026-03-28T09:00", "10:00 on the Saturday before"),
    ("2026-10-27", TWO_DAYS_10H, "2026-10-25T09:00", "10:00 on the Sunday clocks go back"),
    ("2026-10-26", TWO_DAYS_10H, "2026-10-24T08:00", "10:00 on the Saturday before"),
    ("2027-03-30", TWO_DAYS_10H, "2027-03-28T08:00", "10:00 on the Sunday clocks go forward, 2027"),
    ("2027-11-02", TWO_DAYS_10H, "2027-10-31T09:00", "10:00 on the Sunday clocks go back, 2027"),
    # Working days skip weekends…
    ("2026-10-12", TWO_WORKING_DAYS_10H, "2026-10-08T08:00", "a Monday: Friday is one, Thursday two"),
    ("2026-10-13", TWO_WORKING_DAYS_10H, "2026-10-09T08:00", "a Tuesday: Monday, then Friday"),
    ("2026-10-14", TWO_WORKING_DAYS_10H, "2026-10-12T08:00", "a Wednesday: Tuesday, then Monday"),
    ("2026-10-11", TWO_WORKING_DAYS_10H, "2026-10-08T08:00", "a Sunday: Friday, then Thursday"),
    ("2026-10-12", ONE_WORKING_DAY_10H, "2026-10-09T08:00", "a Monday: the Friday before"),
    # …and public holidays.
    ("2027-03-31", TWO_WORKING_DAYS_10H, "2027-03-26T09:00", "over Easter Monday (and winter time)"),
    ("2027-03-30", ONE_WORKING_DAY_10H, "2027-03-26T09:00", "the day after Easter Monday"),
    ("2027-05-10", TWO_WORKING_DAYS_10H, "2027-05-05T08:00", "over Ascension; the pont Friday counts"),
    ("2027-05-07", ONE_WORKING_DAY_10H, "2027-05-05T08:00", "the pont Friday: Wednesday"),
    ("2027-07-16", TWO_WORKING_DAYS_10H, "2027-07-13T08:00", "over 14 July"),
    ("2026-11-13", TWO_WORKING_DAYS_10H, "2026-11-10T09:00", "over 11 November"),
    ("2027-05-18", TWO_WORKING_DAYS_10H, "2027-05-13T08:00", "over Whit Monday and a weekend"),
    ("2027-01-04", TWO_WORKING_DAYS_10H, "2026-12-30T09:00", "over New Year's Day and a weekend"),
    ("2026-12-28", TWO_WORKING_DAYS_10H, "2026-12-23T09:00", "over Christmas Day and a weekend"),
    # Working days across the clock changes.
    ("2026-10-27", TWO_WORKING_DAYS_10H, "2026-10-23T08:00", "back to Friday, still summer time"),
    ("2026-10-28", TWO_WORKING_DAYS_10H, "2026-10-26T09:00", "Monday after the change, winter time"),
    ("2026-03-31", TWO_WORKING_DAYS_10H, "2026-03-27T09:00", "back to Friday, still winter time"),
    ("2026-04-01", TWO_WORKING_DAYS_10H, "2026-03-30T08:00", "Monday after the change, summer time"),
    # The whole week shares the deadline of the Thursday of the week before.
    ("2026-10-12", THURSDAY_NOON_WEEK_BEFORE, "2026-10-08T10:00", "a Monday"),
    ("2026-10-14", THURSDAY_NOON_WEEK_BEFORE, "2026-10-08T10:00", "a Wednesday"),
    ("2026-10-15", THURSDAY_NOON_WEEK_BEFORE, "2026-10-08T10:00", "a Thursday: a week earlier, not itself"),
    ("2026-10-16", THURSDAY_NOON_WEEK_BEFORE, "2026-10-08T10:00", "a Friday: not the day before"),
    ("2026-10-18", THURSDAY_NOON_WEEK_BEFORE, "2026-10-08T10:00", "a Sunday"),
    ("2026-10-19", THURSDAY_NOON_WEEK_BEFORE, "2026-10-15T10:00", "the next Monday: the next Thursday"),
    ("2026-10-28", THURSDAY_NOON_WEEK_BEFORE, "2026-10-22T10:00", "the week of the change: summer time"),
    ("2026-11-02", THURSDAY_NOON_WEEK_BEFORE, "2026-10-29T11:00", "the week after: winter time"),
    ("2027-04-01", THURSDAY_NOON_WEEK_BEFORE, "2027-03-25T11:00", "the week of the change: winter time"),
    ("2027-04-05", THURSDAY_NOON_WEEK_BEFORE, "2027-04-01T10:00", "the week after: summer time"),
    ("2027-01-04", THURSDAY_NOON_WEEK_BEFORE, "2026-12-31T11:00", "across the new year"),
    (
        "2027-05-10",
        THURSDAY_NOON_WEEK_BEFORE,
        "2027-05-06T10:00",
        "a weekday rule keeps its day on Ascension",
    ),
    ("2026-10-12", WeekdayOfWeekBefore(6, time(23, 59)), "2026-10-11T21:59", "Sunday of the week before"),
    ("2026-10-12", WeekdayOfWeekBefore(0, time(8, 0)), "2026-10-05T06:00", "Monday of the week before"),
    # The day itself.
    ("2026-10-12", DaysBefore(0, time(9, 0)), "2026-10-12T07:00", "the same day"),
    ("2026-10-12", DaysBefore(0, time(9, 0), DayCount.WORKING), "2026-10-12T07:00", "the same day"),
    ("2026-10-11", DaysBefore(0, time(9, 0), DayCount.WORKING), "2026-10-11T07:00", "even a Sunday"),
]


@pytest.mark.parametrize(("day", "rule", "expected", "why"), DEADLINES)
def test_deadline(day: str, rule: DeadlineRule, expected: str, why: str) -> None:
    moment = deadline(D(day), rule)
    assert moment == utc(expected), why
    # Shown in the town's time, at the rule's wall time.
    assert moment.tzinfo == PARIS
    assert moment.time() == rule.at
    assert deadline_date(D(day), rule) == moment.date()


@pytest.mark.parametrize(("day", "rule", "expected", "why"), DEADLINES)
def test_the_minute_before_and_after_the_deadline(
    day: str, rule: DeadlineRule, expected: str, why: str
) -> None:
    closes = utc(expected)
    assert is_open(closes - timedelta(minutes=1), D(day), rule), why
    assert is_open(closes - timedelta(microseconds=1), D(day), rule), why
    assert not is_open(closes, D(day), rule), why  # the deadline itself is too late
    assert not is_open(closes + timedelta(minutes=1), D(day), rule), why


@pytest.mark.parametrize(
    ("day", "rule", "subdivision", "expected"),
    [
        # Alsace-Moselle: Good Friday is a public holiday, so the count goes back one more day.
        ("2027-03-31", TWO_WORKING_DAYS_10H, "57", "2027-03-25T09:00"),
        ("2027-03-31", TWO_WORKING_DAYS_10H, None, "2027-03-26T09:00"),
        ("2026-12-28", TWO_WORKING_DAYS_10H, "6AE", "2026-12-23T09:00"),  # 26 December is a Saturday
        # Calendar days do not care.
        ("2027-03-31", TWO_DAYS_10H, "57", "2027-03-29T08:00"),
    ],
)
def test_working_days_in_alsace_moselle(
    day: str, rule: DeadlineRule, subdivision: str, expected: str
) -> None:
    assert deadline(D(day), rule, subdivision=subdivision) == utc(expected)
    assert not is_open(utc(expected), D(day), rule, subdivision=subdivision)
    assert is_open(utc(expected) - timedelta(minutes=1), D(day), rule, subdivision=subdivision)


def test_now_in_any_zone_means_the_same_instant() -> None:
    closes = utc("2026-10-25T09:00")  # 10:00 on the Sunday the clocks go back
    day = D("2026-10-27")
    for now, open_ in [(closes - timedelta(minutes=1), True), (closes, False)]:
        assert is_open(now.astimezone(PARIS), day, TWO_DAYS_10H) is open_
        assert is_open(now.astimezone(ZoneInfo("America/Cayenne")), day, TWO_DAYS_10H) is open_
    # Town time compares as the instant it is, not as a wall time.
    assert not is_open(datetime(2026, 10, 25, 10, 0, tzinfo=PARIS), day, TWO_DAYS_10H)
    assert is_open(datetime(2026, 10, 25, 9, 59, tzinfo=PARIS), day, TWO_DAYS_10H)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        is_open(datetime(2026, 10, 12, 8, 0), D("2026-10-14"), TWO_DAYS_10H)


@pytest.mark.parametrize(
    ("day", "at", "expected", "offset_hours"),
    [
        # 02:30 does not exist on 29 March 2026: the deadline is the instant it would be, 03:30 summer time.
        ("2026-03-29", time(2, 30), "2026-03-29T01:30", 2),
        # 02:30 happens twice on 25 October 2026: the first one (summer time), the earlier deadline.
        ("2026-10-25", time(2, 30), "2026-10-25T00:30", 2),
        ("2026-10-25", time(3, 0), "2026-10-25T02:00", 1),
        ("2026-03-29", time(3, 0), "2026-03-29T01:00", 2),
        ("2026-03-29", time(1, 59), "2026-03-29T00:59", 1),
    ],
)
def test_wall_times_the_clocks_skip_or_repeat(day: str, at: time, expected: str, offset_hours: int) -> None:
    moment = deadline(D(day), DaysBefore(0, at))
    # In UTC: Python never finds a repeated wall time equal to a time of another zone (PEP 495).
    assert moment.astimezone(UTC) == utc(expected)
    assert moment.utcoffset() == timedelta(hours=offset_hours)


def test_the_skipped_wall_time_is_shown_as_it_is_on_the_clock() -> None:
    moment = deadline(D("2026-03-29"), DaysBefore(0, time(2, 30)))
    assert (moment.hour, moment.minute) == (3, 30)


RULES: list[DeadlineRule] = [
    TWO_DAYS_10H,
    TWO_WORKING_DAYS_10H,
    ONE_WORKING_DAY_10H,
    THE_DAY_BEFORE_18H,
    THURSDAY_NOON_WEEK_BEFORE,
    DaysBefore(5, time(0, 0), DayCount.WORKING),
    DaysBefore(7, time(23, 59)),
    WeekdayOfWeekBefore(4, time(17, 30)),
]


@pytest.mark.parametrize("rule", RULES, ids=describe)
def test_every_day_of_two_school_years(rule: DeadlineRule) -> None:
    # Exhaustive over 2026-2028, both clock changes of each year included.
    for day in iter_days(D("2026-08-01"), D("2028-08-31")):
        moment = deadline(day, rule)
        local_day = moment.astimezone(PARIS).date()
        assert moment < datetime.combine(day, time(0), tzinfo=PARIS) or (
            isinstance(rule, DaysBefore) and rule.days == 0
        )
        assert moment.astimezone(PARIS).time() == rule.at  # no rule here falls in the skipped hour
        if isinstance(rule, WeekdayOfWeekBefore):
            # The given weekday, in the week (Monday to Sunday) just before the day's.
            assert local_day.weekday() == rule.weekday
            week_of_day = day - timedelta(days=day.weekday())
            assert week_of_day - (local_day - timedelta(days=local_day.weekday())) == timedelta(days=7)
        elif rule.counted_in is DayCount.CALENDAR:
            assert (day - local_day).days == rule.days
        else:
            # The deadline falls on a working day, with exactly days - 1 working days between it and the day.
            assert is_working_day(local_day)
            between = iter_days(local_day + timedelta(days=1), day - timedelta(days=1))
            assert sum(is_working_day(d) for d in between) == rule.days - 1


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (TWO_WORKING_DAYS_10H, "2 jours ouvrés avant, 10h00"),
        (ONE_WORKING_DAY_10H, "1 jour ouvré avant, 10h00"),
        (DaysBefore(5, time(0, 0), DayCount.WORKING), "5 jours ouvrés avant, 0h00"),
        (TWO_DAYS_10H, "2 jours avant, 10h00"),
        (THE_DAY_BEFORE_18H, "la veille, 18h00"),
        (DaysBefore(0, time(9, 30)), "le jour même, 9h30"),
        (DaysBefore(0, time(9, 30), DayCount.WORKING), "le jour même, 9h30"),
        (THURSDAY_NOON_WEEK_BEFORE, "le jeudi de la semaine précédente, 12h00"),
        (WeekdayOfWeekBefore(0, time(8, 5)), "le lundi de la semaine précédente, 8h05"),
        (WeekdayOfWeekBefore(6, time(23, 59)), "le dimanche de la semaine précédente, 23h59"),
    ],
)
def test_describe(rule: DeadlineRule, text: str) -> None:
    assert describe(rule) == text


@pytest.mark.parametrize(("at", "text"), [(time(10), "10h00"), (time(9, 5), "9h05"), (time(0, 0), "0h00")])
def test_format_time(at: time, text: str) -> None:
    assert format_time(at) == text


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: DaysBefore(-1, time(10)), "days"),
        (lambda: DaysBefore(367, time(10)), "days"),
        (lambda: DaysBefore(2, time(10), "ouvrables"), "ouvrables"),
        (lambda: DaysBefore(2, time(10, tzinfo=UTC)), "zone"),
        (lambda: WeekdayOfWeekBefore(7, time(12)), "weekday"),
        (lambda: WeekdayOfWeekBefore(-1, time(12)), "weekday"),
        (lambda: WeekdayOfWeekBefore(3, time(12, tzinfo=PARIS)), "zone"),
    ],
)
def test_bad_rules_are_refused(build, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_an_unknown_subdivision_is_refused() -> None:
    with pytest.raises(ValueError, match="subdivision"):
        deadline(D("2027-03-31"), TWO_WORKING_DAYS_10H, subdivision="Bretagne")


def test_rules_are_values() -> None:
    # Rules are compared and hashed as values: units that share a rule share a cached answer.
    assert DaysBefore(2, time(10), "working") == TWO_WORKING_DAYS_10H
    assert len({TWO_DAYS_10H, DaysBefore(2, time(10)), THURSDAY_NOON_WEEK_BEFORE}) == 2


@pytest.mark.parametrize(
    ("now", "takes_late", "expected"),
    [
        # Thursday 7 January 2027, booked 2 days before at 10:00 (Tuesday 5th, 10:00 Paris = 09:00 UTC).
        ("2027-01-05T08:59:59", False, BookingWindow.OPEN),
        ("2027-01-05T08:59:59", True, BookingWindow.OPEN),
        ("2027-01-05T09:00:00", False, BookingWindow.CLOSED),
        ("2027-01-05T09:00:00", True, BookingWindow.LATE),
        # Late bookings close as the day begins: midnight in Paris, 23:00 UTC the day before.
        ("2027-01-06T22:59:59", True, BookingWindow.LATE),
        ("2027-01-06T23:00:00", True, BookingWindow.CLOSED),
        ("2027-01-07T12:00:00", True, BookingWindow.CLOSED),
    ],
)
def test_a_late_price_opens_a_window_until_the_day_begins(now, takes_late, expected) -> None:
    assert booking_window(utc(now), D("2027-01-07"), TWO_DAYS_10H, takes_late=takes_late) is expected


def test_late_bookings_end_at_the_town_s_midnight_in_summer_too() -> None:
    assert late_booking_end(D("2027-07-07")).astimezone(UTC) == utc("2027-07-06T22:00:00")

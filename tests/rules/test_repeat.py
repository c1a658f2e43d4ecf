"""The guide's "MODE RECOPIE" (``portail.rules.repeat``): which days a repeat reaches, and its limits."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from portail.rules.booking_states import Refusal
from portail.rules.repeat import (
    FRIDAY,
    MONDAY,
    SATURDAY,
    SUNDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    Change,
    Frequency,
    Repeat,
    RepeatLimits,
    check_changes,
    expand_selection,
    french_date,
    repeat_dates,
)

# "MERCREDI POMPIDOU B ELEMENTAIRE / 2021-2022"
PERIOD = (date(2021, 9, 1), date(2022, 7, 6))
D = date


def days(result: list[date] | Refusal) -> list[date]:
    assert not isinstance(result, Refusal), result
    return result


@pytest.mark.parametrize(
    ("repeat", "expected"),
    [
        # From date to date, on Wednesdays.
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 5), D(2022, 1, 26)),
            [D(2022, 1, d) for d in (5, 12, 19, 26)],
        ),
        # The ends are included, and a range of one day is that day.
        (Repeat(frozenset({WEDNESDAY}), D(2022, 1, 5), D(2022, 1, 5)), [D(2022, 1, 5)]),
        (Repeat(frozenset({WEDNESDAY}), D(2022, 1, 4), D(2022, 1, 12)), [D(2022, 1, 5), D(2022, 1, 12)]),
        # Several weekdays come out in date order, not in the order chosen.
        (
            Repeat(frozenset({FRIDAY, MONDAY}), D(2022, 1, 3), D(2022, 1, 14)),
            [D(2022, 1, 3), D(2022, 1, 7), D(2022, 1, 10), D(2022, 1, 14)],
        ),
        # Weekends are days like any other here; whether the day is open is decided later.
        (
            Repeat(frozenset({SATURDAY, SUNDAY}), D(2022, 1, 1), D(2022, 1, 9)),
            [D(2022, 1, d) for d in (1, 2, 8, 9)],
        ),
        # Every other week, counted from the start date's week (Monday to Sunday): Friday 7 Jan is
        # week 0, the week of the 10th is skipped, the 17th's is in, the 24th's out, the 31st's in.
        (
            Repeat(frozenset({MONDAY, FRIDAY}), D(2022, 1, 7), D(2022, 1, 31), Frequency.EVERY_OTHER_WEEK),
            [D(2022, 1, 7), D(2022, 1, 17), D(2022, 1, 21), D(2022, 1, 31)],
        ),
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 9), D(2022, 2, 9), Frequency.EVERY_OTHER_WEEK),
            [D(2022, 1, 19), D(2022, 2, 2)],  # Sunday 9 Jan: its week's Wednesday is before the start
        ),
        # ISO weeks: 3 Jan 2022 is week 1.
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 3), D(2022, 1, 30), Frequency.EVEN_WEEKS),
            [D(2022, 1, 12), D(2022, 1, 26)],
        ),
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 3), D(2022, 1, 30), Frequency.ODD_WEEKS),
            [D(2022, 1, 5), D(2022, 1, 19)],
        ),
    ],
)
def test_repeat_from_date_to_date(repeat: Repeat, expected: list[date]) -> None:
    assert days(repeat_dates(repeat, *PERIOD)) == expected


def test_odd_weeks_across_a_year_of_53_weeks() -> None:
    # 28 Dec 2026 is in week 53 and 4 Jan 2027 in week 1: both odd, as the printed calendar says.
    period = (D(2026, 9, 1), D(2027, 7, 3))
    repeat = Repeat(frozenset({MONDAY}), D(2026, 12, 14), D(2027, 1, 17), Frequency.ODD_WEEKS)
    assert days(repeat_dates(repeat, *period)) == [D(2026, 12, 14), D(2026, 12, 28), D(2027, 1, 4)]
    even = Repeat(frozenset({MONDAY}), D(2026, 12, 14), D(2027, 1, 17), Frequency.EVEN_WEEKS)
    assert days(repeat_dates(even, *period)) == [D(2026, 12, 21), D(2027, 1, 11)]


def test_the_whole_period_on_wednesdays() -> None:
    result = days(repeat_dates(Repeat(frozenset({WEDNESDAY})), *PERIOD))
    assert result[0] == D(2021, 9, 1)  # the period opens on a Wednesday
    assert result[-1] == D(2022, 7, 6)  # and closes on one
    assert all(d.isoweekday() == WEDNESDAY for d in result)
    assert all(b - a == timedelta(weeks=1) for a, b in itertools.pairwise(result))
    assert len(result) == 45


@pytest.mark.parametrize(
    ("repeat", "first", "last"),
    [
        # "Plus de jours" from a date to the end of the period.
        (Repeat(frozenset({WEDNESDAY}), start=D(2022, 3, 2)), D(2022, 3, 2), D(2022, 7, 6)),
        # From the start of the period to a date.
        (Repeat(frozenset({WEDNESDAY}), end=D(2021, 9, 29)), D(2021, 9, 1), D(2021, 9, 29)),
        # The period's very ends.
        (Repeat(frozenset({WEDNESDAY}), D(2021, 9, 1), D(2022, 7, 6)), D(2021, 9, 1), D(2022, 7, 6)),
    ],
)
def test_an_open_end_is_the_periods(repeat: Repeat, first: date, last: date) -> None:
    result = days(repeat_dates(repeat, *PERIOD))
    assert (result[0], result[-1]) == (first, last)


@pytest.mark.parametrize(
    ("repeat", "code", "field", "day"),
    [
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 12), D(2022, 1, 11)),
            "END_BEFORE_START",
            "end",
            D(2022, 1, 11),
        ),
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 12), D(2021, 1, 12)),
            "END_BEFORE_START",
            "end",
            D(2021, 1, 12),
        ),
        # Only one end given, beyond the period: that date is the fault.
        (Repeat(frozenset({WEDNESDAY}), end=D(2021, 8, 31)), "OUTSIDE_PERIOD", "end", D(2021, 8, 31)),
        # A day outside the period, at either end.
        (
            Repeat(frozenset({WEDNESDAY}), D(2021, 8, 31), D(2021, 9, 30)),
            "OUTSIDE_PERIOD",
            "start",
            D(2021, 8, 31),
        ),
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 6, 1), D(2022, 7, 7)),
            "OUTSIDE_PERIOD",
            "end",
            D(2022, 7, 7),
        ),
        (Repeat(frozenset({WEDNESDAY}), start=D(2022, 7, 7)), "OUTSIDE_PERIOD", "start", D(2022, 7, 7)),
        # Longer than the period (one day more), or ten years.
        (
            Repeat(frozenset({WEDNESDAY}), D(2021, 8, 31), D(2022, 7, 6)),
            "RANGE_TOO_LONG",
            "end",
            D(2022, 7, 6),
        ),
        (
            Repeat(frozenset({WEDNESDAY}), D(2021, 9, 1), D(2031, 9, 1)),
            "RANGE_TOO_LONG",
            "end",
            D(2031, 9, 1),
        ),
        # Weekdays: none, or not one of 1…7.
        (Repeat(frozenset()), "NO_WEEKDAY", "weekdays", None),
        (Repeat(frozenset({0, WEDNESDAY})), "INVALID_WEEKDAY", "weekdays", None),
        (Repeat(frozenset({8})), "INVALID_WEEKDAY", "weekdays", None),
        # A range where no chosen weekday falls.
        (Repeat(frozenset({WEDNESDAY}), D(2022, 1, 6), D(2022, 1, 11)), "NO_MATCHING_DAY", "weekdays", None),
        (
            Repeat(frozenset({WEDNESDAY}), D(2022, 1, 5), D(2022, 1, 11), Frequency.EVEN_WEEKS),
            "NO_MATCHING_DAY",
            "weekdays",
            None,
        ),
    ],
)
def test_repeats_refused(repeat: Repeat, code: str, field: str, day: date | None) -> None:
    refusal = repeat_dates(repeat, *PERIOD)
    assert isinstance(refusal, Refusal)
    assert (refusal.code, refusal.field, refusal.day) == (code, field, day)
    assert refusal.message.endswith(".")


@pytest.mark.parametrize(
    ("span", "refused"),
    [(365, False), (366, False), (367, True), (3653, True)],
)
def test_the_maximum_span_in_a_long_period(span: int, refused: bool) -> None:
    # A period of three years: its length does not stop a range, the maximum span does.
    period = (D(2024, 1, 1), D(2026, 12, 31))
    repeat = Repeat(frozenset(range(1, 8)), D(2024, 1, 1), D(2024, 1, 1) + timedelta(days=span - 1))
    result = repeat_dates(repeat, *period)
    if refused:
        assert isinstance(result, Refusal) and result.code == "RANGE_TOO_LONG"
    else:
        assert len(days(result)) == span


def test_the_maximum_span_is_a_setting() -> None:
    repeat = Repeat(frozenset({WEDNESDAY}), D(2022, 1, 5), D(2022, 1, 11))
    assert days(repeat_dates(repeat, *PERIOD, RepeatLimits(max_span_days=7))) == [D(2022, 1, 5)]
    refusal = repeat_dates(repeat, *PERIOD, RepeatLimits(max_span_days=6))
    assert isinstance(refusal, Refusal) and refusal.code == "RANGE_TOO_LONG"


def test_a_period_ending_before_it_starts_is_a_bug() -> None:
    with pytest.raises(ValueError, match="period"):
        repeat_dates(Repeat(frozenset({WEDNESDAY})), D(2022, 1, 2), D(2022, 1, 1))


def test_copy_the_selection_of_one_day() -> None:
    # Emma-Rose: the day and the meal, every Wednesday of January.
    repeat = Repeat(frozenset({WEDNESDAY}), D(2022, 1, 1), D(2022, 1, 31))
    changes = expand_selection(["emma-rose"], ["JOURNEE", "REPAS"], days(repeat_dates(repeat, *PERIOD)))
    assert changes == [
        Change("emma-rose", unit, D(2022, 1, d)) for d in (5, 12, 19, 26) for unit in ("JOURNEE", "REPAS")
    ]


def test_plus_de_jours_cancels_from_a_date_to_the_end() -> None:
    repeat = Repeat(frozenset({WEDNESDAY}), start=D(2022, 6, 22))
    changes = expand_selection(["emma-rose"], ["JOURNEE"], days(repeat_dates(repeat, *PERIOD)), cancel=True)
    assert changes == [
        Change("emma-rose", "JOURNEE", D(2022, 6, 22), cancel=True),
        Change("emma-rose", "JOURNEE", D(2022, 6, 29), cancel=True),
        Change("emma-rose", "JOURNEE", D(2022, 7, 6), cancel=True),
    ]


def test_a_selection_for_several_children_goes_child_by_child_and_names_each_once() -> None:
    wednesdays = [D(2022, 1, 5), D(2022, 1, 12)]
    changes = expand_selection(["paul", "lola", "paul"], ["REPAS", "JOURNEE", "REPAS"], wednesdays)
    assert changes == [
        Change(child, unit, day)
        for child in ("paul", "lola")
        for day in wednesdays
        for unit in ("REPAS", "JOURNEE")
    ]
    assert expand_selection(["paul"], [], wednesdays) == []


@pytest.mark.parametrize(
    ("units", "max_changes", "code"),
    [
        (["JOURNEE", "REPAS"], 8, None),  # 4 Wednesdays × 2 units: exactly the limit
        (["JOURNEE", "REPAS"], 7, "TOO_MANY_CHANGES"),
        (["JOURNEE"], 4, None),
        (["JOURNEE"], 3, "TOO_MANY_CHANGES"),
    ],
)
def test_a_selection_is_limited_in_changes(units: list[str], max_changes: int, code: str | None) -> None:
    repeat = Repeat(frozenset({WEDNESDAY}), D(2022, 1, 1), D(2022, 1, 31))
    changes = expand_selection(["paul"], units, days(repeat_dates(repeat, *PERIOD)))
    refusal = check_changes(changes, RepeatLimits(max_changes=max_changes))
    if code is None:
        assert refusal is None and len(changes) == max_changes
    else:
        assert isinstance(refusal, Refusal) and refusal.code == code


def test_a_whole_school_year_for_three_children_fits_the_default_limit() -> None:
    repeat = Repeat(frozenset({MONDAY, TUESDAY, THURSDAY, FRIDAY}))
    changes = expand_selection(
        ["paul", "emma-rose", "lola"], ["REPAS", "GARDERIE"], days(repeat_dates(repeat, *PERIOD))
    )
    assert check_changes(changes) is None


JAN_5, JAN_12 = D(2022, 1, 5), D(2022, 1, 12)


@pytest.mark.parametrize(
    ("changes", "day"),
    [
        ([], None),
        ([Change("paul", "REPAS", JAN_5)], None),
        ([Change("paul", "REPAS", JAN_5), Change("paul", "REPAS", JAN_12)], None),
        # The same day for another unit, or another child: fine.
        ([Change("paul", "REPAS", JAN_5), Change("paul", "JOURNEE", JAN_5)], None),
        ([Change("paul", "REPAS", JAN_5), Change("lola", "REPAS", JAN_5)], None),
        # The same child, unit and day twice: refused with that day.
        ([Change("paul", "REPAS", JAN_5), Change("paul", "REPAS", JAN_5)], JAN_5),
        (
            [
                Change("paul", "REPAS", JAN_12),
                Change("lola", "REPAS", JAN_5),
                Change("paul", "REPAS", JAN_12),
            ],
            JAN_12,
        ),
        # Booking and cancelling it in one request too.
        ([Change("paul", "REPAS", JAN_5), Change("paul", "REPAS", JAN_5, cancel=True)], JAN_5),
    ],
)
def test_the_same_day_twice_is_refused(changes: list[Change], day: date | None) -> None:
    refusal = check_changes(changes)
    if day is None:
        assert refusal is None
    else:
        assert refusal is not None
        assert (refusal.code, refusal.field, refusal.day) == ("DUPLICATE_CHANGE", "changes", day)
        assert french_date(day) in refusal.message


@pytest.mark.parametrize(("count", "refused"), [(0, False), (1, False), (10, False), (11, True)])
def test_a_request_is_limited_in_changes(count: int, refused: bool) -> None:
    changes = [Change("paul", "REPAS", D(2022, 1, 1) + timedelta(days=n)) for n in range(count)]
    refusal = check_changes(changes, RepeatLimits(max_changes=10))
    assert (refusal is not None and refusal.code == "TOO_MANY_CHANGES") is refused
    assert refused or refusal is None


@pytest.mark.parametrize(("day", "text"), [(D(2022, 1, 5), "05/01/2022"), (D(2021, 12, 20), "20/12/2021")])
def test_dates_are_printed_as_in_the_guide(day: date, text: str) -> None:
    assert french_date(day) == text

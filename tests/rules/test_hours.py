"""Units counted in hours (``portail.rules.hours``): steps begun, prices, and the times a booking gives."""

from __future__ import annotations

from datetime import time

import pytest

from portail.rules.hours import DAYS, HOURS, TimesCode, check_times, hour_text, hours_price, steps

OPENS, CLOSES = time(16, 30), time(18, 30)


@pytest.mark.parametrize(
    ("arrival", "departure", "step", "count"),
    [
        (time(16, 30), time(17, 30), 15, 4),  # an hour: four quarter-hours
        (time(16, 30), time(17, 50), 15, 6),  # the sixth begun at 17h45 counts
        (time(16, 30), time(16, 31), 15, 1),  # a minute is a quarter-hour begun
        (time(16, 30), time(16, 45), 15, 1),  # exactly one, not two
        (time(16, 30), time(18, 30), 30, 4),  # a town pricing the half-hour
        (time(16, 30), time(18, 30), 60, 2),
        (time(17, 0), time(16, 0), 15, 0),  # never negative (checked apart: the departure follows)
    ],
)
def test_steps_count_each_step_begun(arrival, departure, step, count) -> None:
    assert steps(arrival, departure, step) == count


def test_a_stay_costs_its_steps_at_the_tariffs_price() -> None:
    assert hours_price(65, time(16, 30), time(17, 50), 15) == 6 * 65
    assert hours_price(0, time(16, 30), time(17, 50), 15) == 0


@pytest.mark.parametrize(
    ("counted_in", "arrival", "departure", "errors"),
    [
        (DAYS, None, None, []),
        (DAYS, time(16, 30), None, [("arrival", TimesCode.NOT_COUNTED_IN_HOURS)]),
        (DAYS, None, time(17, 0), [("departure", TimesCode.NOT_COUNTED_IN_HOURS)]),
        (HOURS, time(16, 30), time(17, 0), []),
        (HOURS, OPENS, CLOSES, []),  # the whole opening
        (HOURS, None, None, [("arrival", TimesCode.REQUIRED), ("departure", TimesCode.REQUIRED)]),
        (HOURS, time(16, 30), None, [("departure", TimesCode.REQUIRED)]),
        (HOURS, time(17, 0), time(17, 0), [("departure", TimesCode.NOT_AFTER_ARRIVAL)]),
        (HOURS, time(17, 0), time(16, 45), [("departure", TimesCode.NOT_AFTER_ARRIVAL)]),
        (HOURS, time(16, 0), time(17, 0), [("arrival", TimesCode.OUTSIDE_HOURS)]),
        (HOURS, time(17, 0), time(19, 0), [("departure", TimesCode.OUTSIDE_HOURS)]),
        (HOURS, time(16, 0), time(19, 0), [("arrival", TimesCode.OUTSIDE_HOURS), ("departure", TimesCode.OUTSIDE_HOURS)]),
        (HOURS, time(16, 30, 10), time(17, 0), [("arrival", TimesCode.SECONDS)]),
    ],
)
def test_the_times_a_booking_gives(counted_in, arrival, departure, errors) -> None:
    found = check_times(counted_in, OPENS, CLOSES, arrival, departure)
    assert [(e.field, e.code) for e in found] == errors


def test_the_messages_say_the_opening_hours_in_french() -> None:
    [error] = check_times(HOURS, OPENS, CLOSES, time(16, 0), time(17, 0))
    assert error.message == "L'accueil est ouvert de 16h30 à 18h30."
    assert hour_text(time(7, 5)) == "7h05"

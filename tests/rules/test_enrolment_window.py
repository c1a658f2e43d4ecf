"""When families may ask to enrol: the window's bounds, at the second before and after each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portail.rules.enrolment_window import (
    EnrolmentWindow,
    WindowState,
    check_bounds,
    effective_window,
    refusal,
    window_state,
)
from portail.rules.validity import TOWN_ZONE

OPENS = datetime(2027, 6, 1, 8, 0, tzinfo=TOWN_ZONE)  # 06:00 UTC (summer time)
CLOSES = datetime(2027, 6, 30, 18, 0, tzinfo=TOWN_ZONE)
SECOND = timedelta(seconds=1)
BOTH = EnrolmentWindow(OPENS, CLOSES)


@pytest.mark.parametrize(
    ("window", "now", "state"),
    [
        (BOTH, OPENS - SECOND, WindowState.NOT_YET_OPEN),
        (BOTH, OPENS, WindowState.OPEN),
        (BOTH, OPENS + SECOND, WindowState.OPEN),
        (BOTH, CLOSES - SECOND, WindowState.OPEN),
        (BOTH, CLOSES, WindowState.CLOSED),
        (BOTH, CLOSES + SECOND, WindowState.CLOSED),
        (EnrolmentWindow(OPENS, None), OPENS - SECOND, WindowState.NOT_YET_OPEN),
        (EnrolmentWindow(OPENS, None), datetime(2035, 1, 1, tzinfo=UTC), WindowState.OPEN),
        (EnrolmentWindow(None, CLOSES), datetime(2000, 1, 1, tzinfo=UTC), WindowState.OPEN),
        (EnrolmentWindow(None, CLOSES), CLOSES, WindowState.CLOSED),
        (EnrolmentWindow(), datetime(2000, 1, 1, tzinfo=UTC), WindowState.OPEN),
        # The same instant written in UTC.
        (BOTH, datetime(2027, 6, 1, 5, 59, 59, tzinfo=UTC), WindowState.NOT_YET_OPEN),
        (BOTH, datetime(2027, 6, 1, 6, 0, 0, tzinfo=UTC), WindowState.OPEN),
    ],
)
def test_the_window_takes_enrolments_from_its_opening_until_just_before_its_closing(window, now, state):
    assert window_state(window, now) is state
    assert (refusal(window, now) is None) is (state is WindowState.OPEN)


def test_the_refusals_say_when_in_the_towns_time():
    assert refusal(BOTH, OPENS - SECOND) == "Les inscriptions ouvrent le 01/06/2027 à 08:00."
    assert refusal(BOTH, CLOSES) == "Les inscriptions sont closes depuis le 30/06/2027 à 18:00."
    winter = EnrolmentWindow(datetime(2027, 1, 4, 7, 30, tzinfo=UTC))  # 08:30 in Paris (winter time)
    assert refusal(winter, datetime(2027, 1, 1, tzinfo=UTC)) == "Les inscriptions ouvrent le 04/01/2027 à 08:30."


@pytest.mark.parametrize(
    ("period_opens", "period_closes", "expected"),
    [
        (None, None, BOTH),
        (OPENS - timedelta(days=30), None, EnrolmentWindow(OPENS - timedelta(days=30), CLOSES)),
        (None, CLOSES + timedelta(days=1), EnrolmentWindow(OPENS, CLOSES + timedelta(days=1))),
        (OPENS + SECOND, CLOSES - SECOND, EnrolmentWindow(OPENS + SECOND, CLOSES - SECOND)),
    ],
)
def test_each_bound_a_period_sets_replaces_the_activitys(period_opens, period_closes, expected):
    assert effective_window(BOTH, period_opens, period_closes) == expected


def test_a_period_without_bounds_of_an_activity_without_bounds_is_always_open():
    assert effective_window(EnrolmentWindow(), None, None) == EnrolmentWindow()


@pytest.mark.parametrize(
    ("opens", "closes", "fine"),
    [
        (None, None, True),
        (OPENS, None, True),
        (None, CLOSES, True),
        (OPENS, OPENS + SECOND, True),
        (OPENS, OPENS, False),
        (OPENS, OPENS - SECOND, False),
    ],
)
def test_staff_close_after_they_open(opens, closes, fine):
    assert (check_bounds(opens, closes) is None) is fine


def test_naive_bounds_are_refused():
    with pytest.raises(ValueError, match="aware"):
        EnrolmentWindow(datetime(2027, 6, 1, 8, 0))

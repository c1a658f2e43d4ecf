"""Places of a period or group, in enrolled children: take, wait, or be refused; who moves up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portail.rules.enrolment_places import Placement, placement, places_left, promotions, waiting_ranks


@pytest.mark.parametrize(
    ("capacity", "holding", "keeps_line", "expected"),
    [
        (None, 0, False, Placement.TAKE),
        (None, 10_000, False, Placement.TAKE),
        (3, 0, False, Placement.TAKE),
        (3, 2, False, Placement.TAKE),  # the last place
        (3, 3, False, Placement.FULL),
        (3, 3, True, Placement.WAIT),
        (3, 2, True, Placement.TAKE),
        (3, 5, True, Placement.WAIT),  # staff lowered the capacity under what is held
        (3, 5, False, Placement.FULL),
    ],
)
def test_a_new_enrolment_takes_a_free_place_or_waits_or_is_refused(capacity, holding, keeps_line, expected):
    assert placement(capacity, holding, keeps_line) is expected


@pytest.mark.parametrize(
    ("capacity", "holding", "expected"), [(None, 7, None), (3, 0, 3), (3, 2, 1), (3, 3, 0), (3, 5, 0)]
)
def test_places_left(capacity, holding, expected):
    assert places_left(capacity, holding) == expected


@pytest.mark.parametrize(
    ("capacity", "holding", "waiting", "expected"),
    [
        (3, 3, 2, 0),
        (3, 2, 2, 1),
        (3, 0, 2, 2),
        (3, 5, 2, 0),
        (3, 2, 0, 0),
        (None, 9, 4, 4),
    ],
)
def test_the_free_places_let_the_first_in_line_in(capacity, holding, waiting, expected):
    assert promotions(capacity, holding, waiting) == expected


def test_ranks_follow_the_time_each_asked():
    t = datetime(2027, 6, 1, 8, 0, tzinfo=UTC)
    line = [(t + timedelta(minutes=5), "c"), (t, "b"), (t, "a"), (t + timedelta(minutes=1), "d")]
    assert waiting_ranks(line) == {"a": 1, "b": 2, "d": 3, "c": 4}
    assert waiting_ranks([]) == {}

"""Places per unit and day, admission and the waiting line (``portail.rules.capacity``)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from portail.rules.booking_states import BookingState, Transition
from portail.rules.capacity import (
    Admission,
    InLine,
    Places,
    admit,
    places_left,
    waiting_line,
    waiting_position,
    who_gets_places,
)

JAN_5, JAN_12 = date(2022, 1, 5), date(2022, 1, 12)
T0 = datetime(2021, 12, 20, 17, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("capacity", "held", "left"),
    [
        (None, 0, None),
        (None, 10_000, None),  # unlimited
        (10, 0, 10),
        (10, 9, 1),
        (10, 10, 0),
        (10, 11, 0),  # staff lowered the capacity under what is held: none left, not -1
        (0, 0, 0),
    ],
)
def test_places_left(capacity: int | None, held: int, left: int | None) -> None:
    assert places_left(capacity, held) == left


def test_only_place_holding_bookings_count() -> None:
    places = Places({})
    for state in BookingState:
        places.move(("REPAS", JAN_5), Transition(None, state))
    places.move(("REPAS", JAN_12), Transition(None, BookingState.ACCEPTED))
    places.move(("JOURNEE", JAN_5), Transition(None, BookingState.WAITING))
    # pending, accepted and cancellation_requested hold a place; waiting and ended ones do not.
    assert +places.held == {("REPAS", JAN_5): 3, ("REPAS", JAN_12): 1}
    assert +places.waiting == {("REPAS", JAN_5): 1, ("JOURNEE", JAN_5): 1}
    capacity_of = {"REPAS": 3, "JOURNEE": None}
    assert {
        slot: places_left(capacity_of[slot[0]], places.held[slot])
        for slot in [("REPAS", JAN_5), ("REPAS", JAN_12), ("JOURNEE", JAN_5)]
    } == {("REPAS", JAN_5): 0, ("REPAS", JAN_12): 2, ("JOURNEE", JAN_5): None}


def test_a_booking_moved_between_states_moves_its_place() -> None:
    slot = ("JOURNEE", JAN_5)
    places = Places({slot: 10}, {slot: 2})
    places.move(slot, Transition(BookingState.ACCEPTED, BookingState.CANCELLED))  # a place freed
    places.move(slot, Transition(BookingState.WAITING, BookingState.PENDING))  # the first in line takes it
    places.move(slot, Transition(BookingState.ACCEPTED, BookingState.CANCELLATION_REQUESTED))  # still held
    places.move(slot, Transition(BookingState.WAITING, BookingState.CANCELLED))  # leaves the line
    assert (places.held[slot], places.waiting[slot]) == (10, 0)


@pytest.mark.parametrize(
    ("capacity", "held", "waiting_list", "waiting", "admission"),
    [
        (None, 500, False, 0, Admission.PLACE),
        (None, 500, True, 3, Admission.PLACE),
        (10, 0, False, 0, Admission.PLACE),
        (10, 9, False, 0, Admission.PLACE),  # the last place
        (10, 10, False, 0, Admission.FULL),
        (10, 10, True, 0, Admission.WAIT),
        (10, 12, False, 0, Admission.FULL),
        (10, 12, True, 0, Admission.WAIT),
        (0, 0, False, 0, Admission.FULL),
        (0, 0, True, 0, Admission.WAIT),
        # Places freed but still owed to the line (staff raised the capacity): no passing the line.
        (10, 8, True, 2, Admission.WAIT),
        (10, 8, True, 1, Admission.PLACE),
        (10, 9, True, 1, Admission.WAIT),
    ],
)
def test_admit(capacity, held, waiting_list, waiting, admission) -> None:
    assert admit(capacity, held, waiting_list, waiting) is admission


def book_in_order(slots, places: Places, capacity_of, waiting_list_of) -> list[Admission]:
    """What each of ``slots`` gets when booked one after the other in one request."""
    result = []
    for slot in slots:
        admission = places.admit(slot, capacity_of[slot[0]], waiting_list_of[slot[0]])
        if admission is not Admission.FULL:
            state = BookingState.PENDING if admission is Admission.PLACE else BookingState.WAITING
            places.move(slot, Transition(None, state))
        result.append(admission)
    return result


def test_bookings_made_together_take_places_one_after_the_other() -> None:
    # Three children for the last place of a Wednesday with a waiting line, and one for the meal.
    slots = [
        ("JOURNEE", JAN_5),
        ("JOURNEE", JAN_5),
        ("REPAS", JAN_5),
        ("JOURNEE", JAN_5),
        ("JOURNEE", JAN_12),
    ]
    result = book_in_order(
        slots,
        Places({("JOURNEE", JAN_5): 9, ("REPAS", JAN_5): 1}),
        capacity_of={"JOURNEE": 10, "REPAS": 1},
        waiting_list_of={"JOURNEE": True, "REPAS": False},
    )
    assert result == [Admission.PLACE, Admission.WAIT, Admission.FULL, Admission.WAIT, Admission.PLACE]


def test_bookings_made_together_queue_behind_those_already_waiting() -> None:
    result = book_in_order(
        [("JOURNEE", JAN_5)] * 3,
        Places({("JOURNEE", JAN_5): 8}, {("JOURNEE", JAN_5): 1}),
        capacity_of={"JOURNEE": 10},
        waiting_list_of={"JOURNEE": True},
    )
    assert result == [Admission.PLACE, Admission.WAIT, Admission.WAIT]


# Bookings' ids as the database makes them: UUIDs version 7, beginning with the millisecond.
ARRIVALS = {name: uuid.UUID(int=(1_800_000_000_000 + i) << 80 | 0x7 << 76 | 0x2 << 62) for i, name in enumerate("abcdezy")}


def entry(booking: str, minutes: int, number: int, line: int = 0) -> InLine:
    return InLine(booking, T0 + timedelta(minutes=minutes), number, line, arrival=ARRIVALS[booking])


LINE = [
    entry("d", 5, 4273),
    entry("a", 0, 4062),
    entry("c", 5, 4062, 1),  # same instant as "b", same request: its line comes after
    entry("b", 5, 4062, 0),
    entry("e", 5, 4273),  # same instant and request as "d", same line: the one made first
]


def test_bookings_queued_in_the_same_second_without_a_request_wait_in_the_order_they_were_made() -> None:
    # Staff's bookings carry no request (number and line 0), and their time is the same second:
    # "z" was made a millisecond before "y", whatever their names or the rows' order.
    zed = InLine("z", T0, 0, 0, arrival=ARRIVALS["z"])
    why = InLine("y", T0, 0, 0, arrival=ARRIVALS["y"])
    assert [e.booking for e in waiting_line([why, zed])] == ["z", "y"]
    assert [e.booking for e in waiting_line([zed, why])] == ["z", "y"]
    assert waiting_position([why, zed], "y") == 2


def test_the_line_is_first_come_first_served() -> None:
    assert [e.booking for e in waiting_line(LINE)] == ["a", "b", "c", "d", "e"]
    # Whatever order the rows come in.
    assert waiting_line(reversed(LINE)) == waiting_line(LINE)


@pytest.mark.parametrize(
    ("booking", "position"), [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5), ("z", None)]
)
def test_waiting_position(booking: str, position: int | None) -> None:
    assert waiting_position(LINE, booking) == position


@pytest.mark.parametrize(
    ("capacity", "held", "promoted"),
    [
        (10, 10, []),
        (10, 11, []),
        (10, 9, ["a"]),  # one cancellation: the first in line
        (10, 8, ["a", "b"]),
        (10, 0, ["a", "b", "c", "d", "e"]),
        (None, 50, ["a", "b", "c", "d", "e"]),
    ],
)
def test_who_gets_freed_places(capacity: int | None, held: int, promoted: list[str]) -> None:
    assert [e.booking for e in who_gets_places(LINE, capacity, held)] == promoted


def test_nobody_waiting_gets_nothing() -> None:
    assert who_gets_places([], 10, 0) == []

"""Places per unit and day, what a new booking gets when few are left, and the waiting line.

A unit's capacity is per day (None: unlimited). The places held are the bookings that count
(``booking_states.PLACE_HOLDING_STATES``); the database locks the rows and asks these functions.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Generic, TypeVar

from portail.rules.booking_states import BookingState, Transition

# What names a unit (its id; a string in the tests) and what names a booking (its row or its id).
U = TypeVar("U", bound=Hashable)
B = TypeVar("B", bound=Hashable)

# A unit and a day: what capacity is counted for.
Slot = tuple[U, date]


class Admission(StrEnum):
    """What a new booking gets: a place, a place in the waiting line, or nothing (full)."""

    PLACE = "place"
    WAIT = "wait"
    FULL = "full"


def places_left(capacity: int | None, held: int) -> int | None:
    """Places still free (None: unlimited); never negative, even over a capacity staff lowered."""
    if capacity is None:
        return None
    return max(capacity - held, 0)


def admit(capacity: int | None, held: int, waiting_list: bool, waiting: int = 0) -> Admission:
    """What a new booking gets on a day with ``held`` places held and ``waiting`` in line.

    A place only when one is left beyond those already waiting: a newcomer never passes the line.
    """
    left = places_left(capacity, held)
    if left is None or left > waiting:
        return Admission.PLACE
    return Admission.WAIT if waiting_list else Admission.FULL


class Places(Generic[U]):
    """Places held and bookings waiting per (unit, day) while a request's lines are decided one after
    the other (one request, several children or units).

    Each line takes, frees or queues for its place before the next is looked at: two children asking
    for the last place get one place and one wait.
    """

    __slots__ = ("held", "waiting")

    def __init__(self, held: Mapping[Slot[U], int], waiting: Mapping[Slot[U], int] | None = None) -> None:
        self.held: Counter[Slot[U]] = Counter(held)
        self.waiting: Counter[Slot[U]] = Counter(waiting or {})

    def admit(self, slot: Slot[U], capacity: int | None, waiting_list: bool) -> Admission:
        """What a new booking of ``slot`` gets now (see ``admit``)."""
        return admit(capacity, self.held[slot], waiting_list, self.waiting[slot])

    def move(self, slot: Slot[U], change: Transition) -> None:
        """Count a booking of ``slot`` that made ``change`` (from None: a new booking)."""
        self.held[slot] += change.takes_place - change.frees_place
        if change.state is BookingState.WAITING:
            self.waiting[slot] += 1
        elif change.previous is BookingState.WAITING:
            self.waiting[slot] -= 1


@dataclass(frozen=True)
class InLine(Generic[B]):
    """A waiting booking: when its request was made, and what breaks a tie at the same instant."""

    booking: B
    requested_at: datetime
    request_number: int
    line: int = 0  # its position in the request, for several units or children asked together
    # Its arrival: the booking's id, a UUID version 7, which begins with the millisecond the booking
    # was made. It decides between bookings queued at the same instant with no request of their own
    # (staff's, whose request number and line are 0).
    arrival: uuid.UUID | None = None


def _order(entry: InLine[B]) -> tuple[datetime, int, int, int]:
    return (entry.requested_at, entry.request_number, entry.line, entry.arrival.int if entry.arrival else 0)


def waiting_line(entries: Iterable[InLine[B]]) -> list[InLine[B]]:
    """The line in order: first come, first served."""
    return sorted(entries, key=_order)


def waiting_position(entries: Iterable[InLine[B]], booking: B) -> int | None:
    """The booking's place in the line (1 is next), or None when it is not in it."""
    for position, entry in enumerate(waiting_line(entries), start=1):
        if entry.booking == booking:
            return position
    return None


def who_gets_places(entries: Iterable[InLine[B]], capacity: int | None, held: int) -> list[InLine[B]]:
    """The waiting bookings that get a place now that ``held`` places are held, first in line first."""
    line = waiting_line(entries)
    left = places_left(capacity, held)
    return line if left is None else line[:left]

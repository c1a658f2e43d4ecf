"""Places of a period or of one of its activity's groups, counted in enrolled children.

An enrolment pending or accepted holds a place; a waiting one does not. A new enrolment takes a free
place; a full period or group refuses it, or puts it on its waiting line where the activity keeps one.
When a place frees, the first in line (the oldest waiting enrolment) gets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from typing import TypeVar

# Enrolments that hold a place.
HOLDING = ("pending", "accepted")
WAITING = "waiting"


class Placement(Enum):
    TAKE = "take"  # a place is free
    WAIT = "wait"  # full: on the waiting line
    FULL = "full"  # full: refused


def placement(capacity: int | None, holding: int, keeps_waiting_line: bool) -> Placement:
    """Where a new enrolment goes when ``holding`` enrolments already hold the ``capacity`` places
    (None: unlimited)."""
    if capacity is None or holding < capacity:
        return Placement.TAKE
    return Placement.WAIT if keeps_waiting_line else Placement.FULL


def places_left(capacity: int | None, holding: int) -> int | None:
    """Free places (never below 0: staff may lower a capacity under what is held); None: unlimited."""
    return None if capacity is None else max(capacity - holding, 0)


def promotions(capacity: int | None, holding: int, waiting: int) -> int:
    """How many of the ``waiting`` enrolments the free places let in, first in line first."""
    if capacity is None:
        return waiting
    return max(0, min(waiting, capacity - holding))


K = TypeVar("K")


def waiting_ranks(line: Sequence[tuple[datetime, K]]) -> dict[K, int]:
    """Each waiting enrolment's rank on its line (1: next to get a place), by the time it asked (then
    its key, so that two asked at the same instant have a stable order)."""
    ordered = sorted(line, key=lambda entry: (entry[0], str(entry[1])))
    return {key: rank for rank, (_, key) in enumerate(ordered, start=1)}

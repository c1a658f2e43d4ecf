"""Units counted in hours ("garderie du soir à l'heure d'arrivée et de départ"): a booking of such a unit
says when the child arrives and leaves, within the unit's opening hours, and costs the tariff's price
for each step of time (the quarter-hour unless the unit says otherwise) it covers.

Any step begun is a step counted: 16h30 to 17h50 is 80 minutes, six quarter-hours (the sixth begun at
17h45). That is how towns bill an after-school care ("tout quart d'heure commencé est dû"), and it never
undercharges the minute a child is fetched late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

DAYS, HOURS = "days", "hours"
COUNTED_IN = (DAYS, HOURS)
MIN_STEP, MAX_STEP = 5, 240  # minutes


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def steps(arrival: time, departure: time, step_minutes: int) -> int:
    """The steps of ``step_minutes`` from ``arrival`` to ``departure``, any step begun counted."""
    length = max(minutes(departure) - minutes(arrival), 0)
    return -(-length // step_minutes)


def hours_price(step_price: int, arrival: time, departure: time, step_minutes: int) -> int:
    """What a stay costs, in cents, at ``step_price`` a step."""
    return step_price * steps(arrival, departure, step_minutes)


class TimesCode(StrEnum):
    """What is wrong with the times given for a booking."""

    REQUIRED = "REQUIRED"  # an hours unit booked without its arrival or departure
    NOT_COUNTED_IN_HOURS = "NOT_COUNTED_IN_HOURS"  # times given for a unit booked by the day
    NOT_AFTER_ARRIVAL = "NOT_AFTER_ARRIVAL"
    OUTSIDE_HOURS = "OUTSIDE_HOURS"
    SECONDS = "SECONDS"  # times are to the minute


@dataclass(frozen=True)
class TimesError:
    """An error on ``field`` ("arrival" or "departure"), with its French message."""

    field: str
    code: TimesCode
    message: str


def hour_text(moment: time) -> str:
    """16h30, 7h00: how French timetables write a time."""
    return f"{moment.hour}h{moment.minute:02d}"


def check_times(
    counted_in: str, opens: time | None, closes: time | None, arrival: time | None, departure: time | None
) -> list[TimesError]:
    """What is wrong with booking a unit counted ``counted_in`` from ``arrival`` to ``departure``."""
    if counted_in != HOURS:
        if arrival is None and departure is None:
            return []
        name = "arrival" if arrival is not None else "departure"
        return [
            TimesError(
                name,
                TimesCode.NOT_COUNTED_IN_HOURS,
                "Cette unité se réserve à la journée : pas d'heure d'arrivée ni de départ.",
            )
        ]
    errors = []
    if arrival is None:
        errors.append(TimesError("arrival", TimesCode.REQUIRED, "Indiquez l'heure d'arrivée."))
    if departure is None:
        errors.append(TimesError("departure", TimesCode.REQUIRED, "Indiquez l'heure de départ."))
    if arrival is None or departure is None:
        return errors
    for name, moment in (("arrival", arrival), ("departure", departure)):
        if moment.second or moment.microsecond or moment.tzinfo is not None:
            errors.append(TimesError(name, TimesCode.SECONDS, "L'heure se donne à la minute, sans fuseau."))
    if errors:
        return errors
    if minutes(departure) <= minutes(arrival):
        return [TimesError("departure", TimesCode.NOT_AFTER_ARRIVAL, "Le départ suit l'arrivée.")]
    if opens is not None and closes is not None:
        span = f"de {hour_text(opens)} à {hour_text(closes)}"
        if minutes(arrival) < minutes(opens):
            errors.append(TimesError("arrival", TimesCode.OUTSIDE_HOURS, f"L'accueil est ouvert {span}."))
        if minutes(departure) > minutes(closes):
            errors.append(TimesError("departure", TimesCode.OUTSIDE_HOURS, f"L'accueil est ouvert {span}."))
    return errors

"""The dates and times a client may send: within a sane range, and times with their offset.

A date at the ends of the calendar (year 1, year 9999) overflows as soon as a rule adds a month
or converts it to UTC; no date the portal deals in (birth dates, bookings, periods, history) lies
outside these bounds. A time without an offset is ambiguous (the town's clocks go back once a
year, so one local hour happens twice): it is refused rather than guessed.
"""

from __future__ import annotations

from datetime import date, datetime

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def date_problem(value: date) -> str | None:
    """Why ``value`` is out of range (French), or None."""
    if not EARLIEST <= value <= LATEST:
        return f"la date doit être comprise entre le {EARLIEST:%d/%m/%Y} et le {LATEST:%d/%m/%Y}"
    return None


def datetime_problem(value: datetime) -> str | None:
    """Why ``value`` cannot be taken as an instant (French), or None."""
    if value.tzinfo is None or value.utcoffset() is None:
        return "l'heure doit indiquer son décalage horaire (Z, +01:00 ou +02:00)"
    # The local date is checked before any conversion: converting year 1 at +14:00 would overflow.
    return date_problem(value.date())

"""Events: a unit that runs only on its own dates ("sortie à la plage le 15 juillet"), with its places
(the unit's capacity) and price (its tariff), and a cap on how many of its dates one child may have in
the period ("2 sorties par enfant sur l'été"), so that places go round.

A unit with no dates is a regular unit (it runs every day its period is open); a cap may be set on any
unit. The cap counts the child's bookings that hold or wait for a place (``booking_states.is_active``)
plus those the request adds, in the request's order: the first ones asked are taken, the rest refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

MAX_EVENT_DATES = 100


def parse_dates(stored: str) -> list[date]:
    """The dates a unit stores in its ``event_dates`` column (comma-separated ISO dates), in order."""
    return [date.fromisoformat(part) for part in stored.split(",") if part]


def store_dates(days: Iterable[date]) -> str:
    """The dates as the column keeps them: sorted, each once."""
    return ",".join(d.isoformat() for d in sorted(set(days)))


def runs_on(event_dates: Iterable[date], day: date) -> bool:
    """Whether a unit with ``event_dates`` (empty: a regular unit) may be booked on ``day``."""
    dates = set(event_dates)
    return not dates or day in dates


def within_cap(cap: int | None, already: int, asked_before: int) -> bool:
    """Whether one more booking fits a child with ``already`` bookings of the unit in the period and
    ``asked_before`` more taken earlier in the same request (None: no cap)."""
    return cap is None or already + asked_before < cap


def french_dates(days: Iterable[date]) -> str:
    """05/07/2027, 12/07/2027 et 19/07/2027."""
    texts = [d.strftime("%d/%m/%Y") for d in sorted(days)]
    if len(texts) <= 1:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} et {texts[-1]}"


def not_an_event_day_message(unit: str, event_dates: Iterable[date]) -> str:
    dates = list(event_dates)
    return f"« {unit} » n'a lieu que le{'s' if len(dates) > 1 else ''} {french_dates(dates)}."


def cap_message(unit: str, cap: int) -> str:
    return f"Au plus {cap} jour{'s' if cap > 1 else ''} de « {unit} » par enfant sur la période."

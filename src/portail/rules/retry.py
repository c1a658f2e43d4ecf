"""When to try a failed delivery again."""

from __future__ import annotations

from datetime import timedelta

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h."""
    # The exponent is capped: past it the wait is LONGEST_WAIT anyway, and timedelta would overflow.
    wait: timedelta = FIRST_RETRY * 2 ** min(max(attempts - 1, 0), 20)
    return min(wait, LONGEST_WAIT)
